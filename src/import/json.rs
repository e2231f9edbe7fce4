//! JSON: an array of respondents,
//! `{"respondent": "r1", "group": "sme", "spco": "VIL", "importance": {"1": 7}, "performance": {"1": 4}}`.
//! Validation happens inside the deserializer so that serde_json attaches the line and column
//! of the offending value to every error.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

use super::build::{Groups, Respondents, Spcos};
use super::error::ImportError;
use super::text;
use crate::model::{Scale, Survey, N_ROLES};

struct State {
    groups: Groups,
    spcos: Spcos,
    resp: Respondents,
}

pub(crate) fn parse(text: &str, file: &str) -> Result<Survey, ImportError> {
    let mut st = State {
        groups: Groups::default(),
        spcos: Spcos::default(),
        resp: Respondents::default(),
    };
    let mut de = serde_json::Deserializer::from_str(text);
    Top(&mut st)
        .deserialize(&mut de)
        .and_then(|()| de.end())
        .map_err(|e| convert(&e, file))?;
    Ok(st.resp.finish(st.groups, st.spcos))
}

fn convert(e: &serde_json::Error, file: &str) -> ImportError {
    let (line, column) = (e.line(), e.column());
    let full = e.to_string();
    let message = full
        .strip_suffix(&format!(" at line {line} column {column}"))
        .unwrap_or(&full)
        .to_string();
    // serde_json says column 0 when it stopped before the first character of a line.
    let (line, column) = (line.max(1), column.max(1));
    let message = plain(&message);
    match e.classify() {
        serde_json::error::Category::Data => ImportError::JsonShape {
            file: file.to_string(),
            line,
            column,
            message,
        },
        _ => ImportError::JsonSyntax {
            file: file.to_string(),
            line,
            column,
            message,
        },
    }
}

/// Rewords serde's messages for readers who do not know its vocabulary: "invalid type: map,
/// expected X" becomes "expected X, found an object"; backticks become quotes.
fn plain(message: &str) -> String {
    let m = message.replace('`', "\"");
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let found = match found {
                "map" => "an object",
                "sequence" => "a list",
                "unit value" | "null" => "null",
                f => f,
            };
            let found = found
                .replace("floating point ", "the number ")
                .replace("integer ", "the number ")
                .replace("boolean ", "")
                .replace("string ", "the text ");
            return format!("expected {expected}, found {found}");
        }
    }
    if let Some(field) = m.strip_prefix("missing field ") {
        return format!("this respondent has no {field} field");
    }
    m
}

struct Top<'a>(&'a mut State);

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "an array of respondents such as [{\"respondent\": \"r1\", \"group\": \"sme\", \"spco\": \"VIL\", \
             \"importance\": {\"1\": 7}, \"performance\": {\"1\": 4}}]",
        )
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let st = self.0;
        while let Some(r) = seq.next_element::<JsonRespondent>()? {
            if st.resp.find(&r.respondent.0).is_some() {
                return Err(de::Error::custom(format_args!(
                    "respondent \"{}\" is listed twice",
                    text::shown_str(&r.respondent.0)
                )));
            }
            let group = st
                .groups
                .index(r.group.0.as_bytes())
                .map_err(|_| de::Error::custom("more than 65535 different groups"))?;
            let spco = match &r.spco {
                Some(s) => st
                    .spcos
                    .index(s.0.as_bytes())
                    .map_err(|_| de::Error::custom("more than 65535 different SPCOs"))?,
                None => None,
            };
            let i = st.resp.add(&r.respondent.0, group, spco, 0);
            for (scale, answers) in [
                (Scale::Importance, &r.importance.0),
                (Scale::Performance, &r.performance.0),
            ] {
                for (k, v) in answers.iter().enumerate() {
                    st.resp.set(i, k as u8 + 1, scale, (*v != 0).then_some(*v));
                }
            }
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonRespondent {
    respondent: Text<true>,
    group: Text<true>,
    #[serde(default)]
    spco: Option<Text<false>>,
    #[serde(default)]
    importance: Answers<0>,
    #[serde(default)]
    performance: Answers<1>,
}

/// An id or label: text or a number, trimmed; `NONEMPTY` rejects blank text.
struct Text<const NONEMPTY: bool>(String);

impl<'de, const NONEMPTY: bool> Deserialize<'de> for Text<NONEMPTY> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const N: bool>;
        impl<const N: bool> Visitor<'_> for V<N> {
            type Value = Text<N>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<N>, E> {
                let t = v.trim();
                if N && t.is_empty() {
                    return Err(E::custom(
                        "expected text or a number, found an empty string",
                    ));
                }
                Ok(Text(t.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text<N>, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text<N>, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text<N>, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V::<NONEMPTY>)
    }
}

/// One scale's answers, role 1 at index 0, 0 = skipped. `S` is the scale index.
#[derive(Default)]
struct Answers<const S: u8>([u8; N_ROLES]);

const fn scale_of(s: u8) -> Scale {
    if s == 0 {
        Scale::Importance
    } else {
        Scale::Performance
    }
}

/// A JSON value read as-is, so that errors can say which role it belongs to.
enum Cell {
    Skip,
    Num(f64),
    Text(String),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number or null")
            }
            fn visit_unit<E>(self) -> Result<Cell, E> {
                Ok(Cell::Skip)
            }
            fn visit_none<E>(self) -> Result<Cell, E> {
                Ok(Cell::Skip)
            }
            fn visit_u64<E>(self, v: u64) -> Result<Cell, E> {
                Ok(Cell::Num(v as f64))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Cell, E> {
                Ok(Cell::Num(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Cell, E> {
                Ok(Cell::Num(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::Text(v.to_string()))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Cell, E> {
                Ok(Cell::Other("true or false"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Cell, A::Error> {
                while a.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(Cell::Other("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Cell, A::Error> {
                while a.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(Cell::Other("an object"))
            }
        }
        d.deserialize_any(V)
    }
}

impl Cell {
    fn value<E: de::Error>(self, scale: Scale, role: usize) -> Result<u8, E> {
        let err = |found: String| {
            E::custom(format_args!(
                "{} of role {role}: expected a whole number from {} to {}, found {found}",
                scale.name(),
                scale.min(),
                scale.max()
            ))
        };
        match self {
            Cell::Skip => Ok(0),
            Cell::Num(x) => {
                if x.fract() == 0.0 && x >= f64::from(scale.min()) && x <= f64::from(scale.max()) {
                    Ok(x as u8)
                } else {
                    Err(err(x.to_string()))
                }
            }
            Cell::Text(t) => match text::parse_value(t.as_bytes(), scale) {
                Ok(v) => Ok(v.unwrap_or(0)),
                Err(()) => Err(err(format!("\"{}\"", text::shown_str(&t)))),
            },
            Cell::Other(what) => Err(err(what.to_string())),
        }
    }
}

impl<'de, const S: u8> Deserialize<'de> for Answers<S> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<const S: u8>;
        impl<'de, const S: u8> Visitor<'de> for V<S> {
            type Value = Answers<S>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object from role number to answer, such as {\"1\": 7, \"2\": 5}")
            }
            fn visit_unit<E>(self) -> Result<Answers<S>, E> {
                Ok(Answers::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Answers<S>, A::Error> {
                let scale = scale_of(S);
                let mut out = [0u8; N_ROLES];
                let mut given = [false; N_ROLES];
                while let Some(key) = a.next_key::<std::borrow::Cow<'de, str>>()? {
                    let Some(role) = text::parse_role(key.as_bytes()) else {
                        return Err(de::Error::custom(format_args!(
                            "{}: expected a role number from 1 to 14, found \"{}\"",
                            scale.name(),
                            text::shown_str(&key)
                        )));
                    };
                    let ix = usize::from(role) - 1;
                    let v = a.next_value::<Cell>()?.value(scale, usize::from(role))?;
                    if given[ix] {
                        return Err(de::Error::custom(format_args!(
                            "{} of role {role} is given twice",
                            scale.name()
                        )));
                    }
                    given[ix] = true;
                    out[ix] = v;
                }
                Ok(Answers(out))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Answers<S>, A::Error> {
                let scale = scale_of(S);
                let mut out = [0u8; N_ROLES];
                let mut i = 0usize;
                while let Some(cell) = a.next_element::<Cell>()? {
                    if i >= N_ROLES {
                        return Err(de::Error::custom(format_args!(
                            "{}: expected at most 14 answers (one per role)",
                            scale.name()
                        )));
                    }
                    out[i] = cell.value(scale, i + 1)?;
                    i += 1;
                }
                Ok(Answers(out))
            }
        }
        d.deserialize_any(V::<S>)
    }
}
