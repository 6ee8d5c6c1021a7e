//! Per-item output lines, which `unseen --summary` turns off so that a
//! blind set is scored without showing its errors. Shared by path with
//! `crates/link/examples/dossier_eval.rs`.

use std::sync::atomic::{AtomicBool, Ordering};

/// Whether per-item lines (per-page scores, entities not found, quotes
/// missed or extra, events missed) are printed.
pub static DETAILS: AtomicBool = AtomicBool::new(true);

/// Turns per-item lines off.
pub fn summary_only() {
    DETAILS.store(false, Ordering::Relaxed);
}

/// `println!` for a per-item line, unless [`DETAILS`] is off.
macro_rules! detail {
    ($($arg:tt)*) => {
        if crate::detail::DETAILS.load(std::sync::atomic::Ordering::Relaxed) {
            println!($($arg)*);
        }
    };
}
