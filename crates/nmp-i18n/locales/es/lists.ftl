# Mensajes de esta parte del sitio, en español: las mismas claves y parámetros que el inglés (en/lists.ftl).

## Común a las listas

ls-filters = Filtros
ls-filter = Filtrar
ls-clear = Borrar
ls-csv = Descargar en CSV
ls-f-region = Región de la ONU
ls-f-group = Grupo regional de la ONU
ls-f-network = Red
ls-f-has = Con mecanismo
ls-f-type = Tipo
ls-f-status = Estado
ls-f-country = País
ls-f-kind = Tipo
ls-f-language = Idioma
ls-any-region = Todas
ls-any-group = Todos
ls-any-network = Todas
ls-any-has = Indiferente
ls-any-type = Todos
ls-any-status = Todos
ls-any-country = Todos
ls-any-kind = Todos
ls-any-source-kind = Todos
ls-any-language = Todos
ls-col-country = País
ls-col-region = Región
ls-col-group = Grupo regional
ls-col-mechanisms = Mecanismos
ls-col-networks = Redes
ls-col-mechanism = Mecanismo
ls-col-type = Tipo
ls-col-created = Creación
ls-col-launched = Puesta en marcha
ls-col-status = Estado
ls-col-initiative = Iniciativa
ls-col-kind = Tipo
ls-col-started = Inicio
ls-col-ended = Fin
ls-col-lead = Institución principal
ls-col-network = Red
ls-col-founded = Fundación
ls-col-members-recorded = Estados miembros registrados
ls-col-state = Estado
ls-col-notes = Notas
ls-col-date = Fecha
ls-problems = { $count ->
    [one] Un filtro no se ha entendido y se ha omitido; la lista siguiente no lo tiene en cuenta:
   *[other] Algunos filtros no se han entendido y se han omitido; la lista siguiente no los tiene en cuenta:
}
ls-problem-not-one-of = { $value } no es uno de los valores admitidos: { $codes }
ls-problem-no-language = ninguna fuente está en { $value }; los idiomas de las fuentes son: { $known }
ls-pages-size = { $pages } páginas, { $size }

## Los países

ls-countries-lede = Los 193 Estados miembros de la ONU y los dos Estados observadores, con los mecanismos y las redes registrados para cada uno.
ls-countries-filter = Filtrar los países
ls-countries-facet-help = El número que sigue a cada opción indica cuántos países mostraría, con los demás filtros tal como están.
ls-countries-count = { $count ->
    [one] { $count } país
   *[other] { $count } países
}
ls-countries-caption = Países que coinciden con los filtros
ls-observer-state = Estado observador

## Los mecanismos

ls-mechanisms-lede = Mecanismos nacionales y de otro tipo para la prevención del genocidio y otros crímenes atroces, tal como los recogen las fuentes. El estado indicado es el más reciente del historial fechado de cada mecanismo.
ls-mechanisms-filter = Filtrar los mecanismos
ls-mechanisms-facet-help = El número que sigue a cada opción indica cuántos mecanismos mostraría, con los demás filtros tal como están.
ls-mechanisms-count = { $count ->
    [one] { $count } mecanismo
   *[other] { $count } mecanismos
}
ls-mechanisms-caption = Mecanismos que coinciden con los filtros
ls-status-proposed = Propuesto
ls-status-in-process = En proceso de creación
ls-status-established = Establecido
ls-status-active = Activo
ls-status-dormant = Inactivo
ls-status-dissolved = Disuelto

## Las iniciativas

ls-initiatives-description = Iniciativas nacionales y regionales para la prevención del genocidio y otros crímenes atroces: leyes, estrategias, sistemas de alerta temprana, formación, educación e investigaciones, cada dato vinculado a su fuente.
ls-initiatives-lede = Las iniciativas nacionales y regionales de prevención de atrocidades, registradas aparte de los mecanismos: leyes y decretos, estrategias y planes de acción, sistemas de alerta temprana, formación, educación y memoria, investigaciones, y la participación de los Estados en redes. Cada página presenta los datos con sus fuentes y, cuando se publica una edición con una evaluación de resultados, las calificaciones de consenso de los editores.
ls-initiatives-filter = Filtrar las iniciativas
ls-initiatives-count = { $count ->
    [one] { $count } iniciativa
   *[other] { $count } iniciativas
}
ls-initiatives-none = No hay ninguna iniciativa registrada.
ls-initiatives-none-matching = No hay ninguna iniciativa registrada que coincida con estos filtros.
ls-initiatives-caption = Iniciativas que coinciden con los filtros
ls-regional-or-international = Regional o internacional
ls-no-initiative = No existe ninguna iniciativa { $slug }.
ls-no-end = sin fecha de fin registrada
ls-none-recorded = ninguno registrado
ls-initiative-what = En qué consiste
ls-partners = Socios
ls-no-partner = No hay ninguna organización asociada registrada.
ls-partners-caption = Organizaciones asociadas de { $title }
ls-outcomes = Evaluación de resultados
ls-no-assessment = Todavía no hay ninguna evaluación publicada.
ls-ratings-intro = El consenso de los editores, criterio por criterio, tras la evaluación de la iniciativa por evaluadores independientes; solo se publica el consenso. Los niveles van de 1 (el más bajo) hacia arriba; véase el
ls-ratings-method = método
ls-framework = marco
ls-ratings-caption = Calificaciones de consenso de { $title } en la edición { $edition }
ls-criterion = Criterio
ls-rationale = Justificación
ls-rank-of = { $rank } de { $of }

## Las redes

ls-networks-lede = Las redes regionales y mundiales a través de las cuales los Estados y sus mecanismos colaboran en la prevención de atrocidades.
ls-no-network = No existe ninguna red { $slug }.
ls-secretariat = Secretaría
ls-member-states = Estados miembros
ls-no-member-states = No hay ningún Estado miembro registrado por su nombre.
ls-members-caption = Estados miembros de { $name }, con sus fechas
ls-membership-over-time = Evolución del número de miembros
ls-membership-counts-why = Cuando las fuentes dan un número de miembros en lugar de una lista.
ls-counts-caption = Número de miembros de { $name } en distintas fechas
ls-network-kind-intergovernmental-committee = Comité intergubernamental
ls-network-kind-state-network = Red de Estados
ls-network-kind-focal-point-network = Red de puntos focales
ls-network-kind-partnership = Alianza de múltiples partes interesadas
ls-network-role-member = Miembro
ls-network-role-founding-member = Miembro fundador
ls-network-role-facilitator = Estado facilitador
ls-network-role-chair = Presidencia
ls-network-role-participant = Participante

## Las ediciones

ls-editions-lede = El informe se publica anualmente desde 2015; las ediciones posteriores pasaron a ser documentos de política semestrales. Una edición que no figura aquí no ha sido documentada en las fuentes de que disponemos.
ls-editions-featured = { $count ->
    [one] { $count } mecanismo presentado
   *[other] { $count } mecanismos presentados
}
ls-editions-read = Leer el informe (PDF, { $pages } páginas, { $size })
ls-no-edition = No existe ninguna edición { $slug }.
ls-published = Publicación
ls-pages = Páginas
ls-licence = Licencia
ls-data = Datos
ls-data-package = Paquete de datos
ls-data-package-what = tablas CSV con un esquema
ls-report-read = Leer el informe
ls-report-pdf = El informe (PDF)
ls-report-site = La versión web (ZIP)
ls-report-site-rest = , para leer sin conexión en cualquier navegador
ls-report-data = El paquete de datos (ZIP)
ls-report-data-rest = : cada dato que muestra el informe, con sus fuentes, en forma de tablas
ls-verify = Verificar esta edición
ls-verify-snapshot = Este informe se compuso a partir de un registro congelado de la edición, la instantánea, cuya huella SHA-256 es
ls-verify-pdf = La huella del propio PDF es
ls-verify-built = (generado el { $date }).
ls-verify-how = Cualquiera puede comprobar que el PDF dice lo que dicen los datos: cargue el paquete de datos en una base de datos NMP nueva y vacía y genere el informe de esta edición con la misma versión de NMP. El nuevo PDF tiene la misma huella, byte a byte; cualquier cambio en un dato la modificaría. El paquete de datos nombra cada fuente, de modo que cada dato también puede cotejarse con su fuente.
ls-report-not-typeset = El informe de esta edición aún no se ha compuesto aquí; sus datos figuran a continuación.
ls-publishers = Editores y socios
ls-part = parte:
ls-phase = Fase:
ls-phase-range = de { $from } a { $until }
ls-phase-from = desde { $from }
ls-phase-until = hasta { $until }
ls-contributors = Autores y colaboradores
ls-contents = Índice
ls-no-contents = El índice de esta edición no está registrado.
ls-by = por
ls-responsible = responsable:
ls-mechanisms-featured = Mecanismos presentados
ls-edition-kind-annual-report = Informe anual
ls-edition-kind-policy-paper = Documento de política
ls-publisher-role-publisher = Editor
ls-publisher-role-co-publisher = Coeditor
ls-publisher-role-research-partner = Socio de investigación
ls-publisher-role-launch-host = Anfitrión del lanzamiento
ls-publisher-role-author = Autor
ls-publisher-role-partner-institution = Institución asociada
ls-part-kind-chapter = Capítulo
ls-part-kind-essay = Ensayo de opinión de un experto
ls-profile-section-update = Actualizaciones de mecanismos ya presentados
ls-profile-section-new-and-emerging = Mecanismos nuevos y emergentes
ls-profile-section-highlighted = Mecanismos destacados
ls-profile-section-featured = Mecanismos presentados
ls-contributor-role-lead-author = Autor principal
ls-contributor-role-co-author = Coautor
ls-contributor-role-editor = Editor
ls-contributor-role-student-research-assistant = Asistente de investigación estudiantil
ls-contributor-role-partner-institution = Institución asociada

## Las fuentes

ls-sources-lede = La bibliografía: cada documento, ley, página web y noticia de los que procede un dato de este sitio, con los registros que los citan.
ls-sources-filter = Filtrar las fuentes
ls-sources-facet-help = El número que sigue a cada opción indica cuántas fuentes mostraría, con el otro filtro tal como está.
ls-sources-count = { $count ->
    [one] { $count } fuente
   *[other] { $count } fuentes
}
ls-accessed = Consultado el { $date }.
ls-archived-copy = Copia archivada
ls-archived-file = Copia archivada ({ $file })
ls-archived-sha256 = SHA-256 del archivo archivado
ls-cite = Citar:
ls-cited-by = { $count ->
    [one] Citada por { $count } registro
   *[other] Citada por { $count } registros
}
ls-source-kind-document = Documento
ls-source-kind-law = Ley o decreto
ls-source-kind-web-page = Página web
ls-source-kind-news = Noticia
ls-source-kind-report = Informe
ls-source-kind-article = Artículo de revista
ls-source-kind-interview = Entrevista
ls-source-kind-questionnaire-response = Respuesta a un cuestionario
ls-language-en = Inglés
ls-language-fr = Francés
ls-language-es = Español
ls-language-pt = Portugués
ls-language-de = Alemán
ls-language-ar = Árabe
ls-language-sw = Suajili

## La búsqueda

ls-search-title = Búsqueda
ls-search-title-query = Búsqueda: { $query }
ls-search-help = Deben coincidir todas las palabras; las palabras en inglés, francés y español se encuentran también en sus otras formas y sin tildes.
ls-search-syntax = Use `{ $phrase }`, un prefijo seguido de `{ $star }`, `{ $or }` y `{ $not }` para excluir una palabra.
ls-search-syntax-phrase = una frase
ls-search-syntax-word = palabra
ls-search-found = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
}
ls-search-for = para «{ $query }»
ls-search-filter-results = Filtrar los resultados
ls-search-filter = Filtrar
ls-search-remove = × quitar
ls-search-shown = { $count ->
    [one] { $count } mostrado
   *[other] { $count } mostrados
}
ls-search-page = página { $page }
ls-search-text-missing = Texto no indexado:
ls-search-note-empty = Escriba una o varias palabras para buscar.
ls-search-note-no-word = La consulta no contiene ninguna palabra que buscar, solo operadores o signos de puntuación.
ls-search-note-lenient = Una parte de la consulta no pudo leerse tal como está escrita (unas comillas sin cerrar o un operador sin palabra): se buscó como palabras sueltas.
ls-search-note-long = La consulta tenía más de { $max } caracteres: solo se buscaron los { $max } primeros.
ls-search-note-no-match = El filtro «{ $filter }: { $value }» no coincide con ningún registro.
ls-search-note-unread = La búsqueda no pudo leerse tal como se dio ({ $error }); no se buscó nada.
ls-search-note-unavailable = La búsqueda no está disponible en este servidor: funciona sin índice de búsqueda.
ls-search-facet-kind = Tipo
ls-search-facet-country = País
ls-search-facet-region = Región de la ONU
ls-search-facet-group = Grupo regional de la ONU
ls-search-facet-edition = Edición
ls-search-facet-language = Idioma de la fuente
ls-search-facet-year = Año
ls-search-kind-country = Países
ls-search-kind-mechanism = Mecanismos
ls-search-kind-initiative = Iniciativas
ls-search-kind-organization = Organizaciones
ls-search-kind-network = Redes
ls-search-kind-edition = Ediciones
ls-search-kind-edition-part = Partes de ediciones
ls-search-kind-profile = Perfiles de mecanismos
ls-search-kind-source = Fuentes
ls-search-kind-document = Texto de los archivos de fuentes archivados
ls-search-kind-attachment = Archivos adjuntos a los cuestionarios

## Acerca de

ls-about-heading = Acerca del informe y de estos datos
ls-about-on-this-page = En esta página
ls-about-review-heading = El informe
ls-about-definition-heading = Qué se considera un mecanismo nacional
ls-about-functions-heading = Funciones
ls-about-method-heading = Método
ls-about-licence-heading = Licencia
ls-about-review = El Auschwitz Institute for Peace and Reconciliation (AIPR, posteriormente Auschwitz Institute for the Prevention of Genocide and Mass Atrocities) publicó a partir de 2015 un informe anual, { $review }. A partir de 2019, el informe se transfirió de forma escalonada al Institute for Genocide and Mass Atrocity Prevention (I-GMAP) de la Universidad de Binghamton, cuyo proyecto Mechanisms of Atrocity Prevention lo continúa como una serie semestral de documentos de política que abarca mecanismos internacionales, regionales, locales, de la sociedad civil y del sector privado, además de los nacionales
ls-about-map-project = proyecto MAP
ls-about-definition = Los mecanismos nacionales son
ls-about-authors = Capicotto y Scharf
ls-about-text = texto
ls-about-definition-rest = A menudo incluyen también a miembros de la sociedad civil y del mundo académico. Este sitio registra asimismo órganos de otros niveles (regional, subnacional, sociedad civil) y leyes que establecen estructuras de prevención, e indica el nivel de cada uno.
ls-about-functions = Las tareas comunes de los mecanismos nacionales, tal como las describen las fuentes:
ls-about-method-sources = Cada dato de este sitio está vinculado a la fuente de la que procede: una ley o un decreto, una página web oficial, una noticia, un informe. Un dato que no respalda ninguna de las fuentes de que disponemos se deja vacío y el vacío se señala en las notas del registro; cuando solo existe una fuente débil, el dato se marca como
ls-about-method-dates = Las fechas se dan con la precisión que da la fuente: un año (2012), un mes (2015-06) o un día (2014-12-05). Un país sin mecanismo registrado no tiene ninguno documentado en nuestras fuentes, lo que no equivale a no tener ninguno.
ls-about-method-editions = Las ediciones del informe se basaron en cuestionarios enviados a los Estados participantes y en entrevistas con funcionarios gubernamentales. Cada cambio en los datos queda consignado en un registro de auditoría cuyas entradas están encadenadas mediante huellas criptográficas, de modo que el historial no puede alterarse sin que se note.
ls-about-cite-edition = Para citar una edición del informe:
ls-about-cite-data = Para citar los datos, indique la página o el archivo y la fecha en que los consultó, por ejemplo:
ls-about-cite-source = Cuando utilice un dato, cite también la fuente indicada para él.
ls-about-licence = Los datos de este sitio se recopilan de las fuentes públicas citadas con cada uno de ellos. La licencia de cada edición figura en su página cuando está registrada; cuando no lo está, no se ha registrado ninguna licencia y conviene consultar a los editores antes de volver a publicar el texto del informe. El software NMP es software libre distribuido bajo la GNU Affero General Public License, versión 3 o posterior.

## Datos y API

ls-data-heading = Datos y API
ls-data-lede = Todo lo que hay en este sitio son datos abiertos: cada lista en JSON o CSV, un paquete de datos por edición y una API descrita por un
ls-data-openapi = documento OpenAPI 3
ls-data-downloads = Descargas
ls-data-reports = Los informes
ls-data-no-report = Todavía no se ha publicado aquí el informe de ninguna edición. Los datos de cada edición figuran a continuación.
ls-data-reports-what = El informe de cada edición publicada en PDF, su versión web en un único archivo ZIP para leer sin conexión y el paquete de datos a partir del cual se compuso.
ls-data-web-zip = versión web (ZIP)
ls-data-package-zip = paquete de datos (ZIP)
ls-data-packages = Paquetes de datos
ls-data-packages-what = El paquete de datos de cada edición es un conjunto de archivos CSV con un archivo
ls-data-packages-rest = que describe cada columna, las claves que unen las tablas y las fuentes.
ls-data-api = Todos los puntos de acceso responden a `GET`, admiten cualquier origen (CORS), envían un `ETag`, respetan `If-None-Match` y comprimen con gzip cuando se les pide. Las listas admiten `limit` (de 1 a 1000, 100 por defecto) y `offset`, y responden `{ $list }`; las listas de países, mecanismos y fuentes añaden `"facets"`: cada filtro con cada uno de sus valores y las filas que seleccionaría con los demás filtros dados (`{ $example }`), tal como las páginas muestran junto a cada opción. Los códigos de filtro se aceptan sin distinguir mayúsculas de minúsculas (`region=Africa`); añada `format=csv` (o use la ruta `.csv`) para obtener CSV, con el total en la cabecera `X-Total-Count`. Un parámetro incorrecto, desconocido, repetido o vacío (`limit=`) da un error 400 que lo nombra: `{ $error }`.
ls-data-endpoints = Puntos de acceso de la API
ls-data-endpoint = Punto de acceso
ls-data-returns = Qué devuelve
ls-data-parameters = Parámetros
ls-data-examples = Ejemplos:
ls-data-with-facets = con sus facetas
