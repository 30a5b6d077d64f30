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

/// A target that a fixed text can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
}

impl Target {
    pub const ALL: [Target; 5] = [
        Target::TabelIndicatoren,
        Target::FiguurOverzicht,
        Target::TabelDoeVoorstellen,
        Target::BijlageMetingen,
        Target::BijlageVerantwoording,
    ];

    /// The name a text uses.
    pub fn name(self) -> &'static str {
        match self {
            Target::TabelIndicatoren => "tabel_indicatoren",
            Target::FiguurOverzicht => "figuur_overzicht",
            Target::TabelDoeVoorstellen => "tabel_doe_voorstellen",
            Target::BijlageMetingen => "bijlage_metingen",
            Target::BijlageVerantwoording => "bijlage_verantwoording",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// Every name, for messages: `tabel_indicatoren, figuur_overzicht, ...`.
    pub fn names() -> String {
        Target::ALL.map(Target::name).join(", ")
    }
}

impl Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// How a filled-in text carries a reference to the Markdown reader: a link
/// without text to `verwijzing:<name>`. Only the fixed texts are read with
/// references ([`super::markdown::parse_text`]); in the data such a link
/// prints as typed, like every link that is not to the web or an e-mail
/// address.
pub const SCHEME: &str = "verwijzing:";

/// The Markdown of a reference to `target`.
pub fn markdown(target: Target) -> String {
    format!("[]({SCHEME}{})", target.name())
}

/// The target of a link's address, when it is a reference.
pub fn parse(url: &str) -> Option<Target> {
    url.strip_prefix(SCHEME).and_then(Target::from_name)
}

/// The minijinja function `verwijzing(naam)` of the fixed texts.
pub fn function(name: &str) -> Result<minijinja::Value, minijinja::Error> {
    match Target::from_name(name) {
        Some(t) => Ok(minijinja::Value::from_safe_string(markdown(t))),
        None => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            format!(
                "verwijzing(\"{name}\") kent techniekpact niet; mogelijk zijn: {}",
                Target::names()
            ),
        )),
    }
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
    /// The target's label and number, `Tabel 14`, `Bijlage B`.
    pub words: String,
}

/// What the target at `block` is called once numbered: a table's or a
/// figure's caption label and number, an appendix heading's word and
/// letter.
pub fn resolve_block(block: &Block) -> Option<Resolved> {
    match block {
        Block::Table(t) => Some(Resolved {
            anchor: t.anchor.clone(),
            words: format!("{} {}", t.caption.label, t.caption.number),
        }),
        Block::Figure(f) => Some(Resolved {
            anchor: f.anchor.clone(),
            words: format!("{} {}", f.caption.label, f.caption.number),
        }),
        Block::Heading {
            anchor,
            appendix: Some(a),
            ..
        } => Some(Resolved {
            anchor: anchor.clone(),
            words: a.label(),
        }),
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
            } => {
                if let Some(r) = targets.get(target) {
                    anchor.clone_from(&r.anchor);
                    *content = vec![Inline::text(r.words.clone())];
                }
            }
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => fill_inlines(content, targets),
            Inline::Text { .. } | Inline::LineBreak | Inline::Status { .. } => {}
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
                } => out.push(Made {
                    target: *target,
                    anchor,
                    words: super::inlines_text(content),
                }),
                Inline::Strong { content }
                | Inline::Emph { content }
                | Inline::Link { content, .. } => walk(content, out),
                Inline::Text { .. } | Inline::LineBreak | Inline::Status { .. } => {}
            }
        }
    }
    fn block<'a>(b: &'a Block, out: &mut Vec<Made<'a>>) {
        match b {
            Block::Paragraph { content } => walk(content, out),
            Block::List { items, .. } => items.iter().flatten().for_each(|b| block(b, out)),
            Block::Table(t) => {
                for c in t.rows.iter().flatten() {
                    walk(&c.content, out);
                    if let Some(n) = &c.note {
                        walk(n, out);
                    }
                }
            }
            Block::Toc { .. } | Block::Heading { .. } | Block::Figure(_) => {}
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
        Block::Paragraph { content } => f(content),
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
        Block::Toc { .. } | Block::Heading { .. } | Block::Figure(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_and_the_markdown_is_a_reference() {
        for t in Target::ALL {
            assert_eq!(Target::from_name(t.name()), Some(t));
            let md = markdown(t);
            assert!(holds_reference(&md));
            assert_eq!(parse(&format!("{SCHEME}{}", t.name())), Some(t));
        }
        assert_eq!(Target::from_name("bijlage_c"), None);
        assert!(function("bijlage_c").is_err());
        assert!(!holds_reference("zie bijlage B"));
    }
}
