//! The web entry point (`web/build.sh` builds this for `wasm32-unknown-unknown`). On the desktop it opens the
//! app like `motivo` and takes the same app options (`--capture OUT.png --scenario ID|FILE.ron --lang CODE --i18n DIR
//! --script FILE --text-size PERCENT --high-contrast --window WxH`), which the real-window smoke test uses. In the browser it reads the page address instead:
//! `?lang=CODE` (an embedded UI language), `?scenario=ID` (open that scenario) and `?scenario=ID&script=…` (play that script, the
//! `motivo play --script` format with newlines as `%0A`, as soon as the app opens; the SCORM test uses this).

use std::process::ExitCode;

#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    let mut options = motivo_app::AppOptions::default();
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        // Only the embedded languages exist in the browser; an unknown one keeps the saved setting.
        options.lang = params.get("lang").filter(|l| motivo_app::i18n::Strings::is_available(l));
        options.scenario = params.get("scenario").filter(|s| !s.is_empty());
        options.autoplay = params.get("script").filter(|_| options.scenario.is_some());
    }
    motivo_app::run(options)
}

#[cfg(not(target_arch = "wasm32"))]
fn usage(e: &str) -> ExitCode {
    eprintln!("motivo-web: {e}");
    ExitCode::from(2)
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let mut options = motivo_app::AppOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match arg.as_str() {
            "--capture" => options.capture = Some(value().into()),
            "--scenario" => options.scenario = Some(value()),
            "--script" => options.script = Some(value().into()),
            "--text-size" => match motivo_app::AppOptions::parse_text_size(&value()) {
                Ok(p) => options.text_size = Some(p),
                Err(e) => return usage(&e),
            },
            "--high-contrast" => options.high_contrast = true,
            "--window" => match motivo_app::AppOptions::parse_window(&value()) {
                Ok(w) => options.window = Some(w),
                Err(e) => return usage(&e),
            },
            "--lang" => options.lang = Some(value()),
            "--i18n" => options.i18n = Some(value().into()),
            _ => {
                eprintln!("motivo-web: unknown argument `{arg}`");
                return ExitCode::from(2);
            }
        }
    }
    motivo_app::run(options)
}
