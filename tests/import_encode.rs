//! The compact encoding that carries a worker's import into the element's instance
//! (`import::encode`): every fixture round-trips to an equal `Imported`, and damaged bytes are
//! refused rather than read as data.
#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::import::encode::{decode, encode};
use spco_roles::import::{import, ImportOptions, Imported};
use spco_roles::model::{Dataset, ROW_LEN};

fn fixture(name: &str) -> Imported {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap();
    import(&bytes, &ImportOptions::default()).unwrap()
}

const FIXTURES: [&str; 7] = [
    "long.csv",
    "wide.csv",
    "qualtrics_numeric.csv",
    "qualtrics_text.csv",
    "respondents.json",
    "summary.csv",
    "summary_nl.csv",
];

#[test]
fn every_fixture_round_trips() {
    for name in FIXTURES {
        let imported = fixture(name);
        let bytes = encode(&imported);
        // Everything but the respondent ids, which the compact form leaves out (see its docs).
        let mut want = imported.clone();
        if let Dataset::Respondents(s) = &mut want.dataset {
            s.respondents.iter_mut().for_each(String::clear);
        }
        assert_eq!(decode(&bytes).as_ref(), Some(&want), "{name}");
    }
}

#[test]
fn exclusions_and_both_dataset_kinds_are_covered() {
    // The round trip above means something only if the fixtures exercise every part.
    let all: Vec<Imported> = FIXTURES.iter().map(|n| fixture(n)).collect();
    assert!(all.iter().any(|i| !i.excluded.is_empty()));
    assert!(all.iter().any(|i| matches!(i.dataset, Dataset::Summary(_))));
    assert!(all.iter().any(|i| match &i.dataset {
        Dataset::Respondents(s) => s.spco.iter().any(Option::is_some),
        Dataset::Summary(_) => false,
    }));
}

#[test]
fn respondents_cost_their_row() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/reconstructed-table3.csv"
    ))
    .unwrap();
    let imported = import(&bytes, &ImportOptions::default()).unwrap();
    let Dataset::Respondents(s) = &imported.dataset else {
        panic!("respondents expected")
    };
    // 28 answer bytes, group and SPCO (2 + 2); the rest is a fixed header and labels.
    let per = encode(&imported).len() - s.len() * (ROW_LEN + 4);
    assert!(per < 2_000, "header and labels {per} B");
}

#[test]
fn damaged_bytes_are_refused() {
    let bytes = encode(&fixture("long.csv"));
    assert!(decode(&bytes[..bytes.len() - 1]).is_none(), "truncated");
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer).is_none(), "trailing byte");
    assert!(decode(b"XXXX").is_none(), "magic");
    // An answer outside its scale (the last byte of the answers is a performance answer, 1-5).
    let Dataset::Respondents(s) = &fixture("long.csv").dataset else {
        unreachable!()
    };
    let answers_end = bytes.len() - 4; // no exclusions: a u32 zero follows the answers
    assert_eq!(&bytes[answers_end..], &[0, 0, 0, 0]);
    assert_eq!(
        bytes[answers_end - s.answers().len()..answers_end],
        *s.answers()
    );
    let mut bad = bytes.clone();
    bad[answers_end - 1] = 6;
    assert!(decode(&bad).is_none(), "performance answer 6");
    // Every one-byte change anywhere either is refused or reads back valid data.
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0xff;
        let _ = decode(&b);
    }
}
