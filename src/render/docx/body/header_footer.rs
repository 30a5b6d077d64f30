//! The section of the DOCX (paper, margins, the header and footer it names)
//! and the header and footer parts.

use super::*;

/// The name of the chapters' style that the running head's fields look
/// for: Word's own name of Heading 1, which Word finds in every language.
const HEADING_STYLE_NAME: &str = "heading 1";

impl Writer<'_> {
    /// The section: A4, the PDF's margins, header and footer on every page
    /// but the first.
    pub(super) fn section(&mut self) {
        let page = self.page;
        let x = &mut self.x;
        x.open("w:sectPr", &[]);
        for (tag, kind, id) in [
            ("w:headerReference", "default", HEADER_DEFAULT),
            ("w:headerReference", "first", HEADER_FIRST),
            ("w:footerReference", "default", FOOTER_DEFAULT),
            ("w:footerReference", "first", FOOTER_FIRST),
        ] {
            x.empty(tag, &[("w:type", kind), ("r:id", id)]);
        }
        x.empty(
            "w:pgSz",
            &[
                ("w:w", &page.width.to_string()),
                ("w:h", &page.height.to_string()),
            ],
        );
        let (top, bottom, left, right, header, footer) = (
            page.top.to_string(),
            page.bottom.to_string(),
            page.left.to_string(),
            page.right.to_string(),
            page.header.to_string(),
            page.footer.to_string(),
        );
        x.empty(
            "w:pgMar",
            &[
                ("w:top", &top),
                ("w:right", &right),
                ("w:bottom", &bottom),
                ("w:left", &left),
                ("w:header", &header),
                ("w:footer", &footer),
                ("w:gutter", "0"),
            ],
        );
        x.empty("w:cols", &[("w:space", "425")]);
        x.empty("w:titlePg", &[]);
        x.close("w:sectPr");
    }

    /// The running head: the chapter of the page, as Word's STYLEREF
    /// fields read it from the page (its number and its words), and, in a
    /// concept, the concept mark at the right.
    pub(super) fn header(&mut self) {
        self.x = Xml::part();
        self.x.open("w:hdr", NAMESPACES);
        let meta = &self.ctx.document.meta;
        self.p_open(&Para {
            style: Some("Header"),
            ..Para::default()
        });
        let none = Look::default();
        // Word fills the fields in on every page. What they hold until
        // then is the report's title: LibreOffice before 24.2 does not
        // fill STYLEREF in, and shows it.
        let style = format!("\"{}\"", HEADING_STYLE_NAME);
        self.field(&format!(" STYLEREF {style} \\n "), "", &none);
        self.run(" ", &none);
        self.field(&format!(" STYLEREF {style} "), &meta.kopregel, &none);
        if meta.concept {
            let colour = self.ctx.style.kleuren.concept.hex();
            let mark = Look {
                bold: true,
                colour: Some(&colour),
                ..Look::default()
            };
            self.run_with(&mark, "w:tab", &[]);
            self.run(&meta.labels.concept, &mark);
        }
        self.x.close("w:p");
        self.x.close("w:hdr");
        self.out.header = std::mem::take(&mut self.x).finish();
    }

    /// The report's title at the left, "pagina N van M" at the right.
    pub(super) fn footer(&mut self) {
        self.x = Xml::part();
        self.x.open("w:ftr", NAMESPACES);
        let meta = &self.ctx.document.meta;
        let labels = &meta.labels;
        let none = Look::default();
        self.p_open(&Para {
            style: Some("Footer"),
            ..Para::default()
        });
        self.run(&meta.kopregel, &none);
        self.run_with(&none, "w:tab", &[]);
        self.run(&format!("{} ", labels.pagina), &none);
        self.field(" PAGE ", "1", &none);
        self.run(&format!(" {} ", labels.van), &none);
        self.field(" NUMPAGES ", "1", &none);
        self.x.close("w:p");
        self.x.close("w:ftr");
        self.out.footer = std::mem::take(&mut self.x).finish();
    }
}
