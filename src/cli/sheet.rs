//! `invulblad` and `inlezen`: the partners' spreadsheet out of the data
//! file and back into it (see [`crate::sheet`]).

use std::path::{Path, PathBuf};

use super::args::{EXIT_INVALID, EXIT_OK, InlezenArgs, InvulbladArgs};
use super::batch::{print_error, print_problems};
use crate::errors::CommandError;
use crate::load::{self, LoadOptions};
use crate::output::write_one;
use crate::sheet::{self, write::SheetRequest};

/// The default name: `out/invulblad-<landsdeel>-<jaar>[-<trekker>].xlsx`.
fn default_path(landsdeel: &str, year: i32, partner: Option<&str>) -> PathBuf {
    let mut name = format!("invulblad-{}-{year}", slug::slugify(landsdeel));
    if let Some(p) = partner {
        name.push('-');
        name.push_str(&slug::slugify(p));
    }
    PathBuf::from("out").join(format!("{name}.xlsx"))
}

fn load_data(path: &Path) -> Option<load::Loaded> {
    let options = LoadOptions {
        purpose: load::Purpose::FillingIn,
        ..LoadOptions::default()
    };
    match load::load(path, options) {
        Ok(l) => Some(l),
        Err(report) => {
            print_problems(&report);
            println!(
                "{}: ongeldig; maak eerst dit bestand in orde",
                path.display()
            );
            None
        }
    }
}

pub fn invulblad(args: &InvulbladArgs) -> u8 {
    let Some(loaded) = load_data(&args.bestand) else {
        return EXIT_INVALID;
    };
    let data = &loaded.data;
    let partner = args
        .trekker
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let file_name = args
        .bestand
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let request = SheetRequest {
        data,
        file_name: &file_name,
        partner,
    };
    let (bytes, counts) = match sheet::write::workbook(&request) {
        Ok(x) => x,
        Err(e) => {
            eprintln!(
                "{}",
                crate::errors::internal_error_message(&args.bestand, &format!("invulblad: {e}"))
            );
            return EXIT_INVALID;
        }
    };
    if let Some(p) = partner
        && counts.indicators + counts.actions + counts.proposals == 0
    {
        let names = sheet::partner_names(data);
        let hint = match load::suggest::did_you_mean(p, &names) {
            Some(close) => format!("bedoelt u '{close}'?"),
            None => format!("trekkers en bronnen in het bestand: {}", names.join(", ")),
        };
        print_error(&CommandError::NoRowsOfPartner {
            file: args.bestand.clone(),
            partner: p.to_string(),
            hint,
        });
        return EXIT_INVALID;
    }
    let target = args.uit.clone().unwrap_or_else(|| {
        default_path(&data.rapport.landsdeel, data.rapport.verslagjaar, partner)
    });
    if let Err(e) = write_one(&target, bytes) {
        print_error(&e.into());
        return EXIT_INVALID;
    }
    println!(
        "{} geschreven: {}, {}, {}. Lees het ingevulde blad in met: techniekpact inlezen {} {}",
        target.display(),
        super::batch::count(counts.indicators, "indicator", "indicatoren"),
        super::batch::count(counts.actions, "actie", "acties"),
        super::batch::count(counts.proposals, "doe-voorstel", "doe-voorstellen"),
        target.display(),
        args.bestand.display()
    );
    EXIT_OK
}

pub fn inlezen(args: &InlezenArgs) -> u8 {
    let Some(loaded) = load_data(&args.bestand) else {
        return EXIT_INVALID;
    };
    let updates = match sheet::read::read(&args.blad, &loaded.data) {
        Ok(u) => u,
        Err(problems) => {
            eprint!("{}", problems.render());
            println!(
                "{}: niet ingelezen ({}); {} is niet veranderd",
                args.blad.display(),
                super::batch::count(problems.problems.len(), "fout", "fouten"),
                args.bestand.display()
            );
            return EXIT_INVALID;
        }
    };
    let applied = match sheet::apply::apply(&loaded, &updates) {
        Ok(a) => a,
        Err(problems) => {
            for p in &problems {
                print_error(&CommandError::SheetNotApplied {
                    sheet: args.blad.clone(),
                    message: p.message.clone(),
                    hint: p.hint.clone(),
                });
            }
            println!(
                "{}: niet ingelezen ({}); {} is niet veranderd",
                args.blad.display(),
                super::batch::count(problems.len(), "fout", "fouten"),
                args.bestand.display()
            );
            return EXIT_INVALID;
        }
    };
    if applied.text == *loaded.source.text {
        println!(
            "{}: niets veranderd; alle waarden van {} staan al in het gegevensbestand",
            args.bestand.display(),
            args.blad.display()
        );
        return EXIT_OK;
    }
    // The result must be valid data, or nothing is written.
    let options = LoadOptions {
        purpose: load::Purpose::FillingIn,
        ..LoadOptions::default()
    };
    let result = match load::load_str(&args.bestand, &applied.text, options) {
        Ok(r) => r,
        Err(report) => {
            print_problems(&report);
            println!(
                "{}: niet ingelezen: met deze waarden zou {} ongeldig worden; er is niets veranderd",
                args.blad.display(),
                args.bestand.display()
            );
            return EXIT_INVALID;
        }
    };
    if let Err(e) = write_one(&args.bestand, applied.text.into_bytes()) {
        print_error(&e.into());
        return EXIT_INVALID;
    }
    println!(
        "{}: {} uit {}, {} weggehaald",
        args.bestand.display(),
        super::batch::count(applied.values, "waarde ingevuld", "waarden ingevuld"),
        args.blad.display(),
        super::batch::count(applied.markers, "controleregel", "controleregels"),
    );
    if let Some(summary) = result.warnings.review_summary() {
        println!(
            "{summary}; zie: techniekpact controleer {}",
            args.bestand.display()
        );
    }
    EXIT_OK
}
