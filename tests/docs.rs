//! The guides stay true: every example in docs/AUTHORING.md and
//! docs/PROFILES.md loads (or fails with the message shown), every report
//! excerpt is what the engine prints, and docs/skeleton.yaml is a clean,
//! self-testing vacancy.
//!
//! # Conventions for code blocks in the guides
//! A fence's info string is a language followed by flags and `key=value`
//! attributes, separated by spaces or commas: ```` ```yaml error ````.
//!
//! In AUTHORING.md, a `yaml` block is read by its first line that is not a
//! comment:
//! - `id:` a whole vacancy (a header shown without `requirements:` gets a
//!   placeholder requirement);
//! - `- ` one or more requirements, placed in a small vacancy;
//! - `tests:` test cases, placed in a small vacancy, or in the rule file
//!   named by `for=PATH` in place of its own cases;
//! - `scales:` a level crosswalk; `fields:`, `domains:`, `skills:`,
//!   `certifications:` or `organizations:` a vocabulary.
//!
//! A plain block must load without warnings and its cases must pass.
//! `error` marks a block that must be refused, `warning` one that must load
//! with warnings, `cases` one whose cases run; when the next block is
//! `text`, it is the exact message (errors, warnings, case outcomes) the
//! block gives. `file=NAME` loads the block from a file of that name, so
//! that messages carry it.
//!
//! In PROFILES.md, `yaml` and `json` blocks are profiles; `error` marks one
//! that must be refused (the next `text` block is the message).
//! `assess=VACANCY as_of=DATE` assesses the profile against the bundled
//! vacancy, and the next `text` block's lines must appear, in order, in the
//! printed assessment. A `text` block with `report=PROFILE as_of=DATE` is
//! an excerpt of what `check_cv` prints for that profile. In excerpts, a
//! line `…` stands for lines left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use vacancy_match::{Candidate, Code, RuleSet, Scales, Status, Verdict, Vocabulary};

const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// The vacancy a requirement or test block is placed in.
const SMALL_VACANCY: &str = "\
id: docs-example
title: Docs example
organization: UNHCR
duty_station: { city: Mexico City, country: MX }
deadline: 2025-08-12
target_start: 2025-09-01
requirements:
";

/// The requirement a header or a test block is given, to load.
const PLACEHOLDER: &str =
    "  - { id: placeholder, kind: attestation, attestation: placeholder, source: placeholder }\n";

#[derive(Debug)]
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    lang: String,
    flags: BTreeSet<String>,
    attrs: BTreeMap<String, String>,
    body: String,
}

impl Block {
    fn has(&self, flag: &str) -> bool {
        self.flags.contains(flag)
    }

    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.get(key).map(String::as_str)
    }

    fn first_line(&self) -> &str {
        self.body
            .lines()
            .map(str::trim_end)
            .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .unwrap_or("")
    }
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(MANIFEST).join(path))
        .unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// The fenced code blocks of a Markdown text, in order.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().starts_with("```");
        match open.take() {
            Some(block) if fence && line.trim() == "```" => out.push(block),
            Some(mut block) => {
                block.body.push_str(line);
                block.body.push('\n');
                open = Some(block);
            }
            None if fence => {
                let info = line.trim_start().trim_start_matches('`');
                let mut words = info
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|w| !w.is_empty());
                let lang = words.next().unwrap_or("").to_string();
                let mut flags = BTreeSet::new();
                let mut attrs = BTreeMap::new();
                for w in words {
                    match w.split_once('=') {
                        Some((k, v)) => {
                            attrs.insert(k.to_string(), v.to_string());
                        }
                        None => {
                            flags.insert(w.to_string());
                        }
                    }
                }
                open = Some(Block {
                    line: i + 1,
                    lang,
                    flags,
                    attrs,
                    body: String::new(),
                });
            }
            None => {}
        }
    }
    assert!(open.is_none(), "a code block is not closed");
    out
}

/// The `text` block right after block `i`, if there is one.
fn expected_text(all: &[Block], i: usize) -> Option<&str> {
    all.get(i + 1)
        .filter(|b| b.lang == "text" && b.attrs.is_empty())
        .map(|b| b.body.trim_end())
}

/// Profile paths in rule files are relative to `rules/`; a vacancy loaded
/// from a string has no file, so they are made absolute.
fn absolute_profiles(yaml: &str) -> String {
    yaml.replace(
        "profile: ../examples/",
        &format!("profile: {MANIFEST}/examples/"),
    )
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{by}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The whole vacancy file a yaml block of AUTHORING.md stands for.
fn vacancy_text(block: &Block) -> String {
    let first = block.first_line();
    if first.starts_with("id:") {
        if block.body.lines().any(|l| l.starts_with("requirements:")) {
            block.body.clone()
        } else {
            format!("{}requirements:\n{PLACEHOLDER}", block.body)
        }
    } else if first.starts_with("- ") {
        format!("{SMALL_VACANCY}{}", indent(&block.body, "  "))
    } else if first.starts_with("tests:") {
        match block.attr("for") {
            Some(path) => {
                let file = read(path);
                let head = file
                    .find("\ntests:")
                    .map_or(file.as_str(), |at| &file[..=at]);
                format!("{head}{}", block.body)
            }
            None => format!("{SMALL_VACANCY}{PLACEHOLDER}{}", block.body),
        }
    } else {
        panic!(
            "AUTHORING.md line {}: a yaml block that is no vacancy, requirement, tests, \
             scales or vocabulary block: {first}",
            block.line
        )
    }
}

/// A fresh empty folder for files a block is loaded from.
fn scratch_dir() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("vacancy-match-docs-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Loads a vacancy text, from a file named `file=` if the block asks, and
/// returns the rule set (or the error) with the scratch folder stripped
/// from its messages.
fn load_vacancy(block: &Block, text: &str) -> (Result<RuleSet, String>, Option<PathBuf>) {
    match block.attr("file") {
        None => (
            RuleSet::from_yaml_str(&absolute_profiles(text)).map_err(|e| e.to_string()),
            None,
        ),
        Some(name) => {
            let dir = scratch_dir();
            let path = dir.join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
            let prefix = format!("{}/", dir.display());
            let loaded = RuleSet::from_file(&path).map_err(|e| e.to_string().replace(&prefix, ""));
            (loaded, Some(dir))
        }
    }
}

fn strip(text: &str, dir: Option<&PathBuf>) -> String {
    match dir {
        Some(d) => text.replace(&format!("{}/", d.display()), ""),
        None => text.to_string(),
    }
}

/// Checks one yaml block of AUTHORING.md; returns what it was, for counts.
fn check_authoring_block(all: &[Block], i: usize) -> &'static str {
    let block = &all[i];
    let at = format!("AUTHORING.md line {}", block.line);
    let first = block.first_line();
    let expected = expected_text(all, i);
    if first.starts_with("scales:") {
        let result = Scales::from_yaml_str(&block.body);
        assert_eq!(block.has("error"), result.is_err(), "{at}: {result:?}");
        return "scales";
    }
    let vocab_keys = [
        "fields:",
        "domains:",
        "skills:",
        "certifications:",
        "organizations:",
    ];
    if vocab_keys.iter().any(|k| first.starts_with(k)) {
        let result = Vocabulary::from_yaml_str(&block.body);
        assert_eq!(block.has("error"), result.is_err(), "{at}: {result:?}");
        return "vocabulary";
    }
    let text = vacancy_text(block);
    let (loaded, dir) = load_vacancy(block, &text);
    if block.has("error") {
        let message = loaded
            .err()
            .unwrap_or_else(|| panic!("{at}: loads, but is marked error"));
        if let Some(expected) = expected {
            assert_eq!(message, expected, "{at}");
        }
        return "error";
    }
    let rules = loaded.unwrap_or_else(|e| panic!("{at}: does not load:\n{e}\n---\n{text}"));
    let warnings: Vec<String> = rules
        .analyze()
        .iter()
        .map(|w| strip(&w.to_string(), dir.as_ref()))
        .collect();
    if block.has("warning") {
        assert!(!warnings.is_empty(), "{at}: marked warning, but is clean");
        if let Some(expected) = expected {
            assert_eq!(warnings.join("\n"), expected, "{at}");
        }
    } else {
        assert!(warnings.is_empty(), "{at}: {warnings:#?}");
    }
    let outcomes = rules.run_cases();
    if block.has("cases") {
        let shown: Vec<String> = outcomes
            .iter()
            .map(|o| strip(&o.to_string(), dir.as_ref()))
            .collect();
        if let Some(expected) = expected {
            assert_eq!(shown.join("\n"), expected, "{at}");
        }
    } else {
        let failed: Vec<String> = outcomes
            .iter()
            .filter(|o| !o.passed())
            .map(ToString::to_string)
            .collect();
        assert!(failed.is_empty(), "{at}: {failed:#?}");
    }
    if let Some(d) = dir {
        let _ = std::fs::remove_dir_all(d);
    }
    if first.starts_with("id:") {
        "vacancy"
    } else if first.starts_with("- ") {
        "requirement"
    } else {
        "tests"
    }
}

#[test]
fn every_yaml_example_in_the_authoring_guide_loads_or_fails_as_shown() {
    let guide = read("docs/AUTHORING.md");
    let all = blocks(&guide);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in 0..all.len() {
        if all[i].lang == "yaml" {
            *counts.entry(check_authoring_block(&all, i)).or_default() += 1;
        }
    }
    // The guide keeps examples of each sort; a lost fence would drop them.
    for sort in [
        "vacancy",
        "requirement",
        "tests",
        "error",
        "scales",
        "vocabulary",
    ] {
        assert!(
            counts.get(sort).is_some_and(|n| *n > 0),
            "no {sort} example: {counts:?}"
        );
    }
    assert!(counts["requirement"] >= 8, "{counts:?}");
}

#[test]
fn the_authoring_guide_shows_every_requirement_kind() {
    let guide = read("docs/AUTHORING.md");
    let mut kinds = BTreeSet::new();
    for block in blocks(&guide)
        .iter()
        .filter(|b| b.lang == "yaml" && !b.has("error"))
    {
        if block.first_line().starts_with("- ") || block.first_line().starts_with("id:") {
            let rules = RuleSet::from_yaml_str(&absolute_profiles(&vacancy_text(block))).unwrap();
            for r in rules.vacancies()[0].requirements() {
                if r.id() != "placeholder" {
                    kinds.insert(r.kind_name());
                }
            }
        }
    }
    assert_eq!(kinds, KINDS.into_iter().collect());
}

/// The kinds of requirement, as reason codes begin.
const KINDS: [&str; 9] = [
    "education",
    "experience",
    "language",
    "work_authorization",
    "internal",
    "certification",
    "skill",
    "attestation",
    "nationality",
];

#[test]
fn every_reason_code_the_guides_name_exists() {
    for file in ["docs/AUTHORING.md", "docs/PROFILES.md"] {
        // Prose only: the codes in yaml blocks are checked by loading them.
        let mut in_fence = false;
        let prose: String = read(file)
            .lines()
            .filter(|l| {
                if l.trim_start().starts_with("```") {
                    in_fence = !in_fence;
                    return false;
                }
                !in_fence
            })
            .collect::<Vec<_>>()
            .join("\n");
        let named: BTreeSet<&str> = prose
            .split('`')
            .skip(1)
            .step_by(2)
            .filter(|w| {
                w.split_once('.').is_some_and(|(kind, reason)| {
                    KINDS.contains(&kind)
                        && !reason.is_empty()
                        && reason.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
            })
            .collect();
        assert!(!named.is_empty() || file.ends_with("PROFILES.md"));
        for code in named {
            assert!(
                Code::ALL.iter().any(|c| c.as_str() == code),
                "{file} names `{code}`, which is no reason code"
            );
        }
    }
}

/// The status AUTHORING.md says a code has, from its ending.
fn status_by_ending(code: &str) -> Status {
    let unknown = [
        ".not_stated",
        ".to_verify",
        "_to_verify",
        ".accreditation_unknown",
        ".level_unknown",
    ];
    if code.ends_with(".met") || code == "education.met_by_substitution" {
        Status::Met
    } else if unknown.iter().any(|e| code.ends_with(e)) {
        Status::Unknown
    } else {
        Status::NotMet
    }
}

#[test]
fn a_reason_code_tells_its_status_as_the_authoring_guide_says() {
    let rules = RuleSet::bundled().unwrap();
    let dir = Path::new(MANIFEST).join("examples/candidates");
    let mut profiles: Vec<Candidate> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| Candidate::from_path(e.unwrap().path()))
        .filter_map(Result::ok)
        .collect();
    profiles.push(Candidate::default());
    let mut seen = BTreeSet::new();
    for cv in &profiles {
        for date in ["2017-03-01", "2024-01-15", "2025-08-01", "2025-10-01"] {
            for a in rules.assess(cv, date.parse().unwrap()).each() {
                for f in &a.findings {
                    assert_eq!(
                        f.status,
                        status_by_ending(f.code.as_str()),
                        "{} in {}",
                        f.code,
                        a.vacancy
                    );
                    seen.insert(f.code);
                }
            }
        }
    }
    assert!(seen.len() >= 20, "{seen:?}");
}

/// The lines of `expected` (but `…`) appear in `output`, in order.
fn assert_excerpt(expected: &str, output: &str, at: &str) {
    let lines: Vec<&str> = output.lines().collect();
    let mut from = 0;
    for want in expected.lines() {
        if matches!(want.trim(), "…" | "...") {
            continue;
        }
        match lines[from..].iter().position(|l| *l == want) {
            Some(k) => from += k + 1,
            None => panic!(
                "{at}: line not found (in order) in the output:\n{want}\n--- output:\n{output}"
            ),
        }
    }
}

fn load_profile(block: &Block) -> Result<Candidate, vacancy_match::Error> {
    match block.lang.as_str() {
        "json" => Candidate::from_json_str(&block.body),
        _ => Candidate::from_yaml_str(&block.body),
    }
}

/// What `cargo run --example check_cv -- PROFILE --as-of DATE` prints:
/// the report `vacancy-match check` prints.
fn check_cv(profile: &str, as_of: &str) -> String {
    let rules = RuleSet::bundled().unwrap();
    let cv = Candidate::from_path(Path::new(MANIFEST).join(profile)).unwrap();
    let as_of = as_of.parse().unwrap();
    let ranked = rules.assess(&cv, as_of).ranked();
    vacancy_match::Report::new(&rules, &cv, &ranked, as_of)
        .source(vacancy_match::RuleSource::Bundled)
        .to_string()
}

#[test]
fn every_profile_example_in_the_profiles_guide_loads_or_fails_as_shown() {
    let guide = read("docs/PROFILES.md");
    let all = blocks(&guide);
    let rules = RuleSet::bundled().unwrap();
    let (mut loaded, mut refused, mut assessed, mut reports) = (0, 0, 0, 0);
    for (i, block) in all.iter().enumerate() {
        let at = format!("PROFILES.md line {}", block.line);
        if block.lang == "text" {
            if let Some(profile) = block.attr("report") {
                let as_of = block.attr("as_of").expect("a report needs as_of=DATE");
                assert_excerpt(block.body.trim_end(), &check_cv(profile, as_of), &at);
                reports += 1;
            }
            continue;
        }
        if block.lang != "yaml" && block.lang != "json" {
            continue;
        }
        let result = load_profile(block);
        if block.has("error") {
            let err = result
                .err()
                .unwrap_or_else(|| panic!("{at}: loads, but is marked error"));
            if let Some(expected) = expected_text(&all, i) {
                assert_eq!(err.to_string(), expected, "{at}");
            }
            refused += 1;
            continue;
        }
        let cv = result.unwrap_or_else(|e| panic!("{at}: does not load: {e}"));
        loaded += 1;
        if let Some(vacancy) = block.attr("assess") {
            let as_of = block.attr("as_of").expect("assess needs as_of=DATE");
            let a = rules
                .assess(&cv, as_of.parse().unwrap())
                .one(vacancy)
                .unwrap_or_else(|| panic!("{at}: no vacancy {vacancy}"));
            let expected = expected_text(&all, i).expect("assess needs a text block after it");
            assert_excerpt(expected, &a.to_string(), &at);
            assessed += 1;
        }
    }
    assert!(
        loaded >= 4 && refused >= 3 && assessed >= 2,
        "{loaded} {refused} {assessed}"
    );
    assert_eq!(
        reports, 1,
        "PROFILES.md carries one check_cv report excerpt"
    );
}

#[test]
fn the_skeleton_loads_cleanly_once_filled_in_has_every_kind_and_passes_its_cases() {
    let skeleton = read("docs/skeleton.yaml");
    // Untouched, every placeholder is an error.
    let err = RuleSet::from_yaml_str(&skeleton).unwrap_err();
    let sources = skeleton.matches("\"quote the posting here\"").count();
    assert_eq!(err.problems().len(), sources + 2, "{err}");
    assert!(
        err.problems().iter().all(|p| p
            .to_string()
            .contains("left from the skeleton of `vacancy-match new`")),
        "{err}"
    );
    let text = skeleton
        .replace("quote the posting here", "the posting's words")
        .replace(
            "id: unhcr-gt-protection-associate-2025",
            "id: unhcr-gt-draft-2025",
        )
        .replace("posting: posting_file_name.txt", "posting: draft.txt");
    let rules = RuleSet::from_yaml_str(&text).unwrap();
    assert!(rules.analyze().is_empty(), "{:#?}", rules.analyze());
    let vacancy = &rules.vacancies()[0];
    let kinds: BTreeSet<&str> = vacancy
        .requirements()
        .iter()
        .map(|r| r.kind_name())
        .collect();
    assert_eq!(kinds.len(), 8, "{kinds:?}");
    assert!(vacancy
        .requirements()
        .iter()
        .all(|r| r.source() == Some("the posting's words")));
    let outcomes = rules.run_cases();
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(ToString::to_string)
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let verdicts: Vec<Verdict> = outcomes.iter().filter_map(|o| o.got.map(|g| g.0)).collect();
    let count = |v: Verdict| verdicts.iter().filter(|x| **x == v).count();
    assert!(count(Verdict::Eligible) >= 1);
    assert!(count(Verdict::NeedsReview) >= 1);
    assert!(count(Verdict::Ineligible) >= 2);
}

#[test]
fn the_guides_are_linked_and_their_links_resolve() {
    for (file, must_link) in [
        ("README.md", &["docs/AUTHORING.md", "docs/PROFILES.md"][..]),
        ("docs/FORMAT.md", &["AUTHORING.md", "PROFILES.md"][..]),
        (
            "docs/AUTHORING.md",
            &["skeleton.yaml", "PROFILES.md", "CODES.md"][..],
        ),
        ("docs/PROFILES.md", &["AUTHORING.md", "CODES.md"][..]),
    ] {
        let text = read(file);
        for target in must_link {
            assert!(
                text.contains(&format!("]({target}")),
                "{file} does not link {target}"
            );
        }
        let base = Path::new(MANIFEST).join(file);
        let dir = base.parent().unwrap();
        for (_, rest) in text
            .match_indices("](")
            .map(|(at, _)| text.split_at(at + 2))
        {
            let target = rest.split(')').next().unwrap_or("");
            let target = target.split('#').next().unwrap_or("");
            if target.is_empty() || target.contains("://") {
                continue;
            }
            assert!(dir.join(target).exists(), "{file}: broken link {target}");
        }
    }
}

#[test]
fn format_lists_every_date_form_a_profile_accepts() {
    let format = read("docs/FORMAT.md");
    let text = format.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains("Dates are written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"),
        "docs/FORMAT.md"
    );
    for date in ["2019-03-15", "2019-03", "2019"] {
        let cv = format!(
            "education:\n  - {{ degree: bachelor, field: Law, completed: {date} }}\n\
             experience:\n  - {{ title: Officer, start: {date}, end: {date} }}\n"
        );
        assert!(Candidate::from_yaml_str(&cv).is_ok(), "{date}");
    }
    let year: vacancy_match::PartialDate = "2019".parse().unwrap();
    assert_eq!(year.first_day().to_string(), "2019-01-01");
    assert_eq!(year.last_day().to_string(), "2019-12-31");
}
