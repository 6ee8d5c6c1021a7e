//! The server end to end over the seeds plus a malicious page.

mod common;

use common::{get, request, start};

#[test]
fn pages_search_security_exports() {
    let srv = start(None);
    let a = srv.addr;

    // Search "Lavrov" finds the seed articles that name him (001, 002).
    let r = get(a, "/?q=Lavrov");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Lavrov"), "{}", r.body);
    let hits: Vec<&str> = r
        .body
        .match_indices("class=\"title\" href=\"/article/")
        .map(|(i, _)| &r.body[i..])
        .collect();
    assert!(hits.len() >= 2, "expected at least 2 hits: {}", r.body);
    assert!(
        r.body.contains("<mark class=\"hl\">Lavrov</mark>"),
        "snippet highlights the match"
    );
    let mut found: Vec<String> = r
        .body
        .split("class=\"title\" href=\"/article/")
        .skip(1)
        .map(|s| s.chars().take_while(|c| c.is_ascii_hexdigit()).collect())
        .collect();
    found.sort();
    let mut want: Vec<String> = ["001_5f06b2f05f265a12.txt", "002_b618d0d5ab75cad4.txt"]
        .iter()
        .map(|f| {
            dossier_document::content_hash(
                &std::fs::read(common::repo_root().join("examples/seeds").join(f)).unwrap(),
            )
        })
        .collect();
    want.sort();
    assert_eq!(found, want, "search Lavrov finds exactly seeds 001 and 002");

    // Headers on every response.
    for path in [
        "/",
        "/entities",
        "/timeline",
        "/sources",
        "/nope",
        "/static/style.css",
    ] {
        let r = get(a, path);
        let csp = r.header("content-security-policy").unwrap_or("");
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("unsafe"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("script-src"), "no script allowed at all");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    assert_eq!(get(a, "/nope").status, 404);

    // Read-only.
    assert_eq!(request(a, "POST", "/", &["Content-Length: 0"]).status, 405);
    // DNS rebinding: a foreign Host is refused on loopback.
    let r = request(a, "GET", "/", &["Host: evil.example"]);
    assert!(r.status == 421 || r.status == 400, "{}", r.status);

    // The malicious page: found, and nothing from it is markup.
    let r = get(a, "/?q=Bamako+attaque");
    assert_eq!(r.status, 200);
    let link = r
        .body
        .split("href=\"/article/")
        .nth(1)
        .expect("the malicious page is found");
    let id: String = link.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
    for path in [
        "/?q=Bamako+attaque".to_string(),
        format!("/article/{id}"),
        format!("/article/{id}/source"),
        "/sources".into(),
        "/timeline".into(),
    ] {
        let r = get(a, &path);
        assert_eq!(r.status, 200, "{path}");
        for tag in tags(&r.body) {
            let t = tag.to_ascii_lowercase();
            let name: String = t
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ![
                    "script", "img", "iframe", "textarea", "style", "object", "embed", "base",
                    "form"
                ]
                .contains(&name.as_str())
                    || (name == "form" && (t == "/form" || t.contains("action=\"/\""))),
                "{path}: tag <{tag}> from the page"
            );
            assert!(!t.contains("javascript:"), "{path}: <{tag}>");
            assert!(
                !(name == "meta" && t.contains("http-equiv")),
                "{path}: <{tag}>"
            );
            for attr in t.split_whitespace().skip(1) {
                assert!(!attr.starts_with("on"), "{path}: event handler in <{tag}>");
                assert!(
                    !attr.starts_with("style="),
                    "{path}: inline style in <{tag}>"
                );
            }
        }
    }
    let art = get(a, &format!("/article/{id}"));
    assert!(
        art.body.contains("&lt;script&gt;"),
        "page text shown as text"
    );
    let src = get(a, &format!("/article/{id}/source"));
    assert!(
        src.body.contains("class=\"extracted\""),
        "extracted part outlined"
    );
    assert!(src
        .body
        .contains("&lt;script&gt;window.__dossierPwned = 8;&lt;/script&gt;"));

    // Article page of a seed: metadata with evidence and precision.
    let r = get(a, "/?q=Lavrov");
    let first = r.body.split("href=\"/article/").nth(1).unwrap();
    let id: String = first
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect();
    let art = get(a, &format!("/article/{id}"));
    assert!(art.body.contains("precision"), "{}", art.body);
    assert!(art.body.contains("evidence"));

    // Entities: provisional grouping exists and links resolve.
    let ents = get(a, "/entities");
    assert_eq!(ents.status, 200);
    if let Some(link) = ents.body.split("href=\"/entity?id=").nth(1) {
        let q: String = link.chars().take_while(|&c| c != '"').collect();
        let e = get(a, &format!("/entity?id={}", q.replace("&amp;", "&")));
        assert_eq!(e.status, 200, "{q}");
        assert!(e.body.contains("Articles"));
    }
    assert_eq!(get(a, "/entity?id=NOPE:x").status, 404);
    // A city of the seeds shows its gazetteer country and coordinates.
    let bamako = get(a, "/entity?id=loc:bamako");
    assert_eq!(bamako.status, 200);
    assert!(bamako.body.contains("country ML") && bamako.body.contains("12.6091, -7.9752"), "{}", bamako.body);

    // Exports.
    let j = get(a, "/export/articles.jsonl");
    assert_eq!(j.status, 200);
    let lines: Vec<&str> = j.body.lines().collect();
    assert_eq!(lines.len(), 6, "5 seeds + 1 fixture");
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert!(v.get("id").is_some());
    }
    let c = get(a, "/export/entities.csv");
    assert!(c
        .body
        .starts_with("id,type,name,aliases,articles,mentions\r\n"));
    assert!(c
        .header("content-type")
        .unwrap_or("")
        .starts_with("text/csv"));

    for (path, ctype) in [
        ("/export/report.md", "text/markdown"),
        ("/export/report.json", "application/json"),
        ("/export/report.html", "application/octet-stream"),
    ] {
        let r = get(a, path);
        assert_eq!(r.status, 200, "{path}");
        assert!(
            r.header("content-type").unwrap_or("").starts_with(ctype),
            "{path}"
        );
        assert!(
            r.header("content-disposition")
                .unwrap_or("")
                .starts_with("attachment"),
            "{path}"
        );
    }
    let ev = get(a, "/export/events.csv");
    assert!(ev.body.lines().count() > 1, "events exported: {}", ev.body);

    // Entity page of Assimi Goïta lists the four articles that name him.
    let ents = get(a, "/entities?type=PER");
    let goita = ents
        .body
        .split("href=\"/entity?id=")
        .skip(1)
        .find(|s| s.split('<').next().unwrap_or("").contains("Goïta"))
        .expect("Goïta listed");
    let q: String = goita.chars().take_while(|&c| c != '"').collect();
    let page = get(a, &format!("/entity?id={}", q.replace("&amp;", "&")));
    let articles = page
        .body
        .split("<h2>Articles</h2>")
        .nth(1)
        .unwrap_or("")
        .split("</ul>")
        .next()
        .unwrap_or("")
        .matches("<li>")
        .count();
    assert_eq!(articles, 4, "{}", page.body);

    // Timeline: events in date order.
    let tl = get(a, "/timeline");
    let dates: Vec<String> = tl
        .body
        .split("<li class=\"event\"><span class=\"date\">")
        .skip(1)
        .map(|s| s.split(' ').next().unwrap_or("").to_string())
        .collect();
    assert!(!dates.is_empty(), "events on the timeline");
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");

    // Date filter respects precision; a bad date is reported, not a crash.
    assert_eq!(get(a, "/?q=&from=2025-04&to=2025-04").status, 200);
    let bad = get(a, "/?q=x&from=garbage");
    assert_eq!(bad.status, 200);
    assert!(bad.body.contains("bad date"));
}

#[test]
fn token_is_required_off_loopback_and_checked() {
    let any: std::net::SocketAddr = "0.0.0.0:0".parse().unwrap();
    assert!(dossier_web::check_bind(any, None).is_err());
    assert!(dossier_web::check_bind(any, Some("x")).is_err());
    assert!(dossier_web::check_bind(any, Some("0123456789abcdef")).is_ok());
    assert!(dossier_web::check_bind("127.0.0.1:0".parse().unwrap(), None).is_ok());
    // run() refuses before binding or touching the database.
    let err = dossier_web::run(
        std::path::Path::new("/nonexistent.db"),
        dossier_web::ServeOptions {
            addr: any,
            token: None,
            reindex: false,
        },
        |_| {},
    );
    assert!(matches!(err, Err(dossier_web::WebError::TokenRequired(_))));

    let srv = start(Some("0123456789abcdef"));
    let a = srv.addr;
    assert_eq!(get(a, "/").status, 401);
    assert_eq!(get(a, "/static/style.css").status, 401);
    assert_eq!(get(a, "/?token=wrong-token-000").status, 401);
    let ok = get(a, "/?token=0123456789abcdef");
    assert_eq!(ok.status, 200);
    assert!(ok.header("set-cookie").unwrap_or("").contains("HttpOnly"));
    assert_eq!(
        request(
            a,
            "GET",
            "/sources",
            &["Cookie: dossier_token=0123456789abcdef"]
        )
        .status,
        200
    );
    assert_eq!(
        request(
            a,
            "GET",
            "/sources",
            &["Authorization: Bearer 0123456789abcdef"]
        )
        .status,
        200
    );
    assert!(
        get(a, "/").header("content-security-policy").is_some(),
        "headers on refusals too"
    );
}

/// The tags of an HTML document: every `<…>` (text `<` is escaped, so each
/// raw `<` starts a tag).
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let Some(j) = after.find('>') else { break };
        out.push(&after[..j]);
        rest = &after[j + 1..];
    }
    out
}
