//! Two rules of docs/ARCHITECTURE.md checked on the source: the core decodes rows with
//! `FromRow` records (not column by column), and the app crate hands on nothing of the core.

use crate::layers::{rust_files, workspace};

/// Every row of the core is decoded by `FromRow` (a record, a tuple or a scalar); the one
/// `try_get` left reads a message's texts one by one so that an unreadable text fails that
/// message only (core/src/mail/worker.rs).
#[test]
fn the_core_decodes_rows_with_records_not_column_by_column() {
    let mut files = Vec::new();
    rust_files(&workspace().join("core").join("src"), &mut files);
    let (mut records, mut column_reads) = (0, Vec::new());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        records += text.lines().filter(|l| l.contains("#[derive(") && l.contains("FromRow")).count();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(".try_get") || code.contains("store::flag") {
                column_reads.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(records >= 20, "records decoded with FromRow: {records}");
    assert_eq!(column_reads.len(), 1, "columns read one by one: {column_reads:?}");
    assert!(column_reads[0].contains("mail"), "{column_reads:?}");
}

/// Server crate and tests name core items by the crate that owns them: the app's faces re-export
/// only the domain's records, never a core module.
#[test]
fn the_app_crate_re_exports_nothing_of_the_core() {
    let mut files = Vec::new();
    rust_files(&workspace().join("app").join("src"), &mut files);
    assert!(files.len() > 50, "the app's files were found: {}", files.len());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let line = text.lines().find(|l| l.trim_start().starts_with("pub use klucznik_core"));
        assert!(line.is_none(), "{} re-exports the core: {line:?}", file.display());
    }
}

/// The repositories of the core, each with the area (top module) that owns it.
fn repositories() -> Vec<(String, String, String)> {
    let src = workspace().join("core").join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut out = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let is_repo = rel.ends_with("repo.rs") || rel.contains("/repo/");
        let Some(area) = rel.split('/').next().filter(|_| is_repo && rel.contains('/')) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        out.push((rel.clone(), area.to_string(), text));
    }
    out
}

/// The module paths a line of code names after `crate::`, split into their parts (`use
/// crate::notices::{repo::send, Notice}` names `notices`, `repo`, `send`, `Notice`).
fn crate_paths(code: &str) -> Vec<Vec<&str>> {
    code.match_indices("crate::")
        .map(|(i, _)| {
            let rest = &code[i + "crate::".len()..];
            let end =
                rest.find(|c: char| !(c.is_alphanumeric() || "_:{}, ".contains(c))).unwrap_or(rest.len());
            rest[..end].split(|c: char| ":{}, ".contains(c)).filter(|p| !p.is_empty()).collect()
        })
        .collect()
}

/// Repositories hold SQL only and never call each other (docs/ARCHITECTURE.md "Layers"): the
/// checks across areas (a unit or person inside a user's save), the account's password policy,
/// ending sessions and the audit record are the services' steps.
#[test]
fn repositories_never_call_other_areas_repositories() {
    let repos = repositories();
    assert!(repos.len() >= 15, "the repositories were found: {}", repos.len());
    let mut calls = Vec::new();
    for (rel, area, text) in &repos {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let other = crate_paths(code).iter().any(|parts| {
                parts.first().is_some_and(|target| target != area) && parts[1..].contains(&"repo")
            });
            if other {
                calls.push(format!("{rel}:{}", n + 1));
            }
        }
    }
    assert!(calls.is_empty(), "a repository calls another area's repository: {calls:#?}");
}

/// A repository calls no use case either: not the fill of a new database, not a service, not
/// the rules of an area (a sub-account's repository used to create the account's roles through
/// the first start's module).
#[test]
fn repositories_call_no_use_case() {
    const USE_CASES: [&str; 18] = [
        "service",
        "ending",
        "applying",
        "saving",
        "listing",
        "editing",
        "members",
        "outrank",
        "snapshots",
        "resolve",
        "login",
        "app_sign_in",
        "password_change",
        "giving",
        "reach",
        "file",
        "bootstrap",
        "demo",
    ];
    let mut calls = Vec::new();
    for (rel, _, text) in repositories() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let named = crate_paths(code).iter().any(|p| {
                matches!(p.first(), Some(&"setup") | Some(&"operator"))
                    || p.get(1).is_some_and(|m| USE_CASES.contains(m))
            });
            if named {
                calls.push(format!("{rel}:{}", n + 1));
            }
        }
    }
    assert!(calls.is_empty(), "repositories calling use cases: {calls:#?}");
}

/// The checker above sees every form of naming another area's repository.
#[test]
fn the_repository_checker_sees_every_form_of_a_path() {
    let hits = |code: &str| {
        crate_paths(code).iter().any(|p| p.first() != Some(&"users") && p[1..].contains(&"repo"))
    };
    assert!(hits("use crate::notices::{repo::name_of, repo::send, Notice};"));
    assert!(hits("crate::units::repo::list(&mut *tx, account).await?"));
    assert!(hits("use crate::rights::repo as rights_store;"));
    assert!(!hits("crate::users::repo::get(store, 1)"));
    assert!(!hits("crate::units::path(&all, u)"));
}

/// The audit record of a change is written by the use case that made it, never by a
/// repository.
#[test]
fn repositories_write_no_audit_records() {
    let mut writes = Vec::new();
    for (rel, _, text) in repositories() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if crate_paths(code).iter().any(|p| p.first() == Some(&"audit")) || code.contains("audit::record")
            {
                writes.push(format!("{rel}:{}", n + 1));
            }
        }
    }
    assert!(writes.is_empty(), "repositories that write audit records: {writes:#?}");
}

/// A repository is given ids and values, never the authorized context, and hashes nothing:
/// the service reads `Ctx` and runs argon2 before its transaction, so the database's writer is
/// not held while a password is hashed.
#[test]
fn repositories_take_no_context_and_hash_nothing() {
    let mut found = Vec::new();
    for (rel, _, text) in repositories() {
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let words: Vec<&str> = code.split(|c: char| !(c.is_alphanumeric() || c == '_')).collect();
            if words.iter().any(|w| ["Ctx", "PublicCtx", "hasher"].contains(w)) {
                found.push(format!("{rel}:{}", n + 1));
            }
        }
    }
    assert!(found.is_empty(), "repositories given the context or hashing: {found:#?}");
}

/// The core is built for the server only, so nothing forces an import into a function body
/// (the issue counted 84 such lines dodging unused-import warnings across the old crate): an
/// import of our own crates sits at the top of its file, where a reader looks for it.
#[test]
fn the_core_imports_its_own_modules_at_the_top_of_a_file() {
    let mut files = Vec::new();
    rust_files(&workspace().join("core").join("src"), &mut files);
    let mut inside = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let trimmed = line.trim_start();
            let ours = ["use crate::", "use super::", "use domain::"].iter().any(|u| trimmed.starts_with(u));
            let indent = line.len() - trimmed.len();
            if !ours || indent == 0 {
                continue;
            }
            // The nearest line above with less indentation opens what holds the import.
            let opener = lines[..n]
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty() && l.len() - l.trim_start().len() < indent)
                .copied()
                .unwrap_or("");
            let is_fn = opener.split(|c: char| !c.is_alphanumeric()).any(|w| w == "fn");
            let is_module = opener.trim_start().starts_with("mod ") || opener.contains(" mod ");
            if is_fn || !is_module && !opener.trim_start().starts_with("impl") {
                inside.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(inside.is_empty(), "imports inside function bodies: {inside:#?}");
}

/// SQL lives in the repositories (`repo.rs`, `repo/`, `list_repo.rs`) and in the database's own
/// modules: `store/` (pool, transactions, bus), the first start's and the demo's fill of a new
/// database (`setup/`), the audit writer, the mail outbox, the sign-in throttle (a table of
/// counters its module updates in single statements) and the demo's application. Everything
/// else asks a repository, and holds no connection.
#[test]
fn sql_is_written_in_repositories_and_the_database_s_own_modules() {
    let src = workspace().join("core").join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let own = [
        "store/",
        "setup/bootstrap.rs",
        "setup/demo.rs",
        "audit.rs",
        "mail/",
        "auth/throttle.rs",
        "applications/demo.rs",
        "decisions/scope_tests.rs",
    ];
    let mut elsewhere = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let is_repo = rel.ends_with("repo.rs") || rel.contains("/repo/");
        if is_repo || own.iter().any(|o| rel.starts_with(o)) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            // A connection or the read pool is a repository's tool too.
            if ["sqlx::query", ".conn()", ".reader()"].iter().any(|s| code.contains(s)) {
                elsewhere.push(format!("{rel}:{}", n + 1));
            }
        }
    }
    assert!(elsewhere.is_empty(), "SQL outside the repositories: {elsewhere:#?}");
}
