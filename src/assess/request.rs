//! One way to assess: a [`Request`] names the candidate and the date,
//! carries the options, and ends in what the caller wants back.

use chrono::NaiveDate;

use super::{evaluate, evaluate_in, Evaluation, Prepared};
use crate::model::Lang;
use crate::{Candidate, RuleSet};

/// An assessment of one candidate as of one date, with its options, not
/// yet carried out.
///
/// Made by [`RuleSet::assess`] (which prepares the candidate) or by
/// [`PreparedCandidate::assess`](crate::PreparedCandidate::assess) (which
/// reuses a prepared one). Options are set by methods that return the
/// request ([`Request::lang`]); a method that ends the request says what
/// comes back:
///
/// | ends with | returns |
/// |---|---|
/// | [`each`](Request::each) | an [`Assessment`] per vacancy, in rule-set order |
/// | [`ranked`](Request::ranked) | the same, best first |
/// | [`one`](Request::one) | the assessment against one vacancy, by id |
/// | [`evaluate_each`](Request::evaluate_each), [`evaluate_one`](Request::evaluate_one) | findings as data, no words ([`Evaluation`]) |
///
/// The date is not an option: the library never reads the clock, so
/// every request names the day it judges as of.
///
/// [`Assessment`]: crate::Assessment
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Lang, RuleSet, Verdict};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
/// let as_of = "2024-01-15".parse()?;
/// let officer = rules
///     .assess(&cv, as_of)
///     .lang(Lang::Es)
///     .one("unhcr-gt-resettlement-officer-2024")
///     .expect("a bundled vacancy");
/// assert_eq!(officer.verdict, Verdict::Ineligible);
/// assert_eq!(officer.what_if[0].change, "1,5 años más de experiencia");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use = "a request does nothing until it ends in `each`, `ranked`, `one` or `evaluate_*`"]
pub struct Request<'a> {
    rules: &'a RuleSet,
    subject: Subject<'a>,
    as_of: NaiveDate,
    /// The language of the words, for the ends that write them
    /// (`explain`'s).
    pub(crate) lang: Lang,
}

/// The candidate of a request: prepared by the request, or lent by a
/// [`PreparedCandidate`](crate::PreparedCandidate).
enum Subject<'a> {
    Owned(Box<Prepared<'a>>),
    Lent(&'a Prepared<'a>),
}

impl<'a> Request<'a> {
    pub(crate) fn prepare(rules: &'a RuleSet, candidate: &'a Candidate, as_of: NaiveDate) -> Self {
        let prepared = Prepared::new(candidate, &rules.vocabulary);
        Request {
            rules,
            subject: Subject::Owned(Box::new(prepared)),
            as_of,
            lang: Lang::En,
        }
    }

    pub(crate) fn lent(rules: &'a RuleSet, prepared: &'a Prepared<'a>, as_of: NaiveDate) -> Self {
        Request {
            rules,
            subject: Subject::Lent(prepared),
            as_of,
            lang: Lang::En,
        }
    }

    fn prepared(&self) -> &Prepared<'a> {
        match &self.subject {
            Subject::Owned(p) => p,
            Subject::Lent(p) => p,
        }
    }

    /// Writes the explanations in `lang` (English by default). Verdicts,
    /// scores, codes, evidence and ranking are the same in every
    /// language; the assessment records its `lang`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Lang, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let all = rules.assess(&Candidate::default(), "2025-01-01".parse()?).lang(Lang::Es).each();
    /// let english = all[0].findings.iter().find(|f| f.requirement == "english").unwrap();
    /// assert_eq!(english.message, "no se indican idiomas; se requiere Inglés, nivel C1 (fluido)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Judges the candidate against every vacancy, in rule-set order: the
    /// verdicts, scores and findings as data, with no text written.
    /// [`Evaluation::explain`] writes the [`Assessment`] that
    /// [`Request::each`] returns, in the language it is given.
    ///
    /// [`Assessment`]: crate::Assessment
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Lang, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/rosa_batz_iom_sanmarcos.yaml")?;
    /// let request = rules.assess(&cv, "2025-10-01".parse()?);
    /// let written: Vec<_> = request.evaluate_each().iter().map(|e| e.explain(Lang::En)).collect();
    /// assert_eq!(written, request.each());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn evaluate_each(&self) -> Vec<Evaluation<'_>> {
        self.evaluations().collect()
    }

    /// What `each` makes of every evaluation, in rule-set order, each
    /// evaluation's list of judgements reused for the next: one list for
    /// the whole request, as long as the longest vacancy's.
    pub(crate) fn map_evaluations<T>(&self, mut each: impl FnMut(&Evaluation<'_>) -> T) -> Vec<T> {
        let prepared = self.prepared();
        let vacancies = &self.rules.vacancies;
        let longest = vacancies.iter().map(|v| v.requirements.len()).max();
        let mut spare = Vec::with_capacity(longest.unwrap_or_default());
        let mut all = Vec::with_capacity(vacancies.len());
        for v in vacancies {
            let e = evaluate_in(prepared, v, &self.rules.vocabulary, self.as_of, spare);
            all.push(each(&e));
            spare = e.findings;
        }
        all
    }

    /// The candidate judged against each vacancy in turn, in rule-set
    /// order: one evaluation at a time, for a caller that writes each
    /// before judging the next.
    pub(crate) fn evaluations(&self) -> impl Iterator<Item = Evaluation<'_>> + '_ {
        let prepared = self.prepared();
        let vocabulary = &self.rules.vocabulary;
        self.rules
            .vacancies
            .iter()
            .map(move |v| evaluate(prepared, v, vocabulary, self.as_of))
    }

    /// Judges the candidate against one vacancy, by id, as data; `None`
    /// if the rule set has no such vacancy.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet, Verdict};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// let request = rules.assess(&cv, "2024-01-15".parse()?);
    /// let e = request.evaluate_one("unhcr-gt-resettlement-officer-2024").unwrap();
    /// assert_eq!(e.verdict(), Verdict::Eligible);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn evaluate_one(&self, vacancy: &str) -> Option<Evaluation<'_>> {
        let v = self.rules.vacancy(vacancy)?;
        Some(evaluate(
            self.prepared(),
            v,
            &self.rules.vocabulary,
            self.as_of,
        ))
    }
}

impl std::fmt::Debug for Request<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("candidate", &self.prepared().candidate.id)
            .field("as_of", &self.as_of)
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}
