# Las páginas de un registro (un mecanismo, un país), en español: las mismas claves y los mismos
# parámetros que en inglés (en/record.ftl).

crumbs = Ruta de navegación
rec-type = Tipo
rec-acronym = Sigla
rec-created = Creación
rec-launched = Puesta en marcha
rec-instrument = Instrumento de creación
rec-instrument-number = n.º { $number }
rec-instrument-of = del { $date }
rec-lead = Institución principal
rec-website = Sitio web
rec-mandate = Mandato
rec-status-history = Historial de estado
rec-no-status = No hay ningún estado registrado.
rec-undated = sin fecha
rec-unverified = no verificado
rec-members = Miembros
rec-members-caption = Organizaciones miembros de { $name }
rec-organisation = Organización
rec-kind = Clase
rec-role = Función
rec-since = Desde
rec-functions = Funciones por edición
rec-functions-caption = Funciones de { $name } por edición
rec-edition = Edición
rec-function = Función
rec-level = Nivel
rec-evidence = Evidencia
rec-activities = Actividades
rec-activities-latest = Las { $shown } actividades más recientes de { $total }.
rec-activities-all = Todas las actividades en la página del mecanismo
rec-outcome = Resultado:
rec-featured = Presentado en
rec-page = p. { $page }
rec-gaps = Vacíos y salvedades
rec-not-recorded = no registrado
rec-to = a
rec-initiatives-run = Iniciativas que este mecanismo dirige o impulsa:
notes-heading = Fuentes
notes-mark = nota de fuente { $n }
notes-supports = Respalda: { $facts }.
notes-in-bibliography = En la bibliografía
cite-download = Descargar la referencia:

## La página de un país

country-un-region = Región de la ONU
country-un-group = Grupo regional de la ONU
country-un-status = Estatus en la ONU
country-observer = Estado observador no miembro
country-member = Estado miembro
country-no-mechanism = No hay ningún mecanismo registrado para { $country }. Esto significa que no se ha documentado ninguno en las fuentes de que disponemos, no que no exista.
country-nearby = Cerca, en { $area }, estos países tienen uno:
country-see-also = Véase también
country-every-mechanism = todos los mecanismos
country-and = y
country-compare = comparar países
country-no-initiative = No hay ninguna iniciativa registrada para { $country }.
country-in-list = En la lista de iniciativas
country-no-network = No hay ninguna pertenencia a redes registrada.
country-networks-caption = Redes de las que { $country } es miembro
country-network = Red
country-joined = Adhesión
country-left = Salida
country-risk = Evaluación cualitativa de riesgos
country-no-risk = Aún no se ha conciliado ni publicado ninguna evaluación cualitativa de riesgos de { $country }.
country-risk-undefined = no definido
country-risk-assessed-on = Evaluación al { $date }
country-risk-assessed = Evaluación
# { $assessed } is country-risk-assessed-on or country-risk-assessed; { $framework } is the Framework's title, as recorded.
country-risk-method = { $assessed } realizada conforme al { $framework } por varios evaluadores de forma independiente y luego conciliada por los editores (edición { $edition }). Los niveles siguen la escala de cuatro niveles de NMP (no evidente, bajo, elevado, alto), no la de la ONU; la tendencia indica si un factor aumenta, se mantiene o disminuye.
# α is Krippendorff's alpha; the percentages are shares of pairs of ratings that agree.
country-risk-agreement = Acuerdo entre evaluadores antes de la conciliación: niveles α = { $levels-alpha } ({ $levels-percent } de los pares coinciden; { $factors } factores de riesgo, { $raters } evaluadores); tendencias α = { $trends-alpha } ({ $trends-percent } de los pares coinciden).
country-risk-caption = Factores de riesgo del Marco de Análisis de la ONU: nivel y tendencia de consenso para { $country }
country-risk-factor = Factor de riesgo
country-risk-group = Grupo
country-risk-level = Nivel
country-risk-trend = Tendencia
country-risk-why = Por qué, y la evidencia
country-risk-rank = { $rank } de { $of }
country-risk-note = nota de fuente { $note }
country-risk-earlier = Evaluaciones anteriores
country-risk-earlier-caption = Evaluaciones cualitativas de riesgos anteriores de { $country }: nivel y tendencia por factor de riesgo
country-risk-group-common = Común
country-risk-group-genocide = Genocidio
country-risk-group-crimes-against-humanity = Crímenes de lesa humanidad
country-risk-group-war-crimes = Crímenes de guerra
choice-rising = En aumento
choice-steady = Estable
choice-falling = En descenso
country-ewp-caption = Datos de la figura: riesgo a dos años y posición por publicación
country-ewp-release = Publicación
country-ewp-years = Años del pronóstico
country-ewp-rank = Posición
country-ewp-releases = publicaciones importadas
# { $releases } is a link whose text is country-ewp-releases.
country-ewp-note = Las { $releases } de la evaluación estadística de riesgos del Early Warning Project; los 30 primeros se consideran de alto riesgo.
# { $country } is the country's name as recorded.
country-watch-follow = Seguir este país ({ $country }) en su lista de seguimiento
# { $risk } is a link whose text is an-risk-title.
country-watch-who = cuentas del personal y de socios, tras iniciar sesión: recibirá un aviso cuando pase a estar entre los 30 primeros, cuando su riesgo aumente o cuando se evalúe de nuevo; véase también { $risk }
rec-translated-official = Traducción oficial
rec-translated-by-nmp = Traducción de NMP
rec-original = Original
rec-original-text = El texto original

## Kinds of organisation (vocabulary OrganizationKind), by code
org-kind-head-of-government = Oficina del jefe de Estado o de Gobierno
org-kind-ministry = Ministerio
org-kind-government-agency = Organismo público
org-kind-legislature = Poder legislativo
org-kind-judiciary = Poder judicial
org-kind-prosecution = Ministerio público
org-kind-police = Policía
org-kind-military = Fuerzas armadas
org-kind-intelligence = Servicio de inteligencia
org-kind-ombudsman-nhri = Defensoría del pueblo o institución nacional de derechos humanos
org-kind-civil-society = Organización de la sociedad civil
org-kind-religious = Organización religiosa
org-kind-corporation = Empresa
org-kind-academic = Institución académica
org-kind-international-org = Organización internacional
org-kind-regional-org = Organización regional
org-kind-research-institute = Instituto de investigación o formación
org-kind-other = Otro
