//! One Bevy plugin per screen (bevy_new_2d style). Each draws its egui view function while its [`Screen`] state
//! is active and sends the returned action as a [`UiAction`]. egui is immediate mode, so screens spawn no
//! entities that would need `DespawnOnExit`: leaving the state simply stops the drawing.

mod conversation;
mod intro;
mod report;
mod settings;
mod start;

use bevy::platform::time::Instant;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};

use crate::model::AppModel;
use crate::{RepaintFrames, UiAction};

pub fn plugin(app: &mut App) {
    app.insert_resource(Started(Some(Instant::now())));
    app.add_plugins((start::plugin, intro::plugin, conversation::plugin, report::plugin, settings::plugin));
}

/// When the app was built, to log the time to the first drawn frame.
#[derive(Resource)]
struct Started(Option<Instant>);

use crate::ui::View;

/// Draws `view` over the whole window and forwards its action.
fn draw(
    contexts: &mut EguiContexts,
    model: &AppModel,
    out: &mut MessageWriter<UiAction>,
    repaint: &mut RepaintFrames,
    started: &mut Started,
    view: View,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    crate::ui::apply_settings(&ctx, &model.settings);
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new("motivo-root"),
        egui::UiBuilder::new().layer_id(egui::LayerId::background()).max_rect(ctx.viewport_rect()),
    );
    if let Some(action) = crate::ui::screen(&mut root, model, view) {
        out.write(UiAction(action));
        ctx.request_repaint();
    }
    if repaint.0 > 0 {
        repaint.0 -= 1;
        ctx.request_repaint();
    }
    if let Some(t) = started.0.take() {
        info!("first frame drawn {} ms after start", t.elapsed().as_millis());
    }
    Ok(())
}

/// The system a screen plugin runs: draws the screen's view function.
macro_rules! screen_system {
    ($view:path) => {
        fn draw_screen(
            mut contexts: bevy_egui::EguiContexts,
            model: Res<crate::model::AppModel>,
            mut out: MessageWriter<crate::UiAction>,
            mut repaint: ResMut<crate::RepaintFrames>,
            mut started: ResMut<super::Started>,
        ) -> Result {
            super::draw(&mut contexts, &model, &mut out, &mut repaint, &mut started, $view)
        }
    };
}
use screen_system;
