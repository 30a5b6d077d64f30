//! The national overview (`techniekpact landelijk`): every format made and
//! valid, the same figures as the landsdelen's own reports (and a national
//! total that is their sum), and every check of the contract, one test
//! each, with the problem in the file where it is.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use roxmltree::{Document, Node};

use crate::common::*;

const LANDSDELEN: [&str; 5] = ["noord", "noordwest", "oost", "zuidoost", "zuidwest"];

/// The example's files (the five landsdelen, Noord's logo and
/// `landelijk-2016.yaml`) copied into `to`.
fn copy_national(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let mut files: Vec<String> = LANDSDELEN
        .iter()
        .map(|l| format!("{l}-2016.yaml"))
        .collect();
    files.push("landelijk-2016.yaml".into());
    files.push("logo-techniekpact-noord.svg".into());
    for f in files {
        std::fs::copy(repo().join("data").join(&f), to.join(&f)).unwrap();
    }
}

/// Replace `from` by `to` in the file `name` under `dir` (once; it must be
/// there).
fn edit(dir: &Path, name: &str, from: &str, to: &str) {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{name} holds {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// `techniekpact landelijk landelijk-2016.yaml` in `dir`, into `uit/`.
fn landelijk(dir: &Path, formats: &str) -> (i32, String, String) {
    run_in(
        dir,
        &[
            "landelijk",
            "landelijk-2016.yaml",
            "--formaat",
            formats,
            "--uit",
            "uit",
        ],
    )
}

/// A check of the contract: the run fails with exit status 1, writes
/// nothing, and names `message` at `file:line` (1-based).
fn refused(dir: &Path, message: &str, file: &str, line: usize) -> String {
    let (code, _, stderr) = landelijk(dir, "pdf");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        !dir.join("uit").exists() || files_under(&dir.join("uit")).is_empty(),
        "nothing is written"
    );
    assert!(stderr.contains(message), "{message}: {stderr}");
    let at = format!("{file}:{line}:");
    assert!(
        stderr
            .lines()
            .any(|l| l.contains(message) && l.contains(&at)),
        "{message} at {at}: {stderr}"
    );
    stderr
}

/// The line (1-based) of the first line of `file` in `dir` that holds
/// `needle`, after `after` (a line that must come first).
fn line_in(dir: &Path, file: &str, after: &str, needle: &str) -> usize {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let start = text
        .find(after)
        .unwrap_or_else(|| panic!("{file}: {after}"));
    let at = start
        + text[start..]
            .find(needle)
            .unwrap_or_else(|| panic!("{file}: {needle}"));
    text[..at].lines().count() + usize::from(text[..at].ends_with('\n'))
}

/// Every table of an HTML edition: its caption and its rows of cell texts.
fn html_tables(html: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let doc = Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the HTML edition is well-formed XML");
    let text = |n: Node| -> String {
        let t: String = n
            .descendants()
            .filter(|d| d.is_text())
            .map(|d| d.text().unwrap_or(""))
            .collect();
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("table"))
        .map(|t| {
            // The caption is the paragraph the table is labelled by.
            let caption = t
                .attribute("aria-labelledby")
                .and_then(|id| doc.descendants().find(|n| n.attribute("id") == Some(id)))
                .map(text)
                .unwrap_or_default();
            let rows = t
                .descendants()
                .filter(|n| n.has_tag_name("tr"))
                .map(|r| {
                    r.children()
                        .filter(|c| c.has_tag_name("td") || c.has_tag_name("th"))
                        .map(text)
                        .collect()
                })
                .collect();
            (caption, rows)
        })
        .collect()
}

/// The national overview and every landsdeel's own report of the
/// example, as HTML and figures, made once for the tests that compare
/// them.
struct Example {
    _dir: tempfile::TempDir,
    out: PathBuf,
}

fn example() -> &'static Example {
    static E: std::sync::OnceLock<Example> = std::sync::OnceLock::new();
    E.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        copy_national(dir.path());
        let (code, _, stderr) = landelijk(dir.path(), "pdf,docx,html,odt,cijfers");
        assert_eq!(code, 0, "{stderr}");
        let mut args: Vec<String> = vec!["maak".into()];
        args.extend(LANDSDELEN.iter().map(|l| format!("{l}-2016.yaml")));
        args.extend(["--formaat", "html,cijfers", "--uit", "uit"].map(String::from));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, stderr) = run_in(dir.path(), &args);
        assert_eq!(code, 0, "{stderr}");
        Example {
            out: dir.path().join("uit"),
            _dir: dir,
        }
    })
}

fn html_of(slug: &str) -> String {
    std::fs::read_to_string(example().out.join(format!("techniekpact-{slug}-2016.html"))).unwrap()
}

#[test]
fn the_national_overview_is_made_in_every_format_and_each_passes_its_validators() {
    let e = example();
    let file = |ext: &str| e.out.join(format!("techniekpact-landelijk-2016.{ext}"));
    for ext in ["pdf", "docx", "html", "odt"] {
        assert!(file(ext).is_file(), "{ext}");
    }
    for table in ["indicatoren", "metingen", "acties", "doe-voorstellen"] {
        assert!(
            e.out
                .join(format!("techniekpact-landelijk-2016-{table}.csv"))
                .is_file()
        );
    }
    let label = "landelijk-2016".to_string();
    independent_validators(&[(file("pdf"), label.clone()), (file("docx"), label.clone())]);
    // The PDF, and LibreOffice's rendering of the DOCX and the ODT, as a
    // reader sees them.
    let lo = tempfile::tempdir().unwrap();
    let docx = libreoffice_pdfs(&[file("docx")], &lo.path().join("docx"));
    let odt = libreoffice_pdfs(&[file("odt")], &lo.path().join("odt"));
    reader_check(&[
        (file("pdf"), label.clone()),
        (docx[0].clone(), format!("{label}, DOCX in LibreOffice")),
        (odt[0].clone(), format!("{label}, ODT in LibreOffice")),
    ]);
    assert_eq!(odf_schema_findings(&file("odt")), "");
    assert_eq!(
        odf_schema_findings(&e.out.join("techniekpact-landelijk-2016-cijfers.ods")),
        ""
    );
    // The small multiples and status bars are charts of the report.
    let charts = e.out.join("grafieken/techniekpact-landelijk-2016");
    for chart in [
        "statussen-indicatoren.svg",
        "statussen-acties.svg",
        "statussen-doe-voorstellen.svg",
        "landelijk-jetnet-bedrijven.svg",
    ] {
        assert!(charts.join(chart).is_file(), "{chart}");
    }
}

/// Every row a landsdeel's indicator has in the national overview (in its
/// own chapter and under a national indicator) is the row of its own
/// report's table 1: baseline, figure, target, realisatie and status.
#[test]
fn every_figure_realisatie_and_status_is_the_landsdeels_own() {
    let national = html_tables(&html_of("landelijk"));
    let mut compared = 0;
    let mut own_rows: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for l in LANDSDELEN {
        let own = html_tables(&html_of(l));
        let (_, table1) = own
            .iter()
            .find(|(c, _)| c.contains("Stand van de indicatoren"))
            .unwrap_or_else(|| panic!("{l}: table 1"));
        let name = {
            let mut c = l.chars();
            c.next().unwrap().to_uppercase().collect::<String>() + c.as_str()
        };
        let (_, chapter) = national
            .iter()
            .find(|(c, _)| {
                c.starts_with("Tabel") && c.contains(&format!("Indicatoren van {name} in 2016"))
            })
            .unwrap_or_else(|| panic!("the national chapter of {name}"));
        assert_eq!(chapter, table1, "{name}: its chapter shows its own table 1");
        compared += table1.len() - 1;
        for row in &table1[1..] {
            own_rows.insert((name.clone(), row[0].clone()), row[1..].to_vec());
        }
    }
    assert!(compared >= 25, "{compared} rows compared");
    // Under each national indicator: the landsdeel's row, its name first.
    let data = std::fs::read_to_string(repo().join("data/landelijk-2016.yaml")).unwrap();
    let mut per_indicator = 0;
    for (caption, rows) in &national {
        if !caption.contains("per landsdeel, 2016") {
            continue;
        }
        for row in &rows[1..] {
            let matching: Vec<_> = own_rows
                .iter()
                .filter(|((l, _), r)| l == &row[0] && **r == row[1..])
                .collect();
            assert!(
                !matching.is_empty(),
                "{caption}: {row:?} is a row of {}'s own table 1",
                row[0]
            );
            per_indicator += 1;
        }
    }
    assert!(
        data.contains("jetnet-bedrijven") && per_indicator >= 12,
        "{per_indicator}"
    );
}

/// The national total of an indicator that adds up is the sum of the
/// landsdelen's figures, only for the years every reporting landsdeel has
/// a figure; the years left out are named with who lacks the figure.
#[test]
fn a_national_total_is_the_sum_of_the_landsdelen_over_complete_years() {
    let national = html_tables(&html_of("landelijk"));
    let (_, total) = national
        .iter()
        .find(|(c, _)| c.contains("Bedrijven die deelnemen aan Jet-Net: landelijk totaal"))
        .expect("the total of Jet-Net's companies");
    // The figures of the landsdelen, from their own open data.
    let mut by_year: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    let mut reporting = 0;
    for l in LANDSDELEN {
        let csv = std::fs::read_to_string(
            example()
                .out
                .join(format!("techniekpact-{l}-2016-metingen.csv")),
        )
        .unwrap();
        let mut rd = csv::Reader::from_reader(csv.as_bytes());
        let header = rd.headers().unwrap().clone();
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let (id, year, region, value) =
            (col("indicator"), col("jaar"), col("regio"), col("waarde"));
        let mut any = false;
        for r in rd.records() {
            let r = r.unwrap();
            if r[id] == *"jetnet-bedrijven" && r[region].is_empty() {
                by_year
                    .entry(r[year].to_string())
                    .or_default()
                    .push(r[value].parse().unwrap());
                any = true;
            }
        }
        reporting += usize::from(any);
    }
    assert_eq!(reporting, 5);
    let complete: Vec<(String, f64)> = by_year
        .iter()
        .filter(|(_, v)| v.len() == reporting)
        .map(|(y, v)| (y.clone(), v.iter().sum()))
        .collect();
    let shown: Vec<(String, String)> = total[1..]
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(
        shown,
        complete
            .iter()
            .map(|(y, s)| (y.clone(), format!("{s} bedrijven")))
            .collect::<Vec<_>>()
    );
    assert!(
        !shown.iter().any(|(y, _)| y == "2015"),
        "Zuidoost lacks 2015"
    );
    let text = html_text(&html_of("landelijk"));
    assert!(
        text.contains("Zonder landelijk totaal: 2015 (geen cijfer van Zuidoost)"),
        "the year left out is named"
    );
    // A percentage does not add up: no total, and the report says so.
    assert!(
        !national
            .iter()
            .any(|(c, _)| c.contains("Terugloop") && c.contains("totaal"))
    );
}

/// The figures as open data are the landsdelen's own, one after another.
#[test]
fn the_national_figures_as_open_data_are_the_landsdelens_rows() {
    for table in ["indicatoren", "metingen", "acties", "doe-voorstellen"] {
        let read = |slug: &str| {
            std::fs::read_to_string(
                example()
                    .out
                    .join(format!("techniekpact-{slug}-2016-{table}.csv")),
            )
            .unwrap()
        };
        let national = read("landelijk");
        let mut lines = national.lines();
        let header = lines.next().unwrap();
        let mut expected = Vec::new();
        for l in LANDSDELEN {
            let own = read(l);
            let mut own_lines = own.lines();
            assert_eq!(own_lines.next(), Some(header), "{table}: one header");
            expected.extend(own_lines.map(str::to_string));
        }
        assert_eq!(
            lines.map(str::to_string).collect::<Vec<_>>(),
            expected,
            "{table}"
        );
    }
}

#[test]
fn a_landsdeel_file_of_another_year_is_refused_in_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "oost-2016.yaml",
        "verslagjaar: 2016",
        "verslagjaar: 2015",
    );
    let line = line_in(d, "oost-2016.yaml", "rapport:", "verslagjaar:");
    refused(
        d,
        "het verslagjaar is 2015, dat van het landelijke overzicht 2016",
        "oost-2016.yaml",
        line,
    );
}

#[test]
fn a_landsdeel_listed_twice_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "landelijk-2016.yaml",
        "  - naam: Zuidwest\n",
        "  - naam: Oost\n    bestand: oost-2016.yaml\n  - naam: Zuidwest\n",
    );
    let line = line_in(d, "landelijk-2016.yaml", "bestand: zuidoost", "naam: Oost");
    refused(
        d,
        "het landsdeel 'Oost' staat er twee keer in",
        "landelijk-2016.yaml",
        line,
    );
}

#[test]
fn a_name_that_is_not_the_files_landsdeel_is_refused_with_the_name_it_has() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "landelijk-2016.yaml",
        "naam: Noordwest",
        "naam: Noord-West",
    );
    let line = line_in(d, "landelijk-2016.yaml", "landsdelen:", "Noord-West");
    let said = refused(
        d,
        "de naam 'Noord-West' is niet het landsdeel van noordwest-2016.yaml: daar staat 'Noordwest'",
        "landelijk-2016.yaml",
        line,
    );
    assert!(said.contains("'Noordwest'"));
}

#[test]
fn an_unknown_national_indicator_is_refused_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "oost-2016.yaml",
        "landelijk: jetnet-scholen",
        "landelijk: jetnet-schoolen",
    );
    let line = line_in(d, "oost-2016.yaml", "onderdelen:", "jetnet-schoolen");
    let said = refused(
        d,
        "er is geen landelijke indicator met id 'jetnet-schoolen'",
        "oost-2016.yaml",
        line,
    );
    assert!(said.contains("bedoelde u 'jetnet-scholen'?"), "{said}");
}

#[test]
fn a_unit_other_than_the_national_one_is_refused_at_the_unit() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "zuidwest-2016.yaml",
        "            eenheid: bedrijven\n            landelijk: jetnet-bedrijven",
        "            eenheid: ondernemingen\n            landelijk: jetnet-bedrijven",
    );
    let line = line_in(
        d,
        "zuidwest-2016.yaml",
        "onderdelen:",
        "eenheid: ondernemingen",
    );
    refused(
        d,
        "de eenheid 'ondernemingen' is niet die van de landelijke indicator 'jetnet-bedrijven': 'bedrijven'",
        "zuidwest-2016.yaml",
        line,
    );
}

#[test]
fn an_action_line_that_is_not_national_is_refused_in_the_landsdeels_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "noordwest-2016.yaml",
        "  - id: werken\n",
        "  - id: werkn\n",
    );
    let line = line_in(d, "noordwest-2016.yaml", "actielijnen:", "id: werkn");
    let said = refused(
        d,
        "de actielijn 'werkn' is geen landelijke actielijn",
        "noordwest-2016.yaml",
        line,
    );
    assert!(said.contains("bedoelde u 'werken'?"), "{said}");
}

/// An invalid landsdeel file: its own problems, under its own path, as
/// `controleer` of that file gives them, with the national file's.
#[test]
fn an_invalid_landsdeel_file_gives_its_own_problems_as_controleer_does() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "oost-2016.yaml",
        "eenheid: werkenden",
        "eenhied: werkenden",
    );
    edit(
        d,
        "zuidwest-2016.yaml",
        "status: vertraagd",
        "status: vertraag",
    );
    let (_, _, national) = landelijk(d, "pdf");
    for file in ["oost-2016.yaml", "zuidwest-2016.yaml"] {
        let (code, _, own) = run_in(d, &["controleer", file]);
        assert_eq!(code, 1);
        let problems: Vec<&str> = own
            .lines()
            .filter(|l| l.starts_with("fout:") || l.contains("tip:"))
            .collect();
        assert!(!problems.is_empty(), "{own}");
        for p in problems {
            assert!(national.contains(p), "{p} in:\n{national}");
        }
    }
    // Every problem comes at once: both files, in one run.
    assert!(national.contains("oost-2016.yaml") && national.contains("zuidwest-2016.yaml"));
}

#[test]
fn a_definitief_overview_over_a_concept_landsdeel_is_refused_and_a_concept_warns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    let (code, _, said) = landelijk(d, "pdf");
    assert_eq!(code, 0, "{said}");
    assert!(
        said.contains("waarschuwing")
            && said.contains("het bestand van Zuidoost is nog een concept")
    );
    std::fs::remove_dir_all(d.join("uit")).unwrap();
    edit(
        d,
        "landelijk-2016.yaml",
        "status: concept",
        "status: definitief",
    );
    let line = line_in(
        d,
        "landelijk-2016.yaml",
        "naam: Zuidoost",
        "zuidoost-2016.yaml",
    );
    refused(
        d,
        "het bestand van Zuidoost is nog een concept",
        "landelijk-2016.yaml",
        line,
    );
}

#[test]
fn a_definitief_overview_over_a_file_with_review_lines_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "landelijk-2016.yaml",
        "status: concept",
        "status: definitief",
    );
    edit(
        d,
        "landelijk-2016.yaml",
        "  - naam: Zuidoost\n    bestand: zuidoost-2016.yaml\n",
        "  - naam: Zuidoost\n",
    );
    edit(
        d,
        "oost-2016.yaml",
        "  - id: kiezen\n",
        "  # CONTROLEREN voor 2016: naam\n  - id: kiezen\n",
    );
    edit(d, "oost-2016.yaml", "status: definitief", "status: concept");
    edit(
        d,
        "landelijk-2016.yaml",
        "  - naam: Oost\n    bestand: oost-2016.yaml\n",
        "  - naam: Oost\n    bestand: oost-2016.yaml\n",
    );
    let line = line_in(d, "landelijk-2016.yaml", "naam: Oost", "oost-2016.yaml");
    refused(
        d,
        "het bestand van Oost heeft nog 1 regel met '# CONTROLEREN'",
        "landelijk-2016.yaml",
        line,
    );
}

#[test]
fn a_file_that_does_not_exist_is_refused_at_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "landelijk-2016.yaml",
        "bestand: oost-2016.yaml",
        "bestand: oost-2061.yaml",
    );
    let line = line_in(d, "landelijk-2016.yaml", "landsdelen:", "oost-2061.yaml");
    refused(
        d,
        "het bestand van Oost bestaat niet: 'oost-2061.yaml'",
        "landelijk-2016.yaml",
        line,
    );
}

#[test]
fn an_unknown_key_or_a_yes_that_is_no_ja_is_refused_with_what_was_meant() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(d, "landelijk-2016.yaml", "indicatoren:\n", "indicatorn:\n");
    let line = line_in(d, "landelijk-2016.yaml", "actielijnen:", "indicatorn:");
    let said = refused(
        d,
        "onbekende sleutel 'indicatorn'",
        "landelijk-2016.yaml",
        line,
    );
    assert!(said.contains("bedoelde u 'indicatoren'?"), "{said}");

    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(d, "landelijk-2016.yaml", "optellen: ja", "optellen: true");
    let line = line_in(d, "landelijk-2016.yaml", "indicatoren:", "optellen: true");
    let (code, _, said) = landelijk(d, "pdf");
    assert_eq!(code, 1);
    assert!(
        said.contains(&format!("landelijk-2016.yaml:{line}:"))
            && said.contains("'optellen' is 'ja' of 'nee', niet true")
            && said.contains("schrijf optellen: ja"),
        "{said}"
    );
    assert_eq!(said.matches("fout:").count(), 1, "one message: {said}");
}

/// A landsdeel listed without a file is in the report as not delivered,
/// in the overview, its own chapter and the appendix of files.
#[test]
fn a_landsdeel_without_a_file_is_shown_as_not_delivered() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    edit(
        d,
        "landelijk-2016.yaml",
        "  - naam: Zuidwest\n    bestand: zuidwest-2016.yaml\n",
        "  - naam: Zuidwest\n",
    );
    let (code, _, said) = landelijk(d, "html");
    assert_eq!(code, 0, "{said}");
    let text = html_text(
        &std::fs::read_to_string(d.join("uit/techniekpact-landelijk-2016.html")).unwrap(),
    );
    assert!(
        text.contains("geen rapportage ontvangen van Zuidwest"),
        "{text}"
    );
    assert!(text.contains("Van Zuidwest is geen rapportage over 2016 ontvangen"));
    assert!(text.matches("geen rapportage ontvangen").count() >= 3);
}

/// `landelijk` of a landsdeel's file says what to use instead.
#[test]
fn landelijk_of_a_landsdeels_file_points_to_maak() {
    let (code, _, said) = run_in(&repo(), &["landelijk", "data/noord-2016.yaml"]);
    assert_eq!(code, 2);
    assert!(
        said.contains("is geen landelijk bestand")
            && said.contains("techniekpact maak data/noord-2016.yaml")
    );
}

/// Generated national sets (the project's one generator): 1 to 7
/// landsdelen, 0 to 30 national indicators, landsdelen without a file and
/// concepts, long names. Each builds; its PDF and DOCX pass the validators
/// and the reader's check, its ODT the ODF schema.
#[test]
fn generated_national_sets_pass_the_validators_and_the_readers_check() {
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let (mut most, mut least, mut without, mut concepts, mut none, mut many) =
        (0, usize::MAX, 0, 0, 0, 0);
    for n in 0..6 {
        let case = techniekpact::synthetic::national_case(2026, n);
        let d = dir.path().join(format!("set-{n}"));
        std::fs::create_dir_all(&d).unwrap();
        for (file, data) in &case.files {
            std::fs::write(d.join(file), techniekpact::synthetic::to_yaml(data)).unwrap();
        }
        std::fs::write(
            d.join("landelijk-2016.yaml"),
            techniekpact::synthetic::national_to_yaml(&case.national),
        )
        .unwrap();
        let (code, _, said) = landelijk(&d, "pdf,docx,odt");
        assert_eq!(code, 0, "{}: {said}", case.description);
        let year = case.national.rapport.verslagjaar;
        let file = |ext: &str| d.join(format!("uit/techniekpact-landelijk-{year}.{ext}"));
        assert_eq!(
            odf_schema_findings(&file("odt")),
            "",
            "{}",
            case.description
        );
        files.push((file("pdf"), case.description.clone()));
        files.push((file("docx"), case.description.clone()));
        let members = case.national.landsdelen.len();
        most = most.max(members);
        least = least.min(members);
        without += members - case.files.len();
        concepts += case
            .files
            .iter()
            .filter(|(_, d)| d.rapport.status == techniekpact::model::RapportStatus::Concept)
            .count();
        none += usize::from(case.national.indicatoren.is_empty());
        many += usize::from(case.national.indicatoren.len() >= 15);
    }
    // The set covers what the issue names.
    assert!(most >= 5 && least <= 2, "{least} to {most} landsdelen");
    assert!(without > 0 && concepts > 0 && none > 0 && many > 0);
    independent_validators(&files);
    reader_check(&files);
}

/// Two indicators of one landsdeel on the same national indicator: one of
/// them would be left out, so it is refused at the second.
#[test]
fn two_indicators_of_a_landsdeel_on_one_national_indicator_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_national(d);
    // Two of Oost's indicators in percent, both on technasium-terugloop.
    edit(
        d,
        "oost-2016.yaml",
        "          - id: profielkeuze-nt\n            naam: Leerlingen havo/vwo met een profiel N&T\n            eenheid: \"%\"\n",
        "          - id: profielkeuze-nt\n            naam: Leerlingen havo/vwo met een profiel N&T\n            eenheid: \"%\"\n            landelijk: technasium-terugloop\n",
    );
    let text = std::fs::read_to_string(d.join("oost-2016.yaml")).unwrap();
    let text = text.replacen(
        "      - id: werkenden\n",
        "      - id: extra\n        naam: Extra\n        indicatoren:\n          - id: tweede-percentage\n            naam: Tweede percentage\n            eenheid: \"%\"\n            landelijk: technasium-terugloop\n            nulmeting: {jaar: 2014, waarde: 10.0}\n            doel: {jaar: 2020, waarde: 20.0}\n            metingen: {2014: 10.0, 2015: 12.0, 2016: 13.0}\n      - id: werkenden\n",
        1,
    );
    std::fs::write(d.join("oost-2016.yaml"), text).unwrap();
    let line = line_in(d, "oost-2016.yaml", "id: tweede-percentage", "landelijk:");
    refused(
        d,
        "ook indicator 'profielkeuze-nt' rapporteert over de landelijke indicator 'technasium-terugloop'",
        "oost-2016.yaml",
        line,
    );
}

/// The sources the landsdelen name are under each national indicator's
/// table and in the appendix of definitions.
#[test]
fn the_landsdelens_sources_are_named_under_the_table_and_in_the_appendix() {
    let national = html_tables(&html_of("landelijk"));
    let text = html_text(&html_of("landelijk"));
    assert!(
        text.contains("Bron: Noord: Jet-Net, regiocoördinator Noord; Noordwest: Jet-Net; Oost: Jet-Net, regio Oost;"),
        "{text}"
    );
    let (_, definitions) = national
        .iter()
        .find(|(c, _)| c.contains("De landelijke indicatoren"))
        .expect("the appendix of definitions");
    assert_eq!(definitions[0][1], "Bron");
    assert!(
        definitions[1][1].contains("Zuidwest: Jet-Net"),
        "{definitions:?}"
    );
}
