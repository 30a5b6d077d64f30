//! One run, one setup: a batch of reports reads each template file and
//! the previous year's file once, whatever the number of reports
//! ([`techniekpact::setup::Setup`]). Seen from outside, as the kernel
//! reports the opening of files (inotify, through notify).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::event::{AccessKind, EventKind};
use notify::{RecursiveMode, Watcher};

use crate::common::*;

/// How often each file under the watched folders was opened while `run`
/// ran.
fn opened_while(folders: &[&Path], run: impl FnOnce()) -> BTreeMap<PathBuf, usize> {
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        let _ = tx.send(e);
    })
    .unwrap();
    for f in folders {
        watcher.watch(f, RecursiveMode::Recursive).unwrap();
    }
    run();
    // The kernel's last events may still be on their way.
    std::thread::sleep(Duration::from_millis(500));
    drop(watcher);
    let mut opened = BTreeMap::new();
    for event in rx.try_iter().flatten() {
        if matches!(event.kind, EventKind::Access(AccessKind::Open(_))) {
            for p in event.paths {
                *opened.entry(p).or_insert(0) += 1;
            }
        }
    }
    opened
}

#[test]
fn a_batch_reads_each_template_file_and_the_previous_year_once() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("sjablonen");
    let (code, _, err) = run_in(dir.path(), &["sjablonen", "sjablonen"]);
    assert_eq!(code, 0, "{err}");
    let previous = dir.path().join("vorig");
    std::fs::create_dir_all(&previous).unwrap();
    for f in ["noord-2015.yaml", "logo-techniekpact-noord.svg"] {
        std::fs::copy(repo().join("data").join(f), previous.join(f)).unwrap();
    }
    // Three reports of different names.
    let data = dir.path().join("gegevens");
    let files: Vec<String> = [1, 2, 3]
        .iter()
        .map(|&n| {
            let case = generator::case(generator::SEED, n);
            let (file, _) = generator::write(&case, &data);
            file.display().to_string()
        })
        .collect();
    let out = dir.path().join("uit");
    let opened = opened_while(&[&templates, &previous], || {
        let mut args: Vec<&str> = vec!["maak"];
        args.extend(files.iter().map(String::as_str));
        args.extend([
            "--uit",
            out.to_str().unwrap(),
            "--sjablonen",
            templates.to_str().unwrap(),
            "--vorig",
            "vorig/noord-2015.yaml",
            "--formaat",
            "pdf,docx,html",
        ]);
        let (code, stdout, err) = run_in(dir.path(), &args);
        assert_eq!(code, 0, "{stdout}{err}");
        assert_eq!(
            stdout.lines().filter(|l| l.contains(" ms)")).count(),
            3,
            "{stdout}"
        );
    });
    let template_files: Vec<PathBuf> = techniekpact::templates::DEFAULTS
        .iter()
        .map(|(name, _)| templates.join(name))
        .collect();
    for f in &template_files {
        assert_eq!(opened.get(f), Some(&1), "{}: {opened:?}", f.display());
    }
    assert_eq!(
        opened.get(&previous.join("noord-2015.yaml")),
        Some(&1),
        "{opened:?}"
    );
}
