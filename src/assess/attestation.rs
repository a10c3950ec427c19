//! Yes/no declarations the posting demands.

use super::facts::{AttestationFacts, Facts};
use super::prepared::Prepared;
use super::{Code, Status};
use super::{Context, Outcome};
use crate::model::vacancy::AttestationRule;

pub(crate) fn assess<'a>(
    rule: &'a AttestationRule,
    p: &'a Prepared<'_>,
    _ctx: &Context<'_>,
) -> Outcome<'a> {
    let name = rule.name.as_str();
    let answer = p
        .candidate
        .attestations
        .as_ref()
        .and_then(|a| a.get(name))
        .copied();
    let (status, code) = match answer {
        Some(true) => (Status::Met, Code::AttestationMet),
        Some(false) => (Status::NotMet, Code::AttestationDeclined),
        None => (Status::Unknown, Code::AttestationNotStated),
    };
    Outcome::simple(
        status,
        code,
        Facts::Attestation(AttestationFacts {
            name,
            display: &rule.display,
            answer,
        }),
    )
}
