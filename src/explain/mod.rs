//! Findings as data, and their rendering for people.
//!
//! Layer 7 of 10 (bottom first; see CONTRIBUTING.md): may use every layer
//! below it, `assess` included.
//!
//! An [`Assessment`] holds one [`Finding`] per requirement: a stable
//! [`Code`], a [`Status`], the sentence, the evidence used and the [`Gap`].
//! `Display` renders an assessment as the plain-text block of a report.
//!
//! Evaluators record what they found as [`facts`]; one renderer per
//! language ([`en`], [`es`]) turns the facts into the finding's words,
//! once, in the language the assessment was asked in ([`Lang`]).

/// `format!` for the explained path: the text is written into this
/// thread's reusable buffer, then copied once at its exact length, so a
/// sentence costs one allocation and never a regrowth.
macro_rules! text {
    ($($arg:tt)*) => {
        $crate::explain::text(format_args!($($arg)*))
    };
}

mod en;
mod es;
mod evaluation;
pub(crate) mod facts;
mod label;
mod lang;
mod render;
mod request;

pub use crate::model::{Code, Lang, Status, Verdict};

thread_local! {
    /// The buffer [`text!`] writes into.
    static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// What [`text!`] expands to: a `String` or a [`Text`], as the place
/// the text goes wants.
pub(crate) fn text<T: for<'a> From<&'a str>>(args: std::fmt::Arguments<'_>) -> T {
    use std::fmt::Write as _;
    if let Some(fixed) = args.as_str() {
        return T::from(fixed);
    }
    build(|buffer| {
        let _ = buffer.write_fmt(args);
    })
}

/// A text `write` appends to this thread's reusable buffer (as [`text!`]
/// writes), copied once at its exact length: for a sentence written in
/// several steps.
pub(crate) fn build<T: for<'a> From<&'a str>>(write: impl FnOnce(&mut String)) -> T {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            write(&mut buffer);
            T::from(buffer.as_str())
        }
        // Written from inside another text (its arguments, or its steps):
        // no buffer to share.
        Err(_) => {
            let mut buffer = String::new();
            write(&mut buffer);
            T::from(buffer.as_str())
        }
    })
}

/// Years for people: one decimal, without a trailing `.0` for whole years.
pub(crate) fn fmt_years(years: f64) -> Num {
    tenths(round(years * 10.0))
}

/// `x.round()`, half away from zero, computed inline: `f64::round` is a
/// call into the C library on the baseline x86-64 target, and years are
/// rounded for every sentence that states them.
pub(crate) fn round(x: f64) -> f64 {
    // 2^52: from here on every float is whole.
    const WHOLE: f64 = 4_503_599_627_370_496.0;
    if x.is_nan() || x.abs() >= WHOLE {
        return x.round();
    }
    // Exact: `x` is below 2^52 in magnitude, and `x - whole` its fraction.
    let whole = x as i64 as f64;
    let fraction = x - whole;
    let rounded = if fraction >= 0.5 {
        whole + 1.0
    } else if fraction <= -0.5 {
        whole - 1.0
    } else {
        whole
    };
    // -0.3 rounds to -0.0, as `f64::round` has it.
    rounded.copysign(x)
}

/// Slack for float noise when rounding years, far below a day (1/365).
const YEARS_SLACK: f64 = 1e-6;

/// Years held, for a sentence that also states a shortfall: rounded
/// *down* to a tenth, so that held and missing add up to what is needed
/// and experience is never overstated.
pub(crate) fn fmt_years_held(years: f64) -> Num {
    tenths((years * 10.0 + YEARS_SLACK).floor())
}

/// Years missing: rounded *up* to a tenth, so that a shortfall of a few
/// days is never shown as "0 short".
pub(crate) fn fmt_years_missing(years: f64) -> Num {
    tenths((years * 10.0 - YEARS_SLACK).ceil().max(0.0))
}

/// Years missing as data: rounded up to hundredths, so that a requirement
/// that is not met never reports 0 missing.
pub(crate) fn years_missing(years: f64) -> f64 {
    ((years * 100.0 - YEARS_SLACK).ceil().max(0.0)) / 100.0
}

/// A number as a sentence shows it ("2", "2.5", "1,5"), kept on the
/// stack: sentences use many, and none of them needs an allocation.
#[derive(Clone)]
pub(crate) struct Num {
    bytes: [u8; Num::INLINE],
    len: u8,
    /// The rare number too long to keep inline (a float beyond 10^15).
    long: Option<String>,
}

impl Num {
    /// Room for any whole number of tenths below 10^15, its sign and point.
    const INLINE: usize = 24;

    fn new() -> Num {
        Num {
            bytes: [0; Num::INLINE],
            len: 0,
            long: None,
        }
    }

    /// The number with a decimal comma instead of its point (Spanish).
    pub(crate) fn comma(mut self) -> Num {
        if let Some(long) = self.long.as_mut() {
            if let Some(at) = long.find('.') {
                long.replace_range(at..=at, ",");
            }
        } else if let Some(point) = self
            .bytes
            .get_mut(..usize::from(self.len))
            .and_then(|b| b.iter_mut().find(|b| **b == b'.'))
        {
            *point = b',';
        }
        self
    }

    /// The number's text.
    pub(crate) fn as_str(&self) -> &str {
        match &self.long {
            Some(long) => long,
            None => {
                std::str::from_utf8(self.bytes.get(..usize::from(self.len)).unwrap_or_default())
                    .unwrap_or_default()
            }
        }
    }
}

impl Push for Num {
    fn push_str(&mut self, text: &str) {
        if let Some(long) = self.long.as_mut() {
            long.push_str(text);
            return;
        }
        let start = usize::from(self.len);
        let end = start.saturating_add(text.len());
        match (self.bytes.get_mut(start..end), u8::try_from(end)) {
            (Some(slot), Ok(len)) => {
                slot.copy_from_slice(text.as_bytes());
                self.len = len;
            }
            _ => {
                let mut long = String::with_capacity(end);
                long.push_str(self.as_str());
                long.push_str(text);
                self.long = Some(long);
            }
        }
    }
}

impl std::ops::Deref for Num {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for Num {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Where numbers are written: a sentence or a [`Num`].
pub(crate) trait Push {
    /// Appends `text`.
    fn push_str(&mut self, text: &str);
}

impl Push for String {
    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }
}

/// A whole number of tenths, as years: "2", "2.5". Written from integers:
/// formatting a float to a precision is far slower, and gives the same.
fn tenths(count: f64) -> Num {
    let mut text = Num::new();
    push_tenths(&mut text, count, '.');
    text
}

/// Appends [`tenths`] of `count` to `text`, with `point` before the tenth:
/// sentences are written into one buffer, not built from small strings.
pub(crate) fn push_tenths(text: &mut impl Push, count: f64, point: char) {
    const LARGEST: f64 = 1e15;
    if count.is_nan() || count.abs() >= LARGEST {
        let years = count / 10.0;
        let shown = if (count - (years.round() * 10.0)).abs() < 1e-9 {
            format!("{years:.0}")
        } else {
            format!("{years:.1}")
        };
        let mut point_text = [0; 4];
        for part in shown.split_inclusive('.') {
            match part.strip_suffix('.') {
                Some(digits) => {
                    text.push_str(digits);
                    text.push_str(point.encode_utf8(&mut point_text));
                }
                None => text.push_str(part),
            }
        }
        return;
    }
    // A whole number below 10^15 in magnitude: exact as an integer.
    let count = round(count) as i64;
    let (whole, tenth) = (count / 10, (count % 10).unsigned_abs());
    if count < 0 {
        text.push_str("-");
    }
    push_digits(text, whole.unsigned_abs());
    if tenth != 0 {
        let mut point_text = [0; 4];
        text.push_str(point.encode_utf8(&mut point_text));
        push_digits(text, tenth);
    }
}

/// Appends [`fmt_years`] of `years`, with `point` before the tenth, and
/// returns where it starts in `text`.
pub(crate) fn push_years(text: &mut String, years: f64, point: char) -> usize {
    let start = text.len();
    push_tenths(text, round(years * 10.0), point);
    start
}

/// Appends a number's decimal digits, without the formatting machinery.
pub(crate) fn push_digits(text: &mut impl Push, number: u64) {
    const DIGITS: &[u8; 10] = b"0123456789";
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    let mut rest = number;
    for (at, slot) in digits.iter_mut().enumerate().rev() {
        *slot = DIGITS.get((rest % 10) as usize).copied().unwrap_or(b'0');
        start = at;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    text.push_str(std::str::from_utf8(digits.get(start..).unwrap_or_default()).unwrap_or_default());
}

/// Appends [`years_noun`] of [`fmt_years`] of `years`: "1 year",
/// "0.5 years".
pub(crate) fn push_years_noun(text: &mut String, years: f64) {
    let start = push_years(text, years, '.');
    let word = year_word(text.get(start..).unwrap_or_default());
    text.push(' ');
    text.push_str(word);
}

/// The languages a profile lists, named by `name`, each once and sorted,
/// so that a sentence does not depend on the profile's order.
pub(crate) fn listed_languages(
    listed: &[crate::LanguageSkill],
    name: fn(&crate::Language) -> &'static str,
) -> Vec<&'static str> {
    let mut names: Vec<&str> = listed.iter().map(|l| name(&l.language)).collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// A degree level with its article: "a bachelor's degree", "a doctorate",
/// but "secondary education" (uncountable).
pub(crate) fn a_degree(level: DegreeLevel) -> impl std::fmt::Display {
    part(move |f| match level {
        DegreeLevel::Secondary => write!(f, "{level}"),
        _ => write!(f, "a {level}"),
    })
}

/// Words written where they are shown, straight into the sentence around
/// them: a part of a sentence with no `String` of its own.
pub(crate) struct Part<F>(F);

/// `items`' words, each as `words` gives it, with `between` between them:
/// written where they go, with no list or `String` of their own.
pub(crate) fn joined<'a, T>(
    items: &'a [T],
    between: &'static str,
    words: fn(&T) -> &str,
) -> Part<impl Fn(&mut std::fmt::Formatter<'_>) -> std::fmt::Result + 'a> {
    part(move |f| {
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(between)?;
            }
            f.write_str(words(item))?;
        }
        Ok(())
    })
}

/// Countries in the order of their codes, so that the order a profile
/// or a rule lists them in does not change a sentence; on the stack for
/// up to 8.
pub(crate) fn by_code(list: &[Country]) -> smallvec::SmallVec<[Country; 8]> {
    let mut sorted: smallvec::SmallVec<[Country; 8]> = list.iter().copied().collect();
    sorted.sort_by_key(|c| c.code());
    sorted
}

/// A [`Part`] that `write` writes.
pub(crate) fn part<F>(write: F) -> Part<F>
where
    F: Fn(&mut std::fmt::Formatter<'_>) -> std::fmt::Result,
{
    Part(write)
}

impl<F> std::fmt::Display for Part<F>
where
    F: Fn(&mut std::fmt::Formatter<'_>) -> std::fmt::Result,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        (self.0)(f)
    }
}

/// "year" for an amount shown as `1`, else "years".
pub(crate) fn year_word(amount: &str) -> &'static str {
    if amount == "1" {
        "year"
    } else {
        "years"
    }
}

/// "1 year", "0.5 years", "3 years": an amount already formatted by one
/// of the `fmt_years` functions, with its noun.
pub(crate) fn years_noun(amount: &str) -> Noun<'_> {
    Noun {
        amount,
        word: year_word(amount),
    }
}

/// An amount and its noun, written where a sentence shows them: "1 year",
/// "1,5 años".
pub(crate) struct Noun<'a> {
    pub(crate) amount: &'a str,
    pub(crate) word: &'static str,
}

impl std::fmt::Display for Noun<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.amount)?;
        f.write_str(" ")?;
        f.write_str(self.word)
    }
}

impl PartialEq<&str> for Noun<'_> {
    fn eq(&self, other: &&str) -> bool {
        other
            .strip_prefix(self.amount)
            .and_then(|rest| rest.strip_prefix(' '))
            == Some(self.word)
    }
}

impl std::fmt::Debug for Noun<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// A rule's name as sentences in `lang` name it: the vocabulary's
/// display form for that language, else as the rule file writes it.
pub(crate) fn shown(term: &crate::matching::Term, lang: Lang) -> &str {
    display_in(term, lang).unwrap_or(&term.text)
}

/// [`shown`], as a shared text: the term's own (kept with the rule set's
/// words) when no display form replaces it.
pub(crate) fn shown_text(term: &crate::matching::Term, lang: Lang) -> Text {
    display_in(term, lang).map_or_else(|| term.text.clone(), Text::from)
}

/// The vocabulary's display form of `term` in `lang`, if it has one.
fn display_in(term: &crate::matching::Term, lang: Lang) -> Option<&str> {
    term.display.as_deref().and_then(|d| match lang {
        Lang::En => d.en.as_deref(),
        Lang::Es => d.es.as_deref(),
    })
}

/// The names a path's fields accept, as a gap lists them, in `lang`.
pub(crate) fn accepted_fields(
    path: &crate::model::vacancy::EducationPath,
    lang: Lang,
) -> Vec<Text> {
    path.fields
        .as_ref()
        .map(|f| f.accepted.iter().map(|t| shown_text(t, lang)).collect())
        .unwrap_or_default()
}

/// The accepted names of a path closest to a profile's `field` (in the
/// rule's order when no field is stated), at most three, in `lang`, and
/// how many others there are: a sentence names a few, not a list of nine.
///
/// With `degree`, the degree whose field it is, the order found is kept on
/// the degree's field term, which the vocabulary shares between the
/// profiles that write the same field: the comparisons with every accepted
/// name are made once per field, list and language, however many
/// findings, assessments and profiles name them.
pub(crate) fn closest_accepted<'a>(
    field: Option<&str>,
    accepted_list: Option<&'a crate::matching::Names>,
    lang: Lang,
    degree: Option<&facts::Label<'_>>,
) -> (Vec<&'a str>, usize) {
    let accepted: &'a [crate::matching::Term] = accepted_list.map_or(&[], |list| list);
    let others = accepted.len().saturating_sub(CLOSEST_SHOWN);
    let kept = match degree.map(|label| label.source) {
        Some(facts::Source::Degree(d)) => d
            .field
            .as_ref()
            .zip(accepted_list.and_then(crate::matching::Names::list)),
        _ => None,
    };
    let lang_slot = match lang {
        Lang::En => 0,
        Lang::Es => 1,
    };
    let order = match (field, kept) {
        (Some(field), Some((term, list))) => {
            term.closest.get(list, lang_slot).unwrap_or_else(|| {
                let order = closest_order(Some(field), accepted, lang);
                term.closest.keep(list, lang_slot, &order);
                order
            })
        }
        _ => closest_order(field, accepted, lang),
    };
    let names = order
        .iter()
        .filter_map(|i| accepted.get(*i))
        .map(|t| shown(t, lang))
        .collect();
    (names, others)
}

/// How many accepted names a sentence shows.
const CLOSEST_SHOWN: usize = 3;

/// The closest accepted names to `field`, by index, as
/// [`closest_accepted`] shows them.
fn closest_order(
    field: Option<&str>,
    accepted: &[crate::matching::Term],
    lang: Lang,
) -> Vec<usize> {
    let Some(field) = field else {
        return (0..accepted.len().min(CLOSEST_SHOWN)).collect();
    };
    let field = crate::matching::normalize(field);
    let field_shape = crate::matching::Shape::new(&field);
    // The best so far, highest similarity first, the rule's order among
    // equals. Once three are kept, a name must beat the third to enter:
    // its similarity is only computed in full when it can (the distance
    // leaves its table as soon as the third's similarity is out of reach).
    let mut best: Vec<(usize, f64)> = Vec::with_capacity(CLOSEST_SHOWN.saturating_add(1));
    for (i, t) in accepted.iter().enumerate() {
        let full = best.len() >= CLOSEST_SHOWN;
        let floor = if full {
            best.last().map_or(0.0, |&(_, score)| score)
        } else {
            0.0
        };
        // The bound by lengths and letters costs far less than the
        // distance, and proves most names out of reach.
        let similarity = |norm: &str, shape: &crate::matching::Shape| {
            if full && field_shape.similarity_bound(shape) <= floor {
                0.0
            } else {
                crate::matching::similarity_from(&field, norm, floor)
            }
        };
        let mut score = similarity(&t.norm, &t.shape);
        let shown_text = shown(t, lang);
        // A name shown as written normalises to its own normal form.
        if !std::ptr::eq(shown_text, t.text.as_str()) {
            let shown_norm = crate::matching::normalize(shown_text);
            if shown_norm != t.norm {
                let shape = crate::matching::Shape::new(&shown_norm);
                score = score.max(similarity(&shown_norm, &shape));
            }
        }
        if full && score <= floor {
            continue;
        }
        let at = best
            .iter()
            .position(|&(_, kept)| score > kept)
            .unwrap_or(best.len());
        best.insert(at, (i, score));
        best.truncate(CLOSEST_SHOWN);
    }
    best.into_iter().map(|(i, _)| i).collect()
}

/// Whether a scale's name already says it is a scale ("house scale",
/// "escala interna"), so that explanations do not say it twice.
pub(crate) fn names_scale(name: &str) -> bool {
    // The words are ASCII, and no other letter lowercases to an ASCII
    // one of theirs: comparing ASCII case-blind finds what lowercasing a
    // copy would.
    let has = |word: &str| {
        name.as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    has("scale") || has("escala")
}

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use crate::matching::NameMatch;
use crate::model::{Country, DegreeLevel, PartialDate};
use crate::text::Text;
use crate::Priority;

/// A piece of the profile a finding relied on.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_yaml_str("languages:\n  - { language: en, level: B2 }\n")?;
/// let report = rules.assess(&cv, "2024-01-15".parse().unwrap()).ranked();
/// let english = report[0].findings.iter().find(|f| f.requirement == "english").unwrap();
/// assert_eq!(english.evidence[0].item, "languages[0]");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Evidence {
    /// Where in the profile: `experience[2]`, `languages[0]`, `nationalities`.
    pub item: Text,
    /// What it says, for people.
    pub detail: Text,
    /// The name comparison, when names were matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<NameMatch>,
    /// Where an imported profile's entry came from: a sheet cell
    /// (`Sheet1!F17`) or a JSON Resume path (`work[2]`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
}

/// What is missing for a requirement to be met, as data.
///
/// Its texts (`of`, `what`, `language`, the levels) are in the language of
/// the assessment that made it ([`Finding::lang`]); [`Gap::render`] and
/// [`Gap::change_in`] write the rest of the sentence in that language, and
/// `Display` in English.
///
/// # Example
/// ```
/// use vacancy_match::Gap;
/// let gap = Gap::Years { missing: 0.6, of: "refugee protection experience".into() };
/// assert_eq!(gap.to_string(), "needs 0.6 more years of refugee protection experience");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Gap {
    /// More years of (qualifying) experience.
    Years {
        /// Years missing, rounded up to 2 decimals (never 0 while the
        /// requirement is not met).
        missing: f64,
        /// What kind of experience.
        of: Text,
    },
    /// A higher language level.
    Level {
        /// The language.
        language: Text,
        /// The candidate's level, if stated.
        have: Option<Text>,
        /// The level required.
        need: Text,
    },
    /// A (higher) degree.
    Degree {
        /// The candidate's highest completed degree, if any.
        have: Option<DegreeLevel>,
        /// The level required.
        need: DegreeLevel,
    },
    /// A degree in an accepted field.
    Field {
        /// The candidate's field, if stated.
        have: Option<Text>,
        /// The accepted fields.
        accepted: Vec<Text>,
    },
    /// Something the profile lacks: a certificate, a skill, a permit.
    Missing {
        /// What is missing.
        what: Text,
    },
    /// Something that has expired or will have by the date that matters.
    Expired {
        /// What expired.
        what: Text,
        /// When it expires or expired.
        on: PartialDate,
        /// The date it had to be valid on.
        needed_on: NaiveDate,
    },
    /// Something a person must verify.
    Verify {
        /// What to verify.
        what: Text,
    },
}

/// The outcome of one requirement, explained.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Code, RuleSet, Status};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_yaml_str("languages:\n  - { language: English, level: B2 }\n")?;
/// let report = rules.assess(&cv, "2024-01-15".parse().unwrap()).ranked();
/// let resettlement = report.iter().find(|a| a.vacancy == "unhcr-gt-resettlement-officer-2024").unwrap();
/// let english = resettlement.findings.iter().find(|f| f.requirement == "english").unwrap();
/// assert_eq!(english.status, Status::NotMet);
/// assert_eq!(english.code, Code::LanguageBelowLevel);
/// assert_eq!(english.gap.as_ref().unwrap().to_string(), "English B2, C1 (fluent) required");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Finding {
    /// The requirement's id: the stable key.
    pub requirement: Text,
    /// What reports call the requirement, in [`Finding::lang`]: the rule
    /// file's label, else one derived from its kind and terms (see
    /// [`Requirement::label`](crate::Requirement::label)).
    pub label: Text,
    /// The requirement's kind (`education`, `language`, ...).
    pub kind: Cow<'static, str>,
    /// Required or desirable.
    pub priority: Priority,
    /// Weight in the score.
    pub weight: f64,
    /// Met, not met or unknown.
    pub status: Status,
    /// Stable machine code.
    pub code: Code,
    /// The explanation, for people, in [`Finding::lang`].
    pub message: Text,
    /// What the requirement asks, for people, in [`Finding::lang`]; a
    /// language level names the scale it was written in when it was not a
    /// CEFR code ("English at C1 (fluent, posting descriptors scale)").
    pub expected: Text,
    /// For alternatives: the path that was met, or the closest one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<Text>,
    /// For alternatives none of which is met: every other path and why it
    /// fails, in the posting's order ("path 2 (master's degree + 2 years of
    /// experience): no completed degree; needs a master's degree").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_paths: Vec<Text>,
    /// The parts of the profile used.
    pub evidence: Vec<Evidence>,
    /// What is missing, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
    /// Partial credit in 0–1 used by the score.
    pub credit: f64,
    /// The language of `message`, `expected`, `path`, the evidence's
    /// details and the gap's texts: the assessment's, serialized once on
    /// the [`Assessment`]. `Display` renders the finding in it.
    #[serde(skip)]
    pub lang: Lang,
}

/// One candidate assessed against one vacancy.
///
/// It serialises to JSON and reads back equal, so a service can store it
/// and load it later; a finding read back takes the assessment's
/// language.
///
/// # Example
/// ```
/// use vacancy_match::{Assessment, Candidate, RuleSet, Verdict};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
/// let report = rules.assess(&cv, "2024-01-15".parse()?).ranked();
/// assert_eq!(report[0].vacancy, "unhcr-gt-resettlement-officer-2024");
/// assert_eq!(report[0].verdict, Verdict::Eligible);
/// let stored = serde_json::to_string(&report[0])?;
/// let loaded: Assessment = serde_json::from_str(&stored)?;
/// assert_eq!(loaded, report[0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
// Serialized with `schema_version` first, by src/record.rs.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(from = "AssessmentData")]
#[non_exhaustive]
pub struct Assessment {
    /// The candidate's id, if known.
    pub candidate: Option<Text>,
    /// The vacancy's id.
    pub vacancy: Text,
    /// The vacancy's title, in the assessment's language when the rule
    /// file gives it in that language.
    pub title: Text,
    /// The hiring organization.
    pub organization: Text,
    /// Eligible, needs review or ineligible.
    pub verdict: Verdict,
    /// 0–100, see the crate docs for the formula.
    pub score: f64,
    /// Whether the deadline had passed on `as_of`.
    pub closed: bool,
    /// The date the assessment was made as of.
    pub as_of: NaiveDate,
    /// The date experience and validity were measured at: the earlier of
    /// `as_of` and the deadline.
    pub measured_at: NaiveDate,
    /// The language of the explanations (`en` or `es`); `Display` renders
    /// the report in it.
    pub lang: Lang,
    /// One finding per requirement, in rule-file order.
    pub findings: Vec<Finding>,
    /// The smallest set of changes that would make the candidate
    /// eligible: one per required requirement not met (then those to
    /// verify), empty when eligible.
    pub what_if: Vec<Change>,
    /// What an auditor needs to reproduce the assessment.
    pub audit: Audit,
}

/// An assessment as read back from JSON: each finding takes the
/// assessment's language, which findings do not repeat.
#[derive(serde::Deserialize)]
struct AssessmentData {
    candidate: Option<Text>,
    vacancy: Text,
    title: Text,
    organization: Text,
    verdict: Verdict,
    score: f64,
    closed: bool,
    as_of: NaiveDate,
    measured_at: NaiveDate,
    lang: Lang,
    findings: Vec<Finding>,
    what_if: Vec<Change>,
    audit: Audit,
}

impl From<AssessmentData> for Assessment {
    fn from(data: AssessmentData) -> Assessment {
        let mut findings = data.findings;
        for finding in &mut findings {
            finding.lang = data.lang;
        }
        Assessment {
            candidate: data.candidate,
            vacancy: data.vacancy,
            title: data.title,
            organization: data.organization,
            verdict: data.verdict,
            score: data.score,
            closed: data.closed,
            as_of: data.as_of,
            measured_at: data.measured_at,
            lang: data.lang,
            findings,
            what_if: data.what_if,
            audit: data.audit,
        }
    }
}

/// One change of a what-if: what the candidate would need for one
/// requirement.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
/// let a = rules.assess(&cv, "2024-01-15".parse().unwrap()).one("unhcr-gt-resettlement-officer-2024").unwrap();
/// let changes: Vec<&str> = a.what_if.iter().map(|c| c.change.as_str()).collect();
/// assert_eq!(changes, ["1.5 more years of experience", "0.5 more years of refugee protection/durable solutions/statelessness/internal displacement experience"]);
/// assert_eq!(a.what_if[1].label, "Refugee protection experience");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Change {
    /// The requirement's id.
    pub requirement: Text,
    /// What reports call the requirement, in the assessment's language.
    pub label: Text,
    /// Whether the change is to acquire something (`not_met`) or to have
    /// something verified (`unknown`).
    pub status: Status,
    /// The change, for people, in the assessment's language.
    pub change: String,
}

/// The inputs of an assessment, pinned: the same engine, rule file,
/// profile and date reproduce the same digests and the same output.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/rosa_batz_iom_sanmarcos.yaml")?;
/// let a = &rules.assess(&cv, "2025-10-01".parse().unwrap()).ranked()[0];
/// assert_eq!(a.audit.engine, concat!("vacancy-match ", env!("CARGO_PKG_VERSION")));
/// assert_eq!(a.audit.rules_sha256.len(), 64);
/// assert_eq!(a.audit.vacancy, a.vacancy);
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct Audit {
    /// The engine and its version.
    pub engine: Cow<'static, str>,
    /// The vacancy assessed.
    pub vacancy: Text,
    /// SHA-256 (hex) of the vacancy's rule file, as loaded.
    pub rules_sha256: Text,
    /// SHA-256 (hex) of the candidate profile in normalised form (its
    /// canonical JSON: fields in a fixed order, absent fields left out).
    pub candidate_sha256: Text,
    /// The as-of date.
    pub as_of: NaiveDate,
}

impl Assessment {
    /// How far the candidate is from eligibility: the weighted credit
    /// missing on required findings that are not met (0 when nothing
    /// required fails). 1.5 of 2 required years is a shortfall of 0.25; a
    /// missing permit, of 1.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
    /// let a = rules.assess(&cv, "2024-01-15".parse().unwrap()).one("unhcr-gt-resettlement-officer-2024").unwrap();
    /// assert!((a.shortfall() - 0.47).abs() < 1e-9); // 0.24 + 0.23 of two required items
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn shortfall(&self) -> f64 {
        crate::assess::shortfall(
            self.findings
                .iter()
                .map(|f| (f.priority, f.status, f.weight, f.credit)),
        )
    }

    /// The required findings that must be verified by a person.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let report = rules.assess(&Candidate::default(), "2025-08-01".parse().unwrap()).ranked();
    /// assert!(report.iter().all(|a| !a.to_verify().is_empty()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn to_verify(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.priority == Priority::Required && f.status == Status::Unknown)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_and_missing_years_add_up_to_what_is_needed() {
        // 1.7507 of 2 years: "1.7 ..., 0.3 short", never "1.8 ..., 0.2 short"
        // next to a gap of "0.3 more years".
        assert_eq!(fmt_years_held(1.7507), "1.7");
        assert_eq!(fmt_years_missing(2.0 - 1.7507), "0.3");
        assert_eq!(years_missing(2.0 - 1.7507), 0.25);
        // A day short is shown as a tenth, not as "0 short".
        let day = 1.0 / 365.0;
        assert_eq!(fmt_years_held(2.0 - day), "1.9");
        assert_eq!(fmt_years_missing(day), "0.1");
        assert_eq!(years_missing(day), 0.01);
        // Float noise does not push a whole amount over the edge.
        assert_eq!(fmt_years_held(1.8 - 1e-12), "1.8");
        assert_eq!(fmt_years_missing(0.2 + 1e-12), "0.2");
        assert_eq!(fmt_years_held(3.0), "3");
    }

    #[test]
    fn rounding_is_the_standard_librarys() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            -0.499_999_999_999_999_94,
            4_503_599_627_370_495.5,
            4_503_599_627_370_496.0,
            -4_503_599_627_370_495.5,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        values.extend((-20_000..20_000).map(|i| f64::from(i) / 64.0));
        values.extend((-2_000..2_000).map(|i| f64::from(i) * 0.1 * 10.0));
        values.extend((1..200).map(|i| 4.8 * f64::from(i) / 3.0));
        for x in values {
            assert_eq!(round(x).to_bits(), x.round().to_bits(), "{x}");
        }
        assert!(round(f64::NAN).is_nan());
    }

    #[test]
    fn tenths_are_written_as_floats_to_one_decimal_are() {
        for count in -250..=250 {
            let count = f64::from(count);
            let years = count / 10.0;
            let float = if (count - (years.round() * 10.0)).abs() < 1e-9 {
                format!("{years:.0}")
            } else {
                format!("{years:.1}")
            };
            let float = if float == "-0" {
                "0".to_string()
            } else {
                float
            };
            assert_eq!(tenths(count).as_str(), float, "{count}");
        }
        assert_eq!(fmt_years(1.46), "1.5");
        assert_eq!(fmt_years(12.0), "12");
        assert_eq!(fmt_years(f64::INFINITY), "inf");
    }

    #[test]
    fn numbers_past_the_stack_are_kept_whole() {
        let huge = format!("{:.0}", 1e30);
        assert!(huge.len() > 24);
        assert_eq!(fmt_years(1e30).as_str(), huge);
        assert_eq!(fmt_years(1e30).comma().as_str(), huge);
        assert_eq!(
            fmt_years(-123_456_789_012_345.6).comma().as_str(),
            "-123456789012345,6"
        );
        assert_eq!(fmt_years(2.5).comma().as_str(), "2,5");
        let mut spanish = String::new();
        push_tenths(&mut spanish, -1_234_567_890_123_456.0, ',');
        assert_eq!(spanish, "-123456789012345,6");
    }

    #[test]
    fn degrees_take_an_article_except_secondary_education() {
        assert_eq!(
            a_degree(DegreeLevel::Bachelor).to_string(),
            "a bachelor's degree"
        );
        assert_eq!(
            a_degree(DegreeLevel::Secondary).to_string(),
            "secondary education"
        );
        let gap = Gap::Degree {
            have: None,
            need: DegreeLevel::Secondary,
        };
        assert_eq!(gap.to_string(), "secondary education required");
    }

    #[test]
    fn one_year_is_singular() {
        assert_eq!(years_noun("1"), "1 year");
        assert_eq!(years_noun("0"), "0 years");
        assert_eq!(years_noun("1.5"), "1.5 years");
        let gap = Gap::Years {
            missing: 1.0,
            of: "case management experience".into(),
        };
        assert_eq!(
            gap.to_string(),
            "needs 1 more year of case management experience"
        );
    }
}
