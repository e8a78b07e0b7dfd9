//! The overview's risk–capacity gap table in Markdown (the PDF's "Risk and capacity").

use std::fmt::Write as _;

use super::markup::esc;
use crate::snapshot::RiskGap;

/// The section, after the global overview's figures; `when` is ` as of YEAR` or empty.
pub(super) fn risk_gap(out: &mut String, r: &RiskGap, when: &str) {
    let since = r.previous.as_deref().unwrap_or("the previous release");
    let _ = writeln!(
        out,
        "## Risk and capacity\n\n{} assesses {} states' risk of a new mass killing in the next two years. The table lists the {} states at high risk (its top 30) or rising risk (up one percentage point or more since {}, or newly in the top 30) beside their capacity to prevent atrocity crimes{when}: their national mechanism, its function ratings, their initiatives and prevention networks. **{}** {} flagged (■): high or rising risk and no operational national mechanism. A statistical forecast says which states resemble those where mass killings began; it is not a prediction that one will.\n",
        esc(&r.label),
        r.states,
        r.rows.len(),
        esc(since),
        r.flagged,
        if r.flagged == 1 { "state is" } else { "states are" },
    );
    let _ = writeln!(
        out,
        "| Rank | State | Risk | Change | Mechanism | Functions | Initiatives | Networks | Latest assessment |\n|---:|:---|---:|---:|:---|:---|---:|:---|:---|"
    );
    for row in &r.rows {
        let name = if row.flagged {
            format!("■ **{}**", esc(&row.name))
        } else {
            esc(&row.name)
        };
        let _ = writeln!(
            out,
            "| {} | {name} | {} | {} | {} | {} | {} | {} | {} |",
            row.rank,
            esc(&row.risk),
            row.change.as_deref().map_or("–".into(), esc),
            esc(&row.mechanism),
            esc(&row.functions),
            row.initiatives,
            if row.networks.is_empty() {
                "none".into()
            } else {
                esc(&row.networks.join(", "))
            },
            row.assessment.as_deref().map_or("none".into(), esc),
        );
    }
    let mut source = format!("{}, {}", esc(&r.title), esc(&r.publisher));
    if let Some(v) = &r.version {
        let _ = write!(source, ", {}", esc(v));
    }
    if let Some(u) = &r.url {
        let _ = write!(source, ", <{u}>");
    }
    if let Some(h) = &r.file_sha256 {
        let _ = write!(source, " (file SHA-256 `{h}`)");
    }
    let _ = writeln!(
        out,
        "\n: High- and rising-risk states and their capacity. Risk: {source}. Capacity: this report's records.\n"
    );
}
