//! Text measurement for layout. The layout never asks the drawing backend (in the browser that
//! would be a DOM layout per call); it asks a `TextMeasure`, which caches per character.
//! The fitting helpers (`wrap`, `ellipsize`, `ellipsize_words`) live here too: they need
//! nothing but a measure, so any chart can set a label into a given width with them.

/// Measures the advance width, in device pixels, of `text` set at `font_px` device pixels.
pub trait TextMeasure {
    fn text_width(&mut self, text: &str, font_px: f64) -> f64;
}

/// Measures each distinct character once per font size through a closure
/// `(char, font_px) -> width` (e.g. canvas `measureText`) and sums the cached widths.
/// Kerning is ignored; the layout pads boxes slightly to absorb it.
///
/// The cache is a short list of font sizes, each with a table indexed by ASCII code and a list
/// for other characters, not a `HashMap<(char, size), f64>`: a layout uses a handful of sizes
/// and ASCII but for a few accented letters, so a lookup is an index, and that map's own
/// instantiation (SipHash, insert, get) was 1.7 KB of the start wasm.
pub struct CachedMeasure<F: FnMut(char, f64) -> f64> {
    measure_char: F,
    sizes: Vec<SizeWidths>,
}

/// The widths measured at one font size; NaN = not measured yet.
struct SizeWidths {
    font_bits: u64,
    ascii: [f64; 128],
    other: Vec<(char, f64)>,
}

/// More sizes than a page shows at once (the sizes change with the pixel ratio and text
/// scale): past this the cache starts again, so resizing for an hour cannot grow it.
const MAX_SIZES: usize = 16;

impl<F: FnMut(char, f64) -> f64> CachedMeasure<F> {
    pub fn new(measure_char: F) -> Self {
        CachedMeasure {
            measure_char,
            sizes: Vec::new(),
        }
    }

    /// Distinct (character, font size) pairs measured so far.
    pub fn cached(&self) -> usize {
        let measured = |s: &SizeWidths| s.ascii.iter().filter(|w| !w.is_nan()).count();
        self.sizes.iter().map(|s| measured(s) + s.other.len()).sum()
    }

    /// Where the widths of `font_bits` are in `sizes`, added when new.
    fn size_index(&mut self, font_bits: u64) -> usize {
        if let Some(i) = self.sizes.iter().position(|s| s.font_bits == font_bits) {
            return i;
        }
        if self.sizes.len() >= MAX_SIZES {
            self.sizes.clear();
        }
        self.sizes.push(SizeWidths {
            font_bits,
            ascii: [f64::NAN; 128],
            other: Vec::new(),
        });
        self.sizes.len() - 1
    }
}

impl<F: FnMut(char, f64) -> f64> TextMeasure for CachedMeasure<F> {
    fn text_width(&mut self, text: &str, font_px: f64) -> f64 {
        if !font_px.is_finite() || font_px <= 0.0 {
            return 0.0;
        }
        let i = self.size_index(font_px.to_bits());
        let (s, measure_char) = (&mut self.sizes[i], &mut self.measure_char);
        let mut measure = |c: char| {
            let w = measure_char(c, font_px);
            if w.is_finite() && w >= 0.0 {
                w
            } else {
                0.55 * font_px
            }
        };
        let mut total = 0.0;
        for c in text.chars() {
            total += match s.ascii.get_mut(c as usize) {
                Some(slot) => {
                    if slot.is_nan() {
                        *slot = measure(c);
                    }
                    *slot
                }
                None => match s.other.iter().find(|(k, _)| *k == c) {
                    Some(&(_, w)) => w,
                    None => {
                        let w = measure(c);
                        s.other.push((c, w));
                        w
                    }
                },
            };
        }
        total
    }
}

/// Advance widths of Helvetica/Arial (and metric-compatible Liberation Sans) for ASCII 32..=126,
/// in thousandths of an em (from the Adobe Helvetica AFM, which Arial matches).
const ARIAL_ASCII: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
    278, 278, 584, 584, 584, 556, 1015, // :;<=>?@
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
    278, 278, 278, 469, 556, 333, // [\]^_`
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
    334, 260, 334, 584, // {|}~
];

/// Width of one character in Arial, in em; accented Latin letters take their base letter's
/// width, anything unknown 0.55 em.
pub fn arial_char_em(c: char) -> f64 {
    let code = c as u32;
    if (32..=126).contains(&code) {
        return ARIAL_ASCII[(code - 32) as usize] as f64 / 1000.0;
    }
    let base = match c {
        'à'..='å' | 'è'..='ë' | 'ò'..='ö' | 'ù'..='ü' | 'ñ' | 'ç' => 'a',
        'ì'..='ï' => 'i',
        'À'..='Å' | 'È'..='Ë' | 'Ò'..='Ö' | 'Ù'..='Ü' | 'Ç' => 'A',
        'Ì'..='Ï' => 'I',
        '’' | '‘' => '\'',
        '–' => '0',
        '±' | '×' => '+',
        _ => {
            return match c {
                '…' | '—' => 1.0,
                '\u{a0}' => 0.278,
                _ => 0.55,
            }
        }
    };
    ARIAL_ASCII[(base as u32 - 32) as usize] as f64 / 1000.0
}

/// The native, deterministic measure: Arial metrics, cached. Matches SVG export drawn in Arial or
/// Liberation Sans closely; other sans-serif fonts are within about 10 %.
pub fn arial_measure() -> CachedMeasure<impl FnMut(char, f64) -> f64> {
    CachedMeasure::new(|c, px| arial_char_em(c) * px)
}

/// Greedy word wrap to `max_w`; a single word wider than the line is cut with an ellipsis.
pub(crate) fn wrap(text: &str, max_w: f64, font: f64, m: &mut dyn TextMeasure) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let cand = if cur.is_empty() {
            word.to_string()
        } else {
            format!("{cur} {word}")
        };
        if m.text_width(&cand, font) <= max_w {
            cur = cand;
            continue;
        }
        if !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
        }
        if m.text_width(word, font) <= max_w {
            cur = word.to_string();
        } else {
            lines.push(ellipsize(word, max_w, font, m));
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// `text` cut so that it and a trailing ellipsis fit `max_w` (empty if not even "…" fits).
pub(crate) fn ellipsize(text: &str, max_w: f64, font: f64, m: &mut dyn TextMeasure) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    loop {
        let s: String = chars.iter().collect::<String>().trim_end().to_string() + "…";
        if m.text_width(&s, font) <= max_w {
            return s;
        }
        if chars.pop().is_none() {
            return String::new();
        }
    }
}

/// `text` with words dropped from the end until it and an ellipsis fit; a single word that
/// does not fit is cut.
pub(crate) fn ellipsize_words(
    text: &str,
    max_w: f64,
    font: f64,
    m: &mut dyn TextMeasure,
) -> String {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.len() > 1 {
        let s = words.join(" ") + "…";
        if m.text_width(&s, font) <= max_w {
            return s;
        }
        words.pop();
    }
    ellipsize(words.first().copied().unwrap_or(""), max_w, font, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caches_each_character_once() {
        let mut calls = 0usize;
        let mut m = CachedMeasure::new(|_, px| {
            calls += 1;
            px / 2.0
        });
        assert_eq!(m.text_width("abba", 10.0), 20.0);
        assert_eq!(m.text_width("ab", 10.0), 10.0);
        assert_eq!(m.text_width("a", 20.0), 10.0);
        assert_eq!(m.cached(), 3);
        drop(m);
        assert_eq!(calls, 3);
    }

    #[test]
    fn arial_widths() {
        let mut m = arial_measure();
        // "Hi": H 722 + i 222 = 944 thousandths; at 10 px: 9.44 px.
        assert!((m.text_width("Hi", 10.0) - 9.44).abs() < 1e-9);
        assert!((arial_char_em('é') - 0.556).abs() < 1e-9);
    }

    #[test]
    fn wrap_cuts_only_long_words() {
        let mut m = arial_measure();
        // "Bringing stakeholders" at 10 px: 'Bringing' is about 38 px, 'stakeholders' 58 px.
        let l = wrap("Bringing stakeholders together", 60.0, 10.0, &mut m);
        assert_eq!(l, vec!["Bringing", "stakeholders", "together"]);
        let l = wrap("stakeholders", 30.0, 10.0, &mut m);
        assert_eq!(l.len(), 1);
        assert!(l[0].ends_with('…'));
        assert!(m.text_width(&l[0], 10.0) <= 30.0);
    }
}
