//! Yes/no declarations the posting demands.

use super::prepared::Prepared;
use super::{Context, Outcome};
use crate::explain::{Code, Evidence, Gap, Status};
use crate::model::vacancy::AttestationRule;

pub(crate) fn assess(rule: &AttestationRule, p: &Prepared<'_>, _ctx: &Context<'_>) -> Outcome {
    let name = &rule.name;
    let readable = name.replace('_', " ");
    let expected = format!("declaration: {readable}");
    let answer = p.candidate.attestations.as_ref().and_then(|a| a.get(name));
    let evidence = |yes: bool| {
        vec![Evidence {
            item: format!("attestations.{name}"),
            detail: format!("{readable}: {}", if yes { "yes" } else { "no" }),
            matched: None,
        }]
    };
    match answer {
        Some(true) => Outcome::simple(
            Status::Met,
            Code::AttestationMet,
            format!("declares {readable}"),
            expected,
            evidence(true),
            None,
        ),
        Some(false) => Outcome::simple(
            Status::NotMet,
            Code::AttestationDeclined,
            format!("declares no {readable}"),
            expected,
            evidence(false),
            Some(Gap::Missing { what: readable }),
        ),
        None => Outcome::simple(
            Status::Unknown,
            Code::AttestationNotStated,
            format!("{readable} not declared"),
            expected,
            Vec::new(),
            Some(Gap::Verify { what: readable }),
        ),
    }
}
