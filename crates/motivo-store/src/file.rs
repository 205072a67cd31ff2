//! The desktop backend: one folder, each slot a file, replaced by write-temp → fsync → rename → fsync-folder.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::{Backend, StoreError};

/// The folder progress is kept in: `MOTIVO_DATA_DIR` when set, else the OS data folder (Linux
/// `~/.local/share/motivo`, macOS `~/Library/Application Support/fi.Motivo.Motivo`, Windows
/// `%APPDATA%\Motivo\Motivo\data`).
pub fn default_dir() -> Result<PathBuf, StoreError> {
    if let Some(dir) = std::env::var_os("MOTIVO_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("fi", "Motivo", "Motivo")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Progress files in one folder.
#[derive(Debug, Clone)]
pub struct FileBackend {
    dir: PathBuf,
}

/// Name of the lock file (held while loading, changing and saving, so two Motivo processes do not interleave).
pub const LOCK: &str = "progress.lock";

fn tmp_name(slot: &str) -> String {
    format!(".{slot}.tmp")
}

impl FileBackend {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        FileBackend { dir: dir.into() }
    }

    /// The backend in [`default_dir`].
    pub fn default_location() -> Result<Self, StoreError> {
        default_dir().map(FileBackend::new)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path(&self, slot: &str) -> PathBuf {
        self.dir.join(slot)
    }

    fn sync_dir(&self) -> std::io::Result<()> {
        #[cfg(unix)]
        File::open(&self.dir)?.sync_all()?;
        Ok(())
    }

    fn ensure_dir(&self) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)
    }
}

impl Backend for FileBackend {
    /// Reads a slot: only a regular file (a folder, FIFO or device in its place is an error, found without
    /// opening it, so nothing blocks), of at most [`crate::MAX_SLOT_BYTES`].
    fn read(&self, slot: &str) -> std::io::Result<Option<Vec<u8>>> {
        use std::io::Read;
        let path = self.path(slot);
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        if !meta.is_file() {
            let what = if meta.is_dir() { "a folder" } else { "not a regular file" };
            return Err(std::io::Error::new(ErrorKind::InvalidInput, format!("{what}, not a progress file")));
        }
        if meta.len() > crate::MAX_SLOT_BYTES {
            let message = format!("{} bytes, over the limit of {} bytes", meta.len(), crate::MAX_SLOT_BYTES);
            return Err(std::io::Error::new(ErrorKind::InvalidData, message));
        }
        let mut bytes = Vec::new();
        match File::open(&path) {
            Ok(f) => f.take(crate::MAX_SLOT_BYTES + 1).read_to_end(&mut bytes)?,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        if bytes.len() as u64 > crate::MAX_SLOT_BYTES {
            return Err(std::io::Error::new(ErrorKind::InvalidData, "over the size limit"));
        }
        Ok(Some(bytes))
    }

    fn write(&self, slot: &str, text: &str) -> std::io::Result<()> {
        self.ensure_dir()?;
        let tmp = self.path(&tmp_name(slot));
        {
            let mut f = OpenOptions::new().write(true).create(true).truncate(true).open(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()?;
        }
        fs::rename(&tmp, self.path(slot))?;
        self.sync_dir()
    }

    fn copy(&self, from: &str, to: &str) -> std::io::Result<()> {
        self.ensure_dir()?;
        let tmp = self.path(&tmp_name(to));
        match fs::remove_file(&tmp) {
            Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
            _ => {}
        }
        // A hard link shares the file's content at no cost and is as durable as the original; fall back to a
        // copy where links are not supported (FAT, some network drives).
        if fs::hard_link(self.path(from), &tmp).is_err() {
            fs::copy(self.path(from), &tmp)?;
            File::open(&tmp)?.sync_all()?;
        }
        fs::rename(&tmp, self.path(to))?;
        self.sync_dir()
    }

    fn rename(&self, from: &str, to: &str) -> std::io::Result<()> {
        fs::rename(self.path(from), self.path(to))?;
        self.sync_dir()
    }

    fn remove(&self, slot: &str) -> std::io::Result<()> {
        match fs::remove_file(self.path(slot)) {
            Err(e) if e.kind() != ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    fn list(&self, prefix: &str) -> std::io::Result<Vec<String>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut out: Vec<String> = entries
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(prefix) && n.ends_with(".ron"))
            .collect();
        out.sort();
        Ok(out)
    }

    fn describe(&self, slot: &str) -> String {
        self.path(slot).display().to_string()
    }

    fn now(&self) -> i64 {
        crate::now_ms().div_euclid(1000)
    }

    fn locked<T>(&self, f: impl FnOnce() -> T) -> std::io::Result<T> {
        self.ensure_dir()?;
        let lock = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(self.path(LOCK))?;
        lock.lock()?;
        let out = f();
        let _ = lock.unlock();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MAIN, PREV, Store};
    use motivo_engine::model::Lang;

    fn temp_dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("motivo-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn saves_atomically_with_previous_copy_and_no_leftovers() {
        let dir = temp_dir("basic");
        let store = Store::new(FileBackend::new(&dir));
        for uid in ["a", "b", "c"] {
            store.record(crate::tests::attempt(uid), Lang::En).unwrap();
        }
        assert!(dir.join(MAIN).exists() && dir.join(PREV).exists());
        let names: Vec<String> =
            fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
        assert_eq!(store.load().unwrap().progress.attempts.len(), 3);
        let prev = fs::read_to_string(dir.join(PREV)).unwrap();
        assert_eq!(motivo_course::progress::decode(&prev).unwrap().attempts.len(), 2);
        // Not UTF-8 at all: damaged, recovered from the previous copy, and kept.
        fs::write(dir.join(MAIN), [0xff, 0xfe, 0x00]).unwrap();
        let loaded = store.load().unwrap();
        assert!(loaded.problem.is_some());
        assert_eq!(loaded.progress.attempts.len(), 2);
        let r = store.record(crate::tests::attempt("d"), Lang::En).unwrap();
        assert_eq!(r.progress.attempts.len(), 3);
        let aside: Vec<_> = store.backend.list(crate::CORRUPT_PREFIX).unwrap();
        assert_eq!(fs::read(dir.join(&aside[0])).unwrap(), [0xff, 0xfe, 0x00]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unreadable_main_file_keeps_the_previous_copy_and_records_to_pending() {
        // Regression (issue 16): a folder in place of progress.ron lost the play and `motivo progress` ignored the
        // good previous copy.
        let dir = temp_dir("unreadable");
        let store = Store::new(FileBackend::new(&dir));
        for uid in ["a", "b"] {
            store.record(crate::tests::attempt(uid), Lang::En).unwrap();
        }
        fs::remove_file(dir.join(MAIN)).unwrap();
        fs::create_dir(dir.join(MAIN)).unwrap();
        let loaded = store.load().unwrap();
        assert!(matches!(loaded.problem, Some(crate::Problem::Unreadable { recovered: Some(_), .. })));
        assert!(!loaded.writable());
        assert_eq!(loaded.progress.attempts.len(), 1, "the previous copy");
        let r = store.record(crate::tests::attempt("c"), Lang::En).unwrap();
        assert!(r.slot.contains(crate::PENDING_PREFIX), "{}", r.slot);
        assert!(r.notices.iter().any(|n| n.contains("cannot be read")), "{:?}", r.notices);
        assert!(dir.join(MAIN).is_dir(), "the folder is left alone");
        assert_eq!(store.load().unwrap().progress.attempts.len(), 2, "the copy and the pending play");
        // Once the main file is back, the next play merges the pending one in and removes it.
        fs::remove_dir(dir.join(MAIN)).unwrap();
        fs::copy(dir.join(PREV), dir.join(MAIN)).unwrap();
        let r = store.record(crate::tests::attempt("d"), Lang::En).unwrap();
        assert_eq!(r.progress.attempts.len(), 3);
        assert!(store.backend.list(crate::PENDING_PREFIX).unwrap().is_empty());
        let uids: Vec<String> = store.load().unwrap().progress.attempts.iter().map(|a| a.uid.clone()).collect();
        assert_eq!(uids, ["a", "c", "d"]);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_unwritable_folder_never_blocks_or_loses_a_play() {
        let dir = temp_dir("fifo");
        fs::create_dir_all(&dir).unwrap();
        let made = std::process::Command::new("mkfifo").arg(dir.join(MAIN)).status().is_ok_and(|s| s.success());
        if made {
            let store = Store::new(FileBackend::new(&dir));
            let loaded = store.load().unwrap();
            assert!(matches!(loaded.problem, Some(crate::Problem::Unreadable { .. })));
            let r = store.record(crate::tests::attempt("a"), Lang::Fi).unwrap();
            assert!(r.slot.contains(crate::PENDING_PREFIX));
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
