//! `dossier export`: the stored dossier as files for other tools — articles
//! as JSON Lines, entities and events as CSV (the same exports as the web
//! view's download links).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use dossier_store::Store;
use dossier_web::linked::LinkedKnowledge;
use dossier_web::Knowledge;

/// What to export.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum What {
    /// Every stored article (document with metadata, text, layers) as JSON Lines.
    Articles,
    /// Entities resolved across articles as CSV.
    Entities,
    /// Events in date order as CSV.
    Events,
}

/// Arguments of `dossier export`.
#[derive(clap::Args)]
pub struct Args {
    /// What to export.
    #[arg(value_enum)]
    what: What,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(db: &Path, args: Args) -> anyhow::Result<u8> {
    let store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match args.what {
        What::Articles => {
            dossier_web::export::articles_jsonl(&store, &mut out).map_err(|e| anyhow::anyhow!("{e}"))?;
        }
        What::Entities | What::Events => {
            let docs = store.documents()?;
            let knowledge = LinkedKnowledge::build(&docs);
            let csv = match args.what {
                What::Entities => dossier_web::export::entities_csv(&knowledge.entities()),
                _ => dossier_web::export::events_csv(&knowledge.events()),
            };
            out.write_all(csv.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(0)
}
