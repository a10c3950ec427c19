//! The command line with spreadsheets and JSON Resumes: `import`, `screen
//! --mapping`, `check` of a JSON Resume, `schema mapping`, `new mapping`.

// A panic with a message is a test's failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::cli::{run, ROOT};

const XLSX: &str = "examples/applicants/applicants.xlsx";
const CSV: &str = "examples/applicants/applicants.csv";
const MAP: &str = "examples/applicants/form.yaml";
const LUCIA: &str = "tests/data/json_resume/lucia_fernandez.resume.json";

#[test]
fn import_writes_one_profile_a_row_and_reports_bad_cells() {
    let r = run(&["import", XLSX, "--mapping", MAP]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let profiles: Vec<vacancy_match::Candidate> = r
        .stdout
        .lines()
        .map(|l| vacancy_match::Candidate::from_json_str(l).unwrap())
        .collect();
    assert_eq!(profiles.len(), 240);
    assert_eq!(profiles[0].id.as_deref(), Some("A-00001"));
    assert!(
        r.stderr.contains(&format!(
            "skipped {XLSX}:Respuestas!244: the mapping's skip_rows\n"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "error: {XLSX}:Respuestas!G17: unknown degree `Masterado`"
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.ends_with(
            "240 applicants read, 5 with cells that could not be read, 1 rows skipped\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn import_into_a_folder_writes_a_yaml_file_per_applicant() {
    let dir = std::env::temp_dir().join(format!("vacancy-match-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = format!("{}/", dir.display());
    let r = run(&["import", CSV, "--mapping", MAP, "-o", &out]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, 240);
    let ana = vacancy_match::Candidate::from_path(dir.join("A-00001.yaml")).unwrap();
    assert_eq!(ana.provenance.unwrap().entries["languages[0]"], "AE3");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn screen_reads_an_export_with_its_mapping() {
    let r = run(&[
        "screen",
        XLSX,
        "--mapping",
        MAP,
        "--as-of",
        "2025-10-01",
        "--format",
        "csv",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    // The header, five records per applicant, and an error record for
    // each of the five rows with a cell that could not be read.
    assert_eq!(lines.len(), 1 + 240 * 5 + 5);
    assert!(
        lines[1].starts_with(&format!("{XLSX}:Respuestas!3,A-00001,")),
        "{}",
        lines[1]
    );
    assert!(r.stdout.contains(&format!("{XLSX}:Respuestas!17,,,,,,,,2025-10-01,,,,\"{XLSX}:Respuestas!G17: unknown degree `Masterado`")), "{}", r.stdout);
    // The CSV of the same cells screens the same.
    let c = run(&[
        "screen",
        CSV,
        "--mapping",
        MAP,
        "--as-of",
        "2025-10-01",
        "--format",
        "csv",
    ]);
    let strip = |text: &str, file: &str| {
        text.replace(&format!("{file}:Respuestas!"), "ROW:")
            .replace(&format!("{file}:"), "ROW:")
            .replace("Respuestas!", "")
    };
    assert_eq!(strip(&r.stdout, XLSX), strip(&c.stdout, CSV));
    // A spreadsheet without a mapping is a usage error, not a bad profile.
    let r = run(&["screen", XLSX]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("needs --mapping"), "{}", r.stderr);
}

#[test]
fn check_reads_a_json_resume_by_its_shape() {
    let r = run(&["check", LUCIA, "--as-of", "2024-01-15"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("Lucía Fernández Ochoa (lucia_fernandez.resume) as of 2024-01-15"),
        "{}",
        r.stdout
    );
    // Domains inferred from a job's description are shown, and only to
    // verify: the resettlement post needs review, not met on the words.
    assert!(
        r.stdout
            .contains("NEEDS REVIEW  71.7/100  unhcr-gt-resettlement-officer-2024"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("· experience[0]: Protection Associate, ACNUR (2019-02-01–ongoing): 5 years, areas inferred from its description (case management, durable solutions, refugee protection), to verify\n"),
        "{}",
        r.stdout
    );
    let r = run(&["check", LUCIA, "--as-of", "2024-01-15", "--format", "json"]);
    assert!(
        r.stdout
            .contains(r#""source": "work[0] (domains inferred from its summary and highlights)""#),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(r#""code": "experience.to_verify""#),
        "{}",
        r.stdout
    );
    let r = run(&["check", LUCIA, "--input-format", "profile"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("unknown field `$schema`"), "{}", r.stderr);
    let r = run(&[
        "screen",
        LUCIA,
        "tests/data/json_resume/marco_tzul.resume.json",
        "--vacancy",
        "iom-gt-operations-assistant-2025",
        "--as-of",
        "2025-10-01",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout.lines().count(), 2);
}

#[test]
fn a_json_resume_read_in_part_is_assessed_and_says_what_was_not_read() {
    let dir = common::scratch("json-resume-in-part");
    let file = dir.join("diplomado.json");
    std::fs::write(
        &file,
        r#"{"basics": {"name": "Ana"}, "work": [{"company": "ACNUR", "startDate": "2019-01", "endDate": "Present"}],
            "education": [{"studyType": "Licenciatura", "area": "Derecho", "endDate": "2015"}, {"studyType": "Diplomado", "area": "Protección"}],
            "languages": [{"language": "English", "fluency": "so-so"}, {"language": "Spanish", "fluency": "Native speaker"}]}"#,
    )
    .unwrap();
    let path = file.display().to_string();
    let r = run(&["check", &path, "--as-of", "2024-01-15"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("warning: {path}: education[1]: unknown degree `Diplomado`, expected one of secondary, post_secondary, bachelor, master, doctorate: education is left not stated, degree requirements to verify\n")),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "warning: {path}: languages[0].fluency: unknown fluency `so-so`"
        )),
        "{}",
        r.stderr
    );
    // Degree requirements are to verify, never failed on the unread degree.
    assert!(
        r.stdout
            .contains("to verify  Education: verify a bachelor's degree"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("· experience[0]: ACNUR (2019-01–ongoing): 5 years"),
        "{}",
        r.stdout
    );
    // `screen` writes an error record naming what was not read, then the
    // résumé's record, as for a spreadsheet row read in part.
    let r = run(&[
        "screen",
        &path,
        "--vacancy",
        "unhcr-gt-resettlement-officer-2024",
        "--as-of",
        "2024-01-15",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let records = common::jsonl(&r.stdout);
    assert_eq!(records.len(), 2, "{}", r.stdout);
    let error = records[0]["error"].as_str().unwrap();
    assert!(
        error.starts_with(&format!("{path}: education[1]: unknown degree `Diplomado`")),
        "{error}"
    );
    assert!(
        error.contains(&format!(
            "; {path}: languages[0].fluency: unknown fluency `so-so`"
        )),
        "{error}"
    );
    assert_eq!(records[1]["verdict"], "needs_review", "{}", r.stdout);
}

#[test]
fn schema_mapping_describes_the_sample_mapping() {
    let r = run(&["schema", "mapping"]);
    assert_eq!(r.code, 0);
    let schema: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(schema["title"], "Mapping");
    let validator = jsonschema::validator_for(&schema).unwrap();
    let sample: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string(format!("{ROOT}/{MAP}")).unwrap()).unwrap();
    assert!(validator.is_valid(&sample));
    let bad: serde_json::Value = serde_json::json!({"languges": []});
    assert!(!validator.is_valid(&bad));
}

#[test]
fn new_mapping_drafts_from_the_header() {
    let r = run(&["new", "mapping", CSV]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let m = vacancy_match::Mapping::from_yaml_str(&r.stdout).unwrap();
    assert!(m.columns().contains(&"Empleo 1 / Cargo"));
    let r = run(&["new", "mapping"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("vacancy-match new mapping SHEET"),
        "{}",
        r.stderr
    );
}

#[test]
fn screen_counts_rows_read_in_part_as_candidates_not_as_unread_inputs() {
    let args = [
        "screen",
        CSV,
        "--mapping",
        MAP,
        "--as-of",
        "2025-10-01",
        "--vacancy",
        "unhcr-gt-resettlement-officer-2024",
    ];
    let r = run(&args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.ends_with(
            "240 candidates, 240 assessments (candidate × vacancy): 0 eligible, 43 need review, \
             197 ineligible; 0 inputs could not be read, 5 assessed without fields that could \
             not be read\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.ends_with(
            "error: 5 of 240 inputs were assessed without the fields that could not be read; \
             an error record before their records names them\n"
        ),
        "{}",
        r.stderr
    );
    assert!(
        !r.stderr.contains("could not be read; their records"),
        "{}",
        r.stderr
    );
    // The shortlist's summary counts the same.
    let mut summary = args.to_vec();
    summary.extend(["--summary", "json"]);
    let r = run(&summary);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let json: serde_json::Value = r
        .stderr
        .lines()
        .find_map(|l| serde_json::from_str(l).ok())
        .unwrap();
    assert_eq!(json["inputs"], 240);
    assert_eq!(json["unreadable"], 0);
    assert_eq!(json["vacancies"][0]["screened"], 240);
}

#[test]
fn an_ambiguous_header_fails_the_import_and_the_draft_flags_it() {
    let dir = common::scratch("ambiguous_header");
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("jobs.csv");
    std::fs::write(
        &sheet,
        "ID;Organización;Fecha de inicio;Organización;Fecha de inicio\na;ACNUR;2019-01;OIM;2021-01\n",
    )
    .unwrap();
    let map = dir.join("m.yaml");
    std::fs::write(
        &map,
        "id: ID\nexperience:\n  - { organization: Organización, start: Fecha de inicio }\n",
    )
    .unwrap();
    let sheet = sheet.to_str().unwrap();
    let r = run(&["import", sheet, "--mapping", map.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("column `Organización` is ambiguous: the header has it in columns B and D"),
        "{}",
        r.stderr
    );
    let draft = run(&["new", "mapping", sheet]);
    assert_eq!(draft.code, 0, "{}", draft.stderr);
    assert!(
        draft.stdout.contains("#   - Organización (columns B, D)\n"),
        "{}",
        draft.stdout
    );
    std::fs::write(&map, &draft.stdout).unwrap();
    let r = run(&["import", sheet, "--mapping", map.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("\"organization\":\"OIM\""),
        "{}",
        r.stdout
    );
}

#[test]
fn new_mapping_prints_a_header_of_control_characters_escaped() {
    let dir = common::scratch("control_header");
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("form.csv");
    std::fs::write(&sheet, "ID,\u{1b}[2Jclear,Nombre\u{202e}\na,x,Ana\n").unwrap();
    let r = run(&["new", "mapping", sheet.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        !r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{202e}'),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("#   - \"\\u001B[2Jclear\"\n"),
        "{}",
        r.stdout
    );
    let m = vacancy_match::Mapping::from_yaml_str(&r.stdout).unwrap();
    assert_eq!(m.columns(), ["ID", "Nombre\u{202e}"]);
}

#[test]
fn a_fixed_domain_the_vocabulary_lacks_is_a_warning_on_import_and_an_error_on_screen() {
    let dir = common::scratch("unknown_domain");
    std::fs::create_dir_all(&dir).unwrap();
    let sheet = dir.join("years.csv");
    std::fs::write(&sheet, "ID,Años\na,4\n").unwrap();
    let map = dir.join("m.yaml");
    std::fs::write(
        &map,
        "id: ID\nexport_date: 2025-09-30\nexperience:\n  - { declared_years: Años, fixed_domains: [protección] }\n",
    )
    .unwrap();
    let (sheet, map) = (sheet.to_str().unwrap(), map.to_str().unwrap());
    let r = run(&["import", sheet, "--mapping", map]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "warning: {map}:4:5: experience[0].fixed_domains[0]: unknown domain `protección`, did you mean"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("`refugee protection`"), "{}", r.stderr);
    let r = run(&["screen", sheet, "--mapping", map]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("experience[0].fixed_domains[0]: unknown domain `protección`"),
        "{}",
        r.stderr
    );
}
