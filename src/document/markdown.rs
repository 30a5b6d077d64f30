//! The Markdown subset of the text fields (paragraphs, `**vet**`,
//! `*cursief*`, bulleted and numbered lists, links), parsed with
//! pulldown-cmark into document blocks.
//!
//! Every other character is text. Before parsing, characters that CommonMark
//! would otherwise interpret (`\`, `&`, `_`, `` ` ``, `*` inside words, `#`
//! and `>` at the start of a line, underline-only lines) are escaped, and any
//! construct outside the subset that still appears is printed as its source.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Block, Inline, formula, references};

/// Parse a text field into blocks.
pub fn parse(text: &str) -> Vec<Block> {
    parse_with(text, Builder::default())
}

/// Parse a filled-in fixed text into blocks: as [`parse`], and a link to
/// `verwijzing:<name>` ([`references::markdown`]) is a reference.
pub fn parse_text(text: &str) -> Vec<Block> {
    parse_with(
        text,
        Builder {
            references: true,
            ..Builder::default()
        },
    )
}

fn parse_with(text: &str, mut b: Builder) -> Vec<Block> {
    let escaped = escape_outside_subset(text);
    // Formulas between dollar signs only in the fixed texts: in the data a
    // dollar sign is a dollar sign.
    let options = if b.references {
        Options::ENABLE_MATH
    } else {
        Options::empty()
    };
    for event in Parser::new_ext(&escaped, options) {
        b.event(event);
    }
    let mut blocks = b.finish();
    keep_with_formulas(&mut blocks);
    blocks
}

/// The words that lead to a formula stay on its page, in the body and in
/// a list item.
fn keep_with_formulas(blocks: &mut [Block]) {
    for i in 0..blocks.len() {
        let before_formula = matches!(blocks.get(i + 1), Some(Block::Formula { .. }));
        match &mut blocks[i] {
            Block::Paragraph { keep_with_next, .. } if before_formula => *keep_with_next = true,
            Block::List { items, .. } => items.iter_mut().for_each(|item| keep_with_formulas(item)),
            _ => {}
        }
    }
}

/// Parse a one-line text into inlines (markup of the subset allowed).
pub fn parse_inline(text: &str) -> Vec<Inline> {
    let blocks = parse(text);
    let mut out = Vec::new();
    for (i, block) in blocks.into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::text(" "));
        }
        match block {
            Block::Paragraph { content, .. } => out.extend(content),
            other => out.push(Inline::text(other.plain_text())),
        }
    }
    out
}

/// Parse a text for a table cell, which holds inlines only: paragraphs and
/// list items each start a new line, items keep their bullet (`•`, or
/// their number), and nothing runs together.
pub fn parse_cell(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    cell_blocks(&parse(text), 0, &mut out);
    out
}

fn cell_blocks(blocks: &[Block], depth: usize, out: &mut Vec<Inline>) {
    for block in blocks {
        match block {
            Block::Paragraph { content, .. } => {
                if !out.is_empty()
                    && !matches!(out.last(), Some(Inline::Text { text }) if text.ends_with(' '))
                {
                    out.push(Inline::LineBreak);
                }
                out.extend(content.iter().cloned());
            }
            Block::List {
                ordered,
                start,
                items,
                ..
            } => {
                for (n, item) in items.iter().enumerate() {
                    if !out.is_empty() {
                        out.push(Inline::LineBreak);
                    }
                    let indent = "\u{a0}\u{a0}\u{a0}".repeat(depth);
                    let marker = if *ordered {
                        format!("{indent}{}.\u{a0}", *start as usize + n)
                    } else {
                        format!("{indent}•\u{a0}")
                    };
                    // The item's own words after the marker; a nested list
                    // on the lines below, indented.
                    out.push(Inline::text(marker));
                    let mut first = true;
                    for b in item {
                        match b {
                            Block::Paragraph { content, .. } if first => {
                                out.extend(content.iter().cloned())
                            }
                            Block::List { .. } => {
                                cell_blocks(std::slice::from_ref(b), depth + 1, out)
                            }
                            other => cell_blocks(std::slice::from_ref(other), depth + 1, out),
                        }
                        first = false;
                    }
                }
            }
            other => {
                if !out.is_empty() {
                    out.push(Inline::LineBreak);
                }
                out.push(Inline::text(other.plain_text()));
            }
        }
    }
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Escape what CommonMark would read as markup outside the subset.
/// The list bullets a word processor pastes (`•`, `·`, `–`, `▪`, `◦`),
/// followed by a space or a tab: read as the list item that was meant.
const WORD_BULLETS: &[char] = &['•', '·', '–', '▪', '◦', '‣'];

/// `line` with a pasted Word bullet at its start written as `- `.
fn word_bullet_as_dash(line: &str) -> std::borrow::Cow<'_, str> {
    let trimmed = line.trim_start();
    let indent = &line[..line.len() - trimmed.len()];
    if let Some(rest) = trimmed.strip_prefix(WORD_BULLETS)
        && rest.starts_with([' ', '\t', '\u{a0}'])
    {
        let rest = rest.trim_start_matches([' ', '\t', '\u{a0}']);
        return format!("{indent}- {rest}").into();
    }
    line.into()
}

/// The source of a formula as it was typed: the escapes of
/// [`escape_outside_subset`] taken out again.
fn unescape(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

fn escape_outside_subset(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let line = word_bullet_as_dash(line);
        let line = line.as_ref();
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let body = trimmed.trim_end();
        let underline = !body.is_empty()
            && (body.chars().all(|c| c == '=') || body.chars().all(|c| c == '-'))
            && body.len() >= 2;
        let starts_block = trimmed.starts_with('#') || trimmed.starts_with('>') || underline;
        let chars: Vec<char> = line.chars().collect();
        let first_char = line[..indent].chars().count();
        for (i, &c) in chars.iter().enumerate() {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let escape = match c {
                '\\' | '&' | '_' | '`' | '~' | '|' => true,
                '*' => is_word(prev) && is_word(next),
                '<' => true,
                _ => starts_block && i == first_char,
            };
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

#[derive(Default)]
struct Builder {
    /// Finished top-level blocks.
    blocks: Vec<Block>,
    /// Open containers: lists with their items.
    lists: Vec<(bool, Option<u64>, Vec<Vec<Block>>)>,
    /// Inline containers: (kind, children); kind None = paragraph root.
    inlines: Vec<(Option<Inline>, Vec<Inline>)>,
    /// Links and images printed as their source: the text after the label.
    literal_ends: Vec<String>,
    /// For every open link: whether it is printed as its source.
    link_is_literal: Vec<bool>,
    /// Whether links to `verwijzing:<name>` are references.
    references: bool,
}

/// Links that become real links; anything else prints as typed.
fn allowed_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    ["https://", "http://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        match self.lists.last_mut() {
            Some((_, _, items)) => {
                if items.is_empty() {
                    items.push(Vec::new());
                }
                items.last_mut().expect("an item").push(block);
            }
            None => self.blocks.push(block),
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        if self.inlines.is_empty() {
            // Text outside a paragraph (tight list items): open one.
            self.inlines.push((None, Vec::new()));
        }
        let (_, children) = self.inlines.last_mut().expect("open inline");
        // Merge adjacent text runs.
        if let (Some(Inline::Text { text: last }), Inline::Text { text }) =
            (children.last_mut(), &inline)
        {
            last.push_str(text);
            return;
        }
        children.push(inline);
    }

    fn close_paragraph(&mut self) {
        while let Some((kind, children)) = self.inlines.pop() {
            match kind {
                None => {
                    if !children.is_empty() {
                        self.push_block(Block::paragraph(children));
                    }
                    return;
                }
                Some(k) => {
                    let closed = k.with_children(children);
                    self.push_inline(closed);
                }
            }
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Paragraph) => {
                self.close_paragraph();
                self.inlines.push((None, Vec::new()));
            }
            Event::End(TagEnd::Paragraph) => self.close_paragraph(),
            Event::Start(Tag::List(start)) => {
                self.close_paragraph();
                self.lists.push((start.is_some(), start, Vec::new()));
            }
            Event::End(TagEnd::List(_)) => {
                self.close_paragraph();
                if let Some((ordered, start, items)) = self.lists.pop() {
                    self.push_block(Block::List {
                        ordered,
                        start: start.unwrap_or(1),
                        items,
                        keep_with_next: false,
                    });
                }
            }
            Event::Start(Tag::Item) => {
                self.close_paragraph();
                if let Some((_, _, items)) = self.lists.last_mut() {
                    items.push(Vec::new());
                }
            }
            Event::End(TagEnd::Item) => self.close_paragraph(),
            Event::Start(Tag::Strong) => self
                .inlines
                .push((Some(Inline::Strong { content: vec![] }), vec![])),
            Event::Start(Tag::Emphasis) => self
                .inlines
                .push((Some(Inline::Emph { content: vec![] }), vec![])),
            Event::Start(Tag::Link { dest_url, .. })
                if self.references && references::parse(&dest_url).is_some() =>
            {
                // The link's own text, if any, gives way to the target's
                // label and number when the document is numbered.
                self.link_is_literal.push(false);
                self.inlines.push((
                    Some(Inline::Reference {
                        target: references::parse(&dest_url).expect("checked"),
                        anchor: String::new(),
                        content: vec![],
                        word: None,
                    }),
                    vec![],
                ));
            }
            Event::Start(Tag::Link { dest_url, .. }) if allowed_link(&dest_url) => {
                self.link_is_literal.push(false);
                self.inlines.push((
                    Some(Inline::Link {
                        url: dest_url.to_string(),
                        content: vec![],
                    }),
                    vec![],
                ));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.link_is_literal.push(true);
                self.push_inline(Inline::text("["));
                self.literal_ends.push(format!("]({dest_url})"));
            }
            Event::End(TagEnd::Link) if self.link_is_literal.pop() == Some(true) => {
                let end = self.literal_ends.pop().unwrap_or_default();
                self.push_inline(Inline::text(end));
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Link) => {
                if let Some((Some(kind), children)) = self.inlines.pop() {
                    let closed = kind.with_children(children);
                    self.push_inline(closed);
                }
            }
            // Constructs outside the subset: their text, as text.
            Event::Start(
                Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::HtmlBlock,
            ) => {
                self.close_paragraph();
                self.inlines.push((None, Vec::new()));
            }
            Event::End(
                TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::HtmlBlock,
            ) => self.close_paragraph(),
            // Images are not in the subset: printed as typed.
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.push_inline(Inline::text("!["));
                self.literal_ends.push(format!("]({dest_url})"));
            }
            Event::End(TagEnd::Image) => {
                let end = self.literal_ends.pop().unwrap_or_default();
                self.push_inline(Inline::text(end));
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.push_inline(Inline::text(t.as_ref()))
            }
            Event::InlineMath(source) => self.push_inline(Inline::Formula {
                formula: formula::parse(&unescape(&source)),
            }),
            // A formula on a line of its own is a block: the paragraph
            // before it ends, and what follows starts a new one.
            Event::DisplayMath(source) => {
                let open = !self.inlines.is_empty();
                self.close_paragraph();
                self.push_block(Block::Formula {
                    formula: formula::parse(&unescape(&source)),
                });
                if open {
                    self.inlines.push((None, Vec::new()));
                }
            }
            Event::SoftBreak => self.push_inline(Inline::text(" ")),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Rule => self.push_block(Block::paragraph(vec![Inline::text("---")])),
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.close_paragraph();
        while let Some((ordered, start, items)) = self.lists.pop() {
            self.push_block(Block::List {
                ordered,
                start: start.unwrap_or(1),
                items,
                keep_with_next: false,
            });
        }
        self.blocks
    }
}

#[cfg(test)]
mod cell_tests {
    use super::*;

    fn shown(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .map(|i| match i {
                Inline::LineBreak => "\n".to_string(),
                other => crate::document::inlines_text(std::slice::from_ref(other)),
            })
            .collect()
    }

    #[test]
    fn a_cell_keeps_paragraphs_list_items_and_their_bullets() {
        let cell =
            parse_cell("Planning:\n\n- in het voorjaar;\n- het najaar.\n\nDaarna **verder**.");
        assert_eq!(
            shown(&cell),
            "Planning:\n•\u{a0}in het voorjaar;\n•\u{a0}het najaar.\nDaarna verder."
        );
        let numbered = parse_cell("1. een\n2. twee");
        assert_eq!(shown(&numbered), "1.\u{a0}een\n2.\u{a0}twee");
        assert_eq!(shown(&parse_cell("Gewoon een zin.")), "Gewoon een zin.");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> String {
        parse(text)
            .iter()
            .map(Block::plain_text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_fixed_text_reads_formulas_between_dollar_signs() {
        let blocks =
            parse_text("Met doel $w_1$ geldt:\n$$v = (w - w_0) / (w_1 - w_0)$$\nen verder.");
        let [
            Block::Paragraph {
                content: before,
                keep_with_next: true,
            },
            Block::Formula { formula },
            Block::Paragraph {
                content: after,
                keep_with_next: false,
            },
        ] = blocks.as_slice()
        else {
            panic!("{blocks:#?}")
        };
        assert!(matches!(
            &before[1],
            Inline::Formula { formula } if formula.text == "w1"
        ));
        assert_eq!(formula.text, "v = (w − w0) / (w1 − w0)");
        assert_eq!(crate::document::inlines_text(after).trim(), "en verder.");
    }

    #[test]
    fn a_dollar_sign_in_the_data_is_a_dollar_sign() {
        assert_eq!(
            plain("Kosten $5 en $6_a$ per jaar."),
            "Kosten $5 en $6_a$ per jaar."
        );
        assert!(matches!(
            parse("$x$").as_slice(),
            [Block::Paragraph { content, .. }] if matches!(content.as_slice(), [Inline::Text { .. }])
        ));
    }

    #[test]
    fn subset_is_structure() {
        let blocks = parse(
            "Een **vette** en *schuine* [link](https://example.org).\n\n- een\n- twee\n\n1. eerste\n2. tweede\n",
        );
        assert_eq!(blocks.len(), 3);
        let Block::Paragraph { content, .. } = &blocks[0] else {
            panic!()
        };
        assert!(matches!(content[1], Inline::Strong { .. }));
        assert!(matches!(content[3], Inline::Emph { .. }));
        assert!(matches!(&content[5], Inline::Link { url, .. } if url == "https://example.org"));
        assert!(
            matches!(&blocks[1], Block::List { ordered: false, items, .. } if items.len() == 2)
        );
        assert!(matches!(
            &blocks[2],
            Block::List {
                ordered: true,
                start: 1,
                ..
            }
        ));
    }

    #[test]
    fn bullets_pasted_from_word_are_the_list_that_was_meant() {
        let blocks = parse("Drie bronnen:\n\n•\tDUO\n• S-BB\n·  Jet-Net\n– Technet\n");
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        let Block::List {
            ordered: false,
            items,
            ..
        } = &blocks[1]
        else {
            panic!("{blocks:?}")
        };
        let texts: Vec<String> = items
            .iter()
            .map(|i| i.iter().map(Block::plain_text).collect())
            .collect();
        assert_eq!(texts, ["DUO", "S-BB", "Jet-Net", "Technet"]);
        // Inside a line, and without a space after it, a bullet is text.
        assert_eq!(plain("a • b"), "a • b");
        assert_eq!(plain("•geen lijst"), "•geen lijst");
    }

    #[test]
    fn everything_else_is_text() {
        let t = r#"# geen kop $x$ a*b*c snake_case <b>html</b> &amp; @ref [x] \n "q" 'q' `code` ]"#;
        assert_eq!(plain(t), t);
        assert_eq!(plain("> geen citaat"), "> geen citaat");
        assert_eq!(plain("Tekst\n---"), "Tekst ---");
        assert_eq!(plain("#import \"x\": *"), "#import \"x\": *");
        assert_eq!(
            plain("![logo](x.png) en [klik](javascript:alert(1))"),
            "![logo](x.png) en [klik](javascript:alert(1))"
        );
        let t = r#"**half _under_ `code` [link](javascript:alert) ![img](x.png) a\b \\"#;
        assert_eq!(plain(t), t);
    }
}
