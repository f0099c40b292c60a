//! Texts shared by every area: the product, generic buttons, and the error messages.

use crate::text_table;

text_table! {
    pub enum CommonT {
        AppName => ("Klucznik", "Klucznik", "Klucznik"),
        Loading => ("Loading…", "Wczytywanie…", "Načítání…"),
        Close => ("Close", "Zamknij", "Zavřít"),
        Cancel => ("Cancel", "Anuluj", "Zrušit"),
        Confirm => ("Confirm", "Potwierdź", "Potvrdit"),
        Save => ("Save", "Zapisz", "Uložit"),
        Saved => ("Saved.", "Zapisano.", "Uloženo."),
        Add => ("Add", "Dodaj", "Přidat"),
        Edit => ("Edit", "Edytuj", "Editovat"),
        Delete => ("Delete", "Usuń", "Smazat"),
        Deleted => ("Deleted.", "Usunięto.", "Smazáno."),
        Search => ("Search", "Szukaj", "Hledat"),
        Refresh => ("Refresh", "Odśwież", "Obnovit"),
        Yes => ("Yes", "Tak", "Ano"),
        No => ("No", "Nie", "Ne"),
        All => ("All", "Wszystkie", "Vše"),
        None => ("(none)", "(brak)", "(žádné)"),
        Back => ("Back", "Wstecz", "Zpět"),
        Name => ("Name", "Nazwa", "Název"),
        Description => ("Description", "Opis", "Popis"),
        Columns => ("Columns", "Kolumny", "Sloupce"),
        SaveView => ("Save my view", "Zapisz mój widok", "Uložit moje zobrazení"),
        ViewSaved => ("Your view of this list is saved.", "Zapisano Twój widok tej listy.", "Vaše zobrazení seznamu je uloženo."),
        ViewNotSaved => (
            "These columns apply to this page; saving them needs the Edit view right.",
            "Te kolumny obowiązują na tej stronie; zapisanie ich wymaga prawa Edycja widoku.",
            "Tyto sloupce platí pro tuto stránku; jejich uložení vyžaduje právo Editovat zobrazení."
        ),
        NothingFound => ("Nothing found.", "Nic nie znaleziono.", "Nic nenalezeno."),
        ErrInternal => (
            "Something went wrong on the server (reference {reference}). Try again; if it keeps happening, give the reference to your administrator.",
            "Wystąpił błąd serwera (numer {reference}). Spróbuj ponownie; jeśli błąd się powtarza, przekaż numer administratorowi.",
            "Na serveru došlo k chybě (číslo {reference}). Zkuste to znovu; pokud se chyba opakuje, sdělte číslo správci."
        ),
        ErrUnauthenticated => (
            "You are not signed in, or your session has ended. Sign in again.",
            "Nie jesteś zalogowany albo Twoja sesja została zakończona. Zaloguj się ponownie.",
            "Nejste přihlášeni nebo vaše relace skončila. Přihlaste se znovu."
        ),
        ErrPasswordChangeRequired => (
            "Change your password before you continue.",
            "Zanim przejdziesz dalej, zmień hasło.",
            "Než budete pokračovat, změňte si heslo."
        ),
        ErrForbidden => (
            "You do not have the right to do this.",
            "Nie masz uprawnień do wykonania tej operacji.",
            "K této operaci nemáte oprávnění."
        ),
        ErrNotFound => ("Not found.", "Nie znaleziono.", "Nenalezeno."),
        ErrInvalid => (
            "Some fields need your attention.",
            "Niektóre pola wymagają poprawienia.",
            "Některá pole je třeba opravit."
        ),
        ErrStale => (
            "Someone else changed this record in the meantime. Reload it and make your change again.",
            "W międzyczasie ktoś inny zmienił ten rekord. Odśwież go i wprowadź zmianę ponownie.",
            "Mezitím tento záznam změnil někdo jiný. Načtěte jej znovu a změnu proveďte znovu."
        ),
        ErrThrottled => (
            "Too many failed attempts. Try again in {seconds} s.",
            "Zbyt wiele nieudanych prób. Spróbuj ponownie za {seconds} s.",
            "Příliš mnoho neúspěšných pokusů. Zkuste to znovu za {seconds} s."
        ),
        ErrRequest => (
            "The request could not be understood: {detail}",
            "Nie można zrozumieć żądania: {detail}",
            "Požadavku nelze porozumět: {detail}"
        ),
        ErrUnreachable => (
            "The server cannot be reached. Check your connection and try again.",
            "Nie można połączyć się z serwerem. Sprawdź połączenie i spróbuj ponownie.",
            "Server není dostupný. Zkontrolujte připojení a zkuste to znovu."
        ),
        ErrTooLarge => (
            "The request is larger than {max} KiB.",
            "Żądanie jest większe niż {max} KiB.",
            "Požadavek je větší než {max} KiB."
        ),
        ErrCrossOrigin => (
            "Requests from another site are refused.",
            "Żądania z innej witryny są odrzucane.",
            "Požadavky z jiného webu jsou odmítány."
        ),
        FieldRequired => ("is required.", "jest wymagane.", "je povinné."),
        FieldTooLong => (
            "is too long (at most {max} characters).",
            "jest za długie (najwyżej {max} znaków).",
            "je příliš dlouhé (nejvýše {max} znaků)."
        ),
        FieldDuplicate => ("is already used by another record.", "jest już używane przez inny rekord.", "již používá jiný záznam."),
        FieldUnknown => ("refers to something that does not exist.", "wskazuje coś, co nie istnieje.", "odkazuje na něco, co neexistuje."),
        FieldBadDate => ("is not a date (YYYY-MM-DD).", "nie jest datą (RRRR-MM-DD).", "není datum (RRRR-MM-DD)."),
        FieldBadCharacters => (
            "contains characters that are not allowed.",
            "zawiera niedozwolone znaki.",
            "obsahuje nepovolené znaky."
        ),
    }
}
