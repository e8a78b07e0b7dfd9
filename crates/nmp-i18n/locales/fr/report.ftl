# Messages du site statique d'une édition (le rapport sur le web), en français : mêmes clés et
# mêmes paramètres que l'anglais (en/report.ftl).
#
# Un paramètre `$when` est soit vide, soit l'année de l'édition précédée d'une espace
# (« en 2017 », d'après rs-when) ; un paramètre `$page` est soit vide, soit « (p. 12) ». Les
# paramètres `$link`, `$sha256`, `$number`, `$mark` et `$release` contiennent du HTML produit par
# le site.

## Toutes les pages : lien d'évitement, mention de brouillon, navigation, pied de page

rs-skip = Aller au contenu
rs-draft = BROUILLON : ne pas diffuser ; les faits et la mise en page peuvent encore changer.
rs-nav-label = Rapport
rs-nav-contents = Table des matières
rs-nav-overview = Vue d'ensemble
rs-nav-regions = Régions
rs-nav-themes = Thèmes
rs-nav-outcomes = Résultats
rs-nav-essays = Avis d'experts
rs-nav-annex = Annexe
rs-nav-bibliography = Bibliographie
rs-footer-cite = Comment citer :
rs-built-by = Produit par NMP { $version } à partir de l'instantané dont l'empreinte SHA-256 est { $sha256 }.
rs-report-pdf = Le rapport en PDF
rs-data-package = Le paquet de données

## Comment citer l'édition : les éditeurs reliés deux à deux, puis la nature et l'édition

rs-cite-and = { $before } et { $after }
rs-cite-edition = { $kind }, édition { $slug }.

## L'année de l'édition, lacunes, appels de source, tableaux des mécanismes et décomptes

rs-when = en { $year }
rs-as-of = En { $year }
rs-all-data = Sur l'ensemble des données enregistrées
rs-source-title = Source { $number } de la bibliographie
rs-gap-label = Non renseigné.
rs-not-recorded = non renseigné
rs-profiled = Profil présenté dans cette édition
rs-col-state = État
rs-col-mechanism = Mécanisme
rs-col-since = Depuis
rs-col-status = Statut
rs-col-sources = Sources
rs-col-with-mechanism = Avec un mécanisme
rs-col-states = États
rs-col-share = Part
rs-col-un-region = Région de l'ONU
rs-col-un-group = Groupe régional de l'ONU
rs-no-group = Dans aucun groupe régional de l'ONU

## Page d'accueil : table des matières, à propos de cette édition, colophon, errata

rs-contents = Table des matières
rs-about = À propos de cette édition
rs-global-overview = Vue d'ensemble mondiale
rs-regional-overview = Vue d'ensemble régionale
rs-themes = Société civile, entreprises et organisations religieuses
rs-outcomes = Résultats
rs-expert-opinion = Avis d'experts
rs-errata = Errata
rs-annex = Annexe : tableaux de données
rs-bibliography = Bibliographie
rs-methodology = Méthodologie
rs-methodology-missing = La méthodologie de cette édition ne figure pas dans la base de données.
rs-methodology-intro = Les recherches de cette édition ont suivi la méthode suivante :
rs-how-computed = Comment les chiffres sont calculés
rs-computed = Les chiffres et les tableaux de ce rapport sont calculés par NMP à partir de sa base de données, à la date de l'année de l'édition{ $year }. Un État est compté comme doté d'un mécanisme national lorsqu'au moins un mécanisme de niveau national est enregistré pour lui, qu'un fait daté (sa création ou son lancement, une activité, une étape de l'historique de son statut ou son profil dans une édition) le situe cette année-là ou avant, et qu'il n'avait pas été dissous à cette date. Les régions sont celles du géoschéma des Nations Unies (M49) ; les groupes régionaux sont les cinq groupes régionaux des États Membres de l'ONU. Chaque fait présenté est rattaché à une source de la bibliographie ; là où les enregistrements sont muets, le rapport indique « non renseigné » plutôt que de combler la lacune.
rs-agreement = Accord entre évaluateurs
# $link : un lien vers la page des résultats, dont le texte est rs-agreement-link.
rs-agreement-text = Les { $link } ont été menées par cycles d'évaluation : plusieurs évaluateurs ont noté chaque cible sur chaque critère de façon indépendante, chaque note étant accompagnée de sa justification et de ses éléments de preuve, puis un éditeur a enregistré le consensus, et c'est ce consensus que présente ce rapport. Les tableaux donnent l'alpha de Krippendorff pour des données ordinales (1 signifie un accord parfait, 0 un accord qui ne dépasse pas le hasard ; un tiret lorsqu'il n'est pas défini) et la part des paires de notes concordantes, sur les unités notées par au moins deux évaluateurs.
rs-agreement-link = évaluations des résultats
rs-agreement-caption = Accord entre évaluateurs : { $round } ({ $framework }, version { $version }).
rs-col-criterion = Critère
rs-col-alpha = Alpha
rs-col-agreement = Accord
rs-col-units = Unités
rs-col-raters = Évaluateurs
rs-col-ratings = Notes
rs-all-criteria = Tous les critères
rs-notes-on-record = Notes sur les données
rs-colophon = Colophon
rs-authors-editors = Auteurs et éditeurs
rs-published-by = Publié par
rs-original-pages = L'édition originale compte { $pages } pages.
rs-licence = Licence
rs-licence-missing = Non renseignée : la licence de cette édition ne figure pas dans la base de données.
rs-how-to-cite = Comment citer
rs-sources-of-record = Sources de cette notice
rs-snapshot = Instantané
rs-snapshot-text = SHA-256 { $sha256 } : le même instantané donne toujours le même rapport.
rs-errata-text = Corrections publiées depuis la parution de cette édition. Les pages de ce site présentent l'édition telle qu'elle a été publiée ; ces entrées la corrigent.
rs-col-issued = Date
rs-col-where = Emplacement
rs-col-correction = Correction

## Vue d'ensemble mondiale, risque et capacité

rs-overview-lede = { $when }, { $with } États sur { $states } ({ $share }) avaient au moins un mécanisme national de prévention du génocide et des autres crimes d'atrocité enregistré.
rs-map-alt = Carte du monde : en couleur, les États dotés d'un mécanisme national{ $when } : { $states }.
rs-map-caption = États dotés d'un mécanisme national{ $when }. Natural Earth 1:110m ; certains petits États insulaires sont trop petits pour apparaître.
rs-region-caption = États dotés d'un mécanisme national, par région de l'ONU.
rs-by-region-alt = Barres empilées : les États avec et sans mécanisme national, par région de l'ONU.
rs-by-region-caption = États avec et sans mécanisme national, par région de l'ONU.
rs-risk-capacity = Risque et capacité
# $label : la publication de la prévision ; $previous : la publication antérieure (ou rs-risk-previous).
rs-risk-text = { $label } évalue le risque, pour { $states } États, que de nouvelles tueries de masse commencent dans les deux prochaines années. Le tableau énumère les { $rows } États à risque élevé (ses 30 premiers) ou en hausse (d'au moins un point de pourcentage depuis { $previous }, ou nouvellement parmi les 30 premiers) en regard de leur capacité à prévenir les crimes d'atrocité{ $when } : leur mécanisme national, les niveaux de ses fonctions, leurs initiatives et leurs réseaux de prévention.
rs-risk-previous = la publication précédente
# $number : le nombre d'États signalés (en gras) ; $flagged : rs-risk-flagged-count ; $mark : le signe.
rs-risk-flagged = { $number } { $flagged } ({ $mark }) : risque élevé ou en hausse et aucun mécanisme national opérationnel.
rs-risk-flagged-count =
    { $count ->
        [one] État est signalé
       *[other] États sont signalés
    }
rs-risk-forecast = Une prévision statistique indique quels États ressemblent à ceux où des tueries de masse ont commencé ; ce n'est pas une prédiction qu'elles auront lieu.
rs-col-rank = Rang
rs-col-risk = Risque
rs-col-change = Évolution
rs-col-functions = Fonctions
rs-col-initiatives = Initiatives
rs-col-networks = Réseaux
rs-col-latest-assessment = Dernière évaluation
rs-flag-title = Signalé : risque élevé ou en hausse et aucun mécanisme national opérationnel
rs-no-networks = aucun
rs-no-assessment = aucune
# $release : le titre, l'éditeur, la version, l'adresse et l'empreinte du fichier de la prévision.
rs-risk-caption = États à risque élevé ou en hausse et leur capacité. Risque : { $release }. Capacité : les données de ce rapport.
rs-risk-file = SHA-256 du fichier { $sha256 }

## Vue d'ensemble régionale

rs-regional-text = Les chapitres régionaux suivent les cinq groupes régionaux de l'ONU. Pour chacun : le nombre d'États dotés d'un mécanisme national{ $when } et la liste de ces États avec leurs mécanismes ; une croix (†) signale les mécanismes dont cette édition présente le profil.
rs-by-group-alt = Barres empilées : les États avec et sans mécanisme national, par groupe régional de l'ONU.
rs-by-group-caption = États avec et sans mécanisme national, par groupe régional de l'ONU.
# En gras, puis suivi de rs-group-text.
rs-group-count = { $with } États sur { $states }
rs-group-text = { $count } du groupe ({ $share }) avaient un mécanisme national enregistré{ $when }.
rs-group-none = Aucun État de ce groupe n'a de mécanisme national enregistré.

## Parties et profils

rs-part-summary-only = Le texte intégral de cette partie de l'édition originale ne figure pas dans la base de données ; le résumé ci-dessus est ce que ses sources disent qu'elle contient.
rs-part-missing = Le texte de cette partie de l'édition originale{ $page } ne figure pas dans la base de données.
rs-breadcrumb = Fil d'Ariane
rs-country = Pays
rs-regional-group = Groupe régional
rs-type = Type
# $kind et $level : le type et le niveau du mécanisme, tels qu'enregistrés.
rs-type-level = { $kind } · niveau { $level }
rs-established = Créé
rs-launched = Lancé
rs-founding-instrument = Acte fondateur
rs-instrument-number = { $kind } n° { $number }
rs-lead-institution = Institution chef de file
rs-members = Membres
rs-functions = Fonctions
rs-website = Site web
rs-mandate = Mandat
rs-profile-missing = Le texte de ce profil dans l'édition originale{ $page } ne figure pas dans la base de données ; les faits ci-dessus sont ceux enregistrés, chacun avec sa source.
rs-status-history = Historique du statut
rs-activities = Activités
# Une activité : sa date, puis son titre et sa nature.
rs-dated = { $date } : { $text }
rs-narrative-history = Historique
rs-narrative-mandate = Mandat
rs-narrative-structure = Structure
rs-narrative-outputs = Réalisations
rs-narrative-challenges = Difficultés
rs-narrative-recent-developments = Évolutions récentes

## Société civile, entreprises et organisations religieuses

rs-themes-text = Les mécanismes nationaux sont des organes officiels, mais beaucoup comprennent des acteurs extérieurs à l'État ou travaillent à leurs côtés. Pour chaque type d'acteur : les organisations enregistrées comme membres d'un mécanisme{ $when }, et les mécanismes créés par cette partie de la société elle-même.
rs-theme-empty = Aucune organisation de ce type n'est enregistrée comme membre d'un mécanisme, et aucun mécanisme de ce type n'est enregistré{ $when }.
rs-theme-civil-society = Société civile
rs-theme-corporations = Entreprises et secteur privé
rs-theme-religious = Organisations religieuses
rs-col-organisation = Organisation
rs-col-member-of = Membre de
rs-col-role = Rôle

## Résultats

# $link : un lien vers rs-about, sur la page d'accueil.
rs-outcomes-lead = Les évaluations des résultats de cette édition : ce qu'ont accompli les initiatives et les mécanismes nationaux ci-dessous, jugé à l'aune d'un cadre de critères aux niveaux ordonnés. Des évaluateurs indépendants ont noté chacun d'eux, et un éditeur a enregistré le consensus après avoir rapproché leurs notes ; chaque niveau s'appuie sur des éléments de preuve. Le degré d'accord entre les évaluateurs figure sous { $link }.
rs-consensus-caption = Niveaux retenus par consensus, par cible et par critère ({ $framework }).
rs-col-target = Cible
rs-the-framework = Le cadre : { $framework }
rs-framework-version = { $title }, version { $version }
rs-assessment = Évaluation
rs-no-consensus = Aucun consensus enregistré pour l'instant.
rs-initiative = Initiative
rs-mechanism = Mécanisme
rs-regional-or-international = régional ou international
rs-kind = Nature
rs-started = Début
rs-ended = Fin
rs-partners = Partenaires
rs-level-of = { $level } (niveau { $rank } sur { $of })
rs-unchanged-since = Inchangé depuis { $edition } : { $level }
rs-changed-since = Évolution depuis { $edition } : { $before } → { $level }
rs-with-evidence = { $change } (éléments de preuve : { $refs }).
rs-rater = Évaluateur { $rater } : { $level }. { $rationale } { $refs }

## Avis d'experts, annexe, bibliographie

rs-essays-lead = Essais d'experts, chacun signé par son auteur.
rs-author-missing = Auteur non renseigné
rs-annex-states = A.1 États dotés d'un mécanisme national
# $link : un lien vers le paquet de données, dont le texte est rs-annex-data-package.
rs-annex-text = Chaque État doté d'un mécanisme national enregistré{ $when }, avec ses mécanismes : la date de création de chacun (ou, lorsqu'elle n'est pas connue, de lancement), son dernier statut à l'année de l'édition et ses sources dans la bibliographie. Une croix (†) signale les mécanismes dont cette édition présente le profil. Les mêmes données figurent dans le { $link }.
rs-annex-data-package = paquet de données
rs-annex-groups = A.2 Par groupe régional de l'ONU
rs-no-sources = Aucune source n'est citée.
rs-accessed = Consulté le { $date }.
