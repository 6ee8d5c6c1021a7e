//! `dossier ingest`: read, extract and store pages in transactional batches;
//! print the ingest report and the table of stored articles.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use dossier_document::{Document, RawPage};
use dossier_ingest::{Failure, Item, ReadOptions};
use dossier_store::{Outcome, Store};
use rayon::prelude::*;

use crate::{commands::list::print_table, pipeline, progress, EXIT_NOTHING_INGESTED};

/// Pages extracted in parallel and committed in one transaction.
const BATCH: usize = 64;

/// Arguments of `dossier ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Files, folders (recursive) or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Do not print the table of stored articles after the report.
    #[arg(long)]
    no_table: bool,
}

#[derive(Default)]
struct Report {
    new: usize,
    duplicate: usize,
    skipped: usize,
    failures: Vec<Failure>,
}

/// Runs the command.
pub fn run(db: &Path, args: Args, ner: dossier_ner::Conventions) -> anyhow::Result<u8> {
    let mut store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let pipeline = pipeline::analysis(ner)?;
    let bar = progress::pages();
    let mut report = Report::default();
    let mut seen: HashSet<String> = HashSet::new();
    // Pages to extract, with their content hash (computed once).
    let mut pending: Vec<(RawPage, String)> = Vec::with_capacity(BATCH);
    // Pages already stored (or earlier in this run): their extra sources are
    // recorded after the batch holding the first copy has committed.
    let mut duplicates: Vec<RawPage> = Vec::new();

    let flush = |pending: &mut Vec<(RawPage, String)>, report: &mut Report, store: &mut Store| -> anyhow::Result<()> {
        let results: Vec<(RawPage, Result<Document, Failure>)> = std::mem::take(pending)
            .into_par_iter()
            .map(|(raw, hash)| {
                let doc = pipeline::process_identified(&pipeline, &raw, hash);
                (raw, doc)
            })
            .collect();
        let mut batch = Vec::with_capacity(results.len());
        for (raw, doc) in results {
            match doc {
                Ok(doc) => batch.push((raw, doc)),
                Err(f) => report.failures.push(f),
            }
        }
        for outcome in store.insert_batch(&batch).context("writing to the database")? {
            match outcome {
                Outcome::New => report.new += 1,
                Outcome::Duplicate => report.duplicate += 1,
            }
        }
        bar.inc(batch.len() as u64);
        Ok(())
    };

    let opts = ReadOptions::default();
    for item in dossier_ingest::read_inputs(&args.paths, &opts) {
        match item {
            Item::Page(raw) => {
                let hash = raw.hash();
                // Already stored, or seen earlier in this run: a duplicate;
                // extraction is skipped but the new source is recorded.
                if !seen.insert(hash.clone()) || store.contains(&hash)? {
                    duplicates.push(raw);
                    report.duplicate += 1;
                    bar.inc(1);
                    continue;
                }
                pending.push((raw, hash));
                if pending.len() >= BATCH {
                    flush(&mut pending, &mut report, &mut store)?;
                    store.add_sources(&duplicates)?;
                    duplicates.clear();
                }
            }
            Item::Failure(f) => report.failures.push(f),
            Item::Skipped(_) => report.skipped += 1,
        }
    }
    if !pending.is_empty() {
        flush(&mut pending, &mut report, &mut store)?;
    }
    store.add_sources(&duplicates)?;
    bar.finish_and_clear();
    // Keep the search index beside the database current (incremental: only
    // new or changed documents are indexed). A failure here loses nothing:
    // `search` and `serve` rebuild the index when it is behind.
    if report.new > 0 {
        if let Err(e) = super::search::open_current_index(db, false) {
            eprintln!("dossier: warning: search index not updated: {e:#}");
        }
    }

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "ingest report: {} new, {} duplicate, {} failed, {} skipped (not articles)",
        report.new,
        report.duplicate,
        report.failures.len(),
        report.skipped
    )?;
    for f in &report.failures {
        writeln!(out, "  failed: {}: {}", f.source, f.reason)?;
    }
    if !args.no_table {
        writeln!(out)?;
        print_table(&mut out, &store.list()?)?;
    }
    if report.new + report.duplicate == 0 {
        return Ok(EXIT_NOTHING_INGESTED);
    }
    Ok(0)
}
