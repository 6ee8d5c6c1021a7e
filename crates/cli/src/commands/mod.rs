//! One module per subcommand.

pub mod export;
pub mod extract;
pub mod ingest;
pub mod list;
pub mod report;
pub mod search;
pub mod serve;
pub mod show;
pub mod update;
