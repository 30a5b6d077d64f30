//! Property tests (proptest), bounded so `cargo test` stays fast: the same
//! ground as the fuzz targets in `fuzz/` (load+validate on any input; the
//! whole pipeline on valid structure with any texts and figures).

use std::path::{Path, PathBuf};

use crate::common::varied::varied;
use proptest::prelude::*;
use techniekpact::load::{LoadOptions, load_bytes, load_str};
use techniekpact::pipeline::{Setup, prepare};
use techniekpact::render::Renderer;
use techniekpact::render::docx::DocxRenderer;
use techniekpact::render::pdf::PdfRenderer;

use crate::common::*;

/// A data file in the example folder, where the logo the example names is.
/// The embedded setup, loaded once for every case.
fn setup() -> &'static Setup {
    static SETUP: std::sync::OnceLock<Setup> = std::sync::OnceLock::new();
    SETUP.get_or_init(Setup::embedded)
}

fn example_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eigenschap.yaml")
}

/// Every error must point at a line and column inside the text, or at the
/// file as a whole.
fn check_positions(report: &techniekpact::diagnostics::Problems, text: &str) {
    assert!(report.has_errors());
    for d in report.errors() {
        if let Some(span) = &d.span {
            assert!(
                span.start <= text.len() && span.end <= text.len(),
                "{span:?}"
            );
            assert!(report.position(d).is_some());
        }
    }
    let _ = report.render(false);
}

/// Lines that look like the data format, to give proptest YAML-shaped input.
fn yaml_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[ ]{0,8}[a-z_]{1,12}: [a-zA-Z0-9 .#&*!|>-]{0,20}",
        "[ ]{0,8}- [a-z_]{1,10}: [a-z0-9]{0,10}",
        "[ ]{0,8}[0-9]{4}: -?[0-9]{1,5}(\\.[0-9])?",
        "[ ]{0,6}(&a|\\*a|<<: \\*a|!!str|---|\\.\\.\\.|\\[|\\]|\\{|\\})",
        ".{0,30}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_or_get_a_dutch_error(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        match load_bytes(Path::new("eigenschap.yaml"), bytes.clone(), LoadOptions::default()) {
            Ok(loaded) => { techniekpact::analysis::analyse(&loaded.data); }
            Err(report) => check_positions(&report, &String::from_utf8_lossy(&bytes)),
        }
    }

    #[test]
    fn yaml_shaped_text_loads_or_gets_positioned_errors(lines in proptest::collection::vec(yaml_line(), 0..40)) {
        let text = lines.join("\n");
        match load_str(Path::new("eigenschap.yaml"), &text, LoadOptions::default()) {
            Ok(loaded) => { techniekpact::analysis::analyse(&loaded.data); }
            Err(report) => check_positions(&report, &text),
        }
    }

    #[test]
    fn the_example_with_one_line_replaced_loads_or_gets_positioned_errors(
        line in 0usize..400,
        replacement in yaml_line(),
    ) {
        let original = std::fs::read_to_string(example_path().with_file_name("noord-2016.yaml")).unwrap();
        let mut lines: Vec<&str> = original.lines().collect();
        let at = line % lines.len();
        lines[at] = &replacement;
        let text = lines.join("\n");
        match load_str(&example_path(), &text, LoadOptions::default()) {
            Ok(loaded) => { techniekpact::analysis::analyse(&loaded.data); }
            Err(report) => {
                check_positions(&report, &text);
                // The file as a whole is fine but for that line: every error points somewhere.
                for d in report.errors() {
                    prop_assert!(d.span.is_some(), "no position for: {}", d.message);
                }
            }
        }
    }
}

/// The text of every `w:t` of the DOCX body; parsing also proves the XML
/// well-formed.
fn document_text(docx: &[u8]) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is well-formed");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    doc.descendants()
        .filter(|n| n.has_tag_name((w, "t")))
        .filter_map(|n| n.text())
        .collect()
}

fn without_spaces(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Free text for the pipeline property: plain words mixed with markup of
/// every kind the report must print literally.
fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Za-zÀ-ÿ0-9 ]{1,40}",
        "[#$*_<>&\\]\\[`@\\\\\"'{}()!|~^=+-]{1,20}",
        any::<String>(),
        // A 10.000-character name.
        Just("Naam".repeat(2_500)),
    ]
}

/// Figures, with the extremes: huge (refused with a position), tiny and
/// negative (a sound report), not finite (refused).
fn figure() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..1000.0f64,
        -1e6..1e6f64,
        Just(0.0),
        Just(f64::NAN),
        Just(1e300),
        Just(1e308),
        Just(-1e308),
        Just(1e-12),
        Just(-3.0),
    ]
}

proptest! {
    // Each case compiles a PDF and writes a DOCX: few cases, still random.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn valid_structure_with_any_texts_and_figures_gives_pdf_and_docx(
        texts in proptest::collection::vec(free_text(), 0..30),
        numbers in proptest::collection::vec(figure(), 0..30),
    ) {
        let yaml = varied(&texts, &numbers);
        let loaded = match load_str(&example_path(), &yaml, LoadOptions::default()) {
            Ok(l) => l,
            Err(report) => {
                check_positions(&report, &yaml);
                return Ok(());
            }
        };
        let setup = setup();
        let prepared = prepare(&loaded, setup).expect("valid data prepares");
        let ctx = prepared.context(setup);
        let pdf = PdfRenderer::default().render(&ctx).expect("a PDF");
        prop_assert!(pdf.starts_with(b"%PDF-"));
        let docx = DocxRenderer::new().render(&ctx).expect("a DOCX");
        // The title reaches the DOCX as text, whatever it contains (control
        // characters are removed when loading, with a warning).
        let body = without_spaces(&document_text(&docx));
        let title = without_spaces(&loaded.data.rapport.titel);
        prop_assert!(body.contains(&title), "title {title:?} not in the DOCX");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any year where the data has one: a year outside 1950-2100 is refused
    /// with its position, never a panic or an abort; a year inside loads or
    /// gets a positioned message.
    #[test]
    fn any_year_is_refused_with_a_position_or_accepted_in_range(
        year in prop_oneof![any::<i32>(), 1900..2200i32, Just(i32::MIN), Just(-2_000_000_000)],
        place in 0usize..3,
    ) {
        let (from, to) = match place {
            0 => ("nulmeting: {jaar: 2014", format!("nulmeting: {{jaar: {year}")),
            1 => ("doel: {jaar: 2020", format!("doel: {{jaar: {year}")),
            _ => ("              2015: 21\n", format!("              {year}: 21\n")),
        };
        let text = with(from, &to);
        match load_text(&text) {
            Ok(_) => prop_assert!((1950..=2100).contains(&year)),
            Err(report) => {
                check_positions(&report, &text);
                if !(1950..=2100).contains(&year) {
                    prop_assert!(
                        report.errors().any(|d| d.message.contains("ligt buiten 1950-2100") && d.span.is_some()),
                        "{}", report.render(false)
                    );
                }
            }
        }
    }
}

/// What a reader gets of every indicator: figures and computed status.
fn figures_of(loaded: &techniekpact::load::Loaded) -> String {
    let analysis = techniekpact::analysis::analyse(&loaded.data);
    loaded
        .data
        .indicatoren()
        .zip(&analysis.indicators)
        .map(|(i, (_, a))| {
            format!(
                "{}: {:?} {:?} {:?} {:?} {:?} {:?}\n",
                i.id,
                i.nulmeting.waarde,
                i.doel.waarde,
                i.metingen,
                i.uitsplitsing,
                a.realisatie,
                a.status
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A typing habit at any line of a generated valid file (thousands
    /// separators, ` #` in a text, tabs, non-breaking spaces, Word's quotes
    /// and bullets, a missing dash, a line indented too little or too far):
    /// a positioned message, or exactly the figures of the file as it was.
    #[test]
    fn a_typing_habit_gives_a_positioned_message_or_the_same_figures(
        number in 0usize..40,
        kind in 0usize..crate::common::typing::HABITS.len(),
        line in 0usize..2000,
    ) {
        let case = techniekpact::synthetic::case(crate::common::generator::SEED, number);
        let original = techniekpact::synthetic::to_yaml(&case.data);
        // Beside the example's logo, which generated data may name.
        let path = &example_path();
        let options = LoadOptions { purpose: techniekpact::load::Purpose::PreviousYear, ..LoadOptions::default() };
        let valid = load_str(path, &original, options).expect("the generator writes valid data");
        let own = valid.warnings.diagnostics.len();
        let at = line % original.split('\n').count();
        let Some(text) = crate::common::typing::mutate(&original, kind, at) else {
            return Ok(());
        };
        match load_str(path, &text, options) {
            Ok(loaded) => {
                if loaded.warnings.diagnostics.len() <= own {
                    prop_assert_eq!(figures_of(&loaded), figures_of(&valid),
                        "{} on line {} changed the figures without a word", crate::common::typing::HABITS[kind], at + 1);
                }
                for d in loaded.warnings.diagnostics.iter() {
                    prop_assert!(d.span.is_some(), "{d:?}");
                }
            }
            Err(report) => {
                check_positions(&report, &text);
                for d in report.errors() {
                    prop_assert!(d.span.is_some(), "no position for: {}", d.message);
                }
            }
        }
    }
}
