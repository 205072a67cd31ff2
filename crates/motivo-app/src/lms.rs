//! Running inside an LMS as a SCORM 1.2 package (`web/scorm.sh`): the JS shim `web/lms.js` finds the LMS's
//! `API` object in a parent frame and owns its lifecycle (LMSInitialize on connect; session time, commit and
//! LMSFinish when the page goes away). This module decides what to tell it: on start the progress kept in
//! `cmi.suspend_data` is merged into the local progress, and after every recorded play the SCORM values
//! (`motivo_course::scorm::cmi`: location, score, status, exit, suspend data) are set and committed.
//! On the desktop, and in a browser with no LMS around, [`Lms::connect`] returns a disconnected value and
//! nothing here does anything: progress lives in the local store only. `docs/scorm.md` has the details.

use bevy::prelude::Resource;
use motivo_course::progress::Progress;
use motivo_course::{Course, KnownScenario, scorm};

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/web/lms.js")]
    extern "C" {
        #[wasm_bindgen(js_name = lmsConnect)]
        pub fn connect() -> bool;
        #[wasm_bindgen(js_name = lmsGet)]
        pub fn get(element: &str) -> String;
        #[wasm_bindgen(js_name = lmsSet)]
        pub fn set(element: &str, value: &str) -> bool;
        #[wasm_bindgen(js_name = lmsCommit)]
        pub fn commit() -> bool;
    }
}

/// The connection to an LMS, if the app runs inside one.
#[derive(Resource, Debug, Default)]
pub struct Lms {
    connected: bool,
}

impl Lms {
    /// Looks for a SCORM 1.2 LMS around the page and initialises the session with it (web only).
    pub fn connect() -> Lms {
        #[cfg(target_arch = "wasm32")]
        {
            Lms { connected: js::connect() }
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            Lms { connected: false }
        }
    }

    /// An LMS-less value (desktop, tests, capture mode).
    pub fn none() -> Lms {
        Lms { connected: false }
    }

    pub fn connected(&self) -> bool {
        self.connected
    }

    fn get(&self, _element: &str) -> String {
        #[cfg(target_arch = "wasm32")]
        if self.connected {
            return js::get(_element);
        }
        String::new()
    }

    /// The progress the LMS kept for this learner (`cmi.suspend_data`), when there is some. A damaged value is
    /// reported (and ignored: the local progress still counts).
    pub fn resumed_progress(&self) -> Option<Result<Progress, String>> {
        let data = self.get("cmi.suspend_data");
        if data.trim().is_empty() {
            return None;
        }
        Some(scorm::decode_suspend(&data).map_err(|e| e.to_string()))
    }

    /// Tells the LMS where the learner is and how the course stands, and commits. Returns the values set.
    pub fn report(
        &self,
        course: &Course,
        known: &[KnownScenario],
        progress: &Progress,
        location: &str,
    ) -> Option<scorm::Cmi> {
        if !self.connected {
            return None;
        }
        let cmi = scorm::cmi(course, known, progress, location);
        #[cfg(target_arch = "wasm32")]
        {
            let raw = cmi.score_raw.to_string();
            let values = [
                ("cmi.core.lesson_location", cmi.lesson_location.as_str()),
                ("cmi.core.score.min", "0"),
                ("cmi.core.score.max", "100"),
                ("cmi.core.score.raw", raw.as_str()),
                ("cmi.core.lesson_status", cmi.lesson_status.as_str()),
                ("cmi.core.exit", cmi.exit),
                ("cmi.suspend_data", cmi.suspend_data.as_str()),
            ];
            for (element, value) in values {
                if !js::set(element, value) {
                    bevy::log::warn!("the LMS refused {element} = {value:?}");
                }
            }
            if !js::commit() {
                bevy::log::warn!("the LMS did not commit");
            }
        }
        Some(cmi)
    }
}
