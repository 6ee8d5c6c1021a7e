//! A progress indicator on interactive runs, silent when stderr is not a
//! terminal (pipes, CI, tests).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A spinner counting processed pages, or a hidden one.
pub fn pages() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} pages {per_sec} {elapsed} {msg}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(120));
    bar
}
