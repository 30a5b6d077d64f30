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
            "Indicatoren": {"protected": true, "unlocked": ["Drenthe 2017", "Friesland 2017", "Groningen 2017", "Meting 2017", "Opmerking 2017"]},
            "Acties": {"protected": true, "unlocked": ["Gereed", "Status 2017", "Toelichting 2017"]},
            "Doe-voorstellen": {"protected": true, "unlocked": ["Status 2017", "Toelichting 2017"]},
            "Stand": {"protected": true, "unlocked": []},
        })
    );
    independent_validators(&[(first.clone(), "invulblad".into())]);
    save_as_ods(&first);
    // Printed from LibreOffice: landscape, as wide as the page, every word
    // on the paper.
    let pdf = print_sheet(&first);
    let pages = pdf_text(&pdf).matches('\u{c}').count();
    assert!(pages <= 5, "{pages} pages");
    let out = Command::new(validator_python())
        .arg(repo().join("tests/validatie/kader.py"))
        .arg("--blad")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// LibreOffice Calc prints `xlsx` to a PDF next to it.
fn print_sheet(xlsx: &Path) -> PathBuf {
    let profile = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(xlsx)
        .output()
        .unwrap();
    let pdf = xlsx.with_extension("print.pdf");
    std::fs::copy(
        dir.path()
            .join(xlsx.with_extension("pdf").file_name().unwrap()),
        &pdf,
    )
    .expect("LibreOffice printed the sheet");
    pdf
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
                "Opmerking 2017",
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
    // The partner's remark of the year comes beside the standing
    // explanation, which stays as it was.
    assert!(ind.opmerkingen[&2017].contains("- Drenthe: 3 besturen."));
    let was = techniekpact::load::load_str(
        &data,
        &before.replace("JJJJ-MM-DD", "2018-03-14"),
        Default::default(),
    )
    .unwrap();
    let was = was
        .data
        .indicatoren()
        .find(|i| i.id == "schoolbesturen-betapunt")
        .unwrap()
        .toelichting
        .clone();
    assert_eq!(ind.toelichting, was);
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

/// `inlezen` of a filled-in sheet into `noord-2017.yaml`.
fn read_in(dir: &Path, sheet: &Path) -> (i32, String, String) {
    run_in(
        dir,
        &["inlezen", sheet.to_str().unwrap(), "noord-2017.yaml"],
    )
}

/// The data file as loaded, its publication date filled in.
fn loaded_now(data: &Path) -> techniekpact::load::Loaded {
    let text = std::fs::read_to_string(data)
        .unwrap()
        .replace("JJJJ-MM-DD", "2018-03-14");
    techniekpact::load::load_str(data, &text, Default::default())
        .unwrap_or_else(|r| panic!("{}", r.render(false)))
}

/// The value at `pointer` of the data file.
fn value_in(data: &Path, pointer: &str) -> Value {
    serde_json::to_value(&loaded_now(data).data)
        .unwrap()
        .pointer(pointer)
        .cloned()
        .unwrap_or(Value::Null)
}

fn betapunt_pointer(data: &Path) -> String {
    techniekpact::sheet::layout::indicator_rows(&loaded_now(data).data)
        .into_iter()
        .find(|r| r.item.id == "schoolbesturen-betapunt")
        .unwrap()
        .pointer
}

#[test]
fn two_partners_sheets_never_overwrite_each_other_silently() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let entry = betapunt_pointer(&data);
    // Two partners get a sheet at the same time.
    let blad_a = dir.path().join("blad-a.xlsx");
    let blad_b = dir.path().join("blad-b.xlsx");
    for blad in [&blad_a, &blad_b] {
        let (code, _, stderr) = run_in(
            dir.path(),
            &[
                "invulblad",
                "noord-2017.yaml",
                "--uit",
                blad.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 0, "{stderr}");
    }
    // A: the total, and a remark; the prefilled Gereed cells stay as they were.
    let (filled_a, _) = fill(
        &blad_a,
        json!([
            ["Indicatoren", "schoolbesturen-betapunt", "Meting 2017", 330],
            [
                "Indicatoren",
                "schoolbesturen-betapunt",
                "Opmerking 2017",
                "Telling per 31 december."
            ],
        ]),
    );
    // B: its own region's share, in the region's column, saved as ODS by LibreOffice.
    let (filled_b, _) = fill(
        &blad_b,
        json!([[
            "Indicatoren",
            "schoolbesturen-betapunt",
            "Groningen 2017",
            141
        ]]),
    );
    let ods_b = save_as_ods(&filled_b);
    let (code, stdout, stderr) = read_in(dir.path(), &filled_a);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("2 waarden ingevuld"),
        "only what A filled in: {stdout}"
    );
    let (code, _, stderr) = read_in(dir.path(), &ods_b);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        value_in(&data, &format!("{entry}/metingen/2017")),
        json!(330.0)
    );
    assert_eq!(
        value_in(&data, &format!("{entry}/uitsplitsing/Groningen/2017")),
        json!(141.0)
    );
    // The remark comes beside the standing explanation, which stays.
    assert_eq!(
        value_in(&data, &format!("{entry}/opmerkingen/2017")),
        json!("Telling per 31 december.")
    );
    assert!(
        value_in(&data, &format!("{entry}/toelichting"))
            .as_str()
            .unwrap()
            .contains("schoolbesturen")
    );

    // A third sheet of the same moment types B's share into the total: a
    // conflict with A's 330, named with both places; nothing is written.
    let blad_c = dir.path().join("blad-c.xlsx");
    std::fs::copy(&blad_b, &blad_c).unwrap();
    let (filled_c, _) = fill(
        &blad_c,
        json!([["Indicatoren", "schoolbesturen-betapunt", "Meting 2017", 141]]),
    );
    let before = std::fs::read_to_string(&data).unwrap();
    let (code, _, stderr) = read_in(dir.path(), &filled_c);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("Indicatoren!"), "{stderr}");
    assert!(stderr.contains("het blad zegt '141'"), "{stderr}");
    assert!(stderr.contains("zegt nu '330'"), "{stderr}");
    assert!(
        stderr.contains("noord-2017.yaml:"),
        "the file and line: {stderr}"
    );
    assert!(stderr.contains("tip: kies welke waarde klopt"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&data).unwrap(),
        before,
        "nothing is written"
    );
}

#[test]
fn an_older_sheet_read_again_never_undoes_a_later_edit() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let (blad, _) = invulblad(dir.path(), "noord-2017.yaml", &[]);
    let (filled, _) = fill(
        &blad,
        json!([["Acties", "deelname-werkgroep", "Gereed", "2017-06-30"]]),
    );
    let (code, _, stderr) = read_in(dir.path(), &filled);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&data).unwrap();
    assert!(text.contains("gereed: 2017-06-30"));
    // The secretariat moves the date by hand; the old sheet is read again.
    let edited = text.replace("gereed: 2017-06-30", "gereed: 2017-09-30");
    std::fs::write(&data, &edited).unwrap();
    let (code, _, stderr) = read_in(dir.path(), &filled);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("het blad zegt '2017-06-30'") && stderr.contains("zegt nu '2017-09-30'"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&data).unwrap(),
        edited,
        "the later edit stays"
    );
}

#[test]
fn a_prefilled_cell_left_as_it_was_is_not_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let before = std::fs::read_to_string(&data).unwrap();
    let (blad, _) = invulblad(dir.path(), "noord-2017.yaml", &[]);
    // openpyxl saves the sheet with every prefilled cell as it was.
    let (filled, _) = fill(&blad, json!([]));
    let (code, stdout, stderr) = read_in(dir.path(), &filled);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("niets veranderd"), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&data).unwrap(),
        before,
        "no review line is taken out"
    );
}

#[test]
fn the_parts_of_an_uitsplitsing_are_checked_against_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let data = new_year(dir.path());
    let before = std::fs::read_to_string(&data).unwrap();
    let (blad, _) = invulblad(dir.path(), "noord-2017.yaml", &[]);
    let (filled, _) = fill(
        &blad,
        json!([
            ["Indicatoren", "schoolbesturen-betapunt", "Meting 2017", 100],
            [
                "Indicatoren",
                "schoolbesturen-betapunt",
                "Groningen 2017",
                10
            ],
            [
                "Indicatoren",
                "schoolbesturen-betapunt",
                "Friesland 2017",
                10
            ],
            ["Indicatoren", "schoolbesturen-betapunt", "Drenthe 2017", 10],
        ]),
    );
    let (code, _, stderr) = read_in(dir.path(), &filled);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("de delen van de uitsplitsing tellen op tot 30, maar het totaal in"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&data).unwrap(), before);
}
