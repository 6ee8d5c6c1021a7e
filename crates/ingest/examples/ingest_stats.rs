//! Reads the given paths (files, folders, `-`) and prints what came out and
//! how fast: `cargo run --release -p dossier-ingest --example ingest_stats -- PATH...`.
//! With `--decode`, each page is also decoded to UTF-8.

use std::path::PathBuf;
use std::time::Instant;

use dossier_ingest::{decode, read_inputs, Item, ReadOptions};

fn main() {
    let mut decode_pages = false;
    let mut paths = Vec::new();
    for arg in std::env::args_os().skip(1) {
        if arg == "--decode" {
            decode_pages = true;
        } else {
            paths.push(PathBuf::from(arg));
        }
    }
    let start = Instant::now();
    let mut inputs = read_inputs(&paths, &ReadOptions::default());
    let mut bytes = 0u64;
    let mut chars = 0u64;
    for item in inputs.by_ref() {
        match item {
            Item::Page(p) => {
                bytes += p.bytes.len() as u64;
                if decode_pages {
                    chars += decode(&p).text.len() as u64;
                }
            }
            Item::Failure(f) => eprintln!("failure {f}"),
            Item::Skipped(_) => {}
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let s = inputs.stats();
    println!(
        "pages {} skipped {} failures {} bytes {} decoded_bytes {} in {:.3}s: {:.0} pages/s, {:.1} MB/s",
        s.pages,
        s.skipped,
        s.failures,
        bytes,
        chars,
        secs,
        s.pages as f64 / secs,
        bytes as f64 / secs / 1e6
    );
}
