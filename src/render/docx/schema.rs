//! Puts the WordprocessingML parts that docx-rs writes into the form the
//! schema (ECMA-376 Part 1, transitional) prescribes, in one table-driven
//! pass per part:
//!
//! - the children of every element whose content is a sequence
//!   (`w:pPr`, `w:rPr`, `w:numPr`, `w:sectPr`, `w:style`, `w:lvl`,
//!   `w:settings`, table properties, borders) in schema order;
//! - `w:rPr` that docx-rs writes inside the `w:pPr` of a style or numbering
//!   level (where the schema has no `rPr`) moved beside that `w:pPr`;
//! - attributes the schema does not declare (`w:gridCol/@w:type`) left out;
//! - tab stops beyond the schema's maximum (docx-rs puts the right tab of
//!   the table of contents at 80000 twips) at the right margin.
//!
//! Word for the web refuses parts out of order, and desktop Word silently
//! drops a run colour that stands in the wrong place; LibreOffice is
//! lenient, so only a validator shows it (`tests/validators.rs`).

use std::collections::HashMap;
use std::sync::LazyLock;

use roxmltree::{Document, Node};

use crate::errors::DocxError;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// ECMA-376 Part 1, 17.3.1.26 (CT_PPrBase, then CT_PPr's own children).
const P_PR: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// 17.3.2.28 (CT_ParaRPr / CT_RPr: revision marks, EG_RPrBase, change).
const R_PR: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

/// 17.9.18 (CT_NumPr).
const NUM_PR: &[&str] = &["ilvl", "numId", "numberingChange", "ins"];

/// 17.6.17 (CT_SectPr); header and footer references come first.
const SECT_PR: &[&str] = &[
    "headerReference",
    "footerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// 17.7.4.17 (CT_Style).
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// 17.9.6 (CT_Lvl).
const LVL: &[&str] = &[
    "start",
    "numFmt",
    "lvlRestart",
    "pStyle",
    "isLgl",
    "suff",
    "lvlText",
    "lvlPicBulletId",
    "legacy",
    "lvlJc",
    "pPr",
    "rPr",
];

/// 17.4.60 (CT_TblPr).
const TBL_PR: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// 17.4.70 (CT_TcPr).
const TC_PR: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

/// 17.4.66 and 17.4.39 (CT_TcBorders, CT_TblBorders), 17.4.42 (CT_TblCellMar).
const BORDERS: &[&str] = &[
    "top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl",
];

/// 17.15.1.78 (CT_Settings).
const SETTINGS: &[&str] = &[
    "writeProtection",
    "view",
    "zoom",
    "removePersonalInformation",
    "removeDateAndTime",
    "doNotDisplayPageBoundaries",
    "displayBackgroundShape",
    "printPostScriptOverText",
    "printFractionalCharacterWidth",
    "printFormsData",
    "embedTrueTypeFonts",
    "embedSystemFonts",
    "saveSubsetFonts",
    "saveFormsData",
    "mirrorMargins",
    "alignBordersAndEdges",
    "bordersDoNotSurroundHeader",
    "bordersDoNotSurroundFooter",
    "gutterAtTop",
    "hideSpellingErrors",
    "hideGrammaticalErrors",
    "activeWritingStyle",
    "proofState",
    "formsDesign",
    "attachedTemplate",
    "linkStyles",
    "stylePaneFormatFilter",
    "stylePaneSortMethod",
    "documentType",
    "mailMerge",
    "revisionView",
    "trackRevisions",
    "doNotTrackMoves",
    "doNotTrackFormatting",
    "documentProtection",
    "autoFormatOverride",
    "styleLockTheme",
    "styleLockQFSet",
    "defaultTabStop",
    "autoHyphenation",
    "consecutiveHyphenLimit",
    "hyphenationZone",
    "doNotHyphenateCaps",
    "showEnvelope",
    "summaryLength",
    "clickAndTypeStyle",
    "defaultTableStyle",
    "evenAndOddHeaders",
    "bookFoldRevPrinting",
    "bookFoldPrinting",
    "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing",
    "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery",
    "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin",
    "drawingGridVerticalOrigin",
    "doNotShadeFormData",
    "noPunctuationKerning",
    "characterSpacingControl",
    "printTwoOnOne",
    "strictFirstAndLastChars",
    "noLineBreaksAfter",
    "noLineBreaksBefore",
    "savePreviewPicture",
    "doNotValidateAgainstSchema",
    "saveInvalidXml",
    "ignoreMixedContent",
    "alwaysShowPlaceholderText",
    "doNotDemarcateInvalidXml",
    "saveXmlDataOnly",
    "useXSLTWhenSaving",
    "saveThroughXslt",
    "showXMLTags",
    "alwaysMergeEmptyNamespace",
    "updateFields",
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
];

/// The largest tab stop position the schema allows (ST_SignedTwipsMeasure
/// as restricted for `w:tab/@w:pos`), in twips.
const MAX_TAB_POS: i64 = 31680;

/// Child order by element name (in the `w` namespace).
type Order = HashMap<&'static str, usize>;

fn order(names: &[&'static str]) -> Order {
    names.iter().enumerate().map(|(i, n)| (*n, i)).collect()
}

/// The sequence of an element's children, by the element's own name and,
/// where one name has two content models, its parent's.
fn sequence_for(node: &Node) -> Option<&'static Order> {
    static TABLES: LazyLock<HashMap<&'static str, Order>> = LazyLock::new(|| {
        [
            ("pPr", P_PR),
            ("rPr", R_PR),
            ("numPr", NUM_PR),
            ("sectPr", SECT_PR),
            ("style", STYLE),
            ("lvl", LVL),
            ("tblPr", TBL_PR),
            ("tcPr", TC_PR),
            ("tcBorders", BORDERS),
            ("tblBorders", BORDERS),
            ("tcMar", BORDERS),
            ("tblCellMar", BORDERS),
            ("settings", SETTINGS),
        ]
        .into_iter()
        .map(|(name, names)| (name, order(names)))
        .collect()
    });
    if !is_w(node) {
        return None;
    }
    TABLES.get(node.tag_name().name())
}

fn is_w(node: &Node) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(W)
}

fn is(node: &Node, name: &str) -> bool {
    is_w(node) && node.tag_name().name() == name
}

/// A `w:pPr` whose schema type is CT_PPrBase (no `rPr` inside): that of a
/// style, a numbering level or the document defaults.
fn is_base_ppr(node: &Node) -> bool {
    is(node, "pPr")
        && node
            .parent()
            .is_some_and(|p| is(&p, "style") || is(&p, "lvl") || is(&p, "pPrDefault"))
}

/// The part in schema form; `text_width` is the right margin for tab stops
/// beyond the schema's maximum, in twips.
pub fn normalise(xml: &str, text_width: u32) -> Result<String, DocxError> {
    let doc = Document::parse(xml)?;
    let mut out = String::with_capacity(xml.len() + 256);
    // The XML declaration and anything else around the root element.
    let root = doc.root_element();
    out.push_str(&xml[..root.range().start]);
    write(&root, xml, text_width, &mut out);
    out.push_str(&xml[root.range().end..]);
    Ok(out)
}

/// Write `node` from the source `xml`, with the changes above.
fn write(node: &Node, xml: &str, text_width: u32, out: &mut String) {
    let range = node.range();
    let Some(first) = node.first_child() else {
        write_start_tag(node, &xml[range.clone()], text_width, out);
        return;
    };
    write_start_tag(
        node,
        &xml[range.start..first.range().start],
        text_width,
        out,
    );
    match sequence_for(node) {
        Some(order) => {
            let mut children: Vec<Node> = node
                .children()
                .filter(Node::is_element)
                .filter(|c| !(is(c, "rPr") && is_base_ppr(node)))
                .collect();
            // rPr that docx-rs put inside a style's or level's pPr: beside it.
            let mut moved: Vec<Node> = Vec::new();
            if is(node, "style") || is(node, "lvl") {
                for ppr in children.iter().filter(|c| is(c, "pPr")) {
                    moved.extend(ppr.children().filter(|c| is(c, "rPr")));
                }
            }
            let has_rpr = children.iter().any(|c| is(c, "rPr"));
            if !has_rpr && let Some(first_moved) = moved.first() {
                children.push(*first_moved);
            }
            let rank = |c: &Node| {
                if is_w(c) {
                    order
                        .get(c.tag_name().name())
                        .copied()
                        .unwrap_or(usize::MAX)
                } else {
                    usize::MAX
                }
            };
            children.sort_by_key(rank);
            for c in children {
                if is(&c, "rPr") && has_rpr && !moved.is_empty() {
                    // Merge: the moved properties join the existing rPr.
                    write_merged_rpr(&c, &moved, xml, text_width, out);
                } else {
                    write(&c, xml, text_width, out);
                }
            }
        }
        None => {
            let mut at = first.range().start;
            for c in node.children() {
                let r = c.range();
                out.push_str(&xml[at..r.start]);
                if c.is_element() {
                    write(&c, xml, text_width, out);
                } else {
                    out.push_str(&xml[r.clone()]);
                }
                at = r.end;
            }
            out.push_str(&xml[at..node.range().end - end_tag_len(node)]);
        }
    }
    out.push_str(&xml[range.end - end_tag_len(node)..range.end]);
}

/// An `rPr` with the children of `moved` added, in schema order.
fn write_merged_rpr(rpr: &Node, moved: &[Node], xml: &str, text_width: u32, out: &mut String) {
    let order = sequence_for(rpr).expect("rPr has a sequence");
    let mut children: Vec<Node> = rpr.children().filter(Node::is_element).collect();
    for m in moved {
        children.extend(
            m.children()
                .filter(Node::is_element)
                .filter(|c| !rpr.children().any(|own| own.tag_name() == c.tag_name())),
        );
    }
    children.sort_by_key(|c| {
        order
            .get(c.tag_name().name())
            .copied()
            .unwrap_or(usize::MAX)
    });
    let range = rpr.range();
    let start_end = rpr.first_child().map_or(range.end, |f| f.range().start);
    let tag = &xml[range.start..start_end];
    if rpr.has_children() {
        out.push_str(tag);
    } else {
        // `<w:rPr/>`: open it.
        out.push_str(tag.trim_end_matches("/>"));
        out.push('>');
    }
    for c in children {
        write(&c, xml, text_width, out);
    }
    out.push_str("</w:rPr>");
}

/// Length of the end tag of an element with children (`</w:pPr>`).
fn end_tag_len(node: &Node) -> usize {
    node.last_child()
        .map_or(0, |last| node.range().end - last.range().end)
}

/// A start tag (or empty element) without undeclared attributes and with
/// tab stops inside the schema's range.
fn write_start_tag(node: &Node, tag: &str, text_width: u32, out: &mut String) {
    let start = node.range().start;
    let mut skip: Vec<std::ops::Range<usize>> = Vec::new();
    let mut replace: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    if is(node, "gridCol") {
        for a in node.attributes() {
            if a.namespace() == Some(W) && a.name() == "type" {
                skip.push(a.range());
            }
        }
    }
    if is(node, "tab") {
        for a in node.attributes() {
            if a.namespace() == Some(W)
                && a.name() == "pos"
                && a.value()
                    .parse::<i64>()
                    .is_ok_and(|p| p.abs() > MAX_TAB_POS)
            {
                replace.push((a.range_value(), text_width.to_string()));
            }
        }
    }
    if skip.is_empty() && replace.is_empty() {
        out.push_str(tag);
        return;
    }
    let mut at = 0;
    let mut cuts: Vec<(std::ops::Range<usize>, String)> = skip
        .into_iter()
        .map(|r| {
            // The attribute and the space before it.
            let r = (r.start - start)..(r.end - start);
            let from = tag[..r.start].trim_end().len();
            (from..r.end, String::new())
        })
        .chain(
            replace
                .into_iter()
                .map(|(r, v)| ((r.start - start)..(r.end - start), v)),
        )
        .collect();
    cuts.sort_by_key(|(r, _)| r.start);
    for (r, with) in cuts {
        if r.start < at || r.end > tag.len() {
            continue;
        }
        out.push_str(&tag[at..r.start]);
        out.push_str(&with);
        at = r.end;
    }
    out.push_str(&tag[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(body: &str) -> String {
        format!(r#"<w:root xmlns:w="{W}">{body}</w:root>"#)
    }

    fn normalised(body: &str) -> String {
        let out = normalise(&ns(body), 9298).unwrap();
        Document::parse(&out).expect("still well-formed");
        out.trim_start_matches(&format!(r#"<w:root xmlns:w="{W}">"#))
            .trim_end_matches("</w:root>")
            .to_string()
    }

    #[test]
    fn paragraph_and_run_properties_in_schema_order() {
        assert_eq!(
            normalised(
                r#"<w:p><w:pPr><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/><w:color w:val="154273"/><w:b/><w:bCs/></w:rPr><w:jc w:val="left"/><w:pStyle w:val="Kop1"/></w:pPr><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#
            ),
            r#"<w:p><w:pPr><w:pStyle w:val="Kop1"/><w:jc w:val="left"/><w:rPr><w:b/><w:bCs/><w:color w:val="154273"/><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn numbering_level_before_its_list() {
        assert_eq!(
            normalised(r#"<w:numPr><w:numId w:val="2"/><w:ilvl w:val="0"/></w:numPr>"#),
            r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>"#
        );
    }

    #[test]
    fn run_properties_leave_the_paragraph_properties_of_styles_and_levels() {
        assert_eq!(
            normalised(
                r#"<w:lvl><w:pPr><w:ind w:left="420"/><w:rPr><w:b/></w:rPr></w:pPr><w:start w:val="1"/></w:lvl>"#
            ),
            r#"<w:lvl><w:start w:val="1"/><w:pPr><w:ind w:left="420"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>"#
        );
        assert_eq!(
            normalised(
                r#"<w:style><w:rPr><w:i/></w:rPr><w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:pPr><w:name w:val="x"/></w:style>"#
            ),
            r#"<w:style><w:name w:val="x"/><w:pPr></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style>"#
        );
    }

    #[test]
    fn undeclared_attributes_and_tabs_beyond_the_maximum() {
        assert_eq!(
            normalised(
                r#"<w:gridCol w:w="300" w:type="dxa"/><w:tab w:val="right" w:pos="80000"/><w:tab w:val="left" w:pos="400"/>"#
            ),
            r#"<w:gridCol w:w="300"/><w:tab w:val="right" w:pos="9298"/><w:tab w:val="left" w:pos="400"/>"#
        );
    }

    #[test]
    fn section_and_settings_in_order_and_other_content_untouched() {
        assert_eq!(
            normalised(
                r#"<w:sectPr><w:pgSz w:w="1"/><w:headerReference r="1"/></w:sectPr><w:settings><w:defaultTabStop w:val="1"/><w:zoom w:percent="100"/></w:settings><w:body> <w:x/><!-- c --></w:body>"#
            ),
            r#"<w:sectPr><w:headerReference r="1"/><w:pgSz w:w="1"/></w:sectPr><w:settings><w:zoom w:percent="100"/><w:defaultTabStop w:val="1"/></w:settings><w:body> <w:x/><!-- c --></w:body>"#
        );
    }
}
