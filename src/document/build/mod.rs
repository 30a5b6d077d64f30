//! Builds the [`Document`] and its charts from validated, analysed data.
//! This is where the report's content and order are decided, once for all
//! formats. This file holds the builder and what every chapter uses; each
//! chapter has its own file.

mod appendices;
mod changes;
mod parts;
mod summary;
#[cfg(test)]
mod tests;

use crate::analysis::{Analysis, IndicatorAnalysis, Status};
use crate::document::charts::{self, ChartSet};
use crate::format_nl::{number, percent, percent0};
use crate::model::{Actie, Gereed, Indicator, RapportStatus, Thema, Voortgang};

use super::markdown;
use super::{Align, Block, Cell, Document, Figure, Inline, Labels, Meta, Table, heading_anchor};
use crate::document::house_style::HouseStyle;
use crate::document::texts::TextSet;
use minijinja::context;

/// The report content and the charts it shows.
pub struct Built {
    pub document: Document,
    pub charts: ChartSet,
}

/// The previous year's report, for the chapter on changes (`--vorig`).
pub struct Previous<'a> {
    pub data: &'a Voortgang,
    pub analysis: &'a Analysis,
}

/// Build the report of `data`. Problems in the fixed texts are reported on
/// `teksten.yaml`.
pub fn build(
    data: &Voortgang,
    analysis: &Analysis,
    logo: Option<String>,
    texts: &TextSet,
    style: &HouseStyle,
    previous: Option<Previous>,
) -> Result<Built, crate::diagnostics::Problems> {
    let mut b = Builder {
        data,
        analysis,
        texts,
        style,
        blocks: Vec::new(),
        charts: ChartSet::default(),
        heading_counters: [0; 6],
    };
    b.blocks.push(Block::Toc);
    b.summary();
    b.introduction();
    if let Some(prev) = previous {
        b.changes(&prev);
    }
    for onderdeel in &data.onderdelen {
        b.part(onderdeel);
    }
    b.proposals();
    b.appendices();
    let meta = meta(data, logo, texts);
    texts.finish()?;
    let mut document = Document {
        meta,
        blocks: b.blocks,
    };
    super::lay_out(&mut document, style.maten.tabel as f32);
    Ok(Built {
        document,
        charts: b.charts,
    })
}

fn meta(data: &Voortgang, logo: Option<String>, texts: &TextSet) -> Meta {
    let r = &data.rapport;
    let l = &texts.teksten.labels;
    let ctx = || {
        context! {
            landsdeel => r.landsdeel.clone(),
            verslagjaar => r.verslagjaar,
            titel => r.titel.clone(),
        }
    };
    let label = |name: &str, t: &String| texts.fill(&format!("/labels/{name}"), t, ctx());
    let w = |key: &str| texts.fill_key("woorden", key, context! {});
    let status = match r.status {
        RapportStatus::Concept => w("rapport_concept"),
        RapportStatus::Definitief => w("rapport_definitief"),
    };
    let mut facts = vec![
        (w("landsdeel"), vec![r.landsdeel.clone()]),
        (w("verslagjaar"), vec![r.verslagjaar.to_string()]),
        (w("publicatiedatum"), vec![texts.date(r.publicatiedatum)]),
    ];
    match &r.versie {
        Some(v) => facts.push((w("versie"), vec![format!("{v} ({status})")])),
        None => facts.push((w("status"), vec![status.clone()])),
    }
    if let Some(o) = &r.opsteller {
        facts.push((w("opgesteld_door"), vec![o.clone()]));
    }
    if !r.organisaties.is_empty() {
        facts.push((w("partners"), r.organisaties.clone()));
    }
    Meta {
        documenttitel: format!("{} {}", r.titel, r.verslagjaar),
        auteurs: match &r.opsteller {
            Some(o) => vec![o.clone()],
            None => r.organisaties.clone(),
        },
        trefwoorden: vec![
            "Techniekpact".to_string(),
            r.landsdeel.clone(),
            r.verslagjaar.to_string(),
        ],
        titelpagina_kop: label("titelpagina_kop", &l.titelpagina_kop),
        verslagjaar_tekst: label("verslagjaar", &l.verslagjaar),
        titelpagina: facts,
        titel: r.titel.clone(),
        ondertitel: r.ondertitel.clone(),
        landsdeel: r.landsdeel.clone(),
        verslagjaar: r.verslagjaar,
        publicatiedatum: texts.date(r.publicatiedatum),
        publicatiedatum_iso: r.publicatiedatum.format("%Y-%m-%d").to_string(),
        versie: r.versie.clone(),
        opsteller: r.opsteller.clone(),
        organisaties: r.organisaties.clone(),
        concept: r.status == RapportStatus::Concept,
        long_words: false,
        status: match r.status {
            RapportStatus::Concept => "concept".into(),
            RapportStatus::Definitief => "definitief".into(),
        },
        logo,
        kopregel: label("kopregel", &l.kopregel),
        labels: Labels {
            inhoud: label("inhoud", &l.inhoud),
            pagina: label("pagina", &l.pagina),
            van: label("van", &l.van),
            concept: label("concept", &l.concept),
            logo: label("logo", &l.logo),
            figuur: label("figuur", &l.figuur),
            tabel: label("tabel", &l.tabel),
            naar_inhoud: label("naar_inhoud", &l.naar_inhoud),
        },
    }
}

/// A status as an inline: its key (for the colour) and its word.
fn status_inline(texts: &TextSet, key: &str) -> Inline {
    Inline::Status {
        key: key.to_string(),
        label: texts.status(key),
    }
}

fn gereed_text(g: Option<Gereed>, texts: &TextSet) -> String {
    match g {
        Some(Gereed::Jaar(y)) => y.to_string(),
        Some(Gereed::Datum(d)) => texts.date(d),
        None => "–".into(),
    }
}

fn with_unit(value: f64, ind: &Indicator) -> String {
    let v = number(value, ind.decimalen);
    if ind.eenheid == "%" {
        format!("{v}\u{a0}%")
    } else {
        v
    }
}

/// Join words as an enumeration, `a, b en c`, with `and` as the last joint.
fn enumerate(parts: &[String], and: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

struct Builder<'a> {
    data: &'a Voortgang,
    analysis: &'a Analysis,
    texts: &'a TextSet,
    style: &'a HouseStyle,
    blocks: Vec<Block>,
    charts: ChartSet,
    /// How many headings of each level the current section has had so far.
    heading_counters: [usize; 6],
}

impl Builder<'_> {
    fn year(&self) -> i32 {
        self.data.rapport.verslagjaar
    }

    /// A fixed text filled in with `ctx`, as Markdown blocks.
    fn fragment(&mut self, pointer: &str, ctx: minijinja::Value) {
        let template = fragment_at(&self.texts.teksten, pointer);
        let text = self.texts.fill(pointer, &template, ctx);
        self.blocks.extend(markdown::parse(text.trim()));
    }

    /// Legend words and the caption (at `caption`) of a chart.
    fn chart_words(
        &self,
        caption: &str,
        ctx: minijinja::Value,
        target: String,
    ) -> charts::ChartWords {
        let plain = |key: &str| self.texts.fill_key("grafieken", key, context! {});
        charts::ChartWords {
            metingen: plain("metingen"),
            verwacht_traject: plain("verwacht_traject"),
            doel: self
                .texts
                .fill_key("grafieken", "doel", context! { waarde => target }),
            realisatie: plain("realisatie"),
            verwacht: plain("verwacht"),
            caption: self.chart_text(caption, ctx),
            geen_meting: self.texts.status(Status::GeenMeting.key()),
            nulmeting: self.texts.status(Status::Nulmeting.key()),
            verslagjaar: self.texts.fill_key(
                "grafieken",
                "verslagjaar",
                context! { jaar => self.year() },
            ),
            doel_bereikt: plain("doel_bereikt"),
        }
    }

    /// A text of the charts (`grafieken` in teksten.yaml), filled in.
    fn chart_text(&self, key: &str, ctx: minijinja::Value) -> String {
        self.texts.fill_key("grafieken", key, ctx)
    }

    /// A count in running text (`telling_<what>` in `woorden`).
    fn count(&self, what: &str, n: usize) -> String {
        self.texts.fill_key(
            "woorden",
            &format!("telling_{what}"),
            context! { aantal => n },
        )
    }

    /// Words joined as `a, b en c`, with the word `en` of the texts.
    fn enumerate(&self, parts: &[String]) -> String {
        enumerate(parts, &self.texts.fill_key("woorden", "en", context! {}))
    }

    /// A status as an inline.
    fn status(&self, key: &str) -> Inline {
        status_inline(self.texts, key)
    }

    /// A word of the tables (`woorden` in teksten.yaml), for this year.
    fn w(&self, key: &str) -> String {
        self.texts
            .fill_key("woorden", key, context! { jaar => self.year() })
    }

    /// A word of the chapter on changes (`wijzigingen` in teksten.yaml).
    fn change_word(&self, key: &str) -> String {
        self.texts.fill_key("wijzigingen", key, context! {})
    }

    /// A table caption (`bijschriften` in teksten.yaml).
    fn caption(&self, key: &str, ctx: minijinja::Value) -> Option<String> {
        Some(self.texts.fill_key("bijschriften", key, ctx))
    }

    /// A fixed text filled in with `ctx`, as one line.
    fn line(&self, pointer: &str, ctx: minijinja::Value) -> String {
        let template = fragment_at(&self.texts.teksten, pointer);
        self.texts.fill(pointer, &template, ctx).trim().to_string()
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        let text = text.into();
        let depth = (level as usize).clamp(1, 6);
        self.heading_counters[depth - 1] += 1;
        self.heading_counters[depth..].fill(0);
        let number = self.heading_counters[..depth]
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(".");
        self.blocks.push(Block::Heading {
            level,
            anchor: heading_anchor(&number, &text),
            number,
            text,
        });
    }

    fn para(&mut self, content: Vec<Inline>) {
        self.blocks.push(Block::Paragraph { content });
    }

    fn markdown(&mut self, text: &Option<String>) -> bool {
        match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                self.blocks.extend(markdown::parse(t));
                true
            }
            None => false,
        }
    }

    fn figure(&mut self, chart: charts::Chart, width: f32) {
        self.blocks.push(Block::Figure(Figure {
            number: 0,
            chart: chart.id.clone(),
            path: format!("grafieken/{}", chart.file_name),
            caption: chart.caption.clone(),
            alt: chart.alt.clone(),
            width,
        }));
        self.charts.charts.push(chart);
    }

    fn ia(&self, ind: &Indicator) -> &IndicatorAnalysis {
        self.analysis
            .indicator(&ind.id)
            .expect("every indicator is analysed")
    }

    fn measured_cell(&self, ind: &Indicator, a: &IndicatorAnalysis) -> Cell {
        match a.shown {
            Some((_, v)) if a.current => Cell::text(with_unit(v, ind)),
            Some((y, v)) => Cell::text(format!("{} ({y})", with_unit(v, ind))),
            None => Cell::text("–"),
        }
    }
}

/// A threshold as written in running text: `90`, `87,5`.
fn number_trim(v: f64) -> String {
    crate::format_nl::number_plain(v)
}

/// The template text at a pointer into `teksten.yaml`.
fn fragment_at(t: &crate::document::texts::Teksten, pointer: &str) -> String {
    let f = &t.teksten;
    let s = &f.status_uitleg;
    let k = &t.koppen;
    match pointer {
        "/teksten/overzicht" => &f.overzicht,
        "/teksten/geen_indicatoren" => &f.geen_indicatoren,
        "/teksten/acties_overzicht" => &f.acties_overzicht,
        "/teksten/geen_acties" => &f.geen_acties,
        "/teksten/leeswijzer" => &f.leeswijzer,
        "/teksten/leeg_onderdeel" => &f.leeg_onderdeel,
        "/teksten/doe_voorstellen" => &f.doe_voorstellen,
        "/teksten/bijlage_metingen" => &f.bijlage_metingen,
        "/teksten/bijlage_geen_metingen" => &f.bijlage_geen_metingen,
        "/teksten/verantwoording" => &f.verantwoording,
        "/teksten/verantwoording_slot" => &f.verantwoording_slot,
        "/teksten/wijzigingen" => &f.wijzigingen,
        "/teksten/geen_wijzigingen" => &f.geen_wijzigingen,
        "/teksten/status_uitleg/geen_meting" => &s.geen_meting,
        "/teksten/status_uitleg/behaald" => &s.behaald,
        "/teksten/status_uitleg/nulmeting" => &s.nulmeting,
        "/teksten/status_uitleg/op_koers" => &s.op_koers,
        "/teksten/status_uitleg/aandacht" => &s.aandacht,
        "/teksten/status_uitleg/achter" => &s.achter,
        "/koppen/acties_van_thema" => &k.acties_van_thema,
        "/koppen/wijzigingen" => &k.wijzigingen,
        other => unreachable!("no fixed text at {other}"),
    }
    .clone()
}
