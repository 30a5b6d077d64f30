//! SVG charts rasterised to PNG (for the DOCX), with resvg and the embedded
//! fonts loaded into its font database, so no text is silently dropped.

use std::sync::{Arc, LazyLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

fn font_db() -> Arc<fontdb::Database> {
    static DB: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
        let mut db = fontdb::Database::new();
        for data in crate::fonts::all() {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family(crate::charts::FONT_FAMILY);
        Arc::new(db)
    });
    DB.clone()
}

/// A rasterised image.
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// Rasterise `svg` at `scale` times its own pixel size.
pub fn svg_to_png(svg: &[u8], scale: f32) -> Result<Png, String> {
    let options = usvg::Options {
        fontdb: font_db(),
        font_family: crate::charts::FONT_FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &options).map_err(|e| format!("ongeldige SVG: {e}"))?;
    let size = tree.size();
    let width = (size.width() * scale).round().max(1.0) as u32;
    let height = (size.height() * scale).round().max(1.0) as u32;
    let mut pixmap = Pixmap::new(width, height).ok_or("afbeelding te groot om te rasteren")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| format!("PNG kan niet gemaakt worden: {e}"))?;
    Ok(Png {
        bytes,
        width,
        height,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_drawn_with_the_embedded_font() {
        let with_text = br##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="10" y="35" font-family="Noto Sans" font-size="30">Beta 1.234</text></svg>"##;
        let without =
            br##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"></svg>"##;
        let a = svg_to_png(with_text, 1.0).unwrap();
        let b = svg_to_png(without, 1.0).unwrap();
        assert_eq!((a.width, a.height), (200, 50));
        assert_ne!(a.bytes, b.bytes, "the text must leave pixels");
    }
}
