//! The `motivo code`, `motivo eval` and `motivo train` subcommands (the `motivo` binary re-exports them).

/// `println!` that does not panic when stdout is closed (`motivo eval … | head`).
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

/// `print!` that does not panic when stdout is closed.
macro_rules! say_raw {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

pub mod code;
pub mod eval;
#[cfg(feature = "train")]
pub mod train;

use std::path::Path;

use motivo_engine::coder::Coder;

/// The bundled coder, or the coder with the weights in `path`.
pub fn load_coder(path: Option<&Path>) -> Result<Coder, String> {
    match path {
        None => Coder::bundled().map_err(|e| format!("the bundled coder: {e}")),
        Some(p) => {
            let b = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
            Coder::from_bytes(&b).map_err(|e| format!("{}: {e}", p.display()))
        }
    }
}
