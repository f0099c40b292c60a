//! How many `/events` streams each session holds (issue 13: a session could open streams
//! without bound). A slot is given back when its stream is dropped.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Streams one session may hold at once: a few tabs of one browser.
pub const PER_SESSION: usize = 6;

#[derive(Clone, Default)]
pub struct StreamSlots {
    open: Arc<Mutex<HashMap<i64, usize>>>,
}

/// One stream's place; dropping it frees the place.
pub struct Slot {
    slots: StreamSlots,
    session: i64,
}

impl StreamSlots {
    /// A place for one more stream of `session`, unless it holds `PER_SESSION` already.
    pub fn take(&self, session: i64) -> Option<Slot> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(session).or_default();
        if *count >= PER_SESSION {
            return None;
        }
        *count += 1;
        Some(Slot { slots: self.clone(), session })
    }

    /// Streams `session` holds now.
    pub fn held(&self, session: i64) -> usize {
        self.open.lock().unwrap_or_else(|e| e.into_inner()).get(&session).copied().unwrap_or(0)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.slots.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.session) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.session);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_holds_a_bounded_number_and_dropping_frees_one() {
        let slots = StreamSlots::default();
        let held: Vec<Slot> = (0..PER_SESSION).map(|_| slots.take(7).expect("a place")).collect();
        assert!(slots.take(7).is_none(), "one more is refused");
        assert!(slots.take(8).is_some(), "another session is not affected");
        drop(held);
        assert_eq!(slots.held(7), 0);
        assert!(slots.take(7).is_some());
    }
}
