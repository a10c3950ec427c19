//! `check`: one candidate against every vacancy, ranked, explained.

use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use vacancy_match::{
    Assessment, Candidate, Finding, Lang, Limits, Priority, RuleSet, Status, Verdict, Vocabulary,
};

use super::args::{CheckArgs, CheckFormat, ProfileFormat};
use super::paint::{Paint, Style};
use super::terminal::clean;
use super::{describe, rules_or_exit, BAD_INPUT, OK};

pub(crate) fn run(args: &CheckArgs, today: NaiveDate) -> u8 {
    let (as_of, as_of_label) = super::as_of(args.as_of.as_of, today, args.lang.lang);
    let (rules, rules_name) = match rules_or_exit(args.rules.rules.as_deref()) {
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
    let report = rules
        .assess(&candidate, as_of)
        .lang(args.lang.lang)
        .ranked();
    let mut output = match super::output::open_or_exit(args.output.output.as_deref()) {
        Ok(output) => output,
        Err(code) => return code,
    };
    let width = super::wrap::stdout_width(output.is_terminal());
    let paint = Paint::for_output(output.path().is_some());
    let mut out = BufWriter::new(&mut output);
    let written = match args.format {
        CheckFormat::Text => {
            let mut text = Vec::new();
            write_text(
                &mut text,
                &candidate,
                &report,
                &rules,
                &rules_name,
                &as_of_label,
                paint,
            )
            .and_then(|()| match width {
                Some(width) => {
                    let text = String::from_utf8_lossy(&text);
                    out.write_all(super::wrap::wrap(&text, width).as_bytes())
                }
                None => out.write_all(&text),
            })
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
        return Err(vec![clean(&format!("{name}: {e}")).into_owned()]);
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

fn verdict_label(verdict: Verdict, paint: Paint, lang: Lang) -> String {
    let spanish = lang == Lang::Es;
    match verdict {
        Verdict::Eligible => {
            paint.paint(Style::Good, if spanish { "ELEGIBLE" } else { "ELIGIBLE" })
        }
        Verdict::NeedsReview => paint.paint(
            Style::Warn,
            if spanish {
                "REQUIERE REVISIÓN"
            } else {
                "NEEDS REVIEW"
            },
        ),
        Verdict::Ineligible => paint.paint(
            Style::Bad,
            if spanish { "NO ELEGIBLE" } else { "INELIGIBLE" },
        ),
    }
}

/// Whether a finding not met says the item is absent from the profile,
/// rather than there below what is asked.
fn absent(f: &Finding) -> bool {
    let code = f.code.as_str();
    matches!(f.gap, Some(vacancy_match::Gap::Missing { .. }))
        || code.ends_with(".missing")
        || code.ends_with("_missing")
        || code.ends_with(".not_staff")
        || code.ends_with(".declined")
        || code.ends_with(".not_native")
}

/// What a person should read about a finding that is not met: its gap,
/// else its message.
fn what_is_missing(f: &Finding) -> String {
    f.gap
        .as_ref()
        .map_or_else(|| f.message.clone(), |g| g.render(f.lang))
}

fn write_text(
    out: &mut impl Write,
    candidate: &Candidate,
    report: &[Assessment],
    rules: &RuleSet,
    rules_name: &str,
    as_of: &str,
    paint: Paint,
) -> io::Result<()> {
    // The assessments carry the language they were written in.
    let w = words(report.first().map_or(Lang::En, |a| a.lang));
    let who = match (&candidate.name, &candidate.id) {
        (Some(name), Some(id)) => format!("{name} ({id})"),
        (Some(name), None) => name.clone(),
        (None, Some(id)) => id.clone(),
        (None, None) => w.candidate.to_string(),
    };
    // The rule set's name as `load_rules` writes it, in the report's words.
    let rules_name = match rules_name.strip_prefix("rules ") {
        _ if rules_name == "bundled rules" => w.bundled.to_string(),
        Some(path) => format!("{} {path}", w.rules),
        None => rules_name.to_string(),
    };
    writeln!(
        out,
        "{} {} {as_of}, {} {} {} ({})",
        paint.paint(Style::Bold, &clean(&who)),
        w.as_of,
        w.against,
        report.len(),
        agree(report.len(), w.vacancies),
        clean(&rules_name)
    )?;
    let count = |v: Verdict| report.iter().filter(|a| a.verdict == v).count();
    let (eligible, review, ineligible) = (
        count(Verdict::Eligible),
        count(Verdict::NeedsReview),
        count(Verdict::Ineligible),
    );
    writeln!(
        out,
        "{eligible} {}, {review} {}, {ineligible} {}",
        agree(eligible, w.eligible),
        agree(review, w.needs_review),
        agree(ineligible, w.ineligible)
    )?;
    for a in report {
        writeln!(out)?;
        write_block(out, a, rules, paint, w)?;
    }
    Ok(())
}

/// A counted word, singular for 1 and plural otherwise (both languages
/// write "0 vacancies", "0 vacantes").
fn agree(count: usize, (one, many): (&'static str, &'static str)) -> &'static str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// The words of the text report, in English and Spanish; counted words
/// as (singular, plural).
struct Words {
    candidate: &'static str,
    as_of: &'static str,
    against: &'static str,
    /// The name of the rule set bundled into the crate.
    bundled: &'static str,
    /// Before the path of a rules folder or file.
    rules: &'static str,
    vacancies: (&'static str, &'static str),
    eligible: (&'static str, &'static str),
    needs_review: (&'static str, &'static str),
    ineligible: (&'static str, &'static str),
    closed: &'static str,
    closed_note: &'static str,
    measured_at: &'static str,
    missing: &'static str,
    below: &'static str,
    verify: &'static str,
    met: &'static str,
    assets: &'static str,
    conditions: &'static str,
    would: &'static str,
}

fn words(lang: Lang) -> &'static Words {
    const EN: Words = Words {
        candidate: "candidate",
        as_of: "as of",
        against: "against",
        bundled: "bundled rules",
        rules: "rules",
        vacancies: ("vacancy", "vacancies"),
        eligible: ("eligible", "eligible"),
        needs_review: ("needs review", "need review"),
        ineligible: ("ineligible", "ineligible"),
        closed: "[closed]",
        closed_note: "closed: deadline {deadline} passed",
        measured_at: "experience measured at",
        missing: "missing   ",
        below: "below what is asked",
        verify: "to verify ",
        met: "met       ",
        assets: "assets    ",
        conditions: "to confirm before appointment",
        would: "would make it eligible",
    };
    const ES: Words = Words {
        candidate: "candidato",
        as_of: "al",
        against: "frente a",
        bundled: "reglas incluidas",
        rules: "reglas",
        vacancies: ("vacante", "vacantes"),
        eligible: ("elegible", "elegibles"),
        needs_review: ("requiere revisión", "requieren revisión"),
        ineligible: ("no elegible", "no elegibles"),
        closed: "[cerrada]",
        closed_note: "cerrada: el plazo {deadline} venció",
        measured_at: "experiencia medida al",
        missing: "falta     ",
        below: "por debajo de lo pedido",
        verify: "verificar ",
        met: "cumple    ",
        assets: "deseables ",
        conditions: "a confirmar antes del nombramiento",
        would: "para ser elegible",
    };
    match lang {
        Lang::Es => &ES,
        _ => &EN,
    }
}

/// Under a requirement not met or to verify, what a recruiter checks: the
/// other paths of an education requirement and why each fails, then the
/// parts of the profile the finding rests on (which degree, which
/// periods).
fn write_why(out: &mut impl Write, f: &Finding, paint: Paint) -> io::Result<()> {
    const INDENT: &str = "              ";
    if !f.other_paths.is_empty() {
        writeln!(
            out,
            "{INDENT}{}",
            paint.paint(Style::Dim, &clean(&f.message))
        )?;
    }
    for other in &f.other_paths {
        writeln!(out, "{INDENT}{}", paint.paint(Style::Dim, &clean(other)))?;
    }
    for e in &f.evidence {
        let text = format!("· {}: {}", e.item, e.detail);
        let line = clean(&text);
        writeln!(out, "{INDENT}{}", paint.paint(Style::Dim, &line))?;
    }
    Ok(())
}

/// One vacancy: the verdict line, then missing, to verify, met, assets.
fn write_block(
    out: &mut impl Write,
    a: &Assessment,
    rules: &RuleSet,
    paint: Paint,
    w: &Words,
) -> io::Result<()> {
    let closed = if a.closed {
        format!("  {}", paint.paint(Style::Warn, w.closed))
    } else {
        String::new()
    };
    writeln!(
        out,
        "{}  {}/100  {}{closed}",
        verdict_label(a.verdict, paint, a.lang),
        if a.lang == Lang::Es {
            format!("{:.1}", a.score).replace('.', ",")
        } else {
            format!("{:.1}", a.score)
        },
        paint.paint(Style::Bold, &clean(&a.vacancy))
    )?;
    writeln!(out, "  {} — {}", clean(&a.title), clean(&a.organization))?;
    if a.closed {
        let deadline = rules
            .vacancy(&a.vacancy)
            .and_then(vacancy_match::Vacancy::deadline)
            .map_or_else(String::new, |d| d.to_string());
        let note = w.closed_note.replace("{deadline}", &deadline);
        writeln!(
            out,
            "  {}",
            paint.paint(
                Style::Dim,
                &format!("{note}; {} {}", w.measured_at, a.measured_at)
            )
        )?;
    }
    let required = |status: Status| {
        a.findings
            .iter()
            .filter(move |f| f.priority == Priority::Required && f.status == status)
    };
    // What is missing, then what to verify: the gap, and why.
    for (status, style, word) in [
        (Status::NotMet, Style::Bad, w.missing),
        (Status::Unknown, Style::Warn, w.verify),
    ] {
        for f in required(status) {
            let label = paint.paint(style, word);
            writeln!(
                out,
                "  {label} {}: {}",
                clean(&f.label),
                clean(&what_is_missing(f))
            )?;
            write_why(out, f, paint)?;
        }
    }
    for f in required(Status::Met) {
        let label = paint.paint(Style::Good, w.met);
        writeln!(out, "  {label} {}: {}", clean(&f.label), clean(&f.message))?;
    }
    let assets: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.priority == Priority::Desirable)
        .collect();
    let mut first = true;
    // An asset not met is either absent from the profile or there below
    // what is asked (a lower level, fewer years, an expired certificate):
    // the JSON tells them apart by code, and so does this report, with
    // the gap of the second kind.
    let below = |f: &Finding| f.status == Status::NotMet && !absent(f);
    for (kind, word) in [
        (Some(Status::Met), w.met.trim_end()),
        (Some(Status::NotMet), w.missing.trim_end()),
        (None, w.below),
        (Some(Status::Unknown), w.verify.trim_end()),
    ] {
        let ids: Vec<String> = assets
            .iter()
            .filter(|f| match kind {
                Some(Status::NotMet) => f.status == Status::NotMet && !below(f),
                Some(status) => f.status == status,
                None => below(f),
            })
            .map(|f| match kind {
                None => format!("{} ({})", f.label, what_is_missing(f)),
                Some(_) => f.label.clone(),
            })
            .collect();
        if ids.is_empty() {
            continue;
        }
        let label = if first { w.assets } else { "          " };
        first = false;
        writeln!(
            out,
            "  {} {word}: {}",
            paint.paint(Style::Dim, label),
            clean(&ids.join(", "))
        )?;
    }
    let conditions: Vec<String> = a
        .findings
        .iter()
        .filter(|f| f.priority == Priority::Condition)
        .map(|f| {
            let mark = match f.status {
                Status::Met => w.met.trim_end(),
                Status::NotMet => w.missing.trim_end(),
                Status::Unknown => w.verify.trim_end(),
            };
            format!("{} ({mark})", clean(&f.label))
        })
        .collect();
    if !conditions.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            paint.paint(Style::Dim, w.conditions),
            conditions.join(", ")
        )?;
    }
    let changes: Vec<&str> = a
        .what_if
        .iter()
        .filter(|c| c.status == Status::NotMet)
        .map(|c| c.change.as_str())
        .collect();
    if !changes.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            paint.paint(Style::Dim, w.would),
            clean(&changes.join("; "))
        )?;
    }
    Ok(())
}
