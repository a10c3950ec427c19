//! The words of an evaluation: a [`Judgement`] explained as a
//! [`Finding`], an [`Evaluation`] as an [`Assessment`] with its what-if
//! and audit record. The judgements themselves are `assess`'s data.

use super::{Assessment, Audit, Change, Finding, Gap};
use crate::assess::{Evaluation, Judgement};
use crate::model::vacancy::Priority;
use crate::model::{Lang, Status};
use crate::text::Text;

impl Judgement<'_> {
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
        let requirement = self.requirement;
        let words = self
            .facts
            .render(lang, &requirement.expected_text, &requirement.said_text);
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
/// the gap depends on ([`Facts::gap_key`](crate::assess::facts::Facts::gap_key)): a screen writes the same few
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

impl Evaluation<'_> {
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
                engine: crate::assess::ENGINE.into(),
                vacancy: self.vacancy.id.clone(),
                rules_sha256: self.vacancy.digest.clone(),
                candidate_sha256: self.prepared.digest().clone(),
                as_of: self.as_of,
            },
        }
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
