//! Every test case carried by the rule files in rules/ passes.

#[test]
fn every_case_in_rules_passes() {
    let rules = vacancy_match::RuleSet::from_dir("rules").unwrap();
    let outcomes = rules.run_cases();
    let report: Vec<String> = outcomes.iter().map(ToString::to_string).collect();
    assert!(outcomes.iter().all(|o| o.passed()), "{}", report.join("\n"));
    for vacancy in rules.vacancies() {
        let count = outcomes
            .iter()
            .filter(|o| o.vacancy == vacancy.id())
            .count();
        assert!(
            count >= 4,
            "{} carries {count} cases, expected at least 4",
            vacancy.id()
        );
    }
}

#[test]
fn a_failing_case_reports_the_difference() {
    let dir = std::env::temp_dir().join(format!("vacancy-match-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let yaml = "\
id: demo
title: Demo
organization: UNHCR
duty_station: { country: GT }
requirements:
  - { id: english, kind: language, languages: en, level: fluent, source: English fluent }
tests:
  - name: wrong on purpose
    as_of: 2024-01-01
    profile: { languages: [{ language: en, level: B2 }] }
    expect: { verdict: eligible, codes: [language.met], score: { min: 90 } }
";
    std::fs::write(dir.join("demo.yaml"), yaml).unwrap();
    let rules = vacancy_match::RuleSet::from_dir(&dir).unwrap();
    let outcome = &rules.run_cases()[0];
    assert!(!outcome.passed());
    assert_eq!(
        outcome.differences,
        [
            "expected verdict eligible, got ineligible",
            "expected code language.met, got language.below_level",
            "expected score in 90..=100, got 80.0",
        ]
    );
    assert!(outcome.place.ends_with("demo.yaml:8"), "{}", outcome.place);
    assert!(outcome
        .to_string()
        .starts_with("FAIL  demo — wrong on purpose"));
}
