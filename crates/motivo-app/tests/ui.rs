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

#[test]
fn a_typed_script_is_played_in_own_words_whatever_the_answer_mode() {
    // The app's default is write-then-pick; a script with no pick must not wait for one (the SCORM test and
    // the web harness play typed scripts this way).
    let mut m = in_conversation("fi");
    m.session.as_mut().unwrap().set_answer(InputMode::WriteThenPick);
    let refused = m.play_script("Kuulostaa siltä, että tämä mietityttää sinua.\n", Some(&common::FakeCoder));
    assert!(refused.is_empty(), "{refused:?}");
    let s = m.session.as_ref().unwrap();
    assert!(matches!(s.history().first().map(|t| &t.reply), Some(ReplyKind::Text { .. })), "{:?}", s.history());
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
    // Mastery needs the learner's own words: write, then pick.
    m.has_coder = true;
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, Some(&FakeCoder));
    m.apply(Action::SendTextThenChoose("Koneet tuntuvat sinusta vierailta.".into(), 0), Some(&FakeCoder));
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

// ---- Idle, layout at every text size, scrolling, plain words, typed replies -----------------------------------

/// A harness for a window of `w`×`h` pixels at the model's text size: like the app's window, it is that many
/// pixels divided by the text size in points (kittest keeps its size in points whatever the zoom).
fn sized<'a>(model: AppModel, coder: Option<Box<dyn ReplyCoder>>, w: f32, h: f32) -> Harness<'a, State> {
    let scale = model.settings.text_scale;
    let mut h0 = harness(model, coder);
    h0.set_size(egui::vec2(w / scale, h / scale));
    h0
}

/// The window in points (large text makes it smaller).
fn window(h: &Harness<'_, State>) -> egui::Rect {
    h.ctx.content_rect()
}

fn inside(outer: egui::Rect, inner: egui::Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

/// egui's requested repaint delay after the last frame (`Duration::MAX`: none).
fn repaint_delay(h: &Harness<'_, State>) -> std::time::Duration {
    h.output().viewport_output.get(&egui::ViewportId::ROOT).map_or(std::time::Duration::MAX, |v| v.repaint_delay)
}

/// Every screen, once it has settled, asks for no further repaint (no animation, timer or blinking cursor), at
/// every window and text size: an idle window then draws nothing.
#[test]
fn idle_screens_ask_for_no_repaint() {
    type MakeScreen = fn() -> AppModel;
    let screens: [(&str, MakeScreen); 5] = [
        ("start", || course_model("fi")),
        ("intro", || {
            let mut m = course_model("fi");
            m.apply(Action::OpenScenario("pieni".into()), None);
            m
        }),
        ("conversation", || {
            let mut m = in_conversation("fi");
            m.has_coder = true;
            m
        }),
        ("report", || {
            let mut m = in_conversation("fi");
            m.apply(Action::Choose(0), None);
            m.apply(Action::OpenReport, None);
            m
        }),
        ("settings", || {
            let mut m = model("fi");
            m.apply(Action::OpenSettings, None);
            m
        }),
    ];
    for (name, make) in screens {
        for scale in [1.0, 2.0] {
            let mut m = make();
            m.settings.text_scale = scale;
            let mut h = sized(m, Some(Box::new(FakeCoder)), 1024.0, 768.0);
            h.run();
            // Settled: one more frame with no input must ask for nothing.
            h.step();
            let delay = repaint_delay(&h);
            assert_eq!(
                delay,
                std::time::Duration::MAX,
                "{name} at {scale}: egui asks for a repaint in {delay:?}: {:?}",
                h.ctx.repaint_causes()
            );
        }
    }
}

/// At 200 % text in a 1024×768 window the conversation keeps its transcript, the reply box and every option
/// inside the window, and the side panel yields.
#[test]
fn the_conversation_fits_at_200_percent_in_1024x768() {
    for (w, h) in [(1024.0, 768.0), (1280.0, 800.0)] {
        for scale in [0.75, 1.0, 1.5, 2.0] {
            let mut m = in_conversation("fi");
            m.has_coder = true;
            m.settings.text_scale = scale;
            m.settings.answer = motivo_app::model::AnswerMode::Pick;
            let mut hs = sized(m, Some(Box::new(FakeCoder)), w, h);
            hs.run();
            let win = window(&hs);
            let at = format!("{w}×{h} at {} %", scale * 100.0);
            for label in ["1. Koneet tuntuvat vierailta.", "2. Kyllä sinun pitää oppia."] {
                if std::env::var_os("LAYOUT_DEBUG").is_some() {
                    use egui_kittest::kittest::NodeT;
                    for n in hs.root().children_recursive() {
                        let Some(r) = n.accesskit_node().bounding_box() else { continue };
                        if r.y1 as f32 > win.max.y * 0.6 {
                            eprintln!("{:?} {:?} {r:?}", n.accesskit_node().role(), n.accesskit_node().label());
                        }
                    }
                }
                let r = hs.get_by_label(label).rect();
                assert!(inside(win, r) && r.height() > 5.0, "{at}: option {label:?} at {r:?}, window {win:?}");
            }
            let boxr = hs.get_by_role(egui::accesskit::Role::MultilineTextInput).rect();
            assert!(inside(win, boxr) && boxr.width() > 100.0, "{at}: reply box at {boxr:?}, window {win:?}");
            let line = hs.get_by_label_contains("En mä osaa näitä koneita.").rect();
            assert!(inside(win, line) && line.height() > 5.0, "{at}: the client's line at {line:?}");
            assert!(line.max.y <= boxr.min.y, "{at}: the transcript is above the reply area");
            // The client's state is shown either way (side panel or one line).
            assert!(hs.get_all_by_label_contains("Tärkeys").count() >= 1, "{at}: the client's state is shown");
        }
    }
}

/// At 200 % the start screen's title wraps above the language buttons instead of under them.
#[test]
fn the_start_title_never_covers_the_language_buttons() {
    for scale in [1.0, 1.5, 2.0] {
        let mut m = course_model("fi");
        m.settings.text_scale = scale;
        let mut h = sized(m, None, 1024.0, 768.0);
        h.run();
        let title = h.get_by_label("Motivo – motivoivan haastattelun harjoittelu").rect();
        let win = window(&h);
        for b in ["Suomi", "English", "Asetukset"] {
            let r = h.get_by_label(b).rect();
            assert!(!title.intersects(r), "at {scale}: the title {title:?} covers {b} {r:?}");
            assert!(inside(win, r), "at {scale}: {b} at {r:?} is outside the window {win:?}");
        }
    }
}

/// The report at 200 % in 1024×768: the verdict first, the MITI measures as blocks, nothing outside the window's
/// width.
#[test]
fn the_report_fits_at_200_percent() {
    let mut m = in_conversation("en");
    m.apply(Action::Choose(1), None);
    m.apply(Action::OpenReport, None);
    m.settings.text_scale = 2.0;
    let mut h = sized(m, None, 1024.0, 768.0);
    h.run();
    let win = window(&h);
    let verdict = h.get_by_label("You have not passed this scenario yet.").rect();
    assert!(inside(win, verdict), "the verdict is in view: {verdict:?}");
    for b in ["Try again", "Settings"] {
        let r = h.get_all_by_label(b).next().unwrap().rect();
        assert!(inside(win, r), "{b} at {r:?} outside {win:?}");
    }
    let level = h.get_all_by_label_contains("Relational (partnership").next().unwrap().rect();
    assert!(level.max.x <= win.max.x + 0.5, "the MITI rows wrap inside the window: {level:?}");
}

/// Each screen opens at its top: scrolling one screen down does not carry over to the next, nor to the same
/// screen when it is shown again.
#[test]
fn each_screen_opens_at_its_top() {
    let mut m = locked_course_model("fi");
    m.settings.text_scale = 1.5;
    let mut h = sized(m, None, 900.0, 420.0);
    h.run();
    let top = |h: &Harness<'_, State>, label: &str| h.get_by_label(label).rect().min.y;
    let start_top = top(&h, "Testikurssi");
    // Scroll the start screen to its bottom.
    h.get_by_label_contains("Avautuu, kun").scroll_to_me();
    h.run();
    let scrolled = top(&h, "Testikurssi");
    assert!(scrolled < start_top - 20.0, "the start screen scrolled ({start_top} → {scrolled})");
    // The intro opens at its top.
    h.get_by_label("Pieni harjoitus").click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Intro);
    let summary = h.get_by_label("Asiakas epäröi.").rect();
    assert!(inside(window(&h), summary), "the intro opens at its top: {summary:?}");
    // Back on the start screen: at its top again.
    h.get_by_label("Alkuun").click();
    h.run();
    let again = top(&h, "Testikurssi");
    assert!((again - start_top).abs() < 1.0, "the start screen opens at its top ({start_top} vs {again})");
}

/// The report opens at its top even after the start screen was scrolled, and the conversation shows its newest
/// line after a rewind.
#[test]
fn the_report_opens_at_its_top_and_the_conversation_follows_its_newest_line() {
    let mut m = in_conversation("fi");
    m.settings.text_scale = 2.0;
    let mut h = sized(m, None, 1024.0, 500.0);
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    h.get_all_by_label("Avaa palaute").next().unwrap().click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Report);
    // Scroll the report down, leave it and open it again.
    h.get_all_by_label("Yritä uudelleen").last().unwrap().scroll_to_me();
    h.run();
    let verdict = "Et vielä läpäissyt tätä harjoitusta.";
    assert!(!inside(window(&h), h.get_by_label(verdict).rect()), "the report scrolled down");
    h.get_by_label("Asetukset").click();
    h.run();
    h.get_by_label("Valmis").click();
    h.run();
    assert_eq!(h.state().model.screen, Screen::Report);
    assert!(inside(window(&h), h.get_by_label(verdict).rect()), "the report opens at its top");
}

/// The conversation shows its newest line, also in the comparison view after a rewind.
#[test]
fn the_conversation_follows_its_newest_line() {
    let mut m = in_conversation("fi");
    m.settings.text_scale = 2.0;
    let mut h = sized(m, None, 1024.0, 560.0);
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    let visible = |h: &Harness<'_, State>, text: &str| {
        let r = h.get_all_by_label_contains(text).last().unwrap().rect();
        inside(window(h), r)
    };
    assert!(visible(&h, "En jaksa."), "the newest line is in view");
    h.get_by_label("Palaa vastaukseen 1").click();
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    assert!(h.state().model.compare.is_some());
    assert!(visible(&h, "Ehkä kokeilen."), "after a rewind the new try's newest line is in view");
}

/// Lock reasons name modules by their titles, code names are plain words with the abbreviation, and the
/// comparison never says "replies 1–1".
#[test]
fn learners_read_titles_and_plain_words_not_ids() {
    let mut h = harness(locked_course_model("fi"), None);
    h.run();
    let lock = h.get_by_label_contains("Avautuu, kun").value().unwrap_or_default();
    let lock = if lock.is_empty() {
        h.get_all_by_label_contains("Avautuu, kun").map(|n| format!("{n:?}")).collect::<String>()
    } else {
        lock
    };
    assert!(lock.contains("Keskustelutaidot"), "the lock names the module by its title: {lock}");
    assert!(!lock.contains("counselling"), "no module id in the lock: {lock}");

    let mut m = in_conversation("fi");
    m.apply(Action::Choose(0), None);
    m.apply(Action::OpenReport, None);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("monimuotoinen heijastus (CR)");
    h.get_by_label("avoin kysymys (OQ)");
    h.get_by_label_contains("Vastauksesi oli: monimuotoinen heijastus (CR)");

    let s = motivo_app::i18n::Strings::new("fi");
    for n in 0..4usize {
        let text = s.fmt("compare-same-until", &[("n", fluent_bundle::FluentValue::from(n))]);
        assert!(!text.contains("1–1") && !text.contains("1–0"), "{n}: {text}");
    }
    let en = motivo_app::i18n::Strings::new("en");
    assert_eq!(
        en.fmt("compare-same-until", &[("n", fluent_bundle::FluentValue::from(1))]),
        "The first reply is the same in both."
    );
}

/// One name per measure: the app says "ristiriita"/"discord" like the terminal, never "kitka"/"friction".
#[test]
fn discord_has_one_name() {
    for lang in ["fi", "en"] {
        let s = motivo_app::i18n::Strings::new(lang);
        let name = s.get("meter-discord").to_lowercase();
        assert_eq!(name, if lang == "fi" { "ristiriita" } else { "discord" });
    }
    let fi = include_str!("../../../assets/i18n/fi.ftl").to_lowercase();
    let en = include_str!("../../../assets/i18n/en.ftl").to_lowercase();
    assert!(!fi.contains("kitka"), "fi.ftl still says kitka");
    assert!(!en.contains("friction between"), "en.ftl still calls discord friction");
}

/// At a turn that accepts typing, the text box is there even in pick mode; a typed reply shows how it was coded:
/// the words behind the code, the confidence, and an ethics concern in the words.
#[test]
fn a_typed_reply_shows_its_coding_evidence_and_ethics() {
    let mut m = in_conversation("fi");
    m.has_coder = true;
    m.settings.answer = motivo_app::model::AnswerMode::Pick;
    let mut h = harness(m, Some(Box::new(EvidenceCoder)));
    h.run();
    // Pick mode: the options and a text box.
    h.get_by_label("1. Koneet tuntuvat vierailta.");
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).focus();
    h.run();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Annahan tunnukset, hmm, näppäilen ne.");
    h.run();
    h.get_by_label("Lähetä").click();
    h.run();
    let s = h.state().model.session.as_ref().unwrap();
    assert!(matches!(&s.history()[0].reply, ReplyKind::Text { .. }), "{:?}", s.history()[0].reply);
    h.get_by_label_contains("Tulkinnan varmuus: 30 %");
    h.get_by_label_contains("Tulkinta on epävarma");
    h.get_by_label_contains("”Annahan tunnukset,”: monimuotoinen heijastus (CR)");
    // Long labels are split into rows by wrapping: look for the start of the ethics line.
    assert!(h.get_all_by_label_contains("Eettinen huomio sanoissasi").count() >= 1, "the ethics concern");
}

/// A finding of the learned ethics model (it has a probability) is told as possible, not asserted.
#[test]
fn a_learned_ethics_finding_is_told_as_possible() {
    for (lang, send, likely, sure) in [
        ("fi", "Lähetä", "Mahdollinen eettinen ongelma sanoissasi", "Eettinen huomio sanoissasi"),
        ("en", "Send", "Possible ethics concern in your words", "Ethics concern in your words"),
    ] {
        let mut m = in_conversation(lang);
        m.has_coder = true;
        m.settings.answer = motivo_app::model::AnswerMode::Pick;
        let mut h = harness(m, Some(Box::new(EvidenceCoder)));
        h.run();
        h.get_by_role(egui::accesskit::Role::MultilineTextInput).focus();
        h.run();
        h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Laitetaan ne mun puhelimeen phone.");
        h.run();
        h.get_by_label(send).click();
        h.run();
        assert!(h.get_all_by_label_contains(likely).count() >= 1, "{lang}: the possible concern");
        assert_eq!(h.query_all_by_label_contains(sure).count(), 0, "{lang}: not asserted as certain");
    }
}

/// Write, then pick: the options wait until something is written, and the typed words are what is scored.
#[test]
fn write_then_pick_waits_for_the_written_reply() {
    let mut m = in_conversation("en");
    m.has_coder = true;
    m.apply(Action::SetAnswerMode(motivo_app::model::AnswerMode::WriteThenPick), None);
    let mut h = harness(m, Some(Box::new(EvidenceCoder)));
    h.run();
    assert!(h.get_all_by_label_contains("Write your own reply first").count() >= 1);
    h.get_by_label("1. Computers feel foreign to you.").click();
    h.run();
    assert!(h.state().model.session.as_ref().unwrap().history().is_empty(), "no pick before writing");
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).focus();
    h.run();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Computers feel strange to you.");
    h.run();
    h.get_by_label("1. Computers feel foreign to you.").click();
    h.run();
    let s = h.state().model.session.as_ref().unwrap();
    assert!(
        matches!(&s.history()[0].reply, ReplyKind::TextThenOption { text, index: 0 } if text == "Computers feel strange to you."),
        "{:?}",
        s.history()[0].reply
    );
    h.get_by_label_contains("“Computers feel”: complex reflection (CR)");
}

/// The intro offers the three ways of answering; the choice holds for that scenario, and a turn written for
/// typing is typed even when the learner picks (the authored mode is the minimum).
#[test]
fn the_intro_chooses_how_to_answer_and_the_authored_mode_is_the_minimum() {
    let mut m = model("fi");
    m.has_coder = true;
    m.apply(Action::OpenScenario("pieni".into()), None);
    let mut h = harness(m, Some(Box::new(FakeCoder)));
    h.run();
    h.get_by_label("Kirjoita vapaasti").click();
    h.run();
    assert_eq!(h.state().model.answer_mode("pieni"), motivo_app::model::AnswerMode::Write);
    h.get_by_label("Aloita keskustelu").click();
    h.run();
    assert!(h.query_by_label("1. Koneet tuntuvat vierailta.").is_none(), "write freely: no options");
    h.get_by_role(egui::accesskit::Role::MultilineTextInput);

    // Authored FreeText with the learner picking: still typed.
    let mut m = in_conversation("fi");
    m.has_coder = true;
    m.settings.answer = motivo_app::model::AnswerMode::Pick;
    let mut sc = (*m.scenarios[0]).clone();
    sc.input = InputMode::FreeText;
    let sc = std::sync::Arc::new(sc);
    m.scenarios[0] = sc.clone();
    m.session = Some(motivo_engine::Session::start(sc, 1, motivo_engine::Lang::Fi));
    let t = m.turn_input().unwrap();
    assert_eq!(t.mode, InputMode::FreeText);
    assert!(!t.options && t.text_box);
}

/// The report opens with whether the attempt passed and, if not, why, in plain words (the report's own `passed`
/// and reasons).
#[test]
fn the_report_says_first_whether_the_attempt_passed() {
    let mut m = course_model("en");
    m.apply(Action::OpenScenario("pieni".into()), None);
    m.apply(Action::StartScenario, None);
    m.apply(Action::Choose(1), None);
    m.apply(Action::OpenReport, None);
    let report = motivo_engine::Report::of(m.session.as_ref().unwrap());
    assert!(!report.passed && !report.why_not.is_empty());
    let mut h = harness(m, None);
    h.run();
    let verdict = h.get_by_label("You have not passed this scenario yet.").rect();
    let level = h.get_by_label_contains("Overall level").rect();
    assert!(verdict.max.y <= level.min.y, "the verdict comes first");
    let mut last = verdict.max.y;
    for w in &report.why_not {
        let r = h.get_by_label(&format!("– {}", w.text(motivo_engine::Lang::En))).rect();
        assert!(r.min.y >= last && r.max.y <= level.min.y, "the reasons follow the verdict in order: {}", w.en);
        last = r.min.y;
    }
    assert!(h.query_by_label("You passed this scenario.").is_none());
}

// ---- Languages from files, trainer mode ----------------------------------------------------------------------

/// A throwaway language added from files alone: a folder with `xx.ftl`. The settings list it by its own name,
/// choosing it shows its strings, messages it lacks fall back to English, and its `content-lang` picks the
/// scenario language.
#[test]
fn a_language_from_a_folder_is_listed_and_shown() {
    let dir = std::env::temp_dir().join(format!("motivo-app-test-i18n-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("xx.ftl"),
        "language-name = Xish\ncontent-lang = fi\nopen-settings = Xettings\nsettings-close = Xone\n\
         start-welcome = Xelcome to the xexercises.\nsettings-title = Xettings page\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.ftl"), "a = b\n").unwrap(); // not a language code: refused, located
    let mut locales = motivo_app::i18n::Locales::embedded();
    let errors = locales.add_dir(&dir);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message(&motivo_app::i18n::Strings::new("en")).contains("notes.ftl"));
    let m = AppModel::new_in(std::sync::Arc::new(locales), vec![small_scenario()], saved("en"), false);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("Settings").click();
    h.run();
    h.get_by_label("Xish").click();
    h.run();
    assert_eq!(h.state().model.settings.lang, "xx");
    h.get_by_label("Xettings page");
    h.get_by_label("Xone").click();
    h.run();
    h.get_by_label("Xelcome to the xexercises.");
    h.get_by_label("Xettings");
    h.get_by_label("Language"); // not in xx.ftl: English
    h.get_by_label("Pieni harjoitus"); // content-lang = fi
    let _ = std::fs::remove_dir_all(&dir);
}

const SMALL: &str = include_str!("fixtures/small.ron");

/// Trainer mode on the screen: the panel names the file and says nothing is recorded; saving a new wording shows
/// it in the open conversation; a broken save shows the checker's located message and keeps the last good
/// version; "play from here" starts at the node.
#[test]
fn trainer_mode_shows_the_new_text_and_located_errors() {
    let mut m = model("fi");
    m.open_trainer_file("luonnos.ron", SMALL.as_bytes(), None);
    m.apply(Action::StartScenario, None);
    let mut h = harness(m, None);
    h.run();
    h.get_by_label("Kouluttajatila: luonnos.ron");
    h.get_by_label("Näitä harjoituksia ei tallenneta edistymiseen.");
    h.get_by_label("En mä osaa näitä koneita.");
    let edited = SMALL.replace("En mä osaa näitä koneita.", "Nää koneet on mulle vieraita.");
    assert!(h.state_mut().model.load_trainer_file(edited.as_bytes(), None));
    h.run();
    h.get_by_label("Nää koneet on mulle vieraita.");
    assert!(h.query_by_label("En mä osaa näitä koneita.").is_none());
    h.get_by_label_contains("Tiedosto ladattu uudelleen");

    let broken = edited.replace("next: \"loppu\"),", "next: \"lopppu\"),");
    assert!(!h.state_mut().model.load_trainer_file(broken.as_bytes(), None));
    h.run();
    h.get_by_label_contains("harjoittelet yhä viimeistä toimivaa versiota");
    let line = broken.lines().position(|l| l.contains("lopppu")).unwrap() + 1;
    h.get_by_label_contains(&format!("luonnos.ron:{line}:"));
    h.get_by_label("Nää koneet on mulle vieraita.");

    h.get_by_label("Pelaa solmusta").click();
    h.run();
    h.get_by_label("Pelaa tästä").click();
    h.run();
    assert!(
        matches!(h.state().actions.last(), Some(Action::TrainerJump { node, .. }) if node == "alku"),
        "{:?}",
        h.state().actions.last()
    );
}
