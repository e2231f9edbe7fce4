//! Each input form parses a small hand-written fixture into the answers written in it.
//! Expected values below are read off the fixture files by hand.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::import::{
    import, import_str, Exclusion, Format, ImportOptions, Imported, QualtricsOptions,
};
use spco_roles::model::{Dataset, Scale, SummaryTable, Survey};

const IMP: Scale = Scale::Importance;
const PERF: Scale = Scale::Performance;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn opts(name: &str) -> ImportOptions {
    ImportOptions {
        file_name: name.to_string(),
        ..ImportOptions::default()
    }
}

fn load(name: &str) -> Imported {
    import(&fixture(name), &opts(name)).unwrap_or_else(|e| panic!("{e}"))
}

fn survey(imp: &Imported) -> &Survey {
    match &imp.dataset {
        Dataset::Respondents(s) => s,
        Dataset::Summary(_) => panic!("expected respondents"),
    }
}

fn table(imp: &Imported) -> &SummaryTable {
    match &imp.dataset {
        Dataset::Summary(t) => t,
        Dataset::Respondents(_) => panic!("expected a summary"),
    }
}

fn codes(s: &Survey) -> Vec<&str> {
    s.groups.iter().map(|g| g.code.as_str()).collect()
}

fn group_of(s: &Survey, r: usize) -> &str {
    &s.groups[s.group[r] as usize].code
}

fn spco_of(s: &Survey, r: usize) -> Option<&str> {
    s.spco[r].map(|i| s.spcos[i as usize].as_str())
}

/// The 28 answers of respondent `r`: importance roles 1..=14 then performance 1..=14, 0 = skipped.
fn row(s: &Survey, r: usize) -> Vec<u8> {
    s.row(r).to_vec()
}

fn concat(imp: [u8; 14], perf: [u8; 14]) -> Vec<u8> {
    imp.iter().chain(perf.iter()).copied().collect()
}

#[test]
fn long_csv() {
    let imp = load("long.csv");
    assert_eq!(imp.format, Format::Long);
    assert!(imp.excluded.is_empty());
    let s = survey(&imp);
    assert_eq!(s.respondents, ["r1", "r2", "r3", "r 4, quoted"]);
    // Catalogue groups in catalogue order (large, sme, knowledge), then unknown ones.
    assert_eq!(codes(s), ["large", "sme", "knowledge", "Overheid"]);
    assert!(!s.groups[3].known);
    assert_eq!(s.groups[0].label_nl, "Grote bedrijfsleden");
    assert_eq!(
        (0..4).map(|r| group_of(s, r)).collect::<Vec<_>>(),
        ["sme", "large", "Overheid", "knowledge"]
    );
    // `catalisti` and `vil` take the catalogue's spelling; the Flanders' FOOD name is matched.
    assert_eq!(s.spcos, ["VIL", "Catalisti", "Flanders' FOOD"]);
    assert_eq!(spco_of(s, 2), None);
    assert_eq!(spco_of(s, 3), Some("Flanders' FOOD"));
    // r1: role 1 = 7/4, role 2 = 8/3, role 14 = 7.0 -> 7 / 5.
    assert_eq!(s.answer(0, 1, IMP), Some(7));
    assert_eq!(s.answer(0, 1, PERF), Some(4));
    assert_eq!(s.answer(0, 2, IMP), Some(8));
    assert_eq!(s.answer(0, 2, PERF), Some(3));
    assert_eq!(s.answer(0, 14, IMP), Some(7));
    assert_eq!(s.answer(0, 14, PERF), Some(5));
    assert_eq!(s.answer(0, 3, IMP), None);
    // r2: role 1 = 9/blank, role 14 = "6"/5.
    assert_eq!(s.answer(1, 1, IMP), Some(9));
    assert_eq!(s.answer(1, 1, PERF), None);
    assert_eq!(s.answer(1, 14, IMP), Some(6));
    assert_eq!(s.answer(1, 14, PERF), Some(5));
    // r3: role 1 = blank/2.
    assert_eq!(s.answer(2, 1, IMP), None);
    assert_eq!(s.answer(2, 1, PERF), Some(2));
    assert_eq!(s.answer(3, 3, IMP), Some(5));
    assert_eq!(s.answer(3, 3, PERF), Some(1));
    let given: usize = (0..4)
        .map(|r| s.row(r).iter().filter(|&&v| v != 0).count())
        .sum();
    assert_eq!(given, 6 + 3 + 1 + 2);
}

#[test]
fn long_semicolon_crlf_bom_and_quoted_newlines() {
    // Dutch Excel: BOM, `;`, CRLF; a quoted id holding the delimiter, a comma and a line break.
    let text = "\u{feff}Respondent;GROEP;Role;Importance;Performance\r\n\
                \"a;b, c\r\nd\";KMO's;1;7;3\r\n\
                ;;;;\r\n\
                x;SPCO-directies;2;9,0;\r\n";
    let imp = import(text.as_bytes(), &opts("nl.csv")).unwrap();
    assert_eq!(imp.format, Format::Long);
    let s = survey(&imp);
    assert_eq!(s.respondents, ["a;b, c\r\nd", "x"]);
    assert_eq!(codes(s), ["sme", "director"]);
    assert_eq!(s.answer(0, 1, IMP), Some(7));
    assert_eq!(s.answer(0, 1, PERF), Some(3));
    assert_eq!(s.answer(1, 2, IMP), Some(9));
    assert_eq!(s.answer(1, 2, PERF), None);
}

#[test]
fn tab_separated() {
    let text = "respondent\tgroup\trole\timportance\tperformance\nr\tsme\t4\t8\t5\n";
    let s = import_str(text, &opts("t.tsv")).unwrap();
    assert_eq!(survey(&s).answer(0, 4, IMP), Some(8));
}

#[test]
fn wide_csv() {
    let imp = load("wide.csv");
    assert_eq!(imp.format, Format::Wide);
    let s = survey(&imp);
    assert_eq!(s.respondents, ["w1", "w2"]);
    assert_eq!(codes(s), ["intermediary", "director"]);
    assert_eq!(group_of(s, 0), "director");
    assert_eq!(group_of(s, 1), "intermediary");
    assert_eq!(s.spcos, Vec::<String>::new());
    assert_eq!(
        row(s, 0),
        concat(
            [9, 8, 7, 6, 5, 4, 3, 2, 1, 9, 8, 7, 6, 5],
            [5, 4, 3, 2, 1, 0, 0, 0, 0, 5, 4, 3, 2, 1]
        )
    );
    assert_eq!(row(s, 1), concat([5; 14], [3; 14]));
}

#[test]
fn wide_short_names_and_spco() {
    let head: Vec<String> = ["id".to_string(), "group".into(), "spco".into()]
        .into_iter()
        .chain((1..=14).map(|k| format!("PERF_{k}")))
        .chain((1..=14).map(|k| format!("imp_{k}")))
        .collect();
    let line: Vec<String> = ["7".to_string(), "sme".into(), "medvia".into()]
        .into_iter()
        .chain((1..=14).map(|k| ((k % 5) + 1).to_string()))
        .chain((1..=14).map(|k| ((k % 9) + 1).to_string()))
        .collect();
    let text = format!("{}\n{}\n", head.join(","), line.join(","));
    let imp = import_str(&text, &opts("w.csv")).unwrap();
    assert_eq!(imp.format, Format::Wide);
    let s = survey(&imp);
    assert_eq!(s.spcos, ["MEDVIA"]);
    // Role k: performance (k mod 5) + 1, importance (k mod 9) + 1; e.g. role 9: 5 and 1.
    assert_eq!(s.answer(0, 9, PERF), Some(5));
    assert_eq!(s.answer(0, 9, IMP), Some(1));
    assert_eq!(s.answer(0, 4, PERF), Some(5));
    assert_eq!(s.answer(0, 14, IMP), Some(6));
}

#[test]
fn json() {
    let imp = load("respondents.json");
    assert_eq!(imp.format, Format::Json);
    let s = survey(&imp);
    assert_eq!(s.respondents, ["j1", "2", "j3"]);
    assert_eq!(codes(s), ["sme", "director", "Overheid"]);
    assert_eq!(s.spcos, ["VIL"]);
    assert_eq!(spco_of(s, 1), None);
    let mut j1 = [[0u8; 14]; 2];
    j1[0][0] = 7;
    j1[0][1] = 8;
    j1[0][13] = 6;
    j1[1][0] = 4;
    j1[1][13] = 5;
    assert_eq!(row(s, 0), concat(j1[0], j1[1]));
    assert_eq!(s.answer(1, 3, IMP), Some(9));
    assert_eq!(s.answer(1, 3, PERF), None);
    assert_eq!(s.answer(2, 5, PERF), Some(1));
    assert_eq!(s.row(2).iter().filter(|&&v| v != 0).count(), 1);
}

#[test]
fn summary_csv() {
    let imp = load("summary.csv");
    assert_eq!(imp.format, Format::Summary);
    let t = table(&imp);
    assert!(t.groups.is_empty());
    assert_eq!(t.rows.len(), 4);
    // Table 3 of the report, role 1 importance and performance.
    let r = &t.rows[0];
    assert_eq!((r.group, r.role, r.scale, r.n), (None, 1, IMP, Some(30)));
    assert_eq!(
        (r.mean, r.median, r.mode, r.sd),
        (7.37, Some(7.0), Some(7.0), Some(1.49))
    );
    assert_eq!(
        (t.rows[1].scale, t.rows[1].n, t.rows[1].mean),
        (PERF, Some(31), 3.39)
    );
    assert_eq!(t.rows[2].median, Some(7.5));
    assert_eq!(
        (t.rows[3].role, t.rows[3].n, t.rows[3].sd),
        (13, None, Some(0.52))
    );
}

#[test]
fn summary_dutch_semicolons() {
    let imp = load("summary_nl.csv");
    assert_eq!(imp.format, Format::Summary);
    let t = table(&imp);
    let codes: Vec<_> = t.groups.iter().map(|g| g.code.as_str()).collect();
    assert_eq!(codes, ["large", "sme"]);
    // Row 1 is KMO's (sme, index 1), row 2 large (index 0).
    let r = &t.rows[0];
    assert_eq!((r.group, r.role, r.scale, r.n), (Some(1), 5, PERF, Some(6)));
    assert_eq!(
        (r.mean, r.median, r.mode, r.sd),
        (3.75, Some(4.0), Some(4.0), Some(0.5))
    );
    let r = &t.rows[1];
    assert_eq!(
        (r.group, r.mean, r.median, r.mode, r.sd),
        (Some(0), 2.5, Some(2.5), None, None)
    );
}

#[test]
fn qualtrics_numeric_export() {
    let imp = load("qualtrics_numeric.csv");
    assert_eq!(imp.format, Format::Qualtrics);
    // Rows: R_1aaa kept, R_2bbb preview, R_3ccc unfinished, R_4ddd spam, R_5eee imported (kept),
    // R_6fff preview, R_7ggg kept. The previews hold out-of-scale junk that must not be read.
    assert_eq!(
        imp.excluded,
        [
            Exclusion {
                reason: "survey preview".into(),
                count: 2
            },
            Exclusion {
                reason: "unfinished".into(),
                count: 1
            },
            Exclusion {
                reason: "spam".into(),
                count: 1
            },
        ]
    );
    let s = survey(&imp);
    assert_eq!(s.respondents, ["R_1aaa", "R_5eee", "R_7ggg"]);
    assert_eq!(codes(s), ["large", "sme", "Overheid"]);
    assert_eq!(group_of(s, 0), "sme");
    assert_eq!(group_of(s, 1), "large");
    assert_eq!(s.spcos, ["VIL", "Catalisti"]);
    assert_eq!(spco_of(s, 2), None);
    // Q3_1 holds role 2 and Q3_2 role 1 (the statements say so), so Q3 = 4,3,... gives
    // performance role 1 = 3 and role 2 = 4.
    assert_eq!(
        row(s, 0),
        concat(
            [7, 8, 6, 9, 8, 7, 7, 6, 7, 6, 5, 9, 5, 7],
            [3, 4, 3, 5, 4, 4, 3, 3, 4, 3, 3, 4, 3, 4]
        )
    );
    assert_eq!(row(s, 1), concat([9; 14], [5; 14]));
    // R_7ggg: importance 1, 4, 14 = 1, 2, 3; Q3_2 (role 1) = 2, Q3_14 = 1.
    let mut g = [[0u8; 14]; 2];
    g[0][0] = 1;
    g[0][3] = 2;
    g[0][13] = 3;
    g[1][0] = 2;
    g[1][13] = 1;
    assert_eq!(row(s, 2), concat(g[0], g[1]));
}

#[test]
fn qualtrics_text_export() {
    let imp = load("qualtrics_text.csv");
    assert_eq!(imp.format, Format::Qualtrics);
    assert_eq!(
        imp.excluded,
        [
            Exclusion {
                reason: "survey preview".into(),
                count: 1
            },
            Exclusion {
                reason: "unfinished".into(),
                count: 1
            },
            Exclusion {
                reason: "spam".into(),
                count: 1
            },
            Exclusion {
                reason: "survey test".into(),
                count: 1
            },
        ]
    );
    let s = survey(&imp);
    assert_eq!(s.respondents, ["R_t1", "R_t5"]);
    assert_eq!(codes(s), ["large", "sme"]);
    assert_eq!(s.spcos, ["VIL", "Flux50"]);
    // Importance: 7, "9 - Cruciaal", "1 - Onbelangrijk", 8, blank, 6, 5, 4, 3, 2, 7, 8,
    // "9 - Cruciaal", 6. Performance Q3_1..14 (Q3_1 = role 2): Sterk 4, Zeer zwak 1,
    // Gemiddeld 3, Very strong 5, blank, Zwak 2, Zeer sterk 5, 4, Neutraal 3, Weet niet (skip),
    // "3 - Gemiddeld" 3, Strong 4, Weak 2, Average 3.
    assert_eq!(
        row(s, 0),
        concat(
            [7, 9, 1, 8, 0, 6, 5, 4, 3, 2, 7, 8, 9, 6],
            [1, 4, 3, 5, 0, 2, 5, 4, 3, 0, 3, 4, 2, 3]
        )
    );
    assert_eq!(row(s, 1), concat([5; 14], [4; 14]));
}

#[test]
fn qualtrics_keep_all() {
    let mut o = opts("qualtrics_text.csv");
    o.qualtrics.keep_all = true;
    // The preview row holds "nonsense" answers, which keep_all must then report.
    let err = import(&fixture("qualtrics_text.csv"), &o).unwrap_err();
    assert!(err.to_string().contains("line 5, column \"Q2_1\""), "{err}");
    // Without the nonsense row, everything is kept.
    let text = String::from_utf8(fixture("qualtrics_text.csv")).unwrap();
    let text: String = text
        .split_inclusive('\n')
        .filter(|l| !l.contains("R_t2"))
        .collect();
    let imp = import_str(&text, &o).unwrap();
    assert!(imp.excluded.is_empty());
    assert_eq!(
        survey(&imp).respondents,
        ["R_t1", "R_t3", "R_t4", "R_t5", "R_t6"]
    );
}

#[test]
fn qualtrics_named_columns() {
    // Question texts that say nothing: the options name the matrices and the group column.
    let mut ids = vec!["ResponseId".to_string(), "Finished".into(), "Kind".into()];
    let mut texts = vec!["Response ID".to_string(), "Finished".into(), "Soort".into()];
    for (q, n) in [("QA", 14), ("QB", 14)] {
        for k in 1..=n {
            ids.push(format!("{q}_{k}"));
            texts.push(format!("Vraag {q} - stelling {k}"));
        }
    }
    let imports: Vec<String> = ids
        .iter()
        .map(|i| format!("\"{{\"\"ImportId\"\":\"\"{i}\"\"}}\""))
        .collect();
    let vals: Vec<String> = ["R_1".to_string(), "1".into(), "kennisinstellingen".into()]
        .into_iter()
        .chain((1..=14).map(|k| ((k % 9) + 1).to_string()))
        .chain((1..=14).map(|k| ((k % 5) + 1).to_string()))
        .collect();
    let text = format!(
        "{}\n{}\n{}\n{}\n",
        ids.join(","),
        texts.join(","),
        imports.join(","),
        vals.join(",")
    );
    let mut o = opts("q.csv");
    let err = import_str(&text, &o).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("q.csv: could not find the importance questions"),
        "{msg}"
    );
    assert!(
        msg.contains("QA: Vraag QA") && msg.contains("importance prefix"),
        "{msg}"
    );
    o.qualtrics = QualtricsOptions {
        importance_prefix: Some("QB".into()),
        performance_prefix: Some("qa_".into()),
        group_column: Some("kind".into()),
        spco_column: None,
        keep_all: false,
    };
    // Wrong way round on purpose: QA values reach 9 and so cannot be performance answers.
    let err = import_str(&text, &o).unwrap_err().to_string();
    assert!(
        err.contains("column \"QA_5\": expected a whole number from 1 to 5"),
        "{err}"
    );
    o.qualtrics.importance_prefix = Some("QA".into());
    o.qualtrics.performance_prefix = Some("QB".into());
    let imp = import_str(&text, &o).unwrap();
    let s = survey(&imp);
    assert_eq!(codes(s), ["knowledge"]);
    assert_eq!(s.answer(0, 8, IMP), Some(9));
    assert_eq!(s.answer(0, 4, PERF), Some(5));
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(Format::parse(f.name()), Some(f));
    }
    assert_eq!(Format::parse(" JSON "), Some(Format::Json));
    assert_eq!(Format::parse("xml"), None);
}

#[test]
fn explicit_format_overrides_detection() {
    let mut o = opts("x.csv");
    o.format = Format::Summary;
    let err = import(&fixture("long.csv"), &o).unwrap_err().to_string();
    assert!(err.contains("the column \"scale\" is missing"), "{err}");
}
