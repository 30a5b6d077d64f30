//! Tables in the DOCX: in the one house table style (Huisstijltabel), with
//! the grid the model's column measures give, a header row that repeats,
//! and the cells' text in the style Tabeltekst.

use super::*;
use crate::render::docx::table_look::table_look;

impl Writer<'_> {
    /// `<w:tblPr>` of a table in the house table style.
    pub(super) fn table_props(&mut self, width: Option<usize>, centred: bool, plain: bool) {
        let x = &mut self.x;
        x.open("w:tblPr", &[]);
        x.val("w:tblStyle", HOUSE_TABLE);
        match width {
            Some(w) => x.empty("w:tblW", &[("w:w", &w.to_string()), ("w:type", "dxa")]),
            None => x.empty("w:tblW", &[("w:w", "0"), ("w:type", "auto")]),
        }
        x.val("w:jc", if centred { "center" } else { "left" });
        if plain {
            // The title page's facts: the house table without its lines.
            x.open("w:tblBorders", &[]);
            for side in [
                "w:top",
                "w:left",
                "w:bottom",
                "w:right",
                "w:insideH",
                "w:insideV",
            ] {
                x.val(side, "nil");
            }
            x.close("w:tblBorders");
        }
        x.empty("w:tblLayout", &[("w:type", "fixed")]);
        table_look(x, plain);
        x.close("w:tblPr");
    }

    pub(super) fn grid(&mut self, widths: &[usize]) {
        self.x.open("w:tblGrid", &[]);
        for w in widths {
            self.x.empty("w:gridCol", &[("w:w", &w.to_string())]);
        }
        self.x.close("w:tblGrid");
    }

    pub(super) fn cell_open(&mut self, width: usize) {
        self.x.open("w:tc", &[]);
        self.x.open("w:tcPr", &[]);
        self.x
            .empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        self.x.close("w:tcPr");
    }

    pub(super) fn cell(&mut self, c: &Cell, align: Align, width: usize) {
        let jc = if align == Align::Right {
            "right"
        } else {
            "left"
        };
        self.cell_open(width);
        let para = |style| Para {
            style: Some(style),
            jc: Some(jc),
            ..Para::default()
        };
        self.paragraph(&para(TABLE_TEXT), &c.content, Look::default());
        if let Some(note) = &c.note {
            self.paragraph(&para(TABLE_NOTE), note, Look::default());
        }
        self.x.close("w:tc");
    }

    pub(super) fn table(&mut self, t: &Table) {
        self.caption(&t.caption, &t.anchor, true);
        let (grid, width) = columns::grid(t, self.page.text_width());
        let align = |i: usize| t.columns.get(i).map_or(Align::Left, |c| c.align);
        self.x.open("w:tbl", &[]);
        self.table_props(Some(width), width < self.page.text_width() as usize, false);
        self.grid(&grid);
        // The header row repeats on every page the table runs onto.
        self.x.open("w:tr", &[]);
        self.x.open("w:trPr", &[]);
        self.x.empty("w:cantSplit", &[]);
        self.x.empty("w:tblHeader", &[]);
        self.x.close("w:trPr");
        for (i, h) in t.header().enumerate() {
            self.cell(&Cell::text(h), align(i), grid[i]);
        }
        self.x.close("w:tr");
        for row in &t.rows {
            self.x.open("w:tr", &[]);
            self.x.open("w:trPr", &[]);
            self.x.empty("w:cantSplit", &[]);
            self.x.close("w:trPr");
            for (i, c) in row.iter().enumerate() {
                self.cell(c, align(i), grid[i]);
            }
            self.x.close("w:tr");
        }
        self.x.close("w:tbl");
        // Space after the table.
        self.x.empty("w:p", &[]);
    }
}
