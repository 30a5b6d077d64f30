//! The JSON Schema of the data format, generated from the types in
//! [`crate::model`]. It is published under `data/schema/` for editors and
//! used by the loader to find every structural problem in one pass.

use std::sync::LazyLock;

use serde_json::Value;

use crate::model::Voortgang;

/// File name of the published schema, relative to `data/`.
pub const SCHEMA_FILE: &str = "schema/techniekpact.schema.json";

/// The schema as a JSON value.
pub fn schema() -> &'static Value {
    static SCHEMA: LazyLock<Value> = LazyLock::new(|| {
        let schema = schemars::schema_for!(Voortgang);
        serde_json::to_value(schema).expect("a generated schema is valid JSON")
    });
    &SCHEMA
}

/// The schema as pretty-printed JSON text, as published.
pub fn schema_text() -> String {
    let mut s = serde_json::to_string_pretty(schema()).expect("schema serialises");
    s.push('\n');
    s
}

/// Property names allowed by the schema object that contains the keyword at
/// `keyword_location` (a JSON pointer into the schema, e.g. the location of an
/// `additionalProperties` error). Used for "bedoelde u ...?" suggestions.
pub fn properties_beside(keyword_location: &str) -> Vec<String> {
    let parent = keyword_location
        .rsplit_once('/')
        .map_or("", |(parent, _)| parent);
    schema()
        .pointer(parent)
        .and_then(|node| node.get("properties"))
        .and_then(Value::as_object)
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// Whether the schema object around `keyword_location` takes its keys from
/// a pattern (year-keyed maps); such keys are checked by a semantic rule.
pub fn keys_by_pattern(keyword_location: &str) -> bool {
    let parent = keyword_location
        .rsplit_once('/')
        .map_or("", |(parent, _)| parent);
    schema()
        .pointer(parent)
        .is_some_and(|node| node.get("patternProperties").is_some())
}
