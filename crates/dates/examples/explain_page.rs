//! Prints every date candidate the HTML finder sees on one page read from
//! stdin (best sources first) and the dates it chooses: to debug a choice.
//! `zcat page.html.gz | cargo run --release -p dossier-dates --example explain_page [URL]`

use std::io::Read;

fn main() -> std::io::Result<()> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    let src = String::from_utf8_lossy(&bytes);
    let url = std::env::args().nth(1);
    let opts = dossier_dates::html::Options::default();
    for line in dossier_dates::html::explain(&src, url.as_deref(), &opts) {
        println!("{line}");
    }
    let found = dossier_dates::html::find_with(&src, url.as_deref(), &opts);
    println!("=> published {:?}", found.published);
    Ok(())
}
