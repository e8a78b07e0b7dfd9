# The pages of one record (a mechanism, a country), in English (the French and Spanish files have
# the same keys and placeholders).

crumbs = Breadcrumb
rec-type = Type
rec-acronym = Acronym
rec-created = Created
rec-launched = Launched
rec-instrument = Founding instrument
rec-instrument-number = no. { $number }
rec-instrument-of = of { $date }
rec-lead = Lead institution
rec-website = Website
rec-mandate = Mandate
rec-status-history = Status history
rec-no-status = No status recorded.
rec-undated = undated
rec-unverified = unverified
rec-members = Members
rec-members-caption = Member organisations of { $name }
rec-organisation = Organisation
rec-kind = Kind
rec-role = Role
rec-since = Since
rec-functions = Functions by edition
rec-functions-caption = Functions of { $name } by edition
rec-edition = Edition
rec-function = Function
rec-level = Level
rec-evidence = Evidence
rec-activities = Activities
rec-outcome = Outcome:
rec-featured = Featured in
rec-page = p. { $page }
rec-gaps = Gaps and caveats
rec-not-recorded = not recorded
rec-to = to
rec-initiatives-run = Initiatives this mechanism runs or carries:
notes-heading = Sources
notes-mark = source note { $n }
notes-supports = Supports: { $facts }.
notes-in-bibliography = In the bibliography
cite-download = Download the citation:

## A country's page

country-un-region = UN region
country-un-group = UN regional group
country-un-status = UN status
country-observer = Non-member observer state
country-member = Member state
country-no-mechanism = No mechanism is recorded for { $country }. That means none has been documented from the sources we hold, not that none exists.
country-nearby = Nearby, in { $area }, these countries have one:
country-see-also = See also
country-every-mechanism = every mechanism
country-and = and
country-compare = compare countries
country-no-initiative = No initiative is recorded for { $country }.
country-in-list = In the list of initiatives
country-no-network = No network membership is recorded.
country-networks-caption = Networks { $country } belongs to
country-network = Network
country-joined = Joined
country-left = Left
country-risk = Qualitative risk assessment
country-no-risk = No qualitative risk assessment of { $country } has been reconciled and released yet.
