//! `--typst-bundel`: the Typst project of a report as files, so that the
//! official `typst compile` (or tinymist preview) turns it into the same
//! PDF: the template, the document model as JSON, the charts, the logo and
//! the embedded fonts.

use std::path::PathBuf;

use crate::output::OutputFile;
use crate::render::RenderContext;
use crate::render::pdf::virtual_files;
use crate::templates::TYPST_MAIN;

/// Files of the bundle, relative to its folder.
pub fn files(ctx: &RenderContext) -> Vec<OutputFile> {
    // The templates of the other formats, and the files techniekpact reads
    // itself (the texts, and the house style that reaches Typst as
    // data/huisstijl.json).
    let non_typst = [
        crate::render::docx::editor_styles::REFERENCE_DOCX,
        crate::render::odf::odt::editor_styles::REFERENCE_ODT,
        crate::render::odf::odt::editor_styles::REFERENCE_OTT,
        crate::render::html::HTML_MAIN,
        crate::render::html::HTML_STYLE,
        crate::document::texts::TEXTS_FILE,
        crate::document::house_style::STYLE_FILE,
    ];
    let mut files: Vec<OutputFile> = virtual_files(ctx)
        .into_iter()
        .filter(|(p, _)| !non_typst.contains(&p.trim_start_matches('/')))
        .map(|(p, bytes)| OutputFile {
            rel: PathBuf::from(p.trim_start_matches('/')),
            bytes: bytes.to_vec(),
        })
        .collect();
    for (name, bytes) in ctx.style.fonts.all_files() {
        files.push(OutputFile {
            rel: PathBuf::from("fonts").join(name),
            bytes: bytes.to_vec(),
        });
    }
    files.push(OutputFile {
        rel: PathBuf::from("LEESMIJ.md"),
        bytes: readme(ctx).into_bytes(),
    });
    files
}

fn readme(ctx: &RenderContext) -> String {
    format!(
        "# Typst-project van {slug}\n\n\
         Gemaakt door `techniekpact maak --typst-bundel`. Maak de PDF met de officiële Typst:\n\n\
         ```sh\n\
         typst compile --features a11y-extras --ignore-system-fonts --font-path fonts --pdf-standard a-2a --pdf-standard ua-1 {main} {slug}.pdf\n\
         ```\n\n\
         (uit te voeren in deze map), of open `{main}` in een editor met tinymist voor een live voorbeeld \
         (met `--features a11y-extras` bij de extra argumenten van tinymist). Met die optie is de \
         eerste cel van elke rij van de kerncijfers ook voor een schermlezer de kop van die rij \
         (`pdf.header-cell`); zonder haar is het een gewone cel.\n\n\
         - `{main}` en de andere `.typ`-bestanden: de sjablonen (vormgeving);\n\
         - `data/rapport.json`: de inhoud van het rapport (het documentmodel);\n\
         - `data/huisstijl.json`: kleuren, lettertype en maten (uit `huisstijl.yaml`);\n\
         - `grafieken/`: de grafieken (SVG);\n\
         - `fonts/`: de lettertypen: dat van de huisstijl, en Noto Sans, Noto Emoji, Noto Sans Arabic en Noto Sans Hebrew (SIL Open Font License) voor de tekens die het mist.\n\n\
         Wijzig de inhoud in het YAML-gegevensbestand en niet in `data/rapport.json`:\n\
         die wordt bij elke run opnieuw gemaakt.\n",
        slug = ctx.slug,
        main = TYPST_MAIN,
    )
}
