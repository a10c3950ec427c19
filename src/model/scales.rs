//! Language level scales as data: the crosswalk from every way of writing
//! a level (CEFR codes, "fluent", "nativo", "UN III") to the CEFR ladder.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use super::level::Cefr;
use crate::error::{Error, Location};
use crate::load::{self, InputFormat, Limits};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScales {
    /// A rules folder's file replaces the bundled crosswalk instead of
    /// extending it.
    #[serde(default)]
    replace: bool,
    scales: Vec<RawScale>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    name: String,
    levels: std::collections::BTreeMap<String, Cefr>,
}

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
    /// Where each level name was written (`file:line`), by key.
    origins: HashMap<String, Arc<str>>,
}

/// The bundled crosswalk's name in messages.
pub(crate) const BUNDLED_SCALES_NAME: &str = "rules/scales.yaml";

/// The bundled crosswalk's text.
pub(crate) const BUNDLED_SCALES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/scales.yaml"));

fn key(text: &str) -> String {
    crate::matching::key(text)
}

impl Scales {
    /// The crosswalk bundled with the crate.
    ///
    /// # Example
    /// ```
    /// assert!(vacancy_match::Scales::bundled().resolve("fluent").is_some());
    /// ```
    #[must_use]
    pub fn bundled() -> &'static Scales {
        static BUNDLED: OnceLock<Scales> = OnceLock::new();
        // The bundled file is tested to load; an empty crosswalk (CEFR
        // codes only) is the fallback for a broken build.
        BUNDLED.get_or_init(|| {
            Scales::empty()
                .extended(BUNDLED_SCALES, BUNDLED_SCALES_NAME)
                .unwrap_or_else(|_| Scales::cefr_only())
        })
    }

    fn cefr_only() -> Scales {
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

    /// Reads a crosswalk from YAML text.
    ///
    /// # Errors
    /// Malformed YAML, an unknown CEFR level, or one name mapped twice.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Cefr, Scales};
    /// let s = Scales::from_yaml_str("scales:\n  - name: house\n    levels: { operational: B2 }\n")?;
    /// assert_eq!(s.resolve("Operational"), Some((Cefr::B2, "house")));
    /// let err = Scales::from_yaml_str("scales:\n  - name: a\n    levels: { good: B2 }\n  - name: b\n    levels: { Good: C1 }\n").unwrap_err();
    /// assert!(err.to_string().contains("`Good` is already on the scale `a`"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<Scales, Error> {
        let raw: RawScales = load::parse(text, InputFormat::Yaml, &Limits::default())?;
        let mut scales = Scales::empty();
        scales.add(&raw, text, None)?;
        Ok(scales)
    }

    fn empty() -> Scales {
        Scales {
            names: Vec::new(),
            by_key: HashMap::new(),
            origins: HashMap::new(),
        }
    }

    /// This crosswalk extended by a rules folder's `scales.yaml`: a scale
    /// of a known name takes in the new level names, other scales are
    /// added, and a level name already mapped to another CEFR level is an
    /// error naming both places. A file that starts with `replace: true`
    /// replaces this crosswalk instead. `file` names the file in messages.
    ///
    /// # Errors
    /// As [`Scales::from_yaml_str`], and a level name this crosswalk
    /// already maps to another CEFR level.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Cefr, Scales};
    /// let local = "scales:\n  - name: house\n    levels: { operational: B2 }\n";
    /// let s = Scales::bundled().extended(local, "rules/scales.yaml")?;
    /// assert_eq!(s.resolve("operational"), Some((Cefr::B2, "house")));
    /// assert_eq!(s.resolve("fluent").map(|r| r.0), Some(Cefr::C1));
    /// let err = Scales::bundled().extended("scales:\n  - name: house\n    levels: { fluent: B2 }\n", "rules/scales.yaml").unwrap_err();
    /// assert!(err.to_string().contains("`fluent` is already on the scale `posting descriptors` as C1 (rules/scales.yaml:"));
    /// let own = Scales::bundled().extended(&format!("replace: true\n{local}"), "own.yaml")?;
    /// assert_eq!(own.resolve("fluent"), None);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn extended(&self, text: &str, file: &str) -> Result<Scales, Error> {
        let raw: RawScales = load::parse(text, InputFormat::Yaml, &Limits::default())?;
        let mut scales = if raw.replace {
            Scales::empty()
        } else {
            self.clone()
        };
        scales.add(&raw, text, Some(file))?;
        Ok(scales)
    }

    fn add(&mut self, raw: &RawScales, text: &str, file: Option<&str>) -> Result<(), Error> {
        let mut problems = Vec::new();
        for (i, scale) in raw.scales.iter().enumerate() {
            let index = match self.names.iter().position(|n| **n == *scale.name) {
                Some(index) => index,
                None => {
                    self.names.push(Arc::from(scale.name.as_str()));
                    self.names.len().saturating_sub(1)
                }
            };
            let levels = format!("scales[{i}].levels");
            for (name, cefr) in &scale.levels {
                let (line, column) = load::locate(text, &format!("{levels}.{name}"))
                    .or_else(|| load::locate(text, &levels))
                    .unzip();
                let k = key(name);
                if let Some((known, other)) = self.by_key.get(&k) {
                    if *known == *cefr && *other == index {
                        continue;
                    }
                    let owner = self.names.get(*other).map_or("another", |s| s.as_ref());
                    let place = self
                        .origins
                        .get(&k)
                        .map(|o| format!(" as {known} ({o})"))
                        .unwrap_or_default();
                    problems.push(Error::invalid(
                        Location {
                            file: None,
                            line,
                            column,
                            path: Some(format!("scales[{i}].levels.{name}")),
                        },
                        format!("`{name}` is already on the scale `{owner}`{place}"),
                    ));
                    continue;
                }
                self.by_key.insert(k.clone(), (*cefr, index));
                let line = line.unwrap_or(0);
                self.origins.insert(
                    k,
                    match file {
                        Some(file) => format!("{file}:{line}").into(),
                        None => format!("line {line}").into(),
                    },
                );
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::many(problems))
        }
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
