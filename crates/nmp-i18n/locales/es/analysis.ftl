# Mensajes de esta parte del sitio, en español: las mismas claves y parámetros que el inglés (en/analysis.ftl).

## La página de análisis (/analysis)

an-title = Análisis
an-lede = Los indicadores del informe, calculados a partir de los hechos citados en este sitio tal como estaban en el año de cada edición. Las definiciones, las unidades y las salvedades se explican en el { $method }; los datos de cada figura están en la tabla que la acompaña y pueden descargarse.
an-method = método
an-choose-edition = Elegir una edición
an-edition = Edición
an-all-data = Todos los datos registrados
an-show = Mostrar
an-key-figures = Cifras clave, { $when }
an-states-with = Estados con un mecanismo nacional
an-of = de { $total }
an-change-since = { $change } desde { $previous }
an-share = Proporción de los Estados miembros y observadores de la ONU
an-mechanisms-all = Mecanismos (todos los niveles)
an-mean-breadth = Amplitud media de la composición
an-of-sectors = de 13 sectores

an-fig-map-networks = Pertenencia a redes de prevención, { $when }
an-fig-by-region = Estados con un mecanismo nacional, por región de la ONU, { $when }
an-fig-by-status = Último estado de los mecanismos, { $when }
an-fig-functions = Cómo ejercen los mecanismos las cuatro funciones, { $when }
an-fig-over-editions = Estados con un mecanismo nacional y mecanismos registrados, por edición
an-fig-map-status = Estado de los mecanismos nacionales, { $when }
an-fig-high-risk = Los 30 Estados con mayor riesgo y los mecanismos nacionales ({ $dataset })
an-fig-map-high-risk = Los 30 Estados con mayor riesgo, en el mapa ({ $dataset })
an-functions-none-edition = No hay registrada ninguna evaluación de cómo ejercen los mecanismos las cuatro funciones para la edición { $edition }, así que no hay nada que representar: cada uno de los { $mechanisms } mecanismos cuenta como «ninguna o no evaluada» en todas las funciones.
an-functions-none-any = No hay registrada ninguna evaluación de cómo ejercen los mecanismos las cuatro funciones en ninguna edición, así que no hay nada que representar: cada uno de los { $mechanisms } mecanismos cuenta como «ninguna o no evaluada» en todas las funciones.
an-functions-not-carried-edition = Las { $assessed } evaluaciones de funciones registradas para la edición { $edition } concluyen todas que la función no se ejerce, así que no hay nada que representar.
an-functions-not-carried-any = Las { $assessed } evaluaciones de funciones registradas, en todas las ediciones, concluyen todas que la función no se ejerce, así que no hay nada que representar.
an-download = Descargar:
an-data-csv = datos (CSV)
an-too-small = Demasiado pequeños para verse en este mapa: { $names }.
an-data-table = { $count ->
    [one] Tabla de datos ({ $count } fila)
   *[other] Tabla de datos ({ $count } filas)
}
an-figure-caption = Datos de la figura: { $title }

an-by-group = Estados con un mecanismo nacional, por grupo regional de la ONU
an-by-group-caption = Estados con un mecanismo nacional por grupo regional de la ONU
an-regional-group = Grupo regional
an-with-mechanism = Con un mecanismo
an-states = Estados
an-share-short = Proporción
an-group-african = Grupo de Estados de África
an-group-asia-pacific = Grupo de Estados de Asia y el Pacífico
an-group-eastern-european = Grupo de Estados de Europa Oriental
an-group-grulac = Grupo de Estados de América Latina y el Caribe (GRULAC)
an-group-weog = Grupo de Estados de Europa Occidental y otros Estados (WEOG)
an-group-none = Ninguno

an-breadth = Amplitud del conjunto del gobierno
an-breadth-intro = Para cada mecanismo cuyos miembros están registrados: de cuántos de los trece sectores (poder legislativo, poder judicial, justicia, relaciones exteriores, defensa, interior y policía, inteligencia, educación, institución de derechos humanos o defensoría del pueblo, sociedad civil, organizaciones religiosas, sector privado, ámbito académico) proceden sus miembros. Mecanismos con miembros no estatales (sociedad civil, organizaciones religiosas, sector privado, ámbito académico): { $count } de { $total }.
an-breadth-none = Ningún mecanismo tiene miembros registrados para esta edición.
an-breadth-caption = Amplitud de la composición de cada mecanismo
an-mechanism = Mecanismo
an-sectors-of = Sectores (de 13)
an-which = Cuáles
an-sector-legislature = Poder legislativo
an-sector-judiciary = Poder judicial
an-sector-justice = Justicia y fiscalía
an-sector-foreign-affairs = Relaciones exteriores
an-sector-defence = Defensa
an-sector-interior-police = Interior y policía
an-sector-intelligence = Inteligencia
an-sector-education = Educación
an-sector-human-rights-office = Institución de derechos humanos o defensoría del pueblo
an-sector-civil-society = Sociedad civil
an-sector-religious = Organizaciones religiosas
an-sector-private-sector = Sector privado
an-sector-academia = Ámbito académico
an-sector-executive = Oficina de la jefatura del Estado o del Gobierno
an-sector-other = Otro

an-networks-heading = Pertenencia a redes por región
an-networks-caption = Estados miembros de cada red por región de la ONU
an-network = Red
an-network-members = Estados miembros registrados
an-by-region = Por región

an-high-risk = Los Estados con mayor riesgo
an-high-risk-intro = El riesgo de cada Estado junto a su mecanismo, sus funciones, sus iniciativas y sus redes, con los Estados de riesgo alto o en aumento sin un mecanismo operativo señalados, se encuentra en { $page }.
an-high-risk-counts = De los { $total } Estados con mayor riesgo de una nueva matanza masiva según { $dataset }: con un mecanismo nacional, { $mechanism }; miembros de una red de prevención pero sin mecanismo, { $network }; sin ninguno de los dos, { $neither }. (La previsión más reciente, junto a los mecanismos y las pertenencias tal como están registrados hoy en este sitio, sea cual sea la edición elegida arriba; una ausencia significa que nuestras fuentes no documentan ninguno.)
an-outside = También evaluados, fuera de los 195 Estados: { $list }.
an-outside-item = { $name } ({ $code }), puesto { $rank }, riesgo a dos años { $risk }
an-not-given = no indicado
an-not-assessed = no evaluado
an-high-risk-none = Todavía no se ha importado en este sitio ninguna evaluación de riesgos del Early Warning Project: los Estados con mayor riesgo aparecerán aquí cuando el equipo editorial añada una.
an-risen = Entrados entre los 30 primeros desde la última publicación
an-risen-none = Ningún Estado entró entre los 30 primeros entre { $previous } y { $latest }.
an-risen-caption = Estados clasificados entre los 30 primeros en { $latest } pero no en { $previous }
an-state = Estado
an-rank-in = Puesto en { $release }
an-two-year-risk = Riesgo a dos años

an-outcomes = Evaluaciones de resultados
an-outcomes-none = Todavía no se ha publicado ninguna evaluación de resultados. Cuando se publique una edición con una ronda de evaluación, las calificaciones de consenso del equipo editorial sobre sus iniciativas y mecanismos se resumirán aquí por criterio y región de la ONU.
an-outcomes-intro = Las calificaciones de consenso publicadas por el equipo editorial sobre iniciativas y mecanismos, edición { $edition }: para cada criterio, cuántos objetivos se sitúan en cada nivel en cada región de la ONU. Solo cuentan las calificaciones de consenso de las ediciones publicadas; las calificaciones individuales de los evaluadores no se publican. La página de cada iniciativa evaluada presenta sus calificaciones con los elementos que las respaldan ({ $initiatives }).
an-outcomes-intro-latest = Las calificaciones de consenso publicadas por el equipo editorial sobre iniciativas y mecanismos, edición { $edition } (la última evaluación publicada a la fecha de la edición { $selected }): para cada criterio, cuántos objetivos se sitúan en cada nivel en cada región de la ONU. Solo cuentan las calificaciones de consenso de las ediciones publicadas; las calificaciones individuales de los evaluadores no se publican. La página de cada iniciativa evaluada presenta sus calificaciones con los elementos que las respaldan ({ $initiatives }).
an-initiatives = iniciativas
an-outcomes-change-later = La evolución entre ediciones se mostrará cuando un objetivo haya sido evaluado en dos ediciones publicadas.
an-outcomes-none-as-of = No hay evaluaciones de resultados publicadas a la fecha de la edición { $edition }.
an-bad-edition = parámetro edition: «{ $edition }» no es ninguna de las ediciones: { $editions }
an-no-figure-file = No existe el archivo de figura «{ $file }».
an-figure-types = Las figuras se ofrecen en .svg, .png o .csv, no en «{ $ext }».
an-no-figure = No existe la figura «{ $name }».

## Comparar países (/compare)

an-compare-title = Comparar países
an-compare-not-found = No se encontraron algunos países, así que todavía no se compara nada:
an-compare-to-compare = Países que comparar
an-compare-change = Cambiar los países comparados
an-compare-help = De dos a cinco países: escriba un nombre en inglés, francés o español (las tildes son opcionales) o un código ISO como KEN o KE.
an-compare-country = País { $number }
an-compare-required = (obligatorio)
an-compare-button = Comparar
an-compare-example = Por ejemplo:
an-compare-example-east-africa = Kenia, Tanzania y Uganda
an-compare-caption = Los países lado a lado
an-compare-fact = Dato
an-compare-un-region = Región de la ONU
an-compare-un-group = Grupo regional de la ONU
an-compare-mechanisms = Mecanismos
an-compare-none-recorded = ninguno registrado
an-compare-type = Tipo
an-compare-created = Creación o puesta en marcha
an-not-recorded = no registrado
an-compare-status = Último estado
an-compare-members = Organizaciones miembro registradas
an-compare-networks = Redes
an-compare-risk = Riesgo según el Early Warning Project
an-compare-rank = puesto { $rank } ({ $risk })
an-compare-no-data = sin datos
an-compare-ewp-heading = El riesgo según el Early Warning Project, publicación tras publicación
an-compare-already = { $country } ya está en la lista
an-compare-ambiguous = «{ $text }» es el nombre de más de un país; elija uno
an-compare-unknown = «{ $text }» no es el nombre ni el código ISO de un Estado miembro u observador de la ONU
an-compare-unknown-suggest = «{ $text }» no es el nombre ni el código ISO de un Estado miembro u observador de la ONU; ¿quiso decir uno de estos?
an-compare-count = Indique de dos a cinco países; ha indicado { $count }.
an-compare-bad-query = parámetro query: la cadena de consulta no es una codificación de URL válida
an-mstatus-proposed = Propuesto
an-mstatus-in-process = En proceso de creación
an-mstatus-established = Creado
an-mstatus-active = Activo
an-mstatus-dormant = Inactivo
an-mstatus-dissolved = Disuelto

## Los conjuntos de datos (/datasets) y la página de un indicador

an-datasets-title = Conjuntos de datos
an-datasets-heading = Conjuntos de datos externos
an-datasets-intro = Datos por país y año publicados por otros e importados aquí, con quién los publicó, su versión, su licencia y el SHA-256 del archivo del que se leyeron, para que cualquiera pueda comprobar que tiene el mismo archivo.
an-datasets-none = Todavía no se ha importado ningún conjunto de datos en este sitio: el equipo editorial añade aquí las publicaciones del Early Warning Project y otros datos por país y año.
an-publisher = Editor
an-version = Versión
an-licence = Licencia
an-not-stated = no indicada
an-source = Fuente
an-file = Archivo y SHA-256
an-indicators-caption = Indicadores de { $dataset }
an-indicator = Indicador
an-label = Etiqueta
an-unit = Unidad
an-published = { $dataset }, publicado por { $publisher }.
an-published-version = { $dataset }, publicado por { $publisher } (versión { $version }).
an-values = Valores de { $year }.
an-values-unit = Valores de { $year }, en { $unit }.
an-values-caption = Valores de { $indicator } en { $year }
an-no-indicator = No existe el indicador «{ $code }» en un conjunto de datos «{ $dataset }».
an-no-values = El indicador «{ $code }» no tiene valores.
an-indicator-files = Los archivos de un indicador son map.svg, map.png y data.csv, no «{ $file }».

## Riesgo y capacidad (/risk): las previsiones del Early Warning Project junto a la capacidad de cada Estado

an-risk-title = Riesgo y capacidad
an-risk-intro = La probabilidad estimada de una nueva matanza masiva en cada Estado junto a su capacidad para prevenir crímenes atroces: si cuenta con un mecanismo nacional y en qué medida este ejerce sus funciones, sus iniciativas nacionales, las redes de prevención a las que pertenece y la última evaluación cualitativa según el Marco de Análisis de las Naciones Unidas. Un Estado queda { $flagged } cuando su riesgo es alto (entre los 30 primeros) o está en aumento (al menos un punto porcentual desde la previsión anterior, o recién entrado entre los 30 primeros) y no tiene un mecanismo nacional operativo. Los mecanismos, las iniciativas y las pertenencias son los registrados en este sitio, cada uno citado en la página del Estado; una ausencia significa que nuestras fuentes no documentan ninguno. Una previsión estadística indica qué Estados se parecen a aquellos en los que comenzaron matanzas masivas; no predice que vaya a comenzar una (véase el { $method }).
an-flagged = señalado
an-choose-forecast = Elegir una previsión
an-forecast = Previsión
an-forecast-choice = { $family }, { $slug } (previsión { $from }–{ $to })
an-forecast-choice-no-year = { $family }, { $slug }
an-nmp-computation = Cálculo de NMP
an-risk-nmp-own = un cálculo propio de NMP
an-risk-problem = No se pudo mostrar la previsión: { $problem }
an-risk-unknown = «{ $source }» no es ninguna de las previsiones: { $known }
an-risk-unknown-none = «{ $source }» no es ninguna de las previsiones: todavía no se ha importado ni calculado ninguna en este sitio
an-risk-nmp-note = Esta previsión es { $nmp }, realizado en esta plataforma con el método y los datos publicados por el Early Warning Project; no es una previsión del Early Warning Project.
an-risk-published = Publicada por { $publisher } ({ $datasets }).
an-datasets-link = conjuntos de datos
an-risk-flagged-count = Estados señalados: { $flagged } de { $total }.
an-risk-since-project = Los cambios se cuentan desde { $previous }, la previsión anterior del mismo proyecto.
an-risk-since-computation = Los cambios se cuentan desde { $previous }, la previsión anterior del mismo cálculo.
an-risk-no-earlier-project = No hay ninguna previsión anterior del mismo proyecto con la que comparar, así que ningún Estado figura en aumento.
an-risk-no-earlier-computation = No hay ninguna previsión anterior del mismo cálculo con la que comparar, así que ningún Estado figura en aumento.
an-risk-download = Descargar esta tabla en { $csv } o en { $json }.
an-risk-caption = Estados por riesgo a dos años según { $forecast }, con su capacidad; las filas señaladas son de riesgo alto o en aumento sin un mecanismo nacional operativo
an-rank = Puesto
an-change = Cambio
an-national-mechanism = Mecanismo nacional
an-functions = Funciones
an-initiatives-head = Iniciativas
an-networks = Redes
an-latest-assessment = Última evaluación cualitativa
an-top-30 = (entre los 30 primeros)
an-rising = en aumento
an-risk-none = Todavía no se ha importado ni calculado ninguna previsión en este sitio: la tabla aparecerá cuando el equipo editorial añada una publicación del Early Warning Project.
an-change-points = { $change } pp
an-not-assessed-before = sin evaluación anterior
an-functions-operational = { $operational } de { $rated } operativas ({ $edition })
an-not-rated = sin evaluar
an-none = ninguna
an-none-yet = ninguna por ahora
an-gap-status-operational = Operativo
an-gap-status-in-process = En proceso de creación
an-gap-status-dormant = Inactivo
an-gap-status-not-recorded = Estado no registrado
an-gap-status-dissolved = Disuelto
an-gap-status-none = Ninguno registrado

## La página de error

err-title = Error { $status }
err-not-found = Página no encontrada
err-home = Volver a la página de inicio
err-internal = Algo falló de nuestro lado; el error ha quedado registrado.
err-no-page = No hay ninguna página en { $path }.
err-bad-param = El parámetro «{ $param }» no es válido:
