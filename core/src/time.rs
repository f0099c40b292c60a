//! Showing stored UTC times in an account's time zone, in each language's usual form.

use crate::i18n::Lang;
use jiff::civil::Date;
use jiff::{tz::TimeZone, Timestamp};

fn zone(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

/// Whether `name` is a time zone of the tz database.
pub fn is_zone(name: &str) -> bool {
    TimeZone::get(name).is_ok()
}

/// The first instant of a day (`YYYY-MM-DD`) in `zone`, in UTC milliseconds.
pub fn day_start_ms(date: &str, zone_name: &str) -> Option<i64> {
    let (y, m, d) = crate::list::parse_date(date)?;
    let day = Date::new(y as i16, m as i8, d as i8).ok()?;
    Some(day.to_zoned(zone(zone_name)).ok()?.timestamp().as_millisecond())
}

/// The first instant after a day (`YYYY-MM-DD`) in `zone`: the exclusive end of "valid to".
pub fn day_end_ms(date: &str, zone_name: &str) -> Option<i64> {
    let (y, m, d) = crate::list::parse_date(date)?;
    let next = Date::new(y as i16, m as i8, d as i8).ok()?.tomorrow().ok()?;
    Some(next.to_zoned(zone(zone_name)).ok()?.timestamp().as_millisecond())
}

/// The day (`YYYY-MM-DD`) an instant falls on in `zone`.
pub fn day_of_ms(ms: i64, zone_name: &str) -> String {
    Timestamp::from_millisecond(ms)
        .map(|ts| ts.to_zoned(zone(zone_name)).date().to_string())
        .unwrap_or_default()
}

/// `ms` (UTC milliseconds) as a local date and time in `zone`.
pub fn format_ms(ms: i64, zone: &str, lang: Lang) -> String {
    let Ok(ts) = Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let local = ts.to_zoned(self::zone(zone));
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

    #[test]
    fn days_run_from_midnight_to_midnight_in_the_zone() {
        // Warsaw is UTC+1 in November: the day starts at 23:00 UTC the evening before.
        let start = day_start_ms("2026-11-22", "Europe/Warsaw").unwrap();
        assert_eq!(format_ms(start, "UTC", Lang::En), "2026-11-21 23:00:00");
        let end = day_end_ms("2026-11-22", "Europe/Warsaw").unwrap();
        assert_eq!(end - start, 24 * 3_600_000);
        assert_eq!(day_of_ms(end - 1, "Europe/Warsaw"), "2026-11-22");
        assert_eq!(day_of_ms(end, "Europe/Warsaw"), "2026-11-23");
        // The day summer time starts has 23 hours.
        let spring = day_end_ms("2026-03-29", "Europe/Warsaw").unwrap()
            - day_start_ms("2026-03-29", "Europe/Warsaw").unwrap();
        assert_eq!(spring, 23 * 3_600_000);
        assert!(is_zone("Europe/Prague") && !is_zone("Mars/Olympus"));
        assert_eq!(day_start_ms("2026-02-30", "UTC"), None);
    }
}
