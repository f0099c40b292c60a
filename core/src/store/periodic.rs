//! Background jobs that run at a fixed pace for as long as the process runs.

use crate::error::AppError;
use std::future::Future;
use std::time::Duration;

/// Runs `job` every `every`; `what` names what the job answers a count of, for the log.
pub fn spawn_every<F, Fut>(every: Duration, what: &'static str, mut job: F)
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = Result<usize, AppError>> + Send,
{
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            match job().await {
                Ok(0) => {}
                Ok(n) => tracing::info!("{what}: {n}"),
                Err(e) => tracing::warn!("{what}: the job failed: {e}"),
            }
        }
    });
}
