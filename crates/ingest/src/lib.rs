//! Ingestion: turns paths (files, folders, `-` for stdin, `.gz`, JSON Lines,
//! HTML, WARC) into a stream of [`Item`]s — raw pages as received, or
//! failures with a reason — and decodes raw bytes to UTF-8 text.
//!
//! Everything is streamed: folders are walked lazily, JSON Lines and WARC
//! files are read line by line / record by record with bounded memory, and no
//! more than one page is held at a time. Bad input never panics: it becomes an
//! [`Item::Failure`] (could not be read) or an [`Item::Skipped`] (read and
//! deliberately not processed).
//!
//! Nothing here decides what the article is; see `dossier-extract`.

#![deny(missing_docs)]

use std::fmt;

use dossier_document::RawPage;

mod bufio;
mod decode;
mod error;
mod http;
mod inputs;
mod jsonl;
mod sniff;
mod stream;
mod warc;

pub use decode::{decode, Decoded};
pub use error::IngestError;
pub use inputs::{read_inputs, Inputs};
pub use jsonl::JsonlReader;
pub use stream::read_reader;
pub use warc::{read_warc, read_warc_bytes, WarcReader};

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

impl Item {
    /// A failure item.
    pub fn failure(source: impl Into<String>, reason: impl fmt::Display) -> Self {
        Item::Failure(Failure::new(source, reason))
    }

    /// A skipped item.
    pub fn skipped(source: impl Into<String>, reason: impl fmt::Display) -> Self {
        Item::Skipped(Failure::new(source, reason))
    }
}

/// Where a failure happened and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Path, `path:line`, or WARC record locator.
    pub source: String,
    /// Human-readable reason.
    pub reason: String,
}

impl Failure {
    /// A failure at `source` for `reason`.
    pub fn new(source: impl Into<String>, reason: impl fmt::Display) -> Self {
        Self { source: source.into(), reason: reason.to_string() }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

/// Default per-page limit: 64 MiB.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest page (file, JSON line, WARC record payload) accepted, in
    /// bytes. Larger ones are reported without being read into memory whole.
    /// Containers (WARC, JSON Lines files) may be larger: the limit applies to
    /// each page inside them.
    pub max_page_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self { max_page_bytes: DEFAULT_MAX_PAGE_BYTES }
    }
}

/// Counts of what a reader produced so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Pages yielded.
    pub pages: u64,
    /// Things deliberately skipped (WARC requests, redirects, non-HTML).
    pub skipped: u64,
    /// Things that could not be read.
    pub failures: u64,
}

impl ReadStats {
    /// Counts one item.
    pub fn count(&mut self, item: &Item) {
        match item {
            Item::Page(_) => self.pages += 1,
            Item::Skipped(_) => self.skipped += 1,
            Item::Failure(_) => self.failures += 1,
        }
    }
}
