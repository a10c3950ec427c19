//! Language requirements at a CEFR level, possibly "one of" several.

use super::prepared::Prepared;
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::model::vacancy::LanguageRule;
use crate::LanguageSkill;

fn names(rule: &LanguageRule) -> String {
    let names: Vec<&str> = rule.languages.iter().map(|l| l.english_name()).collect();
    match names.len() {
        0 | 1 => names.join(""),
        2..=4 => format!("one of {}", names.join(", ")),
        n => format!(
            "one of {n} languages ({}, ...)",
            names.iter().take(3).copied().collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Between two entries of equal status and credit: the higher level is
/// better, then the language and the level as written, alphabetically.
fn tie(a: &LanguageSkill, b: &LanguageSkill) -> std::cmp::Ordering {
    let level = |l: &LanguageSkill| l.level.as_ref().map(crate::LanguageLevel::cefr);
    let words = |l: &LanguageSkill| l.level.as_ref().map(ToString::to_string);
    level(a)
        .cmp(&level(b))
        .then_with(|| b.language.english_name().cmp(a.language.english_name()))
        .then_with(|| words(b).cmp(&words(a)))
}

pub(crate) fn assess(rule: &LanguageRule, p: &Prepared<'_>, _ctx: &Context<'_>) -> Outcome {
    let need = rule.level.cefr();
    let wanted = names(rule);
    let expected = format!("{wanted} at {}", rule.level);
    let Some(languages) = p.languages else {
        return Outcome {
            status: Status::Unknown,
            credit: 0.5,
            code: Code::LanguageNotStated,
            message: format!("no languages stated; needs {expected}"),
            expected: expected.clone(),
            path: None,
            evidence: Vec::new(),
            gap: Some(Gap::Verify { what: expected }),
        };
    };
    // The best listed entry for any accepted language; among equals, the
    // highest level, then by name, so the profile's order does not matter.
    let mut best: Option<(usize, Status, f64)> = None;
    // The credit is the best of any entry, so that listing a language
    // again without a level never lowers it below a stated lower level.
    let mut top_credit = 0.0_f64;
    for (i, skill) in languages.iter().enumerate() {
        if !rule.languages.contains(&skill.language) {
            continue;
        }
        let (status, credit) = match &skill.level {
            None => (Status::Unknown, 0.5),
            Some(level) if level.cefr() >= need => (Status::Met, 1.0),
            Some(level) => (
                Status::NotMet,
                f64::from(level.cefr().rank()) / f64::from(need.rank()),
            ),
        };
        let better = match best {
            None => true,
            Some((b, s, c)) => {
                let other = languages.get(b);
                (status, credit)
                    .partial_cmp(&(s, c))
                    .unwrap_or(std::cmp::Ordering::Equal)
                    .then_with(|| other.map_or(std::cmp::Ordering::Greater, |o| tie(skill, o)))
                    .is_gt()
            }
        };
        top_credit = top_credit.max(credit);
        if better {
            best = Some((i, status, credit));
        }
    }
    let Some((index, status, _)) = best else {
        // Sorted, so the sentence does not depend on the profile's order.
        let mut listed: Vec<&str> = languages
            .iter()
            .map(|l| l.language.english_name())
            .collect();
        listed.sort_unstable();
        listed.dedup();
        return Outcome {
            status: Status::NotMet,
            credit: 0.0,
            code: Code::LanguageMissing,
            message: format!(
                "{wanted} not listed (lists {}); needs {}",
                if listed.is_empty() {
                    "none".to_string()
                } else {
                    listed.join(", ")
                },
                rule.level
            ),
            expected,
            path: None,
            evidence: Vec::new(),
            gap: Some(Gap::Level {
                language: wanted,
                have: None,
                need: rule.level.to_string(),
            }),
        };
    };
    let Some(skill) = languages.get(index) else {
        return Outcome::empty(expected);
    };
    let name = skill.language.english_name();
    let have = skill.level.as_ref().map(ToString::to_string);
    let evidence = vec![Evidence {
        item: format!("languages[{index}]"),
        detail: format!("{name} {}", have.as_deref().unwrap_or("(level not stated)")),
        matched: None,
    }];
    let (code, message, gap) = match status {
        Status::Met => (
            Code::LanguageMet,
            format!(
                "{name} {} meets {}",
                have.as_deref().unwrap_or(""),
                rule.level
            ),
            None,
        ),
        Status::Unknown => (
            Code::LanguageLevelUnknown,
            format!("{name} listed without a level; needs {}", rule.level),
            Some(Gap::Verify {
                what: format!("{name} level ({} required)", rule.level),
            }),
        ),
        Status::NotMet => (
            Code::LanguageBelowLevel,
            format!(
                "{name} {}, {} required",
                have.as_deref().unwrap_or(""),
                rule.level
            ),
            Some(Gap::Level {
                language: name.to_string(),
                have: skill.level.as_ref().map(|l| l.cefr().to_string()),
                need: rule.level.to_string(),
            }),
        ),
    };
    Outcome {
        status,
        credit: top_credit,
        code,
        message,
        expected,
        path: None,
        evidence,
        gap,
    }
}
