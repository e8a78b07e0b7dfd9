//! Responses and their review state as a table (CSV here; the workspace also offers it as XLSX): one row per invitation, the answers as one column per
//! question (groups as JSON, `file` questions as the names of the attached files, separated by
//! `; `), with the state of the proposals each response led to.

use nmp_store::Store;
use nmp_store::records::value_text;
use serde_json::Value;

use crate::CollectError;

/// The CSV of a questionnaire's responses.
pub async fn responses_csv(store: &Store, questionnaire_id: i32) -> Result<String, CollectError> {
    let (header, rows) = responses_table(store, questionnaire_id).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header)
        .map_err(|e| crate::invalid("csv", e.to_string()))?;
    for row in rows {
        out.write_record(&row)
            .map_err(|e| crate::invalid("csv", e.to_string()))?;
    }
    let bytes = out.into_inner().map_err(|e| crate::invalid("csv", e.to_string()))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8"))
}

/// A questionnaire's responses as a header and rows of text (what the CSV and the XLSX hold).
pub async fn responses_table(
    store: &Store,
    questionnaire_id: i32,
) -> Result<(Vec<String>, Vec<Vec<String>>), CollectError> {
    let questions = crate::questionnaire::questions(store, questionnaire_id).await?;
    let top: Vec<_> = questions.iter().filter(|q| q.group_key.is_none()).collect();
    let invitations = store.invitations_of(questionnaire_id).await?;
    let mut header: Vec<String> = [
        "invitation_id",
        "respondent_name",
        "respondent_email",
        "organization_id",
        "country_iso3",
        "mechanism_id",
        "due_on",
        "state",
        "submitted_at",
        "source_id",
        "review_comment",
        "proposals_pending",
        "proposals_approved",
        "proposals_rejected",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(top.iter().map(|q| q.question_key.clone()));
    let ids: Vec<i32> = invitations.iter().map(|i| i.invitation_id).collect();
    let files = crate::attach::by_invitation(store, &ids).await?;
    let mut table = Vec::new();
    for inv in invitations {
        let proposals = store.proposals_of_invitation(inv.invitation_id).await?;
        let count = |state: &str| proposals.iter().filter(|p| p.state == state).count().to_string();
        let answers: serde_json::Map<String, Value> = inv
            .answers_json
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default();
        let opt = |v: Option<String>| v.unwrap_or_default();
        let mut row = vec![
            inv.invitation_id.to_string(),
            inv.respondent_name.clone(),
            inv.respondent_email.clone(),
            opt(inv.organization_id.map(|v| v.to_string())),
            opt(inv.country_iso3.clone()),
            opt(inv.mechanism_id.map(|v| v.to_string())),
            inv.due_on.clone(),
            inv.state.clone(),
            opt(inv.submitted_at.map(|t| t.to_string())),
            opt(inv.source_id.map(|v| v.to_string())),
            opt(inv.review_comment.clone()),
            count("proposed"),
            count("approved"),
            count("rejected"),
        ];
        for q in &top {
            if q.kind == "file" {
                let names: Vec<&str> = files
                    .get(&inv.invitation_id)
                    .into_iter()
                    .flatten()
                    .filter(|f| f.question_key == q.question_key)
                    .map(|f| f.file_name.as_str())
                    .collect();
                row.push(names.join("; "));
                continue;
            }
            row.push(match answers.get(&q.question_key) {
                Some(v @ Value::Array(_)) => v.to_string(),
                Some(v) => value_text(v),
                None => String::new(),
            });
        }
        table.push(row);
    }
    Ok((header, table))
}
