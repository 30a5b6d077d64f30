//! The example report with other texts and figures ([`varied`]): the
//! input of the property tests (`tests/properties.rs`) and of the fuzz
//! target `fuzz/fuzz_targets/pijplijn.rs`, which includes this file.

/// Keys whose string values are free text in the data format.
const TEXT_KEYS: &[&str] = &[
    "titel",
    "ondertitel",
    "landsdeel",
    "versie",
    "opsteller",
    "organisaties",
    "naam",
    "toelichting",
    "actielijn",
    "partners",
    "eenheid",
    "bron",
    "trekker",
    "inleiding",
    "samenvatting",
];

/// Keys whose numbers are figures (not years or numbers of decimals).
const NUMBER_KEYS: &[&str] = &["waarde", "metingen", "uitsplitsing", "op_koers", "aandacht"];

/// The example report `data/noord-2016.yaml` (which names the logo in its
/// folder) with its free texts and figures replaced, in document order, by
/// `texts` and `numbers` as far as they go. Non-finite numbers are written as
/// YAML's `.nan`/`.inf`. The structure stays valid; the figures may not.
pub fn varied(texts: &[String], numbers: &[f64]) -> String {
    use serde_json::Value;
    static EXAMPLE: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| {
        serde_yaml::from_str(include_str!("../../data/noord-2016.yaml"))
            .expect("the example parses")
    });
    struct Feed<'a> {
        texts: std::slice::Iter<'a, String>,
        numbers: std::slice::Iter<'a, f64>,
        non_finite: Vec<(String, f64)>,
    }
    fn fill(v: &mut Value, text: bool, number: bool, feed: &mut Feed) {
        match v {
            Value::String(s) if text => {
                if let Some(t) = feed.texts.next() {
                    *s = t.clone();
                }
            }
            Value::Number(n) if number => {
                if let Some(&x) = feed.numbers.next() {
                    match serde_json::Number::from_f64(x) {
                        Some(new) => *n = new,
                        None => {
                            // JSON has no NaN or infinity: a marker, replaced
                            // in the YAML text below.
                            let marker = format!("nietEindigGetal{}", feed.non_finite.len());
                            feed.non_finite.push((marker.clone(), x));
                            *v = Value::String(marker);
                        }
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| fill(i, text, number, feed)),
            Value::Object(map) => {
                for (k, item) in map.iter_mut() {
                    let text = text || TEXT_KEYS.contains(&k.as_str());
                    let number = number || NUMBER_KEYS.contains(&k.as_str());
                    fill(item, text, number, feed);
                }
            }
            _ => {}
        }
    }
    let mut data = EXAMPLE.clone();
    let mut feed = Feed {
        texts: texts.iter(),
        numbers: numbers.iter(),
        non_finite: Vec::new(),
    };
    fill(&mut data, false, false, &mut feed);
    let mut yaml = serde_yaml::to_string(&data).expect("a JSON value serialises");
    // Last marker first, so that marker 1 does not match inside marker 10.
    for (marker, x) in feed.non_finite.into_iter().rev() {
        let word = if x.is_nan() {
            ".nan"
        } else if x > 0.0 {
            ".inf"
        } else {
            "-.inf"
        };
        yaml = yaml.replace(&marker, word);
    }
    yaml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varied_example_keeps_the_structure_and_takes_texts_and_figures() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/varied.yaml");
        let load = |yaml: &str| techniekpact::load::load_str(&path, yaml, Default::default());
        let plain = load(&varied(&[], &[])).unwrap_or_else(|r| panic!("{}", r.render(false)));
        let original =
            techniekpact::load::load(&path.with_file_name("noord-2016.yaml"), Default::default())
                .unwrap();
        assert_eq!(
            serde_json::to_value(&plain.data).unwrap(),
            serde_json::to_value(&original.data).unwrap()
        );
        let texts = vec!["Titel #1 $x$ <w:p>".to_string(), "Ondertitel".to_string()];
        let loaded = load(&varied(&texts, &[80.0, 60.0])).unwrap();
        assert_eq!(loaded.data.rapport.titel, texts[0]);
        assert_eq!(loaded.data.statusregels.op_koers, 80.0);
        assert_eq!(loaded.data.statusregels.aandacht, 60.0);
        let nan = load(&varied(&[], &[f64::NAN, f64::INFINITY])).unwrap_err();
        let messages: Vec<_> = nan.errors().map(|d| d.message.clone()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
    }
}
