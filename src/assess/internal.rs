//! Internal-only postings: current staff of the named organizations.

use super::experience::period_label;
use super::prepared::{Prepared, PreparedPeriod};
use super::{Context, Outcome};
use crate::explain::facts::{Facts, InternalFacts, InternalFound};
use crate::explain::{Code, Status};
use crate::matching::{best_match, stronger, Category, Matched};
use crate::model::vacancy::InternalRule;

pub(crate) fn assess<'a>(
    rule: &'a InternalRule,
    p: &'a Prepared<'_>,
    ctx: &Context<'_>,
) -> Outcome<'a> {
    let make = |status, code, found| {
        Outcome::simple(status, code, Facts::Internal(InternalFacts { rule, found }))
    };
    if let Some(staff_of) = &p.staff_of {
        let found = best_match(
            &rule.organizations,
            staff_of.iter().enumerate(),
            ctx.vocabulary,
            Category::Organization,
        );
        return match found {
            Some((index, matched)) if matched.counts() => make(
                Status::Met,
                Code::InternalMet,
                InternalFound::Staff { index, matched },
            ),
            _ => make(
                Status::NotMet,
                Code::InternalNotStaff,
                InternalFound::NotStaff,
            ),
        };
    }
    // Not stated: an ongoing position at the organization is evidence (the
    // best-matching one, then by label: not the first listed).
    let mut best: Option<(&PreparedPeriod, Matched<'_>)> = None;
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
            stronger(&m, bm) || (!stronger(bm, &m) && period.entry.label() < bp.entry.label())
        });
        if better {
            best = Some((period, m));
        }
    }
    if let Some((period, matched)) = best {
        return make(
            Status::Met,
            Code::InternalMet,
            InternalFound::Ongoing {
                index: period.index,
                period: period_label(period),
                on: ctx.measured_at,
                matched,
            },
        );
    }
    make(
        Status::Unknown,
        Code::InternalNotStated,
        InternalFound::NotStated,
    )
}
