//! `vacancy-match`: check candidates against vacancy eligibility rules from
//! the command line, for an applicant checking one CV and for HR screening
//! scripts that push thousands of profiles through and read JSON or CSV
//! back. See the README's CLI section, or `vacancy-match --help`.

mod cli;

/// Screening allocates many short strings (explanations, records); the
/// system allocator was a quarter of a screen's time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::args::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return cli::clap_error(&e),
    };
    // The only place the clock is read: the library takes `as_of`
    // explicitly, and every command gets today's date from here, in UTC so
    // that two machines agree on it whatever their time zones.
    let today = chrono::Utc::now().date_naive();
    cli::run(args, today)
}
