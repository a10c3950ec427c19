//! Applicants from spreadsheet exports: the sample export of
//! `examples/applicants/` (xlsx and CSV of the same cells), the mapping
//! file's checks, every message for a cell that cannot be read, evidence
//! that cites cells, and the same records whatever the row order or file
//! type.

// A panic with a message is a test's failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assess, day, finding, problems, rules};
use proptest::prelude::*;
use vacancy_match::{Applicant, Candidate, Importer, Mapping, Status, Verdict};

const XLSX: &str = "examples/applicants/applicants.xlsx";
const CSV: &str = "examples/applicants/applicants.csv";
const MAP: &str = "examples/applicants/form.yaml";

fn mapping() -> Mapping {
    Mapping::from_path(MAP).expect("the sample mapping loads")
}

fn read(path: &str) -> vacancy_match::Import {
    Importer::new(&mapping())
        .read_path(path)
        .expect("the sample export reads")
}

fn by_id<'a>(applicants: &'a [Applicant], id: &str) -> &'a Applicant {
    applicants
        .iter()
        .find(|a| a.candidate.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("no applicant {id}"))
}

/// A profile without where it came from: what must not depend on the
/// file type or the row order.
fn content(c: &Candidate) -> Candidate {
    let mut c = c.clone();
    c.provenance = None;
    c
}

#[test]
fn every_row_is_an_applicant_and_the_total_row_is_skipped() {
    let import = read(XLSX);
    // 240 applicants; the blank row is no applicant; the total row is
    // skipped and reported.
    assert_eq!(import.applicants.len(), 240);
    assert_eq!(import.skipped, [format!("{XLSX}:Respuestas!244")]);
    assert_eq!(import.applicants[0].source, format!("{XLSX}:Respuestas!3"));
    assert_eq!(
        import.applicants[100].source,
        format!("{XLSX}:Respuestas!104")
    );
}

#[test]
fn every_unreadable_cell_is_reported_where_it_is() {
    let import = read(XLSX);
    let problems: Vec<String> = import
        .applicants
        .iter()
        .flat_map(|a| a.problems.iter().map(ToString::to_string))
        .collect();
    assert_eq!(
        problems,
        [
            format!("{XLSX}:Respuestas!G17: unknown degree `Masterado` in column `Estudio 1 / Grado`, did you mean `master`?"),
            format!("{XLSX}:Respuestas!R40: invalid date `31/02/2019` in column `Empleo 1 / Inicio`, expected a date such as 15/03/2019, 2019-03 or 2019"),
            format!("{XLSX}:Respuestas!AE55: unknown level `Fluidísimo` in column `English level`, did you mean `fluido`?"),
            format!("{XLSX}:Respuestas!AD90: expected a number of years in column `Years of experience in protection`, found `cinco`"),
            format!("{XLSX}:Respuestas!C122: unknown country `Marciana` in column `Nacionalidad / Nationality`, did you mean `Mexicana`?"),
        ]
    );
    // The rest of such a row is read; the list with the bad cell is left
    // not stated rather than read as complete.
    let masterado = by_id(&import.applicants, "A-00015");
    assert!(masterado.candidate.education.is_none());
    assert!(masterado.candidate.languages.is_some());
    let marciana = by_id(&import.applicants, "A-00119");
    assert!(marciana.candidate.nationalities.is_none());
    assert!(marciana.candidate.name.is_some());
}

#[test]
fn xlsx_and_csv_of_the_same_cells_give_the_same_profiles_and_verdicts() {
    let xlsx = read(XLSX);
    let csv = read(CSV);
    assert_eq!(xlsx.applicants.len(), csv.applicants.len());
    let as_of = day("2025-10-01");
    for (a, b) in xlsx.applicants.iter().zip(&csv.applicants) {
        assert_eq!(content(&a.candidate), content(&b.candidate), "{}", a.source);
        let (pa, pb) = (
            a.candidate.provenance.as_ref().unwrap(),
            b.candidate.provenance.as_ref().unwrap(),
        );
        // The same cells: `Respuestas!F17` in the workbook is `F17` in the CSV.
        for (entry, cell) in &pa.entries {
            assert_eq!(
                cell.strip_prefix("Respuestas!"),
                pb.entries.get(entry).map(String::as_str)
            );
        }
        assert_eq!(a.problems.len(), b.problems.len());
        let ra: Vec<(Verdict, f64)> = rules()
            .assess(&a.candidate, as_of)
            .each()
            .iter()
            .map(|x| (x.verdict, x.score))
            .collect();
        let rb: Vec<(Verdict, f64)> = rules()
            .assess(&b.candidate, as_of)
            .each()
            .iter()
            .map(|x| (x.verdict, x.score))
            .collect();
        assert_eq!(ra, rb, "{}", a.source);
    }
}

#[test]
fn verdicts_of_chosen_rows_are_pinned() {
    let import = read(XLSX);
    let as_of = day("2025-10-01");
    let verdict = |id: &str, vacancy: &str| {
        let c = &by_id(&import.applicants, id).candidate;
        rules().assess(c, as_of).one(vacancy).unwrap()
    };
    // Row 25: a psychologist on staff of OIM ("OIM" is IOM) with dated
    // jobs since 2015 and native Spanish: the IOM post's secondary + 4
    // years path.
    let a = verdict("A-00023", "iom-gt-operations-assistant-2025");
    assert_eq!((a.verdict, a.score), (Verdict::Eligible, 90.0));
    // Row 37: a master's and a law degree, English C1, "fluido" Spanish,
    // a national of Mexico with a permit.
    let a = verdict("A-00035", "unhcr-mx-durable-solutions-2017");
    assert_eq!(a.verdict, Verdict::Eligible);
    // Row 74: on staff of ACNUR, nine years of protection declared.
    let a = verdict("A-00072", "unhcr-mx-protection-assistant-2025");
    assert_eq!(a.verdict, Verdict::Eligible);
    // Row 3: a master's of 2019 and one dated job since 2023: short of
    // the experience the resettlement post asks with a master's.
    let a = verdict("A-00001", "unhcr-gt-resettlement-officer-2024");
    assert_eq!(a.verdict, Verdict::Ineligible);
    let education = finding(&a, "education");
    assert_eq!(education.code.as_str(), "education.experience_short");
}

#[test]
fn evidence_cites_the_cell_and_declared_years_say_so() {
    let import = read(XLSX);
    let c = &by_id(&import.applicants, "A-00072").candidate;
    let a = assess(c, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    let english = finding(&a, "english");
    assert_eq!(english.evidence[0].item, "languages[0]");
    assert_eq!(
        english.evidence[0].source.as_deref(),
        Some("Respuestas!AE74")
    );
    let declared = a
        .findings
        .iter()
        .flat_map(|f| &f.evidence)
        .find(|e| e.detail.contains("declared"))
        .expect("the declared years are cited");
    assert_eq!(declared.source.as_deref(), Some("Respuestas!AD74"));
    assert!(
        declared.detail.starts_with(
            "Experience in protection, 9 years declared without dates (2016-10-01–2025-09-30)"
        ),
        "{}",
        declared.detail
    );
    // The report for people shows the cell too.
    assert!(a.to_string().contains("[Respuestas!AE74]"), "{a}");
    let es = rules()
        .assess(c, day("2024-01-15"))
        .lang(vacancy_match::Lang::Es)
        .one("unhcr-gt-resettlement-officer-2024")
        .unwrap();
    assert!(
        es.to_string().contains("9 años declarados sin fechas"),
        "{es}"
    );
}

#[test]
fn empty_cells_are_not_stated_and_zero_years_are_a_fact() {
    let m = Mapping::from_yaml_str(
        "id: ID\nexport_date: 2025-09-30\nexperience:\n  - { declared_years: Years, fixed_domains: [refugee protection] }\nlanguages:\n  - { code: en, level: English }\nattestations: { covid19_vaccination: Vaccinated }\n",
    )
    .unwrap();
    let import = Importer::new(&m)
        .read_csv("f.csv", b"ID,Years,English,Vaccinated\nA,,,\nB,0,C1,No\n")
        .unwrap();
    let [a, b] = &import.applicants[..] else {
        panic!()
    };
    assert!(a.candidate.experience.is_none());
    assert!(a.candidate.languages.is_none());
    assert!(a.candidate.attestations.is_none());
    assert_eq!(b.candidate.experience.as_deref(), Some(&[][..]));
    assert!(!b.candidate.attestations.as_ref().unwrap()["covid19_vaccination"]);
    // Not stated is to verify, never a fail.
    let verdict = |c: &Candidate| {
        let a = assess(c, "unhcr-mx-protection-assistant-2025", "2025-08-01");
        a.findings
            .iter()
            .find(|f| f.requirement == "education")
            .map(|f| f.status)
    };
    assert_eq!(verdict(&a.candidate), Some(Status::Unknown));
}

#[test]
fn every_cell_message_is_pinned() {
    let m = Mapping::from_yaml_str(
        r"
id: ID
nationalities: Nationality
work_authorizations:
  - { country: MX, column: Permit }
education:
  - { degree: Degree, completed: Year, accredited: Accredited }
experience:
  - { title: Job, start: Start, end: End }
  - { declared_years: Years }
languages:
  - { language: Language, level: Level }
export_date: 2025-09-30
",
    )
    .unwrap();
    let csv = "ID,Nationality,Permit,Degree,Year,Accredited,Job,Start,End,Years,Language,Level\n\
               a,Atlantis,quizás,Licensiatura,soon,maybe,Clerk,2020-05,2019-01,70,Klingon,C1\n\
               b,,,,2015,,Clerk,,,,,B2\n";
    let import = Importer::new(&m).read_csv("f.csv", csv.as_bytes()).unwrap();
    let messages: Vec<String> = import
        .applicants
        .iter()
        .flat_map(|a| a.problems.iter().map(ToString::to_string))
        .collect();
    assert_eq!(
        messages,
        [
            "f.csv:B2: unknown country `Atlantis` in column `Nationality`",
            "f.csv:C2: expected yes or no in column `Permit`, found `quizás`",
            "f.csv:D2: unknown degree `Licensiatura` in column `Degree`, did you mean `Licenciatura`?",
            "f.csv:E2: invalid date `soon` in column `Year`, expected a date such as 15/03/2019, 2019-03 or 2019",
            "f.csv:F2: expected yes or no in column `Accredited`, found `maybe`",
            "f.csv:I2: end 2019-01 is before start 2020-05",
            "f.csv:J2: 70 years in column `Years` is longer than a working life (at most 60)",
            "f.csv:K2: unknown language `Klingon` in column `Language`",
            "f.csv:E3: a degree needs its level: column `Degree` is empty",
            "f.csv:G3: a job needs its start: column `Start` is empty",
            "f.csv:L3: a level without its language: column `Language` is empty",
        ]
    );
    let [a, _] = &import.applicants[..] else {
        panic!()
    };
    assert_eq!(a.candidate.id.as_deref(), Some("a"));
    assert!(a.candidate.education.is_none() && a.candidate.experience.is_none());
}

#[test]
fn mapping_files_are_checked_like_rule_files() {
    let messages = |yaml: &str| problems(&Mapping::from_yaml_str(yaml).unwrap_err());
    assert_eq!(
        messages("languges: []\n"),
        ["line 1:1: languges: unknown field `languges`, did you mean `languages`?"]
    );
    assert_eq!(
        messages("experience:\n  - { title: Job }\n  - { start: S, declared_years: Y }\nexport_date: 30/09/2025\nlanguages:\n  - { code: xx, level: L }\n  - { list: Other, level: L }\n"),
        [
            "line 4:1: export_date: invalid date `30/09/2025`, expected YYYY-MM-DD",
            "line 6:5: languages[0].code: unknown language `xx`, expected an ISO 639 code or a name",
            "line 7:5: languages[1].level: a `list` of languages has no level column",
            "line 2:5: experience[0]: expected `start` (a dated job) or `declared_years` (years without dates)",
            "line 3:5: experience[1]: expected `start` or `declared_years`, not both",
        ]
    );
    let err = Mapping::from_path("examples/applicants/no_such.yaml").unwrap_err();
    assert!(
        err.to_string()
            .starts_with("examples/applicants/no_such.yaml: "),
        "{err}"
    );
}

#[test]
fn an_export_that_does_not_fit_the_mapping_is_refused_with_every_reason() {
    let m = Mapping::from_yaml_str("sheet: Respuesta\nname: Nombre\n").unwrap();
    let err = Importer::new(&m).read_path(XLSX).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{XLSX}: no sheet `Respuesta`, did you mean `Respuestas`?")
    );
    let m = Mapping::from_yaml_str("header_rows: 2\nname: Nombre\nskills: Skils\nexperience:\n  - { declared_years: Years of experience in protection }\n").unwrap();
    let err = Importer::new(&m).read_path(CSV).unwrap_err();
    let problems = problems(&err);
    assert_eq!(
        problems,
        [
            format!("{CSV}:1: no column `Nombre` in the header, did you mean `Nombre completo`?"),
            format!("{CSV}:1: no column `Skils` in the header, did you mean `Skills`?"),
        ]
    );
    let m = Mapping::from_yaml_str(
        "header_rows: 2\nexperience:\n  - { declared_years: Years of experience in protection }\n",
    )
    .unwrap();
    let err = Importer::new(&m).read_path(CSV).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{CSV}: the mapping reads years of experience without dates, which needs the export date: set `export_date` in the mapping or give it (--export-date)")
    );
    let err = Importer::new(&m).read_path("README.md").unwrap_err();
    assert_eq!(
        err.to_string(),
        "README.md: unknown spreadsheet type, expected a file ending in .xlsx, .ods, .xls or .csv"
    );
}

#[test]
fn the_audit_digest_covers_the_source_row() {
    let m =
        Mapping::from_yaml_str("id: ID\nlanguages:\n  - { code: en, level: English }\n").unwrap();
    let read = |csv: &str| {
        Importer::new(&m)
            .read_csv("f.csv", csv.as_bytes())
            .unwrap()
            .applicants
            .remove(0)
            .candidate
    };
    // The same profile, from rows that differ in a column the mapping
    // does not read: the digest tells them apart.
    let a = read("ID,English,Notes\nx,C1,first\n");
    let b = read("ID,English,Notes\nx,C1,second\n");
    assert_eq!(a.languages, b.languages);
    let digest = |c: &Candidate| {
        rules().assess(c, day("2025-01-01")).each()[0]
            .audit
            .candidate_sha256
            .clone()
    };
    assert_ne!(digest(&a), digest(&b));
    assert_eq!(digest(&a), digest(&read("ID,English,Notes\nx,C1,first\n")));
}

#[test]
fn a_drafted_mapping_is_a_valid_mapping_that_reads_the_export() {
    let yaml = vacancy_match::draft_mapping(XLSX).unwrap();
    assert!(
        yaml.contains("# TODO: years without dates end on the export date"),
        "{yaml}"
    );
    let m = Mapping::from_yaml_str(&yaml).unwrap();
    for column in [
        "ID",
        "Nombre completo",
        "Nacionalidad / Nationality",
        "Estudio 1 / Grado",
        "Empleo 2 / Inicio",
        "English level",
        "Vacunado COVID-19",
    ] {
        assert!(
            m.columns().contains(&column),
            "{column} not placed:\n{yaml}"
        );
    }
    let import = Importer::new(&m)
        .export_date(day("2025-09-30"))
        .read_path(XLSX)
        .unwrap();
    assert_eq!(import.applicants.len(), 241); // no skip_rows: the total row is read too
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any text under the sample's header is read without a panic, and
    /// every row that is not blank is an applicant (or the skipped total).
    #[test]
    fn no_row_is_dropped_whatever_the_cells(rows in proptest::collection::vec(proptest::collection::vec("[ -~áéíóúñ;]{0,12}", 0..40), 0..12)) {
        let text = std::fs::read_to_string(CSV).unwrap();
        let header: Vec<&str> = text.lines().take(2).collect();
        let mut csv = header.join("\n");
        let mut expected = 0;
        for cells in &rows {
            let line: Vec<String> = cells.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
            if cells.iter().any(|c| !c.trim().is_empty()) {
                expected += 1;
            }
            csv.push('\n');
            csv.push_str(&line.join(","));
        }
        let import = Importer::new(&mapping()).read_csv("fuzz.csv", csv.as_bytes()).unwrap();
        prop_assert_eq!(import.applicants.len() + import.skipped.len(), expected);
        for a in &import.applicants {
            for p in &a.problems {
                prop_assert!(p.to_string().starts_with("fuzz.csv:"), "{}", p);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Shuffling the rows of the export changes nothing but their order.
    #[test]
    fn shuffling_rows_changes_only_the_order(seed in any::<u64>()) {
        let text = std::fs::read_to_string(CSV).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        let header: Vec<&str> = lines.drain(..2).collect();
        let mut rng = seed;
        for i in (1..lines.len()).rev() {
            rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let j = (rng >> 33) as usize % (i + 1);
            lines.swap(i, j);
        }
        let shuffled = [header, lines].concat().join("\n");
        let m = mapping();
        let original = Importer::new(&m).read_csv("a.csv", text.as_bytes()).unwrap();
        let moved = Importer::new(&m).read_csv("a.csv", shuffled.as_bytes()).unwrap();
        prop_assert_eq!(original.applicants.len(), moved.applicants.len());
        prop_assert_eq!(original.skipped.len(), moved.skipped.len());
        let as_of = day("2025-10-01");
        for a in &original.applicants {
            let b = by_id(&moved.applicants, a.candidate.id.as_deref().unwrap());
            prop_assert_eq!(content(&a.candidate), content(&b.candidate));
            let problems = |x: &Applicant| x.problems.iter().map(|p| p.to_string().split_once(": ").map(|s| s.1.to_string()).unwrap()).collect::<Vec<_>>();
            prop_assert_eq!(problems(a), problems(b));
            let verdicts = |c: &Candidate| rules().assess(c, as_of).each().iter().map(|x| (x.vacancy.clone(), x.verdict, x.score)).collect::<Vec<_>>();
            prop_assert_eq!(verdicts(&a.candidate), verdicts(&b.candidate));
        }
    }
}

/// The sample export is what `examples/make_export.rs` writes: the CSV
/// byte for byte, the workbook cell for cell.
#[test]
fn the_sample_export_is_what_its_generator_writes() {
    let dir = std::env::temp_dir().join(format!("vacancy-match-export-{}", std::process::id()));
    let status = std::process::Command::new(env!("CARGO"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "--example", "make_export", "--"])
        .arg(&dir)
        .status()
        .expect("cargo runs");
    assert!(status.success());
    let written = std::fs::read_to_string(dir.join("applicants.csv")).unwrap();
    assert_eq!(written, std::fs::read_to_string(CSV).unwrap());
    let fresh = Importer::new(&mapping())
        .read_path(dir.join("applicants.xlsx"))
        .unwrap();
    let committed = read(XLSX);
    assert_eq!(fresh.applicants.len(), committed.applicants.len());
    for (a, b) in fresh.applicants.iter().zip(&committed.applicants) {
        assert_eq!(a.candidate, b.candidate);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_language_asked_by_its_own_column_and_left_empty_is_to_verify() {
    let m = Mapping::from_yaml_str(
        "id: ID\nlanguages:\n  - { code: en, level: English }\n  - { code: es, level: Spanish }\n",
    )
    .unwrap();
    let import = Importer::new(&m)
        .read_csv("f.csv", b"ID,English,Spanish\na,,Nativo\nb,,\n")
        .unwrap();
    let [a, b] = &import.applicants[..] else {
        panic!()
    };
    let english = a
        .candidate
        .languages
        .as_ref()
        .unwrap()
        .iter()
        .find(|l| l.language.code() == "en")
        .unwrap();
    assert!(english.level.is_none());
    assert!(b.candidate.languages.is_none());
    let assessment = assess(
        &a.candidate,
        "unhcr-mx-protection-assistant-2025",
        "2025-08-01",
    );
    let finding = finding(&assessment, "english");
    assert_eq!(finding.status, Status::Unknown);
}

#[test]
fn a_few_declared_days_are_a_valid_period_and_less_than_a_day_is_a_located_error() {
    let m = Mapping::from_yaml_str(
        "id: ID\nexport_date: 2025-09-30\nexperience:\n  - { declared_years: Years, fixed_domains: [refugee protection] }\n",
    )
    .unwrap();
    let import = Importer::new(&m)
        .read_csv("y.csv", b"ID,Years\na,0.04\nb,0\nc,0.0001\n")
        .unwrap();
    let [a, b, c] = &import.applicants[..] else {
        panic!()
    };
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    let period = &a.candidate.experience.as_ref().unwrap()[0];
    assert_eq!(period.start.to_string(), "2025-09-16");
    assert_eq!(period.end.unwrap().to_string(), "2025-09-30");
    assert_eq!(period.declared_years, Some(0.04));
    // The profile written is one `check` reads back.
    let yaml = serde_yaml::to_string(&a.candidate).unwrap();
    Candidate::from_yaml_str(&yaml).unwrap();
    // 0 is a stated fact: no such experience.
    assert!(b.problems.is_empty());
    assert_eq!(b.candidate.experience.as_deref(), Some(&[][..]));
    // Less than a day is no figure to count: the cell, not a guess.
    let messages: Vec<String> = c.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        ["y.csv:B4: 0.0001 years in column `Years` is less than a day: write 0 for no such experience"]
    );
    assert!(c.candidate.experience.is_none());
}

#[test]
fn an_affiliate_column_makes_a_unops_contract_serving_unhcr_internal() {
    let m = Mapping::from_yaml_str("id: ID\nstaff_of: Current employer\naffiliate_of: Serving\n")
        .unwrap();
    let import = Importer::new(&m)
        .read_csv(
            "f.csv",
            b"ID,Current employer,Serving\na,UNOPS,UNHCR\nb,UNOPS,\n",
        )
        .unwrap();
    let [a, b] = &import.applicants[..] else {
        panic!()
    };
    assert_eq!(
        a.candidate.staff_of.as_deref(),
        Some(&["UNOPS".to_string()][..])
    );
    assert_eq!(
        a.candidate.affiliate_of.as_deref(),
        Some(&["UNHCR".to_string()][..])
    );
    let provenance = a.candidate.provenance.as_ref().unwrap();
    assert_eq!(provenance.entries["affiliate_of[0]"], "C2");
    assert!(b.candidate.affiliate_of.is_none());
    let internal = |c: &Candidate| {
        finding(
            &assess(c, "unhcr-mx-protection-assistant-2025", "2025-08-01"),
            "internal_unhcr",
        )
        .status
    };
    assert_eq!(internal(&a.candidate), Status::Met);
    assert_ne!(internal(&b.candidate), Status::Met);
}

#[test]
fn a_header_two_columns_have_is_an_error_naming_both_and_header_k_picks_one() {
    let csv = "ID;id;Organización;Fecha de inicio;Fecha de fin;Organización;Fecha de inicio;Fecha de fin\n\
               a;x;ACNUR;2019-01;2020-12;OIM;2021-01;2023-06\n";
    let ambiguous = Mapping::from_yaml_str(
        "id: ID\nexperience:\n  - { organization: Organización, start: Fecha de inicio, end: Fecha de fin }\n",
    )
    .unwrap();
    let err = Importer::new(&ambiguous)
        .read_csv("f.csv", csv.as_bytes())
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            "f.csv:1: column `ID` is ambiguous: the header has it in columns A and B (case and spaces ignored); name one as `ID#1` or `ID#2`",
            "f.csv:1: column `Organización` is ambiguous: the header has it in columns C and F (case and spaces ignored); name one as `Organización#1` or `Organización#2`",
            "f.csv:1: column `Fecha de inicio` is ambiguous: the header has it in columns D and G (case and spaces ignored); name one as `Fecha de inicio#1` or `Fecha de inicio#2`",
            "f.csv:1: column `Fecha de fin` is ambiguous: the header has it in columns E and H (case and spaces ignored); name one as `Fecha de fin#1` or `Fecha de fin#2`",
        ]
    );
    let picked = Mapping::from_yaml_str(
        "id: ID#1\nexperience:\n  - { organization: Organización#1, start: Fecha de inicio#1, end: Fecha de fin#1 }\n  - { organization: Organización#2, start: \"Fecha de inicio #2\", end: fecha de fin#2 }\n",
    )
    .unwrap();
    let import = Importer::new(&picked)
        .read_csv("f.csv", csv.as_bytes())
        .unwrap();
    let a = &import.applicants[0];
    assert!(a.problems.is_empty(), "{:?}", a.problems);
    assert_eq!(a.candidate.id.as_deref(), Some("a"));
    let jobs = a.candidate.experience.as_ref().unwrap();
    let orgs: Vec<_> = jobs.iter().map(|p| p.organization.as_deref()).collect();
    assert_eq!(orgs, [Some("ACNUR"), Some("OIM")]);
    assert_eq!(jobs[1].start.to_string(), "2021-01");
    let provenance = a.candidate.provenance.as_ref().unwrap();
    assert_eq!(provenance.entries["experience[1]"], "G2");
    let beyond = Mapping::from_yaml_str("id: ID#3\nname: Fecha de fin#1x\n").unwrap();
    let err = Importer::new(&beyond)
        .read_csv("f.csv", csv.as_bytes())
        .unwrap_err();
    assert_eq!(
        problems(&err),
        [
            "f.csv:1: no column `ID#3`: the header has only 2 such columns (A and B), not 3",
            "f.csv:1: no column `Fecha de fin#1x` in the header, did you mean `Fecha de fin`?",
        ]
    );
}

#[test]
fn a_date_that_could_be_day_or_month_first_needs_the_order_stated() {
    let csv = "ID,Start\na,4/1/2017\nb,25/03/2019\nc,03/25/2019\n";
    let read = |yaml: &str| {
        let m = Mapping::from_yaml_str(yaml).unwrap();
        Importer::new(&m).read_csv("f.csv", csv.as_bytes()).unwrap()
    };
    let starts = |import: &vacancy_match::Import| -> Vec<Option<String>> {
        import
            .applicants
            .iter()
            .map(|a| {
                a.candidate
                    .experience
                    .as_ref()
                    .map(|e| e[0].start.to_string())
            })
            .collect()
    };
    let unstated = read("id: ID\nexperience:\n  - { start: Start }\n");
    assert_eq!(
        unstated.applicants[0].problems[0].to_string(),
        "f.csv:B2: ambiguous date `4/1/2017` in column `Start`: day 4 of month 1, or month 4 day 1? state the order in the mapping: `slash_dates: day_first` or `slash_dates: month_first`"
    );
    // Never a guess: the job is not stated, so what needs it is to verify.
    assert_eq!(
        starts(&unstated),
        [None, Some("2019-03-25".into()), Some("2019-03-25".into())]
    );
    let day_first = read("id: ID\nslash_dates: day_first\nexperience:\n  - { start: Start }\n");
    assert_eq!(starts(&day_first)[0].as_deref(), Some("2017-01-04"));
    assert_eq!(
        day_first.applicants[2].problems.len(),
        1,
        "03/25 is no day-first date"
    );
    let month_first = read("id: ID\nslash_dates: month_first\nexperience:\n  - { start: Start }\n");
    assert_eq!(starts(&month_first)[0].as_deref(), Some("2017-04-01"));
}
