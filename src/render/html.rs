//! The HTML renderer: the accessible web edition of the report, one
//! self-contained file (CSS, charts as inline SVG and the logo inside; no
//! script, no external request), laid out by the minijinja template
//! `rapport.html` with its style sheet `rapport.css` from the template
//! folder. User text reaches the template as data and is escaped by
//! minijinja's HTML auto-escaping.

use std::collections::BTreeMap;

use base64::Engine;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, Value, context};

use crate::diagnostics::{Diagnostic, Problems, SourceText};
use crate::document::{Block, TocEntry, heading_anchor};
use crate::render::{RenderContext, RenderError, Renderer};

/// Main file of the HTML template.
pub const HTML_MAIN: &str = "rapport.html";
/// Its style sheet, which `rapport.html` includes.
pub const HTML_STYLE: &str = "rapport.css";

/// Renders the report as one HTML file.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlRenderer;

impl Renderer for HtmlRenderer {
    fn extension(&self) -> &'static str {
        "html"
    }

    /// The HTML takes a few milliseconds: nothing is kept between builds.
    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let env = environment(ctx);
        let template = env
            .get_template(HTML_MAIN)
            .map_err(|e| template_error(ctx, &e, None))?;
        let values = context(ctx);
        let html = template
            .render(&values)
            .map_err(|e| template_error(ctx, &e, Some(&values)))?;
        crate::timings::mark("html: geschreven");
        Ok(html.into_bytes())
    }
}

/// The entries of the document's table of contents.
fn toc(blocks: &[Block]) -> &[TocEntry] {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Toc { entries, .. } => Some(entries.as_slice()),
            _ => None,
        })
        .unwrap_or(&[])
}

/// `text` as a quoted CSS string.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' | '\n' | '\r' | '\u{c}' => {
                out.push_str(&format!("\\{:x} ", c as u32));
            }
            c if c.is_control() => out.push_str(&format!("\\{:x} ", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A chart's SVG for inline use: scalable, and hidden from assistive
/// technology, which reads the figure's alternative text instead.
fn inline_svg(svg: &str) -> String {
    let body = svg.trim_start();
    let body = body
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split_once("?>").map(|(_, r)| r.trim_start()))
        .unwrap_or(body);
    body.replacen("<svg ", r#"<svg aria-hidden="true" focusable="false" "#, 1)
}

fn context(ctx: &RenderContext) -> Value {
    let charts: BTreeMap<String, Value> = ctx
        .charts
        .charts
        .iter()
        .map(|c| (c.path(), Value::from_safe_string(inline_svg(&c.svg))))
        .collect();
    let logo = ctx.document.meta.logo.as_ref().map(|logo| {
        format!(
            "data:{};base64,{}",
            logo.mime(),
            base64::engine::general_purpose::STANDARD.encode(&logo.bytes)
        )
    });
    // The editor's own house font travels with the page (the built-in
    // Noto Sans is named, with the system's sans-serif after it).
    let fonts = &ctx.style.fonts;
    let lettertypen: Vec<BTreeMap<&str, String>> = if fonts.own {
        fonts
            .faces
            .iter()
            .map(|f| {
                use crate::fonts::list::Style;
                let bold = matches!(f.style, Style::Bold | Style::BoldItalic);
                let italic = matches!(f.style, Style::Italic | Style::BoldItalic);
                let otf = f.file.to_ascii_lowercase().ends_with(".otf");
                BTreeMap::from([
                    ("familie", fonts.family.clone()),
                    ("gewicht", if bold { "700" } else { "400" }.to_string()),
                    (
                        "stijl",
                        if italic { "italic" } else { "normal" }.to_string(),
                    ),
                    (
                        "bron",
                        format!(
                            "url(data:font/{};base64,{}) format(\"{}\")",
                            if otf { "otf" } else { "ttf" },
                            base64::engine::general_purpose::STANDARD.encode(&f.bytes),
                            if otf { "opentype" } else { "truetype" }
                        ),
                    ),
                ])
            })
            .collect()
    } else {
        Vec::new()
    };
    context! {
        lettertypen => lettertypen,
        doc => Value::from(Serde(ctx.document)),
        stijl => Value::from(Serde(ctx.style)),
        inhoudsopgave => Value::from(Serde(toc(&ctx.document.blocks))),
        grafieken => charts,
        logo => logo,
    }
}

/// A minijinja environment that reads templates only from the template
/// set: no file outside it can be included.
fn environment<'a>(ctx: &RenderContext<'a>) -> Environment<'a> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // An editor's template: errors with the expression they are about.
    env.set_debug(ctx.templates.dir.is_some());
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    let templates = ctx.templates.clone();
    env.set_loader(move |name| {
        if name.split('/').any(|part| part == ".." || part.is_empty()) {
            return Ok(None);
        }
        Ok(templates
            .get(name)
            .map(|bytes| String::from_utf8_lossy(bytes).into_owned()))
    });
    // A text in a CSS string (the running head of the printed page):
    // quotes, backslashes, line ends and `<` escaped, so that no text
    // ends the string or the style element.
    env.add_filter("css_tekst", |text: String| {
        Value::from_safe_string(css_string(&text))
    });
    // For templates exported before headings carried their anchor.
    env.add_filter("kop_id", |number: String, text: String| {
        heading_anchor(&number, &text)
    });
    env
}

/// A template error: with its file, line and column for a user's own
/// template, as an internal error for the embedded one.
fn template_error(
    ctx: &RenderContext,
    e: &minijinja::Error,
    values: Option<&Value>,
) -> RenderError {
    let name = e.name().unwrap_or(HTML_MAIN).to_string();
    let mut detail = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        detail.push_str(&format!(": {inner}"));
        source = inner.source();
    }
    crate::render::template_failure(
        ctx.templates,
        || editor_problem(ctx, e, &name, values),
        || format!("minijinja: {name}: {detail}"),
    )
}

/// A minijinja error in the editor's own template, in Dutch, at the
/// expression (or else the line) it is about.
fn editor_problem(
    ctx: &RenderContext,
    e: &minijinja::Error,
    name: &str,
    values: Option<&Value>,
) -> Vec<Problems> {
    let shown = ctx.templates.display_path(name);
    let text = ctx
        .templates
        .get(name)
        .map(|b| String::from_utf8_lossy(b).into_owned());
    let problem = crate::templates::jinja::dutch(e, text.as_deref().unwrap_or_default(), values);
    let range = problem.range.clone().or_else(|| {
        text.as_ref().zip(e.line()).map(|(text, line)| {
            let start = crate::text_position::offset(text, line, 1);
            start..start
        })
    });
    let mut d =
        Diagnostic::error(format!("fout in het sjabloon: {}", problem.message)).at_opt(range);
    if let Some(hint) = problem.hint {
        d = d.hint(hint);
    }
    vec![Problems::new(
        &shown,
        text.map(|t| SourceText::new(&shown, t)),
        vec![d],
    )]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_a_css_string_cannot_end_the_string_or_the_style() {
        assert_eq!(css_string("Noord 2016"), "\"Noord 2016\"");
        assert_eq!(
            css_string("a\"b\\c</style>\n"),
            "\"a\\22 b\\5c c\\3c /style\\3e \\a \""
        );
    }

    #[test]
    fn inline_charts_are_hidden_from_assistive_technology() {
        let svg = inline_svg(
            r#"<?xml version="1.0"?><svg width="1" xmlns="http://www.w3.org/2000/svg"></svg>"#,
        );
        assert_eq!(
            svg,
            r#"<svg aria-hidden="true" focusable="false" width="1" xmlns="http://www.w3.org/2000/svg"></svg>"#
        );
    }
}
