//! `dossier report`: the dossier of the stored articles (or a filtered
//! part of it) as Markdown, self-contained HTML, JSON, or a relation graph.

use std::path::{Path, PathBuf};

use anyhow::Context;
use dossier_document::Document;
use dossier_store::Store;
use dossier_text::normalize::fold;


/// Output formats.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// Markdown.
    Md,
    /// One self-contained HTML file.
    Html,
    /// JSON (documented in docs/report.schema.json).
    Json,
    /// Relations between actors as a JSON graph (nodes, edges) for Gephi/Cytoscape.
    Graph,
}

/// Arguments of `dossier report`.
#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value = "md")]
    format: Format,
    /// Only articles whose title or text contains this (case and accents ignored).
    #[arg(long)]
    query: Option<String>,
    /// Only articles naming this entity (name or alias, case and accents ignored).
    #[arg(long)]
    entity: Option<String>,
    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD;
    /// an article dated to a month matches when its month overlaps the range).
    #[arg(long)]
    from: Option<String>,
    /// Only articles published on or before this date.
    #[arg(long)]
    to: Option<String>,
    /// A knowledge file of known entities (CSV `id,type,names` with names separated by `|`, or JSON Lines).
    #[arg(long)]
    kb: Option<PathBuf>,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// True when a date at its own precision overlaps `[from, to]` (prefix
/// comparison: `2025-06` is within `--from 2025-06-10`).
fn in_range(value: &str, from: Option<&str>, to: Option<&str>) -> bool {
    let cut = |bound: &str| bound.get(..value.len().min(bound.len())).unwrap_or(bound).to_string();
    let after = from.is_none_or(|f| value >= cut(f).as_str());
    let before = to.is_none_or(|t| value.get(..t.len().min(value.len())).unwrap_or(value) <= cut(t).as_str());
    after && before
}

/// Runs the command.
pub fn run(db: &Path, args: Args) -> anyhow::Result<u8> {
    let store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let mut docs: Vec<Document> = store.documents()?;
    if let Some(q) = &args.query {
        let q = fold(q);
        docs.retain(|d| {
            let title = d.metadata.title.as_ref().map_or(String::new(), |t| fold(&t.value));
            title.contains(&q) || fold(d.text()).contains(&q)
        });
    }
    if args.from.is_some() || args.to.is_some() {
        docs.retain(|d| {
            d.metadata.published.as_ref().is_some_and(|p| in_range(&p.value, args.from.as_deref(), args.to.as_deref()))
        });
    }
    let kb = match &args.kb {
        Some(path) => Some(dossier_report::load_kb(path).with_context(|| format!("reading {}", path.display()))?),
        None => None,
    };
    let mut resolved = dossier_report::resolve(&docs, kb.as_ref());
    if let Some(name) = &args.entity {
        let keep = dossier_report::docs_naming(&resolved, name);
        docs.retain(|d| keep.contains(&d.id));
        resolved = dossier_report::resolve(&docs, kb.as_ref());
    }
    let report = dossier_report::report(&docs, &resolved);
    let out = match args.format {
        Format::Md => dossier_report::markdown(&report),
        Format::Html => dossier_report::html(&report),
        Format::Json => dossier_report::json(&report),
        Format::Graph => dossier_report::graph_json(&report),
    };
    match &args.output {
        Some(path) => std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?,
        None => {
            use std::io::Write;
            std::io::stdout().lock().write_all(out.as_bytes())?;
        }
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::in_range;

    #[test]
    fn ranges_respect_precision() {
        assert!(in_range("2025-06", Some("2025-06-10"), None));
        assert!(in_range("2025-06", None, Some("2025-06-10")));
        assert!(!in_range("2025-05-31", Some("2025-06-01"), None));
        assert!(in_range("2025-06-23T00:53", Some("2025-06-23"), Some("2025-06-23")));
        assert!(!in_range("2025", Some("2026"), None));
    }
}
