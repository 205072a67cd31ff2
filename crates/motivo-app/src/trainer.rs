//! Trainer mode's file watch (desktop): `motivo --scenario FILE.ron` opens a scenario file and loads it again
//! whenever it is saved ([`crate::model::AppModel::load_trainer_file`] keeps the conversation where it can).
//!
//! A thread looks at the file's modification time and size once a second (one `stat`, no reading), reads the file
//! only when they change, and wakes the window with a winit user event. The window itself keeps sleeping: no
//! timer and no redraw while the file is unchanged, so trainer mode idles like the rest of the app.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, SystemTime};

use bevy::prelude::*;
use motivo_engine::ReplyCoder;

use crate::model::{AppModel, Screen};
use crate::{Coder, RepaintFrames};

/// How often the file is looked at.
pub const POLL: Duration = Duration::from_secs(1);

/// Watches `path` and loads it into the model when it changes.
pub struct TrainerPlugin {
    pub path: PathBuf,
    pub poll: Duration,
}

/// The file's new contents, from the watching thread.
#[derive(Resource)]
struct Changes(Mutex<Receiver<Vec<u8>>>);

/// What identifies a version of the file without reading it.
type Stamp = (Option<SystemTime>, u64);

fn stamp(path: &std::path::Path) -> Option<Stamp> {
    std::fs::metadata(path).ok().map(|m| (m.modified().ok(), m.len()))
}

impl Plugin for TrainerPlugin {
    fn build(&self, app: &mut App) {
        let (tx, rx) = channel();
        // The window's wake-up (the winit plugin is built before this one; none in headless tests).
        let proxy = app.world().get_resource::<bevy::winit::EventLoopProxyWrapper>().map(|p| (**p).clone());
        watch(self.path.clone(), self.poll, tx, move || {
            if let Some(p) = &proxy {
                let _ = p.send_event(bevy::winit::WinitUserEvent::WakeUp);
            }
        });
        app.insert_resource(Changes(Mutex::new(rx)));
        app.add_systems(Update, take_changes);
    }
}

/// Starts the thread that sends the file's contents whenever its modification time or size changes from the
/// version the app opened with, and calls `wake` after each.
fn watch(path: PathBuf, poll: Duration, tx: Sender<Vec<u8>>, wake: impl Fn() + Send + 'static) {
    let mut last = stamp(&path);
    let spawned = std::thread::Builder::new().name("motivo-trainer-watch".into()).spawn(move || {
        loop {
            std::thread::sleep(poll);
            let now = stamp(&path);
            if now.is_none() || now == last {
                continue; // unchanged, or gone for a moment while an editor saves
            }
            last = now;
            let Ok(bytes) = std::fs::read(&path) else { continue };
            if tx.send(bytes).is_err() {
                return; // the app has closed
            }
            wake();
        }
    });
    if let Err(e) = spawned {
        warn!("trainer mode: the file is not watched: {e}");
    }
}

/// Loads the newest version of the file the thread read, if any.
fn take_changes(
    changes: Res<Changes>,
    mut model: ResMut<AppModel>,
    coder: Res<Coder>,
    mut repaint: ResMut<RepaintFrames>,
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(bytes) = changes.0.lock().ok().and_then(|rx| rx.try_iter().last()) else { return };
    let coder = coder.0.as_deref().map(|c| c as &dyn ReplyCoder);
    let good = model.load_trainer_file(&bytes, coder);
    info!("trainer mode: the scenario file was loaded again ({})", if good { "in play" } else { "with errors" });
    repaint.0 = 3;
    if model.screen != *state.get() {
        next.set(model.screen);
    }
}
