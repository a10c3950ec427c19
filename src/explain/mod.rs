//! Findings as data, and their rendering for people.
//!
//! An [`Assessment`] holds one [`Finding`] per requirement: a stable
//! [`Code`], a [`Status`], the sentence, the evidence used and the [`Gap`].
//! `Display` renders an assessment as the plain-text block of a report.

mod code;
mod render;

pub use code::Code;

/// Years for people: one decimal, without a trailing `.0` for whole years.
pub(crate) fn fmt_years(years: f64) -> String {
    let tenths = (years * 10.0).round();
    // Whole tenths are written as integers, as `{:.0}` and `{:.1}` print
    // the double nearest to them (its error is far below 0.05 here),
    // without the formatting machinery: this runs some thirty times an
    // assessment, and float formatting was a sixth of it.
    if tenths.is_finite() && tenths.abs() < 1e15 {
        let mut out = String::with_capacity(20);
        if tenths.is_sign_negative() {
            out.push('-');
        }
        let tenths = tenths.abs() as u64;
        let mut digits = [0_u8; 20];
        let mut first = digits.len();
        let mut whole = tenths / 10;
        loop {
            first -= 1;
            digits[first] = b'0' + (whole % 10) as u8;
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        out.extend(digits[first..].iter().map(|d| char::from(*d)));
        if tenths % 10 != 0 {
            out.push('.');
            out.push(char::from(b'0' + (tenths % 10) as u8));
        }
        return out;
    }
    let rounded = (years * 10.0).round() / 10.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod fmt_years_tests {
    use proptest::prelude::*;

    /// The formula `fmt_years` had before it skipped float formatting.
    fn reference(years: f64) -> String {
        let rounded = (years * 10.0).round() / 10.0;
        if (rounded - rounded.round()).abs() < 1e-9 {
            format!("{rounded:.0}")
        } else {
            format!("{rounded:.1}")
        }
    }

    #[test]
    fn edges() {
        for years in [
            0.0,
            -0.0,
            -0.01,
            0.04,
            0.05,
            0.15,
            0.25,
            1.45,
            1.46,
            2.0,
            11.95,
            -3.25,
            1e13,
            9.9e13,
            1e14,
            1e300,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(super::fmt_years(years), reference(years), "{years}");
        }
    }

    proptest! {
        #[test]
        fn same_as_the_reference(
            years in prop_oneof![-5.0..70.0_f64, (-2000_i32..2000).prop_map(|t| f64::from(t) / 20.0), any::<f64>()],
        ) {
            prop_assert_eq!(super::fmt_years(years), reference(years));
        }
    }
}

use chrono::NaiveDate;
use serde::Serialize;

use crate::matching::NameMatch;
use crate::model::{DegreeLevel, PartialDate};
use crate::Priority;

/// The three-valued outcome of one requirement.
///
/// Ordered `NotMet < Unknown < Met`.
///
/// # Example
/// ```
/// use vacancy_match::Status;
/// assert!(Status::NotMet < Status::Unknown && Status::Unknown < Status::Met);
/// assert_eq!(serde_json::to_string(&Status::NotMet).unwrap(), "\"not_met\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The profile shows the requirement is not met.
    NotMet,
    /// The profile lacks the data to decide: a person must verify.
    Unknown,
    /// The profile shows the requirement is met.
    Met,
}

impl Status {
    /// `met`, `not_met` or `unknown`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Status::Unknown.as_str(), "unknown");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotMet => "not_met",
            Status::Unknown => "unknown",
            Status::Met => "met",
        }
    }
}

/// A vacancy's verdict for a candidate.
///
/// Any required requirement `not_met` makes the candidate `Ineligible`;
/// otherwise any required `unknown` makes it `NeedsReview`; otherwise
/// `Eligible`. Ordered `Ineligible < NeedsReview < Eligible`.
///
/// # Example
/// ```
/// use vacancy_match::Verdict;
/// assert!(Verdict::Eligible > Verdict::NeedsReview);
/// assert_eq!(Verdict::NeedsReview.as_str(), "needs_review");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A required requirement is not met.
    Ineligible,
    /// Nothing required fails, but something required must be verified.
    NeedsReview,
    /// Every required requirement is met.
    Eligible,
}

impl Verdict {
    /// `eligible`, `needs_review` or `ineligible`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Verdict::Ineligible.as_str(), "ineligible");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ineligible => "ineligible",
            Verdict::NeedsReview => "needs_review",
            Verdict::Eligible => "eligible",
        }
    }
}

/// A piece of the profile a finding relied on.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_yaml_str("languages:\n  - { language: en, level: B2 }\n")?;
/// let report = vacancy_match::assess(&cv, &rules, "2024-01-15".parse().unwrap());
/// let english = report[0].findings.iter().find(|f| f.requirement == "english").unwrap();
/// assert_eq!(english.evidence[0].item, "languages[0]");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Where in the profile: `experience[2]`, `languages[0]`, `nationalities`.
    pub item: String,
    /// What it says, for people.
    pub detail: String,
    /// The name comparison, when names were matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<NameMatch>,
}

/// What is missing for a requirement to be met, as data.
///
/// # Example
/// ```
/// use vacancy_match::Gap;
/// let gap = Gap::Years { missing: 0.6, of: "refugee protection experience".into() };
/// assert_eq!(gap.to_string(), "needs 0.6 more years of refugee protection experience");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Gap {
    /// More years of (qualifying) experience.
    Years {
        /// Years missing, rounded to 2 decimals.
        missing: f64,
        /// What kind of experience.
        of: String,
    },
    /// A higher language level.
    Level {
        /// The language.
        language: String,
        /// The candidate's level, if stated.
        have: Option<String>,
        /// The level required.
        need: String,
    },
    /// A (higher) degree.
    Degree {
        /// The candidate's highest completed degree, if any.
        have: Option<DegreeLevel>,
        /// The level required.
        need: DegreeLevel,
    },
    /// A degree in an accepted field.
    Field {
        /// The candidate's field, if stated.
        have: Option<String>,
        /// The accepted fields.
        accepted: Vec<String>,
    },
    /// Something the profile lacks: a certificate, a skill, a permit.
    Missing {
        /// What is missing.
        what: String,
    },
    /// Something that has expired or will have by the date that matters.
    Expired {
        /// What expired.
        what: String,
        /// When it expires or expired.
        on: PartialDate,
        /// The date it had to be valid on.
        needed_on: NaiveDate,
    },
    /// Something a person must verify.
    Verify {
        /// What to verify.
        what: String,
    },
}

/// The outcome of one requirement, explained.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Code, RuleSet, Status};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_yaml_str("languages:\n  - { language: English, level: B2 }\n")?;
/// let report = vacancy_match::assess(&cv, &rules, "2024-01-15".parse().unwrap());
/// let resettlement = report.iter().find(|a| a.vacancy == "unhcr-gt-resettlement-officer-2024").unwrap();
/// let english = resettlement.findings.iter().find(|f| f.requirement == "english").unwrap();
/// assert_eq!(english.status, Status::NotMet);
/// assert_eq!(english.code, Code::LanguageBelowLevel);
/// assert_eq!(english.gap.as_ref().unwrap().to_string(), "English B2, C1 (fluent) required");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The requirement's id.
    pub requirement: String,
    /// The requirement's kind (`education`, `language`, ...).
    pub kind: &'static str,
    /// Required or desirable.
    pub priority: Priority,
    /// Weight in the score.
    pub weight: f64,
    /// Met, not met or unknown.
    pub status: Status,
    /// Stable machine code.
    pub code: Code,
    /// The explanation, for people.
    pub message: String,
    /// What the requirement asks, for people.
    pub expected: String,
    /// For alternatives: the path that was met, or the closest one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The parts of the profile used.
    pub evidence: Vec<Evidence>,
    /// What is missing, if anything.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gap: Option<Gap>,
    /// Partial credit in 0–1 used by the score.
    pub credit: f64,
}

/// One candidate assessed against one vacancy.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet, Verdict};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
/// let report = vacancy_match::assess(&cv, &rules, "2024-01-15".parse().unwrap());
/// assert_eq!(report[0].vacancy, "unhcr-gt-resettlement-officer-2024");
/// assert_eq!(report[0].verdict, Verdict::Eligible);
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The candidate's id, if known.
    pub candidate: Option<String>,
    /// The vacancy's id.
    pub vacancy: String,
    /// The vacancy's title.
    pub title: String,
    /// The hiring organization.
    pub organization: String,
    /// Eligible, needs review or ineligible.
    pub verdict: Verdict,
    /// 0–100, see the crate docs for the formula.
    pub score: f64,
    /// Whether the deadline had passed on `as_of`.
    pub closed: bool,
    /// The date the assessment was made as of.
    pub as_of: NaiveDate,
    /// The date experience and validity were measured at: the earlier of
    /// `as_of` and the deadline.
    pub measured_at: NaiveDate,
    /// One finding per requirement, in rule-file order.
    pub findings: Vec<Finding>,
}

impl Assessment {
    /// The required findings that must be verified by a person.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let report = vacancy_match::assess(&Candidate::default(), &rules, "2025-08-01".parse().unwrap());
    /// assert!(report.iter().all(|a| !a.to_verify().is_empty()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn to_verify(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| f.priority == Priority::Required && f.status == Status::Unknown)
            .collect()
    }
}
