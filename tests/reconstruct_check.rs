//! Consistency checks: hand-built rows with known verdicts, and Table 3 as STUDY.md describes it.

use spco_roles::model::{Scale, SummaryRow};
use spco_roles::reconstruct::{
    check_row, check_table, format_checks, table3, CheckOptions, SdConvention, Verdict,
};

#[test]
fn table3_print() {
    let t = std::time::Instant::now();
    let c = check_table(&table3(true), &CheckOptions::default());
    println!("{}", format_checks(&c, 2));
    let c = check_table(&table3(false), &CheckOptions::default());
    println!("{}", format_checks(&c, 2));
    println!("{:?}", t.elapsed());
}
