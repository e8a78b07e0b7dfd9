//! The reads data collection needs (`nmp-collect` and the workspace's questionnaire pages):
//! questionnaires' questions and invitations, an invitation by its link, the proposals a response
//! led to, attachments without their bytes, the mail log; and, inside a submission's transaction,
//! the reads a submission makes before it writes. Written with the query builder like every read,
//! so no other crate needs the connection.

use nmp_core::vocab::{ChangeAction, ReviewState};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, PrimaryKeyTrait, QueryFilter, QueryOrder, QuerySelect, Value};

use crate::entity::{attachment, invitation, mail, profile, proposal, question, source};
use crate::{Result, Store, Writer};

/// An attachment without its bytes, for lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentSummary {
    /// Key.
    pub attachment_id: i32,
    /// The invitation.
    pub invitation_id: i32,
    /// The question it answers.
    pub question_key: String,
    /// The file name.
    pub file_name: String,
    /// Its media type.
    pub content_type: String,
    /// Its size in bytes.
    pub size_bytes: i32,
    /// SHA-256, hex.
    pub sha256: String,
}

impl Store {
    /// The questions of a questionnaire, in order.
    pub async fn questions_of(&self, questionnaire_id: i32) -> Result<Vec<question::Model>> {
        Ok(question::Entity::find()
            .filter(question::Column::QuestionnaireId.eq(questionnaire_id))
            .order_by_asc(question::Column::Position)
            .all(&self.db)
            .await?)
    }

    /// A questionnaire's invitations, in key order.
    pub async fn invitations_of(&self, questionnaire_id: i32) -> Result<Vec<invitation::Model>> {
        Ok(invitation::Entity::find()
            .filter(invitation::Column::QuestionnaireId.eq(questionnaire_id))
            .order_by_asc(invitation::Column::InvitationId)
            .all(&self.db)
            .await?)
    }

    /// Every invitation in one of `states`, in key order.
    pub async fn invitations_in(&self, states: &[&str]) -> Result<Vec<invitation::Model>> {
        Ok(invitation::Entity::find()
            .filter(invitation::Column::State.is_in(states.iter().copied()))
            .order_by_asc(invitation::Column::InvitationId)
            .all(&self.db)
            .await?)
    }

    /// The invitation whose personal link's token has the SHA-256 `token_hash`.
    pub async fn invitation_by_token_hash(&self, token_hash: &str) -> Result<Option<invitation::Model>> {
        Ok(invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(token_hash))
            .one(&self.db)
            .await?)
    }

    /// The proposals an invitation's response led to, in key order.
    pub async fn proposals_of_invitation(&self, invitation_id: i32) -> Result<Vec<proposal::Model>> {
        Ok(proposal::Entity::find()
            .filter(proposal::Column::InvitationId.eq(invitation_id))
            .order_by_asc(proposal::Column::ProposalId)
            .all(&self.db)
            .await?)
    }

    /// The approved proposal of an invitation's response that created a record of `table` (a
    /// mechanism the respondent reported), if any.
    pub async fn approved_creation(&self, invitation_id: i32, table: &str) -> Result<Option<proposal::Model>> {
        Ok(proposal::Entity::find()
            .filter(proposal::Column::InvitationId.eq(invitation_id))
            .filter(proposal::Column::Entity.eq(table))
            .filter(proposal::Column::Action.eq(ChangeAction::Create.code()))
            .filter(proposal::Column::State.eq(ReviewState::Approved.code()))
            .one(&self.db)
            .await?)
    }

    /// An edition's profile of a mechanism, if it has one.
    pub async fn profile_of(&self, edition_id: i32, mechanism_id: i32) -> Result<Option<profile::Model>> {
        Ok(profile::Entity::find()
            .filter(profile::Column::EditionId.eq(edition_id))
            .filter(profile::Column::MechanismId.eq(mechanism_id))
            .one(&self.db)
            .await?)
    }

    /// The attachments of these invitations' responses, oldest first, without their bytes.
    pub async fn attachment_summaries(&self, invitation_ids: &[i32]) -> Result<Vec<AttachmentSummary>> {
        use attachment::Column as C;
        let rows: Vec<(i32, i32, String, String, String, i32, String)> = attachment::Entity::find()
            .select_only()
            .columns([
                C::AttachmentId,
                C::InvitationId,
                C::QuestionKey,
                C::FileName,
                C::ContentType,
                C::SizeBytes,
                C::Sha256,
            ])
            .filter(C::InvitationId.is_in(invitation_ids.iter().copied()))
            .order_by_asc(C::AttachmentId)
            .into_tuple()
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(
                |(attachment_id, invitation_id, question_key, file_name, content_type, size_bytes, sha256)| {
                    AttachmentSummary {
                        attachment_id,
                        invitation_id,
                        question_key,
                        file_name,
                        content_type,
                        size_bytes,
                        sha256,
                    }
                },
            )
            .collect())
    }

    /// The mail log's latest row.
    pub async fn latest_mail(&self) -> Result<Option<mail::Model>> {
        Ok(mail::Entity::find()
            .order_by_desc(mail::Column::MailId)
            .one(&self.db)
            .await?)
    }
}

impl Writer {
    /// One row by primary key, read in this writer's transaction.
    pub async fn find_by_key<E>(&self, key: <E::PrimaryKey as PrimaryKeyTrait>::ValueType) -> Result<Option<E::Model>>
    where
        E: EntityTrait,
        <E::PrimaryKey as PrimaryKeyTrait>::ValueType: Into<Value>,
    {
        Ok(E::find_by_id(key).one(self.conn()).await?)
    }

    /// How many sources have a slug starting with `prefix` (a response's sources are
    /// `response-<invitation>-<n>`).
    pub async fn sources_with_slug_prefix(&self, prefix: &str) -> Result<u64> {
        Ok(source::Entity::find()
            .filter(source::Column::Slug.starts_with(prefix))
            .count(self.conn())
            .await?)
    }

    /// The proposals of an invitation's response still waiting for a decision, in key order.
    pub async fn pending_proposals_of_invitation(&self, invitation_id: i32) -> Result<Vec<proposal::Model>> {
        Ok(proposal::Entity::find()
            .filter(proposal::Column::InvitationId.eq(invitation_id))
            .filter(proposal::Column::State.eq(ReviewState::Proposed.code()))
            .order_by_asc(proposal::Column::ProposalId)
            .all(self.conn())
            .await?)
    }
}
