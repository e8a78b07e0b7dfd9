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
respond-for-edition = for its { $edition } edition
respond-invited-by = your invitation was sent by { $name }
respond-answering = Answering
respond-about = about { $subject }
respond-period = Period covered
respond-answer-by = Please answer by { $date }
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
