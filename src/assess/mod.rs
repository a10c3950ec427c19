//! The evaluator: one module per requirement kind, the verdict and the
//! score, and what each finding rests on as data ([`facts`]); the words
//! are `explain`'s.
//!
//! Layer 6 of 10 (bottom first; see CONTRIBUTING.md): may use the layers
//! below it (`error`, `text`, `matching`, `model`, `load`, `ruleset`).

mod attestation;
mod authorization;
mod canonical;
mod education;
mod evaluation;
mod experience;
pub(crate) mod facts;
mod internal;
mod language;
mod named;
mod nationality;
pub(crate) mod prepared;
mod request;

use chrono::NaiveDate;

pub(crate) use crate::load::sha256_hex;
use crate::matching::Vocabulary;
use crate::model::vacancy::Rule;
use crate::{Candidate, Priority, RuleSet, Vacancy};

pub use crate::model::{Code, Status, Verdict};
pub(crate) use evaluation::shortfall;
pub use evaluation::{Evaluation, Judgement};
pub(crate) use experience::{span_years, Span};
pub use prepared::PreparedCandidate;
pub(crate) use prepared::{Prepared, PreparedDegree, PreparedPeriod};
pub use request::Request;

use facts::Facts;

/// Share of the score that required requirements carry when a vacancy
/// also has desirable ones.
const REQUIRED_SHARE: f64 = 0.8;

/// What an evaluator needs besides the rule and the candidate.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) vacancy: &'a Vacancy,
    pub(crate) vocabulary: &'a Vocabulary,
    /// The earlier of as-of and the deadline.
    pub(crate) measured_at: NaiveDate,
    /// The date a permit must be valid on: target start, else deadline,
    /// else as-of.
    pub(crate) valid_on: NaiveDate,
}

/// An evaluator's result, before the requirement's id and weight are
/// added: the judgement, and the facts its words are rendered from.
pub(crate) struct Outcome<'a> {
    pub(crate) status: Status,
    pub(crate) credit: f64,
    pub(crate) code: Code,
    pub(crate) facts: Facts<'a>,
}

impl<'a> Outcome<'a> {
    /// An outcome whose credit follows from its status alone.
    pub(crate) fn simple(status: Status, code: Code, facts: Facts<'a>) -> Outcome<'a> {
        Outcome {
            status,
            credit: match status {
                Status::Met => 1.0,
                Status::Unknown => 0.5,
                Status::NotMet => 0.0,
            },
            code,
            facts,
        }
    }
}

impl RuleSet {
    /// Starts an assessment of a candidate as of a date: set options on
    /// the [`Request`] ([`Request::lang`]), then end it with what you
    /// want back ([`Request::each`], [`Request::ranked`],
    /// [`Request::one`], or findings as data with
    /// [`Request::evaluate_each`] and [`Request::evaluate_one`]).
    ///
    /// `as_of` is explicit: the library never reads the clock. The
    /// candidate is prepared once for the request; to assess the same
    /// candidate again (another date, another language), [`prepare`]
    /// it once and call [`PreparedCandidate::assess`].
    ///
    /// [`prepare`]: RuleSet::prepare
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet, Verdict};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let ranked = rules.assess(&cv, "2024-01-15".parse()?).ranked();
    /// assert_eq!(ranked.len(), 5);
    /// assert_eq!(ranked[0].verdict, Verdict::Eligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess<'a>(&'a self, candidate: &'a Candidate, as_of: NaiveDate) -> Request<'a> {
        Request::prepare(self, candidate, as_of)
    }

    /// Prepares a candidate for assessment against this rule set: its
    /// names are normalised and linked to the vocabulary once, and then
    /// reused by every request of the [`PreparedCandidate`].
    ///
    /// Use it to assess one candidate several times (other as-of dates,
    /// other languages, vacancies one at a time); [`RuleSet::assess`]
    /// prepares the candidate again for each request.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet, Verdict};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let prepared = rules.prepare(&cv);
    /// let officer = prepared.assess("2024-01-15".parse()?).one("unhcr-gt-resettlement-officer-2024");
    /// assert_eq!(officer.unwrap().verdict, Verdict::Eligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn prepare<'r, 'c>(&'r self, candidate: &'c Candidate) -> PreparedCandidate<'r, 'c> {
        PreparedCandidate::new(self, candidate)
    }
}

/// One vacancy, judged: findings as data, no words yet.
pub(crate) fn evaluate<'a>(
    p: &'a Prepared<'a>,
    vacancy: &'a Vacancy,
    vocabulary: &'a Vocabulary,
    as_of: NaiveDate,
) -> Evaluation<'a> {
    evaluate_in(p, vacancy, vocabulary, as_of, Vec::new())
}

/// [`evaluate`], its judgements written into `findings` (emptied first):
/// the list of an evaluation already explained, so that judging several
/// vacancies in turn allocates one list, not one each.
pub(crate) fn evaluate_in<'a>(
    p: &'a Prepared<'a>,
    vacancy: &'a Vacancy,
    vocabulary: &'a Vocabulary,
    as_of: NaiveDate,
    mut findings: Vec<Judgement<'a>>,
) -> Evaluation<'a> {
    let (deadline, target_start) = vacancy.days;
    let measured_at = deadline.map_or(as_of, |d| d.min(as_of));
    let valid_on = target_start.or(deadline).unwrap_or(as_of);
    let ctx = Context {
        vacancy,
        vocabulary,
        measured_at,
        valid_on,
    };
    findings.clear();
    findings.extend(vacancy.requirements.iter().map(|r| {
        let o = match &r.rule {
            Rule::Education(rule) => education::assess(rule, p, &ctx),
            Rule::Experience(rule) => experience::assess(rule, p, &ctx),
            Rule::Language(rule) => language::assess(rule, p, &ctx),
            Rule::WorkAuthorization(rule) => authorization::assess(rule, p, &ctx),
            Rule::Internal(rule) => internal::assess(rule, p, &ctx),
            Rule::Certification(rule) => named::certification(rule, p, &ctx),
            Rule::Skill(rule) => named::skill(rule, p, &ctx),
            Rule::Attestation(rule) => attestation::assess(rule, p, &ctx),
            Rule::Nationality(rule) => nationality::assess(rule, p, &ctx),
        };
        Judgement {
            requirement: r,
            status: o.status,
            code: o.code,
            credit: finding_credit(o.status, o.credit),
            facts: o.facts,
        }
    }));
    Evaluation {
        prepared: p,
        vacancy,
        as_of,
        measured_at,
        closed: deadline.is_some_and(|d| d < as_of),
        verdict: verdict(&findings),
        score: score(&findings),
        findings,
    }
}

/// The engine's name and version, as audit records give it.
pub(crate) const ENGINE: &str = concat!("vacancy-match ", env!("CARGO_PKG_VERSION"));

/// A finding's credit, rounded to hundredths; full credit only when met,
/// so that 0.996 of a requirement does not round up to meeting it.
fn finding_credit(status: Status, credit: f64) -> f64 {
    if status == Status::Met {
        1.0
    } else {
        crate::matching::round2(credit.clamp(0.0, 1.0)).min(0.99)
    }
}

/// Any required `not_met` → ineligible; else any required `unknown` →
/// needs review; else eligible.
fn verdict(findings: &[Judgement<'_>]) -> Verdict {
    let required = findings
        .iter()
        .filter(|f| f.priority() == Priority::Required);
    let worst = required.map(|f| f.status).min().unwrap_or(Status::Met);
    match worst {
        Status::NotMet => Verdict::Ineligible,
        Status::Unknown => Verdict::NeedsReview,
        Status::Met => Verdict::Eligible,
    }
}

/// The score, 0–100, one decimal:
/// `100 × (0.8 × R + 0.2 × D)` where R and D are the weighted mean
/// credits of the required and the desirable findings; `100 × R` when the
/// vacancy has no desirable requirement (and `100 × D` when it has only
/// desirable ones). A finding's credit is 1 when met, 0.5 when unknown
/// (or its partial credit if higher), and its partial credit when not met
/// (e.g. 1.5 of 2 years is 0.75; B2 for C1 is 4/5).
fn score(findings: &[Judgement<'_>]) -> f64 {
    let share = |priority: Priority| {
        let (sum, weight) = findings
            .iter()
            .filter(|f| f.priority() == priority)
            .fold((0.0, 0.0), |(s, w), f| {
                (s + f.credit * f.weight(), w + f.weight())
            });
        (weight > 0.0).then(|| sum / weight)
    };
    let raw = match (share(Priority::Required), share(Priority::Desirable)) {
        (Some(r), Some(d)) => REQUIRED_SHARE * r + (1.0 - REQUIRED_SHARE) * d,
        (Some(r), None) => r,
        (None, Some(d)) => d,
        (None, None) => 1.0,
    };
    (raw * 1000.0).round() / 10.0
}
