//! Work authorization for the duty-station country.

use super::prepared::Prepared;
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::model::vacancy::AuthorizationRule;
use crate::AuthorizationStatus;

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
    let mut worst_problem: Option<(Code, String, Gap)> = None;
    for (i, auth) in c.work_authorizations.iter().flatten().enumerate() {
        if auth.country != rule.country {
            continue;
        }
        let item = format!("work_authorizations[{i}]");
        let until = auth
            .valid_until
            .map(|u| format!(" valid until {u}"))
            .unwrap_or_default();
        let held = right(auth.status, country);
        evidence.push(Evidence {
            item,
            detail: format!("{held}{until}"),
            matched: None,
        });
        if !rule.statuses.contains(&auth.status) {
            worst_problem.get_or_insert((
                Code::WorkAuthorizationStatusNotAccepted,
                format!(
                    "{held} is not an accepted right to work ({} accepted)",
                    accepted.join(", ")
                ),
                Gap::Missing {
                    what: format!("{} (right to work in {country})", accepted.join(" or ")),
                },
            ));
            continue;
        }
        match auth.valid_until {
            Some(until) if until.last_day() < ctx.valid_on => {
                worst_problem = Some((
                    Code::WorkAuthorizationExpired,
                    format!("{held} expires {until}, before {}", ctx.valid_on),
                    Gap::Expired {
                        what: held.clone(),
                        on: until,
                        needed_on: ctx.valid_on,
                    },
                ));
            }
            _ => {
                return outcome(
                    Status::Met,
                    Code::WorkAuthorizationMet,
                    format!("{held}{until}"),
                    expected,
                    evidence,
                    None,
                );
            }
        }
    }
    if let Some((code, message, gap)) = worst_problem {
        return outcome(Status::NotMet, code, message, expected, evidence, Some(gap));
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
