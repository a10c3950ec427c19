//! JSON Resume documents as profiles: the ten of `tests/data/json_resume/`
//! and the official samples of the schema, what is read and what stays
//! unknown, domains inferred only through the vocabulary, and every
//! message for what cannot be read.

// A panic with a message is a test's failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{assess, finding, problems, rules};
use vacancy_match::{is_json_resume, Candidate, Cefr, DegreeLevel, ResumeReader, Status, Verdict};

const OURS: &str = "tests/data/json_resume";
/// The official schema and samples, beside the project.
const EXT: &str = "../shared/ext/jsonresume-schema-1.3.1";

fn resumes(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".json"))
        .collect();
    files.sort();
    files
}

fn read(name: &str) -> Candidate {
    ResumeReader::new()
        .infer_domains(rules().vocabulary())
        .read_path(Path::new(OURS).join(name))
        .unwrap()
}

#[test]
fn the_ten_resumes_are_read_and_each_entry_knows_its_path() {
    let files = resumes(OURS);
    assert_eq!(files.len(), 10);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            is_json_resume(&serde_json::from_str(&text).unwrap()),
            "{}",
            file.display()
        );
        let cv = ResumeReader::new()
            .infer_domains(rules().vocabulary())
            .read_path(&file)
            .unwrap();
        assert!(cv.name.is_some(), "{}", file.display());
        // What JSON Resume cannot say stays unknown.
        assert!(cv.nationalities.is_none() && cv.work_authorizations.is_none());
        assert!(cv.staff_of.is_none() && cv.attestations.is_none());
        let p = cv.provenance.as_ref().unwrap();
        let counted = cv.experience.as_ref().map_or(0, Vec::len)
            + cv.education.as_ref().map_or(0, Vec::len)
            + cv.languages.as_ref().map_or(0, Vec::len)
            + cv.certifications.as_ref().map_or(0, Vec::len)
            + cv.skills.as_ref().map_or(0, Vec::len);
        assert_eq!(p.entries.len(), counted, "{}", file.display());
        assert_eq!(p.record_sha256.as_ref().map(String::len), Some(64));
    }
}

#[test]
fn the_official_samples_are_read() {
    let mut files = resumes(&format!("{EXT}/examples"));
    files.push(PathBuf::from(format!("{EXT}/sample.resume.json")));
    assert_eq!(files.len(), 4);
    for file in &files {
        let cv = ResumeReader::new().read_path(file).unwrap();
        assert!(
            cv.experience.as_ref().is_some_and(|e| !e.is_empty()),
            "{}",
            file.display()
        );
        let english = cv
            .languages
            .as_ref()
            .unwrap()
            .iter()
            .find(|l| l.language.code() == "en")
            .unwrap();
        assert_eq!(
            english.level.as_ref().map(|l| l.cefr()),
            Some(Cefr::C2),
            "{}",
            file.display()
        );
    }
    let changer = ResumeReader::new()
        .read_path(format!("{EXT}/examples/career-changer.resume.json"))
        .unwrap();
    // "Associate of Applied Science": post-secondary.
    assert_eq!(
        changer.education.unwrap()[0].degree,
        DegreeLevel::PostSecondary
    );
    let senior = ResumeReader::new()
        .read_path(format!("{EXT}/examples/senior-engineer.resume.json"))
        .unwrap();
    let levels: Vec<(&str, Cefr)> = senior
        .languages
        .as_ref()
        .unwrap()
        .iter()
        .map(|l| (l.language.code(), l.level.as_ref().unwrap().cefr()))
        .collect();
    assert_eq!(
        levels,
        [("en", Cefr::C2), ("es", Cefr::C1), ("pt", Cefr::B2)]
    );
    assert_eq!(
        senior.education.as_ref().unwrap()[0].degree,
        DegreeLevel::Doctorate
    );
    // An ongoing job has no end.
    assert!(senior.experience.as_ref().unwrap()[0].end.is_none());
    // A profile is not taken for a JSON Resume.
    for file in resumes("examples/candidates") {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !is_json_resume(&serde_json::from_str(&text).unwrap()),
            "{}",
            file.display()
        );
    }
}

#[test]
fn fields_the_engine_uses_are_read() {
    let cv = read("lucia_fernandez.resume.json");
    assert_eq!(cv.id.as_deref(), Some("lucia_fernandez.resume"));
    let degree = &cv.education.as_ref().unwrap()[0];
    assert_eq!(degree.degree, DegreeLevel::Bachelor);
    assert_eq!(
        degree.field.as_deref(),
        Some("Ciencias Jurídicas y Sociales")
    );
    assert_eq!(
        degree.completed.map(|d| d.to_string()).as_deref(),
        Some("2015-11")
    );
    let jobs = cv.experience.as_ref().unwrap();
    assert_eq!(jobs[0].organization.as_deref(), Some("ACNUR"));
    assert_eq!(
        jobs[0].domains.as_deref(),
        Some(
            &[
                "case management".to_string(),
                "durable solutions".into(),
                "refugee protection".into()
            ][..]
        )
    );
    assert_eq!(jobs[1].start.to_string(), "2016-03");
    assert_eq!(
        cv.certifications.as_ref().unwrap()[0].name,
        "Protection Learning Programme"
    );
    assert_eq!(
        cv.skills.as_deref(),
        Some(
            &[
                "Office".to_string(),
                "MS Office".into(),
                "ProGres".into(),
                "Resettlement".into()
            ][..]
        )
    );
    let p = cv.provenance.as_ref().unwrap();
    assert_eq!(p.document, "lucia_fernandez.resume.json");
    assert_eq!(p.entries["skills[2]"], "skills[0].keywords[1]");
    // A negated domain is not inferred: "no resettlement work".
    let ana = read("ana_sofia_paredes.resume.json");
    assert_eq!(
        ana.experience.unwrap()[0].domains.as_deref(),
        Some(&["migration".to_string()][..])
    );
    // A degree without an end date: completion not stated.
    let luis = read("luis_garcia.resume.json");
    assert!(luis.education.unwrap()[0].completed.is_none());
}

#[test]
fn verdicts_are_pinned_and_evidence_cites_the_path() {
    let cv = read("lucia_fernandez.resume.json");
    let a = assess(&cv, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    // Met on all the CV says. JSON Resume cannot declare a vaccination,
    // a condition of appointment: shown to confirm, not in the verdict.
    assert_eq!(a.verdict, Verdict::Eligible, "{a}");
    assert!(a.to_verify().is_empty());
    let covid = finding(&a, "covid19_vaccination");
    assert_eq!(covid.status, Status::Unknown);
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.status, Status::Met);
    assert_eq!(
        protection.evidence[0].source.as_deref(),
        Some("work[0] (domains inferred from its summary and highlights)")
    );
    let carmen = read("carmen_ruiz.resume.json");
    let a = assess(&carmen, "unhcr-americas-cpa-consultant-2025", "2025-01-10");
    assert_eq!(a.verdict, Verdict::Eligible, "{a}");
    let daniel = read("daniel_okafor.resume.json");
    let a = assess(&daniel, "unhcr-mx-durable-solutions-2017", "2017-03-01");
    // A bachelor's completed in 2024 does not count in 2017.
    assert_eq!(a.verdict, Verdict::Ineligible, "{a}");
}

#[test]
fn without_inference_the_report_says_domains_are_not_stated() {
    let cv = ResumeReader::new()
        .read_path(Path::new(OURS).join("lucia_fernandez.resume.json"))
        .unwrap();
    let a = assess(&cv, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.status, Status::Unknown);
    assert!(
        protection
            .evidence
            .iter()
            .any(|e| e.detail.contains("domains not stated")),
        "{a}"
    );
    assert_eq!(protection.evidence[0].source.as_deref(), Some("work[0]"));
}

#[test]
fn every_message_is_pinned() {
    let messages =
        |text: &str| problems(&ResumeReader::new().read_str(text, "cv.json").unwrap_err());
    assert_eq!(
        messages(
            r#"{"work": [{"name": "A", "startDate": "2020-13"}, {"name": "B"}, {"name": "C", "startDate": "2021-05", "endDate": "2020-01"}], "basics": {"name": 7}}"#
        ),
        [
            "basics.name: expected a string, found a number",
            "work[0].startDate: invalid date `2020-13`: month 13 does not exist",
            "work[1].startDate: missing: experience is counted from dated periods",
            "work[2].endDate: end 2020-01 is before start 2021-05",
        ]
    );
    assert_eq!(
        messages(r#"{"education": [{"area": "Law"}, {"studyType": "Masterado"}], "languages": [{"language": "Klingon"}, {"language": "English", "fluency": "so-so"}], "skills": {"name": "x"}}"#),
        [
            "education[0].studyType: missing: a degree needs its level",
            "education[1].studyType: unknown degree `Masterado`, did you mean `master`?",
            "languages[1].fluency: unknown fluency `so-so`, expected a CEFR level (A1 to C2) or a descriptor such as `Native speaker`, `Fluent` or `Professional working proficiency`",
            "skills: expected an array, found an object",
        ]
    );
    // A language the table lacks is left out, and the profile says so.
    let cv = ResumeReader::new()
        .read_str(
            r#"{"languages": [{"language": "Klingon", "fluency": "Fluent"}, {"language": "es"}]}"#,
            "cv.json",
        )
        .unwrap();
    assert_eq!(cv.languages.as_ref().map(Vec::len), Some(1));
    let entries = &cv.provenance.unwrap().entries;
    assert_eq!(
        entries["not read: languages[0]"],
        "`Klingon` is not in the table of languages"
    );
    assert_eq!(entries["languages[0]"], "languages[1]");
    assert_eq!(messages("[1]"), ["expected a JSON Resume object"]);
    assert_eq!(
        messages("{\n  \"basics\": ,\n}"),
        ["line 2:13: expected value"]
    );
    let err = ResumeReader::new()
        .read_path("tests/data/json_resume/none.json")
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("tests/data/json_resume/none.json: "),
        "{err}"
    );
}
