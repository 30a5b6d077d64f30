//! The editor's Word styles from the reference document `stijl.docx`: the
//! styles whose effective formatting differs from the embedded
//! `stijl.docx` (the editor changed them, in Word, LibreOffice or a
//! script; [`style_match`] tells which of theirs is which of ours) and the
//! styles it does not have (the editor added them), each as the XML of one
//! `w:style` under our id and name, ready for the styles part
//! ([`super::styles`]).
//!
//! A style is copied element by element, without the numbering of the
//! reference (its lists are not in the output); a heading or list style
//! gets ours. Only the WordprocessingML namespaces of Word 2010 and 2013
//! are copied: anything else is an extension Word may ignore.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use crate::errors::DocxError;
use crate::render::docx::numbering;
use crate::render::docx::ooxml::{W, W14, W15};
use crate::render::docx::style_match;
use crate::render::xml::Xml;

/// The reference document with the Word styles, in the template folder.
pub const REFERENCE_DOCX: &str = "stijl.docx";

/// The editor's styles by id: changed ones replace ours, added ones follow.
#[derive(Default, Debug, Clone, Hash)]
pub struct EditorStyles {
    changed: BTreeMap<String, String>,
    added: Vec<String>,
    /// What was taken as the editor's, for the editor to check.
    pub taken: Vec<Taken>,
    /// The font families the editor's styles name that the DOCX does not
    /// embed: by style name.
    pub foreign_fonts: Vec<(String, String)>,
}

pub use crate::render::editor_said::Taken;

impl EditorStyles {
    /// The editor's version of a style of ours.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.changed.get(id).map(String::as_str)
    }

    /// The editor's own styles, in the order of the reference.
    pub fn added(&self) -> impl Iterator<Item = &str> {
        self.added.iter().map(String::as_str)
    }

    /// What the editor changed or added in `reference`, against the
    /// embedded `stijl.docx`, whatever program saved it
    /// ([`style_match`]). `ours` are the ids of the styles we write.
    pub fn read(reference: Option<&[u8]>, ours: &[&str]) -> Result<Self, DocxError> {
        let embedded = crate::templates::Templates::embedded();
        let default = embedded.get(REFERENCE_DOCX);
        let Some(reference) = reference else {
            return Ok(EditorStyles::default());
        };
        if default.map(|d| &d[..]) == Some(reference) {
            return Ok(EditorStyles::default());
        }
        let theirs_text = styles_part(reference)?;
        let theirs_doc = Document::parse(&theirs_text).map_err(|e| in_reference(e.into()))?;
        let default_text = default.map(|d| styles_part(d)).transpose()?;
        let default_doc = default_text.as_deref().map(Document::parse).transpose()?;
        let before = default_doc
            .as_ref()
            .map(style_match::styles)
            .unwrap_or_default();
        let theirs = style_match::styles(&theirs_doc);
        // Their id of each of ours, and ours of each of theirs.
        let matched = style_match::match_ours(&before, &theirs);
        let ours_of: BTreeMap<&str, &str> = matched.iter().map(|(o, t)| (*t, *o)).collect();
        let by_id: BTreeMap<&str, &style_match::Style> = theirs.iter().map(|s| (s.id, s)).collect();
        let mut keep: BTreeSet<&str> = BTreeSet::new();
        for t in &theirs {
            let changed = match (ours_of.get(t.id), &default_doc) {
                (Some(our_id), Some(d)) => {
                    style_match::own(&theirs_doc, &theirs, t.id)
                        != style_match::own(d, &before, our_id)
                }
                (Some(_), None) => true,
                (None, _) => !style_match::is_programs_own(t, &before),
            };
            if changed {
                keep.insert(t.id);
            }
        }
        // The styles those are based on, follow or link to, when they are
        // neither ours nor kept already: else their look would change.
        let mut todo: Vec<&str> = keep.iter().copied().collect();
        while let Some(id) = todo.pop() {
            for other in references(&by_id[id].node) {
                if by_id.contains_key(other) && !ours_of.contains_key(other) && keep.insert(other) {
                    todo.push(other);
                }
            }
        }
        let names: BTreeMap<&str, &str> = before.iter().map(|s| (s.id, s.name)).collect();
        let mut out = EditorStyles::default();
        for t in &theirs {
            if !keep.contains(t.id) {
                continue;
            }
            let ours_id = ours_of.get(t.id).copied().filter(|o| ours.contains(o));
            let renames = Renames {
                ids: &ours_of,
                style: ours_id.map(|o| (o, names.get(o).copied().unwrap_or(o))),
            };
            let id = ours_id.unwrap_or(t.id);
            let mut x = Xml::fragment();
            copy(&mut x, &t.node, numbering::of_style(id), &renames);
            let shown = dutch_name(ours_id.map_or(t.name, |o| names.get(o).copied().unwrap_or(o)));
            if let Some(family) = latin_font(&t.node)
                && !crate::fonts::list::FONTS.iter().any(|f| f.family == family)
            {
                out.foreign_fonts.push((shown.clone(), family.to_string()));
            }
            out.taken.push(Taken {
                name: shown,
                added: ours_id.is_none(),
            });
            match ours_id {
                Some(o) => {
                    out.changed.insert(o.to_string(), x.finish());
                }
                None => out.added.push(x.finish()),
            }
        }
        Ok(out)
    }
}

/// The ids and names to write for a style taken from the editor's file:
/// ours for the styles of ours (LibreOffice's `Caption1` is our `Caption`).
struct Renames<'a> {
    /// Our id of each of their styles that is one of ours.
    ids: &'a BTreeMap<&'a str, &'a str>,
    /// For the style being copied, when it is one of ours: id and name.
    style: Option<(&'a str, &'a str)>,
}

/// The name Word shows in Dutch for a built-in style's name; an own
/// style's name as it is.
pub fn dutch_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if let Some(n) = lower.strip_prefix("heading ") {
        return format!("Kop {n}");
    }
    if let Some(n) = lower.strip_prefix("toc ") {
        if n == "heading" {
            return "Kop van inhoudsopgave".into();
        }
        return format!("Inhoudsopgave {n}");
    }
    match lower.as_str() {
        "normal" => "Standaard",
        "title" => "Titel",
        "subtitle" => "Ondertitel",
        "caption" => "Bijschrift",
        "header" => "Koptekst",
        "footer" => "Voettekst",
        "list paragraph" => "Lijstalinea",
        "list bullet" => "Lijstopsommingsteken",
        "list bullet 2" => "Lijstopsommingsteken 2",
        "list bullet 3" => "Lijstopsommingsteken 3",
        "list number" => "Lijstnummering",
        "list number 2" => "Lijstnummering 2",
        "list number 3" => "Lijstnummering 3",
        "normal table" => "Standaardtabel",
        "default paragraph font" => "Standaardalinea-lettertype",
        _ => return name.to_string(),
    }
    .to_string()
}

/// The Latin font a style names itself, if any.
fn latin_font<'a>(style: &Node<'a, '_>) -> Option<&'a str> {
    style
        .descendants()
        .find(|n| n.has_tag_name((W, "rFonts")))
        .and_then(|n| {
            n.attribute((W, "ascii"))
                .or_else(|| n.attribute((W, "hAnsi")))
        })
}

fn in_reference(e: DocxError) -> DocxError {
    DocxError::Reference {
        file: REFERENCE_DOCX,
        source: Box::new(e),
    }
}

/// The text of `word/styles.xml` in a DOCX.
fn styles_part(docx: &[u8]) -> Result<String, DocxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).map_err(|e| in_reference(e.into()))?;
    let mut part = zip
        .by_name("word/styles.xml")
        .map_err(|_| DocxError::NoStyles {
            file: REFERENCE_DOCX,
        })?;
    let mut bytes = Vec::new();
    part.read_to_end(&mut bytes)
        .map_err(|e| in_reference(e.into()))?;
    String::from_utf8(bytes).map_err(|_| {
        in_reference(DocxError::NotUtf8 {
            part: "word/styles.xml".into(),
        })
    })
}

/// The styles a style names: based on, next, linked.
fn references<'a>(style: &Node<'a, '_>) -> Vec<&'a str> {
    style
        .children()
        .filter(|c| c.is_element() && matches!(c.tag_name().name(), "basedOn" | "next" | "link"))
        .filter_map(|c| c.attribute((W, "val")))
        .collect()
}

fn prefix(ns: Option<&str>) -> Option<&'static str> {
    match ns {
        Some(W) => Some("w"),
        Some(W14) => Some("w14"),
        Some(W15) => Some("w15"),
        _ => None,
    }
}

/// The children of CT_PPrBase before `numPr`.
const BEFORE_NUM_PR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
];

/// Copy `node` (a `w:style`) into `x`, with `num` as its numbering and our
/// ids and names where `renames` has them.
fn copy(x: &mut Xml, node: &Node, num: Option<(Option<usize>, usize)>, renames: &Renames) {
    let Some(p) = prefix(node.tag_name().namespace()) else {
        return;
    };
    let name = format!("{p}:{}", node.tag_name().name());
    if node.has_tag_name((W, "numPr")) || node.has_tag_name((W, "rsid")) {
        return;
    }
    let attrs: Vec<(String, &str)> = node
        .attributes()
        .filter_map(|a| {
            let qualified = match a.namespace() {
                None => a.name().to_string(),
                Some("http://www.w3.org/XML/1998/namespace") => format!("xml:{}", a.name()),
                ns => format!("{}:{}", prefix(ns)?, a.name()),
            };
            Some((qualified, a.value()))
        })
        .collect();
    let is_style = node.has_tag_name((W, "style"));
    let local = node.tag_name().name();
    let attrs: Vec<(String, &str)> = attrs
        .into_iter()
        .map(|(n, v)| {
            let v = match (local, n.as_str(), renames.style) {
                ("style", "w:styleId", Some((id, _))) => id,
                ("name", "w:val", Some((_, name))) => name,
                ("basedOn" | "next" | "link", "w:val", _) => {
                    renames.ids.get(v).copied().unwrap_or(v)
                }
                _ => v,
            };
            (n, v)
        })
        .collect();
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let children: Vec<Node> = node.children().collect();
    let has_ppr = children.iter().any(|c| c.has_tag_name((W, "pPr")));
    if children.is_empty() && !(is_style && num.is_some()) {
        x.empty(&name, &attrs);
        return;
    }
    x.open(&name, &attrs);
    let mut num_written = false;
    for child in &children {
        if child.is_text() {
            x.text(child.text().unwrap_or_default());
            continue;
        }
        if !child.is_element() {
            continue;
        }
        // A style without paragraph properties gets them for its numbering,
        // before its run properties.
        if is_style
            && !has_ppr
            && !num_written
            && let Some((level, id)) = num
            && matches!(
                child.tag_name().name(),
                "rPr" | "tblPr" | "trPr" | "tcPr" | "tblStylePr"
            )
        {
            x.open("w:pPr", &[]);
            numbering::num_pr(x, level, id);
            x.close("w:pPr");
            num_written = true;
        }
        if child.has_tag_name((W, "pPr"))
            && let Some((level, id)) = num
        {
            copy_ppr(x, child, level, id, renames);
            num_written = true;
            continue;
        }
        copy(x, child, None, renames);
    }
    if is_style
        && !num_written
        && let Some((level, id)) = num
    {
        x.open("w:pPr", &[]);
        numbering::num_pr(x, level, id);
        x.close("w:pPr");
    }
    x.close(&name);
}

/// A style's `w:pPr` with our numbering in its place.
fn copy_ppr(x: &mut Xml, ppr: &Node, level: Option<usize>, id: usize, renames: &Renames) {
    x.open("w:pPr", &[]);
    let mut written = false;
    for child in ppr.children().filter(|c| c.is_element()) {
        if !written && !BEFORE_NUM_PR.contains(&child.tag_name().name()) {
            numbering::num_pr(x, level, id);
            written = true;
        }
        copy(x, &child, None, renames);
    }
    if !written {
        numbering::num_pr(x, level, id);
    }
    x.close("w:pPr");
}

#[cfg(test)]
mod tests {
    use super::*;

    const STYLE: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:x="urn:other"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rsid w:val="00AB"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="4"/></w:numPr><w:spacing w:before="240"/></w:pPr><w:rPr><x:odd/><w:color w:val="00AA00"/></w:rPr></w:style></w:styles>"#;

    #[test]
    fn a_copied_heading_gets_our_numbering_and_loses_theirs() {
        let doc = Document::parse(STYLE).unwrap();
        let style = doc.root_element().first_element_child().unwrap();
        let mut x = Xml::fragment();
        let ids = BTreeMap::new();
        let renames = Renames {
            ids: &ids,
            style: None,
        };
        copy(&mut x, &style, Some((Some(0), 100)), &renames);
        assert_eq!(
            x.finish(),
            r#"<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="100"/></w:numPr><w:spacing w:before="240"/></w:pPr><w:rPr><w:color w:val="00AA00"/></w:rPr></w:style>"#
        );
    }

    /// `templates/stijl.docx` is the reference document of the embedded
    /// house style, so that an editor finds in it every style the DOCX
    /// has. `TECHNIEKPACT_SCHRIJF_STIJL=1 cargo test --lib reference`
    /// writes it anew after a change of `styles.rs`.
    #[test]
    fn the_embedded_reference_has_our_styles() {
        let style = crate::document::house_style::HouseStyle::embedded();
        let made = crate::render::docx::reference_document(&style).unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/stijl.docx");
        if std::env::var_os("TECHNIEKPACT_SCHRIJF_STIJL").is_some() {
            std::fs::write(path, &made).unwrap();
        }
        let embedded = crate::templates::Templates::embedded();
        let bytes = embedded.get(REFERENCE_DOCX).unwrap();
        assert_eq!(
            styles_part(bytes).unwrap(),
            styles_part(&made).unwrap(),
            "templates/stijl.docx is out of date: TECHNIEKPACT_SCHRIJF_STIJL=1 cargo test --lib reference"
        );
    }

    #[test]
    fn an_editors_changed_and_added_styles_are_found() {
        let style = crate::document::house_style::HouseStyle::embedded();
        let made = crate::render::docx::reference_document(&style).unwrap();
        let text = styles_part(&made).unwrap();
        let edited = text
            .replacen(r#"<w:name w:val="heading 2"/>"#, r#"<w:name w:val="heading 2"/><w:rsid w:val="00112233"/>"#, 1)
            .replacen("</w:styles>", r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="Kader"><w:name w:val="Kader"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style></w:styles>"#, 1);
        let at = edited.find(r#"w:styleId="Caption""#).unwrap();
        let edited = format!(
            "{}{}",
            &edited[..at],
            edited[at..].replacen(r#"<w:jc w:val="left"/>"#, r#"<w:jc w:val="right"/>"#, 1)
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, edited.as_bytes()).unwrap();
        let docx = zip.finish().unwrap().into_inner();
        let ours = super::super::styles::ids(&style);
        let found = EditorStyles::read(Some(&docx), &ours).unwrap();
        // Heading 2 only saved again (an rsid): not changed.
        assert_eq!(found.changed.keys().collect::<Vec<_>>(), ["Caption"]);
        assert!(found.changed["Caption"].contains(r#"<w:jc w:val="right"/>"#));
        assert_eq!(found.added.len(), 1);
        assert!(found.added[0].contains(r#"w:styleId="Kader""#));
    }

    /// The embedded stijl.docx saved again (other bytes, the same styles,
    /// as an editor who opens and saves it without a change): every style
    /// is compared, and none counts as the editor's.
    #[test]
    fn the_embedded_reference_saved_again_changes_nothing() {
        let embedded = crate::templates::Templates::embedded();
        let bytes = embedded.get(REFERENCE_DOCX).unwrap();
        let text = styles_part(bytes).unwrap();
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, text.as_bytes()).unwrap();
        let saved = zip.finish().unwrap().into_inner();
        assert_ne!(
            &saved[..],
            &bytes[..],
            "the bytes differ: the styles are compared"
        );
        let style = crate::document::house_style::HouseStyle::embedded();
        let ours = super::super::styles::ids(&style);
        let styles = EditorStyles::read(Some(&saved), &ours).unwrap();
        assert!(styles.changed.is_empty(), "{:?}", styles.changed.keys());
        assert!(styles.added.is_empty());
        // And one change is seen: the comparison is not empty.
        let at = text.find(r#"<w:name w:val="heading 2"/>"#).unwrap();
        let changed = format!(
            "{}{}",
            &text[..at],
            text[at..].replacen(
                r#"<w:color w:val="154273"/>"#,
                r#"<w:color w:val="00AA00"/>"#,
                1
            )
        );
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("word/styles.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(&mut zip, changed.as_bytes()).unwrap();
        let edited = zip.finish().unwrap().into_inner();
        let styles = EditorStyles::read(Some(&edited), &ours).unwrap();
        assert_eq!(styles.changed.keys().collect::<Vec<_>>(), ["Heading2"]);
    }
}
