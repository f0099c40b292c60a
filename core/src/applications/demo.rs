//! The demo's business application (issue 16): "Nordwind ERP", registered from the example
//! catalogue of docs/examples, with the sample's roles given its business modules, so that the
//! rights editors show real invoices, warehouse documents and attendance agendas.

use crate::actor::Actor;
use crate::error::AppError;
use crate::guard::Scope;
use crate::store::Store;

/// The example catalogue file of docs/INTEGRATION.md.
pub const NORDWIND: &str = include_str!("../../../docs/examples/nordwind-erp.json");

/// Each demo role (by name) and the Nordwind rights it allows.
const ROLE_RIGHTS: &[(&str, &[&str])] = &[
    (
        "Sprzedawcy",
        &[
            "sales_invoices.view",
            "sales_invoices.create",
            "sales_invoices.edit",
            "sales_invoices.print",
            "sales_orders.view",
            "sales_orders.create",
            "sales_orders.edit",
            "customers.view",
            "stock_levels.view",
            // Their own timesheets, through the person data rights (seed 002 "assigned person").
            "personal_timesheet.view",
            "personal_timesheet.edit",
        ],
    ),
    (
        "Magazynierzy",
        &[
            "goods_receipts.view",
            "goods_receipts.create",
            "goods_receipts.edit",
            "goods_receipts.print",
            "goods_issues.view",
            "goods_issues.create",
            "goods_issues.edit",
            "goods_issues.print",
            "stock_levels.view",
            "stock_levels.print",
        ],
    ),
    (
        "Kadry",
        &[
            "attendance_sheet.view",
            "attendance_sheet.edit",
            "attendance_sheet.approve",
            "attendance_sheet.close_period",
            "personal_timesheet.view",
            "personal_timesheet.edit",
            "personal_timesheet.approve",
        ],
    ),
    (
        "Audytorzy",
        &[
            "sales_invoices.view",
            "sales_invoices.col.margin.visible",
            "customers.view",
            "perm.export_to_accounting",
        ],
    ),
];

/// Registers Nordwind ERP in main account `main` and grants its rights to the sample's roles.
pub async fn register(store: &Store, main: Scope) -> Result<(), AppError> {
    let actor = Actor { account_id: Some(main.account()), ..Default::default() };
    super::applying::apply(store, &actor, main, NORDWIND, None).await?;
    let mut tx = store.begin().await?;
    for (role, rights) in ROLE_RIGHTS {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM roles WHERE account_id = $1 AND name = $2")
            .bind(main)
            .bind(role)
            .fetch_optional(tx.conn())
            .await?;
        let Some(id) = id else { continue };
        for right in *rights {
            sqlx::query(
                "INSERT INTO grants (account_id, role_id, right_key, allow) VALUES ($1, $2, $3, TRUE)",
            )
            .bind(main)
            .bind(id)
            .bind(format!("nordwind/{right}"))
            .execute(tx.conn())
            .await?;
        }
    }
    crate::rights::repo::changed(&mut tx, main).await?;
    tx.commit().await
}
