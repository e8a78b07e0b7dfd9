//! The columns each exported table publishes, listed explicitly: a column added to the database
//! later (which might hold personal data) is not published until someone adds it here.

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a Table Schema pattern, implicitly anchored).
pub(super) const PARTIAL_DATE_PATTERN: &str = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";

/// Bookkeeping columns every editable table has, none of them exported: `updated_by` can hold a
/// staff member's email address, and the others describe the database rather than the facts.
pub const LEFT_OUT: [&str; 4] = ["created_at", "updated_at", "updated_by", "version"];

pub(super) const PARTIAL_DATE_NOTE: &str = "A partial date in ISO 8601 at reduced precision: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A year or a month stands for that whole period, never for its first day.";

// The exported columns of each table, in the order of the CSV file.
pub(super) const COUNTRIES: &[&str] = &[
    "country_iso3",
    "iso2",
    "m49",
    "name",
    "un_region",
    "un_subregion",
    "un_regional_group",
    "un_status",
    "un_member_since",
    "note",
];
pub(super) const ORGANIZATIONS: &[&str] = &[
    "organization_id",
    "slug",
    "name",
    "local_name",
    "acronym",
    "kind",
    "country_iso3",
    "parent_id",
    "website",
    "note",
    "sector",
];
pub(super) const SOURCES: &[&str] = &[
    "source_id",
    "slug",
    "title",
    "kind",
    "author",
    "publisher",
    "published_on",
    "url",
    "accessed_on",
    "language",
    "note",
    "archived_url",
];
pub(super) const CITATIONS: &[&str] = &[
    "citation_id",
    "source_id",
    "entity",
    "entity_id",
    "field",
    "locator",
    "quote",
];
pub(super) const FUNCTIONS: &[&str] = &["function_id", "code", "label", "description"];
pub(super) const MECHANISMS: &[&str] = &[
    "mechanism_id",
    "slug",
    "country_iso3",
    "name",
    "local_name",
    "acronym",
    "level",
    "mechanism_type",
    "created_on",
    "launched_on",
    "lead_organization_id",
    "website",
    "mandate",
    "instrument_kind",
    "instrument_number",
    "instrument_date",
    "instrument_title",
    "instrument_url",
    "note",
];
pub(super) const MECHANISM_STATUSES: &[&str] = &[
    "mechanism_status_id",
    "mechanism_id",
    "status",
    "status_on",
    "confidence",
    "note",
];
pub(super) const MEMBERSHIPS: &[&str] = &[
    "membership_id",
    "mechanism_id",
    "organization_id",
    "role",
    "since_on",
    "until_on",
    "confidence",
    "note",
];
pub(super) const MECHANISM_FUNCTIONS: &[&str] = &[
    "mechanism_function_id",
    "mechanism_id",
    "edition_id",
    "function_id",
    "level",
    "evidence",
];
pub(super) const ACTIVITIES: &[&str] = &[
    "activity_id",
    "mechanism_id",
    "occurred_on",
    "kind",
    "function_id",
    "title",
    "description",
    "outcome",
];
pub(super) const NETWORKS: &[&str] = &[
    "network_id",
    "slug",
    "name",
    "acronym",
    "kind",
    "founded_on",
    "secretariat_organization_id",
    "description",
    "note",
];
pub(super) const NETWORK_MEMBERSHIPS: &[&str] = &[
    "network_membership_id",
    "network_id",
    "country_iso3",
    "role",
    "joined_on",
    "left_on",
    "confidence",
    "note",
];
pub(super) const TRANSLATIONS: &[&str] = &[
    "translation_id",
    "entity",
    "entity_id",
    "field",
    "language",
    "text",
    "by_nmp",
    "note",
];
pub(super) const NETWORK_COUNTS: &[&str] = &["network_count_id", "network_id", "counted_on", "member_count", "note"];
pub(super) const EDITIONS: &[&str] = &[
    "edition_id",
    "slug",
    "title",
    "subtitle",
    "kind",
    "status",
    "period_start",
    "period_end",
    "published_on",
    "pages",
    "licence",
    "snapshot_hash",
    "note",
    "methodology",
    "language",
];
pub(super) const EDITION_PUBLISHERS: &[&str] = &[
    "edition_publisher_id",
    "edition_id",
    "organization_id",
    "role",
    "note",
    "phase",
    "phase_from",
    "phase_until",
    "edition_part_id",
];
pub(super) const EDITION_CONTRIBUTORS: &[&str] =
    &["edition_contributor_id", "edition_id", "name", "role", "affiliation"];
pub(super) const EDITION_PARTS: &[&str] = &[
    "edition_part_id",
    "edition_id",
    "part_key",
    "position",
    "title",
    "page",
    "summary",
    "owner_organization_id",
    "body",
    "kind",
    "author",
];
/// Without `assignee_account_id`: accounts are staff records and are not exported, so the
/// number would point nowhere (and says who on the team was assigned the text).
pub(super) const PROFILES: &[&str] = &[
    "profile_id",
    "edition_id",
    "mechanism_id",
    "section",
    "edition_part_id",
    "heading",
    "page",
    "owner_organization_id",
    "review_state",
    "history",
    "mandate",
    "structure",
    "outputs",
    "challenges",
    "recent_developments",
];
pub(super) const INITIATIVE_KINDS: &[&str] = &["initiative_kind_id", "code", "label", "description"];
pub(super) const INITIATIVES: &[&str] = &[
    "initiative_id",
    "slug",
    "country_iso3",
    "mechanism_id",
    "initiative_kind_id",
    "title",
    "started_on",
    "ended_on",
    "lead_organization_id",
    "description",
    "note",
];
pub(super) const INITIATIVE_PARTNERS: &[&str] = &[
    "initiative_partner_id",
    "initiative_id",
    "organization_id",
    "role",
    "note",
];
pub(super) const FRAMEWORKS: &[&str] = &[
    "framework_id",
    "slug",
    "framework_version",
    "title",
    "description",
    "note",
];
pub(super) const CRITERIA: &[&str] = &[
    "criterion_id",
    "framework_id",
    "code",
    "position",
    "label",
    "description",
    "category",
    "note",
];
pub(super) const CRITERION_LEVELS: &[&str] = &["criterion_level_id", "criterion_id", "rank", "label", "descriptor"];
/// Without `opened_by`: accounts are staff records and are not exported.
pub(super) const ASSESSMENT_ROUNDS: &[&str] = &[
    "assessment_round_id",
    "edition_id",
    "framework_id",
    "title",
    "due_on",
    "state",
    "release_ratings",
    "note",
];
pub(super) const ROUND_TARGETS: &[&str] = &[
    "round_target_id",
    "assessment_round_id",
    "initiative_id",
    "mechanism_id",
    "country_iso3",
    "assessed_on",
];
/// Without `account_id`: a rater is published only under the pseudonym (`R1`, `R2`, ...), and
/// only for rounds whose ratings are released.
pub(super) const ROUND_RATERS: &[&str] = &["round_rater_id", "assessment_round_id", "pseudonym"];
pub(super) const RATINGS: &[&str] = &[
    "rating_id",
    "round_target_id",
    "criterion_id",
    "round_rater_id",
    "criterion_level_id",
    "rationale",
    "trend",
];
pub(super) const RATING_EVIDENCE: &[&str] = &["rating_evidence_id", "rating_id", "source_id", "locator", "quote"];
/// Without `decided_by`: accounts are staff records and are not exported.
pub(super) const CONSENSUS: &[&str] = &[
    "consensus_id",
    "round_target_id",
    "criterion_id",
    "criterion_level_id",
    "rationale",
    "trend",
];
