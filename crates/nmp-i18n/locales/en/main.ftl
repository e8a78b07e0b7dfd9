# The interface in English: the reference every other language must match (same keys, same
# placeholders). Keys are grouped by page; see crates/nmp-i18n/src/check.rs.

lang-name = English
lang-switch = Language

## Dates

date-example = 29 December 2018 or 2018-12-29
date-not-understood = “{ $text }” is not a date: write it like { $example }.
date-ambiguous = “{ $text }” could be { $first } or { $second }: write it like { $example }.
date-understood = Read as { $date }.

## The respondent's form

respond-asked-by = Asked by
respond-team = The research team of the review { $review }
respond-for-edition-year = for its { $year } edition
respond-for-edition-name = for its edition { $name }
respond-for-edition-both = for its { $year } edition { $name }
respond-invited-by = your invitation was sent by { $name }
respond-answering = Answering
respond-about = about { $subject }
respond-period = Period covered
respond-questions = Questions?
respond-write-to = Write to { $address }.
respond-thanks = Thank you: your response is submitted
respond-answers-shown = Your answers are shown below as you sent them; they can no longer be changed here.
respond-look-again = The research team asks you to look again
respond-needs-attention = Some answers need attention:
respond-remove-row = Remove this row when saving
respond-add-row = Add another row
respond-save = Save draft
respond-submit = Submit
respond-no-file = No file attached
respond-no-answer = No answer
respond-no-rows = No rows
respond-row = { $group }, row { $n }
respond-saved = Your answers are saved as a draft. You can come back to this page with the same link until { $date }.
respond-due-label = Please answer by
respond-required = (required)
respond-remove-file = Remove { $name } when saving
respond-other-choice = Other (not in the list)
respond-other-name = { $field }'s name, if not in the list
respond-problem-row = { $group }, row { $n }, { $field }
respond-about-new = the mechanism of { $country } (not yet in our records: please describe it)
respond-submitted-on = Your response was submitted on { $date }. Thank you.
respond-submitted-undated = Your response was submitted. Thank you.
respond-reviewed = The research team has reviewed it; each accepted fact cites your response.
respond-will-review = The research team will review your answers; each accepted fact will cite your response. If they have questions, they will write to you, and you will be able to open this link again.
respond-draft-saved = Your draft is saved. You can come back to it with the same link.
respond-attached = Attached: { $files }.
respond-removed = Removed: { $files }.
respond-questions-in-english = The questions are written in English; please answer in the language you prefer.
respond-language-change = Show this form in
period-range = { $start } to { $end }
period-from = from { $start }
period-until = until { $end }

## Checking the respondent's answers

answer-too-long = is longer than { $max } characters
answer-not-a-number = “{ $text }” is not a number
answer-yes-or-no = answer yes or no
answer-not-a-choice = “{ $text }” is not one of the choices
answer-one-line = must be one line
answer-required = please answer this question
answer-name-other = name the institution that is not in the list
answer-other-or-clear = choose “Other (not in the list)” above, or clear this name

## Mail to respondents

mail-invitation-subject = Invitation: { $title }
mail-invitation-body =
    Dear { $name },

    The research team of the review “National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes” invites you to answer its questionnaire:

      { $title }

    Please answer by { $due }. Your personal link (do not share it; it works until { $expires }):

      { $link }

    You can save a draft and come back with the same link. We show you what we already hold, so you only need to correct and add. An editor reviews every answer before it is published, and your response is cited as the source of each accepted fact.

    With thanks,
    { $editor }
mail-reminder-subject-overdue = Reminder (past the due date): { $title }
mail-reminder-subject-soon = Reminder (due { $due }): { $title }
mail-reminder-body =
    Dear { $name },

    This is a reminder about the questionnaire “{ $title }”, due on { $due }. Your answers so far are saved; please use the personal link from your invitation to continue. If you have lost it, reply to this message and the research team will send a new one.

    With thanks,
    The research team

## Choices of single-choice questions, by code (vocabulary labels; record names are not translated)

choice-yes = Yes
choice-no = No
choice-national = National
choice-regional = Regional
choice-international = International
choice-subnational = Sub-national
choice-civil-society = Civil society
choice-private-sector = Private sector
choice-committee = Committee
choice-commission = Commission
choice-board = Board
choice-task-force = Task force
choice-ombudsman-office = Ombudsman office
choice-focal-point = Focal point
choice-law = Law mandating prevention structures
choice-other = Other
choice-constitution = Constitution
choice-statute = Statute
choice-decree = Decree
choice-executive-order = Executive order
choice-presidential-directive = Presidential directive
choice-gazette-notice = Gazette notice
choice-ministerial-resolution = Ministerial resolution
choice-treaty = Treaty or protocol
choice-chair = Chair
choice-member = Member
choice-observer = Observer
choice-secretariat = Secretariat
choice-partner = Partner
choice-none = None
choice-planned = Planned
choice-partial = Partial
choice-operational = Operational

## The respondent's link and refusals

respond-link-unusable = This link cannot be used
respond-link-unknown = This link does not lead to a questionnaire. Check that you copied the whole link from the invitation.
respond-link-expired = This link has expired. Please write to the research team, who can send you a new one.
respond-link-revoked = This link has been withdrawn. Please write to the research team if you still want to answer.
respond-already-submitted = Not saved: your response is already submitted
respond-already-submitted-on = Nothing was saved. Your response was submitted on { $date } and is with the research team, so it can no longer be changed here. If something needs correcting, write to the research team; if they return the response to you, this link will let you change it again.
respond-already-submitted-undated = Nothing was saved. Your response was submitted and is with the research team, so it can no longer be changed here. If something needs correcting, write to the research team; if they return the response to you, this link will let you change it again.
respond-not-saved = Not saved
respond-draft-needs-attention = Your answers are saved as a draft, but some need attention before you can submit.
respond-row-added = A blank row was added to “{ $group }”.
respond-refused-notice = Nothing was saved: see the message below. Your answers are shown as you typed them; choose the files again before saving.
