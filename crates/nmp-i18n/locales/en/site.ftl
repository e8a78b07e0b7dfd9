# The public website's frame and home page, in English (the French and Spanish files have the same
# keys and placeholders).

site-title = National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes
site-brand = National Mechanisms
site-brand-rest = for the Prevention of Genocide and Other Atrocity Crimes
site-description = Data and analysis on how states build national mechanisms for the prevention of genocide and other atrocity crimes, every fact cited to its source.
site-skip = Skip to content
site-nav = Main
site-nav-countries = Countries
site-nav-mechanisms = Mechanisms
site-nav-initiatives = Initiatives
site-nav-networks = Networks
site-nav-analysis = Analysis
site-nav-risk = Risk
site-nav-editions = Editions
site-nav-sources = Sources
site-nav-data = Data & API
site-nav-about = About
site-search-label = Search the site
site-search = Search
site-languages = Languages
site-in-english = This page's content is in English
site-footer = The review { $review } was begun by the Auschwitz Institute (AIPR) and handed over to I-GMAP, Binghamton University. Every fact on this site is cited to its source; gaps are left empty and said so.
site-how-to-cite = How to cite
site-open-data = Open data
site-sign-in = Sign in
# The footer of a signed-in visitor's pages: { $name } (in bold) and { $workspace } (a link whose text is site-workspace) are HTML.
site-signed-in = Signed in as { $name } ({ $role }) · { $workspace }
site-workspace = Workspace
site-workspace-lower = workspace

## The home page

home-heading = National mechanisms for atrocity prevention
home-lede = A national mechanism is an officially established body that brings together representatives of the parts of government relevant to preventing genocide and other atrocity crimes: ministries, the legislature, security and intelligence services and human rights offices. Together they gather data, assess risk, train civil servants, shape policies that protect vulnerable populations, and join regional and global networks.
home-holds = This site holds the data behind the review { $review }: each mechanism, its founding instrument, its members and what it has done, with every fact cited to its source.
home-read-report = Read the latest report
home-report-facts = PDF, { $pages } pages, { $size }
home-web-version = web version and data
home-key-figures = Key figures
home-states-with = States with a national mechanism
home-of = of { $total }
home-mechanisms-all = Mechanisms (all levels)
home-networks = Prevention networks recorded
home-sources = Sources cited
home-to-date = all records to date
home-map-heading = Where national mechanisms are, { $when }
home-more-analysis = More in the analysis
home-more-analysis-rest = , including earlier editions, network membership and the highest-risk states.
home-latest = Latest edition
home-featuring = { $count ->
    [one] featuring { $count } mechanism
   *[other] featuring { $count } mechanisms
}
home-list-heading = States with a national mechanism, { $when }
home-list-caption = The { $count } states with a national mechanism, { $when }, and those mechanisms
home-country = Country
home-region = Region
home-mechanisms = National mechanisms
home-not-counted = Also recorded, but not counted { $when }:
home-all-countries = All 195 countries
home-all-mechanisms = All mechanisms
as-of-all = all data recorded
as-of-edition = as of edition { $edition }
as-of-edition-year = as of edition { $edition } ({ $year })
as-of-edition-no-year = edition { $edition }, which has no year: all data recorded
