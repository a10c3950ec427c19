//! Internal-only postings: current staff of the named organizations.

use super::prepared::{Prepared, PreparedPeriod};
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::matching::{best_match, stronger, Category, NameMatch};
use crate::model::vacancy::InternalRule;

pub(crate) fn assess(rule: &InternalRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Outcome {
    let names: Vec<&str> = rule.organizations.iter().map(|t| t.text.as_str()).collect();
    let orgs = names.join(" or ");
    let expected = format!("current staff of {orgs} (internal applicants only)");
    let make = |status, credit, code, message: String, evidence, gap| Outcome {
        status,
        credit,
        code,
        message,
        expected: expected.clone(),
        path: None,
        evidence,
        gap,
    };
    if let Some(staff_of) = &p.staff_of {
        let found = best_match(
            &rule.organizations,
            staff_of.iter().enumerate(),
            ctx.vocabulary,
            Category::Organization,
        );
        return match found {
            Some((i, m)) if m.counts() => make(
                Status::Met,
                1.0,
                Code::InternalMet,
                format!("current staff of {}", m.found),
                vec![Evidence {
                    item: format!("staff_of[{i}]"),
                    detail: format!("staff of {}", m.found),
                    matched: Some(m),
                }],
                None,
            ),
            _ => make(
                Status::NotMet,
                0.0,
                Code::InternalNotStaff,
                format!(
                    "not current staff of {orgs}; the posting is open to internal applicants only"
                ),
                Vec::new(),
                Some(Gap::Missing {
                    what: format!("current employment with {orgs}"),
                }),
            ),
        };
    }
    // Not stated: an ongoing position at the organization is evidence (the
    // best-matching one, then by label: not the first listed).
    let mut best: Option<(&PreparedPeriod, NameMatch)> = None;
    for period in p.periods.iter().flatten() {
        let ongoing =
            period.end.is_none_or(|e| e >= ctx.measured_at) && period.start <= ctx.measured_at;
        let Some(org) = period.organization.as_ref().filter(|_| ongoing) else {
            continue;
        };
        let Some((_, m)) = best_match(
            &rule.organizations,
            std::iter::once((0, org)),
            ctx.vocabulary,
            Category::Organization,
        ) else {
            continue;
        };
        if !m.counts() {
            continue;
        }
        let better = best.as_ref().is_none_or(|(bp, bm)| {
            stronger(&m, bm) || (!stronger(bm, &m) && period.label < bp.label)
        });
        if better {
            best = Some((period, m));
        }
    }
    if let Some((period, m)) = best {
        return make(
            Status::Met,
            1.0,
            Code::InternalMet,
            format!("ongoing position at {} on {}", m.found, ctx.measured_at),
            vec![Evidence {
                item: format!("experience[{}]", period.index),
                detail: period.label.clone(),
                matched: Some(m),
            }],
            None,
        );
    }
    make(
        Status::Unknown,
        0.5,
        Code::InternalNotStated,
        format!("current employment with {orgs} not stated"),
        Vec::new(),
        Some(Gap::Verify {
            what: format!("that the candidate is current {orgs} staff"),
        }),
    )
}
