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
respond-for-edition = para su edición { $edition }
respond-invited-by = su invitación fue enviada por { $name }
respond-answering = Responde
respond-about = sobre { $subject }
respond-period = Período que abarca
respond-answer-by = Responda antes del { $date }
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
