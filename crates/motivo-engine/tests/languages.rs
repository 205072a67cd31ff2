//! Languages are open: texts keyed by any language tag, a scenario's `languages:`, and the validator's check that
//! every text has each of them.

use motivo_engine::diag::{Kind, Severity};
use motivo_engine::model::{Meaning, Scenario, Side, Text};
use motivo_engine::{Lang, ValidateOptions, load_scenario};

const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.ron");
const TRILINGUAL: &str = include_str!("../../../tests/fixtures/trilingual.ron");

fn sv() -> Lang {
    Lang::Sv
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`"));
    text[..at].matches('\n').count() + 1
}

#[test]
fn text_round_trips_three_languages_through_ron() {
    let t = Text::from_pairs([(sv(), "Hej"), (Lang::Fi, "Hei"), (Lang::En, "Hello")]);
    let written = ron::to_string(&t).unwrap();
    // Struct-like, in Lang's order (Finnish first), whatever the order given.
    assert_eq!(written, r#"(fi:"Hei",en:"Hello",sv:"Hej")"#);
    let back: Text = ron::from_str(&written).unwrap();
    assert_eq!(back, t);
    // The file's order does not matter, and an unusual language is a key like any other.
    let read: Text = ron::from_str(r#"(sv: "Hej", smn: "Tiervâ", fi: "Hei")"#).unwrap();
    assert_eq!(read.langs().map(Lang::code).collect::<Vec<_>>(), ["fi", "sv", "smn"]);
    assert_eq!(read.get(Lang::parse("smn").unwrap()), "Tiervâ");
    let again: Text = ron::from_str(&ron::to_string(&read).unwrap()).unwrap();
    assert_eq!(again, read);
    // JSON keeps the object form.
    assert_eq!(serde_json::to_string(&t).unwrap(), r#"{"fi":"Hei","en":"Hello","sv":"Hej"}"#);
    assert_eq!(serde_json::from_str::<Text>(r#"{"sv":"Hej","fi":"Hei","en":"Hello"}"#).unwrap(), t);
}

#[test]
fn text_falls_back_to_finnish_then_english_then_any() {
    let t = Text::from_pairs([(Lang::Fi, "Hei"), (Lang::En, "Hello")]);
    assert_eq!(t.get(sv()), "Hei");
    assert_eq!(t.shown_lang(sv()), Some(Lang::Fi));
    assert_eq!(t.get_exact(sv()), None);
    let en_only = Text::from_pairs([(Lang::En, "Hello"), (sv(), "Hej")]);
    assert_eq!(en_only.get(Lang::parse("de").unwrap()), "Hello");
    let sv_only = Text::from_pairs([(sv(), "Hej"), (Lang::Fi, "  ")]);
    assert_eq!(sv_only.get(Lang::Fi), "Hej", "a blank text falls back too");
    assert_eq!(Text::default().get(Lang::Fi), "");
    let mut s = t.clone();
    s.set(sv(), "Hej".into());
    s.set(Lang::Fi, "Moi".into());
    assert_eq!(s.iter().collect::<Vec<_>>(), [(Lang::Fi, "Moi"), (Lang::En, "Hello"), (sv(), "Hej")]);
}

#[test]
fn struct_like_text_reaches_a_map_visitor_in_ron_and_fastron() {
    // Both parsers hand `( key: value )` to Text's visitor, in a scenario as well as alone.
    let scenario = motivo_engine::load::parse_scenario(TRILINGUAL).unwrap();
    let via_fast: Scenario = motivo_engine::fastron::from_str(TRILINGUAL).unwrap();
    let via_ron: Scenario = motivo_engine::load::parse_ron(TRILINGUAL).unwrap();
    assert_eq!(via_fast, via_ron);
    assert_eq!(scenario.title.get(sv()), "En liten övning");
    assert_eq!(scenario.languages(), [Lang::Fi, Lang::En, sv()]);
    let Some(motivo_engine::model::Node::Turn(turn)) = scenario.nodes.first() else { panic!("a turn first") };
    assert_eq!(turn.lines[0].meanings[0].cues(sv()), ["kan inte"]);
    assert!(turn.lines[0].meanings[0].cues(Lang::parse("de").unwrap()).is_empty());
    // A scenario written back reads back equal.
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES);
    let written = options.to_string_pretty(&scenario, ron::ser::PrettyConfig::default()).unwrap();
    assert!(written.contains(r#"sv: "En liten övning""#), "{written}");
    let mut back = motivo_engine::load::parse_scenario(&written).unwrap_or_else(|e| panic!("{e:?}\n{written}"));
    back.build_index();
    let mut orig = scenario.clone();
    orig.build_index();
    assert_eq!(back, orig);
}

#[test]
fn meaning_round_trips_with_any_language() {
    let m = Meaning::new("pelko", Side::Sustain, [(sv(), vec!["rädd".into()]), (Lang::Fi, vec!["pelkää".into()])]);
    let written = ron::to_string(&m).unwrap();
    assert_eq!(written, r#"(id:"pelko",side:Sustain,fi:["pelkää"],sv:["rädd"])"#);
    assert_eq!(ron::from_str::<Meaning>(&written).unwrap(), m);
    assert!(ron::from_str::<Meaning>(r#"(side: Sustain, fi: ["x"])"#).is_err(), "the id is required");
    assert!(ron::from_str::<Meaning>(r#"(id: "a", side: Sustain, Fi: ["x"])"#).is_err());
}

#[test]
fn a_key_that_is_not_a_language_is_a_located_error() {
    for (bad, why) in [("fin", "the tag is fi"), ("Fi", "tags are lowercase"), ("finnish", "a name, not a tag")] {
        let text = MINIMAL.replacen("summary: (fi:", &format!("summary: ({bad}:"), 1);
        let loaded = load_scenario(text.as_bytes(), &ValidateOptions::default());
        assert!(loaded.value.is_none(), "{bad}: {why}");
        let d = loaded.diagnostics.iter().find(|d| d.kind == Kind::Parse).unwrap_or_else(|| {
            panic!("{bad}: no parse error: {:#?}", loaded.diagnostics);
        });
        assert_eq!(d.location.line, line_of(&text, "summary:"), "{bad}: {d:#?}");
        assert!(d.message_in(Lang::En).contains(bad), "{bad}: {}", d.message_in(Lang::En));
        assert!(d.message_in(Lang::Fi).contains(bad), "{bad}: {}", d.message_in(Lang::Fi));
    }
    // A duplicated language is an error too.
    let text = MINIMAL.replacen("summary: (fi:", "summary: (en: \"x\", en:", 1);
    assert!(load_scenario(text.as_bytes(), &ValidateOptions::default()).value.is_none());
}

#[test]
fn trilingual_fixture_is_clean() {
    let loaded = load_scenario(TRILINGUAL.as_bytes(), &ValidateOptions { strict: true });
    assert_eq!(loaded.diagnostics, vec![]);
}

#[test]
fn a_missing_text_in_a_declared_language_is_located_and_strict_makes_it_an_error() {
    let text = TRILINGUAL.replacen(r#", sv: "Jag orkar inte.""#, "", 1);
    assert_ne!(text, TRILINGUAL);
    for strict in [false, true] {
        let diags = load_scenario(text.as_bytes(), &ValidateOptions { strict }).diagnostics;
        let missing: Vec<_> = diags.iter().filter(|d| d.kind == Kind::MissingTranslation).collect();
        assert_eq!(missing.len(), 1, "{diags:#?}");
        let d = missing[0];
        assert_eq!(d.location.line, line_of(&text, "En jaksa."), "{d:#?}");
        assert!(d.message_in(Lang::En).contains("`sv`") && d.message_in(Lang::Fi).contains("`sv`"), "{d:#?}");
        assert_eq!(d.severity, if strict { Severity::Error } else { Severity::Warning });
    }
}

#[test]
fn languages_default_to_the_texts_and_a_two_language_file_is_not_asked_for_swedish() {
    let loaded = load_scenario(MINIMAL.as_bytes(), &ValidateOptions { strict: true });
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let s = loaded.value.unwrap();
    assert_eq!(s.languages(), [Lang::Fi, Lang::En]);
    assert_eq!(s.play_lang(sv()), Lang::Fi);
    assert_eq!(s.play_lang(Lang::En), Lang::En);
    // Declaring Swedish without writing it: every text is reported, and nothing about fi or en.
    let declared = MINIMAL.replacen("    module:", "    languages: [fi, en, sv],\n    module:", 1);
    let diags = load_scenario(declared.as_bytes(), &ValidateOptions::default()).diagnostics;
    assert!(diags.len() > 10, "{diags:#?}");
    assert!(
        diags.iter().all(|d| d.kind == Kind::MissingTranslation && d.message_in(Lang::En).contains("`sv`")),
        "{diags:#?}"
    );
}

#[test]
fn a_session_in_a_missing_language_shows_and_codes_the_fallback() {
    let s = std::sync::Arc::new(motivo_engine::load::parse_scenario(MINIMAL).unwrap());
    let session = motivo_engine::Session::start(s, 1, sv());
    assert_eq!(session.lang(), sv());
    assert_eq!(session.content_lang(), Lang::Fi);
}
