//! Shared test setup: a temporary database ingested with the seeds and the
//! malicious fixture (through the real pipeline), a server on an ephemeral
//! loopback port, and a minimal HTTP/1.1 client (no client crate needed).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use dossier_document::{PageKind, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_ner::NerStage;
use dossier_store::Store;

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Ingests `examples/seeds/*` and `tests/corpus-web/*.html` into `db`.
pub fn ingest_fixtures(db: &Path) -> usize {
    let pipeline = Pipeline::new(vec![
        Box::new(ExtractStage),
        Box::new(LanguageStage),
        Box::new(NerStage::default()),
    ])
    .unwrap();
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["examples/seeds", "tests/corpus-web"] {
        for e in std::fs::read_dir(repo_root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().and_then(|x| x.to_str()).unwrap_or("");
            if ext == "txt" || ext == "html" {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut batch = Vec::new();
    for p in files {
        let kind = if p.extension().is_some_and(|x| x == "html") {
            PageKind::Html
        } else {
            PageKind::Text
        };
        let raw = RawPage {
            source: p.file_name().unwrap().to_string_lossy().into_owned(),
            url: (kind == PageKind::Html)
                .then(|| "https://www.piege-info.example/attaque".to_string()),
            fetched_at: None,
            kind,
            declared_charset: None,
            bytes: std::fs::read(&p).unwrap(),
        };
        let doc = pipeline.run(&raw).unwrap();
        batch.push((raw, doc));
    }
    let mut store = Store::open(db).unwrap();
    store.insert_batch(&batch).unwrap();
    batch.len()
}

pub struct Server {
    pub addr: SocketAddr,
    pub _dir: tempfile::TempDir,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts a server over a fresh fixture database.
pub fn start(token: Option<&str>) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    ingest_fixtures(&db);
    let state = dossier_web::load_state(&db, token.map(str::to_string), false, |_| {}).unwrap();
    let (tx_addr, rx_addr) = std::sync::mpsc::channel();
    let (tx_stop, rx_stop) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx_addr.send(listener.local_addr().unwrap()).unwrap();
            dossier_web::serve(listener, Arc::new(state), async {
                let _ = rx_stop.await;
            })
            .await
            .unwrap();
        });
    });
    let addr = rx_addr.recv().unwrap();
    Server {
        addr,
        _dir: dir,
        shutdown: Some(tx_stop),
        thread: Some(thread),
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request; `extra` are raw header lines.
pub fn request(addr: SocketAddr, method: &str, path: &str, extra: &[&str]) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !extra
        .iter()
        .any(|h| h.to_ascii_lowercase().starts_with("host:"))
    {
        req.push_str(&format!("Host: 127.0.0.1:{}\r\n", addr.port()));
    }
    for h in extra {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).unwrap();
    let text = String::from_utf8_lossy(&buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| {
            l.split_once(':')
                .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        })
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    Reply {
        status,
        headers,
        body,
    }
}

pub fn get(addr: SocketAddr, path: &str) -> Reply {
    request(addr, "GET", path, &[])
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(rest.get(..n).unwrap_or(rest));
        s = rest.get(n + 2..).unwrap_or("");
    }
    out
}
