//! Writes the quadrant chart of the report's Table 3 (all respondents, mean ± SD whiskers) as SVG
//! at the full scale, the report's zoom (Figure 5) and a deep zoom, in Dutch and English.
//!
//! `cargo run --example render_svg -- [out_dir]` (default `target/chart`).

#![allow(clippy::disallowed_methods)] // an example, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::Lang;
use spco_roles::chart::{arial_measure, render_svg, DrawOptions, QuadrantScene, ViewTransform};
use spco_roles::session::Session;

/// Table 3 through the product's own import, statistics and scene building.
fn scene(lang: Lang) -> Result<QuadrantScene, Box<dyn std::error::Error>> {
    let mut session = Session::new();
    session.load(
        include_bytes!("../data/table3-summary.csv"),
        "auto",
        "table3-summary.csv",
    )?;
    let mut settings = session.settings().clone();
    settings.lang = lang;
    session.set_settings(settings)?;
    Ok(session.scene())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/chart".to_string());
    // Arial metrics and the export font: the files match the CLI's SVGs.
    let (mut m, opts) = (arial_measure(), DrawOptions::svg());
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
        let s = scene(lang)?;
        for (name, view) in &views {
            for &(w, h, dpr) in &sizes {
                let svg = render_svg(&s, view, (w, h, dpr), &mut m, &opts)?;
                let tag = if lang == Lang::En { "en" } else { "nl" };
                let path = format!("{out}/quadrant_{name}_{tag}_{w}x{h}@{dpr}.svg");
                std::fs::write(&path, svg)?;
                println!("{path}");
            }
        }
    }
    // Interaction states: role 5 hovered, role 4 selected, role 13 from few answers.
    let mut s = scene(Lang::En)?;
    s.highlighted = Some(5);
    s.selected = Some(4);
    if let Some(p) = s.points.iter_mut().find(|p| p.role == 13) {
        p.small_n = true;
    }
    let path = format!("{out}/quadrant_report_en_hover.svg");
    std::fs::write(
        &path,
        render_svg(
            &s,
            &ViewTransform::report(),
            (800.0, 520.0, 1.0),
            &mut arial_measure(),
            &DrawOptions::svg(),
        )?,
    )?;
    println!("{path}");
    Ok(())
}
