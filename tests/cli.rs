//! The command line: `controleer`, `schema`, exit statuses and Dutch messages.

use std::process::Command;

use crate::common::*;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(bin())
        .args(args)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("run techniekpact");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn example_files_pass_controleer() {
    let (code, stdout, stderr) = run(&[
        "controleer",
        "data/noord-2014.yaml",
        "data/noord-2015.yaml",
        "data/noord-2016.yaml",
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("fout:"), "no errors expected: {stderr}");
    // The examples show the statuses a real report has: an indicator
    // without a measurement for the year, an action past its deadline.
    // The publication check names them, as warnings.
    for (year, warnings) in [
        (2014, "1 waarschuwing"),
        (2015, "0 waarschuwingen"),
        (2016, "2 waarschuwingen"),
    ] {
        assert!(
            stdout.contains(&format!("data/noord-{year}.yaml: in orde ({warnings})")),
            "{stdout}"
        );
    }
    assert!(
        stderr.contains("indicator 'pps-initiatieven' heeft geen meting over 2016"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "actie 'deelname-werkgroep' moest in 2016 gereed zijn, maar staat op 'lopend'"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("data/noord-2016.yaml: nog 2 punten te controleren voor publicatie"),
        "{stderr}"
    );
}

#[test]
fn warnings_pass_unless_strict() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("waarschuwing.yaml");
    std::fs::write(&p, with("Drenthe: {2016: 14}", "Drenthe: {2016: 10}")).unwrap();
    let (code, stdout, stderr) = run(&["controleer", p.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(stdout.contains("in orde (1 waarschuwing)"));
    assert!(stderr.contains("waarschuwing:"), "{stderr}");
    let (code, _, _) = run(&["controleer", "--strikt", p.to_str().unwrap()]);
    assert_eq!(code, 1);
}

#[test]
fn missing_file_is_invalid_input() {
    let (code, _, stderr) = run(&["controleer", "data/bestaat-niet.yaml"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("fout: data/bestaat-niet.yaml: het bestand bestaat niet"),
        "{stderr}"
    );
}

#[test]
fn wrong_usage_exits_2_in_dutch() {
    let (code, _, stderr) = run(&["controleer", "--onbekend", "x.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("onbekende optie '--onbekend'"), "{stderr}");
    let (code, _, stderr) = run(&["opruimen"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("onbekende opdracht 'opruimen'"), "{stderr}");
    let (code, _, stderr) = run(&["controleer"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("er ontbreekt een argument: <GEGEVENS.yaml>"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["maak", "x.yaml", "--formaat", "pdf,docs"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(
            "ongeldige waarde 'docs' voor --formaat <FORMATEN>; kies uit: pdf, docx, html, odt, cijfers (bedoelt u 'docx'?)"
        ),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["maak", "x.yaml", "--uit"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("de optie --uit <MAP> heeft een waarde nodig"),
        "{stderr}"
    );
}

#[test]
fn help_is_dutch() {
    let (code, stdout, _) = run(&["--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Opdrachten"), "{stdout}");
    assert!(stdout.contains("controleer"));
    assert!(stdout.contains("Afsluitstatus"));
    let (_, stdout, _) = run(&["maak", "--help"]);
    assert!(
        stdout.contains("Map voor de rapporten en grafieken"),
        "{stdout}"
    );
}

/// clap's English is gone from every help text: headings, placeholders,
/// default and possible values.
#[test]
fn help_has_no_english_but_option_names() {
    let english = [
        "Usage",
        "Options",
        "OPTIONS",
        "COMMAND",
        "Commands",
        "Possible",
        "possible",
        "default",
        "Print",
        "Arguments",
        "[env:",
    ];
    let mut pages = vec![vec!["--help"]];
    for sub in [
        "controleer",
        "maak",
        "volg",
        "nieuw-jaar",
        "sjablonen",
        "voorbeeld",
        "schema",
    ] {
        pages.push(vec![sub, "--help"]);
    }
    for args in pages {
        let (code, stdout, _) = run(&args);
        assert_eq!(code, 0, "{args:?}");
        assert!(
            stdout.contains("Gebruik: techniekpact"),
            "{args:?}: {stdout}"
        );
        for word in english {
            assert!(!stdout.contains(word), "{args:?} has {word:?}:\n{stdout}");
        }
    }
    let (_, stdout, _) = run(&["maak", "--help"]);
    assert!(stdout.contains("Gebruik: techniekpact maak [OPTIES] <GEGEVENS.yaml>..."));
    assert!(stdout.contains("(standaard: out)"), "{stdout}");
    assert!(stdout.contains("Standaard: pdf,docx"), "{stdout}");
    // Without arguments: the help, in Dutch, as a usage error.
    let (code, _, stderr) = run(&[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("Gebruik: techniekpact <OPDRACHT>"),
        "{stderr}"
    );
}

#[test]
fn published_schema_is_the_generated_one() {
    let (code, stdout, _) = run(&["schema"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string(repo().join("data/schema/techniekpact.schema.json"))
        .expect("data/schema/techniekpact.schema.json is committed");
    assert_eq!(
        stdout, committed,
        "run: techniekpact schema --uit data/schema/techniekpact.schema.json"
    );
    for year in [2014, 2015, 2016] {
        let text = std::fs::read_to_string(repo().join(format!("data/noord-{year}.yaml"))).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema=schema/techniekpact.schema.json\n")
        );
    }
    // The national file's schema, for LANDELIJK.yaml.
    let (code, stdout, _) = run(&["schema", "--landelijk"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string(repo().join("data/schema/landelijk.schema.json"))
        .expect("data/schema/landelijk.schema.json is committed");
    assert_eq!(
        stdout, committed,
        "run: techniekpact schema --landelijk --uit data/schema/landelijk.schema.json"
    );
    let text = std::fs::read_to_string(repo().join("data/landelijk-2016.yaml")).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=schema/landelijk.schema.json\n"));
}
