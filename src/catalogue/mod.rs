//! The study's catalogue: the 14 roles, their categories, the ten spearhead roles, the higher
//! purpose, the respondent groups, the SPCOs and the quadrant names, in Dutch and English.
//!
//! Kept once, as `catalogue.json` compiled into the crate; the JS wrapper asks wasm for it rather
//! than repeating any of it.

use serde::Serialize;

use crate::model::Group;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Strategic,
    Operational,
    AllRound,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::Strategic,
        Category::Operational,
        Category::AllRound,
    ];

    pub const fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Stable,
    Down,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Framework,
    Action,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-be" | "nl-nl" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the text in this language.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Role {
    pub id: u8,
    pub category: Category,
    pub trend: Trend,
    pub nl: &'static str,
    pub en: &'static str,
    pub short_nl: &'static str,
    pub short_en: &'static str,
}

impl Role {
    pub fn text(&self, lang: Lang) -> &'static str {
        lang.pick(self.nl, self.en)
    }
    pub fn short(&self, lang: Lang) -> &'static str {
        lang.pick(self.short_nl, self.short_en)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CategoryInfo {
    pub code: Category,
    pub letter: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    pub short_nl: &'static str,
    pub short_en: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct KindInfo {
    pub code: Kind,
    pub nl: &'static str,
    pub en: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Spearhead {
    pub id: u8,
    pub kind: Kind,
    pub nl: &'static str,
    pub en: &'static str,
    /// Main source roles.
    pub primary: &'static [u8],
    /// Roles that also feed this spearhead role.
    pub secondary: &'static [u8],
}

#[derive(Clone, Debug, Serialize)]
pub struct PurposeItem {
    pub nl: &'static str,
    pub en: &'static str,
    /// The role folded into the higher purpose (role 1), if any.
    pub role: Option<u8>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Text2 {
    pub nl: &'static str,
    pub en: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct GroupInfo {
    pub code: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    /// Participants in the report's focus group.
    pub focus_group: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct Spco {
    pub code: &'static str,
    pub name: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct QuadrantInfo {
    pub code: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    pub short_nl: &'static str,
    pub short_en: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Catalogue {
    pub roles: &'static [Role],
    pub categories: &'static [CategoryInfo],
    pub kinds: &'static [KindInfo],
    pub spearheads: &'static [Spearhead],
    pub higher_purpose: &'static [PurposeItem],
    pub higher_purpose_requirements: &'static [Text2],
    pub groups: &'static [GroupInfo],
    pub spcos: &'static [Spco],
    pub quadrants: &'static [QuadrantInfo],
}

include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));

/// The compiled-in catalogue (generated from `catalogue.json` by `build.rs`).
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

impl Catalogue {
    /// The role with number `id` (1-based).
    pub fn role(&self, id: u8) -> Option<&Role> {
        self.roles.get((id as usize).checked_sub(1)?)
    }

    pub fn category(&self, c: Category) -> &CategoryInfo {
        &self.categories[c.index()]
    }

    /// Finds a catalogue group by code, Dutch or English label (case- and accent-insensitive
    /// on ASCII, surrounding space ignored).
    pub fn find_group(&self, text: &str) -> Option<&GroupInfo> {
        let t = text.trim();
        self.groups.iter().find(|g| {
            g.code.eq_ignore_ascii_case(t)
                || g.nl.eq_ignore_ascii_case(t)
                || g.en.eq_ignore_ascii_case(t)
        })
    }

    /// The `Group` for a text found in a file: the catalogue's group when it knows it, otherwise
    /// a group of its own with the text as code and labels.
    pub fn group_for(&self, text: &str) -> Group {
        match self.find_group(text) {
            Some(g) => Group {
                code: g.code.to_string(),
                label_nl: g.nl.to_string(),
                label_en: g.en.to_string(),
                known: true,
            },
            None => {
                let t = text.trim().to_string();
                Group {
                    code: t.clone(),
                    label_nl: t.clone(),
                    label_en: t,
                    known: false,
                }
            }
        }
    }

    /// Spearhead roles fed by `role`, with whether the link is primary.
    pub fn spearheads_of(&self, role: u8) -> impl Iterator<Item = (&Spearhead, bool)> {
        self.spearheads.iter().filter_map(move |s| {
            if s.primary.contains(&role) {
                Some((s, true))
            } else if s.secondary.contains(&role) {
                Some((s, false))
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_matches_study() {
        let c = catalogue();
        assert_eq!(c.roles.len(), 14);
        for (i, r) in c.roles.iter().enumerate() {
            assert_eq!(r.id as usize, i + 1);
            assert!(r.short_en.split_whitespace().count() <= 4, "{}", r.short_en);
            assert!(r.short_nl.split_whitespace().count() <= 4, "{}", r.short_nl);
        }
        let cat = |id: u8| c.role(id).unwrap().category;
        // STUDY.md: S = 1,3,5,9,12; O = 2,4,7,8,11,14; A = 6,10,13.
        for id in [1, 3, 5, 9, 12] {
            assert_eq!(cat(id), Category::Strategic);
        }
        for id in [2, 4, 7, 8, 11, 14] {
            assert_eq!(cat(id), Category::Operational);
        }
        for id in [6, 10, 13] {
            assert_eq!(cat(id), Category::AllRound);
        }
        assert_eq!(c.spearheads.len(), 10);
        assert_eq!(c.groups.len(), 5);
        assert_eq!(c.spcos.len(), 6);
        // Roles 3, 5, 12 and 13 feed more than one spearhead role; role 1 none (higher purpose).
        for (role, count) in [(3, 2), (5, 3), (12, 2), (13, 2), (1, 0), (4, 1), (11, 1)] {
            assert_eq!(c.spearheads_of(role).count(), count, "role {role}");
        }
        assert_eq!(c.find_group("KMO's").unwrap().code, "sme");
        assert_eq!(
            c.find_group(" large member companies ").unwrap().code,
            "large"
        );
        assert!(!c.group_for("Overheid").known);
    }
}
