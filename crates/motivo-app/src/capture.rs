//! Capture mode (`motivo --capture OUT.png [--scenario ID] [--lang fi|en] [--script FILE]`): plays the script,
//! shows the report (or the conversation if the script does not reach an ending), saves a screenshot, exits 0.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use motivo_engine::ReplyCoder;

use crate::model::{Action, AppModel, Screen};

/// Starts the scenario (the selected one, else the first) and plays `script` in it. With neither a scenario nor
/// a script, shows the start screen (the course and its progress).
pub fn prepare(model: &mut AppModel, script: &str, coder: Option<&dyn ReplyCoder>) -> Result<(), String> {
    let no_script = script.lines().all(|l| l.trim().is_empty() || l.trim().starts_with('#'));
    if model.selected.is_none() && no_script {
        model.screen = Screen::Start;
        return Ok(());
    }
    if model.selected.is_none() {
        let first = model.scenarios.first().ok_or("there are no bundled scenarios")?.id.clone();
        model.apply(Action::OpenScenario(first), coder);
    }
    model.apply(Action::StartScenario, coder);
    for refused in model.play_script(script, coder) {
        eprintln!("motivo: script line not played: {refused}");
    }
    if model.session.as_ref().is_some_and(|s| s.is_finished()) {
        model.apply(Action::OpenReport, coder);
    } else {
        model.screen = Screen::Conversation;
    }
    Ok(())
}

/// Frames drawn on the target screen before the screenshot (egui lays text out over the first frames).
const SETTLE_FRAMES: u32 = 12;

pub struct CapturePlugin {
    pub out: PathBuf,
}

#[derive(Resource)]
struct CaptureTarget {
    out: PathBuf,
    frames: u32,
    requested: bool,
}

impl Plugin for CapturePlugin {
    fn build(&self, app: &mut App) {
        app.insert_resource(CaptureTarget { out: self.out.clone(), frames: 0, requested: false });
        app.add_systems(Update, take_screenshot);
    }
}

fn take_screenshot(
    mut commands: Commands,
    mut target: ResMut<CaptureTarget>,
    model: Res<AppModel>,
    state: Res<State<Screen>>,
) {
    if target.requested || *state.get() != model.screen {
        return;
    }
    target.frames += 1;
    if target.frames < SETTLE_FRAMES {
        return;
    }
    target.requested = true;
    let out = target.out.clone();
    commands.spawn(Screenshot::primary_window()).observe(save_to_disk(out.clone())).observe(
        move |_: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>| {
            println!("motivo: screenshot saved to {}", out.display());
            exit.write(AppExit::Success);
        },
    );
}
