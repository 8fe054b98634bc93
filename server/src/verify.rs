//! `roundtable verify`: reads every log back and reports what would stop a
//! workshop from loading, and any break in its hash chain: an event edited,
//! deleted or moved in the database behind the app's back.

use crate::store::chain::link_of;
use crate::store::link::GENESIS;
use crate::store::{Store, StoreError};
use app::domain::state::WorkshopState;

#[derive(Debug, Default)]
pub struct Report {
    pub workshops: usize,
    pub events: usize,
    pub faults: Vec<String>,
    /// Each workshop's newest link: note it somewhere else (the proposal,
    /// an email) to detect later a log rewritten whole.
    pub heads: Vec<(String, u64, String)>,
}

pub async fn verify(store: &Store) -> Result<Report, StoreError> {
    let mut report = Report::default();
    for workshop in store.workshops().await? {
        let (id, slug) = (workshop.id, workshop.slug);
        report.workshops += 1;
        let mut state = WorkshopState::default();
        let mut expected = 1;
        let events = store.load_raw(id, 0).await?;
        let chain: std::collections::BTreeMap<u64, String> = store
            .chain(id)
            .await?
            .into_iter()
            .map(|link| (link.seq, link.hash))
            .collect();
        let mut previous = GENESIS.to_string();
        let mut chain_broken = false;
        for raw in events {
            report.events += 1;
            if raw.seq != expected {
                report
                    .faults
                    .push(format!("{slug}: expected event {expected}, found {}", raw.seq));
            }
            expected = raw.seq + 1;
            if !chain_broken {
                let link = link_of(&previous, id, &raw);
                match chain.get(&raw.seq) {
                    Some(stored) if *stored == link => previous = link,
                    Some(_) => {
                        report.faults.push(format!(
                            "{slug}: the hash chain breaks at event {}: it was edited, or events were moved or removed before it",
                            raw.seq
                        ));
                        chain_broken = true;
                    }
                    None => {
                        report.faults.push(format!(
                            "{slug}: event {} has no link in the hash chain: it was not written by Roundtable",
                            raw.seq
                        ));
                        chain_broken = true;
                    }
                }
            }
            match raw.parse(id) {
                Ok(event) => state.apply(&event),
                Err(error) => report.faults.push(format!("{slug}: {error}")),
            }
        }
        let last = expected - 1;
        if let Some((&linked, _)) = chain.iter().next_back().filter(|(seq, _)| **seq > last) {
            report.faults.push(format!(
                "{slug}: the log ends at event {last} but the hash chain reaches event {linked}: events were removed"
            ));
        }
        let promised = store.promised_version(id).await?;
        if promised > last {
            report.faults.push(format!(
                "{slug}: the log ends at event {last} but a command was acknowledged at version {promised}: events were removed"
            ));
        }
        if state.setup.is_none() {
            report.faults.push(format!(
                "{slug}: the log does not start with the workshop's creation"
            ));
        }
        report.heads.push((slug, last, previous));
    }
    Ok(report)
}
