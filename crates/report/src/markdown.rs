//! Markdown rendering: each statement ends with its citations as
//! `[article-id §sentence]`.

use std::fmt::Write;

use crate::{short, Citation, Report};

fn cites(c: &[Citation]) -> String {
    let mut v: Vec<String> = c.iter().map(|c| format!("[{} §{}]", short(&c.doc), c.sentence + 1)).collect();
    v.dedup();
    v.join(" ")
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        if ch == '\n' {
            out.push(' ');
        } else {
            out.push(ch);
        }
    }
    out
}

/// Renders the report as Markdown.
pub fn markdown(r: &Report) -> String {
    let mut o = String::new();
    let ov = &r.overview;
    let _ = writeln!(o, "# Dossier\n");
    let _ = writeln!(o, "{}\n", ov.sentence());
    let _ = writeln!(o, "## Sources\n");
    let _ = writeln!(o, "| id | date | precision | outlet | title | author | lang |\n|---|---|---|---|---|---|---|");
    for a in &r.articles {
        let (date, prec) = match &a.published {
            Some(p) => (if p.estimated { format!("~{}", p.value) } else { p.value.clone() }, p.precision.as_str()),
            None => ("unknown".into(), ""),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            short(&a.id),
            date,
            prec,
            md_escape(a.outlet.as_deref().unwrap_or("")),
            md_escape(a.title.as_deref().unwrap_or("")),
            md_escape(&a.authors.join(", ")),
            a.language.as_deref().unwrap_or("")
        );
    }
    let _ = writeln!(o, "\n## Actors\n");
    for e in &r.entities {
        let _ = write!(o, "- **{}** ({}), {} article(s)", md_escape(&e.name), e.kind, e.articles.len());
        if !e.aliases.is_empty() {
            let _ = write!(o, "; also: {}", md_escape(&e.aliases.join(", ")));
        }
        if let Some(id) = &e.linked_id {
            let _ = write!(o, "; linked: {}", md_escape(id));
        }
        if let Some((lat, lon)) = e.place.as_ref().and_then(|p| p.coordinates) {
            let _ = write!(o, " ({lat:.4}, {lon:.4})");
        }
        let _ = writeln!(o, " {}", cites(&e.cites));
        for role in &e.roles {
            let _ = writeln!(o, "  - role: {} {}", md_escape(&role.role), cites(std::slice::from_ref(&role.cite)));
        }
    }
    let _ = writeln!(o, "\n## Timeline\n");
    for t in &r.timeline {
        let who: Vec<&str> = t.participants.iter().map(|p| p.1.as_str()).collect();
        let _ = write!(o, "- **{}** ({}) {}: {}", t.point, t.precision, t.kind.as_str(), md_escape(&who.join(", ")));
        if let Some(p) = &t.place {
            let _ = write!(o, " — {}", md_escape(&p.1));
        }
        if t.times_disagree {
            let values: Vec<&str> = t.times.iter().map(|x| x.value.as_str()).collect();
            let _ = write!(o, " (sources disagree: {})", values.join(" / "));
        }
        let _ = writeln!(o, " {}", cites(&t.cites));
    }
    let _ = writeln!(o, "\n## Quotes\n");
    for q in &r.quotes {
        let _ = writeln!(
            o,
            "- {}{}: « {} » {}",
            md_escape(q.speaker_name.as_deref().unwrap_or("unattributed")),
            q.verb.as_deref().map(|v| format!(" ({})", md_escape(v))).unwrap_or_default(),
            md_escape(&q.text),
            cites(std::slice::from_ref(&q.cite))
        );
    }
    let _ = writeln!(o, "\n## Relations\n");
    let name = |id: &str| r.entities.iter().find(|e| e.id == id).map_or(id.to_string(), |e| e.name.clone());
    for rel in &r.relations {
        let _ = writeln!(
            o,
            "- {} — {} — {} ({}) {}",
            md_escape(&name(&rel.source)),
            rel.kind.as_str(),
            md_escape(&name(&rel.target)),
            rel.points.join(", "),
            cites(&rel.cites)
        );
    }
    if !r.stories.is_empty() {
        let _ = writeln!(o, "\n## Stories\n");
        for s in &r.stories {
            let ids: Vec<&str> = s.articles.iter().map(|a| short(a)).collect();
            let _ = writeln!(o, "- {}: {}", s.id, ids.join(", "));
        }
    }
    if !r.duplicates.is_empty() {
        let _ = writeln!(o, "\n## Duplicates\n");
        for d in &r.duplicates {
            let ids: Vec<&str> = d.iter().map(|a| short(a)).collect();
            let _ = writeln!(o, "- {} (kept: {})", ids.join(" = "), ids.first().copied().unwrap_or(""));
        }
    }
    o
}
