//! Points `include_bytes!` at the shipped model files in `data/models/`, or
//! at an empty file when a model has not been trained yet (the tagger then
//! finds no entities), so that the crate always builds.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let models = manifest.join("../../data/models");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed={}", models.display());
    for lang in ["fr", "en"] {
        let path = models.join(format!("ner-{lang}.bin"));
        println!("cargo:rerun-if-changed={}", path.display());
        let chosen = if path.is_file() {
            path
        } else {
            let empty = out.join(format!("empty-ner-{lang}.bin"));
            if let Err(e) = std::fs::write(&empty, b"") {
                println!("cargo:warning=cannot write {}: {e}", empty.display());
            }
            empty
        };
        println!("cargo:rustc-env=DOSSIER_NER_MODEL_{}={}", lang.to_uppercase(), chosen.display());
    }
}
