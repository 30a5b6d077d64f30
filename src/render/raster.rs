//! SVG charts rasterised to PNG (for the DOCX), with resvg and the embedded
//! fonts loaded into its font database, so no text is silently dropped.
//! Charts are rasterised in parallel, and a process-wide cache keyed by the
//! SVG text lets `volg` skip charts a template edit did not change.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use rayon::prelude::*;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::charts::ChartSet;

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

/// Pixels per SVG pixel for print: a chart 720 px wide, printed 15 cm wide,
/// gets about 300 dpi.
pub const PRINT_SCALE: f32 = 2.5;

/// The cache stops growing beyond this many PNG bytes; it is then emptied.
const CACHE_LIMIT_BYTES: usize = 64 * 1024 * 1024;

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

type Cache = HashMap<(Arc<str>, u32), Arc<Png>>;

fn cache() -> &'static Mutex<(Cache, usize)> {
    static CACHE: LazyLock<Mutex<(Cache, usize)>> = LazyLock::new(Default::default);
    &CACHE
}

/// Forget every cached PNG (for benchmarks of a cold start).
pub fn clear_cache() {
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    *c = Default::default();
}

/// `svg` at print resolution, from the cache when this process rasterised
/// the same SVG before.
pub fn rasterise(svg: &str) -> Result<Arc<Png>, String> {
    let key = (Arc::<str>::from(svg), PRINT_SCALE.to_bits());
    if let Some(png) = cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .0
        .get(&key)
    {
        return Ok(png.clone());
    }
    let png = Arc::new(svg_to_png(svg.as_bytes(), PRINT_SCALE)?);
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    if c.1 + png.bytes.len() > CACHE_LIMIT_BYTES {
        *c = Default::default();
    }
    c.1 += png.bytes.len();
    c.0.insert(key, png.clone());
    Ok(png)
}

/// Every chart of a report at print resolution, in parallel, by chart id.
pub fn rasterise_all(charts: &ChartSet) -> Result<HashMap<String, Arc<Png>>, String> {
    charts
        .charts
        .par_iter()
        .map(|c| Ok((c.id.clone(), rasterise(&c.svg)?)))
        .collect()
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

    #[test]
    fn the_cache_returns_the_same_png_for_the_same_svg() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="5" height="5"/></svg>"##;
        let a = rasterise(svg).unwrap();
        let b = rasterise(svg).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(
            a.bytes,
            svg_to_png(svg.as_bytes(), PRINT_SCALE).unwrap().bytes
        );
        let other = rasterise(&svg.replace("5", "6")).unwrap();
        assert_ne!(a.bytes, other.bytes);
    }
}
