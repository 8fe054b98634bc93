//! Configuration from the environment (and the same names as flags), checked
//! before anything starts: a bad value is one clear line and exit code 2.

use crate::db::{Target, DEFAULT_DATABASE_URL};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(transparent)]
    Database(#[from] crate::db::DbError),
    #[error("ROUNDTABLE_ADDR must be HOST:PORT such as 127.0.0.1:3000, not «{0}»")]
    Addr(String),
}

#[derive(Clone, Debug)]
pub struct Config {
    pub database: Target,
    pub addr: SocketAddr,
    /// Where the built site (pkg/ with the WASM bundle and CSS) lives.
    pub site_root: PathBuf,
    /// The CJK font for Chinese PDFs, if not one the server finds itself
    /// (server/src/documents/fonts.rs).
    pub cjk_font: Option<PathBuf>,
    /// Reverse proxies in front of this server, whose `X-Forwarded-For` is
    /// believed (docs/DEPLOYMENT.md); nobody else's is.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl Config {
    pub fn new(
        database_url: Option<&str>,
        addr: &str,
        site_root: Option<PathBuf>,
    ) -> Result<Config, ConfigError> {
        let database = Target::parse(database_url.unwrap_or(DEFAULT_DATABASE_URL))?;
        let addr = addr.parse().map_err(|_| ConfigError::Addr(addr.to_string()))?;
        let site_root = site_root
            .or_else(|| std::env::var_os("LEPTOS_SITE_ROOT").map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from("target/site"));
        Ok(Config {
            database,
            addr,
            site_root,
            cjk_font: None,
            trusted_proxies: Vec::new(),
        })
    }

    pub fn leptos_options(&self) -> leptos::config::LeptosOptions {
        leptos::config::LeptosOptions::builder()
            .output_name("roundtable")
            .site_root(self.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(self.addr)
            .build()
    }
}
