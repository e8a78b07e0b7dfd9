//! Checking a package's tables whole: every cell against its field, unique and foreign keys;
//! problems reported together as `FILE:ROW:COLUMN: message`.

use super::*;

/// Checks every cell against its field, keys for uniqueness, and references within the package.
pub(super) fn check(tables: &[Table]) -> Result<(), DataPackageError> {
    let mut problems = RowProblems::default();
    let mut keys: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for t in tables {
        for (c, f) in t.schema.fields.iter().enumerate() {
            let is_key = f.name == t.schema.primary_key;
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            for (n, row) in t.rows.iter().enumerate() {
                let line = n + 2;
                let Some(value) = row[c].as_deref() else {
                    if f.constraints.required || is_key {
                        problems.add(&t.file, line, Some(&f.name), || "a value is required".into());
                    }
                    continue;
                };
                if f.ty == "integer" && value.parse::<i64>().is_err() {
                    problems.add(&t.file, line, Some(&f.name), || format!("{value:?} is not an integer"));
                }
                if f.ty == "boolean" && !matches!(value, "true" | "false") {
                    problems.add(&t.file, line, Some(&f.name), || {
                        format!("{value:?} is not true or false")
                    });
                }
                if !f.constraints.values.is_empty() && !f.constraints.values.iter().any(|v| v == value) {
                    problems.add(&t.file, line, Some(&f.name), || {
                        format!("{value:?} is not one of {}", f.constraints.values.join(", "))
                    });
                }
                if f.constraints.pattern.is_some()
                    && let Err(e) = PartialDate::parse(&f.name, value)
                {
                    problems.add(&t.file, line, Some(&f.name), || e.message.clone());
                }
                if (is_key || f.constraints.unique) && !seen.insert(value) {
                    problems.add(&t.file, line, Some(&f.name), || format!("{value:?} appears twice"));
                }
            }
            if is_key {
                keys.insert(t.resource, seen);
            }
        }
    }
    for t in tables {
        for fk in &t.schema.foreign_keys {
            let target = if fk.reference.resource.is_empty() {
                t.resource
            } else {
                fk.reference.resource.as_str()
            };
            let Some(present) = keys.get(target) else {
                problems.add(&t.file, 1, Some(&fk.fields), || {
                    format!("points to resource {target:?}, which the package does not hold")
                });
                continue;
            };
            let Some(c) = t.column(&fk.fields) else { continue };
            for (n, row) in t.rows.iter().enumerate() {
                if let Some(v) = row[c].as_deref()
                    && !present.contains(v)
                {
                    problems.add(&t.file, n + 2, Some(&fk.fields), || {
                        format!("{v} names no row of {target}.csv ({})", fk.reference.fields)
                    });
                }
            }
        }
    }
    problems.finish().map_err(|(problems, total)| DataPackageError::Rows {
        file: "the data package".to_string(),
        problems,
        total,
    })
}
