//! The editor's LibreOffice styles from `stijl.odt` (or the template
//! `stijl.ott`) in the template folder: the paragraph and character
//! styles whose look differs from the embedded `stijl.odt` (the editor
//! changed them), and the styles it does not have (the editor added
//! them), each copied as the XML of one `style:style`, and put in place
//! of ours in `styles.xml` ([`EditorStyles::apply`]).
//!
//! The rule is the DOCX's (`stijl.docx`): a style is the editor's when the
//! look it gives differs, whatever program saved the file. The look is
//! what a style sets and inherits (from its parent styles and the default
//! style): font, size, weight, slant, colour, shading, spacing, indents,
//! line height, alignment, keeps and breaks, borders, padding and tab
//! stops, with lengths compared in millimetres, so that LibreOffice
//! writing 0.5 cm as 0.1965in is no change. LibreOffice's own styles,
//! which it writes when it saves, are not the editor's. Only the ODF
//! namespaces are copied: LibreOffice's extensions (`loext:`) are not in
//! the ODF 1.3 schema.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use crate::render::editor_said::Taken;
use crate::render::xml::Xml;

/// The editor's style document, as LibreOffice saves a document.
pub const REFERENCE_ODT: &str = "stijl.odt";
/// The same as a LibreOffice template (File > Templates > Save as
/// Template): read before `stijl.odt` when both are there.
pub const REFERENCE_OTT: &str = "stijl.ott";

const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const FO: &str = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

/// The families of the styles an editor changes: paragraph and character.
const FAMILIES: [&str; 2] = ["paragraph", "text"];

/// A style by family and name.
type Key = (String, String);

/// What the ODT takes from the editor's style document.
#[derive(Default, Debug, Clone)]
pub struct EditorStyles {
    /// Our styles the editor changed: their XML, by family and name.
    changed: BTreeMap<Key, String>,
    /// The editor's own styles, and the styles they build on, in the
    /// order of their file.
    added: Vec<String>,
    /// The font faces the taken styles name that ours do not declare.
    font_faces: Vec<String>,
    /// What was taken, for the editor to check.
    pub taken: Vec<Taken>,
    /// The font families the taken styles name that the ODT does not
    /// embed: by style name.
    pub foreign_fonts: Vec<(String, String)>,
}

/// Why the editor's style document cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("het is geen ODF-bestand ({0})")]
    Zip(#[from] zip::result::ZipError),
    #[error("styles.xml kan niet gelezen worden ({0})")]
    Read(#[from] std::io::Error),
    #[error("styles.xml is geen geldig XML ({0})")]
    Xml(#[from] roxmltree::Error),
}

/// The editor's style document in `templates`: `stijl.ott` before
/// `stijl.odt`, with its name.
pub fn reference_of(templates: &crate::templates::Templates) -> Option<(&'static str, &[u8])> {
    [REFERENCE_OTT, REFERENCE_ODT]
        .into_iter()
        .find_map(|name| templates.get(name).map(|b| (name, &b[..])))
}

impl EditorStyles {
    /// What the editor changed or added in `reference` against the
    /// embedded `stijl.odt`; `ours` names the font faces our styles
    /// declare, and `embedded_fonts` the families the ODT carries.
    pub fn read(
        reference: &[u8],
        ours: &[&str],
        embedded_fonts: &[&str],
    ) -> Result<Self, ReadError> {
        let default = crate::templates::default_file(REFERENCE_ODT);
        if reference == default {
            return Ok(Self::default());
        }
        let theirs_text = styles_part(reference)?;
        let default_text =
            styles_part(default).expect("the embedded stijl.odt is a valid ODF file");
        let theirs_doc = Document::parse(&theirs_text)?;
        let default_doc = Document::parse(&default_text).expect("the embedded stijl.odt parses");
        let theirs = Sheet::of(&theirs_doc);
        let before = Sheet::of(&default_doc);
        let mut keep: BTreeSet<Key> = BTreeSet::new();
        for key in &theirs.order {
            let changed = if before.styles.contains_key(key) {
                !same_look(&theirs.look(key), &before.look(key))
            } else {
                !is_programs_own(&key.1)
            };
            if changed {
                keep.insert(key.clone());
            }
        }
        // The styles those build on that are neither ours nor kept
        // already: else their look would change.
        let mut todo: Vec<Key> = keep.iter().cloned().collect();
        while let Some(key) = todo.pop() {
            if let Some(parent) = theirs.parent(&key)
                && !before.styles.contains_key(&parent)
                && theirs.styles.contains_key(&parent)
                && keep.insert(parent.clone())
            {
                todo.push(parent);
            }
        }
        let mut out = Self::default();
        let mut faces: BTreeSet<String> = BTreeSet::new();
        for key in &theirs.order {
            if !keep.contains(key) {
                continue;
            }
            let node = theirs.styles[key];
            let mut x = Xml::fragment();
            copy(&mut x, node);
            let added = !before.styles.contains_key(key);
            let shown = dutch_name(node);
            for face in font_names(node) {
                if !ours.contains(&face.as_str())
                    && faces.insert(face.clone())
                    && let Some(decl) = theirs.faces.get(face.as_str())
                {
                    let mut f = Xml::fragment();
                    copy(&mut f, *decl);
                    out.font_faces.push(f.finish());
                }
                let family = theirs.family_of(&face);
                if !embedded_fonts
                    .iter()
                    .any(|e| e.eq_ignore_ascii_case(&family))
                {
                    out.foreign_fonts.push((shown.clone(), family));
                }
            }
            out.taken.push(Taken { name: shown, added });
            if added {
                out.added.push(x.finish());
            } else {
                out.changed.insert(key.clone(), x.finish());
            }
        }
        Ok(out)
    }

    /// Nothing taken.
    pub fn is_empty(&self) -> bool {
        self.taken.is_empty()
    }

    /// `styles` (ours) with the editor's changed styles in place of ours,
    /// their own styles at the end of the named styles, and the font faces
    /// those name.
    pub fn apply(&self, styles: String) -> String {
        if self.is_empty() {
            return styles;
        }
        let doc = Document::parse(&styles).expect("our styles.xml parses");
        // Replacements and insertions by byte range, in order.
        let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
        for node in doc.descendants() {
            if node.has_tag_name((STYLE, "style")) {
                let key = (
                    node.attribute((STYLE, "family")).unwrap_or("").to_string(),
                    node.attribute((STYLE, "name")).unwrap_or("").to_string(),
                );
                if let Some(theirs) = self.changed.get(&key) {
                    edits.push((node.range(), theirs.clone()));
                }
            }
            let end_of = |node: Node| {
                let r = node.range();
                let closing = styles[r.clone()].rfind("</").map_or(r.end, |i| r.start + i);
                closing..closing
            };
            if node.tag_name().name() == "styles" && !self.added.is_empty() {
                edits.push((end_of(node), self.added.concat()));
            }
            if node.tag_name().name() == "font-face-decls" && !self.font_faces.is_empty() {
                edits.push((end_of(node), self.font_faces.concat()));
            }
        }
        edits.sort_by_key(|(r, _)| r.start);
        let mut out = String::with_capacity(styles.len() + 4096);
        let mut at = 0;
        for (range, text) in edits {
            out.push_str(&styles[at..range.start]);
            out.push_str(&text);
            at = range.end;
        }
        out.push_str(&styles[at..]);
        out
    }
}

/// `styles.xml` of an ODF package.
fn styles_part(bytes: &[u8]) -> Result<String, ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut text = String::new();
    zip.by_name("styles.xml")?.read_to_string(&mut text)?;
    Ok(text)
}

/// The named styles of a styles part, its default styles and font faces.
struct Sheet<'a, 'input> {
    styles: BTreeMap<Key, Node<'a, 'input>>,
    order: Vec<Key>,
    defaults: BTreeMap<&'a str, Node<'a, 'input>>,
    faces: BTreeMap<&'a str, Node<'a, 'input>>,
}

impl<'a, 'input> Sheet<'a, 'input> {
    fn of(doc: &'a Document<'input>) -> Self {
        let mut sheet = Sheet {
            styles: BTreeMap::new(),
            order: Vec::new(),
            defaults: BTreeMap::new(),
            faces: BTreeMap::new(),
        };
        for node in doc.root_element().children().filter(Node::is_element) {
            match node.tag_name().name() {
                "font-face-decls" => {
                    for f in node
                        .children()
                        .filter(|n| n.has_tag_name((STYLE, "font-face")))
                    {
                        if let Some(name) = f.attribute((STYLE, "name")) {
                            sheet.faces.insert(name, f);
                        }
                    }
                }
                "styles" => {
                    for s in node.children().filter(Node::is_element) {
                        let family = s.attribute((STYLE, "family")).unwrap_or("");
                        if !FAMILIES.contains(&family) {
                            continue;
                        }
                        if s.has_tag_name((STYLE, "default-style")) {
                            sheet.defaults.insert(family, s);
                        } else if s.has_tag_name((STYLE, "style"))
                            && let Some(name) = s.attribute((STYLE, "name"))
                        {
                            let key = (family.to_string(), name.to_string());
                            sheet.order.push(key.clone());
                            sheet.styles.insert(key, s);
                        }
                    }
                }
                _ => {}
            }
        }
        sheet
    }

    fn parent(&self, key: &Key) -> Option<Key> {
        let node = self.styles.get(key)?;
        node.attribute((STYLE, "parent-style-name"))
            .map(|p| (key.0.clone(), p.to_string()))
    }

    /// The family a font face names, without quotes.
    fn family_of(&self, face: &str) -> String {
        self.faces
            .get(face)
            .and_then(|f| f.attribute((SVG, "font-family")))
            .unwrap_or(face)
            .trim_matches(|c| c == '\'' || c == '"')
            .to_string()
    }

    /// The look of a style: what it and the styles it builds on set, over
    /// the default style of its family.
    fn look(&self, key: &Key) -> Look {
        let mut chain = vec![self.styles[key]];
        let mut at = key.clone();
        while let Some(parent) = self.parent(&at) {
            let Some(node) = self.styles.get(&parent) else {
                break;
            };
            if chain.len() > 32 {
                break;
            }
            chain.push(*node);
            at = parent;
        }
        let mut look = Look::new();
        if let Some(d) = self.defaults.get(key.0.as_str()) {
            self.set(&mut look, *d);
        }
        for node in chain.iter().rev() {
            self.set(&mut look, *node);
        }
        look.retain(|k, v| !is_initial(k, v));
        look
    }

    /// Set on `look` what the properties of `node` set.
    fn set(&self, look: &mut Look, node: Node) {
        for props in node.children().filter(Node::is_element) {
            let kind = match props.tag_name().name() {
                "paragraph-properties" => 'p',
                "text-properties" => 't',
                _ => continue,
            };
            // LibreOffice keeps the space above and below as one setting,
            // and the indents left, right and first line as another: a
            // style that sets one of them sets the others to nothing.
            for group in [
                &["margin-top", "margin-bottom"][..],
                &["margin-left", "margin-right", "text-indent"][..],
            ] {
                if kind == 'p' && group.iter().any(|n| props.attribute((FO, *n)).is_some()) {
                    for n in group {
                        look.insert(format!("p:{n}"), Value::Length(0.0));
                    }
                }
            }
            for a in props.attributes() {
                let ns = a.namespace().unwrap_or("");
                let name = a.name();
                if ns == STYLE && name == "font-name" || ns == FO && name == "font-family" {
                    let family = if name == "font-name" {
                        self.family_of(a.value())
                    } else {
                        a.value()
                            .trim_matches(|c| c == '\'' || c == '"')
                            .to_string()
                    };
                    look.insert("font".into(), Value::Text(family.to_lowercase()));
                    continue;
                }
                if !LOOK.contains(&(ns == FO, name)) {
                    continue;
                }
                for (key, value) in expand(name, a.value()) {
                    let key = format!("{kind}:{key}");
                    // A size in percent is of the size it inherits.
                    let value = match (&value, look.get(&key)) {
                        (Value::Percent(p), Some(Value::Length(l))) if name == "font-size" => {
                            Value::Length(l * p / 100.0)
                        }
                        _ => value,
                    };
                    look.insert(key, value);
                }
            }
            if let Some(tabs) = props
                .children()
                .find(|n| n.tag_name().name() == "tab-stops")
            {
                let stops: Vec<String> = tabs
                    .children()
                    .filter(Node::is_element)
                    .map(|t| {
                        let at = t
                            .attribute((STYLE, "position"))
                            .and_then(length_mm)
                            .unwrap_or(0.0);
                        let kind = t.attribute((STYLE, "type")).unwrap_or("left");
                        format!("{:.1}:{kind}", at)
                    })
                    .collect();
                look.insert("p:tabs".into(), Value::Text(stops.join(" ")));
            }
        }
    }
}

/// The properties that make a style's look, by whether they are `fo:`
/// (else `style:`) and their name.
const LOOK: &[(bool, &str)] = &[
    (true, "margin-top"),
    (true, "margin-bottom"),
    (true, "margin-left"),
    (true, "margin-right"),
    (true, "text-indent"),
    (true, "line-height"),
    (false, "line-height-at-least"),
    (false, "line-spacing"),
    (true, "text-align"),
    (true, "keep-with-next"),
    (true, "keep-together"),
    (true, "break-before"),
    (true, "break-after"),
    (true, "background-color"),
    (true, "border"),
    (true, "border-top"),
    (true, "border-bottom"),
    (true, "border-left"),
    (true, "border-right"),
    (true, "padding"),
    (true, "padding-top"),
    (true, "padding-bottom"),
    (true, "padding-left"),
    (true, "padding-right"),
    (true, "font-size"),
    (true, "font-weight"),
    (true, "font-style"),
    (true, "color"),
    (true, "text-transform"),
    (true, "font-variant"),
    (true, "letter-spacing"),
    (false, "text-underline-style"),
    (false, "text-position"),
];

/// A property's value, lengths in millimetres.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Length(f64),
    Percent(f64),
    Text(String),
}

type Look = BTreeMap<String, Value>;

/// Two looks are the same when every property is, lengths within 0.02 mm
/// (LibreOffice writes inches to four decimals).
fn same_look(a: &Look, b: &Look) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|((ka, va), (kb, vb))| {
            ka == kb
                && match (va, vb) {
                    (Value::Length(x), Value::Length(y)) => (x - y).abs() <= 0.02,
                    (Value::Percent(x), Value::Percent(y)) => (x - y).abs() <= 0.01,
                    _ => va == vb,
                }
        })
}

/// A property as one or more normalised (name, value) pairs: a shorthand
/// border or padding as its four sides.
fn expand(name: &str, value: &str) -> Vec<(String, Value)> {
    if name == "border" || name == "padding" {
        return ["top", "bottom", "left", "right"]
            .iter()
            .flat_map(|side| expand(&format!("{name}-{side}"), value))
            .collect();
    }
    let value = value.trim();
    let normal = if name.starts_with("border") {
        Value::Text(border(value))
    } else if let Some(p) = value.strip_suffix('%').and_then(|p| p.trim().parse().ok()) {
        Value::Percent(p)
    } else if let Some(mm) = length_mm(value) {
        Value::Length(mm)
    } else {
        let lower = value.to_ascii_lowercase();
        Value::Text(match (name, lower.as_str()) {
            ("text-align", "left") => "start".into(),
            ("text-align", "right") => "end".into(),
            ("font-weight", "400") => "normal".into(),
            ("font-weight", "700") => "bold".into(),
            _ => lower,
        })
    };
    vec![(name.to_string(), normal)]
}

/// A border as width in tenths of a millimetre, style and colour.
fn border(value: &str) -> String {
    if value.eq_ignore_ascii_case("none") {
        return "none".into();
    }
    value
        .split_whitespace()
        .map(|t| match length_mm(t) {
            Some(mm) => format!("{:.1}", mm),
            None => t.to_ascii_lowercase(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A length in millimetres: `0.5cm`, `0.1965in`, `8.5pt`, `5mm`, `1pc`.
fn length_mm(value: &str) -> Option<f64> {
    let value = value.trim();
    let split = value.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = value.split_at(split);
    let n: f64 = number.trim().parse().ok()?;
    let factor = match unit {
        "mm" => 1.0,
        "cm" => 10.0,
        "in" => 25.4,
        "pt" => 25.4 / 72.0,
        "pc" => 25.4 / 6.0,
        "px" => 25.4 / 96.0,
        _ => return None,
    };
    Some(n * factor)
}

/// A value that is what ODF means without it.
fn is_initial(key: &str, value: &Value) -> bool {
    let name = &key[2..];
    match value {
        Value::Length(l) => {
            l.abs() < 0.005
                && (name.starts_with("margin")
                    || name.starts_with("padding")
                    || name == "text-indent"
                    || name == "letter-spacing")
        }
        Value::Percent(p) => name == "line-height" && (p - 100.0).abs() < 0.01,
        Value::Text(t) => match name {
            "keep-with-next" | "keep-together" | "break-before" | "break-after" => t == "auto",
            "font-style" | "font-weight" | "font-variant" | "letter-spacing" => t == "normal",
            "text-transform" | "text-underline-style" => t == "none",
            "background-color" => t == "transparent",
            "text-align" => t == "start",
            "text-position" => t == "0% 100%",
            _ => name.starts_with("border") && t == "none",
        },
    }
}

/// The font faces the properties of a style name.
fn font_names(node: Node) -> Vec<String> {
    node.children()
        .filter(Node::is_element)
        .filter_map(|p| p.attribute((STYLE, "font-name")))
        .map(str::to_string)
        .collect()
}

/// The styles LibreOffice writes of its own when it saves a document:
/// they are not the editor's.
fn is_programs_own(name: &str) -> bool {
    const OWN: &[&str] = &[
        "Standard",
        "Heading",
        "Text_20_body",
        "List",
        "Caption",
        "Index",
        "Table_20_Contents",
        "Table_20_Heading",
        "Frame_20_contents",
        "Header_20_and_20_Footer",
        "Header",
        "Footer",
        "Footnote",
        "Endnote",
        "Quotations",
        "Preformatted_20_Text",
        "Horizontal_20_Line",
        "Sender",
        "Signature",
        "Salutation",
        "Marginalia",
        "Drawing",
        "Illustration",
        "Table",
        "Figure",
        "Text",
        "Graphics",
        "OLE",
        "Placeholder",
        "Bullet_20_Symbols",
        "Numbering_20_Symbols",
        "Source_20_Text",
        "Visited_20_Internet_20_Link",
        "Footnote_20_Symbol",
        "Footnote_20_anchor",
        "Endnote_20_Symbol",
        "Endnote_20_anchor",
        "Page_20_Number",
        "Caption_20_characters",
        "Line_20_numbering",
        "Main_20_index_20_entry",
        "Index_20_Link",
        "Teletype",
        "Example",
        "User_20_Entry",
        "Variable",
        "Definition",
        "Citation",
        "Drop_20_Caps",
        "Default_20_Paragraph_20_Font",
    ];
    OWN.contains(&name)
        || [
            "Heading_20_",
            "Contents_20_",
            "List_20_",
            "Numbering_20_",
            "Index_20_",
            "Text_20_body_20_",
        ]
        .iter()
        .any(|p| name.starts_with(p))
}

/// How LibreOffice's Dutch interface names a style.
fn dutch_name(node: Node) -> String {
    let name = node.attribute((STYLE, "name")).unwrap_or("");
    let shown = node
        .attribute((STYLE, "display-name"))
        .map_or_else(|| super::names::display(name), str::to_string);
    if let Some(level) = shown.strip_prefix("Heading ") {
        return format!("Kop {level}");
    }
    if let Some(level) = shown.strip_prefix("Contents ")
        && level.chars().all(|c| c.is_ascii_digit())
    {
        return format!("Inhoudsopgave {level}");
    }
    match shown.as_str() {
        "Text body" => "Tekstblok".into(),
        "Caption" => "Bijschrift".into(),
        "Title" => "Titel".into(),
        "Subtitle" => "Ondertitel".into(),
        "List Paragraph" => "Lijstalinea".into(),
        "Contents Heading" => "Inhoudsopgavekop".into(),
        "Header" => "Koptekst".into(),
        "Footer" => "Voettekst".into(),
        "Strong Emphasis" => "Sterke nadruk".into(),
        "Emphasis" => "Nadruk".into(),
        "Internet link" => "Internetkoppeling".into(),
        _ => shown,
    }
}

/// Copy an element with the attributes and children in the ODF namespaces
/// our parts declare, under our prefixes.
fn copy(x: &mut Xml, node: Node) {
    let Some(name) = qualified(node.tag_name().namespace(), node.tag_name().name()) else {
        return;
    };
    let attrs: Vec<(String, &str)> = node
        .attributes()
        .filter_map(|a| qualified(a.namespace(), a.name()).map(|n| (n, a.value())))
        .collect();
    let attrs: Vec<(&str, &str)> = attrs.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    let children: Vec<Node> = node
        .children()
        .filter(|c| c.is_element() || c.is_text() && !c.text().unwrap_or("").trim().is_empty())
        .collect();
    if children.is_empty() {
        x.empty(&name, &attrs);
        return;
    }
    x.open(&name, &attrs);
    for c in children {
        if c.is_text() {
            x.text(c.text().unwrap_or(""));
        } else {
            copy(x, c);
        }
    }
    x.close(&name);
}

/// `prefix:name` for a name in a namespace our ODF parts declare.
fn qualified(namespace: Option<&str>, name: &str) -> Option<String> {
    let uri = namespace?;
    super::super::NS
        .iter()
        .find(|(_, u)| *u == uri)
        .map(|(attr, _)| format!("{}:{name}", attr.trim_start_matches("xmlns:")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference_styles() -> String {
        styles_part(crate::templates::default_file(REFERENCE_ODT)).unwrap()
    }

    /// A style document with `styles.xml` as given.
    fn document_with(styles: &str) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        std::io::Write::write_all(&mut zip, b"application/vnd.oasis.opendocument.text").unwrap();
        zip.start_file("styles.xml", stored).unwrap();
        std::io::Write::write_all(&mut zip, styles.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    fn read(styles: &str) -> EditorStyles {
        EditorStyles::read(&document_with(styles), &["Noto Sans"], &["Noto Sans"]).unwrap()
    }

    #[test]
    fn the_same_styles_written_otherwise_are_not_the_editors() {
        // 0.5 cm as inches, 8.5 pt as millimetres, a colour in capitals,
        // an attribute of LibreOffice's own, and a style of its own.
        let text = reference_styles();
        let at = text.find(r#"style:name="Caption""#).unwrap();
        let caption = &text[at..];
        let margin = caption.find("fo:margin-top=\"").unwrap();
        let end = margin + 15 + caption[margin + 15..].find('"').unwrap() + 1;
        assert_eq!(&caption[margin..end], r#"fo:margin-top="3pt""#);
        let edited = format!(
            "{}{}{}",
            &text[..at + margin],
            r#"fo:margin-top="0.0417in""#,
            &caption[end..]
        );
        let edited = edited.replacen(
            "</office:styles>",
            r#"<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:orphans="2"/></style:style></office:styles>"#,
            1,
        );
        let editor = read(&edited);
        assert!(editor.taken.is_empty(), "{:?}", editor.taken);
    }

    #[test]
    fn a_changed_and_an_added_style_are_the_editors_and_replace_ours() {
        let text = reference_styles();
        let at = text.find(r#"style:name="Heading_20_1""#).unwrap();
        let heading = &text[at..];
        let end = heading.find("</style:style>").unwrap();
        let changed = heading[..end].replacen(
            "<style:text-properties ",
            r##"<style:text-properties fo:color="#00aa00" loext:opacity="100%" "##,
            1,
        );
        let edited = format!("{}{}{}", &text[..at], changed, &heading[end..])
            .replacen(
                "<office:document-styles ",
                r#"<office:document-styles xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" "#,
                1,
            )
            .replacen(
                "</office:styles>",
                r#"<style:style style:name="Kader" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:text-align="center"/></style:style></office:styles>"#,
                1,
            );
        let editor = read(&edited);
        assert_eq!(
            editor.taken,
            vec![
                Taken {
                    name: "Kop 1".into(),
                    added: false
                },
                Taken {
                    name: "Kader".into(),
                    added: true
                }
            ]
        );
        let applied = editor.apply(reference_styles());
        let doc = Document::parse(&applied).unwrap();
        let heading = doc
            .descendants()
            .find(|n| n.attribute((STYLE, "name")) == Some("Heading_20_1"))
            .unwrap();
        let colour = heading
            .children()
            .find_map(|c| c.attribute((FO, "color")))
            .unwrap();
        assert_eq!(colour, "#00aa00");
        assert!(
            !applied.contains("loext"),
            "LibreOffice's extension is left out"
        );
        assert_eq!(applied.matches(r#"style:name="Heading_20_1""#).count(), 1);
        assert!(applied.contains(r#"style:name="Kader""#));
    }

    #[test]
    fn a_size_in_percent_is_of_the_size_inherited() {
        let text = reference_styles();
        let sheet_doc = Document::parse(&text).unwrap();
        let sheet = Sheet::of(&sheet_doc);
        let key = ("paragraph".to_string(), "Tabelnoot".to_string());
        let Some(Value::Length(size)) = sheet.look(&key).get("t:font-size").cloned() else {
            panic!("Tabelnoot has a size");
        };
        assert!(size > 2.0 && size < 4.0, "{size}");
        assert_eq!(
            expand("font-size", "130%"),
            vec![("font-size".into(), Value::Percent(130.0))]
        );
        assert_eq!(
            length_mm("0.1965in").map(|v| (v * 100.0).round()),
            Some(499.0)
        );
        assert_eq!(
            expand("border", "0.5pt solid #AABBCC").len(),
            4,
            "a border is its four sides"
        );
    }
}
