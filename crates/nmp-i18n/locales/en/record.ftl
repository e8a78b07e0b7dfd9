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
rec-activities-latest = The latest { $shown } of { $total } activities.
rec-activities-all = Every activity on the mechanism’s page
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
country-risk-undefined = undefined
country-risk-assessed-on = Assessed as of { $date }
country-risk-assessed = Assessed
# { $assessed } is country-risk-assessed-on or country-risk-assessed; { $framework } is the Framework's title, as recorded.
country-risk-method = { $assessed } along the { $framework } by several raters independently, then reconciled by the editors (edition { $edition }). Levels are NMP's four-level scale (not evident, low, elevated, high), not the UN's; trends say whether a factor is rising, steady or falling.
# α is Krippendorff's alpha; the percentages are shares of pairs of ratings that agree.
country-risk-agreement = Agreement between raters before reconciliation: levels α = { $levels-alpha } ({ $levels-percent } of pairs agree; { $factors } risk factors, { $raters } raters); trends α = { $trends-alpha } ({ $trends-percent } of pairs agree).
country-risk-caption = Risk factors of the UN Framework of Analysis: consensus level and trend for { $country }
country-risk-factor = Risk factor
country-risk-group = Group
country-risk-level = Level
country-risk-trend = Trend
country-risk-why = Why, and the evidence
country-risk-rank = { $rank } of { $of }
country-risk-note = source note { $note }
country-risk-earlier = Earlier assessments
country-risk-earlier-caption = Earlier qualitative risk assessments of { $country }: level and trend per risk factor
country-risk-group-common = Common
country-risk-group-genocide = Genocide
country-risk-group-crimes-against-humanity = Crimes against humanity
country-risk-group-war-crimes = War crimes
choice-rising = Rising
choice-steady = Steady
choice-falling = Falling
country-ewp-caption = Data of the figure: two-year risk and rank per release
country-ewp-release = Release
country-ewp-years = Forecast years
country-ewp-rank = Rank
country-ewp-releases = imported releases
# { $releases } is a link whose text is country-ewp-releases.
country-ewp-note = The { $releases } of the Early Warning Project's statistical risk assessment; the top 30 are treated as high risk.
# { $country } is the country's name as recorded.
country-watch-follow = Follow { $country } on your watchlist
# { $risk } is a link whose text is an-risk-title.
country-watch-who = staff and partner accounts, after signing in: you are alerted when it enters the top 30, its risk rises or it is assessed again; see also { $risk }
rec-translated-official = Official translation
rec-translated-by-nmp = Translated by NMP
rec-original = Original
rec-original-text = The original text

## Kinds of organisation (vocabulary OrganizationKind), by code
org-kind-head-of-government = Head of state or government office
org-kind-ministry = Government ministry
org-kind-government-agency = Government agency
org-kind-legislature = Legislature
org-kind-judiciary = Judiciary
org-kind-prosecution = Prosecution service
org-kind-police = Police
org-kind-military = Armed forces
org-kind-intelligence = Intelligence service
org-kind-ombudsman-nhri = Ombudsman or national human rights institution
org-kind-civil-society = Civil society organisation
org-kind-religious = Religious organisation
org-kind-corporation = Corporation
org-kind-academic = Academic body
org-kind-international-org = International organisation
org-kind-regional-org = Regional organisation
org-kind-research-institute = Research or training institute
org-kind-other = Other
