//! SVG charts as pictures for the formats that place them (the DOCX now):
//! shared by every format of a run ([`crate::render::ChartPictures`]),
//! parsed once by usvg with the
//! embedded fonts in its font database (so no text is silently dropped),
//! written back as SVG with the text as outlines (Word draws it as the PDF
//! does, without the fonts), and rasterised to the PNG that readers older
//! than Word 2016 show. Charts are done in parallel; a [`PngCache`] of the
//! caller's (`volg`) keyed by the SVG text skips charts a template edit
//! did not change.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use rayon::prelude::*;

use resvg::tiny_skia::{self, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::document::charts::ChartSet;
use crate::errors::RasterError;

/// resvg's font database: the embedded fonts and every house font the
/// charts of this process are set in, built again only when a house font
/// is added.
pub fn font_db() -> Arc<fontdb::Database> {
    static DB: LazyLock<Mutex<(usize, Option<Arc<fontdb::Database>>)>> =
        LazyLock::new(Default::default);
    let house = crate::document::charts::registered_fonts();
    let mut cached = DB.lock().unwrap_or_else(|e| e.into_inner());
    if let (n, Some(db)) = &*cached
        && *n == house.len()
    {
        return db.clone();
    }
    let mut db = fontdb::Database::new();
    for (_, data) in crate::fonts::all() {
        db.load_font_data(data.to_vec());
    }
    for fonts in house.iter().filter(|f| f.own) {
        for face in &fonts.faces {
            db.load_font_data(face.bytes.to_vec());
        }
    }
    db.set_sans_serif_family(crate::document::charts::FONT_FAMILY);
    let db = Arc::new(db);
    *cached = (house.len(), Some(db.clone()));
    db
}

/// Pixels per SVG pixel for print: the overview (520 px) stands at 85 % of
/// the 14 cm text column, 1,5 gives 780 px there, 167 dpi; an indicator's
/// chart (440 px) beside its key figures, at 53 %, 226 dpi. At least the
/// 150 dpi of print, and never far above it.
pub const PRINT_SCALE: f32 = 1.5;

/// The cache stops growing beyond this many PNG bytes; it is then emptied.
const CACHE_LIMIT_BYTES: usize = 64 * 1024 * 1024;

/// A picture: its PNG, its SVG when it has one, and the PNG's size in pixels.
pub struct Picture {
    pub png: Arc<[u8]>,
    pub svg: Option<Arc<str>>,
    pub width: u32,
    pub height: u32,
}

impl Picture {
    /// A PNG file as it is (a logo).
    pub fn of_png(png: &[u8]) -> Option<Picture> {
        if png.len() < 24 || &png[..8] != b"\x89PNG\r\n\x1a\n" {
            return None;
        }
        let width = u32::from_be_bytes(png[16..20].try_into().ok()?);
        let height = u32::from_be_bytes(png[20..24].try_into().ok()?);
        Some(Picture {
            png: png.into(),
            svg: None,
            width,
            height,
        })
    }
}

/// `svg` as a picture: the SVG with outlined text, and its PNG at `scale`
/// times its own pixel size, on white.
pub fn svg_to_png(svg: &[u8], scale: f32) -> Result<Picture, RasterError> {
    svg_to_png_reusing(svg, scale, &mut Vec::new())
}

/// [`svg_to_png`] drawing into `pixels`, a buffer the caller hands from
/// chart to chart: a large report then does not ask the system for
/// megabytes of fresh pages for each of its hundreds of charts (with the
/// buffer made anew per chart, 200 indicators took 29 % longer).
fn svg_to_png_reusing(
    svg: &[u8],
    scale: f32,
    pixels: &mut Vec<u8>,
) -> Result<Picture, RasterError> {
    let options = usvg::Options {
        fontdb: font_db(),
        font_family: crate::document::charts::FONT_FAMILY.to_string(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(svg, &options)?;
    let size = tree.size();
    let width = (size.width() * scale).round().max(1.0) as u32;
    let height = (size.height() * scale).round().max(1.0) as u32;
    let len = usize::try_from(u64::from(width) * u64::from(height) * 4)
        .map_err(|_| RasterError::TooLarge)?;
    let mut buffer = std::mem::take(pixels);
    buffer.clear();
    // Opaque white, premultiplied: every byte 255.
    buffer.resize(len, 255);
    let mut pixmap = tiny_skia::IntSize::from_wh(width, height)
        .and_then(|size| Pixmap::from_vec(buffer, size))
        .ok_or(RasterError::TooLarge)?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    *pixels = pixmap.take();
    let bytes = encode_png(pixels, width, height)?;
    let outlined = tree.to_string(&SVG_OPTIONS);
    Ok(Picture {
        png: bytes.into(),
        svg: Some(outlined.into()),
        width,
        height,
    })
}

/// The SVG of a chart as written into the DOCX: text as outlines, no
/// indentation, coordinates to a hundredth of a pixel (a chart is drawn at
/// most 15 cm wide from 720 px: 0,002 mm). Eight digits, usvg's default,
/// made writing the SVG cost a sixth of the DOCX.
const SVG_OPTIONS: usvg::WriteOptions = usvg::WriteOptions {
    id_prefix: None,
    preserve_text: false,
    coordinates_precision: 2,
    transforms_precision: 4,
    use_single_quote: false,
    indent: usvg::Indent::None,
    attributes_indent: usvg::Indent::None,
};

/// Opaque RGBA pixels (premultiplied equals plain when alpha is 255) as an
/// RGB PNG. Alpha is dropped in place. Fast compression: charts are flat
/// colours, which compress well even so, and the default zlib setting took
/// the largest share of a whole run (bench/RESULTS.md).
fn encode_png(pixels: &mut Vec<u8>, width: u32, height: u32) -> Result<Vec<u8>, RasterError> {
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
    let mut writer = encoder.write_header()?;
    writer.write_image_data(pixels)?;
    writer.finish()?;
    Ok(out)
}

/// fdeflate: charts are flat colours, which compress well even so.
const PNG_COMPRESSION: png::Compression = png::Compression::Fast;

/// The Paeth row filter for every row: for our 9 example charts as small as
/// adaptive filtering (484 KB against 471 KB) and a quarter faster to encode
/// (23 ms against 31 ms); the Up filter is as fast but twice as large
/// (bench/RESULTS.md).
const PNG_FILTER: png::Filter = png::Filter::Paeth;

/// Charts rasterised before, by SVG text and scale, up to
/// 64 MB; kept by the DOCX renderer ([`super::DocxRenderer`]).
#[derive(Default)]
pub struct PngCache(Mutex<(PngsBySvg, usize)>);

/// PNGs by SVG text and scale (as bits).
type PngsBySvg = HashMap<(Arc<str>, u32), Arc<Picture>>;

impl PngCache {
    fn get(&self, key: &(Arc<str>, u32)) -> Option<Arc<Picture>> {
        let cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        cache.0.get(key).cloned()
    }

    fn insert(&self, key: (Arc<str>, u32), png: Arc<Picture>) {
        let size = png.png.len() + png.svg.as_deref().map_or(0, str::len);
        let mut cache = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if cache.1 + size > CACHE_LIMIT_BYTES {
            *cache = Default::default();
        }
        cache.1 += size;
        cache.0.insert(key, png);
    }
}

/// `svg` at print resolution, from `cache` when it was rasterised before;
/// `pixels` is the caller's reusable pixel buffer.
pub fn rasterise(
    svg: &str,
    cache: Option<&PngCache>,
    pixels: &mut Vec<u8>,
) -> Result<Arc<Picture>, RasterError> {
    let draw = |pixels: &mut Vec<u8>| svg_to_png_reusing(svg.as_bytes(), PRINT_SCALE, pixels);
    let Some(cache) = cache else {
        return Ok(Arc::new(draw(pixels)?));
    };
    let key = (Arc::<str>::from(svg), PRINT_SCALE.to_bits());
    if let Some(png) = cache.get(&key) {
        return Ok(png);
    }
    let png = Arc::new(draw(pixels)?);
    cache.insert(key, png.clone());
    Ok(png)
}

/// Every chart of a report at print resolution, in parallel, by chart id.
/// Charts with the same SVG are rasterised once: the synthetic reports of
/// the benchmarks repeat theirs (38 distinct of 267 at 200 indicators).
pub fn rasterise_all(
    charts: &ChartSet,
    cache: Option<&PngCache>,
) -> Result<HashMap<String, Arc<Picture>>, RasterError> {
    let mut distinct: Vec<&str> = charts.charts.iter().map(|c| c.svg.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let pngs: HashMap<&str, Arc<Picture>> = distinct
        .par_iter()
        // One pixel buffer per piece of work rayon hands a thread.
        .map_init(Vec::new, |pixels, svg| {
            Ok((*svg, rasterise(svg, cache, pixels)?))
        })
        .collect::<Result<_, RasterError>>()?;
    Ok(charts
        .charts
        .iter()
        .map(|c| (c.id.clone(), pngs[c.svg.as_str()].clone()))
        .collect())
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
        assert_ne!(a.png, b.png, "the text must leave pixels");
        let outlined = a.svg.as_deref().unwrap();
        assert!(
            !outlined.contains("<text"),
            "the text is outlined: {outlined}"
        );
        assert!(outlined.contains("<path"));
    }

    #[test]
    fn the_cache_returns_the_same_png_for_the_same_svg() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="5" height="5"/></svg>"##;
        let cache = PngCache::default();
        let a = rasterise(svg, Some(&cache), &mut Vec::new()).unwrap();
        let b = rasterise(svg, Some(&cache), &mut Vec::new()).unwrap();
        let uncached = rasterise(svg, None, &mut Vec::new()).unwrap();
        assert!(!Arc::ptr_eq(&a, &uncached));
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(a.png, svg_to_png(svg.as_bytes(), PRINT_SCALE).unwrap().png);
        let other = rasterise(&svg.replace("5", "6"), Some(&cache), &mut Vec::new()).unwrap();
        assert_ne!(a.png, other.png);
    }
}
