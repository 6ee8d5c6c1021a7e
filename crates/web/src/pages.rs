//! Routes, handlers and page templates (maud: every `(…)` splice is
//! HTML-escaped; no inline script or style anywhere).

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use dossier_document::{DateValue, Document, PageKind, RawPage};
use dossier_search::{FacetCount, SearchQuery, SearchResults};
use maud::{html, Markup, DOCTYPE};
use serde::Deserialize;

use crate::knowledge::{DocInfo, EntityDetail, Knowledge};
use crate::render::{article_body, entity_href, extracted_ranges, raw_with_marks};
use crate::AppState;

type St = State<Arc<AppState>>;

const STYLE: &str = include_str!("../assets/style.css");
const FAVICON: &str = include_str!("../assets/favicon.svg");

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/", get(search_page))
        .route("/article/{id}", get(article_page))
        .route("/article/{id}/source", get(source_page))
        .route("/entities", get(entities_page))
        .route("/entity", get(entity_page))
        .route("/timeline", get(timeline_page))
        .route("/sources", get(sources_page))
        .route("/export/articles.jsonl", get(export_articles))
        .route("/export/entities.csv", get(export_entities))
        .route("/export/events.csv", get(export_events))
        .route("/export/report.md", get(|st: St| export_report(st, "md")))
        .route(
            "/export/report.html",
            get(|st: St| export_report(st, "html")),
        )
        .route(
            "/export/report.json",
            get(|st: St| export_report(st, "json")),
        )
        .route(
            "/static/style.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], STYLE) }),
        )
        .route(
            "/favicon.ico",
            get(|| async { ([(header::CONTENT_TYPE, "image/svg+xml")], FAVICON) }),
        )
        .fallback(|| async { not_found("No such page.") })
}

fn page(title: &str, body: Markup) -> Response {
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (title) " · dossier" }
                link rel="stylesheet" href="/static/style.css";
                link rel="icon" href="/favicon.ico" type="image/svg+xml";
            }
            body {
                header.top {
                    a.brand href="/" { "dossier" }
                    nav {
                        a href="/" { "Search" }
                        a href="/entities" { "Entities" }
                        a href="/timeline" { "Timeline" }
                        a href="/sources" { "Sources" }
                        a href="/export/report.md" { "Report (.md)" }
                        a href="/export/report.html" { "Report (.html)" }
                    }
                }
                main { (body) }
            }
        }
    };
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        markup.into_string(),
    )
        .into_response()
}

fn not_found(msg: &str) -> Response {
    let mut r = page("Not found", html! { h1 { "Not found" } p { (msg) } });
    *r.status_mut() = StatusCode::NOT_FOUND;
    r
}

fn server_error(msg: String) -> Response {
    let mut r = page("Error", html! { h1 { "Error" } p { (msg) } });
    *r.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    r
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| server_error(format!("worker failed: {e}")))
}

fn date_label(d: &Option<DateValue>) -> Markup {
    html! {
        @match d {
            Some(d) => span.date title={ "precision: " (d.precision.as_str()) @if d.estimated { ", estimated" } } {
                @if d.estimated { "~" } (d.value) " " small.prec { (d.precision.as_str()) }
            },
            None => span.date.unknown { "undated" },
        }
    }
}

fn doc_line(d: &DocInfo) -> Markup {
    html! {
        li {
            (date_label(&d.published)) " "
            a href={ "/article/" (d.id) } { (d.title.as_deref().unwrap_or("(no title)")) }
            " " span.meta { (d.language.as_deref().unwrap_or("?")) @if let Some(s) = &d.site { " · " (s) } }
        }
    }
}

// ---------------------------------------------------------------- search

#[derive(Debug, Default, Deserialize, Clone)]
pub(crate) struct SearchParams {
    #[serde(default)]
    q: String,
    entity: Option<String>,
    #[serde(rename = "type")]
    entity_type: Option<String>,
    lang: Option<String>,
    site: Option<String>,
    author: Option<String>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    offset: usize,
}

fn nonempty(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl SearchParams {
    fn to_query(&self) -> SearchQuery {
        SearchQuery {
            text: self.q.clone(),
            entities: nonempty(&self.entity).into_iter().collect(),
            entity_type: nonempty(&self.entity_type),
            language: nonempty(&self.lang),
            site: nonempty(&self.site),
            author: nonempty(&self.author),
            from: nonempty(&self.from),
            to: nonempty(&self.to),
            limit: 20,
            offset: self.offset.min(10_000),
            ..Default::default()
        }
    }

    /// This search's URL with one parameter set (or removed with "").
    fn with(&self, key: &str, value: &str) -> String {
        self.with_all(&[(key, value)])
    }

    /// This search's URL with parameters set (or removed with ""); the
    /// offset is reset unless set.
    fn with_all(&self, set: &[(&str, &str)]) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        let pairs = [
            ("q", Some(self.q.clone())),
            ("entity", nonempty(&self.entity)),
            ("type", nonempty(&self.entity_type)),
            ("lang", nonempty(&self.lang)),
            ("site", nonempty(&self.site)),
            ("author", nonempty(&self.author)),
            ("from", nonempty(&self.from)),
            ("to", nonempty(&self.to)),
        ];
        for (k, v) in pairs {
            let v = match set.iter().find(|(key, _)| *key == k) {
                Some((_, value)) => Some(value.to_string()),
                None => v,
            };
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                s.append_pair(k, &v);
            }
        }
        if let Some((_, offset)) = set.iter().find(|(k, v)| *k == "offset" && !v.is_empty()) {
            s.append_pair("offset", offset);
        }
        format!("/?{}", s.finish())
    }
}

fn facet_list(
    title: &str,
    key: &str,
    values: &[FacetCount],
    params: &SearchParams,
    current: &Option<String>,
) -> Markup {
    html! {
        @if !values.is_empty() {
            section.facet {
                h3 { (title) }
                ul {
                    @for v in values {
                        @let active = current.as_deref() == Some(v.value.as_str());
                        li {
                            @if active {
                                strong { (v.value) } " (" (v.count) ") "
                                a.clear href=(params.with(key, "")) { "×" }
                            } @else {
                                a href=(params.with(key, &v.value)) { (v.value) } " (" (v.count) ")"
                            }
                        }
                    }
                }
            }
        }
    }
}

fn search_results(params: &SearchParams, r: &SearchResults) -> Markup {
    html! {
        p.count { (r.total) " article(s)" }
        @for w in &r.warnings { p.warning { "Ignored part of the query: " (w) } }
        ol.hits {
            @for h in &r.hits {
                li.hit {
                    a.title href={ "/article/" (h.id) } { (h.title.as_deref().unwrap_or("(no title)")) }
                    div.meta {
                        @match (&h.published, &h.precision) {
                            (Some(p), Some(prec)) => { span.date { (p) " " small.prec { (prec) } } }
                            (Some(p), None) => { span.date { (p) } }
                            _ => { span.date.unknown { "undated" } }
                        }
                        @if let Some(l) = &h.language { " · " (l) }
                        @if let Some(s) = &h.site { " · " (s) }
                        @if let Some(a) = &h.author { " · " (a) }
                    }
                    p.snippet {
                        @for (t, hl) in h.snippet.pieces() {
                            @if hl { mark.hl { (t) } } @else { (t) }
                        }
                    }
                }
            }
        }
        nav.pages {
            @if params.offset > 0 {
                a href=(params.with("offset", &params.offset.saturating_sub(20).to_string())) { "← previous" }
            }
            @if params.offset + r.hits.len() < r.total {
                " " a href=(params.with("offset", &(params.offset + 20).to_string())) { "next →" }
            }
        }
    }
}

async fn search_page(State(st): St, Query(params): Query<SearchParams>) -> Response {
    let q = params.to_query();
    let st2 = st.clone();
    let result = match blocking(move || st2.index.search(&q)).await {
        Ok(r) => r,
        Err(resp) => return resp,
    };
    let body = html! {
        h1 { "Search" }
        form.search method="get" action="/" {
            input type="search" name="q" value=(params.q) placeholder="words, \"a phrase\", a OR b, -not" autofocus;
            details open[params.entity.is_some() || params.from.is_some() || params.to.is_some()] {
                summary { "Filters" }
                label { "Entity " input type="text" name="entity" value=(params.entity.as_deref().unwrap_or("")); }
                label { "From " input type="text" name="from" placeholder="YYYY[-MM[-DD]]" value=(params.from.as_deref().unwrap_or("")); }
                label { "To " input type="text" name="to" placeholder="YYYY[-MM[-DD]]" value=(params.to.as_deref().unwrap_or("")); }
                @for (k, v) in [("type", &params.entity_type), ("lang", &params.lang), ("site", &params.site), ("author", &params.author)] {
                    @if let Some(v) = nonempty(v) { input type="hidden" name=(k) value=(v); }
                }
            }
            button type="submit" { "Search" }
        }
        div.layout.search-layout {
            aside.facets {
                @match &result {
                    Ok(r) => @if let Some(f) = &r.facets {
                        (facet_list("Language", "lang", &f.languages, &params, &params.lang))
                        (facet_list("Outlet", "site", &f.sites, &params, &params.site))
                        (facet_list("Entity type", "type", &f.entity_types, &params, &params.entity_type))
                        (facet_list("Author", "author", &f.authors, &params, &params.author))
                        @if !f.entities.is_empty() {
                            section.facet {
                                h3 { "Entities" }
                                ul {
                                    @for e in &f.entities {
                                        li {
                                            a href=(params.with("entity", &e.value)) { (e.value) }
                                            " " small { (e.kind.as_deref().unwrap_or("")) } " (" (e.count) ")"
                                        }
                                    }
                                }
                            }
                        }
                        @if !f.years.is_empty() {
                            section.facet {
                                h3 { "Year" }
                                ul {
                                    @for y in &f.years {
                                        li { a href=(params.with_all(&[("from", &y.value), ("to", &y.value)])) { (y.value) } " (" (y.count) ")" }
                                    }
                                }
                            }
                        }
                    },
                    Err(_) => {},
                }
            }
            section.results {
                @match &result {
                    Ok(r) => (search_results(&params, r)),
                    Err(e) => p.error { (e.to_string()) },
                }
            }
        }
    };
    page(
        if params.q.is_empty() {
            "Search"
        } else {
            &params.q
        },
        body,
    )
}

// ---------------------------------------------------------------- article

fn evidence_row(label: &str, value: Option<&str>, evidence: Option<&str>) -> Markup {
    html! {
        @if let Some(v) = value {
            tr { th { (label) } td { (v) } td.evidence { @if let Some(e) = evidence { code { (e) } } } }
        }
    }
}

fn date_row(label: &str, d: &Option<DateValue>) -> Markup {
    html! {
        @if let Some(d) = d {
            tr {
                th { (label) }
                td { (d.value) " " small.prec { (d.precision.as_str()) " precision" @if d.estimated { ", estimated" } } }
                td.evidence { code { (d.evidence) } }
            }
        }
    }
}

/// The article page for a document (used by the handler and the render
/// benchmark).
pub fn render_article_page(
    doc: &Document,
    knowledge: &dyn Knowledge,
    seen_at: &[(String, Option<String>, Option<String>)],
) -> Markup {
    let m = &doc.metadata;
    let title = m
        .title
        .as_ref()
        .map(|t| t.value.as_str())
        .unwrap_or("(no title)");
    let entities = dossier_search::provisional_entities(doc);
    html! {
        article.doc {
            h1 { (title) }
            p.meta {
                (date_label(&m.published))
                @if let Some(l) = &m.language { " · " (l.value) }
                @if let Some(s) = dossier_search::site_of(doc) { " · " (s) }
                " · " a href={ "/article/" (doc.id) "/source#extracted" } { "raw source, extracted part outlined" }
            }
            div.layout {
                div.text { (article_body(doc, knowledge)) }
                aside.side {
                    h2 { "Metadata" }
                    table.metadata {
                        tr { th { "field" } th { "value" } th { "evidence" } }
                        (evidence_row("title", m.title.as_ref().map(|t| t.value.as_str()), m.title.as_ref().map(|t| t.evidence.as_str())))
                        @for a in &m.authors { (evidence_row("author", Some(&a.value), Some(&a.evidence))) }
                        (date_row("published", &m.published))
                        (date_row("modified", &m.modified))
                        (evidence_row("dateline", m.dateline.as_ref().map(|t| t.value.as_str()), m.dateline.as_ref().map(|t| t.evidence.as_str())))
                        (evidence_row("site", m.site_name.as_ref().map(|t| t.value.as_str()), m.site_name.as_ref().map(|t| t.evidence.as_str())))
                        (evidence_row("canonical", m.canonical_url.as_ref().map(|t| t.value.as_str()), m.canonical_url.as_ref().map(|t| t.evidence.as_str())))
                        (evidence_row("language", m.language.as_ref().map(|t| t.value.as_str()), m.language.as_ref().map(|t| t.evidence.as_str())))
                        (evidence_row("declared language", m.declared_language.as_deref(), None))
                        (evidence_row("url", doc.url.as_deref(), None))
                        (evidence_row("fetched", doc.fetched_at.as_deref(), None))
                        (evidence_row("id", Some(&doc.id), None))
                    }
                    @if !entities.is_empty() {
                        h2 { "Names" }
                        ul.entities {
                            @for e in &entities {
                                li {
                                    mark class=(crate::render::kind_class(&e.kind)) { (e.kind) }
                                    " "
                                    @match e.spans.first().and_then(|&sp| knowledge.entity_of_mention(&doc.id, sp, &e.kind, &e.name)) {
                                        Some(id) => a href=(entity_href(&id)) { (e.name) },
                                        None => (e.name),
                                    }
                                    " ×" (e.count)
                                }
                            }
                        }
                    }
                    @let copies = knowledge.copies_of(&doc.id);
                    @if !copies.is_empty() {
                        h2 { "Copies" }
                        p { "Near-duplicates of this article (same text with other chrome or small edits):" }
                        ul.copies { @for c in &copies { li { a href={ "/article/" (c) } { code { (c.get(..10).unwrap_or(c)) } } } } }
                    }
                    @if let Some((story, others)) = knowledge.story_of(&doc.id) {
                        h2 { "Same story" }
                        p { "Story " code { (story) } ", with:" }
                        ul.story { @for o in &others { li { a href={ "/article/" (o) } { code { (o.get(..10).unwrap_or(o)) } } } } }
                    }
                    @if !seen_at.is_empty() {
                        h2 { "Seen at" }
                        ul {
                            @for (source, url, fetched) in seen_at {
                                li { code { (source) } @if let Some(u) = url { br; (u) } @if let Some(f) = fetched { " (" (f) ")" } }
                            }
                        }
                    }
                    @if !doc.diagnostics.is_empty() {
                        h2 { "Diagnostics" }
                        ul.diagnostics { @for d in &doc.diagnostics { li { small.prec { (format!("{:?}", d.severity).to_lowercase()) } " " code { (d.code) } " " (d.message) } } }
                    }
                    @if !doc.stamps.is_empty() {
                        h2 { "Stages" }
                        ul { @for s in &doc.stamps { li { code { (s.stage) " v" (s.version) } } } }
                    }
                }
            }
        }
    }
}

async fn article_page(State(st): St, UrlPath(id): UrlPath<String>) -> Response {
    let st2 = st.clone();
    let id2 = id.clone();
    let loaded = blocking(move || {
        st2.with_store(|s| -> Result<_, dossier_store::StoreError> {
            let doc = s.get(&id2)?;
            let seen = match &doc {
                Some(d) => s.sources_of(&d.id)?,
                None => Vec::new(),
            };
            Ok((doc, seen))
        })
    })
    .await;
    match loaded {
        Err(r) => r,
        Ok(Err(e)) => server_error(e.to_string()),
        Ok(Ok((None, _))) => not_found("No article with that id."),
        Ok(Ok((Some(doc), seen))) => {
            let title = doc
                .metadata
                .title
                .as_ref()
                .map(|t| t.value.clone())
                .unwrap_or_else(|| doc.id.clone());
            page(
                &title,
                render_article_page(&doc, st.knowledge.as_ref(), &seen),
            )
        }
    }
}

async fn source_page(State(st): St, UrlPath(id): UrlPath<String>) -> Response {
    let st2 = st.clone();
    let loaded = blocking(move || {
        st2.with_store(|s| -> Result<_, dossier_store::StoreError> {
            let Some(doc) = s.get(&id)? else {
                return Ok(None);
            };
            let bytes = s.raw_bytes(&doc.id)?;
            Ok(Some((doc, bytes)))
        })
    })
    .await;
    let (doc, bytes) = match loaded {
        Err(r) => return r,
        Ok(Err(e)) => return server_error(e.to_string()),
        Ok(Ok(None)) => return not_found("No article with that id."),
        Ok(Ok(Some((doc, None)))) => (doc, Vec::new()),
        Ok(Ok(Some((doc, Some(b))))) => (doc, b),
    };
    // Decode the page as ingestion did, so the offsets line up.
    let head = bytes.get(..bytes.len().min(2048)).unwrap_or(&[]);
    let looks_html = String::from_utf8_lossy(head)
        .to_ascii_lowercase()
        .contains('<');
    let raw_page = RawPage {
        source: doc.source.clone(),
        url: doc.url.clone(),
        fetched_at: None,
        kind: if looks_html {
            PageKind::Html
        } else {
            PageKind::Text
        },
        declared_charset: None,
        bytes,
    };
    let decoded = dossier_ingest::decode(&raw_page).text;
    let ranges = extracted_ranges(&doc, &decoded);
    let title = doc
        .metadata
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .unwrap_or_else(|| doc.id.clone());
    let body = html! {
        h1 { "Raw source" }
        p.meta {
            a href={ "/article/" (doc.id) } { "← " (title) } " · "
            code { (doc.source) } " · " (decoded.len()) " bytes decoded, "
            (ranges.len()) " extracted range(s) outlined. Shown as text: the page's markup is never run."
        }
        (raw_with_marks(&decoded, &ranges))
    };
    page("Raw source", body)
}

// ---------------------------------------------------------------- entities

#[derive(Deserialize)]
pub(crate) struct EntityParams {
    #[serde(default)]
    id: String,
    #[serde(rename = "type")]
    kind: Option<String>,
}

async fn entities_page(State(st): St, Query(p): Query<EntityParams>) -> Response {
    let all = st.knowledge.entities();
    let kind = nonempty(&p.kind);
    let shown: Vec<_> = all
        .iter()
        .filter(|e| kind.as_deref().is_none_or(|k| e.kind == k))
        .take(2000)
        .collect();
    let body = html! {
        h1 { "Entities" }
        p.note {
            "Entities: " (st.knowledge.provenance()) ". "
            a href="/export/entities.csv" { "Export CSV" }
        }
        nav.kinds {
            a href="/entities" { "all" }
            @for k in ["PER", "ORG", "LOC", "MISC"] { " " a href={ "/entities?type=" (k) } { (k) } }
        }
        @if shown.is_empty() { p { "No entities: the named-entity stage has not run on these documents." } }
        table.entities {
            tr { th { "name" } th { "type" } th { "articles" } th { "mentions" } th { "other forms" } }
            @for e in &shown {
                tr {
                    td { a href=(entity_href(&e.id)) { (e.name) } }
                    td { mark class=(crate::render::kind_class(&e.kind)) { (e.kind) } }
                    td { (e.articles) } td { (e.mentions) }
                    td { (e.aliases.join(", ")) }
                }
            }
        }
    };
    page("Entities", body)
}

/// A small radial graph of co-occurring entities (inline SVG, links only).
fn cooccurrence_graph(e: &EntityDetail) -> Markup {
    let n = e.cooccurring.len().min(12);
    let (w, h, r) = (420.0f64, 300.0f64, 115.0f64);
    let (cx, cy) = (w / 2.0, h / 2.0);
    let max = e.cooccurring.first().map(|c| c.3).unwrap_or(1).max(1) as f64;
    html! {
        svg.graph xmlns="http://www.w3.org/2000/svg" width=(w) height=(h) viewBox={ "0 0 " (w) " " (h) } role="img" aria-label="Co-occurring names" {
            @for (i, (id, name, kind, shared)) in e.cooccurring.iter().take(n).enumerate() {
                @let a = std::f64::consts::TAU * i as f64 / n.max(1) as f64;
                @let (x, y) = (cx + r * a.cos(), cy + r * a.sin());
                line.edge x1=(format!("{cx:.1}")) y1=(format!("{cy:.1}")) x2=(format!("{x:.1}")) y2=(format!("{y:.1}"))
                    stroke-width=(format!("{:.1}", 1.0 + 4.0 * (*shared as f64) / max)) {}
                a href=(entity_href(id)) {
                    circle class={ "node " (crate::render::kind_class(kind)) } cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="6" {}
                    text.label x=(format!("{x:.1}")) y=(format!("{:.1}", y - 9.0)) { (name) }
                }
            }
            circle class={ "node center " (crate::render::kind_class(&e.summary.kind)) } cx=(format!("{cx:.1}")) cy=(format!("{cy:.1}")) r="9" {}
            text.label.center x=(format!("{cx:.1}")) y=(format!("{:.1}", cy + 24.0)) { (e.summary.name) }
        }
    }
}

async fn entity_page(State(st): St, Query(p): Query<EntityParams>) -> Response {
    let Some(e) = st.knowledge.entity(&p.id) else {
        return not_found("No such entity.");
    };
    let body = html! {
        h1 { (e.summary.name) " " mark class=(crate::render::kind_class(&e.summary.kind)) { (e.summary.kind) } }
        p.meta {
            (e.summary.articles) " article(s), " (e.summary.mentions) " mention(s)"
            @if let Some(l) = &e.linked_id { " · linked id " code { (l) } }
            @if let Some((country, coords)) = &e.place {
                @if let Some(c) = country { " · country " (c) }
                @if let Some((lat, lon)) = coords { " · " (format!("{lat:.4}, {lon:.4}")) }
            }
            " · " a href={ "/timeline?entity=" (form_urlencoded::byte_serialize(e.summary.id.as_bytes()).collect::<String>()) } { "on the timeline" }
        }
        div.layout {
            div {
                h2 { "Articles" }
                ul.docs {
                    @for id in &e.articles {
                        @if let Some(d) = st.catalog.doc(id) { (doc_line(d)) }
                    }
                }
            }
            aside.side {
                h2 { "Names" }
                ul { @for (n, c) in &e.names { li { (n) @if *c > 0 { " ×" (c) } } } }
                @if !e.roles.is_empty() { h2 { "Roles" } ul { @for r in &e.roles { li { (r) } } } }
                @let quotes = st.knowledge.quotes_of(&e.summary.id);
                @if !quotes.is_empty() {
                    h2 { "Quotes" }
                    ul.quotes {
                        @for (doc, span, text) in &quotes {
                            li { q { (text) } " " a href={ "/article/" (doc) @if let Some(s) = span { "#s" (s.start) } } { "source" } }
                        }
                    }
                }
                @if !e.cooccurring.is_empty() {
                    h2 { "Named with" }
                    (cooccurrence_graph(&e))
                    ul {
                        @for (id, name, kind, n) in &e.cooccurring {
                            li { a href=(entity_href(id)) { (name) } " " small { (kind) } " — " (n) " article(s)" }
                        }
                    }
                }
            }
        }
    };
    page(&e.summary.name, body)
}

// ---------------------------------------------------------------- timeline

#[derive(Deserialize, Default)]
pub(crate) struct TimelineParams {
    from: Option<String>,
    to: Option<String>,
    entity: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
}

fn in_range(value: &str, from: &Option<String>, to: &Option<String>) -> bool {
    // Prefix comparison at the coarser of the two precisions: "2025-04"
    // lies in from=2025-04-10 (overlap), like the search date filter.
    let cmp = |a: &str, b: &str| {
        let n = a.len().min(b.len());
        a.get(..n).cmp(&b.get(..n))
    };
    from.as_deref()
        .is_none_or(|f| cmp(value, f) != std::cmp::Ordering::Less)
        && to
            .as_deref()
            .is_none_or(|t| cmp(value, t) != std::cmp::Ordering::Greater)
}

async fn timeline_page(State(st): St, Query(p): Query<TimelineParams>) -> Response {
    let (from, to, entity, kind) = (
        nonempty(&p.from),
        nonempty(&p.to),
        nonempty(&p.entity),
        nonempty(&p.kind),
    );
    let entity_kind = kind
        .as_deref()
        .filter(|k| matches!(*k, "PER" | "ORG" | "LOC" | "MISC"));
    let entity_docs: Option<std::collections::HashSet<String>> = entity.as_deref().map(|e| {
        st.knowledge
            .entity(e)
            .map(|x| x.articles.into_iter().collect())
            .unwrap_or_default()
    });
    let keep = |d: &DocInfo| {
        entity_docs.as_ref().is_none_or(|set| set.contains(&d.id))
            && entity_kind.is_none_or(|k| {
                d.entities
                    .iter()
                    .any(|(id, _)| id.split(':').next() == Some(k))
            })
    };
    let mut months: BTreeMap<String, Vec<&DocInfo>> = BTreeMap::new();
    let mut undated = Vec::new();
    for d in st.catalog.docs.iter().filter(|d| keep(d)) {
        match &d.published {
            Some(v) if in_range(&v.value, &from, &to) => months
                .entry(v.value.get(..7).unwrap_or(&v.value).to_string())
                .or_default()
                .push(d),
            Some(_) => {}
            None => undated.push(d),
        }
    }
    let events: Vec<_> = st
        .knowledge
        .events()
        .into_iter()
        .filter(|e| in_range(&e.date, &from, &to))
        .filter(|e| {
            entity
                .as_deref()
                .is_none_or(|x| e.entities.iter().any(|y| y == x))
        })
        .filter(|e| {
            kind.as_deref().is_none_or(|k| {
                e.kind == k || e.entities.iter().any(|y| y.split(':').next() == Some(k))
            })
        })
        .collect();
    let years: Vec<String> = {
        let mut y: Vec<String> = st
            .catalog
            .docs
            .iter()
            .filter_map(|d| d.published.as_ref()?.value.get(..4).map(str::to_string))
            .collect();
        y.dedup();
        y
    };
    let zoom = |f: &str, t: &str| {
        let mut s = form_urlencoded::Serializer::new(String::new());
        s.append_pair("from", f).append_pair("to", t);
        if let Some(e) = &entity {
            s.append_pair("entity", e);
        }
        if let Some(k) = &kind {
            s.append_pair("type", k);
        }
        format!("/timeline?{}", s.finish())
    };
    let body = html! {
        h1 { "Timeline" }
        @if let Some(e) = &entity {
            p.meta {
                "Events and articles of "
                a href=(entity_href(e)) { (st.knowledge.entity(e).map(|x| x.summary.name).unwrap_or_else(|| e.clone())) }
                " · " a href="/timeline" { "all" }
            }
        }
        nav.zoom {
            "Zoom: " a href="/timeline" { "all" }
            @for y in &years { " " a href=(zoom(y, y)) { (y) } }
            @if let (Some(f), Some(_)) = (&from, &to) {
                @if f.len() == 4 {
                    " · months: "
                    @for m in 1..=12 { @let ym = format!("{f}-{m:02}"); " " a href=(zoom(&ym, &ym)) { (format!("{m:02}")) } }
                }
            }
        }
        @if !events.is_empty() {
            h2 { "Events (" (events.len()) ")" }
            p.note { "Placed at their own precision, oldest first. Filter by type: "
                @for k in ["attack", "coup", "deploy", "withdraw", "visit", "meet", "agree", "sanction", "cooperate", "announce", "statement"] {
                    a href={ "/timeline?type=" (k) } { (k) } " "
                }
            }
            ol.events {
                @for e in &events {
                    li.event {
                        span.date { (e.date) " " small.prec { (e.precision) } } " "
                        strong { (e.kind) } " "
                        @for (id, name) in e.entities.iter().zip(&e.names) { a.actor href=(entity_href(id)) { (name) } " " }
                        br;
                        q.excerpt { (e.excerpt) } " "
                        a href={ "/article/" (e.doc_id) @if let Some(s) = e.span { "#s" (s.start) } } { "source" }
                        @if e.reports > 1 { " (" (e.reports) " reports)" }
                    }
                }
            }
        }
        h2 { "Articles by publication date" }
        p.note { "Each article at the precision its date is known." }
        @for (month, docs) in months.iter().rev() {
            section.month {
                h3 { a href=(zoom(month, month)) { (month) } }
                ul.docs { @for d in docs { (doc_line(d)) } }
            }
        }
        @if !undated.is_empty() && from.is_none() && to.is_none() {
            section.month { h3 { "Undated" } ul.docs { @for d in &undated { (doc_line(d)) } } }
        }
    };
    page("Timeline", body)
}

// ---------------------------------------------------------------- sources

async fn sources_page(State(st): St) -> Response {
    #[derive(Default)]
    struct Outlet<'a> {
        count: usize,
        first: Option<&'a str>,
        last: Option<&'a str>,
        langs: BTreeMap<&'a str, usize>,
    }
    let mut outlets: BTreeMap<&str, Outlet> = BTreeMap::new();
    let mut langs: BTreeMap<&str, usize> = BTreeMap::new();
    let mut per_month: BTreeMap<String, usize> = BTreeMap::new();
    let mut precisions: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &st.catalog.docs {
        let o = outlets
            .entry(d.site.as_deref().unwrap_or("(unknown)"))
            .or_default();
        o.count += 1;
        let lang = d.language.as_deref().unwrap_or("?");
        *o.langs.entry(lang).or_insert(0) += 1;
        *langs.entry(lang).or_insert(0) += 1;
        *precisions
            .entry(
                d.published
                    .as_ref()
                    .map(|p| p.precision.as_str())
                    .unwrap_or("undated"),
            )
            .or_insert(0) += 1;
        if let Some(p) = &d.published {
            let v = p.value.as_str();
            o.first = Some(o.first.map_or(v, |f| f.min(v)));
            o.last = Some(o.last.map_or(v, |l| l.max(v)));
            if let Some(m) = v.get(..7).filter(|m| m.len() == 7) {
                *per_month.entry(m.to_string()).or_insert(0) += 1;
            }
        }
    }
    let series: Vec<(String, usize)> = match (per_month.keys().next(), per_month.keys().next_back())
    {
        (Some(a), Some(b)) => crate::plot::months_between(a, b)
            .into_iter()
            .map(|m| {
                let c = per_month.get(&m).copied().unwrap_or(0);
                (m, c)
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut outlets: Vec<_> = outlets.into_iter().collect();
    outlets.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
    let body = html! {
        h1 { "Sources" }
        p.meta { (st.catalog.docs.len()) " article(s) · " (outlets.len()) " outlet(s) · "
            a href="/export/articles.jsonl" { "export articles (JSON Lines)" } }
        @if !series.is_empty() {
            h2 { "Articles per month (month-precise dates and finer)" }
            (crate::plot::bars(&series, 720, 160))
        }
        h2 { "Outlets" }
        table {
            tr { th { "outlet" } th { "articles" } th { "first" } th { "last" } th { "languages" } }
            @for (name, o) in &outlets {
                tr {
                    td {
                        @if *name == "(unknown)" { (name) }
                        @else { a href={ "/?site=" (form_urlencoded::byte_serialize(name.as_bytes()).collect::<String>()) } { (name) } }
                    }
                    td { (o.count) } td { (o.first.unwrap_or("–")) } td { (o.last.unwrap_or("–")) }
                    td { @for (l, c) in &o.langs { (l) " " (c) " " } }
                }
            }
        }
        h2 { "Languages" }
        table { @for (l, c) in &langs { tr { td { (l) } td { (c) } } } }
        h2 { "Date precision" }
        table { @for (p, c) in &precisions { tr { td { (p) } td { (c) } } } }
    };
    page("Sources", body)
}

// ---------------------------------------------------------------- exports

fn attachment(ctype: &'static str, name: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, ctype),
            (header::CONTENT_DISPOSITION, name),
        ],
        body,
    )
        .into_response()
}

async fn export_articles(State(st): St) -> Response {
    let st2 = st.clone();
    match blocking(move || {
        st2.with_store(|s| {
            let mut out = Vec::new();
            crate::export::articles_jsonl(s, &mut out).map(|_| out)
        })
    })
    .await
    {
        Err(r) => r,
        Ok(Err(e)) => server_error(e.to_string()),
        Ok(Ok(bytes)) => attachment(
            "application/x-ndjson",
            "attachment; filename=\"articles.jsonl\"",
            String::from_utf8_lossy(&bytes).into_owned(),
        ),
    }
}

/// The dossier report (issue "The dossier itself") over all articles, as a
/// download (the HTML form is a standalone file with its own styles, so it
/// is never rendered under this site's CSP).
async fn export_report(State(st): St, format: &'static str) -> Response {
    let st2 = st.clone();
    let built = blocking(move || {
        st2.with_store(|s| s.documents()).map(|docs| {
            let dossier = dossier_report::resolve(&docs, None);
            let report = dossier_report::report(&docs, &dossier);
            match format {
                "md" => dossier_report::markdown(&report),
                "html" => dossier_report::html(&report),
                _ => dossier_report::json(&report),
            }
        })
    })
    .await;
    match built {
        Err(r) => r,
        Ok(Err(e)) => server_error(e.to_string()),
        Ok(Ok(body)) => match format {
            "md" => attachment(
                "text/markdown; charset=utf-8",
                "attachment; filename=\"dossier.md\"",
                body,
            ),
            "html" => attachment(
                "application/octet-stream",
                "attachment; filename=\"dossier.html\"",
                body,
            ),
            _ => attachment(
                "application/json",
                "attachment; filename=\"dossier.json\"",
                body,
            ),
        },
    }
}

async fn export_entities(State(st): St) -> Response {
    let csv = crate::export::entities_csv(&st.knowledge.entities());
    attachment(
        "text/csv; charset=utf-8",
        "attachment; filename=\"entities.csv\"",
        csv,
    )
}

async fn export_events(State(st): St) -> Response {
    let csv = crate::export::events_csv(&st.knowledge.events());
    attachment(
        "text/csv; charset=utf-8",
        "attachment; filename=\"events.csv\"",
        csv,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_encoded() {
        let p = SearchParams {
            q: "a&b \"c\"".into(),
            lang: Some("fr".into()),
            ..Default::default()
        };
        assert_eq!(p.with("site", "x y"), "/?q=a%26b+%22c%22&lang=fr&site=x+y");
        assert_eq!(p.with("lang", ""), "/?q=a%26b+%22c%22");
    }

    #[test]
    fn ranges_at_precision() {
        let s = |x: &str| Some(x.to_string());
        assert!(in_range("2025-04", &s("2025-04-10"), &None));
        assert!(in_range("2025-04-03", &s("2025"), &s("2025")));
        assert!(!in_range("2024-12-31", &s("2025"), &None));
        assert!(in_range("2025", &None, &None));
    }
}
