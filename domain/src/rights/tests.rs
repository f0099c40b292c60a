//! The resolver against its rules: examples from the seeds, and property tests against a
//! deliberately naive reference over random roles, grants and trees.

use super::*;
use crate::catalogue::{ColumnOp, DataOp, Module, Op, Permission, Target};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

const VIEW: Right = Right::Op(Module::Users, Op::View);
const EDIT: Right = Right::Op(Module::Users, Op::Edit);

fn role(id: i64, pairs: &[(Right, bool)]) -> RoleGrants {
    RoleGrants { role_id: id, grants: grants(pairs.iter().copied()), data: vec![] }
}

#[test]
fn own_grant_beats_roles_and_deny_beats_allow_among_roles() {
    let mut s =
        Subject { roles: vec![role(1, &[(VIEW, true)]), role(2, &[(VIEW, false)])], ..Default::default() };
    assert_eq!(s.decide_right(VIEW), Decision { allowed: false, source: Source::Role(2) });
    s.own = grants([(VIEW, true)]);
    assert_eq!(s.decide_right(VIEW), Decision { allowed: true, source: Source::User });
}

#[test]
fn nothing_granted_is_denied_and_administrators_hold_everything() {
    let s = Subject::default();
    assert_eq!(s.decide_right(VIEW).source, Source::NotGranted);
    let admin = Subject { administrator: true, ..Default::default() };
    let snap = admin.snapshot_of(&Tree::default());
    assert!(Right::all().all(|r| snap.allows(r)));
    assert!(snap.data(DataOp::Delete, 7, 99));
}

#[test]
fn no_operation_without_view_and_columns_follow_the_module() {
    let s = Subject { roles: vec![role(1, &[(EDIT, true)])], ..Default::default() };
    assert_eq!(s.decide_right(EDIT), Decision { allowed: false, source: Source::Needs(VIEW.index() as u32) });
    let note = Right::column(Module::Users, "note", ColumnOp::Visible).unwrap();
    let note_edit = Right::column(Module::Users, "note", ColumnOp::Edit).unwrap();
    let s = Subject { roles: vec![role(1, &[(VIEW, true), (EDIT, true)])], ..Default::default() };
    assert!(s.decide_right(note).allowed && s.decide_right(note_edit).allowed, "columns follow the module");
    let s =
        Subject { roles: vec![role(1, &[(VIEW, true), (EDIT, true), (note, false)])], ..Default::default() };
    assert!(!s.decide_right(note_edit).allowed, "an invisible column cannot be edited");
    let perm = Right::Perm(Permission::MultipleSessions);
    let s = Subject { roles: vec![role(1, &[(perm, true)])], ..Default::default() };
    assert!(s.snapshot_of(&Tree::default()).allows(perm), "permissions need no View");
}

fn tree() -> Tree {
    // 1 ─ 2 ─ 3
    //   └ 4
    Tree {
        parent: HashMap::from([(1, None), (2, Some(1)), (3, Some(2)), (4, Some(1))]),
        assigned: Some(100),
        subordinates: HashSet::from([101]),
    }
}

fn data(op: DataOp, target: Target, allow: bool) -> DataGrant {
    DataGrant { op, target, allow }
}

#[test]
fn data_rights_nearer_nodes_and_the_special_entries_decide_first() {
    let hr = RoleGrants {
        role_id: 5,
        grants: Grants::new(),
        data: vec![data(DataOp::View, Target::Unit(1), true), data(DataOp::View, Target::Unit(2), false)],
    };
    let mut s = Subject { roles: vec![hr], ..Default::default() };
    let t = tree();
    // Unit 3 inherits the deny of unit 2, unit 4 the allow of unit 1.
    let d = s.decide_data(&t, DataOp::View, 7, 3);
    assert_eq!((d.allowed, d.node, d.inherited), (false, Some(Node::Unit(2)), true));
    assert!(s.decide_data(&t, DataOp::View, 7, 4).allowed);
    let direct = s.decide_data(&t, DataOp::View, 7, 2);
    assert_eq!((direct.node, direct.inherited), (Some(Node::Unit(2)), false));
    // The assigned person weighs more than the tree.
    s.own_data = vec![data(DataOp::View, Target::Assigned, true)];
    assert!(s.decide_data(&t, DataOp::View, 100, 3).allowed);
    assert!(!s.decide_data(&t, DataOp::View, 101, 3).allowed);
    // A person added to unit 4 later is covered by the grant on unit 1.
    let snap = s.snapshot_of(&t);
    assert!(
        snap.data(DataOp::View, 999, 4)
            && !snap.data(DataOp::View, 999, 3)
            && snap.data(DataOp::View, 100, 3)
    );
    // Without View nothing else.
    s.own_data.push(data(DataOp::Edit, Target::Unit(3), true));
    assert_eq!(s.decide_data(&t, DataOp::Edit, 7, 3).source, Source::ViewMissing);
    let filter = s.snapshot_of(&t).person_filter();
    assert_eq!((filter.units, filter.include), (vec![1, 4], vec![100]));
}

#[test]
fn in_a_sub_account_only_grants_on_the_home_top_unit_carry_over() {
    // Home tree: 1 ─ 2. Sub-account tree: 10 ─ 11.
    let role = RoleGrants {
        role_id: 5,
        grants: Grants::new(),
        data: vec![data(DataOp::View, Target::Unit(1), true), data(DataOp::Edit, Target::Unit(2), true)],
    };
    let mut s = Subject {
        own_data: vec![data(DataOp::Delete, Target::Unit(1), false)],
        roles: vec![role],
        ..Default::default()
    };
    let sub = Tree { parent: HashMap::from([(10, None), (11, Some(10))]), ..Default::default() };
    assert!(!s.snapshot_of(&sub).data(DataOp::View, 7, 11), "home units mean nothing in the sub-account");
    s.carry_into(1, 10);
    let snap = s.snapshot_of(&sub);
    assert!(snap.data(DataOp::View, 7, 11), "the whole organisation covers the whole sub-account");
    assert!(!snap.data(DataOp::Edit, 7, 11), "a grant on another home unit does not carry");
    assert_eq!(s.own_data[0].target, Target::Unit(10), "the user's own grants carry too");
}

// ── The naive reference: the rules read aloud, no memory, no shortcuts. ──

fn naive_rule2(s: &Subject, own: Option<bool>, role_values: Vec<bool>) -> Option<bool> {
    let _ = s;
    match own {
        Some(v) => Some(v),
        None if role_values.contains(&false) => Some(false),
        None if role_values.contains(&true) => Some(true),
        None => None,
    }
}

fn naive(s: &Subject, right: Right) -> bool {
    if s.administrator {
        return true;
    }
    let i = right.index() as u32;
    let values: Vec<bool> = s.roles.iter().filter_map(|r| r.grants.get(&i).copied()).collect();
    let base = match naive_rule2(s, s.own.get(&i).copied(), values) {
        Some(v) => v,
        None => right.follows().map(|f| naive(s, f)).unwrap_or(false),
    };
    base && right.needs().into_iter().all(|n| naive(s, n))
}

fn naive_data_at(s: &Subject, op: DataOp, target: Target) -> Option<bool> {
    let own = s.own_data.iter().find(|g| g.op == op && g.target == target).map(|g| g.allow);
    let values: Vec<bool> = s
        .roles
        .iter()
        .filter_map(|r| r.data.iter().find(|g| g.op == op && g.target == target).map(|g| g.allow))
        .collect();
    naive_rule2(s, own, values)
}

fn naive_data_raw(s: &Subject, t: &Tree, op: DataOp, person: i64, unit: i64) -> bool {
    if t.assigned == Some(person) {
        if let Some(v) = naive_data_at(s, op, Target::Assigned) {
            return v;
        }
    }
    if t.subordinates.contains(&person) {
        if let Some(v) = naive_data_at(s, op, Target::Subordinates) {
            return v;
        }
    }
    let mut at = Some(unit);
    while let Some(u) = at {
        if let Some(v) = naive_data_at(s, op, Target::Unit(u)) {
            return v;
        }
        at = t.parent.get(&u).copied().flatten();
    }
    false
}

fn naive_data(s: &Subject, t: &Tree, op: DataOp, person: i64, unit: i64) -> bool {
    s.administrator
        || (naive_data_raw(s, t, op, person, unit) && naive_data_raw(s, t, DataOp::View, person, unit))
}

// ── Random subjects and trees ──

fn account_grants() -> impl Strategy<Value = Grants> {
    let rights: Vec<u32> = (0..Right::count() as u32).collect();
    proptest::collection::hash_map(proptest::sample::select(rights), any::<bool>(), 0..10)
}

fn target(units: i64) -> impl Strategy<Value = Target> {
    prop_oneof![(0..units).prop_map(Target::Unit), Just(Target::Assigned), Just(Target::Subordinates),]
}

fn data_grants(units: i64) -> impl Strategy<Value = Vec<DataGrant>> {
    let grant = (proptest::sample::select(DataOp::ALL.to_vec()), target(units), any::<bool>())
        .prop_map(|(op, target, allow)| DataGrant { op, target, allow });
    proptest::collection::vec(grant, 0..6)
}

/// A random tree of up to 6 units (each unit's parent comes before it), assigned person 0,
/// subordinates among persons 1..4.
fn random_tree() -> impl Strategy<Value = Tree> {
    (1usize..7).prop_flat_map(|n| {
        let parents: Vec<BoxedStrategy<Option<i64>>> = (0..n)
            .map(|i| if i == 0 { Just(None).boxed() } else { (0..i as i64).prop_map(Some).boxed() })
            .collect();
        (parents, proptest::collection::hash_set(1i64..5, 0..3)).prop_map(|(parents, subordinates)| Tree {
            parent: parents.into_iter().enumerate().map(|(i, p)| (i as i64, p)).collect(),
            assigned: Some(0),
            subordinates,
        })
    })
}

fn random_subject() -> impl Strategy<Value = Subject> {
    let role = (1i64..100, account_grants(), data_grants(7)).prop_map(|(role_id, grants, data)| RoleGrants {
        role_id,
        grants,
        data,
    });
    (proptest::bool::weighted(0.05), account_grants(), data_grants(7), proptest::collection::vec(role, 0..4))
        .prop_map(|(administrator, own, own_data, roles)| Subject { administrator, own, own_data, roles })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 100_000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Each case: a random subject and tree, a dozen random account-wide rights and a dozen
    /// random (operation, person, unit) questions — persons 0 (assigned), 1 and 2 (maybe
    /// subordinates) and 9 (neither).
    #[test]
    fn the_resolver_agrees_with_the_naive_rules(
        subject in random_subject(),
        tree in random_tree(),
        rights in proptest::collection::vec(0..Right::count(), 12),
        questions in proptest::collection::vec((proptest::sample::select(DataOp::ALL.to_vec()), proptest::sample::select(vec![0i64, 1, 2, 9]), 0i64..6), 12),
    ) {
        let snap = subject.snapshot_of(&tree);
        for right in rights.into_iter().map(Right::at) {
            let expected = naive(&subject, right);
            prop_assert_eq!(snap.allows(right), expected, "snapshot {:?}", right);
            prop_assert_eq!(subject.decide_right(right).allowed, expected, "decide {:?}", right);
        }
        for (op, person, unit) in questions.into_iter().filter(|(_, _, u)| tree.parent.contains_key(u)) {
            let expected = naive_data(&subject, &tree, op, person, unit);
            prop_assert_eq!(snap.data(op, person, unit), expected, "snapshot {:?} {} in {}", op, person, unit);
            prop_assert_eq!(subject.decide_data(&tree, op, person, unit).allowed, expected, "decide {:?}", op);
        }
    }
}
