//! Column rights on users for one session: hidden fields are blanked in what it reads, locked
//! fields keep their stored values in what it saves.

use super::{SecretChange, UserCard, UserInput, UserRow};
use crate::catalogue::{ColumnOp, Module};
use crate::error::AppError;
use crate::rights::Snapshot;

fn sees(snap: &Snapshot, key: &str) -> bool {
    snap.column(Module::Users, key, ColumnOp::Visible)
}

fn edits(snap: &Snapshot, key: &str) -> bool {
    snap.column(Module::Users, key, ColumnOp::Edit)
}

pub fn hide_row(snap: &Snapshot, row: &mut UserRow) {
    if !sees(snap, "full_name") {
        row.full_name.clear();
    }
    if !sees(snap, "status") {
        (row.active, row.blocked, row.expired, row.valid_to) = (true, false, false, None);
    }
    if !sees(snap, "roles") {
        row.roles.clear();
    }
}

pub fn hide_card(snap: &Snapshot, card: &mut UserCard) {
    if !sees(snap, "full_name") {
        card.full_name.clear();
    }
    if !sees(snap, "status") {
        (card.active, card.blocked) = (true, false);
        card.valid_from.clear();
        card.valid_to.clear();
    }
    if !sees(snap, "note") {
        card.note.clear();
    }
    if !sees(snap, "person") {
        card.person = None;
    }
    if !sees(snap, "default_unit") {
        card.default_unit_id = None;
    }
    if !sees(snap, "credentials") {
        (card.has_pin, card.has_card) = (false, false);
    }
    if !sees(snap, "roles") {
        card.roles.clear();
    }
}

/// Fields the session may not edit keep what is stored.
pub fn lock(snap: &Snapshot, input: &mut UserInput, before: &UserCard) {
    if !edits(snap, "full_name") {
        input.full_name = before.full_name.clone();
    }
    if !edits(snap, "status") {
        (input.active, input.blocked) = (before.active, before.blocked);
        input.valid_from = before.valid_from.clone();
        input.valid_to = before.valid_to.clone();
    }
    if !edits(snap, "note") {
        input.note = before.note.clone();
    }
    if !edits(snap, "person") {
        input.person_id = before.person.as_ref().map(|p| p.id);
    }
    if !edits(snap, "default_unit") {
        input.default_unit_id = before.default_unit_id;
    }
    if !edits(snap, "credentials") {
        (input.pin, input.card) = (SecretChange::Keep, SecretChange::Keep);
    }
    if !edits(snap, "roles") {
        input.roles = before.roles.clone();
    }
}

/// A new user may only have the fields filled in that the session may edit.
pub fn check_new(snap: &Snapshot, input: &UserInput) -> Result<(), AppError> {
    let filled = [
        ("full_name", !input.full_name.trim().is_empty()),
        (
            "status",
            !input.active || input.blocked || !input.valid_from.is_empty() || !input.valid_to.is_empty(),
        ),
        ("note", !input.note.trim().is_empty()),
        ("person", input.person_id.is_some()),
        ("default_unit", input.default_unit_id.is_some()),
        ("credentials", input.pin != SecretChange::Keep || input.card != SecretChange::Keep),
        ("roles", !input.roles.is_empty()),
    ];
    if filled.iter().any(|(key, set)| *set && !edits(snap, key)) {
        Err(AppError::Forbidden)
    } else {
        Ok(())
    }
}
