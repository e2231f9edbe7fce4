//! Each kind of bad input gives the right error variant, at the right line and column.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::import::{import, import_str, Format, ImportError, ImportOptions};

fn opts(name: &str, format: Format) -> ImportOptions {
    ImportOptions {
        file_name: name.to_string(),
        format,
        ..ImportOptions::default()
    }
}

fn err(text: &str) -> ImportError {
    import_str(text, &opts("data.csv", Format::Auto)).expect_err("should fail")
}

fn err_as(text: &str, format: Format) -> ImportError {
    import_str(text, &opts("data.csv", format)).expect_err("should fail")
}

const LONG: &str = "respondent,group,spco,role,importance,performance\n";

/// A wide header and `rows` rows of valid answers (importance 5, performance 3).
fn wide(rows: usize) -> String {
    let mut s = String::from("respondent,group");
    for scale in ["importance", "performance"] {
        for k in 1..=14 {
            s.push_str(&format!(",{scale}_{k}"));
        }
    }
    s.push('\n');
    for r in 0..rows {
        s.push_str(&format!("r{r},sme"));
        s.push_str(&",5".repeat(14));
        s.push_str(&",3".repeat(14));
        s.push('\n');
    }
    s
}

#[test]
fn not_utf8() {
    let bytes = b"respondent,group,role,importance,performance\nr1,KMO\xe2s,1,5,3\n";
    let e = import(bytes, &opts("data.csv", Format::Auto)).unwrap_err();
    assert_eq!(
        e,
        ImportError::NotUtf8 {
            file: "data.csv".into(),
            line: 2
        }
    );
    assert!(e.to_string().contains("save it as \"CSV UTF-8\""));
}

#[test]
fn empty() {
    for text in ["", "\u{feff}", "  \r\n \n"] {
        assert_eq!(
            err(text),
            ImportError::Empty {
                file: "data.csv".into()
            }
        );
    }
    assert_eq!(
        err(";;;\n;;;\n"),
        ImportError::Empty {
            file: "data.csv".into()
        }
    );
}

#[test]
fn unknown_format() {
    let e = err("name,age\nx,3\n");
    assert!(matches!(&e, ImportError::UnknownFormat { found, .. } if found == "name, age"));
    let msg = e.to_string();
    for expected in [
        "respondent, group",
        "importance_1",
        "Qualtrics",
        "JSON",
        "mean",
    ] {
        assert!(msg.contains(expected), "{msg}");
    }
}

#[test]
fn missing_columns() {
    let e = err("respondent,role,importance,performance\nr1,1,5,3\n");
    assert!(
        matches!(&e, ImportError::MissingColumn { line: 1, column, format: "long", .. } if column == "group"),
        "{e:?}"
    );
    assert!(e
        .to_string()
        .starts_with("data.csv, line 1: the column \"group\" is missing."));
    // A wide file without its last performance column.
    let text = wide(1)
        .replace(",performance_14\n", "\n")
        .replacen(",3\n", "\n", 1);
    let e = err(&text);
    assert!(
        matches!(&e, ImportError::MissingColumn { column, format: "wide", .. } if column == "performance_14"),
        "{e:?}"
    );
}

#[test]
fn ragged_row() {
    let e = err(&format!("{LONG}r1,sme,VIL,1,5,3\nr2,sme,VIL,1\n"));
    assert_eq!(
        e,
        ImportError::RaggedRow {
            file: "data.csv".into(),
            line: 3,
            column: "importance".into(),
            expected: 6,
            found: 4,
        }
    );
    let e = err(&format!("{LONG}r1,sme,VIL,1,5,3,extra\n"));
    assert!(
        matches!(
            e,
            ImportError::RaggedRow {
                line: 2,
                found: 7,
                ..
            }
        ),
        "{e:?}"
    );
    // Extra blank cells, as spreadsheets write them, are fine.
    assert!(import_str(
        &format!("{LONG}r1,sme,VIL,1,5,3,,\n"),
        &opts("d", Format::Auto)
    )
    .is_ok());
}

#[test]
fn values_outside_the_scale() {
    // The brief's example: line 7 is the sixth data row.
    let mut text = wide(6);
    let last = text.trim_end().rsplit('\n').next().unwrap().to_string();
    let bad = last.replacen("sme,5,5,5", "sme,5,5,10", 1);
    text = text.replace(&last, &bad);
    let e = err(&text);
    assert_eq!(
        e.to_string(),
        "data.csv, line 7, column \"importance_3\": expected a whole number from 1 to 9 (importance scale), found \"10\"."
    );
    let e = err(&format!("{LONG}r1,sme,,1,7.5,3\n"));
    assert!(
        matches!(&e, ImportError::InvalidValue { line: 2, column, found, .. } if column == "importance" && found == "7.5")
    );
    let e = err(&format!("{LONG}r1,sme,,1,7,6\n"));
    assert!(
        matches!(&e, ImportError::InvalidValue { column, max: 5, scale: "performance", .. } if column == "performance")
    );
    for bad in [
        "0",
        "-1",
        "x",
        "1e400",
        "NaN",
        "99999999999999999999999",
        "5 ",
    ] {
        let r = import_str(
            &format!("{LONG}r1,sme,,1,{bad},\n"),
            &opts("d", Format::Auto),
        );
        if bad == "5 " {
            assert!(r.is_ok(), "surrounding space is trimmed");
        } else {
            assert!(
                matches!(r, Err(ImportError::InvalidValue { .. })),
                "{bad}: {r:?}"
            );
        }
    }
}

#[test]
fn unknown_roles() {
    for bad in ["15", "0", "18446744073709551617", "-3", "rol", "2.5"] {
        let e = err(&format!("{LONG}r1,sme,,{bad},5,3\n"));
        assert!(
            matches!(&e, ImportError::UnknownRole { line: 2, column, .. } if column == "role"),
            "{bad}: {e:?}"
        );
    }
    let e = err(&wide(1).replace("importance_14,", "importance_15,"));
    assert!(
        matches!(&e, ImportError::UnknownRole { line: 1, column, .. } if column == "importance_15"),
        "{e:?}"
    );
    let e = err(&wide(1).replace("importance_14,", "importance_99999999999999999999999,"));
    assert!(
        matches!(e, ImportError::UnknownRole { line: 1, .. }),
        "{e:?}"
    );
}

#[test]
fn unknown_scale() {
    let e = err("role,scale,mean\n1,importance,7\n2,satisfaction,3\n");
    assert_eq!(
        e.to_string(),
        "data.csv, line 3, column \"scale\": expected \"importance\" or \"performance\", found \"satisfaction\"."
    );
}

#[test]
fn duplicates() {
    let e = err(&format!("{LONG}r1,sme,,1,5,\nr2,sme,,1,5,\nr1,sme,,1,6,\n"));
    assert!(
        matches!(&e, ImportError::Duplicate { line: 4, column, .. } if column == "importance"),
        "{e:?}"
    );
    // Importance and performance of one role on separate rows are fine.
    assert!(import_str(
        &format!("{LONG}r1,sme,,1,5,\nr1,sme,,1,,3\n"),
        &opts("d", Format::Auto)
    )
    .is_ok());
    let text = wide(2).replace("r1,sme", "r0,sme");
    let e = err(&text);
    assert!(
        matches!(&e, ImportError::Duplicate { line: 3, column, .. } if column == "respondent"),
        "{e:?}"
    );
    assert!(
        e.to_string().contains("already has a row, on line 2"),
        "{e}"
    );
    let e = err("role,scale,mean\n1,importance,7\n1,imp,7.5\n");
    assert!(matches!(e, ImportError::Duplicate { line: 3, .. }), "{e:?}");
    let e = err(&wide(1).replace("importance_3,", "imp_2,"));
    assert!(
        matches!(&e, ImportError::Duplicate { line: 1, column, .. } if column == "imp_2"),
        "{e:?}"
    );
}

#[test]
fn respondent_in_two_groups() {
    let e = err(&format!(
        "{LONG}r1,sme,,1,5,3\nr2,large,,1,5,3\nr1,large,,2,5,3\n"
    ));
    assert_eq!(
        e.to_string(),
        "data.csv, line 4, column \"group\": respondent \"r1\" is listed with group \"sme\" on line 2 but with \"large\" here; a respondent belongs to one group only."
    );
    let e = err(&format!("{LONG}r1,sme,VIL,1,5,3\nr1,sme,Flux50,2,5,3\n"));
    assert!(
        matches!(&e, ImportError::Conflict(c)
            if c.line == 3 && c.what == "SPCO" && c.column == "spco" && c.first_line == 2),
        "{e:?}"
    );
}

#[test]
fn missing_values() {
    let e = err(&format!("{LONG}r1,,,1,5,3\n"));
    assert!(
        matches!(&e, ImportError::MissingValue { line: 2, column, .. } if column == "group"),
        "{e:?}"
    );
    let e = err(&format!("{LONG} ,sme,,1,5,3\n"));
    assert!(
        matches!(&e, ImportError::MissingValue { line: 2, column, .. } if column == "respondent"),
        "{e:?}"
    );
}

#[test]
fn json_errors() {
    let e = err("[\n  {\"respondent\": \"r1\",, \"group\": \"sme\"}\n]");
    assert!(
        matches!(
            e,
            ImportError::JsonSyntax {
                line: 2,
                column: 23,
                ..
            }
        ),
        "{e:?}"
    );
    let text = "[\n {\"respondent\": \"r1\", \"group\": \"sme\",\n  \"importance\": {\"1\": 7, \"2\": 10}}\n]";
    let e = err(text);
    assert!(matches!(e, ImportError::JsonShape { line: 3, .. }), "{e:?}");
    assert!(
        e.to_string().starts_with(
            // At the offending value itself (serde_json pointed just past the object, column 33).
            "data.csv, line 3, column 31: importance of role 2: expected a whole number from 1 to 9, found 10."
        ),
        "{e}"
    );
    let e = err("[{\"respondent\": \"r1\", \"importance\": {}}]");
    assert!(
        e.to_string()
            .contains("this respondent has no \"group\" field"),
        "{e}"
    );
    let e = err("{\"respondent\": \"r1\"}");
    assert!(
        matches!(
            e,
            ImportError::JsonShape {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{e:?}"
    );
    let e = err("[{\"respondent\": \"r1\", \"group\": \"sme\", \"importance\": {\"15\": 5}}]");
    assert!(
        e.to_string()
            .contains("expected a role number from 1 to 14, found \"15\""),
        "{e}"
    );
    let e = err("[{\"respondent\": \"r1\", \"group\": \"sme\", \"importance\": {\"1\": 7.5}}]");
    assert!(e.to_string().contains("found 7.5"), "{e}");
    let e = err(
        "[{\"respondent\": 1, \"group\": \"sme\"},\n {\"respondent\": \"1\", \"group\": \"sme\"}]",
    );
    assert!(
        matches!(&e, ImportError::JsonShape { line: 2, message, .. } if message.to_string().contains("listed twice")),
        "{e:?}"
    );
    let e = err("[{\"respondent\": \"r1\", \"group\": \"sme\", \"imp\": {}}]");
    assert!(
        e.to_string()
            .contains("unknown field \"imp\", expected one of \"respondent\""),
        "{e}"
    );
    let e = err("[{\"respondent\": \"r1\", \"group\": \"sme\"}] x");
    assert!(matches!(e, ImportError::JsonSyntax { .. }), "{e:?}");
}

fn qualtrics(ids: &[&str], texts: &[&str], rows: &[&str]) -> String {
    let imports: Vec<String> = ids
        .iter()
        .map(|i| format!("\"{{\"\"ImportId\"\":\"\"{i}\"\"}}\""))
        .collect();
    let mut s = format!(
        "{}\n{}\n{}\n",
        ids.join(","),
        texts.join(","),
        imports.join(",")
    );
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s
}

#[test]
fn qualtrics_group_not_found() {
    let mut ids = vec!["ResponseId".to_string(), "Q9".into()];
    let mut texts = vec!["Response ID".to_string(), "Uw leeftijd?".into()];
    for (q, stem) in [
        ("Q2", "Hoe belangrijk vindt u deze rollen?"),
        ("Q3", "Hoe presteert uw SPCO?"),
    ] {
        for k in 1..=14 {
            ids.push(format!("{q}_{k}"));
            texts.push(format!("{stem} - stelling {k}"));
        }
    }
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let row = format!("R_1,40{}", ",5".repeat(28));
    let e = err(&qualtrics(&ids, &texts, &[&row]));
    assert!(
        matches!(
            e,
            ImportError::QualtricsColumns {
                what: "the respondent group question",
                ..
            }
        ),
        "{e:?}"
    );
    let msg = e.to_string();
    assert!(
        msg.contains("\"groep\"")
            && msg.contains("Q9: Uw leeftijd?")
            && msg.contains("group column"),
        "{msg}"
    );
    // Naming it works; then a bad answer is reported at its line and column id.
    let mut o = opts("q.csv", Format::Auto);
    o.qualtrics.group_column = Some("Q9".into());
    let imp = import_str(&qualtrics(&ids, &texts, &[&row]), &o).unwrap();
    assert_eq!(imp.dataset.groups()[0].code, "40");
    let bad = row
        .replacen(",5", ",Heel belangrijk", 1)
        .replace("R_1", "R_2");
    let e = import_str(&qualtrics(&ids, &texts, &[&row, &bad]), &o).unwrap_err();
    assert_eq!(
        e.to_string(),
        "q.csv, line 5, column \"Q2_1\": expected a whole number from 1 to 9 (importance scale), found \"Heel belangrijk\"."
    );
    let e = import_str(&qualtrics(&ids, &texts, &[&row, &row]), &o).unwrap_err();
    assert!(
        matches!(&e, ImportError::Duplicate { line: 5, column, .. } if column == "ResponseId"),
        "{e:?}"
    );
}

#[test]
fn qualtrics_header_only() {
    let e = err_as("ResponseId,Q1\n", Format::Qualtrics);
    assert!(
        matches!(e, ImportError::QualtricsHeader { line: 2, .. }),
        "{e:?}"
    );
}

#[test]
fn summary_fields() {
    let head = "role,scale,n,mean,median,mode,sd\n";
    let cases = [
        ("1,importance,0,7,,,", "n", "a positive whole number"),
        ("1,importance,3.5,7,,,", "n", "a positive whole number"),
        (
            "1,importance,99999999999,7,,,",
            "n",
            "a positive whole number",
        ),
        ("1,importance,30,x,,,", "mean", "a number from 1 to 9"),
        ("1,importance,30,9.5,,,", "mean", "a number from 1 to 9"),
        ("1,performance,30,3,5.5,,", "median", "a number from 1 to 5"),
        ("1,performance,30,3,,,-1", "sd", "a standard deviation"),
    ];
    for (row, column, expected) in cases {
        let e = err(&format!("{head}{row}\n"));
        match &e {
            ImportError::InvalidField {
                line: 2,
                column: c,
                expected: x,
                ..
            } if c == column && x.to_string().starts_with(expected) => {}
            _ => panic!("{row}: {e:?}"),
        }
    }
    let e = err(&format!("{head}1,importance,30,,,,\n"));
    assert!(
        matches!(&e, ImportError::MissingValue { column, .. } if column == "mean"),
        "{e:?}"
    );
    // Dutch decimal commas in a semicolon file.
    let e = err("rol;schaal;n;gemiddelde\n1;belang;30;9,5\n");
    assert!(e.to_string().contains("found \"9,5\""), "{e}");
}

#[test]
fn lines_count_crlf_and_quoted_newlines() {
    // Line 2 holds a quoted line break, so the bad row starts on line 4.
    let text =
        "respondent;group;role;importance;performance\r\n\"a\r\nb\";sme;1;5;3\r\nc;sme;1;11;3\r\n";
    let e = err(text);
    assert!(
        matches!(e, ImportError::InvalidValue { line: 4, .. }),
        "{e:?}"
    );
    let text = "\u{feff}respondent,group,role,importance,performance\r\n\r\nx,sme,1,5,3\r\ny,sme,1,5,9\r\n";
    let e = err(text);
    assert!(
        matches!(e, ImportError::InvalidValue { line: 4, .. }),
        "{e:?}"
    );
}

#[test]
fn json_messages_read_plainly() {
    let e = err("{}");
    assert!(
        e.to_string()
            .starts_with("data.csv, line 1, column 1: expected an array of respondents such as [{"),
        "{e}"
    );
    assert!(e.to_string().ends_with("found an object."), "{e}");
    let e = err("[{\"respondent\": true, \"group\": \"sme\"}]");
    assert!(
        e.to_string()
            .contains("expected text or a number, found \"true\""),
        "{e}"
    );
}

/// A header with no rows under it is an error in every form, naming the file, not an empty chart.
#[test]
fn header_without_answers() {
    let summary = "role,scale,n,mean,median,mode,sd\n";
    let wide_head = wide(0);
    for (text, format) in [
        (LONG, Format::Long),
        (wide_head.as_str(), Format::Wide),
        (summary, Format::Summary),
    ] {
        for f in [Format::Auto, format] {
            let e = import_str(text, &opts("leeg.csv", f)).expect_err("header only");
            assert_eq!(
                e,
                ImportError::NoAnswers {
                    file: "leeg.csv".into(),
                    json: false,
                    left_out: 0
                },
                "{format:?} as {f:?}"
            );
            assert_eq!(
                e.to_string(),
                "leeg.csv: the file has a header but no answers."
            );
        }
    }
    // CRLF, a BOM and blank lines after the header change nothing.
    let e = err("\u{feff}respondent;group;role;importance;performance\r\n\r\n");
    assert!(
        matches!(e, ImportError::NoAnswers { left_out: 0, .. }),
        "{e:?}"
    );

    let e = err("[]");
    assert_eq!(
        e.to_string(),
        "data.csv: the file has no answers (an empty list of respondents)."
    );
}

/// One row is enough, even one whose items are all skipped: that respondent is counted.
#[test]
fn one_row_is_not_empty() {
    let imp = import_str(
        &format!("{LONG}r1,sme,,1,,\n"),
        &opts("data.csv", Format::Auto),
    )
    .unwrap();
    assert!(matches!(imp.dataset, spco_roles::model::Dataset::Respondents(ref s) if s.len() == 1));
}

/// A Qualtrics export whose only response is a survey preview (left out by default).
#[test]
fn qualtrics_with_only_excluded_rows() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/qualtrics_numeric.csv"
    );
    let full = std::fs::read_to_string(fixture).unwrap();
    let lines: Vec<&str> = full.lines().collect();
    let preview = lines
        .iter()
        .find(|l| l.contains(",preview,"))
        .expect("the fixture has a preview row");
    let text = format!("{}\n{}\n{}\n{preview}\n", lines[0], lines[1], lines[2]);
    let e = err(&text);
    assert!(
        matches!(e, ImportError::NoAnswers { left_out: 1, .. }),
        "{e:?}"
    );
    assert!(
        e.to_string().starts_with(
            "data.csv: the file has a header but no answers: all 1 rows were left out"
        ),
        "{e}"
    );
}
