//! Shared CSV plumbing: delimiter detection, the reader, header lookup and cell parsing.
//! Cells stay byte slices on the hot path; strings are made only for ids, new groups and errors.
//! Over 400 lines: every importer's CSV handling (delimiter, quoting, BOM, cell checks with their
//! positioned errors) in one place, so the five formats read cells alike.

use std::cell::Cell;
use std::sync::OnceLock;

use super::error::ImportError;
use crate::catalogue::catalogue;
use crate::model::{Scale, N_ROLES};

/// Guesses the delimiter from the first line (outside quotes): Dutch-locale Excel writes `;`,
/// some tools write tabs. Ties go to the comma.
pub(crate) fn detect_delimiter(text: &str) -> u8 {
    let (mut comma, mut semi, mut tab) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => break,
            b',' if !quoted => comma += 1,
            b';' if !quoted => semi += 1,
            b'\t' if !quoted => tab += 1,
            _ => {}
        }
    }
    if semi > comma && semi >= tab {
        b';'
    } else if tab > comma && tab > semi {
        b'\t'
    } else {
        b','
    }
}

/// One CSV record: the unescaped bytes of its fields, back to back, and where each ends.
/// The buffers are reused from record to record, so the bulk path does not allocate.
pub(crate) struct Record {
    fields: Vec<u8>,
    ends: Vec<usize>,
    len: usize,
}

impl Record {
    fn new() -> Record {
        Record {
            fields: vec![0; 256],
            ends: vec![0; 32],
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let end = *self.ends[..self.len].get(i)?;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1],
        };
        self.fields.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &[u8]> + '_ {
        (0..self.len).map(|i| self.get(i).unwrap_or_default())
    }
}

/// Callers check a record against the header first (`Header::check`); should one not, a missing
/// cell reads as blank rather than panicking.
impl std::ops::Index<usize> for Record {
    type Output = [u8];

    fn index(&self, i: usize) -> &[u8] {
        self.get(i).unwrap_or_default()
    }
}

/// Reads records in order and knows the line each starts on. `csv-core` is driven directly on
/// the whole text (the `csv` crate would copy it through a buffer and bring more code into the
/// wasm). Lines are counted from the record's byte offset, as the parser's own count is off
/// for CRLF files.
pub(crate) struct Rows<'a> {
    core: csv_core::Reader,
    text: &'a [u8],
    /// Bytes the parser has consumed; the next record starts here (or after line breaks).
    consumed: usize,
    done: bool,
    /// Where newlines were last counted up to, and how many lay before it. Lines are counted
    /// only when asked for (for messages), so the bulk path never pays for it.
    pos: Cell<usize>,
    newlines: Cell<u64>,
    pub rec: Record,
    /// Byte offset at which `rec` starts.
    pub byte: usize,
}

impl<'a> Rows<'a> {
    pub fn new(text: &'a str) -> Rows<'a> {
        Rows {
            core: csv_core::ReaderBuilder::new()
                .delimiter(detect_delimiter(text))
                .build(),
            text: text.as_bytes(),
            consumed: 0,
            done: false,
            pos: Cell::new(0),
            newlines: Cell::new(0),
            rec: Record::new(),
            byte: 0,
        }
    }

    /// Reads the next record, skipping rows whose cells are all blank (Excel appends `;;;;`).
    /// Parsing an in-memory text with ragged rows allowed cannot fail; the `Result` stays so
    /// callers need not change if a check is added.
    pub fn next(&mut self) -> Result<bool, ImportError> {
        loop {
            let start = self.consumed;
            if !self.read() {
                return Ok(false);
            }
            if self.rec.iter().any(|f| !f.trim_ascii().is_empty()) {
                self.byte = self.record_start(start);
                return Ok(tick(self.consumed));
            }
        }
    }

    fn read(&mut self) -> bool {
        use csv_core::ReadRecordResult as R;
        if self.done {
            return false;
        }
        let rec = &mut self.rec;
        let (mut nout_all, mut nend_all) = (0, 0);
        loop {
            // An empty input tells the parser the text has ended.
            let input = self.text.get(self.consumed..).unwrap_or_default();
            let (res, nin, nout, nend) = self.core.read_record(
                input,
                rec.fields.get_mut(nout_all..).unwrap_or_default(),
                rec.ends.get_mut(nend_all..).unwrap_or_default(),
            );
            self.consumed += nin;
            nout_all += nout;
            nend_all += nend;
            match res {
                R::InputEmpty => {}
                R::OutputFull => rec.fields.resize(rec.fields.len() * 2, 0),
                R::OutputEndsFull => rec.ends.resize(rec.ends.len() * 2, 0),
                R::Record => {
                    rec.len = nend_all;
                    return true;
                }
                R::End => {
                    self.done = true;
                    return false;
                }
            }
        }
    }

    /// The parser consumes a record's terminator only up to its first byte, so the `\n` of a
    /// CRLF (and any blank lines) lie between one record's end and the next's start.
    fn record_start(&self, byte: usize) -> usize {
        let mut b = byte.min(self.text.len());
        while b < self.text.len() && matches!(self.text[b], b'\r' | b'\n') {
            b += 1;
        }
        b
    }

    /// 1-based line on which the current record starts.
    pub fn line(&self) -> u64 {
        self.line_at(self.byte)
    }

    /// 1-based line of a byte offset; cheap when offsets are asked in increasing order.
    pub fn line_at(&self, byte: usize) -> u64 {
        let b = byte.min(self.text.len());
        if b < self.pos.get() {
            self.pos.set(0);
            self.newlines.set(0);
        }
        let n = self.newlines.get() + count_newlines(&self.text[self.pos.get()..b]);
        self.pos.set(b);
        self.newlines.set(n);
        n + 1
    }
}

/// Counts `\n` bytes eight at a time: this runs over the whole file, and the release profile
/// optimises for size, which leaves a byte loop unvectorised.
fn count_newlines(bytes: &[u8]) -> u64 {
    const LO7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const NL: u64 = 0x0A0A_0A0A_0A0A_0A0A;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0u64;
    for c in &mut chunks {
        let x = u64::from_le_bytes(c.try_into().unwrap_or_default()) ^ NL;
        // Exact zero-byte test: the high bit of each byte of `t` is set iff that byte of x is 0.
        let t = !(((x & LO7).wrapping_add(LO7)) | x | LO7);
        n += u64::from(t.count_ones());
    }
    n + chunks.remainder().iter().filter(|&&c| c == b'\n').count() as u64
}

/// A cell as shown in an error message: trimmed, lossy, at most 60 characters.
pub(crate) fn shown(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes.trim_ascii());
    shown_str(&s)
}

pub(crate) fn shown_str(s: &str) -> String {
    let s = s.trim();
    let mut out: String = s
        .chars()
        .take(60)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().count() > 60 {
        out.push_str("...");
    }
    out
}

pub(crate) fn utf8(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The rows of a delimited text after its header line, and that header; a file without even a
/// header line is `Empty`.
pub(crate) fn open<'a>(text: &'a str, file: &str) -> Result<(Rows<'a>, Header), ImportError> {
    let mut rows = Rows::new(text);
    if !rows.next()? {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    let header = Header::new(&rows.rec, rows.line());
    Ok((rows, header))
}

/// The header row: names as written (for messages) and normalised (for lookup).
pub(crate) struct Header {
    pub raw: Vec<String>,
    pub norm: Vec<String>,
    pub line: u64,
}

impl Header {
    pub fn new(rec: &Record, line: u64) -> Header {
        let raw: Vec<String> = rec
            .iter()
            .map(|f| utf8(f.trim_ascii()).trim().to_string())
            .collect();
        let norm = raw.iter().map(|r| crate::model::fold_case(r)).collect();
        Header { raw, norm, line }
    }

    pub fn find(&self, aliases: &[&str]) -> Option<usize> {
        aliases
            .iter()
            .find_map(|a| self.norm.iter().position(|n| n == a))
    }

    pub fn len(&self) -> usize {
        self.raw.len()
    }

    pub fn name(&self, ix: usize) -> String {
        self.raw
            .get(ix)
            .cloned()
            .unwrap_or_else(|| format!("column {}", ix + 1))
    }

    pub fn shown(&self) -> String {
        shown_str(&self.raw.join(", "))
    }

    /// Checks a record's length; extra cells are tolerated only when blank.
    pub fn check(&self, rows: &Rows, file: &str) -> Result<(), ImportError> {
        let rec = &rows.rec;
        if rec.len() < self.len() {
            return Err(ImportError::RaggedRow {
                file: file.to_string(),
                line: rows.line(),
                column: self.name(rec.len()),
                expected: self.len(),
                found: rec.len(),
            });
        }
        if rec.len() > self.len()
            && rec
                .iter()
                .skip(self.len())
                .any(|f| !f.trim_ascii().is_empty())
        {
            return Err(ImportError::RaggedRow {
                file: file.to_string(),
                line: rows.line(),
                column: format!("column {}", self.len() + 1),
                expected: self.len(),
                found: rec.len(),
            });
        }
        Ok(())
    }
}

/// Parses a number, accepting a decimal comma (`7,37`) as Dutch-locale files write it. See
/// `crate::lean::number::parse_f64` for the grammar and its precision; `inf` and `NaN` are refused.
pub(crate) fn parse_number(bytes: &[u8]) -> Option<f64> {
    let s = bytes.trim_ascii();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    let commas = s.iter().filter(|&&b| b == b',').count();
    let point = if commas == 1 && !s.contains(&b'.') {
        b','
    } else {
        b'.'
    };
    crate::lean::number::parse_f64(s, point)
}

/// A whole number, `7.0` included; `None` for anything else.
pub(crate) fn parse_whole(bytes: &[u8]) -> Option<i64> {
    let b = bytes.trim_ascii();
    if !b.is_empty() && b.len() <= 18 && b.iter().all(u8::is_ascii_digit) {
        return Some(b.iter().fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0')));
    }
    let x = parse_number(b)?;
    (x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64)
}

/// An answer cell: `Ok(None)` when blank, `Err(())` when not a whole number on the scale.
#[inline]
pub(crate) fn parse_value(bytes: &[u8], scale: Scale) -> Result<Option<u8>, ()> {
    let b = bytes.trim_ascii();
    match b {
        [] => Ok(None),
        [d @ b'0'..=b'9'] => {
            let v = d - b'0';
            if scale.contains(v) {
                Ok(Some(v))
            } else {
                Err(())
            }
        }
        _ => match parse_whole(b) {
            Some(v) if (i64::from(scale.min())..=i64::from(scale.max())).contains(&v) => {
                Ok(Some(v as u8))
            }
            _ => Err(()),
        },
    }
}

pub(crate) fn invalid_value(
    file: &str,
    line: u64,
    column: String,
    scale: Scale,
    found: &[u8],
) -> ImportError {
    ImportError::InvalidValue {
        file: file.to_string(),
        line,
        column,
        scale: scale.name(),
        min: scale.min(),
        max: scale.max(),
        found: shown(found),
    }
}

/// A role cell: its number, or its text in Dutch or English.
pub(crate) fn parse_role(bytes: &[u8]) -> Option<u8> {
    let b = bytes.trim_ascii();
    if let Some(n) = parse_whole(b) {
        return (1..=N_ROLES as i64).contains(&n).then_some(n as u8);
    }
    match_role_text(std::str::from_utf8(b).ok()?)
}

/// Lower case, typographic quotes made plain, whitespace collapsed, trailing punctuation dropped:
/// survey tools and word processors change all of these.
pub(crate) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '`' | '\u{B4}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' => '"',
            '\u{A0}' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(crate::model::fold_char(c));
    }
    while out.ends_with(['.', ':', ';', '?', ' ']) {
        out.pop();
    }
    out
}

fn role_texts() -> &'static [(u8, Vec<String>)] {
    static TEXTS: OnceLock<Vec<(u8, Vec<String>)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        catalogue()
            .roles
            .iter()
            .map(|r| {
                (
                    r.id,
                    [&r.nl, &r.en, &r.short_nl, &r.short_en]
                        .iter()
                        .map(|t| normalise(t))
                        .collect(),
                )
            })
            .collect()
    })
}

/// The role whose Dutch or English text (full or short) is `text`; failing that, the one role
/// whose full text contains it or is contained in it (exports sometimes add or cut words).
pub(crate) fn match_role_text(text: &str) -> Option<u8> {
    let t = normalise(text);
    if t.is_empty() {
        return None;
    }
    let texts = role_texts();
    if let Some((id, _)) = texts.iter().find(|(_, ts)| ts.contains(&t)) {
        return Some(*id);
    }
    if t.chars().count() < 12 {
        return None;
    }
    let mut hits = texts.iter().filter(|(_, ts)| {
        ts[..2]
            .iter()
            .any(|x| crate::lean::substr::contains(x, &t) || crate::lean::substr::contains(&t, x))
    });
    match (hits.next(), hits.next()) {
        (Some((id, _)), None) => Some(*id),
        _ => None,
    }
}

/// Counts a record read for `with_progress`; always true (`Rows::next` returns it).
#[cfg(not(feature = "full"))]
#[inline(always)]
fn tick(_read: usize) -> bool {
    true
}

/// Every this many records a text import says how far it got, while `with_progress` runs it
/// (the on-demand module only: the import worker passes it on to the page's progress bar).
#[cfg(feature = "full")]
const PROGRESS_EVERY: u32 = 8192;

/// The report and the records read since `with_progress` set it.
#[cfg(feature = "full")]
type Progress = (Box<dyn FnMut(u32, usize)>, u32);

#[cfg(feature = "full")]
thread_local! {
    static PROGRESS: std::cell::RefCell<Option<Progress>> = const { std::cell::RefCell::new(None) };
}

/// Runs `run` with `report` told (records read, bytes read) every `PROGRESS_EVERY` records of
/// the text imports in it.
#[cfg(feature = "full")]
// Called by the wasm export only (and the tests).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn with_progress<T>(report: Box<dyn FnMut(u32, usize)>, run: impl FnOnce() -> T) -> T {
    PROGRESS.with(|p| *p.borrow_mut() = Some((report, 0)));
    let out = run();
    PROGRESS.with(|p| *p.borrow_mut() = None);
    out
}

/// Counts a record read for `with_progress`, telling its report every `PROGRESS_EVERY`
/// records; always true (`Rows::next` returns it).
#[cfg(feature = "full")]
fn tick(read: usize) -> bool {
    PROGRESS.with(|p| {
        if let Some((report, n)) = p.borrow_mut().as_mut() {
            *n += 1;
            if *n % PROGRESS_EVERY == 0 {
                report(*n, read);
            }
        }
    });
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines() {
        let text = b"a\nbb\n\n\x8a\x0b\xff\n0123456789\n\n\n\x0a\xfa";
        let naive = text.iter().filter(|&&c| c == b'\n').count() as u64;
        for i in 0..text.len() {
            assert_eq!(
                count_newlines(&text[i..]),
                naive - text[..i].iter().filter(|&&c| c == b'\n').count() as u64
            );
        }
    }

    #[test]
    fn delimiter() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c"), b',');
        assert_eq!(detect_delimiter("\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("abc"), b',');
    }

    #[test]
    fn values() {
        assert_eq!(parse_value(b" 7 ", Scale::Importance), Ok(Some(7)));
        assert_eq!(parse_value(b"7.0", Scale::Importance), Ok(Some(7)));
        assert_eq!(parse_value(b"7,0", Scale::Importance), Ok(Some(7)));
        assert_eq!(parse_value(b"", Scale::Importance), Ok(None));
        assert_eq!(parse_value(b"7.5", Scale::Importance), Err(()));
        assert_eq!(parse_value(b"10", Scale::Importance), Err(()));
        assert_eq!(parse_value(b"0", Scale::Importance), Err(()));
        assert_eq!(parse_value(b"6", Scale::Performance), Err(()));
        assert_eq!(
            parse_value(b"99999999999999999999999", Scale::Performance),
            Err(())
        );
        assert_eq!(parse_value(b"NaN", Scale::Performance), Err(()));
        assert_eq!(parse_value(b"-3", Scale::Performance), Err(()));
        assert_eq!(parse_number(b"7,37"), Some(7.37));
        assert_eq!(parse_number(b"inf"), None);
    }

    #[test]
    fn roles() {
        assert_eq!(parse_role(b"14"), Some(14));
        assert_eq!(parse_role(b"15"), None);
        assert_eq!(parse_role(b"0"), None);
        assert_eq!(parse_role(b"300"), None);
        assert_eq!(parse_role(b"Het cultiveren van vertrouwen"), Some(12));
        assert_eq!(parse_role(b"cultivating  TRUST."), Some(12));
        // Curly quotes as Word writes them.
        assert_eq!(
            match_role_text("Moeten \u{2018}knowledge gatekeepers\u{2019} vormen tussen lokale en niet-lokale partijen"),
            Some(13)
        );
    }

    #[cfg(feature = "full")]
    #[test]
    fn progress_is_told_every_8192_records_with_the_bytes_read() {
        // 20,000 records (a header and blank rows too, which are not records).
        let mut text = String::from("a,b\n");
        for i in 0..19_999 {
            text.push_str(&format!("{i},x\n"));
            if i == 100 {
                text.push_str(",\n");
            }
        }
        let told = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let sink = told.clone();
        let read = with_progress(
            Box::new(move |n, at| sink.borrow_mut().push((n, at))),
            || {
                let mut rows = Rows::new(&text);
                let mut n = 0;
                while rows.next().unwrap() {
                    n += 1;
                }
                n
            },
        );
        assert_eq!(read, 20_000);
        let told = told.borrow();
        assert_eq!(
            told.iter().map(|t| t.0).collect::<Vec<_>>(),
            vec![8192, 16384]
        );
        // The bytes read stand just after the 8192nd and 16384th records.
        for &(n, at) in told.iter() {
            let line_end = text
                .bytes()
                .enumerate()
                .filter(|b| b.1 == b'\n')
                .nth(n as usize)
                .unwrap()
                .0
                + 1;
            assert!(
                at <= line_end && at + 8 >= line_end,
                "record {n}: told {at}, line ends at {line_end}"
            );
        }
        // Outside with_progress nobody is told.
        let mut rows = Rows::new(&text);
        while rows.next().unwrap() {}
        assert_eq!(told.len(), 2);
    }
}
