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
respond-for-edition-year = pour son édition { $year }
respond-for-edition-name = pour son édition { $name }
respond-for-edition-both = pour son édition { $year }, { $name }
respond-invited-by = votre invitation a été envoyée par { $name }
respond-answering = Vous répondez
respond-about = au sujet de { $subject }
respond-period = Période couverte
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
respond-due-label = Merci de répondre avant le
respond-required = (obligatoire)
respond-remove-file = Supprimer { $name } à l'enregistrement
respond-other-choice = Autre (ne figure pas dans la liste)
respond-other-name = { $field } : son nom, s'il ne figure pas dans la liste
respond-problem-row = { $group }, ligne { $n }, { $field }
respond-about-new = le mécanisme de { $country } (pas encore dans nos données : merci de le décrire)
respond-submitted-on = Votre réponse a été envoyée le { $date }. Merci.
respond-submitted-undated = Votre réponse a été envoyée. Merci.
respond-reviewed = L'équipe de recherche l'a relue ; chaque fait retenu cite votre réponse.
respond-will-review = L'équipe de recherche va relire vos réponses ; chaque fait retenu citera votre réponse. Si elle a des questions, elle vous écrira, et vous pourrez rouvrir ce lien.
respond-draft-saved = Votre brouillon est enregistré. Vous pouvez y revenir avec le même lien.
respond-attached = Fichiers joints : { $files }.
respond-removed = Fichiers supprimés : { $files }.
respond-questions-in-english = Les questions sont rédigées en anglais ; vous pouvez répondre dans la langue de votre choix.
respond-language-change = Afficher ce formulaire en
period-range = de { $start } à { $end }
period-from = à partir de { $start }
period-until = jusqu'en { $end }

## Vérification des réponses

answer-too-long = dépasse { $max } caractères
answer-not-a-number = « { $text } » n'est pas un nombre
answer-yes-or-no = répondez oui ou non
answer-not-a-choice = « { $text } » ne fait pas partie des choix proposés
answer-one-line = doit tenir sur une ligne
answer-required = merci de répondre à cette question
answer-name-other = indiquez le nom de l'institution qui ne figure pas dans la liste
answer-other-or-clear = choisissez « Autre (ne figure pas dans la liste) » ci-dessus, ou effacez ce nom

## Courriels aux répondants

mail-invitation-subject = Invitation : { $title }
mail-invitation-body =
    Madame, Monsieur { $name },

    L'équipe de recherche du rapport « National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes » (Mécanismes nationaux de prévention du génocide et des autres atrocités criminelles) vous invite à répondre à son questionnaire :

      { $title }

    Merci de répondre avant le { $due }. Votre lien personnel (ne le partagez pas ; il est valable jusqu'au { $expires }) :

      { $link }

    Vous pouvez enregistrer un brouillon et revenir avec le même lien. Nous vous montrons ce que nous savons déjà : il vous suffit de corriger et de compléter. Un éditeur relit chaque réponse avant sa publication, et votre réponse est citée comme source de chaque fait retenu.

    Avec nos remerciements,
    { $editor }
mail-reminder-subject-overdue = Rappel (date limite dépassée) : { $title }
mail-reminder-subject-soon = Rappel (à rendre le { $due }) : { $title }
mail-reminder-body =
    Madame, Monsieur { $name },

    Nous vous rappelons le questionnaire « { $title } », à rendre le { $due }. Vos réponses sont enregistrées ; utilisez le lien personnel de votre invitation pour continuer. Si vous l'avez perdu, répondez à ce message et l'équipe de recherche vous en enverra un nouveau.

    Avec nos remerciements,
    L'équipe de recherche

## Les choix des questions à choix unique, par code

choice-yes = Oui
choice-no = Non
choice-national = National
choice-regional = Régional
choice-international = International
choice-subnational = Infranational
choice-civil-society = Société civile
choice-private-sector = Secteur privé
choice-committee = Comité
choice-commission = Commission
choice-board = Conseil
choice-task-force = Groupe de travail
choice-ombudsman-office = Bureau du médiateur
choice-focal-point = Point focal
choice-law = Loi instituant des structures de prévention
choice-other = Autre
choice-constitution = Constitution
choice-statute = Loi
choice-decree = Décret
choice-executive-order = Décret de l'exécutif
choice-presidential-directive = Directive présidentielle
choice-gazette-notice = Avis publié au journal officiel
choice-ministerial-resolution = Arrêté ministériel
choice-treaty = Traité ou protocole
choice-chair = Présidence
choice-member = Membre
choice-observer = Observateur
choice-secretariat = Secrétariat
choice-partner = Partenaire
choice-none = Aucune
choice-planned = Prévue
choice-partial = Partielle
choice-operational = Pleinement exercée

## Le lien du répondant et les refus

respond-link-unusable = Ce lien ne peut pas être utilisé
respond-link-unknown = Ce lien ne mène à aucun questionnaire. Vérifiez que vous avez copié le lien entier depuis l'invitation.
respond-link-expired = Ce lien a expiré. Écrivez à l'équipe de recherche, qui pourra vous en envoyer un nouveau.
respond-link-revoked = Ce lien a été retiré. Écrivez à l'équipe de recherche si vous souhaitez toujours répondre.
respond-already-submitted = Rien n'a été enregistré : votre réponse est déjà envoyée
respond-already-submitted-on = Rien n'a été enregistré. Votre réponse a été envoyée le { $date } et se trouve chez l'équipe de recherche ; elle ne peut donc plus être modifiée ici. Si quelque chose doit être corrigé, écrivez à l'équipe de recherche ; si elle vous renvoie la réponse, ce lien vous permettra de la modifier à nouveau.
respond-already-submitted-undated = Rien n'a été enregistré. Votre réponse a été envoyée et se trouve chez l'équipe de recherche ; elle ne peut donc plus être modifiée ici. Si quelque chose doit être corrigé, écrivez à l'équipe de recherche ; si elle vous renvoie la réponse, ce lien vous permettra de la modifier à nouveau.
respond-not-saved = Non enregistré
respond-draft-needs-attention = Vos réponses sont enregistrées comme brouillon, mais certaines sont à revoir avant de pouvoir envoyer.
respond-row-added = Une ligne vide a été ajoutée à « { $group } ».
respond-refused-notice = Rien n'a été enregistré : voir le message ci-dessous. Vos réponses sont affichées telles que vous les avez saisies ; choisissez à nouveau les fichiers avant d'enregistrer.
