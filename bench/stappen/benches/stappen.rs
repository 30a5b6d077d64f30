//! Criterion benchmarks per pipeline stage (load+validate, analyse, charts,
//! document, rasterising, PDF, DOCX) on the example report, and the in-process
//! `volg` rebuild after a one-line template edit.
//!
//! Run with `cargo bench -p techniekpact-bench`; `bench/run` runs it and prints the
//! medians next to the whole-process measurements.

use std::ffi::OsStr;
use std::hint::black_box;
use std::path::{Path, PathBuf};

use clap::Parser;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use techniekpact::analysis::analyse;
use techniekpact::cli::{Cli, Command};
use techniekpact::document::charts;
use techniekpact::document::texts::TextSet;
use techniekpact::load::{LoadOptions, load};
use techniekpact::pipeline::Setup;
use techniekpact::pipeline::prepare;
use techniekpact::render::Renderer;
use techniekpact::render::docx::DocxRenderer;
use techniekpact::render::html::HtmlRenderer;
use techniekpact::render::pdf::PdfRenderer;
use techniekpact::render::raster::rasterise_all;
use techniekpact::templates::Templates;

/// From this package (bench/stappen) to the example of the repository.
const EXAMPLE: &str = "../../data/noord-2016.yaml";
/// The line of the default `stijl.typ` that the rebuild benchmark edits.
const MAIN_COLOUR: &str = "#let hoofdkleur = rgb(\"#154273\")";

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(EXAMPLE)
}

fn stages(c: &mut Criterion) {
    let path = example();
    let loaded = load(&path, LoadOptions::default()).expect("the example is valid");
    let setup = Setup::embedded();
    let prepared = prepare(&loaded, &setup).expect("the example prepares");
    let ctx = prepared.context(&setup);

    c.bench_function("laden_en_controleren", |b| {
        b.iter(|| load(black_box(&path), LoadOptions::default()).expect("valid"))
    });
    c.bench_function("analyseren", |b| {
        b.iter(|| analyse(black_box(&loaded.data)))
    });
    c.bench_function("grafieken_tekenen", |b| {
        let analysis = analyse(&loaded.data);
        let words = charts::ChartWords {
            metingen: "Metingen".into(),
            verwacht_traject: "Verwacht traject".into(),
            doel: "Doel".into(),
            realisatie: "Realisatie".into(),
            verwacht: "Verwacht".into(),
            caption: "Grafiek".into(),
            geen_meting: "geen meting".into(),
            nulmeting: "nulmeting".into(),
            verslagjaar: "verslagjaar 2016".into(),
            doel_bereikt: "100 % = doel bereikt".into(),
        };
        let year = loaded.data.rapport.verslagjaar;
        let style = techniekpact::document::house_style::HouseStyle::embedded();
        let texts = TextSet::load(&Templates::embedded()).expect("the default texts are valid");
        let text = |pick: fn(&_) -> &_, _: minijinja::Value| {
            techniekpact::document::texts::Text::template(pick(&texts.teksten.grafieken))
                .to_string()
        };
        b.iter(|| {
            let mut n = 1;
            for ind in loaded.data.indicatoren() {
                let a = analysis.indicator(&ind.id).expect("analysed");
                let status = a.status.key();
                black_box(charts::indicator::indicator_chart(
                    ind, year, status, &style, &words, &text,
                ));
                n += charts::breakdown::breakdown_chart(ind, &style, &words, &text).is_some()
                    as usize
                    + 1;
            }
            let caption = |_: usize, _: usize| String::new();
            black_box(charts::overview::summary_charts(
                &loaded.data,
                &analysis,
                &style,
                &words,
                &caption,
                &text,
            ));
            n
        })
    });
    c.bench_function("document_met_grafieken", |b| {
        b.iter(|| prepare(black_box(&loaded), &setup).expect("prepares"))
    });
    c.bench_function("grafieken_rasteren", |b| {
        b.iter(|| rasterise_all(black_box(&prepared.charts), None).expect("rasterises"))
    });
    // Typst memoises across compilations in one process: evict its caches
    // before each run so this measures the cold compile a `maak` run does.
    c.bench_function("pdf", |b| {
        b.iter_batched(
            || typst::comemo::evict(0),
            |_| PdfRenderer::default().render(&ctx).expect("renders"),
            BatchSize::PerIteration,
        )
    });
    c.bench_function("docx", |b| {
        b.iter(|| DocxRenderer::new().make(&ctx).expect("renders"))
    });
    c.bench_function("html", |b| {
        b.iter(|| HtmlRenderer.render(&ctx).expect("renders"))
    });
}

/// What `volg` does after an editor saves a template: read the template
/// folder, load the data and make PDF and DOCX, with the caches of the
/// process warm. Each iteration changes one line of `stijl.typ`: the main
/// colour (headings, lines) gets a value it never had before.
fn watch_rebuild(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let templates = dir.path().join("sjablonen");
    std::fs::create_dir(&templates).expect("template folder");
    for (name, bytes) in techniekpact::templates::DEFAULTS {
        std::fs::write(templates.join(name), bytes).expect("write a template");
    }
    let style = templates.join("stijl.typ");
    let original = std::fs::read_to_string(&style).expect("stijl.typ");
    let out = dir.path().join("uit");
    let cli = Cli::try_parse_from([
        OsStr::new("techniekpact"),
        OsStr::new("volg"),
        example().as_os_str(),
        OsStr::new("--uit"),
        out.as_os_str(),
        OsStr::new("--sjablonen"),
        templates.as_os_str(),
    ])
    .expect("valid arguments");
    let Command::Volg(args) = cli.command else {
        unreachable!("parsed as volg")
    };
    techniekpact::memory::set_up(techniekpact::memory::Allocation::Steady);
    let reuse = techniekpact::pipeline::Reuse::series();
    let renderers = techniekpact::cli::renderers(&args, techniekpact::cli::Keep::Series);
    let rebuild = || {
        let setup = techniekpact::cli::setup(&args).expect("templates are valid");
        let run = techniekpact::pipeline::Run {
            setup: &setup,
            renderers: &renderers,
            out_dir: &args.uit,
            reuse: Some(&reuse),
        };
        let made = run.make(&args.bestanden[0]).expect("rebuilds");
        techniekpact::cli::volg::after_build();
        made
    };
    rebuild();
    let mut edit = 0u32;
    c.bench_function("volg_herbouw_na_sjabloonwijziging", |b| {
        b.iter_batched(
            || {
                edit += 1;
                let line = format!("#let hoofdkleur = rgb(\"#15{:04x}\")", edit % 0x10000);
                let text = original.replacen(MAIN_COLOUR, &line, 1);
                assert_ne!(text, original, "stijl.typ defines {MAIN_COLOUR}");
                std::fs::write(&style, text).expect("edit the template");
            },
            |_| rebuild(),
            BatchSize::PerIteration,
        )
    });
}

criterion_group!(benches, stages, watch_rebuild);
criterion_main!(benches);
