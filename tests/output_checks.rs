//! Checks on the written files: a structurally valid PDF (qpdf), a DOCX
//! whose XML parts are all well-formed, and byte-identical output from
//! different working folders.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::common::*;

fn make_in(cwd: &Path, data: &str, out: &str) {
    let o = Command::new(bin())
        .args(["maak", data, "--uit", out])
        .current_dir(cwd)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn identical_output_from_different_working_folders() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    copy_data(&a.path().join("data"));
    copy_data(&b.path().join("elders/gegevens"));
    make_in(a.path(), "data/noord-2016.yaml", "uit");
    make_in(
        &b.path().join("elders"),
        "gegevens/noord-2016.yaml",
        "../resultaat",
    );
    let one = files_under(&a.path().join("uit"));
    let two = files_under(&b.path().join("resultaat"));
    assert_eq!(one.len(), 11, "PDF, DOCX and nine charts");
    assert_eq!(
        one.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        two.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((name, x), (_, y)) in one.iter().zip(&two) {
        assert!(x == y, "{name} differs between working folders");
    }
}

#[test]
fn docx_parts_are_well_formed_xml() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(&dir.path().join("data"));
    make_in(dir.path(), "data/noord-2016.yaml", "uit");
    let docx = std::fs::read(dir.path().join("uit/techniekpact-noord-2016.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a valid zip");
    let mut checked = 0;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            roxmltree::Document::parse(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
            checked += 1;
        }
    }
    assert!(checked >= 12, "{checked} XML parts");
}

#[test]
fn pdf_passes_qpdf_check() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(&dir.path().join("data"));
    make_in(dir.path(), "data/noord-2016.yaml", "uit");
    let pdf = dir.path().join("uit/techniekpact-noord-2016.pdf");
    match Command::new("qpdf").arg("--check").arg(&pdf).output() {
        Ok(out) => {
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "qpdf --check failed:\n{stdout}");
            assert!(
                stdout.contains("No syntax or stream encoding errors found"),
                "{stdout}"
            );
        }
        // .ci/run installs qpdf; on a developer machine without it, say so.
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!(
                "qpdf niet gevonden; installeer het (apt-get install qpdf) om de PDF te controleren"
            );
        }
        Err(e) => panic!("qpdf is required in CI: {e}"),
    }
}

/// A rebuild leaves files whose content did not change alone (same inode,
/// same modification time) and replaces the others.
#[test]
fn unchanged_files_are_not_written_again() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("rapport.yaml");
    std::fs::write(&data, BASE).unwrap();
    let out = dir.path().join("uit");
    maak_ok(&data, &out, &["--pdf-standaard", "geen"]);
    let docx = out.join("techniekpact-noord-2016.docx");
    let pdf = out.join("techniekpact-noord-2016.pdf");
    let before = (
        std::fs::metadata(&docx).unwrap(),
        std::fs::metadata(&pdf).unwrap(),
    );
    // Same data: nothing is replaced.
    maak_ok(&data, &out, &["--pdf-standaard", "geen"]);
    let same = std::fs::metadata(&docx).unwrap();
    assert_eq!(same.ino(), before.0.ino());
    assert_eq!(same.mtime_nsec(), before.0.mtime_nsec());
    assert_eq!(std::fs::metadata(&pdf).unwrap().ino(), before.1.ino());
    // Another title: both formats are replaced.
    std::fs::write(&data, with("titel: Testrapport", "titel: Ander rapport")).unwrap();
    maak_ok(&data, &out, &["--pdf-standaard", "geen"]);
    assert_ne!(std::fs::metadata(&docx).unwrap().ino(), before.0.ino());
    assert_ne!(std::fs::metadata(&pdf).unwrap().ino(), before.1.ino());
}
