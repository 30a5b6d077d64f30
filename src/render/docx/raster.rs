//! SVG charts rasterised to PNG (for the DOCX), with resvg and the embedded
//! fonts loaded into its font database, so no text is silently dropped.
//! Charts are rasterised in parallel, and a process-wide cache keyed by the
//! SVG text lets `volg` skip charts a template edit did not change.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use rayon::prelude::*;

use resvg::tiny_skia::{self, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::document::charts::ChartSet;

/// resvg's font database with the embedded fonts, built once per process.
pub fn font_db() -> Arc<fontdb::Database> {
    static DB: LazyLock<Arc<fontdb::Database>> = LazyLock::new(|| {
        let mut db = fontdb::Database::new();
        for (_, data) in crate::fonts::all() {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family(crate::document::charts::FONT_FAMILY);
        Arc::new(db)
    });
    DB.clone()
}

/// Pixels per SVG pixel for print: a chart 720 px wide, printed 15 cm wide,
/// gets 200 dpi (1.181 px), the print resolution issue 6 names. Against
/// 250 dpi (scale 2,0) this saves a sixth of the DOCX's CPU time and a
/// fifth of its size (bench/RESULTS.md); Word itself keeps 220 ppi.
pub const PRINT_SCALE: f32 = 1.64;

/// The cache stops growing beyond this many PNG bytes; it is then emptied.
const CACHE_LIMIT_BYTES: usize = 64 * 1024 * 1024;

/// A rasterised image.
pub struct Png {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

thread_local! {
    /// The pixel buffer of the last chart this thread rasterised: reused, so
    /// that each chart does not ask the system for megabytes of fresh pages.
    static PIXELS: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Rasterise `svg` at `scale` times its own pixel size, on white.
pub fn svg_to_png(svg: &[u8], scale: f32) -> Result<Png, String> {
    let options = usvg::Options {
        fontdb: font_db(),
        font_family: crate::document::charts::FONT_FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &options).map_err(|e| format!("ongeldige SVG: {e}"))?;
    let size = tree.size();
    let width = (size.width() * scale).round().max(1.0) as u32;
    let height = (size.height() * scale).round().max(1.0) as u32;
    let too_big = || "afbeelding te groot om te rasteren".to_string();
    let len = usize::try_from(u64::from(width) * u64::from(height) * 4).map_err(|_| too_big())?;
    let mut pixels = PIXELS.with(|p| std::mem::take(&mut *p.borrow_mut()));
    pixels.clear();
    // Opaque white, premultiplied: every byte 255.
    pixels.resize(len, 255);
    let mut pixmap = tiny_skia::IntSize::from_wh(width, height)
        .and_then(|size| Pixmap::from_vec(pixels, size))
        .ok_or_else(too_big)?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut pixels = pixmap.take();
    let bytes = encode_png(&mut pixels, width, height);
    PIXELS.with(|p| *p.borrow_mut() = pixels);
    Ok(Png {
        bytes: bytes?,
        width,
        height,
    })
}

/// Opaque RGBA pixels (premultiplied equals plain when alpha is 255) as an
/// RGB PNG. Alpha is dropped in place. Fast compression: charts are flat
/// colours, which compress well even so, and the default zlib setting took
/// the largest share of a whole run (bench/RESULTS.md).
fn encode_png(pixels: &mut Vec<u8>, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let n = pixels.len() / 4;
    // Byte by byte: one `copy_within` call per pixel cost more than the copy.
    for i in 0..n {
        let (from, to) = (4 * i, 3 * i);
        pixels[to] = pixels[from];
        pixels[to + 1] = pixels[from + 1];
        pixels[to + 2] = pixels[from + 2];
    }
    pixels.truncate(3 * n);
    let mut out = Vec::with_capacity(pixels.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(PNG_COMPRESSION);
    encoder.set_filter(PNG_FILTER);
    let fail = |e: png::EncodingError| format!("PNG kan niet gemaakt worden: {e}");
    let mut writer = encoder.write_header().map_err(fail)?;
    writer.write_image_data(pixels).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
}

/// fdeflate: charts are flat colours, which compress well even so.
const PNG_COMPRESSION: png::Compression = png::Compression::Fast;

/// The Paeth row filter for every row: for our 9 example charts as small as
/// adaptive filtering (484 KB against 471 KB) and a quarter faster to encode
/// (23 ms against 31 ms); the Up filter is as fast but twice as large
/// (bench/RESULTS.md).
const PNG_FILTER: png::Filter = png::Filter::Paeth;

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
