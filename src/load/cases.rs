//! A rule file's test cases, read from the file into `model`'s cases;
//! an unknown reason code is refused here, with a suggestion.

use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Deserializer};

use crate::model::candidate::Candidate;
use crate::model::case::{Case, CaseProfile, Expect, ScoreRange};
use crate::model::{Code, PartialDate, Verdict};

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "Expect")]
struct RawExpect {
    #[serde(default)]
    verdict: Option<Verdict>,
    #[serde(default)]
    codes: Vec<Code>,
    #[serde(default)]
    score: Option<RawScoreRange>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, rename = "ScoreRange")]
struct RawScoreRange {
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
    as_of: PartialDate,
    profile: RawProfile,
    expect: RawExpect,
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
            expect: Expect {
                verdict: self.expect.verdict,
                codes: self.expect.codes,
                score: self.expect.score.map(|s| ScoreRange {
                    min: s.min,
                    max: s.max,
                }),
            },
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
