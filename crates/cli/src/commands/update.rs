//! `dossier update`: recomputes the stored documents that an older version
//! of a stage made (DESIGN.md principle 3), from their raw pages as
//! received; documents already made by the current stage versions are left
//! alone. Each batch is one transaction, like ingest.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use dossier_store::Store;
use rayon::prelude::*;

use crate::pipeline;

/// Arguments of `dossier update`.
#[derive(clap::Args)]
pub struct Args {
    /// Recompute every document, even those made by the current stage versions.
    #[arg(long)]
    all: bool,
}

/// Runs the command.
pub fn run(db: &Path, args: Args, ner: dossier_ner::Conventions) -> anyhow::Result<u8> {
    let mut store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let pipeline = pipeline::analysis(ner)?;
    let current = pipeline.stamps();
    let stale: Vec<String> =
        store.stamps()?.into_iter().filter(|(_, s)| args.all || *s != current).map(|(id, _)| id).collect();
    let mut updated = 0;
    let mut failed = 0;
    for chunk in stale.chunks(64) {
        let mut raws = Vec::with_capacity(chunk.len());
        for id in chunk {
            match store.raw_page(id)? {
                Some(raw) => raws.push(raw),
                None => {
                    eprintln!("dossier: {id}: raw page missing, left as it is");
                    failed += 1;
                }
            }
        }
        let results: Vec<_> = raws.par_iter().map(|raw| pipeline::process(&pipeline, raw)).collect();
        let mut docs = Vec::with_capacity(results.len());
        for r in results {
            match r {
                Ok(doc) => docs.push(doc),
                Err(f) => {
                    eprintln!("dossier: failed: {}: {}", f.source, f.reason);
                    failed += 1;
                }
            }
        }
        updated += store.replace_documents(&docs).context("writing to the database")?;
    }
    let stages: Vec<String> = current.iter().map(|s| format!("{}@{}", s.stage, s.version)).collect();
    writeln!(
        std::io::stdout().lock(),
        "update: {updated} document(s) recomputed, {} already current, {failed} failed (stages {})",
        store.count()? as usize - stale.len(),
        stages.join(", ")
    )?;
    if updated > 0 {
        if let Err(e) = super::search::open_current_index(db, false) {
            eprintln!("dossier: warning: search index not updated: {e:#}");
        }
    }
    Ok(0)
}
