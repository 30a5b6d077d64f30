//! A template can read only its own folder and the generated data.

use crate::common::*;

fn with_template_line(line: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let main = std::fs::read_to_string(tpl.join("rapport.typ")).unwrap();
    std::fs::write(tpl.join("rapport.typ"), format!("{main}\n{line}\n")).unwrap();
    std::fs::write(dir.path().join("geheim.txt"), "geheim").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("geheim.txt"), tpl.join("link.txt")).unwrap();
    let out = maak(
        &repo().join("data/noord-2016.yaml"),
        dir.path(),
        &["--sjablonen", tpl.to_str().unwrap()],
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn system_files_parent_folders_and_symlinks_are_out_of_reach() {
    for (line, path) in [
        (r#"#read("/etc/passwd")"#, "etc/passwd"),
        (r#"#read("../geheim.txt")"#, "geheim.txt"),
        (r#"#read("link.txt")"#, "link.txt"),
        (r#"#import "@preview/cetz:0.3.0": *"#, "cetz"),
    ] {
        let (code, stderr) = with_template_line(line);
        assert_eq!(code, 1, "{line} must fail");
        assert!(stderr.contains("fout in het sjabloon"), "{line}: {stderr}");
        assert!(
            stderr.contains("rapport.typ:"),
            "{line}: position named: {stderr}"
        );
        assert!(
            stderr.contains(path) || stderr.contains("niet beschikbaar"),
            "{line}: {stderr}"
        );
    }
}
