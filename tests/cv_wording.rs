//! Profiles written the way people write their CVs: dates with month
//! names or "present", levels with their code and a descriptor, languages
//! with a region, dotted degree abbreviations, Spanish completion words,
//! a citizenship stated only as a right to work, and a degree completed
//! in the month the vacancy measures at. Each is read, and judged as a
//! recruiter would, with its reason.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{assess, finding, yaml};
use vacancy_match::{Candidate, Cefr, Code, Completion, Lang, Status, Verdict};

const CONSULTANT: &str = "unhcr-americas-cpa-consultant-2025";
const RESETTLEMENT: &str = "unhcr-gt-resettlement-officer-2024";
const DURABLE_SOLUTIONS: &str = "unhcr-mx-durable-solutions-2017";

#[test]
fn a_cv_written_in_everyday_words_is_read() {
    let cv = yaml(
        r#"
id: everyday
nationalities: [GT]
education:
  - { degree: "LL.B.", field: Abogacía, completed: 2010 }
  - { degree: "Doctor of Philosophy (PhD)", field: Derecho Internacional, completed: "March 2015" }
experience:
  - { title: Oficial, domains: [asylum], start: "Jan 2011", end: present }
  - { title: Pasante, domains: [human rights], start: "marzo de 2009", end: "12/2010" }
languages:
  - { language: "English (US)", level: "C1 - Advanced" }
  - { language: "Spanish (native)", level: "Native/bilingual" }
  - { language: "Kʼicheʼ", level: "Avanzado (C1)" }
"#,
    );
    let e = cv.education.as_ref().unwrap();
    assert_eq!(e[0].degree, vacancy_match::DegreeLevel::Bachelor);
    assert_eq!(e[1].degree, vacancy_match::DegreeLevel::Doctorate);
    assert_eq!(
        e[1].completed
            .and_then(Completion::date)
            .unwrap()
            .to_string(),
        "2015-03"
    );
    let jobs = cv.experience.as_ref().unwrap();
    assert_eq!(jobs[0].start.to_string(), "2011-01");
    assert!(jobs[0].end.is_none(), "present: ongoing");
    assert_eq!(jobs[1].end.unwrap().to_string(), "2010-12");
    let langs = cv.languages.as_ref().unwrap();
    let codes: Vec<&str> = langs.iter().map(|l| l.language.code()).collect();
    assert_eq!(codes, ["en", "es", "quc"]);
    let levels: Vec<Cefr> = langs
        .iter()
        .map(|l| l.level.as_ref().unwrap().cefr())
        .collect();
    assert_eq!(levels, [Cefr::C1, Cefr::C2, Cefr::C1]);

    // A law degree written "Abogacía" is the Law the consultant post asks.
    let a = assess(&cv, CONSULTANT, "2025-01-10");
    let education = finding(&a, "education");
    assert_eq!(education.status, Status::Met, "{education}");
    let english = finding(&a, "english");
    assert_eq!(english.message, "English C1 (advanced) meets C1");
}

#[test]
fn a_graduate_certificate_is_not_read_as_a_masters_degree() {
    let error = Candidate::from_yaml_str(
        "education:\n  - { degree: Graduate Certificate, field: Refugee Studies, completed: 2021-09 }\n",
    )
    .map(|_| ())
    .unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("`Graduate Certificate` is a course or certificate, not a degree: list it under `certifications`"),
        "{text}"
    );
    assert!(text.contains("education[0].degree"), "{text}");
}

#[test]
fn egresado_leaves_the_degree_to_verify_and_thesis_in_progress_does_not_count() {
    let with = |completed: &str| {
        yaml(&format!(
            "education:\n  - {{ degree: Licenciatura, field: Derecho, completed: {completed} }}\n"
        ))
    };
    for word in ["egresado", "Egresada", "pasante"] {
        let cv = with(word);
        assert_eq!(cv.education.as_ref().unwrap()[0].completed, None, "{word}");
        let a = assess(&cv, CONSULTANT, "2025-01-10");
        let education = finding(&a, "education");
        assert_eq!(education.status, Status::Unknown, "{word}: {education}");
        assert_eq!(education.code, Code::EducationCompletionToVerify);
    }
    let cv = with("tesis en proceso");
    assert_eq!(
        cv.education.as_ref().unwrap()[0].completed,
        Some(Completion::No)
    );
    let cv = with("finalizada");
    assert_eq!(
        cv.education.as_ref().unwrap()[0].completed,
        Some(Completion::Yes)
    );
}

#[test]
fn a_degree_completed_in_the_month_measured_is_to_verify_not_missing() {
    // Measured on 2017-03-01, before posting 001's deadline.
    for completed in ["2017-03", "2017"] {
        let cv = yaml(&format!(
            "nationalities: [MX]\neducation:\n  - {{ degree: Licenciatura, field: Relaciones Internacionales, completed: {completed} }}\n"
        ));
        let a = assess(&cv, DURABLE_SOLUTIONS, "2017-03-01");
        let education = finding(&a, "education");
        assert_eq!(
            education.status,
            Status::Unknown,
            "{completed}: {education}"
        );
        assert_eq!(education.code, Code::EducationCompletionToVerify);
        assert!(
            education
                .message
                .contains("the profile does not say whether it was completed by 2017-03-01"),
            "{}",
            education.message
        );
        let es = common::rules()
            .assess(&cv, common::day("2017-03-01"))
            .lang(Lang::Es)
            .one(DURABLE_SOLUTIONS)
            .unwrap();
        let educacion = finding(&es, "education");
        assert!(
            educacion
                .message
                .contains("el perfil no indica si se concluyó a más tardar el 2017-03-01"),
            "{}",
            educacion.message
        );
    }
    // Completed the month after: not counted, as before.
    let cv = yaml(
        "education:\n  - { degree: Licenciatura, field: Relaciones Internacionales, completed: 2017-04 }\n",
    );
    let a = assess(&cv, DURABLE_SOLUTIONS, "2017-03-01");
    assert_eq!(finding(&a, "education").status, Status::NotMet);
}

#[test]
fn a_citizenship_stated_as_a_right_to_work_is_a_nationality() {
    let cv = yaml("work_authorizations:\n  - { country: México, status: citizen }\n");
    let a = assess(&cv, DURABLE_SOLUTIONS, "2017-03-01");
    let nationality = finding(&a, "mexican_national");
    assert_eq!(nationality.status, Status::Met, "{nationality}");
    assert_eq!(
        nationality.message,
        "national of Mexico: a citizen, as a work authorization states"
    );
    assert_eq!(nationality.evidence[0].item, "work_authorizations[0]");
    // A permit of another kind says nothing of nationality.
    let cv = yaml("work_authorizations:\n  - { country: MX, status: work_permit }\n");
    let a = assess(&cv, DURABLE_SOLUTIONS, "2017-03-01");
    assert_eq!(
        finding(&a, "mexican_national").code,
        Code::NationalityNotStated
    );
}

#[test]
fn resettlement_written_as_people_write_it_is_the_essential_skill() {
    for skill in [
        "Resettlement casework",
        "reasentamiento de refugiados",
        "PR-Resettlement",
        "Retorno voluntario",
    ] {
        let cv = yaml(&format!("skills: [\"{skill}\"]\n"));
        let a = assess(&cv, RESETTLEMENT, "2024-01-15");
        let f = finding(&a, "resettlement_repatriation_skill");
        assert_eq!(f.status, Status::Met, "{skill}: {f}");
    }
    let a = assess(
        &yaml("skills: [Relocation of the office]\n"),
        RESETTLEMENT,
        "2024-01-15",
    );
    assert_ne!(a.verdict, Verdict::Eligible);
    assert_ne!(
        finding(&a, "resettlement_repatriation_skill").status,
        Status::Met
    );
}

#[test]
fn a_degree_under_way_implies_the_one_it_follows_to_verify() {
    let cv = yaml(
        r#"
nationalities: [MX]
staff_of: [ACNUR]
education:
  - { degree: Licenciatura en Derecho, completed: en curso }
experience:
  - { title: Asistente de registro, organization: ACNUR, domains: [protección internacional], start: 2022-03 }
languages: [{ language: es, level: native }, { language: en, level: B2 }]
"#,
    );
    let a = assess(&cv, "unhcr-mx-protection-assistant-2025", "2025-08-01");
    assert_eq!(a.verdict, Verdict::NeedsReview, "{a}");
    let education = finding(&a, "education");
    assert_eq!(education.status, Status::Unknown);
    assert_eq!(education.code, Code::EducationCompletionToVerify);
    assert_eq!(
        education.message,
        "bachelor's degree: not completed by 2025-08-01, but enrolling in it implies secondary education completed before"
    );
    assert_eq!(
        education.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("verify that secondary education was completed")
    );
    assert_eq!(common::items(education), ["education[0]"]);

    // A master's under way implies a bachelor's, whose field is not stated.
    let cv = yaml(
        "education:\n  - { degree: Maestría, field: Derechos Humanos, completed: in progress }\n",
    );
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    let education = finding(&a, "education");
    assert_eq!(education.status, Status::Unknown, "{education}");
    // A bachelor's under way implies nothing a bachelor's path asks.
    let cv = yaml("education:\n  - { degree: Licenciatura, completed: en curso }\n");
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    assert_eq!(finding(&a, "education").status, Status::NotMet);
}

#[test]
fn periods_dated_in_years_only_count_what_is_sure_and_leave_the_rest_to_verify() {
    // 2015–2018 may be four years (January 2015 to December 2018) or two
    // (December 2015 to January 2018): two are sure.
    let cv = yaml(
        "education: [{ degree: Licenciatura, field: Derecho, completed: 2010 }]\nexperience:\n  - { title: Oficial, domains: [asylum], start: 2015, end: 2018 }\n",
    );
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(
        protection.status,
        Status::Met,
        "two sure years meet two: {protection}"
    );
    assert_eq!(
        protection.evidence[0].detail,
        "Oficial (2015–2018): 4 years, dates in years only, to verify"
    );
    let education = finding(&a, "education");
    assert_eq!(education.status, Status::Unknown, "{education}");
    assert_eq!(education.code, Code::EducationExperienceToVerify);
    assert!(
        education
            .message
            .ends_with("2 years of experience (needs 3), counting periods to verify"),
        "{}",
        education.message
    );
    assert_eq!(
        education.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("verify whether 2 years of periods marked below count as experience")
    );
    // Within one year nothing is sure.
    let cv =
        yaml("experience:\n  - { title: Oficial, domains: [asylum], start: 2015, end: 2016 }\n");
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    assert_eq!(
        finding(&a, "refugee_protection_experience").status,
        Status::Unknown
    );
    // Months make it sure, as before.
    let cv = yaml(
        "experience:\n  - { title: Oficial, domains: [asylum], start: 2015-01, end: 2016-12 }\n",
    );
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    assert_eq!(
        finding(&a, "refugee_protection_experience").status,
        Status::Met
    );
}

#[test]
fn a_refugee_in_mexico_is_to_verify_for_a_post_that_asks_for_residence_or_a_permit() {
    // Posting 002: "Only Mexicans or candidates holding a permanent
    // residency or valid work permit". Mexico's refugee law grants
    // recognized refugees permanent residence; the profile says only
    // "refugee".
    let cv = yaml("nationalities: [HN]\nwork_authorizations: [{ country: MX, status: refugee }]\n");
    let a = assess(&cv, "unhcr-mx-protection-assistant-2025", "2025-07-01");
    let permit = finding(&a, "work_authorization");
    assert_eq!(permit.status, Status::Unknown, "{permit}");
    assert_eq!(permit.code, Code::WorkAuthorizationToVerify);
    assert_eq!(
        permit.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("verify that the refugee status in Mexico comes with permanent residence valid on 2025-08-01")
    );
    let es = common::rules()
        .assess(&cv, common::day("2025-07-01"))
        .lang(Lang::Es)
        .one("unhcr-mx-protection-assistant-2025")
        .unwrap();
    assert_eq!(
        finding(&es, "work_authorization").message,
        "condición de refugiado en México no figura entre los derechos aceptados (ciudadanía, residencia permanente o permiso de trabajo), pero suele conllevar residencia permanente"
    );
}
