//! RFC 3339 rendering of an instant, as the protocol's `ExpirationKind`
//! "time" asks: UTC, `Z`, every fractional digit kept, none if zero.

/// Renders seconds since the Unix epoch plus nanoseconds as RFC 3339 UTC.
pub fn rfc3339_utc(secs: i64, nanos: u32) -> String {
    let days = secs.div_euclid(86_400);
    let of_day = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    let mut out = format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
        of_day / 3600,
        of_day / 60 % 60,
        of_day % 60
    );
    if nanos != 0 {
        let fraction = format!("{nanos:09}");
        out.push('.');
        out.push_str(fraction.trim_end_matches('0'));
    }
    out.push('Z');
    out
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard
/// Hinnant's days_from_civil, inverted).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::rfc3339_utc;

    #[test]
    fn renders() {
        let cases = [
            (0, 0, "1970-01-01T00:00:00Z"),
            (1_796_299_200, 0, "2026-12-03T12:00:00Z"),
            (1_796_299_200, 500_000_000, "2026-12-03T12:00:00.5Z"),
            (1_796_299_200, 123_456_789, "2026-12-03T12:00:00.123456789Z"),
            (951_782_400, 0, "2000-02-29T00:00:00Z"),
            (-1, 0, "1969-12-31T23:59:59Z"),
            (253_402_300_799, 0, "9999-12-31T23:59:59Z"),
        ];
        for (secs, nanos, want) in cases {
            assert_eq!(rfc3339_utc(secs, nanos), want);
        }
    }
}
