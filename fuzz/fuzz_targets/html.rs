//! Fuzz target `html`: the HTML extractor on arbitrary (lossily decoded)
//! input must never panic, and every clean offset must map inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let ex = dossier_extract::html::extract(&html, Some("https://example.org/2024/05/01/a"));
    for (i, _) in ex.text.char_indices() {
        if let Some(r) = ex.offsets.to_raw(i) {
            assert!(r <= html.len());
        }
    }
});
