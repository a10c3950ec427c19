//! Posting 002: UNHCR Protection Assistant, UNOPS LICA-4, Villahermosa,
//! Mexico; internal applicants; deadline 2025-08-12, target start
//! 2025-08-01. Assessed as of 2025-08-01 unless a test says otherwise.

mod common;

use common::{assess, day, example, failed, finding, items, to_verify, yaml};
use vacancy_match::{Code, Gap, MatchKind, PartialDate, Status, Verdict};

const VACANCY: &str = "unhcr-mx-protection-assistant-2025";
const AS_OF: &str = "2025-08-01";

#[test]
fn itzel_is_eligible_and_her_law_degree_in_progress_is_not_counted() {
    let a = assess(
        &example("itzel_dominguez_villahermosa.yaml"),
        VACANCY,
        AS_OF,
    );
    assert_eq!(a.verdict, Verdict::Eligible);
    assert_eq!(a.score, 100.0);
    assert!(!a.closed);
    assert_eq!(a.measured_at, day(AS_OF));

    let internal = finding(&a, "internal_unhcr");
    assert_eq!(internal.code, Code::InternalMet);
    assert_eq!(internal.message, "current staff of UNHCR");
    assert_eq!(items(internal), ["staff_of[0]"]);

    assert_eq!(
        finding(&a, "work_authorization").code,
        Code::WorkAuthorizationMet
    );
    assert_eq!(
        finding(&a, "covid19_vaccination").code,
        Code::AttestationMet
    );

    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationMet);
    assert_eq!(edu.path.as_deref(), Some("secondary education"));
    assert_eq!(
        edu.message,
        "secondary education in Humanidades y Ciencias Sociales (2015-07)"
    );
    assert_eq!(items(edu), ["education[0]", "education[1]"]);
    assert_eq!(
        edu.evidence[1].detail,
        "bachelor's degree in Derecho: not completed by 2025-08-01, not counted"
    );

    // The municipal job is of unclear relevance; La 72 and UNHCR are
    // refugee protection, which is enough on its own.
    let exp = finding(&a, "related_experience");
    assert_eq!(exp.code, Code::ExperienceMet);
    assert_eq!(
        exp.message,
        "5.5 years of refugee protection/case management/migration/humanitarian action experience (needs 1)"
    );
    assert_eq!(
        items(exp),
        ["experience[0]", "experience[1]", "experience[2]"]
    );
    assert!(exp.evidence[0].detail.ends_with("relevance to verify"));

    let english = finding(&a, "english");
    assert_eq!(english.message, "English B2 meets B2 (good)");
    assert_eq!(finding(&a, "ms_office_skill").status, Status::Met);
}

#[test]
fn jorge_needs_review_of_english_and_vaccination() {
    let a = assess(&example("jorge_mendez_tapachula.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::NeedsReview);
    // Neither `languages` nor `attestations` is in the profile: unknown,
    // not failed. The vaccination is a condition of appointment: shown,
    // to confirm, and neither in the verdict nor in the score.
    assert_eq!(to_verify(&a), ["english"]);
    let covid = finding(&a, "covid19_vaccination");
    assert_eq!(covid.priority, vacancy_match::Priority::Condition);
    assert_eq!(covid.status, Status::Unknown);
    assert_eq!(covid.code, Code::AttestationNotStated);
    assert_eq!(covid.message, "proof of COVID-19 vaccination not declared");
    let english = finding(&a, "english");
    assert_eq!(english.code, Code::LanguageNotStated);
    assert_eq!(
        english.gap,
        Some(Gap::Verify {
            what: "English at B2 (good)".into()
        })
    );
    assert_eq!(
        english.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("verify English at B2 (good)")
    );
    // One unknown of five required findings, at half credit.
    assert_eq!(a.score, 92.0);
    assert!(a
        .to_string()
        .starts_with("NEEDS REVIEW  92.0/100  unhcr-mx-protection-assistant-2025"));
}

#[test]
fn emilio_is_ineligible_as_an_external_applicant() {
    let a = assess(&example("emilio_carranza_asylum.json"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["internal_unhcr"]);
    let internal = finding(&a, "internal_unhcr");
    assert_eq!(internal.code, Code::InternalNotStaff);
    assert_eq!(
        internal.message,
        "not current staff of UNHCR; the posting is open to internal applicants only"
    );
    assert_eq!(
        internal.gap,
        Some(Gap::Missing {
            what: "current employment with UNHCR".into()
        })
    );
}

#[test]
fn gabriela_is_ineligible_because_her_permit_expires_before_the_start() {
    let a = assess(&example("gabriela_menjivar_gender.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["work_authorization"]);
    let permit = finding(&a, "work_authorization");
    assert_eq!(permit.code, Code::WorkAuthorizationExpired);
    assert_eq!(
        permit.gap,
        Some(Gap::Expired {
            what: "work permit for Mexico".into(),
            on: "2025-07-15".parse::<PartialDate>().expect("date"),
            needed_on: day("2025-08-01"),
        })
    );
    assert_eq!(
        permit.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("work permit for Mexico expires 2025-07-15, must be valid on 2025-08-01")
    );
    assert_eq!(items(permit), ["work_authorizations[1]"]);
    // The permit is checked on the target start, not the deadline or as-of.
    assert!(permit.expected.ends_with("valid on 2025-08-01"));
}

#[test]
fn ana_is_ineligible_only_for_the_mexican_permit() {
    let a = assess(&example("ana_lopez_protection.yaml"), VACANCY, AS_OF);
    assert_eq!(failed(&a), ["work_authorization"]);
    assert_eq!(
        finding(&a, "work_authorization").code,
        Code::WorkAuthorizationMissing
    );
    // A Guatemalan national's rights in Guatemala are not cited for Mexico.
    assert!(finding(&a, "work_authorization").evidence.is_empty());
}

#[test]
fn an_ongoing_unhcr_post_shows_internal_status_when_staff_of_is_not_stated() {
    let cv = yaml(
        r#"
id: no-staff-of
nationalities: [MX]
education:
  - { degree: Preparatoria, completed: 2018-06 }
experience:
  - { title: Asistente de registro, organization: ACNUR México, country: MX, domains: [registro, protección internacional], start: 2023-01 }
languages:
  - { language: en, level: upper intermediate }
attestations: { covid19_vaccination: true }
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    let internal = finding(&a, "internal_unhcr");
    assert_eq!(internal.code, Code::InternalMet);
    assert_eq!(
        internal.message,
        "ongoing position at ACNUR México on 2025-08-01"
    );
    assert_eq!(items(internal), ["experience[0]"]);
    let m = internal.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(m.wanted, "UNHCR");
    assert_eq!(m.how, MatchKind::Contains);
    // Nationality stated but no list of permits: a national needs none.
    assert_eq!(
        finding(&a, "work_authorization").code,
        Code::WorkAuthorizationMet
    );
    // "Preparatoria" is Mexican secondary school; "upper intermediate" is B2.
    assert_eq!(finding(&a, "education").code, Code::EducationMet);
    assert_eq!(
        finding(&a, "english").message,
        "English B2 (upper intermediate) meets B2 (good)"
    );
    assert_eq!(a.verdict, Verdict::Eligible);
    // Skills are not stated and no domain shows MS Office: an asset to verify.
    assert_eq!(finding(&a, "ms_office_skill").code, Code::SkillNotStated);
}

#[test]
fn no_education_at_all_and_a_past_unhcr_post_are_two_failures() {
    let cv = yaml(
        r#"
id: former-staff
nationalities: [MX]
work_authorizations: [{ country: MX, status: citizen }]
staff_of: [IOM]
education: []
experience:
  - { organization: UNHCR, domains: [refugee protection], start: 2019-01, end: 2022-12 }
languages: [{ language: en, level: B2 }]
attestations: { covid19_vaccination: true }
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["internal_unhcr", "education"]);
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationDegreeMissing);
    assert_eq!(
        edu.message,
        "no completed degree; needs secondary education"
    );
}

#[test]
fn closed_vacancy_is_measured_at_the_deadline_and_permits_at_the_start() {
    let a = assess(
        &example("itzel_dominguez_villahermosa.yaml"),
        VACANCY,
        "2026-01-31",
    );
    assert!(a.closed);
    assert_eq!(a.measured_at, day("2025-08-12"));
    assert_eq!(a.verdict, Verdict::Eligible);
    let exp = finding(&a, "related_experience");
    // The UNHCR post (from 2023-07) runs to the deadline: 2.1 years.
    assert!(exp.evidence[2]
        .detail
        .ends_with("(2023-07–ongoing): 2.1 years"));
    assert!(a
        .to_string()
        .contains("[closed: deadline passed; measured at 2025-08-12]"));
}
