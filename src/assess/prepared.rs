//! The candidate side, normalised once and reused for every vacancy.

use chrono::NaiveDate;

use crate::matching::{Category, Term, Vocabulary};
use crate::model::{Country, DegreeLevel};
use crate::Candidate;
use crate::LanguageSkill;

pub(crate) struct PreparedDegree {
    pub(crate) index: usize,
    pub(crate) level: DegreeLevel,
    pub(crate) field: Option<Term>,
    pub(crate) completed: Option<NaiveDate>,
    pub(crate) accredited: Option<bool>,
    pub(crate) label: String,
}

pub(crate) struct PreparedPeriod {
    pub(crate) index: usize,
    pub(crate) start: NaiveDate,
    /// Last day; `None` is ongoing.
    pub(crate) end: Option<NaiveDate>,
    pub(crate) share: f64,
    /// `None`: domains not stated.
    pub(crate) domains: Option<Vec<Term>>,
    /// The domains read as skills, for skills evidenced by experience.
    pub(crate) domain_skills: Vec<Term>,
    pub(crate) country: Option<Country>,
    /// As stated: nationality is used for work authorization only, so an
    /// unstated value is not inferred from it.
    pub(crate) international: Option<bool>,
    pub(crate) organization: Option<Term>,
    pub(crate) label: String,
}

pub(crate) struct PreparedCertification {
    pub(crate) index: usize,
    pub(crate) name: Term,
    pub(crate) issued: Option<NaiveDate>,
    pub(crate) expires: Option<crate::PartialDate>,
}

/// A candidate ready for assessment against any vacancy of one rule set.
pub(crate) struct Prepared<'c> {
    pub(crate) candidate: &'c Candidate,
    pub(crate) degrees: Option<Vec<PreparedDegree>>,
    pub(crate) periods: Option<Vec<PreparedPeriod>>,
    pub(crate) certifications: Option<Vec<PreparedCertification>>,
    pub(crate) skills: Option<Vec<Term>>,
    pub(crate) staff_of: Option<Vec<Term>>,
    pub(crate) languages: Option<&'c [LanguageSkill]>,
    /// SHA-256 of the profile's canonical JSON, for audit records.
    pub(crate) digest: String,
}

impl<'c> Prepared<'c> {
    pub(crate) fn new(candidate: &'c Candidate, vocabulary: &Vocabulary) -> Prepared<'c> {
        let degrees = candidate.education.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(index, d)| PreparedDegree {
                    index,
                    level: d.degree,
                    field: d
                        .field
                        .as_deref()
                        .map(|f| Term::new(f, vocabulary, Category::Field)),
                    completed: d.completed.map(|c| c.last_day()),
                    accredited: d.accredited,
                    label: d.label(),
                })
                .collect()
        });
        let periods = candidate.experience.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(index, p)| PreparedPeriod {
                    index,
                    start: p.start.first_day(),
                    end: p.end.map(|e| e.last_day()),
                    share: p.share(),
                    domains: p.domains.as_ref().map(|ds| {
                        ds.iter()
                            .map(|d| Term::new(d, vocabulary, Category::Domain))
                            .collect()
                    }),
                    domain_skills: p
                        .domains
                        .iter()
                        .flatten()
                        .map(|d| Term::new(d, vocabulary, Category::Skill))
                        .collect(),
                    country: p.country,
                    international: p.international,
                    organization: p
                        .organization
                        .as_deref()
                        .map(|o| Term::new(o, vocabulary, Category::Organization)),
                    label: p.label(),
                })
                .collect()
        });
        let certifications = candidate.certifications.as_ref().map(|list| {
            list.iter()
                .enumerate()
                .map(|(index, c)| PreparedCertification {
                    index,
                    name: Term::new(&c.name, vocabulary, Category::Certification),
                    issued: c.issued.map(|d| d.first_day()),
                    expires: c.expires,
                })
                .collect()
        });
        let terms = |list: &Option<Vec<String>>, category| {
            list.as_ref().map(|l| {
                l.iter()
                    .map(|s| Term::new(s, vocabulary, category))
                    .collect()
            })
        };
        Prepared {
            candidate,
            degrees,
            periods,
            certifications,
            skills: terms(&candidate.skills, Category::Skill),
            staff_of: terms(&candidate.staff_of, Category::Organization),
            languages: candidate.languages.as_deref(),
            digest: digest(candidate),
        }
    }
}

/// SHA-256 of the profile's normalised form: its JSON with object keys
/// sorted and every list sorted, so that neither the order of fields nor
/// the order of list items changes the digest (they change nothing else).
pub(crate) fn digest(candidate: &Candidate) -> String {
    fn normalise(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Array(items) => {
                items.iter_mut().for_each(normalise);
                items.sort_by_cached_key(ToString::to_string);
            }
            serde_json::Value::Object(map) => map.values_mut().for_each(normalise),
            _ => {}
        }
    }
    // Serialising a validated profile cannot fail; the fallback, `null`,
    // would still give a stable digest.
    let mut value = serde_json::to_value(candidate).unwrap_or_default();
    normalise(&mut value);
    super::sha256_hex(value.to_string().as_bytes())
}
