//! The one network call: `POST {endpoint}/statements`.

use crate::settings::LrsConfig;

/// Sends a JSON array of statements; returns the HTTP status and body, or why no answer came. Errors must not
/// contain credentials (callers redact them again anyway).
pub trait Transport {
    fn post_statements(&self, lrs: &LrsConfig, body: &str) -> Result<(u16, String), String>;
}

/// The real transport (ureq: blocking, rustls for https, a timeout per request). Desktop only.
#[cfg(not(target_arch = "wasm32"))]
pub struct Ureq;

#[cfg(not(target_arch = "wasm32"))]
impl Transport for Ureq {
    fn post_statements(&self, lrs: &LrsConfig, body: &str) -> Result<(u16, String), String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(lrs.timeout))
            .timeout_connect(Some(lrs.timeout.min(std::time::Duration::from_secs(5))))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        let mut req = agent
            .post(lrs.statements_url())
            .header("X-Experience-API-Version", "1.0.3")
            .header("Content-Type", "application/json");
        if let Some(auth) = lrs.authorization() {
            req = req.header("Authorization", auth);
        }
        let mut resp = req.send(body).map_err(|e| lrs.redact(&describe(&e)))?;
        let status = resp.status().as_u16();
        let text = resp.body_mut().with_config().limit(4 * 1024 * 1024).read_to_string().unwrap_or_default();
        Ok((status, text))
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn describe(e: &ureq::Error) -> String {
    match e {
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::ConnectionRefused => "connection refused".into(),
            std::io::ErrorKind::TimedOut => "timed out".into(),
            _ => format!("network error ({io})"),
        },
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::HostNotFound => "host not found".into(),
        ureq::Error::ConnectionFailed => "connection failed".into(),
        other => other.to_string(),
    }
}
