//! Writes the quadrant chart of the report's Table 3 (all respondents, mean ± SD whiskers) as SVG
//! at the full scale, the report's zoom (Figure 5) and a deep zoom, in Dutch and English.
//!
//! `cargo run --example render_svg -- [out_dir]` (default `target/chart`).

use spco_roles::catalogue::{catalogue, Lang};
use spco_roles::chart::{render_svg, QuadrantPoint, QuadrantScene, ViewTransform};

/// Table 3 of the report: (role, importance mean, importance SD, performance mean, performance SD).
const TABLE3: [(u8, f64, f64, f64, f64); 14] = [
    (1, 7.37, 1.49, 3.39, 0.61),
    (2, 6.93, 2.05, 3.84, 0.81),
    (3, 6.70, 1.68, 3.42, 0.94),
    (4, 7.97, 0.91, 4.32, 0.69),
    (5, 7.63, 1.11, 3.52, 1.04),
    (6, 7.33, 1.40, 3.65, 0.78),
    (7, 6.80, 1.54, 3.06, 0.88),
    (8, 6.63, 1.66, 3.57, 0.80),
    (9, 6.57, 1.56, 3.42, 0.79),
    (10, 6.37, 2.15, 3.29, 0.89),
    (11, 4.90, 1.94, 3.03, 0.76),
    (12, 6.40, 2.22, 3.55, 0.84),
    (13, 5.50, 1.95, 3.17, 0.52),
    (14, 6.31, 1.88, 3.63, 0.75),
];

fn scene(lang: Lang) -> QuadrantScene {
    let cat = catalogue();
    let points = TABLE3
        .iter()
        .filter_map(|&(role, im, isd, pm, psd)| {
            let r = cat.role(role)?;
            Some(QuadrantPoint {
                role,
                importance: im,
                performance: pm,
                importance_err: Some((im - isd, im + isd)),
                performance_err: Some((pm - psd, pm + psd)),
                category: r.category,
                label: format!("{role}  {}", r.short(lang)),
                small_n: false,
            })
        })
        .collect();
    QuadrantScene {
        points,
        crosshair: (5.0, 3.0),
        lang,
        highlighted: None,
        selected: None,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/chart".to_string());
    std::fs::create_dir_all(&out)?;
    let deep = ViewTransform::report().zoom_at(72.0, 30.0, 3.0);
    let views = [
        ("full", ViewTransform::full()),
        ("report", ViewTransform::report()),
        ("deep", deep),
    ];
    let sizes = [
        (800.0, 520.0, 1.0),
        (360.0, 300.0, 2.0),
        (320.0, 240.0, 1.0),
    ];
    for lang in [Lang::En, Lang::Nl] {
        let s = scene(lang);
        for (name, view) in &views {
            for &(w, h, dpr) in &sizes {
                let svg = render_svg(&s, view, w, h, dpr)?;
                let tag = if lang == Lang::En { "en" } else { "nl" };
                let path = format!("{out}/quadrant_{name}_{tag}_{w}x{h}@{dpr}.svg");
                std::fs::write(&path, svg)?;
                println!("{path}");
            }
        }
    }
    // Interaction states: role 5 hovered, role 4 selected, role 13 from few answers.
    let mut s = scene(Lang::En);
    s.highlighted = Some(5);
    s.selected = Some(4);
    if let Some(p) = s.points.iter_mut().find(|p| p.role == 13) {
        p.small_n = true;
    }
    let path = format!("{out}/quadrant_report_en_hover.svg");
    std::fs::write(
        &path,
        render_svg(&s, &ViewTransform::report(), 800.0, 520.0, 1.0)?,
    )?;
    println!("{path}");
    Ok(())
}
