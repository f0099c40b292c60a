//! The time source: the system clock in production, a settable one in tests.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct Clock {
    /// Milliseconds added to the system time; only tests move it.
    offset: Arc<AtomicI64>,
}

impl Clock {
    /// Milliseconds since the Unix epoch, UTC.
    pub fn now(&self) -> i64 {
        let system = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or_default();
        system + self.offset.load(Ordering::Relaxed)
    }

    /// Moves this clock forward, for tests of timeouts.
    pub fn advance(&self, millis: i64) {
        self.offset.fetch_add(millis, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_now_forward_for_every_clone() {
        let clock = Clock::default();
        let copy = clock.clone();
        let before = copy.now();
        clock.advance(3_600_000);
        assert!(copy.now() - before >= 3_600_000);
    }
}
