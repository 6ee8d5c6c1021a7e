//! One input stream (a file or stdin) to items: gunzips gzip data (by magic
//! number, multi-member), sniffs the format on the first 8 KiB (WARC, JSON
//! Lines, binary, HTML, text) with the file name as a hint, and reads whole
//! pages with the size limit.

use std::io::{BufReader, Cursor, Read};

use dossier_document::{PageKind, RawPage};
use flate2::read::MultiGzDecoder;

use crate::bufio::{read_head, read_rest_limited, Failing};
use crate::jsonl::JsonlReader;
use crate::sniff::{self, NameHint, SNIFF_BYTES};
use crate::warc::read_warc;
use crate::{IngestError, Item, ReadOptions};

/// Items from one input, boxed so inputs of any kind share one type.
pub(crate) type ItemIter = Box<dyn Iterator<Item = Item> + Send>;

/// Buffer size for container (WARC, JSON Lines) readers.
const CONTAINER_BUF: usize = 64 * 1024;

/// Reads any stream: `source` names it in items and its extension (after a
/// `.gz` suffix is removed) hints at the format; the content decides when the
/// name says nothing (`-` for stdin). Gzip data is decompressed whatever the
/// name.
pub fn read_reader<R: Read + Send + 'static>(
    reader: R,
    source: impl Into<String>,
    opts: &ReadOptions,
) -> Box<dyn Iterator<Item = Item> + Send> {
    let source = source.into();
    let name = source.clone();
    open_stream(Box::new(reader), source, &name, None, false, opts)
}

/// A stream of one item.
pub(crate) fn one(item: Item) -> ItemIter {
    Box::new(std::iter::once(item))
}

/// Opens a stream. `name` is the file name for format hints, `size` the
/// byte size when known (plain files), `gzip` whether `r` is a decompressor.
pub(crate) fn open_stream(
    mut r: Box<dyn Read + Send>,
    source: String,
    name: &str,
    size: Option<u64>,
    gzip: bool,
    opts: &ReadOptions,
) -> ItemIter {
    let (head, err) = read_head(&mut r, SNIFF_BYTES);
    if let Some(e) = err {
        if head.is_empty() {
            return one(Item::failure(source, IngestError::read(e, gzip)));
        }
        // Keep what was read; the error comes back on the next read.
        r = Box::new(Failing::new(&e));
    }
    if head.is_empty() {
        return one(Item::failure(source, IngestError::Empty));
    }
    if sniff::is_gzip(&head) && !gzip {
        let inner = sniff::strip_gz(name).to_string();
        let decoder = MultiGzDecoder::new(Cursor::new(head).chain(r));
        return open_stream(Box::new(decoder), source, &inner, None, true, opts);
    }
    let hint = sniff::name_hint(name);
    if hint == NameHint::Warc || sniff::is_warc(&head) {
        let reader = BufReader::with_capacity(CONTAINER_BUF, Cursor::new(head).chain(r));
        return Box::new(read_warc(reader, source, opts).gzip(gzip));
    }
    if let Some(why) = sniff::binary_reason(&head) {
        let why = if gzip { format!("{why}, inside gzip") } else { why };
        return one(Item::failure(source, IngestError::Binary(why)));
    }
    if hint == NameHint::Jsonl || (hint == NameHint::Unknown && sniff::looks_like_jsonl(&head)) {
        let reader = BufReader::with_capacity(CONTAINER_BUF, Cursor::new(head).chain(r));
        return Box::new(JsonlReader::new(reader, source, opts).gzip(gzip));
    }
    let kind = match hint {
        NameHint::Html => PageKind::Html,
        NameHint::Text => PageKind::Text,
        _ if sniff::looks_like_html(&head) => PageKind::Html,
        _ => PageKind::Text,
    };
    one(read_page(head, r, source, kind, size, gzip, opts))
}

/// Reads a whole page: `head` (already read) plus the rest of `r`, within
/// the limit. On a read or gzip error nothing is kept.
fn read_page(
    mut bytes: Vec<u8>,
    mut r: Box<dyn Read + Send>,
    source: String,
    kind: PageKind,
    size: Option<u64>,
    gzip: bool,
    opts: &ReadOptions,
) -> Item {
    let limit = opts.max_page_bytes;
    if let Some(size) = size {
        if size > limit {
            return Item::failure(source, IngestError::TooLarge { size, limit });
        }
        bytes.reserve(usize::try_from(size).unwrap_or(0).saturating_sub(bytes.len()).saturating_add(1));
    }
    match read_rest_limited(&mut r, &mut bytes, limit) {
        Ok(true) => Item::Page(RawPage { source, url: None, fetched_at: None, kind, declared_charset: None, bytes }),
        Ok(false) => Item::failure(source, IngestError::TooLargeStream { limit }),
        Err(e) => Item::failure(source, IngestError::read(e, gzip)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read(bytes: &[u8], name: &str, max: u64) -> Vec<Item> {
        read_reader(Cursor::new(bytes.to_vec()), name, &ReadOptions { max_page_bytes: max }).collect()
    }

    fn page(items: &[Item]) -> &RawPage {
        match items {
            [Item::Page(p)] => p,
            other => panic!("{other:?}"),
        }
    }

    fn failure(items: &[Item]) -> &str {
        match items {
            [Item::Failure(f)] => &f.reason,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn kinds_by_name_and_sniffing() {
        assert_eq!(page(&read(b"<p>hi</p>", "a.html", 100)).kind, PageKind::Html);
        assert_eq!(page(&read(b"<html>hi", "a.txt", 100)).kind, PageKind::Text);
        assert_eq!(page(&read(b"<!DOCTYPE html><p>", "-", 100)).kind, PageKind::Html);
        assert_eq!(page(&read(b"Titre\n\nTexte", "-", 100)).kind, PageKind::Text);
        let items = read(b"{\"text\": \"a\"}\n{\"html\": \"<p>b\"}\n", "-", 100);
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[1], Item::Page(p) if p.source == "-:2" && p.kind == PageKind::Html));
    }

    #[test]
    fn gzip_by_magic_and_name() {
        let p = page(&read(&gz(b"<html><p>x"), "a.html.gz", 100)).clone();
        assert_eq!(p.bytes, b"<html><p>x");
        assert_eq!(p.kind, PageKind::Html);
        assert_eq!(p.source, "a.html.gz");
        // Multi-member.
        let mut two = gz(b"{\"text\": \"a\"}\n");
        two.extend(gz(b"{\"text\": \"b\"}\n"));
        assert_eq!(read(&two, "x.jsonl.gz", 100).len(), 2);
        // Truncated: nothing kept.
        let whole = gz(&b"mot ".repeat(10_000));
        let reason = failure(&read(&whole[..whole.len() / 2], "t.txt.gz", 1 << 20)).to_string();
        assert!(reason.starts_with("gzip error"), "{reason}");
        // Gzip inside gzip is not unpacked twice.
        assert!(failure(&read(&gz(&gz(b"x")), "a.gz", 100)).starts_with("binary file"));
    }

    #[test]
    fn limits_and_bad_input() {
        assert_eq!(failure(&read(b"", "e.txt", 100)), "empty file");
        assert_eq!(failure(&read(&gz(b""), "e.txt.gz", 100)), "empty file");
        assert!(failure(&read(&[b'a'; 101], "-", 100)).starts_with("too large"));
        assert!(failure(&read(&gz(&[b'a'; 101]), "a.txt.gz", 100)).starts_with("too large"));
        assert_eq!(page(&read(&[b'a'; 100], "-", 100)).bytes.len(), 100);
        assert_eq!(failure(&read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "x.html", 100)), "binary file (PNG image)");
        assert!(failure(&read(b"%PDF-1.7\n", "x", 100)).contains("PDF"));
        // No overflow with the largest limit.
        assert_eq!(page(&read(b"abc", "-", u64::MAX)).bytes, b"abc");
        assert_eq!(page(&read(&gz(b"abc"), "-", u64::MAX)).bytes, b"abc");
        assert_eq!(read(b"{\"text\": \"a\"}\n", "-", u64::MAX).len(), 1);
    }
}
