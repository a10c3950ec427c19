//! Strict loading of profiles and rule files: every error names the file,
//! line, column and field path and suggests the closest valid word; a
//! directory reports every bad file. Also the public tables the loader
//! reads with (degree ladder, CEFR descriptors, codes) and how periods are
//! merged into years.

// Strategies and helpers of a test: a panic with a message is the failure
// report.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use vacancy_match::{
    Candidate, Cefr, Country, DegreeLevel, Error, ErrorKind, Gap, Language, LanguageLevel, RuleSet,
    Status,
};

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "vacancy-match-{name}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(unique);
        std::fs::create_dir_all(&dir).expect("create a temp dir");
        TempDir(dir)
    }

    fn write(&self, file: &str, text: &str) -> PathBuf {
        let path = self.0.join(file);
        std::fs::write(&path, text).expect("write a temp file");
        path
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The one located problem of an error: (file, line, column, path, message).
fn located(
    err: &Error,
) -> (
    Option<&str>,
    Option<usize>,
    Option<usize>,
    Option<&str>,
    &str,
) {
    let location = err.location().expect("the error is located");
    let message = match err.kind() {
        ErrorKind::Io { .. } | ErrorKind::Many(_) => {
            panic!("expected a problem in the input, found {err}")
        }
        _ => err.message(),
    };
    (
        location.file(),
        location.line(),
        location.column(),
        location.path(),
        message,
    )
}

fn cv_error(yaml: &str) -> Error {
    Candidate::from_yaml_str(yaml).expect_err("the profile is refused")
}

fn rules_error(yaml: &str) -> Error {
    RuleSet::from_yaml_str(yaml).expect_err("the rule file is refused")
}

const VACANCY_HEAD: &str = "id: demo
title: Demo Officer
organization: UNHCR
duty_station: { country: GT }
requirements:
";

// ---- candidate profiles -------------------------------------------------

#[test]
fn unknown_field_suggests_the_closest() {
    let err = cv_error("id: ana\nlangauges:\n  - { language: es, level: native }\n");
    assert_eq!(
        located(&err),
        (
            None,
            Some(2),
            Some(1),
            Some("langauges"),
            "unknown field `langauges`, did you mean `languages`?"
        )
    );
    assert_eq!(
        err.to_string(),
        "line 2:1: langauges: unknown field `langauges`, did you mean `languages`?"
    );
}

#[test]
fn protected_attributes_have_no_field() {
    for field in ["age", "sex", "marital_status", "photo", "religion"] {
        let err = cv_error(&format!("id: ana\n{field}: x\n"));
        let (_, line, column, path, message) = located(&err);
        assert_eq!((line, column, path), (Some(2), Some(1), Some(field)));
        assert!(
            message.starts_with(&format!("unknown field `{field}`")),
            "{message}"
        );
    }
}

#[test]
fn unknown_nested_field_is_located_by_path() {
    let err = cv_error("id: x\nexperience:\n  - start: 2020-01\n    titel: Officer\n");
    let (_, line, column, path, message) = located(&err);
    assert_eq!(
        (line, column, path),
        (Some(4), Some(5), Some("experience[0].titel"))
    );
    assert!(message.contains("unknown field `titel`"), "{message}");
}

#[test]
fn unknown_nested_field_suggests_the_closest() {
    let err = cv_error("id: x\nexperience:\n  - start: 2020-01\n    titel: Officer\n");
    assert_eq!(
        located(&err).4,
        "unknown field `titel`, did you mean `title`?"
    );
}

#[test]
fn wrong_types_say_what_was_expected() {
    let err = cv_error("id: x\nskills: 3\n");
    assert_eq!(
        located(&err),
        (
            None,
            Some(2),
            Some(9),
            Some("skills"),
            "expected a list, found the number 3"
        )
    );
    let err = cv_error("education:\n  - degree: bachelor\n    accredited: maybe\n");
    assert_eq!(
        located(&err),
        (
            None,
            Some(3),
            Some(17),
            Some("education[0].accredited"),
            "expected `true` or `false`, found text \"maybe\""
        )
    );
    let err = cv_error("work_authorizations:\n  - { country: MX, status: tourist_visa }\n");
    let (_, line, column, path, message) = located(&err);
    assert_eq!(
        (line, column, path),
        (Some(2), Some(28), Some("work_authorizations[0].status"))
    );
    assert_eq!(
        message,
        "unknown work-authorization status `tourist_visa`, expected one of citizen, \
         permanent_resident, temporary_resident, work_permit, refugee, asylum_seeker, \
         humanitarian_visa"
    );
}

#[test]
fn a_status_is_suggested_by_meaning_never_by_spelling() {
    let message = |status: &str| {
        let err = cv_error(&format!(
            "work_authorizations:\n  - {{ country: HN, status: {status} }}\n"
        ));
        let (.., message) = located(&err);
        message.to_string()
    };
    // Spelled like `permanent_resident`, but a temporary residence.
    assert_eq!(
        message("temporary_residence"),
        "unknown work-authorization status `temporary_residence`, did you mean `temporary_resident`?"
    );
    assert!(message("residencia temporal").ends_with("did you mean `temporary_resident`?"));
    assert!(message("permanent_residence").ends_with("did you mean `permanent_resident`?"));
    assert!(message("refugee_status").ends_with("did you mean `refugee`?"));
    // A pending claim is the asylum seeker's, whatever it seeks.
    assert!(message("solicitante de refugio").ends_with("did you mean `asylum_seeker`?"));
    assert!(message("asylum_seeker_authorized").ends_with("did you mean `asylum_seeker`?"));
    assert!(message("visa humanitaria").ends_with("did you mean `humanitarian_visa`?"));
    assert!(message("nationality").ends_with("did you mean `citizen`?"));
    assert!(message("ciudadano").ends_with("did you mean `citizen`?"));
    assert!(message("work_visa").ends_with("did you mean `work_permit`?"));
    // No single meaning: no suggestion, the list.
    for unclear in [
        "residence_permit",
        "temporary_work_permit",
        "resident",
        "residente",
        "international_protection",
    ] {
        let text = message(unclear);
        assert!(!text.contains("did you mean"), "{unclear}: {text}");
        assert!(text.ends_with("asylum_seeker, humanitarian_visa"), "{text}");
    }
    // The same in a rule's `statuses:`.
    let err = rules_error("id: x\ntitle: X\norganization: UNHCR\nduty_station: { country: HN }\nrequirements:\n  - { id: legal, kind: work_authorization, statuses: [citizen, temporary_residence] }\n");
    let (.., message) = located(&err);
    assert_eq!(
        message,
        "unknown work-authorization status `temporary_residence`, did you mean `temporary_resident`?"
    );
}

#[test]
fn unknown_degree_level_suggests_the_closest() {
    let err = cv_error("education:\n  - degree: Licenciatra\n    field: Derecho\n");
    let (_, line, column, path, message) = located(&err);
    assert_eq!(
        (line, column, path),
        (Some(2), Some(13), Some("education[0].degree"))
    );
    assert!(
        message.ends_with("unknown degree level `Licenciatra`, did you mean `licenciatura`?"),
        "{message}"
    );
    // Far from any name: the accepted names are listed instead.
    let err = cv_error("education:\n  - degree: knighthood\n");
    let message = located(&err).4;
    assert!(
        message.contains("unknown degree level `knighthood`, expected one of secondary, "),
        "{message}"
    );
}

#[test]
fn unknown_language_country_and_level_suggest_the_closest() {
    let err = cv_error("languages:\n  - { language: Englsh, level: C1 }\n");
    let (_, line, _, path, message) = located(&err);
    assert_eq!((line, path), (Some(2), Some("languages[0].language")));
    assert!(
        message.ends_with("unknown language `Englsh`, did you mean `English`?"),
        "{message}"
    );

    let err = cv_error("languages:\n  - language: en\n    level: fluentt\n");
    let (_, _, _, path, message) = located(&err);
    assert_eq!(path, Some("languages[0].level"));
    assert!(
        message.ends_with("unknown language level `fluentt`, did you mean `fluent`?"),
        "{message}"
    );

    let err = cv_error("languages:\n  - language: en\n    level: D1\n");
    let message = located(&err).4;
    assert!(
        message.contains("unknown language level `D1`, expected A1, A2, B1, B2, C1, C2, native"),
        "{message}"
    );

    let err = cv_error("nationalities: [Guatemla]\n");
    let (_, line, column, path, message) = located(&err);
    assert_eq!(
        (line, column, path),
        (Some(1), Some(17), Some("nationalities[0]"))
    );
    assert!(
        message.ends_with("unknown country `Guatemla`, did you mean `Guatemala`?"),
        "{message}"
    );
}

#[test]
fn impossible_dates_are_refused_with_the_reason() {
    let err = cv_error("experience:\n  - start: 2020-13\n");
    assert_eq!(
        located(&err),
        (
            None,
            Some(2),
            Some(12),
            Some("experience[0].start"),
            "invalid date `2020-13`: month 13 does not exist"
        )
    );
    let err = cv_error("education:\n  - { degree: PhD, completed: 2025-02-30 }\n");
    let (_, _, _, path, message) = located(&err);
    assert_eq!(path, Some("education[0].completed"));
    assert_eq!(
        message,
        "invalid date `2025-02-30`: February 2025 has 28 days"
    );
}

#[test]
fn a_period_ending_before_it_starts_is_refused() {
    let err = cv_error("experience:\n  - title: A\n    start: 2020-05\n    end: 2019-01\n");
    assert_eq!(
        located(&err),
        (
            None,
            Some(4),
            Some(5),
            Some("experience[0].end"),
            "end 2019-01 is before start 2020-05"
        )
    );
}

#[test]
fn every_problem_of_a_profile_is_reported() {
    let err = cv_error(
        "experience:
  - start: 2020-05
    end: 2019-01
  - start: 2018-01
    fraction: 0
certifications:
  - { name: BSAFE, issued: 2020-01, expires: 2019-01 }
",
    );
    let problems = err.problems();
    assert_eq!(problems.len(), 3, "{err}");
    let at: Vec<_> = problems
        .iter()
        .map(|p| {
            let l = p.location().expect("located");
            (l.line(), l.path())
        })
        .collect();
    assert_eq!(
        at,
        [
            (Some(3), Some("experience[0].end")),
            (Some(5), Some("experience[1].fraction")),
            (Some(7), Some("certifications[0].expires")),
        ]
    );
    assert!(err.to_string().starts_with("3 errors:\n"), "{err}");
}

#[test]
fn a_profile_file_names_itself_in_errors() {
    let dir = TempDir::new("profile");
    let yaml = dir.write(
        "maria.yaml",
        "id: maria\nexperience:\n  - start: 2020-05\n    end: 2019-01\n",
    );
    let err = Candidate::from_path(&yaml).expect_err("refused");
    let name = yaml.display().to_string();
    assert_eq!(
        located(&err),
        (
            Some(name.as_str()),
            Some(4),
            Some(5),
            Some("experience[0].end"),
            "end 2019-01 is before start 2020-05"
        )
    );
    assert_eq!(
        err.to_string(),
        format!("{name}:4:5: experience[0].end: end 2019-01 is before start 2020-05")
    );

    let json = dir.write(
        "maria.json",
        "{\n  \"id\": \"maria\",\n  \"langauges\": []\n}\n",
    );
    let err = Candidate::from_path(&json).expect_err("refused");
    let name = json.display().to_string();
    assert_eq!(
        located(&err),
        (
            Some(name.as_str()),
            Some(3),
            Some(13),
            Some("langauges"),
            "unknown field `langauges`, did you mean `languages`?"
        )
    );

    // A good file without an id takes its stem.
    let ok = dir.write("jose_perez.yaml", "skills: [MS Office]\n");
    let cv = Candidate::from_path(ok).expect("loads");
    assert_eq!(cv.id.as_deref(), Some("jose_perez"));
}

// ---- rule files ---------------------------------------------------------

#[test]
fn duplicate_requirement_ids_are_refused() {
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - {{ id: english, kind: language, languages: en, level: C1 }}
  - {{ id: english, kind: language, languages: es, level: C1 }}
"
    ));
    assert_eq!(
        located(&err),
        (
            None,
            Some(7),
            Some(5),
            Some("requirements[1].id"),
            "duplicate requirement id `english`"
        )
    );
}

#[test]
fn empty_lists_are_refused() {
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - id: edu\n    kind: education\n    paths: []\n"
    ));
    assert_eq!(
        located(&err),
        (
            None,
            Some(8),
            Some(5),
            Some("requirements[0].paths"),
            "empty list, expected at least one path"
        )
    );
    let err = rules_error(
        "id: demo\ntitle: T\norganization: UNHCR\nduty_station: { country: GT }\nrequirements: []\n",
    );
    assert_eq!(
        located(&err),
        (
            None,
            Some(5),
            Some(1),
            Some("requirements"),
            "empty list, expected at least one requirement"
        )
    );
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - id: skill\n    kind: skill\n    any_of: []\n"
    ));
    assert_eq!(located(&err).3, Some("requirements[0].any_of"));
}

#[test]
fn unknown_kinds_levels_and_codes_in_rules_suggest_the_closest() {
    let err = rules_error(&format!("{VACANCY_HEAD}  - id: edu\n    kind: educaton\n"));
    assert_eq!(
        located(&err),
        (
            None,
            Some(7),
            Some(11),
            Some("requirements[0].kind"),
            "unknown name `educaton`, did you mean `education`?"
        )
    );
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - id: en\n    kind: language\n    languages: en\n    level: fluint\n"
    ));
    let (_, _, _, path, message) = located(&err);
    assert_eq!(path, Some("requirements[0].level"));
    assert!(
        message.ends_with("unknown language level `fluint`, did you mean `fluent`?"),
        "{message}"
    );
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - id: edu\n    kind: education\n    paths:\n      - degree: bachelor\n      - degree: masterr\n"
    ));
    let (_, line, column, path, message) = located(&err);
    assert_eq!(
        (line, column, path),
        (Some(10), Some(17), Some("requirements[0].paths[1].degree"))
    );
    assert!(
        message.ends_with("unknown degree level `masterr`, did you mean `master`?"),
        "{message}"
    );
    let err = rules_error(
        "id: demo\ntitle: T\norganization: UNHCR\nduty_station: { country: Guatemalaa }\nrequirements:\n  - { id: english, kind: language, languages: en, level: C1 }\n",
    );
    let (_, line, column, path, message) = located(&err);
    assert_eq!(
        (line, column, path),
        (Some(4), Some(26), Some("duty_station.country"))
    );
    assert!(
        message.ends_with("unknown country `Guatemalaa`, did you mean `Guatemala`?"),
        "{message}"
    );
}

#[test]
fn fields_of_another_kind_and_bad_weights_are_refused() {
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - id: en\n    kind: language\n    languages: en\n    level: C1\n    years: 2\n"
    ));
    assert_eq!(
        located(&err),
        (
            None,
            Some(10),
            Some(5),
            Some("requirements[0].years"),
            "field `years` does not apply to a `language` requirement, expected one of languages, level, native"
        )
    );
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - {{ id: english, kind: language, languages: en, level: C1, weight: 0 }}\n"
    ));
    assert_eq!(
        located(&err),
        (
            None,
            Some(6),
            Some(5),
            Some("requirements[0].weight"),
            "expected a weight in (0, 100], found 0"
        )
    );
}

#[test]
fn a_directory_reports_every_bad_file() {
    let dir = TempDir::new("rules");
    let good =
        format!("{VACANCY_HEAD}  - {{ id: english, kind: language, languages: en, level: C1 }}\n");
    dir.write("a_first.yaml", &good);
    // The same id as a_first.yaml.
    let duplicate = dir.write("b_copy.yaml", &good);
    let empty_paths = dir.write(
        "c_empty.yaml",
        "id: other\ntitle: T\norganization: UNHCR\nduty_station: { country: GT }\nrequirements:\n  - id: edu\n    kind: education\n    paths: []\n",
    );
    let typo = dir.write("d_typo.yml", "id: third\ntitel: T\n");
    dir.write("notes.txt", "not a rule file");

    let err = RuleSet::from_dir(dir.path()).expect_err("refused");
    let problems = err.problems();
    assert_eq!(problems.len(), 3, "{err}");
    let first = dir.path().join("a_first.yaml").display().to_string();
    let duplicate = duplicate.display().to_string();
    let empty_paths = empty_paths.display().to_string();
    let typo = typo.display().to_string();
    let expected_message = format!("duplicate vacancy id `demo`, already used by {first}");
    assert_eq!(
        located(problems[0]),
        (
            Some(duplicate.as_str()),
            Some(1),
            Some(1),
            Some("id"),
            expected_message.as_str()
        )
    );
    assert_eq!(
        located(problems[1]),
        (
            Some(empty_paths.as_str()),
            Some(8),
            Some(5),
            Some("requirements[0].paths"),
            "empty list, expected at least one path"
        )
    );
    assert_eq!(
        located(problems[2]),
        (
            Some(typo.as_str()),
            Some(2),
            Some(1),
            Some("titel"),
            "unknown field `titel`, did you mean `title`?"
        )
    );
    assert!(err.to_string().starts_with("3 errors:\n"), "{err}");

    // A bad vocabulary is one more problem, reported with the others.
    dir.write(
        "vocabulary.yaml",
        "fields:\n  - name: Law\n    aliases: [Derecho]\n  - name: Legal Studies\n    aliases: [derecho]\n",
    );
    let err = RuleSet::from_dir(dir.path()).expect_err("refused");
    assert_eq!(err.problems().len(), 4, "{err}");
    let vocabulary = dir.path().join("vocabulary.yaml").display().to_string();
    assert_eq!(
        located(err.problems()[0]),
        (
            Some(vocabulary.as_str()),
            Some(5),
            Some(5),
            Some("fields[1].aliases[0]"),
            "`derecho` is already an alias of `Law` (rules/vocabulary.yaml:23)"
        )
    );
}

#[test]
fn a_good_directory_loads_in_file_order_and_ignores_other_files() {
    let dir = TempDir::new("good-rules");
    dir.write(
        "b.yaml",
        "id: second\ntitle: B\norganization: IOM\nduty_station: { country: MX }\nrequirements:\n  - { id: spanish, kind: language, languages: español, level: fluido }\n",
    );
    dir.write(
        "a.yml",
        "id: first\ntitle: A\norganization: UNHCR\nduty_station: { country: GT }\nrequirements:\n  - { id: english, kind: language, languages: en, level: C1 }\n",
    );
    dir.write("README.md", "# not rules");
    let rules = RuleSet::from_dir(dir.path()).expect("loads");
    let ids: Vec<&str> = rules.vacancies().iter().map(|v| v.id()).collect();
    assert_eq!(ids, ["first", "second"]);
    // Without a vocabulary.yaml, the bundled one is used.
    assert_eq!(
        rules
            .vocabulary()
            .canonical(vacancy_match::Category::Field, "Derecho"),
        Some("Law")
    );
}

#[test]
fn an_empty_directory_is_an_error() {
    let dir = TempDir::new("empty-rules");
    let err = RuleSet::from_dir(dir.path()).expect_err("refused");
    assert!(
        err.to_string()
            .contains("no vacancy files found, expected *.yaml files besides vocabulary.yaml"),
        "{err}"
    );
}

#[test]
fn the_bundled_rules_and_examples_load() {
    let rules = common::rules();
    assert_eq!(rules.vacancies().len(), 5);
    let from_dir = RuleSet::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/rules")).expect("loads");
    assert_eq!(from_dir.vacancies().len(), 5);
    let dir = common::example_path("");
    let mut loaded = 0;
    for entry in std::fs::read_dir(dir).expect("examples/candidates") {
        let path = entry.expect("entry").path();
        let ext = path.extension().and_then(|e| e.to_str());
        if matches!(ext, Some("yaml" | "json")) {
            Candidate::from_path(&path).unwrap_or_else(|e| panic!("{e}"));
            loaded += 1;
        }
    }
    assert_eq!(loaded, 10);
}

// ---- the tables the loader reads with ---------------------------------

#[test]
fn degree_ladder_reads_english_and_spanish() {
    use DegreeLevel::{Bachelor, Doctorate, Master, PostSecondary, Secondary};
    for (name, level) in [
        ("high school", Secondary),
        ("Diploma de Bachiller", Secondary),
        ("Bachiller", Secondary),
        ("Bachillerato en Ciencias y Letras", Secondary),
        ("Preparatoria", Secondary),
        ("Técnico Universitario", PostSecondary),
        ("technical diploma", PostSecondary),
        ("Bachelor", Bachelor),
        ("Bachelor of Arts in Law", Bachelor),
        ("undergraduate degree", Bachelor),
        ("First-level university degree", Bachelor),
        ("Licenciatura en Relaciones Internacionales", Bachelor),
        ("graduate degree", Master),
        ("Advanced university degree", Master),
        ("Maestría en Derechos Humanos", Master),
        ("Master of Laws", Master),
        ("PhD", Doctorate),
        ("Ph.D.", Doctorate),
        ("Doctorado", Doctorate),
    ] {
        assert_eq!(DegreeLevel::parse(name), Some(level), "{name}");
    }
    assert_eq!(DegreeLevel::parse("knighthood"), None);
    assert!(Secondary < PostSecondary && PostSecondary < Bachelor);
    assert!(Bachelor < Master && Master < Doctorate);
    let isced: Vec<u8> = DegreeLevel::ALL.iter().map(|l| l.isced()).collect();
    assert_eq!(isced, [3, 4, 6, 7, 8]);
    // The same names in a profile.
    let cv = common::yaml(
        "education:\n  - { degree: Diploma de Bachiller }\n  - { degree: Maestría }\n",
    );
    let levels: Vec<DegreeLevel> = cv
        .education
        .expect("education")
        .iter()
        .map(|d| d.degree)
        .collect();
    assert_eq!(levels, [Secondary, Master]);
}

#[test]
fn cefr_descriptors_follow_the_documented_table() {
    for (words, cefr) in [
        ("basic", Cefr::A2),
        ("básico", Cefr::A2),
        ("working knowledge", Cefr::B1),
        ("intermedio", Cefr::B1),
        ("good knowledge", Cefr::B2),
        ("very good", Cefr::B2),
        ("buen conocimiento", Cefr::B2),
        ("fluent", Cefr::C1),
        ("Fluido", Cefr::C1),
        ("excellent", Cefr::C1),
        ("avanzado", Cefr::C1),
        ("dominio", Cefr::C1),
        ("native", Cefr::C2),
        ("nativo", Cefr::C2),
        ("c2", Cefr::C2),
        ("B1", Cefr::B1),
    ] {
        assert_eq!(
            LanguageLevel::parse(words).map(|l| l.cefr()),
            Some(cefr),
            "{words}"
        );
    }
    assert_eq!(LanguageLevel::parse("D1"), None);
    // Descriptors are kept for reports; codes are shown as they are.
    assert_eq!(
        LanguageLevel::parse("Fluent").expect("level").to_string(),
        "C1 (fluent)"
    );
    assert_eq!(LanguageLevel::parse("b2").expect("level").to_string(), "B2");
    assert_eq!(Cefr::ALL.len(), 6);
}

#[test]
fn languages_and_countries_read_codes_and_names_in_both_languages() {
    for (text, code) in [
        ("es", "es"),
        ("spa", "es"),
        ("Español", "es"),
        ("inglés", "en"),
        ("French", "fr"),
        ("K'iche'", "quc"),
        ("Quiché", "quc"),
        ("mam", "mam"),
        ("Kaqchikel", "cak"),
        ("Q'eqchi'", "kek"),
    ] {
        assert_eq!(
            Language::parse(text).map(|l| l.code()),
            Some(code),
            "{text}"
        );
    }
    for (text, code) in [
        ("GT", "GT"),
        ("gtm", "GT"),
        ("México", "MX"),
        ("Mexico", "MX"),
    ] {
        assert_eq!(Country::parse(text).map(|c| c.code()), Some(code), "{text}");
    }
    assert_eq!(Language::parse("Klingon"), None);
    assert_eq!(Country::parse("Atlantis"), None);
}

// ---- periods merged into years, through the public API ----------------

/// A vacancy that asks for 10 years of any experience, with a deadline.
fn ten_years() -> RuleSet {
    RuleSet::from_yaml_str(
        "id: ten-years
title: Years Probe
organization: Test
duty_station: { country: GT }
deadline: 2024-12-31
requirements:
  - { id: years, kind: experience, years: 10 }
",
    )
    .expect("the probe vacancy loads")
}

/// Years held for the probe: 10 minus the gap (0 missing when met).
fn years_of(periods: &str, as_of: &str) -> f64 {
    let cv = common::yaml(&format!("experience:\n{periods}"));
    let a = ten_years()
        .assess(&cv, common::day(as_of))
        .one("ten-years")
        .expect("assessed");
    let f = &a.findings[0];
    match &f.gap {
        Some(Gap::Years { missing, .. }) => 10.0 - missing,
        None if f.status == Status::Met => 10.0,
        other => panic!("unexpected gap {other:?}"),
    }
}

#[test]
fn periods_merge_overlaps_and_count_part_time_pro_rata() {
    // A calendar year is one year.
    common::assert_close(
        years_of("  - { start: 2021-01, end: 2021-12 }\n", "2024-06-01"),
        1.0,
    );
    // Two overlapping years cover 2021-01 to 2022-06: 546 days, once.
    common::assert_close(
        years_of(
            "  - { start: 2021-01, end: 2021-12 }\n  - { start: 2021-07, end: 2022-06 }\n",
            "2024-06-01",
        ),
        10.0 - 8.51,
    );
    // Half time for two years is one year.
    common::assert_close(
        years_of(
            "  - { start: 2021-01, end: 2022-12, fraction: 0.5 }\n",
            "2024-06-01",
        ),
        1.0,
    );
    // Two concurrent half-time posts make one full-time year; a third
    // adds nothing beyond full time.
    common::assert_close(
        years_of(
            "  - { start: 2021-01, end: 2021-12, fraction: 0.5 }\n  - { start: 2021-01, end: 2021-12, fraction: 0.5 }\n",
            "2024-06-01",
        ),
        1.0,
    );
    common::assert_close(
        years_of(
            "  - { start: 2021-01, end: 2021-12, fraction: 0.5 }\n  - { start: 2021-01, end: 2021-12, fraction: 0.5 }\n  - { start: 2021-01, end: 2021-12, fraction: 0.5 }\n",
            "2024-06-01",
        ),
        1.0,
    );
}

#[test]
fn ongoing_periods_run_to_the_measurement_date_and_future_ones_count_nothing() {
    // Ongoing from 2023-01: to as-of 2023-12-31 is one year.
    common::assert_close(years_of("  - { start: 2023-01 }\n", "2023-12-31"), 1.0);
    // After the deadline (2024-12-31) nothing more counts.
    common::assert_close(
        years_of("  - { start: 2023-01 }\n", "2030-01-01"),
        10.0 - 8.0,
    );
    // A period that starts after as-of counts nothing.
    common::assert_close(
        years_of("  - { start: 2024-03, end: 2024-12 }\n", "2024-02-01"),
        0.0,
    );
    // Ten years and a day: met.
    common::assert_close(years_of("  - { start: 2013-01 }\n", "2024-06-01"), 10.0);
}

#[test]
fn labels_and_titles_are_words_per_language() {
    let err = rules_error(
        "id: demo\ntitle: { en: Demo, fr: Démo }\norganization: UNHCR\nduty_station: { country: GT }\nrequirements:\n  - { id: s, kind: language, languages: es, level: C1 }\n",
    );
    let (_, line, _, path, message) = located(&err);
    assert_eq!((line, path), (Some(2), Some("title.fr")));
    assert_eq!(message, "unknown field `fr`, expected `en` or `es`");
    let err = rules_error(&format!(
        "{VACANCY_HEAD}  - id: s\n    label: {{ en: '', es: ' ' }}\n    kind: language\n    languages: es\n    level: C1\n"
    ));
    let (_, line, _, path, message) = located(&err);
    assert_eq!((line, path), (Some(7), Some("requirements[0].label")));
    assert_eq!(message, "empty text, expected words in `en`, `es` or both");
    let rules = RuleSet::from_yaml_str(&format!(
        "{VACANCY_HEAD}  - {{ id: s, label: Spanish / Español, kind: language, languages: es, level: C1 }}\n"
    ))
    .unwrap();
    let spanish = &rules.vacancies()[0].requirements()[0];
    assert_eq!(spanish.label(vacancy_match::Lang::Es), "Spanish / Español");
    assert_eq!(spanish.label(vacancy_match::Lang::En), "Spanish / Español");
}
