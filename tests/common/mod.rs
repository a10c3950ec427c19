//! Helpers shared by the integration tests: the bundled rules, the example
//! profiles, short ways to reach a finding and its gap, scratch folders,
//! and (with the `cli` feature) the binary run as scripts run it.

// Each test binary uses a different subset of the helpers; and in a test
// helper a panic with a message is the failure report.
#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

#[cfg(feature = "cli")]
pub mod cli;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde_json::Value;
use vacancy_match::{Assessment, Candidate, Finding, Gap, RuleSet, Status};

/// The bundled vacancy most tests screen against.
pub const RESETTLEMENT: &str = "unhcr-gt-resettlement-officer-2024";
/// The bundled IOM vacancy.
pub const IOM: &str = "iom-gt-operations-assistant-2025";

/// The bundled rule set, loaded once per test binary.
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::bundled().expect("the bundled rules load"))
}

/// A date from `YYYY-MM-DD`.
pub fn day(text: &str) -> NaiveDate {
    text.parse().expect("a valid date")
}

/// The path of a file under `examples/candidates/`.
pub fn example_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/candidates")
        .join(file)
}

/// One of the example profiles of `examples/candidates/`.
pub fn example(file: &str) -> Candidate {
    Candidate::from_path(example_path(file)).expect("the example profile loads")
}

/// A fresh, empty folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The records of JSON Lines output.
pub fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Each problem an error holds, as it is displayed.
pub fn problems(error: &vacancy_match::Error) -> Vec<String> {
    error.problems().iter().map(ToString::to_string).collect()
}

/// A profile written inline for a test.
pub fn yaml(text: &str) -> Candidate {
    Candidate::from_yaml_str(text).expect("the inline profile loads")
}

/// The candidate assessed against one vacancy of the bundled rules.
pub fn assess(candidate: &Candidate, vacancy: &str, as_of: &str) -> Assessment {
    rules()
        .assess(candidate, day(as_of))
        .one(vacancy)
        .expect("the vacancy is in the bundled rules")
}

/// The finding for a requirement id.
pub fn finding<'a>(assessment: &'a Assessment, requirement: &str) -> &'a Finding {
    assessment
        .findings
        .iter()
        .find(|f| f.requirement == requirement)
        .unwrap_or_else(|| panic!("no finding `{requirement}` in {}", assessment.vacancy))
}

/// The requirement ids that a person must verify.
pub fn to_verify(assessment: &Assessment) -> Vec<&str> {
    assessment
        .to_verify()
        .iter()
        .map(|f| f.requirement.as_str())
        .collect()
}

/// The required requirement ids that are not met.
pub fn failed(assessment: &Assessment) -> Vec<&str> {
    assessment
        .findings
        .iter()
        .filter(|f| f.priority == vacancy_match::Priority::Required && f.status == Status::NotMet)
        .map(|f| f.requirement.as_str())
        .collect()
}

/// The evidence items a finding cites (`experience[1]`, `languages[0]`).
pub fn items(finding: &Finding) -> Vec<&str> {
    finding.evidence.iter().map(|e| e.item.as_str()).collect()
}

/// The years missing of a `Gap::Years`.
pub fn years_missing(finding: &Finding) -> f64 {
    match &finding.gap {
        Some(Gap::Years { missing, .. }) => *missing,
        other => panic!(
            "expected a years gap for `{}`, found {other:?}",
            finding.requirement
        ),
    }
}

/// Asserts two floats are within 0.005.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 0.005,
        "expected {expected}, found {actual}"
    );
}
