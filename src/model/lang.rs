//! The languages explanations are written in, as data: which one, its
//! code and the names that read as it.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Location};

/// The language of an assessment's explanations: its sentences, what each
/// requirement asks, the evidence, the gaps and the what-if.
///
/// Codes, statuses, ids, numbers and dates as data are the same in every
/// language; names from rule files take the vocabulary's display form for
/// the language when it gives one, and a profile's names stay as written.
///
/// # Example
/// ```
/// use vacancy_match::Lang;
/// let lang: Lang = "español".parse()?;
/// assert_eq!(lang, Lang::Es);
/// assert_eq!(lang.as_str(), "es");
/// assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English, the default.
    #[default]
    En,
    /// Spanish, as UN agencies in Latin America write it: formal, with a
    /// decimal comma.
    Es,
}

/// The names [`Lang::from_str`] accepts, after trimming and lowercasing.
const NAMES: &[(&str, Lang)] = &[
    ("en", Lang::En),
    ("english", Lang::En),
    ("inglés", Lang::En),
    ("ingles", Lang::En),
    ("es", Lang::Es),
    ("spanish", Lang::Es),
    ("español", Lang::Es),
    ("espanol", Lang::Es),
    ("castellano", Lang::Es),
];

impl Lang {
    /// Every language, in documentation order.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Lang::ALL.len(), 2);
    /// ```
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The ISO 639-1 code: `en` or `es`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Lang::Es.as_str(), "es");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = Error;

    /// Reads `en`, `es`, `english`, `spanish` or `español` (case and
    /// surrounding blanks ignored).
    ///
    /// # Errors
    /// Any other word, as [`ErrorKind::UnknownName`] with the closest
    /// name accepted if one is close: "unknown report language `fr`,
    /// expected en or es".
    fn from_str(text: &str) -> Result<Lang, Error> {
        let word = text.trim().to_lowercase();
        NAMES
            .iter()
            .find(|(name, _)| *name == word)
            .map(|(_, lang)| *lang)
            .ok_or_else(|| {
                let names = NAMES.iter().map(|(name, _)| *name);
                Error::new(
                    ErrorKind::UnknownName {
                        name: text.trim().to_string(),
                        suggestion: crate::matching::closest(&word, names).map(str::to_string),
                    },
                    Location::default(),
                    format!(
                        "unknown report language `{}`, expected en or es",
                        text.trim()
                    ),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_names_in_both_languages() {
        for (text, lang) in [
            ("en", Lang::En),
            ("EN", Lang::En),
            (" English ", Lang::En),
            ("es", Lang::Es),
            ("Spanish", Lang::Es),
            ("Español", Lang::Es),
            ("ESPAÑOL", Lang::Es),
        ] {
            assert_eq!(text.parse::<Lang>().ok(), Some(lang), "{text}");
        }
        let err = "fr".parse::<Lang>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("unknown report language `fr`, expected en or es")
        );
    }

    #[test]
    fn serializes_as_the_code() {
        assert_eq!(
            serde_json::to_string(&Lang::Es).ok().as_deref(),
            Some("\"es\"")
        );
        let back: Option<Lang> = serde_json::from_str("\"en\"").ok();
        assert_eq!(back, Some(Lang::En));
    }
}
