//! JSON Schemas of the two input formats, for editors that complete and
//! check YAML and JSON (behind the `schema` feature).
//!
//! Layer 10 of 10 (bottom first; see CONTRIBUTING.md): may use any module of
//! the library.
//!
//! The schemas are generated from the same serde structs the loader reads
//! (schemars derives on them), plus hand-written schemas here for the leaf
//! types with their own parsers: dates, degree and language levels,
//! language and country codes.
//!
//! # Design
//! A schema accepts every file the loader accepts; it cannot refuse
//! everything the loader refuses. The loader reads names of degrees,
//! levels, languages and countries in any case, with or without accents,
//! and prefixed degree names ("Licenciatura en Derecho"), which no `enum`
//! can express: those leaves are any string, with the canonical names
//! offered as completions (`anyOf` of an `enum` and a plain string).
//! Checks across fields (end before start, duplicate ids) are left to
//! `vacancy-match validate`. The per-kind fields of a requirement are
//! expressed with `if`/`then`, so an editor flags `years` on a `language`
//! requirement as the loader does; empty lists the loader refuses have
//! `minItems: 1`.

use std::borrow::Cow;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};

use crate::load::rules::{Languages, RawVacancy};
use crate::matching::codes::{COUNTRIES, LANGUAGES};
use crate::model::{Cefr, Country, DegreeLevel, Language, LanguageLevel, PartialDate, Scales};
use crate::Candidate;

/// The JSON Schema (draft 2020-12) of a vacancy rule file: one file of a
/// `rules/` folder other than `vocabulary.yaml`.
///
/// # Example
/// ```
/// let schema = vacancy_match::rules_schema();
/// assert_eq!(schema["title"], "Vacancy");
/// assert!(schema["required"].as_array().unwrap().iter().any(|f| f == "requirements"));
/// ```
#[must_use]
pub fn rules_schema() -> Value {
    finish(
        schemars::schema_for!(RawVacancy),
        "A vacancy rule file of vacancy-match: one vacancy and its requirements.",
    )
}

/// The JSON Schema (draft 2020-12) of a candidate profile, YAML or JSON.
///
/// # Example
/// ```
/// let schema = vacancy_match::candidate_schema();
/// assert_eq!(schema["title"], "Candidate");
/// assert_eq!(schema["additionalProperties"], false); // unknown fields are refused
/// ```
#[must_use]
pub fn candidate_schema() -> Value {
    finish(
        schemars::schema_for!(Candidate),
        "A candidate profile of vacancy-match. A list that is absent was not stated; \
         a list that is present but lacks an item means the candidate does not have it.",
    )
}

/// The JSON Schema (draft 2020-12) of a mapping file: which column of a
/// spreadsheet export feeds which profile field.
///
/// # Example
/// ```
/// let schema = vacancy_match::mapping_schema();
/// assert_eq!(schema["title"], "Mapping");
/// assert_eq!(schema["additionalProperties"], false); // unknown fields are refused
/// ```
#[cfg(feature = "import")]
#[must_use]
pub fn mapping_schema() -> Value {
    let mut schema = schemars::schema_for!(crate::import::mapping::RawMapping);
    schema.insert("title".to_string(), json!("Mapping"));
    finish(
        schema,
        "A mapping file of vacancy-match: which column of a spreadsheet export feeds which \
         profile field, and how cell values translate. Column names are the header's text \
         (case and spacing ignored); with a header of two rows, `Group / Column`.",
    )
}

/// The root's description, and no doc-test examples in descriptions.
fn finish(schema: Schema, description: &str) -> Value {
    let mut value = schema.to_value();
    strip_examples(&mut value);
    if let Value::Object(root) = &mut value {
        root.insert("description".to_string(), json!(description));
    }
    value
}

/// Doc comments become descriptions; their `# Example` sections are Rust
/// code, not help for someone editing a file.
fn strip_examples(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(text)) = map.get_mut("description") {
                if let Some(at) = text.find("# Example") {
                    text.truncate(at);
                    let kept = text.trim_end().len();
                    text.truncate(kept);
                }
            }
            map.values_mut().for_each(strip_examples);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_examples),
        _ => {}
    }
}

/// A string offered from `names` but any string accepted, for names the
/// loader reads loosely (case, accents, aliases).
fn suggest(description: &str, names: Vec<String>) -> Schema {
    json_schema!({
        "description": description,
        "anyOf": [
            { "enum": names },
            { "type": "string" }
        ]
    })
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date with day, month or year precision: 2024-02-08, 2024-02 or 2024.",
            "anyOf": [
                { "type": "string", "pattern": r"^\s*[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\s*$" },
                { "type": "integer", "minimum": 1900, "maximum": 2200 }
            ]
        })
    }
}

impl JsonSchema for crate::Completion {
    fn schema_name() -> Cow<'static, str> {
        "Completion".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Whether and when a degree was completed: a date (2019-06, 2019), true (completed, date not stated), false or \"in progress\" (not completed).",
            "anyOf": [
                { "type": "string" },
                { "type": "integer", "minimum": 1900, "maximum": 2200 },
                { "type": "boolean" }
            ]
        })
    }
}

impl JsonSchema for DegreeLevel {
    fn schema_name() -> Cow<'static, str> {
        "DegreeLevel".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        suggest(
            "A degree level (ISCED 2011): secondary, post_secondary, bachelor, master, doctorate, \
             or a name in English or Spanish such as high school, Diploma de Bachiller, \
             Licenciatura, Maestría, PhD, Doctorado.",
            DegreeLevel::ALL
                .iter()
                .map(|d| d.as_str().to_string())
                .collect(),
        )
    }
}

impl JsonSchema for LanguageLevel {
    fn schema_name() -> Cow<'static, str> {
        "LanguageLevel".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let cefr = Cefr::ALL.iter().map(ToString::to_string);
        // The crosswalk's two-letter entries are the CEFR codes, lowercased.
        let descriptors = Scales::bundled()
            .spellings()
            .into_iter()
            .filter(|name| name.len() > 2)
            .map(str::to_string);
        suggest(
            "A CEFR level (A1–C2), native (= C2; in a profile it also states a mother tongue), or a posting descriptor in English or \
             Spanish: basic, working knowledge, good, very good, fluent, excellent, básico, \
             intermedio, avanzado, fluido, nativo.",
            cefr.chain(descriptors).collect(),
        )
    }
}

impl JsonSchema for Language {
    fn schema_name() -> Cow<'static, str> {
        "Language".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        suggest(
            "A language: ISO 639 code (en, es, quc...) or English or Spanish name.",
            LANGUAGES
                .iter()
                .flat_map(|e| [e.code, e.english, e.spanish])
                .map(str::to_string)
                .collect(),
        )
    }
}

impl JsonSchema for Country {
    fn schema_name() -> Cow<'static, str> {
        "Country".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        suggest(
            "A country: ISO 3166-1 alpha-2 code (GT, MX...), alpha-3 code, or English or \
             Spanish name.",
            COUNTRIES.iter().map(|e| e.code.to_string()).collect(),
        )
    }
}

impl JsonSchema for Languages {
    fn schema_name() -> Cow<'static, str> {
        "Languages".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<Language>();
        json_schema!({
            "description": "One language, or a list of languages meaning \"one of\".",
            "anyOf": [
                one,
                { "type": "array", "items": one, "minItems": 1 }
            ]
        })
    }
}

impl JsonSchema for crate::load::cases::RawProfile {
    fn schema_name() -> Cow<'static, str> {
        "CaseProfile".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inline = generator.subschema_for::<Candidate>();
        json_schema!({
            "description": "The case's profile: a file path relative to the rule file, or an inline profile.",
            "anyOf": [{ "type": "string" }, inline]
        })
    }
}

impl JsonSchema for crate::Code {
    fn schema_name() -> Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = crate::Code::ALL.iter().map(|c| c.as_str()).collect();
        json_schema!({
            "description": "A reason code, e.g. language.below_level (see docs/CODES.md).",
            "enum": codes
        })
    }
}

/// The JSON Schema (draft 2020-12) of the JSON records the library and
/// the CLI write, version [`SCHEMA_VERSION`](crate::SCHEMA_VERSION): a
/// record is one of the `$defs` (`assessment`, `check`, `screen_record`,
/// `screen`, `listed`, `list`, `validate`, `summary`), each with
/// `schema_version` first. Keys not named here may be added without a new
/// version, so records allow them.
///
/// # Example
/// ```
/// let schema = vacancy_match::output_schema();
/// assert_eq!(schema["title"], "Output");
/// assert_eq!(schema["$defs"]["screen_record"]["properties"]["schema_version"]["const"], 1);
/// ```
#[must_use]
pub fn output_schema() -> Value {
    let version = json!({ "const": crate::SCHEMA_VERSION, "description": "the version of the shape of the record; readers check it first" });
    let text = json!({ "type": "string" });
    let opt_text = json!({ "type": ["string", "null"] });
    let date = json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" });
    let count = json!({ "type": "integer", "minimum": 0 });
    let verdict = json!({ "enum": ["eligible", "needs_review", "ineligible"] });
    let status = json!({ "enum": ["met", "not_met", "unknown"] });
    let score = json!({ "type": "number", "minimum": 0, "maximum": 100 });
    let assessment = json!({
        "description": "One candidate assessed against one vacancy (the library's Assessment; check --format json's assessments).",
        "type": "object",
        "required": ["schema_version", "candidate", "vacancy", "title", "organization", "verdict", "score", "closed", "as_of", "measured_at", "lang", "findings", "what_if", "audit"],
        "properties": {
            "schema_version": version,
            "candidate": opt_text,
            "vacancy": text,
            "title": text,
            "organization": text,
            "verdict": verdict,
            "score": score,
            "closed": { "type": "boolean" },
            "as_of": date,
            "measured_at": date,
            "lang": { "enum": ["en", "es"] },
            "findings": { "type": "array", "items": { "$ref": "#/$defs/finding" } },
            "what_if": { "type": "array", "items": {
                "type": "object",
                "required": ["requirement", "label", "status", "change"],
                "properties": { "requirement": text, "label": text, "status": status, "change": text },
            } },
            "audit": {
                "type": "object",
                "required": ["engine", "vacancy", "rules_sha256", "candidate_sha256", "as_of"],
                "properties": {
                    "engine": text,
                    "vacancy": text,
                    "rules_sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
                    "candidate_sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
                    "as_of": date,
                },
            },
        },
    });
    let finding = json!({
        "description": "One requirement's finding: its code, status, sentence, evidence and gap.",
        "type": "object",
        "required": ["requirement", "label", "kind", "priority", "weight", "status", "code", "message", "expected", "evidence", "credit"],
        "properties": {
            "requirement": text,
            "label": text,
            "kind": text,
            "priority": { "enum": ["required", "desirable", "condition"] },
            "weight": { "type": "number", "minimum": 0 },
            "status": status,
            "code": { "type": "string", "pattern": "^[a-z_]+\\.[a-z_.]+$" },
            "message": text,
            "expected": text,
            "path": text,
            "other_paths": { "type": "array", "items": text },
            "evidence": { "type": "array", "items": {
                "type": "object",
                "required": ["item", "detail"],
                "properties": { "item": text, "detail": text, "matched": { "type": "object" }, "source": text },
            } },
            "gap": { "type": "object", "required": ["type"], "properties": { "type": text } },
            "credit": { "type": "number", "minimum": 0, "maximum": 1 },
        },
    });
    let check = json!({
        "description": "check --format json: one candidate against the vacancies, ranked.",
        "type": "object",
        "required": ["schema_version", "candidate", "name", "as_of", "assessments"],
        "properties": {
            "schema_version": version,
            "candidate": opt_text,
            "name": opt_text,
            "as_of": date,
            "assessments": { "type": "array", "items": { "$ref": "#/$defs/assessment" } },
        },
    });
    let screen_record = json!({
        "description": "One record of screen --format jsonl (a line) or json (an item): one candidate against one vacancy, or an input that could not be read (error set, the rest null or empty).",
        "type": "object",
        "required": ["schema_version", "source", "candidate", "name", "vacancy", "title", "verdict", "score", "closed", "as_of", "unmet", "to_verify", "gaps", "error"],
        "properties": {
            "schema_version": version,
            "source": text,
            "candidate": opt_text,
            "name": opt_text,
            "vacancy": opt_text,
            "title": opt_text,
            "verdict": { "anyOf": [verdict, { "type": "null" }] },
            "score": { "anyOf": [score, { "type": "null" }] },
            "closed": { "type": ["boolean", "null"] },
            "as_of": date,
            "unmet": text,
            "to_verify": text,
            "gaps": text,
            "error": opt_text,
        },
        "anyOf": [
            { "properties": { "error": { "type": "null" }, "vacancy": text, "verdict": verdict, "score": score, "closed": { "type": "boolean" } } },
            { "properties": { "error": text, "vacancy": { "type": "null" }, "verdict": { "type": "null" }, "score": { "type": "null" }, "closed": { "type": "null" } } },
        ],
    });
    let screen = json!({
        "description": "screen --format json: an array of screen records.",
        "type": "array",
        "items": { "$ref": "#/$defs/screen_record" },
    });
    let listed = json!({
        "description": "One vacancy of list --format json.",
        "type": "object",
        "required": ["schema_version", "id", "title", "organization", "duty_station", "country", "deadline", "status", "as_of", "required", "desirable", "file"],
        "properties": {
            "schema_version": version,
            "id": text,
            "title": text,
            "organization": text,
            "duty_station": text,
            "country": { "type": "string", "pattern": "^[A-Z]{2}$" },
            "deadline": { "anyOf": [date, { "type": "null" }] },
            "status": { "enum": ["open", "closed"] },
            "as_of": date,
            "required": count,
            "desirable": count,
            "file": opt_text,
        },
    });
    let list = json!({
        "description": "list --format json: an array of vacancies.",
        "type": "array",
        "items": { "$ref": "#/$defs/listed" },
    });
    let validate = json!({
        "description": "validate --format json: the counts, every problem and warning.",
        "type": "object",
        "required": ["schema_version", "ok", "vacancies", "vocabularies", "profiles", "problems", "warnings"],
        "properties": {
            "schema_version": version,
            "ok": { "type": "boolean" },
            "vacancies": count,
            "vocabularies": count,
            "profiles": count,
            "problems": { "type": "array", "items": { "type": "object" } },
            "warnings": { "type": "array", "items": { "type": "object" } },
        },
    });
    let summary = json!({
        "description": "screen --summary json: per vacancy, the counts and the requirements most often missing.",
        "type": "object",
        "required": ["schema_version", "as_of", "inputs", "unreadable", "vacancies"],
        "properties": {
            "schema_version": version,
            "as_of": date,
            "inputs": count,
            "unreadable": count,
            "vacancies": { "type": "array", "items": {
                "type": "object",
                "required": ["vacancy", "title", "closed", "screened", "eligible", "needs_review", "ineligible", "errors", "most_missing", "most_to_verify"],
                "properties": {
                    "vacancy": text,
                    "title": text,
                    "closed": { "type": "boolean" },
                    "screened": count,
                    "eligible": count,
                    "needs_review": count,
                    "ineligible": count,
                    "errors": count,
                    "most_missing": { "type": "array", "items": { "type": "object" } },
                    "most_to_verify": { "type": "array", "items": { "type": "object" } },
                },
            } },
        },
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Output",
        "description": "A JSON record written by vacancy-match: one of the $defs. Every record starts with schema_version.",
        "oneOf": [
            { "$ref": "#/$defs/check" },
            { "$ref": "#/$defs/screen" },
            { "$ref": "#/$defs/screen_record" },
            { "$ref": "#/$defs/assessment" },
            { "$ref": "#/$defs/list" },
            { "$ref": "#/$defs/validate" },
            { "$ref": "#/$defs/summary" },
        ],
        "$defs": {
            "assessment": assessment,
            "finding": finding,
            "check": check,
            "screen_record": screen_record,
            "screen": screen,
            "listed": listed,
            "list": list,
            "validate": validate,
            "summary": summary,
        },
    })
}
