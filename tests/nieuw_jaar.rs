//! `nieuw-jaar`: the next year's data file.

use crate::common::*;

#[test]
fn next_year_file_is_made_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let source = std::fs::read(dir.path().join("noord-2016.yaml")).unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["nieuw-jaar", "noord-2016.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("noord-2017.yaml geschreven"));
    assert_eq!(
        std::fs::read(dir.path().join("noord-2016.yaml")).unwrap(),
        source,
        "source untouched"
    );

    let new = std::fs::read_to_string(dir.path().join("noord-2017.yaml")).unwrap();
    assert!(new.starts_with("# yaml-language-server: $schema="));
    assert!(new.contains("# NIEUW VERSLAGJAAR 2017"));
    assert!(new.contains("  verslagjaar: 2017\n"));
    assert!(new.contains("# CONTROLEREN voor 2017: status van vorig jaar"));
    assert!(
        new.contains("              2016: 34\n"),
        "measurements carried over"
    );

    // Until the date is filled in, the only problem is the date.
    let (code, _, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    assert_eq!(code, 1);
    assert_eq!(stderr.matches("fout:").count(), 1, "{stderr}");
    assert!(stderr.contains("'publicatiedatum' is geen datum"));
    std::fs::write(
        dir.path().join("noord-2017.yaml"),
        new.replace("JJJJ-MM-DD", "2018-03-14"),
    )
    .unwrap();
    let (code, stdout, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("in orde"));

    // It refuses to overwrite, unless asked.
    let (code, _, stderr) = run_in(dir.path(), &["nieuw-jaar", "noord-2016.yaml"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("bestaat al"));
    let (code, _, _) = run_in(
        dir.path(),
        &["nieuw-jaar", "noord-2016.yaml", "--overschrijven"],
    );
    assert_eq!(code, 0);
}
