//! Matching names written by people: normalisation, the alias
//! vocabulary, and the fuzzy comparison with its evidence.
//!
//! Layer 2 of 10 (bottom first; see CONTRIBUTING.md): may use `error` and `text`; it
//! works on text and knows no vacancy or profile. The tables of language
//! and country names are here (`codes`): they are names, and telling
//! "ACNUR México" from "ACNUR" asks whether the words left name a country.
//!
//! # Design
//! No string metric handles translation ("Relaciones Internacionales" and
//! "International Relations" are far apart as strings), so the alias
//! vocabulary is consulted first; short names (acronyms such as CISSP and
//! CISA) must match exactly; and only names of 8+ characters may match
//! fuzzily, at normalised Damerau-Levenshtein ≥ 0.85, which catches typos
//! ("Certifed Scrum Mastr") without confusing neighbours.

pub(crate) mod codes;
mod distance;
pub(crate) use distance::similarity_from;
mod memo;
mod normalize;
mod shape;
mod vocabulary;

pub(crate) use normalize::{has_words, key, normalize};
pub(crate) use vocabulary::Display;
pub use vocabulary::{Category, Vocabulary};
pub(crate) use vocabulary::{FormHasher, NameHasher, RawVocabulary, DEFAULT_CACHE_BYTES};

use serde::Serialize;

use crate::text::Text;

use memo::{Found, ListFound, ListMemo, Memo};
pub(crate) use shape::Shape;

/// Similarity at or above which two long names are the same name.
pub(crate) const FUZZY_THRESHOLD: f64 = 0.85;
/// Similarity at or above which a failed comparison is worth reporting.
pub(crate) const NEAR_MISS_THRESHOLD: f64 = 0.70;
/// Names shorter than this (after normalisation) must match exactly.
const FUZZY_MIN_CHARS: usize = 8;

/// A name from a rule or a profile, normalised once and linked to its
/// vocabulary entry when it has one. Cheap to clone: profiles' terms are
/// shared across candidates (see [`Vocabulary::term`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Term(std::sync::Arc<TermData>);

/// What a [`Term`] holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TermData {
    /// As written.
    pub(crate) text: Text,
    /// Normalised.
    pub(crate) norm: String,
    /// Normalised words, sorted, so word order does not matter; `None`
    /// when they already are (see [`TermData::sorted`]).
    sorted: Option<String>,
    /// Index of the vocabulary entry in the term's category.
    pub(crate) concept: Option<usize>,
    /// How sentences name the entry, when the vocabulary says (rule
    /// names only are shown so: a profile's words are quoted as written).
    pub(crate) display: Option<std::sync::Arc<vocabulary::Display>>,
    /// The category the term was linked in.
    category: Category,
    /// Words, length and character bag of `norm` (and of `sorted`, which
    /// has the same characters).
    pub(crate) shape: Shape,
    /// The items the name lists, normalised, when it lists more than one
    /// (see [`parts`]).
    parts: Vec<String>,
    /// For a profile's term: its comparisons with the vocabulary entries of
    /// its category, as they are made (empty for a rule's term).
    memo: Memo,
    /// For a profile's term: its best match in each of the rule set's
    /// lists of names of its category (empty for a rule's term).
    lists: ListMemo,
    /// The same name linked in another category, once asked for (an
    /// experience domain read as a skill).
    relinked: Relinked,
    /// For a profile's field of study: the accepted names closest to it,
    /// as explanations suggest them (see [`Closest`]).
    pub(crate) closest: Closest,
}

/// [`TermData::closest`]: by list of accepted names (the vocabulary's id
/// of the list) and language, the indices of the names closest to the
/// term, best first. Shared, as the term is, by every profile that writes
/// the same name: a screen compares a recurring field with an accepted
/// list once. A cache, which takes no part in what a name is.
#[derive(Debug, Default)]
pub(crate) struct Closest(std::sync::Mutex<Vec<ClosestOrder>>);

/// A list's id, a language's slot, and the indices of the list's closest
/// names, best first.
type ClosestOrder = (usize, u8, Box<[usize]>);

/// The most lists and languages a term remembers its closest names for:
/// a rule set's lists of accepted fields, in both languages.
const CLOSEST_KEPT: usize = 16;

impl Closest {
    /// What a field's closest names may come to, counted in the term's
    /// cost up front: the most orders kept, of the three names shown.
    const MOST_BYTES: usize =
        CLOSEST_KEPT * (std::mem::size_of::<ClosestOrder>() + 3 * std::mem::size_of::<usize>());

    /// The order kept for `list` in language `lang`, if any.
    pub(crate) fn get(&self, list: usize, lang: u8) -> Option<Vec<usize>> {
        let kept = self.0.lock().ok()?;
        kept.iter()
            .find(|(l, g, _)| *l == list && *g == lang)
            .map(|(_, _, order)| order.to_vec())
    }

    /// Keeps `order` for `list` in language `lang` (up to a few lists).
    pub(crate) fn keep(&self, list: usize, lang: u8, order: &[usize]) {
        if let Ok(mut kept) = self.0.lock() {
            if kept.len() < CLOSEST_KEPT && !kept.iter().any(|(l, g, _)| *l == list && *g == lang) {
                kept.push((list, lang, order.into()));
            }
        }
    }
}

impl Clone for Closest {
    fn clone(&self) -> Closest {
        Closest::default()
    }
}

impl PartialEq for Closest {
    fn eq(&self, _: &Closest) -> bool {
        true
    }
}

/// [`TermData::relinked`]: a cache, which takes no part in what a name is.
#[derive(Debug, Clone, Default)]
struct Relinked(std::sync::OnceLock<Term>);

impl PartialEq for Relinked {
    fn eq(&self, _: &Relinked) -> bool {
        true
    }
}

impl std::ops::Deref for Term {
    type Target = TermData;

    fn deref(&self) -> &TermData {
        &self.0
    }
}

impl Term {
    /// A copy of the term for one thread: the same name and the same
    /// (shared) memos, counted by that thread alone.
    pub(crate) fn private_copy(&self) -> Term {
        Term(std::sync::Arc::new(TermData::clone(&self.0)))
    }

    /// About the bytes the term takes besides its text as written: its
    /// normalised forms, its memos' slots and its fixed fields.
    pub(crate) fn bytes(&self) -> usize {
        self.norm
            .len()
            .saturating_add(self.sorted.as_ref().map_or(0, String::len))
            .saturating_add(self.text.len())
            .saturating_add(self.memo.bytes())
            .saturating_add(self.lists.bytes())
            .saturating_add(if self.category == Category::Field {
                Closest::MOST_BYTES
            } else {
                0
            })
            .saturating_add(std::mem::size_of::<TermData>())
    }

    /// A profile's term, which remembers its comparisons: prepared once per
    /// candidate, it is compared with the same rule names by many
    /// requirements and vacancies. The same name written by another
    /// candidate is the same term.
    pub(crate) fn remembering(text: &str, vocabulary: &Vocabulary, category: Category) -> Term {
        vocabulary.term(category, text)
    }

    /// A new profile's term, with its memo.
    pub(crate) fn linked(text: &str, vocabulary: &Vocabulary, category: Category) -> Term {
        let mut data = TermData::new(text, Text::from(text), vocabulary, category);
        data.memo = vocabulary.memo(category, &data.norm);
        data.lists = ListMemo::new(vocabulary.lists(category));
        Term(std::sync::Arc::new(data))
    }

    /// The same profile's name, linked in another category (an
    /// experience domain read as a skill).
    pub(crate) fn relinked(&self, vocabulary: &Vocabulary, category: Category) -> Term {
        let linked = self
            .relinked
            .0
            .get_or_init(|| vocabulary.term(category, &self.text));
        if linked.category == category {
            linked.clone()
        } else {
            vocabulary.term(category, &self.text)
        }
    }

    /// A rule's term: its words kept with the rule set's others
    /// ([`Text::rule_words`]).
    pub(crate) fn new(text: &str, vocabulary: &Vocabulary, category: Category) -> Term {
        let data = TermData::new(text, Text::rule_words(text), vocabulary, category);
        Term(std::sync::Arc::new(data))
    }
}

impl TermData {
    /// The normalised words, sorted.
    fn sorted(&self) -> &str {
        self.sorted.as_deref().unwrap_or(&self.norm)
    }

    /// The term `text`, its words held as `words` (the same text, kept or
    /// counted).
    fn new(text: &str, words: Text, vocabulary: &Vocabulary, category: Category) -> TermData {
        let norm = normalize(text);
        let concept = vocabulary.concept_of(category, &norm);
        let shape = Shape::new(&norm);
        let sorted = (!norm.split(' ').is_sorted()).then(|| {
            let mut sorted: Vec<&str> = norm.split(' ').collect();
            sorted.sort_unstable();
            sorted.join(" ")
        });
        TermData {
            display: vocabulary.display(category, concept),
            parts: parts(text),
            text: words,
            sorted,
            norm,
            concept,
            category,
            shape,
            memo: Memo::default(),
            lists: ListMemo::default(),
            relinked: Relinked::default(),
            closest: Closest::default(),
        }
    }
}

/// A rule's list of names ("any of these"), with its id among the rule
/// set's lists of its category, by which a profile name remembers its
/// best match in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Names {
    terms: Vec<Term>,
    list: Option<usize>,
}

impl Names {
    /// The terms, registered as a list of `category`.
    pub(crate) fn new(terms: Vec<Term>, vocabulary: &Vocabulary, category: Category) -> Names {
        let norms = terms.iter().map(|t| t.norm.clone()).collect();
        let list = vocabulary.list(category, norms);
        Names { terms, list }
    }

    /// The list's id among the rule set's lists of its category.
    pub(crate) fn list(&self) -> Option<usize> {
        self.list
    }
}

impl std::ops::Deref for Names {
    type Target = [Term];

    fn deref(&self) -> &[Term] {
        &self.terms
    }
}

/// How a name in a profile matched a name in a rule.
///
/// # Example
/// ```
/// use vacancy_match::MatchKind;
/// assert_eq!(serde_json::to_string(&MatchKind::Alias).unwrap(), "\"alias\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MatchKind {
    /// Equal after normalisation (case, accents, punctuation, plurals).
    Exact,
    /// Both names are entries of one vocabulary item (e.g. a translation).
    Alias,
    /// One of the items the profile's name lists is the rule's name
    /// ("Pedagogía y Administración Educativa" lists "Pedagogía"), or the
    /// profile's name is the rule's with only generic words around it
    /// ("Licenciatura en Derecho").
    Contains,
    /// Close enough to be a typo of the rule's name.
    Fuzzy,
    /// Close, but below the threshold: reported, not counted.
    NearMiss,
    /// The profile's name contains the rule's name inside a longer,
    /// different name ("Law Enforcement" contains "Law", "UNHCR
    /// Guatemala" contains "UNHCR"): reported as a near miss, never
    /// counted. A name that negates the rule's ("Not UNHCR", "ex-UNHCR",
    /// "non-governmental") is no match at all.
    Partial,
}

/// Evidence that a profile's name matched (or nearly matched) a rule's.
///
/// # Example
/// ```
/// use vacancy_match::{MatchKind, NameMatch};
/// let m: NameMatch = serde_json::from_str(
///     r#"{ "wanted": "Law", "found": "Derecho", "how": "alias", "similarity": 1.0 }"#,
/// )?;
/// assert_eq!(m.how, MatchKind::Alias);
/// assert_eq!(m.to_string(), "\"Derecho\" = \"Law\" (alias)");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct NameMatch {
    /// The rule's name.
    pub wanted: Text,
    /// The profile's name.
    pub found: Text,
    /// How they matched.
    pub how: MatchKind,
    /// Similarity in 0–1 (1 for exact, alias and contains).
    pub similarity: f64,
}

impl NameMatch {
    /// Whether this match counts (a near miss does not).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::NameMatch;
    /// let m: NameMatch = serde_json::from_str(
    ///     r#"{ "wanted": "a", "found": "b", "how": "near_miss", "similarity": 0.8 }"#,
    /// )?;
    /// assert!(!m.counts());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn counts(&self) -> bool {
        self.how.counts()
    }
}

impl MatchKind {
    /// How strong the evidence of a match of this kind is, for choosing
    /// which match to report: exact, then alias, contains, fuzzy, and a
    /// near miss (which does not count) last.
    pub(crate) fn strength(self) -> u8 {
        match self {
            MatchKind::Exact => 5,
            MatchKind::Alias => 4,
            MatchKind::Contains => 3,
            MatchKind::Fuzzy => 2,
            MatchKind::Partial => 1,
            MatchKind::NearMiss => 0,
        }
    }

    /// Whether a match of this kind counts: a near miss and a partial
    /// name do not.
    pub(crate) fn counts(self) -> bool {
        !matches!(self, MatchKind::NearMiss | MatchKind::Partial)
    }
}

impl std::fmt::Display for NameMatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.how {
            MatchKind::Exact => write!(f, "\"{}\" = \"{}\"", self.found, self.wanted),
            MatchKind::Alias => write!(f, "\"{}\" = \"{}\" (alias)", self.found, self.wanted),
            MatchKind::Contains => write!(f, "\"{}\" covers \"{}\"", self.found, self.wanted),
            MatchKind::Fuzzy => write!(
                f,
                "\"{}\" ≈ \"{}\" (similarity {:.2})",
                self.found, self.wanted, self.similarity
            ),
            MatchKind::NearMiss => write!(
                f,
                "\"{}\" is close to \"{}\" (similarity {:.2}, below {FUZZY_THRESHOLD})",
                self.found, self.wanted, self.similarity
            ),
            MatchKind::Partial => write!(
                f,
                "\"{}\" contains \"{}\" but is another name",
                self.found, self.wanted
            ),
        }
    }
}

/// How a profile's term matched a rule's: the result of a comparison
/// before its evidence is written out.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Hit {
    how: MatchKind,
    /// The similarity in hundredths.
    hundredths: u8,
}

impl Hit {
    fn evidence<'a>(self, wanted: &'a Term, found: &'a Term) -> Matched<'a> {
        Matched {
            wanted,
            found,
            how: self.how,
            hundredths: self.hundredths,
        }
    }
}

/// A name comparison as an evaluation records it: the names borrowed from
/// the rule and the profile, written out as a [`NameMatch`] only when a
/// finding is explained. Small (three words), as findings hold many.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Matched<'a> {
    wanted: &'a TermData,
    found: &'a TermData,
    pub(crate) how: MatchKind,
    /// The similarity in hundredths: every similarity is reported rounded
    /// to two decimals.
    hundredths: u8,
}

impl<'a> Matched<'a> {
    /// The rule's name, as written.
    pub(crate) fn wanted(&self) -> &'a str {
        &self.wanted.text
    }

    /// The rule's name as sentences of a language name it: the
    /// vocabulary's display forms.
    pub(crate) fn wanted_display(&self) -> Option<&'a vocabulary::Display> {
        self.wanted.display.as_deref()
    }

    /// The profile's name, as written.
    pub(crate) fn found(&self) -> &'a str {
        &self.found.text
    }

    /// [`Matched::found`], as the shared text.
    pub(crate) fn found_text(&self) -> Text {
        self.found.text.clone()
    }

    /// How similar the names are, 0–1, two decimals.
    pub(crate) fn similarity(&self) -> f64 {
        // The value `(x * 100).round() / 100` gives for the similarity x
        // measured: the same division of the same whole number.
        f64::from(self.hundredths) / 100.0
    }

    /// [`Matched::similarity`] in hundredths.
    pub(crate) fn hundredths(&self) -> u8 {
        self.hundredths
    }

    /// Whether this match counts (a near miss does not).
    pub(crate) fn counts(&self) -> bool {
        self.how.counts()
    }

    /// The comparison as evidence in a finding.
    pub(crate) fn evidence(&self) -> NameMatch {
        NameMatch {
            wanted: self.wanted.text.clone(),
            found: self.found.text.clone(),
            how: self.how,
            similarity: self.similarity(),
        }
    }
}

/// Two comparisons are the same when they name the same names the same way.
impl PartialEq for Matched<'_> {
    fn eq(&self, other: &Matched<'_>) -> bool {
        self.wanted() == other.wanted()
            && self.found() == other.found()
            && self.how == other.how
            && self.hundredths == other.hundredths
    }
}

/// Compares a rule's term with a profile's term of the same category.
/// Returns the match, a near miss, or `None`.
#[cfg(test)]
pub(crate) fn compare(
    wanted: &Term,
    found: &Term,
    vocabulary: &Vocabulary,
    category: Category,
) -> Option<NameMatch> {
    hit(wanted, found, vocabulary, category).map(|h| h.evidence(wanted, found).evidence())
}

/// The comparison itself: equal names, then aliases, then containment,
/// then the fuzzy metric on names of 8+ bytes.
fn hit(wanted: &Term, found: &Term, vocabulary: &Vocabulary, category: Category) -> Option<Hit> {
    // Equal names are the same entry's: the entries are compared first,
    // as numbers, and the names only when they may be equal.
    let same_entry = wanted.concept.is_some() && wanted.concept == found.concept;
    let equal = || wanted.norm == found.norm || wanted.sorted() == found.sorted();
    if (same_entry || wanted.norm.len() == found.norm.len()) && equal() {
        return Some(Hit {
            how: MatchKind::Exact,
            hundredths: 100,
        });
    }
    if same_entry {
        return Some(Hit {
            how: MatchKind::Alias,
            hundredths: 100,
        });
    }
    let by_forms = || by_forms(wanted, vocabulary.forms(category, wanted.concept), found);
    let found = match wanted.concept {
        // A name in the vocabulary is one of its entry's forms, so what
        // remains to find depends on the entry alone (see `memo`).
        Some(entry) if wanted.category == category && found.category == category => {
            found.memo.get_or(entry, by_forms)
        }
        _ => by_forms(),
    };
    found.map(|(how, hundredths)| Hit { how, hundredths })
}

/// Containment, a fuzzy match or a near miss of `found` by the rule's
/// name or any form of its vocabulary entry.
fn by_forms(wanted: &Term, forms: &[vocabulary::Form], found: &Term) -> Found {
    let contains = |norm: &str, shape: &Shape| {
        norm.len() >= 3 && shape.words_within(norm, &found.shape, &found.norm)
    };
    // A name in the vocabulary is one of `forms`: it is not tried twice.
    let own = !forms.iter().any(|f| f.norm == wanted.norm);
    let mut names = own
        .then_some((wanted.norm.as_str(), &wanted.shape))
        .into_iter()
        .chain(forms.iter().map(|f| (f.norm.as_str(), &f.shape)));
    if let Some((norm, _)) = names.find(|(norm, shape)| contains(norm, shape)) {
        // Containment alone is no match: the name must be one of the items
        // the profile's name lists, or stand with generic words only.
        let whole = |norm: &str| found.parts.iter().any(|p| p == norm);
        let named = (own && whole(&wanted.norm)) || forms.iter().any(|f| whole(&f.norm));
        if named || only_generic_around(norm, &found.norm) {
            return Some((MatchKind::Contains, 100));
        }
        if negates(&found.norm, norm) {
            return None;
        }
        let share = norm
            .len()
            .saturating_mul(100)
            .checked_div(found.norm.len())
            .unwrap_or(100);
        return Some((
            MatchKind::Partial,
            u8::try_from(share.min(100)).unwrap_or(100),
        ));
    }
    let mut best = 0.0_f64;
    let mut consider = |form: &str, shape: &Shape| {
        // A pair whose bound is below the near-miss threshold cannot be
        // reported, so the metric is not run (see `shape`).
        if form.len() >= FUZZY_MIN_CHARS
            && found.norm.len() >= FUZZY_MIN_CHARS
            && shape.may_reach(&found.shape, NEAR_MISS_THRESHOLD)
            && !negates(&found.norm, form)
        {
            // Below the threshold, the value does not matter (`distance`).
            let similarity = |name| distance::similarity_from(form, name, NEAR_MISS_THRESHOLD);
            best = best.max(similarity(&found.norm));
            if let Some(sorted) = &found.sorted {
                best = best.max(similarity(sorted));
            }
        }
    };
    if own {
        consider(&wanted.norm, &wanted.shape);
    }
    forms.iter().for_each(|f| consider(&f.norm, &f.shape));
    // Similarities are reported to two decimals.
    let hundredths = (best * 100.0).round().clamp(0.0, 100.0) as u8;
    if best >= FUZZY_THRESHOLD {
        Some((MatchKind::Fuzzy, hundredths))
    } else if best >= NEAR_MISS_THRESHOLD {
        Some((MatchKind::NearMiss, hundredths))
    } else {
        None
    }
}

/// Words that turn a name into its negation or its past: "Not UNHCR",
/// "ex-ACNUR", "former staff", "non-governmental", "sin experiencia".
const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "non",
    "ex",
    "former",
    "formerly",
    "previous",
    "previously",
    "past",
    "without",
    "sin",
    "ningun",
    "ninguna",
    "ninguno",
    "nunca",
    "never",
    "antiguo",
    "antigua",
    "anterior",
];

/// Words a name may carry around a field or an organization without
/// naming another one: degree titles and their articles.
const GENERIC: &[&str] = &[
    "licenciatura",
    "licenciado",
    "licenciada",
    "bachelor",
    "bachelors",
    "ba",
    "bsc",
    "ma",
    "msc",
    "llb",
    "llm",
    "master",
    "masters",
    "maestria",
    "magister",
    "doctorado",
    "doctorate",
    "phd",
    "degree",
    "grado",
    "titulo",
    "diploma",
    "diplomado",
    "programa",
    "program",
    "programme",
    "carrera",
    "studie",
    "study",
    "estudio",
];

/// Whether `found` adds to `wanted` (both normalised) a word that negates
/// it or puts it in the past.
fn negates(found: &str, wanted: &str) -> bool {
    found
        .split(' ')
        .any(|w| NEGATIONS.contains(&w) && !wanted.split(' ').any(|x| x == w))
}

/// Words an organization's name may carry without naming another
/// organization: its offices ("ACNUR Oficina de País").
const OFFICES: &[&str] = &[
    "office",
    "oficina",
    "country",
    "pai",
    "pais",
    "sub",
    "suboficina",
    "field",
    "terreno",
    "regional",
    "bureau",
    "representation",
    "representacion",
    "headquarter",
    "sede",
    "operation",
    "operacion",
    "mission",
    "mision",
];

/// Whether every word of `found` that is not in `wanted` (both
/// normalised) is a generic degree or office word, or the words left
/// name a country ("Licenciatura en Derecho", "ACNUR México").
fn only_generic_around(wanted: &str, found: &str) -> bool {
    let extra: Vec<&str> = found
        .split(' ')
        .filter(|w| !wanted.split(' ').any(|x| x == *w))
        .filter(|w| !GENERIC.contains(w) && !OFFICES.contains(w))
        .collect();
    // A country by its name, not its two-letter code ("no" is Norway's).
    let rest = extra.join(" ");
    extra.is_empty() || (rest.len() > 3 && codes::countries().find(&rest).is_some())
}

/// The items a name lists, each normalised ("Humanidades y Ciencias
/// Sociales" lists "humanidad" and "ciencia social"); empty for a name
/// that lists one thing.
fn parts(text: &str) -> Vec<String> {
    const SEPARATORS: &[char] = &[',', ';', '/', '&', '+', '|', '\n'];
    let mut parts: Vec<String> = Vec::new();
    for piece in text.split(SEPARATORS) {
        let mut rest = piece;
        loop {
            let lower = rest.to_lowercase();
            let at = [" and ", " y ", " e "]
                .iter()
                .filter_map(|c| lower.find(c).map(|i| (i, c.len())))
                .min();
            match at {
                // Lowercasing keeps the byte offsets of ASCII separators
                // only when nothing before them changed length.
                Some((i, len)) if lower.len() == rest.len() && rest.is_char_boundary(i) => {
                    parts.push(normalize(&rest[..i]));
                    rest = rest.get(i.saturating_add(len)..).unwrap_or("");
                }
                _ => {
                    parts.push(normalize(rest));
                    break;
                }
            }
        }
    }
    parts.retain(|p| !p.is_empty());
    if parts.len() < 2 {
        parts.clear();
    }
    parts
}

/// The best match of any of `found` against any of `wanted`: the strongest
/// kind of match first (exact, alias, contains, fuzzy, near miss), then the
/// most similar, then the profile's name first in alphabetical order (so
/// the result does not depend on the order of the profile's list); ties
/// keep the earlier pair (by the rule's names, then the profile's). So
/// "Ciencias Jurídicas y Sociales" is reported as the alias of Law that it
/// is, not as a name that happens to contain "Sociales".
///
/// Each profile name's best match in the list is remembered by the name
/// (a profile's names are shared across candidates): a requirement costs
/// one look-up per profile name once the names have been seen.
pub(crate) fn best_match<'a>(
    wanted: &'a Names,
    found: impl Iterator<Item = (usize, &'a Term)>,
    vocabulary: &Vocabulary,
    category: Category,
) -> Option<(usize, Matched<'a>)> {
    let (index, f, pick) = best_pick(wanted, found, vocabulary, category)?;
    pick.matched(wanted, f).map(|m| (index, m))
}

/// [`best_match`] as positions: the index of the profile's name (as
/// `found` gives it), the name, and the [`Pick`].
pub(crate) fn best_pick<'a>(
    wanted: &Names,
    found: impl Iterator<Item = (usize, &'a Term)>,
    vocabulary: &Vocabulary,
    category: Category,
) -> Option<(usize, &'a Term, Pick)> {
    // (rule name, position in `found`, index, profile term, comparison)
    let mut best: Option<(usize, usize, usize, &Term, Hit)> = None;
    for (position, (index, f)) in found.enumerate() {
        let Some((w, how, hundredths)) = best_in_list(wanted, f, vocabulary, category) else {
            continue;
        };
        let h = Hit { how, hundredths };
        let better = match &best {
            None => true,
            Some((bw, bposition, _, bf, b)) => h
                .how
                .strength()
                .cmp(&b.how.strength())
                .then(h.hundredths.cmp(&b.hundredths))
                .then_with(|| bf.text.cmp(&f.text))
                .then_with(|| (*bw, *bposition).cmp(&(w, position)))
                .is_gt(),
        };
        if better {
            best = Some((w, position, index, f, h));
        }
    }
    best.map(|(w, _, index, f, hit)| (index, f, Pick { wanted: w, hit }))
}

/// A match kept without its names: which of a rule's names matched, and
/// how. Small and `'static`, so a prepared candidate can remember it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pick {
    /// The index of the rule's name in its list.
    wanted: usize,
    hit: Hit,
}

impl Pick {
    /// Whether the match counts (a near miss does not).
    pub(crate) fn counts(self) -> bool {
        self.hit.how.counts()
    }

    /// The match, with the rule's names and the profile's name it was made
    /// of.
    pub(crate) fn matched<'a>(self, wanted: &'a Names, found: &'a Term) -> Option<Matched<'a>> {
        wanted.get(self.wanted).map(|w| self.hit.evidence(w, found))
    }
}

/// Whether any of `found` matches any of `wanted` in a way that counts:
/// the same as whether [`best_match`]'s match counts (a partial name and a
/// near miss, the kinds that do not, are also the weakest), found without
/// choosing the best.
pub(crate) fn any_counts<'a>(
    wanted: &Names,
    found: impl IntoIterator<Item = &'a Term>,
    vocabulary: &Vocabulary,
    category: Category,
) -> bool {
    found.into_iter().any(|f| {
        best_in_list(wanted, f, vocabulary, category).is_some_and(|(_, how, _)| how.counts())
    })
}

/// A profile name's best match among a rule's names: the index of the
/// rule's name, and the comparison; the earlier name on ties.
#[inline]
fn best_in_list(
    wanted: &Names,
    found: &Term,
    vocabulary: &Vocabulary,
    category: Category,
) -> ListFound {
    let list = wanted.list.filter(|_| found.category == category);
    match list.and_then(|list| found.lists.get(list)) {
        Some(known) => known,
        None => compare_list(wanted, found, vocabulary, category, list),
    }
}

/// [`best_in_list`] when not remembered: each of the rule's names compared,
/// the result remembered for the list `list`.
#[cold]
#[inline(never)]
fn compare_list(
    wanted: &Names,
    found: &Term,
    vocabulary: &Vocabulary,
    category: Category,
    list: Option<usize>,
) -> ListFound {
    let mut best: ListFound = None;
    for (w, term) in wanted.iter().enumerate() {
        if let Some(h) = hit(term, found, vocabulary, category) {
            let better = best.is_none_or(|(_, how, hundredths)| {
                h.how
                    .strength()
                    .cmp(&how.strength())
                    .then(h.hundredths.cmp(&hundredths))
                    .is_gt()
            });
            if better {
                best = Some((w, h.how, h.hundredths));
            }
        }
    }
    if let Some(list) = list {
        found.lists.set(list, best);
    }
    best
}

/// Whether match `a` is better evidence than match `b`: a stronger kind,
/// else more similar, else (for a deterministic choice among equals) the
/// profile's name that sorts first.
pub(crate) fn stronger(a: &Matched<'_>, b: &Matched<'_>) -> bool {
    a.how
        .strength()
        .cmp(&b.how.strength())
        .then(a.hundredths.cmp(&b.hundredths))
        .then_with(|| b.found().cmp(a.found()))
        .is_gt()
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The valid word closest to `word`, if any is close enough to suggest.
pub(crate) fn closest<'a>(word: &str, valid: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    // A typo is made in a word, not in a page: longer text is not looked
    // up, so that the cost of a suggestion is bounded.
    const LONGEST: usize = 80;
    if word.len() > LONGEST {
        return None;
    }
    let key = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in valid {
        let lower = candidate.to_lowercase();
        let score = strsim::normalized_damerau_levenshtein(&key, &lower)
            .max(strsim::jaro_winkler(&key, &lower) - 0.1);
        if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        Vocabulary::from_yaml_str(
            "fields:\n  - name: International Relations\n    aliases: [Relaciones Internacionales]\n  - name: Law\n    aliases: [Derecho, Ciencias Jurídicas y Sociales]\ncertifications:\n  - name: CISSP\n    aliases: []\n",
        )
        .unwrap()
    }

    fn term(v: &Vocabulary, c: Category, s: &str) -> Term {
        Term::new(s, v, c)
    }

    #[test]
    fn alias_beats_translation_distance() {
        let v = vocab();
        let m = compare(
            &term(&v, Category::Field, "International Relations"),
            &term(&v, Category::Field, "RELACIONES INTERNACIONALES"),
            &v,
            Category::Field,
        )
        .unwrap();
        assert_eq!(m.how, MatchKind::Alias);
    }

    #[test]
    fn acronyms_must_match_exactly() {
        let v = vocab();
        let m = compare(
            &term(&v, Category::Certification, "CISSP"),
            &term(&v, Category::Certification, "CISA"),
            &v,
            Category::Certification,
        );
        assert!(m.is_none());
    }

    #[test]
    fn typos_in_long_names_match_fuzzily() {
        let v = vocab();
        let m = compare(
            &term(&v, Category::Certification, "Certified Scrum Master"),
            &term(&v, Category::Certification, "Certifed Scrum Mastr"),
            &v,
            Category::Certification,
        )
        .unwrap();
        assert_eq!(m.how, MatchKind::Fuzzy);
        assert!(m.similarity >= FUZZY_THRESHOLD);
    }

    #[test]
    fn industrial_relations_is_not_international_relations() {
        let v = vocab();
        let m = compare(
            &term(&v, Category::Field, "International Relations"),
            &term(&v, Category::Field, "Industrial Relations"),
            &v,
            Category::Field,
        );
        assert!(m.as_ref().is_none_or(|m| !m.counts()), "{m:?}");
    }

    fn field(v: &Vocabulary, wanted: &str, found: &str) -> Option<NameMatch> {
        compare(
            &term(v, Category::Field, wanted),
            &term(v, Category::Field, found),
            v,
            Category::Field,
        )
    }

    #[test]
    fn a_longer_name_that_contains_the_field_is_partial() {
        let v = vocab();
        for found in ["Law Enforcement", "Derecho Internacional Humanitario"] {
            let m = field(&v, "Law", found).unwrap();
            assert_eq!(m.how, MatchKind::Partial, "{found}");
            assert!(!m.counts());
            assert_eq!(
                m.to_string(),
                format!("\"{found}\" contains \"Law\" but is another name")
            );
        }
    }

    #[test]
    fn a_listed_item_or_generic_words_contain_the_field() {
        let v = vocab();
        for found in [
            "Derecho y Ciencias Sociales",
            "Economics, Law",
            "Licenciatura en Derecho",
            "Bachelor of Laws",
            "Relaciones Internacionales / Economía",
        ] {
            let wanted = if found.contains("Relaciones") {
                "International Relations"
            } else {
                "Law"
            };
            let m = field(&v, wanted, found).unwrap();
            assert_eq!(m.how, MatchKind::Contains, "{found}");
            assert!(m.counts());
        }
    }

    #[test]
    fn negations_never_match() {
        let v = vocab();
        for found in [
            "Not International Relations",
            "non-International Relations",
            "ex International Relations",
            "former International Relations",
            "sin Relaciones Internacionales",
        ] {
            let m = field(&v, "International Relations", found);
            assert!(m.as_ref().is_none_or(|m| !m.counts()), "{found}: {m:?}");
        }
    }

    #[test]
    fn suggestions() {
        let fields = ["languages", "education", "experience"];
        assert_eq!(
            closest("langauges", fields.iter().copied()),
            Some("languages")
        );
        assert_eq!(closest("zzz", fields.iter().copied()), None);
    }
}
