//! Plain-text rendering of findings and assessments.

use std::fmt;

use super::{a_degree, fmt_years_missing, year_word};
use super::{Assessment, Finding, Gap, Status};
use crate::Priority;

impl fmt::Display for Gap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Gap::Years { missing, of } => {
                let amount = fmt_years_missing(*missing);
                write!(f, "needs {amount} more {} of {of}", year_word(&amount))
            }
            Gap::Level {
                language,
                have,
                need,
            } => match have {
                Some(have) => write!(f, "{language} {have}, {need} required"),
                None => write!(f, "{language} at {need} required"),
            },
            Gap::Degree { have, need } => match have {
                Some(have) => write!(f, "{} required, highest is {have}", a_degree(*need)),
                None => write!(f, "{} required", a_degree(*need)),
            },
            Gap::Field { have, accepted } => write!(
                f,
                "degree in {} required{}",
                accepted.join(", "),
                have.as_ref()
                    .map(|h| format!(", field is {h}"))
                    .unwrap_or_default()
            ),
            Gap::Missing { what } => write!(f, "needs {what}"),
            Gap::Expired {
                what,
                on,
                needed_on,
            } => {
                write!(f, "{what} expires {on}, must be valid on {needed_on}")
            }
            Gap::Verify { what } => write!(f, "verify {what}"),
        }
    }
}

impl Gap {
    /// The change that would close the gap, as a what-if for people:
    /// "1 more year of refugee protection experience", "English C1
    /// (fluent) instead of B2".
    ///
    /// # Example
    /// ```
    /// use vacancy_match::Gap;
    /// let gap = Gap::Level { language: "English".into(), have: Some("B2".into()), need: "C1 (fluent)".into() };
    /// assert_eq!(gap.change(), "English C1 (fluent) instead of B2");
    /// ```
    #[must_use]
    pub fn change(&self) -> String {
        match self {
            Gap::Years { missing, of } => {
                let amount = fmt_years_missing(*missing);
                format!("{amount} more {} of {of}", year_word(&amount))
            }
            Gap::Level {
                language,
                have: Some(have),
                need,
            } => format!("{language} {need} instead of {have}"),
            Gap::Level { language, need, .. } => format!("{language} at {need}"),
            Gap::Degree {
                have: Some(have),
                need,
            } => format!("a {need} instead of a {have}"),
            Gap::Degree { need, .. } => format!("a {need}"),
            Gap::Field { accepted, .. } => format!("a degree in {}", accepted.join(", ")),
            Gap::Missing { what } => what.clone(),
            Gap::Expired {
                what, needed_on, ..
            } => format!("{what} valid on {needed_on}"),
            Gap::Verify { what } => format!("confirmation of {what}"),
        }
    }
}

fn mark(finding: &Finding) -> &'static str {
    match finding.status {
        Status::Met => "  [met]      ",
        Status::Unknown => "  [verify]   ",
        Status::NotMet => "  [missing]  ",
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let asset = if self.priority == Priority::Desirable {
            " (asset)"
        } else {
            ""
        };
        write!(
            f,
            "{}{}{asset}: {}",
            mark(self),
            self.requirement,
            self.message
        )?;
        if let Some(gap) = &self.gap {
            if self.status != Status::Met {
                write!(f, "\n               gap: {gap}")?;
            }
        }
        for e in &self.evidence {
            write!(f, "\n               · {}: {}", e.item, e.detail)?;
            if let Some(m) = &e.matched {
                write!(f, " — {m}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Assessment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = match self.verdict {
            super::Verdict::Eligible => "ELIGIBLE",
            super::Verdict::NeedsReview => "NEEDS REVIEW",
            super::Verdict::Ineligible => "INELIGIBLE",
        };
        write!(
            f,
            "{verdict}  {:.1}/100  {} — {} ({})",
            self.score, self.vacancy, self.title, self.organization
        )?;
        if self.closed {
            write!(
                f,
                "  [closed: deadline passed; measured at {}]",
                self.measured_at
            )?;
        }
        for finding in &self.findings {
            write!(f, "\n{finding}")?;
        }
        if !self.what_if.is_empty() {
            let acquire: Vec<&str> = self
                .what_if
                .iter()
                .filter(|c| c.status == Status::NotMet)
                .map(|c| c.change.as_str())
                .collect();
            let verify: Vec<&str> = self
                .what_if
                .iter()
                .filter(|c| c.status == Status::Unknown)
                .map(|c| c.change.as_str())
                .collect();
            if !acquire.is_empty() {
                write!(
                    f,
                    "\n  what would make this eligible: {}",
                    acquire.join("; ")
                )?;
            }
            if !verify.is_empty() {
                let lead = if acquire.is_empty() {
                    "to confirm eligibility"
                } else {
                    "and then"
                };
                write!(f, "\n  {lead}: {}", verify.join("; "))?;
            }
        }
        Ok(())
    }
}
