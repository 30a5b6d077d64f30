//! `volg`: live rebuild on changes to data and templates.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use crate::common::*;

#[test]
fn rebuilds_on_template_and_data_changes_and_survives_errors() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let mut child = Command::new(bin())
        .args([
            "volg",
            "noord-2016.yaml",
            "--formaat",
            "pdf,docx",
            "--uit",
            "uit",
            "--sjablonen",
            "sjablonen",
        ])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let tx2 = tx.clone();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    std::thread::spawn(move || {
        for l in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = tx2.send(format!("stderr: {l}"));
        }
    });
    let mut seen = Vec::new();
    let mut wait_for = |what: &str| -> Vec<String> {
        let mut lines = Vec::new();
        loop {
            let l = rx
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("no {what:?} within 60 s; saw {seen:#?}"));
            seen.push(l.clone());
            lines.push(l.clone());
            if l.contains(what) {
                return lines;
            }
        }
    };
    wait_for("herbouwd in");
    let pdf = dir.path().join("uit/techniekpact-noord-2016.pdf");
    let first = std::fs::read(&pdf).unwrap();

    // A template edit rebuilds with the new look.
    std::thread::sleep(Duration::from_millis(300));
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    std::fs::write(
        tpl.join("huisstijl.yaml"),
        style.replace("#154273", "#8b0000"),
    )
    .unwrap();
    wait_for("herbouwd in");
    let second = std::fs::read(&pdf).unwrap();
    assert_ne!(first, second, "the edited template changed the PDF");

    // A size of the house style alone (no chart, no text changes) reaches
    // the DOCX's styles too: the DOCX of the last build is not reused.
    std::thread::sleep(Duration::from_millis(300));
    let style = std::fs::read_to_string(tpl.join("huisstijl.yaml")).unwrap();
    assert!(style.contains("  kop1: 18"));
    std::fs::write(
        tpl.join("huisstijl.yaml"),
        style.replace("  kop1: 18", "  kop1: 20"),
    )
    .unwrap();
    wait_for("herbouwd in");
    let docx = std::fs::read(dir.path().join("uit/techniekpact-noord-2016.docx")).unwrap();
    let styles = docx_part(&docx, "word/styles.xml");
    let at = styles.find(r#"w:styleId="Heading1""#).unwrap();
    let heading = &styles[at..at + styles[at..].find("</w:style>").unwrap()];
    assert!(heading.contains(r#"<w:sz w:val="40"/>"#), "{heading}");
    let before_logo = std::fs::read(&pdf).unwrap();

    // A new logo (the file the data names) rebuilds with the new logo.
    std::thread::sleep(Duration::from_millis(300));
    let logo_path = dir.path().join("logo-techniekpact-noord.svg");
    let logo = std::fs::read_to_string(&logo_path).unwrap();
    let recoloured = logo.replacen("fill=\"", "fill=\"#8b0000\" data-oud=\"", 1);
    assert_ne!(logo, recoloured, "the logo has a fill to change");
    std::fs::write(&logo_path, recoloured).unwrap();
    wait_for("herbouwd in");
    let second = std::fs::read(&pdf).unwrap();
    assert_ne!(before_logo, second, "the new logo changed the PDF");

    // A data error is reported and the process keeps going.
    std::thread::sleep(Duration::from_millis(300));
    let data = std::fs::read_to_string(dir.path().join("noord-2016.yaml")).unwrap();
    std::fs::write(
        dir.path().join("noord-2016.yaml"),
        data.replace("status: vertraagd", "status: kwijt"),
    )
    .unwrap();
    // Standard error and output arrive on separate pipes: wait for both.
    let (mut reported, mut rebuilt) = (false, false);
    while !(reported && rebuilt) {
        let l = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the error and the rebuild are reported");
        reported |= l.contains("ongeldige waarde voor 'status'");
        rebuilt |= l.contains("herbouwd in");
    }
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        second,
        "a failed rebuild keeps the last PDF"
    );
    assert!(child.try_wait().unwrap().is_none(), "still running");
    child.kill().unwrap();
    let _ = child.wait();
}

/// `volg LANDELIJK.yaml` rebuilds the national overview when a landsdeel's
/// file it names changes, not only the national file.
#[test]
fn the_national_overview_rebuilds_on_a_change_of_a_landsdeels_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in [
        "landelijk-2016.yaml",
        "noord-2016.yaml",
        "noordwest-2016.yaml",
        "oost-2016.yaml",
        "zuidoost-2016.yaml",
        "zuidwest-2016.yaml",
        "logo-techniekpact-noord.svg",
    ] {
        std::fs::copy(repo().join("data").join(f), d.join(f)).unwrap();
    }
    let mut child = Command::new(bin())
        .args([
            "volg",
            "landelijk-2016.yaml",
            "--formaat",
            "html",
            "--uit",
            "uit",
        ])
        .current_dir(d)
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    let wait = || loop {
        let l = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("a rebuild within 60 s");
        if l.contains("herbouwd in") {
            return;
        }
    };
    wait();
    let html = d.join("uit/techniekpact-landelijk-2016.html");
    assert!(
        !std::fs::read_to_string(&html)
            .unwrap()
            .contains("Gelderland en Overijssel")
    );
    std::thread::sleep(Duration::from_millis(300));
    let oost = std::fs::read_to_string(d.join("oost-2016.yaml")).unwrap();
    std::fs::write(
        d.join("oost-2016.yaml"),
        oost.replacen(
            "naam: Jet-Net-scholen in Oost-Nederland",
            "naam: Jet-Net-scholen in Gelderland en Overijssel",
            1,
        ),
    )
    .unwrap();
    wait();
    let text = std::fs::read_to_string(&html).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        text.contains("in Gelderland en Overijssel"),
        "the overview shows the landsdeel's new name"
    );
}
