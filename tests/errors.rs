//! Errors a program can match: one kind per thing a caller handles
//! differently, located in YAML and in JSON, in the user's words.

use vacancy_match::{Candidate, Error, ErrorKind, InputFormat, Limits, RuleSet};

fn profile(text: &str, format: InputFormat) -> Error {
    Candidate::from_str_with(text, format, &Limits::default()).unwrap_err()
}

fn yaml(text: &str) -> Error {
    profile(text, InputFormat::Yaml)
}

fn json(text: &str) -> Error {
    profile(text, InputFormat::Json)
}

/// (line, column, field path) of a single located problem.
fn place(err: &Error) -> (Option<usize>, Option<usize>, Option<&str>) {
    let at = err.location().expect("the error is located");
    (at.line(), at.column(), at.path())
}

#[test]
fn too_large() {
    let tiny = Limits::default().with_max_bytes(8);
    for format in [InputFormat::Yaml, InputFormat::Json] {
        let err = Candidate::from_str_with("{\"id\": \"a-long-name\"}", format, &tiny).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::TooLarge { limit: Some(8) }),
            "{err}"
        );
        assert!(err.message().contains("larger than the limit of 8 bytes"));
    }
}

#[test]
fn too_deep() {
    let err = yaml(&format!("skills: {}{}", "[".repeat(100), "]".repeat(100)));
    assert!(
        matches!(err.kind(), ErrorKind::TooDeep { limit: 64 }),
        "{err}"
    );
    assert_eq!(place(&err).0, Some(1));
    let err = json(&format!(
        "{{\"skills\": {}{}}}",
        "[".repeat(100),
        "]".repeat(100)
    ));
    assert!(matches!(err.kind(), ErrorKind::TooDeep { .. }), "{err}");
    assert!(err.message().contains("nesting deeper than the limit"));
}

#[test]
fn syntax() {
    let err = yaml("id: \"ana");
    assert!(matches!(err.kind(), ErrorKind::Syntax), "{err}");
    assert_eq!(place(&err).0, Some(1));
    assert!(!err.message().contains(" at line "), "{err}");

    let err = json("{\"id\": \"ana\"");
    assert!(matches!(err.kind(), ErrorKind::Syntax), "{err}");
    assert_eq!(place(&err), (Some(1), Some(12), None));
    assert_eq!(
        err.to_string(),
        "line 1:12: the JSON ends too early, inside an object"
    );

    let err = json("{\"id\": \"ana\"} x");
    assert!(matches!(err.kind(), ErrorKind::Syntax), "{err}");
    assert!(err.message().contains("after the end of the JSON"), "{err}");

    let err = json("{\"id\": tru}");
    assert!(matches!(err.kind(), ErrorKind::Syntax), "{err}");
    assert!(!err.to_string().contains('?'), "{err}");
}

#[test]
fn unknown_field_carries_the_suggestion() {
    for (err, line, column) in [
        (yaml("id: x\nlangauges: []\n"), 2, 1),
        (json("{\"id\": \"x\",\n \"langauges\": []}"), 2, 12),
    ] {
        match err.kind() {
            ErrorKind::UnknownField { field, suggestion } => {
                assert_eq!(field, "langauges");
                assert_eq!(suggestion.as_deref(), Some("languages"));
            }
            other => panic!("unexpected {other}: {err}"),
        }
        assert_eq!(place(&err), (Some(line), Some(column), Some("langauges")));
        assert!(
            err.message().ends_with("did you mean `languages`?"),
            "{err}"
        );
    }
}

#[test]
fn missing_field() {
    for err in [
        yaml("experience:\n  - end: 2020-01\n"),
        json("{\"experience\": [{\"end\": \"2020-01\"}]}"),
    ] {
        assert!(
            matches!(err.kind(), ErrorKind::MissingField { field } if field == "start"),
            "{err}"
        );
        assert_eq!(place(&err).2, Some("experience[0]"));
    }
}

#[test]
fn wrong_type_in_the_users_words() {
    let err = yaml("id: x\nexperience:\n  - start: 2020-01\n    fraction: half\n");
    assert!(
        matches!(err.kind(), ErrorKind::WrongType { expected } if expected == "a number"),
        "{err}"
    );
    assert_eq!(
        place(&err),
        (Some(4), Some(15), Some("experience[0].fraction"))
    );
    assert_eq!(err.message(), "expected a number, found text \"half\"");

    let err = json("{\"experience\": [{\"start\": \"2020-01\", \"fraction\": \"half\"}]}");
    assert!(matches!(err.kind(), ErrorKind::WrongType { .. }), "{err}");
    assert_eq!(place(&err).2, Some("experience[0].fraction"));
    assert_eq!(err.message(), "expected a number, found text \"half\"");

    let err = json("{\"skills\": {\"a\": 1}}");
    assert_eq!(err.message(), "expected a list, found a mapping");

    let err = json("[1, 2]");
    assert!(
        matches!(err.kind(), ErrorKind::WrongType { expected } if expected == "a mapping of fields"),
        "{err}"
    );
    let err = json("\"just text\"");
    assert_eq!(
        err.message(),
        "the document is text, expected a mapping of fields"
    );
}

#[test]
fn unknown_name_or_code() {
    let err = yaml("languages:\n  - { language: en, level: flunet }\n");
    match err.kind() {
        ErrorKind::UnknownName { name, suggestion } => {
            assert_eq!(name, "flunet");
            assert_eq!(suggestion.as_deref(), Some("fluent"));
        }
        other => panic!("unexpected {other}: {err}"),
    }
    assert_eq!(place(&err).0, Some(2));

    let err = json("{\"languages\": [{\"language\": \"xx\", \"level\": \"C1\"}]}");
    assert!(
        matches!(err.kind(), ErrorKind::UnknownName { name, .. } if name == "xx"),
        "{err}"
    );
    assert_eq!(place(&err).2, Some("languages[0].language"));
    assert!(place(&err).0.is_some());

    let rules = "id: v\ntitle: V\norganization: O\nduty_station: { country: FR }\nrequirements:\n  - { id: a, kind: educaton }\n";
    let err = RuleSet::from_yaml_str(rules).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnknownName { name, suggestion: Some(s) } if name == "educaton" && s == "education"),
        "{err}"
    );
    assert_eq!(
        err.message(),
        "unknown name `educaton`, did you mean `education`?"
    );
}

#[test]
fn invalid_value() {
    let err = yaml("experience:\n  - start: 2024-02-30\n");
    assert!(matches!(err.kind(), ErrorKind::InvalidValue), "{err}");
    assert_eq!(
        place(&err),
        (Some(2), Some(12), Some("experience[0].start"))
    );
    assert_eq!(
        err.message(),
        "invalid date `2024-02-30`: February 2024 has 29 days"
    );

    let err = json("{\"experience\": [{\"start\": \"2020-01\", \"fraction\": 1.5}]}");
    assert!(matches!(err.kind(), ErrorKind::InvalidValue), "{err}");
    assert_eq!(
        place(&err),
        (Some(1), Some(38), Some("experience[0].fraction"))
    );
    assert!(err.message().contains("outside (0, 1]"), "{err}");
}

#[test]
fn cross_field_errors_are_located_in_yaml_and_json() {
    let err = yaml("id: x\nexperience:\n  - start: 2020-01\n    end: 2019-01\n");
    assert!(matches!(err.kind(), ErrorKind::CrossField), "{err}");
    assert_eq!(place(&err), (Some(4), Some(5), Some("experience[0].end")));

    let err = json(
        "{\n  \"id\": \"x\",\n  \"experience\": [\n    {\"start\": \"2020-01\",\n     \"end\": \"2019-01\"}\n  ]\n}",
    );
    assert!(matches!(err.kind(), ErrorKind::CrossField), "{err}");
    assert_eq!(place(&err), (Some(5), Some(6), Some("experience[0].end")));
    assert_eq!(
        err.to_string(),
        "line 5:6: experience[0].end: end 2019-01 is before start 2020-01"
    );

    let err = json(
        "{\"certifications\": [{\"name\": \"x\", \"issued\": \"2020\", \"expires\": \"2019\"}]}",
    );
    assert!(matches!(err.kind(), ErrorKind::CrossField), "{err}");
    assert_eq!(
        place(&err),
        (Some(1), Some(53), Some("certifications[0].expires"))
    );

    let rules = "id: v\ntitle: V\norganization: O\nduty_station: { country: FR }\nposted: 2024-02-01\ndeadline: 2024-01-01\nrequirements:\n  - { id: en, kind: language, languages: en, level: fluent }\n";
    let err = RuleSet::from_yaml_str(rules).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::CrossField), "{err}");
    assert_eq!(place(&err), (Some(6), Some(1), Some("deadline")));
}

#[test]
fn duplicate_ids_say_where_the_first_is() {
    let rules = "id: v\ntitle: V\norganization: O\nduty_station: { country: FR }\nrequirements:\n  - id: en\n    kind: language\n    languages: en\n    level: fluent\n  - id: en\n    kind: language\n    languages: es\n    level: fluent\n";
    let err = RuleSet::from_yaml_str(rules).unwrap_err();
    match err.kind() {
        ErrorKind::DuplicateId { id, first } => {
            assert_eq!(id, "en");
            let first = first.as_ref().expect("the first use is known");
            assert_eq!(
                (first.line(), first.path()),
                (Some(6), Some("requirements[0].id"))
            );
        }
        other => panic!("unexpected {other}: {err}"),
    }
    assert_eq!(place(&err), (Some(10), Some(5), Some("requirements[1].id")));
}

#[test]
fn several_problems_are_one_error_of_many() {
    for err in [
        yaml("id: ' '\nskills: ['']\n"),
        json("{\"id\": \" \",\n \"skills\": [\"\"]}"),
    ] {
        let ErrorKind::Many(all) = err.kind() else {
            panic!("expected several problems: {err}");
        };
        assert_eq!(all.len(), 2);
        assert!(err.location().is_none());
        let lines: Vec<_> = err
            .problems()
            .iter()
            .map(|p| p.location().and_then(|l| l.line()))
            .collect();
        assert_eq!(lines, [Some(1), Some(2)]);
        assert!(err.to_string().starts_with("2 errors:\n"), "{err}");
    }
}

#[test]
fn io_errors_name_the_path() {
    let err = RuleSet::from_dir("no/such/dir").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::Io { path, .. } if path.ends_with("dir")),
        "{err}"
    );
    assert!(err.location().is_none());
    assert!(std::error::Error::source(&err).is_some());
}

/// Words of Rust, not of the people who write profiles and rules.
const RUST_WORDS: &[&str] = &[
    "f64",
    "f32",
    "u8",
    "u16",
    "u32",
    "u64",
    "usize",
    "i32",
    "i64",
    "struct ",
    "enum ",
    "Vec",
    "Option",
    "alloc::",
    "invalid type",
    "variant",
    "sequence",
    "EOF",
    "expected ident",
];

fn assert_users_words(err: &Error, input: &str) {
    for problem in err.problems() {
        let text = problem.to_string();
        for word in RUST_WORDS {
            assert!(
                !text.contains(word),
                "`{word}` in the message for {input:?}: {text}"
            );
        }
    }
}

/// Bad inputs of every kind, and every example profile and rule file cut
/// short and with values of the wrong type: no message speaks Rust.
#[test]
fn no_message_names_a_rust_type() {
    let mut corpus: Vec<(String, InputFormat)> = [
        "skills: 3",
        "skills: [[1]]",
        "experience: 3",
        "experience:\n  - start: 2020-01\n    fraction: half\n",
        "experience:\n  - start: [2020]\n",
        "experience:\n  - start: 2020-01\n    declared_years: [1]\n",
        "languages: {en: C1}",
        "languages:\n  - { language: 3, level: C1 }\n",
        "languages:\n  - { language: en, level: [C1] }\n",
        "attestations: { covid19_vaccination: maybe }",
        "attestations: [yes]",
        "nationalities: mx",
        "education:\n  - { degree: 3 }\n",
        "education:\n  - { degree: doctorate-ish }\n",
        "certifications:\n  - { name: x, issued: yesterday }\n",
        "id: 3\nname: { first: a }\n",
        "~",
        "3",
        "true",
        "'text'",
        "- a\n- b\n",
        "id: [",
        "id: \"a",
    ]
    .iter()
    .map(|t| (t.to_string(), InputFormat::Yaml))
    .collect();
    for t in [
        "{\"skills\": 3}",
        "{\"skills\": [1.5]}",
        "{\"experience\": [{\"start\": 2020.5}]}",
        "{\"experience\": [{\"start\": \"2020-01\", \"fraction\": \"half\"}]}",
        "{\"experience\": [{\"start\": \"2020-01\", \"fraction\": null}]}",
        "{\"experience\": [{\"start\": \"2020-01\", \"declared_years\": -1}]}",
        "{\"languages\": [{\"language\": \"en\", \"level\": 1}]}",
        "{\"attestations\": {\"x\": \"yes\"}}",
        "{\"id\": {}}",
        "{\"id\": true}",
        "null",
        "3",
        "\"x\"",
        "[]",
        "{",
        "{\"id\"",
        "{\"id\": ",
        "{\"id\": \"x",
        "{\"id\": \"x\",}",
        "{\"id\": \"x\"} {}",
        "{id: \"x\"}",
        "{\"id\": tru}",
        "{\"experience\": [{\"start\": \"2020-01\"}",
    ] {
        corpus.push((t.to_string(), InputFormat::Json));
    }
    for entry in std::fs::read_dir("examples/candidates").unwrap() {
        let path = entry.unwrap().path();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("json") => InputFormat::Json,
            Some("yaml") => InputFormat::Yaml,
            _ => continue,
        };
        let text = std::fs::read_to_string(&path).unwrap();
        for cut in (1..10).map(|i| text.len() * i / 10) {
            if let Some(head) = text.get(..cut) {
                corpus.push((head.to_string(), format));
            }
        }
        corpus.push((text.replace("\"20", "[20").replace(": 20", ": [20"), format));
        corpus.push((text.replace('"', "").replace(": ", ": ["), format));
    }
    for (text, format) in &corpus {
        if let Err(err) = Candidate::from_str_with(text, *format, &Limits::default()) {
            assert_users_words(&err, text);
        }
    }
    for entry in std::fs::read_dir("rules").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".yaml") || name == "vocabulary.yaml" || name == "scales.yaml" {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut variants: Vec<String> = (1..8)
            .filter_map(|i| text.get(..text.len() * i / 8).map(str::to_string))
            .collect();
        variants.push(text.replace("years: ", "years: many"));
        variants.push(text.replace("weight: ", "weight: ["));
        variants.push(text.replace("kind: ", "kind: x"));
        variants.push(text.replace("- id: ", "- ids: "));
        for variant in variants {
            if let Err(err) = RuleSet::from_yaml_str(&variant) {
                assert_users_words(&err, &name);
            }
        }
    }
}

/// The kind of the only problem of `err`.
fn only(err: &Error) -> &ErrorKind {
    let problems = err.problems();
    assert_eq!(problems.len(), 1, "{err}");
    err.kind()
}

#[test]
fn vocabulary_and_scales_files_name_the_first_place_of_a_name_given_twice() {
    let err = vacancy_match::Vocabulary::from_yaml_str(
        "fields:\n  - name: Law\n    aliases: [Derecho]\n  - name: Legal Studies\n    aliases: [derecho]\n",
    )
    .unwrap_err();
    match only(&err) {
        ErrorKind::DuplicateId { id, first } => {
            assert_eq!(id, "derecho");
            let first = first.as_ref().expect("the first place is known");
            assert_eq!(
                (first.line(), first.path()),
                (Some(3), Some("fields[0].aliases[0]"))
            );
        }
        other => panic!("unexpected {other}: {err}"),
    }
    assert_eq!(place(&err).2, Some("fields[1].aliases[0]"));

    let err = vacancy_match::Scales::from_yaml_str(
        "scales:\n  - name: a\n    levels: { good: B2 }\n  - name: b\n    levels: { Good: C1 }\n",
    )
    .unwrap_err();
    match only(&err) {
        ErrorKind::DuplicateId { id, first } => {
            assert_eq!(id, "Good");
            let first = first.as_ref().expect("the first place is known");
            assert_eq!(
                (first.line(), first.path()),
                (Some(3), Some("scales[0].levels.good"))
            );
        }
        other => panic!("unexpected {other}: {err}"),
    }
    assert_eq!(
        (place(&err).0, place(&err).2),
        (Some(5), Some("scales[1].levels.Good"))
    );

    // A name that reads as nothing is a value that is not valid.
    let err = vacancy_match::Vocabulary::from_yaml_str("skills:\n  - name: '--'\n").unwrap_err();
    assert!(matches!(only(&err), ErrorKind::InvalidValue), "{err}");
}

#[test]
fn an_unknown_report_language_is_an_unknown_name() {
    let err = "fr".parse::<vacancy_match::Lang>().unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnknownName { name, suggestion: None } if name == "fr"),
        "{err}"
    );
    assert_eq!(
        err.message(),
        "unknown report language `fr`, expected en or es"
    );
    let err = " Englsh ".parse::<vacancy_match::Lang>().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::UnknownName { name, suggestion: Some(s) } if name == "Englsh" && s == "english"
        ),
        "{err}"
    );
}

#[test]
fn json_resume_problems_have_their_kinds() {
    let read = |text: &str| {
        vacancy_match::ResumeReader::new()
            .read_str(text, "cv.json")
            .unwrap_err()
    };
    // A degree level that cannot be read is no error: noted, and the
    // education list left not stated (tests/json_resume.rs).
    for text in [
        "{\"education\": [{\"studyType\": \"Masterado\"}]}",
        "{\"education\": [{\"area\": \"Law\"}]}",
    ] {
        let cv = vacancy_match::ResumeReader::new()
            .read_str(text, "cv.json")
            .unwrap();
        assert!(cv.education.is_none(), "{text}");
        assert!(
            cv.provenance
                .unwrap()
                .entries
                .contains_key("not read: education[0]"),
            "{text}"
        );
    }
    let err = read("{\"work\": [{\"name\": \"ACNUR\", \"startDate\": \"Present\"}]}");
    assert!(matches!(only(&err), ErrorKind::InvalidValue), "{err}");
    let err = read("{\"work\": [{\"name\": \"ACNUR\"}]}");
    assert!(
        matches!(only(&err), ErrorKind::MissingField { field } if field == "startDate"),
        "{err}"
    );
    let err = read("{\"work\": [{\"startDate\": \"2020-01\", \"endDate\": \"2019-01\"}]}");
    assert!(matches!(only(&err), ErrorKind::CrossField), "{err}");
    let err = read("{\"basics\": {\"name\": 3}}");
    assert!(
        matches!(only(&err), ErrorKind::WrongType { expected } if expected == "a string"),
        "{err}"
    );
    let err = read("{\"work\": 3}");
    assert!(
        matches!(only(&err), ErrorKind::WrongType { expected } if expected == "an array"),
        "{err}"
    );
    let err = read("[]");
    assert!(matches!(only(&err), ErrorKind::WrongType { .. }), "{err}");
    let err = read("{\"basics\": ");
    assert!(matches!(only(&err), ErrorKind::Syntax), "{err}");
    // Nor is a fluency that is no level: the language is kept without one.
    let cv = vacancy_match::ResumeReader::new()
        .read_str(
            "{\"languages\": [{\"language\": \"English\", \"fluency\": \"so-so\"}]}",
            "cv.json",
        )
        .unwrap();
    assert!(cv.languages.unwrap()[0].level.is_none());
}

#[cfg(feature = "import")]
#[test]
fn mapping_files_and_spreadsheets_have_their_kinds() {
    use vacancy_match::{Importer, Mapping};

    let mapping = |text: &str| Mapping::from_yaml_str(text).unwrap_err();
    let err = mapping("nam: Nombre\n");
    assert!(
        matches!(
            only(&err),
            ErrorKind::UnknownField { field, suggestion: Some(s) } if field == "nam" && s == "name"
        ),
        "{err}"
    );
    let err = mapping("values:\n  degree: { Licenciatura: bachelorr }\n");
    assert!(
        matches!(
            only(&err),
            ErrorKind::UnknownName { name, suggestion: Some(s) } if name == "bachelorr" && s == "bachelor"
        ),
        "{err}"
    );
    let err = mapping("values:\n  country: { Mexicana: Atlantis }\n");
    assert!(
        matches!(only(&err), ErrorKind::UnknownName { name, .. } if name == "Atlantis"),
        "{err}"
    );
    let err = mapping("experience:\n  - { title: Puesto }\n");
    assert!(
        matches!(only(&err), ErrorKind::MissingField { field } if field == "start"),
        "{err}"
    );
    let err = mapping("experience:\n  - { start: Inicio, declared_years: Años }\n");
    assert!(matches!(only(&err), ErrorKind::CrossField), "{err}");

    // A column the mapping names and the header lacks.
    let m = Mapping::from_yaml_str("name: Nombre\n").unwrap();
    let err = Importer::new(&m)
        .read_csv("f.csv", b"Nombre completo\nAna\n")
        .unwrap_err();
    assert!(
        matches!(only(&err), ErrorKind::MissingField { field } if field == "Nombre"),
        "{err}"
    );
    assert_eq!(
        err.message(),
        "no column `Nombre` in the header, did you mean `Nombre completo`?"
    );

    // Not a spreadsheet, not UTF-8.
    let err = Importer::new(&m).read_path("cv.pdf").unwrap_err();
    assert!(
        matches!(only(&err), ErrorKind::UnknownName { name, .. } if name == "pdf"),
        "{err}"
    );
    let err = Importer::new(&m)
        .read_csv("f.csv", b"Nombre\n\xff\n")
        .unwrap_err();
    assert!(matches!(only(&err), ErrorKind::Syntax), "{err}");

    // Cells that do not read, row by row.
    let m = Mapping::from_yaml_str(
        "nationalities: Nacionalidad\nattestations: { covid19_vaccination: Vacuna }\nexperience:\n  - { start: Inicio, end: Fin }\n",
    )
    .unwrap();
    let import = Importer::new(&m)
        .read_csv(
            "f.csv",
            "Nacionalidad,Vacuna,Inicio,Fin\nAtlantis,quizás,2020-01,2019-01\n,,,2019-01\n"
                .as_bytes(),
        )
        .unwrap();
    let kinds: Vec<&ErrorKind> = import
        .applicants
        .iter()
        .flat_map(|a| a.problems.iter().map(Error::kind))
        .collect();
    assert!(
        matches!(
            kinds.as_slice(),
            [
                ErrorKind::UnknownName { name, .. },
                ErrorKind::CrossField,
                ErrorKind::WrongType { .. },
                ErrorKind::MissingField { field },
            ] if name == "Atlantis" && field == "Inicio"
        ),
        "{kinds:?}"
    );
}

#[test]
fn a_control_character_is_placed_on_its_own_line_and_column() {
    // The reader names a byte offset; é and € take 2 and 3 bytes.
    let err = yaml("id: a\nname: \"\u{e9}\u{7}\"\n");
    assert_eq!(place(&err), (Some(2), Some(9), None));
    assert!(
        err.to_string()
            .starts_with("line 2:9: control characters are not allowed"),
        "{err}"
    );
    let err = yaml("id: a\nskills:\n  - x\n  - \"\u{20ac} y\u{1b}\"\n");
    assert_eq!(place(&err), (Some(4), Some(9), None));
    let err = vacancy_match::Mapping::from_yaml_str("a: 1\nb:\n  - \"x\u{7}\"\n").unwrap_err();
    let at = err.location().unwrap();
    assert_eq!((at.line(), at.column()), (Some(3), Some(7)));
    let err = RuleSet::from_yaml_str("id: v\ntitle: \"t\u{7}\"\n").unwrap_err();
    let problem = &err.problems()[0];
    let at = problem.location().unwrap();
    assert_eq!((at.line(), at.column()), (Some(2), Some(10)));
}
