//! Synthetic but valid progress data: the one generator of the project,
//! for `techniekpact voorbeeld --indicatoren N` (benchmarks, scale) and for
//! the tests' generated reports. Seeded and deterministic: the same seed
//! and number give the same data. The reports cover the combinations real
//! data has (both statuses; every indicator status, rising and falling;
//! lists, links, very long words and long paragraphs across page breaks;
//! Arabic, Hebrew, Greek, Cyrillic and Latin diacritics in Dutch
//! sentences; with and without samenvatting, logo, uitsplitsing,
//! doe-voorstellen and a previous year; 1 to 200 indicators).

use std::collections::BTreeMap;

use chacha20::ChaCha20Rng;
use chrono::NaiveDate;
use indexmap::IndexMap;
use rand_core::{Rng as _, SeedableRng};

use crate::model::{
    Actie, ActieStatus, Actielijn, DoeStatus, DoeVoorstel, Gereed, Indicator, Meetpunt, Onderdeel,
    Rapport, RapportStatus, Richting, Statusregels, Thema, Voortgang,
};

/// The seed of `voorbeeld`.
pub const EXAMPLE_SEED: u64 = 2016;

/// The report of `voorbeeld --indicatoren N`: `n` indicators, definitive,
/// with a samenvatting, uitsplitsingen and doe-voorstellen, no logo; named
/// landsdeel Voorbeeld, with its size in the subtitle.
pub fn of_size(n: usize) -> Voortgang {
    let mut rng = Rng(ChaCha20Rng::from_seed(seed_bytes(EXAMPLE_SEED, n)));
    let mut data = report(
        &mut rng,
        0,
        2016,
        n,
        Extras {
            concept: false,
            summary: true,
            logo: false,
            breakdown: true,
            proposals: true,
        },
    );
    let r = &mut data.rapport;
    r.titel = "Voortgangsrapportage Techniekpact (synthetische gegevens)".into();
    r.ondertitel = Some(format!("Voorbeeld met {n} indicatoren"));
    r.landsdeel = "Voorbeeld".into();
    r.versie = Some("1.0".into());
    r.opsteller = Some("techniekpact voorbeeld".into());
    data
}

fn seed_bytes(seed: u64, number: usize) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..16].copy_from_slice(&(number as u64).to_le_bytes());
    bytes
}

/// One generated report of a seeded set.
pub struct Case {
    pub number: usize,
    pub data: Voortgang,
    /// The previous year's data, for `--vorig`.
    pub previous: Option<Voortgang>,
    pub description: String,
}

/// The generator's random numbers: ChaCha20 from a seed, so that a seed
/// always gives the same data.
struct Rng(ChaCha20Rng);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Case `number` of the set with `seed`.
pub fn case(seed: u64, number: usize) -> Case {
    let mut rng = Rng(ChaCha20Rng::from_seed(seed_bytes(seed, number)));
    let year = 2016 + rng.below(3) as i32;
    let concept = number.is_multiple_of(2);
    // Mostly small reports, every eighth one large (40 to 60 indicators),
    // every sixteenth very large (100 to 200).
    let indicators = if number % 16 == 15 {
        100 + rng.below(101)
    } else if number % 8 == 7 {
        40 + rng.below(21)
    } else {
        1 + rng.below(12)
    };
    let with_summary = rng.chance(70);
    let with_logo = rng.chance(50);
    let with_breakdown = rng.chance(60);
    let with_proposals = rng.chance(70);
    let with_previous = number % 5 == 3;
    let data = report(
        &mut rng,
        number,
        year,
        indicators,
        Extras {
            concept,
            summary: with_summary,
            logo: with_logo,
            breakdown: with_breakdown,
            proposals: with_proposals,
        },
    );
    let previous = with_previous.then(|| previous_year(&mut rng, &data));
    let description = format!(
        "geval {number} (zaad {seed}): {} indicatoren, {}, samenvatting {}, logo {}, uitsplitsing {}, doe-voorstellen {}, vorig jaar {}",
        indicators,
        if concept { "concept" } else { "definitief" },
        yes(with_summary),
        yes(with_logo),
        yes(with_breakdown),
        yes(with_proposals),
        yes(with_previous),
    );
    Case {
        number,
        data,
        previous,
        description,
    }
}

fn yes(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

struct Extras {
    concept: bool,
    summary: bool,
    logo: bool,
    breakdown: bool,
    proposals: bool,
}

/// A word too long for any line.
const LONG_WORD: &str =
    "Bètatechniekonderwijsvernieuwingsprogrammacoördinatiecommissievergaderingsverslaglegging";

/// A Markdown text of the data format's subset: paragraphs (some long
/// enough to cross a page break), bulleted and numbered lists, links,
/// emphasis, a very long word and characters that are markup elsewhere.
fn markdown(rng: &mut Rng) -> String {
    let sentences = [
        "Scholen in Groningen, Friesland en Drenthe werken samen met bedrijven aan techniekonderwijs.",
        "Het aantal leerlingen dat voor techniek kiest, stijgt langzaam maar gestaag.",
        "Bij 12,5 % van de scholen is *wetenschap en technologie* nog geen vast onderdeel.",
        "Partners delen kosten & opbrengsten: 50/50, zoals afgesproken in art. 3 [bijlage].",
        "De regio's gebruiken tekens als #, $, _, < en ] gewoon in hun teksten.",
        "**Belangrijk**: de cijfers over 2016 zijn voorlopig.",
        "Samen met مدرسة النور en בית ספר אורט, Łódź, İzmir, Ελλάδα en Школа.",
    ];
    let mut blocks = Vec::new();
    for _ in 0..1 + rng.below(3) {
        let kind = rng.below(6);
        let text = match kind {
            0 => {
                // A long paragraph: crosses a page break in most layouts.
                let n = 20 + rng.below(25);
                (0..n).map(|_| *rng.pick(&sentences)).collect::<Vec<_>>().join(" ")
            }
            1 => (0..2 + rng.below(6))
                .map(|i| format!("- punt {} {}", i + 1, rng.pick(&sentences)))
                .collect::<Vec<_>>()
                .join("\n"),
            2 => (0..2 + rng.below(6))
                .map(|i| format!("{}. stap {}", i + 1, rng.pick(&sentences)))
                .collect::<Vec<_>>()
                .join("\n"),
            3 => "Zie [de website van het Techniekpact](https://www.techniekpact.nl/) en <https://www.platformbetatechniek.nl>.".to_string(),
            4 => format!("Een lang woord: {LONG_WORD}{LONG_WORD} past op geen enkele regel."),
            _ => rng.pick(&sentences).to_string(),
        };
        blocks.push(text);
    }
    blocks.join("\n\n")
}

fn report(rng: &mut Rng, number: usize, year: i32, indicators: usize, extras: Extras) -> Voortgang {
    let themes = 1 + rng.below(indicators.min(8));
    let parts = 1 + rng.below(themes.min(3));
    let mut onderdelen: Vec<Onderdeel> = (0..parts)
        .map(|p| Onderdeel {
            id: format!("onderdeel-{}", p + 1),
            naam: format!("Onderdeel {} van het arrangement", p + 1),
            toelichting: rng.chance(60).then(|| markdown(rng)),
            themas: Vec::new(),
        })
        .collect();
    let lines = ["kiezen", "leren", "werken"];
    for t in 0..themes {
        onderdelen[t % parts].themas.push(Thema {
            id: format!("thema-{}", t + 1),
            naam: if rng.chance(15) {
                format!("Thema {} met een heel lange naam over {LONG_WORD}", t + 1)
            } else {
                format!("Thema {}", t + 1)
            },
            actielijn: Some(rng.pick(&lines).to_string()),
            partners: (0..rng.below(4))
                .map(|i| format!("Partner {}", i + 1))
                .collect(),
            toelichting: rng.chance(60).then(|| markdown(rng)),
            indicatoren: Vec::new(),
            acties: (0..rng.below(4))
                .map(|a| Actie {
                    id: format!("actie-{}-{}", t + 1, a + 1),
                    naam: format!("Actie {} van thema {}", a + 1, t + 1),
                    trekker: rng.chance(50).then(|| "Secretariaat".to_string()),
                    status: *rng.pick(&ActieStatus::ALL),
                    gereed: match rng.below(3) {
                        0 => None,
                        1 => Some(Gereed::Jaar(year + rng.below(3) as i32)),
                        _ => NaiveDate::from_ymd_opt(year, 1 + rng.below(12) as u32, 1)
                            .map(Gereed::Datum),
                    },
                    toelichting: rng.chance(40).then(|| markdown(rng)),
                })
                .collect(),
        });
    }
    // Indicators spread over the themes: some themes get long tables.
    for i in 0..indicators {
        let t = if rng.chance(50) { 0 } else { rng.below(themes) };
        let part = t % parts;
        let theme = onderdelen[part]
            .themas
            .iter_mut()
            .find(|th| th.id == format!("thema-{}", t + 1))
            .expect("the theme exists");
        theme
            .indicatoren
            .push(indicator(rng, i + 1, year, extras.breakdown));
    }
    let doe_voorstellen = if extras.proposals {
        (1..=1 + rng.below(6) as i64)
            .map(|n| DoeVoorstel {
                nummer: n,
                id: format!("voorstel-{n}"),
                naam: format!(
                    "Doe-voorstel {n}: {}",
                    rng.pick(&["W&T in het po", "Techniek <in> de klas", "Bètapunt_Noord"])
                ),
                thema: Some(format!("thema-{}", 1 + rng.below(themes))),
                actielijn: Some(rng.pick(&lines).to_string()),
                trekker: rng.chance(50).then(|| "Landsdeel Noord".to_string()),
                status: *rng.pick(&[
                    DoeStatus::InVoorbereiding,
                    DoeStatus::InUitvoering,
                    DoeStatus::Afgerond,
                    DoeStatus::Gestopt,
                ]),
                toelichting: rng.chance(50).then(|| markdown(rng)),
            })
            .collect()
    } else {
        Vec::new()
    };
    Voortgang {
        rapport: Rapport {
            titel: "Voortgangsrapportage Techniekpact (gegenereerd)".into(),
            ondertitel: rng
                .chance(50)
                .then(|| "Samenwerkingsarrangement & doe-voorstellen".to_string()),
            landsdeel: format!("Gen {number}"),
            verslagjaar: year,
            looptijd: rng.chance(50).then_some(crate::model::Looptijd {
                van: 2014,
                tot: 2020,
            }),
            publicatiedatum: NaiveDate::from_ymd_opt(year + 1, 3, 15).expect("a valid date"),
            versie: Some(format!("0.{}", 1 + rng.below(9))),
            status: if extras.concept {
                RapportStatus::Concept
            } else {
                RapportStatus::Definitief
            },
            opsteller: rng
                .chance(50)
                .then(|| "Secretariaat Techniekpact".to_string()),
            organisaties: vec!["Landsdeel Noord".into(), "Platform Bèta Techniek".into()],
            logo: extras
                .logo
                .then(|| "logo-techniekpact-noord.svg".to_string()),
            // Without a draw of the generator: the rest stays as it was.
            kenmerk: number
                .is_multiple_of(2)
                .then(|| format!("TP-{year}-{number:03}")),
        },
        statusregels: Statusregels::default(),
        inleiding: rng.chance(70).then(|| markdown(rng)),
        samenvatting: extras.summary.then(|| markdown(rng)),
        actielijnen: actielijnen(),
        onderdelen,
        doe_voorstellen,
    }
}

/// Indicator `i`, with a status drawn from all of them.
fn indicator(rng: &mut Rng, i: usize, year: i32, breakdown: bool) -> Indicator {
    let falling = rng.chance(35);
    let (w0, w1): (f64, f64) = if falling {
        (40.0 + rng.below(40) as f64, 5.0 + rng.below(20) as f64)
    } else {
        (rng.below(50) as f64, 80.0 + rng.below(1000) as f64)
    };
    // The baseline year is the reporting year for a `nulmeting`.
    let baseline_now = rng.chance(8);
    let j0 = if baseline_now {
        year
    } else {
        year - 1 - rng.below(3) as i32
    };
    let j1 = year + 1 + rng.below(5) as i32;
    // Share of the required change reached: behaald, op koers, aandacht,
    // achter, or none yet.
    let expected = (year - j0) as f64 / (j1 - j0) as f64;
    let share = match rng.below(5) {
        0 => 1.05,
        1 => expected * 1.1,
        2 => expected * 0.8,
        3 => expected * 0.3,
        _ => 0.0,
    };
    let decimals = rng.below(3) as u8;
    let round = |v: f64| {
        let f = 10f64.powi(decimals as i32);
        (v * f).round() / f
    };
    let mut metingen = BTreeMap::new();
    metingen.insert(j0, w0);
    for y in j0 + 1..year {
        let part = (y - j0) as f64 / (year - j0) as f64;
        metingen.insert(y, round(w0 + (w1 - w0) * share * part));
    }
    let measured = !rng.chance(12);
    if measured && !baseline_now {
        metingen.insert(year, round(w0 + (w1 - w0) * share));
    }
    let mut uitsplitsing = IndexMap::new();
    if breakdown && rng.chance(50) {
        // Parts that add up exactly: two regions get whole shares, the
        // third the rest.
        let regions = ["Groningen", "Friesland", "Drenthe"];
        let mut rest: BTreeMap<i32, f64> = metingen.clone();
        for r in &regions[..2] {
            let years: BTreeMap<i32, f64> = metingen
                .iter()
                .map(|(y, v)| (*y, (v * 0.3).floor()))
                .collect();
            for (y, v) in &years {
                *rest.get_mut(y).expect("same years") -= v;
            }
            uitsplitsing.insert(r.to_string(), years);
        }
        uitsplitsing.insert(regions[2].to_string(), rest);
    }
    let long_name = rng.chance(15);
    let longest_word = rng.chance(5);
    Indicator {
        id: format!("indicator-{i}"),
        naam: if longest_word {
            format!("{LONG_WORD} ({i})")
        } else if long_name {
            format!(
                "Aantal scholen in het primair en voortgezet onderwijs dat structureel aandacht besteedt aan wetenschap en technologie ({i})"
            )
        } else {
            format!("Indicator {i}")
        },
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
            jaar: j0,
            waarde: w0,
        },
        doel: Meetpunt {
            jaar: j1,
            waarde: w1,
        },
        metingen,
        uitsplitsing,
        bron: rng.chance(50).then(|| "DUO & CBS".to_string()),
        toelichting: rng.chance(30).then(|| markdown(rng)),
        decimalen: decimals,
        landelijk: None,
        opmerkingen: BTreeMap::new(),
    }
}

/// The year before `data`: one year earlier, acties in other states, one
/// indicator fewer and one measurement less, so the changes chapter has
/// something to say.
fn previous_year(rng: &mut Rng, data: &Voortgang) -> Voortgang {
    let mut prev = data.clone();
    let year = data.rapport.verslagjaar - 1;
    prev.rapport.verslagjaar = year;
    prev.rapport.publicatiedatum = NaiveDate::from_ymd_opt(year + 1, 3, 15).expect("a valid date");
    prev.rapport.status = RapportStatus::Definitief;
    for part in &mut prev.onderdelen {
        for theme in &mut part.themas {
            for actie in &mut theme.acties {
                actie.status = *rng.pick(&ActieStatus::ALL);
            }
            for ind in &mut theme.indicatoren {
                ind.metingen.retain(|y, _| *y <= year);
                for years in ind.uitsplitsing.values_mut() {
                    years.retain(|y, _| *y <= year);
                }
                if ind.nulmeting.jaar > year {
                    ind.nulmeting.jaar = year;
                    ind.metingen.insert(year, ind.nulmeting.waarde);
                }
            }
        }
    }
    // An indicator that is new this year.
    if let Some(theme) = prev
        .onderdelen
        .iter_mut()
        .flat_map(|p| p.themas.iter_mut())
        .find(|t| t.indicatoren.len() > 1)
    {
        theme.indicatoren.pop();
    }
    prev
}

/// A generated national overview: `LANDELIJK.yaml` and the landsdelen's
/// files it names (by file name; a landsdeel without a file has none).
pub struct NationalCase {
    pub national: crate::national::model::Landelijk,
    pub files: Vec<(String, Voortgang)>,
    pub description: String,
}

/// National case `number` of the set with `seed`: 1 to 7 landsdelen
/// (some without a file, some a concept, some with long names) and 0 to 30
/// national indicators, each linked from some landsdelen's indicators of
/// its unit. The overview is a concept when a landsdeel is.
pub fn national_case(seed: u64, number: usize) -> NationalCase {
    use crate::national::model::{
        JaNee, Landelijk, LandelijkRapport, LandelijkeIndicator, LandsdeelBron,
    };
    let mut rng = Rng(ChaCha20Rng::from_seed(seed_bytes(
        seed ^ 0x4c41_4e44,
        number,
    )));
    let year = 2016 + rng.below(3) as i32;
    let members = 1 + rng.below(7);
    let national_indicators = if number.is_multiple_of(4) {
        0
    } else {
        rng.below(31)
    };
    let indicatoren: Vec<LandelijkeIndicator> = (0..national_indicators)
        .map(|k| {
            let counts = k % 3 != 2;
            LandelijkeIndicator {
                id: format!("landelijk-{}", k + 1),
                naam: if rng.chance(15) {
                    format!("Landelijke indicator {} over {LONG_WORD}", k + 1)
                } else {
                    format!("Landelijke indicator {}", k + 1)
                },
                eenheid: if counts { "deelnemers" } else { "%" }.into(),
                optellen: if counts { JaNee::Ja } else { JaNee::Nee },
                richting: if counts {
                    Richting::Stijgend
                } else {
                    Richting::Dalend
                },
                toelichting: rng.chance(40).then(|| markdown(&mut rng)),
            }
        })
        .collect();
    let mut files = Vec::new();
    let mut landsdelen = Vec::new();
    let mut concepts = 0;
    for m in 0..members {
        let naam = if rng.chance(20) {
            format!("Landsdeel {} met een lange naam over {LONG_WORD}", m + 1)
        } else {
            format!("Landsdeel {}", m + 1)
        };
        if members > 1 && rng.chance(15) {
            landsdelen.push(LandsdeelBron {
                naam,
                bestand: None,
            });
            continue;
        }
        let concept = rng.chance(30);
        concepts += usize::from(concept);
        let size = 1 + rng.below(12);
        let extras = Extras {
            concept,
            summary: rng.chance(50),
            logo: false,
            breakdown: rng.chance(50),
            proposals: rng.chance(70),
        };
        let mut data = report(&mut rng, number * 10 + m, year, size, extras);
        data.rapport.landsdeel = naam.clone();
        // Each national indicator at most once per landsdeel, from an
        // indicator of its unit.
        let mut used = std::collections::BTreeSet::new();
        for ind in data
            .onderdelen
            .iter_mut()
            .flat_map(|o| o.themas.iter_mut())
            .flat_map(|t| t.indicatoren.iter_mut())
        {
            if !rng.chance(60) {
                continue;
            }
            let skip = rng.below(3);
            if let Some(n) = indicatoren
                .iter()
                .filter(|n| n.eenheid == ind.eenheid && !used.contains(&n.id))
                .nth(skip)
            {
                used.insert(n.id.clone());
                ind.landelijk = Some(n.id.clone());
            }
        }
        let file = format!("landsdeel-{}-{year}.yaml", m + 1);
        landsdelen.push(LandsdeelBron {
            naam,
            bestand: Some(file.clone()),
        });
        files.push((file, data));
    }
    let concept = concepts > 0 || rng.chance(50);
    let description = format!(
        "landelijk geval {number} (zaad {seed}): {members} landsdelen, {} zonder bestand, {concepts} concept, {national_indicators} landelijke indicatoren",
        members - files.len()
    );
    NationalCase {
        national: Landelijk {
            rapport: LandelijkRapport {
                titel: "Landelijk overzicht Techniekpact (gegenereerd)".into(),
                ondertitel: rng
                    .chance(50)
                    .then(|| "Gegenereerde landsdelen".to_string()),
                verslagjaar: year,
                publicatiedatum: NaiveDate::from_ymd_opt(year + 1, 4, 1).expect("a valid date"),
                versie: Some("0.1".into()),
                status: if concept {
                    RapportStatus::Concept
                } else {
                    RapportStatus::Definitief
                },
                opsteller: Some("Platform Bèta Techniek".into()),
                organisaties: Vec::new(),
                logo: None,
                kenmerk: None,
            },
            landsdelen,
            actielijnen: actielijnen(),
            indicatoren,
            inleiding: rng.chance(50).then(|| markdown(&mut rng)),
            samenvatting: rng.chance(50).then(|| markdown(&mut rng)),
        },
        files,
        description,
    }
}

/// A national file as YAML.
pub fn national_to_yaml(data: &crate::national::model::Landelijk) -> String {
    format!(
        "# Synthetisch landelijk overzicht.\n{}",
        serde_yaml::to_string(data).expect("the model serialises")
    )
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
    fn generated_data_is_valid_and_has_every_status() {
        for n in [1, 25, 200] {
            let text = to_yaml(&of_size(n));
            let loaded = crate::load::load_str(
                std::path::Path::new("voorbeeld.yaml"),
                &text,
                Default::default(),
            )
            .unwrap_or_else(|r| panic!("{}", r.render(false)));
            assert_eq!(loaded.data.indicatoren().count(), n);
        }
        let a = crate::analysis::analyse(&of_size(25));
        for (s, c) in a.status_counts() {
            if s != crate::analysis::Status::Nulmeting {
                assert!(c > 0, "{s:?} missing");
            }
        }
        // Every national case loads with its landsdelen.
        for n in 0..8 {
            let case = national_case(7, n);
            let dir = tempfile::tempdir().unwrap();
            for (file, data) in &case.files {
                std::fs::write(dir.path().join(file), to_yaml(data)).unwrap();
            }
            let path = dir.path().join("landelijk.yaml");
            std::fs::write(&path, national_to_yaml(&case.national)).unwrap();
            crate::national::load::load(&path, Default::default()).unwrap_or_else(|r| {
                panic!(
                    "{}: {}",
                    case.description,
                    r.iter().map(|p| p.render(false)).collect::<String>()
                )
            });
        }
        assert_eq!(
            to_yaml(&of_size(25)),
            to_yaml(&of_size(25)),
            "deterministic"
        );
    }
}
