//! Synthetic but valid progress data of any size (`techniekpact voorbeeld
//! --indicatoren N`), for benchmarks and scale tests. Deterministic: the same
//! N gives the same file. Also the example report with other texts and
//! figures ([`varied`]), for fuzzing and property tests.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use indexmap::IndexMap;

use crate::model::{
    Actie, ActieStatus, Actielijn, DoeStatus, DoeVoorstel, Gereed, Indicator, Meetpunt, Onderdeel,
    Rapport, RapportStatus, Richting, Statusregels, Thema, Voortgang,
};

/// Indicators per theme in the generated data.
const PER_THEME: usize = 5;

/// Valid data with `n` indicators (and two acties per theme).
pub fn synthetic(n: usize) -> Voortgang {
    let year = 2016;
    let themes = n.div_ceil(PER_THEME).max(1);
    let lines = ["kiezen", "leren", "werken"];
    let mut onderdelen: Vec<Onderdeel> = Vec::new();
    let mut made = 0;
    for t in 0..themes {
        let part = t / 4;
        if onderdelen.len() <= part {
            onderdelen.push(Onderdeel {
                id: format!("onderdeel-{}", part + 1),
                naam: format!("Onderdeel {}", part + 1),
                toelichting: Some(format!(
                    "Voorbeeldonderdeel {} met **vet** en *cursief*.",
                    part + 1
                )),
                themas: Vec::new(),
            });
        }
        let mut indicatoren = Vec::new();
        for _ in 0..PER_THEME {
            if made == n {
                break;
            }
            made += 1;
            indicatoren.push(indicator(made, year));
        }
        let statuses = ActieStatus::ALL;
        let acties = (0..2)
            .map(|a| Actie {
                id: format!("actie-{}-{}", t + 1, a + 1),
                naam: format!("Actie {} van thema {}", a + 1, t + 1),
                trekker: Some("Secretariaat".into()),
                status: statuses[(t * 2 + a) % statuses.len()],
                gereed: Some(Gereed::Jaar(year + (a as i32))),
                toelichting: None,
            })
            .collect();
        onderdelen[part].themas.push(Thema {
            id: format!("thema-{}", t + 1),
            naam: format!("Thema {}", t + 1),
            actielijn: Some(lines[t % 3].into()),
            partners: vec!["Partner A".into(), "Partner B".into()],
            toelichting: Some("Toelichting bij dit thema.\n\n- eerste punt\n- tweede punt".into()),
            indicatoren,
            acties,
        });
    }
    Voortgang {
        rapport: Rapport {
            titel: "Voortgangsrapportage Techniekpact (synthetische gegevens)".into(),
            ondertitel: Some(format!("Voorbeeld met {n} indicatoren")),
            landsdeel: "Voorbeeld".into(),
            verslagjaar: year,
            looptijd: None,
            publicatiedatum: NaiveDate::from_ymd_opt(2017, 3, 15).expect("a valid date"),
            versie: Some("1.0".into()),
            status: RapportStatus::Definitief,
            opsteller: Some("techniekpact voorbeeld".into()),
            organisaties: vec!["Landsdeel Voorbeeld".into()],
            logo: None,
        },
        statusregels: Statusregels::default(),
        inleiding: Some("Synthetische gegevens voor metingen aan snelheid en schaal.".into()),
        samenvatting: Some(format!("Dit rapport volgt {n} indicatoren.")),
        actielijnen: actielijnen(),
        onderdelen,
        doe_voorstellen: (1..=3)
            .map(|i| DoeVoorstel {
                nummer: i,
                id: format!("voorstel-{i}"),
                naam: format!("Doe-voorstel {i}"),
                thema: Some("thema-1".into()),
                actielijn: Some("kiezen".into()),
                trekker: None,
                status: DoeStatus::InUitvoering,
                toelichting: None,
            })
            .collect(),
    }
}

/// The usual three actielijnen: kiezen, leren and werken.
pub fn actielijnen() -> Vec<Actielijn> {
    [
        ("kiezen", "Kiezen voor techniek"),
        ("leren", "Leren in de techniek"),
        ("werken", "Werken in de techniek"),
    ]
    .into_iter()
    .map(|(id, naam)| Actielijn {
        id: id.into(),
        naam: naam.into(),
    })
    .collect()
}

/// Indicator `i`: its measurement in `year` cycles through every status.
fn indicator(i: usize, year: i32) -> Indicator {
    let falling = i.is_multiple_of(4);
    let (w0, w1): (f64, f64) = if falling { (40.0, 20.0) } else { (10.0, 70.0) };
    // Share of the required change reached in `year` (expected: 1/3).
    let share: f64 = [0.40, 0.33, 0.25, 0.10, 1.05][i % 5];
    let mut metingen = BTreeMap::new();
    metingen.insert(year - 2, w0);
    metingen.insert(year - 1, w0 + (w1 - w0) * share / 2.0);
    if i % 7 != 6 {
        metingen.insert(year, ((w0 + (w1 - w0) * share) * 10.0).round() / 10.0);
    }
    let mut uitsplitsing = IndexMap::new();
    if i.is_multiple_of(3) {
        for (r, part) in [("Groningen", 0.5), ("Friesland", 0.3), ("Drenthe", 0.2)] {
            let years = metingen.iter().map(|(y, v)| (*y, v * part)).collect();
            uitsplitsing.insert(r.to_string(), years);
        }
    }
    Indicator {
        id: format!("indicator-{i}"),
        naam: format!("Indicator {i}"),
        eenheid: if falling {
            "%".into()
        } else {
            "deelnemers".into()
        },
        richting: if falling {
            Richting::Dalend
        } else {
            Richting::Stijgend
        },
        nulmeting: Meetpunt {
            jaar: year - 2,
            waarde: w0,
        },
        doel: Meetpunt {
            jaar: year + 4,
            waarde: w1,
        },
        metingen,
        uitsplitsing,
        bron: Some("Synthetisch".into()),
        toelichting: None,
        decimalen: 1,
    }
}

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

/// The data as YAML, with the schema line editors use.
pub fn to_yaml(data: &Voortgang) -> String {
    format!(
        "# yaml-language-server: $schema=schema/techniekpact.schema.json\n# Synthetische gegevens, gemaakt met 'techniekpact voorbeeld'.\n{}",
        serde_yaml::to_string(data).expect("the model serialises")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varied_example_keeps_the_structure_and_takes_texts_and_figures() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/varied.yaml");
        let load = |yaml: &str| crate::load::load_str(&path, yaml, Default::default());
        let plain = load(&varied(&[], &[])).unwrap_or_else(|r| panic!("{}", r.render(false)));
        let original =
            crate::load::load(&path.with_file_name("noord-2016.yaml"), Default::default()).unwrap();
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

    #[test]
    fn synthetic_data_is_valid_and_has_every_status() {
        for n in [1, 25, 200] {
            let text = to_yaml(&synthetic(n));
            let loaded = crate::load::load_str(
                std::path::Path::new("voorbeeld.yaml"),
                &text,
                Default::default(),
            )
            .unwrap_or_else(|r| panic!("{}", r.render(false)));
            assert_eq!(loaded.data.indicatoren().count(), n);
            // Only the publication check speaks: the data has indicators
            // without a measurement for the year (status "geen meting").
            assert!(
                loaded.warnings.diagnostics.len() == loaded.warnings.to_review,
                "{}",
                loaded.warnings.render(false)
            );
        }
        let a = crate::analysis::analyse(&synthetic(25));
        let counts = a.status_counts();
        for (s, c) in counts {
            if s != crate::analysis::Status::Nulmeting {
                assert!(c > 0, "{s:?} missing");
            }
        }
    }
}
