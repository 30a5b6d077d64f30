//! The format-neutral document model: what the report says, in order.
//!
//! [`build::build`] turns analysed data into a [`Document`], with the fixed
//! words of [`texts`], the charts of [`charts`] in the house style of
//! [`house_style`] and numbers from [`crate::format_nl`]; the renderers (PDF, DOCX,
//! HTML) only decide how it looks. The model is serialised to JSON for the
//! Typst template, so user text reaches Typst as data.

pub mod build;
pub mod charts;
pub mod house_style;
pub mod markdown;
pub mod table_measure;
pub mod texts;

use serde::Serialize;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub meta: Meta,
    pub blocks: Vec<Block>,
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
    /// The keywords in the file's properties.
    pub trefwoorden: Vec<String>,
    pub titel: String,
    pub ondertitel: Option<String>,
    pub landsdeel: String,
    pub verslagjaar: i32,
    /// In words: `15 maart 2017`.
    pub publicatiedatum: String,
    /// ISO form, for document metadata.
    pub publicatiedatum_iso: String,
    pub versie: Option<String>,
    pub opsteller: Option<String>,
    pub organisaties: Vec<String>,
    /// Whether every page carries the CONCEPT mark.
    pub concept: bool,
    /// Whether any text of the report has a word of 30 letters or more
    /// (set by [`lay_out`]): such a report may hyphenate, so that no word
    /// runs past its line, cell or page.
    pub long_words: bool,
    /// `concept` or `definitief`.
    pub status: String,
    /// Virtual path of the logo (`logo.png` or `logo.svg`), when given.
    pub logo: Option<String>,
    /// Text of the running header.
    pub kopregel: String,
    /// The line above the title on the title page.
    pub titelpagina_kop: String,
    /// `Verslagjaar 2016`, under the title.
    pub verslagjaar_tekst: String,
    /// The facts on the title page as `(label, lines)`.
    pub titelpagina: Vec<(String, Vec<String>)>,
    /// Labels for page numbers, table of contents and the draft mark.
    pub labels: Labels,
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

/// A block of the document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// Where the table of contents goes.
    Toc,
    Heading {
        level: u8,
        /// The section number ("2", "2.3"), counted here so that both formats
        /// print the same one and Typst need not count headings itself (its
        /// counters would cost the PDF an extra layout pass).
        number: String,
        text: String,
        /// The heading's name for links: its number and words
        /// (`4-2-vmbo-mbo`, [`heading_anchor`]); the PDF's label and named
        /// destination and the web page's id.
        anchor: String,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Block>>,
    },
    Table(Table),
    Figure(Figure),
}

/// The anchor of a heading: its number and words, `4-2-vmbo-mbo`. Unique
/// because the number is, and stable while the chapter keeps its place, so
/// that `rapport.html#4-2-vmbo-mbo` keeps working next year.
pub fn heading_anchor(number: &str, text: &str) -> String {
    let words = slug::slugify(text);
    let number = number.replace('.', "-");
    if words.is_empty() {
        format!("h{number}")
    } else {
        format!("{number}-{words}")
    }
}

impl Block {
    /// The block's text without markup, for tests and comparisons.
    pub fn plain_text(&self) -> String {
        match self {
            Block::Toc => String::new(),
            Block::Heading { text, .. } => text.clone(),
            Block::Paragraph { content } => inlines_text(content),
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
                let mut lines = vec![t.header.join(" | ")];
                lines.extend(t.rows.iter().map(|r| {
                    r.iter()
                        .map(Cell::plain_text)
                        .collect::<Vec<_>>()
                        .join(" | ")
                }));
                lines.join("\n")
            }
            Block::Figure(f) => f.caption.clone(),
        }
    }
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Right,
}

/// A table with one header row.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// "Tabel N": counted over the whole document, set by [`number_tables_and_figures`].
    pub number: u32,
    /// Caption, shown above the table.
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub align: Vec<Align>,
    /// Relative column widths of the columns that share the width.
    pub widths: Vec<f32>,
    /// Per column: as wide as its widest cell and never wrapped (statuses,
    /// numbers, years, short labels); the other columns share what is left
    /// by `widths`. A table whose columns all fit is as wide as its
    /// content, not stretched across the page.
    pub fit: Vec<bool>,
    /// Per column, in points at the table's text size (set by
    /// [`lay_out`]): the width of its widest cell on one line, and of its
    /// longest word; without the cells' padding, which each format adds.
    pub natural: Vec<f32>,
    pub longest_word: Vec<f32>,
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell: a first line and optional smaller lines below it.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub content: Vec<Inline>,
    /// Extra explanation under the content, in a smaller style.
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

/// A chart with its caption and alternative text.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// "Figuur N": counted over the whole document, set by [`number_tables_and_figures`].
    pub number: u32,
    /// Id of the chart in the shared chart set.
    pub chart: String,
    /// Path of the SVG, relative to the output folder (`grafieken/x.svg`).
    pub path: String,
    pub caption: String,
    /// Dutch description that states the chart's data.
    pub alt: String,
    /// Width as a fraction of the text width.
    pub width: f32,
}

/// Inline text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    Text {
        text: String,
    },
    Strong {
        content: Vec<Inline>,
    },
    Emph {
        content: Vec<Inline>,
    },
    Link {
        url: String,
        content: Vec<Inline>,
    },
    LineBreak,
    /// A status word; `key` selects the colour, `label` is always printed.
    Status {
        key: String,
        label: String,
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
            | Inline::Link { content, .. } => inlines_text(content),
            Inline::LineBreak => " ".into(),
            Inline::Status { label, .. } => label.clone(),
        })
        .collect()
}

/// The last decisions of a composed document, which need all of it: the
/// numbers of tables and figures, the widths of table columns, and whether
/// the report has words too long for a line.
pub fn lay_out(document: &mut Document, table_text_pt: f32) {
    number_tables_and_figures(&mut document.blocks);
    measure_tables(&mut document.blocks, table_text_pt);
    document.meta.long_words = has_long_words(&document.blocks);
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
            t.header.iter().any(|h| is_long(h))
                || t.caption.as_deref().is_some_and(is_long)
                || t.rows.iter().flatten().any(|c| is_long(&c.plain_text()))
        }
        Block::List { items, .. } => items.iter().any(|i| has_long_words(i)),
        other => is_long(&other.plain_text()),
    })
}

/// The natural width and the longest word of every table column.
fn measure_tables(blocks: &mut [Block], size: f32) {
    for b in blocks {
        match b {
            Block::Table(t) => {
                let (natural, word) = table_measure::columns(t, size);
                t.natural = natural;
                t.longest_word = word;
            }
            Block::List { items, .. } => {
                for item in items {
                    measure_tables(item, size);
                }
            }
            _ => {}
        }
    }
}

/// Number every table and every figure in document order (lists
/// included), so that each format prints the same "Tabel N" and "Figuur N".
pub fn number_tables_and_figures(blocks: &mut [Block]) {
    fn walk(blocks: &mut [Block], tables: &mut u32, figures: &mut u32) {
        for b in blocks {
            match b {
                Block::Table(t) => {
                    *tables += 1;
                    t.number = *tables;
                }
                Block::Figure(f) => {
                    *figures += 1;
                    f.number = *figures;
                }
                Block::List { items, .. } => {
                    for item in items {
                        walk(item, tables, figures);
                    }
                }
                _ => {}
            }
        }
    }
    walk(blocks, &mut 0, &mut 0);
}

impl Document {
    /// Every heading as `(level, text)`, in order.
    pub fn headings(&self) -> Vec<(u8, String)> {
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text, .. } => Some((*level, text.clone())),
                _ => None,
            })
            .collect()
    }
}
