//! Loads each profile named on the command line and prints every problem
//! found, located by file, line, column and field path.
//!
//! ```text
//! cargo run --example validate_profiles -- examples/candidates/*.yaml
//! ```

use std::process::ExitCode;

use vacancy_match::Candidate;

fn main() -> ExitCode {
    let mut bad = 0_usize;
    for path in std::env::args().skip(1) {
        let started = std::time::Instant::now();
        match Candidate::from_path(&path) {
            Ok(c) => println!("ok    {path} ({})", c.id.unwrap_or_default()),
            Err(e) => {
                bad = bad.saturating_add(1);
                for problem in e.problems() {
                    println!("error {problem}  [{:?}]", started.elapsed());
                }
            }
        }
    }
    if bad == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
