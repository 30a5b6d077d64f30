//! The style document `stijl.odt` for a house style: the ODT's styles and
//! a page that shows each of them, for an editor to change in LibreOffice
//! ([`super::editor_styles`] reads back what they changed). The embedded
//! `templates/stijl.odt` is this document for the embedded house style; a
//! unit test keeps the two equal.

use crate::document::house_style::HouseStyle;
use crate::render::xml::Xml;

use super::editor_styles::EditorStyles;
use super::names::*;
use super::styles::{PageTexts, font_faces, styles_xml};
use crate::render::odf::package::{Entry, package};

/// `stijl.odt` for `style`.
pub fn reference_document(style: &HouseStyle) -> std::io::Result<Vec<u8>> {
    let fonts = vec![(style.lettertype.clone(), Vec::new())];
    let page = PageTexts {
        language: "nl",
        country: "NL",
        concept: None,
        foot: "Stijlen voor techniekpact",
        page: "pagina",
        of: "van",
    };
    let styles = styles_xml(style, &page, &fonts, &EditorStyles::default());
    let mut x = Xml::part();
    x.open("office:document-content", &crate::render::odf::root_attrs());
    font_faces(&mut x, &fonts);
    x.open("office:body", &[]);
    x.open("office:text", &[]);
    let p = |x: &mut Xml, style: &str, text: &str| {
        x.leaf("text:p", &[("text:style-name", style)], text);
    };
    p(&mut x, OVERLINE, "Bovenregel");
    p(&mut x, TITLE, "Stijlen van de ODT");
    p(&mut x, REPORT_YEAR, "Verslagjaar");
    p(&mut x, SUBTITLE, "Ondertitel");
    p(
        &mut x,
        TEXT_BODY,
        "Dit document bevat de stijlen van de ODT-voortgangsrapportage. Wijzig hier in LibreOffice lettertype, kleur, afstand of uitlijning van een stijl (Stijlen > Stijl bewerken) en sla het op, als stijl.odt of als sjabloon stijl.ott: de ODT neemt elke gewijzigde of toegevoegde alinea- en tekenstijl over. De tekst van dit document wordt niet gebruikt.",
    );
    for level in 1..=3u8 {
        let l = level.to_string();
        x.leaf(
            "text:h",
            &[
                ("text:style-name", &heading(level)),
                ("text:outline-level", &l),
            ],
            &format!("Kop {level}"),
        );
    }
    x.open("text:p", &[("text:style-name", TEXT_BODY)]);
    x.text("Tekstblok met ");
    x.leaf("text:span", &[("text:style-name", STRONG)], "sterke nadruk");
    x.text(", ");
    x.leaf("text:span", &[("text:style-name", EMPHASIS)], "nadruk");
    x.text(" en een ");
    x.leaf("text:span", &[("text:style-name", LINK)], "koppeling");
    x.text(".");
    x.close("text:p");
    for (list, item) in [(BULLETS, "Opsomming"), (NUMBERS, "Nummering")] {
        x.open("text:list", &[("text:style-name", list)]);
        x.open("text:list-item", &[]);
        p(&mut x, LIST_PARAGRAPH, item);
        x.close("text:list-item");
        x.close("text:list");
    }
    x.open("text:p", &[("text:style-name", CAPTION)]);
    x.leaf(
        "text:span",
        &[("text:style-name", CAPTION_LABEL)],
        "Tabel 1",
    );
    x.text(": Bijschrift");
    x.close("text:p");
    x.open("table:table", &[("table:name", TABLE)]);
    x.empty(
        "table:table-column",
        &[("table:number-columns-repeated", "2")],
    );
    x.open("table:table-header-rows", &[]);
    x.open("table:table-row", &[]);
    for cell in ["Tabelkop", "Tabelkop"] {
        x.open("table:table-cell", &[("office:value-type", "string")]);
        p(&mut x, TABLE_HEADING, cell);
        x.close("table:table-cell");
    }
    x.close("table:table-row");
    x.close("table:table-header-rows");
    x.open("table:table-row", &[]);
    for cell in ["Tabeltekst", "1.234"] {
        x.open("table:table-cell", &[("office:value-type", "string")]);
        p(&mut x, TABLE_TEXT, cell);
        x.close("table:table-cell");
    }
    x.close("table:table-row");
    x.open("table:table-row", &[]);
    for (style, cell) in [(TABLE_ROW_HEADING, "Tabelrijkop"), (TABLE_TEXT, "35,8 %")] {
        x.open("table:table-cell", &[("office:value-type", "string")]);
        p(&mut x, style, cell);
        x.close("table:table-cell");
    }
    x.close("table:table-row");
    x.close("table:table");
    for (style, text) in [
        (TABLE_NOTE, "Tabelnoot"),
        (SOURCE, "Bron: bron van de tabel of figuur"),
        (FIGURE, "Figuur"),
        (FORMULA, "Formule"),
        (CONTENTS_HEADING, "Inhoud"),
        (&contents(1), "Inhoudsopgave 1"),
        (&contents(2), "Inhoudsopgave 2"),
        (COLOPHON_HEADING, "Colofonkop"),
        (COLOPHON, "Colofon"),
        (DRAFT_MARK, "Conceptmerk"),
        (ORGANISATION, "Organisatie"),
    ] {
        p(&mut x, style, text);
    }
    x.close("office:text");
    x.close("office:body");
    x.close("office:document-content");
    let meta = crate::render::odf::meta_xml(&crate::render::odf::Properties {
        title: "Stijlen voor techniekpact",
        subject: "De stijlen van de ODT",
        language: "nl-NL",
        keywords: &[],
        creator: "techniekpact".into(),
    });
    package(
        MEDIA_TYPE,
        &[
            Entry {
                path: "content.xml".into(),
                media_type: "text/xml",
                bytes: x.finish().into(),
            },
            Entry {
                path: "styles.xml".into(),
                media_type: "text/xml",
                bytes: styles.into(),
            },
            Entry {
                path: "meta.xml".into(),
                media_type: "text/xml",
                bytes: meta.into(),
            },
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `templates/stijl.odt` has the ODT's styles of the embedded house
    /// style, so that an editor finds in it every style the ODT has.
    /// `TECHNIEKPACT_SCHRIJF_STIJL=1 cargo test --lib reference` writes it
    /// anew after a change of `styles.rs`.
    #[test]
    fn the_embedded_reference_odt_has_our_styles() {
        let style = HouseStyle::embedded();
        let made = reference_document(&style).unwrap();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/templates/stijl.odt");
        if std::env::var_os("TECHNIEKPACT_SCHRIJF_STIJL").is_some() {
            std::fs::write(path, &made).unwrap();
        }
        let part = |bytes: &[u8]| {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("styles.xml").unwrap(), &mut text)
                .unwrap();
            text
        };
        assert_eq!(
            part(crate::templates::default_file(
                super::super::editor_styles::REFERENCE_ODT
            )),
            part(&made),
            "templates/stijl.odt is out of date: TECHNIEKPACT_SCHRIJF_STIJL=1 cargo test --lib reference"
        );
    }
}
