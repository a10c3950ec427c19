//! The subcommands, and what they share: loading rules, exit codes,
//! writing to standard output.

pub(crate) mod args;
mod cases;
mod check;
mod files;
pub(crate) mod import;
mod list;
mod output;
mod paint;
mod report;
mod screen;
mod shortlist;
mod validate;
mod wrap;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use vacancy_match::{escape_terminal, Error, ErrorKind, RuleSet};

use args::{Cli, Command, SchemaKind};

/// Exit status: every input was read and assessed or valid.
const OK: u8 = 0;
/// Exit status: some input (a profile, a file to validate) was bad.
const BAD_INPUT: u8 = 1;
/// Exit status: the command could not run as asked.
const USAGE: u8 = 2;

/// What clap could not parse, or the help or version asked for: printed,
/// with the exit status. Help that cannot be written (a full disk) is an
/// error, not a success.
pub(crate) fn clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind as Clap;
    match e.kind() {
        Clap::DisplayHelp | Clap::DisplayVersion => {
            let mut out = io::stdout().lock();
            let written = write!(out, "{}", e.render()).and_then(|()| out.flush());
            ExitCode::from(finish_output(written, OK))
        }
        _ => {
            let _ = e.print();
            ExitCode::from(USAGE)
        }
    }
}

/// Runs a parsed command line as of `today` (read once, by `main`).
pub(crate) fn run(cli: Cli, today: NaiveDate) -> ExitCode {
    paint::set_when(cli.color);
    QUIET.store(cli.quiet, Ordering::Relaxed);
    let code = match cli.command {
        Command::Check(args) => check::run(&args, today),
        Command::Screen(args) if shortlist::applies(&args) => shortlist::run(&args, today),
        Command::Screen(args) => screen::run(&args, today),
        Command::List(args) => list::run(&args, today),
        Command::Completions(args) => completions(args.shell),
        Command::Man(args) => man(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema(args.which),
        Command::Test(args) => cases::run(&args),
        Command::New(args) => match (args.file.as_deref(), args.sheet.as_deref()) {
            (Some(word), Some(sheet)) if word == Path::new("mapping") => import::new_mapping(sheet),
            (Some(word), None) if word == Path::new("mapping") => {
                eprintln!("error: `new mapping` needs the export: vacancy-match new mapping SHEET");
                USAGE
            }
            (_, Some(_)) => {
                eprintln!("error: unexpected second argument: only `new mapping SHEET` takes one");
                USAGE
            }
            _ => cases::new(&args),
        },
        Command::Import(args) => import::run(&args),
    };
    ExitCode::from(code)
}

/// `-q`: no progress, summary or notes on standard error.
static QUIET: AtomicBool = AtomicBool::new(false);

/// Whether `-q` was given.
fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

fn completions(shell: clap_complete::Shell) -> u8 {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let mut out = io::stdout().lock();
    clap_complete::generate(shell, &mut command, "vacancy-match", &mut out);
    finish_output(out.flush(), OK)
}

fn man(args: &args::ManArgs) -> u8 {
    use clap::CommandFactory;
    let mut out = match output::open_or_exit(args.output.output.as_deref(), []) {
        Ok(out) => out,
        Err(code) => return code,
    };
    let written = clap_mangen::Man::new(Cli::command()).render(&mut out);
    output::finish(out, written, OK)
}

fn schema(which: SchemaKind) -> u8 {
    let schema = match which {
        SchemaKind::Rules => vacancy_match::rules_schema(),
        SchemaKind::Candidate => vacancy_match::candidate_schema(),
        SchemaKind::Mapping => vacancy_match::mapping_schema(),
        SchemaKind::Output => vacancy_match::output_schema(),
    };
    let mut out = io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &schema)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    finish_output(written, OK)
}

/// The rule set to use: `--rules` (a folder or one vacancy file), else
/// the bundled one; and how to name it in reports.
fn load_rules(path: Option<&Path>) -> Result<(RuleSet, String), Error> {
    match path {
        None => Ok((RuleSet::bundled()?, "bundled rules".to_string())),
        Some(p) if p.is_file() => Ok((RuleSet::from_file(p)?, format!("rules {}", p.display()))),
        Some(p) => Ok((RuleSet::from_dir(p)?, format!("rules {}", p.display()))),
    }
}

/// The assessment date, and how reports name it: a default date is
/// today in UTC, and says so.
fn as_of(
    given: Option<NaiveDate>,
    today: NaiveDate,
    lang: vacancy_match::Lang,
) -> (NaiveDate, String) {
    match given {
        Some(date) => (date, date.to_string()),
        None if lang == vacancy_match::Lang::Es => (today, format!("{today} (hoy, UTC)")),
        None => (today, format!("{today} (today, UTC)")),
    }
}

/// Loads the rules, or reports why not and gives the exit status.
fn rules_or_exit(path: Option<&Path>) -> Result<(RuleSet, String), u8> {
    load_rules(path).map_err(|e| {
        let problems = e.problems();
        match path {
            Some(p) => eprintln!(
                "error: cannot load the rules in {}:",
                escape_terminal(&p.display().to_string())
            ),
            None => eprintln!("error: cannot load the bundled rules:"),
        }
        if let Some(p) = path.filter(|p| p.is_file()) {
            if vacancy_match::Candidate::from_path(p).is_ok() {
                eprintln!(
                    "  {}: a candidate profile, expected a vacancy file or a rules folder \
                     (profiles go after the subcommand, not after --rules)",
                    escape_terminal(&p.display().to_string())
                );
                return USAGE;
            }
        }
        for problem in problems {
            eprintln!("  {}", escape_terminal(&problem.to_string()));
        }
        USAGE
    })
}

/// A problem as `FILE:LINE:COLUMN: FIELD.PATH: MESSAGE`, naming `file`
/// when the problem itself names none.
fn describe(problem: &Error, file: &str) -> String {
    let text = match problem.kind() {
        ErrorKind::Io { .. } | ErrorKind::Many(_) => problem.to_string(),
        _ if problem.location().is_some_and(|l| l.file().is_none()) => {
            let location = problem.location().cloned().unwrap_or_default();
            let message = problem.message();
            let mut text = file.to_string();
            if let Some(line) = location.line() {
                text.push_str(&format!(":{line}"));
                if let Some(column) = location.column() {
                    text.push_str(&format!(":{column}"));
                }
            }
            if let Some(path) = location.path() {
                text.push_str(": ");
                text.push_str(path);
            }
            text.push_str(": ");
            text.push_str(message);
            text
        }
        _ => problem.to_string(),
    };
    escape_terminal(&text).into_owned()
}

/// The exit status after writing output: `code` if it went well; a
/// reader that stopped early (`| head`) is not an error; any other
/// failure to write is.
fn finish_output(written: io::Result<()>, code: u8) -> u8 {
    match written {
        Ok(()) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            eprintln!(
                "error: cannot write the output: {}",
                escape_terminal(&e.to_string())
            );
            USAGE
        }
    }
}
