//! Level scales are data: an organisation's own crosswalk replaces the
//! bundled one.

use vacancy_match::{Candidate, Cefr, RuleSet, Scales, Verdict};

const VACANCY: &str = "\
id: demo
title: Demo
organization: UNHCR
duty_station: { country: GT }
requirements:
  - { id: english, kind: language, languages: en, level: operational, source: operational English }
";

#[test]
fn the_bundled_crosswalk_reads_every_scale() {
    let s = Scales::bundled();
    for (text, cefr, scale) in [
        ("C1", Cefr::C1, "CEFR"),
        ("native", Cefr::C2, "native speaker"),
        ("Good knowledge", Cefr::B2, "posting descriptors"),
        ("fluent", Cefr::C1, "posting descriptors"),
        ("Básico", Cefr::A2, "posting descriptors (Spanish)"),
        ("UN II", Cefr::B2, "UN Language Framework"),
    ] {
        assert_eq!(s.resolve(text), Some((cefr, scale)), "{text}");
    }
}

#[test]
fn a_rules_folder_can_replace_the_crosswalk() {
    let dir = std::env::temp_dir().join(format!("vacancy-match-scales-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("demo.yaml"), VACANCY).unwrap();

    // Without the organisation's scale the word is unknown, with a hint.
    let err = RuleSet::from_dir(&dir).unwrap_err();
    assert!(
        err.to_string()
            .contains("unknown language level `operational`"),
        "{err}"
    );
    assert_eq!(
        err.location().unwrap().path(),
        Some("requirements[0].level")
    );

    std::fs::write(
        dir.join("scales.yaml"),
        "scales:\n  - name: CEFR\n    levels: { A1: A1, A2: A2, B1: B1, B2: B2, C1: C1, C2: C2 }\n  - name: house scale\n    levels: { operational: B2, expert: C2 }\n",
    )
    .unwrap();
    let rules = RuleSet::from_dir(&dir).unwrap();
    assert_eq!(
        rules.scales().resolve("Operational"),
        Some((Cefr::B2, "house scale"))
    );
    let level = &rules.vacancies()[0];
    assert_eq!(level.id(), "demo");
    let cv = Candidate::from_yaml_str("languages:\n  - { language: en, level: B2 }\n").unwrap();
    let a = rules
        .assess_one(&cv, "demo", "2025-01-01".parse().unwrap())
        .unwrap();
    assert_eq!(a.verdict, Verdict::Eligible);
}
