//! Arithmetic on `#rrggbb` colours: the WCAG 2.1 contrast ratio, mixing
//! two colours, and the tint or shade of a colour that reaches a contrast.
//! The house style derives its tints and its web and dark variants with
//! these, so that one colour in `huisstijl.yaml` reaches every use.

/// Red, green and blue, 0-255.
pub type Rgb = (u8, u8, u8);

/// `#rrggbb` of `rgb`.
pub fn hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2)
}

/// The relative luminance of a colour (WCAG 2.1).
pub fn luminance(rgb: Rgb) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(rgb.0) + 0.7152 * channel(rgb.1) + 0.0722 * channel(rgb.2)
}

/// The contrast ratio of two colours (WCAG 2.1), 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la >= lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// `share` of `a` and the rest of `b` (0.1: a tenth of `a`).
pub fn mix(a: Rgb, b: Rgb, share: f64) -> Rgb {
    let part = |x: u8, y: u8| (f64::from(x) * share + f64::from(y) * (1.0 - share)).round() as u8;
    (part(a.0, b.0), part(a.1, b.1), part(a.2, b.2))
}

pub const WHITE: Rgb = (255, 255, 255);
pub const BLACK: Rgb = (0, 0, 0);

/// `colour`, or the least change of it towards `towards` (black to darken,
/// white to lighten) that has at least `ratio` contrast on `background`.
pub fn with_contrast(colour: Rgb, background: Rgb, ratio: f64, towards: Rgb) -> Rgb {
    (0..=100)
        .map(|step| mix(towards, colour, f64::from(step) / 100.0))
        .find(|c| contrast(*c, background) >= ratio)
        .unwrap_or(towards)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_wcags() {
        assert!((contrast(WHITE, BLACK) - 21.0).abs() < 1e-9);
        assert!((contrast((0x69, 0x69, 0x69), WHITE) - 5.49).abs() < 0.01);
        assert!((contrast((0xf9, 0xe1, 0x1e), WHITE) - 1.33).abs() < 0.01);
    }

    #[test]
    fn a_colour_with_enough_contrast_stays_and_another_is_changed_just_enough() {
        let blue = (0x00, 0x7b, 0xc7);
        assert_eq!(with_contrast(blue, WHITE, 4.5, BLACK), blue);
        let yellow = (0xf9, 0xe1, 0x1e);
        let dark = with_contrast(yellow, WHITE, 4.5, BLACK);
        assert!(contrast(dark, WHITE) >= 4.5);
        let one_less = mix(BLACK, yellow, 0.0);
        assert!(contrast(one_less, WHITE) < 4.5);
    }

    #[test]
    fn a_tint_is_a_share_of_the_colour_on_white() {
        assert_eq!(hex(mix((0x15, 0x42, 0x73), WHITE, 0.1)), "#e8ecf1");
    }
}
