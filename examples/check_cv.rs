//! Checks one CV against the bundled vacancies and prints a ranked report,
//! in English or Spanish.
//!
//! ```text
//! cargo run --example check_cv -- examples/candidates/ana_lopez_protection.yaml [--as-of 2024-01-15] [--lang es]
//! ```

use std::io::Write;
use std::process::ExitCode;

use vacancy_match::{Candidate, Lang, RuleSet};

const USAGE: &str = "usage: check_cv CANDIDATE [--as-of YYYY-MM-DD] [--lang en|es]";

/// The value after `--name`, if the flag is given.
fn option<'a>(args: &'a [String], name: &str) -> Option<Option<&'a str>> {
    let i = args.iter().position(|a| a == name)?;
    Some(args.get(i + 1).map(String::as_str))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let as_of = match option(&args, "--as-of") {
        Some(value) => match value.map(str::parse) {
            Some(Ok(date)) => date,
            _ => {
                eprintln!("--as-of needs a date such as 2024-01-15");
                return ExitCode::from(2);
            }
        },
        // The example reads the clock here, at the edge; the library never does.
        None => chrono::Local::now().date_naive(),
    };
    let lang = match option(&args, "--lang") {
        Some(value) => match value.map(str::parse::<Lang>) {
            Some(Ok(lang)) => lang,
            Some(Err(e)) => {
                eprintln!("--lang: {e}");
                return ExitCode::from(2);
            }
            None => {
                eprintln!("--lang needs en or es");
                return ExitCode::from(2);
            }
        },
        None => Lang::En,
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
    let heading = match lang {
        Lang::En => format!("{name} — assessed as of {as_of} against {count} vacancies"),
        Lang::Es => format!("{name} — evaluación al {as_of} frente a {count} vacantes"),
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) ends the report quietly.
    if writeln!(out, "{heading}\n").is_err() {
        return ExitCode::SUCCESS;
    }
    for assessment in rules.assess(&candidate, as_of).lang(lang).ranked() {
        if writeln!(out, "{assessment}\n").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}
