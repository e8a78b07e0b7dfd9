# L'interface en français : mêmes clés et mêmes paramètres que l'anglais (en/main.ftl).

lang-name = Français
lang-switch = Langue

## Dates

date-example = 29/12/2018 ou 29 décembre 2018
date-not-understood = « { $text } » n'est pas une date : écrivez-la comme { $example }.
date-ambiguous = « { $text } » pourrait être le { $first } ou le { $second } : écrivez-la comme { $example }.
date-understood = Date comprise : { $date }.

## Le formulaire du répondant

respond-asked-by = Demandé par
respond-team = L'équipe de recherche du rapport { $review }
respond-for-edition = pour son édition { $edition }
respond-invited-by = votre invitation a été envoyée par { $name }
respond-answering = Vous répondez
respond-about = au sujet de { $subject }
respond-period = Période couverte
respond-answer-by = Merci de répondre avant le { $date }
respond-questions = Des questions ?
respond-write-to = Écrivez à { $address }.
respond-thanks = Merci : votre réponse est envoyée
respond-answers-shown = Vos réponses sont reproduites ci-dessous telles que vous les avez envoyées ; elles ne peuvent plus être modifiées ici.
respond-look-again = L'équipe de recherche vous demande de revoir vos réponses
respond-needs-attention = Certaines réponses sont à revoir :
respond-remove-row = Supprimer cette ligne à l'enregistrement
respond-add-row = Ajouter une ligne
respond-save = Enregistrer le brouillon
respond-submit = Envoyer
respond-no-file = Aucun fichier joint
respond-no-answer = Pas de réponse
respond-no-rows = Aucune ligne
respond-row = { $group }, ligne { $n }
respond-saved = Vos réponses sont enregistrées comme brouillon. Vous pouvez revenir sur cette page avec le même lien jusqu'au { $date }.
