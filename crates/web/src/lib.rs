//! The local web view (`dossier serve`): a read-only axum server rendering
//! HTML on the server (maud templates, no JavaScript, no front-end build)
//! over the store, the search index and a [`Knowledge`] of entities and
//! events.
//!
//! Pages: search with facets and snippets (`/`), article (`/article/{id}`),
//! raw source with the extracted part outlined (`/article/{id}/source`),
//! entities (`/entities`, `/entity?id=`), timeline (`/timeline`), sources
//! (`/sources`); exports: `/export/articles.jsonl`, `/export/entities.csv`,
//! `/export/events.csv`. Security: see [`security`].

pub mod export;
pub mod knowledge;
pub mod linked;
mod pages;
pub mod plot;
pub mod render;
pub mod security;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use dossier_search::{index_dir_for, SearchIndex};
use dossier_store::Store;
use thiserror::Error;

pub use knowledge::{Catalog, EntityDetail, EntitySummary, EventView, Knowledge};
pub use pages::render_article_page;

/// Errors starting the server.
#[derive(Debug, Error)]
pub enum WebError {
    /// Binding off loopback without a usable token.
    #[error(
        "refusing to listen on {0} (not a loopback address) without --token: anyone who can reach it could \
         read the dossier; give --token with at least 12 characters"
    )]
    TokenRequired(SocketAddr),
    /// The database does not exist.
    #[error("no database at {0}: ingest pages first (dossier ingest …)")]
    NoDatabase(PathBuf),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] dossier_store::StoreError),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] dossier_search::SearchError),
    /// Network or runtime error.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to bind (default 127.0.0.1:8080; port 0 picks a free one).
    pub addr: SocketAddr,
    /// Access token; required when `addr` is not a loopback address.
    pub token: Option<String>,
    /// Rebuild the search index from scratch first.
    pub reindex: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            token: None,
            reindex: false,
        }
    }
}

/// Refuses a non-loopback address without a token of at least 12 characters.
pub fn check_bind(addr: SocketAddr, token: Option<&str>) -> Result<(), WebError> {
    let token_ok = token.is_some_and(|t| t.chars().count() >= 12);
    if !addr.ip().is_loopback() && !token_ok {
        return Err(WebError::TokenRequired(addr));
    }
    Ok(())
}

/// Shared state of the server.
pub struct AppState {
    stores: Vec<Mutex<Store>>,
    next_store: AtomicUsize,
    /// The search index (read-only).
    pub index: SearchIndex,
    /// Listing data of every document, and provisional knowledge.
    pub catalog: Arc<Catalog>,
    /// Cross-document knowledge shown on the pages.
    pub knowledge: Arc<dyn Knowledge>,
    /// Access token, when required.
    pub token: Option<String>,
}

impl AppState {
    /// Runs `f` with one of the store connections.
    pub fn with_store<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        let n = self.stores.len().max(1);
        let start = self.next_store.fetch_add(1, Ordering::Relaxed) % n;
        for i in 0..n {
            if let Some(m) = self.stores.get((start + i) % n) {
                if let Ok(guard) = m.try_lock() {
                    return f(&guard);
                }
            }
        }
        // All busy: wait for ours (a poisoned lock still holds a usable connection).
        let m = &self.stores[start];
        let guard = m.lock().unwrap_or_else(|e| e.into_inner());
        f(&guard)
    }

    /// Replaces the knowledge the pages show (entity linking, events).
    pub fn set_knowledge(&mut self, k: Arc<dyn Knowledge>) {
        self.knowledge = k;
    }
}

/// Opens the store, brings the search index up to date (rebuilding it when
/// `reindex`), loads the catalogue. `progress` gets messages for the user.
pub fn load_state(
    db: &Path,
    token: Option<String>,
    reindex: bool,
    mut progress: impl FnMut(&str),
) -> Result<AppState, WebError> {
    if !db.exists() {
        return Err(WebError::NoDatabase(db.to_path_buf()));
    }
    let store = Store::open(db)?;
    let dir = index_dir_for(db);
    let summaries = store.list()?;
    match dossier_search::bring_up_to_date(&store, &dir, reindex, |_, _| {})? {
        dossier_search::Freshness::Current => {}
        dossier_search::Freshness::Synced(r) => {
            progress(&format!("indexed {} document(s), removed {}", r.indexed, r.removed))
        }
        dossier_search::Freshness::Busy(e) => {
            progress(&format!("search index not updated ({e}); serving it as it is"))
        }
    }
    let index = SearchIndex::open_read_only(&dir)?;
    let mut docs = Vec::with_capacity(summaries.len());
    for s in &summaries {
        if let Some(d) = store.get(&s.id)? {
            docs.push(d);
        }
    }
    // Cross-document knowledge when the linker yields any; else provisional.
    let linked = linked::LinkedKnowledge::build(&docs);
    let catalog = Arc::new(Catalog::load(docs));
    let knowledge: Arc<dyn Knowledge> = if linked.is_empty() {
        catalog.clone()
    } else {
        Arc::new(linked)
    };
    let mut stores = vec![Mutex::new(store)];
    for _ in 1..4 {
        stores.push(Mutex::new(Store::open(db)?));
    }
    Ok(AppState {
        stores,
        next_store: AtomicUsize::new(0),
        index,
        knowledge,
        catalog,
        token,
    })
}

/// The application's routes with the security layer.
pub fn router(state: Arc<AppState>) -> Router {
    pages::routes()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .with_state(state)
}

/// Serves on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Blocking entry point for the CLI: checks the address, loads the state,
/// binds, calls `on_ready` with the URL to open, serves until Ctrl-C.
pub fn run(db: &Path, opts: ServeOptions, on_ready: impl FnOnce(&str)) -> Result<(), WebError> {
    check_bind(opts.addr, opts.token.as_deref())?;
    let state = load_state(db, opts.token.clone(), opts.reindex, |m| eprintln!("{m}"))?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr).await?;
        let addr = listener.local_addr()?;
        let host = if addr.ip().is_unspecified() {
            "127.0.0.1".to_string()
        } else {
            addr.ip().to_string()
        };
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host
        };
        let url = match &opts.token {
            Some(t) => format!(
                "http://{host}:{}/?token={}",
                addr.port(),
                form_urlencoded::byte_serialize(t.as_bytes()).collect::<String>()
            ),
            None => format!("http://{host}:{}/", addr.port()),
        };
        on_ready(&url);
        serve(listener, Arc::new(state), async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_rules() {
        let lo: SocketAddr = "127.0.0.1:0".parse().unwrap();
        let lo6: SocketAddr = "[::1]:0".parse().unwrap();
        let any: SocketAddr = "0.0.0.0:8080".parse().unwrap();
        assert!(check_bind(lo, None).is_ok());
        assert!(check_bind(lo6, None).is_ok());
        assert!(matches!(
            check_bind(any, None),
            Err(WebError::TokenRequired(_))
        ));
        assert!(check_bind(any, Some("short")).is_err());
        assert!(check_bind(any, Some("a-long-enough-token")).is_ok());
    }
}
