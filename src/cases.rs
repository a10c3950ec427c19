//! Test cases carried by rule files: a profile, a date, and the verdict,
//! reason codes and score range the vacancy must give it.
//!
//! Layer 9 of 10 (bottom first; see CONTRIBUTING.md): may use every layer up
//! to `record`; not `analyze`, `screen` or `import`, its neighbours.
//!
//! ```yaml
//! tests:
//!   - name: resettlement caseworker with a law degree
//!     as_of: 2024-01-15
//!     profile: ../examples/candidates/ana_lopez_protection.yaml   # relative to the rule file
//!     expect: { verdict: eligible, codes: [education.met, experience.met], score: { min: 90 } }
//!   - name: no English stated
//!     as_of: 2024-01-15
//!     profile: { languages: [{ language: es, level: native }] }   # or inline
//!     expect: { verdict: ineligible, codes: [language.missing] }
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer};

use crate::{Assessment, Candidate, Code, Error, RuleSet, Vacancy, Verdict};

/// A test case of a vacancy, as written in its rule file.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub(crate) name: String,
    pub(crate) as_of: NaiveDate,
    pub(crate) profile: CaseProfile,
    pub(crate) expect: Expect,
    /// The line of the case in its file, if known.
    pub(crate) line: Option<usize>,
}

#[derive(Debug, Clone)]
pub(crate) enum CaseProfile {
    Inline(Box<Candidate>),
    File(PathBuf),
}

#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct Expect {
    #[serde(default)]
    verdict: Option<Verdict>,
    #[serde(default)]
    codes: Vec<Code>,
    #[serde(default)]
    score: Option<ScoreRange>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct ScoreRange {
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCase {
    name: String,
    as_of: crate::PartialDate,
    profile: RawProfile,
    expect: Expect,
}

#[derive(Debug)]
pub(crate) enum RawProfile {
    Inline(Box<Candidate>),
    File(String),
}

impl<'de> Deserialize<'de> for RawProfile {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawProfile;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a profile: a file path or an inline mapping")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawProfile, E> {
                Ok(RawProfile::File(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<RawProfile, A::Error> {
                let c = Candidate::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(RawProfile::Inline(Box::new(c)))
            }
        }
        d.deserialize_any(Visitor)
    }
}

impl RawCase {
    pub(crate) fn compile(self, line: Option<usize>) -> Case {
        Case {
            name: self.name,
            as_of: self.as_of.first_day(),
            profile: match self.profile {
                RawProfile::Inline(c) => CaseProfile::Inline(c),
                RawProfile::File(p) => CaseProfile::File(PathBuf::from(p)),
            },
            expect: self.expect,
            line,
        }
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == text)
            .ok_or_else(|| serde::de::Error::custom(unknown_code(&text)))
    }
}

/// Reasons authors write for a code's reason of the same meaning, and the
/// reasons they may mean (the first one the kind has is suggested).
const REASON_SYNONYMS: &[(&str, &[&str])] = &[
    ("not_authorized", &["missing"]),
    ("unauthorized", &["missing"]),
    ("no_permit", &["missing"]),
    ("no_right", &["missing"]),
    ("absent", &["missing", "degree_missing"]),
    ("none", &["missing", "degree_missing"]),
    ("lacking", &["missing", "degree_missing"]),
    ("not_found", &["missing", "degree_missing"]),
    ("no_degree", &["degree_missing"]),
    ("unknown", &["not_stated"]),
    ("unstated", &["not_stated"]),
    ("not_given", &["not_stated"]),
    ("not_provided", &["not_stated"]),
    ("not_declared", &["not_stated"]),
    ("no_data", &["not_stated"]),
    ("ok", &["met"]),
    ("pass", &["met"]),
    ("passed", &["met"]),
    ("satisfied", &["met"]),
    ("fulfilled", &["met"]),
    ("too_low", &["below_level"]),
    ("level_too_low", &["below_level"]),
    ("insufficient_level", &["below_level"]),
    ("too_short", &["short", "experience_short"]),
    ("not_enough", &["short", "experience_short"]),
    (
        "insufficient",
        &["short", "experience_short", "below_level"],
    ),
    ("review", &["to_verify", "field_to_verify"]),
    ("needs_review", &["to_verify", "field_to_verify"]),
    ("to_review", &["to_verify", "field_to_verify"]),
    ("external", &["not_staff"]),
    ("not_internal", &["not_staff"]),
    ("not_member", &["not_staff"]),
    ("lapsed", &["expired"]),
    ("outdated", &["expired"]),
    ("refused", &["declined", "status_not_accepted"]),
    ("denied", &["declined"]),
    ("wrong_status", &["status_not_accepted"]),
    (
        "not_accepted",
        &["status_not_accepted", "field_not_accepted"],
    ),
    ("invalid_status", &["status_not_accepted"]),
    ("non_native", &["not_native"]),
    ("not_a_native_speaker", &["not_native"]),
    ("native_unknown", &["native_to_verify"]),
    ("native_not_stated", &["native_to_verify"]),
    ("native_to_review", &["native_to_verify"]),
];

/// "unknown reason code `x`": with a suggestion among the codes of the
/// same requirement kind (the part before the dot), by meaning first,
/// then by spelling; without a close one, that kind's codes.
fn unknown_code(text: &str) -> String {
    let all = || Code::ALL.iter().map(|c| c.as_str());
    let Some((kind, reason)) = text
        .split_once('.')
        .filter(|(kind, _)| all().any(|c| c.split('.').next() == Some(*kind)))
    else {
        return crate::model::unknown_word("reason code", text, all());
    };
    let own: Vec<&str> = all()
        .filter(|c| c.split('.').next() == Some(kind))
        .collect();
    let by_meaning = REASON_SYNONYMS
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(reason))
        .and_then(|(_, meant)| {
            meant.iter().find_map(|m| {
                own.iter()
                    .copied()
                    .find(|c| c.split_once('.').is_some_and(|(_, r)| r == *m))
            })
        });
    // By spelling, the reasons alone: the kind they share would make
    // every code of the kind look close.
    let by_spelling = || {
        let reasons = own.iter().filter_map(|c| c.split_once('.').map(|(_, r)| r));
        let best = crate::matching::closest(reason, reasons)?;
        own.iter()
            .copied()
            .find(|c| c.split_once('.').is_some_and(|(_, r)| r == best))
    };
    match by_meaning.or_else(by_spelling) {
        Some(code) => format!("unknown reason code `{text}`, did you mean `{code}`?"),
        None => format!(
            "unknown reason code `{text}`, expected one of {}",
            own.join(", ")
        ),
    }
}

/// The result of one rule-file test case.
///
/// # Example
/// ```
/// let rules = vacancy_match::RuleSet::from_dir("rules")?;
/// let outcomes = rules.run_cases();
/// assert!(outcomes.len() >= 20);
/// assert!(outcomes.iter().all(|o| o.passed()), "{}", outcomes.iter().map(|o| o.to_string()).collect::<Vec<_>>().join("\n"));
/// # Ok::<(), vacancy_match::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CaseOutcome {
    /// The vacancy's id.
    pub vacancy: String,
    /// The rule file and the case's line in it, e.g. `rules/000.yaml:140`.
    pub place: String,
    /// The case's name.
    pub name: String,
    /// What differed from the expectation; empty when the case passed.
    pub differences: Vec<String>,
    /// The verdict and score obtained, when the profile could be assessed.
    pub got: Option<(Verdict, f64)>,
}

impl CaseOutcome {
    /// Whether the case gave what it expected.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::from_dir("rules")?;
    /// assert!(rules.run_cases()[0].passed());
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn passed(&self) -> bool {
        self.differences.is_empty()
    }
}

impl fmt::Display for CaseOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.passed() { "pass" } else { "FAIL" };
        write!(
            f,
            "{mark}  {} — {}  ({})",
            self.vacancy, self.name, self.place
        )?;
        if let Some((verdict, score)) = self.got {
            write!(f, "  [{} {score:.1}]", verdict.as_str())?;
        }
        for d in &self.differences {
            write!(f, "\n        {d}")?;
        }
        Ok(())
    }
}

fn check(expect: &Expect, a: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(v) = expect.verdict {
        if v != a.verdict {
            out.push(format!(
                "expected verdict {}, got {}",
                v.as_str(),
                a.verdict.as_str()
            ));
        }
    }
    for code in &expect.codes {
        if !a.findings.iter().any(|f| f.code == *code) {
            let got: Vec<&str> = a.findings.iter().map(|f| f.code.as_str()).collect();
            out.push(format!("expected code {code}, got {}", got.join(", ")));
        }
    }
    if let Some(range) = expect.score {
        let low = range.min.unwrap_or(0.0);
        let high = range.max.unwrap_or(100.0);
        if a.score < low || a.score > high {
            out.push(format!(
                "expected score in {low}..={high}, got {:.1}",
                a.score
            ));
        }
    }
    out
}

impl RuleSet {
    /// Runs every test case of every vacancy file. A case's profile path
    /// is read relative to its rule file.
    ///
    /// # Example
    /// ```
    /// let rules = vacancy_match::RuleSet::from_dir("rules")?;
    /// for outcome in rules.run_cases() {
    ///     println!("{outcome}");
    /// }
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    #[must_use]
    pub fn run_cases(&self) -> Vec<CaseOutcome> {
        self.vacancies
            .iter()
            .flat_map(|v| v.cases.iter().map(move |c| (v, c)))
            .map(|(v, c)| self.run_case(v, c))
            .collect()
    }

    /// The bundled rule set's cases name example profiles by a path from
    /// the source folder (`rules/../examples/candidates/x.yaml`); those are
    /// bundled too, so the cases run from any folder. `None` for any other
    /// rule set or path.
    fn bundled_profile(&self, path: &Path) -> Option<Result<Candidate, Error>> {
        if !self.bundled {
            return None;
        }
        let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
        for part in path.components() {
            match part {
                std::path::Component::ParentDir => {
                    parts.pop()?;
                }
                std::path::Component::Normal(name) => parts.push(name),
                _ => {}
            }
        }
        let key: std::path::PathBuf = parts.iter().collect();
        let (name, text) = crate::ruleset::BUNDLED_PROFILES
            .iter()
            .find(|(name, _)| Path::new(name) == key)?;
        let loaded = Candidate::from_str_with(
            text,
            crate::InputFormat::of_path(Path::new(name)),
            &crate::Limits::default(),
        )
        .map(|mut candidate| {
            if candidate.id.is_none() {
                candidate.id = key.file_stem().map(|s| s.to_string_lossy().into_owned());
            }
            candidate
        })
        .map_err(|e| e.in_file(name));
        Some(loaded)
    }

    fn run_case(&self, vacancy: &Vacancy, case: &Case) -> CaseOutcome {
        let file = vacancy.file.as_deref().unwrap_or("(string)");
        let place = match case.line {
            Some(line) => format!("{file}:{line}"),
            None => file.to_string(),
        };
        let mut outcome = CaseOutcome {
            vacancy: vacancy.id.to_string(),
            place,
            name: case.name.clone(),
            differences: Vec::new(),
            got: None,
        };
        let loaded;
        let candidate = match &case.profile {
            CaseProfile::Inline(c) => c.as_ref(),
            CaseProfile::File(path) => {
                let base = vacancy
                    .file
                    .as_deref()
                    .map(Path::new)
                    .and_then(Path::parent);
                let full = base.map_or_else(|| path.clone(), |b| b.join(path));
                let read = match self.bundled_profile(&full) {
                    Some(read) => read,
                    None => Candidate::from_path(&full),
                };
                match read {
                    Ok(c) => {
                        loaded = c;
                        &loaded
                    }
                    Err(e) => {
                        outcome
                            .differences
                            .push(format!("profile could not be loaded: {e}"));
                        return outcome;
                    }
                }
            }
        };
        let Some(a) = self.assess(candidate, case.as_of).one(vacancy.id()) else {
            return outcome;
        };
        outcome.got = Some((a.verdict, a.score));
        outcome.differences = check(&case.expect, &a);
        outcome
    }
}
