//! How much of a label a box holds: the whole label wrapped, else cut at a word with an
//! ellipsis, else the short form ("SR2"), else nothing; then the lines centred in the box.

use crate::chart::text::{ellipsize, ellipsize_words, wrap};
use crate::chart::{HAlign, Rect, TextBox, TextMeasure};

use super::{LabelForm, Plan};

/// Bold text is measured this much wider than regular (Arial Bold vs Arial, with room).
pub(super) const BOLD: f64 = 1.1;

/// A font size and its line height, in device px.
#[derive(Clone, Copy)]
pub(super) struct Type {
    pub px: f64,
    pub line_h: f64,
}

impl Type {
    /// The body font of the theme.
    pub(super) fn body(plan: &Plan) -> Type {
        Type::at(plan, plan.m.theme.font)
    }

    /// Type of `css` CSS px at the plan's pixel ratio.
    pub(super) fn at(plan: &Plan, css: f64) -> Type {
        let px = plan.px(css);
        Type {
            px,
            line_h: px * plan.m.theme.line,
        }
    }
}

/// A label as fitted: how much shows, and its lines.
pub(super) struct Fitted {
    pub form: LabelForm,
    pub lines: Vec<String>,
}

/// The most of `label` that fits a box of inner size `w` x `h` (device px): the whole label
/// wrapped; else, when at least a word beyond the number shows, the wrapped label cut with an
/// ellipsis; else the short form on one line; else nothing.
#[expect(clippy::disallowed_methods, reason = "char patterns: no &str searcher")]
pub(super) fn fit_label(
    label: &str,
    short: &str,
    prefix_len: usize,
    w: f64,
    h: f64,
    ty: Type,
    m: &mut dyn TextMeasure,
) -> Fitted {
    let (font, line_h) = (ty.px, ty.line_h);
    let none = Fitted {
        form: LabelForm::None,
        lines: Vec::new(),
    };
    if w <= 0.0 || h < line_h {
        return none;
    }
    let max_lines = ((h / line_h).floor() as usize).max(1);
    let lines = wrap(label, w, font, m);
    // A word cut by `wrap` ends the usable text: better "6 · Knowledge…" than a broken word.
    let cut = lines
        .iter()
        .position(|l| l.ends_with('…') && !crate::lean::substr::contains(label, "…"))
        .unwrap_or(lines.len());
    if !lines.is_empty() && cut == lines.len() && lines.len() <= max_lines {
        return Fitted {
            form: LabelForm::Full,
            lines,
        };
    }
    let mut kept: Vec<String> = lines.into_iter().take(cut.min(max_lines)).collect();
    // The ellipsis goes after the last whole word that leaves room for it; a line that cannot
    // hold even its first word and the ellipsis is dropped rather than cut mid-word.
    while let Some(last) = kept.pop() {
        let e = ellipsize_words(&last, w, font, m);
        let whole = e.trim_end_matches('…').split_whitespace().count();
        if whole > 0
            && last
                .split_whitespace()
                .take(whole)
                .collect::<Vec<_>>()
                .join(" ")
                == e.trim_end_matches('…').trim_end()
        {
            kept.push(e);
            break;
        }
    }
    let shown: usize = kept
        .iter()
        .map(|l| l.trim_end_matches('…').chars().count())
        .sum::<usize>()
        + kept.len().saturating_sub(1);
    if !kept.is_empty() && shown >= prefix_len + 6 {
        return Fitted {
            form: LabelForm::Truncated,
            lines: kept,
        };
    }
    if let Some(lines) = initial(label, short, prefix_len, w, max_lines, font, m) {
        return Fitted {
            form: LabelForm::Initial,
            lines,
        };
    }
    if !short.is_empty() && m.text_width(short, font) <= w {
        return Fitted {
            form: LabelForm::Short,
            lines: vec![short.to_string()],
        };
    }
    // A node whose first word (or short form: "Framework") does not fit: its first letters
    // rather than an empty box.
    {
        let cut = ellipsize(if short.is_empty() { label } else { short }, w, font, m);
        if cut.chars().count() >= 3 && m.text_width(&cut, font) <= w {
            return Fitted {
                form: LabelForm::Letters,
                lines: vec![cut],
            };
        }
    }
    none
}

/// A label whose short form is a bare number, as its number and the first three or more
/// letters of its name: on one line ("7 · Lin…") or, in a narrow box of two lines or more, the
/// number over the letters. None for other labels, or when not three letters fit.
#[expect(clippy::disallowed_methods, reason = "char patterns: no &str searcher")]
fn initial(
    label: &str,
    short: &str,
    prefix_len: usize,
    w: f64,
    max_lines: usize,
    font: f64,
    m: &mut dyn TextMeasure,
) -> Option<Vec<String>> {
    if short.is_empty() || !short.chars().all(|c| c.is_ascii_digit()) || prefix_len == 0 {
        return None;
    }
    let letters = |s: &str| s.trim_end_matches('…').chars().count();
    let one = ellipsize(label, w, font, m);
    if letters(&one) >= prefix_len + 3 {
        return Some(vec![one]);
    }
    let (head, name): (String, String) = {
        let mut c = label.chars();
        let head: String = c.by_ref().take(prefix_len).collect();
        (head.trim_end().to_string(), c.collect())
    };
    if max_lines < 2 || m.text_width(&head, font) > w {
        return None;
    }
    let cut = ellipsize(&name, w, font, m);
    (letters(&cut) >= 3).then(|| vec![head, cut])
}

/// Lines centred in `inner`, as text boxes.
pub(super) fn place_lines(
    lines: &[String],
    inner: &Rect,
    ty: Type,
    m: &mut dyn TextMeasure,
    bold: bool,
) -> Vec<TextBox> {
    let (font, line_h) = (ty.px, ty.line_h);
    let total = line_h * lines.len() as f64;
    let (cx, cy) = inner.center();
    let top = cy - total / 2.0;
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let w = m.text_width(l, font) * if bold { BOLD } else { 1.0 };
            let y0 = top + i as f64 * line_h;
            TextBox {
                text: l.clone(),
                rect: Rect::new(cx - w / 2.0, y0, cx + w / 2.0, y0 + line_h),
                font_px: font,
                align: HAlign::Center,
            }
        })
        .collect()
}

/// A measure that reports bold text wider.
pub(super) struct Scaled<'a> {
    pub m: &'a mut dyn TextMeasure,
    pub k: f64,
}

impl TextMeasure for Scaled<'_> {
    fn text_width(&mut self, text: &str, font_px: f64) -> f64 {
        self.m.text_width(text, font_px) * self.k
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::arial_measure;

    #[test]
    fn labels_shorten_at_word_boundaries() {
        let mut m = arial_measure();
        let ty = Type {
            px: 12.0,
            line_h: 15.0,
        };
        let fit = |w: f64, m: &mut dyn TextMeasure| {
            let f = fit_label("SR1 · Shaping a roadmap", "SR1", 6, w, 40.0, ty, m);
            (f.form, f.lines)
        };
        // At 12 px: "SR1 ·" is about 30 px, "Shaping" 43 px, "Shaping…" 55 px, "Shaping a"
        // 53 px, "roadmap" 46 px. Two lines fit in 40 px (line height 15).
        assert_eq!(
            fit(60.0, &mut m),
            (
                LabelForm::Truncated,
                vec!["SR1 ·".to_string(), "Shaping…".to_string()]
            )
        );
        // 50 px holds "Shaping" but not "Shaping…": the short form, never "Shapin…".
        assert_eq!(
            fit(50.0, &mut m),
            (LabelForm::Short, vec!["SR1".to_string()])
        );
        assert_eq!(fit(20.0, &mut m).0, LabelForm::None);
        let f = fit_label("SR1 · Shaping a roadmap", "SR1", 6, 200.0, 40.0, ty, &mut m);
        assert_eq!((f.form, f.lines.len()), (LabelForm::Full, 1));
    }
}
