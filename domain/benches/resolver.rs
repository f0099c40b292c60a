//! The rights resolver against casbin, side by side in one run.
//!
//! `klucznik/…`: a single check on a prebuilt snapshot and the explained decision without one,
//! over a synthetic catalogue of 1,000 modules and a 1,000-unit tree for a user with 20 roles;
//! the build of that user's snapshot. `casbin/…` and `klucznik/…_rbac_…`: casbin's own RBAC
//! benchmarks (casbin-rs `benches/benchmark.rs`, "rbac_model_small" and "rbac_model_medium":
//! 1,000 users in 100 roles over 10 resources, 10,000 users in 1,000 roles over 100 resources,
//! the same requests) and the same question put to Klucznik's resolver. Everything that builds
//! policies, subjects and snapshots is setup, outside the timed loops.
//!
//! Run: `cargo bench -p app --bench resolver` (add `-- --warm-up-time 1 --measurement-time 3`
//! for a short run).

use casbin::prelude::*;
use criterion::{criterion_group, criterion_main, Criterion};
use domain::catalogue::{DataOp, Target};
use domain::rights::{DataGrant, Grants, RoleGrants, Snapshot, Spec, Subject, Tree};
use std::collections::{HashMap, HashSet};
use std::hint::black_box;

/// A seeded xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform enough in 0..n for a benchmark's data.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    /// True with probability percent / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

// ── A catalogue of 1,000 modules, a tree of 1,000 units, a user in 20 roles ──

const MODULES: usize = 1_000;
/// Each module as the application's CRUD modules: View, Create, Edit, Delete, Print, EditView.
const OPS: usize = 6;
const EDIT: usize = 2;
/// Columns per module, each with a Visible and an Edit right.
const COLUMNS: usize = 4;
const PER_MODULE: usize = OPS + 2 * COLUMNS;
const UNITS: i64 = 1_000;
const ROLES: i64 = 20;
/// Modules each role says something about.
const MODULES_PER_ROLE: usize = 60;
const DATA_GRANTS_PER_ROLE: usize = 8;

fn op(module: usize, op: usize) -> u32 {
    (module * PER_MODULE + op) as u32
}

fn column(module: usize, column: usize, edit: bool) -> u32 {
    (module * PER_MODULE + OPS + 2 * column + edit as usize) as u32
}

/// The rules the application's catalogue gives each right (`Right::needs`, `Right::follows`):
/// an operation needs the module's View; a column's visibility needs and follows View; editing
/// a column needs the module's Edit and the column's visibility, and follows Edit.
fn large_spec() -> Spec {
    let mut spec = Spec::default();
    for m in 0..MODULES {
        for o in 0..OPS {
            spec.needs.push(if o == 0 { vec![] } else { vec![op(m, 0)] });
            spec.follows.push(None);
        }
        for c in 0..COLUMNS {
            spec.needs.push(vec![op(m, 0)]);
            spec.follows.push(Some(op(m, 0)));
            spec.needs.push(vec![op(m, EDIT), column(m, c, false)]);
            spec.follows.push(Some(op(m, EDIT)));
        }
    }
    spec
}

/// Unit 0 is the top; every other unit hangs under a random earlier one. The user is person
/// 1, with persons 2..=20 as subordinates.
fn large_tree(rng: &mut Rng) -> Tree {
    let mut parent = HashMap::from([(0, None)]);
    for unit in 1..UNITS {
        parent.insert(unit, Some(rng.below(unit as u64) as i64));
    }
    Tree { parent, assigned: Some(1), subordinates: (2..=20).collect() }
}

fn deepest(tree: &Tree) -> i64 {
    (0..UNITS).max_by_key(|u| tree.chain(*u).len()).expect("the tree has units")
}

fn data_grant(rng: &mut Rng, allow_percent: u64) -> DataGrant {
    let target = match rng.below(20) {
        0 => Target::Assigned,
        1 => Target::Subordinates,
        _ => Target::Unit(rng.below(UNITS as u64) as i64),
    };
    let op = DataOp::ALL[rng.below(DataOp::ALL.len() as u64) as usize];
    DataGrant { op, target, allow: rng.chance(allow_percent) }
}

/// A role over 60 random modules: View (mostly allowed), some of the other operations (now and
/// then denied), a column denied here and there; and 8 data grants on random units.
fn large_role(rng: &mut Rng, role_id: i64) -> RoleGrants {
    let mut grants = Grants::new();
    for _ in 0..MODULES_PER_ROLE {
        let m = rng.below(MODULES as u64) as usize;
        grants.insert(op(m, 0), rng.chance(92));
        for o in 1..OPS {
            if rng.chance(50) {
                grants.insert(op(m, o), rng.chance(85));
            }
        }
        if rng.chance(20) {
            grants.insert(column(m, rng.below(COLUMNS as u64) as usize, rng.chance(50)), false);
        }
    }
    let data = (0..DATA_GRANTS_PER_ROLE).map(|_| data_grant(rng, 85)).collect();
    RoleGrants { role_id, grants, data }
}

fn large_subject(rng: &mut Rng) -> Subject {
    let roles = (1..=ROLES).map(|id| large_role(rng, id)).collect();
    let own = (0..5).map(|_| (op(rng.below(MODULES as u64) as usize, 0), rng.chance(50))).collect();
    let own_data = (0..2).map(|_| data_grant(rng, 50)).collect();
    Subject { administrator: false, own, own_data, roles }
}

fn klucznik_large(c: &mut Criterion) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let spec = large_spec();
    let tree = large_tree(&mut rng);
    let subject = large_subject(&mut rng);
    let snapshot = subject.snapshot(&spec, &tree);
    // A module whose Edit the user holds, a person (neither assigned nor subordinate) in the
    // deepest unit.
    let module =
        (0..MODULES).find(|m| snapshot.allows_index(op(*m, EDIT) as usize)).expect("some Edit allowed");
    let edit = op(module, EDIT);
    let unit = deepest(&tree);
    let person = 10_000;
    assert!(subject.decide(&spec, edit).allowed);
    assert_eq!(
        snapshot.data(DataOp::Edit, person, unit),
        subject.decide_data(&tree, DataOp::Edit, person, unit).allowed
    );
    eprintln!(
        "klucznik: {} rights, {} role grants, {} role data grants, deepest unit {unit} at depth {}",
        spec.needs.len(),
        subject.roles.iter().map(|r| r.grants.len()).sum::<usize>(),
        subject.roles.iter().map(|r| r.data.len()).sum::<usize>(),
        tree.chain(unit).len(),
    );

    let mut g = c.benchmark_group("klucznik");
    g.bench_function("check/op", |b| b.iter(|| black_box(&snapshot).allows_index(black_box(edit as usize))));
    g.bench_function("check/data_deep_unit", |b| {
        b.iter(|| black_box(&snapshot).data(DataOp::Edit, black_box(person), black_box(unit)))
    });
    g.bench_function("decide/op", |b| b.iter(|| black_box(&subject).decide(&spec, black_box(edit))));
    g.bench_function("decide/data_deep_unit", |b| {
        b.iter(|| black_box(&subject).decide_data(&tree, DataOp::Edit, black_box(person), black_box(unit)))
    });
    g.finish();

    let mut g = c.benchmark_group("klucznik");
    g.sample_size(30);
    g.bench_function("snapshot_20_roles_1000_modules_1000_units", |b| {
        b.iter(|| black_box(&subject).snapshot(&spec, &tree))
    });
    g.finish();
}

// ── casbin's RBAC benchmarks, and the same question to Klucznik ──

const RBAC_MODEL: &str = "
[request_definition]
r = sub, obj, act

[policy_definition]
p = sub, obj, act

[role_definition]
g = _, _

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
";

/// One of casbin-rs's sizes: role i may read resource i / 10, user u is in role u / 10.
struct Rbac {
    name: &'static str,
    users: u64,
    roles: u64,
    /// casbin's request in its benchmark (denied: the user's role reads another resource).
    user: u64,
    resource: u64,
}

const RBAC: [Rbac; 2] = [
    Rbac { name: "rbac_1k_users_100_roles", users: 1_000, roles: 100, user: 501, resource: 9 },
    Rbac { name: "rbac_10k_users_1k_roles", users: 10_000, roles: 1_000, user: 5_001, resource: 15 },
];

fn casbin_enforcer(runtime: &tokio::runtime::Runtime, size: &Rbac) -> Enforcer {
    runtime.block_on(async {
        let model = DefaultModel::from_str(RBAC_MODEL).await.expect("model");
        let mut e = Enforcer::new(model, MemoryAdapter::default()).await.expect("enforcer");
        e.enable_auto_build_role_links(false);
        let policies = (0..size.roles)
            .map(|i| vec![format!("group{i}"), format!("data{}", i / 10), "read".to_owned()])
            .collect();
        e.add_policies(policies).await.expect("policies");
        let groupings =
            (0..size.users).map(|u| vec![format!("user{u}"), format!("group{}", u / 10)]).collect();
        e.add_grouping_policies(groupings).await.expect("groupings");
        e.build_role_links().expect("role links");
        e
    })
}

/// The same policy as Klucznik sees it: one right per resource ("read"), role i allows right
/// i / 10, each user a subject in role u / 10.
fn klucznik_rbac(size: &Rbac) -> (Spec, Vec<Subject>) {
    let resources = size.roles.div_ceil(10) as usize;
    let spec = Spec { needs: vec![vec![]; resources], follows: vec![None; resources] };
    let roles: Vec<RoleGrants> = (0..size.roles)
        .map(|i| RoleGrants {
            role_id: i as i64,
            grants: Grants::from([((i / 10) as u32, true)]),
            data: vec![],
        })
        .collect();
    let subjects = (0..size.users)
        .map(|u| Subject { roles: vec![roles[(u / 10) as usize].clone()], ..Default::default() })
        .collect();
    (spec, subjects)
}

fn rbac(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    for size in &RBAC {
        let e = casbin_enforcer(&runtime, size);
        let (spec, subjects) = klucznik_rbac(size);
        let tree = Tree { parent: HashMap::new(), assigned: None, subordinates: HashSet::new() };
        let user = format!("user{}", size.user);
        let subject = &subjects[size.user as usize];
        let snapshot: Snapshot = subject.snapshot(&spec, &tree);
        // casbin's request, and one the user's role does allow.
        let requests = [("", size.resource), ("_allowed", size.user / 100)];
        for (suffix, resource) in requests {
            let data = format!("data{resource}");
            let right = resource as usize;
            let expected = suffix == "_allowed";
            assert_eq!(e.enforce((&user, &data, "read")).expect("enforce"), expected);
            assert_eq!(snapshot.allows_index(right), expected);
            assert_eq!(subject.decide(&spec, right as u32).allowed, expected);

            let mut g = c.benchmark_group("casbin");
            g.bench_function(format!("enforce_{}{suffix}", size.name), |b| {
                b.iter(|| black_box(&e).enforce((black_box(user.as_str()), black_box(data.as_str()), "read")))
            });
            g.finish();
            let mut g = c.benchmark_group("klucznik");
            g.bench_function(format!("check_{}{suffix}", size.name), |b| {
                b.iter(|| black_box(&snapshot).allows_index(black_box(right)))
            });
            g.bench_function(format!("decide_{}{suffix}", size.name), |b| {
                b.iter(|| black_box(subject).decide(&spec, black_box(right as u32)))
            });
            g.finish();
        }
    }
}

criterion_group!(benches, klucznik_large, rbac);
criterion_main!(benches);
