//! Reading text into typed values: the one place that knows YAML and
//! JSON, turns their errors into located [`Error`]s, and enforces limits.
//!
//! # Design
//! serde_yaml is the requested YAML parser; it is kept behind this module
//! so that it could be swapped. Parse errors carry line and column from the
//! parser and the field path from `serde_path_to_error`; problems found
//! after parsing (duplicate ids, end before start) are located by
//! [`locate`], which walks the block-style YAML text along a field path.

pub(crate) mod candidate;
mod locate;
pub(crate) mod rules;

pub(crate) use locate::locate;

use serde::de::DeserializeOwned;

use crate::error::{Error, Location};
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
pub enum InputFormat {
    /// YAML (also reads JSON, more slowly).
    Yaml,
    /// JSON.
    Json,
}

impl InputFormat {
    /// The format a file name says: JSON for `.json` and `.jsonl`, else YAML.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::InputFormat;
    /// assert_eq!(InputFormat::of_path("cv.json".as_ref()), InputFormat::Json);
    /// assert_eq!(InputFormat::of_path("cv.yml".as_ref()), InputFormat::Yaml);
    /// ```
    #[must_use]
    pub fn of_path(path: &std::path::Path) -> InputFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") || ext.eq_ignore_ascii_case("jsonl") => {
                InputFormat::Json
            }
            _ => InputFormat::Yaml,
        }
    }
}

/// Limits applied to every input before and while it is parsed.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Limits};
/// let tiny = Limits { max_bytes: 8 };
/// let err = Candidate::from_str_with("id: a-long-name", vacancy_match::InputFormat::Yaml, &tiny).unwrap_err();
/// assert!(err.to_string().contains("larger than the limit"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes (default 1 MiB; profiles are a
    /// few kilobytes and rule files a few dozen).
    pub max_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1024 * 1024,
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

/// Checks that apply to any text before parsing.
pub(crate) fn precheck(text: &str, limits: &Limits) -> Result<(), Error> {
    if text.len() > limits.max_bytes {
        return Err(Error::invalid(
            at(None, None, None),
            format!(
                "input of {} bytes is larger than the limit of {} bytes",
                text.len(),
                limits.max_bytes
            ),
        ));
    }
    if let Some(offset) = text.find('\0') {
        let before = text.get(..offset).unwrap_or("");
        let line = before.matches('\n').count().saturating_add(1);
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            .saturating_add(1);
        return Err(Error::invalid(
            at(Some(line), Some(column), None),
            "NUL byte in input, expected text",
        ));
    }
    check_depth(text)?;
    let meaningful = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---");
    if !meaningful {
        return Err(Error::invalid(
            at(None, None, None),
            "empty document, expected a mapping of fields",
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
                            return Err(Error::invalid(
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
                Error::invalid(
                    at(line, column, path.clone()),
                    clean_message(&inner.to_string(), path.as_deref()),
                )
            })
        }
        InputFormat::Json => {
            let mut de = serde_json::Deserializer::from_str(text);
            let value = serde_path_to_error::deserialize(&mut de).map_err(|err| {
                let path = path_of(err.path());
                let inner = err.into_inner();
                let line = (inner.line() > 0).then_some(inner.line());
                let column = (inner.column() > 0).then_some(inner.column());
                Error::invalid(
                    at(line, column, path.clone()),
                    clean_message(&inner.to_string(), path.as_deref()),
                )
            })?;
            de.end().map_err(|inner| {
                Error::invalid(
                    at(Some(inner.line()), Some(inner.column()), None),
                    clean_message(&inner.to_string(), None),
                )
            })?;
            Ok(value)
        }
    }
}

fn path_of(path: &serde_path_to_error::Path) -> Option<String> {
    let text = path.to_string();
    (text != "." && !text.is_empty()).then_some(text)
}

/// The parser's message without the location it appends and the path it
/// prepends (both are reported separately), with "did you mean" added to
/// unknown names.
fn clean_message(raw: &str, path: Option<&str>) -> String {
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
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        if PROTECTED.contains(&field.to_lowercase().as_str()) {
            return format!(
                "unknown field `{field}`: protected attributes (age, sex, gender, marital status, \
                 photo, religion, ethnicity, disability...) have no place in a profile, and no rule can use them"
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        if let Some((_, hint)) = MISPLACED.iter().find(|(name, _)| *name == field) {
            return format!("unknown field `{field}` here: {hint}");
        }
    }
    for what in ["unknown field", "unknown variant"] {
        if let Some(rest) = message.strip_prefix(what) {
            if let Some(suggested) = suggest_in(rest) {
                return format!("{what}{suggested}");
            }
        }
    }
    if message == "repetition limit exceeded" {
        return "document expands too much (YAML alias bomb?): repetition limit exceeded"
            .to_string();
    }
    if message == "recursion limit exceeded" {
        return "document nests too deeply: recursion limit exceeded".to_string();
    }
    message.to_string()
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

/// For " `word`, expected one of `a`, `b`" returns " `word`, did you mean
/// `a`?" when a valid word is close.
fn suggest_in(rest: &str) -> Option<String> {
    let (word_part, options) = rest.split_once(", expected ")?;
    let word = word_part.trim().trim_matches('`');
    let valid: Vec<&str> = options
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s)
        .collect();
    let best = closest(word, valid.iter().copied())?;
    Some(format!(" `{word}`, did you mean `{best}`?"))
}

/// Errors are not `Clone` (they may hold an `io::Error`); a flattened
/// problem is rebuilt from its text and location.
pub(crate) fn clone_error(e: &Error) -> Error {
    match e.kind() {
        crate::ErrorKind::Invalid { location, message } => {
            Error::invalid(location.clone(), message.clone())
        }
        other => Error::invalid(Location::default(), other.to_string()),
    }
}

/// Reads a file as UTF-8 text within `limits`, with the file named in errors.
pub(crate) fn read_text(path: &std::path::Path, limits: &Limits) -> Result<String, Error> {
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > limits.max_bytes as u64 {
        return Err(Error::invalid(
            at(None, None, None).with_file(name),
            format!(
                "input of {} bytes is larger than the limit of {} bytes",
                meta.len(),
                limits.max_bytes
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = e.as_bytes().get(..valid).unwrap_or(&[]);
        let line = before
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            .saturating_add(1);
        Error::invalid(
            at(Some(line), None, None).with_file(name),
            format!("invalid UTF-8 at byte {valid}, expected text"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_location_and_path_from_messages() {
        assert_eq!(
            clean_message(
                "skills: invalid type: integer `3`, expected a sequence at line 1 column 9",
                Some("skills")
            ),
            "invalid type: integer `3`, expected a sequence"
        );
    }

    #[test]
    fn suggests_closest_field() {
        assert_eq!(
            clean_message(
                "unknown field `langauges`, expected one of `id`, `languages`, `skills`",
                None
            ),
            "unknown field `langauges`, did you mean `languages`?"
        );
        assert_eq!(
            clean_message("unknown field `zzz`, expected `id` or `name`", None),
            "unknown field `zzz`, expected `id` or `name`"
        );
    }
}
