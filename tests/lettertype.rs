//! An editor's own font (Carlito, Debian's fonts-crosextra-carlito, which
//! the test command installs): put in `lettertypen/` and named in
//! `huisstijl.yaml`, it is the font of the PDF (still PDF/A-2a and
//! PDF/UA-1), the charts, the DOCX (embedded) and the web page (embedded),
//! and tables are measured in it. A missing style or a licence that forbids
//! embedding is refused at the `lettertype` line.

use crate::common::*;

const CARLITO: &str = "/usr/share/fonts/truetype/crosextra";

/// A template folder with Carlito's four files and `lettertype: Carlito`.
fn carlito_templates(dir: &std::path::Path) -> std::path::PathBuf {
    let tpl = dir.join("sjablonen");
    copy_templates(&tpl);
    let fonts = tpl.join("lettertypen");
    std::fs::create_dir_all(&fonts).unwrap();
    for style in ["Regular", "Bold", "Italic", "BoldItalic"] {
        let name = format!("Carlito-{style}.ttf");
        std::fs::copy(std::path::Path::new(CARLITO).join(&name), fonts.join(&name)).unwrap_or_else(
            |e| panic!("{CARLITO}/{name}: {e}; tools/test installs fonts-crosextra-carlito"),
        );
    }
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let carlito = style.replace("lettertype: Noto Sans", "lettertype: Carlito");
    assert_ne!(carlito, style);
    std::fs::write(tpl.join("huisstijl.yaml"), carlito).unwrap();
    tpl
}

#[test]
fn an_editors_own_font_is_the_font_of_every_format() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    carlito_templates(dir.path());
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
    let uit = dir.path().join("uit");
    let pdf = uit.join("techniekpact-noord-2016.pdf");
    // The PDF sets its text in Carlito (Noto only where Carlito lacks a
    // character) and stays PDF/A-2a and PDF/UA-1.
    let fonts = std::process::Command::new("pdffonts")
        .arg(&pdf)
        .output()
        .unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout).to_string();
    for face in ["Carlito", "Carlito-Bold", "Carlito-Italic"] {
        assert!(
            fonts.lines().any(|l| l
                .split_whitespace()
                .next()
                .is_some_and(|n| n.ends_with(&format!("+{face}")))),
            "{face}: {fonts}"
        );
    }
    assert!(
        !fonts.contains("NotoSans-Regular"),
        "no body text in Noto: {fonts}"
    );
    let docx_path = uit.join("techniekpact-noord-2016.docx");
    independent_validators(&[
        (pdf.clone(), "Carlito".into()),
        (docx_path.clone(), "Carlito".into()),
    ]);
    // The DOCX: every style in Carlito, its four files embedded.
    let docx = std::fs::read(&docx_path).unwrap();
    let table = docx_part(&docx, "word/fontTable.xml");
    for kind in [
        "embedRegular",
        "embedBold",
        "embedItalic",
        "embedBoldItalic",
    ] {
        assert!(
            table.contains("<w:font w:name=\"Carlito\">") && table.contains(kind),
            "{kind}: {table}"
        );
    }
    assert!(
        !table.contains("w:name=\"Noto Sans\""),
        "Noto Sans is not embedded as well"
    );
    let styles = docx_part(&docx, "word/styles.xml");
    assert!(styles.contains("w:ascii=\"Carlito\""));
    // LibreOffice shows the DOCX in Carlito.
    let lo = libreoffice_pdfs(&[docx_path], &dir.path().join("lo"));
    let lo_fonts = std::process::Command::new("pdffonts")
        .arg(&lo[0])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&lo_fonts.stdout).contains("Carlito"));
    // The web page carries the font; the charts name it first.
    let html = std::fs::read_to_string(uit.join("techniekpact-noord-2016.html")).unwrap();
    assert_eq!(
        html.matches("@font-face { font-family: \"Carlito\"")
            .count(),
        4
    );
    assert!(html.contains("data:font/ttf;base64,"));
    let chart =
        std::fs::read_to_string(uit.join("grafieken/techniekpact-noord-2016/overzicht.svg"))
            .unwrap();
    assert!(
        chart.contains("font-family=\"Carlito, Noto Sans,"),
        "the chart's text"
    );
}

/// Tables are measured in the house font: Carlito is narrower than Noto
/// Sans, so the indicators' table gets narrower fitted columns.
#[test]
fn tables_are_measured_in_the_house_font() {
    let dir = tempfile::tempdir().unwrap();
    let tpl = carlito_templates(dir.path());
    let loaded =
        techniekpact::load::load(&repo().join("data/noord-2016.yaml"), Default::default()).unwrap();
    let natural = |setup: &techniekpact::pipeline::Setup| -> Vec<f32> {
        let Ok(prepared) = techniekpact::pipeline::prepare(&loaded, setup) else {
            panic!("prepares")
        };
        prepared
            .document
            .blocks
            .iter()
            .find_map(|b| match b {
                techniekpact::document::Block::Table(t) => {
                    Some(t.columns.iter().map(|c| c.natural).collect())
                }
                _ => None,
            })
            .unwrap()
    };
    let noto = natural(&techniekpact::pipeline::Setup::embedded());
    let templates = techniekpact::templates::Templates::from_dir(&tpl).unwrap();
    let Ok(carlito_setup) = techniekpact::pipeline::Setup::new(templates, Default::default(), None)
    else {
        panic!("the Carlito templates are valid")
    };
    let carlito = natural(&carlito_setup);
    assert_eq!(noto.len(), carlito.len());
    assert!(
        noto.iter().zip(&carlito).all(|(n, c)| c < n),
        "{noto:?} {carlito:?}"
    );
}

/// A style the folder lacks, and a font whose licence forbids embedding,
/// are errors at the `lettertype` line; nothing is written.
#[test]
fn a_missing_style_or_a_forbidden_licence_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = carlito_templates(dir.path());
    let args = [
        "maak",
        "noord-2016.yaml",
        "--sjablonen",
        "sjablonen",
        "--uit",
        "uit",
    ];
    std::fs::remove_file(tpl.join("lettertypen/Carlito-BoldItalic.ttf")).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, 1);
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    let line = line_of(&style, "\nlettertype: Carlito") + 1;
    assert!(
        stderr.contains(&format!("huisstijl.yaml:{line}:"))
            && stderr.contains("mist de stijl vet cursief")
            && stderr.contains("lettertypen/Carlito-BoldItalic.ttf"),
        "{stderr}"
    );
    // The file back, with fsType 2 (restricted licence) in the regular one.
    std::fs::copy(
        format!("{CARLITO}/Carlito-BoldItalic.ttf"),
        tpl.join("lettertypen/Carlito-BoldItalic.ttf"),
    )
    .unwrap();
    let regular = tpl.join("lettertypen/Carlito-Regular.ttf");
    let mut bytes = std::fs::read(&regular).unwrap();
    let tables = u16::from_be_bytes([bytes[4], bytes[5]]) as usize;
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&rec| &bytes[rec..rec + 4] == b"OS/2")
        .map(|rec| u32::from_be_bytes(bytes[rec + 8..rec + 12].try_into().unwrap()) as usize)
        .expect("an OS/2 table");
    bytes[os2 + 8..os2 + 10].copy_from_slice(&2u16.to_be_bytes());
    std::fs::write(&regular, bytes).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &args);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("de licentie van lettertypen/Carlito-Regular.ttf verbiedt het opnemen"),
        "{stderr}"
    );
    assert!(!dir.path().join("uit").exists());
}
