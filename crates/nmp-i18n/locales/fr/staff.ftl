# Messages de cette partie du site, en français : mêmes clés et mêmes paramètres que l'anglais (en/staff.ftl).

## Pages de connexion (/login, /account, /account/two-factor...)

auth-sign-in = Se connecter
auth-sign-out = Se déconnecter
auth-login-intro = Réservé aux comptes de l'équipe de recherche. La lecture du rapport et de ses données ne demande aucun compte.
auth-email = Adresse e-mail
auth-password = Mot de passe
auth-forgot = Mot de passe oublié ?
auth-account-title = Votre compte
auth-name = Nom
auth-role = Rôle
auth-two-factor = Authentification à deux facteurs
auth-on = Activée
auth-off = Désactivée
auth-your-workspace = Votre espace de travail
auth-change-your-password = Changer votre mot de passe
auth-code-title = Votre code de connexion
auth-code-intro = Le mot de passe de { $email } est correct. Saisissez le code à 6 chiffres qu'affiche en ce moment votre application d'authentification, ou l'un de vos codes de récupération. Cette étape prend fin au bout de 5 minutes ou de 5 codes erronés.
auth-code = Code
auth-code-lost = Vous avez perdu votre téléphone et vos codes de récupération ? Un administrateur peut réinitialiser votre second facteur.
auth-start-again = Recommencer
auth-current-password = Mot de passe actuel
auth-new-password = Nouveau mot de passe (au moins { $min } caractères)
auth-new-password-again = Confirmez le nouveau mot de passe
auth-change-password = Changer le mot de passe
auth-back-to-account = Retour à votre compte
auth-recovery-title = Vos codes de récupération
auth-recovery-replace = Ces codes remplacent vos anciens codes de récupération, qui ne fonctionnent plus.
auth-recovery-save = Enregistrez ces codes maintenant : ils ne seront plus jamais affichés.
auth-recovery-how = Imprimez-les ou conservez-les dans un gestionnaire de mots de passe. Chacun ne sert qu'une fois, à la place d'un code de votre application, si vous perdez votre téléphone.
auth-reset-sent = Si un compte actif correspond à cette adresse, un lien de réinitialisation du mot de passe a été préparé.
auth-reset-no-mail = Ce site n'envoie pas encore d'e-mails. Demandez le lien à un administrateur : il peut en créer
    un nouveau avec { $command }.
# L'adresse à indiquer dans la commande de l'administrateur (nmp user reset --email VOTRE-ADRESSE).
auth-reset-your-email = VOTRE-ADRESSE
auth-reset-ask = Demander un lien de réinitialisation
auth-back-to-sign-in = Retour à la connexion
auth-set-title = Choisir votre mot de passe
auth-set-intro = Pour le compte { $email }. Ce lien ne fonctionne qu'une fois.
auth-set-password = Enregistrer le mot de passe

## Le second facteur ($state est l'un des mots auth-2fa-state-, en gras)

auth-2fa-state-on = activée
auth-2fa-state-off = désactivée
auth-2fa-state-setting-up = en cours de configuration
auth-2fa-is = L'authentification à deux facteurs est { $state }.
auth-2fa-on-since = L'authentification à deux facteurs est { $state } (depuis le { $since }). Après votre mot de passe, vous saisissez le code qu'affiche votre application d'authentification, ou un code de récupération.
auth-2fa-unused = Codes de récupération inutilisés : { $left } sur { $total }.
auth-2fa-make-soon = Créez-en de nouveaux sans tarder.
auth-2fa-new-codes = Nouveaux codes de récupération
auth-2fa-new-codes-intro = Crée { $count } nouveaux codes ; les anciens cessent de fonctionner.
auth-2fa-current-code = Code actuel de votre application
auth-2fa-make-codes = Créer de nouveaux codes de récupération
auth-2fa-off-heading = Désactivation
auth-2fa-required-off = Votre rôle impose une connexion avec un second facteur : après l'avoir désactivée, vous devrez la configurer à nouveau (avec un nouveau téléphone, par exemple) avant toute autre chose.
auth-your-password = Votre mot de passe
auth-2fa-off-code = Code de votre application, ou code de récupération
auth-2fa-switch-off = Désactiver l'authentification à deux facteurs
auth-2fa-setting-up = L'authentification à deux facteurs est { $state }. Elle ne sera activée qu'une fois confirmée ci-dessous.
auth-2fa-step-app = Ouvrez une application d'authentification sur votre téléphone (toute application de codes « TOTP » : FreeOTP, Aegis, Google Authenticator, 1Password…) et ajoutez un compte.
auth-2fa-step-scan = Scannez ce code QR, ou saisissez la clé à la main.
auth-2fa-step-scan-no-qr = Scannez ce code QR (il n'a pas pu être dessiné : utilisez la clé ci-dessous), ou saisissez la clé à la main.
auth-2fa-qr-alt = Code QR de votre clé de connexion, pour une application d'authentification
auth-2fa-key = Clé (à saisir sans espaces ; basée sur l'heure, 6 chiffres, toutes les 30 secondes) :
auth-2fa-link-intro = Ou, sur un téléphone, ouvrez ce lien avec votre application :
auth-2fa-link = ajouter à l'application d'authentification
auth-2fa-step-confirm = Saisissez le code à 6 chiffres que l'application affiche maintenant, pour confirmer.
auth-2fa-code-from-app = Code de votre application
auth-2fa-confirm = Confirmer et activer
auth-2fa-keep-key = Gardez cette clé pour vous : quiconque la possède peut générer vos codes. Recommencer crée une nouvelle clé.
auth-2fa-start-again = Recommencer avec une nouvelle clé
auth-2fa-required = Votre rôle impose une connexion avec un second facteur. Configurez-le maintenant pour accéder à l'espace de travail.
auth-2fa-off-intro = L'authentification à deux facteurs est { $state }. Une fois activée, la connexion demande votre mot de passe et un code fourni par une application d'authentification sur votre téléphone : un mot de passe volé ne suffit plus.
auth-2fa-setup-intro = La configuration prend une minute : vous scannez un code QR avec l'application, saisissez le code qu'elle affiche et conservez { $count } codes de récupération pour le jour où vous n'aurez pas votre téléphone.
auth-2fa-set-up = Configurer l'authentification à deux facteurs

## Résultats de connexion et refus

auth-bad-credentials = L'adresse e-mail ou le mot de passe est incorrect.
auth-throttled = { $seconds ->
    [one] Trop de tentatives de connexion ont échoué depuis votre connexion. Attendez { $seconds } seconde avant de réessayer, ou réinitialisez votre mot de passe.
   *[other] Trop de tentatives de connexion ont échoué depuis votre connexion. Attendez { $seconds } secondes avant de réessayer, ou réinitialisez votre mot de passe.
}
auth-wrong-current-password = Le mot de passe actuel est incorrect.
auth-wrong-code = Le code est incorrect. Saisissez le code qu'affiche en ce moment votre application d'authentification, ou l'un de vos codes de récupération.
auth-code-used = Ce code a déjà été utilisé. Attendez le suivant (les codes changent toutes les 30 secondes), ou utilisez un code de récupération.
auth-sign-in-expired = Cette connexion a pris fin : elle a duré plus de 5 minutes ou a reçu trop de codes erronés. Reconnectez-vous avec votre mot de passe.
auth-link-unusable = Ce lien ne peut pas être utilisé
auth-link-unknown = Ce lien n'est pas valide. Vérifiez que vous l'avez copié en entier, ou demandez-en un nouveau à un administrateur.
auth-link-used = Ce lien a déjà été utilisé. Chaque lien ne fonctionne qu'une fois ; demandez-en un nouveau à un administrateur, ou utilisez « Mot de passe oublié ? ».
auth-link-expired = Ce lien a expiré. Demandez-en un nouveau à un administrateur, ou utilisez « Mot de passe oublié ? ».
auth-password-too-short = { $field } : le mot de passe doit comporter au moins { $min } caractères
auth-password-too-long = { $field } : le mot de passe doit comporter au plus { $max } caractères
auth-refused-already-on-move = L'authentification à deux facteurs est déjà activée. Désactivez-la d'abord pour la transférer vers une autre application.
auth-refused-already-on = L'authentification à deux facteurs est déjà activée.
auth-refused-no-setup = Commencez d'abord la configuration de l'authentification à deux facteurs : la configuration est introuvable (elle a peut-être été réinitialisée).
auth-refused-setup-changed = La configuration a changé entre-temps (dans une autre fenêtre ?). Rechargez la page et recommencez.
auth-refused-not-on = L'authentification à deux facteurs n'est pas activée pour ce compte.
auth-refused-own-role = Vous ne pouvez pas changer votre propre rôle : un autre administrateur doit le faire, afin qu'il reste toujours un administrateur.
auth-refused-own-account = Vous ne pouvez pas désactiver votre propre compte : un autre administrateur doit le faire.
auth-refused-deactivated = Ce compte est désactivé : réactivez-le avant de créer un lien.
auth-sign-in-again = Reconnectez-vous
auth-wait = Patientez un instant
auth-new-passwords-differ = Les deux nouveaux mots de passe ne sont pas identiques.
auth-passwords-differ = Les deux mots de passe ne sont pas identiques.
auth-password-changed = Mot de passe changé
auth-password-changed-text = Votre mot de passe a été changé.
auth-password-set = Mot de passe enregistré
auth-password-set-text = Votre mot de passe a été enregistré. Vous pouvez maintenant vous connecter.
auth-role-refused = Le rôle de votre compte ne donne pas accès à cette page.
auth-not-allowed = Accès refusé
auth-form-expired = Formulaire expiré
auth-form-expired-text = Ce formulaire a expiré ou ne provient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
auth-not-saved = Non enregistré
auth-changed-by-someone = Modifié par quelqu'un d'autre

## Navigation de l'espace de travail et mots communs

st-nav-label = Espace de travail
st-nav-overview = Vue d'ensemble
st-nav-records = Enregistrements
st-nav-import = Importer
st-nav-assignments = Affectations
st-nav-assessments = Évaluations
st-nav-watchlist = Liste de suivi
st-nav-review = File de relecture
st-nav-audit = Journal d'audit
st-nav-questionnaires = Questionnaires
st-nav-sources = Sources
st-nav-editions = Éditions
st-nav-accounts = Comptes
st-nav-sign-ins = Connexions échouées
st-nav-account = Compte
st-search-title = Rechercher dans l'espace de travail
st-search-title-for = Rechercher dans l'espace de travail : { $query }
st-search = Rechercher
st-search-intro = Tout ce que trouve la recherche publique, ainsi que les profils et parties des éditions non publiées et le texte des documents joints aux réponses aux questionnaires.
st-date = Date
st-what = Quoi
st-alert = Alerte
st-action = Action
st-edition = Édition
st-due = Échéance
st-state = État
st-round = Campagne
st-progress = Avancement
st-change = Modification
st-made = Date
st-outcome = Résultat
st-record = Enregistrement
st-country = Pays
st-version = Version
st-history = Historique
st-history-link = historique
st-table = Table
st-field = Champ
st-source = Source
st-when = Quand
st-who = Qui
st-what-changed = Ce qui a changé
st-change-field = { $field } :
st-empty = vide
st-none-word = aucun
st-save = Enregistrer
st-upload = Téléverser
st-cancel = Annuler
st-filter = Filtrer
st-find = Chercher
st-find-by-name = Chercher par nom, identifiant ou sigle
st-required = (obligatoire)
st-choose = — choisir —
st-none = — aucun —
st-page-of = Page { $page } sur { $pages }
st-newer = plus récents
st-older = plus anciens
st-previous = précédente
st-next = suivante
st-yes = oui
st-on = activée
st-off = désactivée
st-never = jamais
st-not-saved = Rien n'a été enregistré. Veuillez corriger :
st-not-created = Le compte n'a pas été créé. Veuillez corriger :
st-not-done = Opération non effectuée
st-not-deleted = Rien n'a été supprimé
st-problem = { $field } : { $text }
st-mark-read = Marquer comme lue
st-mark-all-read = Tout marquer comme lu
st-your-watchlist = Votre liste de suivi
st-overdue = en retard
st-unknown-role = (rôle inconnu)

## Rôles des comptes, par code

st-role-admin = Administrateur
st-role-editor = Éditeur
st-role-researcher = Chercheur
st-role-student = Étudiant-chercheur
st-role-reviewer = Relecteur
st-role-partner = Personnel d'une organisation partenaire

## États et actions, par code (l'anglais affiche le code lui-même)

st-assignment-state-open = en cours
st-assignment-state-done = terminée
st-round-state-open = ouverte
st-round-state-closed = close
st-proposal-state-draft = brouillon
st-proposal-state-proposed = proposée
st-proposal-state-approved = approuvée
st-proposal-state-rejected = rejetée
st-action-create = Création
st-action-update = Modification
st-action-delete = Suppression
st-action-change = Changement
st-event-create = création
st-event-update = modification
st-event-delete = suppression
st-event-publish = publication
st-event-expire = expiration
st-event-enable = activation
st-event-disable = désactivation
st-event-renew = renouvellement
st-event-reset = réinitialisation
st-event-use = utilisation
st-outcome-dead = mort
st-outcome-error = erreur
st-outcome-changed = modifié
st-outcome-redirected = redirigé
st-outcome-ok = ok
st-outcome-unchecked = non vérifié
st-row-create = création
st-row-update = modification
st-row-unchanged = inchangé

## La vue d'ensemble (/staff)

st-dashboard-queue = { $count ->
    [one] { $count } proposition en attente de relecture
   *[other] { $count } propositions en attente de relecture
}
st-dashboard-alerts = Alertes de la liste de suivi
st-dashboard-no-alerts = Aucune alerte non lue.
st-dashboard-assignments = Mes affectations
st-dashboard-no-assignments = Vous n'avez aucune affectation.
st-dashboard-rounds = Campagnes d'évaluation
st-dashboard-proposals = Mes propositions
st-dashboard-no-proposals = Vous n'avez proposé aucune modification.

## Comptes (/staff/accounts)

st-accounts-intro = Toutes les personnes qui peuvent se connecter à l'espace de travail. Ouvrez un compte pour changer son rôle, le désactiver, lui donner un nouveau lien de choix du mot de passe ou réinitialiser un second facteur perdu.
st-active = Actif
st-two-factor = Deux facteurs
st-last-sign-in = Dernière connexion
st-deactivated = désactivé
st-no-password-yet = pas encore de mot de passe
st-accounts-new = Nouveau compte
st-accounts-email-help = La personne se connecte avec cette adresse ; un seul compte par adresse.
st-accounts-role-help = La page des permissions indique ce que chaque rôle peut faire.
st-organisation-partners = Organisation (partenaires uniquement)
st-accounts-organisation-help = Un partenaire propose des modifications de ce qui appartient à cette organisation.
st-accounts-create = Créer le compte
st-accounts-next-page = La page suivante affiche, une seule fois, le lien à usage unique qui permet au compte de choisir son mot de passe.
st-no-deactivated = non : désactivé
st-password-set = défini
st-password-not-set = pas encore défini
st-account-own = C'est votre propre compte : vous ne pouvez ni changer votre rôle ni vous désactiver ; un autre administrateur le peut.
st-account-change-role = Changer le rôle
st-account-deactivate = Désactiver
st-account-reactivate = Réactiver
st-account-deactivate-help = Un compte désactivé ne peut plus se connecter : ses sessions et ses liens inutilisés prennent fin aussitôt. Son travail et son historique sont conservés.
st-account-reactivate-help = Le compte pourra se connecter de nouveau avec son mot de passe (ou un nouveau lien).
st-account-deactivate-button = Désactiver le compte
st-account-reactivate-button = Réactiver le compte
st-link-title = Lien de choix du mot de passe
st-account-link-help = Un nouveau lien à usage unique pour choisir le mot de passe (pour une nouvelle personne qui a perdu le sien, ou un mot de passe oublié). Les anciens liens inutilisés du compte cessent de fonctionner.
st-account-link-button = Créer un nouveau lien
st-account-second-factor = Second facteur
st-account-reset-help = Si la personne a perdu son téléphone et ses codes de récupération, réinitialisez son second facteur : elle se connectera alors avec son seul mot de passe (ou, si son rôle l'impose, en configurera aussitôt un nouveau). Vérifiez d'abord qui fait la demande.
st-account-reset-help-none = Ce compte n'a pas de second facteur. La réinitialisation supprime une configuration commencée et non terminée.
st-account-reset-button = Réinitialiser le second facteur
st-back-to-account = Retour au compte
st-account-conflict = Quelqu'un a modifié ce compte après que vous avez ouvert sa page : rien n'a donc été enregistré. Rouvrez le compte pour le voir tel qu'il est maintenant, et faites-y votre modification.
st-account-no-version = le formulaire n'indique pas de version : rechargez la page
st-account-bad-organisation = { $value } n'est pas un numéro d'organisation
st-account-bad-active = { $value } n'est ni true ni false
st-link-created = Compte créé
st-link-issued = Nouveau lien créé
st-link-ready = Le compte de { $name } ({ $email }, { $role }) est prêt.
st-link-older = Les anciens liens inutilisés de { $name } ({ $email }) ne fonctionnent plus.
st-link-copy = Copiez ce lien maintenant : il ne sera plus jamais affiché
st-link-copy-rest = (seule son empreinte est conservée). Il ne fonctionne qu'une fois, pendant { $days } jours, et permet à la personne de choisir son mot de passe.
st-link-no-smtp = Aucun serveur SMTP n'est configuré : rien n'a été envoyé par e-mail. Transmettez vous-même le lien à la personne.
st-link-the-account = Le compte
st-link-mailed = Le lien a aussi été envoyé par e-mail à { $email }.
st-link-outbox = Le lien a été écrit dans la boîte d'envoi.
st-link-mail-failed = L'envoi du lien par e-mail a échoué ({ $error }) : transmettez-le vous-même à la personne.

## Connexions échouées (/staff/sign-ins)

st-sign-ins-intro = Les { $shown } dernières tentatives de connexion échouées ou bloquées, des plus récentes aux plus anciennes. Un client est ralenti après des échecs répétés pour une même adresse, et après des échecs répétés sur plusieurs adresses ; la personne dont l'adresse est essayée peut toujours se connecter depuis sa propre connexion. Les tentatives { $throttled } ont été refusées sans que le mot de passe soit vérifié.
st-sign-ins-throttled-word = bloquées
st-sign-ins-none = Aucune connexion échouée.
st-sign-ins-by-client = Par adresse du client
st-client = Client
st-failed = Échouées
st-throttled = Bloquées
st-different-emails = Adresses différentes
st-latest = Dernière
st-attempts = Tentatives
st-when-utc = Quand (UTC)
st-email-typed = Adresse saisie
st-result = Résultat
st-result-throttled = bloquée
st-result-wrong = adresse ou mot de passe erroné

## Le journal d'audit et l'historique d'un enregistrement

st-audit-events = { $count ->
    [one] { $count } événement
   *[other] { $count } événements
}
st-audit-intro = Toutes les modifications faites sur la plateforme, des plus récentes aux plus anciennes : { $events }.
st-audit-intro-by = Toutes les modifications faites sur la plateforme, des plus récentes aux plus anciennes : { $events } par { $actor }.
st-audit-chained = Le journal est chaîné par empreintes ; { $command } le vérifie.
st-audit-who = Qui (adresse e-mail ou system:…)
st-record-name = { $table } : { $name }
st-history-of = Historique ({ $table }) : { $name }
st-history-of-deleted = Historique ({ $table }) : { $id } (supprimé)
st-edit-this-record = Modifier cet enregistrement
st-history-changes = Modifications
st-history-no-changes = Aucune modification n'est enregistrée.
st-history-proposals = Propositions
st-history-no-proposals = Aucune proposition n'a été faite pour cet enregistrement.
st-history-proposal = Proposition { $id }
st-history-proposal-by = { $action } par { $proposer }, { $when }, { $state }

## Enregistrements : les tables, la liste d'une table, le formulaire

st-records-intro = Toutes les tables où sont conservés les faits du rapport. Ouvrez une table pour modifier ses enregistrements ou en ajouter un.
st-records-cite = Citez une source pendant la saisie : le rapport refuse les faits qui n'en ont pas.
st-list-only-country = Seulement les enregistrements d'un pays : { $country }
st-list-all-records = tous les enregistrements ({ $table })
st-list-public-page = page publique du pays : { $country }
st-list-assigned = Les enregistrements que vos affectations en cours vous permettent de modifier
st-list-assigned-others = (vous pouvez les lire, et proposer des modifications de ceux de vos affectations)
st-list-every-record = Tous les enregistrements
st-list-only-assigned = seulement ceux de vos affectations
st-list-new = Nouvel enregistrement ({ $table })
st-last-changed-by = Dernière modification par
st-list-none = Aucun enregistrement.
st-list-none-of-country = Aucun enregistrement pour l'instant (pays : { $country }).
st-list-none-assigned = Aucun enregistrement de vos affectations pour l'instant.
st-list-not-a-country = { $code } n'est pas un code de pays (ISO alpha-3) ; tous les enregistrements sont affichés.
st-list-no-country = Les enregistrements de la table « { $table } » ne sont rattachés à aucun pays ; tous sont affichés.
st-edit-new = Nouvel enregistrement ({ $table })
st-saved = Enregistré.
st-edit-propose-note = Vos modifications sont des propositions : un éditeur relit chacune d'elles avant qu'elle soit enregistrée et publiée. Vous en verrez le résultat dans { $workspace }.
st-edit-your-workspace = votre espace de travail
st-edit-nothing-saved = Rien n'a été enregistré. Veuillez corriger :
st-edit-history = Historique de cet enregistrement
st-edit-source-legend = Source de cette modification
st-edit-source-help = La source qui appuie ce que vous avez saisi. Choisissez-en une déjà présente sur la plateforme, ou ajoutez-en une nouvelle.
st-edit-find-source = Chercher une source par titre, identifiant ou auteur
st-edit-supports = Elle appuie
st-edit-locator = Emplacement dans la source (page, section)
st-edit-quote = Citation
st-edit-new-source = Une nouvelle source
st-edit-note = Note pour l'éditeur
st-edit-propose-change = Proposer cette modification
st-edit-propose-record = Proposer cet enregistrement
st-edit-cited = Sources citées pour cet enregistrement
st-edit-propose-delete = Proposer la suppression de cet enregistrement
st-edit-delete = Supprimer cet enregistrement
st-whole-record = tout l'enregistrement
st-no-source = — aucune source —
st-new-source-option = Une nouvelle source (à remplir ci-dessous)
st-record-as-a-whole = L'enregistrement dans son ensemble
st-pick-none = Aucun résultat pour « { $query } ».
st-pick-one = { $count } résultat pour « { $query } » : choisissez-le ci-dessous.
st-pick-many = { $count } résultats pour « { $query } » : choisissez-en un ci-dessous.
st-not-a-source = { $value } n'est pas une source
st-too-long = { $field } dépasse { $max } caractères
st-edit-found-notice = Rien n'est encore enregistré : choisissez parmi les résultats, puis enregistrez.
st-edit-no-version = le formulaire n'indique pas quelle version vous avez modifiée ; rechargez-le
st-edit-nothing-changed = Rien n'a changé : rien n'a donc été enregistré.
st-delete-no-version = le formulaire n'indique pas quelle version vous vouliez supprimer ; rechargez la page.
st-conflict-title = Conflit de modification
st-conflict-heading = { $record } a été modifié par quelqu'un d'autre
st-conflict-explanation = Pendant que vous le modifiiez, { $who } en a enregistré une version plus récente (désormais la version { $version }). Rien de ce que vous avez saisi n'a été enregistré et rien n'a été écrasé. Comparez, puis modifiez la version actuelle.
st-conflict-yours = Votre version
st-conflict-current = Version actuelle ({ $version })
st-conflict-edit-current = Modifier la version actuelle

## Sources et vérification des liens (/staff/sources)

st-sources-title = Sources et vérification des liens
st-sources-intro = La dernière vérification de chaque source par { $command }, liens morts et modifiés en premier : { $dead } signifie que le serveur a répondu avec un code de statut de 400 ou plus, { $error } qu'aucune réponse n'est arrivée (délai dépassé, connexion refusée), { $changed } que le contenu de la page diffère de celui de la vérification précédente, { $redirected } qu'elle a répondu depuis une autre adresse. Donnez à une source une copie archivée (l'adresse de la page dans une archive du web) et la date de consultation de la page ; la liste publique des sources affiche la copie archivée à côté de l'original. Vous pouvez aussi téléverser un fichier archivé de la source : un PDF (.pdf), une page HTML (.html, .htm) ou du texte brut (.txt) de 10 Mo au plus ; il est conservé avec son empreinte SHA-256, remplace le fichier précédent de la source, et la liste publique renvoie vers lui.
st-sources-check = Vérification
st-sources-archived-accessed = Copie archivée et date de consultation
st-sources-now-at = désormais à { $url }
st-sources-archived-url = Copie archivée (URL)
st-sources-accessed-on = Consultée le (AAAA, AAAA-MM ou AAAA-MM-JJ)
st-sources-archived-file = Fichier archivé :
st-sources-not-searchable = Son texte n'est pas indexé pour la recherche : { $why }. Le fichier n'est trouvé que par son nom et par les informations de sa source.
st-sources-file-label = Fichier archivé (PDF, HTML ou TXT, 10 Mo au plus)
st-sources-file-label-replace = Fichier archivé (PDF, HTML ou TXT, 10 Mo au plus) : remplace celui ci-dessus
st-sources-file = { $file } ({ $name }), téléversé par { $who } le { $when }
st-sources-no-version = est absente : rechargez la page
st-the-file = Le fichier
st-upload-not-read = le fichier envoyé n'a pas été lu : { $why }
st-upload-unreadable = le fichier envoyé n'a pas pu être lu : { $why }
st-archive-too-large = { $file } dépasse { $size }, la taille maximale d'une copie archivée
st-archive-empty = { $file } est vide : choisissez un fichier qui contient la copie archivée
st-archive-not-html = { $file } n'est pas une page HTML : ce n'est pas du texte UTF-8
st-archive-not-accepted = { $file } n'est pas accepté : une copie archivée est un PDF (.pdf), une page HTML (.html, .htm) ou du texte brut (.txt)
st-archive-none-chosen = aucun fichier n'a été choisi : choisissez un PDF (.pdf), une page HTML (.html, .htm) ou du texte brut (.txt)

## Importer depuis un tableur (/staff/import)

st-import-title = Importer depuis un tableur
st-import-intro = Ajoutez ou modifiez de nombreux enregistrements à la fois à partir d'un fichier CSV ou XLSX dont les colonnes sont les champs de la table.
st-import-start = Partez du { $template } (une feuille par type, une note sur chaque colonne, des listes déroulantes des valeurs acceptées) ou d'un export des enregistrements actuels : { $exports } (également en { $csv }).
st-import-template = modèle XLSX
st-import-csv = CSV
st-import-propose = Vos lignes deviennent des propositions qu'un éditeur relit.
st-import-direct = Vos lignes sont enregistrées aussitôt, chaque modification figurant dans le journal d'audit.
st-import-checked-first = Le fichier entier est d'abord vérifié : si une cellule est incorrecte, rien n'est importé et chaque problème est signalé.
st-import-problem-count = { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
}
st-import-problems = { $file } : { $problems } ; rien n'a été importé. Corrigez-les et téléversez de nouveau le fichier.
st-import-problems-in = Problèmes dans { $file }
st-import-sheet = Feuille
st-import-row = Ligne
st-import-column = Colonne
st-import-problem = Problème
st-import-summary = { $file }, feuille { $sheet } — nouveaux : { $created }, modifiés : { $updated }, inchangés : { $unchanged }
st-import-does = Action
st-import-fields-changed = Champs modifiés
st-import-more = et { $more } lignes de plus.
st-import-propose-button = Proposer ces modifications
st-import-button = Importer ces enregistrements
st-import-upload = Téléverser un fichier
st-import-kind = Ce que sont les lignes
st-import-kind-help = Un classeur XLSX est lu dans la feuille de ce nom (ou dans son unique feuille).
st-import-file = Fichier (.csv ou .xlsx)
st-import-check = Vérifier le fichier
st-import-check-help = La vérification n'écrit rien : elle montre ce que l'import créerait et modifierait, puis vous demande de confirmer.
st-import-not-read = Le fichier envoyé n'a pas été lu : { $why }.
st-import-unreadable = Le fichier envoyé n'a pas pu être lu : { $why }.
st-import-too-large = { $file } dépasse { $size } Mo ; divisez-le en fichiers plus petits.
st-import-field-too-long = Le champ { $field } dépasse { $max } octets.
st-import-upload-too-large = L'envoi atteint { $size } Mo, au-delà des { $max } Mo autorisés pour un fichier ; divisez-le en fichiers plus petits.
st-import-choose-kind = Indiquez ce que sont les lignes : l'un de { $kinds }.
st-import-damaged = Le fichier confirmé a été abîmé en chemin ; téléversez-le de nouveau.
st-import-no-file = Choisissez un fichier à téléverser (un fichier .csv ou .xlsx avec des lignes sous son en-tête).
st-import-no-changes = Le fichier ne contient aucune modification : chaque enregistrement a déjà ces valeurs. Rien à importer.
st-import-would-create = Le fichier est correct. L'import créerait et modifierait des enregistrements (nouveaux : { $created } ; modifiés : { $updated }). Vérifiez les lignes, puis confirmez ci-dessous.
st-import-would-propose = Le fichier est correct. L'import soumettrait à relecture des enregistrements nouveaux et modifiés (nouveaux : { $created } ; modifiés : { $updated }). Vérifiez les lignes, puis confirmez ci-dessous.
st-import-imported = Import terminé en une seule transaction consignée dans le journal d'audit (créés : { $created } ; modifiés : { $updated }).
st-import-proposed = { $count ->
    [one] Proposé : { $count } modification attend dans la file de relecture ; un éditeur l'approuvera ou la rejettera.
   *[other] Proposé : { $count } modifications attendent dans la file de relecture ; un éditeur approuvera ou rejettera chacune d'elles.
}

## La liste de suivi (/staff/watchlist)

st-watch-intro = Suivez des États, ou les 30 premiers de chaque prévision. Lorsqu'une version de l'Early Warning Project est importée ou que NMP calcule une nouvelle prévision, vous êtes alerté ici, dans votre { $workspace } et par e-mail pour chaque État suivi qui est entré dans les 30 premiers ou dont le risque à deux ans a augmenté au moins du seuil choisi depuis la précédente prévision du même type (une version de l'EWP est comparée à la version de l'EWP qui la précède, un calcul de NMP au calcul précédent de NMP), ainsi que lorsqu'un État que vous suivez reçoit une nouvelle évaluation qualitative. Voir { $risk }.
st-watch-workspace = espace de travail
st-watch-risk = Risque et capacités
st-watch-you-follow = Vous suivez
st-watch-nothing = Vous ne suivez encore rien.
st-watch-rise = Alerter quand le risque augmente d'au moins
st-watch-rise-for = Hausse qui déclenche une alerte, pour { $what }
st-watch-set = Appliquer
st-watch-unfollow = Ne plus suivre
st-watch-follow = Suivre
st-watch-state = État
st-watch-top30 = Les 30 premiers de chaque prévision
st-watch-followed = (suivi)
st-watch-rise-label = Alerter quand le risque à deux ans augmente d'au moins
st-watch-rise-help = Une hausse absolue de probabilité : 0.01 correspond à un point de pourcentage (de 3 % à 4 %, par exemple).
st-watch-your-alerts = Vos alertes
st-watch-no-alerts = Aucune alerte pour l'instant.
st-watch-table = (tableau)
st-watch-read = lue
st-watch-not-a-number = { $value } n'est pas un nombre (0.01 correspond à un point de pourcentage)
st-watch-bad-action = { $value } n'est ni follow ni unfollow
st-watch-bad-alert = { $value } n'est ni un numéro d'alerte ni all
st-alert-top-30 = Entré dans les 30 premiers
st-alert-risk-up = Risque en hausse
st-alert-assessment = Nouvelle évaluation

## Les tables, par nom (leur titre dans l'espace de travail)

st-table-mechanism = Mécanisme
st-table-mechanism-status = Statut de mécanisme
st-table-membership = Composition
st-table-mechanism-function = Fonction de mécanisme
st-table-activity = Activité
st-table-initiative = Initiative
st-table-initiative-partner = Partenaire d'initiative
st-table-initiative-kind = Type d'initiative
st-table-organization = Organisation
st-table-network = Réseau
st-table-network-membership = Adhésion à un réseau
st-table-network-count = Effectif de réseau
st-table-edition = Édition
st-table-edition-part = Partie d'édition
st-table-edition-publisher = Éditeur de l'édition
st-table-edition-contributor = Contributeur d'édition
st-table-profile = Profil
st-table-source = Source
st-table-citation = Citation
st-table-function = Fonction
st-table-framework = Cadre d'évaluation
st-table-criterion = Critère
st-table-criterion-level = Niveau de critère
st-table-questionnaire = Questionnaire
st-table-question = Question
st-table-account = Compte
st-table-assessment-round = Campagne d'évaluation
st-table-assignment = Affectation
st-table-attachment = Pièce jointe
st-table-audit-event = Événement d'audit
st-table-consensus = Consensus
st-table-country = Pays
st-table-criterion-indicator = Indicateur de critère
st-table-dataset = Jeu de données
st-table-edition-snapshot = Instantané d'édition
st-table-erratum = Erratum
st-table-indicator = Indicateur
st-table-invitation = Invitation
st-table-link-check = Vérification de lien
st-table-login-attempt = Tentative de connexion
st-table-mail = E-mail
st-table-observation = Observation
st-table-observation-outside = Observation extérieure
st-table-one-time-link = Lien à usage unique
st-table-pending-sign-in = Connexion en attente
st-table-proposal = Proposition
st-table-rating = Notation
st-table-rating-evidence = Élément de preuve de notation
st-table-recovery-code = Code de récupération
st-table-risk-coefficient = Coefficient de risque
st-table-risk-model = Modèle de risque
st-table-round-rater = Évaluateur de campagne
st-table-round-target = Cible de campagne
st-table-server-key = Clé du serveur
st-table-session = Session
st-table-source-archive-file = Fichier archivé de source
st-table-two-factor = Second facteur
st-table-watch = Suivi
st-table-watch-alert = Alerte de suivi

## Les champs, par nom de colonne (leur libellé dans les formulaires et à côté des problèmes)

st-field-accessed-on = Consultée le
st-field-acronym = Sigle
st-field-affiliation = Affiliation
st-field-archived-url = URL archivée
st-field-assignee-account-id = Compte affecté
st-field-author = Auteur
st-field-body = Corps du texte
st-field-category = Catégorie
st-field-challenges = Difficultés
st-field-code = Code
st-field-confidence = Fiabilité
st-field-counted-on = Compté le
st-field-country-iso3 = Pays
st-field-created-at = Créé le
st-field-created-on = Créé le
st-field-criterion-id = Critère
st-field-description = Description
st-field-descriptor = Descripteur
st-field-edition-id = Édition
st-field-edition-part-id = Partie d'édition
st-field-ended-on = Terminée le
st-field-entity = Table
st-field-entity-id = Enregistrement
st-field-evidence = Éléments de preuve
st-field-field = Champ
st-field-founded-on = Fondé le
st-field-framework-id = Cadre d'évaluation
st-field-framework-version = Version du cadre
st-field-function-id = Fonction
st-field-group-key = Clé de groupe
st-field-heading = Titre
st-field-help = Aide
st-field-history = Historique
st-field-initiative-id = Initiative
st-field-initiative-kind-id = Type d'initiative
st-field-instrument-date = Date du texte fondateur
st-field-instrument-kind = Type de texte fondateur
st-field-instrument-number = Numéro du texte fondateur
st-field-instrument-title = Titre du texte fondateur
st-field-instrument-url = URL du texte fondateur
st-field-intro = Introduction
st-field-joined-on = Adhésion le
st-field-kind = Type
st-field-label = Libellé
st-field-language = Langue
st-field-launched-on = Lancé le
st-field-lead-organization-id = Organisation chef de file
st-field-left-on = Départ le
st-field-level = Niveau
st-field-licence = Licence
st-field-local-name = Nom local
st-field-locator = Emplacement
st-field-mandate = Mandat
st-field-mechanism-id = Mécanisme
st-field-mechanism-type = Type de mécanisme
st-field-member-count = Nombre de membres
st-field-methodology = Méthodologie
st-field-name = Nom
st-field-network-id = Réseau
st-field-note = Note
st-field-occurred-on = Date
st-field-organization-id = Organisation
st-field-outcome = Résultat
st-field-outputs = Réalisations
st-field-owner-organization-id = Organisation propriétaire
st-field-page = Page
st-field-pages = Pages
st-field-parent-id = Parent
st-field-part-key = Clé de la partie
st-field-period-end = Fin de la période
st-field-period-start = Début de la période
st-field-phase = Phase
st-field-phase-from = Phase de début
st-field-phase-until = Phase de fin
st-field-position = Position
st-field-previous-id = Précédent
st-field-prompt = Énoncé
st-field-published-on = Publié le
st-field-publisher = Éditeur
st-field-question-key = Clé de la question
st-field-questionnaire-id = Questionnaire
st-field-quote = Citation
st-field-rank = Rang
st-field-recent-developments = Évolutions récentes
st-field-required = Obligatoire
st-field-review-state = État de relecture
st-field-revision = Révision
st-field-role = Rôle
st-field-secretariat-organization-id = Organisation assurant le secrétariat
st-field-section = Section
st-field-sector = Secteur
st-field-since-on = Depuis le
st-field-slug = Identifiant
st-field-snapshot-hash = Empreinte de l'instantané
st-field-source-id = Source
st-field-started-on = Commencée le
st-field-status = Statut
st-field-status-on = Date du statut
st-field-structure = Structure
st-field-subtitle = Sous-titre
st-field-summary = Résumé
st-field-target-field = Champ cible
st-field-target-table = Table cible
st-field-title = Titre
st-field-translations-json = Traductions (JSON)
st-field-until-on = Jusqu'au
st-field-updated-at = Modifié le
st-field-updated-by = Modifié par
st-field-url = URL
st-field-version = Version
st-field-vocabulary = Vocabulaire
st-field-website = Site web
st-field-email = Adresse e-mail
st-field-password = Mot de passe
st-field-new-password = Nouveau mot de passe
st-field-current-password = Mot de passe actuel
st-field-active = Actif
st-field-min-rise = Hausse qui déclenche une alerte
st-field-action = Action
st-field-target = État
st-field-alert = Alerte
st-field-file = Fichier
st-field-cite-locator = Emplacement dans la source
st-field-cite-quote = Citation
st-field-record = Enregistrement
st-field-of-new-source = Nouvelle source : { $field }

## The mail that gives a new account its set-password link (in the administrator's page language)
st-account-mail-subject = Votre compte NMP
st-account-mail-body = Bonjour { $name },

    { $admin } vous a ouvert un compte ({ $role }) sur NMP, la plateforme des mécanismes nationaux de prévention du génocide et des autres atrocités criminelles.

    Choisissez votre mot de passe ici (le lien ne sert qu'une fois, pendant { $days } jours) :

    { $link }

    Connectez-vous ensuite avec votre adresse électronique, { $email }.
st-account-mail-no-link = (le lien n'est pas conservé : il n'a été montré qu'une fois, à l'administrateur)
