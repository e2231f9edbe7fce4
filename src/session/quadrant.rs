//! The quadrant chart's part of a session: its view, its last layout, and what is asked of it
//! (scene, hit tests, reading order, geometry, the screen-reader sentence, drawing).

use super::css::{ArrowCss, LabelCss, LayoutCss, PointCss, RectCss, ViewCss};
use super::{layout_error, ErrorBars, Item, SceneInput, SessionError, Size, Zoom};
use crate::catalogue::{catalogue, Lang};
use crate::chart::{
    self, hit_test, layout_quadrant, CompareArrow, CompareScene, QuadrantLayout, QuadrantPoint,
    QuadrantScene, TextMeasure, ViewTransform,
};
use crate::stats::compare::{Side, SideFigures};
use crate::stats::{Comparison, Describe};
use crate::wording;

#[derive(Clone, Debug)]
pub(super) struct QuadrantState {
    pub view: ViewTransform,
    pub layout: Option<QuadrantLayout>,
    /// After a zoom at the pointer: the data point that was under it and the device pixel it must
    /// stay at. The next layout can move the plot's edge (wider or narrower tick labels), which
    /// would slide the point away from the pointer; the layout then shifts the view back.
    anchor: Option<((f64, f64), (f64, f64))>,
}

impl Default for QuadrantState {
    fn default() -> Self {
        QuadrantState {
            view: ViewTransform::full(),
            layout: None,
            anchor: None,
        }
    }
}

/// A point's label, "7  Short name": written out rather than with `format!`, which a zoom step
/// paid ~1 us a label for (two scenes a frame: the layout's and the drawing's).
fn point_label(role: u8, name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 5);
    if role >= 100 {
        s.push(char::from(b'0' + role / 100));
    }
    if role >= 10 {
        s.push(char::from(b'0' + role / 10 % 10));
    }
    s.push(char::from(b'0' + role % 10));
    s.push_str("  ");
    s.push_str(name);
    s
}

/// The chart's content in data units, from the statistics and settings.
pub(super) fn scene(input: &SceneInput) -> QuadrantScene {
    let cat = catalogue();
    let lang = input.settings.lang;
    let mut points = Vec::new();
    let mut crosshair = (5.0, 3.0);
    if let Some(cmp) = input.comparison() {
        return compare_scene(input, cmp);
    }
    if let Some(stats) = input.stats {
        crosshair = (stats.crosshair.importance, stats.crosshair.performance);
        for r in &stats.roles {
            let (Some(imp), Some(perf)) = (&r.importance, &r.performance) else {
                continue;
            };
            let Some(role) = cat.role(r.role) else {
                continue;
            };
            let whisker = |d: &Describe| match input.settings.errorbars {
                ErrorBars::Sd => d.sd.map(|sd| (d.mean - sd, d.mean + sd)),
                ErrorBars::Ci => d.ci95.map(|[lo, hi]| (lo, hi)),
                ErrorBars::None => None,
            };
            points.push(QuadrantPoint {
                role: r.role,
                importance: imp.mean,
                performance: perf.mean,
                importance_err: whisker(imp),
                performance_err: whisker(perf),
                category: role.category,
                label: point_label(r.role, role.short(lang)),
                small_n: r.small_n,
            });
        }
    }
    QuadrantScene {
        points,
        crosshair,
        lang,
        highlighted: input.highlighted.and_then(Item::role),
        selected: input.selected.and_then(Item::role),
        compare: None,
    }
}

/// With a comparison: B's points (A's where B has none, hollow), A -> B arrows, no whiskers
/// (two sets of them would hide the arrows; the tooltip gives the intervals).
fn compare_scene(input: &SceneInput, cmp: &Comparison) -> QuadrantScene {
    let cat = catalogue();
    let lang = input.settings.lang;
    let mut points = Vec::new();
    let mut arrows = Vec::new();
    let mut quadrant_changes = Vec::new();
    let at = |i: &Option<SideFigures>, p: &Option<SideFigures>| {
        Some((i.as_ref()?.mean, p.as_ref()?.mean))
    };
    for r in &cmp.roles {
        let Some(role) = cat.role(r.role) else {
            continue;
        };
        let a = at(&r.importance.a, &r.performance.a);
        let b = at(&r.importance.b, &r.performance.b);
        let Some((importance, performance)) = b.or(a) else {
            continue;
        };
        if let (Some(from), Some(to)) = (a, b) {
            arrows.push(CompareArrow {
                role: r.role,
                from,
                to,
                clear: r.clear,
            });
        }
        if r.quadrant_changes == Some(true) {
            quadrant_changes.push(r.role);
        }
        points.push(QuadrantPoint {
            role: r.role,
            importance,
            performance,
            importance_err: None,
            performance_err: None,
            category: role.category,
            label: point_label(r.role, role.short(lang)),
            // Only one group has answers: drawn hollow, the tooltip says why.
            small_n: b.is_none() || a.is_none(),
        });
    }
    QuadrantScene {
        points,
        crosshair: (cmp.crosshair.importance, cmp.crosshair.performance),
        lang,
        highlighted: input.highlighted.and_then(Item::role),
        selected: input.selected.and_then(Item::role),
        compare: Some(CompareScene {
            names: [side_name(&cmp.a, lang), side_name(&cmp.b, lang)],
            arrows,
            quadrant_changes,
        }),
    }
}

/// A side as the legend, tooltips and summary name it: its groups' labels (or SPCOs) in `lang`.
pub(super) fn side_name(side: &Side, lang: Lang) -> String {
    lang.pick(&side.names[0], &side.names[1]).to_string()
}

impl QuadrantState {
    pub fn set_zoom(
        &mut self,
        zoom: Zoom,
        text: &str,
        input: &SceneInput,
    ) -> Result<(), SessionError> {
        let plot = self.view.plot_rect();
        let view = match zoom {
            Zoom::Full => ViewTransform::full(),
            Zoom::Report => ViewTransform::report(),
            Zoom::Fit => ViewTransform::fit(scene(input).points.iter()),
            Zoom::Ranges(x0, x1, y0, y1) => ViewTransform::new((x0, x1), (y0, y1), plot)
                .map_err(|e| SessionError::Zoom(format!("{text}: {e}")))?,
        };
        self.view = view.with_plot_rect(plot).unwrap_or(view);
        Ok(())
    }

    /// Lays the chart out for `size` (the session decides when).
    pub fn lay_out(
        &mut self,
        input: &SceneInput,
        size: Size,
        measure: &mut dyn TextMeasure,
    ) -> Result<(), SessionError> {
        let scene = scene(input);
        let mut layout = layout_quadrant(&scene, &self.view, size.px(), size.ink_dpr(), measure)
            .map_err(layout_error)?;
        if let Some((data, (px, py))) = self.anchor.take() {
            let (nx, ny) = layout.transform.to_px(data.0, data.1);
            if (nx - px).abs() > 0.25 || (ny - py).abs() > 0.25 {
                // One more layout at the shifted view; its tick labels are those of this one, so
                // the plot keeps its edge.
                let shifted = layout.transform.pan_px(px - nx, py - ny);
                layout = layout_quadrant(&scene, &shifted, size.px(), size.ink_dpr(), measure)
                    .map_err(layout_error)?;
            }
        }
        self.view = layout.transform;
        self.layout = Some(layout);
        Ok(())
    }

    /// Zooms by `factor` at device pixel (x, y), keeping the data point there under it.
    pub fn zoom_at(&mut self, x: f64, y: f64, factor: f64) {
        let data = self.view.to_data(x, y);
        self.view = self.view.zoom_at(x, y, factor);
        if data.0.is_finite() && data.1.is_finite() {
            self.anchor = Some((data, (x, y)));
        }
    }

    pub fn hit(&self, px: f64, py: f64) -> Option<Item> {
        hit_test(self.layout.as_ref()?, px, py).map(Item::Role)
    }

    /// Visible roles in role order (the order of the survey and of the report's tables).
    pub fn order(&self) -> Vec<Item> {
        let Some(layout) = &self.layout else {
            return Vec::new();
        };
        let mut roles: Vec<u8> = layout.points.iter().map(|p| p.role).collect();
        crate::lean::small_sort::sort(&mut roles);
        roles.into_iter().map(Item::Role).collect()
    }

    /// A role's marker in device px, if visible.
    pub fn position(&self, item: Item) -> Option<(f64, f64)> {
        let role = item.role()?;
        let p = self
            .layout
            .as_ref()?
            .points
            .iter()
            .find(|p| p.role == role)?;
        Some((p.x, p.y))
    }

    pub fn layout_css(&self, size: Size) -> Option<LayoutCss> {
        let layout = self.layout.as_ref()?;
        let d = size.dpr;
        let (x0, x1) = layout.transform.x_range();
        let (y0, y1) = layout.transform.y_range();
        Some(LayoutCss {
            width_css: size.width_css,
            height_css: size.height_css,
            dpr: d,
            plot: RectCss::from_px(&layout.transform.plot_rect(), d),
            view: ViewCss { x0, x1, y0, y1 },
            points: layout
                .points
                .iter()
                .map(|p| PointCss {
                    role: p.role,
                    x: p.x / d,
                    y: p.y / d,
                })
                .collect(),
            labels: layout
                .labels
                .iter()
                .map(|l| {
                    let r = RectCss::from_px(&l.rect, d);
                    LabelCss {
                        role: l.role,
                        x: r.x,
                        y: r.y,
                        w: r.w,
                        h: r.h,
                        number_only: l.number_only,
                        leader: l.leader.is_some(),
                    }
                })
                .collect(),
            arrows: layout
                .arrows
                .iter()
                .map(|a| ArrowCss {
                    role: a.role,
                    x0: a.from.0 / d,
                    y0: a.from.1 / d,
                    x1: a.to.0 / d,
                    y1: a.to.1 / d,
                    clear: a.clear,
                    better: a.better,
                    segment: a.segment.map(|(p, q)| [p.0 / d, p.1 / d, q.0 / d, q.1 / d]),
                })
                .collect(),
            nodes: Vec::new(),
            edges: Vec::new(),
            breadcrumb: Vec::new(),
            highlighted: None,
            selected: None,
        })
    }

    pub fn summary_text(&self, input: &SceneInput) -> String {
        let visible = self.layout.as_ref().map_or(0, |l| l.points.len());
        let n = input.stats.and_then(|s| s.n_respondents);
        wording::quadrant_summary(
            input.settings.lang,
            self.view.x_range(),
            self.view.y_range(),
            visible,
            n,
        )
    }

    pub fn draw<DB: crate::chart::Backend>(
        &self,
        backend: &mut DB,
        input: &SceneInput,
    ) -> Result<(), SessionError> {
        let layout = self.layout.as_ref().ok_or(SessionError::TooSmall)?;
        chart::draw_quadrant(
            backend,
            &scene(input),
            layout,
            &chart::DrawOptions::canvas().themed(input.settings.theme),
        )
        .map_err(|e| SessionError::Draw(e.to_string()))
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std's formatting is the reference
mod tests {
    #[test]
    fn point_label_writes_the_number_as_format_does() {
        for role in [0u8, 1, 9, 10, 14, 99, 100, 255] {
            assert_eq!(super::point_label(role, "Name"), format!("{role}  Name"));
        }
    }
}
