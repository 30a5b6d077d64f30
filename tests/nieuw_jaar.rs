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
    assert!(stderr.contains("'publicatiedatum' is nog niet ingevuld"));
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

#[test]
fn controleer_after_nieuw_jaar_gives_one_line_per_open_point_and_the_details_on_request() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let (code, _, stderr) = run_in(dir.path(), &["nieuw-jaar", "noord-2016.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, stdout, stderr) = run_in(dir.path(), &["controleer", "noord-2017.yaml"]);
    let points: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("waarschuwing: noord-2017.yaml:"))
        .collect();
    let summary = stderr
        .lines()
        .find(|l| l.contains("te controleren voor publicatie"))
        .unwrap_or_else(|| panic!("{stderr}"));
    let n: usize = summary
        .split("nog ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert_eq!(points.len(), n, "one line per point: {stderr}");
    assert!(
        summary.contains("controleer --uitgebreid noord-2017.yaml"),
        "{summary}"
    );
    // No snippet for a point, and each missing figure once.
    assert!(
        stderr.lines().filter(|l| l.contains('│')).count() < 12,
        "{stderr}"
    );
    assert!(
        !stderr.contains("heeft geen meting over 2017"),
        "the marker names it: {stderr}"
    );
    // The placeholder date is named as still to fill in.
    assert!(
        stderr.contains("'publicatiedatum' is nog niet ingevuld"),
        "{stderr}"
    );
    assert!(stdout.contains(&format!("{n} waarschuwingen")), "{stdout}");
    // On request, each point with its line and tip.
    let (_, _, full) = run_in(
        dir.path(),
        &["controleer", "--uitgebreid", "noord-2017.yaml"],
    );
    assert!(
        full.lines().filter(|l| l.contains("tip:")).count() > n,
        "{full}"
    );
}
