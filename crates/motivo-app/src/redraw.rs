//! Redraw only when something changes, so an idle window costs next to nothing, focused or not.
//!
//! - The window updates on its own window events only (pointer, keys, resize, focus), not on device events (the
//!   mouse moving anywhere on the screen), and otherwise wakes once a minute.
//! - bevy_egui 0.42 tells egui "the modifier keys are …" (`Event::ModifiersChanged`) on every frame, and any input
//!   event makes egui ask for the next frame at once: the window drew continuously (about 7 frames a second
//!   under lavapipe, 70–100 % of a core). [`RedrawPlugin`] drops that event when the modifiers did not change.
//! - bevy_egui turns *any* repaint egui asks for into an immediate redraw, also "repaint in 0.5 s" (a tooltip
//!   waiting to show): each frame asks again, so the window drew continuously. [`RedrawPlugin`] keeps egui's
//!   immediate requests, drops the redraw for a timed one and wakes the window when it falls due instead.
//!
//! `MOTIVO_DEBUG_REPAINT=1` logs why egui asked for each repaint.

use std::time::Duration;

use bevy::ecs::message::Messages;
use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy::window::RequestRedraw;
use bevy::winit::{UpdateMode, WinitSettings};
use bevy_egui::{
    EguiFullOutput, EguiInput, EguiInputSet, EguiPostUpdateSet, EguiPreUpdateSet, PrimaryEguiContext, egui,
};

/// How long an idle window sleeps before it updates anyway.
pub const IDLE_WAKE: Duration = Duration::from_secs(60);

/// The update mode of an interactive window: its own events, or the wake-up after `wait`.
pub fn on_events(wait: Duration) -> UpdateMode {
    UpdateMode::Reactive {
        wait,
        react_to_device_events: false,
        react_to_user_events: true,
        react_to_window_events: true,
    }
}

/// Window settings of the interactive app: the same when focused and unfocused.
pub fn settings() -> WinitSettings {
    WinitSettings { focused_mode: on_events(IDLE_WAKE), unfocused_mode: on_events(IDLE_WAKE) }
}

pub struct RedrawPlugin;

/// When the earliest timed repaint egui asked for falls due.
#[derive(Resource, Default)]
struct Due(Option<Instant>);

/// The repaint delay egui asked for in this frame (`None`: no egui pass this frame).
#[derive(Resource, Default)]
struct Asked(Option<Duration>);

impl Plugin for RedrawPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<Due>();
        app.init_resource::<Asked>();
        app.add_systems(
            PreUpdate,
            unchanged_modifiers_are_no_event
                .after(EguiInputSet::WriteEguiEvents)
                .after(EguiPreUpdateSet::ProcessInput)
                .before(EguiPreUpdateSet::BeginPass),
        );
        app.add_systems(
            PostUpdate,
            (
                read_delay.after(EguiPostUpdateSet::EndPass).before(EguiPostUpdateSet::ProcessOutput),
                timed_repaints.after(EguiPostUpdateSet::ProcessOutput),
            ),
        );
    }
}

/// Keeps `ModifiersChanged` only when the modifier keys really changed since the last frame.
fn unchanged_modifiers_are_no_event(mut inputs: Query<&mut EguiInput>, mut last: Local<Option<egui::Modifiers>>) {
    for mut input in &mut inputs {
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) => {
                let new = *last != Some(*m);
                *last = Some(*m);
                new
            }
            _ => true,
        });
    }
}

fn read_delay(
    mut outputs: Query<(&EguiFullOutput, &mut bevy_egui::EguiContext), With<PrimaryEguiContext>>,
    mut asked: ResMut<Asked>,
    mut debug: Local<Option<bool>>,
) {
    let debug = *debug.get_or_insert_with(|| std::env::var_os("MOTIVO_DEBUG_REPAINT").is_some());
    asked.0 = None;
    for (out, mut ctx) in &mut outputs {
        let Some(full) = &out.0 else { continue };
        let delay = full.viewport_output.get(&egui::ViewportId::ROOT).map_or(Duration::MAX, |v| v.repaint_delay);
        asked.0 = Some(asked.0.map_or(delay, |d| d.min(delay)));
        if debug && delay < Duration::MAX {
            info!("egui asks for a repaint in {delay:?}: {:?}", ctx.get_mut().repaint_causes());
        }
    }
}

fn timed_repaints(
    asked: Res<Asked>,
    mut due: ResMut<Due>,
    mut redraws: ResMut<Messages<RequestRedraw>>,
    mut winit: ResMut<WinitSettings>,
    mut armed: Local<Option<Instant>>,
) {
    if matches!(winit.unfocused_mode, UpdateMode::Continuous) {
        return; // capture mode draws every frame anyway
    }
    let now = Instant::now();
    if due.0.is_some_and(|d| d <= now) {
        due.0 = None;
    }
    if let Some(delay) = asked.0
        && !delay.is_zero()
        && delay < Duration::MAX
    {
        // Not now: drop the redraw bevy_egui wrote for it, and wake when it falls due.
        redraws.clear();
        let when = now + delay;
        if due.0.is_none_or(|d| when < d) {
            due.0 = Some(when);
        }
    }
    // Changing the mode redraws at once: change it only when the wake-up moves earlier or is no longer needed.
    let slack = Duration::from_millis(20);
    match (due.0, *armed) {
        (Some(d), a) if a.is_none_or(|a| d + slack < a || a <= now) => {
            let wait = d.saturating_duration_since(now).max(Duration::from_millis(1));
            *winit = WinitSettings { focused_mode: on_events(wait), unfocused_mode: on_events(wait) };
            *armed = Some(d);
        }
        (None, Some(_)) => {
            *winit = settings();
            *armed = None;
        }
        _ => {}
    }
}
