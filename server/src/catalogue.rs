//! `klucznik catalogue apply FILE`: registers or updates a business application from its
//! catalogue file (docs/INTEGRATION.md "Catalogue file"), as the console's upload does.

use klucznik_core::applications::Preview;
use klucznik_core::error::AppError;
use klucznik_core::i18n::Lang;
use klucznik_core::operator::Operator;
use std::path::Path;

/// Every problem of a refused file, one per line.
fn problems(e: &AppError) -> String {
    match e {
        AppError::Invalid(fields) => fields.iter().map(|f| f.render(Lang::En)).collect::<Vec<_>>().join("\n"),
        e => e.render(Lang::En),
    }
}

/// What a preview says, as lines for a terminal.
pub fn describe(p: &Preview, applied: bool) -> String {
    let mut out = Vec::new();
    let verb = if applied { "applied" } else { "would change" };
    out.push(format!("{} ({}) version {}: {verb}", p.name, p.key, p.version));
    if p.new {
        out.push("  a new application".into());
    }
    for (word, list) in [("added", &p.added), ("renamed", &p.renamed), ("removed", &p.removed)] {
        for c in list {
            match &c.before {
                Some(before) => out.push(format!("  {word}: {} ({before} → {})", c.key, c.name)),
                None => out.push(format!("  {word}: {} ({})", c.key, c.name)),
            }
        }
    }
    if p.unchanged() {
        out.push("  nothing changes".into());
    }
    if p.orphaned > 0 {
        out.push(format!(
            "  {} grants name rights not in the catalogue: kept, out of effect, until purged",
            p.orphaned
        ));
    }
    out.join("\n")
}

pub async fn apply_file(
    operator: &Operator,
    account: Option<i64>,
    file: &Path,
    dry_run: bool,
) -> Result<String, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let account = match account {
        Some(a) => a,
        None => operator
            .first_main_account()
            .await
            .map_err(|e| e.to_string())?
            .ok_or("no main account in this database")?,
    };
    let refused = |e: AppError| format!("{} refused:\n{}", file.display(), problems(&e));
    if dry_run {
        return operator
            .preview_catalogue(account, &text)
            .await
            .map(|p| describe(&p, false))
            .map_err(refused);
    }
    operator.apply_catalogue(account, &text).await.map(|p| describe(&p, true)).map_err(refused)
}
