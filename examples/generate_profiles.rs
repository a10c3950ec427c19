//! Writes generated candidate profiles as JSON Lines, for screening and
//! load tests.
//!
//! ```text
//! cargo run --release --example generate_profiles -- 1000000 > /tmp/profiles.jsonl
//! cargo run --release --example generate_profiles -- 1000 --seed 7
//! ```
//!
//! The profiles are deterministic: the same count and seed give the same
//! bytes, and profile `n` is the same whatever the count.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[path = "../benches/support/generator.rs"]
mod generator;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: generate_profiles COUNT [--seed N]";
    let Some(count) = args.first().and_then(|c| c.parse::<u64>().ok()) else {
        eprintln!("{usage}");
        return ExitCode::from(2);
    };
    let seed = match args.iter().position(|a| a == "--seed") {
        None => generator::DEFAULT_SEED,
        Some(i) => match args.get(i + 1).and_then(|s| s.parse().ok()) {
            Some(seed) => seed,
            None => {
                eprintln!("{usage}");
                return ExitCode::from(2);
            }
        },
    };
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::with_capacity(1 << 16, stdout);
    for i in 0..count {
        let line = generator::profile_json(seed, i);
        if writeln!(out, "{line}").is_err() {
            // A closed pipe (`| head`) is not an error worth reporting.
            return ExitCode::SUCCESS;
        }
    }
    if out.flush().is_err() {
        return ExitCode::SUCCESS;
    }
    ExitCode::SUCCESS
}
