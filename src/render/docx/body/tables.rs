//! Tables in the DOCX: in the one house table style (Huisstijltabel), with
//! the grid the model's column measures give, a header row that repeats,
//! and the cells' text in the style Tabeltekst.

use super::*;
use crate::render::docx::styles::border;
use crate::render::docx::table_look::{Look as TableLook, table_look};

impl Writer<'_> {
    /// `<w:tblPr>`: a table in the house table style, `width` twips wide
    /// at the text's edge; or (`TableLook::Plain`) a row that sets blocks side
    /// by side: no style, no lines, no header, no cell margins. A table
    /// headed by its rows has the line of a header row above it.
    pub(super) fn table_props(&mut self, width: usize, look: TableLook) {
        let layout = look == TableLook::Plain;
        let main = self.ctx.style.kleuren.hoofdkleur.hex();
        let x = &mut self.x;
        x.open("w:tblPr", &[]);
        if !layout {
            x.val("w:tblStyle", HOUSE_TABLE);
        }
        x.empty("w:tblW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
        x.val("w:jc", "left");
        if look == TableLook::RowHeaders {
            x.open("w:tblBorders", &[]);
            border(x, "w:top", 8, &main);
            x.close("w:tblBorders");
        }
        if layout {
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
        if layout {
            x.open("w:tblCellMar", &[]);
            for side in ["w:left", "w:right"] {
                x.empty(side, &[("w:w", "0"), ("w:type", "dxa")]);
            }
            x.close("w:tblCellMar");
        }
        table_look(x, look);
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

    /// A cell; `keep` keeps its row on the page of the next row.
    pub(super) fn cell(&mut self, c: &Cell, align: Align, width: usize, keep: bool) {
        self.cell_in(TABLE_TEXT, c, align, width, keep);
    }

    /// A cell whose first paragraph has `style`.
    fn cell_in(&mut self, style: &str, c: &Cell, align: Align, width: usize, keep: bool) {
        let jc = if align == Align::Right {
            "right"
        } else {
            "left"
        };
        self.cell_open(width);
        let para = |style| Para {
            style: Some(style),
            jc: Some(jc),
            keep_next: keep,
            ..Para::default()
        };
        self.paragraph(&para(style), &c.content, Look::default());
        if let Some(note) = &c.note {
            self.paragraph(&para(TABLE_NOTE), note, Look::default());
        }
        self.x.close("w:tc");
    }

    /// A table under its caption; with `spaced`, an empty paragraph after
    /// it (not when its source line follows, which stands right under it).
    pub(super) fn table(&mut self, t: &Table, spaced: bool) {
        self.caption(&t.caption, &t.anchor, true);
        let room = (self.page.text_width() as f32 * self.container) as u32;
        let (grid, width) = columns::grid(t, room);
        let align = |i: usize| t.columns.get(i).map_or(Align::Left, |c| c.align);
        self.x.open("w:tbl", &[]);
        let look = if t.row_headers {
            TableLook::RowHeaders
        } else {
            TableLook::HeaderRow
        };
        self.table_props(width, look);
        self.grid(&grid);
        // The header row repeats on every page the table runs onto.
        if let Some(header) = t.header_row() {
            self.x.open("w:tr", &[]);
            self.x.open("w:trPr", &[]);
            self.x.empty("w:cantSplit", &[]);
            self.x.empty("w:tblHeader", &[]);
            self.x.close("w:trPr");
            for (i, h) in header.into_iter().enumerate() {
                self.cell(&Cell::text(h), align(i), grid[i], true);
            }
            self.x.close("w:tr");
        }
        // The keep rules of the PDF: a short table on one page; a long one
        // with at least its first two and last two rows together.
        let n = t.rows.len();
        let together = t.keep_together();
        for (r, row) in t.rows.iter().enumerate() {
            let keep = r + 1 < n && (together || r == 0 || r + 2 == n);
            self.x.open("w:tr", &[]);
            self.x.open("w:trPr", &[]);
            self.x.empty("w:cantSplit", &[]);
            self.x.close("w:trPr");
            for (i, c) in row.iter().enumerate() {
                // A table of names and values: each row's name heads it.
                let style = if t.row_headers && i == 0 {
                    TABLE_ROW_HEADING
                } else {
                    TABLE_TEXT
                };
                self.cell_in(style, c, align(i), grid[i], keep);
            }
            self.x.close("w:tr");
        }
        self.x.close("w:tbl");
        if spaced {
            self.x.empty("w:p", &[]);
        }
    }

    /// Columns of blocks side by side: a layout table of one row without
    /// lines or header, a cell per column as wide as its share, the gap in
    /// the last cell's left margin. Each block keeps its own caption and
    /// table. With `spaced`, an empty paragraph after the row.
    pub(super) fn beside(
        &mut self,
        columns: &[Vec<Block>],
        widths: &[f32],
        list_level: usize,
        spaced: bool,
    ) -> Result<(), DocxError> {
        let text = self.page.text_width() as f32;
        let gap = (text * (1.0 - widths.iter().sum::<f32>())).max(0.0);
        let cells: Vec<usize> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| (text * w + if i > 0 { gap } else { 0.0 }) as usize)
            .collect();
        self.x.open("w:tbl", &[]);
        self.table_props(cells.iter().sum(), TableLook::Plain);
        self.grid(&cells);
        self.x.open("w:tr", &[]);
        self.x.open("w:trPr", &[]);
        self.x.empty("w:cantSplit", &[]);
        self.x.close("w:trPr");
        for (i, (column, w)) in columns.iter().zip(widths).enumerate() {
            self.x.open("w:tc", &[]);
            self.x.open("w:tcPr", &[]);
            self.x.empty(
                "w:tcW",
                &[("w:w", &cells[i].to_string()), ("w:type", "dxa")],
            );
            if i > 0 {
                self.x.open("w:tcMar", &[]);
                self.x.empty(
                    "w:left",
                    &[("w:w", &(gap as usize).to_string()), ("w:type", "dxa")],
                );
                self.x.close("w:tcMar");
            }
            self.x.close("w:tcPr");
            self.container = *w;
            let done = self.blocks(column, list_level);
            self.container = 1.0;
            done?;
            self.x.close("w:tc");
        }
        self.x.close("w:tr");
        self.x.close("w:tbl");
        // Space after the row, unless what follows has its own.
        if spaced {
            self.x.empty("w:p", &[]);
        }
        Ok(())
    }
}
