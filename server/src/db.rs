//! The database: a SQLite file by default, PostgreSQL when `DATABASE_URL`
//! says so. The same SQL text runs on both (sqlx's SQLite accepts `$1`).

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::ConnectOptions;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/roundtable.sqlite3";

#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Where the data lives, parsed from `DATABASE_URL` before anything connects.
#[derive(Clone, Debug)]
pub enum Target {
    Sqlite {
        path: PathBuf,
        options: SqliteConnectOptions,
    },
    Postgres {
        options: PgConnectOptions,
        shown: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("DATABASE_URL must be sqlite://PATH or postgres://USER@HOST/DATABASE, not «{0}»")]
    Scheme(String),
    #[error("DATABASE_URL «{url}» is not valid: {reason}")]
    Invalid { url: String, reason: String },
    #[error("cannot open the database {target}: {reason}")]
    Connect { target: String, reason: String },
    #[error("cannot apply migrations: {0}")]
    Migrate(String),
    #[error("cannot back up: {0}")]
    Backup(String),
}

/// The URL without its password, safe to print.
pub fn redact(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((credentials, host)) => {
                let user = credentials.split(':').next().unwrap_or("");
                let hidden = if credentials.contains(':') { ":***" } else { "" };
                format!("{scheme}://{user}{hidden}@{host}")
            }
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

impl Target {
    pub fn parse(url: &str) -> Result<Target, DbError> {
        let invalid = |reason: String| DbError::Invalid {
            url: redact(url),
            reason,
        };
        if let Some(rest) = url.strip_prefix("sqlite:") {
            let path = rest.trim_start_matches("//");
            let path = path.split('?').next().unwrap_or("");
            if path.is_empty() || path == ":memory:" {
                return Err(invalid(
                    "give a file path, e.g. sqlite://data/roundtable.sqlite3".into(),
                ));
            }
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| invalid(e.to_string()))?
                .create_if_missing(true)
                // Durability first: an acknowledged write must survive a crash.
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                // No checkpoint inside a commit: `Db::checkpoint_in_background`
                // copies the WAL into the database off the write path, so a
                // submit never waits for it.
                .pragma("wal_autocheckpoint", "0");
            Ok(Target::Sqlite {
                path: PathBuf::from(path),
                options,
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(|e| invalid(e.to_string()))?;
            Ok(Target::Postgres {
                options,
                shown: redact(url),
            })
        } else {
            Err(DbError::Scheme(redact(url)))
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Target::Sqlite { path, .. } => format!("SQLite file {}", path.display()),
            Target::Postgres { shown, .. } => format!("PostgreSQL {shown}"),
        }
    }

    /// Connects, creating the SQLite file or the PostgreSQL database when
    /// it does not exist yet.
    pub async fn connect(&self) -> Result<Db, DbError> {
        let failed = |reason: String| DbError::Connect {
            target: self.describe(),
            reason,
        };
        match self {
            Target::Sqlite { path, options } => {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    std::fs::create_dir_all(parent).map_err(|e| failed(e.to_string()))?;
                }
                let pool = SqlitePoolOptions::new()
                    .max_connections(8)
                    .connect_with(options.clone())
                    .await
                    .map_err(|e| failed(e.to_string()))?;
                let db = Db::Sqlite(pool);
                db.checkpoint_in_background();
                Ok(db)
            }
            Target::Postgres { options, .. } => {
                // One plain connection first: it fails fast with the real
                // reason (refused, unknown host, no such database), where a
                // pool would only report a time-out.
                match options.connect().await {
                    Ok(probe) => drop(probe),
                    Err(error) if is_missing_database(&error) => {
                        create_database(options).await.map_err(|e| {
                            failed(format!("the database does not exist and creating it failed: {e}"))
                        })?;
                    }
                    Err(error) => return Err(failed(error.to_string())),
                }
                PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options.clone())
                    .await
                    .map(Db::Postgres)
                    .map_err(|e| failed(e.to_string()))
            }
        }
    }
}

fn is_missing_database(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .and_then(|e| e.code())
        .is_some_and(|code| code == "3D000")
}

async fn create_database(options: &PgConnectOptions) -> Result<(), sqlx::Error> {
    let name = options.get_database().unwrap_or("postgres").to_string();
    let mut admin = options.clone().database("postgres").connect().await?;
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    sqlx::query(&format!("CREATE DATABASE {quoted}"))
        .execute(&mut admin)
        .await?;
    tracing::info!(database = %name, "created the PostgreSQL database");
    Ok(())
}

impl Db {
    /// SQLite: checkpoints the WAL every second (PASSIVE: never blocks a
    /// writer), so the log file stays small without a commit ever paying for
    /// the checkpoint. Stops when the pool closes.
    fn checkpoint_in_background(&self) {
        let Db::Sqlite(pool) = self else { return };
        let pool = pool.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            while !pool.is_closed() {
                tick.tick().await;
                if let Err(error) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
                    if !pool.is_closed() {
                        tracing::warn!(%error, "WAL checkpoint failed; retrying in a second");
                    }
                }
            }
        });
    }

    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    pub async fn migrate(&self) -> Result<(), DbError> {
        let result = match self {
            Db::Sqlite(pool) => sqlx::migrate!("../migrations/sqlite").run(pool).await,
            Db::Postgres(pool) => sqlx::migrate!("../migrations/postgres").run(pool).await,
        };
        result.map_err(|e| DbError::Migrate(e.to_string()))
    }

    /// Writes a consistent copy of the whole database to `path`, which must
    /// not exist, while the server goes on serving: SQLite's `VACUUM INTO`
    /// reads in one transaction, so the copy holds every event committed
    /// before it began and nothing half-written. On PostgreSQL, `pg_dump`
    /// does this (docs/DEPLOYMENT.md).
    pub async fn back_up_to(&self, path: &std::path::Path) -> Result<(), DbError> {
        let Db::Sqlite(pool) = self else {
            return Err(DbError::Backup(
                "on PostgreSQL, use pg_dump (docs/DEPLOYMENT.md)".into(),
            ));
        };
        if path.exists() {
            return Err(DbError::Backup(format!("{} exists already", path.display())));
        }
        let target = path
            .to_str()
            .ok_or_else(|| DbError::Backup("the path is not valid UTF-8".into()))?;
        sqlx::query("VACUUM INTO ?")
            .bind(target)
            .execute(pool)
            .await
            .map(|_| ())
            .map_err(|e| DbError::Backup(e.to_string()))
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        match self {
            Db::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.is_ok(),
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.is_ok(),
        }
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_unknown_schemes_and_hides_passwords() {
        let error = Target::parse("mysql://root:secret@localhost/db").unwrap_err();
        let text = error.to_string();
        assert!(text.contains("mysql://root:***@localhost/db"), "{text}");
        assert!(!text.contains("secret"));
        assert!(matches!(
            Target::parse("sqlite::memory:"),
            Err(DbError::Invalid { .. })
        ));
        assert!(matches!(
            Target::parse("sqlite://data/x.db"),
            Ok(Target::Sqlite { .. })
        ));
        assert!(matches!(
            Target::parse("postgres://postgres@127.0.0.1/x"),
            Ok(Target::Postgres { .. })
        ));
    }

    /// The `*.sql` file names of one backend's migrations, sorted.
    fn migration_files(backend: &str) -> Vec<String> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../migrations")
            .join(backend);
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("cannot read {}: {error}", folder.display()))
            .map(|entry| entry.expect("a directory entry").file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        names.sort();
        names
    }

    /// migrations/README.md, rule 2: both backends have the same migrations,
    /// `NNNN_name.sql` with the same number and name, each number once. A
    /// migration added to one folder only fails here, not on the backend
    /// someone forgot to test.
    #[test]
    fn sqlite_and_postgres_migrations_are_kept_in_step() {
        let sqlite = migration_files("sqlite");
        let postgres = migration_files("postgres");
        assert!(!sqlite.is_empty(), "no migrations found for SQLite");
        let only_in = |these: &[String], those: &[String]| -> Vec<String> {
            these.iter().filter(|n| !those.contains(n)).cloned().collect()
        };
        assert_eq!(
            (only_in(&sqlite, &postgres), only_in(&postgres, &sqlite)),
            (vec![], vec![]),
            "(only in migrations/sqlite, only in migrations/postgres)"
        );
        let mut numbers: Vec<&str> = sqlite.iter().map(|n| n.split('_').next().unwrap_or("")).collect();
        assert!(
            numbers
                .iter()
                .all(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit())),
            "every migration is named NNNN_name.sql: {sqlite:?}"
        );
        numbers.dedup();
        assert_eq!(
            numbers.len(),
            sqlite.len(),
            "a migration number is used twice: {sqlite:?}"
        );
    }
}
