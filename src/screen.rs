//! Screening many candidates: a flat record per candidate × vacancy, the
//! same in JSON, JSON Lines and CSV, and profiles read from JSON Lines
//! with errors located by line.
//!
//! Layer 9 of 10 (bottom first; see CONTRIBUTING.md): may use every layer up
//! to `record`; not `cases`, `analyze` or `import`, its neighbours.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorKind, Location};
use crate::explain::{Assessment, Code, Lang, Status, Verdict};
use crate::load::{InputFormat, Limits};
use crate::{Candidate, Evaluation, Priority};

/// One row of a screening report: one candidate against one vacancy, or
/// one input that could not be read.
///
/// Every field is a scalar, so the record is the same in JSON, JSON Lines
/// and CSV (where `None` is an empty cell). Lists are joined with `"; "`,
/// and line breaks in free text are replaced by spaces, so a record is
/// always one line of CSV or JSON Lines.
///
/// | field | meaning |
/// |---|---|
/// | `schema_version` | [`SCHEMA_VERSION`](crate::SCHEMA_VERSION), in JSON only (the CSV header names the columns) |
/// | `source` | where the profile came from: a file path, or `stdin:LINE` / `FILE:LINE` for JSON Lines |
/// | `candidate` | the candidate's id (a file's stem when the profile has none) |
/// | `name` | the candidate's name, if stated |
/// | `vacancy` | the vacancy's id |
/// | `title` | the vacancy's title |
/// | `verdict` | `eligible`, `needs_review` or `ineligible` |
/// | `score` | 0–100 |
/// | `closed` | whether the vacancy's deadline had passed on `as_of` |
/// | `as_of` | the date of the assessment |
/// | `unmet` | the required requirements not met, as `requirement:code` |
/// | `to_verify` | the required requirements a person must verify, as `requirement:code` |
/// | `gaps` | for each of those, `requirement: what is missing` |
/// | `error` | for an input that could not be read, every problem, located; else empty |
///
/// An error record has `source`, `as_of` and `error`, and nothing else.
///
/// Serialized, the record starts with `schema_version`; [`ScreenRecord::csv_row`]
/// is the record without it, the row under [`ScreenRecord::FIELDS`].
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, RuleSet, ScreenRecord};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/emilio_carranza_asylum.json")?;
/// let a = rules.assess(&cv, "2024-01-15".parse().unwrap()).one("unhcr-gt-resettlement-officer-2024").unwrap();
/// let record = ScreenRecord::from_assessment("emilio_carranza_asylum.json", &cv, &a);
/// assert_eq!(record.unmet, ["english:language.below_level"]);
/// let json = serde_json::to_value(&record).unwrap();
/// assert_eq!(json["verdict"], "ineligible");
/// assert!(json["gaps"].as_str().unwrap().starts_with("english: English B2, C1 (fluent) required; "));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
// Serialized by hand (below): with `schema_version` first, or without it
// as a CSV row.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ScreenRecord {
    /// Where the profile came from: a path, or `NAME:LINE` for JSON Lines.
    pub source: String,
    /// The candidate's id.
    pub candidate: Option<String>,
    /// The candidate's name.
    pub name: Option<String>,
    /// The vacancy's id (`None` for an error record).
    pub vacancy: Option<String>,
    /// The vacancy's title.
    pub title: Option<String>,
    /// The verdict (`None` for an error record).
    pub verdict: Option<Verdict>,
    /// The score, 0–100.
    pub score: Option<f64>,
    /// Whether the vacancy had closed on `as_of`.
    pub closed: Option<bool>,
    /// The date of the assessment.
    pub as_of: NaiveDate,
    /// Required requirements not met, as `requirement:code`.
    pub unmet: Vec<String>,
    /// Required requirements to verify, as `requirement:code`.
    pub to_verify: Vec<String>,
    /// What is missing or to verify, as `requirement: sentence`.
    pub gaps: Vec<String>,
    /// Why the input could not be read, every problem located.
    pub error: Option<String>,
}

impl ScreenRecord {
    /// The field names, in the order every format writes them (the CSV
    /// header); JSON writes `schema_version` before them.
    ///
    /// # Example
    /// ```
    /// assert_eq!(vacancy_match::ScreenRecord::FIELDS[0], "source");
    /// ```
    pub const FIELDS: [&'static str; 13] = [
        "source",
        "candidate",
        "name",
        "vacancy",
        "title",
        "verdict",
        "score",
        "closed",
        "as_of",
        "unmet",
        "to_verify",
        "gaps",
        "error",
    ];

    /// The record of one assessment of `candidate`, read from `source`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, RuleSet, ScreenRecord, Verdict};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_yaml_str("id: x")?;
    /// let a = rules.assess(&cv, "2025-10-01".parse().unwrap()).one("iom-gt-operations-assistant-2025").unwrap();
    /// let record = ScreenRecord::from_assessment("x.yaml", &cv, &a);
    /// assert_eq!(record.verdict, Some(Verdict::NeedsReview));
    /// assert!(record.to_verify.contains(&"spanish:language.not_stated".to_string()));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn from_assessment(
        source: &str,
        candidate: &Candidate,
        assessment: &Assessment,
    ) -> ScreenRecord {
        let failing = assessment
            .findings
            .iter()
            .filter(|f| f.priority == Priority::Required && f.status != Status::Met)
            .map(|f| {
                let what = f
                    .gap
                    .as_ref()
                    .map_or_else(|| f.message.to_string(), |g| g.render(assessment.lang));
                (f.requirement.as_str(), f.status, f.code, what)
            });
        ScreenRecord {
            source: one_line(source),
            candidate: assessment.candidate.as_deref().map(one_line),
            name: candidate.name.as_deref().map(one_line),
            vacancy: Some(assessment.vacancy.to_string()),
            title: Some(one_line(&assessment.title)),
            verdict: Some(assessment.verdict),
            score: Some(assessment.score),
            closed: Some(assessment.closed),
            as_of: assessment.as_of,
            error: None,
            ..ScreenRecord::failing(failing)
        }
    }

    /// The record of one evaluation, its gaps in `lang`: the same as
    /// [`ScreenRecord::from_assessment`] of the evaluation explained in
    /// `lang`, with only the gaps written.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Lang, RuleSet, ScreenRecord};
    /// let rules = RuleSet::bundled()?;
    /// let cv = Candidate::from_path("examples/candidates/emilio_carranza_asylum.json")?;
    /// let prepared = rules.prepare(&cv);
    /// let as_of = "2024-01-15".parse().unwrap();
    /// for e in prepared.assess(as_of).evaluate_each() {
    ///     let record = ScreenRecord::from_evaluation("emilio.json", &e, Lang::Es);
    ///     assert_eq!(record, ScreenRecord::from_assessment("emilio.json", &cv, &e.explain(Lang::Es)));
    /// }
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn from_evaluation(source: &str, evaluation: &Evaluation<'_>, lang: Lang) -> ScreenRecord {
        let candidate = evaluation.candidate();
        let vacancy = evaluation.vacancy();
        let failing = evaluation
            .findings()
            .iter()
            .filter(|j| j.priority() == Priority::Required && j.status() != Status::Met)
            .map(|j| {
                let mut what = String::new();
                if !j.write_gap(lang, &mut what) {
                    what = j.explain(lang).message.to_string();
                }
                (j.requirement(), j.status(), j.code(), what)
            });
        ScreenRecord {
            source: one_line(source),
            candidate: candidate.id.as_deref().map(one_line),
            name: candidate.name.as_deref().map(one_line),
            vacancy: Some(vacancy.id().to_string()),
            title: Some(one_line(vacancy.title_in(lang))),
            verdict: Some(evaluation.verdict()),
            score: Some(evaluation.score()),
            closed: Some(evaluation.closed()),
            as_of: evaluation.as_of(),
            error: None,
            ..ScreenRecord::failing(failing)
        }
    }

    /// The lists of a record from the required findings not met: each as
    /// (requirement, status, code, what is missing).
    fn failing<'a>(
        findings: impl Iterator<Item = (&'a str, Status, Code, String)>,
    ) -> ScreenRecord {
        let mut unmet = Vec::new();
        let mut to_verify = Vec::new();
        let mut gaps = Vec::new();
        for (requirement, status, code, what) in findings {
            let list = match status {
                Status::Met => continue,
                Status::NotMet => &mut unmet,
                Status::Unknown => &mut to_verify,
            };
            list.push([requirement, ":", code.as_str()].concat());
            gaps.push(one_line_owned([requirement, ": ", &what].concat()));
        }
        ScreenRecord {
            unmet,
            to_verify,
            gaps,
            ..ScreenRecord::empty(NaiveDate::MIN)
        }
    }

    /// The record of an input that could not be read: every problem of
    /// `error`, located, joined with `"; "`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, ScreenRecord};
    /// let err = Candidate::from_path("no/such/cv.yaml").unwrap_err();
    /// let record = ScreenRecord::from_error("no/such/cv.yaml", "2025-01-01".parse().unwrap(), &err);
    /// assert!(record.verdict.is_none());
    /// assert!(record.error.unwrap().starts_with("no/such/cv.yaml: "));
    /// ```
    #[must_use]
    pub fn from_error(source: &str, as_of: NaiveDate, error: &Error) -> ScreenRecord {
        let message = error
            .problems()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        ScreenRecord::failed(source, as_of, &message)
    }

    /// The record of an input that could not be read, for a reason
    /// given as text (a line too long, a directory that cannot be listed).
    ///
    /// # Example
    /// ```
    /// let r = vacancy_match::ScreenRecord::failed("stdin:3", "2025-01-01".parse().unwrap(), "stdin:3: line too long");
    /// assert_eq!(r.error.as_deref(), Some("stdin:3: line too long"));
    /// ```
    #[must_use]
    pub fn failed(source: &str, as_of: NaiveDate, message: &str) -> ScreenRecord {
        ScreenRecord {
            source: one_line(source),
            error: Some(one_line(message)),
            ..ScreenRecord::empty(as_of)
        }
    }

    /// A record with nothing in it but the date.
    fn empty(as_of: NaiveDate) -> ScreenRecord {
        ScreenRecord {
            source: String::new(),
            candidate: None,
            name: None,
            vacancy: None,
            title: None,
            verdict: None,
            score: None,
            closed: None,
            as_of,
            unmet: Vec::new(),
            to_verify: Vec::new(),
            gaps: Vec::new(),
            error: None,
        }
    }
}

impl Serialize for ScreenRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.write_fields(serializer, true)
    }
}

/// A [`ScreenRecord`] without its `schema_version`: a row under
/// [`ScreenRecord::FIELDS`] ([`ScreenRecord::csv_row`]).
#[derive(Debug, Clone, Copy)]
pub struct CsvRow<'a>(&'a ScreenRecord);

impl Serialize for CsvRow<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write_fields(serializer, false)
    }
}

impl ScreenRecord {
    /// The record's fields in the order of [`ScreenRecord::FIELDS`],
    /// after `schema_version` when `versioned`.
    fn write_fields<S: Serializer>(
        &self,
        serializer: S,
        versioned: bool,
    ) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        /// A list as one string, its items joined with `"; "`.
        struct Joined<'a>(&'a [String]);
        impl Serialize for Joined<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                joined(self.0, serializer)
            }
        }
        // Every field by name, without `..`: a field added to the record
        // does not compile here until it is written.
        let ScreenRecord {
            source,
            candidate,
            name,
            vacancy,
            title,
            verdict,
            score,
            closed,
            as_of,
            unmet,
            to_verify,
            gaps,
            error,
        } = self;
        let len = ScreenRecord::FIELDS
            .len()
            .saturating_add(usize::from(versioned));
        let mut s = serializer.serialize_struct("ScreenRecord", len)?;
        if versioned {
            s.serialize_field("schema_version", &crate::SCHEMA_VERSION)?;
        }
        s.serialize_field("source", source)?;
        s.serialize_field("candidate", candidate)?;
        s.serialize_field("name", name)?;
        s.serialize_field("vacancy", vacancy)?;
        s.serialize_field("title", title)?;
        s.serialize_field("verdict", verdict)?;
        s.serialize_field("score", score)?;
        s.serialize_field("closed", closed)?;
        s.serialize_field("as_of", as_of)?;
        s.serialize_field("unmet", &Joined(unmet))?;
        s.serialize_field("to_verify", &Joined(to_verify))?;
        s.serialize_field("gaps", &Joined(gaps))?;
        s.serialize_field("error", error)?;
        s.end()
    }
}

impl ScreenRecord {
    /// The record as a CSV row: its fields in the order of
    /// [`ScreenRecord::FIELDS`], without `schema_version` (a CSV file's
    /// columns are named by its header).
    ///
    /// # Example
    /// ```
    /// let r = vacancy_match::ScreenRecord::failed("a.yaml", "2025-01-01".parse().unwrap(), "a.yaml: bad");
    /// let row = serde_json::to_string(&r.csv_row()).unwrap();
    /// assert!(row.starts_with(r#"{"source":"a.yaml","candidate":null,"#));
    /// let json = serde_json::to_string(&r).unwrap();
    /// assert_eq!(json, row.replacen('{', r#"{"schema_version":1,"#, 1));
    /// ```
    #[must_use]
    pub fn csv_row(&self) -> CsvRow<'_> {
        CsvRow(self)
    }
}

impl ScreenRecord {
    /// Appends the record as one line of JSON (without the line break):
    /// the same bytes as `serde_json::to_writer`, written directly, for
    /// screens that write millions of records.
    pub(crate) fn write_json(&self, out: &mut Vec<u8>) {
        write_version(out);
        out.extend_from_slice(b"\"source\":");
        json_str(out, &self.source);
        out.extend_from_slice(b",\"candidate\":");
        json_opt_str(out, self.candidate.as_deref());
        out.extend_from_slice(b",\"name\":");
        json_opt_str(out, self.name.as_deref());
        out.extend_from_slice(b",\"vacancy\":");
        json_opt_str(out, self.vacancy.as_deref());
        out.extend_from_slice(b",\"title\":");
        json_opt_str(out, self.title.as_deref());
        out.extend_from_slice(b",\"verdict\":");
        json_opt_str(out, self.verdict.map(Verdict::as_str));
        out.extend_from_slice(b",\"score\":");
        match self.score {
            // A float as serde_json writes it (shortest round trip).
            Some(score) => {
                let _ = serde_json::to_writer(&mut *out, &score);
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"closed\":");
        out.extend_from_slice(match self.closed {
            Some(true) => b"true",
            Some(false) => b"false",
            None => b"null",
        });
        out.extend_from_slice(b",\"as_of\":");
        json_date(out, self.as_of);
        for (key, items) in [
            (&b",\"unmet\":"[..], &self.unmet),
            (b",\"to_verify\":", &self.to_verify),
            (b",\"gaps\":", &self.gaps),
        ] {
            out.extend_from_slice(key);
            match items.as_slice() {
                [one] => json_str(out, one),
                items => json_str(out, &items.join("; ")),
            }
        }
        out.extend_from_slice(b",\"error\":");
        json_opt_str(out, self.error.as_deref());
        out.push(b'}');
    }
}

impl ScreenRecord {
    /// The record of each of one profile's
    /// evaluations, each record between `before` and `after` (for JSON
    /// Lines, nothing and a line break): the source and the candidate's
    /// name are escaped once for all of them.
    pub(crate) fn write_evaluations_json(
        source: &str,
        evaluations: &[Evaluation<'_>],
        lang: Lang,
        out: &mut Vec<u8>,
        before: &[u8],
        after: &[u8],
    ) {
        // The first record's head, by the candidate it was written for.
        let mut head: Option<(&Candidate, std::ops::Range<usize>)> = None;
        for evaluation in evaluations {
            out.extend_from_slice(before);
            let candidate = evaluation.candidate();
            match &head {
                Some((written, range)) if std::ptr::eq(*written, candidate) => {
                    out.extend_from_within(range.clone());
                }
                _ => {
                    let start = out.len();
                    write_head(out, source, candidate);
                    head = Some((candidate, start..out.len()));
                }
            }
            write_rest(evaluation, lang, out);
            out.extend_from_slice(after);
        }
    }
}

/// Screening records as JSON, written into bytes this value keeps: the
/// same bytes as `serde_json` writes for each [`ScreenRecord`], written
/// directly, for screens that write millions of records.
///
/// # Example
/// ```
/// use vacancy_match::{Candidate, Framing, JsonRecords, Lang, RuleSet, ScreenRecord};
/// let rules = RuleSet::bundled()?;
/// let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
/// let request = rules.assess(&cv, "2024-01-15".parse()?);
/// let all = request.evaluate_each();
/// // All of one profile's records at once, straight from the evaluations…
/// let mut together = JsonRecords::new(Framing::Lines);
/// together.push_evaluations("sofia.json", &all, Lang::Es);
/// // …are the records built one by one, as serde writes them.
/// let mut one_by_one = JsonRecords::new(Framing::Lines);
/// let mut serde = String::new();
/// for e in &all {
///     let record = ScreenRecord::from_evaluation("sofia.json", e, Lang::Es);
///     one_by_one.push(&record);
///     serde += &(serde_json::to_string(&record)? + "\n");
/// }
/// assert_eq!(together.as_bytes(), one_by_one.as_bytes());
/// assert_eq!(together.as_bytes(), serde.as_bytes());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct JsonRecords {
    bytes: Vec<u8>,
    framing: Framing,
}

/// How [`JsonRecords`] sets records apart.
///
/// # Example
/// ```
/// use vacancy_match::{Framing, JsonRecords, ScreenRecord};
/// let record = ScreenRecord::failed("a.json", "2025-01-01".parse()?, "unreadable");
/// let mut items = JsonRecords::new(Framing::ArrayItems);
/// items.push(&record);
/// items.push(&record);
/// let text = std::str::from_utf8(items.as_bytes())?;
/// assert!(text.starts_with(",\n{\"schema_version\":1,"));
/// let array: serde_json::Value = serde_json::from_str(&format!("[{}]", &text[1..]))?;
/// assert_eq!(array.as_array().unwrap().len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Framing {
    /// JSON Lines: each record followed by a line break.
    #[default]
    Lines,
    /// The items of a JSON array: each record preceded by a comma and a
    /// line break. The writer of the array opens it with `[`, drops the
    /// first comma (the records of one array may be written by several
    /// threads, each into its own [`JsonRecords`]) and closes it with
    /// `]`.
    ArrayItems,
}

impl Framing {
    fn before(self) -> &'static [u8] {
        match self {
            Framing::Lines => b"",
            Framing::ArrayItems => b",\n",
        }
    }

    fn after(self) -> &'static [u8] {
        match self {
            Framing::Lines => b"\n",
            Framing::ArrayItems => b"",
        }
    }
}

impl JsonRecords {
    /// No records yet, set apart by `framing`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Framing, JsonRecords};
    /// assert!(JsonRecords::new(Framing::Lines).as_bytes().is_empty());
    /// ```
    #[must_use]
    pub fn new(framing: Framing) -> JsonRecords {
        JsonRecords::reusing(framing, Vec::new())
    }

    /// No records yet, written after what `bytes` holds (so that a
    /// screen can reuse one allocation for batch after batch).
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Framing, JsonRecords, ScreenRecord};
    /// let mut records = JsonRecords::reusing(Framing::Lines, Vec::with_capacity(1 << 16));
    /// records.push(&ScreenRecord::failed("a.json", "2025-01-01".parse()?, "unreadable"));
    /// let bytes = records.into_bytes();
    /// assert!(bytes.ends_with(b"}\n") && bytes.capacity() >= 1 << 16);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn reusing(framing: Framing, bytes: Vec<u8>) -> JsonRecords {
        JsonRecords { bytes, framing }
    }

    /// Writes one record.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Framing, JsonRecords, ScreenRecord};
    /// let record = ScreenRecord::failed("a.json", "2025-01-01".parse()?, "unreadable");
    /// let mut records = JsonRecords::new(Framing::Lines);
    /// records.push(&record);
    /// assert_eq!(records.as_bytes(), (serde_json::to_string(&record)? + "\n").as_bytes());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push(&mut self, record: &ScreenRecord) {
        self.bytes.extend_from_slice(self.framing.before());
        record.write_json(&mut self.bytes);
        self.bytes.extend_from_slice(self.framing.after());
    }

    /// Writes the record of each evaluation, its gaps in `lang`, without
    /// building the records: the same bytes as pushing
    /// [`ScreenRecord::from_evaluation`] of each. The source and the
    /// candidate's name are escaped once for all of one profile's
    /// evaluations.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Framing, JsonRecords, Lang, RuleSet};
    /// let rules = RuleSet::bundled()?;
    /// let nobody = Candidate::default();
    /// let request = rules.assess(&nobody, "2025-01-01".parse()?);
    /// let mut records = JsonRecords::new(Framing::Lines);
    /// records.push_evaluations("stdin:1", &request.evaluate_each(), Lang::En);
    /// assert_eq!(records.as_bytes().iter().filter(|b| **b == b'\n').count(), rules.vacancies().len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn push_evaluations(&mut self, source: &str, evaluations: &[Evaluation<'_>], lang: Lang) {
        ScreenRecord::write_evaluations_json(
            source,
            evaluations,
            lang,
            &mut self.bytes,
            self.framing.before(),
            self.framing.after(),
        );
    }

    /// The records written so far.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::JsonRecords;
    /// assert_eq!(JsonRecords::default().as_bytes(), b"");
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The records written, as bytes to send on.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::JsonRecords;
    /// assert!(JsonRecords::default().into_bytes().is_empty());
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

/// The start of an evaluation's JSON record: its source and candidate.
fn write_head(out: &mut Vec<u8>, source: &str, candidate: &Candidate) {
    write_version(out);
    out.extend_from_slice(b"\"source\":");
    json_line_str(out, source);
    out.extend_from_slice(b",\"candidate\":");
    json_opt_line_str(out, candidate.id.as_deref());
    out.extend_from_slice(b",\"name\":");
    json_opt_line_str(out, candidate.name.as_deref());
}

/// The opening of a JSON record, up to its first field: `{` and
/// `"schema_version":N,`.
fn write_version(out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"schema_version\":");
    let _ = serde_json::to_writer(&mut *out, &crate::SCHEMA_VERSION);
    out.push(b',');
}

/// The rest of an evaluation's JSON record, after [`write_head`].
fn write_rest(evaluation: &Evaluation<'_>, lang: Lang, out: &mut Vec<u8>) {
    let vacancy = evaluation.vacancy();
    out.extend_from_slice(b",\"vacancy\":");
    json_str(out, vacancy.id());
    out.extend_from_slice(b",\"title\":");
    json_line_str(out, vacancy.title_in(lang));
    out.extend_from_slice(b",\"verdict\":");
    json_str(out, evaluation.verdict().as_str());
    out.extend_from_slice(b",\"score\":");
    let _ = serde_json::to_writer(&mut *out, &evaluation.score());
    out.extend_from_slice(if evaluation.closed() {
        b",\"closed\":true"
    } else {
        b",\"closed\":false"
    });
    out.extend_from_slice(b",\"as_of\":");
    json_date(out, evaluation.as_of());
    let failing = || {
        evaluation
            .findings()
            .iter()
            .filter(|j| j.priority() == Priority::Required && j.status() != Status::Met)
    };
    // The lists, written piece by piece into the output: escaping
    // the pieces one by one is escaping the whole.
    for (key, status) in [
        (&b",\"unmet\":\""[..], Status::NotMet),
        (b",\"to_verify\":\"", Status::Unknown),
    ] {
        out.extend_from_slice(key);
        for (i, j) in failing().filter(|j| j.status() == status).enumerate() {
            if i > 0 {
                out.extend_from_slice(b"; ");
            }
            json_piece(out, j.requirement());
            out.push(b':');
            json_piece(out, j.code().as_str());
        }
        out.push(b'"');
    }
    out.extend_from_slice(b",\"gaps\":\"");
    let mut gap_text = String::with_capacity(256);
    for (i, j) in failing().enumerate() {
        if i > 0 {
            out.extend_from_slice(b"; ");
        }
        gap_text.clear();
        gap_text.push_str(j.requirement());
        gap_text.push_str(": ");
        if !j.write_gap(lang, &mut gap_text) {
            gap_text.push_str(&j.explain(lang).message);
        }
        // Each gap on one line, as the record has it.
        json_line_piece(out, &gap_text);
    }
    out.push(b'"');
    out.extend_from_slice(b",\"error\":null}");
}

/// Text inside a JSON string, escaped as serde_json escapes it.
fn json_piece(out: &mut Vec<u8>, text: &str) {
    if any_byte(text, |word| {
        below(word, 0x20) | equal(word, b'"') | equal(word, b'\\')
    }) {
        let mut quoted = Vec::with_capacity(text.len().saturating_add(8));
        let _ = serde_json::to_writer(&mut quoted, text);
        let inside = quoted
            .get(1..quoted.len().saturating_sub(1))
            .unwrap_or_default();
        out.extend_from_slice(inside);
    } else {
        out.extend_from_slice(text.as_bytes());
    }
}

/// A JSON string of `text` on one line ([`one_line`]).
fn json_line_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    json_line_piece(out, text);
    out.push(b'"');
}

/// [`json_piece`] of `text` on one line ([`one_line`]).
fn json_line_piece(out: &mut Vec<u8>, text: &str) {
    // One pass for the common case: nothing to replace, nothing to escape.
    let plain = !any_byte(text, |word| {
        below(word, 0x20)
            | equal(word, b'"')
            | equal(word, b'\\')
            | equal(word, 0x7f)
            | equal(word, 0xc2)
    });
    if plain {
        out.extend_from_slice(text.as_bytes());
    } else if has_control(text) {
        json_piece(out, &one_line(text));
    } else {
        json_piece(out, text);
    }
}

/// A date as JSON, as chrono's `Serialize` writes it (`"2025-10-01"`).
fn json_date(out: &mut Vec<u8>, date: NaiveDate) {
    use chrono::Datelike;
    let (year, month, day) = (date.year(), date.month(), date.day());
    match u32::try_from(year) {
        Ok(year) if year <= 9999 => {
            let digits = |out: &mut Vec<u8>, value: u32, width: u32| {
                for place in (0..width).rev() {
                    let digit = value
                        .checked_div(10_u32.saturating_pow(place))
                        .and_then(|v| v.checked_rem(10))
                        .unwrap_or(0);
                    out.push(b'0'.saturating_add(u8::try_from(digit).unwrap_or(0)));
                }
            };
            out.push(b'"');
            digits(out, year, 4);
            out.push(b'-');
            digits(out, month, 2);
            out.push(b'-');
            digits(out, day, 2);
            out.push(b'"');
        }
        _ => {
            let _ = serde_json::to_writer(&mut *out, &date);
        }
    }
}

fn json_opt_line_str(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => json_line_str(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

/// Whether `text` has a control character.
fn has_control(text: &str) -> bool {
    // Control characters are ASCII controls, DEL, and C1 controls (which
    // UTF-8 writes after a 0xC2 byte): most text has no such byte at all.
    let suspect = any_byte(text, |word| {
        below(word, 0x20) | equal(word, 0x7f) | equal(word, 0xc2)
    });
    suspect && text.chars().any(char::is_control)
}

/// Whether any byte of `text` is flagged by `flag`, which marks the high
/// bit of some byte of a word of eight when any of its bytes is one to
/// find: text is scanned eight bytes at a time.
fn any_byte(text: &str, flag: impl Fn(u64) -> u64) -> bool {
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut flagged = 0;
    for chunk in &mut chunks {
        if let Ok(word) = <[u8; 8]>::try_from(chunk) {
            flagged |= flag(u64::from_le_bytes(word));
        }
    }
    // The rest, padded with a byte no test looks for.
    let mut word = [b'a'; 8];
    for (to, from) in word.iter_mut().zip(chunks.remainder()) {
        *to = *from;
    }
    flagged |= flag(u64::from_le_bytes(word));
    flagged & HIGH_BITS != 0
}

const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Non-zero in the high bits exactly when a byte of `word` is below `n`
/// (`n` at most 0x80).
fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(LOW_BITS.wrapping_mul(u64::from(n))) & !word & HIGH_BITS
}

/// Non-zero in the high bits exactly when a byte of `word` is `byte`.
fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ LOW_BITS.wrapping_mul(u64::from(byte)), 1)
}

/// A JSON string: the text as it is when nothing in it needs escaping,
/// else as serde_json escapes it.
fn json_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    json_piece(out, text);
    out.push(b'"');
}

fn json_opt_str(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => json_str(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

impl Candidate {
    /// Reads a profile from one line of a JSON Lines stream, with every
    /// error located as `source:LINE[:COLUMN]` (e.g. `stdin:2:15`).
    ///
    /// # Errors
    /// As [`Candidate::from_json_str`].
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Limits};
    /// let ok = Candidate::from_json_line(r#"{"id": "ana"}"#, "stdin", 1, &Limits::default())?;
    /// assert_eq!(ok.id.as_deref(), Some("ana"));
    /// let err = Candidate::from_json_line(r#"{"id": "ana", "skils": []}"#, "stdin", 2, &Limits::default()).unwrap_err();
    /// assert_eq!(err.to_string(), "stdin:2:21: skils: unknown field `skils`, did you mean `skills`?");
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_json_line(
        text: &str,
        source: &str,
        line: usize,
        limits: &Limits,
    ) -> Result<Candidate, Error> {
        Candidate::from_str_with(text, InputFormat::Json, limits)
            .map_err(|e| at_line(e, source, line))
    }
}

/// `error` as found in a document that starts at `line` of `source`.
fn at_line(error: Error, source: &str, line: usize) -> Error {
    let problems: Vec<Error> = error
        .problems()
        .into_iter()
        .map(|p| {
            let relocate = |location: Location| Location {
                file: Some(source.to_string()),
                line: Some(line.saturating_add(location.line.map_or(0, |l| l.saturating_sub(1)))),
                column: location.column,
                path: location.path,
            };
            match p.kind() {
                ErrorKind::Io { .. } => Error::new(
                    ErrorKind::InvalidValue,
                    relocate(Location::default()),
                    p.to_string(),
                ),
                _ => p.clone_error().relocated(&relocate),
            }
        })
        .collect();
    Error::many(problems)
}

/// Free text on one line: control characters become spaces.
fn one_line(text: &str) -> String {
    one_line_owned(text.to_string())
}

/// [`one_line`] of text already owned: returned as it is when it has no
/// control character.
fn one_line_owned(text: String) -> String {
    if has_control(&text) {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    } else {
        text
    }
}

fn joined<S: Serializer>(items: &[String], s: S) -> Result<S::Ok, S::Error> {
    match items {
        [] => s.serialize_str(""),
        [one] => s.serialize_str(one),
        // Written without joining them first.
        _ => s.collect_str(&crate::explain::joined(items, "; ", String::as_str)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_chrono_serializes_them() {
        for (y, m, d) in [
            (2025, 10, 1),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 2, 3),
            (-5, 1, 1),
            (12345, 6, 7),
        ] {
            let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
                continue;
            };
            let mut out = Vec::new();
            json_date(&mut out, date);
            assert_eq!(out, serde_json::to_vec(&date).unwrap(), "{date}");
        }
    }

    #[test]
    fn bytes_are_looked_for_eight_at_a_time_as_one_at_a_time() {
        let samples = [
            "",
            "a",
            "plain text of some length",
            "tab\there",
            "quote\"",
            "back\\slash",
            "\u{7f}",
            "ñandú",
            "\u{85}",
            "\u{1}\u{1}",
            "1234567\"",
            "12345678\"",
            "señor \u{a0}",
            "\u{1f}end",
        ];
        for text in samples {
            let escape = text.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
            let found = any_byte(text, |w| below(w, 0x20) | equal(w, b'"') | equal(w, b'\\'));
            assert_eq!(found, escape, "{text:?}");
            let control = text.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2);
            let found = any_byte(text, |w| below(w, 0x20) | equal(w, 0x7f) | equal(w, 0xc2));
            assert_eq!(found, control, "{text:?}");
        }
        for b in 0..=255_u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = b;
                let word = u64::from_le_bytes(bytes);
                assert_eq!(below(word, 0x20) != 0, b < 0x20, "{b} at {at}");
                assert_eq!(equal(word, b'"') != 0, b == b'"', "{b} at {at}");
                assert_eq!(equal(word, 0xc2) != 0, b == 0xc2, "{b} at {at}");
            }
        }
    }

    #[test]
    fn located_by_stream_line() {
        let text = r#"{"experience": [{"start": "2020-01", "end": "2019-01"}]}"#;
        let err = Candidate::from_json_line(text, "batch.jsonl", 7, &Limits::default())
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "batch.jsonl:7:38: experience[0].end: end 2019-01 is before start 2020-01"
        );
        let err = Candidate::from_json_line("{", "stdin", 3, &Limits::default())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("stdin:3:1: "), "{err}");
    }

    #[test]
    fn free_text_stays_on_one_line() {
        let r = ScreenRecord::failed(
            "a\nb",
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            "x\r\ny",
        );
        assert_eq!(r.source, "a b");
        assert_eq!(r.error.as_deref(), Some("x  y"));
    }
}
