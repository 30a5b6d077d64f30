//! `volg`: rebuild the reports whenever a data file (for a national
//! overview also a landsdeel's file it names), a logo, the previous year's
//! file or a template changes. The process stays alive, so fonts, the Typst
//! standard library and Typst's memoised layout stay warm between rebuilds,
//! and one [`Reuse`] value carries what each build leaves for the next.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::cli::args::{EXIT_INVALID, MaakArgs};
use crate::cli::batch::{Keep, make_all, print_setup_error, renderers, setup};
use crate::errors::WatchError;
use crate::pipeline::Reuse;

/// Quiet time after a change before rebuilding, so that an editor's
/// save (write, rename, touch) causes one rebuild.
const SETTLE: Duration = Duration::from_millis(120);

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// After a build: keep what the last two builds memoised and drop older
/// layouts, so a long session does not grow without bound (`typst watch`
/// keeps ten; two keep the memory the next build reuses small, which made a
/// rebuild faster, bench/RESULTS.md).
pub fn after_build() {
    typst::comemo::evict(2);
}

/// What `volg` watches: the data files (and the previous year's) and the
/// template folder.
struct Watched {
    files: HashSet<PathBuf>,
    templates: Option<PathBuf>,
}

impl Watched {
    fn of(args: &MaakArgs) -> Self {
        let mut files: HashSet<PathBuf> = args.bestanden.iter().map(|p| absolute(p)).collect();
        if let Some(v) = &args.vorig {
            files.insert(absolute(v));
        }
        Watched {
            files,
            templates: args.sjablonen.as_ref().map(|d| absolute(d)),
        }
    }

    /// The data files now: those given, and the landsdelen's files a
    /// national file names (read again, so a landsdeel added to it is
    /// followed).
    fn data_files(&self) -> HashSet<PathBuf> {
        let mut all = self.files.clone();
        for f in &self.files {
            let Some(value) = read_yaml(f) else { continue };
            let Some(members) = value.get("landsdelen").and_then(|v| v.as_array()) else {
                continue;
            };
            let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
            all.extend(
                members
                    .iter()
                    .filter_map(|m| m.get("bestand")?.as_str())
                    .map(|b| absolute(&dir.join(b))),
            );
        }
        all
    }

    /// The logos the data files name now (a data file is read again for
    /// it, so a logo renamed in the data is followed).
    fn logos(&self) -> HashSet<PathBuf> {
        self.data_files()
            .iter()
            .filter_map(|f| {
                let value = read_yaml(f)?;
                let logo = value.pointer("/rapport/logo")?.as_str()?;
                Some(absolute(&f.parent()?.join(logo)))
            })
            .collect()
    }

    /// Watch folders, not files: editors often save by replacing the file.
    fn watch(&self, watcher: &mut impl Watcher) -> Result<(), WatchError> {
        let mut folders: HashSet<PathBuf> = self
            .data_files()
            .iter()
            .chain(self.logos().iter())
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .collect();
        folders.extend(self.templates.clone());
        for f in &folders {
            let mode = if Some(f) == self.templates.as_ref() {
                RecursiveMode::Recursive
            } else {
                RecursiveMode::NonRecursive
            };
            watcher
                .watch(f, mode)
                .map_err(|source| WatchError::Folder {
                    dir: f.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    fn relevant(&self, p: &Path) -> bool {
        let p = absolute(p);
        self.data_files().contains(&p)
            || self.templates.as_ref().is_some_and(|t| p.starts_with(t))
            || self.logos().contains(&p)
    }

    /// Whether `event` changed a watched file.
    fn changed_by(&self, event: &notify::Event) -> bool {
        matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
        ) && event.paths.iter().any(|p| self.relevant(p))
    }
}

/// The YAML value of a data file, if it reads.
fn read_yaml(path: &Path) -> Option<serde_json::Value> {
    serde_yaml::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

/// Build once, then again after every change, until interrupted.
pub fn volg(args: &MaakArgs) -> u8 {
    // Before the first build: `make_all`'s own choice then no longer applies.
    crate::memory::set_up(crate::memory::Allocation::Steady);
    let (tx, rx) = mpsc::channel();
    let watched = Watched::of(args);
    let started = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        let _ = tx.send(e);
    })
    .map_err(WatchError::Start)
    .and_then(|mut w| watched.watch(&mut w).map(|()| w));
    // The watcher stops when dropped: it lives as long as the loop.
    let _watcher = match started {
        Ok(w) => w,
        Err(e) => {
            super::batch::print_error(&e.into());
            return EXIT_INVALID;
        }
    };
    println!(
        "Volgt {} en {}; stop met Ctrl+C.",
        args.bestanden
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        watched
            .templates
            .as_ref()
            .map_or("de ingebouwde sjablonen".to_string(), |t| t
                .display()
                .to_string())
    );
    // What each build leaves for the next: the prepared reports, and in
    // the renderers the last PDF layouts and DOCX files and the rasterised
    // charts.
    let reuse = Reuse::series();
    let renderers = renderers(args, Keep::Series);
    loop {
        let started = Instant::now();
        // The template folder and the previous year are read again for
        // every build, once.
        match setup(args) {
            Ok(setup) => {
                super::batch::say_editor_styles(args, &setup);
                let run = crate::pipeline::Run {
                    setup: &setup,
                    renderers: &renderers,
                    out_dir: &args.uit,
                    reuse: Some(&reuse),
                };
                make_all(args, &run);
            }
            Err(e) => {
                print_setup_error(args, e);
            }
        }
        println!("herbouwd in {} ms", started.elapsed().as_millis());
        after_build();
        let _ = std::io::stdout().flush();
        // Wait for a relevant change, then for things to settle.
        loop {
            match rx.recv() {
                Ok(Ok(event)) if watched.changed_by(&event) => break,
                Ok(Ok(_)) => {}
                Ok(Err(e)) => eprintln!("waarschuwing: {e}"),
                Err(_) => return EXIT_INVALID,
            }
        }
        while rx.recv_timeout(SETTLE).is_ok() {}
    }
}
