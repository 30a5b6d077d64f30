//! A run from data files to output files. The run's [`Setup`] (templates,
//! texts, house style, previous year) is loaded once; then every report
//! goes load -> analyse -> document model and charts ([`prepare`]) ->
//! renderers -> files written together ([`Run::write`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis;
use crate::diagnostics::Problems;
use crate::document::charts::ChartSet;
use crate::document::compose::{Previous, compose};
use crate::document::{Document, Logo, LogoKind};
use crate::load::{self, Loaded};
use crate::memo::Memo;
use crate::memory::Scale;
use crate::output::{OutputFile, commit, stage_all};
use crate::render::{RenderContext, Renderer};

pub use crate::errors::MakeError;
pub use crate::setup::Setup;

/// What the builds of a series (`volg`) reuse from each other, besides
/// what each renderer keeps itself: each report's prepared content, kept
/// for its next build while its inputs do not change.
#[derive(Default)]
pub struct Reuse {
    /// Per data file: its last build in the series.
    prepared: Memo<PathBuf, LastBuild>,
}

impl Reuse {
    /// For a series of builds of the same reports (`volg`).
    pub fn series() -> Self {
        Reuse::default()
    }
}

/// One run (a `maak`, or one build of `volg`): what its reports share.
pub struct Run<'a> {
    /// Templates, texts, house style and previous year, loaded once.
    pub setup: &'a Setup,
    /// The requested formats; each keeps what it reuses itself.
    pub renderers: &'a [Box<dyn Renderer + Send + Sync>],
    /// Where the reports and their charts go.
    pub out_dir: &'a Path,
    /// What the builds of a series reuse (`volg`); `None` for one run.
    pub reuse: Option<&'a Reuse>,
}

/// What was made.
pub struct Made {
    pub slug: String,
    pub written: Vec<PathBuf>,
    /// Warnings about the data that did not stop the run: of its file, or
    /// of the national overview's files.
    pub warnings: Vec<Problems>,
}

/// `techniekpact-<landsdeel>-<verslagjaar>` in lower-case ASCII.
pub fn slug(landsdeel: &str, year: i32) -> String {
    format!("techniekpact-{}-{year}", slug::slugify(landsdeel))
}

/// The content of a loaded report: document, charts and logo.
pub struct Prepared {
    pub document: Document,
    pub charts: ChartSet,
    /// The logo file the data names (the logo itself is the document's).
    pub logo_path: Option<PathBuf>,
    pub slug: String,
    /// How the report is rendered, from its size ([`Scale::of`]).
    pub scale: Scale,
    /// The charts' PNGs, made once by the first format that needs them.
    pub pictures: crate::render::ChartPictures,
}

impl Prepared {
    /// What the renderers see of this report, made with `setup`.
    pub fn context<'a>(&'a self, setup: &'a Setup) -> RenderContext<'a> {
        RenderContext {
            document: &self.document,
            charts: &self.charts,
            style: &setup.style,
            templates: &setup.templates,
            slug: &self.slug,
            scale: self.scale,
            pictures: &self.pictures,
        }
    }
}

/// Analyse a loaded file and compose its document and charts with the
/// run's texts, house style and previous year.
pub fn prepare(loaded: &Loaded, setup: &Setup) -> Result<Prepared, MakeError> {
    let data = &loaded.data;
    let logo_path = data
        .rapport
        .logo
        .as_ref()
        .map(|rel| loaded.base_dir().join(rel));
    let logo = read_logo(logo_path.as_deref())?;
    let analysis = analysis::analyse(data);
    // The report shows the data's texts with Dutch typography, this year's
    // and the previous year's alike; the files keep what was typed.
    let shown = crate::document::typography::typeset_model(data);
    let shown_previous = setup
        .previous
        .as_ref()
        .map(|p| crate::document::typography::typeset_model(&p.loaded.data));
    let previous = setup
        .previous
        .as_ref()
        .zip(shown_previous.as_ref())
        .map(|(p, data)| Previous {
            data,
            analysis: &p.analysis,
        });
    let composed = compose(
        &shown,
        &analysis,
        logo,
        &setup.texts,
        &setup.style,
        previous,
    )
    .map_err(|r| MakeError::Template(vec![r]))?;
    let scale = Scale::of(composed.charts.charts.len());
    Ok(Prepared {
        document: composed.document,
        charts: composed.charts,
        logo_path,
        slug: slug(&data.rapport.landsdeel, data.rapport.verslagjaar),
        scale,
        pictures: Default::default(),
    })
}

/// The logo at `path`, when the data names one; the loader checked that
/// its bytes are what its name says.
fn read_logo(path: Option<&Path>) -> Result<Option<Logo>, MakeError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let svg = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let bytes = std::fs::read(path).map_err(|source| MakeError::Logo {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Some(Logo {
        kind: if svg { LogoKind::Svg } else { LogoKind::Png },
        bytes: bytes.into(),
    }))
}

/// Load and check the national overview in `path` and the landsdelen's
/// files it names, and compose its document and charts: the warnings of
/// every file, and what the renderers draw. Each landsdeel is analysed
/// and typeset as for its own report.
pub fn prepare_national(
    path: &Path,
    setup: &Setup,
) -> Result<(Vec<Problems>, Prepared), MakeError> {
    use crate::document::compose::national::{self, Region};
    use crate::document::typography::{typeset, typeset_any, typeset_model};
    let loaded = crate::national::load::load(path, setup.load).map_err(MakeError::Files)?;
    crate::timings::mark("geladen en gecontroleerd");
    let logo_path = loaded
        .data
        .rapport
        .logo
        .as_ref()
        .map(|rel| loaded.base_dir().join(rel));
    let logo = read_logo(logo_path.as_deref())?;
    let shown: Vec<Option<(crate::model::Voortgang, analysis::Analysis)>> = loaded
        .members
        .iter()
        .map(|m| {
            m.loaded
                .as_ref()
                .map(|l| (typeset_model(&l.data), analysis::analyse(&l.data)))
        })
        .collect();
    let names: Vec<String> = loaded.members.iter().map(|m| typeset(&m.naam)).collect();
    let regions: Vec<Region> = loaded
        .members
        .iter()
        .zip(&shown)
        .zip(&names)
        .map(|((m, report), naam)| Region {
            naam,
            bestand: m.bestand.as_deref(),
            report: report.as_ref().map(|(d, a)| (d, a)),
            slug: m
                .loaded
                .as_ref()
                .map(|l| slug(&l.data.rapport.landsdeel, l.data.rapport.verslagjaar)),
        })
        .collect();
    let data = typeset_any(&loaded.data);
    let own = national::own_data(&data);
    let nothing = national::no_analysis();
    let composed = national::compose_national(
        &data,
        &own,
        &nothing,
        &regions,
        logo,
        &setup.texts,
        &setup.style,
    )
    .map_err(|r| MakeError::Template(vec![r]))?;
    crate::timings::mark("document en grafieken");
    let scale = Scale::of(composed.charts.charts.len());
    Ok((
        loaded.warnings,
        Prepared {
            document: composed.document,
            charts: composed.charts,
            logo_path,
            slug: slug(national::NATIONAL, loaded.data.rapport.verslagjaar),
            scale,
            pictures: Default::default(),
        },
    ))
}

/// The logo a prepared report holds: its path and the hash of its bytes.
fn logo_of(prepared: &Prepared) -> Option<(PathBuf, u128)> {
    let path = prepared.logo_path.clone()?;
    let logo = prepared.document.meta.logo.as_ref()?;
    Some((path, typst::utils::hash128(&logo.bytes)))
}

/// Whether the logo file still holds the bytes `logo` was made from.
fn logo_unchanged(logo: &Option<(PathBuf, u128)>) -> bool {
    match logo {
        Some((path, hash)) => std::fs::read(path).is_ok_and(|b| typst::utils::hash128(&b) == *hash),
        None => true,
    }
}

/// One build in a series (`volg`): the hash of its inputs (taken before
/// loading them, so an edit during the build is seen next time), its logo,
/// and what it prepared.
#[derive(Clone)]
struct LastBuild {
    inputs: u128,
    logo: Option<(PathBuf, u128)>,
    warnings: Problems,
    prepared: Arc<Prepared>,
}

impl Run<'_> {
    /// Load, check and prepare the report in `path`: the warnings about its
    /// data and its document and charts.
    fn load_and_prepare(&self, path: &Path) -> Result<(Problems, Prepared), MakeError> {
        let loaded = load::load(path, self.setup.load).map_err(MakeError::Data)?;
        crate::timings::mark("geladen en gecontroleerd");
        let prepared = prepare(&loaded, self.setup)?;
        crate::timings::mark("document en grafieken");
        Ok((loaded.warnings, prepared))
    }

    /// What a report is prepared from, besides its logo: the bytes of the
    /// data file and the run's setup. `None` when the file cannot be read
    /// (then it is loaded as usual, which reports the problem).
    fn inputs_hash(&self, path: &Path) -> Option<u128> {
        let data = std::fs::read(path).ok()?;
        Some(typst::utils::hash128(&(path, data, self.setup.fingerprint)))
    }

    /// The report in `path` loaded, checked and prepared, with the warnings
    /// about its data; in a series (`volg`) the last one when its inputs did
    /// not change (a template edit), which saves loading, checking and
    /// drawing again.
    ///
    /// A national overview (`LANDELIJK.yaml`) is prepared with the
    /// landsdelen's files it names, and every time: its inputs are many
    /// files.
    pub fn prepare(&self, path: &Path) -> Result<(Vec<Problems>, Arc<Prepared>), MakeError> {
        if crate::national::load::is_national_file(path) {
            let (warnings, prepared) = prepare_national(path, self.setup)?;
            return Ok((warnings, Arc::new(prepared)));
        }
        let (warnings, prepared) = self.prepare_landsdeel(path)?;
        Ok((vec![warnings], prepared))
    }

    /// [`Run::prepare`] of a landsdeel's file.
    fn prepare_landsdeel(&self, path: &Path) -> Result<(Problems, Arc<Prepared>), MakeError> {
        let Some(series) = self.reuse.map(|r| &r.prepared) else {
            let (warnings, prepared) = self.load_and_prepare(path)?;
            return Ok((warnings, Arc::new(prepared)));
        };
        let inputs = self.inputs_hash(path);
        if let Some(last) = series.get(path)
            && inputs == Some(last.inputs)
            && logo_unchanged(&last.logo)
        {
            crate::timings::mark("gegevens en document ongewijzigd");
            return Ok((last.warnings, last.prepared));
        }
        let (warnings, prepared) = self.load_and_prepare(path)?;
        let prepared = Arc::new(prepared);
        if let Some(inputs) = inputs {
            let last = LastBuild {
                inputs,
                logo: logo_of(&prepared),
                warnings: warnings.clone(),
                prepared: prepared.clone(),
            };
            series.insert(path.to_path_buf(), last);
        }
        Ok((warnings, prepared))
    }

    /// Make every requested format of the report in `path`.
    pub fn make(&self, path: &Path) -> Result<Made, MakeError> {
        let (warnings, prepared) = self.prepare(path)?;
        self.write(&prepared, warnings)
    }

    /// Render every requested format of a prepared report and write its
    /// files and charts, all or none.
    pub fn write(&self, prepared: &Prepared, warnings: Vec<Problems>) -> Result<Made, MakeError> {
        let ctx = prepared.context(self.setup);
        let charts: Vec<OutputFile> = prepared
            .charts
            .charts
            .iter()
            .map(|c| OutputFile {
                rel: prepared.charts.output_path(&prepared.slug, c),
                bytes: c.svg.clone().into_bytes(),
            })
            .collect();
        let render = |r: &(dyn Renderer + Send + Sync)| {
            let files = r.files(&ctx)?;
            Ok::<_, MakeError>(stage_all(self.out_dir, &files)?)
        };
        let (charts, formats) = if prepared.scale.side_by_side() {
            // The formats are independent: render them side by side, and
            // write each (and the charts) to a synced temporary file as
            // soon as it is ready.
            rayon::join(
                || stage_all(self.out_dir, &charts),
                || {
                    self.renderers
                        .par_iter()
                        .map(|r| render(&**r))
                        .collect::<Result<Vec<_>, _>>()
                },
            )
        } else {
            let formats = self
                .renderers
                .iter()
                .map(|r| {
                    let staged = render(&**r);
                    crate::memory::release();
                    staged
                })
                .collect::<Result<Vec<_>, _>>();
            (stage_all(self.out_dir, &charts), formats)
        };
        // A rendering error says more than a writing error: report it first.
        let mut staged: Vec<_> = formats?.into_iter().flatten().collect();
        staged.extend(charts?);
        let written = commit(staged)?;
        crate::timings::mark("bestanden geschreven");
        Ok(Made {
            slug: prepared.slug.clone(),
            written,
            warnings,
        })
    }
}
