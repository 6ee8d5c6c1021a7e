//! SQLite persistence (bundled SQLite, no server): raw pages as received,
//! content-hashed and stored once; documents with their metadata, clean
//! text, layers, diagnostics and the stage versions that made them.
//!
//! Writes go through [`Store::insert_batch`], one transaction per batch: a
//! process killed at any moment leaves a database that opens and holds
//! exactly the batches that committed; re-running the same ingest stores the
//! rest and nothing twice (the raw page hash is the primary key).

#![deny(missing_docs)]

use std::path::Path;

use dossier_document::{Document, RawPage};
use rusqlite::{params, Connection, OptionalExtension};
use thiserror::Error;

/// Errors from the store.
#[derive(Debug, Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored document could not be (de)serialised.
    #[error("stored document {id} is unreadable: {source}")]
    Corrupt {
        /// Document id.
        id: String,
        /// Cause.
        source: serde_json::Error,
    },
    /// The database was made by a newer version of dossier.
    #[error("database schema version {found} is newer than this program's {supported}")]
    TooNew {
        /// Version found.
        found: i64,
        /// Version supported.
        supported: i64,
    },
    /// An id prefix matched several documents.
    #[error("id prefix `{0}` matches several documents; give more characters")]
    Ambiguous(String),
}

/// What happened to one page offered to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored now.
    New,
    /// Already stored (same content hash); nothing written.
    Duplicate,
}

/// One place a page was seen: source (path or name), url, fetched_at.
pub type PageSource = (String, Option<String>, Option<String>);

/// One row of `dossier list`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Document id (content hash).
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// Publication date value (ISO prefix) if known.
    pub published: Option<String>,
    /// Its precision.
    pub precision: Option<String>,
    /// True when the date is an estimate.
    pub estimated: bool,
    /// ISO 639-1 language.
    pub language: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// First author.
    pub author: Option<String>,
    /// Number of characters of clean text.
    pub chars: i64,
    /// Number of diagnostics.
    pub diagnostics: i64,
}

const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS raw_pages (
    hash TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    declared_charset TEXT,
    bytes BLOB NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))
);
CREATE TABLE IF NOT EXISTS page_sources (
    hash TEXT NOT NULL REFERENCES raw_pages(hash),
    source TEXT NOT NULL,
    url TEXT,
    fetched_at TEXT,
    PRIMARY KEY (hash, source)
);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY REFERENCES raw_pages(hash),
    source TEXT NOT NULL,
    url TEXT,
    language TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    precision TEXT,
    estimated INTEGER NOT NULL DEFAULT 0,
    chars INTEGER NOT NULL,
    diagnostics INTEGER NOT NULL,
    stages TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
";

/// Writes (inserts or replaces) the row of one document: the listing
/// columns and the whole document as JSON.
fn write_document(tx: &rusqlite::Transaction<'_>, doc: &Document) -> Result<(), StoreError> {
    let corrupt = |e| StoreError::Corrupt { id: doc.id.clone(), source: e };
    let json = serde_json::to_string(doc).map_err(corrupt)?;
    let stages = serde_json::to_string(&doc.stamps).map_err(corrupt)?;
    let m = &doc.metadata;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO documents (id, source, url, language, title, author, published, precision,
                                           estimated, chars, diagnostics, stages, document)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        doc.id,
        doc.source,
        doc.url,
        m.language.as_ref().map(|l| &l.value),
        m.title.as_ref().map(|t| &t.value),
        m.authors.first().map(|a| &a.value),
        m.published.as_ref().map(|p| &p.value),
        m.published.as_ref().map(|p| p.precision.as_str()),
        m.published.as_ref().map(|p| p.estimated).unwrap_or(false),
        doc.text().chars().count() as i64,
        doc.diagnostics.len() as i64,
        stages,
        json,
    ])?;
    Ok(())
}

/// An open dossier database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path)?;
        Self::init(conn)
    }

    /// An in-memory database (tests).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL keeps readers working during an ingest and makes commits
        // atomic on crash; NORMAL sync is durable across process kills.
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::TooNew { found: version, supported: SCHEMA_VERSION });
        }
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(&format!("PRAGMA user_version={SCHEMA_VERSION}"))?;
        Ok(Store { conn })
    }

    /// True when a raw page with this hash is stored.
    pub fn contains(&self, hash: &str) -> Result<bool, StoreError> {
        let found: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM raw_pages WHERE hash = ?1", [hash], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    /// Stores pages and their documents in one transaction. A page whose
    /// hash is already stored is a [`Outcome::Duplicate`] (its source is
    /// still recorded as another place the page was seen).
    pub fn insert_batch(&mut self, batch: &[(RawPage, Document)]) -> Result<Vec<Outcome>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut insert_raw = tx.prepare_cached(
                "INSERT OR IGNORE INTO raw_pages (hash, kind, declared_charset, bytes) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut insert_source = tx.prepare_cached(
                "INSERT OR IGNORE INTO page_sources (hash, source, url, fetched_at) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (raw, doc) in batch {
                let kind = match raw.kind {
                    dossier_document::PageKind::Text => "text",
                    dossier_document::PageKind::Html => "html",
                };
                let added = insert_raw.execute(params![doc.id, kind, raw.declared_charset, raw.bytes])?;
                insert_source.execute(params![doc.id, raw.source, raw.url, raw.fetched_at])?;
                if added == 0 {
                    outcomes.push(Outcome::Duplicate);
                    continue;
                }
                write_document(&tx, doc)?;
                outcomes.push(Outcome::New);
            }
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Records further places already-stored pages were seen (pages not
    /// stored are ignored), in one transaction.
    pub fn add_sources(&mut self, pages: &[RawPage]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "INSERT OR IGNORE INTO page_sources (hash, source, url, fetched_at)
                 SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM raw_pages WHERE hash = ?1)",
            )?;
            for raw in pages {
                stmt.execute(params![raw.hash(), raw.source, raw.url, raw.fetched_at])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// All stored documents, oldest publication first (undated last).
    pub fn list(&self) -> Result<Vec<Summary>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, source, published, precision, estimated, language, title, author, chars, diagnostics
             FROM documents ORDER BY published IS NULL, published, source",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Summary {
                id: r.get(0)?,
                source: r.get(1)?,
                published: r.get(2)?,
                precision: r.get(3)?,
                estimated: r.get::<_, i64>(4)? != 0,
                language: r.get(5)?,
                title: r.get(6)?,
                author: r.get(7)?,
                chars: r.get(8)?,
                diagnostics: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Number of stored documents.
    pub fn count(&self) -> Result<u64, StoreError> {
        let n: i64 = self.conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))?;
        Ok(n as u64)
    }

    /// The document whose id starts with `prefix` (at least 4 characters
    /// are advised); `None` when nothing matches.
    pub fn get(&self, prefix: &str) -> Result<Option<Document>, StoreError> {
        let pattern = format!("{}%", prefix.replace(['%', '_'], ""));
        let mut stmt = self.conn.prepare("SELECT id, document FROM documents WHERE id LIKE ?1 LIMIT 2")?;
        let mut rows: Vec<(String, String)> =
            stmt.query_map([pattern], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        match rows.len() {
            0 => Ok(None),
            1 => {
                let (id, json) = rows.remove(0);
                serde_json::from_str(&json).map(Some).map_err(|e| StoreError::Corrupt { id, source: e })
            }
            _ => Err(StoreError::Ambiguous(prefix.to_string())),
        }
    }

    /// Every stored document, in publication order (undated last).
    pub fn documents(&self) -> Result<Vec<Document>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, document FROM documents ORDER BY published IS NULL, published, source")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push(serde_json::from_str(&json).map_err(|e| StoreError::Corrupt { id, source: e })?);
        }
        Ok(out)
    }

    /// A stored raw page as received, with the first place it was seen.
    pub fn raw_page(&self, hash: &str) -> Result<Option<RawPage>, StoreError> {
        let row: Option<(String, Option<String>, Vec<u8>)> = self
            .conn
            .query_row("SELECT kind, declared_charset, bytes FROM raw_pages WHERE hash = ?1", [hash], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        let Some((kind, declared_charset, bytes)) = row else { return Ok(None) };
        let (source, url, fetched_at) = self.sources_of(hash)?.into_iter().next().unwrap_or_default();
        let kind = if kind == "html" { dossier_document::PageKind::Html } else { dossier_document::PageKind::Text };
        Ok(Some(RawPage { source, url, fetched_at, kind, declared_charset, bytes }))
    }

    /// Replaces stored documents (same ids) in one transaction: used when a
    /// newer stage version recomputes them from their raw pages.
    pub fn replace_documents(&mut self, docs: &[Document]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for doc in docs {
            let exists: Option<i64> =
                tx.query_row("SELECT 1 FROM documents WHERE id = ?1", [&doc.id], |r| r.get(0)).optional()?;
            if exists.is_some() {
                write_document(&tx, doc)?;
                n += 1;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// Ids of the stored documents and the stage versions that made them.
    pub fn stamps(&self) -> Result<Vec<(String, Vec<dossier_document::StageStamp>)>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT id, stages FROM documents ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, stages) = row?;
            let stamps = serde_json::from_str(&stages).map_err(|e| StoreError::Corrupt { id: id.clone(), source: e })?;
            out.push((id, stamps));
        }
        Ok(out)
    }

    /// The raw bytes of a stored page.
    pub fn raw_bytes(&self, hash: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT bytes FROM raw_pages WHERE hash = ?1", [hash], |r| r.get(0))
            .optional()?)
    }

    /// Every place a page was seen.
    pub fn sources_of(&self, hash: &str) -> Result<Vec<PageSource>, StoreError> {
        let mut stmt =
            self.conn.prepare("SELECT source, url, fetched_at FROM page_sources WHERE hash = ?1 ORDER BY source")?;
        let rows = stmt.query_map([hash], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::{Evidenced, PageKind};
    use dossier_text::OffsetMap;

    fn page(body: &str, source: &str) -> (RawPage, Document) {
        let raw = RawPage {
            source: source.into(),
            url: None,
            fetched_at: None,
            kind: PageKind::Text,
            declared_charset: None,
            bytes: body.as_bytes().to_vec(),
        };
        let mut doc = Document::for_page(&raw);
        doc.set_text(body.to_string(), OffsetMap::default()).unwrap();
        doc.metadata.title = Some(Evidenced::new("T".to_string(), "T"));
        (raw, doc)
    }

    #[test]
    fn stores_once_and_reads_back() {
        let mut s = Store::open_in_memory().unwrap();
        let a = page("alpha", "a.txt");
        let b = page("alpha", "copy/a.txt");
        let c = page("gamma", "c.txt");
        let out = s.insert_batch(&[a.clone(), b, c]).unwrap();
        assert_eq!(out, vec![Outcome::New, Outcome::Duplicate, Outcome::New]);
        assert_eq!(s.count().unwrap(), 2);
        assert_eq!(s.insert_batch(std::slice::from_ref(&a)).unwrap(), vec![Outcome::Duplicate]);
        let got = s.get(&a.1.id[..8]).unwrap().unwrap();
        assert_eq!(got.text(), "alpha");
        assert_eq!(got.metadata.title.unwrap().value, "T");
        assert_eq!(s.sources_of(&a.1.id).unwrap().len(), 2);
        assert_eq!(s.raw_bytes(&a.1.id).unwrap().unwrap(), b"alpha");
        assert!(s.get("ffffffffffff").unwrap().is_none());
        assert_eq!(s.list().unwrap().len(), 2);
        assert_eq!(s.documents().unwrap().len(), 2);
        let raw = s.raw_page(&a.1.id).unwrap().unwrap();
        assert_eq!(raw.bytes, b"alpha");
        assert_eq!(raw.source, "a.txt");
        let mut changed = a.1.clone();
        changed.metadata.title = Some(Evidenced::new("New".to_string(), "N"));
        changed.stamps.push(dossier_document::StageStamp { stage: "x".into(), version: 2 });
        assert_eq!(s.replace_documents(&[changed]).unwrap(), 1);
        assert_eq!(s.get(&a.1.id).unwrap().unwrap().metadata.title.unwrap().value, "New");
        assert!(s.stamps().unwrap().iter().any(|(id, st)| id == &a.1.id && st.len() == 1));
    }

    #[test]
    fn reopens_file_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.db");
        {
            let mut s = Store::open(&path).unwrap();
            s.insert_batch(&[page("x", "x")]).unwrap();
        }
        let s = Store::open(&path).unwrap();
        assert_eq!(s.count().unwrap(), 1);
    }
}
