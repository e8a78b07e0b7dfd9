# Le cadre du site public et sa page d'accueil, en français : mêmes clés et mêmes paramètres que
# l'anglais (en/site.ftl).

site-title = Mécanismes nationaux de prévention du génocide et des autres crimes d'atrocité
site-brand = Mécanismes nationaux
site-brand-rest = de prévention du génocide et des autres crimes d'atrocité
site-description = Données et analyses sur la manière dont les États mettent en place des mécanismes nationaux de prévention du génocide et des autres crimes d'atrocité, chaque fait étant rattaché à sa source.
site-skip = Aller au contenu
site-nav = Navigation principale
site-nav-countries = Pays
site-nav-mechanisms = Mécanismes
site-nav-initiatives = Initiatives
site-nav-networks = Réseaux
site-nav-analysis = Analyse
site-nav-risk = Risque
site-nav-editions = Éditions
site-nav-sources = Sources
site-nav-data = Données et API
site-nav-about = À propos
site-search-label = Rechercher sur le site
site-search = Rechercher
site-languages = Langues
site-in-english = Le contenu de cette page est en anglais
site-footer = Le rapport { $review } a été lancé par l'Institut Auschwitz (AIPR) puis confié à l'I-GMAP, Université de Binghamton. Chaque fait présenté sur ce site est rattaché à sa source ; les lacunes sont laissées vides et signalées comme telles.
site-how-to-cite = Comment citer
site-open-data = Données ouvertes
site-sign-in = Se connecter
# The footer of a signed-in visitor's pages: { $name } (in bold) and { $workspace } (a link whose text is site-workspace) are HTML.
site-signed-in = Connecté en tant que { $name } ({ $role }) · { $workspace }
site-workspace = Espace de travail
site-workspace-lower = espace de travail

## La page d'accueil

home-heading = Les mécanismes nationaux de prévention des atrocités
home-lede = Un mécanisme national est un organe officiellement constitué qui réunit des représentants des services de l'État concernés par la prévention du génocide et des autres crimes d'atrocité : ministères, parlement, services de sécurité et de renseignement, institutions de défense des droits de l'homme. Ensemble, ils recueillent des données, évaluent les risques, forment les fonctionnaires, orientent les politiques qui protègent les populations vulnérables et participent aux réseaux régionaux et mondiaux.
home-holds = Ce site rassemble les données du rapport { $review } : chaque mécanisme, son texte fondateur, ses membres et ses réalisations, chaque fait étant rattaché à sa source.
home-read-report = Lire le dernier rapport
home-report-facts = PDF, { $pages } pages, { $size }
home-web-version = version web et données
home-key-figures = Chiffres clés
home-states-with = États dotés d'un mécanisme national
home-of = sur { $total }
home-mechanisms-all = Mécanismes (tous niveaux)
home-networks = Réseaux de prévention recensés
home-sources = Sources citées
home-to-date = ensemble des données à ce jour
home-map-heading = Où se trouvent les mécanismes nationaux, { $when }
home-more-analysis = Plus de détails dans l'analyse
home-more-analysis-rest = , notamment les éditions précédentes, l'appartenance aux réseaux et les États les plus exposés au risque.
home-latest = Dernière édition
home-featuring = { $count ->
    [one] présentant { $count } mécanisme
   *[other] présentant { $count } mécanismes
}
home-list-heading = États dotés d'un mécanisme national, { $when }
home-list-caption = Les { $count } États dotés d'un mécanisme national, { $when }, et leurs mécanismes
home-country = Pays
home-region = Région
home-mechanisms = Mécanismes nationaux
home-not-counted = Également recensés, mais non comptés ({ $when }) :
home-all-countries = Les 195 pays
home-all-mechanisms = Tous les mécanismes
as-of-all = ensemble des données recensées
as-of-edition = selon l'édition { $edition }
as-of-edition-year = selon l'édition { $edition } ({ $year })
as-of-edition-no-year = édition { $edition }, sans année : ensemble des données recensées
