//! The DOCX renderer: the same document model as the PDF, written with
//! docx-rs as a Word document that editors keep working in (built-in
//! heading styles, real list numbering, tables, inline charts as PNG).
//! What docx-rs cannot express is completed by [`package`], put in schema
//! order by [`schema`], given the house style by [`house_style`] and its
//! fonts by [`fonts`]; charts become PNG in [`raster`].

mod columns;
pub mod fonts;
pub mod house_style;
pub mod package;
pub mod raster;
pub mod schema;

use std::collections::HashMap;
use std::sync::Arc;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, FieldCharType, Footer, Header,
    Hyperlink, HyperlinkData, HyperlinkType, IndentLevel, InstrNUMPAGES, InstrPAGE, InstrText,
    Level, LevelJc, LevelOverride, LevelSuffixType, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Pic, Run, RunFonts, Shading,
    ShdType, SpecialIndentType, Start, Style, StyleType, Table, TableAlignmentType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableLayoutType, TableOfContents,
    TableOfContentsItem, TableRow, WidthType,
};

use crate::document::{
    Align, Block, Caption, Cell, Document, Fact, Figure, Inline, Table as ModelTable, TitleItem,
};
use crate::errors::{DocxError, RenderError};
use crate::memo::Memo;
use crate::render::docx::raster::{PRINT_SCALE, Png, PngCache, rasterise_all, svg_to_png};
use crate::render::{RenderContext, Renderer};
use package::PackageInfo;

/// A4 in twips and the margins of the PDF (2,3 cm left and right).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_X: i32 = 1304;
const TEXT_W: u32 = PAGE_W - 2 * MARGIN_X as u32;
const MARGIN_TOP: i32 = 1474;
const MARGIN_BOTTOM: i32 = 1361;
/// Height of the text area between the top and bottom margins.
const TEXT_H: u32 = PAGE_H - (MARGIN_TOP + MARGIN_BOTTOM) as u32;
const EMU_PER_TWIP: u32 = 635;
const ABSTRACT_BULLET: usize = 2;
const ABSTRACT_ORDERED: usize = 3;
/// The multilevel list of the headings: its abstract numbering and its
/// numbering instance, which the styles Heading 1 to 3 name.
const ABSTRACT_HEADINGS: usize = 100;
pub(crate) const HEADING_NUM_ID: usize = 100;
/// The lists the styles List Bullet and List Number (and their levels 2
/// and 3) stand for: a paragraph an editor gives only that style gets a
/// bullet or a number.
pub(crate) const BULLET_NUM_ID: usize = 101;
pub(crate) const ORDERED_NUM_ID: usize = 102;
/// Heading 1 to this level are numbered by Word.
pub(crate) const NUMBERED_HEADING_LEVELS: usize = 3;

/// Renders the report as DOCX. Made for one report it keeps nothing; for
/// several ([`DocxRenderer::sharing`]) it keeps what they share, and for a
/// series ([`DocxRenderer::keeping_last`]) each report's last DOCX too.
#[derive(Default)]
pub struct DocxRenderer {
    /// What the reports of a batch or a series share.
    shared: Option<Shared>,
    /// The hash of the inputs and the bytes of the last DOCX per report,
    /// for a series of builds (`volg`).
    last: Option<Memo<String, LastDocx>>,
}

/// The hash of a DOCX's inputs and its bytes.
type LastDocx = (u128, Arc<[u8]>);

/// What the DOCX of several reports share.
#[derive(Default)]
struct Shared {
    /// The Word styles merged with the reference document, by the hash of
    /// what they were merged from: the same for every report of a batch.
    styles: Memo<u128, Arc<str>>,
    /// Charts rasterised before, by their SVG.
    pngs: PngCache,
}

impl DocxRenderer {
    /// For one report: nothing is kept.
    pub fn new() -> Self {
        DocxRenderer::default()
    }

    /// For several reports: their merged styles and rasterised charts are
    /// kept for the others.
    pub fn sharing(self) -> Self {
        DocxRenderer {
            shared: Some(Shared::default()),
            ..self
        }
    }

    /// For a series of builds (`volg`): also each report's last DOCX.
    /// After an edit of the Typst template the DOCX inputs did not change,
    /// and the DOCX is deterministic, so the last one is reused.
    pub fn keeping_last(self) -> Self {
        DocxRenderer {
            last: Some(Memo::default()),
            ..self.sharing()
        }
    }
}

impl Renderer for DocxRenderer {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let Some(last) = &self.last else {
            return Ok(self.make(ctx)?);
        };
        let key = input_hash(ctx);
        if let Some((hash, bytes)) = last.get(ctx.slug)
            && hash == key
        {
            return Ok(bytes.to_vec());
        }
        let bytes = self.make(ctx)?;
        last.insert(ctx.slug.to_string(), (key, bytes.as_slice().into()));
        Ok(bytes)
    }
}

/// Everything the DOCX is made from: the document model, the charts, the
/// reference styles, the logo and the name.
fn input_hash(ctx: &RenderContext) -> u128 {
    let document = serde_json::to_vec(ctx.document).expect("the document model serialises");
    let charts: Vec<&str> = ctx.charts.charts.iter().map(|c| c.svg.as_str()).collect();
    typst::utils::hash128(&(
        document,
        charts,
        ctx.templates.get(package::REFERENCE_DOCX),
        &ctx.logo,
        ctx.slug,
    ))
}

impl DocxRenderer {
    /// Make the DOCX, without looking at the last one made; what reports
    /// share (charts, styles) comes from what the renderer keeps.
    pub fn make(&self, ctx: &RenderContext) -> Result<Vec<u8>, DocxError> {
        // The slow part: every chart to PNG, in parallel, before writing.
        let pngs = rasterise_all(ctx.charts, self.shared.as_ref().map(|s| &s.pngs))?;
        crate::timings::mark("docx: grafieken gerasterd");
        let mut w = Writer::new(ctx, pngs);
        w.title_page()?;
        for block in &ctx.document.blocks {
            w.block(block, 0)?;
        }
        let info = PackageInfo {
            title: ctx.document.meta.documenttitel.clone(),
            creator: ctx.document.meta.auteurs.join(", "),
            created: ctx
                .document
                .meta
                .publicatiedatum
                .0
                .format("%Y-%m-%d")
                .to_string(),
            language: ctx.document.meta.taal.tag.clone(),
            keywords: ctx.document.meta.keywords_line(),
            alts: w.alts.clone(),
            header_rows: w.header_rows.clone(),
            reference: ctx
                .templates
                .get(package::REFERENCE_DOCX)
                .map(|b| b.to_vec()),
            text_width: TEXT_W,
            style: ctx.style.clone(),
        };
        let docx = w.docx;
        crate::timings::mark("docx: docx-rs-model");
        let mut raw = Vec::new();
        docx.build()
            .pack(std::io::Cursor::new(&mut raw))
            .map_err(DocxError::Pack)?;
        crate::timings::mark("docx: docx-rs ingepakt");
        let done = package::finish(&raw, &info, self.shared.as_ref().map(|s| &s.styles));
        crate::timings::mark("docx: pakket afgemaakt");
        done
    }
}

struct Writer<'a> {
    ctx: &'a RenderContext<'a>,
    /// The charts as PNG, by chart id.
    pngs: HashMap<String, Arc<Png>>,
    docx: Docx,
    next_num_id: usize,
    images: usize,
    /// Alternative texts of the pictures, in document order.
    alts: Vec<String>,
    /// Hyperlinks so far.
    links: std::cell::Cell<usize>,
    /// For every table: whether its first row is a header row.
    header_rows: Vec<bool>,
    /// Bookmark name and number text of each heading, in order.
    headings: Vec<(u8, String, String)>,
    /// Bookmarks so far.
    bookmarks: usize,
}

/// The bookmark of an anchor of the model: the anchor after `_`. Word
/// hides bookmarks so named from an editor's list, as it does its own
/// targets of the table of contents.
fn bookmark(anchor: &str) -> String {
    format!("_{anchor}")
}

/// Level, bookmark name and printed text ("2.3 Title") of each heading.
fn heading_numbers(doc: &Document) -> Vec<(u8, String, String)> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                number,
                text,
                anchor,
            } => Some((*level, bookmark(anchor), format!("{number} {text}"))),
            _ => None,
        })
        .collect()
}

impl<'a> Writer<'a> {
    fn new(ctx: &'a RenderContext<'a>, pngs: HashMap<String, Arc<Png>>) -> Self {
        let font = ctx.style.lettertype.as_str();
        let (header_p, footer_p) = header_and_footer(ctx);
        let (bullet, ordered) = list_numbering();
        let docx = Docx::new()
            .page_size(PAGE_W, PAGE_H)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN_TOP)
                    .bottom(MARGIN_BOTTOM)
                    .left(MARGIN_X)
                    .right(MARGIN_X)
                    .header(720)
                    .footer(720),
            )
            .default_fonts(RunFonts::new().ascii(font).hi_ansi(font).cs(font))
            .header(Header::new().add_paragraph(header_p))
            .first_header(Header::new())
            .footer(Footer::new().add_paragraph(footer_p))
            .first_footer(Footer::new())
            .title_pg()
            .add_abstract_numbering(bullet)
            .add_abstract_numbering(ordered)
            .add_style(table_text_style())
            .add_abstract_numbering(heading_numbering())
            .add_numbering(Numbering::new(HEADING_NUM_ID, ABSTRACT_HEADINGS))
            .add_numbering(Numbering::new(BULLET_NUM_ID, ABSTRACT_BULLET))
            .add_numbering(
                // Its own count, from 1: not a continuation of the report's lists.
                (0..3).fold(Numbering::new(ORDERED_NUM_ID, ABSTRACT_ORDERED), |n, l| {
                    n.add_override(LevelOverride::new(l).start(1))
                }),
            );
        Self {
            ctx,
            pngs,
            docx,
            next_num_id: 2,
            images: 0,
            alts: Vec::new(),
            header_rows: Vec::new(),
            links: std::cell::Cell::new(0),
            headings: heading_numbers(ctx.document),
            bookmarks: 0,
        }
    }
}

/// The header (the report's running head, and the concept mark) and the
/// footer ("pagina N van M") of every page but the first.
fn header_and_footer(ctx: &RenderContext) -> (Paragraph, Paragraph) {
    let meta = &ctx.document.meta;
    let colours = &ctx.style.kleuren;
    let grey = colours.grijs.hex();
    let grey = grey.as_str();
    let mut header_p = Paragraph::new().style("Header").add_run(
        Run::new()
            .add_text(meta.kopregel.clone())
            .color(grey)
            .size(16),
    );
    if meta.concept {
        header_p = header_p.add_run(
            Run::new()
                .add_tab()
                .add_text(meta.labels.concept.clone())
                .bold()
                .color(colours.concept.hex())
                .size(16),
        );
    }
    let field = |instr: InstrText, shown: &str| {
        Run::new()
            .add_field_char(FieldCharType::Begin, false)
            .add_instr_text(instr)
            .add_field_char(FieldCharType::Separate, false)
            .add_text(shown)
            .add_field_char(FieldCharType::End, false)
            .color(grey)
            .size(16)
    };
    let footer_p = Paragraph::new()
        .style("Footer")
        .align(AlignmentType::Right)
        .add_run(
            Run::new()
                .add_text(format!("{} ", meta.labels.pagina))
                .color(grey)
                .size(16),
        )
        .add_run(field(InstrText::PAGE(InstrPAGE::new()), "1"))
        .add_run(
            Run::new()
                .add_text(format!(" {} ", meta.labels.van))
                .color(grey)
                .size(16),
        )
        .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new()), "1"));
    (header_p, footer_p)
}

/// The paragraph style of table cells: no space before or after and single
/// line spacing, as the PDF's table rows (Normal's 6 pt after and 1,15
/// lines made every row loose).
pub(crate) const TABLE_TEXT_STYLE: &str = "Tabeltekst";

fn table_text_style() -> Style {
    Style::new(TABLE_TEXT_STYLE, StyleType::Paragraph)
        .name(TABLE_TEXT_STYLE)
        .based_on("Normal")
        .q_format(true)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        )
}

/// The headings' multilevel list: "1", "1.1", "1.1.1", each level tied to
/// its heading style, the number followed by a space, as in the PDF.
fn heading_numbering() -> AbstractNumbering {
    (0..NUMBERED_HEADING_LEVELS).fold(AbstractNumbering::new(ABSTRACT_HEADINGS), |a, l| {
        let text = (1..=l + 1)
            .map(|k| format!("%{k}"))
            .collect::<Vec<_>>()
            .join(".");
        a.add_level(
            Level::new(
                l,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .paragraph_style(format!("Heading{}", l + 1))
            .suffix(LevelSuffixType::Space)
            .indent(Some(0), None, None, None),
        )
    })
}

/// The abstract numberings of bullet and numbered lists, four levels deep.
fn list_numbering() -> (AbstractNumbering, AbstractNumbering) {
    let bullet = AbstractNumbering::new(ABSTRACT_BULLET).add_level(
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )
        .indent(Some(420), Some(SpecialIndentType::Hanging(280)), None, None),
    );
    let bullet = (1..4).fold(bullet, |a, l| {
        a.add_level(
            Level::new(
                l,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new("–"),
                LevelJc::new("left"),
            )
            .indent(
                Some(420 + 420 * l as i32),
                Some(SpecialIndentType::Hanging(280)),
                None,
                None,
            ),
        )
    });
    let ordered = (0..4).fold(AbstractNumbering::new(ABSTRACT_ORDERED), |a, l| {
        a.add_level(
            Level::new(
                l,
                Start::new(1),
                NumberFormat::new("decimal"),
                LevelText::new(format!("%{}.", l + 1)),
                LevelJc::new("left"),
            )
            .indent(
                Some(420 + 420 * l as i32),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        )
    });
    (bullet, ordered)
}

impl<'a> Writer<'a> {
    fn add(&mut self, p: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(p);
    }

    fn add_table(&mut self, t: Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(t);
    }

    /// An inline picture of an SVG, rasterised.
    fn image(&mut self, svg: &[u8], alt: &str, width_twips: u32) -> Result<Run, DocxError> {
        let png = svg_to_png(svg, PRINT_SCALE)?;
        Ok(self.png(png.bytes, png.width, png.height, alt, width_twips))
    }

    /// An inline picture of a PNG, `width_twips` wide.
    fn png(&mut self, bytes: Vec<u8>, width: u32, height: u32, alt: &str, width_twips: u32) -> Run {
        self.images += 1;
        self.alts.push(alt.to_string());
        let mut w_emu = width_twips * EMU_PER_TWIP;
        let mut h_emu = (w_emu as u64 * height as u64 / width.max(1) as u64) as u32;
        // Never taller than the text area (less a line for the caption):
        // a drawing larger than its page is cut off in Word and LibreOffice.
        let max_h = (TEXT_H - 600) * EMU_PER_TWIP;
        if h_emu > max_h {
            w_emu = (w_emu as u64 * max_h as u64 / h_emu as u64) as u32;
            h_emu = max_h;
        }
        let pic = Pic::new_with_dimensions(bytes, width, height)
            .id(format!("rIdImage{}", self.images))
            .size(w_emu, h_emu);
        Run::new().add_image(pic)
    }

    /// The title page: the model's items in its order.
    fn title_page(&mut self) -> Result<(), DocxError> {
        let meta = &self.ctx.document.meta;
        for item in &meta.titelpagina {
            match item {
                TitleItem::Overline { tekst } => self.add(
                    Paragraph::new()
                        .style("Subtitle")
                        .add_run(Run::new().add_text(tekst.to_uppercase())),
                ),
                TitleItem::Title { tekst } => self.add(
                    Paragraph::new()
                        .style("Title")
                        .add_run(Run::new().add_text(tekst.clone())),
                ),
                TitleItem::Year { tekst } => self.add(
                    Paragraph::new()
                        .style("Subtitle")
                        .add_run(Run::new().add_text(tekst.clone())),
                ),
                TitleItem::Subtitle { tekst } => self.add(
                    Paragraph::new().add_run(
                        Run::new()
                            .add_text(tekst.clone())
                            .size(26)
                            .color(self.ctx.style.kleuren.hoofdkleur.hex()),
                    ),
                ),
                TitleItem::Facts { regels } => self.facts(regels),
                TitleItem::Logo { pad, alt } => {
                    let Some((_, bytes)) = &self.ctx.logo else {
                        continue;
                    };
                    let run = if pad.ends_with(".svg") {
                        self.image(bytes, alt, 2835)?
                    } else {
                        let (w, h) = png_size(bytes).ok_or(DocxError::LogoNotPng)?;
                        self.png(bytes.clone(), w, h, alt, 2835)
                    };
                    self.add(Paragraph::new().add_run(run));
                }
                TitleItem::DraftMark { tekst } => self.add(
                    Paragraph::new().add_run(
                        Run::new()
                            .add_text(tekst.clone())
                            .bold()
                            .size(28)
                            .color(self.ctx.style.kleuren.concept.hex()),
                    ),
                ),
            }
        }
        self.add(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        Ok(())
    }

    /// The facts of the title page, as a table without lines.
    fn facts(&mut self, facts: &[Fact]) {
        let rows = facts
            .iter()
            .map(|fact| {
                let mut value = Paragraph::new();
                for (i, line) in fact.regels.iter().enumerate() {
                    let mut run = Run::new();
                    if i > 0 {
                        run = run.add_break(BreakType::TextWrapping);
                    }
                    value = value.add_run(run.add_text(line.clone()));
                }
                TableRow::new(vec![
                    TableCell::new().width(2400, WidthType::Dxa).add_paragraph(
                        Paragraph::new().add_run(Run::new().add_text(fact.label.clone())),
                    ),
                    TableCell::new()
                        .width(TEXT_W as usize - 2400, WidthType::Dxa)
                        .add_paragraph(value),
                ])
            })
            .collect();
        self.header_rows.push(false);
        self.add_table(
            Table::new(rows)
                .set_grid(vec![2400, TEXT_W as usize - 2400])
                .set_borders(TableBorders::with_empty()),
        );
    }

    fn runs(&self, inlines: &[Inline], bold: bool, italic: bool, size: Option<usize>) -> Vec<Run> {
        let mut out = Vec::new();
        for i in inlines {
            match i {
                Inline::Text { text } => {
                    let mut r = Run::new().add_text(text.clone());
                    if bold {
                        r = r.bold();
                    }
                    if italic {
                        r = r.italic();
                    }
                    if let Some(s) = size {
                        r = r.size(s);
                    }
                    out.push(r);
                }
                Inline::Strong { content } => out.extend(self.runs(content, true, italic, size)),
                Inline::Emph { content } => out.extend(self.runs(content, bold, true, size)),
                Inline::LineBreak => out.push(Run::new().add_break(BreakType::TextWrapping)),
                Inline::Status { key, label } => {
                    // A shaded space is a visual aid; the word carries the meaning.
                    out.push(
                        Run::new().add_text("\u{a0}\u{a0}").shading(
                            Shading::new()
                                .shd_type(ShdType::Clear)
                                .fill(self.ctx.style.status(key).hex()),
                        ),
                    );
                    out.push(Run::new().add_text("\u{a0}"));
                    let mut r = Run::new().add_text(label.clone()).bold();
                    if let Some(s) = size {
                        r = r.size(s);
                    }
                    out.push(r);
                }
                Inline::Link { content, .. } => {
                    // Handled by `paragraph`; inside other runs the text stays.
                    out.extend(self.runs(content, bold, italic, size));
                }
            }
        }
        out
    }

    /// A paragraph of inlines, links as real hyperlinks.
    fn paragraph(
        &self,
        inlines: &[Inline],
        size: Option<usize>,
        colour: Option<&str>,
    ) -> Paragraph {
        let mut p = Paragraph::new();
        for i in inlines {
            match i {
                Inline::Link { url, content } => {
                    let mut link = Hyperlink::new(url.clone(), HyperlinkType::External);
                    // docx-rs numbers links with a process-wide counter;
                    // number them per document so output is reproducible.
                    let n = self.links.get() + 1;
                    self.links.set(n);
                    link.link = HyperlinkData::External {
                        rid: format!("rIdHyperlink{n}"),
                        path: quick_xml::escape::escape(url.as_str()).into_owned(),
                    };
                    for r in self.runs(content, false, false, size) {
                        link = link.add_run(r.style("Hyperlink"));
                    }
                    p = p.add_hyperlink(link);
                }
                other => {
                    for mut r in self.runs(std::slice::from_ref(other), false, false, size) {
                        if let Some(c) = colour {
                            r = r.color(c);
                        }
                        p = p.add_run(r);
                    }
                }
            }
        }
        p
    }

    fn block(&mut self, block: &Block, list_level: usize) -> Result<(), DocxError> {
        match block {
            Block::Toc { title, depth } => self.toc(title, *depth),
            Block::Heading {
                level,
                number,
                text,
                anchor,
            } => {
                self.bookmarks += 1;
                let id = self.bookmarks;
                // Heading 1 to 3 are numbered by Word (their styles name
                // the headings' list): the text holds no number.
                let shown = if (*level as usize) <= NUMBERED_HEADING_LEVELS {
                    text.clone()
                } else {
                    format!("{number} {text}")
                };
                self.add(
                    Paragraph::new()
                        .style(&format!("Heading{}", level.clamp(&1, &6)))
                        .add_bookmark_start(id, bookmark(anchor))
                        .add_run(Run::new().add_text(shown))
                        .add_bookmark_end(id),
                );
            }
            Block::Paragraph { content } => {
                let p = self.paragraph(content, None, None);
                self.add(p);
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, list_level)?,
            Block::Table(t) => self.table(t),
            Block::Figure(f) => self.figure(f)?,
        }
        Ok(())
    }

    fn toc(&mut self, title: &str, depth: u8) {
        let mut toc = TableOfContents::new()
            .heading_styles_range(1, depth as usize)
            .hyperlink()
            .alias(title)
            .add_before_paragraph(
                Paragraph::new()
                    .style("TOCHeading")
                    .add_run(Run::new().add_text(title)),
            );
        for (level, bookmark, text) in &self.headings {
            if *level <= depth {
                toc = toc.add_item(
                    TableOfContentsItem::new()
                        .text(text.clone())
                        .toc_key(bookmark.clone())
                        .level(*level as usize)
                        // Page numbers are unknown until Word lays out the
                        // document: leave them empty rather than wrong.
                        .page_ref(""),
                );
            }
        }
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table_of_contents(toc);
    }

    fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        level: usize,
    ) -> Result<(), DocxError> {
        // Every list gets its own numbering instance, so numbers restart.
        let num_id = self.next_num_id;
        self.next_num_id += 1;
        let abstract_id = if ordered {
            ABSTRACT_ORDERED
        } else {
            ABSTRACT_BULLET
        };
        let numbering = Numbering::new(num_id, abstract_id)
            .add_override(LevelOverride::new(level).start(start as usize));
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_numbering(numbering);
        for item in items {
            let mut first = true;
            for b in item {
                match b {
                    Block::Paragraph { content } if first => {
                        let p = self
                            .paragraph(content, None, None)
                            .style("ListParagraph")
                            .numbering(NumberingId::new(num_id), IndentLevel::new(level));
                        self.add(p);
                    }
                    Block::List {
                        ordered,
                        start,
                        items,
                    } => self.list(*ordered, *start, items, (level + 1).min(3))?,
                    other => self.block(other, level)?,
                }
                first = false;
            }
        }
        Ok(())
    }

    fn caption(&mut self, caption: &Caption) {
        self.add(
            caption_runs(Paragraph::new(), caption)
                .style("Caption")
                .keep_next(true),
        );
    }

    fn cell(&self, c: &Cell, align: Align, header: bool) -> TableCell {
        let jc = if align == Align::Right {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        };
        let colours = &self.ctx.style.kleuren;
        // Half-points; a note is 1 pt smaller than the table text.
        let size = (self.ctx.style.maten.tabel * 2.0).round() as usize;
        let content = if header {
            let runs = self.runs(&c.content, true, false, Some(size));
            let main = colours.hoofdkleur.hex();
            runs.into_iter()
                .fold(Paragraph::new(), |p, r| p.add_run(r.color(main.as_str())))
        } else {
            self.paragraph(&c.content, Some(size), None)
        };
        let mut cell = TableCell::new().add_paragraph(content.align(jc).style(TABLE_TEXT_STYLE));
        if let Some(note) = &c.note {
            let dark_grey = colours.grijs_donker.hex();
            let note = self.paragraph(note, Some(size.saturating_sub(2).max(2)), Some(&dark_grey));
            cell = cell.add_paragraph(note.align(jc).style(TABLE_TEXT_STYLE));
        }
        if header {
            cell = cell.shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .fill(colours.tabelkop.hex()),
            );
        }
        cell
    }

    fn table(&mut self, t: &ModelTable) {
        self.caption(&t.caption);
        let (grid, table_width) = columns::grid(t, TEXT_W);
        let align = |i: usize| t.align.get(i).copied().unwrap_or(Align::Left);
        let header = TableRow::new(
            t.header
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    self.cell(&Cell::text(h.clone()), align(i), true)
                        .width(grid[i], WidthType::Dxa)
                })
                .collect(),
        )
        .cant_split();
        let mut rows = vec![header];
        for r in &t.rows {
            rows.push(
                TableRow::new(
                    r.iter()
                        .enumerate()
                        .map(|(i, c)| self.cell(c, align(i), false).width(grid[i], WidthType::Dxa))
                        .collect(),
                )
                .cant_split(),
            );
        }
        let line = |pos| {
            TableBorder::new(pos)
                .border_type(BorderType::Single)
                .size(4)
                .color(self.ctx.style.kleuren.lijn.hex())
        };
        let borders = TableBorders::with_empty()
            .set(line(TableBorderPosition::Top))
            .set(line(TableBorderPosition::Bottom))
            .set(line(TableBorderPosition::InsideH));
        self.header_rows.push(true);
        self.add_table(
            Table::new(rows)
                .set_grid(grid)
                .width(table_width, WidthType::Dxa)
                .layout(TableLayoutType::Fixed)
                .align(if table_width < TEXT_W as usize {
                    TableAlignmentType::Center
                } else {
                    TableAlignmentType::Left
                })
                .set_borders(borders),
        );
        // Space after the table.
        self.add(Paragraph::new());
    }

    fn figure(&mut self, f: &Figure) -> Result<(), DocxError> {
        let png = self
            .pngs
            .get(&f.chart)
            .cloned()
            .ok_or_else(|| DocxError::MissingChart(f.chart.clone()))?;
        let width = (TEXT_W as f32 * f.width) as u32;
        let run = self.png(png.bytes.clone(), png.width, png.height, &f.alt, width);
        self.add(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .add_run(run),
        );
        self.add(
            caption_runs(Paragraph::new(), &f.caption)
                .style("Caption")
                .align(AlignmentType::Center),
        );
        Ok(())
    }
}

/// A caption as Word writes one: its word, a SEQ field that counts the
/// tables or figures (its result the model's number), and the text. Word's
/// "Insert Caption" and Table of Figures count the same field, and an
/// inserted table renumbers the later ones when fields are updated.
fn caption_runs(p: Paragraph, caption: &Caption) -> Paragraph {
    let counter: String = caption
        .label
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let counter = if counter.is_empty() {
        "Bijschrift".to_string()
    } else {
        counter
    };
    p.add_run(Run::new().add_text(format!("{} ", caption.label)))
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported(format!(
            " SEQ {counter} \\* ARABIC "
        ))))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text(caption.number.to_string()))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
        .add_run(Run::new().add_text(format!("{}{}", caption.separator, caption.text)))
}

/// Width and height from a PNG header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" {
        return None;
    }
    let w = u32::from_be_bytes(png[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(png[20..24].try_into().ok()?);
    Some((w, h))
}
