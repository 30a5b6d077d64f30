//! The PDF renderer: compiles the Typst template in-process against the
//! document model (as JSON) and exports PDF/A-2a + PDF/UA-1 by default.
//! The Typst world ([`typst_world`]), the compilation that starts from the
//! last layout ([`typst_compile`]), the PDF/A stream-end fix
//! ([`stream_ends`]), the Typst project export ([`bundle`]) and the
//! CONCEPT mark as shapes ([`concept_mark`]) live here.

pub mod bundle;
pub mod concept_mark;
pub mod stream_ends;
pub mod typst_compile;
pub mod typst_world;

use std::path::PathBuf;
use std::sync::Arc;

use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diagnostics::{Diagnostic, Problems, SourceText};
use crate::memo::Memo;
use crate::output::OutputFile;
use crate::render::pdf::typst_world::ReportWorld;
use crate::render::{RenderContext, RenderError, Renderer};
use crate::templates::TYPST_MAIN;

/// The PDF standards `--pdf-standaard` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum PdfStandaard {
    /// PDF/A-2a en PDF/UA-1: archiveerbaar en toegankelijk (standaard).
    #[default]
    #[value(name = "a-2a+ua-1")]
    A2aUa1,
    /// PDF/A-2a: archiveerbaar, met tags.
    #[value(name = "a-2a")]
    A2a,
    /// PDF/A-2b: archiveerbaar (alleen het uiterlijk).
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-3b: archiveerbaar, bijlagen toegestaan.
    #[value(name = "a-3b")]
    A3b,
    /// PDF/UA-1: toegankelijk.
    #[value(name = "ua-1")]
    Ua1,
    /// Gewone PDF 1.7, wel met tags.
    #[value(name = "geen")]
    Geen,
}

impl PdfStandaard {
    fn list(self) -> &'static [PdfStandard] {
        match self {
            PdfStandaard::A2aUa1 => &[PdfStandard::A_2a, PdfStandard::Ua_1],
            PdfStandaard::A2a => &[PdfStandard::A_2a],
            PdfStandaard::A2b => &[PdfStandard::A_2b],
            PdfStandaard::A3b => &[PdfStandard::A_3b],
            PdfStandaard::Ua1 => &[PdfStandard::Ua_1],
            PdfStandaard::Geen => &[],
        }
    }
}

/// Renders the report as PDF with Typst.
#[derive(Default)]
pub struct PdfRenderer {
    /// The standards the PDF meets (`--pdf-standaard`).
    pub standard: PdfStandaard,
    /// The last layout per report, from which its next build starts
    /// (`volg`); `None` keeps nothing.
    layouts: Option<Memo<String, PagedDocument>>,
    /// Where the report's Typst project goes too (`--typst-bundel`).
    bundle: Option<PathBuf>,
}

impl PdfRenderer {
    pub fn new(standard: PdfStandaard) -> Self {
        PdfRenderer {
            standard,
            ..PdfRenderer::default()
        }
    }

    /// Keep each report's layout for its next build (a series, `volg`).
    pub fn keeping_layouts(self) -> Self {
        PdfRenderer {
            layouts: Some(Memo::default()),
            ..self
        }
    }

    /// Whether a layout of the report `slug` is kept for its next build.
    pub fn keeps_layout_of(&self, slug: &str) -> bool {
        self.layouts.as_ref().is_some_and(|l| l.get(slug).is_some())
    }

    /// Also write the report's Typst project to the folder `dir`.
    pub fn with_bundle(self, dir: PathBuf) -> Self {
        PdfRenderer {
            bundle: Some(std::path::absolute(&dir).unwrap_or(dir)),
            ..self
        }
    }
}

/// The date Typst sees as "today": the publication date, never the clock.
fn publication_date(date: crate::document::Date) -> Datetime {
    use chrono::Datelike;
    let d = date.0;
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid fixed date"))
}

/// The Typst world of a report: its template files, data and charts.
pub fn world(ctx: &RenderContext) -> ReportWorld {
    let today = publication_date(ctx.document.meta.publicatiedatum);
    ReportWorld::new(
        &format!("/{TYPST_MAIN}"),
        virtual_files(ctx),
        today,
        typst_world::fonts_for(&ctx.style.fonts),
    )
}

/// Every file the template may read, at its virtual path.
pub fn virtual_files(ctx: &RenderContext) -> Vec<(String, Arc<[u8]>)> {
    let mut files: Vec<(String, Arc<[u8]>)> = ctx
        .templates
        .files
        .iter()
        .map(|(p, b)| (format!("/{p}"), b.clone()))
        .collect();
    let json = serde_json::to_vec_pretty(ctx.document).expect("the document model serialises");
    files.push(("/data/rapport.json".into(), Arc::from(json)));
    files.push((
        "/data/huisstijl.json".into(),
        Arc::from(ctx.style.to_json()),
    ));
    if ctx.document.meta.concept {
        let mark = concept_mark::outlines(&ctx.document.meta.labels.concept);
        let json = serde_json::to_vec(&mark).expect("the mark serialises");
        files.push(("/data/concept-merk.json".into(), Arc::from(json)));
    }
    for c in &ctx.charts.charts {
        files.push((format!("/{}", c.path()), Arc::from(c.svg.as_bytes())));
    }
    if let Some(logo) = &ctx.document.meta.logo {
        files.push((format!("/{}", logo.name()), logo.bytes.clone()));
    }
    files
}

impl Renderer for PdfRenderer {
    fn extension(&self) -> &'static str {
        "pdf"
    }

    /// In a series (`volg`) the layout starts from the last one of the
    /// same report, unless the report is large and memory comes first.
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let today = publication_date(ctx.document.meta.publicatiedatum);
        let world = world(ctx);
        let layouts = self.layouts.as_ref().filter(|_| ctx.scale.keeps_layout());
        let previous = layouts.and_then(|l| l.get(ctx.slug));
        let output = crate::render::pdf::typst_compile::compile(&world, previous.as_ref())
            .and_then(|c| {
                // A family no font provides is the editor's mistake, not a
                // silent change of font.
                if c.unknown_fonts.is_empty() {
                    Ok(c.document)
                } else {
                    Err(c.unknown_fonts)
                }
            });
        if let Some(layouts) = layouts
            && let Ok(document) = &output
        {
            layouts.insert(ctx.slug.to_string(), document.clone());
        }
        crate::timings::mark("pdf: Typst gecompileerd");
        if !ctx.scale.keeps_layout() {
            // The document is laid out: what led there is not needed to export it.
            crate::memory::release();
        }
        let document = output.map_err(|errors| template_errors(&world, ctx, &errors[..]))?;
        let standards = PdfStandards::new(self.standard.list())
            .map_err(|e| RenderError::PdfStandard(e.message().to_string()))?;
        let options = PdfOptions {
            ident: Smart::Custom(ctx.slug.to_string()),
            creator: Smart::Custom(Some(format!("techniekpact {}", env!("CARGO_PKG_VERSION")))),
            timestamp: Some(Timestamp::new_utc(today)),
            standards,
            tagged: true,
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options)
            .map(crate::render::pdf::stream_ends::fix)
            .map_err(|errors| template_errors(&world, ctx, &errors));
        crate::timings::mark("pdf: geëxporteerd");
        pdf
    }

    /// The PDF, and the Typst project when asked for.
    fn files(&self, ctx: &RenderContext) -> Result<Vec<OutputFile>, RenderError> {
        let mut files = vec![self.report_file(ctx)?];
        if let Some(dir) = &self.bundle {
            // Absolute: the project's folder is not under the output folder.
            files.extend(bundle::files(ctx).into_iter().map(|f| OutputFile {
                rel: dir.join(f.rel),
                bytes: f.bytes,
            }));
        }
        Ok(files)
    }
}

/// Typst's diagnostics as reports per template file, with positions. The
/// embedded templates are the program's own: an error there is an internal
/// one, not the user's.
fn template_errors(
    world: &ReportWorld,
    ctx: &RenderContext,
    errors: &[SourceDiagnostic],
) -> RenderError {
    crate::render::template_failure(
        ctx.templates,
        || editor_problems(world, ctx, errors),
        || internal_details(world, errors),
    )
}

/// Typst's diagnostics in the editor's own templates, per file.
fn editor_problems(
    world: &ReportWorld,
    ctx: &RenderContext,
    errors: &[SourceDiagnostic],
) -> Vec<Problems> {
    let mut reports: Vec<Problems> = Vec::new();
    for e in syntax_first(world, errors) {
        let mut d = Diagnostic::error(format!(
            "fout in het sjabloon: {}",
            dutch_message(&e.message)
        ));
        if !e.hints.is_empty() {
            d = d.hint(
                e.hints
                    .iter()
                    .map(|h| h.v.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        let located = e.span.id().and_then(|id| {
            let path = ReportWorld::path_of(id);
            let rel = path.trim_start_matches('/').to_string();
            let text = ctx.templates.get(&rel)?;
            let text = String::from_utf8_lossy(text).into_owned();
            Some((rel, text, world.range(e.span)))
        });
        match located {
            Some((rel, text, range)) => {
                let shown = ctx.templates.display_path(&rel);
                let d = d.at_opt(range);
                match reports.iter_mut().find(|r| r.path == shown) {
                    Some(r) => r.diagnostics.push(d),
                    None => reports.push(Problems::new(
                        &shown,
                        Some(SourceText::new(&shown, text)),
                        vec![d],
                    )),
                }
            }
            None => {
                let shown = ctx.templates.display_path(TYPST_MAIN);
                reports.push(Problems::new(&shown, None, vec![d]));
            }
        }
    }
    reports
}

/// The errors in the order that helps: when a delimiter is not closed, the
/// rest follows from it (Typst reads the code after it wrongly), so only
/// the unclosed delimiters are named, the innermost (the last opened)
/// first; otherwise all, as Typst gave them.
fn syntax_first<'a>(
    world: &ReportWorld,
    errors: &'a [SourceDiagnostic],
) -> Vec<&'a SourceDiagnostic> {
    let mut unclosed: Vec<&SourceDiagnostic> = errors
        .iter()
        .filter(|e| e.message.starts_with("unclosed delimiter"))
        .collect();
    if unclosed.is_empty() {
        return errors.iter().collect();
    }
    unclosed.sort_by_key(|e| std::cmp::Reverse(world.range(e.span).map(|r| r.start)));
    unclosed
}

/// Typst's own words and positions, one line per error, for a report to
/// the program's developers.
fn internal_details(world: &ReportWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let place = e.span.id().map_or_else(String::new, |id| {
                let path = ReportWorld::path_of(id);
                let at = world
                    .range(e.span)
                    .map_or(String::new(), |r| format!(" (byte {})", r.start));
                format!("{}{at}: ", path.trim_start_matches('/'))
            });
            let hints: String = e.hints.iter().map(|h| format!("; {}", h.v)).collect();
            format!("Typst: {place}{}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Dutch wording for the Typst messages a template author meets most.
fn dutch_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("file not found (searched at ") {
        let path = rest.trim_end_matches(')');
        return format!(
            "bestand niet gevonden: {path} (een sjabloon kan alleen bestanden uit zijn eigen map en de gegenereerde gegevens lezen)"
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variable: ") {
        return format!("onbekende naam: {rest}");
    }
    if message.starts_with("unclosed delimiter") {
        return "dit haakje wordt nergens gesloten; sluit ( met ), [ met ] en { met }".into();
    }
    if let Some(rest) = message.strip_prefix("unclosed string") {
        return format!("deze tekst tussen aanhalingstekens wordt nergens gesloten{rest}");
    }
    if let Some(rest) = message.strip_prefix("unexpected ") {
        return format!("onverwacht {rest}");
    }
    if let Some(rest) = message.strip_prefix("expected ") {
        return format!("hier hoort {rest}");
    }
    if let Some(rest) = message.strip_prefix("the character ")
        && let Some(ch) = rest.strip_suffix(" is not valid in code")
    {
        return format!("het teken {ch} kan hier niet staan (in code)");
    }
    if let Some(family) = message.strip_prefix(typst_compile::UNKNOWN_FONT) {
        let known = crate::fonts::list::FONTS.iter().map(|f| f.family).fold(
            Vec::<&str>::new(),
            |mut all, f| {
                if !all.contains(&f) {
                    all.push(f);
                }
                all
            },
        );
        return format!(
            "geen lettertype heet '{family}': de tekst zou zonder melding in een ander lettertype staan (beschikbaar: {})",
            known.join(", ")
        );
    }
    message.to_string()
}
