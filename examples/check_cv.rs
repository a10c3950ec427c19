//! Checks one CV against the bundled vacancies and prints the ranked
//! report that `vacancy-match check` prints ([`vacancy_match::Report`]), in
//! English or Spanish: the same bytes as
//! `vacancy-match check CANDIDATE --as-of DATE --color never`.
//!
//! ```text
//! cargo run --example check_cv -- examples/candidates/ana_lopez_protection.yaml [--as-of 2024-01-15] [--lang es]
//! cargo run --example check_cv -- examples/candidates/ana_lopez_protection.yaml 2024-01-15
//! ```

use std::io::Write;
use std::process::ExitCode;

use vacancy_match::{Candidate, Lang, Report, RuleSet, RuleSource};

const USAGE: &str = "usage: check_cv CANDIDATE [[--as-of] YYYY-MM-DD] [--lang en|es]";

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
    // The date follows `--as-of`, or the candidate.
    let given = option(&args, "--as-of").or_else(|| {
        args.get(1)
            .filter(|a| !a.starts_with("--"))
            .map(|a| Some(a.as_str()))
    });
    let as_of = match given {
        Some(value) => match value.map(str::parse) {
            Some(Ok(date)) => date,
            _ => {
                eprintln!("--as-of needs a date such as 2024-01-15");
                return ExitCode::from(2);
            }
        },
        // The example reads the clock here, at the edge; the library never
        // does, and the report says the date is today's.
        None => chrono::Utc::now().date_naive(),
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
    let ranked = rules.assess(&candidate, as_of).lang(lang).ranked();
    let report = Report::new(&rules, &candidate, &ranked, as_of)
        .source(RuleSource::Bundled)
        .today(given.is_none());
    // A closed pipe (`| head`) ends the report quietly.
    let _ = write!(std::io::stdout().lock(), "{report}");
    ExitCode::SUCCESS
}
