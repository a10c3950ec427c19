//! The guides stay true: docs/skeleton.yaml, the file a new vacancy starts
//! from, is a clean, self-testing vacancy.

use std::collections::BTreeSet;
use std::path::Path;

use vacancy_match::{RuleSet, Verdict};

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(MANIFEST).join(path))
        .unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

#[test]
fn the_skeleton_loads_cleanly_has_every_kind_and_passes_its_cases() {
    let text = read("docs/skeleton.yaml");
    let rules = RuleSet::from_yaml_str(&text).unwrap();
    assert!(rules.analyze().is_empty(), "{:#?}", rules.analyze());
    let vacancy = &rules.vacancies()[0];
    let kinds: BTreeSet<&str> = vacancy
        .requirements()
        .iter()
        .map(|r| r.kind_name())
        .collect();
    assert_eq!(kinds.len(), 8, "{kinds:?}");
    assert!(vacancy
        .requirements()
        .iter()
        .all(|r| r.source() == Some("quote the posting here")));
    let outcomes = rules.run_cases();
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(ToString::to_string)
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let verdicts: Vec<Verdict> = outcomes.iter().filter_map(|o| o.got.map(|g| g.0)).collect();
    let count = |v: Verdict| verdicts.iter().filter(|x| **x == v).count();
    assert!(count(Verdict::Eligible) >= 1);
    assert!(count(Verdict::NeedsReview) >= 1);
    assert!(count(Verdict::Ineligible) >= 2);
}
