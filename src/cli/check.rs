//! `check`: one candidate against every vacancy, ranked, explained.

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use vacancy_match::{
    escape_terminal, Assessment, Candidate, Limits, Report, RuleSource, Vocabulary,
};

use super::args::{CheckArgs, CheckFormat, ProfileFormat};
use super::paint::Paint;
use super::{describe, rules_or_exit, BAD_INPUT, OK};

pub(crate) fn run(args: &CheckArgs, today: NaiveDate) -> u8 {
    let as_of = args.as_of.as_of.unwrap_or(today);
    let rules_path = args.rules.rules.as_deref();
    let (rules, _) = match rules_or_exit(args.rules.rules.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let candidate = match read_candidate(&args.candidate, args.input_format, rules.vocabulary()) {
        Ok(c) => c,
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return BAD_INPUT;
        }
    };
    // Read in part (a degree level, a fluency that cannot be read): said
    // on standard error; the report has what it left to verify.
    let name = if args.candidate == Path::new("-") {
        "stdin".to_string()
    } else {
        args.candidate.display().to_string()
    };
    for note in super::import::not_read(&candidate, &name) {
        eprintln!("warning: {}", escape_terminal(&note));
    }
    let report = rules
        .assess(&candidate, as_of)
        .lang(args.lang.lang)
        .ranked();
    let mut output = match super::output::open_or_exit(
        args.output.output.as_deref(),
        [Some(args.candidate.as_path()), rules_path]
            .into_iter()
            .flatten(),
    ) {
        Ok(output) => output,
        Err(code) => return code,
    };
    let width = super::wrap::stdout_width(output.is_terminal());
    let paint = Paint::for_output(output.path().is_some());
    let mut out = BufWriter::new(&mut output);
    let written = match args.format {
        CheckFormat::Text => {
            let source = match rules_path {
                Some(path) => RuleSource::Path(path),
                None => RuleSource::Bundled,
            };
            let text = Report::new(&rules, &candidate, &report, as_of)
                .source(source)
                .today(args.as_of.as_of.is_none())
                .style(&paint)
                .to_string();
            match width {
                Some(width) => out.write_all(super::wrap::wrap(&text, width).as_bytes()),
                None => out.write_all(text.as_bytes()),
            }
        }
        CheckFormat::Json => write_json(&mut out, &candidate, &report, as_of),
    };
    let written = written.and_then(|()| out.flush());
    drop(out);
    super::output::finish(output, written, OK)
}

/// The profile at `path`, or `-` for standard input; else every problem.
fn read_candidate(
    path: &Path,
    format: ProfileFormat,
    vocabulary: &Vocabulary,
) -> Result<Candidate, Vec<String>> {
    // A pipe named on the command line (`check <(make-profile)`) is read
    // as standard input is, within the size limit; the loader refuses
    // every other file that is not a regular one.
    let limits = Limits::default();
    let pipe = is_pipe(path);
    if path != Path::new("-") && !pipe {
        let name = path.display().to_string();
        return super::import::read_profile(path, &limits, format, vocabulary)
            .map_err(|e| e.problems().iter().map(|p| describe(p, &name)).collect());
    }
    let name = if pipe {
        path.display().to_string()
    } else {
        "stdin".to_string()
    };
    let mut text = String::new();
    let max = u64::try_from(limits.max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let read = if pipe {
        std::fs::File::open(path).and_then(|f| f.take(max).read_to_string(&mut text))
    } else {
        io::stdin().lock().take(max).read_to_string(&mut text)
    };
    if let Err(e) = read {
        return Err(vec![escape_terminal(&format!("{name}: {e}")).into_owned()]);
    }
    // YAML reads JSON too, so either is accepted on standard input.
    super::import::read_profile_text(&text, &limits, format, vocabulary)
        .map_err(|e| e.problems().iter().map(|p| describe(p, &name)).collect())
}

/// Whether `path` is a named pipe.
fn is_pipe(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

fn write_json(
    out: &mut impl Write,
    candidate: &Candidate,
    report: &[Assessment],
    as_of: NaiveDate,
) -> io::Result<()> {
    /// `check --format json`: the version first, then who and when, then
    /// the assessments (each with its own version, as the library
    /// serializes it).
    #[derive(serde::Serialize)]
    struct Report<'a> {
        schema_version: u32,
        candidate: Option<&'a str>,
        name: Option<&'a str>,
        as_of: NaiveDate,
        assessments: &'a [Assessment],
    }
    let value = Report {
        schema_version: vacancy_match::SCHEMA_VERSION,
        candidate: candidate.id.as_deref(),
        name: candidate.name.as_deref(),
        as_of,
        assessments: report,
    };
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}
