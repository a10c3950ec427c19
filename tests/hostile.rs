//! Bad and hostile input: refused quickly, located, never a panic.

use std::path::PathBuf;

use vacancy_match::{Candidate, ErrorKind, InputFormat, Limits, RuleSet};

/// A fresh, empty directory under the system temp dir.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "vacancy-match-hostile-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn message(err: &vacancy_match::Error) -> String {
    match err.kind() {
        ErrorKind::Io { .. } | ErrorKind::Many(_) => err.to_string(),
        _ => err.message().to_string(),
    }
}

const VACANCY: &str = "\
id: demo
title: Demo Officer
organization: UNHCR
duty_station: { country: GT }
posted: 2024-01-10
deadline: 2024-02-08
requirements:
  - id: english
    kind: language
    source: English (mandatory), Level – Fluent
    languages: en
    level: fluent
";

#[test]
fn billion_laughs_is_refused_at_once() {
    // Nine levels of nine-fold aliases: 9^9 (387 million) strings if
    // expanded. Typed loading stops at the first nested list: measured
    // 0.4 ms in a debug build on the 2-core CI machine.
    let mut yaml = String::from(
        "skills: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["b", "c", "d", "e", "f", "g", "h", "i"];
    let mut previous = "a";
    for name in names {
        let refs = vec![format!("*{previous}"); 9].join(",");
        yaml.push_str(&format!("certifications: &{name} [{refs}]\n"));
        previous = name;
    }
    let err = Candidate::from_yaml_str(&yaml).unwrap_err();
    assert!(err.location().is_some_and(|l| l.line().is_some()), "{err}");
    assert!(!message(&err).is_empty());

    // The same bomb under a field that accepts lists of strings.
    let mut yaml = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..9 {
        let refs = vec![format!("*a{}", level - 1); 9].join(",");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    yaml.push_str("skills: *a8\n");
    let err = Candidate::from_yaml_str(&yaml).unwrap_err();
    assert!(message(&err).contains("unknown field `a0`"), "{err}");
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    // 10,000 levels of flow nesting: refused by a linear scan in
    // microseconds instead of the parser building 10,000 levels.
    let yaml = format!("skills: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    let err = Candidate::from_yaml_str(&yaml).unwrap_err();
    assert_eq!(message(&err), "nesting deeper than the limit of 64 levels");
    let loc = err.location().unwrap();
    assert_eq!((loc.line(), loc.column()), (Some(1), Some(73)));

    let json = format!(
        "{{\"skills\": {}{}}}",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = Candidate::from_json_str(&json).unwrap_err();
    assert!(message(&err).starts_with("nesting deeper"), "{err}");

    // Block nesting needs ever wider indentation.
    let mut block = String::from("experience:\n");
    for depth in 1..400 {
        block.push_str(&" ".repeat(depth));
        block.push_str("- \n");
    }
    let err = Candidate::from_yaml_str(&block).unwrap_err();
    assert!(
        message(&err).starts_with("indentation of 257 columns"),
        "{err}"
    );
}

#[test]
fn size_limit_is_configurable_and_checked_before_reading() {
    let big = format!(
        "id: x\nskills: [{}]\n",
        vec!["\"MS Office\""; 200_000].join(",")
    );
    assert!(big.len() > Limits::default().max_bytes);
    let err = Candidate::from_yaml_str(&big).unwrap_err();
    assert!(
        message(&err).contains("larger than the limit of 1048576 bytes"),
        "{err}"
    );

    let roomy = Limits::default().with_max_bytes(8 * 1024 * 1024);
    let ok = Candidate::from_str_with(&big, InputFormat::Yaml, &roomy).unwrap();
    assert_eq!(ok.skills.unwrap().len(), 200_000);

    let dir = scratch("size");
    let file = dir.join("big.yaml");
    std::fs::write(&file, &big).unwrap();
    let err =
        Candidate::from_path_with(&file, &Limits::default().with_max_bytes(1000)).unwrap_err();
    let loc = err.location().unwrap();
    assert_eq!(loc.file(), Some(file.display().to_string().as_str()));
}

#[test]
fn non_utf8_nul_and_empty_files() {
    let dir = scratch("bytes");
    let bad = dir.join("latin1.yaml");
    std::fs::write(&bad, b"id: ana\nname: Jos\xe9\n").unwrap();
    let err = Candidate::from_path(&bad).unwrap_err();
    assert_eq!(message(&err), "invalid UTF-8 at byte 17, expected text");
    assert_eq!(err.location().and_then(|l| l.line()), Some(2));

    let err = Candidate::from_yaml_str("id: ana\nname: a\0b\n").unwrap_err();
    assert_eq!(message(&err), "NUL byte in input, expected text");
    let loc = err.location().unwrap();
    assert_eq!((loc.line(), loc.column()), (Some(2), Some(8)));

    for empty in ["", "\n\n", "# only a comment\n", "---\n"] {
        let err = Candidate::from_yaml_str(empty).unwrap_err();
        assert_eq!(
            message(&err),
            "empty document, expected a mapping of fields"
        );
    }
    let empty = dir.join("empty.yaml");
    std::fs::write(&empty, "").unwrap();
    let err = Candidate::from_path(&empty).unwrap_err();
    assert!(
        err.to_string().starts_with(&empty.display().to_string()),
        "{err}"
    );
}

#[test]
fn several_yaml_documents_are_refused() {
    let err = Candidate::from_yaml_str("id: a\n---\nid: b\n").unwrap_err();
    assert!(message(&err).contains("more than one document"), "{err}");
    let err = RuleSet::from_yaml_str(&format!("{VACANCY}---\n{VACANCY}")).unwrap_err();
    assert!(message(&err).contains("more than one document"), "{err}");
}

#[test]
fn impossible_dates_are_located() {
    let err = Candidate::from_yaml_str("experience:\n  - start: 2025-02-30\n").unwrap_err();
    assert_eq!(
        message(&err),
        "invalid date `2025-02-30`: February 2025 has 28 days"
    );
    let loc = err.location().unwrap();
    assert_eq!(loc.path(), Some("experience[0].start"));
    assert_eq!(loc.line(), Some(2));

    let err =
        Candidate::from_yaml_str("education:\n  - { degree: bachelor, completed: 99999-01-01 }\n")
            .unwrap_err();
    assert!(
        message(&err).contains("invalid date `99999-01-01`"),
        "{err}"
    );
    assert_eq!(
        err.location().unwrap().path(),
        Some("education[0].completed")
    );

    let err =
        Candidate::from_json_str(r#"{"experience": [{"start": "2020-01", "end": "2019-13"}]}"#)
            .unwrap_err();
    assert_eq!(
        message(&err),
        "invalid date `2019-13`: month 13 does not exist"
    );
    assert_eq!(err.location().unwrap().path(), Some("experience[0].end"));
}

#[test]
fn bad_fractions_and_absurd_periods() {
    for (fraction, shown) in [
        ("-0.5", "-0.5"),
        (".nan", "NaN"),
        ("0", "0"),
        ("1.5", "1.5"),
        (".inf", "inf"),
    ] {
        let yaml = format!("experience:\n  - start: 2020-01\n    fraction: {fraction}\n");
        let err = Candidate::from_yaml_str(&yaml).unwrap_err();
        assert_eq!(
            message(&err),
            format!("part-time fraction {shown} is outside (0, 1]")
        );
        let loc = err.location().unwrap();
        assert_eq!(
            (loc.path(), loc.line(), loc.column()),
            (Some("experience[0].fraction"), Some(3), Some(5))
        );
    }
    let err = Candidate::from_yaml_str("experience:\n  - { start: 1901-01, end: 2101-01 }\n")
        .unwrap_err();
    assert!(
        message(&err).starts_with("period of 200 years is longer than a working life"),
        "{err}"
    );
    let err = Candidate::from_yaml_str("experience:\n  - start: 2020-05\n    end: 2019-01\n")
        .unwrap_err();
    assert_eq!(message(&err), "end 2019-01 is before start 2020-05");
    assert_eq!(err.location().unwrap().line(), Some(3));
}

#[test]
fn certification_expiry_before_issue() {
    let err = Candidate::from_yaml_str("certifications:\n  - name: Protection Learning Programme\n    issued: 2020-01\n    expires: 2019-01\n").unwrap_err();
    assert_eq!(message(&err), "expiry 2019-01 is before issue 2020-01");
    assert_eq!(err.location().unwrap().line(), Some(4));
}

fn rule_error(yaml: &str) -> vacancy_match::Error {
    RuleSet::from_yaml_str(yaml).unwrap_err()
}

#[test]
fn semantic_rule_errors_are_located() {
    // Empty path list.
    let err = rule_error(&VACANCY.replace(
        "  - id: english\n",
        "  - id: education\n    kind: education\n    paths: []\n  - id: english\n",
    ));
    assert_eq!(message(&err), "empty list, expected at least one path");
    assert_eq!(
        err.location().unwrap().path(),
        Some("requirements[0].paths")
    );
    assert_eq!(err.location().unwrap().line(), Some(10));

    // A desirable item with zero weight.
    let err = rule_error(&VACANCY.replace(
        "    level: fluent\n",
        "    level: fluent\n    priority: desirable\n    weight: 0\n",
    ));
    assert_eq!(message(&err), "expected a weight in (0, 100], found 0");
    assert_eq!(err.location().unwrap().line(), Some(14));

    // Deadline before the posting date.
    let err = rule_error(&VACANCY.replace("deadline: 2024-02-08", "deadline: 2023-12-01"));
    assert_eq!(
        message(&err),
        "deadline 2023-12-01 is before the posting date 2024-01-10"
    );
    assert_eq!(err.location().unwrap().line(), Some(6));

    // A language level below A1 does not exist.
    let err = rule_error(&VACANCY.replace("level: fluent", "level: A0"));
    assert!(
        message(&err).starts_with("unknown language level `A0`"),
        "{err}"
    );
    assert_eq!(
        err.location().unwrap().path(),
        Some("requirements[0].level")
    );

    // A name that is no vocabulary entry.
    let err = rule_error(&VACANCY.replace(
        "  - id: english\n",
        "  - id: skill\n    kind: skill\n    any_of: [databse management]\n  - id: english\n",
    ));
    assert_eq!(
        message(&err),
        "unknown skill `databse management`: not in the vocabulary, did you mean `database management`? \
         If it is another skill, add it to the vocabulary's `skills`"
    );
    assert_eq!(
        err.location().unwrap().path(),
        Some("requirements[0].any_of[0]")
    );

    // A field that belongs to another kind.
    let err =
        rule_error(&VACANCY.replace("    level: fluent\n", "    level: fluent\n    years: 2\n"));
    assert!(
        message(&err).starts_with("field `years` does not apply to a `language` requirement"),
        "{err}"
    );

    // Unknown status names suggest the closest.
    let err = rule_error(&VACANCY.replace(
        "  - id: english\n",
        "  - id: permit\n    kind: work_authorization\n    statuses: [citizen, permanent_residnt]\n  - id: english\n",
    ));
    assert!(
        message(&err).contains("did you mean `permanent_resident`?"),
        "{err}"
    );
}

#[test]
fn a_directory_reports_every_bad_file_and_duplicate_ids() {
    let dir = scratch("rules");
    std::fs::write(dir.join("a.yaml"), VACANCY).unwrap();
    std::fs::write(dir.join("b.yaml"), VACANCY).unwrap();
    std::fs::write(
        dir.join("c.yaml"),
        VACANCY.replace("level: fluent", "level: fluentt"),
    )
    .unwrap();
    std::fs::write(dir.join("d.yaml"), b"id: \xff\n").unwrap();
    std::fs::write(
        dir.join("e.yaml"),
        VACANCY
            .replace("id: demo", "id: other")
            .replace("title:", "titel:"),
    )
    .unwrap();
    let err = RuleSet::from_dir(&dir).unwrap_err();
    let problems = err.problems();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 4, "{text:#?}");
    assert!(
        text.iter()
            .any(|t| t.contains("b.yaml:1:1: id: duplicate vacancy id `demo`, already used by")),
        "{text:#?}"
    );
    assert!(text.iter().any(|t| t.contains("c.yaml:12:5: requirements[0].level: unknown language level `fluentt`, did you mean `fluent`?")), "{text:#?}");
    assert!(
        text.iter().any(|t| t.contains("d.yaml:1: invalid UTF-8")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("e.yaml:2:1: titel: unknown field `titel`, did you mean `title`?")),
        "{text:#?}"
    );
}

#[test]
fn protected_attributes_are_refused_with_the_reason() {
    for field in [
        "age",
        "sex",
        "marital_status",
        "photo",
        "religion",
        "fecha_de_nacimiento_no",
        "edad",
    ] {
        let err = Candidate::from_yaml_str(&format!("id: x\n{field}: 1\n")).unwrap_err();
        let msg = message(&err);
        assert!(
            msg.starts_with(&format!("unknown field `{field}`")),
            "{msg}"
        );
        if field != "fecha_de_nacimiento_no" {
            assert!(msg.contains("protected attributes"), "{msg}");
        }
        assert_eq!(err.location().unwrap().line(), Some(2));
    }
    let err = Candidate::from_yaml_str("").unwrap_err();
    assert_eq!(
        err.to_string(),
        "empty document, expected a mapping of fields"
    );
}

#[test]
fn a_byte_order_mark_starts_a_document() {
    let yaml = Candidate::from_yaml_str("\u{feff}id: ana\nskills: [MS Office]\n").unwrap();
    assert_eq!(yaml.id.as_deref(), Some("ana"));
    let json = Candidate::from_json_str("\u{feff}{\"id\": \"ana\"}").unwrap();
    assert_eq!(json.id.as_deref(), Some("ana"));
    let line = Candidate::from_json_line("\u{feff}{\"id\": \"ana\"}", "in", 1, &Limits::default());
    assert!(line.is_ok());
    let dir = scratch("bom");
    std::fs::write(dir.join("cv.json"), "\u{feff}{\"id\": \"ana\"}").unwrap();
    assert!(Candidate::from_path(dir.join("cv.json")).is_ok());
}

#[test]
fn a_list_is_not_a_profile() {
    for (text, format) in [
        ("[\"ana\", \"Ana\"]", InputFormat::Json),
        ("  [\"ana\"]", InputFormat::Yaml),
        ("# a list\n- ana\n- Ana\n", InputFormat::Yaml),
    ] {
        let err = Candidate::from_str_with(text, format, &Limits::default()).unwrap_err();
        assert!(
            message(&err).starts_with("a list, expected a mapping"),
            "{err}"
        );
    }
}

#[cfg(unix)]
#[test]
fn files_that_are_not_regular_are_refused_unread() {
    let dir = scratch("special");
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    for name in ["zero.yaml", "pipe.yaml"] {
        let err = Candidate::from_path(dir.join(name)).unwrap_err();
        assert!(message(&err).contains("expected a regular file"), "{err}");
        assert!(err.to_string().contains(name), "{err}");
    }
}
