//! The invulblad round trip: `invulblad` writes the partners' spreadsheet,
//! a program that is not ours fills it in (openpyxl; LibreOffice saves it
//! as ODS), `inlezen` writes the values into the YAML in place or names
//! every problem by sheet and cell and changes nothing.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::*;

/// `nieuw-jaar` of the example, its date filled in: the file partners
/// fill in.
fn new_year(dir: &Path) -> PathBuf {
    copy_data(dir);
    let (code, _, stderr) = run_in(dir, &["nieuw-jaar", "noord-2016.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    dir.join("noord-2017.yaml")
}

fn invulblad(dir: &Path, data: &str, extra: &[&str]) -> (PathBuf, String) {
    let out = dir.join(format!("blad{}.xlsx", extra.len()));
    let mut args = vec!["invulblad", data, "--uit", out.to_str().unwrap()];
    args.extend(extra);
    let (code, stdout, stderr) = run_in(dir, &args);
    assert_eq!(code, 0, "{stderr}");
    (out, stdout)
}

/// Fill in `blad` with openpyxl; returns the filled file and how the sheet
/// looks to a partner (protection, unlocked columns).
pub fn fill(blad: &Path, edits: Value) -> (PathBuf, Value) {
    let out = blad.with_file_name(format!(
        "ingevuld-{}",
        blad.file_name().unwrap().to_string_lossy()
    ));
    let edits_file = blad.with_extension("json");
    std::fs::write(&edits_file, edits.to_string()).unwrap();
    let o = Command::new(validator_python())
        .arg(repo().join("tests/validatie/invulblad.py"))
        .arg(blad)
        .arg(&out)
        .arg(&edits_file)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (out, serde_json::from_slice(&o.stdout).unwrap())
}

/// LibreOffice Calc saves `xlsx` as ODS next to it.
pub fn save_as_ods(xlsx: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", "ods", "--outdir"])
        .arg(xlsx.parent().unwrap())
        .arg(xlsx)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice) ontbreekt: installeer libreoffice-calc-nogui, zoals tools/test doet ({e})"));
    let ods = xlsx.with_extension("ods");
    assert!(
        ods.exists(),
        "LibreOffice saved no ODS: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    ods
}

fn ids_on(blad: &Path, sheet: &str) -> Vec<String> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(blad).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .skip(1)
        .map(|r| r[0].to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn the_invulblad_is_the_same_every_run_and_only_its_input_cells_are_open() {
    let dir = tempfile::tempdir().unwrap();
    new_year(dir.path());
    let (first, stdout) = invulblad(dir.path(), "noord-2017.yaml", &[]);
    assert!(
        stdout.contains("7 indicatoren, 27 acties, 6 doe-voorstellen"),
        "{stdout}"
    );
    let again = dir.path().join("again.xlsx");
    let (code, _, _) = run_in(
        dir.path(),
        &[
            "invulblad",
            "noord-2017.yaml",
            "--uit",
            again.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&again).unwrap()
    );
    let (_, look) = fill(&first, json!([]));
    assert_eq!(
        look,
        json!({
            "Uitleg": {"protected": true, "unlocked": []},
            "Indicatoren": {"protected": true, "unlocked": ["Meting 2017", "Toelichting 2017"]},
            "Acties": {"protected": true, "unlocked": ["Gereed", "Status 2017", "Toelichting 2017"]},
            "Doe-voorstellen": {"protected": true, "unlocked": ["Status 2017", "Toelichting 2017"]},
        })
    );
    independent_validators(&[(first.clone(), "invulblad".into())]);
    save_as_ods(&first);
}

#[test]
fn with_a_partner_only_that_partners_rows_are_in_it() {
    let dir = tempfile::tempdir().unwrap();
    new_year(dir.path());
    let (blad, stdout) = invulblad(
        dir.path(),
        "noord-2017.yaml",
        &["--trekker", "Bètapunt Noord"],
    );
    assert!(
        stdout.contains("2 indicatoren, 2 acties, 1 doe-voorstel."),
        "{stdout}"
    );
    assert_eq!(
        ids_on(&blad, "Indicatoren"),
        ["schoolbesturen-betapunt", "wt-communities"]
    );
    assert_eq!(ids_on(&blad, "Doe-voorstellen"), ["wt-primair-onderwijs"]);
    let (code, _, stderr) = run_in(
        dir.path(),
        &["invulblad", "noord-2017.yaml", "--trekker", "Betapunt Nord"],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("bedoelt u 'Bètapunt Noord'?"), "{stderr}");
}

#[test]
fn every_problem_is_named_by_sheet_and_cell_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let before = std::fs::read(&data).unwrap();
    let (blad, _) = invulblad(dir.path(), "noord-2017.yaml", &[]);
    let (filled, _) = fill(
        &blad,
        json!([
            [
                "Indicatoren",
                "schoolbesturen-betapunt",
                "Meting 2017",
                "41,5"
            ],
            ["Indicatoren", "wt-communities", "Meting 2017", "veel"],
            ["Indicatoren", "A4", null, "vmbo-technologie"],
            ["Indicatoren", "jetnet-bedrijven", "Meting 2017", 44],
            ["Acties", "deelname-werkgroep", "Status 2017", "lopnd"],
            ["Acties", "procesondersteuning", "Gereed", "volgend jaar"],
            [
                "Doe-voorstellen",
                "wt-primair-onderwijs",
                "Status 2017",
                "in uitvoering"
            ],
        ]),
    );
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["inlezen", filled.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 1, "{stdout}{stderr}");
    let name = filled.display();
    for line in [
        format!("fout: {name}: Indicatoren!J2: '41,5' is tekst, geen getal"),
        "  tip: typ het getal opnieuw zonder aanhalingsteken of apostrof ervoor: in een Nederlands ingestelde spreadsheet 41,5, anders 41.5".to_string(),
        format!("fout: {name}: Indicatoren!J3: 'veel' is tekst, geen getal"),
        format!("fout: {name}: Indicatoren!A4: het gegevensbestand heeft geen indicator 'vmbo-technologie'"),
        "  tip: bedoelt u 'vmbo-technologieroute'? Verander de id's niet: daarmee vindt het secretariaat de rij terug".to_string(),
        format!("fout: {name}: Acties!F2: onbekende status 'lopnd'"),
        "  tip: bedoelt u 'lopend'? Toegestaan zijn: gepland, lopend, afgerond, vertraagd, gestopt".to_string(),
        format!("fout: {name}: Acties!G3: 'volgend jaar' is geen datum en geen jaartal"),
    ] {
        assert!(stderr.lines().any(|l| l == line), "missing {line:?} in\n{stderr}");
    }
    assert_eq!(stderr.matches("fout: ").count(), 5, "{stderr}");
    assert!(stdout.contains("niet ingelezen (5 fouten)"), "{stdout}");
    assert_eq!(std::fs::read(&data).unwrap(), before, "nothing is written");
}

#[test]
fn a_sheet_of_another_year_or_landsdeel_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let before = std::fs::read(&data).unwrap();
    let (old, _) = invulblad(dir.path(), "noord-2016.yaml", &[]);
    let (code, _, stderr) = run_in(
        dir.path(),
        &["inlezen", old.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "Uitleg!B4: dit invulblad is van verslagjaar 2016, het gegevensbestand van 2017"
        ),
        "{stderr}"
    );
    let (blad, _) = invulblad(dir.path(), "noord-2017.yaml", &["--trekker", "Jet-Net"]);
    let (other, _) = fill(&blad, json!([["Uitleg", "B3", null, "Oost"]]));
    let (code, _, stderr) = run_in(
        dir.path(),
        &["inlezen", other.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("Uitleg!B3: dit invulblad hoort bij landsdeel Oost, het gegevensbestand bij landsdeel Noord"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&data).unwrap(), before);
}

#[test]
fn values_go_in_place_comments_stay_and_the_same_sheet_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let before = std::fs::read_to_string(&data).unwrap();
    let (blad, _) = invulblad(dir.path(), "noord-2017.yaml", &[]);
    let (filled, _) = fill(
        &blad,
        json!([
            [
                "Indicatoren",
                "schoolbesturen-betapunt",
                "Meting 2017",
                41.5
            ],
            [
                "Indicatoren",
                "schoolbesturen-betapunt",
                "Toelichting 2017",
                "Het netwerk groeide.\n\n- Groningen: 5 besturen;\n- Drenthe: 3 besturen."
            ],
            ["Acties", "deelname-werkgroep", "Status 2017", "afgerond"],
            ["Acties", "deelname-werkgroep", "Gereed", "2017-06-30"],
            [
                "Doe-voorstellen",
                "wt-primair-onderwijs",
                "Status 2017",
                "in uitvoering"
            ],
        ]),
    );
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["inlezen", filled.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("4 waarden ingevuld"), "{stdout}");
    assert!(stdout.contains("3 controleregels weggehaald"), "{stdout}");
    let after = std::fs::read_to_string(&data).unwrap();
    // Every comment line of the file stays but the markers of the
    // measurement and the two statuses.
    let comments = |t: &str| {
        t.lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count()
    };
    assert_eq!(comments(&after), comments(&before) - 3);
    assert!(
        after.starts_with("# yaml-language-server"),
        "the first line stays"
    );
    let loaded = techniekpact::load::load_str(
        &data,
        &after.replace("JJJJ-MM-DD", "2018-03-14"),
        Default::default(),
    )
    .unwrap_or_else(|r| panic!("{}", r.render(false)));
    let ind = loaded
        .data
        .indicatoren()
        .find(|i| i.id == "schoolbesturen-betapunt")
        .unwrap();
    assert_eq!(ind.metingen.get(&2017), Some(&41.5));
    assert!(
        ind.toelichting
            .as_deref()
            .unwrap()
            .contains("- Drenthe: 3 besturen.")
    );
    let actie = loaded
        .data
        .acties()
        .find(|a| a.id == "deelname-werkgroep")
        .unwrap();
    assert_eq!(actie.status, techniekpact::model::ActieStatus::Afgerond);
    // Only the lines that changed changed: a diff of few lines.
    let changed = before.lines().filter(|l| !after.contains(l)).count();
    assert!(changed <= 8, "{changed} lines changed");
    let (code, stdout, _) = run_in(
        dir.path(),
        &["inlezen", filled.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 0);
    assert!(stdout.contains("niets veranderd"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&data).unwrap(), after);
    // LibreOffice's ODS of the same sheet reads the same.
    let ods = save_as_ods(&filled);
    std::fs::write(&data, &before).unwrap();
    let (code, _, stderr) = run_in(
        dir.path(),
        &["inlezen", ods.to_str().unwrap(), "noord-2017.yaml"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&data).unwrap(), after);
}
