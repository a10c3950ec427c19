//! Audit records: the same inputs give the same digests and byte-identical
//! output; any change to the rule file or the profile changes a digest.

use sha2::{Digest, Sha256};
use vacancy_match::{Candidate, RuleSet};

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn date(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

#[test]
fn rules_digest_is_the_rule_files_sha256() {
    let rules = RuleSet::from_dir("rules").unwrap();
    let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml").unwrap();
    for a in rules.assess(&cv, date("2024-01-15")).ranked() {
        let file = rules
            .vacancy(&a.vacancy)
            .unwrap()
            .file()
            .unwrap()
            .to_string();
        assert_eq!(
            a.audit.rules_sha256,
            hex(&std::fs::read(&file).unwrap()),
            "{file}"
        );
        assert_eq!(a.audit.vacancy, a.vacancy);
        assert_eq!(a.audit.as_of, date("2024-01-15"));
        assert!(a.audit.engine.starts_with("vacancy-match "));
    }
    // The bundled rule set embeds the same files: same digests.
    let bundled = RuleSet::bundled().unwrap();
    let b = bundled.assess(&cv, date("2024-01-15")).ranked();
    let d = rules.assess(&cv, date("2024-01-15")).ranked();
    assert_eq!(
        b.iter().map(|a| &a.audit.rules_sha256).collect::<Vec<_>>(),
        d.iter().map(|a| &a.audit.rules_sha256).collect::<Vec<_>>()
    );
}

#[test]
fn candidate_digest_is_of_the_normalised_profile() {
    let a = Candidate::from_yaml_str(
        "id: ana\nskills: [ProGres]\nlanguages:\n  - { language: Spanish, level: native }\n",
    )
    .unwrap();
    // Same content, other key order, other spellings of the same codes.
    let b = Candidate::from_yaml_str(
        "languages:\n  - { level: native, language: español }\nskills: [ProGres]\nid: ana\n",
    )
    .unwrap();
    let json = Candidate::from_json_str(
        r#"{"id":"ana","languages":[{"language":"es","level":"native"}],"skills":["ProGres"]}"#,
    )
    .unwrap();
    let rules = RuleSet::bundled().unwrap();
    let digest = |c: &Candidate| {
        rules.assess(c, date("2025-01-01")).ranked()[0]
            .audit
            .candidate_sha256
            .clone()
    };
    assert_eq!(digest(&a), digest(&b));
    assert_eq!(digest(&a), digest(&json));
    assert_eq!(
        digest(&a),
        hex(serde_json::to_string(&a).unwrap().as_bytes())
    );
    let c = Candidate::from_yaml_str("id: ana\nskills: [ProGres, MS Office]\n").unwrap();
    assert_ne!(digest(&a), digest(&c));
}

#[test]
fn same_inputs_give_byte_identical_output() {
    let rules = RuleSet::bundled().unwrap();
    for entry in std::fs::read_dir("examples/candidates").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let cv = Candidate::from_path(&path).unwrap();
        let first = serde_json::to_string(&rules.assess(&cv, date("2025-10-01")).ranked()).unwrap();
        let again = serde_json::to_string(
            &RuleSet::bundled()
                .unwrap()
                .assess(&Candidate::from_path(&path).unwrap(), date("2025-10-01"))
                .ranked(),
        )
        .unwrap();
        assert_eq!(first, again, "{}", path.display());
    }
}

#[test]
fn a_changed_rule_file_changes_its_digest() {
    let text = std::fs::read_to_string("rules/002_unhcr_mx_protection_assistant.yaml").unwrap();
    let a = RuleSet::from_yaml_str(&text).unwrap();
    let b = RuleSet::from_yaml_str(&text.replace("level: good", "level: fluent")).unwrap();
    let cv = Candidate::default();
    let da = a.assess(&cv, date("2025-08-01")).ranked()[0]
        .audit
        .rules_sha256
        .clone();
    let db = b.assess(&cv, date("2025-08-01")).ranked()[0]
        .audit
        .rules_sha256
        .clone();
    assert_ne!(da, db);
    assert_eq!(da, hex(text.as_bytes()));
}

#[test]
fn a_rule_set_that_has_seen_other_candidates_answers_as_a_fresh_one() {
    // Comparisons of profile names with the vocabulary are shared across
    // candidates; they must never change an answer.
    let warm = RuleSet::bundled().unwrap();
    let mut paths: Vec<_> = std::fs::read_dir("examples/candidates")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    paths.sort();
    for path in paths.iter().chain(paths.iter().rev()) {
        let cv = Candidate::from_path(path).unwrap();
        let fresh = RuleSet::bundled().unwrap();
        for as_of in ["2024-01-15", "2025-10-01"] {
            let a = serde_json::to_string(&warm.assess(&cv, date(as_of)).ranked()).unwrap();
            let b = serde_json::to_string(&fresh.assess(&cv, date(as_of)).ranked()).unwrap();
            assert_eq!(a, b, "{}", path.display());
        }
    }
}
