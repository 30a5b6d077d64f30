//! Composes the [`Document`] and its charts from validated, analysed data.
//! This is where the report's content and order are decided, once for all
//! formats. This file holds the composer and what every chapter uses; each
//! chapter has its own file.

mod appendices;
mod changes;
pub mod national;
mod parts;
mod summary;
#[cfg(test)]
mod tests;

use crate::analysis::{Analysis, IndicatorAnalysis, Status};
use crate::document::charts::{self, ChartSet};
use crate::format_nl::text::{number, percent, percent0};
use crate::model::{Actie, Gereed, Indicator, RapportStatus, Thema, Voortgang};

use super::references::{self, Resolved, Target};
use super::{
    AppendixLabel, Block, Caption, Cell, Column, Date, Document, Fact, Figure, Inline, Labels,
    Language, Logo, Meta, Table, TitleItem, TocEntry, heading_anchor,
};
use super::{NUMBERED_LEVELS, markdown};
use crate::diagnostics::Diagnostic;
use crate::document::house_style::HouseStyle;
use crate::document::texts::{
    Bijschriften, Grafieken, Koppen, LabelTexts, Teksten, Text, TextSet, Wijzigingen, Woorden,
};
use minijinja::context;
use std::cell::RefCell;
use std::collections::HashMap;

/// The report content and the charts it shows.
pub struct Composed {
    pub document: Document,
    pub charts: ChartSet,
}

/// The previous year's report, for the chapter on changes (`--vorig`).
pub struct Previous<'a> {
    pub data: &'a Voortgang,
    pub analysis: &'a Analysis,
}

/// The table of contents lists chapters and their sections.
const TOC_DEPTH: u8 = 2;

/// The most body lines of text that move with the block they introduce to
/// the next page (an indicator's explanation with its key figures).
const KEPT_LINES: usize = 6;

/// Build the report of `data`. Problems in the fixed texts are reported on
/// `teksten.yaml`.
pub fn compose(
    data: &Voortgang,
    analysis: &Analysis,
    logo: Option<Logo>,
    texts: &TextSet,
    style: &HouseStyle,
    previous: Option<Previous>,
) -> Result<Composed, crate::diagnostics::Problems> {
    let mut b = Composer::start(data, analysis, texts, style);
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
    b.colophon();
    let meta = b.meta(logo);
    b.finish(meta)
}

impl<'a> Composer<'a> {
    /// A composer of a report of `data`, its contents first.
    fn start(
        data: &'a Voortgang,
        analysis: &'a Analysis,
        texts: &'a TextSet,
        style: &'a HouseStyle,
    ) -> Self {
        let mut b = Composer {
            data,
            analysis,
            texts,
            t: &texts.teksten,
            style,
            blocks: Vec::new(),
            charts: ChartSet::default(),
            heading_counters: [0; 6],
            appendices: 0,
            targets: HashMap::new(),
            heading_words: (String::new(), String::new()),
            references: Vec::new(),
            errors: RefCell::new(Vec::new()),
        };
        b.heading_words = (b.label(|l| &l.hoofdstuk), b.label(|l| &l.paragraaf));
        b.blocks.push(Block::Toc {
            title: b.label(|l| &l.inhoud),
            depth: TOC_DEPTH,
            entries: Vec::new(),
        });
        b
    }

    /// The colophon, the last page: the facts of the publication.
    fn colophon(&mut self) {
        let who = Fact {
            label: self.fill(&self.t.woorden.landsdeel, context! {}),
            regels: vec![self.data.rapport.landsdeel.clone()],
        };
        self.colophon_with(who);
    }

    /// The colophon with `who` (the landsdeel, or the landsdelen of the
    /// national overview) after the title.
    fn colophon_with(&mut self, who: Fact) {
        let texts = self.texts;
        let r = &self.data.rapport;
        let w = |pick: Pick<Woorden>| self.fill(pick(&self.t.woorden), context! {});
        let status = self.report_status(r.status);
        let fact = |label: String, regels: Vec<String>| Fact { label, regels };
        let mut facts = vec![
            fact(w(|w| &w.titel), vec![r.titel.clone()]),
            who,
            fact(w(|w| &w.verslagjaar), vec![r.verslagjaar.to_string()]),
            fact(
                w(|w| &w.publicatiedatum),
                vec![texts.date(r.publicatiedatum)],
            ),
        ];
        match &r.versie {
            Some(v) => facts.push(fact(w(|w| &w.versie), vec![format!("{v} ({status})")])),
            None => facts.push(fact(w(|w| &w.status), vec![status.clone()])),
        }
        if let Some(k) = &r.kenmerk {
            facts.push(fact(w(|w| &w.kenmerk), vec![k.clone()]));
        }
        if let Some(o) = &r.opsteller {
            facts.push(fact(w(|w| &w.opgesteld_door), vec![o.clone()]));
        }
        if !r.organisaties.is_empty() {
            facts.push(fact(w(|w| &w.partners), r.organisaties.clone()));
        }
        let title = self.label(|l| &l.colofon);
        self.blocks.push(Block::Colophon { title, facts });
    }

    /// A report's status in words: concept or definitief.
    fn report_status(&self, status: RapportStatus) -> String {
        let pick: Pick<Woorden> = match status {
            RapportStatus::Concept => |w| &w.rapport_concept,
            RapportStatus::Definitief => |w| &w.rapport_definitief,
        };
        self.fill(pick(&self.t.woorden), context! {})
    }

    /// The title page, the file's properties and the fixed labels.
    fn meta(&self, logo: Option<Logo>) -> Meta {
        let r = &self.data.rapport;
        let label = |pick: Pick<LabelTexts>| self.label(pick);
        let concept = r.status == RapportStatus::Concept;
        let labels = Labels {
            inhoud: label(|l| &l.inhoud),
            pagina: label(|l| &l.pagina),
            van: label(|l| &l.van),
            concept: label(|l| &l.concept),
            logo: label(|l| &l.logo),
            figuur: label(|l| &l.figuur),
            tabel: label(|l| &l.tabel),
            naar_inhoud: label(|l| &l.naar_inhoud),
        };
        let mut title_page = vec![
            TitleItem::Overline {
                tekst: label(|l| &l.titelpagina_kop),
            },
            TitleItem::Title {
                tekst: r.titel.clone(),
            },
            TitleItem::Year {
                tekst: label(|l| &l.verslagjaar),
            },
        ];
        if let Some(o) = &r.ondertitel {
            title_page.push(TitleItem::Subtitle { tekst: o.clone() });
        }
        // The CONCEPT mark of a draft stands above the foot of the page,
        // which holds the logo and who publishes the report.
        if concept {
            title_page.push(TitleItem::DraftMark {
                tekst: labels.concept.clone(),
            });
        }
        // Who publishes it: the secretariat that wrote it, or else the
        // partners.
        let publisher = match &r.opsteller {
            Some(o) => vec![o.clone()],
            None => r.organisaties.clone(),
        };
        if !publisher.is_empty() {
            title_page.push(TitleItem::Organisation { regels: publisher });
        }
        if let Some(logo) = &logo {
            title_page.push(TitleItem::Logo {
                logo: logo.clone(),
                alt: labels.logo.clone(),
            });
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
            taal: Language::dutch(),
            titel: r.titel.clone(),
            ondertitel: r.ondertitel.clone(),
            landsdeel: r.landsdeel.clone(),
            verslagjaar: r.verslagjaar,
            publicatiedatum: Date(r.publicatiedatum),
            versie: r.versie.clone(),
            opsteller: r.opsteller.clone(),
            organisaties: r.organisaties.clone(),
            concept,
            long_words: false,
            status: match r.status {
                RapportStatus::Concept => "concept".into(),
                RapportStatus::Definitief => "definitief".into(),
            },
            logo,
            kopregel: label(|l| &l.kopregel),
            titelpagina: title_page,
            labels,
        }
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

/// Picks one text of a section of `teksten.yaml`.
pub(crate) type Pick<S> = fn(&S) -> &Text;

struct Composer<'a> {
    data: &'a Voortgang,
    analysis: &'a Analysis,
    texts: &'a TextSet,
    /// The fixed texts, by field.
    t: &'a Teksten,
    style: &'a HouseStyle,
    blocks: Vec<Block>,
    charts: ChartSet,
    /// How many headings of each level the current section has had so far.
    heading_counters: [usize; 6],
    /// How many appendices have been lettered.
    appendices: usize,
    /// Where each target that a text can name stands in `blocks`.
    /// (Its index, and its index among the blocks of a [`Block::Beside`]
    /// there, column after column.)
    targets: HashMap<Target, (usize, Option<usize>)>,
    /// The words before a chapter's and a section's number in a reference
    /// (`hoofdstuk`, `paragraaf`).
    heading_words: (String, String),
    /// Every reference the running texts make, with the text's place in
    /// `teksten.yaml`, for a reference whose target the report lacks.
    references: Vec<(Target, String)>,
    /// The fixed texts that could not be filled in. Only [`Composer::finish`]
    /// gives the document out, and only when there are none.
    errors: RefCell<Vec<Diagnostic>>,
}

/// The chapters that begin a new page: the first after the contents, and
/// the first appendix.
fn mark_new_pages(blocks: &mut [Block]) {
    let toc = blocks.iter().position(|b| matches!(b, Block::Toc { .. }));
    let mut first_chapter = true;
    let mut first_appendix = true;
    for (i, b) in blocks.iter_mut().enumerate() {
        if let Block::Heading {
            level: 1,
            new_page,
            appendix,
            ..
        } = b
        {
            let after_contents = toc.is_some_and(|t| i > t) && first_chapter;
            let opens_appendices = appendix.is_some() && first_appendix;
            *new_page = after_contents || opens_appendices;
            first_chapter &= toc.is_none_or(|t| i <= t);
            first_appendix &= appendix.is_none();
        }
    }
}

impl Composer<'_> {
    fn year(&self) -> i32 {
        self.data.rapport.verslagjaar
    }

    /// The composed document and its charts, or the problems found in the
    /// fixed texts while composing.
    fn finish(self, meta: Meta) -> Result<Composed, crate::diagnostics::Problems> {
        let figures = super::open_data::compose(self.data, self.analysis, self.texts);
        self.finish_with(meta, figures)
    }

    /// [`Composer::finish`], with the figures as open data given.
    fn finish_with(
        self,
        meta: Meta,
        figures: super::open_data::OpenData,
    ) -> Result<Composed, crate::diagnostics::Problems> {
        let mut errors = self.errors.into_inner();
        errors.extend(
            self.references
                .iter()
                .filter(|(t, _)| !self.targets.contains_key(t))
                .map(|(t, pointer)| self.texts.unresolved_reference(t, pointer)),
        );
        if let Some(problems) = self.texts.report(errors) {
            return Err(problems);
        }
        let mut document = Document {
            meta,
            blocks: self.blocks,
            figures,
        };
        mark_new_pages(&mut document.blocks);
        super::lay_out(&mut document);
        // `hoofdstuk 3`, `paragraaf 4.2`: the word of a heading's level.
        let (chapter, section) = (self.heading_words.0.clone(), self.heading_words.1.clone());
        let heading_word = move |level: u8| {
            if level <= 1 {
                chapter.clone()
            } else {
                section.clone()
            }
        };
        let targets: HashMap<Target, Resolved> = self
            .targets
            .iter()
            .filter_map(|(t, &(i, inner))| {
                let block = match (&document.blocks[i], inner) {
                    (Block::Beside { columns, .. }, Some(j)) => columns.iter().flatten().nth(j)?,
                    (block, _) => block,
                };
                Some((t.clone(), references::resolve_block(block, &heading_word)?))
            })
            .collect();
        references::fill_in(&mut document.blocks, &targets);
        // The contents list the headings, now that all are made.
        let toc = TocEntry::of(&document.blocks, TOC_DEPTH);
        for b in &mut document.blocks {
            if let Block::Toc { entries, .. } = b {
                *entries = toc.clone();
            }
        }
        Ok(Composed {
            document,
            charts: self.charts,
        })
    }

    /// `text` filled in with `ctx`, as one line of text (a heading, a
    /// caption, a word); a problem is kept for [`Composer::finish`].
    fn fill(&self, text: &Text, ctx: minijinja::Value) -> String {
        let filled = self.fill_running(text, ctx);
        if references::holds_reference(&filled) {
            self.errors
                .borrow_mut()
                .push(self.texts.misplaced_reference(text));
            return String::new();
        }
        filled
    }

    /// `text` filled in with `ctx`, references kept as Markdown.
    fn fill_running(&self, text: &Text, ctx: minijinja::Value) -> String {
        self.texts.fill(text, ctx).unwrap_or_else(|problem| {
            self.errors.borrow_mut().push(problem);
            String::new()
        })
    }

    /// A running text filled in with `ctx`, as Markdown blocks, with the
    /// references it makes.
    fn fragment(&mut self, pick: Pick<Teksten>, ctx: minijinja::Value) {
        let text = pick(self.t);
        let filled = self.fill_running(text, ctx);
        let blocks = markdown::parse_text(filled.trim());
        self.references.extend(
            references::references(&blocks)
                .into_iter()
                .map(|r| (r.target, text.pointer().to_string())),
        );
        self.blocks.extend(blocks);
    }

    /// The next block is the target `target`.
    fn name_next(&mut self, target: Target) {
        self.targets.insert(target, (self.blocks.len(), None));
    }

    /// Put the blocks from `starts[0]` on side by side: a column begins at
    /// each of `starts`, and is as wide as its share in `widths`. A target
    /// among them is found inside the group.
    fn beside(&mut self, starts: &[usize], widths: Vec<f32>) {
        let from = starts[0];
        let mut blocks: Vec<Block> = self.blocks.drain(from..).collect();
        let mut columns = Vec::new();
        for start in starts[1..].iter().rev() {
            columns.push(blocks.split_off(start - from));
        }
        columns.push(blocks);
        columns.reverse();
        for (i, inner) in self.targets.values_mut() {
            if *i >= from {
                *inner = Some(*i - from);
                *i = from;
            }
        }
        self.blocks.push(Block::Beside { columns, widths });
    }

    /// The line under a table or figure that names where its figures come
    /// from (`Bron: DUO`), when the data names it.
    fn source(&mut self, bron: Option<&str>) {
        if let Some(bron) = bron.map(str::trim).filter(|b| !b.is_empty()) {
            let word = self.w(|w| &w.bron);
            self.blocks.push(Block::Source {
                text: format!("{word}: {bron}"),
            });
        }
    }

    /// A fixed text filled in with `ctx`, as one line.
    fn line(&self, pick: Pick<Teksten>, ctx: minijinja::Value) -> String {
        self.fill(pick(self.t), ctx).trim().to_string()
    }

    /// A heading of `koppen`, for this year.
    fn kop(&self, pick: Pick<Koppen>) -> String {
        self.fill(pick(&self.t.koppen), context! { jaar => self.year() })
    }

    /// Legend words and the caption (`caption`) of a chart.
    fn chart_words(
        &self,
        caption: Pick<Grafieken>,
        ctx: minijinja::Value,
        target: String,
    ) -> charts::ChartWords {
        let plain = |pick: Pick<Grafieken>| self.chart_text(pick, context! {});
        charts::ChartWords {
            metingen: plain(|g| &g.metingen),
            verwacht_traject: plain(|g| &g.verwacht_traject),
            doel: self.chart_text(|g| &g.doel, context! { waarde => target }),
            realisatie: plain(|g| &g.realisatie),
            verwacht: plain(|g| &g.verwacht),
            caption: self.chart_text(caption, ctx),
            geen_meting: self.texts.status(Status::GeenMeting.key()),
            nulmeting: self.texts.status(Status::Nulmeting.key()),
            verslagjaar: self.chart_text(|g| &g.verslagjaar, context! { jaar => self.year() }),
            doel_bereikt: plain(|g| &g.doel_bereikt),
        }
    }

    /// A text of the charts (`grafieken` in teksten.yaml), filled in.
    fn chart_text(&self, pick: Pick<Grafieken>, ctx: minijinja::Value) -> String {
        self.fill(pick(&self.t.grafieken), ctx)
    }

    /// A count in running text (`telling_<what>` in `woorden`).
    fn count(&self, pick: Pick<Woorden>, n: usize) -> String {
        self.fill(pick(&self.t.woorden), context! { aantal => n })
    }

    /// Words joined as `a, b en c`, with the word `en` of the texts.
    fn enumerate(&self, parts: &[String]) -> String {
        enumerate(parts, &self.fill(&self.t.woorden.en, context! {}))
    }

    /// A status as an inline.
    fn status(&self, key: &str) -> Inline {
        status_inline(self.texts, key)
    }

    /// A word of the tables (`woorden` in teksten.yaml), for this year.
    fn w(&self, pick: Pick<Woorden>) -> String {
        self.fill(pick(&self.t.woorden), context! { jaar => self.year() })
    }

    /// The words of a table's header row.
    fn words<const N: usize>(&self, picks: [Pick<Woorden>; N]) -> [String; N] {
        picks.map(|pick| self.w(pick))
    }

    /// Add a table of `columns` and `rows` under `caption`.
    fn table(&mut self, caption: Caption, columns: Vec<Column>, rows: Vec<Vec<Cell>>) {
        let t = Table::new(
            caption,
            columns,
            rows,
            self.style.maten.tabel as f32,
            &self.style.fonts,
        );
        self.push_table(t);
    }

    /// A table of names and values, each row headed by its first cell
    /// (the key figures), without a header row.
    fn row_headed_table(&mut self, caption: Caption, columns: Vec<Column>, rows: Vec<Vec<Cell>>) {
        let text_pt = self.style.maten.tabel as f32;
        let t = Table::new(caption, columns, rows, text_pt, &self.style.fonts)
            .headed_by_rows(text_pt, &self.style.fonts);
        self.push_table(t);
    }

    /// `table` on the report's page.
    fn push_table(&mut self, table: Table) {
        let text_pt = self.style.maten.tabel as f32;
        let p = &self.style.pagina;
        let pt = |cm: f64| (cm * 72.0 / 2.54) as f32;
        let (w, h) = p.paper_size();
        let table = table.on_page(
            pt(w - p.marge_links - p.marge_rechts),
            pt(h - p.marge_boven - p.marge_onder),
            text_pt,
            &self.style.fonts,
        );
        self.blocks.push(Block::Table(table));
    }

    /// A word of the chapter on changes (`wijzigingen` in teksten.yaml).
    fn change_word(&self, pick: Pick<Wijzigingen>) -> String {
        self.fill(pick(&self.t.wijzigingen), context! {})
    }

    /// A table caption (`bijschriften` in teksten.yaml).
    fn caption(&self, pick: Pick<Bijschriften>, ctx: minijinja::Value) -> Caption {
        Caption::of(self.fill(pick(&self.t.bijschriften), ctx))
    }

    /// A label of the layout (`labels` in teksten.yaml).
    fn label(&self, pick: Pick<LabelTexts>) -> String {
        let r = &self.data.rapport;
        let ctx = context! {
            landsdeel => r.landsdeel.clone(),
            verslagjaar => r.verslagjaar,
            titel => r.titel.clone(),
        };
        self.fill(pick(&self.t.labels), ctx)
    }

    fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.heading_with(level, text.into(), None);
    }

    /// An appendix: a chapter without a number, headed by the word of the
    /// appendices, the next letter and `title` (`Bijlage B
    /// Verantwoording`), named `target`.
    fn appendix_heading(&mut self, title: String, target: Target) {
        let letter = appendix_letter(self.appendices);
        self.appendices += 1;
        let label = AppendixLabel {
            word: self.label(|l| &l.bijlage),
            letter,
            rest: format!(" {title}"),
        };
        self.name_next(target);
        self.heading_with(1, label.text(), Some(label));
    }

    /// A heading. Chapters and their sections are numbered (`4`, `4.2`);
    /// deeper headings, and appendices, are not: two numbered levels keep
    /// the numbers short enough to read. Every heading's anchor has its
    /// place in the count, so that two headings with the same words have
    /// different anchors.
    fn heading_with(&mut self, level: u8, text: String, appendix: Option<AppendixLabel>) {
        let depth = (level as usize).clamp(1, 6);
        let count = if appendix.is_some() {
            format!("bijlage-{}", self.appendices)
        } else {
            self.heading_counters[depth - 1] += 1;
            self.heading_counters[depth..].fill(0);
            self.heading_counters[..depth]
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(".")
        };
        let anchor = heading_anchor(&count, &text);
        let number = if appendix.is_none() && depth <= NUMBERED_LEVELS {
            count
        } else {
            String::new()
        };
        self.blocks.push(Block::Heading {
            level,
            anchor,
            number,
            text,
            appendix,
            new_page: false,
        });
    }

    /// The last block, when it is a short paragraph or list, stays on the
    /// page of the block that comes next (it introduces it). A longer one
    /// may end on the page before: moved whole, it would leave the foot of
    /// that page empty.
    fn keep_last_with_next(&mut self) {
        let Some(last) = self.blocks.last() else {
            return;
        };
        if self.lines_of(last) > KEPT_LINES {
            return;
        }
        if let Some(Block::Paragraph { keep_with_next, .. } | Block::List { keep_with_next, .. }) =
            self.blocks.last_mut()
        {
            *keep_with_next = true;
        }
    }

    /// About how many body lines a paragraph or list takes (its words in
    /// the regular face over the text width; a list item at least a line).
    fn lines_of(&self, block: &Block) -> usize {
        let size = self.style.maten.tekst as f32;
        let width = (self.style.pagina.text_width() * 72.0 / 2.54) as f32;
        let lines = |text: &str| {
            let w = self.style.fonts.text_width(text, size, false);
            (w / width).ceil().max(1.0) as usize
        };
        match block {
            Block::List { items, .. } => items.iter().flatten().map(|b| self.lines_of(b)).sum(),
            other => lines(&other.plain_text()),
        }
    }

    fn para(&mut self, content: Vec<Inline>) {
        self.blocks.push(Block::paragraph(content));
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

    /// A text of the data that may name a table, figure, chapter or
    /// appendix (`{{ verwijzing("tabel_indicatoren") }}`; the data is not a
    /// template: only this form is read). Validation has checked every
    /// name against the data, so each resolves.
    fn markdown_with_references(&mut self, text: &Option<String>) -> bool {
        match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => {
                let with_links = references::data_references_as_markdown(t);
                self.blocks.extend(markdown::parse_text(&with_links));
                true
            }
            None => false,
        }
    }

    /// A figure `width` of its container wide, staying where it stands in
    /// the text.
    fn figure(&mut self, chart: charts::Chart, width: f32) {
        self.figure_placed(chart, width, false);
    }

    /// A figure that may `float`: where a page has no room for it, it goes
    /// to the top of the next and the text after it fills the page.
    fn figure_placed(&mut self, chart: charts::Chart, width: f32, float: bool) {
        let chart = std::sync::Arc::new(chart);
        self.blocks.push(Block::Figure(Figure {
            caption: Caption::of(chart.caption.clone()),
            chart: chart.clone(),
            anchor: String::new(),
            width,
            float,
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

/// The letter of the appendix after `n` others: `A`, `B`, ..., `Z`,
/// `AA`, as Word's SEQ field counts with `\* ALPHABETIC`.
fn appendix_letter(n: usize) -> String {
    let letter = char::from(b'A' + (n % 26) as u8);
    letter.to_string().repeat(n / 26 + 1)
}

/// A threshold as written in running text: `90`, `87,5`.
fn number_trim(v: f64) -> String {
    crate::format_nl::text::number_plain(v)
}
