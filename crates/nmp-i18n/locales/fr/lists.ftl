# Messages de cette partie du site, en français : mêmes clés et mêmes paramètres que l'anglais (en/lists.ftl).

## Commun aux listes

ls-filters = Filtres
ls-filter = Filtrer
ls-clear = Effacer
ls-csv = Télécharger en CSV
ls-f-region = Région de l'ONU
ls-f-group = Groupe régional de l'ONU
ls-f-network = Réseau
ls-f-has = Doté d'un mécanisme
ls-f-type = Type
ls-f-status = Statut
ls-f-country = Pays
ls-f-kind = Type
ls-f-language = Langue
ls-any-region = Toutes
ls-any-group = Tous
ls-any-network = Tous
ls-any-has = Indifférent
ls-any-type = Tous
ls-any-status = Tous
ls-any-country = Tous
ls-any-kind = Tous
ls-any-source-kind = Tous
ls-any-language = Toutes
ls-col-country = Pays
ls-col-region = Région
ls-col-group = Groupe régional
ls-col-mechanisms = Mécanismes
ls-col-networks = Réseaux
ls-col-mechanism = Mécanisme
ls-col-type = Type
ls-col-created = Création
ls-col-launched = Lancement
ls-col-status = Statut
ls-col-initiative = Initiative
ls-col-kind = Type
ls-col-started = Début
ls-col-ended = Fin
ls-col-lead = Institution chef de file
ls-col-network = Réseau
ls-col-founded = Création
ls-col-members-recorded = États membres recensés
ls-col-state = État
ls-col-notes = Notes
ls-col-date = Date
ls-problems = { $count ->
    [one] Un filtre n'a pas été compris et a été ignoré ; la liste ci-dessous est établie sans lui :
   *[other] Certains filtres n'ont pas été compris et ont été ignorés ; la liste ci-dessous est établie sans eux :
}
ls-problem-not-one-of = { $value } ne fait pas partie des valeurs possibles : { $codes }
ls-problem-no-language = aucune source n'est en { $value } ; les langues des sources sont : { $known }
ls-pages-size = { $pages } pages, { $size }

## Les pays

ls-countries-lede = Les 193 États membres de l'ONU et les deux États observateurs, avec les mécanismes et les réseaux recensés pour chacun.
ls-countries-filter = Filtrer les pays
ls-countries-facet-help = Le nombre qui suit chaque choix indique combien de pays il afficherait, les autres filtres restant tels quels.
ls-countries-count = { $count } pays
ls-countries-caption = Pays correspondant aux filtres
ls-observer-state = État observateur

## Les mécanismes

ls-mechanisms-lede = Les mécanismes nationaux et autres de prévention du génocide et des autres crimes d'atrocité, tels que les sources les documentent. Le statut indiqué est le plus récent de l'historique daté de chaque mécanisme.
ls-mechanisms-filter = Filtrer les mécanismes
ls-mechanisms-facet-help = Le nombre qui suit chaque choix indique combien de mécanismes il afficherait, les autres filtres restant tels quels.
ls-mechanisms-count = { $count ->
    [one] { $count } mécanisme
   *[other] { $count } mécanismes
}
ls-mechanisms-caption = Mécanismes correspondant aux filtres
ls-status-proposed = Proposé
ls-status-in-process = En cours de création
ls-status-established = Établi
ls-status-active = Actif
ls-status-dormant = En sommeil
ls-status-dissolved = Dissous

## Les initiatives

ls-initiatives-description = Initiatives nationales et régionales de prévention du génocide et des autres crimes d'atrocité : lois, stratégies, systèmes d'alerte précoce, formation, éducation et enquêtes, chaque fait étant rattaché à sa source.
ls-initiatives-lede = Les initiatives nationales et régionales de prévention des atrocités, recensées à part des mécanismes : lois et décrets, stratégies et plans d'action, systèmes d'alerte précoce, formation, éducation et travail de mémoire, enquêtes, et participation des États aux réseaux. Chaque page présente les faits avec leurs sources et, dès qu'une édition comportant une évaluation des résultats est publiée, les notes consensuelles des éditeurs.
ls-initiatives-filter = Filtrer les initiatives
ls-initiatives-count = { $count ->
    [one] { $count } initiative
   *[other] { $count } initiatives
}
ls-initiatives-none = Aucune initiative n'est recensée.
ls-initiatives-none-matching = Aucune initiative recensée ne correspond à ces filtres.
ls-initiatives-caption = Initiatives correspondant aux filtres
ls-regional-or-international = Régionale ou internationale
ls-no-initiative = Il n'existe aucune initiative { $slug }.
ls-no-end = aucune fin recensée
ls-none-recorded = aucun recensé
ls-initiative-what = En quoi elle consiste
ls-partners = Partenaires
ls-no-partner = Aucune organisation partenaire n'est recensée.
ls-partners-caption = Organisations partenaires de { $title }
ls-outcomes = Évaluation des résultats
ls-no-assessment = Aucune évaluation publiée pour l'instant.
ls-ratings-intro = Le consensus des éditeurs, critère par critère, après l'évaluation de l'initiative par des évaluateurs indépendants ; seul le consensus est publié. Les niveaux vont de 1 (le plus bas) vers le haut ; voir la
ls-ratings-method = méthode
ls-framework = cadre
ls-ratings-caption = Notes consensuelles de { $title } dans l'édition { $edition }
ls-criterion = Critère
ls-rationale = Justification
ls-rank-of = { $rank } sur { $of }

## Les réseaux

ls-networks-lede = Les réseaux régionaux et mondiaux par lesquels les États et leurs mécanismes coopèrent à la prévention des atrocités.
ls-no-network = Il n'existe aucun réseau { $slug }.
ls-secretariat = Secrétariat
ls-member-states = États membres
ls-no-member-states = Aucun État membre n'est recensé nommément.
ls-members-caption = États membres de { $name }, avec leurs dates
ls-membership-over-time = Évolution du nombre de membres
ls-membership-counts-why = Lorsque les sources donnent un nombre de membres plutôt qu'une liste.
ls-counts-caption = Nombre de membres de { $name } à différentes dates
ls-network-kind-intergovernmental-committee = Comité intergouvernemental
ls-network-kind-state-network = Réseau d'États
ls-network-kind-focal-point-network = Réseau de points focaux
ls-network-kind-partnership = Partenariat multipartite
ls-network-role-member = Membre
ls-network-role-founding-member = Membre fondateur
ls-network-role-facilitator = État facilitateur
ls-network-role-chair = Présidence
ls-network-role-participant = Participant

## Les éditions

ls-editions-lede = Le rapport paraît chaque année depuis 2015 ; les éditions suivantes sont devenues des notes d'orientation semestrielles. Une édition absente de cette liste n'a pas été documentée dans les sources dont nous disposons.
ls-editions-featured = { $count ->
    [one] { $count } mécanisme présenté
   *[other] { $count } mécanismes présentés
}
ls-editions-read = Lire le rapport (PDF, { $pages } pages, { $size })
ls-no-edition = Il n'existe aucune édition { $slug }.
ls-published = Publication
ls-pages = Pages
ls-licence = Licence
ls-data = Données
ls-data-package = Paquet de données
ls-data-package-what = tableaux CSV accompagnés d'un schéma
ls-report-read = Lire le rapport
ls-report-pdf = Le rapport (PDF)
ls-report-site = La version web (ZIP)
ls-report-site-rest = , à lire hors ligne dans n'importe quel navigateur
ls-report-data = Le paquet de données (ZIP)
ls-report-data-rest = {" "}: chaque fait présenté dans le rapport, avec ses sources, sous forme de tableaux
ls-verify = Vérifier cette édition
ls-verify-snapshot = Ce rapport a été composé à partir d'un état figé de l'édition, l'instantané, dont l'empreinte SHA-256 est
ls-verify-pdf = L'empreinte du PDF lui-même est
ls-verify-built = (produit le { $date }).
ls-verify-how = Chacun peut vérifier que le PDF dit ce que disent les données : chargez le paquet de données dans une nouvelle base NMP vide et produisez le rapport de cette édition avec la même version de NMP. Le nouveau PDF a la même empreinte, octet pour octet ; toute modification d'un fait la changerait. Le paquet de données nomme chaque source, de sorte que chaque fait peut aussi être vérifié auprès de sa source.
ls-report-not-typeset = Le rapport de cette édition n'a pas encore été composé ici ; ses données figurent ci-dessous.
ls-publishers = Éditeurs et partenaires
ls-part = partie :
ls-phase = Phase :
ls-phase-range = de { $from } à { $until }
ls-phase-from = à partir de { $from }
ls-phase-until = jusqu'à { $until }
ls-contributors = Auteurs et contributeurs
ls-contents = Sommaire
ls-no-contents = Le sommaire de cette édition n'est pas recensé.
ls-by = par
ls-responsible = responsable :
ls-mechanisms-featured = Mécanismes présentés
ls-edition-kind-annual-report = Rapport annuel
ls-edition-kind-policy-paper = Note d'orientation
ls-publisher-role-publisher = Éditeur
ls-publisher-role-co-publisher = Coéditeur
ls-publisher-role-research-partner = Partenaire de recherche
ls-publisher-role-launch-host = Hôte du lancement
ls-publisher-role-author = Auteur
ls-publisher-role-partner-institution = Institution partenaire
ls-part-kind-chapter = Chapitre
ls-part-kind-essay = Tribune d'expert
ls-profile-section-update = Mises à jour de mécanismes déjà présentés
ls-profile-section-new-and-emerging = Mécanismes nouveaux et émergents
ls-profile-section-highlighted = Mécanismes mis en lumière
ls-profile-section-featured = Mécanismes présentés
ls-contributor-role-lead-author = Auteur principal
ls-contributor-role-co-author = Coauteur
ls-contributor-role-editor = Éditeur
ls-contributor-role-student-research-assistant = Assistant de recherche étudiant
ls-contributor-role-partner-institution = Institution partenaire

## Les sources

ls-sources-lede = La bibliographie : chaque document, texte de loi, page web et article de presse dont est tiré un fait présenté sur ce site, avec les enregistrements qui le citent.
ls-sources-filter = Filtrer les sources
ls-sources-facet-help = Le nombre qui suit chaque choix indique combien de sources il afficherait, l'autre filtre restant tel quel.
ls-sources-count = { $count ->
    [one] { $count } source
   *[other] { $count } sources
}
ls-accessed = Consulté le { $date }.
ls-archived-copy = Copie archivée
ls-archived-file = Copie archivée ({ $file })
ls-archived-sha256 = SHA-256 du fichier archivé
ls-cite = Citer :
ls-cited-by = { $count ->
    [one] Citée par { $count } enregistrement
   *[other] Citée par { $count } enregistrements
}
ls-source-kind-document = Document
ls-source-kind-law = Loi ou décret
ls-source-kind-web-page = Page web
ls-source-kind-news = Article de presse
ls-source-kind-report = Rapport
ls-source-kind-article = Article de revue
ls-source-kind-interview = Entretien
ls-source-kind-questionnaire-response = Réponse à un questionnaire
ls-language-en = Anglais
ls-language-fr = Français
ls-language-es = Espagnol
ls-language-pt = Portugais
ls-language-de = Allemand
ls-language-ar = Arabe
ls-language-sw = Swahili

## La recherche

ls-search-title = Recherche
ls-search-title-query = Recherche : { $query }
ls-search-help = Tous les mots doivent correspondre ; les mots anglais, français et espagnols sont aussi trouvés sous leurs autres formes et sans leurs accents.
ls-search-syntax = Utilisez `{ $phrase }`, un préfixe suivi de `{ $star }`, `{ $or }` et `{ $not }` pour exclure un mot.
ls-search-syntax-phrase = une expression
ls-search-syntax-word = mot
ls-search-found = { $count ->
    [one] { $count } résultat
   *[other] { $count } résultats
}
ls-search-for = pour « { $query } »
ls-search-filter-results = Filtrer les résultats
ls-search-filter = Filtrer
ls-search-remove = × retirer
ls-search-shown = { $count ->
    [one] { $count } affiché
   *[other] { $count } affichés
}
ls-search-page = page { $page }
ls-search-text-missing = Texte non indexé :
ls-search-note-empty = Saisissez un ou plusieurs mots à rechercher.
ls-search-note-no-word = La requête ne contient aucun mot à rechercher, seulement des opérateurs ou de la ponctuation.
ls-search-note-lenient = Une partie de la requête n'a pas pu être lue telle qu'elle est écrite (un guillemet non fermé ou un opérateur sans mot) : elle a été recherchée comme de simples mots.
ls-search-note-long = La requête dépassait { $max } caractères : seuls ses { $max } premiers ont été recherchés.
ls-search-note-no-match = Le filtre « { $filter } : { $value } » ne correspond à aucun enregistrement.
ls-search-note-unread = La recherche n'a pas pu être lue telle qu'elle a été donnée ({ $error }) ; rien n'a été recherché.
ls-search-note-unavailable = La recherche n'est pas disponible sur ce serveur : il fonctionne sans index de recherche.
ls-search-facet-kind = Type
ls-search-facet-country = Pays
ls-search-facet-region = Région de l'ONU
ls-search-facet-group = Groupe régional de l'ONU
ls-search-facet-edition = Édition
ls-search-facet-language = Langue de la source
ls-search-facet-year = Année
ls-search-kind-country = Pays
ls-search-kind-mechanism = Mécanismes
ls-search-kind-initiative = Initiatives
ls-search-kind-organization = Organisations
ls-search-kind-network = Réseaux
ls-search-kind-edition = Éditions
ls-search-kind-edition-part = Parties d'éditions
ls-search-kind-profile = Présentations de mécanismes
ls-search-kind-source = Sources
ls-search-kind-document = Texte des fichiers de sources archivés
ls-search-kind-attachment = Pièces jointes aux questionnaires

## À propos

ls-about-heading = À propos du rapport et de ces données
ls-about-on-this-page = Sur cette page
ls-about-review-heading = Le rapport
ls-about-definition-heading = Ce qui constitue un mécanisme national
ls-about-functions-heading = Fonctions
ls-about-method-heading = Méthode
ls-about-licence-heading = Licence
ls-about-review = L'Auschwitz Institute for Peace and Reconciliation (AIPR, devenu ensuite l'Auschwitz Institute for the Prevention of Genocide and Mass Atrocities) a publié à partir de 2015 un rapport annuel, { $review }. À partir de 2019, le rapport a été transféré par étapes à l'Institute for Genocide and Mass Atrocity Prevention (I-GMAP) de l'Université de Binghamton, dont le projet Mechanisms of Atrocity Prevention le poursuit sous la forme d'une série semestrielle de notes d'orientation consacrée aux mécanismes internationaux, régionaux, locaux, de la société civile et du secteur privé, ainsi qu'aux mécanismes nationaux
ls-about-map-project = projet MAP
ls-about-definition = Les mécanismes nationaux sont des
ls-about-authors = Capicotto et Scharf
ls-about-text = texte
ls-about-definition-rest = Ils comprennent souvent aussi des membres de la société civile et du monde universitaire. Ce site recense également des organes d'autres niveaux (régional, infranational, société civile) ainsi que des lois instituant des structures de prévention, et précise le niveau de chacun.
ls-about-functions = Les tâches communes des mécanismes nationaux, telles que les sources les décrivent :
ls-about-method-sources = Chaque fait présenté sur ce site est rattaché à la source dont il provient : une loi ou un décret, une page web officielle, un article de presse, un rapport. Un fait qu'aucune source dont nous disposons n'étaye est laissé vide, et la lacune est signalée dans les notes de l'enregistrement ; lorsqu'il n'existe qu'une source fragile, le fait est signalé comme
ls-about-method-dates = Les dates sont données avec la précision de la source : une année (2012), un mois (2015-06) ou un jour (2014-12-05). Un pays sans mécanisme recensé n'en a aucun de documenté dans nos sources, ce qui ne veut pas dire qu'il n'en a aucun.
ls-about-method-editions = Les éditions du rapport se sont appuyées sur des questionnaires adressés aux États participants et sur des entretiens avec des responsables gouvernementaux. Chaque modification des données est consignée dans un journal d'audit dont les entrées sont chaînées par des empreintes cryptographiques, de sorte que l'historique ne peut pas être modifié sans que cela se remarque.
ls-about-cite-edition = Pour citer une édition du rapport :
ls-about-cite-data = Pour citer les données, indiquez la page ou le fichier et la date à laquelle vous l'avez consulté, par exemple :
ls-about-cite-source = Lorsque vous utilisez un fait, merci de citer également la source indiquée pour celui-ci.
ls-about-licence = Les faits présentés sur ce site sont compilés à partir des sources publiques citées pour chacun d'eux. La licence de chaque édition figure sur sa page lorsqu'elle est recensée ; à défaut, aucune licence n'a été recensée et il convient de vous adresser aux éditeurs avant de republier le texte du rapport. Le logiciel NMP est un logiciel libre distribué sous la GNU Affero General Public License, version 3 ou ultérieure.

## Données et API

ls-data-heading = Données et API
ls-data-lede = Tout ce qui figure sur ce site est en données ouvertes : chaque liste en JSON ou en CSV, un paquet de données par édition, et une API décrite par un
ls-data-openapi = document OpenAPI 3
ls-data-downloads = Téléchargements
ls-data-reports = Les rapports
ls-data-no-report = Aucun rapport d'édition n'a encore été publié ici. Les données de chaque édition figurent ci-dessous.
ls-data-reports-what = Le rapport de chaque édition publiée en PDF, sa version web en un seul fichier ZIP à lire hors ligne, et le paquet de données à partir duquel il a été composé.
ls-data-web-zip = version web (ZIP)
ls-data-package-zip = paquet de données (ZIP)
ls-data-packages = Paquets de données
ls-data-packages-what = Le paquet de données de chaque édition est un ensemble de fichiers CSV accompagnés d'un fichier
ls-data-packages-rest = qui décrit chaque colonne, les clés qui relient les tableaux, et les sources.
ls-data-api = Tous les points d'accès répondent à `GET`, acceptent toutes les origines (CORS), envoient un `ETag`, respectent `If-None-Match` et compressent en gzip sur demande. Les listes acceptent `limit` (de 1 à 1000, 100 par défaut) et `offset`, et répondent `{ $list }` ; les listes des pays, des mécanismes et des sources ajoutent `"facets"` : chaque filtre avec chacune de ses valeurs et les lignes qu'elle sélectionnerait compte tenu des autres filtres donnés (`{ $example }`), comme les pages l'indiquent à côté de chaque choix. Les codes des filtres sont acceptés quelle que soit la casse (`region=Africa`) ; ajoutez `format=csv` (ou utilisez le chemin `.csv`) pour obtenir du CSV, avec le total dans l'en-tête `X-Total-Count`. Un paramètre erroné, inconnu, répété ou vide (`limit=`) donne une erreur 400 qui le nomme : `{ $error }`.
ls-data-endpoints = Points d'accès de l'API
ls-data-endpoint = Point d'accès
ls-data-returns = Ce qu'il renvoie
ls-data-parameters = Paramètres
ls-data-examples = Exemples :
ls-data-with-facets = avec ses facettes
