//! What goes into the index: one [`IndexDoc`] per record, or per page of a document, with the
//! pieces of its text (each analysed in its own language), who may see it and its facets.

use crate::schema::Lang;

/// The kinds of results, in the order the results page shows their groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A UN member or observer state.
    Country,
    /// A national mechanism.
    Mechanism,
    /// An initiative.
    Initiative,
    /// An organisation.
    Organisation,
    /// A network.
    Network,
    /// An edition of the report.
    Edition,
    /// A part of an edition.
    EditionPart,
    /// An edition's profile of a mechanism.
    Profile,
    /// A source (bibliographic record).
    Source,
    /// A page of a source's archived file.
    Document,
    /// A document attached to a questionnaire response (staff only).
    Attachment,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 11] = [
        Kind::Country,
        Kind::Mechanism,
        Kind::Initiative,
        Kind::Organisation,
        Kind::Network,
        Kind::Edition,
        Kind::EditionPart,
        Kind::Profile,
        Kind::Source,
        Kind::Document,
        Kind::Attachment,
    ];

    /// The stable code (`mechanism`), used in the `kind` parameter.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Country => "country",
            Kind::Mechanism => "mechanism",
            Kind::Initiative => "initiative",
            Kind::Organisation => "organization",
            Kind::Network => "network",
            Kind::Edition => "edition",
            Kind::EditionPart => "edition_part",
            Kind::Profile => "profile",
            Kind::Source => "source",
            Kind::Document => "document",
            Kind::Attachment => "attachment",
        }
    }

    /// The plural label of a group of results.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Country => "Countries",
            Kind::Mechanism => "Mechanisms",
            Kind::Initiative => "Initiatives",
            Kind::Organisation => "Organisations",
            Kind::Network => "Networks",
            Kind::Edition => "Editions",
            Kind::EditionPart => "Edition parts",
            Kind::Profile => "Profiles",
            Kind::Source => "Sources",
            Kind::Document => "Text of archived source files",
            Kind::Attachment => "Questionnaire attachments",
        }
    }

    /// The kind of a code.
    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The facet dimensions, each a filter parameter of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    /// The kind of result.
    Kind,
    /// The country (ISO 3166-1 alpha-3).
    Country,
    /// The UN region.
    Region,
    /// The UN regional group.
    Group,
    /// The edition (slug).
    Edition,
    /// The source's language (ISO 639-1).
    Language,
    /// The year.
    Year,
}

impl Dim {
    /// Every dimension, in display order.
    pub const ALL: [Dim; 7] = [
        Dim::Kind,
        Dim::Country,
        Dim::Region,
        Dim::Group,
        Dim::Edition,
        Dim::Language,
        Dim::Year,
    ];

    /// The parameter and facet name.
    pub fn code(self) -> &'static str {
        match self {
            Dim::Kind => "kind",
            Dim::Country => "country",
            Dim::Region => "region",
            Dim::Group => "group",
            Dim::Edition => "edition",
            Dim::Language => "language",
            Dim::Year => "year",
        }
    }

    /// The heading of the facet.
    pub fn label(self) -> &'static str {
        match self {
            Dim::Kind => "Kind",
            Dim::Country => "Country",
            Dim::Region => "UN region",
            Dim::Group => "UN regional group",
            Dim::Edition => "Edition",
            Dim::Language => "Source language",
            Dim::Year => "Year",
        }
    }
}

/// One document of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDoc {
    /// Unique key.
    pub key: String,
    /// `record`, or `file:...` for the pages of one file.
    pub scope: String,
    /// Its kind.
    pub kind: Kind,
    /// Whether the public may see it (otherwise staff only).
    pub public: bool,
    /// The title shown.
    pub title: String,
    /// Pieces of text, each with its language when the record says it (detected otherwise).
    pub texts: Vec<(Option<Lang>, String)>,
    /// Where it is shown.
    pub url: String,
    /// A line of context.
    pub context: String,
    /// The page (documents; 0 otherwise).
    pub page: u64,
    /// Why a document's text is missing.
    pub missing: Option<String>,
    /// Facet values (codes).
    pub facets: Vec<(Dim, String)>,
    /// The language code of the text, when the record says it.
    pub language: Option<String>,
}

impl IndexDoc {
    /// A public record of `kind` with a title and nothing else yet.
    pub fn record(kind: Kind, id: &str, title: &str, url: String) -> IndexDoc {
        IndexDoc {
            key: format!("{}:{id}", kind.code()),
            scope: "record".into(),
            kind,
            public: true,
            title: title.to_string(),
            texts: Vec::new(),
            url,
            context: String::new(),
            page: 0,
            missing: None,
            facets: vec![(Dim::Kind, kind.code().to_string())],
            language: None,
        }
    }

    /// Adds a piece of text (skipped when empty).
    pub fn text(&mut self, lang: Option<Lang>, text: Option<&str>) -> &mut Self {
        if let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) {
            self.texts.push((lang, t.to_string()));
        }
        self
    }

    /// Adds a facet value (skipped when empty).
    pub fn facet(&mut self, dim: Dim, value: Option<&str>) -> &mut Self {
        if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
            self.facets.push((dim, v.to_string()));
        }
        self
    }
}

/// The language of a piece of text: the one given, else detected when the detection is reliable
/// and the language one of the three analysed; `None` (analysed in all three) otherwise.
pub fn language_of(given: Option<Lang>, text: &str) -> Option<Lang> {
    if given.is_some() {
        return given;
    }
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    match info.lang() {
        whatlang::Lang::Eng => Some(Lang::En),
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Spa => Some(Lang::Es),
        _ => None,
    }
}

/// The year of a partial date (`2018-12-29`, `2018`).
pub fn year_of(date: Option<&str>) -> Option<String> {
    let y = date?.get(..4)?;
    y.chars().all(|c| c.is_ascii_digit()).then(|| y.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_detected_only_when_reliable() {
        assert_eq!(
            language_of(
                None,
                "Comité national pour la prévention et la répression du génocide et des crimes de guerre"
            ),
            Some(Lang::Fr)
        );
        assert_eq!(
            language_of(
                None,
                "Comisión nacional para la prevención del genocidio y de los crímenes de lesa humanidad"
            ),
            Some(Lang::Es)
        );
        assert_eq!(language_of(Some(Lang::En), "prévention du génocide"), Some(Lang::En));
        assert_eq!(year_of(Some("2018-12-29")), Some("2018".into()));
        assert_eq!(year_of(Some("n.d.")), None);
    }
}
