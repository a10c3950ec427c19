//! The text report of one candidate against a rule set: the ranked
//! assessments, each as a short block (verdict line, what is missing, what
//! to verify, what is met, the assets, the conditions, what would make the
//! candidate eligible).
//!
//! Layer 9 of 10 (bottom first; see CONTRIBUTING.md): may use every layer up
//! to `record`; not `cases`, `analyze`, `screen` or `import`, its neighbours.
//!
//! # Design
//!
//! There is one text report: `vacancy-match check` prints this type, and so
//! does `examples/check_cv.rs`. The `Display` of one [`Assessment`] is the
//! other, longer form: every finding with its evidence, for reading one
//! verdict in full (docs/PROFILES.md shows it). Colour is not the
//! library's business: the report marks the words a terminal may colour
//! with a [`Tone`] and hands them to a [`Style`], which by default
//! ([`Plain`]) leaves them alone. Wrapping to a width is the caller's too;
//! every line is one item, so that `grep` finds it.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use crate::explain::{Assessment, Finding, Gap, Lang, Status, Verdict};
use crate::{Candidate, Priority, RuleSet, Vacancy};

/// What a word of the report is, for a [`Style`] that colours it.
///
/// # Example
///
/// ```
/// use vacancy_match::{Style, Tone};
///
/// struct Brackets;
/// impl Style for Brackets {
///     fn paint(&self, tone: Tone, text: &str) -> String {
///         match tone {
///             Tone::Bad => format!("[{text}]"),
///             _ => text.to_string(),
///         }
///     }
/// }
/// assert_eq!(Brackets.paint(Tone::Bad, "INELIGIBLE"), "[INELIGIBLE]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Tone {
    /// Good news: an eligible verdict, a requirement met.
    Good,
    /// To look at: a verdict that needs review, something to verify, a
    /// closed vacancy.
    Warn,
    /// Bad news: an ineligible verdict, a requirement missing.
    Bad,
    /// Detail under a line, and the labels of secondary lines.
    Dim,
    /// The names a reader looks for: the candidate, each vacancy.
    Strong,
}

/// How the words of a [`Report`] are written: a terminal colours them by
/// their [`Tone`]; [`Plain`] leaves them as they are.
///
/// # Example
///
/// ```
/// use vacancy_match::{Plain, Style, Tone};
///
/// assert_eq!(Plain.paint(Tone::Good, "ELIGIBLE"), "ELIGIBLE");
/// ```
pub trait Style {
    /// `text` written in `tone`. The text has no line breaks and no
    /// control characters.
    fn paint(&self, tone: Tone, text: &str) -> String;
}

/// The style of plain text: every word as it is, no colour.
///
/// # Example
///
/// ```
/// use vacancy_match::{Plain, Style, Tone};
///
/// assert_eq!(Plain.paint(Tone::Dim, "assets"), "assets");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plain;

impl Style for Plain {
    fn paint(&self, _tone: Tone, text: &str) -> String {
        text.to_string()
    }
}

/// Where a report's rule set came from, named in its first line.
///
/// # Example
///
/// ```
/// use vacancy_match::{Candidate, Report, RuleSet, RuleSource};
///
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
/// let as_of = "2024-01-15".parse()?;
/// let ranked = rules.assess(&cv, as_of).ranked();
/// let report = Report::new(&rules, &cv, &ranked, as_of).source(RuleSource::Bundled);
/// assert!(report.to_string().lines().next().unwrap().ends_with("(bundled rules)"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleSource<'a> {
    /// The rules bundled into the crate ([`RuleSet::bundled`]).
    Bundled,
    /// A rules folder or file.
    Path(&'a Path),
}

/// The text report of one candidate: who, as of when, against how many
/// vacancies, how many are eligible, then one block per assessment in the
/// order given (pass [`Request::ranked`](crate::Request::ranked) for the
/// best first). It is written in the language of the assessments.
///
/// Text from the profile and the rules is written with control, bidi and
/// zero-width characters escaped (`\u{1b}`), so that a profile cannot
/// forge or hide a line of the report.
///
/// # Example
///
/// ```
/// use vacancy_match::{Candidate, Lang, Report, RuleSet};
///
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
/// let as_of = "2024-01-15".parse()?;
/// let ranked = rules.assess(&cv, as_of).lang(Lang::Es).ranked();
/// let text = Report::new(&rules, &cv, &ranked, as_of).to_string();
/// assert!(text.starts_with("Ana Lucía López Cifuentes (ana-lopez) al 2024-01-15, frente a 5 vacantes\n"));
/// assert!(text.contains("\nELEGIBLE  95,0/100  unhcr-gt-resettlement-officer-2024\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Report<'a> {
    rules: &'a RuleSet,
    candidate: &'a Candidate,
    assessments: &'a [Assessment],
    as_of: NaiveDate,
    source: Option<RuleSource<'a>>,
    today: bool,
    style: &'a dyn Style,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("candidate", &self.candidate.id)
            .field("assessments", &self.assessments.len())
            .field("as_of", &self.as_of)
            .field("source", &self.source)
            .field("today", &self.today)
            .finish_non_exhaustive()
    }
}

impl<'a> Report<'a> {
    /// The report of `candidate`'s `assessments` against `rules` as of
    /// `as_of`, in plain text, naming no rule source.
    ///
    /// # Example
    ///
    /// ```
    /// use vacancy_match::{Candidate, Report, RuleSet};
    ///
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
    /// let as_of = "2024-01-15".parse()?;
    /// let ranked = rules.assess(&cv, as_of).ranked();
    /// let text = Report::new(&rules, &cv, &ranked, as_of).to_string();
    /// assert!(text.contains("0 eligible, 0 need review, 5 ineligible\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(
        rules: &'a RuleSet,
        candidate: &'a Candidate,
        assessments: &'a [Assessment],
        as_of: NaiveDate,
    ) -> Report<'a> {
        Report {
            rules,
            candidate,
            assessments,
            as_of,
            source: None,
            today: false,
            style: &Plain,
        }
    }

    /// Names where the rules came from in the first line.
    ///
    /// # Example
    ///
    /// ```
    /// use std::path::Path;
    /// use vacancy_match::{Candidate, Report, RuleSet, RuleSource};
    ///
    /// let rules = RuleSet::from_dir("rules")?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let as_of = "2024-01-15".parse()?;
    /// let ranked = rules.assess(&cv, as_of).ranked();
    /// let report = Report::new(&rules, &cv, &ranked, as_of).source(RuleSource::Path(Path::new("rules")));
    /// assert!(report.to_string().lines().next().unwrap().ends_with("5 vacancies (rules rules)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn source(mut self, source: RuleSource<'a>) -> Report<'a> {
        self.source = Some(source);
        self
    }

    /// Says that the date is today's in UTC, as a caller that read the
    /// clock knows (the library never reads it).
    ///
    /// # Example
    ///
    /// ```
    /// use vacancy_match::{Candidate, Report, RuleSet};
    ///
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let as_of = "2024-01-15".parse()?;
    /// let ranked = rules.assess(&cv, as_of).ranked();
    /// let text = Report::new(&rules, &cv, &ranked, as_of).today(true).to_string();
    /// assert!(text.contains(" as of 2024-01-15 (today, UTC), against "));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn today(mut self, today: bool) -> Report<'a> {
        self.today = today;
        self
    }

    /// Writes the report's words in `style` (colour for a terminal).
    ///
    /// # Example
    ///
    /// ```
    /// use vacancy_match::{Candidate, Report, RuleSet, Style, Tone};
    ///
    /// struct Shout;
    /// impl Style for Shout {
    ///     fn paint(&self, tone: Tone, text: &str) -> String {
    ///         if tone == Tone::Good { format!("{text}!") } else { text.to_string() }
    ///     }
    /// }
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let as_of = "2024-01-15".parse()?;
    /// let ranked = rules.assess(&cv, as_of).ranked();
    /// let text = Report::new(&rules, &cv, &ranked, as_of).style(&Shout).to_string();
    /// assert!(text.contains("\nELIGIBLE!  95.0/100"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn style(mut self, style: &'a dyn Style) -> Report<'a> {
        self.style = style;
        self
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paint = self.style;
        // The assessments carry the language they were written in.
        let lang = self.assessments.first().map_or(Lang::En, |a| a.lang);
        let w = words(lang);
        let candidate = self.candidate;
        let who = match (&candidate.name, &candidate.id) {
            (Some(name), Some(id)) => format!("{name} ({id})"),
            (Some(name), None) => name.clone(),
            (None, Some(id)) => id.clone(),
            (None, None) => w.candidate.to_string(),
        };
        let source = match self.source {
            None => String::new(),
            Some(RuleSource::Bundled) => format!(" ({})", w.bundled),
            Some(RuleSource::Path(path)) => {
                format!(
                    " ({} {})",
                    w.rules,
                    escape_terminal(&path.display().to_string())
                )
            }
        };
        let today = if self.today { w.today } else { "" };
        let count = self.assessments.len();
        writeln!(
            out,
            "{} {} {}{today}, {} {count} {}{source}",
            paint.paint(Tone::Strong, &escape_terminal(&who)),
            w.as_of,
            self.as_of,
            w.against,
            agree(count, w.vacancies),
        )?;
        let count = |v: Verdict| self.assessments.iter().filter(|a| a.verdict == v).count();
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
        for a in self.assessments {
            writeln!(out)?;
            write_block(out, a, self.rules, paint, w)?;
        }
        Ok(())
    }
}

fn verdict_label(verdict: Verdict, paint: &dyn Style, lang: Lang) -> String {
    let spanish = lang == Lang::Es;
    match verdict {
        Verdict::Eligible => paint.paint(Tone::Good, if spanish { "ELEGIBLE" } else { "ELIGIBLE" }),
        Verdict::NeedsReview => paint.paint(
            Tone::Warn,
            if spanish {
                "REQUIERE REVISIÓN"
            } else {
                "NEEDS REVIEW"
            },
        ),
        Verdict::Ineligible => paint.paint(
            Tone::Bad,
            if spanish { "NO ELEGIBLE" } else { "INELIGIBLE" },
        ),
    }
}

/// Whether a finding not met says the item is absent from the profile,
/// rather than there below what is asked.
fn absent(f: &Finding) -> bool {
    let code = f.code.as_str();
    matches!(f.gap, Some(Gap::Missing { .. }))
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
        .map_or_else(|| f.message.to_string(), |g| g.render(f.lang))
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

/// The words of the report, in English and Spanish; counted words as
/// (singular, plural).
struct Words {
    candidate: &'static str,
    as_of: &'static str,
    today: &'static str,
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
        today: " (today, UTC)",
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
        today: " (hoy, UTC)",
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
fn write_why(out: &mut fmt::Formatter<'_>, f: &Finding, paint: &dyn Style) -> fmt::Result {
    const INDENT: &str = "              ";
    if !f.other_paths.is_empty() {
        writeln!(
            out,
            "{INDENT}{}",
            paint.paint(Tone::Dim, &escape_terminal(&f.message))
        )?;
    }
    for other in &f.other_paths {
        writeln!(
            out,
            "{INDENT}{}",
            paint.paint(Tone::Dim, &escape_terminal(other))
        )?;
    }
    for e in &f.evidence {
        let text = format!("· {}: {}", e.item, e.detail);
        writeln!(
            out,
            "{INDENT}{}",
            paint.paint(Tone::Dim, &escape_terminal(&text))
        )?;
    }
    Ok(())
}

/// One vacancy: the verdict line, then missing, to verify, met, assets.
fn write_block(
    out: &mut fmt::Formatter<'_>,
    a: &Assessment,
    rules: &RuleSet,
    paint: &dyn Style,
    w: &Words,
) -> fmt::Result {
    let closed = if a.closed {
        format!("  {}", paint.paint(Tone::Warn, w.closed))
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
        paint.paint(Tone::Strong, &escape_terminal(&a.vacancy))
    )?;
    writeln!(
        out,
        "  {} — {}",
        escape_terminal(&a.title),
        escape_terminal(&a.organization)
    )?;
    if a.closed {
        let deadline = rules
            .vacancy(&a.vacancy)
            .and_then(Vacancy::deadline)
            .map_or_else(String::new, |d| d.to_string());
        let note = w.closed_note.replace("{deadline}", &deadline);
        writeln!(
            out,
            "  {}",
            paint.paint(
                Tone::Dim,
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
    for (status, tone, word) in [
        (Status::NotMet, Tone::Bad, w.missing),
        (Status::Unknown, Tone::Warn, w.verify),
    ] {
        for f in required(status) {
            let label = paint.paint(tone, word);
            writeln!(
                out,
                "  {label} {}: {}",
                escape_terminal(&f.label),
                escape_terminal(&what_is_missing(f))
            )?;
            write_why(out, f, paint)?;
        }
    }
    for f in required(Status::Met) {
        let label = paint.paint(Tone::Good, w.met);
        writeln!(
            out,
            "  {label} {}: {}",
            escape_terminal(&f.label),
            escape_terminal(&f.message)
        )?;
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
                Some(_) => f.label.to_string(),
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
            paint.paint(Tone::Dim, label),
            escape_terminal(&ids.join(", "))
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
            format!("{} ({mark})", escape_terminal(&f.label))
        })
        .collect();
    if !conditions.is_empty() {
        writeln!(
            out,
            "  {}: {}",
            paint.paint(Tone::Dim, w.conditions),
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
            paint.paint(Tone::Dim, w.would),
            escape_terminal(&changes.join("; "))
        )?;
    }
    Ok(())
}

/// Text from input made safe to print on a terminal: every character that
/// could move the cursor, start an escape sequence, reorder or hide text,
/// or break a line is written out visibly as `\u{XX}` (its code point in
/// hexadecimal), so that a profile can neither forge a line of a report
/// nor hide what it holds. Text with nothing to escape is borrowed as it
/// is.
///
/// [`Report`] escapes every value it prints this way; use it for any other
/// text from input (a name, a file name, an error message) on its way to a
/// terminal. JSON output keeps the exact text instead.
///
/// # Example
///
/// ```
/// use vacancy_match::escape_terminal;
///
/// assert_eq!(escape_terminal("Ana López"), "Ana López");
/// assert_eq!(
///     escape_terminal("M\nELIGIBLE\u{1b}[2J\u{202e}"),
///     "M\\u{a}ELIGIBLE\\u{1b}[2J\\u{202e}"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn escape_terminal(text: &str) -> Cow<'_, str> {
    use crate::text::unsafe_char;
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().saturating_add(16));
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_obey() {
        assert_eq!(escape_terminal("Ana López"), "Ana López");
        assert_eq!(
            escape_terminal("M\n\nELIGIBLE\u{1b}[2J\u{9b}x\u{202e}y\u{200b}z\t"),
            "M\\u{a}\\u{a}ELIGIBLE\\u{1b}[2J\\u{9b}x\\u{202e}y\\u{200b}z\\u{9}"
        );
    }

    /// Marks every span with its tone, to see what a terminal would colour.
    struct Marks;
    impl Style for Marks {
        fn paint(&self, tone: Tone, text: &str) -> String {
            format!("<{tone:?}>{text}</>")
        }
    }

    #[test]
    fn profile_text_cannot_forge_a_line_and_tones_reach_the_style() {
        let rules = RuleSet::bundled().unwrap();
        let cv = Candidate::from_yaml_str(
            "id: x\nname: \"M\\nELIGIBLE  100.0/100\\u001b[2J\"\nnationalities: [GT]\n",
        )
        .unwrap();
        let as_of = NaiveDate::from_ymd_opt(2024, 1, 15).unwrap();
        let ranked = rules.assess(&cv, as_of).ranked();
        let plain = Report::new(&rules, &cv, &ranked, as_of).to_string();
        let first = plain.lines().next().unwrap();
        assert!(
            first.starts_with("M\\u{a}ELIGIBLE  100.0/100\\u{1b}[2J (x) as of 2024-01-15,"),
            "{first}"
        );
        assert!(!plain.contains('\u{1b}'));
        let marked = Report::new(&rules, &cv, &ranked, as_of)
            .style(&Marks)
            .to_string();
        assert!(marked.starts_with("<Strong>M\\u{a}"), "{marked}");
        assert!(marked.contains("\n<Bad>INELIGIBLE</>  "), "{marked}");
        assert!(marked.contains("<Dim>"), "{marked}");
        // Without the marks, the marked report is the plain one.
        let mut unmarked = marked.clone();
        for tone in ["Good", "Warn", "Bad", "Dim", "Strong"] {
            unmarked = unmarked.replace(&format!("<{tone}>"), "");
        }
        assert_eq!(unmarked.replace("</>", ""), plain);
    }
}
