//! Evaluation task `dumps` (to be filled by its owner).

use std::path::Path;

/// Options of the `dumps` task.
#[derive(clap::Args, Debug)]
pub struct Args {}

/// Runs the task.
pub fn run(data: &Path, _args: Args) -> anyhow::Result<()> {
    println!("dumps: not implemented yet (data: {})", data.display());
    Ok(())
}
