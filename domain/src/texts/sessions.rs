//! Texts of the sessions list (seed 000) and of one's own sessions.

use crate::text_table;

text_table! {
    pub enum SessionT {
        Title => ("Sessions", "Sesje", "Relace"),
        MyTitle => ("My sessions", "Moje sesje", "Moje relace"),
        StateAll => ("All", "Wszystkie", "Všechny"),
        StateEnded => ("Ended", "Przerwane", "Ukončené"),
        StateOpen => ("Open", "Otwarte", "Otevřené"),
        Show => ("Show", "Pokaż", "Zobrazit"),
        Search => ("Search by user", "Szukaj użytkownika", "Hledat uživatele"),
        From => ("Created from", "Utworzone od", "Vytvořeno od"),
        To => ("Created to", "Utworzone do", "Vytvořeno do"),
        ToBeforeFrom => ("is before the start of the range.", "jest przed początkiem zakresu.", "je před začátkem rozsahu."),
        ColId => ("Id", "Id", "Id"),
        ColUser => ("User", "Użytkownik", "Uživatel"),
        ColComputer => ("Computer", "Komputer", "Počítač"),
        ColUnit => ("Unit", "Centrum", "Útvar"),
        ColCreated => ("Created", "Utworzona", "Vytvořena"),
        ColClosed => ("Closed", "Zamknięta", "Uzavřena"),
        ColLastActivity => ("Last activity", "Ostatnia aktywność", "Poslední aktivita"),
        ColEndedBy => ("Ended by", "Przerwana przez", "Ukončil(a)"),
        ColService => ("Service", "Usługa", "Služba"),
        ColSessionName => ("Session name", "Nazwa sesji", "Název relace"),
        ColDbVersion => ("DB version", "Wersja bazy", "Verze databáze"),
        ColProgramVersion => ("Program version", "Wersja programu", "Verze programu"),
        ColWorkingAs => ("Working as", "Praca jako", "Pracuje jako"),
        ColAccount => ("Account", "Konto", "Účet"),
        SortBy => ("Sort by {column}", "Sortuj wg: {column}", "Řadit podle: {column}"),
        Ascending => ("ascending", "rosnąco", "vzestupně"),
        Descending => ("descending", "malejąco", "sestupně"),
        ThisSession => ("this session", "ta sesja", "tato relace"),
        Select => ("Select session {id}", "Zaznacz sesję {id}", "Vybrat relaci {id}"),
        Refresh => ("Refresh", "Odśwież", "Obnovit"),
        ExportCsv => ("Export to CSV", "Eksport do CSV", "Export do CSV"),
        ExportXlsx => ("Export to Excel", "Eksport do Excela", "Export do Excelu"),
        Exporting => ("Exporting… {rows} rows", "Eksport… {rows} wierszy", "Export… {rows} řádků"),
        ExportingBytes => ("Exporting… {kb} kB", "Eksport… {kb} kB", "Export… {kb} kB"),
        Exported => ("Exported {rows} rows.", "Wyeksportowano wierszy: {rows}.", "Exportováno řádků: {rows}."),
        EndSelected => ("End selected sessions", "Zakończ zaznaczone sesje", "Ukončit vybrané relace"),
        EndTitle => ("End {count} {count:session|sessions}?", "Zakończyć {count} {count:sesję|sesje|sesji}?", "Ukončit {count} {count:relaci|relace|relací}?"),
        EndText => (
            "Their users are told at once and must sign in again.",
            "Ich użytkownicy dowiedzą się o tym od razu i muszą zalogować się ponownie.",
            "Jejich uživatelé se to dozví ihned a musí se znovu přihlásit."
        ),
        Note => ("Reason (optional)", "Powód (opcjonalnie)", "Důvod (nepovinné)"),
        End => ("End sessions", "Zakończ sesje", "Ukončit relace"),
        EndOne => ("End", "Zakończ", "Ukončit"),
        EndSession => ("End session {id}", "Zakończ sesję {id}", "Ukončit relaci {id}"),
        EndOthers => ("End all my other sessions", "Zakończ wszystkie moje pozostałe sesje", "Ukončit všechny mé ostatní relace"),
        Ended => ("{count} {count:session|sessions} ended.", "Zakończono {count} {count:sesję|sesje|sesji}.", "{count:Ukončena|Ukončeny|Ukončeno} {count} {count:relace|relace|relací}."),
        VisitorSession => (
            "This session belongs to a user of the main account; it can be ended from the main account.",
            "Ta sesja należy do użytkownika konta głównego; można ją zakończyć z konta głównego.",
            "Tato relace patří uživateli hlavního účtu; lze ji ukončit z hlavního účtu."
        ),
        NotOwnSession => (
            "Your own current session cannot be ended here; sign out instead.",
            "Bieżącej własnej sesji nie można tu zakończyć; wyloguj się.",
            "Vlastní aktuální relaci zde nelze ukončit; odhlaste se."
        ),
        NothingSelected => ("Select at least one session.", "Zaznacz co najmniej jedną sesję.", "Vyberte alespoň jednu relaci."),
        ReasonLogout => ("signed out", "wylogowanie", "odhlášení"),
        ReasonExpired => ("expired", "wygasła", "vypršela"),
        ReasonPasswordChanged => ("password changed", "zmiana hasła", "změna hesla"),
        ReasonReplaced => ("signed in elsewhere", "logowanie w innym miejscu", "přihlášení jinde"),
        ReasonEnded => ("ended", "przerwana", "ukončena"),
        Live => ("The list updates live.", "Lista aktualizuje się na bieżąco.", "Seznam se aktualizuje průběžně."),
    }
}
