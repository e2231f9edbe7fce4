//! Import errors in Dutch (`ImportError::message(Lang::Nl)`), verbatim; English stays the
//! `Display` text.

#![allow(clippy::disallowed_methods)] // a test, not shipped: std is fine (clippy.toml)

use spco_roles::catalogue::Lang;
use spco_roles::import::{import_str, Format, ImportError, ImportOptions};

fn err(text: &str) -> ImportError {
    let opts = ImportOptions {
        file_name: "data.csv".to_string(),
        format: Format::Auto,
        ..ImportOptions::default()
    };
    import_str(text, &opts).expect_err("should fail")
}

const LONG: &str = "respondent,group,spco,role,importance,performance\n";

#[test]
fn dutch_messages_verbatim() {
    assert_eq!(err("").message(Lang::Nl), "data.csv: het bestand is leeg.");
    let e = err(&format!("{LONG}r1,sme,,15,5,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 2, kolom \"role\": verwacht een rolnummer van 1 tot 14, gevonden \"15\"."
    );
    assert_eq!(
        e.message(Lang::En),
        "data.csv, line 2, column \"role\": expected a role number from 1 to 14, found \"15\"."
    );
    let e = err(&format!("{LONG}r1,sme,,3,12,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 2, kolom \"importance\": verwacht een geheel getal van 1 tot 9 \
         (schaal belang), gevonden \"12\"."
    );
    let e = err(&format!("{LONG}r1,,,3,5,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 2, kolom \"group\": verwacht een respondentgroep, gevonden een lege cel."
    );
    let e = err(&format!("{LONG}r1,sme,,3,5,3\nr1,large,,4,5,3\n"));
    assert_eq!(
        e.message(Lang::Nl),
        "data.csv, regel 3, kolom \"group\": respondent \"r1\" staat op regel 2 met groep \
         \"sme\" maar hier met \"large\"; een respondent hoort bij één groep."
    );
    assert_eq!(
        err(LONG).message(Lang::Nl),
        "data.csv: het bestand heeft een kopregel maar geen antwoorden."
    );
}

#[test]
fn every_kind_of_error_has_dutch_wording() {
    // The Dutch message differs from the English one for each input (no English frame left).
    for text in [
        "hello world\n1,2\n",
        "respondent,role,importance,performance\nr1,3,5,3\n",
        "respondent,group,role,importance,performance\nr1,sme,3\n",
        "[{\"respondent\": 1,}]",
    ] {
        let e = err(text);
        let (nl, en) = (e.message(Lang::Nl), e.message(Lang::En));
        assert_ne!(nl, en, "{text:?}");
        assert!(
            !nl.contains(" line ") && !nl.contains("expected"),
            "{text:?}: {nl}"
        );
    }
}
