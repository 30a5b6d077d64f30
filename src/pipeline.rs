//! One report from data file to output files: load -> analyse -> document
//! model and charts -> renderers -> files written together.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::analysis;
use crate::diagnostics::Problems;
use crate::document::Document;
use crate::document::build::{Previous, build};
use crate::document::charts::ChartSet;
use crate::document::house_style::HouseStyle;
use crate::document::texts::TextSet;
use crate::load::{self, LoadOptions, Loaded};
use crate::output::{OutputFile, commit, stage, stage_all};
use crate::render::memo::Memo;
use crate::render::{RenderContext, RenderMemo, Renderer};
use crate::templates::Templates;

pub use crate::errors::MakeError;

/// What builds reuse from each other. The command that runs them creates it
/// and hands it to every build: `volg` one for its whole series (each
/// report's prepared content, PDF layout and DOCX are kept for its next
/// build), a batch one for its reports (what they share, and one lock per
/// output name). A single `maak` of one file has none.
pub struct Reuse {
    /// Per data file: its last build in the series (`volg` only).
    prepared: Option<Memo<PathBuf, LastBuild>>,
    /// One lock per output name, so that two reports with the same name in
    /// one batch do not mix their files.
    names: Memo<PathBuf, Arc<Mutex<()>>>,
    /// What the renderers keep.
    pub render: RenderMemo,
}

impl Reuse {
    /// For a series of builds of the same reports (`volg`).
    pub fn series() -> Self {
        Reuse {
            prepared: Some(Memo::default()),
            names: Memo::default(),
            render: RenderMemo::series(),
        }
    }

    /// For the reports of one batch, each made once.
    pub fn batch() -> Self {
        Reuse {
            prepared: None,
            names: Memo::default(),
            render: RenderMemo::batch(),
        }
    }

    fn name_lock(&self, target: PathBuf) -> Arc<Mutex<()>> {
        self.names.get_or_insert_with(target, Default::default)
    }
}

/// What was made.
pub struct Made {
    pub slug: String,
    pub written: Vec<PathBuf>,
    /// Warnings about the data that did not stop the run.
    pub warnings: Problems,
}

/// How to make reports.
pub struct MakeOptions<'a> {
    pub out_dir: PathBuf,
    pub renderers: Vec<Box<dyn Renderer + Send + Sync + 'a>>,
    pub templates: Templates,
    pub load: LoadOptions,
    /// The previous year's data file (`--vorig`).
    pub previous: Option<PathBuf>,
    /// Also write a self-contained Typst project here (`--typst-bundel`).
    pub typst_bundle: Option<PathBuf>,
}

/// `techniekpact-<landsdeel>-<verslagjaar>` in lower-case ASCII.
pub fn slug(landsdeel: &str, year: i32) -> String {
    format!("techniekpact-{}-{year}", slug::slugify(landsdeel))
}

/// The content of a loaded report: document, charts and logo.
pub struct Prepared {
    pub document: Document,
    pub charts: ChartSet,
    pub logo: Option<(String, Vec<u8>)>,
    /// The logo file the data names.
    pub logo_path: Option<PathBuf>,
    pub slug: String,
    /// The house style the charts were drawn in; the renderers use it too.
    pub style: HouseStyle,
}

impl Prepared {
    /// What the renderers see of this report, with `templates`.
    pub fn context<'a>(&'a self, templates: &'a Templates) -> RenderContext<'a> {
        RenderContext {
            document: &self.document,
            charts: &self.charts,
            style: &self.style,
            templates,
            logo: self.logo.clone(),
            slug: &self.slug,
        }
    }
}

/// Analyse a loaded file and build its document and charts; `previous` is
/// the previous year's file for the chapter on changes.
pub fn prepare(
    loaded: &Loaded,
    texts: &TextSet,
    style: &HouseStyle,
    previous: Option<&Loaded>,
) -> Result<Prepared, MakeError> {
    let data = &loaded.data;
    let logo_path = data
        .rapport
        .logo
        .as_ref()
        .map(|rel| loaded.base_dir().join(rel));
    let logo = match &logo_path {
        Some(path) => {
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("png")
                .to_ascii_lowercase();
            let bytes = std::fs::read(path).map_err(|source| MakeError::Logo {
                path: path.clone(),
                source,
            })?;
            Some((format!("logo.{ext}"), bytes))
        }
        None => None,
    };
    let analysis = analysis::analyse(data);
    let prev_analysis = previous.map(|p| analysis::analyse(&p.data));
    let prev = previous.zip(prev_analysis.as_ref()).map(|(p, a)| Previous {
        data: &p.data,
        analysis: a,
    });
    let built = build(
        data,
        &analysis,
        logo.as_ref().map(|(n, _)| n.clone()),
        texts,
        style,
        prev,
    )
    .map_err(|r| MakeError::Template(vec![r]))?;
    Ok(Prepared {
        document: built.document,
        charts: built.charts,
        logo,
        logo_path,
        slug: slug(&data.rapport.landsdeel, data.rapport.verslagjaar),
        style: style.clone(),
    })
}

/// Load, check and prepare the report in `path`: the warnings about its
/// data and its document and charts.
fn load_and_prepare(path: &Path, options: &MakeOptions) -> Result<(Problems, Prepared), MakeError> {
    let loaded = load::load(path, options.load).map_err(MakeError::Data)?;
    crate::timings::mark("geladen en gecontroleerd");
    let previous = match &options.previous {
        Some(p) => {
            let as_previous = load::LoadOptions {
                purpose: load::Purpose::PreviousYear,
                ..options.load
            };
            Some(load::load(p, as_previous).map_err(MakeError::Data)?)
        }
        None => None,
    };
    let texts = TextSet::load(&options.templates).map_err(|r| MakeError::Template(vec![r]))?;
    let style = HouseStyle::load(&options.templates).map_err(|r| MakeError::Template(vec![r]))?;
    let prepared = prepare(&loaded, &texts, &style, previous.as_ref())?;
    crate::timings::mark("document en grafieken");
    Ok((loaded.warnings, prepared))
}

/// What a report is prepared from, besides its logo: the bytes of the data
/// file and of the previous year's file, the standard texts and the options.
/// `None` when a file cannot be read (then it is loaded as usual, which
/// reports the problem).
fn inputs_hash(path: &Path, options: &MakeOptions) -> Option<u128> {
    let data = std::fs::read(path).ok()?;
    let previous = match &options.previous {
        Some(p) => Some(std::fs::read(p).ok()?),
        None => None,
    };
    Some(typst::utils::hash128(&(
        path,
        data,
        previous,
        options.templates.get(crate::document::texts::TEXTS_FILE),
        options
            .templates
            .get(crate::document::house_style::STYLE_FILE),
        options.load.strict,
        options.load.allow_outside_paths,
    )))
}

/// The logo a prepared report holds: its path and the hash of its bytes.
fn logo_of(prepared: &Prepared) -> Option<(PathBuf, u128)> {
    let path = prepared.logo_path.clone()?;
    let (_, bytes) = prepared.logo.as_ref()?;
    Some((path, typst::utils::hash128(bytes)))
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

/// The report in `path` loaded, checked and prepared, with the warnings
/// about its data; in a series (`volg`) the last one when its inputs did
/// not change (a template edit), which saves loading, checking and drawing
/// again.
pub fn prepare_file(
    path: &Path,
    options: &MakeOptions,
    reuse: Option<&Reuse>,
) -> Result<(Problems, Arc<Prepared>), MakeError> {
    let Some(series) = reuse.and_then(|r| r.prepared.as_ref()) else {
        let (warnings, prepared) = load_and_prepare(path, options)?;
        return Ok((warnings, Arc::new(prepared)));
    };
    let inputs = inputs_hash(path, options);
    if let Some(last) = series.get(path)
        && inputs == Some(last.inputs)
        && logo_unchanged(&last.logo)
    {
        crate::timings::mark("gegevens en document ongewijzigd");
        return Ok((last.warnings, last.prepared));
    }
    let (warnings, prepared) = load_and_prepare(path, options)?;
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

/// Make every requested format of the report in `path`, reusing what
/// earlier builds left in `reuse` (the caller's, for a series or a batch).
pub fn make(path: &Path, options: &MakeOptions, reuse: Option<&Reuse>) -> Result<Made, MakeError> {
    let (warnings, prepared) = prepare_file(path, options, reuse)?;
    render_and_write(&prepared, warnings, options, reuse)
}

/// Render every requested format of a prepared report and write its files,
/// all or none.
pub fn render_and_write(
    prepared: &Prepared,
    warnings: Problems,
    options: &MakeOptions,
    reuse: Option<&Reuse>,
) -> Result<Made, MakeError> {
    let ctx = prepared.context(&options.templates);
    let memo = reuse.map(|r| &r.render);
    let charts: Vec<OutputFile> = prepared
        .charts
        .charts
        .iter()
        .map(|c| OutputFile {
            rel: Path::new("grafieken")
                .join(&prepared.slug)
                .join(&c.file_name),
            bytes: c.svg.clone().into_bytes(),
        })
        .collect();
    let render = |r: &(dyn Renderer + Send + Sync + '_)| {
        let bytes = r.render_with(&ctx, memo)?;
        let file = OutputFile {
            rel: PathBuf::from(format!("{}.{}", prepared.slug, r.extension())),
            bytes,
        };
        Ok::<_, MakeError>(stage(&options.out_dir, &file)?)
    };
    let (charts, formats) = if ctx.is_large() {
        // A large report: one format after the other, memory released in
        // between, so the peaks of Typst and of the DOCX do not add up.
        let formats = options
            .renderers
            .iter()
            .map(|r| {
                let staged = render(&**r);
                crate::memory::release();
                staged
            })
            .collect::<Result<Vec<_>, _>>();
        (stage_all(&options.out_dir, &charts), formats)
    } else {
        // The formats are independent: render them side by side, and write
        // each (and the charts) to a synced temporary file as soon as it is
        // ready.
        rayon::join(
            || stage_all(&options.out_dir, &charts),
            || {
                options
                    .renderers
                    .par_iter()
                    .map(|r| render(&**r))
                    .collect::<Result<Vec<_>, _>>()
            },
        )
    };
    // A rendering error says more than a writing error: report it first.
    let mut staged = formats?;
    staged.extend(charts?);
    // The Typst project belongs to the same all-or-nothing set.
    if let Some(dir) = &options.typst_bundle {
        let bundle = crate::render::pdf::bundle::files(&ctx);
        staged.extend(stage_all(dir, &bundle)?);
    }
    // Two reports with the same name in one batch must not mix their files.
    let lock = reuse.map(|r| r.name_lock(options.out_dir.join(&prepared.slug)));
    let _guard = lock
        .as_ref()
        .map(|l| l.lock().unwrap_or_else(|e| e.into_inner()));
    let written = commit(staged)?;
    crate::timings::mark("bestanden geschreven");
    Ok(Made {
        slug: prepared.slug.clone(),
        written,
        warnings,
    })
}
