//! The error as it crosses the wire between the browser and the server: the domain's error type
//! with the server-function conversion this crate enables (docs/ARCHITECTURE.md "Layers").

#[cfg(test)]
mod tests {
    use crate::error::AppError;
    use crate::i18n::Lang;
    use server_fn::error::{FromServerFnError, ServerFnErrorErr};

    #[test]
    fn errors_survive_the_wire() {
        let err = AppError::Throttled { seconds: 8 };
        let bytes = err.ser();
        assert_eq!(AppError::de(bytes), err);
        assert_eq!(err.render(Lang::Cs), "Příliš mnoho neúspěšných pokusů. Zkuste to znovu za 8 s.");
    }

    #[test]
    fn malformed_requests_are_client_errors_not_server_errors() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args("missing field".into()));
        assert_eq!(err.status(), 400);
    }
}
