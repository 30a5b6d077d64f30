//! `volg`: rebuild the reports whenever a data file, the previous year's
//! file or a template changes. The process stays alive, so fonts, the Typst
//! standard library and Typst's memoised layout stay warm between rebuilds.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::cli::args::{EXIT_INVALID, MaakArgs};
use crate::cli::batch::{make_all, make_options, print_problems};

/// Quiet time after a change before rebuilding, so that an editor's
/// save (write, rename, touch) causes one rebuild.
const SETTLE: Duration = Duration::from_millis(120);

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// The options of one build in the series: read the template folder again,
/// and start the PDF's layout from the last one ([`crate::render::pdf::typst_compile`]).
pub fn rebuild_options(
    args: &MaakArgs,
) -> Result<crate::pipeline::MakeOptions<'static>, crate::diagnostics::Problems> {
    let mut options = make_options(args)?;
    options.rebuild = true;
    Ok(options)
}

/// After a build: keep what the last two builds memoised and drop older
/// layouts, so a long session does not grow without bound (`typst watch`
/// keeps ten; two keep the memory the next build reuses small, which made a
/// rebuild faster, bench/RESULTS.md).
pub fn after_build() {
    typst::comemo::evict(2);
}

/// Build once, then again after every change, until interrupted.
pub fn volg(args: &MaakArgs) -> u8 {
    crate::memory::steady_allocation();
    let (tx, rx) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        let _ = tx.send(e);
    }) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("fout: kan bestanden niet volgen: {e}");
            return EXIT_INVALID;
        }
    };
    // Watch folders, not files: editors often save by replacing the file.
    let mut files: HashSet<PathBuf> = args.bestanden.iter().map(|p| absolute(p)).collect();
    if let Some(v) = &args.vorig {
        files.insert(absolute(v));
    }
    let mut folders: HashSet<PathBuf> = files
        .iter()
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    let templates = args.sjablonen.as_ref().map(|d| absolute(d));
    if let Some(t) = &templates {
        folders.insert(t.clone());
    }
    for f in &folders {
        let mode = if Some(f) == templates.as_ref() {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        };
        if let Err(e) = watcher.watch(f, mode) {
            eprintln!("fout: kan {} niet volgen: {e}", f.display());
            return EXIT_INVALID;
        }
    }
    let relevant = |p: &Path| {
        let p = absolute(p);
        files.contains(&p) || templates.as_ref().is_some_and(|t| p.starts_with(t))
    };
    println!(
        "Volgt {} en {}; stop met Ctrl+C.",
        args.bestanden
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        templates
            .as_ref()
            .map_or("de ingebouwde sjablonen".to_string(), |t| t
                .display()
                .to_string())
    );
    loop {
        let started = Instant::now();
        match rebuild_options(args) {
            Ok(options) => {
                make_all(args, &options);
            }
            Err(report) => print_problems(&report),
        }
        println!("herbouwd in {} ms", started.elapsed().as_millis());
        after_build();
        let _ = std::io::stdout().flush();
        // Wait for a relevant change, then for things to settle.
        loop {
            match rx.recv() {
                Ok(Ok(event)) => {
                    let changes = matches!(
                        event.kind,
                        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                    );
                    if changes && event.paths.iter().any(|p| relevant(p)) {
                        break;
                    }
                }
                Ok(Err(e)) => eprintln!("waarschuwing: {e}"),
                Err(_) => return EXIT_INVALID,
            }
        }
        while rx.recv_timeout(SETTLE).is_ok() {}
    }
}
