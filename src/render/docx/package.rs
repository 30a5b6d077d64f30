//! Completes the DOCX package that docx-rs writes, in one step over its
//! parts: what docx-rs 0.4 cannot express (repeating table header rows,
//! picture ids and alt texts, document language, title/creator/date, the
//! styles of the reference document `stijl.docx`) and what makes it
//! reproducible (paragraph ids and zip timestamps that do not depend on the
//! clock or on earlier documents in the process).
//!
//! Parts are read with roxmltree and changed by splicing well-formed XML at
//! node positions; text from the data is escaped with quick-xml.

use std::collections::HashSet;
use std::io::{Cursor, Read, Write};
use std::ops::Range;
use std::sync::Arc;

use quick_xml::escape::escape;
use roxmltree::{Document, Node};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::errors::DocxError;
use crate::memo::Memo;

/// The reference document with the Word styles, in the template folder.
pub const REFERENCE_DOCX: &str = "stijl.docx";

pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
const REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

/// What the package step needs to know about the document.
#[derive(Debug, Clone, Default)]
pub struct PackageInfo {
    pub title: String,
    pub creator: String,
    /// `YYYY-MM-DD`.
    pub created: String,
    /// `nl-NL`.
    pub language: String,
    pub keywords: String,
    /// Alternative text of every picture, in document order.
    pub alts: Vec<String>,
    /// For every table in document order: whether its first row is a header.
    pub header_rows: Vec<bool>,
    /// The reference document whose styles the output uses.
    pub reference: Option<Vec<u8>>,
    /// Width of the text between the margins, in twips (the right tab stop
    /// of the table of contents).
    pub text_width: u32,
    /// Colours, font and sizes of the Word styles and the theme.
    pub style: crate::document::house_style::HouseStyle,
}

/// One edit: replace `range` of the text with `with`.
pub(super) struct Edit {
    pub(super) range: Range<usize>,
    pub(super) with: String,
}

pub(super) fn apply(text: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len() + 1024);
    let mut at = 0;
    for e in edits {
        debug_assert!(e.range.start >= at, "edits do not overlap");
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.with);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Parse `text`, collect non-overlapping edits, apply them.
pub(super) fn pass(
    text: &str,
    mut collect: impl FnMut(&Document, &mut Vec<Edit>),
) -> Result<String, DocxError> {
    let doc = parse(text)?;
    let mut edits = Vec::new();
    collect(&doc, &mut edits);
    Ok(apply(text, edits))
}

pub(super) fn parse(text: &str) -> Result<Document<'_>, DocxError> {
    Ok(Document::parse(text)?)
}

pub(super) fn is(node: &Node, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(ns) && node.tag_name().name() == name
}

/// Position just after the start tag of an element that has children.
pub(super) fn after_start_tag(node: &Node) -> Option<usize> {
    node.first_child().map(|c| c.range().start)
}

/// An edit that makes `child` the first child of the element `node` (named
/// `tag`), opening it when it is empty (`<w:rPr/>`).
pub(super) fn prepend_child(node: &Node, tag: &str, child: String) -> Edit {
    match after_start_tag(node) {
        Some(pos) => Edit {
            range: pos..pos,
            with: child,
        },
        None => Edit {
            range: node.range(),
            with: format!("<{tag}>{child}</{tag}>"),
        },
    }
}

/// Paragraph ids numbered in document order across all parts.
fn renumber_para_ids(doc: &Document, counter: &mut u32, edits: &mut Vec<Edit>) {
    for node in doc.descendants().filter(Node::is_element) {
        for attr in node.attributes() {
            if attr.namespace() == Some(W14) && attr.name() == "paraId" {
                *counter += 1;
                edits.push(Edit {
                    range: attr.range_value(),
                    with: format!("{:08X}", *counter),
                });
            }
        }
    }
}

/// Field characters and instructions each in a run of their own, as Word
/// writes them: docx-rs puts `begin`, the instruction and `separate` in one
/// run, which LibreOffice shows as raw field code in a table of contents.
fn split_field_runs(doc: &Document, edits: &mut Vec<Edit>) {
    let text = doc.input_text();
    for run in doc.descendants().filter(|n| is(n, W, "r")) {
        let children: Vec<Node> = run.children().filter(Node::is_element).collect();
        let fields = children
            .iter()
            .filter(|c| is(c, W, "fldChar") || is(c, W, "instrText"))
            .count();
        if fields == 0 || children.len() < 2 {
            continue;
        }
        let props = children
            .iter()
            .find(|c| is(c, W, "rPr"))
            .map_or("", |p| &text[p.range()]);
        let split: String = children
            .iter()
            .filter(|c| !is(c, W, "rPr"))
            .map(|c| format!("<w:r>{props}{}</w:r>", &text[c.range()]))
            .collect();
        edits.push(Edit {
            range: run.range(),
            with: split,
        });
    }
}

/// Content controls without properties, unwrapped. docx-rs wraps the
/// entries of a table of contents in one; nested inside the TOC's own
/// control it makes LibreOffice show the TOC field code instead of entries.
fn unwrap_empty_sdts(doc: &Document, edits: &mut Vec<Edit>) {
    let text = doc.input_text();
    for sdt in doc.descendants().filter(|n| is(n, W, "sdt")) {
        let props = sdt.children().find(|n| is(n, W, "sdtPr"));
        let content = sdt.children().find(|n| is(n, W, "sdtContent"));
        let empty = props.is_none_or(|p| !p.children().any(|c| c.is_element()));
        let nested = sdt.ancestors().skip(1).any(|a| is(&a, W, "sdt"));
        if let (true, true, Some(content)) = (empty, nested, content) {
            let inner = match (content.first_child(), content.last_child()) {
                (Some(first), Some(last)) => &text[first.range().start..last.range().end],
                _ => "",
            };
            edits.push(Edit {
                range: sdt.range(),
                with: inner.to_string(),
            });
        }
    }
}

/// The entries of the table of contents as written before Word or
/// LibreOffice lays the document out: number and title, without the tab
/// and the page number, which nobody knows yet; so no dot leader runs out
/// into nothing. Updating the field (Word asks for it when the editor
/// clicks the contents) writes the page column.
fn toc_entries_without_pages(doc: &Document, edits: &mut Vec<Edit>) {
    let toc_style = |p: &Node| {
        p.children()
            .find(|c| is(c, W, "pPr"))
            .and_then(|ppr| ppr.children().find(|c| is(c, W, "pStyle")))
            .and_then(|s| s.attribute((W, "val")))
            .and_then(|v| v.strip_prefix("ToC").or_else(|| v.strip_prefix("TOC")))
            .is_some_and(|level| !level.is_empty() && level.chars().all(|c| c.is_ascii_digit()))
    };
    for link in doc.descendants().filter(|n| is(n, W, "hyperlink")) {
        if !link
            .parent()
            .is_some_and(|p| is(&p, W, "p") && toc_style(&p))
        {
            continue;
        }
        let runs: Vec<Node> = link.children().filter(|c| is(c, W, "r")).collect();
        let Some(tab) = runs
            .iter()
            .position(|r| r.children().any(|c| is(&c, W, "tab")))
        else {
            continue;
        };
        let (Some(first), Some(last)) = (runs.get(tab), runs.last()) else {
            continue;
        };
        edits.push(Edit {
            range: first.range().start..last.range().end,
            with: String::new(),
        });
    }
}

/// Runs with Arabic or Hebrew letters name the embedded font of that
/// script as their complex-script font (`w:rFonts/@w:cs`), which Word and
/// LibreOffice use for right-to-left letters; the bidirectional algorithm
/// orders them within the Dutch sentence.
fn script_fonts(doc: &Document, edits: &mut Vec<Edit>) {
    // Runs with field characters are rewritten whole by `split_field_runs`.
    let plain = |run: &Node| {
        !run.children()
            .any(|c| is(&c, W, "fldChar") || is(&c, W, "instrText"))
    };
    for run in doc.descendants().filter(|n| is(n, W, "r") && plain(n)) {
        let family = run
            .children()
            .filter(|c| is(c, W, "t"))
            .filter_map(|t| t.text())
            .flat_map(str::chars)
            .find_map(crate::fonts::script_family);
        let Some(family) = family else {
            continue;
        };
        let fonts = format!(r#"<w:rFonts w:cs="{family}"/>"#);
        match run.children().find(|c| is(c, W, "rPr")) {
            Some(rpr) => match rpr.children().find(|c| is(c, W, "rFonts")) {
                Some(rfonts) => match rfonts
                    .attributes()
                    .find(|a| a.namespace() == Some(W) && a.name() == "cs")
                {
                    Some(cs) => edits.push(Edit {
                        range: cs.range_value(),
                        with: family.to_string(),
                    }),
                    None => {
                        let at = rfonts.range().start + "<w:rFonts".len();
                        edits.push(Edit {
                            range: at..at,
                            with: format!(r#" w:cs="{family}""#),
                        });
                    }
                },
                None => edits.push(prepend_child(&rpr, "w:rPr", fonts)),
            },
            None => {
                let pos = after_start_tag(&run).unwrap_or(run.range().end);
                edits.push(Edit {
                    range: pos..pos,
                    with: format!("<w:rPr>{fonts}</w:rPr>"),
                });
            }
        }
    }
}

/// The fonts of the report in the font table, beside what docx-rs lists,
/// with the embedded font files of each.
fn font_table_entries(
    house: &str,
    embedded: &[crate::render::docx::fonts::EmbeddedFont],
) -> String {
    use crate::fonts::{ARABIC_FAMILY, EMOJI_FAMILY, HEBREW_FAMILY};
    [(house, "00"), (EMOJI_FAMILY, "00"), (ARABIC_FAMILY, "B2"), (HEBREW_FAMILY, "B1")]
        .iter()
        .map(|(name, charset)| {
            format!(
                r#"<w:font w:name="{name}"><w:charset w:val="{charset}"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>{embed}</w:font>"#,
                name = escape(*name),
                embed = crate::render::docx::fonts::font_table_children(embedded, name),
            )
        })
        .collect()
}

/// Mark the first row of each table that has a header as repeating.
fn header_rows(doc: &Document, headers: &[bool], edits: &mut Vec<Edit>) {
    let tables = doc.descendants().filter(|n| is(n, W, "tbl"));
    for (table, has_header) in tables.zip(headers.iter().chain(std::iter::repeat(&false))) {
        if !has_header {
            continue;
        }
        let Some(row) = table.children().find(|n| is(n, W, "tr")) else {
            continue;
        };
        match row.children().find(|n| is(n, W, "trPr")) {
            Some(pr) => edits.push(prepend_child(&pr, "w:trPr", "<w:tblHeader/>".into())),
            None => {
                if let Some(pos) = after_start_tag(&row) {
                    edits.push(Edit {
                        range: pos..pos,
                        with: "<w:trPr><w:tblHeader/></w:trPr>".into(),
                    });
                }
            }
        }
    }
}

/// Unique ids, names and alternative texts for the pictures.
fn picture_properties(doc: &Document, alts: &[String], edits: &mut Vec<Edit>) {
    for (i, node) in doc.descendants().filter(|n| is(n, WP, "docPr")).enumerate() {
        let n = i + 1;
        let alt = alts.get(i).map(String::as_str).unwrap_or("");
        let tag = format!(
            r#"<wp:docPr id="{n}" name="Figuur {n}" descr="{}""#,
            escape(alt)
        );
        let with = if node.has_children() {
            let inner = &doc.input_text()
                [after_start_tag(&node).unwrap_or(node.range().end)..node.range().end];
            format!("{tag}>{inner}")
        } else {
            format!("{tag}/>")
        };
        edits.push(Edit {
            range: node.range(),
            with,
        });
    }
}

pub(super) fn style_id<'a>(node: &Node<'a, '_>) -> Option<&'a str> {
    node.attribute((W, "styleId"))
}

/// The reference styles, completed with ours, without heading numbering,
/// and with the document language as default.
pub fn merge_styles(
    reference: Option<&str>,
    ours: &str,
    language: &str,
) -> Result<String, DocxError> {
    let ours_doc = parse(ours)?;
    let base_text = reference.unwrap_or(ours);
    let base = parse(base_text)?;
    let root = base.root_element();
    let known: HashSet<&str> = root
        .children()
        .filter(|n| is(n, W, "style"))
        .filter_map(|n| style_id(&n))
        .collect();
    let mut edits = Vec::new();

    // Styles our document needs that the reference lacks.
    let missing: String = ours_doc
        .root_element()
        .children()
        .filter(|n| is(n, W, "style"))
        .filter(|n| style_id(n).is_some_and(|id| !known.contains(id)))
        .map(|n| ours[n.range()].to_string())
        .collect();
    let end = root.range().end;
    let close = base_text[..end].rfind("</").unwrap_or(end);
    if !missing.is_empty() {
        edits.push(Edit {
            range: close..close,
            with: missing,
        });
    }

    // Numbering attached to heading styles would number our headings twice.
    for style in root.children().filter(|n| is(n, W, "style")) {
        if !style_id(&style).is_some_and(|id| id.starts_with("Heading")) {
            continue;
        }
        for num in style.descendants().filter(|n| is(n, W, "numPr")) {
            edits.push(Edit {
                range: num.range(),
                with: String::new(),
            });
        }
    }

    // Document language.
    let lang = format!(
        r#"<w:lang w:val="{l}" w:eastAsia="{l}" w:bidi="ar-SA"/>"#,
        l = escape(language)
    );
    let defaults = root.children().find(|n| is(n, W, "docDefaults"));
    let rpr = defaults
        .and_then(|d| d.children().find(|n| is(n, W, "rPrDefault")))
        .and_then(|d| d.children().find(|n| is(n, W, "rPr")));
    match (defaults, rpr) {
        (_, Some(rpr)) => match rpr.children().find(|n| is(n, W, "lang")) {
            Some(l) => edits.push(Edit {
                range: l.range(),
                with: lang,
            }),
            None => edits.push(prepend_child(&rpr, "w:rPr", lang)),
        },
        (Some(d), None) => {
            let pos = after_start_tag(&d).unwrap_or(d.range().start);
            edits.push(Edit {
                range: pos..pos,
                with: format!("<w:rPrDefault><w:rPr>{lang}</w:rPr></w:rPrDefault>"),
            });
        }
        (None, None) => {
            if let Some(pos) = after_start_tag(&root) {
                edits.push(Edit {
                    range: pos..pos,
                    with: format!("<w:docDefaults><w:rPrDefault><w:rPr>{lang}</w:rPr></w:rPrDefault></w:docDefaults>"),
                });
            }
        }
    }
    Ok(apply(base_text, edits))
}

/// Core properties written from the report's metadata.
fn core_xml(info: &PackageInfo) -> String {
    let when = format!("{}T00:00:00Z", info.created);
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>",
            "<cp:keywords>{keywords}</cp:keywords><dc:language>{lang}</dc:language>",
            "<cp:lastModifiedBy>{creator}</cp:lastModifiedBy><cp:revision>1</cp:revision>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>"#,
            "</cp:coreProperties>"
        ),
        title = escape(&info.title),
        creator = escape(&info.creator),
        keywords = escape(&info.keywords),
        lang = escape(&info.language),
        when = when,
    )
}

fn read_parts(zip: &[u8]) -> Result<Vec<(String, Vec<u8>)>, DocxError> {
    let mut archive = ZipArchive::new(Cursor::new(zip))?;
    let mut parts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut f = archive.by_index(i)?;
        let mut data = Vec::new();
        f.read_to_end(&mut data)?;
        parts.push((f.name().to_string(), data));
    }
    Ok(parts)
}

/// The styles part of a reference document.
pub(super) fn reference_styles(reference: &[u8]) -> Result<String, DocxError> {
    let in_reference = |e: DocxError| DocxError::Reference {
        file: REFERENCE_DOCX,
        source: Box::new(e),
    };
    let parts = read_parts(reference).map_err(in_reference)?;
    let (name, data) = parts
        .into_iter()
        .find(|(n, _)| n == "word/styles.xml")
        .ok_or(DocxError::NoStyles {
            file: REFERENCE_DOCX,
        })?;
    text(&name, data).map_err(in_reference)
}

fn text(name: &str, data: Vec<u8>) -> Result<String, DocxError> {
    String::from_utf8(data).map_err(|_| DocxError::NotUtf8 {
        part: name.to_string(),
    })
}

/// Complete the package written by docx-rs.
pub fn finish(
    raw: &[u8],
    info: &PackageInfo,
    styles_memo: Option<&Memo<u128, Arc<str>>>,
) -> Result<Vec<u8>, DocxError> {
    let mut parts = read_parts(raw)?;
    // Parts in a fixed order: paragraph ids count through them in this order.
    parts.sort_by(|a, b| part_rank(&a.0).cmp(&part_rank(&b.0)).then(a.0.cmp(&b.0)));
    let mut para = 0u32;
    let mut out = Vec::with_capacity(parts.len());
    for (name, data) in parts {
        let data = if name == "word/document.xml" {
            let t = text(&name, data)?;
            // Structural changes first; the edits of the second pass lie
            // inside what the first may replace.
            let t = pass(&t, unwrap_empty_sdts)?;
            let t = pass(&t, toc_entries_without_pages)?;
            pass(&t, |doc, edits| {
                renumber_para_ids(doc, &mut para, edits);
                split_field_runs(doc, edits);
                header_rows(doc, &info.header_rows, edits);
                picture_properties(doc, &info.alts, edits);
                script_fonts(doc, edits);
            })?
            .into_bytes()
        } else if name.starts_with("word/header") || name.starts_with("word/footer") {
            let t = text(&name, data)?;
            pass(&t, |doc, edits| {
                renumber_para_ids(doc, &mut para, edits);
                split_field_runs(doc, edits);
                script_fonts(doc, edits);
            })?
            .into_bytes()
        } else if name == "word/styles.xml" {
            let t = text(&name, data)?;
            styles(info, &t, styles_memo)?.as_bytes().to_vec()
        } else if name == "docProps/core.xml" {
            core_xml(info).into_bytes()
        } else if name == "word/settings.xml" {
            let t = text(&name, data)?;
            insert_before_end(&t, crate::render::docx::fonts::SETTING).into_bytes()
        } else if name == "word/_rels/document.xml.rels" {
            let t = sorted_relationships(&text(&name, data)?)?;
            insert_before_end(&t, THEME_RELATIONSHIP).into_bytes()
        } else if name == "[Content_Types].xml" {
            let t = text(&name, data)?;
            let t = insert_before_end(&t, THEME_CONTENT_TYPE);
            insert_before_end(&t, crate::render::docx::fonts::CONTENT_TYPE).into_bytes()
        } else {
            data
        };
        out.push((name, data));
    }
    out.push((THEME_PART.to_string(), theme_xml(&info.style).into_bytes()));
    embed_fonts(&mut out, &info.style.lettertype)?;
    for (name, data) in &mut out {
        if name.starts_with("word/") && name.ends_with(".xml") {
            let t =
                std::str::from_utf8(data).map_err(|_| DocxError::NotUtf8 { part: name.clone() })?;
            *data = crate::render::docx::schema::normalise(t, info.text_width)?.into_bytes();
        }
    }
    write_zip(&out)
}

/// The relationships in the order of their ids (`rIdHyperlink2` before
/// `rIdHyperlink10`): docx-rs writes those of hyperlinks in the order of a
/// hash set, which differs from run to run.
fn sorted_relationships(rels: &str) -> Result<String, DocxError> {
    let doc = parse(rels)?;
    let root = doc.root_element();
    let mut items: Vec<Node> = root
        .children()
        .filter(|n| is(n, REL, "Relationship"))
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return Ok(rels.to_string());
    };
    let span = first.range().start..last.range().end;
    let key = |n: &Node| {
        let id = n.attribute("Id").unwrap_or_default();
        let digits = id.trim_start_matches(|c: char| !c.is_ascii_digit());
        let prefix = &id[..id.len() - digits.len()];
        (
            prefix.to_string(),
            digits.parse::<u64>().unwrap_or(0),
            id.to_string(),
        )
    };
    items.sort_by_key(|n| key(n));
    let sorted: String = items.iter().map(|n| &rels[n.range()]).collect();
    // Only whitespace may lie between the relationships that are moved.
    let between = root
        .children()
        .filter(|n| !n.is_element() && span.contains(&n.range().start))
        .all(|n| n.text().is_none_or(|t| t.trim().is_empty()));
    if !between {
        return Ok(rels.to_string());
    }
    Ok(format!(
        "{}{sorted}{}",
        &rels[..span.start],
        &rels[span.end..]
    ))
}

/// The theme part: Word documents carry one, and the document defaults
/// refer to its fonts.
const THEME_PART: &str = "word/theme/theme1.xml";
const THEME_RELATIONSHIP: &str = r#"<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>"#;
const THEME_CONTENT_TYPE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>"#;

/// `xml` with `child` added as the last child of its root element.
fn insert_before_end(xml: &str, child: &str) -> String {
    let close = xml.rfind("</").unwrap_or(xml.len());
    let mut out = String::with_capacity(xml.len() + child.len());
    out.push_str(&xml[..close]);
    out.push_str(child);
    out.push_str(&xml[close..]);
    out
}

/// A DrawingML theme (ECMA-376 Part 1, 20.1.6) with the house font and
/// colours, and the minimal formatting scheme the schema requires.
fn theme_xml(style: &crate::document::house_style::HouseStyle) -> String {
    let colour =
        |name: &str, rgb: String| format!(r#"<a:{name}><a:srgbClr val="{rgb}"/></a:{name}>"#);
    let k = &style.kleuren;
    let s = |key: &str| style.status(key).hex();
    let colours: String = [
        ("dk1", k.tekst.hex()),
        ("lt1", "FFFFFF".to_string()),
        ("dk2", k.hoofdkleur.hex()),
        ("lt2", k.tabelkop.hex()),
        ("accent1", k.hoofdkleur.hex()),
        ("accent2", k.accentkleur.hex()),
        ("accent3", s("behaald")),
        ("accent4", s("aandacht")),
        ("accent5", s("achter")),
        ("accent6", s("nulmeting")),
        ("hlink", k.accentkleur.hex()),
        ("folHlink", k.hoofdkleur.hex()),
    ]
    .into_iter()
    .map(|(n, c)| colour(n, c))
    .collect();
    let font = |kind: &str| {
        format!(
            r#"<a:{kind}><a:latin typeface="{f}"/><a:ea typeface=""/><a:cs typeface="{f}"/></a:{kind}>"#,
            f = quick_xml::escape::escape(style.lettertype.as_str())
        )
    };
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = format!(r#"<a:ln w="6350">{fill}</a:ln>"#);
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Techniekpact">"#,
            r#"<a:themeElements><a:clrScheme name="Techniekpact">{colours}</a:clrScheme>"#,
            r#"<a:fontScheme name="Techniekpact">{major}{minor}</a:fontScheme>"#,
            r#"<a:fmtScheme name="Techniekpact"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>"#,
            "<a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>",
            "<a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>",
            "<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>",
            "</a:themeElements></a:theme>"
        ),
        colours = colours,
        major = font("majorFont"),
        minor = font("minorFont"),
        fill = fill,
        line = line,
        effect = effect,
    )
}

/// The styles part: the reference's styles merged with ours. Every report
/// of a batch (and every rebuild of `volg`) has the same inputs, so the
/// renderer's `memo` keeps the last merge.
fn styles(
    info: &PackageInfo,
    ours: &str,
    memo: Option<&Memo<u128, Arc<str>>>,
) -> Result<Arc<str>, DocxError> {
    let key = typst::utils::hash128(&(&info.reference, ours, &info.language, &info.style));
    if let Some(merged) = memo.and_then(|m| m.get(&key)) {
        return Ok(merged);
    }
    let merged: Arc<str> = merged_styles(info, ours)?.into();
    if let Some(memo) = memo {
        memo.replace_all(key, merged.clone());
    }
    Ok(merged)
}

/// The reference's styles merged with ours, in the house style except
/// where the editor changed a style.
fn merged_styles(info: &PackageInfo, ours: &str) -> Result<String, DocxError> {
    let reference = info
        .reference
        .as_deref()
        .map(reference_styles)
        .transpose()?;
    let merged = merge_styles(reference.as_deref(), ours, &info.language)?;
    // The default reference's styles: a style whose look differs from them
    // was changed by the editor and keeps that look.
    let default_reference = crate::templates::Templates::embedded()
        .get(REFERENCE_DOCX)
        .map(|b| reference_styles(b))
        .transpose()?;
    let edited = match (&reference, &default_reference) {
        (Some(r), Some(d)) if r != d => crate::render::docx::house_style::edited_styles(d, r)?,
        _ => Default::default(),
    };
    let default_style = crate::document::house_style::HouseStyle::embedded();
    let styled = crate::render::docx::house_style::apply_house_style(
        &merged,
        &info.style,
        &default_style,
        &edited,
    )?;
    pass(&styled, |doc, edits| {
        numbered_headings(doc, edits);
        list_styles(doc, edits);
    })
}

/// Give `style` the numbering `num_pr`; one it has already is replaced
/// when `replace`, else kept.
fn set_num_pr(style: &Node, num_pr: String, replace: bool, edits: &mut Vec<Edit>) {
    match style.children().find(|c| is(c, W, "pPr")) {
        Some(p_pr) => match p_pr.children().find(|c| is(c, W, "numPr")) {
            Some(old) if replace => edits.push(Edit {
                range: old.range(),
                with: num_pr,
            }),
            Some(_) => {}
            None => edits.push(prepend_child(&p_pr, "w:pPr", num_pr)),
        },
        None => {
            let at = style
                .children()
                .find(|c| is(c, W, "rPr"))
                .map_or(style.range().end - "</w:style>".len(), |r| r.range().start);
            edits.push(Edit {
                range: at..at,
                with: format!("<w:pPr>{num_pr}</w:pPr>"),
            });
        }
    }
}

/// List Bullet and List Number (levels 1 to 3) tied to the document's own
/// bullet and numbered lists: the reference document's numbering is not in
/// the output, and its numbers would point at another list.
fn list_styles(doc: &Document, edits: &mut Vec<Edit>) {
    for style in doc.descendants().filter(|n| is(n, W, "style")) {
        let id = style.attribute((W, "styleId")).unwrap_or_default();
        let (list, rest) = if let Some(rest) = id.strip_prefix("ListBullet") {
            (super::BULLET_NUM_ID, rest)
        } else if let Some(rest) = id.strip_prefix("ListNumber") {
            (super::ORDERED_NUM_ID, rest)
        } else {
            continue;
        };
        let level = match rest {
            "" => 0,
            "2" => 1,
            "3" => 2,
            _ => continue,
        };
        let num_pr =
            format!(r#"<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{list}"/></w:numPr>"#);
        set_num_pr(&style, num_pr, true, edits);
    }
}

/// Heading 1 to 3 numbered by Word: each style takes its level of the
/// headings' multilevel list ([`super::HEADING_NUM_ID`]), so that a heading
/// an editor inserts is numbered too, and the later ones renumber. (A
/// numbering the reference document gave them is removed when the styles
/// are merged: its list is not in the output.)
fn numbered_headings(doc: &Document, edits: &mut Vec<Edit>) {
    let heading_level = |id: &str| {
        id.strip_prefix("Heading")
            .and_then(|n| n.parse::<usize>().ok())
            .filter(|n| (1..=super::NUMBERED_HEADING_LEVELS).contains(n))
    };
    for style in doc.descendants().filter(|n| is(n, W, "style")) {
        let id = style.attribute((W, "styleId")).unwrap_or_default();
        let based_on = style
            .children()
            .find(|c| is(c, W, "basedOn"))
            .and_then(|b| b.attribute((W, "val")))
            .unwrap_or_default();
        let num_pr = match heading_level(id) {
            Some(level) => format!(
                r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{}"/></w:numPr>"#,
                level - 1,
                super::HEADING_NUM_ID
            ),
            // A style built on a heading (the contents' title) is not
            // numbered with it.
            None if heading_level(based_on).is_some() => {
                r#"<w:numPr><w:numId w:val="0"/></w:numPr>"#.to_string()
            }
            None => continue,
        };
        set_num_pr(&style, num_pr, false, edits);
    }
}

/// The font files inside the package: in the font table, its
/// relationships and `word/fonts/`. A script font is embedded when a run
/// of the document, a header or a footer names it.
fn embed_fonts(parts: &mut Vec<(String, Vec<u8>)>, house: &str) -> Result<(), DocxError> {
    let names = |family: &str| {
        let needle = format!(r#"w:cs="{family}""#);
        parts.iter().any(|(n, d)| {
            (n == "word/document.xml"
                || n.starts_with("word/header")
                || n.starts_with("word/footer"))
                && memchr::memmem::find(d, needle.as_bytes()).is_some()
        })
    };
    let fonts = crate::render::docx::fonts::fonts_for(house, names);
    let table = parts
        .iter_mut()
        .find(|(n, _)| n == "word/fontTable.xml")
        .ok_or(DocxError::NoFontTable)?;
    let t = std::str::from_utf8(&table.1).map_err(|_| DocxError::NotUtf8 {
        part: table.0.clone(),
    })?;
    table.1 = insert_before_end(t, &font_table_entries(house, &fonts)).into_bytes();
    parts.push((
        crate::render::docx::fonts::RELS_PART.to_string(),
        crate::render::docx::fonts::rels(&fonts).into_bytes(),
    ));
    for f in fonts {
        parts.push((f.part, f.data));
    }
    Ok(())
}

/// `[Content_Types].xml` first, as Office expects; then the rest by name.
fn part_rank(name: &str) -> u8 {
    match name {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    }
}

/// A zip with fixed timestamps and permissions: same parts, same bytes.
fn write_zip(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, DocxError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        // The fastest level: the XML parts still shrink about tenfold.
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    // Pictures are compressed already: deflating them again costs time, saves
    // nothing. The embedded fonts are stored too: deflating them cost 7 ms of
    // every run (a tenth of the DOCX) to make the file 19 % smaller.
    let stored = options
        .compression_method(CompressionMethod::Stored)
        .compression_level(None);
    for (name, data) in parts {
        let options = if name.starts_with("word/media/") || name.starts_with("word/fonts/") {
            stored
        } else {
            options
        };
        zip.start_file(name.as_str(), options)
            .and_then(|()| zip.write_all(data).map_err(Into::into))
            .map_err(DocxError::Pack)?;
    }
    let cursor = zip.finish().map_err(DocxError::Pack)?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><w:body><w:p w14:paraId="0000002A"/><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc/></w:tr><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:tc/></w:tr></w:tbl><w:tbl><w:tr><w:trPr/><w:tc/></w:tr></w:tbl><w:p w14:paraId="00000099"><wp:docPr id="7" name="Figure"/></w:p></w:body></w:document>"#;

    fn edited(mut f: impl FnMut(&Document, &mut Vec<Edit>)) -> String {
        let doc = Document::parse(DOC).unwrap();
        let mut edits = Vec::new();
        f(&doc, &mut edits);
        let out = apply(DOC, edits);
        Document::parse(&out).expect("still well-formed");
        out
    }

    #[test]
    fn header_rows_repeat_only_where_asked() {
        let out = edited(|d, e| header_rows(d, &[true, false, true], e));
        assert!(out.contains("<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"));
        assert!(
            out.contains("<w:tbl><w:tr><w:tc/></w:tr></w:tbl>"),
            "second table untouched"
        );
        assert!(out.contains("<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/>"));
        assert_eq!(out.matches("tblHeader").count(), 2);
    }

    #[test]
    fn pictures_get_ids_and_escaped_alt_text() {
        let alts = vec![r#"Grafiek "A" & <B>"#.to_string()];
        let out = edited(|d, e| picture_properties(d, &alts, e));
        assert!(out.contains(r#"<wp:docPr id="1" name="Figuur 1" descr="Grafiek &quot;A&quot; &amp; &lt;B&gt;"/>"#), "{out}");
    }

    #[test]
    fn field_characters_get_runs_of_their_own() {
        let doc = r#"<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r><w:rPr><w:b/></w:rPr><w:fldChar w:fldCharType="begin"/><w:instrText>PAGE</w:instrText><w:fldChar w:fldCharType="separate"/><w:t>1</w:t><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>gewoon</w:t></w:r></w:p>"#;
        let parsed = Document::parse(doc).unwrap();
        let mut edits = Vec::new();
        split_field_runs(&parsed, &mut edits);
        let out = apply(doc, edits);
        Document::parse(&out).unwrap();
        assert_eq!(out.matches("<w:r>").count(), 6);
        assert!(
            out.contains(r#"<w:r><w:rPr><w:b/></w:rPr><w:instrText>PAGE</w:instrText></w:r>"#),
            "{out}"
        );
        assert!(out.contains("<w:r><w:t>gewoon</w:t></w:r>"));
    }

    #[test]
    fn empty_nested_content_controls_are_unwrapped() {
        let doc = r#"<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdt><w:sdtPr><w:alias w:val="Inhoud"/></w:sdtPr><w:sdtContent><w:p/><w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r/></w:p><w:p/></w:sdtContent></w:sdt></w:sdtContent></w:sdt></w:body>"#;
        let out = pass(doc, unwrap_empty_sdts).unwrap();
        assert_eq!(
            out,
            r#"<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdt><w:sdtPr><w:alias w:val="Inhoud"/></w:sdtPr><w:sdtContent><w:p/><w:p><w:r/></w:p><w:p/></w:sdtContent></w:sdt></w:body>"#
        );
    }

    #[test]
    fn paragraph_ids_count_from_one() {
        let mut n = 0;
        let out = edited(|d, e| renumber_para_ids(d, &mut n, e));
        assert!(out.contains(r#"w14:paraId="00000001""#));
        assert!(out.contains(r#"w14:paraId="00000002""#));
        assert_eq!(n, 2);
    }

    const OURS: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:styleId="Eigen"><w:name w:val="Eigen"/></w:style></w:styles>"#;
    const REFERENCE: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style><w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr><w:spacing w:before="240"/></w:pPr></w:style></w:styles>"#;

    #[test]
    fn reference_styles_win_and_missing_ones_are_kept() {
        let out = merge_styles(Some(REFERENCE), OURS, "nl-NL").unwrap();
        Document::parse(&out).unwrap();
        assert!(
            out.contains(r#"<w:color w:val="FF0000"/>"#),
            "reference Normal kept"
        );
        assert_eq!(out.matches(r#"w:styleId="Normal""#).count(), 1);
        assert!(
            out.contains(r#"w:styleId="Eigen""#),
            "our extra style added"
        );
        assert!(!out.contains("numPr"), "heading numbering removed");
        assert!(out.contains(r#"<w:spacing w:before="240"/>"#));
        assert!(out.contains(r#"<w:lang w:val="nl-NL""#));
        assert!(!out.contains("en-US"));
    }

    #[test]
    fn language_is_added_without_defaults() {
        let out = merge_styles(None, OURS, "nl-NL").unwrap();
        Document::parse(&out).unwrap();
        assert!(out.contains(r#"<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="nl-NL""#));
    }

    #[test]
    fn core_properties_are_escaped() {
        let info = PackageInfo {
            title: "A & B <2016>".into(),
            creator: "Secretariaat".into(),
            created: "2017-03-15".into(),
            language: "nl-NL".into(),
            ..Default::default()
        };
        let xml = core_xml(&info);
        Document::parse(&xml).unwrap();
        assert!(xml.contains("<dc:title>A &amp; B &lt;2016&gt;</dc:title>"));
        assert!(xml.contains("2017-03-15T00:00:00Z"));
    }
}
