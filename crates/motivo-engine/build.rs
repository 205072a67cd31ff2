//! Embeds every `i18n/*.ftl` file: adding a language to the engine's and the program's messages is adding a file,
//! with no code change (the file's stem is the language code).

use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "ftl"));
    files.sort();
    let mut out = String::from("/// (language code, Fluent source) for every embedded message catalogue.\n");
    out.push_str("pub const SOURCES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let code = f.file_stem().unwrap().to_string_lossy();
        let abs = f.canonicalize().unwrap();
        out.push_str(&format!("    ({code:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("i18n_sources.rs");
    std::fs::write(dest, out).unwrap();
}
