//! The DOCX package (Open Packaging Conventions, ECMA-376 Part 2): every
//! part written once, in a fixed order, into a zip with fixed timestamps,
//! so that the same report gives the same bytes. The parts come from
//! [`super::body`], [`super::styles`], [`super::numbering`],
//! [`super::theme`] and [`super::font_table`]; this module writes the small
//! ones itself (content types, relationships, properties, settings).

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::errors::DocxError;
use crate::render::docx::font_table::{self, EmbeddedFont};
use crate::render::docx::ooxml::{W, empty_part, relationship, relationships};
use crate::render::xml::Xml;

/// What the package needs besides the parts: the core properties.
pub struct Properties {
    pub title: String,
    pub creator: String,
    /// `YYYY-MM-DD`.
    pub created: String,
    /// `nl-NL`.
    pub language: String,
    pub keywords: String,
}

/// The parts made from the document model.
pub struct Parts<'a> {
    pub body: &'a super::body::Body,
    pub styles: &'a str,
    pub numbering: String,
    pub theme: String,
    pub house_fonts: &'a crate::fonts::house::HouseFonts,
    /// Whether the font files go into the package (not for `stijl.docx`,
    /// whose editor has the fonts from the reports).
    pub embed_fonts: bool,
}

/// `[Content_Types].xml`.
fn content_types(has_svg: bool, has_fonts: bool) -> String {
    let mut x = Xml::part();
    x.open(
        "Types",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )],
    );
    let doc = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut defaults = vec![
        (
            "rels",
            "application/vnd.openxmlformats-package.relationships+xml",
        ),
        ("xml", "application/xml"),
        ("png", "image/png"),
    ];
    if has_svg {
        defaults.push(("svg", "image/svg+xml"));
    }
    if has_fonts {
        defaults.push((
            "odttf",
            "application/vnd.openxmlformats-officedocument.obfuscatedFont",
        ));
    }
    for (ext, kind) in defaults {
        x.empty("Default", &[("Extension", ext), ("ContentType", kind)]);
    }
    for (part, kind) in [
        ("/word/document.xml", format!("{doc}.document.main+xml")),
        ("/word/styles.xml", format!("{doc}.styles+xml")),
        ("/word/numbering.xml", format!("{doc}.numbering+xml")),
        ("/word/settings.xml", format!("{doc}.settings+xml")),
        ("/word/fontTable.xml", format!("{doc}.fontTable+xml")),
        ("/word/header1.xml", format!("{doc}.header+xml")),
        ("/word/header2.xml", format!("{doc}.header+xml")),
        ("/word/footer1.xml", format!("{doc}.footer+xml")),
        ("/word/footer2.xml", format!("{doc}.footer+xml")),
        (
            "/word/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml".to_string(),
        ),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".to_string(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".to_string(),
        ),
    ] {
        x.empty("Override", &[("PartName", part), ("ContentType", &kind)]);
    }
    x.close("Types");
    x.finish()
}

/// `_rels/.rels`: the main document and the properties.
fn package_rels() -> String {
    let mut x = relationships();
    relationship(&mut x, "rId1", "officeDocument", "word/document.xml");
    x.empty(
        "Relationship",
        &[
            ("Id", "rId2"),
            (
                "Type",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            ),
            ("Target", "docProps/core.xml"),
        ],
    );
    relationship(&mut x, "rId3", "extended-properties", "docProps/app.xml");
    x.close("Relationships");
    x.finish()
}

/// Core properties from the report's metadata.
fn core_xml(p: &Properties) -> String {
    let when = format!("{}T00:00:00Z", p.created);
    let mut x = Xml::part();
    x.open(
        "cp:coreProperties",
        &[
            (
                "xmlns:cp",
                "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            ),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"),
            ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ],
    );
    x.leaf("dc:title", &[], &p.title);
    x.leaf("dc:creator", &[], &p.creator);
    x.leaf("cp:keywords", &[], &p.keywords);
    x.leaf("dc:language", &[], &p.language);
    x.leaf("cp:lastModifiedBy", &[], &p.creator);
    x.leaf("cp:revision", &[], "1");
    x.leaf("dcterms:created", &[("xsi:type", "dcterms:W3CDTF")], &when);
    x.leaf("dcterms:modified", &[("xsi:type", "dcterms:W3CDTF")], &when);
    x.close("cp:coreProperties");
    x.finish()
}

fn app_xml() -> String {
    let mut x = Xml::part();
    x.open(
        "Properties",
        &[(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )],
    );
    x.leaf("Application", &[], "techniekpact");
    x.close("Properties");
    x.finish()
}

/// The settings, in the order of CT_Settings: the embedded fonts, Word
/// 2013's compatibility mode, and the Dutch decimal comma and list
/// separator for fields. No `updateFields`: opening the file asks nothing.
fn settings_xml(language: &str, fonts: bool) -> String {
    let mut x = Xml::part();
    x.open("w:settings", &[("xmlns:w", W)]);
    x.empty("w:zoom", &[("w:percent", "100")]);
    if fonts {
        x.empty("w:embedTrueTypeFonts", &[]);
    }
    x.val("w:defaultTabStop", "709");
    x.val("w:characterSpacingControl", "doNotCompress");
    x.open("w:compat", &[]);
    x.empty(
        "w:compatSetting",
        &[
            ("w:name", "compatibilityMode"),
            ("w:uri", "http://schemas.microsoft.com/office/word"),
            ("w:val", "15"),
        ],
    );
    x.close("w:compat");
    x.empty("w:themeFontLang", &[("w:val", language)]);
    x.val("w:decimalSymbol", ",");
    x.val("w:listSeparator", ";");
    x.close("w:settings");
    x.finish()
}

/// Write the package.
pub fn write(parts: &Parts, props: &Properties) -> Result<Vec<u8>, DocxError> {
    let body = parts.body;
    let embedded: Vec<EmbeddedFont> = if parts.embed_fonts {
        font_table::fonts_for(parts.house_fonts, |family| body.scripts.contains(family))
    } else {
        Vec::new()
    };
    let has_svg = body.media.iter().any(|m| m.svg.is_some());
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(1 << 20)));
    let xml = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        // The fastest level: the XML parts still shrink about tenfold.
        .compression_level(Some(1))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    // Pictures are compressed already: deflating them again costs time and
    // saves nothing.
    let stored = xml
        .compression_method(CompressionMethod::Stored)
        .compression_level(None);
    let mut put = |name: &str, data: &[u8], options: SimpleFileOptions| {
        zip.start_file(name, options)
            .and_then(|()| zip.write_all(data).map_err(Into::into))
            .map_err(DocxError::Pack)
    };
    // `[Content_Types].xml` first, as Office expects.
    put(
        "[Content_Types].xml",
        content_types(has_svg, !embedded.is_empty()).as_bytes(),
        xml,
    )?;
    put("_rels/.rels", package_rels().as_bytes(), xml)?;
    put("docProps/core.xml", core_xml(props).as_bytes(), xml)?;
    put("docProps/app.xml", app_xml().as_bytes(), xml)?;
    put("word/document.xml", body.document.as_bytes(), xml)?;
    put(
        "word/_rels/document.xml.rels",
        body.rels.xml(&body.media).as_bytes(),
        xml,
    )?;
    put("word/styles.xml", parts.styles.as_bytes(), xml)?;
    put("word/numbering.xml", parts.numbering.as_bytes(), xml)?;
    put(
        "word/settings.xml",
        settings_xml(&props.language, !embedded.is_empty()).as_bytes(),
        xml,
    )?;
    put(
        "word/fontTable.xml",
        font_table::font_table_xml(&parts.house_fonts.family, &embedded).as_bytes(),
        xml,
    )?;
    if !embedded.is_empty() {
        put(
            font_table::RELS_PART,
            font_table::rels(&embedded).as_bytes(),
            xml,
        )?;
    }
    put(super::theme::PART, parts.theme.as_bytes(), xml)?;
    put("word/header1.xml", body.header.as_bytes(), xml)?;
    put("word/header2.xml", empty_part("w:hdr").as_bytes(), xml)?;
    put("word/footer1.xml", body.footer.as_bytes(), xml)?;
    put("word/footer2.xml", empty_part("w:ftr").as_bytes(), xml)?;
    for (i, picture) in body.media.iter().enumerate() {
        let n = i + 1;
        put(&format!("word/media/image{n}.png"), &picture.png, stored)?;
        if let Some(svg) = &picture.svg {
            put(&format!("word/media/image{n}.svg"), svg.as_bytes(), xml)?;
        }
    }
    font_table::copy_into(&mut zip, &embedded)?;
    let cursor = zip.finish().map_err(DocxError::Pack)?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_properties_are_escaped() {
        let p = Properties {
            title: "A & B <2016>".into(),
            creator: "Secretariaat".into(),
            created: "2017-03-15".into(),
            language: "nl-NL".into(),
            keywords: String::new(),
        };
        let xml = core_xml(&p);
        roxmltree::Document::parse(&xml).unwrap();
        assert!(xml.contains("<dc:title>A &amp; B &lt;2016&gt;</dc:title>"));
        assert!(xml.contains("2017-03-15T00:00:00Z"));
    }

    #[test]
    fn settings_ask_for_no_update_and_use_the_decimal_comma() {
        let s = settings_xml("nl-NL", true);
        roxmltree::Document::parse(&s).unwrap();
        assert!(!s.contains("updateFields"));
        assert!(s.contains(r#"<w:decimalSymbol w:val=","/>"#));
    }
}
