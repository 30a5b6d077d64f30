//! Writing the files of one report all together or not at all: each file
//! goes to a temporary file in its target folder and is synced ("staged"),
//! and only when every file is staged are they renamed into place
//! ("committed"). Staging runs in parallel and can start while other files
//! of the report are still being made.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tempfile::NamedTempFile;

use crate::errors::OutputError;

/// One output file: path relative to the output folder, and its bytes.
pub struct OutputFile {
    pub rel: PathBuf,
    pub bytes: Vec<u8>,
}

/// A file written and synced next to its target, not yet visible there
/// (dropping it removes the temporary file), or a target that already holds
/// exactly these bytes and is left alone.
pub enum Staged {
    New { tmp: NamedTempFile, target: PathBuf },
    Unchanged { target: PathBuf },
}

/// Whether `target` is a regular file with exactly `bytes` as content.
fn holds(target: &Path, bytes: &[u8]) -> bool {
    std::fs::symlink_metadata(target).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && std::fs::read(target).is_ok_and(|old| old == bytes)
}

/// Write `file` to a synced temporary file in its target folder under `dir`.
/// A target that already has the same content is not written again (a
/// rebuild in `volg` after a template edit changes only the PDF).
pub fn stage(dir: &Path, file: &OutputFile) -> Result<Staged, OutputError> {
    let target = dir.join(&file.rel);
    if holds(&target, &file.bytes) {
        return Ok(Staged::Unchanged { target });
    }
    let parent = target.parent().unwrap_or(dir);
    std::fs::create_dir_all(parent).map_err(|source| OutputError::CreateDir {
        dir: parent.to_path_buf(),
        source,
    })?;
    let mut tmp = NamedTempFile::new_in(parent).map_err(|source| OutputError::TempFile {
        dir: parent.to_path_buf(),
        source,
    })?;
    tmp.write_all(&file.bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|source| OutputError::Write {
            path: target.clone(),
            source,
        })?;
    // Temporary files are private; the report is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&target).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|source| OutputError::Permissions {
                path: target.clone(),
                source,
            })?;
    }
    Ok(Staged::New { tmp, target })
}

/// Stage every file, in parallel; on the first error, none stays staged.
pub fn stage_all(dir: &Path, files: &[OutputFile]) -> Result<Vec<Staged>, OutputError> {
    files.par_iter().map(|f| stage(dir, f)).collect()
}

/// Rename staged files into place, in order. On error nothing visible has
/// changed, except when renaming itself fails half-way (a full disk fails
/// while staging, before that).
pub fn commit(staged: Vec<Staged>) -> Result<Vec<PathBuf>, OutputError> {
    let mut written = Vec::with_capacity(staged.len());
    for file in staged {
        let target = match file {
            Staged::New { tmp, target } => {
                tmp.persist(&target).map_err(|e| OutputError::Replace {
                    path: target.clone(),
                    source: e.error,
                })?;
                target
            }
            Staged::Unchanged { target } => target,
        };
        written.push(target);
    }
    Ok(written)
}

/// The folders of an output folder before a run (the folder itself, its
/// `grafieken/` and the folders in that), so that a run that fails leaves
/// no empty folder of its own behind.
pub struct Folders {
    dir: PathBuf,
    before: Vec<PathBuf>,
}

impl Folders {
    /// The folders under `dir` as they are now.
    pub fn before(dir: &Path) -> Self {
        Folders {
            dir: dir.to_path_buf(),
            before: Self::list(dir),
        }
    }

    /// `dir`, `dir/grafieken` and its folders, those that exist, deepest
    /// first.
    fn list(dir: &Path) -> Vec<PathBuf> {
        let charts = dir.join(crate::document::charts::CHARTS_DIR);
        let mut out: Vec<PathBuf> = std::fs::read_dir(&charts)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
                    .map(|e| e.path())
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out.extend(
            [charts, dir.to_path_buf()]
                .into_iter()
                .filter(|p| p.is_dir()),
        );
        out
    }

    /// Remove the folders the run made that are empty.
    pub fn remove_new_empty(&self) {
        for folder in Self::list(&self.dir) {
            if !self.before.contains(&folder) {
                // Only an empty folder can be removed: anything else stays.
                let _ = std::fs::remove_dir(&folder);
            }
        }
    }
}

/// Write `files` under `dir`, all or nothing.
pub fn write_all(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>, OutputError> {
    commit(stage_all(dir, files)?)
}

/// Write one file at `target` (its folder made when needed), replacing it
/// whole or leaving it as it was.
pub fn write_one(target: &Path, bytes: Vec<u8>) -> Result<(), OutputError> {
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file = OutputFile {
        rel: PathBuf::from(target.file_name().unwrap_or_default()),
        bytes,
    };
    write_all(dir, &[file]).map(|_| ())
}
