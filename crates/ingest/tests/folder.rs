//! Reading a folder of mixed good and bad inputs: every valid thing read,
//! each bad one reported with its reason, in a deterministic order.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_document::PageKind;
use dossier_ingest::{decode, read_inputs, read_reader, Item, ReadOptions};

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(body).unwrap();
    e.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

const FRENCH: &str = "Le ministre a présenté, à Besançon, un plan « très coûteux » : 12 € par élève, dès l’été, et un œil sur la forêt.";

fn source_of(item: &Item) -> &str {
    match item {
        Item::Page(p) => &p.source,
        Item::Failure(f) | Item::Skipped(f) => &f.source,
    }
}

#[test]
fn mixed_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a_binary.dat", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    write(d, "b_empty.txt", b"");
    let latin1 = encoding_rs::WINDOWS_1252.encode(&format!("<html><body><p>{FRENCH}</p></body></html>")).0.into_owned();
    write(d, "c_latin1.html", &latin1);
    // A generated 5 MB text dump.
    let line = format!("{FRENCH}\n");
    let big: String = line.repeat(5 * 1024 * 1024 / line.len() + 1);
    write(d, "d_big.txt", big.as_bytes());
    let whole = gzip(&"Un texte compressé. ".repeat(5000).into_bytes());
    write(d, "e_truncated.txt.gz", &whole[..whole.len() * 2 / 3]);
    write(
        d,
        "f_pages.jsonl",
        b"{\"text\": \"premier\", \"url\": \"https://a.fr/1\"}\n{\"text\": oops}\n\n{\"html\": \"<p>troisi\xc3\xa8me</p>\", \"fetched_at\": \"2024-01-01T00:00:00Z\"}\n",
    );
    write(d, "g_page.html.gz", &gzip(b"<!doctype html><title>gz</title><p>compressed page</p>"));
    write(d, "sub/h_nested.htm", b"<html><p>nested</p></html>");
    write(d, "sub/.hidden.html", b"<p>hidden</p>");
    write(d, ".git/config", b"[core]");
    write(d, "i_control.txt", &[1u8, 2, 3, 4, 5, 6, 7, 8, b'a', b'b'].repeat(20));

    let missing = d.join("nope.txt");
    let mut inputs = read_inputs(&[d.to_path_buf(), missing], &ReadOptions::default());
    let items: Vec<Item> = inputs.by_ref().collect();

    let names: Vec<String> = items
        .iter()
        .map(|i| {
            let s = source_of(i);
            s.strip_prefix(&d.display().to_string()).unwrap_or(s).trim_start_matches('/').to_string()
        })
        .collect();
    assert_eq!(
        names,
        vec![
            "a_binary.dat",
            "b_empty.txt",
            "c_latin1.html",
            "d_big.txt",
            "e_truncated.txt.gz",
            "f_pages.jsonl:1",
            "f_pages.jsonl:2",
            "f_pages.jsonl:4",
            "g_page.html.gz",
            "i_control.txt",
            "sub/h_nested.htm",
            "nope.txt",
        ]
    );

    let reason = |i: usize| match &items[i] {
        Item::Failure(f) => f.reason.clone(),
        other => panic!("expected a failure at {i}: {other:?}"),
    };
    let page = |i: usize| match &items[i] {
        Item::Page(p) => p,
        other => panic!("expected a page at {i}: {other:?}"),
    };
    assert_eq!(reason(0), "binary file (PNG image)");
    assert_eq!(reason(1), "empty file");
    let latin = page(2);
    assert_eq!(latin.kind, PageKind::Html);
    let decoded = decode(latin);
    assert!(decoded.text.contains(FRENCH), "{}", decoded.text);
    assert_eq!(decoded.encoding, "windows-1252");
    let big_page = page(3);
    assert_eq!(big_page.kind, PageKind::Text);
    assert_eq!(big_page.bytes.len(), big.len());
    assert!(reason(4).starts_with("gzip error"), "{}", reason(4));
    assert_eq!(page(5).url.as_deref(), Some("https://a.fr/1"));
    assert!(reason(6).starts_with("invalid JSON"), "{}", reason(6));
    assert_eq!(page(7).kind, PageKind::Html);
    assert_eq!(decode(page(7)).text, "<p>troisième</p>");
    assert_eq!(page(8).bytes, b"<!doctype html><title>gz</title><p>compressed page</p>");
    assert_eq!(page(8).kind, PageKind::Html);
    assert!(reason(9).starts_with("binary file (") && reason(9).contains("control bytes"), "{}", reason(9));
    assert_eq!(page(10).kind, PageKind::Html);
    assert!(reason(11).starts_with("cannot read"), "{}", reason(11));

    let stats = inputs.stats();
    assert_eq!((stats.pages, stats.skipped, stats.failures), (6, 0, 6));

    // Deterministic: a second read gives the same sequence.
    let again: Vec<String> = read_inputs(&[d.to_path_buf()], &ReadOptions::default()).map(|i| source_of(&i).to_string()).collect();
    let first: Vec<String> = items.iter().take(11).map(|i| source_of(i).to_string()).collect();
    assert_eq!(again, first);
}

#[test]
fn too_large_file_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", &vec![b'a'; 10_000]);
    let small = write(dir.path(), "small.txt", b"ok");
    let items: Vec<_> = read_inputs(&[path, small], &ReadOptions { max_page_bytes: 1000 }).collect();
    assert!(matches!(&items[0], Item::Failure(f) if f.reason == "too large: 10000 bytes > limit 1000 bytes"), "{items:?}");
    assert!(matches!(&items[1], Item::Page(p) if p.bytes == b"ok"));
}

#[test]
fn explicit_hidden_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), ".page.html", b"<p>x</p>");
    let items: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    assert!(matches!(&items[..], [Item::Page(_)]));
}

#[test]
fn stdin_like_streams_are_sniffed() {
    let warc = b"WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 8\r\n\r\n<p>x</p>\r\n\r\n".to_vec();
    let items: Vec<_> = read_reader(std::io::Cursor::new(warc), "-", &ReadOptions::default()).collect();
    assert!(matches!(&items[..], [Item::Page(p)] if p.source == "-#record-1"));
    let items: Vec<_> = read_reader(std::io::Cursor::new(gzip(b"plain text")), "-", &ReadOptions::default()).collect();
    assert!(matches!(&items[..], [Item::Page(p)] if p.kind == PageKind::Text));
}
