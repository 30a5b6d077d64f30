//! What a renderer may keep from one build for the next: the last PDF
//! layout and the last DOCX of each report, the merged Word styles and the
//! rasterised charts. One [`RenderMemo`] belongs to the caller's
//! [`crate::pipeline::Reuse`]; a renderer called without one keeps nothing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use typst_layout::PagedDocument;

use crate::render::docx::raster::PngCache;

/// A map behind a lock that a panicking thread cannot poison for the others.
pub struct Memo<K, V>(Mutex<HashMap<K, V>>);

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo(Mutex::new(HashMap::new()))
    }
}

impl<K: std::hash::Hash + Eq, V: Clone> Memo<K, V> {
    fn lock(&self) -> MutexGuard<'_, HashMap<K, V>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The value kept for `key`.
    pub fn get<Q>(&self, key: &Q) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        self.lock().get(key).cloned()
    }

    /// Keep `value` for `key`, in place of what was kept before.
    pub fn insert(&self, key: K, value: V) {
        self.lock().insert(key, value);
    }

    /// The value for `key`, made by `make` the first time.
    pub fn get_or_insert_with(&self, key: K, make: impl FnOnce() -> V) -> V {
        self.lock().entry(key).or_insert_with(make).clone()
    }

    /// Keep only `value`, for `key`.
    pub fn replace_all(&self, key: K, value: V) {
        let mut map = self.lock();
        map.clear();
        map.insert(key, value);
    }
}

/// What the renderers reuse between the builds of one caller.
#[derive(Default)]
pub struct RenderMemo {
    /// Keep each report's own results (its PDF layout and DOCX) for the next
    /// build of the same report: a series of builds (`volg`), not a batch,
    /// whose reports are each made once.
    per_report: bool,
    /// The last layout per report name, for the next build of the PDF.
    pub layouts: Memo<String, PagedDocument>,
    /// The hash of the inputs and the bytes of the last DOCX per report name.
    pub docx: Memo<String, (u128, Arc<[u8]>)>,
    /// The Word styles merged with the reference document, by the hash of
    /// what they were merged from: the same for every report of a batch.
    pub styles: Memo<u128, Arc<str>>,
    /// Charts rasterised for the DOCX, by their SVG.
    pub pngs: PngCache,
}

impl RenderMemo {
    /// For a series of builds of the same reports (`volg`).
    pub fn series() -> Self {
        RenderMemo {
            per_report: true,
            ..RenderMemo::default()
        }
    }

    /// For the reports of one batch: only what reports share.
    pub fn batch() -> Self {
        RenderMemo::default()
    }

    /// Whether each report's own results are kept for its next build.
    pub fn per_report(&self) -> bool {
        self.per_report
    }
}
