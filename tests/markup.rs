//! Markup never escapes: text made of Typst, Markdown and XML syntax prints
//! literally in both formats and never changes the document's structure.

use std::io::Read;

use crate::common::*;

/// A class of hostile text: its YAML value (a block scalar line, or a
/// double-quoted scalar with escapes), and what must print for it.
struct Class {
    yaml: &'static str,
    /// Text that both formats show (white space ignored).
    shows: &'static str,
}

const TYPST: Class = Class {
    yaml: r#"#import "@preview/x:0.1.0": * #read("/etc/passwd") #set page(fill: red) ] $x^2$ @ref <lbl>"#,
    shows: r#"#import "@preview/x:0.1.0": * #read("/etc/passwd") #set page(fill: red) ] $x^2$ @ref <lbl>"#,
};
const MARKDOWN: Class = Class {
    yaml: r#"**half _under_ `code` [link](javascript:alert) ![img](x.png) a\b \\"#,
    shows: r#"**half _under_ `code` [link](javascript:alert) ![img](x.png) a\b \\"#,
};
/// HTML and template syntax: a script, an entity, template braces and the
/// end of a CDATA section print as typed in the HTML edition.
const HTML: Class = Class {
    yaml: r#"<script>alert(1)</script> &amp; {{ doc.meta.titel }} {% if 1 %}x{% endif %} ]]> <img src=x onerror=alert(2)>"#,
    shows: r#"<script>alert(1)</script> &amp; {{ doc.meta.titel }} {% if 1 %}x{% endif %} ]]> <img src=x onerror=alert(2)>"#,
};
const XML: Class = Class {
    yaml: r#"<w:p><w:r><w:t>x</w:t></w:r></w:p> &amp; &lt; ]]> <!-- c --> <?pi?> "q" 'a'"#,
    shows: r#"<w:p><w:r><w:t>x</w:t></w:r></w:p> &amp; &lt; ]]> <!-- c --> <?pi?> "q" 'a'"#,
};
/// Control characters cannot be shown and are not allowed in Word's XML:
/// they are removed (with a warning) and everything around them prints.
const CONTROL: Class = Class {
    yaml: r#""voor\u0007 na\u001B[31m rood\u0008 \u0000 \uFFFF eind\u0085""#,
    shows: "voor na[31m rood eind",
};
/// Direction marks, embeddings and isolates stay in the text.
const RIGHT_TO_LEFT: Class = Class {
    yaml: r#""links\u200F rechts\u200E \u2067isolaat\u2069 \u202Bingebed\u202C""#,
    shows: "links\u{200F} rechts\u{200E} \u{2067}isolaat\u{2069} \u{202B}ingebed\u{202C}",
};
/// Emoji print with the embedded Noto Emoji.
const EMOJI: Class = Class {
    yaml: "Goed 👍 op koers 🚀 ☕ ✅ ❤ 💻 🎉",
    shows: "Goed 👍 op koers 🚀 ☕ ✅ ❤ 💻 🎉",
};
const LONG_WORD: Class = Class {
    yaml: "Technasiumleerlingenterugloopanalyseonderzoeksrapportagewerkgroepvergaderingsverslagbijlage",
    shows: "Technasiumleerlingenterugloopanalyseonderzoeksrapportagewerkgroepvergaderingsverslagbijlage",
};

fn build(text: &str, dir: &std::path::Path) -> (String, String) {
    std::fs::create_dir_all(dir).unwrap();
    let data = dir.join("tekens.yaml");
    std::fs::write(&data, text).unwrap();
    maak_ok(
        &data,
        dir,
        &["--pdf-standaard", "geen", "--formaat", "pdf,docx,html"],
    );
    let pdf = std::fs::read(dir.join("techniekpact-noord-2016.pdf")).unwrap();
    let pdf = crate::common::pdf_text_of(&pdf);
    let docx = std::fs::read(dir.join("techniekpact-noord-2016.docx")).unwrap();
    let mut doc = String::new();
    zip::ZipArchive::new(std::io::Cursor::new(docx))
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut doc)
        .unwrap();
    (pdf, doc)
}

fn docx_text(xml: &str) -> (String, (Vec<String>, usize)) {
    let doc = roxmltree::Document::parse(xml).expect("document.xml stays well-formed");
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let text = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "t")))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("");
    // Structure: the styles of all paragraphs, and the number of tables.
    let styles: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "pStyle")))
        .filter_map(|n| n.attribute((w, "val")).map(str::to_string))
        .filter(|s| s.starts_with("Heading") || s == "Caption")
        .collect();
    let tables = doc
        .descendants()
        .filter(|n| n.has_tag_name((w, "tbl")))
        .count();
    (text, (styles, tables))
}

/// Headings, captions and tables of the report without hostile text.
fn plain_structure() -> &'static (Vec<String>, usize) {
    static PLAIN: std::sync::OnceLock<(Vec<String>, usize)> = std::sync::OnceLock::new();
    PLAIN.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let (_, doc) = build(BASE, dir.path());
        docx_text(&doc).1
    })
}

/// Without white space, and with the report's typographic apostrophes and
/// quotes as typed: the report sets `"x"` as “x”, and the text is what was
/// typed.
fn squeeze(s: &str) -> String {
    normalise(s).split_whitespace().collect()
}

/// Builds the report with `class` as the toelichting of a theme and as the
/// name of an action (a table cell), and checks that both formats show it
/// and keep the structure of the plain report.
fn prints_literally(class: &Class) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let toelichting = if class.yaml.starts_with('"') {
        format!("        toelichting: {}\n", class.yaml)
    } else {
        format!("        toelichting: |\n          {}\n", class.yaml)
    };
    let text = with(
        "        actielijn: kiezen\n",
        &format!("        actielijn: kiezen\n{toelichting}"),
    );
    let name = if class.yaml.starts_with('"') {
        class.yaml.to_string()
    } else {
        format!("'{}'", class.yaml.replace('\'', "''"))
    };
    let text = text.replacen("naam: Plan van aanpak", &format!("naam: {name}"), 1);
    let (pdf, doc) = build(&text, dir.path());
    let (docx, structure) = docx_text(&doc);
    let (pdf, docx) = (squeeze(&pdf), squeeze(&docx));
    let shows = squeeze(class.shows);
    // Invisible marks have no glyph: whether a PDF reader reports them
    // depends on the reader, so the PDF is compared on what is seen.
    let only_visible = |s: &str| -> String {
        s.chars()
            .filter(|&c| techniekpact::fonts::is_visible(c))
            .collect()
    };
    let (pdf, visible) = (only_visible(&pdf), only_visible(&shows));
    assert_eq!(
        pdf.matches(&visible).count(),
        2,
        "PDF shows the text as toelichting and as action name:\n{pdf}"
    );
    assert_eq!(docx.matches(&shows).count(), 2, "DOCX:\n{docx}");
    let html = std::fs::read_to_string(dir.path().join("techniekpact-noord-2016.html")).unwrap();
    let html = squeeze(&html_text(&html));
    assert_eq!(html.matches(&shows).count(), 2, "HTML:\n{html}");
    assert!(!pdf.contains("root:x:0:0"), "no file was read");
    // The same headings, captions and tables: structure is unchanged.
    assert_eq!(&structure, plain_structure());
    (pdf, docx)
}

#[test]
fn typst_syntax_prints_literally() {
    prints_literally(&TYPST);
}

#[test]
fn markdown_syntax_prints_literally() {
    prints_literally(&MARKDOWN);
}

#[test]
fn html_and_template_syntax_prints_literally() {
    prints_literally(&HTML);
}

#[test]
fn xml_syntax_prints_literally() {
    prints_literally(&XML);
}

#[test]
fn control_characters_are_dropped_and_the_rest_prints() {
    let (pdf, docx) = prints_literally(&CONTROL);
    for c in ['\u{7}', '\u{1b}', '\u{8}', '\u{0}', '\u{ffff}', '\u{85}'] {
        assert!(!pdf.contains(c) && !docx.contains(c), "{c:?} is dropped");
    }
}

#[test]
fn right_to_left_marks_stay_and_cannot_turn_the_report_around() {
    prints_literally(&RIGHT_TO_LEFT);
    // An override left open in a name would reverse the report's own text
    // after it in the same paragraph (the leeswijzer names the parts).
    let dir = tempfile::tempdir().unwrap();
    let text = with(
        "naam: Landelijke programma's",
        "naam: \"Landelijke programma's \\u202Eomgekeerd\"",
    );
    let (pdf, doc) = build(&text, dir.path());
    let (docx, _) = docx_text(&doc);
    let after = squeeze("Elk hoofdstuk beschrijft per thema de partners");
    assert!(squeeze(&pdf).contains(&after), "PDF:\n{pdf}");
    assert!(docx.contains("omgekeerd\u{202C}’"), "closed in the DOCX");
}

#[test]
fn emoji_print_literally() {
    prints_literally(&EMOJI);
}

#[test]
fn very_long_words_print_literally() {
    prints_literally(&LONG_WORD);
}

/// Latin with every diacritic (Frisian, Turkish, Polish), Greek and
/// Cyrillic print with Noto Sans.
const ALPHABETS: Class = Class {
    yaml: "Fryslân Ljouwert ûnderwiis; İzmir Ağrı Çeşme ığüşöç; Łódź Gdańsk żółć ęą; Ελληνικά σχολεία; Школа техники",
    shows: "Fryslân Ljouwert ûnderwiis; İzmir Ağrı Çeşme ığüşöç; Łódź Gdańsk żółć ęą; Ελληνικά σχολεία; Школа техники",
};

#[test]
fn latin_diacritics_greek_and_cyrillic_print_literally() {
    prints_literally(&ALPHABETS);
}

/// Arabic and Hebrew, right to left and shaped, mixed with Dutch in one
/// sentence: accepted, drawn with the embedded Noto Sans Arabic and Noto
/// Sans Hebrew in the PDF, named as the runs' complex-script fonts and in
/// the font table of the DOCX.
#[test]
fn arabic_and_hebrew_mixed_with_dutch_print_in_both_formats() {
    let arabic = "مدرسة النور";
    let hebrew = "בית ספר אורט";
    let sentence = format!("Samen met {arabic} en {hebrew} in Groningen.");
    let dir = tempfile::tempdir().unwrap();
    let text = with(
        "        actielijn: kiezen\n",
        &format!("        actielijn: kiezen\n        toelichting: \"{sentence}\"\n"),
    )
    .replacen("naam: Plan van aanpak", &format!("naam: \"{arabic}\""), 1);
    // With the default standards: PDF/A-2a and PDF/UA-1.
    let data = dir.path().join("schriften.yaml");
    std::fs::write(&data, &text).unwrap();
    let out = dir.path().join("uit");
    maak_ok(&data, &out, &[]);
    let raw = std::fs::read(out.join("techniekpact-noord-2016.pdf")).unwrap();
    let pdf = crate::common::pdf_text_of(&raw);
    let docx_bytes = std::fs::read(out.join("techniekpact-noord-2016.docx")).unwrap();
    let doc = docx_part(&docx_bytes, "word/document.xml");
    for font in ["NotoSansArabic", "NotoSansHebrew"] {
        assert!(
            raw.windows(font.len()).any(|w| w == font.as_bytes()),
            "{font} embedded in the PDF"
        );
    }
    // The text layer holds every letter (extractors differ in the order
    // they give right-to-left text).
    for c in arabic
        .chars()
        .chain(hebrew.chars())
        .filter(|c| !c.is_whitespace())
    {
        assert!(pdf.contains(c), "PDF text has {c}");
    }
    assert!(pdf.contains("Samen met"), "{pdf}");
    let (docx, _) = docx_text(&doc);
    assert!(docx.contains(&sentence), "DOCX keeps the sentence as typed");
    assert!(
        doc.contains(r#"<w:rFonts w:cs="Noto Sans Arabic"/>"#),
        "Arabic run font"
    );
    let fonts = docx_part(&docx_bytes, "word/fontTable.xml");
    for family in ["Noto Sans Arabic", "Noto Sans Hebrew"] {
        assert!(
            fonts.contains(&format!(r#"w:name="{family}""#)),
            "{family} in the font table"
        );
    }
}

/// Scripts that no embedded font covers (CJK) keep their clear refusal.
#[test]
fn scripts_without_an_embedded_font_are_refused_with_a_position() {
    let text = with("naam: Plan van aanpak", "naam: Plan 技術 van aanpak");
    expect_error(
        &text,
        "技術",
        "het teken '技' (U+6280) staat niet in de lettertypen",
    );
}
