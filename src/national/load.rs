//! Reading `LANDELIJK.yaml` and the landsdelen's files it names, with the
//! checks of the contract: the national file against its schema and its
//! own rules, each landsdeel file as `controleer` checks it (its problems
//! under its own path), and what holds between them (one verslagjaar, the
//! same names, known national indicators and action lines with the same
//! units, no concept under a definitief report). Every problem of every
//! file comes at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Problems, Severity, SourceText};
use crate::load::doc::{Doc, list};
use crate::load::schema::Contract;
use crate::load::suggest::did_you_mean;
use crate::load::{self, LoadOptions, Loaded, PositionIndex, readiness, schema_check, validate};
use crate::model::RapportStatus;

use super::model::Landelijk;

/// What a national file begins with, for an empty file or one that is no
/// map.
const NATIONAL_START: &str =
    "een landelijk bestand begint met 'rapport:', 'landsdelen:' en 'actielijnen:'";

/// A landsdeel of the overview: its name, and its loaded file when it
/// delivered one.
#[derive(Debug, Clone)]
pub struct Member {
    pub naam: String,
    /// The file as given in `LANDELIJK.yaml`, relative to it.
    pub bestand: Option<String>,
    pub loaded: Option<Loaded>,
}

/// A national file that passed its checks, with its landsdelen.
#[derive(Debug, Clone)]
pub struct LoadedNational {
    pub path: PathBuf,
    pub source: SourceText,
    pub data: Landelijk,
    pub index: PositionIndex,
    /// The landsdelen in the order of the file.
    pub members: Vec<Member>,
    /// The warnings of the national file and of each landsdeel file.
    pub warnings: Vec<Problems>,
}

impl LoadedNational {
    /// Folder of `LANDELIJK.yaml`; the landsdelen's files and the logo are
    /// relative to it.
    pub fn base_dir(&self) -> PathBuf {
        load::base_dir(&self.path)
    }

    /// The landsdelen that delivered a file, with it.
    pub fn delivered(&self) -> impl Iterator<Item = (&Member, &Loaded)> {
        self.members
            .iter()
            .filter_map(|m| m.loaded.as_ref().map(|l| (m, l)))
    }
}

/// Whether `text` is a national file (it lists `landsdelen:` at the top
/// level), for the commands that take either kind of file.
pub fn is_national(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("landsdelen:"))
}

/// Whether the file at `path` is a national file; a file that cannot be
/// read is not (its loader says why).
pub fn is_national_file(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| is_national(&t))
}

/// Load and check `LANDELIJK.yaml` at `path` and every landsdeel file it
/// names; the problems of every file, each under its own path.
pub fn load(path: &Path, options: LoadOptions) -> Result<LoadedNational, Vec<Problems>> {
    let text = load::read_text(path).map_err(|p| vec![p])?;
    let parsed = load::parse(path, &text, NATIONAL_START).map_err(|p| vec![p])?;
    let mut diagnostics = parsed.diagnostics;
    let (value, index, source) = (parsed.value, parsed.index, parsed.source);
    // `optellen: true` means ja: said as such, instead of the schema's
    // two messages about its type.
    let yes_no = yes_no_as_booleans(&value, &index);
    let said: Vec<Option<std::ops::Range<usize>>> = yes_no.iter().map(|d| d.span.clone()).collect();
    diagnostics.extend(yes_no);
    diagnostics.extend(
        schema_check::check(Contract::national(), &value, &index, &text)
            .into_iter()
            .filter(|d| d.span.is_none() || !said.contains(&d.span)),
    );
    let base = load::base_dir(path);
    let doc = Doc {
        value: &value,
        index: &index,
        text: &text,
        base_dir: &base,
        allow_outside_paths: options.allow_outside_paths,
    };
    for rule in [
        validate::printable_characters,
        validate::unique_ids,
        validate::dates,
        validate::logo_exists,
        unique_names,
    ] {
        diagnostics.extend(rule(&doc));
    }
    let year = value
        .pointer("/rapport/verslagjaar")
        .and_then(Value::as_i64);
    let definitief = value.pointer("/rapport/status").and_then(Value::as_str) == Some("definitief");
    let national_ids = ids(&doc, "/indicatoren");
    let units: BTreeMap<String, String> = list(&doc, "/indicatoren")
        .into_iter()
        .filter_map(|(_, v)| {
            Some((
                v.get("id")?.as_str()?.to_string(),
                v.get("eenheid")?.as_str()?.to_string(),
            ))
        })
        .collect();
    let action_lines = ids(&doc, "/actielijnen");

    let mut others: Vec<Problems> = Vec::new();
    let mut warnings: Vec<Problems> = Vec::new();
    let mut members = Vec::new();
    for (p, entry) in list(&doc, "/landsdelen") {
        let naam = entry
            .get("naam")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let bestand = entry
            .get("bestand")
            .and_then(Value::as_str)
            .map(str::to_string);
        let mut member = Member {
            naam: naam.clone(),
            bestand: bestand.clone(),
            loaded: None,
        };
        let Some(rel) = bestand else {
            members.push(member);
            continue;
        };
        let at = index.value(&format!("{p}/bestand"));
        // Named as controleer of the file from here names it.
        let file = if base == Path::new(".") {
            PathBuf::from(&rel)
        } else {
            base.join(&rel)
        };
        if !file.is_file() {
            diagnostics.push(
                Diagnostic::error(format!("het bestand van {naam} bestaat niet: '{rel}'"))
                    .at_opt(at)
                    .label("bestand niet gevonden")
                    .hint(format!(
                        "het pad is relatief aan de map van dit bestand: gezocht is naar {}; zonder 'bestand' staat {naam} in het rapport als 'geen rapportage ontvangen'",
                        file.display()
                    )),
            );
            members.push(member);
            continue;
        }
        match load::load(&file, options) {
            Err(mut problems) => {
                // Its year is checked too, so every problem comes at once.
                if let Some(y) = year {
                    problems.diagnostics.extend(other_year(&file, y, path));
                }
                others.push(problems)
            }
            Ok(loaded) => {
                let mut theirs = Vec::new();
                let r = &loaded.data.rapport;
                if let Some(y) = year {
                    theirs.extend(other_year(&file, y, path));
                }
                if r.landsdeel != naam && !naam.is_empty() {
                    diagnostics.push(
                        Diagnostic::error(format!(
                            "de naam '{naam}' is niet het landsdeel van {rel}: daar staat '{}'",
                            r.landsdeel
                        ))
                        .at_opt(index.value(&format!("{p}/naam")))
                        .hint(format!(
                            "schrijf de naam zoals rapport.landsdeel in het bestand: '{}', of noem het bestand van {naam}",
                            r.landsdeel
                        )),
                    );
                }
                theirs.extend(cross_checks(&loaded, &national_ids, &units, &action_lines));
                let concept = r.status == RapportStatus::Concept;
                let markers = readiness::marker_lines(&loaded.source.text).len();
                let severity = if definitief {
                    Severity::Error
                } else {
                    Severity::Warning
                };
                if concept {
                    let mut d = Diagnostic::error(format!("het bestand van {naam} is nog een concept"))
                        .at_opt(at.clone())
                        .hint(if definitief {
                            "een definitief landelijk overzicht neemt alleen definitieve bestanden op: wacht op het definitieve bestand, of maak het overzicht als concept"
                        } else {
                            "het landelijke overzicht is zelf een concept; zet het pas op definitief als elk landsdeel definitief is"
                        });
                    d.severity = severity;
                    diagnostics.push(d);
                }
                if markers > 0 {
                    let mut d = Diagnostic::error(format!(
                        "het bestand van {naam} heeft nog {markers} {} met '# {}'",
                        if markers == 1 { "regel" } else { "regels" },
                        readiness::REVIEW
                    ))
                    .at_opt(at)
                    .hint(format!(
                        "het secretariaat van {naam} controleert die waarden eerst (techniekpact controleer --uitgebreid {})",
                        file.display()
                    ));
                    d.severity = severity;
                    diagnostics.push(d);
                }
                let own_warnings = loaded.warnings.clone();
                if !theirs.is_empty() {
                    load::strictly(&mut theirs, options);
                    if theirs.iter().any(Diagnostic::is_error) {
                        others.push(Problems::new(&file, Some(loaded.source.clone()), theirs));
                    } else {
                        warnings.push(Problems::new(&file, Some(loaded.source.clone()), theirs));
                    }
                }
                if !own_warnings.diagnostics.is_empty() {
                    warnings.push(own_warnings);
                }
                member.loaded = Some(loaded);
            }
        }
        members.push(member);
    }
    load::strictly(&mut diagnostics, options);
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let national = Problems::new(path, Some(source.clone()), diagnostics);
    let failed = national.errors().next().is_some() || !others.is_empty();
    if failed {
        let mut all = vec![national];
        all.extend(others);
        all.retain(|p| !p.diagnostics.is_empty());
        return Err(all);
    }
    let data: Landelijk = match serde_json::from_value(value) {
        Ok(d) => d,
        Err(e) => {
            return Err(vec![Problems::new(
                path,
                Some(source),
                vec![Diagnostic::error(format!(
                    "de gegevens passen niet in het formaat: {e}"
                ))],
            )]);
        }
    };
    if !national.diagnostics.is_empty() {
        warnings.insert(0, national);
    }
    Ok(LoadedNational {
        path: path.to_path_buf(),
        source,
        data,
        index,
        members,
        warnings,
    })
}

/// A landsdeel's file of another verslagjaar than `year`, the national
/// one: the problem at its own `verslagjaar`. The file is read for it
/// alone, so that it is said even when the file has other problems.
fn other_year(file: &Path, year: i64, national: &Path) -> Option<Diagnostic> {
    let text = std::fs::read_to_string(file).ok()?;
    let parsed = load::parse(file, &text, "").ok()?;
    let theirs = parsed.value.pointer("/rapport/verslagjaar")?.as_i64()?;
    (theirs != year).then(|| {
        Diagnostic::error(format!(
            "het verslagjaar is {theirs}, dat van het landelijke overzicht {year}"
        ))
        .at_opt(parsed.index.value("/rapport/verslagjaar"))
        .hint(format!(
            "noem in {} het bestand van dit landsdeel over {year}",
            national.display()
        ))
    })
}

/// `optellen: true` or `false`, where the file says `ja` or `nee`.
fn yes_no_as_booleans(value: &Value, index: &PositionIndex) -> Vec<Diagnostic> {
    let Some(items) = value.get("indicatoren").and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let b = item.get("optellen")?.as_bool()?;
            let meant = if b { "ja" } else { "nee" };
            let at = index.value(&format!("/indicatoren/{i}/optellen"));
            Some(
                Diagnostic::error(format!("'optellen' is 'ja' of 'nee', niet {b}"))
                    .at_opt(at.clone())
                    .label(format!("bedoeld is waarschijnlijk {meant}"))
                    .hint(format!("schrijf optellen: {meant}")),
            )
        })
        .collect()
}

/// The ids of the list at `pointer`.
fn ids(doc: &Doc, pointer: &str) -> Vec<String> {
    list(doc, pointer)
        .into_iter()
        .filter_map(|(_, v)| v.get("id").and_then(Value::as_str).map(str::to_string))
        .collect()
}

/// A landsdeel is listed once, a national indicator's id is used once.
fn unique_names(doc: &Doc) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (list_at, key, what) in [
        ("/landsdelen", "naam", "het landsdeel"),
        ("/indicatoren", "id", "de landelijke indicator"),
    ] {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for (p, v) in list(doc, list_at) {
            let Some(name) = v.get(key).and_then(Value::as_str) else {
                continue;
            };
            let here = format!("{p}/{key}");
            let line = |pointer: &str| {
                let at = doc.index.value(pointer).map_or(0, |s| s.start);
                crate::text_position::line_col(doc.text, at).0
            };
            if let Some(first) = seen.get(name) {
                out.push(
                    Diagnostic::error(format!("{what} '{name}' staat er twee keer in"))
                        .at_opt(doc.index.value(&here))
                        .label("dubbel")
                        .hint(format!(
                            "noem elk één keer; het eerste staat op regel {first}"
                        )),
                );
            } else {
                seen.insert(name.to_string(), line(&here));
            }
        }
    }
    out
}

/// What a landsdeel file must agree on with the national file: its
/// indicators' `landelijk` ids and units, and its action lines.
fn cross_checks(
    loaded: &Loaded,
    national_ids: &[String],
    units: &BTreeMap<String, String>,
    action_lines: &[String],
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut pointers: Vec<(String, &crate::model::Indicator)> = Vec::new();
    for (o, onderdeel) in loaded.data.onderdelen.iter().enumerate() {
        for (t, thema) in onderdeel.themas.iter().enumerate() {
            for (i, ind) in thema.indicatoren.iter().enumerate() {
                pointers.push((format!("/onderdelen/{o}/themas/{t}/indicatoren/{i}"), ind));
            }
        }
    }
    let mut first: BTreeMap<&str, &str> = BTreeMap::new();
    for (p, ind) in pointers {
        let Some(id) = &ind.landelijk else { continue };
        let at = loaded.index.value(&format!("{p}/landelijk"));
        // One figure per landsdeel: a second indicator on the same
        // national one would leave one of them out of the overview.
        if let Some(other) = first.get(id.as_str()) {
            out.push(
                Diagnostic::error(format!(
                    "ook indicator '{other}' rapporteert over de landelijke indicator '{id}'"
                ))
                .at_opt(at)
                .label("tweede koppeling")
                .hint(format!(
                    "een landsdeel levert één cijfer per landelijke indicator: koppel alleen '{other}' of alleen '{}'",
                    ind.id
                )),
            );
            continue;
        }
        first.insert(id, &ind.id);
        let Some(unit) = units.get(id) else {
            let mut d = Diagnostic::error(format!("er is geen landelijke indicator met id '{id}'"))
                .at_opt(at)
                .label("onbekende landelijke indicator");
            d = match did_you_mean(id, national_ids) {
                Some(s) => d.hint(format!("bedoelde u '{s}'?")),
                None if national_ids.is_empty() => d.hint(
                    "het landelijke overzicht heeft geen indicatoren; laat 'landelijk' weg of voeg de indicator toe aan LANDELIJK.yaml",
                ),
                None => d.hint(format!("landelijke indicatoren: {}", national_ids.join(", "))),
            };
            out.push(d);
            continue;
        };
        if unit != &ind.eenheid {
            out.push(
                Diagnostic::error(format!(
                    "de eenheid '{}' is niet die van de landelijke indicator '{id}': '{unit}'",
                    ind.eenheid
                ))
                .at_opt(loaded.index.value(&format!("{p}/eenheid")))
                .label("andere eenheid")
                .hint(format!(
                    "tel in de eenheid van het landelijke overzicht ('{unit}'), of koppel de indicator aan een andere landelijke indicator"
                )),
            );
        }
    }
    for (i, line) in loaded.data.actielijnen.iter().enumerate() {
        if action_lines.contains(&line.id) {
            continue;
        }
        let mut d = Diagnostic::error(format!(
            "de actielijn '{}' is geen landelijke actielijn",
            line.id
        ))
        .at_opt(loaded.index.value(&format!("/actielijnen/{i}/id")))
        .label("onbekende actielijn");
        d = match did_you_mean(&line.id, action_lines) {
            Some(s) => d.hint(format!("bedoelde u '{s}'?")),
            None => d.hint(format!(
                "landelijke actielijnen: {}",
                action_lines.join(", ")
            )),
        };
        out.push(d);
    }
    out
}
