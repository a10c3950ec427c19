//! Candidate profiles: parsing and the checks serde cannot express.

use std::path::Path;

use super::{locate, InputFormat, Limits};
use crate::error::{Error, ErrorKind, Location};
use crate::Candidate;

/// Longest period accepted, in years: longer than a working life is a typo.
const MAX_PERIOD_YEARS: i64 = 60;

impl Candidate {
    /// Reads a profile from YAML text.
    ///
    /// # Errors
    /// Malformed YAML, unknown fields (with the closest valid one
    /// suggested), unknown codes or levels, impossible dates, a period that
    /// ends before it starts, a part-time fraction outside (0, 1].
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Candidate;
    /// let err = Candidate::from_yaml_str("experience:\n  - start: 2020-01\n    fraction: 1.5\n").unwrap_err();
    /// assert_eq!(err.to_string(), "line 3:5: experience[0].fraction: part-time fraction 1.5 is outside (0, 1]");
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<Candidate, Error> {
        Candidate::from_str_with(text, InputFormat::Yaml, &Limits::default())
    }

    /// Reads a profile from JSON text.
    ///
    /// # Errors
    /// As [`Candidate::from_yaml_str`].
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Candidate;
    /// let c = Candidate::from_json_str(r#"{"id": "ana", "skills": ["ProGres"]}"#)?;
    /// assert_eq!(c.skills.unwrap(), ["ProGres"]);
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Candidate, Error> {
        Candidate::from_str_with(text, InputFormat::Json, &Limits::default())
    }

    /// Reads a profile from text in `format`, within `limits`.
    ///
    /// # Errors
    /// As [`Candidate::from_yaml_str`], and input over `limits.max_bytes`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, InputFormat, Limits};
    /// let c = Candidate::from_str_with("id: ana", InputFormat::Yaml, &Limits::default())?;
    /// assert_eq!(c.id.as_deref(), Some("ana"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_str_with(
        text: &str,
        format: InputFormat,
        limits: &Limits,
    ) -> Result<Candidate, Error> {
        let candidate: Candidate = super::parse(text, format, limits)?;
        let problems = candidate.problems();
        if problems.is_empty() {
            return Ok(candidate);
        }
        let errors = problems
            .into_iter()
            .map(|(kind, path, message)| {
                let (line, column) = match format {
                    InputFormat::Yaml => locate(text, &path).unzip(),
                    InputFormat::Json => super::locate_json(text, &path).unzip(),
                };
                Error::new(
                    kind,
                    Location {
                        file: None,
                        line,
                        column,
                        path: Some(path),
                    },
                    message,
                )
            })
            .collect();
        Err(Error::many(errors))
    }

    /// Reads a profile from a file: JSON if its name ends in `.json`, else
    /// YAML. The id defaults to the file stem.
    ///
    /// # Errors
    /// An unreadable or non-UTF-8 file, or any error of
    /// [`Candidate::from_yaml_str`], with the file named.
    ///
    /// # Example
    /// ```
    /// let c = vacancy_match::Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
    /// assert_eq!(c.id.as_deref(), Some("ana-lopez"));
    /// # Ok::<(), vacancy_match::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Candidate, Error> {
        Candidate::from_path_with(path, &Limits::default())
    }

    /// As [`Candidate::from_path`], within `limits`.
    ///
    /// # Errors
    /// As [`Candidate::from_path`], and files over `limits.max_bytes`.
    ///
    /// # Example
    /// ```
    /// use vacancy_match::{Candidate, Limits};
    /// let err = Candidate::from_path_with("examples/candidates/ana_lopez_protection.yaml", &Limits::default().with_max_bytes(10)).unwrap_err();
    /// assert!(err.to_string().starts_with("examples/candidates/ana_lopez_protection.yaml: input of"));
    /// ```
    pub fn from_path_with(path: impl AsRef<Path>, limits: &Limits) -> Result<Candidate, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = super::read_text(path, limits)?;
        let mut candidate = Candidate::from_str_with(&text, InputFormat::of_path(path), limits)
            .map_err(|e| e.in_file(&name))?;
        if candidate.id.is_none() {
            candidate.id = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        }
        Ok(candidate)
    }

    /// Problems serde cannot see, as (kind, field path, message).
    pub(crate) fn problems(&self) -> Vec<(ErrorKind, String, String)> {
        let mut out = Vec::new();
        if let Some(id) = &self.id {
            if id.trim().is_empty() {
                out.push((
                    ErrorKind::InvalidValue,
                    "id".to_string(),
                    "empty candidate id".to_string(),
                ));
            }
        }
        for (i, p) in self.experience.iter().flatten().enumerate() {
            if let Some(end) = p.end {
                if end.last_day() < p.start.first_day() {
                    out.push((
                        ErrorKind::CrossField,
                        format!("experience[{i}].end"),
                        format!("end {end} is before start {}", p.start),
                    ));
                } else {
                    let days = end
                        .last_day()
                        .signed_duration_since(p.start.first_day())
                        .num_days();
                    let years = days.checked_div(365).unwrap_or(0);
                    if years > MAX_PERIOD_YEARS {
                        out.push((ErrorKind::InvalidValue,
                            format!("experience[{i}].end"),
                            format!("period of {years} years is longer than a working life (at most {MAX_PERIOD_YEARS})"),
                        ));
                    }
                }
            }
            if let Some(f) = p.fraction {
                if !f.is_finite() || f <= 0.0 || f > 1.0 {
                    out.push((
                        ErrorKind::InvalidValue,
                        format!("experience[{i}].fraction"),
                        format!("part-time fraction {f} is outside (0, 1]"),
                    ));
                }
            }
            if let Some(y) = p.declared_years {
                if !y.is_finite() || y <= 0.0 || y > MAX_PERIOD_YEARS as f64 {
                    out.push((
                        ErrorKind::InvalidValue,
                        format!("experience[{i}].declared_years"),
                        format!("declared years {y} are outside (0, {MAX_PERIOD_YEARS}]"),
                    ));
                }
            }
            for (j, d) in p.domains.iter().flatten().enumerate() {
                if !crate::matching::has_words(d) {
                    out.push((
                        ErrorKind::InvalidValue,
                        format!("experience[{i}].domains[{j}]"),
                        "empty domain".to_string(),
                    ));
                }
            }
        }
        for (i, l) in self.languages.iter().flatten().enumerate() {
            if let (Some(level), Some(false)) = (&l.level, l.native) {
                if level.says_native() {
                    out.push((
                        ErrorKind::CrossField,
                        format!("languages[{i}].native"),
                        format!(
                            "`native: false` contradicts level `{}`, which says a mother tongue; \
                             expected `native: true` or a level such as C2",
                            level.written().unwrap_or("native")
                        ),
                    ));
                }
            }
        }
        for (i, c) in self.certifications.iter().flatten().enumerate() {
            if let (Some(issued), Some(expires)) = (c.issued, c.expires) {
                if expires.last_day() < issued.first_day() {
                    out.push((
                        ErrorKind::CrossField,
                        format!("certifications[{i}].expires"),
                        format!("expiry {expires} is before issue {issued}"),
                    ));
                }
            }
            if !crate::matching::has_words(&c.name) {
                out.push((
                    ErrorKind::InvalidValue,
                    format!("certifications[{i}].name"),
                    "empty name".to_string(),
                ));
            }
        }
        for (i, s) in self.skills.iter().flatten().enumerate() {
            if !crate::matching::has_words(s) {
                out.push((
                    ErrorKind::InvalidValue,
                    format!("skills[{i}]"),
                    "empty skill".to_string(),
                ));
            }
        }
        for (i, s) in self.affiliate_of.iter().flatten().enumerate() {
            if !crate::matching::has_words(s) {
                out.push((
                    ErrorKind::InvalidValue,
                    format!("affiliate_of[{i}]"),
                    "empty organization".to_string(),
                ));
            }
        }
        for (i, s) in self.staff_of.iter().flatten().enumerate() {
            if !crate::matching::has_words(s) {
                out.push((
                    ErrorKind::InvalidValue,
                    format!("staff_of[{i}]"),
                    "empty organization".to_string(),
                ));
            }
        }
        out
    }
}
