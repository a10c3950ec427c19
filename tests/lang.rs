//! Explanations in English and Spanish: every code has words in both, the
//! judgement does not depend on the language, and the Spanish of the
//! example candidates is pinned.

mod common;

use std::collections::BTreeMap;

use common::{day, example, rules};
use vacancy_match::{Assessment, Candidate, Code, Finding, Gap, Lang, RuleSet, Verdict};

/// A small vacancy that exercises every kind of requirement and every
/// way of writing one: paths with fields, accreditation, substitution;
/// experience by domain, country, scope and after a degree; languages by
/// CEFR code, descriptor and "one of"; rights to work; internal status;
/// certifications, skills and a declaration.
const VACANCY: &str = r#"
id: coverage
title: Coverage Officer
organization: UNHCR
duty_station: { city: Tapachula, country: MX }
deadline: 2025-06-30
target_start: 2025-07-01
requirements:
  - id: edu_strict
    kind: education
    source: x
    paths:
      - { degree: bachelor, fields: { accepted: [Law] }, experience: { years: 2, domains: [refugee protection] } }
  - id: edu_related
    kind: education
    source: x
    fields: { accepted: [Law, International Relations, Political Science, Social Sciences], related: true }
    paths:
      - { degree: bachelor, accredited: true, experience: { years: 3, domains: [refugee protection], related: true } }
      - { degree: master, experience: { years: 1 } }
  - id: edu_sub
    kind: education
    source: x
    master_substitution: true
    paths:
      - { degree: master, experience: { years: 1 } }
  - { id: edu_secondary, kind: education, source: x, paths: [{ degree: secondary }] }
  - { id: exp_domain, kind: experience, source: x, years: 2, domains: [refugee protection] }
  - { id: exp_related, kind: experience, source: x, years: 3, domains: [case management], related: true }
  - { id: exp_country, kind: experience, source: x, years: 1, countries: [GT, MX] }
  - { id: exp_national, kind: experience, source: x, years: 1, scope: national }
  - { id: exp_intl, kind: experience, source: x, priority: desirable, years: 1, scope: international }
  - { id: exp_after, kind: experience, source: x, years: 1, after_degree: bachelor }
  - { id: english, kind: language, languages: en, level: fluent, source: x }
  - { id: spanish, kind: language, languages: es, level: C1, source: x }
  - { id: mayan, kind: language, priority: desirable, languages: [mam, quc, cak], level: B1, source: x }
  - { id: many, kind: language, priority: desirable, languages: [mam, quc, cak, kek, fr], level: UN II, source: x }
  - { id: permit, kind: work_authorization, source: x }
  - { id: permit_gt, kind: work_authorization, country: GT, statuses: [citizen, work_permit], source: x }
  - { id: internal, kind: internal, organizations: [UNHCR, IOM], source: x }
  - { id: cert, kind: certification, any_of: [Protection Learning Programme, Resettlement Learning Programme], source: x }
  - { id: skill, kind: skill, any_of: [resettlement, database management], source: x }
  - { id: office, kind: skill, priority: desirable, any_of: [MS Office], source: x }
  - { id: vaccine, kind: attestation, attestation: covid19_vaccination, source: x }
  - { id: nationals, kind: nationality, nationals_of: [MX], source: x }
  - { id: junior_years, kind: experience, priority: desirable, years: 0, max_years: 1, source: x }
  - { id: not_nationals, kind: nationality, not_nationals_of: [GT], source: x }
  - { id: french_native, kind: language, priority: desirable, languages: fr, native: true, source: x }
"#;

/// Profiles crafted so that, between them, every code is emitted.
const PROFILES: &[&str] = &[
    "id: blank\n",
    r#"
id: complete
nationalities: [MX]
work_authorizations: [{ country: GT, status: work_permit, valid_until: 2025-03 }]
staff_of: [ACNUR]
education:
  - { degree: Licenciatura, field: Derecho, completed: 2015-11, accredited: true }
experience:
  - { title: Protection Associate, organization: ACNUR, country: MX, international: false, domains: [asylum, casework], start: 2016-01 }
languages:
  - { language: es, level: nativo }
  - { language: en, level: C1 }
  - { language: mam, level: B2 }
certifications:
  - { name: Protection Learning Programme, issued: 2017-03, expires: 2030-01 }
skills: [reasentamiento, MS Office]
attestations: { covid19_vaccination: true }
"#,
    r#"
id: short
nationalities: [GT]
work_authorizations: [{ country: MX, status: permanent_resident }]
staff_of: [NRC]
education:
  - { degree: Licenciatura, field: Psicología, completed: 2022-11 }
  - { degree: Maestría, field: Derecho }
experience:
  - { title: Caseworker, organization: HIAS, country: CO, international: true, domains: [education], start: 2023-01, end: 2023-12, fraction: 0.5 }
  - { title: Volunteer, start: 2024-02 }
  - { title: Late, domains: [refugee protection], start: 2026-01 }
languages:
  - { language: es, level: B2 }
  - { language: en }
  - { language: fr, level: A2 }
certifications:
  - { name: Resettlement Learning Programme, issued: 2015-01, expires: 2018-12 }
skills: [knitting, Voluntary Repatriaton]
attestations: { covid19_vaccination: false }
"#,
    r#"
id: substitution
nationalities: [GT]
work_authorizations: [{ country: MX, status: work_permit, valid_until: 2025-05 }]
education:
  - { degree: Bachelor of Laws, field: Law, completed: 2010-06 }
experience:
  - { title: Legal Officer, organization: UNHCR, country: GT, domains: [refugee protection], start: 2010-09, end: 2020-12 }
  - { title: Adviser, country: MX, start: 2021-01 }
languages:
  - { language: English, level: excellent }
  - { language: Spanish, level: UN III }
certifications: [{ name: Protection Learning Programe, issued: 2019-01 }]
skills: []
"#,
    r#"
id: technical
nationalities: [MX]
work_authorizations: []
education:
  - { degree: Diploma de Bachiller, completed: 2012-10 }
  - { degree: Técnico, field: Enfermería, completed: 2014-10 }
experience:
  - { title: Nurse, domains: [health], start: 2015-01, end: 2019-12 }
languages: []
"#,
    r#"
id: accreditation
nationalities: [CO]
work_authorizations: [{ country: GT, status: permanent_resident }]
education:
  - { degree: Licenciatura, field: Relaciones Internacionales, completed: 2012-10, accredited: false }
experience:
  - { title: Officer, organization: OIM, domains: [refugee protection], start: 2013-01 }
languages:
  - { language: k'iche', level: C1 }
"#,
    r#"
id: field-to-judge
education:
  - { degree: Licenciatura, completed: 2012-10 }
  - { degree: Licenciatura, field: Psicología, completed: 2013-10 }
experience:
  - { title: Officer, domains: [refugee protection], start: 2013-01, end: 2024-12 }
"#,
    r#"
id: field-not-stated
education:
  - { degree: Licenciatura, completed: 2012-10, accredited: true }
experience:
  - { title: Officer, domains: [refugee protection], start: 2013-01, end: 2024-12 }
"#,
    r#"
id: experience-to-verify
education:
  - { degree: Licenciatura, field: Derecho, completed: 2012-10, accredited: true }
experience:
  - { title: Officer, domains: [community work], start: 2013-01, end: 2016-12 }
"#,
    "id: partial\nstaff_of: [Friends of UNHCR]\neducation:\n  - { degree: bachelor, field: Law }\n",
    "id: certified-not-native\nlanguages:\n  - { language: fr, level: C2, native: false }\n",
    "id: native-not-said\nlanguages:\n  - { language: fr, level: C2 }\n",
    r#"
id: domains-inferred
skills: [Excel]
experience:
  - { title: Developer, domains: [resettlement], domains_inferred: true, start: 2013-01, end: 2016-12 }
"#,
    // A right that often comes with an accepted one: to verify.
    "id: humanitarian\nnationalities: [HN]\nwork_authorizations: [{ country: GT, status: humanitarian_visa }]\n",
];

const DATES: &[&str] = &["2017-03-01", "2024-01-15", "2025-08-01"];

fn coverage() -> RuleSet {
    RuleSet::from_yaml_str(VACANCY).expect("the coverage vacancy loads")
}

fn profiles() -> Vec<Candidate> {
    PROFILES.iter().map(|p| common::yaml(p)).collect()
}

/// Every assessment of the crafted profiles (against the coverage vacancy
/// and the bundled postings) in one language.
fn all_in(lang: Lang) -> Vec<Assessment> {
    let coverage = coverage();
    let mut all = Vec::new();
    for cv in profiles() {
        for as_of in DATES {
            for set in [&coverage, rules()] {
                all.extend(set.assess(&cv, day(as_of)).lang(lang).each());
            }
        }
    }
    all
}

/// The two languages' findings, side by side.
fn pairs<'a>(en: &'a [Assessment], es: &'a [Assessment]) -> Vec<(&'a Finding, &'a Finding)> {
    assert_eq!(en.len(), es.len());
    en.iter()
        .zip(es)
        .flat_map(|(a, b)| {
            assert_eq!(a.findings.len(), b.findings.len());
            a.findings.iter().zip(&b.findings)
        })
        .collect()
}

/// English frames that must not be left in a Spanish sentence.
const ENGLISH: &[&str] = &[
    " needs ",
    "required",
    " years",
    "not stated",
    "not listed",
    " short",
    "closest path",
    "met through",
    "near miss",
    "valid until",
    " meets ",
];

/// English words of the report itself, on top of [`ENGLISH`].
const ENGLISH_REPORT: &[&str] = &[
    "ELIGIBLE",
    "NEEDS REVIEW",
    "[met]",
    "[verify]",
    "[missing]",
    "(asset)",
    "gap:",
    "what would make",
    "to confirm eligibility",
    "ongoing",
    "not counted",
    "starts after",
    "(alias)",
    "similarity",
    "national of",
    "closed:",
];

#[test]
fn every_code_has_words_in_both_languages() {
    let (en, es) = (all_in(Lang::En), all_in(Lang::Es));
    let mut by_code: BTreeMap<Code, (&Finding, &Finding)> = BTreeMap::new();
    for (e, s) in pairs(&en, &es) {
        by_code.entry(e.code).or_insert((e, s));
    }
    for code in Code::ALL {
        let Some((e, s)) = by_code.get(code) else {
            panic!("no crafted profile emits {code}");
        };
        assert_eq!((e.lang, s.lang), (Lang::En, Lang::Es));
        assert!(!e.message.is_empty() && !s.message.is_empty(), "{code}");
        assert_ne!(e.message, s.message, "{code}: the same sentence in both");
        assert_ne!(e.expected, s.expected, "{code}: the same expected in both");
        match (&e.gap, &s.gap) {
            (Some(ge), Some(gs)) => {
                assert_ne!(ge.render(Lang::En), gs.render(Lang::Es), "{code}");
                // A missing item's change is the item itself: a name from
                // the rule file, the same in both languages.
                if !matches!(ge, Gap::Missing { .. }) {
                    assert_ne!(ge.change_in(Lang::En), gs.change_in(Lang::Es), "{code}");
                }
            }
            (None, None) => {}
            other => panic!("{code}: a gap in one language only: {other:?}"),
        }
        for word in ENGLISH {
            assert!(!s.message.contains(word), "{code}: {:?}", s.message);
        }
    }
}

#[test]
fn the_language_changes_the_words_not_the_judgement() {
    let (en, es) = (all_in(Lang::En), all_in(Lang::Es));
    for (a, b) in en.iter().zip(&es) {
        assert_eq!(a.lang, Lang::En);
        assert_eq!(b.lang, Lang::Es);
        assert_eq!(
            (a.verdict, a.score, a.closed, &a.audit),
            (b.verdict, b.score, b.closed, &b.audit)
        );
        assert_eq!(a.what_if.len(), b.what_if.len());
        for (x, y) in a.what_if.iter().zip(&b.what_if) {
            assert_eq!((&x.requirement, x.status), (&y.requirement, y.status));
        }
    }
    for (e, s) in pairs(&en, &es) {
        assert_eq!(
            (e.status, e.code, e.credit, e.path.is_some()),
            (s.status, s.code, s.credit, s.path.is_some())
        );
        let items = |f: &Finding| {
            f.evidence
                .iter()
                .map(|e| (e.item.clone(), e.matched.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(items(e), items(s));
        for word in ENGLISH {
            assert!(!s.message.contains(word), "{}: {:?}", s.code, s.message);
            if let Some(gap) = &s.gap {
                let text = gap.render(Lang::Es);
                assert!(!text.contains(word), "{}: {text:?}", s.code);
            }
        }
    }
}

#[test]
fn no_english_is_left_in_spanish_reports() {
    let mut reports: Vec<Assessment> = all_in(Lang::Es);
    for entry in std::fs::read_dir(common::example_path("")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let cv = Candidate::from_path(&path).unwrap();
        for as_of in ["2017-03-01", "2024-01-15", "2025-10-01"] {
            reports.extend(rules().assess(&cv, day(as_of)).lang(Lang::Es).ranked());
        }
    }
    for a in &reports {
        let text = a.to_string();
        for line in text.lines() {
            for word in ENGLISH.iter().chain(ENGLISH_REPORT) {
                assert!(!line.contains(word), "{word:?} in {line:?}");
            }
        }
        for f in &a.findings {
            for word in ENGLISH {
                assert!(!f.expected.contains(word), "{word:?} in {:?}", f.expected);
            }
        }
    }
}

#[test]
fn spanish_output_is_deterministic_and_records_its_language() {
    let cv = example("sofia_giron_graduate.json");
    let once = rules()
        .assess(&cv, day("2024-01-15"))
        .lang(Lang::Es)
        .ranked();
    let again = rules()
        .assess(&cv, day("2024-01-15"))
        .lang(Lang::Es)
        .ranked();
    let json = serde_json::to_string(&once).unwrap();
    assert_eq!(json, serde_json::to_string(&again).unwrap());
    let text: Vec<String> = once.iter().map(ToString::to_string).collect();
    let text_again: Vec<String> = again.iter().map(ToString::to_string).collect();
    assert_eq!(text, text_again);
    assert!(json.contains(r#""lang":"es""#), "{json}");
    // English stays the default, and is recorded too.
    let english = rules().assess(&cv, day("2024-01-15")).ranked();
    assert!(serde_json::to_string(&english)
        .unwrap()
        .contains(r#""lang":"en""#));
    // The same ranking in both languages.
    let ids = |all: &[Assessment]| all.iter().map(|a| a.vacancy.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&once), ids(&english));
}

fn sofia_es() -> Assessment {
    rules()
        .assess(&example("sofia_giron_graduate.json"), day("2024-01-15"))
        .lang(Lang::Es)
        .one("unhcr-gt-resettlement-officer-2024")
        .expect("the vacancy is bundled")
}

fn finding<'a>(a: &'a Assessment, id: &str) -> &'a Finding {
    common::finding(a, id)
}

#[test]
fn sofia_in_spanish_education_and_experience() {
    let a = sofia_es();
    assert_eq!(a.verdict, Verdict::Ineligible);
    let edu = finding(&a, "education");
    assert_eq!(edu.code, Code::EducationExperienceShort);
    assert_eq!(
        edu.message,
        "opción 1 (la más cercana): licenciatura en Relaciones Internacionales (2022-05), \
         pero acredita 1,5 años de experiencia; se requieren 3: faltan 1,5"
    );
    assert_eq!(
        edu.path.as_deref(),
        Some("licenciatura en un área aceptada (o afín) + 3 años de experiencia")
    );
    assert_eq!(
        edu.expected,
        "licenciatura en un área aceptada (o afín) + 3 años de experiencia; \
         o maestría en un área aceptada (o afín) + 2 años de experiencia; \
         o doctorado en un área aceptada (o afín) + 1 año de experiencia"
    );
    assert_eq!(
        edu.gap.as_ref().map(|g| g.render(Lang::Es)).as_deref(),
        Some("faltan 1,5 años de experiencia")
    );
    let details: Vec<&str> = edu.evidence.iter().map(|e| e.detail.as_str()).collect();
    assert_eq!(
        details,
        [
            "licenciatura en Relaciones Internacionales (2022-05)",
            "maestría en Ciencias Sociales: sin concluir al 2024-01-15; no se cuenta",
            "Asistente de Protección, Asociación Refugio de la Niñez (2022-07–en curso): 1,5 años",
        ]
    );

    let protection = finding(&a, "refugee_protection_experience");
    assert_eq!(
        protection.message,
        "acredita 1,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno; se requieren 2: faltan 0,5"
    );
    assert_eq!(
        protection.expected,
        "2 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno"
    );
    assert_eq!(
        protection
            .gap
            .as_ref()
            .map(|g| g.render(Lang::Es))
            .as_deref(),
        Some("faltan 0,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno")
    );
}

#[test]
fn sofia_in_spanish_languages_and_what_if() {
    let a = sofia_es();
    let spanish = finding(&a, "spanish");
    assert_eq!(spanish.message, "Español C2 (nativo) cumple C1 (fluido)");
    assert_eq!(
        spanish.expected,
        "Español, nivel C1 (fluido, escala de descriptores de vacantes)"
    );
    assert_eq!(
        finding(&a, "english").message,
        "Inglés C1 cumple C1 (fluido)"
    );
    let changes: Vec<&str> = a.what_if.iter().map(|c| c.change.as_str()).collect();
    assert_eq!(
        changes,
        [
            "1,5 años más de experiencia",
            "0,5 años más de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno"
        ]
    );
    let text = a.to_string();
    assert!(text.starts_with(
        "NO ELEGIBLE  82,1/100  unhcr-gt-resettlement-officer-2024 — Oficial Asociado/a de Reasentamiento y Vías Complementarias (UNHCR)\n"
    ), "{text}");
    assert!(text.contains(
        "\n  [falta]     Experiencia en protección de refugiados: acredita 1,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno; se requieren 2: faltan 0,5\
         \n                brecha: faltan 0,5 años de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno\n"
    ), "{text}");
    assert!(text.contains(
        "\n  [cumple]    Gestión de bases de datos (deseable): indica DM-Database Management\
         \n                · skills[1]: DM-Database Management — \"DM-Database Management\" = \"database management\" (equivalente)\n"
    ), "{text}");
    assert!(text.ends_with(
        "\n  para ser elegible se necesita: 1,5 años más de experiencia; 0,5 años más de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno"
    ), "{text}");
}

#[test]
fn a_closed_vacancy_and_what_to_confirm_in_spanish() {
    let cv = example("jorge_mendez_tapachula.yaml");
    let all = rules()
        .assess(&cv, day("2025-08-01"))
        .lang(Lang::Es)
        .ranked();
    let first = &all[0];
    assert_eq!(first.verdict, Verdict::NeedsReview);
    let text = first.to_string();
    assert!(
        text.starts_with("REQUIERE REVISIÓN  92,0/100  unhcr-mx-protection-assistant-2025"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n  [verificar] Vacunación contra la COVID-19 (a confirmar antes del nombramiento): sin declaración: comprobante de vacunación contra la COVID-19\
         \n                brecha: verificar comprobante de vacunación contra la COVID-19\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "\n  [verificar] Inglés: no se indican idiomas; se requiere Inglés, nivel B2 (bueno)\
         \n                brecha: verificar el dominio de Inglés, nivel B2 (bueno)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("\n  para confirmar la elegibilidad: confirmar "),
        "{text}"
    );
    let closed = all
        .iter()
        .find(|a| a.vacancy == "unhcr-gt-resettlement-officer-2024")
        .expect("the posting is bundled");
    assert!(closed.closed);
    assert!(closed
        .to_string()
        .contains("  [cerrada: plazo vencido; medición al 2024-02-08]"));
}

#[test]
fn spanish_names_for_countries_degrees_and_rights() {
    let coverage = coverage();
    let cv = common::yaml(PROFILES[4]);
    let a = coverage
        .assess(&cv, day("2025-08-01"))
        .lang(Lang::Es)
        .one("coverage")
        .unwrap();
    let strict = finding(&a, "edu_strict");
    assert!(
        strict.message.starts_with(
            "el título más alto concluido es educación técnica/postsecundaria en Enfermería (2014-10); se requiere una licenciatura"
        ),
        "{}",
        strict.message
    );
    assert_eq!(
        strict.gap.as_ref().map(|g| g.render(Lang::Es)).as_deref(),
        Some(
            "se requiere una licenciatura; el título más alto es educación técnica/postsecundaria"
        )
    );
    assert_eq!(
        finding(&a, "exp_national").expected,
        "1 año de experiencia nacional (México)"
    );
    let permit = finding(&a, "permit_gt");
    assert_eq!(
        permit.expected,
        "derecho a trabajar en Guatemala (ciudadanía o permiso de trabajo) vigente al 2025-07-01"
    );
    assert_eq!(
        permit.message,
        "no se indica derecho a trabajar en Guatemala (no es nacional ni tiene permiso)"
    );
    assert_eq!(
        finding(&a, "many").expected,
        "uno de 5 idiomas (Mam, K'iche', Kaqchikel, ...), nivel B2 (un ii, escala del Marco para las Lenguas de las Naciones Unidas)"
    );
    assert_eq!(
        finding(&a, "mayan").message,
        "no figura Mam, K'iche' o Kaqchikel (no se indica ninguno); se requiere nivel B1"
    );
}

#[test]
fn the_readme_shows_the_spanish_report_as_it_is() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    // What `cargo run --example check_cv -- examples/candidates/sofia_giron_graduate.json
    // --as-of 2024-01-15 --lang es` prints: the report `check` prints.
    let rules = rules();
    let cv = example("sofia_giron_graduate.json");
    let as_of = day("2024-01-15");
    let ranked = rules.assess(&cv, as_of).lang(Lang::Es).ranked();
    let block = vacancy_match::Report::new(rules, &cv, &ranked, as_of)
        .source(vacancy_match::RuleSource::Bundled)
        .to_string();
    let block = block.trim_end();
    // VACANCY_MATCH_BLESS=1 writes the report into the README's block
    // that starts with the same candidate; review the diff.
    if std::env::var_os("VACANCY_MATCH_BLESS").is_some() {
        let head = block.lines().next().unwrap_or_default();
        let who = head.split(" al ").next().unwrap_or_default();
        let start = readme.find(&format!("```text\n{who}")).unwrap() + "```text\n".len();
        let end = start + readme[start..].find("\n```").unwrap();
        let mut blessed = readme.clone();
        blessed.replace_range(start..end, block);
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"), &blessed).unwrap();
        return;
    }
    assert!(
        readme.contains(&format!("```text\n{block}\n```")),
        "README.md's Spanish block differs from:\n{block}"
    );
}

#[test]
fn report_languages_are_read_by_code_and_name() {
    for (text, lang) in [
        ("en", Lang::En),
        ("English", Lang::En),
        ("es", Lang::Es),
        ("spanish", Lang::Es),
        ("Español", Lang::Es),
    ] {
        assert_eq!(text.parse::<Lang>().unwrap(), lang, "{text}");
    }
    let err = "fr".parse::<Lang>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "unknown report language `fr`, expected en or es"
    );
    assert_eq!(Lang::default(), Lang::En);
    assert_eq!(serde_json::to_string(&Lang::Es).unwrap(), "\"es\"");
}

/// Words that are English only: in a Spanish report they mean a name or a
/// fixed word left untranslated.
const ENGLISH_ONLY: &[&str] = &[
    "experience",
    "required",
    "bundled",
    "vaccination",
    "eligible",
    "ineligible",
    "needs",
    "review",
    "missing",
    "years",
    "degree",
    "field",
    "skill",
    "asset",
    "staff",
    "declares",
    "refugee",
    "protection",
    "resettlement",
    "repatriation",
    "management",
    "migration",
    "humanitarian",
    "rights",
    "work",
    "and",
    "of",
    "the",
    "with",
];

/// Every string a profile file holds (values and keys): a report quotes
/// the profile's own words as written.
fn profile_words(path: &std::path::Path) -> Vec<String> {
    fn walk(value: &serde_yaml::Value, out: &mut Vec<String>) {
        match value {
            serde_yaml::Value::String(s) => out.push(s.clone()),
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|v| walk(v, out)),
            serde_yaml::Value::Mapping(map) => {
                for (k, v) in map {
                    walk(k, out);
                    walk(v, out);
                }
            }
            _ => {}
        }
    }
    let text = std::fs::read_to_string(path).unwrap();
    let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    let mut out = Vec::new();
    walk(&value, &mut out);
    // Longest first, so that a name is removed before a word inside it.
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out
}

/// What is left of a Spanish report once the profile's words are taken
/// out: evidence lines and quoted names are the profile's own.
fn without_profile_words(report: &str, words: &[String]) -> String {
    let mut out = String::new();
    for line in report.lines() {
        if line.trim_start().starts_with('·') {
            continue;
        }
        let mut line = line.to_string();
        for word in words {
            line = line.replace(word.as_str(), " ");
        }
        // Quoted names: what a profile's name was matched with.
        let mut kept = String::new();
        for (i, part) in line.split('"').enumerate() {
            if i % 2 == 0 {
                kept.push_str(part);
            }
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// The ASCII snake_case ids and English-only words of a text.
fn stray_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| {
            let snake = word.contains('_')
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            snake || ENGLISH_ONLY.contains(&word.to_lowercase().as_str())
        })
        .collect()
}

#[test]
fn the_stray_word_check_finds_ids_and_english_outside_profile_words() {
    let line =
        "  [falta]     refugee_protection_experience: faltan 2 years of \"Derecho\" Casework\n";
    let profile = vec!["Casework".to_string()];
    assert_eq!(
        stray_words(&without_profile_words(line, &profile)),
        ["refugee_protection_experience", "years", "of"]
    );
}

#[test]
fn spanish_reports_carry_no_ids_and_no_english_words() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/candidates");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 10);
    let mut problems = Vec::new();
    for file in &files {
        let cv = Candidate::from_path(file).unwrap();
        let words = profile_words(file);
        for as_of in ["2017-01-15", "2024-01-15", "2025-08-01"] {
            for a in rules().assess(&cv, day(as_of)).lang(Lang::Es).ranked() {
                // The heading's vacancy id is a key, kebab-case.
                let text = a.to_string().replace(a.vacancy.as_str(), " ");
                for word in stray_words(&without_profile_words(&text, &words)) {
                    problems.push(format!(
                        "{} × {} ({as_of}): `{word}`",
                        file.file_name().unwrap().to_string_lossy(),
                        a.vacancy
                    ));
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn findings_are_labelled_in_the_report_language_never_by_id() {
    let rules = RuleSet::from_yaml_str(
        r#"
id: labels
title: { en: Operations Assistant, es: Asistente de Operaciones }
organization: IOM
duty_station: { country: GT }
requirements:
  - id: protection_years
    label: { en: Protection work }
    kind: experience
    years: 2
    domains: [refugee protection]
  - id: mayan
    kind: language
    languages: [mam, quc, cak, kek, ixl]
    level: B1
  - id: iom_staff
    kind: internal
    organizations: [IOM]
"#,
    )
    .unwrap();
    let cv = Candidate::default();
    let labels = |lang: Lang| {
        let a = rules
            .assess(&cv, day("2024-01-15"))
            .lang(lang)
            .one("labels")
            .unwrap();
        let labels: Vec<String> = a.findings.iter().map(|f| f.label.to_string()).collect();
        (a.title.to_string(), labels)
    };
    assert_eq!(
        labels(Lang::En),
        (
            "Operations Assistant".to_string(),
            vec![
                "Protection work".to_string(),
                "Mam, K'iche', Kaqchikel or 2 more".to_string(),
                "Current IOM staff".to_string(),
            ]
        )
    );
    // No Spanish label: one derived in Spanish, with the vocabulary's names.
    assert_eq!(
        labels(Lang::Es),
        (
            "Asistente de Operaciones".to_string(),
            vec![
                "Experiencia en protección de refugiados".to_string(),
                "Mam, k'iche', kaqchikel o 2 más".to_string(),
                "Personal de OIM".to_string(),
            ]
        )
    );
}

#[test]
fn a_field_matched_through_the_vocabulary_is_named_in_spanish() {
    let cv = example("ana_lopez_protection.yaml");
    let a = rules()
        .assess(&cv, day("2024-01-15"))
        .lang(Lang::Es)
        .one("unhcr-americas-cpa-consultant-2025")
        .unwrap();
    assert_eq!(
        finding(&a, "education").message,
        "licenciatura en Ciencias Jurídicas y Sociales (2015-10) (\"Ciencias Jurídicas y Sociales\" = \"Derecho\" (equivalente))"
    );
}

#[test]
fn a_field_to_review_names_the_three_closest_accepted_fields() {
    let cv = Candidate::from_yaml_str(
        "education:\n  - { degree: bachelor, field: Antropología, completed: 2015-06 }\n",
    )
    .unwrap();
    let gap = |lang: Lang| {
        let a = rules()
            .assess(&cv, day("2024-01-15"))
            .lang(lang)
            .one("unhcr-gt-resettlement-officer-2024")
            .unwrap();
        let education = finding(&a, "education");
        education.gap.as_ref().map(|g| g.render(lang)).unwrap()
    };
    assert_eq!(
        gap(Lang::En),
        "verify whether Antropología is a field related to International Law, International Public Law or International Refugee Law (or 6 other accepted fields)"
    );
    assert_eq!(
        gap(Lang::Es),
        "verificar si Antropología es un área afín a Ciencias Políticas, Derecho Internacional o Derecho Internacional Público (u otras 6 áreas aceptadas)"
    );
}
