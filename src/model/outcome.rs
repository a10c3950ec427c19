//! What the evaluator decides, as data: the status of one requirement
//! and the verdict of a vacancy.

use serde::Serialize;

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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
