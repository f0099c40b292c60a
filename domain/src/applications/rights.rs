//! An application's rights numbered densely, with what rule 3 and the column defaults say of
//! each (the same `Spec` the built-in catalogue gives the engine), so the resolver decides them
//! unchanged.

use super::{AppCatalogue, AppOp};
use crate::catalogue::{Op, Spec};
use crate::i18n::{Lang, Text};
use crate::rights::{GrantRow, Grants, RoleGrants, Subject};
use std::collections::HashMap;

/// One right of an application, by positions in its catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AppRight {
    Op { module: usize, op: usize },
    Column { module: usize, column: usize, edit: bool },
    Perm(usize),
}

/// The rights of one application's catalogue, in a fixed order: each module's operations (View
/// first), then its columns (visible, edit), then the permissions.
#[derive(Clone, Debug)]
pub struct AppRights {
    pub catalogue: AppCatalogue,
    modules: Vec<(usize, usize)>,
    rights: Vec<AppRight>,
    keys: Vec<String>,
    index: HashMap<String, u32>,
    spec: Spec,
}

impl AppRights {
    pub fn new(catalogue: AppCatalogue) -> AppRights {
        let modules: Vec<(usize, usize)> = catalogue
            .areas
            .iter()
            .enumerate()
            .flat_map(|(a, area)| (0..area.modules.len()).map(move |m| (a, m)))
            .collect();
        let mut rights = Vec::new();
        let mut keys = Vec::new();
        for (i, (a, m)) in modules.iter().enumerate() {
            let module = &catalogue.areas[*a].modules[*m];
            for (o, op) in module.operations.iter().enumerate() {
                rights.push(AppRight::Op { module: i, op: o });
                keys.push(format!("{}.{}", module.key, op.key()));
            }
            for (c, column) in module.columns.iter().enumerate() {
                for (edit, word) in [(false, "visible"), (true, "edit")] {
                    rights.push(AppRight::Column { module: i, column: c, edit });
                    keys.push(format!("{}.col.{}.{word}", module.key, column.key));
                }
            }
        }
        for (p, perm) in catalogue.permissions.iter().enumerate() {
            rights.push(AppRight::Perm(p));
            keys.push(format!("perm.{}", perm.key));
        }
        let index: HashMap<String, u32> =
            keys.iter().enumerate().map(|(i, k)| (k.clone(), i as u32)).collect();
        let mut app = AppRights { catalogue, modules, rights, keys, index, spec: Spec::default() };
        app.spec = app.build_spec();
        app
    }

    fn build_spec(&self) -> Spec {
        let op_index = |module: usize, op: Op| {
            let m = self.module_at(module);
            m.operations
                .contains(&AppOp::Standard(op))
                .then(|| self.index[&format!("{}.{}", m.key, op.key())])
        };
        let mut spec = Spec::default();
        for (i, right) in self.rights.iter().enumerate() {
            let view = |m| op_index(m, Op::View);
            let (needs, follows) = match *right {
                AppRight::Op { module, .. } => {
                    (view(module).filter(|v| *v != i as u32).into_iter().collect(), None)
                }
                AppRight::Column { module, edit: false, .. } => {
                    (view(module).into_iter().collect(), view(module))
                }
                AppRight::Column { module, edit: true, .. } => {
                    let base = op_index(module, Op::Edit).or(view(module));
                    let visible = i as u32 - 1;
                    (base.into_iter().chain([visible]).collect(), base)
                }
                AppRight::Perm(_) => (Vec::new(), None),
            };
            spec.needs.push(needs);
            spec.follows.push(follows);
        }
        spec
    }

    pub fn module_at(&self, i: usize) -> &super::AppModule {
        let (a, m) = self.modules[i];
        &self.catalogue.areas[a].modules[m]
    }

    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    pub fn len(&self) -> usize {
        self.rights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rights.is_empty()
    }

    /// The dense index of a right by its key within the application (`sales_invoices.view`).
    pub fn index(&self, key: &str) -> Option<u32> {
        self.index.get(key).copied()
    }

    /// The right's key within the application.
    pub fn key(&self, i: u32) -> &str {
        &self.keys[i as usize]
    }

    /// Every right's key within the application, in order.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    pub fn right(&self, i: u32) -> AppRight {
        self.rights[i as usize]
    }

    /// Whether a stored grant key is one of this application's present rights.
    pub fn knows(&self, grant_key: &str) -> bool {
        self.local(grant_key).is_some_and(|k| self.index.contains_key(k))
    }

    /// The key within the application of a stored grant key of this application.
    pub fn local<'a>(&self, grant_key: &'a str) -> Option<&'a str> {
        match super::split_key(grant_key) {
            Some((app, rest)) if app == self.catalogue.key => Some(rest),
            _ => None,
        }
    }

    /// The account-wide grants of this application among `rows`; others (and rights that left
    /// the catalogue: orphaned, out of effect) are ignored.
    pub fn grants(&self, rows: &[GrantRow]) -> Grants {
        rows.iter()
            .filter(|g| g.target.is_none())
            .filter_map(|g| self.local(&g.key).and_then(|k| self.index(k)).map(|i| (i, g.allow)))
            .collect()
    }

    /// The resolver's subject over this application's rights.
    pub fn subject(&self, administrator: bool, own: &[GrantRow], roles: &[(i64, Vec<GrantRow>)]) -> Subject {
        Subject {
            administrator,
            own: self.grants(own),
            own_data: Vec::new(),
            roles: roles
                .iter()
                .map(|(role_id, rows)| RoleGrants {
                    role_id: *role_id,
                    grants: self.grants(rows),
                    data: Vec::new(),
                })
                .collect(),
        }
    }

    /// The name of a right in `lang`: "Sales invoices: Post", "Sales invoices › Margin: Visible".
    pub fn name(&self, i: u32, lang: Lang) -> String {
        use crate::catalogue::CatalogueT;
        match self.right(i) {
            AppRight::Op { module, op } => {
                let m = self.module_at(module);
                let op = match &m.operations[op] {
                    AppOp::Standard(op) => op.name().text(lang).to_string(),
                    AppOp::Custom { name, .. } => name.get(lang).to_string(),
                };
                format!("{}: {op}", m.name.get(lang))
            }
            AppRight::Column { module, column, edit } => {
                let m = self.module_at(module);
                let what = if edit { CatalogueT::ColumnEdit } else { CatalogueT::ColumnVisible };
                format!("{} › {}: {}", m.name.get(lang), m.columns[column].name.get(lang), what.text(lang))
            }
            AppRight::Perm(p) => self.catalogue.permissions[p].name.get(lang).to_string(),
        }
    }
}
