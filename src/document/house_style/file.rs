//! `huisstijl.yaml` as an editor writes it, and how it becomes the house
//! style every format reads ([`HouseStyle`]).
//!
//! A colour is written once: as `#rrggbb` or as the name of a colour under
//! `kleuren` or `palet` (`op_koers: accentkleur`, `doel: groen`). What an
//! editor leaves out is derived: the tints of the main colour (table head,
//! zebra, the expected progress in charts), the web page's variants that
//! keep the contrast on light backgrounds, and the dark mode. Every text
//! colour is then checked on the background it stands on (WCAG 2.1 AA).

use indexmap::IndexMap;
use serde::Deserialize;

use super::colour_math::{self, BLACK, Rgb, WHITE};
use super::{ChartColours, Colour, Colours, DarkColours, HouseStyle, Page, Sizes, WebColours};
use crate::diagnostics::Diagnostic;
use crate::load::positions::{PositionIndex, escape_segment};

/// The file: colours as written (a value or a name), optional keys absent.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleFile {
    pub lettertype: String,
    pub kleuren: FileColours,
    /// Named colours for use below (`groen: "#39870c"`).
    #[serde(default)]
    pub palet: IndexMap<String, String>,
    pub statuskleuren: IndexMap<String, String>,
    pub grafieken: FileCharts,
    pub maten: Sizes,
    #[serde(default)]
    pub pagina: Page,
    #[serde(default)]
    pub web: FileWeb,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileColours {
    pub tekst: String,
    pub hoofdkleur: String,
    pub accentkleur: String,
    pub grijs: String,
    pub grijs_donker: String,
    pub lijn: String,
    pub concept: String,
    pub tabelkop: Option<String>,
    pub zebra: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileCharts {
    pub verwacht: Option<String>,
    pub doel: String,
    pub raster: String,
    pub regios: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileWeb {
    pub accentkleur: Option<String>,
    pub grijs: Option<String>,
    pub concept: Option<String>,
    #[serde(default)]
    pub donker: FileDark,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileDark {
    pub tekst: Option<String>,
    pub achtergrond: Option<String>,
    pub hoofdkleur: Option<String>,
    pub accentkleur: Option<String>,
    pub grijs: Option<String>,
    pub lijn: Option<String>,
    pub tabelkop: Option<String>,
    pub zebra: Option<String>,
    pub concept: Option<String>,
}

/// How light the tints of the main colour are: its share on white.
const TABLE_HEAD_SHARE: f64 = 0.1;
const ZEBRA_SHARE: f64 = 0.035;
const EXPECTED_SHARE: f64 = 0.45;

/// The dark mode's background and text when the file gives none.
const DARK_BACKGROUND: Rgb = (0x14, 0x17, 0x1c);
const DARK_TEXT: Rgb = (0xe8, 0xe8, 0xe8);

/// The names a colour may be written as, by their value: the main colours
/// and the palette.
struct Names {
    by_name: IndexMap<String, Colour>,
}

/// Reads the colours of the file, collecting every problem at its place.
struct Resolver<'a> {
    index: &'a PositionIndex,
    names: Names,
    problems: Vec<Diagnostic>,
}

impl Resolver<'_> {
    /// The colour written at `pointer`: `#rrggbb`, or a name.
    fn colour(&mut self, pointer: &str, written: &str) -> Colour {
        let c = Colour(written.to_string());
        if written.starts_with('#') {
            if !c.is_valid() {
                self.problems.push(
                    Diagnostic::error(format!("'{written}' is geen kleur"))
                        .at_opt(self.index.value(pointer))
                        .hint("schrijf een kleur als #rrggbb, bijvoorbeeld #154273"),
                );
            }
            return c;
        }
        if let Some(named) = self.names.by_name.get(written) {
            return named.clone();
        }
        let known: Vec<String> = self.names.by_name.keys().cloned().collect();
        let hint = match crate::load::suggest::did_you_mean(written, &known) {
            Some(close) => format!("bedoelt u '{close}'?"),
            None => format!(
                "schrijf een kleur als #rrggbb, of de naam van een kleur onder 'kleuren' of 'palet' ({})",
                known.join(", ")
            ),
        };
        self.problems.push(
            Diagnostic::error(format!(
                "'{written}' is geen kleur en geen naam van een kleur"
            ))
            .at_opt(self.index.value(pointer))
            .hint(hint),
        );
        Colour("#000000".into())
    }

    fn optional(
        &mut self,
        pointer: &str,
        written: &Option<String>,
        derived: impl FnOnce() -> Rgb,
    ) -> Colour {
        match written {
            Some(w) => self.colour(pointer, w),
            None => Colour(colour_math::hex(derived())),
        }
    }
}

impl StyleFile {
    /// The house style this file gives, with every problem of its colours.
    pub fn resolve(self, index: &PositionIndex) -> (HouseStyle, Vec<Diagnostic>) {
        let mut r = Resolver {
            index,
            names: Names {
                by_name: IndexMap::new(),
            },
            problems: Vec::new(),
        };
        // The palette first: its colours are values, not names.
        for (name, written) in &self.palet {
            let c = r.colour(&format!("/palet/{}", escape_segment(name)), written);
            r.names.by_name.insert(name.clone(), c);
        }
        let k = &self.kleuren;
        let base = |r: &mut Resolver, key: &str, written: &str| {
            let c = r.colour(&format!("/kleuren/{key}"), written);
            r.names.by_name.insert(key.to_string(), c.clone());
            c
        };
        let tekst = base(&mut r, "tekst", &k.tekst);
        let hoofdkleur = base(&mut r, "hoofdkleur", &k.hoofdkleur);
        let accentkleur = base(&mut r, "accentkleur", &k.accentkleur);
        let grijs = base(&mut r, "grijs", &k.grijs);
        let grijs_donker = base(&mut r, "grijs_donker", &k.grijs_donker);
        let lijn = base(&mut r, "lijn", &k.lijn);
        let concept = base(&mut r, "concept", &k.concept);
        let main = hoofdkleur.rgb();
        let tabelkop = r.optional("/kleuren/tabelkop", &k.tabelkop, || {
            colour_math::mix(main, WHITE, TABLE_HEAD_SHARE)
        });
        let zebra = r.optional("/kleuren/zebra", &k.zebra, || {
            colour_math::mix(main, WHITE, ZEBRA_SHARE)
        });
        let statuskleuren: IndexMap<String, Colour> = self
            .statuskleuren
            .iter()
            .map(|(key, w)| {
                let c = r.colour(&format!("/statuskleuren/{}", escape_segment(key)), w);
                (key.clone(), c)
            })
            .collect();
        let g = &self.grafieken;
        let grafieken = ChartColours {
            verwacht: r.optional("/grafieken/verwacht", &g.verwacht, || {
                colour_math::mix(main, WHITE, EXPECTED_SHARE)
            }),
            doel: r.colour("/grafieken/doel", &g.doel),
            raster: r.colour("/grafieken/raster", &g.raster),
            regios: g
                .regios
                .iter()
                .enumerate()
                .map(|(i, w)| r.colour(&format!("/grafieken/regios/{i}"), w))
                .collect(),
        };
        // The web page: a link may stand on a table head; the variants
        // keep 4,5 : 1 there.
        let w = &self.web;
        let head = tabelkop.rgb();
        let web_accent = r.optional("/web/accentkleur", &w.accentkleur, || {
            colour_math::with_contrast(accentkleur.rgb(), head, 4.5, BLACK)
        });
        let web_grey = r.optional("/web/grijs", &w.grijs, || {
            colour_math::with_contrast(grijs.rgb(), head, 4.5, BLACK)
        });
        let web_concept = r.optional("/web/concept", &w.concept, || {
            colour_math::with_contrast(concept.rgb(), WHITE, 4.5, BLACK)
        });
        // The dark mode: the main colours lightened to 7 : 1 on its
        // background, the tints mixed into it.
        let d = &w.donker;
        let background = r.optional("/web/donker/achtergrond", &d.achtergrond, || {
            DARK_BACKGROUND
        });
        let bg = background.rgb();
        let lighter = |c: &Colour| colour_math::with_contrast(c.rgb(), bg, 7.0, WHITE);
        let dark_main = r.optional("/web/donker/hoofdkleur", &d.hoofdkleur, || {
            lighter(&hoofdkleur)
        });
        let donker = DarkColours {
            tekst: r.optional("/web/donker/tekst", &d.tekst, || DARK_TEXT),
            hoofdkleur: dark_main.clone(),
            accentkleur: r.optional("/web/donker/accentkleur", &d.accentkleur, || {
                lighter(&accentkleur)
            }),
            grijs: r.optional("/web/donker/grijs", &d.grijs, || lighter(&grijs)),
            lijn: r.optional("/web/donker/lijn", &d.lijn, || {
                colour_math::mix(WHITE, bg, 0.25)
            }),
            tabelkop: r.optional("/web/donker/tabelkop", &d.tabelkop, || {
                colour_math::mix(dark_main.rgb(), bg, 0.15)
            }),
            zebra: r.optional("/web/donker/zebra", &d.zebra, || {
                colour_math::mix(WHITE, bg, 0.04)
            }),
            concept: r.optional("/web/donker/concept", &d.concept, || lighter(&concept)),
            achtergrond: background,
        };
        let style = HouseStyle {
            lettertype: self.lettertype,
            kleuren: Colours {
                tekst,
                hoofdkleur,
                accentkleur,
                grijs,
                grijs_donker,
                lijn,
                tabelkop,
                zebra,
                concept,
            },
            statuskleuren,
            grafieken,
            maten: self.maten,
            pagina: self.pagina,
            web: WebColours {
                accentkleur: web_accent,
                grijs: web_grey,
                concept: web_concept,
                donker,
            },
            fonts: Default::default(),
        };
        let mut problems = r.problems;
        if problems.is_empty() {
            problems.extend(contrast_problems(&style, &self.kleuren, &self.web, index));
        }
        (style, problems)
    }
}

/// A colour, the colour it stands on or under, and the contrast it needs.
type Need = (Rgb, Rgb, f64);

/// One text colour on its background, and what stands there.
struct Pair<'a> {
    text: (&'a str, &'a Colour),
    background: (&'a str, &'a Colour),
    /// 4,5 for text, 3 for large text (18 pt, or 14 pt bold).
    least: f64,
    what: &'a str,
}

/// Every text colour of the house style on the background it stands on,
/// checked for the contrast WCAG 2.1 AA asks; a failing one is named at
/// the key the editor wrote (or the one its colour is derived from), with
/// the two colours, the ratio and a colour that would do.
fn contrast_problems(
    s: &HouseStyle,
    written: &FileColours,
    web: &FileWeb,
    index: &PositionIndex,
) -> Vec<Diagnostic> {
    let white = Colour("#ffffff".into());
    let k = &s.kleuren;
    let d = &s.web.donker;
    let pairs = [
        Pair {
            text: ("tekst", &k.tekst),
            background: ("wit", &white),
            least: 4.5,
            what: "de lopende tekst en de labels van de grafieken",
        },
        Pair {
            text: ("hoofdkleur", &k.hoofdkleur),
            background: ("wit", &white),
            least: 4.5,
            what: "de koppen",
        },
        Pair {
            text: ("wit", &white),
            background: ("hoofdkleur", &k.hoofdkleur),
            least: 4.5,
            what: "de tekst in de band van de titelpagina",
        },
        Pair {
            text: ("hoofdkleur", &k.hoofdkleur),
            background: ("tabelkop", &k.tabelkop),
            least: 4.5,
            what: "de tekst van tabelkoppen",
        },
        Pair {
            text: ("accentkleur", &k.accentkleur),
            background: ("wit", &white),
            least: 4.5,
            what: "links, en de bovenregel en het jaar op de titelpagina van de DOCX",
        },
        Pair {
            text: ("grijs", &k.grijs),
            background: ("wit", &white),
            least: 4.5,
            what: "de kop- en voetregel en de assen van de grafieken",
        },
        Pair {
            text: ("grijs_donker", &k.grijs_donker),
            background: ("zebra", &k.zebra),
            least: 4.5,
            what: "bijschriften en toelichtingen in tabellen",
        },
        Pair {
            text: ("concept", &k.concept),
            background: ("wit", &white),
            least: 3.0,
            what: "het CONCEPT-merk (grote letters)",
        },
        Pair {
            text: ("web.accentkleur", &s.web.accentkleur),
            background: ("tabelkop", &k.tabelkop),
            least: 4.5,
            what: "links op de webpagina",
        },
        Pair {
            text: ("web.grijs", &s.web.grijs),
            background: ("wit", &white),
            least: 4.5,
            what: "grijze tekst op de webpagina",
        },
        Pair {
            text: ("web.donker.tekst", &d.tekst),
            background: ("web.donker.achtergrond", &d.achtergrond),
            least: 4.5,
            what: "de tekst in de donkere weergave",
        },
        Pair {
            text: ("web.donker.hoofdkleur", &d.hoofdkleur),
            background: ("web.donker.tabelkop", &d.tabelkop),
            least: 4.5,
            what: "koppen en tabelkoppen in de donkere weergave",
        },
        Pair {
            text: ("web.donker.accentkleur", &d.accentkleur),
            background: ("web.donker.achtergrond", &d.achtergrond),
            least: 4.5,
            what: "links in de donkere weergave",
        },
        Pair {
            text: ("web.donker.grijs", &d.grijs),
            background: ("web.donker.achtergrond", &d.achtergrond),
            least: 4.5,
            what: "grijze tekst in de donkere weergave",
        },
    ];
    // One message per key to change, at its first failing use; its tip a
    // colour that passes every use that failed.
    let mut out: Vec<(String, Diagnostic, Vec<Need>)> = Vec::new();
    for p in pairs {
        let ratio = colour_math::contrast(p.text.1.rgb(), p.background.1.rgb());
        if ratio + 1e-9 >= p.least {
            continue;
        }
        // The key to change: the text colour, unless it is white (then the
        // background); a derived colour is named by what it comes from.
        let (key, colour, other) = if p.text.0 == "wit" {
            (p.background.0, p.background.1, p.text.1)
        } else {
            (p.text.0, p.text.1, p.background.1)
        };
        let need = (colour.rgb(), other.rgb(), p.least);
        if let Some((_, _, needs)) = out.iter_mut().find(|(k, ..)| k == key) {
            needs.push(need);
            continue;
        }
        let pointer = pointer_of(key, written, web);
        let d = Diagnostic::error(format!(
            "{} ({}) op {} ({}) heeft te weinig contrast: {} : 1, minstens {} : 1 is nodig voor {}",
            named(p.text.0),
            p.text.1.css(),
            if p.background.0 == "wit" {
                "wit".to_string()
            } else {
                format!("'{}'", p.background.0)
            },
            p.background.1.css(),
            // Rounded down, as a reader of the ratio would judge it.
            crate::format_nl::number((ratio * 10.0).floor() / 10.0, 1),
            crate::format_nl::number(p.least, 1),
            p.what
        ))
        .at_opt(index.value(&pointer));
        out.push((key.to_string(), d, vec![need]));
    }
    out.into_iter()
        .map(|(key, d, needs)| {
            let (colour, other, _) = needs[0];
            let towards = if colour_math::luminance(other) > 0.5 {
                BLACK
            } else {
                WHITE
            };
            // The least change that passes every use that failed.
            // A table head derived from the main colour changes with it.
            let head_follows = key == "hoofdkleur" && written.tabelkop.is_none();
            let passes = |c: Rgb| {
                needs
                    .iter()
                    .all(|(_, o, least)| colour_math::contrast(c, *o) >= *least)
                    && (!head_follows
                        || colour_math::contrast(c, colour_math::mix(c, WHITE, TABLE_HEAD_SHARE))
                            >= 4.5)
            };
            let better = (0..=100)
                .map(|step| colour_math::mix(towards, colour, f64::from(step) / 100.0))
                .find(|c| passes(*c))
                .unwrap_or(towards);
            d.hint(format!(
                "kies voor '{key}' een {} kleur, bijvoorbeeld {} (WCAG 2.1 AA)",
                if towards == BLACK {
                    "donkerder"
                } else {
                    "lichtere"
                },
                colour_math::hex(better)
            ))
        })
        .collect()
}

/// `de kleur 'grijs'`, or `wit`.
fn named(key: &str) -> String {
    if key == "wit" {
        "wit".into()
    } else {
        format!("de kleur '{key}'")
    }
}

/// Where in the file the colour named `key` is written, or, when it was
/// derived, the key it comes from.
fn pointer_of(key: &str, written: &FileColours, web: &FileWeb) -> String {
    let d = &web.donker;
    match key {
        "tabelkop" if written.tabelkop.is_none() => "/kleuren/hoofdkleur".into(),
        "zebra" if written.zebra.is_none() => "/kleuren/hoofdkleur".into(),
        "web.accentkleur" if web.accentkleur.is_none() => "/kleuren/accentkleur".into(),
        "web.grijs" if web.grijs.is_none() => "/kleuren/grijs".into(),
        "web.donker.hoofdkleur" if d.hoofdkleur.is_none() => "/kleuren/hoofdkleur".into(),
        "web.donker.accentkleur" if d.accentkleur.is_none() => "/kleuren/accentkleur".into(),
        "web.donker.grijs" if d.grijs.is_none() => "/kleuren/grijs".into(),
        k if k.starts_with("web.") => format!("/{}", k.replace('.', "/")),
        k => format!("/kleuren/{k}"),
    }
}
