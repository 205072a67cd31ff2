//! The condition language: parser, evaluator, names and the static coverage check.
#![no_main]

use libfuzzer_sys::fuzz_target;
use motivo_engine::Code;
use motivo_engine::cond::{self, CondEnv, NumVar};

struct Env(u8);

impl CondEnv for Env {
    fn num(&self, var: NumVar) -> f32 {
        f32::from(self.0) / 25.0 - if var == NumVar::Momentum { 5.0 } else { 0.0 }
    }
    fn flag(&self, name: &str) -> bool {
        name.len() % 2 == usize::from(self.0 & 1)
    }
    fn visited(&self, node: &str) -> bool {
        node.starts_with('a')
    }
    fn used(&self, code: Code) -> bool {
        (code as u8) & self.0 != 0
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // Several conditions separated by `;`, as the options of one turn.
    let mut conds = Vec::new();
    for part in text.split(';') {
        match cond::parse_spanned(part) {
            Ok((c, spans)) => {
                assert_eq!(c.names().len(), spans.len());
                for (s, e) in spans {
                    assert!(s <= e && e <= part.len() && part.is_char_boundary(s) && part.is_char_boundary(e));
                }
                let _ = c.eval(&Env(data.len() as u8));
                conds.push(c);
            }
            Err(e) => assert!(e.start <= e.end && e.end <= part.len(), "{e:?} in {part:?}"),
        }
    }
    let _ = cond::coverage(&conds, &["alku"]);
});
