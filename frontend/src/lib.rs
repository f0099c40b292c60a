//! The browser entry: hydrates the server-rendered page.

// Deeply nested views (the user card) need more than the default in release builds.
#![recursion_limit = "512"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // Tells end-to-end tests (and anyone curious) that the page now reacts to input.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
