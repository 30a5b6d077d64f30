//! The OpenDocument formats (ODF 1.3): the package every ODF file is
//! ([`package`]), the report as text ([`odt`]) and the spreadsheet of its
//! figures ([`ods`]).
//! Written by our own writer over quick-xml and zip, in schema order:
//! `spreadsheet-ods` was weighed and not taken, as it stamps its ZIP
//! entries with the clock (the files would differ from run to run) and
//! brings a locale and decimal stack the figures do not need.

pub mod ods;
pub mod odt;
pub mod package;

/// The namespaces the ODF parts declare.
pub const NS: [(&str, &str); 12] = [
    (
        "xmlns:office",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    ),
    (
        "xmlns:style",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    ),
    (
        "xmlns:text",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    ),
    (
        "xmlns:table",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    ),
    (
        "xmlns:fo",
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    ),
    (
        "xmlns:number",
        "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    ),
    (
        "xmlns:meta",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    ),
    ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
    ("xmlns:xlink", "http://www.w3.org/1999/xlink"),
    (
        "xmlns:svg",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ),
    (
        "xmlns:draw",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    ),
    // The namespace of the formulas of sequence fields (`ooow:Tabel+1`):
    // without it LibreOffice reads a caption's number as a fixed value.
    ("xmlns:ooow", "http://openoffice.org/2004/writer"),
];

/// The version of ODF written.
pub const VERSION: &str = "1.3";

/// The attributes of a part's root element: the namespaces and the
/// version.
pub fn root_attrs() -> Vec<(&'static str, &'static str)> {
    let mut attrs: Vec<(&str, &str)> = NS.to_vec();
    attrs.push(("office:version", VERSION));
    attrs
}

/// What an ODF file says about itself in `meta.xml`.
pub struct Properties<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    /// `nl-NL`.
    pub language: &'a str,
    pub keywords: &'a [String],
    /// The authors, joined; empty for none.
    pub creator: String,
}

/// `meta.xml`: the program, title, subject, keywords, language and
/// authors, as the other formats' properties.
pub fn meta_xml(p: &Properties) -> String {
    let mut x = crate::render::xml::Xml::part();
    x.open("office:document-meta", &root_attrs());
    x.open("office:meta", &[]);
    x.leaf(
        "meta:generator",
        &[],
        concat!("techniekpact/", env!("CARGO_PKG_VERSION")),
    );
    x.leaf("dc:title", &[], p.title);
    x.leaf("dc:subject", &[], p.subject);
    for k in p.keywords {
        x.leaf("meta:keyword", &[], k);
    }
    x.leaf("dc:language", &[], p.language);
    if !p.creator.is_empty() {
        x.leaf("meta:initial-creator", &[], &p.creator);
        x.leaf("dc:creator", &[], &p.creator);
    }
    x.close("office:meta");
    x.close("office:document-meta");
    x.finish()
}
