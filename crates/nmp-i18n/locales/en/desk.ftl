# Messages of the staff workspace's editions, questionnaires, review and assessments, in English
# (the French and Spanish files have the same keys and placeholders).

## Words shared by the pages

dk-choose = — choose —
dk-none-choice = — none —
dk-none = None.
dk-public-page = public page
dk-cancel = Cancel
dk-col-edition = Edition
dk-col-title = Title
dk-col-state = State
dk-col-status = Status
dk-col-due = Due
dk-col-when = When
dk-col-kind = Kind
dk-col-email = Email
dk-col-action = Action
dk-due-day = Due (YYYY-MM-DD)
dk-country = Country
# A refusal naming the field of a form it is about: "Due: give a day".
dk-field-problem = { $field }: { $problem }
dk-not-a-choice = { $given } is not a choice

## Fields named by a refusal. English names a field by its name in the form (`due_on`); French
## and Spanish by its label on the page, below.

dk-field-title = Title
dk-field-edition = Edition
dk-field-edition-id = Edition
dk-field-framework-id = Framework
dk-field-due-on = Due
dk-field-raters = Raters
dk-field-initiatives = Initiatives
dk-field-mechanisms = Mechanisms
dk-field-countries = Countries
dk-field-assessed-on = Assessment date
dk-field-note = Instructions
dk-field-assignee-account-id = Assign to
dk-field-country-iso3 = Country
dk-field-profile-id = Profile
dk-field-decision = Decision
dk-field-version = Version
dk-field-round = Round
dk-field-rater = Rater
dk-field-criterion = Criterion
dk-field-level = Consensus level
dk-field-trend = Consensus trend
dk-field-rationale = Rationale
dk-field-comment = Comment
dk-field-state = State

## Editions

dk-editions = Editions
dk-editions-intro = Publish an edition (it freezes a snapshot of everything it shows), build its report (PDF, static site, data package) and download the results, or preview the draft PDF.
dk-editions-none = No editions yet.
dk-col-stage = Stage
dk-col-data-frozen = Data frozen
dk-col-builds = Builds
dk-edition-n = Edition { $slug }
dk-frozen-yes = yes: snapshot
dk-frozen-not-yet = not yet
dk-edition-status-planning = Planning
dk-edition-status-collecting = Collecting
dk-edition-status-drafting = Drafting
dk-edition-status-review = Review
dk-edition-status-published = Published

## An edition's page

dk-edition-stage = stage: { $stage }
dk-edition-frozen = its data are frozen in NMP (snapshot sha256 { $hash }); corrections are { $errata }
dk-edition-errata-link = errata
dk-edition-not-frozen = its data are not frozen in NMP yet (publishing freezes them)
dk-publishing = Publishing
dk-published-note = This edition is published. Builds use its frozen snapshot; readers are offered its newest final build on { $page }.
dk-its-public-page = its public page
dk-unreconciled = { $count } outcome assessment problem(s): publishing is refused until every round of this edition is reconciled, each consensus with evidence:
dk-all-cited = Every fact this edition shows has a citation.
dk-all-cited-publishable = Every fact this edition shows has a citation: it can be published.
dk-uncited = { $count } fact(s) this edition shows have no citation yet; publishing is refused until each is cited:
dk-publish-edition = Publish edition { $slug }
dk-publish-hint = You will see what is frozen and confirm; the edition's rows can no longer be edited after.
dk-report = Report
dk-preview = { $link } (the edition as it is now, every page marked DRAFT).
dk-preview-link = Preview the draft PDF
dk-building = Building: { $step }. This page refreshes itself.
# What a build is doing: "typeset the PDF: 24 pages; building the static site (12 s, started by ...)".
dk-build-step = { $step } ({ $seconds } s, started by { $by })
dk-build-reading = reading the edition
dk-build-typesetting = typesetting the PDF
dk-build-site = building the static site
dk-build-package = packing the data package
dk-build-writing = writing the files
dk-build-failed = The last build failed:
dk-mark-draft = mark every page DRAFT
dk-build-draft-only = Not published: the build is a draft, every page marked DRAFT.
dk-build-report = Build the report
dk-no-builds = No builds yet.
dk-builds-caption = Builds, newest first
dk-col-built = Built
dk-col-by = By
dk-col-pages = Pages
dk-col-pdf-sha = PDF sha256
dk-col-seconds = Seconds
dk-col-download = Download
dk-build-draft = draft
dk-build-final = final
dk-download-all = everything (.zip: PDF, site, data)
dk-errata = Errata
dk-no-errata = No errata recorded.
dk-errata-caption = Errata, as the next build lists them
dk-col-issued = Issued
dk-col-where = Where
dk-col-correction = Correction
dk-not-recorded = Not recorded: { $problem }
dk-issued-on = Issued on
dk-issued-on-help = YYYY, YYYY-MM or YYYY-MM-DD.
dk-where-help = A part, a profile, a table or a page.
dk-correction-help = What was wrong and what is right. The next build lists it under Errata.
dk-record-erratum = Record the erratum
dk-errata-only-published = Only a published edition has errata: an unpublished one is corrected in its records.
dk-no-such-edition = No such edition
dk-no-such-edition-text = There is no edition { $slug }.
dk-not-possible = Not possible
dk-back-to-edition = Back to the edition
dk-build-running = A build is running
dk-build-running-text = This edition's report is being built now; its page shows the progress.
dk-no-such-build = No such build
dk-no-such-build-text = Edition { $slug } has no build { $id } with a file { $file }.
dk-not-published-uncited = Not published: { $count } fact(s) the edition shows have no citation yet (listed below).
dk-not-published-unreconciled = Not published: { $count } outcome assessment problem(s): every target and criterion of the edition's rounds needs a consensus with evidence (listed below).

## Publishing an edition

dk-publish-question = Publish edition { $slug }?
dk-already-published = It is already published.
dk-cannot-publish-yet = It cannot be published yet: { $facts } and { $problems }, listed on the edition's page.
dk-n-uncited-facts = { $count } fact(s) without a citation
dk-n-outcome-problems = { $count } outcome assessment problem(s)
dk-publish-warning = Publishing { $undone }. It freezes the edition as it is now:
dk-cannot-be-undone = cannot be undone
dk-freeze-parts = { $chapters }, with { $profiles };
dk-freeze-parts-essays = { $chapters } and { $essays }, with { $profiles };
dk-n-chapters = { $count } chapter(s)
dk-n-essays = { $count } essay(s)
dk-n-profiles = { $count } mechanism profile(s)
dk-freeze-figures = the global and regional overview figures as of the edition's year;
dk-freeze-sources = { $count } source(s) in the bibliography, each fact with its citations;
dk-freeze-rounds = { $count } outcome assessment round(s), with their consensus and agreement;
dk-freeze-package = its data package, frozen with the snapshot.
dk-publish-after = After that, the edition's rows are locked: a correction becomes an erratum, which later builds list. Readers are offered the report once it is built.
dk-fingerprint = The snapshot's fingerprint, if nothing changes before you confirm: { $hash }.
dk-publish-yes = Yes, publish edition { $slug }

## Questionnaires

dk-questionnaires = Questionnaires
dk-questionnaires-none = No questionnaires yet.
dk-col-questionnaire = Questionnaire
dk-col-revision = Revision
dk-col-invited = Invited
dk-col-answered = Answered
dk-new-questionnaire = New questionnaire
dk-default-questionnaire = The default questionnaire asks for the mechanism's identity, founding instrument, composition and roles, functions, activities in the period, challenges, and the roles of civil society, religious organisations and the private sector; each answer feeds the field it names. Its questions can be edited until the first answer arrives.
dk-create-default = Create the default questionnaire
dk-mail-link = Mail sent and outbox
dk-not-done = Not done
dk-choose-edition = choose an edition
dk-no-edition-chosen = no such edition
dk-qn-status-draft = draft
dk-qn-status-open = open
dk-qn-status-closed = closed

## A questionnaire's page

dk-revision-n = Revision { $n }
dk-responses-as = responses as { $csv } or { $xlsx }
dk-invitation-created = Invitation for { $name } created.
dk-invite-sent = The invitation was sent by email.
dk-invite-outbox = No SMTP server is configured, so the invitation was written to the outbox ({ $detail }); send it on yourself.
dk-invite-failed = The invitation could not be sent ({ $detail }); give the respondent the link yourself.
dk-personal-link = Personal link (shown only now):
dk-no-reminders-due = No reminders were due.
dk-reminders-sent = Reminders: { $list }.
# One reminder sent: to whom, why (due soon, overdue) and what happened to the mail.
dk-reminder-sent = { $to } ({ $why }, { $status })
dk-why-due-soon = due soon
dk-why-overdue = overdue
dk-invitations = Invitations
dk-nobody-invited = Nobody has been invited yet.
dk-col-respondent = Respondent
dk-col-reminders = Reminders
dk-send-reminders = Send the reminders that are due
dk-invite-respondent = Invite a respondent
dk-name = Name
dk-organisation = Organisation
dk-mechanism-prefills = Mechanism (pre-fills the answers)
dk-form-language = Language of the form and the mails
dk-form-language-help = The respondent can switch the form to another of the three.
dk-invite = Invite
dk-questions = Questions
dk-col-key = Key
dk-col-question = Question
dk-col-feeds = Feeds
dk-feeds-new-rows = { $table } (new rows)
dk-feeds-kept = kept in the response
dk-new-revision = Make a new revision
dk-inv-state-invited = invited
dk-inv-state-draft = draft
dk-inv-state-submitted = submitted
dk-inv-state-has-issues = has_issues
dk-inv-state-reviewed = reviewed
dk-inv-state-revoked = revoked
dk-question-kind-short-text = short_text
dk-question-kind-long-text = long_text
dk-question-kind-single-choice = single_choice
dk-question-kind-multiple-choice = multiple_choice
dk-question-kind-yes-no = yes_no
dk-question-kind-number = number
dk-question-kind-date = date
dk-question-kind-file = file
dk-question-kind-group = group

## A response

dk-response-of = Response of { $name }
dk-language = Language
dk-language-note = { $language }: the form and the mails are in it, and so are the answers as typed
dk-returned-with = Returned with
dk-answers = Answers
dk-no-answers = No answers yet.
dk-attached = Attached documents
dk-proposed-changes = Proposed changes
dk-no-proposed-changes = None: the response has not been submitted, or it matches what the platform holds.
# A proposal a response led to: "Proposal 12: create organization “Name”, under proposal 11".
dk-proposal-line = { $proposal }: { $action } { $entity }{ $detail }
dk-under-proposal = , under proposal { $id }
dk-look-again = What should the respondent look at again?
dk-return-with-issues = Return with issues
dk-mark-reviewed = Mark reviewed
dk-revoke-link = Revoke the link
dk-new-institution = The respondent named institutions not in the list: proposal { $proposals } creates them (kind “other” and the invitation's country until corrected), and the rows naming them are proposed under them, to be approved once they are.
dk-new-institutions = The respondent named institutions not in the list: proposals { $proposals } create them (kind “other” and the invitation's country until corrected), and the rows naming them are proposed under them, to be approved once they are.
dk-new-mechanism = This response describes a mechanism the platform does not hold yet: proposal { $proposal } creates it, and the members, functions and activities it lists are proposed under it, to be approved once the mechanism is (rejecting the mechanism rejects them too). Answers about the edition's profile (challenges) and those without a record field stay with the response below.
dk-new-mechanism-in = This response describes a mechanism the platform does not hold yet in { $country }: proposal { $proposal } creates it, and the members, functions and activities it lists are proposed under it, to be approved once the mechanism is (rejecting the mechanism rejects them too). Answers about the edition's profile (challenges) and those without a record field stay with the response below.
dk-no-mechanism = This invitation names no mechanism: the respondent describes one the platform does not hold yet, and submitting proposes creating it, with its members, functions and activities proposed under it.
dk-no-mechanism-in = This invitation names no mechanism in { $country }: the respondent describes one the platform does not hold yet, and submitting proposes creating it, with its members, functions and activities proposed under it.

## Mail

dk-mail = Mail
dk-mail-smtp = Mail is sent over SMTP.
dk-mail-outbox = No SMTP server is configured: messages are written to the outbox folder { $folder } as { $eml } files; send them on yourself.
dk-no-mail = No mail yet.
dk-col-to = To
dk-col-subject = Subject
dk-col-detail = Detail
dk-mail-kind-invitation = invitation
dk-mail-kind-reminder = reminder
dk-mail-kind-rating-reminder = rating_reminder
dk-mail-kind-alert = alert
dk-mail-status-sent = sent
dk-mail-status-outbox = outbox
dk-mail-status-failed = failed

## The review queue and a proposal

dk-review-queue = Review queue
dk-no-proposals-waiting = No proposals are waiting.
# What a proposal is about: the table and the record's name ("Mechanism: Kenya's committee").
dk-what = { $table }: { $name }
dk-what-new = { $table }: new: { $name }
dk-col-change = Change
dk-col-proposed-by = Proposed by
dk-by-respondent = { $name } (questionnaire respondent)
dk-by-invitation = questionnaire respondent (invitation { $invitation })
dk-action-create = Create
dk-action-update = Update
dk-action-delete = Delete
dk-proposal-action-create = create
dk-proposal-action-update = update
dk-proposal-action-delete = delete
dk-proposal-state-draft = draft
dk-proposal-state-proposed = proposed
dk-proposal-state-approved = approved
dk-proposal-state-rejected = rejected
dk-proposal-n = Proposal { $id }
dk-proposal-n-lower = proposal { $id }
dk-proposal-title = Proposal { $id }: { $action } · { $what }
dk-decision = Decision
# Who decided a proposal: "approved by Name on 2026-11-25 10:04 UTC".
dk-decided = { $state } by { $name } on { $when }
dk-editor-comment = Editor's comment
dk-proposer-note = Note from the proposer
dk-parent = This row belongs to a new { $entity } proposed in { $proposal } ({ $state }).
dk-parent-pending = This row belongs to a new { $entity } proposed in { $proposal } ({ $state }): approve that one first, and this row will point to the record it creates.
dk-parent-named = This row belongs to a new { $entity }, “{ $name }”, proposed in { $proposal } ({ $state }).
dk-parent-named-pending = This row belongs to a new { $entity }, “{ $name }”, proposed in { $proposal } ({ $state }): approve that one first, and this row will point to the record it creates.
dk-moved-on = The record has changed since this proposal was made: the "Before" column is what the proposer saw, "Now" is the record today.
dk-col-field = Field
dk-col-before = Before
dk-col-proposed = Proposed
dk-col-now = Now
dk-empty = empty
dk-source = Source:
dk-none-given = none given
dk-source-gone = source { $id } (no longer exists)
dk-new-source = new source: { $title } ({ $slug })
dk-supports-field = ; supports the field “{ $field }”
dk-cited-at = ; at { $where }
dk-cited-quote = ; quote: “{ $quote }”
dk-attached-to-response = Documents attached to the response
dk-open-record = Open the record
dk-comment-for-proposer = Comment for the proposer
dk-approve = Approve
dk-reject = Reject
dk-own-proposals-only = You can see your own proposals; the review queue is for editors and reviewers.
dk-your-workspace = Your workspace
dk-not-a-decision = { $given } is not approve or reject
dk-reload-and-decide = reload the page and decide again
dk-record-changed = The record changed after this proposal was made, so approving it would overwrite someone else's change. Nothing was written. Compare the proposed and current values below, then reject it with a comment (the proposer can propose again from the current version).
dk-decided-first = Someone else decided this proposal first; see its outcome below.
dk-not-approved = Not approved: { $problems }

## Assessments

dk-assessments = Assessments
dk-assessments-intro = Outcome assessments (initiatives, mechanisms) and qualitative risk assessments (countries, along the UN Framework of Analysis). Raters rate each target of a round on every criterion of its framework, with evidence, without seeing each other's ratings until they have submitted their own. Editors then reconcile: only the consensus is published.
dk-rounds = Rounds
dk-your-rounds = Your rounds
dk-no-round = No round has been opened yet.
dk-not-a-rater = You are not a rater in any round.
dk-col-round = Round
dk-col-framework = Framework
dk-col-progress = Progress
# An editor's view of a round's progress.
dk-progress = { $submitted } of { $submissions } submissions; consensus { $consensus } of { $cells }
dk-progress-rater = you rated { $done } of { $targets }
dk-round-state-open = open
dk-round-state-closed = closed
dk-frameworks = Frameworks
dk-frameworks-intro = A framework version is frozen once a submitted rating uses it; to change it, copy it into a new version and edit that. Criteria and levels are edited in { $criteria } and { $levels }.
dk-records-criterion = Records › Criterion
dk-criterion-level = Criterion level
dk-no-framework = No framework yet: add one in { $link }.
dk-records-framework = Records › Framework
dk-col-criteria = Criteria
dk-framework-frozen = frozen (used by submitted ratings)
dk-framework-editable = editable
dk-copy-framework = Copy as a new version
dk-open-a-round = Open a round
dk-open-round = Open the round
dk-round-not-opened = The round was not opened. Please correct:
dk-choose-framework = choose a framework
dk-raters-two = Raters (at least two)
dk-initiatives-to-rate = Initiatives to rate
dk-no-initiative = No initiative is recorded yet.
dk-mechanisms-to-rate = Mechanisms to rate (their functions)
dk-mechanisms = Mechanisms
dk-countries-to-assess = Countries to assess (a qualitative risk assessment)
dk-countries-help = With the UN Framework of Analysis, raters give each risk factor of a country a level and a trend (rising, steady, falling). Choose the framework "{ $framework }".
dk-countries-choose = Countries (choose one or more)
dk-assessed-on = Assessment date: the day the assessment stands for (YYYY-MM-DD)
dk-instructions-raters = Instructions for the raters

## A round

dk-round-open = open: raters are rating
dk-round-closed = closed: no more ratings are taken
dk-col-raters = Raters
dk-targets = Targets
dk-col-target = Target
dk-col-submitted = Submitted
dk-col-your-rating = Your rating
dk-col-consensus = Consensus
dk-target-kind-country = country
dk-target-kind-initiative = initiative
dk-target-kind-mechanism = mechanism
dk-submitted = submitted
dk-pending = pending
dk-rate-it = rate it
dk-consensus-of = { $done } of { $total } criteria
dk-agreement = Agreement
dk-agreement-intro = Krippendorff's alpha for ordinal data (1 is perfect agreement, 0 is agreement no better than chance; α ≥ 0.800 is reliable, 0.667–0.800 allows tentative conclusions) and the share of pairs of ratings that agree. Units are targets rated by at least two raters.
dk-col-criterion = Criterion
dk-col-alpha = Alpha (ordinal)
dk-col-agreement = Agreement
dk-col-units = Units
dk-col-ratings = Ratings
dk-all-criteria = All criteria
dk-trends-all-criteria = Trends, all criteria (falling < steady < rising)
dk-undefined = undefined
dk-disagreements = Where raters disagree
dk-no-disagreement = No disagreement among the ratings submitted so far.
dk-disagreements-intro = Most disagreement first (mean squared difference between the ranks of each pair of ratings).
dk-col-spread = Spread
dk-reconcile = reconcile
dk-before-publishing = Before the edition can be published
dk-all-reconciled = Every target has a consensus with evidence on every criterion.
dk-round = Round
dk-release-ratings = Release the individual ratings in the edition's data package (under pseudonyms R1, R2, ...)
dk-closing-releases = Closing a round that assesses countries releases their reconciled assessments: each appears on its country's public page.
dk-close-round = Close the round
dk-reopen-round = Reopen the round
dk-remind-raters = Remind raters who have not finished
dk-no-rater-reminders = Every rater has rated every target: no reminders were sent.
dk-raters-reminded = Reminders sent: { $list }.
# One rater reminded: to whom, how many targets they have left, what happened to the mail.
dk-rater-reminded = { $to } ({ $left } left, { $status })
dk-not-rater-of-round = you are not a rater of this round

## A target of a round

dk-target-initiative = Initiative: { $page }
dk-target-country = Country: { $page }
dk-target-mechanism = Mechanism: { $page }
dk-target-framework = Framework: { $framework }
dk-nothing-saved = Nothing was saved. Please correct:
dk-rate-every = Rate every criterion with a level, your reason and at least one piece of evidence. You see the other raters' ratings only after you submit, and a submission is final.
dk-rate-every-country = Rate every criterion with a level and a trend, your reason and at least one piece of evidence. You see the other raters' ratings only after you submit, and a submission is final.
dk-level-of = Level of { $criterion }
dk-trend-of = Trend of { $criterion }
dk-trend-rising = Rising
dk-trend-steady = Steady
dk-trend-falling = Falling
dk-why-level = Why this level
dk-why-level-trend = Why this level and trend
dk-evidence-source = Evidence { $n }: source
dk-where-in-it-page = Where in it (page, section)
dk-where-in-it = Where in it
dk-quote = Quote
dk-submit-ratings = Submit my ratings
dk-closed-not-rated = The round is closed; you did not rate this target.
dk-no-rating-yet = No rating submitted yet.
dk-col-rater = Rater
dk-col-level = Level
dk-col-trend = Trend
dk-col-rationale = Rationale
dk-col-evidence = Evidence
dk-change-consensus = Change the consensus for { $criterion }
dk-record-consensus = Record the consensus for { $criterion }
dk-consensus-level = Consensus level
dk-consensus-trend = Consensus trend
dk-consensus-rationale = Rationale (how the disagreement was resolved)
dk-save-consensus = Save the consensus
dk-only-raters-rate = only the raters of this round rate its targets
dk-back-to-round = Back to the round

## Assignments

dk-assignments = Assignments
dk-my-assignments = My assignments
dk-overdue-only = Showing overdue assignments only.
dk-show-all = Show all
dk-show-overdue = Show overdue only
dk-no-assignments = No assignments.
dk-no-assignments-overdue = No assignments are overdue.
dk-col-what = What
dk-col-assigned-to = Assigned to
dk-assigned-country = Country: { $name }
dk-assigned-profile = Profile: { $name }
dk-overdue = overdue
dk-mark-done = Mark done
dk-assignment-state-open = open
dk-assignment-state-done = done
dk-new-assignment = New assignment
dk-not-assigned = Not assigned. Please correct:
dk-assign-to = Assign to
dk-country-or-profile = A country, or a profile below: not both.
dk-profile = Profile
dk-instructions = Instructions
dk-assign = Assign
dk-choose-person = choose a person
