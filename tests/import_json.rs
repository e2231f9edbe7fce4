//! The JSON reader against serde_json as an independent oracle: what serde_json accepts is never
//! a syntax error here, what it refuses is always an error, and strings and numbers decode to
//! what serde_json makes of them. Valid documents built at random read back as they were built.
//! Then the limits: deep nesting, and where errors point.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use serde::de::IgnoredAny;
use serde_json::Value;
use spco_roles::import::{import_str, Format, ImportError, ImportOptions};
use spco_roles::model::{Dataset, Scale, Survey};

fn import(text: &str) -> Result<Survey, ImportError> {
    let opts = ImportOptions {
        file_name: "t.json".into(),
        format: Format::Json,
        ..ImportOptions::default()
    };
    import_str(text, &opts).map(|imp| match imp.dataset {
        Dataset::Respondents(s) => s,
        Dataset::Summary(_) => panic!("a summary from JSON"),
    })
}

fn is_syntax(r: &Result<Survey, ImportError>) -> bool {
    matches!(r, Err(ImportError::JsonSyntax { .. }))
}

/// serde_json's verdict on `text` as JSON. A number beyond f64 is valid JSON, read here as
/// written, which serde_json refuses only when it builds a `Value`; skipping (`IgnoredAny`)
/// checks the syntax alone but lets lone surrogates in strings pass. Together they are exact.
fn valid_json(text: &str) -> bool {
    serde_json::from_str::<IgnoredAny>(text).is_ok()
        && serde_json::from_str::<Value>(text)
            .map_or_else(|e| e.to_string().contains("number out of range"), |_| true)
}

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

#[test]
fn strings_decode_as_serde_json_decodes_them() {
    const PIECES: &[&str] = &[
        "a",
        "r1",
        " ",
        "é",
        "😀",
        "\u{7f}",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\f",
        "\\n",
        "\\r",
        "\\t",
        "\\u00e9",
        "\\u0041",
        "\\u0020",
        "\\ud83d\\ude00",
        "\\uD83D\\uDE00",
        "\\ud83d",
        "\\ude00",
        "\\ud83d\\u0041",
        "\\ud83d\\ud83d",
        "\\u12",
        "\\u12g4",
        "\\x",
        "\\",
        "\u{1}",
        "\n",
        "\t",
        "\u{1f}",
        "\\u0000",
    ];
    let mut rng = Rng(0x5EED_0001);
    for _ in 0..5000 {
        let body: String = (0..rng.below(6)).map(|_| rng.pick(PIECES)).collect();
        let lit = format!("\"{body}\"");
        let got = import(&format!("[{{\"respondent\": {lit}, \"group\": \"g\"}}]"));
        match serde_json::from_str::<String>(&lit) {
            Ok(s) if s.trim().is_empty() => {
                assert!(
                    matches!(got, Err(ImportError::JsonShape { .. })),
                    "{lit}: {got:?}"
                )
            }
            Ok(s) => match &got {
                Ok(survey) => assert_eq!(survey.respondents, [s.trim()], "{lit}"),
                Err(e) => panic!("{lit}: {e}"),
            },
            Err(_) => assert!(is_syntax(&got), "{lit}: {got:?}"),
        }
    }
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    const PIECES: &[&str] = &[
        "-", "+", ".", "e", "E", "0", "0", "1", "7", "9", "5", "00", "x",
    ];
    let mut rng = Rng(0x5EED_0002);
    for _ in 0..5000 {
        let lit: String = (0..rng.below(7)).map(|_| rng.pick(PIECES)).collect();
        // As an id the number is kept as written.
        let got = import(&format!("[{{\"respondent\": {lit}, \"group\": \"g\"}}]"));
        if !valid_json(&lit) {
            assert!(is_syntax(&got), "{lit}: {got:?}");
        } else {
            match &got {
                Ok(survey) => assert_eq!(survey.respondents, [lit.as_str()]),
                Err(e) => panic!("{lit}: {e}"),
            }
        }
        // As an answer it must be a whole number on the scale.
        let got = import(&format!(
            "[{{\"respondent\": \"r\", \"group\": \"g\", \"importance\": {{\"1\": {lit}}}}}]"
        ));
        match serde_json::from_str::<Value>(&lit).map(|v| v.as_f64()) {
            Ok(Some(x)) if x.fract() == 0.0 && (1.0..=9.0).contains(&x) => match &got {
                Ok(survey) => assert_eq!(survey.answer(0, 1, Scale::Importance), Some(x as u8)),
                Err(e) => panic!("{lit}: {e}"),
            },
            _ if !valid_json(&lit) => assert!(is_syntax(&got), "{lit}: {got:?}"),
            _ => assert!(
                matches!(got, Err(ImportError::JsonShape { .. })),
                "{lit}: {got:?}"
            ),
        }
    }
}

/// A respondent as generated: what the document says, to compare the import with.
struct Made {
    id: String,
    group: &'static str,
    spco: Option<&'static str>,
    /// Importance then performance, role 1 first, 0 = skipped.
    answers: [[u8; 14]; 2],
}

/// A valid document of `n` respondents in every form the format takes, with whitespace of
/// every kind between tokens, and what it holds.
fn document(rng: &mut Rng, n: usize) -> (String, Vec<Made>) {
    const WS: &[&str] = &["", " ", "\n", "\t", "\r\n", "  \n  "];
    let mut out = String::new();
    let ws = |out: &mut String, rng: &mut Rng| out.push_str(rng.pick(WS));
    let mut made = Vec::new();
    out.push('[');
    for r in 0..n {
        ws(&mut out, rng);
        if r > 0 {
            out.push(',');
            ws(&mut out, rng);
        }
        let (id_json, id) = match rng.below(3) {
            0 => (format!("{r}"), format!("{r}")),
            1 => (format!("\" r\\u00e9{r} \""), format!("ré{r}")),
            _ => (format!("\"\\ud83d\\ude00\\t{r}\""), format!("😀\t{r}")),
        };
        let group = rng.pick(&["sme", "Overheid", "director", "x y"]);
        let spco = match rng.below(3) {
            0 => None,
            _ => Some(rng.pick(&["VIL", "Own SPCO"])),
        };
        let mut answers = [[0u8; 14]; 2];
        let mut scales = Vec::new();
        for (s, max) in [(0, 9u8), (1, 5)] {
            let form = rng.below(4);
            if form == 0 {
                scales.push("null".to_string());
                continue;
            }
            let mut roles: Vec<usize> = (0..14).filter(|_| rng.below(2) == 0).collect();
            if form == 2 {
                roles = (0..rng.below(15)).collect();
            }
            let mut cells = Vec::new();
            for &k in &roles {
                let v = 1 + rng.below(max as usize) as u8;
                let (text, kept) = match rng.below(6) {
                    0 => ("null".to_string(), 0),
                    1 => (format!("\" {v} \""), v),
                    2 => (format!("{v}.0"), v),
                    3 => (format!("{v}0e-1"), v),
                    4 => ("\"\"".to_string(), 0),
                    _ => (format!("{v}"), v),
                };
                answers[s][k] = kept;
                cells.push((k, text));
            }
            let sep = rng.pick(WS);
            let text = if form == 2 {
                let cells: Vec<String> = cells.into_iter().map(|(_, t)| t).collect();
                format!("[{}]", cells.join(&format!(",{sep}")))
            } else {
                // Keys in any order.
                let mut cells = cells;
                if rng.below(2) == 0 {
                    cells.reverse();
                }
                let cells: Vec<String> = cells
                    .into_iter()
                    .map(|(k, t)| format!("\"{}\":{sep}{t}", k + 1))
                    .collect();
                format!("{{{}}}", cells.join(&format!(",{sep}")))
            };
            scales.push(text);
        }
        let spco_json = spco.map_or("null".to_string(), |s| format!("\"{s}\""));
        if rng.below(4) == 0 {
            out.push_str(&format!(
                "[{id_json}, \"{group}\", {spco_json}, {}, {}]",
                scales[0], scales[1]
            ));
        } else {
            let mut fields = vec![
                format!("\"respondent\": {id_json}"),
                format!("\"group\":\"{group}\""),
                format!("\"importance\" : {}", scales[0]),
                format!("\"performance\":{}", scales[1]),
            ];
            if spco.is_some() || rng.below(2) == 0 {
                fields.push(format!("\"spco\": {spco_json}"));
            }
            let k = rng.below(fields.len());
            fields.swap(0, k);
            out.push('{');
            ws(&mut out, rng);
            out.push_str(&fields.join(", "));
            ws(&mut out, rng);
            out.push('}');
        }
        made.push(Made {
            id,
            group,
            spco,
            answers,
        });
    }
    ws(&mut out, rng);
    out.push(']');
    (out, made)
}

#[test]
fn random_documents_read_back() {
    let mut rng = Rng(0x5EED_0003);
    for _ in 0..300 {
        let n = rng.below(6);
        let (doc, made) = document(&mut rng, n);
        assert!(valid_json(&doc), "{doc}");
        if n == 0 {
            // An empty list is valid JSON but no data: an error, not an empty chart.
            let e = import(&doc).expect_err(&doc);
            assert!(
                matches!(e, ImportError::NoAnswers { json: true, .. }),
                "{doc}\n{e:?}"
            );
            continue;
        }
        let s = import(&doc).unwrap_or_else(|e| panic!("{doc}\n{e}"));
        assert_eq!(s.len(), made.len());
        for (r, m) in made.iter().enumerate() {
            assert_eq!(s.respondents[r], m.id, "{doc}");
            let group = &s.groups[s.group[r] as usize];
            assert!(
                [&group.code, &group.label_nl, &group.label_en]
                    .iter()
                    .any(|g| g.as_str() == m.group),
                "{doc}"
            );
            assert_eq!(
                s.spco[r].map(|i| s.spcos[i as usize].as_str()),
                m.spco,
                "{doc}"
            );
            let want: Vec<u8> = m.answers.concat();
            assert_eq!(s.row(r), want, "{doc}");
        }
    }
}

#[test]
fn mutated_documents_agree_with_serde_json_on_validity() {
    const BYTES: &[u8] = b",:\"\\{}[] \n0123456789eE+-.tfnulr";
    const TOKENS: &[&str] = &[
        "null", "true", "1e999", "\\u", "\\ud83d", "\"\\n\"", "[[[", "}}",
    ];
    let mut rng = Rng(0x5EED_0004);
    for case in 0..4000 {
        let n = 1 + rng.below(3);
        let (doc, _) = document(&mut rng, n);
        let mut b = doc.into_bytes();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(b.len() + 1);
            match rng.below(4) {
                0 if i < b.len() => b[i] = BYTES[rng.below(BYTES.len())],
                1 if i < b.len() => {
                    b.remove(i);
                }
                2 => b.splice(i..i, rng.pick(TOKENS).bytes()).for_each(drop),
                _ => b.insert(i, BYTES[rng.below(BYTES.len())]),
            }
        }
        let Ok(text) = String::from_utf8(b) else {
            continue;
        };
        let got = import(&text);
        if valid_json(&text) {
            assert!(!is_syntax(&got), "case {case}: {text}\n{got:?}");
        } else {
            assert!(got.is_err(), "case {case}: {text}");
        }
        if let (Ok(s), Ok(v)) = (&got, serde_json::from_str::<Value>(&text)) {
            assert_eq!(v.as_array().map(Vec::len), Some(s.len()), "{text}");
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    let answers =
        format!("[{{\"respondent\": \"r\", \"group\": \"g\", \"importance\": {{\"1\": {deep}");
    for text in [
        deep.clone(),
        "{\"a\":".repeat(100_000),
        answers,
        format!("[{deep}{}]", "]".repeat(100_000)),
    ] {
        let e = import(&text).expect_err("deeply nested");
        assert!(matches!(e, ImportError::JsonShape { .. }), "{e}");
    }
    let e = import(&format!("[{}", "{}".repeat(10))).expect_err("not a respondent");
    assert!(e.to_string().contains("this respondent has no"), "{e}");
}

#[test]
fn errors_point_at_the_offending_value() {
    // The bad answer is on line 3; the object closes on line 5.
    let text = "[{\"respondent\": \"r1\", \"group\": \"sme\",\n  \"importance\": {\n    \"1\": 7, \"2\": \"ten\",\n    \"3\": 4\n  }}]";
    let e = import(text).expect_err("bad answer");
    assert_eq!(
        e.to_string(),
        "t.json, line 3, column 18: importance of role 2: expected a whole number from 1 to 9, \
         found \"ten\"."
    );
    // A role given twice: at its second key.
    let e = import(
        "[{\"respondent\": \"r1\", \"group\": \"sme\",\n \"performance\": {\"2\": 3, \"2\": 4}}]",
    )
    .expect_err("twice");
    assert!(
        matches!(
            e,
            ImportError::JsonShape {
                line: 2,
                column: 26,
                ..
            }
        ),
        "{e:?}"
    );
    // A missing field: at the respondent's opening brace.
    let e = import("[\n  {\"respondent\": \"r1\"}]").expect_err("no group");
    assert!(
        matches!(
            e,
            ImportError::JsonShape {
                line: 2,
                column: 3,
                ..
            }
        ),
        "{e:?}"
    );
    // Columns count characters, not bytes.
    let e = import("[{\"respondent\": \"é😀\", \"group\": \"ü\", \"x\": 1}]").expect_err("unknown");
    assert!(
        matches!(
            e,
            ImportError::JsonShape {
                line: 1,
                column: 37,
                ..
            }
        ),
        "{e:?}"
    );
    let e = import("[{\"respondent\": \"é\" x}]").expect_err("syntax");
    assert!(
        matches!(
            e,
            ImportError::JsonSyntax {
                line: 1,
                column: 21,
                ..
            }
        ),
        "{e:?}"
    );
    let e = import("[{\"respondent\": \"r1\", \"group\": \"sme\"},]").expect_err("comma");
    assert!(
        matches!(e, ImportError::JsonSyntax { column: 39, .. }),
        "{e:?}"
    );
}

#[test]
fn the_list_form_and_ids_as_written() {
    let s = import("[[\"r1\", \"sme\", null, [7, null, \"8\"], {\"2\": 3}], [2.50, \"sme\"]]")
        .expect("list form");
    assert_eq!(s.respondents, ["r1", "2.50"]);
    assert_eq!(s.answer(0, 1, Scale::Importance), Some(7));
    assert_eq!(s.answer(0, 2, Scale::Importance), None);
    assert_eq!(s.answer(0, 3, Scale::Importance), Some(8));
    assert_eq!(s.answer(0, 2, Scale::Performance), Some(3));
    let e = import("[[\"r1\", \"sme\", null, [], [], 5]]").expect_err("six fields");
    assert!(e.to_string().contains("at most 5 fields"), "{e}");
    let e = import("[[\"r1\"]]").expect_err("one field");
    assert!(e.to_string().contains("no \"group\" field"), "{e}");
}
