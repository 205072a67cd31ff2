//! The offline reply coder: any text, in either language, with any context line, is coded without a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use motivo_engine::coder::Coder;
use motivo_engine::{CodeRequest, Lang};

static CODER: OnceLock<Coder> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let coder = CODER.get_or_init(|| Coder::bundled().expect("the bundled coder loads"));
    let Some((&first, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (context, reply) = text.split_once('\n').unwrap_or(("", &text));
    let lang = if first & 1 == 0 { Lang::Fi } else { Lang::En };
    let request = CodeRequest { lang, text: reply, context, context_talk: None, meanings: &[] };
    let coded = coder.code_reply(&request);
    let _ = format!("{coded:?}");
});
