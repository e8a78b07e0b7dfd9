//! Entities: one module per table, mirroring migration `m0001_foundation`. The [`editable!`]
//! macro adds the columns every editable row carries (`created_at`, `updated_at`, `updated_by`,
//! `version`) so no table can forget them.

/// Rows that the audited writer can name in the audit log.
pub trait Keyed {
    /// The primary key as text (`KEN`, `42`).
    fn key(&self) -> String;
    /// The row's optimistic-concurrency version.
    fn version(&self) -> i32;
}

macro_rules! editable {
    ($table:literal, $pk:ident : $pkty:ty, auto = $auto:literal; $($field:ident : $ty:ty),* $(,)?) => {
        use sea_orm::entity::prelude::*;

        /// A row of the table.
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize, serde::Deserialize)]
        #[sea_orm(table_name = $table)]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = $auto)]
            pub $pk: $pkty,
            $(pub $field: $ty,)*
            /// When the row was created (UTC).
            pub created_at: TimeDateTimeWithTimeZone,
            /// When the row last changed (UTC).
            pub updated_at: TimeDateTimeWithTimeZone,
            /// Who last changed it (account email or `system:...`).
            pub updated_by: String,
            /// Optimistic-concurrency version, starting at 1.
            pub version: i32,
        }

        /// No relations are declared: queries join explicitly.
        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}

        impl $crate::entity::Keyed for Model {
            fn key(&self) -> String {
                self.$pk.to_string()
            }
            fn version(&self) -> i32 {
                self.version
            }
        }
    };
}

pub mod account;
pub mod activity;
pub mod assessment_round;
pub mod assignment;
pub mod attachment;
pub mod audit_event;
pub mod citation;
pub mod consensus;
pub mod country;
pub mod criterion;
pub mod criterion_indicator;
pub mod criterion_level;
pub mod dataset;
pub mod edition;
pub mod edition_contributor;
pub mod edition_part;
pub mod edition_publisher;
pub mod edition_snapshot;
pub mod erratum;
pub mod essay;
pub mod essay_call;
pub mod essay_decision;
pub mod essay_reference;
pub mod essay_review;
pub mod essay_version;
pub mod framework;
pub mod function;
pub mod indicator;
pub mod initiative;
pub mod initiative_kind;
pub mod initiative_partner;
pub mod invitation;
pub mod link_check;
pub mod login_attempt;
pub mod mail;
pub mod mechanism;
pub mod mechanism_function;
pub mod mechanism_status;
pub mod membership;
pub mod network;
pub mod network_count;
pub mod network_membership;
pub mod observation;
pub mod observation_outside;
pub mod one_time_link;
pub mod organization;
pub mod pending_sign_in;
pub mod profile;
pub mod proposal;
pub mod question;
pub mod questionnaire;
pub mod rating;
pub mod rating_evidence;
pub mod recovery_code;
pub mod risk_coefficient;
pub mod risk_model;
pub mod round_rater;
pub mod round_target;
pub mod server_key;
pub mod session;
pub mod source;
pub mod source_archive_file;
pub mod translation;
pub mod two_factor;
pub mod watch;
pub mod watch_alert;
