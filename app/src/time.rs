//! Showing stored UTC times in an account's time zone, in each language's usual form.

use crate::i18n::Lang;
use jiff::{tz::TimeZone, Timestamp};

/// `ms` (UTC milliseconds) as a local date and time in `zone`.
pub fn format_ms(ms: i64, zone: &str, lang: Lang) -> String {
    let Ok(ts) = Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let tz = TimeZone::get(zone).unwrap_or(TimeZone::UTC);
    let local = ts.to_zoned(tz);
    let pattern = match lang {
        Lang::En => "%Y-%m-%d %H:%M:%S",
        Lang::Pl => "%d.%m.%Y %H:%M:%S",
        Lang::Cs => "%-d. %-m. %Y %H:%M:%S",
    };
    local.strftime(pattern).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_shown_in_the_zone_and_the_language() {
        // 2026-11-22 13:05:09 UTC is 14:05:09 in Warsaw and Prague (CET).
        let ms = 1_795_352_709_000;
        assert_eq!(format_ms(ms, "Europe/Warsaw", Lang::En), "2026-11-22 14:05:09");
        assert_eq!(format_ms(ms, "Europe/Warsaw", Lang::Pl), "22.11.2026 14:05:09");
        assert_eq!(format_ms(ms, "Europe/Prague", Lang::Cs), "22. 11. 2026 14:05:09");
        assert_eq!(format_ms(ms, "No/Such_Zone", Lang::En), "2026-11-22 13:05:09");
    }
}
