//! The browser entry: hydrates the server-rendered page once the page's own piece of the
//! bundle is loaded (its routes are lazy: docs/ARCHITECTURE.md "The browser bundle").

// Deeply nested views (the user card) need more than the default in release builds.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let Some(body) = leptos::prelude::document().body() else { return };
        let mounted = leptos::mount::hydrate_from_async(body.clone(), app::App).await;
        mounted.forget();
        app::ui::mark_hydrated();
        // Tells end-to-end tests (and anyone curious) that the page now reacts to input.
        let _ = body.set_attribute("data-hydrated", "true");
    });
}
