//! Raw pages as received, identified by the hash of their bytes.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What kind of content a raw page holds, as far as ingestion can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    /// A plain-text dump of a rendered page.
    Text,
    /// HTML markup.
    Html,
}

/// A page exactly as received. The bytes are never modified.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawPage {
    /// Where it came from: a path, `path:line` for JSON Lines, a WARC
    /// record, or `-` for stdin.
    pub source: String,
    /// The page URL when known (JSON Lines `url`, WARC target URI).
    pub url: Option<String>,
    /// When it was fetched, if the container says (JSON Lines `fetched_at`,
    /// WARC-Date). Never a publication date.
    pub fetched_at: Option<String>,
    /// Text dump or HTML.
    pub kind: PageKind,
    /// Charset declared by the container (HTTP header), if any.
    pub declared_charset: Option<String>,
    /// The bytes as received.
    pub bytes: Vec<u8>,
}

impl RawPage {
    /// The content hash of the bytes: the page's identity.
    pub fn hash(&self) -> String {
        content_hash(&self.bytes)
    }
}

/// Hex SHA-256 of `bytes`, truncated to 128 bits (32 hex digits).
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    hex::encode(&digest[..16])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_stable_and_content_based() {
        assert_eq!(content_hash(b"abc"), content_hash(b"abc"));
        assert_ne!(content_hash(b"abc"), content_hash(b"abd"));
        assert_eq!(content_hash(b"").len(), 32);
    }
}
