//! Paragraph and run properties (CT_PPr, CT_RPr of ECMA-376), each written
//! only when set and always in the schema's order: one writer for the
//! styles part's styles and the body's paragraphs and runs.

use crate::render::docx::numbering::num_pr;
use crate::render::xml::Xml;

/// Paragraph properties.
#[derive(Debug, Default, Clone)]
pub struct ParaProps<'a> {
    /// The paragraph's style (a body paragraph's; a style has none).
    pub style: Option<&'a str>,
    pub keep_next: bool,
    pub keep_lines: bool,
    pub page_break_before: bool,
    /// (level, numbering id); `(None, 0)` switches a numbering off.
    pub num: Option<(Option<usize>, usize)>,
    /// Tab stops: kind (`right`, `center`), leader, position in twips.
    pub tabs: Vec<(&'static str, Option<&'static str>, u32)>,
    /// Space before and after, in twips, and the line spacing in 240ths.
    pub spacing: Option<(u32, u32, u32)>,
    pub indent_left: Option<u32>,
    /// How far the first line starts before the left indent, in twips.
    pub hanging: Option<u32>,
    pub contextual: bool,
    pub jc: Option<&'static str>,
    pub outline: Option<u8>,
}

impl ParaProps<'_> {
    fn is_empty(&self) -> bool {
        self.style.is_none()
            && !self.keep_next
            && !self.keep_lines
            && !self.page_break_before
            && self.num.is_none()
            && self.tabs.is_empty()
            && self.spacing.is_none()
            && self.indent_left.is_none()
            && self.hanging.is_none()
            && !self.contextual
            && self.jc.is_none()
            && self.outline.is_none()
    }

    /// `<w:pPr>`, or nothing when nothing is set.
    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:pPr", &[]);
        if let Some(s) = self.style {
            x.val("w:pStyle", s);
        }
        if self.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if self.keep_lines {
            x.empty("w:keepLines", &[]);
        }
        if self.page_break_before {
            x.empty("w:pageBreakBefore", &[]);
        }
        if let Some((level, id)) = self.num {
            num_pr(x, level, id);
        }
        if !self.tabs.is_empty() {
            x.open("w:tabs", &[]);
            for (kind, leader, pos) in &self.tabs {
                let pos = pos.to_string();
                let mut attrs = vec![("w:val", *kind)];
                if let Some(l) = leader {
                    attrs.push(("w:leader", l));
                }
                attrs.push(("w:pos", &pos));
                x.empty("w:tab", &attrs);
            }
            x.close("w:tabs");
        }
        if let Some((before, after, line)) = self.spacing {
            x.empty(
                "w:spacing",
                &[
                    ("w:before", &before.to_string()),
                    ("w:after", &after.to_string()),
                    ("w:line", &line.to_string()),
                    ("w:lineRule", "auto"),
                ],
            );
        }
        match (self.indent_left, self.hanging) {
            (Some(left), Some(hanging)) => x.empty(
                "w:ind",
                &[
                    ("w:left", &left.to_string()),
                    ("w:hanging", &hanging.to_string()),
                ],
            ),
            (Some(left), None) => x.empty("w:ind", &[("w:left", &left.to_string())]),
            _ => {}
        }
        if self.contextual {
            x.empty("w:contextualSpacing", &[]);
        }
        if let Some(jc) = self.jc {
            x.val("w:jc", jc);
        }
        if let Some(o) = self.outline {
            x.val("w:outlineLvl", &o.to_string());
        }
        x.close("w:pPr");
    }
}

/// Run properties.
#[derive(Debug, Default, Clone)]
pub struct RunProps<'a> {
    /// The run's character style (a body run's).
    pub style: Option<&'a str>,
    /// The complex-script font (right-to-left letters take it).
    pub complex_font: Option<&'a str>,
    /// On, off (a style that switches off what it is based on), or as is.
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub caps: bool,
    pub colour: Option<&'a str>,
    /// Half-points.
    pub size: Option<u32>,
    pub underline: bool,
    /// `subscript` or `superscript`.
    pub vert_align: Option<&'a str>,
}

impl RunProps<'_> {
    fn is_empty(&self) -> bool {
        self.style.is_none()
            && self.complex_font.is_none()
            && self.bold.is_none()
            && self.italic.is_none()
            && !self.caps
            && self.colour.is_none()
            && self.size.is_none()
            && !self.underline
            && self.vert_align.is_none()
    }

    /// `<w:rPr>`, or nothing when nothing is set.
    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:rPr", &[]);
        if let Some(s) = self.style {
            x.val("w:rStyle", s);
        }
        if let Some(family) = self.complex_font {
            x.empty("w:rFonts", &[("w:cs", family)]);
        }
        let flag = |x: &mut Xml, tag: &str, on: bool| {
            if on {
                x.empty(tag, &[]);
            } else {
                x.val(tag, "0");
            }
        };
        if let Some(b) = self.bold {
            flag(x, "w:b", b);
            flag(x, "w:bCs", b);
        }
        if let Some(i) = self.italic {
            flag(x, "w:i", i);
            flag(x, "w:iCs", i);
        }
        if self.caps {
            x.empty("w:caps", &[]);
        }
        if let Some(colour) = self.colour {
            x.val("w:color", colour);
        }
        if let Some(s) = self.size {
            let s = s.to_string();
            x.val("w:sz", &s);
            x.val("w:szCs", &s);
        }
        if self.underline {
            x.val("w:u", "single");
        }
        if let Some(align) = self.vert_align {
            x.val("w:vertAlign", align);
        }
        x.close("w:rPr");
    }
}
