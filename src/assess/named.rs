//! Certifications (with expiry) and skills (listed or evidenced by an
//! experience domain).

use super::prepared::{Prepared, PreparedCertification, PreparedPeriod};
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::matching::{best_match, stronger, Category, NameMatch};
use crate::model::vacancy::NamedRule;
use crate::PartialDate;

fn wanted(rule: &NamedRule) -> String {
    let names: Vec<&str> = rule.any_of.iter().map(|t| t.text.as_str()).collect();
    names.join(" or ")
}

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
    matched: NameMatch,
}

impl Held<'_> {
    fn item(&self) -> String {
        format!("certifications[{}]", self.cert.index)
    }
}

fn keep_best<'c>(slot: &mut Option<Held<'c>>, held: Held<'c>) {
    if slot.as_ref().is_none_or(|b| better_cert(&held, b)) {
        *slot = Some(held);
    }
}

pub(crate) fn certification(rule: &NamedRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Outcome {
    let what = wanted(rule);
    let expected = format!("certification: {what}");
    let Some(certs) = &p.certifications else {
        return Outcome::simple(
            Status::Unknown,
            Code::CertificationNotStated,
            format!("no certifications stated; {what} wanted"),
            expected,
            Vec::new(),
            Some(Gap::Verify { what }),
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
        let until = held
            .cert
            .expires
            .map(|e| format!(", valid until {e}"))
            .unwrap_or_default();
        let m = held.matched.clone();
        return Outcome::simple(
            Status::Met,
            Code::CertificationMet,
            format!("holds {}{until}", m.found),
            expected,
            vec![Evidence {
                item: held.item(),
                detail: format!("{}{until}", m.found),
                matched: Some(m),
            }],
            None,
        );
    }
    if let Some(held) = expired {
        if let Some(on) = held.cert.expires {
            let m = held.matched.clone();
            return Outcome::simple(
                Status::NotMet,
                Code::CertificationExpired,
                format!("{} expired on {on}", m.found),
                expected,
                vec![Evidence {
                    item: held.item(),
                    detail: format!("{} expired {on}", m.found),
                    matched: Some(m),
                }],
                Some(Gap::Expired {
                    what: what.clone(),
                    on,
                    needed_on: ctx.measured_at,
                }),
            );
        }
    }
    let evidence = near
        .map(|held| {
            vec![Evidence {
                item: held.item(),
                detail: format!("{} (near miss, not counted)", held.matched.found),
                matched: Some(held.matched),
            }]
        })
        .unwrap_or_default();
    Outcome::simple(
        Status::NotMet,
        Code::CertificationMissing,
        format!("{what} not among the certifications listed"),
        expected,
        evidence,
        Some(Gap::Missing { what }),
    )
}

pub(crate) fn skill(rule: &NamedRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Outcome {
    let what = wanted(rule);
    let expected = format!("skill: {what}");
    let mut near = None;
    if let Some(skills) = &p.skills {
        if let Some((i, m)) = best_match(
            &rule.any_of,
            skills.iter().enumerate(),
            ctx.vocabulary,
            Category::Skill,
        ) {
            if m.counts() {
                return Outcome::simple(
                    Status::Met,
                    Code::SkillMet,
                    format!("lists {}", m.found),
                    expected,
                    vec![Evidence {
                        item: format!("skills[{i}]"),
                        detail: m.found.clone(),
                        matched: Some(m),
                    }],
                    None,
                );
            }
            near = Some((format!("skills[{i}]"), m));
        }
    }
    // Evidence from experience: the best match over every period (by
    // match, then by the period's label), not the first period listed.
    let mut from_experience: Option<(&PreparedPeriod, NameMatch)> = None;
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
            stronger(&m, bm) || (!stronger(bm, &m) && period.label < bp.label)
        });
        if better {
            from_experience = Some((period, m));
        }
    }
    if let Some((period, m)) = from_experience {
        return Outcome::simple(
            Status::Met,
            Code::SkillMet,
            format!("evidenced by experience in {}", m.found),
            expected,
            vec![Evidence {
                item: format!("experience[{}]", period.index),
                detail: period.label.clone(),
                matched: Some(m),
            }],
            None,
        );
    }
    let evidence = near
        .map(|(item, m)| {
            vec![Evidence {
                item,
                detail: format!("{} (near miss, not counted)", m.found),
                matched: Some(m),
            }]
        })
        .unwrap_or_default();
    if p.skills.is_none() {
        Outcome::simple(
            Status::Unknown,
            Code::SkillNotStated,
            format!("no skills stated and no experience domain shows {what}"),
            expected,
            evidence,
            Some(Gap::Verify { what }),
        )
    } else {
        Outcome::simple(
            Status::NotMet,
            Code::SkillMissing,
            format!("{what} not among the skills listed nor the experience domains"),
            expected,
            evidence,
            Some(Gap::Missing { what }),
        )
    }
}
