//! Language requirements at a CEFR level, possibly "one of" several.

use super::prepared::Prepared;
use super::{Code, Status};
use super::{Context, Outcome};
use crate::explain::facts::{Facts, LanguageFacts, LanguageFound};
use crate::model::vacancy::LanguageRule;
use crate::LanguageSkill;

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

pub(crate) fn assess<'a>(
    rule: &'a LanguageRule,
    p: &'a Prepared<'_>,
    _ctx: &Context<'_>,
) -> Outcome<'a> {
    let need = rule.level.cefr();
    let facts = |found| Facts::Language(LanguageFacts { rule, found });
    let Some(languages) = p.languages else {
        return Outcome::simple(
            Status::Unknown,
            Code::LanguageNotStated,
            facts(LanguageFound::NotStated),
        );
    };
    // The best listed entry for any accepted language; among equals, the
    // highest level, then by name, so the profile's order does not matter.
    let mut best: Option<(usize, &LanguageSkill, Status, f64)> = None;
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
            Some((_, other, s, c)) => (status, credit)
                .partial_cmp(&(s, c))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| tie(skill, other))
                .is_gt(),
        };
        top_credit = top_credit.max(credit);
        if better {
            best = Some((i, skill, status, credit));
        }
    }
    let Some((index, skill, status, _)) = best else {
        return Outcome::simple(
            Status::NotMet,
            Code::LanguageMissing,
            facts(LanguageFound::Missing(languages)),
        );
    };
    let code = match status {
        Status::Met => Code::LanguageMet,
        Status::Unknown => Code::LanguageLevelUnknown,
        Status::NotMet => Code::LanguageBelowLevel,
    };
    Outcome {
        status,
        credit: top_credit,
        code,
        facts: facts(LanguageFound::Listed {
            index,
            skill,
            status,
        }),
    }
}
