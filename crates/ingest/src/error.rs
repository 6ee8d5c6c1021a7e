//! Why an input (or a part of one) could not be read.
//!
//! Readers turn these into [`crate::Item::Failure`] reasons; the `Display`
//! text is the reason users see.

use std::io;

/// An ingestion error.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The input holds no bytes.
    #[error("empty file")]
    Empty,
    /// The input looks binary (NUL bytes, control bytes, a known magic number).
    #[error("binary file ({0})")]
    Binary(String),
    /// The input is larger than the per-page limit, size known.
    #[error("too large: {size} bytes > limit {limit} bytes")]
    TooLarge {
        /// Size of the input.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// The input is larger than the per-page limit, size not known upfront
    /// (compressed input, stdin).
    #[error("too large: more than {limit} bytes > limit {limit} bytes")]
    TooLargeStream {
        /// The limit in force.
        limit: u64,
    },
    /// A path could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] io::Error),
    /// A gzip stream is corrupt or truncated; nothing decompressed from it
    /// is kept as a page.
    #[error("gzip error: {0}")]
    Gzip(io::Error),
    /// A malformed or truncated container (WARC record, HTTP message).
    #[error("{0}")]
    Format(String),
}

impl IngestError {
    /// An I/O error, labelled as a gzip error when it came out of a gzip
    /// decoder.
    pub(crate) fn read(err: io::Error, gzip: bool) -> Self {
        if gzip {
            IngestError::Gzip(err)
        } else {
            IngestError::Io(err)
        }
    }
}
