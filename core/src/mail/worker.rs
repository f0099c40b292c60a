//! Sending the outbox: due messages are claimed with a lease (so that two instances on one
//! database never send the same message), sent, and on failure retried with a growing wait
//! until a limit, after which they are marked failed.

use super::MailSettings;
use crate::error::AppError;
use crate::store::Store;
use lettre::message::header::ContentType;
use lettre::message::{Body, Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::{FromRow, Row};
use std::time::Duration;

/// Attempts before a message is given up (with a 5 s base, about 6½ hours of retries).
pub const MAX_ATTEMPTS: i64 = 16;
/// How long a claimed message is left to its sender before another may try.
const LEASE_MS: i64 = 120_000;
/// Messages sent per round.
const BATCH: i64 = 50;
const MAX_WAIT_MS: i64 = 3_600_000;
/// Sent messages are kept this long.
const KEPT_MS: i64 = 30 * 86_400_000;

/// The numbers of a due message; its texts are read by `message`.
#[derive(FromRow)]
struct Due {
    id: i64,
    attempts: i64,
    next_attempt_at: i64,
}

/// The wait after the `attempts`-th failure: the base, doubled each time, at most an hour.
pub fn backoff_ms(attempts: i64, base_ms: i64) -> i64 {
    let doublings = (attempts - 1).clamp(0, 30) as u32;
    base_ms.saturating_mul(1i64 << doublings).min(MAX_WAIT_MS)
}

/// Sends what is due now; answers how many messages the mail server took.
pub async fn deliver_due(store: &Store, settings: &MailSettings) -> Result<usize, AppError> {
    let Some(host) = settings.host.as_deref() else { return Ok(0) };
    let now = store.now();
    let rows = sqlx::query(
        "SELECT id, to_addr, subject, body, attempts, next_attempt_at FROM mail_outbox
         WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
    )
    .bind(now)
    .bind(BATCH)
    .fetch_all(store.reader())
    .await?;
    if rows.is_empty() {
        return Ok(0);
    }
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(settings.port)
        .timeout(Some(Duration::from_secs(10)))
        .build();
    let mut sent = 0;
    for r in &rows {
        let due = Due::from_row(r)?;
        let id = due.id;
        if !claim(store, id, due.next_attempt_at, now).await? {
            continue;
        }
        let outcome = match message(settings, r) {
            Ok(message) => {
                transport.send(message).await.map(|_| ()).map_err(|e| (e.to_string(), e.is_permanent()))
            }
            // An address the mail server could never take: no point retrying.
            Err(e) => Err((e, true)),
        };
        let attempts = due.attempts + 1;
        let mut tx = store.begin().await?;
        let at = tx.now();
        match outcome {
            Ok(()) => {
                sent += 1;
                sqlx::query(
                    "UPDATE mail_outbox SET sent_at = $1, attempts = $2, last_error = '' WHERE id = $3",
                )
                .bind(at)
                .bind(attempts)
                .bind(id)
                .execute(tx.conn())
                .await?;
            }
            Err((error, permanent)) => {
                let failed = (permanent || attempts >= MAX_ATTEMPTS).then_some(at);
                if failed.is_some() {
                    tracing::warn!("mail {id} given up after {attempts} attempts: {error}");
                }
                sqlx::query(
                    "UPDATE mail_outbox SET attempts = $1, next_attempt_at = $2, failed_at = $3, last_error = $4 WHERE id = $5",
                )
                .bind(attempts)
                .bind(at + backoff_ms(attempts, settings.retry_base_ms))
                .bind(failed)
                .bind(error)
                .bind(id)
                .execute(tx.conn())
                .await?;
            }
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Takes a message for this sender by moving its next attempt past the lease; false when
/// another sender got it first.
async fn claim(store: &Store, id: i64, due: i64, now: i64) -> Result<bool, AppError> {
    let mut tx = store.begin().await?;
    let taken = sqlx::query(
        "UPDATE mail_outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL",
    )
    .bind(now + LEASE_MS)
    .bind(id)
    .bind(due)
    .execute(tx.conn())
    .await?
    .rows_affected();
    tx.commit().await?;
    Ok(taken == 1)
}

fn message(settings: &MailSettings, r: &sqlx::any::AnyRow) -> Result<Message, String> {
    // Read here rather than with `Due`: text that cannot be read fails this message only.
    let field = |c: &str| r.try_get::<String, _>(c).map_err(|e| e.to_string());
    let from: Mailbox = settings.from.parse().map_err(|e| format!("sender: {e}"))?;
    let to: Mailbox = field("to_addr")?.parse().map_err(|e| format!("recipient: {e}"))?;
    // UTF-8 text in the 7-bit encoding lettre picks (quoted-printable or base64): relays that do
    // not offer 8BITMIME take Polish and Czech letters too.
    let body = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(Body::new(field("body")?));
    Message::builder()
        .message_id(None)
        .from(from)
        .to(to)
        .subject(field("subject")?)
        .singlepart(body)
        .map_err(|e| e.to_string())
}

/// Sends every `every`, and prunes old sent messages, for as long as the process runs.
pub fn spawn(store: Store, settings: MailSettings, every: Duration) {
    if settings.host.is_none() {
        tracing::info!("no SMTP server configured (--smtp-host): notification e-mails wait in the outbox");
    }
    let mut rounds: u64 = 0;
    crate::store::spawn_every(every, "notification e-mails sent", move || {
        rounds += 1;
        let prune_now = rounds.is_multiple_of(3600);
        let (store, settings) = (store.clone(), settings.clone());
        async move {
            if prune_now {
                prune(&store).await?;
            }
            deliver_due(&store, &settings).await
        }
    });
}

async fn prune(store: &Store) -> Result<(), AppError> {
    let mut tx = store.begin().await?;
    let before = tx.now() - KEPT_MS;
    sqlx::query("DELETE FROM mail_outbox WHERE sent_at < $1").bind(before).execute(tx.conn()).await?;
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        assert_eq!(backoff_ms(1, 5_000), 5_000);
        assert_eq!(backoff_ms(2, 5_000), 10_000);
        assert_eq!(backoff_ms(4, 5_000), 40_000);
        assert_eq!(backoff_ms(12, 5_000), MAX_WAIT_MS);
        assert_eq!(backoff_ms(1_000, 5_000), MAX_WAIT_MS);
    }
}
