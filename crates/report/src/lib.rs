//! The dossier report: [`assemble`] gathers analysed documents, resolved
//! entities and quotes into a [`Report`] (sources, actors with roles, the
//! timeline of merged events, quotes by speaker, relations between actors,
//! stories, duplicates); [`markdown`], [`html`] and [`json`] render it.
//! Every line of a rendering cites its sources as article + sentence; the
//! HTML form is one self-contained file in which each citation opens the
//! sentence in its article.

#![deny(missing_docs)]

mod assemble;
mod dossier;
mod html;
mod markdown;
pub mod model;

pub use assemble::{assemble, ResolvedEntity, ResolvedQuote};
pub use dossier::{doc_input, docs_naming, report, resolve};
pub use dossier_link::{load_kb, Kb};
pub use html::html;
pub use markdown::markdown;
pub use model::*;

/// The report as pretty JSON (the stable, documented form).
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Relations as a graph for Gephi/Cytoscape: `{"nodes": [...], "edges": [...]}`.
pub fn graph_json(report: &Report) -> String {
    let nodes: Vec<serde_json::Value> = report
        .entities
        .iter()
        .filter(|e| report.relations.iter().any(|r| r.source == e.id || r.target == e.id))
        .map(|e| serde_json::json!({"id": e.id, "label": e.name, "type": e.kind}))
        .collect();
    let edges: Vec<serde_json::Value> = report
        .relations
        .iter()
        .map(|r| serde_json::json!({"source": r.source, "target": r.target, "type": r.kind.as_str(), "dates": r.points, "events": r.events}))
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({"nodes": nodes, "edges": edges})).unwrap_or_default()
}

/// A short label for an article in citations: the first 8 characters of its id.
pub(crate) fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
