//! Security and caching headers on every answer (issue 13). Pages carry their own
//! Content-Security-Policy with the nonce of their inline scripts (`shell::csp`); everything
//! else gets one that allows nothing. Static files with hashed names are cached for a year,
//! everything else is not stored.

use http::header::{self, HeaderMap, HeaderName, HeaderValue};

/// The policy of answers that are not pages: nothing may run, nothing may frame them.
const NO_CONTENT_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/// The policy of a page whose inline scripts carry `nonce`: the bundle from this origin, the
/// WebAssembly it compiles, no inline styles, no framing.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}

/// Whether a static file's name carries the hash of its content (`klucznik.<22 chars>.css`).
/// The bundle's entry (`klucznik.*.js`, `klucznik.*.wasm`) and the loader of its pieces are
/// hashed before the loader's own name is written into them, so their content may change under
/// the same name: they are revalidated instead (cargo-leptos with `--split`).
fn hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let entry = (name.starts_with("klucznik.") && (name.ends_with(".js") || name.contains(".wasm")))
        || name.starts_with("__wasm_split");
    !entry
        && name.split('.').any(|part| {
            part.len() == 22 && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

fn set_default(headers: &mut HeaderMap, name: HeaderName, value: &'static str) {
    if !headers.contains_key(&name) {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

/// Adds the headers every answer carries; `tls` when the client came over TLS.
pub fn secure(path: &str, headers: &mut HeaderMap, tls: bool) {
    set_default(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set_default(headers, header::X_FRAME_OPTIONS, "DENY");
    set_default(headers, header::REFERRER_POLICY, "same-origin");
    set_default(headers, header::CONTENT_SECURITY_POLICY, NO_CONTENT_POLICY);
    set_default(headers, HeaderName::from_static("cross-origin-opener-policy"), "same-origin");
    if tls {
        set_default(headers, header::STRICT_TRANSPORT_SECURITY, "max-age=31536000");
    }
    let cache = if path.starts_with("/pkg/") {
        if hashed(path) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }
    } else if path == "/favicon.svg" {
        "public, max-age=86400"
    } else {
        "no-store"
    };
    set_default(headers, header::CACHE_CONTROL, cache);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_files_are_cached_for_a_year_and_pages_not_at_all() {
        let mut h = HeaderMap::new();
        secure("/pkg/split___users_route_view_1234.Ab3dEf7hIj0lMn8pQr2tUv.wasm", &mut h, false);
        assert_eq!(h[header::CACHE_CONTROL], "public, max-age=31536000, immutable");
        for entry in
            ["/pkg/klucznik.Ab3dEf7hIj0lMn8pQr2tUv.wasm", "/pkg/__wasm_split.Ab3dEf7hIj0lMn8pQr2tUv.js"]
        {
            let mut h = HeaderMap::new();
            secure(entry, &mut h, false);
            assert_eq!(h[header::CACHE_CONTROL], "no-cache", "{entry}");
        }
        let mut h = HeaderMap::new();
        secure("/pkg/klucznik.wasm", &mut h, false);
        assert_eq!(h[header::CACHE_CONTROL], "no-cache");
        let mut h = HeaderMap::new();
        secure("/users", &mut h, true);
        assert_eq!(h[header::CACHE_CONTROL], "no-store");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
        assert!(h.contains_key(header::STRICT_TRANSPORT_SECURITY));
        let mut h = HeaderMap::new();
        secure("/users", &mut h, false);
        assert!(!h.contains_key(header::STRICT_TRANSPORT_SECURITY), "no HSTS over plain HTTP");
    }

    #[test]
    fn a_page_keeps_its_own_policy() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_str(&page_policy("abc")).unwrap());
        secure("/", &mut h, false);
        assert!(h[header::CONTENT_SECURITY_POLICY].to_str().unwrap().contains("'nonce-abc'"));
        assert!(!page_policy("abc").contains("unsafe-inline"));
    }
}
