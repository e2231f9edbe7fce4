//! No input makes the importer panic: pseudo-random bytes and mutations of the valid fixtures
//! all come back as `Ok` or `Err`, and every error formats.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use std::panic::{catch_unwind, AssertUnwindSafe};

use spco_roles::import::{import, Format, ImportOptions, QualtricsOptions};

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
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const FIXTURES: &[&str] = &[
    "long.csv",
    "wide.csv",
    "respondents.json",
    "summary.csv",
    "summary_nl.csv",
    "qualtrics_numeric.csv",
    "qualtrics_text.csv",
];

/// Bytes that matter to the parsers, so that mutations hit interesting paths.
const ALPHABET: &[u8] = b",;\t\"\r\n{}[]:-._ 0123456789eE+\xef\xbb\xbf\xff\xc3";

const TOKENS: &[&str] = &[
    "importance_1",
    "imp_99999999999999999999",
    "role",
    "mean",
    "{\"ImportId\":\"QID2_1\"}",
    "99999999999999999999999",
    "-1",
    "7.5",
    "NaN",
    "1e308",
    "\"",
    "null",
    "[",
    "\u{2019}",
    "Zeer sterk",
    "Survey Preview",
    "KMO's",
    "Q2_1",
];

fn mutate(rng: &mut Rng, base: &[u8], other: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = v.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                v[i] = ALPHABET[rng.below(ALPHABET.len())];
            }
            1 => {
                let i = rng.below(len + 1);
                v.insert(i, ALPHABET[rng.below(ALPHABET.len())]);
            }
            2 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(64)).min(len);
                v.drain(i..j);
            }
            3 if len > 0 => {
                let i = rng.below(len);
                let j = (i + 1 + rng.below(200)).min(len);
                let chunk = v[i..j].to_vec();
                let at = rng.below(len + 1);
                v.splice(at..at, chunk);
            }
            4 => v.truncate(rng.below(len + 1)),
            5 => {
                let i = rng.below(len + 1);
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(i..i, t.iter().copied());
            }
            6 if !other.is_empty() => {
                let cut = rng.below(len + 1);
                let from = rng.below(other.len());
                v.truncate(cut);
                v.extend_from_slice(&other[from..]);
            }
            _ if len > 0 => {
                let i = rng.below(len);
                v[i] = rng.next() as u8;
            }
            _ => {}
        }
    }
    v
}

fn run(input: &[u8], format: Format, keep_all: bool) {
    let opts = ImportOptions {
        format,
        file_name: "fuzz".into(),
        qualtrics: QualtricsOptions {
            keep_all,
            ..QualtricsOptions::default()
        },
    };
    let result = catch_unwind(AssertUnwindSafe(|| match import(input, &opts) {
        Ok(imp) => {
            let _ = imp.dataset.groups().len();
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
        }
    }));
    if result.is_err() {
        panic!(
            "panicked on format {format:?}, input {:?}",
            String::from_utf8_lossy(input)
        );
    }
}

#[test]
fn no_input_panics() {
    let dir = format!("{}/tests/fixtures/import", env!("CARGO_MANIFEST_DIR"));
    let fixtures: Vec<Vec<u8>> = FIXTURES
        .iter()
        .map(|f| std::fs::read(format!("{dir}/{f}")).unwrap())
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let formats = Format::ALL;
    for case in 0..3000 {
        let input = if case % 5 == 0 {
            // Pure noise, mostly from the interesting alphabet.
            let n = rng.below(300);
            (0..n)
                .map(|_| {
                    if rng.below(4) == 0 {
                        rng.next() as u8
                    } else {
                        ALPHABET[rng.below(ALPHABET.len())]
                    }
                })
                .collect()
        } else {
            let base = &fixtures[rng.below(fixtures.len())];
            let other = &fixtures[rng.below(fixtures.len())];
            mutate(&mut rng, base, other)
        };
        run(&input, Format::Auto, false);
        run(&input, formats[rng.below(formats.len())], case % 3 == 0);
    }
}

#[test]
fn huge_numbers_and_odd_headers() {
    let cases = [
        "respondent,group,role,importance,performance\nr,sme,340282366920938463463374607431768211457,1,1\n",
        "respondent,group,role,importance,performance\nr,sme,1,1e309,1\n",
        "respondent,group,role,importance,performance\nr,sme,1,-0,1\n",
        "respondent,group,imp_18446744073709551616\nr,sme,1\n",
        "role,scale,n,mean\n1,importance,4294967296,5\n",
        "role,scale,n,mean\n1,importance,-4294967296,5\n",
        "\"\n",
        "\u{feff}[",
        ",,,\n\"\"\"\n",
        "a\n\n\n{\"ImportId\"\n",
        "a,b\nc,d\n{\"ImportId\":1},x\n",
    ];
    for c in cases {
        for f in Format::ALL {
            run(c.as_bytes(), f, false);
            run(c.as_bytes(), f, true);
        }
    }
}
