//! `--formaat odt`: the report as an OpenDocument text (ODF 1.3) for
//! LibreOffice and the open-standards list, from the same document model
//! as the other formats: the body ([`body`]), the house style as named
//! styles with the page ([`styles`]), with the styles an editor changed in
//! `stijl.odt` in place of ours ([`editor_styles`]), the document's properties, the
//! charts as SVG with a PNG in the same frame, and the house font embedded
//! in the package.

mod body;
pub mod editor_styles;
pub mod names;
mod reference;
mod styles;

pub use reference::reference_document;

use crate::document::{LogoKind, TitleItem};
use crate::render::raster::{PRINT_SCALE, Picture, svg_to_png};
use crate::render::{RenderContext, RenderError, Renderer};

use super::package::{Bytes, Entry, Precompressed, package_with};

/// The media type of an embedded font file.
const FONT_TYPE: &str = "application/x-font-ttf";

/// The built-in house font (Noto Sans in four styles), deflated by
/// `build.rs` under the paths it has in the ODT.
static BUILT_IN_FONTS: std::sync::LazyLock<zip::ZipArchive<std::io::Cursor<&'static [u8]>>> =
    std::sync::LazyLock::new(|| {
        zip::ZipArchive::new(std::io::Cursor::new(
            &include_bytes!(concat!(env!("OUT_DIR"), "/odt-fonts.zip"))[..],
        ))
        .expect("build.rs writes a valid zip")
    });

/// The ODT renderer.
pub struct OdtRenderer;

impl Renderer for OdtRenderer {
    fn extension(&self) -> &'static str {
        "odt"
    }

    fn render(&self, ctx: &RenderContext) -> Result<Vec<u8>, RenderError> {
        let pictures = ctx
            .chart_pictures(None)
            .map_err(|e| RenderError::Internal(format!("ODT: {e}")))?;
        let pictures: std::collections::BTreeMap<String, std::sync::Arc<Picture>> = pictures
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let logo = logo(ctx)?;
        // The house font, embedded: LibreOffice on a machine without it
        // still sets the report in it. The built-in Noto Sans comes
        // deflated from the build; an editor's own font is deflated here.
        let own = ctx.style.fonts.own;
        let faces = &ctx.style.fonts.faces;
        let font_files: Vec<(String, std::sync::Arc<[u8]>)> = faces
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let style = ["Regular", "Bold", "Italic", "BoldItalic"][i];
                let family = ctx.style.fonts.family.replace(' ', "");
                (format!("Fonts/{family}-{style}.ttf"), f.bytes.clone())
            })
            .collect();
        let fonts = vec![(
            ctx.style.lettertype.clone(),
            font_files.iter().map(|(p, _)| p.clone()).collect(),
        )];
        let body = body::content(ctx, &pictures, logo, &fonts);
        let mut entries = vec![
            Entry {
                path: "content.xml".into(),
                media_type: "text/xml",
                bytes: body.xml.into(),
            },
            Entry {
                path: "styles.xml".into(),
                media_type: "text/xml",
                bytes: styles::styles_xml(
                    ctx.style,
                    &styles::PageTexts::of(&ctx.document.meta),
                    &fonts,
                    &editor_styles(ctx)?,
                )
                .into(),
            },
            Entry {
                path: "meta.xml".into(),
                media_type: "text/xml",
                bytes: super::meta_xml(&super::Properties {
                    title: &ctx.document.meta.documenttitel,
                    subject: &ctx.document.meta.titel,
                    language: &ctx.document.meta.taal.tag,
                    keywords: &ctx.document.meta.trefwoorden,
                    creator: ctx.document.meta.auteurs.join(", "),
                })
                .into(),
            },
        ];
        for m in body.media {
            if let Some((path, svg)) = m.svg {
                entries.push(Entry {
                    path,
                    media_type: "image/svg+xml",
                    bytes: Bytes::Text(svg),
                });
            }
            entries.push(Entry {
                path: m.png_path,
                media_type: "image/png",
                bytes: Bytes::Shared(m.png),
            });
        }
        if own {
            for (path, bytes) in font_files {
                entries.push(Entry {
                    path,
                    media_type: FONT_TYPE,
                    bytes: Bytes::Shared(bytes),
                });
            }
        }
        let built_in = (!own).then(|| Precompressed {
            archive: &BUILT_IN_FONTS,
            media_type: FONT_TYPE,
        });
        package_with(names::MEDIA_TYPE, &entries, built_in)
            .map_err(|e| RenderError::Internal(format!("ODT: {e}")))
    }
}

/// The styles the editor changed or added in their `stijl.odt` or
/// `stijl.ott`; a file that cannot be read is a problem of their template.
fn editor_styles(ctx: &RenderContext) -> Result<editor_styles::EditorStyles, RenderError> {
    let Some((file, bytes)) = editor_styles::reference_of(ctx.templates) else {
        return Ok(editor_styles::EditorStyles::default());
    };
    let font = ctx.style.lettertype.as_str();
    editor_styles::EditorStyles::read(bytes, &[font], &[font]).map_err(|e| {
        RenderError::Template(vec![crate::diagnostics::Problems::new(
            &ctx.templates.display_path(file),
            None,
            vec![
                crate::diagnostics::Diagnostic::error(format!(
                    "de stijlen van de ODT kunnen niet gelezen worden: {e}"
                ))
                .hint(
                    "sla het bestand in LibreOffice opnieuw op als ODF-tekstdocument (.odt) of ODF-tekstsjabloon (.ott), of neem stijl.odt opnieuw uit 'techniekpact sjablonen MAP'",
                ),
            ],
        )])
    })
}

/// What the ODT takes from an editor's `stijl.odt` or `stijl.ott`, said to
/// the editor: a line per style taken as theirs, and a warning for each
/// font their styles name that the ODT does not carry. `None` for the
/// embedded templates, without a style document, or when it cannot be
/// read (the renderer reports that).
pub fn editor_styles_said(
    templates: &crate::templates::Templates,
    style: &crate::document::house_style::HouseStyle,
) -> Option<(Option<String>, crate::diagnostics::Problems)> {
    let dir = templates.dir.as_ref()?;
    let (file, bytes) = editor_styles::reference_of(templates)?;
    let font = style.lettertype.as_str();
    let editor = editor_styles::EditorStyles::read(bytes, &[font], &[font]).ok()?;
    Some(crate::render::editor_said::said(
        &dir.join(file),
        "ODT",
        &editor.taken,
        &editor.foreign_fonts,
        font,
    ))
}

/// The logo of the title page as a PNG, with its SVG when it is one.
fn logo(ctx: &RenderContext) -> Result<Option<body::LogoPicture>, RenderError> {
    let Some(logo) = ctx.document.meta.titelpagina.iter().find_map(|i| match i {
        TitleItem::Logo { logo, .. } => Some(logo),
        _ => None,
    }) else {
        return Ok(None);
    };
    let internal = |e: String| RenderError::Internal(format!("ODT, logo: {e}"));
    let (picture, svg) = match logo.kind {
        LogoKind::Svg => (
            svg_to_png(&logo.bytes, PRINT_SCALE).map_err(|e| internal(e.to_string()))?,
            Some(std::sync::Arc::<str>::from(
                String::from_utf8_lossy(&logo.bytes).as_ref(),
            )),
        ),
        LogoKind::Png => (
            Picture::of_png(&logo.bytes).ok_or_else(|| internal("geen PNG".into()))?,
            None,
        ),
    };
    Ok(Some((std::sync::Arc::new(picture), svg)))
}
