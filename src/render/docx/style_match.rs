//! Which styles of an editor's `stijl.docx` are which of ours, and whether
//! the editor changed how one looks, whatever program saved the file.
//!
//! Word keeps our style ids; LibreOffice renames some (`Caption1`,
//! `Contents1`, `InternetLink`) and adds its own (`Caption`, `Heading`,
//! `Text Body`, ...), and python-docx keeps everything. So a style is
//! matched by its name (exactly, then ignoring case), and a change is a
//! difference in its *effective* formatting (the document defaults, the
//! styles it is based on and its own properties, normalised), not in the
//! XML a program writes for the same look.

use std::collections::{BTreeMap, BTreeSet};

use roxmltree::{Document, Node};

use crate::render::docx::ooxml::W;

/// One style of a styles part.
#[derive(Debug, Clone, Copy)]
pub struct Style<'a, 'i> {
    pub id: &'a str,
    pub name: &'a str,
    /// `paragraph`, `character`, `table` or `numbering`.
    pub kind: &'a str,
    pub node: Node<'a, 'i>,
}

/// Every style of a styles part, in its order.
pub fn styles<'a, 'i>(doc: &'a Document<'i>) -> Vec<Style<'a, 'i>> {
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name((W, "style")))
        .filter_map(|node| {
            let id = node.attribute((W, "styleId"))?;
            let name = node
                .children()
                .find(|c| c.has_tag_name((W, "name")))
                .and_then(|n| n.attribute((W, "val")))
                .unwrap_or(id);
            let kind = node.attribute((W, "type")).unwrap_or("paragraph");
            Some(Style {
                id,
                name,
                kind,
                node,
            })
        })
        .collect()
}

/// Their style id for each of ours that they have: by the same name (as
/// Word and python-docx keep it), else by the name ignoring case (as
/// LibreOffice writes `Heading 1` for `heading 1`), of the same kind.
pub fn match_ours<'a>(
    ours: &[Style<'a, '_>],
    theirs: &[Style<'a, '_>],
) -> BTreeMap<&'a str, &'a str> {
    let mut matched: BTreeMap<&str, &str> = BTreeMap::new();
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    let rounds: [fn(&str, &str) -> bool; 2] = [|a, b| a == b, |a, b| a.eq_ignore_ascii_case(b)];
    for same in rounds {
        for o in ours {
            if matched.contains_key(o.id) {
                continue;
            }
            if let Some(t) = theirs
                .iter()
                .find(|t| !taken.contains(t.id) && t.kind == o.kind && same(t.name, o.name))
            {
                matched.insert(o.id, t.id);
                taken.insert(t.id);
            }
        }
    }
    matched
}

/// Styles an office program writes of its own accord (LibreOffice's
/// defaults, by name): not the editor's, and left out of the report.
const PROGRAM_STYLES: &[&str] = &[
    "Heading",
    "Text Body",
    "Body Text",
    "List",
    "Caption",
    "Index",
    "Index Heading",
    "Header and Footer",
    "Frame Contents",
    "Table Contents",
    "Table Heading",
    "Quotations",
    "Footnote Text",
    "Endnote Text",
    "Contents Heading",
    "Illustration",
    "Figure",
    "Drawing",
    "Text",
    "Standard",
    "Default Paragraph Font",
    "Normal Table",
    "No List",
    "Internet Link",
    "Visited Internet Link",
    "Numbering Symbols",
    "Bullets",
    "Footnote Characters",
    "Endnote Characters",
];

/// Whether an unmatched style of theirs is the program's, not the
/// editor's: one of the office programs' own, or a second style under the
/// name of one of ours (LibreOffice's `Caption` beside our `caption`).
pub fn is_programs_own(style: &Style, ours: &[Style]) -> bool {
    PROGRAM_STYLES
        .iter()
        .any(|n| n.eq_ignore_ascii_case(style.name))
        || ours.iter().any(|o| o.name.eq_ignore_ascii_case(style.name))
}

/// Elements that say nothing about how a style looks, or that office
/// programs add or drop when they save: left out of the comparison.
const IGNORED: &[&str] = &[
    "rsid",
    "widowControl",
    "bidi",
    "kern",
    "lang",
    "suppressAutoHyphens",
    "autoSpaceDE",
    "autoSpaceDN",
    "snapToGrid",
    "overflowPunct",
    "adjustRightInd",
    "textAlignment",
    "webHidden",
    "noProof",
    // Complex-script twins of the Latin properties.
    "szCs",
    "bCs",
    "iCs",
    "numPr",
    "outlineLvl",
];

/// Elements whose presence switches a property on (`w:b`, `w:keepNext`).
fn is_toggle(name: &str) -> bool {
    matches!(
        name,
        "b" | "i"
            | "caps"
            | "smallCaps"
            | "strike"
            | "dstrike"
            | "vanish"
            | "keepNext"
            | "keepLines"
            | "pageBreakBefore"
            | "contextualSpacing"
            | "outline"
            | "shadow"
            | "emboss"
            | "imprint"
    )
}

/// A property's value in one spelling: `true`, `on` and `1` are `1`; the
/// alignments `start` and `end` are `left` and `right`; colours in capitals.
fn normal_value(element: &str, attribute: &str, value: &str) -> String {
    if attribute == "val" && is_toggle(element) {
        return match value {
            "0" | "false" | "off" => "0".into(),
            _ => "1".into(),
        };
    }
    match (element, attribute, value) {
        ("jc", "val", "start") => "left".into(),
        ("jc", "val", "end") => "right".into(),
        (_, "color" | "fill" | "val", v)
            if v.len() == 6 && v.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            v.to_ascii_uppercase()
        }
        _ => value.to_string(),
    }
}

/// The properties a `w:pPr` or `w:rPr` (or a table style's parts) sets,
/// as `part/element@attribute = value`. A toggle without `w:val` is on;
/// an indentation or spacing of 0 is the same as none.
fn properties(part: &Node, out: &mut BTreeMap<String, String>) {
    let part_name = part.tag_name().name();
    for n in part.descendants().filter(|n| n.is_element() && n != part) {
        let name = n.tag_name().name();
        if IGNORED.contains(&name) || n.ancestors().any(|a| a.has_tag_name((W, "numPr"))) {
            continue;
        }
        // A tab stop that only clears the program's default stops.
        if name == "tab" && n.attribute((W, "val")) == Some("clear") {
            continue;
        }
        let path = match n.parent_element() {
            Some(p) if p != *part => format!("{part_name}/{}/{name}", p.tag_name().name()),
            _ => format!("{part_name}/{name}"),
        };
        let path = match n.attribute((W, "pos")) {
            Some(pos) if name == "tab" => format!("{path}[{pos}]"),
            _ => path,
        };
        // No indentation is the default.
        if name == "tblInd" && n.attribute((W, "w")).is_none_or(|w| w == "0") {
            continue;
        }
        if is_toggle(name) && n.attribute((W, "val")).is_none() {
            out.insert(format!("{path}@val"), "1".into());
            continue;
        }
        for a in n.attributes() {
            if a.name().starts_with("rsid") || a.namespace() != Some(W) {
                continue;
            }
            // The Latin font is what a reader sees; the others follow it.
            if name == "rFonts" && !matches!(a.name(), "ascii" | "hAnsi") {
                continue;
            }
            let value = normal_value(name, a.name(), a.value());
            if matches!(name, "ind" | "spacing") && value == "0" && a.name() != "line" {
                out.remove(&format!("{path}@{}", a.name()));
                continue;
            }
            out.insert(format!("{path}@{}", a.name()), value);
        }
    }
}

/// The document defaults of a styles part: run and paragraph properties.
fn defaults(doc: &Document) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(d) = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name((W, "docDefaults")))
    {
        for part in d
            .descendants()
            .filter(|n| n.has_tag_name((W, "pPr")) || n.has_tag_name((W, "rPr")))
        {
            properties(&part, &mut out);
        }
    }
    out
}

/// What a style itself adds to the style it is based on (or to the
/// document defaults): its effective formatting where that differs from
/// its parent's. A style that only inherits a change of its parent (the
/// contents' heading from Heading 1) has not changed itself; and where a
/// program moved a property between the defaults and a style, the
/// formatting each style shows stays the same. A character style's
/// paragraph properties mean nothing and are left out.
pub fn own(doc: &Document, all: &[Style], id: &str) -> BTreeMap<String, String> {
    let mine = effective(doc, all, id);
    let style = all.iter().find(|s| s.id == id);
    let parent = style
        .and_then(|s| s.node.children().find(|c| c.has_tag_name((W, "basedOn"))))
        .and_then(|b| b.attribute((W, "val")))
        .filter(|p| all.iter().any(|s| s.id == *p));
    let inherited = match (parent, style.map(|s| s.kind)) {
        (Some(p), _) => effective(doc, all, p),
        (None, Some("paragraph" | "character")) => {
            let mut d = defaults(doc);
            d.retain(|k, v| !DEFAULTS.iter().any(|(dk, dv)| k.ends_with(dk) && v == dv));
            d
        }
        _ => BTreeMap::new(),
    };
    let character = style.is_some_and(|s| s.kind == "character");
    let mut out: BTreeMap<String, String> = mine
        .iter()
        .filter(|(k, v)| inherited.get(*k) != Some(*v))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    // A property the parent sets and this style takes away.
    for k in inherited.keys().filter(|k| !mine.contains_key(*k)) {
        out.insert(k.clone(), String::new());
    }
    if character {
        out.retain(|k, _| !k.starts_with("pPr/"));
    }
    out
}

/// The formatting a style gives, all inherited properties included: the
/// document defaults (for paragraph and character styles), then each
/// style it is based on from the root, then its own.
pub fn effective(doc: &Document, all: &[Style], id: &str) -> BTreeMap<String, String> {
    let by_id: BTreeMap<&str, &Style> = all.iter().map(|s| (s.id, s)).collect();
    let mut chain = Vec::new();
    let mut at = by_id.get(id).copied();
    while let Some(s) = at {
        if chain.iter().any(|c: &&Style| c.id == s.id) {
            break;
        }
        chain.push(s);
        at = s
            .node
            .children()
            .find(|c| c.has_tag_name((W, "basedOn")))
            .and_then(|b| b.attribute((W, "val")))
            .and_then(|b| by_id.get(b).copied());
    }
    let mut out = match chain.first().map(|s| s.kind) {
        Some("paragraph" | "character") => defaults(doc),
        _ => BTreeMap::new(),
    };
    for s in chain.iter().rev() {
        for part in s.node.children().filter(|c| {
            c.is_element()
                && matches!(
                    c.tag_name().name(),
                    "pPr" | "rPr" | "tblPr" | "trPr" | "tcPr" | "tblStylePr"
                )
        }) {
            let mut own = BTreeMap::new();
            properties(&part, &mut own);
            let prefix = match part.attribute((W, "type")) {
                Some(t) => format!("{t}:"),
                None => String::new(),
            };
            out.extend(own.into_iter().map(|(k, v)| (format!("{prefix}{k}"), v)));
        }
    }
    // A toggle that is off is the same as one not set, and so is a value
    // that is the default anyway.
    out.retain(|k, v| {
        let toggle_off = v == "0" && k.ends_with("@val") && is_toggle(toggle_name(k));
        let default = DEFAULTS.iter().any(|(dk, dv)| k.ends_with(dk) && v == dv);
        !toggle_off && !default
    });
    out
}

/// Properties at the value they have when not set (the key's end and the
/// value), which some programs write out.
const DEFAULTS: &[(&str, &str)] = &[
    ("pPr/jc@val", "left"),
    ("rPr/color@val", "auto"),
    ("rPr/u@val", "none"),
    ("rPr/vertAlign@val", "baseline"),
    ("pPr/spacing@lineRule", "auto"),
    // Single line spacing and 10 pt (ECMA-376 Part 1, 17.3.1.33 and
    // 17.3.2.38).
    ("pPr/spacing@line", "240"),
    ("rPr/sz@val", "20"),
    ("@leader", "none"),
];

/// The element name in a property key (`rPr/b@val` → `b`).
fn toggle_name(key: &str) -> &str {
    let element = key.rsplit('/').next().unwrap_or(key);
    element.split(['@', '[']).next().unwrap_or(element)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(styles: &str) -> String {
        format!(
            r#"<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>{styles}</w:styles>"#
        )
    }

    #[test]
    fn the_same_look_written_another_way_is_the_same() {
        // As Word writes it, and as LibreOffice saves it again.
        let word = part(
            r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:ind w:left="0"/></w:pPr><w:rPr><w:b/><w:i w:val="0"/><w:color w:val="154273"/></w:rPr></w:style>"#,
        );
        let libre = part(
            r#"<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/><w:pPr><w:widowControl/><w:keepNext w:val="true"/><w:spacing w:after="120" w:before="360"/><w:ind w:left="0" w:hanging="0"/><w:jc w:val="start"/></w:pPr><w:rPr><w:b w:val="true"/><w:i w:val="false"/><w:color w:val="154273"/><w:sz w:val="22"/><w:kern w:val="0"/></w:rPr></w:style>"#,
        );
        let (a, b) = (
            Document::parse(&word).unwrap(),
            Document::parse(&libre).unwrap(),
        );
        let (sa, sb) = (styles(&a), styles(&b));
        // Left alignment is Word's default too; LibreOffice writes it out.
        assert_eq!(
            effective(&a, &sa, "Heading2"),
            effective(&b, &sb, "Heading2")
        );
    }

    #[test]
    fn a_changed_colour_or_an_inherited_size_is_a_change() {
        let base = part(
            r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="4A4A4A"/></w:rPr></w:style>"#,
        );
        let doc = Document::parse(&base).unwrap();
        let before = effective(&doc, &styles(&doc), "Caption");
        assert_eq!(before["rPr/sz@val"], "22", "from the document defaults");
        let recoloured = base.replace("4A4A4A", "000000");
        let doc2 = Document::parse(&recoloured).unwrap();
        assert_ne!(effective(&doc2, &styles(&doc2), "Caption"), before);
        let bigger = base.replace(
            r#"<w:name w:val="Normal"/>"#,
            r#"<w:name w:val="Normal"/><w:rPr><w:sz w:val="24"/></w:rPr>"#,
        );
        let doc3 = Document::parse(&bigger).unwrap();
        assert_eq!(
            effective(&doc3, &styles(&doc3), "Caption")["rPr/sz@val"],
            "24"
        );
    }

    #[test]
    fn libreoffices_names_are_matched_and_its_own_styles_left_out() {
        let ours = part(
            r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style><w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>"#,
        );
        let theirs = part(
            r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="Caption"/></w:style><w:style w:type="paragraph" w:styleId="Caption1"><w:name w:val="caption"/></w:style><w:style w:type="paragraph" w:styleId="Contents1"><w:name w:val="TOC 1"/></w:style><w:style w:type="character" w:styleId="InternetLink"><w:name w:val="Hyperlink"/></w:style><w:style w:type="paragraph" w:styleId="TextBody"><w:name w:val="Body Text"/></w:style><w:style w:type="paragraph" w:styleId="Kader"><w:name w:val="Kader"/></w:style>"#,
        );
        let (o, t) = (
            Document::parse(&ours).unwrap(),
            Document::parse(&theirs).unwrap(),
        );
        let (so, st) = (styles(&o), styles(&t));
        let m = match_ours(&so, &st);
        assert_eq!(m["Caption"], "Caption1");
        assert_eq!(m["TOC1"], "Contents1");
        assert_eq!(m["Hyperlink"], "InternetLink");
        let own: Vec<&str> = st
            .iter()
            .filter(|s| !m.values().any(|v| v == &s.id))
            .filter(|s| !is_programs_own(s, &so))
            .map(|s| s.id)
            .collect();
        assert_eq!(
            own,
            ["Kader"],
            "LibreOffice's Caption and Body Text are its own"
        );
    }
}
