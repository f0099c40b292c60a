//! Texts of roles.

use crate::text_table;

text_table! {
    pub enum RoleT {
        Title => ("Roles", "Grupy operatorów", "Role"),
        NewRole => ("New role", "Nowa grupa", "Nová role"),
        Role => ("Role", "Grupa", "Role"),
        Members => ("Members", "Operatorzy w grupie", "Členové"),
        NonMembers => ("Users not in the role", "Operatorzy nieprzypisani do grupy", "Uživatelé mimo roli"),
        Join => ("Join to the role", "Dołącz do grupy", "Přidat do role"),
        Detach => ("Detach from the role", "Odłącz od grupy", "Odebrat z role"),
        Units => ("Units", "Centra struktury", "Útvary"),
        UnitsHint => (
            "Members of the role may sign in to these units.",
            "Operatorzy należący do grupy mogą logować się do tych centrów.",
            "Členové role se mohou přihlásit do těchto útvarů."
        ),
        Copy => ("Copy", "Kopiuj", "Kopírovat"),
        Export => ("Export settings", "Eksportuj", "Exportovat nastavení"),
        Import => ("Import settings", "Importuj", "Importovat nastavení"),
        ImportFile => ("Settings file", "Plik ustawień", "Soubor nastavení"),
        ImportConfirm => (
            "The settings (description, units and rights) of the selected roles {names} will be overwritten with the settings from the file. Import?",
            "Ustawienia (opis, centra i uprawnienia) wszystkich zaznaczonych grup operatorów {names} zostaną nadpisane ustawieniami z pliku. Czy dokonać importu?",
            "Nastavení (popis, útvary a práva) vybraných rolí {names} bude přepsáno nastavením ze souboru. Importovat?"
        ),
        Imported => ("The settings were imported into {count} {count:role|roles}.", "Zaimportowano ustawienia do {count} {count:grupy|grup|grup}.", "Nastavení bylo importováno do {count} {count:role|rolí|rolí}."),
        DamagedFile => (
            "Incorrect file format or damaged file. The settings cannot be imported.",
            "Nieprawidłowy format pliku lub plik uszkodzony. Nie można dokonać importu ustawień.",
            "Nesprávný formát souboru nebo poškozený soubor. Nastavení nelze importovat."
        ),
        UnknownUnit => (
            "The file names the unit \"{unit}\", which this account does not have. Nothing was imported.",
            "Plik wskazuje centrum \"{unit}\", którego nie ma na tym koncie. Niczego nie zaimportowano.",
            "Soubor uvádí útvar \"{unit}\", který tento účet nemá. Nic nebylo importováno."
        ),
        SelectRoles => ("Select the roles to import into.", "Zaznacz grupy, do których importować.", "Vyberte role, do kterých importovat."),
        SelectRole => ("Select {name}", "Zaznacz {name}", "Vybrat {name}"),
        MemberCount => (
            "{count} {count:member|members}",
            "{count} {count:operator|operatorzy|operatorów}",
            "{count} {count:člen|členové|členů}"
        ),
        ImportInto => ("The file will be imported into: {names}.", "Plik zostanie zaimportowany do grup: {names}.", "Soubor bude importován do rolí: {names}."),
        NameAdministrators => ("Administrators", "Administratorzy", "Správci"),
        NameEveryone => ("Everyone", "Wszyscy", "Všichni"),
        DescriptionAdministrators => ("Built-in: holds every right.", "Wbudowana: ma wszystkie uprawnienia.", "Vestavěná: má všechna práva."),
        DescriptionEveryone => ("Built-in: every user is a member.", "Wbudowana: należą do niej wszyscy operatorzy.", "Vestavěná: členem je každý uživatel."),
        BuiltinAdministrators => (
            "Built-in: holds every right; cannot be renamed or deleted and always keeps an active member.",
            "Wbudowana: ma wszystkie uprawnienia; nie można jej usunąć ani zmienić nazwy i zawsze ma aktywnego członka.",
            "Vestavěná: má všechna práva; nelze ji přejmenovat ani smazat a vždy má aktivního člena."
        ),
        BuiltinEveryone => (
            "Built-in: every user is a member; it should carry the least rights.",
            "Wbudowana: obejmuje wszystkich operatorów; powinna mieć najmniejsze uprawnienia.",
            "Vestavěná: členem je každý uživatel; měla by mít nejmenší práva."
        ),
        AllUsers => ("every user ({count})", "wszyscy operatorzy ({count})", "všichni uživatelé ({count})"),
        BuiltinFixed => ("Built-in roles cannot be renamed or deleted.", "Grup wbudowanych nie można usunąć ani zmienić ich nazwy.", "Vestavěné role nelze přejmenovat ani smazat."),
        EveryoneImplicit => (
            "Every user belongs to Everyone; nobody joins or leaves it.",
            "Każdy operator należy do grupy Wszyscy; nie można do niej dołączać ani od niej odłączać.",
            "Každý uživatel patří do role Všichni; nelze do ní přidávat ani z ní odebírat."
        ),
        LastAdministrator => (
            "Administrators must keep at least one active member.",
            "Grupa Administratorzy musi mieć co najmniej jednego aktywnego członka.",
            "Role Správci musí mít alespoň jednoho aktivního člena."
        ),
        NotYourRights => (
            "You cannot give rights you do not hold yourself.",
            "Nie możesz nadać uprawnień, których sam nie masz.",
            "Nemůžete udělit práva, která sami nemáte."
        ),
        OwnMembership => (
            "You cannot change your own roles.",
            "Nie możesz zmieniać własnej przynależności do grup.",
            "Nemůžete měnit své vlastní role."
        ),
        AdministratorsNotImported => (
            "Administrators hold every right; settings cannot be imported into them.",
            "Grupa Administratorzy ma wszystkie uprawnienia; nie można do niej importować ustawień.",
            "Role Správci má všechna práva; nastavení do ní nelze importovat."
        ),
                OwnRights => (
                    "You cannot change your own rights, nor those of a role you are in.",
                    "Nie możesz zmieniać własnych uprawnień ani uprawnień grupy, do której należysz.",
                    "Nemůžete měnit svá práva ani práva role, do které patříte."
                ),
        AdministratorsHoldAll => (
            "Administrators hold every right; there is nothing to set.",
            "Grupa Administratorzy ma wszystkie uprawnienia; nie ma czego ustawiać.",
            "Role Správci má všechna práva; není co nastavovat."
        ),
        ConfirmDelete => ("Delete the role {name}?", "Usunąć grupę {name}?", "Smazat roli {name}?"),
        Copied => ("Copied as {name}.", "Skopiowano jako {name}.", "Zkopírováno jako {name}."),
        SelectMember => ("Select {name}", "Zaznacz {name}", "Vybrat {name}"),
    }
}
