//! Saving settings, course progress and the in-progress conversation: JSON files in the data directory on the
//! desktop (written atomically: temp file, then rename), `localStorage` on the web, nothing in capture mode.

use std::collections::BTreeMap;

use motivo_engine::SessionState;

use crate::model::{AppModel, Progress, Saved, Settings};

const SETTINGS: &str = "settings";
const PROGRESS: &str = "progress";
const SESSION: &str = "session";

/// A key–value store of JSON texts.
pub trait Store: Send + Sync {
    fn load(&self, key: &str) -> Option<String>;
    fn save(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
}

/// Keeps nothing (capture mode, tests).
#[derive(Debug, Default)]
pub struct NoStore;

impl Store for NoStore {
    fn load(&self, _: &str) -> Option<String> {
        None
    }
    fn save(&self, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
    fn remove(&self, _: &str) -> Result<(), String> {
        Ok(())
    }
}

/// One `<key>.json` file per key in a directory.
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Clone)]
pub struct FileStore {
    pub dir: std::path::PathBuf,
}

#[cfg(not(target_family = "wasm"))]
impl FileStore {
    /// `MOTIVO_DATA_DIR`, else the OS data directory + `motivo`.
    pub fn default_dir() -> Option<std::path::PathBuf> {
        use std::path::PathBuf;
        if let Some(d) = std::env::var_os("MOTIVO_DATA_DIR").filter(|d| !d.is_empty()) {
            return Some(PathBuf::from(d));
        }
        let home = std::env::var_os("HOME").filter(|h| !h.is_empty()).map(PathBuf::from);
        let base = if cfg!(target_os = "windows") {
            std::env::var_os("APPDATA").map(PathBuf::from)
        } else if cfg!(target_os = "macos") {
            home.map(|h| h.join("Library/Application Support"))
        } else {
            std::env::var_os("XDG_DATA_HOME")
                .filter(|d| !d.is_empty())
                .map(PathBuf::from)
                .or_else(|| home.map(|h| h.join(".local/share")))
        };
        base.map(|b| b.join("motivo"))
    }

    fn path(&self, key: &str) -> std::path::PathBuf {
        self.dir.join(format!("{key}.json"))
    }
}

#[cfg(not(target_family = "wasm"))]
impl Store for FileStore {
    fn load(&self, key: &str) -> Option<String> {
        std::fs::read_to_string(self.path(key)).ok()
    }
    fn save(&self, key: &str, value: &str) -> Result<(), String> {
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let path = self.path(key);
        let tmp = self.dir.join(format!(".{key}.json.tmp"));
        std::fs::write(&tmp, value).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        match std::fs::remove_file(self.path(key)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.to_string()),
            _ => Ok(()),
        }
    }
}

/// The browser's `localStorage`, keys prefixed with `motivo/`.
#[cfg(target_family = "wasm")]
#[derive(Debug, Default)]
pub struct WebStore;

#[cfg(target_family = "wasm")]
impl WebStore {
    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }
}

#[cfg(target_family = "wasm")]
impl Store for WebStore {
    fn load(&self, key: &str) -> Option<String> {
        Self::storage()?.get_item(&format!("motivo/{key}")).ok()?
    }
    fn save(&self, key: &str, value: &str) -> Result<(), String> {
        let s = Self::storage().ok_or("no localStorage")?;
        s.set_item(&format!("motivo/{key}"), value).map_err(|e| format!("{e:?}"))
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        let s = Self::storage().ok_or("no localStorage")?;
        s.remove_item(&format!("motivo/{key}")).map_err(|e| format!("{e:?}"))
    }
}

/// The store the app uses on this platform.
pub fn platform_store() -> Box<dyn Store> {
    #[cfg(target_family = "wasm")]
    {
        Box::new(WebStore)
    }
    #[cfg(not(target_family = "wasm"))]
    {
        match FileStore::default_dir() {
            Some(dir) => Box::new(FileStore { dir }),
            None => Box::new(NoStore),
        }
    }
}

/// Reads what was saved; anything unreadable is ignored (the app starts fresh rather than failing).
pub fn load(store: &dyn Store) -> Saved {
    let settings = store.load(SETTINGS).and_then(|t| serde_json::from_str::<Settings>(&t).ok()).unwrap_or_default();
    let progress = store
        .load(PROGRESS)
        .and_then(|t| serde_json::from_str::<BTreeMap<String, Progress>>(&t).ok())
        .unwrap_or_default();
    let session = store.load(SESSION).and_then(|t| serde_json::from_str::<SessionState>(&t).ok());
    Saved { settings, progress, session }
}

/// Writes the model's settings, progress and session.
pub fn save(store: &dyn Store, m: &AppModel) -> Result<(), String> {
    fn json<T: serde::Serialize>(v: &T) -> Result<String, String> {
        serde_json::to_string(v).map_err(|e| e.to_string())
    }
    store.save(SETTINGS, &json(&m.settings)?)?;
    store.save(PROGRESS, &json(&m.progress)?)?;
    match &m.session {
        Some(s) => store.save(SESSION, &json(s.state())?),
        None => store.remove(SESSION),
    }
}
