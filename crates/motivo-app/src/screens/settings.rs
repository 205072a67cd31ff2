//! The settings screen: draws [`crate::ui::settings::show`] while [`Screen::Settings`] is active.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::model::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_screen.run_if(in_state(Screen::Settings)));
}

super::screen_system!(crate::ui::settings::show);
