//! [`Text`]: a piece of output text that many outputs share.
//!
//! Layer 1 of 10 (bottom first; see CONTRIBUTING.md): uses no other module
//! of the crate.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// Text that outputs share: a requirement's id and label, a vacancy's
/// title, an evidence item's path, a name as the rule or the profile
/// writes it.
///
/// The same words appear in every assessment of a vacancy (its title, each
/// requirement's label and what it asks) and in every finding that cites a
/// part of a profile: a `Text` is written once and every output that shows
/// it holds the same copy, so cloning one costs no allocation. It reads as
/// a `&str` (through `Deref`), compares with `str`, `&str` and `String`,
/// and serialises as a plain string.
///
/// # Example
/// ```
/// use vacancy_match::Text;
/// let label = Text::from("Education");
/// let copy = label.clone();
/// assert_eq!(copy, "Education");
/// assert_eq!(copy.len(), 9);
/// assert_eq!(serde_json::to_string(&copy).unwrap(), "\"Education\"");
/// let owned: String = copy.into();
/// assert_eq!(owned, "Education");
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<str>);

impl Text {
    /// The text as a `&str`.
    ///
    /// # Example
    /// ```
    /// let item = vacancy_match::Text::from("experience[0]");
    /// assert!(item.as_str().starts_with("experience"));
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::from("")
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Arc::from(text))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text(Arc::from(text.as_str()))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Arc::from(text))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        String::from(&*text.0)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Text::from(&*text))
    }
}

#[cfg(test)]
mod tests {
    use super::Text;

    #[test]
    fn compares_and_orders_as_its_str() {
        let a = Text::from("a");
        let b = Text::from(String::from("b"));
        assert!(a < b);
        assert_eq!(a, "a");
        assert_eq!("a", a);
        assert_eq!(String::from("b"), b);
        assert_eq!(format!("{a}|{a:?}"), "a|\"a\"");
        assert_eq!(Text::default(), "");
    }

    #[test]
    fn reads_back_what_it_writes() {
        let t = Text::from("Ciencias Jurídicas \"y\" Sociales");
        let json = serde_json::to_string(&t).unwrap_or_default();
        let back: Text = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, t);
    }
}
