# Messages of the analysis, risk, compare, data, datasets, about and error pages, in English (the French and Spanish files have the same keys and
# placeholders).

## The analysis page (/analysis)

an-title = Analysis
# { $method } is a link whose text is an-method.
an-lede = The report's indicators, computed from the cited facts on this site as they stood at each edition's year. Definitions, units and caveats are in the { $method }; every figure's data is in the table beside it and can be downloaded.
an-method = method
an-choose-edition = Choose an edition
an-edition = Edition
an-all-data = All data recorded
an-show = Show
# { $when }: "as of edition 2018", "all data recorded" (the messages as-of-* of site.ftl).
an-key-figures = Key figures, { $when }
an-states-with = States with a national mechanism
an-of = of { $total }
an-change-since = { $change } since { $previous }
an-share = Share of UN member and observer states
an-mechanisms-all = Mechanisms (all levels)
an-mean-breadth = Mean membership breadth
an-of-sectors = of 13 sectors

# The figures' titles (their charts and downloads keep the English ones). { $dataset }: "EWP 2024".
an-fig-map-networks = Membership of prevention networks, { $when }
an-fig-by-region = States with a national mechanism, by UN region, { $when }
an-fig-by-status = Mechanisms by latest status, { $when }
an-fig-functions = How mechanisms carry out the four functions, { $when }
an-fig-over-editions = States with a national mechanism and mechanisms recorded, by edition
an-fig-map-status = National mechanisms by status, { $when }
an-fig-high-risk = The 30 highest-risk states and national mechanisms ({ $dataset })
an-fig-map-high-risk = The 30 highest-risk states on the map ({ $dataset })
# Instead of the functions chart when it would show nothing ({ $mechanisms } and { $assessed } are
# numbers, { $edition } a slug such as 2018).
an-functions-none-edition = No assessments of how mechanisms carry out the four functions are recorded for edition { $edition }, so there is nothing to chart: each of the { $mechanisms } mechanisms counts as "none or not assessed" for every function.
an-functions-none-any = No assessments of how mechanisms carry out the four functions are recorded for any edition, so there is nothing to chart: each of the { $mechanisms } mechanisms counts as "none or not assessed" for every function.
an-functions-not-carried-edition = The { $assessed } function assessments recorded for edition { $edition } all find the function not carried out, so there is nothing to chart.
an-functions-not-carried-any = The { $assessed } function assessments recorded for any edition all find the function not carried out, so there is nothing to chart.
an-download = Download:
an-data-csv = data (CSV)
an-too-small = Too small to see on this map: { $names }.
an-data-table = Data table ({ $count } rows)
an-figure-caption = Data of the figure: { $title }

an-by-group = States with a national mechanism, by UN regional group
an-by-group-caption = States with a national mechanism by UN regional group
an-regional-group = Regional group
an-with-mechanism = With a mechanism
an-states = States
an-share-short = Share
# The UN regional groups, by code.
an-group-african = African Group
an-group-asia-pacific = Asia-Pacific Group
an-group-eastern-european = Eastern European Group
an-group-grulac = Latin American and Caribbean Group (GRULAC)
an-group-weog = Western European and Others Group (WEOG)
an-group-none = None

an-breadth = All-of-government breadth
an-breadth-intro = For each mechanism whose members are recorded: how many of the thirteen sectors (legislature, judiciary, justice, foreign affairs, defence, interior and police, intelligence, education, human rights office or ombudsman, civil society, religious organisations, private sector, academia) its members come from. Mechanisms with non-state members (civil society, religious, private sector, academia): { $count } of { $total }.
an-breadth-none = No mechanism has recorded members for this edition.
an-breadth-caption = Membership breadth of each mechanism
an-mechanism = Mechanism
an-sectors-of = Sectors (of 13)
an-which = Which
# The sectors of government and society members come from, by code.
an-sector-legislature = Legislature
an-sector-judiciary = Judiciary
an-sector-justice = Justice and prosecution
an-sector-foreign-affairs = Foreign affairs
an-sector-defence = Defence
an-sector-interior-police = Interior and police
an-sector-intelligence = Intelligence
an-sector-education = Education
an-sector-human-rights-office = Human rights office or ombudsman
an-sector-civil-society = Civil society
an-sector-religious = Religious organisations
an-sector-private-sector = Private sector
an-sector-academia = Academia
an-sector-executive = Head of state or government office
an-sector-other = Other

an-networks-heading = Network membership by region
an-networks-caption = Member states of each network by UN region
an-network = Network
an-network-members = Member states recorded
an-by-region = By region

an-high-risk = The highest-risk states
# { $page } is a link whose text is an-risk-title.
an-high-risk-intro = Every state's risk beside its mechanism, functions, initiatives and networks, with the states at high or rising risk and no operational mechanism flagged, is on { $page }.
# { $dataset } is the risk dataset's title (a link); the others are numbers.
an-high-risk-counts = Of the { $total } states the { $dataset } ranks highest for the risk of a new mass killing, { $mechanism } have a national mechanism, { $network } belong to a prevention network but have no mechanism, and { $neither } have neither. (The latest forecast beside mechanisms and memberships as recorded on this site today, whichever edition is chosen above; an absence means none is documented from our sources.)
# { $list }: the entities, each an-outside-item, separated by semicolons.
an-outside = Also assessed, outside the 195 states: { $list }.
an-outside-item = { $name } ({ $code }), rank { $rank }, two-year risk { $risk }
an-not-given = not given
an-not-assessed = not assessed
an-high-risk-none = No Early Warning Project risk assessment has been imported on this site yet: the highest-risk states appear here once the editors add one.
an-risen = Risen into the top 30 since the last release
an-risen-none = No state entered the top 30 between { $previous } and { $latest }.
an-risen-caption = States ranked in the top 30 by { $latest } that { $previous } did not rank there
an-state = State
an-rank-in = Rank in { $release }
an-two-year-risk = Two-year risk

an-outcomes = Outcome assessments
an-outcomes-none = No outcome assessments are published yet. When an edition with an assessment round is published, the editors' consensus ratings of its initiatives and mechanisms are summarised here by criterion and UN region.
# { $initiatives } is a link whose text is an-initiatives.
an-outcomes-intro = The editors' published consensus ratings of initiatives and mechanisms, edition { $edition }: for each criterion, how many targets stand at each level in each UN region. Only consensus ratings of published editions count; individual raters' ratings are not published. Each assessed initiative's page gives its ratings with their evidence ({ $initiatives }).
an-outcomes-intro-latest = The editors' published consensus ratings of initiatives and mechanisms, edition { $edition } (the latest published assessment as of edition { $selected }): for each criterion, how many targets stand at each level in each UN region. Only consensus ratings of published editions count; individual raters' ratings are not published. Each assessed initiative's page gives its ratings with their evidence ({ $initiatives }).
an-initiatives = initiatives
an-outcomes-change-later = Change between editions is shown once a target has been assessed in two published editions.
an-outcomes-none-as-of = No outcome assessments are published as of edition { $edition }.
an-bad-edition = parameter edition: "{ $edition }" is not one of: { $editions }
an-no-figure-file = There is no figure file "{ $file }".
an-figure-types = Figures come as .svg, .png or .csv, not "{ $ext }".
an-no-figure = There is no figure "{ $name }".

## Comparing countries (/compare)

an-compare-title = Compare countries
an-compare-not-found = Some countries were not found, so nothing is compared yet:
an-compare-to-compare = Countries to compare
an-compare-change = Change the countries compared
an-compare-help = Two to five countries: type a name in English, French or Spanish (accents optional), or an ISO code such as KEN or KE.
an-compare-country = Country { $number }
an-compare-required = (required)
an-compare-button = Compare
an-compare-example = For example:
an-compare-example-east-africa = Kenya, Tanzania and Uganda
an-compare-caption = The countries side by side
an-compare-fact = Fact
an-compare-un-region = UN region
an-compare-un-group = UN regional group
an-compare-mechanisms = Mechanisms
an-compare-none-recorded = none recorded
an-compare-type = Type
an-compare-created = Created or launched
an-not-recorded = not recorded
an-compare-status = Latest status
an-compare-members = Member organisations recorded
an-compare-networks = Networks
an-compare-risk = Early Warning Project risk
an-compare-rank = rank { $rank } ({ $risk })
an-compare-no-data = no data
an-compare-ewp-heading = Early Warning Project risk over the releases
# { $country } is a country's name; { $text } what was typed.
an-compare-already = { $country } is already in the list
an-compare-ambiguous = "{ $text }" is the name of more than one country; choose one
an-compare-unknown = "{ $text }" is not the name or ISO code of a UN member or observer state
an-compare-unknown-suggest = "{ $text }" is not the name or ISO code of a UN member or observer state; did you mean one of these?
an-compare-count = Give two to five countries; { $count } were given.
an-compare-bad-query = parameter query: the query string is not valid URL encoding
# A mechanism's latest status, by code (the English page shows the code as recorded).
an-mstatus-proposed = Proposed
an-mstatus-in-process = In process
an-mstatus-established = Established
an-mstatus-active = Active
an-mstatus-dormant = Dormant
an-mstatus-dissolved = Dissolved

## The datasets (/datasets) and an indicator's page (/datasets/{slug}/{code})

an-datasets-title = Datasets
an-datasets-heading = External datasets
an-datasets-intro = Country-year data published by others and imported here, with who published it, its version, licence and the SHA-256 of the file it was read from, so anyone can check they hold the same file.
an-datasets-none = No dataset has been imported on this site yet: the editors add the Early Warning Project's releases and other country-year data here.
an-publisher = Publisher
an-version = Version
an-licence = Licence
an-not-stated = not stated
an-source = Source
an-file = File and SHA-256
an-indicators-caption = Indicators of { $dataset }
an-indicator = Indicator
an-label = Label
an-unit = Unit
an-published = { $dataset }, published by { $publisher }.
an-published-version = { $dataset }, published by { $publisher } (version { $version }).
an-values = Values for { $year }.
an-values-unit = Values for { $year }, in { $unit }.
an-values-caption = Values of { $indicator } in { $year }
an-no-indicator = There is no indicator "{ $code }" in a dataset "{ $dataset }".
an-no-values = The indicator "{ $code }" has no values.
an-indicator-files = Indicator files are map.svg, map.png and data.csv, not "{ $file }".

## Risk and capacity (/risk): the Early Warning Project's forecasts beside each state's capacity

an-risk-title = Risk and capacity
# { $flagged } is an-flagged in bold; { $method } a link whose text is an-method.
an-risk-intro = Each state's estimated risk of a new mass killing beside its capacity to prevent atrocity crimes: whether it has a national mechanism and how far the mechanism carries out its functions, its national initiatives, the prevention networks it belongs to, and the latest qualitative assessment along the UN Framework of Analysis. A state is { $flagged } when its risk is high (top 30) or rising (up by one percentage point or more since the previous forecast, or newly in the top 30) and it has no operational national mechanism. Mechanisms, initiatives and memberships are as recorded on this site, each cited on the state's page; an absence means none is documented from our sources. A statistical forecast says which states resemble those where mass killings began; it is not a prediction that one will (see the { $method }).
an-flagged = flagged
an-choose-forecast = Choose a forecast
an-forecast = Forecast
# A forecast: { $family } is "Early Warning Project" or an-nmp-computation; { $from } and { $to } years.
an-forecast-choice = { $family }, { $slug } (forecast { $from }–{ $to })
an-forecast-choice-no-year = { $family }, { $slug }
an-nmp-computation = NMP's computation
# In bold in an-risk-nmp-note.
an-risk-nmp-own = NMP's computation
an-risk-problem = The forecast could not be shown: { $problem }
an-risk-unknown = "{ $source }" is not one of the forecasts: { $known }
an-risk-unknown-none = "{ $source }" is not one of the forecasts: none has been imported or computed on this site yet
# { $nmp } is an-risk-nmp-own in bold.
an-risk-nmp-note = This forecast is { $nmp }, made on this platform with the Early Warning Project's published method and data; it is not a forecast of the Early Warning Project.
# { $datasets } is a link whose text is an-datasets-link.
an-risk-published = Published by { $publisher } ({ $datasets }).
an-datasets-link = datasets
an-risk-flagged-count = { $flagged } of { $total } states are flagged.
an-risk-since-project = Changes are since { $previous }, the previous forecast of the same project.
an-risk-since-computation = Changes are since { $previous }, the previous forecast of the same computation.
an-risk-no-earlier-project = There is no earlier forecast of the same project to compare with, so no state is shown as rising.
an-risk-no-earlier-computation = There is no earlier forecast of the same computation to compare with, so no state is shown as rising.
# { $csv } and { $json } are links.
an-risk-download = Download this table as { $csv } or { $json }.
an-risk-caption = States by two-year risk in { $forecast }, with their capacity; flagged rows are high or rising risk without an operational national mechanism
an-rank = Rank
an-change = Change
an-national-mechanism = National mechanism
an-functions = Functions
an-initiatives-head = Initiatives
an-networks = Networks
an-latest-assessment = Latest qualitative assessment
an-top-30 = (top 30)
an-rising = rising
an-risk-none = No forecast has been imported or computed on this site yet: the table appears once the editors add an Early Warning Project release.
# A change of risk in percentage points: { $change } is "+1.5".
an-change-points = { $change } pt
an-not-assessed-before = not assessed before
an-functions-operational = { $operational } of { $rated } operational ({ $edition })
an-not-rated = not rated
an-none = none
an-none-yet = none yet
# The best status of a state's national mechanisms, by code.
an-gap-status-operational = Operational
an-gap-status-in-process = In process
an-gap-status-dormant = Dormant
an-gap-status-not-recorded = Status not recorded
an-gap-status-dissolved = Dissolved
an-gap-status-none = None recorded

## The error page

err-title = Error { $status }
err-not-found = Not found
err-home = Back to the home page
err-internal = Something went wrong on our side; it has been logged.
err-no-page = There is no page at { $path }.
# Before what is wrong with a parameter of the address.
err-bad-param = parameter { $param }:
