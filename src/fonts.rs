//! The fonts compiled into the binary: Noto Sans (body, charts; Latin with
//! every diacritic, Greek, Cyrillic) from the `notosans` crate, Noto Emoji
//! (monochrome outlines) from `epaint_default_fonts`, and Noto Sans Arabic
//! and Noto Sans Hebrew (OFL, from Debian's `fonts-noto-core`, in
//! `src/fonts/`), which Typst and resvg use as fallback for emoji and for
//! right-to-left text, and DejaVu Math TeX Gyre (Bitstream Vera licence,
//! from Debian's `fonts-dejavu-extra`, in `src/fonts/`) for the PDF's
//! formulas. No system font is ever looked up.

pub const NOTO_SANS_REGULAR: &[u8] = notosans::REGULAR_TTF;
pub const NOTO_SANS_BOLD: &[u8] = notosans::BOLD_TTF;
pub const NOTO_SANS_ITALIC: &[u8] = notosans::ITALIC_TTF;
pub const NOTO_SANS_BOLD_ITALIC: &[u8] = notosans::BOLD_ITALIC_TTF;
pub const NOTO_EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;
pub const NOTO_SANS_ARABIC_REGULAR: &[u8] = include_bytes!("fonts/NotoSansArabic-Regular.ttf");
pub const NOTO_SANS_ARABIC_BOLD: &[u8] = include_bytes!("fonts/NotoSansArabic-Bold.ttf");
pub const NOTO_SANS_HEBREW_REGULAR: &[u8] = include_bytes!("fonts/NotoSansHebrew-Regular.ttf");
pub const NOTO_SANS_HEBREW_BOLD: &[u8] = include_bytes!("fonts/NotoSansHebrew-Bold.ttf");
/// The PDF's formulas: a font with the measures of mathematics (an OpenType
/// MATH table), from Debian's fonts-dejavu-extra.
pub const DEJAVU_MATH: &[u8] = include_bytes!("fonts/DejaVuMathTeXGyre.ttf");

pub mod house;
pub mod list;

/// The bytes of an embedded font file of [`list::FONTS`].
pub fn bytes(name: &str) -> &'static [u8] {
    match name {
        "NotoSans-Regular" => NOTO_SANS_REGULAR,
        "NotoSans-Bold" => NOTO_SANS_BOLD,
        "NotoSans-Italic" => NOTO_SANS_ITALIC,
        "NotoSans-BoldItalic" => NOTO_SANS_BOLD_ITALIC,
        "NotoEmoji-Regular" => NOTO_EMOJI,
        "NotoSansArabic-Regular" => NOTO_SANS_ARABIC_REGULAR,
        "NotoSansArabic-Bold" => NOTO_SANS_ARABIC_BOLD,
        "NotoSansHebrew-Regular" => NOTO_SANS_HEBREW_REGULAR,
        "NotoSansHebrew-Bold" => NOTO_SANS_HEBREW_BOLD,
        "DejaVuMathTeXGyre" => DEJAVU_MATH,
        other => panic!("{other} is not in the font list"),
    }
}

/// Every embedded font file, with the file name it gets in a Typst bundle.
pub fn all() -> Vec<(String, &'static [u8])> {
    list::FONTS
        .iter()
        .map(|f| (format!("{}.ttf", f.name), bytes(f.name)))
        .collect()
}

/// The families that fill in for what Noto Sans lacks, in the order Typst
/// tries them (`stijl.typ` names the same).
pub const FALLBACK_FAMILIES: [&str; 3] = [EMOJI_FAMILY, ARABIC_FAMILY, HEBREW_FAMILY];

/// The family of the embedded Arabic font.
pub const ARABIC_FAMILY: &str = "Noto Sans Arabic";

/// The family of the embedded Hebrew font.
pub const HEBREW_FAMILY: &str = "Noto Sans Hebrew";

/// The family that shows `c` when Noto Sans does not: the complex-script
/// font a DOCX run with this character names.
pub fn script_family(c: char) -> Option<&'static str> {
    match c {
        '\u{0590}'..='\u{05FF}' | '\u{FB1D}'..='\u{FB4F}' => Some(HEBREW_FAMILY),
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}' => Some(ARABIC_FAMILY),
        _ => None,
    }
}

/// The family name of the embedded fonts.
pub const FAMILY: &str = "Noto Sans";

/// The family name of the embedded emoji font, the fallback for emoji.
pub const EMOJI_FAMILY: &str = "Noto Emoji";

/// Whether the embedded fonts can show `c`: Noto Sans, Noto Emoji, Noto
/// Sans Arabic or Noto Sans Hebrew has a glyph, or it is white space or an invisible format character (direction
/// marks, zero-width joiners, soft hyphen, variation selectors) that needs
/// none.
pub fn can_show(c: char) -> bool {
    use std::sync::LazyLock;
    fn face(data: &'static [u8]) -> typst::text::Font {
        typst::text::Font::new(typst::foundations::Bytes::new(data), 0)
            .expect("the embedded font parses")
    }
    static FACES: LazyLock<[typst::text::Font; 4]> = LazyLock::new(|| {
        [
            face(NOTO_SANS_REGULAR),
            face(NOTO_EMOJI),
            face(NOTO_SANS_ARABIC_REGULAR),
            face(NOTO_SANS_HEBREW_REGULAR),
        ]
    });
    !is_visible(c) || FACES.iter().any(|f| f.info().coverage.contains(c as u32))
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
