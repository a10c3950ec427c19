//! The ends of a [`Request`] that write words: an [`Assessment`] per
//! vacancy, ranked, or against one vacancy. The ends that return findings
//! as data are `assess`'s.

use super::Assessment;
use crate::assess::Request;

impl Request<'_> {
    /// An assessment against every vacancy of the rule set, in rule-set
    /// order.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let all = rules.assess(&Candidate::default(), "2025-01-01".parse()?).each();
    /// assert_eq!(all.len(), rules.vacancies().len());
    /// assert_eq!(all[0].vacancy, rules.vacancies()[0].id());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn each(&self) -> Vec<Assessment> {
        // Each evaluation is written before the next is made, in the same
        // list of judgements.
        self.map_evaluations(|e| e.explain(self.lang))
    }

    /// An assessment against every vacancy, best first: eligible, then
    /// needs review, then ineligible; within each, nearest to eligibility
    /// (smallest [`Assessment::shortfall`]), then highest score, then
    /// vacancy id.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let ranked = rules.assess(&cv, "2024-01-15".parse()?).ranked();
    /// assert!(ranked.windows(2).all(|w| w[0].verdict >= w[1].verdict));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn ranked(&self) -> Vec<Assessment> {
        let mut all = self.each();
        rank(&mut all);
        all
    }

    /// The assessment against one vacancy, by id; `None` if the rule set
    /// has no such vacancy.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet, Verdict};
    /// let rules = RuleSet::bundled()?;
    /// let nobody = Candidate::default();
    /// let request = rules.assess(&nobody, "2025-10-01".parse()?);
    /// let a = request.one("iom-gt-operations-assistant-2025").unwrap();
    /// assert_eq!(a.verdict, Verdict::NeedsReview);
    /// assert!(request.one("no-such-vacancy").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn one(&self, vacancy: &str) -> Option<Assessment> {
        self.evaluate_one(vacancy).map(|e| e.explain(self.lang))
    }
}

/// Sorts assessments: verdict (best first); then nearest to eligibility
/// (smallest [`Assessment::shortfall`]); then score (highest first); then
/// vacancy id.
fn rank(assessments: &mut [Assessment]) {
    // Among the ineligible, the vacancies nearest to eligibility (the
    // smallest shortfall on required items) come first.
    assessments.sort_by(|a, b| {
        b.verdict
            .cmp(&a.verdict)
            .then(a.shortfall().total_cmp(&b.shortfall()))
            .then(b.score.total_cmp(&a.score))
            .then(a.vacancy.cmp(&b.vacancy))
    });
}
