//! The rule-file schema's one rule the derive cannot say: which fields
//! each requirement kind needs and which it forbids. It sits with the
//! loader's raw types, whose derive calls it.

use schemars::Schema;
use serde_json::{json, Map, Value};

use super::rules::fields_of;
use crate::model::vacancy::Kind;

/// Every kind of requirement, in documentation order.
const KINDS: [Kind; 9] = [
    Kind::Education,
    Kind::Experience,
    Kind::Language,
    Kind::WorkAuthorization,
    Kind::Internal,
    Kind::Certification,
    Kind::Skill,
    Kind::Attestation,
    Kind::Nationality,
];

/// The fields a requirement of each kind cannot do without.
fn required_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Education => &["paths"],
        Kind::Experience => &["years"],
        Kind::Language => &["languages", "level"],
        Kind::WorkAuthorization => &[],
        Kind::Internal => &["organizations"],
        Kind::Certification | Kind::Skill => &["any_of"],
        Kind::Attestation => &["attestation"],
        Kind::Nationality => &[],
    }
}

/// Per kind: the fields it needs, and the other kinds' fields forbidden
/// (but for `null`, which the loader reads as absent).
pub(crate) fn requirement_kinds(schema: &mut Schema) {
    let every: Vec<&str> = KINDS.iter().flat_map(|k| fields_of(*k)).copied().collect();
    let rules: Vec<Value> = KINDS
        .iter()
        .map(|kind| {
            let own = fields_of(*kind);
            let forbidden: Map<String, Value> = every
                .iter()
                .filter(|f| !own.contains(f))
                .map(|f| ((*f).to_string(), json!({ "type": "null" })))
                .collect();
            json!({
                "if": { "properties": { "kind": { "const": kind.as_str() } }, "required": ["kind"] },
                "then": { "required": required_of(*kind), "properties": forbidden },
            })
        })
        .collect();
    schema.insert("allOf".to_string(), Value::Array(rules));
}
