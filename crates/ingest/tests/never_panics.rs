//! Property tests: the readers never panic and always terminate on arbitrary
//! bytes, including damaged versions of valid WARC, gzip and JSON Lines.

use std::io::{Cursor, Write};

use dossier_ingest::{read_inputs, read_reader, read_warc, read_warc_bytes, Item, ReadOptions};
use proptest::prelude::*;

fn valid_warc() -> Vec<u8> {
    let mut out = Vec::new();
    let blocks: [(&str, &[u8]); 3] = [
        ("warcinfo", b"software: x\r\n"),
        ("response", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>ab\r\n0\r\n\r\n"),
        ("resource", b"<html><p>r</p></html>"),
    ];
    for (kind, block) in blocks {
        out.extend(
            format!("WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: http://x.fr/\r\nContent-Length: {}\r\n\r\n", block.len())
                .into_bytes(),
        );
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
    }
    out
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(body).unwrap();
    e.finish().unwrap()
}

/// Applies byte edits and a truncation to `base`.
fn damage(mut base: Vec<u8>, edits: &[(usize, u8)], cut: usize) -> Vec<u8> {
    for &(at, b) in edits {
        if !base.is_empty() {
            let i = at % base.len();
            base[i] = b;
        }
    }
    let keep = if base.is_empty() { 0 } else { cut % (base.len() + 1) };
    base.truncate(keep);
    base
}

fn count(items: impl Iterator<Item = Item>) -> usize {
    // Every item consumes input, so the count is bounded by the input size.
    items.take(100_000).count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn warc_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        prop_assert!(count(read_warc_bytes(&bytes)) <= bytes.len() + 1);
    }

    #[test]
    fn warc_damaged(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8), cut in any::<usize>()) {
        let bytes = damage(valid_warc(), &edits, cut);
        prop_assert!(count(read_warc_bytes(&bytes)) <= bytes.len() + 1);
        let opts = ReadOptions { max_page_bytes: 16 };
        prop_assert!(count(read_warc(&bytes[..], "x", &opts)) <= bytes.len() + 1);
    }

    #[test]
    fn streams_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048), name in "(-|x\\.(warc|jsonl|html|txt|gz|warc\\.gz|jsonl\\.gz))") {
        let n = count(read_reader(Cursor::new(bytes.clone()), name, &ReadOptions::default()));
        prop_assert!(n <= bytes.len() + 1);
    }

    #[test]
    fn gzip_damaged(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4), cut in any::<usize>(), which in 0usize..3) {
        let inner = match which {
            0 => valid_warc(),
            1 => b"{\"text\": \"a\"}\n{\"html\": \"<p>b\"}\nbad\n".to_vec(),
            _ => b"<!doctype html><p>page</p>".to_vec(),
        };
        let bytes = damage(gzip(&inner), &edits, cut);
        count(read_reader(Cursor::new(bytes), "-", &ReadOptions::default()));
    }

    #[test]
    fn files_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..1024), ext in "(warc|jsonl|html|txt|gz|bin)") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("f.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        let n = count(read_inputs(&[path], &ReadOptions::default()));
        prop_assert!(n <= bytes.len() + 1);
    }
}
