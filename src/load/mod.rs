//! Reading text into typed values: the one place that knows YAML and
//! JSON, turns their errors into located [`Error`]s, and enforces limits.
//!
//! Layer 4 of 10 (bottom first; see CONTRIBUTING.md): may use `error`,
//! `text`, `matching` and `model`.
//!
//! # Design
//! serde_yaml is the requested YAML parser; it is kept behind this module
//! so that it could be swapped. Parse errors carry line and column from the
//! parser and the field path from `serde_path_to_error`; problems found
//! after parsing (duplicate ids, end before start) are located by
//! [`locate`], which walks the block-style YAML text along a field path.

mod aliases;
pub(crate) mod candidate;
pub(crate) mod cases;
mod locate;
pub(crate) mod rules;
mod scales;
#[cfg(feature = "schema")]
mod schema;
mod vocabulary;

pub(crate) use locate::{locate, locate_json};

use std::borrow::Cow;

use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind, Location};
use crate::matching::closest;

/// The formats a profile can be written in.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, InputFormat, Limits};
/// let c = Candidate::from_str_with(r#"{"id": "ana"}"#, InputFormat::Json, &Limits::default())?;
/// assert_eq!(c.id.as_deref(), Some("ana"));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum InputFormat {
    /// YAML (also reads JSON, more slowly).
    Yaml,
    /// JSON.
    Json,
}

impl InputFormat {
    /// The format a file name says: JSON for `.json` and `.jsonl`, else YAML.
    #[must_use]
    pub(crate) fn of_path(path: &std::path::Path) -> InputFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") || ext.eq_ignore_ascii_case("jsonl") => {
                InputFormat::Json
            }
            _ => InputFormat::Yaml,
        }
    }
}

/// Limits applied to every input before and while it is parsed, and to
/// what a rule set keeps of the profiles it has seen.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Limits};
/// let tiny = Limits::default().with_max_bytes(8);
/// let err = Candidate::from_str_with("id: a-long-name", vacancy_match::InputFormat::Yaml, &tiny).unwrap_err();
/// assert!(err.to_string().contains("larger than the limit"));
/// ```
///
/// # Design
/// A rule set remembers the names profiles write (a field of study, a
/// skill) and how they compared with its vocabulary, because candidates
/// write the same names again and again. What it keeps is bounded by
/// `cache_bytes`, whatever the number of profiles and however long their
/// names: names longer than 256 bytes are never kept, and once the budget
/// is spent new names are compared per candidate only. Each thread that
/// assesses keeps in addition its own table of recent names of at most an
/// eighth of the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest accepted input, in bytes (default 1 MiB; profiles are a
    /// few kilobytes and rule files a few dozen). Files are never read
    /// past it, whatever size they report.
    pub max_bytes: usize,
    /// The most bytes a rule set spends on remembering the names profiles
    /// write, across all candidates it assesses (default 16 MiB, about
    /// 50,000 names). Set when the rule set is loaded.
    pub cache_bytes: usize,
}

impl Limits {
    /// These limits with a different largest accepted input, in bytes.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Limits;
    /// let roomy = Limits::default().with_max_bytes(8 * 1024 * 1024);
    /// assert_eq!(roomy.max_bytes, 8 * 1024 * 1024);
    /// assert_eq!(roomy.cache_bytes, Limits::default().cache_bytes);
    /// ```
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Limits {
        self.max_bytes = max_bytes;
        self
    }

    /// These limits with a different budget for remembered names, in
    /// bytes.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Limits;
    /// let lean = Limits::default().with_cache_bytes(1024 * 1024);
    /// assert_eq!(lean.cache_bytes, 1024 * 1024);
    /// ```
    #[must_use]
    pub fn with_cache_bytes(mut self, cache_bytes: usize) -> Limits {
        self.cache_bytes = cache_bytes;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1024 * 1024,
            cache_bytes: crate::matching::DEFAULT_CACHE_BYTES,
        }
    }
}

fn at(line: Option<usize>, column: Option<usize>, path: Option<String>) -> Location {
    Location {
        file: None,
        line,
        column,
        path,
    }
}

/// `text` without the UTF-8 byte-order mark it may start with.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Checks that apply to any text before parsing.
pub(crate) fn precheck(text: &str, limits: &Limits) -> Result<(), Error> {
    if text.len() > limits.max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Some(limits.max_bytes),
            },
            at(None, None, None),
            format!(
                "input of {} bytes is larger than the limit of {} bytes",
                text.len(),
                limits.max_bytes
            ),
        ));
    }
    if let Some(offset) = text.find('\0') {
        let (line, column) = locate::line_column(text, offset);
        return Err(Error::new(
            ErrorKind::Syntax,
            at(Some(line), Some(column), None),
            "NUL byte in input, expected text",
        ));
    }
    check_depth(text)?;
    let meaningful = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---");
    if !meaningful {
        return Err(Error::new(
            ErrorKind::Syntax,
            at(None, None, None),
            "empty document, expected a mapping of fields",
        ));
    }
    Ok(())
}

/// Refuses a document that is a list where one profile or rule file, a
/// mapping, is expected: the parser would read the list's items as the
/// fields in order and report a type error about the first.
fn top_level_mapping(text: &str) -> Result<(), Error> {
    let first = text.lines().enumerate().find(|(_, l)| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with('#') && l != "---"
    });
    let Some((index, line)) = first else {
        return Ok(());
    };
    let body = line.trim_start();
    let list = body.starts_with('[') || body == "-" || body.starts_with("- ");
    if list {
        let column = line.len().saturating_sub(body.len()).saturating_add(1);
        return Err(Error::new(
            ErrorKind::WrongType {
                expected: "a mapping of fields".to_string(),
            },
            at(Some(index.saturating_add(1)), Some(column), None),
            "a list, expected a mapping of fields (one document per profile or vacancy)",
        ));
    }
    Ok(())
}

/// Deepest nesting of flow collections (`[`, `{`) accepted.
const MAX_FLOW_DEPTH: usize = 64;
/// Widest indentation accepted, in columns: block nesting deeper than this
/// is no profile or rule file anybody writes.
const MAX_INDENT: usize = 256;

/// Refuses deep nesting before the parser sees it: the YAML parser would
/// refuse it too, but only after building every level.
fn check_depth(text: &str) -> Result<(), Error> {
    let mut depth = 0_usize;
    let mut quote: Option<char> = None;
    for (line_index, line) in text.lines().enumerate() {
        let line_number = line_index.saturating_add(1);
        let indent = line
            .len()
            .saturating_sub(line.trim_start_matches(' ').len());
        if indent > MAX_INDENT {
            return Err(Error::invalid(
                at(Some(line_number), Some(1), None),
                format!("indentation of {indent} columns is deeper than the limit of {MAX_INDENT}"),
            ));
        }
        let mut escaped = false;
        for (column, c) in line.chars().enumerate() {
            match quote {
                Some(q) => {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' && q == '"' {
                        escaped = true;
                    } else if c == q {
                        quote = None;
                    }
                }
                None => match c {
                    '"' | '\'' => quote = Some(c),
                    '#' => break,
                    '[' | '{' => {
                        depth = depth.saturating_add(1);
                        if depth > MAX_FLOW_DEPTH {
                            return Err(Error::new(
                                ErrorKind::TooDeep {
                                    limit: MAX_FLOW_DEPTH,
                                },
                                at(Some(line_number), Some(column.saturating_add(1)), None),
                                format!("nesting deeper than the limit of {MAX_FLOW_DEPTH} levels"),
                            ));
                        }
                    }
                    ']' | '}' => depth = depth.saturating_sub(1),
                    _ => {}
                },
            }
        }
        // A single quote closes at the end of a line only in JSON/flow
        // text that is malformed anyway; plain YAML apostrophes inside
        // words ("K'iche'") must not swallow the rest of the file.
        if quote == Some('\'') {
            quote = None;
        }
    }
    Ok(())
}

/// Parses `text` as `T`, with located errors (no file: callers add it).
pub(crate) fn parse<T: DeserializeOwned>(
    text: &str,
    format: InputFormat,
    limits: &Limits,
) -> Result<T, Error> {
    // Files saved by Windows tools start with a byte-order mark.
    let text = strip_bom(text);
    top_level_mapping(text)?;
    if format == InputFormat::Json && text.len() <= limits.max_bytes {
        // The common case first: valid JSON parses without tracking paths.
        // Anything the checks below refuse (NUL bytes, nesting past the
        // limit where a value is expected, an empty document) fails this
        // typed parse too, and is then reported by the located parse.
        if let Ok(value) = serde_json::from_str(text) {
            return Ok(value);
        }
    }
    precheck(text, limits)?;
    match format {
        InputFormat::Yaml => {
            expansion(text, limits)?;
            let de = serde_yaml::Deserializer::from_str(text);
            serde_path_to_error::deserialize(de).map_err(|err| {
                let path = path_of(err.path());
                let inner = err.into_inner();
                // The parser places errors raised by a field's own type at
                // the enclosing mapping; the field path finds the field.
                // On the field's own line the parser's column is the
                // value's, which is more precise than the key's.
                let parser = inner.location().map(|l| (l.line(), l.column()));
                let field = path.as_deref().and_then(|p| locate(text, p));
                // Otherwise the later of the two: the parser points at the
                // enclosing mapping for a field's type error (the field is
                // later), and past the key for a syntax error (it is later).
                let (line, column) = match (field, parser) {
                    (Some(f), Some(p)) if f.0 <= p.0 => (Some(p.0), Some(p.1)),
                    (Some(f), _) => (Some(f.0), Some(f.1)),
                    (None, Some(p)) => (Some(p.0), Some(p.1)),
                    (None, None) => (None, None),
                };
                let raw = inner.to_string();
                // The reader's refusals (a control character) come with a
                // byte offset and no mark: line 1, column 1. The offset
                // places them.
                let (line, column) = match reader_offset(&raw) {
                    Some(offset) if offset <= text.len() => {
                        let (l, c) = locate::line_column(text, offset);
                        (Some(l), Some(c))
                    }
                    _ => (line, column),
                };
                let syntax = yaml_syntax(&raw);
                let (kind, message) = classify(&raw, path.as_deref(), syntax, Format::Yaml);
                Error::new(kind, at(line, column, path.clone()), message)
            })
        }
        InputFormat::Json => {
            let mut de = serde_json::Deserializer::from_str(text);
            let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
                let path = path_of(err.path());
                let inner = err.into_inner();
                let line = (inner.line() > 0).then_some(inner.line());
                let column = (inner.column() > 0).then_some(inner.column());
                let syntax = inner.is_syntax() || inner.is_eof();
                let (kind, message) =
                    classify(&inner.to_string(), path.as_deref(), syntax, Format::Json);
                Error::new(kind, at(line, column, path.clone()), message)
            })?;
            de.end().map_err(|inner| {
                let (kind, message) = classify(&inner.to_string(), None, true, Format::Json);
                Error::new(
                    kind,
                    at(Some(inner.line()), Some(inner.column()), None),
                    message,
                )
            })?;
            Ok(value)
        }
    }
}

/// Refuses a YAML document whose values, with aliases expanded, hold
/// more than `limits.max_bytes`: as much as it may hold written out.
/// Other problems are left to the parse that follows.
fn expansion(text: &str, limits: &Limits) -> Result<(), Error> {
    if !aliases::may_alias(text) {
        return Ok(());
    }
    let mut budget = aliases::Budget::new(limits.max_bytes);
    let de = serde_yaml::Deserializer::from_str(text);
    match serde::de::DeserializeSeed::deserialize(&mut budget, de) {
        Err(e) if e.to_string().contains(aliases::SPENT) => {
            let place = e.location().map(|l| (l.line(), l.column()));
            Err(Error::new(
                ErrorKind::TooLarge {
                    limit: Some(limits.max_bytes),
                },
                at(place.map(|p| p.0), place.map(|p| p.1), None),
                format!(
                    "aliases expand past {} bytes, the limit of the document's size, repeating the value here",
                    limits.max_bytes
                ),
            ))
        }
        _ => Ok(()),
    }
}

fn path_of(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string();
    // serde_path_to_error writes `?` for a place it cannot name (inside
    // a document that is not well-formed).
    let text = text.trim_end_matches(".?").to_string();
    (text != "." && text != "?" && !text.is_empty()).then_some(text)
}

/// Which parser wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Yaml,
    Json,
}

/// Whether a YAML parser message is about the text's form, not its values.
fn yaml_syntax(raw: &str) -> bool {
    const SYNTAX: &[&str] = &[
        "while parsing",
        "while scanning",
        "did not find expected",
        "could not find expected",
        "found character that cannot start",
        "not allowed in this context",
        "found unexpected",
        "unexpected end of",
        "found undefined tag",
        "invalid leading UTF-8",
        "control characters are not allowed",
        "duplicate entry",
        "unknown anchor",
        "invalid trailing UTF-8",
        "incomplete UTF-8",
        "deserializing from YAML containing more than one document",
        "found incompatible YAML document",
        "found duplicate",
        "did not find URI",
        "found unknown escape",
        "found unexpected end of stream",
        "mapping keys are not allowed",
        "block sequence entries are not allowed",
    ];
    SYNTAX.iter().any(|s| raw.contains(s))
}

/// The kind of a parser error and its message in the user's words: without
/// the location the parser appends and the path it prepends (both are
/// reported separately), Rust type names turned into what a user writes
/// (`a number`, `a profile`), and "did you mean" added to unknown names.
fn classify(raw: &str, path: Option<&str>, syntax: bool, format: Format) -> (ErrorKind, String) {
    let stripped = strip_parser_location(raw, path);
    // A whole document that is one value is no profile or rule file (a
    // password file, notes): say what it is, not what it holds.
    if path.is_none() {
        if let Some((found, expected)) = stripped
            .strip_prefix("invalid type: ")
            .and_then(|rest| rest.rsplit_once(", expected "))
        {
            if expected.starts_with("struct ") {
                let what = found_words(found.split([' ', ',']).next().unwrap_or("value"));
                return (
                    ErrorKind::WrongType {
                        expected: "a mapping of fields".to_string(),
                    },
                    format!("the document is {what}, expected a mapping of fields"),
                );
            }
        }
    }
    let (kind, message) = if syntax {
        (ErrorKind::Syntax, syntax_words(&stripped, format))
    } else {
        classify_data(&stripped)
    };
    (kind, shorten_values(&message))
}

/// The parser's message without the location it appends and the path it
/// prepends.
fn strip_parser_location<'a>(raw: &'a str, path: Option<&str>) -> Cow<'a, str> {
    let mut message = raw;
    if let Some(idx) = message.rfind(" at line ") {
        if message
            .get(idx.saturating_add(9)..)
            .unwrap_or("x")
            .split(" column ")
            .all(|n| n.chars().all(|c| c.is_ascii_digit()))
        {
            message = message.get(..idx).unwrap_or(message);
        }
    }
    if let Some(path) = path {
        if let Some(rest) = message
            .strip_prefix(path)
            .and_then(|r| r.strip_prefix(": "))
        {
            message = rest;
        }
    }
    // The parser's own path prefix may be shallower than ours.
    if let Some((head, rest)) = message.split_once(": ") {
        let path_like = !head.is_empty()
            && head
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']' | '.'));
        if path_like {
            message = rest;
        }
    }
    without_inner_locations(message)
}

/// `message` without the " at line L column C" the YAML parser writes in
/// the middle of a syntax error ("found unexpected end of stream at line
/// 1 column 9, while scanning a quoted scalar").
fn without_inner_locations(message: &str) -> Cow<'_, str> {
    const AT: &str = " at line ";
    if !message.contains(AT) {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(AT) {
        let (head, tail) = rest.split_at(i);
        let after = tail.get(AT.len()..).unwrap_or("");
        let line_digits = after
            .len()
            .saturating_sub(after.trim_start_matches(|c: char| c.is_ascii_digit()).len());
        let after_line = after.get(line_digits..).unwrap_or("");
        let column = after_line
            .strip_prefix(" column ")
            .filter(|_| line_digits > 0);
        out.push_str(head);
        match column {
            Some(col) => {
                let digits = col
                    .len()
                    .saturating_sub(col.trim_start_matches(|c: char| c.is_ascii_digit()).len());
                rest = col.get(digits..).unwrap_or("");
            }
            None => {
                out.push_str(AT);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// A syntax error's words: serde_json's terse ones spelled out.
fn syntax_words(message: &str, format: Format) -> String {
    if format == Format::Json {
        if let Some(inside) = message.strip_prefix("EOF while parsing ") {
            let inside = match inside {
                "an object" => ", inside an object",
                "a list" => ", inside a list",
                "a string" => ", inside a text in quotes",
                _ => "",
            };
            return format!("the JSON ends too early{inside}");
        }
        let words = match message {
            "trailing characters" => "unexpected characters after the end of the JSON",
            "trailing comma" => "a comma before the end of an object or a list",
            "expected value" => "expected a value",
            "expected ident" => "expected a value (`true`, `false` or `null`)",
            "key must be a string" => "expected a field name in double quotes",
            "invalid number" => "expected a number",
            _ => message,
        };
        return words.to_string();
    }
    // libyaml names the YAML grammar; people write lists and mappings.
    let mut words = message.to_string();
    for (grammar, people) in [
        ("flow sequence", "list in brackets"),
        ("block sequence", "list"),
        ("flow mapping", "mapping in braces"),
        ("block mapping", "mapping"),
        ("sequence", "list"),
    ] {
        if words.contains(grammar) {
            words = words.replace(grammar, people);
        }
    }
    words
}

/// The kind and words of an error about a value (the text is well-formed).
fn classify_data(message: &str) -> (ErrorKind, String) {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("").to_string();
        if PROTECTED.contains(&field.to_lowercase().as_str()) {
            let words = format!(
                "unknown field `{field}`: protected attributes (age, sex, gender, marital status, \
                 photo, religion, ethnicity, disability...) have no place in a profile, and no rule can use them"
            );
            return (
                ErrorKind::UnknownField {
                    field,
                    suggestion: None,
                },
                words,
            );
        }
        if let Some((_, hint)) = MISPLACED.iter().find(|(name, _)| *name == field) {
            let words = format!("unknown field `{field}` here: {hint}");
            return (
                ErrorKind::UnknownField {
                    field,
                    suggestion: None,
                },
                words,
            );
        }
        let suggestion = suggest_in(&field, rest.get(field.len()..).unwrap_or(""));
        let words = match &suggestion {
            Some(best) => format!("unknown field `{field}`, did you mean `{best}`?"),
            None => message.to_string(),
        };
        return (ErrorKind::UnknownField { field, suggestion }, words);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let name = rest.split('`').next().unwrap_or("").to_string();
        let suggestion = suggest_in(&name, rest.get(name.len()..).unwrap_or(""));
        let words = match &suggestion {
            Some(best) => format!("unknown variant `{name}`, did you mean `{best}`?"),
            None => message.to_string(),
        };
        let words = words.replacen("unknown variant", "unknown name", 1);
        return (ErrorKind::UnknownName { name, suggestion }, words);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or("").to_string();
        return (ErrorKind::MissingField { field }, message.to_string());
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid type: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        let expected = expected_words(expected);
        let words = format!("expected {expected}, found {}", found_words(found));
        return (ErrorKind::WrongType { expected }, words);
    }
    if let Some((found, expected)) = message
        .strip_prefix("invalid value: ")
        .and_then(|rest| rest.rsplit_once(", expected "))
    {
        let words = format!(
            "expected {}, found {}",
            expected_words(expected),
            found_words(found)
        );
        return (ErrorKind::InvalidValue, words);
    }
    if message == "repetition limit exceeded" {
        return (
            ErrorKind::TooLarge { limit: None },
            "document expands too much (YAML alias bomb?): repetition limit exceeded".to_string(),
        );
    }
    if message == "recursion limit exceeded" {
        return (
            ErrorKind::TooDeep {
                limit: PARSER_DEPTH,
            },
            "document nests too deeply: recursion limit exceeded".to_string(),
        );
    }
    (kind_of_words(message), message.to_string())
}

/// How deep the YAML and JSON parsers nest before they refuse a document.
const PARSER_DEPTH: usize = 128;

/// The kind of a message written by this crate's own checks: "unknown ...
/// `name`, did you mean `other`?" names an unknown name, anything else an
/// invalid value.
pub(crate) fn kind_of_words(message: &str) -> ErrorKind {
    if message.starts_with("unknown ") {
        let mut quoted = message.split('`').skip(1).step_by(2);
        if let Some(name) = quoted.next() {
            let suggestion = message
                .split_once("did you mean `")
                .and_then(|(_, rest)| rest.split('`').next())
                .map(str::to_string);
            return ErrorKind::UnknownName {
                name: name.to_string(),
                suggestion,
            };
        }
    }
    ErrorKind::InvalidValue
}

/// What serde says was expected, in the user's words.
fn expected_words(expected: &str) -> String {
    let words = match expected {
        "f64" | "f32" | "a number" => "a number",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" => "a whole number",
        "a string" | "a borrowed string" | "string" | "a char" | "a character" => "text",
        "a sequence" | "sequence" => "a list",
        "a boolean" | "bool" => "`true` or `false`",
        "a map" | "map" => "a mapping",
        "unit" | "null" => "nothing",
        "option" => "a value",
        "struct Candidate" => "a profile",
        "struct RawVacancy" | "struct Vacancy" => "a vacancy",
        "field identifier" => "a field name",
        "variant identifier" => "a name",
        other => {
            if other.starts_with("struct ") {
                "a mapping of fields"
            } else if other.starts_with("enum ") || other.starts_with("internally tagged enum") {
                "one of the names this field accepts"
            } else if other.starts_with("tuple") || other.starts_with("a tuple") {
                "a list"
            } else {
                return other.to_string();
            }
        }
    };
    words.to_string()
}

/// What serde says it found (`string "x"`, ``integer `3` ``, `map`), in the
/// user's words.
fn found_words(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(value) = found.strip_prefix("string ") {
        return format!("text {value}");
    }
    if let Some(n) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return format!("the number {n}");
    }
    if let Some(b) = quoted("boolean ") {
        return format!("`{b}`");
    }
    if let Some(c) = found.strip_prefix("char ") {
        return format!("the character {c}");
    }
    let words = match found {
        "string" => "text",
        "integer" | "floating point" => "a number",
        "boolean" => "`true` or `false`",
        "map" => "a mapping",
        "sequence" => "a list",
        "unit value" | "null" | "unit" => "nothing",
        "Option value" | "newtype struct" => "a value",
        "enum" | "unit variant" | "newtype variant" | "tuple variant" | "struct variant" => {
            "a tagged value"
        }
        "byte array" => "bytes",
        other => other,
    };
    words.to_string()
}

/// The most characters of a text value a message quotes: a file that is
/// not a profile at all (a password file named `x.yaml`) is one string,
/// and an error must not echo it.
const QUOTED: usize = 32;

/// `message` with every quoted text value (`text "..."`, as
/// [`found_words`] writes one) cut to [`QUOTED`] characters.
fn shorten_values(message: &str) -> String {
    const OPEN: &str = "text \"";
    let mut out = String::with_capacity(message.len().min(256));
    let mut rest = message;
    while let Some(at) = rest.find(OPEN) {
        let (head, tail) = rest.split_at(at.saturating_add(OPEN.len()));
        out.push_str(head);
        // The value ends at the first quote not escaped.
        let mut end = tail.len();
        let mut escaped = false;
        for (i, c) in tail.char_indices() {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let value = tail.get(..end).unwrap_or(tail);
        let chars = value.chars().count();
        if chars > QUOTED {
            out.extend(value.chars().take(QUOTED));
            out.push_str(&format!(
                "…\" ({} characters more)",
                chars.saturating_sub(QUOTED)
            ));
            rest = tail.get(end.saturating_add(1)..).unwrap_or("");
        } else {
            out.push_str(value);
            rest = tail.get(end..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

/// Keys people put under the wrong parent, and where they belong.
const MISPLACED: &[(&str, &str)] = &[
    ("accepted", "it belongs under `fields:` (`fields: { accepted: [...], related: true }`)"),
    ("degree", "it belongs to a path (`paths: [{ degree: bachelor, experience: { years: 2 } }]`)"),
    ("accredited", "it belongs to a path (`paths: [{ degree: bachelor, accredited: true }]`)"),
    ("experience", "in an education requirement it belongs to a path (`paths: [{ degree: bachelor, experience: { years: 2 } }]`)"),
    ("level", "it belongs to a `language` requirement or a profile's `languages` entry"),
];

/// Fields a profile must not carry: protected attributes.
const PROTECTED: &[&str] = &[
    "age",
    "birth_date",
    "date_of_birth",
    "birthdate",
    "dob",
    "sex",
    "gender",
    "marital_status",
    "married",
    "children",
    "photo",
    "picture",
    "religion",
    "ethnicity",
    "race",
    "disability",
    "pregnancy",
    "sexual_orientation",
    "edad",
    "sexo",
    "genero",
    "estado_civil",
    "foto",
    "religion",
];

/// The valid word closest to `word` among those serde lists after it
/// (", expected one of `a`, `b`"), when one is close.
fn suggest_in(word: &str, rest: &str) -> Option<String> {
    let (_, options) = rest.split_once("expected ")?;
    let valid: Vec<&str> = options
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect();
    closest(word, valid.iter().copied()).map(str::to_string)
}

/// Errors are not `Clone` (they may hold an `io::Error`): a copy of one.
pub(crate) fn clone_error(e: &Error) -> Error {
    e.clone_error()
}

/// What a path is when it is not a regular file, in words for a message
/// ("a directory", "a named pipe (FIFO)", "a device", "a socket", "not a
/// regular file"); `None` for a regular file.
///
/// The library reads only regular files, and says why not in these words;
/// a program that opens files itself can refuse the same ones the same way
/// before it opens them (a named pipe would wait for a writer).
///
/// # Example
///
/// ```
/// use vacancy_match::special_file_kind;
///
/// let folder = std::fs::metadata(std::env::temp_dir())?;
/// assert_eq!(special_file_kind(&folder), Some("a directory"));
/// let program = std::fs::metadata(std::env::current_exe()?)?;
/// assert_eq!(special_file_kind(&program), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn special_file_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("a device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Reads a file as UTF-8 text within `limits`, with the file named in errors.
///
/// Only regular files are read, and never more than `limits.max_bytes`
/// (plus one byte, to know it is more) whatever size the file reports:
/// files under `/proc` report none, and a named pipe or a device would be
/// read without end or wait for a writer for ever.
pub(crate) fn read_text(path: &std::path::Path, limits: &Limits) -> Result<String, Error> {
    use std::io::Read;

    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if let Some(kind) = special_file_kind(&meta) {
        return Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("{kind}, expected a regular file"),
            ),
        ));
    }
    let max = u64::try_from(limits.max_bytes).unwrap_or(u64::MAX);
    if meta.len() > max {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Some(limits.max_bytes),
            },
            at(None, None, None).with_file(name),
            format!(
                "input of {} bytes is larger than the limit of {} bytes",
                meta.len(),
                limits.max_bytes
            ),
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut bytes = Vec::with_capacity(
        usize::try_from(meta.len())
            .unwrap_or(0)
            .min(limits.max_bytes),
    );
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    if bytes.len() > limits.max_bytes {
        return Err(Error::new(
            ErrorKind::TooLarge {
                limit: Some(limits.max_bytes),
            },
            at(None, None, None).with_file(name),
            format!(
                "input of more than {} bytes is larger than the limit",
                limits.max_bytes
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = e.as_bytes().get(..valid).unwrap_or(&[]);
        let line = before
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            .saturating_add(1);
        Error::new(
            ErrorKind::Syntax,
            at(Some(line), None, None).with_file(name),
            format!("invalid UTF-8 at byte {valid}, expected text"),
        )
    })
}

/// `value` written as a YAML document (drafts that people edit).
#[cfg(feature = "import")]
pub(crate) fn to_yaml<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

/// Lowercase hex SHA-256 of `bytes`: the digest audits give of the
/// rule files and profiles read.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    sha256(bytes).as_str().to_owned()
}

/// [`sha256_hex`], written on the stack.
pub(crate) fn sha256(bytes: &[u8]) -> Hex {
    use sha2::{Digest, Sha256};
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = [b'0'; 64];
    for (pair, byte) in hex.chunks_exact_mut(2).zip(Sha256::digest(bytes)) {
        for (digit, nibble) in pair.iter_mut().zip([byte >> 4, byte & 0x0f]) {
            *digit = HEX.get(usize::from(nibble)).copied().unwrap_or(b'0');
        }
    }
    Hex(hex)
}

/// A SHA-256 digest in lowercase hex.
pub(crate) struct Hex([u8; 64]);

impl Hex {
    /// The 64 hex digits.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// The byte offset that the YAML reader gives for a character it refuses
/// (`control characters are not allowed at position 14`).
fn reader_offset(raw: &str) -> Option<usize> {
    let (_, rest) = raw.split_once("control characters are not allowed at position ")?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest.get(..digits)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_says_its_format() {
        assert_eq!(InputFormat::of_path("cv.json".as_ref()), InputFormat::Json);
        assert_eq!(
            InputFormat::of_path("all.JSONL".as_ref()),
            InputFormat::Json
        );
        assert_eq!(InputFormat::of_path("cv.yml".as_ref()), InputFormat::Yaml);
        assert_eq!(InputFormat::of_path("cv".as_ref()), InputFormat::Yaml);
    }

    fn words(raw: &str, path: Option<&str>) -> String {
        classify(raw, path, false, Format::Yaml).1
    }

    #[test]
    fn strips_location_and_path_from_messages() {
        assert_eq!(
            words(
                "skills: invalid type: integer `3`, expected a sequence at line 1 column 9",
                Some("skills")
            ),
            "expected a list, found the number 3"
        );
    }

    #[test]
    fn speaks_the_users_words() {
        assert_eq!(
            words("invalid type: string \"x\", expected f64", Some("a")),
            "expected a number, found text \"x\""
        );
        assert_eq!(
            words("invalid type: map, expected u32", Some("a")),
            "expected a whole number, found a mapping"
        );
        assert_eq!(
            words(
                "invalid type: string \"x\", expected struct Candidate",
                None
            ),
            "the document is text, expected a mapping of fields"
        );
        assert_eq!(
            words(
                "invalid type: sequence, expected struct Candidate",
                Some("a")
            ),
            "expected a profile, found a list"
        );
        assert_eq!(
            classify("EOF while parsing a value", None, true, Format::Json).1,
            "the JSON ends too early"
        );
    }

    #[test]
    fn long_values_are_not_echoed() {
        let secret = format!("root:x:0:0:{}", "y".repeat(500));
        let raw = format!("invalid type: string {secret:?}, expected struct Candidate");
        assert_eq!(
            words(&raw, None),
            "the document is text, expected a mapping of fields"
        );
        let raw = format!("invalid type: string {secret:?}, expected a sequence");
        let kept = format!("root:x:0:0:{}", "y".repeat(21));
        assert_eq!(
            words(&raw, Some("skills")),
            format!("expected a list, found text \"{kept}…\" (479 characters more)")
        );
        let short = "invalid type: string \"a \\\"b\\\"\", expected a sequence";
        assert_eq!(
            words(short, None),
            "expected a list, found text \"a \\\"b\\\"\""
        );
    }

    #[test]
    fn suggests_closest_field() {
        let (kind, message) = classify(
            "unknown field `langauges`, expected one of `id`, `languages`, `skills`",
            None,
            false,
            Format::Yaml,
        );
        assert_eq!(
            message,
            "unknown field `langauges`, did you mean `languages`?"
        );
        assert!(matches!(
            kind,
            ErrorKind::UnknownField { suggestion: Some(s), .. } if s == "languages"
        ));
        assert_eq!(
            words("unknown field `zzz`, expected `id` or `name`", None),
            "unknown field `zzz`, expected `id` or `name`"
        );
    }
}
