//! The JSON Schemas of the data formats, generated from the types in
//! [`crate::model`] (a landsdeel's file) and [`crate::national::model`]
//! (`LANDELIJK.yaml`). Both are published under `data/schema/` for
//! editors (`techniekpact.schema.json`, `landelijk.schema.json`); the
//! loaders use them to find every structural problem in one pass.

use std::sync::LazyLock;

use jsonschema::Validator;
use serde_json::Value;

use crate::model::Voortgang;
use crate::national::model::Landelijk;

/// File name of the published schema, relative to `data/`.
pub const SCHEMA_FILE: &str = "schema/techniekpact.schema.json";

/// A data format's schema and its validator.
pub struct Contract {
    pub schema: Value,
    pub validator: Validator,
}

impl Contract {
    fn of(schema: schemars::Schema) -> Self {
        let schema = serde_json::to_value(schema).expect("a generated schema is valid JSON");
        let validator = jsonschema::validator_for(&schema).expect("the generated schema compiles");
        Contract { schema, validator }
    }

    /// The format of a landsdeel's file.
    pub fn landsdeel() -> &'static Contract {
        static C: LazyLock<Contract> =
            LazyLock::new(|| Contract::of(schemars::schema_for!(Voortgang)));
        &C
    }

    /// The format of `LANDELIJK.yaml`.
    pub fn national() -> &'static Contract {
        static C: LazyLock<Contract> =
            LazyLock::new(|| Contract::of(schemars::schema_for!(Landelijk)));
        &C
    }

    /// Property names allowed by the schema object that contains the
    /// keyword at `keyword_location` (a JSON pointer into the schema, e.g.
    /// the location of an `additionalProperties` error). Used for "bedoelde
    /// u ...?" suggestions.
    pub fn properties_beside(&self, keyword_location: &str) -> Vec<String> {
        self.parent_of(keyword_location)
            .and_then(|node| node.get("properties"))
            .and_then(Value::as_object)
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// Whether the schema object around `keyword_location` takes its keys
    /// from a pattern (year-keyed maps); such keys are checked by a
    /// semantic rule.
    pub fn keys_by_pattern(&self, keyword_location: &str) -> bool {
        self.parent_of(keyword_location)
            .is_some_and(|node| node.get("patternProperties").is_some())
    }

    /// The schema as pretty-printed JSON text, as published.
    pub fn text(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.schema).expect("schema serialises");
        s.push('\n');
        s
    }

    fn parent_of(&self, keyword_location: &str) -> Option<&Value> {
        let parent = keyword_location
            .rsplit_once('/')
            .map_or("", |(parent, _)| parent);
        self.schema.pointer(parent)
    }
}

/// The landsdeel's schema as a JSON value.
pub fn schema() -> &'static Value {
    &Contract::landsdeel().schema
}

/// The landsdeel's schema as pretty-printed JSON text, as published.
pub fn schema_text() -> String {
    Contract::landsdeel().text()
}
