//! Texts of the persons directory.

use crate::text_table;

text_table! {
    pub enum PersonT {
        Title => ("Persons", "Pracownicy", "Osoby"),
        NewPerson => ("New person", "Nowy pracownik", "Nová osoba"),
        FirstName => ("First name", "Imię", "Jméno"),
        LastName => ("Last name", "Nazwisko", "Příjmení"),
        PersonalNumber => ("Personal number", "Numer ewidencyjny", "Osobní číslo"),
        Unit => ("Unit", "Centrum", "Útvar"),
        AllUnits => ("All units", "Wszystkie centra", "Všechny útvary"),
        Supervisor => ("Supervisor", "Przełożony", "Nadřízený"),
        SearchPersons => ("Search persons", "Szukaj pracowników", "Hledat osoby"),
        ChoosePerson => ("Choose a person", "Wybierz pracownika", "Vyberte osobu"),
        LinkedUsers => ("Linked users", "Powiązani użytkownicy", "Přiřazení uživatelé"),
        OwnSupervisor => ("cannot be the person themselves.", "nie może być tą samą osobą.", "nemůže být tatáž osoba."),
        SupervisorLoop => (
            "would make a circle: this person is above the chosen supervisor.",
            "tworzyłby cykl: ta osoba jest przełożonym wybranego przełożonego.",
            "by vytvořil kruh: tato osoba je nadřízená zvolenému nadřízenému."
        ),
        HasUsers => (
            "The person {name} is linked to users ({logins}); unlink them first.",
            "Pracownik {name} jest powiązany z użytkownikami ({logins}); najpierw usuń powiązania.",
            "Osoba {name} je přiřazena uživatelům ({logins}); nejprve přiřazení zrušte."
        ),
        HasSubordinates => (
            "The person {name} is the supervisor of {count} {count:person|persons}; give them another supervisor first.",
            "Pracownik {name} jest przełożonym {count} {count:osoby|osób|osób}; najpierw wskaż im innego przełożonego.",
            "Osoba {name} je nadřízenou {count} {count:osoby|osob|osob}; nejprve jim určete jiného nadřízeného."
        ),
        ConfirmDelete => ("Delete the person {name}?", "Usunąć pracownika {name}?", "Smazat osobu {name}?"),
    }
}
