//! The publication check (`load::readiness`), one test per rule: a
//! definitief report with review markers is refused; a year without
//! measurement, a deadline that passed and an early publication date are
//! warnings; a concept gets every point as a warning and one summary line;
//! `--strikt` makes them errors.

use crate::common::*;
use techniekpact::diagnostics::Severity;

const MARKER: &str = "        # CONTROLEREN voor 2016: status van vorig jaar\n";

/// BASE with a review marker above the action's status.
fn with_marker(status: &str) -> String {
    with(
        "            status: lopend",
        &format!("    {MARKER}            status: lopend"),
    )
    .replace(
        "  publicatiedatum: 2017-03-15",
        &format!("  publicatiedatum: 2017-03-15\n  status: {status}"),
    )
}

#[test]
fn a_final_report_with_review_markers_is_refused_at_each_marker() {
    let text = with_marker("definitief");
    let report = load_text(&text).expect_err("not ready");
    let errors: Vec<_> = problems(&report)
        .into_iter()
        .filter(|p| p.0 == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].1, line_of(&text, "# CONTROLEREN"));
    assert_eq!(
        errors[0].2,
        "het rapport is definitief, maar dit is nog niet gecontroleerd: 'CONTROLEREN voor 2016: status van vorig jaar'"
    );
    assert!(errors[0].3.contains("haal daarna de regel weg"));
    assert_eq!(report.to_review, 1);
}

#[test]
fn a_concept_with_review_markers_gets_warnings_and_one_summary_line() {
    let text = with_marker("concept");
    let loaded = load_text(&text).expect("a concept may have markers");
    let w = problems(&loaded.warnings);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].0, Severity::Warning);
    assert_eq!(w[0].1, line_of(&text, "# CONTROLEREN"));
    let shown = loaded.warnings.render(false);
    assert_eq!(
        shown.lines().last(),
        Some("test.yaml: nog 1 punt te controleren voor publicatie")
    );
    // --strikt: the marker is an error, as every warning.
    let report = load_strict(&text).expect_err("strict");
    assert!(report.has_errors());
}

#[test]
fn an_indicator_without_a_measurement_for_the_year_is_named() {
    let text = with("              2016: 34\n", "").replace(
        "              Groningen: {2016: 20}\n              Drenthe: {2016: 14}\n",
        "              Groningen: {2015: 11}\n              Drenthe: {2015: 10}\n",
    );
    let loaded = load_text(&text).expect("a warning");
    let w = problems(&loaded.warnings);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].1, line_of(&text, "metingen:"));
    assert_eq!(w[0].2, "indicator 'besturen' heeft geen meting over 2016");
    assert!(w[0].3.contains("'2016: <waarde>'"));
    assert!(load_strict(&text).is_err());
}

#[test]
fn an_action_past_its_deadline_that_is_not_done_is_named() {
    for (gereed, status, warned) in [
        ("2016-12-31", "lopend", true),
        ("2016", "gepland", true),
        ("2015-06-01", "vertraagd", true),
        ("2016-12-31", "afgerond", false),
        ("2016", "gestopt", false),
        ("2017-01-01", "lopend", false),
        ("2017", "lopend", false),
    ] {
        let text = with("gereed: 2017-06-30", &format!("gereed: {gereed}"))
            .replace("status: lopend", &format!("status: {status}"));
        let loaded = load_text(&text).expect("warnings only");
        let w = problems(&loaded.warnings);
        assert_eq!(w.len(), usize::from(warned), "{gereed} {status}: {w:#?}");
        if warned {
            assert_eq!(w[0].1, line_of(&text, "gereed:"));
            let when = match gereed {
                "2016" => "in 2016".to_string(),
                "2016-12-31" => "op 31 december 2016".to_string(),
                "2015-06-01" => "op 1 juni 2015".to_string(),
                other => other.to_string(),
            };
            assert_eq!(
                w[0].2,
                format!("actie 'plan' moest {when} gereed zijn, maar staat op '{status}'")
            );
            // The tip fits the status: a delayed action needs a new date.
            if status == "vertraagd" {
                assert!(
                    w[0].3
                        .starts_with("de actie staat al op 'vertraagd': geef bij 'gereed'"),
                    "{}",
                    w[0].3
                );
            } else {
                assert!(
                    w[0].3
                        .starts_with("zet de status op afgerond, vertraagd of gestopt"),
                    "{}",
                    w[0].3
                );
            }
        }
    }
}

#[test]
fn a_publication_date_inside_the_report_year_is_named() {
    for (date, warned) in [
        ("2016-11-30", true),
        ("2016-12-31", true),
        ("2017-01-01", false),
    ] {
        let text = with(
            "publicatiedatum: 2017-03-15",
            &format!("publicatiedatum: {date}"),
        );
        let loaded = load_text(&text).expect("a warning at most");
        let w = problems(&loaded.warnings);
        assert_eq!(w.len(), usize::from(warned), "{date}: {w:#?}");
        if warned {
            assert_eq!(w[0].1, line_of(&text, "publicatiedatum"));
            assert_eq!(
                w[0].2,
                format!("de publicatiedatum {date} ligt in het verslagjaar 2016 zelf")
            );
            assert!(w[0].3.contains("2017-03-15"));
        }
    }
}

#[test]
fn controleer_and_maak_refuse_a_final_report_with_markers_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("klaar.yaml");
    std::fs::write(&data, with_marker("definitief")).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "klaar.yaml"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(stderr.contains("fout: klaar.yaml:"), "{stderr}");
    assert!(
        stderr.contains("nog 1 punt te controleren voor publicatie"),
        "{stderr}"
    );
    let (code, _, stderr) = run_in(dir.path(), &["maak", "klaar.yaml", "--uit", "uit"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!dir.path().join("uit").exists(), "nothing is written");
    // As a concept it passes, with the point as a warning.
    std::fs::write(&data, with_marker("concept")).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "klaar.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("in orde (1 waarschuwing)"), "{stdout}");
    let (code, _, _) = run_in(dir.path(), &["controleer", "--strikt", "klaar.yaml"]);
    assert_eq!(code, 1);
}

#[test]
fn the_starter_file_of_a_new_landsdeel_builds_and_is_refused_as_final_until_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run_in(
        dir.path(),
        &["begin", "--landsdeel", "Oost", "--jaar", "2017"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("oost-2017.yaml geschreven"), "{stdout}");
    let file = dir.path().join("oost-2017.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    // Every key of the format, each with a comment line above it.
    for key in [
        "titel:",
        "ondertitel:",
        "landsdeel:",
        "verslagjaar:",
        "looptijd:",
        "publicatiedatum:",
        "versie:",
        "status:",
        "opsteller:",
        "organisaties:",
        "logo:",
        "statusregels:",
        "op_koers:",
        "aandacht:",
        "samenvatting:",
        "inleiding:",
        "actielijnen:",
        "onderdelen:",
        "themas:",
        "actielijn:",
        "partners:",
        "indicatoren:",
        "eenheid:",
        "richting:",
        "nulmeting:",
        "doel:",
        "metingen:",
        "uitsplitsing:",
        "bron:",
        "decimalen:",
        "acties:",
        "trekker:",
        "gereed:",
        "doe_voorstellen:",
        "nummer:",
        "thema:",
    ] {
        assert!(text.contains(key), "{key} missing");
    }
    assert!(text.matches("# ").count() > 40, "Dutch comments");
    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "oost-2017.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("in orde"), "{stdout}");
    assert!(
        stderr.contains("te controleren voor publicatie"),
        "{stderr}"
    );
    let (code, stdout, stderr) =
        run_in(dir.path(), &["maak", "oost-2017.yaml", "--formaat", "pdf"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("techniekpact-oost-2017.pdf"), "{stdout}");
    // As definitief it is refused until the markers are gone.
    std::fs::write(&file, text.replace("status: concept", "status: definitief")).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["controleer", "oost-2017.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    let refused = stderr
        .matches("het rapport is definitief, maar dit is nog niet gecontroleerd")
        .count();
    let markers = text
        .lines()
        .filter(|l| l.trim_start().starts_with("# CONTROLEREN"))
        .count();
    assert!(markers >= 10);
    assert_eq!(refused, markers, "{stderr}");
    let filled: String = text
        .replace("status: concept", "status: definitief")
        .lines()
        .filter(|l| !l.trim_start().starts_with("# CONTROLEREN"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&file, filled).unwrap();
    let (code, _, stderr) = run_in(dir.path(), &["controleer", "oost-2017.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    // It does not overwrite without being asked.
    let (code, _, stderr) = run_in(
        dir.path(),
        &["begin", "--landsdeel", "Oost", "--jaar", "2017"],
    );
    assert_eq!(code, 1);
    assert!(stderr.contains("bestaat al"), "{stderr}");
}

/// The skeleton in docs/gegevensformaat.md is a valid file with every key,
/// and its example messages of the invulblad are the program's.
#[test]
fn the_skeleton_in_the_format_guide_is_valid_and_complete() {
    let guide = std::fs::read_to_string(repo().join("docs/gegevensformaat.md")).unwrap();
    let section = guide
        .split("## Het hele bestand in één oogopslag")
        .nth(1)
        .expect("the skeleton section");
    let yaml = section
        .split("```yaml\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("a yaml block");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("data/logo-techniekpact-noord.svg"),
        dir.path().join("logo.svg"),
    )
    .unwrap();
    let path = dir.path().join("oost-2017.yaml");
    let loaded = techniekpact::load::load_str(&path, yaml, Default::default())
        .unwrap_or_else(|r| panic!("{}", r.render(false)));
    assert!(
        loaded.warnings.diagnostics.is_empty(),
        "{}",
        loaded.warnings.render(false)
    );
    // Every key of the schema's properties appears in the skeleton.
    let schema: serde_json::Value =
        serde_json::from_str(&techniekpact::load::schema::schema_text()).unwrap();
    let mut keys = Vec::new();
    fn walk(v: &serde_json::Value, keys: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(serde_json::Value::Object(props)) = m.get("properties") {
                    keys.extend(props.keys().cloned());
                }
                m.values().for_each(|x| walk(x, keys));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, keys)),
            _ => {}
        }
    }
    walk(&schema, &mut keys);
    for key in keys {
        assert!(
            yaml.contains(&format!("{key}:")),
            "'{key}' is not in the skeleton"
        );
    }
}

#[test]
fn the_previous_years_file_gets_no_publication_check() {
    // noord-2014 has an indicator without a 2014 measurement: a warning of
    // its own report, none as the previous year of 2015, also with --strikt.
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    for year in [2014, 2015] {
        std::fs::copy(
            repo().join(format!("data/noord-{year}.yaml")),
            dir.path().join(format!("noord-{year}.yaml")),
        )
        .unwrap();
    }
    let (code, _, stderr) = run_in(dir.path(), &["controleer", "--strikt", "noord-2014.yaml"]);
    assert_eq!(code, 1, "{stderr}");
    let (code, _, stderr) = run_in(
        dir.path(),
        &[
            "maak",
            "noord-2015.yaml",
            "--vorig",
            "noord-2014.yaml",
            "--strikt",
            "--formaat",
            "html",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("jetnet-bedrijven"), "{stderr}");
    // nieuw-jaar reads this year's file as next year's previous year.
    let (code, _, stderr) = run_in(
        dir.path(),
        &["nieuw-jaar", "noord-2014.yaml", "--overschrijven"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("geen meting over 2014"), "{stderr}");
}
