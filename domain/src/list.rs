//! What lists share: a page of rows, search keys, and dates as forms send them.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// One page of a longer list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: u64,
}

pub const PAGE_SIZE: u32 = 25;

/// The longest search text of any list (issue 13: longer ones made SQLite's LIKE give up).
pub const SEARCH_MAX: usize = 200;

/// Refuses a search text longer than `SEARCH_MAX`, naming the field.
pub fn check_search(
    field: &str,
    label: impl Into<crate::texts::Msg>,
    text: &str,
) -> Result<(), crate::error::AppError> {
    use crate::error::Message;
    use crate::texts::CommonT;
    if text.chars().count() > SEARCH_MAX {
        let problem = Message::new(CommonT::FieldTooLong).arg("max", SEARCH_MAX);
        return Err(crate::error::AppError::invalid(field, label, problem));
    }
    Ok(())
}

/// The form in which text is searched: NFKC, lower-case, single spaces.
pub fn fold(text: &str) -> String {
    let folded: String = text.nfkc().collect::<String>().to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A search key made of several fields.
pub fn search_key(parts: &[&str]) -> String {
    fold(&parts.join(" "))
}

/// A `LIKE` pattern that finds `needle` anywhere, with `%`, `_` and `\` taken literally
/// (use with `ESCAPE '\'`).
pub fn contains_pattern(needle: &str) -> String {
    let mut pattern = String::from("%");
    for c in fold(needle).chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Percent-encodes a query-string value.
pub fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A date as `<input type="date">` gives it: `YYYY-MM-DD`, a real day of the calendar.
pub fn parse_date(text: &str) -> Option<(i32, u8, u8)> {
    let mut parts = text.trim().split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (y >= 1900 && (1..=days).contains(&d)).then_some((y, m, d))
}

/// A day (`YYYY-MM-DD`) in the language's usual form, as times are shown (issue 14: the
/// substitutions showed ISO days among localised times); anything else as it is.
pub fn format_day(day: &str, lang: crate::i18n::Lang) -> String {
    use crate::i18n::Lang;
    match (parse_date(day), lang) {
        (Some((y, m, d)), Lang::Pl) => format!("{d:02}.{m:02}.{y}"),
        (Some((y, m, d)), Lang::Cs) => format!("{d}. {m}. {y}"),
        _ => day.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_width_and_spacing_but_keeps_diacritics() {
        assert_eq!(fold("  Żaneta   NOWAK "), "żaneta nowak");
        assert_eq!(search_key(&["Jan", "Kowalski", "0042"]), "jan kowalski 0042");
        assert_ne!(fold("Łódź"), fold("Lodz"));
    }

    #[test]
    fn like_patterns_take_wildcards_literally() {
        assert_eq!(contains_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
        assert_eq!(contains_pattern("Anna"), "%anna%");
    }

    #[test]
    fn days_are_shown_as_the_language_writes_them() {
        use crate::i18n::Lang;
        assert_eq!(format_day("2026-03-05", Lang::En), "2026-03-05");
        assert_eq!(format_day("2026-03-05", Lang::Pl), "05.03.2026");
        assert_eq!(format_day("2026-03-05", Lang::Cs), "5. 3. 2026");
        assert_eq!(format_day("soon", Lang::Pl), "soon");
    }

    #[test]
    fn only_real_days_are_dates() {
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("2026-1-01"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date(""), None);
    }
}
