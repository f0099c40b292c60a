//! Files in the browser: offering text as a download, reading a chosen file.

/// Offers `content` to the user as a file named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
        let document = leptos::prelude::document();
        if let Some(link) =
            document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        {
            link.set_href(&url);
            link.set_download(name);
            link.click();
        }
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (name, mime, content);
}

/// The text of the file chosen in the file input with this id, if any.
pub async fn read_chosen(input_id: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let input = leptos::prelude::document()
            .get_element_by_id(input_id)?
            .dyn_into::<web_sys::HtmlInputElement>()
            .ok()?;
        let file = input.files()?.get(0)?;
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.ok()?;
        text.as_string()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = input_id;
        None
    }
}
