//! `screen` as a shortlist (filters, sorting, --top, --summary), the
//! panel report (`--format html`, parsed), `list`, and the conventions
//! every command shares: `-o`, `--color`, `-q`, completions, man page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::cli::{run, run_in, ROOT};
use common::{example_path, jsonl, scratch, IOM, RESETTLEMENT};
use scraper::{Html, Selector};
use serde_json::Value;

fn field<'a>(records: &'a [Value], name: &str) -> Vec<&'a str> {
    records
        .iter()
        .map(|r| r[name].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn verdict_filter_and_sort_by_score() {
    let r = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2024-01-15",
        "--vacancy",
        RESETTLEMENT,
        "--verdict",
        "eligible,needs_review",
        "--sort",
        "score",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    assert_eq!(
        field(&records, "candidate"),
        ["ana-lopez", "lucia-ramirez", "gabriela-menjivar"]
    );
    let scores: Vec<f64> = records
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn sort_by_verdict_and_by_candidate() {
    let by_verdict = jsonl(
        &run(&[
            "screen",
            "examples/candidates",
            "--as-of",
            "2024-01-15",
            "--vacancy",
            RESETTLEMENT,
            "--sort",
            "verdict",
            "--format",
            "jsonl",
        ])
        .stdout,
    );
    let verdicts = field(&by_verdict, "verdict");
    let rank = |v: &str| {
        ["eligible", "needs_review", "ineligible"]
            .iter()
            .position(|x| *x == v)
    };
    assert!(
        verdicts.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{verdicts:?}"
    );
    let by_name = jsonl(
        &run(&[
            "screen",
            "examples/candidates",
            "--as-of",
            "2024-01-15",
            "--vacancy",
            RESETTLEMENT,
            "--sort",
            "candidate",
            "--format",
            "jsonl",
        ])
        .stdout,
    );
    let names = field(&by_name, "candidate");
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 10);
}

#[test]
fn several_vacancies_top_n_each_in_rule_set_order() {
    let r = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2025-10-01",
        "--vacancy",
        IOM,
        "--vacancy",
        RESETTLEMENT,
        "--top",
        "2",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    assert_eq!(
        field(&records, "vacancy"),
        [RESETTLEMENT, RESETTLEMENT, IOM, IOM]
    );
    // The IOM post's only eligible candidate comes first.
    assert_eq!(records[2]["verdict"], "eligible");
    let unknown = run(&[
        "screen",
        "examples/candidates",
        "--vacancy",
        IOM,
        "--vacancy",
        "nope",
    ]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown vacancy `nope`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn open_only_drops_vacancies_closed_on_the_date() {
    let r = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2025-01-01",
        "--open-only",
        "--format",
        "jsonl",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let records = jsonl(&r.stdout);
    assert_eq!(records.len(), 30);
    assert!(records.iter().all(|r| r["closed"] == false));
    let mut vacancies: Vec<&str> = field(&records, "vacancy");
    vacancies.dedup();
    assert!(!vacancies.contains(&RESETTLEMENT));
}

#[test]
fn summary_in_text_and_json_on_stderr() {
    let text = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2024-01-15",
        "--vacancy",
        RESETTLEMENT,
        "--summary",
        "--format",
        "csv",
    ]);
    assert!(
        text.stderr.contains(&format!(
            "{RESETTLEMENT}: 3 of 10 candidates eligible or to review (2 eligible, 1 needs review, 7 ineligible)"
        )),
        "{}",
        text.stderr
    );
    assert!(
        text.stderr.contains("most often missing: education (5)"),
        "{}",
        text.stderr
    );
    // Unsorted output streams: ten records in input order.
    assert_eq!(text.stdout.lines().count(), 11);
    let json = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2024-01-15",
        "--vacancy",
        RESETTLEMENT,
        "--summary",
        "json",
        "--verdict",
        "eligible",
        "--format",
        "jsonl",
    ]);
    let summary: Value = serde_json::from_str(json.stderr.lines().next().unwrap()).unwrap();
    assert_eq!(summary["schema_version"], 1);
    let v = &summary["vacancies"][0];
    assert_eq!(v["vacancy"], RESETTLEMENT);
    // The summary counts every record, before --verdict.
    assert_eq!(
        (v["eligible"].as_u64(), v["ineligible"].as_u64()),
        (Some(2), Some(7))
    );
    assert_eq!(v["most_missing"][0]["requirement"], "education");
    assert_eq!(jsonl(&json.stdout).len(), 2);
}

#[test]
fn unreadable_inputs_are_kept_last_or_filtered_with_error() {
    let dir = scratch("shortlist_bad");
    std::fs::copy(
        example_path("ana_lopez_protection.yaml"),
        dir.join("a.yaml"),
    )
    .unwrap();
    std::fs::write(dir.join("b.yaml"), "languages: [").unwrap();
    let dir = dir.to_str().unwrap();
    let all = run(&[
        "screen",
        dir,
        "--as-of",
        "2024-01-15",
        "--vacancy",
        RESETTLEMENT,
        "--sort",
        "score",
        "--format",
        "jsonl",
    ]);
    assert_eq!(all.code, 1);
    let records = jsonl(&all.stdout);
    assert_eq!(records.len(), 2);
    assert!(records[1]["error"].as_str().unwrap().contains("b.yaml"));
    let errors = run(&[
        "screen",
        dir,
        "--as-of",
        "2024-01-15",
        "--verdict",
        "error",
        "--format",
        "jsonl",
    ]);
    assert_eq!(field(&jsonl(&errors.stdout), "verdict"), [""]);
}

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn html_report_has_a_section_per_vacancy_ranked_with_findings() {
    let dir = scratch("report_html");
    let path = dir.join("report.html");
    let r = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2024-01-15",
        "--format",
        "html",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    let html = Html::parse_document(&text);
    assert_eq!(select(&html, "html")[..].len(), 1);
    // Self-contained: no external resource, no script.
    assert!(select(&html, "script, link, img, iframe").is_empty());
    assert!(text.contains("Content-Security-Policy"));
    let header = select(&html, "header.report")[0].clone();
    assert!(header.contains("2024-01-15"), "{header}");
    assert!(header.contains(concat!("vacancy-match ", env!("CARGO_PKG_VERSION"))));
    assert_eq!(select(&html, "header.report ul.digests li").len(), 5);
    let sections = Selector::parse("section.vacancy").unwrap();
    let ids: Vec<&str> = html
        .select(&sections)
        .filter_map(|s| s.value().id())
        .collect();
    assert_eq!(ids.len(), 5);
    assert_eq!(ids[0], RESETTLEMENT);
    let first = html.select(&sections).next().unwrap();
    let rows = Selector::parse("table.shortlist tbody tr").unwrap();
    let verdict = Selector::parse("td.verdict .badge").unwrap();
    let verdicts: Vec<String> = first
        .select(&rows)
        .map(|row| {
            row.select(&verdict)
                .next()
                .unwrap()
                .value()
                .classes()
                .last()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(verdicts.len(), 10);
    assert_eq!(&verdicts[..3], ["eligible", "eligible", "needs_review"]);
    let articles = Selector::parse("article.candidate").unwrap();
    let ana = first.select(&articles).next().unwrap();
    let ana_text: String = ana.text().collect();
    assert!(ana_text.contains("Ana Lucía López Cifuentes"));
    // Findings quote the posting and show their evidence.
    assert!(
        ana.select(&Selector::parse("ol.findings blockquote").unwrap())
            .count()
            > 3
    );
    assert!(
        ana.select(&Selector::parse("ul.evidence li").unwrap())
            .count()
            > 3
    );
    assert!(text.contains("@media print"));
}

#[test]
fn html_report_escapes_input_and_speaks_spanish() {
    let dir = scratch("report_escape");
    std::fs::write(
        dir.join("x.yaml"),
        "id: x\nname: \"<script>alert(1)</script> & Co\"\n",
    )
    .unwrap();
    let r = run_in(
        &dir,
        &[
            "screen",
            "x.yaml",
            "--as-of",
            "2024-01-15",
            "--lang",
            "es",
            "--format",
            "html",
            "--vacancy",
            RESETTLEMENT,
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stdout.contains("<script>"));
    assert!(r.stdout.contains("&lt;script&gt;alert(1)&lt;"));
    assert!(r.stdout.contains("&amp; Co"));
    let html = Html::parse_document(&r.stdout);
    assert!(select(&html, "script").is_empty());
    assert_eq!(
        select(&html, "h1"),
        ["Preselección para el panel de contratación"]
    );
    assert!(r.stdout.contains("<html lang=\"es\">"));
}

/// A name that a bidirectional override would show as "Juan ELIGIBLE
/// Pérez", with an escape sequence, a bell, a zero-width space and an
/// Arabic letter mark beside it (the profile reader turns the escape and
/// the bell of a name into spaces; a file name keeps them).
const DISGUISED: &str = "Juan \u{202e}ELBIGILE\u{202c} P\u{e9}rez\u{1b}[2J\u{7}\u{200b}\u{61c}\u{2066}x\u{2069}\u{feff}";
const SHOWN: &str =
    "Juan \\u{202e}ELBIGILE\\u{202c} Pérez [2J \\u{200b}\\u{61c}\\u{2066}x\\u{2069}\\u{feff}";

/// The profile's file name, with an escape sequence and a bell (which
/// records name as spaces).
const FILE: &str = "x\u{1b}[2J\u{7}.json";
const FILE_SHOWN: &str = "x [2J .json";

fn disguised_profile(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let profile = serde_json::json!({
        "id": "x\u{202e}1",
        "name": DISGUISED,
        "nationalities": ["GT"],
    });
    std::fs::write(dir.join(FILE), profile.to_string()).unwrap();
    dir
}

#[test]
fn html_report_shows_disguising_characters_visibly() {
    let dir = disguised_profile("report_bidi");
    let r = run_in(
        &dir,
        &[
            "screen",
            FILE,
            "--as-of",
            "2024-01-15",
            "--format",
            "html",
            "--vacancy",
            RESETTLEMENT,
        ],
        &[],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bad = |c: char| {
        c.is_control() && c != '\n'
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{61c}' | '\u{feff}')
    };
    assert!(
        !r.stdout.chars().any(bad),
        "a raw control or format character"
    );
    let html = Html::parse_document(&r.stdout);
    let names = select(&html, "td.candidate a");
    assert_eq!(names, [SHOWN.to_string()]);
    assert_eq!(select(&html, "td.candidate .muted"), ["x\\u{202e}1"]);
    assert_eq!(
        select(&html, "article.candidate p.muted"),
        [format!("x\\u{{202e}}1 · {FILE_SHOWN}")]
    );
    // Everything else is exact.
    assert_eq!(select(&html, "h1"), ["Shortlist for the hiring panel"]);
}

#[test]
fn csv_shows_disguising_characters_visibly_unless_raw() {
    let dir = disguised_profile("csv_bidi");
    let args = [
        "screen",
        FILE,
        "--as-of",
        "2024-01-15",
        "--format",
        "csv",
        "--vacancy",
        RESETTLEMENT,
    ];
    let r = run_in(&dir, &args, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut rows = csv::Reader::from_reader(r.stdout.as_bytes());
    let headers = rows.headers().unwrap().clone();
    let row = rows.records().next().unwrap().unwrap();
    let cell = |name: &str| &row[headers.iter().position(|h| h == name).unwrap()];
    assert_eq!(cell("name"), SHOWN);
    assert_eq!(cell("candidate"), "x\\u{202e}1");
    assert_eq!(cell("source"), FILE_SHOWN);
    assert!(!r.stdout.contains('\u{202e}') && !r.stdout.contains('\u{1b}'));
    // Sorted output goes through the shortlist's writer: the same cells.
    let mut sorted = args.to_vec();
    sorted.extend(["--sort", "score"]);
    let s = run_in(&dir, &sorted, &[]);
    assert_eq!(s.stdout, r.stdout);
    // --raw-csv keeps the cells exactly as they are.
    let mut raw = args.to_vec();
    raw.push("--raw-csv");
    let r = run_in(&dir, &raw, &[]);
    assert!(
        r.stdout.contains("Juan \u{202e}ELBIGILE\u{202c}"),
        "{}",
        r.stdout
    );

    // An error record's message quotes the input: escaped too.
    std::fs::write(dir.join("e.json"), "{\"id\": \"e\", \"na\u{202e}me\": 1}").unwrap();
    let r = run_in(&dir, &["screen", "e.json", "--format", "csv"], &[]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout.contains("unknown field `na\\u{202e}me`"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains('\u{202e}'));
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = scratch("atomic_output");
    let path = dir.join("out.csv");
    std::fs::write(&path, "previous").unwrap();
    let target = path.to_str().unwrap();
    let bad = run(&[
        "screen",
        "examples/candidates",
        "--vacancy",
        "nope",
        "-o",
        target,
    ]);
    assert_eq!(bad.code, 2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "previous");
    let ok = run(&[
        "screen",
        "examples/candidates",
        "--as-of",
        "2024-01-15",
        "--format",
        "csv",
        "-o",
        target,
    ]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert!(ok.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 51);
    // Nothing else is left in the folder.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    let check = dir.join("check.txt");
    let r = run(&[
        "check",
        "examples/candidates/ana_lopez_protection.yaml",
        "--as-of",
        "2024-01-15",
        "-o",
        check.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 0);
    assert!(std::fs::read_to_string(&check)
        .unwrap()
        .contains("ELIGIBLE"));
}

#[test]
fn color_follows_the_flag_and_the_environment() {
    let args = [
        "check",
        "examples/candidates/ana_lopez_protection.yaml",
        "--as-of",
        "2024-01-15",
    ];
    let root = Path::new(ROOT);
    assert!(!run_in(root, &args, &[]).stdout.contains('\x1b'));
    let mut always = args.to_vec();
    always.extend(["--color", "always"]);
    assert!(run_in(root, &always, &[("NO_COLOR", "1")])
        .stdout
        .contains("\x1b["));
    assert!(run_in(root, &args, &[("CLICOLOR_FORCE", "1")])
        .stdout
        .contains("\x1b["));
    let mut never = args.to_vec();
    never.extend(["--color", "never"]);
    assert!(!run_in(root, &never, &[("CLICOLOR_FORCE", "1")])
        .stdout
        .contains('\x1b'));
}

#[test]
fn quiet_drops_notes_but_not_errors() {
    let closed = [
        "screen",
        "examples/candidates",
        "--as-of",
        "2030-01-01",
        "--open-only",
        "--vacancy",
        RESETTLEMENT,
    ];
    let noted = run(&closed);
    assert!(
        noted.stderr.contains("no vacancy selected is open"),
        "{}",
        noted.stderr
    );
    let mut quiet = vec!["-q"];
    quiet.extend(closed);
    let quiet = run(&quiet);
    assert!(quiet.stderr.is_empty(), "{}", quiet.stderr);
    let error = run(&["screen", "-q", "examples/candidates", "--vacancy", "nope"]);
    assert!(error.stderr.contains("unknown vacancy"));
}

#[test]
fn list_shows_each_vacancy_open_or_closed() {
    let r = run(&["list", "--as-of", "2025-01-01", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let list: Value = serde_json::from_str(&r.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 5);
    let first = &list[0];
    assert_eq!(first["id"], RESETTLEMENT);
    assert_eq!(first["status"], "closed");
    assert_eq!(first["deadline"], "2024-02-08");
    assert_eq!(first["organization"], "UNHCR");
    assert_eq!(
        (first["required"].as_u64(), first["desirable"].as_u64()),
        (Some(6), Some(6))
    );
    assert!(first["duty_station"]
        .as_str()
        .unwrap()
        .contains("Guatemala"));
    assert_eq!(first["schema_version"], 1);
    let iom = list.iter().find(|v| v["id"] == IOM).unwrap();
    assert_eq!(
        (iom["status"].as_str(), iom["deadline"].as_str()),
        (Some("open"), None)
    );
    let text = run(&["list", "--as-of", "2025-01-01"]);
    assert!(text.stdout.starts_with("5 vacancies as of 2025-01-01"));
    assert!(text
        .stdout
        .contains(&format!("{RESETTLEMENT}  [closed]  deadline 2024-02-08")));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let r = run(&["completions", shell]);
        assert_eq!(r.code, 0, "{shell}");
        assert!(r.stdout.contains("vacancy-match"), "{shell}");
        assert!(r.stdout.contains("screen"), "{shell}");
    }
    assert!(run(&["completions", "bash"]).stdout.contains("--open-only"));
    let man = run(&["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.starts_with(".ie") || man.stdout.contains(".TH vacancy-match 1"),
        "{}",
        &man.stdout[..200]
    );
    assert!(man.stdout.contains("screen"));
}

#[test]
fn check_text_wraps_only_on_terminals() {
    // Piped output keeps each line whole, for grep.
    let r = run(&[
        "check",
        "examples/candidates/sofia_giron_graduate.json",
        "--as-of",
        "2024-01-15",
    ]);
    assert!(r.stdout.lines().any(|l| l.chars().count() > 100));
}

#[test]
fn test_runs_the_bundled_cases_from_any_folder() {
    let dir = scratch("test_anywhere");
    let r = run_in(&dir, &["test"], &[]);
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(r.stdout.contains(" passed, 0 failed"), "{}", r.stdout);
    assert!(!r.stdout.contains("FAIL"), "{}", r.stdout);
}

#[test]
fn validate_as_json() {
    let ok = run(&["validate", "--format", "json"]);
    assert_eq!(ok.code, 0, "{}", ok.stdout);
    let report: Value = serde_json::from_str(&ok.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["vacancies"], 5);
    assert_eq!(report["schema_version"], 1);
    let dir = scratch("validate_json");
    std::fs::write(dir.join("bad.yaml"), "langauges: []\n").unwrap();
    let bad = run(&[
        "validate",
        dir.join("bad.yaml").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(bad.code, 1);
    let report: Value = serde_json::from_str(&bad.stdout).unwrap();
    assert_eq!(report["ok"], false);
    let problem = &report["problems"][0];
    assert!(problem["file"].as_str().unwrap().ends_with("bad.yaml"));
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `languages`"),
        "{problem}"
    );
}
