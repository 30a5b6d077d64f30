//! Writing the files of one report all together or not at all: each file
//! goes to a temporary file in its target folder, is synced, and only when
//! every file is ready are they renamed into place.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// One output file: path relative to the output folder, and its bytes.
pub struct OutputFile {
    pub rel: PathBuf,
    pub bytes: Vec<u8>,
}

/// Write `files` under `dir`. On error nothing visible has changed, except
/// when renaming itself fails half-way (a full disk fails before that).
pub fn write_all(dir: &Path, files: &[OutputFile]) -> Result<Vec<PathBuf>, String> {
    let mut staged: Vec<(NamedTempFile, PathBuf)> = Vec::with_capacity(files.len());
    for f in files {
        let target = dir.join(&f.rel);
        let parent = target.parent().unwrap_or(dir);
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("kan map {} niet maken: {e}", parent.display()))?;
        let mut tmp = NamedTempFile::new_in(parent).map_err(|e| {
            format!(
                "kan geen tijdelijk bestand maken in {}: {e}",
                parent.display()
            )
        })?;
        tmp.write_all(&f.bytes)
            .and_then(|()| tmp.as_file().sync_all())
            .map_err(|e| format!("kan {} niet schrijven: {e}", target.display()))?;
        // Temporary files are private; the report is an ordinary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).map_or(0o644, |m| m.permissions().mode());
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(mode))
                .map_err(|e| format!("kan de rechten van {} niet zetten: {e}", target.display()))?;
        }
        staged.push((tmp, target));
    }
    let mut written = Vec::with_capacity(staged.len());
    for (tmp, target) in staged {
        tmp.persist(&target)
            .map_err(|e| format!("kan {} niet vervangen: {}", target.display(), e.error))?;
        written.push(target);
    }
    Ok(written)
}
