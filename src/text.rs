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
/// Words the crate keeps for the whole process (an evidence item's path,
/// such as `experience[2]`, and a rule set's ids, labels and names, within
/// a budget) are held without a count at all; a profile's words are
/// always counted.
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
#[derive(Clone)]
pub struct Text(Repr);

/// Where a [`Text`]'s words are: shared and counted, or kept for the whole
/// process. Both fit in two words, as the counted form alone does.
#[derive(Clone)]
enum Repr {
    Shared(Arc<str>),
    Kept(&'static &'static str),
}

/// The empty text, kept.
static EMPTY: &str = "";

/// The most bytes of rule-set words kept for the process
/// ([`Text::rule_words`]): the bundled rule set keeps under 20 KB of them,
/// in both languages.
pub(crate) const RULE_WORDS_BUDGET: usize = 4 << 20;

/// The rule-set words kept so far, and their bytes.
#[derive(Default)]
struct RuleWords {
    words: std::collections::HashMap<&'static str, &'static &'static str>,
    bytes: usize,
}

impl RuleWords {
    /// `words`, kept: the copy kept before, or a new one while the bytes
    /// kept stay within `budget`.
    fn keep(&mut self, words: &str, budget: usize) -> Option<&'static &'static str> {
        if let Some(&kept) = self.words.get(words) {
            return Some(kept);
        }
        let bytes = self.bytes.saturating_add(words.len());
        if bytes > budget {
            return None;
        }
        self.bytes = bytes;
        let kept: &'static &'static str = Box::leak(Box::new(&*String::from(words).leak()));
        self.words.insert(kept, kept);
        Some(kept)
    }
}

impl Text {
    /// A text kept for the whole process: copying it counts nothing.
    pub(crate) fn kept(text: &'static &'static str) -> Text {
        Text(Repr::Kept(text))
    }

    /// Words a rule set gives (ids, labels, what a requirement asks), kept
    /// for the whole process once per distinct words, so that every
    /// assessment copies them without counting, and a rule set loaded
    /// again finds its words kept. Words past [`RULE_WORDS_BUDGET`] bytes
    /// in all (rule sets with ever new words) are shared and counted, as
    /// any other text.
    pub(crate) fn rule_words(words: &str) -> Text {
        static KEPT: std::sync::OnceLock<std::sync::Mutex<RuleWords>> = std::sync::OnceLock::new();
        let kept = KEPT
            .get_or_init(Default::default)
            .lock()
            .ok()
            .and_then(|mut kept| kept.keep(words, RULE_WORDS_BUDGET));
        kept.map_or_else(|| Text::from(words), Text::kept)
    }

    /// The text as a `&str`.
    ///
    /// # Example
    /// ```
    /// let item = vacancy_match::Text::from("experience[0]");
    /// assert!(item.as_str().starts_with("experience"));
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Shared(text) => text,
            Repr::Kept(text) => text,
        }
    }
}

impl Default for Text {
    fn default() -> Text {
        Text::kept(&EMPTY)
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

// Compared, ordered and hashed as its words, wherever they are kept.
impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Text) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Text {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Repr::Shared(Arc::from(text)))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text(Repr::Shared(Arc::from(text.as_str())))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Repr::Shared(Arc::from(text)))
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        String::from(text.as_str())
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Text::from(&*text))
    }
}

/// Whether `c` must not reach a terminal as it is: C0 and C1 control
/// characters (line breaks and tabs too: a value is one item of a line),
/// bidirectional formatting, zero-width characters, line and paragraph
/// separators and the byte-order mark.
pub(crate) fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
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
        static KEPT: &str = "a";
        let kept = Text::kept(&KEPT);
        assert_eq!(kept, a);
        assert_eq!(kept.cmp(&b), a.cmp(&b));
        let hash = |t: &Text| {
            use std::hash::{BuildHasher, BuildHasherDefault};
            BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(t)
        };
        assert_eq!(hash(&kept), hash(&a));
        assert_eq!(std::mem::size_of::<Text>(), 16);
    }

    #[test]
    fn keeps_rule_words_once_within_the_budget() {
        let mut kept = super::RuleWords::default();
        let first = kept.keep("Education", 16);
        let again = kept.keep(&String::from("Education"), 16);
        assert!(matches!((first, again), (Some(a), Some(b)) if std::ptr::eq(a, b)));
        assert_eq!(kept.keep("Languages", 16), None, "9 + 9 bytes is past 16");
        assert_eq!(kept.keep("English", 16).copied(), Some("English"));
        assert_eq!(kept.bytes, 16);
        let shared = Text::rule_words("a requirement's label");
        assert_eq!(shared, "a requirement's label");
        assert_eq!(Text::rule_words("a requirement's label"), shared);
    }

    #[test]
    fn reads_back_what_it_writes() {
        let t = Text::from("Ciencias Jurídicas \"y\" Sociales");
        let json = serde_json::to_string(&t).unwrap_or_default();
        let back: Text = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, t);
    }
}
