## Ensayos de expertos: la página del autor, los correos y las cartas (issue 20)

es-stage-invited = Invitado
es-stage-submitted = Enviado
es-stage-in-review = En evaluación
es-stage-revisions = Revisiones solicitadas
es-stage-accepted = Aceptado
es-stage-copyediting = Corrección de estilo
es-stage-proofs = Pruebas
es-stage-ready = Listo para publicar
es-stage-published = Publicado
es-stage-declined = Declinado
es-decision-accept = Aceptar
es-decision-minor-revisions = Revisiones menores
es-decision-major-revisions = Revisiones mayores
es-decision-reject = Rechazar

dk-mail-kind-essay-invitation = invitación a escribir
dk-mail-kind-essay-review = solicitud de evaluación
dk-mail-kind-essay-decision = carta de decisión
dk-mail-kind-essay-proofs = pruebas
dk-mail-kind-essay-reminder = recordatorio (ensayo)

ea-title = Su ensayo para { $edition }
ea-call = Convocatoria de ensayos
ea-call-about = Sobre la convocatoria
ea-due = Plazo
ea-stage = Estado de su ensayo
ea-invited-text = Los editores le invitan a escribir un ensayo de experto para esta edición. Acepte o decline; también puede enviar directamente su manuscrito, lo que equivale a aceptar.
ea-accept = Aceptar la invitación
ea-decline = Declinar la invitación
ea-decline-note = Una nota para los editores (opcional)
ea-accepted = Ha aceptado la invitación. Envíe su manuscrito abajo cuando esté listo.
ea-declined = Este ensayo está cerrado: declinó la invitación, o los editores decidieron no publicarlo. Gracias.
ea-submit-heading = Su manuscrito
ea-revise-heading = Su manuscrito revisado
ea-field-title = Título
ea-field-abstract = Resumen (300 palabras como máximo)
ea-field-keywords = Palabras clave, separadas por comas
ea-authors = Autores
ea-author-n = Autor { $n }
ea-author-name = Nombre
ea-author-affiliation = Afiliación
ea-author-orcid = Identificador ORCID (opcional)
ea-field-competing = Conflictos de intereses
ea-competing-hint = Escriba «Ninguno declarado.» si no los hay.
ea-field-licence = Acepto que el ensayo se publique bajo la licencia de la edición: { $licence }.
ea-field-body = Texto, en Markdown
ea-body-hint = Los títulos empiezan con #, la cursiva es *palabra*, las notas son [^1] con una línea «[^1]: la nota» más abajo. Cite una fuente de la plataforma como [@slug-de-la-fuente, p. 4] y una ficha como [@mechanism:slug] (también initiative, network, country, organization, edition, indicator).
ea-field-docx = O un archivo Word (.docx): se convierte a Markdown y se muestra en el cuadro de texto para que lo revise antes de enviarlo.
ea-convert = Convertir el archivo Word
ea-converted = Su archivo Word «{ $file }» se ha convertido. Revise el texto abajo y envíelo.
ea-send = Enviar el manuscrito
ea-submitted = Gracias: se recibió la versión { $number }. Los editores le escribirán.
ea-not-saved = No se envió nada. Corrija lo que se señala abajo; su texto se conserva.
ea-letters = Cartas de los editores
ea-reviews = Comentarios de los evaluadores
ea-reviewer-n = Evaluador { $n }
ea-proofs-heading = Pruebas
ea-proofs-text = Lea las pruebas abajo: el ensayo tal como se publicará. Apruébelas o indique qué debe cambiar.
ea-changes-heading = Los cambios del corrector
ea-approve = Aprobar las pruebas
ea-request = Pedir cambios
ea-proofs-note = Qué debe cambiar
ea-ready = Ha aprobado las pruebas. El ensayo aparecerá cuando se publique la edición.
ea-published = Su ensayo está publicado.
ea-waiting = Los editores están leyendo su manuscrito. Le escribirán por correo.
ea-versions = Sus versiones
ea-version-line = Versión { $number }: { $kind }

essay-mail-invitation-subject = Invitación a escribir un ensayo: { $edition }
essay-mail-invitation-body =
    Estimado/a { $name }:

    Los editores de «{ $edition }» le invitan a escribir un ensayo de experto. El tema de la convocatoria:

      { $theme }

    { $description }

    Envíe su manuscrito antes del { $due }. Su enlace personal, donde acepta o declina, envía su manuscrito (en Markdown o como archivo Word), lee las cartas de los editores y aprueba las pruebas (no lo comparta):

      { $link }

    Con nuestro agradecimiento,
    { $editor }
essay-mail-review-subject = Solicitud de evaluación: { $title }
essay-mail-review-body =
    Estimado/a { $name }:

    Los editores de «{ $edition }» le piden evaluar el ensayo «{ $title }» antes del { $due }. Su enlace personal, donde lee el ensayo y los datos detrás de lo que cita, y envía su informe (no lo comparta):

      { $link }

    Con nuestro agradecimiento,
    { $editor }
essay-mail-review-body-staff =
    Estimado/a { $name }:

    Los editores de «{ $edition }» le piden que evalúe el ensayo «{ $title }» antes del { $due }. Inicie sesión en NMP para leer el ensayo y los datos de lo que cita, y enviar su informe:

      { $link }

    Muchas gracias,
    { $editor }
essay-mail-decision-subject = Decisión sobre su ensayo: { $title }
essay-mail-proofs-subject = Pruebas de su ensayo: { $title }
essay-mail-proofs-body =
    Estimado/a { $name }:

    Las pruebas de su ensayo «{ $title }» están listas. Abra el enlace personal de su invitación ({ $hint }), léalas y apruébelas o indique qué debe cambiar.

    Con nuestro agradecimiento,
    { $editor }
essay-mail-reminder-subject-soon = Recordatorio (plazo: { $due }): { $title }
essay-mail-reminder-subject-overdue = Recordatorio (plazo vencido): { $title }
essay-mail-reminder-invited =
    Estimado/a { $name }:

    Le recordamos que su ensayo para «{ $edition }» debe entregarse el { $due }. Utilice el enlace personal de la invitación que le enviamos el { $sent } para aceptar o declinar la invitación y enviar su manuscrito. Si lo ha perdido, responda a este mensaje y los editores le ayudarán.

    Con nuestro agradecimiento,
    Los editores de «{ $edition }»
essay-mail-reminder-revisions =
    Estimado/a { $name }:

    Le recordamos que la versión revisada de su ensayo «{ $title }» debe entregarse el { $due }. La carta de los editores y los comentarios de los evaluadores están en su página: utilice el enlace personal de la invitación que le enviamos el { $sent } para leerlos y enviar su revisión. Si lo ha perdido, responda a este mensaje y los editores le ayudarán.

    Con nuestro agradecimiento,
    Los editores de «{ $edition }»
essay-mail-reminder-proofs =
    Estimado/a { $name }:

    Le recordamos que las pruebas de su ensayo «{ $title }» esperan su respuesta, con plazo el { $due }. Utilice el enlace personal de la invitación que le enviamos el { $sent } para leerlas, y apruébelas o indique qué debe cambiar. Si lo ha perdido, responda a este mensaje y los editores le ayudarán.

    Con nuestro agradecimiento,
    Los editores de «{ $edition }»
essay-mail-reminder-review =
    Estimado/a { $name }:

    Le recordamos que su evaluación del ensayo «{ $title }» para «{ $edition }» debe entregarse el { $due }. Utilice el enlace personal de la solicitud de evaluación que le enviamos el { $sent } para leer el ensayo y enviar su informe. Si lo ha perdido, responda a este mensaje y los editores le ayudarán.

    Con nuestro agradecimiento,
    Los editores de «{ $edition }»

essay-letter-accept =
    Estimado/a { $name }:

    Me complace comunicarle que su ensayo «{ $title }» ha sido aceptado para su publicación. Un corrector lo preparará y después recibirá las pruebas para aprobarlas.

    Con nuestro agradecimiento,
    { $editor }
essay-letter-minor =
    Estimado/a { $name }:

    Gracias por su ensayo «{ $title }». Los evaluadores recomiendan revisiones menores: sus comentarios están en su página. Envíe una versión revisada con su enlace personal.

    Con nuestro agradecimiento,
    { $editor }
essay-letter-major =
    Estimado/a { $name }:

    Gracias por su ensayo «{ $title }». Los evaluadores piden revisiones mayores antes de poder aceptarlo: sus comentarios están en su página. Envíe una versión revisada con su enlace personal; se evaluará de nuevo.

    Con nuestro agradecimiento,
    { $editor }
essay-letter-reject =
    Estimado/a { $name }:

    Gracias por su ensayo «{ $title }». Lamentamos no poder publicarlo en esta edición. Los comentarios de los evaluadores están en su página.

    Con nuestro agradecimiento,
    { $editor }

ea-notes = Notas
ea-figure = Figura
es-kind-submission = Envío
es-kind-revision = Revisión
es-kind-copyedit = Corrección de estilo
dk-essays = Ensayos de expertos

# Headings of a published essay's abstract and keywords
ep-abstract = Resumen
ep-keywords = Palabras clave

# The proofs as the pages of the draft report (/essay/{token}/proofs.pdf)
ea-proofs-pdf = Las páginas de su ensayo tal como se imprimirán en el informe (PDF, según el borrador actual)
ea-proofs-pdf-none-title = No hay pruebas que mostrar
ea-proofs-pdf-none = Su ensayo no está en la etapa de pruebas: no hay páginas impresas que mostrar. El enlace de su página las muestra cuando los editores le envían las pruebas.
ea-proofs-pdf-failed = El borrador del informe no se pudo componer en este momento. Inténtelo de nuevo más tarde; si sigue fallando, responda al correo de los editores. También puede aprobar las pruebas a partir del texto de su página.

# How the author's page names a refused field
ea-err-body = Texto
ea-err-licence = Licencia
ea-err-docx = Archivo Word
ea-err-orcid = Identificador ORCID
