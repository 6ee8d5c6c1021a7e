//! `dossier extract` and `dossier analyze`: like ingest without the store;
//! print one JSON object per document on stdout (JSON Lines) and failures
//! on stderr. `analyze` adds sentences and entity mentions.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use dossier_document::ExtractRecord;
use dossier_ingest::{Item, ReadOptions};
use rayon::prelude::*;

use crate::{pipeline, EXIT_NOTHING_INGESTED};

/// Arguments of `dossier extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Files, folders (recursive) or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Runs the command; `analyze` (the NER conventions given) adds the NER
/// stage.
pub fn run(args: Args, analyze: Option<dossier_ner::Conventions>) -> anyhow::Result<u8> {
    let pipeline = match analyze {
        Some(conventions) => pipeline::analysis(conventions)?,
        None => pipeline::extraction()?,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut ok = 0usize;
    let mut chunk = Vec::with_capacity(256);
    let mut emit = |chunk: &mut Vec<dossier_document::RawPage>, out: &mut BufWriter<_>| -> anyhow::Result<()> {
        let results: Vec<_> = chunk.par_iter().map(|raw| pipeline::process(&pipeline, raw)).collect();
        chunk.clear();
        for r in results {
            match r {
                Ok(doc) => {
                    serde_json::to_writer(&mut *out, &ExtractRecord::from_document(&doc))?;
                    out.write_all(b"\n")?;
                    ok += 1;
                }
                Err(f) => eprintln!("dossier: failed: {}: {}", f.source, f.reason),
            }
        }
        Ok(())
    };
    for item in dossier_ingest::read_inputs(&args.paths, &ReadOptions::default()) {
        match item {
            Item::Page(raw) => {
                chunk.push(raw);
                if chunk.len() >= 256 {
                    emit(&mut chunk, &mut out)?;
                }
            }
            Item::Failure(f) => eprintln!("dossier: failed: {}: {}", f.source, f.reason),
            Item::Skipped(_) => {}
        }
    }
    emit(&mut chunk, &mut out)?;
    out.flush()?;
    Ok(if ok == 0 { EXIT_NOTHING_INGESTED } else { 0 })
}
