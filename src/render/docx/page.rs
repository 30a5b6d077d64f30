//! The page of the DOCX in twips: A4 and the margins of the PDF (2,3 cm
//! left and right, 2,6 cm at the top, 2,4 cm at the bottom), and the text
//! area between them.

pub const PAGE_W: u32 = 11906;
pub const PAGE_H: u32 = 16838;
pub const MARGIN_X: i32 = 1304;
pub const TEXT_W: u32 = PAGE_W - 2 * MARGIN_X as u32;
pub const MARGIN_TOP: i32 = 1474;
pub const MARGIN_BOTTOM: i32 = 1361;
/// Height of the text area between the top and bottom margins.
pub const TEXT_H: u32 = PAGE_H - (MARGIN_TOP + MARGIN_BOTTOM) as u32;
pub const EMU_PER_TWIP: u32 = 635;
