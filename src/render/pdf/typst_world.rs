//! A Typst [`World`] for the report: embedded fonts, the template files and
//! the generated data served from memory, nothing else.
//!
//! No system font is scanned, no package is downloaded and no file outside
//! the template folder and the generated data can be read: every other path
//! is "not found".

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// Fonts parsed once per process and shared by every world.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

/// The embedded fonts, parsed on first use.
pub fn fonts() -> Arc<FontSet> {
    fonts_for(&crate::fonts::house::HouseFonts::embedded())
}

/// The fonts of a house font: its four files first, then the embedded
/// fallbacks (Noto Sans too, for the scripts an editor's font lacks);
/// parsed once per house font and process.
pub fn fonts_for(house: &crate::fonts::house::HouseFonts) -> Arc<FontSet> {
    static SETS: LazyLock<Mutex<HashMap<u128, Arc<FontSet>>>> = LazyLock::new(Default::default);
    let mut sets = SETS.lock().unwrap_or_else(|e| e.into_inner());
    sets.entry(house.fingerprint)
        .or_insert_with(|| {
            let fonts: Vec<Font> = house
                .all_files()
                .into_iter()
                .flat_map(|(_, data)| Font::iter(Bytes::new(data)))
                .collect();
            Arc::new(FontSet {
                book: LazyHash::new(FontBook::from_fonts(&fonts)),
                fonts,
            })
        })
        .clone()
}

/// Typst's standard library, built once per process, with the feature
/// the template's row headers need (`pdf.header-cell`, a11y-extras; the
/// bundle's `typst compile` passes `--features a11y-extras`).
pub fn library() -> &'static LazyHash<Library> {
    static LIB: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
        let features = [typst::Feature::A11yExtras].into_iter().collect();
        LazyHash::new(Library::builder().with_features(features).build())
    });
    &LIB
}

/// The id of a file at an absolute virtual path such as `/rapport.typ`.
pub fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("a valid virtual path"),
    )
    .intern()
}

/// The files of one compilation, all in memory.
pub struct ReportWorld {
    main: FileId,
    fonts: Arc<FontSet>,
    files: HashMap<FileId, Bytes>,
    sources: Mutex<HashMap<FileId, Source>>,
    today: Datetime,
}

impl ReportWorld {
    /// A world whose main file is `main`; `files` maps virtual paths
    /// (`/rapport.typ`, `/data/rapport.json`) to contents.
    pub fn new(
        main: &str,
        files: Vec<(String, Arc<[u8]>)>,
        today: Datetime,
        fonts: Arc<FontSet>,
    ) -> Self {
        Self {
            main: file_id(main),
            fonts,
            files: files
                .into_iter()
                .map(|(p, data)| (file_id(&p), Bytes::new(data)))
                .collect(),
            sources: Mutex::new(HashMap::new()),
            today,
        }
    }

    /// The virtual path of a file, for messages.
    pub fn path_of(id: FileId) -> String {
        id.vpath().get_with_slash().to_string()
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut cache = self.sources.lock().expect("source cache");
        if let Some(s) = cache.get(&id) {
            return Ok(s.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text.to_string());
        cache.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Other(Some(
                format!("pakket {spec} is niet beschikbaar: sjablonen kunnen geen pakketten laden")
                    .into(),
            )));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
