//! An ODF package (ODF 1.3 part 2): a ZIP whose first entry is
//! `mimetype`, stored uncompressed, and whose `META-INF/manifest.xml`
//! lists every other entry with its media type. Every entry carries the
//! same fixed time, so the same parts give the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::render::xml::Xml;

/// One file of the package: its bytes owned (a part written for it) or
/// shared (a chart's PNG or SVG, made once for every format).
pub struct Entry {
    /// `content.xml`, `Pictures/grafiek-1.png`.
    pub path: String,
    /// `text/xml`, `image/png`.
    pub media_type: &'static str,
    pub bytes: Bytes,
}

/// The bytes of an entry.
pub enum Bytes {
    Owned(Vec<u8>),
    Shared(std::sync::Arc<[u8]>),
    Text(std::sync::Arc<str>),
}

impl Bytes {
    fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Owned(b) => b,
            Bytes::Shared(b) => b,
            Bytes::Text(t) => t.as_bytes(),
        }
    }
}

impl From<String> for Bytes {
    fn from(s: String) -> Self {
        Bytes::Owned(s.into_bytes())
    }
}

/// Entries deflated already (at build time): every file of the archive is
/// copied into the package as it is, with `media_type`.
pub struct Precompressed<'a> {
    pub archive: &'a zip::ZipArchive<Cursor<&'static [u8]>>,
    pub media_type: &'static str,
}

/// The package of a document of `media_type`
/// (`application/vnd.oasis.opendocument.spreadsheet`) with `entries`.
pub fn package(media_type: &str, entries: &[Entry]) -> std::io::Result<Vec<u8>> {
    package_with(media_type, entries, None)
}

/// [`package`], with the files of `precompressed` too.
pub fn package_with(
    media_type: &str,
    entries: &[Entry],
    precompressed: Option<Precompressed>,
) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(64 * 1024)));
    let stored = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    // The fastest level, as the DOCX: the XML parts still shrink about
    // tenfold, and the fonts cost little time.
    let deflated = stored
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1));
    let mut put = |name: &str, data: &[u8], options: SimpleFileOptions| -> std::io::Result<()> {
        zip.start_file(name, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(data)
    };
    put("mimetype", media_type.as_bytes(), stored)?;
    for e in entries {
        // Pictures are compressed already.
        let options = if e.media_type.starts_with("image/") && e.media_type != "image/svg+xml" {
            stored
        } else {
            deflated
        };
        put(&e.path, e.bytes.as_slice(), options)?;
    }
    let mut listed: Vec<(String, &str)> = entries
        .iter()
        .map(|e| (e.path.clone(), e.media_type))
        .collect();
    if let Some(p) = precompressed {
        let mut archive = p.archive.clone();
        for i in 0..archive.len() {
            let file = archive.by_index_raw(i).map_err(std::io::Error::other)?;
            listed.push((file.name().to_string(), p.media_type));
            zip.raw_copy_file(file).map_err(std::io::Error::other)?;
        }
    }
    let manifest = manifest(media_type, &listed);
    zip.start_file("META-INF/manifest.xml", deflated)
        .map_err(std::io::Error::other)?;
    zip.write_all(manifest.as_bytes())?;
    let cursor = zip.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}

/// `META-INF/manifest.xml`: the package itself and every entry (path and
/// media type).
fn manifest(media_type: &str, entries: &[(String, &str)]) -> String {
    let mut x = Xml::part();
    x.open(
        "manifest:manifest",
        &[
            (
                "xmlns:manifest",
                "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
            ),
            ("manifest:version", super::VERSION),
        ],
    );
    x.empty(
        "manifest:file-entry",
        &[
            ("manifest:full-path", "/"),
            ("manifest:version", super::VERSION),
            ("manifest:media-type", media_type),
        ],
    );
    for (path, media) in entries {
        x.empty(
            "manifest:file-entry",
            &[("manifest:full-path", path), ("manifest:media-type", media)],
        );
    }
    x.close("manifest:manifest");
    x.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mimetype_comes_first_uncompressed_and_the_manifest_lists_every_entry() {
        let entries = [Entry {
            path: "content.xml".into(),
            media_type: "text/xml",
            bytes: Bytes::Owned(b"<x/>".to_vec()),
        }];
        let bytes = package("application/vnd.oasis.opendocument.spreadsheet", &entries).unwrap();
        // The mimetype's bytes at offset 38, as ODF readers look for them.
        assert_eq!(
            &bytes[30..38],
            b"mimetype",
            "the first entry is the mimetype"
        );
        assert_eq!(
            &bytes[38..38 + 46],
            b"application/vnd.oasis.opendocument.spreadsheet"
        );
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        assert_eq!(
            zip.by_name("mimetype").unwrap().compression(),
            CompressionMethod::Stored
        );
        let mut manifest = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("META-INF/manifest.xml").unwrap(),
            &mut manifest,
        )
        .unwrap();
        assert!(
            manifest.contains(r#"manifest:full-path="content.xml" manifest:media-type="text/xml""#)
        );
        assert_eq!(
            bytes,
            package("application/vnd.oasis.opendocument.spreadsheet", &entries).unwrap(),
            "the same parts give the same bytes"
        );
    }
}
