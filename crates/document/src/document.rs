//! The Document: immutable clean text plus standoff layers.

use dossier_text::{OffsetMap, Span};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::pipeline::StageStamp;
use crate::{Diagnostic, Metadata, RawPage};

/// Errors from misusing a document.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DocumentError {
    /// The clean text is set once; later stages add layers, never edit it.
    #[error("the clean text of document {0} is already set and is immutable")]
    TextAlreadySet(String),
    /// A span does not lie on character boundaries inside the text.
    #[error("span {start}..{end} is not inside the text on character boundaries")]
    BadSpan {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
    },
}

/// A named-entity mention: a span of the clean text with a type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is in the clean text.
    pub span: Span,
    /// `PER`, `ORG`, `LOC` or `MISC`.
    pub kind: String,
    /// Model confidence in `[0, 1]`.
    pub score: f32,
}

/// Standoff annotation layers, each a list of spans into the clean text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Layers {
    /// Paragraph blocks.
    pub blocks: Option<Vec<Span>>,
    /// Sentences.
    pub sentences: Option<Vec<Span>>,
    /// Tokens.
    pub tokens: Option<Vec<Span>>,
    /// Entity mentions.
    pub mentions: Option<Vec<Mention>>,
    /// Entity mentions of the headline (`metadata.title`), spans into the
    /// headline, not the clean text.
    #[serde(default)]
    pub title_mentions: Option<Vec<Mention>>,
}

/// One article.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the content hash of the raw page.
    pub id: String,
    /// Where it came from (path, `path:line`, WARC record, `-`).
    pub source: String,
    /// Page URL, when known.
    pub url: Option<String>,
    /// Capture date from the container, when known (never the publication date).
    pub fetched_at: Option<String>,
    text: Option<String>,
    /// Clean byte offsets → offsets in the decoded raw page.
    pub offsets: OffsetMap,
    /// Metadata with evidence.
    pub metadata: Metadata,
    /// Standoff layers.
    pub layers: Layers,
    /// What looked wrong or was inferred.
    pub diagnostics: Vec<Diagnostic>,
    /// Stages that have run on this document, with their versions.
    pub stamps: Vec<StageStamp>,
}

impl Document {
    /// A document for `raw`, with no text yet.
    pub fn for_page(raw: &RawPage) -> Self {
        Self::for_page_with_id(raw, raw.hash())
    }

    /// A document for `raw` whose content hash `id` the caller has already
    /// computed (ingest hashes every page once, to find duplicates).
    pub fn for_page_with_id(raw: &RawPage, id: String) -> Self {
        Document {
            id,
            source: raw.source.clone(),
            url: raw.url.clone(),
            fetched_at: raw.fetched_at.clone(),
            text: None,
            offsets: OffsetMap::default(),
            metadata: Metadata::default(),
            layers: Layers::default(),
            diagnostics: Vec::new(),
            stamps: Vec::new(),
        }
    }

    /// A document rebuilt from stored parts (the store uses this).
    pub fn from_parts(id: String, source: String, text: String) -> Self {
        Document {
            id,
            source,
            url: None,
            fetched_at: None,
            text: Some(text),
            offsets: OffsetMap::default(),
            metadata: Metadata::default(),
            layers: Layers::default(),
            diagnostics: Vec::new(),
            stamps: Vec::new(),
        }
    }

    /// The clean text ("" until extraction has run).
    pub fn text(&self) -> &str {
        self.text.as_deref().unwrap_or("")
    }

    /// True once the clean text is set.
    pub fn has_text(&self) -> bool {
        self.text.is_some()
    }

    /// Sets the clean text and its offset map; fails if already set.
    pub fn set_text(&mut self, text: String, offsets: OffsetMap) -> Result<(), DocumentError> {
        if self.text.is_some() {
            return Err(DocumentError::TextAlreadySet(self.id.clone()));
        }
        self.text = Some(text);
        self.offsets = offsets;
        Ok(())
    }

    /// Checks that `span` lies in the text on character boundaries.
    pub fn check_span(&self, span: Span) -> Result<(), DocumentError> {
        match span.slice(self.text()) {
            Some(_) => Ok(()),
            None => Err(DocumentError::BadSpan { start: span.start, end: span.end }),
        }
    }

    /// The text a span covers ("" when the span is invalid).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(self.text()).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PageKind;

    fn page() -> RawPage {
        RawPage {
            source: "x.txt".into(),
            url: None,
            fetched_at: None,
            kind: PageKind::Text,
            declared_charset: None,
            bytes: b"hello".to_vec(),
        }
    }

    #[test]
    fn text_is_set_once() {
        let mut d = Document::for_page(&page());
        assert_eq!(d.text(), "");
        d.set_text("hello".into(), OffsetMap::default()).unwrap();
        assert!(matches!(
            d.set_text("other".into(), OffsetMap::default()),
            Err(DocumentError::TextAlreadySet(_))
        ));
        assert_eq!(d.text(), "hello");
        assert_eq!(d.id, page().hash());
    }

    #[test]
    fn spans_are_checked() {
        let d = Document::from_parts("i".into(), "s".into(), "é".into());
        assert!(d.check_span(Span::new(0, 2)).is_ok());
        assert!(d.check_span(Span::new(0, 1)).is_err());
    }
}
