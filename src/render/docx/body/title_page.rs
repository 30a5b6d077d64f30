//! The title page of the DOCX: each item of the model's title page in its
//! style (Bovenregel, Title, Verslagjaar, Subtitle, Conceptmerk), the facts
//! in the house table without lines, and the logo.

use super::*;

impl Writer<'_> {
    /// The title page: the model's items in its order.
    /// The title page: each item in its style (Bovenregel, Title,
    /// Verslagjaar, Subtitle, Conceptmerk), the facts in the plain house
    /// table, the logo; no direct formatting.
    pub(super) fn title_page(&mut self, logo: Option<Arc<Picture>>) {
        let mut logo = logo;
        for item in &self.ctx.document.meta.titelpagina {
            let styled = |s| Para {
                style: Some(s),
                ..Para::default()
            };
            match item {
                TitleItem::Overline { tekst } => {
                    self.text_paragraph(&styled(OVERLINE), tekst, Look::default())
                }
                TitleItem::Title { tekst } => {
                    self.text_paragraph(&styled("Title"), tekst, Look::default())
                }
                TitleItem::Year { tekst } => {
                    self.text_paragraph(&styled(REPORT_YEAR), tekst, Look::default())
                }
                TitleItem::Subtitle { tekst } => {
                    self.text_paragraph(&styled("Subtitle"), tekst, Look::default())
                }
                TitleItem::Facts { regels } => self.facts(regels),
                TitleItem::Logo { alt, .. } => {
                    if let Some(picture) = logo.take() {
                        self.x.open("w:p", &[]);
                        self.picture(picture, alt, 2835);
                        self.x.close("w:p");
                    }
                }
                TitleItem::DraftMark { tekst } => {
                    self.text_paragraph(&styled(DRAFT_MARK), tekst, Look::default())
                }
            }
        }
    }

    /// The facts of the title page, as a table without lines.
    pub(super) fn facts(&mut self, facts: &[Fact]) {
        let widths = [2400, self.page.text_width() as usize - 2400];
        self.x.open("w:tbl", &[]);
        self.table_props(None, false, true);
        self.grid(&widths);
        for fact in facts {
            self.x.open("w:tr", &[]);
            self.cell_open(widths[0]);
            self.text_paragraph(&Para::default(), &fact.label, Look::default());
            self.x.close("w:tc");
            self.cell_open(widths[1]);
            self.p_open(&Para::default());
            for (i, line) in fact.regels.iter().enumerate() {
                if i > 0 {
                    self.run_with(&Look::default(), "w:br", &[]);
                }
                self.run(line, &Look::default());
            }
            self.x.close("w:p");
            self.x.close("w:tc");
            self.x.close("w:tr");
        }
        self.x.close("w:tbl");
    }
}
