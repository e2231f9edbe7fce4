//! The element's settings, typed and parsed once where they enter (the wasm binding, the CLI):
//! nothing downstream compares option strings. Each setting is one element attribute, named by
//! `Attr`; the wrapper asks wasm for the list (`Attr::ALL`), so the names live only here.

use thiserror::Error;

use crate::catalogue::Lang;
use crate::chart::hierarchy::{Arrangement, ColorBy};
use crate::chart::{TextScale, ThemeKind, TEXT_SCALE_RANGE};
use crate::stats::{self, CompareError, Crosshair, SdKind, Selection};

/// Which chart the element shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// Importance against performance (the report's Figures 4-6).
    #[default]
    Quadrant,
    /// The spearhead-roles hierarchy (Figure 3).
    Hierarchy,
}

/// What the quadrant chart's whiskers show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorBars {
    #[default]
    Sd,
    Ci,
    None,
}

/// An element attribute that is a chart setting (`zoom` and `src` are not: they act, once).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attr {
    Lang,
    Group,
    Crosshair,
    CrosshairFollows,
    Errorbars,
    Sd,
    View,
    Hierarchy,
    ColorBy,
    TextScale,
    Compare,
    Theme,
}

impl Attr {
    pub const ALL: [Attr; 12] = [
        Attr::Lang,
        Attr::Group,
        Attr::Crosshair,
        Attr::CrosshairFollows,
        Attr::Errorbars,
        Attr::Sd,
        Attr::View,
        Attr::Hierarchy,
        Attr::ColorBy,
        Attr::TextScale,
        Attr::Compare,
        Attr::Theme,
    ];

    /// The attribute's name on the element (and the CLI flag without `--`).
    pub fn name(self) -> &'static str {
        match self {
            Attr::Lang => "lang",
            Attr::Group => "group",
            Attr::Crosshair => "crosshair",
            Attr::CrosshairFollows => "crosshair-follows",
            Attr::Errorbars => "errorbars",
            Attr::Sd => "sd",
            Attr::View => "view",
            Attr::Hierarchy => "hierarchy",
            Attr::ColorBy => "color-by",
            Attr::TextScale => "text-scale",
            Attr::Compare => "compare",
            Attr::Theme => "theme",
        }
    }

    pub fn from_name(name: &str) -> Option<Attr> {
        Attr::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The values it takes, for messages.
    fn expected(self) -> &'static str {
        match self {
            Attr::Lang => "nl or en",
            Attr::Group => "comma-separated group codes",
            Attr::Crosshair => "scale, mean, median or importance,performance (e.g. 7.2,3.5)",
            Attr::CrosshairFollows => "present or absent",
            Attr::Errorbars => "sd, ci or none",
            Attr::Sd => "population or sample",
            Attr::View => "quadrant or hierarchy",
            Attr::Hierarchy => "spearheads or categories",
            Attr::ColorBy => "gap, importance or performance",
            Attr::TextScale => "auto or a number from 0.5 to 4 (e.g. 1.5)",
            Attr::Compare => "two groups, e.g. sme,large",
            Attr::Theme => "light, dark, auto, contrast-light or contrast-dark",
        }
    }
}

/// A setting with a value it does not take.
#[derive(Clone, Debug, PartialEq, Error)]
#[error("{}", self.message())]
pub struct SettingsError {
    pub attr: Attr,
    pub value: String,
    /// The parser's own words, when it has them (`compare`).
    pub why: Option<CompareError>,
}

impl SettingsError {
    fn message(&self) -> String {
        // The start wasm's answer to `compare` (Settings::set) is MORE alone.
        if self.value == crate::import::MORE {
            return self.value.clone();
        }
        match &self.why {
            Some(e) => format!("{} \"{}\": {e}", self.attr.name(), self.value),
            None => format!(
                "unknown {} \"{}\": expected {}",
                self.attr.name(),
                self.value,
                self.attr.expected()
            ),
        }
    }
}

/// Everything the element's attributes set, typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub lang: Lang,
    /// Group codes; empty = everyone. Checked against the data when statistics are computed.
    pub groups: Vec<String>,
    pub crosshair: Crosshair,
    /// With `mean`/`median` crosshairs: follow the selection (true) or stay at the full sample.
    pub crosshair_follows: bool,
    pub errorbars: ErrorBars,
    pub sd: SdKind,
    pub view: View,
    pub arrangement: Arrangement,
    pub color_by: ColorBy,
    /// Size of type and marks (`auto`: larger when the element fills a presenter's screen).
    pub text_scale: TextScale,
    /// The two sides of a comparison (`sme,large`); `None` = no comparison. Checked against
    /// the data (names, overlap) when the statistics are computed.
    pub compare: Option<[Selection; 2]>,
    /// The canvas colours (the element resolves `auto` and forced colours first).
    pub theme: ThemeKind,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: Lang::En,
            groups: Vec::new(),
            crosshair: Crosshair::Scale,
            crosshair_follows: false,
            errorbars: ErrorBars::Sd,
            sd: SdKind::Population,
            view: View::Quadrant,
            arrangement: Arrangement::Spearheads,
            color_by: ColorBy::Gap,
            text_scale: TextScale::Auto,
            compare: None,
            theme: ThemeKind::Light,
        }
    }
}

impl Settings {
    /// Sets one attribute; `None` (absent) or an empty value restores its default, except for
    /// `crosshair-follows`, a boolean attribute that is on whenever it is present.
    #[expect(
        clippy::disallowed_methods,
        reason = "char pattern: a byte search, no &str searcher"
    )]
    pub fn set(&mut self, attr: Attr, value: Option<&str>) -> Result<(), SettingsError> {
        let text = value.map(str::trim).unwrap_or("");
        let lower = text.to_ascii_lowercase();
        let bad = || SettingsError {
            attr,
            value: value.unwrap_or("").to_string(),
            why: None,
        };
        let d = Settings::default();
        match attr {
            Attr::Lang => {
                self.lang = if text.is_empty() {
                    d.lang
                } else {
                    Lang::parse(text).ok_or_else(bad)?
                }
            }
            Attr::Group => {
                self.groups = text
                    .split(',')
                    .map(str::trim)
                    .filter(|g| !g.is_empty())
                    .map(String::from)
                    .collect()
            }
            Attr::Crosshair => {
                self.crosshair = if text.is_empty() {
                    d.crosshair
                } else {
                    Crosshair::parse(text).map_err(|_| bad())?
                }
            }
            Attr::CrosshairFollows => self.crosshair_follows = value.is_some(),
            Attr::Errorbars => {
                self.errorbars = match lower.as_str() {
                    "" | "sd" => ErrorBars::Sd,
                    "ci" => ErrorBars::Ci,
                    "none" => ErrorBars::None,
                    _ => return Err(bad()),
                }
            }
            Attr::Sd => {
                self.sd = if text.is_empty() {
                    d.sd
                } else {
                    SdKind::parse(text).map_err(|_| bad())?
                }
            }
            Attr::View => {
                self.view = match lower.as_str() {
                    "" | "quadrant" => View::Quadrant,
                    "hierarchy" => View::Hierarchy,
                    _ => return Err(bad()),
                }
            }
            Attr::Hierarchy => {
                self.arrangement = match lower.as_str() {
                    "" | "spearheads" => Arrangement::Spearheads,
                    "categories" => Arrangement::Categories,
                    _ => return Err(bad()),
                }
            }
            Attr::ColorBy => {
                self.color_by = match lower.as_str() {
                    "" | "gap" => ColorBy::Gap,
                    "importance" => ColorBy::Importance,
                    "performance" => ColorBy::Performance,
                    _ => return Err(bad()),
                }
            }
            Attr::TextScale => {
                let (lo, hi) = TEXT_SCALE_RANGE;
                self.text_scale = match lower.as_str() {
                    "" | "auto" => TextScale::Auto,
                    _ => match crate::lean::number::parse_f64(text.as_bytes(), b'.') {
                        Some(f) if (lo..=hi).contains(&f) => TextScale::Fixed(f),
                        _ => return Err(bad()),
                    },
                }
            }
            Attr::Compare => {
                self.compare = if text.is_empty() {
                    None
                } else if !cfg!(feature = "full") {
                    // The start wasm has no group comparison (Session::comparison): the element
                    // moves its chart to the on-demand module.
                    return Err(SettingsError {
                        attr,
                        value: crate::import::MORE.to_string(),
                        why: None,
                    });
                } else {
                    Some(stats::parse_sides(text).map_err(|e| SettingsError {
                        attr,
                        value: value.unwrap_or("").to_string(),
                        why: Some(e),
                    })?)
                }
            }
            Attr::Theme => {
                // `auto` reaching wasm (the CLI, or before the element resolves it) is light.
                self.theme = match lower.as_str() {
                    "" | "light" | "auto" => ThemeKind::Light,
                    "dark" => ThemeKind::Dark,
                    "contrast-light" => ThemeKind::ContrastLight,
                    "contrast-dark" => ThemeKind::ContrastDark,
                    _ => return Err(bad()),
                }
            }
        }
        Ok(())
    }
}
