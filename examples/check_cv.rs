//! Checks one CV against the bundled vacancies and prints a ranked report.
//!
//! ```text
//! cargo run --example check_cv -- examples/candidates/ana_lopez_protection.yaml [--as-of 2024-01-15]
//! ```

use std::io::Write;
use std::process::ExitCode;

use vacancy_match::{assess, Candidate, RuleSet};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: check_cv CANDIDATE [--as-of YYYY-MM-DD]");
        return ExitCode::from(2);
    };
    let as_of = match args.iter().position(|a| a == "--as-of") {
        Some(i) => match args.get(i + 1).map(|d| d.parse()) {
            Some(Ok(date)) => date,
            _ => {
                eprintln!("--as-of needs a date such as 2024-01-15");
                return ExitCode::from(2);
            }
        },
        // The example reads the clock here, at the edge; the library never does.
        None => chrono::Local::now().date_naive(),
    };
    let loaded = RuleSet::bundled().and_then(|rules| Ok((rules, Candidate::from_path(path)?)));
    let (rules, candidate) = match loaded {
        Ok(both) => both,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let name = candidate
        .name
        .clone()
        .or(candidate.id.clone())
        .unwrap_or_default();
    let count = rules.vacancies().len();
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) ends the report quietly.
    if writeln!(
        out,
        "{name} — assessed as of {as_of} against {count} vacancies\n"
    )
    .is_err()
    {
        return ExitCode::SUCCESS;
    }
    for assessment in assess(&candidate, &rules, as_of) {
        if writeln!(out, "{assessment}\n").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}
