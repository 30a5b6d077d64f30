//! References in running text to a table, a figure or an appendix: the
//! names a fixed text may refer to, how a text writes a reference
//! (`{{ verwijzing("bijlage_verantwoording") }}`), and how the composed
//! document gives every reference its target's anchor and words once the
//! tables, figures and appendices are numbered.
//!
//! A text names its target, never its number: the number follows the
//! document. Every format then shows the target's own label and number
//! ("Tabel 14", "Bijlage B"): the PDF and the web page as a link, the DOCX
//! as a REF field to the bookmark around that label and number, which
//! Word and LibreOffice update when tables or appendices are inserted.

use std::collections::HashMap;

use serde::Serialize;

use super::{Block, Inline};

/// A target that a text can name: one of the report's fixed tables,
/// figures and appendices, or a chapter, section, figure or table of a
/// part of the data by its id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// The table with the state of every indicator (summary).
    TabelIndicatoren,
    /// The (first) overview chart of the indicators (summary).
    FiguurOverzicht,
    /// The table of the doe-voorstellen.
    TabelDoeVoorstellen,
    /// Appendix A, all measurements.
    BijlageMetingen,
    /// Appendix B, how the status is computed.
    BijlageVerantwoording,
    /// The chapter of an onderdeel: `hoofdstuk:<id>`.
    Hoofdstuk(String),
    /// The section of a thema: `paragraaf:<id>`.
    Paragraaf(String),
    /// The chart of an indicator: `figuur:<id>`.
    Figuur(String),
    /// The key figures of an indicator: `tabel:<id>`.
    Tabel(String),
}

/// The prefixes of the targets named by an id, with what they name.
pub const BY_ID: [(&str, &str); 4] = [
    ("hoofdstuk", "onderdeel"),
    ("paragraaf", "thema"),
    ("figuur", "indicator"),
    ("tabel", "indicator"),
];

impl Target {
    /// The report's own targets, named without an id.
    pub const ALL: [Target; 5] = [
        Target::TabelIndicatoren,
        Target::FiguurOverzicht,
        Target::TabelDoeVoorstellen,
        Target::BijlageMetingen,
        Target::BijlageVerantwoording,
    ];

    /// The name a text uses: `tabel_indicatoren`, `figuur:jet-net`.
    pub fn name(&self) -> String {
        match self {
            Target::TabelIndicatoren => "tabel_indicatoren".into(),
            Target::FiguurOverzicht => "figuur_overzicht".into(),
            Target::TabelDoeVoorstellen => "tabel_doe_voorstellen".into(),
            Target::BijlageMetingen => "bijlage_metingen".into(),
            Target::BijlageVerantwoording => "bijlage_verantwoording".into(),
            Target::Hoofdstuk(id) => format!("hoofdstuk:{id}"),
            Target::Paragraaf(id) => format!("paragraaf:{id}"),
            Target::Figuur(id) => format!("figuur:{id}"),
            Target::Tabel(id) => format!("tabel:{id}"),
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        if let Some(t) = Target::ALL.into_iter().find(|t| t.name() == name) {
            return Some(t);
        }
        let (prefix, id) = name.split_once(':')?;
        let id = id.trim();
        if id.is_empty() {
            return None;
        }
        let id = id.to_string();
        match prefix.trim() {
            "hoofdstuk" => Some(Target::Hoofdstuk(id)),
            "paragraaf" => Some(Target::Paragraaf(id)),
            "figuur" => Some(Target::Figuur(id)),
            "tabel" => Some(Target::Tabel(id)),
            _ => None,
        }
    }

    /// The id of the part of the data a target names, with what it is
    /// (`onderdeel`, `thema`, `indicator`); `None` for the report's own.
    pub fn id(&self) -> Option<(&str, &'static str)> {
        match self {
            Target::Hoofdstuk(id) => Some((id, "onderdeel")),
            Target::Paragraaf(id) => Some((id, "thema")),
            Target::Figuur(id) | Target::Tabel(id) => Some((id, "indicator")),
            _ => None,
        }
    }

    /// Every name, for messages: `tabel_indicatoren, figuur_overzicht, ...`.
    pub fn names() -> String {
        let mut names: Vec<String> = Target::ALL.iter().map(Target::name).collect();
        names.extend(
            BY_ID
                .iter()
                .map(|(p, what)| format!("{p}:<id van een {what}>")),
        );
        names.join(", ")
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

/// How a filled-in text carries a reference to the Markdown reader: a link
/// without text to `verwijzing:<name>`. Only the fixed texts are read with
/// references ([`super::markdown::parse_text`]); in the data such a link
/// prints as typed, like every link that is not to the web or an e-mail
/// address.
pub const SCHEME: &str = "verwijzing:";

/// The Markdown of a reference to `target`.
pub fn markdown(target: &Target) -> String {
    format!("[]({SCHEME}{})", target.name())
}

/// The target of a link's address, when it is a reference.
pub fn parse(url: &str) -> Option<Target> {
    url.strip_prefix(SCHEME).and_then(Target::from_name)
}

/// The minijinja function `verwijzing(naam)` of the fixed texts.
pub fn function(name: &str) -> Result<minijinja::Value, minijinja::Error> {
    match Target::from_name(name) {
        Some(t) => Ok(minijinja::Value::from_safe_string(markdown(&t))),
        None => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "verwijzing(\"{name}\") kent techniekpact niet; mogelijk zijn: {}",
                Target::names()
            ),
        )),
    }
}

/// The references a text of the data writes as `{{ verwijzing("naam") }}`,
/// each with its byte range in `text` and the name (the data is not a
/// template; only this form is read, with single or double quotes).
pub fn data_references(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("{{") {
        let start = from + i;
        let Some(len) = text[start..].find("}}") else {
            break;
        };
        let end = start + len + 2;
        let inner = text[start + 2..end - 2].trim();
        if let Some(arg) = inner
            .strip_prefix("verwijzing")
            .map(str::trim_start)
            .and_then(|r| r.strip_prefix('('))
            .and_then(|r| r.trim_end().strip_suffix(')'))
        {
            let name = arg.trim().trim_matches(['"', '\'']);
            out.push((start..end, name.to_string()));
        }
        from = end;
    }
    out
}

/// `text` with each `{{ verwijzing("naam") }}` as the Markdown of its
/// reference; a name that is no target stays as written.
pub fn data_references_as_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, name) in data_references(text) {
        if let Some(target) = Target::from_name(&name) {
            out.push_str(&text[at..range.start]);
            out.push_str(&markdown(&target));
            at = range.end;
        }
    }
    out.push_str(&text[at..]);
    out
}

/// Whether a filled-in text holds a reference (a text that is not read as
/// Markdown, a heading or a caption, cannot show one).
pub fn holds_reference(text: &str) -> bool {
    text.contains(&format!("]({SCHEME}"))
}

/// The anchor and the words of a numbered target.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub anchor: String,
    /// The target's label and number, `Tabel 14`, `Bijlage B`,
    /// `paragraaf 4.2`.
    pub words: String,
    /// For a chapter or section, the word before its number
    /// (`paragraaf`): Word shows the number from the heading itself.
    pub word: Option<String>,
}

/// What the target at `block` is called once numbered: a table's or a
/// figure's caption label and number, an appendix heading's word and
/// letter, another heading's word (`heading_word` of its level) and
/// number.
pub fn resolve_block(block: &Block, heading_word: &dyn Fn(u8) -> String) -> Option<Resolved> {
    match block {
        Block::Table(t) => Some(Resolved {
            anchor: t.anchor.clone(),
            words: format!("{} {}", t.caption.label, t.caption.number),
            word: None,
        }),
        Block::Figure(f) => Some(Resolved {
            anchor: f.anchor.clone(),
            words: format!("{} {}", f.caption.label, f.caption.number),
            word: None,
        }),
        Block::Heading {
            anchor,
            appendix: Some(a),
            ..
        } => Some(Resolved {
            anchor: anchor.clone(),
            words: a.label(),
            word: None,
        }),
        Block::Heading {
            anchor,
            level,
            number,
            appendix: None,
            ..
        } => {
            let word = heading_word(*level);
            Some(Resolved {
                anchor: anchor.clone(),
                words: format!("{word} {number}"),
                word: Some(word),
            })
        }
        _ => None,
    }
}

/// Give every reference in `blocks` its target's anchor and words from
/// `targets` (the composer has reported a reference to a target the
/// report lacks before the document is numbered).
pub fn fill_in(blocks: &mut [Block], targets: &HashMap<Target, Resolved>) {
    for b in blocks {
        each_inline_list(b, &mut |inlines| fill_inlines(inlines, targets));
    }
}

fn fill_inlines(inlines: &mut [Inline], targets: &HashMap<Target, Resolved>) {
    for i in inlines {
        match i {
            Inline::Reference {
                target,
                anchor,
                content,
                word,
            } => {
                if let Some(r) = targets.get(target) {
                    anchor.clone_from(&r.anchor);
                    *content = vec![Inline::text(r.words.clone())];
                    word.clone_from(&r.word);
                }
            }
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => fill_inlines(content, targets),
            Inline::Text { .. }
            | Inline::LineBreak
            | Inline::Status { .. }
            | Inline::Formula { .. }
            | Inline::Whole { .. } => {}
        }
    }
}

/// A reference as the document holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Made<'a> {
    pub target: Target,
    /// Empty until the document is numbered.
    pub anchor: &'a str,
    /// What it shows: `Tabel 14`.
    pub words: String,
    /// For a chapter or section, the word before its number.
    pub word: Option<&'a str>,
}

/// Every reference in `blocks` (paragraphs, list items, table cells and
/// their notes), in document order.
pub fn references(blocks: &[Block]) -> Vec<Made<'_>> {
    fn walk<'a>(inlines: &'a [Inline], out: &mut Vec<Made<'a>>) {
        for i in inlines {
            match i {
                Inline::Reference {
                    target,
                    anchor,
                    content,
                    word,
                } => out.push(Made {
                    target: target.clone(),
                    anchor,
                    words: super::inlines_text(content),
                    word: word.as_deref(),
                }),
                Inline::Strong { content }
                | Inline::Emph { content }
                | Inline::Link { content, .. } => walk(content, out),
                Inline::Text { .. }
                | Inline::LineBreak
                | Inline::Status { .. }
                | Inline::Formula { .. }
                | Inline::Whole { .. } => {}
            }
        }
    }
    fn block<'a>(b: &'a Block, out: &mut Vec<Made<'a>>) {
        match b {
            Block::Paragraph { content, .. } => walk(content, out),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| block(b, out)),
            Block::Beside { columns, .. } => columns.iter().flatten().for_each(|b| block(b, out)),
            Block::Table(t) => {
                for c in t.rows.iter().flatten() {
                    walk(&c.content, out);
                    if let Some(n) = &c.note {
                        walk(n, out);
                    }
                }
            }
            Block::Toc { .. }
            | Block::Heading { .. }
            | Block::Figure(_)
            | Block::Source { .. }
            | Block::Formula { .. }
            | Block::Colophon { .. } => {}
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        block(b, &mut out);
    }
    out
}

/// Call `f` on every list of inlines of `block`: paragraphs, list items,
/// table cells and their notes.
fn each_inline_list(block: &mut Block, f: &mut dyn FnMut(&mut [Inline])) {
    match block {
        Block::Paragraph { content, .. } => f(content),
        Block::List { items, .. } => {
            for b in items.iter_mut().flatten() {
                each_inline_list(b, f);
            }
        }
        Block::Table(t) => {
            for c in t.rows.iter_mut().flatten() {
                f(&mut c.content);
                if let Some(n) = &mut c.note {
                    f(n);
                }
            }
        }
        Block::Beside { columns, .. } => {
            for b in columns.iter_mut().flatten() {
                each_inline_list(b, f);
            }
        }
        Block::Toc { .. }
        | Block::Heading { .. }
        | Block::Figure(_)
        | Block::Source { .. }
        | Block::Formula { .. }
        | Block::Colophon { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_and_the_markdown_is_a_reference() {
        let by_id = [
            Target::Hoofdstuk("netwerk".into()),
            Target::Paragraaf("po".into()),
            Target::Figuur("jet-net".into()),
            Target::Tabel("jet-net".into()),
        ];
        for t in Target::ALL.into_iter().chain(by_id) {
            assert_eq!(Target::from_name(&t.name()), Some(t.clone()));
            let md = markdown(&t);
            assert!(holds_reference(&md));
            assert_eq!(parse(&format!("{SCHEME}{}", t.name())), Some(t));
        }
        assert_eq!(Target::from_name("bijlage_c"), None);
        assert_eq!(Target::from_name("figuur:"), None);
        assert_eq!(Target::from_name("grafiek:jet-net"), None);
        assert!(function("bijlage_c").is_err());
        assert!(!holds_reference("zie bijlage B"));
    }
}
