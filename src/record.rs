//! The machine contract of output: the version of the shape of every JSON
//! record the library and the CLI write, and the serialisation of an
//! [`Assessment`] that carries it. Uses the explanation layer.
//!
//! # Design
//! The version is on each record, not only on an envelope: a service that
//! stores one [`Assessment`] as JSON, or one line of a JSON Lines screen,
//! keeps the version with it. It is the first key, so a reader can check
//! it before reading the rest.

use serde::ser::{Serialize, Serializer};

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
/// let report = vacancy_match::assess(&cv, &rules, "2025-01-01".parse().unwrap());
/// let json = serde_json::to_string(&report[0]).unwrap();
/// assert!(json.starts_with(&format!("{{\"schema_version\":{SCHEMA_VERSION},")));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
pub const SCHEMA_VERSION: u32 = 1;

impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The derived fields after the version, as one struct: the fields
        // are the derive's (`remote = "Self"` on `Assessment`), so a field
        // added there is written here without a change.
        struct Fields<'a>(&'a Assessment);
        impl Serialize for Fields<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                Assessment::serialize(self.0, serializer)
            }
        }
        #[derive(serde::Serialize)]
        struct Versioned<'a> {
            schema_version: u32,
            #[serde(flatten)]
            fields: Fields<'a>,
        }
        Versioned {
            schema_version: SCHEMA_VERSION,
            fields: Fields(self),
        }
        .serialize(serializer)
    }
}
