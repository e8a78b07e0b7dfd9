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
