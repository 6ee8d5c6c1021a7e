//! Runs the `dossier-eval dossier` task without the eval binary (the module
//! is shared with crates/eval/src/dossier.rs):
//! `cargo run --release -p dossier-link --example dossier_eval -- [--show]`.

#[macro_use]
#[allow(dead_code)]
#[path = "../../eval/src/detail.rs"]
mod detail;

// The eval binary reads every field of the scores; this example prints
// only some of them.
#[allow(dead_code)]
#[path = "../../eval/src/dossier.rs"]
mod dossier;

use clap::Parser;

#[derive(Parser)]
struct Cli {
    /// Folder holding the public sets.
    #[arg(long, default_value = "../shared/data")]
    data: std::path::PathBuf,
    #[command(flatten)]
    args: dossier::Args,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    dossier::run(&cli.data, cli.args)
}
