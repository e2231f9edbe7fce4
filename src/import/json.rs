//! JSON: an array of respondents,
//! `{"respondent": "r1", "group": "sme", "spco": "VIL", "importance": {"1": 7}, "performance": {"1": 4}}`,
//! each also accepted as a list of those fields in that order.
//!
//! A small reader of our own rather than serde_json, whose deserializer and error machinery
//! cost 22 KB of raw wasm (9 KB brotli). Values are checked as they are read, so an error
//! points at the offending value (or character) and is the first problem in reading order.
//! Lists and objects are entered only where the format has them (the array, a respondent, its
//! answers); anywhere else one is refused at its opening bracket. The reader therefore never
//! recurses, and no nesting, however deep, can overflow the stack.
//! Over 400 lines because the reader is its own (above): tokens, values and the format's checks.

use std::borrow::Cow;

use super::build::{Groups, Respondents, Spcos};
use super::error::{Detail, ImportError};
use super::text::{self, shown_str};
use crate::model::{Scale, Survey, N_ROLES};

/// A respondent's fields, in the order of its list form.
const FIELDS: [&str; 5] = ["respondent", "group", "spco", "importance", "performance"];
const SCALES: [Scale; 2] = [Scale::Importance, Scale::Performance];

struct State {
    groups: Groups,
    spcos: Spcos,
    resp: Respondents,
}

pub(crate) fn parse(text: &str, file: &str) -> Result<Survey, ImportError> {
    let mut r = Reader {
        text,
        s: text.as_bytes(),
        i: 0,
        file,
    };
    let mut st = State {
        groups: Groups::default(),
        spcos: Spcos::default(),
        resp: Respondents::default(),
    };
    let (at, v) = r.value()?;
    if !matches!(v, Val::List) {
        return r.shape(at, Detail::NotArray(v.found()));
    }
    let mut first = true;
    while r.more(b']', &mut first)? {
        r.respondent(&mut st)?;
    }
    if r.peek().is_some() {
        return r.syntax(r.i, Detail::AfterEnd);
    }
    Ok(st.resp.finish(st.groups, st.spcos))
}

/// Whether a byte after a number or `true`/`false`/`null` would make it another word, such as
/// `7x`, `1-2` or `nullx`: the whole is then not a value, rather than the value `7` followed by
/// a stray character, so that it is a syntax error before any check of the value.
fn part_of_token(b: &u8) -> bool {
    b.is_ascii_alphanumeric() || b"+-.".contains(b)
}

/// A value as `Reader::value` reads it: a scalar whole, a list or object only its bracket.
enum Val<'a> {
    Null,
    Bool(bool),
    /// As written, so that ids keep their spelling and messages need no float printing.
    Num(&'a str),
    Str(Cow<'a, str>),
    List,
    Obj,
}

impl Val<'_> {
    /// The value as a message shows it after "found".
    fn found(&self) -> String {
        match self {
            Val::Null => "null".into(),
            Val::Bool(true) => "\"true\"".into(),
            Val::Bool(false) => "\"false\"".into(),
            Val::Num(n) => shown_str(n),
            Val::Str(s) => format!("\"{}\"", shown_str(s)),
            Val::List => "a list".into(),
            Val::Obj => "an object".into(),
        }
    }
}

struct Reader<'a> {
    text: &'a str,
    s: &'a [u8],
    /// Byte offset of the next unread byte.
    i: usize,
    file: &'a str,
}

impl<'a> Reader<'a> {
    /// The error at byte offset `at`: line and column (in characters) are counted only here,
    /// so reading a valid file never pays for them.
    fn error(&self, at: usize, syntax: bool, message: Detail) -> ImportError {
        let before = self.s.get(..at).unwrap_or(self.s);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let this_line = before.get(line_start..).unwrap_or_default();
        // UTF-8 continuation bytes do not start a character.
        let column = 1 + this_line.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        let file = self.file.to_string();
        if syntax {
            ImportError::JsonSyntax {
                file,
                line,
                column,
                message,
            }
        } else {
            ImportError::JsonShape {
                file,
                line,
                column,
                message,
            }
        }
    }

    fn syntax<T>(&self, at: usize, message: Detail) -> Result<T, ImportError> {
        Err(self.error(at, true, message))
    }

    fn shape<T>(&self, at: usize, message: Detail) -> Result<T, ImportError> {
        Err(self.error(at, false, message))
    }

    /// Skips whitespace and returns the next byte without reading it.
    fn peek(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
        self.s.get(self.i).copied()
    }

    fn eat(&mut self, bytes: &[u8]) -> bool {
        let hit = self.s.get(self.i).is_some_and(|b| bytes.contains(b));
        self.i += usize::from(hit);
        hit
    }

    fn digits(&mut self) -> bool {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i > start
    }

    /// Reads the next value and returns where it starts.
    fn value(&mut self) -> Result<(usize, Val<'a>), ImportError> {
        let c = self.peek();
        let at = self.i;
        let v = match c {
            None => return self.syntax(at, Detail::EndsForValue),
            Some(b'[') => Val::List,
            Some(b'{') => Val::Obj,
            Some(b'"') => return Ok((at, Val::Str(self.string()?))),
            Some(b'-' | b'0'..=b'9') => return Ok((at, Val::Num(self.number()?))),
            Some(_) => {
                let rest = self.s.get(at..).unwrap_or_default();
                let lit = [
                    ("true", Val::Bool(true)),
                    ("false", Val::Bool(false)),
                    ("null", Val::Null),
                ]
                .into_iter()
                .find(|(word, _)| {
                    rest.starts_with(word.as_bytes())
                        && !rest.get(word.len()).is_some_and(part_of_token)
                });
                let Some((word, v)) = lit else {
                    return self.syntax(at, Detail::NoValue);
                };
                self.i += word.len() - 1;
                v
            }
        };
        self.i += 1;
        Ok((at, v))
    }

    /// Reads a number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<&'a str, ImportError> {
        let start = self.i;
        self.eat(b"-");
        let int = self.i;
        let leading_zero =
            self.s.get(int) == Some(&b'0') && self.s.get(int + 1).is_some_and(u8::is_ascii_digit);
        let ok = !leading_zero
            && self.digits()
            && (!self.eat(b".") || self.digits())
            && (!self.eat(b"eE") || {
                self.eat(b"+-");
                self.digits()
            })
            && !self.s.get(self.i).is_some_and(part_of_token);
        if !ok {
            let at = if leading_zero { int + 1 } else { self.i };
            return self.syntax(at, Detail::BadNumber);
        }
        Ok(self.text.get(start..self.i).unwrap_or_default())
    }

    /// Reads a string, the opening quote being next, decoding escapes only where there are any.
    fn string(&mut self) -> Result<Cow<'a, str>, ImportError> {
        let mut i = self.i + 1;
        // Decoded text up to `run`, once an escape has been met.
        let mut out: Option<String> = None;
        let mut run = i;
        loop {
            match self.s.get(i).copied() {
                None => return self.syntax(i, Detail::OpenText),
                Some(b'"') => break,
                Some(0..=0x1F) => return self.syntax(i, Detail::ControlInText),
                Some(b'\\') => {
                    let buf = out.get_or_insert_with(String::new);
                    buf.push_str(self.text.get(run..i).unwrap_or_default());
                    // The character and the length of its escape.
                    let simple = |c| Some((c, 2));
                    let c = match self.s.get(i + 1) {
                        Some(b'"') => simple('"'),
                        Some(b'\\') => simple('\\'),
                        Some(b'/') => simple('/'),
                        Some(b'b') => simple('\u{8}'),
                        Some(b'f') => simple('\u{C}'),
                        Some(b'n') => simple('\n'),
                        Some(b'r') => simple('\r'),
                        Some(b't') => simple('\t'),
                        Some(b'u') => self.unicode_escape(i + 2).map(|c| (c, 6 * c.len_utf16())),
                        _ => None,
                    };
                    let Some((c, len)) = c else {
                        return self.syntax(i, Detail::BadEscape);
                    };
                    buf.push(c);
                    i += len;
                    run = i;
                }
                Some(_) => i += 1,
            }
        }
        let tail = self.text.get(run..i).unwrap_or_default();
        self.i = i + 1;
        Ok(match out {
            Some(mut buf) => {
                buf.push_str(tail);
                Cow::Owned(buf)
            }
            None => Cow::Borrowed(tail),
        })
    }

    /// The character of a `\u` escape whose hex digits start at `at`: a surrogate pair must be
    /// written as two escapes, high then low.
    fn unicode_escape(&self, at: usize) -> Option<char> {
        let hex4 = |at: usize| {
            self.s
                .get(at..at + 4)?
                .iter()
                .try_fold(0u32, |acc, &b| Some(acc * 16 + char::from(b).to_digit(16)?))
        };
        let mut c = hex4(at)?;
        if (0xD800..0xDC00).contains(&c) {
            let low = hex4(at + 6).filter(|_| self.s.get(at + 4..at + 6) == Some(b"\\u"))?;
            if !(0xDC00..0xE000).contains(&low) {
                return None;
            }
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        }
        char::from_u32(c)
    }

    /// Moves to the next element of the list or object whose opening bracket was read
    /// (`close` is its closing one); false once that is read. `first` is true before the
    /// first element.
    fn more(&mut self, close: u8, first: &mut bool) -> Result<bool, ImportError> {
        let close_c = char::from(close);
        let mut c = self.peek();
        if !std::mem::replace(first, false) && c != Some(close) {
            if c == Some(b',') {
                self.i += 1;
                c = self.peek();
                if c == Some(close) {
                    return self.syntax(self.i, Detail::TrailingComma(close_c));
                }
            } else if c.is_some() {
                return self.syntax(self.i, Detail::CommaOr(close_c));
            }
        }
        match c {
            None => self.syntax(self.i, Detail::EndsInside(close_c)),
            Some(c) if c == close => {
                self.i += 1;
                Ok(false)
            }
            Some(_) => Ok(true),
        }
    }

    /// Reads an object's next field name and its colon; returns where the name starts.
    fn key(&mut self) -> Result<(usize, Cow<'a, str>), ImportError> {
        let at = self.i;
        if self.s.get(at) != Some(&b'"') {
            return self.syntax(at, Detail::NoKey);
        }
        let key = self.string()?;
        match self.peek() {
            Some(b':') => self.i += 1,
            None => return self.syntax(self.i, Detail::EndsInside('}')),
            _ => return self.syntax(self.i, Detail::NoColon),
        }
        Ok((at, key))
    }

    fn respondent(&mut self, st: &mut State) -> Result<(), ImportError> {
        let (start, v) = self.value()?;
        let close = match v {
            Val::List => b']',
            Val::Obj => b'}',
            v => {
                let found = v.found();
                return self.shape(start, Detail::NotRespondent(found));
            }
        };
        let (mut id, mut group, mut spco) = (None, None, None);
        let mut answers = [[0u8; N_ROLES]; 2];
        let (mut seen, mut first) = ([false; 5], true);
        while self.more(close, &mut first)? {
            let f = if close == b']' {
                // In the list form the fields come in order: the next is the first not seen.
                let Some(f) = seen.iter().position(|s| !s) else {
                    return self.shape(self.i, Detail::TooManyFields);
                };
                f
            } else {
                let (at, key) = self.key()?;
                let Some(f) = FIELDS.iter().position(|f| *f == key) else {
                    return self.shape(at, Detail::UnknownField(shown_str(&key)));
                };
                if seen[f] {
                    return self.shape(at, Detail::FieldTwice(FIELDS[f]));
                }
                f
            };
            seen[f] = true;
            let (at, v) = self.value()?;
            if let Some(scale) = f.checked_sub(3) {
                answers[scale] = self.answers(at, v, SCALES[scale])?;
                continue;
            }
            if f == 2 && matches!(v, Val::Null) {
                continue;
            }
            let t = match v {
                Val::Str(s) => s.trim().to_string(),
                Val::Num(n) => n.to_string(),
                v => {
                    let found = v.found();
                    return self.shape(at, Detail::NotText(found));
                }
            };
            if t.is_empty() && f < 2 {
                return self.shape(at, Detail::EmptyText);
            }
            let overflow = |what| self.error(at, false, Detail::TooManyDifferent(what));
            match f {
                0 if st.resp.find(&t).is_some() => {
                    let t = shown_str(&t);
                    return self.shape(at, Detail::ListedTwice(t));
                }
                0 => id = Some(t),
                1 => {
                    group = Some(
                        st.groups
                            .index(t.as_bytes())
                            .map_err(|_| overflow("groups"))?,
                    )
                }
                _ => {
                    spco = st
                        .spcos
                        .index(t.as_bytes())
                        .map_err(|_| overflow("SPCOs"))?
                }
            }
        }
        let missing = |f: &'static str| self.shape(start, Detail::NoField(f));
        let Some(id) = id else {
            return missing("respondent");
        };
        let Some(group) = group else {
            return missing("group");
        };
        let i = st.resp.add(&id, group, spco, 0);
        for (scale, answers) in SCALES.into_iter().zip(answers) {
            for (k, v) in answers.into_iter().enumerate() {
                st.resp.set(i, k as u8 + 1, scale, (v != 0).then_some(v));
            }
        }
        Ok(())
    }

    /// One scale's answers, role 1 at index 0, 0 = skipped: an object from role to answer, a
    /// list in role order, or null.
    fn answers(&mut self, at: usize, v: Val, scale: Scale) -> Result<[u8; N_ROLES], ImportError> {
        let mut out = [0; N_ROLES];
        let close = match v {
            Val::Null => return Ok(out),
            Val::List => b']',
            Val::Obj => b'}',
            v => {
                let found = v.found();
                return self.shape(at, Detail::NotAnswers(found));
            }
        };
        let (mut given, mut first) = ([false; N_ROLES], true);
        while self.more(close, &mut first)? {
            let role = if close == b']' {
                // In the list form the roles come in order: the next is the first not given.
                let Some(role) = given.iter().position(|g| !g) else {
                    return self.shape(self.i, Detail::TooManyAnswers(scale));
                };
                role
            } else {
                let (at, key) = self.key()?;
                let Some(role) = text::parse_role(key.as_bytes()) else {
                    let key = shown_str(&key);
                    return self.shape(at, Detail::NotRole(scale, key));
                };
                let role = usize::from(role) - 1;
                if given[role] {
                    return self.shape(at, Detail::RoleTwice(scale, role as u8 + 1));
                }
                role
            };
            given[role] = true;
            let (at, v) = self.value()?;
            let value = match &v {
                Val::Null => Ok(None),
                Val::Num(n) => text::parse_value(n.as_bytes(), scale),
                Val::Str(s) => text::parse_value(s.as_bytes(), scale),
                _ => Err(()),
            };
            let Ok(value) = value else {
                let found = v.found();
                return self.shape(
                    at,
                    Detail::NotAnswer {
                        scale,
                        role: role as u8 + 1,
                        found,
                    },
                );
            };
            out[role] = value.unwrap_or(0);
        }
        Ok(out)
    }
}
