//! `check`: one candidate against every vacancy, ranked, explained.

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::json;
use vacancy_match::{
    assess, Assessment, Candidate, Finding, InputFormat, Limits, Priority, RuleSet, Status, Verdict,
};

use super::args::{CheckArgs, CheckFormat};
use super::paint::{Paint, Style};
use super::{describe, finish_output, rules_or_exit, BAD_INPUT, OK};

pub(crate) fn run(args: &CheckArgs, today: NaiveDate) -> u8 {
    let as_of = args.as_of.as_of.unwrap_or(today);
    let (rules, rules_name) = match rules_or_exit(args.rules.rules.as_deref()) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let candidate = match read_candidate(&args.candidate) {
        Ok(c) => c,
        Err(problems) => {
            for p in problems {
                eprintln!("error: {p}");
            }
            return BAD_INPUT;
        }
    };
    let report = assess(&candidate, &rules, as_of);
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match args.format {
        CheckFormat::Text => write_text(
            &mut out,
            &candidate,
            &report,
            &rules,
            &rules_name,
            as_of,
            Paint::for_stdout(),
        ),
        CheckFormat::Json => write_json(&mut out, &candidate, &report, as_of),
    };
    finish_output(written.and_then(|()| out.flush()), OK)
}

/// The profile at `path`, or `-` for standard input; else every problem.
fn read_candidate(path: &Path) -> Result<Candidate, Vec<String>> {
    if path != Path::new("-") {
        let name = path.display().to_string();
        return Candidate::from_path(path)
            .map_err(|e| e.problems().iter().map(|p| describe(p, &name)).collect());
    }
    let limits = Limits::default();
    let mut text = String::new();
    let read = io::stdin()
        .lock()
        .take(limits.max_bytes as u64 + 1)
        .read_to_string(&mut text);
    if let Err(e) = read {
        return Err(vec![format!("stdin: {e}")]);
    }
    // YAML reads JSON too, so either is accepted on standard input.
    Candidate::from_str_with(&text, InputFormat::Yaml, &limits)
        .map_err(|e| e.problems().iter().map(|p| describe(p, "stdin")).collect())
}

fn write_json(
    out: &mut impl Write,
    candidate: &Candidate,
    report: &[Assessment],
    as_of: NaiveDate,
) -> io::Result<()> {
    let value = json!({
        "as_of": as_of,
        "candidate": candidate.id,
        "name": candidate.name,
        "assessments": report,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

fn verdict_label(verdict: Verdict, paint: Paint) -> String {
    match verdict {
        Verdict::Eligible => paint.paint(Style::Good, "ELIGIBLE"),
        Verdict::NeedsReview => paint.paint(Style::Warn, "NEEDS REVIEW"),
        Verdict::Ineligible => paint.paint(Style::Bad, "INELIGIBLE"),
    }
}

/// What a person should read about a finding that is not met: its gap,
/// else its message.
fn what_is_missing(f: &Finding) -> String {
    f.gap
        .as_ref()
        .map_or_else(|| f.message.clone(), ToString::to_string)
}

fn write_text(
    out: &mut impl Write,
    candidate: &Candidate,
    report: &[Assessment],
    rules: &RuleSet,
    rules_name: &str,
    as_of: NaiveDate,
    paint: Paint,
) -> io::Result<()> {
    let who = match (&candidate.name, &candidate.id) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        (Some(name), None) => name.clone(),
        (None, Some(id)) => id.clone(),
        (None, None) => "candidate".to_string(),
    };
    writeln!(
        out,
        "{} as of {as_of}, against {} vacancies ({rules_name})",
        paint.paint(Style::Bold, &who),
        report.len()
    )?;
    let count = |v: Verdict| report.iter().filter(|a| a.verdict == v).count();
    writeln!(
        out,
        "{} eligible, {} needs review, {} ineligible",
        count(Verdict::Eligible),
        count(Verdict::NeedsReview),
        count(Verdict::Ineligible)
    )?;
    for a in report {
        writeln!(out)?;
        write_block(out, a, rules, paint)?;
    }
    Ok(())
}

/// One vacancy: the verdict line, then missing, to verify, met, assets.
fn write_block(
    out: &mut impl Write,
    a: &Assessment,
    rules: &RuleSet,
    paint: Paint,
) -> io::Result<()> {
    let closed = if a.closed {
        format!("  {}", paint.paint(Style::Warn, "[closed]"))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}  {:.1}/100  {}{closed}",
        verdict_label(a.verdict, paint),
        a.score,
        paint.paint(Style::Bold, &a.vacancy)
    )?;
    writeln!(out, "  {} — {}", a.title, a.organization)?;
    if a.closed {
        let deadline = rules
            .vacancy(&a.vacancy)
            .and_then(vacancy_match::Vacancy::deadline)
            .map_or_else(|| "deadline".to_string(), |d| format!("deadline {d}"));
        writeln!(
            out,
            "  {}",
            paint.paint(
                Style::Dim,
                &format!(
                    "closed: {deadline} passed; experience measured at {}",
                    a.measured_at
                )
            )
        )?;
    }
    let required = |status: Status| {
        a.findings
            .iter()
            .filter(move |f| f.priority == Priority::Required && f.status == status)
    };
    for f in required(Status::NotMet) {
        let label = paint.paint(Style::Bad, "missing   ");
        writeln!(out, "  {label} {}: {}", f.requirement, what_is_missing(f))?;
    }
    for f in required(Status::Unknown) {
        let label = paint.paint(Style::Warn, "to verify ");
        writeln!(out, "  {label} {}: {}", f.requirement, what_is_missing(f))?;
    }
    for f in required(Status::Met) {
        let label = paint.paint(Style::Good, "met       ");
        writeln!(out, "  {label} {}: {}", f.requirement, f.message)?;
    }
    let assets: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.priority == Priority::Desirable)
        .collect();
    let mut first = true;
    for (status, word) in [
        (Status::Met, "met"),
        (Status::NotMet, "missing"),
        (Status::Unknown, "to verify"),
    ] {
        let ids: Vec<&str> = assets
            .iter()
            .filter(|f| f.status == status)
            .map(|f| f.requirement.as_str())
            .collect();
        if ids.is_empty() {
            continue;
        }
        let label = if first { "assets    " } else { "          " };
        first = false;
        writeln!(
            out,
            "  {} {word}: {}",
            paint.paint(Style::Dim, label),
            ids.join(", ")
        )?;
    }
    Ok(())
}
