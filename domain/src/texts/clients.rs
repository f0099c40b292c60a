//! Texts of the application clients (the decision API's credentials).

use crate::text_table;

text_table! {
    pub enum ClientT {
        Title => ("Application clients", "Klienci aplikacji", "Klienti aplikací"),
        Intro => (
            "Business applications ask Klucznik for decisions (AuthZEN) with a client's secret. A client of this main account may ask about this account and its sub-accounts.",
            "Aplikacje biznesowe pytają Klucznika o decyzje (AuthZEN) sekretem klienta. Klient tego konta głównego może pytać o to konto i jego konta dodatkowe.",
            "Podnikové aplikace se Klucznika ptají na rozhodnutí (AuthZEN) tajemstvím klienta. Klient tohoto hlavního účtu se může ptát na tento účet a jeho vedlejší účty."
        ),
        Name => ("Name", "Nazwa", "Název"),
        ClientId => ("Client id", "Identyfikator klienta", "Identifikátor klienta"),
        Created => ("Created", "Utworzony", "Vytvořen"),
        LastUsed => ("Last used", "Ostatnio użyty", "Naposledy použit"),
        Never => ("never", "nigdy", "nikdy"),
        State => ("State", "Stan", "Stav"),
        Active => ("active", "aktywny", "aktivní"),
        Revoked => ("revoked", "unieważniony", "zneplatněn"),
        Add => ("Add client", "Dodaj klienta", "Přidat klienta"),
        Rotate => ("New secret", "Nowy sekret", "Nové tajemství"),
        Revoke => ("Revoke", "Unieważnij", "Zneplatnit"),
        RevokeConfirm => (
            "Revoke client {name}? Applications using its secret are refused from now on.",
            "Unieważnić klienta {name}? Aplikacje używające jego sekretu zostaną od teraz odrzucone.",
            "Zneplatnit klienta {name}? Aplikace s jeho tajemstvím budou od teď odmítnuty."
        ),
        SecretTitle => ("The client's secret", "Sekret klienta", "Tajemství klienta"),
        SecretOnce => (
            "Copy the secret now: it is shown only this once. The application sends it as Authorization: Bearer <secret>.",
            "Skopiuj sekret teraz: jest pokazywany tylko ten jeden raz. Aplikacja wysyła go jako Authorization: Bearer <sekret>.",
            "Zkopírujte tajemství nyní: zobrazí se jen tentokrát. Aplikace ho posílá jako Authorization: Bearer <tajemství>."
        ),
        Secret => ("Secret", "Sekret", "Tajemství"),
        MainOnly => (
            "Clients belong to a main account: switch to it to manage them.",
            "Klienci należą do konta głównego: przełącz się na nie, aby nimi zarządzać.",
            "Klienti patří hlavnímu účtu: přepněte se na něj, abyste je spravovali."
        ),
        Empty => ("No clients yet.", "Brak klientów.", "Zatím žádní klienti."),
        AdministratorsOnly => (
            "Only administrators add clients or give them new secrets: a client may ask about every user of the account.",
            "Tylko administratorzy dodają klientów i nadają im nowe sekrety: klient może pytać o każdego użytkownika konta.",
            "Klienty přidávají a nová tajemství jim dávají jen správci: klient se může ptát na každého uživatele účtu."
        ),
        Close => ("Done", "Gotowe", "Hotovo"),
        Actions => ("Actions", "Akcje", "Akce"),
    }
}
