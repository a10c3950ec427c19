//! Level scales are data: an organisation's own crosswalk replaces the
//! bundled one.

use vacancy_match::{Candidate, Cefr, Lang, RuleSet, Scales, Verdict};

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
        .assess(&cv, "2025-01-01".parse().unwrap())
        .one("demo")
        .unwrap();
    assert_eq!(a.verdict, Verdict::Eligible);
    // The organisation's scale is named as written, and not twice.
    assert_eq!(
        a.findings[0].expected,
        "English at B2 (operational, house scale)"
    );
}

#[test]
fn explanations_name_the_scale_a_requirement_was_written_in() {
    let rules = RuleSet::bundled().unwrap();
    let cv = Candidate::default();
    let expected = |vacancy: &str, id: &str, lang: Lang| {
        let a = rules
            .assess(&cv, "2025-01-01".parse().unwrap())
            .lang(lang)
            .one(vacancy)
            .unwrap();
        let f = a.findings.iter().find(|f| f.requirement == id).unwrap();
        (f.expected.clone(), f.message.clone())
    };
    let (english, message) = expected("unhcr-gt-resettlement-officer-2024", "english", Lang::En);
    assert_eq!(english, "English at C1 (fluent, posting descriptors scale)");
    // The sentence keeps the level as the posting wrote it.
    assert_eq!(message, "no languages stated; needs English at C1 (fluent)");
    let (mayan, _) = expected(
        "iom-gt-operations-assistant-2025",
        "mayan_language",
        Lang::En,
    );
    assert!(
        mayan.ends_with(" at A2 (basic, posting descriptors scale)"),
        "{mayan}"
    );
    // A CEFR code needs no scale.
    let (french, _) = expected("unhcr-americas-cpa-consultant-2025", "french", Lang::En);
    assert_eq!(french, "French at B1");
    let (ingles, _) = expected("unhcr-gt-resettlement-officer-2024", "english", Lang::Es);
    assert_eq!(
        ingles,
        "Inglés, nivel C1 (fluido, escala de descriptores de vacantes)"
    );
}
