//! Evaluation task `ner` (to be filled by its owner).

use std::path::Path;

/// Options of the `ner` task.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs the task.
pub fn run(data: &Path, _args: Args) -> anyhow::Result<()> {
    println!("ner: not implemented yet (data: {})", data.display());
    Ok(())
}
