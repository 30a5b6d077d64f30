//! `--formaat cijfers`: the figures as open data, read back as a re-user
//! reads them (the csv crate, Python's csv module, calamine, LibreOffice
//! Calc) and compared with the tables of the report itself, on the example
//! and on a generated report.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use techniekpact::document::{Block, Document, Table};

use crate::common::*;

/// The tables of the figures, by name.
const TABLES: [&str; 4] = ["indicatoren", "metingen", "acties", "doe-voorstellen"];

/// One report built with `--formaat cijfers`, with its model.
struct Built {
    _dir: tempfile::TempDir,
    out: PathBuf,
    slug: String,
    document: Document,
}

impl Built {
    fn file(&self, suffix: &str) -> PathBuf {
        self.out.join(format!("{}-{suffix}", self.slug))
    }

    /// A CSV as header and rows, read with the csv crate.
    fn csv(&self, table: &str) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
        read_csv(&self.file(&format!("{table}.csv")))
    }
}

fn read_csv(path: &Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(String::from))
                .collect()
        })
        .collect();
    (header, rows)
}

fn build(data: &Path) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("uit");
    maak_ok(data, &out, &["--formaat", "cijfers"]);
    let loaded = techniekpact::load::load(data, Default::default()).unwrap();
    let setup = techniekpact::pipeline::Setup::embedded();
    let Ok(prepared) = techniekpact::pipeline::prepare(&loaded, &setup) else {
        panic!("{} prepares", data.display())
    };
    Built {
        _dir: dir,
        out,
        slug: prepared.slug.clone(),
        document: prepared.document,
    }
}

/// The example of 2016 and a generated report of 25 indicators.
fn reports() -> &'static [Built] {
    static REPORTS: OnceLock<Vec<Built>> = OnceLock::new();
    REPORTS.get_or_init(|| {
        let generated = voorbeeld(&tempfile::tempdir().unwrap().keep(), 25);
        vec![
            build(&repo().join("data/noord-2016.yaml")),
            build(&generated),
        ]
    })
}

/// The digits of a figure, as text in either notation: `35.8` and
/// `35,8 %` both read `358`; a minus is kept.
fn digits(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '-' | '\u{2212}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect()
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Table(t) => out.push(t),
            Block::List { items, .. } => {
                for item in items {
                    out.extend(tables(item));
                }
            }
            Block::Beside { columns, .. } => {
                for column in columns {
                    out.extend(tables(column));
                }
            }
            _ => {}
        }
    }
    out
}

/// The row of a table of the model whose cell in `column` reads `key`
/// (without the cell's note), as the texts of its cells.
fn row_by(t: &Table, column: usize, key: &str) -> Option<Vec<String>> {
    let text = |c: &techniekpact::document::Cell| techniekpact::document::inlines_text(&c.content);
    t.rows
        .iter()
        .find(|r| normalise(&text(&r[column])) == normalise(key))
        .map(|r| r.iter().map(text).collect())
}

fn column_of(t: &Table, header: &str) -> usize {
    t.header()
        .position(|h| h.starts_with(header))
        .unwrap_or_else(|| panic!("no column {header} in {}", t.caption.full))
}

#[test]
fn every_figure_and_status_is_the_one_the_report_shows() {
    for built in reports() {
        let all = tables(&built.document.blocks);
        let overview = all
            .iter()
            .find(|t| t.caption.text.starts_with("Stand van de indicatoren"))
            .expect("the overview table");
        let (_, indicators) = built.csv("indicatoren");
        assert!(!indicators.is_empty());
        for ind in &indicators {
            let row = row_by(overview, 0, &ind["naam"])
                .unwrap_or_else(|| panic!("{} not in the overview", ind["naam"]));
            let realisatie = column_of(overview, "Realisatie");
            let status = column_of(overview, "Status");
            if ind["realisatie_procent"].is_empty() {
                assert_eq!(row[realisatie], "–", "{}", ind["naam"]);
            } else {
                assert_eq!(
                    digits(&row[realisatie]),
                    digits(&ind["realisatie_procent"]),
                    "{}",
                    ind["naam"]
                );
            }
            assert_eq!(normalise(&row[status]), normalise(&ind["status_tekst"]));
            let doel = column_of(overview, "Doel");
            assert!(
                digits(&row[doel]).starts_with(&digits(&ind["doel"])),
                "{}: {} against {}",
                ind["naam"],
                row[doel],
                ind["doel"]
            );
        }
        // Every measurement is in the indicator's table in Bijlage A, in
        // its year's row and its region's column.
        let (_, measurements) = built.csv("metingen");
        let names: BTreeMap<&str, &str> = indicators
            .iter()
            .map(|i| (i["id"].as_str(), i["naam"].as_str()))
            .collect();
        for m in &measurements {
            let name = normalise(names[m["indicator"].as_str()]);
            let t = all
                .iter()
                .find(|t| normalise(&t.caption.text).starts_with(&format!("Metingen: {name} (")))
                .unwrap_or_else(|| panic!("no table of measurements of {name}"));
            let row = row_by(t, 0, &m["jaar"]).expect("the year's row");
            let column = if m["regio"].is_empty() {
                column_of(t, "Meting")
            } else {
                column_of(t, &m["regio"])
            };
            assert_eq!(digits(&row[column]), digits(&m["waarde"]), "{m:?}");
            if !m["verwacht"].is_empty() {
                assert_eq!(
                    digits(&row[column_of(t, "Verwacht")]),
                    digits(&m["verwacht"])
                );
            }
        }
        // Every action's and doe-voorstel's status as its table says.
        let (_, actions) = built.csv("acties");
        for a in &actions {
            let found = all.iter().find_map(|t| row_by(t, 0, &a["naam"]));
            let row = found.unwrap_or_else(|| panic!("{} in no table", a["naam"]));
            assert!(
                row.iter()
                    .any(|c| normalise(c) == normalise(&a["status_tekst"])),
                "{a:?} against {row:?}"
            );
        }
        let (_, proposals) = built.csv("doe-voorstellen");
        let table = all
            .iter()
            .find(|t| t.caption.text.starts_with("Doe-voorstellen"))
            .expect("the table of doe-voorstellen");
        for p in &proposals {
            let row = row_by(table, 0, &p["nummer"]).expect("the proposal's row");
            assert!(
                row.iter()
                    .any(|c| normalise(c) == normalise(&p["status_tekst"]))
            );
        }
    }
}

#[test]
fn the_csvs_follow_rfc_4180_and_python_reads_them() {
    let script = r#"
import csv, json, sys
out = {}
for path in sys.argv[1:]:
    raw = open(path, 'rb').read()
    raw.decode('utf-8')
    lines = raw.split(b'\r\n')
    with open(path, newline='', encoding='utf-8') as f:
        rows = list(csv.reader(f, strict=True))
    out[path.rsplit('-', 1)[-1]] = {
        'crlf': raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b''),
        'header': rows[0],
        'rows': len(rows) - 1,
        'widths': sorted({len(r) for r in rows}),
    }
print(json.dumps(out))
"#;
    for built in reports() {
        let files: Vec<PathBuf> = TABLES
            .iter()
            .map(|t| built.file(&format!("{t}.csv")))
            .collect();
        let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
        let read: serde_json::Value = serde_json::from_str(&python(script, &paths)).unwrap();
        for t in TABLES {
            let (header, rows) = built.csv(t);
            let key = format!("{}.csv", t.rsplit('-').next().unwrap());
            let py = &read[&key];
            assert_eq!(py["crlf"], true, "{t}: every line ends in CRLF");
            assert_eq!(py["rows"], rows.len(), "{t}");
            assert_eq!(py["widths"], serde_json::json!([header.len()]), "{t}");
            assert_eq!(&header[..2], ["landsdeel", "verslagjaar"]);
            // Decimal points and ISO dates, never the report's notation.
            for row in &rows {
                for (column, value) in row {
                    if column.ends_with("_procent") || column == "waarde" {
                        assert!(!value.contains(','), "{t}.{column}: {value}");
                    }
                    if column == "gereed_datum" && !value.is_empty() {
                        assert!(
                            chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok(),
                            "{value}"
                        );
                    }
                }
            }
        }
    }
}

/// A cell of calamine as the CSV writes it: numbers compared as numbers.
fn same_value(cell: &calamine::Data, csv: &str) -> bool {
    use calamine::Data;
    match cell {
        Data::Empty => csv.is_empty(),
        Data::String(s) => s == csv,
        Data::Float(f) => csv.parse::<f64>().is_ok_and(|v| (v - f).abs() < 1e-9),
        Data::Int(i) => csv.parse::<i64>().is_ok_and(|v| v == *i),
        Data::DateTimeIso(d) => d.starts_with(csv),
        Data::DateTime(d) => d
            .as_datetime()
            .is_some_and(|d| d.date().format("%Y-%m-%d").to_string() == csv),
        other => panic!("unexpected cell {other:?}"),
    }
}

#[test]
fn the_ods_holds_the_csvs_as_calamine_and_libreoffice_read_it() {
    use calamine::Reader;
    for built in reports() {
        let ods = built.file("cijfers.ods");
        let mut book: calamine::Ods<_> = calamine::open_workbook(&ods).unwrap();
        let names = book.sheet_names();
        assert_eq!(
            names,
            [
                "toelichting",
                "indicatoren",
                "metingen",
                "acties",
                "doe-voorstellen"
            ]
        );
        for t in TABLES {
            let range = book.worksheet_range(t).unwrap();
            let (header, rows) = built.csv(t);
            let mut sheet = range.rows();
            let top: Vec<String> = sheet
                .next()
                .unwrap()
                .iter()
                .map(|c| c.to_string())
                .collect();
            assert_eq!(top, header, "{t}");
            let mut n = 0;
            for (cells, row) in sheet.zip(&rows) {
                for (cell, column) in cells.iter().zip(&header) {
                    assert!(
                        same_value(cell, &row[column]),
                        "{t}.{column}: {cell:?} against {}",
                        row[column]
                    );
                }
                n += 1;
            }
            assert_eq!(n, rows.len(), "{t}");
        }
        // The first sheet names every column of every table.
        let description = book.worksheet_range("toelichting").unwrap();
        for t in TABLES {
            for column in built.csv(t).0 {
                assert!(
                    description.rows().any(|r| r[0] == t
                        && r[1].to_string() == column
                        && r[3] != calamine::Data::Empty),
                    "{t}.{column} undescribed"
                );
            }
        }
        // LibreOffice Calc's CSV of each sheet (values as stored) holds
        // the same values.
        // (Comma, double quote, UTF-8, every sheet: the last option, -1.)
        let dir = tempfile::tempdir().unwrap();
        let profile = tempfile::tempdir().unwrap();
        let o = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .args([
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                "--outdir",
            ])
            .arg(dir.path())
            .arg(&ods)
            .output()
            .expect("LibreOffice Calc; tools/installeer-validatie installs it");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for t in TABLES {
            let stem = ods.file_stem().unwrap().to_string_lossy();
            let path = dir.path().join(format!("{stem}-{t}.csv"));
            let (header, calc) = read_csv(&path);
            let (ours_header, ours) = built.csv(t);
            assert_eq!(header, ours_header);
            assert_eq!(calc.len(), ours.len(), "{t}");
            for (a, b) in calc.iter().zip(&ours) {
                for column in &header {
                    let (x, y) = (&a[column], &b[column]);
                    let same = x == y
                        || x.parse::<f64>()
                            .ok()
                            .zip(y.parse::<f64>().ok())
                            .is_some_and(|(x, y)| (x - y).abs() < 1e-9);
                    assert!(same, "{t}.{column}: Calc {x} against {y}");
                }
            }
        }
    }
}

#[test]
fn the_ods_is_valid_odf_1_3() {
    for built in reports() {
        let findings = odf_schema_findings(&built.file("cijfers.ods"));
        assert!(findings.is_empty(), "{findings}");
        // openxml-audit: no errors. Its warnings that a number style is
        // never referenced are its own: it does not follow
        // style:data-style-name.
        let report = openxml_audit(&built.file("cijfers.ods"));
        assert_eq!(report["error_count"], 0, "{report}");
        for w in report["errors"].as_array().unwrap() {
            let d = w["description"].as_str().unwrap();
            assert!(
                d.starts_with("Automatic style 'N_") && d.ends_with("never referenced"),
                "{d}"
            );
        }
    }
}

#[test]
fn the_figures_are_the_same_bytes_every_run() {
    let built = &reports()[0];
    let again = tempfile::tempdir().unwrap();
    maak_ok(
        &repo().join("data/noord-2016.yaml"),
        again.path(),
        &["--formaat", "cijfers"],
    );
    for suffix in TABLES
        .iter()
        .map(|t| format!("{t}.csv"))
        .chain(["cijfers.ods".to_string()])
    {
        let name = format!("{}-{suffix}", built.slug);
        assert_eq!(
            std::fs::read(built.out.join(&name)).unwrap(),
            std::fs::read(again.path().join(&name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn the_data_format_docs_name_every_column() {
    let docs = std::fs::read_to_string(repo().join("docs/gegevensformaat.md")).unwrap();
    let section = docs
        .split("## Open data")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the section on open data");
    for t in &reports()[0].document.figures.tables {
        assert!(section.contains(&format!("**`{}`**", t.name)), "{}", t.name);
        let part = section
            .split(&format!("**`{}`**", t.name))
            .nth(1)
            .unwrap()
            .split("**`")
            .next()
            .unwrap();
        for c in &t.columns {
            assert!(
                part.contains(&format!("`{}`", c.name)),
                "{}.{}",
                t.name,
                c.name
            );
        }
    }
}
