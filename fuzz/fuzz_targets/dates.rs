//! Fuzz target `dates`: date parsing, finding in text, and the HTML date
//! finder on arbitrary input must never panic, and every found span must be
//! its own evidence.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = dossier_dates::parse(&text);
    for f in dossier_dates::find_dates(&text) {
        assert_eq!(text.get(f.start..f.end), Some(f.date.evidence.as_str()));
    }
    let _ = dossier_dates::html::find(&text, None);
    let _ = dossier_dates::html::find(&text, Some(&text));
});
