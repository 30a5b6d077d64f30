//! Formulas in the fixed texts: the small notation between dollar signs
//! (`$(w - w_0) / (w_1 - w_0) × 100 %$`) read into a formula of the
//! document model, which the PDF sets as mathematics and the other formats
//! as text with sub- and superscripts.
//!
//! The notation: a single letter is a variable (set in italics), `_` and
//! `^` put what follows (letters and digits) below or above it, `A / B`
//! is a fraction of the parts or parenthesised groups on either side, a
//! word of two or more letters and a number are upright text, and `-` and
//! `*` are the minus and the times sign. Anything else is text as typed.

use serde::Serialize;

/// A formula: its parts, and its text on one line (the alternative text of
/// the PDF's equation, and the plain text of the model).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Formula {
    #[serde(rename = "delen")]
    pub parts: Vec<MathPart>,
    #[serde(rename = "tekst")]
    pub text: String,
}

/// One part of a formula.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "soort")]
pub enum MathPart {
    /// Upright text: a word, a number or one operator.
    #[serde(rename = "tekst")]
    Text {
        #[serde(rename = "tekst")]
        text: String,
    },
    /// A variable in italics, with what stands below and above it.
    #[serde(rename = "variabele")]
    Variable {
        #[serde(rename = "naam")]
        name: String,
        #[serde(rename = "onder")]
        below: Option<String>,
        #[serde(rename = "boven")]
        above: Option<String>,
    },
    /// A fraction; on one line, a side of more than one part goes between
    /// parentheses.
    #[serde(rename = "breuk")]
    Fraction {
        #[serde(rename = "teller")]
        numerator: Vec<MathPart>,
        #[serde(rename = "noemer")]
        denominator: Vec<MathPart>,
    },
}

impl MathPart {
    fn text(s: impl Into<String>) -> Self {
        MathPart::Text { text: s.into() }
    }
}

/// A token of the notation; a parenthesised group holds its own tokens.
#[derive(Debug, Clone)]
enum Token {
    Part(MathPart),
    Group(Vec<Token>),
    Slash,
}

/// Read the notation between the dollar signs.
pub fn parse(source: &str) -> Formula {
    let chars: Vec<char> = source.trim().chars().collect();
    let mut pos = 0;
    let tokens = tokens(&chars, &mut pos);
    let parts = fractions(tokens);
    let text = linear(&parts);
    Formula { parts, text }
}

/// The operators, as they are set: `-` is the minus sign, `*` the times.
fn operator(c: char) -> Option<&'static str> {
    Some(match c {
        '-' | '−' => "−",
        '*' | '×' => "×",
        '+' => "+",
        '=' => "=",
        '<' => "<",
        '>' => ">",
        '≤' => "≤",
        '≥' => "≥",
        '%' => "%",
        '·' => "·",
        _ => return None,
    })
}

fn script(chars: &[char], pos: &mut usize) -> Option<String> {
    let start = *pos;
    while *pos < chars.len() && chars[*pos].is_alphanumeric() {
        *pos += 1;
    }
    (*pos > start).then(|| chars[start..*pos].iter().collect())
}

fn tokens(chars: &[char], pos: &mut usize) -> Vec<Token> {
    let mut out = Vec::new();
    while *pos < chars.len() {
        let c = chars[*pos];
        match c {
            ')' => {
                *pos += 1;
                return out;
            }
            '(' => {
                *pos += 1;
                out.push(Token::Group(tokens(chars, pos)));
            }
            '/' => {
                *pos += 1;
                out.push(Token::Slash);
            }
            c if c.is_whitespace() => *pos += 1,
            c if c.is_alphabetic() => {
                let start = *pos;
                while *pos < chars.len() && chars[*pos].is_alphabetic() {
                    *pos += 1;
                }
                let word: String = chars[start..*pos].iter().collect();
                if word.chars().count() > 1 {
                    out.push(Token::Part(MathPart::text(word)));
                    continue;
                }
                let (mut below, mut above) = (None, None);
                loop {
                    match chars.get(*pos) {
                        Some('_') if below.is_none() => {
                            *pos += 1;
                            below = script(chars, pos);
                        }
                        Some('^') if above.is_none() => {
                            *pos += 1;
                            above = script(chars, pos);
                        }
                        _ => break,
                    }
                }
                out.push(Token::Part(MathPart::Variable {
                    name: word,
                    below,
                    above,
                }));
            }
            c if c.is_ascii_digit() => {
                let start = *pos;
                while *pos < chars.len()
                    && (chars[*pos].is_ascii_digit()
                        || (matches!(chars[*pos], ',' | '.')
                            && chars.get(*pos + 1).is_some_and(char::is_ascii_digit)))
                {
                    *pos += 1;
                }
                out.push(Token::Part(MathPart::text(
                    chars[start..*pos].iter().collect::<String>(),
                )));
            }
            '%' if matches!(out.last(), Some(Token::Part(MathPart::Text { text })) if text.ends_with(|c: char| c.is_ascii_digit())) =>
            {
                // A percentage stays one word: `100 %`.
                *pos += 1;
                if let Some(Token::Part(MathPart::Text { text })) = out.last_mut() {
                    text.push_str("\u{a0}%");
                }
            }
            c => {
                *pos += 1;
                let shown = operator(c).map_or_else(|| c.to_string(), str::to_string);
                out.push(Token::Part(MathPart::text(shown)));
            }
        }
    }
    out
}

/// The parts of a side of a fraction, or of a group that stays a group:
/// a group loses its parentheses as a side, and keeps them elsewhere.
fn side(token: Token) -> Vec<MathPart> {
    match token {
        Token::Group(inner) => fractions(inner),
        Token::Part(p) => vec![p],
        Token::Slash => vec![MathPart::text("/")],
    }
}

fn fractions(tokens: Vec<Token>) -> Vec<MathPart> {
    let mut out: Vec<MathPart> = Vec::new();
    let mut pending: Option<Token> = None;
    let mut iter = tokens.into_iter().peekable();
    while let Some(token) = iter.next() {
        match token {
            Token::Slash => match (pending.take(), iter.next()) {
                (Some(num), Some(den)) if !matches!(den, Token::Slash) => {
                    let fraction = Token::Part(MathPart::Fraction {
                        numerator: side(num),
                        denominator: side(den),
                    });
                    pending = Some(fraction);
                }
                (num, den) => {
                    if let Some(n) = num {
                        out.extend(group(n));
                    }
                    out.push(MathPart::text("/"));
                    if let Some(d) = den {
                        pending = Some(d);
                    }
                }
            },
            other => {
                if let Some(p) = pending.replace(other) {
                    out.extend(group(p));
                }
            }
        }
    }
    if let Some(p) = pending {
        out.extend(group(p));
    }
    out
}

/// A token where it stands: a group keeps its parentheses.
fn group(token: Token) -> Vec<MathPart> {
    match token {
        Token::Group(inner) => {
            let mut parts = vec![MathPart::text("(")];
            parts.extend(fractions(inner));
            parts.push(MathPart::text(")"));
            parts
        }
        other => side(other),
    }
}

/// Whether a side of a fraction needs parentheses on one line.
fn needs_parentheses(side: &[MathPart]) -> bool {
    side.len() > 1
}

/// Whether a space goes between two parts on one line: everywhere but
/// after an opening and before a closing parenthesis.
fn space_between(before: &MathPart, after: &MathPart) -> bool {
    let is = |p: &MathPart, s: &str| matches!(p, MathPart::Text { text } if text == s);
    !is(before, "(") && !is(after, ")")
}

/// How a piece of a formula on one line is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Upright,
    /// A variable.
    Italic,
    /// A subscript.
    Below,
    /// A superscript.
    Above,
}

/// The formula on one line, as pieces of text each with its setting: a
/// space between parts, a fraction's sides with ` / ` between them and in
/// parentheses where they hold more than one part. The DOCX, the ODT and
/// the alternative text all set these pieces.
pub fn pieces(parts: &[MathPart]) -> Vec<(String, Setting)> {
    let mut out = Vec::new();
    walk(parts, &mut out);
    out
}

fn walk(parts: &[MathPart], out: &mut Vec<(String, Setting)>) {
    let upright = |s: &str| (s.to_string(), Setting::Upright);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 && space_between(&parts[i - 1], part) {
            out.push(upright(" "));
        }
        match part {
            MathPart::Text { text } => out.push(upright(text)),
            MathPart::Variable { name, below, above } => {
                out.push((name.clone(), Setting::Italic));
                if let Some(b) = below {
                    out.push((b.clone(), Setting::Below));
                }
                if let Some(a) = above {
                    out.push((a.clone(), Setting::Above));
                }
            }
            MathPart::Fraction {
                numerator,
                denominator,
            } => {
                for (n, side) in [numerator, denominator].into_iter().enumerate() {
                    if n == 1 {
                        out.push(upright(" / "));
                    }
                    let parens = needs_parentheses(side);
                    if parens {
                        out.push(upright("("));
                    }
                    walk(side, out);
                    if parens {
                        out.push(upright(")"));
                    }
                }
            }
        }
    }
}

/// The formula on one line, as its alternative text: `(w − w0) / (w1 −
/// w0) × 100 %` (the scripts as plain letters, a superscript after `^`).
pub fn linear(parts: &[MathPart]) -> String {
    pieces(parts)
        .into_iter()
        .map(|(text, setting)| match setting {
            Setting::Above => format!("^{text}"),
            _ => text,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn var(name: &str, below: Option<&str>) -> MathPart {
        MathPart::Variable {
            name: name.into(),
            below: below.map(Into::into),
            above: None,
        }
    }

    #[test]
    fn a_fraction_of_groups_loses_their_parentheses() {
        let f = parse("(w - w_0) / (w_1 - w_0) * 100 %");
        assert_eq!(
            f.parts,
            vec![
                MathPart::Fraction {
                    numerator: vec![var("w", None), MathPart::text("−"), var("w", Some("0"))],
                    denominator: vec![
                        var("w", Some("1")),
                        MathPart::text("−"),
                        var("w", Some("0"))
                    ],
                },
                MathPart::text("×"),
                MathPart::text("100\u{a0}%"),
            ]
        );
        assert_eq!(f.text, "(w − w0) / (w1 − w0) × 100\u{a0}%");
    }

    #[test]
    fn words_are_upright_and_single_letters_variables() {
        let f = parse("realisatie / verwacht × 100 %");
        assert_eq!(
            f.parts[0],
            MathPart::Fraction {
                numerator: vec![MathPart::text("realisatie")],
                denominator: vec![MathPart::text("verwacht")],
            }
        );
        assert_eq!(f.text, "realisatie / verwacht × 100\u{a0}%");
    }

    #[test]
    fn a_group_outside_a_fraction_keeps_its_parentheses() {
        let f = parse("(2016 − j_0) / (j_1 − j_0)");
        assert_eq!(f.text, "(2016 − j0) / (j1 − j0)");
        let g = parse("2 × (a + b)");
        assert_eq!(g.text, "2 × (a + b)");
        assert!(matches!(&g.parts[2], MathPart::Text { text } if text == "("));
    }

    #[test]
    fn a_slash_without_two_sides_is_text() {
        assert_eq!(parse("/ a").text, "/ a");
        assert_eq!(parse("a /").text, "a /");
    }

    #[test]
    fn superscripts_and_numbers_with_a_comma() {
        let f = parse("x^2 + 1,5");
        assert_eq!(
            f.parts[0],
            MathPart::Variable {
                name: "x".into(),
                below: None,
                above: Some("2".into())
            }
        );
        assert_eq!(f.text, "x^2 + 1,5");
    }
}
