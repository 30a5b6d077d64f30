//! The secretariat's yearly route, as it is used: `nieuw-jaar`, fill in the
//! date, `controleer`, `maak` as a concept; then `definitief` and `maak
//! --vorig` with the previous year. Every report it makes passes the
//! independent validators.

use crate::common::*;

#[test]
fn the_yearly_route_from_new_year_to_final_report() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let (code, _, stderr) = run_in(dir.path(), &["nieuw-jaar", "noord-2016.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    let next = dir.path().join("noord-2017.yaml");
    let text = std::fs::read_to_string(&next).unwrap();
    assert!(
        text.contains("status: concept"),
        "the new year starts as a draft"
    );
    std::fs::write(&next, text.replace("JJJJ-MM-DD", "2018-03-14")).unwrap();

    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("in orde"));

    let (code, stdout, stderr) =
        run_in(dir.path(), &["maak", "noord-2017.yaml", "--uit", "concept"]);
    assert_eq!(code, 0, "the draft builds: {stderr}");
    assert!(stdout.contains("techniekpact-noord-2017.pdf"), "{stdout}");
    let draft = normalise(&pdf_text(
        &dir.path().join("concept/techniekpact-noord-2017.pdf"),
    ));
    assert!(draft.contains("CONCEPT"), "the draft carries the mark");

    let text = std::fs::read_to_string(&next).unwrap();
    std::fs::write(
        &next,
        text.replacen("status: concept", "status: definitief", 1),
    )
    .unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2017.yaml",
            "--vorig",
            "noord-2016.yaml",
            "--uit",
            "definitief",
        ],
    );
    assert_eq!(code, 0, "the final report builds: {stderr}");
    let last = normalise(&pdf_text(
        &dir.path().join("definitief/techniekpact-noord-2017.pdf"),
    ));
    assert!(!last.contains("CONCEPT"), "no mark on the final report");
    assert!(
        last.contains("Wijzigingen ten opzichte van 2016"),
        "the changes chapter"
    );
    let docx = std::fs::read(dir.path().join("definitief/techniekpact-noord-2017.docx")).unwrap();
    assert!(docx_part(&docx, "word/document.xml").contains("Wijzigingen ten opzichte van 2016"));

    let mut files = Vec::new();
    for (folder, label) in [
        ("concept", "concept 2017"),
        ("definitief", "definitief 2017 met --vorig"),
    ] {
        for ext in ["pdf", "docx"] {
            files.push((
                dir.path()
                    .join(folder)
                    .join(format!("techniekpact-noord-2017.{ext}")),
                label.to_string(),
            ));
        }
    }
    independent_validators(&files);
}
