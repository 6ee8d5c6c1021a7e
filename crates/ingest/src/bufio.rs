//! Bounded buffered-reading helpers: line reads with a length cap, reads of
//! at most N bytes, and a reader that counts the bytes consumed (for WARC
//! record offsets).
//!
//! Hand-written because `BufRead::read_until` has no cap: one line without a
//! newline in a multi-gigabyte input would otherwise be buffered whole.

use std::io::{self, BufRead, Read};

/// Outcome of [`read_line_limited`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// End of input, nothing read.
    Eof,
    /// A line was read (with its `\n` unless the input ended first).
    Complete,
    /// `limit` bytes were read without finding `\n`; the rest of the line is
    /// still in the reader.
    TooLong,
}

/// Appends one line (up to and including `\n`) to `buf`, reading at most
/// `limit` bytes.
pub(crate) fn read_line_limited<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    let mut read = 0usize;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if read == 0 { Line::Eof } else { Line::Complete });
        }
        let room = limit.saturating_sub(read);
        let window = &available[..available.len().min(room)];
        if let Some(i) = memchr::memchr(b'\n', window) {
            buf.extend_from_slice(&window[..=i]);
            r.consume(i + 1);
            return Ok(Line::Complete);
        }
        let n = window.len();
        buf.extend_from_slice(window);
        r.consume(n);
        read += n;
        if read >= limit {
            return Ok(Line::TooLong);
        }
    }
}

/// Discards bytes up to and including the next `\n` (or to end of input).
/// Returns the number of bytes discarded.
pub(crate) fn skip_line<R: BufRead + ?Sized>(r: &mut R) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = memchr::memchr(b'\n', available) {
            r.consume(i + 1);
            return Ok(skipped + i as u64 + 1);
        }
        let n = available.len();
        r.consume(n);
        skipped += n as u64;
    }
}

/// Reads up to `n` bytes (fewer only at end of input or on an error). The
/// bytes read before an error are kept alongside it, so that a stream
/// corrupt after its start can still yield what came before.
pub(crate) fn read_head<R: Read + ?Sized>(r: &mut R, n: usize) -> (Vec<u8>, Option<io::Error>) {
    let mut head = Vec::with_capacity(n);
    let err = r.take(n as u64).read_to_end(&mut head).err();
    (head, err)
}

/// A reader that fails every read with the same error: stands in for a
/// stream whose error was met early, so it surfaces where it belongs.
pub(crate) struct Failing {
    kind: io::ErrorKind,
    message: String,
}

impl Failing {
    pub(crate) fn new(err: &io::Error) -> Self {
        Self { kind: err.kind(), message: err.to_string() }
    }
}

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(self.kind, self.message.clone()))
    }
}

/// Appends the rest of `r` to `buf` unless the total would exceed `limit`
/// bytes. Returns `Ok(false)` when the limit was exceeded (then `buf` holds
/// `limit + 1` bytes and the reader is not drained).
pub(crate) fn read_rest_limited<R: Read + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<bool> {
    let room = limit.saturating_add(1).saturating_sub(buf.len() as u64);
    r.take(room).read_to_end(buf)?;
    Ok(buf.len() as u64 <= limit)
}

/// A buffered reader that counts the bytes consumed through it.
pub(crate) struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Counting<R> {
    pub(crate) fn new(inner: R) -> Self {
        Self { inner, consumed: 0 }
    }

    /// Bytes consumed so far: the offset of the next byte.
    pub(crate) fn offset(&self) -> u64 {
        self.consumed
    }
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.inner.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.consumed += amt as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_capped() {
        let mut r: &[u8] = b"abc\ndefghij\nk";
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Line::Complete);
        assert_eq!(buf, b"abc\n");
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Line::TooLong);
        assert_eq!(buf, b"defgh");
        assert_eq!(skip_line(&mut r).unwrap(), 3);
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Line::Complete);
        assert_eq!(buf, b"k");
        buf.clear();
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Line::Eof);
    }

    #[test]
    fn rest_is_limited() {
        let mut buf = b"ab".to_vec();
        let mut r: &[u8] = b"cdef";
        assert!(read_rest_limited(&mut r, &mut buf, 6).unwrap());
        assert_eq!(buf, b"abcdef");
        let mut buf = b"ab".to_vec();
        let mut r: &[u8] = b"cdef";
        assert!(!read_rest_limited(&mut r, &mut buf, 5).unwrap());
    }

    #[test]
    fn counting_counts() {
        let mut c = Counting::new(&b"hello\nworld"[..]);
        let mut buf = Vec::new();
        read_line_limited(&mut c, &mut buf, 100).unwrap();
        assert_eq!(c.offset(), 6);
        let mut rest = Vec::new();
        c.read_to_end(&mut rest).unwrap();
        assert_eq!(c.offset(), 11);
    }
}
