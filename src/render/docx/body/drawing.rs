//! Pictures in the DOCX: a chart as a figure (the picture, its caption) and
//! the DrawingML of a picture, SVG with its PNG, with its alternative text.

use super::*;

impl Writer<'_> {
    pub(super) fn figure(&mut self, f: &Figure) -> Result<(), DocxError> {
        let picture = self
            .pictures
            .get(&f.chart.id)
            .cloned()
            .ok_or_else(|| DocxError::MissingChart(f.chart.id.clone()))?;
        let width = (self.page.text_width() as f32 * self.container * f.width) as u32;
        // At the text's edge, as the caption under it.
        self.p_open(&Para {
            keep_next: true,
            ..Para::default()
        });
        self.picture(picture, &f.chart.alt, width);
        self.x.close("w:p");
        self.caption(&f.caption, &f.anchor, false);
        Ok(())
    }

    /// An inline picture, `width_twips` wide: the PNG, and the SVG as Word
    /// 2016's extension of the blip (older readers show the PNG).
    pub(super) fn picture(&mut self, picture: Arc<Picture>, alt: &str, width_twips: u32) {
        let (px_w, px_h) = (picture.width, picture.height);
        let mut w_emu = u64::from(width_twips * EMU_PER_TWIP);
        let mut h_emu = w_emu * u64::from(px_h) / u64::from(px_w.max(1));
        // Never taller than the text area (less a line for the caption):
        // a drawing larger than its page is cut off in Word and LibreOffice.
        let max_h = u64::from((self.page.text_height() - 600) * EMU_PER_TWIP);
        if h_emu > max_h {
            w_emu = w_emu * max_h / h_emu;
            h_emu = max_h;
        }
        let has_svg = picture.svg.is_some();
        self.out.media.push(picture);
        let n = self.out.media.len().to_string();
        let (cx, cy) = (w_emu.to_string(), h_emu.to_string());
        let name = format!("Figuur {n}");
        let x = &mut self.x;
        x.open("w:r", &[]);
        x.open("w:drawing", &[]);
        x.open(
            "wp:inline",
            &[
                ("distT", "0"),
                ("distB", "0"),
                ("distL", "0"),
                ("distR", "0"),
            ],
        );
        x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
        x.empty(
            "wp:effectExtent",
            &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
        );
        x.empty("wp:docPr", &[("id", &n), ("name", &name), ("descr", alt)]);
        x.open("wp:cNvGraphicFramePr", &[]);
        x.empty("a:graphicFrameLocks", &[("noChangeAspect", "1")]);
        x.close("wp:cNvGraphicFramePr");
        x.open("a:graphic", &[]);
        x.open("a:graphicData", &[("uri", PIC)]);
        x.open("pic:pic", &[]);
        x.open("pic:nvPicPr", &[]);
        x.empty("pic:cNvPr", &[("id", &n), ("name", &name), ("descr", alt)]);
        x.open("pic:cNvPicPr", &[]);
        x.empty("a:picLocks", &[("noChangeAspect", "1")]);
        x.close("pic:cNvPicPr");
        x.close("pic:nvPicPr");
        x.open("pic:blipFill", &[]);
        let (png_id, svg_id) = Relationships::picture(self.out.media.len());
        if has_svg {
            x.open("a:blip", &[("r:embed", &png_id)]);
            x.open("a:extLst", &[]);
            x.open("a:ext", &[("uri", SVG_BLIP_EXT)]);
            x.empty("asvg:svgBlip", &[("r:embed", &svg_id)]);
            x.close("a:ext");
            x.close("a:extLst");
            x.close("a:blip");
        } else {
            x.empty("a:blip", &[("r:embed", &png_id)]);
        }
        x.open("a:stretch", &[]);
        x.empty("a:fillRect", &[]);
        x.close("a:stretch");
        x.close("pic:blipFill");
        x.open("pic:spPr", &[]);
        x.open("a:xfrm", &[]);
        x.empty("a:off", &[("x", "0"), ("y", "0")]);
        x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
        x.close("a:xfrm");
        x.open("a:prstGeom", &[("prst", "rect")]);
        x.empty("a:avLst", &[]);
        x.close("a:prstGeom");
        x.close("pic:spPr");
        x.close("pic:pic");
        x.close("a:graphicData");
        x.close("a:graphic");
        x.close("wp:inline");
        x.close("w:drawing");
        x.close("w:r");
    }
}
