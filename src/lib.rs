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
//! use vacancy_match::{Candidate, RuleSet, Verdict};
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
//! let report = rules.assess(&cv, "2024-01-15".parse().unwrap()).ranked();
//! let first = &report[0];
//! println!("{first}"); // a readable block with every finding
//! let officer = report.iter().find(|a| a.vacancy == "unhcr-gt-resettlement-officer-2024").unwrap();
//! assert_eq!(officer.verdict, Verdict::Ineligible);
//! let english = officer.findings.iter().find(|f| f.requirement == "english").unwrap();
//! assert_eq!(english.gap.as_ref().unwrap().to_string(), "English B2, C1 (fluent) required");
//! # Ok::<(), vacancy_match::Error>(())
//! ```
//!
//! # Design
//!
//! There is one way to assess: [`RuleSet::assess`] (or
//! [`PreparedCandidate::assess`] for a candidate prepared once) makes a
//! [`Request`] naming the candidate and the date; options are methods
//! that return the request ([`Request::lang`]); and the method that ends
//! it says what comes back: [`Request::each`], [`Request::ranked`],
//! [`Request::one`], or the findings as data with
//! [`Request::evaluate_each`] and [`Request::evaluate_one`]. A new option
//! (a score policy, a profile source) is one more method on the request,
//! not a copy of every function with a suffix. The date is an argument,
//! not an option with a default, because the library never reads the
//! clock: every request says the day it judges as of.
//!
//! Evaluations borrow what they judge, through the request that made
//! them (a request made by [`RuleSet::assess`] owns its prepared
//! candidate): bind the request to a variable to keep its evaluations.
//!
//! ```
//! use vacancy_match::{Candidate, Lang, RuleSet, Verdict};
//! let rules = RuleSet::bundled()?;
//! let cv = Candidate::from_path("examples/candidates/ana_lopez_protection.yaml")?;
//! let request = rules.assess(&cv, "2024-01-15".parse()?).lang(Lang::Es);
//! let eligible: Vec<_> = request
//!     .evaluate_each()
//!     .into_iter()
//!     .filter(|e| e.verdict() == Verdict::Eligible)
//!     .collect();
//! assert_eq!(eligible[0].explain(Lang::Es), request.one(eligible[0].vacancy().id()).unwrap());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Inputs
//!
//! A **rule set** is a folder of YAML files: one vacancy per file,
//! `vocabulary.yaml` (names that mean the same field, domain,
//! certification, skill or organization, in English and Spanish) and
//! `scales.yaml` (how "fluent", "nativo" or "UN III" map to CEFR). Load it
//! with [`RuleSet::from_dir`], [`RuleSet::from_file`],
//! [`RuleSet::from_yaml_str`], or use the five postings bundled into the
//! crate with [`RuleSet::bundled`].
//!
//! ```yaml
//! id: unhcr-mx-protection-assistant-2025
//! title: Protection Assistant
//! organization: UNHCR
//! duty_station: { city: Villahermosa, country: MX }
//! deadline: 2025-08-12
//! target_start: 2025-08-01
//! requirements:
//!   - { id: internal, kind: internal, organizations: [UNHCR], source: "advertised to internal applicants" }
//!   - id: education
//!     kind: education
//!     source: "Completion of Secondary education"
//!     paths: [{ degree: secondary, experience: { years: 1 } }]
//!   - { id: english, kind: language, languages: en, level: good, source: "Good knowledge of English" }
//!   - { id: office, kind: skill, priority: desirable, any_of: [MS Office], source: "MS Office" }
//! ```
//!
//! A **candidate profile** is a YAML or JSON document ([`Candidate`]):
//! nationalities and work authorizations, current employer (`staff_of`),
//! degrees, dated experience periods with domains, languages with levels,
//! certifications, skills and attestations. No field exists for age, sex,
//! marital status, photo, religion or any protected attribute, and unknown
//! fields are refused, so no rule can refer to them.
//!
//! Applicants also come from what HR offices have: spreadsheet exports of
//! application forms, read row by row through a mapping file (`Importer`
//! and `Mapping`, feature `import`), and JSON Resume documents
//! ([`ResumeReader`]). Each imported entry keeps where it came from (a
//! sheet cell, a JSON Resume path) in [`Provenance`], and findings cite
//! it; see `docs/IMPORT.md`.
//!
//! Both are validated strictly: unknown fields, wrong types, unknown codes,
//! impossible dates, duplicate ids. Every [`Error`] names the file, line,
//! column and field path, and suggests the closest valid word; a folder
//! reports every bad file ([`Error::problems`]). Inputs are refused above
//! a size limit ([`Limits`]), past 64 levels of nesting, with NUL bytes or
//! invalid UTF-8, or with several YAML documents. Nothing panics on input.
//!
//! # Semantics
//!
//! **Three-valued findings.** Each requirement is `met`, `not_met` or
//! `unknown` (the profile lacks the data: a person must verify). A list
//! that is absent from a profile is "not stated" (`unknown`); a list that
//! is present but lacks the item is a fact (`not_met`).
//!
//! **Verdict.** Any required `not_met` makes the candidate
//! [`Verdict::Ineligible`]; otherwise any required `unknown` makes it
//! [`Verdict::NeedsReview`]; otherwise [`Verdict::Eligible`]. Desirable
//! requirements (assets) never change the verdict, only the score.
//!
//! **Dates.** `as_of` is always explicit: the library never reads the
//! clock. Experience and validity are measured at the earlier of `as_of`
//! and the vacancy's deadline, so experience gained after the deadline
//! never counts; a vacancy whose deadline is before `as_of` is reported
//! `closed` and still assessed. A permit must be valid on the target start
//! date, else on the deadline, else on `as_of`.
//!
//! **Experience** is computed from dated periods: overlaps are merged (at
//! most full time at any moment), part-time counts pro rata, ongoing
//! periods run to the measurement date, future periods count nothing; a
//! year is 365 days of full-time work. A requirement can count only
//! periods in some domains (with `related: true`, other periods go to
//! review rather than fail), some countries, international or national
//! posts, or after a degree.
//!
//! **Education** requirements are alternative paths (bachelor + 3 years,
//! or master + 2, or doctorate + 1): a higher degree satisfies a lower
//! one; degrees not completed by the measurement date do not count; the
//! explanation names the path met, or the closest one and its gap.
//!
//! **Names** (fields, domains, certifications, skills, organizations) are
//! matched after normalisation (case, accents, punctuation, plurals,
//! abbreviations) through the vocabulary first, then by containment, then
//! fuzzily (normalised Damerau-Levenshtein ≥ 0.85 for names of 8+
//! characters; shorter names and acronyms must match exactly). Evidence
//! shows what matched what and how closely; near misses are shown and not
//! counted.
//!
//! # Score
//!
//! `score = 100 × (0.8 × R + 0.2 × D)`, where R and D are the
//! weight-averaged credits of the required and of the desirable findings
//! (`100 × R` when a vacancy has no desirable requirement). A finding's
//! credit is 1 when met; its partial credit when not met (1.5 of 2 years
//! is 0.75; B2 where C1 is required is 4/5; a missing degree level weighs
//! as the cube of the level ratio); and 0.5, or its partial credit if
//! higher, when unknown. Adding experience, a degree, a certificate or a
//! higher language level to a stated profile never lowers the score or
//! worsens the verdict (tested by property tests).
//!
//! # Explanations
//!
//! An [`Assessment`] holds one [`Finding`] per requirement, in file order:
//! a stable [`Code`] (the closed set is listed with [`Code::ALL`] and
//! [`Code::meaning`]), the [`Status`], the sentence, what was expected,
//! the [`Evidence`] used and the [`Gap`]. [`Assessment::what_if`] lists the
//! changes that would make the candidate eligible, and [`Assessment::audit`]
//! pins the inputs (SHA-256 of the rule file and of the normalised profile).
//! Output is deterministic: the same inputs give byte-identical JSON.
//!
//! [`Report`] writes the text report of one candidate against a rule set,
//! the one `vacancy-match check` prints: a short block per vacancy (what
//! is missing, what to verify, what is met, the assets). The `Display` of
//! one [`Assessment`] is the longer form of one block: every finding with
//! its evidence.
//!
//! Explanations are written in English or Spanish ([`Lang`]): a request
//! takes the language with [`Request::lang`] (English by default). The language
//! changes the words only: verdicts, scores, codes, evidence items and
//! ranking are the same, and the assessment records its `lang`. Spanish
//! is the formal Spanish of UN postings in Latin America, with a decimal
//! comma and the Spanish names of languages, countries and degrees;
//! requirements are named by their labels, names from rule files by the
//! vocabulary's display form for the language, and a profile's names as
//! written.
//!
//! ```
//! use vacancy_match::{Candidate, Lang, RuleSet};
//!
//! let rules = RuleSet::bundled()?;
//! let cv = Candidate::from_path("examples/candidates/sofia_giron_graduate.json")?;
//! let a = rules.assess(&cv, "2024-01-15".parse().unwrap()).lang(Lang::Es).one("unhcr-gt-resettlement-officer-2024").unwrap();
//! let spanish = a.findings.iter().find(|f| f.requirement == "spanish").unwrap();
//! assert_eq!(spanish.message, "Español C2 (nativo) cumple C1 (fluido)");
//! assert_eq!(a.what_if[1].change, "0,5 años más de experiencia en protección de refugiados/soluciones duraderas/apatridia/desplazamiento interno");
//! # Ok::<(), vacancy_match::Error>(())
//! ```
//!
//! # Rule authoring
//!
//! Rule files carry their own test cases ([`RuleSet::run_cases`]), and
//! [`RuleSet::analyze`] warns about rules that load but are probably
//! wrong: dominated or impossible paths, a language required at two
//! levels, a desirable item no stronger than a required one, a requirement
//! without a `source` quote from the posting.
//!
//! # Features
//!
//! - `cli` (default): the `vacancy-match` command-line tool and the crates
//!   only it needs. Library users can turn it off with
//!   `default-features = false`.
//! - `import` (default, and part of `cli`): reading spreadsheet exports
//!   (xlsx, ods through calamine; CSV through csv) with a `Mapping`.
//!   JSON Resume ([`ResumeReader`]) needs no feature.
//! - `schema`: the JSON Schemas of the file formats.

// Input must never crash the caller: no panicking shortcuts, indexing or
// arithmetic in the library (its unit tests may use them).
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]
#![cfg_attr(test, allow(clippy::indexing_slicing, clippy::arithmetic_side_effects))]

mod analyze;
mod assess;
mod cases;
mod error;
mod explain;
mod import;
mod load;
mod matching;
mod model;
mod record;
mod report;
mod ruleset;
#[cfg(feature = "schema")]
mod schema;
mod screen;
mod text;

pub use analyze::Warning;
pub use assess::{Evaluation, Judgement, PreparedCandidate, Request};
pub use cases::CaseOutcome;
/// The calendar date of every `as_of` and of [`PartialDate`]'s days,
/// re-exported so that callers need not depend on chrono themselves.
///
/// # Example
/// ```
/// let as_of: vacancy_match::NaiveDate = "2025-07-01".parse()?;
/// assert_eq!(as_of.to_string(), "2025-07-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub use chrono::NaiveDate;
pub use error::{Error, ErrorKind, Location};
pub use explain::{Assessment, Audit, Change, Evidence, Finding, Gap};
pub use import::json_resume::{is_json_resume, ResumeReader};
#[cfg(feature = "import")]
pub use import::{
    draft::draft_mapping,
    mapping::Mapping,
    sheet::{Applicant, Import, Importer},
};
pub use load::{special_file_kind, InputFormat, Limits};
pub use matching::{Category, MatchKind, NameMatch, Vocabulary};
pub use model::candidate::{
    AuthorizationStatus, Candidate, Certification, Completion, Degree, LanguageSkill, Period,
    Provenance, WorkAuthorization,
};
pub use model::vacancy::{Priority, Requirement, Vacancy};
pub use model::{
    Cefr, Code, Country, DegreeLevel, Lang, Language, LanguageLevel, PartialDate, PartialDateError,
    Scales, Status, Verdict,
};
pub use record::SCHEMA_VERSION;
pub use report::{escape_terminal, Plain, Report, RuleSource, Style, Tone};
pub use ruleset::RuleSet;
#[cfg(all(feature = "schema", feature = "import"))]
pub use schema::mapping_schema;
#[cfg(feature = "schema")]
pub use schema::{candidate_schema, output_schema, rules_schema};
pub use screen::{CsvRow, Framing, JsonRecords, ScreenRecord};
pub use text::Text;

/// The README's Rust examples, compiled and run as doctests so that it
/// stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// The import guide's Rust example, run as a doctest.
#[cfg(all(doctest, feature = "import"))]
#[doc = include_str!("../docs/IMPORT.md")]
struct ImportDoctests;
