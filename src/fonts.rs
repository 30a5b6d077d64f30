//! The fonts compiled into the binary: Noto Sans (body, charts) from the
//! `notosans` crate. No system font is ever looked up.

pub const NOTO_SANS_REGULAR: &[u8] = notosans::REGULAR_TTF;
pub const NOTO_SANS_BOLD: &[u8] = notosans::BOLD_TTF;
pub const NOTO_SANS_ITALIC: &[u8] = notosans::ITALIC_TTF;
pub const NOTO_SANS_BOLD_ITALIC: &[u8] = notosans::BOLD_ITALIC_TTF;

/// Every embedded font file.
pub fn all() -> [&'static [u8]; 4] {
    [
        NOTO_SANS_REGULAR,
        NOTO_SANS_BOLD,
        NOTO_SANS_ITALIC,
        NOTO_SANS_BOLD_ITALIC,
    ]
}
