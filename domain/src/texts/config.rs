//! Texts of the account configuration.

use crate::text_table;

text_table! {
    pub enum ConfigT {
        Title => ("Configuration", "Konfiguracja", "Konfigurace aplikace"),
        PasswordPolicy => ("Password policy", "Polityka haseł", "Zásady hesel"),
        MinLength => ("Minimum password length", "Minimalna długość hasła", "Minimální délka hesla"),
        Strong => (
            "Require strong passwords (upper and lower case, a digit and a special character)",
            "Wymagaj mocnego hasła (duża i mała litera, cyfra i znak specjalny)",
            "Vyžadovat silná hesla (velké a malé písmeno, číslice a speciální znak)"
        ),
        MaxAgeDays => ("Passwords expire after (days; empty: never)", "Okresowa zmiana hasła co (dni; puste: nigdy)", "Platnost hesla (dní; prázdné: neomezeně)"),
        Sessions => ("Sessions", "Sesje", "Relace"),
        IdleMinutes => ("End idle sessions after (minutes)", "Zamykaj nieaktywne sesje po (minutach)", "Ukončit nečinné relace po (minutách)"),
        MaxHours => ("Longest session (hours)", "Najdłuższa sesja (godziny)", "Nejdelší relace (hodiny)"),
        TimeZone => ("Time zone", "Strefa czasowa", "Časové pásmo"),
        Range => ("must be a whole number from {min} to {max}.", "musi być liczbą całkowitą od {min} do {max}.", "musí být celé číslo od {min} do {max}."),
        UnknownZone => ("is not a time zone of the tz database (e.g. Europe/Warsaw).", "nie jest strefą czasową bazy tz (np. Europe/Warsaw).", "není časové pásmo databáze tz (např. Europe/Prague)."),
        SubstituteExpired => (
            "Substitutions may be defined for users whose validity has ended",
            "Można definiować zastępstwa za użytkowników, których profil wygasł",
            "Zastupování lze definovat i za uživatele, jejichž platnost skončila"
        ),
    }
}
