//! The content of the report, checked on the document model itself: fast,
//! without Typst or a PDF. The end-to-end tests in `tests/` check that each
//! format prints this model.

use std::path::Path;

use crate::analysis::{self, Status};
use crate::document::house_style::HouseStyle;
use crate::document::references::Target;
use crate::document::texts::TextSet;
use crate::document::{Block, Document, Inline};
use crate::load::{LoadOptions, Loaded, load_str};
use crate::model::ActieStatus;
use crate::templates::Templates;

use super::{Composed, Previous, compose};

fn example(year: i32) -> Loaded {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("data/noord-{year}.yaml"));
    let text = std::fs::read_to_string(&path).expect("the example exists");
    load_str(&path, &text, LoadOptions::default()).expect("the example is valid")
}

fn composed(loaded: &Loaded, previous: Option<&Loaded>) -> Composed {
    let templates = Templates::embedded();
    let texts = TextSet::load(&templates).expect("the embedded texts are valid");
    let analysis = analysis::analyse(&loaded.data);
    let prev_analysis = previous.map(|p| analysis::analyse(&p.data));
    let prev = previous.zip(prev_analysis.as_ref()).map(|(p, a)| Previous {
        data: &p.data,
        analysis: a,
    });
    compose(
        &loaded.data,
        &analysis,
        None,
        &texts,
        &HouseStyle::embedded(),
        prev,
    )
    .expect("the example builds")
}

/// Every block, depth first, list items and blocks side by side included.
fn all_blocks(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for b in blocks {
        out.push(b);
        match b {
            Block::List { items, .. } => {
                for item in items {
                    out.extend(all_blocks(item));
                }
            }
            Block::Beside { columns, .. } => {
                for column in columns {
                    out.extend(all_blocks(column));
                }
            }
            _ => {}
        }
    }
    out
}

fn headings(d: &Document) -> Vec<(u8, &str, &str)> {
    all_blocks(&d.blocks)
        .into_iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                number,
                text,
                ..
            } => Some((*level, number.as_str(), text.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn headings_are_numbered_in_order_without_skipping_a_level() {
    let d = composed(&example(2016), None).document;
    let blocks = all_blocks(&d.blocks);
    let hs: Vec<_> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                number,
                text,
                appendix,
                ..
            } => Some((*level, number.as_str(), text.as_str(), appendix.is_some())),
            _ => None,
        })
        .collect();
    assert!(hs.len() > 10, "the example has chapters and sections");
    assert!(
        hs.iter().any(|h| h.0 == 3),
        "the example has deeper headings"
    );
    let mut counters: Vec<u32> = Vec::new();
    for (level, number, text, appendix) in hs {
        let level = usize::from(level);
        assert!(
            level <= counters.len() + 1,
            "'{text}' skips a level after {counters:?}"
        );
        if appendix {
            // An appendix is a chapter without a number.
            assert_eq!((level, number), (1, ""), "'{text}'");
            counters.truncate(1);
            continue;
        }
        counters.truncate(level);
        if counters.len() < level {
            counters.push(0);
        }
        counters[level - 1] += 1;
        // Two numbered levels: chapters and sections.
        let expected = if level <= super::NUMBERED_LEVELS {
            counters
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(".")
        } else {
            String::new()
        };
        assert_eq!(number, expected, "the number of '{text}'");
    }
}

#[test]
fn tables_and_figures_are_numbered_from_one_in_document_order() {
    let d = composed(&example(2016), None).document;
    let blocks = all_blocks(&d.blocks);
    let tables: Vec<u32> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t.caption.number),
            _ => None,
        })
        .collect();
    let figures: Vec<u32> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f.caption.number),
            _ => None,
        })
        .collect();
    assert!(tables.len() >= 3 && figures.len() >= 3);
    assert_eq!(tables, (1..=tables.len() as u32).collect::<Vec<_>>());
    assert_eq!(figures, (1..=figures.len() as u32).collect::<Vec<_>>());
}

#[test]
fn every_indicator_has_its_chart_as_a_figure_with_its_name_in_the_alt_text() {
    let loaded = example(2016);
    let composed = composed(&loaded, None);
    let blocks = all_blocks(&composed.document.blocks);
    for ind in loaded.data.indicatoren() {
        let figure = blocks
            .iter()
            .find_map(|b| match b {
                Block::Figure(f) if f.chart.id == ind.id => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no figure of {}", ind.id));
        // The figure shows the chart of the report's set, not a copy.
        assert!(
            composed
                .charts
                .charts
                .iter()
                .any(|c| std::sync::Arc::ptr_eq(c, &figure.chart)),
            "the figure's chart is in the report's chart set"
        );
        let chart = &figure.chart;
        assert!(chart.alt.contains(&ind.naam), "{}", chart.alt);
        assert!(chart.svg.starts_with("<svg"));
    }
}

#[test]
fn metadata_comes_from_the_report_data() {
    let loaded = example(2016);
    let d = composed(&loaded, None).document;
    let r = &loaded.data.rapport;
    assert_eq!(d.meta.documenttitel, format!("{} 2016", r.titel));
    assert_eq!(
        d.meta.auteurs,
        vec![r.opsteller.clone().expect("the example names one")]
    );
    assert_eq!(d.meta.trefwoorden, vec!["Techniekpact", "Noord", "2016"]);
    assert_eq!(
        d.meta.publicatiedatum.0,
        chrono::NaiveDate::from_ymd_opt(2017, 3, 15).unwrap()
    );
    assert_eq!(d.meta.taal.tag, "nl-NL");
    assert!(!d.meta.concept);
}

#[test]
fn a_concept_report_says_so_and_a_final_one_does_not() {
    let mut loaded = example(2016);
    loaded.data.rapport.status = crate::model::RapportStatus::Concept;
    let d = composed(&loaded, None).document;
    assert!(d.meta.concept);
    assert_eq!(d.meta.labels.concept, "CONCEPT");
}

#[test]
fn the_action_counts_in_the_summary_are_those_of_the_data() {
    let loaded = example(2016);
    let d = composed(&loaded, None).document;
    let table = all_blocks(&d.blocks)
        .into_iter()
        .find_map(|b| match b {
            Block::Table(t) if t.caption.text.contains("status") => Some(t),
            _ => None,
        })
        .expect("the summary has a table of actions per status");
    let acties: Vec<_> = loaded
        .data
        .onderdelen
        .iter()
        .flat_map(|o| &o.themas)
        .flat_map(|t| &t.acties)
        .collect();
    for row in &table.rows {
        let Some(Inline::Status { key, .. }) = row[0].content.first() else {
            panic!("the first cell is a status");
        };
        let count = acties
            .iter()
            .filter(|a| a.status.key() == key.as_str())
            .count();
        assert_eq!(row[1].plain_text(), count.to_string(), "actions '{key}'");
    }
    let total: usize = table
        .rows
        .iter()
        .map(|r| r[1].plain_text().parse::<usize>().expect("a count"))
        .sum();
    assert_eq!(total, acties.len());
    assert!(acties.iter().any(|a| a.status == ActieStatus::Afgerond));
}

#[test]
fn the_chapter_on_changes_comes_only_with_the_previous_year() {
    let this = example(2016);
    let previous = example(2015);
    let without = composed(&this, None).document;
    let with = composed(&this, Some(&previous)).document;
    let titled = |d: &Document| {
        headings(d).iter().any(|(level, _, text)| {
            *level == 1 && text.contains("Wijzigingen ten opzichte van 2015")
        })
    };
    assert!(!titled(&without));
    assert!(titled(&with));
    // Chapters after it move up by one.
    assert_eq!(
        headings(&with).iter().filter(|h| h.0 == 1).count(),
        headings(&without).iter().filter(|h| h.0 == 1).count() + 1
    );
}

#[test]
fn every_indicator_status_word_in_the_overview_is_the_analysed_one() {
    let loaded = example(2016);
    let analysis = analysis::analyse(&loaded.data);
    let d = composed(&loaded, None).document;
    let overview = all_blocks(&d.blocks)
        .into_iter()
        .find_map(|b| match b {
            Block::Table(t) if t.rows.len() == loaded.data.indicatoren().count() => Some(t),
            _ => None,
        })
        .expect("the overview table has a row per indicator");
    let texts = TextSet::load(&Templates::embedded()).expect("valid texts");
    for (row, ind) in overview.rows.iter().zip(loaded.data.indicatoren()) {
        let status: Status = analysis.indicator(&ind.id).expect("analysed").status;
        let found = row.iter().flat_map(|c| &c.content).find_map(|i| match i {
            Inline::Status { key, label } => Some((key.clone(), label.clone())),
            _ => None,
        });
        let (key, label) = found.unwrap_or_else(|| panic!("no status in the row of {}", ind.id));
        assert_eq!(key, status.key());
        assert_eq!(label, texts.status(status.key()));
    }
}

#[test]
fn heading_anchors_are_number_and_words() {
    use crate::document::heading_anchor;
    assert_eq!(heading_anchor("4.2", "Vmbo/mbo"), "4-2-vmbo-mbo");
    assert_eq!(heading_anchor("1", "Samenvatting"), "1-samenvatting");
    assert_eq!(heading_anchor("3.1.2", "###"), "h3-1-2");
    // Cut after a whole word, to at most 39 characters.
    let long = heading_anchor(
        "4",
        "Samenwerking op en doorontwikkeling van landelijke programma's in de regio",
    );
    assert_eq!(long, "4-samenwerking-op-en-doorontwikkeling");
    assert!(long.len() <= crate::document::ANCHOR_MAX);
}

#[test]
fn captions_are_composed_with_their_word_number_and_anchor() {
    let d = composed(&example(2016), None).document;
    let blocks = all_blocks(&d.blocks);
    let first_table = blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap();
    let c = &first_table.caption;
    assert_eq!((c.label.as_str(), c.number), ("Tabel", 1));
    assert_eq!(c.full, format!("Tabel 1: {}", c.text));
    assert_eq!(first_table.anchor, "tabel-1");
    let second_figure = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .nth(1)
        .unwrap();
    assert_eq!(
        second_figure.caption.full,
        format!("Figuur 2: {}", second_figure.caption.text)
    );
    assert_eq!(second_figure.anchor, "figuur-2");
}

#[test]
fn the_title_page_lists_its_items_in_order_with_the_mark_last() {
    use crate::document::TitleItem;
    let mut loaded = example(2016);
    loaded.data.rapport.status = crate::model::RapportStatus::Concept;
    let d = compose(
        &loaded.data,
        &analysis::analyse(&loaded.data),
        Some(crate::document::Logo {
            kind: crate::document::LogoKind::Svg,
            bytes: std::sync::Arc::from(&b"<svg/>"[..]),
        }),
        &TextSet::load(&Templates::embedded()).unwrap(),
        &HouseStyle::embedded(),
        None,
    )
    .unwrap()
    .document;
    let kinds: Vec<&str> = d
        .meta
        .titelpagina
        .iter()
        .map(|i| match i {
            TitleItem::Overline { .. } => "kop",
            TitleItem::Title { .. } => "titel",
            TitleItem::Year { .. } => "verslagjaar",
            TitleItem::Subtitle { .. } => "ondertitel",
            TitleItem::Logo { .. } => "logo",
            TitleItem::Organisation { .. } => "organisatie",
            TitleItem::DraftMark { .. } => "concept",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "kop",
            "titel",
            "verslagjaar",
            "ondertitel",
            "concept",
            "organisatie",
            "logo"
        ]
    );
    // The facts are in the colophon, the last block.
    let Some(Block::Colophon { facts, .. }) = d.blocks.last() else {
        panic!("the colophon comes last")
    };
    assert!(facts.iter().any(|f| f.regels == ["15 maart 2017"]));
    assert!(facts.iter().any(|f| f.regels == ["TP-2017-003"]));
}

#[test]
fn the_table_of_contents_lists_chapters_and_sections() {
    let d = composed(&example(2016), None).document;
    let Block::Toc {
        title,
        depth: 2,
        entries,
    } = &d.blocks[0]
    else {
        panic!("{:?}", d.blocks[0])
    };
    assert_eq!(title, "Inhoud");
    // Every heading down to level 2, in order, the sections under their
    // chapter.
    let expected: Vec<(u8, &str, &str)> = headings(&d)
        .into_iter()
        .filter(|(level, ..)| *level <= 2)
        .collect();
    let flat: Vec<(u8, &str, &str)> = crate::document::TocEntry::flat(entries)
        .into_iter()
        .map(|e| (e.level, e.number.as_str(), e.text.as_str()))
        .collect();
    assert_eq!(flat, expected);
    assert!(entries.iter().all(|e| e.level == 1));
    assert!(entries.iter().any(|e| !e.children.is_empty()));
}

/// The example composed with the embedded texts as `edit` changes them.
fn composed_with_texts(
    loaded: &Loaded,
    edit: impl Fn(&str) -> String,
) -> Result<Composed, crate::diagnostics::Problems> {
    let mut templates = Templates::embedded();
    for (name, bytes) in &mut templates.files {
        if name == crate::document::texts::TEXTS_FILE {
            let text = std::str::from_utf8(bytes).expect("UTF-8").to_string();
            let edited = edit(&text);
            assert_ne!(edited, text, "the edit changes the texts");
            *bytes = std::sync::Arc::from(edited.into_bytes());
        }
    }
    let texts = TextSet::load(&templates)?;
    let analysis = analysis::analyse(&loaded.data);
    compose(
        &loaded.data,
        &analysis,
        None,
        &texts,
        &HouseStyle::embedded(),
        None,
    )
}

/// Every reference of the document: target, anchor, words.
fn references(d: &Document) -> Vec<(Target, String, String)> {
    crate::document::references::references(&d.blocks)
        .into_iter()
        .map(|r| (r.target, r.anchor.to_string(), r.words))
        .collect()
}

/// The problems, as printed, of composing `loaded` with the texts as
/// `edit` changes them; each has a line and column.
fn text_problems(loaded: &Loaded, edit: impl Fn(&str) -> String) -> String {
    let err = composed_with_texts(loaded, edit)
        .err()
        .expect("the edited texts fail");
    for d in err.errors() {
        assert!(
            err.position(d).is_some(),
            "with line and column: {}",
            d.message
        );
    }
    err.render(false)
}

#[test]
fn appendices_are_lettered_in_order_by_the_composer() {
    let d = composed(&example(2016), None).document;
    let appendices: Vec<_> = all_blocks(&d.blocks)
        .into_iter()
        .filter_map(|b| match b {
            Block::Heading {
                text,
                appendix: Some(a),
                ..
            } => Some((text.clone(), a.label(), a.text())),
            _ => None,
        })
        .collect();
    assert_eq!(
        appendices,
        [
            (
                "Bijlage A Metingen per indicator".to_string(),
                "Bijlage A".to_string(),
                "Bijlage A Metingen per indicator".to_string()
            ),
            (
                "Bijlage B Verantwoording".to_string(),
                "Bijlage B".to_string(),
                "Bijlage B Verantwoording".to_string()
            ),
        ]
    );
    assert_eq!(super::appendix_letter(0), "A");
    assert_eq!(super::appendix_letter(25), "Z");
    assert_eq!(super::appendix_letter(26), "AA");
}

#[test]
fn references_show_their_targets_label_and_number_and_point_to_its_anchor() {
    let d = composed(&example(2016), None).document;
    let refs = references(&d);
    let targets: Vec<Target> = refs.iter().map(|r| r.0.clone()).collect();
    assert_eq!(
        targets,
        [
            Target::Paragraaf("po".into()),
            Target::BijlageVerantwoording,
            Target::TabelDoeVoorstellen
        ]
    );
    for (target, anchor, words) in &refs {
        let block = all_blocks(&d.blocks)
            .into_iter()
            .find(|b| match b {
                Block::Heading { anchor: a, .. } => a == anchor,
                Block::Table(t) => &t.anchor == anchor,
                Block::Figure(f) => &f.anchor == anchor,
                _ => false,
            })
            .unwrap_or_else(|| panic!("{target:?}: no block has anchor {anchor}"));
        match (target, block) {
            (Target::Paragraaf(_), Block::Heading { number, text, .. }) => {
                assert_eq!(words, &format!("paragraaf {number}"));
                assert_eq!(text, "W&T in het primair onderwijs");
            }
            (Target::BijlageVerantwoording, Block::Heading { text, .. }) => {
                assert_eq!(words, "Bijlage B");
                assert!(text.starts_with("Bijlage B "), "{text}");
            }
            (Target::TabelDoeVoorstellen, Block::Table(t)) => {
                assert_eq!(words, &format!("Tabel {}", t.caption.number));
                assert!(
                    t.caption.text.contains("oe-voorstellen"),
                    "{}",
                    t.caption.text
                );
                assert!(t.caption.number > 1);
            }
            other => panic!("wrong target: {other:?}"),
        }
    }
    // The paragraph reads as before references existed.
    let overview = all_blocks(&d.blocks)
        .into_iter()
        .map(|b| b.plain_text())
        .find(|t| t.contains("(zie Bijlage B)"));
    assert!(overview.is_some(), "the overview refers to appendix B");
}

#[test]
fn every_target_a_text_can_name_is_found_in_a_full_report() {
    let loaded = example(2016);
    let names: String = Target::ALL
        .iter()
        .map(|t| format!("{{{{ verwijzing(\"{}\") }}}}", t.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let c = composed_with_texts(&loaded, |t| {
        t.replacen(
            "  leeswijzer: |\n",
            &format!("  leeswijzer: |\n    Zie {names}.\n\n"),
            1,
        )
    })
    .expect("every target is in the report");
    let refs = references(&c.document);
    for t in Target::ALL {
        let (_, anchor, words) = refs.iter().find(|r| r.0 == t).expect("made");
        assert!(!anchor.is_empty(), "{t:?}");
        assert!(
            words.starts_with("Tabel ")
                || words.starts_with("Figuur ")
                || words.starts_with("Bijlage "),
            "{t:?}: {words}"
        );
    }
    let figure = refs
        .iter()
        .find(|r| r.0 == Target::FiguurOverzicht)
        .unwrap();
    assert_eq!(figure.1, "figuur-1");
}

#[test]
fn an_unknown_reference_is_reported_at_its_text() {
    let text = text_problems(&example(2016), |t| {
        t.replace(
            "verwijzing(\"bijlage_verantwoording\")",
            "verwijzing(\"bijlage_c\")",
        )
    });
    assert!(text.contains("'overzicht'"), "{text}");
    assert!(text.contains("bijlage_c"), "{text}");
    assert!(
        text.contains("tabel_doe_voorstellen"),
        "names the possible ones: {text}"
    );
}

#[test]
fn a_reference_in_a_heading_is_reported() {
    let text = text_problems(&example(2016), |t| {
        t.replace(
            "  samenvatting: Samenvatting\n",
            "  samenvatting: Samenvatting en {{ verwijzing(\"bijlage_metingen\") }}\n",
        )
    });
    assert!(text.contains("'samenvatting'"), "{text}");
    assert!(text.contains("kan geen verwijzing tonen"), "{text}");
}

#[test]
fn a_reference_to_a_target_the_report_lacks_is_reported() {
    let mut loaded = example(2016);
    loaded.data.doe_voorstellen.clear();
    let text = text_problems(&loaded, |t| {
        t.replace(
            "verwijzing(\"bijlage_verantwoording\")",
            "verwijzing(\"tabel_doe_voorstellen\")",
        )
    });
    assert!(
        text.contains("'overzicht' verwijst naar 'tabel_doe_voorstellen'"),
        "{text}"
    );
}

#[test]
fn an_appendix_heading_with_its_own_letter_is_reported() {
    let text = text_problems(&example(2016), |t| {
        t.replace(
            "  bijlage_verantwoording: Verantwoording\n",
            "  bijlage_verantwoording: Bijlage B. Verantwoording\n",
        )
    });
    assert!(text.contains("'bijlage_verantwoording'"), "{text}");
    assert!(text.contains("al voor de kop zet"), "{text}");
    // A title that merely starts with the word passes.
    composed_with_texts(&example(2016), |t| {
        t.replace(
            "  bijlage_verantwoording: Verantwoording\n",
            "  bijlage_verantwoording: Bijlagen en bronnen\n",
        )
    })
    .expect("a title is not a letter");
}

/// All the text of a document, blocks in order.
fn document_text(d: &Document) -> String {
    all_blocks(&d.blocks)
        .into_iter()
        .map(Block::plain_text)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_worked_example_of_the_computation_uses_the_reports_own_figures() {
    let mut loaded = example(2016);
    let text = document_text(&composed(&loaded, None).document);
    assert!(
        text.contains("bij ‘Schoolbesturen actief in Bètapunt Noord’ geven de nulmeting 10 in 2014, het doel 77 in 2020 en de meting 34 in 2016 een realisatie van 35,8\u{a0}%"),
        "{text}"
    );
    // Another landsdeel's figures give another example.
    for ind in loaded
        .data
        .onderdelen
        .iter_mut()
        .flat_map(|o| o.themas.iter_mut())
        .flat_map(|t| t.indicatoren.iter_mut())
    {
        ind.naam = format!("{} (Zuidoost)", ind.naam);
        if let Some(w) = ind.metingen.get_mut(&2016) {
            *w += 2.0;
        }
    }
    let text = document_text(&composed(&loaded, None).document);
    assert!(
        text.contains(
            "(Zuidoost)’ geven de nulmeting 10 in 2014, het doel 77 in 2020 en de meting 36 in 2016"
        ),
        "{text}"
    );
    assert!(!text.contains("meting 34 in 2016"), "{text}");
}

/// A reference in the data's summary (`{{ verwijzing(...) }}`) names the
/// report's own table, and a chapter, a section and an indicator's figure
/// and table by their ids; each shows its word and number and points to
/// its anchor.
#[test]
fn references_in_the_summary_name_any_table_figure_chapter_or_section() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "samenvatting: |\n",
        "samenvatting: |\n  Zie {{ verwijzing(\"tabel_indicatoren\") }}, {{ verwijzing('hoofdstuk:generiek') }}, \
         {{ verwijzing(\"paragraaf:po\") }}, {{ verwijzing(\"figuur:schoolbesturen-betapunt\") }} en \
         {{verwijzing(\"tabel:schoolbesturen-betapunt\")}}.\n\n",
        1,
    );
    let loaded = load_str(&path, &text, LoadOptions::default()).expect("valid");
    let d = composed(&loaded, None).document;
    let refs = references(&d);
    let shown: Vec<(String, &str)> = refs
        .iter()
        .map(|r| (r.0.name(), r.2.as_str()))
        .take(5)
        .collect();
    assert_eq!(
        shown,
        [
            ("tabel_indicatoren".to_string(), "Tabel 1"),
            ("hoofdstuk:generiek".to_string(), "hoofdstuk 3"),
            ("paragraaf:po".to_string(), "paragraaf 4.1"),
            ("figuur:schoolbesturen-betapunt".to_string(), "Figuur 2"),
            ("tabel:schoolbesturen-betapunt".to_string(), "Tabel 4"),
        ]
    );
    for (target, anchor, _) in refs.iter().take(5) {
        let block = all_blocks(&d.blocks).into_iter().find(|b| match b {
            Block::Heading { anchor: a, .. } => a == anchor,
            Block::Table(t) => &t.anchor == anchor,
            Block::Figure(f) => &f.anchor == anchor,
            _ => false,
        });
        assert!(block.is_some(), "{} points to {anchor}", target.name());
    }
    // The chapter's word stays apart, for Word's own heading numbers.
    let word = d.blocks.iter().find_map(|b| match b {
        Block::Paragraph { content, .. } => content.iter().find_map(|i| match i {
            Inline::Reference { word: Some(w), .. } => Some(w.clone()),
            _ => None,
        }),
        _ => None,
    });
    assert_eq!(word.as_deref(), Some("hoofdstuk"));
}

/// Chapters follow on the page; only the first chapter after the contents
/// and the chapter of the appendices begin a new one.
#[test]
fn only_the_first_chapter_and_the_appendices_begin_a_new_page() {
    let d = composed(&example(2016), None).document;
    let new_pages: Vec<(u8, String)> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading {
                level,
                text,
                new_page: true,
                ..
            } => Some((*level, text.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        new_pages,
        [
            (1, "Samenvatting".to_string()),
            (1, "Bijlage A Metingen per indicator".to_string())
        ]
    );
}

/// The key figures of every indicator: the tables under the caption of
/// key figures.
fn key_figure_tables<'a>(
    d: &'a crate::document::Document,
    texts: &TextSet,
) -> Vec<&'a crate::document::Table> {
    let caption = texts.teksten.bijschriften.kerncijfers.template();
    all_blocks(&d.blocks)
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) if t.caption.text == caption => Some(t),
            _ => None,
        })
        .collect()
}

/// The key figures are names and values: each row is headed by its name,
/// no header row repeats "Kerncijfer | Waarde", and the status stands with
/// the progress it judges, in one row.
#[test]
fn an_indicators_key_figures_are_headed_by_their_rows() {
    let loaded = example(2016);
    let d = composed(&loaded, None).document;
    let texts = TextSet::load(&Templates::embedded()).unwrap();
    let w = &texts.teksten.woorden;
    let tables = key_figure_tables(&d, &texts);
    assert_eq!(tables.len(), loaded.data.indicatoren().count());
    for t in tables {
        assert!(t.row_headers && t.header_row().is_none());
        let names: Vec<String> = t.rows.iter().map(|r| r[0].plain_text()).collect();
        assert_eq!(names.len(), 6, "{names:?}");
        assert!(names[0].starts_with(w.nulmeting.template()), "{names:?}");
        assert_eq!(
            names[3..],
            [
                w.realisatie.template(),
                w.verwacht.template(),
                w.voortgang.template()
            ]
            .map(str::to_string)
        );
        let progress = &t.rows[5][1].content;
        assert!(
            matches!(progress.last(), Some(Inline::Status { .. })),
            "the status ends the progress row: {progress:?}"
        );
        // Its text, as a reader of any format gets it, leaves out the header.
        let plain = Block::Table(t.clone()).plain_text();
        assert!(!plain.contains(w.kerncijfer.template()), "{plain}");
    }
}

/// Each indicator is shown once, compactly: its key figures with the
/// source its data names in one column, its chart in the other; a
/// breakdown under them names the source too.
#[test]
fn an_indicator_shows_its_key_figures_and_source_beside_its_chart() {
    let loaded = example(2016);
    let d = composed(&loaded, None).document;
    let texts = TextSet::load(&Templates::embedded()).unwrap();
    assert_eq!(
        key_figure_tables(&d, &texts).len(),
        loaded.data.indicatoren().count(),
        "one table each"
    );
    for ind in loaded.data.indicatoren() {
        let beside: Vec<usize> = (0..d.blocks.len())
            .filter(|&i| match &d.blocks[i] {
                Block::Beside { columns, .. } => columns
                    .iter()
                    .flatten()
                    .any(|b| matches!(b, Block::Figure(f) if f.chart.id == ind.id)),
                _ => false,
            })
            .collect();
        let [at] = beside[..] else {
            panic!(
                "{}: key figures beside its chart {} times",
                ind.id,
                beside.len()
            )
        };
        let Block::Beside { columns, widths } = &d.blocks[at] else {
            unreachable!()
        };
        assert_eq!(widths.len(), 2);
        assert!(widths.iter().sum::<f32>() < 1.0, "a gap between them");
        let source = ind.bron.as_ref().map(|b| format!("Bron: {b}"));
        let sources = |blocks: &[Block]| -> Vec<String> {
            blocks
                .iter()
                .filter_map(|b| match b {
                    Block::Source { text } => Some(text.clone()),
                    _ => None,
                })
                .collect()
        };
        assert!(matches!(&columns[0][0], Block::Table(_)), "{}", ind.id);
        assert_eq!(sources(&columns[0]), Vec::from_iter(source.clone()));
        assert!(matches!(&columns[1][..], [Block::Figure(_)]), "{}", ind.id);
        // A breakdown follows, with the source under it.
        let rest: Vec<Block> = d.blocks[at + 1..]
            .iter()
            .take_while(|b| !matches!(b, Block::Heading { .. } | Block::Beside { .. }))
            .cloned()
            .collect();
        let breakdown = rest
            .iter()
            .any(|b| matches!(b, Block::Figure(f) if f.chart.id.contains(&ind.id)));
        assert_eq!(breakdown, !ind.uitsplitsing.is_empty(), "{}", ind.id);
        if breakdown {
            assert_eq!(sources(&rest), Vec::from_iter(source));
        }
    }
}

/// A theme's facts (action line, partners) are one paragraph, a line each:
/// they stay together, without a paragraph's space between them.
#[test]
fn a_themes_facts_are_one_paragraph_of_lines() {
    let loaded = example(2016);
    let d = composed(&loaded, None).document;
    let mut both = 0;
    for b in &d.blocks {
        let Block::Paragraph { content, .. } = b else {
            continue;
        };
        let strong = |i: &Inline, word: &str| matches!(i, Inline::Strong { content } if crate::document::inlines_text(content).starts_with(word));
        if content.first().is_some_and(|i| strong(i, "Actielijn")) {
            let at = content
                .iter()
                .position(|i| matches!(i, Inline::LineBreak))
                .expect("a line break after the action line");
            assert!(strong(&content[at + 1], "Partners"), "{content:?}");
            both += 1;
        }
    }
    assert!(both >= 5, "{both} themes with both facts");
}

/// A long explanation is not moved whole with the key figures: it may end
/// on the page before them, so that page's foot is not left empty.
#[test]
fn a_long_explanation_may_end_on_the_page_before_the_key_figures() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/noord-2016.yaml");
    let short = "Alle technasia worden Jet-Net-school.";
    let text = std::fs::read_to_string(&path).unwrap();
    let kept = |text: &str| -> bool {
        let loaded = load_str(&path, text, LoadOptions::default()).expect("valid");
        let d = composed(&loaded, None).document;
        let at = d
            .blocks
            .iter()
            .position(|b| b.plain_text().starts_with(&short[..20]))
            .expect("the explanation");
        assert!(matches!(d.blocks[at + 1], Block::Beside { .. }));
        matches!(
            d.blocks[at],
            Block::Paragraph {
                keep_with_next: true,
                ..
            }
        )
    };
    assert!(kept(&text), "a line stays with its key figures");
    let long = text.replacen(short, &[short; 60].join(" "), 1);
    assert!(!kept(&long), "sixty sentences may end on the page before");
}

/// An indicator's heading and the words under it stay on the page of its
/// key figures: the last paragraph before them keeps with them.
#[test]
fn an_indicators_explanation_keeps_with_its_key_figures() {
    let loaded = example(2016);
    let d = composed(&loaded, None).document;
    let mut checked = 0;
    for (i, b) in d.blocks.iter().enumerate().skip(1) {
        if !matches!(b, Block::Beside { .. }) {
            continue;
        }
        match &d.blocks[i - 1] {
            Block::Paragraph { keep_with_next, .. } => {
                assert!(keep_with_next, "{}", d.blocks[i - 1].plain_text());
                checked += 1;
            }
            Block::Heading { level: 3, .. } => {}
            other => panic!("before key figures: {other:?}"),
        }
    }
    assert!(checked >= 5, "{checked} explanations");
    // Other paragraphs may stand apart from what follows.
    assert!(d.blocks.iter().any(|b| matches!(
        b,
        Block::Paragraph {
            keep_with_next: false,
            ..
        }
    )));
}
