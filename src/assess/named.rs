//! Certifications (with expiry) and skills (listed or evidenced by an
//! experience domain).

use super::experience::period_label;
use super::facts::{CertificationFacts, CertificationFound, Facts, SkillFacts, SkillFound};
use super::prepared::{Prepared, PreparedCertification, PreparedPeriod};
use super::{Code, Status};
use super::{Context, Outcome};
use crate::matching::{best_match, best_pick, stronger, Category, Matched, Pick};
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

/// What a profile shows of a rule's skills, kept by positions: found
/// once per prepared candidate and list of skills, however many
/// requirements and vacancies ask for the same list.
#[derive(Debug, Clone, Copy)]
pub(crate) enum SkillSeen {
    /// Skill `index` of the profile's list.
    Listed { index: usize, pick: Pick },
    /// Domain `domain` of the profile's period `period`.
    Evidenced {
        period: usize,
        domain: usize,
        pick: Pick,
    },
    /// Only a domain inferred from a period's description shows it
    /// (`Period::domains_inferred`): to verify, never sure.
    Inferred {
        period: usize,
        domain: usize,
        pick: Pick,
    },
    /// No skills stated, and no experience domain shows one.
    NotStated,
    /// Not listed; the closest skill below the threshold, if any.
    Missing { near: Option<(usize, Pick)> },
}

/// What the profile shows of `rule`'s skills.
pub(crate) fn seen(rule: &NamedRule, p: &Prepared<'_>, ctx: &Context<'_>) -> SkillSeen {
    let mut near = None;
    if let Some(skills) = &p.skills {
        if let Some((index, _, pick)) = best_pick(
            &rule.any_of,
            skills.iter().enumerate(),
            ctx.vocabulary,
            Category::Skill,
        ) {
            if pick.counts() {
                return SkillSeen::Listed { index, pick };
            }
            near = Some((index, pick));
        }
    }
    // Evidence from experience: the best match over every period (by
    // match, then by the period's label), not the first period listed;
    // domains stated first, those inferred from a description only to
    // verify.
    let mut from_experience: Option<(&PreparedPeriod, usize, Pick, Matched<'_>)> = None;
    let mut from_inferred: Option<(&PreparedPeriod, usize, Pick, Matched<'_>)> = None;
    for period in p.periods.iter().flatten() {
        let Some((domain, found, pick)) = best_pick(
            &rule.any_of,
            period.domain_skills.iter().enumerate(),
            ctx.vocabulary,
            Category::Skill,
        ) else {
            continue;
        };
        let Some(m) = pick.matched(&rule.any_of, found).filter(Matched::counts) else {
            continue;
        };
        let best = if period.entry.domains_inferred {
            &mut from_inferred
        } else {
            &mut from_experience
        };
        let better = best.as_ref().is_none_or(|(bp, _, _, bm)| {
            stronger(&m, bm) || (!stronger(bm, &m) && period.entry.label() < bp.entry.label())
        });
        if better {
            *best = Some((period, domain, pick, m));
        }
    }
    match (from_experience, from_inferred) {
        (Some((period, domain, pick, _)), _) => SkillSeen::Evidenced {
            period: period.index,
            domain,
            pick,
        },
        (None, Some((period, domain, pick, _))) => SkillSeen::Inferred {
            period: period.index,
            domain,
            pick,
        },
        (None, None) if p.skills.is_none() => SkillSeen::NotStated,
        (None, None) => SkillSeen::Missing { near },
    }
}

pub(crate) fn skill<'a>(
    rule: &'a NamedRule,
    p: &'a Prepared<'_>,
    ctx: &Context<'_>,
) -> Outcome<'a> {
    let outcome = |status, code, found| {
        Outcome::simple(status, code, Facts::Skill(SkillFacts { rule, found }))
    };
    let listed = |index: usize, pick: Pick| {
        let skill = p.skills.as_ref()?.get(index)?;
        Some((index, pick.matched(&rule.any_of, skill)?))
    };
    let evidence = |period: usize, domain: usize, pick: Pick| {
        let period = p.periods.as_ref()?.get(period)?;
        let skill = period.domain_skills.get(domain)?;
        Some((period, pick.matched(&rule.any_of, skill)?))
    };
    // The positions are the prepared candidate's own: each is found.
    match p.skill_seen(rule, ctx) {
        SkillSeen::Listed { index, pick } => {
            if let Some((index, matched)) = listed(index, pick) {
                return outcome(
                    Status::Met,
                    Code::SkillMet,
                    SkillFound::Listed { index, matched },
                );
            }
        }
        SkillSeen::Evidenced {
            period,
            domain,
            pick,
        } => {
            if let Some((period, matched)) = evidence(period, domain, pick) {
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
        }
        SkillSeen::Inferred {
            period,
            domain,
            pick,
        } => {
            if let Some((period, matched)) = evidence(period, domain, pick) {
                return outcome(
                    Status::Unknown,
                    Code::SkillToVerify,
                    SkillFound::Inferred {
                        index: period.index,
                        period: period_label(period),
                        matched,
                    },
                );
            }
        }
        SkillSeen::NotStated => {
            return outcome(Status::Unknown, Code::SkillNotStated, SkillFound::NotStated)
        }
        SkillSeen::Missing { near } => {
            let near = near.and_then(|(index, pick)| listed(index, pick));
            return outcome(
                Status::NotMet,
                Code::SkillMissing,
                SkillFound::Missing { near },
            );
        }
    }
    outcome(
        Status::NotMet,
        Code::SkillMissing,
        SkillFound::Missing { near: None },
    )
}
