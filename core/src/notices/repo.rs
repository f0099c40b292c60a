//! Storing notices: one row per recipient, copies for the substitutes of an absent recipient,
//! their e-mails in the outbox, and a live event so that bells re-read.

use super::{Inbox, Notice, NoticeRow, NoticeT};
use crate::error::AppError;
use crate::events::EventKind;
use crate::i18n::{fill, Lang, Text};
use crate::mail::{self, Mail};
use crate::store::{non_null, Flag, Store, Tx};
use crate::users::display_name;

/// The newest notices the bell shows.
const INBOX_SIZE: i64 = 30;

struct Recipient {
    email: String,
    lang: Lang,
}

impl Recipient {
    fn new(email: String, language: &str) -> Recipient {
        Recipient { email, lang: Lang::from_code(language).unwrap_or_default() }
    }
}

/// A user a notice is sent to.
#[derive(sqlx::FromRow)]
struct UserRecord {
    id: i64,
    account_id: i64,
    email: String,
    language: String,
    login: String,
    full_name: String,
}

/// Who substitutes an absent recipient now, and where their copy is mailed.
#[derive(sqlx::FromRow)]
struct SubstituteRecord {
    absent_user_id: i64,
    substitute_user_id: i64,
    #[sqlx(try_from = "Flag")]
    forward_email: bool,
    email: String,
    language: String,
}

/// A notice of the bell; `login` and `full_name` are the absent user's of a copy, else NULL.
#[derive(sqlx::FromRow)]
struct InboxRecord {
    id: i64,
    notice: String,
    created_at: i64,
    read_at: Option<i64>,
    login: Option<String>,
    full_name: Option<String>,
}

/// The name to show for a user: the full name, or the login.
pub async fn name_of(tx: &mut Tx, user_id: i64) -> Result<String, AppError> {
    let (login, full_name): (String, String) =
        sqlx::query_as("SELECT login, full_name FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_one(tx.conn())
            .await?;
    Ok(display_name(&login, &full_name))
}

/// Sends `notice` to `user_id` inside the caller's transaction; see `send_all`.
pub async fn send(tx: &mut Tx, user_id: i64, notice: &Notice) -> Result<(), AppError> {
    send_all(tx, &[user_id], notice).await
}

/// Users asked about in one query at most.
const CHUNK: usize = 500;

/// `$first, $first+1, …` for `n` values.
fn placeholders(first: usize, n: usize) -> String {
    (first..first + n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// Sends `notice` to each of `users` inside the caller's transaction: in the app, to the users
/// who substitute them now (a marked copy), and by e-mail (forwarded when the substitution says
/// so, never for a password reset). Two queries per 500 users, whatever their number.
pub async fn send_all(tx: &mut Tx, users: &[i64], notice: &Notice) -> Result<(), AppError> {
    let now = tx.now();
    let payload = serde_json::to_string(notice).map_err(|e| AppError::internal("notice", e))?;
    let mut reached: Vec<i64> = Vec::new();
    for chunk in users.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, account_id, email, language, login, full_name FROM users WHERE id IN ({})",
            placeholders(1, chunk.len())
        );
        let mut query = sqlx::query_as::<_, UserRecord>(&sql);
        for id in chunk {
            query = query.bind(*id);
        }
        let rows = query.fetch_all(tx.conn()).await?;
        // The absent user's name and account, for the copies.
        let mut absent = std::collections::HashMap::new();
        for row in &rows {
            let (id, account) = (row.id, row.account_id);
            insert(tx, account, id, None, &payload, now).await?;
            mail_to(tx, account, &Recipient::new(row.email.clone(), &row.language), notice, None).await?;
            absent.insert(id, (account, display_name(&row.login, &row.full_name)));
            reached.push(id);
        }
        if !notice.copied() || rows.is_empty() {
            continue;
        }
        let sql = format!(
            "SELECT DISTINCT b.absent_user_id, b.substitute_user_id, b.forward_email, u.email, u.language
             FROM substitutions b JOIN users u ON u.id = b.substitute_user_id
             WHERE b.active = TRUE AND b.starts_at <= $1 AND b.ends_at > $1 AND b.absent_user_id IN ({})",
            placeholders(2, chunk.len())
        );
        let mut query = sqlx::query_as::<_, SubstituteRecord>(&sql).bind(now);
        for id in chunk {
            query = query.bind(*id);
        }
        for s in query.fetch_all(tx.conn()).await? {
            let (for_user, id) = (s.absent_user_id, s.substitute_user_id);
            let Some((account, absent_name)) = absent.get(&for_user) else { continue };
            insert(tx, *account, id, Some(for_user), &payload, now).await?;
            if s.forward_email && notice.forwardable() {
                mail_to(tx, *account, &Recipient::new(s.email, &s.language), notice, Some(absent_name))
                    .await?;
            }
            reached.push(id);
        }
    }
    if reached.is_empty() {
        return Ok(());
    }
    reached.sort_unstable();
    reached.dedup();
    tx.raise(None, EventKind::Notice { user_ids: reached }).await
}

async fn insert(
    tx: &mut Tx,
    account: i64,
    user: i64,
    for_user: Option<i64>,
    payload: &str,
    now: i64,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO notifications (account_id, user_id, for_user_id, notice, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(account)
    .bind(user)
    .bind(for_user)
    .bind(payload)
    .bind(now)
    .execute(tx.conn())
    .await?;
    Ok(())
}

async fn mail_to(
    tx: &mut Tx,
    account: i64,
    to: &Recipient,
    notice: &Notice,
    copy_for: Option<&str>,
) -> Result<(), AppError> {
    if to.email.trim().is_empty() {
        return Ok(());
    }
    let lang = to.lang;
    let title = notice.title(lang);
    let mut body = title.clone();
    if let Some(detail) = notice.detail(lang) {
        body = format!("{body}\n{detail}");
    }
    let subject = match copy_for {
        Some(absent) => {
            let line = fill(NoticeT::MailCopy.text(lang), &[("absent".into(), absent.to_string())]);
            body = format!("{line}\n\n{body}");
            format!("Klucznik: [{absent}] {title}")
        }
        None => format!("Klucznik: {title}"),
    };
    let body = format!("{body}\n\n-- \n{}\n", NoticeT::MailFooter.text(lang));
    let kind = notice.key();
    mail::enqueue(
        tx,
        Mail { account_id: Some(account), to: to.email.trim(), subject: &subject, body: &body, kind },
    )
    .await
}

/// The bell's content for `user_id`: the newest notices and the unread count.
pub async fn inbox(store: &Store, user_id: i64, zone: &str, lang: Lang) -> Result<Inbox, AppError> {
    let unread: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL")
            .bind(user_id)
            .fetch_one(store.reader())
            .await?;
    let rows: Vec<InboxRecord> = sqlx::query_as(
        "SELECT n.id, n.notice, n.created_at, n.read_at, f.login, f.full_name
         FROM notifications n LEFT JOIN users f ON f.id = n.for_user_id
         WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(INBOX_SIZE)
    .fetch_all(store.reader())
    .await?;
    let mut items = Vec::with_capacity(rows.len());
    for r in rows {
        let Ok(notice) = serde_json::from_str::<Notice>(&r.notice) else {
            continue;
        };
        let for_user = match r.login {
            Some(login) => Some(display_name(&login, &non_null(r.full_name, "full_name")?)),
            None => None,
        };
        items.push(NoticeRow {
            id: r.id,
            notice,
            for_user,
            at_text: crate::time::format_ms(r.created_at, zone, lang),
            read: r.read_at.is_some(),
        });
    }
    Ok(Inbox { unread, items })
}

/// Marks the user's notices as read: all of them, or one.
pub async fn mark_read(tx: &mut Tx, user_id: i64, id: Option<i64>) -> Result<u64, AppError> {
    let now = tx.now();
    let sql = match id {
        Some(_) => "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL AND id = $3",
        None => "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
    };
    let mut query = sqlx::query(sql).bind(now).bind(user_id);
    if let Some(id) = id {
        query = query.bind(id);
    }
    let done = query.execute(tx.conn()).await?.rows_affected();
    if done > 0 {
        tx.raise(None, EventKind::Notice { user_ids: vec![user_id] }).await?;
    }
    Ok(done)
}
