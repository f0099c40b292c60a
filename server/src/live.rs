//! `GET /events`: the server-sent-events stream of one session, behind the guard. It resumes
//! after `Last-Event-ID`, keeps the connection alive, shows only what the session may see, and
//! ends when the session does.

use app::guard::AppState;

use async_stream::stream;
use axum::extract::{Request, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use domain::events::{EventKind, LiveEvent};
use klucznik_core::guard::{authorize_parts, Need};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// How often the stream checks that its session is still open (expiry happens lazily).
const RECHECK_EVERY: Duration = Duration::from_secs(20);
/// Events replayed at most on a resume; beyond that the page is told to re-read.
const BACKLOG_LIMIT: i64 = 500;

pub async fn events(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let ctx = match authorize_parts(&state, &parts, Need::SelfService) {
        Ok(ctx) => ctx,
        Err(e) => return app::guard::error_response("/events", &e),
    };
    let Some(slot) = state.streams().take(ctx.who.session_id.get()) else {
        return app::guard::error_response("/events", &domain::error::AppError::Throttled { seconds: 15 });
    };
    let last_id: Option<i64> =
        parts.headers.get("last-event-id").and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse().ok());
    let feed = klucznik_core::events::feed::Feed::of(&ctx);
    let mut receiver = feed.subscribe();
    let account = ctx.who.account.id.get();
    let mine = ctx.who.session_id.get();
    let me = ctx.who.effective.id.get();

    let stream = stream! {
        // Held as long as the stream lives.
        let _slot = slot;
        let mut sent = last_id.unwrap_or(0);
        if let Some(last) = last_id {
            match feed.backlog(last, BACKLOG_LIMIT).await {
                Ok((events, complete)) => {
                    if !complete {
                        yield Ok::<Event, Infallible>(frame(&resync()));
                    }
                    for event in events {
                        sent = event.id;
                        if !event.concerns(me) { continue; }
                        let closes = closes(&event, mine);
                        yield Ok(frame(&for_listener(event, mine)));
                        if closes { return; }
                    }
                }
                Err(e) => tracing::warn!("event backlog unavailable: {e}"),
            }
        }
        let mut recheck = tokio::time::interval(RECHECK_EVERY);
        recheck.tick().await;
        loop {
            tokio::select! {
                received = receiver.recv() => match received {
                    Ok(event) => {
                        if event.id != 0 && event.id <= sent || !event.visible_in(account) || !event.concerns(me) {
                            continue;
                        }
                        sent = sent.max(event.id);
                        let closes = closes(&event, mine);
                        yield Ok(frame(&for_listener((*event).clone(), mine)));
                        if closes { return; }
                    }
                    Err(RecvError::Lagged(_)) => yield Ok(frame(&resync())),
                    Err(RecvError::Closed) => return,
                },
                _ = recheck.tick() => {
                    let here = klucznik_core::sessions::resolve::current_account_of(&state, mine).await;
                    if here.is_some_and(|a| a != account) {
                        return;
                    }
                    if here.is_none() {
                        let event = LiveEvent {
                            id: 0,
                            account_id: Some(account),
                            kind: EventKind::SessionClosed { session_id: mine, user_id: ctx.who.native.id.get(), reason: domain::events::EndReason::Expired, by: None, at_text: String::new(), note: None },
                        };
                        yield Ok(frame(&event));
                        return;
                    }
                }
            }
        }
    };
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}

/// Whether the event ends this stream: the session closed, left the account the stream serves,
/// or stopped working as the user the stream serves (the page reloads).
fn closes(event: &LiveEvent, mine: i64) -> bool {
    matches!(event.kind, EventKind::SessionClosed { session_id, .. } | EventKind::ReturnedHome { session_id, .. }
        | EventKind::SubstitutionEnded { session_id, .. } if session_id == mine)
}

/// Who ended a session and why is told to that session only; the others learn that it closed.
fn for_listener(mut event: LiveEvent, mine: i64) -> LiveEvent {
    if let EventKind::SessionClosed { session_id, by, note, .. } = &mut event.kind {
        if *session_id != mine {
            (*by, *note) = (None, None);
        }
    }
    event
}

fn resync() -> LiveEvent {
    LiveEvent { id: 0, account_id: None, kind: EventKind::Resync }
}

fn frame(event: &LiveEvent) -> Event {
    let data = serde_json::to_string(event).unwrap_or_default();
    let frame = Event::default().data(data);
    if event.id > 0 {
        frame.id(event.id.to_string())
    } else {
        frame
    }
}
