use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let logs = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "roundtable=info,server=info,warn".into()),
        )
        .with_writer(std::io::stderr);
    // One JSON object per line for a log collector (docs/DEPLOYMENT.md).
    if std::env::var("ROUNDTABLE_LOG_FORMAT").is_ok_and(|format| format == "json") {
        logs.json().init();
    } else {
        logs.init();
    }
    server::cli::run(server::cli::Cli::parse()).await
}
