//! Profiles written the way applicants and recruiters write them, against
//! the five bundled postings: names that only contain an accepted name,
//! degrees listed without a date, National Officer nationality, UNHCR
//! affiliates, conditions of appointment, "education with vulnerable
//! groups", and explanations that say why, in English and Spanish.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{assess, failed, finding, rules, to_verify, yaml};
use vacancy_match::{Code, Lang, MatchKind, Priority, Status, Verdict};

const CONSULTANT: &str = "unhcr-americas-cpa-consultant-2025";
const PROTECTION_ASSISTANT: &str = "unhcr-mx-protection-assistant-2025";
const RESETTLEMENT: &str = "unhcr-gt-resettlement-officer-2024";
const DURABLE_SOLUTIONS: &str = "unhcr-mx-durable-solutions-2017";

#[test]
fn a_police_academy_degree_in_law_enforcement_is_not_a_law_degree() {
    let cv = yaml(
        r#"
id: police
education:
  - { degree: Licenciatura, field: Law Enforcement, completed: 2008-12 }
experience:
  - { title: Oficial, domains: [human rights], start: 2009-01, end: 2024-12 }
languages: [{ language: es, level: native }, { language: en, level: C1 }]
"#,
    );
    let a = assess(&cv, CONSULTANT, "2025-01-10");
    assert_eq!(a.verdict, Verdict::Ineligible);
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationFieldNotAccepted);
    let m = edu.evidence[0]
        .matched
        .as_ref()
        .expect("the near miss is shown");
    assert_eq!(m.how, MatchKind::Partial);
    assert_eq!(
        m.to_string(),
        "\"Law Enforcement\" contains \"Law\" but is another name"
    );
    let es = rules()
        .assess(&cv, common::day("2025-01-10"))
        .lang(Lang::Es)
        .one(CONSULTANT)
        .unwrap();
    let edu = finding(&es, "education");
    assert!(
        edu.to_string()
            .contains("\"Law Enforcement\" contiene \"Law\" pero es otro nombre"),
        "{edu}"
    );
}

#[test]
fn names_that_only_mention_unhcr_are_not_unhcr_staff() {
    for (written, code) in [
        ("Not UNHCR", Code::InternalNotStaff),
        ("ex-UNHCR contractor", Code::InternalNotStaff),
        ("UNHCR (former)", Code::InternalNotStaff),
        ("Friends of ACNUR", Code::InternalToVerify),
    ] {
        let cv = yaml(&format!(
            "id: x\nnationalities: [MX]\nstaff_of: [\"{written}\"]\n"
        ));
        let a = assess(&cv, PROTECTION_ASSISTANT, "2025-08-01");
        let internal = finding(&a, "internal_unhcr");
        assert_eq!(internal.code, code, "{written}");
        assert_ne!(internal.status, Status::Met, "{written}");
    }
    // The organization itself, by an alias and with its country office.
    let cv = yaml("id: x\nstaff_of: [ACNUR México]\n");
    let a = assess(&cv, PROTECTION_ASSISTANT, "2025-08-01");
    assert_eq!(finding(&a, "internal_unhcr").code, Code::InternalMet);
}

#[test]
fn friends_of_acnur_is_explained_in_both_languages() {
    let cv = yaml("id: x\nstaff_of: [Friends of ACNUR]\n");
    let a = assess(&cv, PROTECTION_ASSISTANT, "2025-08-01");
    let f = finding(&a, "internal_unhcr");
    assert_eq!(
        f.message,
        "staff of \"Friends of ACNUR\", which names UNHCR but may be another organization"
    );
    assert_eq!(
        f.gap.as_ref().unwrap().to_string(),
        "verify that the candidate is current UNHCR staff or affiliate"
    );
    let es = rules()
        .assess(&cv, common::day("2025-08-01"))
        .lang(Lang::Es)
        .one(PROTECTION_ASSISTANT)
        .unwrap();
    assert_eq!(
        finding(&es, "internal_unhcr").message,
        "personal de \"Friends of ACNUR\", que nombra a UNHCR pero puede ser otra organización"
    );
}

#[test]
fn a_degree_listed_without_a_date_is_to_verify_and_says_why() {
    let cv = yaml(
        r#"
id: undated
education:
  - { degree: bachelor, field: Law }
experience:
  - { title: Protection Associate, organization: UNHCR, domains: [refugee protection, case management], start: 2016-01 }
languages: [{ language: es, level: native }, { language: en, level: C1 }]
skills: [resettlement]
"#,
    );
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    assert_eq!(a.verdict, Verdict::NeedsReview);
    assert_eq!(to_verify(&a), ["education"]);
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationCompletionToVerify);
    assert_eq!(
        edu.message,
        "met through path 1: bachelor's degree in Law: the profile does not say whether it was completed; 8 years of experience (needs 3)"
            .replace("met through", "closest")
    );
    assert_eq!(
        edu.gap.as_ref().unwrap().to_string(),
        "verify that a bachelor's degree was completed"
    );
    // Stated completed without a date: it counts.
    let cv = yaml("id: dated\neducation:\n  - { degree: bachelor, field: Law, completed: true }\n");
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    assert_ne!(
        finding(&a, "education").code,
        Code::EducationCompletionToVerify
    );
    let es = rules()
        .assess(
            &yaml("id: undated\neducation:\n  - { degree: bachelor, field: Law }\n"),
            common::day("2024-01-15"),
        )
        .lang(Lang::Es)
        .one(RESETTLEMENT)
        .unwrap();
    assert_eq!(
        finding(&es, "education")
            .gap
            .as_ref()
            .unwrap()
            .render(Lang::Es),
        "verificar que haya concluido una licenciatura"
    );
}

#[test]
fn a_foreigner_with_a_work_permit_is_not_a_national_officer() {
    let cv = yaml(
        r#"
id: foreign
nationalities: [CO]
work_authorizations: [{ country: MX, status: work_permit, valid_until: 2019-12 }]
"#,
    );
    let a = assess(&cv, DURABLE_SOLUTIONS, "2017-03-01");
    assert_eq!(a.verdict, Verdict::Ineligible);
    let national = finding(&a, "mexican_national");
    assert_eq!(national.code, Code::NationalityNotNational);
    assert_eq!(national.status, Status::NotMet);
    // The permit itself is valid: it is the post that asks for nationals.
    assert_eq!(
        finding(&a, "work_authorization").code,
        Code::WorkAuthorizationMet
    );
    // A Mexican with a second nationality is a national.
    let cv = yaml("id: dual\nnationalities: [CO, MX]\n");
    let a = assess(&cv, DURABLE_SOLUTIONS, "2017-03-01");
    assert_eq!(finding(&a, "mexican_national").code, Code::NationalityMet);
}

#[test]
fn unhcr_affiliates_on_unops_contracts_are_internal_applicants() {
    let stated = yaml("id: a\nstaff_of: [UNOPS]\naffiliate_of: [UNHCR]\n");
    let a = assess(&stated, PROTECTION_ASSISTANT, "2025-08-01");
    let f = finding(&a, "internal_unhcr");
    assert_eq!(f.code, Code::InternalMet);
    assert_eq!(f.message, "current affiliate of UNHCR, counted as internal");
    assert_eq!(f.evidence[0].item, "affiliate_of[0]");

    let unstated = yaml(
        "id: b\nstaff_of: [UNOPS]\nexperience:\n  - { title: Protection Assistant, organization: ACNUR, start: 2023-01 }\n",
    );
    let a = assess(&unstated, PROTECTION_ASSISTANT, "2025-08-01");
    let f = finding(&a, "internal_unhcr");
    assert_eq!(f.code, Code::InternalToVerify);
    assert_eq!(f.evidence[0].item, "experience[0]");
}

#[test]
fn vaccination_is_a_condition_of_appointment_not_a_criterion() {
    let cv = yaml(
        r#"
id: no-declaration
nationalities: [MX]
staff_of: [UNHCR]
education: [{ degree: Preparatoria, completed: 2015-07 }]
experience: [{ title: Asistente, domains: [protección internacional], start: 2020-01 }]
languages: [{ language: en, level: B2 }]
"#,
    );
    let a = assess(&cv, PROTECTION_ASSISTANT, "2025-08-01");
    assert_eq!(a.verdict, Verdict::Eligible);
    let covid = finding(&a, "covid19_vaccination");
    assert_eq!(covid.priority, Priority::Condition);
    assert_eq!(covid.status, Status::Unknown);
    assert!(a
        .to_string()
        .contains("COVID-19 vaccination (to confirm before appointment)"));
    // Declining it is shown and changes neither verdict nor score.
    let mut declined = cv.clone();
    declined.attestations = Some([("covid19_vaccination".to_string(), false)].into());
    let b = assess(&declined, PROTECTION_ASSISTANT, "2025-08-01");
    assert_eq!((b.verdict, b.score), (a.verdict, a.score));
    assert!(failed(&b).is_empty());
}

#[test]
fn durable_solutions_statelessness_and_idp_work_count_as_relevant() {
    let cv = yaml(
        r#"
id: idp
experience:
  - { title: Protection Officer, domains: [IDP protection], start: 2019-01, end: 2020-06 }
  - { title: Statelessness Associate, domains: [apatridia], start: 2020-07, end: 2021-06 }
  - { title: Data Analyst, domains: [statistics], start: 2021-07, end: 2023-12 }
"#,
    );
    let a = assess(&cv, RESETTLEMENT, "2024-01-15");
    let f = finding(&a, "refugee_protection_experience");
    assert_eq!(f.code, Code::ExperienceMet);
    // Statistics is not excluded by "relevant to": cited for review.
    assert!(f
        .evidence
        .iter()
        .any(|e| e.item == "experience[2]" && e.detail.ends_with("relevance to verify")));
}

#[test]
fn every_path_is_explained_when_none_is_met() {
    let cv = yaml(
        r#"
id: psychologist
staff_of: [OIM]
nationalities: [GT]
education:
  - { degree: Licenciatura, field: Psicología, completed: 2020-11, accredited: false }
experience:
  - { title: Psicóloga, domains: [educación, grupos vulnerables], start: 2021-01, end: 2023-12 }
languages: [{ language: es, level: native }]
"#,
    );
    let a = assess(&cv, "iom-gt-operations-assistant-2025", "2025-10-01");
    let edu = finding(&a, "education");
    assert_eq!(edu.status, Status::NotMet);
    assert_eq!(edu.other_paths.len(), 1);
    let other = &edu.other_paths[0];
    assert!(
        other.contains("from an institution stated as not accredited"),
        "{other}"
    );
    let es = rules()
        .assess(&cv, common::day("2025-10-01"))
        .lang(Lang::Es)
        .one("iom-gt-operations-assistant-2025")
        .unwrap();
    let other = &finding(&es, "education").other_paths[0];
    assert!(other.starts_with("opción "), "{other}");
    assert!(other.contains("no acreditada"), "{other}");
}

const EXCLUSION: &str = r#"
id: intl-post
title: Protection Officer (international)
organization: UNHCR
duty_station: { country: HN }
requirements:
  - id: not_national
    kind: nationality
    source: "Not open to nationals of the country of assignment"
    not_nationals_of: [HN]
  - id: not_national_dual
    kind: nationality
    priority: desirable
    source: "(dual nationals who hold another nationality may apply)"
    not_nationals_of: [HN]
    dual_nationals: eligible
"#;

#[test]
fn nationality_exclusions_and_dual_nationals() {
    let rules = vacancy_match::RuleSet::from_yaml_str(EXCLUSION).unwrap();
    let on = common::day("2025-01-01");
    let judge = |nationalities: &str, lang| {
        let cv = yaml(&format!("id: x\n{nationalities}"));
        rules.assess(&cv, on).lang(lang).one("intl-post").unwrap()
    };
    let a = judge("nationalities: [HN, ES]\n", Lang::En);
    let strict = finding(&a, "not_national");
    assert_eq!(strict.code, Code::NationalityExcluded);
    assert_eq!(
        strict.message,
        "national of Honduras, which the posting excludes"
    );
    assert_eq!(strict.evidence[0].item, "nationalities[0]");
    let dual = finding(&a, "not_national_dual");
    assert_eq!(dual.code, Code::NationalityMet);
    assert_eq!(
        dual.message,
        "national of Honduras and of Spain: dual nationals are eligible"
    );
    let a = judge("nationalities: [HN, ES]\n", Lang::Es);
    assert_eq!(
        finding(&a, "not_national").message,
        "nacional de Honduras, nacionalidad que la vacante excluye"
    );
    let a = judge("nationalities: [SV]\n", Lang::En);
    assert_eq!(finding(&a, "not_national").code, Code::NationalityMet);
    assert_eq!(
        finding(&a, "not_national").message,
        "not a national of Honduras"
    );
    // Not stated: to verify, never a pass or a fail.
    let a = judge("", Lang::En);
    let f = finding(&a, "not_national");
    assert_eq!(f.code, Code::NationalityNotStated);
    assert_eq!(
        f.gap.as_ref().unwrap().to_string(),
        "verify that the candidate is not a national of Honduras"
    );
}

#[test]
fn a_nationality_rule_takes_one_list() {
    let both = EXCLUSION.replace(
        "    not_nationals_of: [HN]\n  - id: not_national_dual",
        "    not_nationals_of: [HN]\n    nationals_of: [GT]\n  - id: not_national_dual",
    );
    let err = vacancy_match::RuleSet::from_yaml_str(&both).unwrap_err();
    assert!(
        err.to_string()
            .contains("takes `nationals_of` or `not_nationals_of`, not both"),
        "{err}"
    );
    let dual_on_nationals = "id: v\ntitle: T\norganization: O\nduty_station: { country: MX }\nrequirements:\n  - { id: n, kind: nationality, nationals_of: [MX], dual_nationals: eligible, source: x }\n";
    let err = vacancy_match::RuleSet::from_yaml_str(dual_on_nationals).unwrap_err();
    assert!(
        err.to_string()
            .contains("applies to `not_nationals_of` only"),
        "{err}"
    );
}

#[test]
fn posting_001_asks_for_a_mexican_national() {
    let a = assess(
        &yaml("id: co\nnationalities: [CO]\nwork_authorizations: [{ country: MX, status: permanent_resident }]\n"),
        DURABLE_SOLUTIONS,
        "2017-03-01",
    );
    let f = finding(&a, "mexican_national");
    assert_eq!(f.code, Code::NationalityNotNational);
    assert_eq!(
        f.message,
        "national of Colombia, not of Mexico (nationals only)"
    );
    assert_eq!(
        f.gap.as_ref().unwrap().to_string(),
        "needs nationality of Mexico"
    );
    assert_eq!(
        finding(&a, "work_authorization").code,
        Code::WorkAuthorizationMet
    );
}

const JUNIOR: &str = r#"
id: junior
title: Associate (junior programme)
organization: UNHCR
duty_station: { country: HN }
requirements:
  - id: experience
    kind: experience
    source: "at least 2 and no more than 5 years of relevant experience"
    years: 2
    max_years: 5
    domains: [refugee protection]
    related: true
"#;

#[test]
fn a_maximum_of_experience_is_never_a_reason_to_gain_more() {
    let rules = vacancy_match::RuleSet::from_yaml_str(JUNIOR).unwrap();
    let on = common::day("2025-01-01");
    let judge = |periods: &str, lang| {
        let cv = yaml(&format!("id: x\nexperience:\n{periods}"));
        rules.assess(&cv, on).lang(lang).one("junior").unwrap()
    };
    let within = "  - { domains: [refugee protection], start: 2021-01, end: 2024-12 }\n";
    let a = judge(within, Lang::En);
    assert_eq!(finding(&a, "experience").code, Code::ExperienceMet);
    assert_eq!(
        finding(&a, "experience").expected,
        "2 to 5 years of refugee protection experience"
    );

    let over = "  - { domains: [refugee protection], start: 2015-01, end: 2024-12 }\n";
    let a = judge(over, Lang::En);
    let f = finding(&a, "experience");
    assert_eq!(f.code, Code::ExperienceAboveMaximum);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(
        f.message,
        "10 years of refugee protection experience, more than the maximum of 5"
    );
    assert_eq!(
        a.what_if[0].change,
        "at most 5 years of refugee protection experience"
    );
    let es = judge(over, Lang::Es);
    assert_eq!(
        finding(&es, "experience").message,
        "acredita 10 años de experiencia en protección de refugiados, más que el máximo de 5"
    );

    // Within the maximum for sure, over it only if a period of another
    // domain counts: a person judges.
    let maybe = "  - { domains: [refugee protection], start: 2021-01, end: 2024-12 }\n  - { domains: [logistics], start: 2017-01, end: 2020-12 }\n";
    let a = judge(maybe, Lang::En);
    let f = finding(&a, "experience");
    assert_eq!(f.status, Status::Unknown);
    assert!(f.message.ends_with("the maximum is 5"), "{}", f.message);

    // A maximum below the minimum is refused.
    let bad = JUNIOR.replace("max_years: 5", "max_years: 1");
    let err = vacancy_match::RuleSet::from_yaml_str(&bad).unwrap_err();
    assert!(
        err.to_string()
            .contains("expected a maximum of at least `years` (2), found 1"),
        "{err}"
    );
}
