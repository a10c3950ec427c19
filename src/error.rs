//! The one error type of the crate, its kinds, and where an error happened.
//!
//! Layer 1 of 10 (bottom first; see CONTRIBUTING.md): uses no other module
//! of the crate.

use std::fmt;
use std::path::PathBuf;

/// Where in an input a problem was found.
///
/// Every part is optional because not every input has every part: a rule
/// set loaded from a string has no file, a problem with a whole file has no
/// line. Lines and columns are 1-based.
///
/// # Example
/// ```
/// let err = vacancy_match::Candidate::from_yaml_str("id: x\nlangauges: []\n").unwrap_err();
/// let loc = err.location().expect("parse errors are located");
/// assert_eq!(loc.line(), Some(2));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    pub(crate) file: Option<String>,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    pub(crate) path: Option<String>,
}

impl Location {
    /// The file (or `stdin:LINE`, or another source name) the problem is in.
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("id: [").unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.file()), None);
    /// ```
    #[must_use]
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }

    /// The 1-based line.
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("id: x\nskills: 3\n").unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.line()), Some(2));
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The 1-based column.
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("id: x\nskills: 3\n").unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.column()), Some(9));
    /// ```
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    /// The field path inside the document, e.g. `experience[2].end`.
    ///
    /// # Example
    /// ```
    /// let yaml = "experience:\n  - start: 2020-01\n    end: 2019-01\n";
    /// let err = vacancy_match::Candidate::from_yaml_str(yaml).unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.path()), Some("experience[0].end"));
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    pub(crate) fn with_file(mut self, file: impl Into<String>) -> Self {
        self.file = Some(file.into());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut wrote = false;
        if let Some(file) = &self.file {
            f.write_str(file)?;
            wrote = true;
        }
        if let Some(line) = self.line {
            if wrote {
                f.write_str(":")?;
            } else {
                f.write_str("line ")?;
            }
            write!(f, "{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
            wrote = true;
        }
        if let Some(path) = &self.path {
            if wrote {
                f.write_str(": ")?;
            }
            f.write_str(path)?;
        }
        Ok(())
    }
}

/// An error from loading rules or profiles, or from reading files.
///
/// The error is boxed so that `Result<T, Error>` stays small. A program
/// decides what to do with [`Error::kind`], tells the user where with
/// [`Error::location`], and shows the whole error (location and message)
/// with `Display`.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, ErrorKind};
/// let err = Candidate::from_yaml_str("langauges: []").unwrap_err();
/// match err.kind() {
///     ErrorKind::UnknownField { field, suggestion } => {
///         assert_eq!(field, "langauges");
///         assert_eq!(suggestion.as_deref(), Some("languages"));
///     }
///     other => panic!("unexpected {other}"),
/// }
/// assert!(err.to_string().contains("did you mean `languages`?"));
/// ```
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    location: Location,
    message: String,
}

/// What went wrong, as a program would handle it: each kind is one thing a
/// caller may answer differently (a service: 413 for [`TooLarge`] and
/// [`TooDeep`], 400 for a document it cannot read, 422 for one it can read
/// but that breaks a rule).
///
/// The data a program may use is in the kind (the field, the suggestion,
/// the limit); the words for people are in the error's `Display` and
/// [`Error::message`].
///
/// [`TooLarge`]: ErrorKind::TooLarge
/// [`TooDeep`]: ErrorKind::TooDeep
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, ErrorKind};
/// let status = |text: &str| match Candidate::from_yaml_str(text).map_err(|e| e.kind().clone_kind()) {
///     Ok(_) => 200,
///     Err(ErrorKind::TooLarge { .. } | ErrorKind::TooDeep { .. }) => 413,
///     Err(ErrorKind::Syntax | ErrorKind::WrongType { .. } | ErrorKind::UnknownField { .. }) => 400,
///     Err(_) => 422,
/// };
/// assert_eq!(status("id: ana"), 200);
/// assert_eq!(status("id: \"ana"), 400);
/// assert_eq!(status("experience:\n  - start: 2020-01\n    end: 2019-01\n"), 422);
/// ```
///
/// # Design
/// The kind holds no location and no message: every single problem has
/// both, so they live once in [`Error`], and a match on the kind reads the
/// data it needs only. Kinds are `#[non_exhaustive]`: a new kind is a new
/// thing a caller may handle, and older callers keep their `_` arm.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read, or is not a regular file.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{ErrorKind, RuleSet};
    /// let err = RuleSet::from_dir("no/such/dir").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Io { .. }));
    /// ```
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The input is larger than a limit: [`Limits::max_bytes`], or what an
    /// alias-laden YAML document would expand to (no `limit` then: it is
    /// the parser's).
    ///
    /// [`Limits::max_bytes`]: crate::Limits::max_bytes
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind, InputFormat, Limits};
    /// let tiny = Limits::default().with_max_bytes(8);
    /// let err = Candidate::from_str_with("id: a-long-name", InputFormat::Yaml, &tiny).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::TooLarge { limit: Some(8) }));
    /// ```
    #[error("input too large")]
    TooLarge {
        /// The limit, in bytes.
        limit: Option<usize>,
    },
    /// The input nests deeper than the parser accepts.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let deep = format!("skills: {}{}", "[".repeat(100), "]".repeat(100));
    /// let err = Candidate::from_yaml_str(&deep).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::TooDeep { limit: 64 }));
    /// ```
    #[error("input nests too deeply")]
    TooDeep {
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// The text is not well-formed YAML or JSON, is not UTF-8, or is empty.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind, InputFormat, Limits};
    /// let err = Candidate::from_str_with(r#"{"id": "ana""#, InputFormat::Json, &Limits::default()).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Syntax));
    /// assert!(err.to_string().contains("the JSON ends too early"));
    /// ```
    #[error("not well-formed")]
    Syntax,
    /// A field the format does not have.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("skils: [rust]").unwrap_err();
    /// assert!(matches!(
    ///     err.kind(),
    ///     ErrorKind::UnknownField { field, suggestion: Some(s) } if field == "skils" && s == "skills"
    /// ));
    /// ```
    #[error("unknown field `{field}`")]
    UnknownField {
        /// The field as written.
        field: String,
        /// The closest field that exists, if one is close.
        suggestion: Option<String>,
    },
    /// A field that must be present is not.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("experience:\n  - end: 2020-01\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::MissingField { field } if field == "start"));
    /// ```
    #[error("missing field `{field}`")]
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A value of the wrong type: text where a number is expected, a list
    /// where a mapping is.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::WrongType { expected } if expected == "a list"));
    /// assert!(err.to_string().ends_with("expected a list, found the number 3"));
    /// ```
    #[error("expected {expected}")]
    WrongType {
        /// What was expected, in the user's words (`a number`, `a list`).
        expected: String,
    },
    /// A name or code that is not known: a language or country code, a
    /// language level, a requirement kind, a name not in the vocabulary.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("languages:\n  - { language: en, level: C3 }\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::UnknownName { .. }));
    /// ```
    #[error("unknown name `{name}`")]
    UnknownName {
        /// The name as written.
        name: String,
        /// The closest known name, if one is close.
        suggestion: Option<String>,
    },
    /// A value of the right type that is not valid: a date that does not
    /// exist, a number out of its range, an empty name.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("experience:\n  - start: 2020-13\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidValue));
    /// assert!(err.to_string().contains("month 13 does not exist"));
    /// ```
    #[error("invalid value")]
    InvalidValue,
    /// Fields that are each valid but not together: a period that ends
    /// before it starts, a field that does not apply to a requirement's kind.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("experience:\n  - start: 2020-01\n    end: 2019-01\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::CrossField));
    /// assert_eq!(err.location().and_then(|l| l.line()), Some(3));
    /// ```
    #[error("fields that do not go together")]
    CrossField,
    /// An id used twice: two vacancies, or two requirements of a vacancy;
    /// or a name given twice: an alias under two entries of a vocabulary,
    /// a level name on two scales (`id` is the name then).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{ErrorKind, RuleSet};
    /// let yaml = "id: v\ntitle: V\norganization: O\nduty_station: { country: FR }\nrequirements:
    ///   - { id: en, kind: language, languages: en, level: fluent }
    ///   - { id: en, kind: language, languages: es, level: fluent }\n";
    /// let err = RuleSet::from_yaml_str(yaml).unwrap_err();
    /// match err.kind() {
    ///     ErrorKind::DuplicateId { id, first } => {
    ///         assert_eq!(id, "en");
    ///         assert_eq!(first.as_ref().and_then(|l| l.line()), Some(6));
    ///     }
    ///     other => panic!("unexpected {other}"),
    /// }
    /// assert_eq!(err.location().and_then(|l| l.line()), Some(7));
    /// ```
    #[error("duplicate id `{id}`")]
    DuplicateId {
        /// The id.
        id: String,
        /// Where the id is first used, when known.
        first: Option<Location>,
    },
    /// Several independent problems, e.g. every bad file of a directory.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("id: ' '\nskills: ['']\n").unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::Many(all) if all.len() == 2));
    /// ```
    #[error("{} errors", .0.len())]
    Many(Vec<Error>),
}

impl ErrorKind {
    /// A copy of the kind (an I/O error is copied as its kind and words).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("id: \"ana").unwrap_err();
    /// assert!(matches!(err.kind().clone_kind(), ErrorKind::Syntax));
    /// ```
    #[must_use]
    pub fn clone_kind(&self) -> ErrorKind {
        match self {
            ErrorKind::Io { path, source } => ErrorKind::Io {
                path: path.clone(),
                source: std::io::Error::new(source.kind(), source.to_string()),
            },
            ErrorKind::TooLarge { limit } => ErrorKind::TooLarge { limit: *limit },
            ErrorKind::TooDeep { limit } => ErrorKind::TooDeep { limit: *limit },
            ErrorKind::Syntax => ErrorKind::Syntax,
            ErrorKind::UnknownField { field, suggestion } => ErrorKind::UnknownField {
                field: field.clone(),
                suggestion: suggestion.clone(),
            },
            ErrorKind::MissingField { field } => ErrorKind::MissingField {
                field: field.clone(),
            },
            ErrorKind::WrongType { expected } => ErrorKind::WrongType {
                expected: expected.clone(),
            },
            ErrorKind::UnknownName { name, suggestion } => ErrorKind::UnknownName {
                name: name.clone(),
                suggestion: suggestion.clone(),
            },
            ErrorKind::InvalidValue => ErrorKind::InvalidValue,
            ErrorKind::CrossField => ErrorKind::CrossField,
            ErrorKind::DuplicateId { id, first } => ErrorKind::DuplicateId {
                id: id.clone(),
                first: first.clone(),
            },
            ErrorKind::Many(all) => ErrorKind::Many(all.iter().map(Error::clone_error).collect()),
        }
    }
}

/// "file:line:column: path: " before a message, or nothing for an empty
/// location.
fn located_prefix(location: &Location) -> String {
    let text = location.to_string();
    if text.is_empty() {
        text
    } else {
        format!("{text}: ")
    }
}

impl Error {
    /// A located problem of `kind`, described by `message` (lowercase, no
    /// trailing period).
    pub(crate) fn new(kind: ErrorKind, location: Location, message: impl Into<String>) -> Self {
        Error(Box::new(Inner {
            kind,
            location,
            message: message.into(),
        }))
    }

    /// A value that is not valid ([`ErrorKind::InvalidValue`]).
    pub(crate) fn invalid(location: Location, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidValue, location, message)
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        let path = path.into();
        let message = source.to_string();
        Error::new(ErrorKind::Io { path, source }, Location::default(), message)
    }

    /// One error for a list of problems; a single problem stays itself.
    pub(crate) fn many(mut errors: Vec<Error>) -> Self {
        if errors.len() == 1 {
            if let Some(only) = errors.pop() {
                return only;
            }
        }
        Error::new(ErrorKind::Many(errors), Location::default(), "")
    }

    /// What went wrong, for a program to match.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// match err.kind() {
    ///     ErrorKind::WrongType { expected } => assert_eq!(expected, "a list"),
    ///     other => panic!("unexpected {other}"),
    /// }
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Where the problem is, for a single problem read from a document
    /// (not for [`ErrorKind::Io`] and [`ErrorKind::Many`]).
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.path()), Some("skills"));
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        match &self.0.kind {
            ErrorKind::Io { .. } | ErrorKind::Many(_) => None,
            _ => Some(&self.0.location),
        }
    }

    /// What the problem is, in words for people, without its location
    /// (lowercase, no trailing period; empty for [`ErrorKind::Many`]).
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// assert_eq!(err.message(), "expected a list, found the number 3");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Every single problem this error holds, flattened.
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// assert_eq!(err.problems().len(), 1);
    /// ```
    #[must_use]
    pub fn problems(&self) -> Vec<&Error> {
        match &self.0.kind {
            ErrorKind::Many(all) => all.iter().flat_map(Error::problems).collect(),
            _ => vec![self],
        }
    }

    /// A copy: errors are not `Clone` because they may hold an `io::Error`.
    pub(crate) fn clone_error(&self) -> Error {
        Error::new(
            self.0.kind.clone_kind(),
            self.0.location.clone(),
            self.0.message.clone(),
        )
    }

    /// The same error with its location (and those of the problems it
    /// holds) changed by `change`.
    pub(crate) fn relocated(self, change: &impl Fn(Location) -> Location) -> Self {
        let Inner {
            kind,
            location,
            message,
        } = *self.0;
        match kind {
            ErrorKind::Many(all) => Error::new(
                ErrorKind::Many(all.into_iter().map(|e| e.relocated(change)).collect()),
                location,
                message,
            ),
            kind @ ErrorKind::Io { .. } => Error::new(kind, location, message),
            kind => Error::new(kind, change(location), message),
        }
    }

    /// The same error, with `file` as the file of every location that has none.
    pub(crate) fn in_file(self, file: &str) -> Self {
        self.relocated(&|location: Location| {
            if location.file.is_none() {
                location.with_file(file)
            } else {
                location
            }
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0.kind {
            ErrorKind::Io { path, source } => write!(f, "{}: {source}", path.display()),
            ErrorKind::Many(all) => {
                write!(f, "{} errors:", all.len())?;
                for e in all {
                    write!(f, "\n{e}")?;
                }
                Ok(())
            }
            _ => write!(f, "{}{}", located_prefix(&self.0.location), self.0.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.0.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
