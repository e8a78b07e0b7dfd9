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
