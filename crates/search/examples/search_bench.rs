//! Search benchmark: indexes N generated articles on one indexing thread,
//! then times 1–3 word queries each with one facet filter.
//!
//! `cargo run --release -p dossier-search --example search_bench -- [N] [QUERIES]`
//! (defaults 100000 and 2000). Prints articles/s, query p50/p90/p99/max.
//!
//! Articles are generated from a fixed vocabulary with a Zipf-like word
//! distribution and a seeded generator, so runs are comparable.

use std::time::Instant;

use dossier_document::{DateValue, Document, Evidenced, Precision};
use dossier_search::{SearchIndex, SearchQuery};

/// xorshift64*: a tiny seeded generator (no dependency needed for a bench).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Zipf-like pick: small indices much more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const FR: &str = "gouvernement armée coopération militaire ministre président sécurité accord frontière élection \
    réforme économie sanctions sommet diplomatie négociation attaque région capitale transition junte \
    développement population crise humanitaire réfugiés conférence déclaration annonce visite partenariat \
    énergie pétrole mine or uranium agriculture sécheresse inondation marché commerce dette budget \
    parlement opposition manifestation justice tribunal procès enquête corruption police frontières";
const EN: &str = "government army cooperation military minister president security agreement border election \
    reform economy sanctions summit diplomacy negotiation attack region capital transition junta \
    development population crisis humanitarian refugees conference statement announcement visit partnership \
    energy oil mine gold uranium agriculture drought flood market trade debt budget \
    parliament opposition protest justice court trial investigation corruption police borders";
const NAMES: &[&str] = &[
    "Sergueï Lavrov",
    "Assimi Goïta",
    "Abdoulaye Diop",
    "Emmanuel Macron",
    "Antony Blinken",
    "Ibrahim Traoré",
    "Abdourahamane Tiani",
    "António Guterres",
    "Bamako",
    "Moscou",
    "Niamey",
    "Ouagadougou",
    "Paris",
    "Washington",
];
const SITES: &[&str] = &[
    "lemonde.fr",
    "rfi.fr",
    "reuters.com",
    "aljazeera.com",
    "jeuneafrique.com",
    "bbc.co.uk",
];

fn article(rng: &mut Rng, i: usize, fr: &[&str], en: &[&str]) -> Document {
    let is_fr = rng.below(3) < 2;
    let vocab = if is_fr { fr } else { en };
    let words = 250 + rng.below(500);
    let mut text = String::with_capacity(words * 9);
    for w in 0..words {
        if w > 0 {
            text.push(if w % 17 == 0 { '.' } else { ' ' });
            if w % 17 == 0 {
                text.push(' ');
            }
        }
        if rng.below(25) == 0 {
            text.push_str(NAMES[rng.zipf(NAMES.len())]);
        } else {
            text.push_str(vocab[rng.zipf(vocab.len())]);
        }
    }
    let title: Vec<&str> = (0..6).map(|_| vocab[rng.zipf(vocab.len())]).collect();
    let mut d = Document::from_parts(format!("{i:032x}"), format!("gen/{i}"), text);
    d.url = Some(format!(
        "https://www.{}/article/{i}",
        SITES[rng.below(SITES.len())]
    ));
    d.metadata.title = Some(Evidenced::new(title.join(" "), "generated"));
    d.metadata.language = Some(Evidenced::new(
        if is_fr { "fr" } else { "en" }.to_string(),
        "generated",
    ));
    let (year, month, day) = (
        2015 + rng.below(11) as i32,
        1 + rng.below(12) as u32,
        1 + rng.below(28) as u32,
    );
    let precision = if rng.below(10) == 0 {
        Precision::Month
    } else {
        Precision::Day
    };
    d.metadata.published = Some(DateValue::from_parts(
        year,
        month,
        day,
        None,
        precision,
        "generated",
    ));
    d
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(100_000);
    let queries: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(2_000);
    let fr: Vec<&str> = FR.split_whitespace().collect();
    let en: Vec<&str> = EN.split_whitespace().collect();
    let mut rng = Rng(0x9E3779B97F4A7C15);

    let tmp = std::env::temp_dir().join(format!("dossier-search-bench-{}", std::process::id()));
    let mut index = SearchIndex::open_with_threads(&tmp, 1)?;
    let mut generated = 0.0;
    let mut indexing = 0.0;
    let batch = 1000;
    let mut done = 0;
    while done < n {
        let t = Instant::now();
        let docs: Vec<Document> = (done..(done + batch).min(n))
            .map(|i| article(&mut rng, i, &fr, &en))
            .collect();
        generated += t.elapsed().as_secs_f64();
        let t = Instant::now();
        index.add_documents(&docs)?;
        indexing += t.elapsed().as_secs_f64();
        done += docs.len();
    }
    let t = Instant::now();
    index.commit()?;
    indexing += t.elapsed().as_secs_f64();
    println!("articles: {n} (generation {generated:.1} s, not counted)");
    println!(
        "indexing (1 thread, on disk, incl. commit): {indexing:.1} s = {:.0} articles/s",
        n as f64 / indexing
    );

    let mut times = Vec::with_capacity(queries);
    let mut total_hits = 0usize;
    for qi in 0..queries {
        let vocab = if rng.below(3) < 2 { &fr } else { &en };
        let words = 1 + rng.below(3);
        let text: Vec<&str> = (0..words).map(|_| vocab[rng.zipf(vocab.len())]).collect();
        let mut q = SearchQuery {
            text: text.join(" "),
            limit: 10,
            facets: false,
            ..Default::default()
        };
        match qi % 4 {
            0 => q.language = Some(if std::ptr::eq(vocab, &fr) { "fr" } else { "en" }.into()),
            1 => q.site = Some(SITES[rng.below(SITES.len())].into()),
            2 => {
                let y = 2015 + rng.below(11);
                q.from = Some(format!("{y}-03"));
                q.to = Some(format!("{y}-08"));
            }
            _ => q.entities = vec![NAMES[rng.below(NAMES.len())].into()],
        }
        let t = Instant::now();
        let r = index.search(&q)?;
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        total_hits += r.total;
    }
    times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "queries: {queries} (1-3 words + one facet filter: language/site/date range/entity; top 10 with snippets)"
    );
    println!(
        "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}  (mean matches {:.0})",
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times.last().copied().unwrap_or(0.0),
        total_hits as f64 / queries.max(1) as f64
    );
    // Same queries with facet counting over all matches, for reference.
    let mut facet_times = Vec::new();
    for i in 0..(queries / 4).max(1) {
        let q = SearchQuery {
            text: fr[i % fr.len()].to_string(),
            limit: 10,
            facets: true,
            ..Default::default()
        };
        let t = Instant::now();
        index.search(&q)?;
        facet_times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    facet_times.sort_by(|a, b| a.total_cmp(b));
    println!(
        "with facet counts (1 word): p50 {:.2}  p99 {:.2} ms",
        percentile(&facet_times, 0.5),
        percentile(&facet_times, 0.99)
    );
    drop(index);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(())
}
