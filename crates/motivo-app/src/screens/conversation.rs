//! The conversation screen: draws [`crate::ui::conversation::show`] while [`Screen::Conversation`] is active.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::model::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_screen.run_if(in_state(Screen::Conversation)));
}

super::screen_system!(crate::ui::conversation::show);
