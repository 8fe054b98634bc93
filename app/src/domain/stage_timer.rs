//! The stage timer: a countdown a facilitator starts for the current stage,
//! shown on every screen. Its end is fixed by the server when the start is
//! recorded (the event's time plus the minutes), never by a browser's clock;
//! each browser ticks towards it, corrected by how far its own clock is
//! from the server's.

use super::model::Stage;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The longest countdown: a working day's session (8 hours).
pub const MAX_MINUTES: u16 = 480;

/// A running countdown, as the state holds it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTimer {
    pub stage: Stage,
    pub minutes: u16,
    pub started_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

impl StageTimer {
    /// The countdown a start recorded at `recorded_at` runs.
    pub fn started(stage: Stage, minutes: u16, recorded_at: DateTime<Utc>) -> Self {
        StageTimer {
            stage,
            minutes,
            started_at: recorded_at,
            ends_at: recorded_at + Duration::minutes(i64::from(minutes)),
        }
    }
}

/// What every screen shows of the timer: the countdown if one runs, and
/// the server's clock when it answered, from which the browser learns how
/// far its own clock is off.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimerView {
    pub version: u64,
    pub timer: Option<StageTimer>,
    pub now: DateTime<Utc>,
}

/// How far the server's clock is ahead of this browser's (negative when
/// behind), learnt from one answer: the server's `now` against the
/// browser's clock when the answer arrived. The answer's travel time is
/// the error, well under the second the countdown shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClockOffset(Duration);

impl ClockOffset {
    pub fn between(server_now: DateTime<Utc>, browser_now: DateTime<Utc>) -> Self {
        ClockOffset(server_now - browser_now)
    }

    /// The server's time when this browser's clock reads `browser_now`.
    pub fn server_time(self, browser_now: DateTime<Utc>) -> DateTime<Utc> {
        browser_now + self.0
    }
}

/// What the countdown reads at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Countdown {
    /// Whole seconds left, rounded up, so "0:00" is never shown while
    /// time remains and "time is up" comes exactly at the end.
    Left {
        seconds: u32,
    },
    TimeIsUp,
}

impl Countdown {
    pub fn at(ends_at: DateTime<Utc>, now: DateTime<Utc>) -> Self {
        let left = ends_at - now;
        if left <= Duration::zero() {
            return Countdown::TimeIsUp;
        }
        let millis = left.num_milliseconds().max(1);
        let seconds = (millis + 999) / 1000;
        Countdown::Left {
            seconds: u32::try_from(seconds).unwrap_or(u32::MAX),
        }
    }

    /// "4:05", "1:00:00": minutes and seconds, hours when there are any;
    /// `None` once time is up (the page says so in words).
    pub fn clock(self) -> Option<String> {
        let Countdown::Left { seconds } = self else {
            return None;
        };
        let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        Some(if hours > 0 {
            format!("{hours}:{minutes:02}:{seconds:02}")
        } else {
            format!("{minutes}:{seconds:02}")
        })
    }
}
