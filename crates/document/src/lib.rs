//! The document model every stage reads and extends.
//!
//! * [`RawPage`]: a page as received (bytes, where it came from), with its
//!   content hash; never modified.
//! * [`Document`]: one article — its clean text (set once, then immutable),
//!   [`Metadata`] whose every field carries evidence, standoff [`Layers`],
//!   and [`Diagnostic`]s.
//! * [`Stage`] and [`Pipeline`]: stages declare the layers they require and
//!   provide; a pipeline that would run a stage before its requirements is
//!   rejected when it is built.
//! * [`ExtractRecord`]: the JSON Lines contract of `dossier extract`.

#![deny(missing_docs)]

mod diagnostic;
mod document;
mod metadata;
mod pipeline;
mod raw;
mod record;

pub use diagnostic::{Diagnostic, Severity};
pub use document::{Document, DocumentError, Layers, Mention};
pub use metadata::{DateValue, Evidenced, Metadata, Precision};
pub use pipeline::{Layer, Pipeline, PipelineError, Stage, StageError, StageStamp};
pub use raw::{content_hash, PageKind, RawPage};
pub use record::{DiagnosticRecord, EvidenceRecord, ExtractRecord, MentionRecord, SpanRecord};
