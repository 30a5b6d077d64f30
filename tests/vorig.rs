//! `--vorig`: the chapter on changes since the previous year, in both formats.

mod common;

use std::io::Read;
use std::process::Command;

use common::*;

#[test]
fn changes_since_last_year_in_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(bin())
        .args([
            "maak",
            "data/noord-2016.yaml",
            "--vorig",
            "data/noord-2015.yaml",
            "--uit",
        ])
        .arg(dir.path())
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = std::fs::read(dir.path().join("techniekpact-noord-2016.pdf")).unwrap();
    let pdf: String = pdf_extract::extract_text_from_mem(&pdf)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let docx = std::fs::read(dir.path().join("techniekpact-noord-2016.docx")).unwrap();
    let mut doc = String::new();
    zip::ZipArchive::new(std::io::Cursor::new(docx))
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut doc)
        .unwrap();
    for text in [
        "Wijzigingen ten opzichte van 2015",
        "Indicatoren met een andere status",
        "Jet-Net-scholen in Noord Nederland", // op koers -> behaald
        "Acties met een andere status",
        "Procesondersteuning van de werkgroep", // lopend -> afgerond
        "Jaarlijkse (onderwijs)cijfers aanleveren i.s.m. S-BB", // afgerond -> vertraagd
        "Nieuw en vervallen",
        "Vmbo-scholen met een technologieroute", // new indicator
    ] {
        assert!(pdf.contains(text), "PDF lacks {text:?}");
        assert!(
            doc.contains(&text.replace('&', "&amp;")),
            "DOCX lacks {text:?}"
        );
    }
    for word in ["afgerond", "vertraagd", "nieuw", "gestart"] {
        assert!(pdf.contains(word), "{word}");
    }
    // Without --vorig there is no such chapter.
    let plain = Command::new(bin())
        .args(["maak", "data/noord-2016.yaml", "--formaat", "pdf", "--uit"])
        .arg(dir.path().join("zonder"))
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(plain.status.success());
    let pdf = std::fs::read(dir.path().join("zonder/techniekpact-noord-2016.pdf")).unwrap();
    assert!(
        !pdf_extract::extract_text_from_mem(&pdf)
            .unwrap()
            .contains("Wijzigingen ten opzichte")
    );
}
