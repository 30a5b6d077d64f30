//! Source positions of every node in a YAML file, by JSON pointer.
//!
//! `serde_yaml` keeps no positions once it has deserialised, so the loader
//! walks the YAML event stream of `saphyr-parser` once and records, for every
//! node, the byte span of its value and (for map entries) of its key. The walk
//! also finds what a plain deserialiser cannot report well: syntax errors at
//! their position, duplicate keys (with both places), non-finite numbers and
//! nesting that is too deep.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Span};

use crate::diagnostics::Diagnostic;
use crate::text_position::{line_col, line_start};

/// Nesting deeper than this is refused (the contract needs about eight levels).
pub const MAX_DEPTH: usize = 64;

/// Where one node sits in the source.
#[derive(Debug, Clone, Default)]
pub struct NodePos {
    /// The value (for a map or list: its first line).
    pub value: Range<usize>,
    /// The key of a map entry.
    pub key: Option<Range<usize>>,
    /// The whole node, over all its lines: for a block text from its first
    /// character (after `|` or `>`) to past the blank lines that follow it;
    /// for a map or list up to where the next node starts.
    pub extent: Range<usize>,
}

/// Positions of all nodes of one YAML document, by JSON pointer.
#[derive(Debug, Clone, Default)]
pub struct PositionIndex {
    nodes: HashMap<String, NodePos>,
    /// Pointers of scalars that are `.inf` or `.nan`.
    pub non_finite: HashSet<String>,
    /// Plain (unquoted) scalars followed by a comment on the same line: the
    /// span of the comment, from its `#` to the end of the line. YAML drops
    /// it, though in a text it was often meant as part of the text.
    pub trailing_comments: HashMap<String, Range<usize>>,
}

impl PositionIndex {
    /// The node at `pointer`, or the nearest ancestor that exists.
    pub fn nearest(&self, pointer: &str) -> Option<&NodePos> {
        let mut p = pointer;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return Some(n);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }

    /// Span of the value at `pointer` (or of its nearest ancestor).
    pub fn value(&self, pointer: &str) -> Option<Range<usize>> {
        self.nearest(pointer).map(|n| n.value.clone())
    }

    /// Span of the key of `pointer` if it is a map entry, else of its value.
    pub fn key(&self, pointer: &str) -> Option<Range<usize>> {
        self.nearest(pointer)
            .map(|n| n.key.clone().unwrap_or_else(|| n.value.clone()))
    }

    /// Whether the exact pointer exists.
    pub fn contains(&self, pointer: &str) -> bool {
        self.nodes.contains_key(pointer)
    }

    /// The node at exactly `pointer`.
    pub fn get(&self, pointer: &str) -> Option<&NodePos> {
        self.nodes.get(pointer)
    }
}

/// Escape one JSON pointer segment (RFC 6901).
pub fn escape_segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// Converts saphyr's character-based markers into byte offsets.
struct Offsets<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, line_starts }
    }

    fn byte(&self, m: Marker) -> usize {
        let Some(&start) = self.line_starts.get(m.line().saturating_sub(1)) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        start
            + line
                .char_indices()
                .nth(m.col())
                .map_or(line.len(), |(i, _)| i)
    }

    fn span(&self, s: Span) -> Range<usize> {
        let start = self.byte(s.start);
        let end = self.byte(s.end).max(start);
        // Never point past the end of the line the span starts on.
        let line_end = self.text[start..]
            .find('\n')
            .map_or(self.text.len(), |i| start + i);
        start..end.min(line_end).max(start)
    }
}

/// Result of walking the event stream.
pub struct Walk {
    pub index: PositionIndex,
    /// Problems that make further processing impossible (syntax, duplicate
    /// keys, depth) and problems that do not (non-finite numbers).
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the document could be read as YAML at all.
    pub fatal: bool,
}

/// How many syntax errors of one file are reported at most.
const MAX_SYNTAX_ERRORS: usize = 50;

/// Walk `text` and index the positions of its first document.
///
/// After a syntax error the walk goes on: the line of the error is set
/// aside (blanked, so that every offset stays) and the text is walked
/// again, until it reads to its end. When setting the line aside makes the
/// lines under it fail (they belonged to it), its whole block is set aside
/// instead, so that no message is one that an earlier mistake caused.
pub fn index(text: &str) -> Walk {
    let first = walk_once(text);
    let Some(mut stop) = first.stop.clone() else {
        return first.into_walk();
    };
    let mut diagnostics = first.diagnostics.clone();
    let mut work = text.to_string();
    let mut seen: Vec<(Option<Range<usize>>, String)> = diagnostics
        .iter()
        .map(|d| (d.span.clone(), d.message.clone()))
        .collect();
    while diagnostics.len() < MAX_SYNTAX_ERRORS {
        // Set aside as little as will do: the lines of the mistakes, then
        // their blocks, then with the line where the parser stopped too.
        // A way is good when the walk then reads on to the end, or stops
        // at a new problem that is not in what was set aside's blocks.
        let with_marker: Vec<usize> = stop.lines.iter().copied().chain([stop.marker]).collect();
        let ways: [(&[usize], bool); 4] = [
            (&stop.lines, false),
            (&stop.lines, true),
            (&with_marker, false),
            (&with_marker, true),
        ];
        let mut chosen: Option<(String, Once)> = None;
        for (lines, blocks) in ways {
            let mut trial = work.clone();
            for &l in lines {
                if blocks {
                    blank_block(&mut trial, l);
                } else {
                    blank_line(&mut trial, l);
                }
            }
            if trial == work {
                continue;
            }
            let next = walk_once(&trial);
            let good = match &next.stop {
                None => true,
                Some(s) => {
                    let new = s
                        .diagnostics
                        .iter()
                        .all(|d| !seen.contains(&(d.span.clone(), d.message.clone())));
                    let caused = lines
                        .iter()
                        .any(|&l| s.lines.iter().any(|&m| in_block(&work, l, m)));
                    new && !caused
                }
            };
            chosen = Some((trial, next));
            if good {
                break;
            }
        }
        let Some((trial, next)) = chosen else { break };
        work = trial;
        let Some(s) = next.stop.clone() else { break };
        let mut added = false;
        for d in s.diagnostics.iter() {
            let key = (d.span.clone(), d.message.clone());
            if !seen.contains(&key) {
                seen.push(key);
                diagnostics.push(d.clone());
                added = true;
            }
        }
        if !added && s.lines == stop.lines && s.marker == stop.marker {
            break;
        }
        stop = s;
    }
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    Walk {
        index: first.index,
        diagnostics,
        fatal: true,
    }
}

/// Where and why one walk stopped.
#[derive(Clone)]
struct StopAt {
    /// The syntax problems found at the stop.
    diagnostics: Vec<Diagnostic>,
    /// The byte offsets of the starts of the lines of the problems.
    lines: Vec<usize>,
    /// The start of the line where the parser stopped.
    marker: usize,
}

struct Once {
    index: PositionIndex,
    diagnostics: Vec<Diagnostic>,
    fatal: bool,
    stop: Option<StopAt>,
}

impl Once {
    fn into_walk(self) -> Walk {
        Walk {
            index: self.index,
            diagnostics: self.diagnostics,
            fatal: self.fatal,
        }
    }
}

fn walk_once(text: &str) -> Once {
    let mut w = Walker {
        parser: Parser::new_from_str(text),
        offsets: Offsets::new(text),
        index: PositionIndex::default(),
        diagnostics: Vec::new(),
        fatal: false,
        documents: 0,
        stop: None,
    };
    w.run();
    Once {
        index: w.index,
        diagnostics: w.diagnostics,
        fatal: w.fatal,
        stop: w.stop,
    }
}

/// The line starting at `start` replaced by spaces (offsets stay).
fn blank_line(text: &mut String, start: usize) {
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let spaces = " ".repeat(end - start);
    text.replace_range(start..end, &spaces);
}

/// The indentation of the line starting at `start`, or `None` when it is
/// blank or a comment.
fn indentation(text: &str, start: usize) -> Option<usize> {
    let line = &text[start..text[start..].find('\n').map_or(text.len(), |i| start + i)];
    let body = line.trim_start_matches([' ', '\t']);
    (!body.trim().is_empty() && !body.starts_with('#')).then(|| line.len() - body.len())
}

/// The starts of the lines of the block of the line at `start`: the line
/// and every following line indented further (blank lines included).
fn block_lines(text: &str, start: usize) -> Vec<usize> {
    let mut out = vec![start];
    let Some(own) = indentation(text, start) else {
        return out;
    };
    let mut at = start;
    while let Some(i) = text[at..].find('\n') {
        at += i + 1;
        if at >= text.len() {
            break;
        }
        match indentation(text, at) {
            Some(n) if n <= own => break,
            _ => out.push(at),
        }
    }
    out
}

fn blank_block(text: &mut String, start: usize) {
    for l in block_lines(text, start) {
        blank_line(text, l);
    }
}

/// Whether the line starting at `other` lies in the block under the line
/// starting at `start`.
fn in_block(text: &str, start: usize, other: usize) -> bool {
    other > start && block_lines(text, start).contains(&other)
}

struct Walker<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    offsets: Offsets<'a>,
    index: PositionIndex,
    diagnostics: Vec<Diagnostic>,
    fatal: bool,
    documents: usize,
    stop: Option<StopAt>,
}

/// Stops the walk: the stream cannot be read further.
struct Stop;

impl<'a> Walker<'a> {
    fn next(&mut self) -> Result<(Event<'a>, Span), Stop> {
        match self.parser.next_event() {
            Some(Ok(ev)) => Ok(ev),
            Some(Err(e)) => {
                let text = self.offsets.text;
                let at = self.offsets.byte(*e.marker());
                // A tab in the indentation is what the parser stumbles on,
                // often a line later: point at every such tab instead.
                let tabs = indentation_tabs(text);
                let diagnostics: Vec<Diagnostic> = if tabs.is_empty() {
                    vec![crate::load::syntax::explain(
                        text,
                        &crate::load::syntax::ParseError { info: e.info(), at },
                    )]
                } else {
                    tabs.into_iter()
                        .map(|at| {
                            Diagnostic::error("een tab in de inspringing")
                                .at(at..at + 1)
                                .label("tab")
                                .hint("YAML staat voor inspringing alleen spaties toe; vervang de tab door spaties")
                        })
                        .collect()
                };
                let mut lines: Vec<usize> = diagnostics
                    .iter()
                    .filter_map(|d| d.span.as_ref().map(|s| line_start(text, s.start)))
                    .collect();
                lines.sort_unstable();
                lines.dedup();
                for d in &diagnostics {
                    self.fail(d.clone());
                }
                let marker = line_start(text, at);
                self.stop = Some(StopAt {
                    diagnostics,
                    lines,
                    marker,
                });
                Err(Stop)
            }
            None => Err(Stop),
        }
    }

    /// A map or list at `pointer` ends where its end event stands.
    fn close(&mut self, pointer: &str, end: Span) {
        let end = self.offsets.byte(end.end);
        if let Some(n) = self.index.nodes.get_mut(pointer) {
            n.extent.end = end.max(n.extent.start);
        }
    }

    /// `-Provincie Limburg` as a list element: the space after the dash is
    /// missing, so YAML reads the text (and the lines below) as one value.
    fn dash_glued_to_text(&self, scalar: &str, at: usize) -> Option<Diagnostic> {
        let text = self.offsets.text;
        let mut chars = scalar.chars();
        let glued = chars.next() == Some('-') && chars.next().is_some_and(char::is_alphabetic);
        let starts_line = text[line_start(text, at)..at].trim().is_empty();
        (glued && starts_line && text[at..].starts_with('-')).then(|| {
            crate::load::syntax::dash_without_space(&crate::load::syntax::Place::new(text, at))
        })
    }

    /// The comment after a scalar on the line where the scalar ends.
    fn comment_after(&self, span: Span) -> Option<Range<usize>> {
        let text = self.offsets.text;
        let end = self.offsets.byte(span.end);
        let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
        let rest = &text[end..line_end];
        let trimmed = rest.trim_start_matches([' ', '\t']);
        (trimmed.len() < rest.len() && trimmed.starts_with('#')).then(|| {
            let at = line_end - trimmed.len();
            at..at + trimmed.trim_end_matches('\r').len()
        })
    }

    fn fail(&mut self, d: Diagnostic) {
        self.fatal = true;
        self.diagnostics.push(d);
    }

    fn run(&mut self) {
        loop {
            let Ok((ev, span)) = self.next() else { return };
            match ev {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::StreamEnd => return,
                Event::DocumentStart(_) => {
                    self.documents += 1;
                    if self.documents > 1 {
                        let at = self.offsets.span(span);
                        self.fail(
                            Diagnostic::error("het bestand bevat meer dan één YAML-document")
                                .at(at)
                                .hint("zet elk verslagjaar in een eigen bestand en verwijder de regel '---'"),
                        );
                        return;
                    }
                    if self.node(String::new(), None, 0).is_err() {
                        return;
                    }
                }
                _ => {}
            }
        }
    }

    /// Consume one node whose first event has not been read yet.
    fn node(
        &mut self,
        pointer: String,
        key: Option<Range<usize>>,
        depth: usize,
    ) -> Result<(), Stop> {
        let (ev, span) = self.next()?;
        self.node_from(ev, span, pointer, key, depth)
    }

    fn node_from(
        &mut self,
        ev: Event<'a>,
        span: Span,
        pointer: String,
        key: Option<Range<usize>>,
        depth: usize,
    ) -> Result<(), Stop> {
        let value = self.offsets.span(span);
        if depth > MAX_DEPTH {
            self.fail(
                Diagnostic::error(format!(
                    "de gegevens zijn te diep genest (meer dan {MAX_DEPTH} niveaus)"
                ))
                .at(value),
            );
            return Err(Stop);
        }
        let start = self.offsets.byte(span.start);
        let is_entry = key.is_some();
        self.index.nodes.insert(
            pointer.clone(),
            NodePos {
                value: value.clone(),
                key,
                extent: start..self.offsets.byte(span.end).max(start),
            },
        );
        match ev {
            Event::Scalar(text, style, _, _) => {
                if style == ScalarStyle::Plain
                    && let Some(comment) = self.comment_after(span)
                {
                    self.index
                        .trailing_comments
                        .insert(pointer.clone(), comment);
                }
                if style == ScalarStyle::Plain
                    && let Some(d) = self.dash_glued_to_text(&text, value.start)
                {
                    self.fail(d);
                }
                if let Some(d) = curly_quotes(&text, value.clone()) {
                    self.diagnostics.push(d);
                }
                if style == ScalarStyle::Plain && is_non_finite(&text) {
                    self.index.non_finite.insert(pointer);
                    self.diagnostics.push(
                        Diagnostic::error(format!("'{text}' is geen eindig getal"))
                            .at(value)
                            .label("oneindig of geen getal")
                            .hint("getallen moeten eindig zijn; vul een gewone waarde in, zoals 12 of 3,5 als 3.5"),
                    );
                }
                Ok(())
            }
            Event::Alias(_) => Ok(()),
            Event::SequenceStart(_, _) => {
                let mut i = 0usize;
                loop {
                    let (ev, span) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        self.close(&pointer, span);
                        return Ok(());
                    }
                    self.node_from(ev, span, format!("{pointer}/{i}"), None, depth + 1)?;
                    i += 1;
                }
            }
            Event::MappingStart(_, _) => {
                let mut seen: HashMap<String, Range<usize>> = HashMap::new();
                // An element of a list: its first key starts each element.
                let is_item = !is_entry && !pointer.is_empty();
                let mut first_key: Option<String> = None;
                loop {
                    let (kev, kspan) = self.next()?;
                    let key_span = self.offsets.span(kspan);
                    let name = match &kev {
                        Event::MappingEnd => {
                            self.close(&pointer, kspan);
                            return Ok(());
                        }
                        Event::Scalar(text, ..) => text.to_string(),
                        _ => {
                            self.fail(
                                Diagnostic::error(
                                    "een sleutel moet een gewone tekst zijn, geen lijst of map",
                                )
                                .at(key_span),
                            );
                            return Err(Stop);
                        }
                    };
                    let text = self.offsets.text;
                    let dash_room = key_span.start >= 2
                        && &text.as_bytes()[key_span.start - 2..key_span.start] == b"  ";
                    if is_item
                        && dash_room
                        && seen.contains_key(&name)
                        && first_key.as_deref() == Some(name.as_str())
                    {
                        // `id:` again where the next element begins: its
                        // dash is missing. The keys after it belong to
                        // that element, so they are no duplicates.
                        let line = &text[line_start(text, key_span.start)..];
                        let rest = line[..line.find('\n').unwrap_or(line.len())].trim();
                        self.fatal = true;
                        self.diagnostics.push(
                            Diagnostic::error("hier begint een nieuw element van de lijst, maar het streepje ('- ') ontbreekt")
                                .at(key_span.clone())
                                .label("'- ' ontbreekt")
                                .hint(format!("schrijf '- {rest}', met het streepje recht onder de andere streepjes van de lijst"))
                                .fix(key_span.start - 2..key_span.start, "- "),
                        );
                        seen.clear();
                        seen.insert(name.clone(), key_span.clone());
                    } else if let Some(first) = seen.get(&name) {
                        let (line, _) = line_col(self.offsets.text, first.start);
                        self.fatal = true;
                        self.diagnostics.push(
                            Diagnostic::error(format!("sleutel '{name}' komt twee keer voor"))
                                .at(key_span.clone())
                                .label("dubbele sleutel")
                                .hint(format!(
                                    "de eerste staat op regel {line}; verwijder of hernoem een van beide"
                                )),
                        );
                    } else {
                        seen.insert(name.clone(), key_span.clone());
                    }
                    first_key.get_or_insert_with(|| name.clone());
                    let child = format!("{pointer}/{}", escape_segment(&name));
                    self.node(child, Some(key_span), depth + 1)?;
                }
            }
            _ => Ok(()),
        }
    }
}

/// Byte offsets of the tabs in the leading whitespace of each line.
fn indentation_tabs(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if line.trim().is_empty() {
            start += line.len();
            continue;
        }
        out.extend(line[..indent].match_indices('\t').map(|(i, _)| start + i));
        start += line.len();
    }
    out
}

/// YAML 1.2 core schema spellings of infinity and not-a-number.
fn is_non_finite(s: &str) -> bool {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    matches!(body, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN")
}

/// The pairs of typographic quotes a word processor puts around a value.
const CURLY_QUOTES: &[(char, char)] = &[
    ('\u{201C}', '\u{201D}'),
    ('\u{2018}', '\u{2019}'),
    ('\u{201E}', '\u{201D}'),
    ('\u{201E}', '\u{201C}'),
    ('\u{201A}', '\u{2019}'),
    ('\u{201D}', '\u{201D}'),
    ('\u{00AB}', '\u{00BB}'),
];

/// A warning for a value wrapped in typographic quotes (“1.0”, ‘%’, „x”):
/// YAML takes them as part of the text, so they would be printed.
fn curly_quotes(text: &str, at: Range<usize>) -> Option<Diagnostic> {
    let mut chars = text.chars();
    let (first, last) = (chars.next()?, chars.next_back()?);
    let &(open, close) = CURLY_QUOTES
        .iter()
        .find(|&&(o, c)| o == first && c == last)?;
    let inner: String = text
        .chars()
        .skip(1)
        .take(text.chars().count().saturating_sub(2))
        .collect();
    let straight = crate::yaml_scalar::quoted(&inner);
    Some(
        Diagnostic::warning(format!(
            "deze waarde staat tussen de aanhalingstekens {open} {close} van een tekstverwerker; die komen zo in het rapport"
        ))
        .at(at)
        .label(format!("{open} {close}"))
        .hint(format!(
            "gebruik rechte aanhalingstekens: {straight}, of laat ze weg"
        )),
    )
}
