//! Texts of the title bar, navigation, user menu and dashboard.

use crate::text_table;

text_table! {
    pub enum ShellT {
        Account => ("Account", "Konto", "Účet"),
        UserMenu => ("User menu", "Menu użytkownika", "Uživatelská nabídka"),
        SignedInAs => ("Signed in as {name}", "Zalogowano jako {name}", "Přihlášen jako {name}"),
        Language => ("Language", "Język", "Jazyk"),
        DarkTheme => ("Dark theme", "Ciemny motyw", "Tmavý motiv"),
        LogOut => ("Log out", "Wyloguj", "Odhlásit"),
        MainNavigation => ("Main navigation", "Nawigacja główna", "Hlavní navigace"),
        Menu => ("Menu", "Menu", "Nabídka"),
        Dashboard => ("Dashboard", "Pulpit", "Nástěnka"),
        Welcome => ("Welcome, {name}", "Witaj, {name}", "Vítejte, {name}"),
        YourAccount => ("Current account: {account}", "Bieżące konto: {account}", "Aktuální účet: {account}"),
                YourUnit => ("Unit: {unit}", "Centrum: {unit}", "Útvar: {unit}"),
        OnlineNow => ("Online now", "Teraz zalogowani", "Právě přihlášení"),
        OnlineCount => ("{count} open {count:session|sessions}", "{count} {count:otwarta sesja|otwarte sesje|otwartych sesji}", "{count} {count:otevřená relace|otevřené relace|otevřených relací}"),
        ColUser => ("User", "Operator", "Uživatel"),
        ColSince => ("Signed in", "Data utworzenia", "Přihlášen"),
        ColComputer => ("Computer", "Nazwa komputera", "Počítač"),
        You => ("(you)", "(Ty)", "(vy)"),
        NobodyOnline => ("Nobody else is signed in.", "Nikt inny nie jest zalogowany.", "Nikdo další není přihlášen."),
        LiveConnected => ("Live updates on", "Aktualizacje na żywo włączone", "Živé aktualizace zapnuty"),
        LiveDisconnected => ("Live updates reconnecting…", "Ponowne łączenie aktualizacji…", "Obnovování živých aktualizací…"),
        SessionEndedTitle => ("Your session has ended", "Twoja sesja została zakończona", "Vaše relace byla ukončena"),
        SessionEndedText => (
            "Sign in again to continue.",
            "Zaloguj się ponownie, aby kontynuować.",
            "Pro pokračování se znovu přihlaste."
        ),
        EndedBy => (
            "Your session was ended by {by} at {at}.",
            "Twoja sesja została zakończona przez {by} o {at}.",
            "Vaši relaci ukončil(a) {by} v {at}."
        ),
        EndedReplaced => (
            "You signed in elsewhere and chose to end this session.",
            "Zalogowano się w innym miejscu z zakończeniem tej sesji.",
            "Přihlásili jste se jinde a zvolili ukončení této relace."
        ),
        EndedExpired => (
            "The session expired.",
            "Sesja wygasła.",
            "Platnost relace vypršela."
        ),
        EndedReason => ("Reason: {note}", "Powód: {note}", "Důvod: {note}"),
        GoToLogin => ("Go to sign-in", "Przejdź do logowania", "Přejít na přihlášení"),
        RefusedTitle => ("Not available to you", "Niedostępne dla Ciebie", "Pro vás nedostupné"),
        NotFoundTitle => ("Page not found", "Nie znaleziono strony", "Stránka nenalezena"),
        BackToDashboard => ("Back to the dashboard", "Wróć do pulpitu", "Zpět na nástěnku"),
        Paging => ("Pages", "Strony", "Stránky"),
        PageOf => ("Page {page} of {pages} ({total} in all)", "Strona {page} z {pages} (razem {total})", "Strana {page} z {pages} (celkem {total})"),
        PreviousPage => ("Previous page", "Poprzednia strona", "Předchozí strana"),
        NextPage => ("Next page", "Następna strona", "Další strana"),
        SkipToContent => ("Skip to content", "Przejdź do treści", "Přeskočit na obsah"),
    }
}
