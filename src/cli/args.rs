//! The command line, as clap reads it.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str =
    "Check job candidates against vacancy eligibility rules and explain every verdict";

const LONG_ABOUT: &str = "\
Check job candidates against vacancy eligibility rules and explain every verdict.

Vacancies are YAML rule files (one vacancy per file, plus vocabulary.yaml);
candidate profiles are YAML or JSON. Without --rules, the rule set bundled
into the program is used, so it works from any directory. Without --as-of,
today's date is used; the date is part of every report.";

const MAIN_AFTER: &str = "\
Examples:
  vacancy-match check cv.yaml
  vacancy-match screen profiles/ --vacancy unhcr-gt-resettlement-officer-2024 --format csv > out.csv
  vacancy-match validate --rules rules/ profiles/
  vacancy-match schema candidate > candidate.schema.json
  vacancy-match test rules/
  vacancy-match new rules/005_new_posting.yaml

Exit status: 0 all went well; 1 some input (a profile, a file to validate)
was bad; 2 the command could not run as asked (usage, --as-of, unknown
vacancy id, rules that do not load, output that cannot be written).";

const CHECK_AFTER: &str = "\
Examples:
  vacancy-match check cv.yaml
  vacancy-match check cv.json --as-of 2024-01-15 --format json
  cat cv.yaml | vacancy-match check - --rules my-rules/

Vacancies are ranked: eligible, then needs review, then ineligible; by score
within the first two, and ineligible ones by how far they fall short (the
nearest first), then by score. Each block starts with the verdict, then what is missing, what
a person must verify, and what is met; closed vacancies are marked. Colour
is used only when standard output is a terminal and NO_COLOR is not set.

Exit status: 0 assessed; 1 the profile could not be read; 2 usage or rules.";

const SCREEN_AFTER: &str = "\
Examples:
  vacancy-match screen profiles/ --format csv > screen.csv
  vacancy-match screen a.yaml b.json --vacancy iom-gt-operations-assistant-2025
  export-profiles | vacancy-match screen - --format jsonl --as-of 2025-10-01

CANDIDATES are profile files, directories (every *.yaml, *.yml, *.json and
*.jsonl file in them, in name order; other files such as README.md are
skipped; no recursion), JSON Lines files (*.jsonl, one profile per line), or
`-` for JSON Lines on standard input, read and written one line at a time.

One record per candidate x vacancy, in input order, then rule-set order.
Fields, in every format: source, candidate, name, vacancy, title, verdict,
score, closed, as_of, unmet, to_verify, gaps, error. A profile that cannot
be read gives one record with `source` and `error` set, and the rest still
run.

Exit status: 0 every profile was read; 1 some were not (see their error
records); 2 usage, bad --as-of, unknown --vacancy, rules that do not load.";

const VALIDATE_AFTER: &str = "\
Examples:
  vacancy-match validate                      # the bundled rules
  vacancy-match validate --rules rules/
  vacancy-match validate profiles/ new_cv.yaml
  vacancy-match validate rules/004_new_posting.yaml

What each path is taken to be:
  --rules DIR        a rule set: every vacancy file and vocabulary.yaml in it,
                     checked together (duplicate vacancy ids across files too)
  a directory        a rule set if it holds vocabulary.yaml or a vacancy
                     file, else a folder of profiles (*.yaml, *.yml, *.json,
                     *.jsonl)
  a file             vocabulary.yaml is a vocabulary; a file with a top-level
                     `requirements` or `duty_station` key is a vacancy; a
                     *.jsonl file holds one profile per line; any other file
                     is a profile
With no --rules and no FILES, the bundled rule set is checked.

Every problem is printed as FILE:LINE:COLUMN: FIELD.PATH: MESSAGE.
Exit status: 0 no problem (one summary line); 1 any problem.";

const SCHEMA_AFTER: &str = "\
Examples:
  vacancy-match schema rules > vacancy.schema.json
  vacancy-match schema candidate > candidate.schema.json

For VS Code's YAML extension, start a file with:
  # yaml-language-server: $schema=candidate.schema.json";

const TEST_AFTER: &str = "\
Examples:
  vacancy-match test                 # ./rules, or the bundled rules
  vacancy-match test rules/ drafts/005_new_posting.yaml
  vacancy-match test --require-cases 4 rules/   # as CI should

Each case of a rule file's `tests:` list names a profile (inline, or a file
relative to the rule file), an as-of date, and what the vacancy must give
it: a verdict, reason codes, a score range. One line per case: pass, or
FAIL with every difference. A vacancy without cases is a warning; with
--require-cases N, a vacancy with fewer than N cases fails.

Exit status: 0 every case passed; 1 a case failed or a vacancy has too few
cases; 2 rules that do not load.";

const NEW_AFTER: &str = "\
Examples:
  vacancy-match new rules/005_unhcr_new_post.yaml
  vacancy-match new > draft.yaml

The skeleton holds every requirement kind, each with a comment on its
fields, a `source:` to fill with the posting's words, and example test
cases. Delete what the posting does not ask; replace every placeholder
(`validate` refuses the file until then); then run
`vacancy-match validate --rules rules/` and
`vacancy-match test --require-cases 4 rules/`.

Exit status: 0 written; 2 the file exists or cannot be written.";

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "vacancy-match",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = MAIN_AFTER,
    propagate_version = true
)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check one candidate against every vacancy, ranked, with explanations
    #[command(after_help = CHECK_AFTER)]
    Check(CheckArgs),
    /// Screen many candidates against one or all vacancies, one record each
    #[command(after_help = SCREEN_AFTER)]
    Screen(ScreenArgs),
    /// Check rule files and profiles, reporting every problem with its place
    #[command(after_help = VALIDATE_AFTER)]
    Validate(ValidateArgs),
    /// Print the JSON Schema of rule files or of candidate profiles
    #[command(after_help = SCHEMA_AFTER)]
    Schema(SchemaArgs),
    /// Run the test cases that rule files carry, with a pass/fail line each
    #[command(after_help = TEST_AFTER)]
    Test(TestArgs),
    /// Write a commented skeleton of a new vacancy file, every kind present
    #[command(after_help = NEW_AFTER)]
    New(NewArgs),
}

/// `test`.
#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// Rules folders or vacancy files [default: ./rules if it exists, else the bundled rules]
    #[arg(value_name = "RULES")]
    pub(crate) rules: Vec<PathBuf>,
    /// Fail if a vacancy carries fewer than N test cases
    #[arg(long, value_name = "N")]
    pub(crate) require_cases: Option<usize>,
}

/// `new`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// File to write (refused if it exists) [default: standard output]
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
}

/// Where the rules come from.
#[derive(Debug, Args)]
pub(crate) struct RulesArg {
    /// Rules folder (vacancy files and vocabulary.yaml) or one vacancy file
    /// [default: the bundled rules]
    #[arg(long, value_name = "DIR")]
    pub(crate) rules: Option<PathBuf>,
}

/// The assessment date.
#[derive(Debug, Args)]
pub(crate) struct AsOfArg {
    /// Date to assess as of, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) as_of: Option<NaiveDate>,
}

/// The language of explanations.
#[derive(Debug, Args)]
pub(crate) struct LangArg {
    /// Language of the explanations: en or es
    #[arg(long, value_name = "LANG", default_value = "en", value_parser = parse_lang)]
    pub(crate) lang: vacancy_match::Lang,
}

/// `check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// Profile file (YAML or JSON), or `-` for one profile on standard input
    #[arg(value_name = "CANDIDATE")]
    pub(crate) candidate: PathBuf,
    #[command(flatten)]
    pub(crate) rules: RulesArg,
    #[command(flatten)]
    pub(crate) as_of: AsOfArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    #[command(flatten)]
    pub(crate) lang: LangArg,
}

/// `screen`.
#[derive(Debug, Args)]
pub(crate) struct ScreenArgs {
    /// Profile files, directories, *.jsonl files, or `-` for JSON Lines on standard input
    #[arg(value_name = "CANDIDATES", required = true)]
    pub(crate) candidates: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) rules: RulesArg,
    /// Only this vacancy (by id) [default: every vacancy]
    #[arg(long, value_name = "ID")]
    pub(crate) vacancy: Option<String>,
    #[command(flatten)]
    pub(crate) as_of: AsOfArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = ScreenFormat::Text)]
    pub(crate) format: ScreenFormat,
    #[command(flatten)]
    pub(crate) lang: LangArg,
    /// Threads screening at once; output order stays input order
    /// [default: the number of cores]
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<usize>,
}

/// `validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    #[command(flatten)]
    pub(crate) rules: RulesArg,
    /// Rule files, rule folders, profiles or folders of profiles
    #[arg(value_name = "FILES")]
    pub(crate) files: Vec<PathBuf>,
}

/// `schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// Which format
    #[arg(value_enum, value_name = "WHICH")]
    pub(crate) which: SchemaKind,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// A report for people
    Text,
    /// The assessments, with every finding and its evidence
    Json,
}

/// Output formats of `screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ScreenFormat {
    /// One line per record, for people
    Text,
    /// A JSON array of records
    Json,
    /// One JSON record per line
    Jsonl,
    /// CSV with a header line
    Csv,
}

/// The schemas `schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaKind {
    /// A vacancy rule file
    Rules,
    /// A candidate profile
    Candidate,
}

fn parse_lang(text: &str) -> Result<vacancy_match::Lang, String> {
    text.parse()
        .map_err(|e: vacancy_match::Error| e.to_string())
}

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|e| format!("invalid date `{text}` ({e}), expected YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn dates_are_checked() {
        assert!(parse_date("2024-01-15").is_ok());
        assert!(parse_date("2024-02-30").is_err());
        assert!(parse_date("15/01/2024").is_err());
    }
}
