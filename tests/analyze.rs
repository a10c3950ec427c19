//! Static analysis of rule files: each warning names the place and a fix.

use vacancy_match::RuleSet;

const HEAD: &str = "\
id: demo
title: Demo
organization: UNHCR
duty_station: { country: MX }
requirements:
";

fn warnings(body: &str) -> Vec<vacancy_match::Warning> {
    RuleSet::from_yaml_str(&format!("{HEAD}{body}"))
        .unwrap()
        .analyze()
}

#[test]
fn the_bundled_rules_are_clean() {
    let rules = RuleSet::from_dir("rules").unwrap();
    let found: Vec<String> = rules.analyze().iter().map(ToString::to_string).collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn missing_source_quote() {
    let w = warnings("  - { id: english, kind: language, languages: en, level: C1 }\n");
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0].message,
        "requirement `english` has no `source` quote from the posting"
    );
    assert_eq!(
        (w[0].line, w[0].path.as_str()),
        (Some(6), "requirements[0]")
    );
    assert!(w[0].fix.starts_with("add `source:`"));
}

#[test]
fn dominated_path() {
    let w = warnings(
        "  - id: education
    kind: education
    source: Bachelor with 2 years, or master with 3 years
    paths:
      - { degree: bachelor, experience: { years: 2 } }
      - { degree: master, experience: { years: 3 } }
",
    );
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(
        w[0].message,
        "path 2 of `education` is dominated by path 1: anyone who meets it also meets path 1"
    );
    assert_eq!(w[0].path, "requirements[0].paths[1]");
    assert_eq!(w[0].line, Some(11));
}

#[test]
fn impossible_path() {
    let w = warnings(
        "  - id: education
    kind: education
    source: bachelor and 50 years
    paths:
      - { degree: bachelor, experience: { years: 50 } }
",
    );
    assert_eq!(
        w[0].message,
        "path 1 of `education` asks 50 years of experience; nobody can meet it"
    );
}

#[test]
fn language_required_at_two_levels() {
    let w = warnings(
        "  - { id: english, kind: language, languages: en, level: C1, source: English fluent }
  - { id: english_b2, kind: language, languages: English, level: B2, source: good English }
",
    );
    assert_eq!(w.len(), 1, "{w:#?}");
    assert!(w[0]
        .message
        .starts_with("`english` and `english_b2` require the same language at two levels"));
    assert_eq!(
        w[0].fix,
        "remove `english_b2` or state the level the posting asks (`english`)"
    );
    assert_eq!(w[0].line, Some(7));
}

#[test]
fn desirable_no_stronger_than_required() {
    let w = warnings(
        "  - { id: office, kind: skill, any_of: [MS Office], source: MS Office }
  - { id: office_asset, kind: skill, priority: desirable, any_of: [Microsoft Office], source: MS Office }
  - { id: exp, kind: experience, years: 2, domains: [refugee protection], source: 2 years }
  - { id: exp_asset, kind: experience, priority: desirable, years: 1, source: experience }
",
    );
    let messages: Vec<&str> = w.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert!(messages[0].starts_with("desirable `office_asset` asks no more than required `office`"));
    assert!(messages[1].starts_with("desirable `exp_asset` asks no more than required `exp`"));
}
