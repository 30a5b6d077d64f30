//! The worked example of docs/sjablonen.md: an edited template changes the
//! output, in both formats where it applies.

use crate::common::*;

#[test]
fn worked_example_of_the_editors_guide() {
    let guide = std::fs::read_to_string(repo().join("docs/sjablonen.md")).unwrap();
    let colour_line = r##"#let hoofdkleur = rgb("#8b0000")    // donkerblauw: koppen, lijnen"##;
    let heading_line = "  samenvatting: Samenvatting en conclusies";
    assert!(
        guide.contains(colour_line) && guide.contains(heading_line),
        "the guide shows these edits"
    );

    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("mijn-sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("stijl.typ")).unwrap();
    let edited = style.replace(
        r##"#let hoofdkleur = rgb("#154273")    // donkerblauw: koppen, lijnen"##,
        colour_line,
    );
    assert_ne!(style, edited);
    std::fs::write(tpl.join("stijl.typ"), edited).unwrap();
    let texts = std::fs::read_to_string(tpl.join("teksten.yaml")).unwrap();
    let edited = texts.replace(
        "  samenvatting: Samenvatting\n",
        &format!("{heading_line}\n"),
    );
    assert_ne!(texts, edited);
    std::fs::write(tpl.join("teksten.yaml"), edited).unwrap();

    let data = repo().join("data/noord-2016.yaml");
    maak_ok(&data, dir.path(), &["--sjablonen", tpl.to_str().unwrap()]);
    let pdf = std::fs::read(dir.path().join("techniekpact-noord-2016.pdf")).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("Samenvatting en conclusies"));
    // Dark red (0x8b / 255 = 0.545) is now a colour in the page content.
    let content = inflated_streams(&pdf);
    assert!(
        content.contains("0.54509807 0 0 scn"),
        "the headings are dark red"
    );
    let docx = std::fs::read(dir.path().join("techniekpact-noord-2016.docx")).unwrap();
    let doc = docx_part(&docx, "word/document.xml");
    assert!(doc.contains(">1 Samenvatting en conclusies<"));
}

#[test]
fn broken_texts_file_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let texts = std::fs::read_to_string(tpl.join("teksten.yaml")).unwrap();
    let broken = texts.replace("{{ onderdelen }}", "{{ onbekend }}");
    std::fs::write(tpl.join("teksten.yaml"), &broken).unwrap();
    let data = repo().join("data/noord-2016.yaml");
    let out = maak(&data, dir.path(), &["--sjablonen", tpl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = line_of(&broken, "  leeswijzer: |");
    assert!(
        stderr.contains(&format!("teksten.yaml:{line}:")),
        "{stderr}"
    );
    assert!(
        stderr.contains("de vaste tekst 'leeswijzer' kan niet ingevuld worden"),
        "{stderr}"
    );
    assert!(!dir.path().join("techniekpact-noord-2016.pdf").exists());

    std::fs::remove_file(tpl.join("teksten.yaml")).unwrap();
    let out = maak(&data, dir.path(), &["--sjablonen", tpl.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("teksten.yaml ontbreekt"));
}

/// The decompressed content of every Flate stream in a PDF, as text.
fn inflated_streams(pdf: &[u8]) -> String {
    let mut out = String::new();
    let mut at = 0;
    while let Some(i) = find(&pdf[at..], b"stream\n") {
        let start = at + i + b"stream\n".len();
        let Some(len) = find(&pdf[start..], b"endstream") else {
            break;
        };
        let mut text = Vec::new();
        let mut z = flate2::read::ZlibDecoder::new(&pdf[start..start + len]);
        let _ = std::io::Read::read_to_end(&mut z, &mut text);
        {
            out.push_str(&String::from_utf8_lossy(&text));
        }
        at = start + len + b"endstream".len();
    }
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The embedded templates with `rapport.typ` failing as a layout fault of
/// the program would: as embedded (no folder) or as the user's own copy.
fn failing_templates(dir: Option<&std::path::Path>) -> techniekpact::templates::Templates {
    let mut t = techniekpact::templates::Templates::embedded();
    for (name, bytes) in &mut t.files {
        if name == "rapport.typ" {
            let broken = String::from_utf8(bytes.to_vec()).unwrap().replace(
                "#render-blocks(doc.blocks)",
                "#render-blocks(doc.blocks)\n#panic(\"kapot\")",
            );
            *bytes = std::sync::Arc::from(broken.into_bytes());
        }
    }
    t.dir = dir.map(std::path::Path::to_path_buf);
    t
}

fn render_pdf(templates: &techniekpact::templates::Templates) -> techniekpact::render::RenderError {
    use techniekpact::render::Renderer;
    let loaded = load_text(BASE).unwrap();
    let texts = techniekpact::texts::TextSet::load(templates).unwrap();
    let prepared = techniekpact::report::prepare(
        &loaded,
        &texts,
        &techniekpact::house_style::HouseStyle::load(templates).unwrap(),
        None,
    )
    .ok()
    .unwrap();
    techniekpact::render::pdf::PdfRenderer::default()
        .render(&prepared.context(templates))
        .expect_err("the template fails")
}

#[test]
fn a_fault_of_the_embedded_templates_is_an_internal_error() {
    use techniekpact::render::RenderError;
    match render_pdf(&failing_templates(None)) {
        RenderError::Internal(details) => {
            assert!(details.contains("rapport.typ"), "{details}");
            assert!(
                details.contains("kapot"),
                "Typst's words for the developers: {details}"
            );
        }
        other => panic!("expected an internal error, got {other:?}"),
    }
    let message = techniekpact::cli::internal_error_message(
        std::path::Path::new("data/noord-2017.yaml"),
        "Typst: rapport.typ: kapot",
    );
    assert!(message.starts_with("interne fout:"), "{message}");
    assert!(
        message.contains("data/noord-2017.yaml"),
        "names the data file"
    );
    assert!(message.contains("Meld dit"), "asks for a report");
    assert!(
        !message.contains("fout in het sjabloon"),
        "does not blame a template"
    );
}

#[test]
fn a_fault_of_the_users_own_template_has_its_file_line_and_column() {
    use techniekpact::render::RenderError;
    let dir = tempfile::tempdir().unwrap();
    match render_pdf(&failing_templates(Some(dir.path()))) {
        RenderError::Template(reports) => {
            let report = &reports[0];
            assert_eq!(report.path, dir.path().join("rapport.typ"));
            let d = &report.diagnostics[0];
            assert!(
                d.message.starts_with("fout in het sjabloon: "),
                "{}",
                d.message
            );
            let (line, column) = report.position(d).expect("a position");
            assert_eq!((line, column), (122, 2), "the #panic line");
        }
        other => panic!("expected a template error, got {other:?}"),
    }
}
