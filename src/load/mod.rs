//! Reading text into typed values: the one place that knows YAML and
//! JSON, turns their errors into located [`Error`]s, and enforces limits.
//!
//! Layer 4 of 10 (bottom first; see CONTRIBUTING.md): may use `error`,
//! `matching` and `model`.
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
#[cfg(feature = "schema")]
mod schema;
mod vocabulary;

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
        return Err(Error::invalid(
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
    // A whole document that is one value is no profile or rule file (a
    // password file, notes): say what it is, not what it holds.
    if path.is_none() {
        if let Some(rest) = raw.strip_prefix("invalid type: ") {
            if rest.contains(", expected struct ") {
                let kind = rest.split([' ', ',']).next().unwrap_or("value");
                return format!("the document is a {kind}, expected a mapping of fields");
            }
        }
    }
    shorten_values(&clean_message_in_full(raw, path))
}

/// The most characters of a text value a message quotes: a file that is
/// not a profile at all (a password file named `x.yaml`) is one string,
/// and an error must not echo it.
const QUOTED: usize = 32;

/// `message` with every quoted string value (`string "..."`, as serde
/// writes one) cut to [`QUOTED`] characters.
fn shorten_values(message: &str) -> String {
    const OPEN: &str = "string \"";
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

/// [`clean_message`] before values are shortened.
fn clean_message_in_full(raw: &str, path: Option<&str>) -> String {
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

/// What a path is when it is not a regular file, for messages; `None`
/// for a regular file.
pub(crate) fn special_kind(meta: &std::fs::Metadata) -> Option<&'static str> {
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
    if let Some(kind) = special_kind(&meta) {
        return Err(Error::invalid(
            at(None, None, None).with_file(name),
            format!("{kind}, expected a regular file"),
        ));
    }
    let max = u64::try_from(limits.max_bytes).unwrap_or(u64::MAX);
    if meta.len() > max {
        return Err(Error::invalid(
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
        return Err(Error::invalid(
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
        Error::invalid(
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
    use sha2::{Digest, Sha256};
    use std::fmt::Write as _;
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
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
    fn long_values_are_not_echoed() {
        let secret = format!("root:x:0:0:{}", "y".repeat(500));
        let raw = format!("invalid type: string {secret:?}, expected struct Candidate");
        assert_eq!(
            clean_message(&raw, None),
            "the document is a string, expected a mapping of fields"
        );
        let raw = format!("invalid type: string {secret:?}, expected a sequence");
        let kept = format!("root:x:0:0:{}", "y".repeat(21));
        assert_eq!(
            clean_message(&raw, Some("skills")),
            format!("invalid type: string \"{kept}…\" (479 characters more), expected a sequence")
        );
        let short = "invalid type: string \"a \\\"b\\\"\", expected a sequence";
        assert_eq!(clean_message(short, None), short);
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
