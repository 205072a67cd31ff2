//! The reporting settings (`xapi.json` in the Motivo data folder) and the LRS configuration.
//!
//! Environment variables override the file: `MOTIVO_LRS_ENDPOINT`, `MOTIVO_LRS_USER`, `MOTIVO_LRS_PASSWORD`,
//! `MOTIVO_XAPI_BASE_IRI`, `MOTIVO_XAPI_HOMEPAGE`, `MOTIVO_XAPI_REGISTRATION`.

use std::time::Duration;

use motivo_store::Backend;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The settings slot in the data folder.
pub const SETTINGS: &str = "xapi.json";

/// What is kept in `xapi.json`. Every field is optional; the learner id and registration are made on first use.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The pseudonymous learner id (a random UUID made once), the actor's `account.name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub learner_id: Option<String>,
    /// `context.registration` of every statement (a random UUID made once, or the LMS's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration: Option<String>,
    /// The learner's name, only when they gave one (`motivo sync --name`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The actor account's `homePage` (default: the base IRI).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub home_page: Option<String>,
    /// Base IRI of activity ids and extension keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_iri: Option<String>,
    /// The LRS's xAPI endpoint (statements go to `{endpoint}/statements`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// Prefer `MOTIVO_LRS_PASSWORD`; a password here is kept in plain text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    /// Put typed reply texts into statements (off by default: they are personal data).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub include_typed_text: bool,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("learner_id", &self.learner_id)
            .field("registration", &self.registration)
            .field("name", &self.name)
            .field("home_page", &self.home_page)
            .field("base_iri", &self.base_iri)
            .field("endpoint", &self.endpoint.as_deref().map(strip_userinfo))
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("include_typed_text", &self.include_typed_text)
            .finish()
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

fn nonempty(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

impl Settings {
    /// Reads `xapi.json`; a missing file is the defaults. A damaged file is an error (never overwritten: it
    /// holds the learner id).
    pub fn load(backend: &impl Backend) -> Result<Settings, String> {
        match backend.read(SETTINGS) {
            Ok(None) => Ok(Settings::default()),
            Ok(Some(bytes)) => serde_json::from_slice(&bytes)
                .map_err(|e| format!("{} is damaged ({e}); fix or remove it", backend.describe(SETTINGS))),
            Err(e) => Err(format!("cannot read {}: {e}", backend.describe(SETTINGS))),
        }
    }

    /// Saves `xapi.json` atomically.
    pub fn save(&self, backend: &impl Backend) -> Result<(), String> {
        let text = serde_json::to_string_pretty(self).expect("settings serialise") + "\n";
        backend.write(SETTINGS, &text).map_err(|e| format!("cannot save {}: {e}", backend.describe(SETTINGS)))
    }

    /// Loads the settings, making the learner id and registration once if they are missing (under the data
    /// folder's lock, so two processes agree on them).
    pub fn ensure(backend: &impl Backend) -> Result<Settings, String> {
        backend
            .locked(|| {
                let mut s = Settings::load(backend)?;
                let mut changed = false;
                for field in [&mut s.learner_id, &mut s.registration] {
                    if field.as_deref().and_then(|v| Uuid::parse_str(v).ok()).is_none() {
                        *field = Some(Uuid::new_v4().to_string());
                        changed = true;
                    }
                }
                if changed {
                    s.save(backend)?;
                }
                Ok(s)
            })
            .map_err(|e| format!("cannot lock {}: {e}", backend.describe(SETTINGS)))?
    }

    /// The base IRI in force (environment, file, default), without a trailing `/`.
    pub fn base_iri(&self) -> String {
        env("MOTIVO_XAPI_BASE_IRI")
            .or_else(|| nonempty(&self.base_iri))
            .unwrap_or_else(|| motivo_course::xapi::DEFAULT_BASE_IRI.to_owned())
            .trim_end_matches('/')
            .to_owned()
    }

    /// The actor account's home page in force.
    pub fn home_page(&self) -> String {
        env("MOTIVO_XAPI_HOMEPAGE").or_else(|| nonempty(&self.home_page)).unwrap_or_else(|| self.base_iri())
    }

    /// The registration in force (`MOTIVO_XAPI_REGISTRATION` when it is a UUID).
    pub fn registration(&self) -> Option<Uuid> {
        env("MOTIVO_XAPI_REGISTRATION")
            .and_then(|r| Uuid::parse_str(&r).ok())
            .or_else(|| self.registration.as_deref().and_then(|r| Uuid::parse_str(r).ok()))
    }

    /// The LRS, when one is configured (environment first, then the file). `None`: no network use at all.
    pub fn lrs(&self) -> Result<Option<LrsConfig>, String> {
        let Some(endpoint) = env("MOTIVO_LRS_ENDPOINT").or_else(|| nonempty(&self.endpoint)) else {
            return Ok(None);
        };
        LrsConfig::new(
            &endpoint,
            env("MOTIVO_LRS_USER").or_else(|| nonempty(&self.user)),
            std::env::var("MOTIVO_LRS_PASSWORD").ok().filter(|p| !p.is_empty()).or_else(|| self.password.clone()),
        )
        .map(Some)
    }
}

/// Removes `user:password@` from a URL.
pub fn strip_userinfo(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..host_end].rfind('@') {
        Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
        None => url.to_owned(),
    }
}

/// Where and as whom statements are sent. `Debug` never shows the password.
#[derive(Clone)]
pub struct LrsConfig {
    /// The xAPI endpoint, without a trailing `/` (credentials in the URL are moved to `user`/`password`).
    endpoint: String,
    user: Option<String>,
    password: Option<String>,
    /// Limit for one request, connect to last byte.
    pub timeout: Duration,
}

impl std::fmt::Debug for LrsConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsConfig")
            .field("endpoint", &self.endpoint)
            .field("user", &self.user)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("timeout", &self.timeout)
            .finish()
    }
}

impl LrsConfig {
    /// Checks the endpoint (`http://` or `https://`); user info in the URL (`https://u:p@host/xapi`) is taken as
    /// the credentials when none are given otherwise.
    pub fn new(endpoint: &str, user: Option<String>, password: Option<String>) -> Result<LrsConfig, String> {
        let e = endpoint.trim();
        let lower = e.to_ascii_lowercase();
        let clean = strip_userinfo(e);
        if !(lower.starts_with("http://") || lower.starts_with("https://")) || clean.len() <= "https://".len() {
            return Err(format!("the LRS endpoint `{clean}` is not an http:// or https:// URL"));
        }
        let (mut user, mut password) = (user, password);
        if clean != e
            && let Some((_, rest)) = e.split_once("://")
            && let Some(at) = rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())].rfind('@')
        {
            let info = &rest[..at];
            let (u, p) = info.split_once(':').unwrap_or((info, ""));
            user = user.or_else(|| Some(u.to_owned()));
            if !p.is_empty() {
                password = password.or_else(|| Some(p.to_owned()));
            }
        }
        Ok(LrsConfig {
            endpoint: clean.trim_end_matches('/').to_owned(),
            user,
            password,
            timeout: Duration::from_secs(15),
        })
    }

    /// `{endpoint}/statements`.
    pub fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint)
    }

    /// The endpoint, safe to show.
    pub fn endpoint_for_display(&self) -> &str {
        &self.endpoint
    }

    pub fn user(&self) -> Option<&str> {
        self.user.as_deref()
    }

    /// The `Authorization` header value, when credentials are set.
    pub fn authorization(&self) -> Option<String> {
        if self.user.is_none() && self.password.is_none() {
            return None;
        }
        let pair = format!("{}:{}", self.user.as_deref().unwrap_or(""), self.password.as_deref().unwrap_or(""));
        Some(format!("Basic {}", crate::base64(pair.as_bytes())))
    }

    /// `message` with the password (and the encoded credentials) blanked out, for anything shown or logged.
    pub fn redact(&self, message: &str) -> String {
        let mut m = message.to_owned();
        if let Some(auth) = self.authorization() {
            m = m.replace(auth.trim_start_matches("Basic "), "<redacted>");
        }
        if let Some(p) = self.password.as_deref().filter(|p| !p.is_empty()) {
            m = m.replace(p, "<redacted>");
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_messages_never_show_the_password() {
        let c = LrsConfig::new("http://127.0.0.1:8100/xAPI/", Some("tester".into()), Some("s3cr3t-pw".into())).unwrap();
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("s3cr3t-pw") && dbg.contains("<redacted>"), "{dbg}");
        assert_eq!(c.statements_url(), "http://127.0.0.1:8100/xAPI/statements");
        assert!(!c.redact("x s3cr3t-pw y").contains("s3cr3t-pw"));
        let auth = c.authorization().unwrap();
        assert!(!c.redact(&auth).contains(auth.trim_start_matches("Basic ")));
        let s = Settings {
            password: Some("s3cr3t-pw".into()),
            endpoint: Some("https://u:pw@h/x".into()),
            ..Default::default()
        };
        let dbg = format!("{s:?}");
        assert!(!dbg.contains("s3cr3t-pw") && !dbg.contains("pw@"), "{dbg}");
    }

    #[test]
    fn no_endpoint_means_no_lrs() {
        if std::env::var_os("MOTIVO_LRS_ENDPOINT").is_some() {
            return; // configured by the environment running the tests
        }
        assert!(Settings::default().lrs().unwrap().is_none());
        let s = Settings { endpoint: Some("http://127.0.0.1:1/xAPI".into()), ..Default::default() };
        assert_eq!(s.lrs().unwrap().unwrap().statements_url(), "http://127.0.0.1:1/xAPI/statements");
    }

    #[test]
    fn credentials_in_the_url_are_taken_out() {
        let c = LrsConfig::new("https://alice:pw%21@lrs.example.org/xapi", None, None).unwrap();
        assert_eq!(c.endpoint_for_display(), "https://lrs.example.org/xapi");
        assert_eq!(c.user(), Some("alice"));
        assert!(!format!("{c:?}").contains("pw%21"));
        assert!(LrsConfig::new("ftp://x", None, None).is_err());
        assert!(LrsConfig::new("http://", None, None).is_err());
        assert_eq!(strip_userinfo("http://h/a@b"), "http://h/a@b");
    }
}
