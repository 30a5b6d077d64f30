//! The title page of the DOCX, each item of the model's title page in its
//! style (Bovenregel, Title, Verslagjaar, Subtitle, Organisatie,
//! Conceptmerk) with the logo, and the colophon on the last page (Colofonkop
//! and Colofon): no direct formatting.

use super::*;

impl Writer<'_> {
    /// The title page: the model's items in its order, each in its style.
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
                TitleItem::Organisation { regels } => {
                    self.p_open(&styled(ORGANISATION));
                    self.lines(regels);
                    self.x.close("w:p");
                }
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

    /// Lines in one paragraph, separated by line breaks.
    fn lines(&mut self, lines: &[String]) {
        for (i, line) in lines.iter().enumerate() {
            if i > 0 {
                self.run_with(&Look::default(), "w:br", &[]);
            }
            self.run(line, &Look::default());
        }
    }

    /// The colophon, on a page of its own: its heading, then each fact as
    /// its label, a tab and its lines (the style Colofon hangs them at its
    /// tab stop).
    pub(super) fn colophon(&mut self, title: &str, facts: &[Fact]) {
        self.text_paragraph(
            &Para {
                style: Some(COLOPHON_HEADING),
                page_break_before: true,
                ..Para::default()
            },
            title,
            Look::default(),
        );
        for fact in facts {
            self.p_open(&Para {
                style: Some(COLOPHON),
                ..Para::default()
            });
            self.run(&fact.label, &Look::default());
            self.run_with(&Look::default(), "w:tab", &[]);
            self.lines(&fact.regels);
            self.x.close("w:p");
        }
    }
}
