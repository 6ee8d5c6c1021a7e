//! Index-level tests over a few small documents.

use super::*;
use dossier_document::{DateValue, Evidenced, Mention, Precision};
use dossier_text::Span;

fn doc(id: &str, lang: &str, title: &str, text: &str, date: Option<(&str, Precision)>) -> Document {
    let mut d = Document::from_parts(id.into(), format!("{id}.txt"), text.into());
    d.metadata.title = Some(Evidenced::new(title.to_string(), title));
    d.metadata.language = Some(Evidenced::new(lang.to_string(), "test"));
    d.url = Some(format!("https://www.example-{lang}.org/a/{id}"));
    if let Some((v, p)) = date {
        d.metadata.published = Some(DateValue {
            value: v.into(),
            precision: p,
            evidence: v.into(),
            estimated: false,
        });
    }
    d
}

fn index() -> SearchIndex {
    let mut idx = SearchIndex::create_in_ram(1).unwrap();
    let mut a = doc(
        "a1",
        "fr",
        "Sergueï Lavrov à Moscou",
        "L'armée malienne et la coopération militaire avec Sergueï Lavrov.",
        Some(("2025-04-03", Precision::Day)),
    );
    let at = a.text().find("Sergueï").unwrap();
    let span = Span::new(at, at + "Sergueï Lavrov".len());
    a.layers.mentions = Some(vec![Mention {
        span,
        kind: "PER".into(),
        score: 0.9,
    }]);
    let b = doc(
        "b2",
        "en",
        "Sanctions on Mali",
        "The junta faced new sanctions in Bamako.",
        Some(("2025-04", Precision::Month)),
    );
    let c = doc("c3", "fr", "Sans date", "Les armées du Sahel.", None);
    idx.index_documents(&[a, b, c]).unwrap();
    idx
}

fn ids(r: &SearchResults) -> Vec<String> {
    let mut v: Vec<String> = r.hits.iter().map(|h| h.id.clone()).collect();
    v.sort();
    v
}

fn q(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        ..Default::default()
    }
}

#[test]
fn stemming_elision_and_accents() {
    let idx = index();
    assert_eq!(ids(&idx.search(&q("armee")).unwrap()), ["a1", "c3"]);
    assert_eq!(ids(&idx.search(&q("cooperation")).unwrap()), ["a1"]);
    assert_eq!(ids(&idx.search(&q("sanction")).unwrap()), ["b2"]);
    assert_eq!(ids(&idx.search(&q("serguei")).unwrap()), ["a1"]);
}

#[test]
fn phrase_and_boolean() {
    let idx = index();
    assert_eq!(ids(&idx.search(&q("\"armée malienne\"")).unwrap()), ["a1"]);
    assert!(idx
        .search(&q("\"malienne armée\""))
        .unwrap()
        .hits
        .is_empty());
    assert_eq!(
        ids(&idx.search(&q("sanctions OR Lavrov")).unwrap()),
        ["a1", "b2"]
    );
    assert_eq!(ids(&idx.search(&q("armée -Lavrov")).unwrap()), ["c3"]);
    // Unbalanced input does not fail.
    assert!(idx.search(&q("\"armée (")).is_ok());
}

#[test]
fn snippets_mark_matches_as_printed() {
    let idx = index();
    let r = idx.search(&q("lavrov")).unwrap();
    let s = &r.hits[0].snippet;
    assert!(
        s.pieces().iter().any(|(t, hl)| *hl && *t == "Lavrov"),
        "{s:?}"
    );
}

#[test]
fn date_ranges_respect_precision() {
    let idx = index();
    let range = |from: &str, to: &str| {
        ids(&idx
            .search(&SearchQuery {
                from: Some(from.into()),
                to: Some(to.into()),
                ..Default::default()
            })
            .unwrap())
    };
    // b2 is month-precise (April): it overlaps any range touching April.
    assert_eq!(range("2025-04-20", "2025-05-01"), ["b2"]);
    assert_eq!(range("2025-04-03", "2025-04-03"), ["a1", "b2"]);
    assert!(range("2025-05", "2025-12").is_empty());
    assert!(idx
        .search(&SearchQuery {
            from: Some("nope".into()),
            ..Default::default()
        })
        .is_err());
}

#[test]
fn facets_and_filters() {
    let idx = index();
    let r = idx.search(&SearchQuery::default()).unwrap();
    assert_eq!(r.total, 3);
    let f = r.facets.unwrap();
    assert!(f.languages.iter().any(|c| c.value == "fr" && c.count == 2));
    assert!(f.sites.iter().any(|c| c.value == "example-en.org"));
    assert!(f
        .entities
        .iter()
        .any(|c| c.value == "Sergueï Lavrov" && c.kind.as_deref() == Some("PER")));
    let only = |q: SearchQuery| ids(&idx.search(&q).unwrap());
    assert_eq!(
        only(SearchQuery {
            language: Some("en".into()),
            ..Default::default()
        }),
        ["b2"]
    );
    assert_eq!(
        only(SearchQuery {
            entities: vec!["serguei lavrov".into()],
            ..Default::default()
        }),
        ["a1"]
    );
    assert_eq!(
        only(SearchQuery {
            entities: vec!["Lavrov".into()],
            ..Default::default()
        }),
        ["a1"]
    );
    assert_eq!(
        only(SearchQuery {
            entity_type: Some("PER".into()),
            ..Default::default()
        }),
        ["a1"]
    );
    assert_eq!(
        only(SearchQuery {
            site: Some("example-fr.org".into()),
            ..Default::default()
        }),
        ["a1", "c3"]
    );
}

#[test]
fn replace_by_id() {
    let mut idx = index();
    let a = doc("a1", "fr", "Autre titre", "Rien à voir.", None);
    idx.index_documents(&[a]).unwrap();
    assert_eq!(idx.num_docs(), 3);
    assert!(idx.search(&q("lavrov")).unwrap().hits.is_empty());
    idx.remove_documents(&["a1"]).unwrap();
    idx.commit().unwrap();
    assert_eq!(idx.num_docs(), 2);
}

#[test]
fn on_disk_sync_from_store() {
    use dossier_document::{PageKind, RawPage};
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("t.db");
    let mut store = Store::open(&db).unwrap();
    let raw = RawPage {
        source: "x.txt".into(),
        url: None,
        fetched_at: None,
        kind: PageKind::Text,
        declared_charset: None,
        bytes: b"hello".to_vec(),
    };
    let mut d = Document::for_page(&raw);
    d.set_text("Bonjour Bamako".into(), Default::default())
        .unwrap();
    store.insert_batch(&[(raw, d)]).unwrap();
    let dir = index_dir_for(&db);
    {
        let mut idx = SearchIndex::open_or_create(&dir).unwrap();
        assert!(!idx.is_current(&store.list().unwrap()));
        let r = idx.sync_from_store(&store, |_, _| {}).unwrap();
        assert_eq!(r.indexed, 1);
        assert!(idx.is_current(&store.list().unwrap()));
    }
    let mut idx = SearchIndex::open_or_create(&dir).unwrap();
    assert!(idx.is_current(&store.list().unwrap()));
    assert_eq!(idx.sync_from_store(&store, |_, _| {}).unwrap().indexed, 0);
    assert_eq!(idx.search(&q("bamako")).unwrap().total, 1);
    drop(idx);
    let ro = SearchIndex::open_read_only(&dir).unwrap();
    assert_eq!(ro.search(&q("bamako")).unwrap().total, 1);
}

#[test]
fn damaged_or_foreign_index_is_rebuilt() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("x.index");
    {
        let mut idx = SearchIndex::open_or_create(&dir).unwrap();
        idx.index_documents(&[doc("a1", "fr", "T", "Bamako", None)])
            .unwrap();
    }
    std::fs::remove_file(dir.join("meta.json")).unwrap();
    let idx = SearchIndex::open_or_create(&dir).unwrap();
    assert_eq!(idx.num_docs(), 0);
    drop(idx);
    std::fs::write(
        dir.join("dossier-manifest.json"),
        b"{\"version\": 999, \"docs\": {}}",
    )
    .unwrap();
    assert_eq!(SearchIndex::open_or_create(&dir).unwrap().num_docs(), 0);
}

proptest::proptest! {
    #[test]
    fn date_bounds_never_panic(s in "\\PC{0,12}") {
        if let Ok(b) = date_bounds(&s) {
            proptest::prop_assert!(b.start <= b.end);
        }
    }

    #[test]
    fn snippet_pieces_rebuild_the_text(text in "\\PC{0,40}", a in 0usize..50, b in 0usize..50) {
        let s = Snippet { text: text.clone(), highlights: std::iter::once(a.min(b)..a.max(b)).collect() };
        let rebuilt: String = s.pieces().iter().map(|(t, _)| *t).collect();
        proptest::prop_assert_eq!(rebuilt, text);
    }
}
