//! Texts of users.

use crate::text_table;

text_table! {
    pub enum UserT {
        Title => ("Users", "Użytkownicy", "Uživatelé"),
        NewUser => ("New user", "Nowy użytkownik", "Nový uživatel"),
        Kind => ("Type", "Typ", "Typ"),
        KindInternal => ("Internal", "Wewnętrzny", "Interní"),
        KindExternal => ("External", "Zewnętrzny", "Externí"),
        KindUniversal => ("Universal", "Uniwersalny", "Univerzální"),
        KindFixed => ("The type cannot be changed after the user is created.", "Typu nie można zmienić po utworzeniu użytkownika.", "Typ nelze po vytvoření uživatele změnit."),
        Active => ("Active", "Aktywny", "Aktivní"),
        Blocked => ("Blocked", "Zablokowany", "Blokace"),
        Expired => ("Expired", "Wygasły", "Platnost vypršela"),
        Inactive => ("Inactive", "Nieaktywny", "Neaktivní"),
        Status => ("Status", "Status", "Stav"),
        ValidFrom => ("Valid from", "Ważny od", "Platnost od"),
        ValidTo => ("Valid to", "Ważny do", "Platnost do"),
        Login => ("Login", "Nazwa", "Přihlašovací jméno"),
        FullName => ("Full name", "Imię i nazwisko", "Jméno"),
        PrintLabel => ("Label for printouts", "Oznaczenie dla drukarki fiskalnej", "Označení pro tisk"),
        PrintLabelHint => ("Empty: the login is used.", "Puste: używana jest nazwa.", "Prázdné: použije se přihlašovací jméno."),
        Email => ("E-mail", "E-mail", "E-mail"),
        EmailShape => (
            "is not an e-mail address (name@example.com).",
            "nie jest adresem e-mail (nazwa@przyklad.pl).",
            "není e-mailová adresa (jmeno@priklad.cz)."
        ),
        Note => ("Note", "Uwagi", "Poznámka"),
        Person => ("Linked person", "Pracownik", "Přiřazená osoba"),
        DefaultUnit => ("Default unit", "Domyślne centrum", "Výchozí útvar"),
        Pin => ("PIN", "PIN", "PIN"),
        NewPin => ("New PIN", "Nowy PIN", "Nový PIN"),
        PinHint => ("Up to 6 digits, for other applications.", "Do 6 cyfr, do logowania w aplikacjach zewnętrznych.", "Nejvýše 6 číslic, pro jiné aplikace."),
        PinSet => ("A PIN is set.", "PIN jest ustawiony.", "PIN je nastaven."),
        LastUsed => ("Last used by an application: {when}.", "Ostatnio użyty przez aplikację: {when}.", "Naposledy použit aplikací: {when}."),
        NeverUsed => ("Not used by an application yet.", "Jeszcze nie użyty przez aplikację.", "Zatím nepoužit žádnou aplikací."),
        PinLocked => (
            "Locked after three wrong PINs: set a new PIN to unlock it.",
            "Zablokowany po trzech błędnych PIN-ach: ustaw nowy PIN, aby go odblokować.",
            "Zablokován po třech chybných PIN: nastavte nový PIN, abyste ho odblokovali."
        ),
        ExternalUsed => ("External password last used by an application: {when}.", "Hasło zewnętrzne ostatnio użyte przez aplikację: {when}.", "Externí heslo naposledy použito aplikací: {when}."),
        RemovePin => ("Remove the PIN", "Usuń PIN", "Odebrat PIN"),
        CardNumber => ("Card number", "Numer karty", "Číslo karty"),
        NewCardNumber => ("New card number", "Nowy numer karty", "Nové číslo karty"),
        CardSet => ("A card number is set.", "Numer karty jest ustawiony.", "Číslo karty je nastaveno."),
        CardHint => ("Up to 50 characters, for other applications.", "Do 50 znaków, do logowania w aplikacjach zewnętrznych.", "Nejvýše 50 znaků, pro jiné aplikace."),
        RemoveCard => ("Remove the card number", "Usuń numer karty", "Odebrat číslo karty"),
        Password => ("Password", "Hasło", "Heslo"),
        PasswordConfirm => ("Confirm password", "Potwierdź hasło", "Kontrolní heslo"),
        ExternalPassword => ("External password", "Hasło zewnętrzne", "Externí heslo"),
        ExternalPasswordConfirm => ("Confirm external password", "Potwierdź hasło zewnętrzne", "Kontrolní externí heslo"),
        SharedPassword => ("Shared password", "Wspólne hasło", "Společné heslo"),
        SharedPasswordHint => (
            "One password for the console and for other applications.",
            "Jedno hasło do konsoli i do aplikacji zewnętrznych.",
            "Jedno heslo pro konzoli i pro jiné aplikace."
        ),
        Generate => ("Generate random password", "Generuj hasło losowe", "Vygenerovat náhodné heslo"),
        Generated => ("Generated password: {password} — note it down for the user.", "Wygenerowane hasło: {password} — przekaż je użytkownikowi.", "Vygenerované heslo: {password} — předejte je uživateli."),
        AccountPolicy => ("Password policy of the configuration", "Polityka haseł określona w konfiguracji systemu", "Zásady hesel z konfigurace"),
        RequireStrong => ("Require a strong password", "Wymagaj mocnego hasła", "Vyžadovat silné heslo"),
        MaxAgeDays => ("Require a periodic change every (days)", "Wymagaj okresowej zmiany hasła co (dni)", "Vyžadovat pravidelnou změnu každých (dní)"),
        DaysRange => ("must be a whole number of days from 1 to 3650.", "musi być liczbą dni od 1 do 3650.", "musí být počet dní od 1 do 3650."),
        MustChange => ("Require a password change at the next sign-in", "Wymagaj zmiany hasła przy następnym logowaniu", "Vyžadovat změnu hesla při příštím přihlášení"),
        EndSessions => ("End the user's open sessions, in the console and in applications", "Zakończ otwarte sesje użytkownika w konsoli i w aplikacjach", "Ukončit otevřené relace uživatele v konzoli i v aplikacích"),
        SetPassword => ("Set password", "Ustaw hasło", "Nastavit heslo"),
        SetPasswordFor => ("Set a password for {login}", "Zmiana hasła użytkownika {login}", "Nastavit heslo pro {login}"),
        WhichPassword => ("Which password", "Które hasło", "Které heslo"),
        ConsolePassword => ("Console password", "Hasło wewnętrzne", "Heslo do konzole"),
        PasswordSet => ("The password was set.", "Hasło zostało ustawione.", "Heslo bylo nastaveno."),
        Roles => ("Roles", "Grupy operatora", "Role"),
        EveryoneAlways => ("Everyone (always)", "Wszyscy (zawsze)", "Všichni (vždy)"),
        SearchUsers => ("Search users", "Szukaj użytkowników", "Hledat uživatele"),
        AnyKind => ("Any type", "Dowolny typ", "Libovolný typ"),
        AnyRole => ("Any role", "Dowolna grupa", "Libovolná role"),
        LoginCharacters => (
            "may hold letters (with diacritics), digits and . _ - @ \\ only.",
            "może zawierać tylko litery (także z diakrytykami), cyfry i znaki . _ - @ \\.",
            "smí obsahovat jen písmena (i s diakritikou), číslice a znaky . _ - @ \\."
        ),
        ValidToBeforeFrom => ("cannot be before \"Valid from\".", "nie może być wcześniej niż \"Ważny od\".", "nesmí být dříve než \"Platnost od\"."),
        PinDigits => ("must be 1 to 6 digits.", "musi składać się z 1–6 cyfr.", "musí mít 1 až 6 číslic."),
        PersonTaken => (
            "is already linked to the {kind} user {login}; a person may be linked to many internal users but to only one external or universal user.",
            "jest już powiązany z użytkownikiem {login} ({kind}); jeden pracownik może być powiązany z wieloma operatorami wewnętrznymi, ale tylko z jednym zewnętrznym lub uniwersalnym.",
            "je již přiřazena uživateli {login} ({kind}); osobu lze přiřadit mnoha interním uživatelům, ale jen jednomu externímu nebo univerzálnímu."
        ),
        NoSignInUnit => (
            "This user cannot sign in yet: none of their roles has a unit to sign in to. Give them a role with a unit.",
            "Ten operator nie może się jeszcze zalogować: żadna z jego grup nie ma centrum do logowania. Dodaj go do grupy z centrum.",
            "Tento uživatel se zatím nemůže přihlásit: žádná z jeho rolí nemá útvar k přihlášení. Přidejte mu roli s útvarem."
        ),
        OwnGuarded => (
            "Your own status, login, e-mail, sign-in secrets, password rules and linked person are changed by an administrator.",
            "Własny status, login, e-mail, PIN i kartę, zasady haseł oraz przypisanego pracownika zmienia administrator.",
            "Vlastní stav, přihlašovací jméno, e-mail, PIN a kartu, pravidla hesel a přiřazenou osobu mění správce."
        ),
        OwnPasswordInProfile => (
            "Change your own password in your profile, with your current password.",
            "Własne hasło zmienisz w swoim profilu, podając obecne hasło.",
            "Vlastní heslo změníte ve svém profilu se zadáním současného hesla."
        ),
        NoExternalPassword => (
            "Internal users have no external password.",
            "Użytkownik wewnętrzny nie ma hasła zewnętrznego.",
            "Interní uživatel nemá externí heslo."
        ),
    }
}
