//! The ids of the styles the report uses: Word's built-in names (Heading 1,
//! TOC 1, List Bullet) and the house's own (Tabeltekst, Huisstijltabel), as
//! the body, the styles part, the numbering and the editor's styles name
//! them.

/// The paragraph style of table cells: no space before or after and single
/// line spacing, as the PDF's table rows, in the table text size.
pub const TABLE_TEXT: &str = "Tabeltekst";
/// The name that heads a row of a table of names and values (the key
/// figures): table text in the main colour.
pub const TABLE_ROW_HEADING: &str = "Tabelrijkop";
/// The notes under a value in a table cell: smaller and dark grey.
pub const TABLE_NOTE: &str = "Tabelnoot";
/// The line under a table or figure that names its source ("Bron: DUO").
pub const SOURCE: &str = "Bron";
/// A formula on a line of its own, indented.
pub const FORMULA: &str = "Formule";
/// The one table style of the report.
pub const HOUSE_TABLE: &str = "Huisstijltabel";

/// The heading styles, Heading 1 to 9.
pub const HEADING_STYLES: [&str; 9] = [
    "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6", "Heading7", "Heading8",
    "Heading9",
];
/// The styles of the table of contents' levels.
pub const TOC_STYLES: [&str; 3] = ["TOC1", "TOC2", "TOC3"];
pub const BULLET_STYLES: [&str; 3] = ["ListBullet", "ListBullet2", "ListBullet3"];
pub const NUMBER_STYLES: [&str; 3] = ["ListNumber", "ListNumber2", "ListNumber3"];

/// The title page's own styles: the line above the title (in capitals),
/// the report year, and the CONCEPT mark of a draft. The title and the
/// subtitle take Word's Title and Subtitle.
pub const OVERLINE: &str = "Bovenregel";
pub const REPORT_YEAR: &str = "Verslagjaar";
pub const DRAFT_MARK: &str = "Conceptmerk";
/// Who publishes the report, at the foot of the title page.
pub const ORGANISATION: &str = "Organisatie";
/// The colophon on the last page: its heading (not in the contents) and
/// its facts, each a label and a tab to the value.
pub const COLOPHON_HEADING: &str = "Colofonkop";
pub const COLOPHON: &str = "Colofon";
