# Les pages d'un enregistrement (un mécanisme, un pays), en français : mêmes clés et mêmes
# paramètres que l'anglais (en/record.ftl).

crumbs = Fil d'Ariane
rec-type = Type
rec-acronym = Sigle
rec-created = Création
rec-launched = Lancement
rec-instrument = Texte fondateur
rec-instrument-number = n° { $number }
rec-instrument-of = du { $date }
rec-lead = Institution chef de file
rec-website = Site web
rec-mandate = Mandat
rec-status-history = Historique du statut
rec-no-status = Aucun statut recensé.
rec-undated = sans date
rec-unverified = non vérifié
rec-members = Membres
rec-members-caption = Organisations membres de { $name }
rec-organisation = Organisation
rec-kind = Nature
rec-role = Rôle
rec-since = Depuis
rec-functions = Fonctions par édition
rec-functions-caption = Fonctions de { $name } par édition
rec-edition = Édition
rec-function = Fonction
rec-level = Niveau
rec-evidence = Éléments probants
rec-activities = Activités
rec-activities-latest = Les { $shown } activités les plus récentes sur { $total }.
rec-activities-all = Toutes les activités sur la page du mécanisme
rec-outcome = Résultat :
rec-featured = Présenté dans
rec-page = p. { $page }
rec-gaps = Lacunes et réserves
rec-not-recorded = non recensé
rec-to = à
rec-initiatives-run = Initiatives que ce mécanisme mène ou porte :
notes-heading = Sources
notes-mark = note de source { $n }
notes-supports = Étaye : { $facts }.
notes-in-bibliography = Dans la bibliographie
cite-download = Télécharger la référence :

## La page d'un pays

country-un-region = Région de l'ONU
country-un-group = Groupe régional de l'ONU
country-un-status = Statut à l'ONU
country-observer = État non membre observateur
country-member = État membre
country-no-mechanism = Aucun mécanisme n'est recensé pour { $country }. Cela signifie qu'aucun n'a été documenté dans les sources dont nous disposons, et non qu'aucun n'existe.
country-nearby = À proximité, en { $area }, ces pays en ont un :
country-see-also = Voir aussi
country-every-mechanism = tous les mécanismes
country-and = et
country-compare = comparer des pays
country-no-initiative = Aucune initiative n'est recensée pour { $country }.
country-in-list = Dans la liste des initiatives
country-no-network = Aucune appartenance à un réseau n'est recensée.
country-networks-caption = Réseaux dont { $country } est membre
country-network = Réseau
country-joined = Adhésion
country-left = Départ
country-risk = Évaluation qualitative des risques
country-no-risk = Aucune évaluation qualitative des risques de { $country } n'a encore été conciliée et publiée.
country-risk-undefined = non défini
country-risk-assessed-on = Évaluation au { $date }
country-risk-assessed = Évaluation
# { $assessed } is country-risk-assessed-on or country-risk-assessed; { $framework } is the Framework's title, as recorded.
country-risk-method = { $assessed } menée selon le { $framework } par plusieurs évaluateurs, chacun de son côté, puis conciliée par les éditeurs (édition { $edition }). Les niveaux suivent l'échelle en quatre niveaux de NMP (non manifeste, faible, élevé, fort), et non celle de l'ONU ; la tendance indique si un facteur est en hausse, stable ou en baisse.
# α is Krippendorff's alpha; the percentages are shares of pairs of ratings that agree.
country-risk-agreement = Accord entre évaluateurs avant conciliation : niveaux α = { $levels-alpha } ({ $levels-percent } des paires concordent ; { $factors } facteurs de risque, { $raters } évaluateurs) ; tendances α = { $trends-alpha } ({ $trends-percent } des paires concordent).
country-risk-caption = Facteurs de risque du Cadre d'analyse de l'ONU : niveau et tendance retenus par consensus pour { $country }
country-risk-factor = Facteur de risque
country-risk-group = Groupe
country-risk-level = Niveau
country-risk-trend = Tendance
country-risk-why = Pourquoi, et les éléments probants
country-risk-rank = { $rank } sur { $of }
country-risk-note = note de source { $note }
country-risk-earlier = Évaluations antérieures
country-risk-earlier-caption = Évaluations qualitatives antérieures des risques de { $country } : niveau et tendance par facteur de risque
country-risk-group-common = Commun
country-risk-group-genocide = Génocide
country-risk-group-crimes-against-humanity = Crimes contre l'humanité
country-risk-group-war-crimes = Crimes de guerre
choice-rising = En hausse
choice-steady = Stable
choice-falling = En baisse
country-ewp-caption = Données de la figure : risque à deux ans et rang par publication
country-ewp-release = Publication
country-ewp-years = Années de prévision
country-ewp-rank = Rang
country-ewp-releases = publications importées
# { $releases } is a link whose text is country-ewp-releases.
country-ewp-note = Les { $releases } de l'évaluation statistique des risques de l'Early Warning Project ; les 30 premiers pays sont considérés à haut risque.
# { $country } is the country's name as recorded.
country-watch-follow = Suivre ce pays ({ $country }) dans votre liste de suivi
# { $risk } is a link whose text is an-risk-title.
country-watch-who = comptes du personnel et des partenaires, après connexion : vous êtes averti quand il entre parmi les 30 premiers, quand son risque augmente ou quand il est de nouveau évalué ; voir aussi { $risk }
rec-translated-official = Traduction officielle
rec-translated-by-nmp = Traduction de NMP
rec-original = Original
rec-original-text = Le texte original

## Kinds of organisation (vocabulary OrganizationKind), by code
org-kind-head-of-government = Services du chef de l'État ou du gouvernement
org-kind-ministry = Ministère
org-kind-government-agency = Organisme public
org-kind-legislature = Parlement
org-kind-judiciary = Pouvoir judiciaire
org-kind-prosecution = Ministère public
org-kind-police = Police
org-kind-military = Forces armées
org-kind-intelligence = Service de renseignement
org-kind-ombudsman-nhri = Médiateur ou institution nationale des droits de l'homme
org-kind-civil-society = Organisation de la société civile
org-kind-religious = Organisation religieuse
org-kind-corporation = Entreprise
org-kind-academic = Établissement universitaire
org-kind-international-org = Organisation internationale
org-kind-regional-org = Organisation régionale
org-kind-research-institute = Institut de recherche ou de formation
org-kind-other = Autre
