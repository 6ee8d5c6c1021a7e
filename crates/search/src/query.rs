//! Search requests and results.

use std::ops::Range;

use serde::Serialize;
use tantivy::collector::FacetCounts;
use tantivy::schema::Facet;

/// A search request. `Default` gives an empty query (all documents), 20
/// hits, facets counted.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    /// Query text: words (all required), `"phrases"`, `OR`, `-excluded`,
    /// `(groups)`, as tantivy's query parser reads them.
    pub text: String,
    /// Names that must be mentioned (each matched as a phrase, folded).
    pub entities: Vec<String>,
    /// Entity type that must occur (`PER`, `ORG`, `LOC`, `MISC`).
    pub entity_type: Option<String>,
    /// Language (ISO 639-1).
    pub language: Option<String>,
    /// Site/outlet (host without `www.`, or site name).
    pub site: Option<String>,
    /// Author (matched as a phrase, folded).
    pub author: Option<String>,
    /// First day (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`): articles whose date,
    /// at its precision, ends on or after it.
    pub from: Option<String>,
    /// Last day, same forms: articles whose date starts on or before it.
    pub to: Option<String>,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Count facets over all matching documents.
    pub facets: bool,
    /// Values per facet.
    pub facet_limit: usize,
    /// Snippet length in characters.
    pub snippet_chars: usize,
}

impl Default for SearchQuery {
    fn default() -> Self {
        SearchQuery {
            text: String::new(),
            entities: Vec::new(),
            entity_type: None,
            language: None,
            site: None,
            author: None,
            from: None,
            to: None,
            limit: 20,
            offset: 0,
            facets: true,
            facet_limit: 15,
            snippet_chars: 240,
        }
    }
}

/// A passage of a text with the matched words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage, as printed (not escaped).
    pub text: String,
    /// Byte ranges of `text` to highlight, sorted, not overlapping.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    pub(crate) fn from_tantivy(s: &tantivy::snippet::Snippet) -> Self {
        let text = s.fragment().to_string();
        let mut highlights: Vec<Range<usize>> = s
            .highlighted()
            .iter()
            .filter(|r| r.start < r.end && text.get(r.start..r.end).is_some())
            .cloned()
            .collect();
        highlights.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(highlights.len());
        for r in highlights {
            match merged.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => merged.push(r),
            }
        }
        Snippet {
            text,
            highlights: merged,
        }
    }

    /// The first `chars` characters of `text`, cut at a word boundary.
    pub(crate) fn plain_prefix(text: &str, chars: usize) -> Self {
        let end = text
            .char_indices()
            .nth(chars)
            .map(|(i, _)| i)
            .unwrap_or(text.len());
        let mut cut = &text[..end];
        if end < text.len() {
            if let Some(space) = cut.rfind(char::is_whitespace) {
                if space > end / 2 {
                    cut = &cut[..space];
                }
            }
        }
        Snippet {
            text: cut.to_string(),
            highlights: Vec::new(),
        }
    }

    /// The pieces of the snippet in order, each with whether it is highlighted.
    pub fn pieces(&self) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        let mut at = 0;
        for r in &self.highlights {
            if let (Some(before), Some(hit)) =
                (self.text.get(at..r.start), self.text.get(r.clone()))
            {
                if !before.is_empty() {
                    out.push((before, false));
                }
                out.push((hit, true));
                at = r.end;
            }
        }
        if let Some(rest) = self.text.get(at..) {
            if !rest.is_empty() {
                out.push((rest, false));
            }
        }
        out
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Relevance (BM25).
    pub score: f32,
    /// Headline.
    pub title: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Site/outlet.
    pub site: Option<String>,
    /// First author.
    pub author: Option<String>,
    /// Publication date (ISO prefix at its precision).
    pub published: Option<String>,
    /// Its precision.
    pub precision: Option<String>,
    /// Best passage with the matches marked.
    pub snippet: Snippet,
}

/// One facet value and the number of matching documents that have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value (for entities: the name).
    pub value: String,
    /// For entities: the type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Matching documents.
    pub count: u64,
}

/// Facet counts over all matching documents, most frequent first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Languages.
    pub languages: Vec<FacetCount>,
    /// Sites/outlets.
    pub sites: Vec<FacetCount>,
    /// Authors.
    pub authors: Vec<FacetCount>,
    /// Publication years.
    pub years: Vec<FacetCount>,
    /// Entity types.
    pub entity_types: Vec<FacetCount>,
    /// Entities (provisional: name + type).
    pub entities: Vec<FacetCount>,
}

/// Search results.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Matching documents in all.
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// Facet counts when asked for.
    pub facets: Option<Facets>,
    /// Parts of the query that could not be read (they were ignored).
    pub warnings: Vec<String>,
}

pub(crate) const FACET_ROOTS: &[&str] = &["lang", "site", "author", "year", "type", "entity"];

pub(crate) fn facets_from(counts: &FacetCounts, k: usize) -> Facets {
    let list = |root: &str| -> Vec<FacetCount> {
        counts
            .top_k(Facet::from_path([root]), k)
            .into_iter()
            .filter_map(|(facet, count)| {
                let value = facet.to_path().last().map(|s| s.to_string())?;
                Some(FacetCount {
                    value,
                    kind: None,
                    count,
                })
            })
            .collect()
    };
    let mut years = list("year");
    years.sort_by(|a, b| a.value.cmp(&b.value));
    let entities = list("entity")
        .into_iter()
        .map(|f| match f.value.split_once(':') {
            Some((kind, name)) => FacetCount {
                value: name.to_string(),
                kind: Some(kind.to_string()),
                count: f.count,
            },
            None => f,
        })
        .collect();
    Facets {
        languages: list("lang"),
        sites: list("site"),
        authors: list("author"),
        years,
        entity_types: list("type"),
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text() {
        let s = Snippet {
            text: "abc déf ghi".into(),
            highlights: vec![4..8, 100..200],
        };
        let p = s.pieces();
        assert_eq!(p, vec![("abc ", false), ("déf", true), (" ghi", false)]);
        assert_eq!(Snippet::plain_prefix("héllo world again", 9).text, "héllo");
        assert_eq!(Snippet::plain_prefix("", 9).text, "");
    }
}
