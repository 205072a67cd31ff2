//! The browser backend: each slot is one `localStorage` item, `motivo/<slot>`. `setItem` replaces an item as a
//! whole, so a write is atomic; there is one writer per origin and tab that matters (the app), so [`Backend::locked`]
//! is the default no-op.

use std::io::{Error, ErrorKind};

use crate::Backend;

/// Prefix of every key Motivo keeps in `localStorage`.
pub const KEY_PREFIX: &str = "motivo/";

/// Progress in the browser's `localStorage`.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStorageBackend;

fn storage() -> std::io::Result<web_sys::Storage> {
    let no = || Error::new(ErrorKind::Unsupported, "this browser keeps no localStorage (private mode?)");
    web_sys::window().ok_or_else(no)?.local_storage().map_err(|_| no())?.ok_or_else(no)
}

fn js_error(what: &str, e: wasm_bindgen::JsValue) -> Error {
    // A full storage quota is the usual cause (QuotaExceededError).
    Error::other(format!("{what}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}"))))
}

impl Backend for LocalStorageBackend {
    fn read(&self, slot: &str) -> std::io::Result<Option<Vec<u8>>> {
        let item = storage()?.get_item(&format!("{KEY_PREFIX}{slot}")).map_err(|e| js_error("reading", e))?;
        Ok(item.map(String::into_bytes))
    }

    fn write(&self, slot: &str, text: &str) -> std::io::Result<()> {
        storage()?.set_item(&format!("{KEY_PREFIX}{slot}"), text).map_err(|e| js_error("saving", e))
    }

    fn rename(&self, from: &str, to: &str) -> std::io::Result<()> {
        let bytes = self.read(from)?.ok_or_else(|| Error::from(ErrorKind::NotFound))?;
        self.write(to, &String::from_utf8_lossy(&bytes))?;
        self.remove(from)
    }

    fn remove(&self, slot: &str) -> std::io::Result<()> {
        storage()?.remove_item(&format!("{KEY_PREFIX}{slot}")).map_err(|e| js_error("removing", e))
    }

    fn list(&self, prefix: &str) -> std::io::Result<Vec<String>> {
        let s = storage()?;
        let n = s.length().map_err(|e| js_error("listing", e))?;
        let full = format!("{KEY_PREFIX}{prefix}");
        let mut out: Vec<String> = (0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(&full) && k.ends_with(".ron"))
            .map(|k| k[KEY_PREFIX.len()..].to_owned())
            .collect();
        out.sort();
        Ok(out)
    }

    fn describe(&self, slot: &str) -> String {
        format!("localStorage[\"{KEY_PREFIX}{slot}\"]")
    }

    fn now(&self) -> i64 {
        crate::now_ms().div_euclid(1000)
    }
}
