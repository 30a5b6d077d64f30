//! The DOCX renderer: the same document model as the PDF, as a Word
//! document that editors keep working in: Word's own heading numbers,
//! captions, table of contents and list numbering, every look in a style
//! from the house style, charts as SVG with a PNG for older readers.
//!
//! Each part is written once, in schema order, by one module: the body,
//! header and footer by [`body`], the styles by [`styles`] (with the
//! editor's from [`editor_styles`]), the lists by [`numbering`], the theme by
//! [`theme`], the fonts by [`font_table`], and the package around them by
//! [`package`]; [`raster`] makes the charts' pictures. docx-rs 0.4 is not
//! used for writing: it writes run, paragraph and level properties out of
//! schema order, has no repeating header rows, alt texts or SVG pictures,
//! and numbers paragraphs and pictures with process-wide counters.

mod body;
pub mod editor_styles;
pub mod font_table;
mod numbering;
pub mod obfuscation;
mod ooxml;
pub mod package;
mod page;
mod properties;
mod style_ids;
mod style_match;
mod styles;
mod table_look;
mod theme;

use std::sync::Arc;

use crate::document::house_style::HouseStyle;
use crate::document::{LogoKind, TitleItem};
use crate::errors::{DocxError, RenderError};
use crate::memo::Memo;
use crate::render::docx::editor_styles::{EditorStyles, REFERENCE_DOCX};
use crate::render::raster::{PRINT_SCALE, Picture, PngCache, svg_to_png};
use crate::render::{RenderContext, Renderer};

/// Renders the report as DOCX. Made for one report it keeps nothing; for
/// several ([`DocxRenderer::sharing`]) it keeps what they share, and for a
/// series ([`DocxRenderer::keeping_last`]) each report's last DOCX too.
#[derive(Default)]
pub struct DocxRenderer {
    /// What the reports of a batch or a series share.
    shared: Option<Shared>,
    /// The hash of the inputs and the bytes of the last DOCX per report,
    /// for a series of builds (`volg`).
    last: Option<Memo<String, LastDocx>>,
}

/// The hash of a DOCX's inputs and its bytes.
type LastDocx = (u128, Arc<[u8]>);

/// What the DOCX of several reports share.
#[derive(Default)]
struct Shared {
    /// The styles part, by the hash of what it is made from (house style,
    /// language, reference document): the same for every report of a batch.
    styles: Memo<u128, Arc<str>>,
    /// Charts rasterised before, by their SVG.
    pngs: PngCache,
}

impl DocxRenderer {
    /// For one report: nothing is kept.
    pub fn new() -> Self {
        DocxRenderer::default()
    }

    /// For several reports: their merged styles and rasterised charts are
    /// kept for the others.
    pub fn sharing(self) -> Self {
        DocxRenderer {
            shared: Some(Shared::default()),
            ..self
        }
    }

    /// For a series of builds (`volg`): also each report's last DOCX.
    /// After an edit of the Typst template the DOCX inputs did not change,
    /// and the DOCX is deterministic, so the last one is reused.
    pub fn keeping_last(self) -> Self {
        DocxRenderer {
            last: Some(Memo::default()),
            ..self.sharing()
        }
    }
}

impl Renderer for DocxRenderer {
    fn extension(&self) -> &'static str {
        "docx"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let Some(last) = &self.last else {
            return Ok(self.make(ctx)?);
        };
        let key = input_hash(ctx);
        if let Some((hash, bytes)) = last.get(ctx.slug)
            && hash == key
        {
            return Ok(bytes.to_vec());
        }
        let bytes = self.make(ctx)?;
        last.insert(ctx.slug.to_string(), (key, bytes.as_slice().into()));
        Ok(bytes)
    }
}

/// Everything the DOCX is made from: the document model, the charts, the
/// house style, the reference styles, the logo and the name.
fn input_hash(ctx: &RenderContext) -> u128 {
    let document = serde_json::to_vec(ctx.document).expect("the document model serialises");
    let charts: Vec<&str> = ctx.charts.charts.iter().map(|c| c.svg.as_str()).collect();
    typst::utils::hash128(&(
        document,
        charts,
        ctx.style,
        ctx.templates.get(REFERENCE_DOCX),
        ctx.document.meta.logo.as_ref().map(|l| &*l.bytes),
        ctx.slug,
    ))
}

impl DocxRenderer {
    /// Make the DOCX, without looking at the last one made; what reports
    /// share (charts, styles) comes from what the renderer keeps.
    pub fn make(&self, ctx: &RenderContext) -> Result<Vec<u8>, DocxError> {
        // The slow part: every chart's PNG, made once for every format.
        let pictures = ctx.chart_pictures(self.shared.as_ref().map(|s| &s.pngs))?;
        crate::timings::mark("docx: grafieken omgezet");
        let body = body::write(ctx, &pictures, logo(ctx)?)?;
        crate::timings::mark("docx: hoofdtekst");
        let styles = self.styles(ctx)?;
        let meta = &ctx.document.meta;
        let parts = package::Parts {
            body: &body,
            styles: &styles,
            numbering: numbering::numbering_xml(
                &body.lists,
                &ctx.style.kleuren.hoofdkleur.hex(),
                page::twips(ctx.style.pagina.kopnummers),
            ),
            theme: theme::theme_xml(ctx.style),
            house_fonts: &ctx.style.fonts,
            embed_fonts: true,
        };
        let props = package::Properties {
            title: meta.documenttitel.clone(),
            creator: meta.auteurs.join(", "),
            created: meta.publicatiedatum.0.format("%Y-%m-%d").to_string(),
            language: meta.taal.tag.clone(),
            keywords: meta.keywords_line(),
        };
        let done = package::write(&parts, &props);
        crate::timings::mark("docx: pakket geschreven");
        done
    }

    /// The styles part; every report of a batch (and every rebuild of
    /// `volg`) has the same inputs, so the renderer keeps the last one.
    fn styles(&self, ctx: &RenderContext) -> Result<Arc<str>, DocxError> {
        let reference = ctx.templates.get(REFERENCE_DOCX).map(|b| &b[..]);
        let language = ctx.document.meta.taal.tag.as_str();
        let memo = self.shared.as_ref().map(|s| &s.styles);
        let key = typst::utils::hash128(&(reference, language, ctx.style));
        if let Some(styles) = memo.and_then(|m| m.get(&key)) {
            return Ok(styles);
        }
        let editor = EditorStyles::read(reference, &styles::ids(ctx.style))?;
        let made: Arc<str> = styles::styles_xml(ctx.style, language, &editor).into();
        if let Some(memo) = memo {
            memo.replace_all(key, made.clone());
        }
        Ok(made)
    }
}

/// What the DOCX takes from an editor's `stijl.docx`, said to the editor:
/// a line per style taken as theirs, and a warning for each font their
/// styles name that the DOCX does not carry. `None` for the embedded
/// templates, without a `stijl.docx`, or when it cannot be read (the
/// renderer reports that).
pub fn editor_styles_said(
    templates: &crate::templates::Templates,
    style: &HouseStyle,
) -> Option<(Option<String>, crate::diagnostics::Problems)> {
    let dir = templates.dir.as_ref()?;
    let reference = templates.get(REFERENCE_DOCX)?;
    let editor = EditorStyles::read(Some(reference), &styles::ids(style)).ok()?;
    Some(crate::render::editor_said::said(
        &dir.join(REFERENCE_DOCX),
        "DOCX",
        &editor.taken,
        &editor.foreign_fonts,
        &style.fonts.family,
    ))
}

/// The reference document `stijl.docx` for a house style: our styles, and
/// a page that shows each of them, for an editor to change in Word. The
/// embedded `templates/stijl.docx` is this document for the embedded house
/// style (a unit test of [`editor_styles`] keeps the two equal).
pub fn reference_document(style: &HouseStyle) -> Result<Vec<u8>, DocxError> {
    use crate::render::xml::Xml;
    let mut x = Xml::part();
    x.open("w:document", ooxml::NAMESPACES);
    x.open("w:body", &[]);
    let para = |x: &mut Xml, style: Option<&str>, text: &str| {
        x.open("w:p", &[]);
        if let Some(s) = style {
            x.open("w:pPr", &[]);
            x.val("w:pStyle", s);
            x.close("w:pPr");
        }
        x.open("w:r", &[]);
        x.leaf("w:t", &[("xml:space", "preserve")], text);
        x.close("w:r");
        x.close("w:p");
    };
    para(&mut x, Some("Title"), "Stijlen van de DOCX");
    para(&mut x, Some("Subtitle"), "Ondertitel");
    para(
        &mut x,
        None,
        "Dit document bevat de stijlen van de DOCX-voortgangsrapportage. Wijzig hier lettertype, kleur, afstand of uitlijning van een stijl (Stijlen > Wijzigen, voor tabellen Tabelontwerp > Tabelstijl wijzigen) en sla het op: de DOCX neemt elke gewijzigde of toegevoegde stijl over. De tekst van dit document wordt niet gebruikt.",
    );
    for (s, text) in [
        ("Heading1", "Kop 1"),
        ("Heading2", "Kop 2"),
        ("Heading3", "Kop 3"),
        ("ListBullet", "Lijstopsommingsteken"),
        ("ListNumber", "Lijstnummering"),
        ("Caption", "Tabel 1: Bijschrift"),
    ] {
        para(&mut x, Some(s), text);
    }
    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    x.val("w:tblStyle", style_ids::HOUSE_TABLE);
    x.empty("w:tblW", &[("w:w", "0"), ("w:type", "auto")]);
    table_look::table_look(&mut x, table_look::Look::HeaderRow);
    x.close("w:tblPr");
    x.open("w:tblGrid", &[]);
    for _ in 0..2 {
        x.empty("w:gridCol", &[("w:w", "3000")]);
    }
    x.close("w:tblGrid");
    for row in [
        ["Huisstijltabel", "Kopregel"],
        ["Tabeltekst", "1.234"],
        ["Tabeltekst", "35,8 %"],
        ["Tabelrijkop", "35,8 %"],
    ] {
        x.open("w:tr", &[]);
        for cell in row {
            x.open("w:tc", &[]);
            let style = if cell == style_ids::TABLE_ROW_HEADING {
                style_ids::TABLE_ROW_HEADING
            } else {
                style_ids::TABLE_TEXT
            };
            para(&mut x, Some(style), cell);
            x.close("w:tc");
        }
        x.close("w:tr");
    }
    x.close("w:tbl");
    para(&mut x, Some(style_ids::TABLE_NOTE), "Tabelnoot");
    x.open("w:sectPr", &[]);
    x.empty(
        "w:pgSz",
        &[
            ("w:w", &page::Page::of(style).width.to_string()),
            ("w:h", &page::Page::of(style).height.to_string()),
        ],
    );
    x.close("w:sectPr");
    x.close("w:body");
    x.close("w:document");
    let body = body::Body {
        document: x.finish(),
        header: ooxml::empty_part("w:hdr"),
        footer: ooxml::empty_part("w:ftr"),
        ..body::Body::default()
    };
    let styles = styles::styles_xml(style, "nl-NL", &EditorStyles::default());
    let parts = package::Parts {
        body: &body,
        styles: &styles,
        numbering: numbering::numbering_xml(
            &[],
            &style.kleuren.hoofdkleur.hex(),
            page::twips(style.pagina.kopnummers),
        ),
        theme: theme::theme_xml(style),
        house_fonts: &style.fonts,
        embed_fonts: false,
    };
    let props = package::Properties {
        title: "Stijlen voor techniekpact".into(),
        creator: "techniekpact".into(),
        created: "2026-12-02".into(),
        language: "nl-NL".into(),
        keywords: String::new(),
    };
    package::write(&parts, &props)
}

/// The logo of the title page as a picture, when the model has one.
fn logo(ctx: &RenderContext) -> Result<Option<Arc<Picture>>, DocxError> {
    let Some(logo) = ctx.document.meta.titelpagina.iter().find_map(|i| match i {
        TitleItem::Logo { logo, .. } => Some(logo),
        _ => None,
    }) else {
        return Ok(None);
    };
    let picture = match logo.kind {
        LogoKind::Svg => svg_to_png(&logo.bytes, PRINT_SCALE)?,
        LogoKind::Png => Picture::of_png(&logo.bytes).ok_or(DocxError::LogoNotPng)?,
    };
    Ok(Some(Arc::new(picture)))
}
