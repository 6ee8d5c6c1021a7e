//! The index manifest: which documents the index holds, each with a
//! fingerprint of its stored summary, so that a sync touches only what
//! changed. Kept as JSON beside tantivy's files; written after each commit
//! (atomically: temporary file then rename).

use std::collections::HashMap;
use std::path::Path;

use dossier_document::Document;
use dossier_store::Summary;
use serde::{Deserialize, Serialize};

use crate::{SearchError, INDEX_VERSION};

const FILE: &str = "dossier-manifest.json";

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub version: u32,
    pub docs: HashMap<String, u64>,
    #[serde(skip)]
    pub dirty: bool,
}

impl Manifest {
    pub fn load(dir: &Path) -> Option<Manifest> {
        let bytes = std::fs::read(dir.join(FILE)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    pub fn save(&mut self, dir: &Path) -> Result<(), SearchError> {
        self.version = INDEX_VERSION;
        let path = dir.join(FILE);
        let tmp = dir.join(format!("{FILE}.tmp"));
        let io = |source| SearchError::Io {
            path: path.clone(),
            source,
        };
        let json = serde_json::to_vec(&*self).map_err(|e| io(std::io::Error::other(e)))?;
        std::fs::write(&tmp, json).map_err(io)?;
        std::fs::rename(&tmp, &path).map_err(io)?;
        self.dirty = false;
        Ok(())
    }
}

/// FNV-1a over the fields, separated by a byte that never occurs in text.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf29ce484222325)
    }
    fn field(&mut self, s: Option<&str>) {
        match s {
            None => self.byte(0xfe),
            Some(s) => s.bytes().for_each(|b| self.byte(b)),
        }
        self.byte(0xff);
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x100000001b3);
    }
}

fn fingerprint(parts: [Option<&str>; 9]) -> u64 {
    let mut h = Fnv::new();
    for p in parts {
        h.field(p);
    }
    h.0
}

/// Fingerprint of what the store lists for a document.
pub(crate) fn fingerprint_summary(s: &Summary) -> u64 {
    let chars = s.chars.to_string();
    let diags = s.diagnostics.to_string();
    fingerprint([
        Some(&s.source),
        s.published.as_deref(),
        s.precision.as_deref(),
        Some(if s.estimated { "1" } else { "0" }),
        s.language.as_deref(),
        s.title.as_deref(),
        s.author.as_deref(),
        Some(&chars),
        Some(&diags),
    ])
}

/// The same fingerprint computed from the document the summary is made of.
pub(crate) fn fingerprint_document(d: &Document) -> u64 {
    let m = &d.metadata;
    let chars = d.text().chars().count().to_string();
    let diags = d.diagnostics.len().to_string();
    fingerprint([
        Some(&d.source),
        m.published.as_ref().map(|p| p.value.as_str()),
        m.published.as_ref().map(|p| p.precision.as_str()),
        Some(if m.published.as_ref().is_some_and(|p| p.estimated) {
            "1"
        } else {
            "0"
        }),
        m.language.as_ref().map(|l| l.value.as_str()),
        m.title.as_ref().map(|t| t.value.as_str()),
        m.authors.first().map(|a| a.value.as_str()),
        Some(&chars),
        Some(&diags),
    ])
}
