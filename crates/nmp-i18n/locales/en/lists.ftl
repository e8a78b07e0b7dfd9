# Messages of the public lists and the pages of initiatives, networks, editions, sources, indicators, and the search, in English (the French and Spanish files have the same keys and
# placeholders).

## Shared by the lists

ls-filters = Filters
ls-filter = Filter
ls-clear = Clear
ls-csv = Download as CSV
ls-f-region = UN region
ls-f-group = UN regional group
ls-f-network = Network
ls-f-has = Has a mechanism
ls-f-type = Type
ls-f-status = Status
ls-f-country = Country
ls-f-kind = Kind
ls-f-language = Language
ls-any-region = Any
ls-any-group = Any
ls-any-network = Any
ls-any-has = Any
ls-any-type = Any
ls-any-status = Any
ls-any-country = Any
ls-any-kind = Any
ls-any-source-kind = Any
ls-any-language = Any
ls-col-country = Country
ls-col-region = Region
ls-col-group = Regional group
ls-col-mechanisms = Mechanisms
ls-col-networks = Networks
ls-col-mechanism = Mechanism
ls-col-type = Type
ls-col-created = Created
ls-col-launched = Launched
ls-col-status = Status
ls-col-initiative = Initiative
ls-col-kind = Kind
ls-col-started = Started
ls-col-ended = Ended
ls-col-lead = Lead institution
ls-col-network = Network
ls-col-founded = Founded
ls-col-members-recorded = Member states recorded
ls-col-state = State
ls-col-notes = Notes
ls-col-date = Date
ls-problems = { $count ->
    [one] A filter was not understood and is left out; the list below is without it:
   *[other] Some filters were not understood and are left out; the list below is without them:
}
ls-problem-not-one-of = { $value } is not one of: { $codes }
ls-problem-no-language = no source is in { $value }; the sources' languages are: { $known }
ls-pages-size = { $pages } pages, { $size }

## Countries

ls-countries-lede = The 193 UN member states and the two observer states, with the mechanisms and networks recorded for each.
ls-countries-filter = Filter countries
ls-countries-facet-help = The number after each choice is how many countries it would show with the other filters as they are.
ls-countries-count = { $count ->
    [one] { $count } country
   *[other] { $count } countries
}
ls-countries-caption = Countries matching the filters
ls-observer-state = observer state

## Mechanisms

ls-mechanisms-lede = National and other mechanisms for the prevention of genocide and other atrocity crimes, as recorded from the sources. Status is the latest in each mechanism's dated history.
ls-mechanisms-filter = Filter mechanisms
ls-mechanisms-facet-help = The number after each choice is how many mechanisms it would show with the other filters as they are.
ls-mechanisms-count = { $count ->
    [one] { $count } mechanism
   *[other] { $count } mechanisms
}
ls-mechanisms-caption = Mechanisms matching the filters
ls-status-proposed = Proposed
ls-status-in-process = In process
ls-status-established = Established
ls-status-active = Active
ls-status-dormant = Dormant
ls-status-dissolved = Dissolved

## Initiatives

ls-initiatives-description = National and regional initiatives for the prevention of genocide and other atrocity crimes: laws, strategies, early-warning systems, training, education and inquiries, every fact cited to its source.
ls-initiatives-lede = National and regional initiatives for atrocity prevention, recorded apart from the mechanisms: laws and decrees, strategies and action plans, early-warning systems, training, education and memorialisation, inquiries, and states' part in networks. Each page gives the facts with their sources and, once an edition is published with an outcome assessment, the editors' consensus ratings.
ls-initiatives-filter = Filter initiatives
ls-initiatives-count = { $count ->
    [one] { $count } initiative
   *[other] { $count } initiatives
}
ls-initiatives-none = No initiative is recorded.
ls-initiatives-none-matching = No initiative is recorded that matches these filters.
ls-initiatives-caption = Initiatives matching the filters
ls-regional-or-international = Regional or international
ls-no-initiative = There is no initiative { $slug }.
ls-no-end = no end recorded
ls-none-recorded = none recorded
ls-initiative-what = What it is
ls-partners = Partners
ls-no-partner = No partner organisation is recorded.
ls-partners-caption = Partner organisations of { $title }
ls-outcomes = Outcome assessment
ls-no-assessment = No published assessment yet.
ls-ratings-intro = The editors' consensus, per criterion, after independent raters assessed the initiative; only the consensus is published. Levels run from 1 (lowest) up; see the
ls-ratings-method = method
ls-framework = framework
ls-ratings-caption = Consensus ratings of { $title } in edition { $edition }
ls-criterion = Criterion
ls-rationale = Rationale
ls-rank-of = { $rank } of { $of }

## Networks

ls-networks-lede = Regional and global networks through which states and their mechanisms work together on atrocity prevention.
ls-no-network = There is no network { $slug }.
ls-secretariat = Secretariat
ls-member-states = Member states
ls-no-member-states = No member states are recorded by name.
ls-members-caption = Member states of { $name } with dates
ls-membership-over-time = Membership over time
ls-membership-counts-why = Where the sources give a number of members rather than a list.
ls-counts-caption = Dated member counts of { $name }
ls-network-kind-intergovernmental-committee = Intergovernmental committee
ls-network-kind-state-network = Network of states
ls-network-kind-focal-point-network = Network of focal points
ls-network-kind-partnership = Multi-stakeholder partnership
ls-network-role-member = Member
ls-network-role-founding-member = Founding member
ls-network-role-facilitator = Facilitating state
ls-network-role-chair = Chair
ls-network-role-participant = Participant

## Editions

ls-editions-lede = The review has appeared as an annual report since 2015; later editions became twice-yearly policy papers. An edition not listed here has not been documented from the sources we hold.
ls-editions-featured = { $count } mechanisms featured
ls-editions-read = Read the report (PDF, { $pages } pages, { $size })
ls-no-edition = There is no edition { $slug }.
ls-published = Published
ls-pages = Pages
ls-licence = Licence
ls-data = Data
ls-data-package = Data package
ls-data-package-what = CSV tables with a schema
ls-report-read = Read the report
ls-report-pdf = The report (PDF)
ls-report-site = The web version (ZIP)
ls-report-site-rest = , to read offline in any browser
ls-report-data = The data package (ZIP)
ls-report-data-rest = : every fact the report shows, with its sources, as tables
ls-verify = Verify this edition
ls-verify-snapshot = This report was typeset from a frozen record of the edition, the snapshot, whose SHA-256 fingerprint is
ls-verify-pdf = The PDF's own fingerprint is
ls-verify-built = (built { $date }).
ls-verify-how = Anyone can check that the PDF says what the data say: load the data package into a new, empty NMP database and build this edition's report with the same version of NMP. The new PDF has the same fingerprint, byte for byte; any change to a fact would change it. The data package names every source, so each fact can also be checked against its source.
ls-report-not-typeset = The report of this edition has not been typeset here yet; its data are below.
ls-publishers = Publishers and partners
ls-part = part:
ls-phase = Phase:
ls-phase-range = { $from } to { $until }
ls-phase-from = from { $from }
ls-phase-until = until { $until }
ls-contributors = Authors and contributors
ls-contents = Contents
ls-no-contents = The table of contents of this edition is not recorded.
ls-by = by
ls-responsible = responsible:
ls-mechanisms-featured = Mechanisms featured
ls-edition-kind-annual-report = Annual report
ls-edition-kind-policy-paper = Policy paper
ls-publisher-role-publisher = Publisher
ls-publisher-role-co-publisher = Co-publisher
ls-publisher-role-research-partner = Research partner
ls-publisher-role-launch-host = Launch host
ls-publisher-role-author = Author
ls-publisher-role-partner-institution = Partner institution
ls-part-kind-chapter = Chapter
ls-part-kind-essay = Expert opinion essay
ls-profile-section-update = Updates to previously featured mechanisms
ls-profile-section-new-and-emerging = New and emerging mechanisms
ls-profile-section-highlighted = Highlighted mechanisms
ls-profile-section-featured = Featured mechanisms
ls-contributor-role-lead-author = Lead author
ls-contributor-role-co-author = Co-author
ls-contributor-role-editor = Editor
ls-contributor-role-student-research-assistant = Student research assistant
ls-contributor-role-partner-institution = Partner institution

## Sources

ls-sources-lede = The bibliography: every document, law, web page and news item that a fact on this site is taken from, with the records that cite it.
ls-sources-filter = Filter sources
ls-sources-facet-help = The number after each choice is how many sources it would show with the other filter as it is.
ls-sources-count = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
ls-accessed = Accessed { $date }.
ls-archived-copy = Archived copy
ls-archived-file = Archived copy ({ $file })
ls-archived-sha256 = SHA-256 of the archived file
ls-cite = Cite:
ls-cited-by = { $count ->
    [one] Cited by { $count } record
   *[other] Cited by { $count } records
}
ls-source-kind-document = Document
ls-source-kind-law = Law or decree
ls-source-kind-web-page = Web page
ls-source-kind-news = News item
ls-source-kind-report = Report
ls-source-kind-article = Journal article
ls-source-kind-interview = Interview
ls-source-kind-questionnaire-response = Questionnaire response
ls-language-en = English
ls-language-fr = French
ls-language-es = Spanish
ls-language-pt = Portuguese
ls-language-de = German
ls-language-ar = Arabic
ls-language-sw = Swahili

## The search

ls-search-title = Search
ls-search-title-query = Search: { $query }
ls-search-help = All words must match; English, French and Spanish words are matched with their other forms and without their accents.
ls-search-syntax = Use `{ $phrase }`, a prefix`{ $star }`, `{ $or }`, and `{ $not }` to leave a word out.
ls-search-syntax-phrase = a phrase
ls-search-syntax-word = word
ls-search-found = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
ls-search-for = for “{ $query }”
ls-search-filter-results = Filter the results
ls-search-filter = Filter
ls-search-remove = × remove
ls-search-shown = { $count } shown
ls-search-page = page { $page }
ls-search-text-missing = Text not indexed:
ls-search-note-empty = Type one or more words to search for.
ls-search-note-no-word = The query holds no word to search for, only operators or punctuation.
ls-search-note-lenient = Part of the query could not be read as written (an unbalanced quote or an operator without a word): it was searched as plain words.
ls-search-note-long = The query was longer than { $max } characters: only its first { $max } were searched.
ls-search-note-no-match = No record has { $filter } “{ $value }”: the filter matched nothing.
ls-search-note-unread = The search could not be read as given ({ $error }); nothing was searched.
ls-search-note-unavailable = Search is not available on this server: it runs without a search index.
ls-search-facet-kind = Kind
ls-search-facet-country = Country
ls-search-facet-region = UN region
ls-search-facet-group = UN regional group
ls-search-facet-edition = Edition
ls-search-facet-language = Source language
ls-search-facet-year = Year
ls-search-kind-country = Countries
ls-search-kind-mechanism = Mechanisms
ls-search-kind-initiative = Initiatives
ls-search-kind-organization = Organisations
ls-search-kind-network = Networks
ls-search-kind-edition = Editions
ls-search-kind-edition-part = Edition parts
ls-search-kind-profile = Profiles
ls-search-kind-source = Sources
ls-search-kind-document = Text of archived source files
ls-search-kind-attachment = Questionnaire attachments

## About

ls-about-heading = About the review and this data
ls-about-on-this-page = On this page
ls-about-review-heading = The review
ls-about-definition-heading = What counts as a national mechanism
ls-about-functions-heading = Functions
ls-about-method-heading = Method
ls-about-licence-heading = Licence
ls-about-review = The Auschwitz Institute for Peace and Reconciliation (AIPR, later the Auschwitz Institute for the Prevention of Genocide and Mass Atrocities) issued an annual report, { $review }, from 2015. Beginning in 2019 the report was transferred in a phased process to the Institute for Genocide and Mass Atrocity Prevention (I-GMAP) at Binghamton University, whose Mechanisms of Atrocity Prevention project continues it as a twice-yearly policy paper series covering international, regional, local, civil-society and private-sector mechanisms as well as national ones
ls-about-map-project = MAP project
ls-about-definition = National mechanisms are
ls-about-authors = Capicotto and Scharf
ls-about-text = text
ls-about-definition-rest = They often also include members of civil society and academia. This site also records bodies at other levels (regional, sub-national, civil society) and laws that mandate prevention structures, and says which level each is.
ls-about-functions = The common tasks of national mechanisms, as the sources describe them:
ls-about-method-sources = Every fact on this site is tied to the source it comes from: a law or decree, an official web page, a news item, a report. A fact that no source we hold supports is left empty and the gap is said in the record's notes; where only a weak source exists, the fact is marked
ls-about-method-dates = Dates are given at the precision the source gives: a year (2012), a month (2015-06) or a day (2014-12-05). A country without a recorded mechanism has none documented from our sources, which is not the same as having none.
ls-about-method-editions = Editions of the review were based on questionnaires sent to participating states and interviews with government officials. Every change to the data is recorded in an audit log whose entries are chained by cryptographic hashes, so that the history cannot be altered unnoticed.
ls-about-cite-edition = To cite an edition of the review:
ls-about-cite-data = To cite the data, name the page or file and the date you retrieved it, for example:
ls-about-cite-source = Where you use a fact, please also cite the source given for it.
ls-about-licence = The facts on this site are compiled from the public sources cited with each of them. The licence of each edition is given on its page where it is recorded; where it is not, no licence has been recorded and you should ask the publishers before republishing the report's text. The NMP software is free software under the GNU Affero General Public License, version 3 or later.

## Data and API

ls-data-heading = Data and API
ls-data-lede = Everything on this site is open data: every list as JSON or CSV, one data package per edition, and an API described by an
ls-data-openapi = OpenAPI 3 document
ls-data-downloads = Downloads
ls-data-reports = The reports
ls-data-no-report = No edition's report has been published here yet. Each edition's data are below.
ls-data-reports-what = Each published edition's report as a PDF, its web version as one ZIP file to read offline, and the data package it was typeset from.
ls-data-web-zip = web version (ZIP)
ls-data-package-zip = data package (ZIP)
ls-data-packages = Data packages
ls-data-packages-what = Each edition's data package is a set of CSV files with a
ls-data-packages-rest = that describes every column, the keys that join the tables, and the sources.
ls-data-api = All endpoints answer `GET`, allow any origin (CORS), send an `ETag` and honour `If-None-Match`, and compress with gzip when asked. Lists take `limit` (1 to 1000, default 100) and `offset`, and answer `{ $list }`; the countries, mechanisms and sources lists add `"facets"`, every filter with each of its values and the rows it would select with the other filters given (`{ $example }`), as the pages show beside each choice. Filter codes are taken in any case (`region=Africa`); add `format=csv` (or use the `.csv` path) for CSV, with the total in the `X-Total-Count` header. A bad, unknown, repeated or empty parameter (`limit=`) is a 400 that names it: `{ $error }`.
ls-data-endpoints = API endpoints
ls-data-endpoint = Endpoint
ls-data-returns = What it returns
ls-data-parameters = Parameters
ls-data-examples = Examples:
ls-data-with-facets = with its facets
