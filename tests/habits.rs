//! What people type by habit and YAML reads otherwise: each case gets a
//! Dutch message at the line to change, saying what was read and what was
//! probably meant, with a tip that is the fix. Where the tip says what to
//! write, applying it removes the problem and adds none.

use crate::common::*;
use techniekpact::diagnostics::{Diagnostic, Severity};

/// `BASE` with the figures of its indicator replaced (no uitsplitsing).
fn figures(unit: &str, extra: &str, baseline: &str, target: &str, metingen: &[&str]) -> String {
    let start = BASE.find("            eenheid: schoolbesturen").unwrap();
    let end = BASE.find("        acties:").unwrap();
    let mut block = format!(
        "            eenheid: {unit}\n{extra}            nulmeting: {{jaar: 2014, waarde: {baseline}}}\n            doel: {{jaar: 2020, waarde: {target}}}\n            metingen:\n"
    );
    for (i, m) in metingen.iter().enumerate() {
        block.push_str(&format!("              {}: {m}\n", 2014 + i));
    }
    format!("{}{block}{}", &BASE[..start], &BASE[end..])
}

/// Every problem of `text`, errors and warnings.
fn all(text: &str) -> Vec<Diagnostic> {
    match load_text(text) {
        Ok(l) => l.warnings.diagnostics,
        Err(p) => p.diagnostics,
    }
}

/// The one problem whose message contains `needle`, on the line of `marker`.
fn the(text: &str, marker: &str, needle: &str) -> Diagnostic {
    let line = line_of(text, marker);
    let found: Vec<Diagnostic> = all(text)
        .into_iter()
        .filter(|d| {
            d.message.contains(needle)
                && d.span
                    .as_ref()
                    .is_some_and(|s| text[..s.start].matches('\n').count() + 1 == line)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{needle:?} on line {line}: {:#?}",
        all(text)
    );
    found.into_iter().next().unwrap()
}

/// Applies the problem's fix: the problem is gone and no new one appears.
fn fix_heals(text: &str, d: &Diagnostic) -> String {
    let fix = d.fix.as_ref().expect("the tip says what to write");
    let hint = d.hint.as_deref().unwrap_or_default();
    assert!(
        hint.contains(fix.with.trim_matches('"')),
        "{hint} / {fix:?}"
    );
    let mut fixed = text.to_string();
    fixed.replace_range(fix.span.clone(), &fix.with);
    let before = all(text);
    let after = all(&fixed);
    assert!(after.len() < before.len(), "{before:#?}\n->\n{after:#?}");
    for a in &after {
        assert!(
            before
                .iter()
                .any(|b| b.message == a.message || b.label == a.label),
            "new problem after the fix: {a:#?}"
        );
    }
    fixed
}

#[test]
fn thousands_separators_typed_everywhere_are_an_error_with_the_figure_meant() {
    let text = figures(
        "leerlingen",
        "",
        "4.500",
        "15.000",
        &["4.500", "6.200", "7.850"],
    );
    let d = the(&text, "2016: 7.850", "'7.850' wordt gelezen als 7,85");
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.hint.as_deref().unwrap().starts_with("schrijf 7850"),
        "{d:?}"
    );
    let d = the(&text, "waarde: 15.000", "'15.000' wordt gelezen als 15");
    assert_eq!(d.severity, Severity::Error);
    let fixed = fix_heals(&text, &d);
    assert!(fixed.contains("waarde: 15000}"));
    // Every figure fixed: the file loads, with 7850 as the figure of 2016.
    let mut all_fixed = text.clone();
    for (from, to) in [
        ("4.500", "4500"),
        ("15.000", "15000"),
        ("6.200", "6200"),
        ("7.850", "7850"),
    ] {
        all_fixed = all_fixed.replace(from, to);
    }
    let loaded = load_text(&all_fixed).expect("valid");
    assert!(
        loaded
            .warnings
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("gelezen"))
    );
}

#[test]
fn a_thousands_separator_in_a_series_of_thousands_is_an_error() {
    // About 3.000 vacancies, falling: 3.120 read as 3,12 would be 'behaald'.
    let text = figures(
        "vacatures",
        "            richting: dalend\n",
        "3000",
        "2500",
        &["3000", "2950", "3.120"],
    );
    let d = the(&text, "2016: 3.120", "'3.120' wordt gelezen als 3,12");
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.message.contains("wijzen op 3.120 vacatures"),
        "{}",
        d.message
    );
    fix_heals(&text, &d);
}

/// `2016: 3.400` in the example, among 10, 21 and a target of 77 school
/// boards: three thousand four hundred typed the Dutch way. Neither 3,4
/// (a count is whole) nor 3400 fits: an error, whatever the series says.
#[test]
fn a_point_with_three_digits_in_a_count_is_an_error_even_when_the_series_fits_neither() {
    let text =
        example_text().replacen("              2016: 34\n", "              2016: 3.400\n", 1);
    let d = {
        let report = load_example(&text).expect_err("refused");
        let line = line_of(&text, "2016: 3.400");
        report
            .diagnostics
            .into_iter()
            .find(|d| report_line(&text, d) == line)
            .expect("a message at the line")
    };
    assert_eq!(d.severity, Severity::Error);
    assert!(
        d.message.starts_with("'3.400' wordt gelezen als 3,4"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("telt in hele aantallen"),
        "{}",
        d.message
    );
    assert!(
        d.hint.as_deref().unwrap().contains("schrijf 3400"),
        "{:?}",
        d.hint
    );
    assert!(d.fix.is_none(), "the person says which number is meant");
    // A whole number with zeros after the point is its decimal reading.
    let text = example_text().replacen(
        "              2016: 34\n",
        "              2016: 34.000\n",
        1,
    );
    let report = load_example(&text).expect_err("refused");
    let d = report.errors().next().unwrap();
    assert_eq!(d.fix.as_ref().unwrap().with, "34");
}

fn report_line(text: &str, d: &Diagnostic) -> usize {
    text[..d.span.as_ref().unwrap().start].matches('\n').count() + 1
}

#[test]
fn a_point_with_three_decimals_fits_an_indicator_with_three_decimals() {
    let text = figures(
        "gemiddeld cijfer",
        "            decimalen: 3\n",
        "6.125",
        "7.5",
        &["6.125", "6.250", "6.375"],
    );
    let loaded = load_text(&text).expect("valid");
    assert!(
        loaded.warnings.diagnostics.is_empty(),
        "{}",
        loaded.warnings.render(false)
    );
}

#[test]
fn three_decimals_against_a_series_of_thousands_are_a_warning_even_with_decimalen_3() {
    let text = figures(
        "leerlingen",
        "            decimalen: 3\n",
        "3000",
        "5000",
        &["3000", "3400", "3.800"],
    );
    let d = the(&text, "2016: 3.800", "'3.800' wordt gelezen als 3,8");
    assert_eq!(d.severity, Severity::Warning);
    assert!(load_strict(&text).is_err(), "--strikt makes it an error");
    fix_heals(&text, &d);
}

#[test]
fn numbers_with_several_separators_or_spaces_are_read_as_meant() {
    for (typed, meant) in [
        ("1.250.000", "1250000"),
        ("1 000", "1000"),
        ("1.250,5", "1250.5"),
    ] {
        let text = figures(
            "leerlingen",
            "            decimalen: 1\n",
            "900",
            "1500000",
            &["900", typed],
        );
        let d = the(
            &text,
            &format!("2015: {typed}"),
            &format!("'{typed}' is tekst"),
        );
        assert_eq!(d.severity, Severity::Error);
        assert!(
            !d.hint
                .as_deref()
                .unwrap()
                .contains("punt als decimaalteken"),
            "{d:?}"
        );
        let fixed = fix_heals(&text, &d);
        assert!(fixed.contains(&format!("2015: {meant}\n")), "{fixed}");
    }
}

#[test]
fn a_decimal_comma_is_read_as_a_decimal_and_the_tip_does_not_invite_a_thousands_point() {
    let text = figures(
        "\"%\"",
        "            decimalen: 1\n",
        "10",
        "30",
        &["10", "12,5"],
    );
    let d = the(&text, "2015: 12,5", "'12,5' is tekst");
    assert!(
        d.message.contains("bedoeld is waarschijnlijk 12,5"),
        "{}",
        d.message
    );
    assert!(d.hint.as_deref().unwrap().starts_with("schrijf 12.5"));
    fix_heals(&text, &d);
}

#[test]
fn a_figure_ten_times_off_its_neighbours_is_a_warning() {
    let text = figures("bedrijven", "", "40", "80", &["40", "46", "530"]);
    let d = the(&text, "2016: 530", "meer dan tien keer zo groot");
    assert_eq!(d.severity, Severity::Warning);
    assert!(load_strict(&text).is_err());
    // Growth from a small start is no jump.
    let text = figures("communities", "", "1", "70", &["1", "12", "25"]);
    assert!(all(&text).is_empty(), "{:#?}", all(&text));
    // Nor is a start from zero.
    let text = figures("initiatieven", "", "0", "4", &["0", "3", "4"]);
    assert!(all(&text).is_empty(), "{:#?}", all(&text));
}

#[test]
fn text_after_a_hash_in_a_text_value_is_a_warning_with_the_quoted_form() {
    let text = with(
        "            naam: Schoolbesturen\n",
        "            naam: Bedrijven actief in Jet-Net #TechNet\n",
    );
    let d = the(&text, "#TechNet", "'#TechNet' valt weg");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.hint
            .as_deref()
            .unwrap()
            .contains("naam: \"Bedrijven actief in Jet-Net #TechNet\"")
    );
    let fixed = fix_heals(&text, &d);
    let loaded = load_text(&fixed).expect("valid");
    assert_eq!(
        loaded.data.themas().next().unwrap().indicatoren[0].naam,
        "Bedrijven actief in Jet-Net #TechNet"
    );
    // A comment after a number, an id or a status, or on its own line, is allowed.
    let text = with(
        "              2016: 34\n",
        "              2016: 34 # voorlopig\n",
    );
    let text = text.replace("status: lopend", "status: lopend # tot de zomer");
    let text = text.replace(
        "      - id: po\n",
        "      # het po\n      - id: po # primair\n",
    );
    assert!(all(&text).is_empty(), "{:#?}", all(&text));
}

#[test]
fn a_baseline_after_the_report_year_is_a_warning_and_expected_progress_is_not_negative() {
    let text = with(
        "nulmeting: {jaar: 2014, waarde: 10}",
        "nulmeting: {jaar: 2018, waarde: 10}",
    );
    let d = the(&text, "jaar: 2018", "na het verslagjaar 2016");
    assert_eq!(d.severity, Severity::Warning);
    let loaded = load_text(&text).expect("a warning");
    let analysis = techniekpact::analysis::analyse(&loaded.data);
    let (_, a) = analysis.indicators.first().expect("one indicator");
    assert!(a.verwacht >= 0.0, "{a:?}");
}

#[test]
fn a_negative_count_is_an_error_and_a_negative_percentage_a_warning() {
    let text = figures("bedrijven", "", "40", "80", &["40", "46", "-81"]);
    let d = the(&text, "2016: -81", "een aantal is nooit negatief");
    assert_eq!(d.severity, Severity::Error);
    fix_heals(&text, &d);
    let text = figures(
        "\"%\"",
        "            decimalen: 1\n",
        "4",
        "8",
        &["4", "5", "-1.5"],
    );
    let d = the(&text, "2016: -1.5", "is negatief");
    assert_eq!(d.severity, Severity::Warning);
    // Where the baseline itself is negative, a negative figure is expected.
    let text = figures(
        "procentpunt",
        "            decimalen: 1\n",
        "-4",
        "2",
        &["-4", "-3", "-1"],
    );
    assert!(all(&text).is_empty(), "{:#?}", all(&text));
}

#[test]
fn a_date_tip_converts_what_was_typed() {
    for (typed, iso) in [
        ("15-03-2017", "2017-03-15"),
        ("15/3/2017", "2017-03-15"),
        ("15 maart 2017", "2017-03-15"),
    ] {
        let text = with(
            "publicatiedatum: 2017-03-15",
            &format!("publicatiedatum: {typed}"),
        );
        let d = the(&text, "publicatiedatum", "is geen datum");
        assert_eq!(
            d.hint.as_deref().unwrap(),
            format!("schrijf {iso}: een datum staat in dit bestand als JJJJ-MM-DD")
        );
        fix_heals(&text, &d);
    }
    let text = with(
        "publicatiedatum: 2017-03-15",
        "publicatiedatum: volgend voorjaar",
    );
    let d = the(&text, "publicatiedatum", "is geen datum");
    assert!(d.fix.is_none());
}

// ---- every syntax problem at once, each at the line to change ----

/// The example with six different syntax mistakes.
fn six_mistakes() -> String {
    let mut text = example_text();
    for (from, to) in [
        (
            "  titel: Voortgangsrapportage",
            "  titel Voortgangsrapportage",
        ),
        ("  versie: \"1.0\"", "  versie:\"1.0\""),
        (
            "            naam: Deelname van het Platform in de werkgroep",
            "            naam: \"Deelname van het Platform in de werkgroep",
        ),
        (
            "          - id: procesondersteuning",
            "          -id: procesondersteuning",
        ),
        (
            "            status: afgerond\n            gereed: 2016-06-30",
            "\t    status: afgerond\n            gereed: 2016-06-30",
        ),
        (
            "            doel: {jaar: 2020, waarde: 77}",
            "            doel: {jaar: 2020, waarde: 77",
        ),
    ] {
        assert_eq!(text.matches(from).count(), 1, "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn example_text() -> String {
    std::fs::read_to_string(repo().join("data/noord-2016.yaml")).unwrap()
}

fn example_path() -> std::path::PathBuf {
    repo().join("data/noord-2016.yaml")
}

fn load_example(
    text: &str,
) -> Result<techniekpact::load::Loaded, techniekpact::diagnostics::Problems> {
    techniekpact::load::load_str(
        &example_path(),
        text,
        techniekpact::load::LoadOptions::default(),
    )
}

fn problems_of(text: &str) -> Vec<Diagnostic> {
    match load_example(text) {
        Ok(l) => l.warnings.diagnostics,
        Err(p) => p.diagnostics,
    }
}

#[test]
fn six_syntax_mistakes_give_six_messages_in_file_order() {
    let text = six_mistakes();
    let report = load_example(&text).expect_err("refused");
    let lines: Vec<usize> = report
        .diagnostics
        .iter()
        .map(|d| report.position(d).expect("positioned").0)
        .collect();
    let expected: Vec<usize> = [
        "titel Voortgangsrapportage",
        "versie:\"1.0\"",
        "naam: \"Deelname",
        "-id: procesondersteuning",
        "\t    status: afgerond",
        "waarde: 77\n",
    ]
    .iter()
    .map(|m| line_of(&text, m))
    .collect();
    assert_eq!(lines, expected, "{}", report.render(false));
    assert!(report.diagnostics.iter().all(Diagnostic::is_error));
}

#[test]
fn a_forgotten_dash_is_named_where_the_element_begins() {
    for (to, col) in [
        ("            id: procesondersteuning", 13),
        ("          id: procesondersteuning", 11),
    ] {
        let text = example_text().replacen("          - id: procesondersteuning", to, 1);
        let report = load_example(&text).expect_err("refused");
        assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
        let d = &report.diagnostics[0];
        assert!(
            d.message.contains("het streepje ('- ') ontbreekt"),
            "{}",
            d.message
        );
        assert_eq!(report.position(d), Some((line_of(&text, to), col)));
        let fixed = apply(&text, d);
        assert!(load_example(&fixed).is_ok(), "{}", fixed);
    }
}

#[test]
fn a_key_indented_too_little_is_named_with_the_key_above() {
    let from = "            trekker: Platform Bèta Techniek\n            status: afgerond\n            gereed: 2016-12-31";
    let text = example_text().replacen(
        from,
        &from.replacen("            status", "          status", 1),
        1,
    );
    let report = load_example(&text).expect_err("refused");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "'status' is minder ver ingesprongen dan 'id' en de andere sleutels van het element erboven"
    );
    assert_eq!(
        report.position(d).unwrap().0,
        line_of(&text, "          status: afgerond")
    );
    assert!(load_example(&apply(&text, d)).is_ok());
}

#[test]
fn the_first_line_of_a_block_text_indented_too_little_is_named() {
    let text = example_text().replacen(
        "    toelichting: |\n      Landsdeel Noord maakt gebruik",
        "    toelichting: |\n    Landsdeel Noord maakt gebruik",
        1,
    );
    let report = load_example(&text).expect_err("refused");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert!(
        d.message
            .starts_with("de eerste regel van de tekst na 'toelichting: |'"),
        "{}",
        d.message
    );
    assert_eq!(
        report.position(d).unwrap().0,
        line_of(&text, "    Landsdeel Noord")
    );
    assert_eq!(apply(&text, d), example_text());
}

#[test]
fn a_forgotten_pipe_before_a_list_is_named() {
    let text = example_text().replacen(
        "            toelichting: De cijfers over 2016 komen later beschikbaar dan gepland.",
        "            toelichting: Drie bronnen:\n              - DUO\n              - S-BB",
        1,
    );
    let report = load_example(&text).expect_err("refused");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert!(d.message.contains("staat geen '|'"), "{}", d.message);
    let fixed = apply(&text, d);
    assert!(
        fixed.contains("toelichting: |\n              Drie bronnen:\n              - DUO"),
        "{fixed}"
    );
    assert!(load_example(&fixed).is_ok());
}

#[test]
fn a_dash_glued_to_a_list_element_is_named() {
    let text = example_text().replacen(
        "          - Platform Bèta Techniek\n",
        "          -Platform Bèta Techniek\n",
        1,
    );
    let report = load_example(&text).expect_err("refused");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "na het streepje van een lijstelement ontbreekt een spatie"
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("schrijf '- Platform Bèta Techniek'")
    );
    assert_eq!(apply(&text, d), example_text());
}

#[test]
fn a_non_breaking_space_after_a_colon_is_named() {
    let text = example_text().replacen(
        "            bron: Bètapunt Noord\n",
        "            bron:\u{a0}Bètapunt Noord\n",
        1,
    );
    let report = load_example(&text).expect_err("refused");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert!(d.message.contains("vaste spatie (U+00A0"), "{}", d.message);
    assert_eq!(
        report.position(d),
        Some((line_of(&text, "bron:\u{a0}"), 18))
    );
    assert_eq!(apply(&text, d), example_text());
}

#[test]
fn a_baseline_as_year_and_value_on_one_line_gets_the_map_to_write() {
    let text = example_text().replacen(
        "nulmeting: {jaar: 2014, waarde: 10}",
        "nulmeting: 2014: 10",
        1,
    );
    let report = load_example(&text).expect_err("refused");
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert_eq!(
        d.hint.as_deref(),
        Some("schrijf 'nulmeting: {jaar: 2014, waarde: 10}'")
    );
    assert_eq!(apply(&text, d), example_text());
}

fn apply(text: &str, d: &Diagnostic) -> String {
    let fix = d.fix.as_ref().unwrap_or_else(|| panic!("no fix: {d:?}"));
    let mut out = text.to_string();
    out.replace_range(fix.span.clone(), &fix.with);
    out
}

/// What a reader of the report gets of every indicator: its figures and
/// its computed status.
fn figures_of(loaded: &techniekpact::load::Loaded) -> String {
    let analysis = techniekpact::analysis::analyse(&loaded.data);
    let mut out = String::new();
    for (i, (id, a)) in loaded.data.indicatoren().zip(&analysis.indicators) {
        out.push_str(&format!(
            "{id}: {:?} {:?} {:?} {:?} {:?} {:?}\n",
            i.nulmeting.waarde, i.doel.waarde, i.metingen, i.uitsplitsing, a.realisatie, a.status
        ));
    }
    out
}

/// Every habit at every line where it applies: the file gets a positioned
/// message, or its figures are exactly those of the file as it was; and
/// where a tip says what to write, writing it leaves strictly fewer
/// problems and no new kind of problem.
#[test]
fn typing_habits_are_named_or_harmless_and_no_tip_makes_it_worse() {
    use crate::common::typing::{HABITS, mutate};
    let original = example_text();
    let expected = figures_of(&load_example(&original).unwrap());
    // The example's own warnings (points of the publication check) show
    // once a mistake is fixed; they are not the tip's doing.
    let own: Vec<String> = problems_of(&original)
        .into_iter()
        .map(|d| d.message)
        .collect();
    let problems_of = |text: &str| -> Vec<Diagnostic> {
        problems_of(text)
            .into_iter()
            .filter(|d| !own.contains(&d.message))
            .collect()
    };
    let lines = original.split('\n').count();
    let mut files = 0;
    let mut fixes = 0;
    for (kind, habit) in HABITS.iter().enumerate() {
        // At most 24 places per habit, spread over the file.
        let places: Vec<(usize, String)> = (0..lines)
            .filter_map(|at| mutate(&original, kind, at).map(|t| (at, t)))
            .collect();
        let step = places.len().div_ceil(24).max(1);
        for (at, text) in places.into_iter().step_by(step) {
            files += 1;
            let before = problems_of(&text);
            match load_example(&text) {
                Ok(loaded) => {
                    let silent = problems_of(&text).is_empty();
                    if silent {
                        assert_eq!(
                            figures_of(&loaded),
                            expected,
                            "{} on line {} changed the figures without a word",
                            habit,
                            at + 1
                        );
                    }
                }
                Err(report) => {
                    for d in report.errors() {
                        assert!(d.span.is_some(), "{}, line {}: {d:?}", habit, at + 1);
                    }
                }
            }
            for d in before.iter().filter(|d| d.fix.is_some()) {
                fixes += 1;
                let fixed = apply(&text, d);
                let after = problems_of(&fixed);
                assert!(
                    after.len() < before.len(),
                    "{}, line {}: the tip of '{}' leaves {} problems of {}:\n{after:#?}",
                    habit,
                    at + 1,
                    d.message,
                    after.len(),
                    before.len()
                );
                for a in &after {
                    assert!(
                        before.iter().any(|b| b.label == a.label),
                        "{}, line {}: the tip of '{}' gives a new problem: {a:#?}",
                        habit,
                        at + 1,
                        d.message
                    );
                }
            }
        }
    }
    println!("{files} files with a typing habit, {fixes} tips applied");
    assert!(files > 200, "{files} files");
    assert!(fixes > 100, "{fixes} tips applied");
}

// ---- controleer finds what maak would refuse ----

#[test]
fn an_unreadable_logo_is_an_error_at_the_logo_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = std::fs::read(repo().join("data/logo-techniekpact-noord.svg")).unwrap();
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "kapot.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect".to_vec(),
            "de XML is onjuist op regel 1",
        ),
        (
            "foto.png",
            vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F'],
            "is een JPEG-afbeelding, geen PNG",
        ),
        ("leeg.png", Vec::new(), "is een leeg bestand"),
        (
            "half.png",
            b"\x89PNG\r\n\x1a\n\0\0".to_vec(),
            "geen leesbare PNG-afbeelding",
        ),
        ("goed.svg", good, ""),
    ];
    for (name, bytes, message) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let text = with(
            "  publicatiedatum: 2017-03-15\n",
            &format!("  publicatiedatum: 2017-03-15\n  logo: {name}\n"),
        );
        let path = dir.path().join("test.yaml");
        let result =
            techniekpact::load::load_str(&path, &text, techniekpact::load::LoadOptions::default());
        if message.is_empty() {
            assert!(
                result.is_ok(),
                "{name}: {}",
                result.unwrap_err().render(false)
            );
            continue;
        }
        let report = result.expect_err(name);
        let d = report.errors().next().unwrap();
        assert!(
            d.message.contains(&format!("het logo '{name}'")) && d.message.contains(message),
            "{name}: {}",
            d.message
        );
        assert_eq!(report.position(d).unwrap().0, line_of(&text, "  logo:"));
        // controleer says so, in Dutch, and fails.
        std::fs::write(&path, &text).unwrap();
        let out = std::process::Command::new(bin())
            .args(["controleer", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{name}"
        );
    }
}

#[test]
fn a_status_is_accepted_as_the_sheet_writes_it() {
    let text = with("    status: in_uitvoering\n", "    status: in uitvoering\n");
    let loaded = load_text(&text).expect("valid");
    assert!(loaded.warnings.diagnostics.is_empty());
    assert_eq!(
        loaded.data.doe_voorstellen[0].status,
        techniekpact::model::DoeStatus::InUitvoering
    );
}

/// English words that slip into Dutch policy texts; the report's fixed
/// texts use the Dutch word.
const ENGLISH: &[&str] = &[
    "stakeholder",
    "stakeholders",
    "deadline",
    "deadlines",
    "update",
    "updates",
    "feedback",
    "target",
    "targets",
    "kick-off",
    "governance",
    "roadmap",
    "output",
    "dashboard",
    "issues",
    "the",
    "and",
    "report",
    "status-update",
    "follow-up",
    "practices",
];

#[test]
fn the_fixed_texts_have_no_english_words() {
    let text = std::fs::read_to_string(repo().join("templates/teksten.yaml")).unwrap();
    let value: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    walk(&value, &mut texts);
    assert!(texts.len() > 50, "{} texts", texts.len());
    let mut found = Vec::new();
    for t in &texts {
        // Template expressions are names, not words of the report.
        let words_only = t
            .split("{{")
            .map(|p| p.split_once("}}").map_or(p, |(_, r)| r))
            .collect::<Vec<_>>()
            .join(" ");
        for w in words_only.split(|c: char| !(c.is_alphabetic() || c == '-')) {
            if ENGLISH.contains(&w.to_lowercase().as_str()) {
                found.push(format!("{w} in {t:?}"));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
