//! Typed ids of the things authorization reasons about (docs/ARCHITECTURE.md "Layers"): an
//! account's id cannot be passed where a user's is expected. Each is a number on the wire (serde
//! transparent) and in the database (feature `server`: bound and decoded as a BIGINT on both
//! backends).

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        #[derive(serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(i64);

        impl $name {
            pub const fn new(id: i64) -> Self {
                Self(id)
            }

            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        #[cfg(feature = "server")]
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <i64 as sqlx::Type<sqlx::Any>>::type_info()
            }

            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <i64 as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        #[cfg(feature = "server")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                <i64 as sqlx::Encode<'q, sqlx::Any>>::encode_by_ref(&self.0, buf)
            }
        }

        #[cfg(feature = "server")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                <i64 as sqlx::Decode<'r, sqlx::Any>>::decode(value).map(Self)
            }
        }
    )*};
}

ids! {
    /// A customer account: the main account or one of its sub-accounts.
    AccountId,
    /// A user of the console or of the business applications.
    UserId,
    /// A signed-in session, the console's or an application's.
    SessionId,
    /// An organizational unit.
    UnitId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_a_plain_number_on_the_wire() {
        let json = serde_json::to_string(&(AccountId::new(7), UserId::new(-3))).unwrap();
        assert_eq!(json, "[7,-3]");
        let back: (SessionId, UnitId) = serde_json::from_str("[12,40]").unwrap();
        assert_eq!((back.0.get(), back.1.get()), (12, 40));
        assert_eq!(UserId::new(5).to_string(), "5");
    }
}
