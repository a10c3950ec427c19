//! Assessments are byte-identical to the recorded ones.
//!
//! Optimisations of the matcher and the evaluator must not change a single
//! byte of output. These tests compare the JSON (and the text rendering) of
//! every example candidate against the five bundled postings, and the JSON
//! of 200 generated profiles (stored as input in
//! `tests/data/golden/generated.jsonl`, so the generator may change), with
//! the outputs recorded in `tests/data/golden/`.
//!
//! After an intended change of output, re-record with
//! `VACANCY_MATCH_BLESS=1 cargo test --test golden` and review the diff.

// Helpers outside #[test] functions fail loudly on broken fixtures too.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use vacancy_match::{Candidate, RuleSet};

#[path = "../benches/support/generator.rs"]
mod generator;

const GOLDEN: &str = "tests/data/golden";
/// Open (2024-01-15: posting 000 open) and late (2025-10-01: all but 003
/// closed and measured at their deadlines).
const AS_OF: [&str; 2] = ["2024-01-15", "2025-10-01"];
const GENERATED: u64 = 200;

fn blessing() -> bool {
    std::env::var_os("VACANCY_MATCH_BLESS").is_some()
}

/// Compares `actual` with the recorded file, or records it when blessing.
fn check(path: &Path, actual: &str) {
    if blessing() {
        std::fs::write(path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; record it with VACANCY_MATCH_BLESS=1 cargo test --test golden",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the recorded output, first at line {}:\n  recorded: {}\n  actual:   {}",
            path.display(),
            line + 1,
            expected.lines().nth(line).unwrap_or("<end>"),
            actual.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

fn example_candidates() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("examples/candidates")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 10);
    paths
}

#[test]
fn example_candidates_against_every_posting() {
    let rules = RuleSet::bundled().unwrap();
    for path in example_candidates() {
        let candidate = Candidate::from_path(&path).unwrap();
        let mut all = Vec::new();
        let mut text = String::new();
        for as_of in AS_OF {
            let assessments = rules.assess(&candidate, as_of.parse().unwrap()).each();
            for a in &assessments {
                writeln!(text, "{a}\n").unwrap();
            }
            all.extend(assessments);
        }
        let stem = path.file_stem().unwrap().to_string_lossy();
        let json = serde_json::to_string_pretty(&all).unwrap() + "\n";
        check(&Path::new(GOLDEN).join(format!("{stem}.json")), &json);
        check(&Path::new(GOLDEN).join(format!("{stem}.txt")), &text);
    }
}

/// FNV-1a, 64 bits: a stable digest of one profile's output.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn generated_profiles_against_every_posting() {
    let rules = RuleSet::bundled().unwrap();
    let input = Path::new(GOLDEN).join("generated.jsonl");
    if blessing() && !input.exists() {
        std::fs::write(&input, generator::jsonl(generator::DEFAULT_SEED, GENERATED)).unwrap();
    }
    let profiles = std::fs::read_to_string(&input).unwrap();
    // One digest per profile and date: the full JSON of 1,000 profile ×
    // posting pairs would be megabytes. A mismatch names the profile, and
    // `cargo run --example check_cv` shows its output.
    let mut digests = String::new();
    for line in profiles.lines() {
        let candidate = Candidate::from_json_str(line).unwrap();
        let id = candidate.id.clone().unwrap();
        for as_of in AS_OF {
            let assessments = rules.assess(&candidate, as_of.parse().unwrap()).each();
            let json = serde_json::to_string(&assessments).unwrap();
            writeln!(digests, "{id} {as_of} {:016x}", fnv1a(json.as_bytes())).unwrap();
        }
    }
    check(&Path::new(GOLDEN).join("generated.digests"), &digests);
}

#[test]
fn generator_is_deterministic_and_valid() {
    let seed = generator::DEFAULT_SEED;
    assert_eq!(
        generator::profile_json(seed, 17),
        generator::profile_json(seed, 17)
    );
    assert_ne!(
        generator::profile_json(seed, 17),
        generator::profile_json(seed, 18)
    );
    for i in 0..1000 {
        let json = generator::profile_json(seed, i);
        assert!(!json.contains('\n'));
        if let Err(e) = Candidate::from_json_str(&json) {
            panic!("profile {i} is refused: {e}\n{json}");
        }
    }
}

/// A prepared candidate remembers its name comparisons: whatever it was
/// assessed against before, and in whatever order, it gives what a fresh
/// one gives.
#[test]
fn a_prepared_candidate_answers_as_a_fresh_one() {
    let rules = RuleSet::bundled().unwrap();
    let ids: Vec<&str> = rules.vacancies().iter().rev().map(|v| v.id()).collect();
    for i in 0..100 {
        let candidate = generator::profile(generator::DEFAULT_SEED, 10_000 + i).unwrap();
        let prepared = rules.prepare(&candidate);
        for as_of in AS_OF.iter().rev() {
            let as_of = as_of.parse().unwrap();
            for id in &ids {
                let fresh = rules.assess(&candidate, as_of).one(id);
                assert_eq!(prepared.assess(as_of).one(id), fresh, "profile {i}, {id}");
            }
            for lang in [vacancy_match::Lang::En, vacancy_match::Lang::Es] {
                assert_eq!(
                    prepared.assess(as_of).lang(lang).each(),
                    rules.assess(&candidate, as_of).lang(lang).each()
                );
            }
        }
    }
}

/// Names no vocabulary knows: each generated profile's fields, domains,
/// skills and certificate names are given a made-up word, so that every
/// comparison is a miss or a near miss, and each profile also gets two
/// wholly unknown domains and a degree in an unknown field.
fn with_unknown_names(line: &str, index: usize) -> String {
    use serde_json::Value;
    const WORDS: [&str; 5] = ["zorvath", "kelpmine", "ontrabia", "quillex", "marovent"];
    let word = |i: usize| WORDS.get(i % WORDS.len()).copied().unwrap();
    let mut value: Value = serde_json::from_str(line).unwrap();
    let rename = |v: &mut Value, i: usize| {
        if let Some(s) = v.as_str() {
            *v = Value::String(format!("{s} {}", word(i)));
        }
    };
    let p = value.as_object_mut().unwrap();
    if let Some(Value::Array(education)) = p.get_mut("education") {
        for (i, d) in education.iter_mut().enumerate() {
            if let Some(field) = d.get_mut("field") {
                rename(field, index + i);
            }
        }
        education.push(serde_json::json!({
            "degree": "Maestría",
            "completed": "2015-06",
            "field": format!("estudios {}", word(index + 3)),
        }));
    }
    if let Some(Value::Array(periods)) = p.get_mut("experience") {
        for (i, period) in periods.iter_mut().enumerate() {
            if let Some(Value::Array(domains)) = period.get_mut("domains") {
                for (j, d) in domains.iter_mut().enumerate() {
                    if (i + j + index) % 2 == 0 {
                        rename(d, i + j);
                    }
                }
                domains.push(Value::String(format!("{} work", word(index + i))));
                domains.push(Value::String(format!("asistencia {}", word(index + i + 1))));
            }
        }
    }
    for list in ["skills", "certifications"] {
        if let Some(Value::Array(items)) = p.get_mut(list) {
            for (i, item) in items.iter_mut().enumerate() {
                match item {
                    Value::String(_) => rename(item, index + i),
                    Value::Object(o) => {
                        if let Some(name) = o.get_mut("name") {
                            rename(name, index + i);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    serde_json::to_string(&value).unwrap()
}

/// Generated profiles with many unknown names, in both languages: the
/// JSON and the text of every assessment, as digests.
#[test]
fn generated_profiles_with_unknown_names_in_both_languages() {
    use vacancy_match::Lang;
    let rules = RuleSet::bundled().unwrap();
    let input = Path::new(GOLDEN).join("unknown_names.jsonl");
    if blessing() && !input.exists() {
        let generated = std::fs::read_to_string(Path::new(GOLDEN).join("generated.jsonl")).unwrap();
        let lines: String = generated
            .lines()
            .take(100)
            .enumerate()
            .map(|(i, line)| with_unknown_names(line, i) + "\n")
            .collect();
        std::fs::write(&input, lines).unwrap();
    }
    let profiles = std::fs::read_to_string(&input).unwrap();
    let mut digests = String::new();
    for line in profiles.lines() {
        let candidate = Candidate::from_json_str(line).unwrap();
        let id = candidate.id.clone().unwrap();
        for as_of in AS_OF {
            for lang in [Lang::En, Lang::Es] {
                let assessments = rules
                    .assess(&candidate, as_of.parse().unwrap())
                    .lang(lang)
                    .each();
                let json = serde_json::to_string(&assessments).unwrap();
                let mut text = String::new();
                for a in &assessments {
                    writeln!(text, "{a}\n").unwrap();
                }
                writeln!(
                    digests,
                    "{id} {as_of} {lang:?} {:016x} {:016x}",
                    fnv1a(json.as_bytes()),
                    fnv1a(text.as_bytes())
                )
                .unwrap();
            }
        }
    }
    check(&Path::new(GOLDEN).join("unknown_names.digests"), &digests);
}

/// What one rule set remembers between profiles (names, their closest
/// accepted fields) never changes what another profile is told: the 100
/// profiles with unknown names, assessed in turn on one rule set and in
/// the reverse order on another, get the same assessments, word for word,
/// in both languages.
#[test]
fn explanations_do_not_depend_on_the_profiles_assessed_before() {
    use vacancy_match::Lang;
    let profiles = std::fs::read_to_string(Path::new(GOLDEN).join("unknown_names.jsonl")).unwrap();
    let candidates: Vec<Candidate> = profiles
        .lines()
        .map(|line| Candidate::from_json_str(line).unwrap())
        .collect();
    let as_of = "2024-01-15".parse().unwrap();
    let written = |rules: &RuleSet, candidate: &Candidate| {
        [Lang::En, Lang::Es]
            .map(|lang| {
                let assessments = rules.assess(candidate, as_of).lang(lang).each();
                serde_json::to_string(&assessments).unwrap()
            })
            .join("\n")
    };
    let forward_rules = RuleSet::bundled().unwrap();
    let forward: Vec<String> = candidates
        .iter()
        .map(|c| written(&forward_rules, c))
        .collect();
    let backward_rules = RuleSet::bundled().unwrap();
    let mut backward: Vec<String> = candidates
        .iter()
        .rev()
        .map(|c| written(&backward_rules, c))
        .collect();
    backward.reverse();
    for (i, (f, b)) in forward.iter().zip(&backward).enumerate() {
        assert_eq!(f, b, "profile {i}");
    }
    // The rule sets did remember fields: the generated profiles share them.
    assert!(forward.iter().any(|f| f.contains("is a field related to")));
}

/// A requirement remembers the words of what it asks, per language; a
/// right to work is asked for the date it must be valid on, so its words
/// are written for each request, never remembered from an earlier one.
#[test]
fn remembered_words_do_not_carry_an_earlier_request_s_date() {
    use vacancy_match::Lang;
    let rules = RuleSet::bundled().unwrap();
    let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml").unwrap();
    let expected = |as_of: &str, lang: Lang| -> Vec<(String, String)> {
        rules
            .assess(&cv, as_of.parse().unwrap())
            .lang(lang)
            .each()
            .iter()
            .flat_map(|a| a.findings.iter())
            .map(|f| (f.kind.to_string(), f.expected.to_string()))
            .collect()
    };
    for lang in [Lang::En, Lang::Es] {
        let early = expected("2024-01-15", lang);
        let late = expected("2030-06-01", lang);
        assert_eq!(early.len(), late.len());
        // A posting with a start date asks for a right valid on it, the
        // others for one valid on the date of the request.
        let mut moved = 0;
        for ((kind, e), (_, l)) in early.iter().zip(&late) {
            if kind.contains("authorization") {
                moved += usize::from(e != l);
            } else {
                assert_eq!(e, l, "{lang:?}");
            }
        }
        assert!(
            moved > 0,
            "{lang:?}: no right to work asked on the request's date"
        );
    }
}
