//! Work authorization for the duty-station country.

use super::facts::{AuthorizationFacts, AuthorizationFound, Cited, Detail, Facts, Item};
use super::prepared::Prepared;
use super::{Code, Status};
use super::{Context, Outcome};
use crate::model::vacancy::AuthorizationRule;
use crate::{AuthorizationStatus, WorkAuthorization};

pub(crate) fn assess<'a>(
    rule: &'a AuthorizationRule,
    p: &'a Prepared<'_>,
    ctx: &Context<'_>,
) -> Outcome<'a> {
    let c = p.candidate;
    let mut cited = Vec::new();
    let outcome = |status, code, found, cited| {
        Outcome::simple(
            status,
            code,
            Facts::Authorization(AuthorizationFacts {
                rule,
                valid_on: ctx.valid_on,
                found,
                cited,
            }),
        )
    };
    let citizen_ok = rule.statuses.contains(&AuthorizationStatus::Citizen);
    if let Some(nats) = &c.nationalities {
        if let Some(i) = nats.iter().position(|n| *n == rule.country) {
            cited.push(Cited {
                item: Item::Nationality(i),
                detail: Detail::National(rule.country),
                matched: None,
            });
            if citizen_ok {
                return outcome(
                    Status::Met,
                    Code::WorkAuthorizationMet,
                    AuthorizationFound::National,
                    cited,
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
        cited.push(Cited {
            item: Item::WorkAuthorization(i),
            detail: Detail::Right {
                right: auth,
                country: rule.country,
            },
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
            AuthorizationFound::Valid(auth),
            cited,
        );
    }
    if let Some((auth, on)) = expired.and_then(|a| a.valid_until.map(|u| (a, u))) {
        return outcome(
            Status::NotMet,
            Code::WorkAuthorizationExpired,
            AuthorizationFound::Expired(auth, on),
            cited,
        );
    }
    if let Some(auth) = refused {
        if let Some(may) = may_carry(auth.status)
            .iter()
            .find(|s| rule.statuses.contains(s))
        {
            return outcome(
                Status::Unknown,
                Code::WorkAuthorizationToVerify,
                AuthorizationFound::MayCarry(auth, *may),
                cited,
            );
        }
        return outcome(
            Status::NotMet,
            Code::WorkAuthorizationStatusNotAccepted,
            AuthorizationFound::Refused(auth),
            cited,
        );
    }
    // Nothing for this country: a fail only if the profile states both
    // nationalities and rights to work; else someone must ask.
    if c.nationalities.is_some() && c.work_authorizations.is_some() {
        outcome(
            Status::NotMet,
            Code::WorkAuthorizationMissing,
            AuthorizationFound::Missing,
            cited,
        )
    } else {
        outcome(
            Status::Unknown,
            Code::WorkAuthorizationNotStated,
            AuthorizationFound::NotStated,
            cited,
        )
    }
}

/// Whether right `a` is the better one to cite than `b`: one without an
/// expiry, else the later expiry; then citizenship over permanent
/// residence over a permit.
fn lasts_longer(a: &WorkAuthorization, b: &WorkAuthorization) -> bool {
    let key = |w: &WorkAuthorization| (w.valid_until.is_none(), w.valid_until);
    key(a).cmp(&key(b)).then(b.status.cmp(&a.status)).is_gt()
}

/// The rights a status often comes with, which a posting may accept where
/// it does not name the status: a recognized refugee is a permanent
/// resident in many countries (Mexico's refugee law grants it), and a
/// humanitarian visa, a temporary residence or an asylum seeker's
/// authorization to stay often allows work. Whether this one does is for
/// a person to check; a status that comes with none stays not accepted.
fn may_carry(status: AuthorizationStatus) -> &'static [AuthorizationStatus] {
    use AuthorizationStatus::{
        AsylumSeeker, Citizen, HumanitarianVisa, PermanentResident, Refugee, TemporaryResident,
        WorkPermit,
    };
    match status {
        Refugee => &[PermanentResident, WorkPermit],
        HumanitarianVisa | TemporaryResident | AsylumSeeker => &[WorkPermit],
        Citizen | PermanentResident | WorkPermit => &[],
    }
}
