//! Nationality rules: nationals only, or not nationals of given countries.
//! Nationality is used for these rules and for work authorization, and
//! nothing else.

use super::facts::{Facts, NationalityFacts, NationalityFound};
use super::prepared::Prepared;
use super::{Code, Status};
use super::{Context, Outcome};
use crate::model::vacancy::NationalityRule;

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
        return make(
            Status::Unknown,
            Code::NationalityNotStated,
            NationalityFound::NotStated,
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
