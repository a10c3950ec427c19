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
}

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
            Scales::from_yaml_str(BUNDLED_SCALES).unwrap_or_else(|_| Scales::cefr_only())
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
        let mut names = Vec::new();
        let mut by_key: HashMap<String, (Cefr, usize)> = HashMap::new();
        let mut problems = Vec::new();
        for (i, scale) in raw.scales.iter().enumerate() {
            for (name, cefr) in &scale.levels {
                let k = key(name);
                if let Some((_, other)) = by_key.get(&k) {
                    let owner = raw
                        .scales
                        .get(*other)
                        .map_or("another", |s| s.name.as_str());
                    let path = format!("scales[{i}].levels.{name}");
                    let (line, column) = load::locate(text, &format!("scales[{i}].levels")).unzip();
                    problems.push(Error::invalid(
                        Location {
                            file: None,
                            line,
                            column,
                            path: Some(path),
                        },
                        format!("`{name}` is already on the scale `{owner}`"),
                    ));
                    continue;
                }
                by_key.insert(k, (*cefr, i));
            }
            names.push(Arc::from(scale.name.as_str()));
        }
        if problems.is_empty() {
            Ok(Scales { names, by_key })
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
    pub(crate) fn spellings(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self.by_key.keys().map(String::as_str).collect();
        all.sort_unstable();
        all
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
