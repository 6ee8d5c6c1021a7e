//! Extraction: from a decoded raw page to one clean article text plus
//! metadata with evidence.
//!
//! * [`text_dump`]: plain-text dumps of rendered pages (line classification).
//! * [`html`]: HTML pages (DOM parse, main-content scoring, metadata).
//! * [`ExtractStage`] / [`LanguageStage`]: the pipeline stages that run them.

pub mod html;
mod server_messages;
mod stage;
pub mod text_dump;

use dossier_document::{Diagnostic, Metadata};
use dossier_text::OffsetMap;

pub use stage::{ExtractStage, LanguageStage};

/// What an extractor produces for one page.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Clean article text: paragraphs separated by one blank line, the title
    /// not repeated, no trailing whitespace.
    pub text: String,
    /// Clean byte offsets → byte offsets in the decoded page text.
    pub offsets: OffsetMap,
    /// Title, authors, dates, dateline, site… each with evidence.
    /// (`language` is left to [`LanguageStage`].)
    pub metadata: Metadata,
    /// What looked odd.
    pub diagnostics: Vec<Diagnostic>,
}
