# Mensajes del sitio estático de una edición (el informe en la web), en español: las mismas
# claves y parámetros que el inglés (en/report.ftl).
#
# Un parámetro `$when` está vacío o es el año de la edición precedido de un espacio
# («en 2017», según rs-when); un parámetro `$page` está vacío o es «(p. 12)». Los parámetros
# `$link`, `$sha256`, `$number`, `$mark` y `$release` contienen HTML generado por el sitio.

## Todas las páginas: enlace para saltar, aviso de borrador, navegación, pie de página

rs-skip = Ir al contenido
rs-draft = BORRADOR: no difundir; los hechos y la maquetación aún pueden cambiar.
rs-nav-label = Informe
rs-nav-contents = Índice
rs-nav-overview = Panorama
rs-nav-regions = Regiones
rs-nav-themes = Temas
rs-nav-outcomes = Resultados
rs-nav-essays = Opinión de expertos
rs-nav-annex = Anexo
rs-nav-bibliography = Bibliografía
rs-footer-cite = Cómo citar:
rs-built-by = Generado por NMP { $version } a partir de la instantánea con SHA-256 { $sha256 }.
rs-report-pdf = El informe en PDF
rs-data-package = El paquete de datos

## Cómo citar la edición: los editores unidos de dos en dos, luego el tipo y la edición

rs-cite-and = { $before } y { $after }
rs-cite-edition = { $kind }, edición { $slug }.

## El año de la edición, lagunas, llamadas a fuentes, cuadros de mecanismos y recuentos

rs-when = en { $year }
rs-as-of = En { $year }
rs-all-data = En el conjunto de los datos registrados
rs-source-title = Fuente { $number } de la bibliografía
rs-gap-label = Sin datos.
rs-not-recorded = sin datos
rs-profiled = Perfil presentado en esta edición
rs-col-state = Estado
rs-col-mechanism = Mecanismo
rs-col-since = Desde
rs-col-status = Situación
rs-col-sources = Fuentes
rs-col-with-mechanism = Con un mecanismo
rs-col-states = Estados
rs-col-share = Proporción
rs-col-un-region = Región de la ONU
rs-col-un-group = Grupo regional de la ONU
rs-no-group = En ningún grupo regional de la ONU

## Portada: índice, acerca de esta edición, colofón, fe de erratas

rs-contents = Índice
rs-about = Acerca de esta edición
rs-global-overview = Panorama mundial
rs-regional-overview = Panorama regional
rs-themes = Sociedad civil, empresas y organizaciones religiosas
rs-outcomes = Resultados
rs-expert-opinion = Opinión de expertos
rs-errata = Fe de erratas
rs-annex = Anexo: cuadros de datos
rs-bibliography = Bibliografía
rs-methodology = Metodología
rs-methodology-missing = La metodología de esta edición no figura en la base de datos.
rs-methodology-intro = La investigación de esta edición siguió el método siguiente:
rs-how-computed = Cómo se calculan las cifras
rs-computed = NMP calcula las cifras y los cuadros de este informe a partir de su base de datos, a la fecha del año de la edición{ $year }. Se considera que un Estado cuenta con un mecanismo nacional cuando hay registrado al menos un mecanismo de nivel nacional para él, un hecho fechado (su creación o puesta en marcha, una actividad, una etapa de la historia de su situación o su perfil en una edición) lo sitúa en ese año o antes, y no había sido disuelto para entonces. Las regiones son las del esquema geográfico de las Naciones Unidas (M49); los grupos regionales son los cinco grupos regionales de los Estados Miembros de la ONU. Cada hecho presentado remite a una fuente de la bibliografía; cuando los registros no dicen nada, el informe indica «sin datos» en lugar de llenar el vacío.
rs-agreement = Concordancia entre evaluadores
# $link: un enlace a la página de resultados, cuyo texto es rs-agreement-link.
rs-agreement-text = Las { $link } se realizaron en rondas de evaluación: varios evaluadores calificaron cada objetivo en cada criterio de forma independiente, cada calificación con su justificación y sus pruebas, y después un editor registró el consenso, que es lo que publica este informe. Los cuadros dan el alfa de Krippendorff para datos ordinales (1 es concordancia perfecta, 0 una concordancia no mejor que el azar; un guion cuando no está definido) y la proporción de pares de calificaciones concordantes, sobre las unidades que calificaron al menos dos evaluadores.
rs-agreement-link = evaluaciones de resultados
rs-agreement-caption = Concordancia entre evaluadores: { $round } ({ $framework }, versión { $version }).
rs-col-criterion = Criterio
rs-col-alpha = Alfa
rs-col-agreement = Concordancia
rs-col-units = Unidades
rs-col-raters = Evaluadores
rs-col-ratings = Calificaciones
rs-all-criteria = Todos los criterios
rs-notes-on-record = Notas sobre los datos
rs-colophon = Colofón
rs-authors-editors = Autores y editores
rs-published-by = Publicado por
rs-original-pages = La edición original tiene { $pages } páginas.
rs-licence = Licencia
rs-licence-missing = Sin datos: la licencia de esta edición no figura en la base de datos.
rs-how-to-cite = Cómo citar
rs-sources-of-record = Fuentes de este registro
rs-snapshot = Instantánea
rs-snapshot-text = SHA-256 { $sha256 }: la misma instantánea produce siempre el mismo informe.
rs-errata-text = Correcciones publicadas desde la aparición de esta edición. Las páginas de este sitio muestran la edición tal como se publicó; estas entradas la corrigen.
rs-col-issued = Fecha
rs-col-where = Lugar
rs-col-correction = Corrección

## Panorama mundial, riesgo y capacidad

rs-overview-lede = { $when }, { $with } de { $states } Estados ({ $share }) tenían registrado al menos un mecanismo nacional para la prevención del genocidio y otros crímenes atroces.
rs-map-alt = Mapa del mundo: en color, los Estados con un mecanismo nacional{ $when }: { $states }.
rs-map-caption = Estados con un mecanismo nacional{ $when }. Natural Earth 1:110m; algunos pequeños Estados insulares son demasiado pequeños para aparecer.
rs-region-caption = Estados con un mecanismo nacional, por región de la ONU.
rs-by-region-alt = Barras apiladas: los Estados con y sin mecanismo nacional, por región de la ONU.
rs-by-region-caption = Estados con y sin mecanismo nacional, por región de la ONU.
rs-risk-capacity = Riesgo y capacidad
# $label: la publicación del pronóstico; $previous: la publicación anterior (o rs-risk-previous).
rs-risk-text = { $label } evalúa el riesgo de que comiencen nuevas matanzas masivas en los próximos dos años en { $states } Estados. El cuadro enumera los { $rows } Estados con riesgo alto (sus 30 primeros) o en aumento (un punto porcentual o más desde { $previous }, o que entran por primera vez entre los 30 primeros) junto a su capacidad para prevenir crímenes atroces{ $when }: su mecanismo nacional, los niveles de sus funciones, sus iniciativas y sus redes de prevención.
rs-risk-previous = la publicación anterior
# $number: el número de Estados señalados (en negrita); $flagged: rs-risk-flagged-count; $mark: la marca.
rs-risk-flagged = { $number } { $flagged } ({ $mark }): riesgo alto o en aumento y ningún mecanismo nacional en funcionamiento.
rs-risk-flagged-count =
    { $count ->
        [one] Estado está señalado
       *[other] Estados están señalados
    }
rs-risk-forecast = Un pronóstico estadístico indica qué Estados se parecen a aquellos donde comenzaron matanzas masivas; no es una predicción de que vayan a producirse.
rs-col-rank = Puesto
rs-col-risk = Riesgo
rs-col-change = Cambio
rs-col-functions = Funciones
rs-col-initiatives = Iniciativas
rs-col-networks = Redes
rs-col-latest-assessment = Última evaluación
rs-flag-title = Señalado: riesgo alto o en aumento y ningún mecanismo nacional en funcionamiento
rs-no-networks = ninguna
rs-no-assessment = ninguna
# $release: el título, el editor, la versión, la dirección y el SHA-256 del archivo del pronóstico.
rs-risk-caption = Estados con riesgo alto o en aumento y su capacidad. Riesgo: { $release }. Capacidad: los datos de este informe.
rs-risk-file = SHA-256 del archivo { $sha256 }

## Panorama regional

rs-regional-text = Los capítulos regionales siguen los cinco grupos regionales de la ONU. Para cada uno, el número de Estados con un mecanismo nacional{ $when } y la lista de esos Estados con sus mecanismos; una cruz (†) señala los mecanismos cuyo perfil presenta esta edición.
rs-by-group-alt = Barras apiladas: los Estados con y sin mecanismo nacional, por grupo regional de la ONU.
rs-by-group-caption = Estados con y sin mecanismo nacional, por grupo regional de la ONU.
# En negrita, seguido de rs-group-text.
rs-group-count = { $with } de { $states }
rs-group-text = { $count } Estados del grupo ({ $share }) tenían registrado un mecanismo nacional{ $when }.
rs-group-none = Ningún Estado de este grupo tiene registrado un mecanismo nacional.

## Partes y perfiles

rs-part-summary-only = El texto completo de esta parte de la edición original no figura en la base de datos; el resumen anterior es lo que sus fuentes dicen que contiene.
rs-part-missing = El texto de esta parte de la edición original{ $page } no figura en la base de datos.
rs-breadcrumb = Ruta de navegación
rs-country = País
rs-regional-group = Grupo regional
rs-type = Tipo
# $kind y $level: el tipo y el nivel del mecanismo, tal como se registraron.
rs-type-level = { $kind } · nivel { $level }
rs-established = Creado
rs-launched = Puesto en marcha
rs-founding-instrument = Instrumento de creación
rs-instrument-number = { $kind } n.º { $number }
rs-lead-institution = Institución principal
rs-members = Miembros
rs-functions = Funciones
rs-website = Sitio web
rs-mandate = Mandato
rs-profile-missing = El texto de este perfil en la edición original{ $page } no figura en la base de datos; los hechos anteriores son los registrados, cada uno con su fuente.
rs-status-history = Historia de la situación
rs-activities = Actividades
# Una actividad: su fecha, luego su título y su tipo.
rs-dated = { $date }: { $text }
rs-narrative-history = Historia
rs-narrative-mandate = Mandato
rs-narrative-structure = Estructura
rs-narrative-outputs = Productos
rs-narrative-challenges = Desafíos
rs-narrative-recent-developments = Novedades recientes

## Sociedad civil, empresas y organizaciones religiosas

rs-themes-text = Los mecanismos nacionales son órganos oficiales, pero muchos incluyen a actores ajenos al gobierno o trabajan junto a ellos. Para cada tipo de actor: las organizaciones registradas como miembros de un mecanismo{ $when }, y los mecanismos creados por esa parte de la sociedad.
rs-theme-empty = No hay ninguna organización de este tipo registrada como miembro de un mecanismo, ni ningún mecanismo de este tipo registrado{ $when }.
rs-theme-civil-society = Sociedad civil
rs-theme-corporations = Empresas y sector privado
rs-theme-religious = Organizaciones religiosas
rs-col-organisation = Organización
rs-col-member-of = Miembro de
rs-col-role = Función

## Resultados

# $link: un enlace a rs-about, en la portada.
rs-outcomes-lead = Las evaluaciones de resultados de esta edición: lo que lograron las iniciativas y los mecanismos nacionales que figuran a continuación, juzgado con arreglo a un marco de criterios con niveles ordenados. Evaluadores independientes calificaron cada uno, y un editor registró el consenso tras conciliar sus calificaciones; cada nivel se apoya en pruebas. El grado de concordancia entre los evaluadores figura en { $link }.
rs-consensus-caption = Niveles de consenso por objetivo y criterio ({ $framework }).
rs-col-target = Objetivo
rs-the-framework = El marco: { $framework }
rs-framework-version = { $title }, versión { $version }
rs-assessment = Evaluación
rs-no-consensus = Todavía no se ha registrado ningún consenso.
rs-initiative = Iniciativa
rs-mechanism = Mecanismo
rs-regional-or-international = regional o internacional
rs-kind = Tipo
rs-started = Inicio
rs-ended = Fin
rs-partners = Socios
rs-level-of = { $level } (nivel { $rank } de { $of })
rs-unchanged-since = Sin cambios desde { $edition }: { $level }
rs-changed-since = Cambio desde { $edition }: { $before } → { $level }
rs-with-evidence = { $change } (pruebas: { $refs }).
rs-rater = Evaluador { $rater }: { $level }. { $rationale } { $refs }

## Opinión de expertos, anexo, bibliografía

rs-essays-lead = Ensayos de expertos, cada uno firmado por su autor.
rs-author-missing = Autor sin datos
rs-annex-states = A.1 Estados con un mecanismo nacional
# $link: un enlace al paquete de datos, cuyo texto es rs-annex-data-package.
rs-annex-text = Cada Estado con un mecanismo nacional registrado{ $when }, con sus mecanismos: cuándo se creó cada uno (o, cuando no consta, cuándo se puso en marcha), su última situación en el año de la edición y sus fuentes en la bibliografía. Una cruz (†) señala los mecanismos cuyo perfil presenta esta edición. Los mismos datos figuran en el { $link }.
rs-annex-data-package = paquete de datos
rs-annex-groups = A.2 Por grupo regional de la ONU
rs-no-sources = No se cita ninguna fuente.
rs-accessed = Consultado el { $date }.
