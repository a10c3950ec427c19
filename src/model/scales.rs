//! Language level scales as data: the crosswalk from every way of writing
//! a level (CEFR codes, "fluent", "nativo", "UN III") to the CEFR ladder.
//! Reading it from YAML, the bundled file included, is `load`'s.

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;

use super::level::Cefr;
use crate::error::Location;

/// The crosswalk of language level scales of a rule set
/// (`rules/scales.yaml`), read once at load time.
///
/// # Example
/// ```
/// use vacancy_match::{Cefr, Scales};
/// let scales = Scales::bundled();
/// let (cefr, scale) = scales.resolve("UN III").unwrap();
/// assert_eq!((cefr, scale), (Cefr::C1, "UN Language Framework"));
/// assert_eq!(scales.resolve("buen conocimiento").unwrap().0, Cefr::B2);
/// ```
#[derive(Debug, Clone)]
pub struct Scales {
    names: Vec<Arc<str>>,
    by_key: HashMap<String, (Cefr, usize)>,
    /// Where each level name was written, by key.
    origins: HashMap<String, Location>,
}

/// Where a level name already is, when it is added on another scale or
/// at another level.
pub(crate) struct Taken {
    /// The scale that has it.
    pub(crate) scale: Arc<str>,
    /// The CEFR level it maps to there.
    pub(crate) cefr: Cefr,
    /// Where it was written, if known.
    pub(crate) origin: Option<Location>,
}

fn key(text: &str) -> String {
    crate::matching::key(text)
}

impl Scales {
    /// The CEFR codes alone: the fallback when the bundled file does not
    /// read.
    pub(crate) fn cefr_only() -> Scales {
        let mut by_key = HashMap::new();
        for cefr in Cefr::ALL {
            by_key.insert(key(&cefr.to_string()), (cefr, 0));
        }
        Scales {
            names: vec![Arc::from("CEFR")],
            by_key,
            origins: HashMap::new(),
        }
    }

    /// No scale at all.
    pub(crate) fn empty() -> Scales {
        Scales {
            names: Vec::new(),
            by_key: HashMap::new(),
            origins: HashMap::new(),
        }
    }

    /// The index of the scale named `name`, added if it is new.
    pub(crate) fn scale(&mut self, name: &str) -> usize {
        match self.names.iter().position(|n| **n == *name) {
            Some(index) => index,
            None => {
                self.names.push(Arc::from(name));
                self.names.len().saturating_sub(1)
            }
        }
    }

    /// Maps the level name `name` to `cefr` on the scale `scale` (an index
    /// from [`Scales::scale`]), written at `origin`. A name already there
    /// with the same level is left as it is; a name on another scale or at
    /// another level is refused with where it is.
    pub(crate) fn add_level(
        &mut self,
        scale: usize,
        name: &str,
        cefr: Cefr,
        origin: Location,
    ) -> Result<(), Taken> {
        let k = key(name);
        if let Some((known, other)) = self.by_key.get(&k) {
            if *known == cefr && *other == scale {
                return Ok(());
            }
            return Err(Taken {
                scale: self
                    .names
                    .get(*other)
                    .cloned()
                    .unwrap_or_else(|| Arc::from("another")),
                cefr: *known,
                origin: self.origins.get(&k).cloned(),
            });
        }
        self.by_key.insert(k.clone(), (cefr, scale));
        self.origins.insert(k, origin);
        Ok(())
    }

    /// The CEFR level and scale name of a level as written.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Cefr, Scales};
    /// assert_eq!(Scales::bundled().resolve("Nativo"), Some((Cefr::C2, "native speaker")));
    /// assert_eq!(Scales::bundled().resolve("D1"), None);
    /// ```
    #[must_use]
    pub fn resolve(&self, text: &str) -> Option<(Cefr, &str)> {
        let (cefr, scale) = self.by_key.get(&key(text))?;
        Some((*cefr, self.names.get(*scale).map_or("CEFR", |n| n.as_ref())))
    }

    /// Every level name the crosswalk accepts, for suggestions.
    ///
    /// In the order of the scales in the file, then alphabetical: a word
    /// equally close to two spellings is answered with the one of the
    /// earlier scale (the English descriptors come before their Spanish
    /// counterparts, so `excelent` suggests `excellent`).
    pub(crate) fn spellings(&self) -> Vec<&str> {
        let mut all: Vec<(usize, &str)> = self
            .by_key
            .iter()
            .map(|(k, (_, scale))| (*scale, k.as_str()))
            .collect();
        all.sort_unstable();
        all.into_iter().map(|(_, k)| k).collect()
    }
}

impl<'de> Deserialize<'de> for Cefr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Cefr::ALL
            .into_iter()
            .find(|c| c.to_string().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown CEFR level `{text}`, expected A1, A2, B1, B2, C1 or C2"
                ))
            })
    }
}
