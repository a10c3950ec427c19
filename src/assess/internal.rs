//! Internal-only postings: current staff of the named organizations.

use super::experience::period_label;
use super::facts::{Facts, InternalFacts, InternalFound, Item};
use super::prepared::{Prepared, PreparedPeriod};
use super::{Code, Status};
use super::{Context, Outcome};
use crate::matching::{best_match, stronger, Category, MatchKind, Matched};
use crate::model::vacancy::InternalRule;

pub(crate) fn assess<'a>(
    rule: &'a InternalRule,
    p: &'a Prepared<'_>,
    ctx: &Context<'_>,
) -> Outcome<'a> {
    let make = |status, code, found| {
        Outcome::simple(status, code, Facts::Internal(InternalFacts { rule, found }))
    };
    let find = |names: &'a Option<crate::assess::prepared::Terms>| {
        names.as_ref().and_then(|names| {
            best_match(
                &rule.organizations,
                names.iter().enumerate(),
                ctx.vocabulary,
                Category::Organization,
            )
        })
    };
    let staff = find(&p.staff_of);
    if let Some((index, matched)) = staff.filter(|(_, m)| m.counts()) {
        return make(
            Status::Met,
            Code::InternalMet,
            InternalFound::Staff { index, matched },
        );
    }
    if rule.affiliates {
        if let Some((index, matched)) = find(&p.affiliate_of).filter(|(_, m)| m.counts()) {
            return make(
                Status::Met,
                Code::InternalMet,
                InternalFound::Affiliate { index, matched },
            );
        }
    }
    // A longer name that contains the organization's ("Friends of
    // UNHCR") may or may not be it: a person checks.
    if let Some((index, matched)) = staff.filter(|(_, m)| m.how == MatchKind::Partial) {
        return make(
            Status::Unknown,
            Code::InternalToVerify,
            InternalFound::ToVerify {
                item: Item::StaffOf(index),
                period: None,
                matched,
            },
        );
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
    if let Some((period, matched)) = best.filter(|_| p.staff_of.is_some()) {
        // Staff of another body with an ongoing position at the
        // organization: an affiliate where the posting counts them, to
        // verify; else not staff.
        return if rule.affiliates {
            make(
                Status::Unknown,
                Code::InternalToVerify,
                InternalFound::ToVerify {
                    item: Item::Experience(period.index),
                    period: Some(period_label(period)),
                    matched,
                },
            )
        } else {
            make(
                Status::NotMet,
                Code::InternalNotStaff,
                InternalFound::NotStaff,
            )
        };
    }
    if p.staff_of.is_some() {
        return make(
            Status::NotMet,
            Code::InternalNotStaff,
            InternalFound::NotStaff,
        );
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
