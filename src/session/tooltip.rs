//! Tooltips: a role's full survey wording and figures, or a hierarchy node's sources and
//! roll-up, formatted for the reader's language. The words are in `crate::wording`.

use serde::Serialize;

use crate::catalogue::{catalogue, Category, Lang};
use crate::chart::hierarchy::{
    category_id, node_kind, node_label, rollup_method, spearhead_id, NodeId, NodeKind,
};
use crate::chart::{fmt_fixed, fmt_num};
use crate::stats::compare::{ScaleDiff, SideFigures};
use crate::stats::{Comparison, Stats};
use crate::wording;

/// A tooltip: title, the full role text, figure rows (label, value) and a note.
#[derive(Debug, Serialize)]
pub struct Tooltip {
    pub title: String,
    pub text: String,
    pub rows: Vec<(String, String)>,
    pub note: String,
}

/// The tooltip of a role: full text and figures, formatted for `lang`.
pub(super) fn role(role: u8, stats: &Stats, lang: Lang) -> Option<Tooltip> {
    let cat = catalogue();
    let r = stats.roles.iter().find(|r| r.role == role)?;
    let info = cat.role(r.role)?;
    let num = |v: f64| fmt_fixed(v, 2, lang);
    let mut rows: Vec<(String, String)> = Vec::new();
    for (name, d) in [
        (wording::IMPORTANCE.get(lang), &r.importance),
        (wording::PERFORMANCE.get(lang), &r.performance),
    ] {
        let Some(d) = d else { continue };
        let mut parts = vec![format!("{} {}", wording::MEAN_SHORT.get(lang), num(d.mean))];
        if let Some(m) = d.median {
            parts.push(format!(
                "{} {}",
                wording::MEDIAN_SHORT.get(lang),
                fmt_num(m, lang)
            ));
        }
        if let Some(sd) = d.sd {
            parts.push(format!("SD {}", num(sd)));
        }
        if let Some(n) = d.n {
            parts.push(format!("n = {n}"));
        }
        // No-break spaces inside each figure, so a narrow tooltip wraps only between figures.
        let parts: Vec<String> = parts
            .iter()
            .map(|p| crate::lean::substr::replace(p, " ", "\u{a0}"))
            .collect();
        rows.push((name.to_string(), parts.join(" · ")));
        if let Some([lo, hi]) = d.ci95 {
            rows.push((
                format!("  {}", wording::CI95.get(lang)),
                format!("{} – {}", num(lo), num(hi)),
            ));
        }
    }
    if let Some(q) = r.quadrant {
        let qi = cat.quadrants.iter().find(|x| x.code == q.code());
        if let Some(qi) = qi {
            rows.push((
                wording::QUADRANT.get(lang).into(),
                lang.pick(qi.nl, qi.en).to_string(),
            ));
        }
    }
    if let Some(g) = r.gap {
        rows.push((
            wording::GAP.get(lang).into(),
            format!("{}{}", if g > 0.0 { "+" } else { "" }, num(g)),
        ));
    }
    let category = cat.category(info.category);
    rows.push((
        wording::CATEGORY.get(lang).into(),
        lang.pick(category.nl, category.en).to_string(),
    ));
    let mut notes = Vec::new();
    if r.small_n {
        notes.push(wording::NOTE_SMALL_N.get(lang));
    }
    if r.ci_crosses_crosshair {
        notes.push(wording::NOTE_CI_CROSSES.get(lang));
    }
    Some(Tooltip {
        title: format!("{} · {}", r.role, info.short(lang)),
        text: info.text(lang).to_string(),
        rows,
        note: notes.join(" "),
    })
}

/// The tooltip of a role in a comparison: each group's mean and n, B − A with its 95% interval
/// per scale (or why there is none), the quadrants, and whether any difference is clear.
pub(super) fn role_compare(role: u8, cmp: &Comparison, lang: Lang) -> Option<Tooltip> {
    let cat = catalogue();
    let r = cmp.roles.iter().find(|r| r.role == role)?;
    let info = cat.role(role)?;
    let names = [
        super::quadrant::side_name(&cmp.a, lang),
        super::quadrant::side_name(&cmp.b, lang),
    ];
    let num = |v: f64| fmt_fixed(v, 2, lang);
    let side = |name: &str, f: &Option<SideFigures>| match f {
        Some(f) => {
            let n =
                f.n.map(|n| format!(" (n\u{a0}=\u{a0}{n})"))
                    .unwrap_or_default();
            format!("{name}\u{a0}{}{n}", num(f.mean))
        }
        None => format!("{name}\u{a0}–"),
    };
    let mut rows = Vec::new();
    for (scale, d) in [
        (wording::IMPORTANCE.get(lang), &r.importance),
        (wording::PERFORMANCE.get(lang), &r.performance),
    ] {
        let d: &ScaleDiff = d;
        rows.push((
            scale.to_string(),
            format!("{} → {}", side(&names[0], &d.a), side(&names[1], &d.b)),
        ));
        let signed = |v: f64| format!("{}{}", if v > 0.0 { "+" } else { "" }, num(v));
        let mut diff = d.diff.map(signed).unwrap_or_else(|| "–".into());
        if let Some([lo, hi]) = d.ci95 {
            diff.push_str(&format!(" [{} – {}]", num(lo), num(hi)));
        }
        if let Some(why) = d.reason {
            diff.push_str(" (");
            diff.push_str(&wording::compare_reason(lang, why, [&names[0], &names[1]]));
            diff.push(')');
        }
        rows.push((format!("  {}", wording::DIFF_CI.get(lang)), diff));
    }
    let quadrant = |q: Option<crate::stats::Quadrant>| {
        q.and_then(|q| cat.quadrants.iter().find(|x| x.code == q.code()))
            .map_or("–", |qi| lang.pick(qi.nl, qi.en))
    };
    rows.push((
        wording::QUADRANT.get(lang).into(),
        format!("{} → {}", quadrant(r.quadrant_a), quadrant(r.quadrant_b)),
    ));
    let note = if r.clear {
        wording::NOTE_CLEAR
    } else {
        wording::NOTE_UNCLEAR
    };
    Some(Tooltip {
        title: format!("{} · {}", role, info.short(lang)),
        text: info.text(lang).to_string(),
        rows,
        note: note.get(lang).into(),
    })
}

/// The roll-up row of hierarchy node `id`: a spearhead's or a category's, from the statistics
/// or from a comparison. Both key their rows the same way, by `(spearhead number, category)`.
fn rollup_row<'a, R>(
    id: NodeId,
    spearheads: &'a [R],
    categories: &'a [R],
    key: impl Fn(&R) -> (Option<u8>, Option<Category>),
) -> Option<&'a R> {
    match node_kind(id)? {
        NodeKind::Spearhead => spearheads
            .iter()
            .find(|r| key(r).0.map(spearhead_id) == Some(id)),
        NodeKind::Category => categories
            .iter()
            .find(|r| key(r).1.map(category_id) == Some(id)),
        _ => None,
    }
}

/// Tooltip of a roll-up node in a comparison: the node's own text, then per scale each side's
/// roll-up mean and B − A, and why there is no interval.
pub(super) fn node_compare(id: NodeId, cmp: &Comparison, lang: Lang) -> Option<Tooltip> {
    let mut tip = node(id, None, lang)?;
    let rollup = rollup_row(id, &cmp.spearheads, &cmp.categories, |r| (r.id, r.code));
    let Some(r) = rollup else { return Some(tip) };
    let names = [
        super::quadrant::side_name(&cmp.a, lang),
        super::quadrant::side_name(&cmp.b, lang),
    ];
    let num = |v: Option<f64>| v.map_or_else(|| "–".into(), |v| fmt_fixed(v, 2, lang));
    for (scale, d) in [
        (wording::IMPORTANCE.get(lang), &r.importance),
        (wording::PERFORMANCE.get(lang), &r.performance),
    ] {
        let mut both = names[0].clone();
        for (i, part) in [num(d.a.mean), " → ".into(), names[1].clone(), num(d.b.mean)]
            .iter()
            .enumerate()
        {
            if i != 1 && i != 2 {
                both.push('\u{a0}');
            }
            both.push_str(part);
        }
        tip.rows.push((scale.to_string(), both));
        let mut diff = if d.diff.is_some_and(|v| v > 0.0) {
            "+".to_string()
        } else {
            String::new()
        };
        diff.push_str(&num(d.diff));
        diff.push_str(" (");
        diff.push_str(&wording::compare_reason(
            lang,
            d.reason,
            [&names[0], &names[1]],
        ));
        diff.push(')');
        tip.rows
            .push((format!("  {}", wording::DIFF_CI.get(lang)), diff));
    }
    tip.note = format!("{} {}", tip.note, wording::NOTE_ROLLUP_UNCLEAR.get(lang))
        .trim()
        .to_string();
    Some(tip)
}

/// Tooltip of a hierarchy node that is not a role (roles share the quadrant's tooltip).
pub(super) fn node(id: NodeId, stats: Option<&Stats>, lang: Lang) -> Option<Tooltip> {
    let kind = node_kind(id)?;
    let cat = catalogue();
    let num = |v: f64| fmt_fixed(v, 2, lang);
    let mut rows = Vec::new();
    let mut text = String::new();
    let rollup =
        stats.and_then(|s| rollup_row(id, &s.spearheads, &s.categories, |r| (r.id, r.code)));
    match kind {
        NodeKind::Spearhead => {
            if let Some(sr) = cat.spearheads.iter().find(|s| spearhead_id(s.id) == id) {
                let list =
                    |ids: &[u8]| ids.iter().map(u8::to_string).collect::<Vec<_>>().join(", ");
                text = if sr.secondary.is_empty() {
                    format!("{}: {}", wording::FROM_ROLE.get(lang), list(sr.primary))
                } else {
                    format!(
                        "{}: {}; {}: {}",
                        wording::MAIN_ROLE.get(lang),
                        list(sr.primary),
                        wording::ALSO.get(lang),
                        list(sr.secondary)
                    )
                };
            }
        }
        NodeKind::Category => {
            if let Some(c) = cat.categories.iter().find(|c| category_id(c.code) == id) {
                text = lang.pick(c.nl, c.en).to_string();
            }
        }
        NodeKind::Purpose => {
            text = cat
                .higher_purpose_requirements
                .iter()
                .map(|r| lang.pick(r.nl, r.en))
                .collect::<Vec<_>>()
                .join(" · ");
        }
        _ => {}
    }
    if let Some(r) = rollup {
        if let Some(m) = r.importance.mean {
            rows.push((wording::IMPORTANCE.get(lang).to_string(), num(m)));
        }
        if let Some(m) = r.performance.mean {
            rows.push((wording::PERFORMANCE.get(lang).to_string(), num(m)));
        }
        if let Some(g) = r.gap {
            let sign = if g > 0.0 { "+" } else { "" };
            rows.push((
                wording::GAP.get(lang).to_string(),
                format!("{sign}{}", num(g)),
            ));
        }
    }
    let note = rollup_method(id, lang)
        .map(|m| format!("{}: {m}.", wording::ROLLED_UP_AS.get(lang)))
        .unwrap_or_default();
    Some(Tooltip {
        title: node_label(id, lang),
        text,
        rows,
        note,
    })
}
