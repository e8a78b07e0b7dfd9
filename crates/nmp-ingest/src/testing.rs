//! Test fixtures for the crates that import (feature `testing`): a small Early Warning Project
//! release in the 2024 layout ([`release`]), used by the web's forecast series and gap tests and
//! the report's gap table: 35 states with their names and COW codes as in the crosswalk, risks
//! falling by 0.005 a rank from 0.2. Synthetic test data, not EWP's figures.

use std::fmt::Write as _;

/// 35 states (names and COW codes as in the crosswalk), ranked in this order.
pub const STATES: [(&str, u32); 35] = [
    ("Chad", 483),
    ("Sudan", 625),
    ("Burma/Myanmar", 775),
    ("Pakistan", 770),
    ("India", 750),
    ("Ethiopia", 530),
    ("Afghanistan", 700),
    ("Guinea", 438),
    ("Somalia", 520),
    ("Nigeria", 475),
    ("Mali", 432),
    ("Niger", 436),
    ("Iraq", 645),
    ("Syria", 652),
    ("Yemen", 679),
    ("Uganda", 500),
    ("Burundi", 516),
    ("Rwanda", 517),
    ("Angola", 540),
    ("Mozambique", 541),
    ("Cameroon", 471),
    ("Egypt", 651),
    ("Iran", 630),
    ("China", 710),
    ("Laos", 812),
    ("Cambodia", 811),
    ("Thailand", 800),
    ("Philippines", 840),
    ("Indonesia", 850),
    ("Bangladesh", 771),
    ("Kenya", 501),
    ("Ghana", 452),
    ("Senegal", 433),
    ("Peru", 135),
    ("Chile", 155),
];

/// A release for first forecast year `y` with Kenya (31st) moved to `kenya_rank`; with
/// `kosovo`, Kosovo (COW 347) is ranked 36th, below every state.
pub fn release(y: i32, kenya_rank: usize, kosovo: bool) -> tempfile::TempDir {
    let mut order: Vec<(&str, u32)> = STATES.to_vec();
    let kenya = order.remove(30);
    order.insert(kenya_rank - 1, kenya);
    if kosovo {
        order.push(("Kosovo", 347));
    }
    let mut text = format!(
        "\"\",\"ewp_name\",\"risk.{y}and{}.from{}\",\"rank.{y}and{}.from{}\",\"ccode\"\n",
        y + 1,
        y - 1,
        y + 1,
        y - 1
    );
    for (i, (name, code)) in order.iter().enumerate() {
        let risk = 0.2 - 0.005 * i as f64;
        let _ = writeln!(text, "\"{}\",\"{name}\",{risk:.4},{},{code}", i + 1, i + 1);
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(format!("final_forecasts_data_1Oct{y}.csv")), text).unwrap();
    dir
}
