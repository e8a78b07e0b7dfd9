//! `nmp export datapackage`: write an edition's data as a Frictionless tabular data package.

use std::path::Path;

use anyhow::Context;

use crate::config::Config;

pub(crate) async fn datapackage(config: &Config, edition: &str, out: &Path) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    let package = nmp_datapackage::datapackage(&store, edition)
        .await
        .with_context(|| format!("exporting edition {edition:?}"))?;
    package
        .write_to(out)
        .with_context(|| format!("writing the data package of edition {edition:?}"))?;
    println!("{}", describe(&package, edition, out));
    Ok(())
}

/// What was written: the directory, then one line per file with its size and, for tables, rows.
pub(crate) fn describe(package: &nmp_datapackage::DataPackage, edition: &str, out: &Path) -> String {
    let mut lines = vec![format!(
        "wrote the data package of edition {edition} to {} ({} files):",
        out.display(),
        package.files.len()
    )];
    for (name, bytes) in &package.files {
        let rows = package
            .rows
            .iter()
            .find(|(resource, _)| format!("{resource}.csv") == *name)
            .map(|(_, n)| format!(", {n} row{}", if *n == 1 { "" } else { "s" }))
            .unwrap_or_default();
        lines.push(format!("  {name}: {} bytes{rows}", bytes.len()));
    }
    lines.join("\n")
}
