//! The example report of 2016, built once in all three formats for every
//! test that reads it (PDF, DOCX and HTML tests alike), and its document
//! model.

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

/// `maak --formaat pdf,docx,html` of `data/noord-2016.yaml`, read back.
pub struct Example {
    _dir: tempfile::TempDir,
    /// The output folder.
    pub out: PathBuf,
    pub pdf: Vec<u8>,
    /// The PDF's text (`pdftotext`), normalised.
    pub pdf_text: String,
    /// The PDF as qpdf writes it uncompressed (`--qdf`).
    pub pdf_qdf: String,
    pub docx: Vec<u8>,
    pub html: String,
    /// The document model the files were made from.
    pub document: techniekpact::document::Document,
}

/// The 2016 example, built on first use.
pub fn noord_2016() -> &'static Example {
    static EXAMPLE: OnceLock<Example> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let data = super::repo().join("data/noord-2016.yaml");
        super::maak_ok(&data, dir.path(), &["--formaat", "pdf,docx,html"]);
        let file = |ext: &str| dir.path().join(format!("techniekpact-noord-2016.{ext}"));
        let pdf = std::fs::read(file("pdf")).expect("the PDF is written");
        let pdf_text = super::normalise(&super::pdf_text_of(&pdf));
        let qdf = dir.path().join("qdf.pdf");
        let status = Command::new("qpdf")
            .args(["--qdf", "--object-streams=disable"])
            .arg(file("pdf"))
            .arg(&qdf)
            .status()
            .expect("qpdf reads the PDF; tools/installeer-validatie installs it");
        assert!(status.success(), "qpdf --qdf failed");
        let pdf_qdf = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
        std::fs::remove_file(&qdf).unwrap();
        let docx = std::fs::read(file("docx")).expect("the DOCX is written");
        let html = std::fs::read_to_string(file("html")).expect("the HTML is written");
        let loaded = techniekpact::load::load(&data, Default::default()).unwrap();
        let setup = techniekpact::pipeline::Setup::embedded();
        let Ok(prepared) = techniekpact::pipeline::prepare(&loaded, &setup) else {
            panic!("the example prepares")
        };
        let document = prepared.document;
        Example {
            out: dir.path().to_path_buf(),
            _dir: dir,
            pdf,
            pdf_text,
            pdf_qdf,
            docx,
            html,
            document,
        }
    })
}
