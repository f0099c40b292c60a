//! The state the core keeps for every request: the storage handle (private to authorization:
//! code reaches storage only through an authorized `Ctx` or a public entry), the hasher, the
//! settings, the snapshots cache and the event-stream slots.

use crate::auth::password::Hasher;
use crate::rights::Snapshot;
use crate::store::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Deployment settings the request path needs.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto/-Host and mark cookies Secure.
    pub behind_proxy: bool,
    /// How many proxies in front of the server append to X-Forwarded-For (at least 1 when
    /// `behind_proxy`): the client is the address the outermost trusted one saw.
    pub trusted_proxies: usize,
    /// Where notification e-mails go.
    pub mail: crate::mail::MailSettings,
    /// The address callers reach the server at (`https://klucznik.example.com`), when known: the
    /// decision API's metadata names its endpoints under it.
    pub public_url: Option<String>,
}

#[derive(Clone)]
pub struct CoreState {
    store: Store,
    hasher: Hasher,
    settings: Arc<Settings>,
    pub(crate) rights_cache: RightsCache,
    streams: crate::events::slots::StreamSlots,
}

impl CoreState {
    /// Made by the operator's handle (`Operator::serve`), the only holder of the store.
    pub(crate) fn new(store: Store, hasher: Hasher, settings: Settings) -> CoreState {
        CoreState {
            store,
            hasher,
            settings: Arc::new(settings),
            rights_cache: RightsCache::default(),
            streams: Default::default(),
        }
    }

    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    pub fn hasher(&self) -> &Hasher {
        &self.hasher
    }

    /// The `/events` streams each session holds.
    pub fn streams(&self) -> &crate::events::slots::StreamSlots {
        &self.streams
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

/// (user, account) → (rights versions of the user's home account and of the account, snapshot).
type Snapshots = HashMap<(i64, i64), ((i64, i64), Arc<Snapshot>)>;

/// Snapshots by (user, account), valid while the rights versions of the user's home account and
/// of the account stay the same (`rights::repo::changed`).
#[derive(Clone, Default)]
pub(crate) struct RightsCache {
    map: Arc<Mutex<Snapshots>>,
}

impl RightsCache {
    const MAX_ENTRIES: usize = 10_000;

    pub fn get(&self, user: i64, account: i64, version: (i64, i64)) -> Option<Arc<Snapshot>> {
        let map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&(user, account)).filter(|(v, _)| *v == version).map(|(_, s)| s.clone())
    }

    pub fn put(&self, user: i64, account: i64, version: (i64, i64), snapshot: Arc<Snapshot>) {
        let mut map = self.map.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() >= Self::MAX_ENTRIES {
            map.clear();
        }
        map.insert((user, account), (version, snapshot));
    }
}
