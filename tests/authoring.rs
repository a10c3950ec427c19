//! What an author meets encoding a new posting: a rules folder's
//! vocabulary and scales that extend the bundled ones, legal presence,
//! validation that catches unfinished work, suggestions by meaning, and
//! the sixth, worked posting of examples/rules/.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::cli::{run, ROOT};
use vacancy_match::{Candidate, Category, ErrorKind, Lang, RuleSet, Status, Verdict};

/// A fresh folder under the target directory, named apart from other
/// test binaries' folders.
fn scratch(name: &str) -> PathBuf {
    common::scratch(&format!("authoring-{name}"))
}

/// A vacancy whose experience rule names a domain only the folder's
/// vocabulary has and one only the bundled vocabulary has.
const TWO_DOMAINS: &str = "\
id: demo
title: Demo
organization: UNHCR
duty_station: { country: HN }
requirements:
  - id: experience
    kind: experience
    source: two years in protection
    years: 2
    domains: [land rights, refugee protection]
";

const LOCAL_VOCABULARY: &str = "\
domains:
  - name: land rights
    aliases: [derechos sobre la tierra]
  - name: internal displacement
    aliases: [desplazamiento por violencia]
";

fn message(error: &vacancy_match::Error) -> Vec<String> {
    error
        .problems()
        .iter()
        .map(|p| match p.kind() {
            ErrorKind::Io { .. } | ErrorKind::Many(_) => p.to_string(),
            _ => p.message().to_string(),
        })
        .collect()
}

#[test]
fn a_folder_vocabulary_extends_the_bundled_one() {
    let dir = scratch("extends");
    std::fs::write(dir.join("demo.yaml"), TWO_DOMAINS).unwrap();
    std::fs::write(dir.join("vocabulary.yaml"), LOCAL_VOCABULARY).unwrap();
    let rules = RuleSet::from_dir(&dir).expect("bundled and local names both load");
    let vocabulary = rules.vocabulary();
    assert_eq!(
        vocabulary.canonical(Category::Domain, "protección internacional"),
        Some("refugee protection")
    );
    assert_eq!(
        vocabulary.canonical(Category::Domain, "derechos sobre la tierra"),
        Some("land rights")
    );
    // An entry of a known name takes the new aliases and keeps its own.
    assert_eq!(
        vocabulary.canonical(Category::Domain, "desplazamiento por violencia"),
        Some("internal displacement")
    );
    assert_eq!(
        vocabulary.canonical(Category::Domain, "IDPs"),
        Some("internal displacement")
    );
    let bundled = RuleSet::bundled().unwrap();
    assert_eq!(
        vocabulary.len(Category::Domain),
        bundled.vocabulary().len(Category::Domain) + 1
    );
    // One file read alone reads as in its folder.
    let alone = RuleSet::from_file(dir.join("demo.yaml")).expect("the folder's vocabulary is used");
    assert_eq!(
        alone
            .vocabulary()
            .canonical(Category::Domain, "land rights"),
        Some("land rights")
    );
}

#[test]
fn the_bundled_vocabulary_has_the_region_protection_domains_in_both_languages() {
    let rules = RuleSet::bundled().unwrap();
    let domain = |name: &str| rules.vocabulary().canonical(Category::Domain, name);
    for (english, spanish, canonical) in [
        (
            "child protection",
            "protección de la niñez",
            "child protection",
        ),
        (
            "SGBV",
            "violencia basada en género",
            "gender-based violence",
        ),
        (
            "CBP",
            "protección comunitaria",
            "community-based protection",
        ),
        ("mixed migration", "movimientos mixtos", "mixed movements"),
        (
            "refugee registration",
            "registro y documentación",
            "registration",
        ),
        (
            "cash assistance",
            "transferencias monetarias",
            "cash-based interventions",
        ),
        ("emergency shelter", "albergues", "shelter"),
        (
            "water, sanitation and hygiene",
            "agua, saneamiento e higiene",
            "WASH",
        ),
        (
            "EiE",
            "educación en emergencias",
            "education in emergencies",
        ),
        ("IDPs", "desplazamiento interno", "internal displacement"),
        ("statelessness", "apatridia", "statelessness"),
    ] {
        assert_eq!(domain(english), Some(canonical), "{english}");
        assert_eq!(domain(spanish), Some(canonical), "{spanish}");
    }
}

#[test]
fn replace_true_makes_the_folder_vocabulary_the_whole_one() {
    let dir = scratch("replace");
    std::fs::write(dir.join("demo.yaml"), TWO_DOMAINS).unwrap();
    std::fs::write(
        dir.join("vocabulary.yaml"),
        format!("replace: true\n{LOCAL_VOCABULARY}"),
    )
    .unwrap();
    let err = RuleSet::from_dir(&dir).expect_err("refugee protection is no longer known");
    let messages = message(&err);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("unknown domain `refugee protection`: not in the vocabulary"),
        "{messages:?}"
    );
}

#[test]
fn a_name_under_two_entries_names_both_places() {
    let dir = scratch("conflict");
    std::fs::write(dir.join("demo.yaml"), TWO_DOMAINS).unwrap();
    std::fs::write(
        dir.join("vocabulary.yaml"),
        "domains:\n  - name: land rights\n    aliases: [IDPs]\n",
    )
    .unwrap();
    let err = RuleSet::from_dir(&dir).expect_err("IDPs belongs to internal displacement");
    // The vacancy is still read, with the bundled vocabulary: only the
    // name the folder's file failed to add is unknown.
    let messages = message(&err);
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[1].starts_with("unknown domain `land rights`"),
        "{messages:?}"
    );
    let problem = err.problems()[0];
    let location = problem.location().unwrap();
    assert_eq!(
        (location.file(), location.line(), location.path()),
        (
            Some(dir.join("vocabulary.yaml").display().to_string().as_str()),
            Some(3),
            Some("domains[0].aliases[0]")
        )
    );
    let bundled = std::fs::read_to_string(Path::new(ROOT).join("rules/vocabulary.yaml")).unwrap();
    let line = bundled.lines().position(|l| l.contains(" IDPs,")).unwrap() + 1;
    assert_eq!(
        message(&err)[0],
        format!(
            "`IDPs` is already an alias of `internal displacement` (rules/vocabulary.yaml:{line})"
        )
    );
    // An entry named like another entry's alias is a conflict too, not a
    // merge into that entry.
    std::fs::write(
        dir.join("vocabulary.yaml"),
        "domains:\n  - name: IDPs\n    aliases: [land rights]\n",
    )
    .unwrap();
    let err = RuleSet::from_dir(&dir).expect_err("IDPs belongs to internal displacement");
    assert_eq!(
        message(&err)[0],
        format!("`IDPs` is already an alias of `internal displacement` (rules/vocabulary.yaml:{line}): add aliases to that entry under its name, or name this entry otherwise")
    );
    assert_eq!(
        err.problems()[0].location().unwrap().path(),
        Some("domains[0].name")
    );
}

#[test]
fn a_folder_scales_file_extends_the_bundled_crosswalk() {
    let dir = scratch("scales");
    std::fs::write(
        dir.join("demo.yaml"),
        "id: demo\ntitle: Demo\norganization: UNHCR\nduty_station: { country: HN }\nrequirements:\n  - { id: english, kind: language, languages: en, level: operational, source: operational English }\n  - { id: spanish, kind: language, languages: es, level: fluent, source: fluent Spanish }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("scales.yaml"),
        "scales:\n  - name: house\n    levels: { operational: B2 }\n",
    )
    .unwrap();
    let rules = RuleSet::from_dir(&dir).expect("house and bundled levels both load");
    assert!(rules.scales().resolve("operational").is_some());
    assert!(rules.scales().resolve("fluent").is_some());
    std::fs::write(
        dir.join("scales.yaml"),
        "scales:\n  - name: house\n    levels: { fluent: B2 }\n",
    )
    .unwrap();
    let err = RuleSet::from_dir(&dir).expect_err("fluent is C1 in the bundled crosswalk");
    assert!(
        message(&err)[0].starts_with(
            "`fluent` is already on the scale `posting descriptors` as C1 (rules/scales.yaml:"
        ),
        "{:?}",
        message(&err)
    );
}

#[test]
fn validate_file_and_validate_rules_agree() {
    let dir = scratch("agree");
    let file = dir.join("demo.yaml");
    std::fs::write(&file, TWO_DOMAINS).unwrap();
    std::fs::write(dir.join("vocabulary.yaml"), LOCAL_VOCABULARY).unwrap();
    let one = run(&["validate", file.to_str().unwrap()]);
    let folder = run(&["validate", "--rules", dir.to_str().unwrap()]);
    assert_eq!(
        (one.code, folder.code),
        (0, 0),
        "{}{}",
        one.stdout,
        folder.stdout
    );
    // A broken folder vocabulary fails both ways, with the same problem.
    std::fs::write(
        dir.join("vocabulary.yaml"),
        "replace: true\ndomains:\n  - name: land rights\n",
    )
    .unwrap();
    let one = run(&["validate", file.to_str().unwrap()]);
    let folder = run(&["validate", "--rules", dir.to_str().unwrap()]);
    assert_eq!((one.code, folder.code), (1, 1));
    assert!(
        one.stdout.contains("unknown domain `refugee protection`"),
        "{}",
        one.stdout
    );
    assert_eq!(one.stdout, folder.stdout);
}

fn legal_presence_rule(statuses: &str) -> RuleSet {
    RuleSet::from_yaml_str(&format!(
        "id: hn\ntitle: T\norganization: UNHCR\nduty_station: {{ country: HN }}\ntarget_start: 2023-09-11\nrequirements:\n  - {{ id: legal, kind: work_authorization, source: legally present{statuses} }}\n"
    ))
    .unwrap()
}

#[test]
fn legal_presence_accepts_the_statuses_a_rule_lists() {
    let asylum = Candidate::from_yaml_str(
        "nationalities: [NI]\nwork_authorizations:\n  - { country: HN, status: asylum_seeker }\n",
    )
    .unwrap();
    let day = "2023-08-01".parse().unwrap();
    let listed = legal_presence_rule(
        ", statuses: [citizen, temporary_resident, refugee, asylum_seeker, humanitarian_visa]",
    );
    let a = listed.assess(&asylum, day).one("hn").unwrap();
    assert_eq!(a.verdict, Verdict::Eligible);
    assert_eq!(
        a.findings[0].message,
        "asylum seeker's authorization to stay in Honduras"
    );
    let es = listed
        .assess(&asylum, day)
        .lang(Lang::Es)
        .one("hn")
        .unwrap();
    assert_eq!(
        es.findings[0].message,
        "autorización de permanencia como solicitante de asilo en Honduras"
    );
    // Without `statuses:`, what a rule accepted before: citizen,
    // permanent resident, work permit.
    // An asylum seeker's authorization to stay often comes with a work
    // permit: to verify, not refused.
    let default = legal_presence_rule("");
    let a = default.assess(&asylum, day).one("hn").unwrap();
    assert_eq!(a.verdict, Verdict::NeedsReview);
    assert_eq!(a.findings[0].code.as_str(), "work_authorization.to_verify");
    assert_eq!(
        a.findings[0].message,
        "asylum seeker's authorization to stay in Honduras is not among the rights accepted (citizenship, permanent residence, work permit), but often comes with a work permit"
    );
    assert_eq!(
        a.findings[0].gap.as_ref().map(ToString::to_string).as_deref(),
        Some("verify that the asylum seeker's authorization to stay in Honduras comes with a work permit valid on 2023-09-11")
    );
    // A right that comes with none the rule accepts is refused.
    let citizens = legal_presence_rule(", statuses: [citizen]");
    let resident = Candidate::from_yaml_str(
        "nationalities: [NI]\nwork_authorizations:\n  - { country: HN, status: permanent_resident }\n",
    )
    .unwrap();
    let refused = citizens.assess(&resident, day).one("hn").unwrap();
    assert_eq!(refused.verdict, Verdict::Ineligible);
    assert_eq!(
        refused.findings[0].code.as_str(),
        "work_authorization.status_not_accepted"
    );
    assert_eq!(
        a.findings[0].expected,
        ("right to work in Honduras (citizenship, permanent residence, work permit) valid on 2023-09-11")
    );
    let every = legal_presence_rule(", statuses: [citizen, permanent_resident, temporary_resident, work_permit, refugee, asylum_seeker, humanitarian_visa]");
    let a = every.assess(&asylum, day).one("hn").unwrap();
    assert_eq!(
        a.findings[0].expected,
        ("right to work in Honduras (citizenship, permanent residence, temporary residence, work permit, refugee status, asylum seeker's authorization to stay, humanitarian visa) valid on 2023-09-11")
    );
    let a = every.assess(&asylum, day).lang(Lang::Es).one("hn").unwrap();
    assert!(a.findings[0].expected.contains("residencia temporal, permiso de trabajo, condición de refugiado, autorización de permanencia como solicitante de asilo o visa humanitaria"), "{:?}", a.findings[0].expected);
}

#[test]
fn unknown_fields_are_suggested_among_the_kind_own_fields() {
    let field = |requirement: &str| {
        let err = RuleSet::from_yaml_str(&format!(
            "id: x\ntitle: X\norganization: UNHCR\nduty_station: {{ country: HN }}\nrequirements:\n  - {requirement}\n"
        ))
        .unwrap_err();
        message(&err).join("\n")
    };
    assert_eq!(
        field("{ id: legal, kind: work_authorization, status: [citizen] }"),
        "unknown field `status` in a `work_authorization` requirement, did you mean `statuses`?"
    );
    // Not `statuses` nor `source`: neither applies to a language.
    assert_eq!(
        field("{ id: en, kind: language, languages: en, level: B2, status: x }"),
        "unknown field `status` in a `language` requirement, expected one of id, kind, priority, weight, source, languages, level, native"
    );
    assert_eq!(
        field("{ id: es, kind: language, languages: es, mother_tongue: true }"),
        "unknown field `mother_tongue` in a `language` requirement, did you mean `native`?"
    );
    assert_eq!(
        field("{ id: exp, kind: experience, min_years: 2 }"),
        "unknown field `min_years` in an `experience` requirement, did you mean `years`?"
    );
    assert_eq!(
        field("{ id: en, kind: language, langauges: en, level: B2 }"),
        "unknown field `langauges` in a `language` requirement, did you mean `languages`?"
    );
    // Every kind is read back from its name, the last one added too.
    assert_eq!(
        field("{ id: nat, kind: nationality, nationals_off: [HN] }"),
        "unknown field `nationals_off` in a `nationality` requirement, did you mean `nationals_of`?"
    );
}

#[test]
fn unknown_codes_are_suggested_by_meaning_within_their_kind() {
    let code = |code: &str| {
        let err = RuleSet::from_yaml_str(&format!(
            "id: x\ntitle: X\norganization: UNHCR\nduty_station: {{ country: HN }}\nrequirements:\n  - {{ id: legal, kind: work_authorization, source: s }}\ntests:\n  - {{ name: c, as_of: 2024-01-01, profile: {{}}, expect: {{ codes: [{code}] }} }}\n"
        ))
        .unwrap_err();
        message(&err).join("\n")
    };
    // By spelling it would be `not_stated`; it means `missing`.
    assert_eq!(
        code("work_authorization.not_authorized"),
        "unknown reason code `work_authorization.not_authorized`, did you mean `work_authorization.missing`?"
    );
    assert_eq!(
        code("language.non_native"),
        "unknown reason code `language.non_native`, did you mean `language.not_native`?"
    );
    assert_eq!(
        code("language.native_unknown"),
        "unknown reason code `language.native_unknown`, did you mean `language.native_to_verify`?"
    );
    assert!(code("language.too_low").ends_with("did you mean `language.below_level`?"));
    assert!(code("experience.too_short").ends_with("did you mean `experience.short`?"));
    assert!(code("internal.external").ends_with("did you mean `internal.not_staff`?"));
    // A typo stays within its kind.
    assert!(
        code("work_authorization.expird").ends_with("did you mean `work_authorization.expired`?")
    );
    // Nothing close: that kind's codes only.
    assert_eq!(
        code("attestation.zzz"),
        "unknown reason code `attestation.zzz`, expected one of attestation.met, attestation.declined, attestation.not_stated"
    );
}

#[test]
fn a_missing_posting_file_is_a_warning_naming_the_path_tried() {
    let dir = scratch("posting");
    let file = dir.join("demo.yaml");
    std::fs::write(
        &file,
        "id: demo\ntitle: Demo\norganization: UNHCR\nduty_station: { country: HN }\nposting: postings/demo.txt\nrequirements:\n  - { id: english, kind: language, languages: en, level: B2, source: English B2 }\n",
    )
    .unwrap();
    let r = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    let tried = dir.join("postings/demo.txt");
    assert!(
        r.stdout.contains(&format!(
            "demo.yaml:5: posting: warning: posting file `postings/demo.txt` not found: looked for {}\n    fix: `posting:` is a path relative to the rule file's folder",
            tried.display()
        )),
        "{}",
        r.stdout
    );
    std::fs::create_dir_all(dir.join("postings")).unwrap();
    std::fs::write(&tried, "the posting").unwrap();
    let r = run(&["validate", file.to_str().unwrap()]);
    assert_eq!(r.stdout, "ok: 1 vacancy, no problems\n");
}

#[test]
fn test_warns_on_rules_without_cases_and_can_require_them() {
    let dir = scratch("no-cases");
    std::fs::write(
        dir.join("demo.yaml"),
        TWO_DOMAINS.replace("land rights, ", ""),
    )
    .unwrap();
    let r = run(&["test", dir.to_str().unwrap()]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("warning: demo carries no test cases: add a `tests:` list"),
        "{}",
        r.stdout
    );
    let r = run(&["test", "--require-cases", "1", dir.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .starts_with("FAIL  demo carries 0 test cases, --require-cases asks for 1"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .ends_with("1 vacancy has fewer test cases than --require-cases asks\n"),
        "{}",
        r.stdout
    );
    let r = run(&["test", "--require-cases", "4", "rules"]);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn the_text_report_lists_a_stated_non_native_speaker_as_missing_a_native_asset() {
    let dir = scratch("native-asset");
    let rules = dir.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    std::fs::write(
        rules.join("v.yaml"),
        "id: v\ntitle: V\norganization: UNHCR\nduty_station: { country: HN }\nrequirements:\n  - { id: spanish, kind: language, priority: desirable, languages: es, native: true, source: \"Spanish: native (desirable)\" }\n",
    )
    .unwrap();
    let profile = dir.join("p.yaml");
    std::fs::write(
        &profile,
        "languages: [{ language: es, level: C2, native: false }]\n",
    )
    .unwrap();
    let r = run(&[
        "check",
        profile.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
        "--as-of",
        "2025-01-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("  assets     missing: Spanish\n"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("below what is asked"), "{}", r.stdout);
}

#[test]
fn the_text_report_tells_an_asset_below_its_level_from_a_missing_one() {
    let r = run(&[
        "check",
        "examples/rules/candidates/julio_espinoza_asylum.yaml",
        "--rules",
        "examples/rules",
        "--as-of",
        "2023-08-01",
    ]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("  assets     below what is asked: English (English B1, B2 required), Experience in internal displacement"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("missing: English"), "{}", r.stdout);
    let dir = scratch("asset-missing");
    let profile = dir.join("no_english.yaml");
    std::fs::write(
        &profile,
        "nationalities: [HN]\nattestations: { covid19_vaccination: true }\nlanguages: [{ language: es, level: native }]\nexperience: []\n",
    )
    .unwrap();
    let r = run(&[
        "check",
        profile.to_str().unwrap(),
        "--rules",
        "examples/rules",
        "--as-of",
        "2023-08-01",
    ]);
    assert!(
        r.stdout.contains("  assets     missing: English\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn the_sixth_posting_loads_with_the_bundled_vocabulary_extended_and_passes_its_cases() {
    let rules = RuleSet::from_dir(Path::new(ROOT).join("examples/rules")).unwrap();
    assert!(rules.analyze().is_empty(), "{:#?}", rules.analyze());
    // The folder's vocabulary adds the posting's words to a bundled entry.
    assert_eq!(
        rules
            .vocabulary()
            .canonical(Category::Domain, "desplazamiento forzado por violencia"),
        Some("internal displacement")
    );
    assert_eq!(
        rules
            .vocabulary()
            .canonical(Category::Domain, "protección comunitaria"),
        Some("community-based protection")
    );
    let outcomes = rules.run_cases();
    let report: Vec<String> = outcomes.iter().map(ToString::to_string).collect();
    assert!(outcomes.len() >= 4, "{report:#?}");
    assert!(outcomes.iter().all(|o| o.passed()), "{report:#?}");
    let verdicts: Vec<Verdict> = outcomes.iter().filter_map(|o| o.got.map(|g| g.0)).collect();
    for verdict in [Verdict::Eligible, Verdict::NeedsReview, Verdict::Ineligible] {
        assert!(verdicts.contains(&verdict), "{verdicts:?}");
    }
    // Its three profiles load, and the asylum seeker is legally present.
    let profiles: Vec<PathBuf> =
        std::fs::read_dir(Path::new(ROOT).join("examples/rules/candidates"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
    assert_eq!(profiles.len(), 3);
    for profile in &profiles {
        Candidate::from_path(profile).unwrap_or_else(|e| panic!("{}: {e}", profile.display()));
    }
    let asylum = Candidate::from_path(
        Path::new(ROOT).join("examples/rules/candidates/julio_espinoza_asylum.yaml"),
    )
    .unwrap();
    let a = rules
        .assess(&asylum, "2023-08-01".parse().unwrap())
        .one("unhcr-hn-assistant-protection-officer-2023")
        .unwrap();
    let legal = a
        .findings
        .iter()
        .find(|f| f.requirement == "legal_presence")
        .unwrap();
    assert_eq!(legal.status, Status::Met);
}
