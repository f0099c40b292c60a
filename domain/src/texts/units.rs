//! Texts of the units page.

use crate::text_table;

text_table! {
    pub enum UnitT {
        Title => ("Organisation units", "Centra struktury firmy", "Organizační struktura"),
        Unit => ("Unit", "Centrum", "Útvar"),
        Parent => ("Parent unit", "Centrum nadrzędne", "Nadřízený útvar"),
        Persons => ("Persons", "Pracownicy", "Osoby"),
        AddUnder => ("Add a unit under {name}", "Dodaj centrum w {name}", "Přidat útvar pod {name}"),
        EditUnit => ("Edit {name}", "Edytuj {name}", "Upravit {name}"),
        DeleteUnit => ("Delete {name}", "Usuń {name}", "Smazat {name}"),
        NewUnit => ("New unit", "Nowe centrum", "Nový útvar"),
        ConfirmDelete => ("Delete the unit {name}?", "Usunąć centrum {name}?", "Smazat útvar {name}?"),
        HasChildren => (
            "The unit {name} has units under it; move or delete them first.",
            "Centrum {name} ma centra podrzędne; najpierw je przenieś lub usuń.",
            "Útvar {name} má podřízené útvary; nejprve je přesuňte nebo smažte."
        ),
        HasPersons => (
            "Persons are placed in the unit {name}; move them first.",
            "W centrum {name} są pracownicy; najpierw ich przenieś.",
            "V útvaru {name} jsou osoby; nejprve je přesuňte."
        ),
        IsDefaultUnit => (
            "The unit {name} is the default unit of a user ({login}); change it first.",
            "Centrum {name} jest domyślnym centrum użytkownika ({login}); najpierw je zmień.",
            "Útvar {name} je výchozím útvarem uživatele ({login}); nejprve jej změňte."
        ),
        RootIsFixed => (
            "The top unit of the account cannot be moved or deleted.",
            "Centrum główne konta nie może być przeniesione ani usunięte.",
            "Hlavní útvar účtu nelze přesunout ani smazat."
        ),
        MoveIntoItself => (
            "cannot be the unit itself or a unit below it.",
            "nie może być tym centrum ani centrum mu podrzędnym.",
            "nemůže být tento útvar ani útvar pod ním."
        ),
    }
}
