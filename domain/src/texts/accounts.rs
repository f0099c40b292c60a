//! Texts of sub-accounts, access to them and the account switcher.

use crate::text_table;

text_table! {
    pub enum AccountT {
        Title => ("Sub-accounts", "Konta dodatkowe", "Vedlejší účty"),
        AddAccount => ("Add account", "Dodaj konto", "Přidat účet"),
        EditAccount => ("Edit {name}", "Edytuj {name}", "Upravit {name}"),
        ExternalId => ("External identifier (PT id)", "Identyfikator PT", "Externí identifikátor (PT)"),
        ExternalIdCharacters => (
            "may hold letters, digits and - _ . / only.",
            "może zawierać tylko litery, cyfry oraz - _ . /",
            "smí obsahovat jen písmena, číslice a - _ . /"
        ),
        Users => ("Users", "Użytkownicy", "Uživatelé"),
        Granted => ("Main-account users with access", "Użytkownicy konta głównego z dostępem", "Uživatelé hlavního účtu s přístupem"),
        Status => ("Status", "Stan", "Stav"),
        Active => ("Active", "Aktywne", "Aktivní"),
        Inactive => ("Deactivated", "Nieaktywne", "Deaktivovaný"),
        Deactivate => ("Deactivate", "Dezaktywuj", "Deaktivovat"),
        Activate => ("Activate", "Aktywuj", "Aktivovat"),
        NoAccounts => ("There are no sub-accounts yet.", "Nie ma jeszcze kont dodatkowych.", "Zatím nejsou žádné vedlejší účty."),
        ConfirmCreate => (
            "Create the sub-account {name} with the identifier {external}?",
            "Utworzyć konto dodatkowe {name} z identyfikatorem PT {external}?",
            "Vytvořit vedlejší účet {name} s identifikátorem {external}?"
        ),
        ConfirmDeactivate => (
            "Deactivate {name}? Its users are signed out and cannot sign in, and nobody can switch into it.",
            "Dezaktywować {name}? Jego użytkownicy zostaną wylogowani i nie będą mogli się zalogować, a nikt nie przełączy się na to konto.",
            "Deaktivovat {name}? Jeho uživatelé budou odhlášeni a nebudou se moci přihlásit a nikdo se na něj nepřepne."
        ),
        ConfirmDelete => ("Delete the sub-account {name}?", "Usunąć konto dodatkowe {name}?", "Smazat vedlejší účet {name}?"),
        NotEmpty => (
            "The sub-account {name} still holds users, persons, units or roles; delete them first or deactivate it.",
            "Konto dodatkowe {name} ma jeszcze użytkowników, pracowników, centra lub role; najpierw je usuń albo dezaktywuj konto.",
            "Vedlejší účet {name} ještě obsahuje uživatele, osoby, útvary nebo role; nejprve je smažte, nebo účet deaktivujte."
        ),
        Next => ("Next", "Dalej", "Další"),
        ChangeAccess => ("Change", "Zmień", "Změnit"),
        SubAccounts => ("Sub-accounts", "Konta dodatkowe", "Vedlejší účty"),
        AllSubAccounts => ("All (administrator)", "Wszystkie (administrator)", "Všechny (administrátor)"),
        NoSubAccounts => ("None", "Brak", "Žádné"),
        EditAccessOf => ("Sub-accounts of {login}", "Konta dodatkowe użytkownika {login}", "Vedlejší účty uživatele {login}"),
        EditAccessLabel => ("Change sub-accounts of {login}", "Zmień konta dodatkowe użytkownika {login}", "Změnit vedlejší účty uživatele {login}"),
        AdministratorHasAll => (
            "An administrator of the main account always has access to every sub-account; this cannot be changed.",
            "Administrator konta głównego ma zawsze dostęp do wszystkich kont dodatkowych i nie możesz tego zmienić.",
            "Administrátor hlavního účtu má vždy přístup ke všem vedlejším účtům; to nelze změnit."
        ),
        NotYourAccess => (
            "You cannot change your own access to sub-accounts.",
            "Nie możesz zmieniać własnego dostępu do kont dodatkowych.",
            "Svůj vlastní přístup k vedlejším účtům měnit nemůžete."
        ),
        NotHeldByYou => (
            "You can only give or take access to sub-accounts you have access to yourself.",
            "Możesz nadawać lub odbierać dostęp tylko do kont dodatkowych, do których sam masz dostęp.",
            "Přístup můžete dávat či brát jen k vedlejším účtům, ke kterým ho máte sami."
        ),
        Switch => ("Switch account", "Przełącz konto", "Přepnout účet"),
        SwitchTitle => ("Switch account", "Przełącz konto", "Přepnout účet"),
        FilterAccounts => ("Filter by name", "Filtruj po nazwie", "Filtrovat podle názvu"),
        MainAccount => ("main account", "konto główne", "hlavní účet"),
        Current => ("current", "bieżące", "aktuální"),
        NoAccess => (
            "You have no access to that account.",
            "Nie masz dostępu do tego konta.",
            "K tomuto účtu nemáte přístup."
        ),
        ReturnedTitle => ("Back in the main account", "Powrót na konto główne", "Zpět v hlavním účtu"),
        ReturnedText => (
            "Your access to {account} has ended; you are working in the main account again.",
            "Twój dostęp do konta {account} został odebrany; pracujesz ponownie na koncie głównym.",
            "Váš přístup k účtu {account} skončil; opět pracujete v hlavním účtu."
        ),
    }
}
