//! Word tokens and word-shingle hashes, computed without allocating per
//! token or per shingle.
//!
//! A *token* is a maximal run of alphanumeric characters of the folded text
//! ([`dossier_text::normalize::fold`]: lower-cased, diacritics stripped), so
//! "Sergueï", "SERGUEI" and "serguei" are one token and punctuation, case and
//! accents never separate copies. Folding is done character by character
//! on the fly (same result as `fold`, no folded copy of the text).
//! Each token is reduced to a 64-bit hash of its characters; a shingle is a
//! hash of `k` consecutive token hashes.
//!
//! The hash functions are hand-written (FNV-style multiply over the
//! characters, then the SplitMix64 finaliser): they run on every character of
//! every document, must be identical on every platform and run (a stored
//! index stays valid), and need no keyed DoS resistance.

#[cfg(test)]
use dossier_text::normalize::fold;

/// Default shingle size: word 4-grams (the ScrapingHub scorer's size too).
/// Chosen over 5-grams on development seeds of the re-wrapped set: an
/// edited word breaks 4 shingles instead of 5, and unrelated texts still
/// share almost no 4-gram outside boilerplate.
pub const DEFAULT_SHINGLE: usize = 4;
/// Largest shingle size accepted (larger values are clamped).
pub const MAX_SHINGLE: usize = 16;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// SplitMix64 finaliser: a fast, well-mixing bijection on 64-bit values.
#[inline]
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// One word token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Hash of the folded characters.
    pub hash: u64,
    /// Number of characters.
    pub chars: u32,
    /// True when every character is a decimal digit.
    pub numeric: bool,
}

struct TokenState {
    h: u64,
    n: u32,
    numeric: bool,
}

impl TokenState {
    const fn new() -> Self {
        TokenState { h: FNV_OFFSET, n: 0, numeric: true }
    }
    #[inline]
    fn push(&mut self, c: char) {
        self.h = (self.h ^ c as u64).wrapping_mul(FNV_PRIME);
        self.n += 1;
        self.numeric &= c.is_ascii_digit();
    }
    #[inline]
    fn flush<F: FnMut(Token)>(&mut self, f: &mut F) {
        if self.n > 0 {
            f(Token { hash: mix64(self.h), chars: self.n, numeric: self.numeric });
        }
        *self = TokenState::new();
    }
}

/// Calls `f` on every word token of `text`, in order.
///
/// Non-ASCII characters are folded one at a time (canonical decomposition,
/// combining marks dropped, then lower-cased), which gives exactly the
/// characters of [`fold`] over the whole text (canonical reordering only
/// moves combining marks, and those are dropped) without allocating a
/// folded copy; a test checks the equivalence.
pub fn for_each_token<F: FnMut(Token)>(text: &str, mut f: F) {
    let mut st = TokenState::new();
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                st.push(c.to_ascii_lowercase());
            } else {
                st.flush(&mut f);
            }
        } else {
            unicode_normalization::char::decompose_canonical(c, |d| {
                if unicode_normalization::char::is_combining_mark(d) {
                    return;
                }
                for l in d.to_lowercase() {
                    if l.is_alphanumeric() {
                        st.push(l);
                    } else {
                        st.flush(&mut f);
                    }
                }
            });
        }
    }
    st.flush(&mut f);
}

/// Tokens of the whole-text [`fold`] (reference for the test of
/// [`for_each_token`]).
#[cfg(test)]
fn for_each_token_folded<F: FnMut(Token)>(text: &str, mut f: F) {
    let mut st = TokenState::new();
    for c in fold(text).chars() {
        if c.is_alphanumeric() {
            st.push(c);
        } else {
            st.flush(&mut f);
        }
    }
    st.flush(&mut f);
}

/// The hash of one word as a token (the same value [`for_each_token`]
/// reports for it); `None` when `word` is not exactly one token.
pub fn token_hash(word: &str) -> Option<u64> {
    let mut out = None;
    let mut count = 0;
    for_each_token(word, |t| {
        count += 1;
        out = Some(t.hash);
    });
    if count == 1 {
        out
    } else {
        None
    }
}

/// Clears `out` and fills it with the hashes of the word `k`-shingles of
/// `text` (`k` clamped to 1..=[`MAX_SHINGLE`]), in text order, repeats
/// included. A text with 1 to `k - 1` tokens yields one shingle made of all
/// its tokens; a text with no token yields none. Shingles run across line
/// and paragraph breaks.
pub fn shingles(text: &str, k: usize, out: &mut Vec<u64>) {
    out.clear();
    let k = k.clamp(1, MAX_SHINGLE);
    let mut ring = [0u64; MAX_SHINGLE];
    let mut seen = 0usize;
    for_each_token(text, |t| {
        ring[seen % k] = t.hash;
        seen += 1;
        if seen >= k {
            out.push(combine(&ring, seen % k, k));
        }
    });
    if seen > 0 && seen < k {
        out.push(combine(&ring, 0, seen));
    }
}

/// Hash of `len` ring entries starting at `start` (oldest first).
#[inline]
fn combine(ring: &[u64; MAX_SHINGLE], start: usize, len: usize) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15u64 ^ len as u64;
    let cap = if len == 0 { 1 } else { len };
    for j in 0..len {
        let v = ring.get((start + j) % cap).copied().unwrap_or(0);
        h = (h ^ v).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
    }
    mix64(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<u64> {
        let mut v = Vec::new();
        for_each_token(s, |t| v.push(t.hash));
        v
    }

    #[test]
    fn folding_and_punctuation() {
        assert_eq!(toks("Sergueï, ÉTAT!"), toks("serguei etat"));
        assert_eq!(toks("l'armée"), toks("L ARMEE"));
        assert!(toks("").is_empty());
        assert!(toks(" ,;— ").is_empty());
        assert_eq!(token_hash("Moscou"), token_hash("MOSCOU"));
        assert_eq!(token_hash("two words"), None);
    }

    proptest::proptest! {
        #[test]
        fn same_tokens_as_whole_text_fold(s in "\\PC{0,60}") {
            let mut a = Vec::new();
            for_each_token(&s, |t| a.push(t));
            let mut b = Vec::new();
            for_each_token_folded(&s, |t| b.push(t));
            proptest::prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn combining_sequences_fold_like_fold() {
        for s in ["e\u{301}\u{323}te", "İstanbul ÇA", "한국어 뉴스", "ǅemal ﬁn", "A\u{30a}ngstr\u{f6}m"] {
            let mut a = Vec::new();
            for_each_token(s, |t| a.push(t));
            let mut b = Vec::new();
            for_each_token_folded(s, |t| b.push(t));
            assert_eq!(a, b, "{s}");
        }
    }

    #[test]
    fn numeric_flag() {
        let mut v = Vec::new();
        for_each_token("2025 a1 été", |t| v.push((t.chars, t.numeric)));
        assert_eq!(v, vec![(4, true), (2, false), (3, false)]);
    }

    #[test]
    fn shingle_counts() {
        let mut out = Vec::new();
        shingles("a b c d e f g", 5, &mut out);
        assert_eq!(out.len(), 3);
        shingles("a b", 5, &mut out);
        assert_eq!(out.len(), 1);
        shingles("", 5, &mut out);
        assert!(out.is_empty());
        let mut a = Vec::new();
        shingles("The cat sat on the mat today", 5, &mut a);
        let mut b = Vec::new();
        shingles("the CAT sat, on the mat. Today!", 5, &mut b);
        assert_eq!(a, b);
        // Order matters inside a shingle.
        shingles("b a c d e", 5, &mut b);
        shingles("a b c d e", 5, &mut a);
        assert_ne!(a, b);
    }
}
