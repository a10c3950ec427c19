//! The JSON Schemas agree with the loader: every shipped rule file and
//! example profile validates, files the loader accepts validate, and the
//! mistakes an editor should flag are flagged.

// Helpers outside #[test] functions panic on broken fixtures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use vacancy_match::{candidate_schema, rules_schema, Candidate, RuleSet};

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("test YAML parses")
}

fn files(dir: &str, extensions: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .expect("folder exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
        })
        .collect();
    out.sort();
    out
}

fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).expect("the schema is a valid JSON Schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_rule_file_validates() {
    let schema = rules_schema();
    let rule_files: Vec<PathBuf> = files("rules", &["yaml", "yml"])
        .into_iter()
        .filter(|p| !p.ends_with("vocabulary.yaml") && !p.ends_with("scales.yaml"))
        .collect();
    assert_eq!(rule_files.len(), 5);
    for path in rule_files {
        let text = std::fs::read_to_string(&path).unwrap();
        let found = errors(&schema, &yaml(&text));
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

#[test]
fn every_example_profile_validates() {
    let schema = candidate_schema();
    let profiles = files("examples/candidates", &["yaml", "yml", "json"]);
    assert_eq!(profiles.len(), 10);
    for path in profiles {
        let text = std::fs::read_to_string(&path).unwrap();
        let found = errors(&schema, &yaml(&text));
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

/// Profiles the loader accepts in the loose forms people write.
#[test]
fn loose_profiles_the_loader_accepts_validate() {
    let schema = candidate_schema();
    for text in [
        "id: a\neducation:\n  - { degree: Licenciatura en Derecho, completed: 2019 }\n",
        "languages:\n  - { language: español, level: nativo }\n  - { language: K'iche' }\n",
        "nationalities: [Guatemala, mx]\nwork_authorizations:\n  - { country: MX, status: work_permit, valid_until: 2026-03 }\n",
        "experience:\n  - { start: 2015-02, end: ~, fraction: 0.5, domains: [asylum] }\n",
        "experience:\n  - { start: 2015-02, domains: [casework], domains_inferred: true }\n",
        "attestations: { covid19_vaccination: true }\nskills: []\nstaff_of: []\n",
    ] {
        Candidate::from_yaml_str(text).expect("the loader accepts it");
        let found = errors(&schema, &yaml(text));
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn profile_mistakes_are_flagged() {
    let schema = candidate_schema();
    for text in [
        "langauges: []\n",                                           // unknown field
        "skills: 3\n",                                               // wrong type
        "experience:\n  - { end: 2019-01 }\n",                       // start missing
        "experience:\n  - { start: 15/01/2024 }\n",                  // not a date
        "education:\n  - { degree: 7 }\n",                           // a level is a name
        "work_authorizations:\n  - { country: MX, status: visa }\n", // unknown status
        "age: 34\n", // protected attributes have no field
    ] {
        assert!(
            Candidate::from_yaml_str(text).is_err(),
            "the loader refuses {text}"
        );
        assert!(
            !errors(&schema, &yaml(text)).is_empty(),
            "schema accepts {text}"
        );
    }
}

const VACANCY: &str = "\
id: demo
title: Demo Officer
organization: UNHCR
duty_station: { country: GT }
requirements:
";

#[test]
fn loose_rules_the_loader_accepts_validate() {
    let schema = rules_schema();
    for requirement in [
        "  - { id: l, kind: language, languages: es, level: fluido }\n",
        "  - { id: l, kind: language, languages: [mam, quc], level: A2, years: ~ }\n",
        "  - { id: w, kind: work_authorization }\n",
        "  - { id: n, kind: language, languages: es, native: true }\n",
        "  - { id: n, kind: language, languages: es, level: native, native: false }\n",
        "  - { id: e, kind: education, master_substitution: true, paths: [{ degree: master }, { degree: Licenciatura, accredited: true }] }\n",
        "  - { id: x, kind: experience, years: 1.5, scope: national, countries: [MX], priority: desirable, weight: 2 }\n",
    ] {
        let text = format!("{VACANCY}{requirement}");
        RuleSet::from_yaml_str(&text).expect("the loader accepts it");
        let found = errors(&schema, &yaml(&text));
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
}

#[test]
fn rule_mistakes_are_flagged() {
    let schema = rules_schema();
    for requirement in [
        "  - { id: l, kind: language, languages: es, level: C1, years: 3 }\n", // field of another kind
        "  - { id: e, kind: education }\n",                                    // paths missing
        "  - { id: n, kind: language, languages: es, native: false }\n", // no level, not native
        "  - { id: e, kind: education, paths: [] }\n",                   // empty paths
        "  - { id: l, kind: language, languages: [], level: C1 }\n",     // empty languages
        "  - { id: s, kind: skill, any_of: [] }\n",                      // empty names
        "  - { id: s, kind: talent, any_of: [x] }\n",                    // unknown kind
        "  - { id: x, kind: experience, years: 99 }\n",                  // years out of range
        "  - { id: x, kind: experience, years: 1, scope: global }\n",    // unknown scope
    ] {
        let text = format!("{VACANCY}{requirement}");
        assert!(
            RuleSet::from_yaml_str(&text).is_err(),
            "the loader refuses {text}"
        );
        assert!(
            !errors(&schema, &yaml(&text)).is_empty(),
            "schema accepts {text}"
        );
    }
    let empty = format!("{VACANCY}  []\n").replace("requirements:\n  []", "requirements: []");
    assert!(RuleSet::from_yaml_str(&empty).is_err());
    assert!(!errors(&schema, &yaml(&empty)).is_empty());
}
