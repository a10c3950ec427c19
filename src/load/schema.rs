//! The rule-file schema's one rule the derive cannot say: which fields
//! each requirement kind needs and which it forbids. It sits with the
//! loader's raw types, whose derive calls it.

use schemars::Schema;
use serde_json::{json, Map, Value};

use super::rules::fields_of;
use crate::model::vacancy::Kind;

/// The fields a requirement of each kind cannot do without.
fn required_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Education => &["paths"],
        Kind::Experience => &["years"],
        // `level`, or `native: true` on its own: see `then_of`.
        Kind::Language => &["languages"],
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
    let every: Vec<&str> = Kind::ALL
        .iter()
        .flat_map(|k| fields_of(*k))
        .copied()
        .collect();
    let rules: Vec<Value> = Kind::ALL
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
                "then": then_of(*kind, forbidden),
            })
        })
        .collect();
    schema.insert("allOf".to_string(), Value::Array(rules));
}

/// What a requirement of `kind` must hold: its required fields, none of
/// the `forbidden` ones, and for a language a level or a native speaker.
fn then_of(kind: Kind, forbidden: Map<String, Value>) -> Value {
    let mut then = json!({ "required": required_of(kind), "properties": forbidden });
    if kind == Kind::Language {
        if let Value::Object(map) = &mut then {
            map.insert(
                "anyOf".to_string(),
                json!([
                    { "required": ["level"] },
                    { "required": ["native"], "properties": { "native": { "const": true } } }
                ]),
            );
        }
    }
    then
}
