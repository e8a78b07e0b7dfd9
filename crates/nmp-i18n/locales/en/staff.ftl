# Messages of the sign-in pages and the staff workspace, in English (the French and Spanish files have the same keys and
# placeholders).

## Sign-in pages (/login, /account, /account/two-factor...)

auth-sign-in = Sign in
auth-sign-out = Sign out
auth-login-intro = For the research team's staff accounts. Reading the review and its data needs no account.
auth-email = Email
auth-password = Password
auth-forgot = Forgot your password?
auth-account-title = Your account
auth-name = Name
auth-role = Role
auth-two-factor = Two-factor sign-in
auth-on = On
auth-off = Off
auth-your-workspace = Your workspace
auth-change-your-password = Change your password
auth-code-title = Your sign-in code
auth-code-intro = The password for { $email } is right. Type the 6-digit code your authenticator app shows now, or one of your recovery codes. This step ends after 5 minutes or 5 wrong codes.
auth-code = Code
auth-code-lost = Lost your phone and your recovery codes? An administrator can reset your second factor.
auth-start-again = Start again
auth-current-password = Current password
auth-new-password = New password (at least { $min } characters)
auth-new-password-again = New password again
auth-change-password = Change password
auth-back-to-account = Back to your account
auth-recovery-title = Your recovery codes
auth-recovery-replace = These replace your old recovery codes, which no longer work.
auth-recovery-save = Save these codes now: they are shown only this once.
auth-recovery-how = Print them or keep them in a password manager. Each works once, in place of a code from your app, if you lose your phone.
auth-reset-sent = If an active account has this email, a password reset link has been prepared for it.
auth-reset-no-mail = This site does not send email yet. Ask an administrator to give you the link: they can issue a
    new one with { $command }.
# The placeholder of the email in the command an administrator types (nmp user reset --email YOUR-EMAIL).
auth-reset-your-email = YOUR-EMAIL
auth-reset-ask = Ask for a reset link
auth-back-to-sign-in = Back to sign in
auth-set-title = Set your password
auth-set-intro = For the account { $email }. This link works once.
auth-set-password = Set password

## The second factor ($state is one of the auth-2fa-state- words, in bold)

auth-2fa-state-on = on
auth-2fa-state-off = off
auth-2fa-state-setting-up = being set up
auth-2fa-is = Two-factor sign-in is { $state }.
auth-2fa-on-since = Two-factor sign-in is { $state } (since { $since }). After your password, you type the code your authenticator app shows, or a recovery code.
auth-2fa-unused = Unused recovery codes: { $left } of { $total }.
auth-2fa-make-soon = Make new ones soon.
auth-2fa-new-codes = New recovery codes
auth-2fa-new-codes-intro = Makes { $count } new codes; the old ones stop working.
auth-2fa-current-code = Current code from your app
auth-2fa-make-codes = Make new recovery codes
auth-2fa-off-heading = Switch it off
auth-2fa-required-off = Your role must sign in with a second factor: after switching it off you will be asked to set it up again (with a new phone, say) before anything else.
auth-your-password = Your password
auth-2fa-off-code = Code from your app, or a recovery code
auth-2fa-switch-off = Switch two-factor sign-in off
auth-2fa-setting-up = Two-factor sign-in is { $state }. It is not on until you confirm it below.
auth-2fa-step-app = Open an authenticator app on your phone (any app for "TOTP" codes: FreeOTP, Aegis, Google Authenticator, 1Password, ...) and add an account.
auth-2fa-step-scan = Scan this QR code, or type the key by hand.
auth-2fa-step-scan-no-qr = Scan this QR code (it could not be drawn: use the key below), or type the key by hand.
auth-2fa-qr-alt = QR code of your sign-in key for an authenticator app
auth-2fa-key = Key (type it without spaces; time-based, 6 digits, every 30 seconds):
auth-2fa-link-intro = Or, on a phone, open this link with your app:
auth-2fa-link = add to authenticator
auth-2fa-step-confirm = Type the 6-digit code the app now shows, to confirm.
auth-2fa-code-from-app = Code from your app
auth-2fa-confirm = Confirm and switch on
auth-2fa-keep-key = Keep this key to yourself: anyone with it can make your codes. Starting again makes a new key.
auth-2fa-start-again = Start again with a new key
auth-2fa-required = Your role must sign in with a second factor. Set it up now to reach the workspace.
auth-2fa-off-intro = Two-factor sign-in is { $state }. With it on, signing in needs your password and a code from an authenticator app on your phone, so a stolen password alone is not enough.
auth-2fa-setup-intro = Setting it up takes a minute: you scan a QR code with the app, type the code it shows, and save { $count } recovery codes for when you do not have your phone.
auth-2fa-set-up = Set up two-factor sign-in

## Sign-in outcomes and refusals

auth-bad-credentials = The email or password is not correct.
auth-throttled = Too many failed sign-in attempts from your connection. Wait { $seconds } seconds and try again, or reset your password.
auth-wrong-current-password = The current password is not correct.
auth-wrong-code = The code is not correct. Type the code your authenticator app shows now, or one of your recovery codes.
auth-code-used = This code has already been used. Wait for the next one (codes change every 30 seconds), or use a recovery code.
auth-sign-in-expired = This sign-in has ended: it took longer than 5 minutes or had too many wrong codes. Sign in again with your password.
auth-link-unusable = This link cannot be used
auth-link-unknown = This link is not valid. Check that you copied all of it, or ask an administrator for a new one.
auth-link-used = This link has already been used. Each link works once; ask an administrator for a new one, or use "Forgot your password?".
auth-link-expired = This link has expired. Ask an administrator for a new one, or use "Forgot your password?".
auth-password-too-short = { $field }: the password must have at least { $min } characters
auth-password-too-long = { $field }: the password must have at most { $max } characters
auth-refused-already-on-move = Two-factor sign-in is already on. Switch it off first to move it to another app.
auth-refused-already-on = Two-factor sign-in is already on.
auth-refused-no-setup = Start setting up two-factor sign-in first: the set-up was not found (it may have been reset).
auth-refused-setup-changed = The set-up changed meanwhile (in another window?). Reload the page and start again.
auth-refused-not-on = Two-factor sign-in is not on for this account.
auth-refused-own-role = You cannot change your own role: another administrator must do it, so that an administrator always remains.
auth-refused-own-account = You cannot deactivate your own account: another administrator must do it.
auth-refused-deactivated = This account is deactivated: reactivate it before issuing a link.
auth-sign-in-again = Sign in again
auth-wait = Wait a moment
auth-new-passwords-differ = The two new passwords are not the same.
auth-passwords-differ = The two passwords are not the same.
auth-password-changed = Password changed
auth-password-changed-text = Your password has been changed.
auth-password-set = Password set
auth-password-set-text = Your password has been set. You can now sign in.
auth-role-refused = Your account's role does not allow this page.
auth-not-allowed = Not allowed
auth-form-expired = Form expired
auth-form-expired-text = This form has expired or did not come from this site. Go back, reload the page and try again.
auth-not-saved = Not saved
auth-changed-by-someone = Changed by someone else

## The workspace's navigation and shared words

st-nav-label = Workspace
st-nav-overview = Overview
st-nav-records = Records
st-nav-import = Import
st-nav-assignments = Assignments
st-nav-assessments = Assessments
st-nav-watchlist = Watchlist
st-nav-review = Review queue
st-nav-audit = Audit log
st-nav-questionnaires = Questionnaires
st-nav-sources = Sources
st-nav-editions = Editions
st-nav-accounts = Accounts
st-nav-sign-ins = Failed sign-ins
st-nav-account = Account
st-search-title = Search the workspace
st-search-title-for = Search the workspace: { $query }
st-search = Search
st-search-intro = Everything the public search finds, and also the profiles and parts of unpublished editions and the text of documents attached to questionnaire responses.
st-date = Date
st-what = What
st-alert = Alert
st-action = Action
st-edition = Edition
st-due = Due
st-state = State
st-round = Round
st-progress = Progress
st-change = Change
st-made = Made
st-outcome = Outcome
st-record = Record
st-country = Country
st-version = Version
st-history = History
st-history-link = history
st-table = Table
st-field = Field
st-source = Source
st-when = When
st-who = Who
st-what-changed = What changed
st-change-field = { $field }:
st-empty = empty
st-none-word = none
st-save = Save
st-upload = Upload
st-cancel = Cancel
st-filter = Filter
st-find = Find
st-find-by-name = Find by name, slug or acronym
st-required = (required)
st-choose = — choose —
st-none = — none —
st-page-of = Page { $page } of { $pages }
st-newer = newer
st-older = older
st-previous = previous
st-next = next
st-yes = yes
st-on = on
st-off = off
st-never = never
st-not-saved = Not saved. Please correct:
st-not-created = Not created. Please correct:
st-not-done = Not done
st-not-deleted = Not deleted
st-problem = { $field }: { $text }
st-mark-read = Mark as read
st-mark-all-read = Mark all as read
st-your-watchlist = Your watchlist
st-overdue = overdue
st-unknown-role = (unknown role)

## Account roles, by code

st-role-admin = Administrator
st-role-editor = Editor
st-role-researcher = Researcher
st-role-student = Student researcher
st-role-reviewer = Reviewer
st-role-partner = Partner organisation staff

## States and actions, by code (English shows the code itself)

st-assignment-state-open = open
st-assignment-state-done = done
st-round-state-open = open
st-round-state-closed = closed
st-proposal-state-draft = draft
st-proposal-state-proposed = proposed
st-proposal-state-approved = approved
st-proposal-state-rejected = rejected
st-action-create = Create
st-action-update = Update
st-action-delete = Delete
st-action-change = Change
st-event-create = create
st-event-update = update
st-event-delete = delete
st-event-publish = publish
st-event-expire = expire
st-event-enable = enable
st-event-disable = disable
st-event-renew = renew
st-event-reset = reset
st-event-use = use
st-outcome-dead = dead
st-outcome-error = error
st-outcome-changed = changed
st-outcome-redirected = redirected
st-outcome-ok = ok
st-outcome-unchecked = unchecked
st-row-create = create
st-row-update = update
st-row-unchanged = unchanged

## The overview (/staff)

st-dashboard-queue = { $count ->
    [one] { $count } proposal waiting for review
   *[other] { $count } proposals waiting for review
}
st-dashboard-alerts = Watchlist alerts
st-dashboard-no-alerts = No unread alerts.
st-dashboard-assignments = My assignments
st-dashboard-no-assignments = You have no assignments.
st-dashboard-rounds = Assessment rounds
st-dashboard-proposals = My proposals
st-dashboard-no-proposals = You have not proposed any changes.

## Accounts (/staff/accounts)

st-accounts-intro = Everyone who can sign in to the workspace. Open an account to change its role, deactivate it, give it a new set-password link or reset a lost second factor.
st-active = Active
st-two-factor = Two-factor
st-last-sign-in = Last sign-in
st-deactivated = deactivated
st-no-password-yet = no password yet
st-accounts-new = New account
st-accounts-email-help = The person signs in with it; one account per email.
st-accounts-role-help = See the permissions page for what each role may do.
st-organisation-partners = Organisation (partners only)
st-accounts-organisation-help = A partner proposes changes to what this organisation owns.
st-accounts-create = Create the account
st-accounts-next-page = The next page shows the account's one-time link to set its password, once.
st-no-deactivated = no: deactivated
st-password-set = set
st-password-not-set = not set yet
st-account-own = This is your own account: you cannot change your own role or deactivate yourself; another administrator can.
st-account-change-role = Change the role
st-account-deactivate = Deactivate
st-account-reactivate = Reactivate
st-account-deactivate-help = A deactivated account cannot sign in: its sessions and unused links end at once. Its work and history stay.
st-account-reactivate-help = The account can sign in again with its password (or a new link).
st-account-deactivate-button = Deactivate the account
st-account-reactivate-button = Reactivate the account
st-link-title = Set-password link
st-account-link-help = A new one-time link to set the password (for a new person who lost theirs, or a forgotten password). Older unused links of the account stop working.
st-account-link-button = Issue a new link
st-account-second-factor = Second factor
st-account-reset-help = If the person lost their phone and their recovery codes, reset their second factor: they then sign in with their password alone (or, when their role requires it, set up a new one at once). Check who is asking first.
st-account-reset-help-none = The account has no second factor. Resetting removes a set-up the person started and did not finish.
st-account-reset-button = Reset the second factor
st-back-to-account = Back to the account
st-account-conflict = Someone changed this account after you opened its page, so nothing was saved. Open the account again to see it as it is now, and make your change there.
st-account-no-version = the form has no version: reload the page
st-account-bad-organisation = { $value } is not an organisation's number
st-account-bad-active = { $value } is neither true nor false
st-link-created = Account created
st-link-issued = New link issued
st-link-ready = The account of { $name } ({ $email }, { $role }) is ready.
st-link-older = Older unused links of { $name } ({ $email }) no longer work.
st-link-copy = Copy this link now: it is shown only this once
st-link-copy-rest = (only its hash is kept). It works once, for { $days } days, and lets the person choose their password.
st-link-no-smtp = No SMTP server is set, so nothing was mailed: give the link to the person yourself.
st-link-the-account = The account
st-link-mailed = The link was also mailed to { $email }.
st-link-outbox = The link was written to the outbox.
st-link-mail-failed = Mailing the link failed ({ $error }): give it to the person yourself.

## Failed sign-ins (/staff/sign-ins)

st-sign-ins-intro = The latest { $shown } failed or throttled sign-in attempts, newest first. A client is slowed after repeated failures for one email, and after repeated failures across emails; the person whose email is tried can still sign in from their own connection. { $throttled } attempts were refused without checking the password.
st-sign-ins-throttled-word = Throttled
st-sign-ins-none = No failed sign-ins.
st-sign-ins-by-client = By client address
st-client = Client
st-failed = Failed
st-throttled = Throttled
st-different-emails = Different emails
st-latest = Latest
st-attempts = Attempts
st-when-utc = When (UTC)
st-email-typed = Email typed
st-result = Result
st-result-throttled = throttled
st-result-wrong = wrong email or password

## The audit log and a record's history

st-audit-events = { $count ->
    [one] { $count } event
   *[other] { $count } events
}
st-audit-intro = Every change made through the platform, newest first: { $events }.
st-audit-intro-by = Every change made through the platform, newest first: { $events } by { $actor }.
st-audit-chained = The log is hash-chained; { $command } checks it.
st-audit-who = Who (email or system:…)
st-record-name = { $table }: { $name }
st-history-of = History of { $table }: { $name }
st-history-of-deleted = History of { $table } { $id } (deleted)
st-edit-this-record = Edit this record
st-history-changes = Changes
st-history-no-changes = No changes are recorded.
st-history-proposals = Proposals
st-history-no-proposals = No proposals were made for this record.
st-history-proposal = Proposal { $id }
st-history-proposal-by = { $action } by { $proposer }, { $when }, { $state }

## Records: the tables, a table's list, the record form

st-records-intro = Every table the report's facts are kept in. Open a table to edit its records or add one.
st-records-cite = Cite a source as you edit: the report refuses facts without one.
st-list-only-country = Only { $country }'s records
st-list-all-records = all { $table } records
st-list-public-page = { $country }'s public page
st-list-assigned = The records your open assignments let you change
st-list-assigned-others = (you may read them, and propose changes to those of your assignments)
st-list-every-record = Every record
st-list-only-assigned = only those of your assignments
st-list-new = New { $table }
st-last-changed-by = Last changed by
st-list-none = No records.
st-list-none-of-country = No records of { $country } yet.
st-list-none-assigned = No records of your assignments yet.
st-list-not-a-country = { $code } is not a country code (ISO alpha-3); every record is listed.
st-list-no-country = { $table } records belong to no country; every record is listed.
st-edit-new = New { $table }
st-saved = Saved.
st-edit-propose-note = Your changes are proposals: an editor reviews each one before it is written and published. You will see the outcome in { $workspace }.
st-edit-your-workspace = your workspace
st-edit-nothing-saved = Nothing was saved. Please correct:
st-edit-history = History of this record
st-edit-source-legend = Source for this change
st-edit-source-help = Which source supports what you entered. Choose one the platform has, or add a new one.
st-edit-find-source = Find a source by title, slug or author
st-edit-supports = It supports
st-edit-locator = Where in the source (page, section)
st-edit-quote = Quote
st-edit-new-source = A new source
st-edit-note = Note to the editor
st-edit-propose-change = Propose this change
st-edit-propose-record = Propose this record
st-edit-cited = Sources cited for this record
st-edit-propose-delete = Propose deleting this record
st-edit-delete = Delete this record
st-whole-record = whole record
st-no-source = — no source —
st-new-source-option = A new source (fill in below)
st-record-as-a-whole = The record as a whole
st-pick-none = Nothing found for “{ $query }”.
st-pick-one = { $count } found for “{ $query }”: choose it below.
st-pick-many = { $count } found for “{ $query }”: choose one below.
st-not-a-source = { $value } is not a source
st-too-long = { $field } is longer than { $max } characters
st-edit-found-notice = Nothing is saved yet: choose from what was found, then save.
st-edit-no-version = the form did not say which version you edited; reload it
st-edit-nothing-changed = Nothing changed, so nothing was saved.
st-delete-no-version = the form did not say which version you meant to delete; reload the page.
st-conflict-title = Edit conflict
st-conflict-heading = { $record } was changed by someone else
st-conflict-explanation = While you were editing, { $who } saved a newer version (now version { $version }). Nothing of yours was saved and nothing was overwritten. Compare, then edit the current version.
st-conflict-yours = Your version
st-conflict-current = Current version ({ $version })
st-conflict-edit-current = Edit the current version

## Sources and link checks (/staff/sources)

st-sources-title = Sources and link checks
st-sources-intro = Each source's latest check by { $command }, dead and changed links first: { $dead } means the server answered with a status of 400 or more, { $error } that no answer came (a timeout, a refused connection), { $changed } that the page's content differs from the previous check, { $redirected } that it answered from another address. Give a source an archived copy (a web archive's address of the page) and the date the page was consulted; the public list of sources shows the archived copy beside the original. You can also upload an archived file of the source: a PDF (.pdf), an HTML page (.html, .htm) or plain text (.txt) of at most 10 MB; it is kept with its SHA-256, replaces the source's previous file, and the public list links to it.
st-sources-check = Check
st-sources-archived-accessed = Archived copy and accessed on
st-sources-now-at = now at { $url }
st-sources-archived-url = Archived copy (URL)
st-sources-accessed-on = Accessed on (YYYY, YYYY-MM or YYYY-MM-DD)
st-sources-archived-file = Archived file:
st-sources-not-searchable = Its text is not searchable: { $why }. The file is found by its name and its source's details only.
st-sources-file-label = Archived file (PDF, HTML or TXT, at most 10 MB)
st-sources-file-label-replace = Archived file (PDF, HTML or TXT, at most 10 MB): replaces the one above
st-sources-file = { $file } ({ $name }), uploaded by { $who } on { $when }
st-sources-no-version = is missing: reload the page
st-the-file = The file
st-upload-not-read = the upload was not read: { $why }
st-upload-unreadable = the upload could not be read: { $why }
st-archive-too-large = { $file } is larger than { $size }, the most an archived copy may be
st-archive-empty = { $file } is empty: choose a file that holds the archived copy
st-archive-not-html = { $file } is not an HTML page: it is not UTF-8 text
st-archive-not-accepted = { $file } is not accepted: an archived copy is a PDF (.pdf), an HTML page (.html, .htm) or plain text (.txt)
st-archive-none-chosen = no file was chosen: choose a PDF (.pdf), an HTML page (.html, .htm) or plain text (.txt)

## Import from a spreadsheet (/staff/import)

st-import-title = Import from a spreadsheet
st-import-intro = Add or change many records at once from a CSV or XLSX file whose columns are the table's fields.
st-import-start = Start from the { $template } (a sheet per kind, a note on every column, drop-down lists of the accepted values) or from an export of the current records: { $exports } (also as { $csv }).
st-import-template = XLSX template
st-import-csv = CSV
st-import-propose = Your rows become proposals that an editor reviews.
st-import-direct = Your rows are written at once, every change in the audit log.
st-import-checked-first = The whole file is checked first: if any cell is wrong, nothing is imported and every problem is listed.
st-import-problem-count = { $count ->
    [one] { $count } problem
   *[other] { $count } problems
}
st-import-problems = { $file }: { $problems }; nothing was imported. Correct them and upload the file again.
st-import-problems-in = Problems in { $file }
st-import-sheet = Sheet
st-import-row = Row
st-import-column = Column
st-import-problem = Problem
st-import-summary = { $file }, sheet { $sheet }: { $created } new, { $updated } changed, { $unchanged } unchanged
st-import-does = Does
st-import-fields-changed = Fields changed
st-import-more = and { $more } more rows.
st-import-propose-button = Propose these changes
st-import-button = Import these records
st-import-upload = Upload a file
st-import-kind = What the rows are
st-import-kind-help = An XLSX workbook is read from the sheet of this name (or from its only sheet).
st-import-file = File (.csv or .xlsx)
st-import-check = Check the file
st-import-check-help = Checking writes nothing: it shows what the import would create and change, and asks you to confirm.
st-import-not-read = The upload was not read: { $why }.
st-import-unreadable = The upload could not be read: { $why }.
st-import-too-large = { $file } is larger than { $size } MB; split it into smaller files.
st-import-field-too-long = The field { $field } is longer than { $max } bytes.
st-import-upload-too-large = The upload came to { $size } MB, more than the { $max } MB a file may be; split it into smaller files.
st-import-choose-kind = Choose what the rows are: one of { $kinds }.
st-import-damaged = The confirmed file was damaged on the way; upload it again.
st-import-no-file = Choose a file to upload (a .csv or .xlsx file with rows under its header).
st-import-no-changes = The file holds no changes: every record already has these values. Nothing to import.
st-import-would-create = The file is fine. Importing it would create { $created } and change { $updated } records. Check the rows, then confirm below.
st-import-would-propose = The file is fine. Importing it would propose { $created } new and { $updated } changed records for review. Check the rows, then confirm below.
st-import-imported = Imported: { $created } records created and { $updated } changed, in one audited transaction.
st-import-proposed = Proposed: { $count } changes are waiting in the review queue; an editor will approve or reject each.

## The watchlist (/staff/watchlist)

st-watch-intro = Follow states, or the top 30 of every forecast. When an Early Warning Project release is imported or NMP computes a new forecast, you are alerted here, on your { $workspace } and by email for each followed state that entered the top 30 or whose two-year risk rose by at least the amount you chose since the previous forecast of the same kind (an EWP release is compared with the EWP release before it, NMP's computation with NMP's), and when a state you follow gets a new qualitative assessment. See { $risk }.
st-watch-workspace = workspace
st-watch-risk = Risk and capacity
st-watch-you-follow = You follow
st-watch-nothing = You follow nothing yet.
st-watch-rise = Alert when the risk rises by at least
st-watch-rise-for = Rise that alerts, for { $what }
st-watch-set = Set
st-watch-unfollow = Unfollow
st-watch-follow = Follow
st-watch-state = State
st-watch-top30 = The top 30 of every forecast
st-watch-followed = (followed)
st-watch-rise-label = Alert when the two-year risk rises by at least
st-watch-rise-help = An absolute rise in probability: 0.01 is one percentage point (from 3% to 4%, say).
st-watch-your-alerts = Your alerts
st-watch-no-alerts = No alerts yet.
st-watch-table = (table)
st-watch-read = read
st-watch-not-a-number = { $value } is not a number (0.01 is one percentage point)
st-watch-bad-action = { $value } is neither follow nor unfollow
st-watch-bad-alert = { $value } is neither an alert's number nor all
st-alert-top-30 = Entered the top 30
st-alert-risk-up = Risk up
st-alert-assessment = New assessment

## Tables, by name (the workspace's titles of its tables)

st-table-mechanism = Mechanism
st-table-mechanism-status = Mechanism status
st-table-membership = Membership
st-table-mechanism-function = Mechanism function
st-table-activity = Activity
st-table-initiative = Initiative
st-table-initiative-partner = Initiative partner
st-table-initiative-kind = Initiative kind
st-table-organization = Organization
st-table-network = Network
st-table-network-membership = Network membership
st-table-network-count = Network count
st-table-edition = Edition
st-table-edition-part = Edition part
st-table-edition-publisher = Edition publisher
st-table-edition-contributor = Edition contributor
st-table-profile = Profile
st-table-source = Source
st-table-citation = Citation
st-table-function = Function
st-table-framework = Framework
st-table-criterion = Criterion
st-table-criterion-level = Criterion level
st-table-questionnaire = Questionnaire
st-table-question = Question
st-table-account = Account
st-table-assessment-round = Assessment round
st-table-assignment = Assignment
st-table-attachment = Attachment
st-table-audit-event = Audit event
st-table-consensus = Consensus
st-table-country = Country
st-table-criterion-indicator = Criterion indicator
st-table-dataset = Dataset
st-table-edition-snapshot = Edition snapshot
st-table-erratum = Erratum
st-table-indicator = Indicator
st-table-invitation = Invitation
st-table-link-check = Link check
st-table-login-attempt = Login attempt
st-table-mail = Mail
st-table-observation = Observation
st-table-observation-outside = Observation outside
st-table-one-time-link = One time link
st-table-pending-sign-in = Pending sign in
st-table-proposal = Proposal
st-table-rating = Rating
st-table-rating-evidence = Rating evidence
st-table-recovery-code = Recovery code
st-table-risk-coefficient = Risk coefficient
st-table-risk-model = Risk model
st-table-round-rater = Round rater
st-table-round-target = Round target
st-table-server-key = Server key
st-table-session = Session
st-table-source-archive-file = Source archive file
st-table-two-factor = Two factor
st-table-watch = Watch
st-table-watch-alert = Watch alert

## Fields, by column name (their labels on forms and beside problems)

st-field-accessed-on = Accessed on
st-field-acronym = Acronym
st-field-affiliation = Affiliation
st-field-archived-url = Archived url
st-field-assignee-account-id = Assignee account
st-field-author = Author
st-field-body = Body
st-field-category = Category
st-field-challenges = Challenges
st-field-code = Code
st-field-confidence = Confidence
st-field-counted-on = Counted on
st-field-country-iso3 = Country
st-field-created-at = Created at
st-field-created-on = Created on
st-field-criterion-id = Criterion
st-field-description = Description
st-field-descriptor = Descriptor
st-field-edition-id = Edition
st-field-edition-part-id = Edition part
st-field-ended-on = Ended on
st-field-entity = Entity
st-field-entity-id = Entity
st-field-evidence = Evidence
st-field-field = Field
st-field-founded-on = Founded on
st-field-framework-id = Framework
st-field-framework-version = Framework version
st-field-function-id = Function
st-field-group-key = Group key
st-field-heading = Heading
st-field-help = Help
st-field-history = History
st-field-initiative-id = Initiative
st-field-initiative-kind-id = Initiative kind
st-field-instrument-date = Instrument date
st-field-instrument-kind = Instrument kind
st-field-instrument-number = Instrument number
st-field-instrument-title = Instrument title
st-field-instrument-url = Instrument url
st-field-intro = Intro
st-field-joined-on = Joined on
st-field-kind = Kind
st-field-label = Label
st-field-language = Language
st-field-launched-on = Launched on
st-field-lead-organization-id = Lead organization
st-field-left-on = Left on
st-field-level = Level
st-field-licence = Licence
st-field-local-name = Local name
st-field-locator = Locator
st-field-mandate = Mandate
st-field-mechanism-id = Mechanism
st-field-mechanism-type = Mechanism type
st-field-member-count = Member count
st-field-methodology = Methodology
st-field-name = Name
st-field-network-id = Network
st-field-note = Note
st-field-occurred-on = Occurred on
st-field-organization-id = Organization
st-field-outcome = Outcome
st-field-outputs = Outputs
st-field-owner-organization-id = Owner organization
st-field-page = Page
st-field-pages = Pages
st-field-parent-id = Parent
st-field-part-key = Part key
st-field-period-end = Period end
st-field-period-start = Period start
st-field-phase = Phase
st-field-phase-from = Phase from
st-field-phase-until = Phase until
st-field-position = Position
st-field-previous-id = Previous
st-field-prompt = Prompt
st-field-published-on = Published on
st-field-publisher = Publisher
st-field-question-key = Question key
st-field-questionnaire-id = Questionnaire
st-field-quote = Quote
st-field-rank = Rank
st-field-recent-developments = Recent developments
st-field-required = Required
st-field-review-state = Review state
st-field-revision = Revision
st-field-role = Role
st-field-secretariat-organization-id = Secretariat organization
st-field-section = Section
st-field-sector = Sector
st-field-since-on = Since on
st-field-slug = Slug
st-field-snapshot-hash = Snapshot hash
st-field-source-id = Source
st-field-started-on = Started on
st-field-status = Status
st-field-status-on = Status on
st-field-structure = Structure
st-field-subtitle = Subtitle
st-field-summary = Summary
st-field-target-field = Target field
st-field-target-table = Target table
st-field-title = Title
st-field-translations-json = Translations json
st-field-until-on = Until on
st-field-updated-at = Updated at
st-field-updated-by = Updated by
st-field-url = Url
st-field-version = Version
st-field-vocabulary = Vocabulary
st-field-website = Website
st-field-email = Email
st-field-password = Password
st-field-new-password = New password
st-field-current-password = Current password
st-field-active = Active
st-field-min-rise = Rise that alerts
st-field-action = Action
st-field-target = State
st-field-alert = Alert
st-field-file = File
st-field-cite-locator = Where in the source
st-field-cite-quote = Quote
st-field-record = Record
st-field-of-new-source = New source: { $field }

## The mail that gives a new account its set-password link (in the administrator's page language)
st-account-mail-subject = Your NMP account
st-account-mail-body = Dear { $name },

    { $admin } has given you an account ({ $role }) on NMP, the National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes platform.

    Choose your password here (the link works once, for { $days } days):

    { $link }

    Then sign in with your email, { $email }.
st-account-mail-no-link = (the link is not kept: it was shown once to the administrator)
