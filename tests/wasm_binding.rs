//! The wasm binding itself, in headless Chromium through wasm-bindgen-test (`npm test` runs it with
//! `wasm-bindgen-test-runner` and Debian's chromedriver): the `Chart` handle imports, computes,
//! draws onto a real canvas, returns plain JS objects, and turns every bad input into a `JsError`
//! with a readable message, never a panic. Expected figures are the report's Table 3.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use spco_roles::wasm::{item_is_toggle, item_role, last_panic, role_item, Chart};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

wasm_bindgen_test_configure!(run_in_browser);

const TABLE3: &[u8] = include_bytes!("../data/table3-summary.csv");
const RECON: &[u8] = include_bytes!("../data/reconstructed-table3.csv");

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    doc.create_element("canvas").unwrap().dyn_into().unwrap()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, k| match k.parse::<u32>() {
            Ok(i) => Reflect::get_u32(&v, i).unwrap(),
            Err(_) => Reflect::get(&v, &JsValue::from_str(k)).unwrap(),
        })
}

fn message(e: JsValue) -> String {
    get(&e, "message").as_string().unwrap_or_default()
}

/// The settings object the element passes: attribute name -> value.
fn attrs(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v)).unwrap();
    }
    o.into()
}

fn chart(view: &str, data: &[u8], name: &str) -> Chart {
    chart_on(canvas(), view, data, name)
}

/// A chart of 800x500 CSS px at a pixel ratio of 2 on `canvas`, with `data` loaded.
fn chart_on(canvas: HtmlCanvasElement, view: &str, data: &[u8], name: &str) -> Chart {
    let mut c = Chart::new(canvas).map_err(JsValue::from).unwrap();
    c.set_settings(&attrs(&[("view", view)]))
        .map_err(JsValue::from)
        .unwrap();
    c.resize(800.0, 500.0, 2.0);
    c.load(data, "auto", name).map_err(JsValue::from).unwrap();
    c
}

#[wasm_bindgen_test]
fn table3_draws_and_its_statistics_come_back_as_plain_objects() {
    let mut c = chart("quadrant", TABLE3, "table3-summary.csv");
    // A quadrant frame wants no follow-up frame (no animation running).
    assert!(!c.draw(0.0).map_err(JsValue::from).unwrap());
    let stats = c.stats().map_err(JsValue::from).unwrap();
    let roles = get(&stats, "roles");
    assert_eq!(get(&roles, "length").as_f64(), Some(14.0));
    // Table 3, role 4: importance mean 7.97, performance mean 4.32 (array order is role order).
    assert_eq!(get(&roles, "3.role").as_f64(), Some(4.0));
    assert_eq!(get(&roles, "3.importance.mean").as_f64(), Some(7.97));
    assert_eq!(get(&roles, "3.performance.mean").as_f64(), Some(4.32));
    // Role 11 is the report's one "overkill" role (low importance, crosshair at the scale middle).
    assert_eq!(
        get(&roles, "10.quadrant").as_string().as_deref(),
        Some("overkill")
    );
    let layout = c.layout().map_err(JsValue::from).unwrap();
    assert_eq!(get(&layout, "points.length").as_f64(), Some(14.0));
    assert!(last_panic().is_none());
}

/// The pixels of a 2D canvas.
fn pixels(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (f64::from(c.width()), f64::from(c.height()));
    ctx.get_image_data(0.0, 0.0, w, h).unwrap().data().0
}

/// A frame drawn after others (the backend keeps the styles, font and dash it set from frame to
/// frame) has the pixels of the same view drawn by a
/// fresh chart, also after the page reset the canvas between frames, and with a role hovered
/// (dimmed, translucent marks) and one selected.
#[wasm_bindgen_test]
fn a_frame_after_others_has_the_pixels_of_a_fresh_one() {
    let views: [(&str, u32, u32); 4] = [
        ("5,8,3,4.5", 0, 0),
        ("full", 0, 0),
        ("2,9,1,5", 4, 0),
        ("6,8.5,3,4.4", 2, 7),
    ];
    let show = |c: &mut Chart, zoom: &str, hover: u32, selected: u32| {
        c.set_zoom(zoom).map_err(JsValue::from).unwrap();
        c.set_highlight(role_item(hover));
        c.set_selected(role_item(selected));
        c.draw(0.0).map_err(JsValue::from).unwrap();
    };
    let cv = canvas();
    let mut a = chart_on(cv.clone(), "quadrant", RECON, "r.csv");
    a.draw(0.0).map_err(JsValue::from).unwrap();
    for (i, (zoom, hover, selected)) in views.into_iter().enumerate() {
        if i == 2 {
            // What the page does when it resizes the canvas: the context starts afresh.
            cv.set_width(cv.width());
        }
        show(&mut a, zoom, hover, selected);
        let fresh = canvas();
        let mut b = chart_on(fresh.clone(), "quadrant", RECON, "r.csv");
        show(&mut b, zoom, hover, selected);
        let (pa, pb) = (pixels(&cv), pixels(&fresh));
        assert_eq!(pa.len(), 1600 * 1000 * 4);
        let differ = pa.iter().zip(&pb).filter(|(x, y)| x != y).count();
        assert_eq!(
            differ, 0,
            "{zoom}: {differ} bytes differ from a fresh chart's"
        );
    }
}

#[wasm_bindgen_test]
fn a_group_filter_recomputes_in_wasm_and_unknown_groups_are_errors() {
    let mut c = chart("quadrant", RECON, "reconstructed-table3.csv");
    let everyone = get(&c.stats().map_err(JsValue::from).unwrap(), "n_respondents");
    assert_eq!(everyone.as_f64(), Some(31.0));
    c.set_settings(&attrs(&[("lang", "en"), ("group", "sme")]))
        .map_err(JsValue::from)
        .unwrap();
    let sme = get(&c.stats().map_err(JsValue::from).unwrap(), "n_respondents");
    assert_eq!(sme.as_f64(), Some(5.0));
    let e = c
        .set_settings(&attrs(&[("group", "nope")]))
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(message(e).contains("nope"));
    // The failed call left the previous options in force.
    let still = get(&c.stats().map_err(JsValue::from).unwrap(), "n_respondents");
    assert_eq!(still.as_f64(), Some(5.0));
}

#[wasm_bindgen_test]
fn bad_input_is_a_readable_error_not_a_panic() {
    let mut c = Chart::new(canvas()).map_err(JsValue::from).unwrap();
    let e = c
        .load(
            b"respondent,group,role,importance,performance\nr1,sme,4,12,3\n",
            "auto",
            "bad.csv",
        )
        .map_err(JsValue::from)
        .unwrap_err();
    let m = message(e);
    assert!(m.contains("bad.csv") && m.contains("line 2"), "{m}");
    let e = c
        .load(&[0xff, 0xfe, 0x00], "json", "x.json")
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(message(e).contains("x.json"));
    let e = c.set_zoom("1,2,3").map_err(JsValue::from).unwrap_err();
    assert!(!message(e).is_empty());
    let e = c
        .set_settings(&attrs(&[("view", "quadrnt")]))
        .map_err(JsValue::from)
        .unwrap_err();
    assert_eq!(
        message(e),
        "unknown view \"quadrnt\": expected quadrant or hierarchy"
    );
    // Nothing loaded: drawing is an error or a blank frame, and the handle stays usable.
    let _ = c.draw(0.0);
    c.load(TABLE3, "auto", "table3-summary.csv")
        .map_err(JsValue::from)
        .unwrap();
    assert!(c.draw(0.0).is_ok());
    assert!(last_panic().is_none());
}

#[wasm_bindgen_test]
fn the_hierarchy_lays_out_every_node_and_zooms_to_a_clicked_one() {
    let mut c = chart("hierarchy", RECON, "reconstructed-table3.csv");
    c.draw(0.0).map_err(JsValue::from).unwrap();
    let layout = c.layout().map_err(JsValue::from).unwrap();
    // 14 roles, 10 spearhead roles, 2 kinds, the purpose and its 3 items.
    assert_eq!(get(&layout, "nodes.length").as_f64(), Some(30.0));
    let width_of = |l: &JsValue, id: f64| {
        let nodes: js_sys::Array = get(l, "nodes").dyn_into().unwrap();
        let n = nodes
            .iter()
            .find(|n| get(n, "id").as_f64() == Some(id))
            .unwrap();
        get(&n, "w").as_f64().unwrap()
    };
    let before = width_of(&layout, 102.0);
    // SR2 is node 102 (see chart::hierarchy::graph); it is not a role and not a button.
    assert_eq!(item_role(102), 0);
    assert!(!item_is_toggle(102));
    assert!(c.activate(102));
    // Run the transition to its end (it lasts 450 ms).
    let mut t = 0.0;
    while c.draw(t).map_err(JsValue::from).unwrap() && t < 5000.0 {
        t += 16.0;
    }
    let after = width_of(&c.layout().map_err(JsValue::from).unwrap(), 102.0);
    assert!(after > 1.5 * before, "SR2 {before} -> {after} px wide");
    assert!(c.escape());
}

#[wasm_bindgen_test]
fn item_numbers_are_explained_by_wasm() {
    // Roles are their own numbers in both charts; other numbers are not roles.
    assert_eq!(role_item(4), 4);
    assert_eq!(item_role(4), 4);
    assert_eq!(role_item(15), 0);
    assert_eq!(item_role(0), 0);
    let mut c = chart("hierarchy", RECON, "reconstructed-table3.csv");
    c.draw(0.0).map_err(JsValue::from).unwrap();
    // Tab order: every number it hands out is explained by item_role / item_is_toggle.
    let mut cur = 0;
    let mut roles = 0;
    for _ in 0..40 {
        cur = c.next_item(cur, 1);
        if cur == 0 {
            break;
        }
        assert!(!item_is_toggle(cur));
        roles += u32::from(item_role(cur) != 0);
    }
    assert_eq!(roles, 14, "all 14 roles are boxes of the diagram");
}
