//! Diagnostics: what went wrong or looked odd with one input, kept with the
//! document (or with the failure) instead of aborting the run.

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational: something was inferred or normalised.
    Info,
    /// Something looked wrong but the document is usable.
    Warning,
    /// The input could not be turned into a document.
    Error,
}

/// A machine-readable code with a human message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable kebab-case code, e.g. `decode-replacement`, `no-date`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
    /// Severity.
    pub severity: Severity,
}

impl Diagnostic {
    /// An informational diagnostic.
    pub fn info(code: &str, message: impl Into<String>) -> Self {
        Self { code: code.to_string(), message: message.into(), severity: Severity::Info }
    }
    /// A warning.
    pub fn warning(code: &str, message: impl Into<String>) -> Self {
        Self { code: code.to_string(), message: message.into(), severity: Severity::Warning }
    }
    /// An error.
    pub fn error(code: &str, message: impl Into<String>) -> Self {
        Self { code: code.to_string(), message: message.into(), severity: Severity::Error }
    }
}
