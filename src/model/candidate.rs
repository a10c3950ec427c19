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
    /// Organizations the candidate is currently staff or affiliate of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_of: Option<Vec<String>>,
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
pub struct WorkAuthorization {
    /// The country.
    pub country: Country,
    /// The kind of right.
    pub status: AuthorizationStatus,
    /// Last day of validity, if it expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<PartialDate>,
}

/// Kinds of right to work.
///
/// # Example
/// ```
/// use vacancy_match::AuthorizationStatus;
/// assert_eq!(AuthorizationStatus::PermanentResident.as_str(), "permanent_resident");
/// ```
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorizationStatus {
    /// A national of the country.
    Citizen,
    /// A permanent resident.
    PermanentResident,
    /// Holder of a (usually time-limited) work permit.
    WorkPermit,
}

impl AuthorizationStatus {
    /// Every status.
    pub const ALL: [AuthorizationStatus; 3] = [
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
            AuthorizationStatus::WorkPermit => "work_permit",
        }
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
pub struct Degree {
    /// Level, by name in English or Spanish.
    pub degree: DegreeLevel,
    /// Field of study.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Institution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// Completion date; absent or in the future means not completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<PartialDate>,
    /// Whether the institution is accredited; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accredited: Option<bool>,
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
    /// First month (or day).
    pub start: PartialDate,
    /// Last month (or day); absent means ongoing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
pub struct LanguageSkill {
    /// The language, by ISO 639 code or English/Spanish name.
    pub language: Language,
    /// The level; absent means unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LanguageLevel>,
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

/// Never-failing accessors used by the evaluator.
impl Period {
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

impl Degree {
    /// A label for explanations: "Licenciatura in Law (2015)".
    pub(crate) fn label(&self) -> String {
        let mut s = self.degree.to_string();
        if let Some(field) = &self.field {
            s.push_str(" in ");
            s.push_str(field);
        }
        if let Some(done) = self.completed {
            s.push_str(&format!(" ({done})"));
        }
        s
    }
}

impl Period {
    /// A label for explanations: "Protection Assistant, UNHCR (2015-02–2019-06)".
    pub(crate) fn label(&self) -> String {
        let mut s = match (&self.title, &self.organization) {
            (Some(t), Some(o)) => format!("{t}, {o}"),
            (Some(t), None) => t.clone(),
            (None, Some(o)) => o.clone(),
            (None, None) => "position".to_string(),
        };
        if let Some(years) = self.declared_years {
            let years = crate::explain::fmt_years(years);
            s.push_str(&format!(", {years} years declared without dates"));
        }
        match self.end {
            Some(end) => s.push_str(&format!(" ({}–{end})", self.start)),
            None => s.push_str(&format!(" ({}–ongoing)", self.start)),
        }
        if let Some(f) = self.fraction.filter(|f| *f < 1.0) {
            s.push_str(&format!(", {:.0}% time", f * 100.0));
        }
        s
    }
}
