//! The invulblad: a spreadsheet in which the partners (Bètapunt Noord,
//! Jet-Net, the regional coordinators, DUO/S-BB) fill in the figures,
//! statuses and texts of the report year, and its way back into the data
//! file.
//!
//! [`layout`] names the sheets and columns both ways share; [`write`]
//! makes the XLSX (rust_xlsxwriter); [`read`] reads a filled-in XLSX or ODS
//! (calamine) into checked [`read::Update`]s, or every problem by sheet and
//! cell; [`apply`] writes the updates into the YAML text in place, keeping
//! its comments and layout, and removes the review markers of what it
//! filled.

pub mod apply;
pub mod layout;
pub mod read;
pub mod write;

use crate::model::Voortgang;

/// Whether a row belongs to partner `who`: the name occurs in the text
/// (a trekker, a source), ignoring case. No partner: every row.
pub fn belongs_to(who: Option<&str>, texts: &[Option<&str>]) -> bool {
    let Some(who) = who.map(|w| w.trim().to_lowercase()) else {
        return true;
    };
    texts
        .iter()
        .flatten()
        .any(|t| t.to_lowercase().contains(&who))
}

/// Every trekker and source named in the data, for "bedoelt u ...?".
pub fn partner_names(data: &Voortgang) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for thema in data.themas() {
        for a in &thema.acties {
            names.extend(a.trekker.clone());
        }
        for i in &thema.indicatoren {
            names.extend(i.bron.clone());
        }
        names.extend(thema.partners.iter().cloned());
    }
    for d in &data.doe_voorstellen {
        names.extend(d.trekker.clone());
    }
    names.sort();
    names.dedup();
    names
}
