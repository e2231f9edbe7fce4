//! JSON: an array of respondents,
//! `{"respondent": "r1", "group": "sme", "spco": "VIL", "importance": {"1": 7}, "performance": {"1": 4}}`.
//! Validation happens inside the deserializer so that serde_json attaches the line and column
//! of the offending value to every error.

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
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
        while let Some(r) = seq.next_element_seed(V(Want::Respondent))? {
            let Out::Respondent(r) = r else { continue };
            if st.resp.find(&r.respondent).is_some() {
                return Err(de::Error::custom(format_args!(
                    "respondent \"{}\" is listed twice",
                    text::shown_str(&r.respondent)
                )));
            }
            let group = st
                .groups
                .index(r.group.as_bytes())
                .map_err(|_| de::Error::custom("more than 65535 different groups"))?;
            let spco = match &r.spco {
                Some(s) => st
                    .spcos
                    .index(s.as_bytes())
                    .map_err(|_| de::Error::custom("more than 65535 different SPCOs"))?,
                None => None,
            };
            let i = st.resp.add(&r.respondent, group, spco, 0);
            for (scale, answers) in [
                (Scale::Importance, &r.answers[0]),
                (Scale::Performance, &r.answers[1]),
            ] {
                for (k, v) in answers.iter().enumerate() {
                    st.resp.set(i, k as u8 + 1, scale, (*v != 0).then_some(*v));
                }
            }
        }
        Ok(())
    }
}

/// A respondent object, in the field order of its positional (array) form.
const FIELDS: &[&str] = &["respondent", "group", "spco", "importance", "performance"];

/// What a value is read as. All values go through the one visitor `V`, so that serde_json's
/// parser is instantiated once rather than once per value type (which is what derived and
/// per-type visitors cost in the wasm).
#[derive(Clone, Copy)]
enum Want {
    /// An object (or array, in `FIELDS` order) of a respondent's fields.
    Respondent,
    /// An id or label: text or a number, trimmed; `true` rejects blank text.
    Text(bool),
    /// An optional label: like `Text(false)`, or null.
    OptText,
    /// A map key, as written.
    Key,
    /// One scale's answers: an object from role to answer, or an array in role order.
    Answers(Scale),
    /// One answer on a scale. A bad one is refused by the caller, which knows the role; the
    /// error then points just past the enclosing object or array, as users have seen so far.
    Cell(Scale),
    /// Anything; read and dropped.
    Ignore,
}

enum Out {
    Nothing,
    Text(String),
    /// One scale's answers, role 1 at index 0, 0 = skipped.
    Answers([u8; N_ROLES]),
    Cell(u8),
    /// An answer that is not on the scale, as it will be shown.
    BadCell(String),
    Respondent(Box<JsonRespondent>),
}

struct JsonRespondent {
    respondent: String,
    group: String,
    spco: Option<String>,
    /// Importance, performance.
    answers: [[u8; N_ROLES]; 2],
}

#[derive(Clone, Copy)]
struct V(Want);

impl<'de> DeserializeSeed<'de> for V {
    type Value = Out;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Out, D::Error> {
        d.deserialize_any(self)
    }
}

/// The answer of a cell, or the error for it.
fn cell_value<E: de::Error>(cell: Out, scale: Scale, role: usize) -> Result<u8, E> {
    match cell {
        Out::Cell(v) => Ok(v),
        Out::BadCell(found) => Err(E::custom(format_args!(
            "{} of role {role}: expected a whole number from {} to {}, found {found}",
            scale.name(),
            scale.min(),
            scale.max()
        ))),
        _ => Ok(0),
    }
}

impl V {
    /// The error for a value this `Want` does not take, as serde words it.
    fn reject<E: de::Error>(self, found: Unexpected) -> Result<Out, E> {
        Err(E::invalid_type(found, &self))
    }

    fn text<E: de::Error>(self, t: String) -> Result<Out, E> {
        match self.0 {
            Want::Text(_) | Want::OptText | Want::Key => Ok(Out::Text(t)),
            Want::Ignore => Ok(Out::Nothing),
            _ => self.reject(Unexpected::Str(&t)),
        }
    }

    fn number<E: de::Error>(
        self,
        x: f64,
        found: Unexpected,
        shown: &dyn fmt::Display,
    ) -> Result<Out, E> {
        match self.0 {
            Want::Text(_) | Want::OptText => Ok(Out::Text(shown.to_string())),
            Want::Cell(scale) => {
                if x.fract() == 0.0 && x >= f64::from(scale.min()) && x <= f64::from(scale.max()) {
                    Ok(Out::Cell(x as u8))
                } else {
                    Ok(Out::BadCell(x.to_string()))
                }
            }
            Want::Ignore => Ok(Out::Nothing),
            _ => self.reject(found),
        }
    }

    /// A respondent from its fields in `FIELDS` order, as serde derive would check them.
    fn respondent<E: de::Error>(fields: [Option<Out>; 5]) -> Result<Out, E> {
        let [respondent, group, spco, imp, perf] = fields;
        let text = |o: Option<Out>| match o {
            Some(Out::Text(t)) => Some(t),
            _ => None,
        };
        let answers = |o: Option<Out>| match o {
            Some(Out::Answers(a)) => a,
            _ => [0; N_ROLES],
        };
        let respondent = text(respondent).ok_or_else(|| E::missing_field("respondent"))?;
        let group = text(group).ok_or_else(|| E::missing_field("group"))?;
        Ok(Out::Respondent(Box::new(JsonRespondent {
            respondent,
            group,
            spco: text(spco),
            answers: [answers(imp), answers(perf)],
        })))
    }
}

impl<'de> Visitor<'de> for V {
    type Value = Out;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self.0 {
            Want::Respondent => "struct JsonRespondent",
            Want::Text(_) | Want::OptText | Want::Key => "text or a number",
            Want::Answers(_) => {
                "an object from role number to answer, such as {\"1\": 7, \"2\": 5}"
            }
            Want::Cell(_) | Want::Ignore => "a whole number or null",
        })
    }

    fn visit_unit<E: de::Error>(self) -> Result<Out, E> {
        match self.0 {
            Want::OptText | Want::Ignore => Ok(Out::Nothing),
            Want::Answers(_) => Ok(Out::Answers([0; N_ROLES])),
            Want::Cell(_) => Ok(Out::Cell(0)),
            _ => self.reject(Unexpected::Unit),
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<Out, E> {
        self.visit_unit()
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Out, E> {
        match self.0 {
            Want::Cell(_) => Ok(Out::BadCell("true or false".into())),
            Want::Ignore => Ok(Out::Nothing),
            _ => self.reject(Unexpected::Bool(v)),
        }
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Out, E> {
        self.number(v as f64, Unexpected::Unsigned(v), &v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Out, E> {
        self.number(v as f64, Unexpected::Signed(v), &v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Out, E> {
        self.number(v, Unexpected::Float(v), &v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Out, E> {
        match self.0 {
            Want::Text(nonempty) if nonempty && v.trim().is_empty() => Err(E::custom(
                "expected text or a number, found an empty string",
            )),
            Want::Text(_) | Want::OptText => self.text(v.trim().to_string()),
            Want::Key => self.text(v.to_string()),
            Want::Cell(scale) => Ok(match text::parse_value(v.as_bytes(), scale) {
                Ok(x) => Out::Cell(x.unwrap_or(0)),
                Err(()) => Out::BadCell(format!("\"{}\"", text::shown_str(v))),
            }),
            Want::Ignore => Ok(Out::Nothing),
            _ => self.reject(Unexpected::Str(v)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Out, A::Error> {
        match self.0 {
            Want::Respondent => {
                let mut fields: [Option<Out>; 5] = Default::default();
                for (i, slot) in fields.iter_mut().enumerate() {
                    match a.next_element_seed(V(field_want(i)))? {
                        Some(o) => *slot = Some(o),
                        // The fields with a default may be left out at the end.
                        None if i >= 2 => break,
                        None => {
                            return Err(de::Error::invalid_length(
                                i,
                                &"struct JsonRespondent with 5 elements",
                            ))
                        }
                    }
                }
                V::respondent(fields)
            }
            Want::Answers(scale) => {
                let mut out = [0u8; N_ROLES];
                let mut i = 0usize;
                loop {
                    // Past the 14th the element is read whatever it is, then refused.
                    let want = match i {
                        N_ROLES.. => Want::Ignore,
                        _ => Want::Cell(scale),
                    };
                    let Some(cell) = a.next_element_seed(V(want))? else {
                        break;
                    };
                    if i >= N_ROLES {
                        return Err(de::Error::custom(format_args!(
                            "{}: expected at most 14 answers (one per role)",
                            scale.name()
                        )));
                    }
                    out[i] = cell_value(cell, scale, i + 1)?;
                    i += 1;
                }
                Ok(Out::Answers(out))
            }
            Want::Cell(_) => {
                while a.next_element_seed(V(Want::Ignore))?.is_some() {}
                Ok(Out::BadCell("a list".into()))
            }
            Want::Ignore => {
                while a.next_element_seed(V(Want::Ignore))?.is_some() {}
                Ok(Out::Nothing)
            }
            _ => self.reject(Unexpected::Seq),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Out, A::Error> {
        match self.0 {
            Want::Respondent => {
                let mut fields: [Option<Out>; 5] = Default::default();
                while let Some(key) = a.next_key_seed(V(Want::Key))? {
                    let key = match &key {
                        Out::Text(k) => k.as_str(),
                        _ => "",
                    };
                    let Some(i) = FIELDS.iter().position(|f| *f == key) else {
                        return Err(de::Error::unknown_field(key, FIELDS));
                    };
                    if fields[i].is_some() {
                        return Err(de::Error::duplicate_field(FIELDS[i]));
                    }
                    fields[i] = Some(a.next_value_seed(V(field_want(i)))?);
                }
                V::respondent(fields)
            }
            Want::Answers(scale) => {
                let mut out = [0u8; N_ROLES];
                let mut given = [false; N_ROLES];
                while let Some(key) = a.next_key_seed(V(Want::Key))? {
                    let key = match &key {
                        Out::Text(k) => k.as_str(),
                        _ => "",
                    };
                    let Some(role) = text::parse_role(key.as_bytes()) else {
                        return Err(de::Error::custom(format_args!(
                            "{}: expected a role number from 1 to 14, found \"{}\"",
                            scale.name(),
                            text::shown_str(key)
                        )));
                    };
                    let ix = usize::from(role) - 1;
                    let cell = a.next_value_seed(V(Want::Cell(scale)))?;
                    let v = cell_value(cell, scale, usize::from(role))?;
                    if given[ix] {
                        return Err(de::Error::custom(format_args!(
                            "{} of role {role} is given twice",
                            scale.name()
                        )));
                    }
                    given[ix] = true;
                    out[ix] = v;
                }
                Ok(Out::Answers(out))
            }
            Want::Cell(_) => {
                while a
                    .next_entry_seed(V(Want::Ignore), V(Want::Ignore))?
                    .is_some()
                {}
                Ok(Out::BadCell("an object".into()))
            }
            Want::Ignore => {
                while a
                    .next_entry_seed(V(Want::Ignore), V(Want::Ignore))?
                    .is_some()
                {}
                Ok(Out::Nothing)
            }
            _ => self.reject(Unexpected::Map),
        }
    }
}

fn field_want(i: usize) -> Want {
    match i {
        0 | 1 => Want::Text(true),
        2 => Want::OptText,
        3 => Want::Answers(Scale::Importance),
        _ => Want::Answers(Scale::Performance),
    }
}
