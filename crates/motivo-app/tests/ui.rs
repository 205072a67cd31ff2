//! The screens' egui view functions, driven with egui_kittest (no Bevy, no GPU).

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use motivo_app::model::{Action, AppModel, FeedbackMode, Screen};
use motivo_app::ui;
use motivo_engine::ReplyCoder;
use motivo_engine::model::InputMode;
use motivo_engine::runtime::ReplyKind;

use common::*;

struct State {
    model: AppModel,
    actions: Vec<Action>,
    coder: Option<Box<dyn ReplyCoder>>,
}

/// A harness that runs the app's screens as the app does: draw, then carry out the returned action.
fn harness<'a>(model: AppModel, coder: Option<Box<dyn ReplyCoder>>) -> Harness<'a, State> {
    Harness::builder().with_size(egui::vec2(1200.0, 900.0)).build_ui_state(
        |ui, s: &mut State| {
            ui::apply_settings(ui.ctx(), &s.model.settings);
            if let Some(a) = ui::show(ui, &s.model) {
                s.model.apply(a.clone(), s.coder.as_deref());
                s.actions.push(a);
            }
        },
        State { model, actions: vec![], coder },
    )
}

#[test]
fn start_lists_the_course_and_switches_language() {
    let mut h = harness(model("fi"), None);
    h.run();
    h.get_by_label_contains("Pieni harjoitus");
    h.get_by_label_contains("Motivoivan keskustelun taidot");
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().model.settings.lang, "en");
    h.get_by_label_contains("A small exercise");
    h.get_by_label("Suomi").click();
    h.run();
    h.get_by_label_contains("Pieni harjoitus");
}

#[test]
fn intro_shows_persona_and_goal_and_starts() {
    let mut h = harness(model("fi"), None);
    h.run();
    h.get_by_label("Pieni harjoitus").click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Intro);
    h.get_by_label_contains("Aune, 82 v");
    h.get_by_label_contains("Asiakas nimeää seuraavan askeleen.");
    h.get_by_label("Aloita keskustelu").click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Conversation);
    h.get_by_label_contains("En mä osaa näitä koneita.");
}

#[test]
fn picking_an_option_shows_feedback_in_coach_mode() {
    let mut h = harness(in_conversation("fi"), None);
    h.run();
    h.get_by_label_contains("Tärkeys:");
    h.get_by_label("1. Koneet tuntuvat vierailta.").click();
    h.run();
    let m = &h.state().model;
    assert_eq!(m.session.as_ref().unwrap().history().len(), 1);
    h.get_by_label_contains("Palaute vastauksestasi 1");
    h.get_by_label_contains("monimuotoinen heijastus");
    h.get_by_label_contains("Hyvä heijastus.");
    h.get_by_label_contains("Asiakas nimesi oman seuraavan askeleensa.");
}

#[test]
fn a_digit_key_picks_and_the_worse_reply_shows_the_better_alternative() {
    let mut h = harness(in_conversation("en"), None);
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    let s = h.state().model.session.as_ref().unwrap();
    assert_eq!(s.history()[0].reply, ReplyKind::Option { index: 1 });
    h.get_by_label_contains("Not consistent with MI");
    h.get_by_label_contains("A better alternative (1)");
}

#[test]
fn exam_mode_shows_no_feedback_until_the_report() {
    let mut m = in_conversation("en");
    m.apply(Action::SetFeedbackMode(FeedbackMode::Exam), None);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("1. Computers feel foreign to you.").click();
    h.run();
    assert!(h.query_by_label_contains("Feedback on your reply").is_none());
    h.get_all_by_label("Open the feedback").next().unwrap().click();
    h.run();
    h.get_by_label_contains("Reply by reply");
    h.get_by_label_contains("A good reflection.");
}

#[test]
fn typing_a_reply_codes_it_and_moves_on() {
    let mut m = in_conversation("fi");
    m.has_coder = true;
    // Make the first turn a free-text turn.
    let mut sc = (*m.scenarios[0]).clone();
    sc.input = InputMode::FreeText;
    let sc = std::sync::Arc::new(sc);
    m.scenarios[0] = sc.clone();
    m.session = Some(motivo_engine::Session::start(sc, 1, motivo_engine::Lang::Fi));
    let mut h = harness(m, Some(Box::new(FakeCoder)));
    h.run();
    assert!(h.query_by_label("1. Koneet tuntuvat vierailta.").is_none(), "free text only at this turn");
    let node = h.get_by_role(egui::accesskit::Role::MultilineTextInput);
    node.focus();
    h.run();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Koneet tuntuvat sinusta vaikeilta.");
    h.run();
    h.get_by_label("Lähetä").click();
    h.run();
    let s = h.state().model.session.as_ref().unwrap();
    assert!(
        matches!(&s.history()[0].reply, ReplyKind::Text { text, .. } if text == "Koneet tuntuvat sinusta vaikeilta.")
    );
    assert!(s.is_finished());
    h.get_by_label_contains("Vastauksesi oli: monimuotoinen heijastus");
}

#[test]
fn an_empty_typed_reply_is_refused_with_a_notice() {
    let mut m = in_conversation("fi");
    m.has_coder = true;
    let coder = FakeCoder;
    assert!(m.apply(Action::SendText("   ".into()), Some(&coder)));
    assert!(m.notice.as_deref().unwrap().contains("tyhjä"));
    assert!(m.session.as_ref().unwrap().history().is_empty());
}

#[test]
fn rewinding_shows_both_tries_side_by_side() {
    let mut h = harness(in_conversation("fi"), None);
    h.run();
    h.get_by_label("2. Kyllä sinun pitää oppia.").click();
    h.run();
    h.get_by_label("Palaa vastaukseen 1").click();
    h.run();
    assert!(h.state().model.compare.is_some());
    assert!(h.state().model.session.as_ref().unwrap().history().is_empty());
    h.get_by_label("Kaksi yritystä rinnakkain");
    h.get_by_label("1. Koneet tuntuvat vierailta.").click();
    h.run();
    h.get_by_label("Aiempi yritys");
    h.get_by_label("Tämä yritys");
    h.get_by_label_contains("Asiakas vetäytyi keskustelusta.");
    assert!(h.get_all_by_label_contains("Asiakas nimesi oman seuraavan askeleensa.").count() >= 1);
    h.get_by_label("Sulje vertailu").click();
    h.run();
    assert!(h.state().model.compare.is_none());
}

#[test]
fn the_rewind_key_takes_back_the_last_reply() {
    let mut h = harness(in_conversation("en"), None);
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(h.state().model.session.as_ref().unwrap().history().len(), 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().model.session.as_ref().unwrap().history().len(), 0);
}

#[test]
fn the_report_shows_miti_charts_and_try_again() {
    let mut m = in_conversation("fi");
    m.apply(Action::Choose(1), None);
    m.apply(Action::OpenReport, None);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("MITI-tunnusluvut");
    h.get_by_label("Suhdetaidot (kumppanuus, empatia)");
    h.get_by_label("Vastaustesi koodit");
    h.get_by_label("Muutospuheen osuus (%)");
    h.get_by_label("Digituen etiikka");
    h.get_by_label_contains("Asiakas vetäytyi keskustelusta.");
    assert!(h.state().model.to_record.is_some(), "the finished play waits to be recorded");
    h.get_all_by_label("Yritä uudelleen").next().unwrap().click();
    h.run();
    let m = &h.state().model;
    assert_eq!(m.screen, Screen::Conversation);
    assert!(m.session.as_ref().unwrap().history().is_empty());
}

#[test]
fn settings_change_text_size_contrast_and_feedback() {
    let mut h = harness(model("en"), None);
    h.run();
    h.get_by_label("Settings").click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Settings);
    h.get_by_label("Larger").click();
    h.run();
    assert!(h.state().model.settings.text_scale > 1.0);
    h.get_by_label("High contrast").click();
    h.run();
    assert!(h.state().model.settings.high_contrast);
    h.get_by_label("Exam").click();
    h.run();
    assert_eq!(h.state().model.settings.feedback, FeedbackMode::Exam);
    h.get_by_label("Suomi").click();
    h.run();
    h.get_by_label("Valmis").click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Start);
    assert_eq!(h.state().model.settings.lang, "fi");
}

#[test]
fn a_script_plays_like_motivo_play() {
    let mut m = in_conversation("fi");
    let refused = m.play_script("# comment\n\n2\n", None);
    assert!(refused.is_empty());
    let s = m.session.as_ref().unwrap();
    assert!(s.is_finished());
    assert_eq!(s.history()[0].reply, ReplyKind::Option { index: 1 });
}

/// Records the model's finished play in memory the way `record::flush` does (no files).
fn record_in_memory(m: &mut AppModel) -> u64 {
    let f = m.to_record.take().expect("a finished play");
    let attempt = motivo_app::record::attempt_of(
        &f.session,
        &f.report,
        f.started_ms,
        f.duration_ms,
        format!("u{}", m.progress.attempts.len()),
    );
    let mut progress = m.progress.clone();
    let id = progress.add(attempt);
    m.recorded(id, progress, vec![]);
    id
}

#[test]
fn start_shows_modules_outcomes_mastery_and_why_not_passed() {
    let mut m = course_model("fi");
    // A poor play (persuasion, then the client leaves): tried, not passed, with the reasons shown.
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    m.apply(Action::Choose(1), None);
    record_in_memory(&mut m);
    m.apply(Action::ToStart, None);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("Testikurssi");
    h.get_by_label_contains("Tavoite: Käytät heijastuksia.");
    h.get_by_label_contains("Läpäistyt harjoitukset: 0/1");
    h.get_by_label_contains("Ei vielä läpäisty (yksi yritys");
    let why = h.state().model.overview.as_ref().unwrap().scenario("pieni").unwrap().why_not.clone();
    assert!(!why.is_empty());
    h.get_by_label_contains(&why[0].text(motivo_engine::Lang::Fi));
    assert!(h.query_by_label_contains("Osaamistavoite saavutettu").is_none());

    // A good play passes the scenario and masters the outcome, and the start screen says so.
    let mut m = std::mem::replace(&mut h.state_mut().model, model("fi"));
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    m.apply(Action::Choose(0), None);
    record_in_memory(&mut m);
    let o = m.overview.as_ref().unwrap();
    assert!(o.scenario("pieni").unwrap().passed, "{:?}", o.scenario("pieni").unwrap().why_not);
    m.apply(Action::ToStart, None);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label_contains("Osaamistavoite saavutettu");
    h.get_by_label_contains("Läpäistyt harjoitukset: 1/1");
    h.get_by_label_contains("Läpäisty 2 yrityksellä");
}

#[test]
fn the_report_shows_the_trend_against_earlier_attempts() {
    let mut m = course_model("en");
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    m.apply(Action::Choose(1), None);
    record_in_memory(&mut m);
    m.apply(Action::TryAgain, None);
    m.apply(Action::Choose(0), None);
    record_in_memory(&mut m);
    m.apply(Action::OpenReport, None);
    let text = m.trend().expect("a trend").text(motivo_engine::Lang::En);
    assert!(text.starts_with("Better than last time (attempt 2)."), "{text}");
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("Progress against earlier attempts");
    h.get_by_label(&text);
    h.get_by_label("Attempt");
}
