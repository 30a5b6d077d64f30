//! The house style: colours, font family and text sizes of every format,
//! read from `templates/huisstijl.yaml`. The PDF template (as
//! `/data/huisstijl.json`), the DOCX styles and tables, the HTML page and the
//! charts take them from here, so an editor changes a colour in one place.

pub mod colour_math;
pub mod file;

use crate::fonts::house::{FONTS_DIR, FontFile, HouseFonts};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Problems};
use crate::load::positions;
use crate::templates::Templates;

/// File name of the house style in the template folder.
pub const STYLE_FILE: &str = "huisstijl.yaml";

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Colour(pub(crate) String);

impl Colour {
    /// Whether the text is `#` and six hexadecimal digits.
    fn is_valid(&self) -> bool {
        let s = self.0.as_str();
        s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
    }

    /// `RRGGBB`, as Word writes colours.
    pub fn hex(&self) -> String {
        self.0[1..].to_ascii_uppercase()
    }

    /// The contrast ratio of this colour with white (WCAG 2.1), when it is
    /// a valid colour.
    pub fn contrast_with_white(&self) -> Option<f64> {
        if !self.is_valid() {
            return None;
        }
        let channel = |i: usize| {
            let v = f64::from(u8::from_str_radix(&self.0[i..i + 2], 16).ok()?) / 255.0;
            Some(if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            })
        };
        let l = 0.2126 * channel(1)? + 0.7152 * channel(3)? + 0.0722 * channel(5)?;
        Some(1.05 / (l + 0.05))
    }

    /// `#rrggbb`, as CSS and Typst read colours.
    pub fn css(&self) -> String {
        self.0.to_ascii_lowercase()
    }

    /// The red, green and blue parts.
    pub fn rgb(&self) -> (u8, u8, u8) {
        let part = |i: usize| {
            self.0
                .get(i..i + 2)
                .and_then(|p| u8::from_str_radix(p, 16).ok())
                .unwrap_or(0)
        };
        (part(1), part(3), part(5))
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colours {
    pub tekst: Colour,
    pub hoofdkleur: Colour,
    pub accentkleur: Colour,
    pub grijs: Colour,
    pub grijs_donker: Colour,
    pub lijn: Colour,
    pub tabelkop: Colour,
    pub zebra: Colour,
    pub concept: Colour,
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartColours {
    pub verwacht: Colour,
    pub doel: Colour,
    pub raster: Colour,
    pub regios: Vec<Colour>,
}

/// Text sizes in points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    pub tekst: f64,
    pub kop1: f64,
    pub kop2: f64,
    pub kop3: f64,
    pub tabel: f64,
    pub bijschrift: f64,
}

impl Sizes {
    fn all(&self) -> [(&'static str, f64); 6] {
        [
            ("tekst", self.tekst),
            ("kop1", self.kop1),
            ("kop2", self.kop2),
            ("kop3", self.kop3),
            ("tabel", self.tabel),
            ("bijschrift", self.bijschrift),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DarkColours {
    pub tekst: Colour,
    pub achtergrond: Colour,
    pub hoofdkleur: Colour,
    pub accentkleur: Colour,
    pub grijs: Colour,
    pub lijn: Colour,
    pub tabelkop: Colour,
    pub zebra: Colour,
    pub concept: Colour,
}

/// The page of the PDF, the DOCX and the printed web page: paper, margins
/// and where the running head and foot stand, in centimetres.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// `a4`, `a5` or `letter`.
    pub papier: String,
    pub marge_boven: f64,
    pub marge_onder: f64,
    pub marge_links: f64,
    pub marge_rechts: f64,
    /// From the top edge of the paper to the top of the running head
    /// (Word's header distance); optional in the file.
    #[serde(default = "default_head")]
    pub kopregel: f64,
    /// From the bottom edge of the paper to the bottom of the running foot
    /// (Word's footer distance); optional in the file.
    #[serde(default = "default_foot")]
    pub voetregel: f64,
    /// The width of the column in the left margin that holds the numbers
    /// of chapters and sections, so that their words start at the text's
    /// edge; optional in the file.
    #[serde(default = "default_numbers")]
    pub kopnummers: f64,
}

fn default_numbers() -> f64 {
    Page::default().kopnummers
}

fn default_head() -> f64 {
    Page::default().kopregel
}

fn default_foot() -> f64 {
    Page::default().voetregel
}

impl Default for Page {
    fn default() -> Self {
        Page {
            papier: "a4".into(),
            marge_boven: 2.6,
            marge_onder: 2.4,
            marge_links: 4.6,
            marge_rechts: 2.4,
            kopregel: 1.3,
            voetregel: 1.3,
            kopnummers: 1.3,
        }
    }
}

/// The paper sizes a page may have: name, width and height in centimetres.
pub const PAPERS: [(&str, f64, f64); 3] = [
    ("a4", 21.0, 29.7),
    ("a5", 14.8, 21.0),
    ("letter", 21.59, 27.94),
];

impl Page {
    /// Width and height of the paper in centimetres.
    pub fn paper_size(&self) -> (f64, f64) {
        PAPERS
            .iter()
            .find(|(name, ..)| *name == self.papier)
            .map_or((21.0, 29.7), |&(_, w, h)| (w, h))
    }

    /// The width of the text between the side margins, in centimetres.
    pub fn text_width(&self) -> f64 {
        self.paper_size().0 - self.marge_links - self.marge_rechts
    }

    /// The running head and foot: key, distance, and the margin they stand
    /// in with its key.
    fn running_lines(&self) -> [(&'static str, f64, f64, &'static str); 2] {
        [
            ("kopregel", self.kopregel, self.marge_boven, "marge_boven"),
            ("voetregel", self.voetregel, self.marge_onder, "marge_onder"),
        ]
    }

    fn margins(&self) -> [(&'static str, f64); 4] {
        [
            ("marge_boven", self.marge_boven),
            ("marge_onder", self.marge_onder),
            ("marge_links", self.marge_links),
            ("marge_rechts", self.marge_rechts),
        ]
    }
}

/// The web page's colours where contrast asks for others.
#[derive(Debug, Clone, PartialEq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebColours {
    pub accentkleur: Colour,
    pub grijs: Colour,
    pub concept: Colour,
    pub donker: DarkColours,
}

/// The house style of every format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    pub lettertype: String,
    pub kleuren: Colours,
    /// By status key ([`crate::analysis::status_keys`]).
    pub statuskleuren: IndexMap<String, Colour>,
    pub grafieken: ChartColours,
    pub maten: Sizes,
    /// The page; without it, A4 with the margins of the embedded style.
    #[serde(default)]
    pub pagina: Page,
    pub web: WebColours,
    /// The files of `lettertype` in its four styles ([`HouseFonts`]).
    #[serde(skip)]
    pub fonts: std::sync::Arc<HouseFonts>,
}

impl HouseStyle {
    /// Read `huisstijl.yaml` from the templates and check it, with the
    /// editor's font files from `lettertypen/`.
    pub fn load(templates: &Templates) -> Result<Self, Problems> {
        let (text, source) = templates.text(STYLE_FILE)?;
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for (rel, bytes) in &templates.files {
            let Some(name) = rel.strip_prefix(&format!("{FONTS_DIR}/")) else {
                continue;
            };
            let lower = name.to_ascii_lowercase();
            if !(lower.ends_with(".ttf") || lower.ends_with(".otf")) {
                continue;
            }
            match crate::fonts::house::read_file(name, bytes.clone()) {
                Some(f) => files.push(f),
                None => problems.push(
                    Diagnostic::error(format!(
                        "{rel} is geen lettertype dat techniekpact kan lezen"
                    ))
                    .hint("gebruik een TTF- of OTF-bestand, of haal het bestand weg"),
                ),
            }
        }
        match Self::parse_with_fonts(&text, &files) {
            Ok(style) if problems.is_empty() => Ok(style),
            Ok(_) => Err(Problems::new(&source.path.clone(), Some(source), problems)),
            Err(more) => {
                problems.extend(more);
                Err(Problems::new(&source.path.clone(), Some(source), problems))
            }
        }
    }

    /// The embedded default house style.
    pub fn embedded() -> Self {
        Self::load(&Templates::embedded()).expect("the embedded house style is valid")
    }

    /// Parse and check the text of a house style file: colours by value
    /// or by name, derived where left out ([`file`]), each checked.
    pub fn parse(text: &str) -> Result<Self, Vec<Diagnostic>> {
        Self::parse_with_fonts(text, &[])
    }

    /// As [`Self::parse`], with the editor's font files: `lettertype` is
    /// Noto Sans (built in) or a family of these files, in four styles.
    pub fn parse_with_fonts(text: &str, files: &[FontFile]) -> Result<Self, Vec<Diagnostic>> {
        let written: file::StyleFile = serde_yaml::from_str(text).map_err(|e| {
            vec![crate::templates::keys::serde_problem(
                "de huisstijl kan niet gelezen worden",
                &e,
            )]
        })?;
        let index = positions::index(text).index;
        let (style, colour_problems) = written.resolve(&index);
        let mut problems = crate::templates::keys::check_keys(
            "/statuskleuren",
            style.statuskleuren.keys(),
            &crate::analysis::status_keys(),
            &index,
        );
        problems.extend(colour_problems);
        if style.grafieken.regios.is_empty() {
            problems.push(
                Diagnostic::error("de lijst 'grafieken.regios' is leeg")
                    .at_opt(index.value("/grafieken/regios"))
                    .hint("geef ten minste één kleur, bijvoorbeeld [\"#007bc7\"]"),
            );
        }
        for (key, size) in style.maten.all() {
            if !(4.0..=72.0).contains(&size) {
                problems.push(
                    Diagnostic::error(format!("de lettergrootte '{key}' is {size} pt"))
                        .at_opt(index.value(&format!("/maten/{key}")))
                        .hint("kies een grootte van 4 tot en met 72 punten"),
                );
            }
        }
        let papers: Vec<String> = PAPERS.iter().map(|(n, ..)| n.to_string()).collect();
        if !papers.contains(&style.pagina.papier) {
            let hint = match crate::load::suggest::did_you_mean(&style.pagina.papier, &papers) {
                Some(close) => format!("bedoelt u '{close}'?"),
                None => format!("kies uit {}", papers.join(", ")),
            };
            problems.push(
                Diagnostic::error(format!("onbekend papierformaat '{}'", style.pagina.papier))
                    .at_opt(index.value("/pagina/papier"))
                    .hint(hint),
            );
        }
        for (key, cm) in style.pagina.margins() {
            if !(1.0..=6.0).contains(&cm) {
                problems.push(
                    Diagnostic::error(format!("de marge '{key}' is {} cm", crate::format_nl::number_plain(cm)))
                        .at_opt(index.value(&format!("/pagina/{key}")))
                        .hint("kies een marge van 1 tot en met 6 cm; de kop- en voetregel staan in de marge boven en onder"),
                );
            }
        }
        for (key, cm, margin, margin_key) in style.pagina.running_lines() {
            // A margin out of range is named above; the line itself (8 pt
            // and a rule) needs about half a centimetre of its margin.
            let most = margin - 0.5;
            if (1.0..=6.0).contains(&margin) && !(0.5..=most).contains(&cm) {
                problems.push(
                    Diagnostic::error(format!(
                        "de {key} staat {} cm van de rand van het papier, in een {margin_key} van {} cm",
                        crate::format_nl::number_plain(cm),
                        crate::format_nl::number_plain(margin),
                    ))
                    .at_opt(index.value(&format!("/pagina/{key}")))
                    .hint(format!(
                        "kies {} tot en met {} cm: de {key} staat in de marge, met een halve centimeter tussen regel en tekst",
                        crate::format_nl::number_plain(0.5),
                        crate::format_nl::number_plain(most)
                    )),
                );
            }
        }
        let (numbers, left) = (style.pagina.kopnummers, style.pagina.marge_links);
        if (1.0..=6.0).contains(&left) && !(0.8..=left - 0.5).contains(&numbers) {
            problems.push(
                Diagnostic::error(format!(
                    "de kolom voor de kopnummers is {} cm breed, in een marge_links van {} cm",
                    crate::format_nl::number_plain(numbers),
                    crate::format_nl::number_plain(left),
                ))
                .at_opt(index.value("/pagina/kopnummers"))
                .hint(format!(
                    "kies {} tot en met {} cm: de nummers staan in de linkermarge, met een halve centimeter tussen de rand van het papier en het nummer",
                    crate::format_nl::number_plain(0.8),
                    crate::format_nl::number_plain(left - 0.5)
                )),
            );
        }
        if style.pagina.text_width() < 8.0 {
            problems.push(
                Diagnostic::error(format!(
                    "tussen de marges blijft {} cm voor de tekst over",
                    crate::format_nl::number(style.pagina.text_width(), 1)
                ))
                .at_opt(index.value("/pagina/marge_links"))
                .hint("maak de marges links en rechts samen kleiner, zodat er minstens 8 cm voor tekst en tabellen overblijft"),
            );
        }
        let mut style = style;
        let at = index.value("/lettertype");
        if style.lettertype.eq_ignore_ascii_case(crate::fonts::FAMILY) {
            style.lettertype = crate::fonts::FAMILY.to_string();
            style.fonts = std::sync::Arc::new(HouseFonts::embedded());
        } else {
            match crate::fonts::house::from_files(&style.lettertype, files) {
                Ok(fonts) => {
                    // The family as its files spell it.
                    style.lettertype = fonts.family.clone();
                    style.fonts = std::sync::Arc::new(fonts);
                }
                Err(missing) if missing.is_empty() => {
                    let mut families: Vec<String> = vec![crate::fonts::FAMILY.to_string()];
                    for f in files {
                        if !families.contains(&f.family) {
                            families.push(f.family.clone());
                        }
                    }
                    let hint = match crate::load::suggest::did_you_mean(
                        &style.lettertype,
                        &families,
                    ) {
                        Some(close) => format!("bedoelt u '{close}'?"),
                        None => format!(
                            "beschikbaar: {}; een eigen lettertype zet u als TTF- of OTF-bestanden (gewoon, vet, cursief, vet cursief) in de map {FONTS_DIR} van de sjablonen",
                            families.join(", ")
                        ),
                    };
                    problems.push(
                        Diagnostic::error(format!(
                            "het lettertype '{}' zit niet in techniekpact en niet in {FONTS_DIR}/",
                            style.lettertype
                        ))
                        .at_opt(at)
                        .hint(hint),
                    );
                }
                Err(missing) => problems.extend(
                    missing
                        .into_iter()
                        .map(|m| Diagnostic::error(m).at_opt(at.clone())),
                ),
            }
        }
        if problems.is_empty() {
            Ok(style)
        } else {
            Err(problems)
        }
    }

    /// The colour of a status (checked at load).
    pub fn status(&self, key: &str) -> &Colour {
        self.statuskleuren.get(key).unwrap_or(&self.kleuren.grijs)
    }

    /// The colours of the regions of a breakdown chart.
    pub fn region_colours(&self) -> Vec<&Colour> {
        std::iter::once(&self.kleuren.hoofdkleur)
            .chain(self.grafieken.regios.iter())
            .collect()
    }

    /// The style as JSON for the Typst template (`/data/huisstijl.json`).
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("the house style serialises")
    }
}

impl Default for HouseStyle {
    fn default() -> Self {
        Self::embedded()
    }
}

impl std::hash::Hash for HouseStyle {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.to_json().hash(state);
        self.fonts.hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = include_str!("../../../templates/huisstijl.yaml");

    #[test]
    fn the_default_style_is_valid() {
        let s = HouseStyle::parse(DEFAULT).unwrap();
        assert_eq!(s.kleuren.hoofdkleur.hex(), "154273");
        assert_eq!(s.kleuren.hoofdkleur.rgb(), (0x15, 0x42, 0x73));
        assert_eq!(s.status("op_koers").css(), "#007bc7");
        assert_eq!(s.region_colours().len(), 6);
    }

    #[test]
    fn chart_and_header_text_needs_contrast_on_white() {
        let grey = |hex: &str| Colour(hex.to_string()).contrast_with_white().unwrap();
        assert!((grey("#ffffff") - 1.0).abs() < 1e-9);
        assert!((grey("#000000") - 21.0).abs() < 1e-9);
        assert!((grey("#696969") - 5.49).abs() < 0.01);
        let text = DEFAULT.replace("grijs: \"#696969\"", "grijs: \"#b0b0b0\"");
        let problems = HouseStyle::parse(&text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].message,
            "de kleur 'grijs' (#b0b0b0) op wit (#ffffff) heeft te weinig contrast: 2,1 : 1, minstens 4,5 : 1 is nodig voor de kop- en voetregel en de assen van de grafieken"
        );
        assert!(text[problems[0].span.clone().unwrap().start..].starts_with("\"#b0b0b0\""));
    }

    #[test]
    fn a_bad_colour_is_named_at_its_position() {
        let text = DEFAULT.replace("hoofdkleur: \"#154273\"", "hoofdkleur: \"#15427\"");
        let problems = HouseStyle::parse(&text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "'#15427' is geen kleur");
        let at = problems[0].span.clone().unwrap();
        assert!(text[at.start..].starts_with("\"#15427\""));
    }

    #[test]
    fn a_misspelt_status_key_is_named_with_a_suggestion() {
        let text = DEFAULT.replace("  op_koers: accentkleur", "  opkoers: accentkleur");
        let problems = HouseStyle::parse(&text).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "onbekende sleutel 'opkoers' onder 'statuskleuren'",
                "de sleutel 'op_koers' ontbreekt onder 'statuskleuren'"
            ]
        );
        assert_eq!(problems[0].hint.as_deref(), Some("bedoelt u 'op_koers'?"));
    }

    #[test]
    fn an_unknown_font_and_size_are_refused() {
        let text = DEFAULT
            .replace("lettertype: Noto Sans", "lettertype: Noto Sanz")
            .replace("  kop1: 18", "  kop1: 0");
        let problems = HouseStyle::parse(&text).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "de lettergrootte 'kop1' is 0 pt",
                "het lettertype 'Noto Sanz' zit niet in techniekpact en niet in lettertypen/"
            ]
        );
        assert_eq!(problems[1].hint.as_deref(), Some("bedoelt u 'Noto Sans'?"));
    }

    #[test]
    fn a_yellow_main_colour_is_refused_with_the_ratio_and_a_colour_that_would_do() {
        let text = DEFAULT.replace("hoofdkleur: \"#154273\"", "hoofdkleur: \"#f9e11e\"");
        let problems = HouseStyle::parse(&text).unwrap_err();
        let first = &problems[0];
        assert!(
            first.message.starts_with(
                "de kleur 'hoofdkleur' (#f9e11e) op wit (#ffffff) heeft te weinig contrast: 1,3 : 1"
            ),
            "{}",
            first.message
        );
        assert!(text[first.span.clone().unwrap().start..].starts_with("\"#f9e11e\""));
        let hint = first.hint.as_deref().unwrap();
        let better = &hint[hint.find('#').unwrap()..][..7];
        let ok = Colour(better.to_string());
        assert!(
            colour_math::contrast(ok.rgb(), colour_math::WHITE) >= 4.5,
            "{hint}"
        );
    }

    #[test]
    fn the_tints_and_the_web_and_dark_colours_follow_the_main_colours() {
        let green = HouseStyle::parse(&DEFAULT.replace("#154273", "#00552b")).unwrap();
        let blue = HouseStyle::parse(DEFAULT).unwrap();
        for (a, b) in [
            (&green.kleuren.tabelkop, &blue.kleuren.tabelkop),
            (&green.kleuren.zebra, &blue.kleuren.zebra),
            (&green.grafieken.verwacht, &blue.grafieken.verwacht),
            (&green.web.donker.hoofdkleur, &blue.web.donker.hoofdkleur),
        ] {
            assert_ne!(a, b);
        }
        assert_eq!(
            green.kleuren.tabelkop.css(),
            colour_math::hex(colour_math::mix((0, 0x55, 0x2b), colour_math::WHITE, 0.1))
        );
        // What the editor sets stays as set.
        let set = DEFAULT.replace("  # tabelkop: \"#e8ecf1\"", "  tabelkop: \"#eeeeee\"");
        assert_eq!(
            HouseStyle::parse(&set).unwrap().kleuren.tabelkop.css(),
            "#eeeeee"
        );
        // The web page's link colour keeps 4,5 : 1 on the table head.
        let link = &blue.web.accentkleur;
        assert!(colour_math::contrast(link.rgb(), blue.kleuren.tabelkop.rgb()) >= 4.5);
    }

    #[test]
    fn a_colour_by_name_is_its_value_and_a_misspelt_name_gets_the_one_meant() {
        let s = HouseStyle::parse(DEFAULT).unwrap();
        assert_eq!(s.status("op_koers"), &s.kleuren.accentkleur);
        assert_eq!(s.status("behaald").css(), "#39870c");
        let text = DEFAULT.replace("  behaald: groen", "  behaald: groem");
        let problems = HouseStyle::parse(&text).unwrap_err();
        assert_eq!(
            problems[0].message,
            "'groem' is geen kleur en geen naam van een kleur"
        );
        assert_eq!(problems[0].hint.as_deref(), Some("bedoelt u 'groen'?"));
    }

    #[test]
    fn no_colour_is_typed_twice_in_the_embedded_style() {
        let mut seen = std::collections::BTreeSet::new();
        for line in DEFAULT.lines().filter(|l| !l.trim_start().starts_with('#')) {
            let code = line.split("  #").next().unwrap_or(line);
            for part in code.split('"').skip(1).step_by(2) {
                if part.starts_with('#') {
                    assert!(
                        seen.insert(part.to_ascii_lowercase()),
                        "{part} is typed twice"
                    );
                }
            }
        }
        assert!(seen.len() > 8);
    }
}
