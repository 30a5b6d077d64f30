//! Which parts of the house table style a table takes (`w:tblLook`): the
//! report's tables its header row and zebra rows, a table of names and
//! values its first column and zebra rows, the rows that set blocks side
//! by side neither.

use crate::render::xml::Xml;

/// How a table takes the house table style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// A header row, then zebra rows.
    HeaderRow,
    /// Each row headed by its first cell (the first column's look), zebra
    /// rows, and no header row.
    RowHeaders,
    /// Neither: a row that sets blocks side by side.
    Plain,
}

/// Which parts of the house table style apply, as the attributes and as
/// the bit mask of Word 2007, which LibreOffice reads.
pub fn table_look(x: &mut Xml, look: Look) {
    let (mask, first_row, first_column, bands) = match look {
        Look::HeaderRow => ("0420", "1", "0", "0"),
        Look::RowHeaders => ("0480", "0", "1", "0"),
        Look::Plain => ("0600", "0", "0", "1"),
    };
    x.empty(
        "w:tblLook",
        &[
            ("w:val", mask),
            ("w:firstRow", first_row),
            ("w:lastRow", "0"),
            ("w:firstColumn", first_column),
            ("w:lastColumn", "0"),
            ("w:noHBand", bands),
            ("w:noVBand", "1"),
        ],
    );
}
