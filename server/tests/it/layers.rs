//! The layers of docs/ARCHITECTURE.md "Layers", checked from the sources: which crate may depend
//! on which, and whether a crate's modules import each other in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub(crate) fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The `[dependencies]` of a crate's manifest (not its dev-dependencies): name → optional.
fn dependencies(krate: &str) -> BTreeMap<String, bool> {
    let manifest = std::fs::read_to_string(workspace().join(krate).join("Cargo.toml")).unwrap();
    let mut names = BTreeMap::new();
    let mut inside = false;
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            inside = line == "[dependencies]";
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            let name = line.split(['=', '.', ' ']).next().unwrap_or_default();
            names.insert(name.to_string(), line.contains("optional = true"));
        }
    }
    names
}

/// The optional dependencies a feature of a crate's manifest turns on.
fn feature_deps(krate: &str, feature: &str) -> BTreeSet<String> {
    let manifest = std::fs::read_to_string(workspace().join(krate).join("Cargo.toml")).unwrap();
    let line =
        manifest.lines().find(|l| l.trim_start().starts_with(&format!("{feature} ="))).unwrap_or_default();
    line.split('"').filter_map(|s| s.strip_prefix("dep:")).map(str::to_string).collect()
}

const WEB: [&str; 6] = ["leptos", "leptos_meta", "leptos_router", "leptos_axum", "axum", "server_fn"];

#[test]
fn the_domain_crate_knows_neither_leptos_nor_the_database_nor_the_other_crates() {
    let deps = dependencies("domain");
    assert!(deps.contains_key("serde"), "the manifest was read: {deps:?}");
    for banned in ["app", "klucznik-core", "server", "leptos", "leptos_axum", "axum", "tokio"] {
        assert!(!deps.contains_key(banned), "domain depends on {banned}");
    }
    // Two conversions only, each behind its feature and off by default.
    for (name, optional) in &deps {
        if ["server_fn", "sqlx", "tracing", "rand"].contains(&name.as_str()) {
            assert!(optional, "domain's {name} must be optional");
        }
    }
    assert_eq!(feature_deps("domain", "server-fn"), BTreeSet::from(["server_fn".to_string()]));
    assert_eq!(
        feature_deps("domain", "server"),
        BTreeSet::from(["sqlx", "tracing", "rand"].map(String::from))
    );
    assert!(feature_deps("domain", "default").is_empty());
}

#[test]
fn the_core_crate_knows_no_leptos_no_web_framework_and_not_the_app() {
    let deps = dependencies("core");
    assert!(deps.contains_key("sqlx") && deps.contains_key("domain"), "the manifest was read: {deps:?}");
    for banned in WEB.iter().copied().chain(["app", "server", "frontend"]) {
        assert!(!deps.contains_key(banned), "core depends on {banned}");
    }
    let app = dependencies("app");
    assert!(app.contains_key("domain"));
    // The browser build of the app never links the core.
    assert_eq!(app.get("klucznik-core"), Some(&true));
    assert!(feature_deps("app", "hydrate").iter().all(|d| d != "klucznik-core"));
}

/// Module path of a source file: `src/a/mod.rs` and `src/a.rs` are `a`, `src/lib.rs` is ``.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts.join("::")
}

pub(crate) fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Rewrites `p::{a, b::{c, d as e}, self}` as `p::a p::b::c p::b::d p`, so that every path a
/// `use` group imports stands whole.
fn expand_groups(code: &str) -> String {
    let mut out = String::new();
    let mut rest = code;
    while let Some(i) = rest.find("::{") {
        let start =
            rest[..i].rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).map_or(0, |k| k + 1);
        let prefix = &rest[start..i];
        let mut depth = 0;
        let Some(close) = rest[i + 2..].char_indices().find_map(|(k, c)| {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            (depth == 0).then_some(i + 2 + k)
        }) else {
            break;
        };
        out.push_str(&rest[..start]);
        let inner = &rest[i + 3..close];
        let (mut items, mut level, mut from) = (Vec::new(), 0, 0);
        for (k, c) in inner.char_indices() {
            match c {
                '{' => level += 1,
                '}' => level -= 1,
                ',' if level == 0 => {
                    items.push(&inner[from..k]);
                    from = k + 1;
                }
                _ => {}
            }
        }
        items.push(&inner[from..]);
        for item in items {
            let item = item.trim();
            let item =
                if item.contains('{') { item } else { item.split(" as ").next().unwrap_or_default().trim() };
            if item.is_empty() {
                continue;
            }
            let full = if item == "self" { prefix.to_string() } else { format!("{prefix}::{item}") };
            out.push_str(&expand_groups(&full));
            out.push(' ');
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Every `crate::…` and `super::…` path in a file, as module paths of the crate.
fn references(module: &str, text: &str) -> Vec<String> {
    // A file's tests (an inline `mod tests` at its end) use `super` of their own: left out.
    let code: String = text
        .lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = expand_groups(&code);
    let mut found = Vec::new();
    for (start, _) in code.match_indices("crate::").chain(code.match_indices("super::")) {
        if start > 0 && code[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let path: String =
            code[start..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        let mut base: Vec<&str> = if module.is_empty() { vec![] } else { module.split("::").collect() };
        if parts[0] == "crate" {
            base.clear();
            parts.remove(0);
        } else {
            // `super::x` from `a::b` (a/b.rs) is `a::x`.
            while parts.first() == Some(&"super") {
                parts.remove(0);
                base.pop();
            }
        }
        base.extend(parts);
        found.push(base.join("::"));
    }
    found
}

/// The circles of a crate's imports: sets of modules that reach one another through imports,
/// at least one of which runs between two modules that are not one another's parent or child.
/// A folder's face handing its children's names on, and the children using one another through
/// it, is one family, not a circle; a loop that leaves the family is.
fn circles(krate: &str) -> Vec<Vec<String>> {
    let src = workspace().join(krate).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<String, PathBuf> = files.iter().map(|f| (module_of(&src, f), f.clone())).collect();
    let resolve = |path: &str| -> Option<String> {
        let mut parts: Vec<&str> = path.split("::").collect();
        while !parts.is_empty() {
            let candidate = parts.join("::");
            if modules.contains_key(&candidate) {
                return Some(candidate);
            }
            parts.pop();
        }
        None
    };
    let family = |a: &str, b: &str| {
        a.is_empty() || b.is_empty() || a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, file) in &modules {
        let text = std::fs::read_to_string(file).unwrap();
        // `use child::X` in a folder's face names its child without `self::`.
        let children = text.lines().filter_map(|line| {
            let path = line
                .trim()
                .trim_start_matches("pub ")
                .trim_start_matches("pub(crate) ")
                .strip_prefix("use ")?;
            let first = path.split("::").next()?;
            let child = if module.is_empty() { first.to_string() } else { format!("{module}::{first}") };
            modules.contains_key(&child).then_some(child)
        });
        let mut paths = references(module, &text);
        paths.extend(children);
        for target in paths.iter().filter_map(|p| resolve(p)) {
            // The crate root only declares modules: it is everyone's family.
            if &target != module && !target.is_empty() && !module.is_empty() {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    let components = strongly_connected(&modules.keys().cloned().collect::<Vec<_>>(), &edges);
    // Inside a strongly connected set every import lies on a loop.
    components
        .into_iter()
        .filter(|set| {
            set.iter()
                .any(|a| edges.get(a).is_some_and(|to| to.iter().any(|b| set.contains(b) && !family(a, b))))
        })
        .collect()
}

/// Tarjan's algorithm, keeping the components of more than one node.
fn strongly_connected(nodes: &[String], edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<String, usize>,
        low: BTreeMap<String, usize>,
        stack: Vec<String>,
        on_stack: BTreeSet<String>,
        out: Vec<Vec<String>>,
    }
    fn visit(s: &mut State, v: &str) {
        let i = s.index.len();
        s.index.insert(v.to_string(), i);
        s.low.insert(v.to_string(), i);
        s.stack.push(v.to_string());
        s.on_stack.insert(v.to_string());
        for w in s.edges.get(v).cloned().unwrap_or_default() {
            if !s.index.contains_key(&w) {
                visit(s, &w);
                let low = s.low[v].min(s.low[&w]);
                s.low.insert(v.to_string(), low);
            } else if s.on_stack.contains(&w) {
                let low = s.low[v].min(s.index[&w]);
                s.low.insert(v.to_string(), low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(&w);
                let done = w == v;
                component.push(w);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut state = State {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for node in nodes {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state.out
}

#[test]
fn the_checker_finds_a_circle_and_ignores_a_family() {
    let mut edges = BTreeMap::new();
    edges.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    edges.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    edges.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    edges.insert("d".to_string(), BTreeSet::from(["a".to_string()]));
    let nodes: Vec<String> = ["a", "b", "c", "d"].map(String::from).to_vec();
    assert_eq!(strongly_connected(&nodes, &edges), vec![vec!["a", "b", "c"]]);
    assert_eq!(references("x::y", "use super::z::Q;\n// crate::no"), vec!["x::z::Q"]);
    assert_eq!(
        references("x", "use super::z::{Q, crate_y}; crate::a::B"),
        vec!["a::B", "z::Q", "z::crate_y"]
    );
    assert_eq!(references("x::y", "use super::{w::{A, B as C}, self};"), vec!["x::w::A", "x::w::B"]);
}

#[test]
fn the_domain_crate_s_modules_import_each_other_in_no_circle() {
    assert_eq!(circles("domain"), Vec::<Vec<String>>::new());
}

#[test]
fn the_core_crate_s_modules_import_each_other_in_no_circle() {
    assert_eq!(circles("core"), Vec::<Vec<String>>::new());
}

/// Pages read the signed-in user from `page_context`, never from the shell, and name other
/// areas' records by the crate that owns them (`domain`, `klucznik_core`), not through an area's
/// face: so the shell alone knows every page and no area reaches back into another's pages.
#[test]
fn the_app_crate_s_modules_import_each_other_in_no_circle() {
    assert_eq!(circles("app"), Vec::<Vec<String>>::new());
}

/// Server functions authorize and call one service of the core (docs/ARCHITECTURE.md "Adding a
/// server function safely"): their files name no repository, transaction or database.
#[test]
fn server_functions_reach_storage_only_through_core_services() {
    let src = workspace().join("app").join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let api: Vec<_> = files.iter().filter(|f| f.file_name().is_some_and(|n| n == "api.rs")).collect();
    assert!(api.len() >= 14, "the server functions' files were found: {api:?}");
    let mut calls = 0;
    for file in api {
        let text = std::fs::read_to_string(file).unwrap();
        for banned in
            ["::repo::", "::store::", ".store()", "sqlx", "Tx", ".begin()", "::members::", "::outrank::"]
        {
            assert!(!text.contains(banned), "{} names `{banned}`", file.display());
        }
        calls += text.matches("::service::").count();
    }
    assert!(calls >= 60, "server functions call services: {calls}");
}

/// Repositories (`<area>/repo.rs`) and the sessions list's query are the core's own: outside
/// it a request reaches storage only through a service given the authorized `Ctx`.
#[test]
fn repositories_are_not_visible_outside_the_core() {
    let src = workspace().join("core").join("src");
    let mut faces = 0;
    for entry in std::fs::read_dir(&src).unwrap() {
        let face = entry.unwrap().path().join("mod.rs");
        let Ok(text) = std::fs::read_to_string(&face) else { continue };
        for line in text.lines().filter(|l| l.contains("mod repo;") || l.contains("mod list_repo;")) {
            assert!(line.starts_with("pub(crate) mod "), "{}: {line}", face.display());
            faces += 1;
        }
    }
    assert!(faces >= 14, "the areas' repositories were found: {faces}");
}
