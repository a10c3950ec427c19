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
/// The error is boxed so that `Result<T, Error>` stays small; inspect it
/// with [`Error::kind`] and [`Error::location`].
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, ErrorKind};
/// let err = Candidate::from_yaml_str("langauges: []").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Invalid { .. }));
/// assert!(err.to_string().contains("did you mean `languages`?"));
/// ```
#[derive(Debug)]
pub struct Error(Box<ErrorKind>);

/// What went wrong.
///
/// # Example
/// ```
/// use vacancy_match::{ErrorKind, RuleSet};
/// let err = RuleSet::from_dir("no/such/dir").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::Io { .. }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The path that could not be read.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An input is malformed or breaks a rule of the format.
    #[error("{}{message}", located_prefix(location))]
    Invalid {
        /// Where the problem is.
        location: Location,
        /// What the problem is: lowercase, no trailing period.
        message: String,
    },
    /// Several independent problems, e.g. every bad file of a directory.
    #[error("{} errors:\n{}", .0.len(), join_lines(.0))]
    Many(Vec<Error>),
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

fn join_lines(errors: &[Error]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    pub(crate) fn invalid(location: Location, message: impl Into<String>) -> Self {
        Error(Box::new(ErrorKind::Invalid {
            location,
            message: message.into(),
        }))
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error(Box::new(ErrorKind::Io {
            path: path.into(),
            source,
        }))
    }

    /// One error for a list of problems; a single problem stays itself.
    pub(crate) fn many(mut errors: Vec<Error>) -> Self {
        if errors.len() == 1 {
            if let Some(only) = errors.pop() {
                return only;
            }
        }
        Error(Box::new(ErrorKind::Many(errors)))
    }

    /// What went wrong.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ErrorKind};
    /// let err = Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// match err.kind() {
    ///     ErrorKind::Invalid { message, .. } => assert!(message.contains("expected a sequence")),
    ///     other => panic!("unexpected {other}"),
    /// }
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// Where the problem is, for a single located problem.
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Candidate::from_yaml_str("skills: 3").unwrap_err();
    /// assert_eq!(err.location().and_then(|l| l.path()), Some("skills"));
    /// ```
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        match &*self.0 {
            ErrorKind::Invalid { location, .. } => Some(location),
            _ => None,
        }
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
        match &*self.0 {
            ErrorKind::Many(all) => all.iter().flat_map(Error::problems).collect(),
            _ => vec![self],
        }
    }

    /// The same error, with `file` as the file of every location that has none.
    pub(crate) fn in_file(self, file: &str) -> Self {
        match *self.0 {
            ErrorKind::Invalid { location, message } => {
                let location = if location.file.is_none() {
                    location.with_file(file)
                } else {
                    location
                };
                Error::invalid(location, message)
            }
            ErrorKind::Many(all) => Error(Box::new(ErrorKind::Many(
                all.into_iter().map(|e| e.in_file(file)).collect(),
            ))),
            other => Error(Box::new(other)),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.0 {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
