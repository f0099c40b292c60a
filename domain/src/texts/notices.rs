//! Texts of the notification centre and of the notices themselves.

use crate::text_table;

text_table! {
    pub enum NoticeT {
        Bell => ("Notifications", "Powiadomienia", "Oznámení"),
        BellUnread => ("Notifications: {count} unread", "Powiadomienia: {count} {count:nieprzeczytane|nieprzeczytane|nieprzeczytanych}", "Oznámení: {count} {count:nepřečtené|nepřečtená|nepřečtených}"),
        Empty => ("No notifications.", "Brak powiadomień.", "Žádná oznámení."),
        MarkAllRead => ("Mark all as read", "Oznacz wszystkie jako przeczytane", "Označit vše jako přečtené"),
        Unread => ("unread", "nieprzeczytane", "nepřečtené"),
        ForUser => ("For {absent} (you substitute them)", "Dla {absent} (zastępujesz tę osobę)", "Pro {absent} (zastupujete tuto osobu)"),
        Reason => ("Reason: {note}", "Powód: {note}", "Důvod: {note}"),
        SessionEnded => ("{by} ended one of your sessions", "{by} zakończył jedną z Twoich sesji", "{by} ukončil jednu z vašich relací"),
        RightsChanged => ("{by} changed your rights", "{by} zmienił Twoje uprawnienia", "{by} změnil vaše oprávnění"),
        PasswordReset => (
            "{by} set a new password for you; sign in with the password you were given",
            "{by} ustawił Ci nowe hasło; zaloguj się hasłem, które otrzymałeś",
            "{by} vám nastavil nové heslo; přihlaste se heslem, které jste dostali"
        ),
        SubstitutionDefined => (
            "{by} made you the substitute of {absent} from {from} to {to}",
            "{by} wyznaczył Cię na zastępcę użytkownika {absent} od {from} do {to}",
            "{by} vás určil zástupcem uživatele {absent} od {from} do {to}"
        ),
        SubstitutionStarted => (
            "{substitute} started working on your behalf",
            "{substitute} rozpoczął pracę w Twoim zastępstwie",
            "{substitute} začal pracovat ve vašem zastoupení"
        ),
        SubstitutionStopped => (
            "{substitute} stopped working on your behalf",
            "{substitute} zakończył pracę w Twoim zastępstwie",
            "{substitute} přestal pracovat ve vašem zastoupení"
        ),
        ModeEnded => (
            "Your work as {absent} ended: {why}",
            "Twoja praca w zastępstwie za {absent} została zakończona: {why}",
            "Vaše práce jako {absent} skončila: {why}"
        ),
        MailFooter => (
            "This message was sent by Klucznik.",
            "Wiadomość wysłana przez Klucznik.",
            "Tuto zprávu odeslal Klucznik."
        ),
        MailCopy => (
            "A copy for you as the substitute of {absent}.",
            "Kopia dla Ciebie jako zastępcy użytkownika {absent}.",
            "Kopie pro vás jako zástupce uživatele {absent}."
        ),
    }
}
