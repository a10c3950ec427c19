//! Reading language level scales: YAML text into [`Scales`], with every
//! problem located, and the bundled crosswalk. The crosswalk itself (the
//! level names and their CEFR levels) is the model's.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::{locate, InputFormat, Limits};
use crate::error::{Error, ErrorKind, Location};
use crate::model::{Cefr, LanguageLevel, Scales};

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
    levels: BTreeMap<String, Cefr>,
}

/// The bundled crosswalk's name in messages.
pub(crate) const BUNDLED_SCALES_NAME: &str = "rules/scales.yaml";

/// The bundled crosswalk's text.
pub(crate) const BUNDLED_SCALES: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/scales.yaml"));

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
        let raw: RawScales = super::parse(text, InputFormat::Yaml, &Limits::default())?;
        let mut scales = Scales::empty();
        add(&mut scales, &raw, text, None)?;
        Ok(scales)
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
        let raw: RawScales = super::parse(text, InputFormat::Yaml, &Limits::default())?;
        let mut scales = if raw.replace {
            Scales::empty()
        } else {
            self.clone()
        };
        add(&mut scales, &raw, text, Some(file))?;
        Ok(scales)
    }
}

/// Adds the scales of `raw` (read from `text`, the file `file`) to
/// `scales`: every level name mapped twice is a problem, located.
fn add(scales: &mut Scales, raw: &RawScales, text: &str, file: Option<&str>) -> Result<(), Error> {
    let mut problems = Vec::new();
    for (i, scale) in raw.scales.iter().enumerate() {
        let index = scales.scale(&scale.name);
        let levels = format!("scales[{i}].levels");
        for (name, cefr) in &scale.levels {
            let (line, column) = locate(text, &format!("{levels}.{name}"))
                .or_else(|| locate(text, &levels))
                .unzip();
            let here = Location {
                file: file.map(str::to_owned),
                line,
                column,
                path: Some(format!("scales[{i}].levels.{name}")),
            };
            if let Err(taken) = scales.add_level(index, name, *cefr, here.clone()) {
                let place = taken
                    .origin
                    .as_ref()
                    .map(|o| {
                        let line = o.line.unwrap_or(0);
                        match &o.file {
                            Some(file) => format!(" as {} ({file}:{line})", taken.cefr),
                            None => format!(" as {} (line {line})", taken.cefr),
                        }
                    })
                    .unwrap_or_default();
                problems.push(Error::new(
                    ErrorKind::DuplicateId {
                        id: name.clone(),
                        first: taken.origin,
                    },
                    Location { file: None, ..here },
                    format!("`{name}` is already on the scale `{}`{place}", taken.scale),
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::many(problems))
    }
}

impl LanguageLevel {
    /// Reads a CEFR code or a descriptor in English or Spanish.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Cefr, LanguageLevel};
    /// assert_eq!(LanguageLevel::parse("buen conocimiento").unwrap().cefr(), Cefr::B2);
    /// assert!(LanguageLevel::parse("D1").is_none());
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<LanguageLevel> {
        LanguageLevel::parse_with(text, Scales::bundled())
    }
}

impl<'de> Deserialize<'de> for LanguageLevel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::model::read_str(d, "a string: a language level", |text| {
            LanguageLevel::parse(text)
                .ok_or_else(|| crate::model::unknown_level(text, Scales::bundled()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::unknown_level;

    #[test]
    fn descriptors_map_to_cefr() {
        for (text, cefr) in [
            ("basic", Cefr::A2),
            ("working knowledge", Cefr::B1),
            ("good knowledge", Cefr::B2),
            ("very good", Cefr::B2),
            ("fluent", Cefr::C1),
            ("Excellent", Cefr::C1),
            ("native", Cefr::C2),
            ("Nativo", Cefr::C2),
            ("fluidez", Cefr::C1),
            ("b2", Cefr::B2),
        ] {
            assert_eq!(
                LanguageLevel::parse(text).map(|l| l.cefr()),
                Some(cefr),
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_level_suggests_closest() {
        let msg = unknown_level("fluentt", Scales::bundled());
        assert_eq!(
            msg,
            "unknown language level `fluentt`, did you mean `fluent`?"
        );
    }

    #[test]
    fn an_unknown_level_equally_close_to_two_suggests_the_earlier_scale() {
        // One letter from `excellent` and from `excelente`: the English
        // descriptor's scale comes first in the file.
        assert_eq!(
            unknown_level("excelent", Scales::bundled()),
            "unknown language level `excelent`, did you mean `excellent`?"
        );
        // Closer to the Spanish word: the Spanish word.
        assert_eq!(
            unknown_level("excelentte", Scales::bundled()),
            "unknown language level `excelentte`, did you mean `excelente`?"
        );
    }
}
