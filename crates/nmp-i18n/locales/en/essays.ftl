## Expert opinion essays: the author's page, mails and letters (issue 20)

es-stage-invited = Invited
es-stage-submitted = Submitted
es-stage-in-review = In review
es-stage-revisions = Revisions requested
es-stage-accepted = Accepted
es-stage-copyediting = Copyediting
es-stage-proofs = Proofs
es-stage-ready = Ready for publication
es-stage-published = Published
es-stage-declined = Declined
es-decision-accept = Accept
es-decision-minor-revisions = Minor revisions
es-decision-major-revisions = Major revisions
es-decision-reject = Reject

dk-mail-kind-essay-invitation = essay invitation
dk-mail-kind-essay-review = review request
dk-mail-kind-essay-decision = decision letter
dk-mail-kind-essay-proofs = proofs
dk-mail-kind-essay-reminder = essay reminder

ea-title = Your essay for { $edition }
ea-call = Call for essays
ea-call-about = About the call
ea-due = Due
ea-stage = Where your essay stands
ea-invited-text = The editors invite you to write an expert opinion essay for this edition. Please accept or decline; you can also submit your manuscript directly, which accepts the invitation.
ea-accept = Accept the invitation
ea-decline = Decline the invitation
ea-decline-note = A note for the editors (optional)
ea-accepted = You accepted the invitation. Submit your manuscript below when it is ready.
ea-declined = This essay is closed: you declined the invitation, or the editors decided not to publish it. Thank you.
ea-submit-heading = Your manuscript
ea-revise-heading = Your revised manuscript
ea-field-title = Title
ea-field-abstract = Abstract (at most 300 words)
ea-field-keywords = Keywords, separated by commas
ea-authors = Authors
ea-author-n = Author { $n }
ea-author-name = Name
ea-author-affiliation = Affiliation
ea-author-orcid = ORCID iD (optional)
ea-field-competing = Competing interests
ea-competing-hint = Write “None declared.” if there are none.
ea-field-licence = I agree that the essay is published under the edition's licence: { $licence }.
ea-field-body = Text, in Markdown
ea-body-hint = Headings start with #, emphasis is *word*, footnotes are [^1] with a line “[^1]: the note” below. Cite a source of the platform as [@source-slug, p. 4] and a record as [@mechanism:slug] (also initiative, network, country, organization, edition, indicator).
ea-field-docx = Or a Word file (.docx): it is converted to Markdown and shown in the text box for you to check before you submit.
ea-convert = Convert the Word file
ea-converted = Your Word file “{ $file }” was converted. Check the text below, then submit.
ea-send = Submit the manuscript
ea-submitted = Thank you: version { $number } was received. The editors will write to you.
ea-not-saved = Nothing was submitted. Please correct what is marked below; your text is kept.
ea-letters = Letters from the editors
ea-reviews = Reviewers' comments
ea-reviewer-n = Reviewer { $n }
ea-proofs-heading = Proofs
ea-proofs-text = Please read the proofs below: the essay as it will be published. Approve them, or say what should change.
ea-changes-heading = The copyeditor's changes
ea-approve = Approve the proofs
ea-request = Ask for changes
ea-proofs-note = What should change
ea-ready = You approved the proofs. The essay will appear when the edition is published.
ea-published = Your essay is published.
ea-waiting = The editors are reading your manuscript. You will hear from them by email.
ea-versions = Your versions
ea-version-line = Version { $number }: { $kind }

essay-mail-invitation-subject = Invitation to write an essay: { $edition }
essay-mail-invitation-body =
    Dear { $name },

    The editors of “{ $edition }” invite you to write an expert opinion essay for it. The call's theme:

      { $theme }

    { $description }

    Please send your manuscript by { $due }. Your personal link, where you accept or decline, submit your manuscript (typed in Markdown or as a Word file), read the editors' letters and approve the proofs (do not share it):

      { $link }

    With thanks,
    { $editor }
essay-mail-review-subject = Review request: { $title }
essay-mail-review-body =
    Dear { $name },

    The editors of “{ $edition }” ask you to review the essay “{ $title }” by { $due }. Your personal link, where you read the essay, the data behind what it cites, and submit your report (do not share it):

      { $link }

    With thanks,
    { $editor }
essay-mail-review-body-staff =
    Dear { $name },

    The editors of “{ $edition }” ask you to review the essay “{ $title }” by { $due }. Sign in to NMP to read the essay, the data behind what it cites, and submit your report:

      { $link }

    With thanks,
    { $editor }
essay-mail-decision-subject = Decision on your essay: { $title }
essay-mail-proofs-subject = Proofs of your essay: { $title }
essay-mail-proofs-body =
    Dear { $name },

    The proofs of your essay “{ $title }” are ready. Please open the personal link from your invitation ({ $hint }), read them, and approve them or say what should change.

    With thanks,
    { $editor }
essay-mail-reminder-subject-soon = Reminder (due { $due }): { $title }
essay-mail-reminder-subject-overdue = Reminder (past the due date): { $title }
essay-mail-reminder-invited =
    Dear { $name },

    This is a reminder that your essay for “{ $edition }” is due on { $due }. Please use the personal link in the invitation we sent you on { $sent } to accept or decline the invitation and to submit your manuscript. If you have lost it, reply to this message and the editors will help you.

    With thanks,
    The editors of “{ $edition }”
essay-mail-reminder-revisions =
    Dear { $name },

    This is a reminder that the revised version of your essay “{ $title }” is due on { $due }. The editors' letter and the reviewers' comments are on your page: please use the personal link in the invitation we sent you on { $sent } to read them and submit your revision. If you have lost it, reply to this message and the editors will help you.

    With thanks,
    The editors of “{ $edition }”
essay-mail-reminder-proofs =
    Dear { $name },

    This is a reminder that the proofs of your essay “{ $title }” await your answer, due on { $due }. Please use the personal link in the invitation we sent you on { $sent } to read them, and approve them or say what should change. If you have lost it, reply to this message and the editors will help you.

    With thanks,
    The editors of “{ $edition }”
essay-mail-reminder-review =
    Dear { $name },

    This is a reminder that your review of the essay “{ $title }” for “{ $edition }” is due on { $due }. Please use the personal link in the review request we sent you on { $sent } to read the essay and submit your report. If you have lost it, reply to this message and the editors will help you.

    With thanks,
    The editors of “{ $edition }”

essay-letter-accept =
    Dear { $name },

    I am pleased to tell you that your essay “{ $title }” is accepted for publication. A copyeditor will prepare it, and you will then receive the proofs to approve.

    With thanks,
    { $editor }
essay-letter-minor =
    Dear { $name },

    Thank you for your essay “{ $title }”. The reviewers recommend minor revisions: their comments are on your page. Please submit a revised version through your personal link.

    With thanks,
    { $editor }
essay-letter-major =
    Dear { $name },

    Thank you for your essay “{ $title }”. The reviewers ask for major revisions before it can be accepted: their comments are on your page. Please submit a revised version through your personal link; it will be reviewed again.

    With thanks,
    { $editor }
essay-letter-reject =
    Dear { $name },

    Thank you for your essay “{ $title }”. I regret that we cannot publish it in this edition. The reviewers' comments are on your page.

    With thanks,
    { $editor }

ea-notes = Notes
ea-figure = Figure
es-kind-submission = Submission
es-kind-revision = Revision
es-kind-copyedit = Copyedit
dk-essays = Expert opinion essays

# Headings of a published essay's abstract and keywords
ep-abstract = Abstract
ep-keywords = Keywords

# The proofs as the pages of the draft report (/essay/{token}/proofs.pdf)
ea-proofs-pdf = Your essay's pages as they will be printed in the report (PDF, from the current draft)
ea-proofs-pdf-none-title = No proofs to show
ea-proofs-pdf-none = Your essay is not at the proofs: there are no printed pages to show. The link on your page shows them when the editors send you the proofs.
ea-proofs-pdf-failed = The draft report could not be typeset just now. Please try again later; if it still fails, reply to the editors' mail. You can also approve the proofs from the text on your page.

# How the author's page names a refused field
ea-err-body = Text
ea-err-licence = Licence
ea-err-docx = Word file
ea-err-orcid = ORCID iD
