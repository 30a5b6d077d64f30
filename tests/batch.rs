//! Several reports in one run; one bad file does not stop the others.

use std::process::Command;

use crate::common::*;

#[test]
fn many_reports_in_one_process_and_bad_ones_reported() {
    let dir = tempfile::tempdir().unwrap();
    for n in [5, 10] {
        voorbeeld(dir.path(), n);
    }
    std::fs::write(dir.path().join("kapot.yaml"), "rapport: [\n").unwrap();
    let out = Command::new(bin())
        .args([
            "maak",
            "voorbeeld-5.yaml",
            "kapot.yaml",
            "voorbeeld-10.yaml",
            "--uit",
            "uit",
            "--formaat",
            "pdf",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "some failed");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("voorbeeld-5.yaml: "), "{stdout}");
    assert!(lines[1].starts_with("kapot.yaml: ongeldig"), "{stdout}");
    assert!(lines[2].starts_with("voorbeeld-10.yaml: "), "{stdout}");
    // Both synthetic reports share a name: the one given last is made, the
    // other is refused with the reason.
    assert!(
        lines[0].contains("mislukt; er is niets geschreven"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .contains("dezelfde naam (techniekpact-voorbeeld-2016) als dat van voorbeeld-10.yaml"),
        "{stderr}"
    );
    let text = normalise(&pdf_text(
        &dir.path().join("uit/techniekpact-voorbeeld-2016.pdf"),
    ));
    assert!(
        text.contains("Voorbeeld met 10 indicatoren"),
        "voorbeeld-10 won"
    );
    assert!(!text.contains("Voorbeeld met 5 indicatoren"));
}
