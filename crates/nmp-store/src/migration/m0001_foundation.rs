//! The foundation schema: reference data (country), actors (organization), the report's facts
//! (mechanism and its status, membership, functions and activities; networks), editions and
//! their profiles, the bibliography (source, citation), accounts and the hash-chained audit log.
//!
//! Conventions: singular table names, `<table>_id` keys; dates with a precision are ISO 8601
//! text at reduced precision (`2012`, `2015-06`, `2014-12-05`), which sorts correctly and says
//! exactly what the source gives; every editable row has `created_at`, `updated_at`,
//! `updated_by` and `version` (optimistic concurrency).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

/// Migration 1.
#[derive(DeriveMigrationName)]
pub struct Migration;

/// The columns every editable row carries.
fn editable(mut table: TableCreateStatement) -> TableCreateStatement {
    table
        .col(timestamp_with_time_zone("created_at"))
        .col(timestamp_with_time_zone("updated_at"))
        .col(string("updated_by"))
        .col(integer("version"));
    table
}

/// A table with an auto-increment `<name>_id` key.
fn table_with_id(name: &'static str, id: &'static str) -> TableCreateStatement {
    Table::create().table(name).col(pk_auto(id)).take()
}

/// A nullable foreign key column `col` → `target(target_col)`.
fn fk(table: &mut TableCreateStatement, col: &'static str, target: &'static str, target_col: &'static str) {
    table.foreign_key(
        ForeignKey::create()
            .from_col(col)
            .to(target, target_col)
            .on_delete(ForeignKeyAction::Restrict),
    );
}

fn unique(name: &'static str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).unique().take();
    for col in cols {
        index.col(*col);
    }
    index
}

fn index(name: &'static str, table: &'static str, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for col in cols {
        index.col(*col);
    }
    index
}

fn tables() -> Vec<TableCreateStatement> {
    let mut country = Table::create()
        .table("country")
        .col(char_len("country_iso3", 3).primary_key())
        .take();
    country
        .col(char_len_uniq("iso2", 2))
        .col(char_len_uniq("m49", 3))
        .col(string("name"))
        .col(string_null("un_region"))
        .col(string_null("un_subregion"))
        .col(string_null("un_regional_group"))
        .col(string("un_status"))
        .col(string_null("un_member_since"))
        .col(text_null("note"));

    let mut organization = table_with_id("organization", "organization_id");
    organization
        .col(string_uniq("slug"))
        .col(string("name"))
        .col(string_null("local_name"))
        .col(string_null("acronym"))
        .col(string("kind"))
        .col(char_len_null("country_iso3", 3))
        .col(integer_null("parent_id"))
        .col(string_null("website"))
        .col(text_null("note"));
    fk(&mut organization, "country_iso3", "country", "country_iso3");
    fk(&mut organization, "parent_id", "organization", "organization_id");

    let mut source = table_with_id("source", "source_id");
    source
        .col(string_uniq("slug"))
        .col(text("title"))
        .col(string("kind"))
        .col(string_null("author"))
        .col(string_null("publisher"))
        .col(string_null("published_on"))
        .col(text_null("url"))
        .col(string_null("accessed_on"))
        .col(string_null("language"))
        .col(text_null("note"));

    let mut function = table_with_id("function", "function_id");
    function
        .col(string_uniq("code"))
        .col(string("label"))
        .col(text("description"));

    let mut mechanism = table_with_id("mechanism", "mechanism_id");
    mechanism
        .col(string_uniq("slug"))
        .col(char_len_null("country_iso3", 3))
        .col(text("name"))
        .col(text_null("local_name"))
        .col(string_null("acronym"))
        .col(string("level"))
        .col(string("mechanism_type"))
        .col(string_null("created_on"))
        .col(string_null("launched_on"))
        .col(integer_null("lead_organization_id"))
        .col(string_null("website"))
        .col(text_null("mandate"))
        .col(string_null("instrument_kind"))
        .col(string_null("instrument_number"))
        .col(string_null("instrument_date"))
        .col(text_null("instrument_title"))
        .col(text_null("instrument_url"))
        .col(text_null("note"));
    fk(&mut mechanism, "country_iso3", "country", "country_iso3");
    fk(
        &mut mechanism,
        "lead_organization_id",
        "organization",
        "organization_id",
    );

    let mut status = table_with_id("mechanism_status", "mechanism_status_id");
    status
        .col(integer("mechanism_id"))
        .col(string("status"))
        .col(string_null("status_on"))
        .col(string("confidence"))
        .col(text_null("note"));
    fk(&mut status, "mechanism_id", "mechanism", "mechanism_id");

    let mut membership = table_with_id("membership", "membership_id");
    membership
        .col(integer("mechanism_id"))
        .col(integer("organization_id"))
        .col(string("role"))
        .col(string_null("since_on"))
        .col(string_null("until_on"))
        .col(string("confidence"))
        .col(text_null("note"));
    fk(&mut membership, "mechanism_id", "mechanism", "mechanism_id");
    fk(&mut membership, "organization_id", "organization", "organization_id");

    let mut edition = table_with_id("edition", "edition_id");
    edition
        .col(string_uniq("slug"))
        .col(text("title"))
        .col(text_null("subtitle"))
        .col(string("kind"))
        .col(string("status"))
        .col(string_null("period_start"))
        .col(string_null("period_end"))
        .col(string_null("published_on"))
        .col(integer_null("pages"))
        .col(string_null("licence"))
        .col(string_null("snapshot_hash"))
        .col(text_null("note"));

    let mut publisher = table_with_id("edition_publisher", "edition_publisher_id");
    publisher
        .col(integer("edition_id"))
        .col(integer("organization_id"))
        .col(string("role"))
        .col(text_null("note"));
    fk(&mut publisher, "edition_id", "edition", "edition_id");
    fk(&mut publisher, "organization_id", "organization", "organization_id");

    let mut contributor = table_with_id("edition_contributor", "edition_contributor_id");
    contributor
        .col(integer("edition_id"))
        .col(string("name"))
        .col(string("role"))
        .col(string_null("affiliation"));
    fk(&mut contributor, "edition_id", "edition", "edition_id");

    let mut part = table_with_id("edition_part", "edition_part_id");
    part.col(integer("edition_id"))
        .col(string("part_key"))
        .col(integer("position"))
        .col(text("title"))
        .col(integer_null("page"))
        .col(text_null("summary"));
    fk(&mut part, "edition_id", "edition", "edition_id");

    let mut mechanism_function = table_with_id("mechanism_function", "mechanism_function_id");
    mechanism_function
        .col(integer("mechanism_id"))
        .col(integer("edition_id"))
        .col(integer("function_id"))
        .col(string("level"))
        .col(text_null("evidence"));
    fk(&mut mechanism_function, "mechanism_id", "mechanism", "mechanism_id");
    fk(&mut mechanism_function, "edition_id", "edition", "edition_id");
    fk(&mut mechanism_function, "function_id", "function", "function_id");

    let mut activity = table_with_id("activity", "activity_id");
    activity
        .col(integer("mechanism_id"))
        .col(string("occurred_on"))
        .col(string("kind"))
        .col(integer_null("function_id"))
        .col(text("title"))
        .col(text_null("description"))
        .col(text_null("outcome"));
    fk(&mut activity, "mechanism_id", "mechanism", "mechanism_id");
    fk(&mut activity, "function_id", "function", "function_id");

    let mut network = table_with_id("network", "network_id");
    network
        .col(string_uniq("slug"))
        .col(text("name"))
        .col(string_null("acronym"))
        .col(string("kind"))
        .col(string_null("founded_on"))
        .col(integer_null("secretariat_organization_id"))
        .col(text_null("description"))
        .col(text_null("note"));
    fk(
        &mut network,
        "secretariat_organization_id",
        "organization",
        "organization_id",
    );

    let mut network_membership = table_with_id("network_membership", "network_membership_id");
    network_membership
        .col(integer("network_id"))
        .col(char_len("country_iso3", 3))
        .col(string("role"))
        .col(string_null("joined_on"))
        .col(string_null("left_on"))
        .col(string("confidence"))
        .col(text_null("note"));
    fk(&mut network_membership, "network_id", "network", "network_id");
    fk(&mut network_membership, "country_iso3", "country", "country_iso3");

    let mut network_count = table_with_id("network_count", "network_count_id");
    network_count
        .col(integer("network_id"))
        .col(string("counted_on"))
        .col(integer("member_count"))
        .col(text_null("note"));
    fk(&mut network_count, "network_id", "network", "network_id");

    let mut account = table_with_id("account", "account_id");
    account
        .col(string_uniq("email"))
        .col(string("name"))
        .col(string("role"))
        .col(string_null("password_hash"))
        .col(boolean("active"));

    let mut profile = table_with_id("profile", "profile_id");
    profile
        .col(integer("edition_id"))
        .col(integer("mechanism_id"))
        .col(string("section"))
        .col(integer_null("edition_part_id"))
        .col(text_null("heading"))
        .col(integer_null("page"))
        .col(integer_null("owner_organization_id"))
        .col(integer_null("assignee_account_id"))
        .col(string("review_state"))
        .col(text_null("history"))
        .col(text_null("mandate"))
        .col(text_null("structure"))
        .col(text_null("outputs"))
        .col(text_null("challenges"))
        .col(text_null("recent_developments"));
    fk(&mut profile, "edition_id", "edition", "edition_id");
    fk(&mut profile, "mechanism_id", "mechanism", "mechanism_id");
    fk(&mut profile, "edition_part_id", "edition_part", "edition_part_id");
    fk(&mut profile, "owner_organization_id", "organization", "organization_id");
    fk(&mut profile, "assignee_account_id", "account", "account_id");

    let mut citation = table_with_id("citation", "citation_id");
    citation
        .col(integer("source_id"))
        .col(string("entity"))
        .col(string("entity_id"))
        .col(string_null("field"))
        .col(string_null("locator"))
        .col(text_null("quote"));
    fk(&mut citation, "source_id", "source", "source_id");

    let editables = [
        country,
        organization,
        source,
        function,
        mechanism,
        status,
        membership,
        edition,
        publisher,
        contributor,
        part,
        mechanism_function,
        activity,
        network,
        network_membership,
        network_count,
        account,
        profile,
        citation,
    ];
    let mut all: Vec<TableCreateStatement> = editables.into_iter().map(editable).collect();

    let mut audit_event = Table::create()
        .table("audit_event")
        .col(big_integer("audit_event_id").primary_key())
        .take();
    audit_event
        .col(timestamp_with_time_zone("occurred_at"))
        .col(string("actor"))
        .col(string("entity"))
        .col(string("entity_id"))
        .col(string("action"))
        .col(text_null("before_json"))
        .col(text_null("after_json"))
        .col(char_len("prev_hash", 64))
        .col(char_len("hash", 64));
    all.push(audit_event);

    let mut audit_head = Table::create()
        .table("audit_head")
        .col(integer("audit_head_id").primary_key())
        .take();
    audit_head
        .col(big_integer("last_event_id"))
        .col(char_len("last_hash", 64));
    all.push(audit_head);
    all
}

fn indexes() -> Vec<IndexCreateStatement> {
    vec![
        index("mechanism_country_idx", "mechanism", &["country_iso3"]),
        index("mechanism_status_mechanism_idx", "mechanism_status", &["mechanism_id"]),
        index("membership_mechanism_idx", "membership", &["mechanism_id"]),
        unique(
            "mechanism_function_uniq",
            "mechanism_function",
            &["mechanism_id", "edition_id", "function_id"],
        ),
        index("activity_mechanism_idx", "activity", &["mechanism_id"]),
        unique(
            "network_membership_uniq",
            "network_membership",
            &["network_id", "country_iso3", "role"],
        ),
        unique(
            "edition_publisher_uniq",
            "edition_publisher",
            &["edition_id", "organization_id", "role"],
        ),
        unique("edition_part_uniq", "edition_part", &["edition_id", "part_key"]),
        unique("profile_uniq", "profile", &["edition_id", "mechanism_id"]),
        index("citation_entity_idx", "citation", &["entity", "entity_id"]),
        index("citation_source_idx", "citation", &["source_id"]),
        index("audit_event_entity_idx", "audit_event", &["entity", "entity_id"]),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in tables() {
            manager.create_table(table).await?;
        }
        for index in indexes() {
            manager.create_index(index).await?;
        }
        // The chain starts from a genesis hash of 64 zeros.
        let genesis = Query::insert()
            .into_table("audit_head")
            .columns(["audit_head_id", "last_event_id", "last_hash"])
            .values_panic([1.into(), 0i64.into(), "0".repeat(64).into()])
            .to_owned();
        manager.exec_stmt(genesis).await?;
        Ok(())
    }

    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
