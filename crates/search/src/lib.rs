//! Full-text search over stored documents, on a tantivy index kept beside
//! the database (`<db>.index/`).
//!
//! * Analysers ([`analysis`]): French and English stemming, French elisions
//!   (`l'`, `d'`, `qu'`, …) dropped, accents folded for matching; the text is
//!   stored as printed and snippets are cut from it.
//! * Each document's title and text are indexed in the field of its language
//!   (`*_fr`, `*_en`, or `*_any` for other or unknown languages); queries run
//!   over all of them, each analysed with its field's analyser.
//! * Facets: language, site/outlet, author, entity, entity type (from the
//!   mention layer when the NER stage has run).
//! * Publication dates are indexed as the interval they denote at their
//!   precision (`2025-04` is 2025-04-01..=2025-04-31), so a date range
//!   matches every article whose interval overlaps it.
//! * Incremental: [`SearchIndex::index_documents`] adds or replaces documents
//!   by id; [`SearchIndex::sync_from_store`] brings the index in line with a
//!   store, touching only what changed (a manifest of per-document
//!   fingerprints is kept in the index folder).

pub mod analysis;
mod dates;
mod entities;
mod manifest;
mod query;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier_document::Document;
use dossier_store::{Store, Summary};
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, PhraseQuery, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value,
    FAST, INDEXED, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use thiserror::Error;

pub use dates::{date_bounds, DateBound};
pub use entities::{fold_key, provisional_entities, EntityRef};
pub use query::{FacetCount, Facets, Hit, SearchQuery, SearchResults, Snippet};

/// Bumped whenever the schema or the analysers change; an index made with
/// another version is rebuilt.
pub const INDEX_VERSION: u32 = 1;

/// Errors from the search index.
#[derive(Debug, Error)]
pub enum SearchError {
    /// tantivy failed.
    #[error("search index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The query could not be parsed.
    #[error("bad query: {0}")]
    Query(String),
    /// A date given as a bound is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("bad date `{0}`: use YYYY, YYYY-MM or YYYY-MM-DD")]
    Date(String),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    /// File system error on the index folder.
    #[error("index folder {path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The index was opened read-only.
    #[error("the search index is open read-only")]
    ReadOnly,
}

/// The index folder that goes with database `db`: `<db>.index`.
pub fn index_dir_for(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".index");
    PathBuf::from(name)
}

/// The schema's fields.
#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub title_fr: Field,
    pub title_en: Field,
    pub title_any: Field,
    pub text_fr: Field,
    pub text_en: Field,
    pub text_any: Field,
    pub language: Field,
    pub site: Field,
    pub author: Field,
    pub author_text: Field,
    pub published: Field,
    pub precision: Field,
    pub pub_start: Field,
    pub pub_end: Field,
    pub entity: Field,
    pub entity_type: Field,
    pub facet: Field,
}

fn text_field(analyzer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let opts = TextOptions::default().set_indexing_options(indexing);
    if stored {
        opts.set_stored()
    } else {
        opts
    }
}

fn build_schema() -> (Schema, Fields) {
    use analysis::{ANY, EN, FR};
    let mut b = Schema::builder();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", STORED),
        body: b.add_text_field("body", STORED),
        title_fr: b.add_text_field("title_fr", text_field(FR, false)),
        title_en: b.add_text_field("title_en", text_field(EN, false)),
        title_any: b.add_text_field("title_any", text_field(ANY, false)),
        text_fr: b.add_text_field("text_fr", text_field(FR, false)),
        text_en: b.add_text_field("text_en", text_field(EN, false)),
        text_any: b.add_text_field("text_any", text_field(ANY, false)),
        language: b.add_text_field("language", STRING | STORED),
        site: b.add_text_field("site", STRING | STORED),
        author: b.add_text_field("author", STORED),
        author_text: b.add_text_field("author_text", text_field(ANY, false)),
        published: b.add_text_field("published", STORED),
        precision: b.add_text_field("precision", STORED),
        pub_start: b.add_i64_field("pub_start", INDEXED | FAST | STORED),
        pub_end: b.add_i64_field("pub_end", INDEXED | FAST | STORED),
        entity: b.add_text_field("entity", text_field(ANY, false)),
        entity_type: b.add_text_field("entity_type", STRING),
        facet: b.add_facet_field("facet", FacetOptions::default()),
    };
    (b.build(), fields)
}

/// What [`SearchIndex::sync_from_store`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// Documents (re)indexed.
    pub indexed: usize,
    /// Documents removed (no longer in the store).
    pub removed: usize,
    /// Documents already up to date.
    pub unchanged: usize,
}

/// What [`bring_up_to_date`] found.
#[derive(Debug)]
pub enum Freshness {
    /// The index already matched the store.
    Current,
    /// The index was brought in line with the store.
    Synced(SyncReport),
    /// Another process holds the index writer: the index is used as it is.
    Busy(SearchError),
}

/// Brings the index in `dir` in line with `store` (rebuilding it from
/// scratch when `reindex`), reporting progress as (done, to do). Used by
/// `dossier ingest`, `search` and `serve` alike.
pub fn bring_up_to_date(
    store: &Store,
    dir: &Path,
    reindex: bool,
    progress: impl FnMut(usize, usize),
) -> Result<Freshness, SearchError> {
    if reindex && dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|source| SearchError::Io { path: dir.to_path_buf(), source })?;
    }
    let summaries = store.list()?;
    let current =
        dir.exists() && SearchIndex::open_read_only(dir).map(|i| i.is_current(&summaries)).unwrap_or(false);
    if current {
        return Ok(Freshness::Current);
    }
    match SearchIndex::open_or_create(dir) {
        Ok(mut index) => Ok(Freshness::Synced(index.sync_from_store(store, progress)?)),
        // Another process holds the writer: what is there is still usable.
        Err(e) if dir.exists() => Ok(Freshness::Busy(e)),
        Err(e) => Err(e),
    }
}

/// A search index, on disk or in memory.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    fields: Fields,
    dir: Option<PathBuf>,
    manifest: manifest::Manifest,
}

/// Memory given to the index writer (shared by its threads).
const WRITER_MEMORY: usize = 100_000_000;

impl SearchIndex {
    /// Opens the index in `dir` for reading and writing, creating it (or
    /// rebuilding it from scratch when it was made by another
    /// [`INDEX_VERSION`]) as needed. Takes tantivy's writer lock: one writer
    /// at a time per folder.
    pub fn open_or_create(dir: &Path) -> Result<Self, SearchError> {
        Self::open_with_threads(dir, 0)
    }

    /// Like [`SearchIndex::open_or_create`] with `threads` indexing threads
    /// (0: tantivy's default for this machine).
    pub fn open_with_threads(dir: &Path, threads: usize) -> Result<Self, SearchError> {
        let io = |source| SearchError::Io {
            path: dir.to_path_buf(),
            source,
        };
        // (a version mismatch or a missing manifest means: start afresh)
        let manifest = manifest::Manifest::load(dir);
        let usable = manifest
            .as_ref()
            .is_some_and(|m| m.version == INDEX_VERSION);
        if !usable && dir.exists() {
            std::fs::remove_dir_all(dir).map_err(io)?;
        }
        std::fs::create_dir_all(dir).map_err(io)?;
        let (schema, fields) = build_schema();
        // A damaged index (files missing, unreadable meta) is rebuilt: it is
        // only a cache of the store.
        let opened = if usable {
            Index::open_in_dir(dir).ok()
        } else {
            None
        };
        let usable = opened.is_some();
        let index = match opened {
            Some(index) => index,
            None => {
                std::fs::remove_dir_all(dir).map_err(io)?;
                std::fs::create_dir_all(dir).map_err(io)?;
                Index::create_in_dir(dir, schema)?
            }
        };
        let mut this = Self::finish(index, fields, Some(dir.to_path_buf()), threads)?;
        this.manifest = manifest.filter(|_| usable).unwrap_or_default();
        if !usable {
            // Record the version now so an interrupted first build is not
            // mistaken for a foreign index next time.
            this.manifest.save(dir)?;
        }
        Ok(this)
    }

    /// An in-memory index (tests, benchmarks).
    pub fn create_in_ram(threads: usize) -> Result<Self, SearchError> {
        let (schema, fields) = build_schema();
        Self::finish(Index::create_in_ram(schema), fields, None, threads)
    }

    fn finish(
        index: Index,
        fields: Fields,
        dir: Option<PathBuf>,
        threads: usize,
    ) -> Result<Self, SearchError> {
        analysis::register(&index);
        let writer = if threads == 0 {
            index.writer(WRITER_MEMORY)?
        } else {
            index.writer_with_num_threads(threads, WRITER_MEMORY)?
        };
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Some(writer),
            fields,
            dir,
            manifest: manifest::Manifest::default(),
        })
    }

    /// Opens an existing index for reading only (no writer lock), e.g. for
    /// a server while another process may update the index.
    pub fn open_read_only(dir: &Path) -> Result<Self, SearchError> {
        let (_, fields) = build_schema();
        let index = Index::open_in_dir(dir)?;
        analysis::register(&index);
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        let manifest = manifest::Manifest::load(dir).unwrap_or_default();
        Ok(SearchIndex {
            index,
            reader,
            writer: None,
            fields,
            dir: Some(dir.to_path_buf()),
            manifest,
        })
    }

    /// Number of searchable documents.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Adds or replaces (by id) `docs` and commits.
    pub fn index_documents(&mut self, docs: &[Document]) -> Result<usize, SearchError> {
        self.add_documents(docs)?;
        self.commit()?;
        Ok(docs.len())
    }

    /// Adds or replaces `docs` without committing (call
    /// [`SearchIndex::commit`] after a batch of batches).
    pub fn add_documents(&mut self, docs: &[Document]) -> Result<(), SearchError> {
        let fields = self.fields;
        let writer = self.writer.as_mut().ok_or(SearchError::ReadOnly)?;
        for doc in docs {
            writer.delete_term(Term::from_field_text(fields.id, &doc.id));
            writer.add_document(to_tantivy(&fields, doc))?;
            self.manifest
                .docs
                .insert(doc.id.clone(), manifest::fingerprint_document(doc));
        }
        Ok(())
    }

    /// Removes documents by id (no commit).
    pub fn remove_documents<S: AsRef<str>>(&mut self, ids: &[S]) -> Result<(), SearchError> {
        let writer = self.writer.as_mut().ok_or(SearchError::ReadOnly)?;
        for id in ids {
            writer.delete_term(Term::from_field_text(self.fields.id, id.as_ref()));
            self.manifest.docs.remove(id.as_ref());
        }
        Ok(())
    }

    /// Commits pending changes, makes them searchable and saves the manifest.
    pub fn commit(&mut self) -> Result<(), SearchError> {
        let writer = self.writer.as_mut().ok_or(SearchError::ReadOnly)?;
        writer.commit()?;
        self.reader.reload()?;
        if let Some(dir) = &self.dir {
            self.manifest.save(dir)?;
        }
        Ok(())
    }

    /// True when the index holds exactly the store's documents as they are
    /// now (by id and fingerprint).
    pub fn is_current(&self, summaries: &[Summary]) -> bool {
        summaries.len() == self.manifest.docs.len()
            && summaries
                .iter()
                .all(|s| self.manifest.docs.get(&s.id) == Some(&manifest::fingerprint_summary(s)))
    }

    /// Brings the index in line with `store`: indexes new and changed
    /// documents, removes those no longer stored. `progress` is called with
    /// (done, to do) after each batch.
    pub fn sync_from_store(
        &mut self,
        store: &Store,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<SyncReport, SearchError> {
        let summaries = store.list()?;
        let mut wanted: HashMap<&str, u64> = HashMap::with_capacity(summaries.len());
        for s in &summaries {
            wanted.insert(s.id.as_str(), manifest::fingerprint_summary(s));
        }
        let stale: Vec<String> = self
            .manifest
            .docs
            .keys()
            .filter(|id| !wanted.contains_key(String::as_str(id)))
            .cloned()
            .collect::<Vec<String>>();
        let todo: Vec<&str> = summaries
            .iter()
            .filter(|s| {
                self.manifest.docs.get(&s.id).copied() != wanted.get(s.id.as_str()).copied()
            })
            .map(|s| s.id.as_str())
            .collect();
        let mut report = SyncReport {
            indexed: 0,
            removed: stale.len(),
            unchanged: summaries.len().saturating_sub(todo.len()),
        };
        self.remove_documents(&stale)?;
        for chunk in todo.chunks(500) {
            let mut docs = Vec::with_capacity(chunk.len());
            for id in chunk {
                if let Some(doc) = store.get(id)? {
                    docs.push(doc);
                }
            }
            self.add_documents(&docs)?;
            report.indexed += docs.len();
            progress(report.indexed, todo.len());
        }
        if report.indexed > 0 || report.removed > 0 || self.manifest.dirty {
            self.commit()?;
        }
        Ok(report)
    }

    /// Runs a search.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let f = &self.fields;
        let searcher = self.reader.searcher();
        let text_fields = [
            f.title_fr,
            f.title_en,
            f.title_any,
            f.text_fr,
            f.text_en,
            f.text_any,
        ];
        let mut parser = QueryParser::for_index(&self.index, text_fields.to_vec());
        parser.set_conjunction_by_default();
        for t in [f.title_fr, f.title_en, f.title_any] {
            parser.set_field_boost(t, 2.0);
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut warnings = Vec::new();
        let text_query: Option<Box<dyn Query>> = if q.text.trim().is_empty() {
            None
        } else {
            let (parsed, errors) = parser.parse_query_lenient(&q.text);
            warnings.extend(errors.iter().map(|e| e.to_string()));
            clauses.push((Occur::Must, parsed.box_clone()));
            Some(parsed)
        };
        for name in &q.entities {
            clauses.push((Occur::Must, self.phrase_on(f.entity, name)));
        }
        if let Some(author) = q.author.as_deref().filter(|s| !s.trim().is_empty()) {
            clauses.push((Occur::Must, self.phrase_on(f.author_text, author)));
        }
        for (field, value) in [
            (f.entity_type, &q.entity_type),
            (f.language, &q.language),
            (f.site, &q.site),
        ] {
            if let Some(v) = value.as_deref().filter(|s| !s.is_empty()) {
                let term = Term::from_field_text(field, v);
                clauses.push((
                    Occur::Must,
                    Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
                ));
            }
        }
        if q.from.is_some() || q.to.is_some() {
            let lo = q
                .from
                .as_deref()
                .map(|d| date_bounds(d).map(|b| b.start))
                .transpose()?;
            let hi =
                q.to.as_deref()
                    .map(|d| date_bounds(d).map(|b| b.end))
                    .transpose()?;
            // Overlap of [start, end] with [lo, hi]: start <= hi and end >= lo.
            if let Some(hi) = hi {
                clauses.push((
                    Occur::Must,
                    Box::new(RangeQuery::new(
                        std::ops::Bound::Unbounded,
                        std::ops::Bound::Included(Term::from_field_i64(f.pub_start, hi)),
                    )),
                ));
            }
            if let Some(lo) = lo {
                clauses.push((
                    Occur::Must,
                    Box::new(RangeQuery::new(
                        std::ops::Bound::Included(Term::from_field_i64(f.pub_end, lo)),
                        std::ops::Bound::Unbounded,
                    )),
                ));
            }
        }
        let query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else if text_query.is_none() {
            clauses.push((Occur::Must, Box::new(AllQuery)));
            Box::new(BooleanQuery::new(clauses))
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let limit = q.limit.clamp(1, 1000);
        let top = TopDocs::with_limit(limit).and_offset(q.offset);
        let (top_docs, total, facets) = if q.facets {
            let mut fc = FacetCollector::for_field("facet");
            for root in query::FACET_ROOTS {
                fc.add_facet(Facet::from_path([*root]));
            }
            let (top_docs, total, counts) = searcher.search(&query, &(top, Count, fc))?;
            (
                top_docs,
                total,
                Some(query::facets_from(&counts, q.facet_limit.max(1))),
            )
        } else {
            let (top_docs, total) = searcher.search(&query, &(top, Count))?;
            (top_docs, total, None)
        };
        let mut generators: HashMap<&'static str, Option<SnippetGenerator>> = HashMap::new();
        let mut hits = Vec::with_capacity(top_docs.len());
        for (score, addr) in top_docs {
            let stored: TantivyDocument = searcher.doc(addr)?;
            let get = |field: Field| {
                stored
                    .get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let language = get(f.language).unwrap_or_default();
            let body = get(f.body).unwrap_or_default();
            let snippet = match &text_query {
                None => Snippet::plain_prefix(&body, q.snippet_chars),
                Some(tq) => {
                    let (key, field) = match language.as_str() {
                        "fr" => ("fr", f.text_fr),
                        "en" => ("en", f.text_en),
                        _ => ("any", f.text_any),
                    };
                    let generator = generators.entry(key).or_insert_with(|| {
                        SnippetGenerator::create(&searcher, tq.as_ref(), field)
                            .ok()
                            .map(|mut g| {
                                g.set_max_num_chars(q.snippet_chars.max(20));
                                g
                            })
                    });
                    match generator {
                        Some(g) => {
                            let s = g.snippet(&body);
                            if s.is_empty() {
                                Snippet::plain_prefix(&body, q.snippet_chars)
                            } else {
                                Snippet::from_tantivy(&s)
                            }
                        }
                        None => Snippet::plain_prefix(&body, q.snippet_chars),
                    }
                }
            };
            hits.push(Hit {
                id: get(f.id).unwrap_or_default(),
                score,
                title: get(f.title),
                language: (!language.is_empty()).then_some(language),
                site: get(f.site),
                author: get(f.author),
                published: get(f.published),
                precision: get(f.precision),
                snippet,
            });
        }
        Ok(SearchResults {
            total,
            hits,
            facets,
            warnings,
        })
    }

    /// A phrase (or term) query for `text` analysed as `field` analyses it.
    fn phrase_on(&self, field: Field, text: &str) -> Box<dyn Query> {
        let mut terms = Vec::new();
        if let Ok(mut analyzer) = self.index.tokenizer_for_field(field) {
            let mut stream = analyzer.token_stream(text);
            while stream.advance() {
                terms.push(Term::from_field_text(field, &stream.token().text));
            }
        }
        match terms.len() {
            // Nothing to match on: match nothing rather than everything.
            0 => Box::new(TermQuery::new(
                Term::from_field_text(field, "\u{0}"),
                IndexRecordOption::Basic,
            )),
            1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
            _ => Box::new(PhraseQuery::new(terms)),
        }
    }
}

/// The outlet a document came from: the host of its URL (without `www.`),
/// else its declared site name.
pub fn site_of(doc: &Document) -> Option<String> {
    let url = doc.url.as_deref().or(doc
        .metadata
        .canonical_url
        .as_ref()
        .map(|c| c.value.as_str()));
    if let Some(host) = url.and_then(host_of) {
        return Some(host);
    }
    doc.metadata
        .site_name
        .as_ref()
        .map(|s| s.value.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Host part of an http(s) URL, lower-cased, without `www.` and port.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

fn to_tantivy(f: &Fields, doc: &Document) -> TantivyDocument {
    let mut t = TantivyDocument::default();
    t.add_text(f.id, &doc.id);
    let m = &doc.metadata;
    let lang = m.language.as_ref().map(|l| l.value.as_str()).unwrap_or("");
    let (title_field, text_field) = match lang {
        "fr" => (f.title_fr, f.text_fr),
        "en" => (f.title_en, f.text_en),
        _ => (f.title_any, f.text_any),
    };
    if let Some(title) = &m.title {
        t.add_text(f.title, &title.value);
        t.add_text(title_field, &title.value);
    }
    t.add_text(f.body, doc.text());
    t.add_text(text_field, doc.text());
    if !lang.is_empty() {
        t.add_text(f.language, lang);
        t.add_facet(f.facet, Facet::from_path(["lang", lang]));
    }
    if let Some(site) = site_of(doc) {
        t.add_text(f.site, &site);
        t.add_facet(f.facet, Facet::from_path(["site", site.as_str()]));
    }
    for (i, a) in m.authors.iter().enumerate() {
        if i == 0 {
            t.add_text(f.author, &a.value);
        }
        t.add_text(f.author_text, &a.value);
        t.add_facet(f.facet, Facet::from_path(["author", a.value.as_str()]));
    }
    if let Some(p) = &m.published {
        t.add_text(f.published, &p.value);
        t.add_text(f.precision, p.precision.as_str());
        if let Ok(b) = date_bounds(&p.value) {
            // The interval the value denotes at its stated precision.
            let b = dates::widen_to(b, &p.value, p.precision);
            t.add_i64(f.pub_start, b.start);
            t.add_i64(f.pub_end, b.end);
            if let Some(year) = p.value.get(..4) {
                t.add_facet(f.facet, Facet::from_path(["year", year]));
            }
        }
    }
    for e in provisional_entities(doc) {
        t.add_text(f.entity, &e.name);
        t.add_text(f.entity_type, &e.kind);
        t.add_facet(f.facet, Facet::from_path(["type", e.kind.as_str()]));
        t.add_facet(
            f.facet,
            Facet::from_path(["entity", format!("{}:{}", e.kind, e.name).as_str()]),
        );
    }
    t
}

#[cfg(test)]
mod tests;
