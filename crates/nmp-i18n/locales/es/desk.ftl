# Mensajes del espacio de trabajo (ediciones, cuestionarios, revisión, evaluaciones), en español:
# las mismas claves y parámetros que el inglés (en/desk.ftl).

## Palabras comunes a las páginas

dk-choose = — elegir —
dk-none-choice = — ninguno —
dk-none = Ninguno.
dk-public-page = página pública
dk-cancel = Cancelar
dk-col-edition = Edición
dk-col-title = Título
dk-col-state = Estado
dk-col-status = Estado
dk-col-due = Plazo
dk-col-when = Fecha
dk-col-kind = Tipo
dk-col-email = Correo electrónico
dk-col-action = Acción
dk-due-day = Plazo (AAAA-MM-DD)
dk-country = País
# Un rechazo que nombra el campo del formulario al que se refiere: «Plazo: …».
dk-field-problem = { $field }: { $problem }
dk-not-a-choice = { $given } no es una de las opciones

## Los campos que nombra un rechazo, por su etiqueta en la página (el inglés los nombra por su
## nombre en el formulario).

dk-field-title = Título
dk-field-edition = Edición
dk-field-edition-id = Edición
dk-field-framework-id = Marco
dk-field-due-on = Plazo
dk-field-raters = Evaluadores
dk-field-initiatives = Iniciativas
dk-field-mechanisms = Mecanismos
dk-field-countries = Países
dk-field-assessed-on = Fecha de la evaluación
dk-field-note = Instrucciones
dk-field-assignee-account-id = Asignar a
dk-field-country-iso3 = País
dk-field-profile-id = Perfil
dk-field-decision = Decisión
dk-field-version = Versión
dk-field-round = Ronda
dk-field-rater = Evaluador
dk-field-criterion = Criterio
dk-field-level = Nivel de consenso
dk-field-trend = Tendencia de consenso
dk-field-rationale = Justificación
dk-field-comment = Comentario
dk-field-state = Estado

## Las ediciones

dk-editions = Ediciones
dk-editions-intro = Publique una edición (la publicación congela una instantánea de todo lo que muestra), genere su informe (PDF, sitio estático, paquete de datos) y descargue los resultados, o previsualice el PDF provisional.
dk-editions-none = Todavía no hay ediciones.
dk-col-stage = Etapa
dk-col-data-frozen = Datos congelados
dk-col-builds = Generaciones
dk-edition-n = Edición { $slug }
dk-frozen-yes = sí: instantánea
dk-frozen-not-yet = todavía no
dk-edition-status-planning = Planificación
dk-edition-status-collecting = Recopilación
dk-edition-status-drafting = Redacción
dk-edition-status-review = Revisión
dk-edition-status-published = Publicada

## La página de una edición

dk-edition-stage = etapa: { $stage }
dk-edition-frozen = sus datos están congelados en NMP (instantánea sha256 { $hash }); las correcciones se publican como { $errata }
dk-edition-errata-link = fe de erratas
dk-edition-not-frozen = sus datos todavía no están congelados en NMP (la publicación los congela)
dk-publishing = Publicación
dk-published-note = Esta edición está publicada. Las generaciones parten de su instantánea congelada; a los lectores se les ofrece su generación definitiva más reciente en { $page }.
dk-its-public-page = su página pública
dk-unreconciled = { $count ->
    [one] { $count } problema en la evaluación de resultados: la publicación se rechaza mientras cada ronda de esta edición no esté conciliada, con cada consenso respaldado por elementos probatorios:
   *[other] { $count } problemas en la evaluación de resultados: la publicación se rechaza mientras cada ronda de esta edición no esté conciliada, con cada consenso respaldado por elementos probatorios:
}
dk-all-cited = Cada hecho que muestra esta edición tiene una cita.
dk-all-cited-publishable = Cada hecho que muestra esta edición tiene una cita: puede publicarse.
dk-uncited = { $count ->
    [one] { $count } hecho que muestra esta edición todavía no tiene cita; la publicación se rechaza hasta que se cite:
   *[other] { $count } hechos que muestra esta edición todavía no tienen cita; la publicación se rechaza hasta que se cite cada uno:
}
dk-publish-edition = Publicar la edición { $slug }
dk-publish-hint = Verá lo que se congela antes de confirmar; después, las filas de la edición ya no podrán modificarse.
dk-report = Informe
dk-preview = { $link } (la edición tal como está ahora, con cada página marcada como borrador).
dk-preview-link = Previsualizar el PDF provisional
dk-building = Generando: { $step }. Esta página se actualiza sola.
# Lo que hace una generación: «typeset the PDF: 24 pages; creando el sitio estático (12 s, iniciada por …)».
dk-build-step = { $step } ({ $seconds } s, iniciada por { $by })
dk-build-reading = leyendo la edición
dk-build-typesetting = componiendo el PDF
dk-build-site = creando el sitio estático
dk-build-package = empaquetando el paquete de datos
dk-build-writing = escribiendo los archivos
dk-build-failed = La última generación falló:
dk-mark-draft = marcar cada página como borrador
dk-build-draft-only = Sin publicar: la generación es un borrador, con cada página marcada como tal.
dk-build-report = Generar el informe
dk-no-builds = Todavía no hay generaciones.
dk-builds-caption = Generaciones, de la más reciente a la más antigua
dk-col-built = Generada
dk-col-by = Por
dk-col-pages = Páginas
dk-col-pdf-sha = sha256 del PDF
dk-col-seconds = Segundos
dk-col-download = Descargar
dk-build-draft = borrador
dk-build-final = definitiva
dk-download-all = todo (.zip: PDF, sitio, datos)
dk-errata = Fe de erratas
dk-no-errata = No hay erratas registradas.
dk-errata-caption = Fe de erratas, tal como la incluirá la próxima generación
dk-col-issued = Emitida
dk-col-where = Ubicación
dk-col-correction = Corrección
dk-not-recorded = No registrada: { $problem }
dk-issued-on = Emitida el
dk-issued-on-help = AAAA, AAAA-MM o AAAA-MM-DD.
dk-where-help = Una parte, un perfil, una tabla o una página.
dk-correction-help = Qué estaba mal y qué es lo correcto. La próxima generación la incluye en la fe de erratas.
dk-record-erratum = Registrar la errata
dk-errata-only-published = Solo una edición publicada tiene fe de erratas: una edición sin publicar se corrige en sus registros.
dk-no-such-edition = Edición inexistente
dk-no-such-edition-text = No existe la edición { $slug }.
dk-not-possible = No es posible
dk-back-to-edition = Volver a la edición
dk-build-running = Hay una generación en curso
dk-build-running-text = El informe de esta edición se está generando ahora; su página muestra el avance.
dk-no-such-build = Generación inexistente
dk-no-such-build-text = La edición { $slug } no tiene ninguna generación { $id } con un archivo { $file }.
dk-not-published-uncited = { $count ->
    [one] No publicada: { $count } hecho que muestra la edición todavía no tiene cita (véase abajo).
   *[other] No publicada: { $count } hechos que muestra la edición todavía no tienen cita (véase abajo).
}
dk-not-published-unreconciled = { $count ->
    [one] No publicada: { $count } problema en la evaluación de resultados: cada objetivo y cada criterio de las rondas de la edición necesitan un consenso respaldado por elementos probatorios (véase abajo).
   *[other] No publicada: { $count } problemas en la evaluación de resultados: cada objetivo y cada criterio de las rondas de la edición necesitan un consenso respaldado por elementos probatorios (véase abajo).
}

## La publicación de una edición

dk-publish-question = ¿Publicar la edición { $slug }?
dk-already-published = Ya está publicada.
dk-cannot-publish-yet = Todavía no puede publicarse: { $facts } y { $problems }, enumerados en la página de la edición.
dk-n-uncited-facts = { $count ->
    [one] { $count } hecho sin cita
   *[other] { $count } hechos sin cita
}
dk-n-outcome-problems = { $count ->
    [one] { $count } problema en la evaluación de resultados
   *[other] { $count } problemas en la evaluación de resultados
}
dk-publish-warning = La publicación { $undone }. Congela la edición tal como está ahora:
dk-cannot-be-undone = no puede deshacerse
dk-freeze-parts = { $chapters }, con { $profiles };
dk-freeze-parts-essays = { $chapters } y { $essays }, con { $profiles };
dk-n-chapters = { $count ->
    [one] { $count } capítulo
   *[other] { $count } capítulos
}
dk-n-essays = { $count ->
    [one] { $count } ensayo
   *[other] { $count } ensayos
}
dk-n-profiles = { $count ->
    [one] { $count } perfil de mecanismo
   *[other] { $count } perfiles de mecanismos
}
dk-freeze-figures = las cifras generales, mundiales y regionales, a la fecha del año de la edición;
dk-freeze-sources = { $count ->
    [one] { $count } fuente en la bibliografía, cada hecho con sus citas;
   *[other] { $count } fuentes en la bibliografía, cada hecho con sus citas;
}
dk-freeze-rounds = { $count ->
    [one] { $count } ronda de evaluación de resultados, con su consenso y la concordancia entre evaluadores;
   *[other] { $count } rondas de evaluación de resultados, con su consenso y la concordancia entre evaluadores;
}
dk-freeze-package = su paquete de datos, congelado con la instantánea.
dk-publish-after = A partir de entonces, las filas de la edición quedan bloqueadas: una corrección se convierte en una errata, que las generaciones posteriores incluyen. El informe se ofrece a los lectores en cuanto se genera.
dk-fingerprint = La huella de la instantánea, si nada cambia antes de que confirme: { $hash }.
dk-publish-yes = Sí, publicar la edición { $slug }

## Los cuestionarios

dk-questionnaires = Cuestionarios
dk-questionnaires-none = Todavía no hay cuestionarios.
dk-col-questionnaire = Cuestionario
dk-col-revision = Revisión
dk-col-invited = Invitados
dk-col-answered = Respuestas
dk-new-questionnaire = Nuevo cuestionario
dk-default-questionnaire = El cuestionario predeterminado pregunta por la identidad del mecanismo, su instrumento fundacional, su composición y las funciones de sus miembros, sus funciones, sus actividades durante el período, los desafíos y el papel de la sociedad civil, las organizaciones religiosas y el sector privado; cada respuesta alimenta el campo que nombra. Sus preguntas pueden modificarse hasta que llegue la primera respuesta.
dk-create-default = Crear el cuestionario predeterminado
dk-mail-link = Correo enviado y bandeja de salida
dk-not-done = No realizado
dk-choose-edition = elija una edición
dk-no-edition-chosen = esa edición no existe
dk-qn-status-draft = borrador
dk-qn-status-open = abierto
dk-qn-status-closed = cerrado

## La página de un cuestionario

dk-revision-n = Revisión { $n }
dk-responses-as = respuestas en { $csv } o { $xlsx }
dk-invitation-created = Invitación creada para { $name }.
dk-invite-sent = La invitación se envió por correo electrónico.
dk-invite-outbox = No hay ningún servidor SMTP configurado, así que la invitación se guardó en la bandeja de salida ({ $detail }); envíela usted mismo.
dk-invite-failed = No se pudo enviar la invitación ({ $detail }); entregue usted mismo el enlace al encuestado.
dk-personal-link = Enlace personal (solo se muestra ahora):
dk-no-reminders-due = No correspondía enviar ningún recordatorio.
dk-reminders-sent = Recordatorios: { $list }.
# Un recordatorio enviado: a quién, por qué (plazo próximo, vencido) y qué pasó con el correo.
dk-reminder-sent = { $to } ({ $why }, { $status })
dk-why-due-soon = plazo próximo
dk-why-overdue = vencido
dk-invitations = Invitaciones
dk-nobody-invited = Todavía no se ha invitado a nadie.
dk-col-respondent = Encuestado
dk-col-reminders = Recordatorios
dk-send-reminders = Enviar los recordatorios pendientes
dk-invite-respondent = Invitar a un encuestado
dk-name = Nombre
dk-organisation = Organización
dk-mechanism-prefills = Mecanismo (rellena de antemano las respuestas)
dk-form-language = Idioma del formulario y de los correos
dk-form-language-help = El encuestado puede cambiar el formulario a cualquiera de los otros dos idiomas.
dk-invite = Invitar
dk-questions = Preguntas
dk-col-key = Clave
dk-col-question = Pregunta
dk-col-feeds = Alimenta
dk-feeds-new-rows = { $table } (filas nuevas)
dk-feeds-kept = se conserva en la respuesta
dk-new-revision = Crear una nueva revisión
dk-inv-state-invited = invitado
dk-inv-state-draft = borrador guardado
dk-inv-state-submitted = enviada
dk-inv-state-has-issues = devuelta con observaciones
dk-inv-state-reviewed = revisada
dk-inv-state-revoked = revocada
dk-question-kind-short-text = texto corto
dk-question-kind-long-text = texto largo
dk-question-kind-single-choice = una opción
dk-question-kind-multiple-choice = varias opciones
dk-question-kind-yes-no = sí o no
dk-question-kind-number = número
dk-question-kind-date = fecha
dk-question-kind-file = archivo
dk-question-kind-group = grupo repetible

## Una respuesta

dk-response-of = Respuesta de { $name }
dk-language = Idioma
dk-language-note = { $language }: el formulario y los correos están en este idioma, al igual que las respuestas tal como se escribieron
dk-returned-with = Devuelta con
dk-answers = Respuestas
dk-no-answers = Todavía no hay respuestas.
dk-attached = Documentos adjuntos
dk-proposed-changes = Cambios propuestos
dk-no-proposed-changes = Ninguno: la respuesta no se ha enviado, o coincide con lo que ya contiene la plataforma.
# Una propuesta surgida de una respuesta: «Propuesta 12: crear organization “Nombre”, dependiente de la propuesta 11».
dk-proposal-line = { $proposal }: { $action } { $entity }{ $detail }
dk-under-proposal = , dependiente de la propuesta { $id }
dk-look-again = ¿Qué debe revisar de nuevo el encuestado?
dk-return-with-issues = Devolver con observaciones
dk-mark-reviewed = Marcar como revisada
dk-revoke-link = Revocar el enlace
dk-new-institution = El encuestado nombró instituciones que no están en la lista: la propuesta { $proposals } las crea (de tipo «otra» y del país de la invitación hasta que se corrijan), y las filas que las nombran se proponen bajo ella, para aprobarlas una vez que ella lo esté.
dk-new-institutions = El encuestado nombró instituciones que no están en la lista: las propuestas { $proposals } las crean (de tipo «otra» y del país de la invitación hasta que se corrijan), y las filas que las nombran se proponen bajo ellas, para aprobarlas una vez que ellas lo estén.
dk-new-mechanism = Esta respuesta describe un mecanismo que la plataforma todavía no registra: la propuesta { $proposal } lo crea, y los miembros, funciones y actividades que indica se proponen bajo ella, para aprobarlos una vez aprobado el mecanismo (rechazar el mecanismo también los rechaza). Las respuestas sobre el perfil de la edición (desafíos) y las que no alimentan ningún campo quedan con la respuesta, más abajo.
dk-new-mechanism-in = Esta respuesta describe un mecanismo que la plataforma todavía no registra en { $country }: la propuesta { $proposal } lo crea, y los miembros, funciones y actividades que indica se proponen bajo ella, para aprobarlos una vez aprobado el mecanismo (rechazar el mecanismo también los rechaza). Las respuestas sobre el perfil de la edición (desafíos) y las que no alimentan ningún campo quedan con la respuesta, más abajo.
dk-no-mechanism = Esta invitación no nombra ningún mecanismo: el encuestado describe uno que la plataforma todavía no registra, y al enviar su respuesta se propone crearlo, con sus miembros, funciones y actividades propuestos bajo él.
dk-no-mechanism-in = Esta invitación no nombra ningún mecanismo en { $country }: el encuestado describe uno que la plataforma todavía no registra, y al enviar su respuesta se propone crearlo, con sus miembros, funciones y actividades propuestos bajo él.

## El correo

dk-mail = Correo
dk-mail-smtp = El correo se envía por SMTP.
dk-mail-outbox = No hay ningún servidor SMTP configurado: los mensajes se guardan en la carpeta de la bandeja de salida { $folder } como archivos { $eml }; envíelos usted mismo.
dk-no-mail = Todavía no hay correo.
dk-col-to = Destinatario
dk-col-subject = Asunto
dk-col-detail = Detalle
dk-mail-kind-invitation = invitación
dk-mail-kind-reminder = recordatorio
dk-mail-kind-rating-reminder = recordatorio de calificación
dk-mail-kind-alert = alerta
dk-mail-status-sent = enviado
dk-mail-status-outbox = en la bandeja de salida
dk-mail-status-failed = fallido

## La cola de revisión y una propuesta

dk-review-queue = Cola de revisión
dk-no-proposals-waiting = No hay propuestas pendientes.
# El objeto de una propuesta: la tabla y el nombre del registro («Mecanismo: …»).
dk-what = { $table }: { $name }
dk-what-new = { $table }: { $name } (registro nuevo)
dk-col-change = Cambio
dk-col-proposed-by = Propuesta por
dk-by-respondent = { $name } (encuestado)
dk-by-invitation = encuestado (invitación { $invitation })
dk-action-create = Creación
dk-action-update = Modificación
dk-action-delete = Eliminación
dk-proposal-action-create = crear
dk-proposal-action-update = modificar
dk-proposal-action-delete = eliminar
dk-proposal-state-draft = borrador
dk-proposal-state-proposed = propuesta
dk-proposal-state-approved = aprobada
dk-proposal-state-rejected = rechazada
dk-proposal-n = Propuesta { $id }
dk-proposal-n-lower = propuesta { $id }
dk-proposal-title = Propuesta { $id }: { $action } · { $what }
dk-decision = Decisión
# Quién decidió una propuesta: «aprobada por Nombre el 2026-11-25 10:04 UTC».
dk-decided = { $state } por { $name } el { $when }
dk-editor-comment = Comentario del editor
dk-proposer-note = Nota de quien propone
dk-parent = Esta fila depende de un nuevo registro de tipo { $entity }, propuesto en la { $proposal } ({ $state }).
dk-parent-pending = Esta fila depende de un nuevo registro de tipo { $entity }, propuesto en la { $proposal } ({ $state }): apruebe primero esa propuesta, y esta fila apuntará al registro que cree.
dk-parent-named = Esta fila depende de un nuevo registro de tipo { $entity }, «{ $name }», propuesto en la { $proposal } ({ $state }).
dk-parent-named-pending = Esta fila depende de un nuevo registro de tipo { $entity }, «{ $name }», propuesto en la { $proposal } ({ $state }): apruebe primero esa propuesta, y esta fila apuntará al registro que cree.
dk-moved-on = El registro ha cambiado desde que se hizo esta propuesta: la columna «Antes» es lo que vio quien propone, «Ahora» es el registro hoy.
dk-col-field = Campo
dk-col-before = Antes
dk-col-proposed = Propuesto
dk-col-now = Ahora
dk-empty = vacío
dk-source = Fuente:
dk-none-given = no se indica
dk-source-gone = fuente { $id } (ya no existe)
dk-new-source = nueva fuente: { $title } ({ $slug })
dk-supports-field = ; respalda el campo «{ $field }»
dk-cited-at = ; en { $where }
dk-cited-quote = ; cita: «{ $quote }»
dk-attached-to-response = Documentos adjuntos a la respuesta
dk-open-record = Abrir el registro
dk-comment-for-proposer = Comentario para quien propone
dk-approve = Aprobar
dk-reject = Rechazar
dk-own-proposals-only = Puede ver sus propias propuestas; la cola de revisión es para los editores y revisores.
dk-your-workspace = Su espacio de trabajo
dk-not-a-decision = { $given } no es «approve» ni «reject»
dk-reload-and-decide = vuelva a cargar la página y decida de nuevo
dk-record-changed = El registro cambió después de hacerse esta propuesta, así que aprobarla sobrescribiría el cambio de otra persona. No se escribió nada. Compare abajo los valores propuestos y los actuales, y después recházela con un comentario (quien propone puede volver a proponer a partir de la versión actual).
dk-decided-first = Otra persona decidió primero sobre esta propuesta; vea el resultado abajo.
dk-not-approved = No aprobada: { $problems }

## Las evaluaciones

dk-assessments = Evaluaciones
dk-assessments-intro = Evaluaciones de resultados (iniciativas, mecanismos) y evaluaciones cualitativas de riesgos (países, según el Marco de análisis para crímenes atroces de la ONU). Los evaluadores califican cada objetivo de una ronda en cada criterio de su marco, con elementos probatorios, sin ver las calificaciones de los demás hasta haber enviado las suyas. Después, los editores concilian: solo se publica el consenso.
dk-rounds = Rondas
dk-your-rounds = Sus rondas
dk-no-round = Todavía no se ha abierto ninguna ronda.
dk-not-a-rater = No es evaluador en ninguna ronda.
dk-col-round = Ronda
dk-col-framework = Marco
dk-col-progress = Avance
# El avance de una ronda visto por un editor.
dk-progress = calificaciones enviadas: { $submitted } de { $submissions }; consenso: { $consensus } de { $cells }
dk-progress-rater = objetivos calificados: { $done } de { $targets }
dk-round-state-open = abierta
dk-round-state-closed = cerrada
dk-frameworks = Marcos
dk-frameworks-intro = Una versión de un marco queda congelada en cuanto la usa una calificación enviada; para cambiarla, cópiela en una nueva versión y modifique esta. Los criterios y los niveles se modifican en { $criteria } y { $levels }.
dk-records-criterion = Registros › Criterio
dk-criterion-level = Nivel de criterio
dk-no-framework = Todavía no hay marcos: añada uno en { $link }.
dk-records-framework = Registros › Marco
dk-col-criteria = Criterios
dk-framework-frozen = congelado (usado por calificaciones enviadas)
dk-framework-editable = modificable
dk-copy-framework = Copiar como nueva versión
dk-open-a-round = Abrir una ronda
dk-open-round = Abrir la ronda
dk-round-not-opened = La ronda no se abrió. Corrija lo siguiente:
dk-choose-framework = elija un marco
dk-raters-two = Evaluadores (al menos dos)
dk-initiatives-to-rate = Iniciativas que calificar
dk-no-initiative = Todavía no hay ninguna iniciativa registrada.
dk-mechanisms-to-rate = Mecanismos que calificar (sus funciones)
dk-mechanisms = Mecanismos
dk-countries-to-assess = Países que evaluar (una evaluación cualitativa de riesgos)
dk-countries-help = Con el Marco de análisis de la ONU, los evaluadores asignan a cada factor de riesgo de un país un nivel y una tendencia (en aumento, estable, en descenso). Elija el marco «{ $framework }».
dk-countries-choose = Países (elija uno o varios)
dk-assessed-on = Fecha de la evaluación: el día al que se refiere la evaluación (AAAA-MM-DD)
dk-instructions-raters = Instrucciones para los evaluadores

## Una ronda

dk-round-open = abierta: los evaluadores están calificando
dk-round-closed = cerrada: ya no se aceptan calificaciones
dk-col-raters = Evaluadores
dk-targets = Objetivos
dk-col-target = Objetivo
dk-col-submitted = Envíos
dk-col-your-rating = Su calificación
dk-col-consensus = Consenso
dk-target-kind-country = país
dk-target-kind-initiative = iniciativa
dk-target-kind-mechanism = mecanismo
dk-submitted = enviada
dk-pending = pendiente
dk-rate-it = calificarlo
dk-consensus-of = criterios: { $done } de { $total }
dk-agreement = Concordancia entre evaluadores
dk-agreement-intro = Alfa de Krippendorff para datos ordinales (1 es una concordancia perfecta, 0 una concordancia no mejor que el azar; α ≥ 0,800 es fiable, entre 0,667 y 0,800 permite conclusiones provisionales) y la proporción de pares de calificaciones que coinciden. Las unidades son los objetivos calificados por al menos dos evaluadores.
dk-col-criterion = Criterio
dk-col-alpha = Alfa (ordinal)
dk-col-agreement = Concordancia
dk-col-units = Unidades
dk-col-ratings = Calificaciones
dk-all-criteria = Todos los criterios
dk-trends-all-criteria = Tendencias, todos los criterios (en descenso < estable < en aumento)
dk-undefined = no definido
dk-disagreements = Dónde discrepan los evaluadores
dk-no-disagreement = No hay discrepancias entre las calificaciones enviadas hasta ahora.
dk-disagreements-intro = Las mayores discrepancias primero (diferencia cuadrática media entre los rangos de cada par de calificaciones).
dk-col-spread = Dispersión
dk-reconcile = conciliar
dk-before-publishing = Antes de que pueda publicarse la edición
dk-all-reconciled = Cada objetivo tiene un consenso respaldado por elementos probatorios en cada criterio.
dk-round = Ronda
dk-release-ratings = Difundir las calificaciones individuales en el paquete de datos de la edición (con los seudónimos R1, R2…)
dk-closing-releases = Cerrar una ronda que evalúa países publica sus evaluaciones conciliadas: cada una aparece en la página pública de su país.
dk-close-round = Cerrar la ronda
dk-reopen-round = Reabrir la ronda
dk-remind-raters = Enviar un recordatorio a los evaluadores que no han terminado
dk-no-rater-reminders = Cada evaluador ha calificado cada objetivo: no se envió ningún recordatorio.
dk-raters-reminded = Recordatorios enviados: { $list }.
# Un evaluador al que se recordó: a quién, cuántos objetivos le quedan, qué pasó con el correo.
dk-rater-reminded = { $to } ({ $left } pendientes, { $status })
dk-not-rater-of-round = usted no es evaluador de esta ronda

## Un objetivo de una ronda

dk-target-initiative = Iniciativa: { $page }
dk-target-country = País: { $page }
dk-target-mechanism = Mecanismo: { $page }
dk-target-framework = Marco: { $framework }
dk-nothing-saved = No se guardó nada. Corrija lo siguiente:
dk-rate-every = Califique cada criterio con un nivel, su justificación y al menos un elemento probatorio. Solo verá las calificaciones de los demás evaluadores después de enviar las suyas, y un envío es definitivo.
dk-rate-every-country = Califique cada criterio con un nivel y una tendencia, su justificación y al menos un elemento probatorio. Solo verá las calificaciones de los demás evaluadores después de enviar las suyas, y un envío es definitivo.
dk-level-of = Nivel de { $criterion }
dk-trend-of = Tendencia de { $criterion }
dk-trend-rising = En aumento
dk-trend-steady = Estable
dk-trend-falling = En descenso
dk-why-level = Por qué este nivel
dk-why-level-trend = Por qué este nivel y esta tendencia
dk-evidence-source = Elemento probatorio { $n }: fuente
dk-where-in-it-page = Dónde en la fuente (página, sección)
dk-where-in-it = Dónde en la fuente
dk-quote = Cita
dk-submit-ratings = Enviar mis calificaciones
dk-closed-not-rated = La ronda está cerrada; usted no calificó este objetivo.
dk-no-rating-yet = Todavía no se ha enviado ninguna calificación.
dk-col-rater = Evaluador
dk-col-level = Nivel
dk-col-trend = Tendencia
dk-col-rationale = Justificación
dk-col-evidence = Elementos probatorios
dk-change-consensus = Cambiar el consenso de { $criterion }
dk-record-consensus = Registrar el consenso de { $criterion }
dk-consensus-level = Nivel de consenso
dk-consensus-trend = Tendencia de consenso
dk-consensus-rationale = Justificación (cómo se resolvió la discrepancia)
dk-save-consensus = Guardar el consenso
dk-only-raters-rate = solo los evaluadores de esta ronda califican sus objetivos
dk-back-to-round = Volver a la ronda

## Las asignaciones

dk-assignments = Asignaciones
dk-my-assignments = Mis asignaciones
dk-overdue-only = Solo se muestran las asignaciones vencidas.
dk-show-all = Mostrar todas
dk-show-overdue = Mostrar solo las vencidas
dk-no-assignments = No hay asignaciones.
dk-no-assignments-overdue = No hay asignaciones vencidas.
dk-col-what = Qué
dk-col-assigned-to = Asignada a
dk-assigned-country = País: { $name }
dk-assigned-profile = Perfil: { $name }
dk-overdue = vencida
dk-mark-done = Marcar como terminada
dk-assignment-state-open = abierta
dk-assignment-state-done = terminada
dk-new-assignment = Nueva asignación
dk-not-assigned = No se asignó. Corrija lo siguiente:
dk-assign-to = Asignar a
dk-country-or-profile = Un país, o un perfil abajo: no ambos.
dk-profile = Perfil
dk-instructions = Instrucciones
dk-assign = Asignar
dk-choose-person = elija una persona
