//! Language requirements at a CEFR level, or of a native speaker,
//! possibly "one of" several.

use super::facts::{Facts, LanguageFacts, LanguageFound};
use super::prepared::Prepared;
use super::{Code, Status};
use super::{Context, Outcome};
use crate::model::vacancy::LanguageRule;
use crate::LanguageSkill;

/// Between two entries of equal status and credit: the higher level is
/// better, then the language and the level as written, alphabetically,
/// then the one stated native (over not stated, over stated not native).
fn tie(a: &LanguageSkill, b: &LanguageSkill) -> std::cmp::Ordering {
    let level = LanguageSkill::cefr;
    let words = |l: &LanguageSkill| l.level.as_ref().map(ToString::to_string);
    let native = |l: &LanguageSkill| match l.native {
        Some(true) => 2,
        None => 1,
        Some(false) => 0,
    };
    level(a)
        .cmp(&level(b))
        .then_with(|| b.language.english_name().cmp(a.language.english_name()))
        .then_with(|| words(b).cmp(&words(a)))
        .then_with(|| native(a).cmp(&native(b)))
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
        let (status, credit) = if rule.native {
            // Native-ness is a fact apart from the level: a native speaker
            // who wrote C1 meets it, a certified C2 who does not say is to
            // verify, and only a profile that says "not native" fails.
            match skill.mother_tongue() {
                Some(true) => (Status::Met, 1.0),
                None => (Status::Unknown, 0.5),
                Some(false) => (Status::NotMet, 0.0),
            }
        } else {
            match skill.cefr() {
                None => (Status::Unknown, 0.5),
                Some(level) if level >= need => (Status::Met, 1.0),
                Some(level) => (
                    Status::NotMet,
                    f64::from(level.rank()) / f64::from(need.rank()),
                ),
            }
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
    let code = match (status, rule.native) {
        (Status::Met, _) => Code::LanguageMet,
        (Status::Unknown, false) => Code::LanguageLevelUnknown,
        (Status::NotMet, false) => Code::LanguageBelowLevel,
        (Status::Unknown, true) => Code::LanguageNativeToVerify,
        (Status::NotMet, true) => Code::LanguageNotNative,
    };
    Outcome {
        status,
        credit: top_credit,
        code,
        facts: facts(LanguageFound::Listed {
            index,
            skill,
            status,
            words: p.language_words.get(index),
        }),
    }
}
