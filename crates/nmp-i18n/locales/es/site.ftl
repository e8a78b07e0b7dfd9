# El marco del sitio público y su página de inicio, en español: las mismas claves y los mismos
# parámetros que en inglés (en/site.ftl).

site-title = Mecanismos nacionales para la prevención del genocidio y otros crímenes atroces
site-brand = Mecanismos nacionales
site-brand-rest = para la prevención del genocidio y otros crímenes atroces
site-description = Datos y análisis sobre cómo los Estados crean mecanismos nacionales para la prevención del genocidio y otros crímenes atroces, con cada dato vinculado a su fuente.
site-skip = Ir al contenido
site-nav = Navegación principal
site-nav-countries = Países
site-nav-mechanisms = Mecanismos
site-nav-initiatives = Iniciativas
site-nav-networks = Redes
site-nav-analysis = Análisis
site-nav-risk = Riesgo
site-nav-editions = Ediciones
site-nav-sources = Fuentes
site-nav-data = Datos y API
site-nav-about = Acerca de
site-search-label = Buscar en el sitio
site-search = Buscar
site-languages = Idiomas
site-in-english = El contenido de esta página está en inglés
site-footer = El informe { $review } fue iniciado por el Instituto Auschwitz (AIPR) y transferido a I-GMAP, Universidad de Binghamton. Cada dato de este sitio está vinculado a su fuente; los vacíos se dejan en blanco y se señalan.
site-how-to-cite = Cómo citar
site-open-data = Datos abiertos
site-sign-in = Iniciar sesión
# The footer of a signed-in visitor's pages: { $name } (in bold) and { $workspace } (a link whose text is site-workspace) are HTML.
site-signed-in = Sesión iniciada como { $name } ({ $role }) · { $workspace }
site-workspace = Espacio de trabajo
site-workspace-lower = espacio de trabajo

## La página de inicio

home-heading = Mecanismos nacionales de prevención de atrocidades
home-lede = Un mecanismo nacional es un órgano establecido oficialmente que reúne a representantes de las instancias del Estado relevantes para la prevención del genocidio y otros crímenes atroces: ministerios, el poder legislativo, los servicios de seguridad e inteligencia y las instituciones de derechos humanos. Juntos recopilan datos, evalúan riesgos, capacitan a funcionarios, orientan políticas que protegen a las poblaciones vulnerables y participan en redes regionales y mundiales.
home-holds = Este sitio reúne los datos del informe { $review }: cada mecanismo, su instrumento de creación, sus miembros y su labor, con cada dato vinculado a su fuente.
home-read-report = Leer el informe más reciente
home-report-facts = PDF, { $pages } páginas, { $size }
home-web-version = versión web y datos
home-key-figures = Cifras clave
home-states-with = Estados con un mecanismo nacional
home-of = de { $total }
home-mechanisms-all = Mecanismos (todos los niveles)
home-networks = Redes de prevención registradas
home-sources = Fuentes citadas
home-to-date = todos los registros hasta la fecha
home-map-heading = Dónde hay mecanismos nacionales, { $when }
home-more-analysis = Más en el análisis
home-more-analysis-rest = , incluidas ediciones anteriores, la pertenencia a redes y los Estados con mayor riesgo.
home-latest = Última edición
home-featuring = { $count ->
    [one] con { $count } mecanismo
   *[other] con { $count } mecanismos
}
home-list-heading = Estados con un mecanismo nacional, { $when }
home-list-caption = Los { $count } Estados con un mecanismo nacional, { $when }, y sus mecanismos
home-country = País
home-region = Región
home-mechanisms = Mecanismos nacionales
home-not-counted = También registrados, pero no contabilizados ({ $when }):
home-all-countries = Los 195 países
home-all-mechanisms = Todos los mecanismos
as-of-all = todos los datos registrados
as-of-edition = según la edición { $edition }
as-of-edition-year = según la edición { $edition } ({ $year })
as-of-edition-no-year = edición { $edition }, sin año: todos los datos registrados
