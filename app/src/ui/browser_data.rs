//! Data a component loads in the browser only, after hydration: never part of the page the
//! server renders. On the server it is simply absent — it does not even exist as a pending
//! resource: a pending `LocalResource` read under a `<Suspense>` holds a task there that is
//! only dropped when the request's owner is cleaned up, and that wakes the boundary to walk
//! views that are already disposed (issue 13: the "already disposed" panics in the log).
//!
//! In the browser it waits for the end of hydration: pages hydrate asynchronously (their code
//! is fetched first), and a value that arrived meanwhile would not match the server's markup,
//! which hydration takes as it is.

use leptos::prelude::*;
use std::future::Future;

thread_local! {
    static HYDRATED: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Whether the page has been hydrated (tracked).
pub fn hydrated() -> bool {
    HYDRATED.with(|h| h.get())
}

/// Called by the browser entry once the page is hydrated.
pub fn mark_hydrated() {
    HYDRATED.with(|h| h.set(true));
}

/// Waits until the page is hydrated.
#[cfg(feature = "hydrate")]
pub async fn until_hydrated() {
    while !HYDRATED.with(|h| h.get_untracked()) {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

/// A `LocalResource` in the browser; nothing on the server (every read answers `None`).
pub struct BrowserData<T: 'static> {
    #[cfg(not(feature = "ssr"))]
    inner: LocalResource<T>,
    #[cfg(feature = "ssr")]
    _none: std::marker::PhantomData<fn() -> T>,
}

impl<T: 'static> Clone for BrowserData<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for BrowserData<T> {}

impl<T: Clone + 'static> BrowserData<T> {
    /// Fetches with `fetcher` in the browser once the page is hydrated, again whenever what it
    /// reads changes.
    #[allow(unused_variables)]
    pub fn new<Fut: Future<Output = T> + 'static>(fetcher: impl Fn() -> Fut + 'static) -> Self {
        BrowserData {
            #[cfg(not(feature = "ssr"))]
            inner: LocalResource::new(move || {
                let fut = fetcher();
                async move {
                    #[cfg(feature = "hydrate")]
                    until_hydrated().await;
                    fut.await
                }
            }),
            #[cfg(feature = "ssr")]
            _none: std::marker::PhantomData,
        }
    }

    /// The data once loaded, tracked.
    pub fn get(&self) -> Option<T> {
        #[cfg(not(feature = "ssr"))]
        return self.inner.try_get().flatten();
        #[cfg(feature = "ssr")]
        None
    }

    /// The data once loaded, not tracked.
    pub fn get_untracked(&self) -> Option<T> {
        #[cfg(not(feature = "ssr"))]
        return self.inner.try_get_untracked().flatten();
        #[cfg(feature = "ssr")]
        None
    }

    /// Loads again.
    pub fn refetch(&self) {
        #[cfg(not(feature = "ssr"))]
        self.inner.refetch();
    }
}
