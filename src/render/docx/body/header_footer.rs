//! The section of the DOCX (paper, margins, the header and footer it names)
//! and the header and footer parts.

use super::*;

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

    /// The running head and, in a concept, the concept mark at the right.
    pub(super) fn header(&mut self) {
        self.x = Xml::part();
        self.x.open("w:hdr", NAMESPACES);
        let meta = &self.ctx.document.meta;
        self.p_open(&Para {
            style: Some("Header"),
            ..Para::default()
        });
        self.run(&meta.kopregel, &Look::default());
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

    /// "pagina N van M" at the right.
    pub(super) fn footer(&mut self) {
        self.x = Xml::part();
        self.x.open("w:ftr", NAMESPACES);
        let labels = &self.ctx.document.meta.labels;
        let none = Look::default();
        self.p_open(&Para {
            style: Some("Footer"),
            jc: Some("right"),
            ..Para::default()
        });
        self.run(&format!("{} ", labels.pagina), &none);
        self.field(" PAGE ", "1", &none);
        self.run(&format!(" {} ", labels.van), &none);
        self.field(" NUMPAGES ", "1", &none);
        self.x.close("w:p");
        self.x.close("w:ftr");
        self.out.footer = std::mem::take(&mut self.x).finish();
    }
}
