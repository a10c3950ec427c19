//! JSON Resume documents as profiles: the ten of `tests/data/json_resume/`
//! and the official samples of the schema, what is read and what stays
//! unknown, domains inferred only through the vocabulary and only ever to
//! verify, what is read in part (and noted), and every message for what
//! cannot be read.

// A panic with a message is a test's failure report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{assess, finding, problems, rules};
use vacancy_match::{
    is_json_resume, Candidate, Cefr, Code, Completion, DegreeLevel, Lang, ResumeReader, Status,
    Verdict,
};

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

/// A résumé read with the bundled vocabulary's domain inference.
fn read_text(text: &str) -> Candidate {
    ResumeReader::new()
        .infer_domains(rules().vocabulary())
        .read_str(text, "cv.json")
        .unwrap()
}

#[test]
fn verdicts_are_pinned_and_evidence_cites_the_path() {
    let cv = read("lucia_fernandez.resume.json");
    let a = assess(&cv, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    // Met on all the CV states; its jobs' domains are inferred from their
    // descriptions, so the experience they show is for a person to
    // verify, never met on the words alone. JSON Resume cannot declare a
    // vaccination, a condition of appointment: shown to confirm, not in
    // the verdict.
    assert_eq!(a.verdict, Verdict::NeedsReview, "{a}");
    assert_eq!(
        a.to_verify()
            .iter()
            .map(|f| f.requirement.as_str())
            .collect::<Vec<_>>(),
        [
            "refugee_protection_experience",
            "case_management_experience"
        ],
        "{a}"
    );
    let covid = finding(&a, "covid19_vaccination");
    assert_eq!(covid.status, Status::Unknown);
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.status, Status::Unknown);
    assert_eq!(protection.code, Code::ExperienceToVerify);
    assert_eq!(
        protection.evidence[0].source.as_deref(),
        Some("work[0] (domains inferred from its summary and highlights)")
    );
    assert_eq!(
        protection.evidence[0].detail,
        "Protection Associate, ACNUR (2019-02-01–ongoing): 5 years, areas inferred from its description (case management, durable solutions, refugee protection), to verify"
    );
    let carmen = read("carmen_ruiz.resume.json");
    let a = assess(&carmen, "unhcr-americas-cpa-consultant-2025", "2025-01-10");
    assert_eq!(a.verdict, Verdict::NeedsReview, "{a}");
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
            r#"{"work": [{"name": "A", "startDate": "2020-13"}, {"name": "B"}, {"name": "C", "startDate": "2021-05", "endDate": "2020-01"}, {"name": "D", "startDate": "Present"}], "basics": {"name": 7}}"#
        ),
        [
            "basics.name: expected a string, found a number",
            "work[0].startDate: invalid date `2020-13`: month 13 does not exist",
            "work[1].startDate: missing: experience is counted from dated periods",
            "work[2].endDate: end 2020-01 is before start 2021-05",
            "work[3].startDate: `Present` is not a start date: experience is counted from dated periods",
        ]
    );
    // An unreadable degree or fluency is noted, not an error (see
    // what_cannot_be_used_is_noted_and_left_to_verify).
    assert_eq!(
        messages(
            r#"{"education": [{"area": "Law"}, {"studyType": "Masterado"}], "languages": [{"language": "Klingon"}, {"language": "English", "fluency": "so-so"}], "skills": {"name": "x"}}"#
        ),
        ["skills: expected an array, found an object"]
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

/// A software engineer whose descriptions name domains in other senses.
const ENGINEER: &str = r#"{"basics": {"name": "Kevin"}, "work": [
    {"name": "Salesforce", "position": "Software Engineer", "startDate": "2015-01", "endDate": "2023-12",
     "summary": "Built the Service Cloud case management module."},
    {"name": "Acme", "position": "Developer", "startDate": "2012-01", "endDate": "2014-12",
     "highlights": ["Database migration tooling"]}
]}"#;

#[test]
fn inferred_domains_are_only_ever_to_verify() {
    let cv = read_text(ENGINEER);
    let jobs = cv.experience.as_ref().unwrap();
    assert!(jobs.iter().all(|p| p.domains_inferred));
    // "case management module" is not casework: never met on the words.
    let a = assess(&cv, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    let casework = finding(&a, "case_management_experience");
    assert_eq!(casework.status, Status::Unknown, "{a}");
    assert_eq!(casework.code, Code::ExperienceToVerify);
    assert_eq!(
        casework.evidence[0].detail,
        "Software Engineer, Salesforce (2015-01–2023-12): 9 years, areas inferred from its description (case management), to verify"
    );
    // The domain that matched is still shown, for the reviewer.
    let matched = casework.evidence[0].matched.as_ref().unwrap();
    assert_eq!(matched.found, "case management");
    // A description that names no domain of a closed list ("migration"
    // for refugee protection, no "or related") is not a fail either.
    let closed = vacancy_match::RuleSet::from_yaml_str(
        "id: closed\ntitle: T\norganization: UNHCR\nduty_station: { country: MX }\nrequirements:\n  - { id: protection, kind: experience, source: 2 years in refugee protection, years: 2, domains: [refugee protection] }\n",
    )
    .unwrap();
    let day = "2024-01-15".parse().unwrap();
    let a = closed.assess(&cv, day).one("closed").unwrap();
    let protection = finding(&a, "protection");
    assert_eq!(protection.status, Status::Unknown, "{a}");
    assert_eq!(a.verdict, Verdict::NeedsReview);
    assert_eq!(
        protection.evidence[1].detail,
        "Developer, Acme (2012-01–2014-12): 3 years, areas inferred from its description (migration), to verify"
    );
    // In Spanish, with the vocabulary's Spanish names.
    let es = closed
        .assess(&cv, day)
        .lang(Lang::Es)
        .one("closed")
        .unwrap();
    assert_eq!(
        finding(&es, "protection").evidence[1].detail,
        "Developer, Acme (2012-01–2014-12): 3 años, áreas deducidas de su descripción (migración), por verificar"
    );
    // The same jobs with the domains stated: met and not met as before.
    let mut stated = cv.clone();
    for job in stated.experience.iter_mut().flatten() {
        job.domains_inferred = false;
    }
    let a = assess(&stated, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    assert_eq!(
        finding(&a, "case_management_experience").status,
        Status::Met
    );
    let a = closed.assess(&stated, day).one("closed").unwrap();
    assert_eq!(finding(&a, "protection").status, Status::NotMet);
}

#[test]
fn a_skill_shown_only_by_an_inferred_domain_is_to_verify() {
    let profile = |inferred: bool| {
        Candidate::from_yaml_str(&format!(
            "skills: [Excel]\nexperience:\n  - {{ start: 2015-01, end: 2023-12, domains: [resettlement], domains_inferred: {inferred} }}\n"
        ))
        .unwrap()
    };
    let a = assess(
        &profile(true),
        "unhcr-gt-resettlement-officer-2024",
        "2024-01-15",
    );
    let skill = finding(&a, "resettlement_repatriation_skill");
    assert_eq!(skill.status, Status::Unknown, "{a}");
    assert_eq!(skill.code, Code::SkillToVerify);
    assert_eq!(
        skill.message,
        "experience in resettlement, an area inferred from its description, to verify"
    );
    assert_eq!(skill.evidence[0].item, "experience[0]");
    let a = assess(
        &profile(false),
        "unhcr-gt-resettlement-officer-2024",
        "2024-01-15",
    );
    let skill = finding(&a, "resettlement_repatriation_skill");
    assert_eq!(skill.status, Status::Met);
    assert_eq!(skill.message, "evidenced by experience in resettlement");
    // The field is part of the profile format, written only when set.
    let json = serde_json::to_string(&profile(true).experience.unwrap()[0]).unwrap();
    assert!(json.contains(r#""domains_inferred":true"#), "{json}");
    let json = serde_json::to_string(&profile(false).experience.unwrap()[0]).unwrap();
    assert!(!json.contains("domains_inferred"), "{json}");
}

#[test]
fn what_cannot_be_used_is_noted_and_left_to_verify() {
    let cv = read_text(
        r#"{"education": [
            {"studyType": "Licenciatura", "area": "Derecho", "endDate": "2015"},
            {"studyType": "Diplomado", "area": "Protección internacional"},
            {"institution": "Coursera", "area": "Data science"}
        ], "languages": [
            {"language": "English", "fluency": "so-so"},
            {"language": "Spanish", "fluency": "Native speaker"}
        ]}"#,
    );
    // An unreadable degree may be a real one: the list is not stated,
    // not the other degrees as if complete.
    assert!(cv.education.is_none());
    let entries = &cv.provenance.as_ref().unwrap().entries;
    assert!(!entries.contains_key("education[0]"));
    assert_eq!(
        entries["not read: education[1]"],
        "unknown degree `Diplomado`, expected one of secondary, post_secondary, bachelor, master, doctorate: education is left not stated, degree requirements to verify"
    );
    assert_eq!(
        entries["not read: education[2]"],
        "no `studyType`, so no degree level: education is left not stated, degree requirements to verify"
    );
    // A fluency that is no level: the language is kept, its level not stated.
    let languages = cv.languages.as_ref().unwrap();
    assert_eq!(languages[0].language.code(), "en");
    assert!(languages[0].level.is_none());
    assert_eq!(entries["languages[0]"], "languages[0]");
    assert_eq!(
        entries["not read: languages[0].fluency"],
        "unknown fluency `so-so`, expected a CEFR level (A1 to C2) or a descriptor such as `Native speaker`, `Fluent` or `Professional working proficiency`: the level is left not stated, to verify"
    );
    let a = assess(&cv, "unhcr-gt-resettlement-officer-2024", "2024-01-15");
    let education = finding(&a, "education");
    assert_eq!(education.status, Status::Unknown, "{a}");
    assert_eq!(education.code, Code::EducationNotStated);
    let english = finding(&a, "english");
    assert_eq!(english.status, Status::Unknown, "{a}");
    assert_eq!(english.code, Code::LanguageLevelUnknown);
}

#[test]
fn present_and_company_are_read() {
    let cv = read_text(
        r#"{"work": [
            {"company": "ACNUR", "position": "Asistente", "startDate": "2019-02", "endDate": "Present"},
            {"name": "HIAS", "company": "ignored", "startDate": "2016-03", "endDate": "Actualidad"},
            {"company": "OIM", "startDate": "2015-01", "endDate": " now "}
        ], "volunteer": [
            {"organization": "Cruz Roja", "startDate": "2014-01", "endDate": "hoy"}
        ], "education": [
            {"studyType": "Maestría", "area": "Derecho", "endDate": "actual"}
        ]}"#,
    );
    let jobs = cv.experience.as_ref().unwrap();
    let orgs: Vec<_> = jobs.iter().map(|p| p.organization.as_deref()).collect();
    assert_eq!(
        orgs,
        [Some("ACNUR"), Some("HIAS"), Some("OIM"), Some("Cruz Roja")]
    );
    assert!(jobs.iter().all(|p| p.end.is_none()), "all ongoing");
    // A degree whose end is "actual" is in progress: stated not completed.
    assert_eq!(
        cv.education.as_ref().unwrap()[0].completed,
        Some(Completion::No)
    );
    for word in ["Current", "present", "Actual", "HOY"] {
        let cv = read_text(&format!(
            r#"{{"work": [{{"name": "A", "startDate": "2020-01", "endDate": "{word}"}}]}}"#
        ));
        assert!(cv.experience.unwrap()[0].end.is_none(), "{word}");
    }
}
