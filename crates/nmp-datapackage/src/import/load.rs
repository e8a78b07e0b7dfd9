//! Loading checked tables into the database, keys unchanged, parents before children, with
//! placeholder accounts for released raters.

use super::*;

/// Inserts the rows of `t` through the audited writer, keys unchanged.
pub(super) async fn load<A>(w: &mut Writer, t: &Table) -> Result<usize, DataPackageError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + serde::Serialize + nmp_store::entity::Keyed,
    <A::Entity as EntityTrait>::Column: FromStr,
{
    load_filled::<A>(w, t, |_, _| {}).await
}

/// Loads the released raters of `round_raters.csv`, each with a placeholder account (see the
/// module's documentation): the package names no account.
pub(super) async fn load_raters(w: &mut Writer, t: &Table) -> Result<usize, DataPackageError> {
    let (Some(round), Some(pseudonym)) = (t.column("assessment_round_id"), t.column("pseudonym")) else {
        return Err(file_error(
            &t.file,
            "round_raters needs the columns assessment_round_id and pseudonym",
        ));
    };
    let mut accounts = Vec::new();
    for row in &t.rows {
        let round = row[round].clone().unwrap_or_default();
        let name = row[pseudonym].clone().unwrap_or_default();
        let local: String = name
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let placeholder = w
            .insert(account::ActiveModel {
                email: Set(format!("round-{round}-{local}@imported.invalid")),
                name: Set(format!("{name}, rater of round {round} (imported from a data package)")),
                role: Set(AccountRole::Researcher.code().to_string()),
                password_hash: Set(None),
                active: Set(false),
                organization_id: Set(None),
                ..Default::default()
            })
            .await?;
        accounts.push(placeholder.account_id);
    }
    load_filled::<round_rater::ActiveModel>(w, t, |n, model| {
        model.set(round_rater::Column::AccountId, Value::Int(Some(accounts[n])));
    })
    .await
}

/// Inserts the rows of `t` through the audited writer, keys unchanged, after `fill` has set what
/// the package does not hold (given the row's index and its model).
pub(super) async fn load_filled<A>(
    w: &mut Writer,
    t: &Table,
    fill: impl Fn(usize, &mut A),
) -> Result<usize, DataPackageError>
where
    A: ActiveModelTrait + ActiveModelBehavior + Send,
    <A::Entity as EntityTrait>::Model: IntoActiveModel<A> + serde::Serialize + nmp_store::entity::Keyed,
    <A::Entity as EntityTrait>::Column: FromStr,
{
    let mut order: Vec<usize> = (0..t.rows.len()).collect();
    if t.table == "organization" {
        order = parents_first(t);
    }
    for n in order {
        let row = &t.rows[n];
        let mut model = A::default();
        for (c, f) in t.schema.fields.iter().enumerate() {
            let column = <A::Entity as EntityTrait>::Column::from_str(&f.name).map_err(|_| DataPackageError::File {
                file: t.file.clone(),
                line: Some(1),
                message: format!("column {} is not a column of table {}", f.name, t.table),
            })?;
            let value = cell_value(column.def().get_column_type(), row[c].as_deref()).map_err(|message| {
                DataPackageError::File {
                    file: t.file.clone(),
                    line: Some(n + 2),
                    message: format!("{}: {message}", f.name),
                }
            })?;
            model.set(column, value);
        }
        fill(n, &mut model);
        w.insert(model).await?;
    }
    Ok(t.rows.len())
}

/// The rows of `organizations.csv` in an order where every parent comes before its children.
pub(super) fn parents_first(t: &Table) -> Vec<usize> {
    let (Some(id), Some(parent)) = (t.column("organization_id"), t.column("parent_id")) else {
        return (0..t.rows.len()).collect();
    };
    let mut placed: BTreeSet<String> = BTreeSet::new();
    let mut order = Vec::new();
    let mut left: Vec<usize> = (0..t.rows.len()).collect();
    while !left.is_empty() {
        let before = left.len();
        left.retain(|&n| {
            let row = &t.rows[n];
            let ready = row[parent]
                .as_ref()
                .is_none_or(|p| placed.contains(p) || row[id].as_ref() == Some(p));
            if ready {
                placed.insert(row[id].clone().unwrap_or_default());
                order.push(n);
            }
            !ready
        });
        if left.len() == before {
            // A cycle: load the rest as they are and let the database say which row is wrong.
            order.append(&mut left);
        }
    }
    order
}

/// The database value of a cell for a column of `ty`.
pub(super) fn cell_value(ty: &ColumnType, cell: Option<&str>) -> Result<Value, String> {
    let int = |text: &str| text.parse::<i64>().map_err(|_| format!("{text:?} is not an integer"));
    Ok(match ty {
        ColumnType::Integer => Value::Int(
            cell.map(|c| int(c).and_then(|i| i32::try_from(i).map_err(|_| format!("{c} is too large"))))
                .transpose()?,
        ),
        ColumnType::BigInteger => Value::BigInt(cell.map(int).transpose()?),
        ColumnType::Boolean => Value::Bool(cell.map(|c| c == "true")),
        ColumnType::String(_) | ColumnType::Text | ColumnType::Char(_) => Value::String(cell.map(|c| c.to_string())),
        other => return Err(format!("columns of type {other:?} cannot be loaded")),
    })
}
