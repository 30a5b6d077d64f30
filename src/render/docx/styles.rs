//! The styles part (`word/styles.xml`), written once from the house style
//! (`huisstijl.yaml`): the document defaults, the styles the report uses and
//! the built-in styles an editor needs (Heading 1-9, List Bullet and List
//! Number with their levels 2 and 3, the table of contents, header and
//! footer), and one house table style, `Huisstijltabel`, whose header row,
//! zebra rows and lines live in the style rather than in the cells.
//!
//! A style the editor changed or added in `stijl.docx` ([`super::editor_styles`])
//! is written as the editor left it, in the place of ours; only its
//! numbering is ours, since the reference's lists are not in the output.

use crate::document::house_style::HouseStyle;
use crate::render::docx::editor_styles::EditorStyles;
use crate::render::docx::numbering;
use crate::render::docx::ooxml::{MC, W, W14, W15};
use crate::render::docx::page::Page;
use crate::render::docx::properties::{ParaProps, RunProps};
use crate::render::docx::style_ids::*;
use crate::render::xml::Xml;

/// What a style is for.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Paragraph,
    Character,
    Table,
    Numbering,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Paragraph => "paragraph",
            Kind::Character => "character",
            Kind::Table => "table",
            Kind::Numbering => "numbering",
        }
    }
}

/// Paragraph properties of a style.
type Para = ParaProps<'static>;

/// Where the colophon's values start, in twips (4,2 cm).
const COLOPHON_TAB: u32 = 2381;

/// Run properties of a style.
#[derive(Default, Clone)]
struct Chars {
    bold: Option<bool>,
    italic: Option<bool>,
    colour: Option<String>,
    /// Half-points.
    size: Option<u32>,
    underline: bool,
    caps: bool,
}

/// One style.
struct Def {
    kind: Kind,
    id: &'static str,
    name: String,
    default: bool,
    custom: bool,
    based_on: Option<&'static str>,
    next: Option<&'static str>,
    priority: Option<u32>,
    /// Shown in Word's style gallery.
    quick: bool,
    /// Hidden until used (Word's own table and numbering defaults).
    semi_hidden: bool,
    para: Para,
    chars: Chars,
}

impl Def {
    fn new(kind: Kind, id: &'static str, name: impl Into<String>) -> Self {
        Def {
            kind,
            id,
            name: name.into(),
            default: false,
            custom: false,
            based_on: None,
            next: None,
            priority: None,
            quick: false,
            semi_hidden: false,
            para: Para::default(),
            chars: Chars::default(),
        }
    }

    fn paragraph(id: &'static str, name: impl Into<String>) -> Self {
        let mut d = Def::new(Kind::Paragraph, id, name);
        d.based_on = Some("Normal");
        d
    }
}

fn half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

/// Every style we write, in order, from the house style.
fn definitions(style: &HouseStyle) -> Vec<Def> {
    let text_width = Page::of(style).text_width();
    let k = &style.kleuren;
    let m = &style.maten;
    let main = k.hoofdkleur.hex();
    let mut out = Vec::new();

    let mut normal = Def::new(Kind::Paragraph, "Normal", "Normal");
    normal.default = true;
    normal.quick = true;
    // Single line spacing: Noto Sans's own line height (1,36 em), about the
    // PDF's line pitch; 1,15 made the DOCX a fifth longer.
    normal.para.spacing = Some((0, 120, 240));
    normal.chars.colour = Some(k.tekst.hex());
    normal.chars.size = Some(half_points(m.tekst));
    out.push(normal);

    // Heading 1 to 9: the first three numbered by Word, each in the main
    // colour; from Heading 4 on in the text size, as in the PDF.
    let heading_space = [(0, 240), (360, 120), (280, 80)];
    for level in 1..=9usize {
        let id = HEADING_STYLES[level - 1];
        let mut h = Def::paragraph(id, format!("heading {level}"));
        h.next = Some("Normal");
        h.priority = Some(9);
        h.quick = true;
        h.para.keep_next = true;
        h.para.keep_lines = true;
        // A chapter follows on the page; the one that begins a page says
        // so itself (the document model's `new_page`).
        h.para.page_break_before = false;
        h.para.num = numbering::of_style(id);
        let (before, after) = heading_space.get(level - 1).copied().unwrap_or((200, 40));
        h.para.spacing = Some((before, after, 240));
        h.para.outline = Some(level as u8 - 1);
        h.chars.bold = Some(true);
        h.chars.italic = Some(false);
        h.chars.colour = Some(main.clone());
        h.chars.size = Some(half_points(match level {
            1 => m.kop1,
            2 => m.kop2,
            3 => m.kop3,
            _ => m.tekst,
        }));
        out.push(h);
    }

    let mut title = Def::paragraph("Title", "Title");
    title.next = Some("Normal");
    title.priority = Some(10);
    title.quick = true;
    title.para.spacing = Some((0, 300, 240));
    title.chars.bold = Some(true);
    title.chars.colour = Some(main.clone());
    title.chars.size = Some(52);
    out.push(title);

    let mut subtitle = Def::paragraph("Subtitle", "Subtitle");
    subtitle.next = Some("Normal");
    subtitle.priority = Some(11);
    subtitle.quick = true;
    subtitle.chars.colour = Some(main.clone());
    subtitle.chars.size = Some(26);
    out.push(subtitle);

    // The title page's other lines: every look in a style, so that an
    // editor restyles the title page in Word.
    let mut overline = Def::paragraph(OVERLINE, OVERLINE);
    overline.custom = true;
    overline.quick = true;
    overline.next = Some("Normal");
    overline.chars.caps = true;
    overline.chars.colour = Some(k.accentkleur.hex());
    overline.chars.size = Some(28);
    out.push(overline);

    let mut year = Def::paragraph(REPORT_YEAR, REPORT_YEAR);
    year.custom = true;
    year.quick = true;
    year.next = Some("Normal");
    year.chars.colour = Some(k.accentkleur.hex());
    year.chars.size = Some(28);
    out.push(year);

    // Who publishes it, well below the title.
    let mut organisation = Def::paragraph(ORGANISATION, ORGANISATION);
    organisation.custom = true;
    organisation.quick = true;
    organisation.next = Some("Normal");
    organisation.para.spacing = Some((1200, 240, 276));
    organisation.chars.bold = Some(true);
    organisation.chars.colour = Some(main.clone());
    out.push(organisation);

    // The colophon: a small heading (not in the contents) and the facts,
    // the label and a tab to the value, which hangs at the tab.
    let mut colophon_heading = Def::paragraph(COLOPHON_HEADING, COLOPHON_HEADING);
    colophon_heading.custom = true;
    colophon_heading.next = Some(COLOPHON);
    colophon_heading.para.spacing = Some((0, 200, 240));
    colophon_heading.para.keep_next = true;
    colophon_heading.chars.bold = Some(true);
    colophon_heading.chars.colour = Some(main.clone());
    colophon_heading.chars.size = Some(half_points(m.kop2));
    out.push(colophon_heading);
    let mut colophon = Def::paragraph(COLOPHON, COLOPHON);
    colophon.custom = true;
    colophon.next = Some(COLOPHON);
    colophon.para.spacing = Some((0, 80, 240));
    colophon.para.tabs = vec![("left", None, COLOPHON_TAB)];
    colophon.para.indent_left = Some(COLOPHON_TAB);
    colophon.para.hanging = Some(COLOPHON_TAB);
    colophon.chars.size = Some(half_points(m.tabel));
    out.push(colophon);

    let mut draft = Def::paragraph(DRAFT_MARK, DRAFT_MARK);
    draft.custom = true;
    draft.next = Some("Normal");
    draft.chars.bold = Some(true);
    draft.chars.colour = Some(k.concept.hex());
    draft.chars.size = Some(28);
    out.push(draft);

    // Captions as in the PDF: centred, upright, dark grey.
    let mut caption = Def::paragraph("Caption", "caption");
    caption.next = Some("Normal");
    caption.priority = Some(35);
    caption.quick = true;
    caption.para.spacing = Some((120, 120, 240));
    caption.para.jc = Some("left");
    caption.chars.italic = Some(false);
    caption.chars.colour = Some(k.tekst.hex());
    caption.chars.size = Some(half_points(m.bijschrift));
    out.push(caption);

    let mut toc_heading = Def::paragraph("TOCHeading", "TOC Heading");
    toc_heading.based_on = Some("Heading1");
    // The contents begin the page after the title page.
    toc_heading.para.page_break_before = true;
    toc_heading.next = Some("Normal");
    toc_heading.priority = Some(39);
    toc_heading.para.num = numbering::of_style("TOCHeading");
    toc_heading.para.outline = Some(9);
    out.push(toc_heading);

    for level in 1..=3u32 {
        let mut toc = Def::paragraph(TOC_STYLES[level as usize - 1], format!("toc {level}"));
        toc.next = Some("Normal");
        toc.priority = Some(39);
        toc.para.tabs = vec![("right", Some("dot"), text_width)];
        toc.para.spacing = Some((if level == 1 { 120 } else { 0 }, 60, 240));
        toc.para.indent_left = Some(220 * (level - 1));
        if level == 1 {
            // As the PDF's outline: the chapters bold in the main colour.
            toc.chars.bold = Some(true);
            toc.chars.colour = Some(main.clone());
        }
        out.push(toc);
    }

    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        let mut d = Def::paragraph(id, name);
        d.priority = Some(99);
        // One stop, at the right: a long chapter name or title passes
        // the middle of the line.
        d.para.tabs = vec![("right", None, text_width)];
        d.para.spacing = Some((0, 0, 240));
        d.chars.colour = Some(k.grijs.hex());
        d.chars.size = Some(16);
        out.push(d);
    }

    let mut list = Def::paragraph("ListParagraph", "List Paragraph");
    list.priority = Some(34);
    list.quick = true;
    list.para.indent_left = Some(720);
    list.para.contextual = true;
    out.push(list);

    for (ids, name) in [
        (BULLET_STYLES, "List Bullet"),
        (NUMBER_STYLES, "List Number"),
    ] {
        for (level, id) in ids.into_iter().enumerate() {
            let name = if level == 0 {
                name.to_string()
            } else {
                format!("{name} {}", level + 1)
            };
            let mut d = Def::paragraph(id, name);
            d.priority = Some(99);
            d.para.num = numbering::of_style(id);
            d.para.contextual = true;
            out.push(d);
        }
    }

    let mut table_text = Def::paragraph(TABLE_TEXT, TABLE_TEXT);
    table_text.custom = true;
    table_text.quick = true;
    table_text.para.spacing = Some((0, 0, 240));
    table_text.chars.size = Some(half_points(m.tabel));
    out.push(table_text);

    let mut row_heading = Def::paragraph(TABLE_ROW_HEADING, TABLE_ROW_HEADING);
    row_heading.custom = true;
    row_heading.based_on = Some(TABLE_TEXT);
    row_heading.chars.colour = Some(k.hoofdkleur.hex());
    out.push(row_heading);

    let mut note = Def::paragraph(TABLE_NOTE, TABLE_NOTE);
    note.custom = true;
    note.based_on = Some(TABLE_TEXT);
    note.chars.colour = Some(k.grijs_donker.hex());
    note.chars.size = Some(half_points(m.tabel).saturating_sub(2).max(8));
    out.push(note);

    // "Bron: ..." under a table or figure: small, dark grey, and a line
    // of space before what follows.
    let mut source = Def::paragraph(SOURCE, SOURCE);
    source.custom = true;
    source.quick = true;
    source.next = Some("Normal");
    source.para.spacing = Some((40, 200, 240));
    source.chars.colour = Some(k.grijs_donker.hex());
    source.chars.size = Some(half_points(m.bijschrift));
    out.push(source);

    // A formula on a line of its own: indented as a list's text, with a
    // little space above and below.
    let mut formula = Def::paragraph(FORMULA, FORMULA);
    formula.custom = true;
    formula.quick = true;
    formula.next = Some("Normal");
    formula.para.spacing = Some((60, 120, 240));
    formula.para.indent_left = Some(720);
    out.push(formula);

    let mut default_font = Def::new(
        Kind::Character,
        "DefaultParagraphFont",
        "Default Paragraph Font",
    );
    default_font.default = true;
    default_font.priority = Some(1);
    default_font.semi_hidden = true;
    out.push(default_font);

    // The word and number of a caption, bold: "Tabel 3".
    let mut label = Def::new(Kind::Character, "Bijschriftlabel", "Bijschriftlabel");
    label.based_on = Some("DefaultParagraphFont");
    label.custom = true;
    label.chars.bold = Some(true);
    out.push(label);

    let mut link = Def::new(Kind::Character, "Hyperlink", "Hyperlink");
    link.based_on = Some("DefaultParagraphFont");
    link.priority = Some(99);
    link.chars.colour = Some(k.accentkleur.hex());
    link.chars.underline = true;
    out.push(link);

    let mut table_normal = Def::new(Kind::Table, "TableNormal", "Normal Table");
    table_normal.default = true;
    table_normal.priority = Some(99);
    table_normal.semi_hidden = true;
    out.push(table_normal);

    let mut house_table = Def::new(Kind::Table, HOUSE_TABLE, HOUSE_TABLE);
    house_table.custom = true;
    house_table.based_on = Some("TableNormal");
    house_table.priority = Some(59);
    out.push(house_table);

    let mut no_list = Def::new(Kind::Numbering, "NoList", "No List");
    no_list.default = true;
    no_list.priority = Some(99);
    no_list.semi_hidden = true;
    out.push(no_list);

    out
}

/// The ids of the styles we write, in order.
pub fn ids(style: &HouseStyle) -> Vec<&'static str> {
    definitions(style).into_iter().map(|d| d.id).collect()
}

/// The styles part.
pub fn styles_xml(style: &HouseStyle, language: &str, editor: &EditorStyles) -> String {
    let mut x = Xml::part();
    x.open(
        "w:styles",
        &[
            ("xmlns:w", W),
            ("xmlns:w14", W14),
            ("xmlns:w15", W15),
            ("xmlns:mc", MC),
            ("mc:Ignorable", "w14 w15"),
        ],
    );
    doc_defaults(&mut x, style, language);
    for def in definitions(style) {
        match editor.get(def.id) {
            Some(theirs) => x.raw(theirs),
            None => write_def(&mut x, &def, style),
        }
    }
    for theirs in editor.added() {
        x.raw(theirs);
    }
    x.close("w:styles");
    x.finish()
}

fn doc_defaults(x: &mut Xml, style: &HouseStyle, language: &str) {
    let font = style.lettertype.as_str();
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", font),
            ("w:eastAsia", font),
            ("w:hAnsi", font),
            ("w:cs", font),
        ],
    );
    x.val("w:sz", &half_points(style.maten.tekst).to_string());
    x.val("w:szCs", &half_points(style.maten.tekst).to_string());
    x.empty(
        "w:lang",
        &[
            ("w:val", language),
            ("w:eastAsia", language),
            ("w:bidi", "ar-SA"),
        ],
    );
    x.close("w:rPr");
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.open("w:pPr", &[]);
    x.empty(
        "w:spacing",
        &[("w:after", "0"), ("w:line", "240"), ("w:lineRule", "auto")],
    );
    x.close("w:pPr");
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
}

/// One style in the order of CT_Style (ECMA-376 Part 1, 17.7.4.17).
fn write_def(x: &mut Xml, d: &Def, style: &HouseStyle) {
    let mut attrs = vec![("w:type", d.kind.as_str())];
    if d.default {
        attrs.push(("w:default", "1"));
    }
    if d.custom {
        attrs.push(("w:customStyle", "1"));
    }
    attrs.push(("w:styleId", d.id));
    x.open("w:style", &attrs);
    x.val("w:name", &d.name);
    if let Some(b) = d.based_on {
        x.val("w:basedOn", b);
    }
    if let Some(n) = d.next {
        x.val("w:next", n);
    }
    if let Some(p) = d.priority {
        x.val("w:uiPriority", &p.to_string());
    }
    if d.semi_hidden {
        x.empty("w:semiHidden", &[]);
        x.empty("w:unhideWhenUsed", &[]);
    }
    if d.quick {
        x.empty("w:qFormat", &[]);
    }
    if d.kind == Kind::Paragraph {
        d.para.write(x);
    }
    d.chars.props().write(x);
    match d.id {
        "TableNormal" => table_normal(x),
        HOUSE_TABLE => house_table(x, style),
        _ => {}
    }
    x.close("w:style");
}

impl Chars {
    /// As run properties to write.
    fn props(&self) -> RunProps<'_> {
        RunProps {
            bold: self.bold,
            italic: self.italic,
            caps: self.caps,
            colour: self.colour.as_deref(),
            size: self.size,
            underline: self.underline,
            ..RunProps::default()
        }
    }
}

/// Word's default table properties: its cell margins.
fn table_normal(x: &mut Xml) {
    x.open("w:tblPr", &[]);
    x.empty("w:tblInd", &[("w:w", "0"), ("w:type", "dxa")]);
    cell_margins(x, 0, 108);
    x.close("w:tblPr");
}

fn cell_margins(x: &mut Xml, vertical: u32, horizontal: u32) {
    let (v, h) = (vertical.to_string(), horizontal.to_string());
    x.open("w:tblCellMar", &[]);
    x.empty("w:top", &[("w:w", &v), ("w:type", "dxa")]);
    x.empty("w:left", &[("w:w", &h), ("w:type", "dxa")]);
    x.empty("w:bottom", &[("w:w", &v), ("w:type", "dxa")]);
    x.empty("w:right", &[("w:w", &h), ("w:type", "dxa")]);
    x.close("w:tblCellMar");
}

/// A single line on `side` (`w:top`, `w:insideH`, ...) of a table or
/// cell, `size` eighths of a point wide: the house table style's lines,
/// and the line above a table headed by its rows.
pub(crate) fn border(x: &mut Xml, side: &str, size: u32, colour: &str) {
    x.empty(
        side,
        &[
            ("w:val", "single"),
            ("w:sz", &size.to_string()),
            ("w:space", "0"),
            ("w:color", colour),
        ],
    );
}

fn shading(x: &mut Xml, fill: &str) {
    x.empty(
        "w:shd",
        &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)],
    );
}

/// The house table, as the PDF's: a header row filled with the header
/// colour, its text bold in the main colour, over a line in the main
/// colour; thin lines between the rows; every second row zebra.
fn house_table(x: &mut Xml, style: &HouseStyle) {
    let k = &style.kleuren;
    let (line, main) = (k.lijn.hex(), k.hoofdkleur.hex());
    x.open("w:tblPr", &[]);
    x.val("w:tblStyleRowBandSize", "1");
    x.open("w:tblBorders", &[]);
    border(x, "w:bottom", 4, &line);
    border(x, "w:insideH", 4, &line);
    x.close("w:tblBorders");
    // 5 pt beside, as the PDF's cells; none above and below: a single
    // line in Word and LibreOffice (Noto Sans at 8,5 pt: 11,6 pt) already
    // has the room that the PDF's cell gives its text (a 12 pt row), as in
    // the ODT.
    cell_margins(x, 0, 100);
    x.close("w:tblPr");
    // Cells centred in their row, as the PDF's.
    x.open("w:tcPr", &[]);
    x.val("w:vAlign", "center");
    x.close("w:tcPr");
    x.open("w:tblStylePr", &[("w:type", "firstRow")]);
    x.open("w:rPr", &[]);
    x.empty("w:b", &[]);
    x.empty("w:bCs", &[]);
    x.val("w:color", &main);
    x.close("w:rPr");
    x.open("w:tcPr", &[]);
    x.open("w:tcBorders", &[]);
    border(x, "w:bottom", 8, &main);
    x.close("w:tcBorders");
    shading(x, &k.tabelkop.hex());
    x.close("w:tcPr");
    x.close("w:tblStylePr");
    x.open("w:tblStylePr", &[("w:type", "band2Horz")]);
    x.open("w:tcPr", &[]);
    shading(x, &k.zebra.hex());
    x.close("w:tcPr");
    x.close("w:tblStylePr");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn styles() -> String {
        styles_xml(&HouseStyle::embedded(), "nl-NL", &EditorStyles::default())
    }

    #[test]
    fn the_part_is_well_formed_and_every_id_is_once() {
        let s = styles();
        let doc = roxmltree::Document::parse(&s).unwrap();
        let ids: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.attribute((W, "styleId")))
            .collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids.len(), sorted.len());
        assert!(
            ids.len() < 45,
            "only the styles in use and Word's own: {ids:?}"
        );
    }

    #[test]
    fn the_house_sizes_and_colours_are_in_the_styles() {
        let mut pink = HouseStyle::embedded();
        pink.kleuren.hoofdkleur = serde_yaml::from_str("'#ff00ff'").unwrap();
        pink.maten.kop1 = 20.0;
        let s = styles_xml(&pink, "nl-NL", &EditorStyles::default());
        let at = s.find(r#"w:styleId="Heading1""#).unwrap();
        let heading = &s[at..at + s[at..].find("</w:style>").unwrap()];
        assert!(
            heading.contains(r#"<w:color w:val="FF00FF"/><w:sz w:val="40"/>"#),
            "{heading}"
        );
        assert!(!s.contains("154273"));
        assert!(s.contains(r#"<w:lang w:val="nl-NL""#));
    }
}
