//! Which parts of the house table style a table takes (`w:tblLook`): the
//! report's tables its header row and zebra rows, the rows that set blocks
//! side by side neither.

use crate::render::xml::Xml;

/// Which parts of the house table style apply (`plain`: no header row and
/// no zebra rows), as the attributes and as the bit mask of Word 2007,
/// which LibreOffice reads.
pub fn table_look(x: &mut Xml, plain: bool) {
    let (mask, first_row, bands) = if plain {
        ("0600", "0", "1")
    } else {
        ("0420", "1", "0")
    };
    x.empty(
        "w:tblLook",
        &[
            ("w:val", mask),
            ("w:firstRow", first_row),
            ("w:lastRow", "0"),
            ("w:firstColumn", "0"),
            ("w:lastColumn", "0"),
            ("w:noHBand", bands),
            ("w:noVBand", "1"),
        ],
    );
}
