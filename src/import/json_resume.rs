//! JSON Resume (jsonresume.org, schema 1.x) into a profile. Uses the
//! model, the loader's limits and the vocabulary; nothing above them.
//!
//! # Design
//! Only what the schema says and the engine can use is read: `basics.name`,
//! `work[]` and `volunteer[]` as dated periods, `education[]` as degrees,
//! `languages[]`, `certificates[]` and `skills[]`. What the schema cannot
//! say (nationality, work permits, current staff status, attestations,
//! the domains of a job) stays "not stated", so requirements on it are
//! `unknown` and the report says what to verify. Domains are inferred
//! from a job's `summary` and `highlights` only through the vocabulary's
//! names of domains, marked `domains_inferred` so that they only ever
//! make a period to verify, and the evidence says so.
//!
//! A value that is read but cannot be used (a degree level, a fluency, a
//! language the table lacks) does not reject the document: as with a bad
//! spreadsheet cell, what it belongs to is left not stated (the whole
//! education list for a degree, the level for a fluency) and the
//! provenance notes it (`not read: education[1]`).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::error::{Error, ErrorKind, Location};
use crate::load::Limits;
use crate::matching::{Category, Vocabulary};
use crate::model::{DegreeLevel, Language, LanguageLevel, PartialDate};
use crate::{Candidate, Certification, Degree, LanguageSkill, Period, Provenance};

/// Keys only a JSON Resume has at its top level (a profile refuses them).
const RESUME_KEYS: [&str; 12] = [
    "basics",
    "work",
    "volunteer",
    "awards",
    "certificates",
    "publications",
    "interests",
    "references",
    "projects",
    "meta",
    "$schema",
    "skills",
];

/// Whether a JSON value is a JSON Resume rather than a profile: an object
/// with a key only JSON Resume has (`basics`, `work`, `$schema`...), or
/// with the JSON Resume form of a key both have (`education` entries with
/// `studyType`, `languages` with `fluency`, `skills` as objects).
///
/// # Example
/// ```
/// use vacancy_match::is_json_resume;
/// assert!(is_json_resume(&serde_json::json!({"basics": {"name": "Ana"}})));
/// assert!(is_json_resume(&serde_json::json!({"languages": [{"language": "English", "fluency": "Fluent"}]})));
/// assert!(!is_json_resume(&serde_json::json!({"id": "ana", "skills": ["ProGres"]})));
/// ```
#[must_use]
pub fn is_json_resume(value: &Value) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    let entry_has = |key: &str, field: &str| {
        object
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(|i| i.get(field).is_some()))
    };
    object
        .keys()
        .any(|k| RESUME_KEYS.contains(&k.as_str()) && k != "skills")
        || entry_has("education", "studyType")
        || entry_has("education", "area")
        || entry_has("languages", "fluency")
        || entry_has("skills", "name")
}

/// Reads JSON Resume documents into profiles.
///
/// Options are methods: [`ResumeReader::infer_domains`] lets a job's
/// domains be inferred from its summary and highlights through a
/// vocabulary; [`ResumeReader::limits`] bounds the input.
///
/// Each entry's JSON Resume path (`work[2]`) is kept in the profile's
/// `provenance`, and findings cite it.
///
/// # Example
/// ```
/// use vacancy_match::{ResumeReader, RuleSet};
/// let rules = RuleSet::bundled()?;
/// let cv = ResumeReader::new()
///     .infer_domains(rules.vocabulary())
///     .read_path("tests/data/json_resume/lucia_fernandez.resume.json")?;
/// assert_eq!(cv.id.as_deref(), Some("lucia_fernandez.resume"));
/// let p = cv.provenance.as_ref().unwrap();
/// assert_eq!(p.entries["experience[0]"], "work[0] (domains inferred from its summary and highlights)");
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ResumeReader<'v> {
    vocabulary: Option<&'v Vocabulary>,
    limits: Limits,
}

impl<'v> ResumeReader<'v> {
    /// A reader that infers nothing, with the default limits.
    ///
    /// # Example
    /// ```
    /// let cv = vacancy_match::ResumeReader::new().read_str(r#"{"basics": {"name": "Ana"}}"#, "ana.json")?;
    /// assert_eq!(cv.name.as_deref(), Some("Ana"));
    /// assert!(cv.nationalities.is_none()); // JSON Resume cannot say
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn new() -> ResumeReader<'v> {
        ResumeReader::default()
    }

    /// Infers each job's domains from its `summary` and `highlights`:
    /// every name of a domain in `vocabulary` that the text contains, as
    /// whole words. The period is marked [`Period::domains_inferred`]:
    /// words name domains in other senses ("case management module"), so
    /// such domains only ever make a requirement on them to verify.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{ResumeReader, Vocabulary};
    /// let v = Vocabulary::bundled();
    /// let text = r#"{"work": [{"name": "ACNUR", "startDate": "2019-01", "highlights": ["Casework for asylum seekers"]}]}"#;
    /// let cv = ResumeReader::new().infer_domains(&v).read_str(text, "cv.json")?;
    /// let job = &cv.experience.unwrap()[0];
    /// assert_eq!(job.domains.as_deref().unwrap(), ["case management", "refugee protection"]);
    /// assert!(job.domains_inferred);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn infer_domains(mut self, vocabulary: &'v Vocabulary) -> ResumeReader<'v> {
        self.vocabulary = Some(vocabulary);
        self
    }

    /// The limits applied to the input.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Limits, ResumeReader};
    /// let err = ResumeReader::new().limits(Limits::default().with_max_bytes(4)).read_str("{\"basics\": {}}", "cv.json").unwrap_err();
    /// assert!(err.to_string().contains("larger than the limit"));
    /// ```
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> ResumeReader<'v> {
        self.limits = limits;
        self
    }

    /// Reads a JSON Resume file; the id is the file's stem.
    ///
    /// # Errors
    /// As [`ResumeReader::read_str`], with the file named; an unreadable
    /// file.
    ///
    /// # Example
    /// ```
    /// let cv = vacancy_match::ResumeReader::new().read_path("tests/data/json_resume/lucia_fernandez.resume.json")?;
    /// assert_eq!(cv.provenance.unwrap().document, "lucia_fernandez.resume.json");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Candidate, Error> {
        let path = path.as_ref();
        let text = crate::load::read_text(path, &self.limits)?;
        let document = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut cv = self
            .read_str(&text, &document)
            .map_err(|e| e.in_file(&path.display().to_string()))?;
        if cv.id.is_none() {
            cv.id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        }
        Ok(cv)
    }

    /// Reads JSON Resume text, `document` naming it in the provenance.
    ///
    /// What is read but cannot be used is not an error: it is noted in
    /// the profile's `provenance` under a key starting `not read: ` (a
    /// language the table lacks, a fluency that is no level, a degree
    /// whose level cannot be read, which leaves education not stated).
    ///
    /// # Errors
    /// Input over the limits, malformed JSON, a value of the wrong type, a
    /// date that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (nor, for an
    /// end, a word such as `Present`), a job without `startDate`, an end
    /// before its start; every problem located by its JSON Resume path.
    ///
    /// # Example
    /// ```
    /// let text = r#"{"work": [{"name": "ACNUR", "startDate": "2019-13"}]}"#;
    /// let err = vacancy_match::ResumeReader::new().read_str(text, "cv.json").unwrap_err();
    /// assert_eq!(err.to_string(), "work[0].startDate: invalid date `2019-13`: month 13 does not exist");
    ///
    /// let text = r#"{"education": [{"studyType": "Masterado", "area": "Law"}, {"studyType": "Licenciatura"}]}"#;
    /// let cv = vacancy_match::ResumeReader::new().read_str(text, "cv.json")?;
    /// assert!(cv.education.is_none()); // incomplete: degree requirements to verify
    /// assert_eq!(
    ///     cv.provenance.unwrap().entries["not read: education[0]"],
    ///     "unknown degree `Masterado`, did you mean `master`?: education is left not stated, degree requirements to verify",
    /// );
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn read_str(&self, text: &str, document: &str) -> Result<Candidate, Error> {
        crate::load::precheck(text, &self.limits)?;
        let value: Value = serde_json::from_str(text).map_err(|e| {
            Error::new(
                ErrorKind::Syntax,
                Location {
                    line: Some(e.line()),
                    column: Some(e.column()),
                    ..Location::default()
                },
                json_message(&e),
            )
        })?;
        let mut cv = self.read_value(&value)?;
        if let Some(p) = &mut cv.provenance {
            p.document = document.to_string();
            p.record_sha256 = Some(crate::assess::sha256_hex(text.as_bytes()));
        }
        Ok(cv)
    }

    /// Converts a JSON Resume value.
    ///
    /// # Errors
    /// As [`ResumeReader::read_str`], for a value already parsed.
    ///
    /// # Example
    /// ```
    /// let value = serde_json::json!({"languages": [
    ///     {"language": "Spanish", "fluency": "Native speaker"},
    ///     {"language": "English", "fluency": "Native or bilingual proficiency"},
    /// ]});
    /// let cv = vacancy_match::ResumeReader::new().read_value(&value)?;
    /// let languages = cv.languages.unwrap();
    /// assert_eq!(languages[0].level.as_ref().unwrap().cefr(), vacancy_match::Cefr::C2);
    /// // "Native speaker" states a mother tongue; "native or bilingual" does not say which.
    /// assert_eq!(languages[0].native, Some(true));
    /// assert_eq!(languages[1].native, None);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn read_value(&self, value: &Value) -> Result<Candidate, Error> {
        let mut r = Reading {
            problems: Vec::new(),
            entries: BTreeMap::new(),
        };
        let Some(root) = value.as_object() else {
            let kind = ErrorKind::WrongType {
                expected: "a JSON Resume object".to_string(),
            };
            return Err(r.fail(kind, "", "expected a JSON Resume object"));
        };
        let mut cv = Candidate {
            name: r.string(value, &["basics", "name"], "basics.name"),
            ..Candidate::default()
        };

        let mut periods = Vec::new();
        for (key, org_key) in [("work", "name"), ("volunteer", "organization")] {
            for (i, job) in r.array(root.get(key), key).iter().enumerate() {
                let at = format!("{key}[{i}]");
                if let Some(p) = self.period(&mut r, job, &at, org_key) {
                    let n = periods.len();
                    let inferred = p.domains.is_some();
                    let note = if inferred {
                        format!("{at} (domains inferred from its summary and highlights)")
                    } else {
                        at
                    };
                    r.entries.insert(format!("experience[{n}]"), note);
                    periods.push(p);
                }
            }
        }
        if root.contains_key("work") || root.contains_key("volunteer") {
            cv.experience = Some(periods);
        }

        if let Some(list) = root.get("education") {
            let mut degrees = Vec::new();
            // Entries whose level cannot be read: a certificate course, a
            // "Diplomado", an entry without `studyType`. Each may be a
            // real degree, so the list is incomplete and is left not
            // stated (degree requirements to verify), as a spreadsheet
            // row's is: keeping the others would read as "no other
            // degree", a wrong exclusion.
            let mut unread = Vec::new();
            for (i, e) in r.array(Some(list), "education").iter().enumerate() {
                let at = format!("education[{i}]");
                let study = r.string(e, &["studyType"], &format!("{at}.studyType"));
                let level = study
                    .as_deref()
                    .and_then(|s| DegreeLevel::parse(s).or_else(|| associate(s)));
                let completed = match r.end(e, "endDate", &at) {
                    None => None,
                    // "Present": in progress, stated not completed.
                    Some(None) => Some(crate::Completion::No),
                    Some(Some(date)) => Some(crate::Completion::On(date)),
                };
                let Some(level) = level else {
                    let why = match study {
                        None => "no `studyType`, so no degree level".to_string(),
                        Some(s) => crate::model::unknown_word(
                            "degree",
                            &s,
                            DegreeLevel::ALL.iter().map(|l| l.as_str()),
                        ),
                    };
                    unread.push((at, why));
                    continue;
                };
                let n = degrees.len();
                r.entries.insert(format!("education[{n}]"), at.clone());
                degrees.push(Degree {
                    degree: level,
                    field: r.string(e, &["area"], &format!("{at}.area")),
                    institution: r.string(e, &["institution"], &format!("{at}.institution")),
                    completed,
                    accredited: None,
                });
            }
            if unread.is_empty() {
                cv.education = Some(degrees);
            } else {
                r.entries.retain(|k, _| !k.starts_with("education["));
                for (at, why) in unread {
                    r.entries.insert(
                        format!("{NOT_READ}{at}"),
                        format!(
                            "{why}: education is left not stated, degree requirements to verify"
                        ),
                    );
                }
            }
        }

        if let Some(list) = root.get("languages") {
            let mut languages = Vec::new();
            for (i, l) in r.array(Some(list), "languages").iter().enumerate() {
                let at = format!("languages[{i}]");
                let Some(name) = r.string(l, &["language"], &format!("{at}.language")) else {
                    continue;
                };
                let Some(language) = Language::parse(&name) else {
                    // A language the code table lacks (Igbo) cannot be
                    // asked for by any rule: left out, and said so.
                    r.entries.insert(
                        format!("{NOT_READ}{at}"),
                        format!("`{name}` is not in the table of languages"),
                    );
                    continue;
                };
                let fluency_words = r.string(l, &["fluency"], &format!("{at}.fluency"));
                // "Native speaker", "Mother tongue" state a mother tongue;
                // "Native or bilingual proficiency" (LinkedIn's) does not
                // say which, so it is left to verify.
                let native = fluency_words
                    .as_deref()
                    .is_some_and(crate::model::says_native)
                    .then_some(true);
                let level = match fluency_words {
                    None => None,
                    Some(f) => match LanguageLevel::parse(&f).or_else(|| fluency(&f)) {
                        Some(level) => Some(level),
                        None => {
                            // The language is stated; only its level is
                            // not: kept without one, to verify.
                            r.entries.insert(
                                format!("{NOT_READ}{at}.fluency"),
                                format!("unknown fluency `{f}`, expected a CEFR level (A1 to C2) or a descriptor such as `Native speaker`, `Fluent` or `Professional working proficiency`: the level is left not stated, to verify"),
                            );
                            None
                        }
                    },
                };
                let n = languages.len();
                r.entries.insert(format!("languages[{n}]"), at);
                languages.push(LanguageSkill {
                    language,
                    level,
                    native,
                });
            }
            cv.languages = Some(languages);
        }

        if let Some(list) = root.get("certificates") {
            let mut certs = Vec::new();
            for (i, c) in r.array(Some(list), "certificates").iter().enumerate() {
                let at = format!("certificates[{i}]");
                let Some(name) = r.string(c, &["name"], &format!("{at}.name")) else {
                    continue;
                };
                let n = certs.len();
                r.entries.insert(format!("certifications[{n}]"), at.clone());
                certs.push(Certification {
                    name,
                    issued: r.date(c, "date", &at),
                    expires: None,
                });
            }
            cv.certifications = Some(certs);
        }

        if let Some(list) = root.get("skills") {
            let mut skills = Vec::new();
            for (i, s) in r.array(Some(list), "skills").iter().enumerate() {
                let at = format!("skills[{i}]");
                if let Some(name) = r.string(s, &["name"], &format!("{at}.name")) {
                    r.entries
                        .insert(format!("skills[{}]", skills.len()), at.clone());
                    skills.push(name);
                }
                for (j, k) in r
                    .array(s.get("keywords"), &format!("{at}.keywords"))
                    .iter()
                    .enumerate()
                {
                    if let Some(word) = k.as_str().map(str::trim).filter(|w| !w.is_empty()) {
                        r.entries.insert(
                            format!("skills[{}]", skills.len()),
                            format!("{at}.keywords[{j}]"),
                        );
                        skills.push(word.to_string());
                    }
                }
            }
            cv.skills = Some(skills);
        }

        if !r.problems.is_empty() {
            return Err(Error::many(r.problems));
        }
        cv.provenance = Some(Provenance {
            document: String::new(),
            record: None,
            record_sha256: None,
            entries: r.entries,
        });
        Ok(cv)
    }

    fn period(&self, r: &mut Reading, job: &Value, at: &str, org_key: &str) -> Option<Period> {
        let start = match job.get("startDate") {
            None | Some(Value::Null) => {
                r.problem_of(
                    ErrorKind::MissingField {
                        field: "startDate".to_string(),
                    },
                    &format!("{at}.startDate"),
                    "missing: experience is counted from dated periods".into(),
                );
                return None;
            }
            Some(Value::String(s)) if is_ongoing(s) => {
                r.problem(
                    &format!("{at}.startDate"),
                    format!(
                        "`{}` is not a start date: experience is counted from dated periods",
                        s.trim()
                    ),
                );
                return None;
            }
            Some(_) => r.date(job, "startDate", at)?,
        };
        // "Present" and the like: ongoing, as a missing end is.
        let end = r.end(job, "endDate", at).flatten();
        if let Some(end) = end {
            if end.last_day() < start.first_day() {
                r.problem_of(
                    ErrorKind::CrossField,
                    &format!("{at}.endDate"),
                    format!("end {end} is before start {start}"),
                );
                return None;
            }
        }
        let mut text = String::new();
        if let Some(s) = job.get("summary").and_then(Value::as_str) {
            text.push_str(s);
        }
        for h in r.array(job.get("highlights"), &format!("{at}.highlights")) {
            if let Some(h) = h.as_str() {
                text.push_str(" . ");
                text.push_str(h);
            }
        }
        let domains = self.vocabulary.and_then(|v| {
            let found = inferred_domains(v, &text);
            (!found.is_empty()).then_some(found)
        });
        // `company` is the key of schemas before 1.0, still common.
        let organization = match r.string(job, &[org_key], &format!("{at}.{org_key}")) {
            Some(name) => Some(name),
            None if org_key == "name" => r.string(job, &["company"], &format!("{at}.company")),
            None => None,
        };
        Some(Period {
            title: r.string(job, &["position"], &format!("{at}.position")),
            organization,
            country: None,
            international: None,
            domains_inferred: domains.is_some(),
            domains,
            start,
            end,
            fraction: None,
            declared_years: None,
        })
    }
}

/// "Associate of Arts" and the like: a post-secondary degree.
fn associate(study: &str) -> Option<DegreeLevel> {
    let key = crate::matching::key(study);
    (key == "associate" || key.starts_with("associate ") || key.starts_with("associates "))
        .then_some(DegreeLevel::PostSecondary)
}

/// The fluency descriptors JSON Resumes use (LinkedIn's and the ILR's),
/// mapped to CEFR.
fn fluency(text: &str) -> Option<LanguageLevel> {
    use crate::model::Cefr;
    const TABLE: [(&str, Cefr); 14] = [
        ("native speaker", Cefr::C2),
        ("native or bilingual proficiency", Cefr::C2),
        ("bilingual", Cefr::C2),
        ("mother tongue", Cefr::C2),
        ("full professional proficiency", Cefr::C1),
        ("professional working proficiency", Cefr::B2),
        ("limited working proficiency", Cefr::B1),
        ("elementary proficiency", Cefr::A2),
        ("conversational", Cefr::B1),
        ("intermediate", Cefr::B1),
        ("upper intermediate", Cefr::B2),
        ("advanced", Cefr::C1),
        ("beginner", Cefr::A1),
        ("elementary", Cefr::A2),
    ];
    let key = crate::matching::key(text);
    TABLE
        .iter()
        .find(|(name, _)| crate::matching::key(name) == key)
        .map(|(_, cefr)| LanguageLevel::from_cefr(*cefr))
}

/// The domains of `vocabulary` named in `text`: every run of one to five
/// words that is a name of a domain, canonical names, sorted, once each.
fn inferred_domains(vocabulary: &Vocabulary, text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for sentence in text.split(['.', ';', ',', ':', '(', ')', '\n']) {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        for start in 0..words.len() {
            for len in 1..=5 {
                let Some(run) = words.get(start..start.saturating_add(len)) else {
                    break;
                };
                // "no resettlement work" names a domain and says the
                // opposite: a domain after a negation is not inferred.
                let negated = words
                    .get(start.saturating_sub(3)..start)
                    .is_some_and(|before| {
                        before
                            .iter()
                            .any(|w| NEGATIONS.contains(&w.to_lowercase().as_str()))
                    });
                if negated {
                    continue;
                }
                if let Some(name) = vocabulary.canonical(Category::Domain, &run.join(" ")) {
                    if !found.iter().any(|f| f == name) {
                        found.push(name.to_string());
                    }
                }
            }
        }
    }
    found.sort();
    found
}

/// The start of the key of a provenance note on what was not read
/// (`not read: languages[1]`).
const NOT_READ: &str = "not read: ";

/// Whether a date's text says the period has not ended ("Present").
fn is_ongoing(text: &str) -> bool {
    super::ONGOING.contains(&crate::matching::key(text).as_str())
}

/// Words that turn the domain after them into its opposite.
const NEGATIONS: [&str; 8] = [
    "no", "not", "without", "never", "non", "sin", "nunca", "ningún",
];

/// A document being read: its problems, and where each entry came from.
struct Reading {
    problems: Vec<Error>,
    entries: BTreeMap<String, String>,
}

impl Reading {
    /// A value that is not valid, at `path`.
    fn problem(&mut self, path: &str, message: String) {
        self.problem_of(ErrorKind::InvalidValue, path, message);
    }

    fn problem_of(&mut self, kind: ErrorKind, path: &str, message: String) {
        self.problems.push(self.fail(kind, path, &message));
    }

    fn fail(&self, kind: ErrorKind, path: &str, message: &str) -> Error {
        Error::new(
            kind,
            Location {
                path: (!path.is_empty()).then(|| path.to_string()),
                ..Location::default()
            },
            message.to_string(),
        )
    }

    /// A string at `keys` under `value`; blank is absent; another type is
    /// a problem at `path`.
    fn string(&mut self, value: &Value, keys: &[&str], path: &str) -> Option<String> {
        let mut v = value;
        for k in keys {
            v = v.get(k)?;
        }
        match v {
            Value::Null => None,
            Value::String(s) => {
                let s = s.trim();
                (!s.is_empty()).then(|| s.to_string())
            }
            other => {
                let expected = ErrorKind::WrongType {
                    expected: "a string".to_string(),
                };
                self.problem_of(
                    expected,
                    path,
                    format!("expected a string, found {}", kind(other)),
                );
                None
            }
        }
    }

    fn array<'v>(&mut self, value: Option<&'v Value>, path: &str) -> &'v [Value] {
        match value {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => items,
            Some(other) => {
                let expected = ErrorKind::WrongType {
                    expected: "an array".to_string(),
                };
                self.problem_of(
                    expected,
                    path,
                    format!("expected an array, found {}", kind(other)),
                );
                &[]
            }
        }
    }

    /// The end date at `key` of an entry at `at`: `None` absent or blank,
    /// `Some(None)` a word for "not ended" ("Present", "Actualidad").
    fn end(&mut self, entry: &Value, key: &str, at: &str) -> Option<Option<PartialDate>> {
        match entry.get(key) {
            Some(Value::String(s)) if is_ongoing(s) => Some(None),
            _ => self.date(entry, key, at).map(Some),
        }
    }

    /// The date at `key` of an entry at `at`; absent or blank is `None`.
    fn date(&mut self, entry: &Value, key: &str, at: &str) -> Option<PartialDate> {
        let path = format!("{at}.{key}");
        let text = self.string(entry, &[key], &path)?;
        match text.parse::<PartialDate>() {
            Ok(d) => Some(d),
            Err(e) => {
                self.problem(&path, e.to_string());
                None
            }
        }
    }
}

/// serde_json's message without its " at line L column C" (the location
/// says it).
fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_string(),
        None => text,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
