//! What the two profile targets share: load the bundled rules once, and
//! assess what loads; what does not must say why.

use std::sync::OnceLock;

use vacancy_match::{assess, Candidate, Error, RuleSet};

/// Loaded once: the rules are not what these targets fuzz.
fn rules() -> Option<&'static RuleSet> {
    static RULES: OnceLock<Option<RuleSet>> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::bundled().ok()).as_ref()
}

/// Runs one input through `load`, then the evaluator.
pub fn check(data: &[u8], load: fn(&str) -> Result<Candidate, Error>) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // A byte-order mark in front changes nothing.
    let marked = load(&format!("\u{feff}{text}")).is_ok();
    match load(text) {
        Ok(c) => {
            assert!(marked || text.starts_with('\u{feff}'));
            if let Some(rules) = rules() {
                let as_of = chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap_or_default();
                let _ = assess(&c, rules, as_of);
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}
