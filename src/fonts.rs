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

/// The family name of the embedded fonts.
pub const FAMILY: &str = "Noto Sans";

/// Whether the embedded fonts can show `c`: it has a glyph, or it is white
/// space or an invisible format character (direction marks, zero-width
/// joiners, soft hyphen, variation selectors) that needs none.
pub fn can_show(c: char) -> bool {
    use std::sync::LazyLock;
    static FACE: LazyLock<typst::text::Font> = LazyLock::new(|| {
        typst::text::Font::new(typst::foundations::Bytes::new(NOTO_SANS_REGULAR), 0)
            .expect("the embedded font parses")
    });
    !is_visible(c) || FACE.info().coverage.contains(c as u32)
}

/// Whether `c` leaves a mark: not white space and not an invisible format
/// character.
pub fn is_visible(c: char) -> bool {
    !(c.is_whitespace()
        || matches!(c,
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'))
}
