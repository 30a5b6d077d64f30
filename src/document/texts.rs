//! The fixed Dutch texts of the report (headings that are not data, labels,
//! explanations), read from `templates/teksten.yaml` and filled in with
//! minijinja. Both formats get them through the document model.

use std::cell::RefCell;

use minijinja::{Environment, UndefinedBehavior, Value};
use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Problems, SourceText};
use crate::load::positions;
use crate::templates::Templates;

/// File name of the texts in the template folder.
pub const TEXTS_FILE: &str = "teksten.yaml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Teksten {
    pub koppen: Koppen,
    pub labels: LabelTexts,
    /// Words in tables and on the title page, by key.
    pub woorden: std::collections::BTreeMap<String, String>,
    /// Table captions, by key.
    pub bijschriften: std::collections::BTreeMap<String, String>,
    /// The word of every status, by its key ([`crate::analysis::status_keys`]).
    pub statussen: indexmap::IndexMap<String, String>,
    /// Legends, captions and alternative texts of the charts, by key.
    pub grafieken: std::collections::BTreeMap<String, String>,
    /// Words of the chapter on changes, by key.
    pub wijzigingen: std::collections::BTreeMap<String, String>,
    /// The names of the months, January first, for dates in words.
    pub maanden: Vec<String>,
    pub teksten: Fragments,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Koppen {
    pub samenvatting: String,
    pub overzicht: String,
    pub acties_per_status: String,
    pub inleiding: String,
    pub leeswijzer: String,
    pub acties_van_thema: String,
    pub doe_voorstellen: String,
    pub wijzigingen: String,
    pub wijzigingen_indicatoren: String,
    pub wijzigingen_acties: String,
    pub wijzigingen_nieuw: String,
    pub bijlagen: String,
    pub bijlage_metingen: String,
    pub bijlage_verantwoording: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelTexts {
    pub inhoud: String,
    pub pagina: String,
    pub van: String,
    pub concept: String,
    pub figuur: String,
    pub tabel: String,
    pub logo: String,
    pub titelpagina_kop: String,
    pub verslagjaar: String,
    pub kopregel: String,
    /// The skip link of the HTML edition.
    pub naar_inhoud: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fragments {
    pub overzicht: String,
    pub geen_indicatoren: String,
    pub acties_overzicht: String,
    pub geen_acties: String,
    pub leeswijzer: String,
    pub leeg_onderdeel: String,
    pub doe_voorstellen: String,
    pub bijlage_metingen: String,
    pub bijlage_geen_metingen: String,
    pub verantwoording: String,
    pub status_uitleg: StatusUitleg,
    pub verantwoording_slot: String,
    pub wijzigingen: String,
    pub geen_wijzigingen: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusUitleg {
    pub geen_meting: String,
    pub behaald: String,
    pub nulmeting: String,
    pub op_koers: String,
    pub aandacht: String,
    pub achter: String,
}

/// The words an editor's copy of `teksten.yaml` does not have yet (a copy
/// made before techniekpact needed them): the standard text, so that an
/// older copy keeps working. What the copy has, it keeps.
fn default_words(teksten: &mut Teksten) {
    let Ok(standard) = serde_yaml::from_str::<Teksten>(
        std::str::from_utf8(crate::templates::default_file(TEXTS_FILE)).unwrap_or_default(),
    ) else {
        return;
    };
    for (ours, theirs) in [
        (&mut teksten.woorden, standard.woorden),
        (&mut teksten.bijschriften, standard.bijschriften),
        (&mut teksten.grafieken, standard.grafieken),
        (&mut teksten.wijzigingen, standard.wijzigingen),
    ] {
        for (key, text) in theirs {
            ours.entry(key).or_insert(text);
        }
    }
}

/// The texts with what is needed to fill them in and report problems.
pub struct TextSet {
    pub teksten: Teksten,
    source: SourceText,
    index: positions::PositionIndex,
    env: Environment<'static>,
    errors: RefCell<Vec<Diagnostic>>,
}

impl TextSet {
    /// Read `teksten.yaml` from the templates.
    pub fn load(templates: &Templates) -> Result<Self, Problems> {
        let (text, source) = templates.text(TEXTS_FILE)?;
        let path = source.path.clone();
        let teksten: Teksten = serde_yaml::from_str(&text).map_err(|e| {
            Problems::new(
                &path,
                Some(source.clone()),
                vec![crate::templates::keys::serde_problem(
                    "de vaste teksten kunnen niet gelezen worden",
                    &e,
                )],
            )
        })?;
        let mut teksten = teksten;
        if templates.dir.is_some() {
            default_words(&mut teksten);
        }
        let index = positions::index(&text).index;
        let problems = crate::templates::keys::check_keys(
            "/statussen",
            teksten.statussen.keys(),
            &crate::analysis::status_keys(),
            &index,
        );
        let mut problems = problems;
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
        if !problems.is_empty() {
            return Err(Problems::new(&path, Some(source), problems));
        }
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        Ok(Self {
            teksten,
            index,
            source,
            env,
            errors: RefCell::new(Vec::new()),
        })
    }

    /// Fill in `template` (the text at `pointer` in the file, e.g.
    /// `/teksten/leeswijzer`) with `ctx`. Problems are collected; see
    /// [`TextSet::finish`].
    pub fn fill(&self, pointer: &str, template: &str, ctx: Value) -> String {
        match self.env.render_str(template, ctx) {
            Ok(s) => s,
            Err(e) => {
                let detail = e
                    .detail()
                    .map(str::to_string)
                    .unwrap_or_else(|| e.kind().to_string());
                self.errors.borrow_mut().push(
                    Diagnostic::error(format!(
                        "de vaste tekst '{}' kan niet ingevuld worden: {detail}",
                        pointer.rsplit('/').next().unwrap_or(pointer)
                    ))
                    .at_opt(self.index.key(pointer))
                    .hint("gebruik alleen de gegevens die in docs/sjablonen.md bij deze tekst staan, tussen {{ en }}"),
                );
                String::new()
            }
        }
    }

    /// The text `key` of the map `section` (`woorden`, `bijschriften`),
    /// filled in; a missing key is reported like any other problem.
    pub fn fill_key(&self, section: &str, key: &str, ctx: Value) -> String {
        let map = match section {
            "woorden" => &self.teksten.woorden,
            "grafieken" => &self.teksten.grafieken,
            "wijzigingen" => &self.teksten.wijzigingen,
            _ => &self.teksten.bijschriften,
        };
        match map.get(key) {
            Some(t) => self.fill(&format!("/{section}/{key}"), t, ctx),
            None => {
                self.errors.borrow_mut().push(
                    Diagnostic::error(format!("de tekst '{section}.{key}' ontbreekt"))
                        .at_opt(self.index.key(&format!("/{section}")))
                        .hint(format!("voeg onder '{section}:' de regel '{key}: ...' toe (zie de standaardversie)")),
                );
                key.to_string()
            }
        }
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

    /// The problems found while filling in, as a report on the texts file.
    pub fn finish(&self) -> Result<(), Problems> {
        let mut errors = self.errors.take();
        // A text is looked up once per chart or table: name each problem once.
        let mut seen = std::collections::HashSet::new();
        errors.retain(|d| seen.insert((d.message.clone(), d.span.clone())));
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Problems::new(
                &self.source.path,
                Some(self.source.clone()),
                errors,
            ))
        }
    }
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
}
