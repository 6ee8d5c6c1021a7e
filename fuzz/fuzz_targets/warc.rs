//! Fuzz target: the WARC reader on arbitrary bytes, directly, through the
//! stream sniffer (so gzip-wrapped input is unpacked first), and with a tiny
//! page limit (the skip-without-buffering path). It must never panic, hang or
//! allocate without bound; pages that come out are decoded too.

#![no_main]

use std::io::Cursor;

use dossier_ingest::{decode, read_reader, read_warc, read_warc_bytes, Item, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for item in read_warc_bytes(data) {
        if let Item::Page(page) = item {
            let _ = decode(&page);
        }
    }
    let small = ReadOptions { max_page_bytes: 64 };
    for _ in read_warc(data, "fuzz", &small) {}
    for _ in read_reader(Cursor::new(data.to_vec()), "fuzz.warc", &ReadOptions::default()) {}
});
