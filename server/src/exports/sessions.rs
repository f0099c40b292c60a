//! `GET /sessions/export?format=csv|xlsx&…`: exactly what the list's filter shows, every page.
//! CSV is streamed as it is read; the workbook is built off the async threads and sent with its
//! length, so the browser can show progress for both.

use app::guard::{error_response, AppState};

use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use domain::catalogue::{ColumnOp, Module, Op};
use domain::error::AppError;
use domain::i18n::Text;
use domain::sessions::admin::{SessionQuery, SessionRow, SessionSort, SessionState};
use domain::sessions::SessionT;
use futures::StreamExt;
use klucznik_core::guard::{authorize_parts, Ctx, Need};
use klucznik_core::sessions::service::Export;
use serde::Deserialize;

/// The most rows a worksheet holds, below the header.
const XLSX_MAX_ROWS: usize = 1_048_575;

#[derive(Deserialize)]
pub struct Params {
    #[serde(default)]
    format: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    search: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    sort: Option<SessionSort>,
    #[serde(default)]
    desc: bool,
}

/// The columns the viewer may see, in the seed's order.
fn columns(ctx: &Ctx) -> Vec<SessionSort> {
    let sees = |s: &SessionSort| {
        s.guarded_by().is_none_or(|k| ctx.who.rights.column(Module::Sessions, k, ColumnOp::Visible))
    };
    SessionSort::ALL.into_iter().filter(sees).collect()
}

enum Cell {
    Text(String),
    Number(i64),
    Time(Option<i64>),
}

fn cell(row: &SessionRow, column: SessionSort) -> Cell {
    use SessionSort::*;
    let text = |s: &str| Cell::Text(s.to_string());
    match column {
        Id => Cell::Number(row.id),
        User => text(&row.login),
        Computer => text(&row.computer),
        Unit => text(&row.unit),
        Created => Cell::Time(Some(row.created)),
        Closed => Cell::Time(row.closed),
        LastActivity => Cell::Time(Some(row.last_activity)),
        EndedBy => Cell::Text(row.ended_by.clone().or(row.end_reason.clone()).unwrap_or_default()),
        Service => text(&row.service),
        SessionName => text(&row.session_name),
        DbVersion => text(&row.db_version),
        ProgramVersion => text(&row.program_version),
        WorkingAs => Cell::Text(row.working_as.clone().unwrap_or_default()),
    }
}

/// A row's cells: the columns, then the account.
fn row_cells(row: &SessionRow, columns: &[SessionSort]) -> Vec<Cell> {
    columns.iter().map(|c| cell(row, *c)).chain(std::iter::once(Cell::Text(row.account.clone()))).collect()
}

/// A CSV field; text that a spreadsheet would run as a formula is prefixed with `'`.
pub(crate) fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

pub async fn export(State(state): State<AppState>, Query(p): Query<Params>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    let ctx = match authorize_parts(&state, &parts, Need::Op(Module::Sessions, Op::Print)) {
        Ok(ctx) => ctx,
        Err(e) => return error_response("/sessions/export", &e),
    };
    let query = SessionQuery {
        state: SessionState::parse(&p.state),
        search: p.search,
        from: p.from,
        to: p.to,
        sort: p.sort.unwrap_or_default(),
        descending: p.desc,
        page: 0,
    };
    if let Err(e) = query.check() {
        return error_response("/sessions/export", &e);
    }
    let zone = match klucznik_core::sessions::listing::zone(&ctx).await {
        Ok(z) => z,
        Err(e) => return error_response("/sessions/export", &e),
    };
    let columns = columns(&ctx);
    let lang = ctx.who.lang;
    // The Account column closes the row, as on the page (issue 14: the exports lacked it).
    let header: Vec<String> = columns
        .iter()
        .map(|c| c.name().text(lang).to_string())
        .chain(std::iter::once(SessionT::ColAccount.text(lang).to_string()))
        .collect();
    let export = Export::new(&ctx, &query, &zone);
    let name = format!("sessions-{}", klucznik_core::time::day_of_ms(ctx.now(), &zone));
    if p.format == "xlsx" {
        return match xlsx(&ctx, &export, &zone, &columns, header).await {
            Ok(bytes) => attachment(&format!("{name}.xlsx"), XLSX_TYPE, Body::from(bytes)),
            Err(e) => error_response("/sessions/export", &e),
        };
    }
    let stream = async_stream::stream! {
        let line = header.iter().map(|h| csv_field(h)).collect::<Vec<_>>().join(",");
        yield Ok::<_, std::io::Error>(format!("\u{feff}{line}\r\n"));
        let mut rows = std::pin::pin!(export.rows(&ctx, &zone));
        while let Some(row) = rows.next().await {
            let row = match row {
                Ok(row) => row,
                Err(e) => { tracing::warn!("session export stopped: {e}"); return; }
            };
            let fields: Vec<String> = row_cells(&row, &columns).into_iter().map(|c| match c {
                Cell::Text(t) => csv_field(&t),
                Cell::Number(n) => n.to_string(),
                Cell::Time(t) => t.map(|ms| klucznik_core::time::format_ms(ms, &zone, domain::i18n::Lang::En)).unwrap_or_default(),
            }).collect();
            yield Ok(format!("{}\r\n", fields.join(",")));
        }
    };
    attachment(&format!("{name}.csv"), "text/csv; charset=utf-8", Body::from_stream(stream))
}

const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

pub(crate) fn attachment(name: &str, mime: &'static str, body: Body) -> Response {
    let disposition = format!("attachment; filename=\"{name}\"");
    ([(header::CONTENT_TYPE, mime.to_string()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response()
}

/// Local wall-clock seconds of `ms` in `zone`, as Excel (which has no zones) shows times.
fn local_seconds(ms: i64, zone: &str) -> Option<i64> {
    use jiff::{tz::TimeZone, Timestamp};
    let tz = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    let civil = Timestamp::from_millisecond(ms).ok()?.to_zoned(tz).datetime();
    Some(civil.to_zoned(TimeZone::UTC).ok()?.timestamp().as_second())
}

async fn xlsx(
    ctx: &Ctx,
    export: &Export,
    zone: &str,
    columns: &[SessionSort],
    header: Vec<String>,
) -> Result<Vec<u8>, AppError> {
    let mut rows = Vec::new();
    let mut stream = std::pin::pin!(export.rows(ctx, zone));
    while let Some(row) = stream.next().await {
        if rows.len() == XLSX_MAX_ROWS {
            break;
        }
        let row = row?;
        let cells = row_cells(&row, columns);
        rows.push(cells);
    }
    let zone = zone.to_string();
    let title = SessionT::Title.text(ctx.who.lang).to_string();
    tokio::task::spawn_blocking(move || workbook(&title, &header, &rows, &zone))
        .await
        .map_err(|e| AppError::internal("workbook task", e))?
}

fn workbook(title: &str, header: &[String], rows: &[Vec<Cell>], zone: &str) -> Result<Vec<u8>, AppError> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let fail = |e: rust_xlsxwriter::XlsxError| AppError::internal("workbook", e);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(title).map_err(fail)?;
    let bold = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (c, name) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &bold).map_err(fail)?;
        sheet.set_column_width(c as u16, 18).map_err(fail)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in cells.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(t) => {
                    sheet.write_string(r, c, t).map_err(fail)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n as f64).map_err(fail)?;
                }
                Cell::Time(Some(ms)) => {
                    if let Some(secs) = local_seconds(*ms, zone) {
                        let at = ExcelDateTime::from_timestamp(secs).map_err(fail)?;
                        sheet.write_datetime_with_format(r, c, &at, &when).map_err(fail)?;
                    }
                }
                Cell::Time(None) => {}
            }
        }
    }
    book.save_to_buffer().map_err(fail)
}
