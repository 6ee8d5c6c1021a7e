//! `dossier-eval`: the evaluation harness (not published). One subcommand
//! per task; each reads `../shared/data` (or `--data DIR`) and skips with a
//! message when the set is absent, printing our row and the peer's row.

#[macro_use]
mod detail;

mod body;
mod dates;
mod dossier;
mod dumps;
mod ner;
mod segment;
mod stories;
mod timeline;
mod unseen;

use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dossier-eval",
    about = "Score dossier (and its peers) on public sets"
)]
struct Cli {
    /// Folder holding the public sets (extraction/, dates/, ner/, …).
    #[arg(long, global = true, default_value = "../shared/data")]
    data: PathBuf,
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Main-text extraction from HTML: ScrapingHub and trafilatura's set.
    Body(body::Args),
    /// Publication dates: htmldate's set.
    Dates(dates::Args),
    /// Text-dump extraction: the seeds and a dev set of dumps.
    Dumps(dumps::Args),
    /// Named entities: Sequoia-NE, NewsEye, UNER, the seeds.
    Ner(ner::Args),
    /// Entities across articles and quotes of the seed dossier against its gold.
    Dossier(dossier::Args),
    /// Near-duplicates and story grouping.
    Stories(stories::Args),
    /// Events and timeline of the seed dossier against its gold.
    Timeline(timeline::Args),
    /// The whole chain on hand-checked pages never used in development.
    Unseen(unseen::Args),
    /// Tokens and sentences against treebank gold: Sequoia, UNER EWT.
    Segment(segment::Args),
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.task {
        Task::Body(a) => body::run(&cli.data, a),
        Task::Dates(a) => dates::run(&cli.data, a),
        Task::Dumps(a) => dumps::run(&cli.data, a),
        Task::Ner(a) => ner::run(&cli.data, a),
        Task::Dossier(a) => dossier::run(&cli.data, a),
        Task::Stories(a) => stories::run(&cli.data, a),
        Task::Timeline(a) => timeline::run(&cli.data, a),
        Task::Unseen(a) => unseen::run(&cli.data, a),
        Task::Segment(a) => segment::run(&cli.data, a),
    }
}
