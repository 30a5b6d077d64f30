//! The names of the ODT's styles, as `styles.xml` declares them and the
//! body uses them: LibreOffice's own for what it has (Heading 1, Title,
//! Caption, Table Contents, List Bullet), which its Dutch interface shows
//! as Kop 1, Titel, Bijschrift, ..., and the house's own names of the DOCX
//! for the rest (Tabeltekst, Bron, Colofon); and the media type of the file.

/// The media type of an ODT file.
pub const MEDIA_TYPE: &str = "application/vnd.oasis.opendocument.text";

/// `Heading_20_1`: a heading of `level`.
pub fn heading(level: u8) -> String {
    format!("Heading_20_{}", level.clamp(1, 9))
}

pub const TEXT_BODY: &str = "Text_20_body";
/// A paragraph of a list item.
pub const LIST_PARAGRAPH: &str = "List_20_Paragraph";
pub const TITLE: &str = "Title";
pub const SUBTITLE: &str = "Subtitle";
pub const OVERLINE: &str = "Bovenregel";
pub const REPORT_YEAR: &str = "Verslagjaar";
pub const DRAFT_MARK: &str = "Conceptmerk";
pub const ORGANISATION: &str = "Organisatie";
pub const CAPTION: &str = "Caption";
pub const TABLE_TEXT: &str = "Tabeltekst";
pub const TABLE_HEADING: &str = "Tabelkop";
/// The name that heads a row of a table of names and values (the key
/// figures).
pub const TABLE_ROW_HEADING: &str = "Tabelrijkop";
pub const TABLE_NOTE: &str = "Tabelnoot";
pub const SOURCE: &str = "Bron";
pub const FORMULA: &str = "Formule";
pub const FIGURE: &str = "Figuur";
pub const COLOPHON_HEADING: &str = "Colofonkop";
pub const COLOPHON: &str = "Colofon";
pub const CONTENTS_HEADING: &str = "Contents_20_Heading";
pub const HEADER: &str = "Header";
pub const FOOTER: &str = "Footer";

/// `Contents_20_1`: an entry of the contents of `level`.
pub fn contents(level: u8) -> String {
    format!("Contents_20_{}", level.clamp(1, 10))
}

/// The list styles: bullets and numbers.
pub const BULLETS: &str = "Opsomming";
pub const NUMBERS: &str = "Nummering";

/// Character styles.
pub const STRONG: &str = "Strong_20_Emphasis";
pub const EMPHASIS: &str = "Emphasis";
pub const CAPTION_LABEL: &str = "Bijschriftlabel";
pub const LINK: &str = "Internet_20_link";

/// The table style's parts: the table, its header cells, its body cells.
pub const TABLE: &str = "Huisstijltabel";
pub const HEADER_CELL: &str = "Huisstijltabel.Kop";
pub const BODY_CELL: &str = "Huisstijltabel.Cel";
/// The first row's cells of a table without a header row: the line of a
/// header row above them.
pub const FIRST_ROW_CELL: &str = "Huisstijltabel.Eerste";
/// The cells of a layout row (key figures beside a chart): no lines.
pub const LAYOUT_CELL: &str = "Naastelkaar.Cel";

/// The display name of a style whose name encodes spaces as `_20_`.
pub fn display(name: &str) -> String {
    name.replace("_20_", " ")
}
