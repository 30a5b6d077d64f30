//! The numbering part (`word/numbering.xml`): the bullet and numbered lists
//! of the report, four levels deep, and the headings' multilevel list
//! ("1", "1.1", "1.1.1", tied to Heading 1 to 3). The list styles (List
//! Bullet, List Number) and the headings name their instances; every list
//! of the report has an instance of its own, so that its numbers restart.

use crate::render::docx::ooxml::W;
use crate::render::docx::style_ids::{BULLET_STYLES, HEADING_STYLES, NUMBER_STYLES};
use crate::render::xml::Xml;

/// The numbering instance of the headings' multilevel list, which the
/// styles Heading 1 to 3 name.
pub const HEADING_NUM_ID: usize = 100;
/// The lists the styles List Bullet and List Number (and their levels 2
/// and 3) stand for: a paragraph an editor gives only that style gets a
/// bullet or a number.
pub const BULLET_NUM_ID: usize = 101;
pub const ORDERED_NUM_ID: usize = 102;
/// A list whose one level shows no number: an appendix, a Heading 1
/// without a chapter number, takes it instead of the headings' list.
pub const UNNUMBERED_ID: usize = 99;
/// Heading 1 to this level are numbered by Word: chapters and sections,
/// as the document model numbers them.
pub const NUMBERED_HEADING_LEVELS: usize = crate::document::NUMBERED_LEVELS;

/// The numbering a style carries, ours or an editor's version of it:
/// Heading 1 to 3 their level of the headings' list, List Bullet and List
/// Number (and their levels 2 and 3) their list; the contents' title,
/// built on Heading 1, none.
pub fn of_style(id: &str) -> Option<(Option<usize>, usize)> {
    let at = |ids: &[&str]| ids.iter().position(|i| *i == id);
    if let Some(level) = at(&HEADING_STYLES).filter(|l| *l < NUMBERED_HEADING_LEVELS) {
        Some((Some(level), HEADING_NUM_ID))
    } else if let Some(level) = at(&BULLET_STYLES) {
        Some((Some(level), BULLET_NUM_ID))
    } else if let Some(level) = at(&NUMBER_STYLES) {
        Some((Some(level), ORDERED_NUM_ID))
    } else if id == "TOCHeading" {
        Some((None, 0))
    } else {
        None
    }
}

/// `<w:numPr>`: a level and a list, or only a list (`0` switches it off).
pub fn num_pr(x: &mut Xml, level: Option<usize>, id: usize) {
    x.open("w:numPr", &[]);
    if let Some(l) = level {
        x.val("w:ilvl", &l.to_string());
    }
    x.val("w:numId", &id.to_string());
    x.close("w:numPr");
}

const ABSTRACT_BULLET: &str = "0";
const ABSTRACT_ORDERED: &str = "1";
const ABSTRACT_HEADINGS: &str = "2";
const ABSTRACT_UNNUMBERED: &str = "3";
/// The first numbering id of the report's own lists, after those of the styles.
pub const FIRST_LIST_ID: usize = 103;
/// Levels of a list.
pub const LIST_LEVELS: usize = 4;

/// One list of the report: its kind, and the number it starts at.
#[derive(Clone, Copy)]
pub struct ListInstance {
    pub ordered: bool,
    pub level: usize,
    pub start: u64,
}

/// The numbering part, with an instance per list of `lists`, numbered from
/// [`FIRST_LIST_ID`] in order. The headings' numbers hang in the left
/// margin in a column `number_column` twips wide.
pub fn numbering_xml(lists: &[ListInstance], bullet_colour: &str, number_column: u32) -> String {
    let mut x = Xml::part();
    x.open("w:numbering", &[("xmlns:w", W)]);
    // CT_Numbering: every abstract numbering before the instances.
    x.open("w:abstractNum", &[("w:abstractNumId", ABSTRACT_BULLET)]);
    x.val("w:multiLevelType", "hybridMultilevel");
    for level in 0..LIST_LEVELS {
        let marker = if level == 0 { "•" } else { "–" };
        lvl(
            &mut x,
            level,
            "bullet",
            marker,
            None,
            Some(bullet_colour),
            420 * (level + 1),
            280,
        );
    }
    x.close("w:abstractNum");
    x.open("w:abstractNum", &[("w:abstractNumId", ABSTRACT_ORDERED)]);
    x.val("w:multiLevelType", "hybridMultilevel");
    for level in 0..LIST_LEVELS {
        let text = format!("%{}.", level + 1);
        lvl(
            &mut x,
            level,
            "decimal",
            &text,
            None,
            None,
            420 * (level + 1),
            360,
        );
    }
    x.close("w:abstractNum");
    x.open("w:abstractNum", &[("w:abstractNumId", ABSTRACT_HEADINGS)]);
    x.val("w:multiLevelType", "multilevel");
    for level in 0..NUMBERED_HEADING_LEVELS {
        let text = (1..=level + 1)
            .map(|k| format!("%{k}"))
            .collect::<Vec<_>>()
            .join(".");
        let style = format!("Heading{}", level + 1);
        lvl(
            &mut x,
            level,
            "decimal",
            &text,
            Some(&style),
            None,
            0,
            number_column as usize,
        );
    }
    x.close("w:abstractNum");
    x.open("w:abstractNum", &[("w:abstractNumId", ABSTRACT_UNNUMBERED)]);
    x.val("w:multiLevelType", "singleLevel");
    x.open("w:lvl", &[("w:ilvl", "0")]);
    x.val("w:start", "1");
    x.val("w:numFmt", "none");
    x.val("w:suff", "nothing");
    x.val("w:lvlText", "");
    x.val("w:lvlJc", "left");
    x.open("w:pPr", &[]);
    x.empty("w:ind", &[("w:left", "0"), ("w:firstLine", "0")]);
    x.close("w:pPr");
    x.close("w:lvl");
    x.close("w:abstractNum");

    for (i, list) in lists.iter().enumerate() {
        let id = (FIRST_LIST_ID + i).to_string();
        let abstract_id = if list.ordered {
            ABSTRACT_ORDERED
        } else {
            ABSTRACT_BULLET
        };
        x.open("w:num", &[("w:numId", &id)]);
        x.val("w:abstractNumId", abstract_id);
        x.open("w:lvlOverride", &[("w:ilvl", &list.level.to_string())]);
        x.val("w:startOverride", &list.start.to_string());
        x.close("w:lvlOverride");
        x.close("w:num");
    }
    for (id, abstract_id) in [
        (UNNUMBERED_ID, ABSTRACT_UNNUMBERED),
        (HEADING_NUM_ID, ABSTRACT_HEADINGS),
        (BULLET_NUM_ID, ABSTRACT_BULLET),
        (ORDERED_NUM_ID, ABSTRACT_ORDERED),
    ] {
        x.open("w:num", &[("w:numId", &id.to_string())]);
        x.val("w:abstractNumId", abstract_id);
        if id == ORDERED_NUM_ID {
            // Its own count, from 1: not a continuation of the report's lists.
            for level in 0..3 {
                x.open("w:lvlOverride", &[("w:ilvl", &level.to_string())]);
                x.val("w:startOverride", "1");
                x.close("w:lvlOverride");
            }
        }
        x.close("w:num");
    }
    x.close("w:numbering");
    x.finish()
}

/// One level, in the order of CT_Lvl (ECMA-376 Part 1, 17.9.6). A
/// heading's number stands in the left margin, `hanging` before the text,
/// and a tab takes its words to the text's edge; lists have a hanging
/// indent.
#[allow(clippy::too_many_arguments)]
fn lvl(
    x: &mut Xml,
    level: usize,
    format: &str,
    text: &str,
    style: Option<&str>,
    colour: Option<&str>,
    left: usize,
    hanging: usize,
) {
    x.open("w:lvl", &[("w:ilvl", &level.to_string())]);
    x.val("w:start", "1");
    x.val("w:numFmt", format);
    if let Some(s) = style {
        x.val("w:pStyle", s);
        x.val("w:suff", "tab");
    }
    x.val("w:lvlText", text);
    x.val("w:lvlJc", "left");
    x.open("w:pPr", &[]);
    if style.is_some() {
        // The tab after the number ends at the text's edge.
        x.open("w:tabs", &[]);
        x.empty("w:tab", &[("w:val", "num"), ("w:pos", "0")]);
        x.close("w:tabs");
    }
    if hanging > 0 {
        x.empty(
            "w:ind",
            &[
                ("w:left", &left.to_string()),
                ("w:hanging", &hanging.to_string()),
            ],
        );
    } else {
        x.empty("w:ind", &[("w:left", "0"), ("w:firstLine", "0")]);
    }
    x.close("w:pPr");
    if let Some(c) = colour {
        x.open("w:rPr", &[]);
        x.val("w:color", c);
        x.close("w:rPr");
    }
    x.close("w:lvl");
}
