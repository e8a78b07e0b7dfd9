# Mensajes de esta parte del sitio, en español: las mismas claves y parámetros que el inglés (en/staff.ftl).

## Páginas de inicio de sesión (/login, /account, /account/two-factor...)

auth-sign-in = Iniciar sesión
auth-sign-out = Cerrar sesión
auth-login-intro = Para las cuentas del equipo de investigación. Para leer el informe y sus datos no se necesita ninguna cuenta.
auth-email = Correo electrónico
auth-password = Contraseña
auth-forgot = ¿Olvidó su contraseña?
auth-account-title = Su cuenta
auth-name = Nombre
auth-role = Rol
auth-two-factor = Autenticación en dos pasos
auth-on = Activada
auth-off = Desactivada
auth-your-workspace = Su espacio de trabajo
auth-change-your-password = Cambiar su contraseña
auth-code-title = Su código de inicio de sesión
auth-code-intro = La contraseña de { $email } es correcta. Escriba el código de 6 dígitos que muestra ahora su aplicación de autenticación, o uno de sus códigos de recuperación. Este paso termina a los 5 minutos o tras 5 códigos incorrectos.
auth-code = Código
auth-code-lost = ¿Perdió su teléfono y sus códigos de recuperación? Un administrador puede restablecer su segundo factor.
auth-start-again = Volver a empezar
auth-current-password = Contraseña actual
auth-new-password = Nueva contraseña (al menos { $min } caracteres)
auth-new-password-again = Repita la nueva contraseña
auth-change-password = Cambiar la contraseña
auth-back-to-account = Volver a su cuenta
auth-recovery-title = Sus códigos de recuperación
auth-recovery-replace = Estos códigos sustituyen a sus antiguos códigos de recuperación, que ya no funcionan.
auth-recovery-save = Guarde estos códigos ahora: solo se muestran esta vez.
auth-recovery-how = Imprímalos o guárdelos en un gestor de contraseñas. Cada uno sirve una sola vez, en lugar de un código de su aplicación, si pierde su teléfono.
auth-reset-sent = Si hay una cuenta activa con este correo, se ha preparado un enlace para restablecer su contraseña.
auth-reset-no-mail = Este sitio todavía no envía correos. Pida el enlace a un administrador: puede emitir
    uno nuevo con { $command }.
# El correo que se indica en la orden del administrador (nmp user reset --email SU-CORREO).
auth-reset-your-email = SU-CORREO
auth-reset-ask = Pedir un enlace para restablecerla
auth-back-to-sign-in = Volver al inicio de sesión
auth-set-title = Establecer su contraseña
auth-set-intro = Para la cuenta { $email }. Este enlace solo funciona una vez.
auth-set-password = Establecer la contraseña

## El segundo factor ($state es una de las palabras auth-2fa-state-, en negrita)

auth-2fa-state-on = activada
auth-2fa-state-off = desactivada
auth-2fa-state-setting-up = en configuración
auth-2fa-is = La autenticación en dos pasos está { $state }.
auth-2fa-on-since = La autenticación en dos pasos está { $state } (desde el { $since }). Después de su contraseña, escribe el código que muestra su aplicación de autenticación, o un código de recuperación.
auth-2fa-unused = Códigos de recuperación sin usar: { $left } de { $total }.
auth-2fa-make-soon = Genere códigos nuevos pronto.
auth-2fa-new-codes = Nuevos códigos de recuperación
auth-2fa-new-codes-intro = Genera { $count } códigos nuevos; los anteriores dejan de funcionar.
auth-2fa-current-code = Código actual de su aplicación
auth-2fa-make-codes = Generar nuevos códigos de recuperación
auth-2fa-off-heading = Desactivación
auth-2fa-required-off = Su rol exige iniciar sesión con un segundo factor: después de desactivarla, se le pedirá que vuelva a configurarla (con un teléfono nuevo, por ejemplo) antes que nada.
auth-your-password = Su contraseña
auth-2fa-off-code = Código de su aplicación, o un código de recuperación
auth-2fa-switch-off = Desactivar la autenticación en dos pasos
auth-2fa-setting-up = La autenticación en dos pasos está { $state }. No se activará hasta que la confirme a continuación.
auth-2fa-step-app = Abra una aplicación de autenticación en su teléfono (cualquier aplicación de códigos «TOTP»: FreeOTP, Aegis, Google Authenticator, 1Password…) y añada una cuenta.
auth-2fa-step-scan = Escanee este código QR, o escriba la clave a mano.
auth-2fa-step-scan-no-qr = Escanee este código QR (no se pudo dibujar: use la clave que figura abajo), o escriba la clave a mano.
auth-2fa-qr-alt = Código QR de su clave de inicio de sesión, para una aplicación de autenticación
auth-2fa-key = Clave (escríbala sin espacios; basada en la hora, 6 dígitos, cada 30 segundos):
auth-2fa-link-intro = O, en un teléfono, abra este enlace con su aplicación:
auth-2fa-link = añadir a la aplicación de autenticación
auth-2fa-step-confirm = Escriba el código de 6 dígitos que muestra ahora la aplicación, para confirmar.
auth-2fa-code-from-app = Código de su aplicación
auth-2fa-confirm = Confirmar y activar
auth-2fa-keep-key = No comparta esta clave: cualquiera que la tenga puede generar sus códigos. Volver a empezar crea una clave nueva.
auth-2fa-start-again = Volver a empezar con una clave nueva
auth-2fa-required = Su rol exige iniciar sesión con un segundo factor. Configúrelo ahora para acceder al espacio de trabajo.
auth-2fa-off-intro = La autenticación en dos pasos está { $state }. Con ella activada, para iniciar sesión se necesitan su contraseña y un código de una aplicación de autenticación de su teléfono, de modo que una contraseña robada no basta.
auth-2fa-setup-intro = Configurarla lleva un minuto: escanea un código QR con la aplicación, escribe el código que muestra y guarda { $count } códigos de recuperación para cuando no tenga su teléfono.
auth-2fa-set-up = Configurar la autenticación en dos pasos

## Resultados del inicio de sesión y negativas

auth-bad-credentials = El correo electrónico o la contraseña no son correctos.
auth-throttled = { $seconds ->
    [one] Demasiados intentos fallidos de inicio de sesión desde su conexión. Espere { $seconds } segundo y vuelva a intentarlo, o restablezca su contraseña.
   *[other] Demasiados intentos fallidos de inicio de sesión desde su conexión. Espere { $seconds } segundos y vuelva a intentarlo, o restablezca su contraseña.
}
auth-wrong-current-password = La contraseña actual no es correcta.
auth-wrong-code = El código no es correcto. Escriba el código que muestra ahora su aplicación de autenticación, o uno de sus códigos de recuperación.
auth-code-used = Este código ya se ha usado. Espere al siguiente (los códigos cambian cada 30 segundos), o use un código de recuperación.
auth-sign-in-expired = Este inicio de sesión ha terminado: duró más de 5 minutos o tuvo demasiados códigos incorrectos. Vuelva a iniciar sesión con su contraseña.
auth-link-unusable = Este enlace no se puede usar
auth-link-unknown = Este enlace no es válido. Compruebe que lo copió entero, o pida uno nuevo a un administrador.
auth-link-used = Este enlace ya se ha usado. Cada enlace funciona una sola vez; pida uno nuevo a un administrador, o use «¿Olvidó su contraseña?».
auth-link-expired = Este enlace ha caducado. Pida uno nuevo a un administrador, o use «¿Olvidó su contraseña?».
auth-password-too-short = { $field }: la contraseña debe tener al menos { $min } caracteres
auth-password-too-long = { $field }: la contraseña debe tener como máximo { $max } caracteres
auth-refused-already-on-move = La autenticación en dos pasos ya está activada. Desactívela primero para pasarla a otra aplicación.
auth-refused-already-on = La autenticación en dos pasos ya está activada.
auth-refused-no-setup = Empiece primero a configurar la autenticación en dos pasos: no se encontró la configuración (puede que se haya restablecido).
auth-refused-setup-changed = La configuración cambió entretanto (¿en otra ventana?). Vuelva a cargar la página y empiece de nuevo.
auth-refused-not-on = La autenticación en dos pasos no está activada para esta cuenta.
auth-refused-own-role = No puede cambiar su propio rol: debe hacerlo otro administrador, para que siempre quede un administrador.
auth-refused-own-account = No puede desactivar su propia cuenta: debe hacerlo otro administrador.
auth-refused-deactivated = Esta cuenta está desactivada: reactívela antes de emitir un enlace.
auth-sign-in-again = Vuelva a iniciar sesión
auth-wait = Espere un momento
auth-new-passwords-differ = Las dos contraseñas nuevas no coinciden.
auth-passwords-differ = Las dos contraseñas no coinciden.
auth-password-changed = Contraseña cambiada
auth-password-changed-text = Su contraseña se ha cambiado.
auth-password-set = Contraseña establecida
auth-password-set-text = Su contraseña se ha establecido. Ya puede iniciar sesión.
auth-role-refused = El rol de su cuenta no da acceso a esta página.
auth-not-allowed = Acceso denegado
auth-form-expired = Formulario caducado
auth-form-expired-text = Este formulario ha caducado o no procede de este sitio. Vuelva atrás, recargue la página e inténtelo de nuevo.
auth-not-saved = No se ha guardado
auth-changed-by-someone = Modificado por otra persona

## Navegación del espacio de trabajo y palabras comunes

st-nav-label = Espacio de trabajo
st-nav-overview = Resumen
st-nav-records = Registros
st-nav-import = Importar
st-nav-assignments = Asignaciones
st-nav-assessments = Evaluaciones
st-nav-watchlist = Lista de seguimiento
st-nav-review = Cola de revisión
st-nav-audit = Registro de auditoría
st-nav-questionnaires = Cuestionarios
st-nav-sources = Fuentes
st-nav-editions = Ediciones
st-nav-accounts = Cuentas
st-nav-sign-ins = Inicios de sesión fallidos
st-nav-account = Cuenta
st-search-title = Buscar en el espacio de trabajo
st-search-title-for = Buscar en el espacio de trabajo: { $query }
st-search = Buscar
st-search-intro = Todo lo que encuentra la búsqueda pública, además de los perfiles y las partes de las ediciones no publicadas y el texto de los documentos adjuntos a las respuestas de los cuestionarios.
st-date = Fecha
st-what = Qué
st-alert = Alerta
st-action = Acción
st-edition = Edición
st-due = Vencimiento
st-state = Estado
st-round = Ronda
st-progress = Avance
st-change = Cambio
st-made = Fecha
st-outcome = Resultado
st-record = Registro
st-country = País
st-version = Versión
st-history = Historial
st-history-link = historial
st-table = Tabla
st-field = Campo
st-source = Fuente
st-when = Cuándo
st-who = Quién
st-what-changed = Qué cambió
st-change-field = { $field }:
st-empty = vacío
st-none-word = ninguno
st-save = Guardar
st-upload = Subir
st-cancel = Cancelar
st-filter = Filtrar
st-find = Buscar
st-find-by-name = Buscar por nombre, identificador o sigla
st-required = (obligatorio)
st-choose = — elegir —
st-none = — ninguno —
st-page-of = Página { $page } de { $pages }
st-newer = más recientes
st-older = más antiguos
st-previous = anterior
st-next = siguiente
st-yes = sí
st-on = activada
st-off = desactivada
st-never = nunca
st-not-saved = No se ha guardado nada. Corrija lo siguiente:
st-not-created = No se ha creado la cuenta. Corrija lo siguiente:
st-not-done = No se ha hecho
st-not-deleted = No se ha eliminado
st-problem = { $field }: { $text }
st-mark-read = Marcar como leída
st-mark-all-read = Marcar todas como leídas
st-your-watchlist = Su lista de seguimiento
st-overdue = vencida
st-unknown-role = (rol desconocido)

## Roles de las cuentas, por código

st-role-admin = Administrador
st-role-editor = Editor
st-role-researcher = Investigador
st-role-student = Estudiante investigador
st-role-reviewer = Revisor
st-role-partner = Personal de una organización asociada

## Estados y acciones, por código (el inglés muestra el propio código)

st-assignment-state-open = abierta
st-assignment-state-done = terminada
st-round-state-open = abierta
st-round-state-closed = cerrada
st-proposal-state-draft = borrador
st-proposal-state-proposed = propuesta
st-proposal-state-approved = aprobada
st-proposal-state-rejected = rechazada
st-action-create = Creación
st-action-update = Modificación
st-action-delete = Eliminación
st-action-change = Cambio
st-event-create = creación
st-event-update = modificación
st-event-delete = eliminación
st-event-publish = publicación
st-event-expire = caducidad
st-event-enable = activación
st-event-disable = desactivación
st-event-renew = renovación
st-event-reset = restablecimiento
st-event-use = uso
st-outcome-dead = roto
st-outcome-error = error
st-outcome-changed = modificado
st-outcome-redirected = redirigido
st-outcome-ok = ok
st-outcome-unchecked = sin comprobar
st-row-create = creación
st-row-update = modificación
st-row-unchanged = sin cambios

## El resumen (/staff)

st-dashboard-queue = { $count ->
    [one] { $count } propuesta pendiente de revisión
   *[other] { $count } propuestas pendientes de revisión
}
st-dashboard-alerts = Alertas de la lista de seguimiento
st-dashboard-no-alerts = No hay alertas sin leer.
st-dashboard-assignments = Mis asignaciones
st-dashboard-no-assignments = No tiene asignaciones.
st-dashboard-rounds = Rondas de evaluación
st-dashboard-proposals = Mis propuestas
st-dashboard-no-proposals = No ha propuesto ningún cambio.

## Cuentas (/staff/accounts)

st-accounts-intro = Todas las personas que pueden iniciar sesión en el espacio de trabajo. Abra una cuenta para cambiar su rol, desactivarla, darle un nuevo enlace para establecer la contraseña o restablecer un segundo factor perdido.
st-active = Activa
st-two-factor = Dos pasos
st-last-sign-in = Último inicio de sesión
st-deactivated = desactivada
st-no-password-yet = sin contraseña todavía
st-accounts-new = Nueva cuenta
st-accounts-email-help = La persona inicia sesión con este correo; una sola cuenta por correo.
st-accounts-role-help = La página de permisos explica lo que puede hacer cada rol.
st-organisation-partners = Organización (solo socios)
st-accounts-organisation-help = Un socio propone cambios en lo que pertenece a esta organización.
st-accounts-create = Crear la cuenta
st-accounts-next-page = La página siguiente muestra, una sola vez, el enlace de un solo uso con el que la cuenta establece su contraseña.
st-no-deactivated = no: desactivada
st-password-set = establecida
st-password-not-set = todavía no establecida
st-account-own = Es su propia cuenta: no puede cambiar su propio rol ni desactivarse; otro administrador sí puede.
st-account-change-role = Cambiar el rol
st-account-deactivate = Desactivar
st-account-reactivate = Reactivar
st-account-deactivate-help = Una cuenta desactivada no puede iniciar sesión: sus sesiones y enlaces sin usar terminan en el acto. Su trabajo y su historial se conservan.
st-account-reactivate-help = La cuenta podrá volver a iniciar sesión con su contraseña (o con un nuevo enlace).
st-account-deactivate-button = Desactivar la cuenta
st-account-reactivate-button = Reactivar la cuenta
st-link-title = Enlace para establecer la contraseña
st-account-link-help = Un nuevo enlace de un solo uso para establecer la contraseña (para una persona nueva que perdió el suyo, o una contraseña olvidada). Los enlaces anteriores sin usar de la cuenta dejan de funcionar.
st-account-link-button = Emitir un nuevo enlace
st-account-second-factor = Segundo factor
st-account-reset-help = Si la persona perdió su teléfono y sus códigos de recuperación, restablezca su segundo factor: entonces iniciará sesión solo con su contraseña (o, si su rol lo exige, configurará uno nuevo en el acto). Compruebe antes quién lo pide.
st-account-reset-help-none = La cuenta no tiene segundo factor. Restablecerlo elimina una configuración que la persona empezó y no terminó.
st-account-reset-button = Restablecer el segundo factor
st-back-to-account = Volver a la cuenta
st-account-conflict = Alguien modificó esta cuenta después de que usted abriera su página, así que no se guardó nada. Vuelva a abrir la cuenta para verla tal como está ahora y haga allí su cambio.
st-account-no-version = el formulario no indica ninguna versión: vuelva a cargar la página
st-account-bad-organisation = { $value } no es un número de organización
st-account-bad-active = { $value } no es ni true ni false
st-link-created = Cuenta creada
st-link-issued = Nuevo enlace emitido
st-link-ready = La cuenta de { $name } ({ $email }, { $role }) está lista.
st-link-older = Los enlaces anteriores sin usar de { $name } ({ $email }) ya no funcionan.
st-link-copy = Copie este enlace ahora: solo se muestra esta vez
st-link-copy-rest = (solo se guarda su huella). Funciona una sola vez, durante { $days } días, y permite a la persona elegir su contraseña.
st-link-no-smtp = No hay ningún servidor SMTP configurado, así que no se envió nada por correo: entregue usted mismo el enlace a la persona.
st-link-the-account = La cuenta
st-link-mailed = El enlace también se envió por correo a { $email }.
st-link-outbox = El enlace se escribió en la bandeja de salida.
st-link-mail-failed = El envío del enlace por correo falló ({ $error }): entréguelo usted mismo a la persona.

## Inicios de sesión fallidos (/staff/sign-ins)

st-sign-ins-intro = Los últimos { $shown } intentos de inicio de sesión fallidos o bloqueados, del más reciente al más antiguo. Un cliente se frena tras fallos repetidos con un mismo correo, y tras fallos repetidos con distintos correos; la persona cuyo correo se prueba puede seguir iniciando sesión desde su propia conexión. Los intentos { $throttled } se rechazaron sin comprobar la contraseña.
st-sign-ins-throttled-word = bloqueados
st-sign-ins-none = No hay inicios de sesión fallidos.
st-sign-ins-by-client = Por dirección del cliente
st-client = Cliente
st-failed = Fallidos
st-throttled = Bloqueados
st-different-emails = Correos distintos
st-latest = Último
st-attempts = Intentos
st-when-utc = Cuándo (UTC)
st-email-typed = Correo escrito
st-result = Resultado
st-result-throttled = bloqueado
st-result-wrong = correo o contraseña incorrectos

## El registro de auditoría y el historial de un registro

st-audit-events = { $count ->
    [one] { $count } evento
   *[other] { $count } eventos
}
st-audit-intro = Todos los cambios hechos en la plataforma, del más reciente al más antiguo: { $events }.
st-audit-intro-by = Todos los cambios hechos en la plataforma, del más reciente al más antiguo: { $events } de { $actor }.
st-audit-chained = El registro está encadenado por huellas; { $command } lo comprueba.
st-audit-who = Quién (correo o system:…)
st-record-name = { $table }: { $name }
st-history-of = Historial ({ $table }): { $name }
st-history-of-deleted = Historial ({ $table }): { $id } (eliminado)
st-edit-this-record = Editar este registro
st-history-changes = Cambios
st-history-no-changes = No hay cambios registrados.
st-history-proposals = Propuestas
st-history-no-proposals = No se han hecho propuestas para este registro.
st-history-proposal = Propuesta { $id }
st-history-proposal-by = { $action } de { $proposer }, { $when }, { $state }

## Registros: las tablas, la lista de una tabla, el formulario

st-records-intro = Todas las tablas en las que se guardan los datos del informe. Abra una tabla para editar sus registros o añadir uno.
st-records-cite = Cite una fuente al editar: el informe rechaza los datos que no la tienen.
st-list-only-country = Solo los registros de un país: { $country }
st-list-all-records = todos los registros ({ $table })
st-list-public-page = página pública del país: { $country }
st-list-assigned = Los registros que sus asignaciones abiertas le permiten modificar
st-list-assigned-others = (puede leerlos y proponer cambios en los de sus asignaciones)
st-list-every-record = Todos los registros
st-list-only-assigned = solo los de sus asignaciones
st-list-new = Nuevo registro ({ $table })
st-last-changed-by = Último cambio de
st-list-none = No hay registros.
st-list-none-of-country = Todavía no hay registros (país: { $country }).
st-list-none-assigned = Todavía no hay registros de sus asignaciones.
st-list-not-a-country = { $code } no es un código de país (ISO alfa-3); se muestran todos los registros.
st-list-no-country = Los registros de la tabla «{ $table }» no pertenecen a ningún país; se muestran todos.
st-edit-new = Nuevo registro ({ $table })
st-saved = Guardado.
st-edit-propose-note = Sus cambios son propuestas: un editor revisa cada una antes de que se guarde y se publique. Verá el resultado en { $workspace }.
st-edit-your-workspace = su espacio de trabajo
st-edit-nothing-saved = No se ha guardado nada. Corrija lo siguiente:
st-edit-history = Historial de este registro
st-edit-source-legend = Fuente de este cambio
st-edit-source-help = La fuente que respalda lo que ha escrito. Elija una que ya esté en la plataforma, o añada una nueva.
st-edit-find-source = Buscar una fuente por título, identificador o autor
st-edit-supports = Respalda
st-edit-locator = Lugar en la fuente (página, sección)
st-edit-quote = Cita
st-edit-new-source = Una fuente nueva
st-edit-note = Nota para el editor
st-edit-propose-change = Proponer este cambio
st-edit-propose-record = Proponer este registro
st-edit-cited = Fuentes citadas para este registro
st-edit-propose-delete = Proponer la eliminación de este registro
st-edit-delete = Eliminar este registro
st-whole-record = todo el registro
st-no-source = — sin fuente —
st-new-source-option = Una fuente nueva (rellénela abajo)
st-record-as-a-whole = El registro en su conjunto
st-pick-none = No se encontró nada para «{ $query }».
st-pick-one = { $count } resultado para «{ $query }»: elíjalo abajo.
st-pick-many = { $count } resultados para «{ $query }»: elija uno abajo.
st-not-a-source = { $value } no es una fuente
st-too-long = { $field } tiene más de { $max } caracteres
st-edit-found-notice = Todavía no se ha guardado nada: elija entre lo que se encontró y después guarde.
st-edit-no-version = el formulario no indicaba qué versión editó; vuelva a cargarlo
st-edit-nothing-changed = No cambió nada, así que no se guardó nada.
st-delete-no-version = el formulario no indicaba qué versión quería eliminar; vuelva a cargar la página.
st-conflict-title = Conflicto de edición
st-conflict-heading = Otra persona modificó { $record }
st-conflict-explanation = Mientras usted editaba, { $who } guardó una versión más reciente (ahora la versión { $version }). No se guardó nada suyo y no se sobrescribió nada. Compare y después edite la versión actual.
st-conflict-yours = Su versión
st-conflict-current = Versión actual ({ $version })
st-conflict-edit-current = Editar la versión actual

## Fuentes y comprobación de enlaces (/staff/sources)

st-sources-title = Fuentes y comprobación de enlaces
st-sources-intro = La última comprobación de cada fuente por { $command }, primero los enlaces rotos y modificados: { $dead } significa que el servidor respondió con un código de estado de 400 o más, { $error } que no llegó ninguna respuesta (tiempo agotado, conexión rechazada), { $changed } que el contenido de la página difiere del de la comprobación anterior, { $redirected } que respondió desde otra dirección. Dé a una fuente una copia archivada (la dirección de la página en un archivo web) y la fecha en que se consultó la página; la lista pública de fuentes muestra la copia archivada junto al original. También puede subir un archivo con la copia archivada de la fuente: un PDF (.pdf), una página HTML (.html, .htm) o texto sin formato (.txt) de 10 MB como máximo; se guarda con su huella SHA-256, sustituye al archivo anterior de la fuente y la lista pública enlaza con él.
st-sources-check = Comprobación
st-sources-archived-accessed = Copia archivada y fecha de consulta
st-sources-now-at = ahora en { $url }
st-sources-archived-url = Copia archivada (URL)
st-sources-accessed-on = Consultada el (AAAA, AAAA-MM o AAAA-MM-DD)
st-sources-archived-file = Archivo de la copia archivada:
st-sources-not-searchable = Su texto no se puede buscar: { $why }. El archivo solo se encuentra por su nombre y por los datos de su fuente.
st-sources-file-label = Archivo de la copia archivada (PDF, HTML o TXT, 10 MB como máximo)
st-sources-file-label-replace = Archivo de la copia archivada (PDF, HTML o TXT, 10 MB como máximo): sustituye al anterior
st-sources-file = { $file } ({ $name }), subido por { $who } el { $when }
st-sources-no-version = falta: vuelva a cargar la página
st-the-file = El archivo
st-upload-not-read = no se leyó el archivo enviado: { $why }
st-upload-unreadable = no se pudo leer el archivo enviado: { $why }
st-archive-too-large = { $file } supera { $size }, el máximo para una copia archivada
st-archive-empty = { $file } está vacío: elija un archivo que contenga la copia archivada
st-archive-not-html = { $file } no es una página HTML: no es texto UTF-8
st-archive-not-accepted = { $file } no se acepta: una copia archivada es un PDF (.pdf), una página HTML (.html, .htm) o texto sin formato (.txt)
st-archive-none-chosen = no se eligió ningún archivo: elija un PDF (.pdf), una página HTML (.html, .htm) o texto sin formato (.txt)

## Importar desde una hoja de cálculo (/staff/import)

st-import-title = Importar desde una hoja de cálculo
st-import-intro = Añada o modifique muchos registros a la vez desde un archivo CSV o XLSX cuyas columnas son los campos de la tabla.
st-import-start = Parta de la { $template } (una hoja por tipo, una nota en cada columna, listas desplegables de los valores admitidos) o de una exportación de los registros actuales: { $exports } (también en { $csv }).
st-import-template = plantilla XLSX
st-import-csv = CSV
st-import-propose = Sus filas se convierten en propuestas que revisa un editor.
st-import-direct = Sus filas se guardan en el acto, y cada cambio queda en el registro de auditoría.
st-import-checked-first = Primero se comprueba todo el archivo: si alguna celda es incorrecta, no se importa nada y se indican todos los problemas.
st-import-problem-count = { $count ->
    [one] { $count } problema
   *[other] { $count } problemas
}
st-import-problems = { $file }: { $problems }; no se importó nada. Corríjalos y vuelva a subir el archivo.
st-import-problems-in = Problemas en { $file }
st-import-sheet = Hoja
st-import-row = Fila
st-import-column = Columna
st-import-problem = Problema
st-import-summary = { $file }, hoja { $sheet }: nuevos: { $created }; modificados: { $updated }; sin cambios: { $unchanged }
st-import-does = Acción
st-import-fields-changed = Campos modificados
st-import-more = y { $more } filas más.
st-import-propose-button = Proponer estos cambios
st-import-button = Importar estos registros
st-import-upload = Subir un archivo
st-import-kind = Qué son las filas
st-import-kind-help = Un libro XLSX se lee desde la hoja con este nombre (o desde su única hoja).
st-import-file = Archivo (.csv o .xlsx)
st-import-check = Comprobar el archivo
st-import-check-help = La comprobación no escribe nada: muestra lo que la importación crearía y modificaría, y le pide que confirme.
st-import-not-read = No se leyó el archivo enviado: { $why }.
st-import-unreadable = No se pudo leer el archivo enviado: { $why }.
st-import-too-large = { $file } supera los { $size } MB; divídalo en archivos más pequeños.
st-import-field-too-long = El campo { $field } supera los { $max } bytes.
st-import-upload-too-large = El envío ocupa { $size } MB, más de los { $max } MB que puede tener un archivo; divídalo en archivos más pequeños.
st-import-choose-kind = Indique qué son las filas: uno de { $kinds }.
st-import-damaged = El archivo confirmado se dañó por el camino; vuelva a subirlo.
st-import-no-file = Elija un archivo para subir (un archivo .csv o .xlsx con filas bajo su encabezado).
st-import-no-changes = El archivo no contiene cambios: todos los registros ya tienen estos valores. No hay nada que importar.
st-import-would-create = El archivo es correcto. La importación crearía y modificaría registros (nuevos: { $created }; modificados: { $updated }). Revise las filas y después confirme abajo.
st-import-would-propose = El archivo es correcto. La importación propondría para revisión registros nuevos y modificados (nuevos: { $created }; modificados: { $updated }). Revise las filas y después confirme abajo.
st-import-imported = Importación terminada en una sola transacción registrada en la auditoría (creados: { $created }; modificados: { $updated }).
st-import-proposed = { $count ->
    [one] Propuesto: { $count } cambio espera en la cola de revisión; un editor lo aprobará o lo rechazará.
   *[other] Propuesto: { $count } cambios esperan en la cola de revisión; un editor aprobará o rechazará cada uno.
}

## La lista de seguimiento (/staff/watchlist)

st-watch-intro = Siga Estados, o los 30 primeros de cada pronóstico. Cuando se importa una versión del Early Warning Project o NMP calcula un nuevo pronóstico, recibe una alerta aquí, en su { $workspace } y por correo por cada Estado seguido que haya entrado entre los 30 primeros o cuyo riesgo a dos años haya subido al menos la cantidad que eligió desde el pronóstico anterior del mismo tipo (una versión del EWP se compara con la versión del EWP anterior, un cálculo de NMP con el anterior de NMP), y cuando un Estado que sigue recibe una nueva evaluación cualitativa. Vea { $risk }.
st-watch-workspace = espacio de trabajo
st-watch-risk = Riesgo y capacidad
st-watch-you-follow = Lo que sigue
st-watch-nothing = Todavía no sigue nada.
st-watch-rise = Alertar cuando el riesgo suba al menos
st-watch-rise-for = Subida que genera una alerta, para { $what }
st-watch-set = Aplicar
st-watch-unfollow = Dejar de seguir
st-watch-follow = Seguir
st-watch-state = Estado
st-watch-top30 = Los 30 primeros de cada pronóstico
st-watch-followed = (seguido)
st-watch-rise-label = Alertar cuando el riesgo a dos años suba al menos
st-watch-rise-help = Una subida absoluta de la probabilidad: 0.01 es un punto porcentual (del 3 % al 4 %, por ejemplo).
st-watch-your-alerts = Sus alertas
st-watch-no-alerts = Todavía no hay alertas.
st-watch-table = (tabla)
st-watch-read = leída
st-watch-not-a-number = { $value } no es un número (0.01 es un punto porcentual)
st-watch-bad-action = { $value } no es ni follow ni unfollow
st-watch-bad-alert = { $value } no es ni un número de alerta ni all
st-alert-top-30 = Entró entre los 30 primeros
st-alert-risk-up = Riesgo en aumento
st-alert-assessment = Nueva evaluación

## Las tablas, por nombre (su título en el espacio de trabajo)

st-table-mechanism = Mecanismo
st-table-mechanism-status = Estado del mecanismo
st-table-membership = Miembro de mecanismo
st-table-mechanism-function = Función del mecanismo
st-table-activity = Actividad
st-table-initiative = Iniciativa
st-table-initiative-partner = Socio de iniciativa
st-table-initiative-kind = Tipo de iniciativa
st-table-organization = Organización
st-table-network = Red
st-table-network-membership = Pertenencia a una red
st-table-network-count = Recuento de miembros de la red
st-table-edition = Edición
st-table-edition-part = Parte de edición
st-table-edition-publisher = Editorial de la edición
st-table-edition-contributor = Colaborador de la edición
st-table-profile = Perfil
st-table-source = Fuente
st-table-citation = Cita
st-table-function = Función
st-table-framework = Marco de evaluación
st-table-criterion = Criterio
st-table-criterion-level = Nivel de criterio
st-table-questionnaire = Cuestionario
st-table-question = Pregunta
st-table-account = Cuenta
st-table-assessment-round = Ronda de evaluación
st-table-assignment = Asignación
st-table-attachment = Adjunto
st-table-audit-event = Evento de auditoría
st-table-consensus = Consenso
st-table-country = País
st-table-criterion-indicator = Indicador de criterio
st-table-dataset = Conjunto de datos
st-table-edition-snapshot = Instantánea de edición
st-table-erratum = Fe de erratas
st-table-indicator = Indicador
st-table-invitation = Invitación
st-table-link-check = Comprobación de enlace
st-table-login-attempt = Intento de inicio de sesión
st-table-mail = Correo
st-table-observation = Observación
st-table-observation-outside = Observación externa
st-table-one-time-link = Enlace de un solo uso
st-table-pending-sign-in = Inicio de sesión pendiente
st-table-proposal = Propuesta
st-table-rating = Calificación
st-table-rating-evidence = Prueba de calificación
st-table-recovery-code = Código de recuperación
st-table-risk-coefficient = Coeficiente de riesgo
st-table-risk-model = Modelo de riesgo
st-table-round-rater = Evaluador de la ronda
st-table-round-target = Objetivo de la ronda
st-table-server-key = Clave del servidor
st-table-session = Sesión
st-table-source-archive-file = Archivo de copia archivada de fuente
st-table-two-factor = Segundo factor
st-table-watch = Seguimiento
st-table-watch-alert = Alerta de seguimiento

## Los campos, por nombre de columna (su etiqueta en los formularios y junto a los problemas)

st-field-accessed-on = Consultada el
st-field-acronym = Sigla
st-field-affiliation = Afiliación
st-field-archived-url = URL archivada
st-field-assignee-account-id = Cuenta asignada
st-field-author = Autor
st-field-body = Texto
st-field-category = Categoría
st-field-challenges = Dificultades
st-field-code = Código
st-field-confidence = Fiabilidad
st-field-counted-on = Contado el
st-field-country-iso3 = País
st-field-created-at = Creado el
st-field-created-on = Creado el
st-field-criterion-id = Criterio
st-field-description = Descripción
st-field-descriptor = Descriptor
st-field-edition-id = Edición
st-field-edition-part-id = Parte de edición
st-field-ended-on = Terminada el
st-field-entity = Tabla
st-field-entity-id = Registro
st-field-evidence = Pruebas
st-field-field = Campo
st-field-founded-on = Fundada el
st-field-framework-id = Marco de evaluación
st-field-framework-version = Versión del marco
st-field-function-id = Función
st-field-group-key = Clave de grupo
st-field-heading = Título
st-field-help = Ayuda
st-field-history = Historia
st-field-initiative-id = Iniciativa
st-field-initiative-kind-id = Tipo de iniciativa
st-field-instrument-date = Fecha del instrumento fundacional
st-field-instrument-kind = Tipo de instrumento fundacional
st-field-instrument-number = Número del instrumento fundacional
st-field-instrument-title = Título del instrumento fundacional
st-field-instrument-url = URL del instrumento fundacional
st-field-intro = Introducción
st-field-joined-on = Adhesión el
st-field-kind = Tipo
st-field-label = Etiqueta
st-field-language = Idioma
st-field-launched-on = Puesto en marcha el
st-field-lead-organization-id = Organización principal
st-field-left-on = Salida el
st-field-level = Nivel
st-field-licence = Licencia
st-field-local-name = Nombre local
st-field-locator = Ubicación
st-field-mandate = Mandato
st-field-mechanism-id = Mecanismo
st-field-mechanism-type = Tipo de mecanismo
st-field-member-count = Número de miembros
st-field-methodology = Metodología
st-field-name = Nombre
st-field-network-id = Red
st-field-note = Nota
st-field-occurred-on = Fecha
st-field-organization-id = Organización
st-field-outcome = Resultado
st-field-outputs = Productos
st-field-owner-organization-id = Organización propietaria
st-field-page = Página
st-field-pages = Páginas
st-field-parent-id = Matriz
st-field-part-key = Clave de la parte
st-field-period-end = Fin del período
st-field-period-start = Inicio del período
st-field-phase = Fase
st-field-phase-from = Desde la fase
st-field-phase-until = Hasta la fase
st-field-position = Posición
st-field-previous-id = Anterior
st-field-prompt = Enunciado
st-field-published-on = Publicado el
st-field-publisher = Editorial
st-field-question-key = Clave de la pregunta
st-field-questionnaire-id = Cuestionario
st-field-quote = Cita
st-field-rank = Rango
st-field-recent-developments = Novedades recientes
st-field-required = Obligatoria
st-field-review-state = Estado de revisión
st-field-revision = Revisión
st-field-role = Rol
st-field-secretariat-organization-id = Organización que ejerce la secretaría
st-field-section = Sección
st-field-sector = Sector
st-field-since-on = Desde el
st-field-slug = Identificador
st-field-snapshot-hash = Huella de la instantánea
st-field-source-id = Fuente
st-field-started-on = Iniciada el
st-field-status = Estado
st-field-status-on = Fecha del estado
st-field-structure = Estructura
st-field-subtitle = Subtítulo
st-field-summary = Resumen
st-field-target-field = Campo de destino
st-field-target-table = Tabla de destino
st-field-title = Título
st-field-translations-json = Traducciones (JSON)
st-field-until-on = Hasta el
st-field-updated-at = Modificado el
st-field-updated-by = Modificado por
st-field-url = URL
st-field-version = Versión
st-field-vocabulary = Vocabulario
st-field-website = Sitio web
st-field-email = Correo electrónico
st-field-password = Contraseña
st-field-new-password = Nueva contraseña
st-field-current-password = Contraseña actual
st-field-active = Activa
st-field-min-rise = Subida que genera una alerta
st-field-action = Acción
st-field-target = Estado
st-field-alert = Alerta
st-field-file = Archivo
st-field-cite-locator = Lugar en la fuente
st-field-cite-quote = Cita
st-field-record = Registro
st-field-of-new-source = Fuente nueva: { $field }

## The mail that gives a new account its set-password link (in the administrator's page language)
st-account-mail-subject = Su cuenta en NMP
st-account-mail-body = Estimado/a { $name }:

    { $admin } le ha abierto una cuenta ({ $role }) en NMP, la plataforma de los mecanismos nacionales para la prevención del genocidio y otras atrocidades masivas.

    Elija su contraseña aquí (el enlace sirve una sola vez, durante { $days } días):

    { $link }

    Después inicie sesión con su correo electrónico, { $email }.
st-account-mail-no-link = (el enlace no se conserva: se mostró una sola vez al administrador)
