//! Names of the catalogue's areas, modules, operations and permissions.

use crate::texts;

texts! {
    pub enum CatalogueT {
        AreaAdministration => ("Administration", "Administracja", "Správa"),
        AreaStaff => ("Staff", "Kadry", "Personalistika"),
        ModUsers => ("Users", "Użytkownicy", "Uživatelé"),
        ModRoles => ("Roles", "Grupy operatorów", "Role"),
        ModUnits => ("Organisation units", "Centra struktury", "Organizační struktura"),
        ModSessions => ("Sessions", "Sesje operatorów", "Relace"),
        ModSubstitutions => ("Substitutions", "Zastępstwa", "Zastupování"),
        ModAccounts => ("Sub-accounts", "Konta dodatkowe", "Vedlejší účty"),
        ModAudit => ("Audit", "Dziennik zdarzeń", "Žurnál"),
        ModConfiguration => ("Configuration", "Konfiguracja", "Konfigurace aplikace"),
        ModPersons => ("Persons", "Pracownicy", "Osoby"),
        OpView => ("View", "Odczyt", "Prohlížet"),
        OpCreate => ("Create", "Dodawanie", "Nový"),
        OpEdit => ("Edit", "Modyfikacja", "Editovat"),
        OpDelete => ("Delete", "Usuwanie", "Mazat"),
        OpRestore => ("Restore", "Przywracanie", "Obnovit záznam"),
        OpPrint => ("Print", "Drukowanie", "Tisk"),
        OpEditView => ("Edit view", "Edycja widoku", "Editovat zobrazení"),
        PermMultipleSessions => ("Open multiple sessions", "Tworzenie wielu sesji", "Otevírat více relací"),
        PermAccessConfiguration => ("Access the configuration", "Dostęp do konfiguracji systemu", "Přístup ke konfiguraci"),
        PermSubstitutionsOwn => ("Define own substitutions", "Definiowanie zastępstw za siebie", "Definovat vlastní zastupování"),
        PermSubstitutionsSubordinates => ("Define subordinates' substitutions", "Definiowanie zastępstw za podwładnych", "Definovat zastupování podřízených"),
        PermSubstitutionsAnyone => ("Define anyone's substitutions", "Definiowanie wszystkich zastępstw", "Definovat zastupování kohokoli"),
        PermPersonalDataHistory => ("View personal-data history", "Dostęp do historii modyfikacji danych osobowych", "Prohlížet historii osobních údajů"),
    }
}
