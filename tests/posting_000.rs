//! Posting 000: UNHCR Associate Resettlement & Complementary Pathways
//! Officer, UNOPS IICA-1, Guatemala; deadline 2024-02-08. Assessed as of
//! 2024-01-15 unless a test says otherwise.

mod common;

use common::{
    assert_close, assess, example, failed, finding, items, to_verify, yaml, years_missing,
};
use vacancy_match::{Code, DegreeLevel, Gap, MatchKind, Status, Verdict};

const VACANCY: &str = "unhcr-gt-resettlement-officer-2024";
const AS_OF: &str = "2024-01-15";

#[test]
fn ana_is_eligible_through_the_bachelor_path() {
    let a = assess(&example("ana_lopez_protection.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Eligible);
    assert_eq!(a.candidate.as_deref(), Some("ana-lopez"));
    assert!(!a.closed);
    assert_eq!(a.measured_at, common::day(AS_OF));
    assert_eq!(a.score, 95.0);
    assert!(failed(&a).is_empty() && to_verify(&a).is_empty());

    let edu = finding(&a, "education");
    assert_eq!(edu.status, Status::Met);
    assert_eq!(edu.code, Code::EducationMet);
    assert_eq!(
        edu.path.as_deref(),
        Some("bachelor's degree in an accepted field (or related) + 3 years of experience")
    );
    assert!(
        edu.message.starts_with(
            "met through path 1: bachelor's degree in Ciencias Jurídicas y Sociales (2015-10)"
        ),
        "{}",
        edu.message
    );
    assert!(
        edu.message.ends_with("8.6 years of experience (needs 3)"),
        "{}",
        edu.message
    );
    assert_eq!(
        items(edu),
        [
            "education[0]",
            "experience[0]",
            "experience[1]",
            "experience[2]"
        ]
    );
    // "Ciencias Jurídicas y Sociales" is the vocabulary's alias of Law; it
    // is reported as such, not as a name that contains "Sociales".
    let field = edu.evidence[0]
        .matched
        .as_ref()
        .expect("the field match is shown");
    assert_eq!(field.how, MatchKind::Alias);
    assert_eq!(field.wanted, "Law");
    assert_eq!(field.found, "Ciencias Jurídicas y Sociales");
    assert_eq!(edu.gap, None);

    // Only the HIAS and UNHCR periods are refugee protection; the
    // half-time human-rights job is not.
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.code, Code::ExperienceMet);
    assert_eq!(
        protection.message,
        "7.2 years of refugee protection/durable solutions/statelessness/internal displacement experience (needs 2)"
    );
    // Her earlier period in another domain is cited for review (related).
    assert_eq!(
        items(protection),
        ["experience[0]", "experience[1]", "experience[2]"]
    );

    let english = finding(&a, "english");
    assert_eq!(english.code, Code::LanguageMet);
    assert_eq!(english.message, "English C1 meets C1 (fluent)");
    assert_eq!(items(english), ["languages[1]"]);
    let spanish = finding(&a, "spanish");
    assert_eq!(spanish.message, "Spanish C2 (native) meets C1 (fluent)");

    // The posting's own skill code is an alias of "resettlement".
    let skill = finding(&a, "resettlement_repatriation_skill");
    assert_eq!(skill.code, Code::SkillMet);
    assert_eq!(items(skill), ["skills[0]"]);
    let m = skill.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(
        (m.how, m.wanted.as_str()),
        (MatchKind::Alias, "resettlement")
    );

    assert_eq!(
        finding(&a, "covid19_vaccination").code,
        Code::AttestationMet
    );
    assert_eq!(
        finding(&a, "protection_learning_programme").code,
        Code::CertificationMet
    );
    // A different programme is a near miss, reported and not counted.
    let rlp = finding(&a, "resettlement_learning_programme");
    assert_eq!(rlp.code, Code::CertificationMissing);
    let near = rlp.evidence[0].matched.as_ref().expect("near miss shown");
    assert_eq!(near.how, MatchKind::NearMiss);
    assert_eq!(near.found, "Protection Learning Programme");
    assert!(
        near.similarity >= 0.7 && near.similarity < 0.85,
        "{}",
        near.similarity
    );
    // International or national is not stated on any period: to verify.
    let international = finding(&a, "international_experience");
    assert_eq!(international.code, Code::ExperienceToVerify);
    assert_eq!(international.status, Status::Unknown);
}

#[test]
fn gabriela_needs_review_of_her_field_of_study() {
    let a = assess(&example("gabriela_menjivar_gender.yaml"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::NeedsReview);
    // Psychology is not listed but the posting accepts "other relevant
    // field": unknown for review, not a fail.
    assert_eq!(to_verify(&a), ["education"]);
    let edu = finding(&a, "education");
    assert_eq!(edu.status, Status::Unknown);
    assert_eq!(edu.code, Code::EducationFieldToVerify);
    assert!(
        edu.message.starts_with(
            "closest path 1: bachelor's degree in Psicología (2012-12): \"Psicología\" is not in the accepted list"
        ),
        "{}",
        edu.message
    );
    assert_eq!(
        edu.path.as_deref(),
        Some("bachelor's degree in an accepted field (or related) + 3 years of experience")
    );
    match &edu.gap {
        Some(Gap::Verify { what }) => {
            assert!(
                what.starts_with("whether Psicología is a field related to Political Science"),
                "{what}"
            );
        }
        other => panic!("expected a verify gap, found {other:?}"),
    }
    let m = edu.evidence[0]
        .matched
        .as_ref()
        .expect("the near miss is shown");
    assert_eq!(m.how, MatchKind::NearMiss);
    assert_eq!(m.found, "Psicología");
    assert_close(m.similarity, 0.73);
    assert_eq!(
        finding(&a, "refugee_protection_experience").message,
        "6.4 years of refugee protection/durable solutions/statelessness/internal displacement experience (needs 2)"
    );
    assert_eq!(a.score, 83.4);
}

#[test]
fn sofia_is_ineligible_on_experience_with_the_bachelor_path_closest() {
    let a = assess(&example("sofia_giron_graduate.json"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["education", "refugee_protection_experience"]);

    // Her master's is in progress, so only "bachelor + 3 years" is within
    // reach: that path is named, with its 1.46-year gap; not the doctorate
    // path, which needs a degree she does not have.
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationExperienceShort);
    assert_eq!(
        edu.path.as_deref(),
        Some("bachelor's degree in an accepted field (or related) + 3 years of experience")
    );
    assert_eq!(
        edu.message,
        "closest path 1: bachelor's degree in Relaciones Internacionales (2022-05) \
         (\"Relaciones Internacionales\" = \"International Relations\" (alias)), \
         but 1.5 years of experience, needs 3: 1.5 short"
    );
    assert_close(years_missing(edu), 1.46);
    assert_eq!(
        edu.gap.as_ref().map(ToString::to_string).as_deref(),
        Some("needs 1.5 more years of experience")
    );
    let in_progress = edu
        .evidence
        .iter()
        .find(|e| e.item == "education[1]")
        .expect("the master's in progress is cited");
    assert_eq!(
        in_progress.detail,
        "master's degree in Ciencias Sociales: not completed by 2024-01-15, not counted"
    );

    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.code, Code::ExperienceShort);
    assert_close(years_missing(protection), 0.46);
    assert_eq!(
        protection.message,
        "1.5 years of refugee protection/durable solutions/statelessness/internal displacement experience, needs 2: 0.5 short"
    );
    assert_eq!(items(protection), ["experience[0]"]);
    // Partial credit for the near miss: 1.54 of 2 years.
    assert_close(protection.credit, 0.77);
}

#[test]
fn emilio_is_ineligible_on_english_alone() {
    let a = assess(&example("emilio_carranza_asylum.json"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["english"]);
    let english = finding(&a, "english");
    assert_eq!(english.code, Code::LanguageBelowLevel);
    assert_eq!(english.message, "English B2, C1 (fluent) required");
    assert_eq!(
        english.gap,
        Some(Gap::Level {
            language: "English".into(),
            have: Some("B2".into()),
            need: "C1 (fluent)".into(),
        })
    );
    assert_eq!(items(english), ["languages[1]"]);
    // B2 of C1 is 4/5 credit.
    assert_close(english.credit, 0.8);
    // Both asylum posts list "refugee protection" among aliases of it
    // (asylum, refugee status determination): the exact name is the
    // match shown.
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.status, Status::Met);
    // Periods in other domains are cited for review (related: true).
    assert_eq!(
        items(protection),
        [
            "experience[0]",
            "experience[1]",
            "experience[2]",
            "experience[3]"
        ]
    );
    let rsd = protection.evidence[1].matched.as_ref().expect("matched");
    assert_eq!(rsd.how, MatchKind::Exact);
    assert_eq!(rsd.found, "refugee protection");
    assert_eq!(
        protection.message,
        "5.3 years of refugee protection/durable solutions/statelessness/internal displacement experience (needs 2)"
    );
}

#[test]
fn ricardo_is_ineligible_on_the_essential_skill_and_his_phd_in_progress_does_not_count() {
    let a = assess(&example("ricardo_alvarado_consultant.json"), VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["resettlement_repatriation_skill"]);
    let skill = finding(&a, "resettlement_repatriation_skill");
    assert_eq!(skill.code, Code::SkillMissing);
    assert_eq!(
        skill.gap,
        Some(Gap::Missing {
            what: "resettlement or voluntary repatriation".into()
        })
    );
    let edu = finding(&a, "education");
    assert_eq!(edu.status, Status::Met);
    assert!(
        edu.message.starts_with("met through path 1: "),
        "{}",
        edu.message
    );
    let phd = edu
        .evidence
        .iter()
        .find(|e| e.item == "education[2]")
        .expect("the PhD in progress is cited");
    assert!(phd
        .detail
        .ends_with("not completed by 2024-01-15, not counted"));
    // No case management in his domains: casework is required, with no
    // duration, and his other periods may hold it: to verify.
    let casework = finding(&a, "case_management_experience");
    assert_eq!(casework.code, Code::ExperienceToVerify);
    assert_eq!(casework.status, Status::Unknown);
}

#[test]
fn a_doctorate_meets_the_third_path_with_one_year() {
    let cv = yaml(
        r#"
id: doctor
nationalities: [GT]
education:
  - { degree: Licenciatura, field: Sociología, completed: 2010-11 }
  - { degree: Doctorado, field: Derecho Internacional de los Refugiados, completed: 2022-06, accredited: true }
experience:
  - { title: Research Fellow, organization: FLACSO, domains: [asylum, migración], start: 2022-09, end: 2023-12 }
languages:
  - { language: es, level: nativo }
  - { language: en, level: C2 }
skills: [reasentamiento]
attestations: { covid19_vaccination: true }
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    let edu = finding(&a, "education");
    assert_eq!(edu.status, Status::Met);
    assert_eq!(edu.code, Code::EducationMet);
    assert_eq!(
        edu.path.as_deref(),
        Some("doctorate in an accepted field (or related) + 1 year of experience")
    );
    assert!(
        edu.message.starts_with(
            "met through path 3: doctorate in Derecho Internacional de los Refugiados (2022-06)"
        ),
        "{}",
        edu.message
    );
    assert!(
        edu.message.ends_with("1.3 years of experience (needs 1)"),
        "{}",
        edu.message
    );
    // Path 1 would need 3 years; the bachelor in sociology (an alias of
    // Social Sciences) is not the degree cited.
    assert_eq!(items(edu), ["education[1]", "experience[0]"]);
    // 1.33 years of asylum work is short of the 2 required.
    assert_eq!(a.verdict, Verdict::Ineligible);
    assert_eq!(failed(&a), ["refugee_protection_experience"]);
    let protection = finding(&a, "refugee_protection_experience");
    assert_close(years_missing(protection), 0.67);
    let asylum = protection.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(
        (asylum.how, asylum.found.as_str(), asylum.wanted.as_str()),
        (MatchKind::Alias, "asylum", "refugee protection")
    );
    // The skill is evidenced through the Spanish alias.
    let skill = finding(&a, "resettlement_repatriation_skill");
    assert_eq!(skill.status, Status::Met);
    assert_eq!(skill.message, "lists reasentamiento");
}

#[test]
fn typos_match_fuzzily_and_the_similarity_is_shown() {
    let cv = yaml(
        r#"
id: typos
education:
  - { degree: Master of Arts, field: Internacional Relations, completed: 2018-06 }
experience:
  - { title: Protection Associate, domains: [refugee protecion], start: 2018-07, end: 2023-06 }
languages:
  - { language: Spanish, level: C2 }
  - { language: English, level: C1 }
certifications:
  - { name: Protection Learning Programe, issued: 2019-01 }
skills: [Voluntary Repatriaton]
attestations: { covid19_vaccination: true }
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    // Casework is not named: the one thing to verify.
    assert_eq!(a.verdict, Verdict::NeedsReview);
    assert_eq!(to_verify(&a), ["case_management_experience"]);

    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.status, Status::Met);
    let m = protection.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(m.how, MatchKind::Fuzzy);
    assert_eq!(
        (m.wanted.as_str(), m.found.as_str()),
        ("refugee protection", "refugee protecion")
    );
    assert_close(m.similarity, 0.94);

    let plp = finding(&a, "protection_learning_programme");
    assert_eq!(plp.status, Status::Met);
    let m = plp.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(m.how, MatchKind::Fuzzy);
    assert!(
        m.similarity >= 0.85 && m.similarity < 1.0,
        "{}",
        m.similarity
    );
    assert!(m.to_string().contains("≈"), "{m}");

    let skill = finding(&a, "resettlement_repatriation_skill");
    assert_eq!(skill.status, Status::Met);
    let m = skill.evidence[0].matched.as_ref().expect("matched");
    assert_eq!(m.how, MatchKind::Fuzzy);
    assert_eq!(m.wanted, "voluntary repatriation");

    // A typo in the field is a fuzzy match too: the path is met.
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationMet);
    assert!(
        edu.message.starts_with("met through path 1: "),
        "{}",
        edu.message
    );
}

#[test]
fn missing_declaration_and_languages_need_review() {
    let cv = yaml(
        r#"
id: quiet
education:
  - { degree: Licenciatura, field: Relaciones Internacionales, completed: 2015-11 }
experience:
  - { title: Resettlement Caseworker, organization: HIAS, domains: [resettlement, casework], start: 2016-01, end: 2021-12 }
skills: [resettlement]
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::NeedsReview);
    // The vaccination is a condition of appointment, not a requirement.
    assert_eq!(to_verify(&a), ["english", "spanish"]);
    assert_eq!(finding(&a, "english").code, Code::LanguageNotStated);
    assert_eq!(
        finding(&a, "english").message,
        "no languages stated; needs English at C1 (fluent)"
    );
    let covid = finding(&a, "covid19_vaccination");
    assert_eq!(covid.code, Code::AttestationNotStated);
    assert_eq!(
        covid.gap,
        Some(Gap::Verify {
            what: "proof of COVID-19 vaccination".into()
        })
    );
    // Casework is case management through the vocabulary.
    assert_eq!(
        finding(&a, "case_management_experience").code,
        Code::ExperienceMet
    );
    // Certifications not stated: assets to verify, not failures.
    assert_eq!(
        finding(&a, "protection_learning_programme").code,
        Code::CertificationNotStated
    );
}

#[test]
fn declining_the_declaration_and_no_degree_are_two_failures() {
    let cv = yaml(
        r#"
id: declined
education:
  - { degree: Diploma de Bachiller, field: Ciencias y Letras, completed: 2012-10 }
experience:
  - { domains: [refugee protection], start: 2014-01, end: 2023-12 }
languages:
  - { language: es, level: native }
  - { language: en, level: C1 }
skills: [resettlement]
attestations: { covid19_vaccination: false }
"#,
    );
    let a = assess(&cv, VACANCY, AS_OF);
    assert_eq!(a.verdict, Verdict::Ineligible);
    // Declining the vaccination is shown, as a condition of appointment,
    // and changes nothing.
    assert_eq!(failed(&a), ["education"]);
    assert_eq!(finding(&a, "covid19_vaccination").status, Status::NotMet);
    let edu = finding(&a, "education");
    // "Diploma de Bachiller" is secondary education, not a bachelor's.
    assert_eq!(edu.code, Code::EducationDegreeMissing);
    assert_eq!(
        edu.gap,
        Some(Gap::Degree {
            have: Some(DegreeLevel::Secondary),
            need: DegreeLevel::Bachelor
        })
    );
    assert!(
        edu.message
            .starts_with("closest path 1: highest completed degree is secondary education"),
        "{}",
        edu.message
    );
    let covid = finding(&a, "covid19_vaccination");
    assert_eq!(covid.code, Code::AttestationDeclined);
    assert_eq!(items(covid), ["attestations.covid19_vaccination"]);
}

#[test]
fn closed_vacancy_is_measured_at_its_deadline() {
    // As of 2025-10-01 Sofía has 3.25 years of refugee protection, but the
    // vacancy closed on 2024-02-08: only what she had then counts.
    let a = assess(&example("sofia_giron_graduate.json"), VACANCY, "2025-10-01");
    assert!(a.closed);
    assert_eq!(a.as_of, common::day("2025-10-01"));
    assert_eq!(a.measured_at, common::day("2024-02-08"));
    assert_eq!(a.verdict, Verdict::Ineligible);
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(
        protection.message,
        "1.6 years of refugee protection/durable solutions/statelessness/internal displacement experience, needs 2: 0.4 short"
    );
    assert_close(years_missing(protection), 0.39);
    assert!(a
        .to_string()
        .contains("[closed: deadline passed; measured at 2024-02-08]"));
}

#[test]
fn a_period_that_starts_after_the_deadline_is_cited_and_not_counted() {
    let cv = yaml(
        r#"
id: late
experience:
  - { title: Protection Assistant, domains: [refugee protection], start: 2022-07, end: 2023-06 }
  - { title: Resettlement Associate, domains: [resettlement], start: 2024-03 }
"#,
    );
    let a = assess(&cv, VACANCY, "2025-06-30");
    assert!(a.closed);
    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(protection.code, Code::ExperienceShort);
    assert_close(years_missing(protection), 1.0);
    assert_eq!(items(protection), ["experience[0]", "experience[1]"]);
    assert_eq!(
        protection.evidence[0].detail,
        "Protection Assistant (2022-07–2023-06): 1 year"
    );
    assert_eq!(
        protection.evidence[1].detail,
        "Resettlement Associate (2024-03–ongoing) starts after 2024-02-08, not counted"
    );
}
