//! `GET /healthz`: public; the program version and the database's state.

use app::guard::AppState;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use klucznik_core::guard::public_route;
use klucznik_core::store::PROGRAM_VERSION;
use serde_json::{json, Value};

/// 200 while the database answers, 503 (with the same body shape) when it does not.
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Value>) {
    let store = public_route(&state, "/healthz");
    let (status, db_state) = match store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::warn!("health check: database unavailable: {e}");
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        }
    };
    let body = json!({
        "status": if status == StatusCode::OK { "ok" } else { "degraded" },
        "version": PROGRAM_VERSION,
        "database": {
            "backend": store.backend().name(),
            "state": db_state,
            "schema_version": store.schema_version(),
        },
    });
    (status, Json(body))
}
