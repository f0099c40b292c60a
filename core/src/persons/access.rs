//! What data rights and column rights make of a person for one session: whether the person
//! exists for it at all, which fields it sees, and which it may change.

use super::{Person, PersonInput, PersonRow};
use crate::catalogue::{ColumnOp, DataOp, Module};
use crate::error::AppError;
use crate::rights::Snapshot;

fn column(snap: &Snapshot, key: &str, op: ColumnOp) -> bool {
    snap.column(Module::Persons, key, op)
}

/// A data operation on an existing person: a person the session may not view is "not found".
pub fn may(snap: &Snapshot, op: DataOp, person: i64, unit: i64) -> Result<(), AppError> {
    if !snap.data(DataOp::View, person, unit) {
        return Err(AppError::NotFound);
    }
    if snap.data(op, person, unit) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub fn hide_row(snap: &Snapshot, row: &mut PersonRow) {
    if !column(snap, "first_name", ColumnOp::Visible) {
        row.first_name.clear();
    }
    if !column(snap, "personal_number", ColumnOp::Visible) {
        row.personal_number.clear();
    }
    if !column(snap, "unit", ColumnOp::Visible) {
        row.unit_name.clear();
    }
    if !column(snap, "supervisor", ColumnOp::Visible) {
        row.supervisor = None;
    }
}

pub fn hide(snap: &Snapshot, person: &mut Person) {
    if !column(snap, "first_name", ColumnOp::Visible) {
        person.first_name.clear();
    }
    if !column(snap, "personal_number", ColumnOp::Visible) {
        person.personal_number.clear();
    }
    if !column(snap, "unit", ColumnOp::Visible) {
        person.unit_id = 0;
    }
    if !column(snap, "supervisor", ColumnOp::Visible) {
        person.supervisor = None;
    }
}

/// Fields the session may not edit keep what is stored.
pub fn lock(snap: &Snapshot, input: &mut PersonInput, before: &Person) {
    if !column(snap, "first_name", ColumnOp::Edit) {
        input.first_name = before.first_name.clone();
    }
    if !column(snap, "personal_number", ColumnOp::Edit) {
        input.personal_number = before.personal_number.clone();
    }
    if !column(snap, "unit", ColumnOp::Edit) {
        input.unit_id = Some(before.unit_id);
    }
    if !column(snap, "supervisor", ColumnOp::Edit) {
        input.supervisor_id = before.supervisor.as_ref().map(|s| s.id);
    }
}

/// A new person may only fill in the fields the session may edit.
pub fn check_new(snap: &Snapshot, input: &PersonInput) -> Result<(), AppError> {
    let filled = [
        ("first_name", !input.first_name.trim().is_empty()),
        ("personal_number", !input.personal_number.trim().is_empty()),
        ("unit", input.unit_id.is_some()),
        ("supervisor", input.supervisor_id.is_some()),
    ];
    if filled.iter().any(|(key, set)| *set && !column(snap, key, ColumnOp::Edit)) {
        Err(AppError::Forbidden)
    } else {
        Ok(())
    }
}
