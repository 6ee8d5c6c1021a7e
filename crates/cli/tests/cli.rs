//! End-to-end tests of the `dossier` binary: ingest, list, show, extract,
//! bad input, duplicates, crash safety.

mod common;

use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{dossier, repo_root, stdout};
use serde_json::Value;

#[test]
fn ingest_seeds_then_list_and_show() {
    let dir = tempfile::tempdir().unwrap();
    let seeds = repo_root().join("examples/seeds");
    let out = dossier(dir.path(), &["ingest", seeds.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("ingest report: 5 new, 0 duplicate, 0 failed"), "{text}");
    assert!(text.contains("5 article(s)"), "{text}");

    // Same pages again: all duplicates, nothing stored twice.
    let again = dossier(dir.path(), &["ingest", seeds.to_str().unwrap(), "--no-table"]);
    assert!(stdout(&again).contains("0 new, 5 duplicate"), "{}", stdout(&again));

    let list = dossier(dir.path(), &["list", "--json"]);
    let rows: Vec<Value> = stdout(&list).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r["language"] == "fr"));

    let id = rows[0]["id"].as_str().unwrap();
    let show = dossier(dir.path(), &["show", &id[..12]]);
    assert!(show.status.success());
    assert!(stdout(&show).contains("published"));
    let show_json = dossier(dir.path(), &["show", id, "--json"]);
    let rec: Value = serde_json::from_str(&stdout(&show_json)).unwrap();
    assert_eq!(rec["id"], id);

    // Stage versions: nothing to recompute; --all recomputes from the raw
    // pages and gives the same documents.
    let up = stdout(&dossier(dir.path(), &["update"]));
    assert!(up.contains("0 document(s) recomputed, 5 already current"), "{up}");
    let up = stdout(&dossier(dir.path(), &["update", "--all"]));
    assert!(up.contains("5 document(s) recomputed"), "{up}");
    let again: Value = serde_json::from_str(&stdout(&dossier(dir.path(), &["show", id, "--json"]))).unwrap();
    assert_eq!(again, rec);

    let missing = dossier(dir.path(), &["show", "ffffffffffff"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn extract_reads_stdin_and_prints_json_lines() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Un titre de test assez long pour être un titre\n\nLe gouvernement a annoncé lundi une réforme importante, selon un communiqué publié dans la matinée par les services du Premier ministre.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rec: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    for key in ["id", "source", "language", "title", "author", "published", "dateline", "text", "diagnostics"] {
        assert!(rec.get(key).is_some(), "missing {key}");
    }
    assert_eq!(rec["language"], "fr");
}

/// `--ner-conventions historical` follows the historical newspapers'
/// conventions (titles kept in names); the default keeps them out; an
/// unknown value is a usage error.
#[test]
fn ner_conventions_switch_changes_the_tagger() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "Le président Macron et M. le général Dupont sont arrivés à Paris. Le maire de Lyon, Gérard Collomb, les a reçus à la mairie.\n",
    )
    .unwrap();
    let page = page.to_string_lossy().into_owned();
    let names = |conventions: &str| -> Vec<String> {
        let out = dossier(dir.path(), &["analyze", "--ner-conventions", conventions, &page]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let rec: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
        rec["mentions"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap().to_string()).collect()
    };
    let modern = names("modern");
    let historical = names("historical");
    assert!(modern.iter().any(|m| m == "Macron"), "{modern:?}");
    assert!(historical.iter().any(|m| m == "président Macron"), "{historical:?}");
    let bad = dossier(dir.path(), &["analyze", "--ner-conventions", "medieval", &page]);
    assert_eq!(bad.status.code(), Some(2));
}

/// `analyze` tags the headline too: `title_mentions`, code-point offsets
/// into `title`.
#[test]
fn analyze_prints_the_headline_mentions() {
    let dir = tempfile::tempdir().unwrap();
    let line = "{\"title\": \"Sergueï Lavrov reçu à Bamako\", \"text\": \"Le ministre russe des Affaires étrangères, Sergueï Lavrov, est arrivé lundi à Bamako, où il a rencontré les autorités de transition du Mali.\"}\n";
    std::fs::write(dir.path().join("a.jsonl"), line).unwrap();
    let out = dossier(dir.path(), &["analyze", "a.jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rec: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let title: Vec<char> = rec["title"].as_str().unwrap().chars().collect();
    let heads = rec["title_mentions"].as_array().expect("title_mentions");
    let texts: Vec<&str> = heads.iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"Bamako"), "{texts:?}");
    for m in heads {
        let (s, e) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(title[s..e].iter().collect::<String>(), m["text"].as_str().unwrap());
    }
    // `extract` does not analyse.
    let out = dossier(dir.path(), &["extract", "a.jsonl"]);
    let rec: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert!(rec.get("title_mentions").is_none());
}

#[test]
fn json_lines_title_and_date_become_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let line = "{\"title\": \"La mairie ouvre une nouvelle bibliothèque au centre-ville\", \"date\": \"2012-05-22\",         \"url\": \"https://example.org/a\", \"fetched_at\": \"2024-01-02\", \"text\": \"La mairie a inauguré mardi une         bibliothèque de trois étages, ouverte six jours sur sept, a indiqué l'adjointe à la culture.\\n\\nLes travaux ont         duré deux ans et coûté quatre millions d'euros, selon le dossier de presse remis aux journalistes.\"}\n";
    std::fs::write(dir.path().join("a.jsonl"), line).unwrap();
    let out = dossier(dir.path(), &["extract", "a.jsonl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rec: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(rec["title"], "La mairie ouvre une nouvelle bibliothèque au centre-ville");
    assert_eq!(rec["published"]["value"], "2012-05-22", "{rec}");
    assert_eq!(rec["fetched_at"], "2024-01-02");
    assert!(rec["text"].as_str().unwrap().starts_with("La mairie a inauguré"), "{rec}");
}

#[test]
fn bad_inputs_are_reported_and_the_rest_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("binary.bin"), [0u8, 159, 146, 150, 0, 0, 1, 2, 3, 0xff, 0, 0]).unwrap();
    std::fs::write(inputs.join("empty.txt"), b"").unwrap();
    // Latin-1: "Élections à Paris : le débat s'échauffe" etc.
    let latin1: Vec<u8> = "Élections à Paris : le débat s'échauffe entre les candidats\n\nLes électeurs français sont appelés aux urnes dimanche prochain pour désigner le maire de la capitale, après une campagne marquée par des débats animés sur le logement.\n"
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    std::fs::write(inputs.join("latin1.txt"), latin1).unwrap();
    // A 50 MB text file.
    let para = "Le conseil municipal a voté mardi soir le budget de la ville, après un long débat sur les investissements prévus pour les écoles et les transports.\n\n";
    let big = para.repeat(50 * 1024 * 1024 / para.len() + 1);
    std::fs::write(inputs.join("big.txt"), big).unwrap();
    // A truncated gzip file.
    let mut gz = flate2_gzip(b"Un article compresse qui sera tronque avant la fin du flux.\n".repeat(200).as_slice());
    gz.truncate(gz.len() / 2);
    std::fs::write(inputs.join("cut.txt.gz"), gz).unwrap();
    // JSON Lines with one invalid line.
    std::fs::write(
        inputs.join("pages.jsonl"),
        "{\"text\": \"Titre du premier article\\n\\nLe premier article parle de la météo en Bretagne et des fortes pluies attendues cette semaine.\", \"url\": \"https://example.org/a\"}\n{not json}\n{\"html\": \"<html><head><title>Deuxième</title></head><body><article><p>Le second article est en HTML et raconte une histoire assez longue pour être retenue comme texte principal.</p></article></body></html>\"}\n",
    )
    .unwrap();

    let out = dossier(dir.path(), &["ingest", inputs.to_str().unwrap(), "--no-table"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("4 new"), "{text}");
    assert!(text.contains("4 failed"), "{text}");
    for name in ["binary.bin", "empty.txt", "cut.txt.gz", "pages.jsonl:2"] {
        assert!(text.lines().any(|l| l.contains("failed:") && l.contains(name)), "{name} not reported:\n{text}");
    }
    let list = dossier(dir.path(), &["list", "--json"]);
    let rows: Vec<Value> = stdout(&list).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let latin = rows.iter().find(|r| r["source"].as_str().unwrap().ends_with("latin1.txt")).unwrap();
    let shown = dossier(dir.path(), &["show", latin["id"].as_str().unwrap(), "--json"]);
    let rec: Value = serde_json::from_str(&stdout(&shown)).unwrap();
    let all = format!("{} {}", rec["title"], rec["text"]);
    assert!(all.contains("Élections à Paris") && all.contains("électeurs français"), "{all}");

    // Nothing valid at all: the documented exit code 3.
    let only_bad = dir.path().join("bad");
    std::fs::create_dir(&only_bad).unwrap();
    std::fs::write(only_bad.join("empty.txt"), b"").unwrap();
    let out = dossier(dir.path(), &["ingest", only_bad.to_str().unwrap(), "--db", "other.db"]);
    assert_eq!(out.status.code(), Some(3));
}

fn flate2_gzip(data: &[u8]) -> Vec<u8> {
    // A minimal gzip writer via the system-independent deflate "stored"
    // format would be overkill: use the CLI's own dependency tree instead.
    use flate2::write::GzEncoder;
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

/// Kills ingests of 2,000 generated pages with SIGKILL at random moments,
/// re-runs until one finishes, and checks every page is stored exactly once.
#[test]
fn killed_ingest_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    let mut expected = BTreeSet::new();
    for i in 0..2000 {
        let body = format!(
            "Article numéro {i} sur la vie locale\n\nLe conseil du quartier {i} s'est réuni hier soir pour discuter des travaux de voirie prévus au printemps, a indiqué la mairie dans un communiqué.\n\nLes habitants ont exprimé leurs inquiétudes sur le stationnement pendant la durée du chantier numéro {i}.\n"
        );
        std::fs::write(pages.join(format!("p{i:04}.txt")), &body).unwrap();
        expected.insert(dossier_document::content_hash(body.as_bytes()));
    }
    let db = dir.path().join("crash.db");
    let mut seed: u64 = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64;
    eprintln!("kill schedule seed {seed}");
    let mut kills = 0;
    for _attempt in 0..30 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["ingest", pages.to_str().unwrap(), "--no-table", "--db", db.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // xorshift for a kill delay between 20 and 400 ms
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = 20 + seed % 380;
        std::thread::sleep(Duration::from_millis(delay));
        match child.try_wait().unwrap() {
            Some(status) => {
                assert!(status.success());
                break;
            }
            None => {
                child.kill().unwrap(); // SIGKILL
                child.wait().unwrap();
                kills += 1;
            }
        }
    }
    // Finish the rest.
    let out = dossier(dir.path(), &["ingest", pages.to_str().unwrap(), "--no-table", "--db", db.to_str().unwrap()]);
    assert!(out.status.success());
    eprintln!("killed {kills} time(s); final run: {}", stdout(&out));
    let list = dossier(dir.path(), &["list", "--json", "--db", db.to_str().unwrap()]);
    let ids: Vec<String> = stdout(&list)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2000, "every page stored exactly once");
    let got: BTreeSet<String> = ids.into_iter().collect();
    assert_eq!(got, expected);
}
