//! The account scope of docs/ARCHITECTURE.md "Storage", checked on the source: repositories
//! take the account they may touch as a `Scope`, only authorization makes one, and each way of
//! making one is used only where its origin is (a sign-in, a client, a stored session, the core's
//! own jobs, a new account).

use crate::layers::{rust_files, workspace};
use std::path::Path;

/// Every file of the core, with its path relative to `core/src` and its text.
fn core_files() -> Vec<(String, String)> {
    let src = workspace().join("core").join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 100, "the core's files were found: {}", files.len());
    files
        .iter()
        .map(|f| {
            let rel = f.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(f).unwrap())
        })
        .collect()
}

/// Code lines only: comments are not calls.
fn code(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(n, l)| (n + 1, l.split("//").next().unwrap_or("")))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// The parameter lists of the public functions of `text`, with each function's name.
fn public_signatures(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = ["pub async fn ", "pub fn "].iter().filter_map(|k| rest.find(k)).min() {
        let after = &rest[at..];
        let name_start = after.find("fn ").unwrap() + 3;
        let name: String =
            after[name_start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let Some(open) = after.find('(') else { break };
        let mut depth = 0;
        let mut end = open;
        for (i, c) in after[open..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, after[open..=end].to_string()));
        rest = &after[end..];
    }
    out
}

/// Which of `params` name an account as a bare number (`account: i64`, `main: i64`,
/// `home_account_id: i64`, …).
fn bare_accounts(params: &str) -> Vec<String> {
    params
        .split([',', '('])
        .filter_map(|p| p.split_once(':'))
        .filter(|(name, ty)| {
            let (name, ty) = (name.trim(), ty.trim().trim_end_matches(')'));
            ["account", "main", "home"].iter().any(|w| name.contains(w))
                && (ty == "i64" || ty == "Option<i64>")
        })
        .map(|(name, _)| name.trim().to_string())
        .collect()
}

#[test]
fn the_signature_reader_finds_bare_accounts() {
    let text = "pub async fn a(tx: &mut Tx, account: i64, id: i64) {}\n\
                pub fn b(store: &Store, main: Scope) {}\n\
                pub async fn c(\n    store: &Store,\n    home_account_id: Option<i64>,\n) {}";
    let found: Vec<_> = public_signatures(text).into_iter().map(|(n, p)| (n, bare_accounts(&p))).collect();
    assert_eq!(
        found,
        vec![
            ("a".to_string(), vec!["account".to_string()]),
            ("b".to_string(), vec![]),
            ("c".to_string(), vec!["home_account_id".to_string()]),
        ]
    );
}

/// No public repository function takes the account it reads or writes as a bare number: a
/// repository cannot be pointed at an account authorization did not give the caller.
#[test]
fn repositories_take_the_account_as_a_scope() {
    let mut repos = 0;
    let mut bare = Vec::new();
    for (rel, text) in core_files() {
        if !(rel.ends_with("repo.rs") || rel.contains("/repo/")) {
            continue;
        }
        repos += 1;
        for (name, params) in public_signatures(&text) {
            for param in bare_accounts(&params) {
                bare.push(format!("{rel}: {name}({param})"));
            }
        }
    }
    assert!(repos >= 25, "repositories found: {repos}");
    assert!(bare.is_empty(), "repository functions taking an account as a bare number: {bare:#?}");
}

/// A `Scope` is made in the guard only (and a `Who`, whose scopes are its accounts', only by
/// resolving a session), and each of the guard's ways of making one is used only
/// where that origin is: signing in (the auth area), an application's client (the clients
/// area), a stored session (the sessions area), a new account and the core's own jobs (the
/// first start, the demo, the operator's command line; tests).
#[test]
fn only_authorization_makes_a_scope_and_each_origin_stays_in_its_place() {
    let origins: [(&str, &[&str]); 5] = [
        ("scope::signing_in(", &["auth/"]),
        ("scope::client(", &["clients/service.rs"]),
        ("scope::session(", &["sessions/"]),
        ("scope::created(", &["setup/account.rs"]),
        ("scope::job", &["setup/", "operator.rs", "decisions/scope_tests.rs"]),
    ];
    let mut seen = [0; 5];
    let mut misplaced = Vec::new();
    for (rel, text) in core_files() {
        let in_guard = rel.starts_with("guard/");
        for (n, line) in code(&text) {
            // A `Who` yields its accounts' scopes: only resolving a session makes one.
            let makes_who =
                line.contains("Who {") && !line.contains("struct Who") && !line.contains("impl Who");
            let resolves = rel == "sessions/resolve.rs";
            if (line.contains("Scope::new(") || makes_who && !resolves) && !in_guard {
                misplaced.push(format!("{rel}:{n}: {}", line.trim()));
            }
            for (i, (call, places)) in origins.iter().enumerate() {
                if !line.contains(call) || in_guard {
                    continue;
                }
                seen[i] += 1;
                if !places.iter().any(|p| rel.starts_with(p) || Path::new(&rel).ends_with(p)) {
                    misplaced.push(format!("{rel}:{n}: {}", line.trim()));
                }
            }
        }
    }
    assert!(seen.iter().all(|&s| s > 0), "each origin was found in use: {seen:?}");
    assert!(misplaced.is_empty(), "scopes made outside their place: {misplaced:#?}");
}
