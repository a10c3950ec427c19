//! Property-driven fuzzing of both loaders and the evaluator: arbitrary
//! and mutated text never panics, and every error says what and where.

use proptest::prelude::*;
use vacancy_match::{Candidate, ErrorKind, RuleSet};

const PROFILES: &[&str] = &[
    include_str!("../examples/candidates/ana_lopez_protection.yaml"),
    include_str!("../examples/candidates/carlos_maldonado_pedagogy.yaml"),
    include_str!("../examples/candidates/emilio_carranza_asylum.json"),
    include_str!("../examples/candidates/sofia_giron_graduate.json"),
];

const RULES: &[&str] = &[
    include_str!("../rules/000_unhcr_gt_resettlement_officer.yaml"),
    include_str!("../rules/003_iom_gt_operations_assistant.yaml"),
];

/// Messages of errors that concern the whole input rather than a place in it.
const WHOLE_INPUT: &[&str] = &[
    "empty document",
    "input of ",
    "deserializing from YAML containing more than one document",
];

fn check_error(err: &vacancy_match::Error) {
    for problem in err.problems() {
        match (problem.kind(), problem.location()) {
            (ErrorKind::Io { .. } | ErrorKind::Many(_), _) | (_, None) => {
                panic!("unexpected error kind from text input: {problem}")
            }
            (_, Some(location)) => {
                let message = problem.message();
                assert!(!message.is_empty(), "empty message: {problem:?}");
                assert!(
                    !message.ends_with('.'),
                    "message ends with a period: {message}"
                );
                let located = location.line().is_some() || location.path().is_some();
                let whole = WHOLE_INPUT.iter().any(|w| message.starts_with(w));
                assert!(located || whole, "unlocated error: {problem}");
            }
        }
    }
}

/// Applies byte-level edits a fuzzer would: delete, insert, duplicate.
fn mutate(text: &str, edits: &[(usize, u8, u8)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for &(pos, op, byte) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = pos % bytes.len();
        match op % 4 {
            0 => {
                bytes.remove(at);
            }
            1 => bytes.insert(at, byte),
            2 => {
                let end = (at + 1 + usize::from(byte % 40)).min(bytes.len());
                let chunk = bytes[at..end].to_vec();
                bytes.splice(at..at, chunk);
            }
            _ => bytes[at] = b"{}[]:-,'\"&*!#|>\n 0aZ"[usize::from(byte) % 20],
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 8, 1).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        match Candidate::from_yaml_str(&text) {
            Ok(c) => { let _ = RuleSet::bundled().unwrap().assess(&c, as_of()).ranked(); }
            Err(e) => check_error(&e),
        }
        if let Err(e) = Candidate::from_json_str(&text) { check_error(&e); }
        if let Err(e) = RuleSet::from_yaml_str(&text) { check_error(&e); }
    }

    #[test]
    fn yaml_shaped_text_never_panics(text in "([a-z_]{1,12}: (\\[|\\{|-|&a|\\*a|[0-9]{1,5}|\"[^\"]{0,8}\"|[A-Za-z ]{0,10})\\n {0,4}){1,12}") {
        match Candidate::from_yaml_str(&text) {
            Ok(c) => { let _ = RuleSet::bundled().unwrap().assess(&c, as_of()).ranked(); }
            Err(e) => check_error(&e),
        }
        if let Err(e) = RuleSet::from_yaml_str(&text) { check_error(&e); }
    }

    #[test]
    fn mutated_profiles_never_panic(
        which in 0..PROFILES.len(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6),
    ) {
        let source = PROFILES[which];
        let text = mutate(source, &edits);
        let parsed = if source.trim_start().starts_with('{') {
            Candidate::from_json_str(&text)
        } else {
            Candidate::from_yaml_str(&text)
        };
        match parsed {
            Ok(c) => {
                let rules = RuleSet::bundled().unwrap();
                for a in rules.assess(&c, as_of()).ranked() {
                    prop_assert!((0.0..=100.0).contains(&a.score));
                    prop_assert_eq!(a.findings.len(), rules.vacancy(&a.vacancy).unwrap().requirements().len());
                }
            }
            Err(e) => check_error(&e),
        }
    }

    #[test]
    fn mutated_rule_files_never_panic(
        which in 0..RULES.len(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..6),
    ) {
        let text = mutate(RULES[which], &edits);
        match RuleSet::from_yaml_str(&text) {
            Ok(rules) => {
                let c = Candidate::from_yaml_str(PROFILES[0]).unwrap();
                let _ = rules.assess(&c, as_of()).ranked();
            }
            Err(e) => check_error(&e),
        }
    }

    /// The shapes hostile exports take: a byte-order mark, control,
    /// bidirectional and zero-width characters in names, and long lists.
    /// A mark in front changes nothing; the rest loads or is refused with
    /// a located error, and what loads is assessed.
    #[test]
    fn hostile_shapes_never_panic(
        which in 0..PROFILES.len(),
        names in prop::collection::vec("[a-zA-Z \\x00-\\x1f\\x7f-\\u{9f}\\u{200b}-\\u{200f}\\u{202a}-\\u{202e}\\u{feff}]{0,24}", 0..400),
        repeat in 1_usize..50,
    ) {
        let source = PROFILES[which];
        let json = source.trim_start().starts_with('{');
        let load = |text: &str| if json {
            Candidate::from_json_str(text)
        } else {
            Candidate::from_yaml_str(text)
        };
        let plain = load(source).is_ok();
        prop_assert_eq!(load(&format!("\u{feff}{source}")).is_ok(), plain);
        let mut skills: Vec<String> = Vec::new();
        for _ in 0..repeat {
            skills.extend(names.iter().cloned());
        }
        let list = serde_json::to_string(&skills).unwrap();
        let text = format!("{{\"id\": {}, \"skills\": {list}}}", serde_json::to_string(names.first().map_or("x", String::as_str)).unwrap());
        match Candidate::from_json_str(&text) {
            Ok(c) => {
                let rules = RuleSet::bundled().unwrap();
                for a in rules.assess(&c, as_of()).ranked() {
                    prop_assert!((0.0..=100.0).contains(&a.score));
                }
            }
            Err(e) => check_error(&e),
        }
    }
}
