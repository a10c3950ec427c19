//! Native speakers: a profile states a mother tongue apart from its level,
//! a rule may require a native speaker, and "native" as a level keeps
//! meaning C2 where no rule asks for native-ness. Explanations, gaps and
//! what-ifs in English and Spanish.

mod common;

use common::{day, finding, yaml};
use vacancy_match::{Assessment, Candidate, Code, Gap, Lang, RuleSet, Status, Verdict};

/// A posting that requires a native speaker of Spanish ("Native
/// (required)") and English at C2 (a level rule, for comparison).
const VACANCY: &str = r#"
id: native
title: Protection Officer
organization: UNHCR
duty_station: { country: HN }
requirements:
  - { id: spanish, kind: language, languages: es, native: true, source: "Spanish level: Native (required)" }
  - { id: english, kind: language, languages: en, level: C2, source: "English: C2" }
"#;

fn rules() -> RuleSet {
    RuleSet::from_yaml_str(VACANCY).expect("the vacancy loads")
}

fn assess(cv: &Candidate, lang: Lang) -> Assessment {
    rules()
        .assess(cv, day("2025-01-01"))
        .lang(lang)
        .one("native")
        .expect("the vacancy is there")
}

fn gap(a: &Assessment, requirement: &str) -> String {
    let f = finding(a, requirement);
    f.gap.as_ref().map(|g| g.render(f.lang)).unwrap_or_default()
}

fn changes(a: &Assessment) -> Vec<&str> {
    a.what_if.iter().map(|c| c.change.as_str()).collect()
}

#[test]
fn a_native_speaker_who_wrote_c1_meets_a_native_rule_and_a_level_rule_sees_c1() {
    let cv = yaml(
        "languages:\n  - { language: es, level: C1, native: true }\n  - { language: en, level: C1, native: true }\n",
    );
    let en = assess(&cv, Lang::En);
    let spanish = finding(&en, "spanish");
    assert_eq!(
        (spanish.status, spanish.code),
        (Status::Met, Code::LanguageMet)
    );
    assert_eq!(
        spanish.message,
        "Spanish C1, a mother tongue: meets the native-speaker requirement"
    );
    assert_eq!(spanish.expected, "a native speaker of Spanish");
    assert_eq!(spanish.evidence[0].detail, "Spanish C1, a mother tongue");
    assert!(spanish.gap.is_none());
    // A level rule sees the level as stated: C1 is below C2.
    let english = finding(&en, "english");
    assert_eq!(
        (english.status, english.code),
        (Status::NotMet, Code::LanguageBelowLevel)
    );
    assert_eq!(gap(&en, "english"), "English C1, C2 required");

    let es = assess(&cv, Lang::Es);
    let spanish = finding(&es, "spanish");
    assert_eq!(
        spanish.message,
        "Español C1, lengua materna: cumple el requisito de hablante nativo"
    );
    assert_eq!(spanish.expected, "hablante nativo de Español");
    assert_eq!(spanish.evidence[0].detail, "Español C1, lengua materna");
}

#[test]
fn a_certified_non_native_c2_is_not_met_when_stated_and_to_verify_when_not() {
    let stated = yaml("languages:\n  - { language: es, level: C2, native: false }\n  - { language: en, level: C2 }\n");
    let en = assess(&stated, Lang::En);
    let spanish = finding(&en, "spanish");
    assert_eq!(
        (spanish.status, spanish.code),
        (Status::NotMet, Code::LanguageNotNative)
    );
    assert_eq!(en.verdict, Verdict::Ineligible);
    assert_eq!(
        spanish.message,
        "Spanish C2, not a mother tongue; a native speaker is required"
    );
    assert_eq!(
        gap(&en, "spanish"),
        "verify that Spanish is the candidate's mother tongue: the profile states it is not"
    );
    // Never "become a native speaker": a fact to confirm.
    assert_eq!(
        changes(&en),
        ["confirmation that Spanish is the candidate's mother tongue: the profile states it is not"]
    );
    assert!(matches!(spanish.gap, Some(Gap::Verify { .. })));
    let es = assess(&stated, Lang::Es);
    assert_eq!(
        finding(&es, "spanish").message,
        "Español C2, no es lengua materna; se requiere hablante nativo"
    );
    assert_eq!(
        changes(&es),
        ["confirmar que Español sea lengua materna de la persona candidata: el perfil indica que no lo es"]
    );

    let unstated =
        yaml("languages:\n  - { language: es, level: C2 }\n  - { language: en, level: C2 }\n");
    let en = assess(&unstated, Lang::En);
    let spanish = finding(&en, "spanish");
    assert_eq!(
        (spanish.status, spanish.code),
        (Status::Unknown, Code::LanguageNativeToVerify)
    );
    assert_eq!(en.verdict, Verdict::NeedsReview);
    assert_eq!(
        spanish.message,
        "Spanish C2 listed without saying whether it is a mother tongue; a native speaker is required"
    );
    assert_eq!(
        spanish.evidence[0].detail,
        "Spanish C2, mother tongue not stated"
    );
    assert_eq!(
        gap(&en, "spanish"),
        "verify that Spanish is the candidate's mother tongue (a native speaker is required)"
    );
    // The level rule is met by the C2 as before.
    assert_eq!(finding(&en, "english").status, Status::Met);
    let es = assess(&unstated, Lang::Es);
    assert_eq!(
        finding(&es, "spanish").message,
        "Español C2 sin indicar si es lengua materna; se requiere hablante nativo"
    );
    assert_eq!(
        gap(&es, "spanish"),
        "verificar que Español sea lengua materna de la persona candidata (se requiere hablante nativo)"
    );
}

#[test]
fn a_native_rule_with_the_language_absent_fails_only_when_languages_are_listed() {
    let listed = yaml("languages:\n  - { language: en, level: C2 }\n");
    let en = assess(&listed, Lang::En);
    let spanish = finding(&en, "spanish");
    assert_eq!(
        (spanish.status, spanish.code),
        (Status::NotMet, Code::LanguageMissing)
    );
    assert_eq!(
        spanish.message,
        "Spanish not listed (lists English); needs a native speaker"
    );
    assert_eq!(
        changes(&en),
        ["confirmation that the candidate is a native speaker of Spanish, which the profile does not list"]
    );
    let es = assess(&listed, Lang::Es);
    assert_eq!(
        finding(&es, "spanish").message,
        "no figura Español (se indican: Inglés); se requiere hablante nativo"
    );
    assert_eq!(
        gap(&es, "spanish"),
        "verificar que Español sea lengua materna de la persona candidata (el perfil no lo menciona)"
    );

    let none = yaml("id: silent\n");
    let en = assess(&none, Lang::En);
    let spanish = finding(&en, "spanish");
    assert_eq!(
        (spanish.status, spanish.code),
        (Status::Unknown, Code::LanguageNotStated)
    );
    assert_eq!(
        spanish.message,
        "no languages stated; needs a native speaker of Spanish"
    );
    assert_eq!(
        gap(&en, "spanish"),
        "verify that the candidate is a native speaker of Spanish"
    );
    let es = assess(&none, Lang::Es);
    assert_eq!(
        finding(&es, "spanish").message,
        "no se indican idiomas; se requiere hablante nativo de Español"
    );
}

#[test]
fn native_as_a_level_keeps_meaning_c2_and_states_a_mother_tongue() {
    let cv = yaml(
        "languages:\n  - { language: es, level: nativo }\n  - { language: en, level: native }\n",
    );
    let en = assess(&cv, Lang::En);
    // The level rule: C2 as before.
    let english = finding(&en, "english");
    assert_eq!(
        (english.status, english.code),
        (Status::Met, Code::LanguageMet)
    );
    assert_eq!(english.message, "English C2 (native) meets C2");
    // The native rule: the words say a mother tongue.
    let spanish = finding(&en, "spanish");
    assert_eq!(spanish.status, Status::Met);
    assert_eq!(
        spanish.message,
        "Spanish C2 (nativo), a mother tongue: meets the native-speaker requirement"
    );
    assert_eq!(en.verdict, Verdict::Eligible);

    // `native: true` without a level is C2 for a level rule.
    let bare = yaml(
        "languages:\n  - { language: es, native: true }\n  - { language: en, native: true }\n",
    );
    let en = assess(&bare, Lang::En);
    assert_eq!(en.verdict, Verdict::Eligible);
    assert_eq!(
        finding(&en, "english").message,
        "English C2 (native speaker, no level stated) meets C2"
    );
    let es = assess(&bare, Lang::Es);
    assert_eq!(
        finding(&es, "english").evidence[0].detail,
        "Inglés C2 (lengua materna, sin nivel indicado)"
    );

    // "Native" as a level and `native: false` contradict each other.
    let err = Candidate::from_yaml_str(
        "languages:\n  - { language: es, level: native, native: false }\n",
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 2:5: languages[0].native: `native: false` contradicts level `native`, which says a mother tongue; expected `native: true` or a level such as C2"
    );
}

#[test]
fn json_carries_the_codes_and_the_profile_field() {
    let cv = yaml("languages:\n  - { language: es, level: C2 }\n");
    let a = assess(&cv, Lang::En);
    let json = serde_json::to_value(&a).unwrap();
    let spanish = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["requirement"] == "spanish")
        .unwrap();
    assert_eq!(spanish["code"], "language.native_to_verify");
    assert_eq!(spanish["status"], "unknown");
    assert_eq!(spanish["gap"]["type"], "verify");
    assert_eq!(
        spanish["gap"]["what"],
        "that Spanish is the candidate's mother tongue (a native speaker is required)"
    );
    let written = serde_json::to_value(yaml(
        "languages:\n  - { language: es, level: C1, native: true }\n",
    ))
    .unwrap();
    assert_eq!(written["languages"][0]["native"], true);
}

#[test]
fn rule_files_say_native_and_validation_reports_what_disagrees() {
    let load = |spanish: &str| {
        RuleSet::from_yaml_str(&format!(
            "id: v\ntitle: V\norganization: UNHCR\nduty_station: {{ country: HN }}\nrequirements:\n  - {{ id: spanish, kind: language, languages: es, source: x, {spanish} }}\n"
        ))
    };
    let messages = |spanish: &str| -> Vec<String> {
        load(spanish)
            .unwrap()
            .analyze()
            .into_iter()
            .map(|w| w.message)
            .collect()
    };
    assert!(messages("native: true").is_empty());
    assert!(messages("native: true, level: native").is_empty());
    assert!(messages("level: native, native: false").is_empty());
    assert!(messages("level: C1").is_empty());
    assert_eq!(
        messages("native: true, level: B2"),
        ["`spanish` requires a native speaker and level B2: a native speaker meets it at any stated level and nobody else does, so the level is never used"]
    );
    assert_eq!(
        messages("level: native"),
        ["`spanish` asks level `native`, which reads as C2: a certified non-native C2 meets it and a native speaker who wrote C1 does not"]
    );
    let err = load("native: false").unwrap_err();
    assert!(
        err.to_string()
            .contains("a `language` requirement needs `level` or `native: true`"),
        "{err}"
    );
}
