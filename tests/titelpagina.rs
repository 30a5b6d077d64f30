//! The title page: the document model decides its items and their order
//! (overline, title, year, subtitle, facts, logo, CONCEPT mark), and the
//! PDF, the DOCX and the web page show exactly those, in that order.

use roxmltree::Document;
use techniekpact::document::TitleItem;

use crate::common::*;

/// What a reader finds of each item, in the model's order: its words, or
/// for the logo its alternative text.
fn expected(items: &[TitleItem], overline_in_capitals: bool) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        match item {
            TitleItem::Overline { tekst } if overline_in_capitals => out.push(tekst.to_uppercase()),
            TitleItem::Overline { tekst }
            | TitleItem::Title { tekst }
            | TitleItem::Year { tekst }
            | TitleItem::Subtitle { tekst }
            | TitleItem::DraftMark { tekst } => out.push(tekst.clone()),
            TitleItem::Organisation { regels } => out.extend(regels.iter().cloned()),
            TitleItem::Logo { alt, .. } => out.push(format!("[figuur: {alt}]")),
        }
    }
    out
}

/// Whether a reader finds exactly `wanted` on the title page, in this
/// order: nothing left out, nothing added, nothing moved.
fn exactly(read: &str, wanted: &[String]) -> Result<(), String> {
    let (read, wanted) = (normalise(read), normalise(&wanted.join(" ")));
    if read == wanted {
        Ok(())
    } else {
        Err(format!("read {read:?}\nwanted {wanted:?}"))
    }
}

/// The DOCX title page as read in document order: paragraph and cell
/// texts, and each drawing by its alternative text, up to the page break:
/// a break, or the first paragraph whose style starts a page (the title of
/// the contents, a chapter heading).
fn docx_title_page(docx: &[u8]) -> String {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    let xml = docx_part(docx, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let mut out = Vec::new();
    for node in doc.descendants() {
        if node.has_tag_name((W, "br")) && node.attribute((W, "type")) == Some("page") {
            break;
        }
        let style = node
            .has_tag_name((W, "pStyle"))
            .then(|| node.attribute((W, "val")))
            .flatten();
        if matches!(style, Some("TOCHeading" | "Heading1")) {
            break;
        }
        if node.has_tag_name((W, "t")) {
            out.push(node.text().unwrap_or_default().to_string());
        } else if node.has_tag_name((WP, "docPr")) {
            out.push(format!(
                "[figuur: {}]",
                node.attribute("descr").unwrap_or_default()
            ));
        }
    }
    out.join(" ")
}

/// The web page's title page: the texts of its header and each image by
/// its alternative text.
fn html_title_page(html: &str) -> String {
    let doc = Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
    let header = doc
        .descendants()
        .find(|n| n.has_tag_name("header"))
        .expect("the title page is the header");
    header
        .descendants()
        .filter_map(|n| {
            if n.has_tag_name("img") {
                Some(format!(
                    "[figuur: {}]",
                    n.attribute("alt").unwrap_or_default()
                ))
            } else {
                n.text().filter(|_| n.is_text()).map(str::to_string)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The example `name` (`noord-2014`) made in every format in a new folder,
/// and its document model.
fn made(name: &str) -> (tempfile::TempDir, techniekpact::document::Document) {
    let data = repo().join(format!("data/{name}.yaml"));
    let dir = tempfile::tempdir().unwrap();
    maak_ok(&data, dir.path(), &["--formaat", "pdf,docx,html"]);
    let loaded = techniekpact::load::load(&data, Default::default()).unwrap();
    let setup = techniekpact::pipeline::Setup::embedded();
    let Ok(prepared) = techniekpact::pipeline::prepare(&loaded, &setup) else {
        panic!("the example prepares")
    };
    (dir, prepared.document)
}

/// Make `name` (`noord-2014`) in every format and check that each shows
/// exactly the model's title page items in their order; the items.
fn title_page_in_every_format(name: &str) -> Vec<TitleItem> {
    let (dir, document) = made(name);
    let items = document.meta.titelpagina.clone();
    let file = |ext: &str| dir.path().join(format!("techniekpact-{name}.{ext}"));

    let out = std::process::Command::new(validator_python())
        .arg(repo().join("tests/validatie/titelpagina.py"))
        .arg(file("pdf"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf: Vec<String> = serde_json::from_slice(&out.stdout).unwrap();
    exactly(&pdf.join(" "), &expected(&items, true)).unwrap_or_else(|e| panic!("PDF: {e}"));

    let docx = std::fs::read(file("docx")).unwrap();
    exactly(&docx_title_page(&docx), &expected(&items, false))
        .unwrap_or_else(|e| panic!("DOCX: {e}"));

    // The web page writes the overline as it is; its style sheet shows it
    // in capitals.
    let html = std::fs::read_to_string(file("html")).unwrap();
    exactly(&html_title_page(&html), &expected(&items, false))
        .unwrap_or_else(|e| panic!("HTML: {e}"));
    items
}

#[test]
fn every_format_shows_the_title_page_items_of_the_model_in_its_order() {
    // The 2014 example is a concept with a subtitle and a logo: all seven
    // kinds of item.
    let items = title_page_in_every_format("noord-2014");
    assert_eq!(items.len(), 7, "every kind of item: {items:?}");
}

/// The facts of the publication are in the colophon on the last page, the
/// reference number (`kenmerk` in the data) after the version, in every
/// format.
#[test]
fn the_colophon_has_the_facts_and_the_reference_number_in_every_format() {
    let (dir, document) = made("noord-2016");
    let Some(techniekpact::document::Block::Colophon { title, facts }) = document.blocks.last()
    else {
        panic!("the colophon is the last block")
    };
    let labels: Vec<&str> = facts.iter().map(|f| f.label.as_str()).collect();
    let at = labels
        .iter()
        .position(|l| *l == "Kenmerk")
        .expect("Kenmerk");
    assert_eq!(labels[at - 1], "Versie");
    assert_eq!(facts[at].regels, ["TP-2017-003"]);
    let mut pieces = vec![title.clone()];
    for f in facts {
        pieces.push(f.label.clone());
        pieces.extend(f.regels.iter().cloned());
    }
    let wanted = normalise(&pieces.join(" "));
    let file = |ext: &str| dir.path().join(format!("techniekpact-noord-2016.{ext}"));
    // The PDF: the last page, without its running head and foot.
    let pdf = pdf_pages_of(&std::fs::read(file("pdf")).unwrap());
    let last = normalise(pdf.last().unwrap());
    for piece in &pieces {
        assert!(
            last.contains(&normalise(piece)),
            "PDF: {piece:?} not on {last:?}"
        );
    }
    // The DOCX: its paragraphs, the colophon's last.
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let xml = docx_part(&std::fs::read(file("docx")).unwrap(), "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let docx: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            p.descendants()
                .filter_map(|n| {
                    if n.has_tag_name((W, "t")) {
                        n.text().map(str::to_string)
                    } else if n.has_tag_name((W, "tab")) || n.has_tag_name((W, "br")) {
                        Some(" ".to_string())
                    } else {
                        None
                    }
                })
                .collect::<String>()
        })
        .collect();
    let docx = normalise(&docx.join(" "));
    assert!(
        docx.ends_with(&wanted),
        "DOCX ends with {:?}",
        &docx[docx.len().saturating_sub(300)..]
    );
    // The web page: its colophon section (its terms and definitions have
    // no spaces between them in the text).
    let squeeze = |s: &str| normalise(s).split_whitespace().collect::<String>();
    let html = squeeze(&html_text(&std::fs::read_to_string(file("html")).unwrap()));
    assert!(html.contains(&squeeze(&wanted)), "HTML lacks {wanted:?}");
}
