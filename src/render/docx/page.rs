//! The page of the DOCX in twips, from the house style's `pagina` (the PDF's
//! and the printed web page's too): paper, margins, and the text area
//! between them.

use crate::document::house_style::HouseStyle;

/// Twips of drawing units (EMU).
pub const EMU_PER_TWIP: u32 = 635;

/// The page in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub bottom: u32,
    pub left: u32,
    pub right: u32,
    /// From the top edge to the running head.
    pub header: u32,
    /// From the bottom edge to the running foot.
    pub footer: u32,
}

/// Centimetres in twips (1440 to the inch).
pub(super) fn twips(cm: f64) -> u32 {
    (cm * 1440.0 / 2.54).round() as u32
}

impl Page {
    /// The page of the house style.
    pub fn of(style: &HouseStyle) -> Self {
        let p = &style.pagina;
        let (w, h) = p.paper_size();
        Page {
            width: twips(w),
            height: twips(h),
            top: twips(p.marge_boven),
            bottom: twips(p.marge_onder),
            left: twips(p.marge_links),
            right: twips(p.marge_rechts),
            header: twips(p.kopregel),
            footer: twips(p.voetregel),
        }
    }

    /// The width of the text area.
    pub fn text_width(&self) -> u32 {
        self.width - self.left - self.right
    }

    /// The height of the text area between the top and bottom margins.
    pub fn text_height(&self) -> u32 {
        self.height - self.top - self.bottom
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_page_is_a4_with_the_pdfs_margins_in_twips() {
        let page = Page::of(&HouseStyle::embedded());
        assert_eq!(
            page,
            Page {
                width: 11906,
                height: 16838,
                top: 1474,
                bottom: 1361,
                left: 2608,
                right: 1361,
                header: 737,
                footer: 737,
            }
        );
        assert_eq!(page.text_width(), 7937);
    }
}
