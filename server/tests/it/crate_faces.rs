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

/// Where a repository still calls another area's repository (a check of the other area's rows
/// inside a save, the account's password policy, ending sessions of a blocked user). The issue
/// counted about 50 such calls; they should move into services, and none may be added.
#[test]
fn repositories_call_other_areas_repositories_no_more_than_today() {
    let src = workspace().join("core").join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut calls = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().to_string();
        let is_repo = rel.ends_with("repo.rs") || rel.contains("/repo/");
        let Some(area) = rel.split('/').next().filter(|_| is_repo && rel.contains('/')) else { continue };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let other = code.match_indices("crate::").any(|(i, _)| {
                let path = &code[i + "crate::".len()..];
                let target = path.split("::").next().unwrap_or("");
                target != area && path.split("::").nth(1).is_some_and(|m| m.starts_with("repo"))
            });
            if other {
                calls.push(format!("{rel}:{}", n + 1));
            }
        }
    }
    assert!(!calls.is_empty(), "the checker finds today's calls");
    assert!(calls.len() <= 12, "a repository calls another area's repository: {calls:#?}");
}
