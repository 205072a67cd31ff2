//! Scenario loader + validator (and, for files that pass, a play to an ending and its report).
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use motivo_engine::{Lang, Report, Session, ValidateOptions, load_scenario};

fuzz_target!(|data: &[u8]| {
    let loaded = load_scenario(data, &ValidateOptions { strict: data.len() % 2 == 0 });
    for d in &loaded.diagnostics {
        assert!(d.start <= d.end && d.end <= data.len(), "span out of the file: {d:?}");
        assert!(d.location.line >= 1 && d.location.column >= 1);
    }
    if let Some(s) = loaded.ok() {
        let mut session = Session::start(Arc::new(s), data.len() as u64, Lang::Fi);
        for step in 0..64 {
            if session.is_finished() {
                break;
            }
            let pick = data.get(step).copied().unwrap_or(0) as usize % 4;
            if session.choose(pick).is_err() && session.choose(0).is_err() {
                break;
            }
        }
        let report = Report::of(&session);
        let _ = serde_json::to_string(&report);
    }
});
