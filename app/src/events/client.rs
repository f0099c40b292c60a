//! The browser's one EventSource for the whole app. Components read a version per topic and
//! re-read their data when it moves; the session's own end is signalled separately.

use domain::events::{EndReason, EventKind, LiveEvent, Topic};
use leptos::prelude::*;

/// How this session ended, as far as the browser was told.
#[derive(Clone, Debug, PartialEq)]
pub struct Ending {
    pub reason: EndReason,
    pub by: Option<String>,
    pub at_text: String,
    pub note: Option<String>,
}

impl From<EndReason> for Ending {
    fn from(reason: EndReason) -> Ending {
        Ending { reason, by: None, at_text: String::new(), note: None }
    }
}

#[derive(Clone, Copy)]
pub struct Live {
    /// One counter per topic, in the order of `Topic::ALL`.
    versions: [RwSignal<u64>; Topic::ALL.len()],
    /// The stream is open.
    pub connected: RwSignal<bool>,
    /// This session was closed (logged out elsewhere, expired, ended by someone).
    pub ended: RwSignal<Option<Ending>>,
    /// This session was sent back to its home account from the named account.
    pub returned: RwSignal<Option<String>>,
    /// This session stopped working as the named absent user, for this reason.
    pub mode_ended: RwSignal<Option<(String, domain::substitutions::ModeEnd)>>,
    /// The newest event, for components that show notices.
    pub last: RwSignal<Option<LiveEvent>>,
}

impl Live {
    fn new() -> Live {
        Live {
            versions: std::array::from_fn(|_| RwSignal::new(0)),
            connected: RwSignal::new(false),
            ended: RwSignal::new(None),
            returned: RwSignal::new(None),
            mode_ended: RwSignal::new(None),
            last: RwSignal::new(None),
        }
    }

    /// A number that grows whenever `topic` may have changed (tracked).
    pub fn version(&self, topic: Topic) -> u64 {
        // `try_get`: closures rendered late on the server may outlive the page's owner.
        self.signal(topic).try_get().unwrap_or_default()
    }

    fn signal(&self, topic: Topic) -> RwSignal<u64> {
        let i = Topic::ALL.iter().position(|t| *t == topic).expect("every topic is in ALL");
        self.versions[i]
    }

    /// Marks `topic` as changed, e.g. after this page saved something itself.
    pub fn bump(&self, topic: Topic) {
        self.signal(topic).update(|v| *v += 1);
    }

    /// Applies one event received for the session `mine`.
    pub fn receive(&self, event: LiveEvent, mine: i64) {
        if let EventKind::SessionClosed { session_id, reason, by, at_text, note, .. } = &event.kind {
            if *session_id == mine {
                let (by, at_text, note) = (by.clone(), at_text.clone(), note.clone());
                self.ended.set(Some(Ending { reason: *reason, by, at_text, note }));
            }
        }
        if let EventKind::ReturnedHome { session_id, from } = &event.kind {
            if *session_id == mine {
                self.returned.set(Some(from.clone()));
            }
        }
        if let EventKind::SubstitutionEnded { session_id, absent, why } = &event.kind {
            if *session_id == mine {
                self.mode_ended.set(Some((absent.clone(), *why)));
                // Everything on the page was the absent user's: read it all again as one's own.
                for topic in Topic::ALL {
                    self.bump(*topic);
                }
            }
        }
        for topic in event.topics() {
            self.bump(topic);
        }
        self.last.set(Some(event));
    }
}

pub fn use_live() -> Live {
    expect_context::<Live>()
}

/// Provides the live state and, in the browser, opens the stream once the user is known.
pub fn provide_live() {
    let live = Live::new();
    provide_context(live);
    #[cfg(feature = "hydrate")]
    {
        let me = crate::page_context::use_me();
        let started = StoredValue::new(false);
        // After hydration: an event that arrived before would change what the page shows
        // under the markup hydration takes as it is (ui::BrowserData says more).
        Effect::new(move |_| {
            if !crate::ui::hydrated() {
                return;
            }
            if let Some(Ok(me)) = me.get() {
                if !me.must_change_password && !started.get_value() {
                    started.set_value(true);
                    browser::connect(live, me.session_id);
                }
            }
        });
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::Live;
    use domain::events::{EndReason, LiveEvent};
    use leptos::prelude::*;
    use wasm_bindgen::prelude::*;
    use web_sys::{EventSource, MessageEvent};

    /// Opens the stream; the browser re-connects by itself (sending Last-Event-ID) unless the
    /// server refuses, which means the session is gone.
    pub fn connect(live: Live, mine: i64) {
        let Ok(source) = EventSource::new("/events") else {
            return;
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            let Some(data) = ev.data().as_string() else { return };
            match serde_json::from_str::<LiveEvent>(&data) {
                Ok(event) => live.receive(event, mine),
                Err(e) => leptos::logging::warn!("unreadable live event: {e}"),
            }
        });
        source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();

        let on_open = Closure::<dyn FnMut()>::new(move || live.connected.set(true));
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        on_open.forget();

        let watched = source.clone();
        let on_error = Closure::<dyn FnMut()>::new(move || {
            live.connected.set(false);
            if watched.ready_state() == EventSource::CLOSED && live.ended.get_untracked().is_none() {
                // Refused: find out whether the session still exists.
                leptos::task::spawn_local(async move {
                    match crate::auth::api::whoami().await {
                        Err(crate::error::AppError::Unauthenticated) => {
                            live.ended.set(Some(super::Ending::from(EndReason::Ended)))
                        }
                        _ => {
                            gloo_timers_sleep(3000).await;
                            connect(live, mine);
                        }
                    }
                });
            }
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();

        // Stop listening once the session has ended.
        Effect::new(move |_| {
            if live.ended.get().is_some() {
                source.close();
            }
        });
    }

    async fn gloo_timers_sleep(ms: i32) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
