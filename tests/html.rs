//! The HTML edition: the same content as the PDF and the DOCX, accessible
//! structure, self-contained and deterministic, written with the other
//! files or not at all, templates confined to their folder, and checked in
//! a real browser (Chromium with axe-core).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use roxmltree::{Document, Node};
use techniekpact::document::{Block, inlines_text};

use crate::common::*;

fn parse(html: &str) -> Document<'_> {
    Document::parse_with_options(
        html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the HTML is well-formed")
}

fn elements<'a, 'i>(
    doc: &'a Document<'i>,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    doc.descendants()
        .filter(move |n| n.is_element() && n.tag_name().name() == name)
}

fn text_of(node: &Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter(|n| !n.ancestors().any(|a| a.tag_name().name() == "style"))
        .filter_map(|n| n.text())
        .collect()
}

/// Without white space, typographic apostrophes and quotes as typed (as
/// [`normalise`] does for the PDF's text).
fn squeeze(s: &str) -> String {
    normalise(s).split_whitespace().collect()
}

/// Every text the model has: headings with their numbers, paragraphs,
/// list items, table cells and captions with their numbers.
fn model_texts(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Heading { number, text, .. } => out.push(format!("{number} {text}")),
            Block::Paragraph { content, .. } => out.push(inlines_text(content)),
            Block::List { items, .. } => {
                for item in items {
                    model_texts(item, out);
                }
            }
            Block::Table(t) => {
                out.push(t.caption.full.clone());
                out.extend(t.header_row().into_iter().flatten().map(str::to_string));
                for row in &t.rows {
                    out.extend(row.iter().map(|c| c.plain_text()));
                }
            }
            Block::Figure(f) => out.push(f.caption.full.clone()),
            Block::Beside { columns, .. } => {
                for column in columns {
                    model_texts(column, out);
                }
            }
            Block::Source { text } => out.push(text.clone()),
            // The PDF sets it as a fraction, over several lines.
            Block::Formula { .. } => {}
            Block::Colophon { title, facts } => {
                out.push(title.clone());
                for f in facts {
                    out.push(f.label.clone());
                    out.extend(f.regels.iter().cloned());
                }
            }
            Block::Toc { .. } => {}
        }
    }
}

#[test]
fn the_html_has_every_heading_number_status_cell_and_caption_of_the_pdf() {
    let b = example::noord_2016();
    let doc = parse(&b.html);
    let body = elements(&doc, "body").next().unwrap();
    let html = squeeze(&text_of(&body));
    let pdf = squeeze(&b.pdf_text);
    let mut texts = Vec::new();
    model_texts(&b.document.blocks, &mut texts);
    let mut checked = 0;
    for t in texts.iter().filter(|t| !t.trim().is_empty()) {
        let t = squeeze(t);
        // A paragraph may run onto the next page, past the running head
        // and a figure floated to its top.
        assert!(
            reads_in_order(&pdf, &t, 2),
            "in the model but not in the PDF: {t:?}"
        );
        assert!(html.contains(&t), "in the PDF but not in the HTML: {t:?}");
        checked += 1;
    }
    assert!(checked > 300, "{checked} texts compared");
    for status in [
        "op koers",
        "aandacht",
        "achter",
        "behaald",
        "nulmeting",
        "geen meting",
    ] {
        assert!(html.contains(&squeeze(status)), "status word {status}");
    }
}

#[test]
fn the_html_is_structured_for_every_reader() {
    let b = example::noord_2016();
    let doc = parse(&b.html);
    let root = doc.root_element();
    assert_eq!(root.attribute("lang"), Some("nl"));
    assert_eq!(elements(&doc, "h1").count(), 1, "one h1");
    // Headings without skipped levels.
    let mut last = 0;
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if let Some(level) = name.strip_prefix('h').and_then(|l| l.parse::<usize>().ok()) {
            assert!(level <= last + 1, "{name} after h{last}: {}", text_of(&n));
            last = level;
        }
    }
    // Ids: unique, and every in-page link lands on one.
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("id"))
        .collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(ids.len(), unique.len(), "ids are unique");
    for a in elements(&doc, "a") {
        let href = a.attribute("href").unwrap();
        if let Some(target) = href.strip_prefix('#') {
            assert!(unique.contains(target), "link to #{target}");
        }
    }
    // A navigation with the table of contents, and a skip link before it.
    let nav = elements(&doc, "nav").next().expect("a nav");
    assert!(elements(&doc, "a").next().unwrap().attribute("href") == Some("#inhoud"));
    assert!(elements(&doc, "main").next().unwrap().attribute("id") == Some("inhoud"));
    let chapters = b
        .document
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    let links = nav
        .descendants()
        .filter(|n| n.tag_name().name() == "a")
        .count();
    assert!(links > chapters, "chapters and sections in the nav");
    // Stable ids from number and words.
    assert!(
        unique.contains("4-1-w-t-in-het-primair-onderwijs"),
        "{unique:?}"
    );
    // Tables: named by their caption, which stands above the table's
    // scrolling frame (never inside it), and header cells with a scope.
    let tables: Vec<Node> = elements(&doc, "table").collect();
    assert!(tables.len() >= 10);
    let key_figures = tables
        .iter()
        .filter(|t| {
            t.attribute("class")
                .is_some_and(|c| c.contains("rijkoppen"))
        })
        .count();
    assert_eq!(key_figures, 7, "the key figures of the seven indicators");
    for t in &tables {
        let id = t
            .attribute("aria-labelledby")
            .expect("a table names its caption");
        let caption = doc
            .descendants()
            .find(|n| n.attribute("id") == Some(id))
            .expect("the caption exists");
        assert!(
            text_of(&caption).starts_with("Tabel "),
            "{}",
            text_of(&caption)
        );
        assert!(
            !caption
                .ancestors()
                .any(|a| a.attribute("class") == Some("tabel")),
            "the caption is outside the scrolling frame"
        );
        // A header row's cells head their columns; a table of names and
        // values (the key figures) has none, and its names head their rows.
        let by_rows = t
            .attribute("class")
            .is_some_and(|c| c.split(' ').any(|c| c == "rijkoppen"));
        let scope = if by_rows { "row" } else { "col" };
        for th in t.descendants().filter(|n| n.tag_name().name() == "th") {
            assert_eq!(th.attribute("scope"), Some(scope), "{id}");
        }
        if by_rows {
            assert!(!t.descendants().any(|n| n.tag_name().name() == "thead"));
            for tr in t.descendants().filter(|n| n.tag_name().name() == "tr") {
                let first = tr.children().find(|n| n.is_element()).unwrap();
                assert_eq!(first.tag_name().name(), "th", "{id}: a row's name heads it");
            }
        }
    }
    // Figures: the chart inline, named by the alt text of the PDF and DOCX.
    let alts: Vec<String> = b
        .document
        .blocks
        .iter()
        .flat_map(|b| match b {
            Block::Beside { columns, .. } => columns.iter().flatten().collect::<Vec<_>>(),
            other => vec![other],
        })
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f.chart.alt.clone()),
            _ => None,
        })
        .collect();
    let figures: Vec<Node> = elements(&doc, "figure").collect();
    assert_eq!(figures.len(), alts.len());
    for (f, alt) in figures.iter().zip(&alts) {
        let img = f
            .descendants()
            .find(|n| n.attribute("role") == Some("img"))
            .unwrap();
        assert_eq!(img.attribute("aria-label"), Some(alt.as_str()));
        assert!(
            img.descendants().any(|n| n.tag_name().name() == "svg"),
            "inline SVG"
        );
        assert!(f.children().any(|c| c.tag_name().name() == "figcaption"));
    }
    // A status is a word, not only a colour.
    for s in doc.descendants().filter(|n| {
        n.attribute("class")
            .is_some_and(|c| c.starts_with("status "))
    }) {
        assert!(!text_of(&s).trim().is_empty());
    }
    // Self-contained: no script, no external resource.
    assert_eq!(elements(&doc, "script").count(), 0);
    assert_eq!(elements(&doc, "link").count(), 0);
    for n in doc.descendants().filter(|n| n.is_element()) {
        if let Some(src) = n.attribute("src") {
            assert!(src.starts_with("data:"), "{src}");
        }
    }
    assert!(
        elements(&doc, "img")
            .next()
            .unwrap()
            .attribute("src")
            .unwrap()
            .starts_with("data:image/svg+xml;base64,")
    );
}

#[test]
fn the_same_input_gives_the_same_html_and_it_is_written_with_the_other_files_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let data = repo().join("data/noord-2016.yaml");
    maak_ok(&data, dir.path(), &["--formaat", "html"]);
    let again = std::fs::read_to_string(dir.path().join("techniekpact-noord-2016.html")).unwrap();
    assert!(again == example::noord_2016().html, "byte-identical HTML");

    // A broken HTML template: nothing at all is written, with the file and line.
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let main = std::fs::read_to_string(tpl.join("rapport.html")).unwrap();
    std::fs::write(
        tpl.join("rapport.html"),
        main.replace(
            "<main id=\"inhoud\"",
            "{{ onbekend.veld }}<main id=\"inhoud\"",
        ),
    )
    .unwrap();
    let out = dir.path().join("uit");
    let o = maak(
        &data,
        &out,
        &[
            "--formaat",
            "pdf,docx,html",
            "--sjablonen",
            tpl.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("rapport.html:"), "{stderr}");
    assert!(stderr.contains("fout in het sjabloon"), "{stderr}");
    assert!(
        !out.exists() || files_under(&out).is_empty(),
        "no file written"
    );
}

#[test]
fn an_html_template_cannot_read_files_outside_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("geheim.txt");
    std::fs::write(&secret, "GEHEIME-INHOUD").unwrap();
    let tpl = dir.path().join("sjablonen");
    copy_templates(&tpl);
    let main = std::fs::read_to_string(tpl.join("rapport.html")).unwrap();
    for include in ["../geheim.txt", "/etc/passwd", secret.to_str().unwrap()] {
        std::fs::write(
            tpl.join("rapport.html"),
            main.replace(
                "<main id=\"inhoud\"",
                &format!("{{% include \"{include}\" %}}<main id=\"inhoud\""),
            ),
        )
        .unwrap();
        let out = dir.path().join("uit");
        let o = maak(
            &repo().join("data/noord-2016.yaml"),
            &out,
            &["--formaat", "html", "--sjablonen", tpl.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(1), "{include}");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains("bestand niet gevonden"), "{stderr}");
        assert!(!stderr.contains("GEHEIME-INHOUD") && !stderr.contains("root:x:"));
    }
}

/// Node's module folder with axe-core and puppeteer-core (`tools/test`).
fn node_modules() -> PathBuf {
    let dir = std::env::var_os("TECHNIEKPACT_VALIDATIE_NPM")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("target/validatie/npm/node_modules"));
    assert!(
        dir.join("axe-core").exists() && dir.join("puppeteer-core").exists(),
        "axe-core en puppeteer-core ontbreken ({}): installeer ze met tools/test (of tools/installeer-validatie)",
        dir.display()
    );
    assert!(
        Path::new("/usr/bin/chromium").exists(),
        "Chromium ontbreekt: installeer Debian's pakket chromium, zoals tools/test doet"
    );
    dir
}

#[test]
fn the_examples_pass_axe_in_chromium_in_light_and_dark_and_fit_320_pixels() {
    let modules = node_modules();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for year in [2014, 2015, 2016] {
        let data = repo().join(format!("data/noord-{year}.yaml"));
        maak_ok(&data, dir.path(), &["--formaat", "html"]);
        files.push(dir.path().join(format!("techniekpact-noord-{year}.html")));
    }
    // The national overview, with its status bars and small multiples.
    maak_ok(
        &repo().join("data/landelijk-2016.yaml"),
        dir.path(),
        &["--formaat", "html"],
    );
    files.push(dir.path().join("techniekpact-landelijk-2016.html"));
    // Screenshots at 390 and 1280 pixels, for people to look at.
    let shots = repo().join("target/html-schermafbeeldingen");
    std::fs::create_dir_all(&shots).unwrap();
    let o = Command::new("node")
        .arg(repo().join("tests/validatie/html.mjs"))
        .arg(&shots)
        .args(&files)
        .env("NODE_MODULES_DIR", &modules)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&o.stdout);
    let results: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    assert_eq!(
        results.len(),
        files.len(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for r in &results {
        assert_eq!(r["ok"], true, "{r:#}");
        assert_eq!(r["violations"].as_array().unwrap().len(), 0);
        assert!(
            r["overflow320"]["scrollWidth"].as_u64() <= r["overflow320"]["clientWidth"].as_u64()
        );
        assert_eq!(r["print"]["pageSize"], serde_json::json!([595, 842]), "A4");
        // On a phone: small tables fit, wide ones scroll with a cue and a
        // fixed first column under a caption outside the frame, charts fit
        // with labels of 9 pixels or more in a sans-serif even without Noto
        // Sans.
        let phone = &r["phone"];
        assert_eq!(phone["pageOverflow"].as_i64(), Some(0), "{phone:#}");
        assert!(phone["smallTables"].as_u64() > Some(0), "{phone:#}");
        assert_eq!(phone["smallTooWide"].as_u64(), Some(0), "{phone:#}");
        assert_eq!(phone["unframed"].as_u64(), Some(0), "{phone:#}");
        assert!(phone["smallestLabel"].as_f64() >= Some(9.0), "{phone:#}");
        assert_eq!(phone["captionsInside"].as_u64(), Some(0), "{phone:#}");
        assert_eq!(phone["chartsTooWide"].as_u64(), Some(0), "{phone:#}");
        assert_eq!(r["overflow320"]["cut"].as_u64(), Some(0), "{r:#}");
        // In dark mode the charts take the page's dark background.
        assert_eq!(r["darkCharts"]["light"].as_u64(), Some(0), "{r:#}");
        // Printed: nothing scrolls, and every word lies inside the page's
        // frame (the reader's frame check on Chromium's PDF).
        assert_eq!(r["print"]["scrolling"].as_u64(), Some(0), "{r:#}");
        assert_eq!(
            r["print"]["largerThanText"].as_u64(),
            Some(0),
            "on paper, tables and captions are not larger than the text: {:#}",
            r["print"]
        );
        let printed = std::path::PathBuf::from(r["print"]["file"].as_str().unwrap());
        reader_check(&[(printed, "HTML afgedrukt".to_string())]);
        assert_eq!(
            r["print"]["wrong"].as_u64(),
            Some(0),
            "only the marked chapters begin a printed page: {:#}",
            r["print"]
        );
        assert!(
            r["print"]["newPage"].as_u64() < r["print"]["chapters"].as_u64(),
            "other chapters follow on the page"
        );
    }
    assert!(o.status.success());
    assert!(shots.join("techniekpact-noord-2016-390.png").exists());
}

#[test]
fn a_batch_writes_an_html_edition_per_report() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(bin())
        .args([
            "maak",
            "data/noord-2014.yaml",
            "data/noord-2015.yaml",
            "--formaat",
            "html",
            "--uit",
        ])
        .arg(dir.path())
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for year in [2014, 2015] {
        let html =
            std::fs::read_to_string(dir.path().join(format!("techniekpact-noord-{year}.html")))
                .unwrap();
        assert!(
            html_text(&html).contains(&format!("Verslagjaar {year}")),
            "{year}"
        );
    }
    assert!(
        !dir.path().join("techniekpact-noord-2014.pdf").exists(),
        "only the formats asked for"
    );
}

/// A heading has one anchor, decided by the document model: the web page's
/// id and the PDF's named destination (`rapport.pdf#4-2-vmbo-mbo`).
#[test]
fn every_heading_anchor_is_an_html_id_and_a_pdf_destination() {
    let b = example::noord_2016();
    let anchors: Vec<&str> = b
        .document
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { anchor, .. } => Some(anchor.as_str()),
            _ => None,
        })
        .collect();
    assert!(anchors.len() > 10);
    assert!(anchors.contains(&"4-2-vmbo-mbo"), "{anchors:?}");
    for anchor in anchors {
        assert!(
            b.html.contains(&format!("id=\"{anchor}\"")),
            "HTML lacks {anchor}"
        );
        assert!(
            b.pdf_qdf.contains(&format!("({anchor})")),
            "the PDF has no destination {anchor}"
        );
    }
}

/// A reference in running text is a link to its target in the web page
/// and in the PDF, showing the target's label and number.
#[test]
fn references_link_to_their_targets_in_the_html_and_the_pdf() {
    let b = example::noord_2016();
    let refs: Vec<(String, String)> =
        techniekpact::document::references::references(&b.document.blocks)
            .into_iter()
            .map(|r| (r.anchor.to_string(), r.words))
            .collect();
    assert_eq!(refs.len(), 3, "{refs:?}");
    for (anchor, words) in &refs {
        assert!(
            b.html
                .contains(&format!("<a href=\"#{anchor}\">{words}</a>")),
            "HTML: no link {words} to {anchor}"
        );
        assert!(
            b.html.contains(&format!("id=\"{anchor}\"")),
            "HTML lacks {anchor}"
        );
    }
    // In the PDF: the words of each reference are a link annotation that
    // goes to the page where the target stands.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("r.pdf");
    std::fs::write(&pdf, &b.pdf).unwrap();
    let script = concat!(
        "import sys, pymupdf\n",
        "doc = pymupdf.open(sys.argv[1])\n",
        "for page in doc:\n",
        "    for l in page.get_links():\n",
        "        if l['kind'] in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):\n",
        "            words = page.get_textbox(l['from']).strip()\n",
        "            target = doc[l['page']].get_text()\n",
        "            print(words + '\\t' + ' '.join(target.split()))\n",
    );
    let o = Command::new(validator_python())
        .args(["-c", script])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let links = String::from_utf8_lossy(&o.stdout).to_string();
    // A section, appendix B, and the table of the doe-voorstellen.
    let section = refs[0].1.trim_start_matches("paragraaf ").to_string();
    for (words, target) in [
        (
            refs[0].1.as_str(),
            format!("{section} W&T in het primair onderwijs"),
        ),
        ("Bijlage B", "Bijlage B Verantwoording".to_string()),
        (refs[2].1.as_str(), format!("{}:", refs[2].1)),
    ] {
        assert!(
            links.lines().any(|l| l
                .split_once('\t')
                .is_some_and(|(w, t)| w == words && t.contains(&target))),
            "the PDF has no link {words:?} to the page of {target:?}"
        );
    }
}
