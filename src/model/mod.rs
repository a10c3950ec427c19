//! The validated domain: vacancies and their requirements, candidates,
//! levels, dates and codes.
//!
//! Layer 3 of 10 (bottom first; see CONTRIBUTING.md): may use `error`,
//! `text` and `matching`: plain data, no I/O and no words for reports. Reason codes,
//! statuses and verdicts live here, so that rule files' test cases can
//! name them.
//! Reading the model from text is `load`'s, the bundled crosswalk of
//! language levels included: `Scales::bundled`, `LanguageLevel::parse` and
//! the reading of a language level are defined there.

pub(crate) mod candidate;
pub(crate) mod case;
mod code;
mod date;
mod lang;
mod level;
mod outcome;
mod scales;
pub(crate) mod vacancy;

pub use code::Code;
pub use date::{PartialDate, PartialDateError};
pub use lang::Lang;
pub(crate) use level::says_native;
pub(crate) use level::unknown_level;
pub(crate) use level::unknown_word;
pub use level::{Cefr, DegreeLevel, LanguageLevel};
pub use outcome::{Status, Verdict};
pub use scales::Scales;

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::matching::codes::{countries, languages, CodeEntry};

/// Reads a string value with `read`, borrowing the text where the format
/// allows instead of allocating it: profiles name many countries,
/// languages, levels and degrees.
pub(crate) fn read_str<'de, D, T>(
    d: D,
    expecting: &'static str,
    read: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct Visitor<F> {
        expecting: &'static str,
        read: F,
    }
    impl<T, F: FnOnce(&str) -> Result<T, String>> serde::de::Visitor<'_> for Visitor<F> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.expecting)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            (self.read)(v).map_err(E::custom)
        }
    }
    d.deserialize_str(Visitor { expecting, read })
}

/// Names already read on this thread, and what they read as, up to
/// [`REMEMBERED`] of them: profiles write the same country, language and
/// degree names again and again, and reading one normalises it first.
///
/// Keyed by text from profiles, so hashed with a random seed: a profile
/// cannot choose names that collide.
type Remembered<T> =
    std::cell::RefCell<std::collections::HashMap<Box<str>, Option<T>, crate::matching::NameHasher>>;

/// The most names remembered per kind and thread.
const REMEMBERED: usize = 4096;

/// The longest text remembered, in bytes: degree, language and country
/// names are short, and memory stays bounded by the two limits together.
const LONGEST_REMEMBERED: usize = 64;

/// `parse(text)`, remembered in `memory` (a pure function's result: the
/// same text always reads the same).
pub(crate) fn remembered<T: Copy + 'static>(
    memory: &'static std::thread::LocalKey<Remembered<T>>,
    text: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Option<T> {
    let known = memory.with(|m| m.try_borrow().ok().and_then(|m| m.get(text).copied()));
    if let Some(found) = known {
        return found;
    }
    let found = parse(text);
    memory.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() < REMEMBERED && text.len() <= LONGEST_REMEMBERED {
                m.insert(text.into(), found);
            }
        }
    });
    found
}

/// A language, by ISO 639 code (639-1 where one exists, else 639-3).
///
/// Reads codes and English or Spanish names: `es`, `spa`, `Spanish`,
/// `español` are one language; `quc`, `K'iche'`, `Quiché` another.
///
/// # Example
/// ```
/// use vacancy_match::Language;
/// let es = Language::parse("Español").unwrap();
/// assert_eq!(es.code(), "es");
/// assert_eq!(es.english_name(), "Spanish");
/// assert_eq!(Language::parse("K'iche'").unwrap().code(), "quc");
/// ```
#[derive(Clone, Copy, Eq)]
pub struct Language(&'static CodeEntry);

/// The same entry of the code table: the same language (compared by place
/// first, which is what equal entries share).
impl PartialEq for Language {
    fn eq(&self, other: &Language) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl std::hash::Hash for Language {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl Language {
    /// A number that tells this language from every other, for the life of
    /// the process: where its entry of the code table is.
    pub(crate) fn identity(self) -> u64 {
        u64::try_from(std::ptr::from_ref(self.0).addr()).unwrap_or(u64::MAX)
    }

    /// Looks a language up by code or name.
    ///
    /// # Example
    /// ```
    /// assert!(vacancy_match::Language::parse("Klingon").is_none());
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Language> {
        thread_local! {
            static READ: Remembered<Language> = Remembered::default();
        }
        remembered(&READ, text, |text| Language::read(text).map(Language))
    }

    /// [`Language::parse`], every time: the name or code as written; else
    /// a language tag's language (`en-US`, `pt_BR`); else the name without
    /// a part in brackets (`English (US)`), or that part (`Mayan (Mam)`);
    /// else the first or last word, when one of them alone names a
    /// language (`American English`, `Maya Mam`) and the other does not
    /// name another.
    fn read(text: &str) -> Option<&'static CodeEntry> {
        let table = languages();
        if let Some(found) = table.find(text) {
            return Some(found);
        }
        let text = text.trim();
        if let Some((language, _region)) = text.split_once(['-', '_']) {
            if (2..=3).contains(&language.len())
                && language.bytes().all(|b| b.is_ascii_alphabetic())
            {
                return table.find(language);
            }
        }
        if text.matches('(').count() > level::MOST_BRACKETS {
            return None;
        }
        if let Some((outside, inside)) = level::bracketed(text) {
            return Language::read(&outside).or_else(|| Language::read(inside));
        }
        // Not two-letter codes: "to" and "am" are words too.
        let name = |word: &str| table.find(word).filter(|_| word.chars().count() > 2);
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [first, .., last] = words[..] {
            return match (name(first), name(last)) {
                (Some(a), Some(b)) if a != b => None,
                (a, b) => a.or(b),
            };
        }
        None
    }

    /// The ISO 639 code.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Language::parse("inglés").unwrap().code(), "en");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The English name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Language::parse("kek").unwrap().english_name(), "Q'eqchi'");
    /// ```
    #[must_use]
    pub fn english_name(&self) -> &'static str {
        self.0.english
    }

    /// The Spanish name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Language::parse("en").unwrap().spanish_name(), "Inglés");
    /// ```
    #[must_use]
    pub fn spanish_name(&self) -> &'static str {
        self.0.spanish
    }
}

/// A country, by ISO 3166-1 alpha-2 code.
///
/// # Example
/// ```
/// use vacancy_match::Country;
/// assert_eq!(Country::parse("México").unwrap().code(), "MX");
/// assert_eq!(Country::parse("gtm").unwrap().code(), "GT");
/// ```
#[derive(Clone, Copy, Eq)]
pub struct Country(&'static CodeEntry);

/// The same entry of the code table: the same country (compared by place
/// first, which is what equal entries share).
impl PartialEq for Country {
    fn eq(&self, other: &Country) -> bool {
        std::ptr::eq(self.0, other.0) || self.0 == other.0
    }
}

impl std::hash::Hash for Country {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.code.hash(state);
    }
}

impl Country {
    /// Looks a country up by alpha-2 or alpha-3 code or by name.
    ///
    /// # Example
    /// ```
    /// assert!(vacancy_match::Country::parse("Atlantis").is_none());
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<Country> {
        thread_local! {
            static READ: Remembered<Country> = Remembered::default();
        }
        remembered(&READ, text, |text| countries().find(text).map(Country))
    }

    /// The alpha-2 code.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Country::parse("Guatemala").unwrap().code(), "GT");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.0.code
    }

    /// The English name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Country::parse("MX").unwrap().english_name(), "Mexico");
    /// ```
    #[must_use]
    pub fn english_name(&self) -> &'static str {
        self.0.english
    }

    /// The Spanish name.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::Country::parse("MX").unwrap().spanish_name(), "México");
    /// ```
    #[must_use]
    pub fn spanish_name(&self) -> &'static str {
        self.0.spanish
    }
}

macro_rules! code_type {
    ($ty:ident, $index:ident, $what:literal) => {
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0.code)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0.english)
            }
        }

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.code.cmp(other.0.code)
            }
        }

        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0.code)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                read_str(d, concat!("a string: ", $what), |text| {
                    $ty::parse(text).ok_or_else(|| unknown_word($what, text, $index().spellings()))
                })
            }
        }
    };
}

code_type!(Language, languages, "language");
code_type!(Country, countries, "country");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_written_with_a_region_or_a_qualifier() {
        for (text, code) in [
            ("English (US)", "en"),
            ("English (UK)", "en"),
            ("en-US", "en"),
            ("pt_BR", "pt"),
            ("Portuguese (Brazil)", "pt"),
            ("Spanish (Native)", "es"),
            ("American English", "en"),
            ("Brazilian Portuguese", "pt"),
            ("Maya Mam", "mam"),
            ("Mayan (Mam)", "mam"),
            ("Kʼicheʼ", "quc"),
            ("Español (nativo)", "es"),
        ] {
            assert_eq!(
                Language::parse(text).map(|l| l.code()),
                Some(code),
                "{text}"
            );
        }
        for text in [
            "English Spanish",
            "English and Portuguese",
            "xx-YY",
            "Klingon (Qo'noS)",
            "()",
            "-",
        ] {
            assert_eq!(Language::parse(text).map(|l| l.code()), None, "{text}");
        }
    }

    #[test]
    fn mayan_languages_by_code_and_name() {
        for (text, code) in [
            ("mam", "mam"),
            ("Mam", "mam"),
            ("quiché", "quc"),
            ("Kaqchikel", "cak"),
            ("Q'eqchi'", "kek"),
        ] {
            assert_eq!(
                Language::parse(text).map(|l| l.code()),
                Some(code),
                "{text}"
            );
        }
    }

    #[test]
    fn unknown_codes_suggest() {
        let err = serde_json::from_str::<Country>("\"Guatemla\"")
            .unwrap_err()
            .to_string();
        assert!(err.contains("did you mean `Guatemala`?"), "{err}");
    }
}
