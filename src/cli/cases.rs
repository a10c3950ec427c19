//! `test`: run the cases rule files carry; `new`: write a skeleton.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::args::{NewArgs, TestArgs};
use super::{finish_output, rules_or_exit, BAD_INPUT, OK, USAGE};

/// The skeleton `new` writes: every requirement kind, commented, and
/// tested to load cleanly (tests/docs.rs).
const SKELETON: &str = include_str!("../../docs/skeleton.yaml");

pub(crate) fn run(args: &TestArgs) -> u8 {
    let folders: Vec<Option<PathBuf>> = if args.rules.is_empty() {
        let local = Path::new("rules");
        vec![local.is_dir().then(|| local.to_path_buf())]
    } else {
        args.rules.iter().cloned().map(Some).collect()
    };
    let mut out = io::stdout().lock();
    let mut passed = 0_usize;
    let mut failed = 0_usize;
    let mut too_few = 0_usize;
    for folder in folders {
        let (rules, _) = match rules_or_exit(folder.as_deref()) {
            Ok(loaded) => loaded,
            Err(code) => return code,
        };
        let outcomes = rules.run_cases();
        for outcome in &outcomes {
            if outcome.passed() {
                passed = passed.saturating_add(1);
            } else {
                failed = failed.saturating_add(1);
            }
            if let Err(e) = writeln!(out, "{outcome}") {
                return finish_output(Err(e), USAGE);
            }
        }
        for vacancy in rules.vacancies() {
            let count = outcomes
                .iter()
                .filter(|o| o.vacancy == vacancy.id())
                .count();
            let place = vacancy.file().unwrap_or(vacancy.id());
            let line = match args.require_cases {
                Some(needed) if count < needed => {
                    too_few = too_few.saturating_add(1);
                    format!(
                        "FAIL  {} carries {count} test {}, --require-cases asks for {needed}  ({place})",
                        vacancy.id(),
                        if count == 1 { "case" } else { "cases" }
                    )
                }
                _ if count == 0 => format!(
                    "warning: {} carries no test cases: add a `tests:` list  ({place})",
                    vacancy.id()
                ),
                _ => continue,
            };
            if let Err(e) = writeln!(out, "{line}") {
                return finish_output(Err(e), USAGE);
            }
        }
    }
    let mut written = writeln!(out, "\n{passed} passed, {failed} failed");
    if too_few > 0 {
        written = written.and_then(|()| {
            writeln!(
                out,
                "{too_few} {} fewer test cases than --require-cases asks",
                if too_few == 1 {
                    "vacancy has"
                } else {
                    "vacancies have"
                }
            )
        });
    }
    let written = written.and_then(|()| out.flush());
    finish_output(
        written,
        if failed == 0 && too_few == 0 {
            OK
        } else {
            BAD_INPUT
        },
    )
}

pub(crate) fn new(args: &NewArgs) -> u8 {
    match &args.file {
        None => {
            let mut out = io::stdout().lock();
            finish_output(
                out.write_all(SKELETON.as_bytes())
                    .and_then(|()| out.flush()),
                OK,
            )
        }
        Some(path) => {
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| f.write_all(SKELETON.as_bytes()));
            match created {
                Ok(()) => {
                    eprintln!(
                        "wrote {}: fill in the posting's words in place of every placeholder, \
                         delete what it does not ask, then run `vacancy-match validate` and \
                         `vacancy-match test --require-cases 4`",
                        path.display()
                    );
                    OK
                }
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", path.display());
                    USAGE
                }
            }
        }
    }
}
