//! A candidate profile, as read from YAML or JSON.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Country, DegreeLevel, Language, LanguageLevel, PartialDate};

/// A candidate's profile: what the assessment knows about them.
///
/// A list that is `None` was not stated (requirements on it are
/// `unknown`); a list that is present but lacks an item means the
/// candidate does not have it (`not_met`). There is no field for age,
/// sex, marital status, photo, religion or any other protected attribute,
/// and unknown fields are refused, so no rule can refer to them.
///
/// # Example
/// ```
/// use vacancy_match::Candidate;
/// let c = Candidate::from_yaml_str("id: ana\nlanguages:\n  - { language: Spanish, level: native }\n")?;
/// assert_eq!(c.id.as_deref(), Some("ana"));
/// assert!(c.education.is_none());
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Identifier used in reports (defaults to the file stem when loaded from a file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Nationalities (ISO 3166 alpha-2), used for work authorization only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationalities: Option<Vec<Country>>,
    /// Rights to work by country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_authorizations: Option<Vec<WorkAuthorization>>,
    /// Organizations the candidate is currently staff of, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_of: Option<Vec<String>>,
    /// Organizations the candidate currently serves as an affiliate, on
    /// another body's contract (a UNOPS contract serving UNHCR, a UN
    /// Volunteer): `[UNHCR]`. Internal-only postings open to affiliates
    /// count them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliate_of: Option<Vec<String>>,
    /// Degrees and diplomas.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education: Option<Vec<Degree>>,
    /// Work experience as dated periods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience: Option<Vec<Period>>,
    /// Languages and levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub languages: Option<Vec<LanguageSkill>>,
    /// Certifications and trainings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certifications: Option<Vec<Certification>>,
    /// Skills.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skills: Option<Vec<String>>,
    /// Yes/no declarations, e.g. `covid19_vaccination: true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attestations: Option<BTreeMap<String, bool>>,
    /// Where an imported profile came from (a spreadsheet row, a JSON
    /// Resume); absent for a profile written by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
}

/// Where an imported profile and each of its entries came from: the
/// evidence of a finding cites it, and the audit digest, which covers the
/// whole profile, covers it too.
///
/// # Example
/// ```
/// use vacancy_match::Candidate;
/// let c = Candidate::from_yaml_str(
///     "provenance:\n  document: applicants.xlsx\n  record: Sheet1!17\n  entries:\n    languages[0]: Sheet1!H17\n",
/// )?;
/// let p = c.provenance.unwrap();
/// assert_eq!(p.entries["languages[0]"], "Sheet1!H17");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The document: a file name.
    pub document: String,
    /// The record inside it: a row (`Sheet1!17`), or absent for a whole
    /// document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// SHA-256 (hex) of the record as read: every cell of the row, or the
    /// whole JSON Resume document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_sha256: Option<String>,
    /// Where each entry came from: `experience[2]` → `Sheet1!F17`,
    /// `education[0]` → `education[1]` of a JSON Resume.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub entries: BTreeMap<String, String>,
}

/// A right to work in a country.
///
/// # Example
/// ```
/// use vacancy_match::{AuthorizationStatus, Candidate};
/// let c = Candidate::from_yaml_str("work_authorizations:\n  - { country: MX, status: work_permit, valid_until: 2026-03 }\n")?;
/// let auth = &c.work_authorizations.unwrap()[0];
/// assert_eq!(auth.status, AuthorizationStatus::WorkPermit);
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WorkAuthorization {
    /// The country.
    pub country: Country,
    /// The kind of right.
    pub status: AuthorizationStatus,
    /// Last day of validity, if it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<PartialDate>,
}

impl WorkAuthorization {
    /// A permit or status for `country`, with no expiry stated.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{AuthorizationStatus, Country, WorkAuthorization};
    /// let mut permit = WorkAuthorization::new(Country::parse("GT").unwrap(), AuthorizationStatus::WorkPermit);
    /// permit.valid_until = Some("2026-06".parse()?);
    /// assert_eq!(permit.country.code(), "GT");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(country: Country, status: AuthorizationStatus) -> WorkAuthorization {
        WorkAuthorization {
            country,
            status,
            valid_until: None,
        }
    }
}

/// Kinds of right to work, or of legal presence, in a country.
///
/// A `work_authorization` rule lists the ones it accepts (`statuses:`); a
/// profile states one per right. A word that is not one of these names is
/// refused with a suggestion only where the word means the same status
/// (`temporary_residence` → `temporary_resident`), never by spelling alone.
///
/// # Example
/// ```
/// use vacancy_match::AuthorizationStatus;
/// assert_eq!(AuthorizationStatus::PermanentResident.as_str(), "permanent_resident");
/// assert_eq!(AuthorizationStatus::ALL.len(), 7);
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorizationStatus {
    /// A national of the country.
    Citizen,
    /// A permanent resident.
    PermanentResident,
    /// A temporary resident (a residence of limited term).
    TemporaryResident,
    /// Holder of a (usually time-limited) work permit.
    WorkPermit,
    /// A recognized refugee in the country.
    Refugee,
    /// An asylum seeker whose claim is pending and who is authorized to stay.
    AsylumSeeker,
    /// Holder of a humanitarian visa.
    HumanitarianVisa,
}

impl AuthorizationStatus {
    /// Every status.
    pub const ALL: [AuthorizationStatus; 7] = [
        AuthorizationStatus::Citizen,
        AuthorizationStatus::PermanentResident,
        AuthorizationStatus::TemporaryResident,
        AuthorizationStatus::WorkPermit,
        AuthorizationStatus::Refugee,
        AuthorizationStatus::AsylumSeeker,
        AuthorizationStatus::HumanitarianVisa,
    ];

    /// The statuses a `work_authorization` rule without `statuses:`
    /// accepts: citizen, permanent resident and work permit.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::AuthorizationStatus;
    /// assert!(!AuthorizationStatus::DEFAULT_ACCEPTED.contains(&AuthorizationStatus::Refugee));
    /// ```
    pub const DEFAULT_ACCEPTED: [AuthorizationStatus; 3] = [
        AuthorizationStatus::Citizen,
        AuthorizationStatus::PermanentResident,
        AuthorizationStatus::WorkPermit,
    ];

    /// The name used in files.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::AuthorizationStatus::WorkPermit.as_str(), "work_permit");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            AuthorizationStatus::Citizen => "citizen",
            AuthorizationStatus::PermanentResident => "permanent_resident",
            AuthorizationStatus::TemporaryResident => "temporary_resident",
            AuthorizationStatus::WorkPermit => "work_permit",
            AuthorizationStatus::Refugee => "refugee",
            AuthorizationStatus::AsylumSeeker => "asylum_seeker",
            AuthorizationStatus::HumanitarianVisa => "humanitarian_visa",
        }
    }

    /// The status a word not among the names means, if its words say so
    /// and say one status only: `temporary_residence` and `residencia
    /// temporal` mean `temporary_resident`; `solicitante de refugio` means
    /// `asylum_seeker`, not `refugee`; `residence_permit`,
    /// `international_protection` and `temporary_work_permit` say no
    /// single status.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::AuthorizationStatus;
    /// assert_eq!(AuthorizationStatus::meaning_of("temporary_residence"), Some(AuthorizationStatus::TemporaryResident));
    /// assert_eq!(AuthorizationStatus::meaning_of("solicitante de refugio"), Some(AuthorizationStatus::AsylumSeeker));
    /// assert_eq!(AuthorizationStatus::meaning_of("residence_permit"), None);
    /// assert_eq!(AuthorizationStatus::meaning_of("international_protection"), None);
    /// ```
    #[must_use]
    pub fn meaning_of(word: &str) -> Option<AuthorizationStatus> {
        let key = crate::matching::key(word);
        // Stems begin words: "international" is not "national".
        let has = |stems: &[&str]| {
            key.split(' ')
                .any(|w| stems.iter().any(|s| w.starts_with(s)))
        };
        // Stems in English and Spanish; a claim still pending is the
        // asylum seeker's, whatever word names the protection sought.
        let pending = has(&[
            "solicit", "applica", "applied", "claim", "seek", "pending", "demand",
        ]);
        let meanings: [(AuthorizationStatus, bool); 7] = [
            (
                AuthorizationStatus::Citizen,
                has(&["citizen", "ciudadan", "national", "nacional"]),
            ),
            (AuthorizationStatus::PermanentResident, has(&["perman"])),
            (AuthorizationStatus::TemporaryResident, has(&["tempor"])),
            (
                AuthorizationStatus::WorkPermit,
                has(&["work", "trabaj", "employ", "empleo", "labor"]),
            ),
            (
                AuthorizationStatus::Refugee,
                has(&["refug"]) && !pending && !has(&["asyl", "asil"]),
            ),
            (
                AuthorizationStatus::AsylumSeeker,
                has(&["asyl", "asil"]) || (has(&["refug"]) && pending),
            ),
            (AuthorizationStatus::HumanitarianVisa, has(&["humanit"])),
        ];
        let mut found = meanings.iter().filter(|(_, yes)| *yes).map(|(s, _)| *s);
        match (found.next(), found.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for AuthorizationStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        super::read_str(d, "a string: a work-authorization status", |text| {
            if let Some(status) = AuthorizationStatus::ALL
                .into_iter()
                .find(|s| s.as_str() == text)
            {
                return Ok(status);
            }
            let names: Vec<&str> = AuthorizationStatus::ALL
                .iter()
                .map(|s| s.as_str())
                .collect();
            Err(match AuthorizationStatus::meaning_of(text) {
                Some(status) => format!(
                    "unknown work-authorization status `{text}`, did you mean `{}`?",
                    status.as_str()
                ),
                None => format!(
                    "unknown work-authorization status `{text}`, expected one of {}",
                    names.join(", ")
                ),
            })
        })
    }
}

/// A degree or diploma.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, DegreeLevel};
/// let c = Candidate::from_yaml_str("education:\n  - { degree: Maestría, field: Derechos Humanos, completed: 2019 }\n")?;
/// assert_eq!(c.education.unwrap()[0].degree, DegreeLevel::Master);
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Degree {
    /// Level, by name in English or Spanish.
    pub degree: DegreeLevel,
    /// Field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Whether and when the degree was completed: a date (a year or a
    /// month is enough; a future one means not yet completed), `true`
    /// (completed, date not stated), or `false` / `in progress` (not
    /// completed). Absent means not stated: a degree requirement it could
    /// meet is to verify. Words that say the studies are finished but not
    /// whether the degree was awarded (`egresado`, `pasante`) are read as
    /// not stated, so the degree is to verify.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "completion_or_unclear"
    )]
    pub completed: Option<Completion>,
    /// Whether the institution is accredited; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accredited: Option<bool>,
}

impl Degree {
    /// A degree at `degree`'s level, nothing else stated.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Completion, Degree, DegreeLevel};
    /// let mut law = Degree::new(DegreeLevel::Bachelor);
    /// law.field = Some("Derecho".into());
    /// law.completed = Some(Completion::On("2015-11".parse()?));
    /// assert!(law.institution.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(degree: DegreeLevel) -> Degree {
        Degree {
            degree,
            field: None,
            institution: None,
            completed: None,
            accredited: None,
        }
    }
}

/// Whether a degree was completed, as the profile states it.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Completion};
/// let c = Candidate::from_yaml_str(
///     "education:\n  - { degree: bachelor, completed: 2015-10 }\n  - { degree: master, completed: true }\n  - { degree: doctorate, completed: in progress }\n",
/// )?;
/// let e = c.education.unwrap();
/// assert_eq!(e[0].completed.and_then(|c| c.date()).map(|d| d.to_string()), Some("2015-10".into()));
/// assert_eq!(e[1].completed, Some(Completion::Yes));
/// assert_eq!(e[2].completed, Some(Completion::No));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// Completed by this date.
    On(PartialDate),
    /// Stated completed, without a date.
    Yes,
    /// Stated not completed: in progress, or left.
    No,
}

impl Completion {
    /// The completion date, when one is stated.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Completion::Yes.date(), None);
    /// ```
    #[must_use]
    pub fn date(self) -> Option<PartialDate> {
        match self {
            Completion::On(d) => Some(d),
            Completion::Yes | Completion::No => None,
        }
    }
}

/// `2015-10`, `completed` (no date) or `in progress`.
///
/// # Example
/// ```
/// assert_eq!(vacancy_match::Completion::No.to_string(), "in progress");
/// ```
impl std::fmt::Display for Completion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Completion::On(d) => write!(f, "{d}"),
            Completion::Yes => f.write_str("completed"),
            Completion::No => f.write_str("in progress"),
        }
    }
}

/// Words that state a degree not completed.
const NOT_COMPLETED: &[&str] = &[
    "no",
    "false",
    "in progress",
    "in_progress",
    "ongoing",
    "studying",
    "incomplete",
    "not completed",
    "en curso",
    "cursando",
    "en proceso",
    "incompleto",
    "incompleta",
    "pendiente",
    "sin concluir",
    "no concluido",
    "tesis en proceso",
    "en tesis",
];
/// Words that state a degree completed without a date.
const COMPLETED: &[&str] = &[
    "yes",
    "true",
    "completed",
    "graduated",
    "si",
    "sí",
    "concluido",
    "concluida",
    "terminado",
    "terminada",
    "graduado",
    "graduada",
    "titulado",
    "titulada",
    "finalizado",
    "finalizada",
    "culminado",
    "culminada",
    "obtenido",
    "obtenida",
];
/// Words that say the studies are finished, not whether the degree was
/// awarded: in Mexico and Central America an *egresado* has finished the
/// courses, a *titulado* holds the degree; elsewhere *egresado* is used for
/// both.
const UNCLEAR: &[&str] = &[
    "egresado",
    "egresada",
    "pasante",
    "pensum cerrado",
    "cierre de pensum",
    "pendiente de titulacion",
    "pendiente de titulación",
];

/// A degree's completion, or not stated for a word of [`UNCLEAR`].
fn completion_or_unclear<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Completion>, D::Error> {
    d.deserialize_option(Nullable(CompletionWords))
}

/// Reads a completion as written: `None` for a word of [`UNCLEAR`].
struct CompletionWords;

impl serde::de::Visitor<'_> for CompletionWords {
    type Value = Option<Completion>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date such as 2019-06 or 2019, `true`, `false` or `in progress`")
    }
    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(if v { Completion::Yes } else { Completion::No }))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let word = v.trim().to_lowercase();
        if NOT_COMPLETED.contains(&word.as_str()) {
            return Ok(Some(Completion::No));
        }
        if COMPLETED.contains(&word.as_str()) {
            return Ok(Some(Completion::Yes));
        }
        if UNCLEAR.contains(&word.as_str()) {
            return Ok(None);
        }
        v.parse()
            .map(|d| Some(Completion::On(d)))
            .map_err(E::custom)
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
}

impl Serialize for Completion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Completion::On(d) => d.serialize(s),
            Completion::Yes => s.serialize_bool(true),
            Completion::No => s.serialize_bool(false),
        }
    }
}

impl<'de> Deserialize<'de> for Completion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CompletionWords)?.ok_or_else(|| {
            serde::de::Error::custom(
                "the word says the studies are finished, not whether the degree was awarded: \
                 write the date it was awarded, `true`, or leave `completed` out",
            )
        })
    }
}

/// A period of work experience.
///
/// # Example
/// ```
/// use vacancy_match::Candidate;
/// let c = Candidate::from_yaml_str("experience:\n  - { title: Protection Assistant, start: 2020-01, fraction: 0.5 }\n")?;
/// let p = &c.experience.unwrap()[0];
/// assert!(p.end.is_none()); // ongoing
/// assert_eq!(p.fraction, Some(0.5));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Period {
    /// Job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Employer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Country where the work was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    /// Whether the post was international (an expatriate or international
    /// post); absent means unknown (nationality is not used to infer it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international: Option<bool>,
    /// Domains of the work, e.g. `refugee protection`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domains: Option<Vec<String>>,
    /// Whether `domains` were inferred from a description (a JSON
    /// Resume's summary and highlights) rather than stated: such domains
    /// only ever make the period's relevance to verify, never met and
    /// never not met, and no skill is taken as shown by them for sure.
    /// Absent is `false`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub domains_inferred: bool,
    /// First month (or day).
    pub start: PartialDate,
    /// Last month (or day); absent, or a word such as `present` or
    /// `actualidad`, means ongoing.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "end_or_ongoing"
    )]
    pub end: Option<PartialDate>,
    /// Part-time share in (0, 1]; absent means full time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fraction: Option<f64>,
    /// Years the candidate declared without dates ("years of experience"
    /// on a form): the period is then these years up to the export date,
    /// and explanations say the figure was declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_years: Option<f64>,
}

/// Words that say a period goes on, where its end would be, as
/// [`crate::matching::key`] writes them.
pub(crate) const ONGOING: &[&str] = &[
    "present",
    "current",
    "currently",
    "now",
    "ongoing",
    "to date",
    "today",
    "presente",
    "actual",
    "actualidad",
    "actualmente",
    "a la fecha",
    "la fecha",
    "hoy",
    "en curso",
];

/// A period's end: a date, or a word of [`ONGOING`] (ongoing, as no end).
fn end_or_ongoing<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<PartialDate>, D::Error> {
    d.deserialize_option(Nullable(EndWords))
}

/// Reads a period's end as written: `None` for a word of [`ONGOING`].
struct EndWords;

impl serde::de::Visitor<'_> for EndWords {
    type Value = Option<PartialDate>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a date such as 2024-02, 2024 or March 2024, or `present` for ongoing")
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if ONGOING.contains(&crate::matching::key(v).as_str()) {
            return Ok(None);
        }
        v.parse().map(Some).map_err(E::custom)
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_str(&v.to_string())
    }
}

/// An optional field read by a visitor of its own that may itself answer
/// `None` ("present", "egresado"): null is `None` too.
struct Nullable<V>(V);

impl<'de, T, V: serde::de::Visitor<'de, Value = Option<T>>> serde::de::Visitor<'de>
    for Nullable<V>
{
    type Value = Option<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.expecting(f)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self.0)
    }
}

/// A language and the candidate's level in it.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Cefr};
/// let c = Candidate::from_yaml_str("languages:\n  - { language: inglés, level: C1 }\n")?;
/// let l = &c.languages.unwrap()[0];
/// assert_eq!(l.language.code(), "en");
/// assert_eq!(l.level.as_ref().map(|l| l.cefr()), Some(Cefr::C1));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LanguageSkill {
    /// The language, by ISO 639 code or English/Spanish name.
    pub language: Language,
    /// The level; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LanguageLevel>,
    /// Whether the language is the candidate's mother tongue, apart from
    /// the level: `true` a native speaker, `false` not one, absent not
    /// stated. A level written as a native speaker's ("native", "lengua
    /// materna") states `true` too (`mother_tongue` reads both).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub native: Option<bool>,
}

impl LanguageSkill {
    /// `language`, with no level and no native-ness stated.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Language, LanguageSkill};
    /// let mut spanish = LanguageSkill::new(Language::parse("es").unwrap());
    /// spanish.native = Some(true);
    /// assert!(spanish.level.is_none());
    /// ```
    #[must_use]
    pub fn new(language: Language) -> LanguageSkill {
        LanguageSkill {
            language,
            level: None,
            native: None,
        }
    }

    /// Whether the language is the candidate's mother tongue: as `native`
    /// states it, else `true` when the level was written as a native
    /// speaker's ("native", "mother tongue", "nativo", "lengua materna"),
    /// else not stated (`None`). "Bilingual" and CEFR codes, C2 included,
    /// say a level, not a mother tongue.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Candidate;
    /// let c = Candidate::from_yaml_str(
    ///     "languages:\n  - { language: es, level: nativo }\n  - { language: en, level: C2 }\n  - { language: fr, level: C1, native: true }\n",
    /// )?;
    /// let l = c.languages.unwrap();
    /// assert_eq!(l[0].mother_tongue(), Some(true));
    /// assert_eq!(l[1].mother_tongue(), None);
    /// assert_eq!(l[2].mother_tongue(), Some(true));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn mother_tongue(&self) -> Option<bool> {
        self.native.or_else(|| {
            self.level
                .as_ref()
                .is_some_and(LanguageLevel::says_native)
                .then_some(true)
        })
    }

    /// The CEFR level a level requirement compares: the level as stated
    /// (a native speaker who wrote C1 is C1), or C2 for a native speaker
    /// who states no level; `None` when neither is stated.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Cefr};
    /// let c = Candidate::from_yaml_str(
    ///     "languages:\n  - { language: es, native: true }\n  - { language: fr, level: C1, native: true }\n  - { language: en }\n",
    /// )?;
    /// let l = c.languages.unwrap();
    /// assert_eq!(l[0].cefr(), Some(Cefr::C2));
    /// assert_eq!(l[1].cefr(), Some(Cefr::C1));
    /// assert_eq!(l[2].cefr(), None);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn cefr(&self) -> Option<super::Cefr> {
        match &self.level {
            Some(level) => Some(level.cefr()),
            None => (self.native == Some(true)).then_some(super::Cefr::C2),
        }
    }
}

/// A certification or training.
///
/// # Example
/// ```
/// use vacancy_match::Candidate;
/// let c = Candidate::from_yaml_str("certifications:\n  - { name: Protection Learning Programme, issued: 2019-05 }\n")?;
/// assert_eq!(c.certifications.unwrap()[0].name, "Protection Learning Programme");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Certification {
    /// Name.
    pub name: String,
    /// When it was obtained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<PartialDate>,
    /// Last day of validity, if it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires: Option<PartialDate>,
}

impl Certification {
    /// A certification by name, with no dates stated.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Certification;
    /// let mut plp = Certification::new("Protection Learning Programme");
    /// plp.issued = Some("2021-03".parse()?);
    /// assert!(plp.expires.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(name: impl Into<String>) -> Certification {
        Certification {
            name: name.into(),
            issued: None,
            expires: None,
        }
    }
}

/// Never-failing accessors used by the evaluator.
impl Period {
    /// A period of work from `start`, ongoing and full time, nothing
    /// else stated.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Period;
    /// let mut job = Period::new("2019-09".parse()?);
    /// job.organization = Some("ACNUR".into());
    /// job.domains = Some(vec!["refugee protection".into()]);
    /// assert!(job.end.is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(start: PartialDate) -> Period {
        Period {
            title: None,
            organization: None,
            country: None,
            international: None,
            domains: None,
            domains_inferred: false,
            start,
            end: None,
            fraction: None,
            declared_years: None,
        }
    }

    /// The part-time share, clamped to (0, 1]; invalid values count as
    /// nothing rather than panicking (the loader refuses them anyway).
    pub(crate) fn share(&self) -> f64 {
        match self.fraction {
            None => 1.0,
            Some(f) if f.is_finite() && f > 0.0 => f.min(1.0),
            Some(_) => 0.0,
        }
    }
}
