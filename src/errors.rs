//! The program's typed errors and their Dutch wording, in one place. The
//! stages return these types; the command line prints them as they
//! display. Problems in the user's data or templates are not errors of this
//! kind but [`crate::diagnostics::Problems`], with file, line and column.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::diagnostics::Problems;

/// Writing the output files ([`crate::output`]).
#[derive(Debug, Error)]
pub enum OutputError {
    #[error("kan map {} niet maken: {source}", .dir.display())]
    CreateDir { dir: PathBuf, source: io::Error },
    #[error("kan geen tijdelijk bestand maken in {}: {source}", .dir.display())]
    TempFile { dir: PathBuf, source: io::Error },
    #[error("kan {} niet schrijven: {source}", .path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("kan de rechten van {} niet zetten: {source}", .path.display())]
    Permissions { path: PathBuf, source: io::Error },
    #[error("kan {} niet vervangen: {source}", .path.display())]
    Replace { path: PathBuf, source: io::Error },
}

/// What a command refuses or fails to do, beside problems in the data and
/// templates: each with its Dutch message and, after a line break, its tip
/// ([`crate::cli`] prints them as `fout: ...`).
#[derive(Debug, Error)]
pub enum CommandError {
    #[error(
        "deze bestanden bestaan al: {files}\n  tip: kies een lege map, of gebruik --overschrijven"
    )]
    TemplatesExist { files: String },
    #[error("de sjabloonmap {} bestaat niet\n  tip: geef de map met uw kopie van de sjablonen", .0.display())]
    NoTemplateDir(PathBuf),
    #[error(
        "'{0}' kan geen naam van een landsdeel zijn\n  tip: gebruik letters, cijfers, spaties en '-', bijvoorbeeld --landsdeel Oost"
    )]
    BadLandsdeel(String),
    #[error("{} bestaat al\n  tip: kies een andere naam met --uit, of gebruik --overschrijven", .0.display())]
    StarterExists(PathBuf),
    #[error("{} bestaat al\n  tip: gebruik --overschrijven om het te vervangen", .0.display())]
    NextYearExists(PathBuf),
    #[error("{}: geen indicator, actie of doe-voorstel van '{partner}'\n  tip: {hint}", .file.display())]
    NoRowsOfPartner {
        file: PathBuf,
        partner: String,
        hint: String,
    },
    #[error("{}: {message}{}", .sheet.display(), .hint.as_ref().map(|h| format!("\n  tip: {h}")).unwrap_or_default())]
    SheetNotApplied {
        sheet: PathBuf,
        message: String,
        hint: Option<String>,
    },
    #[error("{}: {source}", .file.display())]
    Report {
        file: PathBuf,
        source: Box<MakeError>,
    },
    #[error(
        "--typst-bundel is het Typst-project van de PDF\n  tip: vraag de PDF ook, bijvoorbeeld met --formaat pdf,docx"
    )]
    BundleWithoutPdf,
    #[error(
        "{} is geen landelijk bestand: er staat geen 'landsdelen:' in\n  tip: maak het rapport van een landsdeel met 'techniekpact maak {}'; een landelijk bestand noemt de landsdelen en hun bestanden (zie docs/landelijk.md)",
        .0.display(),
        .0.display()
    )]
    NotNational(PathBuf),
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(transparent)]
    Watch(#[from] WatchError),
    #[error(transparent)]
    Make(#[from] MakeError),
}

/// What the user reads when the program itself failed on valid data.
pub fn internal_error_message(data: &std::path::Path, details: &str) -> String {
    format!(
        "interne fout: techniekpact kon het rapport van {data} niet maken.\n\
         Dit ligt niet aan uw gegevens of sjablonen: de gegevens zijn in orde, maar de \
         ingebouwde sjablonen van techniekpact konden er geen rapport van maken.\n\
         Meld dit aan de ontwikkelaars van techniekpact en stuur het gegevensbestand \
         {data} en deze melding mee.\n\
         details:\n{details}",
        data = data.display()
    )
}

/// Watching the files of `volg` ([`crate::cli::volg`]).
#[derive(Debug, Error)]
pub enum WatchError {
    #[error("kan bestanden niet volgen: {0}")]
    Start(notify::Error),
    #[error("kan {} niet volgen: {source}", .dir.display())]
    Folder { dir: PathBuf, source: notify::Error },
}

/// Turning a chart into a PNG ([`crate::render::raster`]).
#[derive(Debug, Error)]
pub enum RasterError {
    #[error("ongeldige SVG: {0}")]
    Svg(#[from] resvg::usvg::Error),
    #[error("afbeelding te groot om te rasteren")]
    TooLarge,
    #[error("PNG kan niet gemaakt worden: {0}")]
    Png(#[from] png::EncodingError),
}

/// Making the Word package ([`crate::render::docx`]).
#[derive(Debug, Error)]
pub enum DocxError {
    #[error("onleesbaar XML-deel in het DOCX-bestand: {0}")]
    Xml(#[from] roxmltree::Error),
    #[error("ongeldig DOCX-pakket: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("ongeldig DOCX-pakket: {0}")]
    Read(#[from] io::Error),
    #[error("{part} in het DOCX-pakket is geen UTF-8")]
    NotUtf8 { part: String },
    #[error("{file}: {source}")]
    Reference {
        file: &'static str,
        source: Box<DocxError>,
    },
    #[error("{file} bevat geen stijlen (word/styles.xml)")]
    NoStyles { file: &'static str },
    #[error("het DOCX-bestand kan niet gemaakt worden: {0}")]
    Pack(zip::result::ZipError),
    #[error("het logo is geen geldig PNG-bestand")]
    LogoNotPng,
    #[error("grafiek '{0}' ontbreekt in de grafiekenset")]
    MissingChart(String),
    #[error(transparent)]
    Raster(#[from] RasterError),
}

/// Why a renderer failed ([`crate::render::Renderer`]).
#[derive(Debug, Error)]
pub enum RenderError {
    /// Problems in the user's own template files (`--sjablonen`), with
    /// positions.
    #[error("het sjabloon bevat fouten")]
    Template(Vec<Problems>),
    /// The embedded templates failed on data that passed validation: a
    /// fault of the program, with details for its developers.
    #[error("interne fout:\n{0}")]
    Internal(String),
    #[error("ongeldige PDF-standaard: {0}")]
    PdfStandard(String),
    #[error(transparent)]
    Docx(#[from] DocxError),
}

/// Why a report could not be made ([`crate::pipeline::make`]).
#[derive(Debug, Error)]
pub enum MakeError {
    /// The data file is invalid.
    #[error("de gegevens bevatten fouten")]
    Data(Problems),
    /// Files of the national overview are invalid: `LANDELIJK.yaml` or the
    /// landsdelen's files, each with its own problems.
    #[error("de gegevens bevatten fouten")]
    Files(Vec<Problems>),
    /// A template of the user's is broken.
    #[error("het sjabloon bevat fouten")]
    Template(Vec<Problems>),
    /// The program failed on valid data (its embedded templates); the
    /// details are for its developers.
    #[error("interne fout:\n{0}")]
    Internal(String),
    #[error("het logo {} kan niet gelezen worden: {source}", .path.display())]
    Logo { path: PathBuf, source: io::Error },
    #[error(transparent)]
    Render(RenderError),
    #[error(transparent)]
    Output(#[from] OutputError),
    /// Another data file of the same run, given later, makes a report of
    /// the same name: only that one is made.
    #[error(
        "dit rapport heeft dezelfde naam ({slug}) als dat van {}, dat later in de opdracht staat; alleen dat rapport wordt gemaakt",
        .later.display()
    )]
    SameName { slug: String, later: PathBuf },
}

impl From<RenderError> for MakeError {
    /// Template problems and internal faults keep their own kind: the
    /// command line reports them differently.
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::Template(reports) => MakeError::Template(reports),
            RenderError::Internal(details) => MakeError::Internal(details),
            other => MakeError::Render(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_dutch_sentences_with_their_cause() {
        let missing = || io::Error::new(io::ErrorKind::NotFound, "geen toegang");
        let e = OutputError::CreateDir {
            dir: PathBuf::from("uit/grafieken"),
            source: missing(),
        };
        assert_eq!(
            e.to_string(),
            "kan map uit/grafieken niet maken: geen toegang"
        );
        let e = MakeError::Logo {
            path: PathBuf::from("logo.png"),
            source: missing(),
        };
        assert_eq!(
            e.to_string(),
            "het logo logo.png kan niet gelezen worden: geen toegang"
        );
        let e = RenderError::Docx(DocxError::Reference {
            file: "stijl.docx",
            source: Box::new(DocxError::NotUtf8 {
                part: "word/styles.xml".into(),
            }),
        });
        assert_eq!(
            e.to_string(),
            "stijl.docx: word/styles.xml in het DOCX-pakket is geen UTF-8"
        );
        let e = DocxError::from(RasterError::TooLarge);
        assert_eq!(e.to_string(), "afbeelding te groot om te rasteren");
    }

    #[test]
    fn template_problems_and_internal_faults_keep_their_kind() {
        assert!(matches!(
            MakeError::from(RenderError::Template(Vec::new())),
            MakeError::Template(_)
        ));
        assert!(matches!(
            MakeError::from(RenderError::Internal("Typst: ...".into())),
            MakeError::Internal(_)
        ));
        assert!(matches!(
            MakeError::from(RenderError::PdfStandard("x".into())),
            MakeError::Render(RenderError::PdfStandard(_))
        ));
    }
}
