# Messages de cette partie du site, en français : mêmes clés et mêmes paramètres que l'anglais (en/analysis.ftl).

## La page d'analyse (/analysis)

an-title = Analyse
an-lede = Les indicateurs du rapport, calculés à partir des faits cités sur ce site tels qu'ils se présentaient l'année de chaque édition. Les définitions, les unités et les réserves sont exposées dans la { $method } ; les données de chaque figure figurent dans le tableau qui l'accompagne et peuvent être téléchargées.
an-method = méthode
an-choose-edition = Choisir une édition
an-edition = Édition
an-all-data = Ensemble des données recensées
an-show = Afficher
an-key-figures = Chiffres clés, { $when }
an-states-with = États dotés d'un mécanisme national
an-of = sur { $total }
an-change-since = { $change } depuis { $previous }
an-share = Part des États membres et observateurs de l'ONU
an-mechanisms-all = Mécanismes (tous niveaux)
an-mean-breadth = Étendue moyenne de la composition
an-of-sectors = sur 13 secteurs

an-fig-map-networks = Appartenance aux réseaux de prévention, { $when }
an-fig-by-region = États dotés d'un mécanisme national, par région de l'ONU, { $when }
an-fig-by-status = Dernier statut des mécanismes, { $when }
an-fig-functions = Comment les mécanismes exercent les quatre fonctions, { $when }
an-fig-over-editions = États dotés d'un mécanisme national et mécanismes recensés, par édition
an-fig-map-status = Statut des mécanismes nationaux, { $when }
an-fig-high-risk = Les 30 États les plus exposés au risque et les mécanismes nationaux ({ $dataset })
an-fig-map-high-risk = Les 30 États les plus exposés au risque, sur la carte ({ $dataset })
an-functions-none-edition = Aucune évaluation de la manière dont les mécanismes exercent les quatre fonctions n'est recensée pour l'édition { $edition } : il n'y a donc rien à représenter, chacun des { $mechanisms } mécanismes étant compté comme « aucune ou non évaluée » pour chaque fonction.
an-functions-none-any = Aucune évaluation de la manière dont les mécanismes exercent les quatre fonctions n'est recensée, quelle que soit l'édition : il n'y a donc rien à représenter, chacun des { $mechanisms } mécanismes étant compté comme « aucune ou non évaluée » pour chaque fonction.
an-functions-not-carried-edition = Les { $assessed } évaluations de fonctions recensées pour l'édition { $edition } concluent toutes que la fonction n'est pas exercée : il n'y a donc rien à représenter.
an-functions-not-carried-any = Les { $assessed } évaluations de fonctions recensées, toutes éditions confondues, concluent toutes que la fonction n'est pas exercée : il n'y a donc rien à représenter.
an-download = Télécharger :
an-data-csv = données (CSV)
an-too-small = Trop petits pour être visibles sur cette carte : { $names }.
an-data-table = { $count ->
    [one] Tableau de données ({ $count } ligne)
   *[other] Tableau de données ({ $count } lignes)
}
an-figure-caption = Données de la figure : { $title }

an-by-group = États dotés d'un mécanisme national, par groupe régional de l'ONU
an-by-group-caption = États dotés d'un mécanisme national par groupe régional de l'ONU
an-regional-group = Groupe régional
an-with-mechanism = Dotés d'un mécanisme
an-states = États
an-share-short = Part
an-group-african = Groupe des États d'Afrique
an-group-asia-pacific = Groupe des États d'Asie et du Pacifique
an-group-eastern-european = Groupe des États d'Europe orientale
an-group-grulac = Groupe des États d'Amérique latine et des Caraïbes (GRULAC)
an-group-weog = Groupe des États d'Europe occidentale et autres États (WEOG)
an-group-none = Aucun

an-breadth = Étendue pangouvernementale
an-breadth-intro = Pour chaque mécanisme dont les membres sont recensés : de combien des treize secteurs (pouvoir législatif, pouvoir judiciaire, justice, affaires étrangères, défense, intérieur et police, renseignement, éducation, institution de défense des droits de l'homme ou médiateur, société civile, organisations religieuses, secteur privé, milieu universitaire) proviennent ses membres. Mécanismes comptant des membres non étatiques (société civile, organisations religieuses, secteur privé, milieu universitaire) : { $count } sur { $total }.
an-breadth-none = Aucun mécanisme n'a de membres recensés pour cette édition.
an-breadth-caption = Étendue de la composition de chaque mécanisme
an-mechanism = Mécanisme
an-sectors-of = Secteurs (sur 13)
an-which = Lesquels
an-sector-legislature = Pouvoir législatif
an-sector-judiciary = Pouvoir judiciaire
an-sector-justice = Justice et poursuites
an-sector-foreign-affairs = Affaires étrangères
an-sector-defence = Défense
an-sector-interior-police = Intérieur et police
an-sector-intelligence = Renseignement
an-sector-education = Éducation
an-sector-human-rights-office = Institution de défense des droits de l'homme ou médiateur
an-sector-civil-society = Société civile
an-sector-religious = Organisations religieuses
an-sector-private-sector = Secteur privé
an-sector-academia = Milieu universitaire
an-sector-executive = Services du chef de l'État ou du gouvernement
an-sector-other = Autre

an-networks-heading = Appartenance aux réseaux par région
an-networks-caption = États membres de chaque réseau par région de l'ONU
an-network = Réseau
an-network-members = États membres recensés
an-by-region = Par région

an-high-risk = Les États les plus exposés au risque
an-high-risk-intro = Le risque de chaque État, mis en regard de son mécanisme, de ses fonctions, de ses initiatives et de ses réseaux, avec les États à risque élevé ou en hausse dépourvus de mécanisme opérationnel signalés, figure sur la page { $page }.
an-high-risk-counts = Parmi les { $total } États les plus exposés au risque d'une nouvelle tuerie de masse selon { $dataset } : dotés d'un mécanisme national, { $mechanism } ; membres d'un réseau de prévention mais sans mécanisme, { $network } ; ni l'un ni l'autre, { $neither }. (La prévision la plus récente, mise en regard des mécanismes et des appartenances tels qu'ils sont recensés aujourd'hui sur ce site, quelle que soit l'édition choisie ci-dessus ; une absence signifie qu'aucun n'est documenté dans nos sources.)
an-outside = Également évalués, hors des 195 États : { $list }.
an-outside-item = { $name } ({ $code }), rang { $rank }, risque à deux ans { $risk }
an-not-given = non indiqué
an-not-assessed = non évalué
an-high-risk-none = Aucune évaluation des risques de l'Early Warning Project n'a encore été importée sur ce site : les États les plus exposés au risque apparaîtront ici dès que l'équipe éditoriale en aura ajouté une.
an-risen = Entrés dans les 30 premiers depuis la dernière publication
an-risen-none = Aucun État n'est entré dans les 30 premiers entre { $previous } et { $latest }.
an-risen-caption = États classés parmi les 30 premiers dans { $latest } mais pas dans { $previous }
an-state = État
an-rank-in = Rang dans { $release }
an-two-year-risk = Risque à deux ans

an-outcomes = Évaluations des résultats
an-outcomes-none = Aucune évaluation des résultats n'est encore publiée. Lorsqu'une édition comportant une campagne d'évaluation sera publiée, les notes de consensus attribuées par l'équipe éditoriale à ses initiatives et à ses mécanismes seront résumées ici par critère et par région de l'ONU.
an-outcomes-intro = Les notes de consensus publiées par l'équipe éditoriale pour les initiatives et les mécanismes, édition { $edition } : pour chaque critère, le nombre de cibles à chaque niveau dans chaque région de l'ONU. Seules comptent les notes de consensus des éditions publiées ; les notes individuelles des évaluateurs ne sont pas publiées. La page de chaque initiative évaluée présente ses notes et les éléments qui les étayent ({ $initiatives }).
an-outcomes-intro-latest = Les notes de consensus publiées par l'équipe éditoriale pour les initiatives et les mécanismes, édition { $edition } (la dernière évaluation publiée à la date de l'édition { $selected }) : pour chaque critère, le nombre de cibles à chaque niveau dans chaque région de l'ONU. Seules comptent les notes de consensus des éditions publiées ; les notes individuelles des évaluateurs ne sont pas publiées. La page de chaque initiative évaluée présente ses notes et les éléments qui les étayent ({ $initiatives }).
an-initiatives = initiatives
an-outcomes-change-later = L'évolution d'une édition à l'autre apparaîtra dès qu'une cible aura été évaluée dans deux éditions publiées.
an-outcomes-none-as-of = Aucune évaluation des résultats n'est publiée à la date de l'édition { $edition }.
an-bad-edition = paramètre edition : « { $edition } » ne fait pas partie des éditions : { $editions }
an-no-figure-file = Il n'existe pas de fichier de figure « { $file } ».
an-figure-types = Les figures sont proposées en .svg, .png ou .csv, pas en « { $ext } ».
an-no-figure = Il n'existe pas de figure « { $name } ».

## Comparer des pays (/compare)

an-compare-title = Comparer des pays
an-compare-not-found = Certains pays sont introuvables ; rien n'est donc encore comparé :
an-compare-to-compare = Pays à comparer
an-compare-change = Modifier les pays comparés
an-compare-help = De deux à cinq pays : saisissez un nom en anglais, en français ou en espagnol (accents facultatifs), ou un code ISO tel que KEN ou KE.
an-compare-country = Pays { $number }
an-compare-required = (obligatoire)
an-compare-button = Comparer
an-compare-example = Par exemple :
an-compare-example-east-africa = Kenya, Tanzanie et Ouganda
an-compare-caption = Les pays côte à côte
an-compare-fact = Donnée
an-compare-un-region = Région de l'ONU
an-compare-un-group = Groupe régional de l'ONU
an-compare-mechanisms = Mécanismes
an-compare-none-recorded = aucun recensé
an-compare-type = Type
an-compare-created = Création ou lancement
an-not-recorded = non recensé
an-compare-status = Dernier statut
an-compare-members = Organisations membres recensées
an-compare-networks = Réseaux
an-compare-risk = Risque selon l'Early Warning Project
an-compare-rank = rang { $rank } ({ $risk })
an-compare-no-data = aucune donnée
an-compare-ewp-heading = Le risque selon l'Early Warning Project, publication après publication
an-compare-already = { $country } figure déjà dans la liste
an-compare-ambiguous = « { $text } » est le nom de plusieurs pays ; choisissez-en un
an-compare-unknown = « { $text } » n'est ni le nom ni le code ISO d'un État membre ou observateur de l'ONU
an-compare-unknown-suggest = « { $text } » n'est ni le nom ni le code ISO d'un État membre ou observateur de l'ONU ; vouliez-vous dire l'un de ceux-ci ?
an-compare-count = Indiquez de deux à cinq pays ; vous en avez indiqué { $count }.
an-compare-bad-query = paramètre query : la chaîne de requête n'est pas un encodage d'URL valide
an-mstatus-proposed = Proposé
an-mstatus-in-process = En cours de création
an-mstatus-established = Créé
an-mstatus-active = Actif
an-mstatus-dormant = En sommeil
an-mstatus-dissolved = Dissous

## Les jeux de données (/datasets) et la page d'un indicateur

an-datasets-title = Jeux de données
an-datasets-heading = Jeux de données externes
an-datasets-intro = Des données par pays et par année publiées par d'autres et importées ici, avec leur éditeur, leur version, leur licence et l'empreinte SHA-256 du fichier dont elles ont été lues, afin que chacun puisse vérifier qu'il détient le même fichier.
an-datasets-none = Aucun jeu de données n'a encore été importé sur ce site : l'équipe éditoriale y ajoute les publications de l'Early Warning Project et d'autres données par pays et par année.
an-publisher = Éditeur
an-version = Version
an-licence = Licence
an-not-stated = non précisée
an-source = Source
an-file = Fichier et SHA-256
an-indicators-caption = Indicateurs de { $dataset }
an-indicator = Indicateur
an-label = Libellé
an-unit = Unité
an-published = { $dataset }, publié par { $publisher }.
an-published-version = { $dataset }, publié par { $publisher } (version { $version }).
an-values = Valeurs pour { $year }.
an-values-unit = Valeurs pour { $year }, en { $unit }.
an-values-caption = Valeurs de { $indicator } en { $year }
an-no-indicator = Il n'existe pas d'indicateur « { $code } » dans un jeu de données « { $dataset } ».
an-no-values = L'indicateur « { $code } » n'a aucune valeur.
an-indicator-files = Les fichiers d'un indicateur sont map.svg, map.png et data.csv, pas « { $file } ».

## Risque et capacités (/risk) : les prévisions de l'Early Warning Project en regard des capacités de chaque État

an-risk-title = Risque et capacités
an-risk-intro = La probabilité estimée d'une nouvelle tuerie de masse dans chaque État, mise en regard de sa capacité à prévenir les crimes d'atrocité : s'il est doté d'un mécanisme national et dans quelle mesure ce mécanisme exerce ses fonctions, ses initiatives nationales, les réseaux de prévention auxquels il appartient et la dernière évaluation qualitative selon le Cadre d'analyse des Nations Unies. Un État est { $flagged } lorsque son risque est élevé (parmi les 30 premiers) ou en hausse (d'au moins un point de pourcentage depuis la prévision précédente, ou nouvellement parmi les 30 premiers) et qu'il n'a pas de mécanisme national opérationnel. Les mécanismes, les initiatives et les appartenances sont ceux recensés sur ce site, chacun cité sur la page de l'État ; une absence signifie qu'aucun n'est documenté dans nos sources. Une prévision statistique indique quels États ressemblent à ceux où des tueries de masse ont commencé ; elle ne prédit pas qu'une tuerie y commencera (voir la { $method }).
an-flagged = signalé
an-choose-forecast = Choisir une prévision
an-forecast = Prévision
an-forecast-choice = { $family }, { $slug } (prévision { $from }–{ $to })
an-forecast-choice-no-year = { $family }, { $slug }
an-nmp-computation = Calcul de NMP
an-risk-nmp-own = un calcul propre à NMP
an-risk-problem = La prévision n'a pas pu être affichée : { $problem }
an-risk-unknown = « { $source } » ne fait pas partie des prévisions : { $known }
an-risk-unknown-none = « { $source } » ne fait pas partie des prévisions : aucune n'a encore été importée ni calculée sur ce site
an-risk-nmp-note = Cette prévision est { $nmp }, effectué sur cette plateforme selon la méthode et avec les données publiées par l'Early Warning Project ; ce n'est pas une prévision de l'Early Warning Project.
an-risk-published = Publiée par { $publisher } ({ $datasets }).
an-datasets-link = jeux de données
an-risk-flagged-count = États signalés : { $flagged } sur { $total }.
an-risk-since-project = Les évolutions sont calculées depuis { $previous }, la prévision précédente du même projet.
an-risk-since-computation = Les évolutions sont calculées depuis { $previous }, la prévision précédente du même calcul.
an-risk-no-earlier-project = Il n'existe pas de prévision antérieure du même projet avec laquelle comparer : aucun État n'est donc indiqué en hausse.
an-risk-no-earlier-computation = Il n'existe pas de prévision antérieure du même calcul avec laquelle comparer : aucun État n'est donc indiqué en hausse.
an-risk-download = Télécharger ce tableau en { $csv } ou en { $json }.
an-risk-caption = États par risque à deux ans selon { $forecast }, avec leurs capacités ; les lignes signalées sont celles d'un risque élevé ou en hausse sans mécanisme national opérationnel
an-rank = Rang
an-change = Évolution
an-national-mechanism = Mécanisme national
an-functions = Fonctions
an-initiatives-head = Initiatives
an-networks = Réseaux
an-latest-assessment = Dernière évaluation qualitative
an-top-30 = (30 premiers)
an-rising = en hausse
an-risk-none = Aucune prévision n'a encore été importée ni calculée sur ce site : le tableau apparaîtra dès que l'équipe éditoriale aura ajouté une publication de l'Early Warning Project.
an-change-points = { $change } pt
an-not-assessed-before = non évalué auparavant
an-functions-operational = { $operational } sur { $rated } opérationnelles ({ $edition })
an-not-rated = non évaluées
an-none = aucun
an-none-yet = aucune pour l'instant
an-gap-status-operational = Opérationnel
an-gap-status-in-process = En cours de création
an-gap-status-dormant = En sommeil
an-gap-status-not-recorded = Statut non recensé
an-gap-status-dissolved = Dissous
an-gap-status-none = Aucun recensé

## La page d'erreur

err-title = Erreur { $status }
err-not-found = Page introuvable
err-home = Retour à la page d'accueil
err-internal = Une erreur s'est produite de notre côté ; elle a été consignée.
err-no-page = Il n'y a pas de page à l'adresse { $path }.
err-bad-param = Le paramètre « { $param } » n'est pas valide :
