//! The SCORM `cmi.suspend_data` decoder: errors, never panics; what it accepts encodes within the limit and
//! decodes again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motivo_course::scorm::{decode_suspend, encode_suspend};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(p) = decode_suspend(text) {
        let again = encode_suspend(&p);
        assert!(again.len() <= 4096, "{} characters", again.len());
        decode_suspend(&again).expect("what was encoded decodes");
    }
});
