//! The fixed Dutch texts of the report (headings that are not data, labels,
//! explanations), read from `templates/teksten.yaml` and filled in with
//! minijinja. Both formats get them through the document model.

use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Deserialize;

use super::references::{self, Target};
use crate::diagnostics::{Diagnostic, Problems, SourceText};
use crate::load::positions;
use crate::templates::Templates;

/// File name of the texts in the template folder.
pub const TEXTS_FILE: &str = "teksten.yaml";

/// One fixed text: its template (minijinja) and its place in the file,
/// for messages (`/woorden/landsdeel`).
#[derive(Debug, Clone, Default)]
pub struct Text {
    template: String,
    pointer: String,
    /// Whether the file gave it; a copy from before it existed does not.
    given: bool,
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Text {
            template: String::deserialize(d)?,
            pointer: String::new(),
            given: true,
        })
    }
}

impl Text {
    /// The template as written.
    pub fn template(&self) -> &str {
        &self.template
    }

    /// Its place in `teksten.yaml`, as a JSON pointer.
    pub fn pointer(&self) -> &str {
        &self.pointer
    }
}

/// Name `text` by its place, `prefix/key`; take `standard` when the file
/// lacks it, or else note it as missing.
fn complete_one(
    text: &mut Text,
    standard: Option<&Text>,
    prefix: &str,
    key: &str,
    missing: &mut Vec<String>,
) {
    if !text.given {
        match standard {
            Some(s) => *text = s.clone(),
            None => missing.push(format!("{prefix}/{key}")),
        }
    }
    text.pointer = format!("{prefix}/{key}");
}

/// Texts an older copy of `teksten.yaml` may hold that the report no longer
/// uses: their section, key, and why.
const RETIRED: &[(&str, &str, &str)] = &[(
    "koppen",
    "bijlagen",
    "de bijlagen zijn sinds december 2026 hoofdstukken zonder nummer ('Bijlage A Metingen per indicator'), zonder hoofdstuk 'Bijlagen' erboven",
)];

/// `text` with the lines of every retired text made comments, so that it
/// reads as the current sections do, and a warning at each retired text.
fn without_retired(text: &str) -> (String, Vec<Diagnostic>) {
    let index = positions::index(text).index;
    let mut out = text.to_string();
    let mut warnings = Vec::new();
    for (section, key, why) in RETIRED {
        let Some(node) = index.get(&format!("/{section}/{key}")) else {
            continue;
        };
        let Some(at) = node.key.clone() else {
            continue;
        };
        // From the start of the key's line to the end of its value.
        let start = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
        let end = node.extent.end.max(node.value.end).min(text.len());
        let commented: String = text[start..end]
            .split_inclusive('\n')
            .map(|line| format!("#{}", &line[1.min(line.len())..]))
            .collect();
        if commented.len() == end - start {
            out.replace_range(start..end, &commented);
        }
        warnings.push(
            Diagnostic::warning(format!(
                "'{section}: {key}' wordt niet meer gebruikt: {why}"
            ))
            .at(at)
            .hint("haal deze regel weg"),
        );
    }
    (out, warnings)
}

/// A section of `teksten.yaml` whose every key is a [`Text`]: the struct,
/// and how its texts learn their place and take the standard text for a
/// key an older copy lacks.
macro_rules! text_section {
    ($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$fdoc])* #[serde(default)] pub $field: Text,)*
        }

        impl $name {
            /// Name every text by its place under `prefix`, and take the
            /// text of `standard` where this copy has none; what neither
            /// has goes to `missing`.
            fn complete(&mut self, prefix: &str, standard: Option<&$name>, missing: &mut Vec<String>) {
                $(
                    complete_one(&mut self.$field, standard.map(|s| &s.$field), prefix, stringify!($field), missing);
                )*
            }

            /// Every text of the section.
            fn texts(&self) -> Vec<&Text> {
                vec![$(&self.$field),*]
            }
        }
    };
}

text_section! {
    /// The headings that are not data.
    Koppen {
        samenvatting, overzicht, acties_per_status, inleiding, leeswijzer,
        acties_van_thema, doe_voorstellen, wijzigingen, wijzigingen_indicatoren,
        wijzigingen_acties, wijzigingen_nieuw, bijlage_metingen,
        bijlage_verantwoording,
    }
}

text_section! {
    /// Fixed words of the layout: page numbers, contents, title page.
    LabelTexts {
        inhoud, pagina, van, concept, figuur, tabel, logo, titelpagina_kop,
        verslagjaar, kopregel,
        /// The word before an appendix's letter (`Bijlage` A).
        bijlage,
        /// The words before a chapter's and a section's number in a
        /// reference (`hoofdstuk` 3, `paragraaf` 4.2).
        hoofdstuk, paragraaf,
        /// The skip link of the HTML edition.
        naar_inhoud,
        /// The heading of the colophon.
        colofon,
    }
}

text_section! {
    /// Words in tables, on the title page and in running text.
    Woorden {
        titel, landsdeel, verslagjaar, publicatiedatum, versie, status, kenmerk, opgesteld_door,
        partners, actielijn, indicator, nulmeting, meting_jaar, doel, realisatie,
        verwacht, voortgang, richting, stijgend, dalend, bron, kerncijfer, waarde,
        aantal_acties, actie, trekker, gereed, status_jaar, wijziging, naam, soort,
        nummer, doe_voorstel, thema, thema_en_actielijn, jaar, meting, geen_meting, laatste_meting,
        nog_geen_metingen, telling_indicatoren, telling_acties,
        telling_doe_voorstellen, en, rapport_concept, rapport_definitief,
    }
}

text_section! {
    /// Table captions.
    Bijschriften {
        stand_indicatoren, acties_per_status, wijzigingen_indicatoren,
        wijzigingen_acties, wijzigingen_nieuw, acties_thema, kerncijfers,
        doe_voorstellen, metingen,
    }
}

text_section! {
    /// Legends, captions and alternative texts of the charts.
    Grafieken {
        metingen, verwacht_traject, doel, realisatie, verwacht, verslagjaar,
        doel_bereikt, bijschrift_indicator, bijschrift_uitsplitsing,
        bijschrift_overzicht, bijschrift_overzicht_deel, alt_indicator,
        alt_metingen, alt_geen_metingen, alt_uitsplitsing, alt_overzicht,
        alt_overzicht_indicator, alt_overzicht_geen_meting,
    }
}

text_section! {
    /// Words of the chapter on changes.
    Wijzigingen {
        afgerond, gestart, vertraagd, gestopt, weer_op_schema, gewijzigd, nieuw,
        vervallen, onderdeel, thema, indicator, actie, doe_voorstel,
    }
}

text_section! {
    /// The words of the national overview (`techniekpact landelijk`):
    /// its title page, headings, table words, captions, charts and running
    /// texts.
    Landelijk {
        titelpagina_kop, logo, kopregel, overzicht, indicatoren, actielijnen,
        landsdelen, bijlage_definities, bijlage_bestanden, landsdelen_woord,
        bestand, rapportage, geen_rapportage, aantal_indicatoren, aantal_acties,
        aantal_doe_voorstellen, totaal, eenheid, optellen, ja, nee,
        bijschrift_stand, bijschrift_indicator, bijschrift_totaal,
        bijschrift_actielijn_indicatoren, bijschrift_actielijn_acties,
        bijschrift_landsdeel, bijschrift_landsdeel_doe, bijschrift_definities,
        bijschrift_bestanden, grafiek_indicatoren, grafiek_acties,
        grafiek_doe_voorstellen, grafiek_panelen, geen_metingen, stand,
        indicator_landsdelen, totaal_uitleg, totaal_weggelaten,
        weggelaten_jaar, telt_niet_op, geen_landelijke_indicatoren,
        actielijn_leeg, landsdeel_bestand, landsdeel_geen, definities,
    }
}

text_section! {
    /// What each indicator status means, in the appendix.
    StatusUitleg {
        geen_meting, behaald, nulmeting, op_koers, aandacht, achter,
    }
}

/// The running texts (Markdown after filling in).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragments {
    #[serde(default)]
    pub overzicht: Text,
    #[serde(default)]
    pub geen_indicatoren: Text,
    #[serde(default)]
    pub acties_overzicht: Text,
    #[serde(default)]
    pub geen_acties: Text,
    #[serde(default)]
    pub leeswijzer: Text,
    #[serde(default)]
    pub leeg_onderdeel: Text,
    #[serde(default)]
    pub doe_voorstellen: Text,
    #[serde(default)]
    pub bijlage_metingen: Text,
    #[serde(default)]
    pub bijlage_geen_metingen: Text,
    #[serde(default)]
    pub verantwoording: Text,
    pub status_uitleg: StatusUitleg,
    #[serde(default)]
    pub verantwoording_slot: Text,
    #[serde(default)]
    pub wijzigingen: Text,
    #[serde(default)]
    pub geen_wijzigingen: Text,
}

impl Fragments {
    /// Every running text, the status explanations too.
    fn texts(&self) -> Vec<&Text> {
        let mut all = vec![
            &self.overzicht,
            &self.geen_indicatoren,
            &self.acties_overzicht,
            &self.geen_acties,
            &self.leeswijzer,
            &self.leeg_onderdeel,
            &self.doe_voorstellen,
            &self.bijlage_metingen,
            &self.bijlage_geen_metingen,
            &self.verantwoording,
            &self.verantwoording_slot,
            &self.wijzigingen,
            &self.geen_wijzigingen,
        ];
        all.extend(self.status_uitleg.texts());
        all
    }

    fn complete(&mut self, prefix: &str, standard: Option<&Fragments>, missing: &mut Vec<String>) {
        macro_rules! each {
            ($($field:ident),*) => {$(
                complete_one(&mut self.$field, standard.map(|s| &s.$field), prefix, stringify!($field), missing);
            )*};
        }
        each!(
            overzicht,
            geen_indicatoren,
            acties_overzicht,
            geen_acties,
            leeswijzer,
            leeg_onderdeel,
            doe_voorstellen,
            bijlage_metingen,
            bijlage_geen_metingen,
            verantwoording,
            verantwoording_slot,
            wijzigingen,
            geen_wijzigingen
        );
        self.status_uitleg.complete(
            &format!("{prefix}/status_uitleg"),
            standard.map(|s| &s.status_uitleg),
            missing,
        );
    }
}

/// All fixed texts of `teksten.yaml`, each a typed field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teksten {
    pub koppen: Koppen,
    pub labels: LabelTexts,
    pub woorden: Woorden,
    pub bijschriften: Bijschriften,
    /// The word of every status, by its key ([`crate::analysis::status_keys`]),
    /// checked against the keys at load.
    pub statussen: indexmap::IndexMap<String, String>,
    pub grafieken: Grafieken,
    pub wijzigingen: Wijzigingen,
    /// The names of the months, January first, for dates in words.
    pub maanden: Vec<String>,
    pub teksten: Fragments,
    /// The national overview's words; an older copy without them takes
    /// the standard ones.
    #[serde(default)]
    pub landelijk: Landelijk,
}

impl Teksten {
    /// Name every text by its place, and take the standard text for what
    /// an editor's older copy lacks (a copy made before techniekpact
    /// needed it). What the copy has, it keeps.
    /// Returns the places of the texts that neither has.
    fn complete(&mut self, standard: Option<&Teksten>) -> Vec<String> {
        let mut missing = Vec::new();
        let m = &mut missing;
        self.koppen
            .complete("/koppen", standard.map(|s| &s.koppen), m);
        self.labels
            .complete("/labels", standard.map(|s| &s.labels), m);
        self.woorden
            .complete("/woorden", standard.map(|s| &s.woorden), m);
        self.bijschriften
            .complete("/bijschriften", standard.map(|s| &s.bijschriften), m);
        self.grafieken
            .complete("/grafieken", standard.map(|s| &s.grafieken), m);
        self.wijzigingen
            .complete("/wijzigingen", standard.map(|s| &s.wijzigingen), m);
        self.teksten
            .complete("/teksten", standard.map(|s| &s.teksten), m);
        self.landelijk
            .complete("/landelijk", standard.map(|s| &s.landelijk), m);
        missing
    }

    /// Every fixed text of the file.
    fn all(&self) -> Vec<&Text> {
        let mut all = self.koppen.texts();
        all.extend(self.labels.texts());
        all.extend(self.woorden.texts());
        all.extend(self.bijschriften.texts());
        all.extend(self.grafieken.texts());
        all.extend(self.wijzigingen.texts());
        all.extend(self.teksten.texts());
        all.extend(self.landelijk.texts());
        all
    }

    /// The standard texts, embedded in the program.
    fn standard() -> Option<Teksten> {
        let text = std::str::from_utf8(crate::templates::default_file(TEXTS_FILE)).ok()?;
        serde_yaml::from_str(text).ok()
    }
}

/// The texts, checked, with what is needed to fill them in and to report
/// a problem at its place. Immutable: one set serves every report of a
/// run, each build collecting its own problems.
pub struct TextSet {
    pub teksten: Teksten,
    /// What is probably not meant, but made: a number typed by hand where
    /// a reference would follow the document.
    pub warnings: Vec<Diagnostic>,
    source: SourceText,
    index: positions::PositionIndex,
    env: Environment<'static>,
}

impl TextSet {
    /// Read `teksten.yaml` from the templates.
    pub fn load(templates: &Templates) -> Result<Self, Problems> {
        let (text, source) = templates.text(TEXTS_FILE)?;
        let path = source.path.clone();
        let (readable, retired) = without_retired(&text);
        let mut teksten: Teksten = serde_yaml::from_str(&readable).map_err(|e| {
            Problems::new(
                &path,
                Some(source.clone()),
                vec![crate::templates::keys::serde_problem(
                    "de vaste teksten kunnen niet gelezen worden",
                    &e,
                )],
            )
        })?;
        let standard = templates.dir.as_ref().and_then(|_| Teksten::standard());
        let missing = teksten.complete(standard.as_ref());
        let index = positions::index(&text).index;
        let mut problems: Vec<Diagnostic> = missing
            .iter()
            .map(|pointer| {
                let (section, key) = pointer[1..].rsplit_once('/').unwrap_or(("", pointer));
                Diagnostic::error(format!("de tekst '{key}' ontbreekt onder '{section}'"))
                    .at_opt(index.key(&format!("/{section}")))
                    .hint(format!(
                        "voeg onder '{section}:' de regel '{key}: ...' toe (zie de standaardversie)"
                    ))
            })
            .collect();
        problems.extend(crate::templates::keys::check_keys(
            "/statussen",
            teksten.statussen.keys(),
            &crate::analysis::status_keys(),
            &index,
        ));
        if teksten.maanden.len() != 12 {
            problems.push(
                Diagnostic::error(format!(
                    "onder 'maanden' staan {} namen in plaats van 12",
                    teksten.maanden.len()
                ))
                .at_opt(index.key("/maanden"))
                .hint("geef de twaalf maanden, januari eerst, als lijst: [januari, februari, ...]"),
            );
        }
        problems.extend(lettered_appendix_headings(&teksten, &index));
        if !problems.is_empty() {
            return Err(Problems::new(&path, Some(source), problems));
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // An editor's copy: errors with the expression they are about.
        env.set_debug(templates.dir.is_some());
        env.add_function("verwijzing", |name: &str| references::function(name));
        let mut set = Self {
            teksten,
            warnings: Vec::new(),
            index,
            source,
            env,
        };
        set.warnings = retired;
        set.warnings.extend(set.typed_numbers());
        // Every text is read now, so that each syntax error comes at once,
        // not only when a report happens to need that text.
        let syntax: Vec<Diagnostic> = set
            .teksten
            .all()
            .into_iter()
            .filter_map(|text| {
                let e = set.env.template_from_str(text.template()).err()?;
                Some(set.problem(text, &e, None))
            })
            .collect();
        if !syntax.is_empty() {
            return Err(Problems::new(&path, Some(set.source.clone()), syntax));
        }
        Ok(set)
    }

    /// A table, figure or appendix named by a number typed by hand
    /// (`Tabel 17`, `Bijlage B`) in a text: after an added table the number
    /// is wrong, where a reference follows the document.
    fn typed_numbers(&self) -> Vec<Diagnostic> {
        let l = &self.teksten.labels;
        let words: Vec<&str> = [&l.tabel, &l.figuur, &l.bijlage]
            .into_iter()
            .map(|t| t.template().trim())
            .filter(|w| !w.is_empty() && !w.contains("{{"))
            .collect();
        let mut out = Vec::new();
        for text in self.teksten.all() {
            let template = text.template();
            for word in &words {
                let mut from = 0;
                while let Some(i) = template[from..].find(word) {
                    let start = from + i;
                    from = start + word.len();
                    let before_ok = template[..start]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !c.is_alphanumeric());
                    let rest = &template[from..];
                    let Some(after) = rest.strip_prefix(' ') else {
                        continue;
                    };
                    let number: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
                    let letter = after
                        .chars()
                        .next()
                        .filter(|c| c.is_ascii_uppercase())
                        .filter(|_| after.chars().nth(1).is_none_or(|c| !c.is_alphanumeric()));
                    let typed = match (number.is_empty(), letter) {
                        (false, _) => number,
                        (true, Some(c)) if *word == l.bijlage.template().trim() => c.to_string(),
                        _ => continue,
                    };
                    if !before_ok {
                        continue;
                    }
                    let end = from + 1 + typed.len();
                    let at = self
                        .in_file(text, start..end)
                        .or_else(|| self.index.key(text.pointer()));
                    out.push(
                        Diagnostic::warning(format!(
                            "'{}' is met de hand getypt: na een tabel, figuur of bijlage erbij klopt het nummer niet meer",
                            &template[start..end]
                        ))
                        .at_opt(at)
                        .hint(format!(
                            "schrijf een verwijzing, bijvoorbeeld {{{{ verwijzing(\"{}\") }}}}: die toont het nummer dat het rapport geeft (zie docs/sjablonen.md)",
                            if *word == l.bijlage.template().trim() {
                                "bijlage_verantwoording"
                            } else if *word == l.figuur.template().trim() {
                                "figuur_overzicht"
                            } else {
                                "tabel_indicatoren"
                            }
                        )),
                    );
                }
            }
        }
        out
    }

    /// The warnings about the texts, as one report; `None` when none.
    pub fn warnings_report(&self) -> Option<Problems> {
        (!self.warnings.is_empty()).then(|| {
            Problems::new(
                &self.source.path,
                Some(self.source.clone()),
                self.warnings.clone(),
            )
        })
    }

    /// A minijinja error of `text`, in Dutch, at its place in the file:
    /// the expression when it can be found in the text as written, else
    /// the text's key.
    fn problem(&self, text: &Text, e: &minijinja::Error, ctx: Option<&Value>) -> Diagnostic {
        let p = crate::templates::jinja::dutch(e, text.template(), ctx);
        let pointer = text.pointer();
        let at = p
            .range
            .as_ref()
            .and_then(|r| self.in_file(text, r.clone()))
            .or_else(|| self.index.key(pointer));
        let d = Diagnostic::error(format!(
            "de vaste tekst '{}' kan niet ingevuld worden: {}",
            pointer.rsplit('/').next().unwrap_or(pointer),
            p.message
        ))
        .at_opt(at);
        d.hint(p.hint.unwrap_or_else(|| {
            "gebruik alleen de gegevens die in docs/sjablonen.md bij deze tekst staan, tussen {{ en }}".into()
        }))
    }

    /// Where the bytes `range` of `text`'s template stand in the file: each
    /// line of the template is looked up, in order, in the value as
    /// written (a plain, quoted or block scalar without escapes).
    fn in_lines(
        &self,
        text: &Text,
        range: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        let value = self.index.value(text.pointer())?;
        let written = self.source.text.get(value.clone())?;
        let template = text.template();
        let mut searched = 0;
        let mut line_start = 0;
        for line in template.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            let found = searched + written.get(searched..)?.find(body)?;
            let line_end = line_start + body.len();
            if (line_start..=line_end).contains(&range.start) {
                let start = value.start + found + (range.start - line_start);
                let end = start + (range.end.min(line_end) - range.start);
                return Some(start..end);
            }
            searched = found + body.len();
            line_start += line.len();
        }
        None
    }

    /// Where the bytes `range` of `text`'s template stand in the file, for
    /// any scalar: the lines as written ([`Self::in_lines`]), or else the
    /// part itself, on one line, after the value's start (a folded block
    /// joins its lines).
    fn in_file(
        &self,
        text: &Text,
        range: std::ops::Range<usize>,
    ) -> Option<std::ops::Range<usize>> {
        if let Some(at) = self.in_lines(text, range.clone()) {
            return Some(at);
        }
        let part = text.template().get(range)?;
        if part.contains('\n') {
            return None;
        }
        let value = self.index.value(text.pointer())?;
        crate::text_position::part_of_scalar(
            &self.source.text,
            value.start,
            text.template().len(),
            part,
        )
    }

    /// `text` filled in with `ctx`, or the problem, at the text's place in
    /// the file.
    pub fn fill(&self, text: &Text, ctx: Value) -> Result<String, Diagnostic> {
        self.env
            .render_str(text.template(), &ctx)
            .map(|filled| super::typography::typeset(&filled))
            .map_err(|e| self.problem(text, &e, Some(&ctx)))
    }

    /// A heading, caption or word that holds a reference, which only a
    /// running text can show.
    pub fn misplaced_reference(&self, text: &Text) -> Diagnostic {
        let pointer = text.pointer();
        Diagnostic::error(format!(
            "de vaste tekst '{}' is een kop, bijschrift of woord en kan geen verwijzing tonen",
            pointer.rsplit('/').next().unwrap_or(pointer)
        ))
        .at_opt(self.index.key(pointer))
        .hint("zet verwijzing(...) alleen in de lopende teksten onder 'teksten:'")
    }

    /// A reference, made by the text at `pointer`, to a target this report
    /// does not have.
    pub fn unresolved_reference(&self, target: &Target, pointer: &str) -> Diagnostic {
        Diagnostic::error(format!(
            "de vaste tekst '{}' verwijst naar '{}', maar dit rapport heeft die niet",
            pointer.rsplit('/').next().unwrap_or(pointer),
            target.name()
        ))
        .at_opt(self.index.key(pointer))
        .hint("verwijs alleen naar tabellen, figuren en bijlagen die bij deze tekst altijd in het rapport staan (zie docs/sjablonen.md)")
    }

    /// A date in words, `15 maart 2017`, with the month names of the texts.
    pub fn date(&self, d: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self
            .teksten
            .maanden
            .get(d.month0() as usize)
            .cloned()
            .unwrap_or_default();
        format!("{} {month} {}", d.day(), d.year())
    }

    /// The word of the status with `key` (checked at load).
    pub fn status(&self, key: &str) -> String {
        self.teksten
            .statussen
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// `errors` found while filling in, as one report on the texts file,
    /// each problem named once (a text is filled in once per chart or
    /// table); `None` when there are none.
    pub fn report(&self, mut errors: Vec<Diagnostic>) -> Option<Problems> {
        let mut seen = std::collections::HashSet::new();
        errors.retain(|d| seen.insert((d.message.clone(), d.span.clone())));
        (!errors.is_empty())
            .then(|| Problems::new(&self.source.path, Some(self.source.clone()), errors))
    }
}

/// An appendix heading of a copy of `teksten.yaml` from before the
/// appendices were lettered by techniekpact (`Bijlage A. Metingen per
/// indicator`) would print its letter twice.
fn lettered_appendix_headings(t: &Teksten, index: &positions::PositionIndex) -> Vec<Diagnostic> {
    let word = t.labels.bijlage.template().trim();
    [&t.koppen.bijlage_metingen, &t.koppen.bijlage_verantwoording]
        .into_iter()
        .filter(|text| {
            // `Bijlage B.`, `Bijlage B:`: the word, a space, one capital.
            let rest = text.template().trim_start();
            let mut after = match rest.get(..word.len()) {
                Some(w) if !word.is_empty() && w.eq_ignore_ascii_case(word) => {
                    rest[word.len()..].chars()
                }
                _ => return false,
            };
            after.next() == Some(' ')
                && after.next().is_some_and(|c| c.is_ascii_uppercase())
                && after.next().is_some_and(|c| !c.is_alphanumeric())
        })
        .map(|text| {
            let pointer = text.pointer();
            Diagnostic::error(format!(
                "de kop '{}' begint met '{word}' en een letter, die techniekpact zelf al voor de kop zet",
                pointer.rsplit('/').next().unwrap_or(pointer)
            ))
            .at_opt(index.key(pointer))
            .hint(format!(
                "schrijf alleen de titel, bijvoorbeeld 'Verantwoording'; het woord staat onder 'labels: bijlage:' ('{word}')"
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_words_with_the_month_names_of_the_texts() {
        let texts = TextSet::load(&Templates::embedded()).unwrap();
        let d = chrono::NaiveDate::from_ymd_opt(2017, 3, 15).unwrap();
        assert_eq!(texts.date(d), "15 maart 2017");
        let d = chrono::NaiveDate::from_ymd_opt(2016, 12, 1).unwrap();
        assert_eq!(texts.date(d), "1 december 2016");
    }

    /// The embedded texts with the line `key: ...` under `section` removed.
    fn without(section: &str, key: &str, dir: Option<&str>) -> Templates {
        let mut t = Templates::embedded();
        for (name, bytes) in &mut t.files {
            if name == TEXTS_FILE {
                let text = String::from_utf8(bytes.to_vec()).unwrap();
                let start = text.find(&format!("\n{section}:")).unwrap();
                let line = text[start..].find(&format!("\n  {key}: ")).unwrap() + start;
                let end = text[line + 1..].find('\n').unwrap() + line + 1;
                let edited = format!("{}{}", &text[..line], &text[end..]);
                *bytes = std::sync::Arc::from(edited.into_bytes());
            }
        }
        t.dir = dir.map(std::path::PathBuf::from);
        t
    }

    #[test]
    fn a_text_missing_from_an_editors_copy_is_the_standard_one_and_never_empty() {
        // An editor's copy (from a folder) takes the standard text.
        let texts = TextSet::load(&without("woorden", "trekker", Some("sjablonen"))).unwrap();
        assert_eq!(texts.teksten.woorden.trekker.template(), "Trekker");
        assert_eq!(texts.teksten.woorden.trekker.pointer(), "/woorden/trekker");
        // Without a standard to fall back on, it is a problem, not an empty text.
        let report = TextSet::load(&without("woorden", "trekker", None))
            .err()
            .expect("refused");
        let problem = report.errors().next().unwrap();
        assert_eq!(
            problem.message,
            "de tekst 'trekker' ontbreekt onder 'woorden'"
        );
    }

    #[test]
    fn every_text_knows_its_place_for_messages() {
        let texts = TextSet::load(&Templates::embedded()).unwrap();
        let t = &texts.teksten;
        assert_eq!(
            t.teksten.status_uitleg.op_koers.pointer(),
            "/teksten/status_uitleg/op_koers"
        );
        assert_eq!(
            t.grafieken.alt_metingen.pointer(),
            "/grafieken/alt_metingen"
        );
        assert_eq!(t.koppen.samenvatting.pointer(), "/koppen/samenvatting");
    }

    #[test]
    fn eleven_months_are_refused_with_their_position() {
        let mut t = Templates::embedded();
        for (name, bytes) in &mut t.files {
            if name == TEXTS_FILE {
                let text = String::from_utf8(bytes.to_vec()).unwrap();
                let edited = text.replace(", december]", "]");
                assert_ne!(text, edited);
                *bytes = std::sync::Arc::from(edited.into_bytes());
            }
        }
        let report = TextSet::load(&t).err().expect("refused");
        let problem = report.errors().next().unwrap();
        assert_eq!(
            problem.message,
            "onder 'maanden' staan 11 namen in plaats van 12"
        );
        assert!(report.position(problem).is_some());
    }

    /// An older copy's 'koppen: bijlagen' (the chapter above the
    /// appendices, which no longer exists) is read, with a warning at its
    /// line that says to take it out.
    #[test]
    fn a_retired_text_is_a_warning_at_its_line() {
        let mut t = Templates::embedded();
        for (name, bytes) in &mut t.files {
            if name == TEXTS_FILE {
                let text = String::from_utf8(bytes.to_vec()).unwrap();
                let edited = text.replacen(
                    "  bijlage_metingen:",
                    "  bijlagen: Bijlagen\n  bijlage_metingen:",
                    1,
                );
                assert_ne!(text, edited);
                *bytes = std::sync::Arc::from(edited.into_bytes());
            }
        }
        let set = TextSet::load(&t).expect("an older copy still reads");
        let w = set
            .warnings
            .iter()
            .find(|w| {
                w.message
                    .contains("'koppen: bijlagen' wordt niet meer gebruikt")
            })
            .expect("a warning");
        assert!(w.span.is_some(), "at its line");
        assert_eq!(w.hint.as_deref(), Some("haal deze regel weg"));
    }
}
