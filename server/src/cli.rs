//! The command line of the `roundtable` binary.

use crate::cli_export::{ExportFormat, ExportRequest};
use crate::config::{Config, ConfigError};
use crate::db::DbError;
use crate::engine::Engine;
use crate::http::{self, AppState};
use crate::services::accounts::AccountService;
use crate::services::api_tokens::ApiTokenService;
use crate::services::Services;
use crate::store::Store;
use app::api::service::Workshops;
use app::domain::account::NewAccount;
use app::domain::command::Command as DomainCommand;
use app::domain::demo::{demo_commands, DEMO_SLUG};
use app::domain::event::Actor;
use app::domain::idempotency::IdempotencyKey;
use app::domain::ids::AccountId;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use validator::Validate;

pub const DEMO_FACILITATOR_EMAIL: &str = "facilitator@example.org";
pub const DEMO_FACILITATOR_PASSWORD: &str = "roundtable-demo";

#[derive(Parser, Debug)]
#[command(
    name = "roundtable",
    version,
    about = "Design a multi-partner programme together, live."
)]
pub struct Cli {
    /// sqlite://PATH (the default, created if missing) or postgres://USER@HOST/DB.
    #[arg(long, env = "DATABASE_URL", global = true)]
    pub database_url: Option<String>,
    /// Address to listen on.
    #[arg(
        long,
        env = "ROUNDTABLE_ADDR",
        default_value = "127.0.0.1:3000",
        global = true
    )]
    pub addr: String,
    /// Folder with the built site (pkg/); defaults to target/site.
    #[arg(long, env = "ROUNDTABLE_SITE_ROOT", global = true)]
    pub site_root: Option<PathBuf>,
    /// A font (or collection, .ttc) with Chinese glyphs for PDFs; by
    /// default Debian's fonts-noto-cjk, where installed.
    #[arg(long, env = "ROUNDTABLE_CJK_FONT", global = true)]
    pub cjk_font: Option<PathBuf>,
    /// Addresses of the reverse proxies in front of this server, comma
    /// separated: from them, the client is the one X-Forwarded-For names.
    #[arg(
        long,
        env = "ROUNDTABLE_TRUSTED_PROXIES",
        value_delimiter = ',',
        global = true
    )]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web application (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Load the demo workshop (slug `demo`); running it again changes nothing.
    Demo,
    /// Manage facilitator accounts.
    Facilitator {
        #[command(subcommand)]
        action: FacilitatorAction,
    },
    /// Read-only API tokens for a workshop's exports.
    Token {
        #[command(subcommand)]
        action: TokenAction,
    },
    /// Check every workshop's log: sequence gaps and events that no longer parse.
    Verify,
    /// Write a consistent copy of the SQLite database to a new file, while
    /// the server runs. To restore, serve the copy (docs/DEPLOYMENT.md).
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Export a workshop.
    Export {
        #[arg(long)]
        workshop: String,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// For the proposal: an issued version (the proposal now if absent).
        #[arg(long)]
        version: Option<u32>,
        /// For the proposal: en or zh-CN.
        #[arg(long, default_value = "en")]
        lang: String,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum FacilitatorAction {
    /// Create an account; the password comes from ROUNDTABLE_PASSWORD or a prompt.
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Set an account's password (from ROUNDTABLE_PASSWORD or a prompt) and
    /// end its sessions: for a forgotten or leaked password.
    Password {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum TokenAction {
    /// Create a token on behalf of one of the workshop's facilitators; it is printed once.
    Create {
        #[arg(long)]
        workshop: String,
        #[arg(long)]
        email: String,
    },
    /// Revoke a token by its id.
    Revoke {
        #[arg(long)]
        workshop: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        id: uuid::Uuid,
    },
}

/// Why a command failed, and with which exit code.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Database(#[from] DbError),
    #[error("{0}")]
    Runtime(String),
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Config(_) | Failure::Database(_) => 2,
            Failure::Runtime(_) => 1,
        }
    }
}

fn runtime(context: &str) -> impl Fn(String) -> Failure + '_ {
    move |reason| Failure::Runtime(format!("{context}: {reason}"))
}

pub async fn run(cli: Cli) -> ExitCode {
    match dispatch(cli).await {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("roundtable: error: {failure}");
            ExitCode::from(failure.exit_code())
        }
    }
}

async fn dispatch(cli: Cli) -> Result<ExitCode, Failure> {
    let mut config = Config::new(cli.database_url.as_deref(), &cli.addr, cli.site_root)?;
    config.cjk_font = cli.cjk_font;
    config.trusted_proxies = cli.trusted_proxies;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await.map(|_| ExitCode::SUCCESS),
        Command::Migrate => {
            open(&config).await?;
            println!("Migrations applied to {}.", config.database.describe());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo => demo(&config).await.map(|_| ExitCode::SUCCESS),
        Command::Facilitator {
            action: FacilitatorAction::Create { email, name },
        } => create_facilitator(&config, email, name)
            .await
            .map(|_| ExitCode::SUCCESS),
        Command::Facilitator {
            action: FacilitatorAction::Password { email },
        } => set_facilitator_password(&config, email)
            .await
            .map(|_| ExitCode::SUCCESS),
        Command::Token { action } => token(&config, action).await.map(|_| ExitCode::SUCCESS),
        Command::Verify => verify(&config).await,
        Command::Backup { out } => {
            let engine = open(&config).await?;
            engine.store().db().back_up_to(&out).await?;
            println!("Backed up {} to {}.", config.database.describe(), out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            workshop,
            format,
            version,
            lang,
            out,
        } => export(
            &config,
            ExportRequest {
                slug: &workshop,
                format,
                version,
                lang: &lang,
            },
            &out,
        )
        .await
        .map(|_| ExitCode::SUCCESS),
    }
}

/// Connects and migrates: every command starts here.
pub async fn open(config: &Config) -> Result<Arc<Engine>, Failure> {
    let db = config.database.connect().await?;
    db.migrate().await?;
    let store = Store::new(db);
    // Logs written before the hash chain existed are chained once.
    let linked = store
        .link_unchained()
        .await
        .map_err(|e| Failure::Runtime(format!("chaining the event logs: {e}")))?;
    if linked > 0 {
        tracing::info!(events = linked, "chained events written before the hash chain");
    }
    Ok(Arc::new(Engine::new(store)))
}

pub async fn serve(config: Config) -> Result<(), Failure> {
    let engine = open(&config).await?;
    crate::engine::follow_other_instances(&engine);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| Failure::Runtime(format!("cannot listen on {}: {e}", config.addr)))?;
    let router = http::router(
        AppState {
            leptos: config.leptos_options(),
            services: Services::new(engine.clone()),
            documents: Arc::new(crate::documents::Documents::new(config.cjk_font.clone())),
            trusted_proxies: config.trusted_proxies.clone().into(),
            metrics: Arc::new(http::metrics::Metrics::new(engine.counters())),
        },
        http::page_routes(),
    );
    // The bound address, not the configured one: with port 0 the OS picks,
    // and tests and scripts read the port from this line.
    let bound = listener.local_addr().unwrap_or(config.addr);
    println!("Roundtable is serving http://{bound}");
    println!("  data: {}", config.database.describe());
    tracing::info!(addr = %bound, backend = engine.store().db().backend(), "serving");
    // The peer's address reaches handlers, for counting wrong room codes.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| Failure::Runtime(format!("server stopped: {e}")))?;
    engine.store().db().close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("can install a SIGTERM handler");
        tokio::select! {
            _ = ctrl_c => {},
            _ = terminate.recv() => {},
        }
    }
    #[cfg(not(unix))]
    let _ = ctrl_c.await;
}

async fn demo(config: &Config) -> Result<(), Failure> {
    let engine = open(config).await?;
    let before = engine.workshop(DEMO_SLUG).await.map(|s| s.version).unwrap_or(0);
    for (key, command) in demo_commands() {
        engine
            .execute(DEMO_SLUG, Actor::System, &key, command)
            .await
            .map_err(|e| Failure::Runtime(format!("loading the demo ({key}): {e}")))?;
    }
    let account = NewAccount {
        email: DEMO_FACILITATOR_EMAIL.into(),
        name: "Demo Facilitator".into(),
        password: DEMO_FACILITATOR_PASSWORD.into(),
    };
    add_account(engine.store(), account).await?;
    let facilitator = engine
        .store()
        .account_by_email(DEMO_FACILITATOR_EMAIL)
        .await
        .map_err(|e| runtime("reading the demo account")(e.to_string()))?
        .ok_or_else(|| Failure::Runtime("the demo account vanished".into()))?;
    let add = DomainCommand::AddFacilitator {
        account: facilitator.id,
    };
    engine
        .execute(DEMO_SLUG, Actor::System, &IdempotencyKey::demo_facilitator(), add)
        .await
        .map_err(|e| Failure::Runtime(format!("making the demo facilitator: {e}")))?;
    let after = engine.workshop(DEMO_SLUG).await.map(|s| s.version).unwrap_or(0);
    if after == before {
        println!("The demo workshop is already loaded ({after} events); nothing changed.");
    } else {
        println!("Loaded the demo workshop: {after} events.");
    }
    println!("  data: {}", config.database.describe());
    println!("  workshop: http://{}/w/{DEMO_SLUG}", config.addr);
    println!("  demo facilitator: {DEMO_FACILITATOR_EMAIL} / {DEMO_FACILITATOR_PASSWORD}");
    engine.store().db().close().await;
    Ok(())
}

/// Validates and stores an account; `false` if the email already has one.
async fn add_account(store: &Store, account: NewAccount) -> Result<bool, Failure> {
    account
        .validate()
        .map_err(|e| Failure::Runtime(format!("invalid account: {}", describe_validation(&e))))?;
    let hash = password_auth::generate_hash(&account.password);
    store
        .create_account(AccountId::random(), &account.email, account.name.trim(), &hash)
        .await
        .map_err(|e| runtime("storing the account")(e.to_string()))
}

fn describe_validation(errors: &validator::ValidationErrors) -> String {
    errors
        .field_errors()
        .iter()
        .map(|(field, problems)| {
            let codes: Vec<_> = problems.iter().map(|p| p.code.to_string()).collect();
            format!("{field} ({})", codes.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A password from ROUNDTABLE_PASSWORD, or typed at a prompt.
fn read_password(prompt: &str) -> Result<String, Failure> {
    match std::env::var("ROUNDTABLE_PASSWORD") {
        Ok(password) => Ok(password),
        Err(_) => rpassword::prompt_password(prompt).map_err(|e| {
            Failure::Runtime(format!("cannot read the password (set ROUNDTABLE_PASSWORD): {e}"))
        }),
    }
}

async fn set_facilitator_password(config: &Config, email: String) -> Result<(), Failure> {
    use validator::Validate;
    let password = app::domain::account::NewPassword {
        password: read_password("New password: ")?,
    };
    password
        .validate()
        .map_err(|e| Failure::Runtime(format!("invalid: {}", describe_validation(&e))))?;
    let engine = open(config).await?;
    let account = engine
        .store()
        .account_by_email(&email)
        .await
        .map_err(|e| runtime("reading the account")(e.to_string()))?
        .ok_or_else(|| Failure::Runtime(format!("no account for {email}")))?;
    AccountService::new(engine.clone())
        .set_password(account.id, &account.email, password.password, None)
        .await
        .map_err(|e| runtime("setting the password")(e.to_string()))?;
    println!(
        "Set the password of {}; their sessions have ended.",
        account.email
    );
    Ok(())
}

async fn create_facilitator(config: &Config, email: String, name: String) -> Result<(), Failure> {
    let password = read_password("Password for the new facilitator: ")?;
    let engine = open(config).await?;
    let account = NewAccount {
        email: email.clone(),
        name,
        password,
    };
    if !add_account(engine.store(), account).await? {
        return Err(Failure::Runtime(format!("an account for {email} already exists")));
    }
    println!("Created facilitator {email}.");
    Ok(())
}

async fn token(config: &Config, action: TokenAction) -> Result<(), Failure> {
    let engine = open(config).await?;
    let (TokenAction::Create { workshop, email } | TokenAction::Revoke { workshop, email, .. }) = &action;
    let account = engine
        .store()
        .account_by_email(email)
        .await
        .map_err(|e| runtime("reading the account")(e.to_string()))?
        .ok_or_else(|| Failure::Runtime(format!("no facilitator account for {email}")))?;
    let actor = Actor::Facilitator { account: account.id };
    let failed = |e: app::domain::error::AppError| Failure::Runtime(format!("{workshop}: {e}"));
    let tokens = ApiTokenService::new(engine.clone());
    match action {
        TokenAction::Create { ref workshop, .. } => {
            let (id, token) = tokens.create(workshop, &actor).await.map_err(failed)?;
            println!("Token {id} for workshop {workshop} (read-only; shown only now):");
            println!("{token}");
            println!("Use it as: Authorization: Bearer {token}");
        }
        TokenAction::Revoke { ref workshop, id, .. } => {
            tokens.revoke(workshop, &actor, id).await.map_err(failed)?;
            println!("Revoked token {id}.");
        }
    }
    Ok(())
}

async fn verify(config: &Config) -> Result<ExitCode, Failure> {
    let engine = open(config).await?;
    let report = crate::verify::verify(engine.store())
        .await
        .map_err(|e| runtime("reading the log")(e.to_string()))?;
    for fault in &report.faults {
        println!("FAULT {fault}");
    }
    for (slug, seq, head) in &report.heads {
        println!("HEAD {slug} event {seq} {head}");
    }
    println!(
        "Checked {} workshops, {} events: {} faults.",
        report.workshops,
        report.events,
        report.faults.len()
    );
    Ok(if report.faults.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

async fn export(config: &Config, request: ExportRequest<'_>, out: &std::path::Path) -> Result<(), Failure> {
    let engine = open(config).await?;
    let documents = Arc::new(crate::documents::Documents::new(config.cjk_font.clone()));
    crate::cli_export::write(&engine, &documents, request, out)
        .await
        .map_err(runtime("exporting"))?;
    println!("Wrote {}.", out.display());
    Ok(())
}
