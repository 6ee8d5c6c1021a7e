//! Prints the text blocks of an HTML page as the extractor sees them, each
//! marked kept (+) or left out (-), for reading why (see
//! `dossier_extract::html::debug_blocks`).
//!
//! `cargo run --release -p dossier-extract --example html_blocks -- PAGE.html[.gz] [URL]`

use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: html_blocks PAGE.html[.gz] [URL]");
        std::process::exit(2);
    };
    let url = args.next();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let bytes = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        match flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out) {
            Ok(_) => out,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        }
    } else {
        bytes
    };
    let html = String::from_utf8_lossy(&bytes);
    print!("{}", dossier_extract::html::debug_blocks(&html, url.as_deref()));
}
