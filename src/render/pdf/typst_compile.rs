//! Typst's compile loop (`typst::compile` for a paged document), with one
//! addition for `volg`: the layout may start from the previous build's
//! introspector instead of an empty one.
//!
//! Typst lays a document out again until what it asked about the document
//! (page numbers, counters, the outline) no longer changes: for the example
//! report two passes (headings are numbered in the document model; Typst's
//! own heading counters would take a third). After an edit to the template
//! the previous build already knows the answers, so the first pass usually
//! settles it. The stopping rule is Typst's own: a result is only accepted
//! when every question asked while laying it out gets the same answer from
//! that result, so what comes out is a settled document either way; a test
//! checks that it is byte for byte the one a fresh build gives.

use typst::World;
use typst::comemo::{Constraint, Track};
use typst::diag::{At, SourceDiagnostic, SourceResult};
use typst::ecow::EcoVec;
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, Introspector, MAX_ITERS};
use typst::syntax::Span;
use typst::utils::Protected;
use typst_layout::PagedDocument;

/// A laid-out document, the number of layout passes it took, and the
/// font families the templates named that no font provides.
pub struct Compiled {
    pub document: PagedDocument,
    pub passes: usize,
    pub unknown_fonts: EcoVec<SourceDiagnostic>,
}

/// Compile the paged document of `world`, starting the layout from the
/// introspector of `previous` when given. Of Typst's warnings only the
/// unknown font families are kept (a template that names a font nobody
/// has would otherwise be set in another without a word); errors are
/// deduplicated as `typst::compile` does.
pub fn compile(world: &dyn World, previous: Option<&PagedDocument>) -> SourceResult<Compiled> {
    compile_passes(world, previous).map_err(deduplicate)
}

/// The same error at the same place once (as `typst::compile` does).
fn deduplicate(mut errors: EcoVec<SourceDiagnostic>) -> EcoVec<SourceDiagnostic> {
    let mut seen = std::collections::HashSet::new();
    errors.retain(|e| seen.insert(typst::utils::hash128(&(&e.span, &e.message))));
    errors
}

/// How Typst's warning about a font family that no font provides starts.
pub const UNKNOWN_FONT: &str = "unknown font family: ";

fn compile_passes(world: &dyn World, previous: Option<&PagedDocument>) -> SourceResult<Compiled> {
    let world = world.track();
    let traced = Traced::default();
    let traced = traced.track();
    let mut sink = Sink::new();
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&target);

    let main = world.source(world.main()).at(Span::detached())?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    let empty = EmptyIntrospector;
    let mut last: Option<PagedDocument> = None;
    let mut passes = 0;
    loop {
        passes += 1;
        let introspector: &dyn Introspector = match (&last, previous) {
            (Some(doc), _) => Output::introspector(doc),
            (None, Some(doc)) => Output::introspector(doc),
            (None, None) => &empty,
        };
        let constraint = Constraint::new();
        let mut subsink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(introspector.track_with(&constraint)),
            traced,
            sink: subsink.track_mut(),
            route: Route::default(),
        };
        let document = typst_layout::layout_document(&mut engine, &content, styles)?;
        let settled = constraint.validate(Output::introspector(&document));
        // Typst gives up after MAX_ITERS passes (and warns); so do we.
        if settled || passes >= MAX_ITERS {
            sink.extend_from_sink(subsink);
            let delayed = sink.delayed();
            if !delayed.is_empty() {
                return Err(delayed);
            }
            crate::timings::mark(&format!("pdf: opgemaakt in {passes} rondes"));
            let unknown_fonts = sink
                .warnings()
                .into_iter()
                .filter(|w| w.message.starts_with(UNKNOWN_FONT))
                .collect();
            return Ok(Compiled {
                document,
                passes,
                unknown_fonts,
            });
        }
        last = Some(document);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_error_at_the_same_place_is_reported_once() {
        let error = |m: &str| SourceDiagnostic::error(Span::detached(), m);
        let errors: EcoVec<_> = [error("a"), error("b"), error("a")].into_iter().collect();
        let messages: Vec<_> = deduplicate(errors)
            .iter()
            .map(|e| e.message.clone())
            .collect();
        assert_eq!(messages, ["a", "b"]);
    }
}
