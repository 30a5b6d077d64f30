//! The editor's Word styles from the reference document `stijl.docx`: the
//! styles whose formatting differs from the embedded `stijl.docx` (the
//! editor changed them in Word) and the styles it does not have (the
//! editor added them), each as the XML of one `w:style`, ready for the
//! styles part ([`super::styles`]).
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
use crate::render::docx::xml::Xml;

/// The reference document with the Word styles, in the template folder.
pub const REFERENCE_DOCX: &str = "stijl.docx";

/// The editor's styles by id: changed ones replace ours, added ones follow.
#[derive(Default, Debug, Clone, Hash)]
pub struct EditorStyles {
    changed: BTreeMap<String, String>,
    added: Vec<String>,
}

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
    /// embedded `stijl.docx`. `ours` are the ids of the styles we write.
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
        let theirs = Document::parse(&theirs_text).map_err(|e| in_reference(e.into()))?;
        let default_text = default.map(|d| styles_part(d)).transpose()?;
        let default_doc = default_text.as_deref().map(Document::parse).transpose()?;
        let before: BTreeMap<&str, Vec<(String, String)>> = default_doc
            .iter()
            .flat_map(|d| styles_of(d))
            .map(|(id, n)| (id, look(&n)))
            .collect();
        let by_id: BTreeMap<&str, Node> = styles_of(&theirs).collect();
        let mut keep: BTreeSet<&str> = BTreeSet::new();
        for (id, node) in &by_id {
            let changed = before.get(id).is_some_and(|b| *b != look(node));
            let new = !before.contains_key(id);
            if changed || new {
                keep.insert(id);
            }
        }
        // The styles those are based on, follow or link to, when they are
        // neither ours nor kept already: else their look would change.
        let mut todo: Vec<&str> = keep.iter().copied().collect();
        while let Some(id) = todo.pop() {
            for other in references(&by_id[id]) {
                if by_id.contains_key(other) && !ours.contains(&other) && keep.insert(other) {
                    todo.push(other);
                }
            }
        }
        let mut out = EditorStyles::default();
        for (id, node) in styles_of(&theirs) {
            if !keep.contains(id) {
                continue;
            }
            let mut x = Xml::fragment();
            copy(&mut x, &node, numbering::of_style(id));
            if ours.contains(&id) {
                out.changed.insert(id.to_string(), x.finish());
            } else {
                out.added.push(x.finish());
            }
        }
        Ok(out)
    }
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

fn styles_of<'a, 'i>(doc: &'a Document<'i>) -> impl Iterator<Item = (&'a str, Node<'a, 'i>)> {
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|n| n.attribute((W, "styleId")).map(|id| (id, n)))
}

/// The formatting of a style: every attribute inside its paragraph, run
/// and table properties, without revision ids; what Word changes when the
/// editor changes how the style looks, not when it saves the file again.
fn look(style: &Node) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for part in style.children().filter(|c| {
        c.is_element()
            && matches!(
                c.tag_name().name(),
                "pPr" | "rPr" | "tblPr" | "trPr" | "tcPr" | "tblStylePr"
            )
    }) {
        for n in part.descendants().filter(|n| n.is_element()) {
            let name = n.tag_name().name();
            if name == "numPr" || n.ancestors().any(|a| a.has_tag_name((W, "numPr"))) {
                continue;
            }
            out.push((name.to_string(), String::new()));
            for a in n.attributes().filter(|a| !a.name().starts_with("rsid")) {
                out.push((format!("{name}@{}", a.name()), a.value().to_string()));
            }
        }
    }
    out
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

/// Copy `node` (a `w:style`) into `x`, with `num` as its numbering.
fn copy(x: &mut Xml, node: &Node, num: Option<(Option<usize>, usize)>) {
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
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let is_style = node.has_tag_name((W, "style"));
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
            copy_ppr(x, child, level, id);
            num_written = true;
            continue;
        }
        copy(x, child, None);
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
fn copy_ppr(x: &mut Xml, ppr: &Node, level: Option<usize>, id: usize) {
    x.open("w:pPr", &[]);
    let mut written = false;
    for child in ppr.children().filter(|c| c.is_element()) {
        if !written && !BEFORE_NUM_PR.contains(&child.tag_name().name()) {
            numbering::num_pr(x, level, id);
            written = true;
        }
        copy(x, &child, None);
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
        copy(&mut x, &style, Some((Some(0), 100)));
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
            edited[at..].replacen(r#"<w:jc w:val="center"/>"#, r#"<w:jc w:val="left"/>"#, 1)
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
        assert!(found.changed["Caption"].contains(r#"<w:jc w:val="left"/>"#));
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
        let changed = text.replacen(
            r#"<w:name w:val="heading 2"/>"#,
            r#"<w:name w:val="heading 2"/><w:rPr><w:color w:val="00AA00"/></w:rPr>"#,
            1,
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
