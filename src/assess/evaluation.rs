//! Findings as data: a candidate judged against a vacancy, with the words
//! of the explanation written only when asked for.

use std::fmt;

use chrono::NaiveDate;

use super::facts::Facts;
use super::prepared::Prepared;
use super::{Code, Status, Verdict};
use crate::{Candidate, Priority, Requirement, Vacancy};

/// One candidate judged against one vacancy, as data: the verdict, the
/// score and one [`Judgement`] per requirement, with the facts each
/// judgement rests on. No text is written until it is asked for:
/// [`Evaluation::explain`] writes the full [`Assessment`] in a language,
/// [`Judgement::explain`] one finding.
///
/// [`Assessment`]: crate::Assessment
///
/// Made by [`Request::evaluate_one`](crate::Request::evaluate_one) and
/// [`Request::evaluate_each`](crate::Request::evaluate_each). It borrows
/// the rule set and the prepared candidate (through the request, when
/// the request prepared it).
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Code, Lang, RuleSet, Status, Verdict};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/emilio_carranza_asylum.json")?;
/// let prepared = rules.prepare(&cv);
/// let request = prepared.assess("2024-01-15".parse().unwrap());
/// let e = request.evaluate_one("unhcr-gt-resettlement-officer-2024").unwrap();
/// assert_eq!(e.verdict(), Verdict::Ineligible);
/// let english = e.findings().iter().find(|j| j.requirement() == "english").unwrap();
/// assert_eq!((english.status(), english.code()), (Status::NotMet, Code::LanguageBelowLevel));
/// // The words, only now.
/// assert_eq!(english.gap(Lang::En).unwrap().to_string(), "English B2, C1 (fluent) required");
/// assert_eq!(e.explain(Lang::En), prepared.assess("2024-01-15".parse().unwrap()).one("unhcr-gt-resettlement-officer-2024").unwrap());
/// # Ok::<(), vacancy_match::Error>(())
/// ```
pub struct Evaluation<'a> {
    pub(crate) prepared: &'a Prepared<'a>,
    pub(crate) vacancy: &'a Vacancy,
    pub(crate) as_of: NaiveDate,
    pub(crate) measured_at: NaiveDate,
    pub(crate) closed: bool,
    pub(crate) verdict: Verdict,
    pub(crate) score: f64,
    pub(crate) findings: Vec<Judgement<'a>>,
}

/// One requirement judged: its status, code and credit, as data, and the
/// facts its explanation is written from.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Lang, RuleSet, Status};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
/// let prepared = rules.prepare(&cv);
/// let request = prepared.assess("2024-01-15".parse().unwrap());
/// let e = request.evaluate_one("unhcr-gt-resettlement-officer-2024").unwrap();
/// let refugee = &e.findings()[1];
/// assert_eq!(refugee.requirement(), "refugee_protection_experience");
/// assert_eq!(refugee.status(), Status::NotMet);
/// assert_eq!(refugee.explain(Lang::Es).message, "acredita 1,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno; se requieren 2: faltan 0,5");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
pub struct Judgement<'a> {
    pub(crate) requirement: &'a Requirement,
    pub(crate) status: Status,
    pub(crate) code: Code,
    /// Rounded to hundredths, below 1 unless met.
    pub(crate) credit: f64,
    pub(crate) facts: Facts<'a>,
}

impl<'a> Judgement<'a> {
    /// The requirement's id.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].requirement(), "education");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn requirement(&self) -> &'a str {
        &self.requirement.id
    }

    /// The requirement's kind (`education`, `language`, ...).
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].kind(), "education");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> &'static str {
        self.requirement.rule.kind().as_str()
    }

    /// Required or desirable.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].priority(), vacancy_match::Priority::Required);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn priority(&self) -> Priority {
        self.requirement.priority
    }

    /// The weight in the score.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].weight(), 1.0);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn weight(&self) -> f64 {
        self.requirement.weight
    }

    /// Met, not met or unknown.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].status(), vacancy_match::Status::Unknown);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// The stable machine code.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].code(), vacancy_match::Code::EducationNotStated);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// Partial credit in 0–1, as the score uses it ([`Finding::credit`]).
    ///
    /// [`Finding::credit`]: crate::Finding::credit
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings()[0].credit(), 0.5);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn credit(&self) -> f64 {
        self.credit
    }
}

impl<'a> Evaluation<'a> {
    /// The vacancy.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].vacancy().id(), rules.vacancies()[0].id());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn vacancy(&self) -> &'a Vacancy {
        self.vacancy
    }

    /// The candidate.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// let cv = vacancy_match::Candidate::from_yaml_str("id: ana")?;
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].candidate().id.as_deref(), Some("ana"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn candidate(&self) -> &'a Candidate {
        self.prepared.candidate
    }

    /// Eligible, needs review or ineligible.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert!(e.iter().all(|e| e.verdict() != vacancy_match::Verdict::Eligible));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        self.verdict
    }

    /// The score, 0–100, one decimal ([`Assessment::score`]).
    ///
    /// [`Assessment::score`]: crate::Assessment::score
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert!(e.iter().all(|e| (0.0..=100.0).contains(&e.score())));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn score(&self) -> f64 {
        self.score
    }

    /// Whether the deadline had passed on the as-of date.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_one("unhcr-gt-resettlement-officer-2024").unwrap();
    /// assert!(e.closed());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn closed(&self) -> bool {
        self.closed
    }

    /// The as-of date.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].as_of().to_string(), "2025-01-01");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// The date experience and validity were measured at: the earlier of
    /// the as-of date and the deadline.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_one("unhcr-gt-resettlement-officer-2024").unwrap();
    /// assert_eq!(e.measured_at().to_string(), "2024-02-08");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn measured_at(&self) -> NaiveDate {
        self.measured_at
    }

    /// One judgement per requirement, in rule-file order.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// assert_eq!(e[0].findings().len(), rules.vacancies()[0].requirements().len());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn findings(&self) -> &[Judgement<'a>] {
        &self.findings
    }

    /// How far the candidate is from eligibility ([`Assessment::shortfall`]).
    ///
    /// [`Assessment::shortfall`]: crate::Assessment::shortfall
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// let cv = vacancy_match::Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2024-01-15".parse().unwrap());
    /// let e = request.evaluate_one("unhcr-gt-resettlement-officer-2024").unwrap();
    /// assert!((e.shortfall() - 0.47).abs() < 1e-9);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn shortfall(&self) -> f64 {
        shortfall(
            self.findings
                .iter()
                .map(|j| (j.priority(), j.status, j.weight(), j.credit)),
        )
    }
}

impl fmt::Debug for Judgement<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Judgement")
            .field("requirement", &self.requirement.id)
            .field("status", &self.status)
            .field("code", &self.code)
            .field("credit", &self.credit)
            .finish_non_exhaustive()
    }
}

impl fmt::Debug for Evaluation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Evaluation")
            .field("candidate", &self.prepared.candidate.id)
            .field("vacancy", &self.vacancy.id)
            .field("verdict", &self.verdict)
            .field("score", &self.score)
            .field("findings", &self.findings)
            .finish_non_exhaustive()
    }
}

/// The weighted credit missing on required items not met, from (priority,
/// status, weight, credit) of each finding.
pub(crate) fn shortfall(items: impl Iterator<Item = (Priority, Status, f64, f64)>) -> f64 {
    items
        .filter(|(p, s, _, _)| *p == Priority::Required && *s == Status::NotMet)
        .map(|(_, _, weight, credit)| weight * (1.0 - credit))
        .sum()
}
