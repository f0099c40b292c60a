//! Texts of signing in, signing out and passwords.

use crate::text_table;

text_table! {
    pub enum AuthT {
        SignInTitle => ("Sign in to Klucznik", "Logowanie do Klucznika", "Přihlášení do Klucznika"),
        Login => ("Login", "Login", "Přihlašovací jméno"),
        Password => ("Password", "Hasło", "Heslo"),
        SignIn => ("Sign in", "Zaloguj", "Přihlásit"),
        SigningIn => ("Signing in…", "Logowanie…", "Přihlašování…"),
        WrongCredentials => ("Wrong login or password.", "Nieprawidłowy login lub hasło.", "Nesprávné přihlašovací jméno nebo heslo."),
        RefusedInactive => (
            "Your account is not active. Ask your administrator to activate it.",
            "Twoje konto nie jest aktywne. Poproś administratora o aktywację.",
            "Váš účet není aktivní. Požádejte správce o aktivaci."
        ),
        RefusedBlocked => (
            "Your account is blocked. Ask your administrator to unblock it.",
            "Twoje konto jest zablokowane. Poproś administratora o odblokowanie.",
            "Váš účet je blokován. Požádejte správce o odblokování."
        ),
        RefusedNotYetValid => (
            "Your account is not valid yet.",
            "Twoje konto nie jest jeszcze ważne.",
            "Váš účet ještě není platný."
        ),
        RefusedExpired => (
            "Your account has expired. Ask your administrator to extend it.",
            "Ważność Twojego konta wygasła. Poproś administratora o przedłużenie.",
            "Platnost vašeho účtu vypršela. Požádejte správce o prodloužení."
        ),
        RefusedExternal => (
            "This account is for other applications only; it cannot sign in to the console.",
            "To konto służy tylko do innych aplikacji; nie może logować się do konsoli.",
            "Tento účet slouží jen pro jiné aplikace; do konzole se přihlásit nemůže."
        ),
        RefusedAccountInactive => (
            "The account you belong to is deactivated.",
            "Konto, do którego należysz, jest nieaktywne.",
            "Účet, ke kterému patříte, je deaktivován."
        ),
        RefusedNoUnit => (
            "No unit is open to you: none of your roles has a unit. Ask your administrator.",
            "Nie masz dostępu do żadnego centrum: żadna z Twoich grup nie ma przypisanego centrum. Zwróć się do administratora.",
            "Nemáte přístup k žádnému útvaru: žádná z vašich rolí nemá útvar. Obraťte se na správce."
        ),
        Unit => ("Unit", "Centrum", "Útvar"),
        AlreadySignedIn => (
            "You are already signed in at {computer} since {since}.",
            "Jesteś już zalogowany na {computer} od {since}.",
            "Již jste přihlášeni na {computer} od {since}."
        ),
        ContinueEndsOther => (
            "Continue to end that session and sign in here, or cancel.",
            "Kontynuuj, aby zakończyć tamtą sesję i zalogować się tutaj, albo anuluj.",
            "Pokračováním ukončíte tamtu relaci a přihlásíte se zde, nebo zrušte."
        ),
        ChooseUnit => ("Choose the unit to work in.", "Wybierz centrum, w którym chcesz pracować.", "Vyberte útvar, ve kterém chcete pracovat."),
        Continue => ("Continue", "Dalej", "Pokračovat"),
        UnitNotYours => ("is not one of your units.", "nie jest jednym z Twoich centrów.", "není jedním z vašich útvarů."),
        ChangePasswordTitle => ("Change password", "Zmiana hasła", "Změna hesla"),
        MustChangePassword => (
            "You must change your password before you continue.",
            "Przed dalszą pracą musisz zmienić hasło.",
            "Než budete pokračovat, musíte si změnit heslo."
        ),
        CurrentPassword => ("Current password", "Aktualne hasło", "Současné heslo"),
        NewPassword => ("New password", "Nowe hasło", "Nové heslo"),
        ConfirmPassword => ("Confirm new password", "Potwierdź hasło", "Kontrolní heslo"),
        EndOtherSessions => ("End my other sessions, in the console and in applications", "Zakończ moje pozostałe sesje w konsoli i w aplikacjach", "Ukončit mé ostatní relace v konzoli i v aplikacích"),
        ChangePassword => ("Change password", "Zmień hasło", "Změnit heslo"),
        PasswordChanged => ("Your password has been changed.", "Hasło zostało zmienione.", "Heslo bylo změněno."),
        PasswordRules => (
            "At least {min} characters; not a commonly used password.",
            "Co najmniej {min} znaków; nie może to być popularne hasło.",
            "Alespoň {min} znaků; nesmí jít o běžně používané heslo."
        ),
        StrongRule => (
            "It must also have an upper-case letter, a lower-case letter, a digit and a special character.",
            "Musi też zawierać dużą literę, małą literę, cyfrę i znak specjalny.",
            "Musí obsahovat také velké písmeno, malé písmeno, číslici a speciální znak."
        ),
        PasswordTooShort => ("must have at least {min} characters.", "musi mieć co najmniej {min} znaków.", "musí mít alespoň {min} znaků."),
        PasswordTooCommon => (
            "is one of the most common passwords; choose another.",
            "jest jednym z najpopularniejszych haseł; wybierz inne.",
            "patří k nejběžnějším heslům; zvolte jiné."
        ),
        PasswordSameAsLogin => ("must not be the same as the login.", "nie może być takie samo jak login.", "nesmí být stejné jako přihlašovací jméno."),
        PasswordNotStrong => (
            "must have at least 8 characters with an upper-case letter, a lower-case letter, a digit and a special character.",
            "musi mieć co najmniej 8 znaków, w tym dużą literę, małą literę, cyfrę i znak specjalny.",
            "musí mít alespoň 8 znaků včetně velkého písmene, malého písmene, číslice a speciálního znaku."
        ),
        PasswordUnchanged => ("must differ from the current password.", "musi różnić się od aktualnego hasła.", "se musí lišit od současného hesla."),
        PasswordMismatch => ("does not match the new password.", "nie zgadza się z nowym hasłem.", "neodpovídá novému heslu."),
        CurrentPasswordWrong => ("is not correct.", "jest nieprawidłowe.", "není správné."),
        Computer => ("Computer", "Komputer", "Počítač"),
        SessionName => ("Session name", "Nazwa sesji", "Název relace"),
        Pin => ("PIN", "PIN", "PIN"),
        Card => ("Card number", "Numer karty", "Číslo karty"),
        Step => ("Step token", "Token kroku", "Token kroku"),
        PinDigits => ("must be 1 to {max} digits.", "musi mieć od 1 do {max} cyfr.", "musí mít 1 až {max} číslic."),
        CardTaken => ("is already another user's card.", "jest już kartą innego użytkownika.", "je již kartou jiného uživatele."),
    }
}
