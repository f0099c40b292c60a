//! Server functions of list views.

use crate::error::AppError;
use domain::views::ListView;
use leptos::prelude::*;

/// The caller's saved view of a list, if any. **Permissions:** self-service (one's own view).
#[server(prefix = "/api", endpoint = "views/get")]
pub async fn get_view(list: String) -> Result<Option<ListView>, AppError> {
    let ctx = crate::guard::authorize_listed::<GetView>().await?;
    klucznik_core::views::service::get_view(&ctx, list).await
}

/// Saves the caller's view of a list. **Permissions:** the list's module / Edit view.
#[server(prefix = "/api", endpoint = "views/save", input = server_fn::codec::Json)]
pub async fn save_view(list: String, view: ListView) -> Result<(), AppError> {
    use crate::catalogue::Op;
    use crate::guard::{authorize, Need};
    let spec = domain::views::spec(&list).ok_or(AppError::NotFound)?;
    let ctx = authorize(Need::Op(spec.module, Op::EditView)).await?;
    klucznik_core::views::service::save_view(&ctx, &spec, view).await
}
