//! Work authorization for the duty-station country.

use super::prepared::Prepared;
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::model::vacancy::AuthorizationRule;
use crate::{AuthorizationStatus, WorkAuthorization};

pub(crate) fn assess(rule: &AuthorizationRule, p: &Prepared<'_>, ctx: &Context<'_>) -> Outcome {
    let country = rule.country.english_name();
    let accepted: Vec<&str> = rule.statuses.iter().map(|s| noun(*s)).collect();
    let expected = format!(
        "right to work in {country} ({}) valid on {}",
        accepted.join(", "),
        ctx.valid_on
    );
    let c = p.candidate;
    let mut evidence = Vec::new();
    let citizen_ok = rule.statuses.contains(&AuthorizationStatus::Citizen);
    if let Some(nats) = &c.nationalities {
        if let Some(i) = nats.iter().position(|n| *n == rule.country) {
            evidence.push(Evidence {
                item: format!("nationalities[{i}]"),
                detail: format!("national of {country}"),
                matched: None,
            });
            if citizen_ok {
                return outcome(
                    Status::Met,
                    Code::WorkAuthorizationMet,
                    format!("national of {country}"),
                    expected,
                    evidence,
                    None,
                );
            }
        }
    }
    // Every right stated for the country is evidence; the one the finding
    // rests on is chosen by what it says, not by its place in the list: a
    // valid accepted right (the longest-lasting), else an expired one (the
    // latest), else one of a kind not accepted.
    let mut valid: Option<&WorkAuthorization> = None;
    let mut expired: Option<&WorkAuthorization> = None;
    let mut refused: Option<&WorkAuthorization> = None;
    for (i, auth) in c.work_authorizations.iter().flatten().enumerate() {
        if auth.country != rule.country {
            continue;
        }
        evidence.push(Evidence {
            item: format!("work_authorizations[{i}]"),
            detail: format!("{}{}", right(auth.status, country), until(auth)),
            matched: None,
        });
        let slot = if !rule.statuses.contains(&auth.status) {
            &mut refused
        } else if auth
            .valid_until
            .is_some_and(|u| u.last_day() < ctx.valid_on)
        {
            &mut expired
        } else {
            &mut valid
        };
        if slot.is_none_or(|b| lasts_longer(auth, b)) {
            *slot = Some(auth);
        }
    }
    if let Some(auth) = valid {
        return outcome(
            Status::Met,
            Code::WorkAuthorizationMet,
            format!("{}{}", right(auth.status, country), until(auth)),
            expected,
            evidence,
            None,
        );
    }
    if let Some((auth, on)) = expired.and_then(|a| a.valid_until.map(|u| (a, u))) {
        let held = right(auth.status, country);
        return outcome(
            Status::NotMet,
            Code::WorkAuthorizationExpired,
            format!("{held} expires {on}, before {}", ctx.valid_on),
            expected,
            evidence,
            Some(Gap::Expired {
                what: held,
                on,
                needed_on: ctx.valid_on,
            }),
        );
    }
    if let Some(auth) = refused {
        return outcome(
            Status::NotMet,
            Code::WorkAuthorizationStatusNotAccepted,
            format!(
                "{} is not an accepted right to work ({} accepted)",
                right(auth.status, country),
                accepted.join(", ")
            ),
            expected,
            evidence,
            Some(Gap::Missing {
                what: format!("{} (right to work in {country})", accepted.join(" or ")),
            }),
        );
    }
    // Nothing for this country: a fail only if the profile states both
    // nationalities and rights to work; else someone must ask.
    if c.nationalities.is_some() && c.work_authorizations.is_some() {
        outcome(
            Status::NotMet,
            Code::WorkAuthorizationMissing,
            format!("no right to work in {country} stated (not a national, no permit)"),
            expected,
            evidence,
            Some(Gap::Missing {
                what: format!("a right to work in {country} valid on {}", ctx.valid_on),
            }),
        )
    } else {
        outcome(
            Status::Unknown,
            Code::WorkAuthorizationNotStated,
            format!("right to work in {country} not stated"),
            expected,
            evidence,
            Some(Gap::Verify {
                what: format!("right to work in {country}"),
            }),
        )
    }
}

/// " valid until 2026-03", or nothing for a right that does not expire.
fn until(auth: &WorkAuthorization) -> String {
    auth.valid_until
        .map(|u| format!(" valid until {u}"))
        .unwrap_or_default()
}

/// Whether right `a` is the better one to cite than `b`: one without an
/// expiry, else the later expiry; then citizenship over permanent
/// residence over a permit.
fn lasts_longer(a: &WorkAuthorization, b: &WorkAuthorization) -> bool {
    let key = |w: &WorkAuthorization| (w.valid_until.is_none(), w.valid_until);
    key(a).cmp(&key(b)).then(b.status.cmp(&a.status)).is_gt()
}

/// The status as a noun for people: "work permit", not `work_permit`.
fn noun(status: AuthorizationStatus) -> &'static str {
    match status {
        AuthorizationStatus::Citizen => "citizenship",
        AuthorizationStatus::PermanentResident => "permanent residence",
        AuthorizationStatus::WorkPermit => "work permit",
    }
}

/// "work permit for Mexico", "citizenship of Mexico".
fn right(status: AuthorizationStatus, country: &str) -> String {
    let preposition = match status {
        AuthorizationStatus::Citizen => "of",
        AuthorizationStatus::PermanentResident => "in",
        AuthorizationStatus::WorkPermit => "for",
    };
    format!("{} {preposition} {country}", noun(status))
}

fn outcome(
    status: Status,
    code: Code,
    message: String,
    expected: String,
    evidence: Vec<Evidence>,
    gap: Option<Gap>,
) -> Outcome {
    Outcome {
        status,
        credit: match status {
            Status::Met => 1.0,
            Status::Unknown => 0.5,
            Status::NotMet => 0.0,
        },
        code,
        message,
        expected,
        path: None,
        evidence,
        gap,
    }
}
