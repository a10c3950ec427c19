//! Check job candidates against vacancy eligibility rules, and explain
//! every verdict.
//!
//! Vacancy requirements live in YAML rule files (one vacancy per file, and
//! an alias vocabulary); candidate profiles are YAML or JSON. Each
//! candidate is assessed against each vacancy as of an explicit date: a
//! three-valued [`Verdict`], a 0–100 score, and one [`Finding`] per
//! requirement with its evidence and its [`Gap`].
//!
//! ```
//! use vacancy_match::{assess, Candidate, RuleSet, Verdict};
//!
//! let rules = RuleSet::bundled()?; // the five seed postings in rules/
//! let cv = Candidate::from_yaml_str(r#"
//! id: ana
//! nationalities: [GT]
//! education:
//!   - { degree: Licenciatura, field: Ciencias Jurídicas y Sociales, completed: 2015-11 }
//! experience:
//!   - { title: Protection Associate, organization: ACNUR, domains: [protección internacional], start: 2016-01 }
//! languages:
//!   - { language: español, level: nativo }
//!   - { language: English, level: B2 }
//! "#)?;
//! let report = assess(&cv, &rules, "2024-01-15".parse().unwrap());
//! let first = &report[0];
//! println!("{first}"); // a readable block with every finding
//! let officer = report.iter().find(|a| a.vacancy == "unhcr-gt-resettlement-officer-2024").unwrap();
//! assert_eq!(officer.verdict, Verdict::Ineligible);
//! let english = officer.findings.iter().find(|f| f.requirement == "english").unwrap();
//! assert_eq!(english.gap.as_ref().unwrap().to_string(), "English B2, C1 (fluent) required");
//! # Ok::<(), vacancy_match::Error>(())
//! ```
//!
//! # Semantics
//! - A requirement is `met`, `not_met` or `unknown` (the profile lacks the
//!   data). Any required `not_met` makes the candidate ineligible; else any
//!   required `unknown` means needs review; else eligible. Missing data is
//!   never silently a pass or a fail.
//! - Experience is measured up to the earlier of `as_of` and the
//!   vacancy's deadline; overlapping periods count once, part-time pro
//!   rata, ongoing periods run to that date, future periods count nothing.
//! - The score is `100 × (0.8 × R + 0.2 × D)`, R and D the weighted mean
//!   credits of required and desirable findings (`100 × R` without
//!   desirables); credit is 1 met, 0.5 unknown, partial when not met.
//!   Adding a qualification never lowers it.
//!
//! The file formats are described in the README and `docs/FORMAT.md`.

mod assess;
mod error;
mod explain;
mod load;
mod matching;
mod model;
mod ruleset;

pub use assess::{assess, rank, PreparedCandidate};
pub use error::{Error, ErrorKind, Location};
pub use explain::{Assessment, Code, Evidence, Finding, Gap, Status, Verdict};
pub use load::{InputFormat, Limits};
pub use matching::{Category, MatchKind, NameMatch, Vocabulary};
pub use model::candidate::{
    AuthorizationStatus, Candidate, Certification, Degree, LanguageSkill, Period, WorkAuthorization,
};
pub use model::vacancy::{Priority, Requirement, Vacancy};
pub use model::{Cefr, Country, DegreeLevel, Language, LanguageLevel, PartialDate};
pub use ruleset::RuleSet;
