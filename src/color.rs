//! Label colours that stay readable: from one base colour, a highlight background for the light
//! theme and one for the dark theme, each with at least WCAG AA contrast (4.5:1) against that
//! theme's text, and an underline with at least 3:1 against the page (WCAG 1.4.11).

use serde::Serialize;

use crate::error::{Error, Result};

/// Text and page colours of the two themes (as in `www/style.css`).
pub const LIGHT_TEXT: Rgb = Rgb(0x1b, 0x1b, 0x1f);
pub const LIGHT_PAGE: Rgb = Rgb(0xff, 0xff, 0xff);
pub const DARK_TEXT: Rgb = Rgb(0xe8, 0xe8, 0xea);
pub const DARK_PAGE: Rgb = Rgb(0x16, 0x17, 0x1a);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2).
    pub fn luminance(self) -> f64 {
        let c = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.04045 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * c(self.0) + 0.7152 * c(self.1) + 0.0722 * c(self.2)
    }

    /// `self` moved a fraction `t` of the way to `other`.
    fn mix(self, other: Rgb, t: f64) -> Rgb {
        let m = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round().clamp(0.0, 255.0) as u8;
        Rgb(m(self.0, other.0), m(self.1, other.1), m(self.2, other.2))
    }
}

/// The contrast ratio of two colours (1 to 21).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (x, y) = (a.luminance(), b.luminance());
    let (hi, lo) = if x > y { (x, y) } else { (y, x) };
    (hi + 0.05) / (lo + 0.05)
}

/// # Errors
/// When `s` is not `#rrggbb`.
pub fn parse_hex(s: &str) -> Result<Rgb> {
    let h = s.trim().strip_prefix('#').unwrap_or("");
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Error::input(format!("colour {s:?} is not of the form #rrggbb")));
    }
    let v = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0);
    Ok(Rgb(v(0), v(2), v(4)))
}

/// The smallest step from `base` towards `to` that meets `ratio` against `against`.
fn until(base: Rgb, to: Rgb, against: Rgb, ratio: f64) -> Rgb {
    (0..=100).map(|k| base.mix(to, f64::from(k) / 100.0)).find(|c| contrast(*c, against) >= ratio).unwrap_or(to)
}

/// Highlight colours of one label for both themes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Theme {
    pub light_bg: String,
    pub light_line: String,
    pub dark_bg: String,
    pub dark_line: String,
}

/// Colours for a label of base colour `base`: a tint (light theme) and a shade (dark theme) of
/// it behind the text, and the colour itself, darkened or lightened as needed, as the line
/// under a highlight. Text contrast is at least 4.5 on a highlight, the line at least 3 on the
/// page.
pub fn theme(base: Rgb) -> Theme {
    // Backgrounds stay recognisably the hue: a pastel tint at 60% towards white, a shade at 65%
    // towards black, then further only when the contrast needs it.
    let light_bg = until(base.mix(LIGHT_PAGE, 0.6), LIGHT_PAGE, LIGHT_TEXT, 4.5);
    let dark_bg = until(base.mix(Rgb(0, 0, 0), 0.65), Rgb(0, 0, 0), DARK_TEXT, 4.5);
    Theme {
        light_bg: light_bg.hex(),
        light_line: until(base, Rgb(0, 0, 0), LIGHT_PAGE, 3.0).hex(),
        dark_bg: dark_bg.hex(),
        dark_line: until(base, Rgb(255, 255, 255), DARK_PAGE, 3.0).hex(),
    }
}

/// Base colours of the six built-in labels, in the order of `Label::ALL` (PERSON, ORG, PLACE,
/// GROUP, DATE, CASUALTY).
pub const BUILTIN: [Rgb; 6] = [
    Rgb(0xf0, 0x8c, 0x28),
    Rgb(0x2f, 0x80, 0xed),
    Rgb(0x2f, 0xa8, 0x4f),
    Rgb(0x8b, 0x5c, 0xf6),
    Rgb(0xe0, 0xb0, 0x10),
    Rgb(0xe5, 0x48, 0x4d),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((contrast(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
        assert_eq!(parse_hex("#1D4ed8").unwrap(), Rgb(0x1d, 0x4e, 0xd8));
        assert!(parse_hex("1d4ed8").is_err() && parse_hex("#12345").is_err() && parse_hex("#gg0000").is_err());
    }

    #[test]
    fn every_colour_gives_readable_highlights_in_both_themes() {
        // The built-ins, and a sweep of awkward custom colours: pure yellow, pure blue, grey,
        // black, white.
        let mut bases: Vec<Rgb> = BUILTIN.to_vec();
        bases.extend([Rgb(255, 255, 0), Rgb(0, 0, 255), Rgb(128, 128, 128), Rgb(0, 0, 0), Rgb(255, 255, 255)]);
        for r in (0..=255).step_by(51) {
            for g in (0..=255).step_by(51) {
                for b in (0..=255).step_by(85) {
                    bases.push(Rgb(r, g, b));
                }
            }
        }
        for base in bases {
            let t = theme(base);
            let c = |h: &str| parse_hex(h).unwrap();
            assert!(contrast(LIGHT_TEXT, c(&t.light_bg)) >= 4.5, "{base:?} light {t:?}");
            assert!(contrast(DARK_TEXT, c(&t.dark_bg)) >= 4.5, "{base:?} dark {t:?}");
            assert!(contrast(LIGHT_PAGE, c(&t.light_line)) >= 3.0, "{base:?} line {t:?}");
            assert!(contrast(DARK_PAGE, c(&t.dark_line)) >= 3.0, "{base:?} dark line {t:?}");
        }
    }
}
