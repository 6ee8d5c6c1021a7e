//! Evaluation task `body` (to be filled by its owner).

use std::path::Path;

/// Options of the `body` task.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs the task.
pub fn run(data: &Path, _args: Args) -> anyhow::Result<()> {
    println!("body: not implemented yet (data: {})", data.display());
    Ok(())
}
