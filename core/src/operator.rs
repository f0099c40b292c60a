//! The operator: whoever runs `klucznik` on the server's machine — the first start, the demo
//! sample, `klucznik catalogue apply`, `klucznik client create`, the background workers. The
//! operator holds the whole database without a session, so this handle is the only way besides
//! the guard's `Ctx` and `PublicCtx` into the services (docs/ARCHITECTURE.md "Layers"); the
//! server crate gets it at start-up and never a raw pool, connection or transaction.

use crate::actor::Actor;
use crate::applications::Preview;
use crate::auth::password::Hasher;
use crate::clients::NewSecret;
use crate::error::AppError;
use crate::guard::scope::job;
use crate::guard::{CoreState, Settings};
use crate::mail::MailSettings;
use crate::setup::bootstrap::{bootstrap, Bootstrapped};
use crate::setup::demo::{self, DemoOutcome};
use crate::store::{Clock, DbUrl, Store};
use domain::ids::AccountId;
use std::time::Duration;

pub struct Operator {
    store: Store,
    hasher: Hasher,
}

impl Operator {
    /// Connects and applies the migrations; the error is one line that says what to fix.
    pub async fn open(url: &DbUrl, clock: Clock, hasher: Hasher) -> Result<Operator, String> {
        Ok(Operator { store: Store::open(url, clock).await?, hasher })
    }

    /// The first start on an empty database; `None` if it was bootstrapped before.
    pub async fn bootstrap(&self, admin_password: Option<String>) -> Result<Option<Bootstrapped>, AppError> {
        bootstrap(&self.store, &self.hasher, admin_password).await
    }

    /// Fills in the accounts' search keys written before they existed (a start-up step).
    pub async fn refresh_name_keys(&self) -> Result<(), AppError> {
        crate::accounts::repo::refresh_name_keys(&self.store).await
    }

    /// The demo sample, when the database is new.
    pub async fn fill_demo(&self, password: &str) -> Result<DemoOutcome, String> {
        demo::fill(&self.store, &self.hasher, password).await
    }

    /// Nordwind ERP's catalogue and its roles' rights in `main` (the demo sample's application).
    pub async fn register_demo_application(&self, main: i64) -> Result<(), AppError> {
        crate::applications::demo::register(&self.store, job(main)).await
    }

    /// The oldest main account, the one a command means when it names none.
    pub async fn first_main_account(&self) -> Result<Option<i64>, AppError> {
        crate::clients::repo::first_main_account(&self.store).await
    }

    /// A new client of `application` in the main account `account`, audited as the operator's.
    pub async fn create_client(
        &self,
        account: i64,
        application: &str,
        name: &str,
    ) -> Result<NewSecret, AppError> {
        let actor = Actor { account_id: Some(AccountId::new(account)), ..Default::default() };
        crate::clients::service::make(&self.store, &actor, job(account), application, name).await
    }

    /// What applying a catalogue file to `account` would change.
    pub async fn preview_catalogue(&self, account: i64, text: &str) -> Result<Preview, AppError> {
        crate::applications::repo::preview(&self.store, job(account), text).await
    }

    /// Registers or updates the application a catalogue file declares, as the console's upload
    /// does; the answer counts the grants left out of effect too.
    pub async fn apply_catalogue(&self, account: i64, text: &str) -> Result<Preview, AppError> {
        let actor = Actor { account_id: Some(AccountId::new(account)), ..Default::default() };
        let mut done =
            crate::applications::applying::apply(&self.store, &actor, job(account), text, None).await?;
        done.orphaned = crate::applications::repo::preview(&self.store, job(account), text).await?.orphaned;
        Ok(done)
    }

    /// The workers of a serving instance: the outbox, the sweep of ended sessions, and the end
    /// of substitutions' last days.
    pub fn start_workers(&self, mail: MailSettings) {
        crate::mail::spawn(self.store.clone(), mail, Duration::from_secs(1));
        crate::sessions::maintenance::spawn(self.store.clone(), Duration::from_secs(15));
        // The end of a substitution's last day ends the work in it within a second.
        crate::substitutions::mode::spawn(self.store.clone(), Duration::from_secs(1));
    }

    /// The request path's state over this database.
    pub fn serve(&self, settings: Settings) -> CoreState {
        CoreState::new(self.store.clone(), self.hasher.clone(), settings)
    }

    /// The newest migration applied.
    pub fn schema_version(&self) -> i64 {
        self.store.schema_version()
    }

    pub async fn close(&self) {
        self.store.close().await;
    }

    /// The database, for tests that look at rows directly (feature `test-access`).
    #[cfg(feature = "test-access")]
    pub fn store(&self) -> &Store {
        &self.store
    }
}
