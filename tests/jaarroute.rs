//! The secretariat's yearly route, as it is used: `nieuw-jaar`, fill in the
//! date, `controleer` and `maak` as a concept; a `definitief` with last
//! year's unreviewed content is refused; the partners' `invulblad`, filled
//! in by programs that are not ours (openpyxl, then LibreOffice saving it
//! as ODS), read back with `inlezen`; the remaining texts reviewed; then
//! `controleer` and `maak --vorig` as definitief, with the partners'
//! figures in PDF, DOCX and HTML. Every report and the invulblad pass the
//! independent validators.

use serde_json::json;

use crate::common::*;
use crate::invulblad::{fill, save_as_ods};

#[test]
fn the_yearly_route_from_new_year_through_the_partners_sheet_to_the_final_report() {
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

    // As a concept: valid, with every point of the publication check as a
    // warning and one summary line.
    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("in orde"), "{stdout}");
    assert!(
        stderr.contains("noord-2017.yaml: nog ")
            && stderr.contains(" punten te controleren voor publicatie"),
        "{stderr}"
    );
    // A missing figure is named once, by the review line above it.
    assert!(
        stderr.contains("CONTROLEREN voor 2017: voeg de meting over 2017 toe"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("indicator 'wt-communities' heeft geen meting over 2017"),
        "{stderr}"
    );
    let (code, stdout, stderr) =
        run_in(dir.path(), &["maak", "noord-2017.yaml", "--uit", "concept"]);
    assert_eq!(code, 0, "the draft builds: {stderr}");
    assert!(stdout.contains("techniekpact-noord-2017.pdf"), "{stdout}");
    let draft = normalise(&pdf_text(
        &dir.path().join("concept/techniekpact-noord-2017.pdf"),
    ));
    assert!(draft.contains("CONCEPT"), "the draft carries the mark");

    // Last year's content under a new year is not a final report.
    let text = std::fs::read_to_string(&next).unwrap();
    std::fs::write(
        &next,
        text.replacen("status: concept", "status: definitief", 1),
    )
    .unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    let markers = text
        .lines()
        .filter(|l| l.trim_start().starts_with("# CONTROLEREN"))
        .count();
    assert_eq!(
        stderr
            .matches("het rapport is definitief, maar dit is nog niet gecontroleerd")
            .count(),
        markers
    );
    let (code, _, _) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2017.yaml",
            "--vorig",
            "noord-2016.yaml",
            "--uit",
            "te-vroeg",
        ],
    );
    assert_eq!(code, 1);
    assert!(!dir.path().join("te-vroeg").exists(), "nothing is written");

    // The partners fill in their figures and statuses.
    let (code, _, stderr) = run_in(
        dir.path(),
        &["invulblad", "noord-2017.yaml", "--uit", "blad.xlsx"],
    );
    assert_eq!(code, 0, "{stderr}");
    let blad = dir.path().join("blad.xlsx");
    let loaded = techniekpact::load::load_str(&next, &text, Default::default()).unwrap();
    let mut edits = Vec::new();
    for (n, i) in loaded.data.indicatoren().enumerate() {
        let last = i
            .metingen
            .values()
            .last()
            .copied()
            .unwrap_or(i.nulmeting.waarde);
        edits.push(json!([
            "Indicatoren",
            i.id,
            "Meting 2017",
            last + 1.0 + n as f64
        ]));
    }
    for a in loaded.data.acties() {
        let word = techniekpact::sheet::layout::action_status_word(a.status);
        edits.push(json!(["Acties", a.id, "Status 2017", word]));
        edits.push(json!([
            "Acties",
            a.id,
            "Toelichting 2017",
            format!("Stand van {} in 2017.", a.naam)
        ]));
    }
    for d in &loaded.data.doe_voorstellen {
        let word = techniekpact::sheet::layout::proposal_status_word(d.status);
        edits.push(json!(["Doe-voorstellen", d.id, "Status 2017", word]));
        edits.push(json!([
            "Doe-voorstellen",
            d.id,
            "Toelichting 2017",
            "Loopt volgens plan."
        ]));
    }
    edits.push(json!([
        "Indicatoren", "schoolbesturen-betapunt", "Opmerking 2017",
        "Het netwerk groeide in 2017 verder.\n\n- Groningen: vijf nieuwe besturen;\n- Drenthe: drie nieuwe besturen."
    ]));
    let (filled, _) = fill(&blad, json!(edits));
    let ods = save_as_ods(&filled);
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["inlezen", ods.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("waarden ingevuld"), "{stdout}");

    // The secretariat reviews the texts that remain and takes the markers out.
    let text = std::fs::read_to_string(&next).unwrap();
    assert!(
        text.contains("status: definitief"),
        "inlezen keeps the status"
    );
    let left: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with("# CONTROLEREN"))
        .collect();
    assert!(
        left.iter().all(|l| l.contains("tekst van vorig jaar")),
        "only the secretariat's own texts are left: {left:#?}"
    );
    let reviewed: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("# CONTROLEREN"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&next, reviewed).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("geen meting over 2017"), "{stderr}");
    assert!(stdout.contains("in orde"), "{stdout}");
    let final_data = techniekpact::load::load(&next, Default::default())
        .unwrap()
        .data;
    let counts = techniekpact::analysis::analyse(&final_data).status_counts();
    assert!(
        counts
            .iter()
            .all(|(s, c)| *s != techniekpact::analysis::Status::GeenMeting || *c == 0),
        "every indicator has its 2017 figure: {counts:?}"
    );

    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2017.yaml",
            "--vorig",
            "noord-2016.yaml",
            "--formaat",
            "pdf,docx,html",
            "--uit",
            "definitief",
        ],
    );
    assert_eq!(code, 0, "the final report builds: {stderr}");
    let out = dir.path().join("definitief");
    let last = normalise(&pdf_text(&out.join("techniekpact-noord-2017.pdf")));
    assert!(!last.contains("CONCEPT"), "no mark on the final report");
    assert!(
        last.contains("Wijzigingen ten opzichte van 2016"),
        "the changes chapter"
    );
    let docx = std::fs::read(out.join("techniekpact-noord-2017.docx")).unwrap();
    let docx_text = docx_part(&docx, "word/document.xml");
    let html =
        html_text(&std::fs::read_to_string(out.join("techniekpact-noord-2017.html")).unwrap());
    // The partners' figures and texts are in every format.
    let betapunt = loaded
        .data
        .indicatoren()
        .find(|i| i.id == "schoolbesturen-betapunt")
        .unwrap();
    let figure = techniekpact::format_nl::number(
        betapunt.metingen.values().last().unwrap() + 1.0,
        betapunt.decimalen,
    );
    for (format, body) in [("PDF", &last), ("DOCX", &docx_text), ("HTML", &html)] {
        assert!(body.contains("Groningen: vijf nieuwe besturen"), "{format}");
        assert!(body.contains("Loopt volgens plan."), "{format}");
        assert!(
            body.contains(&format!("{figure} schoolbesturen"))
                || body.contains(&format!(">{figure}<"))
                || body.contains(&format!(" {figure} ")),
            "{format}: the 2017 figure {figure}"
        );
    }

    // Our invulblad (what openpyxl saves is not ours to check).
    let mut files = vec![(blad.clone(), "invulblad".to_string())];
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
    reader_check(&files);
}
