//! Shared helpers for the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use techniekpact::diagnostics::{Problems, Severity};
use techniekpact::load::{LoadOptions, Loaded, load_str};

/// A small valid data file; tests change one thing in it.
pub const BASE: &str = r#"rapport:
  titel: Testrapport
  landsdeel: Noord
  verslagjaar: 2016
  publicatiedatum: 2017-03-15
statusregels:
  op_koers: 90
  aandacht: 70
actielijnen:
  - id: kiezen
    naam: Kiezen voor techniek
  - id: leren
    naam: Leren in de techniek
onderdelen:
  - id: deel
    naam: Landelijke programma's
    themas:
      - id: po
        naam: Primair onderwijs
        actielijn: kiezen
        indicatoren:
          - id: besturen
            naam: Schoolbesturen
            eenheid: schoolbesturen
            nulmeting: {jaar: 2014, waarde: 10}
            doel: {jaar: 2020, waarde: 77}
            metingen:
              2015: 21
              2016: 34
            uitsplitsing:
              Groningen: {2016: 20}
              Drenthe: {2016: 14}
        acties:
          - id: plan
            naam: Plan van aanpak
            status: lopend
            gereed: 2017-06-30
doe_voorstellen:
  - nummer: 1
    id: po-voorstel
    naam: W&T in het po
    thema: po
    actielijn: kiezen
    status: in_uitvoering
"#;

/// `BASE` with `from` replaced by `to` (which must occur exactly once).
pub fn with(from: &str, to: &str) -> String {
    assert_eq!(
        BASE.matches(from).count(),
        1,
        "fixture text {from:?} must be unique"
    );
    BASE.replacen(from, to, 1)
}

pub fn load_text(text: &str) -> Result<Loaded, Problems> {
    load_str(Path::new("test.yaml"), text, LoadOptions::default())
}

pub fn load_strict(text: &str) -> Result<Loaded, Problems> {
    load_str(
        Path::new("test.yaml"),
        text,
        LoadOptions {
            strict: true,
            ..LoadOptions::default()
        },
    )
}

/// Every problem as `(severity, line, message, hint)`.
pub fn problems(report: &Problems) -> Vec<(Severity, usize, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.severity,
                report.position(d).map_or(0, |(l, _)| l),
                d.message.clone(),
                d.hint.clone().unwrap_or_default(),
            )
        })
        .collect()
}

/// 1-based line of the first occurrence of `needle` in `text`.
/// 1-based line and column of the first `needle` in `text`.
pub fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        line_of(text, needle),
        text[line_start..at].chars().count() + 1,
    )
}

pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..at].matches('\n').count() + 1
}

/// Assert that loading `text` fails with an error on the line of `marker`
/// whose message contains `message`; returns the hint.
pub fn expect_error(text: &str, marker: &str, message: &str) -> String {
    let report = load_text(text).expect_err("the data must be refused");
    let line = line_of(text, marker);
    let all = problems(&report);
    all.iter()
        .find(|(s, l, m, _)| *s == Severity::Error && *l == line && m.contains(message))
        .map(|(_, _, _, h)| h.clone())
        .unwrap_or_else(|| panic!("no error {message:?} on line {line}; got {all:#?}"))
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_techniekpact"))
}

/// Write `techniekpact voorbeeld`'s data of `n` indicators to
/// `dir/voorbeeld-<n>.yaml`; its path.
pub fn voorbeeld(dir: &Path, n: usize) -> PathBuf {
    let file = dir.join(format!("voorbeeld-{n}.yaml"));
    let n = n.to_string();
    let (code, _, stderr) = run_in(
        dir,
        &[
            "voorbeeld",
            "--indicatoren",
            &n,
            "--uit",
            &file.to_string_lossy(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    file
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copy the example data `noord-2016.yaml` and its logo into `to`.
pub fn copy_data(to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for f in ["noord-2016.yaml", "logo-techniekpact-noord.svg"] {
        std::fs::copy(repo().join("data").join(f), to.join(f)).unwrap();
    }
}

/// Write the default templates to `dir` with `techniekpact sjablonen`.
pub fn copy_templates(dir: &Path) {
    let out = std::process::Command::new(bin())
        .arg("sjablonen")
        .arg(dir)
        .output()
        .expect("run techniekpact sjablonen");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Run `techniekpact maak DATA --uit OUT EXTRA...` from the repository.
pub fn maak(data: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    std::process::Command::new(bin())
        .arg("maak")
        .arg(data)
        .arg("--uit")
        .arg(out)
        .args(extra)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .output()
        .expect("run techniekpact")
}

/// `maak` that must succeed; its output otherwise explains why not.
pub fn maak_ok(data: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let o = maak(data, out, extra);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

/// Run `techniekpact ARGS` in `dir`: exit code, stdout and stderr.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// One part of a DOCX package as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The bytes of one part of a zip package (a picture of a DOCX).
pub fn docx_bytes(docx: &[u8], name: &str) -> Vec<u8> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let mut out = Vec::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_end(&mut out)
        .unwrap();
    out
}

/// Extracted PDF text with no-break spaces and line breaks as spaces and
/// runs of spaces collapsed.
/// Text as a reader searches it: white space as single spaces, and the
/// report's typographic apostrophes and quotes as typed (a search for
/// `programma's` finds `programma’s`).
pub fn normalise(s: &str) -> String {
    let s: String = s.chars().map(plain_letter).collect();
    s.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace(['\u{a0}', '\n', '\r', '\t'], " ")
        .split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A formula's italic letter (𝑤, U+1D464) as the letter a reader types
/// and a PDF reader's search matches (its compatibility form): `w`.
fn plain_letter(c: char) -> char {
    match c as u32 {
        0x1d434..=0x1d44d => char::from(b'A' + (c as u32 - 0x1d434) as u8),
        0x1d44e..=0x1d467 => char::from(b'a' + (c as u32 - 0x1d44e) as u8),
        0x210e => 'h',
        _ => c,
    }
}

/// The text of the runs under `node` of a DOCX part as a reader sees it:
/// Word's non-breaking hyphen (`w:noBreakHyphen`, in a name in a table) as
/// a hyphen.
pub fn run_text(node: roxmltree::Node) -> String {
    const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    node.descendants()
        .filter_map(|n| {
            if n.has_tag_name((W, "t")) {
                n.text()
            } else if n.has_tag_name((W, "noBreakHyphen")) {
                Some("-")
            } else {
                None
            }
        })
        .collect()
}

/// openxml-audit's report on one file (DOCX, ODT, ODS): its `errors`
/// (each with `severity`, `description`, `part_uri`) and `error_count`.
pub fn openxml_audit(file: &Path) -> serde_json::Value {
    let audit = validator_python().with_file_name("openxml-audit");
    let o = std::process::Command::new(&audit)
        .arg(file)
        .args(["-o", "json", "-m", "0"])
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", audit.display()));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    report[0].clone()
}

/// jing's findings on an ODF file (ODT, ODS) against the ODF 1.3 RELAX NG
/// schemas that openxml-audit carries: its XML parts against the
/// document schema, its manifest against the manifest schema. Empty when
/// it is valid.
pub fn odf_schema_findings(file: &Path) -> String {
    let schemas = validator_python()
        .parent()
        .and_then(Path::parent)
        .expect("the validators' environment")
        .join("lib/python3.11/site-packages/openxml_audit/odf/schemas/odf-1.3");
    let dir = tempfile::tempdir().unwrap();
    zip::ZipArchive::new(std::fs::File::open(file).unwrap())
        .unwrap()
        .extract(dir.path())
        .unwrap();
    let mut findings = String::new();
    for (schema, parts) in [
        (
            "OpenDocument-v1.3-schema.rng",
            vec!["content.xml", "styles.xml", "meta.xml"],
        ),
        (
            "OpenDocument-v1.3-manifest-schema.rng",
            vec!["META-INF/manifest.xml"],
        ),
    ] {
        let o = std::process::Command::new("jing")
            .arg("-i")
            .arg(schemas.join(schema))
            .args(parts.iter().map(|p| dir.path().join(p)))
            .output()
            .expect("jing (Debian) validates the ODF; tools/installeer-validatie installs it");
        if !o.status.success() {
            findings.push_str(&String::from_utf8_lossy(&o.stdout));
        }
    }
    findings
}

/// The text of a PDF file.
pub fn pdf_text(path: &Path) -> String {
    let pdf = std::fs::read(path).unwrap_or_else(|_| panic!("{} missing", path.display()));
    pdf_text_of(&pdf)
}

/// The text of a PDF as poppler's `pdftotext` reads it, in the order of the
/// content streams (`-raw`); pages end with a form feed.
pub fn pdf_text_of(pdf: &[u8]) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect(
            "pdftotext (Debian: poppler-utils) reads the PDFs of the tests; \
             tools/installeer-validatie installs it",
        );
    let mut stdin = child.stdin.take().expect("a pipe");
    let input = pdf.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("pdftotext runs");
    writer
        .join()
        .expect("the writer thread")
        .expect("pdftotext reads the PDF");
    assert!(
        out.status.success(),
        "pdftotext cannot read the PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
    put_back_grave_accents(&text)
}

/// poppler merges a grave accent (`` ` ``) set just before a letter into that
/// letter as a combining accent (U+0300): "`code" comes out as "c\u{300}ode".
/// The test reports hold no combining graves of their own, so each is put
/// back before its letter.
fn put_back_grave_accents(text: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match (c, out.pop()) {
            ('\u{300}', Some(letter)) => out.extend(['`', letter]),
            (c, previous) => {
                out.extend(previous);
                out.push(c);
            }
        }
    }
    out.into_iter().collect()
}

/// The text of each page of a PDF.
pub fn pdf_pages_of(pdf: &[u8]) -> Vec<String> {
    let text = pdf_text_of(pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // After the last page's form feed.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Every file under `dir` as `(relative path, bytes)`, sorted by path.
pub fn files_under(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

pub mod editor_styles;
pub mod example;
pub mod generator;
pub mod typing;
pub mod varied;

/// The Python of the virtual environment with the independent validators
/// (`tools/test` installs it): `TECHNIEKPACT_VALIDATIE_PYTHON`, or
/// `target/validatie/bin/python`. A test that needs them fails, and says
/// so, when they are missing.
pub fn validator_python() -> PathBuf {
    let python = std::env::var_os("TECHNIEKPACT_VALIDATIE_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/validatie/bin/python"));
    assert!(
        python.exists(),
        "de onafhankelijke validators ontbreken ({}): installeer ze met tools/test (of tools/installeer-validatie)",
        python.display()
    );
    python
}

/// Run a Python `script` of the validators' environment with `args`;
/// its standard output (a failure panics with its standard error).
pub fn python(script: &str, args: &[&Path]) -> String {
    let out = std::process::Command::new(validator_python())
        .args(["-c", script])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Check every PDF and DOCX in `files` with page-validation (PDF/A-2a,
/// PDF/UA-1), outloud and openxml-audit, on every core, largest file first
/// (`controleer.py`); panics with every finding of every file that has
/// errors. `label` names the files' origin (a generated case, an example)
/// in the message.
pub fn independent_validators(files: &[(PathBuf, String)]) {
    let out = std::process::Command::new(validator_python())
        .arg(repo().join("tests/validatie/controleer.py"))
        .args(files.iter().map(|(p, _)| p))
        .output()
        .expect("run the validators");
    let mut checked = 0;
    let mut failures = Vec::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        checked += 1;
        failures.extend(finding(line, "errors", files, 20, |v| {
            format!(
                "{} {} fout(en)",
                v["tool"].as_str().unwrap_or_default(),
                v["errors"]
            )
        }));
    }
    assert!(
        out.status.success() || !failures.is_empty(),
        "the validators failed to run: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let pdfs = files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "pdf"))
        .count();
    let docxs = files.len() - pdfs;
    // PDF: two profiles of page-validation and outloud; DOCX: openxml-audit.
    assert_eq!(checked, 3 * pdfs + docxs, "every file was checked");
}

/// The text of an HTML edition's body (it is well-formed XML), without the
/// style sheet; panics if it has a script element.
pub fn html_text(html: &str) -> String {
    let doc = roxmltree::Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the HTML is well-formed");
    assert!(
        !doc.descendants().any(|n| n.tag_name().name() == "script"),
        "no script element"
    );
    let body = doc
        .descendants()
        .find(|n| n.tag_name().name() == "body")
        .expect("a body");
    body.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The failure that one JSON line of a checker (`controleer.py`,
/// `kader.py`) reports, when its `count` is not 0: the file, its label in
/// `files`, `what` was found and the first `take` findings.
fn finding(
    line: &str,
    count: &str,
    files: &[(PathBuf, String)],
    take: usize,
    what: impl Fn(&serde_json::Value) -> String,
) -> Option<String> {
    let v: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("checker output {line:?}: {e}"));
    if v[count].as_u64() == Some(0) {
        return None;
    }
    let file = v["file"].as_str().unwrap_or_default();
    let label = files
        .iter()
        .find(|(p, _)| p.to_str() == Some(file))
        .map_or("", |(_, l)| l.as_str());
    let findings: Vec<String> = v["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .take(take)
        .map(|f| format!("    {}", f.as_str().unwrap_or_default()))
        .collect();
    Some(format!(
        "{file} ({label}): {}\n{}",
        what(&v),
        findings.join("\n")
    ))
}

/// A reader's check of every PDF in `files`, in one process: every word
/// lies inside the page's text frame or in the header/footer band, and
/// nothing is drawn off the page (`tests/validatie/kader.py`, PyMuPDF,
/// words read unclipped). Panics with every finding.
pub fn reader_check(files: &[(PathBuf, String)]) {
    let pdfs: Vec<&(PathBuf, String)> = files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    assert!(!pdfs.is_empty(), "no PDF to check");
    let out = std::process::Command::new(validator_python())
        .arg(repo().join("tests/validatie/kader.py"))
        .args(pdfs.iter().map(|(p, _)| p))
        .output()
        .expect("run the reader's check");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut checked = 0;
    let mut failures = Vec::new();
    let labelled: Vec<(PathBuf, String)> = pdfs.iter().map(|f| (*f).clone()).collect();
    for line in stdout.lines() {
        checked += 1;
        failures.extend(finding(line, "outside", &labelled, 12, |v| {
            format!("{} woorden of tekeningen buiten het kader", v["outside"])
        }));
    }
    assert!(
        checked == pdfs.len(),
        "the reader's check ran on {checked} of {} files: {}",
        pdfs.len(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every drawing of a DOCX fits the text area of the page (A4 less the
/// margins of its section), as `wp:extent` gives its size.
pub fn docx_drawings_fit(docx: &[u8]) -> Result<usize, String> {
    let xml = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).map_err(|e| e.to_string())?;
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let attr = |n: roxmltree::Node, name: &str| -> Option<i64> {
        n.attribute((w, name)).and_then(|v| v.parse().ok())
    };
    let sect = doc
        .descendants()
        .rfind(|n| n.tag_name().name() == "sectPr")
        .ok_or("no section")?;
    let size = sect
        .children()
        .find(|n| n.tag_name().name() == "pgSz")
        .ok_or("no page size")?;
    let margin = sect
        .children()
        .find(|n| n.tag_name().name() == "pgMar")
        .ok_or("no margins")?;
    let twip = |n, k| attr(n, k).unwrap_or(0);
    let area_w = (twip(size, "w") - twip(margin, "left") - twip(margin, "right")) * 635;
    let area_h = (twip(size, "h") - twip(margin, "top") - twip(margin, "bottom")) * 635;
    let mut drawings = 0;
    for e in doc
        .descendants()
        .filter(|n| n.tag_name().name() == "extent")
    {
        let cx: i64 = e.attribute("cx").and_then(|v| v.parse().ok()).unwrap_or(0);
        let cy: i64 = e.attribute("cy").and_then(|v| v.parse().ok()).unwrap_or(0);
        drawings += 1;
        if cx > area_w || cy > area_h {
            return Err(format!(
                "a drawing of {:.1} x {:.1} cm in a text area of {:.1} x {:.1} cm",
                cx as f64 / 360_000.0,
                cy as f64 / 360_000.0,
                area_w as f64 / 360_000.0,
                area_h as f64 / 360_000.0
            ));
        }
    }
    Ok(drawings)
}

/// LibreOffice's PDF of every DOCX, in one run, into `out`.
pub fn libreoffice_pdfs(docx: &[PathBuf], out: &Path) -> Vec<PathBuf> {
    libreoffice_converts_to(docx, out, "pdf")
}

/// LibreOffice's conversion of every file to `format` (`pdf`, `odt`), in
/// one run, into `out`. Files of the same name (two reports of one
/// landsdeel and year from different folders) are converted under a
/// number each, so that none overwrites another.
pub fn libreoffice_converts_to(docx: &[PathBuf], out: &Path, format: &str) -> Vec<PathBuf> {
    let names: std::collections::BTreeSet<_> = docx.iter().map(|d| d.file_name()).collect();
    if names.len() < docx.len() {
        let inputs = tempfile::tempdir().unwrap();
        let numbered: Vec<PathBuf> = docx
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let to = inputs.path().join(format!(
                    "{i:02}-{}",
                    d.file_name().unwrap().to_string_lossy()
                ));
                std::fs::copy(d, &to).unwrap();
                to
            })
            .collect();
        return libreoffice_converts_to(&numbered, out, format);
    }
    let profile = tempfile::tempdir().unwrap();
    let o = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", profile.path().display()))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(out)
        .args(docx)
        .output()
        .unwrap_or_else(|e| panic!("LibreOffice (soffice) ontbreekt: installeer libreoffice-writer-nogui, zoals tools/test doet ({e})"));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(!stderr.to_lowercase().contains("error"), "{stderr}");
    docx.iter()
        .map(|d| {
            let made = out.join(d.with_extension(format).file_name().unwrap());
            assert!(
                made.exists(),
                "LibreOffice made no {format} of {}",
                d.display()
            );
            made
        })
        .collect()
}

/// Whether `text` reads in `within` in order, interrupted at most `breaks`
/// times: by a page's running head and foot, or by a figure that floats
/// to the top of the next page while the paragraph goes on after it.
pub fn reads_in_order(within: &str, text: &str, breaks: usize) -> bool {
    if within.contains(text) {
        return true;
    }
    if breaks == 0 || text.is_empty() {
        return false;
    }
    // The longest start of `text` that `within` holds (if a start occurs,
    // every shorter one does).
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let (mut lo, mut hi) = (0usize, bounds.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if within.contains(&text[..bounds[mid - 1]]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return false;
    }
    let cut = bounds[lo - 1];
    within
        .match_indices(&text[..cut])
        .any(|(at, _)| reads_in_order(&within[at + cut..], &text[cut..], breaks - 1))
}
