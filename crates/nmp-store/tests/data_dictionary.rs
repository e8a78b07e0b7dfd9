//! `docs/data-dictionary.md` names every table and every column the migrations create, so the
//! dictionary cannot fall behind the schema.

use nmp_store::testing::engines;

#[tokio::test]
async fn the_data_dictionary_documents_every_table_and_column() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/data-dictionary.md")).unwrap();
    let db = engines().await.remove(0);
    let tables = db.store.table_columns().await.unwrap();
    let mut missing = Vec::new();
    for (table, columns) in &tables {
        let heading = format!("### `{table}`");
        let Some(start) = text.find(&heading) else {
            missing.push(format!("table {table}"));
            continue;
        };
        let section = &text[start + heading.len()..];
        let section = &section[..section.find("\n#").unwrap_or(section.len())];
        for column in columns {
            if !section.contains(&format!("`{column}`")) {
                missing.push(format!("{table}.{column}"));
            }
        }
    }
    assert!(tables.len() >= 21, "{tables:?}");
    assert!(
        missing.is_empty(),
        "docs/data-dictionary.md does not document: {missing:?}"
    );
    db.finish().await;
}
