//! The start screen: draws [`crate::ui::start::show`] while [`Screen::Start`] is active.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::model::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_screen.run_if(in_state(Screen::Start)));
}

super::screen_system!(crate::ui::start::show);
