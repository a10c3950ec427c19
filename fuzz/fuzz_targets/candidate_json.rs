//! Any bytes as a JSON profile: loads or fails with a located error, and
//! what loads is assessed against the bundled rules without panicking.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vacancy_match::{assess, Candidate, RuleSet};

/// Loaded once: the rules are not what this target fuzzes.
fn rules() -> Option<&'static RuleSet> {
    static RULES: OnceLock<Option<RuleSet>> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::bundled().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Candidate::from_json_str(text) {
        Ok(c) => {
            if let Some(rules) = rules() {
                let as_of = chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default();
                let _ = assess(&c, rules, as_of);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
