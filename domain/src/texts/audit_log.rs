//! Texts of the audit view.

use crate::text_table;

text_table! {
    pub enum AuditT {
        Title => ("Audit", "Dziennik zdarzeń", "Audit"),
        From => ("From", "Od", "Od"),
        To => ("To", "Do", "Do"),
        User => ("User", "Użytkownik", "Uživatel"),
        Action => ("Action", "Czynność", "Akce"),
        When => ("When", "Kiedy", "Kdy"),
        Object => ("Object", "Obiekt", "Objekt"),
        Detail => ("Detail", "Szczegóły", "Podrobnosti"),
        Address => ("Address", "Adres", "Adresa"),
        Change => ("Before and after", "Przed i po", "Před a po"),
        Before => ("Before", "Przed", "Před"),
        After => ("After", "Po", "Po"),
        NativeFor => ("{native} for {effective}", "{native} w zastępstwie za {effective}", "{native} v zastoupení za {effective}"),
        NativeUser => ("Signed-in user", "Zalogowany użytkownik", "Přihlášený uživatel"),
        EffectiveUser => ("On behalf of", "W imieniu", "Jménem"),
        Filter => ("Filter", "Filtruj", "Filtrovat"),
        Export => ("Export CSV", "Eksport CSV", "Export CSV"),
        Empty => ("No records match.", "Brak pasujących zapisów.", "Žádné odpovídající záznamy."),
        ToBeforeFrom => ("must not be before From.", "nie może być wcześniejsza niż Od.", "nesmí být před Od."),
    }
}
