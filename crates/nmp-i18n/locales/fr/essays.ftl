## Essais d'experts : la page de l'auteur, les courriels et les lettres (issue 20)

es-stage-invited = Invité
es-stage-submitted = Soumis
es-stage-in-review = En évaluation
es-stage-revisions = Révisions demandées
es-stage-accepted = Accepté
es-stage-copyediting = Révision éditoriale
es-stage-proofs = Épreuves
es-stage-ready = Prêt pour la publication
es-stage-published = Publié
es-stage-declined = Décliné
es-decision-accept = Accepter
es-decision-minor-revisions = Révisions mineures
es-decision-major-revisions = Révisions majeures
es-decision-reject = Refuser

dk-mail-kind-essay-invitation = invitation à écrire
dk-mail-kind-essay-review = demande d'évaluation
dk-mail-kind-essay-decision = lettre de décision
dk-mail-kind-essay-proofs = épreuves
dk-mail-kind-essay-reminder = rappel (essai)

ea-title = Votre essai pour { $edition }
ea-call = Appel à essais
ea-call-about = À propos de l’appel
ea-due = Date limite
ea-stage = Où en est votre essai
ea-invited-text = Les éditeurs vous invitent à écrire un essai d'expert pour cette édition. Veuillez accepter ou décliner ; vous pouvez aussi soumettre directement votre manuscrit, ce qui vaut acceptation.
ea-accept = Accepter l'invitation
ea-decline = Décliner l'invitation
ea-decline-note = Un mot pour les éditeurs (facultatif)
ea-accepted = Vous avez accepté l'invitation. Soumettez votre manuscrit ci-dessous lorsqu'il est prêt.
ea-declined = Cet essai est clos : vous avez décliné l'invitation, ou les éditeurs ont décidé de ne pas le publier. Merci.
ea-submit-heading = Votre manuscrit
ea-revise-heading = Votre manuscrit révisé
ea-field-title = Titre
ea-field-abstract = Résumé (300 mots au plus)
ea-field-keywords = Mots-clés, séparés par des virgules
ea-authors = Auteurs
ea-author-n = Auteur { $n }
ea-author-name = Nom
ea-author-affiliation = Affiliation
ea-author-orcid = Identifiant ORCID (facultatif)
ea-field-competing = Conflits d'intérêts
ea-competing-hint = Écrivez « Aucun déclaré. » s'il n'y en a pas.
ea-field-licence = J'accepte que l'essai soit publié sous la licence de l'édition : { $licence }.
ea-field-body = Texte, en Markdown
ea-body-hint = Les titres commencent par #, l'italique s'écrit *mot*, les notes [^1] avec une ligne « [^1]: la note » plus bas. Citez une source de la plateforme ainsi : [@slug-de-la-source, p. 4], et une fiche ainsi : [@mechanism:slug] (aussi initiative, network, country, organization, edition, indicator).
ea-field-docx = Ou un fichier Word (.docx) : il est converti en Markdown et affiché dans la zone de texte pour que vous le vérifiiez avant de soumettre.
ea-convert = Convertir le fichier Word
ea-converted = Votre fichier Word « { $file } » a été converti. Vérifiez le texte ci-dessous, puis soumettez.
ea-send = Soumettre le manuscrit
ea-submitted = Merci : la version { $number } a été reçue. Les éditeurs vous écriront.
ea-not-saved = Rien n'a été soumis. Veuillez corriger ce qui est signalé ci-dessous ; votre texte est conservé.
ea-letters = Lettres des éditeurs
ea-reviews = Commentaires des évaluateurs
ea-reviewer-n = Évaluateur { $n }
ea-proofs-heading = Épreuves
ea-proofs-text = Veuillez lire les épreuves ci-dessous : l'essai tel qu'il sera publié. Approuvez-les, ou dites ce qui doit changer.
ea-changes-heading = Les modifications du réviseur
ea-approve = Approuver les épreuves
ea-request = Demander des modifications
ea-proofs-note = Ce qui doit changer
ea-ready = Vous avez approuvé les épreuves. L'essai paraîtra à la publication de l'édition.
ea-published = Votre essai est publié.
ea-waiting = Les éditeurs lisent votre manuscrit. Ils vous écriront par courriel.
ea-versions = Vos versions
ea-version-line = Version { $number } : { $kind }

essay-mail-invitation-subject = Invitation à écrire un essai : { $edition }
essay-mail-invitation-body =
    Bonjour { $name },

    Les éditeurs de « { $edition } » vous invitent à y écrire un essai d'expert. Le thème de l'appel :

      { $theme }

    { $description }

    Merci d'envoyer votre manuscrit d'ici le { $due }. Votre lien personnel, où vous acceptez ou déclinez, soumettez votre manuscrit (en Markdown ou en fichier Word), lisez les lettres des éditeurs et approuvez les épreuves (ne le partagez pas) :

      { $link }

    Avec nos remerciements,
    { $editor }
essay-mail-review-subject = Demande d'évaluation : { $title }
essay-mail-review-body =
    Bonjour { $name },

    Les éditeurs de « { $edition } » vous demandent d'évaluer l'essai « { $title } » d'ici le { $due }. Votre lien personnel, où vous lisez l'essai et les données derrière ce qu'il cite, et soumettez votre rapport (ne le partagez pas) :

      { $link }

    Avec nos remerciements,
    { $editor }
essay-mail-review-body-staff =
    Bonjour { $name },

    Les éditeurs de « { $edition } » vous demandent d'évaluer l'essai « { $title } » d'ici le { $due }. Connectez-vous à NMP pour lire l'essai et les données de ce qu'il cite, et soumettre votre rapport :

      { $link }

    Avec nos remerciements,
    { $editor }
essay-mail-decision-subject = Décision sur votre essai : { $title }
essay-mail-proofs-subject = Épreuves de votre essai : { $title }
essay-mail-proofs-body =
    Bonjour { $name },

    Les épreuves de votre essai « { $title } » sont prêtes. Ouvrez le lien personnel de votre invitation ({ $hint }), lisez-les, et approuvez-les ou dites ce qui doit changer.

    Avec nos remerciements,
    { $editor }
essay-mail-reminder-subject-soon = Rappel (à rendre le { $due }) : { $title }
essay-mail-reminder-subject-overdue = Rappel (date limite dépassée) : { $title }
essay-mail-reminder-invited =
    Bonjour { $name },

    Nous vous rappelons que votre essai pour « { $edition } » est à rendre le { $due }. Utilisez le lien personnel de l'invitation que nous vous avons envoyée le { $sent } pour accepter ou décliner l'invitation et soumettre votre manuscrit. Si vous l'avez perdu, répondez à ce message et les éditeurs vous aideront.

    Avec nos remerciements,
    Les éditeurs de « { $edition } »
essay-mail-reminder-revisions =
    Bonjour { $name },

    Nous vous rappelons que la version révisée de votre essai « { $title } » est à rendre le { $due }. La lettre des éditeurs et les commentaires des évaluateurs sont sur votre page : utilisez le lien personnel de l'invitation que nous vous avons envoyée le { $sent } pour les lire et soumettre votre révision. Si vous l'avez perdu, répondez à ce message et les éditeurs vous aideront.

    Avec nos remerciements,
    Les éditeurs de « { $edition } »
essay-mail-reminder-proofs =
    Bonjour { $name },

    Nous vous rappelons que les épreuves de votre essai « { $title } » attendent votre réponse, à rendre le { $due }. Utilisez le lien personnel de l'invitation que nous vous avons envoyée le { $sent } pour les lire, et approuvez-les ou dites ce qui doit changer. Si vous l'avez perdu, répondez à ce message et les éditeurs vous aideront.

    Avec nos remerciements,
    Les éditeurs de « { $edition } »
essay-mail-reminder-review =
    Bonjour { $name },

    Nous vous rappelons que votre évaluation de l'essai « { $title } » pour « { $edition } » est à rendre le { $due }. Utilisez le lien personnel de la demande d'évaluation que nous vous avons envoyée le { $sent } pour lire l'essai et soumettre votre rapport. Si vous l'avez perdu, répondez à ce message et les éditeurs vous aideront.

    Avec nos remerciements,
    Les éditeurs de « { $edition } »

essay-letter-accept =
    Bonjour { $name },

    J'ai le plaisir de vous annoncer que votre essai « { $title } » est accepté pour publication. Un réviseur va le préparer, puis vous recevrez les épreuves à approuver.

    Avec nos remerciements,
    { $editor }
essay-letter-minor =
    Bonjour { $name },

    Merci pour votre essai « { $title } ». Les évaluateurs recommandent des révisions mineures : leurs commentaires sont sur votre page. Merci de soumettre une version révisée par votre lien personnel.

    Avec nos remerciements,
    { $editor }
essay-letter-major =
    Bonjour { $name },

    Merci pour votre essai « { $title } ». Les évaluateurs demandent des révisions majeures avant de pouvoir l'accepter : leurs commentaires sont sur votre page. Merci de soumettre une version révisée par votre lien personnel ; elle sera évaluée à nouveau.

    Avec nos remerciements,
    { $editor }
essay-letter-reject =
    Bonjour { $name },

    Merci pour votre essai « { $title } ». Nous regrettons de ne pas pouvoir le publier dans cette édition. Les commentaires des évaluateurs sont sur votre page.

    Avec nos remerciements,
    { $editor }

ea-notes = Notes
ea-figure = Figure
es-kind-submission = Soumission
es-kind-revision = Révision
es-kind-copyedit = Révision éditoriale
dk-essays = Essais d'experts

# Headings of a published essay's abstract and keywords
ep-abstract = Résumé
ep-keywords = Mots-clés

# The proofs as the pages of the draft report (/essay/{token}/proofs.pdf)
ea-proofs-pdf = Les pages de votre essai telles qu'elles seront imprimées dans le rapport (PDF, d'après le brouillon actuel)
ea-proofs-pdf-none-title = Pas d'épreuves à afficher
ea-proofs-pdf-none = Votre essai n'en est pas aux épreuves : il n'y a pas de pages imprimées à afficher. Le lien de votre page les affiche lorsque les éditeurs vous envoient les épreuves.
ea-proofs-pdf-failed = Le brouillon du rapport n'a pas pu être composé pour l'instant. Veuillez réessayer plus tard ; si cela échoue encore, répondez au courriel des éditeurs. Vous pouvez aussi approuver les épreuves d'après le texte de votre page.

# How the author's page names a refused field
ea-err-body = Texte
ea-err-licence = Licence
ea-err-docx = Fichier Word
ea-err-orcid = Identifiant ORCID
