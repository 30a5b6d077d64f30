//! `styles.xml` of the ODT: the house style (`huisstijl.yaml`) as named
//! styles, so that an editor changes a style and not a paragraph: the font
//! faces (embedded in the package), the paragraph and character styles,
//! the outline numbering of the headings (numbers in the left margin, as
//! in the PDF), the list styles, and the page with its running head (the
//! chapter of the page) and foot (the report and the page number).

use crate::document::Meta;
use crate::document::house_style::{Colour, HouseStyle};
use crate::render::xml::Xml;

use super::editor_styles::EditorStyles;
use super::names::*;

fn colour(c: &Colour) -> String {
    format!("#{}", c.hex())
}

fn pt(v: f64) -> String {
    format!("{v}pt")
}

fn cm(v: f64) -> String {
    format!("{:.3}cm", v)
}

/// A paragraph style: its name, parent, next style, and what it sets.
struct Para<'a> {
    name: &'a str,
    parent: Option<&'a str>,
    next: Option<&'a str>,
    class: Option<&'a str>,
    outline: Option<u8>,
    para: Vec<(&'a str, String)>,
    text: Vec<(&'a str, String)>,
    tabs: Vec<(f64, &'a str)>,
}

impl<'a> Para<'a> {
    fn new(name: &'a str) -> Self {
        Para {
            name,
            parent: Some("Standard"),
            next: None,
            class: None,
            outline: None,
            para: Vec::new(),
            text: Vec::new(),
            tabs: Vec::new(),
        }
    }

    fn write(&self, x: &mut Xml) {
        let display = display(self.name);
        let outline = self.outline.map(|l| l.to_string());
        let mut attrs = vec![("style:name", self.name)];
        if display != self.name {
            attrs.push(("style:display-name", &display));
        }
        attrs.push(("style:family", "paragraph"));
        if let Some(p) = self.parent {
            attrs.push(("style:parent-style-name", p));
        }
        if let Some(n) = self.next {
            attrs.push(("style:next-style-name", n));
        }
        if let Some(o) = &outline {
            attrs.push(("style:default-outline-level", o));
        }
        if let Some(c) = self.class {
            attrs.push(("style:class", c));
        }
        x.open("style:style", &attrs);
        if !self.para.is_empty() || !self.tabs.is_empty() {
            let attrs: Vec<(&str, &str)> =
                self.para.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if self.tabs.is_empty() {
                x.empty("style:paragraph-properties", &attrs);
            } else {
                x.open("style:paragraph-properties", &attrs);
                x.open("style:tab-stops", &[]);
                for (pos, kind) in &self.tabs {
                    x.empty(
                        "style:tab-stop",
                        &[("style:position", &cm(*pos)), ("style:type", kind)],
                    );
                }
                x.close("style:tab-stops");
                x.close("style:paragraph-properties");
            }
        }
        if !self.text.is_empty() {
            let attrs: Vec<(&str, &str)> =
                self.text.iter().map(|(k, v)| (*k, v.as_str())).collect();
            x.empty("style:text-properties", &attrs);
        }
        x.close("style:style");
    }
}

/// What the styles part says in words: the language of the text, and the
/// running head and foot.
pub struct PageTexts<'a> {
    /// `nl` and `NL`.
    pub language: &'a str,
    pub country: &'a str,
    /// The CONCEPT mark of a draft, in the running head.
    pub concept: Option<&'a str>,
    /// The report, in the running foot.
    pub foot: &'a str,
    /// "pagina" and "van".
    pub page: &'a str,
    pub of: &'a str,
}

impl<'a> PageTexts<'a> {
    pub fn of(meta: &'a Meta) -> Self {
        PageTexts {
            language: &meta.taal.code,
            country: &meta.taal.regio,
            concept: meta.concept.then_some(meta.labels.concept.as_str()),
            foot: &meta.kopregel,
            page: &meta.labels.pagina,
            of: &meta.labels.van,
        }
    }
}

/// `styles.xml`, with `fonts` the font faces (family and the package paths
/// of its files), and the styles the editor changed or added in their
/// `stijl.odt` in place of ours ([`EditorStyles::apply`]).
pub fn styles_xml(
    style: &HouseStyle,
    page: &PageTexts,
    fonts: &[(String, Vec<String>)],
    editor: &EditorStyles,
) -> String {
    let mut x = Xml::part();
    x.open("office:document-styles", &super::super::root_attrs());
    font_faces(&mut x, fonts);
    x.open("office:styles", &[]);
    defaults(&mut x, style, page);
    paragraph_styles(&mut x, style);
    character_styles(&mut x, style);
    outline_style(&mut x, style);
    list_styles(&mut x, style);
    x.close("office:styles");
    page_layout(&mut x, style);
    master_page(&mut x, page);
    x.close("office:document-styles");
    editor.apply(x.finish())
}

/// The font faces; an embedded family names its files in the package.
pub fn font_faces(x: &mut Xml, fonts: &[(String, Vec<String>)]) {
    x.open("office:font-face-decls", &[]);
    for (family, files) in fonts {
        let quoted = format!("'{family}'");
        let attrs = [
            ("style:name", family.as_str()),
            ("svg:font-family", quoted.as_str()),
            ("style:font-family-generic", "swiss"),
            ("style:font-pitch", "variable"),
        ];
        if files.is_empty() {
            x.empty("style:font-face", &attrs);
            continue;
        }
        x.open("style:font-face", &attrs);
        x.open("svg:font-face-src", &[]);
        for f in files {
            x.open(
                "svg:font-face-uri",
                &[("xlink:href", f.as_str()), ("xlink:type", "simple")],
            );
            x.empty("svg:font-face-format", &[("svg:string", "truetype")]);
            x.close("svg:font-face-uri");
        }
        x.close("svg:font-face-src");
        x.close("style:font-face");
    }
    x.close("office:font-face-decls");
}

fn defaults(x: &mut Xml, style: &HouseStyle, page: &PageTexts) {
    x.open("style:default-style", &[("style:family", "paragraph")]);
    x.empty(
        "style:paragraph-properties",
        &[("style:tab-stop-distance", "1.25cm")],
    );
    x.empty(
        "style:text-properties",
        &[
            ("style:font-name", &style.lettertype),
            ("fo:font-size", &pt(style.maten.tekst)),
            ("fo:language", page.language),
            ("fo:country", page.country),
            ("fo:color", &colour(&style.kleuren.tekst)),
            ("fo:hyphenate", "false"),
        ],
    );
    x.close("style:default-style");
    x.open("style:default-style", &[("style:family", "table")]);
    x.empty(
        "style:table-properties",
        &[("table:border-model", "collapsing")],
    );
    x.close("style:default-style");
}

fn paragraph_styles(x: &mut Xml, style: &HouseStyle) {
    let k = &style.kleuren;
    let m = &style.maten;
    let mut standard = Para::new("Standard");
    standard.parent = None;
    standard.class = Some("text");
    standard.para = vec![
        ("fo:margin-top", "0cm".into()),
        ("fo:margin-bottom", "6pt".into()),
        ("fo:line-height", "100%".into()),
    ];
    standard.write(x);
    let mut body = Para::new(TEXT_BODY);
    body.class = Some("text");
    body.write(x);
    // A list item: close to the next item, as in the PDF.
    let mut item = Para::new(LIST_PARAGRAPH);
    item.parent = Some(TEXT_BODY);
    item.class = Some("list");
    item.para = vec![("fo:margin-bottom", "3pt".into())];
    item.write(x);

    let mut base = Para::new("Heading");
    base.next = Some(TEXT_BODY);
    base.class = Some("text");
    base.para = vec![("fo:keep-with-next", "always".into())];
    base.text = vec![
        ("fo:color", colour(&k.hoofdkleur)),
        ("fo:font-weight", "bold".into()),
    ];
    base.write(x);
    let sizes = [m.kop1, m.kop2, m.kop3, m.tekst, m.tekst, m.tekst];
    // Space above and below, in cm, as the DOCX's headings have it (a
    // section 18 pt above and 6 pt below, ...); a chapter a little more;
    // a heading of level 3 (an indicator's) 12 pt above, as the PDF's.
    let space = [
        (0.5, 0.42),
        (0.635, 0.21),
        (0.43, 0.14),
        (0.35, 0.07),
        (0.35, 0.07),
        (0.35, 0.07),
    ];
    let names: Vec<String> = (1..=6).map(heading).collect();
    for (i, name) in names.iter().enumerate() {
        let mut h = Para::new(name);
        h.parent = Some("Heading");
        h.next = Some(TEXT_BODY);
        h.outline = Some(i as u8 + 1);
        h.para = vec![
            ("fo:margin-top", cm(space[i].0)),
            ("fo:margin-bottom", cm(space[i].1)),
        ];
        h.text = vec![("fo:font-size", pt(sizes[i]))];
        if i == 2 {
            h.text.push(("fo:font-weight", "600".into()));
        }
        h.write(x);
    }

    // The title page.
    let mut overline = Para::new(OVERLINE);
    overline.para = vec![("fo:margin-top", "2cm".into())];
    overline.text = vec![
        ("fo:text-transform", "uppercase".into()),
        ("fo:letter-spacing", "0.5pt".into()),
        ("fo:color", colour(&k.grijs_donker)),
        ("fo:font-size", pt(m.bijschrift)),
    ];
    overline.write(x);
    let mut title = Para::new(TITLE);
    title.class = Some("chapter");
    title.para = vec![
        ("fo:margin-top", "0.3cm".into()),
        ("fo:margin-bottom", "0.3cm".into()),
        ("fo:line-height", "110%".into()),
    ];
    title.text = vec![
        ("fo:font-size", pt(m.kop1 * 1.6)),
        ("fo:font-weight", "bold".into()),
        ("fo:color", colour(&k.hoofdkleur)),
    ];
    title.write(x);
    let mut year = Para::new(REPORT_YEAR);
    year.text = vec![
        ("fo:font-size", pt(m.kop2)),
        ("fo:color", colour(&k.hoofdkleur)),
    ];
    year.write(x);
    let mut subtitle = Para::new(SUBTITLE);
    subtitle.class = Some("chapter");
    subtitle.para = vec![("fo:margin-top", "0.6cm".into())];
    subtitle.text = vec![
        ("fo:font-size", pt(m.kop3)),
        ("fo:color", colour(&k.accentkleur)),
    ];
    subtitle.write(x);
    let mut draft = Para::new(DRAFT_MARK);
    draft.para = vec![("fo:margin-top", "0.8cm".into())];
    draft.text = vec![
        ("fo:font-weight", "bold".into()),
        ("fo:color", colour(&k.concept)),
        ("fo:letter-spacing", "1pt".into()),
    ];
    draft.write(x);
    let mut organisation = Para::new(ORGANISATION);
    organisation.para = vec![("fo:margin-top", "6cm".into())];
    organisation.text = vec![("fo:color", colour(&k.grijs_donker))];
    organisation.write(x);

    // Tables, captions, figures, sources, formulas.
    let mut caption = Para::new(CAPTION);
    caption.class = Some("extra");
    // Paragraph spacing adds up in LibreOffice, where the PDF takes the
    // larger of two: after body text (6 pt below) a caption gets 9 pt.
    caption.para = vec![
        ("fo:margin-top", "3pt".into()),
        ("fo:margin-bottom", "6pt".into()),
        ("fo:keep-with-next", "always".into()),
    ];
    caption.text = vec![("fo:font-size", pt(m.bijschrift))];
    caption.write(x);
    let mut figure = Para::new(FIGURE);
    figure.para = vec![
        ("fo:margin-bottom", "0.1cm".into()),
        ("fo:keep-with-next", "always".into()),
    ];
    figure.write(x);
    let mut table_text = Para::new(TABLE_TEXT);
    table_text.class = Some("extra");
    table_text.para = vec![
        ("fo:margin-top", "0cm".into()),
        ("fo:margin-bottom", "0cm".into()),
        ("fo:line-height", "100%".into()),
    ];
    table_text.text = vec![("fo:font-size", pt(m.tabel))];
    table_text.write(x);
    let mut table_heading = Para::new(TABLE_HEADING);
    table_heading.parent = Some(TABLE_TEXT);
    table_heading.text = vec![
        ("fo:font-weight", "bold".into()),
        ("fo:color", colour(&k.hoofdkleur)),
    ];
    table_heading.write(x);
    let mut row_heading = Para::new(TABLE_ROW_HEADING);
    row_heading.parent = Some(TABLE_TEXT);
    row_heading.text = vec![("fo:color", colour(&k.hoofdkleur))];
    row_heading.write(x);
    let mut note = Para::new(TABLE_NOTE);
    note.parent = Some(TABLE_TEXT);
    note.text = vec![
        ("fo:font-size", pt((m.tabel - 1.0).max(7.0))),
        ("fo:color", colour(&k.grijs_donker)),
    ];
    note.write(x);
    let mut source = Para::new(SOURCE);
    source.next = Some(TEXT_BODY);
    source.para = vec![
        ("fo:margin-top", "0.07cm".into()),
        ("fo:margin-bottom", "0.2cm".into()),
    ];
    source.text = vec![
        ("fo:font-size", pt(m.bijschrift)),
        ("fo:color", colour(&k.grijs_donker)),
    ];
    source.write(x);
    let mut formula = Para::new(FORMULA);
    formula.next = Some(TEXT_BODY);
    formula.para = vec![
        ("fo:margin-left", "1.27cm".into()),
        ("fo:margin-top", "0.1cm".into()),
        ("fo:margin-bottom", "0.2cm".into()),
    ];
    formula.write(x);

    // The colophon.
    let mut colophon_heading = Para::new(COLOPHON_HEADING);
    colophon_heading.para = vec![
        ("fo:break-before", "page".into()),
        ("fo:margin-top", "14cm".into()),
        ("fo:margin-bottom", "0.3cm".into()),
        ("fo:keep-with-next", "always".into()),
    ];
    colophon_heading.text = vec![
        ("fo:font-size", pt(m.kop2)),
        ("fo:font-weight", "bold".into()),
        ("fo:color", colour(&k.hoofdkleur)),
    ];
    colophon_heading.write(x);
    let mut colophon = Para::new(COLOPHON);
    colophon.para = vec![
        ("fo:margin-left", "4cm".into()),
        ("fo:text-indent", "-4cm".into()),
        ("fo:margin-bottom", "0.05cm".into()),
    ];
    colophon.tabs = vec![(0.0, "left")];
    colophon.text = vec![("fo:font-size", pt(m.bijschrift))];
    colophon.write(x);

    // The contents, the running head and foot.
    let mut contents_heading = Para::new(CONTENTS_HEADING);
    contents_heading.parent = Some("Heading");
    contents_heading.class = Some("index");
    contents_heading.text = vec![("fo:font-size", pt(m.kop1))];
    contents_heading.write(x);
    for level in 1..=2u8 {
        let name = contents(level);
        let mut c = Para::new(&name);
        c.class = Some("index");
        c.para = vec![
            ("fo:margin-left", "0cm".into()),
            (
                "fo:margin-top",
                if level == 1 {
                    "0.15cm".into()
                } else {
                    "0cm".into()
                },
            ),
            ("fo:margin-bottom", "0.05cm".into()),
        ];
        let width =
            style.pagina.paper_size().0 - style.pagina.marge_links - style.pagina.marge_rechts;
        c.tabs = vec![(width, "right")];
        if level == 1 {
            c.text = vec![
                ("fo:font-weight", "bold".into()),
                ("fo:color", colour(&k.hoofdkleur)),
            ];
        }
        c.write(x);
    }
    let width = style.pagina.paper_size().0 - style.pagina.marge_links - style.pagina.marge_rechts;
    for name in [HEADER, FOOTER] {
        let mut p = Para::new(name);
        p.class = Some("extra");
        p.para = vec![("fo:margin-bottom", "0cm".into())];
        p.tabs = vec![(width, "right")];
        p.text = vec![
            ("fo:font-size", pt(m.bijschrift - 1.0)),
            ("fo:color", colour(&k.grijs_donker)),
        ];
        p.write(x);
    }
}

fn character_styles(x: &mut Xml, style: &HouseStyle) {
    let text = |x: &mut Xml, name: &str, attrs: &[(&str, &str)]| {
        let display = display(name);
        let mut a = vec![("style:name", name)];
        if display != name {
            a.push(("style:display-name", &display));
        }
        a.push(("style:family", "text"));
        x.open("style:style", &a);
        x.empty("style:text-properties", attrs);
        x.close("style:style");
    };
    text(x, STRONG, &[("fo:font-weight", "bold")]);
    text(x, EMPHASIS, &[("fo:font-style", "italic")]);
    text(x, CAPTION_LABEL, &[("fo:font-weight", "bold")]);
    text(
        x,
        LINK,
        &[
            ("fo:color", &colour(&style.kleuren.accentkleur)),
            ("style:text-underline-style", "solid"),
            ("style:text-underline-width", "auto"),
            ("style:text-underline-color", "font-color"),
        ],
    );
}

/// The outline numbering: chapters and sections numbered (`4`, `4.2`),
/// their numbers in the left margin; deeper headings without a number.
fn outline_style(x: &mut Xml, style: &HouseStyle) {
    let hang = cm(style.pagina.kopnummers);
    let minus = format!("-{hang}");
    x.open("text:outline-style", &[("style:name", "Outline")]);
    for level in 1..=10u8 {
        let l = level.to_string();
        let numbered = usize::from(level) <= crate::document::NUMBERED_LEVELS;
        let display = l.clone();
        let mut attrs = vec![("text:level", l.as_str())];
        if numbered {
            attrs.push(("style:num-format", "1"));
            if level > 1 {
                attrs.push(("text:display-levels", &display));
            }
        } else {
            attrs.push(("style:num-format", ""));
        }
        x.open("text:outline-level-style", &attrs);
        x.open(
            "style:list-level-properties",
            &[("text:list-level-position-and-space-mode", "label-alignment")],
        );
        x.empty(
            "style:list-level-label-alignment",
            &[
                ("text:label-followed-by", "listtab"),
                ("text:list-tab-stop-position", "0cm"),
                ("fo:text-indent", if numbered { &minus } else { "0cm" }),
                ("fo:margin-left", "0cm"),
            ],
        );
        x.close("style:list-level-properties");
        x.close("text:outline-level-style");
    }
    x.close("text:outline-style");
}

fn list_styles(x: &mut Xml, style: &HouseStyle) {
    for (name, ordered) in [(BULLETS, false), (NUMBERS, true)] {
        x.open("text:list-style", &[("style:name", name)]);
        for level in 1..=3u8 {
            let l = level.to_string();
            let margin = cm(0.6 * f64::from(level));
            let attrs_props = [("text:list-level-position-and-space-mode", "label-alignment")];
            let alignment = [
                ("text:label-followed-by", "listtab"),
                ("text:list-tab-stop-position", margin.as_str()),
                ("fo:text-indent", "-0.6cm"),
                ("fo:margin-left", margin.as_str()),
            ];
            if ordered {
                x.open(
                    "text:list-level-style-number",
                    &[
                        ("text:level", &l),
                        ("style:num-suffix", "."),
                        ("style:num-format", "1"),
                    ],
                );
            } else {
                x.open(
                    "text:list-level-style-bullet",
                    &[("text:level", &l), ("text:bullet-char", "•")],
                );
            }
            x.open("style:list-level-properties", &attrs_props);
            x.empty("style:list-level-label-alignment", &alignment);
            x.close("style:list-level-properties");
            if !ordered {
                x.empty(
                    "style:text-properties",
                    &[("fo:color", &colour(&style.kleuren.hoofdkleur))],
                );
            }
            x.close(if ordered {
                "text:list-level-style-number"
            } else {
                "text:list-level-style-bullet"
            });
        }
        x.close("text:list-style");
    }
}

fn page_layout(x: &mut Xml, style: &HouseStyle) {
    let p = &style.pagina;
    let (w, h) = p.paper_size();
    // The running head and foot stand `kopregel` and `voetregel` from the
    // edge; the text starts at the margins, as in the PDF.
    let head_gap = (p.marge_boven - p.kopregel - 0.5).max(0.1);
    let foot_gap = (p.marge_onder - p.voetregel - 0.5).max(0.1);
    x.open("office:automatic-styles", &[]);
    x.open("style:page-layout", &[("style:name", "pm1")]);
    x.empty(
        "style:page-layout-properties",
        &[
            ("fo:page-width", &cm(w)),
            ("fo:page-height", &cm(h)),
            ("style:print-orientation", "portrait"),
            ("fo:margin-top", &cm(p.kopregel)),
            ("fo:margin-bottom", &cm(p.voetregel)),
            ("fo:margin-left", &cm(p.marge_links)),
            ("fo:margin-right", &cm(p.marge_rechts)),
        ],
    );
    x.open("style:header-style", &[]);
    x.empty(
        "style:header-footer-properties",
        &[
            ("fo:min-height", "0.5cm"),
            ("fo:margin-bottom", &cm(head_gap)),
        ],
    );
    x.close("style:header-style");
    x.open("style:footer-style", &[]);
    x.empty(
        "style:header-footer-properties",
        &[("fo:min-height", "0.5cm"), ("fo:margin-top", &cm(foot_gap))],
    );
    x.close("style:footer-style");
    x.close("style:page-layout");
    x.close("office:automatic-styles");
}

/// The page: the running head names the chapter of the page (a chapter
/// field, which LibreOffice fills on every page), with the CONCEPT mark
/// of a draft; the foot names the report and the page.
fn master_page(x: &mut Xml, page: &PageTexts) {
    x.open("office:master-styles", &[]);
    x.open(
        "style:master-page",
        &[
            ("style:name", "Standard"),
            ("style:page-layout-name", "pm1"),
        ],
    );
    x.open("style:header", &[]);
    x.open("text:p", &[("text:style-name", HEADER)]);
    x.leaf(
        "text:chapter",
        &[
            ("text:display", "number-and-name"),
            ("text:outline-level", "1"),
        ],
        "",
    );
    if let Some(concept) = page.concept {
        x.empty("text:tab", &[]);
        x.leaf("text:span", &[("text:style-name", STRONG)], concept);
    }
    x.close("text:p");
    x.close("style:header");
    x.open("style:footer", &[]);
    x.open("text:p", &[("text:style-name", FOOTER)]);
    x.text(page.foot);
    x.empty("text:tab", &[]);
    x.text(&format!("{} ", page.page));
    x.leaf("text:page-number", &[("text:select-page", "current")], "1");
    x.text(&format!(" {} ", page.of));
    x.leaf("text:page-count", &[], "1");
    x.close("text:p");
    x.close("style:footer");
    x.close("style:master-page");
    x.close("office:master-styles");
}
