//! What each audit action key says, in every language; keys not listed are shown as they are.

use crate::text_table;

text_table! {
    pub enum ActionT {
        AccountAccess => ("Sub-account access changed", "Zmiana dostępu do kont dodatkowych", "Změna přístupu k vedlejším účtům"),
        AccountActivate => ("Sub-account activated", "Aktywacja konta dodatkowego", "Aktivace vedlejšího účtu"),
        AccountCreate => ("Sub-account added", "Dodanie konta dodatkowego", "Přidání vedlejšího účtu"),
        AccountDeactivate => ("Sub-account deactivated", "Dezaktywacja konta dodatkowego", "Deaktivace vedlejšího účtu"),
        AccountDelete => ("Sub-account deleted", "Usunięcie konta dodatkowego", "Smazání vedlejšího účtu"),
        AccountSwitch => ("Account switched", "Przełączenie konta", "Přepnutí účtu"),
        AccountUpdate => ("Sub-account changed", "Zmiana konta dodatkowego", "Změna vedlejšího účtu"),
        ApplicationApply => ("Application catalogue applied", "Zastosowanie katalogu aplikacji", "Použití katalogu aplikace"),
        ApplicationPurge => ("Orphaned grants purged", "Wyczyszczenie osieroconych uprawnień", "Vyčištění osiřelých práv"),
        ClientCreate => ("Application client added", "Dodanie klienta aplikacji", "Přidání klienta aplikace"),
        ClientRevoke => ("Application client revoked", "Unieważnienie klienta aplikacji", "Zneplatnění klienta aplikace"),
        ClientRotate => ("Application client secret replaced", "Nowy sekret klienta aplikacji", "Nové tajemství klienta aplikace"),
        Bootstrap => ("Installation set up", "Utworzenie instalacji", "Založení instalace"),
        ConfigUpdate => ("Configuration changed", "Zmiana konfiguracji", "Změna konfigurace"),
        Login => ("Signed in", "Logowanie", "Přihlášení"),
        LoginFailed => ("Sign-in failed", "Nieudane logowanie", "Neúspěšné přihlášení"),
        LoginPinLocked => ("PIN locked after wrong attempts", "PIN zablokowany po błędnych próbach", "PIN zablokován po chybných pokusech"),
        LoginRefused => ("Sign-in refused", "Odmowa logowania", "Přihlášení odmítnuto"),
        LoginThrottled => ("Sign-in throttled", "Logowanie wstrzymane", "Přihlášení pozdrženo"),
        Logout => ("Signed out", "Wylogowanie", "Odhlášení"),
        PasswordChange => ("Own password changed", "Zmiana własnego hasła", "Změna vlastního hesla"),
        PasswordChangeFailed => ("Own password change failed", "Nieudana zmiana własnego hasła", "Neúspěšná změna vlastního hesla"),
        PersonCreate => ("Person added", "Dodanie pracownika", "Přidání osoby"),
        PersonDelete => ("Person deleted", "Usunięcie pracownika", "Smazání osoby"),
        PersonUpdate => ("Person changed", "Zmiana pracownika", "Změna osoby"),
        RightsSave => ("Rights changed", "Zmiana uprawnień", "Změna oprávnění"),
        RoleCopy => ("Role copied", "Kopiowanie roli", "Kopírování role"),
        RoleCreate => ("Role added", "Dodanie roli", "Přidání role"),
        RoleDelete => ("Role deleted", "Usunięcie roli", "Smazání role"),
        RoleImport => ("Role imported", "Import roli", "Import role"),
        RoleMembers => ("Role members changed", "Zmiana członków roli", "Změna členů role"),
        RoleUpdate => ("Role changed", "Zmiana roli", "Změna role"),
        SessionClose => ("Session closed", "Zamknięcie sesji", "Ukončení relace"),
        SubstitutionCreate => ("Substitution added", "Dodanie zastępstwa", "Přidání zastupování"),
        SubstitutionEnd => ("Work on someone's behalf ended", "Koniec pracy w zastępstwie", "Konec práce v zastoupení"),
        SubstitutionStart => ("Work on someone's behalf started", "Rozpoczęcie pracy w zastępstwie", "Zahájení práce v zastoupení"),
        SubstitutionUpdate => ("Substitution changed", "Zmiana zastępstwa", "Změna zastupování"),
        UnitCreate => ("Unit added", "Dodanie centrum", "Přidání útvaru"),
        UnitDelete => ("Unit deleted", "Usunięcie centrum", "Smazání útvaru"),
        UnitUpdate => ("Unit changed", "Zmiana centrum", "Změna útvaru"),
        UserCreate => ("User added", "Dodanie użytkownika", "Přidání uživatele"),
        UserPassword => ("Password set by an administrator", "Ustawienie hasła przez administratora", "Nastavení hesla administrátorem"),
        UserUpdate => ("User changed", "Zmiana użytkownika", "Změna uživatele"),
    }
}

/// The text of an action key, if it has one.
pub fn action_text(key: &str) -> Option<ActionT> {
    use ActionT::*;
    Some(match key {
        "account.access" => AccountAccess,
        "account.activate" => AccountActivate,
        "account.create" => AccountCreate,
        "account.deactivate" => AccountDeactivate,
        "account.delete" => AccountDelete,
        "account.switch" => AccountSwitch,
        "account.update" => AccountUpdate,
        "bootstrap" => Bootstrap,
        "config.update" => ConfigUpdate,
        "login" => Login,
        "login.failed" => LoginFailed,
        "login.pin_locked" => LoginPinLocked,
        "login.refused" => LoginRefused,
        "login.throttled" => LoginThrottled,
        "logout" => Logout,
        "password.change" => PasswordChange,
        "password.change_failed" => PasswordChangeFailed,
        "person.create" => PersonCreate,
        "person.delete" => PersonDelete,
        "person.update" => PersonUpdate,
        "rights.save" => RightsSave,
        "role.copy" => RoleCopy,
        "role.create" => RoleCreate,
        "role.delete" => RoleDelete,
        "role.import" | "role.import.done" => RoleImport,
        "role.members" => RoleMembers,
        "role.update" => RoleUpdate,
        "session.close" => SessionClose,
        "application.apply" => ApplicationApply,
        "application.purge" => ApplicationPurge,
        "client.create" => ClientCreate,
        "client.revoke" => ClientRevoke,
        "client.rotate" => ClientRotate,
        "substitution.create" => SubstitutionCreate,
        "substitution.end" => SubstitutionEnd,
        "substitution.start" => SubstitutionStart,
        "substitution.update" => SubstitutionUpdate,
        "unit.create" => UnitCreate,
        "unit.delete" => UnitDelete,
        "unit.update" => UnitUpdate,
        "user.create" => UserCreate,
        "user.password" => UserPassword,
        "user.update" => UserUpdate,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Text};

    /// The action keys the app crate's sources record: literals in `Entry::new(…)` and in the
    /// few lines after a `let action =`.
    fn recorded_keys() -> Vec<String> {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let literal = |after: &str| after.split('"').next().map(str::to_string);
                    let mut in_match = 0;
                    for line in text.lines() {
                        if let Some((_, rest)) = line.split_once("Entry::new(\"") {
                            out.extend(literal(rest));
                        }
                        if line.contains("let action = if") {
                            // `if … { "a" } else { "b" }`: the odd pieces are the literals.
                            out.extend(line.split('"').skip(1).step_by(2).map(str::to_string));
                        }
                        if line.contains("let action = match") {
                            in_match = 4;
                        } else if in_match > 0 {
                            in_match -= 1;
                            if let Some((_, rest)) = line.split_once("=> \"") {
                                out.extend(literal(rest));
                            }
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        walk(&root.join("../app/src"), &mut out);
        walk(&root.join("../core/src"), &mut out);
        out.sort();
        out.dedup();
        out
    }

    #[test]
    fn every_action_the_code_records_has_a_text() {
        let keys = recorded_keys();
        assert!(keys.len() >= 30 && keys.contains(&"substitution.start".to_string()), "{keys:?}");
        for key in keys {
            let text = action_text(&key).unwrap_or_else(|| panic!("{key} has no text"));
            assert!(!text.text(Lang::Pl).is_empty());
        }
    }
}
