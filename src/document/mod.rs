//! The format-neutral document model: what the report says, in order.
//!
//! [`compose::compose`] turns analysed data into a [`Document`], with the fixed
//! words of [`texts`], the charts of [`charts`] in the house style of
//! [`house_style`] and numbers from [`crate::format_nl`]; the renderers (PDF, DOCX,
//! HTML) only decide how it looks. The model is serialised to JSON for the
//! Typst template, so user text reaches Typst as data.

pub mod charts;
pub mod compose;
pub mod formula;
pub mod house_style;
pub mod markdown;
pub mod open_data;
pub mod references;
pub mod table_measure;
pub mod texts;
pub mod typography;

use serde::Serialize;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub meta: Meta,
    #[serde(rename = "blokken")]
    pub blocks: Vec<Block>,
    /// The figures of the report as open data (`--formaat cijfers`); not
    /// part of what the templates see.
    #[serde(skip)]
    pub figures: open_data::OpenData,
}

/// Title-page data, document properties and fixed labels the layout needs.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// The document title in the file's properties (PDF, DOCX, HTML):
    /// `<titel> <verslagjaar>`.
    pub documenttitel: String,
    /// The authors in the file's properties: the opsteller, or else the
    /// organisations.
    pub auteurs: Vec<String>,
    /// The keywords in the file's properties, each on its own.
    pub trefwoorden: Vec<String>,
    /// The document's language.
    pub taal: Language,
    pub titel: String,
    pub ondertitel: Option<String>,
    pub landsdeel: String,
    pub verslagjaar: i32,
    /// The publication date: the date in the file's properties and what
    /// Typst takes for today.
    pub publicatiedatum: Date,
    pub versie: Option<String>,
    pub opsteller: Option<String>,
    pub organisaties: Vec<String>,
    /// Whether every page carries the CONCEPT mark.
    pub concept: bool,
    /// Whether any text of the report has a word of 30 letters or more
    /// (set by [`lay_out`]): such a report may hyphenate, so that no word
    /// runs past its line, cell or page.
    #[serde(rename = "lange_woorden")]
    pub long_words: bool,
    /// `concept` or `definitief`.
    pub status: String,
    /// The logo, when the data names one (serialised as its virtual
    /// path, `logo.svg`).
    #[serde(serialize_with = "logo_name")]
    pub logo: Option<Logo>,
    /// Text of the running header.
    pub kopregel: String,
    /// What the title page shows, in order; every format shows these
    /// items in this order.
    pub titelpagina: Vec<TitleItem>,
    /// Labels for page numbers, table of contents and the draft mark.
    pub labels: Labels,
}

/// The language of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Language {
    /// ISO 639-1: `nl`.
    pub code: String,
    /// ISO 3166-1: `NL`.
    pub regio: String,
    /// BCP 47, code and region: `nl-NL`.
    pub tag: String,
}

impl Language {
    /// Dutch as written in the Netherlands.
    pub fn dutch() -> Self {
        Language {
            code: "nl".into(),
            regio: "NL".into(),
            tag: "nl-NL".into(),
        }
    }
}

/// A calendar date, serialised as its parts (`{"jaar": 2017, "maand": 3,
/// "dag": 15}`) so that a template need not parse it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date(pub chrono::NaiveDate);

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        use serde::ser::SerializeStruct;
        let mut d = s.serialize_struct("Date", 3)?;
        d.serialize_field("jaar", &self.0.year())?;
        d.serialize_field("maand", &self.0.month())?;
        d.serialize_field("dag", &self.0.day())?;
        d.end()
    }
}

/// One item of the title page.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "soort", rename_all = "snake_case")]
pub enum TitleItem {
    /// The line above the title.
    #[serde(rename = "kop")]
    Overline { tekst: String },
    #[serde(rename = "titel")]
    Title { tekst: String },
    /// `Verslagjaar 2016`.
    #[serde(rename = "verslagjaar")]
    Year { tekst: String },
    #[serde(rename = "ondertitel")]
    Subtitle { tekst: String },
    /// Who publishes the report: the secretariat that wrote it, or the
    /// partners, one per line.
    #[serde(rename = "organisatie")]
    Organisation { regels: Vec<String> },
    /// The logo ([`Meta::logo`]'s; serialised as its virtual path) and its
    /// alternative text.
    #[serde(rename = "logo")]
    Logo {
        #[serde(rename = "pad", serialize_with = "logo_path")]
        logo: Logo,
        alt: String,
    },
    /// The CONCEPT mark of a draft.
    #[serde(rename = "concept")]
    DraftMark { tekst: String },
}

/// A fact of the colophon: its label and one or more lines.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub regels: Vec<String>,
}

/// Fixed words of the layout, kept with the content so both formats agree.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub inhoud: String,
    pub pagina: String,
    pub van: String,
    pub concept: String,
    pub logo: String,
    pub figuur: String,
    pub tabel: String,
    /// The skip link to the content (HTML).
    pub naar_inhoud: String,
}

/// The logo of the report: what kind of picture it is, decided once when
/// it is read, and its bytes, shared by every format that shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub kind: LogoKind,
    pub bytes: std::sync::Arc<[u8]>,
}

/// The kinds of picture a logo may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogoKind {
    Svg,
    Png,
}

impl Logo {
    /// The logo's file in a format's package or project: `logo.svg`.
    pub fn name(&self) -> &'static str {
        match self.kind {
            LogoKind::Svg => "logo.svg",
            LogoKind::Png => "logo.png",
        }
    }

    /// Its media type: `image/svg+xml` or `image/png`.
    pub fn mime(&self) -> &'static str {
        match self.kind {
            LogoKind::Svg => "image/svg+xml",
            LogoKind::Png => "image/png",
        }
    }
}

fn logo_name<S: serde::Serializer>(logo: &Option<Logo>, s: S) -> Result<S::Ok, S::Error> {
    match logo {
        Some(l) => s.serialize_some(l.name()),
        None => s.serialize_none(),
    }
}

fn logo_path<S: serde::Serializer>(logo: &Logo, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(logo.name())
}

/// Chapters and their sections carry a number (`4`, `4.2`); deeper
/// headings and the appendices do not.
pub const NUMBERED_LEVELS: usize = 2;

/// A block of the document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "soort", rename_all = "snake_case")]
pub enum Block {
    /// The table of contents: its title, the deepest heading level it
    /// lists, and its entries, the chapters with their sections nested.
    /// The PDF's contents are Typst's own outline of the same headings (it
    /// knows their pages); the web page lists the entries.
    #[serde(rename = "inhoudsopgave")]
    Toc {
        #[serde(rename = "titel")]
        title: String,
        #[serde(rename = "diepte")]
        depth: u8,
        #[serde(rename = "onderdelen")]
        entries: Vec<TocEntry>,
    },
    #[serde(rename = "kop")]
    Heading {
        #[serde(rename = "niveau")]
        level: u8,
        /// The section number ("2", "2.3"), counted here so that both formats
        /// print the same one and Typst need not count headings itself (its
        /// counters would cost the PDF an extra layout pass).
        #[serde(rename = "nummer")]
        number: String,
        #[serde(rename = "tekst")]
        text: String,
        /// The heading's name for links: its number and words
        /// (`4-2-vmbo-mbo`, [`heading_anchor`]); the PDF's label and named
        /// destination and the web page's id.
        #[serde(rename = "anker")]
        anchor: String,
        /// The word and letter of an appendix, which `text` starts with
        /// and a reference to it shows.
        #[serde(rename = "bijlage")]
        appendix: Option<AppendixLabel>,
        /// Whether the heading begins a new page: the first chapter after
        /// the contents, and the chapter of the appendices. Other chapters
        /// follow on the page (no half-empty pages).
        #[serde(rename = "nieuwe_pagina")]
        new_page: bool,
    },
    #[serde(rename = "alinea")]
    Paragraph {
        #[serde(rename = "inhoud")]
        content: Vec<Inline>,
        /// The paragraph stays on the page of the block after it: it
        /// introduces that block (the words before a formula, an
        /// indicator's explanation before its key figures).
        #[serde(rename = "bij_volgende")]
        keep_with_next: bool,
    },
    #[serde(rename = "lijst")]
    List {
        #[serde(rename = "genummerd")]
        ordered: bool,
        #[serde(rename = "begin")]
        start: u64,
        items: Vec<Vec<Block>>,
        /// Its last item stays on the page of the block after the list (as
        /// a paragraph's `keep_with_next`).
        #[serde(rename = "bij_volgende")]
        keep_with_next: bool,
    },
    #[serde(rename = "tabel")]
    Table(Table),
    #[serde(rename = "figuur")]
    Figure(Figure),
    /// Columns of blocks side by side where the page is wide enough (an
    /// indicator's key figures and their source beside its chart), each
    /// column as wide as its share in `widths`, a fraction of the text
    /// width; the rest of the width is the gap. A format without columns
    /// shows them one under the other, each as wide as its column.
    #[serde(rename = "naast_elkaar")]
    Beside {
        #[serde(rename = "kolommen")]
        columns: Vec<Vec<Block>>,
        #[serde(rename = "breedtes")]
        widths: Vec<f32>,
    },
    /// A formula on a line of its own (`$$…$$` in a fixed text).
    #[serde(rename = "formule")]
    Formula {
        #[serde(rename = "formule")]
        formula: formula::Formula,
    },
    /// Where the figures of the table or figure above come from, as the
    /// data names it: `Bron: DUO, schooljaar 2015/16`.
    #[serde(rename = "bron")]
    Source {
        #[serde(rename = "tekst")]
        text: String,
    },
    /// The colophon on the last page: title, landsdeel, year, date,
    /// version or status, reference, author and partners.
    #[serde(rename = "colofon")]
    Colophon {
        #[serde(rename = "titel")]
        title: String,
        #[serde(rename = "feiten")]
        facts: Vec<Fact>,
    },
}

/// An entry of the table of contents: a heading down to the contents'
/// depth, with the entries of the level below it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TocEntry {
    #[serde(rename = "niveau")]
    pub level: u8,
    #[serde(rename = "nummer")]
    pub number: String,
    #[serde(rename = "tekst")]
    pub text: String,
    /// The heading's anchor ([`Block::Heading`]'s).
    #[serde(rename = "anker")]
    pub anchor: String,
    #[serde(rename = "onderliggend")]
    pub children: Vec<TocEntry>,
}

impl TocEntry {
    /// The entries of the headings of `blocks` down to `depth`, nested.
    pub fn of(blocks: &[Block], depth: u8) -> Vec<TocEntry> {
        let mut out: Vec<TocEntry> = Vec::new();
        for b in blocks {
            if let Block::Heading {
                level,
                number,
                text,
                anchor,
                ..
            } = b
                && *level <= depth
            {
                let entry = TocEntry {
                    level: *level,
                    number: number.clone(),
                    text: text.clone(),
                    anchor: anchor.clone(),
                    children: Vec::new(),
                };
                // Under the last entry of the level above, if there is one.
                let mut siblings = &mut out;
                for _ in 1..*level {
                    if siblings.is_empty() {
                        break;
                    }
                    siblings = &mut siblings.last_mut().expect("not empty").children;
                }
                siblings.push(entry);
            }
        }
        out
    }

    /// This entry and every one below it, in the order of the document.
    pub fn flat(entries: &[TocEntry]) -> Vec<&TocEntry> {
        let mut out = Vec::new();
        for e in entries {
            out.push(e);
            out.extend(Self::flat(&e.children));
        }
        out
    }
}

/// The label of an appendix heading: `Bijlage B` in `Bijlage B.
/// Verantwoording`, the appendices lettered in order by the composer.
/// The DOCX writes the letter as Word's own counter (a SEQ field), inside
/// the bookmark that references point to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AppendixLabel {
    /// `Bijlage`.
    #[serde(rename = "woord")]
    pub word: String,
    /// `B`.
    pub letter: String,
    /// What follows the letter in the heading: `. Verantwoording`.
    pub rest: String,
}

impl AppendixLabel {
    /// What a reference shows: `Bijlage B`.
    pub fn label(&self) -> String {
        format!("{} {}", self.word, self.letter)
    }

    /// The whole heading text: `Bijlage B. Verantwoording`.
    pub fn text(&self) -> String {
        format!("{}{}", self.label(), self.rest)
    }
}

/// The longest anchor: Word keeps bookmark names of at most 40
/// characters, and the DOCX's bookmark is the anchor after one `_`.
pub const ANCHOR_MAX: usize = 39;

/// The anchor of a heading: its number and words, `4-2-vmbo-mbo`, the
/// words cut after a whole word to at most [`ANCHOR_MAX`] characters.
/// Unique because the number is, and stable while the chapter keeps its
/// place and its first words, so that `rapport.html#4-2-vmbo-mbo` keeps
/// working next year.
pub fn heading_anchor(number: &str, text: &str) -> String {
    let number = number.replace('.', "-");
    let mut anchor = number.clone();
    for word in slug::slugify(text).split('-').filter(|w| !w.is_empty()) {
        if anchor.len() + 1 + word.len() > ANCHOR_MAX {
            break;
        }
        anchor.push('-');
        anchor.push_str(word);
    }
    if anchor == number {
        format!("h{number}")
    } else {
        anchor
    }
}

impl Block {
    /// A paragraph that may stand apart from the block after it.
    pub fn paragraph(content: Vec<Inline>) -> Self {
        Block::Paragraph {
            content,
            keep_with_next: false,
        }
    }

    /// The block's text without markup, for tests and comparisons.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Toc { .. } => String::new(),
            Block::Heading { text, .. } => text.clone(),
            Block::Paragraph { content, .. } => inlines_text(content),
            Block::List { items, .. } => items
                .iter()
                .map(|item| {
                    item.iter()
                        .map(Block::plain_text)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table(t) => {
                let mut lines: Vec<String> =
                    t.header_row().map(|h| h.join(" | ")).into_iter().collect();
                lines.extend(t.rows.iter().map(|r| {
                    r.iter()
                        .map(Cell::plain_text)
                        .collect::<Vec<_>>()
                        .join(" | ")
                }));
                lines.join("\n")
            }
            Block::Figure(f) => f.caption.text.clone(),
            Block::Beside { columns, .. } => columns
                .iter()
                .flatten()
                .map(Block::plain_text)
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Source { text } => text.clone(),
            Block::Formula { formula } => formula.text.clone(),
            Block::Colophon { title, facts } => std::iter::once(title.clone())
                .chain(
                    facts
                        .iter()
                        .map(|f| format!("{} {}", f.label, f.regels.join(" "))),
                )
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Align {
    #[serde(rename = "links")]
    Left,
    #[serde(rename = "rechts")]
    Right,
}

/// A caption: "Tabel 3: Acties van het thema Leren". Its text is set
/// where the table or figure is composed; the word, the number and the
/// whole line are set by [`number_tables_and_figures`], counted over the
/// whole document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Caption {
    /// `Tabel` or `Figuur`.
    pub label: String,
    #[serde(rename = "nummer")]
    pub number: u32,
    /// Between the number and the text: `: `.
    #[serde(rename = "scheiding")]
    pub separator: String,
    #[serde(rename = "tekst")]
    pub text: String,
    /// The whole caption, `Tabel 3: Acties van het thema Leren`.
    #[serde(rename = "volledig")]
    pub full: String,
}

impl Caption {
    /// A caption of `text`, to be numbered.
    pub fn of(text: impl Into<String>) -> Self {
        Caption {
            text: text.into(),
            ..Caption::default()
        }
    }
}

/// A column of a table: its header, alignment and how it takes its width.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub align: Align,
    /// Its share of the width that the wrapping columns share.
    pub share: f32,
    /// As wide as its widest cell and never wrapped (statuses, numbers,
    /// years, short labels); the other columns share what is left. A table
    /// whose columns all fit is as wide as its content, not stretched
    /// across the page.
    pub fit: bool,
    /// In points at the table's text size, measured when the table is
    /// made ([`Table::new`]): the widest cell on one line, and the longest
    /// word; without the cells' padding, which each format adds.
    pub natural: f32,
    pub longest_word: f32,
}

impl Column {
    /// A column whose cells wrap, with its share of the width.
    pub fn wrapping(header: impl Into<String>, share: f32) -> Self {
        Column {
            header: header.into(),
            align: Align::Left,
            share,
            fit: false,
            natural: 0.0,
            longest_word: 0.0,
        }
    }

    /// A column as wide as its widest cell, never wrapped; `share` is its
    /// share when the page is too narrow for it.
    pub fn fitting(header: impl Into<String>, share: f32) -> Self {
        Column {
            fit: true,
            ..Self::wrapping(header, share)
        }
    }

    /// The same column, its cells aligned to the right (numbers).
    pub fn right(self) -> Self {
        Column {
            align: Align::Right,
            ..self
        }
    }
}

/// A table: caption, columns and rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// Shown above the table.
    pub caption: Caption,
    /// Its name for links and cross-references: `tabel-3`.
    pub anchor: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether its rows, wrapped as the page's width wraps them, are
    /// probably too high for one page ([`Table::on_page`]): then it may
    /// break, however few its rows.
    pub too_high: bool,
    /// Whether the first cell of each row is that row's header (a table
    /// of names and values: the key figures). Such a table shows no
    /// header row; its columns' headers stay in the model for the open
    /// data and for a format that cannot mark a row's header.
    pub row_headers: bool,
}

impl Table {
    /// A table of `columns` and `rows` under `caption`, its columns
    /// measured at the tables' text size (`text_pt`).
    pub fn new(
        caption: Caption,
        columns: Vec<Column>,
        rows: Vec<Vec<Cell>>,
        text_pt: f32,
        fonts: &crate::fonts::house::HouseFonts,
    ) -> Self {
        let mut t = Table {
            caption,
            anchor: String::new(),
            columns,
            rows,
            too_high: false,
            row_headers: false,
        };
        t.measure(text_pt, fonts);
        t
    }

    /// The same table as names and values: the first cell of each row is
    /// its header, and no header row is shown ([`Table::row_headers`]), so
    /// the columns are measured again without their headers.
    pub fn headed_by_rows(mut self, text_pt: f32, fonts: &crate::fonts::house::HouseFonts) -> Self {
        self.row_headers = true;
        self.measure(text_pt, fonts);
        self
    }

    /// The widest cell and longest word of each column.
    fn measure(&mut self, text_pt: f32, fonts: &crate::fonts::house::HouseFonts) {
        let (natural, words) = table_measure::columns(self, text_pt, fonts);
        for ((c, n), w) in self.columns.iter_mut().zip(natural).zip(words) {
            c.natural = n;
            c.longest_word = w;
        }
    }

    /// The headers of the columns as a row shows them: none when the rows
    /// are headed by their first cells.
    pub fn header_row(&self) -> Option<Vec<&str>> {
        (!self.row_headers).then(|| self.header().collect())
    }

    /// The table on a page whose text column is `width` by `height`
    /// points: its wrapping columns share the width where it saves lines
    /// ([`table_measure::balanced_shares`]), and its height is estimated from its lines as the columns wrap
    /// them ([`table_measure::height`]), so that a short table with very
    /// high rows is not kept on one page it cannot fit (a block that does
    /// not break would run off the page).
    pub fn on_page(
        mut self,
        width: f32,
        height: f32,
        text_pt: f32,
        fonts: &crate::fonts::house::HouseFonts,
    ) -> Self {
        if let Some(shares) = table_measure::balanced_shares(&self, width, text_pt, fonts) {
            for (c, share) in self.columns.iter_mut().zip(shares) {
                c.share = share;
            }
        }
        self.too_high = table_measure::height(&self, width, text_pt, fonts) > 0.85 * height;
        self
    }

    /// The headers of the columns.
    pub fn header(&self) -> impl Iterator<Item = &str> {
        self.columns.iter().map(|c| c.header.as_str())
    }

    /// Whether the table stays on one page with its caption: a short one
    /// does. A long one, one with notes in its cells, or one whose rows are
    /// too high for a page, may break, but never with fewer than two rows
    /// on either side.
    pub fn keep_together(&self) -> bool {
        self.fits_a_page() && self.rows.iter().flatten().all(|c| c.note.is_none())
    }

    /// Whether the table is short enough to stand on one page with its
    /// caption: at most [`KEEP_TOGETHER_ROWS`] rows, not too high. A format
    /// that cannot keep two rows on either side of a page break (the ODT)
    /// keeps such a table whole, also one with notes.
    pub fn fits_a_page(&self) -> bool {
        self.rows.len() <= KEEP_TOGETHER_ROWS && !self.too_high
    }
}

/// A table of at most this many rows stays on one page.
pub const KEEP_TOGETHER_ROWS: usize = 12;

/// The templates see a table's columns as lists side by side (`header`,
/// `align`, `widths`, `fit`, `natural`, `longest_word`).
impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &self.columns;
        let mut t = s.serialize_struct("Table", 11)?;
        t.serialize_field("bijschrift", &self.caption)?;
        t.serialize_field("anker", &self.anchor)?;
        t.serialize_field("koppen", &c.iter().map(|c| &c.header).collect::<Vec<_>>())?;
        t.serialize_field("uitlijning", &c.iter().map(|c| c.align).collect::<Vec<_>>())?;
        t.serialize_field("breedtes", &c.iter().map(|c| c.share).collect::<Vec<_>>())?;
        t.serialize_field("passend", &c.iter().map(|c| c.fit).collect::<Vec<_>>())?;
        t.serialize_field(
            "natuurlijk",
            &c.iter().map(|c| c.natural).collect::<Vec<_>>(),
        )?;
        t.serialize_field(
            "langste_woord",
            &c.iter().map(|c| c.longest_word).collect::<Vec<_>>(),
        )?;
        t.serialize_field("rijen", &self.rows)?;
        t.serialize_field("bijeen", &self.keep_together())?;
        t.serialize_field("rijkoppen", &self.row_headers)?;
        t.end()
    }
}

/// A table cell: a first line and optional smaller lines below it.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    #[serde(rename = "inhoud")]
    pub content: Vec<Inline>,
    /// Extra explanation under the content, in a smaller style.
    #[serde(rename = "toelichting")]
    pub note: Option<Vec<Inline>>,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Self {
            content: vec![Inline::text(s)],
            note: None,
        }
    }

    pub fn inlines(content: Vec<Inline>) -> Self {
        Self {
            content,
            note: None,
        }
    }

    pub fn plain_text(&self) -> String {
        let mut s = inlines_text(&self.content);
        if let Some(n) = &self.note {
            s.push(' ');
            s.push_str(&inlines_text(n));
        }
        s
    }
}

/// A chart in the text: the chart itself (its drawing, alternative text
/// and file), its numbered caption and its width.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The chart, shared with the report's chart set.
    pub chart: std::sync::Arc<charts::Chart>,
    /// Shown below the chart: the chart's caption, numbered.
    pub caption: Caption,
    /// Its name for links and cross-references: `figuur-2`.
    pub anchor: String,
    /// Width as a fraction of its container: the text width, or its
    /// column of a [`Block::Beside`].
    pub width: f32,
    /// Whether it may float to the top of a later page while the text
    /// after it fills this one (the overview); a figure of an indicator
    /// stays with its text.
    pub float: bool,
}

/// The templates see a figure as the chart's id, its file's path, the
/// caption, the anchor, the chart's alternative text and the width.
impl Serialize for Figure {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut f = s.serialize_struct("Figure", 7)?;
        f.serialize_field("grafiek", &self.chart.id)?;
        f.serialize_field("pad", &self.chart.path())?;
        f.serialize_field("bijschrift", &self.caption)?;
        f.serialize_field("anker", &self.anchor)?;
        f.serialize_field("alt", &self.chart.alt)?;
        f.serialize_field("breedte", &self.width)?;
        f.serialize_field("mag_zweven", &self.float)?;
        f.end()
    }
}

/// Inline text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "soort", rename_all = "snake_case")]
pub enum Inline {
    #[serde(rename = "tekst")]
    Text {
        #[serde(rename = "tekst")]
        text: String,
    },
    #[serde(rename = "vet")]
    Strong {
        #[serde(rename = "inhoud")]
        content: Vec<Inline>,
    },
    #[serde(rename = "nadruk")]
    Emph {
        #[serde(rename = "inhoud")]
        content: Vec<Inline>,
    },
    #[serde(rename = "link")]
    Link {
        url: String,
        #[serde(rename = "inhoud")]
        content: Vec<Inline>,
    },
    #[serde(rename = "regeleinde")]
    LineBreak,
    /// A status word; `key` selects the colour, `label` is always printed.
    #[serde(rename = "status")]
    Status {
        #[serde(rename = "sleutel")]
        key: String,
        label: String,
    },
    /// A reference to a table, a figure or an appendix that a fixed text
    /// names ([`references`]): the target's anchor and what it is called
    /// (`Tabel 14`), set once the document is numbered.
    #[serde(rename = "verwijzing")]
    Reference {
        #[serde(rename = "doel")]
        target: references::Target,
        #[serde(rename = "anker")]
        anchor: String,
        #[serde(rename = "inhoud")]
        content: Vec<Inline>,
        /// For a chapter or section, the word before its number
        /// (`paragraaf`), which `content` starts with: the DOCX shows the
        /// number from Word's own heading numbering.
        #[serde(rename = "woord")]
        word: Option<String>,
    },
    /// A formula of a fixed text ([`formula`]): mathematics in the PDF,
    /// text with sub- and superscripts elsewhere.
    #[serde(rename = "formule")]
    Formula {
        #[serde(rename = "formule")]
        formula: formula::Formula,
    },
    /// A name joined by a hyphen in a table cell (`Jet-Net`, `S-BB`),
    /// which a line never breaks inside: its column is measured to hold it
    /// whole ([`keep_compounds_whole`]).
    #[serde(rename = "heel")]
    Whole {
        #[serde(rename = "tekst")]
        text: String,
    },
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Self {
        Inline::Text { text: s.into() }
    }

    pub fn strong(s: impl Into<String>) -> Self {
        Inline::Strong {
            content: vec![Inline::text(s)],
        }
    }

    pub fn emph(s: impl Into<String>) -> Self {
        Inline::Emph {
            content: vec![Inline::text(s)],
        }
    }

    pub(crate) fn with_children(self, children: Vec<Inline>) -> Self {
        match self {
            Inline::Strong { .. } => Inline::Strong { content: children },
            Inline::Emph { .. } => Inline::Emph { content: children },
            Inline::Link { url, .. } => Inline::Link {
                url,
                content: children,
            },
            other => other,
        }
    }
}

/// Text of inlines without markup.
pub fn inlines_text(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text { text } => text.clone(),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. }
            | Inline::Reference { content, .. } => inlines_text(content),
            Inline::LineBreak => " ".into(),
            Inline::Status { label, .. } => label.clone(),
            Inline::Formula { formula } => formula.text.clone(),
            Inline::Whole { text } => text.clone(),
        })
        .collect()
}

/// The last decisions of a composed document, which need all of it: the
/// numbers of tables and figures, the widths of table columns, and whether
/// the report has words too long for a line.
pub fn lay_out(document: &mut Document) {
    number_tables_and_figures(&mut document.blocks, &document.meta.labels);
    document.meta.long_words = has_long_words(&document.blocks);
    keep_compounds_whole(&mut document.blocks);
}

/// In every table cell, each name joined by a hyphen before a capital
/// (`Jet-Net`, `Jet-Net-scholen`, `S-BB`, `Noord-Nederland`) becomes one
/// [`Inline::Whole`]: the columns are at least as wide as their longest
/// word, so a line breaks between words, never inside a name. Other
/// compounds (`pps-initiatieven`) may break after their hyphen, as Dutch
/// typesetting allows; a word of [`LONG_WORD`] letters or more may break.
pub fn keep_compounds_whole(blocks: &mut [Block]) {
    fn inlines(items: &mut Vec<Inline>) {
        let mut out = Vec::with_capacity(items.len());
        for item in items.drain(..) {
            match item {
                Inline::Text { text } => out.extend(split_compounds(&text)),
                Inline::Strong { mut content } => {
                    inlines(&mut content);
                    out.push(Inline::Strong { content });
                }
                Inline::Emph { mut content } => {
                    inlines(&mut content);
                    out.push(Inline::Emph { content });
                }
                other => out.push(other),
            }
        }
        *items = out;
    }
    for b in blocks {
        match b {
            Block::Table(t) => {
                for c in t.rows.iter_mut().flatten() {
                    inlines(&mut c.content);
                    if let Some(n) = &mut c.note {
                        inlines(n);
                    }
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    keep_compounds_whole(item);
                }
            }
            Block::Beside { columns, .. } => {
                for column in columns {
                    keep_compounds_whole(column);
                }
            }
            _ => {}
        }
    }
}

/// `text` as text and [`Inline::Whole`] words ([`keep_compounds_whole`]).
fn split_compounds(text: &str) -> Vec<Inline> {
    let chars: Vec<char> = text.chars().collect();
    let part = |c: char| c.is_alphanumeric() || c == '&';
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    while i < chars.len() {
        if part(chars[i]) && (i == 0 || !part(chars[i - 1])) {
            // A word: letters, digits and `&`, joined by single hyphens.
            let mut end = i;
            let mut joined = false;
            while end < chars.len() && part(chars[end]) {
                end += 1;
                if end + 1 < chars.len() && chars[end] == '-' && part(chars[end + 1]) {
                    // A name: a capital after the hyphen (Jet-Net, S-BB).
                    joined |= chars[end + 1].is_uppercase();
                    end += 1;
                }
            }
            let word: String = chars[i..end].iter().collect();
            if joined && !is_long(&word) && word.chars().count() < LONG_WORD {
                if !plain.is_empty() {
                    out.push(Inline::text(std::mem::take(&mut plain)));
                }
                out.push(Inline::Whole { text: word });
            } else {
                plain.push_str(&word);
            }
            i = end;
        } else {
            plain.push(chars[i]);
            i += 1;
        }
    }
    if !plain.is_empty() {
        out.push(Inline::text(plain));
    }
    out
}

/// A word of this many letters or digits may need to be broken.
pub const LONG_WORD: usize = 30;

fn is_long(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().count() >= LONG_WORD)
}

fn has_long_words(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Table(t) => {
            t.header().any(is_long)
                || is_long(&t.caption.text)
                || t.rows.iter().flatten().any(|c| is_long(&c.plain_text()))
        }
        Block::List { items, .. } => items.iter().any(|i| has_long_words(i)),
        Block::Beside { columns, .. } => columns.iter().any(|c| has_long_words(c)),
        other => is_long(&other.plain_text()),
    })
}

/// Number every table and every figure in document order (lists
/// included) and compose their captions and anchors, so that each format
/// prints the same "Tabel N: ..." and "Figuur N: ...".
pub fn number_tables_and_figures(blocks: &mut [Block], labels: &Labels) {
    fn compose(c: &mut Caption, label: &str, number: u32) {
        c.label = label.to_string();
        c.number = number;
        c.separator = ": ".into();
        c.full = format!("{label} {number}{}{}", c.separator, c.text);
    }
    fn walk(blocks: &mut [Block], labels: &Labels, tables: &mut u32, figures: &mut u32) {
        for b in blocks {
            match b {
                Block::Table(t) => {
                    *tables += 1;
                    compose(&mut t.caption, &labels.tabel, *tables);
                    t.anchor = format!("tabel-{tables}");
                }
                Block::Figure(f) => {
                    *figures += 1;
                    compose(&mut f.caption, &labels.figuur, *figures);
                    f.anchor = format!("figuur-{figures}");
                }
                Block::List { items, .. } => {
                    for item in items {
                        walk(item, labels, tables, figures);
                    }
                }
                Block::Beside { columns, .. } => {
                    for column in columns {
                        walk(column, labels, tables, figures);
                    }
                }
                _ => {}
            }
        }
    }
    walk(blocks, labels, &mut 0, &mut 0);
}

impl Meta {
    /// The keywords as one line, for the formats that keep them as one
    /// text (the DOCX's properties, the web page's `keywords`): separated
    /// by commas, as the PDF writes them.
    pub fn keywords_line(&self) -> String {
        self.trefwoorden.join(", ")
    }
}

#[cfg(test)]
mod compound_tests {
    use super::*;

    #[test]
    fn a_name_joined_by_a_hyphen_is_whole_and_the_rest_is_text() {
        assert_eq!(
            split_compounds("Jet-Net-scholen in Noord-Nederland (vmbo-t, S-BB), W&T-communities"),
            vec![
                Inline::Whole {
                    text: "Jet-Net-scholen".into()
                },
                Inline::text(" in "),
                Inline::Whole {
                    text: "Noord-Nederland".into()
                },
                Inline::text(" (vmbo-t, "),
                Inline::Whole {
                    text: "S-BB".into()
                },
                Inline::text("), W&T-communities"),
            ]
        );
    }

    #[test]
    fn a_lone_hyphen_a_dash_and_a_long_word_stay_text() {
        for text in [
            "2014 - 2016",
            "A-Bcdefghijklmnopqrstuvwxyzabcdefgh",
            "Mbo-",
            "vmbo- en mbo-scholen",
        ] {
            assert_eq!(split_compounds(text), vec![Inline::text(text)]);
        }
    }
}
