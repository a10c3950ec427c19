//! A vacancy and its requirements, validated and compiled for assessment.

use serde::{Deserialize, Serialize};

use super::candidate::AuthorizationStatus;
use super::{Country, DegreeLevel, Language, LanguageLevel, PartialDate};
use chrono::NaiveDate;

use crate::matching::Names;

/// A job vacancy: its identity, dates and requirements, compiled from a
/// rule file (names normalised and linked to the vocabulary once, at load
/// time).
///
/// # Example
/// ```
/// let rules = vacancy_match::RuleSet::bundled()?;
/// let v = rules.vacancy("unhcr-gt-resettlement-officer-2024").unwrap();
/// assert_eq!(v.organization(), "UNHCR");
/// assert_eq!(v.deadline().map(|d| d.to_string()), Some("2024-02-08".into()));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Vacancy {
    pub(crate) id: crate::text::Text,
    /// The title in English, else as the file gives it.
    pub(crate) title: String,
    /// The title in each language, as the file gives it.
    pub(crate) titles: Localized,
    /// The title in each language, as assessments show it, written once.
    pub(crate) title_text: RuleText,
    pub(crate) organization: crate::text::Text,
    pub(crate) contract: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) country: Country,
    pub(crate) posting: Option<String>,
    pub(crate) posted: Option<PartialDate>,
    pub(crate) deadline: Option<PartialDate>,
    pub(crate) target_start: Option<PartialDate>,
    /// The deadline's last day and the target start's first day, worked
    /// out at load.
    pub(crate) days: (Option<NaiveDate>, Option<NaiveDate>),
    pub(crate) requirements: Vec<Requirement>,
    /// The rule file's own test cases.
    pub(crate) cases: Vec<crate::model::case::Case>,
    /// The file the vacancy was loaded from, if any.
    pub(crate) file: Option<String>,
    /// The rule file's text, to locate diagnostics.
    pub(crate) text: Option<std::sync::Arc<str>>,
    /// SHA-256 (hex) of the rule file's text.
    pub(crate) digest: crate::text::Text,
}

impl Vacancy {
    /// The vacancy's id, unique in its rule set.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().all(|v| !v.id().is_empty()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The job title.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.title().contains("Protection Assistant")));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The hiring organization.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.organization() == "IOM"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn organization(&self) -> &str {
        &self.organization
    }

    /// The duty-station country.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.country().code() == "MX"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn country(&self) -> Country {
        self.country
    }

    /// The application deadline, if the posting gives one.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.deadline().is_none()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn deadline(&self) -> Option<PartialDate> {
        self.deadline
    }

    /// The target start date, if the posting gives one.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.target_start().is_some()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn target_start(&self) -> Option<PartialDate> {
        self.target_start
    }

    /// The requirements, in file order.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().all(|v| !v.requirements().is_empty()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn requirements(&self) -> &[Requirement] {
        &self.requirements
    }

    /// The file the vacancy was loaded from (`None` for strings).
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().all(|v| v.file().is_some_and(|f| f.ends_with(".yaml"))));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The contract type (e.g. `UNOPS IICA-1`), if given.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.contract().is_some()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn contract(&self) -> Option<&str> {
        self.contract.as_deref()
    }

    /// The duty-station city, if given.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.city() == Some("Villahermosa")));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn city(&self) -> Option<&str> {
        self.city.as_deref()
    }

    /// The posting text file the vacancy encodes, if named.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().all(|v| v.posting().is_some()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn posting(&self) -> Option<&str> {
        self.posting.as_deref()
    }

    /// The posting date, if given.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies().iter().any(|v| v.posted().is_some()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn posted(&self) -> Option<PartialDate> {
        self.posted
    }
}

/// Whether a requirement gates eligibility or only adds to the score.
///
/// # Example
/// ```
/// use vacancy_match::Priority;
/// assert_eq!(serde_json::to_string(&Priority::Desirable).unwrap(), "\"desirable\"");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// Gates eligibility.
    #[default]
    Required,
    /// An asset: raises the score only.
    Desirable,
    /// A condition of appointment (proof of vaccination, medical
    /// clearance): checked before appointment, shown in every report as
    /// "to confirm before appointment", never changing the verdict or the
    /// score.
    Condition,
}

/// One requirement of a vacancy.
///
/// # Example
/// ```
/// use vacancy_match::{Priority, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let v = rules.vacancy("unhcr-gt-resettlement-officer-2024").unwrap();
/// let english = v.requirements().iter().find(|r| r.id() == "english").unwrap();
/// assert_eq!(english.priority(), Priority::Required);
/// assert_eq!(english.kind_name(), "language");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Requirement {
    pub(crate) id: crate::text::Text,
    /// The label the rule file gives, in each language.
    pub(crate) label: Localized,
    /// The label in each language, given or derived, written once.
    pub(crate) label_text: RuleText,
    /// What the requirement asks, as findings state it, written once.
    pub(crate) expected_text: RuleText,
    /// Its findings' sentences that depend on the requirement alone, by
    /// outcome (for a certification or a skill: none stated, then not
    /// among those stated; for a declaration: made, denied, not made; for
    /// experience of any length: none held), written once per language.
    pub(crate) said_text: [RuleText; 3],
    pub(crate) priority: Priority,
    pub(crate) weight: f64,
    pub(crate) source: Option<String>,
    pub(crate) rule: Rule,
    /// Unique in the process (a copy keeps it, and its content): the words
    /// written for it may be remembered by it.
    pub(crate) uid: u64,
}

/// Words a rule file gives in English, in Spanish, or in both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Localized {
    pub(crate) en: Option<String>,
    pub(crate) es: Option<String>,
}

/// A new requirement's [`Requirement::uid`].
pub(crate) fn next_uid() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Requirement {
    /// The requirement's id, unique in its vacancy.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies()[0].requirements().iter().all(|r| !r.id().is_empty()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Required or desirable.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Priority;
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies()[0].requirements().iter().any(|r| r.priority() == Priority::Desirable));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn priority(&self) -> Priority {
        self.priority
    }

    /// The weight in the score (default 1).
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies()[0].requirements().iter().all(|r| r.weight() > 0.0));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn weight(&self) -> f64 {
        self.weight
    }

    /// The quote from the posting this requirement encodes.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancies()[0].requirements().iter().all(|r| r.source().is_some()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The kind, as written in rule files (`education`, `language`, ...).
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert_eq!(rules.vacancies()[0].requirements()[0].kind_name(), "education");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        self.rule.kind().as_str()
    }
}

/// The kinds of requirement, as written in rule files.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Kind {
    Education,
    Experience,
    Language,
    WorkAuthorization,
    Internal,
    Certification,
    Skill,
    Attestation,
    Nationality,
}

impl Kind {
    /// Every kind of requirement, in documentation order.
    pub(crate) const ALL: [Kind; 9] = [
        Kind::Education,
        Kind::Experience,
        Kind::Language,
        Kind::WorkAuthorization,
        Kind::Internal,
        Kind::Certification,
        Kind::Skill,
        Kind::Attestation,
        Kind::Nationality,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Education => "education",
            Kind::Experience => "experience",
            Kind::Language => "language",
            Kind::WorkAuthorization => "work_authorization",
            Kind::Internal => "internal",
            Kind::Certification => "certification",
            Kind::Skill => "skill",
            Kind::Attestation => "attestation",
            Kind::Nationality => "nationality",
        }
    }
}

/// A compiled requirement rule.
#[derive(Debug, Clone)]
pub(crate) enum Rule {
    Education(EducationRule),
    Experience(ExperienceRule),
    Language(LanguageRule),
    WorkAuthorization(AuthorizationRule),
    Internal(InternalRule),
    Certification(NamedRule),
    Skill(NamedRule),
    Attestation(AttestationRule),
    Nationality(NationalityRule),
}

impl Rule {
    pub(crate) fn kind(&self) -> Kind {
        match self {
            Rule::Education(_) => Kind::Education,
            Rule::Experience(_) => Kind::Experience,
            Rule::Language(_) => Kind::Language,
            Rule::WorkAuthorization(_) => Kind::WorkAuthorization,
            Rule::Internal(_) => Kind::Internal,
            Rule::Certification(_) => Kind::Certification,
            Rule::Skill(_) => Kind::Skill,
            Rule::Attestation(_) => Kind::Attestation,
            Rule::Nationality(_) => Kind::Nationality,
        }
    }
}

/// Which periods count towards an experience requirement.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Scope {
    #[default]
    Any,
    International,
    National,
}

/// Years of experience and which periods count.
#[derive(Debug, Clone)]
pub(crate) struct ExperienceRule {
    pub(crate) years: f64,
    /// At most this many years ("no more than 5 years", junior
    /// programmes): more is not met.
    pub(crate) max_years: Option<f64>,
    pub(crate) domains: Names,
    /// Domains a period must also be in ("education with vulnerable
    /// groups"): a period in only one of the two lists is to verify.
    pub(crate) with: Names,
    pub(crate) related: bool,
    pub(crate) countries: Vec<Country>,
    pub(crate) scope: Scope,
    pub(crate) after_degree: Option<DegreeLevel>,
    /// Its [`PeriodFilter`]'s id among the rule set's: the periods it
    /// selects are found once per prepared candidate. `None` until the
    /// vacancy is compiled, or if the registry is unusable.
    pub(crate) filter: Option<usize>,
    /// Its words, written once per language.
    pub(crate) text: RuleText,
}

/// What an experience rule selects a profile's periods by, whatever the
/// years it asks and the degree they must follow: rules with the same
/// filter select the same periods, in every vacancy of a rule set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PeriodFilter {
    /// The id of the list of domains (`None`: any domain).
    domains: Option<usize>,
    /// The id of the list of domains a period must also be in.
    with: Option<usize>,
    related: bool,
    countries: Vec<Country>,
    scope: Scope,
    /// The duty station's country, for the national scope.
    home: Option<Country>,
}

impl ExperienceRule {
    /// The rule's filter, for a vacancy in `home`; `None` when its list
    /// of domains has no id.
    pub(crate) fn period_filter(&self, home: Country) -> Option<PeriodFilter> {
        let domains = if self.domains.is_empty() {
            None
        } else {
            Some(self.domains.list()?)
        };
        let with = if self.with.is_empty() {
            None
        } else {
            Some(self.with.list()?)
        };
        Some(PeriodFilter {
            domains,
            with,
            related: self.related,
            countries: self.countries.clone(),
            scope: self.scope,
            home: (self.scope == Scope::National).then_some(home),
        })
    }

    /// Whether `other` counts the same periods (its years may differ).
    pub(crate) fn same_filters(&self, other: &ExperienceRule) -> bool {
        self.domains == other.domains
            && self.with == other.with
            && self.related == other.related
            && self.countries == other.countries
            && self.scope == other.scope
            && self.after_degree == other.after_degree
    }
}

/// Accepted fields of study.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FieldRule {
    pub(crate) accepted: Names,
    pub(crate) related: bool,
}

/// One alternative of an education requirement.
#[derive(Debug, Clone)]
pub(crate) struct EducationPath {
    pub(crate) degree: DegreeLevel,
    pub(crate) fields: Option<FieldRule>,
    pub(crate) accredited: bool,
    pub(crate) experience: Option<ExperienceRule>,
    /// Generated by the UN substitution rule (bachelor + 2 years for a master).
    pub(crate) substitutes_for: Option<DegreeLevel>,
    /// Its words ("bachelor's degree + 3 years of experience"), written
    /// once per language.
    pub(crate) text: RuleText,
}

#[derive(Debug, Clone)]
pub(crate) struct EducationRule {
    pub(crate) paths: Vec<EducationPath>,
    /// For each path, the first path with the same accepted fields: a
    /// degree's field is judged once per distinct list.
    pub(crate) fields_group: Vec<usize>,
    /// For each path, the first path whose experience counts the same
    /// periods: experience is tallied once per distinct filter.
    pub(crate) experience_group: Vec<usize>,
    /// Its paths in words, written once per language.
    pub(crate) text: RuleText,
}

impl EducationRule {
    /// The requirement, with the paths that share fields or experience
    /// filters found once, at load time.
    pub(crate) fn new(paths: Vec<EducationPath>) -> EducationRule {
        let first = |same: &dyn Fn(&EducationPath, &EducationPath) -> bool| -> Vec<usize> {
            paths
                .iter()
                .enumerate()
                .map(|(i, path)| {
                    paths
                        .iter()
                        .take(i)
                        .position(|earlier| same(earlier, path))
                        .unwrap_or(i)
                })
                .collect()
        };
        let fields_group = first(&|a, b| a.fields == b.fields);
        let experience_group = first(&|a, b| match (&a.experience, &b.experience) {
            (Some(x), Some(y)) => x.same_filters(y),
            _ => false,
        });
        EducationRule {
            paths,
            fields_group,
            experience_group,
            text: RuleText::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct LanguageRule {
    pub(crate) languages: Vec<Language>,
    pub(crate) level: LanguageLevel,
    /// A native speaker (mother tongue) is required: the level is then
    /// not what decides.
    pub(crate) native: bool,
    /// Whether the file says `native:` at all (`false` included).
    pub(crate) native_stated: bool,
    /// Its words, written once per language.
    pub(crate) text: RuleText,
}

#[derive(Debug, Clone)]
pub(crate) struct AuthorizationRule {
    pub(crate) country: Country,
    pub(crate) statuses: Vec<AuthorizationStatus>,
}

#[derive(Debug, Clone)]
pub(crate) struct InternalRule {
    pub(crate) organizations: Names,
    /// Whether the organizations' affiliates (on another body's contract)
    /// are internal applicants too.
    pub(crate) affiliates: bool,
    /// Its words, written once per language.
    pub(crate) text: RuleText,
}

/// A certification or skill requirement: one of these names.
#[derive(Debug, Clone)]
pub(crate) struct NamedRule {
    pub(crate) any_of: Names,
    /// Its words, written once per language.
    pub(crate) text: RuleText,
}

/// Nationals only ("National Officer posts") or not nationals of given
/// countries ("not nationals of the country of assignment").
#[derive(Debug, Clone)]
pub(crate) struct NationalityRule {
    pub(crate) countries: Vec<Country>,
    /// `true`: the candidate must *not* hold these nationalities.
    pub(crate) exclude: bool,
    /// For an exclusion: whether a dual national who also holds another
    /// nationality is eligible (default: no, a national of an excluded
    /// country is excluded whatever else they hold).
    pub(crate) dual_nationals_eligible: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct AttestationRule {
    pub(crate) name: String,
    /// How sentences name it, from the vocabulary.
    pub(crate) display: crate::matching::Display,
}

/// A rule's words in each language, written the first time they are
/// needed and kept: rule-side text (what experience counts, the names a
/// requirement accepts) is the same for every candidate. The model keeps
/// the slots, one per language in the order of `Lang`; `explain` writes
/// them.
#[derive(Debug, Clone, Default)]
pub(crate) struct RuleText(pub(crate) [std::sync::OnceLock<crate::text::Text>; 2]);
