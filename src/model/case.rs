//! A rule file's own test cases, as data: a profile, a date, and the
//! verdict, reason codes and score range the vacancy must give it.
//! Reading them is `load`'s; running them is `cases`'.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::model::candidate::Candidate;
use crate::model::{Code, Verdict};

/// A test case of a vacancy, as written in its rule file.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub(crate) name: String,
    pub(crate) as_of: NaiveDate,
    pub(crate) profile: CaseProfile,
    pub(crate) expect: Expect,
    /// The line of the case in its file, if known.
    pub(crate) line: Option<usize>,
}

/// The profile a case assesses: written in the case, or a file path
/// relative to the rule file.
#[derive(Debug, Clone)]
pub(crate) enum CaseProfile {
    Inline(Box<Candidate>),
    File(PathBuf),
}

/// What a case expects; each part that is absent is not checked.
#[derive(Debug, Clone)]
pub(crate) struct Expect {
    pub(crate) verdict: Option<Verdict>,
    pub(crate) codes: Vec<Code>,
    pub(crate) score: Option<ScoreRange>,
}

/// The range a case's score must fall in, both ends included.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScoreRange {
    pub(crate) min: Option<f64>,
    pub(crate) max: Option<f64>,
}
