//! Extra message files at run time: every `*.ftl` in the folder `MOTIVO_I18N_DIR` (if set) is added to the
//! engine's message catalogue under its file stem as the language code, so a translator can try a new language
//! or reword messages without rebuilding (`docs/i18n.md`).

use std::path::Path;

/// Adds the files of `MOTIVO_I18N_DIR`; problems are reported on stderr, located, and do not stop the program.
pub fn load_extra_from_env() {
    if let Some(dir) = std::env::var_os("MOTIVO_I18N_DIR").filter(|d| !d.is_empty()) {
        for problem in load_extra(Path::new(&dir)) {
            eprintln!("motivo: {}", crate::cli::safe::line(&problem));
        }
    }
}

/// Adds every `*.ftl` of `dir` (sorted by name); returns the problems, each naming the file.
pub fn load_extra(dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return vec![format!("MOTIVO_I18N_DIR {}: {e}", dir.display())],
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|x| x == "ftl"));
    files.sort();
    for f in files {
        let Some(code) = f.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else { continue };
        // Message files are small; a larger one is refused rather than read.
        match std::fs::metadata(&f) {
            Ok(m) if m.len() > 4 * 1024 * 1024 => {
                problems.push(format!("{}: larger than 4 MiB, not read", f.display()));
                continue;
            }
            Err(e) => {
                problems.push(format!("{}: {e}", f.display()));
                continue;
            }
            Ok(_) => {}
        }
        match std::fs::read_to_string(&f) {
            Ok(text) => {
                if let Err(errors) = motivo_engine::i18n::add_source(&code, &text) {
                    for e in errors {
                        let line = text[..e.at.min(text.len())].matches('\n').count() + 1;
                        problems.push(format!("{}:{line}: {}", f.display(), e.problem));
                    }
                }
            }
            Err(e) => problems.push(format!("{}: {e}", f.display())),
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use motivo_engine::msg;

    #[test]
    fn a_folder_adds_a_language_and_reports_broken_entries_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("zz.ftl"), "cli-error = ZZ-virhe\nbroken = { $\n").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let problems = load_extra(dir.path());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("zz.ftl:2"), "{problems:?}");
        assert_eq!(msg!("cli-error").in_code("zz"), "ZZ-virhe");
        // What the file lacks falls back to English.
        assert_eq!(msg!("cli-warning").in_code("zz"), "warning");
        assert!(load_extra(&dir.path().join("missing"))[0].contains("MOTIVO_I18N_DIR"));
    }
}
