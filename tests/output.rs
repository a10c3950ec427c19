//! The machine contract of output: every JSON record the CLI and the
//! library write carries `schema_version` first, validates against the
//! schema `vacancy-match schema output` prints, and writes its keys in
//! the same order wherever it comes from.

// Helpers outside #[test] functions panic on broken fixtures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::run_with;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{json, Value};
use vacancy_match::{Candidate, RuleSet, ScreenRecord, SCHEMA_VERSION};

/// Runs the CLI with `stdin`; (stdout, stderr).
fn run(args: &[&str], stdin: &str) -> (String, String) {
    let r = run_with(args, stdin, &[]);
    (r.stdout, r.stderr)
}

/// The schema of one record kind: a `$defs` entry of the output schema.
fn schema_of(def: &str) -> Value {
    let (printed, _) = run(&["schema", "output"], "");
    let schema: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(schema, vacancy_match::output_schema());
    json!({
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": format!("#/$defs/{def}"),
    })
}

fn assert_valid(def: &str, instance: &Value) {
    let schema = schema_of(def);
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{def}: {errors:#?}\n{instance:#}");
}

/// The keys of a JSON object, in the order the text writes them.
fn keys(text: &str) -> Vec<String> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                keys.push(key);
            }
            Ok(keys)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    (&mut de).deserialize_map(Keys).unwrap()
}

/// The key order of each assessment of a JSON array of them, nested
/// objects' keys included (as `findings[].code`).
fn key_orders(assessments: &Value) -> Vec<Vec<String>> {
    assessments
        .as_array()
        .unwrap()
        .iter()
        .map(|a| paths(&serde_json::to_string(a).unwrap()))
        .collect()
}

/// Every key path of an object, in written order (`serde_json::Value`
/// keeps them sorted, so the order is read from text).
fn paths(text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    let mut out = Vec::new();
    walk(text, &value, "", &mut out);
    out
}

fn walk(text: &str, value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for key in keys(text) {
                let path = format!("{prefix}{key}");
                out.push(path.clone());
                let inner = serde_json::to_string(&map[&key]).unwrap();
                walk(&inner, &map[&key], &format!("{path}."), out);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(
                    &serde_json::to_string(item).unwrap(),
                    item,
                    &format!("{prefix}[]"),
                    out,
                );
            }
        }
        _ => {}
    }
}

#[test]
fn check_json_validates_and_starts_with_the_version() {
    for cv in [
        "examples/candidates/ana_lopez_protection.yaml",
        "examples/candidates/emilio_carranza_asylum.json",
    ] {
        let (out, err) = run(
            &["check", cv, "--as-of", "2024-01-15", "--format", "json"],
            "",
        );
        assert!(err.is_empty(), "{err}");
        let report: Value = serde_json::from_str(&out).unwrap();
        assert_valid("check", &report);
        assert_eq!(
            keys(&out),
            [
                "schema_version",
                "candidate",
                "name",
                "as_of",
                "assessments"
            ]
        );
        for a in report["assessments"].as_array().unwrap() {
            assert_valid("assessment", a);
            assert_eq!(a["schema_version"], SCHEMA_VERSION);
        }
    }
}

#[test]
fn screen_records_validate_error_records_too() {
    let stdin = concat!(
        r#"{"id": "ana", "languages": [{"language": "es", "level": "native"}]}"#,
        "\n",
        r#"{"id": "bad", "skils": []}"#,
        "\n",
    );
    let (out, _) = run(
        &["screen", "-", "--as-of", "2024-01-15", "--format", "jsonl"],
        stdin,
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 6, "{out}");
    let mut errors = 0;
    for line in &lines {
        let record: Value = serde_json::from_str(line).unwrap();
        assert_valid("screen_record", &record);
        assert_eq!(keys(line)[0], "schema_version");
        errors += usize::from(!record["error"].is_null());
    }
    assert_eq!(errors, 1);
    let (out, _) = run(
        &["screen", "-", "--as-of", "2024-01-15", "--format", "json"],
        stdin,
    );
    assert_valid("screen", &serde_json::from_str(&out).unwrap());
    // Sorted output goes through the shortlist's writer.
    let (out, summary) = run(
        &[
            "screen",
            "examples/candidates",
            "--as-of",
            "2024-01-15",
            "--format",
            "jsonl",
            "--sort",
            "score",
            "--summary",
            "json",
        ],
        "",
    );
    for line in out.lines() {
        assert_valid("screen_record", &serde_json::from_str(line).unwrap());
    }
    let summary_line = summary.lines().next().unwrap();
    assert_eq!(keys(summary_line)[0], "schema_version");
    assert_valid("summary", &serde_json::from_str(summary_line).unwrap());
}

#[test]
fn list_and_validate_json_validate() {
    let (out, _) = run(&["list", "--as-of", "2024-01-15", "--format", "json"], "");
    let list: Value = serde_json::from_str(&out).unwrap();
    assert_valid("list", &list);
    assert_eq!(list.as_array().unwrap().len(), 5);
    let (out, _) = run(&["validate", "--format", "json"], "");
    assert_eq!(keys(&out)[0], "schema_version");
    assert_valid("validate", &serde_json::from_str(&out).unwrap());
    let (out, _) = run(
        &["validate", "--format", "json", "no/such/profile.yaml"],
        "",
    );
    assert_valid("validate", &serde_json::from_str(&out).unwrap());
}

#[test]
fn the_library_writes_the_version_first_and_as_the_cli_does() {
    let rules = RuleSet::bundled().unwrap();
    let path = "examples/candidates/ana_lopez_protection.yaml";
    let cv = Candidate::from_path(path).unwrap();
    let as_of = "2024-01-15".parse().unwrap();
    let report = rules.assess(&cv, as_of).ranked();
    let library = serde_json::to_string(&report).unwrap();
    let (cli, _) = run(
        &["check", path, "--as-of", "2024-01-15", "--format", "json"],
        "",
    );
    let cli: Value = serde_json::from_str(&cli).unwrap();
    // Key order, nested keys included, is one.
    assert_eq!(
        key_orders(&serde_json::from_str(&library).unwrap()),
        key_orders(&cli["assessments"])
    );
    // `Value` sorts keys: compare the order as the library wrote it.
    for a in &report {
        let text = serde_json::to_string(a).unwrap();
        assert_eq!(
            keys(&text),
            [
                "schema_version",
                "candidate",
                "vacancy",
                "title",
                "organization",
                "verdict",
                "score",
                "closed",
                "as_of",
                "measured_at",
                "lang",
                "findings",
                "what_if",
                "audit"
            ]
        );
        assert_valid("assessment", &serde_json::from_str(&text).unwrap());
    }
    // The screen record: the fast writer, serde and the CLI agree.
    let record = ScreenRecord::from_assessment(path, &cv, &report[0]);
    let mut fast = vacancy_match::JsonRecords::default();
    fast.push(&record);
    let fast = String::from_utf8(fast.into_bytes()).unwrap();
    let fast = fast.trim_end().to_string();
    assert_eq!(fast, serde_json::to_string(&record).unwrap());
    let mut expected = vec!["schema_version".to_string()];
    expected.extend(ScreenRecord::FIELDS.iter().map(|f| (*f).to_string()));
    assert_eq!(keys(&fast), expected);
    let (line, _) = run(
        &[
            "screen",
            path,
            "--as-of",
            "2024-01-15",
            "--format",
            "jsonl",
            "--vacancy",
            &report[0].vacancy,
        ],
        "",
    );
    assert_eq!(line.trim_end(), fast);
}

#[test]
fn csv_has_no_version_column() {
    let (out, _) = run(
        &[
            "screen",
            "examples/candidates/ana_lopez_protection.yaml",
            "--as-of",
            "2024-01-15",
            "--format",
            "csv",
        ],
        "",
    );
    assert_eq!(out.lines().next().unwrap(), ScreenRecord::FIELDS.join(","));
}
