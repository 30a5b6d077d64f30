//! The templates: the defaults compiled into the binary, or an edited copy
//! from a folder (`--sjablonen MAP`), ([`keys`]) the checks the editors'
//! YAML files share, and ([`vocabulary`]) the names the templates see.

pub mod jinja;
pub mod keys;
pub mod vocabulary;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Problems};

/// Main file of the Typst template.
pub const TYPST_MAIN: &str = "rapport.typ";

/// The default template files, embedded at build time.
pub const DEFAULTS: &[(&str, &[u8])] = &[
    ("rapport.typ", include_bytes!("../../templates/rapport.typ")),
    ("stijl.typ", include_bytes!("../../templates/stijl.typ")),
    ("stijl.docx", include_bytes!("../../templates/stijl.docx")),
    ("stijl.odt", include_bytes!("../../templates/stijl.odt")),
    (
        "teksten.yaml",
        include_bytes!("../../templates/teksten.yaml"),
    ),
    (
        "huisstijl.yaml",
        include_bytes!("../../templates/huisstijl.yaml"),
    ),
    (
        "rapport.html",
        include_bytes!("../../templates/rapport.html"),
    ),
    ("rapport.css", include_bytes!("../../templates/rapport.css")),
];

/// The embedded default of the template file `name` (empty if there is
/// none by that name).
pub fn default_file(name: &str) -> &'static [u8] {
    DEFAULTS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, bytes)| bytes)
}

/// A set of template files by relative path.
#[derive(Debug, Clone)]
pub struct Templates {
    /// Where they came from, for messages; `None` for the embedded defaults.
    pub dir: Option<PathBuf>,
    pub files: Vec<(String, Arc<[u8]>)>,
}

impl Templates {
    /// The embedded defaults.
    pub fn embedded() -> Self {
        Self {
            dir: None,
            files: DEFAULTS
                .iter()
                .map(|(p, b)| (p.to_string(), Arc::from(*b)))
                .collect(),
        }
    }

    /// Every regular file under `dir` (symbolic links are not followed);
    /// a template that still reads the model by its old names is refused,
    /// with every old name at its place.
    pub fn from_dir(dir: &Path) -> Result<Self, Vec<Problems>> {
        let fail = |msg: String, hint: &str| {
            vec![Problems::new(
                dir,
                None,
                vec![Diagnostic::error(msg).hint(hint)],
            )]
        };
        if !dir.is_dir() {
            return Err(fail(
                "de sjabloonmap bestaat niet".into(),
                "maak een kopie van de standaardsjablonen met 'techniekpact sjablonen MAP'",
            ));
        }
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d).map_err(|e| {
                fail(
                    format!("de map {} kan niet gelezen worden ({e})", d.display()),
                    "controleer de rechten",
                )
            })?;
            for entry in entries.flatten() {
                let path = entry.path();
                let Ok(kind) = entry.file_type() else {
                    continue;
                };
                if kind.is_dir() {
                    stack.push(path);
                } else if kind.is_file() {
                    let rel = path
                        .strip_prefix(dir)
                        .expect("entry lies under dir")
                        .to_string_lossy()
                        .replace('\\', "/");
                    let bytes = std::fs::read(&path).map_err(|e| {
                        fail(
                            format!("{} kan niet gelezen worden ({e})", path.display()),
                            "controleer de rechten",
                        )
                    })?;
                    files.push((rel, Arc::from(bytes)));
                }
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let t = Self {
            dir: Some(dir.to_path_buf()),
            files,
        };
        if t.get(TYPST_MAIN).is_none() {
            return Err(fail(
                format!("het sjabloon {TYPST_MAIN} ontbreekt in de sjabloonmap"),
                "maak een kopie van de standaardsjablonen met 'techniekpact sjablonen MAP'",
            ));
        }
        let old: Vec<Problems> = t
            .files
            .iter()
            .filter_map(|(rel, bytes)| {
                vocabulary::check(rel, &dir.join(rel), &String::from_utf8_lossy(bytes))
            })
            .collect();
        if !old.is_empty() {
            return Err(old);
        }
        Ok(t)
    }

    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.files.iter().find(|(p, _)| p == path).map(|(_, b)| b)
    }

    /// The text of the template file `rel` with the source it is reported
    /// under; a missing file is a problem with a hint.
    pub fn text(&self, rel: &str) -> Result<(String, crate::diagnostics::SourceText), Problems> {
        let path = self.display_path(rel);
        let Some(bytes) = self.get(rel) else {
            return Err(Problems::new(
                &path,
                None,
                vec![
                    Diagnostic::error(format!("het sjabloonbestand {rel} ontbreekt")).hint(
                        "maak een kopie van de standaardsjablonen met 'techniekpact sjablonen MAP'",
                    ),
                ],
            ));
        };
        let text = String::from_utf8_lossy(bytes).into_owned();
        let source = crate::diagnostics::SourceText::new(&path, text.as_str());
        Ok((text, source))
    }

    /// The path a template file is reported under.
    pub fn display_path(&self, rel: &str) -> PathBuf {
        match &self.dir {
            Some(d) => d.join(rel),
            None => Path::new("templates").join(rel),
        }
    }
}
