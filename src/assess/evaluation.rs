//! Findings as data: a candidate judged against a vacancy, with the words
//! of the explanation written only when asked for.

use std::fmt;

use chrono::NaiveDate;

use super::prepared::Prepared;
use super::{Code, Status, Verdict};
use crate::explain::facts::Facts;
use crate::explain::{Assessment, Audit, Change, Finding, Gap, Lang};
use crate::text::Text;
use crate::{Candidate, Priority, Requirement, Vacancy};

/// One candidate judged against one vacancy, as data: the verdict, the
/// score and one [`Judgement`] per requirement, with the facts each
/// judgement rests on. No text is written until it is asked for:
/// [`Evaluation::explain`] writes the full [`Assessment`] in a language,
/// [`Judgement::explain`] one finding.
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
    pub(super) prepared: &'a Prepared<'a>,
    pub(super) vacancy: &'a Vacancy,
    pub(super) as_of: NaiveDate,
    pub(super) measured_at: NaiveDate,
    pub(super) closed: bool,
    pub(super) verdict: Verdict,
    pub(super) score: f64,
    pub(super) findings: Vec<Judgement<'a>>,
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
    pub(super) requirement: &'a Requirement,
    pub(super) status: Status,
    pub(super) code: Code,
    /// Rounded to hundredths, below 1 unless met.
    pub(super) credit: f64,
    pub(super) facts: Facts<'a>,
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

    /// The finding, explained in `lang`: the same as the one in the
    /// [`Assessment`] that [`Evaluation::explain`] writes.
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// let f = e[0].findings()[2].explain(vacancy_match::Lang::En);
    /// assert_eq!(f.message, "no languages stated; needs English at C1 (fluent)");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn explain(&self, lang: Lang) -> Finding {
        let words = self.facts.render(lang);
        Finding {
            requirement: self.requirement.id.clone(),
            label: self.requirement.label(lang),
            kind: self.kind().into(),
            priority: self.priority(),
            weight: self.weight(),
            status: self.status,
            code: self.code,
            message: words.message,
            expected: words.expected,
            path: words.path,
            other_paths: words.other_paths,
            evidence: words.evidence,
            gap: words.gap,
            credit: self.credit,
            lang,
        }
    }

    /// What is missing, in `lang` (`None` when met).
    ///
    /// # Example
    /// ```
    /// # let rules = vacancy_match::RuleSet::bundled()?;
    /// # let cv = vacancy_match::Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// let gap = e[0].findings()[2].gap(vacancy_match::Lang::En).unwrap();
    /// assert_eq!(gap.to_string(), "verify English at C1 (fluent)");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn gap(&self, lang: Lang) -> Option<Gap> {
        self.facts.gap(lang)
    }
}

/// Gap texts this thread has written, by requirement, language and what
/// the gap depends on ([`Facts::gap_key`]): a screen writes the same few
/// gaps for most candidates.
type GapTexts = std::cell::RefCell<
    std::collections::HashMap<
        (u64, Lang, u64),
        Box<str>,
        std::hash::BuildHasherDefault<crate::matching::FormHasher>,
    >,
>;

/// The most gap texts a thread remembers.
const GAP_TEXTS: usize = 4096;

thread_local! {
    static WRITTEN: GapTexts = GapTexts::default();
}

impl Judgement<'_> {
    /// Appends the gap in `lang` to `out`, as [`Gap::render`] writes it;
    /// `false` (and nothing appended) when there is no gap.
    pub(crate) fn write_gap(&self, lang: Lang, out: &mut String) -> bool {
        let key = self
            .facts
            .gap_key()
            .map(|key| (self.requirement.uid, lang, key));
        if let Some(key) = key {
            let known = WRITTEN.with(|written| {
                let written = written.try_borrow().ok()?;
                written.get(&key).map(|text| out.push_str(text))
            });
            if known.is_some() {
                return true;
            }
        }
        let Some(gap) = self.facts.gap(lang) else {
            return false;
        };
        let start = out.len();
        let _ = gap.write_in(lang, out);
        if let (Some(key), Some(text)) = (key, out.get(start..)) {
            WRITTEN.with(|written| {
                if let Ok(mut written) = written.try_borrow_mut() {
                    if written.len() < GAP_TEXTS {
                        written.insert(key, text.into());
                    }
                }
            });
        }
        true
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

    /// The assessment, every finding explained in `lang`, with its
    /// what-if and audit record.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Lang, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::default();
    /// let prepared = rules.prepare(&cv);
    /// let request = prepared.assess("2025-01-01".parse().unwrap());
    /// let e = request.evaluate_each();
    /// let a = e[0].explain(Lang::Es);
    /// assert_eq!(a.verdict, e[0].verdict());
    /// assert_eq!(a.findings.len(), e[0].findings().len());
    /// assert_eq!(a.lang, Lang::Es);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn explain(&self, lang: Lang) -> Assessment {
        let mut findings: Vec<Finding> = self.findings.iter().map(|j| j.explain(lang)).collect();
        if let Some(provenance) = &self.prepared.candidate.provenance {
            for e in findings.iter_mut().flat_map(|f| f.evidence.iter_mut()) {
                e.source = provenance.entries.get(e.item.as_str()).map(Text::from);
            }
        }
        Assessment {
            candidate: self.prepared.id().cloned(),
            vacancy: self.vacancy.id.clone(),
            title: self
                .vacancy
                .title_text
                .get(lang, || self.vacancy.title_in(lang).to_owned()),
            organization: self.vacancy.organization.clone(),
            verdict: self.verdict,
            score: self.score,
            closed: self.closed,
            as_of: self.as_of,
            measured_at: self.measured_at,
            lang,
            what_if: what_if(&findings),
            findings,
            audit: Audit {
                engine: super::ENGINE.into(),
                vacancy: self.vacancy.id.clone(),
                rules_sha256: self.vacancy.digest.clone(),
                candidate_sha256: self.prepared.digest().clone(),
                as_of: self.as_of,
            },
        }
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

/// The changes that would make the candidate eligible: the gaps of the
/// required findings not met, then of those to verify.
fn what_if(findings: &[Finding]) -> Vec<Change> {
    let required = || findings.iter().filter(|f| f.priority == Priority::Required);
    let missing = required().filter(|f| f.status == Status::NotMet);
    let verify = required().filter(|f| f.status == Status::Unknown);
    missing
        .chain(verify)
        .filter_map(|f| {
            f.gap.as_ref().map(|gap| Change {
                requirement: f.requirement.clone(),
                label: f.label.clone(),
                status: f.status,
                change: gap.change_in(f.lang),
            })
        })
        .collect()
}

/// The weighted credit missing on required items not met, from (priority,
/// status, weight, credit) of each finding.
pub(crate) fn shortfall(items: impl Iterator<Item = (Priority, Status, f64, f64)>) -> f64 {
    items
        .filter(|(p, s, _, _)| *p == Priority::Required && *s == Status::NotMet)
        .map(|(_, _, weight, credit)| weight * (1.0 - credit))
        .sum()
}
