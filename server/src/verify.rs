//! `roundtable verify`: reads every log back and reports what would stop a
//! workshop from loading.

use crate::store::{Store, StoreError};
use app::domain::state::WorkshopState;

#[derive(Debug, Default)]
pub struct Report {
    pub workshops: usize,
    pub events: usize,
    pub faults: Vec<String>,
}

pub async fn verify(store: &Store) -> Result<Report, StoreError> {
    let mut report = Report::default();
    for (id, slug) in store.workshops().await? {
        report.workshops += 1;
        let mut state = WorkshopState::default();
        let mut expected = 1;
        for raw in store.load_raw(id, 0).await? {
            report.events += 1;
            if raw.seq != expected {
                report
                    .faults
                    .push(format!("{slug}: expected event {expected}, found {}", raw.seq));
            }
            expected = raw.seq + 1;
            match raw.parse(id) {
                Ok(event) => state.apply(&event),
                Err(error) => report.faults.push(format!("{slug}: {error}")),
            }
        }
        if state.setup.is_none() {
            report.faults.push(format!(
                "{slug}: the log does not start with the workshop's creation"
            ));
        }
    }
    Ok(report)
}
