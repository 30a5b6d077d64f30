//! The worked example of docs/sjablonen.md: an edited template changes the
//! output, in both formats where it applies.

use crate::common::*;

/// The editor's template folder with `edit` applied to `file`; `line` must
/// be shown in the guide and the edit must change the file.
fn edited_copy(dir: &std::path::Path, file: &str, from: &str, line: &str) -> std::path::PathBuf {
    let guide = std::fs::read_to_string(repo().join("docs/sjablonen.md")).unwrap();
    assert!(guide.contains(line), "the guide shows {line:?}");
    let tpl = dir.join("mijn-sjablonen");
    if !tpl.exists() {
        copy_templates(&tpl);
    }
    let text = std::fs::read_to_string(tpl.join(file)).unwrap();
    let edited = text.replace(from, line);
    assert_ne!(text, edited, "{file} has {from:?}");
    std::fs::write(tpl.join(file), edited).unwrap();
    tpl
}

/// Task 1's edit: the main colour dark red in the editor's copy.
fn dark_red_copy(dir: &std::path::Path) -> std::path::PathBuf {
    edited_copy(
        dir,
        "huisstijl.yaml",
        r##"  hoofdkleur: "#154273""##,
        r##"  hoofdkleur: "#8b0000""##,
    )
}

/// Data without the logo, whose own colours are not the house style's.
fn data_without_logo(dir: &std::path::Path) -> std::path::PathBuf {
    let yaml = std::fs::read_to_string(repo().join("data/noord-2016.yaml")).unwrap();
    let kept: String = yaml
        .lines()
        .filter(|l| !l.trim_start().starts_with("logo:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let path = dir.join("noord-2016.yaml");
    std::fs::write(&path, kept).unwrap();
    path
}

/// Every `word/*.xml` part of a DOCX, joined.
fn docx_xml(docx: &[u8]) -> String {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/") && n.ends_with(".xml"))
        .map(String::from)
        .collect();
    names.iter().map(|n| docx_part(docx, n)).collect()
}

/// Task 1 of the guide: one colour in huisstijl.yaml changes the PDF, the
/// DOCX, the HTML and every chart; the old colour is gone from all of them.
#[test]
fn worked_example_change_the_colours() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dark_red_copy(dir.path());
    check_colour(dir.path(), &tpl, "8B0000", "0.54509807 0 0 scn");
}

/// The test of the issue: the main colour set to #8B008B (dark magenta, with the contrast headings need) in the one file
/// reaches the PDF content, the DOCX and every chart SVG, and #154273 is
/// nowhere.
#[test]
fn one_colour_in_one_file_reaches_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    std::fs::write(
        tpl.join("huisstijl.yaml"),
        style.replace("#154273", "#8B008B"),
    )
    .unwrap();
    check_colour(dir.path(), &tpl, "8B008B", "0.54509807 0 0.54509807 scn");
}

/// Make all formats of the example (without its logo) with the templates
/// in `tpl`, and check that they show `hex` (in the PDF as `pdf_op`) and
/// not the default main colour.
fn check_colour(dir: &std::path::Path, tpl: &std::path::Path, hex: &str, pdf_op: &str) {
    let out = dir.join("uit");
    let data = data_without_logo(dir);
    let formats = [
        "--sjablonen",
        tpl.to_str().unwrap(),
        "--formaat",
        "pdf,docx,html",
    ];
    maak_ok(&data, &out, &formats);
    let old_pdf_op = "0.08235294 0.25882354 0.4509804 scn";
    let pdf = std::fs::read(out.join("techniekpact-noord-2016.pdf")).unwrap();
    let content = inflated_streams(&pdf);
    assert!(content.contains(pdf_op), "the PDF paints in #{hex}");
    assert!(!content.contains(old_pdf_op), "the PDF has no #154273 left");
    let docx = std::fs::read(out.join("techniekpact-noord-2016.docx")).unwrap();
    let xml = docx_xml(&docx);
    assert!(xml.contains(hex), "the DOCX has #{hex}");
    assert!(
        !xml.to_uppercase().contains("154273"),
        "the DOCX has no #154273 left"
    );
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(
        styles.contains(&format!(r#"<w:color w:val="{hex}"/>"#)),
        "the heading styles"
    );
    let html = std::fs::read_to_string(out.join("techniekpact-noord-2016.html")).unwrap();
    assert!(html.to_uppercase().contains(hex));
    assert!(!html.contains("154273"));
    let charts: Vec<_> = std::fs::read_dir(out.join("grafieken/techniekpact-noord-2016"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(charts.len(), 9);
    for chart in charts {
        let svg = std::fs::read_to_string(&chart).unwrap().to_uppercase();
        assert!(svg.contains(hex), "{} has #{hex}", chart.display());
        assert!(!svg.contains("154273"), "{} has #154273", chart.display());
    }
}

/// Task 2 of the guide: a word changed in teksten.yaml reaches the PDF, the
/// DOCX, the HTML and the charts' alternative texts.
#[test]
fn worked_example_change_a_word() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = edited_copy(
        dir.path(),
        "teksten.yaml",
        "  achter: achter\n",
        "  achter: achterstand\n",
    );
    let out = dir.path().join("uit");
    let data = repo().join("data/noord-2016.yaml");
    maak_ok(
        &data,
        &out,
        &[
            "--sjablonen",
            tpl.to_str().unwrap(),
            "--formaat",
            "pdf,docx,html",
        ],
    );
    let pdf = std::fs::read(out.join("techniekpact-noord-2016.pdf")).unwrap();
    let text = crate::common::pdf_text_of(&pdf);
    assert!(text.contains("achterstand"), "the PDF shows the word");
    let docx = std::fs::read(out.join("techniekpact-noord-2016.docx")).unwrap();
    let doc = docx_part(&docx, "word/document.xml");
    assert!(doc.contains(">achterstand<"), "the DOCX shows the word");
    // The alternative text of the chart of the indicator that is behind.
    assert!(
        doc.contains("status in 2016: achterstand."),
        "the chart's alt text in the DOCX"
    );
    let html = std::fs::read_to_string(out.join("techniekpact-noord-2016.html")).unwrap();
    assert!(html.contains(">achterstand</span>"));
    assert!(
        html.contains("status in 2016: achterstand."),
        "the chart's alt text in the HTML"
    );
}

/// Task 3 of the guide: a Word style changed in stijl.docx keeps its look,
/// while the styles the editor left alone follow huisstijl.yaml.
#[test]
fn worked_example_change_the_word_styles() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let tpl = dark_red_copy(dir.path());
    let guide = std::fs::read_to_string(repo().join("docs/sjablonen.md")).unwrap();
    assert!(guide.contains("`#00aa00`"), "the guide shows the Word edit");
    // What Word does when Kop 1 gets the colour #00aa00.
    let reference = std::fs::read(tpl.join("stijl.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&reference)).unwrap();
    let mut edited = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if f.name() == "word/styles.xml" {
            let text = String::from_utf8(data).unwrap();
            let at = text.find(r#"w:styleId="Heading1""#).unwrap();
            let end = at + text[at..].find("</w:style>").unwrap();
            let heading = text[at..end].replace(r#"w:val="154273""#, r#"w:val="00AA00""#);
            assert_ne!(heading, text[at..end]);
            data = format!("{}{heading}{}", &text[..at], &text[end..]).into_bytes();
        }
        edited
            .start_file(f.name(), zip::write::SimpleFileOptions::default())
            .unwrap();
        edited.write_all(&data).unwrap();
    }
    std::fs::write(
        tpl.join("stijl.docx"),
        edited.finish().unwrap().into_inner(),
    )
    .unwrap();

    let out = dir.path().join("uit");
    let data = repo().join("data/noord-2016.yaml");
    maak_ok(
        &data,
        &out,
        &["--sjablonen", tpl.to_str().unwrap(), "--formaat", "docx"],
    );
    let docx = std::fs::read(out.join("techniekpact-noord-2016.docx")).unwrap();
    let styles = docx_part(&docx, "word/styles.xml");
    let style = |id: &str| {
        let at = styles.find(&format!(r#"w:styleId="{id}""#)).unwrap();
        styles[at..at + styles[at..].find("</w:style>").unwrap()].to_string()
    };
    assert!(
        style("Heading1").contains(r#"<w:color w:val="00AA00"/>"#),
        "the editor's Kop 1"
    );
    assert!(
        style("Heading2").contains(r#"<w:color w:val="8B0000"/>"#),
        "Kop 2 follows the house style"
    );
    assert!(!styles.contains("154273"));
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
    // At the name that does not exist, in the text under `leeswijzer`.
    let line = line_of(&broken, "{{ onbekend }}");
    assert!(line > line_of(&broken, "  leeswijzer: |"));
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

/// An editor's copy made before a text was added keeps working: the
/// missing words come from the standard texts, and a broken text used by
/// every chart is reported once.
#[test]
fn an_older_copy_of_the_texts_gets_the_new_words_from_the_standard() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let texts = std::fs::read_to_string(tpl.join("teksten.yaml")).unwrap();
    let line = texts
        .lines()
        .find(|l| l.trim_start().starts_with("verslagjaar: \"verslagjaar"))
        .expect("the chart legend of the report year")
        .to_string();
    std::fs::write(
        tpl.join("teksten.yaml"),
        texts.replace(&format!("{line}\n"), ""),
    )
    .unwrap();
    let data = repo().join("data/noord-2016.yaml");
    let out = dir.path().join("uit");
    maak_ok(
        &data,
        &out,
        &["--sjablonen", tpl.to_str().unwrap(), "--formaat", "pdf"],
    );
    let chart = std::fs::read_to_string(
        out.join("grafieken/techniekpact-noord-2016/schoolbesturen-betapunt.svg"),
    )
    .unwrap();
    assert!(chart.contains("verslagjaar 2016"), "the standard word");

    // A text that cannot be filled in, used by every indicator chart: once.
    let broken = texts.replace("doel: doel {{ waarde }}", "doel: doel {{ onbekend }}");
    std::fs::write(tpl.join("teksten.yaml"), &broken).unwrap();
    let o = maak(
        &data,
        &dir.path().join("fout"),
        &["--sjablonen", tpl.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(stderr.matches("fout: ").count(), 1, "{stderr}");
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
                "#render-blocks(doc.blokken)",
                "#render-blocks(doc.blokken)\n#panic(\"kapot\")",
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
    let setup = techniekpact::pipeline::Setup::new(templates.clone(), Default::default(), None)
        .ok()
        .unwrap();
    let prepared = techniekpact::pipeline::prepare(&loaded, &setup)
        .ok()
        .unwrap();
    techniekpact::render::pdf::PdfRenderer::default()
        .render(&prepared.context(&setup))
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
            let template = std::fs::read_to_string(repo().join("templates/rapport.typ")).unwrap();
            let panic_line = line_of(&template, "#render-blocks(doc.blokken)") + 1;
            assert_eq!((line, column), (panic_line, 2), "the #panic line");
        }
        other => panic!("expected a template error, got {other:?}"),
    }
}

/// A misspelt status key in either editor's file: a Dutch message with the
/// file, line and column of the key, a suggestion, exit status 1 and no
/// output.
#[test]
fn a_misspelt_status_key_names_file_key_and_position() {
    for (file, from, to) in [
        (
            "teksten.yaml",
            "  op_koers: op koers\n",
            "  op_koerss: op koers\n",
        ),
        (
            "huisstijl.yaml",
            "  op_koers: accentkleur\n",
            "  op_koerss: accentkleur\n",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let tpl = dir.path().join("sjablonen");
        copy_templates(&tpl);
        let text = std::fs::read_to_string(tpl.join(file)).unwrap();
        let broken = text.replace(from, to);
        assert_ne!(text, broken, "{file}");
        std::fs::write(tpl.join(file), &broken).unwrap();
        let out_dir = dir.path().join("uit");
        let out = maak(
            &repo().join("data/noord-2016.yaml"),
            &out_dir,
            &["--sjablonen", tpl.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(1), "{file}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let line = line_of(&broken, "  op_koerss:");
        assert!(stderr.contains(&format!("{file}:{line}:3")), "{stderr}");
        assert!(stderr.contains("onbekende sleutel 'op_koerss'"), "{stderr}");
        assert!(stderr.contains("bedoelt u 'op_koers'?"), "{stderr}");
        assert!(
            stderr.contains("de sleutel 'op_koers' ontbreekt"),
            "{stderr}"
        );
        assert!(!out_dir.exists(), "nothing written");
    }
}

/// An editor's page in `huisstijl.yaml` reaches the PDF, the DOCX and the
/// printed web page; an impossible margin is named at its line.
#[test]
fn the_page_of_the_house_style_reaches_every_format() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let letter = style
        .replace("  papier: a4", "  papier: letter")
        .replace("  marge_links: 4.6", "  marge_links: 3.5");
    std::fs::write(tpl.join("huisstijl.yaml"), &letter).unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2016.yaml",
            "--sjablonen",
            "sjablonen",
            "--formaat",
            "pdf,docx,html",
            "--uit",
            "uit",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let pdf = std::fs::read(dir.path().join("uit/techniekpact-noord-2016.pdf")).unwrap();
    // US Letter: 612 x 792 points.
    assert!(
        String::from_utf8_lossy(&pdf).contains("MediaBox[0 0 612 792]"),
        "the PDF is on letter paper"
    );
    let docx = std::fs::read(dir.path().join("uit/techniekpact-noord-2016.docx")).unwrap();
    let body = docx_part(&docx, "word/document.xml");
    assert!(
        body.contains(r#"<w:pgSz w:w="12240" w:h="15840"/>"#),
        "letter in twips"
    );
    assert!(body.contains(r#"w:left="1984""#), "3,5 cm in twips");
    let html =
        std::fs::read_to_string(dir.path().join("uit/techniekpact-noord-2016.html")).unwrap();
    assert!(
        html.contains("size: letter;") && html.contains("2.4cm 2.4cm 3.5cm;"),
        "the printed page"
    );
    // A margin of 0,5 cm is refused at its line.
    std::fs::write(
        tpl.join("huisstijl.yaml"),
        style.replace("  marge_onder: 2.4", "  marge_onder: 0.5"),
    )
    .unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2016.yaml",
            "--sjablonen",
            "sjablonen",
            "--uit",
            "uit2",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("de marge 'marge_onder' is 0,5 cm") && stderr.contains("huisstijl.yaml:"),
        "{stderr}"
    );
}

/// Where the running head's first line and the running foot's last line
/// stand on page 4 of `pdf`: top of the head and bottom of the foot, in
/// centimetres from the paper's edge (PyMuPDF, the lines' boxes).
fn running_lines_cm(pdf: &std::path::Path) -> (f64, f64) {
    let script = r#"
import sys, pymupdf
page = pymupdf.open(sys.argv[1])[3]
cm = 72 / 2.54
lines = [l["bbox"] for b in page.get_text("dict")["blocks"] for l in b.get("lines", [])]
head = min(y0 for (_, y0, _, _) in lines)
foot = max(y1 for (_, _, _, y1) in lines)
print(f"{head / cm:.3f} {(page.rect.height - foot) / cm:.3f}")
"#;
    let text = python(script, &[pdf]);
    let mut parts = text.split_whitespace().map(|v| v.parse::<f64>().unwrap());
    (parts.next().unwrap(), parts.next().unwrap())
}

/// The running head and foot stand as far from the paper's edge as
/// `huisstijl.yaml` says, in the PDF, in LibreOffice's rendering of the
/// DOCX and on the printed web page; a distance that leaves no room is
/// named at its line.
#[test]
fn the_running_head_and_foot_stand_where_the_house_style_says() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let moved = style
        .replace("  kopregel: 1.3 ", "  kopregel: 0.9 ")
        .replace("  voetregel: 1.3 ", "  voetregel: 1.7 ");
    assert_ne!(moved, style, "the embedded style has both distances");
    std::fs::write(tpl.join("huisstijl.yaml"), &moved).unwrap();
    let args = ["maak", "noord-2016.yaml", "--sjablonen", "sjablonen"];
    let (code, _, stderr) = run_in(
        dir.path(),
        &[&args[..], &["--formaat", "pdf,docx,html", "--uit", "uit"]].concat(),
    );
    assert_eq!(code, 0, "{stderr}");
    let uit = dir.path().join("uit");
    let (head, foot) = running_lines_cm(&uit.join("techniekpact-noord-2016.pdf"));
    assert!(
        (head - 0.9).abs() < 0.05 && (foot - 1.7).abs() < 0.05,
        "PDF: {head} {foot}"
    );
    let docx = uit.join("techniekpact-noord-2016.docx");
    let body = docx_part(&std::fs::read(&docx).unwrap(), "word/document.xml");
    assert!(body.contains(r#"w:header="510" w:footer="964""#), "twips");
    let lo = libreoffice_pdfs(&[docx], &dir.path().join("lo"));
    let (head, foot) = running_lines_cm(&lo[0]);
    assert!(
        (head - 0.9).abs() < 0.15 && (foot - 1.7).abs() < 0.15,
        "LibreOffice: {head} {foot}"
    );
    let html = std::fs::read_to_string(uit.join("techniekpact-noord-2016.html")).unwrap();
    assert!(
        html.contains("padding-top: 0.9cm;") && html.contains("padding-bottom: 1.7cm;"),
        "the printed page's head and foot"
    );
    // A head 2,4 cm from the edge in a margin of 2,6 cm leaves no room.
    std::fs::write(
        tpl.join("huisstijl.yaml"),
        style.replace("  kopregel: 1.3 ", "  kopregel: 2.4 "),
    )
    .unwrap();
    let (code, _, stderr) = run_in(dir.path(), &[&args[..], &["--uit", "uit2"]].concat());
    assert_eq!(code, 1);
    assert!(
        stderr.contains("de kopregel staat 2,4 cm van de rand van het papier")
            && stderr.contains("kies 0,5 tot en met 2,1 cm")
            && stderr.contains("huisstijl.yaml:"),
        "{stderr}"
    );
    assert!(!dir.path().join("uit2").exists(), "nothing written");
}

/// A copy of the templates from before the model's names were Dutch is
/// refused with one message per file at its first old name, and
/// `sjablonen --bijwerken` turns it into the current templates.
#[test]
fn an_old_copy_of_the_templates_is_named_and_updated_by_the_command() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    // The names as the templates read them before (the inverse of the
    // update), with a line of the editor's own.
    let own_line = |file: &str| {
        if file.ends_with(".typ") {
            "// eigen regel: b.text blijft zoals hij is\n"
        } else {
            "{# eigen regel #}\n"
        }
    };
    let back = |text: &str| {
        text.replace("doc.blokken", "doc.blocks")
            .replace("b.soort == \"kop\"", "b.type == \"heading\"")
            .replace("it.soort == \"tekst\"", "it.type == \"text\"")
            .replace(".bijschrift.volledig", ".caption.full")
            .replace("grafieken[f.pad]", "charts[f.path]")
            .replace("meta.lange_woorden", "meta.long_words")
    };
    for file in ["rapport.typ", "rapport.html", "stijl.typ"] {
        let text = std::fs::read_to_string(tpl.join(file)).unwrap();
        let old = back(&text);
        assert_ne!(old, text, "{file}");
        std::fs::write(tpl.join(file), format!("{old}{}", own_line(file))).unwrap();
    }
    let args = [
        "maak",
        "noord-2016.yaml",
        "--sjablonen",
        "sjablonen",
        "--uit",
        "uit",
    ];
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, 1, "{stderr}");
    for file in ["rapport.typ", "rapport.html", "stijl.typ"] {
        let at = format!("fout: sjablonen/{file}:");
        assert_eq!(
            stderr.matches(&at).count(),
            1,
            "one message for {file}: {stderr}"
        );
    }
    assert!(stderr.contains("sjablonen --bijwerken"), "{stderr}");
    assert!(!dir.path().join("uit").exists());
    let (code, stdout, stderr) = run_in(dir.path(), &["sjablonen", "--bijwerken", "sjablonen"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.matches("bijgewerkt:").count(), 3, "{stdout}");
    for file in ["rapport.typ", "rapport.html", "stijl.typ"] {
        let now = std::fs::read_to_string(tpl.join(file)).unwrap();
        let embedded = std::fs::read_to_string(repo().join("templates").join(file)).unwrap();
        assert_eq!(
            now,
            format!("{embedded}{}", own_line(file)),
            "{file}: the current names, and the editor's own line kept"
        );
    }
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, 0, "{stderr}");
}

/// A font family that no font provides, named in an editor's Typst
/// template, is an error at its line (the text would otherwise be set in
/// another font without a word), even without `--strikt`; nothing is
/// written.
#[test]
fn a_font_family_no_font_provides_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("stijl.typ")).unwrap();
    let from = "  show heading: set text(fill: hoofdkleur)";
    assert!(style.contains(from));
    let edited = style.replace(
        from,
        "  show heading: set text(fill: hoofdkleur, font: \"Calibri\")",
    );
    std::fs::write(tpl.join("stijl.typ"), &edited).unwrap();
    let line = line_of(&edited, "font: \"Calibri\"");
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2016.yaml",
            "--sjablonen",
            "sjablonen",
            "--uit",
            "uit",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(&format!("sjablonen/stijl.typ:{line}:"))
            && stderr.contains("geen lettertype heet 'calibri'"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("uit").exists(),
        "nothing written, no empty folder"
    );
}

/// Run `maak` with the templates of `tpl` (a copy with `file` edited from
/// `from` to `to`); the exit status and standard error.
fn with_edited(file: &str, from: &str, to: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    // The chapter on changes, with its texts, needs the previous year.
    std::fs::copy(
        repo().join("data/noord-2015.yaml"),
        dir.path().join("noord-2015.yaml"),
    )
    .unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let text = std::fs::read_to_string(tpl.join(file)).unwrap();
    assert!(text.contains(from), "{file} has {from:?}");
    let edited = text.replacen(from, to, 1);
    std::fs::write(tpl.join(file), &edited).unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2016.yaml",
            "--vorig",
            "noord-2015.yaml",
            "--formaat",
            "pdf,docx,html",
            "--sjablonen",
            "sjablonen",
            "--uit",
            "uit",
        ],
    );
    assert!(!dir.path().join("uit").exists(), "nothing written");
    (code, edited, stderr)
}

/// A misspelt key in teksten.yaml: "bedoelt u ...?", at its line.
#[test]
fn a_misspelt_text_key_gets_the_key_meant() {
    let (code, edited, stderr) = with_edited("teksten.yaml", "  logo: Logo", "  logoo: Logo");
    assert_eq!(code, 1);
    let line = line_of(&edited, "  logoo: Logo");
    assert!(
        stderr.contains(&format!("teksten.yaml:{line}:3"))
            && stderr.contains("onbekende sleutel 'logoo'")
            && stderr.contains("bedoelt u 'logo'?"),
        "{stderr}"
    );
}

/// A name that does not exist in a fixed text: the name, at its column,
/// and the name meant.
#[test]
fn an_unknown_name_in_a_text_is_named_at_its_column() {
    let (code, edited, stderr) = with_edited(
        "teksten.yaml",
        "Wijzigingen ten opzichte van {{ vorig_jaar }}",
        "Wijzigingen ten opzichte van {{ vorig_jaarr }}",
    );
    assert_eq!(code, 1);
    let (line, column) = line_col_of(&edited, "vorig_jaarr");
    assert!(
        stderr.contains(&format!("teksten.yaml:{line}:{column}:"))
            && stderr.contains("'vorig_jaarr' bestaat niet")
            && stderr.contains("bedoelt u 'vorig_jaar'?"),
        "{stderr}"
    );
}

/// A syntax error in any fixed text is found when the texts are read,
/// also in a text this report does not use, in Dutch and at its column.
#[test]
fn a_syntax_error_in_a_text_is_found_at_once_in_dutch() {
    let (code, edited, stderr) = with_edited(
        "teksten.yaml",
        "Acties van het thema {{ naam }}",
        "Acties van het thema {{ naam }",
    );
    assert_eq!(code, 1);
    let line = line_of(&edited, "{{ naam }\n");
    assert!(
        stderr.contains(&format!("teksten.yaml:{line}:"))
            && stderr.contains("syntaxfout: onverwacht")
            && !stderr.contains("unexpected"),
        "{stderr}"
    );
}

/// A misspelt name in rapport.html: in Dutch, at the expression, with the
/// name meant.
#[test]
fn an_unknown_name_in_the_html_template_is_named_with_the_one_meant() {
    let (code, edited, stderr) = with_edited(
        "rapport.html",
        "<title>{{ meta.documenttitel }}</title>",
        "<title>{{ meta.documenttitle }}</title>",
    );
    assert_eq!(code, 1);
    let line = line_of(&edited, "meta.documenttitle");
    assert!(
        stderr.contains(&format!("rapport.html:{line}:11:"))
            && stderr.contains("'meta.documenttitle' bestaat niet")
            && stderr.contains("bedoelt u 'meta.documenttitel'?")
            && !stderr.contains("undefined value"),
        "{stderr}"
    );
}

/// An unclosed bracket in stijl.typ: the innermost unclosed one comes
/// first, in Dutch, and not the errors that only follow from it.
#[test]
fn an_unclosed_bracket_in_a_typst_template_comes_first() {
    let from = "#let kopregel-afstand = huisstijl.pagina.kopregel * 1cm";
    let (code, edited, stderr) = with_edited(
        "stijl.typ",
        from,
        "#let kopregel-afstand = { (huisstijl.pagina.kopregel * 1cm",
    );
    assert_eq!(code, 1);
    // The `(` after `{ `: the innermost of the two unclosed.
    let (line, column) = line_col_of(&edited, "{ (huisstijl.pagina.kopregel");
    let column = column + 2;
    let first = stderr.lines().find(|l| l.starts_with("fout:")).unwrap();
    assert!(
        first.contains(&format!("stijl.typ:{line}:{column}:"))
            && first.contains("dit haakje wordt nergens gesloten"),
        "{stderr}"
    );
    assert!(!stderr.contains("not valid in code"), "{stderr}");
}

/// A yellow main colour is refused with the two colours, the ratio and a
/// colour that passes; the editor who takes that colour gets a report.
#[test]
fn a_colour_without_contrast_is_refused_and_its_tip_passes() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let yellow = style.replace(r##"hoofdkleur: "#154273""##, r##"hoofdkleur: "#f9e11e""##);
    assert_ne!(yellow, style);
    std::fs::write(tpl.join("huisstijl.yaml"), &yellow).unwrap();
    let args = [
        "maak",
        "noord-2016.yaml",
        "--sjablonen",
        "sjablonen",
        "--formaat",
        "pdf,docx,html",
        "--uit",
        "uit",
    ];
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, 1);
    let line = line_of(&yellow, "#f9e11e");
    assert!(
        stderr.contains(&format!("huisstijl.yaml:{line}:"))
            && stderr.contains(
                "de kleur 'hoofdkleur' (#f9e11e) op wit (#ffffff) heeft te weinig contrast: 1,3 : 1"
            ),
        "{stderr}"
    );
    assert_eq!(
        stderr.matches("fout:").count(),
        1,
        "one message for one colour: {stderr}"
    );
    let tip = stderr
        .split("bijvoorbeeld ")
        .nth(1)
        .expect("a colour in the tip");
    let better = &tip[..7];
    std::fs::write(
        tpl.join("huisstijl.yaml"),
        yellow.replace("#f9e11e", better),
    )
    .unwrap();
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, 0, "the tip's colour passes: {stderr}");
}

/// A number typed by hand in a fixed text (`Tabel 17`) is a warning at
/// its place that suggests a reference; the report is still made.
#[test]
fn a_number_typed_by_hand_in_a_text_suggests_a_reference() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let texts = std::fs::read_to_string(tpl.join("teksten.yaml")).unwrap();
    let from = "{{ verwijzing(\"tabel_doe_voorstellen\") }} geeft hun stand in";
    assert!(texts.contains(from));
    let edited = texts.replace(from, "Tabel 17 geeft hun stand in");
    std::fs::write(tpl.join("teksten.yaml"), &edited).unwrap();
    let (line, column) = line_col_of(&edited, "Tabel 17 geeft");
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2016.yaml",
            "--sjablonen",
            "sjablonen",
            "--uit",
            "uit",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "waarschuwing: sjablonen/teksten.yaml:{line}:{column}:"
        )) && stderr.contains("'Tabel 17' is met de hand getypt")
            && stderr.contains("verwijzing(\"tabel_indicatoren\")"),
        "{stderr}"
    );
    // The embedded texts type no number.
    let (_, _, stderr) = run_in(dir.path(), &["maak", "noord-2016.yaml", "--uit", "uit2"]);
    assert!(!stderr.contains("met de hand getypt"), "{stderr}");
}
