//! `--vorig`: the chapter on changes since the previous year, in both formats.

use crate::common::*;

#[test]
fn changes_since_last_year_in_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let data = repo().join("data/noord-2016.yaml");
    maak_ok(&data, dir.path(), &["--vorig", "data/noord-2015.yaml"]);
    let pdf = normalise(&pdf_text(&dir.path().join("techniekpact-noord-2016.pdf")));
    let docx = std::fs::read(dir.path().join("techniekpact-noord-2016.docx")).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    let doc = run_text(roxmltree::Document::parse(&xml).unwrap().root());
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
        assert!(doc.contains(text), "DOCX lacks {text:?}");
    }
    for word in ["afgerond", "vertraagd", "nieuw", "gestart"] {
        assert!(pdf.contains(word), "{word}");
    }
    // Without --vorig there is no such chapter.
    let plain = maak(&data, &dir.path().join("zonder"), &["--formaat", "pdf"]);
    assert!(plain.status.success());
    let pdf = pdf_text(&dir.path().join("zonder/techniekpact-noord-2016.pdf"));
    assert!(!pdf.contains("Wijzigingen ten opzichte"));
}
