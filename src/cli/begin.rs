//! `begin`: the starter data file for a new landsdeel: every key of the
//! data format with a Dutch comment, sample values a report can be made
//! from, and a `# CONTROLEREN` line above every value to fill in, so the
//! publication check refuses it as definitief until it is filled in.

use std::path::PathBuf;

/// The starter file, with `{landsdeel}`, `{jaar}` and the derived years and
/// dates still to fill in.
const STARTER: &str = include_str!("begin.yaml");

/// The last year the data format takes.
const LAST_YEAR: i32 = 2100;

/// Whether `name` can stand in the starter file as written: letters
/// (diacritics too), digits, spaces, hyphens and apostrophes, beginning
/// with a letter.
pub fn valid_landsdeel(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_alphabetic)
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '\u{2019}'))
        && name.trim() == name
        && name.chars().count() <= 60
}

/// The text of the starter file for `landsdeel` and report year `year`.
pub fn starter_text(landsdeel: &str, year: i32) -> String {
    let quoted = serde_json::Value::String(landsdeel.to_string()).to_string();
    STARTER
        .replace("{landsdeel_waarde}", &quoted)
        .replace("{landsdeel}", landsdeel)
        .replace("{datum}", &format!("{}-03-15", year + 1))
        .replace("{gereed}", &format!("{}-06-30", year + 1))
        .replace("{vorig}", &(year - 1).to_string())
        .replace("{tot}", &(year + 2).min(LAST_YEAR).to_string())
        .replace("{doeljaar}", &(year + 4).min(LAST_YEAR).to_string())
        .replace("{jaar}", &year.to_string())
}

/// `<landsdeel>-<jaar>.yaml` in the working folder.
pub fn default_path(landsdeel: &str, year: i32) -> PathBuf {
    PathBuf::from(format!("{}-{year}.yaml", slug::slugify(landsdeel)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_is_valid_for_any_landsdeel_name_and_year() {
        for (name, year) in [
            ("Oost", 2018),
            ("Noord-Holland", 2000),
            ("Zuid 's-Hertogenbosch", 2099),
            ("West", 2100),
        ] {
            assert!(valid_landsdeel(name), "{name}");
            let text = starter_text(name, year);
            let loaded = crate::load::load_str(
                std::path::Path::new("begin.yaml"),
                &text,
                Default::default(),
            )
            .unwrap_or_else(|r| panic!("{name} {year}: {}", r.render(false)));
            assert_eq!(loaded.data.rapport.landsdeel, name);
            assert_eq!(loaded.data.rapport.verslagjaar, year);
            // Only the review markers speak.
            assert!(loaded.warnings.to_review > 0);
            assert_eq!(loaded.warnings.diagnostics.len(), loaded.warnings.to_review);
            assert!(!text.contains("{jaar}") && !text.contains("{landsdeel"));
        }
        for bad in ["", " Oost", "Oost: West", "#1", "-x", "[a]"] {
            assert!(!valid_landsdeel(bad), "{bad:?}");
        }
    }
}
