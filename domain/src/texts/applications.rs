//! Texts of business applications and their catalogues (issue 16, docs/INTEGRATION.md
//! "Catalogue file").

use crate::text_table;

text_table! {
    pub enum AppT {
        Title => ("Applications", "Aplikacje", "Aplikace"),
        Intro => (
            "Business applications declare what they protect in a catalogue file. Their modules then appear in every rights editor, and their clients ask for decisions.",
            "Aplikacje biznesowe deklarują w pliku katalogu, co chronią. Ich moduły pojawiają się wtedy w każdym edytorze uprawnień, a ich klienci pytają o decyzje.",
            "Podnikové aplikace deklarují v souboru katalogu, co chrání. Jejich moduly se pak objeví v každém editoru práv a jejich klienti se ptají na rozhodnutí."
        ),
        Application => ("Application", "Aplikacja", "Aplikace"),
        Key => ("Key", "Klucz", "Klíč"),
        Version => ("Version", "Wersja", "Verze"),
        Modules => ("Modules", "Moduły", "Moduly"),
        Applied => ("Applied", "Zastosowano", "Použito"),
        Orphaned => ("Orphaned grants", "Osierocone uprawnienia", "Osiřelá práva"),
        BuiltIn => ("built in", "wbudowana", "vestavěná"),
        File => ("Catalogue file", "Plik katalogu", "Soubor katalogu"),
        Upload => ("Register or update from a file", "Zarejestruj lub zaktualizuj z pliku", "Registrovat nebo aktualizovat ze souboru"),
        PreviewTitle => ("Apply catalogue of {name}?", "Zastosować katalog aplikacji {name}?", "Použít katalog aplikace {name}?"),
        NewApplication => ("A new application is registered.", "Zostanie zarejestrowana nowa aplikacja.", "Zaregistruje se nová aplikace."),
        Added => ("Added", "Dodane", "Přidáno"),
        Renamed => ("Renamed", "Zmienione nazwy", "Přejmenováno"),
        Removed => ("Removed", "Usunięte", "Odebráno"),
        NoChanges => ("Nothing changes: the catalogue is already applied.", "Nic się nie zmienia: katalog jest już zastosowany.", "Nic se nemění: katalog je již použit."),
        RemovedKeep => (
            "{count} grants name removed rights: they are kept, out of effect, until purged.",
            "{count} uprawnień wskazuje usunięte prawa: zostają zachowane, bez skutku, do wyczyszczenia.",
            "{count} práv odkazuje na odebraná práva: zůstávají zachována, bez účinku, do vyčištění."
        ),
        Apply => ("Apply", "Zastosuj", "Použít"),
        Cancel => ("Cancel", "Anuluj", "Zrušit"),
        AppliedOk => ("Catalogue of {name} applied.", "Zastosowano katalog aplikacji {name}.", "Katalog aplikace {name} použit."),
        Purge => ("Purge orphaned grants", "Wyczyść osierocone uprawnienia", "Vyčistit osiřelá práva"),
        PurgeConfirm => (
            "Delete the {count} grants of {name} that name rights no longer in its catalogue?",
            "Usunąć {count} uprawnień aplikacji {name}, które wskazują prawa spoza jej katalogu?",
            "Smazat {count} práv aplikace {name}, která odkazují na práva mimo její katalog?"
        ),
        Purged => ("{count} orphaned grants purged.", "Wyczyszczono {count} osieroconych uprawnień.", "Vyčištěno {count} osiřelých práv."),
        MainOnly => (
            "Applications belong to a main account: switch to it to register them.",
            "Aplikacje należą do konta głównego: przełącz się na nie, aby je rejestrować.",
            "Aplikace patří hlavnímu účtu: přepněte se na něj, abyste je registrovali."
        ),
        AdministratorsOnly => (
            "Only administrators register applications: a catalogue decides what every rights editor offers.",
            "Tylko administratorzy rejestrują aplikacje: katalog decyduje, co oferuje każdy edytor uprawnień.",
            "Aplikace registrují jen správci: katalog určuje, co nabízí každý editor práv."
        ),
        Permissions => ("Other permissions", "Inne uprawnienia", "Další oprávnění"),
        OnPersons => ("also checked on the record's person", "sprawdzane też na osobie rekordu", "ověřuje se i na osobě záznamu"),
        OrphanedHere => (
            "Grants of rights no longer in the catalogue (out of effect): {keys}",
            "Uprawnienia do praw spoza katalogu (bez skutku): {keys}",
            "Práva mimo katalog (bez účinku): {keys}"
        ),
        BadJson => (
            "line {line}, column {column}: {detail}",
            "wiersz {line}, kolumna {column}: {detail}",
            "řádek {line}, sloupec {column}: {detail}"
        ),
        BadFormat => (
            "\"format\" must be 1 (this Klucznik reads catalogue format 1)",
            "\"format\" musi wynosić 1 (ten Klucznik czyta format katalogu 1)",
            "\"format\" musí být 1 (tento Klucznik čte formát katalogu 1)"
        ),
        BadKey => (
            "{at}: the key \"{key}\" must be 1–50 lowercase letters, digits or _, starting with a letter",
            "{at}: klucz \"{key}\" musi mieć 1–50 małych liter, cyfr lub _, zaczynając od litery",
            "{at}: klíč \"{key}\" musí mít 1–50 malých písmen, číslic nebo _, začínat písmenem"
        ),
        ReservedKey => (
            "{at}: the key \"{key}\" is reserved",
            "{at}: klucz \"{key}\" jest zarezerwowany",
            "{at}: klíč \"{key}\" je vyhrazen"
        ),
        Duplicate => (
            "{at}: the key \"{key}\" appears twice",
            "{at}: klucz \"{key}\" występuje dwukrotnie",
            "{at}: klíč \"{key}\" se vyskytuje dvakrát"
        ),
        NameMissing => (
            "{at}: an English name (\"en\") of at most 100 characters is required",
            "{at}: wymagana jest nazwa angielska (\"en\") o długości do 100 znaków",
            "{at}: je vyžadován anglický název (\"en\") o nejvýše 100 znacích"
        ),
        NeedsView => (
            "{at}: a module with operations must have \"view\"",
            "{at}: moduł z operacjami musi mieć \"view\"",
            "{at}: modul s operacemi musí mít \"view\""
        ),
        UnknownOperation => (
            "{at}: \"{key}\" is not a standard operation (view, create, edit, delete, restore, print, edit_view); give a custom one as {\"key\": …, \"name\": …}",
            "{at}: \"{key}\" nie jest operacją standardową (view, create, edit, delete, restore, print, edit_view); własną podaj jako {\"key\": …, \"name\": …}",
            "{at}: \"{key}\" není standardní operace (view, create, edit, delete, restore, print, edit_view); vlastní uveďte jako {\"key\": …, \"name\": …}"
        ),
        TooMany => (
            "{at}: at most {max} entries",
            "{at}: najwyżej {max} pozycji",
            "{at}: nejvýše {max} položek"
        ),
        KeyChanged => (
            "the file is for application \"{key}\", not \"{expected}\"",
            "plik dotyczy aplikacji \"{key}\", a nie \"{expected}\"",
            "soubor je pro aplikaci \"{key}\", ne \"{expected}\""
        ),
        FileTooLarge => ("the file is larger than {max} KiB", "plik jest większy niż {max} KiB", "soubor je větší než {max} KiB"),
        Changed => (
            "The catalogue changed since the preview: upload the file again.",
            "Katalog zmienił się od podglądu: wczytaj plik ponownie.",
            "Katalog se od náhledu změnil: nahrajte soubor znovu."
        ),
    }
}
