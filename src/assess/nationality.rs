//! Nationality rules: nationals only, or not nationals of given countries.
//! Nationality is used for these rules and for work authorization, and
//! nothing else.

use super::facts::{Facts, NationalityFacts, NationalityFound};
use super::prepared::Prepared;
use super::{Code, Status};
use super::{Context, Outcome};
use crate::model::vacancy::NationalityRule;
use crate::AuthorizationStatus;

pub(crate) fn assess<'a>(
    rule: &'a NationalityRule,
    p: &'a Prepared<'_>,
    _ctx: &Context<'_>,
) -> Outcome<'a> {
    let make = |status, code, found| {
        Outcome::simple(
            status,
            code,
            Facts::Nationality(NationalityFacts { rule, found }),
        )
    };
    let Some(held) = p.candidate.nationalities.as_deref() else {
        return by_citizenship(rule, p).map_or_else(
            || {
                make(
                    Status::Unknown,
                    Code::NationalityNotStated,
                    NationalityFound::NotStated,
                )
            },
            |(status, code, found)| make(status, code, found),
        );
    };
    // The listed nationality that decides: the first by code, whatever the
    // profile's order.
    let listed = held
        .iter()
        .enumerate()
        .filter(|(_, n)| rule.countries.contains(n))
        .min_by_key(|(_, n)| n.code())
        .map(|(index, _)| index);
    match (rule.exclude, listed) {
        // Nationals only: a national of a listed country, whatever else
        // they hold.
        (false, Some(index)) => make(
            Status::Met,
            Code::NationalityMet,
            NationalityFound::National { index, held },
        ),
        (false, None) => make(
            Status::NotMet,
            Code::NationalityNotNational,
            NationalityFound::Other { held },
        ),
        (true, None) => make(
            Status::Met,
            Code::NationalityMet,
            NationalityFound::Other { held },
        ),
        (true, Some(index)) => {
            let other = held.iter().any(|n| !rule.countries.contains(n));
            if rule.dual_nationals_eligible && other {
                make(
                    Status::Met,
                    Code::NationalityMet,
                    NationalityFound::DualNational { index, held },
                )
            } else {
                make(
                    Status::NotMet,
                    Code::NationalityExcluded,
                    NationalityFound::National { index, held },
                )
            }
        }
    }
}

/// With no nationality stated, what a citizenship stated as a right to
/// work shows: a citizen of a listed country is a national of it. Nationals
/// only: met. Not nationals of the listed countries: not met, unless dual
/// nationals may apply, when whether the candidate holds another
/// nationality is to verify. A citizenship of no listed country shows
/// nothing: the candidate may hold others.
fn by_citizenship<'a>(
    rule: &NationalityRule,
    p: &Prepared<'_>,
) -> Option<(Status, Code, NationalityFound<'a>)> {
    let (index, country) = p
        .candidate
        .work_authorizations
        .as_deref()?
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            w.status == AuthorizationStatus::Citizen && rule.countries.contains(&w.country)
        })
        .min_by_key(|(_, w)| w.country.code())
        .map(|(index, w)| (index, w.country))?;
    let found = NationalityFound::Citizen { index, country };
    Some(if !rule.exclude {
        (Status::Met, Code::NationalityMet, found)
    } else if rule.dual_nationals_eligible {
        (Status::Unknown, Code::NationalityNotStated, found)
    } else {
        (Status::NotMet, Code::NationalityExcluded, found)
    })
}
