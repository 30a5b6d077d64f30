//! The semantic rules of the data contract, checked on the raw document so
//! that they run (and report) even when other parts of the file are broken.
//!
//! Each rule is one function that looks at what it can find, skips what is
//! missing or malformed (the schema check reports that), and returns its
//! problems with source positions.

use std::collections::HashMap;

use serde_json::Value;

use crate::diagnostics::Diagnostic;
use crate::load::doc::{Doc, acties, indicatoren, list, themas};
use crate::load::positions::escape_segment;
use crate::load::suggest::did_you_mean;

type Rule = fn(&Doc) -> Vec<Diagnostic>;

/// Every semantic rule, in the order of the contract.
pub const RULES: &[(&str, Rule)] = &[
    ("unieke ids", unique_ids),
    ("unieke grafieknamen", chart_names),
    ("verwijzingen", references),
    ("doel na nulmeting", target_after_baseline),
    ("richting van het doel", target_direction),
    ("geen meting na verslagjaar", no_future_measurements),
    ("drempels", thresholds),
    ("looptijd", period),
    ("datums", dates),
    ("jaartallen als sleutel", year_keys),
    ("jaartallen binnen bereik", years_in_range),
    ("getallen binnen bereik", numbers_in_range),
    ("logo", logo_exists),
    ("uitsplitsing telt op", breakdown_adds_up),
    ("tekens in het lettertype", printable_characters),
    ("cijfers zoals bedoeld", crate::load::figures::check),
    ("tekst na ' #'", crate::load::text_comments::check),
    (
        "verwijzingen in teksten",
        crate::load::text_references::check,
    ),
];

/// Every character must be in the embedded fonts: PDF/A refuses a document
/// with characters it cannot show (scripts outside Noto Sans, emoji newer
/// than Noto Emoji). Names
/// (headings) must show at least one character.
pub fn printable_characters(doc: &Doc) -> Vec<Diagnostic> {
    /// Keys whose text becomes a heading or the title.
    const NAMES: &[&str] = &["naam", "titel", "landsdeel"];
    fn problem(doc: &Doc, text: &str, span: Option<std::ops::Range<usize>>) -> Option<Diagnostic> {
        let c = text.chars().find(|&c| !crate::fonts::can_show(c))?;
        // Point at the character itself when the source spells it literally.
        let at = span.map(|s| {
            let start = doc.text[s.clone()].find(c).map_or(s.start, |i| s.start + i);
            start..start + c.len_utf8()
        });
        Some(
            Diagnostic::error(format!(
                "het teken '{c}' (U+{:04X}) staat niet in de lettertypen {}, {} en kan niet in de PDF",
                c as u32,
                crate::fonts::FAMILY,
                crate::fonts::FALLBACK_FAMILIES.join(", ")
            ))
            .at_opt(at)
            .label("onbekend teken")
            .hint("laat het teken weg of schrijf het uit; PDF/A eist dat elk teken te zien is"),
        )
    }
    fn walk(doc: &Doc, v: &Value, pointer: String, out: &mut Vec<Diagnostic>) {
        match v {
            Value::String(s) => {
                out.extend(problem(doc, s, doc.index.value(&pointer)));
                // Names become headings, and an accessible PDF has no empty headings.
                let key = pointer.rsplit('/').next().unwrap_or_default();
                if NAMES.contains(&key) && !s.chars().any(crate::fonts::is_visible) {
                    out.push(
                        Diagnostic::error(format!(
                            "'{key}' is leeg of bestaat alleen uit onzichtbare tekens"
                        ))
                        .at_opt(doc.index.value(&pointer))
                        .label("lege naam")
                        .hint("geef een naam die als kop in het rapport kan staan"),
                    );
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(doc, item, format!("{pointer}/{i}"), out);
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let p = format!("{pointer}/{}", escape_segment(k));
                    out.extend(problem(doc, k, doc.index.key(&p)));
                    walk(doc, item, p, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, doc.value, String::new(), &mut out);
    out
}

/// Run every rule.
pub fn check(doc: &Doc) -> Vec<Diagnostic> {
    RULES.iter().flat_map(|(_, rule)| rule(doc)).collect()
}

/// 1-based line of the node at `pointer`.
fn line(doc: &Doc, pointer: &str) -> usize {
    let offset = doc.index.value(pointer).map_or(0, |s| s.start);
    crate::text_position::line_col(doc.text, offset).0
}

/// Ids (and doe-voorstel numbers) must be unique within their kind.
pub fn unique_ids(doc: &Doc) -> Vec<Diagnostic> {
    // (what, "een ander(e) ...", items, key)
    type Group<'a> = (&'a str, &'a str, Vec<(String, Value)>, &'a str);
    let groups: Vec<Group> = vec![
        (
            "actielijn",
            "een andere actielijn",
            list(doc, "/actielijnen"),
            "id",
        ),
        (
            "onderdeel",
            "een ander onderdeel",
            list(doc, "/onderdelen"),
            "id",
        ),
        ("thema", "een ander thema", themas(doc), "id"),
        ("indicator", "een andere indicator", indicatoren(doc), "id"),
        ("actie", "een andere actie", acties(doc), "id"),
        (
            "doe-voorstel",
            "een ander doe-voorstel",
            list(doc, "/doe_voorstellen"),
            "id",
        ),
        (
            "doe-voorstel",
            "een ander doe-voorstel",
            list(doc, "/doe_voorstellen"),
            "nummer",
        ),
    ];
    let mut out = Vec::new();
    for (kind, other, items, key) in groups {
        let mut seen: HashMap<String, String> = HashMap::new();
        for (p, v) in items {
            let Some(id) = v.get(key).filter(|v| v.is_string() || v.is_number()) else {
                continue;
            };
            let id = id.as_str().map_or_else(|| id.to_string(), str::to_string);
            let here = format!("{p}/{key}");
            if let Some(first) = seen.get(&id) {
                let first_at = line(doc, first);
                out.push(
                    Diagnostic::error(format!("{key} '{id}' wordt al gebruikt door {other}"))
                        .at_opt(doc.index.value(&here))
                        .label(format!("dubbel {key}"))
                        .hint(format!(
                            "elk {kind} heeft een eigen {key}; het eerste staat op regel {first_at}"
                        )),
                );
            } else {
                seen.insert(id, here);
            }
        }
    }
    out
}

fn ids(items: Vec<(String, Value)>) -> Vec<String> {
    items
        .iter()
        .filter_map(|(_, v)| v.get("id").and_then(Value::as_str).map(str::to_string))
        .collect()
}

/// `actielijn` and `thema` must name an existing id.
pub fn references(doc: &Doc) -> Vec<Diagnostic> {
    let actielijnen = ids(list(doc, "/actielijnen"));
    let thema_ids = ids(themas(doc));
    let mut refs: Vec<(String, &str, &Vec<String>)> = Vec::new();
    for (p, _) in themas(doc) {
        refs.push((format!("{p}/actielijn"), "actielijn", &actielijnen));
    }
    for (p, _) in list(doc, "/doe_voorstellen") {
        refs.push((format!("{p}/actielijn"), "actielijn", &actielijnen));
        refs.push((format!("{p}/thema"), "thema", &thema_ids));
    }
    let mut out = Vec::new();
    for (pointer, kind, known) in refs {
        let Some(target) = doc.value.pointer(&pointer).and_then(Value::as_str) else {
            continue;
        };
        if known.iter().any(|k| k == target) {
            continue;
        }
        let mut d = Diagnostic::error(format!("er bestaat geen {kind} met id '{target}'"))
            .at_opt(doc.index.value(&pointer))
            .label(format!("onbekende {kind}"));
        d = match did_you_mean(target, known) {
            Some(s) => d.hint(format!("bedoelde u '{s}'?")),
            None if known.is_empty() => d.hint(format!("er zijn nog geen {kind}en gedefinieerd")),
            None => d.hint(format!("bestaande ids: {}", known.join(", "))),
        };
        out.push(d);
    }
    out
}

fn number(v: &Value, pointer: &str) -> Option<f64> {
    v.pointer(pointer).and_then(Value::as_f64)
}

fn int(v: &Value, pointer: &str) -> Option<i64> {
    v.pointer(pointer).and_then(Value::as_i64)
}

/// An indicator's id names its chart files (`<id>.svg`,
/// `<id>-uitsplitsing.svg`): it may not be the overview chart's name or
/// another indicator's breakdown chart.
pub fn chart_names(doc: &Doc) -> Vec<Diagnostic> {
    use crate::model::{BREAKDOWN_SUFFIX, OVERVIEW_CHART};
    let items = indicatoren(doc);
    let ids: Vec<&str> = items
        .iter()
        .filter_map(|(_, v)| v.get("id").and_then(Value::as_str))
        .collect();
    let mut out = Vec::new();
    for (p, v) in &items {
        let Some(id) = v.get("id").and_then(Value::as_str) else {
            continue;
        };
        let taken = if id == OVERVIEW_CHART {
            Some("de overzichtsgrafiek van het rapport".to_string())
        } else {
            id.strip_suffix(BREAKDOWN_SUFFIX)
                .filter(|other| ids.contains(other))
                .map(|other| format!("de grafiek van de uitsplitsing van indicator '{other}'"))
        };
        if let Some(taken) = taken {
            out.push(
                Diagnostic::error(format!(
                    "de id '{id}' is al de naam van {taken} ({id}.svg)"
                ))
                .at_opt(doc.index.value(&format!("{p}/id")))
                .label("naam van een andere grafiek")
                .hint("de id van een indicator is ook de naam van zijn grafiek; kies een andere id"),
            );
        }
    }
    out
}

/// The years the data format accepts: wide enough for any programme, narrow
/// enough for a readable chart axis.
pub const FIRST_YEAR: i64 = 1950;
pub const LAST_YEAR: i64 = 2100;

/// Every year (nulmeting, doel, metingen, uitsplitsing, looptijd, gereed)
/// lies in `FIRST_YEAR..=LAST_YEAR`.
pub fn years_in_range(doc: &Doc) -> Vec<Diagnostic> {
    let mut places: Vec<(String, i64, bool)> = Vec::new();
    for (p, v) in indicatoren(doc) {
        for key in ["nulmeting", "doel"] {
            if let Some(y) = int(&v, &format!("/{key}/jaar")) {
                places.push((format!("{p}/{key}/jaar"), y, false));
            }
        }
        for (pointer, key) in year_entries(&p, &v) {
            if let Ok(y) = key.trim().parse::<i64>() {
                places.push((pointer, y, true));
            }
        }
    }
    for key in ["van", "tot"] {
        if let Some(y) = int(doc.value, &format!("/rapport/looptijd/{key}")) {
            places.push((format!("/rapport/looptijd/{key}"), y, false));
        }
    }
    for (p, v) in acties(doc) {
        if let Some(y) = v.get("gereed").and_then(Value::as_i64) {
            places.push((format!("{p}/gereed"), y, false));
        }
    }
    places
        .into_iter()
        .filter(|(_, y, _)| !(FIRST_YEAR..=LAST_YEAR).contains(y))
        .map(|(pointer, y, is_key)| {
            let at = if is_key {
                doc.index.key(&pointer)
            } else {
                doc.index.value(&pointer)
            };
            Diagnostic::error(format!(
                "het jaar {y} ligt buiten {FIRST_YEAR}-{LAST_YEAR}"
            ))
            .at_opt(at)
            .label("jaar buiten bereik")
            .hint(format!(
                "een jaartal in de voortgangsgegevens ligt tussen {FIRST_YEAR} en {LAST_YEAR}; is er een cijfer te veel of te weinig getypt?"
            ))
        })
        .collect()
}

/// The largest figure the report can print exactly with Dutch thousands
/// separators (below 2^53).
pub const LARGEST_NUMBER: f64 = 1e15;

/// Every figure (nulmeting, doel, metingen, uitsplitsing) lies within
/// `-LARGEST_NUMBER..=LARGEST_NUMBER`.
pub fn numbers_in_range(doc: &Doc) -> Vec<Diagnostic> {
    let mut places: Vec<(String, f64)> = Vec::new();
    for (p, v) in indicatoren(doc) {
        for key in ["nulmeting", "doel"] {
            if let Some(x) = number(&v, &format!("/{key}/waarde")) {
                places.push((format!("{p}/{key}/waarde"), x));
            }
        }
        for (pointer, _) in year_entries(&p, &v) {
            let rel = pointer.strip_prefix(&p).unwrap_or(&pointer);
            if let Some(x) = v.pointer(rel).and_then(Value::as_f64) {
                places.push((pointer, x));
            }
        }
    }
    places
        .into_iter()
        .filter(|(_, x)| x.abs() > LARGEST_NUMBER)
        .map(|(pointer, x)| {
            Diagnostic::error(format!(
                "het getal {x:e} is te groot voor het rapport"
            ))
            .at_opt(doc.index.value(&pointer))
            .label("te groot")
            .hint("getallen in de voortgangsgegevens liggen tussen -1.000.000.000.000.000 en 1.000.000.000.000.000; is de eenheid juist?")
        })
        .collect()
}

/// `doel.jaar` must come after `nulmeting.jaar`.
pub fn target_after_baseline(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (p, v) in indicatoren(doc) {
        let (Some(j0), Some(j1)) = (int(&v, "/nulmeting/jaar"), int(&v, "/doel/jaar")) else {
            continue;
        };
        if j1 <= j0 {
            out.push(
                Diagnostic::error(format!(
                    "het doeljaar {j1} ligt niet na het jaar van de nulmeting ({j0})"
                ))
                .at_opt(doc.index.value(&format!("{p}/doel/jaar")))
                .label("doeljaar te vroeg")
                .hint(format!("kies een doeljaar na {j0}")),
            );
        }
    }
    out
}

/// The target must lie above the baseline (`stijgend`) or below it (`dalend`).
pub fn target_direction(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (p, v) in indicatoren(doc) {
        let (Some(w0), Some(w1)) = (number(&v, "/nulmeting/waarde"), number(&v, "/doel/waarde"))
        else {
            continue;
        };
        let dalend = v.get("richting").and_then(Value::as_str) == Some("dalend");
        let ok = if dalend { w1 < w0 } else { w1 > w0 };
        if !ok {
            let (what, hint) = if dalend {
                (
                    "lager",
                    "bij richting 'dalend' moet het doel onder de nulmeting liggen; of bedoelt u richting 'stijgend'?",
                )
            } else {
                (
                    "hoger",
                    "bij richting 'stijgend' (standaard) moet het doel boven de nulmeting liggen; of bedoelt u 'richting: dalend'?",
                )
            };
            out.push(
                Diagnostic::error(format!(
                    "het doel ({}) is niet {what} dan de nulmeting ({})",
                    crate::format_nl::number_plain(w1),
                    crate::format_nl::number_plain(w0)
                ))
                .at_opt(doc.index.value(&format!("{p}/doel/waarde")))
                .label(format!("moet {what} zijn dan de nulmeting"))
                .hint(hint),
            );
        }
    }
    out
}

/// Years that are map keys (metingen, uitsplitsing) as `(pointer, year)`.
fn year_entries(indicator: &str, v: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(m) = v.get("metingen").and_then(Value::as_object) {
        for k in m.keys() {
            out.push((
                format!("{indicator}/metingen/{}", escape_segment(k)),
                k.clone(),
            ));
        }
    }
    if let Some(regions) = v.get("uitsplitsing").and_then(Value::as_object) {
        for (r, years) in regions {
            if let Some(years) = years.as_object() {
                for k in years.keys() {
                    out.push((
                        format!(
                            "{indicator}/uitsplitsing/{}/{}",
                            escape_segment(r),
                            escape_segment(k)
                        ),
                        k.clone(),
                    ));
                }
            }
        }
    }
    out
}

/// No measurement may lie after `verslagjaar`.
pub fn no_future_measurements(doc: &Doc) -> Vec<Diagnostic> {
    let Some(jaar) = int(doc.value, "/rapport/verslagjaar") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (p, v) in indicatoren(doc) {
        for (pointer, key) in year_entries(&p, &v) {
            let Ok(y) = key.trim().parse::<i64>() else {
                continue;
            };
            if y > jaar {
                out.push(
                    Diagnostic::error(format!(
                        "meting voor {y} ligt na het verslagjaar {jaar}"
                    ))
                    .at_opt(doc.index.key(&pointer))
                    .label("na het verslagjaar")
                    .hint(format!(
                        "een rapport over {jaar} bevat alleen metingen tot en met {jaar}; zet latere metingen in het bestand van dat jaar"
                    )),
                );
            }
        }
    }
    out
}

/// Keys of `metingen` and `uitsplitsing` must be years.
pub fn year_keys(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (p, v) in indicatoren(doc) {
        let remarks = v
            .get("opmerkingen")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.keys())
            .map(|k| (format!("{p}/opmerkingen/{}", escape_segment(k)), k.clone()));
        for (pointer, key) in year_entries(&p, &v).into_iter().chain(remarks) {
            if key.trim().parse::<i64>().is_err() {
                out.push(
                    Diagnostic::error(format!("'{key}' is geen jaartal"))
                        .at_opt(doc.index.key(&pointer))
                        .label("verwacht een jaartal")
                        .hint("de sleutels van 'metingen', 'opmerkingen' en van elke regio in 'uitsplitsing' zijn jaartallen, bijvoorbeeld '2016: 34'"),
                );
            }
        }
    }
    out
}

/// `0 < aandacht < op_koers <= 200`.
pub fn thresholds(doc: &Doc) -> Vec<Diagnostic> {
    let op_koers = number(doc.value, "/statusregels/op_koers").unwrap_or(90.0);
    let aandacht = number(doc.value, "/statusregels/aandacht").unwrap_or(70.0);
    if aandacht < op_koers {
        return Vec::new();
    }
    let at = if doc.index.contains("/statusregels/aandacht") {
        "/statusregels/aandacht"
    } else {
        "/statusregels/op_koers"
    };
    vec![
        Diagnostic::error(format!(
            "de drempel 'aandacht' ({}) moet lager zijn dan 'op_koers' ({})",
            crate::format_nl::number_plain(aandacht),
            crate::format_nl::number_plain(op_koers)
        ))
        .at_opt(doc.index.value(at))
        .label("drempels in de verkeerde volgorde")
        .hint("er moet gelden: 0 < aandacht < op_koers <= 200, bijvoorbeeld aandacht: 70 en op_koers: 90"),
    ]
}

/// `looptijd.van <= looptijd.tot`.
pub fn period(doc: &Doc) -> Vec<Diagnostic> {
    match (
        int(doc.value, "/rapport/looptijd/van"),
        int(doc.value, "/rapport/looptijd/tot"),
    ) {
        (Some(van), Some(tot)) if van > tot => vec![
            Diagnostic::error(format!("de looptijd begint ({van}) na het einde ({tot})"))
                .at_opt(doc.index.value("/rapport/looptijd/tot"))
                .label("eindjaar voor beginjaar")
                .hint("er moet gelden: van <= tot"),
        ],
        _ => Vec::new(),
    }
}

/// Dates must exist in the calendar (the schema checks only their shape).
pub fn dates(doc: &Doc) -> Vec<Diagnostic> {
    let mut pointers = vec!["/rapport/publicatiedatum".to_string()];
    pointers.extend(acties(doc).into_iter().map(|(p, _)| format!("{p}/gereed")));
    let mut out = Vec::new();
    for p in pointers {
        let Some(s) = doc.value.pointer(&p).and_then(Value::as_str) else {
            continue;
        };
        let shaped = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if shaped && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() {
            out.push(
                Diagnostic::error(format!("'{s}' is geen bestaande datum"))
                    .at_opt(doc.index.value(&p))
                    .label("deze dag bestaat niet")
                    .hint("controleer dag en maand (JJJJ-MM-DD)"),
            );
        }
    }
    out
}

/// The logo must be an existing PNG or SVG file, relative to the YAML file.
pub fn logo_exists(doc: &Doc) -> Vec<Diagnostic> {
    let Some(logo) = doc.value.pointer("/rapport/logo").and_then(Value::as_str) else {
        return Vec::new();
    };
    let at = doc.index.value("/rapport/logo");
    let path = doc.base_dir.join(logo);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if !matches!(ext.as_deref(), Some("png" | "svg")) {
        return vec![
            Diagnostic::error(format!("het logo '{logo}' is geen PNG- of SVG-bestand"))
                .at_opt(at)
                .label("verwacht .png of .svg")
                .hint("sla het logo op als PNG of SVG"),
        ];
    }
    if path.is_file() && !doc.allow_outside_paths {
        let inside = match (path.canonicalize(), doc.base_dir.canonicalize()) {
            (Ok(p), Ok(base)) => p.starts_with(base),
            _ => false,
        };
        if !inside {
            return vec![
                Diagnostic::error(format!("het logo '{logo}' ligt buiten de map van het gegevensbestand"))
                    .at_opt(at)
                    .label("buiten de gegevensmap")
                    .hint("zet het logo naast het gegevensbestand, of sta dit bewust toe met --sta-paden-toe"),
            ];
        }
    }
    if !path.is_file() {
        return vec![
            Diagnostic::error(format!("het logo '{logo}' bestaat niet"))
                .at_opt(at)
                .label("bestand niet gevonden")
                .hint(format!(
                    "het pad is relatief aan de map van het gegevensbestand: gezocht is naar {}",
                    path.display()
                )),
        ];
    }
    match std::fs::read(&path) {
        Ok(bytes) => unreadable_logo(logo, ext.as_deref() == Some("svg"), &bytes)
            .map(|d| d.at_opt(at))
            .into_iter()
            .collect(),
        Err(e) => vec![
            Diagnostic::error(format!("het logo '{logo}' kan niet gelezen worden ({e})"))
                .at_opt(at)
                .hint("controleer de rechten op het bestand"),
        ],
    }
}

/// Why the logo's bytes are no image the report can show, read as `maak`
/// will read them: an SVG parsed as the PDF's Typst parses it, a PNG by
/// its signature and header.
pub fn unreadable_logo(logo: &str, svg: bool, bytes: &[u8]) -> Option<Diagnostic> {
    let kind = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("een JPEG-afbeelding")
    } else if bytes.starts_with(b"GIF8") {
        Some("een GIF-afbeelding")
    } else if bytes.starts_with(b"%PDF") {
        Some("een PDF-bestand")
    } else if bytes.starts_with(b"\x89PNG") && svg {
        Some("een PNG-afbeelding")
    } else {
        None
    };
    let want = if svg { "SVG" } else { "PNG" };
    if bytes.is_empty() {
        return Some(
            Diagnostic::error(format!("het logo '{logo}' is een leeg bestand"))
                .label("leeg bestand")
                .hint(format!("sla het logo opnieuw op als {want}")),
        );
    }
    if let Some(kind) = kind {
        return Some(
            Diagnostic::error(format!(
                "het logo '{logo}' is {kind}, geen {want}, al heeft het die naam"
            ))
            .label(format!("geen {want}"))
            .hint(format!(
                "sla het logo op als {want} (in een tekenprogramma: Exporteren als {want}); een andere naam alleen maakt er geen {want} van"
            )),
        );
    }
    let problem = if svg {
        let options = resvg::usvg::Options::default();
        resvg::usvg::Tree::from_data(bytes, &options)
            .err()
            .map(|e| match e {
                resvg::usvg::Error::NotAnUtf8Str => "het is geen UTF-8-tekst".to_string(),
                resvg::usvg::Error::ParsingFailed(x) => {
                    let pos = x.pos();
                    format!(
                        "de XML is onjuist op regel {}, kolom {} van het logo",
                        pos.row, pos.col
                    )
                }
                resvg::usvg::Error::InvalidSize => {
                    "het heeft geen geldige breedte en hoogte (width, height of viewBox)"
                        .to_string()
                }
                resvg::usvg::Error::ElementsLimitReached => {
                    "het heeft te veel elementen".to_string()
                }
                resvg::usvg::Error::MalformedGZip => {
                    "het is een kapot gecomprimeerd bestand (svgz)".to_string()
                }
            })
    } else {
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        decoder
            .read_info()
            .err()
            .map(|_| "het is geen leesbare PNG-afbeelding".to_string())
    };
    problem.map(|why| {
        Diagnostic::error(format!("het logo '{logo}' kan niet in het rapport: {why}"))
            .label(format!("onleesbare {want}"))
            .hint(format!(
                "open het logo in een tekenprogramma en sla het opnieuw op als {want}"
            ))
    })
}

/// Warning: the parts of an `uitsplitsing` should add up to the measurement.
pub fn breakdown_adds_up(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (p, v) in indicatoren(doc) {
        let (Some(metingen), Some(regions)) = (
            v.get("metingen").and_then(Value::as_object),
            v.get("uitsplitsing").and_then(Value::as_object),
        ) else {
            continue;
        };
        let decimals = v
            .get("decimalen")
            .and_then(Value::as_i64)
            .unwrap_or(0)
            .clamp(0, 3) as i32;
        let tolerance = 0.5 * 10f64.powi(-decimals) + 1e-9;
        for (year, total) in metingen {
            let Some(total) = total.as_f64() else {
                continue;
            };
            let parts: Vec<f64> = regions
                .values()
                .filter_map(|years| years.get(year).and_then(Value::as_f64))
                .collect();
            if parts.is_empty() {
                continue;
            }
            let sum: f64 = parts.iter().sum();
            if (sum - total).abs() > tolerance {
                let region_pointer = format!("{p}/uitsplitsing");
                out.push(
                    Diagnostic::warning(format!(
                        "de uitsplitsing voor {year} telt op tot {}, maar de meting is {}",
                        crate::format_nl::number_plain(sum),
                        crate::format_nl::number_plain(total)
                    ))
                    .at_opt(doc.index.key(&region_pointer))
                    .label("telt niet op")
                    .hint(format!(
                        "controleer de waarden voor {year} per regio of de meting zelf (regel met '{year}:' onder 'metingen')"
                    )),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    //! The rules one at a time on a small text: each problem at the place
    //! to change, without loading a whole file.

    use super::*;

    const TEXT: &str = "rapport:
  verslagjaar: 2016
actielijnen:
  - id: kiezen
onderdelen:
  - id: deel
    themas:
      - id: po
        actielijn: kiezn
        indicatoren:
          - id: besturen
            nulmeting: {jaar: 2016, waarde: 10}
            doel: {jaar: 2015, waarde: 77}
            metingen:
              2017: 34
          - id: besturen
";

    /// The problems `rule` finds in [`TEXT`], as (line, column, message).
    fn found(rule: Rule) -> Vec<(usize, usize, String)> {
        crate::load::doc::problems_in(TEXT, rule)
            .into_iter()
            .map(|(l, c, d)| (l, c, d.message))
            .collect()
    }

    #[test]
    fn a_second_id_is_named_where_it_stands() {
        assert_eq!(
            found(unique_ids),
            [(
                16,
                17,
                "id 'besturen' wordt al gebruikt door een andere indicator".to_string()
            )]
        );
    }

    #[test]
    fn a_reference_to_no_id_is_named_at_the_reference() {
        let f = found(references);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].0, f[0].1), (9, 20));
    }

    #[test]
    fn a_target_year_before_the_baseline_is_named_at_the_target_year() {
        let f = found(target_after_baseline);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].0, f[0].1), (13, 26), "{f:?}");
    }

    #[test]
    fn a_measurement_after_the_report_year_is_named_at_its_year() {
        assert_eq!(
            found(no_future_measurements),
            [(
                15,
                15,
                "meting voor 2017 ligt na het verslagjaar 2016".to_string()
            )]
        );
    }
}
