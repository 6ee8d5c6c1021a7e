//! Ingestion: turns paths (files, folders, `-` for stdin, `.gz`, JSON Lines,
//! HTML, WARC) into a stream of [`Item`]s — raw pages as received, or
//! failures with a reason — and decodes raw bytes to UTF-8 text.
//!
//! Nothing here decides what the article is; see `dossier-extract`.

use dossier_document::RawPage;

/// One thing read from the inputs.
#[derive(Debug)]
pub enum Item {
    /// A page to process.
    Page(RawPage),
    /// Something that could not be read, with the reason.
    Failure(Failure),
    /// Something read and deliberately not processed (a WARC request record, a
    /// non-HTML response), with the reason.
    Skipped(Failure),
}

/// Where a failure happened and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Path, `path:line`, or WARC record locator.
    pub source: String,
    /// Human-readable reason.
    pub reason: String,
}

mod decode;

pub use decode::{decode, Decoded};
