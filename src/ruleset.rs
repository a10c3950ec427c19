//! A rule set: the vacancies of a `rules/` folder and its vocabulary.
//!
//! Layer 5 of 10 (bottom first; see CONTRIBUTING.md): may use `error`,
//! `text`, `matching`, `model` and `load`.

use std::path::Path;

use crate::error::{Error, Location};
use crate::load::{self, rules::vacancy_from_str, Limits};
use crate::matching::Vocabulary;
use crate::{Scales, Vacancy};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The file name of the vocabulary inside a rules folder.
pub(crate) const VOCABULARY_FILE: &str = "vocabulary.yaml";
/// The file name of the level scales' crosswalk inside a rules folder.
pub(crate) const SCALES_FILE: &str = "scales.yaml";

/// The bundled vocabulary's name in messages.
pub(crate) const BUNDLED_VOCABULARY_NAME: &str = "rules/vocabulary.yaml";

/// The bundled vocabulary's text.
pub(crate) const BUNDLED_VOCABULARY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/rules/vocabulary.yaml"
));

impl Vocabulary {
    /// The vocabulary bundled with the crate (`rules/vocabulary.yaml`).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Category, Vocabulary};
    /// assert_eq!(Vocabulary::bundled().canonical(Category::Organization, "ACNUR"), Some("UNHCR"));
    /// ```
    #[must_use]
    pub fn bundled() -> Vocabulary {
        // The bundled file is tested to load (tests in this crate and in
        // tests/), so a failure here can only be a build of a broken tree.
        Vocabulary::default()
            .extended(BUNDLED_VOCABULARY, BUNDLED_VOCABULARY_NAME)
            .unwrap_or_default()
    }
}

/// A set of vacancies and the vocabulary their names are matched with.
///
/// Load it once and share it: it is immutable, `Send` and `Sync`, and
/// every assessment borrows it.
///
/// # Example
/// ```
/// use vacancy_match::RuleSet;
/// let rules = RuleSet::bundled()?;
/// assert_eq!(rules.vacancies().len(), 5);
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub(crate) vacancies: Vec<Vacancy>,
    pub(crate) vocabulary: Vocabulary,
    pub(crate) scales: Scales,
    /// Whether this is the bundled rule set, whose test cases read the
    /// bundled example profiles.
    pub(crate) bundled: bool,
}

impl RuleSet {
    /// The rule set bundled into the crate from its `rules/` folder: the
    /// five seed vacancies and the alias vocabulary.
    ///
    /// # Errors
    /// Only if the bundled files are broken (they are tested not to be).
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancy("iom-gt-operations-assistant-2025").is_some());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn bundled() -> Result<RuleSet, Error> {
        let files = BUNDLED_FILES
            .iter()
            .map(|(name, text)| (format!("rules/{name}"), (*text).to_string()));
        let mut rules = RuleSet::from_files(files, &Limits::default())?;
        rules.bundled = true;
        Ok(rules)
    }

    /// Loads every `*.yaml`/`*.yml` file of a folder: one vacancy per file,
    /// with the bundled vocabulary and scales extended by the folder's
    /// `vocabulary.yaml` and `scales.yaml` (or replaced, when the file
    /// says `replace: true`). Files are read in name order.
    ///
    /// # Errors
    /// An unreadable folder; otherwise every problem of every file at once
    /// (an [`ErrorKind::Many`](crate::ErrorKind::Many) when there are
    /// several), including vacancy ids used by two files.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::from_dir("rules")?;
    /// assert_eq!(rules.vacancies().len(), 5);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<RuleSet, Error> {
        RuleSet::from_dir_with(dir, &Limits::default())
    }

    /// As [`RuleSet::from_dir`], within `limits`.
    ///
    /// # Errors
    /// As [`RuleSet::from_dir`].
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::from_dir_with("rules", &vacancy_match::Limits::default())?;
    /// assert!(!rules.vacancies().is_empty());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_dir_with(dir: impl AsRef<Path>, limits: &Limits) -> Result<RuleSet, Error> {
        let dir = dir.as_ref();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut paths: Vec<std::path::PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| e == "yaml" || e == "yml")
            })
            .collect();
        paths.sort();
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for path in paths {
            match load::read_text(&path, limits) {
                Ok(text) => files.push((path.display().to_string(), text)),
                Err(e) => problems.push(e),
            }
        }
        match RuleSet::from_files(files, limits) {
            Ok(set) if problems.is_empty() => Ok(set),
            Ok(_) => Err(Error::many(problems)),
            Err(e) => {
                problems.extend(e.problems().into_iter().map(load::clone_error));
                Err(Error::many(problems))
            }
        }
    }

    /// Loads one vacancy file with the vocabulary and scales its folder's
    /// rule set has: the bundled ones, extended (or replaced) by the
    /// folder's `vocabulary.yaml` and `scales.yaml` as in
    /// [`RuleSet::from_dir`], so that a file reads the same alone as in
    /// its folder.
    ///
    /// # Errors
    /// An unreadable file or any problem in it (or in its folder's
    /// vocabulary or scales), located.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::from_file("rules/002_unhcr_mx_protection_assistant.yaml")?;
    /// assert_eq!(rules.vacancies()[0].country().code(), "MX");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_file(path: impl AsRef<Path>) -> Result<RuleSet, Error> {
        let path = path.as_ref();
        let limits = Limits::default();
        let text = load::read_text(path, &limits)?;
        let mut files = vec![(path.display().to_string(), text)];
        let is_special = path
            .file_name()
            .is_some_and(|f| f == VOCABULARY_FILE || f == SCALES_FILE);
        if let (Some(dir), false) = (path.parent(), is_special) {
            for special in [VOCABULARY_FILE, SCALES_FILE] {
                let beside = dir.join(special);
                if beside.is_file() {
                    files.push((
                        beside.display().to_string(),
                        load::read_text(&beside, &limits)?,
                    ));
                }
            }
        }
        RuleSet::from_files(files, &limits)
    }

    /// Loads one vacancy from YAML text, with the bundled vocabulary.
    ///
    /// # Errors
    /// Any problem in the text, located by line and field path.
    ///
    /// # Example
    /// ```
    /// let yaml = r#"
    /// id: demo
    /// title: Demo Officer
    /// organization: UNHCR
    /// duty_station: { country: GT }
    /// requirements:
    ///   - { id: english, kind: language, languages: en, level: fluent }
    /// "#;
    /// let rules = vacancy_match::RuleSet::from_yaml_str(yaml)?;
    /// assert_eq!(rules.vacancies()[0].id(), "demo");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<RuleSet, Error> {
        let vocabulary =
            Vocabulary::default().extended(BUNDLED_VOCABULARY, BUNDLED_VOCABULARY_NAME)?;
        let scales = Scales::bundled().clone();
        let vacancy = vacancy_from_str(text, &vocabulary, &scales, &Limits::default())?;
        Ok(RuleSet {
            vacancies: vec![vacancy],
            vocabulary,
            scales,
            bundled: false,
        })
    }

    /// Builds a rule set from (name, text) pairs: the bundled vocabulary
    /// and scales extended by the pairs named `vocabulary.yaml` and
    /// `scales.yaml`, the other pairs being vacancies. Every way of loading
    /// rules comes here, so a file reads the same in each.
    fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
        limits: &Limits,
    ) -> Result<RuleSet, Error> {
        let is =
            |name: &str, special: &str| Path::new(name).file_name().is_some_and(|f| f == special);
        let (vocab_files, rest): (Vec<_>, Vec<_>) = files
            .into_iter()
            .partition(|(name, _)| is(name, VOCABULARY_FILE));
        let (scale_files, vacancy_files): (Vec<_>, Vec<_>) = rest
            .into_iter()
            .partition(|(name, _)| is(name, SCALES_FILE));
        let mut problems = Vec::new();
        let scales = match scale_files.first() {
            Some((name, text)) => Scales::bundled().extended(text, name).unwrap_or_else(|e| {
                problems.push(e.in_file(name));
                Scales::bundled().clone()
            }),
            None => Scales::bundled().clone(),
        };
        let bundled = Vocabulary::default().extended(BUNDLED_VOCABULARY, BUNDLED_VOCABULARY_NAME);
        let vocabulary = match (bundled, vocab_files.first()) {
            // A folder vocabulary with problems is reported, and the
            // vacancies are still read with the bundled one, so that
            // their own problems are found too.
            (Ok(bundled), Some((name, text))) => bundled.extended(text, name).unwrap_or_else(|e| {
                problems.push(e.in_file(name));
                bundled
            }),
            (Ok(bundled), None) => bundled,
            (Err(e), _) => {
                problems.push(e);
                Vocabulary::default()
            }
        };
        let mut vacancies: Vec<Vacancy> = Vec::new();
        for (name, text) in &vacancy_files {
            match vacancy_from_str(text, &vocabulary, &scales, limits) {
                Ok(mut v) => {
                    if let Some(first) = vacancies.iter().find(|o| o.id == v.id) {
                        let (line, column) = load::locate(text, "id").unzip();
                        let (first_line, first_column) = first
                            .text
                            .as_deref()
                            .and_then(|t| load::locate(t, "id"))
                            .unzip();
                        problems.push(Error::new(
                            crate::ErrorKind::DuplicateId {
                                id: v.id.to_string(),
                                first: Some(Location {
                                    file: first.file.clone(),
                                    line: first_line,
                                    column: first_column,
                                    path: Some("id".to_string()),
                                }),
                            },
                            Location {
                                file: Some(name.clone()),
                                line,
                                column,
                                path: Some("id".to_string()),
                            },
                            format!(
                                "duplicate vacancy id `{}`, already used by {}",
                                v.id,
                                first.file.as_deref().unwrap_or("another file")
                            ),
                        ));
                        continue;
                    }
                    v.file = Some(name.clone());
                    vacancies.push(v);
                }
                Err(e) => problems.push(e.in_file(name)),
            }
        }
        if vacancies.is_empty() && problems.is_empty() {
            problems.push(Error::invalid(
                Location::default(),
                "no vacancy files found, expected *.yaml files besides vocabulary.yaml",
            ));
        }
        if problems.is_empty() {
            vocabulary.set_cache_budget(limits.cache_bytes);
            Ok(RuleSet {
                vacancies,
                vocabulary,
                scales,
                bundled: false,
            })
        } else {
            Err(Error::many(problems))
        }
    }

    /// The vacancies, in file-name order.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert_eq!(rules.vacancies()[0].id(), "unhcr-gt-resettlement-officer-2024");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn vacancies(&self) -> &[Vacancy] {
        &self.vacancies
    }

    /// The vacancy with this id.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.vacancy("no-such-vacancy").is_none());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn vacancy(&self, id: &str) -> Option<&Vacancy> {
        self.vacancies.iter().find(|v| v.id == id)
    }

    /// The crosswalk of language level scales the rule files were read with.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert!(rules.scales().resolve("UN II").is_some());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn scales(&self) -> &Scales {
        &self.scales
    }

    /// The vocabulary names are matched with.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Category;
    /// let rules = vacancy_match::RuleSet::bundled()?;
    /// assert_eq!(rules.vocabulary().canonical(Category::Field, "Derecho"), Some("Law"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }
}
