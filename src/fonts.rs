//! The fonts compiled into the binary: Noto Sans (body, charts) from the
//! `notosans` crate and Noto Emoji (monochrome outlines) from
//! `epaint_default_fonts`, which Typst and resvg use as fallback for emoji.
//! No system font is ever looked up.

pub const NOTO_SANS_REGULAR: &[u8] = notosans::REGULAR_TTF;
pub const NOTO_SANS_BOLD: &[u8] = notosans::BOLD_TTF;
pub const NOTO_SANS_ITALIC: &[u8] = notosans::ITALIC_TTF;
pub const NOTO_SANS_BOLD_ITALIC: &[u8] = notosans::BOLD_ITALIC_TTF;
pub const NOTO_EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;

/// Every embedded font file, with the file name it gets in a Typst bundle.
pub fn all() -> [(&'static str, &'static [u8]); 5] {
    [
        ("NotoSans-Regular.ttf", NOTO_SANS_REGULAR),
        ("NotoSans-Bold.ttf", NOTO_SANS_BOLD),
        ("NotoSans-Italic.ttf", NOTO_SANS_ITALIC),
        ("NotoSans-BoldItalic.ttf", NOTO_SANS_BOLD_ITALIC),
        ("NotoEmoji-Regular.ttf", NOTO_EMOJI),
    ]
}

/// The family name of the embedded fonts.
pub const FAMILY: &str = "Noto Sans";

/// The family name of the embedded emoji font, the fallback for emoji.
pub const EMOJI_FAMILY: &str = "Noto Emoji";

/// Whether the embedded fonts can show `c`: Noto Sans or Noto Emoji has a
/// glyph, or it is white space or an invisible format character (direction
/// marks, zero-width joiners, soft hyphen, variation selectors) that needs
/// none.
pub fn can_show(c: char) -> bool {
    use std::sync::LazyLock;
    fn face(data: &'static [u8]) -> typst::text::Font {
        typst::text::Font::new(typst::foundations::Bytes::new(data), 0)
            .expect("the embedded font parses")
    }
    static TEXT: LazyLock<typst::text::Font> = LazyLock::new(|| face(NOTO_SANS_REGULAR));
    static EMOJI: LazyLock<typst::text::Font> = LazyLock::new(|| face(NOTO_EMOJI));
    !is_visible(c)
        || TEXT.info().coverage.contains(c as u32)
        || EMOJI.info().coverage.contains(c as u32)
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
