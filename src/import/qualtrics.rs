//! Qualtrics CSV export, as it comes out of Qualtrics: a row of column ids (`StartDate, ...,
//! ResponseId, ..., Q1, Q2_1 .. Q2_14, Q3_1 .. Q3_14`), a row of question texts
//! (`Hoe belangrijk vindt u de volgende rollen? - <statement>`), a row of `{"ImportId":...}`,
//! then one row per response, with numeric values or choice texts.
//!
//! The matrices and the group and SPCO questions are found from the question texts (the survey
//! was in Dutch; English works too); options can name them where the texts do not say.
//! About 550 lines: finding the questions from their texts, in two languages, with an error that
//! names what was looked for, is the whole of this format.

use super::error::{Detail, ImportError};
use super::long::Ctx;
use super::text::{self, normalise, Header, Record};
use super::{Exclusion, QualtricsOptions};
use crate::model::{Scale, Survey, N_ROLES};
// Integers are parsed with `from_str`: clippy.toml forbids `str::parse`, whose f64 case links
// core's float parsing.
use std::str::FromStr;

const IMPORTANCE_WORDS: &[&str] = &["belang", "important", "importance"];
const PERFORMANCE_WORDS: &[&str] = &["prest", "uitvoering", "perform"];
const GROUP_WORDS: &[&str] = &[
    "groep",
    "group",
    "type organisatie",
    "type of organisation",
    "type of organization",
    "respondent",
];
const SPCO_WORDS: &[&str] = &[
    "spco",
    "speerpunt",
    "spearhead",
    "clusterorganisatie",
    "cluster organisation",
    "cluster organization",
];

/// Qualtrics' own columns, never questions.
const METADATA: &[&str] = &[
    "startdate",
    "enddate",
    "status",
    "ipaddress",
    "progress",
    "duration (in seconds)",
    "finished",
    "recordeddate",
    "responseid",
    "recipientlastname",
    "recipientfirstname",
    "recipientemail",
    "externalreference",
    "externaldatareference",
    "locationlatitude",
    "locationlongitude",
    "distributionchannel",
    "userlanguage",
];

pub(crate) fn is_import_id_row(rec: &Record) -> bool {
    rec.iter().any(|f| {
        let f = f.trim_ascii();
        f.starts_with(b"{\"ImportId\"") || f.starts_with(b"{\"importId\"")
    })
}

fn is_metadata(id: &str) -> bool {
    METADATA.contains(&id) || id.starts_with("q_") || id.starts_with('_')
}

/// A matrix question: the columns sharing an id prefix (`Q2` of `Q2_1 .. Q2_14`).
struct Matrix {
    prefix: String,
    /// Column index and the number after the underscore.
    cols: Vec<(usize, Option<u64>)>,
    /// The question text before ` - <statement>`.
    stem: String,
}

fn split_text(text: &str) -> (&str, &str) {
    match crate::lean::substr::rsplit_once(text, " - ") {
        Some((stem, stmt)) => (stem.trim(), stmt.trim()),
        None => (text.trim(), ""),
    }
}

fn matrices(header: &Header, texts: &[String]) -> Vec<Matrix> {
    let mut out: Vec<Matrix> = Vec::new();
    for (i, id) in header.norm.iter().enumerate() {
        if is_metadata(id) {
            continue;
        }
        #[expect(clippy::disallowed_methods, reason = "char pattern: no &str searcher")]
        let Some((prefix, num)) = id.rsplit_once('_') else {
            continue;
        };
        if prefix.is_empty() || num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let num = u64::from_str(num).ok();
        match out.iter_mut().find(|m| m.prefix == prefix) {
            Some(m) => m.cols.push((i, num)),
            None => out.push(Matrix {
                prefix: prefix.to_string(),
                cols: vec![(i, num)],
                stem: split_text(texts.get(i).map_or("", |t| t.as_str()))
                    .0
                    .to_string(),
            }),
        }
    }
    out
}

fn mentions(text: &str, words: &[&str]) -> bool {
    let t = crate::model::fold_case(text);
    words.iter().any(|w| crate::lean::substr::contains(&t, w))
}

/// Maps a matrix's columns to roles: by statement text, else by the number after the underscore.
fn map_roles(
    m: &Matrix,
    texts: &[String],
    header: &Header,
    file: &str,
    line: u64,
) -> Result<Vec<(usize, u8)>, ImportError> {
    let mut out: Vec<(usize, u8)> = Vec::new();
    let mut pending = Vec::new();
    for &(col, num) in &m.cols {
        let stmt = split_text(texts.get(col).map_or("", |t| t.as_str())).1;
        match text::match_role_text(stmt) {
            Some(role) => out.push((col, role)),
            None => pending.push((col, num)),
        }
    }
    for (col, num) in pending {
        if let Some(n @ 1..=14) = num {
            out.push((col, n as u8));
        }
    }
    for (k, &(col, role)) in out.iter().enumerate() {
        if let Some(&(first, _)) = out[..k].iter().find(|&&(_, r)| r == role) {
            return Err(ImportError::Duplicate {
                file: file.to_string(),
                line,
                column: header.name(col),
                what: Detail::SameRole {
                    other: header.name(first),
                    role,
                    question: m.prefix.to_ascii_uppercase(),
                },
            });
        }
    }
    Ok(out)
}

fn find_column(header: &Header, texts: &[String], name: &str) -> Option<usize> {
    let want = crate::model::fold_case(name.trim());
    header.norm.iter().position(|n| *n == want).or_else(|| {
        let want = normalise(name);
        texts.iter().position(|t| normalise(t) == want)
    })
}

fn describe(header: &Header, texts: &[String], col: usize) -> String {
    let t = texts.get(col).map_or("", |t| t.as_str());
    text::shown_str(&format!("{}: {}", header.name(col), t))
}

fn exclude(list: &mut Vec<Exclusion>, reason: &str) {
    match list.iter_mut().find(|e| e.reason == reason) {
        Some(e) => e.count += 1,
        None => list.push(Exclusion {
            reason: reason.to_string(),
            count: 1,
        }),
    }
}

/// Why a response is not a real one, from its `Status` (numeric or text export).
fn status_reason(cell: &[u8]) -> Option<String> {
    let s = crate::model::fold_case(&String::from_utf8_lossy(cell.trim_ascii()));
    match s.as_str() {
        "" | "0" | "ip address" | "anonymous" | "4" | "imported" => None,
        "1" | "survey preview" | "preview" => Some("survey preview".into()),
        "2" | "survey test" | "test" => Some("survey test".into()),
        "8" | "spam" => Some("spam".into()),
        "9" | "preview spam" | "survey preview spam" => Some("preview spam".into()),
        "12" | "imported spam" => Some("imported spam".into()),
        "16" | "offline" => Some("offline response".into()),
        "17" | "offline survey preview" | "offline preview" => {
            Some("offline survey preview".into())
        }
        _ => Some(format!("status \"{}\"", text::shown_str(&s))),
    }
}

fn finished_reason(cell: &[u8]) -> Option<String> {
    let s = crate::model::fold_case(&String::from_utf8_lossy(cell.trim_ascii()));
    match s.as_str() {
        "" | "1" | "true" | "waar" => None,
        "0" | "false" | "onwaar" => Some("unfinished".into()),
        _ => Some(format!("finished \"{}\"", text::shown_str(&s))),
    }
}

/// An answer in either export: a number, a choice text with a leading number (`9 - Cruciaal`),
/// or a Likert label. "Don't know" choices and Qualtrics' `-99` (seen but unanswered) are
/// skipped items.
fn parse_choice(cell: &[u8], scale: Scale) -> Result<Option<u8>, ()> {
    if let Ok(v) = text::parse_value(cell, scale) {
        return Ok(v);
    }
    let s = std::str::from_utf8(cell).map_err(|_| ())?.trim();
    if s == "-99" {
        return Ok(None);
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let (head, rest) = s.split_at_checked(digits).ok_or(())?;
        let mut chars = rest.chars();
        let sep_ok = match chars.next() {
            Some(c) if c.is_whitespace() => true,
            Some('-' | '=' | ':' | ')' | '.' | '\u{2013}' | '\u{2014}') => {
                !chars.next().is_some_and(|c| c.is_ascii_digit())
            }
            _ => false,
        };
        if sep_ok {
            let n = u8::from_str(head).map_err(|_| ())?;
            return if scale.contains(n) {
                Ok(Some(n))
            } else {
                Err(())
            };
        }
        return Err(());
    }
    let n = normalise(s);
    let skip = [
        "weet niet",
        "ik weet het niet",
        "geen mening",
        "n.v.t",
        "nvt",
        "niet van toepassing",
        "don't know",
        "do not know",
        "no opinion",
        "n/a",
        "not applicable",
    ];
    if skip.contains(&n.as_str()) {
        return Ok(None);
    }
    let v = match (scale, n.as_str()) {
        (Scale::Performance, "zeer zwak" | "very weak" | "very poor") => 1,
        (Scale::Performance, "zwak" | "weak" | "poor") => 2,
        (Scale::Performance, "neutraal" | "gemiddeld" | "average" | "neutral") => 3,
        (Scale::Performance, "sterk" | "strong" | "good") => 4,
        (Scale::Performance, "zeer sterk" | "very strong" | "very good" | "excellent") => 5,
        (Scale::Importance, "onbelangrijk" | "unimportant" | "not important") => 1,
        (Scale::Importance, "cruciaal" | "crucial") => 9,
        _ => return Err(()),
    };
    Ok(Some(v))
}

fn columns_error(
    file: &str,
    what: &'static str,
    looked_for: Detail,
    tried: Vec<String>,
    option: &'static str,
) -> ImportError {
    ImportError::QualtricsColumns {
        file: file.to_string(),
        what,
        looked_for: Box::new(looked_for),
        tried,
        option,
    }
}

/// Picks a matrix by explicit prefix, or by the words its question mentions.
fn pick_matrix<'m>(
    all: &'m [Matrix],
    prefix: Option<&str>,
    scale: Scale,
    file: &str,
) -> Result<Option<&'m Matrix>, ImportError> {
    let (what, option, words) = match scale {
        Scale::Importance => (
            "the importance questions",
            "importance prefix, e.g. Q2",
            IMPORTANCE_WORDS,
        ),
        Scale::Performance => (
            "the performance questions",
            "performance prefix, e.g. Q3",
            PERFORMANCE_WORDS,
        ),
    };
    if let Some(p) = prefix {
        #[expect(clippy::disallowed_methods, reason = "char pattern: no &str searcher")]
        let p = crate::model::fold_case(p.trim().trim_end_matches('_'));
        return match all.iter().find(|m| m.prefix == p) {
            Some(m) => Ok(Some(m)),
            None => Err(columns_error(
                file,
                what,
                Detail::PrefixColumns(p.to_ascii_uppercase()),
                all.iter()
                    .map(|m| {
                        text::shown_str(&format!("{}: {}", m.prefix.to_ascii_uppercase(), m.stem))
                    })
                    .collect(),
                option,
            )),
        };
    }
    // Performance first: its question may well mention "the SPCO most important to you".
    Ok(all.iter().find(|m| match scale {
        Scale::Performance => mentions(&m.stem, PERFORMANCE_WORDS),
        Scale::Importance => !mentions(&m.stem, PERFORMANCE_WORDS) && mentions(&m.stem, words),
    }))
}

pub(crate) fn parse(
    text: &str,
    file: &str,
    opts: &QualtricsOptions,
) -> Result<(Survey, Vec<Exclusion>), ImportError> {
    let (mut rows, header) = text::open(text, file)?;
    if !rows.next()? {
        return Err(ImportError::QualtricsHeader {
            file: file.to_string(),
            line: header.line + 1,
            message: Detail::OneHeaderRow,
        });
    }
    let texts_line = rows.line();
    let texts: Vec<String> = rows
        .rec
        .iter()
        .map(|f| text::utf8(f).trim().to_string())
        .collect();
    // The third header row; older exports lack it, so a data row may come here instead.
    let mut pending = rows.next()?;
    if pending && is_import_id_row(&rows.rec) {
        pending = false;
    }

    let all = matrices(&header, &texts);
    let imp = pick_matrix(
        &all,
        opts.importance_prefix.as_deref(),
        Scale::Importance,
        file,
    )?;
    let perf = pick_matrix(
        &all,
        opts.performance_prefix.as_deref(),
        Scale::Performance,
        file,
    )?;
    // One matrix found by its words: the other is the one remaining matrix about the roles.
    let role_like = |m: &&Matrix| {
        m.cols.len() >= N_ROLES / 2
            && m.cols
                .iter()
                .filter(|&&(c, _)| {
                    text::match_role_text(split_text(texts.get(c).map_or("", |t| t.as_str())).1)
                        .is_some()
                })
                .count()
                >= N_ROLES / 2
    };
    let other = |found: &Matrix| {
        let mut rest = all
            .iter()
            .filter(|m| m.prefix != found.prefix)
            .filter(role_like);
        match (rest.next(), rest.next()) {
            (Some(m), None) => Some(m),
            _ => None,
        }
    };
    let (imp, perf) = match (imp, perf) {
        (Some(i), None) => (Some(i), other(i)),
        (None, Some(p)) => (other(p), Some(p)),
        x => x,
    };
    let tried: Vec<String> = all
        .iter()
        .map(|m| text::shown_str(&format!("{}: {}", m.prefix.to_ascii_uppercase(), m.stem)))
        .collect();
    let Some(imp) = imp else {
        return Err(columns_error(
            file,
            "the importance questions",
            Detail::MatrixMentioning(Scale::Importance),
            tried,
            "importance prefix, e.g. Q2",
        ));
    };
    let Some(perf) = perf else {
        return Err(columns_error(
            file,
            "the performance questions",
            Detail::MatrixMentioning(Scale::Performance),
            tried,
            "performance prefix, e.g. Q3",
        ));
    };
    let mut cols: Vec<(usize, u8, Scale)> = Vec::new();
    for (m, scale) in [(imp, Scale::Importance), (perf, Scale::Performance)] {
        let mapped = map_roles(m, &texts, &header, file, texts_line)?;
        if mapped.is_empty() {
            return Err(columns_error(
                file,
                if scale == Scale::Importance {
                    "the importance questions"
                } else {
                    "the performance questions"
                },
                Detail::Statements(m.prefix.to_ascii_uppercase()),
                m.cols
                    .iter()
                    .map(|&(c, _)| describe(&header, &texts, c))
                    .collect(),
                if scale == Scale::Importance {
                    "importance prefix, e.g. Q2"
                } else {
                    "performance prefix, e.g. Q3"
                },
            ));
        }
        cols.extend(mapped.into_iter().map(|(c, r)| (c, r, scale)));
    }

    let in_matrix = |c: usize| all.iter().any(|m| m.cols.iter().any(|&(mc, _)| mc == c));
    let candidates: Vec<usize> = (0..header.len())
        .filter(|&c| !is_metadata(&header.norm[c]) && !in_matrix(c))
        .collect();
    let find_by_words = |words: &[&str], skip: Option<usize>| {
        candidates.iter().copied().find(|&c| {
            Some(c) != skip
                && (mentions(&header.norm[c], words)
                    || mentions(texts.get(c).map_or("", |t| t.as_str()), words))
        })
    };
    let c_group = match &opts.group_column {
        Some(name) => find_column(&header, &texts, name),
        None => find_by_words(GROUP_WORDS, None),
    };
    let Some(c_group) = c_group else {
        return Err(columns_error(
            file,
            "the respondent group question",
            match &opts.group_column {
                Some(name) => Detail::ColumnNamed(text::shown_str(name)),
                None => Detail::GroupQuestion,
            },
            candidates
                .iter()
                .map(|&c| describe(&header, &texts, c))
                .collect(),
            "group column, e.g. Q1",
        ));
    };
    let c_spco = match &opts.spco_column {
        Some(name) => match find_column(&header, &texts, name) {
            Some(c) => Some(c),
            None => {
                return Err(columns_error(
                    file,
                    "the SPCO question",
                    Detail::ColumnNamed(text::shown_str(name)),
                    candidates
                        .iter()
                        .map(|&c| describe(&header, &texts, c))
                        .collect(),
                    "SPCO column",
                ))
            }
        },
        None => find_by_words(SPCO_WORDS, Some(c_group)),
    };
    let c_id = header
        .find(&["responseid", "response id", "_recordid"])
        .ok_or_else(|| ImportError::MissingColumn {
            file: file.to_string(),
            line: header.line,
            column: "ResponseId".into(),
            format: "Qualtrics",
            expected:
                "ResponseId and the question columns (Status and Finished are used when present)",
        })?;
    let c_status = header.find(&["status"]);
    let c_finished = header.find(&["finished"]);

    let mut excluded = Vec::new();
    let mut ctx = Ctx::new(file, &header);
    loop {
        if !pending && !rows.next()? {
            break;
        }
        pending = false;
        header.check(&rows, file)?;
        let (rec, line) = (&rows.rec, rows.line());
        if !opts.keep_all {
            let reason = c_status
                .and_then(|c| status_reason(&rec[c]))
                .or_else(|| c_finished.and_then(|c| finished_reason(&rec[c])))
                .or_else(|| {
                    rec[c_group]
                        .trim_ascii()
                        .is_empty()
                        .then(|| "no group given".to_string())
                });
            if let Some(reason) = reason {
                exclude(&mut excluded, &reason);
                continue;
            }
        }
        let group = if rec[c_group].trim_ascii().is_empty() {
            ctx.groups
                .index(b"(no group)")
                .map_err(|_| ImportError::TooMany {
                    file: file.to_string(),
                    line,
                    column: header.name(c_group),
                    what: "groups",
                    max: usize::from(u16::MAX),
                })?
        } else {
            ctx.group(&rows, c_group)?
        };
        let spco = ctx.spco(&rows, c_spco)?;
        let r = ctx.add_new(&rows, c_id, group, spco, |id, first| {
            Detail::ResponseTwice { id, first }
        })?;
        for &(col, role, scale) in &cols {
            let cell = &rec[col];
            let v = parse_choice(cell, scale)
                .map_err(|()| text::invalid_value(file, line, header.name(col), scale, cell))?;
            ctx.resp.set(r, role, scale, v);
        }
    }
    Ok((ctx.resp.finish(ctx.groups, ctx.spcos), excluded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices() {
        let imp = Scale::Importance;
        let perf = Scale::Performance;
        assert_eq!(parse_choice(b"9 - Cruciaal", imp), Ok(Some(9)));
        assert_eq!(parse_choice(b"1 - Onbelangrijk", imp), Ok(Some(1)));
        assert_eq!(parse_choice(b"7", imp), Ok(Some(7)));
        assert_eq!(parse_choice(b"Cruciaal", imp), Ok(Some(9)));
        assert_eq!(parse_choice(b"10 - Meer dan cruciaal", imp), Err(()));
        assert_eq!(parse_choice(b"7.5", imp), Err(()));
        assert_eq!(parse_choice(b"Zeer zwak", perf), Ok(Some(1)));
        assert_eq!(parse_choice(b"zwak", perf), Ok(Some(2)));
        assert_eq!(parse_choice(b"Gemiddeld", perf), Ok(Some(3)));
        assert_eq!(parse_choice(b"Neutraal", perf), Ok(Some(3)));
        assert_eq!(parse_choice(b"Sterk", perf), Ok(Some(4)));
        assert_eq!(parse_choice(b"Very strong", perf), Ok(Some(5)));
        assert_eq!(parse_choice(b"4 - Strong", perf), Ok(Some(4)));
        assert_eq!(parse_choice(b"Weet niet", perf), Ok(None));
        assert_eq!(parse_choice(b"-99", perf), Ok(None));
        assert_eq!(parse_choice(b"Sterk", imp), Err(()));
        assert_eq!(parse_choice(b"6 - Excellent", perf), Err(()));
    }

    #[test]
    fn statuses() {
        assert_eq!(status_reason(b"0"), None);
        assert_eq!(status_reason(b"IP Address"), None);
        assert_eq!(status_reason(b"Imported"), None);
        assert_eq!(status_reason(b"1").as_deref(), Some("survey preview"));
        assert_eq!(
            status_reason(b"Survey Preview").as_deref(),
            Some("survey preview")
        );
        assert_eq!(status_reason(b"8").as_deref(), Some("spam"));
        assert_eq!(finished_reason(b"False").as_deref(), Some("unfinished"));
        assert_eq!(finished_reason(b"1"), None);
    }
}
