//! `content.xml` of the ODT: every block of the model in its style. The
//! headings take the outline numbering (never a typed number), captions
//! count with sequence fields (`Tabel`, `Figuur`, and `Bijlage` in
//! letters), references are sequence and bookmark references that
//! LibreOffice updates, the contents is a table of contents LibreOffice
//! fills, tables repeat their header row, and every picture is an SVG with
//! a PNG in the same frame and its alternative text.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::document::formula::{self, MathPart, Setting};
use crate::document::{Block, Caption, Fact, Figure, Inline, Table, TitleItem, TocEntry};
use crate::render::RenderContext;
use crate::render::raster::Picture;
use crate::render::table_columns;
use crate::render::xml::Xml;

use super::names::*;

/// Twips in a centimetre.
const TWIPS_PER_CM: f64 = 1440.0 / 2.54;
/// A figure's caption and a source line at the end of a column of blocks
/// side by side: no space below them.
const CAPTION_IN_COLUMN: &str = "P_bijschrift_kolom";
const SOURCE_IN_COLUMN: &str = "P_bron_kolom";

/// A picture the body places: its package paths and its bytes.
pub struct Media {
    pub png_path: String,
    pub png: Arc<[u8]>,
    pub svg: Option<(String, Arc<str>)>,
}

/// The logo: its PNG, and its SVG when it is one.
pub type LogoPicture = (Arc<Picture>, Option<Arc<str>>);

/// What the body made: `content.xml` and the pictures it names.
pub struct Body {
    pub xml: String,
    pub media: Vec<Media>,
}

struct Writer<'a> {
    ctx: &'a RenderContext<'a>,
    pictures: &'a BTreeMap<String, Arc<Picture>>,
    x: Xml,
    media: Vec<Media>,
    /// The automatic styles the body needs, written before it.
    automatic: Xml,
    tables: usize,
    frames: usize,
    /// The width of the text column, in cm.
    text_width: f64,
    /// The share of the text column the current block has (in a column
    /// of a layout row, less).
    container: f64,
}

/// `content.xml` of the report.
pub fn content(
    ctx: &RenderContext,
    pictures: &BTreeMap<String, Arc<Picture>>,
    logo: Option<LogoPicture>,
    fonts: &[(String, Vec<String>)],
) -> Body {
    let p = &ctx.style.pagina;
    let mut w = Writer {
        ctx,
        pictures,
        x: Xml::fragment(),
        media: Vec::new(),
        automatic: Xml::fragment(),
        tables: 0,
        frames: 0,
        text_width: p.paper_size().0 - p.marge_links - p.marge_rechts,
        container: 1.0,
    };
    w.automatic_basics();
    w.sequence_decls();
    w.title_page(logo);
    for b in &ctx.document.blocks {
        w.block(b);
    }
    let mut x = Xml::part();
    x.open("office:document-content", &super::super::root_attrs());
    super::styles::font_faces(&mut x, fonts);
    x.open("office:automatic-styles", &[]);
    x.raw(&std::mem::take(&mut w.automatic).finish());
    x.close("office:automatic-styles");
    x.open("office:body", &[]);
    x.open("office:text", &[]);
    x.raw(&std::mem::take(&mut w.x).finish());
    x.close("office:text");
    x.close("office:body");
    x.close("office:document-content");
    Body {
        xml: x.finish(),
        media: w.media,
    }
}

fn cm(v: f64) -> String {
    format!("{v:.3}cm")
}

/// The automatic styles of a paragraph that stays with the block after it.
const KEEP_BODY: &str = "P_bij_volgende";
const KEEP_LIST: &str = "P_lijst_bij_volgende";

impl Writer<'_> {
    /// The automatic styles every report uses: a heading that starts a
    /// page, sub- and superscripts, the status colours, the table cells.
    fn automatic_basics(&mut self) {
        let a = &mut self.automatic;
        for level in 1..=2u8 {
            let name = format!("P_nieuw_{level}");
            a.open(
                "style:style",
                &[
                    ("style:name", &name),
                    ("style:family", "paragraph"),
                    ("style:parent-style-name", &heading(level)),
                ],
            );
            a.empty("style:paragraph-properties", &[("fo:break-before", "page")]);
            a.close("style:style");
        }
        // A figure's caption, under it: it keeps with the figure, not with
        // what follows.
        a.open(
            "style:style",
            &[
                ("style:name", "P_bijschrift_onder"),
                ("style:family", "paragraph"),
                ("style:parent-style-name", CAPTION),
            ],
        );
        a.empty(
            "style:paragraph-properties",
            &[("fo:keep-with-next", "auto"), ("fo:margin-top", "0.1cm")],
        );
        a.close("style:style");
        // The last line of a column of blocks side by side (a figure's
        // caption, a source): no space below it inside the column, as in
        // the PDF; the layout table has its own.
        for (name, parent, extra) in [
            (CAPTION_IN_COLUMN, CAPTION, Some(("fo:margin-top", "0.1cm"))),
            (SOURCE_IN_COLUMN, SOURCE, None),
        ] {
            a.open(
                "style:style",
                &[
                    ("style:name", name),
                    ("style:family", "paragraph"),
                    ("style:parent-style-name", parent),
                ],
            );
            let mut props = vec![("fo:keep-with-next", "auto"), ("fo:margin-bottom", "0cm")];
            props.extend(extra);
            a.empty("style:paragraph-properties", &props);
            a.close("style:style");
        }
        // A paragraph that introduces the block after it stays on its page.
        for (name, parent) in [(KEEP_BODY, TEXT_BODY), (KEEP_LIST, LIST_PARAGRAPH)] {
            a.open(
                "style:style",
                &[
                    ("style:name", name),
                    ("style:family", "paragraph"),
                    ("style:parent-style-name", parent),
                ],
            );
            a.empty(
                "style:paragraph-properties",
                &[("fo:keep-with-next", "always")],
            );
            a.close("style:style");
        }
        a.open(
            "style:style",
            &[
                ("style:name", "P_titelpagina_eind"),
                ("style:family", "paragraph"),
                ("style:parent-style-name", TEXT_BODY),
            ],
        );
        a.empty("style:paragraph-properties", &[("fo:break-after", "page")]);
        a.close("style:style");
        for (name, position) in [("T_onder", "sub 58%"), ("T_boven", "super 58%")] {
            a.open(
                "style:style",
                &[("style:name", name), ("style:family", "text")],
            );
            a.empty(
                "style:text-properties",
                &[("style:text-position", position)],
            );
            a.close("style:style");
        }
        a.open(
            "style:style",
            &[("style:name", "T_cursief"), ("style:family", "text")],
        );
        a.empty("style:text-properties", &[("fo:font-style", "italic")]);
        a.close("style:style");
        for (key, colour) in &self.ctx.style.statuskleuren {
            a.open(
                "style:style",
                &[
                    ("style:name", &format!("T_status_{key}")),
                    ("style:family", "text"),
                ],
            );
            a.empty(
                "style:text-properties",
                &[("fo:color", &format!("#{}", colour.hex()))],
            );
            a.close("style:style");
        }
        let k = &self.ctx.style.kleuren;
        let line = format!("0.5pt solid #{}", k.lijn.hex());
        let head_line = format!("1pt solid #{}", k.hoofdkleur.hex());
        for (name, fill, top, bottom) in [
            (
                HEADER_CELL,
                Some(k.tabelkop.hex()),
                "none",
                head_line.as_str(),
            ),
            (BODY_CELL, None, "none", line.as_str()),
            (FIRST_ROW_CELL, None, head_line.as_str(), line.as_str()),
        ] {
            a.open(
                "style:style",
                &[("style:name", name), ("style:family", "table-cell")],
            );
            let fill = fill.map(|f| format!("#{f}"));
            let mut attrs = vec![
                ("fo:padding-left", "0.19cm"),
                ("fo:padding-right", "0.19cm"),
                ("fo:padding-top", "0cm"),
                ("fo:padding-bottom", "0cm"),
                ("fo:border-left", "none"),
                ("fo:border-right", "none"),
                ("fo:border-top", top),
                ("fo:border-bottom", bottom),
                ("style:vertical-align", "middle"),
            ];
            if let Some(f) = &fill {
                attrs.push(("fo:background-color", f));
            }
            a.empty("style:table-cell-properties", &attrs);
            a.close("style:style");
        }
        a.open(
            "style:style",
            &[("style:name", LAYOUT_CELL), ("style:family", "table-cell")],
        );
        a.empty(
            "style:table-cell-properties",
            &[
                ("fo:padding", "0cm"),
                ("fo:border", "none"),
                ("style:vertical-align", "top"),
            ],
        );
        a.close("style:style");
        a.open(
            "style:style",
            &[
                ("style:name", "P_rechts"),
                ("style:family", "paragraph"),
                ("style:parent-style-name", TABLE_TEXT),
            ],
        );
        a.empty("style:paragraph-properties", &[("fo:text-align", "end")]);
        a.close("style:style");
        a.open(
            "style:style",
            &[
                ("style:name", "P_kop_rechts"),
                ("style:family", "paragraph"),
                ("style:parent-style-name", TABLE_HEADING),
            ],
        );
        a.empty("style:paragraph-properties", &[("fo:text-align", "end")]);
        a.close("style:style");
        a.open(
            "style:style",
            &[("style:name", "fr_beeld"), ("style:family", "graphic")],
        );
        a.empty(
            "style:graphic-properties",
            &[
                ("style:wrap", "none"),
                ("style:vertical-pos", "top"),
                ("style:vertical-rel", "baseline"),
                ("style:horizontal-pos", "left"),
                ("style:horizontal-rel", "paragraph"),
                ("fo:border", "none"),
                ("fo:padding", "0cm"),
            ],
        );
        a.close("style:style");
    }

    /// The counters of the captions and appendices.
    fn sequence_decls(&mut self) {
        let labels = &self.ctx.document.meta.labels;
        // The appendices' word, as their headings name it.
        let appendix = self
            .ctx
            .document
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading {
                    appendix: Some(a), ..
                } => Some(a.word.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "Bijlage".into());
        self.x.open("text:sequence-decls", &[]);
        for name in [&labels.tabel, &labels.figuur, &appendix] {
            self.x.empty(
                "text:sequence-decl",
                &[("text:display-outline-level", "0"), ("text:name", name)],
            );
        }
        self.x.close("text:sequence-decls");
    }

    fn paragraph_text(&mut self, style: &str, text: &str) {
        self.x.open("text:p", &[("text:style-name", style)]);
        self.x.text(text);
        self.x.close("text:p");
    }

    fn lines(&mut self, lines: &[String]) {
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.x.empty("text:line-break", &[]);
            }
            self.x.text(line);
        }
    }

    fn title_page(&mut self, logo: Option<LogoPicture>) {
        let mut logo = logo;
        for item in &self.ctx.document.meta.titelpagina {
            match item {
                TitleItem::Overline { tekst } => self.paragraph_text(OVERLINE, tekst),
                TitleItem::Title { tekst } => self.paragraph_text(TITLE, tekst),
                TitleItem::Year { tekst } => self.paragraph_text(REPORT_YEAR, tekst),
                TitleItem::Subtitle { tekst } => self.paragraph_text(SUBTITLE, tekst),
                TitleItem::DraftMark { tekst } => self.paragraph_text(DRAFT_MARK, tekst),
                TitleItem::Organisation { regels } => {
                    self.x.open("text:p", &[("text:style-name", ORGANISATION)]);
                    self.lines(regels);
                    self.x.close("text:p");
                }
                TitleItem::Logo { alt, .. } => {
                    if let Some((picture, svg)) = logo.take() {
                        self.x.open("text:p", &[("text:style-name", FIGURE)]);
                        self.frame("logo", picture, svg, alt, alt, 5.0);
                        self.x.close("text:p");
                    }
                }
            }
        }
        // The report begins on the next page.
        self.x
            .empty("text:p", &[("text:style-name", "P_titelpagina_eind")]);
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Toc {
                title,
                depth,
                entries,
            } => self.toc(title, *depth, entries),
            Block::Heading {
                level,
                text,
                anchor,
                appendix,
                new_page,
                ..
            } => {
                let level = (*level).max(1);
                let style = if *new_page && level <= 2 {
                    format!("P_nieuw_{level}")
                } else {
                    heading(level)
                };
                let l = level.to_string();
                let unnumbered = appendix.is_some();
                let mut attrs = vec![
                    ("text:style-name", style.as_str()),
                    ("text:outline-level", l.as_str()),
                ];
                if unnumbered {
                    attrs.push(("text:is-list-header", "true"));
                }
                self.x.open("text:h", &attrs);
                self.x
                    .empty("text:bookmark-start", &[("text:name", anchor)]);
                match appendix {
                    Some(a) => {
                        // "Bijlage" and its letter counted by a sequence,
                        // so that an inserted appendix letters the rest.
                        self.x.text(&format!("{} ", a.word));
                        self.sequence(&a.word, "A", anchor, &a.letter);
                        self.x.text(&a.rest);
                    }
                    None => self.x.text(text),
                }
                self.x.empty("text:bookmark-end", &[("text:name", anchor)]);
                self.x.close("text:h");
            }
            Block::Paragraph {
                content,
                keep_with_next,
            } => {
                let style = if *keep_with_next {
                    KEEP_BODY
                } else {
                    TEXT_BODY
                };
                self.x.open("text:p", &[("text:style-name", style)]);
                self.inlines(content);
                self.x.close("text:p");
            }
            Block::List {
                ordered,
                start,
                items,
                keep_with_next,
            } => self.list(*ordered, *start, items, *keep_with_next),
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f),
            Block::Beside { columns, widths } => self.beside(columns, widths),
            Block::Formula { formula } => {
                self.x.open("text:p", &[("text:style-name", FORMULA)]);
                self.formula(&formula.parts);
                self.x.close("text:p");
            }
            Block::Source { text } => {
                let style = if self.container < 1.0 {
                    SOURCE_IN_COLUMN
                } else {
                    SOURCE
                };
                self.paragraph_text(style, text)
            }
            Block::Colophon { title, facts } => self.colophon(title, facts),
        }
    }

    /// A sequence field: `name` counted in `format` (`1`, `A`), its
    /// current value `shown`, named `reference` for references to it.
    fn sequence(&mut self, name: &str, format: &str, reference: &str, shown: &str) {
        let formula = format!("ooow:{name}+1");
        self.x.leaf(
            "text:sequence",
            &[
                ("text:ref-name", reference),
                ("text:name", name),
                ("text:formula", &formula),
                ("style:num-format", format),
            ],
            shown,
        );
    }

    /// The contents: LibreOffice's table of contents of the headings to
    /// `depth`, with the entries of the model as its text until it is
    /// updated (their pages are not known before LibreOffice lays out the
    /// document, so the entries have none until then).
    fn toc(&mut self, title: &str, depth: u8, entries: &[TocEntry]) {
        let d = depth.to_string();
        self.x.open(
            "text:table-of-content",
            &[("text:name", "Inhoudsopgave"), ("text:protected", "true")],
        );
        self.x.open(
            "text:table-of-content-source",
            &[
                ("text:outline-level", &d),
                ("text:use-index-marks", "false"),
            ],
        );
        self.x.leaf(
            "text:index-title-template",
            &[("text:style-name", CONTENTS_HEADING)],
            title,
        );
        for level in 1..=depth {
            let l = level.to_string();
            self.x.open(
                "text:table-of-content-entry-template",
                &[
                    ("text:outline-level", &l),
                    ("text:style-name", &contents(level)),
                ],
            );
            self.x.empty("text:index-entry-link-start", &[]);
            self.x.empty("text:index-entry-chapter", &[]);
            self.x.leaf("text:index-entry-text", &[], "");
            self.x.empty("text:index-entry-link-end", &[]);
            self.x.empty(
                "text:index-entry-tab-stop",
                &[("style:type", "right"), ("style:leader-char", ".")],
            );
            self.x.empty("text:index-entry-page-number", &[]);
            self.x.close("text:table-of-content-entry-template");
        }
        self.x.close("text:table-of-content-source");
        self.x.open("text:index-body", &[]);
        self.x
            .open("text:index-title", &[("text:name", "Inhoudsopgave_Head")]);
        self.paragraph_text(CONTENTS_HEADING, title);
        self.x.close("text:index-title");
        for e in TocEntry::flat(entries) {
            self.x
                .open("text:p", &[("text:style-name", &contents(e.level))]);
            let target = format!("#{}", e.anchor);
            self.x.open(
                "text:a",
                &[("xlink:type", "simple"), ("xlink:href", &target)],
            );
            if !e.number.is_empty() {
                self.x.text(&format!("{} ", e.number));
            }
            self.x.text(&e.text);
            self.x.close("text:a");
            self.x.close("text:p");
        }
        self.x.close("text:index-body");
        self.x.close("text:table-of-content");
    }

    /// A list; with `keep`, its last item stays on the page of the block
    /// after the list.
    fn list(&mut self, ordered: bool, start: u64, items: &[Vec<Block>], keep: bool) {
        let style = if ordered { NUMBERS } else { BULLETS };
        self.x.open("text:list", &[("text:style-name", style)]);
        for (n, item) in items.iter().enumerate() {
            let last = keep && n + 1 == items.len();
            let start_value = (start + n as u64).to_string();
            if ordered && n == 0 && start != 1 {
                self.x
                    .open("text:list-item", &[("text:start-value", &start_value)]);
            } else {
                self.x.open("text:list-item", &[]);
            }
            for (i, b) in item.iter().enumerate() {
                match b {
                    Block::Paragraph {
                        content,
                        keep_with_next,
                    } => {
                        let style = if *keep_with_next || last {
                            KEEP_LIST
                        } else {
                            LIST_PARAGRAPH
                        };
                        self.x.open("text:p", &[("text:style-name", style)]);
                        self.inlines(content);
                        self.x.close("text:p");
                    }
                    Block::List {
                        ordered,
                        start,
                        items,
                        ..
                    } => self.list(*ordered, *start, items, last && i + 1 == item.len()),
                    Block::Formula { .. } => self.block(b),
                    // A table or picture is not list content in ODF: its
                    // text, as a paragraph of the item.
                    other => {
                        self.x.open("text:p", &[("text:style-name", TEXT_BODY)]);
                        self.x.text(&other.plain_text());
                        self.x.close("text:p");
                    }
                }
            }
            self.x.close("text:list-item");
        }
        self.x.close("text:list");
    }

    /// A caption, above its table or under its figure as in the PDF: its
    /// label and a sequence field in the label's style, then its text.
    fn caption(&mut self, c: &Caption, anchor: &str, style: &str) {
        self.x.open("text:p", &[("text:style-name", style)]);
        self.x
            .open("text:span", &[("text:style-name", CAPTION_LABEL)]);
        self.x.text(&format!("{} ", c.label));
        self.sequence(&c.label, "1", anchor, &c.number.to_string());
        self.x.close("text:span");
        self.x.text(&c.separator);
        self.x.text(&c.text);
        self.x.close("text:p");
    }

    /// Open the table `name`, `width` cm wide, with its style (at the text
    /// edge, `below` under it, its rows kept on one page unless
    /// `breakable`) and its columns' widths in cm.
    fn open_table(
        &mut self,
        name: &str,
        width: f64,
        below: &str,
        breakable: bool,
        columns: &[f64],
    ) {
        let a = &mut self.automatic;
        a.open(
            "style:style",
            &[("style:name", name), ("style:family", "table")],
        );
        a.empty(
            "style:table-properties",
            &[
                ("style:width", &cm(width)),
                ("table:align", "left"),
                ("fo:margin-bottom", below),
                (
                    "style:may-break-between-rows",
                    if breakable { "true" } else { "false" },
                ),
            ],
        );
        a.close("style:style");
        for (i, w) in columns.iter().enumerate() {
            a.open(
                "style:style",
                &[
                    ("style:name", &format!("{name}.K{i}")),
                    ("style:family", "table-column"),
                ],
            );
            // (A column the grid leaves no room keeps a sliver: ODF has no
            // column of width zero.)
            a.empty(
                "style:table-column-properties",
                &[("style:column-width", &cm(w.max(0.1)))],
            );
            a.close("style:style");
        }
        self.x.open(
            "table:table",
            &[("table:name", name), ("table:style-name", name)],
        );
        for i in 0..columns.len() {
            self.x.empty(
                "table:table-column",
                &[("table:style-name", &format!("{name}.K{i}"))],
            );
        }
    }

    fn table(&mut self, t: &Table) {
        self.caption(&t.caption, &t.anchor, CAPTION);
        self.tables += 1;
        let name = format!("Tabel{}", self.tables);
        let room = (self.text_width * self.container * TWIPS_PER_CM) as u32;
        let (grid, width) = table_columns::grid(t, room);
        let columns: Vec<f64> = grid.iter().map(|w| *w as f64 / TWIPS_PER_CM).collect();
        // ODF cannot keep two rows on either side of a page break (the
        // PDF's rule for a table that may break): a table that fits a page
        // stays whole, and only a longer one breaks between any rows.
        self.open_table(
            &name,
            width as f64 / TWIPS_PER_CM,
            "0.2cm",
            !t.fits_a_page(),
            &columns,
        );
        let right: Vec<bool> = t
            .columns
            .iter()
            .map(|c| c.align == crate::document::Align::Right)
            .collect();
        if !t.row_headers {
            self.table_header(t, &right);
        }
        for (r, row) in t.rows.iter().enumerate() {
            // A table without a header row has its line above the first.
            let cell_style = if t.row_headers && r == 0 {
                FIRST_ROW_CELL
            } else {
                BODY_CELL
            };
            self.x.open("table:table-row", &[]);
            for (i, cell) in row.iter().enumerate() {
                self.x.open(
                    "table:table-cell",
                    &[
                        ("table:style-name", cell_style),
                        ("office:value-type", "string"),
                    ],
                );
                let style = if t.row_headers && i == 0 {
                    TABLE_ROW_HEADING
                } else if right.get(i).copied().unwrap_or(false) {
                    "P_rechts"
                } else {
                    TABLE_TEXT
                };
                self.x.open("text:p", &[("text:style-name", style)]);
                self.inlines(&cell.content);
                self.x.close("text:p");
                if let Some(note) = &cell.note {
                    self.x.open("text:p", &[("text:style-name", TABLE_NOTE)]);
                    self.inlines(note);
                    self.x.close("text:p");
                }
                self.x.close("table:table-cell");
            }
            self.x.close("table:table-row");
        }
        self.x.close("table:table");
    }

    /// The header row of `t`, repeated on every page the table runs onto.
    fn table_header(&mut self, t: &Table, right: &[bool]) {
        self.x.open("table:table-header-rows", &[]);
        self.x.open("table:table-row", &[]);
        for (i, c) in t.columns.iter().enumerate() {
            self.x.open(
                "table:table-cell",
                &[
                    ("table:style-name", HEADER_CELL),
                    ("office:value-type", "string"),
                ],
            );
            let style = if right[i] {
                "P_kop_rechts"
            } else {
                TABLE_HEADING
            };
            self.paragraph_text(style, &c.header);
            self.x.close("table:table-cell");
        }
        self.x.close("table:table-row");
        self.x.close("table:table-header-rows");
    }

    fn figure(&mut self, f: &Figure) {
        if let Some(picture) = self.pictures.get(&f.chart.id).cloned() {
            let svg = Some(Arc::<str>::from(f.chart.svg.as_str()));
            let width = self.text_width * self.container * f64::from(f.width);
            self.x.open("text:p", &[("text:style-name", FIGURE)]);
            self.frame(
                &f.chart.id,
                picture,
                svg,
                &f.caption.full,
                &f.chart.alt,
                width,
            );
            self.x.close("text:p");
        }
        let style = if self.container < 1.0 {
            CAPTION_IN_COLUMN
        } else {
            "P_bijschrift_onder"
        };
        self.caption(&f.caption, &f.anchor, style);
    }

    /// A picture as a character in its paragraph, `width` cm wide: the SVG
    /// and, in the same frame, the PNG for a reader without SVG; its title
    /// and its alternative text.
    fn frame(
        &mut self,
        id: &str,
        picture: Arc<Picture>,
        svg: Option<Arc<str>>,
        title: &str,
        alt: &str,
        width: f64,
    ) {
        self.frames += 1;
        let n = self.frames;
        let height = width * f64::from(picture.height) / f64::from(picture.width.max(1));
        let png_path = format!("Pictures/{n:03}-{id}.png");
        let svg = svg.map(|s| (format!("Pictures/{n:03}-{id}.svg"), s));
        let name = format!("Afbeelding{n}");
        self.x.open(
            "draw:frame",
            &[
                ("draw:style-name", "fr_beeld"),
                ("draw:name", &name),
                ("text:anchor-type", "as-char"),
                ("svg:width", &cm(width)),
                ("svg:height", &cm(height)),
                ("draw:z-index", "0"),
            ],
        );
        if let Some((path, _)) = &svg {
            self.x.empty(
                "draw:image",
                &[
                    ("xlink:href", path),
                    ("xlink:type", "simple"),
                    ("xlink:show", "embed"),
                    ("xlink:actuate", "onLoad"),
                    ("draw:mime-type", "image/svg+xml"),
                ],
            );
        }
        self.x.empty(
            "draw:image",
            &[
                ("xlink:href", &png_path),
                ("xlink:type", "simple"),
                ("xlink:show", "embed"),
                ("xlink:actuate", "onLoad"),
                ("draw:mime-type", "image/png"),
            ],
        );
        self.x.leaf("svg:title", &[], title);
        self.x.leaf("svg:desc", &[], alt);
        self.x.close("draw:frame");
        self.media.push(Media {
            png_path,
            png: picture.png.clone(),
            svg,
        });
    }

    /// Blocks side by side (key figures beside a chart): a table without
    /// lines or header, a column per block.
    fn beside(&mut self, blocks: &[Vec<Block>], widths: &[f32]) {
        self.tables += 1;
        let name = format!("Naastelkaar{}", self.tables);
        let total = self.text_width * self.container;
        let sum: f32 = widths.iter().sum::<f32>().max(0.01);
        // The gap between the columns goes to the first.
        let columns: Vec<f64> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| total * f64::from(if i == 0 { 1.0 - (sum - w) } else { *w }))
            .collect();
        self.open_table(&name, total, "0.1cm", false, &columns);
        self.x.open("table:table-row", &[]);
        let outer = self.container;
        for (column, w) in blocks.iter().zip(widths) {
            self.x
                .open("table:table-cell", &[("table:style-name", LAYOUT_CELL)]);
            self.container = outer * f64::from(*w);
            for b in column {
                self.block(b);
            }
            self.x.close("table:table-cell");
        }
        self.container = outer;
        self.x.close("table:table-row");
        self.x.close("table:table");
    }

    fn colophon(&mut self, title: &str, facts: &[Fact]) {
        self.paragraph_text(COLOPHON_HEADING, title);
        for fact in facts {
            self.x.open("text:p", &[("text:style-name", COLOPHON)]);
            self.x.text(&fact.label);
            self.x.empty("text:tab", &[]);
            self.lines(&fact.regels);
            self.x.close("text:p");
        }
    }

    /// A formula on one line: variables in italics, scripts below and
    /// above ([`formula::pieces`]).
    fn formula(&mut self, parts: &[MathPart]) {
        for (text, setting) in formula::pieces(parts) {
            let style = match setting {
                Setting::Upright => {
                    self.x.text(&text);
                    continue;
                }
                Setting::Italic => "T_cursief",
                Setting::Below => "T_onder",
                Setting::Above => "T_boven",
            };
            self.x
                .leaf("text:span", &[("text:style-name", style)], &text);
        }
    }

    fn inlines(&mut self, items: &[Inline]) {
        for i in items {
            match i {
                Inline::Text { text } => self.x.text(text),
                // A name that a line never breaks inside: its hyphens
                // non-breaking (U+2011).
                Inline::Whole { text } => self.x.text(&text.replace('-', "\u{2011}")),
                Inline::Strong { content } => {
                    self.x.open("text:span", &[("text:style-name", STRONG)]);
                    self.inlines(content);
                    self.x.close("text:span");
                }
                Inline::Emph { content } => {
                    self.x.open("text:span", &[("text:style-name", EMPHASIS)]);
                    self.inlines(content);
                    self.x.close("text:span");
                }
                Inline::LineBreak => self.x.empty("text:line-break", &[]),
                Inline::Link { url, content } => {
                    self.x.open(
                        "text:a",
                        &[
                            ("xlink:type", "simple"),
                            ("xlink:href", url),
                            ("text:style-name", LINK),
                        ],
                    );
                    self.inlines(content);
                    self.x.close("text:a");
                }
                Inline::Status { key, label } => {
                    self.x.leaf(
                        "text:span",
                        &[("text:style-name", &format!("T_status_{key}"))],
                        "\u{25a0}",
                    );
                    self.x.text("\u{a0}");
                    self.x
                        .leaf("text:span", &[("text:style-name", STRONG)], label);
                }
                Inline::Formula { formula } => self.formula(&formula.parts),
                Inline::Reference {
                    anchor,
                    content,
                    word,
                    ..
                } => {
                    let words = crate::document::inlines_text(content);
                    match word {
                        // A chapter or section: the word, then the number
                        // of the heading's outline numbering.
                        Some(word) => {
                            let number = words.strip_prefix(word.as_str()).unwrap_or(&words);
                            self.x.text(&format!("{word} "));
                            self.x.leaf(
                                "text:bookmark-ref",
                                &[
                                    ("text:reference-format", "number"),
                                    ("text:ref-name", anchor),
                                ],
                                number.trim_start(),
                            );
                        }
                        // A table, figure or appendix: its label and number.
                        None => self.x.leaf(
                            "text:sequence-ref",
                            &[
                                ("text:reference-format", "category-and-value"),
                                ("text:ref-name", anchor),
                            ],
                            &words,
                        ),
                    }
                }
            }
        }
    }
}
