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
use std::path::Path;

use crate::model::case::{Case, CaseProfile, Expect};
use crate::{Assessment, Candidate, Error, RuleSet, Vacancy, Verdict};

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
