//! The closed vocabularies themselves: the mechanism, organisation, source, edition, account,
//! questionnaire and network codes with their English labels (see the data dictionary). The
//! `vocabulary!` macro of the parent module defines each.

vocabulary! {
    /// The level at which a mechanism works.
    MechanismLevel {
        National => "national", "National",
        Regional => "regional", "Regional",
        International => "international", "International",
        Subnational => "subnational", "Sub-national",
        CivilSociety => "civil_society", "Civil society",
        PrivateSector => "private_sector", "Private sector",
    }
}

vocabulary! {
    /// The institutional form of a mechanism.
    MechanismType {
        Committee => "committee", "Committee",
        Commission => "commission", "Commission",
        Board => "board", "Board",
        TaskForce => "task_force", "Task force",
        OmbudsmanOffice => "ombudsman_office", "Ombudsman office",
        FocalPoint => "focal_point", "Focal point",
        Law => "law", "Law mandating prevention structures",
        Other => "other", "Other",
    }
}

vocabulary! {
    /// A step in a mechanism's dated status history.
    MechanismStatus {
        Proposed => "proposed", "Proposed",
        InProcess => "in_process", "In process",
        Established => "established", "Established",
        Active => "active", "Active",
        Dormant => "dormant", "Dormant",
        Dissolved => "dissolved", "Dissolved",
    }
}

vocabulary! {
    /// The role of an organisation in a mechanism.
    MemberRole {
        Chair => "chair", "Chair",
        Member => "member", "Member",
        Observer => "observer", "Observer",
        Secretariat => "secretariat", "Secretariat",
        Partner => "partner", "Partner",
    }
}

vocabulary! {
    /// How far a mechanism carries out one of its functions in an edition's period.
    FunctionLevel {
        None => "none", "None",
        Planned => "planned", "Planned",
        Partial => "partial", "Partial",
        Operational => "operational", "Operational",
    }
}

vocabulary! {
    /// What kind of actor an organisation is; the basis of the all-of-government breadth measure.
    OrganizationKind {
        HeadOfGovernment => "head_of_government", "Head of state or government office",
        Ministry => "ministry", "Government ministry",
        GovernmentAgency => "government_agency", "Government agency",
        Legislature => "legislature", "Legislature",
        Judiciary => "judiciary", "Judiciary",
        Prosecution => "prosecution", "Prosecution service",
        Police => "police", "Police",
        Military => "military", "Armed forces",
        Intelligence => "intelligence", "Intelligence service",
        OmbudsmanNhri => "ombudsman_nhri", "Ombudsman or national human rights institution",
        CivilSociety => "civil_society", "Civil society organisation",
        Religious => "religious", "Religious organisation",
        Corporation => "corporation", "Corporation",
        Academic => "academic", "Academic body",
        InternationalOrg => "international_org", "International organisation",
        RegionalOrg => "regional_org", "Regional organisation",
        ResearchInstitute => "research_institute", "Research or training institute",
        Other => "other", "Other",
    }
}

vocabulary! {
    /// What kind of document a source is.
    SourceKind {
        Document => "document", "Document",
        Law => "law", "Law or decree",
        WebPage => "web_page", "Web page",
        News => "news", "News item",
        Report => "report", "Report",
        Article => "article", "Journal article",
        Interview => "interview", "Interview",
        QuestionnaireResponse => "questionnaire_response", "Questionnaire response",
    }
}

vocabulary! {
    /// What kind of publication an edition is.
    EditionKind {
        AnnualReport => "annual_report", "Annual report",
        PolicyPaper => "policy_paper", "Policy paper",
    }
}

vocabulary! {
    /// A language NMP writes in: an edition's report (its PDF's and static site's fixed labels,
    /// dates and running heads) and the translations of records.
    Language {
        English => "en", "English",
        French => "fr", "French",
        Spanish => "es", "Spanish",
    }
}

vocabulary! {
    /// Where an edition is in its cycle.
    EditionStatus {
        Planning => "planning", "Planning",
        Collecting => "collecting", "Collecting",
        Drafting => "drafting", "Drafting",
        Review => "review", "Review",
        Published => "published", "Published",
    }
}

vocabulary! {
    /// The role an organisation had in producing an edition.
    PublisherRole {
        Publisher => "publisher", "Publisher",
        CoPublisher => "co_publisher", "Co-publisher",
        ResearchPartner => "research_partner", "Research partner",
        LaunchHost => "launch_host", "Launch host",
        /// Wrote the edition, or the part the row names, as an organisation.
        Author => "author", "Author",
        /// An institution the edition credits as its partner.
        PartnerInstitution => "partner_institution", "Partner institution",
    }
}

vocabulary! {
    /// The section of an edition in which a mechanism's profile appears.
    ProfileSection {
        Update => "update", "Updates to previously featured mechanisms",
        NewAndEmerging => "new_and_emerging", "New and emerging mechanisms",
        Highlighted => "highlighted", "Highlighted mechanisms",
        Featured => "featured", "Featured mechanisms",
    }
}

vocabulary! {
    /// What kind of part of an edition a part is: a chapter of the edition's own text, or an
    /// expert opinion essay signed by its author (printed in its own section, with a byline).
    PartKind {
        Chapter => "chapter", "Chapter",
        Essay => "essay", "Expert opinion essay",
    }
}

vocabulary! {
    /// Where a piece of proposed or drafted content is in review.
    ReviewState {
        Draft => "draft", "Draft",
        Proposed => "proposed", "Proposed",
        Approved => "approved", "Approved",
        Rejected => "rejected", "Rejected",
    }
}

vocabulary! {
    /// What an account may do (see docs/permissions.md once the workspace exists).
    AccountRole {
        Admin => "admin", "Administrator",
        Editor => "editor", "Editor",
        Researcher => "researcher", "Researcher",
        Student => "student", "Student researcher",
        Reviewer => "reviewer", "Reviewer",
        Partner => "partner", "Partner organisation staff",
    }
}

vocabulary! {
    /// How well a stored fact is supported. `unverified` facts are shown with their note and never
    /// counted in indicators.
    Confidence {
        Sourced => "sourced", "Sourced",
        Unverified => "unverified", "Unverified",
    }
}

vocabulary! {
    /// The five UN regional groups of member states.
    UnRegionalGroup {
        African => "african", "African Group",
        AsiaPacific => "asia_pacific", "Asia-Pacific Group",
        EasternEuropean => "eastern_european", "Eastern European Group",
        Grulac => "grulac", "Latin American and Caribbean Group (GRULAC)",
        Weog => "weog", "Western European and Others Group (WEOG)",
    }
}

vocabulary! {
    /// What a proposed change does to its record.
    ChangeAction {
        Create => "create", "Create",
        Update => "update", "Update",
        Delete => "delete", "Delete",
    }
}

vocabulary! {
    /// Where an assignment stands.
    AssignmentState {
        Open => "open", "Open",
        Done => "done", "Done",
    }
}

vocabulary! {
    /// Where an assessment round stands: raters rate while it is `open`; once `closed` no rating
    /// is taken and the editor's reconciliation is what remains.
    RoundState {
        Open => "open", "Open",
        Closed => "closed", "Closed",
    }
}

vocabulary! {
    /// Which way a risk factor is moving in a country, in a rater's or the editors' judgement
    /// (a qualitative risk assessment rates a level and a trend).
    RiskTrend {
        Rising => "rising", "Rising",
        Steady => "steady", "Steady",
        Falling => "falling", "Falling",
    }
}

vocabulary! {
    /// The kind of answer a questionnaire question takes.
    QuestionKind {
        ShortText => "short_text", "Short text",
        LongText => "long_text", "Long text",
        SingleChoice => "single_choice", "One choice",
        MultipleChoice => "multiple_choice", "Several choices",
        YesNo => "yes_no", "Yes or no",
        Number => "number", "Number",
        Date => "date", "Date (year, month or day)",
        File => "file", "File upload",
        Group => "group", "Repeating group",
    }
}

vocabulary! {
    /// Where a questionnaire is in its life.
    QuestionnaireStatus {
        Draft => "draft", "Draft",
        Open => "open", "Open for answers",
        Closed => "closed", "Closed",
    }
}

vocabulary! {
    /// Where an invitation to answer a questionnaire stands.
    InvitationState {
        Invited => "invited", "Invited",
        Draft => "draft", "Draft saved",
        Submitted => "submitted", "Submitted",
        HasIssues => "has_issues", "Returned with issues",
        Reviewed => "reviewed", "Reviewed",
    }
}

vocabulary! {
    /// What happened to an email.
    MailStatus {
        Sent => "sent", "Sent over SMTP",
        Outbox => "outbox", "Written to the outbox folder",
        Failed => "failed", "Failed",
    }
}

vocabulary! {
    /// A state's role in a network.
    NetworkRole {
        Member => "member", "Member",
        FoundingMember => "founding_member", "Founding member",
        Facilitator => "facilitator", "Facilitating state",
        Chair => "chair", "Chair",
        Participant => "participant", "Participant",
    }
}

vocabulary! {
    /// The UN status of a country in the reference list.
    UnStatus {
        Member => "member", "UN member state",
        Observer => "observer", "UN non-member observer state",
    }
}

vocabulary! {
    /// The legal form of the act that founded a mechanism.
    InstrumentKind {
        Constitution => "constitution", "Constitution",
        Statute => "statute", "Statute",
        Decree => "decree", "Decree",
        ExecutiveOrder => "executive_order", "Executive order",
        PresidentialDirective => "presidential_directive", "Presidential directive",
        GazetteNotice => "gazette_notice", "Gazette notice",
        MinisterialResolution => "ministerial_resolution", "Ministerial resolution",
        Treaty => "treaty", "Treaty or protocol",
        Other => "other", "Other",
    }
}

vocabulary! {
    /// What kind of body a network is.
    NetworkKind {
        IntergovernmentalCommittee => "intergovernmental_committee", "Intergovernmental committee",
        StateNetwork => "state_network", "Network of states",
        FocalPointNetwork => "focal_point_network", "Network of focal points",
        Partnership => "partnership", "Multi-stakeholder partnership",
    }
}

vocabulary! {
    /// A person's part in writing an edition.
    ContributorRole {
        LeadAuthor => "lead_author", "Lead author",
        CoAuthor => "co_author", "Co-author",
        Editor => "editor", "Editor",
        /// A student credited for research assistance (not as an author).
        StudentResearchAssistant => "student_research_assistant", "Student research assistant",
        /// An institution credited by name among the edition's contributors.
        PartnerInstitution => "partner_institution", "Partner institution",
    }
}

vocabulary! {
    /// The part of state or society an organisation belongs to: the basis of the
    /// all-of-government breadth indicator (see docs/methodology.md). A classification of the
    /// organisation by its name and mandate, not a fact taken from a source.
    Sector {
        Legislature => "legislature", "Legislature",
        Judiciary => "judiciary", "Judiciary",
        Justice => "justice", "Justice and prosecution",
        ForeignAffairs => "foreign_affairs", "Foreign affairs",
        Defence => "defence", "Defence",
        InteriorPolice => "interior_police", "Interior and police",
        Intelligence => "intelligence", "Intelligence",
        Education => "education", "Education",
        HumanRightsOffice => "human_rights_office", "Human rights office or ombudsman",
        CivilSociety => "civil_society", "Civil society",
        Religious => "religious", "Religious organisations",
        PrivateSector => "private_sector", "Private sector",
        Academia => "academia", "Academia",
        Executive => "executive", "Head of state or government office",
        Other => "other", "Other",
    }
}

impl Sector {
    /// The thirteen sectors counted by the all-of-government breadth indicator.
    pub const BREADTH: &'static [Sector] = &[
        Sector::Legislature,
        Sector::Judiciary,
        Sector::Justice,
        Sector::ForeignAffairs,
        Sector::Defence,
        Sector::InteriorPolice,
        Sector::Intelligence,
        Sector::Education,
        Sector::HumanRightsOffice,
        Sector::CivilSociety,
        Sector::Religious,
        Sector::PrivateSector,
        Sector::Academia,
    ];

    /// Whether the sector is outside government (civil society, religious, private, academic).
    pub fn is_non_state(self) -> bool {
        matches!(
            self,
            Sector::CivilSociety | Sector::Religious | Sector::PrivateSector | Sector::Academia
        )
    }
}

vocabulary! {
    /// Where an expert opinion essay stands, from the invitation to publication (the columns of
    /// the workspace's essay board, in order).
    EssayStage {
        Invited => "invited", "Invited",
        Submitted => "submitted", "Submitted",
        InReview => "in_review", "In review",
        Revisions => "revisions", "Revisions requested",
        Accepted => "accepted", "Accepted",
        Copyediting => "copyediting", "Copyediting",
        Proofs => "proofs", "Proofs with the author",
        Ready => "ready", "Ready for publication",
        Published => "published", "Published",
        Declined => "declined", "Declined",
    }
}

vocabulary! {
    /// A reviewer's recommendation on an essay, and the editor's decision.
    EssayDecision {
        Accept => "accept", "Accept",
        MinorRevisions => "minor_revisions", "Minor revisions",
        MajorRevisions => "major_revisions", "Major revisions",
        Reject => "reject", "Reject",
    }
}

vocabulary! {
    /// Who knows whom in a call's peer review: single-anonymous (reviewers see the author's name)
    /// or double-anonymous (neither sees the other's).
    EssayAnonymity {
        Single => "single", "Single-anonymous",
        Double => "double", "Double-anonymous",
    }
}

vocabulary! {
    /// What made a version of an essay.
    EssayVersionKind {
        Submission => "submission", "Submission",
        Revision => "revision", "Revision",
        Copyedit => "copyedit", "Copyedit",
    }
}

vocabulary! {
    /// Whether a call for essays takes new invitations.
    EssayCallStatus {
        Open => "open", "Open",
        Closed => "closed", "Closed",
    }
}
