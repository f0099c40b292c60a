//! The one error type of every server function and route. Users see a translated message
//! (per field where it applies); internal detail goes to the log under a reference number.

use crate::i18n::{Lang, Text};
use crate::texts::{CommonT, Msg};
use serde::{Deserialize, Serialize};

/// A translatable message with its named arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub key: Msg,
    pub args: Vec<(String, String)>,
}

impl Message {
    pub fn new(key: impl Into<Msg>) -> Self {
        Message { key: key.into(), args: Vec::new() }
    }

    /// Adds a named argument; a long one is cut, so that no message repeats a whole input.
    pub fn arg(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_string(), clip(&value.to_string())));
        self
    }

    pub fn render(&self, lang: Lang) -> String {
        crate::i18n::fill_in(lang, self.key.text(lang), &self.args)
    }
}

/// A problem with one field of a form: `field` is the form field's name, `label` its caption.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub label: Msg,
    pub problem: Message,
}

impl FieldError {
    pub fn render(&self, lang: Lang) -> String {
        format!("{}: {}", self.label.text(lang), self.problem.render(lang))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("the password must be changed first")]
    PasswordChangeRequired,
    #[error("forbidden")]
    Forbidden,
    #[error("cross-origin request refused")]
    CrossOrigin,
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    #[error("refused: {0:?}")]
    Refused(Message),
    #[error("stale version")]
    Stale,
    #[error("throttled for {seconds} s")]
    Throttled { seconds: u64 },
    #[error("bad request: {0}")]
    Request(String),
    /// The request's body is over the limit (in KiB).
    #[error("request too large")]
    TooLarge { max_kib: u64 },
    #[error("internal error, reference {reference}")]
    Internal { reference: String },
    /// Only in the browser: the server could not be reached.
    #[error("server unreachable: {0}")]
    Unreachable(String),
}

impl AppError {
    pub fn refused(key: impl Into<Msg>) -> Self {
        AppError::Refused(Message::new(key))
    }

    /// A problem with one field.
    pub fn invalid(field: &str, label: impl Into<Msg>, problem: Message) -> Self {
        AppError::Invalid(vec![FieldError { field: field.to_string(), label: label.into(), problem }])
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::PasswordChangeRequired | AppError::Forbidden | AppError::CrossOrigin => 403,
            AppError::NotFound => 404,
            AppError::Refused(_) | AppError::Stale => 409,
            AppError::Invalid(_) => 422,
            AppError::Throttled { .. } => 429,
            AppError::Request(_) => 400,
            AppError::TooLarge { .. } => 413,
            AppError::Internal { .. } => 500,
            AppError::Unreachable(_) => 503,
        }
    }

    /// The field errors, if this is a validation error.
    pub fn fields(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(fields) => fields,
            _ => &[],
        }
    }

    /// The problem with one field, if any.
    pub fn field(&self, name: &str) -> Option<&FieldError> {
        self.fields().iter().find(|f| f.field == name)
    }

    /// One line for the user, in their language.
    pub fn render(&self, lang: Lang) -> String {
        let common = |t: CommonT| t.text(lang).to_string();
        match self {
            AppError::Unauthenticated => common(CommonT::ErrUnauthenticated),
            AppError::PasswordChangeRequired => common(CommonT::ErrPasswordChangeRequired),
            AppError::Forbidden => common(CommonT::ErrForbidden),
            AppError::CrossOrigin => common(CommonT::ErrCrossOrigin),
            AppError::NotFound => common(CommonT::ErrNotFound),
            AppError::Invalid(fields) => match fields.as_slice() {
                [one] => one.render(lang),
                _ => common(CommonT::ErrInvalid),
            },
            AppError::Refused(message) => message.render(lang),
            AppError::Stale => common(CommonT::ErrStale),
            AppError::Throttled { seconds } => {
                Message::new(CommonT::ErrThrottled).arg("seconds", seconds).render(lang)
            }
            AppError::Request(detail) => Message::new(CommonT::ErrRequest).arg("detail", detail).render(lang),
            AppError::Internal { reference } => {
                Message::new(CommonT::ErrInternal).arg("reference", reference).render(lang)
            }
            AppError::Unreachable(_) => common(CommonT::ErrUnreachable),
            AppError::TooLarge { max_kib } => {
                Message::new(CommonT::ErrTooLarge).arg("max", max_kib).render(lang)
            }
        }
    }
}

/// The longest argument or detail a message carries (issue 13: a 600 kB input came back whole).
pub const DETAIL_MAX: usize = 200;

/// The start of a text, marked when cut.
pub fn clip(text: &str) -> String {
    if text.chars().count() <= DETAIL_MAX {
        return text.to_string();
    }
    let mut clipped: String = text.chars().take(DETAIL_MAX).collect();
    clipped.push('…');
    clipped
}

/// The error as server functions carry it (feature `server-fn`, enabled by the app crate).
#[cfg(feature = "server-fn")]
mod wire {
    use super::{clip, AppError};
    use server_fn::codec::JsonEncoding;
    use server_fn::error::{FromServerFnError, ServerFnErrorErr};

    impl FromServerFnError for AppError {
        type Encoder = JsonEncoding;

        fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
            match value {
                ServerFnErrorErr::Args(detail)
                | ServerFnErrorErr::MissingArg(detail)
                | ServerFnErrorErr::Deserialization(detail)
                | ServerFnErrorErr::UnsupportedRequestMethod(detail) => AppError::Request(clip(&detail)),
                ServerFnErrorErr::Registration(detail) => AppError::Request(clip(&detail)),
                ServerFnErrorErr::Request(detail) => AppError::Unreachable(clip(&detail)),
                other => AppError::Internal { reference: clip(&other.to_string()) },
            }
        }
    }
}

/// Collects field errors of one form; nothing is written unless it finishes empty.
#[derive(Default, Debug)]
pub struct Checks(Vec<FieldError>);

impl Checks {
    pub fn new() -> Self {
        Checks::default()
    }

    pub fn add(&mut self, field: &str, label: impl Into<Msg>, problem: Message) {
        self.0.push(FieldError { field: field.to_string(), label: label.into(), problem });
    }

    pub fn has(&self, field: &str) -> bool {
        self.0.iter().any(|f| f.field == field)
    }

    pub fn finish(self) -> Result<(), AppError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.0))
        }
    }
}

/// Logging an internal failure and converting database errors (feature `server`, enabled by
/// the core crate): the only places the domain touches the server's libraries.
#[cfg(feature = "server")]
mod server {
    use super::AppError;

    impl AppError {
        /// Logs an unexpected failure and gives the user only a reference to it.
        pub fn internal(context: &str, detail: impl std::fmt::Display) -> AppError {
            use rand::Rng;
            let reference = format!("{:08x}", rand::thread_rng().gen::<u32>());
            tracing::error!(%reference, "{context}: {detail}");
            AppError::Internal { reference }
        }
    }

    impl From<sqlx::Error> for AppError {
        fn from(e: sqlx::Error) -> Self {
            AppError::internal("database", e)
        }
    }

    impl From<sqlx::migrate::MigrateError> for AppError {
        fn from(e: sqlx::migrate::MigrateError) -> Self {
            AppError::internal("migration", e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_name_the_field_in_every_language() {
        let mut checks = Checks::new();
        checks.add("login", crate::texts::auth::AuthT::Login, Message::new(CommonT::FieldRequired));
        let err = checks.finish().unwrap_err();
        assert_eq!(err.status(), 422);
        assert_eq!(err.render(Lang::En), "Login: is required.");
        assert_eq!(err.render(Lang::Pl), "Login: jest wymagane.");
        assert!(err.field("login").is_some());
        assert!(err.field("password").is_none());
    }
}
