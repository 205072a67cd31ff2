//! [`Uid`]: the unique id the progress store gives each attempt (`Attempt::uid` holds its text). Shared by the
//! store, which makes it (`motivo_store::Store::new_uid`), and the SCORM suspend data, which packs it into a few
//! characters, so neither parses the other's format by hand.

use std::fmt;
use std::str::FromStr;

/// An attempt's uid as the store makes it: `{secs}-{nanos:09}-{pid}-{n}-{seed:x}` (the recording time in seconds
/// and its sub-second nanoseconds, the process id or a random number in a browser, a per-process counter, and
/// the play's seed). Unique across devices and files in practice; attempts from elsewhere may carry any other
/// text as their uid, which is why `Attempt::uid` stays a string and [`Uid::parse`] is partial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Uid {
    pub secs: u64,
    /// Below 1,000,000,000.
    pub nanos: u32,
    pub pid: u64,
    pub n: u64,
    pub seed: u64,
}

/// Why a text is not a store [`Uid`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UidError(pub String);

impl fmt::Display for UidError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a store uid (secs-nanos-pid-n-seed)", self.0)
    }
}

impl std::error::Error for UidError {}

impl Uid {
    /// The uid from its five numbers in the order of the text (`secs, nanos, pid, n, seed`); `None` when the
    /// nanoseconds are not below a second.
    pub fn from_parts(v: [u64; 5]) -> Option<Uid> {
        let nanos = u32::try_from(v[1]).ok().filter(|&n| n < 1_000_000_000)?;
        Some(Uid { secs: v[0], nanos, pid: v[2], n: v[3], seed: v[4] })
    }

    /// The five numbers, in the order of the text.
    pub fn parts(&self) -> [u64; 5] {
        [self.secs, u64::from(self.nanos), self.pid, self.n, self.seed]
    }

    /// The uid written in `text`, only when `text` is exactly its canonical form (so that
    /// `Uid::parse(t).map(|u| u.to_string())` gives `t` back).
    pub fn parse(text: &str) -> Option<Uid> {
        let p: Vec<&str> = text.split('-').collect();
        let [a, b, c, d, e] = p[..] else { return None };
        let dec = |s: &str| if s.bytes().all(|c| c.is_ascii_digit()) { s.parse::<u64>().ok() } else { None };
        let hex =
            |s: &str| if s.bytes().all(|c| c.is_ascii_hexdigit()) { u64::from_str_radix(s, 16).ok() } else { None };
        let uid = Uid::from_parts([dec(a)?, dec(b)?, dec(c)?, dec(d)?, hex(e)?])?;
        (uid.to_string() == text).then_some(uid)
    }
}

impl fmt::Display for Uid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:09}-{}-{}-{:x}", self.secs, self.nanos, self.pid, self.n, self.seed)
    }
}

impl FromStr for Uid {
    type Err = UidError;

    fn from_str(s: &str) -> Result<Uid, UidError> {
        Uid::parse(s).ok_or_else(|| UidError(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_non_canonical_text() {
        let u = Uid { secs: 1_800_000_000, nanos: 1, pid: 4242, n: 7, seed: 0x9e37_79b9_7f4a_7c15 };
        let text = u.to_string();
        assert_eq!(text, "1800000000-000000001-4242-7-9e3779b97f4a7c15");
        assert_eq!(Uid::parse(&text), Some(u));
        assert_eq!(text.parse::<Uid>(), Ok(u));
        assert_eq!(Uid::from_parts(u.parts()), Some(u));
        for bad in [
            "",
            "1-2-3-4",
            "1800000000-1-4242-7-1f",           // nanos not zero-padded
            "1800000000-000000001-4242-7-1F",   // upper-case hex is not what the store writes
            "1800000000-1000000000-4242-7-1f",  // a second or more of nanos
            "+1800000000-000000001-4242-7-1f",  // a sign
            "1800000000-000000001-4242-7-1f-9", // six parts
            "placeholder:a:0",
        ] {
            assert_eq!(Uid::parse(bad), None, "{bad}");
            assert!(bad.parse::<Uid>().unwrap_err().to_string().contains("not a store uid"));
        }
        assert_eq!(Uid::from_parts([1, 1_000_000_000, 0, 0, 0]), None);
    }
}
