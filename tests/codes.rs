//! The reason codes are a documented, closed set: every code has a row in
//! docs/CODES.md, and no assessment emits a code the table lacks.

use std::collections::BTreeSet;

use proptest::prelude::*;
use vacancy_match::{Candidate, Code, RuleSet};

fn documented() -> BTreeSet<String> {
    let table = std::fs::read_to_string("docs/CODES.md").unwrap();
    table
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.split('`').nth(1).unwrap().to_string())
        .collect()
}

#[test]
fn every_code_is_documented_with_its_meaning() {
    let table = std::fs::read_to_string("docs/CODES.md").unwrap();
    for code in Code::ALL {
        let row = format!("| `{}` | {} |", code.as_str(), code.meaning());
        assert!(
            table.contains(&row),
            "docs/CODES.md lacks or differs for {code}:\n{row}"
        );
    }
    let listed: BTreeSet<String> = Code::ALL.iter().map(|c| c.as_str().to_string()).collect();
    assert_eq!(
        documented(),
        listed,
        "the table lists codes the library does not have"
    );
}

#[test]
fn examples_emit_only_documented_codes() {
    let table = documented();
    let rules = RuleSet::bundled().unwrap();
    let mut seen = BTreeSet::new();
    for entry in std::fs::read_dir("examples/candidates").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let cv = Candidate::from_path(&path).unwrap();
        for as_of in ["2017-03-01", "2024-01-15", "2025-08-01", "2025-10-01"] {
            for a in rules.assess(&cv, as_of.parse().unwrap()).ranked() {
                for f in a.findings {
                    assert!(table.contains(f.code.as_str()), "undocumented {}", f.code);
                    seen.insert(f.code);
                }
            }
        }
    }
    assert!(
        seen.len() >= 20,
        "examples exercise only {} codes",
        seen.len()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_profiles_emit_only_documented_codes(
        languages in prop::option::of(prop::collection::vec((0..4usize, prop::option::of(0..6usize)), 0..3)),
        skills in prop::option::of(prop::collection::vec(0..5usize, 0..3)),
        staff in prop::option::of(prop::collection::vec(0..3usize, 0..2)),
        vaccinated in prop::option::of(any::<bool>()),
    ) {
        let langs = ["en", "es", "fr", "mam"];
        let levels = ["A1", "A2", "B1", "B2", "C1", "native"];
        let skill_names = ["ProGres", "MS Office", "resettlement", "database management", "knitting"];
        let orgs = ["ACNUR", "OIM", "NRC"];
        let mut yaml = String::from("id: generated\n");
        if let Some(l) = languages {
            yaml.push_str("languages:\n");
            for (lang, level) in l {
                match level {
                    Some(v) => yaml.push_str(&format!("  - {{ language: {}, level: {} }}\n", langs[lang], levels[v])),
                    None => yaml.push_str(&format!("  - {{ language: {} }}\n", langs[lang])),
                }
            }
        }
        if let Some(s) = skills {
            let names: Vec<&str> = s.iter().map(|i| skill_names[*i]).collect();
            yaml.push_str(&format!("skills: [{}]\n", names.join(", ")));
        }
        if let Some(s) = staff {
            let names: Vec<&str> = s.iter().map(|i| orgs[*i]).collect();
            yaml.push_str(&format!("staff_of: [{}]\n", names.join(", ")));
        }
        if let Some(v) = vaccinated {
            yaml.push_str(&format!("attestations: {{ covid19_vaccination: {v} }}\n"));
        }
        let cv = Candidate::from_yaml_str(&yaml).unwrap();
        let table = documented();
        for a in RuleSet::bundled().unwrap().assess(&cv, "2025-08-01".parse().unwrap()).ranked() {
            for f in a.findings {
                prop_assert!(table.contains(f.code.as_str()), "undocumented {}", f.code);
            }
        }
    }
}
