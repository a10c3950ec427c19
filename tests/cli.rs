//! The `vacancy-match` binary, run as scripts run it: each subcommand,
//! each output format and each exit status.

// Helpers outside #[test] functions panic on broken fixtures too.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::cli::{run, run_with, Run, BIN, ROOT};
use common::{example_path, jsonl, scratch, IOM, RESETTLEMENT};
use serde_json::Value;

fn example(name: &str) -> String {
    format!("examples/candidates/{name}")
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

// ---- help --------------------------------------------------------------

#[test]
fn every_subcommand_has_help_with_examples() {
    for sub in ["check", "screen", "validate", "schema"] {
        let r = run(&[sub, "--help"]);
        assert_eq!(r.code, 0, "{sub}");
        assert!(r.stdout.contains("Examples:"), "{sub}: {}", r.stdout);
        assert!(r.stdout.contains(&format!("vacancy-match {sub}")), "{sub}");
    }
    let r = run(&["--help"]);
    assert!(r.stdout.contains("Exit status"));
    assert_eq!(run(&[]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
}

#[test]
fn check_help_says_how_ineligible_vacancies_are_sorted() {
    let r = run(&["check", "--help"]);
    let text = r.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "by score within the first two, and ineligible ones by how far they \
             fall short (the nearest first), then by score."
        ),
        "{}",
        r.stdout
    );
}

// ---- check -------------------------------------------------------------

#[test]
fn check_counts_agree_in_number_in_both_languages() {
    let args = |lang: &'static str| {
        [
            "check",
            "examples/rules/candidates/julio_espinoza_asylum.yaml",
            "--rules",
            "examples/rules",
            "--as-of",
            "2023-08-01",
            "--lang",
            lang,
        ]
    };
    let r = run(&args("en"));
    assert!(
        r.stdout.starts_with(
            "Julio Espinoza (julio_espinoza) as of 2023-08-01, against 1 vacancy (rules examples/rules)\n\
             1 eligible, 0 need review, 0 ineligible\n"
        ),
        "{}",
        r.stdout
    );
    let r = run(&args("es"));
    assert!(
        r.stdout.starts_with(
            "Julio Espinoza (julio_espinoza) al 2023-08-01, frente a 1 vacante (reglas examples/rules)\n\
             1 elegible, 0 requieren revisión, 0 no elegibles\n"
        ),
        "{}",
        r.stdout
    );
    let r = run(&[
        "check",
        "examples/candidates/ana_lopez_protection.yaml",
        "--as-of",
        "2024-01-15",
        "--lang",
        "es",
    ]);
    assert!(
        r.stdout.starts_with(
            "Ana Lucía López Cifuentes (ana-lopez) al 2024-01-15, frente a 5 vacantes (reglas incluidas)\n\
             1 elegible, 0 requieren revisión, 4 no elegibles\n"
        ),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(
        "  cumple     Experiencia en protección de refugiados: acredita 7,2 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno (se requieren 2)\n"
    ), "{}", r.stdout);
    assert!(
        r.stdout.contains(
            "  a confirmar antes del nombramiento: Vacunación contra la COVID-19 (cumple)\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn check_json_keeps_the_id_and_adds_the_label() {
    let r = run(&[
        "check",
        "examples/candidates/ana_lopez_protection.yaml",
        "--as-of",
        "2024-01-15",
        "--lang",
        "es",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let first = &v["assessments"][0];
    assert_eq!(
        first["title"],
        "Oficial Asociado/a de Reasentamiento y Vías Complementarias"
    );
    let finding = &first["findings"][1];
    assert_eq!(finding["requirement"], "refugee_protection_experience");
    assert_eq!(finding["label"], "Experiencia en protección de refugiados");
}

#[test]
fn check_text_is_ranked_with_verdict_first_and_date() {
    let r = run(&[
        "check",
        &example("ana_lopez_protection.yaml"),
        "--as-of",
        "2024-01-15",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].contains("as of 2024-01-15"), "{}", lines[0]);
    assert!(lines[0].contains("bundled rules"));
    let verdicts: Vec<&str> = lines
        .iter()
        .filter(|l| {
            l.starts_with("ELIGIBLE") || l.starts_with("NEEDS") || l.starts_with("INELIGIBLE")
        })
        .copied()
        .collect();
    assert_eq!(verdicts.len(), 5);
    assert!(verdicts[0].starts_with("ELIGIBLE") && verdicts[0].contains(RESETTLEMENT));
    // Closed vacancies are marked; met / missing / to verify lines follow.
    assert!(r.stdout.contains("[closed]"));
    assert!(r.stdout.contains("  met        English: English C1"));
    assert!(r.stdout.contains("  missing    Right to work in Mexico: "));
    // Piped output is never coloured.
    assert!(!r.stdout.contains('\x1b'));
}

#[test]
fn check_defaults_as_of_to_today() {
    let before = chrono::Utc::now().date_naive().to_string();
    let r = run(&["check", &example("rosa_batz_iom_sanmarcos.yaml")]);
    let after = chrono::Utc::now().date_naive().to_string();
    assert_eq!(r.code, 0);
    let first = r.stdout.lines().next().unwrap();
    assert!(
        first.contains(&format!("as of {before}")) || first.contains(&format!("as of {after}")),
        "{first}"
    );
}

#[test]
fn check_json_has_assessments_and_as_of() {
    let r = run(&[
        "check",
        &example("emilio_carranza_asylum.json"),
        "--as-of",
        "2024-01-15",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 0);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["as_of"], "2024-01-15");
    assert_eq!(v["candidate"], "emilio-carranza");
    let all = v["assessments"].as_array().unwrap();
    assert_eq!(all.len(), 5);
    let rank = |a: &Value| match a["verdict"].as_str().unwrap() {
        "eligible" => 2,
        "needs_review" => 1,
        _ => 0,
    };
    assert!(all.windows(2).all(|w| rank(&w[0]) >= rank(&w[1])));
    assert!(all
        .iter()
        .all(|a| a["findings"].as_array().is_some_and(|f| !f.is_empty())));
}

#[test]
fn check_reads_stdin_and_custom_rules() {
    let r = run_with(
        &["check", "-", "--rules", "rules", "--as-of", "2025-10-01"],
        "id: piped\nlanguages:\n  - { language: es, level: native }\n",
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("piped as of 2025-10-01"));
    assert!(r.stdout.contains("(rules rules)"));
}

#[test]
fn check_exit_statuses() {
    let dir = scratch("check_exit");
    let bad = dir.join("bad.yaml");
    std::fs::write(
        &bad,
        "id: x\nexperience:\n  - start: 2020-01\n    end: 2019-01\n",
    )
    .unwrap();
    let r = run(&["check", bad.to_str().unwrap(), "--as-of", "2025-01-01"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("bad.yaml:4:5: experience[0].end: end 2019-01 is before start 2020-01"),
        "{}",
        r.stderr
    );
    assert_eq!(run(&["check", "no/such/cv.yaml"]).code, 1);
    // Usage: a bad date, rules that do not load, a bad format.
    let cv = example("ana_lopez_protection.yaml");
    assert_eq!(run(&["check", &cv, "--as-of", "2024-02-30"]).code, 2);
    let r = run(&["check", &cv, "--rules", "no/such/rules"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot load the rules"));
    assert_eq!(run(&["check", &cv, "--format", "xml"]).code, 2);
}

// ---- screen ------------------------------------------------------------

#[test]
fn screen_csv_of_a_folder_against_one_vacancy() {
    let r = run(&[
        "screen",
        "examples/candidates",
        "--vacancy",
        IOM,
        "--as-of",
        "2025-10-01",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = csv_rows(&r.stdout);
    assert_eq!(rows[0], vacancy_match::ScreenRecord::FIELDS);
    // README.md is skipped; ten profiles, in file-name order.
    assert_eq!(rows.len(), 11);
    let sources: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort_unstable();
    assert_eq!(sources, sorted);
    let verdict_of = |id: &str| {
        rows.iter()
            .find(|r| r[1] == id)
            .map(|r| r[5].clone())
            .unwrap()
    };
    assert_eq!(verdict_of("rosa-batz"), "eligible");
    assert_eq!(verdict_of("carlos-maldonado"), "needs_review");
    assert_eq!(verdict_of("ana-lopez"), "ineligible");
    let ana = rows.iter().find(|r| r[1] == "ana-lopez").unwrap();
    assert_eq!(ana[9], "internal_iom:internal.not_staff");
    assert!(ana[11].starts_with("internal_iom: "));
    assert_eq!(ana[12], "");
}

#[test]
fn screen_formats_carry_the_same_records() {
    let args = |format: &'static str| {
        vec![
            "screen",
            "examples/candidates",
            "--as-of",
            "2025-10-01",
            "--format",
            format,
        ]
    };
    let lines = jsonl(&run(&args("jsonl")).stdout);
    let array: Vec<Value> = serde_json::from_str(&run(&args("json")).stdout).unwrap();
    let rows = csv_rows(&run(&args("csv")).stdout);
    let text = run(&args("text")).stdout;
    // Ten profiles × five vacancies, input order then rule-set order.
    assert_eq!(lines.len(), 50);
    assert_eq!(lines, array);
    assert_eq!(rows.len(), 51);
    let rules = vacancy_match::RuleSet::bundled().unwrap();
    for (i, record) in lines.iter().enumerate() {
        let vacancy = rules.vacancies()[i % 5].id();
        assert_eq!(record["vacancy"], vacancy);
        let row = &rows[i + 1];
        for (j, field) in vacancy_match::ScreenRecord::FIELDS.iter().enumerate() {
            let cell = match &record[*field] {
                Value::Null => String::new(),
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(row[j], cell, "record {i} field {field}");
        }
        let verdict = record["verdict"].as_str().unwrap();
        let candidate = record["candidate"].as_str().unwrap();
        assert!(
            text.lines()
                .any(|l| l.starts_with(verdict) && l.contains(&format!("{candidate} × {vacancy}"))),
            "text lacks {candidate} × {vacancy}"
        );
    }
    assert!(text.starts_with("screening as of 2025-10-01 against 5 vacancies (bundled rules)"));
    assert!(
        text.trim_end()
            .ends_with("10 candidates, 50 assessments (candidate × vacancy): 5 eligible, 3 need review, 42 ineligible; 0 inputs could not be read"),
        "{text}"
    );
}

#[test]
fn screen_stdin_jsonl_with_a_bad_line_in_the_middle() {
    let ana = serde_json::to_string(
        &vacancy_match::Candidate::from_path(example("ana_lopez_protection.yaml")).unwrap(),
    )
    .unwrap();
    let stdin = format!(
        "{ana}\n{{\"id\": \"broken\", \"experience\": [{{\"start\": \"2020-01\", \"end\": \"2019-01\"}}]}}\n{{\"id\": \"third\"}}\n"
    );
    let r = run_with(
        &["screen", "-", "--as-of", "2024-01-15", "--format", "jsonl"],
        &stdin,
        &[],
    );
    assert_eq!(r.code, 1);
    let records = jsonl(&r.stdout);
    assert_eq!(records.len(), 5 + 1 + 5);
    assert!(records[..5]
        .iter()
        .all(|r| r["source"] == "stdin:1" && r["candidate"] == "ana-lopez"));
    assert_eq!(records[0]["verdict"], "eligible");
    let error = &records[5];
    assert_eq!(error["source"], "stdin:2");
    assert_eq!(error["verdict"], Value::Null);
    assert_eq!(
        error["error"],
        "stdin:2:54: experience[0].end: end 2019-01 is before start 2020-01"
    );
    assert!(records[6..]
        .iter()
        .all(|r| r["source"] == "stdin:3" && r["error"].is_null()));
    assert!(r.stderr.contains("1 of 3 inputs could not be read"));
}

#[test]
fn screen_reports_a_json_lines_file_without_profiles_as_an_empty_yaml_file() {
    let dir = scratch("screen_empty_jsonl");
    std::fs::write(dir.join("a_empty.jsonl"), "").unwrap();
    std::fs::write(dir.join("b_blank.jsonl"), "\n  \n\t\n").unwrap();
    std::fs::write(dir.join("c_empty.yaml"), "").unwrap();
    let folder = dir.to_str().unwrap();
    let r = run(&[
        "screen",
        folder,
        "--as-of",
        "2024-01-15",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    let errors: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["source"].as_str().unwrap(), r["error"].as_str().unwrap()))
        .collect();
    let a = format!("{folder}/a_empty.jsonl");
    let b = format!("{folder}/b_blank.jsonl");
    let c = format!("{folder}/c_empty.yaml");
    let none = |file: &str| {
        format!(
            "{file}: no profiles, expected one JSON object a line \
             (the file is empty or holds only blank lines)"
        )
    };
    assert_eq!(
        errors,
        [
            (a.as_str(), none(&a).as_str()),
            (b.as_str(), none(&b).as_str()),
            (
                c.as_str(),
                format!("{c}: empty document, expected a mapping of fields").as_str()
            ),
        ]
    );
    assert!(
        r.stderr.contains("3 of 3 inputs could not be read"),
        "{}",
        r.stderr
    );
    // Standard input with nothing on it is a stream that ended: no error.
    let r = run_with(&["screen", "-", "--format", "jsonl"], "", &[]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
}

#[test]
fn screen_folder_with_a_bad_file_in_the_middle() {
    let dir = scratch("screen_bad_file");
    for name in ["ana_lopez_protection.yaml", "rosa_batz_iom_sanmarcos.yaml"] {
        std::fs::copy(example_path(name), dir.join(name)).unwrap();
    }
    // Sorts between the two good ones.
    std::fs::write(
        dir.join("m_bad.yaml"),
        "id: m\nlanguages:\n  - { language: es, levle: C1 }\n",
    )
    .unwrap();
    std::fs::write(dir.join("README.md"), "not a profile").unwrap();
    std::fs::write(dir.join("notes.txt"), "not a profile either").unwrap();
    let r = run(&[
        "screen",
        dir.to_str().unwrap(),
        "--vacancy",
        IOM,
        "--as-of",
        "2025-10-01",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 1);
    let rows = csv_rows(&r.stdout);
    assert_eq!(rows.len(), 4, "{}", r.stdout);
    assert_eq!(rows[1][1], "ana-lopez");
    let bad = &rows[2];
    assert!(bad[0].ends_with("m_bad.yaml"));
    assert_eq!(bad[5], "");
    assert!(
        bad[12].contains("m_bad.yaml:3:21: languages[0].levle: "),
        "{}",
        bad[12]
    );
    assert!(bad[12].contains("unknown field `levle`"), "{}", bad[12]);
    assert_eq!(rows[3][1], "rosa-batz");
    assert_eq!(rows[3][5], "eligible");
}

#[test]
fn screen_reads_jsonl_files_and_missing_paths_become_error_records() {
    let dir = scratch("screen_jsonl_file");
    let batch = dir.join("batch.jsonl");
    std::fs::write(&batch, "{\"id\": \"one\"}\n\nnot json\n").unwrap();
    let r = run(&[
        "screen",
        batch.to_str().unwrap(),
        "no/such/cv.yaml",
        "--vacancy",
        IOM,
        "--as-of",
        "2025-10-01",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 1);
    let records = jsonl(&r.stdout);
    assert_eq!(records.len(), 3);
    assert!(records[0]["source"]
        .as_str()
        .unwrap()
        .ends_with("batch.jsonl:1"));
    assert!(records[1]["source"]
        .as_str()
        .unwrap()
        .ends_with("batch.jsonl:3"));
    assert!(records[1]["error"]
        .as_str()
        .unwrap()
        .contains("batch.jsonl:3:2: expected a value (`true`, `false` or `null`)"));
    assert_eq!(records[2]["source"], "no/such/cv.yaml");
    assert!(records[2]["error"]
        .as_str()
        .unwrap()
        .starts_with("no/such/cv.yaml: "));
}

#[test]
fn screen_streams_stdin_line_by_line() {
    let mut child = Command::new(BIN)
        .args([
            "screen",
            "-",
            "--vacancy",
            IOM,
            "--as-of",
            "2025-10-01",
            "--format",
            "jsonl",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (sender, receiver) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if sender.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // The record of the first profile arrives while stdin is still open.
    writeln!(stdin, "{{\"id\": \"first\"}}").unwrap();
    stdin.flush().unwrap();
    let first = receiver
        .recv_timeout(Duration::from_secs(30))
        .expect("a record before the end of input");
    assert!(first.contains("\"candidate\":\"first\""));
    writeln!(stdin, "{{\"id\": \"second\"}}").unwrap();
    drop(stdin);
    let second = receiver.recv_timeout(Duration::from_secs(30)).unwrap();
    assert!(second.contains("\"candidate\":\"second\""));
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

#[test]
fn screen_usage_errors_exit_2() {
    let r = run(&[
        "screen",
        "examples/candidates",
        "--vacancy",
        "iom-gt-operations-asistant-2025",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("did you mean `iom-gt-operations-assistant-2025`?"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());
    assert_eq!(run(&["screen"]).code, 2);
    assert_eq!(
        run(&["screen", "examples/candidates", "--as-of", "yesterday"]).code,
        2
    );
    assert_eq!(
        run(&["screen", "examples/candidates", "--format", "xml"]).code,
        2
    );
    assert_eq!(
        run(&["screen", "examples/candidates", "--rules", "examples"]).code,
        2
    );
}

// ---- validate ----------------------------------------------------------

#[test]
fn validate_ok_prints_one_summary_line() {
    let r = run(&["validate", "--rules", "rules", "examples/candidates"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(
        r.stdout,
        "ok: 5 vacancies, 1 vocabulary, 10 profiles, no problems\n"
    );
    let r = run(&["validate"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "ok: 5 vacancies, 1 vocabulary, no problems\n")
    );
    let r = run(&[
        "validate",
        "rules/002_unhcr_mx_protection_assistant.yaml",
        "rules/vocabulary.yaml",
    ]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "ok: 1 vacancy, 1 vocabulary, no problems\n")
    );
}

#[test]
fn validate_reads_a_json_resume_as_check_does() {
    let r = run(&[
        "validate",
        "tests/data/json_resume/lucia_fernandez.resume.json",
    ]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "ok: 1 profile, no problems\n"),
        "{}",
        r.stderr
    );
    let dir = common::scratch("validate-json-resume");
    let resume = dir.join("partly.json");
    std::fs::write(
        &resume,
        r#"{"basics":{"name":"T"},"education":[{"institution":"U","studyType":"Diplomado","area":"Derecho"}]}"#,
    )
    .unwrap();
    let r = run(&["validate", resume.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .starts_with(&format!("warning: {}: education[0]", resume.display())),
        "{}",
        r.stdout
    );
}

#[test]
fn validate_reports_every_problem_located() {
    let dir = scratch("validate_bad");
    let profiles = dir.join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    std::fs::write(
        profiles.join("a.yaml"),
        "id: a\nexperience:\n  - start: 2020-01\n    end: 2019-01\n  - start: 2021-01\n    fraction: 2\n",
    )
    .unwrap();
    std::fs::write(
        profiles.join("b.json"),
        "{\"id\": \"b\", \"langauges\": []}",
    )
    .unwrap();
    std::fs::copy(
        example_path("ana_lopez_protection.yaml"),
        profiles.join("c.yaml"),
    )
    .unwrap();
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    for name in ["000_unhcr_gt_resettlement_officer.yaml", "vocabulary.yaml"] {
        std::fs::copy(Path::new(ROOT).join("rules").join(name), rules.join(name)).unwrap();
    }
    // The same vacancy twice, and a requirement with another kind's field.
    std::fs::copy(
        Path::new(ROOT).join("rules/000_unhcr_gt_resettlement_officer.yaml"),
        rules.join("001_copy.yaml"),
    )
    .unwrap();
    let vacancy = dir.join("single.yaml");
    std::fs::write(
        &vacancy,
        "id: v\ntitle: T\norganization: O\nduty_station: { country: GT }\nrequirements:\n  - id: e\n    kind: language\n    languages: en\n    level: C1\n    years: 3\n",
    )
    .unwrap();
    let r = run(&[
        "validate",
        "--rules",
        rules.to_str().unwrap(),
        profiles.to_str().unwrap(),
        vacancy.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    let out = r.stdout;
    assert!(
        out.contains(
            "001_copy.yaml:20:1: id: duplicate vacancy id `unhcr-gt-resettlement-officer-2024`"
        ),
        "{out}"
    );
    assert!(
        out.contains("a.yaml:4:5: experience[0].end: end 2019-01 is before start 2020-01"),
        "{out}"
    );
    assert!(
        out.contains("a.yaml:6:5: experience[1].fraction: part-time fraction 2 is outside (0, 1]"),
        "{out}"
    );
    assert!(
        out.contains(
            "b.json:1:23: langauges: unknown field `langauges`, did you mean `languages`?"
        ),
        "{out}"
    );
    assert!(out.contains("single.yaml:10:5: requirements[0].years: field `years` does not apply to a `language` requirement"), "{out}");
    assert!(!out.contains("c.yaml"));
    assert!(out.trim_end().ends_with("5 problems in 4 files"), "{out}");
}

// ---- schema ------------------------------------------------------------

#[test]
fn schema_prints_both_schemas() {
    for (which, title) in [("rules", "Vacancy"), ("candidate", "Candidate")] {
        let r = run(&["schema", which]);
        assert_eq!(r.code, 0);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["title"], title);
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
    assert_eq!(run(&["schema", "vocabulary"]).code, 2);
}

// ---- the example HR script ---------------------------------------------

#[test]
fn screen_folder_script_writes_a_sorted_shortlist() {
    let dir = scratch("screen_folder_script");
    let out = dir.join("shortlist.csv");
    let output = Command::new("bash")
        .arg(Path::new(ROOT).join("examples/screen_folder.sh"))
        .args(["examples/candidates", RESETTLEMENT, out.to_str().unwrap()])
        .current_dir(ROOT)
        .env("VACANCY_MATCH", BIN)
        .env("AS_OF", "2024-01-15")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows = csv_rows(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(rows[0], vacancy_match::ScreenRecord::FIELDS);
    let body = &rows[1..];
    // Eligible: Ana, Lucía; needs review: Gabriela (field to verify).
    let mut who: Vec<&str> = body.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(who.len(), 3, "{body:?}");
    assert!(body
        .iter()
        .all(|r| r[5] == "eligible" || r[5] == "needs_review"));
    let scores: Vec<f64> = body.iter().map(|r| r[6].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    who.sort_unstable();
    assert_eq!(who, ["ana-lopez", "gabriela-menjivar", "lucia-ramirez"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("3 of 10"), "{said}");
}

#[test]
fn test_runs_every_case_of_the_rule_files() {
    let r = run(&["test"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("pass  unhcr-gt-resettlement-officer-2024 — law graduate with seven years of refugee protection  (rules/000_unhcr_gt_resettlement_officer.yaml:"), "{}", r.stdout);
    assert!(
        r.stdout.trim_end().ends_with("28 passed, 0 failed"),
        "{}",
        r.stdout
    );

    let dir = scratch("failing-case");
    std::fs::write(
        dir.join("demo.yaml"),
        "id: demo\ntitle: Demo\norganization: UNHCR\nduty_station: { country: GT }\nrequirements:\n  - { id: english, kind: language, languages: en, level: fluent, source: fluent English }\ntests:\n  - name: B2 is not fluent\n    as_of: 2024-01-01\n    profile: { languages: [{ language: en, level: B2 }] }\n    expect: { verdict: eligible }\n",
    )
    .unwrap();
    let r = run(&["test", dir.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("FAIL  demo — B2 is not fluent"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("        expected verdict eligible, got ineligible"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.trim_end().ends_with("0 passed, 1 failed"),
        "{}",
        r.stdout
    );
}

#[test]
fn new_writes_a_skeleton_that_validates_once_filled_in() {
    let dir = scratch("new-skeleton");
    let file = dir.join("005_draft.yaml");
    let r = run(&["new", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    for kind in [
        "education",
        "experience",
        "language",
        "work_authorization",
        "internal",
        "certification",
        "skill",
        "attestation",
    ] {
        assert!(
            text.contains(&format!("kind: {kind}")),
            "skeleton lacks {kind}"
        );
    }
    // Untouched, the skeleton is unfinished work: every placeholder is an
    // error, located.
    let r = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("005_draft.yaml:19:1: id: placeholder id `unhcr-gt-protection-associate-2025` left from the skeleton of `vacancy-match new`, expected this vacancy's own id\n"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains(": posting: placeholder `posting_file_name.txt` left from the skeleton"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(": requirements[0].source: placeholder `quote the posting here` left from the skeleton of `vacancy-match new`, expected the posting's own words\n"), "{}", r.stdout);
    assert!(
        r.stdout.ends_with("13 problems in 1 file\n"),
        "{}",
        r.stdout
    );
    let r = run(&["test", file.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stdout);
    // Filled in, it validates.
    let filled = text
        .replace("quote the posting here", "the posting's words")
        .replace("unhcr-gt-protection-associate-2025", "unhcr-gt-draft-2025")
        .replace("posting: posting_file_name.txt", "");
    std::fs::write(&file, filled).unwrap();
    let r = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "ok: 1 vacancy, no problems\n")
    );
    std::fs::write(&file, &text).unwrap();
    // Never overwrites.
    let r = run(&["new", file.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
}

#[test]
fn validate_prints_warnings_and_still_passes() {
    let dir = scratch("warnings");
    let file = dir.join("demo.yaml");
    std::fs::write(
        &file,
        "id: demo\ntitle: Demo\norganization: UNHCR\nduty_station: { country: MX }\nrequirements:\n  - { id: english, kind: language, languages: en, level: C1 }\n",
    )
    .unwrap();
    let r = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("demo.yaml:6: requirements[0]: warning: requirement `english` has no `source` quote from the posting\n    fix: add `source:`"), "{}", r.stdout);
    assert!(
        r.stdout
            .ends_with("ok: 1 vacancy, no problems, 1 warning\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn check_and_screen_speak_spanish() {
    let r = run(&[
        "check",
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
        "--lang",
        "es",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("NO ELEGIBLE  82,1/100  unhcr-gt-resettlement-officer-2024"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("  falta      Experiencia en protección de refugiados: faltan 0,5 años de experiencia en protección de refugiados"), "{}", r.stdout);
    assert!(r.stdout.contains("para ser elegible: "), "{}", r.stdout);
    let r = run(&[
        "screen",
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
        "--lang",
        "es",
        "--format",
        "jsonl",
        "--vacancy",
        RESETTLEMENT,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let record: Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert!(
        record["gaps"].as_str().unwrap().contains("faltan 0,5 años"),
        "{record}"
    );
    let r = run(&[
        "check",
        "examples/candidates/sofia_giron_graduate.json",
        "--lang",
        "fr",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown report language `fr`"),
        "{}",
        r.stderr
    );
}

// ---- hostile input: files, terminals, spreadsheets ------------------------

/// Runs the binary with a deadline: a command that would block (on a
/// pipe) fails the test instead of hanging it.
fn run_within(args: &[&str], dir: &Path) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{args:?} did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_not_read() {
    let dir = scratch("special_files");
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).unwrap();
    mkfifo(&dir.join("pipe.yaml"));
    for args in [
        vec!["check", "zero.yaml"],
        vec!["validate", "zero.yaml"],
        vec!["screen", "zero.yaml", "--as-of", "2025-01-01"],
        vec!["validate", "pipe.yaml"],
        vec!["screen", "pipe.yaml", "--as-of", "2025-01-01"],
    ] {
        let r = run_within(&args, &dir);
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        let said = format!("{}{}", r.stdout, r.stderr);
        assert!(said.contains("expected a regular file"), "{args:?}: {said}");
    }
    // Files that report no size (as under /proc) are read within the
    // limit too.
    if Path::new("/proc/self/status").exists() {
        let r = run_within(&["check", "/proc/self/status"], &dir);
        assert_eq!(r.code, 1, "{}", r.stderr);
    }
}

#[cfg(unix)]
#[test]
fn every_profile_looking_entry_of_a_folder_gets_a_record() {
    use std::os::unix::fs::symlink;
    let dir = scratch("folder_entries");
    let folder = dir.join("in");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        example_path("rosa_batz_iom_sanmarcos.yaml"),
        folder.join("a.yaml"),
    )
    .unwrap();
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "root:x:0:0:root:/root:/bin/bash\n").unwrap();
    symlink(&secret, folder.join("outside.yaml")).unwrap();
    symlink("a.yaml", folder.join("inside.yaml")).unwrap();
    symlink("nowhere.yaml", folder.join("dangling.yaml")).unwrap();
    symlink("loop.json", folder.join("loop.json")).unwrap();
    mkfifo(&folder.join("pipe.yaml"));
    mkfifo(&folder.join("stream.jsonl"));
    std::fs::create_dir_all(folder.join("dir.json")).unwrap();
    std::fs::write(folder.join("notes.txt"), "not a profile").unwrap();
    std::fs::write(
        folder.join("passwd.yaml"),
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n",
    )
    .unwrap();

    let r = run_within(
        &[
            "screen",
            "in",
            "--as-of",
            "2025-10-01",
            "--vacancy",
            IOM,
            "--format",
            "jsonl",
        ],
        &dir,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    let by_source = |name: &str| {
        records
            .iter()
            .find(|v| v["source"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("no record for {name}: {}", r.stdout))
    };
    assert!(by_source("a.yaml")["verdict"].is_string());
    assert!(by_source("inside.yaml")["verdict"].is_string());
    for (name, why) in [
        ("outside.yaml", "out of the folder"),
        ("dangling.yaml", "dangling"),
        ("loop.json", "cannot be followed"),
        ("pipe.yaml", "named pipe"),
        ("stream.jsonl", "named pipe"),
        ("dir.json", "a directory"),
        ("passwd.yaml", "the document is text, expected a mapping"),
    ] {
        let error = by_source(name)["error"].as_str().unwrap().to_string();
        assert!(error.contains(why), "{name}: {error}");
    }
    assert_eq!(records.len(), 9, "{}", r.stdout);
    assert!(!r.stdout.contains("root:x"), "{}", r.stdout);
    assert!(!r.stdout.contains("/bin/bash"), "{}", r.stdout);

    // Followed when asked.
    let r = run_within(
        &[
            "screen",
            "in",
            "--as-of",
            "2025-10-01",
            "--vacancy",
            IOM,
            "--follow-links",
        ],
        &dir,
    );
    assert!(!r.stdout.contains("out of the folder"), "{}", r.stdout);

    // validate lists them as problems too.
    let r = run_within(&["validate", "in"], &dir);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("dangling"), "{}", r.stdout);
}

#[test]
fn an_empty_selection_is_an_error() {
    let dir = scratch("empty_selection");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::write(dir.join("other/README.md"), "# profiles").unwrap();
    for folder in ["empty", "other"] {
        let r = run_within(&["screen", folder, "--as-of", "2025-01-01"], &dir);
        assert_eq!(r.code, 1, "{folder}");
        assert!(r.stderr.contains("no profiles to screen"), "{}", r.stderr);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
    }
}

#[test]
fn jobs_are_bounded() {
    let profile = example("rosa_batz_iom_sanmarcos.yaml");
    for jobs in ["0", "257", "100000000", "4611686018427387904", "-1", "many"] {
        let jobs = format!("--jobs={jobs}");
        let r = run(&["screen", &profile, "--as-of", "2025-01-01", &jobs]);
        assert_eq!(r.code, 2, "{jobs}: {}", r.stderr);
        assert!(r.stderr.contains("from 1 to 256"), "{}", r.stderr);
    }
    for jobs in ["1", "256"] {
        let r = run(&["screen", &profile, "--as-of", "2025-01-01", "--jobs", jobs]);
        assert_eq!(r.code, 0, "--jobs {jobs}: {}", r.stderr);
    }
}

#[test]
fn as_of_is_in_utc_and_within_the_years_of_profile_dates() {
    for date in ["0202-08-01", "1899-12-31", "2201-01-01", "+12345-01-01"] {
        let r = run(&[
            "check",
            &example("rosa_batz_iom_sanmarcos.yaml"),
            "--as-of",
            date,
        ]);
        assert_eq!(r.code, 2, "{date}");
    }
    let r = run(&[
        "check",
        &example("rosa_batz_iom_sanmarcos.yaml"),
        "--as-of",
        "1900-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The furthest time zones either side of UTC: both report UTC's date.
    for tz in ["Etc/GMT-14", "Etc/GMT+12"] {
        let before = chrono::Utc::now().date_naive().to_string();
        let r = run_with(
            &["check", &example("rosa_batz_iom_sanmarcos.yaml")],
            "",
            &[("TZ", tz)],
        );
        let after = chrono::Utc::now().date_naive().to_string();
        let first = r.stdout.lines().next().unwrap().to_string();
        assert!(
            [before, after]
                .iter()
                .any(|d| first.contains(&format!("as of {d} (today, UTC)"))),
            "{tz}: {first}"
        );
        let r = run_with(
            &["screen", &example("rosa_batz_iom_sanmarcos.yaml")],
            "",
            &[("TZ", tz)],
        );
        assert!(
            r.stdout.lines().next().unwrap().contains("(today, UTC)"),
            "{}",
            r.stdout
        );
    }
}

/// A profile that tries to forge report lines and restyle the terminal.
const FORGER: &str = "{\"id\": \"m\\u202e\\u001b]0;pwned\\u0007\", \
    \"name\": \"M\\n\\nELIGIBLE  100.0/100  x\\u001b[2J\\u009b31m\\u202egnp.exe\\u200b\", \
    \"skills\": [\"\\u001b[31mred\"]}";

fn assert_clean(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' || matches!(c, '\u{202e}' | '\u{200b}')),
        "{text:?}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.starts_with("ELIGIBLE  100.0/100  x")),
        "{text}"
    );
}

#[test]
fn terminal_text_escapes_what_input_brings() {
    let dir = scratch("terminal_text");
    std::fs::write(dir.join("forger.json"), FORGER).unwrap();
    let r = run_within(&["check", "forger.json", "--as-of", "2025-01-01"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean(&r.stdout);
    assert!(r.stdout.contains("M\\u{a}\\u{a}ELIGIBLE"), "{}", r.stdout);
    assert!(r.stdout.contains("\\u{1b}[2J"), "{}", r.stdout);
    assert!(r.stdout.contains("\\u{202e}"), "{}", r.stdout);

    let r = run_within(&["screen", "forger.json", "--as-of", "2025-01-01"], &dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_clean(&r.stdout);
    assert!(r.stdout.contains("\\u{202e}"), "{}", r.stdout);

    // JSON keeps the exact text.
    let r = run_within(
        &[
            "check",
            "forger.json",
            "--as-of",
            "2025-01-01",
            "--format",
            "json",
        ],
        &dir,
    );
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(report["name"].as_str().unwrap().contains('\u{202e}'));

    // Errors: a field name and a file name carrying escapes.
    let bad = "{\"id\": \"x\", \"sk\\u001b[2Jills\\n\\nELIGIBLE  100.0/100  x\": []}";
    std::fs::write(dir.join("bad\u{1b}[31m.json"), bad).unwrap();
    for args in [
        vec!["check", "bad\u{1b}[31m.json"],
        vec!["validate", "bad\u{1b}[31m.json"],
        vec!["screen", "bad\u{1b}[31m.json"],
    ] {
        let r = run_within(&args, &dir);
        assert_eq!(r.code, 1, "{args:?}");
        assert_clean(&r.stdout);
        assert_clean(&r.stderr);
        let said = format!("{}{}", r.stdout, r.stderr);
        // Screen records hold control characters as spaces already.
        if args[0] != "screen" {
            assert!(said.contains("\\u{1b}"), "{args:?}: {said}");
        }
    }
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let profile = "{\"id\": \"=HYPERLINK(\\\"http://x\\\",\\\"cv\\\")\", \"name\": \"+1 555\"}\n\
                   {\"id\": \"@SUM(A1)\", \"name\": \"-2\"}\n\
                   {\"id\": \"\\tx\", \"name\": \"\\rx\"}\n";
    let r = run_with(
        &[
            "screen",
            "-",
            "--as-of",
            "2025-01-01",
            "--vacancy",
            IOM,
            "--format",
            "csv",
        ],
        profile,
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let rows = csv_rows(&r.stdout);
    let cells: Vec<(&str, &str)> = rows[1..]
        .iter()
        .map(|r| (r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        cells,
        [
            ("'=HYPERLINK(\"http://x\",\"cv\")", "'+1 555"),
            ("'@SUM(A1)", "'-2"),
            // Control characters are already spaces in records.
            (" x", " x"),
        ]
    );
    let r = run_with(
        &[
            "screen",
            "-",
            "--as-of",
            "2025-01-01",
            "--vacancy",
            IOM,
            "--format",
            "csv",
            "--raw-csv",
        ],
        profile,
        &[],
    );
    let rows = csv_rows(&r.stdout);
    assert_eq!(rows[1][1], "=HYPERLINK(\"http://x\",\"cv\")");
    assert_eq!(rows[2][2], "-2");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = scratch("byte_order_mark");
    let yaml = std::fs::read_to_string(example_path("rosa_batz_iom_sanmarcos.yaml")).unwrap();
    std::fs::write(dir.join("bom.yaml"), format!("\u{feff}{yaml}")).unwrap();
    std::fs::write(dir.join("bom.json"), "\u{feff}{\"id\": \"b\"}").unwrap();
    std::fs::write(
        dir.join("bom.jsonl"),
        "\u{feff}{\"id\": \"c\"}\n{\"id\": \"d\"}\n",
    )
    .unwrap();
    let r = run_within(
        &["screen", ".", "--as-of", "2025-01-01", "--format", "jsonl"],
        &dir,
    );
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert_eq!(jsonl(&r.stdout).len(), 4 * 5);
    let r = run_with(
        &["screen", "-", "--as-of", "2025-01-01"],
        "\u{feff}{\"id\": \"e\"}\n",
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn smaller_things_said_right() {
    // One vacancy is one vacancy.
    let r = run(&[
        "check",
        &example("rosa_batz_iom_sanmarcos.yaml"),
        "--as-of",
        "2025-10-01",
        "--rules",
        "rules/003_iom_gt_operations_assistant.yaml",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .lines()
            .next()
            .unwrap()
            .contains("against 1 vacancy ("),
        "{}",
        r.stdout
    );
    // --rules given a profile says so.
    let r = run(&[
        "check",
        &example("rosa_batz_iom_sanmarcos.yaml"),
        "--rules",
        &example("ana_lopez_protection.yaml"),
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("a candidate profile, expected a vacancy file"),
        "{}",
        r.stderr
    );
    // A JSON Lines line that is a list is not read as a profile's fields.
    let r = run_with(
        &["screen", "-", "--as-of", "2025-01-01", "--format", "jsonl"],
        "[\"a\", \"b\"]\n",
        &[],
    );
    assert_eq!(r.code, 1);
    let record = &jsonl(&r.stdout)[0];
    assert!(
        record["error"]
            .as_str()
            .unwrap()
            .contains("a list, expected a mapping"),
        "{record}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn help_that_cannot_be_written_is_an_error() {
    for args in [&["--help"][..], &["--version"], &["screen", "--help"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let status = Command::new(BIN)
            .args(args)
            .stdout(full)
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_pipe_named_on_the_command_line_is_read_like_standard_input() {
    let dir = scratch("named_pipe");
    let pipe = dir.join("cv.yaml");
    mkfifo(&pipe);
    let profile = std::fs::read(example_path("rosa_batz_iom_sanmarcos.yaml")).unwrap();
    let writer = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::write(pipe, profile).unwrap())
    };
    let r = run_within(&["check", "cv.yaml", "--as-of", "2025-10-01"], &dir);
    writer.join().unwrap();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("as of 2025-10-01"), "{}", r.stdout);
}

/// The README's first command, as it is written there, prints the block
/// under it; `VACANCY_MATCH_BLESS=1` rewrites the block from the command's
/// output (review the diff).
#[test]
fn the_readme_first_command_prints_its_sample() {
    let path = Path::new(ROOT).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let command = readme
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .unwrap()
        .trim();
    let args: Vec<&str> = command
        .strip_prefix("cargo run -- ")
        .expect("the README's first command runs the CLI")
        .split_whitespace()
        .collect();
    assert_eq!(args[0], "check", "{command}");
    let r = run_with(&args, "", &[("NO_COLOR", "1")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The first text block after the command.
    let after = readme.find(command).unwrap();
    let start = after + readme[after..].find("```text\n").unwrap() + "```text\n".len();
    let end = start + readme[start..].find("```").unwrap();
    if std::env::var_os("VACANCY_MATCH_BLESS").is_some() {
        let mut blessed = readme.clone();
        blessed.replace_range(start..end, &r.stdout);
        std::fs::write(&path, blessed).unwrap();
        return;
    }
    assert_eq!(
        readme[start..end],
        r.stdout,
        "the README's first sample differs from what `{command}` prints"
    );
}
