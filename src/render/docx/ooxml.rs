//! The OOXML vocabulary the DOCX parts share: the namespaces, the
//! relationship types, the main document's relationships with the ids the
//! body refers to (one allocator, filled by the body and written by the
//! package), and the empty header and footer part.

use std::sync::Arc;

use crate::render::raster::Picture;
use crate::render::xml::Xml;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
pub const W15: &str = "http://schemas.microsoft.com/office/word/2012/wordml";
pub const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
pub const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
pub const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";
pub const ASVG: &str = "http://schemas.microsoft.com/office/drawing/2016/SVG/main";
/// The extension of a blip that holds its SVG (Office 2016).
pub const SVG_BLIP_EXT: &str = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}";
pub const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
pub const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
pub const FONT_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

/// Namespaces of the document, header and footer parts.
pub const NAMESPACES: &[(&str, &str)] = &[
    ("xmlns:w", W),
    ("xmlns:r", R),
    ("xmlns:wp", WP),
    ("xmlns:a", A),
    ("xmlns:pic", PIC),
    ("xmlns:asvg", ASVG),
];

/// An empty header or footer (`w:hdr`, `w:ftr`), for the title page.
pub fn empty_part(root: &str) -> String {
    let mut x = Xml::part();
    x.open(root, NAMESPACES);
    x.empty("w:p", &[]);
    x.close(root);
    x.finish()
}

/// A relationships part, open for its `Relationship` elements.
pub fn relationships() -> Xml {
    let mut x = Xml::part();
    x.open("Relationships", &[("xmlns", RELS)]);
    x
}

pub fn relationship(x: &mut Xml, id: &str, kind: &str, target: &str) {
    x.empty(
        "Relationship",
        &[
            ("Id", id),
            ("Type", &format!("{OFFICE_REL}/{kind}")),
            ("Target", target),
        ],
    );
}

/// The headers and footers of the document's section: the title page's
/// (`first`) and the other pages' (`default`).
pub const HEADER_DEFAULT: &str = "rIdHeader1";
pub const HEADER_FIRST: &str = "rIdHeader2";
pub const FOOTER_DEFAULT: &str = "rIdFooter1";
pub const FOOTER_FIRST: &str = "rIdFooter2";

/// The relationships of the main document: its fixed parts, and the
/// hyperlinks and pictures the body allocates ids for as it writes them.
#[derive(Default)]
pub struct Relationships {
    /// The targets of the external hyperlinks, `rIdLink1` first.
    links: Vec<String>,
}

impl Relationships {
    /// The id of a hyperlink to `url`.
    pub fn link(&mut self, url: &str) -> String {
        self.links.push(url.to_string());
        format!("rIdLink{}", self.links.len())
    }

    /// The ids of picture `n` (from 1): its PNG and, when it has one, its SVG.
    pub fn picture(n: usize) -> (String, String) {
        (format!("rIdImage{n}"), format!("rIdSvg{n}"))
    }

    /// The relationships part (`word/_rels/document.xml.rels`), in the
    /// order of the ids: the parts, the links, the pictures of `media`.
    pub fn xml(&self, media: &[Arc<Picture>]) -> String {
        let mut x = relationships();
        for (id, kind, target) in [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdNumbering", "numbering", "numbering.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdFontTable", "fontTable", "fontTable.xml"),
            ("rIdTheme1", "theme", "theme/theme1.xml"),
            (HEADER_DEFAULT, "header", "header1.xml"),
            (HEADER_FIRST, "header", "header2.xml"),
            (FOOTER_DEFAULT, "footer", "footer1.xml"),
            (FOOTER_FIRST, "footer", "footer2.xml"),
        ] {
            relationship(&mut x, id, kind, target);
        }
        for (i, url) in self.links.iter().enumerate() {
            x.empty(
                "Relationship",
                &[
                    ("Id", &format!("rIdLink{}", i + 1)),
                    ("Type", &format!("{OFFICE_REL}/hyperlink")),
                    ("Target", url),
                    ("TargetMode", "External"),
                ],
            );
        }
        for (i, picture) in media.iter().enumerate() {
            let n = i + 1;
            let (png, svg) = Self::picture(n);
            relationship(&mut x, &png, "image", &format!("media/image{n}.png"));
            if picture.svg.is_some() {
                relationship(&mut x, &svg, "image", &format!("media/image{n}.svg"));
            }
        }
        x.close("Relationships");
        x.finish()
    }
}
