//! Any bytes as a vacancy rule file: loads or fails with a located error,
//! and what loads is analysed, its cases run and a profile assessed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vacancy_match::{assess, Candidate, RuleSet};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match RuleSet::from_yaml_str(text) {
        Ok(rules) => {
            let _ = rules.analyze();
            let _ = rules.run_cases();
            let as_of = chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default();
            let _ = assess(&Candidate::default(), &rules, as_of);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
