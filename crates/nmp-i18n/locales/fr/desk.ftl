# Messages de l'espace de travail (éditions, questionnaires, relecture, évaluations), en français :
# mêmes clés et mêmes paramètres que l'anglais (en/desk.ftl).

## Mots communs aux pages

dk-choose = — choisir —
dk-none-choice = — aucun —
dk-none = Aucun.
dk-public-page = page publique
dk-cancel = Annuler
dk-col-edition = Édition
dk-col-title = Titre
dk-col-state = État
dk-col-status = Statut
dk-col-due = Échéance
dk-col-when = Date
dk-col-kind = Type
dk-col-email = Courriel
dk-col-action = Action
dk-due-day = Échéance (AAAA-MM-JJ)
dk-country = Pays
# Un refus qui nomme le champ du formulaire concerné : « Échéance : … ».
dk-field-problem = { $field } : { $problem }
dk-not-a-choice = { $given } ne fait pas partie des choix

## Les champs nommés par un refus, par leur libellé sur la page (l'anglais les nomme par leur nom
## dans le formulaire).

dk-field-title = Titre
dk-field-edition = Édition
dk-field-edition-id = Édition
dk-field-framework-id = Cadre
dk-field-due-on = Échéance
dk-field-raters = Évaluateurs
dk-field-initiatives = Initiatives
dk-field-mechanisms = Mécanismes
dk-field-countries = Pays
dk-field-assessed-on = Date de l'évaluation
dk-field-note = Instructions
dk-field-assignee-account-id = Confier à
dk-field-country-iso3 = Pays
dk-field-profile-id = Profil
dk-field-decision = Décision
dk-field-version = Version
dk-field-round = Campagne
dk-field-rater = Évaluateur
dk-field-criterion = Critère
dk-field-level = Niveau retenu par consensus
dk-field-trend = Tendance retenue par consensus
dk-field-rationale = Justification
dk-field-comment = Commentaire
dk-field-state = État

## Les éditions

dk-editions = Éditions
dk-editions-intro = Publiez une édition (la publication fige un instantané de tout ce qu'elle présente), générez son rapport (PDF, site statique, paquet de données) et téléchargez les fichiers obtenus, ou prévisualisez le PDF provisoire.
dk-editions-none = Aucune édition pour l'instant.
dk-col-stage = Étape
dk-col-data-frozen = Données figées
dk-col-builds = Générations
dk-edition-n = Édition { $slug }
dk-frozen-yes = oui : instantané
dk-frozen-not-yet = pas encore
dk-edition-status-planning = Planification
dk-edition-status-collecting = Collecte
dk-edition-status-drafting = Rédaction
dk-edition-status-review = Relecture
dk-edition-status-published = Publiée

## La page d'une édition

dk-edition-stage = étape : { $stage }
dk-edition-frozen = ses données sont figées dans NMP (instantané sha256 { $hash }) ; les corrections prennent la forme d'{ $errata }
dk-edition-errata-link = errata
dk-edition-not-frozen = ses données ne sont pas encore figées dans NMP (la publication les fige)
dk-publishing = Publication
dk-published-note = Cette édition est publiée. Les générations partent de son instantané figé ; les lecteurs se voient proposer sa génération définitive la plus récente sur { $page }.
dk-its-public-page = sa page publique
dk-unreconciled = { $count ->
    [one] { $count } problème dans l'évaluation des résultats : la publication est refusée tant que chaque campagne de cette édition n'a pas été conciliée, chaque consensus étant étayé :
   *[other] { $count } problèmes dans l'évaluation des résultats : la publication est refusée tant que chaque campagne de cette édition n'a pas été conciliée, chaque consensus étant étayé :
}
dk-all-cited = Chaque fait présenté par cette édition est cité.
dk-all-cited-publishable = Chaque fait présenté par cette édition est cité : elle peut être publiée.
dk-uncited = { $count ->
    [one] { $count } fait présenté par cette édition n'est pas encore cité ; la publication est refusée tant qu'il ne l'est pas :
   *[other] { $count } faits présentés par cette édition ne sont pas encore cités ; la publication est refusée tant que chacun ne l'est pas :
}
dk-publish-edition = Publier l'édition { $slug }
dk-publish-hint = Vous verrez ce qui sera figé avant de confirmer ; les lignes de l'édition ne pourront plus être modifiées ensuite.
dk-report = Rapport
dk-preview = { $link } (l'édition telle qu'elle est maintenant, chaque page marquée comme brouillon).
dk-preview-link = Prévisualiser le PDF provisoire
dk-building = Génération en cours : { $step }. Cette page s'actualise d'elle-même.
# Ce que fait une génération : « typeset the PDF: 24 pages ; création du site statique (12 s, lancée par …) ».
dk-build-step = { $step } ({ $seconds } s, lancée par { $by })
dk-build-reading = lecture de l'édition
dk-build-typesetting = composition du PDF
dk-build-site = création du site statique
dk-build-package = constitution du paquet de données
dk-build-writing = écriture des fichiers
dk-build-failed = La dernière génération a échoué :
dk-mark-draft = marquer chaque page comme brouillon
dk-build-draft-only = Édition non publiée : la génération est provisoire, chaque page est marquée comme brouillon.
dk-build-report = Générer le rapport
dk-no-builds = Aucune génération pour l'instant.
dk-builds-caption = Générations, de la plus récente à la plus ancienne
dk-col-built = Générée le
dk-col-by = Par
dk-col-pages = Pages
dk-col-pdf-sha = sha256 du PDF
dk-col-seconds = Secondes
dk-col-download = Télécharger
dk-build-draft = provisoire
dk-build-final = définitive
dk-download-all = tout (.zip : PDF, site, données)
dk-errata = Errata
dk-no-errata = Aucun erratum enregistré.
dk-errata-caption = Errata, tels que la prochaine génération les liste
dk-col-issued = Publié le
dk-col-where = Emplacement
dk-col-correction = Correction
dk-not-recorded = Non enregistré : { $problem }
dk-issued-on = Publié le
dk-issued-on-help = AAAA, AAAA-MM ou AAAA-MM-JJ.
dk-where-help = Une partie, un profil, un tableau ou une page.
dk-correction-help = Ce qui était erroné et ce qui est exact. La prochaine génération le liste dans les errata.
dk-record-erratum = Enregistrer l'erratum
dk-errata-only-published = Seule une édition publiée a des errata : une édition non publiée se corrige dans ses enregistrements.
dk-no-such-edition = Édition introuvable
dk-no-such-edition-text = Il n'existe pas d'édition { $slug }.
dk-not-possible = Impossible
dk-back-to-edition = Retour à l'édition
dk-build-running = Une génération est en cours
dk-build-running-text = Le rapport de cette édition est en cours de génération ; sa page en montre l'avancement.
dk-no-such-build = Génération introuvable
dk-no-such-build-text = L'édition { $slug } n'a pas de génération { $id } comportant un fichier { $file }.
dk-not-published-uncited = { $count ->
    [one] Non publiée : { $count } fait présenté par l'édition n'est pas encore cité (voir ci-dessous).
   *[other] Non publiée : { $count } faits présentés par l'édition ne sont pas encore cités (voir ci-dessous).
}
dk-not-published-unreconciled = { $count ->
    [one] Non publiée : { $count } problème dans l'évaluation des résultats : chaque cible et chaque critère des campagnes de l'édition doivent avoir un consensus étayé (voir ci-dessous).
   *[other] Non publiée : { $count } problèmes dans l'évaluation des résultats : chaque cible et chaque critère des campagnes de l'édition doivent avoir un consensus étayé (voir ci-dessous).
}

## La publication d'une édition

dk-publish-question = Publier l'édition { $slug } ?
dk-already-published = Elle est déjà publiée.
dk-cannot-publish-yet = Elle ne peut pas encore être publiée : { $facts } et { $problems }, listés sur la page de l'édition.
dk-n-uncited-facts = { $count ->
    [one] { $count } fait sans citation
   *[other] { $count } faits sans citation
}
dk-n-outcome-problems = { $count ->
    [one] { $count } problème dans l'évaluation des résultats
   *[other] { $count } problèmes dans l'évaluation des résultats
}
dk-publish-warning = La publication { $undone }. Elle fige l'édition telle qu'elle est maintenant :
dk-cannot-be-undone = est irréversible
dk-freeze-parts = { $chapters }, avec { $profiles } ;
dk-freeze-parts-essays = { $chapters } et { $essays }, avec { $profiles } ;
dk-n-chapters = { $count ->
    [one] { $count } chapitre
   *[other] { $count } chapitres
}
dk-n-essays = { $count ->
    [one] { $count } essai
   *[other] { $count } essais
}
dk-n-profiles = { $count ->
    [one] { $count } profil de mécanisme
   *[other] { $count } profils de mécanismes
}
dk-freeze-figures = les chiffres de synthèse mondiaux et régionaux à la date de l'année de l'édition ;
dk-freeze-sources = { $count ->
    [one] { $count } source dans la bibliographie, chaque fait avec ses citations ;
   *[other] { $count } sources dans la bibliographie, chaque fait avec ses citations ;
}
dk-freeze-rounds = { $count ->
    [one] { $count } campagne d'évaluation des résultats, avec son consensus et l'accord entre évaluateurs ;
   *[other] { $count } campagnes d'évaluation des résultats, avec leur consensus et l'accord entre évaluateurs ;
}
dk-freeze-package = son paquet de données, figé avec l'instantané.
dk-publish-after = Ensuite, les lignes de l'édition sont verrouillées : une correction devient un erratum, que les générations suivantes listent. Le rapport est proposé aux lecteurs dès qu'il est généré.
dk-fingerprint = L'empreinte de l'instantané, si rien ne change avant votre confirmation : { $hash }.
dk-publish-yes = Oui, publier l'édition { $slug }

## Les questionnaires

dk-questionnaires = Questionnaires
dk-questionnaires-none = Aucun questionnaire pour l'instant.
dk-col-questionnaire = Questionnaire
dk-col-revision = Révision
dk-col-invited = Invités
dk-col-answered = Réponses
dk-new-questionnaire = Nouveau questionnaire
dk-default-questionnaire = Le questionnaire par défaut porte sur l'identité du mécanisme, son texte fondateur, sa composition et les rôles de ses membres, ses fonctions, ses activités pendant la période, les difficultés rencontrées, ainsi que le rôle de la société civile, des organisations religieuses et du secteur privé ; chaque réponse alimente le champ qu'elle nomme. Ses questions peuvent être modifiées jusqu'à l'arrivée de la première réponse.
dk-create-default = Créer le questionnaire par défaut
dk-mail-link = Courriels envoyés et boîte d'envoi
dk-not-done = Non effectué
dk-choose-edition = choisissez une édition
dk-no-edition-chosen = cette édition n'existe pas
dk-qn-status-draft = brouillon
dk-qn-status-open = ouvert
dk-qn-status-closed = clos

## La page d'un questionnaire

dk-revision-n = Révision { $n }
dk-responses-as = réponses au format { $csv } ou { $xlsx }
dk-invitation-created = Invitation créée pour { $name }.
dk-invite-sent = L'invitation a été envoyée par courriel.
dk-invite-outbox = Aucun serveur SMTP n'est configuré : l'invitation a donc été déposée dans la boîte d'envoi ({ $detail }) ; transmettez-la vous-même.
dk-invite-failed = L'invitation n'a pas pu être envoyée ({ $detail }) ; communiquez vous-même le lien au répondant.
dk-personal-link = Lien personnel (affiché cette seule fois) :
dk-no-reminders-due = Aucune relance n'était due.
dk-reminders-sent = Relances : { $list }.
# Une relance envoyée : à qui, pourquoi (échéance proche, en retard) et ce qu'il est advenu du courriel.
dk-reminder-sent = { $to } ({ $why }, { $status })
dk-why-due-soon = échéance proche
dk-why-overdue = en retard
dk-invitations = Invitations
dk-nobody-invited = Personne n'a encore été invité.
dk-col-respondent = Répondant
dk-col-reminders = Relances
dk-send-reminders = Envoyer les relances dues
dk-invite-respondent = Inviter un répondant
dk-name = Nom
dk-organisation = Organisation
dk-mechanism-prefills = Mécanisme (préremplit les réponses)
dk-form-language = Langue du formulaire et des courriels
dk-form-language-help = Le répondant peut passer le formulaire dans l'une des deux autres langues.
dk-invite = Inviter
dk-questions = Questions
dk-col-key = Clé
dk-col-question = Question
dk-col-feeds = Alimente
dk-feeds-new-rows = { $table } (nouvelles lignes)
dk-feeds-kept = conservé dans la réponse
dk-new-revision = Créer une nouvelle révision
dk-inv-state-invited = invité
dk-inv-state-draft = brouillon enregistré
dk-inv-state-submitted = envoyée
dk-inv-state-has-issues = renvoyée pour corrections
dk-inv-state-reviewed = relue
dk-inv-state-revoked = révoquée
dk-question-kind-short-text = texte court
dk-question-kind-long-text = texte long
dk-question-kind-single-choice = choix unique
dk-question-kind-multiple-choice = choix multiple
dk-question-kind-yes-no = oui ou non
dk-question-kind-number = nombre
dk-question-kind-date = date
dk-question-kind-file = fichier
dk-question-kind-group = groupe répétable

## Une réponse

dk-response-of = Réponse de { $name }
dk-language = Langue
dk-language-note = { $language } : le formulaire et les courriels sont dans cette langue, tout comme les réponses telles qu'elles ont été saisies
dk-returned-with = Renvoyée avec
dk-answers = Réponses
dk-no-answers = Aucune réponse pour l'instant.
dk-attached = Documents joints
dk-proposed-changes = Modifications proposées
dk-no-proposed-changes = Aucune : la réponse n'a pas été envoyée, ou elle correspond à ce que la plateforme contient déjà.
# Une proposition issue d'une réponse : « Proposition 12 : créer organization “Nom”, rattachée à la proposition 11 ».
dk-proposal-line = { $proposal } : { $action } { $entity }{ $detail }
dk-under-proposal = , rattachée à la proposition { $id }
dk-look-again = Que doit revoir le répondant ?
dk-return-with-issues = Renvoyer pour corrections
dk-mark-reviewed = Marquer comme relue
dk-revoke-link = Révoquer le lien
dk-new-institution = Le répondant a nommé des institutions absentes de la liste : la proposition { $proposals } les crée (de nature « autre » et du pays de l'invitation jusqu'à correction), et les lignes qui les nomment sont proposées sous elle, à approuver une fois qu'elle l'est.
dk-new-institutions = Le répondant a nommé des institutions absentes de la liste : les propositions { $proposals } les créent (de nature « autre » et du pays de l'invitation jusqu'à correction), et les lignes qui les nomment sont proposées sous elles, à approuver une fois qu'elles le sont.
dk-new-mechanism = Cette réponse décrit un mécanisme que la plateforme ne recense pas encore : la proposition { $proposal } le crée, et les membres, fonctions et activités qu'elle indique sont proposés sous elle, à approuver une fois le mécanisme approuvé (rejeter le mécanisme les rejette aussi). Les réponses sur le profil de l'édition (difficultés) et celles qui n'alimentent aucun champ restent avec la réponse ci-dessous.
dk-new-mechanism-in = Cette réponse décrit un mécanisme que la plateforme ne recense pas encore pour { $country } : la proposition { $proposal } le crée, et les membres, fonctions et activités qu'elle indique sont proposés sous elle, à approuver une fois le mécanisme approuvé (rejeter le mécanisme les rejette aussi). Les réponses sur le profil de l'édition (difficultés) et celles qui n'alimentent aucun champ restent avec la réponse ci-dessous.
dk-no-mechanism = Cette invitation ne nomme aucun mécanisme : le répondant en décrit un que la plateforme ne recense pas encore, et l'envoi de sa réponse propose de le créer, avec ses membres, fonctions et activités proposés sous lui.
dk-no-mechanism-in = Cette invitation ne nomme aucun mécanisme pour { $country } : le répondant en décrit un que la plateforme ne recense pas encore, et l'envoi de sa réponse propose de le créer, avec ses membres, fonctions et activités proposés sous lui.

## Les courriels

dk-mail = Courriels
dk-mail-smtp = Les courriels sont envoyés par SMTP.
dk-mail-outbox = Aucun serveur SMTP n'est configuré : les messages sont déposés dans le dossier de la boîte d'envoi { $folder } sous forme de fichiers { $eml } ; transmettez-les vous-même.
dk-no-mail = Aucun courriel pour l'instant.
dk-col-to = Destinataire
dk-col-subject = Objet
dk-col-detail = Détail
dk-mail-kind-invitation = invitation
dk-mail-kind-reminder = relance
dk-mail-kind-rating-reminder = relance d'évaluation
dk-mail-kind-alert = alerte
dk-mail-status-sent = envoyé
dk-mail-status-outbox = dans la boîte d'envoi
dk-mail-status-failed = échec

## La file de relecture et une proposition

dk-review-queue = File de relecture
dk-no-proposals-waiting = Aucune proposition n'est en attente.
# L'objet d'une proposition : la table et le nom de l'enregistrement (« Mécanisme : … »).
dk-what = { $table } : { $name }
dk-what-new = { $table } : { $name } (nouvel enregistrement)
dk-col-change = Modification
dk-col-proposed-by = Proposée par
dk-by-respondent = { $name } (répondant au questionnaire)
dk-by-invitation = répondant au questionnaire (invitation { $invitation })
dk-action-create = Création
dk-action-update = Modification
dk-action-delete = Suppression
dk-proposal-action-create = créer
dk-proposal-action-update = modifier
dk-proposal-action-delete = supprimer
dk-proposal-state-draft = brouillon
dk-proposal-state-proposed = proposée
dk-proposal-state-approved = approuvée
dk-proposal-state-rejected = rejetée
dk-proposal-n = Proposition { $id }
dk-proposal-n-lower = proposition { $id }
dk-proposal-title = Proposition { $id } : { $action } · { $what }
dk-decision = Décision
# Qui a tranché une proposition : « approuvée par Nom le 2026-11-25 10:04 UTC ».
dk-decided = { $state } par { $name } le { $when }
dk-editor-comment = Commentaire de l'éditeur
dk-proposer-note = Note de l'auteur de la proposition
dk-parent = Cette ligne relève d'un nouvel enregistrement de type { $entity }, proposé dans la { $proposal } ({ $state }).
dk-parent-pending = Cette ligne relève d'un nouvel enregistrement de type { $entity }, proposé dans la { $proposal } ({ $state }) : approuvez d'abord celle-ci, et cette ligne pointera vers l'enregistrement qu'elle crée.
dk-parent-named = Cette ligne relève d'un nouvel enregistrement de type { $entity }, « { $name } », proposé dans la { $proposal } ({ $state }).
dk-parent-named-pending = Cette ligne relève d'un nouvel enregistrement de type { $entity }, « { $name } », proposé dans la { $proposal } ({ $state }) : approuvez d'abord celle-ci, et cette ligne pointera vers l'enregistrement qu'elle crée.
dk-moved-on = L'enregistrement a changé depuis cette proposition : la colonne « Avant » montre ce que voyait l'auteur de la proposition, « Maintenant » l'enregistrement tel qu'il est aujourd'hui.
dk-col-field = Champ
dk-col-before = Avant
dk-col-proposed = Proposé
dk-col-now = Maintenant
dk-empty = vide
dk-source = Source :
dk-none-given = aucune indiquée
dk-source-gone = source { $id } (elle n'existe plus)
dk-new-source = nouvelle source : { $title } ({ $slug })
dk-supports-field = ; étaye le champ « { $field } »
dk-cited-at = ; à l'endroit : { $where }
dk-cited-quote = ; citation : « { $quote } »
dk-attached-to-response = Documents joints à la réponse
dk-open-record = Ouvrir l'enregistrement
dk-comment-for-proposer = Commentaire pour l'auteur de la proposition
dk-approve = Approuver
dk-reject = Rejeter
dk-own-proposals-only = Vous pouvez consulter vos propres propositions ; la file de relecture est réservée aux éditeurs et aux relecteurs.
dk-your-workspace = Votre espace de travail
dk-not-a-decision = { $given } n'est ni « approve » ni « reject »
dk-reload-and-decide = rechargez la page et décidez de nouveau
dk-record-changed = L'enregistrement a changé depuis cette proposition : l'approuver écraserait la modification de quelqu'un d'autre. Rien n'a été écrit. Comparez ci-dessous les valeurs proposées et actuelles, puis rejetez-la avec un commentaire (son auteur pourra proposer de nouveau à partir de la version actuelle).
dk-decided-first = Quelqu'un d'autre a tranché cette proposition avant vous ; voyez-en le résultat ci-dessous.
dk-not-approved = Non approuvée : { $problems }

## Les évaluations

dk-assessments = Évaluations
dk-assessments-intro = Évaluations des résultats (initiatives, mécanismes) et évaluations qualitatives des risques (pays, selon le Cadre d'analyse des atrocités criminelles de l'ONU). Les évaluateurs notent chaque cible d'une campagne sur chaque critère de son cadre, éléments probants à l'appui, sans voir les notes des autres avant d'avoir envoyé les leurs. Les éditeurs concilient ensuite : seul le consensus est publié.
dk-rounds = Campagnes
dk-your-rounds = Vos campagnes
dk-no-round = Aucune campagne n'a encore été ouverte.
dk-not-a-rater = Vous n'êtes évaluateur dans aucune campagne.
dk-col-round = Campagne
dk-col-framework = Cadre
dk-col-progress = Avancement
# L'avancement d'une campagne vu par un éditeur.
dk-progress = notations envoyées : { $submitted } sur { $submissions } ; consensus : { $consensus } sur { $cells }
dk-progress-rater = cibles notées : { $done } sur { $targets }
dk-round-state-open = ouverte
dk-round-state-closed = close
dk-frameworks = Cadres
dk-frameworks-intro = Une version de cadre est figée dès qu'une note envoyée l'utilise ; pour la modifier, copiez-la dans une nouvelle version et modifiez celle-ci. Les critères et les niveaux se modifient dans { $criteria } et { $levels }.
dk-records-criterion = Enregistrements › Critère
dk-criterion-level = Niveau de critère
dk-no-framework = Aucun cadre pour l'instant : ajoutez-en un dans { $link }.
dk-records-framework = Enregistrements › Cadre
dk-col-criteria = Critères
dk-framework-frozen = figé (utilisé par des notes envoyées)
dk-framework-editable = modifiable
dk-copy-framework = Copier dans une nouvelle version
dk-open-a-round = Ouvrir une campagne
dk-open-round = Ouvrir la campagne
dk-round-not-opened = La campagne n'a pas été ouverte. Veuillez corriger :
dk-choose-framework = choisissez un cadre
dk-raters-two = Évaluateurs (au moins deux)
dk-initiatives-to-rate = Initiatives à évaluer
dk-no-initiative = Aucune initiative n'est encore recensée.
dk-mechanisms-to-rate = Mécanismes à évaluer (leurs fonctions)
dk-mechanisms = Mécanismes
dk-countries-to-assess = Pays à évaluer (évaluation qualitative des risques)
dk-countries-help = Avec le Cadre d'analyse de l'ONU, les évaluateurs attribuent à chaque facteur de risque d'un pays un niveau et une tendance (en hausse, stable, en baisse). Choisissez le cadre « { $framework } ».
dk-countries-choose = Pays (un ou plusieurs)
dk-assessed-on = Date de l'évaluation : le jour auquel l'évaluation se rapporte (AAAA-MM-JJ)
dk-instructions-raters = Instructions pour les évaluateurs

## Une campagne

dk-round-open = ouverte : les évaluateurs notent
dk-round-closed = close : plus aucune note n'est acceptée
dk-col-raters = Évaluateurs
dk-targets = Cibles
dk-col-target = Cible
dk-col-submitted = Envois
dk-col-your-rating = Votre note
dk-col-consensus = Consensus
dk-target-kind-country = pays
dk-target-kind-initiative = initiative
dk-target-kind-mechanism = mécanisme
dk-submitted = envoyée
dk-pending = en attente
dk-rate-it = la noter
dk-consensus-of = critères : { $done } sur { $total }
dk-agreement = Accord entre évaluateurs
dk-agreement-intro = Alpha de Krippendorff pour données ordinales (1 correspond à un accord parfait, 0 à un accord qui ne fait pas mieux que le hasard ; α ≥ 0,800 est fiable, entre 0,667 et 0,800 il autorise des conclusions provisoires) et part des paires de notes concordantes. Les unités sont les cibles notées par au moins deux évaluateurs.
dk-col-criterion = Critère
dk-col-alpha = Alpha (ordinal)
dk-col-agreement = Accord
dk-col-units = Unités
dk-col-ratings = Notes
dk-all-criteria = Tous les critères
dk-trends-all-criteria = Tendances, tous les critères (en baisse < stable < en hausse)
dk-undefined = non défini
dk-disagreements = Là où les évaluateurs divergent
dk-no-disagreement = Aucune divergence entre les notes envoyées jusqu'ici.
dk-disagreements-intro = Les plus fortes divergences d'abord (écart quadratique moyen entre les rangs de chaque paire de notes).
dk-col-spread = Écart
dk-reconcile = concilier
dk-before-publishing = Avant que l'édition puisse être publiée
dk-all-reconciled = Chaque cible a un consensus étayé sur chaque critère.
dk-round = Campagne
dk-release-ratings = Diffuser les notes individuelles dans le paquet de données de l'édition (sous les pseudonymes R1, R2…)
dk-closing-releases = Clore une campagne qui évalue des pays publie leurs évaluations conciliées : chacune apparaît sur la page publique de son pays.
dk-close-round = Clore la campagne
dk-reopen-round = Rouvrir la campagne
dk-remind-raters = Relancer les évaluateurs qui n'ont pas terminé
dk-no-rater-reminders = Chaque évaluateur a noté chaque cible : aucune relance n'a été envoyée.
dk-raters-reminded = Relances envoyées : { $list }.
# Un évaluateur relancé : à qui, combien de cibles il lui reste, ce qu'il est advenu du courriel.
dk-rater-reminded = { $to } ({ $left } à noter, { $status })
dk-not-rater-of-round = vous n'êtes pas évaluateur dans cette campagne

## Une cible d'une campagne

dk-target-initiative = Initiative : { $page }
dk-target-country = Pays : { $page }
dk-target-mechanism = Mécanisme : { $page }
dk-target-framework = Cadre : { $framework }
dk-nothing-saved = Rien n'a été enregistré. Veuillez corriger :
dk-rate-every = Notez chaque critère avec un niveau, votre justification et au moins un élément probant. Vous ne voyez les notes des autres évaluateurs qu'après avoir envoyé les vôtres, et un envoi est définitif.
dk-rate-every-country = Notez chaque critère avec un niveau et une tendance, votre justification et au moins un élément probant. Vous ne voyez les notes des autres évaluateurs qu'après avoir envoyé les vôtres, et un envoi est définitif.
dk-level-of = Niveau : { $criterion }
dk-trend-of = Tendance : { $criterion }
dk-trend-rising = En hausse
dk-trend-steady = Stable
dk-trend-falling = En baisse
dk-why-level = Pourquoi ce niveau
dk-why-level-trend = Pourquoi ce niveau et cette tendance
dk-evidence-source = Élément probant { $n } : source
dk-where-in-it-page = Emplacement dans la source (page, section)
dk-where-in-it = Emplacement dans la source
dk-quote = Citation
dk-submit-ratings = Envoyer mes notes
dk-closed-not-rated = La campagne est close ; vous n'avez pas noté cette cible.
dk-no-rating-yet = Aucune note envoyée pour l'instant.
dk-col-rater = Évaluateur
dk-col-level = Niveau
dk-col-trend = Tendance
dk-col-rationale = Justification
dk-col-evidence = Éléments probants
dk-change-consensus = Modifier le consensus pour { $criterion }
dk-record-consensus = Enregistrer le consensus pour { $criterion }
dk-consensus-level = Niveau retenu par consensus
dk-consensus-trend = Tendance retenue par consensus
dk-consensus-rationale = Justification (comment la divergence a été résolue)
dk-save-consensus = Enregistrer le consensus
dk-only-raters-rate = seuls les évaluateurs de cette campagne en notent les cibles
dk-back-to-round = Retour à la campagne

## Les affectations

dk-assignments = Affectations
dk-my-assignments = Mes affectations
dk-overdue-only = Seules les affectations en retard sont affichées.
dk-show-all = Tout afficher
dk-show-overdue = N'afficher que les affectations en retard
dk-no-assignments = Aucune affectation.
dk-no-assignments-overdue = Aucune affectation n'est en retard.
dk-col-what = Objet
dk-col-assigned-to = Confiée à
dk-assigned-country = Pays : { $name }
dk-assigned-profile = Profil : { $name }
dk-overdue = en retard
dk-mark-done = Marquer comme terminée
dk-assignment-state-open = en cours
dk-assignment-state-done = terminée
dk-new-assignment = Nouvelle affectation
dk-not-assigned = Affectation non créée. Veuillez corriger :
dk-assign-to = Confier à
dk-country-or-profile = Un pays, ou un profil ci-dessous : pas les deux.
dk-profile = Profil
dk-instructions = Instructions
dk-assign = Affecter
dk-choose-person = choisissez une personne
