//! The library's modules form layers: a module may use the ones below it,
//! never one above (STYLE.md habit 15). This test reads every file under
//! `src/` (except the CLI, which uses only the public API), finds each
//! `crate::` path, resolves names re-exported at the crate root through
//! `src/lib.rs`, and lists every edge that points up or sideways.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// The layers, bottom first. A module may use any module of a lower
/// layer; modules of the same layer do not use each other.
const LAYERS: &[&[&str]] = &[
    &["error", "text"],
    &["matching"],
    &["model"],
    &["load"],
    &["ruleset"],
    &["assess"],
    &["explain"],
    &["record"],
    &["cases", "analyze", "screen", "import", "report"],
    &["schema"],
];

/// Edges that still point the wrong way, each with the reason it is
/// tolerated. The check fails on any edge not listed here, and on a
/// listed edge that no longer exists (so the list only shrinks). Empty:
/// every edge points down. An entry is `(from, to, reason)`, e.g.
/// `("model", "cases", "Vacancy::cases")`.
const KNOWN: &[(&str, &str, &str)] = &[];

/// One `crate::` reference from one top-level module to another.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edge {
    file: String,
    line: usize,
    from: String,
    to: String,
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

/// The top-level module a file under `src/` belongs to: `model/level.rs`
/// and `model.rs` are both `model`.
fn module_of(relative: &str) -> String {
    let first = relative.split('/').next().unwrap_or(relative);
    first.trim_end_matches(".rs").to_owned()
}

/// Source text without comments (line, doc and block comments) and
/// without the contents of string literals, keeping line breaks so that
/// line numbers stay right.
fn strip(text: &str) -> String {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i] == '/' && bytes.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if bytes[i] == '*' && bytes.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if bytes[i] == '\n' {
                        out.push('\n');
                    }
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && is_raw_start(&bytes, i) {
            // r"..." or r#"..."#
            let mut j = i + 1;
            let mut hashes = 0;
            while bytes.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            j += 1; // the opening quote
            out.push_str("r\"");
            loop {
                match bytes.get(j) {
                    None => break,
                    Some('"') if (1..=hashes).all(|k| bytes.get(j + k) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some('\n') => out.push('\n'),
                    _ => {}
                }
                j += 1;
            }
            out.push('"');
            i = j;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    i += 1;
                }
                if bytes.get(i) == Some(&'\n') {
                    out.push('\n');
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' && is_char_literal(&bytes, i) {
            // '"' and '\'' would otherwise open a string
            let mut j = i + 1;
            if bytes.get(j) == Some(&'\\') {
                j += 1;
            }
            j += 1;
            while bytes.get(j).is_some_and(|&b| b != '\'') {
                j += 1;
            }
            out.push_str("' '");
            i = j + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_raw_start(chars: &[char], i: usize) -> bool {
    let before_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    let mut j = i + 1;
    while chars.get(j) == Some(&'#') {
        j += 1;
    }
    before_ok && chars.get(j) == Some(&'"')
}

/// Tells a char literal (`'a'`, `'\n'`, `'"'`) from a lifetime (`'a`).
fn is_char_literal(chars: &[char], i: usize) -> bool {
    match chars.get(i + 1) {
        Some('\\') => true,
        Some(_) => chars.get(i + 2) == Some(&'\''),
        None => false,
    }
}

/// The first segment of each path that follows `crate::` in `code`, with
/// the line it starts on: `crate::a::B` gives `a`; `crate::{a::B, c::{D,
/// E}, F}` gives `a`, `c` and `F`.
fn crate_paths(code: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        let starts = chars[i..].starts_with(&['c', 'r', 'a', 't', 'e', ':', ':'])
            && (i == 0
                || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_' || chars[i - 1] == ':'));
        if !starts {
            i += 1;
            continue;
        }
        i += "crate::".len();
        let mut j = skip_space(&chars, i);
        if chars.get(j) == Some(&'{') {
            // A group: the first segment of each item at depth one.
            let mut depth = 0;
            let mut expect_item = true;
            let mut item_line = line;
            let mut cur = line;
            while j < chars.len() {
                let c = chars[j];
                match c {
                    '{' => {
                        depth += 1;
                        if depth == 1 {
                            expect_item = true;
                        }
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => expect_item = true,
                    '\n' => cur += 1,
                    c if depth == 1 && expect_item && (c.is_alphabetic() || c == '_') => {
                        item_line = cur;
                        let (name, end) = ident(&chars, j);
                        found.push((item_line, name));
                        expect_item = false;
                        j = end;
                        continue;
                    }
                    _ => {}
                }
                j += 1;
            }
            let _ = item_line;
            line = cur;
            i = j + 1;
        } else {
            let (name, end) = ident(&chars, j);
            if !name.is_empty() {
                found.push((line, name));
            }
            j = end;
            i = j;
        }
    }
    found
}

fn skip_space(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}

fn ident(chars: &[char], start: usize) -> (String, usize) {
    let mut end = start;
    while chars
        .get(end)
        .is_some_and(|&c| c.is_alphanumeric() || c == '_')
    {
        end += 1;
    }
    (chars[start..end].iter().collect(), end)
}

/// Names re-exported at the crate root (`pub use model::{Cefr, …};`)
/// mapped to the module they come from.
fn reexports(lib_rs: &str) -> BTreeMap<String, String> {
    let code = strip(lib_rs);
    let mut map = BTreeMap::new();
    for statement in code.split(';') {
        let statement = statement.trim();
        let Some(at) = statement.find("pub use ") else {
            continue;
        };
        let path = statement[at + "pub use ".len()..].trim();
        let module: String = path
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .collect();
        // Every name in the statement that is not followed by `::` is
        // an item it brings to the root (or the `as` alias).
        let chars: Vec<char> = path.chars().collect();
        let mut k = 0;
        let mut last = String::new();
        while k < chars.len() {
            if chars[k].is_alphabetic() || chars[k] == '_' {
                let (name, end) = ident(&chars, k);
                let after = skip_space(&chars, end);
                let is_path = chars.get(after) == Some(&':');
                if name == "as" {
                    map.remove(&last);
                } else if !is_path && name != "self" {
                    map.insert(name.clone(), module.clone());
                    last = name;
                }
                k = end;
            } else {
                k += 1;
            }
        }
    }
    map
}

/// Every edge from one top-level module to another that the layer table
/// does not allow. `files` are paths relative to `src/` with their text.
fn violations(files: &[(String, String)], lib_rs: &str) -> Vec<Edge> {
    let roots = reexports(lib_rs);
    let mut bad = Vec::new();
    for (path, text) in files {
        let from = module_of(path);
        for (line, name) in crate_paths(&strip(text)) {
            let to = if layer_of(&name).is_some() {
                name
            } else if let Some(module) = roots.get(&name) {
                module.clone()
            } else {
                // Not a module nor a root re-export: report it, so that
                // nothing escapes the check unseen.
                format!("?{name}")
            };
            if to == from {
                continue;
            }
            let allowed = match (layer_of(&from), layer_of(&to)) {
                (Some(f), Some(t)) => t < f,
                _ => false,
            };
            if !allowed {
                bad.push(Edge {
                    file: path.clone(),
                    line,
                    from: from.clone(),
                    to,
                });
            }
        }
    }
    bad
}

fn library_files(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if relative == "cli" || relative == "main.rs" || relative == "lib.rs" {
            continue;
        }
        if path.is_dir() {
            library_files(&path, root, out);
        } else if relative.ends_with(".rs") {
            out.push((relative, fs::read_to_string(&path).unwrap()));
        }
    }
}

#[test]
fn no_module_uses_a_module_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib_rs = fs::read_to_string(src.join("lib.rs")).unwrap();
    let mut files = Vec::new();
    library_files(&src, &src, &mut files);
    assert!(files.len() > 20, "the walk found too few files");

    // Every top-level module is in the table.
    for (path, _) in &files {
        let module = module_of(path);
        assert!(
            layer_of(&module).is_some(),
            "{path}: module `{module}` is not in the layer table of tests/layers.rs"
        );
    }

    let found = violations(&files, &lib_rs);
    let mut report = String::new();
    for edge in &found {
        if KNOWN
            .iter()
            .any(|&(f, t, _)| f == edge.from && t == edge.to)
        {
            continue;
        }
        report.push_str(&format!(
            "  src/{}:{}: {} -> {}\n",
            edge.file, edge.line, edge.from, edge.to
        ));
    }
    let stale: Vec<_> = KNOWN
        .iter()
        .filter(|&&(f, t, _)| !found.iter().any(|e| e.from == f && e.to == t))
        .collect();
    assert!(
        report.is_empty() && stale.is_empty(),
        "modules that use a module above them (layers, bottom first: {LAYERS:?}):\n{report}\
         allowed edges that no longer exist (remove them from KNOWN): {stale:?}"
    );
}

/// serde_yaml is deprecated upstream and kept on request: it stays behind
/// `load`, so that swapping it touches one module.
#[test]
fn serde_yaml_is_used_in_load_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    library_files(&src, &src, &mut files);
    let outside: Vec<_> = files
        .iter()
        .filter(|(path, text)| module_of(path) != "load" && strip(text).contains("serde_yaml"))
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        outside.is_empty(),
        "serde_yaml used outside src/load: {outside:?}"
    );
}

#[test]
fn the_check_sees_a_planted_violation() {
    let lib_rs = "mod model;\nmod explain;\npub use explain::{Lang, render::{Code as C, Status}};\npub use model::Cefr;\n";
    let files = vec![
        (
            "model/level.rs".to_owned(),
            "// crate::explain in a comment is not a use\nuse crate::error::Error;\nlet s = \"crate::explain\";\nuse crate::{\n    error::Location,\n    explain::{code::Code, Status},\n};\n".to_owned(),
        ),
        (
            "model/mod.rs".to_owned(),
            "fn f(l: crate::Lang) -> crate::Cefr { todo!() }\nfn g() -> crate::C {}\n".to_owned(),
        ),
        (
            "explain/mod.rs".to_owned(),
            "use crate::model::Cefr;\nuse crate::{error::Error, Cefr};\n".to_owned(),
        ),
        ("error.rs".to_owned(), "use crate::model::Cefr;\n".to_owned()),
    ];
    let found: Vec<_> = violations(&files, lib_rs)
        .into_iter()
        .map(|e| (e.file, e.line, e.from, e.to))
        .collect();
    let edge =
        |f: &str, l: usize, from: &str, to: &str| (f.to_owned(), l, from.to_owned(), to.to_owned());
    assert_eq!(
        found,
        vec![
            edge("model/level.rs", 6, "model", "explain"),
            edge("model/mod.rs", 1, "model", "explain"),
            edge("model/mod.rs", 2, "model", "explain"),
            edge("error.rs", 1, "error", "model"),
        ]
    );
}
