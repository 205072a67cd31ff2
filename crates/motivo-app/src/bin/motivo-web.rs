//! The web entry point (`web/build.sh` builds this for `wasm32-unknown-unknown`). On the desktop it opens the
//! app like `motivo` and takes the same app options (`--capture OUT.png --scenario ID --lang fi|en --script
//! FILE`), which the real-window smoke test uses.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut options = motivo_app::AppOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--capture" => options.capture = Some(value().into()),
            "--scenario" => options.scenario = Some(value()),
            "--script" => options.script = Some(value().into()),
            "--lang" => match motivo_engine::Lang::parse(&value()) {
                Some(l) => options.lang = Some(l),
                None => {
                    eprintln!("motivo-web: --lang takes fi or en");
                    return ExitCode::from(2);
                }
            },
            _ => {
                eprintln!("motivo-web: unknown argument `{arg}`");
                return ExitCode::from(2);
            }
        }
    }
    motivo_app::run(options)
}
