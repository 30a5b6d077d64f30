//! Hostile YAML: each case gets a Dutch error quickly and with bounded
//! memory, never a panic or a hang.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::*;
use techniekpact::load::{LoadOptions, load};

/// Generous bound: these must fail fast, not hang (debug build, shared CI).
const QUICK: Duration = Duration::from_secs(5);

fn refused(path: &Path) -> String {
    let started = Instant::now();
    let report = load(path, LoadOptions::default()).expect_err("must be refused");
    assert!(started.elapsed() < QUICK, "took {:?}", started.elapsed());
    report.diagnostics[0].message.clone()
}

fn file(dir: &Path, name: &str, content: impl AsRef<[u8]>) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, content).unwrap();
    p
}

#[test]
fn billion_laughs() {
    let dir = tempfile::tempdir().unwrap();
    let mut y = String::from(
        "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..10 {
        let prev = format!("*a{}", i - 1);
        y.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 9].join(",")));
    }
    let msg = refused(&file(dir.path(), "bom.yaml", y));
    assert_eq!(msg, "te veel herhaalde verwijzingen (*alias)");
}

#[test]
fn deep_nesting() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("rapport: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let msg = refused(&file(dir.path(), "diep.yaml", deep));
    assert!(msg.contains("te diep genest"), "{msg}");
}

#[test]
fn very_large_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("groot.yaml");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let msg = refused(&p);
    assert!(msg.starts_with("het bestand is te groot (50 MB"), "{msg}");
}

#[test]
fn device_file() {
    let msg = refused(Path::new("/dev/zero"));
    assert_eq!(msg, "dit is geen gewoon bestand");
}

#[test]
fn many_aliases_to_a_valid_report_are_fine_or_refused_cleanly() {
    // Anchors and aliases used normally still load.
    let text = with(
        "    naam: Kiezen voor techniek",
        "    naam: &kiezen Kiezen voor techniek",
    )
    .replace("    naam: Leren in de techniek", "    naam: *kiezen");
    let loaded = load_text(&text).expect("aliases are YAML");
    assert_eq!(loaded.data.actielijnen[1].naam, "Kiezen voor techniek");
}

/// Extreme values the data format allows end in a sound report (PDF, DOCX
/// and charts), never a panic, an abort or an unreadable chart.
#[test]
fn extreme_but_valid_values_make_a_sound_report() {
    let long_name = "Naam".repeat(2_500);
    let cases = [
        (
            "tiny",
            with("              2016: 34\n", "              2016: 1e-12\n"),
        ),
        (
            "negative",
            with(
                "nulmeting: {jaar: 2014, waarde: 10}",
                "nulmeting: {jaar: 2014, waarde: -500}",
            )
            .replace("2016: 34\n", "2016: -12\n"),
        ),
        (
            "long-name",
            with("naam: Schoolbesturen", &format!("naam: {long_name}")),
        ),
        (
            "long-span",
            with("nulmeting: {jaar: 2014", "nulmeting: {jaar: 1950"),
        ),
    ];
    for (name, text) in cases {
        let dir = tempfile::tempdir().unwrap();
        let data = file(dir.path(), &format!("{name}.yaml"), &text);
        let out = dir.path().join("uit");
        let o = maak(&data, &out, &[]);
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        for ext in ["pdf", "docx"] {
            assert!(
                out.join(format!("techniekpact-noord-2016.{ext}")).exists(),
                "{name}: {ext}"
            );
        }
        let chart =
            std::fs::read_to_string(out.join("grafieken/techniekpact-noord-2016/besturen.svg"))
                .unwrap();
        // Year labels on the axis: at most a dozen, also over 70 years.
        let years = (1950..=2020)
            .filter(|y| chart.contains(&format!(">\n{y}\n</text>")))
            .count();
        assert!((2..=12).contains(&years), "{name}: {years} year labels");
    }
}
