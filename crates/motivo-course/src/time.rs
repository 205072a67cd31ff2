//! UTC timestamps, written as RFC 3339 text (`2026-11-22T22:09:17Z`), with no clock access: the caller passes
//! the time in.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

const EPOCH: jiff::civil::Date = jiff::civil::date(1970, 1, 1);

/// The UTC calendar date and time of `secs` (clamped to the years 0000–9999, within `jiff`'s civil dates; a
/// `jiff::Timestamp` stops a day short of 9999-12-31).
fn civil(secs: i64) -> jiff::civil::DateTime {
    let (days, secs) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let date = jiff::Span::new().try_days(days).and_then(|span| EPOCH.checked_add(span)).unwrap_or(EPOCH);
    let time = jiff::civil::time((secs / 3600) as i8, (secs / 60 % 60) as i8, (secs % 60) as i8, 0);
    date.to_datetime(time)
}

impl Timestamp {
    pub fn from_unix(secs: i64) -> Self {
        Timestamp(secs)
    }

    /// `2026-11-22T22:09:17Z`.
    /// The earliest and latest times written: years 0000–9999, the range [`Timestamp::parse`] reads.
    pub const MIN: i64 = -62_167_219_200;
    pub const MAX: i64 = 253_402_300_799;

    /// The time within the years 0000–9999 (a damaged or hostile file can hold any number; what is written must
    /// read back).
    fn clamped(self) -> i64 {
        self.0.clamp(Self::MIN, Self::MAX)
    }

    pub fn rfc3339(self) -> String {
        let t = civil(self.clamped());
        let (y, m, d) = (t.year(), t.month(), t.day());
        format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", t.hour(), t.minute(), t.second())
    }

    /// `2026-11-22`.
    pub fn date(self) -> String {
        let t = civil(self.clamped());
        format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
    }

    /// The date as Finns write it: `22.11.2026`.
    pub fn date_fi(self) -> String {
        let t = civil(self.clamped());
        format!("{}.{}.{}", t.day(), t.month(), t.year())
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` followed by `Z` or `+00:00` (fractions of a second are ignored).
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
            return None;
        }
        if b[13] != b':' || b[16] != b':' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let t = s.get(r)?;
            t.bytes().all(|c| c.is_ascii_digit()).then(|| t.parse().ok())?
        };
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
            return None;
        }
        let mut rest = &s[19..];
        if let Some(r) = rest.strip_prefix('.') {
            rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
        }
        if !matches!(rest, "Z" | "z" | "+00:00" | "") {
            return None;
        }
        let date = jiff::civil::Date::new(y as i16, mo as i8, d as i8).ok()?;
        let days = i64::from(EPOCH.until(date).ok()?.get_days());
        // A leap second (`:60`) is read as the second after `:59`.
        Some(Timestamp(days * 86_400 + h * 3600 + mi * 60 + se))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("`{s}` is not a UTC time")))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_time_written_reads_back() {
        // Found by fuzzing: a schema-0 file with a huge `when` migrated to a time written as year 563645, which
        // the reader refuses, so the progress saved could not be read again.
        for t in [
            i64::MIN,
            -62_167_219_201,
            Timestamp::MIN,
            -1,
            0,
            1_772_359_200,
            Timestamp::MAX,
            17_723_592_000_000,
            i64::MAX,
        ] {
            let text = Timestamp(t).rfc3339();
            let back = Timestamp::parse(&text).unwrap_or_else(|| panic!("{t}: {text}"));
            assert_eq!(back.0, t.clamp(Timestamp::MIN, Timestamp::MAX), "{text}");
        }
        assert_eq!(Timestamp(Timestamp::MIN).rfc3339(), "0000-01-01T00:00:00Z");
        assert_eq!(Timestamp(Timestamp::MAX).rfc3339(), "9999-12-31T23:59:59Z");
    }

    use super::*;

    #[test]
    fn round_trips_and_known_dates() {
        assert_eq!(Timestamp(0).rfc3339(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(951_782_400).date(), "2000-02-29");
        assert_eq!(Timestamp::parse("2026-11-22T22:09:17Z"), Some(Timestamp(1_795_385_357)));
        for t in [-86_401, 0, 1, 951_782_399, 1_795_385_357, 4_102_444_800] {
            assert_eq!(Timestamp::parse(&Timestamp(t).rfc3339()), Some(Timestamp(t)), "{t}");
        }
        assert_eq!(Timestamp(1_795_385_357).date_fi(), "22.11.2026");
        assert_eq!(Timestamp::parse("2026-13-01T00:00:00Z"), None);
        assert_eq!(Timestamp::parse("yesterday"), None);
        assert_eq!(Timestamp::parse("2026-02-31T00:00:00Z"), None, "no 31 February");
        assert_eq!(
            Timestamp::parse("2026-12-31T23:59:60Z"),
            Timestamp::parse("2027-01-01T00:00:00Z"),
            "a leap second is the next second"
        );
        assert_eq!(Timestamp::parse("2026-11-22 22:09:17.5+00:00"), Some(Timestamp(1_795_385_357)));
    }
}
