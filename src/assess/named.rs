//! Certifications (with expiry) and skills (listed or evidenced by an
//! experience domain).

use super::prepared::Prepared;
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::matching::{best_match, Category};
use crate::model::vacancy::NamedRule;

fn wanted(rule: &NamedRule) -> String {
    let names: Vec<&str> = rule.any_of.iter().map(|t| t.text.as_str()).collect();
    names.join(" or ")
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
    let mut expired = None;
    let mut near = None;
    for cert in certs {
        let Some((_, m)) = best_match(
            &rule.any_of,
            std::iter::once((0, &cert.name)),
            ctx.vocabulary,
            Category::Certification,
        ) else {
            continue;
        };
        if !m.counts() {
            near.get_or_insert((cert.index, m));
            continue;
        }
        let item = format!("certifications[{}]", cert.index);
        if cert.issued.is_some_and(|i| i > ctx.measured_at) {
            continue;
        }
        match cert.expires {
            Some(exp) if exp.last_day() < ctx.measured_at => {
                expired.get_or_insert((item, m, exp));
            }
            _ => {
                let until = cert
                    .expires
                    .map(|e| format!(", valid until {e}"))
                    .unwrap_or_default();
                return Outcome::simple(
                    Status::Met,
                    Code::CertificationMet,
                    format!("holds {}{until}", m.found),
                    expected,
                    vec![Evidence {
                        item,
                        detail: format!("{}{until}", m.found),
                        matched: Some(m),
                    }],
                    None,
                );
            }
        }
    }
    if let Some((item, m, on)) = expired {
        return Outcome::simple(
            Status::NotMet,
            Code::CertificationExpired,
            format!("{} expired on {on}", m.found),
            expected,
            vec![Evidence {
                item,
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
    let evidence = near
        .map(|(i, m)| {
            vec![Evidence {
                item: format!("certifications[{i}]"),
                detail: format!("{} (near miss, not counted)", m.found),
                matched: Some(m),
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
    for period in p.periods.iter().flatten() {
        if let Some((_, m)) = best_match(
            &rule.any_of,
            period.domain_skills.iter().enumerate(),
            ctx.vocabulary,
            Category::Skill,
        ) {
            if m.counts() {
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
        }
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
