use super::*;
use crate::i18n::Lang;
use crate::rights::{GrantRow, Source};

const NORDWIND: &str = include_str!("../../../docs/examples/nordwind-erp.json");

fn problems(text: &str) -> Vec<String> {
    let err = parse(text).unwrap_err();
    err.fields().iter().map(|f| f.render(Lang::En)).collect()
}

fn minimal(modules: &str) -> String {
    format!(
        r#"{{"format": 1, "application": {{"key": "pos", "name": "POS"}},
            "areas": [{{"key": "till", "name": "Till", "modules": [{modules}]}}]}}"#
    )
}

#[test]
fn the_example_reads_with_view_first_and_names_in_three_languages() {
    let c = parse(NORDWIND).unwrap();
    assert_eq!(c.key, "nordwind");
    assert_eq!(c.modules().count(), 8);
    let invoices = c.module("sales_invoices").unwrap();
    assert_eq!(invoices.operations[0].key(), "view");
    assert_eq!(invoices.name.get(Lang::Pl), "Faktury sprzedaży");
    assert!(c.module("attendance_sheet").unwrap().persons);
    let rights = AppRights::new(c);
    assert_eq!(
        rights.name(rights.index("attendance_sheet.close_period").unwrap(), Lang::Cs),
        "Hromadný výkaz: Uzávěrka docházky"
    );
    assert_eq!(
        rights.name(rights.index("sales_invoices.col.margin.visible").unwrap(), Lang::En),
        "Sales invoices › Margin: Visible"
    );
}

#[test]
fn a_plain_string_is_the_english_name_and_serves_every_language() {
    let c = parse(&minimal(r#"{"key": "receipts", "name": "Receipts", "operations": ["print", "view"]}"#))
        .unwrap();
    let m = c.module("receipts").unwrap();
    assert_eq!(m.name.get(Lang::Cs), "Receipts");
    assert_eq!(m.operations.iter().map(AppOp::key).collect::<Vec<_>>(), ["view", "print"]);
}

#[test]
fn syntax_errors_name_the_line() {
    let text = "{\n  \"format\": 1,\n  \"application\": {\"key\": \"pos\" \"name\": \"POS\"}\n}";
    let p = problems(text);
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("Catalogue file: line 3, column"), "{p:?}");
}

#[test]
fn unknown_members_are_refused_with_their_line() {
    let p = problems(&minimal(r#"{"key": "receipts", "name": "Receipts", "operatoins": ["view"]}"#));
    assert!(p[0].contains("operatoins"), "{p:?}");
    assert!(p[0].contains("line 2"), "{p:?}");
}

#[test]
fn bad_keys_duplicates_and_missing_view_name_their_path() {
    let p = problems(&minimal(
        r#"{"key": "Receipts", "name": "R", "operations": ["view"]},
           {"key": "returns", "name": "Returns", "operations": ["edit"]},
           {"key": "returns", "name": "Again", "operations": ["view", "fly"]},
           {"key": "perm", "name": "", "operations": ["view", {"key": "edit", "name": "Mine"}]}"#,
    ));
    let all = p.join("\n");
    assert!(all.contains("areas[0] (till).modules[0] (Receipts): the key \"Receipts\" must be"), "{all}");
    assert!(all.contains("modules[1] (returns): a module with operations must have \"view\""), "{all}");
    assert!(all.contains("modules[2] (returns): the key \"returns\" appears twice"), "{all}");
    assert!(all.contains("operations[1]: \"fly\" is not a standard operation"), "{all}");
    assert!(all.contains("modules[3] (perm): the key \"perm\" is reserved"), "{all}");
    assert!(all.contains("modules[3] (perm).name: an English name"), "{all}");
    assert!(all.contains("operations[1]: the key \"edit\" is reserved"), "{all}");
}

#[test]
fn the_built_in_key_and_other_formats_are_refused() {
    let p = problems(r#"{"format": 2, "application": {"key": "klucznik", "name": "K"}}"#);
    assert!(p.iter().any(|p| p.contains("\"format\" must be 1")), "{p:?}");
    assert!(p.iter().any(|p| p.contains("application.key: the key \"klucznik\" is reserved")), "{p:?}");
}

#[test]
fn rule_3_holds_for_application_rights() {
    let rights = AppRights::new(parse(NORDWIND).unwrap());
    let i = |k: &str| rights.index(k).unwrap();
    let own = vec![
        GrantRow { key: "nordwind/sales_invoices.post".into(), target: None, allow: true },
        GrantRow { key: "nordwind/sales_invoices.edit".into(), target: None, allow: true },
        GrantRow { key: "other/sales_invoices.view".into(), target: None, allow: true },
        GrantRow { key: "nordwind/gone.view".into(), target: None, allow: true },
    ];
    let role = vec![GrantRow { key: "nordwind/sales_invoices.view".into(), target: None, allow: true }];
    let without_role = rights.subject(false, &own, &[]);
    let d = without_role.decide(rights.spec(), i("sales_invoices.post"));
    assert!(!d.allowed);
    assert_eq!(d.source, Source::Needs(i("sales_invoices.view")));
    let with_role = rights.subject(false, &own, &[(7, role)]);
    assert!(with_role.decide(rights.spec(), i("sales_invoices.post")).allowed);
    // A column follows the module: editing the margin follows Edit, seeing it follows View.
    assert!(with_role.decide(rights.spec(), i("sales_invoices.col.margin.edit")).allowed);
    let d = with_role.decide(rights.spec(), i("sales_invoices.view"));
    assert_eq!(d.source, Source::Role(7));
    assert!(!with_role.decide(rights.spec(), i("customers.view")).allowed);
    assert!(rights.knows("nordwind/sales_invoices.view") && !rights.knows("nordwind/gone.view"));
}

#[test]
fn the_preview_lists_added_renamed_and_removed() {
    let before = parse(NORDWIND).unwrap();
    let edited = NORDWIND
        .replace("\"Sales orders\"", "\"Customer orders\"")
        .replace("\"key\": \"post\"", "\"key\": \"book\"");
    let after = parse(&edited).unwrap();
    let p = preview(Some(&before), &after, String::new());
    let keys = |c: &[Change]| c.iter().map(|c| c.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&p.added), ["sales_invoices.book"]);
    assert_eq!(keys(&p.removed), ["sales_invoices.post"]);
    assert!(keys(&p.renamed).contains(&"module:sales_orders".to_string()));
    assert!(keys(&p.renamed).contains(&"sales_orders.view".to_string()));
    assert!(!p.new && !p.unchanged());
    assert!(preview(Some(&after), &after, String::new()).unchanged());
    let first = preview(None, &after, String::new());
    assert!(first.new && first.added.iter().any(|c| c.key == "module:customers"));
}
