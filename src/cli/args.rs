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
today's date in UTC is used; the date is part of every report.";

const MAIN_AFTER: &str = "\
Examples:
  vacancy-match check cv.yaml
  vacancy-match screen profiles/ --vacancy unhcr-gt-resettlement-officer-2024 --format csv > out.csv
  vacancy-match validate --rules rules/ profiles/
  vacancy-match schema candidate > candidate.schema.json
  vacancy-match test rules/
  vacancy-match new rules/005_new_posting.yaml
  vacancy-match import applicants.xlsx --mapping form.yaml -o profiles.jsonl
  vacancy-match screen applicants.xlsx --mapping form.yaml --format csv

Exit status: 0 all went well; 1 some input (a profile, a file to validate)
was bad; 2 the command could not run as asked (usage, --as-of, unknown
vacancy id, rules that do not load, output that cannot be written).";

const CHECK_AFTER: &str = "\
Examples:
  vacancy-match check cv.yaml
  vacancy-match check cv.json --as-of 2024-01-15 --format json
  cat cv.yaml | vacancy-match check - --rules my-rules/
  vacancy-match check resume.json      # a JSON Resume, detected by its shape

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
  vacancy-match screen applicants.xlsx --mapping form.yaml --format csv

With --mapping, CANDIDATES are spreadsheet exports (.xlsx, .ods, .xls,
.csv), one applicant per row, read as the mapping file says (see `vacancy-
match schema mapping` and docs/IMPORT.md); `source` is FILE:SHEET!ROW. A
row with cells that cannot be read gives an error record naming each cell,
then the records of the rest of the row (the unreadable values are not
stated, so what needs them is to verify).
  vacancy-match screen profiles/ --open-only --verdict eligible,needs_review \\
      --sort score --top 10 --summary --format csv -o shortlist.csv
  vacancy-match screen profiles/ --format html --lang es -o report.html

CANDIDATES are profile files, directories (every *.yaml, *.yml, *.json and
*.jsonl file in them, in name order; other files such as README.md are
skipped; no recursion), JSON Lines files (*.jsonl, one profile per line), or
`-` for JSON Lines on standard input, read and written one line at a time.
In a folder, an entry named like a profile that is not a regular file (a
dangling or looping link, a named pipe, a device, a directory) or a link
leading out of the folder (unless --follow-links) gets an error record; a
selection with no profile at all is an error.

One record per candidate x vacancy, in input order, then rule-set order.
In CSV, a text cell that starts with = + - @ tab or carriage return is
written with a leading ' (OWASP's advice against formula injection);
--raw-csv writes it as it is.
Fields, in every format: source, candidate, name, vacancy, title, verdict,
score, closed, as_of, unmet, to_verify, gaps, error. A profile that cannot
be read gives one record with `source` and `error` set, and the rest still
run.

Shortlists: --verdict, --open-only and several --vacancy filter the
records and still stream, one input at a time. --sort, --top and
--format html keep the records until the end: about 1.5 KB of memory
per record kept (candidate x vacancy; 150 MB for 100,000), and for html
about 40 KB (the whole assessment and its part of the page; use --top or
--verdict on large screens). With --top N, at most 2N records a vacancy
are kept, however many profiles are screened. --summary counts every record screened, before
--verdict and --top.

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
--format json prints one object instead: schema_version, ok, the counts
checked, problems [{file, message}] and warnings [{vacancy, file, line,
path, message, fix}].
Exit status: 0 no problem (one summary line); 1 any problem.";

const SCHEMA_AFTER: &str = "\
Examples:
  vacancy-match schema rules > vacancy.schema.json
  vacancy-match schema candidate > candidate.schema.json
  vacancy-match schema mapping > mapping.schema.json
  vacancy-match schema output > output.schema.json

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

const LIST_AFTER: &str = "\
Examples:
  vacancy-match list
  vacancy-match list --rules rules/ --as-of 2025-01-01 --format json

One line per vacancy: id, open or closed on the as-of date, deadline,
organization, duty station, required and desirable requirements, title.";

const COMPLETIONS_AFTER: &str = "\
Examples:
  vacancy-match completions bash > ~/.local/share/bash-completion/completions/vacancy-match
  vacancy-match completions zsh > ~/.zfunc/_vacancy-match
  vacancy-match completions fish > ~/.config/fish/completions/vacancy-match.fish";

const MAN_AFTER: &str = "\
Examples:
  vacancy-match man | man -l -
  vacancy-match man -o /usr/local/share/man/man1/vacancy-match.1";

const NEW_AFTER: &str = "\
Examples:
  vacancy-match new rules/005_unhcr_new_post.yaml
  vacancy-match new > draft.yaml
  vacancy-match new mapping applicants.xlsx > form.yaml

The skeleton holds every requirement kind, each with a comment on its
fields, a `source:` to fill with the posting's words, and example test
cases. Delete what the posting does not ask; replace every placeholder
(`validate` refuses the file until then); then run
`vacancy-match validate --rules rules/` and
`vacancy-match test --require-cases 4 rules/`.

`new mapping SHEET` drafts a mapping file from the export's header row:
the columns it can place, guessed from their names in English or
Spanish, and a list of those it cannot; check every line.

Exit status: 0 written; 2 the file exists or cannot be written, or the
export cannot be read.";

const IMPORT_AFTER: &str = "\
Examples:
  vacancy-match import applicants.xlsx --mapping form.yaml > profiles.jsonl
  vacancy-match import applicants.csv --mapping form.yaml -o profiles/

One profile per applicant row, with `provenance` naming the cell of every
entry. Without -o, or with -o FILE, JSON Lines; with -o DIR (an existing
folder, or a path ending in /), one YAML file per applicant, named by its
id. Cells that cannot be read are reported on standard error, one line
each (FILE:SHEET!CELL: message); the rest of the row is written, the
unreadable values left out (not stated). Rows the mapping's skip_rows
names (a total row) are reported as skipped.

Exit status: 0 every cell was read; 1 some could not be; 2 the mapping or
the export cannot be used (a column the header lacks, a missing sheet).";

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
    /// When to colour the output: auto (a terminal, unless NO_COLOR is
    /// set; CLICOLOR_FORCE forces it), always or never
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub(crate) color: ColorWhen,
    /// Print no progress bar or notes on standard error (errors, and a
    /// --summary asked for, still)
    #[arg(long, short = 'q', global = true)]
    pub(crate) quiet: bool,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorWhen {
    /// Colour on terminals, as NO_COLOR and CLICOLOR_FORCE say
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
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
    /// Write a commented skeleton of a new vacancy file, or draft a mapping
    #[command(after_help = NEW_AFTER)]
    New(NewArgs),
    /// Read applicants from a spreadsheet export into profiles, with a mapping
    #[command(after_help = IMPORT_AFTER)]
    Import(ImportArgs),
    /// List the vacancies of a rule set: deadline, open or closed, requirements
    #[command(after_help = LIST_AFTER)]
    List(ListArgs),
    /// Print a shell completion script: bash, zsh, fish or powershell
    #[command(after_help = COMPLETIONS_AFTER)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -` or a man directory
    #[command(after_help = MAN_AFTER)]
    Man(ManArgs),
}

/// `import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The export: .xlsx, .ods, .xls or .csv
    #[arg(value_name = "SHEET")]
    pub(crate) sheet: PathBuf,
    #[command(flatten)]
    pub(crate) mapping: MappingArg,
    /// JSON Lines file, or a folder for one YAML file per applicant
    /// [default: standard output, JSON Lines]
    #[arg(long, short = 'o', value_name = "OUT")]
    pub(crate) output: Option<PathBuf>,
}

/// The mapping of spreadsheet exports.
#[derive(Debug, Args)]
pub(crate) struct MappingArg {
    /// Mapping file (YAML) saying which column feeds which profile field
    #[arg(long, value_name = "MAP")]
    pub(crate) mapping: Option<PathBuf>,
    /// Date of the export, YYYY-MM-DD: where years of experience declared
    /// without dates end [default: the mapping's export_date]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) export_date: Option<NaiveDate>,
}

/// How profile files are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub(crate) enum ProfileFormat {
    /// A JSON Resume if the document has its shape, else a profile
    #[default]
    Auto,
    /// The profile format (YAML or JSON)
    Profile,
    /// A JSON Resume document (jsonresume.org)
    JsonResume,
}

/// `list`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    pub(crate) rules: RulesArg,
    #[command(flatten)]
    pub(crate) as_of: AsOfArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub(crate) format: ListFormat,
    #[command(flatten)]
    pub(crate) output: OutputArg,
}

/// Output formats of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// A table for people
    Text,
    /// A JSON array of vacancies
    Json,
}

/// `completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell
    #[arg(value_enum, value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
}

/// `man`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    #[command(flatten)]
    pub(crate) output: OutputArg,
}

/// Where the output goes.
#[derive(Debug, Args)]
pub(crate) struct OutputArg {
    /// Write to FILE instead of standard output: to a temporary file in
    /// the same folder, renamed to FILE once complete, so a failed run
    /// never leaves half a file (FILE keeps its permissions; a device or
    /// pipe is written into; one of the command's inputs is refused)
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
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
    /// File to write (refused if it exists) [default: standard output];
    /// or `mapping` to draft a mapping from SHEET
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
    /// With `new mapping`: the export whose header to read
    #[arg(value_name = "SHEET")]
    pub(crate) sheet: Option<PathBuf>,
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
    /// Date to assess as of, YYYY-MM-DD, 1900 to 2200 [default: today in UTC]
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
    /// How to read the profile
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ProfileFormat::Auto)]
    pub(crate) input_format: ProfileFormat,
    #[command(flatten)]
    pub(crate) output: OutputArg,
}

/// `screen`.
#[derive(Debug, Args)]
pub(crate) struct ScreenArgs {
    /// Profile files, directories, *.jsonl files, or `-` for JSON Lines on standard input
    #[arg(value_name = "CANDIDATES", required = true)]
    pub(crate) candidates: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) rules: RulesArg,
    /// Only this vacancy (by id); repeat for several [default: every vacancy]
    #[arg(long, value_name = "ID")]
    pub(crate) vacancy: Vec<String>,
    #[command(flatten)]
    pub(crate) as_of: AsOfArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = ScreenFormat::Text)]
    pub(crate) format: ScreenFormat,
    #[command(flatten)]
    pub(crate) lang: LangArg,
    /// Threads screening at once, 1 to 256; output order stays input order
    /// [default: the number of cores]
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs)]
    pub(crate) jobs: Option<usize>,
    /// Write CSV cells exactly as they are: by default a cell that starts
    /// with = + - @ tab or carriage return gets a leading ' so that a
    /// spreadsheet shows it rather than running it as a formula, and
    /// control, bidirectional and zero-width characters are written
    /// visibly as \u{XX}
    #[arg(long)]
    pub(crate) raw_csv: bool,
    /// Follow symbolic links in CANDIDATES folders that lead out of the
    /// folder (by default they are refused with an error record)
    #[arg(long)]
    pub(crate) follow_links: bool,
    #[command(flatten)]
    pub(crate) mapping: MappingArg,
    /// How to read profile files (not JSON Lines)
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = ProfileFormat::Auto)]
    pub(crate) input_format: ProfileFormat,
    #[command(flatten)]
    pub(crate) shortlist: ShortlistArgs,
    #[command(flatten)]
    pub(crate) output: OutputArg,
}

/// `screen`'s shortlist options: which records, in which order.
#[derive(Debug, Args, Default)]
pub(crate) struct ShortlistArgs {
    /// Sort the records of each vacancy (vacancies in rule-set order,
    /// unreadable inputs last); sorted output is written at the end
    #[arg(long, value_enum, value_name = "KEY")]
    pub(crate) sort: Option<SortKey>,
    /// Only records with these verdicts, comma-separated: eligible,
    /// needs_review, ineligible, error (unreadable inputs)
    #[arg(long, value_enum, value_name = "VERDICTS", value_delimiter = ',')]
    pub(crate) verdict: Vec<VerdictFilter>,
    /// Only vacancies whose deadline has not passed on the as-of date
    #[arg(long)]
    pub(crate) open_only: bool,
    /// Only the first N records of each vacancy (by --sort, default
    /// verdict); memory stays at about 2N records a vacancy
    #[arg(long, value_name = "N")]
    pub(crate) top: Option<usize>,
    /// Print a summary per vacancy on standard error: counts and the
    /// requirements most often missing, as text or as one JSON object
    #[arg(long, value_enum, value_name = "FORMAT", num_args = 0..=1, default_missing_value = "text")]
    pub(crate) summary: Option<SummaryFormat>,
}

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SortKey {
    /// Best score first; ties by verdict, then input order
    Score,
    /// Eligible, needs review, ineligible; best score first within each
    Verdict,
    /// By candidate id (the source when there is none)
    Candidate,
}

/// `--verdict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum VerdictFilter {
    /// Eligible
    Eligible,
    /// Needs review
    #[value(name = "needs_review", alias = "needs-review")]
    NeedsReview,
    /// Ineligible
    Ineligible,
    /// Inputs that could not be read
    Error,
}

/// `--summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SummaryFormat {
    /// Lines for people
    Text,
    /// One JSON object
    Json,
}

/// `validate`.
#[derive(Debug, Args)]
pub(crate) struct ValidateArgs {
    #[command(flatten)]
    pub(crate) rules: RulesArg,
    /// Rule files, rule folders, profiles or folders of profiles
    #[arg(value_name = "FILES")]
    pub(crate) files: Vec<PathBuf>,
    /// Output format: lines for people, or one JSON object
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub(crate) format: ListFormat,
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
    /// A self-contained HTML report for a hiring panel (sorted; use -o)
    Html,
}

/// The schemas `schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaKind {
    /// A vacancy rule file
    Rules,
    /// A candidate profile
    Candidate,
    /// A mapping of spreadsheet columns to profile fields
    Mapping,
    /// The JSON records vacancy-match writes (check, screen, list,
    /// validate, summary)
    Output,
}

fn parse_lang(text: &str) -> Result<vacancy_match::Lang, String> {
    text.parse()
        .map_err(|e: vacancy_match::Error| e.to_string())
}

/// The most `--jobs`: more threads than this only cost memory.
pub(crate) const MAX_JOBS: usize = 256;

fn parse_jobs(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(format!("expected a number from 1 to {MAX_JOBS}")),
    }
}

/// The years `--as-of` accepts: those of profile dates.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn parse_date(text: &str) -> Result<NaiveDate, String> {
    use chrono::Datelike;
    let date = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|e| format!("invalid date ({e}), expected YYYY-MM-DD"))?;
    if !YEARS.contains(&date.year()) {
        return Err(format!(
            "year {} out of range, expected {} to {}",
            date.year(),
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(date)
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
        assert!(parse_date("0202-08-01").is_err());
        assert!(parse_date("2201-01-01").is_err());
        assert!(parse_date("1900-01-01").is_ok());
    }
}
