//! Self-contained HTML rendering: inline CSS, no script, every string
//! escaped. Each citation links to an anchor on its sentence in the
//! articles section at the end of the same file.

use std::fmt::Write;

use crate::{short, Citation, Report};

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The anchor id of a sentence. Article ids are hex hashes; anything else
/// is reduced to alphanumerics so the id stays a valid fragment.
pub(crate) fn anchor(doc: &str, sentence: usize) -> String {
    let clean: String = doc.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    format!("s-{clean}-{sentence}")
}

fn cites(c: &[Citation]) -> String {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut out = String::new();
    for x in c {
        if seen.contains(&(x.doc.as_str(), x.sentence)) {
            continue;
        }
        seen.push((x.doc.as_str(), x.sentence));
        let _ = write!(
            out,
            " <a class=\"cite\" href=\"#{}\">[{} §{}]</a>",
            anchor(&x.doc, x.sentence),
            esc(short(&x.doc)),
            x.sentence + 1
        );
    }
    out
}

const STYLE: &str = "body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}
a.cite{font-size:.8em;text-decoration:none;color:#05a}.sent:target{background:#ffef9f}
.PER{color:#8a2be2}.ORG{color:#b35900}.LOC{color:#0a7d32}h2{border-bottom:1px solid #ddd}
.article{border-top:1px solid #ddd;margin-top:1rem}.muted{color:#777}";

/// Renders the report as one self-contained HTML file.
pub fn html(r: &Report) -> String {
    let mut o = String::new();
    let ov = &r.overview;
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Dossier</title>\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <style>{STYLE}</style></head><body>\n<h1>Dossier</h1>\n"
    );
    let _ = writeln!(o, "<p>{}</p>", esc(&ov.sentence()));
    let _ = writeln!(o, "<h2>Sources</h2><table><tr><th>article</th><th>date</th><th>outlet</th><th>title</th><th>author</th><th>lang</th></tr>");
    for a in &r.articles {
        let date = match &a.published {
            Some(p) => format!("{}{} <span class=\"muted\">({})</span>", if p.estimated { "~" } else { "" }, esc(&p.value), p.precision.as_str()),
            None => "unknown".into(),
        };
        let _ = writeln!(
            o,
            "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            anchor(&a.id, 0),
            esc(short(&a.id)),
            date,
            esc(a.outlet.as_deref().unwrap_or("")),
            esc(a.title.as_deref().unwrap_or("")),
            esc(&a.authors.join(", ")),
            esc(a.language.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(o, "</table>\n<h2>Actors</h2><ul>");
    for e in &r.entities {
        let _ = write!(o, "<li><b class=\"{}\">{}</b> ({}), {} article(s)", esc(&e.kind), esc(&e.name), esc(&e.kind), e.articles.len());
        if !e.aliases.is_empty() {
            let _ = write!(o, "; also: {}", esc(&e.aliases.join(", ")));
        }
        if let Some(id) = &e.linked_id {
            let _ = write!(o, "; linked: {}", esc(id));
        }
        if let Some((lat, lon)) = e.place.as_ref().and_then(|p| p.coordinates) {
            let _ = write!(o, " ({lat:.4}, {lon:.4})");
        }
        let _ = write!(o, "{}", cites(&e.cites));
        if !e.roles.is_empty() {
            let _ = write!(o, "<ul>");
            for role in &e.roles {
                let _ = write!(o, "<li>role: {}{}</li>", esc(&role.role), cites(std::slice::from_ref(&role.cite)));
            }
            let _ = write!(o, "</ul>");
        }
        let _ = writeln!(o, "</li>");
    }
    let _ = writeln!(o, "</ul>\n<h2>Timeline</h2><ul>");
    for t in &r.timeline {
        let who: Vec<String> = t.participants.iter().map(|p| esc(&p.1)).collect();
        let _ = write!(o, "<li><b>{}</b> <span class=\"muted\">({})</span> {}: {}", esc(&t.point), esc(&t.precision), t.kind.as_str(), who.join(", "));
        if let Some(p) = &t.place {
            let _ = write!(o, " — {}", esc(&p.1));
        }
        if t.times_disagree {
            let values: Vec<String> = t.times.iter().map(|x| esc(&x.value)).collect();
            let _ = write!(o, " <i>(sources disagree: {})</i>", values.join(" / "));
        }
        let _ = writeln!(o, "{}</li>", cites(&t.cites));
    }
    let _ = writeln!(o, "</ul>\n<h2>Quotes</h2><ul>");
    for q in &r.quotes {
        let _ = writeln!(
            o,
            "<li><b>{}</b>{}: « {} »{}</li>",
            esc(q.speaker_name.as_deref().unwrap_or("unattributed")),
            q.verb.as_deref().map(|v| format!(" ({})", esc(v))).unwrap_or_default(),
            esc(&q.text),
            cites(std::slice::from_ref(&q.cite))
        );
    }
    let _ = writeln!(o, "</ul>\n<h2>Relations</h2><ul>");
    let name = |id: &str| r.entities.iter().find(|e| e.id == id).map_or(id.to_string(), |e| e.name.clone());
    for rel in &r.relations {
        let _ = writeln!(
            o,
            "<li>{} — {} — {} ({}){}</li>",
            esc(&name(&rel.source)),
            rel.kind.as_str(),
            esc(&name(&rel.target)),
            esc(&rel.points.join(", ")),
            cites(&rel.cites)
        );
    }
    let _ = writeln!(o, "</ul>");
    if !r.stories.is_empty() || !r.duplicates.is_empty() {
        let _ = writeln!(o, "<h2>Stories and duplicates</h2><ul>");
        for s in &r.stories {
            let ids: Vec<String> = s.articles.iter().map(|a| format!("<a href=\"#{}\">{}</a>", anchor(a, 0), esc(short(a)))).collect();
            let _ = writeln!(o, "<li>story {}: {}</li>", esc(&s.id), ids.join(", "));
        }
        for d in &r.duplicates {
            let ids: Vec<String> = d.iter().map(|a| format!("<a href=\"#{}\">{}</a>", anchor(a, 0), esc(short(a)))).collect();
            let _ = writeln!(o, "<li>copies: {}</li>", ids.join(" = "));
        }
        let _ = writeln!(o, "</ul>");
    }
    let _ = writeln!(o, "<h2>Articles</h2>");
    for a in &r.articles {
        let _ = writeln!(
            o,
            "<div class=\"article\"><h3>{} <span class=\"muted\">{}</span></h3><p class=\"muted\">{}</p><p>",
            esc(a.title.as_deref().unwrap_or("(no title)")),
            esc(short(&a.id)),
            esc(a.url.as_deref().unwrap_or(&a.source))
        );
        for (i, s) in a.sentences.iter().enumerate() {
            let _ = write!(o, "<span class=\"sent\" id=\"{}\">{}</span> ", anchor(&a.id, i), esc(s));
        }
        let _ = writeln!(o, "</p></div>");
    }
    let _ = writeln!(o, "</body></html>");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("<script>\"x\"&'"), "&lt;script&gt;&quot;x&quot;&amp;&#39;");
        assert_eq!(anchor("ab\"<c", 3), "s-abc-3");
    }
}
