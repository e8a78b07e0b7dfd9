//! Reading a package: its descriptor (`datapackage.json`) and every CSV file it names, as
//! [`Table`]s of text cells.

use super::*;

#[derive(Deserialize)]
pub(super) struct DescriptorJson {
    pub(super) resources: Vec<ResourceJson>,
}

#[derive(Deserialize)]
pub(super) struct ResourceJson {
    pub(super) name: String,
    pub(super) path: String,
    pub(super) schema: SchemaJson,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct SchemaJson {
    pub(super) fields: Vec<FieldJson>,
    pub(super) primary_key: String,
    #[serde(default)]
    pub(super) foreign_keys: Vec<ForeignKeyJson>,
}

#[derive(Deserialize)]
pub(super) struct FieldJson {
    pub(super) name: String,
    #[serde(rename = "type")]
    pub(super) ty: String,
    #[serde(default)]
    pub(super) constraints: ConstraintsJson,
}

#[derive(Deserialize, Default)]
pub(super) struct ConstraintsJson {
    #[serde(default)]
    pub(super) required: bool,
    #[serde(default)]
    pub(super) unique: bool,
    #[serde(default)]
    pub(super) pattern: Option<String>,
    #[serde(default, rename = "enum")]
    pub(super) values: Vec<String>,
}

#[derive(Deserialize)]
pub(super) struct ForeignKeyJson {
    pub(super) fields: String,
    pub(super) reference: ReferenceJson,
}

#[derive(Deserialize)]
pub(super) struct ReferenceJson {
    pub(super) resource: String,
    pub(super) fields: String,
}

/// One resource, read: its header and its rows (cells as text, `None` for an empty cell).
pub(super) struct Table {
    pub(super) resource: &'static str,
    pub(super) table: &'static str,
    pub(super) file: String,
    pub(super) schema: SchemaJson,
    pub(super) rows: Vec<Vec<Option<String>>>,
}

impl Table {
    pub(super) fn column(&self, name: &str) -> Option<usize> {
        self.schema.fields.iter().position(|f| f.name == name)
    }
}

/// Reads the descriptor and every CSV file it names.
pub(super) fn read(
    label: &str,
    descriptor: &[u8],
    open: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Vec<Table>, DataPackageError> {
    let descriptor: DescriptorJson = serde_json::from_slice(descriptor)
        .map_err(|e| file_error(label, format!("not a data package descriptor: {e}")))?;
    let mut by_name: HashMap<String, ResourceJson> = HashMap::new();
    for r in descriptor.resources {
        by_name.insert(r.name.clone(), r);
    }
    let mut problems = Vec::new();
    let mut tables = Vec::new();
    for (resource, table) in RESOURCES {
        let Some(r) = by_name.remove(resource) else {
            if !OPTIONAL.contains(&resource) {
                problems.push(file_error(DESCRIPTOR, format!("resource {resource:?} is missing")));
            }
            continue;
        };
        match read_table(&open, resource, table, r) {
            Ok(t) => tables.push(t),
            Err(e) => problems.push(e),
        }
    }
    let mut extra: Vec<String> = by_name.into_keys().collect();
    extra.sort();
    for name in extra {
        problems.push(file_error(
            DESCRIPTOR,
            format!(
                "resource {name:?} is not one NMP loads (an edition package has {} resources, {} of them optional)",
                RESOURCES.len(),
                OPTIONAL.len()
            ),
        ));
    }
    match problems.len() {
        0 => Ok(tables),
        1 => Err(problems.remove(0)),
        _ => Err(DataPackageError::Many(problems)),
    }
}

pub(super) fn read_table(
    open: &impl Fn(&str) -> Result<Vec<u8>, String>,
    resource: &'static str,
    table: &'static str,
    r: ResourceJson,
) -> Result<Table, DataPackageError> {
    let plain = !r.path.is_empty() && !r.path.contains(['/', '\\']) && r.path != "." && r.path != "..";
    if !plain {
        return Err(file_error(
            DESCRIPTOR,
            format!(
                "resource {resource:?}: path {:?} must be a file name in the package directory",
                r.path
            ),
        ));
    }
    let file = r.path.clone();
    let bytes = open(&r.path).map_err(|e| file_error(&file, e))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(bytes.as_slice());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| file_error(&file, e.to_string()))?
        .iter()
        .map(str::to_string)
        .collect();
    let fields: Vec<String> = r.schema.fields.iter().map(|f| f.name.clone()).collect();
    if header != fields {
        return Err(DataPackageError::File {
            file,
            line: Some(1),
            message: format!(
                "the header is {} but datapackage.json lists the fields {}",
                header.join(","),
                fields.join(",")
            ),
        });
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| DataPackageError::File {
            file: file.clone(),
            line: Some(i + 2),
            message: e.to_string(),
        })?;
        rows.push(record.iter().map(|c| (!c.is_empty()).then(|| c.to_string())).collect());
    }
    Ok(Table {
        resource,
        table,
        file,
        schema: r.schema,
        rows,
    })
}
