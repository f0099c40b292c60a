//! Decoding rows with `sqlx::FromRow` on both backends. Booleans are BOOLEAN on PostgreSQL and
//! INTEGER 0/1 on SQLite, and the `Any` driver hands the latter over as an integer
//! (docs/ARCHITECTURE.md "Storage"): a `bool` field of a record is read through `Flag` with
//! `#[sqlx(try_from = "Flag")]`.

use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::error::BoxDynError;
use sqlx::{Any, Decode, Type};

/// A boolean column as either backend stores it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(pub bool);

impl Type<Any> for Flag {
    fn type_info() -> AnyTypeInfo {
        <bool as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <bool as Type<Any>>::compatible(ty) || <i64 as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        match <bool as Decode<Any>>::decode(value.clone()) {
            Ok(b) => Ok(Flag(b)),
            Err(_) => <i64 as Decode<Any>>::decode(value).map(|v| Flag(v != 0)),
        }
    }
}

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}

/// A column that is NULL only where the query does not read it (a left join that found
/// nothing): NULL where it is read fails as `Row::try_get` does.
pub fn non_null<T>(value: Option<T>, column: &str) -> Result<T, sqlx::Error> {
    value.ok_or_else(|| sqlx::Error::ColumnDecode {
        index: format!("{column:?}"),
        source: Box::new(sqlx::error::UnexpectedNullError),
    })
}
