//! The machine contract of output: the version of the shape of every JSON
//! record the library and the CLI write, and the serialisation of an
//! [`Assessment`] that carries it.
//!
//! Layer 8 of 10 (bottom first; see CONTRIBUTING.md): may use every layer
//! up to `explain`.
//!
//! # Design
//! The version is on each record, not only on an envelope: a service that
//! stores one [`Assessment`] as JSON, or one line of a JSON Lines screen,
//! keeps the version with it. It is the first key, so a reader can check
//! it before reading the rest.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::explain::Assessment;

/// The version of the shape of the JSON records this crate writes: the
/// `schema_version` key, first in every record ([`Assessment`],
/// [`ScreenRecord`](crate::ScreenRecord), and each JSON document of the
/// CLI).
///
/// It is raised when a key is removed or renamed, or a value changes type
/// or meaning; adding a key does not raise it, so readers should ignore
/// keys they do not know. `vacancy-match schema output` prints the JSON
/// Schema of the records of this version.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet, SCHEMA_VERSION};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_yaml_str("id: x")?;
/// let report = rules.assess(&cv, "2025-01-01".parse().unwrap()).ranked();
/// let json = serde_json::to_string(&report[0]).unwrap();
/// assert!(json.starts_with(&format!("{{\"schema_version\":{SCHEMA_VERSION},")));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
pub const SCHEMA_VERSION: u32 = 1;

impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Every field by name, without `..`: a field added to `Assessment`
        // does not compile here until it is written.
        let Assessment {
            candidate,
            vacancy,
            title,
            organization,
            verdict,
            score,
            closed,
            as_of,
            measured_at,
            lang,
            findings,
            what_if,
            audit,
        } = self;
        let mut s = serializer.serialize_struct("Assessment", 14)?;
        s.serialize_field("schema_version", &SCHEMA_VERSION)?;
        s.serialize_field("candidate", candidate)?;
        s.serialize_field("vacancy", vacancy)?;
        s.serialize_field("title", title)?;
        s.serialize_field("organization", organization)?;
        s.serialize_field("verdict", verdict)?;
        s.serialize_field("score", score)?;
        s.serialize_field("closed", closed)?;
        s.serialize_field("as_of", as_of)?;
        s.serialize_field("measured_at", measured_at)?;
        s.serialize_field("lang", lang)?;
        s.serialize_field("findings", findings)?;
        s.serialize_field("what_if", what_if)?;
        s.serialize_field("audit", audit)?;
        s.end()
    }
}
