//! The CONCEPT mark of a draft as shapes, not text: the outlines of its
//! letters in the house font (Noto Sans Bold), which `stijl.typ` fills and
//! turns. Text copied or extracted from a page of a concept then holds no
//! stray letters of the mark. The outlines reach Typst as data
//! (`/data/concept-merk.json`), like everything else.

use serde::Serialize;

/// The mark's letters set at this size, in points.
const SIZE: f32 = 96.0;

/// The outlines of `word`, in points from the top left of its line box.
#[derive(Debug, Serialize)]
pub struct Mark {
    /// Width and height of the line box.
    pub breedte: f32,
    pub hoogte: f32,
    /// One path per letter: commands `["m", x, y]`, `["l", x, y]`,
    /// `["q", cx, cy, x, y]`, `["c", c1x, c1y, c2x, c2y, x, y]`, `["z"]`.
    pub paden: Vec<Vec<Command>>,
}

/// One step of a path.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Command {
    Point(&'static str, f32, f32),
    Quad(&'static str, f32, f32, f32, f32),
    Cubic(&'static str, f32, f32, f32, f32, f32, f32),
    Close((&'static str,)),
}

struct Builder {
    scale: f32,
    x: f32,
    ascender: f32,
    out: Vec<Command>,
}

impl Builder {
    fn p(&self, x: f32, y: f32) -> (f32, f32) {
        let r = |v: f32| (v * 100.0).round() / 100.0;
        (
            r(self.x + x * self.scale),
            r((self.ascender - y) * self.scale),
        )
    }
}

impl ttf_parser::OutlineBuilder for Builder {
    fn move_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.out.push(Command::Point("m", x, y));
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let (x, y) = self.p(x, y);
        self.out.push(Command::Point("l", x, y));
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let (a, b) = self.p(x1, y1);
        let (x, y) = self.p(x, y);
        self.out.push(Command::Quad("q", a, b, x, y));
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let (a, b) = self.p(x1, y1);
        let (c, d) = self.p(x2, y2);
        let (x, y) = self.p(x, y);
        self.out.push(Command::Cubic("c", a, b, c, d, x, y));
    }
    fn close(&mut self) {
        self.out.push(Command::Close(("z",)));
    }
}

/// The outlines of `word` in Noto Sans Bold at 96 pt.
pub fn outlines(word: &str) -> Mark {
    let Ok(face) = ttf_parser::Face::parse(crate::fonts::NOTO_SANS_BOLD, 0) else {
        return Mark {
            breedte: 0.0,
            hoogte: 0.0,
            paden: Vec::new(),
        };
    };
    let scale = SIZE / f32::from(face.units_per_em());
    let ascender = f32::from(face.ascender());
    let mut b = Builder {
        scale,
        x: 0.0,
        ascender,
        out: Vec::new(),
    };
    let mut paden = Vec::new();
    for c in word.chars() {
        let Some(g) = face.glyph_index(c) else {
            b.x += SIZE / 2.0;
            continue;
        };
        face.outline_glyph(g, &mut b);
        if !b.out.is_empty() {
            paden.push(std::mem::take(&mut b.out));
        }
        b.x += f32::from(face.glyph_hor_advance(g).unwrap_or(0)) * scale;
    }
    let hoogte = (ascender - f32::from(face.descender())) * scale;
    Mark {
        breedte: (b.x * 100.0).round() / 100.0,
        hoogte: (hoogte * 100.0).round() / 100.0,
        paden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_of_the_mark_is_a_closed_path_inside_its_box() {
        let mark = outlines("CONCEPT");
        assert_eq!(mark.paden.len(), 7);
        assert!(mark.breedte > 300.0 && mark.hoogte > 100.0, "{mark:?}");
        for path in &mark.paden {
            assert!(matches!(path.first(), Some(Command::Point("m", ..))));
            assert!(matches!(path.last(), Some(Command::Close(_))));
        }
        let json = serde_json::to_string(&mark).unwrap();
        assert!(json.contains("[\"m\","), "{json:.80}");
    }
}
