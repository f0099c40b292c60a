//! Pieces of the sessions pages: how a session closed, in words, and the exports with progress.

use crate::i18n::{fill, use_i18n};
use domain::sessions::admin::SessionQuery;
use domain::sessions::SessionT;
use leptos::prelude::*;

/// The words for a stored end reason.
pub fn reason_text(key: &str) -> SessionT {
    match key {
        "logout" => SessionT::ReasonLogout,
        "expired" => SessionT::ReasonExpired,
        "password_changed" => SessionT::ReasonPasswordChanged,
        "replaced" => SessionT::ReasonReplaced,
        _ => SessionT::ReasonEnded,
    }
}

/// The export URL of exactly what `query` shows.
fn export_url(query: &SessionQuery, format: &str) -> String {
    let enc = crate::list::url_encode;
    format!(
        "/sessions/export?format={format}&state={}&search={}&from={}&to={}&sort={:?}&desc={}",
        query.state.key(),
        enc(&query.search),
        enc(&query.from),
        enc(&query.to),
        query.sort,
        query.descending
    )
}

/// Progress of a running export: rows (CSV) or kilobytes (workbook) received so far.
#[derive(Clone, Copy, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
enum Progress {
    Idle,
    Rows(usize),
    Kilobytes(usize),
    Done(usize),
    Failed,
}

#[component]
pub fn Export(query: Signal<SessionQuery>, total: Signal<u64>) -> impl IntoView {
    let i18n = use_i18n();
    let progress = RwSignal::new(Progress::Idle);
    let start = move |format: &'static str| {
        let url = export_url(&query.get_untracked(), format);
        progress.set(if format == "csv" { Progress::Rows(0) } else { Progress::Kilobytes(0) });
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let rows = total.get_untracked() as usize;
            match browser::fetch(&url, format, progress).await {
                Some(()) => progress.set(Progress::Done(rows)),
                None => progress.set(Progress::Failed),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (url, total);
    };
    let busy = move || matches!(progress.get(), Progress::Rows(_) | Progress::Kilobytes(_));
    let text = move || match progress.get() {
        Progress::Idle => None,
        Progress::Rows(n) => Some(fill(i18n.t(SessionT::Exporting), &[("rows".into(), n.to_string())])),
        Progress::Kilobytes(n) => {
            Some(fill(i18n.t(SessionT::ExportingBytes), &[("kb".into(), n.to_string())]))
        }
        Progress::Done(n) => Some(fill(i18n.t(SessionT::Exported), &[("rows".into(), n.to_string())])),
        Progress::Failed => Some(i18n.t(crate::i18n::CommonT::ErrUnreachable).to_string()),
    };
    view! {
        <button type="button" class="secondary" disabled=busy on:click=move |_| start("csv")>{move || i18n.t(SessionT::ExportCsv)}</button>
        <button type="button" class="secondary" disabled=busy on:click=move |_| start("xlsx")>{move || i18n.t(SessionT::ExportXlsx)}</button>
        <p role="status" class="status-note" aria-live="polite">{text}</p>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use crate::sessions::table::Progress;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// Downloads `url` chunk by chunk, reporting progress, then offers it as a file.
    pub async fn fetch(url: &str, format: &str, progress: RwSignal<Progress>) -> Option<()> {
        let window = web_sys::window()?;
        let response: web_sys::Response =
            JsFuture::from(window.fetch_with_str(url)).await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let name = response
            .headers()
            .get("content-disposition")
            .ok()
            .flatten()
            .and_then(|d| d.split("filename=\"").nth(1).map(|n| n.trim_end_matches('"').to_string()))
            .unwrap_or_else(|| format!("sessions.{format}"));
        let mime = response.headers().get("content-type").ok().flatten().unwrap_or_default();
        let reader: web_sys::ReadableStreamDefaultReader = response.body()?.get_reader().dyn_into().ok()?;
        let chunks = js_sys::Array::new();
        let (mut bytes, mut lines) = (0usize, 0usize);
        loop {
            let step = JsFuture::from(reader.read()).await.ok()?;
            let done = js_sys::Reflect::get(&step, &"done".into()).ok()?.as_bool().unwrap_or(true);
            if done {
                break;
            }
            let chunk: js_sys::Uint8Array =
                js_sys::Reflect::get(&step, &"value".into()).ok()?.dyn_into().ok()?;
            bytes += chunk.length() as usize;
            if format == "csv" {
                lines += chunk.to_vec().iter().filter(|b| **b == b'\n').count();
                progress.set(Progress::Rows(lines.saturating_sub(1)));
            } else {
                progress.set(Progress::Kilobytes(bytes / 1024));
            }
            chunks.push(&chunk);
        }
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(&mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&chunks, &options).ok()?;
        let href = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let link: web_sys::HtmlAnchorElement = document().create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&href);
        link.set_download(&name);
        link.click();
        let _ = web_sys::Url::revoke_object_url(&href);
        Some(())
    }
}
