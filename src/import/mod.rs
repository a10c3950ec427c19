//! Applicants in from what HR has: spreadsheet exports of application
//! forms (xlsx, ods, CSV) read through a mapping, and JSON Resume
//! documents. Uses the model, the loader (YAML, limits, located errors)
//! and the vocabulary; nothing above them.
//!
//! Layer 9 of 10 (bottom first; see CONTRIBUTING.md): may use every layer up
//! to `record`; not `cases`, `analyze` or `screen`, its neighbours.
//!
//! # Design
//! Spreadsheets (feature `import`): a row is read into a profile cell by cell. A cell that cannot be read
//! is a located problem of that applicant (`applicants.xlsx:Sheet1!F17`),
//! and the list it belongs to is left "not stated" (an incomplete list
//! must not read as "the candidate has nothing else"); the rest of the
//! row is kept. An empty cell is "not stated", never a zero or a "no".
//! Every entry remembers its cell in the profile's [`Provenance`], which
//! findings cite and the audit digest covers. Rows are never dropped: a
//! skipped row (a total row named by the mapping) is reported.
//!
//! [`Provenance`]: crate::Provenance

/// Words that end a period that has not ended ("2019-03 – Present"), as
/// [`crate::matching::key`] writes them: the profile's own.
pub(crate) use crate::model::candidate::ONGOING;

#[cfg(feature = "import")]
pub(crate) mod draft;
pub(crate) mod json_resume;
#[cfg(feature = "import")]
pub(crate) mod mapping;
#[cfg(feature = "import")]
mod parts;
#[cfg(feature = "import")]
mod row;
#[cfg(feature = "import")]
pub(crate) mod sheet;
#[cfg(feature = "import")]
mod table;
