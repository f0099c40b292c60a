//! Texts of substitutions and of working on someone's behalf.

use crate::text_table;

text_table! {
    pub enum SubT {
        Title => ("Substitutions", "Zastępstwa", "Zastupování"),
        Add => ("Add substitution", "Dodaj zastępstwo", "Přidat zastupování"),
        EditTitle => ("Edit substitution", "Edycja zastępstwa", "Upravit zastupování"),
        TabActive => ("Active", "Aktywne", "Aktivní"),
        TabInactive => ("Inactive", "Nieaktywne", "Neaktivní"),
        Absent => ("Absent user", "Zastępowany", "Zastupovaný"),
        Substitute => ("Substitute", "Zastępujący", "Zástupce"),
        FromDay => ("From", "Data od", "Od"),
        ToDay => ("To", "Data do", "Do"),
        ActiveField => ("Active", "Aktywne", "Aktivní"),
        ForwardEmail => (
            "Forward e-mail notifications to the substitute",
            "Przekazuj powiadomienia e-mail z systemu do zastępcy",
            "Přeposílat e-mailová oznámení zástupci"
        ),
        ForwardShort => ("E-mail copies", "Kopie e-mail", "Kopie e-mailů"),
        Status => ("Status", "Stan", "Stav"),
        StateFuture => ("Future", "Przyszłe", "Budoucí"),
        StateOngoing => ("Ongoing", "W toku", "Probíhá"),
        StateFinished => ("Finished", "Zakończone", "Skončilo"),
        StateDeactivated => ("Deactivated", "Dezaktywowane", "Deaktivováno"),
        NoneActive => ("There are no active substitutions.", "Brak aktywnych zastępstw.", "Žádné aktivní zastupování."),
        NoneInactive => ("There are no inactive substitutions.", "Brak nieaktywnych zastępstw.", "Žádné neaktivní zastupování."),
        EditOf => ("Edit the substitution of {absent}", "Edytuj zastępstwo za {absent}", "Upravit zastupování za {absent}"),
        SameAsAbsent => (
            "must be someone other than the absent user.",
            "musi być inną osobą niż zastępowany.",
            "musí být někdo jiný než zastupovaný."
        ),
        ToBeforeFrom => ("must not be before the first day.", "nie może być wcześniejsza niż data od.", "nesmí být před prvním dnem."),
        ToInPast => ("must not be in the past.", "nie może być datą przeszłą.", "nesmí být v minulosti."),
        OnlyExtend => (
            "The substitution has begun: its end can only be moved later, or it can be deactivated.",
            "Zastępstwo trwa: można tylko przedłużyć datę zakończenia albo je dezaktywować.",
            "Zastupování probíhá: lze jen posunout jeho konec později nebo ho deaktivovat."
        ),
        Finished => (
            "A finished substitution cannot be changed.",
            "Zakończonego zastępstwa nie można zmieniać.",
            "Skončené zastupování nelze měnit."
        ),
        NotYours => (
            "You may not define substitutions for this user.",
            "Nie możesz definiować zastępstw za tego użytkownika.",
            "Pro tohoto uživatele nemůžete definovat zastupování."
        ),
        NotEligible => (
            "cannot be chosen: the user is deactivated, blocked or expired.",
            "nie może być wybrany: użytkownik jest nieaktywny, zablokowany lub wygasł.",
            "nelze vybrat: uživatel je deaktivovaný, zablokovaný nebo mu skončila platnost."
        ),
        ChooseUser => ("— choose —", "— wybierz —", "— vyberte —"),
        ConfirmDeactivateTitle => ("Deactivate an ongoing substitution?", "Dezaktywować trwające zastępstwo?", "Deaktivovat probíhající zastupování?"),
        ConfirmDeactivate => (
            "{substitute} is substituting for {absent} right now. Deactivating ends it at once: if {substitute} is working as {absent}, that work stops immediately.",
            "{substitute} właśnie zastępuje użytkownika {absent}. Dezaktywacja kończy zastępstwo natychmiast: jeśli {substitute} pracuje w zastępstwie za {absent}, praca zostanie przerwana.",
            "{substitute} právě zastupuje uživatele {absent}. Deaktivace zastupování ihned ukončí: pokud {substitute} pracuje jako {absent}, práce se přeruší."
        ),
        Overlaps => (
            "For information — other substitutions of these people in this period:",
            "Dla informacji — inne zastępstwa tych osób w tym okresie:",
            "Pro informaci — další zastupování těchto osob v tomto období:"
        ),
        OverlapLine => ("{absent} → {substitute}, {from} – {to}", "{absent} → {substitute}, {from} – {to}", "{absent} → {substitute}, {from} – {to}"),
        // The user menu and the banner.
        MenuHeading => ("Substitutions you can start", "Zastępstwa do podjęcia", "Zastupování k zahájení"),
        Start => ("Start", "Rozpocznij", "Zahájit"),
        StartAs => ("Start working as {absent}", "Rozpocznij pracę w zastępstwie za {absent}", "Začít pracovat jako {absent}"),
        Until => ("until {to}", "do {to}", "do {to}"),
        ConfirmStartTitle => ("Work as {absent}?", "Pracować w zastępstwie za {absent}?", "Pracovat jako {absent}?"),
        ConfirmStart => (
            "You will work with the rights, menus and data of {absent} until you end it or the substitution ends. Everything you do is recorded as done by you for {absent}.",
            "Będziesz pracować z uprawnieniami, menu i danymi użytkownika {absent}, dopóki tego nie zakończysz albo nie skończy się zastępstwo. Wszystko, co zrobisz, zostanie zapisane jako Twoja praca w zastępstwie za {absent}.",
            "Budete pracovat s právy, nabídkami a daty uživatele {absent}, dokud práci neukončíte nebo zastupování neskončí. Vše, co uděláte, se zaznamená jako vaše práce za {absent}."
        ),
        WorkingAs => ("Working as {absent} (substitution until {to})", "Pracujesz jako {absent} (zastępstwo do {to})", "Pracujete jako {absent} (zastupování do {to})"),
        SignedInIs => ("Signed in: {native}", "Zalogowany: {native}", "Přihlášen: {native}"),
        End => ("End", "Zakończ", "Ukončit"),
        EndLabel => ("End working as {absent}", "Zakończ pracę w zastępstwie za {absent}", "Ukončit práci jako {absent}"),
        AlreadyWorkingAs => (
            "You are already working on someone's behalf; end that first.",
            "Już pracujesz w zastępstwie; najpierw to zakończ.",
            "Už pracujete v zastoupení; nejprve to ukončete."
        ),
        AuthorLacksRights => (
            "The absent user now holds rights that whoever saved this substitution does not; someone who holds them must save it again.",
            "Nieobecny ma teraz uprawnienia, których nie ma osoba, która zapisała to zastępstwo; musi je ponownie zapisać ktoś, kto je ma.",
            "Nepřítomný má nyní oprávnění, která nemá ten, kdo zastupování uložil; musí je znovu uložit někdo, kdo je má."
        ),
        CannotStart => (
            "This substitution cannot be started now.",
            "Tego zastępstwa nie można teraz rozpocząć.",
            "Toto zastupování nyní nelze zahájit."
        ),
        NotWhileSubstituting => (
            "Not available while working on someone's behalf.",
            "Niedostępne podczas pracy w zastępstwie.",
            "Při práci v zastoupení není k dispozici."
        ),
        Continue => ("Continue as myself", "Kontynuuj jako ja", "Pokračovat za sebe"),
        EndedTitle => ("Work on someone's behalf ended", "Praca w zastępstwie zakończona", "Práce v zastoupení skončila"),
        EndedText => (
            "You are no longer working as {absent}: {why} You are working as yourself again.",
            "Nie pracujesz już w zastępstwie za {absent}: {why} Pracujesz ponownie jako Ty.",
            "Už nepracujete jako {absent}: {why} Opět pracujete sami za sebe."
        ),
        EndEnded => ("you ended it.", "zakończyłeś ją.", "ukončili jste ji."),
        EndDeactivated => ("the substitution was deactivated.", "zastępstwo zostało dezaktywowane.", "zastupování bylo deaktivováno."),
        EndPeriodOver => ("the substitution's last day is over.", "minął ostatni dzień zastępstwa.", "poslední den zastupování skončil."),
        EndAbsentBarred => (
            "the absent user's account was deactivated or blocked.",
            "konto zastępowanego zostało dezaktywowane lub zablokowane.",
            "účet zastupovaného byl deaktivován nebo zablokován."
        ),
    }
}
