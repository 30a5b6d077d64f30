//! What every report of one run shares, loaded and checked once: the
//! template files, the fixed words, the house style and the previous
//! year's report. `maak` makes one [`Setup`] for all its files; `volg` one
//! per build (the editor may have changed a template in between).

use std::path::Path;

use crate::analysis::{self, Analysis};
use crate::diagnostics::Problems;
use crate::document::house_style::HouseStyle;
use crate::document::texts::TextSet;
use crate::errors::MakeError;
use crate::load::{self, LoadOptions, Loaded};
use crate::templates::Templates;

/// The previous year's report (`--vorig`), for the chapter on changes:
/// loaded without the publication check and analysed once per run.
pub struct PreviousYear {
    pub loaded: Loaded,
    pub analysis: Analysis,
}

/// The inputs every report of a run is made with.
pub struct Setup {
    /// The template files: the embedded defaults, or the editor's folder
    /// (`--sjablonen`), each file read once.
    pub templates: Templates,
    /// The fixed words (`teksten.yaml`), checked.
    pub texts: TextSet,
    /// Colours, font and sizes (`huisstijl.yaml`), checked.
    pub style: HouseStyle,
    /// The previous year's report, when `--vorig` names one.
    pub previous: Option<PreviousYear>,
    /// How the data files of the run are loaded (`--strikt`, paths).
    pub load: LoadOptions,
    /// The bytes everything above was made from, hashed: `volg` sees from
    /// it that a report's inputs did not change.
    pub fingerprint: u128,
}

impl Setup {
    /// Check the templates' texts and house style and load the previous
    /// year's file; every problem of the templates is reported at once.
    pub fn new(
        templates: Templates,
        load: LoadOptions,
        previous: Option<&Path>,
    ) -> Result<Setup, MakeError> {
        let texts = TextSet::load(&templates);
        let style = HouseStyle::load(&templates);
        let (texts, style) = match (texts, style) {
            (Ok(t), Ok(s)) => (t, s),
            (t, s) => {
                let reports: Vec<Problems> = [t.err(), s.err()].into_iter().flatten().collect();
                return Err(MakeError::Template(reports));
            }
        };
        let previous = match previous {
            Some(path) => Some(PreviousYear::load(path, load)?),
            None => None,
        };
        let fingerprint = typst::utils::hash128(&(
            templates.get(crate::document::texts::TEXTS_FILE),
            templates.get(crate::document::house_style::STYLE_FILE),
            previous.as_ref().map(|p| &p.loaded.path),
            previous.as_ref().map(|p| &*p.loaded.source.text),
            load.strict,
            load.allow_outside_paths,
        ));
        Ok(Setup {
            templates,
            texts,
            style,
            previous,
            load,
            fingerprint,
        })
    }

    /// The embedded templates, no previous year: what tests and
    /// benchmarks start from.
    pub fn embedded() -> Setup {
        Setup::new(Templates::embedded(), LoadOptions::default(), None)
            .expect("the embedded templates are valid")
    }
}

impl PreviousYear {
    fn load(path: &Path, options: LoadOptions) -> Result<PreviousYear, MakeError> {
        let as_previous = LoadOptions {
            purpose: load::Purpose::PreviousYear,
            ..options
        };
        let loaded = load::load(path, as_previous).map_err(MakeError::Data)?;
        let analysis = analysis::analyse(&loaded.data);
        Ok(PreviousYear { loaded, analysis })
    }
}
