//! `nmp audit verify`: check the audit log's hash chain.

use crate::config::Config;

pub(crate) async fn verify(config: &Config) -> anyhow::Result<()> {
    let store = super::open(config).await?;
    let report = store.verify_audit_chain().await?;
    println!("audit chain intact: {} events, head {}", report.events, report.head);
    Ok(())
}
