//! A loop for profilers: assesses Ana López's profile (posting 000, the
//! five postings, or the golden test's 100 profiles with unknown names)
//! N times and prints a count, so that `valgrind --tool=callgrind` or
//! `perf` can divide what they measure by N.
//!
//! ```sh
//! cargo build --release --example explain_loop
//! valgrind --tool=callgrind target/release/examples/explain_loop one 1000
//! ```
//!
//! Modes: `one` (posting 000, every sentence written, candidate prepared
//! once), `eval` (the same, findings as data), `five` (the five postings,
//! every sentence written, preparation included) and `unknown` (the same
//! for the 100 generated profiles in turn). Run it with N = 0 too: the
//! difference is the cost of N assessments, without loading the rules.

use vacancy_match::{Candidate, NaiveDate, RuleSet};

const VACANCY_000: &str = "unhcr-gt-resettlement-officer-2024";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "one".to_string());
    let n: usize = args.next().map_or(Ok(1000), |n| n.parse())?;
    let rules = RuleSet::bundled()?;
    let cv = Candidate::from_yaml_str(include_str!("candidates/ana_lopez_protection.yaml"))?;
    let unknown = include_str!("../tests/data/golden/unknown_names.jsonl")
        .lines()
        .map(Candidate::from_json_str)
        .collect::<Result<Vec<_>, _>>()?;
    let as_of = NaiveDate::from_ymd_opt(2024, 1, 15).ok_or("date")?;
    let prepared = rules.prepare(&cv);
    let mut count = 0usize;
    for i in 0..n {
        count += match mode.as_str() {
            "one" => prepared
                .assess(as_of)
                .one(VACANCY_000)
                .map_or(0, |a| a.findings.len()),
            "eval" => prepared
                .assess(as_of)
                .evaluate_one(VACANCY_000)
                .map_or(0, |e| e.findings().len()),
            "five" => rules.assess(&cv, as_of).each().len(),
            "unknown" => rules
                .assess(&unknown[i % unknown.len()], as_of)
                .each()
                .len(),
            other => return Err(format!("unknown mode {other}: one, eval, five or unknown").into()),
        };
    }
    println!("{count}");
    Ok(())
}
