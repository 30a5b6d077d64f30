//! Problems found in input files (data or templates) and how they are shown.
//!
//! A [`Diagnostic`] carries a Dutch message, a byte span in one source file
//! and an optional hint. [`Problems`] collects every problem of one file and
//! renders them like a compiler does: file, line and column, the source line
//! and a marker under the offending text (via `miette`).

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one source file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The Dutch message: what is wrong.
    pub message: String,
    /// Byte range in the source the problem points at, if any.
    pub span: Option<Range<usize>>,
    /// Short text shown at the marker.
    pub label: Option<String>,
    /// What would be right.
    pub hint: Option<String>,
    /// The edit the hint describes, when it says exactly what to write:
    /// applied, it removes this problem and adds none (tested over a corpus
    /// of broken files).
    pub fix: Option<Box<Fix>>,
    /// A point of the publication check (`load::readiness`): shown on one
    /// line, its details on request (`controleer --uitgebreid`).
    pub review: bool,
}

/// An edit of the source that a hint proposes: replace `span` by `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub span: Range<usize>,
    pub with: String,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            message: message.into(),
            span: None,
            label: None,
            hint: None,
            fix: None,
            review: false,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(message)
        }
    }

    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Range<usize>>) -> Self {
        self.span = span;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The edit the hint describes: replace `span` by `with`.
    pub fn fix(mut self, span: Range<usize>, with: impl Into<String>) -> Self {
        self.fix = Some(Box::new(Fix {
            span,
            with: with.into(),
        }));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A source text with the name it is reported under.
#[derive(Debug, Clone)]
pub struct SourceText {
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SourceText {
    pub fn new(path: &Path, text: impl Into<Arc<str>>) -> Self {
        Self {
            path: path.to_path_buf(),
            text: text.into(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        crate::text_position::line_col(&self.text, offset)
    }
}

/// All problems found in one file.
#[derive(Debug, Clone)]
pub struct Problems {
    /// The file the problems are in; `None` when the file could not be read.
    pub source: Option<SourceText>,
    /// The path to name when there is no source text.
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    /// How many of the diagnostics are points of the publication check
    /// (`load::readiness`), summed up in one line under them.
    pub to_review: usize,
}

impl Problems {
    pub fn new(path: &Path, source: Option<SourceText>, diagnostics: Vec<Diagnostic>) -> Self {
        Self {
            source,
            path: path.to_path_buf(),
            diagnostics,
            to_review: 0,
        }
    }

    /// The same problems, `n` of which are points of the publication check.
    pub fn with_review(mut self, n: usize) -> Self {
        self.to_review = n;
        self
    }

    /// The summary line of the publication check, when it found anything.
    pub fn review_summary(&self) -> Option<String> {
        (self.to_review > 0).then(|| {
            format!(
                "{}: nog {} te controleren voor publicatie",
                self.path.display(),
                if self.to_review == 1 {
                    "1 punt".to_string()
                } else {
                    format!("{} punten", self.to_review)
                }
            )
        })
    }

    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| !d.is_error())
    }

    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Line and column of a diagnostic, when it has a position.
    pub fn position(&self, d: &Diagnostic) -> Option<(usize, usize)> {
        Some(self.source.as_ref()?.line_col(d.span.as_ref()?.start))
    }

    /// Render every diagnostic in brief: the points of the publication
    /// check one line each, the other problems in full; a closing line says
    /// how to see the details.
    pub fn render_brief(&self, color: bool) -> String {
        let points: Vec<&Diagnostic> = self.diagnostics.iter().filter(|d| d.review).collect();
        if points.is_empty() {
            return self.render(color);
        }
        let rest = Problems {
            diagnostics: self
                .diagnostics
                .iter()
                .filter(|d| !d.review)
                .cloned()
                .collect(),
            to_review: 0,
            ..self.clone()
        };
        let mut out = if rest.diagnostics.is_empty() {
            String::new()
        } else {
            rest.render(color)
        };
        for d in points {
            let kind = match d.severity {
                Severity::Error => "fout",
                Severity::Warning => "waarschuwing",
            };
            let place = match self.position(d) {
                Some((line, col)) => format!("{}:{line}:{col}", self.path.display()),
                None => self.path.display().to_string(),
            };
            let _ = writeln!(out, "{kind}: {place}: {}", d.message);
        }
        if let Some(summary) = self.review_summary() {
            let _ = writeln!(
                out,
                "{summary} (elk punt met uitleg en tip: techniekpact controleer --uitgebreid {})",
                self.path.display()
            );
        }
        out
    }

    /// Render every diagnostic, with colours or without.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_context_lines(1);
        let mut out = String::new();
        for d in &self.diagnostics {
            let kind = match d.severity {
                Severity::Error => "fout",
                Severity::Warning => "waarschuwing",
            };
            match (&self.source, &d.span) {
                (Some(src), Some(span)) => {
                    let (line, col) = src.line_col(span.start);
                    let _ = writeln!(
                        out,
                        "{kind}: {}:{line}:{col}: {}",
                        src.path.display(),
                        d.message
                    );
                    let mut md = MietteDiagnostic::new(d.message.clone())
                        .with_severity(match d.severity {
                            Severity::Error => miette::Severity::Error,
                            Severity::Warning => miette::Severity::Warning,
                        })
                        .with_label(LabeledSpan::new(
                            Some(d.label.clone().unwrap_or_else(|| kind.to_string())),
                            span.start,
                            span.end.saturating_sub(span.start),
                        ));
                    if let Some(h) = &d.hint {
                        md = md.with_help(h.clone());
                    }
                    let report = miette::Report::new(md).with_source_code(
                        NamedSource::new(src.path.display().to_string(), src.text.to_string())
                            .with_language("yaml"),
                    );
                    let mut rendered = String::new();
                    if handler
                        .render_report(&mut rendered, report.as_ref())
                        .is_ok()
                    {
                        // The lines before the snippet repeat the message of
                        // our header line (wrapped when long); the snippet's
                        // own header counts columns in bytes, ours in
                        // characters. miette labels its hint "help", we
                        // speak Dutch.
                        let snippet = rendered.lines().skip_while(|l| !l.contains("╭─["));
                        for row in snippet {
                            if let Some(i) = row.find("╭─[") {
                                let _ = writeln!(
                                    out,
                                    "{}╭─[{}:{line}:{col}]",
                                    &row[..i],
                                    src.path.display()
                                );
                                continue;
                            }
                            let line = row;
                            match line.trim_start().strip_prefix("help:") {
                                Some(rest) => {
                                    let indent = &line[..line.len() - line.trim_start().len()];
                                    let _ = writeln!(out, "{indent}tip:{rest}");
                                }
                                None => {
                                    let _ = writeln!(out, "{line}");
                                }
                            }
                        }
                    }
                }
                _ => {
                    let _ = writeln!(out, "{kind}: {}: {}", self.path.display(), d.message);
                    if let Some(h) = &d.hint {
                        let _ = writeln!(out, "  tip: {h}");
                    }
                }
            }
            out.push('\n');
        }
        if let Some(summary) = self.review_summary() {
            out.push_str(&summary);
            out.push('\n');
        }
        out
    }
}
