//! Writes the spearhead-roles hierarchy (the report's Figure 3) coloured by Table 3 (all
//! respondents) as SVG: wide, tall and phone sizes at dpr 1 and 2, fitted and zoomed in, both
//! languages and both arrangements, plus a hover and a collapse example.
//!
//! `cargo run --example render_hierarchy -- [out_dir]` (default `target/hierarchy`).

#![allow(clippy::disallowed_methods)] // an example, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::Lang;
use spco_roles::chart::hierarchy::{
    render_hierarchy_svg, values_from_stats, Arrangement, ColorBy, HierView, HierarchyScene,
    NodeSet,
};
use spco_roles::chart::{arial_measure, DrawOptions};
use spco_roles::import::{import_str, ImportOptions};
use spco_roles::stats::{compute, Selection, StatsOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/hierarchy".to_string());
    // Arial metrics and the export font: the files match the CLI's SVGs.
    let (mut m, opts) = (arial_measure(), DrawOptions::svg());
    std::fs::create_dir_all(&out)?;
    let csv = include_str!("../data/table3-summary.csv");
    let imported = import_str(csv, &ImportOptions::default())?;
    let stats = compute(
        &imported.dataset,
        &Selection::default(),
        &StatsOptions::default(),
    )?;
    let sizes = [
        (1200.0, 700.0, 1.0),
        (1200.0, 700.0, 2.0),
        (700.0, 900.0, 1.0),
        (700.0, 900.0, 2.0),
        (420.0, 600.0, 1.0),
        (420.0, 600.0, 2.0),
    ];
    let zooms = [
        ("fit", HierView::fit()),
        ("zoom", HierView::new(2.5, 0.55, 0.7)?),
    ];
    for lang in [Lang::En, Lang::Nl] {
        let tag = if lang == Lang::En { "en" } else { "nl" };
        for (arr, an) in [
            (Arrangement::Spearheads, "sr"),
            (Arrangement::Categories, "cat"),
        ] {
            for (cb, cn) in [
                (ColorBy::Importance, "imp"),
                (ColorBy::Performance, "perf"),
                (ColorBy::Gap, "gap"),
            ] {
                let mut scene = HierarchyScene::new(lang);
                scene.arrangement = arr;
                scene.color_by = cb;
                scene.values = values_from_stats(&stats, cb);
                for &(w, h, dpr) in &sizes {
                    for (zn, view) in &zooms {
                        // Every combination in English; Dutch and the other colourings only fitted.
                        if (lang == Lang::Nl || cb != ColorBy::Importance) && *zn != "fit" {
                            continue;
                        }
                        let dims = (w, h, dpr);
                        let svg = render_hierarchy_svg(&scene, view, dims, &mut m, &opts)?;
                        let path = format!("{out}/hier_{an}_{cn}_{zn}_{tag}_{w}x{h}@{dpr}.svg");
                        std::fs::write(&path, svg)?;
                        println!("{path}");
                    }
                }
            }
        }
    }
    // Hover, selection and collapse.
    let mut scene = HierarchyScene::new(Lang::En);
    scene.values = values_from_stats(&stats, ColorBy::Importance);
    scene.highlighted = Some(102);
    scene.selected = Some(5);
    scene.collapsed = NodeSet::from([202]);
    for &(w, h, dpr) in &sizes {
        let svg = render_hierarchy_svg(
            &scene,
            &HierView::fit(),
            (w, h, dpr),
            &mut arial_measure(),
            &DrawOptions::svg(),
        )?;
        let path = format!("{out}/hier_interact_{w}x{h}@{dpr}.svg");
        std::fs::write(&path, svg)?;
        println!("{path}");
    }
    Ok(())
}
