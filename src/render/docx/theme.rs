//! The theme part (`word/theme/theme1.xml`, ECMA-376 Part 1, 20.1.6): Word
//! documents carry one, and an editor's theme colours and fonts come from
//! it. Ours has the house colours and the house font for every script,
//! and the minimal formatting scheme the schema requires.

use crate::document::house_style::HouseStyle;
use crate::render::docx::ooxml::A;
use crate::render::xml::Xml;

pub const PART: &str = "word/theme/theme1.xml";

pub fn theme_xml(style: &HouseStyle) -> String {
    let k = &style.kleuren;
    let s = |key: &str| style.status(key).hex();
    let mut x = Xml::part();
    x.open("a:theme", &[("xmlns:a", A), ("name", "Techniekpact")]);
    x.open("a:themeElements", &[]);
    x.open("a:clrScheme", &[("name", "Techniekpact")]);
    for (name, colour) in [
        ("a:dk1", k.tekst.hex()),
        ("a:lt1", "FFFFFF".to_string()),
        ("a:dk2", k.hoofdkleur.hex()),
        ("a:lt2", k.tabelkop.hex()),
        ("a:accent1", k.hoofdkleur.hex()),
        ("a:accent2", k.accentkleur.hex()),
        ("a:accent3", s("behaald")),
        ("a:accent4", s("aandacht")),
        ("a:accent5", s("achter")),
        ("a:accent6", s("nulmeting")),
        ("a:hlink", k.accentkleur.hex()),
        ("a:folHlink", k.hoofdkleur.hex()),
    ] {
        x.open(name, &[]);
        x.empty("a:srgbClr", &[("val", &colour)]);
        x.close(name);
    }
    x.close("a:clrScheme");
    x.open("a:fontScheme", &[("name", "Techniekpact")]);
    let font = style.lettertype.as_str();
    for kind in ["a:majorFont", "a:minorFont"] {
        // The house font for East Asian text too: an empty name there made
        // LibreOffice write a font named "F" into its ODT.
        x.open(kind, &[]);
        x.empty("a:latin", &[("typeface", font)]);
        x.empty("a:ea", &[("typeface", font)]);
        x.empty("a:cs", &[("typeface", font)]);
        x.close(kind);
    }
    x.close("a:fontScheme");
    x.open("a:fmtScheme", &[("name", "Techniekpact")]);
    let fill = |x: &mut Xml| {
        x.open("a:solidFill", &[]);
        x.empty("a:schemeClr", &[("val", "phClr")]);
        x.close("a:solidFill");
    };
    x.open("a:fillStyleLst", &[]);
    (0..3).for_each(|_| fill(&mut x));
    x.close("a:fillStyleLst");
    x.open("a:lnStyleLst", &[]);
    for _ in 0..3 {
        x.open("a:ln", &[("w", "6350")]);
        fill(&mut x);
        x.close("a:ln");
    }
    x.close("a:lnStyleLst");
    x.open("a:effectStyleLst", &[]);
    for _ in 0..3 {
        x.open("a:effectStyle", &[]);
        x.empty("a:effectLst", &[]);
        x.close("a:effectStyle");
    }
    x.close("a:effectStyleLst");
    x.open("a:bgFillStyleLst", &[]);
    (0..3).for_each(|_| fill(&mut x));
    x.close("a:bgFillStyleLst");
    x.close("a:fmtScheme");
    x.close("a:themeElements");
    x.close("a:theme");
    x.finish()
}
