//! `dossier serve`: the local web view over the database (read-only).

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;

/// Arguments of `dossier serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Port (0 picks a free one).
    #[arg(long, short = 'p', default_value_t = 8080)]
    port: u16,
    /// Address to bind. Anything but a loopback address requires --token.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// Access token (at least 12 characters), required on every request;
    /// mandatory when binding off loopback.
    #[arg(long, env = "DOSSIER_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Rebuild the search index from scratch first.
    #[arg(long)]
    reindex: bool,
}

/// Runs the command (until Ctrl-C).
pub fn run(db: &Path, args: Args) -> anyhow::Result<u8> {
    let opts = dossier_web::ServeOptions {
        addr: SocketAddr::new(args.bind, args.port),
        token: args.token.filter(|t| !t.is_empty()),
        reindex: args.reindex,
    };
    let result = dossier_web::run(db, opts, |url| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "dossier: serving {url}  (read-only; Ctrl-C to stop)");
        let _ = out.flush();
    });
    match result {
        Ok(()) => Ok(0),
        Err(e @ dossier_web::WebError::TokenRequired(_)) => {
            eprintln!("dossier: {e}");
            Ok(2)
        }
        Err(e) => Err(e.into()),
    }
}
