//! The progress-file loader (schema migrations) and the salvage of damaged files: errors, never panics; what it
//! reads is written and read back equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motivo_course::progress::{decode, encode, salvage};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(p) = decode(&text) {
        let again = decode(&encode(&p)).expect("what was written reads");
        assert_eq!(again.attempts.len(), p.attempts.len());
    }
    if let Some(p) = salvage(&text) {
        let _ = encode(&p);
    }
});
