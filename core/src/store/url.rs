//! Which database a URL names, and how to show it without its password.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A database URL the store accepts: `sqlite:PATH`, `sqlite://PATH`, a bare file path, or
/// `postgres://…` / `postgresql://…`.
#[derive(Clone, PartialEq, Eq)]
pub struct DbUrl {
    pub backend: Backend,
    /// The URL as sqlx's `Any` driver wants it.
    url: String,
}

impl DbUrl {
    pub fn parse(input: &str) -> Result<DbUrl, String> {
        let input = input.trim();
        if input.is_empty() {
            return Err("the database URL is empty; give sqlite:FILE or postgres://…".into());
        }
        if input.starts_with("postgres://") || input.starts_with("postgresql://") {
            return Ok(DbUrl { backend: Backend::Postgres, url: input.to_string() });
        }
        let path = if let Some(rest) = input.strip_prefix("sqlite:") {
            rest.strip_prefix("//").unwrap_or(rest)
        } else if input.contains("://") {
            let scheme = input.split("://").next().unwrap_or_default();
            return Err(format!(
                "unsupported database \"{scheme}\"; use sqlite:FILE or postgres://USER@HOST/DB"
            ));
        } else {
            input
        };
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        if path.is_empty() || path == ":memory:" {
            return Err("give the SQLite database a file path (an in-memory database is not kept)".into());
        }
        let mut params: Vec<&str> = query.split('&').filter(|p| !p.is_empty()).collect();
        if !params.iter().any(|p| p.starts_with("mode=")) {
            params.push("mode=rwc");
        }
        Ok(DbUrl { backend: Backend::Sqlite, url: format!("sqlite://{path}?{}", params.join("&")) })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The SQLite file path, for messages.
    pub fn sqlite_path(&self) -> Option<&str> {
        let rest = self.url.strip_prefix("sqlite://")?;
        Some(rest.split('?').next().unwrap_or(rest))
    }
}

/// Shows the URL with any password replaced by `***`.
impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = self.sqlite_path() {
            return write!(f, "sqlite:{path}");
        }
        let (scheme, rest) = self.url.split_once("://").unwrap_or(("", &self.url));
        match rest.split_once('@') {
            Some((credentials, host)) => {
                let user = credentials.split(':').next().unwrap_or_default();
                let masked = if credentials.contains(':') { ":***" } else { "" };
                write!(f, "{scheme}://{user}{masked}@{host}")
            }
            None => write!(f, "{}", self.url),
        }
    }
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DbUrl({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_forms_are_accepted_and_created_if_missing() {
        for input in ["klucznik.db", "sqlite:klucznik.db", "sqlite://klucznik.db"] {
            let url = DbUrl::parse(input).unwrap();
            assert_eq!(url.backend, Backend::Sqlite);
            assert_eq!(url.as_str(), "sqlite://klucznik.db?mode=rwc", "{input}");
        }
        let ro = DbUrl::parse("sqlite:/var/k.db?mode=ro").unwrap();
        assert_eq!(ro.as_str(), "sqlite:///var/k.db?mode=ro");
        assert_eq!(ro.sqlite_path(), Some("/var/k.db"));
    }

    #[test]
    fn postgres_urls_are_shown_without_their_password() {
        let url = DbUrl::parse("postgres://klucznik:s3cret@db.local:5432/k").unwrap();
        assert_eq!(url.backend, Backend::Postgres);
        assert_eq!(url.to_string(), "postgres://klucznik:***@db.local:5432/k");
        assert!(!format!("{url:?}").contains("s3cret"));
    }

    #[test]
    fn other_databases_are_refused_with_a_hint() {
        let err = DbUrl::parse("mysql://root@localhost/k").unwrap_err();
        assert!(err.contains("unsupported database \"mysql\""), "{err}");
        assert!(DbUrl::parse("").is_err());
        assert!(DbUrl::parse("sqlite::memory:").is_err());
    }
}
