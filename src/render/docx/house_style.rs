//! The house style (`huisstijl.yaml`) applied to the Word styles of the
//! DOCX: colours, font and sizes of every style that the editor did not
//! change in `stijl.docx`, the house font as the document default, and the
//! table-of-contents styles based on Normal so that they use it too.
//!
//! Precedence: a style whose colours, font or size in the editor's
//! `stijl.docx` differ from the default `stijl.docx` keeps the editor's
//! values; every other style takes them from the house style.

use std::collections::{BTreeMap, HashSet};

use roxmltree::{Document, Node};

use crate::document::house_style::HouseStyle;
use crate::errors::DocxError;
use crate::render::docx::package::{Edit, W, apply, is, parse, prepend_child, style_id};

/// The size of a style in the house style, in points, by style id.
fn house_size(style: &HouseStyle, id: &str) -> Option<f64> {
    let m = &style.maten;
    match id {
        "Normal" => Some(m.tekst),
        "Heading1" | "TOCHeading" => Some(m.kop1),
        "Heading2" => Some(m.kop2),
        "Heading3" => Some(m.kop3),
        "Caption" => Some(m.bijschrift),
        _ => None,
    }
}

/// What the house style may set in one style: its colours, fonts and sizes,
/// as written.
fn looks(node: &Node) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for n in node.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if matches!(name, "color" | "rFonts" | "sz" | "szCs") {
            for a in n.attributes() {
                out.push((format!("{name}@{}", a.name()), a.value().to_string()));
            }
        }
    }
    out
}

/// The ids of the styles whose look in `edited` differs from `default`
/// (both the styles part of a reference document).
pub fn edited_styles(default: &str, edited: &str) -> Result<HashSet<String>, DocxError> {
    let default = parse(default)?;
    let edited = parse(edited)?;
    let by_id = |doc: &Document| -> BTreeMap<String, Vec<(String, String)>> {
        doc.root_element()
            .children()
            .filter(|n| is(n, W, "style"))
            .filter_map(|n| style_id(&n).map(|id| (id.to_string(), looks(&n))))
            .collect()
    };
    let before = by_id(&default);
    Ok(by_id(&edited)
        .into_iter()
        .filter(|(id, look)| before.get(id) != Some(look))
        .map(|(id, _)| id)
        .collect())
}

/// `styles` (a merged styles part) in the house style, leaving the styles
/// in `edited` as they are.
pub fn apply_house_style(
    styles: &str,
    style: &HouseStyle,
    default: &HouseStyle,
    edited: &HashSet<String>,
) -> Result<String, DocxError> {
    let doc = parse(styles)?;
    let colours = style.colour_map_from(default);
    let font = style.lettertype.as_str();
    let mut edits = Vec::new();
    let root = doc.root_element();
    for node in root.children().filter(|n| is(n, W, "style")) {
        let Some(id) = style_id(&node) else { continue };
        if toc_level(id) && !node.children().any(|n| is(&n, W, "basedOn")) {
            if let Some(name) = node.children().find(|n| is(n, W, "name")) {
                let at = name.range().end;
                edits.push(Edit {
                    range: at..at,
                    with: r#"<w:basedOn w:val="Normal"/>"#.into(),
                });
            } else {
                edits.push(prepend_child(
                    &node,
                    "w:style",
                    r#"<w:basedOn w:val="Normal"/>"#.into(),
                ));
            }
        }
        if edited.contains(id) {
            continue;
        }
        let size = house_size(style, id).map(|pt| format!("{}", (pt * 2.0).round() as u32));
        for n in node.descendants().filter(|n| n.is_element()) {
            match n.tag_name().name() {
                // A colour of Word's theme (the blue of Heading 4 to 9) is
                // the house colour of its kind: accents and the second text
                // colour the main colour, the first text colour the text
                // colour.
                "color" if n.attribute((W, "themeColor")).is_some() => {
                    let theme = n.attribute((W, "themeColor")).unwrap_or_default();
                    let house = if theme.starts_with("accent") || matches!(theme, "text2" | "dark2")
                    {
                        Some(style.kleuren.hoofdkleur.hex())
                    } else if matches!(theme, "text1" | "dark1") {
                        Some(style.kleuren.tekst.hex())
                    } else {
                        // Another theme colour: its own value, without the theme.
                        n.attribute((W, "val")).map(str::to_string)
                    };
                    if let Some(house) = house {
                        edits.push(Edit {
                            range: n.range(),
                            with: format!(r#"<w:color w:val="{house}"/>"#),
                        });
                    }
                }
                "color" => {
                    if let Some(v) = n.attribute((W, "val"))
                        && let Some(new) = colours.get(&v.to_ascii_uppercase())
                        && new != v
                    {
                        edits.push(attribute_edit(&n, "val", new));
                    }
                }
                // Every style the editor left alone is set in the house
                // font, also Word's own (Macro Text in Courier) and those in
                // the theme's fonts (Heading 4 to 9).
                "rFonts"
                    if n.attributes()
                        .any(|a| a.name().ends_with("Theme") || a.name() == "cstheme") =>
                {
                    edits.push(Edit {
                        range: n.range(),
                        with: format!(
                            r#"<w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:cs="{f}" w:eastAsia="{f}"/>"#,
                            f = quick_xml::escape::escape(font)
                        ),
                    });
                }
                "rFonts" => {
                    for attr in ["ascii", "hAnsi", "cs", "eastAsia"] {
                        if n.attribute((W, attr)).is_some_and(|f| f != font) {
                            edits.push(attribute_edit(&n, attr, font));
                        }
                    }
                }
                "sz" if n.parent().is_some_and(|p| is(&p, W, "rPr")) => {
                    if let Some(size) = &size {
                        edits.push(attribute_edit(&n, "val", size));
                    }
                }
                _ => {}
            }
        }
    }
    // The house font as the default of every run, so that a style without
    // fonts of its own (docx-rs's, or one Word adds) resolves to it.
    let defaults_rpr = root
        .children()
        .find(|n| is(n, W, "docDefaults"))
        .and_then(|d| d.children().find(|n| is(n, W, "rPrDefault")))
        .and_then(|d| d.children().find(|n| is(n, W, "rPr")));
    let fonts = format!(
        r#"<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:eastAsia="{font}"/>"#,
        font = quick_xml::escape::escape(font)
    );
    if let Some(rpr) = defaults_rpr {
        match rpr.children().find(|n| is(n, W, "rFonts")) {
            Some(old) => edits.push(Edit {
                range: old.range(),
                with: fonts,
            }),
            None => edits.push(prepend_child(&rpr, "w:rPr", fonts)),
        }
    }
    Ok(apply(styles, edits))
}

/// `ToC1` ... `ToC9` (docx-rs) or `TOC1` ... `TOC9` (Word).
fn toc_level(id: &str) -> bool {
    let rest = id
        .strip_prefix("ToC")
        .or_else(|| id.strip_prefix("TOC"))
        .unwrap_or("");
    rest.len() == 1 && rest.chars().all(|c| c.is_ascii_digit())
}

/// An edit that sets the `w:` attribute `name` of `node` to `value`.
fn attribute_edit(node: &Node, name: &str, value: &str) -> Edit {
    let attr = node
        .attributes()
        .find(|a| a.namespace() == Some(W) && a.name() == name)
        .expect("the attribute is there");
    Edit {
        range: attr.range_value(),
        with: quick_xml::escape::escape(value).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT_STYLE: &str = include_str!("../../../templates/huisstijl.yaml");
    const STYLES: &str = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:rFonts w:ascii="Noto Sans"/><w:color w:val="154273"/><w:sz w:val="36"/></w:rPr></w:style><w:style w:styleId="Caption"><w:name w:val="caption"/><w:rPr><w:color w:val="4A4A4A"/><w:sz w:val="17"/></w:rPr></w:style><w:style w:styleId="ToC1"><w:name w:val="toc 1"/><w:rPr></w:rPr></w:style></w:styles>"#;

    #[test]
    fn unedited_styles_take_the_house_colours_and_sizes() {
        let default = HouseStyle::parse(DEFAULT_STYLE).unwrap();
        let pink = HouseStyle::parse(
            &DEFAULT_STYLE
                .replace("#154273", "#ff00ff")
                .replace("  kop1: 18", "  kop1: 20"),
        )
        .unwrap();
        let out = apply_house_style(STYLES, &pink, &default, &HashSet::new()).unwrap();
        assert!(
            out.contains(r#"<w:color w:val="FF00FF"/><w:sz w:val="40"/>"#),
            "{out}"
        );
        assert!(!out.contains("154273"));
        // The caption's grey is not the main colour; its size is 8.5 pt.
        assert!(out.contains(r#"<w:color w:val="4A4A4A"/><w:sz w:val="17"/>"#));
        assert!(out.contains(r#"<w:name w:val="toc 1"/><w:basedOn w:val="Normal"/>"#));
        assert!(out.contains(r#"<w:rFonts w:ascii="Noto Sans" w:hAnsi="Noto Sans" w:cs="Noto Sans" w:eastAsia="Noto Sans"/><w:sz w:val="22"/>"#));
    }

    #[test]
    fn a_style_the_editor_changed_keeps_its_look() {
        let edited_text = STYLES.replace(
            r#"<w:color w:val="154273"/>"#,
            r#"<w:color w:val="00AA00"/>"#,
        );
        let edited = edited_styles(STYLES, &edited_text).unwrap();
        assert_eq!(edited, HashSet::from(["Heading1".to_string()]));
        let default = HouseStyle::parse(DEFAULT_STYLE).unwrap();
        let pink = HouseStyle::parse(&DEFAULT_STYLE.replace("#154273", "#ff00ff")).unwrap();
        let out = apply_house_style(&edited_text, &pink, &default, &edited).unwrap();
        assert!(out.contains("00AA00"));
        assert!(!out.contains("FF00FF"));
    }
}
