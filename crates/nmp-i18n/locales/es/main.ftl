# La interfaz en español: las mismas claves y los mismos parámetros que en inglés (en/main.ftl).

lang-name = Español
lang-switch = Idioma

## Fechas

date-example = 29/12/2018 o 29 de diciembre de 2018
date-not-understood = «{ $text }» no es una fecha: escríbala como { $example }.
date-ambiguous = «{ $text }» podría ser el { $first } o el { $second }: escríbala como { $example }.
date-understood = Fecha entendida: { $date }.

## El formulario de respuesta

respond-asked-by = Solicitado por
respond-team = El equipo de investigación del informe { $review }
respond-for-edition-year = para su edición de { $year }
respond-for-edition-name = para su edición { $name }
respond-for-edition-both = para su edición de { $year }, { $name }
respond-invited-by = su invitación fue enviada por { $name }
respond-answering = Responde
respond-about = sobre { $subject }
respond-period = Período que abarca
respond-questions = ¿Preguntas?
respond-write-to = Escriba a { $address }.
respond-thanks = Gracias: su respuesta ha sido enviada
respond-answers-shown = Sus respuestas se muestran a continuación tal como las envió; ya no pueden modificarse aquí.
respond-look-again = El equipo de investigación le pide que revise sus respuestas
respond-needs-attention = Algunas respuestas requieren su atención:
respond-remove-row = Eliminar esta fila al guardar
respond-add-row = Añadir otra fila
respond-save = Guardar borrador
respond-submit = Enviar
respond-no-file = Ningún archivo adjunto
respond-no-answer = Sin respuesta
respond-no-rows = Ninguna fila
respond-row = { $group }, fila { $n }
respond-saved = Sus respuestas se han guardado como borrador. Puede volver a esta página con el mismo enlace hasta el { $date }.
respond-due-label = Responda antes del
respond-required = (obligatoria)
respond-remove-file = Eliminar { $name } al guardar
respond-other-choice = Otra (no figura en la lista)
respond-other-name = { $field }: su nombre, si no figura en la lista
respond-problem-row = { $group }, fila { $n }, { $field }
respond-about-new = el mecanismo de { $country } (aún no figura en nuestros datos: descríbalo, por favor)
respond-submitted-on = Su respuesta se envió el { $date }. Gracias.
respond-submitted-undated = Su respuesta se envió. Gracias.
respond-reviewed = El equipo de investigación la ha revisado; cada dato aceptado cita su respuesta.
respond-will-review = El equipo de investigación revisará sus respuestas; cada dato aceptado citará su respuesta. Si tiene preguntas, le escribirá, y usted podrá volver a abrir este enlace.
respond-draft-saved = Su borrador se ha guardado. Puede volver a él con el mismo enlace.
respond-attached = Archivos adjuntos: { $files }.
respond-removed = Archivos eliminados: { $files }.
respond-questions-in-english = Las preguntas están redactadas en inglés; puede responder en el idioma que prefiera.
respond-language-change = Mostrar este formulario en
period-range = de { $start } a { $end }
period-from = desde { $start }
period-until = hasta { $end }

## Verificación de las respuestas

answer-too-long = supera los { $max } caracteres
answer-not-a-number = «{ $text }» no es un número
answer-yes-or-no = responda sí o no
answer-not-a-choice = «{ $text }» no es una de las opciones
answer-one-line = debe caber en una sola línea
answer-required = responda a esta pregunta, por favor
answer-name-other = indique el nombre de la institución que no figura en la lista
answer-other-or-clear = elija «Otra (no figura en la lista)» arriba, o borre este nombre

## Correos a quienes responden

mail-invitation-subject = Invitación: { $title }
mail-invitation-body =
    Estimado/a { $name }:

    El equipo de investigación del informe «National Mechanisms for the Prevention of Genocide and Other Atrocity Crimes» (Mecanismos nacionales para la prevención del genocidio y otros crímenes atroces) le invita a responder su cuestionario:

      { $title }

    Le rogamos que responda antes del { $due }. Su enlace personal (no lo comparta; es válido hasta el { $expires }):

      { $link }

    Puede guardar un borrador y volver con el mismo enlace. Le mostramos lo que ya sabemos, de modo que solo tiene que corregir y completar. Un editor revisa cada respuesta antes de publicarla, y su respuesta se cita como fuente de cada dato aceptado.

    Atentamente,
    { $editor }
mail-reminder-subject-overdue = Recordatorio (plazo vencido): { $title }
mail-reminder-subject-soon = Recordatorio (plazo: { $due }): { $title }
mail-reminder-body =
    Estimado/a { $name }:

    Le recordamos el cuestionario «{ $title }», con plazo el { $due }. Sus respuestas están guardadas; utilice el enlace personal de su invitación para continuar. Si lo ha perdido, responda a este mensaje y el equipo de investigación le enviará uno nuevo.

    Atentamente,
    El equipo de investigación

## Las opciones de las preguntas de opción única, por código

choice-yes = Sí
choice-no = No
choice-national = Nacional
choice-regional = Regional
choice-international = Internacional
choice-subnational = Subnacional
choice-civil-society = Sociedad civil
choice-private-sector = Sector privado
choice-committee = Comité
choice-commission = Comisión
choice-board = Junta
choice-task-force = Grupo de trabajo
choice-ombudsman-office = Defensoría del pueblo
choice-focal-point = Punto focal
choice-law = Ley que establece estructuras de prevención
choice-other = Otro
choice-constitution = Constitución
choice-statute = Ley
choice-decree = Decreto
choice-executive-order = Orden ejecutiva
choice-presidential-directive = Directiva presidencial
choice-gazette-notice = Aviso en la gaceta oficial
choice-ministerial-resolution = Resolución ministerial
choice-treaty = Tratado o protocolo
choice-chair = Presidencia
choice-member = Miembro
choice-observer = Observador
choice-secretariat = Secretaría
choice-partner = Socio
choice-none = Ninguna
choice-planned = Prevista
choice-partial = Parcial
choice-operational = Plenamente desempeñada

## El enlace del encuestado y los rechazos

respond-link-unusable = Este enlace no se puede usar
respond-link-unknown = Este enlace no lleva a ningún cuestionario. Compruebe que copió el enlace completo de la invitación.
respond-link-expired = Este enlace ha caducado. Escriba al equipo de investigación, que puede enviarle uno nuevo.
respond-link-revoked = Este enlace ha sido retirado. Escriba al equipo de investigación si aún desea responder.
respond-already-submitted = No se guardó nada: su respuesta ya fue enviada
respond-already-submitted-on = No se guardó nada. Su respuesta fue enviada el { $date } y está en manos del equipo de investigación, por lo que ya no puede modificarse aquí. Si hay algo que corregir, escriba al equipo de investigación; si le devuelven la respuesta, este enlace le permitirá modificarla de nuevo.
respond-already-submitted-undated = No se guardó nada. Su respuesta fue enviada y está en manos del equipo de investigación, por lo que ya no puede modificarse aquí. Si hay algo que corregir, escriba al equipo de investigación; si le devuelven la respuesta, este enlace le permitirá modificarla de nuevo.
respond-not-saved = No guardado
respond-draft-needs-attention = Sus respuestas se guardaron como borrador, pero algunas deben revisarse antes de poder enviarlas.
respond-row-added = Se añadió una fila vacía a «{ $group }».
respond-refused-notice = No se guardó nada: vea el mensaje más abajo. Sus respuestas se muestran tal como las escribió; elija de nuevo los archivos antes de guardar.
