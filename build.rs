//! Obfuscates and compresses the fonts the DOCX embeds, once, at build time
//! (ECMA-376 Part 1, §17.8.1): `$OUT_DIR/docx-fonts.zip` holds each font
//! file deflated, and `$OUT_DIR/docx_fonts.rs` its key. The DOCX renderer
//! copies the compressed entries into every package as they are
//! (`src/render/docx/font_table.rs`), so no run compresses a font. The
//! files are those of the one font list, `src/fonts/list.rs`. The ODT's
//! built-in house font (Noto Sans, not obfuscated) is deflated the same
//! way into `$OUT_DIR/odt-fonts.zip`, under the paths it has in the ODT
//! (`Fonts/NotoSans-Regular.ttf`).

use std::io::Write;
use std::path::PathBuf;

#[path = "src/render/docx/obfuscation.rs"]
mod obfuscation;

#[path = "src/fonts/list.rs"]
#[allow(dead_code)]
mod list;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/render/docx/obfuscation.rs");
    println!("cargo::rerun-if-changed=src/fonts");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let local = |name: &str| {
        std::fs::read(format!("src/fonts/{name}"))
            .unwrap_or_else(|e| panic!("src/fonts/{name}: {e}"))
    };
    // The DOCX's fonts, from the one list (src/fonts/list.rs).
    let fonts: Vec<(&str, Vec<u8>)> = list::FONTS
        .iter()
        .filter(|f| f.in_docx)
        .map(|f| {
            let bytes = if f.local {
                local(&format!("{}.ttf", f.name))
            } else {
                match f.style {
                    list::Style::Regular => notosans::REGULAR_TTF.to_vec(),
                    list::Style::Bold => notosans::BOLD_TTF.to_vec(),
                    list::Style::Italic => notosans::ITALIC_TTF.to_vec(),
                    list::Style::BoldItalic => notosans::BOLD_ITALIC_TTF.to_vec(),
                }
            };
            (f.name, bytes)
        })
        .collect();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    let mut keys = String::from(
        "/// The key of each embedded font file, by name.\npub const KEYS: &[(&str, &str)] = &[\n",
    );
    for (name, bytes) in &fonts {
        let key = obfuscation::font_key(bytes);
        zip.start_file(format!("{name}.odttf"), options)
            .expect("a zip entry");
        zip.write_all(&obfuscation::obfuscate(bytes, &key))
            .expect("writing to memory");
        keys.push_str(&format!("    ({name:?}, {key:?}),\n"));
    }
    keys.push_str("];\n");
    let zip = zip.finish().expect("the zip").into_inner();
    std::fs::write(out.join("docx-fonts.zip"), zip).expect("OUT_DIR is writable");
    // The ODT's built-in house font: the body family in its four styles.
    let mut odt = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in fonts.iter().filter(|(n, _)| n.starts_with("NotoSans-")) {
        odt.start_file(format!("Fonts/{name}.ttf"), options)
            .expect("a zip entry");
        odt.write_all(bytes).expect("writing to memory");
    }
    let odt = odt.finish().expect("the zip").into_inner();
    std::fs::write(out.join("odt-fonts.zip"), odt).expect("OUT_DIR is writable");
    std::fs::write(out.join("docx_fonts.rs"), keys).expect("OUT_DIR is writable");
}
