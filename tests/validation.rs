//! One test per validation rule of the data contract: each asserts the Dutch
//! message and the line it points at.

use crate::common::*;
use techniekpact::diagnostics::Severity;

#[test]
fn base_fixture_is_valid() {
    let loaded = load_text(BASE).expect("the fixture is valid");
    assert_eq!(loaded.data.rapport.verslagjaar, 2016);
    assert!(loaded.warnings.diagnostics.is_empty());
}

// ---- structure (JSON Schema) ----

#[test]
fn unknown_key_suggests_the_known_one() {
    let text = with("nulmeting: {jaar: 2014", "nulmting: {jaar: 2014");
    let hint = expect_error(&text, "nulmting", "onbekende sleutel 'nulmting'");
    assert_eq!(hint, "bedoelde u 'nulmeting'?");
}

#[test]
fn unknown_top_level_key() {
    let text = with("statusregels:", "statusregel:");
    let hint = expect_error(&text, "statusregel:", "onbekende sleutel 'statusregel'");
    assert_eq!(hint, "bedoelde u 'statusregels'?");
}

#[test]
fn missing_required_key() {
    let text = with("    naam: Leren in de techniek\n", "");
    expect_error(
        &text,
        "- id: leren",
        "verplichte sleutel 'naam' ontbreekt in actielijn 'leren'",
    );
}

#[test]
fn wrong_type() {
    let text = with("verslagjaar: 2016", "verslagjaar: tweeduizend");
    expect_error(
        &text,
        "verslagjaar",
        "'verslagjaar' moet een geheel getal zijn, maar is de tekst 'tweeduizend'",
    );
}

#[test]
fn number_where_text_is_expected_suggests_quotes() {
    let text = with(
        "  landsdeel: Noord\n",
        "  landsdeel: Noord\n  versie: 1.0\n",
    );
    let hint = expect_error(&text, "versie", "'versie' moet tekst zijn");
    assert!(hint.contains("aanhalingstekens"), "{hint}");
}

#[test]
fn invalid_status_lists_allowed_values() {
    let text = with("status: lopend", "status: klaar");
    let hint = expect_error(
        &text,
        "status: klaar",
        "ongeldige waarde voor 'status': de tekst 'klaar'",
    );
    assert!(
        hint.contains("gepland, lopend, afgerond, vertraagd, gestopt"),
        "{hint}"
    );
}

#[test]
fn invalid_richting() {
    let text = with(
        "eenheid: schoolbesturen",
        "eenheid: schoolbesturen\n            richting: omhoog",
    );
    let hint = expect_error(&text, "richting", "ongeldige waarde voor 'richting'");
    assert!(hint.contains("stijgend, dalend"), "{hint}");
}

#[test]
fn id_pattern() {
    let text = with("- id: kiezen", "- id: Kiezen");
    expect_error(
        &text,
        "- id: Kiezen",
        "'id' is geen geldige id: de tekst 'Kiezen'",
    );
}

#[test]
fn report_year_range() {
    let text = with("verslagjaar: 2016", "verslagjaar: 1999");
    expect_error(&text, "verslagjaar", "'verslagjaar' is te klein");
}

#[test]
fn decimals_range() {
    let text = with(
        "eenheid: schoolbesturen",
        "eenheid: schoolbesturen\n            decimalen: 5",
    );
    expect_error(&text, "decimalen", "'decimalen' is te groot");
}

#[test]
fn publication_date_shape() {
    let text = with("publicatiedatum: 2017-03-15", "publicatiedatum: 15-03-2017");
    let hint = expect_error(&text, "publicatiedatum", "'publicatiedatum' is geen datum");
    assert!(hint.contains("JJJJ-MM-DD"));
}

#[test]
fn at_least_one_onderdeel() {
    let start = BASE.find("onderdelen:").unwrap();
    let end = BASE.find("doe_voorstellen:").unwrap();
    let text = format!(
        "{}onderdelen: []\n{}",
        &BASE[..start],
        &BASE[end..].replace("    thema: po\n", "")
    );
    expect_error(
        &text,
        "onderdelen: []",
        "'onderdelen' moet minstens 1 element bevatten",
    );
}

#[test]
fn gereed_is_date_or_year() {
    let text = with("gereed: 2017-06-30", "gereed: binnenkort");
    expect_error(
        &text,
        "gereed",
        "'gereed' moet een datum of een jaartal zijn",
    );
}

#[test]
fn threshold_range() {
    let text = with("op_koers: 90", "op_koers: 250");
    expect_error(&text, "op_koers", "'op_koers' is te groot");
}

#[test]
fn threshold_must_be_positive() {
    let text = with("aandacht: 70", "aandacht: 0");
    expect_error(&text, "aandacht: 0", "'aandacht' moet groter zijn dan 0");
}

// ---- YAML level ----

#[test]
fn duplicate_key_names_both_lines() {
    let text = with(
        "  landsdeel: Noord\n",
        "  landsdeel: Noord\n  landsdeel: Zuid\n",
    );
    let hint = expect_error(
        &text,
        "landsdeel: Zuid",
        "sleutel 'landsdeel' komt twee keer voor",
    );
    assert!(
        hint.contains(&format!("regel {}", line_of(&text, "landsdeel: Noord"))),
        "{hint}"
    );
}

#[test]
fn numbers_must_be_finite() {
    let text = with("2015: 21", "2015: .inf");
    expect_error(&text, "2015: .inf", "'.inf' is geen eindig getal");
    let text = with("waarde: 77", "waarde: .nan");
    expect_error(&text, "waarde: .nan", "'.nan' is geen eindig getal");
}

#[test]
fn syntax_error_has_a_position() {
    let text = with(
        "    naam: Kiezen voor techniek",
        "    naam: Kiezen: voor techniek",
    );
    let hint = expect_error(
        &text,
        "Kiezen: voor",
        "in deze waarde staat een dubbele punt met een spatie erna",
    );
    assert_eq!(
        hint,
        "zet de waarde tussen aanhalingstekens: naam: \"Kiezen: voor techniek\""
    );
}

/// Words of the YAML parsers' own (English) messages; none may reach a user.
const PARSER_WORDS: &[&str] = &[
    "expected",
    "found",
    "while",
    "scanning",
    "parsing",
    "mapping",
    "mappings",
    "scalar",
    "character",
    "characters",
    "indentation",
    "unexpected",
    "allowed",
    "simple",
    "key",
    "block",
    "flow",
    "token",
    "anchor",
    "alias",
    "sequence",
    "stream",
    "whitespace",
    "directive",
    "tag",
    "escape",
    "invalid",
    "context",
    "must",
    "not",
    "cannot",
    "disallowed",
    "illegal",
    "placement",
    "indicator",
    "trailing",
    "content",
    "end",
    "valid",
    "the",
];

/// One broken file per kind of syntax error the parsers report: each gets a
/// Dutch message, at the place to change (line and column in characters,
/// the same in the header line and in the snippet), with a hint that says
/// what to type.
#[test]
fn every_kind_of_syntax_error_is_explained_in_dutch_where_it_must_be_fixed() {
    // (replace, with, the text at the expected position, what the message says)
    let corpus: &[(&str, &str, &str, &str)] = &[
        (
            "eenheid: schoolbesturen",
            "eenheid: %",
            "%",
            "mag niet beginnen met '%'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: @school",
            "@school",
            "mag niet beginnen met '@'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: `x`",
            "`x`",
            "mag niet beginnen met '`'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: *x",
            "*x",
            "mag niet beginnen met '*'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: &",
            "&",
            "mag niet beginnen met '&'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: ? x",
            "? x",
            "mag niet beginnen met '?'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: !<x",
            "!<x",
            "mag niet beginnen met '!'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid:leerkrachten",
            ":leer",
            "na de dubbele punt van 'eenheid' ontbreekt een spatie",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid:\tschoolbesturen",
            "\tschool",
            "na de dubbele punt van 'eenheid' staat een tab",
        ),
        (
            "  titel: Testrapport",
            "  titel Testrapport",
            "titel Test",
            "na 'titel' ontbreekt de dubbele punt",
        ),
        (
            "naam: Plan van aanpak",
            "naam: Plan: van aanpak",
            ": van",
            "in deze waarde staat een dubbele punt",
        ),
        (
            "naam: Schoolbesturen",
            "naam: \"Schoolbesturen",
            "\"School",
            "het dubbele aanhalingsteken (\") van 'naam' wordt op deze regel niet gesloten",
        ),
        (
            "naam: Schoolbesturen",
            "naam: 'Schoolbesturen",
            "'School",
            "het enkele aanhalingsteken (') van 'naam' wordt op deze regel niet gesloten",
        ),
        (
            "nulmeting: {jaar: 2014, waarde: 10}",
            "nulmeting: {jaar: 2014, waarde: 10",
            "{jaar: 2014, waarde: 10\n",
            "het haakje '{' wordt niet gesloten",
        ),
        (
            "naam: Schoolbesturen",
            "naam: Schoolbesturen\n            bron: [a, b",
            "[a, b",
            "het haakje '[' wordt niet gesloten",
        ),
        (
            "nulmeting: {jaar: 2014, waarde: 10}",
            "nulmeting: {jaar: 2014 waarde: 10}",
            ": 10}",
            "verwacht ik hier een komma",
        ),
        (
            "nulmeting: {jaar: 2014, waarde: 10}",
            "nulmeting: {jaar: 2014, waarde: 10}}",
            "}\n            doel",
            "een sluithaakje '}' zonder openingshaakje",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: ]",
            "]",
            "een sluithaakje ']' zonder openingshaakje",
        ),
        (
            "  - id: leren",
            "   - id: leren",
            "- id: leren",
            "anders ingesprongen dan de lijst",
        ),
        (
            "            eenheid: schoolbesturen",
            "             eenheid: schoolbesturen",
            "eenheid",
            "'eenheid' is verder ingesprongen",
        ),
        (
            "  - id: leren",
            "  -id: leren",
            "-id",
            "na het streepje van een lijstelement ontbreekt een spatie",
        ),
        (
            "            eenheid: schoolbesturen",
            "            - eenheid: schoolbesturen",
            "- eenheid",
            "een lijstelement ('- ') tussen de sleutels van een map",
        ),
        (
            "nulmeting: {jaar: 2014, waarde: 10}",
            "nulmeting: {jaar: 2014, - 10}",
            "- 10",
            "hier mag geen lijstelement",
        ),
        (
            "nulmeting: {jaar: 2014, waarde: 10}",
            "nulmeting: {jaar: 2014, waarde: 10} extra",
            "extra",
            "na het sluitende haakje",
        ),
        (
            "naam: Plan van aanpak",
            "naam: \"Plan\" van aanpak",
            "van aanpak",
            "na het sluitende aanhalingsteken staat nog tekst",
        ),
        (
            "naam: Plan van aanpak",
            "naam: \"Plan \\q aanpak\"",
            "\"Plan \\q",
            "begint een codering die hier niet bestaat",
        ),
        (
            "naam: Plan van aanpak",
            "naam: |x\n              Plan",
            "x\n",
            "na '|' of '>' hoort de regel te eindigen",
        ),
        (
            "naam: Plan van aanpak",
            "naam: |\n                Plan\n              van",
            "van\n",
            "past niet bij de inspringing",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: \u{feff}school",
            "\u{feff}",
            "onzichtbaar teken (U+FEFF",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: sch\u{1}ool",
            "\u{1}",
            "onzichtbaar stuurteken",
        ),
        (
            "rapport:\n",
            "%YAML 1.2\nrapport:\n",
            "%YAML",
            "een regel die met '%' begint",
        ),
        (
            "doe_voorstellen:",
            "... x\ndoe_voorstellen:",
            "... x",
            "scheidt YAML-documenten",
        ),
        (
            "            eenheid: schoolbesturen",
            "\t    eenheid: schoolbesturen",
            "\t    eenheid",
            "een tab in de inspringing",
        ),
        (
            "naam: Plan van aanpak",
            "naam: \"Plan\"# opm",
            "# opm",
            "voor een opmerking (#) hoort een spatie",
        ),
        (
            "in_uitvoering\n",
            "in_uitvoering\n    toelichting: \"open tot het eind\n",
            "\"open",
            "wordt op deze regel niet gesloten",
        ),
        (
            "naam: Plan van aanpak",
            "naam: |0\n              Plan",
            "|0",
            "het getal na '|' of '>' moet 1 tot en met 9 zijn",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: !x!y z",
            "!x!y",
            "mag niet beginnen met '!'",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: - x",
            "- x",
            "hier mag geen lijstelement",
        ),
        (
            "eenheid: schoolbesturen",
            "eenheid: [a]b",
            "b\n",
            "na het sluitende haakje",
        ),
        (
            "nulmeting: {jaar: 2014, waarde: 10}",
            "nulmeting: {jaar: 2014, : 10}",
            ": 10}",
            "geen geldige YAML",
        ),
    ];
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    for (from, to, at, says) in corpus {
        let text = with(from, to);
        let report = load_text(&text).expect_err(to);
        let d = &report.diagnostics[0];
        assert!(d.is_error(), "{to}");
        assert!(d.message.contains(says), "{to:?}: {}", d.message);
        let hint = d.hint.clone().unwrap_or_default();
        assert!(!hint.is_empty(), "{to:?}: a hint says what to type");
        for part in [&d.message, &hint, &d.label.clone().unwrap_or_default()] {
            let english: Vec<String> = words(part)
                .into_iter()
                .filter(|w| PARSER_WORDS.contains(&w.as_str()))
                .collect();
            assert!(
                english.is_empty(),
                "{to:?}: English {english:?} in {part:?}"
            );
        }
        // The position: the first character of `at` in the broken text.
        let offset = text.find(at).unwrap_or_else(|| panic!("{at:?} in {to:?}"));
        let line = text[..offset].matches('\n').count() + 1;
        let col = text[..offset].rsplit('\n').next().unwrap().chars().count() + 1;
        assert_eq!(
            report.position(d),
            Some((line, col)),
            "{to:?}: {}",
            d.message
        );
        // Header and snippet name the same line and column, and no part of
        // the message is repeated below the header.
        let shown = report.render(false);
        assert!(
            shown.contains(&format!("test.yaml:{line}:{col}: ")),
            "{shown}"
        );
        assert!(
            shown.contains(&format!("╭─[test.yaml:{line}:{col}]")),
            "{shown}"
        );
        assert_eq!(shown.matches(says).count(), 1, "{shown}");
    }
}

#[test]
fn columns_count_characters_in_the_header_and_in_the_snippet() {
    let text = with(
        "naam: Schoolbesturen",
        "naam: Schoolbesturen\n            bron: \"Bètapunt éé\" :x",
    );
    let report = load_text(&text).expect_err("trailing text");
    let shown = report.render(false);
    let at = text.find(":x").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    assert!(
        shown.contains(&format!("test.yaml:{line}:{col}: ")),
        "{shown}"
    );
    assert!(
        shown.contains(&format!("╭─[test.yaml:{line}:{col}]")),
        "{shown}"
    );
}

#[test]
fn a_long_message_is_not_repeated_when_it_wraps() {
    let text = with(
        "naam: Plan van aanpak",
        "naam: Plan van aanpak\n            toelichting: Een heel lange toelichting: met een dubbele punt en veel woorden erachter die de regel vullen tot ver voorbij honderd tekens",
    );
    let shown = load_text(&text).expect_err("colon").render(false);
    // Every line after the header is the snippet or the hint.
    let after: Vec<&str> = shown.lines().skip(1).take(1).collect();
    assert!(after[0].trim_start().starts_with("╭─["), "{shown}");
}

#[test]
fn typographic_quotes_around_a_value_are_named() {
    for (typed, quotes) in [
        ("versie: \u{201C}1.0\u{201D}", "\u{201C} \u{201D}"),
        ("versie: \u{2018}1.0\u{2019}", "\u{2018} \u{2019}"),
        ("versie: \u{201E}1.0\u{201D}", "\u{201E} \u{201D}"),
    ] {
        let text = with(
            "  verslagjaar: 2016",
            &format!("  verslagjaar: 2016\n  {typed}"),
        );
        let loaded = load_text(&text).expect("a warning, not an error");
        let w: Vec<_> = loaded
            .warnings
            .warnings()
            .filter(|d| d.message.contains(quotes))
            .collect();
        assert_eq!(w.len(), 1, "{typed}: {}", loaded.warnings.render(false));
        assert_eq!(
            loaded.warnings.position(w[0]).map(|p| p.0),
            Some(line_of(&text, "versie")),
        );
        assert!(
            w[0].hint.as_deref().unwrap().contains("\"1.0\""),
            "{:?}",
            w[0].hint
        );
    }
    // Straight quotes and quotes inside a text are fine.
    for typed in ["versie: \"1.0\"", "versie: Het \u{201C}plan\u{201D} loopt"] {
        let text = with(
            "  verslagjaar: 2016",
            &format!("  verslagjaar: 2016\n  {typed}"),
        );
        let loaded = load_text(&text).unwrap();
        assert!(loaded.warnings.diagnostics.is_empty(), "{typed}");
    }
}

#[test]
fn the_example_date_in_a_hint_follows_the_report_year() {
    let text = with("publicatiedatum: 2017-03-15", "publicatiedatum: maart")
        .replace("verslagjaar: 2016", "verslagjaar: 2018")
        .replace(
            "metingen:\n              2015: 21\n              2016: 34",
            "metingen:\n              2015: 21",
        );
    let report = load_text(&text).expect_err("no date");
    let d = report
        .errors()
        .find(|d| d.message.contains("is geen datum"))
        .expect("the date is refused");
    assert!(
        d.hint.as_deref().unwrap().contains("2019-03-15"),
        "{:?}",
        d.hint
    );
}

#[test]
fn file_must_be_a_map() {
    expect_error(
        "- een\n- lijst\n",
        "- een",
        "het bestand moet een map met sleutels zijn",
    );
}

#[test]
fn only_one_document() {
    let text = format!("{BASE}---\nrapport: {{}}\n");
    expect_error(&text, "---", "meer dan één YAML-document");
}

// ---- semantic rules ----

#[test]
fn ids_are_unique() {
    let text = with(
        "- id: plan",
        "- id: plan\n            naam: Eerste\n            status: gepland\n          - id: plan",
    );
    let report = load_text(&text).expect_err("duplicate id");
    let second = text.match_indices("- id: plan").nth(1).unwrap().0;
    let line = text[..second].matches('\n').count() + 1;
    let found = problems(&report).into_iter().find(|(_, l, m, _)| {
        *l == line && m.contains("id 'plan' wordt al gebruikt door een andere actie")
    });
    let (_, _, _, hint) = found.unwrap_or_else(|| panic!("{:#?}", problems(&report)));
    assert!(hint.contains(&format!("regel {}", line_of(&text, "- id: plan"))));
}

#[test]
fn proposal_numbers_are_unique() {
    let text =
        format!("{BASE}  - nummer: 1\n    id: tweede\n    naam: Tweede\n    status: afgerond\n");
    let report = load_text(&text).expect_err("duplicate number");
    let line = text.lines().position(|l| l == "  - nummer: 1").unwrap();
    let second = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == "  - nummer: 1")
        .nth(1)
        .unwrap()
        .0
        + 1;
    assert!(line + 1 < second);
    assert!(
        problems(&report)
            .iter()
            .any(|(_, l, m, _)| *l == second && m.contains("nummer '1' wordt al gebruikt")),
        "{:#?}",
        problems(&report)
    );
}

#[test]
fn reference_to_unknown_actielijn_suggests_one() {
    let text = with("        actielijn: kiezen", "        actielijn: kiezn");
    let hint = expect_error(
        &text,
        "actielijn: kiezn",
        "er bestaat geen actielijn met id 'kiezn'",
    );
    assert_eq!(hint, "bedoelde u 'kiezen'?");
}

#[test]
fn reference_to_unknown_thema() {
    let text = with("    thema: po", "    thema: vo");
    let hint = expect_error(&text, "thema: vo", "er bestaat geen thema met id 'vo'");
    assert!(hint.contains("po"), "{hint}");
}

#[test]
fn target_year_after_baseline() {
    let text = with(
        "doel: {jaar: 2020, waarde: 77}",
        "doel: {jaar: 2014, waarde: 77}",
    );
    expect_error(
        &text,
        "doel:",
        "het doeljaar 2014 ligt niet na het jaar van de nulmeting (2014)",
    );
}

#[test]
fn rising_target_above_baseline() {
    let text = with(
        "doel: {jaar: 2020, waarde: 77}",
        "doel: {jaar: 2020, waarde: 5}",
    );
    let hint = expect_error(
        &text,
        "doel:",
        "het doel (5) is niet hoger dan de nulmeting (10)",
    );
    assert!(hint.contains("dalend"));
}

#[test]
fn falling_target_below_baseline() {
    let text = with(
        "eenheid: schoolbesturen",
        "eenheid: schoolbesturen\n            richting: dalend",
    );
    expect_error(
        &text,
        "doel:",
        "het doel (77) is niet lager dan de nulmeting (10)",
    );
}

#[test]
fn no_measurement_after_report_year() {
    let text = with("2016: 34", "2016: 34\n              2017: 40");
    expect_error(
        &text,
        "2017: 40",
        "meting voor 2017 ligt na het verslagjaar 2016",
    );
}

#[test]
fn no_breakdown_after_report_year() {
    let text = with("Drenthe: {2016: 14}", "Drenthe: {2016: 14, 2018: 3}");
    expect_error(
        &text,
        "Drenthe",
        "meting voor 2018 ligt na het verslagjaar 2016",
    );
}

#[test]
fn measurement_keys_are_years() {
    let text = with("2015: 21", "vorig jaar: 21");
    expect_error(&text, "vorig jaar", "'vorig jaar' is geen jaartal");
}

#[test]
fn thresholds_in_order() {
    let text = with("aandacht: 70", "aandacht: 95");
    expect_error(
        &text,
        "aandacht: 95",
        "de drempel 'aandacht' (95) moet lager zijn dan 'op_koers' (90)",
    );
}

#[test]
fn period_in_order() {
    let text = with(
        "  verslagjaar: 2016\n",
        "  verslagjaar: 2016\n  looptijd: {van: 2016, tot: 2014}\n",
    );
    expect_error(
        &text,
        "looptijd",
        "de looptijd begint (2016) na het einde (2014)",
    );
}

#[test]
fn dates_exist() {
    let text = with("publicatiedatum: 2017-03-15", "publicatiedatum: 2017-02-30");
    expect_error(
        &text,
        "publicatiedatum",
        "'2017-02-30' is geen bestaande datum",
    );
    let text = with("gereed: 2017-06-30", "gereed: 2016-13-01");
    expect_error(&text, "gereed", "'2016-13-01' is geen bestaande datum");
}

#[test]
fn logo_must_exist() {
    let text = with(
        "  landsdeel: Noord\n",
        "  landsdeel: Noord\n  logo: bestaat-niet.png\n",
    );
    let hint = expect_error(&text, "logo", "het logo 'bestaat-niet.png' bestaat niet");
    assert!(hint.contains("relatief aan de map van het gegevensbestand"));
}

#[test]
fn logo_must_be_png_or_svg() {
    let text = with(
        "  landsdeel: Noord\n",
        "  landsdeel: Noord\n  logo: logo.gif\n",
    );
    expect_error(
        &text,
        "logo",
        "het logo 'logo.gif' is geen PNG- of SVG-bestand",
    );
}

#[test]
fn breakdown_that_does_not_add_up_warns() {
    let text = with("Drenthe: {2016: 14}", "Drenthe: {2016: 10}");
    let loaded = load_text(&text).expect("a warning does not fail");
    let w = problems(&loaded.warnings);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].0, Severity::Warning);
    assert_eq!(w[0].1, line_of(&text, "uitsplitsing"));
    assert_eq!(
        w[0].2,
        "de uitsplitsing voor 2016 telt op tot 30, maar de meting is 34"
    );
    // --strikt turns it into an error.
    let report = load_strict(&text).expect_err("strict fails");
    assert!(report.has_errors());
    assert!(problems(&report)[0].2.contains("(fout door --strikt)"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = with("status: lopend", "status: klaar")
        .replace(
            "actielijn: kiezen\n        indicatoren",
            "actielijn: kiezn\n        indicatoren",
        )
        .replace("2016: 34", "2016: 34\n              2017: 40")
        .replace(
            "naam: Schoolbesturen",
            "naam: Schoolbesturen\n            kleur: blauw",
        );
    let report = load_text(&text).expect_err("invalid");
    let msgs: Vec<String> = problems(&report).into_iter().map(|p| p.2).collect();
    for expected in [
        "ongeldige waarde voor 'status'",
        "er bestaat geen actielijn met id 'kiezn'",
        "meting voor 2017 ligt na het verslagjaar 2016",
        "onbekende sleutel 'kleur'",
    ] {
        assert!(
            msgs.iter().any(|m| m.contains(expected)),
            "{expected:?} missing in {msgs:#?}"
        );
    }
}

#[test]
fn control_characters_are_removed_with_a_warning() {
    let text = with(
        "naam: Plan van aanpak",
        "naam: \"Plan\\u0007 van\\x1b aanpak\"",
    );
    let loaded = load_text(&text).expect("a warning only");
    let w = problems(&loaded.warnings);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].1, line_of(&text, "Plan"));
    assert!(w[0].2.contains("stuurtekens"));
    let actie = loaded.data.acties().next().unwrap();
    assert_eq!(actie.naam, "Plan van aanpak");
}

#[test]
fn control_characters_and_noncharacters_in_names_are_removed_with_a_warning() {
    let text = with(
        "Groningen: {2016: 20}",
        "\"Gronin\\ufffegen\\u0007\": {2016: 20}",
    );
    let loaded = load_text(&text).expect("a warning only");
    let w = problems(&loaded.warnings);
    assert_eq!(w.len(), 1, "{w:#?}");
    assert_eq!(w[0].1, line_of(&text, "Gronin"));
    assert!(w[0].2.contains("stuurtekens"));
    let ind = loaded.data.indicatoren().next().unwrap();
    let regions: Vec<&String> = ind.uitsplitsing.keys().collect();
    assert_eq!(regions, ["Groningen", "Drenthe"]);
}

#[test]
fn logo_outside_the_data_folder_needs_permission() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    std::fs::create_dir(&data_dir).unwrap();
    std::fs::write(
        dir.path().join("buiten.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let text = with(
        "  landsdeel: Noord\n",
        "  landsdeel: Noord\n  logo: ../buiten.svg\n",
    );
    let path = data_dir.join("x.yaml");
    let report =
        techniekpact::load::load_str(&path, &text, Default::default()).expect_err("outside");
    let (_, line, msg, hint) = problems(&report).remove(0);
    assert_eq!(line, line_of(&text, "logo:"));
    assert_eq!(
        msg,
        "het logo '../buiten.svg' ligt buiten de map van het gegevensbestand"
    );
    assert!(hint.contains("--sta-paden-toe"));
    let allowed = techniekpact::load::LoadOptions {
        allow_outside_paths: true,
        ..Default::default()
    };
    assert!(techniekpact::load::load_str(&path, &text, allowed).is_ok());
}

#[test]
fn characters_outside_the_font_are_refused_where_they_are() {
    let text = with("naam: Plan van aanpak", "naam: Plan 🕴 van aanpak");
    let hint = expect_error(
        &text,
        "🕴",
        "het teken '🕴' (U+1F574) staat niet in de lettertypen Noto Sans, Noto Emoji, Noto Sans Arabic, Noto Sans Hebrew",
    );
    assert!(hint.contains("PDF/A"), "{hint}");
    let report = load_text(&text).unwrap_err();
    let d = report.errors().next().unwrap();
    let line = text.lines().find(|l| l.contains('🕴')).unwrap();
    let column = line.chars().position(|c| c == '🕴').unwrap() + 1;
    assert_eq!(report.position(d), Some((line_of(&text, "🕴"), column)));
}

#[test]
fn invisible_format_characters_other_alphabets_and_emoji_in_the_fonts_are_accepted() {
    let text = with(
        "titel: Testrapport",
        "titel: \"Test\\u200Frapport \\u200B Ωμέγα Жук ĳs\\u00ADje 👍 🚀\"",
    );
    let loaded = load_text(&text).unwrap_or_else(|r| panic!("{}", r.render(false)));
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("tekens.yaml");
    std::fs::write(&data, &text).unwrap();
    // The default PDF/A-2a + PDF/UA-1 accepts every character the check lets through.
    maak_ok(&data, &dir.path().join("uit"), &[]);
    assert!(
        loaded.data.rapport.titel.contains("Жук") && loaded.data.rapport.titel.ends_with("👍 🚀")
    );
}

/// Found by fuzzing: a name of spaces or invisible characters became an empty
/// heading, which PDF/UA refuses.
#[test]
fn names_must_show_something() {
    let text = with("naam: Plan van aanpak", "naam: \"\\u200B \"");
    let hint = expect_error(
        &text,
        "\\u200B",
        "'naam' is leeg of bestaat alleen uit onzichtbare tekens",
    );
    assert!(hint.contains("kop"), "{hint}");
}

// ---- habits of Dutch data entry ----

#[test]
fn decimal_comma_in_a_flow_mapping_is_named() {
    let text = with(
        "doel: {jaar: 2020, waarde: 77}",
        "doel: {jaar: 2020, waarde: 77,5}",
    );
    let report = load_text(&text).expect_err("refused");
    let all = problems(&report);
    assert!(
        !all.iter()
            .any(|(_, _, m, _)| m.contains("onbekende sleutel")),
        "{all:#?}"
    );
    let hint = expect_error(
        &text,
        "waarde: 77,5",
        "'77,5' wordt gelezen als twee waarden, want tussen { } scheidt een komma de waarden; bedoeld is waarschijnlijk 77,5",
    );
    assert!(hint.starts_with("schrijf 77.5: "), "{hint}");
    // The position is the decimals, on the line of the number.
    let d = &report.diagnostics[0];
    let at = d.span.as_ref().expect("a position").start;
    assert_eq!(&text[at..at + 1], "5");
}

#[test]
fn decimal_comma_in_a_measurement_names_its_year() {
    let text = with("              2016: 34\n", "              2016: 34,5\n");
    let hint = expect_error(
        &text,
        "2016: 34,5",
        "'2016' moet een getal zijn, maar '34,5' is tekst: in dit bestand is de punt het decimaalteken",
    );
    assert!(hint.starts_with("schrijf 34.5: "), "{hint}");
    let report = load_text(&text).unwrap_err();
    assert!(
        !problems(&report)
            .iter()
            .any(|(_, _, m, _)| m.contains("van de lijst")),
        "metingen is a map of years, not a list"
    );
}

#[test]
fn tab_in_the_indentation_is_pointed_at() {
    let text = with(
        "            eenheid: schoolbesturen\n",
        "\t    eenheid: schoolbesturen\n",
    );
    let report = load_text(&text).expect_err("refused");
    let all = problems(&report);
    assert_eq!(all.len(), 1, "{all:#?}");
    let (severity, line, message, hint) = &all[0];
    assert_eq!(*severity, Severity::Error);
    assert_eq!(*line, line_of(&text, "\t    eenheid"));
    assert_eq!(message, "een tab in de inspringing");
    assert!(hint.contains("spaties"), "{hint}");
    assert_eq!(report.position(&report.diagnostics[0]), Some((*line, 1)));
}

// ---- chart names, years and numbers in range ----

#[test]
fn an_indicator_may_not_take_the_overview_charts_name() {
    let text = with("- id: besturen", "- id: overzicht");
    let hint = expect_error(
        &text,
        "- id: overzicht",
        "de id 'overzicht' is al de naam van de overzichtsgrafiek",
    );
    assert!(hint.contains("kies een andere id"), "{hint}");
}

#[test]
fn an_indicator_may_not_take_another_ones_breakdown_chart() {
    let second = "          - id: besturen-uitsplitsing\n            naam: Tweede\n            eenheid: scholen\n            nulmeting: {jaar: 2014, waarde: 1}\n            doel: {jaar: 2020, waarde: 7}\n        acties:\n";
    let text = with("        acties:\n", second);
    expect_error(
        &text,
        "- id: besturen-uitsplitsing",
        "de id 'besturen-uitsplitsing' is al de naam van de grafiek van de uitsplitsing van indicator 'besturen'",
    );
}

#[test]
fn years_outside_the_range_are_refused_where_they_stand() {
    for (from, to, marker) in [
        (
            "nulmeting: {jaar: 2014",
            "nulmeting: {jaar: -2000000000",
            "-2000000000",
        ),
        (
            "nulmeting: {jaar: 2014",
            "nulmeting: {jaar: 1000",
            "jaar: 1000",
        ),
        ("doel: {jaar: 2020", "doel: {jaar: 2200", "jaar: 2200"),
        (
            "              2015: 21\n",
            "              1900: 21\n",
            "1900: 21",
        ),
        ("gereed: 2017-06-30", "gereed: 3000", "gereed: 3000"),
    ] {
        let text = with(from, to);
        let hint = expect_error(&text, marker, "ligt buiten 1950-2100");
        assert!(hint.contains("tussen 1950 en 2100"), "{hint}");
    }
}

#[test]
fn numbers_too_large_to_print_are_refused() {
    let text = with(
        "doel: {jaar: 2020, waarde: 77}",
        "doel: {jaar: 2020, waarde: 1e308}",
    );
    expect_error(&text, "1e308", "is te groot voor het rapport");
}
