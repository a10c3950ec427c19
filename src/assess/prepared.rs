//! The candidate side, normalised once and reused for every vacancy.

use chrono::NaiveDate;

use super::experience::{events, select, Event, Selected};
use super::named::{seen, SkillSeen};
use super::{Context, Request};
use crate::matching::{Category, Term, Vocabulary};
use crate::model::candidate::{Degree, Period};
use crate::model::vacancy::{ExperienceRule, NamedRule};
use crate::model::{Country, DegreeLevel};
use crate::text::Text;
use crate::LanguageSkill;
use crate::{Candidate, RuleSet};

/// A list of a profile's names, linked: on the stack for up to four (a
/// period's domains, a profile's skills), so that preparing a profile
/// does not allocate a list for each.
pub(crate) type Terms = smallvec::SmallVec<[Term; 4]>;

pub(crate) struct PreparedDegree<'c> {
    pub(crate) index: usize,
    /// The profile's entry.
    pub(crate) entry: &'c Degree,
    pub(crate) level: DegreeLevel,
    pub(crate) field: Option<Term>,
    /// The last day of the completion date, when one is stated.
    pub(crate) completed: Option<NaiveDate>,
    /// The first day of the completion date, when one is stated: a year
    /// or a month is a span, and a degree may have been completed on any
    /// of its days.
    pub(crate) completed_from: Option<NaiveDate>,
    /// What the profile says of completion (`None`: not stated).
    pub(crate) completion: Option<crate::Completion>,
    pub(crate) accredited: Option<bool>,
    /// How sentences name the degree, per language ([`Lang`] order):
    /// written when first explained, then reused.
    ///
    /// [`Lang`]: crate::Lang
    pub(crate) labels: [std::sync::OnceLock<Text>; 2],
}

pub(crate) struct PreparedPeriod<'c> {
    pub(crate) index: usize,
    /// The profile's entry.
    pub(crate) entry: &'c Period,
    pub(crate) start: NaiveDate,
    /// Last day; `None` is ongoing.
    pub(crate) end: Option<NaiveDate>,
    /// Whether its start or end is a year only ("2015–2018"): it may have
    /// begun as late as the start year's last day and ended as early as
    /// the end year's first, and only that is sure.
    pub(crate) years_only: bool,
    pub(crate) share: f64,
    /// `None`: domains not stated.
    pub(crate) domains: Option<Terms>,
    /// The domains read as skills, for skills evidenced by experience.
    pub(crate) domain_skills: Terms,
    pub(crate) country: Option<Country>,
    /// As stated: nationality is used for work authorization only, so an
    /// unstated value is not inferred from it.
    pub(crate) international: Option<bool>,
    pub(crate) organization: Option<Term>,
    /// How sentences name the period, per language: written when first
    /// explained, then reused.
    pub(crate) labels: [std::sync::OnceLock<Text>; 2],
    /// The period as evidence ("label: 2.8 years, relevance to verify"),
    /// by language, years and doubts: findings of several requirements
    /// and vacancies cite a period with the same words. Filled in order;
    /// read without a lock.
    pub(crate) details: [std::sync::OnceLock<(PeriodDetail, Text)>; PERIOD_DETAILS],
}

/// The most evidence texts a prepared period keeps.
const PERIOD_DETAILS: usize = 4;

/// What a period's evidence words depend on besides the period.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct PeriodDetail {
    /// `Lang` as a number.
    pub(crate) lang: u8,
    /// The years' bits.
    pub(crate) years: u64,
    /// The doubts' bits.
    pub(crate) doubts: u8,
}

pub(crate) struct PreparedCertification {
    pub(crate) index: usize,
    pub(crate) name: Term,
    pub(crate) issued: Option<NaiveDate>,
    pub(crate) expires: Option<crate::PartialDate>,
}

/// A candidate ready for assessment against any vacancy of one rule set.
pub(crate) struct Prepared<'c> {
    pub(crate) candidate: &'c Candidate,
    pub(crate) degrees: Option<Vec<PreparedDegree<'c>>>,
    pub(crate) periods: Option<Vec<PreparedPeriod<'c>>>,
    /// Where the periods start and stop counting, in order of day.
    pub(crate) events: Vec<Event>,
    /// The same for what is sure of each period, when a period's dates
    /// are years only: from its start year's last day to its end year's
    /// first (nothing, within one year). `None` when every date has a
    /// month, and all of [`Prepared::events`] is sure.
    pub(crate) sure_events: Option<Vec<Event>>,
    pub(crate) certifications: Option<Vec<PreparedCertification>>,
    pub(crate) skills: Option<Terms>,
    pub(crate) staff_of: Option<Terms>,
    pub(crate) affiliate_of: Option<Terms>,
    pub(crate) languages: Option<&'c [LanguageSkill]>,
    /// How evidence names each language entry ("English C1"), per
    /// language: written when first explained, then reused.
    pub(crate) language_words: Box<[[std::sync::OnceLock<Text>; 2]]>,
    /// SHA-256 of the profile's canonical JSON, for audit records:
    /// computed when an assessment is first written out.
    digest: std::sync::OnceLock<Text>,
    /// The profile's id as assessments show it, written when the first
    /// is.
    id: std::sync::OnceLock<Option<Text>>,
    /// How each period fits each of the rule set's experience filters,
    /// found when a rule with the filter is first assessed.
    selected: Box<[std::sync::OnceLock<Selected>]>,
    /// What the profile shows of each of the rule set's lists of skills,
    /// found when a rule with the list is first assessed.
    skills_seen: Box<[std::sync::OnceLock<SkillSeen>]>,
}

impl<'c> Prepared<'c> {
    pub(crate) fn new(candidate: &'c Candidate, vocabulary: &Vocabulary) -> Prepared<'c> {
        let degrees = candidate.education.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(index, d)| PreparedDegree {
                    index,
                    entry: d,
                    level: d.degree,
                    field: d
                        .field
                        .as_deref()
                        .map(|f| Term::remembering(f, vocabulary, Category::Field)),
                    completed: d
                        .completed
                        .and_then(crate::Completion::date)
                        .map(|c| c.last_day()),
                    completed_from: d
                        .completed
                        .and_then(crate::Completion::date)
                        .map(|c| c.first_day()),
                    completion: d.completed,
                    accredited: d.accredited,
                    labels: Default::default(),
                })
                .collect()
        });
        let periods = candidate.experience.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(index, p)| {
                    let domains: Option<Terms> = p.domains.as_ref().map(|ds| {
                        ds.iter()
                            .map(|d| Term::remembering(d, vocabulary, Category::Domain))
                            .collect()
                    });
                    let domain_skills = domains
                        .iter()
                        .flatten()
                        .map(|d| d.relinked(vocabulary, Category::Skill))
                        .collect();
                    PreparedPeriod {
                        index,
                        entry: p,
                        start: p.start.first_day(),
                        end: p.end.map(|e| e.last_day()),
                        years_only: p.start.is_year_only()
                            || p.end.is_some_and(|e| e.is_year_only()),
                        share: p.share(),
                        domains,
                        // The same names, read as skills.
                        domain_skills,
                        country: p.country,
                        international: p.international,
                        organization: p
                            .organization
                            .as_deref()
                            .map(|o| Term::remembering(o, vocabulary, Category::Organization)),
                        labels: Default::default(),
                        details: Default::default(),
                    }
                })
                .collect()
        });
        let spans = periods.iter().flatten();
        let events = events(
            spans
                .clone()
                .map(|p: &PreparedPeriod<'_>| (p.start, p.end, p.share)),
        );
        let sure_events = spans.clone().any(|p| p.years_only).then(|| {
            super::experience::events(spans.map(|p: &PreparedPeriod<'_>| {
                let start = if p.entry.start.is_year_only() {
                    p.entry.start.last_day()
                } else {
                    p.start
                };
                let end = match p.entry.end {
                    Some(e) if e.is_year_only() => Some(e.first_day()),
                    _ => p.end,
                };
                (start, end, p.share)
            }))
        });
        let certifications = candidate.certifications.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(index, c)| PreparedCertification {
                    index,
                    name: Term::remembering(&c.name, vocabulary, Category::Certification),
                    issued: c.issued.map(|d| d.first_day()),
                    expires: c.expires,
                })
                .collect()
        });
        let terms = |list: &Option<Vec<String>>, category| {
            list.as_ref().map(|l| {
                l.iter()
                    .map(|s| Term::remembering(s, vocabulary, category))
                    .collect()
            })
        };
        Prepared {
            candidate,
            degrees,
            periods,
            events,
            sure_events,
            certifications,
            skills: terms(&candidate.skills, Category::Skill),
            staff_of: terms(&candidate.staff_of, Category::Organization),
            affiliate_of: terms(&candidate.affiliate_of, Category::Organization),
            languages: candidate.languages.as_deref(),
            language_words: candidate
                .languages
                .iter()
                .flatten()
                .map(|_| Default::default())
                .collect(),
            digest: std::sync::OnceLock::new(),
            id: std::sync::OnceLock::new(),
            selected: slots(vocabulary.filters()),
            skills_seen: slots(vocabulary.lists(Category::Skill)),
        }
    }

    /// `then` of the periods `rule`'s filter selects: found once per
    /// filter, and every time for a rule whose filter has no slot (one
    /// loaded after the candidate was prepared).
    pub(crate) fn with_selected<T>(
        &self,
        rule: &ExperienceRule,
        ctx: &Context<'_>,
        then: impl FnOnce(&Selected) -> T,
    ) -> T {
        match rule.filter.and_then(|id| self.selected.get(id)) {
            Some(slot) => then(slot.get_or_init(|| select(rule, self, ctx))),
            None => then(&select(rule, self, ctx)),
        }
    }

    /// What the profile shows of `rule`'s skills: found once per list of
    /// skills (see [`Prepared::with_selected`]).
    pub(crate) fn skill_seen(&self, rule: &NamedRule, ctx: &Context<'_>) -> SkillSeen {
        match rule.any_of.list().and_then(|id| self.skills_seen.get(id)) {
            Some(slot) => *slot.get_or_init(|| seen(rule, self, ctx)),
            None => seen(rule, self, ctx),
        }
    }

    /// SHA-256 of the profile's canonical JSON.
    pub(crate) fn digest(&self) -> &Text {
        self.digest.get_or_init(|| digest(self.candidate))
    }

    /// The profile's id, as assessments show it.
    pub(crate) fn id(&self) -> Option<&Text> {
        self.id
            .get_or_init(|| self.candidate.id.as_deref().map(Text::from))
            .as_ref()
    }
}

/// `n` empty slots of a prepared candidate's memo.
fn slots<T>(n: usize) -> Box<[std::sync::OnceLock<T>]> {
    (0..n).map(|_| std::sync::OnceLock::new()).collect()
}

/// SHA-256 of the profile's normalised form: its JSON with object keys
/// sorted and every list sorted, so that neither the order of fields nor
/// the order of list items changes the digest (they change nothing else).
pub(crate) fn digest(candidate: &Candidate) -> Text {
    let hex = |json: &[u8]| Text::from(crate::load::sha256(json).as_str());
    // Serialising a validated profile cannot fail; the fallback, `null`,
    // would still give a stable digest.
    super::canonical::with(candidate, hex).unwrap_or_else(|_| hex(b"null"))
}

/// A candidate prepared for one rule set: its names normalised and linked
/// to the rule set's vocabulary once, ready to be assessed against any of
/// its vacancies, as of any date.
///
/// Made by [`RuleSet::prepare`]. Its requests ([`PreparedCandidate::assess`])
/// give the same assessments as those of [`RuleSet::assess`], which prepares the
/// candidate on every call.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/rosa_batz_iom_sanmarcos.yaml")?;
/// let prepared = rules.prepare(&cv);
/// for as_of in ["2025-10-01", "2027-01-01"] {
///     let all = prepared.assess(as_of.parse().unwrap()).each();
///     assert_eq!(all.len(), rules.vacancies().len());
/// }
/// # Ok::<(), vacancy_match::Error>(())
/// ```
pub struct PreparedCandidate<'r, 'c> {
    rules: &'r RuleSet,
    prepared: Prepared<'c>,
}

impl<'r, 'c> PreparedCandidate<'r, 'c> {
    pub(crate) fn new(rules: &'r RuleSet, candidate: &'c Candidate) -> PreparedCandidate<'r, 'c> {
        PreparedCandidate {
            rules,
            prepared: Prepared::new(candidate, &rules.vocabulary),
        }
    }

    /// The candidate.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_yaml_str("id: ana")?;
    /// assert_eq!(rules.prepare(&cv).candidate().id.as_deref(), Some("ana"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn candidate(&self) -> &'c Candidate {
        self.prepared.candidate
    }

    /// Starts an assessment of the prepared candidate as of a date: the
    /// same [`Request`] as [`RuleSet::assess`] makes, without preparing
    /// the candidate again.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Lang, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/rosa_batz_iom_sanmarcos.yaml")?;
    /// let prepared = rules.prepare(&cv);
    /// let as_of = "2025-10-01".parse()?;
    /// assert_eq!(prepared.assess(as_of).each(), rules.assess(&cv, as_of).each());
    /// let spanish = prepared.assess(as_of).lang(Lang::Es).one("iom-gt-operations-assistant-2025");
    /// assert_eq!(spanish.unwrap().lang, Lang::Es);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess(&self, as_of: NaiveDate) -> Request<'_> {
        Request::lent(self.rules, &self.prepared, as_of)
    }
}

impl std::fmt::Debug for PreparedCandidate<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedCandidate")
            .field("candidate", &self.prepared.candidate.id)
            .finish_non_exhaustive()
    }
}
