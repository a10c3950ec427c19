//! Reading vocabulary files: YAML text into a [`Vocabulary`], with every
//! problem located. The vocabulary itself (entries, aliases, matching)
//! is `matching`'s.

use super::{locate, InputFormat, Limits};
use crate::error::Error;
use crate::matching::{RawVocabulary, Vocabulary};

impl Vocabulary {
    /// Parses a vocabulary from YAML text.
    ///
    /// # Errors
    /// Malformed YAML, unknown fields, empty names, or one alias under
    /// two entries of the same category.
    ///
    /// # Example
    /// ```
    /// let err = vacancy_match::Vocabulary::from_yaml_str("fields:\n  - name: Law\n    aliases: [Derecho]\n  - name: Legal Studies\n    aliases: [derecho]\n").unwrap_err();
    /// assert!(err.to_string().contains("`derecho` is already an alias of `Law`"));
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<Vocabulary, Error> {
        let raw: RawVocabulary = super::parse(text, InputFormat::Yaml, &Limits::default())?;
        let mut vocabulary = Vocabulary::default();
        vocabulary.add(&raw, text, None, locate)?;
        Ok(vocabulary)
    }

    /// This vocabulary extended by a rules folder's `vocabulary.yaml`:
    /// its new entries are added, the aliases of an entry with the name of
    /// a known entry are merged into it, and a name or alias that would
    /// belong to two entries is an error naming both places.
    /// A file that starts with `replace: true` replaces this vocabulary
    /// instead. `file` names the file in messages.
    ///
    /// # Errors
    /// As [`Vocabulary::from_yaml_str`], and a name already under another
    /// entry of this vocabulary.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Category, Vocabulary};
    /// let local = "domains:\n  - name: land rights\n    aliases: [derechos sobre la tierra]\n";
    /// let v = Vocabulary::bundled().extended(local, "rules/vocabulary.yaml")?;
    /// assert_eq!(v.canonical(Category::Domain, "Derechos sobre la tierra"), Some("land rights"));
    /// assert_eq!(v.canonical(Category::Domain, "protección internacional"), Some("refugee protection"));
    /// let own = Vocabulary::bundled().extended(&format!("replace: true\n{local}"), "own.yaml")?;
    /// assert_eq!(own.canonical(Category::Domain, "protección internacional"), None);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn extended(&self, text: &str, file: &str) -> Result<Vocabulary, Error> {
        let raw: RawVocabulary = super::parse(text, InputFormat::Yaml, &Limits::default())?;
        let mut vocabulary = self.base(raw.replace);
        vocabulary.add(&raw, text, Some(file), locate)?;
        Ok(vocabulary)
    }
}
