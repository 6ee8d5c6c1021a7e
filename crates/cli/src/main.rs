//! The `dossier` binary: parses the command line, runs one command, maps
//! errors to exit codes. Everything substantial lives in the library crates;
//! `commands/` only wires them together and prints.

mod commands;
mod pipeline;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status when every input failed (or none was found).
pub const EXIT_NOTHING_INGESTED: u8 = 3;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (some inputs may have failed: see the report)
  1  error (unusable database, unwritable output, …)
  2  usage error (bad arguments)
  3  nothing could be ingested or extracted: every input failed, or none was found";

#[derive(Parser)]
#[command(name = "dossier", version, about = "From raw news pages to a sourced dossier", after_help = EXIT_CODES)]
struct Cli {
    /// SQLite database to use.
    #[arg(long, global = true, default_value = "dossier.db", env = "DOSSIER_DB")]
    db: PathBuf,
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j', global = true)]
    jobs: Option<usize>,
    /// Named-entity conventions for `analyze`, `ingest` and `update`: modern
    /// edited news, or historical newspapers read by OCR (titles kept in
    /// names, a tagger trained for that domain).
    #[arg(long, global = true, value_enum, default_value_t = NerConventions::Modern)]
    ner_conventions: NerConventions,
    #[command(subcommand)]
    command: Command,
}

/// `--ner-conventions` values.
#[derive(Clone, Copy, clap::ValueEnum)]
enum NerConventions {
    Modern,
    Historical,
}

impl From<NerConventions> for dossier_ner::Conventions {
    fn from(c: NerConventions) -> Self {
        match c {
            NerConventions::Modern => dossier_ner::Conventions::Modern,
            NerConventions::Historical => dossier_ner::Conventions::Historical,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Read pages (files, folders, `-` for stdin, .gz, JSONL, HTML, WARC), extract
    /// them, store them; print a report and the stored articles.
    #[command(after_help = EXIT_CODES)]
    Ingest(commands::ingest::Args),
    /// Like ingest but store nothing: print one JSON object per document (JSON Lines).
    #[command(after_help = EXIT_CODES)]
    Extract(commands::extract::Args),
    /// Like extract, plus `sentences` and entity `mentions` ({start, end, text, type, score};
    /// offsets in Unicode code points into `text`), and `title_mentions` (offsets into `title`).
    #[command(after_help = EXIT_CODES)]
    Analyze(commands::extract::Args),
    /// List the stored documents.
    List(commands::list::Args),
    /// The dossier of the stored articles: sources, actors, timeline, quotes,
    /// relations, stories; Markdown, self-contained HTML, JSON or a graph.
    Report(commands::report::Args),
    /// Recompute stored documents made by older stage versions, from their raw pages.
    Update(commands::update::Args),
    /// Export the dossier: articles as JSON Lines, entities or events as CSV.
    Export(commands::export::Args),
    /// Show one stored document: metadata with evidence, clean text, diagnostics.
    Show(commands::show::Args),
    /// Full-text search (French/English aware) with filters; ranked hits with highlighted snippets.
    Search(commands::search::Args),
    /// Serve the local web view (read-only) on 127.0.0.1; prints its URL.
    Serve(commands::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(jobs) = cli.jobs {
        // Only fails if a pool already exists, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global();
    }
    let ner = cli.ner_conventions.into();
    let result = match cli.command {
        Command::Ingest(args) => commands::ingest::run(&cli.db, args, ner),
        Command::Extract(args) => commands::extract::run(args, None),
        Command::Analyze(args) => commands::extract::run(args, Some(ner)),
        Command::List(args) => commands::list::run(&cli.db, args),
        Command::Show(args) => commands::show::run(&cli.db, args),
        Command::Report(args) => commands::report::run(&cli.db, args),
        Command::Export(args) => commands::export::run(&cli.db, args),
        Command::Update(args) => commands::update::run(&cli.db, args, ner),
        Command::Search(args) => commands::search::run(&cli.db, args),
        Command::Serve(args) => commands::serve::run(&cli.db, args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dossier: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

/// `dossier extract … | head` closes our stdout early; that is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
