//! The one list of the font files compiled into techniekpact: their names,
//! families and styles, and whether the DOCX embeds them. The build script
//! (which obfuscates and compresses the DOCX's fonts) and the program (the
//! Typst world, the charts, the DOCX's font table) both read this list.

/// The style of a font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

/// One embedded font file.
#[derive(Debug, Clone, Copy)]
pub struct FontFile {
    /// `NotoSans-Bold`: without extension; `.ttf` in a Typst bundle and in
    /// `src/fonts/`, `.odttf` in the DOCX.
    pub name: &'static str,
    pub family: &'static str,
    pub style: Style,
    /// Whether the DOCX embeds it (the emoji outlines it does not: Word
    /// shows emoji with its own font).
    pub in_docx: bool,
    /// Whether the file is in `src/fonts/` (the others come from crates).
    pub local: bool,
}

const fn file(
    name: &'static str,
    family: &'static str,
    style: Style,
    in_docx: bool,
    local: bool,
) -> FontFile {
    FontFile {
        name,
        family,
        style,
        in_docx,
        local,
    }
}

/// Every embedded font file, in the order of the fonts' fallback: the body
/// family in its four styles, then emoji, Arabic and Hebrew, and the
/// PDF's formulas.
pub const FONTS: [FontFile; 10] = [
    file("NotoSans-Regular", "Noto Sans", Style::Regular, true, false),
    file("NotoSans-Bold", "Noto Sans", Style::Bold, true, false),
    file("NotoSans-Italic", "Noto Sans", Style::Italic, true, false),
    file(
        "NotoSans-BoldItalic",
        "Noto Sans",
        Style::BoldItalic,
        true,
        false,
    ),
    file(
        "NotoEmoji-Regular",
        "Noto Emoji",
        Style::Regular,
        false,
        false,
    ),
    file(
        "NotoSansArabic-Regular",
        "Noto Sans Arabic",
        Style::Regular,
        true,
        true,
    ),
    file(
        "NotoSansArabic-Bold",
        "Noto Sans Arabic",
        Style::Bold,
        true,
        true,
    ),
    file(
        "NotoSansHebrew-Regular",
        "Noto Sans Hebrew",
        Style::Regular,
        true,
        true,
    ),
    file(
        "NotoSansHebrew-Bold",
        "Noto Sans Hebrew",
        Style::Bold,
        true,
        true,
    ),
    file(
        "DejaVuMathTeXGyre",
        "DejaVu Math TeX Gyre",
        Style::Regular,
        false,
        true,
    ),
];
