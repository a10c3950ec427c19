//! The alias vocabulary: names in English and Spanish that mean the same
//! field, domain, certification, skill or organization.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Deserialize;

use super::normalize;
use super::shape::Shape;
use crate::error::{Error, ErrorKind, Location};

/// What kind of name a vocabulary entry is.
///
/// # Example
/// ```
/// use vacancy_match::{Category, Vocabulary};
/// let v = Vocabulary::bundled();
/// assert_eq!(v.canonical(Category::Field, "Relaciones Internacionales"), Some("International Relations"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Fields of study.
    Field,
    /// Experience domains.
    Domain,
    /// Certifications and trainings.
    Certification,
    /// Skills.
    Skill,
    /// Organizations (for internal-only postings).
    Organization,
}

impl Category {
    const ALL: [Category; 5] = [
        Category::Field,
        Category::Domain,
        Category::Certification,
        Category::Skill,
        Category::Organization,
    ];

    /// One item of the category, for messages: "field", "domain"...
    pub(crate) fn singular(self) -> &'static str {
        match self {
            Category::Field => "field",
            Category::Domain => "domain",
            Category::Certification => "certification",
            Category::Skill => "skill",
            Category::Organization => "organization",
        }
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            Category::Field => "fields",
            Category::Domain => "domains",
            Category::Certification => "certifications",
            Category::Skill => "skills",
            Category::Organization => "organizations",
        }
    }
}

/// Finds a field path (`fields[2].aliases[0]`) in a file's text: its line
/// and column. The loader provides it; matching reads no files.
pub(crate) type Locate = fn(&str, &str) -> Option<(usize, usize)>;

/// A vocabulary file as written; `load` reads it.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawVocabulary {
    /// A rules folder's file replaces the bundled vocabulary instead of
    /// extending it.
    #[serde(default)]
    pub(crate) replace: bool,
    #[serde(default)]
    fields: Vec<RawEntry>,
    #[serde(default)]
    domains: Vec<RawEntry>,
    #[serde(default)]
    certifications: Vec<RawEntry>,
    #[serde(default)]
    skills: Vec<RawEntry>,
    #[serde(default)]
    organizations: Vec<RawEntry>,
    /// Declarations rule files ask for: only their display names.
    #[serde(default)]
    attestations: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// How sentences of each language name the entry.
    #[serde(default)]
    display: Option<RawDisplay>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisplay {
    #[serde(default)]
    en: Option<String>,
    #[serde(default)]
    es: Option<String>,
}

/// How sentences in English and in Spanish name a vocabulary entry; a
/// language left out keeps the name as the rule file writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Display {
    pub(crate) en: Option<String>,
    pub(crate) es: Option<String>,
}

impl Display {
    /// Merges `raw` in: a language it gives replaces this one's.
    fn take(&mut self, raw: Option<&RawDisplay>) {
        let Some(raw) = raw else { return };
        let keep = |t: &Option<String>| t.as_ref().filter(|t| !t.trim().is_empty()).cloned();
        if let Some(en) = keep(&raw.en) {
            self.en = Some(en);
        }
        if let Some(es) = keep(&raw.es) {
            self.es = Some(es);
        }
    }
}

#[derive(Debug, Clone, Default)]
struct Concept {
    name: String,
    /// How sentences name it, shared by the terms linked to it.
    display: Option<std::sync::Arc<Display>>,
    /// Normalised name and aliases.
    forms: Vec<Form>,
    /// Where each of `forms` was written, for errors about a name
    /// written twice.
    origins: Vec<Location>,
}

/// A normalised name or alias of a vocabulary entry, with the features
/// comparisons use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Form {
    pub(crate) norm: String,
    pub(crate) shape: Shape,
}

#[derive(Debug, Clone, Default)]
struct Index {
    concepts: Vec<Concept>,
    by_form: HashMap<String, usize, BuildHasherDefault<FormHasher>>,
}

/// The Fx hash (rustc's), eight bytes at a time: every name of every
/// profile is looked up in these tables, and SipHash's resistance to
/// chosen collisions buys nothing for tables keyed by names that the
/// vocabulary file and the bounded name tables hold.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FormHasher(u64);

impl FormHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for FormHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0_u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0_u8; 8];
            if let Some(head) = word.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The alias vocabulary of a rule set, normalised at load time.
///
/// # Example
/// ```
/// use vacancy_match::{Category, Vocabulary};
/// let v = Vocabulary::from_yaml_str("skills:\n  - name: database management\n    aliases: [gestión de bases de datos]\n")?;
/// assert_eq!(v.canonical(Category::Skill, "Gestion de Base de Datos"), Some("database management"));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    indexes: PerCategory<Index>,
    /// Attestations' display names, by normalised name or alias.
    attestations: HashMap<String, std::sync::Arc<Display>>,
    /// Profile names' comparisons with the entries, shared across the
    /// candidates assessed with this vocabulary.
    memos: SharedMemos,
}

/// The most profile names whose terms and comparisons are kept across
/// candidates: bounded, so that memory does not grow with the number of
/// profiles screened (names past it are prepared per candidate only).
const SHARED_NAMES: usize = 50_000;

/// The longest profile name (in bytes, as written) kept across
/// candidates: longer ones are not names anybody writes twice, and would
/// spend the byte budget on one profile's noise.
const LONGEST_SHARED: usize = 256;

/// The share of the byte budget each thread's own table of terms may take
/// (see [`Near`]): one eighth.
const NEAR_SHARE: usize = 8;

/// Bytes a kept term or memo costs besides its text: the map's entry, the
/// reference counts and the term's fixed fields, rounded up.
const ENTRY_OVERHEAD: usize = 192;

/// Shards of the shared tables: threads preparing candidates at once
/// rarely wait for the same lock.
const SHARDS: usize = 16;
/// A hash's shard: four of its middle bits.
const SHARD_SHIFT: u32 = 40;
const SHARD_MASK: u64 = 15;

/// What profiles' names share across candidates: their terms, by category
/// and name as written, and their comparisons' memos, by category and
/// normalised name (so "Law" and "law" share one memo).
#[derive(Default, Clone)]
struct SharedMemos(std::sync::Arc<Shared>);

struct Shared {
    /// Unique among the vocabularies of the process: a thread's own table
    /// of terms (see `Near`) belongs to one vocabulary.
    id: u64,
    shards: [std::sync::Mutex<Shard>; SHARDS],
    names: std::sync::atomic::AtomicUsize,
    /// Bytes the kept terms and memos take, about, and the most they may
    /// take ([`crate::Limits::cache_bytes`]).
    bytes: std::sync::atomic::AtomicUsize,
    budget: std::sync::atomic::AtomicUsize,
    /// The lists of names the rule set's requirements give, by category,
    /// as normalised names: a profile name's best match in each is
    /// remembered (see `ListMemo`).
    lists: std::sync::Mutex<PerCategory<Vec<Vec<String>>>>,
    /// The experience rules' period filters (the model's `PeriodFilter`):
    /// the periods each selects are found once per prepared candidate.
    /// Kept as `Any`, so that this layer need not know what a filter is;
    /// one type of filter is ever registered.
    filters: std::sync::Mutex<Vec<Box<dyn std::any::Any + Send>>>,
}

/// The position of `item` in a registry, added if it is new: equal items
/// share one id.
fn id_in<T: PartialEq>(registry: &mut Vec<T>, item: T) -> usize {
    registry
        .iter()
        .position(|known| *known == item)
        .unwrap_or_else(|| {
            registry.push(item);
            registry.len().saturating_sub(1)
        })
}

/// One map per category, so that a look-up borrows the name. Keyed by
/// names from profiles, so hashed with a random seed: a profile cannot
/// choose names that collide and turn look-ups linear (the Fx hash of
/// `FormHasher` puts "d1", "d2"... in a few buckets).
#[derive(Default)]
struct Shard {
    memos: PerCategory<HashMap<String, super::memo::Memo, NameHasher>>,
    terms: PerCategory<HashMap<Box<str>, super::Term, NameHasher>>,
}

/// The hasher of the tables keyed by profiles' names.
pub(crate) type NameHasher = foldhash::fast::RandomState;

/// The bytes of names the shared tables may hold unless a rule set says
/// otherwise: the default of [`crate::Limits::cache_bytes`].
pub(crate) const DEFAULT_CACHE_BYTES: usize = 16 * 1024 * 1024;

impl Default for Shared {
    fn default() -> Shared {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Shared {
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            shards: Default::default(),
            names: Default::default(),
            bytes: Default::default(),
            budget: std::sync::atomic::AtomicUsize::new(DEFAULT_CACHE_BYTES),
            lists: Default::default(),
            filters: Default::default(),
        }
    }
}

/// A thread's own table of the terms it has used lately, in front of the
/// shared one: threads preparing candidates at once do not take locks for
/// names they have seen. It holds one vocabulary's terms, at most
/// [`NEAR_NAMES`] of them, and starts afresh when the thread uses another
/// vocabulary.
#[derive(Default)]
struct Near {
    vocabulary: Option<u64>,
    terms: PerCategory<HashMap<Box<str>, super::Term, NameHasher>>,
    len: usize,
    /// Bytes its terms take, about.
    bytes: usize,
}

/// The most terms a thread keeps in its own table.
const NEAR_NAMES: usize = 8192;

thread_local! {
    static NEAR: std::cell::RefCell<Near> = std::cell::RefCell::default();
}

impl Shared {
    fn shard(&self, key: &str) -> Option<std::sync::MutexGuard<'_, Shard>> {
        let mut hasher = FormHasher::default();
        hasher.write(key.as_bytes());
        // Middle bits: the tables use the low ones for buckets and the top
        // ones for tags.
        let index = usize::try_from((hasher.finish() >> SHARD_SHIFT) & SHARD_MASK).unwrap_or(0);
        self.shards.get(index)?.lock().ok()
    }

    /// Whether there is room for one more name costing `cost` bytes (and
    /// takes it).
    fn room(&self, cost: usize) -> bool {
        use std::sync::atomic::Ordering;
        let budget = self.budget.load(Ordering::Relaxed);
        let bytes = self
            .bytes
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |b| {
                b.checked_add(cost).filter(|total| *total <= budget)
            })
            .is_ok();
        if !bytes {
            return false;
        }
        let named = self
            .names
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n < SHARED_NAMES).then(|| n.saturating_add(1))
            })
            .is_ok();
        if !named {
            self.bytes.fetch_sub(cost, Ordering::Relaxed);
        }
        named
    }
}

/// One value per category, reached by a pattern rather than an indexing
/// that could panic.
#[derive(Debug, Clone, Default)]
struct PerCategory<T>([T; 5]);

impl<T> PerCategory<T> {
    fn get(&self, category: Category) -> &T {
        let [fields, domains, certifications, skills, organizations] = &self.0;
        match category {
            Category::Field => fields,
            Category::Domain => domains,
            Category::Certification => certifications,
            Category::Skill => skills,
            Category::Organization => organizations,
        }
    }

    fn get_mut(&mut self, category: Category) -> &mut T {
        let [fields, domains, certifications, skills, organizations] = &mut self.0;
        match category {
            Category::Field => fields,
            Category::Domain => domains,
            Category::Certification => certifications,
            Category::Skill => skills,
            Category::Organization => organizations,
        }
    }
}

impl std::fmt::Debug for SharedMemos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedMemos")
    }
}

impl Vocabulary {
    /// What a file extends: this vocabulary's entries with fresh shared
    /// tables, or nothing when the file replaces it.
    pub(crate) fn base(&self, replace: bool) -> Vocabulary {
        if replace {
            Vocabulary::default()
        } else {
            // Fresh shared tables: their memos are sized by the entries.
            Vocabulary {
                indexes: self.indexes.clone(),
                attestations: self.attestations.clone(),
                memos: SharedMemos::default(),
            }
        }
    }

    /// Adds the entries of a parsed file: a new name makes a new entry; an
    /// entry whose name is already known takes in its aliases.
    /// `locate` finds a field path's line and column in `text`.
    pub(crate) fn add(
        &mut self,
        raw: &RawVocabulary,
        text: &str,
        file: Option<&str>,
        locate: Locate,
    ) -> Result<(), Error> {
        let mut problems = Vec::new();
        let lists = [
            &raw.fields,
            &raw.domains,
            &raw.certifications,
            &raw.skills,
            &raw.organizations,
        ];
        for (category, entries) in Category::ALL.into_iter().zip(lists) {
            let index = self.index_mut(category);
            for (i, entry) in entries.iter().enumerate() {
                let form = normalize(&entry.name);
                let known = index.by_form.get(&form).copied();
                // An entry extends the known entry of its name; a name
                // that is another entry's alias is a conflict, not a
                // merge: the author may mean something else by it.
                let alias_of = known
                    .and_then(|id| index.concepts.get(id))
                    .filter(|c| c.forms.first().is_some_and(|f| f.norm != form));
                if let Some(owner) = alias_of {
                    let first = owner
                        .forms
                        .iter()
                        .position(|f| f.norm == form)
                        .and_then(|at| owner.origins.get(at));
                    let place = first
                        .map(|o| format!(" ({})", origin(o)))
                        .unwrap_or_default();
                    let kind = ErrorKind::DuplicateId {
                        id: entry.name.clone(),
                        first: first.cloned(),
                    };
                    problems.push(located(
                        kind,
                        locate,
                        text,
                        &format!("{}[{i}].name", category.key()),
                        format!(
                            "`{}` is already an alias of `{}`{place}: add aliases to that entry \
                             under its name, or name this entry otherwise",
                            entry.name, owner.name
                        ),
                    ));
                    continue;
                }
                let concept_id = known.unwrap_or(index.concepts.len());
                let mut concept = known
                    .and_then(|id| index.concepts.get_mut(id))
                    .map(std::mem::take)
                    .unwrap_or_else(|| Concept {
                        name: entry.name.clone(),
                        ..Concept::default()
                    });
                if entry.display.is_some() {
                    let mut display = concept.display.as_deref().cloned().unwrap_or_default();
                    display.take(entry.display.as_ref());
                    concept.display = Some(std::sync::Arc::new(display));
                }
                let names = std::iter::once((None, &entry.name))
                    .chain(entry.aliases.iter().enumerate().map(|(j, a)| (Some(j), a)));
                for (alias_index, name) in names {
                    let path = match alias_index {
                        None => format!("{}[{i}].name", category.key()),
                        Some(j) => format!("{}[{i}].aliases[{j}]", category.key()),
                    };
                    let form = normalize(name);
                    if form.is_empty() {
                        problems.push(located(
                            ErrorKind::InvalidValue,
                            locate,
                            text,
                            &path,
                            "empty name".to_string(),
                        ));
                        continue;
                    }
                    match index.by_form.get(&form) {
                        Some(&other) if other != concept_id => {
                            let owner = index.concepts.get(other);
                            let name_of = owner.map_or("another entry", |c| c.name.as_str());
                            let first = owner.and_then(|c| {
                                let at = c.forms.iter().position(|f| f.norm == form)?;
                                c.origins.get(at)
                            });
                            let place = first
                                .map(|o| format!(" ({})", origin(o)))
                                .unwrap_or_default();
                            let kind = ErrorKind::DuplicateId {
                                id: name.clone(),
                                first: first.cloned(),
                            };
                            problems.push(located(
                                kind,
                                locate,
                                text,
                                &path,
                                format!("`{name}` is already an alias of `{name_of}`{place}"),
                            ));
                        }
                        Some(_) => {}
                        None => {
                            index.by_form.insert(form.clone(), concept_id);
                            let (line, column) = locate(text, &path).unzip();
                            concept.origins.push(Location {
                                file: file.map(str::to_owned),
                                line,
                                column,
                                path: Some(path.clone()),
                            });
                            concept.forms.push(Form {
                                shape: Shape::new(&form),
                                norm: form,
                            });
                        }
                    }
                }
                match index.concepts.get_mut(concept_id) {
                    Some(slot) => *slot = concept,
                    None => index.concepts.push(concept),
                }
            }
        }
        for entry in &raw.attestations {
            let names = std::iter::once(&entry.name).chain(&entry.aliases);
            let forms: Vec<String> = names.map(|n| normalize(n)).collect();
            let mut display = forms
                .iter()
                .find_map(|f| self.attestations.get(f))
                .map(|d| Display::clone(d))
                .unwrap_or_default();
            display.take(entry.display.as_ref());
            let display = std::sync::Arc::new(display);
            for form in forms.into_iter().filter(|f| !f.is_empty()) {
                self.attestations.insert(form, display.clone());
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::many(problems))
        }
    }

    /// How sentences name an entry of `category`, if the vocabulary says.
    pub(crate) fn display(
        &self,
        category: Category,
        concept: Option<usize>,
    ) -> Option<std::sync::Arc<Display>> {
        concept
            .and_then(|id| self.index(category).concepts.get(id))
            .and_then(|c| c.display.clone())
    }

    /// How sentences name an attestation, if the vocabulary says.
    pub(crate) fn attestation_display(&self, name: &str) -> Display {
        self.attestations
            .get(&normalize(name))
            .map(|d| Display::clone(d))
            .unwrap_or_default()
    }

    /// The canonical name of `name` in `category`, if the vocabulary has it.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Category, Vocabulary};
    /// let v = Vocabulary::bundled();
    /// assert_eq!(v.canonical(Category::Field, "Derecho"), Some("Law"));
    /// assert_eq!(v.canonical(Category::Field, "Astrophysics"), None);
    /// ```
    #[must_use]
    pub fn canonical(&self, category: Category, name: &str) -> Option<&str> {
        let index = &self.index(category);
        let id = index.by_form.get(&normalize(name))?;
        index.concepts.get(*id).map(|c| c.name.as_str())
    }

    /// Number of entries in a category.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Category, Vocabulary};
    /// assert!(Vocabulary::bundled().len(Category::Field) > 5);
    /// ```
    #[must_use]
    pub fn len(&self, category: Category) -> usize {
        self.index(category).concepts.len()
    }

    /// Whether the vocabulary has no entries at all.
    ///
    /// # Example
    /// ```
    /// assert!(vacancy_match::Vocabulary::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indexes.0.iter().all(|i| i.concepts.is_empty())
    }

    /// The canonical names of a category, in file order.
    pub(crate) fn names(&self, category: Category) -> Vec<&str> {
        self.index(category)
            .concepts
            .iter()
            .map(|c| c.name.as_str())
            .collect()
    }

    fn index(&self, category: Category) -> &Index {
        self.indexes.get(category)
    }

    fn index_mut(&mut self, category: Category) -> &mut Index {
        self.indexes.get_mut(category)
    }

    /// The memo of a profile's name in a category: the one already shared
    /// for this name, else a new one (shared while there is room).
    pub(crate) fn memo(&self, category: Category, norm: &str) -> super::memo::Memo {
        let fresh = || super::memo::Memo::new(self.len(category));
        let shared = &self.memos.0;
        let Some(mut shard) = shared.shard(norm) else {
            return fresh();
        };
        if let Some(memo) = shard.memos.get(category).get(norm) {
            return memo.clone();
        }
        let memo = fresh();
        let cost = norm
            .len()
            .saturating_add(memo.bytes())
            .saturating_add(ENTRY_OVERHEAD);
        if norm.len() <= LONGEST_SHARED && shared.room(cost) {
            shard
                .memos
                .get_mut(category)
                .insert(norm.to_string(), memo.clone());
        }
        memo
    }

    /// Sets the bytes the profile names kept across candidates may take
    /// (see [`crate::Limits::cache_bytes`]).
    pub(crate) fn set_cache_budget(&self, bytes: usize) {
        self.memos
            .0
            .budget
            .store(bytes, std::sync::atomic::Ordering::Relaxed);
    }

    /// The id of a rule's list of names in `category`: the same for lists
    /// of the same names, so that a profile name's best match in it is
    /// computed once. `None` if the registry is unusable (a poisoned
    /// lock): the match is then computed every time.
    pub(crate) fn list(&self, category: Category, norms: Vec<String>) -> Option<usize> {
        let mut lists = self.memos.0.lists.lock().ok()?;
        Some(id_in(lists.get_mut(category), norms))
    }

    /// The id of an experience rule's period filter: the same for the same
    /// filter. `None` if the registry is unusable (a poisoned lock): the
    /// periods are then selected every time.
    pub(crate) fn filter<F: PartialEq + Send + 'static>(&self, filter: F) -> Option<usize> {
        let mut filters = self.memos.0.filters.lock().ok()?;
        let known = filters
            .iter()
            .position(|known| known.downcast_ref::<F>() == Some(&filter));
        Some(known.unwrap_or_else(|| {
            filters.push(Box::new(filter));
            filters.len().saturating_sub(1)
        }))
    }

    /// How many period filters the rule set's experience rules have.
    pub(crate) fn filters(&self) -> usize {
        self.memos.0.filters.lock().map_or(0, |f| f.len())
    }

    /// How many lists of names `category` has.
    pub(crate) fn lists(&self, category: Category) -> usize {
        self.memos
            .0
            .lists
            .lock()
            .map_or(0, |lists| lists.get(category).len())
    }

    /// A profile's name as a term of a category: the one already made for
    /// this name as written, else a new one (shared while there is room).
    /// Candidates write the same names again and again: each is normalised
    /// and linked to the vocabulary once.
    pub(crate) fn term(&self, category: Category, text: &str) -> super::Term {
        let id = self.memos.0.id;
        let near = NEAR.with(|near| {
            let near = near.try_borrow().ok()?;
            if near.vocabulary != Some(id) {
                return None;
            }
            near.terms.get(category).get(text).cloned()
        });
        if let Some(term) = near {
            return term;
        }
        let term = self.shared_term(category, text);
        let kept = NEAR.with(|near| {
            let mut near = near.try_borrow_mut().ok()?;
            if near.vocabulary != Some(id) {
                *near = Near {
                    vocabulary: Some(id),
                    ..Near::default()
                };
            }
            let cost = text.len().saturating_add(term.bytes());
            let budget = self
                .memos
                .0
                .budget
                .load(std::sync::atomic::Ordering::Relaxed)
                / NEAR_SHARE;
            if near.len >= NEAR_NAMES
                || text.len() > LONGEST_SHARED
                || near.bytes.saturating_add(cost) > budget
            {
                return None;
            }
            near.len = near.len.saturating_add(1);
            near.bytes = near.bytes.saturating_add(cost);
            // The thread's own copy: counting references to a term shared
            // with other threads would make the threads wait on each
            // other's caches.
            let copy = term.private_copy();
            near.terms
                .get_mut(category)
                .insert(text.into(), copy.clone());
            Some(copy)
        });
        kept.unwrap_or(term)
    }

    /// [`Vocabulary::term`] from the table all threads share.
    fn shared_term(&self, category: Category, text: &str) -> super::Term {
        let shared = &self.memos.0;
        let known = shared
            .shard(text)
            .and_then(|shard| shard.terms.get(category).get(text).cloned());
        if let Some(term) = known {
            return term;
        }
        // Made with no lock held: making it looks up the name's memo.
        let term = super::Term::linked(text, self, category);
        if let Some(mut shard) = shared.shard(text) {
            let terms = shard.terms.get_mut(category);
            let cost = text.len().saturating_add(term.bytes());
            if text.len() <= LONGEST_SHARED && !terms.contains_key(text) && shared.room(cost) {
                terms.insert(text.into(), term.clone());
            }
        }
        term
    }

    pub(crate) fn concept_of(&self, category: Category, norm: &str) -> Option<usize> {
        self.index(category).by_form.get(norm).copied()
    }

    /// The normalised forms of a concept (none for `None`).
    pub(crate) fn forms(&self, category: Category, concept: Option<usize>) -> &[Form] {
        concept
            .and_then(|id| self.index(category).concepts.get(id))
            .map_or(&[], |c| c.forms.as_slice())
    }
}

/// Where a name was first written, in messages: `file:line`, or `line N`
/// for text given without a file.
fn origin(at: &Location) -> String {
    let line = at.line.unwrap_or(0);
    match &at.file {
        Some(file) => format!("{file}:{line}"),
        None => format!("line {line}"),
    }
}

fn located(kind: ErrorKind, locate: Locate, text: &str, path: &str, message: String) -> Error {
    let (line, column) = locate(text, path).unzip();
    Error::new(
        kind,
        Location {
            file: None,
            line,
            column,
            path: Some(path.to_string()),
        },
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of text the shared tables and this thread's table hold,
    /// counted from the tables themselves.
    fn held(v: &Vocabulary) -> (usize, usize) {
        let mut shared = 0;
        for shard in &v.memos.0.shards {
            let shard = shard.lock().unwrap();
            for map in &shard.terms.0 {
                shared += map.iter().map(|(k, t)| k.len() + t.bytes()).sum::<usize>();
            }
            for map in &shard.memos.0 {
                shared += map.iter().map(|(k, m)| k.len() + m.bytes()).sum::<usize>();
            }
        }
        let near = NEAR.with(|near| {
            let near = near.borrow();
            near.terms
                .0
                .iter()
                .map(|map| map.iter().map(|(k, t)| k.len() + t.bytes()).sum::<usize>())
                .sum()
        });
        (shared, near)
    }

    #[test]
    fn names_kept_across_candidates_stay_within_the_budget() {
        let v = Vocabulary::bundled();
        let budget = 256 * 1024;
        v.set_cache_budget(budget);
        // Unique names, short (kept until the budget is spent) and long
        // (never kept).
        for i in 0..20_000 {
            let _ = v.term(Category::Skill, &format!("skill number {i}"));
        }
        for i in 0..200 {
            let _ = v.term(Category::Field, &format!("{i} {}", "x".repeat(100_000)));
        }
        let (shared, near) = held(&v);
        assert!(shared > budget / 2, "the budget is used: {shared}");
        assert!(shared <= budget, "{shared} > {budget}");
        assert!(near <= budget / NEAR_SHARE, "{near}");
        // Names seen before are still found.
        let again = v.term(Category::Skill, "skill number 0");
        assert_eq!(again.text, "skill number 0");
    }
}
