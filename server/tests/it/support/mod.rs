//! What the tests share: the real application started on a random port
//! against a fresh database (`TestApp`), calls as the browser makes them,
//! and the binary run as a process (`process`).

pub mod process;
pub use process::cookie_named;

use server::cli;
use server::config::Config;
use server::engine::Engine;
use server::http::{self, AppState};
use server::services::Services;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server to test against, or `None` when `make test`
/// found none and said so (`ROUNDTABLE_TEST_POSTGRES=skip`).
pub fn postgres_base() -> Option<String> {
    match std::env::var("ROUNDTABLE_TEST_POSTGRES") {
        Ok(value) if value == "skip" => None,
        Ok(value) => Some(value),
        Err(_) => Some("postgres://postgres@127.0.0.1:5432".into()),
    }
}

/// A fresh, empty database: a new SQLite file, or a new PostgreSQL database.
pub struct FreshDb {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    /// The PostgreSQL server and database name, dropped with this value.
    postgres: Option<(String, String)>,
}

impl Drop for FreshDb {
    /// Drops a test's PostgreSQL database, so that runs leave nothing behind.
    /// On its own thread and runtime: Drop cannot await, and the test's own
    /// runtime may be the one blocked here.
    fn drop(&mut self) {
        let Some((base, name)) = self.postgres.take() else {
            return;
        };
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                use sqlx::Connection;
                let mut admin = sqlx::PgConnection::connect(&format!("{base}/postgres"))
                    .await
                    .ok()?;
                let statement = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                sqlx::query(&statement).execute(&mut admin).await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(_))) {
            eprintln!("note: could not drop the test database; it is named roundtable_test_*");
        }
    }
}

impl FreshDb {
    pub fn new(backend: Backend) -> Option<FreshDb> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}/test.sqlite3", dir.path().display());
                Some(FreshDb {
                    url,
                    _dir: Some(dir),
                    postgres: None,
                })
            }
            Backend::Postgres => {
                let base = postgres_base()?;
                let name = format!("roundtable_test_{}", uuid::Uuid::new_v4().simple());
                // The server creates a missing database itself.
                Some(FreshDb {
                    url: format!("{base}/{name}"),
                    _dir: None,
                    postgres: Some((base, name)),
                })
            }
        }
    }

    pub fn config(&self) -> Config {
        Config::new(Some(&self.url), "127.0.0.1:0", Some("target/site".into())).expect("valid test config")
    }
}

pub struct TestApp {
    pub base: String,
    pub addr: SocketAddr,
    pub engine: Arc<Engine>,
    /// The services the app runs with, over `engine`.
    pub services: Services,
    pub db: FreshDb,
    pub client: reqwest::Client,
}

/// The page routes, generated once for the whole test binary: tests run
/// side by side in one process, and generating them while another test's
/// page renders can stall that page for good (see `http::page_routes`).
fn page_routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(http::page_routes).clone()
}

impl TestApp {
    /// `None` only for PostgreSQL when the PostgreSQL tests are skipped.
    pub async fn start(backend: Backend) -> Option<TestApp> {
        let db = FreshDb::new(backend)?;
        let config = db.config();
        let engine = cli::open(&config).await.expect("database opens");
        server::engine::follow_other_instances(&engine);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let services = Services::new(engine.clone());
        let router = http::router(
            AppState {
                leptos: config.leptos_options(),
                services: services.clone(),
                documents: std::sync::Arc::new(server::documents::Documents::new(None)),
                trusted_proxies: std::sync::Arc::from(Vec::new()),
                metrics: std::sync::Arc::new(http::metrics::Metrics::new(engine.counters())),
            },
            page_routes(),
        );
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, service).await.expect("server runs") });
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Some(TestApp {
            base: format!("http://{addr}"),
            addr,
            engine,
            services,
            db,
            client,
        })
    }

    pub async fn with_demo(backend: Backend) -> Option<TestApp> {
        let app = TestApp::start(backend).await?;
        load_demo(&app.engine).await;
        Some(app)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The HTML of a page, fetched without cookies.
    pub async fn page(&self, path: &str) -> String {
        self.client
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }
}

/// A fresh id, as a form makes one for what it creates.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// The demo workshop's version: how many events its log holds.
pub async fn demo_version(app: &TestApp) -> u64 {
    use app::api::service::Workshops;
    app.engine.workshop("demo").await.unwrap().version
}

pub async fn load_demo(engine: &Engine) {
    use app::api::service::Workshops;
    for (key, command) in app::domain::demo::demo_commands() {
        engine
            .execute(
                app::domain::demo::DEMO_SLUG,
                app::domain::event::Actor::System,
                &key,
                command,
            )
            .await
            .expect("demo command is accepted");
    }
}

/// Runs a test body once per backend, so both are always exercised.
macro_rules! on_both_backends {
    ($name:ident, $body:path) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $body($crate::support::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $body($crate::support::Backend::Postgres).await
            }
        }
    };
}

/// Runs one SQL statement straight on the database, past the app, as
/// someone holding the database would.
pub async fn raw_sql(db: &server::db::Db, statement: &str) -> Result<(), sqlx::Error> {
    use server::db::Db;
    match db {
        Db::Sqlite(pool) => sqlx::query(statement).execute(pool).await.map(|_| ()),
        Db::Postgres(pool) => sqlx::query(statement).execute(pool).await.map(|_| ()),
    }
}

/// Calls a server function as the hydrated page does.
pub async fn call(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> reqwest::Response {
    let mut request = app
        .client
        .post(app.url(path))
        .header("accept", "application/json")
        .form(form);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    request.send().await.unwrap()
}

/// The status a server function answers with, where nothing else of the
/// answer matters.
pub async fn call_status(
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> reqwest::StatusCode {
    call(app, path, form, cookie).await.status()
}

/// The `rt_session` Set-Cookie of a response, whole.
pub fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("rt_session="))
        .map(String::from)
}

/// The password of every account the tests create.
pub const PASSWORD: &str = "a long enough passphrase";

/// Creates an account with `PASSWORD`, straight in the store.
pub async fn create_account(app: &TestApp, email: &str, name: &str) -> app::domain::ids::AccountId {
    let hash = password_auth::generate_hash(PASSWORD);
    let id = app::domain::ids::AccountId::random();
    assert!(app
        .engine
        .store()
        .create_account(id, email, name, &hash)
        .await
        .unwrap());
    id
}

/// Signs in with `email` and `password`, as the sign-in page does.
pub async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    use leptos::server_fn::ServerFn;
    let form = [("email", email), ("password", password)];
    call(app, app::api::SignIn::PATH, &form, None).await
}

/// Creates a facilitator account and signs it in; the `name=value` cookie.
pub async fn facilitator_session(app: &TestApp, email: &str) -> String {
    create_account(app, email, "Facilitator").await;
    let response = sign_in(app, email, PASSWORD).await;
    let cookie = session_cookie(&response).expect("signed in");
    cookie.split(';').next().unwrap().to_string()
}

/// The demo with a facilitator of it signed in: the app, the session's
/// `name=value` cookie, and the facilitator as an actor.
pub async fn demo_with_facilitator(backend: Backend) -> Option<(TestApp, String, app::domain::event::Actor)> {
    use app::api::service::Workshops;
    use app::domain::command::Command;
    use app::domain::event::Actor;
    let app = TestApp::with_demo(backend).await?;
    let cookie = facilitator_session(&app, "ana@example.org").await;
    let account = app
        .engine
        .store()
        .account_by_email("ana@example.org")
        .await
        .unwrap()
        .unwrap()
        .id;
    let add = Command::AddFacilitator { account };
    app.engine
        .execute(
            "demo",
            Actor::System,
            &app::domain::idempotency::IdempotencyKey::facilitator(account),
            add,
        )
        .await
        .unwrap();
    Some((app, cookie, Actor::Facilitator { account }))
}

/// A delegate of `organisation` in the demo, joined through an invite link
/// that `facilitator` (a `name=value` cookie) made: the delegate's cookie.
pub async fn demo_delegate(app: &TestApp, facilitator: &str, organisation: &str) -> String {
    use leptos::server_fn::ServerFn;
    let token = demo_invite_token(app, facilitator, organisation).await;
    let delegate = uuid::Uuid::new_v4().to_string();
    let form = [
        ("token", token.as_str()),
        ("delegate", &delegate),
        ("name", "Somchai"),
        ("email", ""),
    ];
    let joined = call(app, app::api::JoinWorkshop::PATH, &form, None).await;
    cookie_named(&joined, "rt_delegate").expect("a delegate session")
}

/// Issues a demo organisation's invite link as `facilitator`: its token.
pub async fn demo_invite_token(app: &TestApp, facilitator: &str, organisation: &str) -> String {
    use leptos::server_fn::ServerFn;
    let form = [("slug", "demo"), ("organisation", organisation)];
    let (_, url): (String, String) = call(app, app::api::IssueInvite::PATH, &form, Some(facilitator))
        .await
        .json()
        .await
        .unwrap();
    url.rsplit('/').next().unwrap().to_string()
}
