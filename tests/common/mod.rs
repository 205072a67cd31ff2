//! Running the `motivo` program from the integration tests, whatever the language environment of the test run.
#![allow(dead_code)] // each test file uses its own part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `motivo` in the project folder with `data_dir` as its data folder, in an English locale (`LANG=C`).
pub fn motivo(args: &[&str], data_dir: &Path) -> Output {
    motivo_in(args, data_dir, &[("LANG", "C")])
}

/// Runs `motivo` in the project folder with the language variables (`MOTIVO_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`)
/// taken from `env` only.
pub fn motivo_in(args: &[&str], data_dir: &Path, env: &[(&str, &str)]) -> Output {
    motivo_at(Path::new(env!("CARGO_MANIFEST_DIR")), args, data_dir, env)
}

/// Runs `motivo` in `cwd`, otherwise as [`motivo_in`].
pub fn motivo_at(cwd: &Path, args: &[&str], data_dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_motivo"));
    cmd.args(args).current_dir(cwd).env("MOTIVO_DATA_DIR", data_dir);
    for var in ["MOTIVO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied()).output().expect("motivo runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output and standard error together.
pub fn out(o: &Output) -> String {
    format!("{}{}", stdout(o), stderr(o))
}
