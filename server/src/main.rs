use clap::Parser;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "roundtable=info,server=info,warn".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    server::cli::run(server::cli::Cli::parse()).await
}
