# Messages of an edition's static site (the report on the web), in English (the French and
# Spanish files have the same keys and placeholders).
#
# A `$when` placeholder is either empty or the edition's year as a phrase with its leading space
# (" as of 2017", from rs-when); a `$page` placeholder is either empty or " (p. 12)". Placeholders
# named `$link`, `$sha256`, `$number`, `$mark` and `$release` hold HTML built by the site.

## Every page: skip link, draft notice, navigation, footer

rs-skip = Skip to content
rs-draft = DRAFT: not for circulation; facts and layout may still change.
rs-nav-label = Report
rs-nav-contents = Contents
rs-nav-overview = Overview
rs-nav-regions = Regions
rs-nav-themes = Themes
rs-nav-outcomes = Outcomes
rs-nav-essays = Expert opinion
rs-nav-annex = Annex
rs-nav-bibliography = Bibliography
rs-footer-cite = How to cite:
rs-built-by = Built by NMP { $version } from the snapshot with SHA-256 { $sha256 }.
rs-report-pdf = The report as PDF
rs-data-package = The data package

## How to cite the edition: the publishers joined two by two, then the kind and edition

rs-cite-and = { $before } and { $after }
rs-cite-edition = { $kind }, edition { $slug }.

## The edition's year, gaps, source marks, tables of mechanisms and counts

rs-when = as of { $year }
rs-as-of = As of { $year }
rs-all-data = In all recorded data
rs-source-title = Source { $number } in the bibliography
rs-gap-label = Not recorded.
rs-not-recorded = not recorded
rs-profiled = Profiled in this edition
rs-col-state = State
rs-col-mechanism = Mechanism
rs-col-since = Since
rs-col-status = Status
rs-col-sources = Sources
rs-col-with-mechanism = With a mechanism
rs-col-states = States
rs-col-share = Share
rs-col-un-region = UN region
rs-col-un-group = UN regional group
rs-no-group = In no UN regional group

## The front page: contents, about this edition, colophon, errata

rs-contents = Contents
rs-about = About this edition
rs-global-overview = Global overview
rs-regional-overview = Regional overview
rs-themes = Civil society, corporations and religious organisations
rs-outcomes = Outcomes
rs-expert-opinion = Expert opinion
rs-errata = Errata
rs-annex = Annex: data tables
rs-bibliography = Bibliography
rs-methodology = Methodology
rs-methodology-missing = The methodology of this edition is not in the database.
rs-methodology-intro = The research for this edition used the following method:
rs-how-computed = How the figures are computed
rs-computed = The figures and tables of this report are computed by NMP from its database, as of the edition's year{ $year }. A state counts as having a national mechanism when at least one mechanism of national level is on record for it and a dated fact (its creation or launch, an activity, a step of its status history, or its profile in an edition) places it in or before that year, and it had not been dissolved by then. Regions are those of the UN geoscheme (M49); regional groups are the five UN regional groups of member states. Every fact shown is cited to a source in the bibliography; where the record is silent, the report says "not recorded" rather than filling the gap.
rs-agreement = Agreement between raters
# $link: a link to the outcomes page, whose text is rs-agreement-link.
rs-agreement-text = The { $link } were made in assessment rounds: several raters rated every target on every criterion independently, each rating with its rationale and evidence, and an editor then recorded the consensus, which is what this report prints. The tables give Krippendorff's alpha for ordinal data (1 is perfect agreement, 0 no better than chance; a dash where it is undefined) and the share of agreeing pairs of ratings, over the units that at least two raters rated.
rs-agreement-link = outcome assessments
rs-agreement-caption = Agreement between raters: { $round } ({ $framework }, version { $version }).
rs-col-criterion = Criterion
rs-col-alpha = Alpha
rs-col-agreement = Agreement
rs-col-units = Units
rs-col-raters = Raters
rs-col-ratings = Ratings
rs-all-criteria = All criteria
rs-notes-on-record = Notes on the record
rs-colophon = Colophon
rs-authors-editors = Authors and editors
rs-published-by = Published by
rs-original-pages = The original edition has { $pages } pages.
rs-licence = Licence
rs-licence-missing = Not recorded: the licence of this edition is not in the database.
rs-how-to-cite = How to cite
rs-sources-of-record = Sources of this record
rs-snapshot = Snapshot
rs-snapshot-text = SHA-256 { $sha256 }: the same snapshot always gives the same report.
rs-errata-text = Corrections issued since this edition was published. The pages of this site show the edition as published; these entries correct it.
rs-col-issued = Issued
rs-col-where = Where
rs-col-correction = Correction

## Global overview, risk and capacity

rs-overview-lede = { $when }, { $with } of { $states } states ({ $share }) had at least one national mechanism for the prevention of genocide and other atrocity crimes on record.
rs-map-alt = World map: the states with a national mechanism{ $when } in colour: { $states }.
rs-map-caption = States with a national mechanism{ $when }. Natural Earth 1:110m; some small island states are too small to show.
rs-region-caption = States with a national mechanism, by UN region.
rs-by-region-alt = Stacked bars: states with and without a national mechanism, by UN region.
rs-by-region-caption = States with and without a national mechanism, by UN region.
rs-risk-capacity = Risk and capacity
# $label: the forecast's release; $previous: the earlier release (or rs-risk-previous).
rs-risk-text = { $label } assesses { $states } states' risk of a new mass killing in the next two years. The table lists the { $rows } states at high risk (its top 30) or rising risk (up one percentage point or more since { $previous }, or newly in the top 30) beside their capacity to prevent atrocity crimes{ $when }: their national mechanism, its function ratings, their initiatives and prevention networks.
rs-risk-previous = the previous release
# $number: the number of states flagged (in bold); $flagged: rs-risk-flagged-count; $mark: the flag.
rs-risk-flagged = { $number } { $flagged } ({ $mark }): high or rising risk and no operational national mechanism.
rs-risk-flagged-count =
    { $count ->
        [one] state is flagged
       *[other] states are flagged
    }
rs-risk-forecast = A statistical forecast says which states resemble those where mass killings began; it is not a prediction that one will.
rs-col-rank = Rank
rs-col-risk = Risk
rs-col-change = Change
rs-col-functions = Functions
rs-col-initiatives = Initiatives
rs-col-networks = Networks
rs-col-latest-assessment = Latest assessment
rs-flag-title = Flagged: high or rising risk and no operational national mechanism
rs-no-networks = none
rs-no-assessment = none
# $release: the forecast's title, publisher, version, address and file hash.
rs-risk-caption = High- and rising-risk states and their capacity. Risk: { $release }. Capacity: this report's records.
rs-risk-file = file SHA-256 { $sha256 }

## Regional overview

rs-regional-text = The regional chapters follow the five UN regional groups. For each, the count of states with a national mechanism{ $when } and the list of those states with their mechanisms; a dagger (†) marks the mechanisms this edition profiles.
rs-by-group-alt = Stacked bars: states with and without a national mechanism, by UN regional group.
rs-by-group-caption = States with and without a national mechanism, by UN regional group.
# In bold, then followed by rs-group-text.
rs-group-count = { $with } of { $states }
rs-group-text = { $count } states of the group ({ $share }) had a national mechanism on record{ $when }.
rs-group-none = No state of this group has a national mechanism on record.

## Parts and profiles

rs-part-summary-only = The full text of this part of the original edition is not in the database; the summary above is what its sources say it holds.
rs-part-missing = The text of this part of the original edition{ $page } is not in the database.
rs-breadcrumb = Breadcrumb
rs-country = Country
rs-regional-group = Regional group
rs-type = Type
# $kind and $level: the mechanism's type and level as recorded.
rs-type-level = { $kind } · { $level } level
rs-established = Established
rs-launched = Launched
rs-founding-instrument = Founding instrument
rs-instrument-number = { $kind } no. { $number }
rs-lead-institution = Lead institution
rs-members = Members
rs-functions = Functions
rs-website = Website
rs-mandate = Mandate
rs-profile-missing = The text of this profile in the original edition{ $page } is not in the database; the facts above are those on record, each cited.
rs-status-history = Status history
rs-activities = Activities
# An activity: its date, then its title and kind.
rs-dated = { $date }: { $text }
rs-narrative-history = History
rs-narrative-mandate = Mandate
rs-narrative-structure = Structure
rs-narrative-outputs = Outputs
rs-narrative-challenges = Challenges
rs-narrative-recent-developments = Recent developments

## Civil society, corporations and religious organisations

rs-themes-text = National mechanisms are official bodies, but many include, or work beside, actors outside government. For each kind of actor: the organisations on record as members of a mechanism{ $when }, and the mechanisms set up by that part of society itself.
rs-theme-empty = No organisation of this kind is on record as a member of a mechanism, and no mechanism of this kind is on record{ $when }.
rs-theme-civil-society = Civil society
rs-theme-corporations = Corporations and the private sector
rs-theme-religious = Religious organisations
rs-col-organisation = Organisation
rs-col-member-of = Member of
rs-col-role = Role

## Outcomes

# $link: a link to the front page's rs-about.
rs-outcomes-lead = The outcome assessments of this edition: what the national initiatives and mechanisms below achieved, judged against a framework of criteria with ordered levels. Independent raters rated each one, and an editor recorded the consensus after reconciling their ratings; every level is backed by evidence. How far the raters agreed is reported under { $link }.
rs-consensus-caption = Consensus levels by target and criterion ({ $framework }).
rs-col-target = Target
rs-the-framework = The framework: { $framework }
rs-framework-version = { $title }, version { $version }
rs-assessment = Assessment
rs-no-consensus = No consensus recorded yet.
rs-initiative = Initiative
rs-mechanism = Mechanism
rs-regional-or-international = regional or international
rs-kind = Kind
rs-started = Started
rs-ended = Ended
rs-partners = Partners
rs-level-of = { $level } (level { $rank } of { $of })
rs-unchanged-since = Unchanged since { $edition }: { $level }
rs-changed-since = Change since { $edition }: { $before } → { $level }
rs-with-evidence = { $change } (evidence: { $refs }).
rs-rater = Rater { $rater }: { $level }. { $rationale } { $refs }

## Expert opinion, annex, bibliography

rs-essays-lead = Expert opinion essays, each signed by its author.
rs-author-missing = Author not recorded
rs-annex-states = A.1 States with a national mechanism
# $link: a link to the data package, whose text is rs-annex-data-package.
rs-annex-text = Every state with a national mechanism on record{ $when }, with its mechanisms: when each was created (or, where that is not recorded, launched), its latest status by the edition's year, and the sources in the bibliography. A dagger (†) marks the mechanisms this edition profiles. The same data are in the { $link }.
rs-annex-data-package = data package
rs-annex-groups = A.2 By UN regional group
rs-no-sources = No sources are cited.
rs-accessed = Accessed { $date }.
