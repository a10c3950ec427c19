//! Certifications (with expiry) and skills (listed or evidenced by an
//! experience domain).

use super::experience::period_label;
use super::prepared::{Prepared, PreparedCertification, PreparedPeriod};
use super::{Context, Outcome};
use crate::explain::facts::{
    CertificationFacts, CertificationFound, Facts, SkillFacts, SkillFound,
};
use crate::explain::{Code, Status};
use crate::matching::{best_match, stronger, Category, Matched};
use crate::model::vacancy::NamedRule;
use crate::PartialDate;

/// Expiry for choosing among certificates: none (never expires) is best,
/// else the later the better.
fn expiry_rank(expires: Option<PartialDate>) -> (bool, Option<PartialDate>) {
    (expires.is_none(), expires)
}

/// Whether certificate `a` is better evidence than `b`: the better name
/// match, then the later expiry, then the earlier issue date. The choice
/// depends on what the certificates say, not on their order in the profile.
fn better_cert(a: &Held<'_>, b: &Held<'_>) -> bool {
    if stronger(&a.matched, &b.matched) != stronger(&b.matched, &a.matched) {
        return stronger(&a.matched, &b.matched);
    }
    expiry_rank(a.cert.expires)
        .cmp(&expiry_rank(b.cert.expires))
        .then(b.cert.issued.cmp(&a.cert.issued))
        .is_gt()
}

/// A certificate of the profile and how its name matched.
struct Held<'c> {
    cert: &'c PreparedCertification,
    matched: Matched<'c>,
}

fn keep_best<'c>(slot: &mut Option<Held<'c>>, held: Held<'c>) {
    if slot.as_ref().is_none_or(|b| better_cert(&held, b)) {
        *slot = Some(held);
    }
}

pub(crate) fn certification<'a>(
    rule: &'a NamedRule,
    p: &'a Prepared<'_>,
    ctx: &Context<'_>,
) -> Outcome<'a> {
    let outcome = |status, code, found| {
        Outcome::simple(
            status,
            code,
            Facts::Certification(CertificationFacts { rule, found }),
        )
    };
    let Some(certs) = &p.certifications else {
        return outcome(
            Status::Unknown,
            Code::CertificationNotStated,
            CertificationFound::NotStated,
        );
    };
    let mut valid = None;
    let mut expired = None;
    let mut near = None;
    for cert in certs {
        let Some((_, matched)) = best_match(
            &rule.any_of,
            std::iter::once((0, &cert.name)),
            ctx.vocabulary,
            Category::Certification,
        ) else {
            continue;
        };
        let held = Held { cert, matched };
        if !held.matched.counts() {
            keep_best(&mut near, held);
            continue;
        }
        if cert.issued.is_some_and(|i| i > ctx.measured_at) {
            continue;
        }
        match cert.expires {
            Some(exp) if exp.last_day() < ctx.measured_at => keep_best(&mut expired, held),
            _ => keep_best(&mut valid, held),
        }
    }
    if let Some(held) = valid {
        return outcome(
            Status::Met,
            Code::CertificationMet,
            CertificationFound::Valid {
                index: held.cert.index,
                expires: held.cert.expires,
                matched: held.matched,
            },
        );
    }
    if let Some(held) = expired {
        if let Some(on) = held.cert.expires {
            return outcome(
                Status::NotMet,
                Code::CertificationExpired,
                CertificationFound::Expired {
                    index: held.cert.index,
                    matched: held.matched,
                    on,
                    needed_on: ctx.measured_at,
                },
            );
        }
    }
    outcome(
        Status::NotMet,
        Code::CertificationMissing,
        CertificationFound::Missing {
            near: near.map(|held| (held.cert.index, held.matched)),
        },
    )
}

pub(crate) fn skill<'a>(
    rule: &'a NamedRule,
    p: &'a Prepared<'_>,
    ctx: &Context<'_>,
) -> Outcome<'a> {
    let outcome = |status, code, found| {
        Outcome::simple(status, code, Facts::Skill(SkillFacts { rule, found }))
    };
    let mut near = None;
    if let Some(skills) = &p.skills {
        if let Some((index, matched)) = best_match(
            &rule.any_of,
            skills.iter().enumerate(),
            ctx.vocabulary,
            Category::Skill,
        ) {
            if matched.counts() {
                return outcome(
                    Status::Met,
                    Code::SkillMet,
                    SkillFound::Listed { index, matched },
                );
            }
            near = Some((index, matched));
        }
    }
    // Evidence from experience: the best match over every period (by
    // match, then by the period's label), not the first period listed.
    let mut from_experience: Option<(&PreparedPeriod, Matched<'_>)> = None;
    for period in p.periods.iter().flatten() {
        let Some((_, m)) = best_match(
            &rule.any_of,
            period.domain_skills.iter().enumerate(),
            ctx.vocabulary,
            Category::Skill,
        ) else {
            continue;
        };
        if !m.counts() {
            continue;
        }
        let better = from_experience.as_ref().is_none_or(|(bp, bm)| {
            stronger(&m, bm) || (!stronger(bm, &m) && period.entry.label() < bp.entry.label())
        });
        if better {
            from_experience = Some((period, m));
        }
    }
    if let Some((period, matched)) = from_experience {
        return outcome(
            Status::Met,
            Code::SkillMet,
            SkillFound::Evidenced {
                index: period.index,
                period: period_label(period),
                matched,
            },
        );
    }
    if p.skills.is_none() {
        outcome(Status::Unknown, Code::SkillNotStated, SkillFound::NotStated)
    } else {
        outcome(
            Status::NotMet,
            Code::SkillMissing,
            SkillFound::Missing { near },
        )
    }
}
