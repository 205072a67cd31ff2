//! The printable course certificate (`motivo_course::export::certificate_html`, the same page as
//! `motivo progress --certificate`): saved next to the progress on the desktop, downloaded in the browser.

use fluent_bundle::FluentValue;
use motivo_course::Timestamp;
use motivo_course::export::certificate_html;

use crate::model::AppModel;
use crate::record::{Recorder, now_ms};

/// Carries out [`AppModel::certificate_request`]: remembers the name in the progress (when the store can be
/// written) and writes the certificate; the outcome goes to [`AppModel::certificate_notice`].
pub fn write(model: &mut AppModel, recorder: Option<&Recorder>) {
    let Some(name) = model.certificate_request.take() else { return };
    let Some(overview) = model.overview.clone() else { return };
    if let Some(r) = recorder {
        let learner = model.progress.learner.clone();
        match r.store.update(|p| p.learner = learner) {
            Ok(((), progress)) => model.progress = progress,
            Err(e) => bevy::log::warn!("the name for the certificate was not saved: {e}"),
        }
    }
    let lang = model.content_lang();
    let issued = Timestamp(now_ms().div_euclid(1000));
    let learner = (!name.is_empty()).then_some(name.as_str());
    let s = &model.strings;
    let result = certificate_html(&overview, learner, lang, issued)
        .map_err(|e| e.to_string())
        .and_then(|html| deliver(&html, s, recorder));
    model.certificate_notice = Some(match result {
        Ok(Some(path)) => s.fmt("certificate-saved", &[("path", FluentValue::from(path))]),
        Ok(None) => s.get("certificate-downloaded"),
        Err(error) => s.fmt("certificate-failed", &[("error", FluentValue::from(error))]),
    });
}

/// Writes the page; returns where it went (`None`: handed to the browser as a download).
#[cfg(not(target_arch = "wasm32"))]
fn deliver(html: &str, s: &crate::i18n::Strings, recorder: Option<&Recorder>) -> Result<Option<String>, String> {
    use motivo_store::Backend;
    let backend = recorder.map(|r| &r.store.backend).ok_or("no data folder")?;
    // The file name from the language file; a name with a path in it is not taken.
    let slot = s.try_get("certificate-file").filter(|f| is_file_name(f)).unwrap_or_else(|| "certificate.html".into());
    let slot = slot.as_str();
    backend.write(slot, html).map_err(|e| e.to_string())?;
    Ok(Some(backend.describe(slot)))
}

#[cfg(target_arch = "wasm32")]
fn deliver(html: &str, s: &crate::i18n::Strings, _: Option<&Recorder>) -> Result<Option<String>, String> {
    use wasm_bindgen::JsCast;
    let err = |e: wasm_bindgen::JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(html));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.dyn_into().map_err(|_| "no link")?;
    a.set_href(&url);
    let name = s.try_get("certificate-download").filter(|f| is_file_name(f));
    a.set_download(name.as_deref().unwrap_or("motivo-certificate.html"));
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(None)
}

/// A plain file name ending in `.html` (no folder, nothing hidden), as a language file may give one.
fn is_file_name(f: &str) -> bool {
    f.ends_with(".html")
        && !f.starts_with('.')
        && f.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        && !f.contains("..")
}
