//! The JSON Lines record printed by `dossier extract` / `dossier analyze`
//! and stored by `ingest`. Offsets are Unicode code-point offsets into `text`.

use dossier_text::CharIndex;
use serde::{Deserialize, Serialize};

use crate::{DateValue, Diagnostic, Document};

/// A diagnostic as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiagnosticRecord {
    /// Stable code.
    pub code: String,
    /// Human message.
    pub message: String,
}

/// A `{start, end}` code-point range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// A mention as printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Confidence.
    pub score: f32,
}

/// Evidence for the non-date metadata fields.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    /// Where the title came from.
    pub title: Option<String>,
    /// Where each author came from.
    pub authors: Vec<String>,
    /// Where the dateline came from.
    pub dateline: Option<String>,
    /// How the language was decided.
    pub language: Option<String>,
}

/// One object of `dossier extract` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtractRecord {
    /// Content hash of the raw page.
    pub id: String,
    /// Path or URL it came from.
    pub source: String,
    /// Page URL when known.
    pub url: Option<String>,
    /// Capture date from the container when known.
    pub fetched_at: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// First named author, or null.
    pub author: Option<String>,
    /// All named authors.
    pub authors: Vec<String>,
    /// Publication date.
    pub published: Option<DateValue>,
    /// Modification date.
    pub modified: Option<DateValue>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// Outlet name.
    pub site_name: Option<String>,
    /// Canonical URL.
    pub canonical_url: Option<String>,
    /// Evidence for title, authors, dateline, language.
    pub evidence: EvidenceRecord,
    /// Clean text, paragraphs separated by blank lines.
    pub text: String,
    /// Sentences (present after analysis).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sentences: Option<Vec<SpanRecord>>,
    /// Mentions (present after analysis).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mentions: Option<Vec<MentionRecord>>,
    /// Mentions in the headline, offsets into `title` (present after
    /// analysis of a page with a headline).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title_mentions: Option<Vec<MentionRecord>>,
    /// Diagnostics.
    pub diagnostics: Vec<DiagnosticRecord>,
}

impl ExtractRecord {
    /// The record for a document, converting spans to code points.
    pub fn from_document(doc: &Document) -> Self {
        let m = &doc.metadata;
        let text = doc.text();
        let index = CharIndex::new(text);
        let sentences = doc.layers.sentences.as_ref().map(|s| {
            s.iter()
                .map(|sp| SpanRecord { start: index.char_offset(sp.start), end: index.char_offset(sp.end) })
                .collect()
        });
        let mentions = doc.layers.mentions.as_deref().map(|ms| mention_records(text, &index, ms));
        let title = m.title.as_ref().map_or("", |t| t.value.as_str());
        let title_index = CharIndex::new(title);
        let title_mentions = doc.layers.title_mentions.as_deref().map(|ms| mention_records(title, &title_index, ms));
        ExtractRecord {
            id: doc.id.clone(),
            source: doc.source.clone(),
            url: doc.url.clone(),
            fetched_at: doc.fetched_at.clone(),
            language: m.language.as_ref().map(|l| l.value.clone()),
            title: m.title.as_ref().map(|t| t.value.clone()),
            author: m.authors.first().map(|a| a.value.clone()),
            authors: m.authors.iter().map(|a| a.value.clone()).collect(),
            published: m.published.clone(),
            modified: m.modified.clone(),
            dateline: m.dateline.as_ref().map(|d| d.value.clone()),
            site_name: m.site_name.as_ref().map(|s| s.value.clone()),
            canonical_url: m.canonical_url.as_ref().map(|s| s.value.clone()),
            evidence: EvidenceRecord {
                title: m.title.as_ref().map(|t| t.evidence.clone()),
                authors: m.authors.iter().map(|a| a.evidence.clone()).collect(),
                dateline: m.dateline.as_ref().map(|d| d.evidence.clone()),
                language: m.language.as_ref().map(|l| l.evidence.clone()),
            },
            text: text.to_string(),
            sentences,
            mentions,
            title_mentions,
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d: &Diagnostic| DiagnosticRecord { code: d.code.clone(), message: d.message.clone() })
                .collect(),
        }
    }
}

/// Mentions as printed: code-point offsets into `text` and the covered
/// text.
fn mention_records(text: &str, index: &CharIndex, mentions: &[crate::Mention]) -> Vec<MentionRecord> {
    mentions
        .iter()
        .map(|mn| MentionRecord {
            start: index.char_offset(mn.span.start),
            end: index.char_offset(mn.span.end),
            text: mn.span.slice(text).unwrap_or("").to_string(),
            kind: mn.kind.clone(),
            score: mn.score,
        })
        .collect()
}
