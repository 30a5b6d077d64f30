//! The main document part (`word/document.xml`) and the header and footer
//! parts, written in one walk over the document model: every element in
//! the schema's order, every look from a style (headings, captions, the
//! house table, table text), so that an editor restyles the report in
//! Word by changing a style. What the parts refer to (hyperlinks,
//! pictures, lists, fonts of other scripts) is collected on the way for
//! the package ([`super::package`]) and the numbering part. The title
//! page, tables, pictures and the section with its header and footer have
//! modules of their own.

mod drawing;
mod header_footer;
mod tables;
mod title_page;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use crate::document::formula::{self, MathPart, Setting};
use crate::document::{
    Align, Block, Caption, Cell, Fact, Figure, Inline, Table, TitleItem, TocEntry, inlines_text,
};
use crate::errors::DocxError;
use crate::render::RenderContext;
use crate::render::docx::numbering::{FIRST_LIST_ID, LIST_LEVELS, ListInstance};
use crate::render::docx::numbering::{NUMBERED_HEADING_LEVELS, UNNUMBERED_ID};
use crate::render::docx::ooxml::{
    FOOTER_DEFAULT, FOOTER_FIRST, HEADER_DEFAULT, HEADER_FIRST, NAMESPACES, PIC, Relationships,
    SVG_BLIP_EXT,
};
use crate::render::docx::page::{EMU_PER_TWIP, Page};
use crate::render::docx::properties::{ParaProps, RunProps};
use crate::render::docx::style_ids::{
    COLOPHON, COLOPHON_HEADING, DRAFT_MARK, FORMULA, HEADING_STYLES, HOUSE_TABLE, ORGANISATION,
    OVERLINE, REPORT_YEAR, SOURCE, TABLE_NOTE, TABLE_ROW_HEADING, TABLE_TEXT, TOC_STYLES,
};
use crate::render::raster::Picture;
use crate::render::table_columns as columns;
use crate::render::xml::Xml;

/// What the body parts refer to.
#[derive(Default)]
pub struct Body {
    pub document: String,
    pub header: String,
    pub footer: String,
    /// The relationships: the ids of the hyperlinks.
    pub rels: Relationships,
    /// The pictures, `rIdImage1` (and `rIdSvg1`) first.
    pub media: Vec<Arc<Picture>>,
    /// The lists, numbered from [`FIRST_LIST_ID`].
    pub lists: Vec<ListInstance>,
    /// The fonts of other scripts that runs name (Arabic, Hebrew).
    pub scripts: BTreeSet<&'static str>,
}

/// The look of a run that does not come from its paragraph's style.
#[derive(Clone, Copy, Default)]
struct Look<'a> {
    style: Option<&'a str>,
    bold: bool,
    italic: bool,
    colour: Option<&'a str>,
    /// Half-points.
    size: Option<u32>,
    /// `subscript` or `superscript`.
    vert_align: Option<&'a str>,
}

/// Paragraph properties, each written only when set.
#[derive(Default)]
struct Para<'a> {
    style: Option<&'a str>,
    keep_next: bool,
    page_break_before: bool,
    /// (level, numbering id); `(None, 0)` switches the style's numbering off.
    num: Option<(Option<usize>, usize)>,
    jc: Option<&'static str>,
}

/// Writes the body parts of one report.
pub struct Writer<'a> {
    ctx: &'a RenderContext<'a>,
    /// The charts' pictures, by chart id.
    pictures: &'a HashMap<String, Arc<Picture>>,
    x: Xml,
    out: Body,
    bookmarks: usize,
    /// The page, from the house style.
    page: Page,
    /// The width tables and figures are placed in, as a fraction of the
    /// text width: 1, or a column of a [`Block::Beside`].
    container: f32,
}

/// The document, header and footer of `ctx`'s report.
pub fn write(
    ctx: &RenderContext,
    pictures: &HashMap<String, Arc<Picture>>,
    logo: Option<Arc<Picture>>,
) -> Result<Body, DocxError> {
    let mut w = Writer {
        ctx,
        pictures,
        x: Xml::part(),
        out: Body::default(),
        bookmarks: 0,
        page: Page::of(ctx.style),
        container: 1.0,
    };
    w.x.open("w:document", NAMESPACES);
    w.x.open("w:body", &[]);
    w.title_page(logo);
    let doc = ctx.document;
    let breaks = matches!(
        doc.blocks.first(),
        Some(Block::Toc { .. } | Block::Heading { level: 1, .. })
    );
    if !breaks {
        // The first block does not start a page of its own: a break does.
        w.x.open("w:p", &[]);
        w.x.open("w:r", &[]);
        w.x.empty("w:br", &[("w:type", "page")]);
        w.x.close("w:r");
        w.x.close("w:p");
    }
    w.blocks(&doc.blocks, 0)?;
    w.section();
    w.x.close("w:body");
    w.x.close("w:document");
    let document = std::mem::replace(&mut w.x, Xml::part()).finish();
    w.out.document = document;
    w.header();
    w.footer();
    Ok(w.out)
}

/// The bookmark of an anchor of the model: the anchor after `_`. Word
/// hides bookmarks so named from an editor's list, as it does its own
/// targets of the table of contents.
pub fn bookmark(anchor: &str) -> String {
    format!("_{anchor}")
}

/// The SEQ field that counts what `label` names (`Tabel`, `Bijlage`), in
/// `format` (`ARABIC`, `ALPHABETIC`); the counter is the label's letters.
fn seq_instruction(label: &str, format: &str) -> String {
    let counter: String = label.chars().filter(|c| c.is_alphanumeric()).collect();
    let counter = if counter.is_empty() {
        "Bijschrift"
    } else {
        &counter
    };
    format!(" SEQ {counter} \\* {format} ")
}

impl Writer<'_> {
    fn p_open(&mut self, p: &Para) {
        self.x.open("w:p", &[]);
        ParaProps {
            style: p.style,
            keep_next: p.keep_next,
            page_break_before: p.page_break_before,
            num: p.num,
            jc: p.jc,
            ..ParaProps::default()
        }
        .write(&mut self.x);
    }

    /// `<w:rPr>` of a run; nothing when nothing is set.
    fn run_props(&mut self, look: &Look, script: Option<&'static str>) {
        RunProps {
            style: look.style,
            // Word and LibreOffice take right-to-left letters from the
            // complex-script font; the bidirectional algorithm orders them.
            complex_font: script,
            bold: look.bold.then_some(true),
            italic: look.italic.then_some(true),
            colour: look.colour,
            size: look.size,
            vert_align: look.vert_align,
            ..RunProps::default()
        }
        .write(&mut self.x);
    }

    /// A run of text.
    fn run(&mut self, text: &str, look: &Look) {
        let script = text.chars().find_map(crate::fonts::script_family);
        if let Some(s) = script {
            self.out.scripts.insert(s);
        }
        self.x.open("w:r", &[]);
        self.run_props(look, script);
        self.x.leaf("w:t", &[("xml:space", "preserve")], text);
        self.x.close("w:r");
    }

    /// A run holding one element (`w:br`, `w:tab`, `w:fldChar`).
    fn run_with(&mut self, look: &Look, tag: &str, attrs: &[(&str, &str)]) {
        self.x.open("w:r", &[]);
        self.run_props(look, None);
        self.x.empty(tag, attrs);
        self.x.close("w:r");
    }

    /// A field as Word writes one: begin, instruction, separate, the cached
    /// result, end, each in a run of its own.
    fn field(&mut self, instruction: &str, result: &str, look: &Look) {
        self.run_with(look, "w:fldChar", &[("w:fldCharType", "begin")]);
        self.x.open("w:r", &[]);
        self.run_props(look, None);
        self.x
            .leaf("w:instrText", &[("xml:space", "preserve")], instruction);
        self.x.close("w:r");
        self.run_with(look, "w:fldChar", &[("w:fldCharType", "separate")]);
        self.run(result, look);
        self.run_with(look, "w:fldChar", &[("w:fldCharType", "end")]);
    }

    fn bookmark_start(&mut self, name: &str) -> String {
        self.bookmarks += 1;
        let id = self.bookmarks.to_string();
        self.x
            .empty("w:bookmarkStart", &[("w:id", &id), ("w:name", name)]);
        id
    }

    fn bookmark_end(&mut self, id: &str) {
        self.x.empty("w:bookmarkEnd", &[("w:id", id)]);
    }

    /// A formula on one line: variables in italics with their scripts
    /// below and above, a fraction's sides between parentheses where
    /// they hold more than one part.
    fn formula(&mut self, parts: &[MathPart], look: &Look) {
        for (text, setting) in formula::pieces(parts) {
            let look = match setting {
                Setting::Upright => *look,
                Setting::Italic => Look {
                    italic: true,
                    ..*look
                },
                Setting::Below => Look {
                    vert_align: Some("subscript"),
                    ..*look
                },
                Setting::Above => Look {
                    vert_align: Some("superscript"),
                    ..*look
                },
            };
            self.run(&text, &look);
        }
    }

    /// A word that a line never breaks inside: its hyphens as Word's
    /// non-breaking hyphen (`w:noBreakHyphen`).
    fn whole(&mut self, text: &str, look: &Look) {
        let script = text.chars().find_map(crate::fonts::script_family);
        self.x.open("w:r", &[]);
        self.run_props(look, script);
        for (i, part) in text.split('-').enumerate() {
            if i > 0 {
                self.x.empty("w:noBreakHyphen", &[]);
            }
            if !part.is_empty() {
                self.x.leaf("w:t", &[("xml:space", "preserve")], part);
            }
        }
        self.x.close("w:r");
    }

    /// The runs of `inlines`, links as hyperlinks.
    fn inlines(&mut self, inlines: &[Inline], look: Look) {
        for i in inlines {
            match i {
                Inline::Text { text } => self.run(text, &look),
                Inline::Strong { content } => self.inlines(content, Look { bold: true, ..look }),
                Inline::Emph { content } => self.inlines(
                    content,
                    Look {
                        italic: true,
                        ..look
                    },
                ),
                Inline::LineBreak => self.run_with(&look, "w:br", &[]),
                Inline::Formula { formula } => self.formula(&formula.parts, &look),
                Inline::Whole { text } => self.whole(text, &look),
                Inline::Status { key, label } => {
                    // A small square in the status colour; the word carries
                    // the meaning.
                    let colour = self.ctx.style.status(key).hex();
                    self.run(
                        "\u{25a0}",
                        &Look {
                            colour: Some(&colour),
                            bold: false,
                            italic: false,
                            ..look
                        },
                    );
                    self.run("\u{a0}", &look);
                    self.run(label, &Look { bold: true, ..look });
                }
                Inline::Link { url, content } => {
                    let id = self.out.rels.link(url);
                    self.x
                        .open("w:hyperlink", &[("r:id", &id), ("w:history", "1")]);
                    self.inlines(
                        content,
                        Look {
                            style: Some("Hyperlink"),
                            ..look
                        },
                    );
                    self.x.close("w:hyperlink");
                }
                Inline::Reference {
                    anchor,
                    content,
                    word,
                    ..
                } => {
                    // Word's cross-reference: the target's label and number
                    // from its bookmark, a link to it (`\h`); the field's
                    // runs carry the look its updated result keeps. A
                    // chapter or section: the word, then the number Word's
                    // heading numbering gives its paragraph (`\r`).
                    let link = Look {
                        style: Some("Hyperlink"),
                        ..look
                    };
                    let words = inlines_text(content);
                    match word {
                        Some(word) => {
                            let number = words.strip_prefix(word.as_str()).unwrap_or(&words);
                            self.run(&format!("{word} "), &look);
                            self.field(
                                &format!(" REF {} \\r \\h ", bookmark(anchor)),
                                number.trim_start(),
                                &link,
                            );
                        }
                        None => {
                            self.field(&format!(" REF {} \\h ", bookmark(anchor)), &words, &link)
                        }
                    }
                }
            }
        }
    }

    fn paragraph(&mut self, para: &Para, inlines: &[Inline], look: Look) {
        self.p_open(para);
        self.inlines(inlines, look);
        self.x.close("w:p");
    }

    fn text_paragraph(&mut self, para: &Para, text: &str, look: Look) {
        self.p_open(para);
        self.run(text, &look);
        self.x.close("w:p");
    }

    /// Blocks one after the other. A table, and a row of blocks side by
    /// side, is followed by an empty paragraph for space, except where a
    /// heading follows with space of its own (an empty paragraph there can
    /// fall onto a page of its own before a chapter that begins one), or a
    /// table's source line stands right under it.
    fn blocks(&mut self, blocks: &[Block], list_level: usize) -> Result<(), DocxError> {
        for (i, b) in blocks.iter().enumerate() {
            match (b, blocks.get(i + 1)) {
                (Block::Table(t), Some(Block::Source { .. } | Block::Heading { .. })) => {
                    self.table(t, false)
                }
                (Block::Beside { columns, widths }, Some(Block::Heading { .. })) => {
                    self.beside(columns, widths, list_level, false)?
                }
                _ => self.block(b, list_level)?,
            }
        }
        Ok(())
    }

    fn block(&mut self, block: &Block, list_level: usize) -> Result<(), DocxError> {
        match block {
            Block::Toc {
                title,
                depth,
                entries,
            } => self.toc(title, *depth, entries),
            Block::Heading {
                level,
                number,
                text,
                anchor,
                appendix,
                new_page,
            } => {
                // Chapters and sections are numbered by Word (Heading 1
                // and 2 name the headings' list): the text holds no
                // number. An appendix is a chapter without one: its
                // paragraph switches the list off. The chapters that begin
                // a page say so themselves; the style does not break.
                let numbered = (*level as usize) <= NUMBERED_HEADING_LEVELS;
                self.p_open(&Para {
                    style: Some(HEADING_STYLES[(*level as usize).clamp(1, 9) - 1]),
                    page_break_before: *new_page,
                    num: (numbered && number.is_empty()).then_some((Some(0), UNNUMBERED_ID)),
                    ..Para::default()
                });
                if !numbered && !number.is_empty() {
                    self.run(&format!("{number} "), &Look::default());
                }
                let id = self.bookmark_start(&bookmark(anchor));
                match appendix {
                    // The appendix's word and letter, the letter counted
                    // by Word as a caption's number is, inside the
                    // bookmark that references show.
                    Some(a) => {
                        let none = Look::default();
                        self.run(&format!("{} ", a.word), &none);
                        self.field(&seq_instruction(&a.word, "ALPHABETIC"), &a.letter, &none);
                        self.bookmark_end(&id);
                        self.run(&a.rest, &none);
                    }
                    None => {
                        self.run(text, &Look::default());
                        self.bookmark_end(&id);
                    }
                }
                self.x.close("w:p");
            }
            Block::Paragraph {
                content,
                keep_with_next,
            } => self.paragraph(
                &Para {
                    keep_next: *keep_with_next,
                    ..Para::default()
                },
                content,
                Look::default(),
            ),
            Block::List {
                ordered,
                start,
                items,
                keep_with_next,
            } => self.list(*ordered, *start, items, list_level, *keep_with_next)?,
            Block::Table(t) => self.table(t, true),
            Block::Figure(f) => self.figure(f)?,
            Block::Beside { columns, widths } => self.beside(columns, widths, list_level, true)?,
            Block::Colophon { title, facts } => self.colophon(title, facts),
            Block::Formula { formula } => {
                self.p_open(&Para {
                    style: Some(FORMULA),
                    ..Para::default()
                });
                self.formula(&formula.parts, &Look::default());
                self.x.close("w:p");
            }
            Block::Source { text } => self.text_paragraph(
                &Para {
                    style: Some(SOURCE),
                    ..Para::default()
                },
                text,
                Look::default(),
            ),
        }
        Ok(())
    }

    /// The table of contents: Word's TOC field in Word's content control,
    /// its cached entries the headings with their numbers, linked to their
    /// bookmarks, without a page column: the pages are unknown until Word
    /// or LibreOffice lays out the document, and an entry without a page
    /// number is better than a dot leader that ends in nothing. Updating
    /// the field (Word asks for it when the editor clicks the contents)
    /// writes the page column.
    fn toc(&mut self, title: &str, depth: u8, entries: &[TocEntry]) {
        self.x.open("w:sdt", &[]);
        self.x.open("w:sdtPr", &[]);
        self.x.open("w:docPartObj", &[]);
        self.x.val("w:docPartGallery", "Table of Contents");
        self.x.empty("w:docPartUnique", &[]);
        self.x.close("w:docPartObj");
        self.x.close("w:sdtPr");
        self.x.open("w:sdtContent", &[]);
        self.text_paragraph(
            &Para {
                style: Some("TOCHeading"),
                ..Para::default()
            },
            title,
            Look::default(),
        );
        let entries = TocEntry::flat(entries);
        let instruction = format!(" TOC \\o \"1-{depth}\" \\h \\z \\u ");
        let none = Look::default();
        for (i, entry) in entries.iter().enumerate() {
            let target = bookmark(&entry.anchor);
            let text = format!("{} {}", entry.number, entry.text);
            self.p_open(&Para {
                style: Some(TOC_STYLES[(entry.level as usize).clamp(1, 3) - 1]),
                ..Para::default()
            });
            if i == 0 {
                self.run_with(&none, "w:fldChar", &[("w:fldCharType", "begin")]);
                self.x.open("w:r", &[]);
                self.x
                    .leaf("w:instrText", &[("xml:space", "preserve")], &instruction);
                self.x.close("w:r");
                self.run_with(&none, "w:fldChar", &[("w:fldCharType", "separate")]);
            }
            self.x
                .open("w:hyperlink", &[("w:anchor", &target), ("w:history", "1")]);
            self.run(&text, &none);
            self.x.close("w:hyperlink");
            if i + 1 == entries.len() {
                self.run_with(&none, "w:fldChar", &[("w:fldCharType", "end")]);
            }
            self.x.close("w:p");
        }
        self.x.close("w:sdtContent");
        self.x.close("w:sdt");
    }

    /// A list; with `keep`, its last item stays on the page of the block
    /// after the list.
    fn list(
        &mut self,
        ordered: bool,
        start: u64,
        items: &[Vec<Block>],
        level: usize,
        keep: bool,
    ) -> Result<(), DocxError> {
        // Every list gets its own numbering instance, so numbers restart.
        self.out.lists.push(ListInstance {
            ordered,
            level,
            start,
        });
        let num_id = FIRST_LIST_ID + self.out.lists.len() - 1;
        for (n, item) in items.iter().enumerate() {
            let last = keep && n + 1 == items.len();
            for (i, b) in item.iter().enumerate() {
                match b {
                    Block::Paragraph {
                        content,
                        keep_with_next,
                    } if i == 0 => self.paragraph(
                        &Para {
                            style: Some("ListParagraph"),
                            num: Some((Some(level), num_id)),
                            keep_next: *keep_with_next || last,
                            ..Para::default()
                        },
                        content,
                        Look::default(),
                    ),
                    Block::List {
                        ordered,
                        start,
                        items,
                        ..
                    } => self.list(
                        *ordered,
                        *start,
                        items,
                        (level + 1).min(LIST_LEVELS - 1),
                        last && i + 1 == item.len(),
                    )?,
                    other => self.block(other, level)?,
                }
            }
        }
        Ok(())
    }

    /// A caption as Word writes one: its word, a SEQ field that counts the
    /// tables or figures (its result the model's number), and the text,
    /// the word and number inside the bookmark of the model's anchor (as
    /// Word's cross-reference "label and number" marks them). Word's
    /// "Insert Caption" and Table of Figures count the same field, and an
    /// inserted table renumbers the later ones when fields are updated.
    fn caption(&mut self, caption: &Caption, anchor: &str, keep_next: bool) {
        self.p_open(&Para {
            style: Some("Caption"),
            keep_next,
            ..Para::default()
        });
        let none = Look::default();
        // The word and number in the caption's label style (bold).
        let label = Look {
            style: Some("Bijschriftlabel"),
            ..none
        };
        let id = self.bookmark_start(&bookmark(anchor));
        self.run(&format!("{} ", caption.label), &label);
        self.field(
            &seq_instruction(&caption.label, "ARABIC"),
            &caption.number.to_string(),
            &label,
        );
        self.bookmark_end(&id);
        self.run(&format!("{}{}", caption.separator, caption.text), &none);
        self.x.close("w:p");
    }
}

#[cfg(test)]
mod tests {
    //! The body writer one block at a time, without a whole build: the
    //! WordprocessingML each kind of block becomes.

    use super::*;
    use crate::document::{Column, Inline};
    use crate::load::{LoadOptions, load};
    use crate::pipeline::{Prepared, Setup, prepare};

    /// The example, prepared once: a context to write blocks in.
    fn prepared() -> &'static (Setup, Prepared) {
        static P: std::sync::OnceLock<(Setup, Prepared)> = std::sync::OnceLock::new();
        P.get_or_init(|| {
            let path =
                std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
            let loaded = load(&path, LoadOptions::default()).expect("the example is valid");
            let setup = Setup::embedded();
            let prepared = prepare(&loaded, &setup).expect("the example prepares");
            (setup, prepared)
        })
    }

    /// The XML one block becomes, and what the body collected on the way.
    fn fragment(block: &Block) -> (String, Body) {
        let (setup, prepared) = prepared();
        let ctx = prepared.context(setup);
        let pictures = HashMap::new();
        let mut w = Writer {
            ctx: &ctx,
            pictures: &pictures,
            x: Xml::part(),
            out: Body::default(),
            bookmarks: 0,
            page: Page::of(ctx.style),
            container: 1.0,
        };
        w.block(block, 0).expect("the block is written");
        let xml = std::mem::replace(&mut w.x, Xml::part()).finish();
        (xml, w.out)
    }

    #[test]
    fn strong_text_is_a_bold_run_and_a_link_a_hyperlink_with_its_relationship() {
        let (xml, body) = fragment(&Block::paragraph(vec![
            Inline::strong("Vet"),
            Inline::text(" en "),
            Inline::Link {
                url: "https://www.techniekpact.nl".into(),
                content: vec![Inline::text("het pact")],
            },
        ]));
        assert!(
            xml.contains(
                r#"<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Vet</w:t></w:r>"#
            ),
            "{xml}"
        );
        assert!(xml.contains(r#"<w:hyperlink r:id="rIdLink1""#), "{xml}");
        assert!(xml.contains(r#"<w:rStyle w:val="Hyperlink"/>"#), "{xml}");
        assert!(
            body.rels
                .xml(&[])
                .contains(r#"Target="https://www.techniekpact.nl" TargetMode="External""#)
        );
    }

    #[test]
    fn a_heading_takes_its_style_and_a_bookmark_and_no_typed_number() {
        let (xml, _) = fragment(&Block::Heading {
            new_page: false,
            level: 2,
            number: "4.2".into(),
            text: "Vmbo en mbo".into(),
            anchor: "4-2-vmbo-en-mbo".into(),
            appendix: None,
        });
        assert!(xml.contains(r#"<w:pStyle w:val="Heading2"/>"#), "{xml}");
        assert!(xml.contains(r#"w:name="_4-2-vmbo-en-mbo""#), "{xml}");
        assert!(
            xml.contains("Vmbo en mbo") && !xml.contains("4.2"),
            "Word numbers it: {xml}"
        );
    }

    #[test]
    fn a_list_gets_an_instance_of_its_own_numbering() {
        let item = |t: &str| vec![Block::paragraph(vec![Inline::text(t)])];
        let (xml, body) = fragment(&Block::List {
            ordered: true,
            start: 3,
            items: vec![item("drie"), item("vier")],
            keep_with_next: false,
        });
        assert_eq!(body.lists.len(), 1);
        assert!(body.lists[0].ordered && body.lists[0].start == 3);
        let id = crate::render::docx::numbering::FIRST_LIST_ID.to_string();
        assert_eq!(
            xml.matches(&format!(r#"<w:numId w:val="{id}"/>"#)).count(),
            2,
            "{xml}"
        );
    }

    #[test]
    fn a_table_has_the_house_style_a_repeating_header_row_and_table_text() {
        let table = crate::document::Table::new(
            crate::document::Caption::of("Tabel 1. Proef"),
            vec![
                Column::wrapping("Naam", 2.0),
                Column::fitting("Aantal", 1.0).right(),
            ],
            vec![vec![Cell::text("Jet-Net"), Cell::text("12")]],
            8.5,
            &crate::fonts::house::HouseFonts::embedded(),
        );
        let (xml, _) = fragment(&Block::Table(table));
        assert!(
            xml.contains(r#"<w:tblStyle w:val="Huisstijltabel"/>"#),
            "{xml}"
        );
        assert_eq!(
            xml.matches("<w:tblHeader/>").count(),
            1,
            "one header row: {xml}"
        );
        assert!(xml.contains(r#"<w:pStyle w:val="Tabeltekst"/>"#), "{xml}");
        assert!(
            xml.contains(r#"<w:jc w:val="right"/>"#),
            "the number column: {xml}"
        );
        assert!(!xml.contains("<w:shd"), "no cell is formatted: {xml}");
    }
}
