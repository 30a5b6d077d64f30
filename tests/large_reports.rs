//! The large-report policy ([`techniekpact::memory::Scale`]): a report of
//! many charts renders one format after the other, so that the peaks of
//! Typst and of the DOCX do not add up; an ordinary report renders its
//! formats side by side.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use techniekpact::memory::Scale;
use techniekpact::pipeline::{Run, Setup};
use techniekpact::render::{RenderContext, RenderError, Renderer};
use techniekpact::synthetic::{of_size, to_yaml};

use crate::common::repo;

/// A format that notes the most renderers that ever ran at once.
struct Probe {
    extension: &'static str,
    active: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

impl Renderer for Probe {
    fn extension(&self) -> &'static str {
        self.extension
    }

    fn render(&self, _: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let now = self.active.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
        // Long enough for the other format to start, when it may.
        std::thread::sleep(Duration::from_millis(300));
        self.active.fetch_sub(1, Ordering::SeqCst);
        Ok(self.extension.as_bytes().to_vec())
    }
}

/// The scale of the report in `data`, and how many of its two formats
/// rendered at once.
fn formats_at_once(data: &std::path::Path) -> (Scale, usize) {
    let (active, most) = (Arc::default(), Arc::new(AtomicUsize::new(0)));
    let probe = |extension| {
        Box::new(Probe {
            extension,
            active: Arc::clone(&active),
            most: Arc::clone(&most),
        }) as Box<dyn Renderer + Send + Sync>
    };
    let renderers = vec![probe("een"), probe("twee")];
    let setup = Setup::embedded();
    let out = tempfile::tempdir().unwrap();
    let run = Run {
        setup: &setup,
        renderers: &renderers,
        out_dir: out.path(),
        reuse: None,
    };
    let (warnings, prepared) = run.prepare(data).unwrap();
    let made = run.write(&prepared, warnings).unwrap();
    // What each format rendered is what was written.
    for ext in ["een", "twee"] {
        let written = std::fs::read(out.path().join(format!("{}.{ext}", made.slug))).unwrap();
        assert_eq!(written, ext.as_bytes());
    }
    (prepared.scale, most.load(Ordering::SeqCst))
}

#[test]
fn a_large_report_renders_one_format_at_a_time_and_an_ordinary_one_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let large = dir.path().join("groot.yaml");
    // 45 indicators draw more than 60 charts: a large report.
    std::fs::write(&large, to_yaml(&of_size(45))).unwrap();
    assert_eq!(formats_at_once(&large), (Scale::Large, 1));
    let example = repo().join("data/noord-2016.yaml");
    assert_eq!(formats_at_once(&example), (Scale::Ordinary, 2));
}

#[test]
fn a_run_with_one_large_report_sets_the_allocator_lean() {
    use techniekpact::memory::Allocation;
    assert_eq!(
        Scale::allocation([Scale::Ordinary, Scale::Ordinary]),
        Allocation::Default
    );
    assert_eq!(
        Scale::allocation([Scale::Ordinary, Scale::Large]),
        Allocation::Lean
    );
}
