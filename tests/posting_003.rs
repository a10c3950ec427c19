//! Posting 003: IOM Operations Assistant, San Marcos, Guatemala; internal
//! candidates; no deadline. Assessed as of 2025-10-01 unless a test says
//! otherwise.

mod common;

use common::{
    assert_close, assess, day, example, failed, finding, items, to_verify, yaml, years_missing,
};
use vacancy_match::{Code, Gap, MatchKind, Status, Verdict};

const VACANCY: &str = "iom-gt-operations-assistant-2025";
const AS_OF: &str = "2025-10-01";

const SECONDARY_PATH: &str = "secondary education + 4 years of experience";
const BACHELOR_PATH: &str = "accredited bachelor's degree in an accepted field (or related) \
     + 2 years of education with vulnerable populations experience";

#[test]
fn rosa_is_eligible_through_the_secondary_path() {
    let a = assess(&example("rosa_batz_iom_sanmarcos.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Eligible);
    // Eligible; not every asset (international cooperation, curricula) is
    // stated.
    assert_eq!(a.score, 96.0);
    // No deadline: never closed, measured at as-of.
    assert!(!a.closed);
    assert_eq!(a.measured_at, day(AS_OF));

    assert_eq!(finding(&a, "internal_iom").code, Code::InternalMet);
    assert_eq!(
        finding(&a, "work_authorization").message,
        "national of Guatemala"
    );

    // "Diploma de Bachiller" is secondary education, and it is enough
    // with 4 years of (any) experience.
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationMet);
    assert_eq!(edu.path.as_deref(), Some(SECONDARY_PATH));
    assert!(
        edu.message.starts_with(
            "met through path 1: secondary education in Ciencias y Letras con Orientación en Computación (2012-10)"
        ),
        "{}",
        edu.message
    );
    assert_eq!(
        items(edu),
        [
            "education[0]",
            "experience[0]",
            "experience[1]",
            "experience[2]",
            "experience[3]"
        ]
    );
    // A period of exactly one year reads "1 year".
    assert!(
        edu.evidence[3]
            .detail
            .ends_with("(2021-10–2022-09): 1 year"),
        "{}",
        edu.evidence[3].detail
    );

    // K'iche' native meets "knowledge of Mayan languages" (basic, A2).
    let mayan = finding(&a, "mayan_language");
    assert_eq!(mayan.message, "K'iche' C2 (native) meets A2 (basic)");
    assert_eq!(items(mayan), ["languages[1]"]);

    // Assets from her community, municipal and NGO work.
    let local = finding(&a, "local_government_ngo_experience");
    assert_eq!(local.status, Status::Met);
    assert_eq!(items(local), ["experience[1]", "experience[2]"]);
    let ngo = local.evidence[1].matched.as_ref().expect("matched");
    assert_eq!((ngo.how, ngo.wanted.as_str()), (MatchKind::Exact, "NGO"));
    // Excel, Access and PowerPoint are aliases of MS Office.
    assert_eq!(finding(&a, "ms_office_skill").status, Status::Met);
}

#[test]
fn carlos_needs_review_of_his_university_accreditation() {
    let a = assess(&example("carlos_maldonado_pedagogy.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::NeedsReview);
    assert_eq!(to_verify(&a), ["education"]);

    let edu = finding(&a, "education");
    assert_eq!(edu.status, Status::Unknown);
    assert_eq!(edu.code, Code::EducationAccreditationUnknown);
    assert_eq!(edu.path.as_deref(), Some(BACHELOR_PATH));
    assert_eq!(
        edu.message,
        "closest path 2: bachelor's degree in Pedagogía y Administración Educativa (2022-11): \
         accreditation of the institution not stated; \
         2.5 years of education with vulnerable populations experience (needs 2)"
    );
    assert_eq!(
        edu.gap,
        Some(Gap::Verify {
            what: "that the institution is accredited".into()
        })
    );
    assert_eq!(
        items(edu),
        ["education[1]", "experience[0]", "experience[1]"]
    );
    let field = edu.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(
        (field.how, field.wanted.as_str()),
        (MatchKind::Contains, "Pedagogy")
    );
    // The half-time literacy post counts pro rata.
    assert!(edu.evidence[1].detail.ends_with("50% time: 0.5 years"));

    let mam = finding(&a, "mayan_language");
    assert_eq!(mam.message, "Mam B1 meets A2 (basic)");
    // The posting gives no duration for adult training: his half year of
    // it meets the asset.
    let adult = finding(&a, "adult_training_experience");
    assert_eq!(adult.code, Code::ExperienceMet);
    assert_eq!(
        adult.message,
        "0.5 years of adult training experience (any experience wanted)"
    );
}

#[test]
fn carlos_becomes_eligible_once_he_has_four_years() {
    // No deadline, so later as-of dates count more experience: by mid-2027
    // he has 4 years and the secondary path is met without accreditation.
    let a = assess(
        &example("carlos_maldonado_pedagogy.yaml"),
        VACANCY,
        "2027-06-30",
    );
    assert_eq!(a.verdict, Verdict::Eligible);
    let edu = finding(&a, "education");
    assert_eq!(edu.path.as_deref(), Some(SECONDARY_PATH));
    assert!(
        edu.message.starts_with("met through path 1: "),
        "{}",
        edu.message
    );
    assert!(
        edu.message.ends_with("4.3 years of experience (needs 4)"),
        "{}",
        edu.message
    );
}

#[test]
fn ana_is_ineligible_as_she_is_not_iom_staff() {
    let a = assess(&example("ana_lopez_protection.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["internal_iom"]);
    assert_eq!(finding(&a, "internal_iom").code, Code::InternalNotStaff);
    // She lists three languages, none Mayan (named in alphabetical order,
    // whatever the profile's order).
    let mayan = finding(&a, "mayan_language");
    assert_eq!(mayan.code, Code::LanguageMissing);
    assert_eq!(
        mayan.message,
        "one of 21 languages (Mam, K'iche', Kaqchikel, ...) not listed (lists English, French, Spanish); needs A2 (basic)"
    );
}

#[test]
fn emilio_is_ineligible_without_iom_status_nor_a_guatemalan_permit() {
    let a = assess(&example("emilio_carranza_asylum.json"), VACANCY, AS_OF);
    assert_eq!(failed(&a), ["internal_iom", "work_authorization"]);
    let permit = finding(&a, "work_authorization");
    assert_eq!(permit.code, Code::WorkAuthorizationMissing);
    assert_eq!(
        permit.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("needs a right to work in Guatemala valid on 2025-10-01")
    );
}

#[test]
fn a_bachelor_from_an_unaccredited_university_with_three_years_is_short_on_both_paths() {
    let cv = yaml(
        r#"
id: trabajadora-social
nationalities: [GT]
staff_of: [OIM]
education:
  - { degree: Licenciatura, field: Trabajo Social, institution: Universidad X, completed: 2021-11, accredited: false }
experience:
  - { title: Trabajadora social, domains: [grupos vulnerables], country: GT, start: 2022-10 }
languages: [{ language: es, level: native }]
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["education"]);
    // The bachelor path fails on accreditation; the secondary path (which
    // her bachelor satisfies) is 1 year short: that is the closest.
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationExperienceShort);
    assert_eq!(edu.path.as_deref(), Some(SECONDARY_PATH));
    assert_close(years_missing(edu), 1.0);
    assert!(
        edu.message
            .ends_with("but 3 years of experience, needs 4: 1 short"),
        "{}",
        edu.message
    );
    assert_eq!(
        edu.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("needs 1 more year of experience")
    );
    // OIM is IOM in Spanish.
    let internal = finding(&a, "internal_iom");
    assert_eq!(internal.status, Status::Met);
    assert_eq!(
        internal.evidence[0].matched.as_ref().map(|m| m.how),
        Some(MatchKind::Alias)
    );
}

#[test]
fn work_with_vulnerable_groups_but_not_in_education_goes_to_review() {
    let cv = yaml(
        r#"
id: trabajadora-social-acreditada
nationalities: [GT]
staff_of: [OIM]
education:
  - { degree: Licenciatura, field: Trabajo Social, completed: 2021-11, accredited: true }
experience:
  - { title: Trabajadora social, domains: [grupos vulnerables], country: GT, start: 2022-10 }
languages: [{ language: es, level: native }]
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    // "education with vulnerable population groups": the period states
    // only one of the two, so a person checks.
    assert_eq!(a.verdict, Verdict::NeedsReview);
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationExperienceToVerify);
    assert_eq!(edu.path.as_deref(), Some(BACHELOR_PATH));
    assert!(
        edu.evidence[1].detail.ends_with("relevance to verify"),
        "{}",
        edu.evidence[1].detail
    );
}

#[test]
fn education_with_vulnerable_groups_meets_the_bachelor_path() {
    let cv = yaml(
        r#"
id: trabajadora-social-educadora
nationalities: [GT]
staff_of: [OIM]
education:
  - { degree: Licenciatura, field: Trabajo Social, completed: 2021-11, accredited: true }
experience:
  - { title: Educadora, domains: [educación, grupos vulnerables], country: GT, start: 2022-10 }
languages: [{ language: es, level: native }]
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Eligible);
    let edu = finding(&a, "education");
    assert_eq!(edu.path.as_deref(), Some(BACHELOR_PATH));
    assert_eq!(
        edu.message,
        "met through path 2: bachelor's degree in Trabajo Social (2021-11) \
         (\"Trabajo Social\" = \"Social Work\" (alias)); \
         3 years of education with vulnerable populations experience (needs 2)"
    );
}
