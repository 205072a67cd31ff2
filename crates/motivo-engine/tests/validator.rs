//! Every diagnostic kind has a broken fixture here: the minimal valid scenario with one thing broken. Each test
//! checks the kind and that the location points at the broken spot.

use motivo_engine::diag::{Diagnostic, Kind, Severity};
use motivo_engine::load::{MAX_FILE_BYTES, MAX_NESTING};
use motivo_engine::{Lang, ValidateOptions, load_scenario};

const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.ron");

/// Loads `text`; every diagnostic must also be in Finnish (checked for every fixture in this file).
fn load(text: &str) -> Vec<Diagnostic> {
    let diags = load_scenario(text.as_bytes(), &ValidateOptions::default()).diagnostics;
    for d in &diags {
        assert!(d.is_translated(), "{:?} has no Finnish text: {d:#?}", d.kind);
    }
    diags
}

/// `MINIMAL` with the first `from` replaced by `to` (which must change something).
fn broken(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture has no `{from}`");
    MINIMAL.replacen(from, to, 1)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn line_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`"));
    text[..at].matches('\n').count() + 1
}

/// The single diagnostic of `kind`, checked to be on the line where `needle` is.
fn expect(text: &str, kind: Kind, needle: &str) -> Diagnostic {
    let diags = load(text);
    let d = diags
        .iter()
        .find(|d| d.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} diagnostic; got {diags:#?}"))
        .clone();
    assert_eq!(d.location.line, line_of(text, needle), "{kind:?} on the wrong line: {d:#?}");
    assert_eq!(d.code, kind.code());
    d
}

#[test]
fn minimal_fixture_is_clean() {
    assert_eq!(load(MINIMAL), vec![]);
}

#[test]
fn parse_error_is_located() {
    let text = broken("version: 1,", "version: 1,,");
    let d = expect(&text, Kind::Parse, "version: 1,,");
    assert!(d.location.column > 1);
}

#[test]
fn unknown_field_is_a_parse_error_with_its_name() {
    let text = broken("version: 1,", "version: 1,\n    colour: \"red\",");
    let d = expect(&text, Kind::Parse, "colour");
    assert!(d.message_in(Lang::En).contains("colour"), "{}", d.message);
}

#[test]
fn truncated_file_is_located_at_the_end() {
    let text = &MINIMAL[..MINIMAL.len() / 2];
    let diags = load(text);
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].kind, Kind::Parse);
    assert!(diags[0].location.line > 1);
}

#[test]
fn every_prefix_of_the_fixture_loads_without_panic() {
    // Truncation at any byte (including inside multi-byte characters) gives a diagnostic, never a panic.
    let bytes = MINIMAL.as_bytes();
    for end in (0..bytes.len()).step_by(7) {
        if bytes[end..].iter().all(u8::is_ascii_whitespace) {
            continue; // only the trailing newline is cut: the whole file
        }
        let loaded = load_scenario(&bytes[..end], &ValidateOptions::default());
        assert!(loaded.has_errors(), "prefix of {end} bytes loaded cleanly");
    }
}

#[test]
fn binary_and_nul_bytes_are_not_text() {
    let mut bytes = MINIMAL.as_bytes()[..40].to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x00, 0x12]);
    let d = &load_scenario(&bytes, &ValidateOptions::default()).diagnostics[0];
    assert!(d.is_translated(), "{d:#?}");
    assert_eq!(d.kind, Kind::NotText);
    assert!(d.message_in(Lang::En).contains("offset 40"), "{}", d.message);

    let text = broken("Pieni harjoitus", "Pieni\0harjoitus");
    expect(&text, Kind::NotText, "Pieni\0");
}

#[test]
fn oversized_file_is_refused() {
    let mut text = MINIMAL.to_owned();
    text.push_str(&" ".repeat(MAX_FILE_BYTES));
    let d = &load(&text)[0];
    assert_eq!(d.kind, Kind::TooLarge);
}

#[test]
fn deep_nesting_is_refused() {
    let deep = format!("{}{}", "[".repeat(MAX_NESTING + 5), "]".repeat(MAX_NESTING + 5));
    let text = broken("flags: [\"heard\"],", &format!("flags: {deep},"));
    let d = expect(&text, Kind::TooDeep, "flags: [[[");
    assert!(d.message_in(Lang::En).contains(&MAX_NESTING.to_string()));
    // Brackets inside strings and comments do not count.
    let text = broken("flags: [\"heard\"],", &format!("// {deep}\n    flags: [\"heard\"], summary2: \"{deep}\","));
    assert!(load(&text).iter().all(|d| d.kind != Kind::TooDeep));
}

#[test]
fn unknown_code_lists_the_codes() {
    let text = broken("codes: [CR]", "codes: [XR]");
    let d = expect(&text, Kind::UnknownCode, "codes: [XR]");
    assert!(d.message_in(Lang::En).contains("XR"));
    assert!(d.notes_in(Lang::En)[0].contains("SEEK"));
}

#[test]
fn option_without_codes_is_an_error() {
    let text = broken("codes: [CR]", "codes: []");
    let d = expect(&text, Kind::UnknownCode, "Koneet tuntuvat vierailta");
    assert!(d.message_in(Lang::En).contains("no MI codes"));
}

#[test]
fn bad_ids_are_reported() {
    let text = MINIMAL.replace("\"alku\"", "\"al ku\"");
    expect(&text, Kind::BadId, "id: \"al ku\"");
    let text = broken("id: \"minimal\"", "id: \"Minimal Scenario\"");
    expect(&text, Kind::BadId, "id: \"Minimal");
}

#[test]
fn duplicate_node_ids_are_reported() {
    let text = broken("id: \"pois\"", "id: \"loppu\"");
    let d = expect(&text, Kind::DuplicateId, "id: \"loppu\",\n            outcome: Disengages");
    assert!(d.notes_in(Lang::En)[0].contains(&format!("line {}", line_of(&text, "id: \"loppu\""))));
}

#[test]
fn unknown_next_suggests_a_close_id() {
    let text = broken("next: \"loppu\"", "next: \"lopu\"");
    let d = expect(&text, Kind::UnknownNode, "next: \"lopu\"");
    assert!(d.notes.iter().any(|n| n.to_string().contains("`loppu`")), "{:?}", d.notes);
}

#[test]
fn unknown_start_is_reported() {
    let text = broken("start: \"alku\"", "start: \"begin\"");
    expect(&text, Kind::UnknownNode, "start: \"begin\"");
}

#[test]
fn unreachable_node_is_reported() {
    let extra = "        Ending(\n            id: \"orpo\",\n            outcome: Postpones,\n            lines: [(text: (fi: \"Hei.\", en: \"Bye.\"), talk: Neutral)],\n        ),\n    ],\n)";
    let text = broken("    ],\n)", extra);
    expect(&text, Kind::UnreachableNode, "id: \"orpo\"");
}

#[test]
fn turn_without_replies_is_a_dead_end() {
    let turn = "        Turn(\n            id: \"umpikuja\",\n            lines: [(text: (fi: \"No?\", en: \"Well?\"), talk: Neutral)],\n        ),\n    ],\n)";
    let text = broken("    ],\n)", turn).replacen("next: \"pois\"", "next: \"umpikuja\"", 1);
    expect(&text, Kind::DeadEnd, "id: \"umpikuja\"");
}

#[test]
fn loop_without_an_exit_is_a_dead_end() {
    let turn = "        Turn(\n            id: \"kehä\",\n            lines: [(text: (fi: \"No?\", en: \"Well?\"), talk: Neutral)],\n            options: [(text: (fi: \"Niin.\", en: \"Yes.\"), codes: [NONE], feedback: (fi: \"Ok.\", en: \"Ok.\"), next: \"kehä\")],\n        ),\n    ],\n)";
    let text = broken("    ],\n)", turn).replacen("next: \"pois\"", "next: \"kehä\"", 1);
    let d = expect(&text, Kind::DeadEnd, "id: \"kehä\"");
    assert!(d.message_in(Lang::En).contains("loops"));
}

#[test]
fn empty_text_is_reported() {
    let text =
        broken("(fi: \"Koneet tuntuvat vierailta.\", en: \"Computers feel foreign to you.\")", "(fi: \"\", en: \" \")");
    let diags = load(&text);
    assert!(
        diags.iter().any(|d| d.kind == Kind::EmptyText && d.message_in(Lang::En).contains("option 1")),
        "{diags:#?}"
    );
    let text = broken("summary: (fi: \"Asiakas epäröi.\", en: \"The client hesitates.\")", "summary: ()");
    expect(&text, Kind::EmptyText, "summary: ()");
}

#[test]
fn missing_translation_warns_and_is_an_error_when_strict() {
    let text = broken("title: (fi: \"Pieni harjoitus\", en: \"A small exercise\")", "title: (fi: \"Pieni harjoitus\")");
    let d = expect(&text, Kind::MissingTranslation, "title:");
    assert_eq!(d.severity, Severity::Warning);
    assert!(!load_scenario(text.as_bytes(), &ValidateOptions::default()).has_errors());
    let strict = load_scenario(text.as_bytes(), &ValidateOptions { strict: true });
    assert!(strict.has_errors());
}

#[test]
fn bad_condition_points_into_the_condition() {
    let text = broken("when: \"discord >= 5\"", "when: \"discord >= \"");
    let d = expect(&text, Kind::BadCondition, "when: \"discord >= \"");
    let col_of_when = text.lines().nth(d.location.line - 1).unwrap().find("when").unwrap() + 1;
    assert!(d.location.column > col_of_when, "should point inside the condition");
}

#[test]
fn unknown_flag_in_condition_and_set() {
    let text = broken("when: \"discord >= 5\"", "when: \"discord >= 5 and tired\"");
    let d = expect(&text, Kind::UnknownVariable, "tired");
    assert!(d.message_in(Lang::En).contains("`tired`"));
    let text = broken("set: [\"heard\"]", "set: [\"herd\"]");
    expect(&text, Kind::UnknownVariable, "\"herd\"");
}

#[test]
fn visited_unknown_node_in_condition() {
    let text = broken("when: \"discord >= 5\"", "when: \"visited(nowhere)\"");
    expect(&text, Kind::UnknownNode, "visited(nowhere)");
}

#[test]
fn unknown_meaning_in_route() {
    let text = broken("Reflected(\"ei_osaa\")", "Reflected(\"pelko\")");
    expect(&text, Kind::UnknownMeaning, "Reflected(\"pelko\")");
}

#[test]
fn ending_without_lines() {
    let text = broken(
        "lines: [(text: (fi: \"En jaksa.\", en: \"I can't be bothered.\"), talk: Sustain(Desire))],",
        "lines: [],",
    );
    expect(&text, Kind::NoLine, "id: \"pois\"");
}

#[test]
fn free_text_rules_need_otherwise() {
    let text = broken("(when: Otherwise, next: \"pois\"),", "");
    expect(&text, Kind::FreeTextRouting, "id: \"alku\"");
}

#[test]
fn no_good_ending_at_all() {
    let text = broken("outcome: NextStep", "outcome: Postpones");
    let d = expect(&text, Kind::NoGoodPath, "start: \"alku\"");
    assert!(d.notes_in(Lang::En)[0].contains("no `NextStep`"));
}

#[test]
fn good_ending_only_through_persuasion() {
    // The reflection and its free-text rule now lead away; only the persuading option reaches the good ending.
    let text = MINIMAL
        .replacen("set: [\"heard\"], next: \"loppu\"", "set: [\"heard\"], next: \"pois\"", 1)
        .replacen(
            "feedback: (fi: \"Neuvoit ilman lupaa.\", en: \"Advice without permission.\"), next: \"pois\"",
            "feedback: (fi: \"Neuvoit ilman lupaa.\", en: \"Advice without permission.\"), next: \"loppu\"",
            1,
        )
        .replacen(
            "(when: Reflected(\"ei_osaa\"), next: \"loppu\")",
            "(when: Reflected(\"ei_osaa\"), next: \"pois\")",
            1,
        )
        .replacen(
            "(when: Otherwise, next: \"pois\")",
            "(when: Code(PER), next: \"loppu\"),\n                (when: Otherwise, next: \"pois\")",
            1,
        );
    let d = expect(&text, Kind::NoGoodPath, "start: \"alku\"");
    assert!(d.notes_in(Lang::En)[0].contains("passes"));
}

#[test]
fn inconsistent_option_must_not_outscore_a_consistent_one() {
    let text = broken("codes: [PER],", "codes: [PER], effect: (importance: 5, confidence: 5),");
    let d = expect(&text, Kind::InconsistentOutscores, "Kyllä sinun pitää oppia");
    assert!(
        d.message_in(Lang::En).contains("option 2") && d.message_in(Lang::En).contains("option 1"),
        "{}",
        d.message
    );
}

#[test]
fn out_of_range_values() {
    let text = broken("version: 1", "version: 0");
    expect(&text, Kind::OutOfRange, "version: 0");
    let text = broken("importance: 4", "importance: 11");
    expect(&text, Kind::OutOfRange, "start_state");
}

#[test]
fn diagnostics_are_sorted_by_position_causes_first() {
    let text = broken("next: \"loppu\"", "next: \"x1\"").replacen("next: \"pois\"", "next: \"x2\"", 1);
    let diags = load(&text);
    assert!(diags.iter().filter(|d| d.kind == Kind::UnknownNode).count() >= 2);
    // The causes by position, then the consequences by position.
    let causes: Vec<usize> = diags.iter().take_while(|d| d.caused_by.is_none()).map(|d| d.start).collect();
    let after: Vec<&Diagnostic> = diags.iter().skip(causes.len()).collect();
    assert!(!causes.is_empty() && causes.is_sorted(), "{diags:#?}");
    assert!(after.iter().all(|d| d.caused_by.is_some()), "{diags:#?}");
    assert!(after.iter().map(|d| d.start).is_sorted(), "{diags:#?}");
}

#[test]
fn the_annotated_example_in_the_format_doc_is_valid() {
    let doc = include_str!("../../../docs/scenario-format.md");
    let start = doc.find("```ron\n").expect("the doc has a RON example") + "```ron\n".len();
    let end = start + doc[start..].find("```").expect("the example is closed");
    let example = &doc[start..end];
    assert!(example.contains("Scenario("));
    assert_eq!(load(example), vec![], "docs/scenario-format.md's example must check clean");
}

/// `MINIMAL` with a `when` on each of its two options.
fn conditional_options(first: &str, second: &str) -> String {
    broken("(text: (fi: \"Koneet", &format!("(when: \"{first}\", text: (fi: \"Koneet")).replacen(
        "(text: (fi: \"Kyllä",
        &format!("(when: \"{second}\", text: (fi: \"Kyllä"),
        1,
    )
}

#[test]
fn option_conditions_are_parsed_and_checked() {
    let text = broken("(text: (fi: \"Kyllä", "(when: \"discord >> 2\", text: (fi: \"Kyllä");
    let d = expect(&text, Kind::BadCondition, "discord >> 2");
    let col_of_when = text.lines().nth(d.location.line - 1).unwrap().find("when").unwrap() + 1;
    assert!(d.location.column > col_of_when, "should point inside the condition");
    let text = broken("(text: (fi: \"Kyllä", "(when: \"not tired\", text: (fi: \"Kyllä");
    let d = expect(&text, Kind::UnknownVariable, "not tired");
    assert!(d.message_in(Lang::En).contains("`tired`"));
    let text = broken("(text: (fi: \"Kyllä", "(when: \"visited(nowhere)\", text: (fi: \"Kyllä");
    expect(&text, Kind::UnknownNode, "visited(nowhere)");
    // A well-formed condition on one option is clean.
    let text = broken("(text: (fi: \"Kyllä", "(when: \"not heard and discord < 5\", text: (fi: \"Kyllä");
    assert_eq!(load(&text), vec![]);
}

#[test]
fn route_conditions_are_parsed_and_a_conditional_otherwise_does_not_count() {
    let text = broken("(when: Reflected(\"ei_osaa\"), next", "(when: Reflected(\"ei_osaa\"), if: \"heard or\", next");
    expect(&text, Kind::BadCondition, "heard or");
    let text =
        broken("(when: Reflected(\"ei_osaa\"), next", "(when: Reflected(\"ei_osaa\"), if: \"discord < 5\", next");
    assert_eq!(load(&text), vec![]);
    let text = broken("(when: Otherwise, next: \"pois\")", "(when: Otherwise, if: \"heard\", next: \"pois\")");
    let d = expect(&text, Kind::FreeTextRouting, "id: \"alku\"");
    assert!(d.message_in(Lang::En).contains("without an `if`"), "{}", d.message);
}

#[test]
fn options_that_can_all_be_hidden_warn() {
    let text = conditional_options("discord >= 5", "discord < 3");
    let d = expect(&text, Kind::HiddenOptions, "options: [");
    assert_eq!((d.severity, d.code), (Severity::Warning, "M026"));
    assert!(d.notes_in(Lang::En)[0].contains("discord = "), "{:?}", d.notes);
    // Conditions on flags and visits are independent: `heard` false and `visited(loppu)` false hides both.
    let text = conditional_options("heard", "visited(loppu)");
    expect(&text, Kind::HiddenOptions, "options: [");
    // Complementary conditions always show one option; so does `visited` of the turn itself.
    assert_eq!(load(&conditional_options("heard", "not heard")), vec![]);
    assert_eq!(load(&conditional_options("discord >= 5", "discord < 5")), vec![]);
    assert_eq!(load(&conditional_options("visited(alku)", "heard")), vec![]);
}

#[test]
fn options_that_can_never_be_shown_are_an_error() {
    let text = conditional_options("false", "discord > 10");
    let d = expect(&text, Kind::HiddenOptions, "options: [");
    assert_eq!(d.severity, Severity::Error);
    assert!(d.message_in(Lang::En).contains("can ever be shown"), "{}", d.message);
}

#[test]
fn free_text_turns_need_no_shown_option() {
    let text = conditional_options("false", "discord > 10").replacen(
        "id: \"alku\",",
        "id: \"alku\",\n            input: FreeText,",
        1,
    );
    assert!(load(&text).iter().all(|d| d.kind != Kind::HiddenOptions), "{:#?}", load(&text));
}

#[test]
fn turn_limit_needs_an_ending() {
    let text = broken("start: \"alku\",", "start: \"alku\",\n    max_turns: 5,");
    let d = expect(&text, Kind::TurnLimit, "max_turns: 5");
    assert_eq!(d.code, "M027");
    assert!(d.message_in(Lang::En).contains("without `on_limit`"));
    let text = broken("start: \"alku\",", "start: \"alku\",\n    on_limit: \"pois\",");
    expect(&text, Kind::TurnLimit, "on_limit");
    let text = broken("start: \"alku\",", "start: \"alku\",\n    max_turns: 5,\n    on_limit: \"alku\",");
    let d = expect(&text, Kind::TurnLimit, "on_limit: \"alku\"");
    assert!(d.message_in(Lang::En).contains("must name an ending"));
    let text = broken("start: \"alku\",", "start: \"alku\",\n    max_turns: 5,\n    on_limit: \"poiss\",");
    let d = expect(&text, Kind::UnknownNode, "on_limit: \"poiss\"");
    assert!(d.notes.iter().any(|n| n.to_string().contains("`pois`")), "{:?}", d.notes);
    let text = broken("start: \"alku\",", "start: \"alku\",\n    max_turns: 0,\n    on_limit: \"pois\",");
    expect(&text, Kind::TurnLimit, "max_turns: 0");
    let text = broken("start: \"alku\",", "start: \"alku\",\n    max_turns: 5,\n    on_limit: \"pois\",");
    assert_eq!(load(&text), vec![]);
}

#[test]
fn turn_limit_must_leave_room_for_a_good_ending() {
    // The format doc's example needs two replies to reach its good ending.
    let doc = include_str!("../../../docs/scenario-format.md");
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    assert!(example.contains("max_turns: 12,"));
    let text = example.replacen("max_turns: 12,", "max_turns: 1,", 1);
    let d = expect(&text, Kind::TurnLimit, "max_turns: 1,");
    assert!(d.message_in(Lang::En).contains("2 replies"), "{}", d.message);
    assert_eq!(load(&example.replacen("max_turns: 12,", "max_turns: 2,", 1)), vec![]);
    // With a mistyped `next` that would have been the one-reply route, the limit's error names it as a possible
    // cause and comes after it.
    let typo = example.replacen("max_turns: 12,", "max_turns: 1,", 1).replacen("next: \"toinen\"", "next: \"lopu\"", 1);
    let diags = load(&typo);
    let cause = diags.iter().position(|d| d.kind == Kind::UnknownNode).expect("M008 for the typo");
    let limit = diags.iter().position(|d| d.kind == Kind::TurnLimit).expect("M027");
    assert!(cause < limit, "{diags:#?}");
    assert_eq!(diags[limit].caused_by.map(|c| c.line), Some(line_of(&typo, "next: \"lopu\"")), "{diags:#?}");
    assert!(diags[limit].notes.iter().any(|n| n.to_string().contains("lopu")), "{:?}", diags[limit].notes);
}

/// One broken fixture per scenario diagnostic kind (the same breakages as the tests above).
fn one_fixture_per_kind() -> Vec<(Kind, String)> {
    let deep = format!("{}{}", "[".repeat(MAX_NESTING + 5), "]".repeat(MAX_NESTING + 5));
    let mut oversized = MINIMAL.to_owned();
    oversized.push_str(&" ".repeat(MAX_FILE_BYTES));
    let unreachable = "        Ending(\n            id: \"orpo\",\n            outcome: Postpones,\n            lines: [(text: (fi: \"Hei.\", en: \"Bye.\"), talk: Neutral)],\n        ),\n    ],\n)";
    let dead_end = "        Turn(\n            id: \"umpikuja\",\n            lines: [(text: (fi: \"No?\", en: \"Well?\"), talk: Neutral)],\n        ),\n    ],\n)";
    vec![
        (Kind::Parse, broken("version: 1,", "version: 1,,")),
        (Kind::NotText, broken("Pieni harjoitus", "Pieni\0harjoitus")),
        (Kind::TooLarge, oversized),
        (Kind::TooDeep, broken("flags: [\"heard\"],", &format!("flags: {deep},"))),
        (Kind::UnknownCode, broken("codes: [CR]", "codes: [XR]")),
        (Kind::BadId, MINIMAL.replace("\"alku\"", "\"al ku\"")),
        (Kind::DuplicateId, broken("id: \"pois\"", "id: \"loppu\"")),
        (Kind::UnknownNode, broken("next: \"loppu\"", "next: \"lopu\"")),
        (Kind::UnreachableNode, broken("    ],\n)", unreachable)),
        (Kind::DeadEnd, broken("    ],\n)", dead_end).replacen("next: \"pois\"", "next: \"umpikuja\"", 1)),
        (Kind::EmptyText, broken("summary: (fi: \"Asiakas epäröi.\", en: \"The client hesitates.\")", "summary: ()")),
        (
            Kind::MissingTranslation,
            broken("title: (fi: \"Pieni harjoitus\", en: \"A small exercise\")", "title: (fi: \"Pieni harjoitus\")"),
        ),
        (Kind::BadCondition, broken("when: \"discord >= 5\"", "when: \"discord >= \"")),
        (Kind::UnknownVariable, broken("set: [\"heard\"]", "set: [\"herd\"]")),
        (Kind::UnknownMeaning, broken("Reflected(\"ei_osaa\")", "Reflected(\"pelko\")")),
        (
            Kind::NoLine,
            broken(
                "lines: [(text: (fi: \"En jaksa.\", en: \"I can't be bothered.\"), talk: Sustain(Desire))],",
                "lines: [],",
            ),
        ),
        (Kind::FreeTextRouting, broken("(when: Otherwise, next: \"pois\"),", "")),
        (Kind::NoGoodPath, broken("outcome: NextStep", "outcome: Postpones")),
        (Kind::InconsistentOutscores, broken("codes: [PER],", "codes: [PER], effect: (importance: 5, confidence: 5),")),
        (Kind::OutOfRange, broken("version: 1", "version: 0")),
        (Kind::HiddenOptions, conditional_options("discord >= 5", "discord < 3")),
        (Kind::TurnLimit, broken("start: \"alku\",", "start: \"alku\",\n    max_turns: 5,")),
        (Kind::EthicsRouteMissing, ethics_option_without_route()),
        (
            Kind::FallbackAssumes,
            broken("(when: Otherwise, next: \"pois\")", "(when: Otherwise, next: \"pois\", set: [\"heard\"])"),
        ),
        (
            Kind::RepairPunished,
            broken("(when: Reflected(\"ei_osaa\"), next: \"loppu\")", "(when: Reflected(\"ei_osaa\"), next: \"pois\")"),
        ),
        (Kind::NoTypedReply, no_free_text()),
        (Kind::ClientModel, with_client_model("trust: 12")),
        (Kind::UnknownReason, with_client_model("reasons: [\"pelko\"]")),
        (Kind::ReasonNeverReturns, with_client_model("reasons: [\"ei_osaa\"]")),
        (Kind::HearsWithoutReflection, hears_without_reflection()),
        // Not from loading: `validate::min_consistent`, which `motivo check` runs (see its test below).
        (Kind::TooFewConsistent, default_minimum()),
    ]
}

/// `MINIMAL` without its `min_consistent: 1`: the default minimum at difficulty 1 is 3.
fn default_minimum() -> String {
    broken(" min_consistent: 1,", "")
}

/// `MINIMAL` with `client_model: (FIELDS)` before `nodes`.
fn with_client_model(fields: &str) -> String {
    broken("    start: \"alku\",", &format!("    start: \"alku\",\n    client_model: ({fields}),"))
}

/// A persuading option that claims to hear a reason.
fn hears_without_reflection() -> String {
    with_client_model("reasons: [\"ei_osaa\"]").replacen("codes: [PER],", "codes: [PER], hears: [\"ei_osaa\"],", 1)
}

#[test]
fn client_model_trust_and_stage_conditions_are_checked() {
    let d = expect(&with_client_model("trust: 12"), Kind::ClientModel, "trust: 12");
    assert!(d.message.to_string().contains("0–10"), "{}", d.message);
    let text = with_client_model("advance: (preparation: \"change_talk >= 3 and kuultu\")");
    let d = expect(&text, Kind::ClientModel, "preparation:");
    assert!(d.message.to_string().contains("`kuultu`"), "{}", d.message);
    let text = with_client_model("back: \"discord >=\"");
    expect(&text, Kind::ClientModel, "back:");
    // Valid stage conditions, with stage names and trust, are clean.
    let text = with_client_model(
        "trust: 3, stage: Precontemplation, advance: (preparation: \"change_talk >= 2 and trust >= 4\"), \
         back: \"discord >= 6 or stage > preparation\"",
    );
    assert_eq!(load(&text), vec![]);
}

#[test]
fn sustain_reasons_must_be_sustain_meanings_and_named_right() {
    let d = expect(&with_client_model("reasons: [\"pelko\"]"), Kind::UnknownReason, "reasons:");
    assert!(d.message.to_string().contains("`pelko`"), "{}", d.message);
    // `hears` and `unheard(…)` must name a declared reason.
    let text = with_client_model("reasons: [\"ei_osaa\"]")
        .replacen("codes: [CR],", "codes: [CR], hears: [\"ei_osa\"],", 1)
        .replacen("when: \"discord >= 5\"", "when: \"unheard(ei_osaa) or heard(pelko)\"", 1);
    let diags = load(&text);
    let unknown: Vec<_> = diags.iter().filter(|d| d.kind == Kind::UnknownReason).collect();
    assert_eq!(unknown.len(), 2, "{diags:#?}");
    assert!(
        unknown
            .iter()
            .any(|d| d.message.to_string().contains("`ei_osa`") && d.location.line == line_of(&text, "hears:"))
    );
    let cond = unknown.iter().find(|d| d.message.to_string().contains("`pelko`")).expect("the condition's reason");
    assert_eq!(cond.location.line, line_of(&text, "heard(pelko)"));
    assert_eq!(&text[cond.start..cond.end], "pelko");
}

#[test]
fn a_reason_must_come_back_unless_a_line_brings_it() {
    let text = with_client_model("reasons: [\"ei_osaa\"]");
    let d = expect(&text, Kind::ReasonNeverReturns, "reasons:");
    assert_eq!(d.severity, Severity::Warning);
    let strict = load_scenario(text.as_bytes(), &ValidateOptions { strict: true }).diagnostics;
    assert!(strict.iter().any(|d| d.kind == Kind::ReasonNeverReturns && d.severity == Severity::Error));
    // A line conditioned on `unheard(ei_osaa)` brings it back: clean.
    let back = text.replacen("when: \"discord >= 5\"", "when: \"unheard(ei_osaa)\"", 1);
    assert_eq!(load(&back), vec![]);
}

#[test]
fn only_a_reflection_hears_a_reason() {
    let text = hears_without_reflection();
    expect(&text, Kind::HearsWithoutReflection, "hears:");
    let reflection = with_client_model("reasons: [\"ei_osaa\"]")
        .replacen("codes: [CR],", "codes: [CR], hears: [\"ei_osaa\"],", 1)
        .replacen("when: \"discord >= 5\"", "when: \"unheard(ei_osaa)\"", 1);
    assert_eq!(load(&reflection), vec![]);
}

#[test]
fn a_good_ending_reached_too_soon_is_found_by_the_min_consistent_check() {
    let check = |text: &str, strict: bool| {
        let loaded = load_scenario(text.as_bytes(), &ValidateOptions { strict });
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        let scenario = loaded.value.expect("loads");
        motivo_engine::validate::min_consistent(&scenario, text, &ValidateOptions { strict })
    };
    // MINIMAL reaches its good ending after one reflection; difficulty 1 asks for 3 by default.
    assert_eq!(check(MINIMAL, true), vec![], "MINIMAL allows it with `min_consistent: 1`");
    let text = default_minimum();
    let diags = check(&text, false);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!((d.kind, d.severity, d.code), (Kind::TooFewConsistent, Severity::Warning, "M036"));
    assert!(
        d.message.to_string().contains("only 1 MI-consistent") && d.message.to_string().contains("at least 3"),
        "{}",
        d.message
    );
    assert!(d.notes.iter().any(|n| n.to_string().contains("alku/@#1")), "{:?}", d.notes);
    assert!(d.is_translated());
    assert_eq!(d.location.line, 1, "no `difficulty` in the file: its start");
    assert_eq!(check(&text, true)[0].severity, Severity::Error);
    // Located at `min_consistent` when given.
    let text = broken("min_consistent: 1,", "min_consistent: 2,");
    let d = &check(&text, false)[0];
    assert_eq!(d.location.line, line_of(&text, "min_consistent: 2"));
}

/// The persuading option marked as taking over, with no typed rule that catches the same words.
fn ethics_option_without_route() -> String {
    broken(
        "feedback: (fi: \"Neuvoit ilman lupaa.\", en: \"Advice without permission.\"),",
        "feedback: (fi: \"Neuvoit ilman lupaa.\", en: \"Advice without permission.\"),\n                 \
         ethics: (kind: DoesItForClient, explain: (fi: \"Teit puolesta.\", en: \"You did it for her.\")),",
    )
}

fn no_free_text() -> String {
    broken(
        "            free_text: [\n                (when: Reflected(\"ei_osaa\"), next: \"loppu\"),\n                (when: Otherwise, next: \"pois\"),\n            ],\n",
        "",
    )
}

#[test]
fn an_ethics_option_needs_a_typed_rule_for_the_same_mistake() {
    let text = ethics_option_without_route();
    let d = expect(&text, Kind::EthicsRouteMissing, "Kyllä sinun pitää oppia");
    assert_eq!(d.code, "M028");
    assert!(d.message_in(Lang::En).contains("DoesItForClient"), "{}", d.message);
    assert_eq!(d.severity, Severity::Warning);
    let strict = load_scenario(text.as_bytes(), &ValidateOptions { strict: true }).diagnostics;
    assert!(strict.iter().any(|d| d.kind == Kind::EthicsRouteMissing && d.severity == Severity::Error));
    // A rule for the kind, or for any ethics finding, satisfies it.
    for rule in ["Ethics(DoesItForClient)", "AnyEthics"] {
        let fixed = text.replace(
            "(when: Otherwise, next: \"pois\")",
            &format!("(when: {rule}, next: \"pois\"),\n                (when: Otherwise, next: \"pois\")"),
        );
        assert!(!load(&fixed).iter().any(|d| d.kind == Kind::EthicsRouteMissing), "{rule}");
    }
    // A rule for another kind does not.
    let other = text.replace(
        "(when: Otherwise, next: \"pois\")",
        "(when: Ethics(TakesCredentials), next: \"pois\"),\n                (when: Otherwise, next: \"pois\")",
    );
    assert!(load(&other).iter().any(|d| d.kind == Kind::EthicsRouteMissing));
}

#[test]
fn a_fallback_must_not_assume_or_shortcut() {
    let d = expect(
        &broken("(when: Otherwise, next: \"pois\")", "(when: Otherwise, next: \"pois\", set: [\"heard\"])"),
        Kind::FallbackAssumes,
        "(when: Otherwise, next: \"pois\", set:",
    );
    assert!(d.message_in(Lang::En).contains("heard"), "{}", d.message);
    // An `Otherwise` that reaches the good ending sooner than any MI-consistent reply (there is none here).
    let text = broken("(when: Reflected(\"ei_osaa\"), next: \"loppu\"),\n", "")
        .replace("(when: Otherwise, next: \"pois\")", "(when: Otherwise, next: \"loppu\")")
        .replacen(
            "next: \"loppu\"),\n                (text: (fi: \"Kyllä",
            "next: \"pois\"),\n                (text: (fi: \"Kyllä",
            1,
        )
        .replacen("set: [\"heard\"], next: \"loppu\"", "set: [\"heard\"], next: \"pois\"", 1);
    let diags = load(&text);
    assert!(
        diags.iter().any(|d| d.kind == Kind::FallbackAssumes && d.message_in(Lang::En).contains("sooner")),
        "{diags:#?}"
    );
}

#[test]
fn a_good_repair_must_not_lead_only_to_bad_endings() {
    let text =
        broken("(when: Reflected(\"ei_osaa\"), next: \"loppu\")", "(when: Reflected(\"ei_osaa\"), next: \"pois\")");
    let d = expect(&text, Kind::RepairPunished, "(when: Reflected(\"ei_osaa\"), next: \"pois\")");
    assert!(d.message_in(Lang::Fi).contains("korjausliikkeen"), "{}", d.message_in(Lang::Fi));
    // A persuading rule to the same ending is not a repair: no finding.
    let per = broken("(when: Reflected(\"ei_osaa\"), next: \"loppu\")", "(when: Code(PER), next: \"pois\")");
    assert!(!load(&per).iter().any(|d| d.kind == Kind::RepairPunished));
}

#[test]
fn every_turn_takes_a_typed_reply() {
    let text = no_free_text();
    let d = expect(&text, Kind::NoTypedReply, "id: \"alku\"");
    assert_eq!(d.severity, Severity::Warning);
    let strict = load_scenario(text.as_bytes(), &ValidateOptions { strict: true }).diagnostics;
    assert!(strict.iter().any(|d| d.kind == Kind::NoTypedReply && d.severity == Severity::Error));
}

#[test]
fn clarify_rules_keep_the_turn_open_and_are_checked() {
    let clarify =
        "(when: Otherwise, clarify: (text: (fi: \"Mitä tarkoitat?\", en: \"What do you mean?\"), talk: Neutral))";
    let ok = broken("(when: Otherwise, next: \"pois\")", clarify);
    assert_eq!(load(&ok), vec![], "a clarify fallback is clean");
    let both = broken(
        "(when: Otherwise, next: \"pois\")",
        "(when: Otherwise, next: \"pois\", clarify: (text: (fi: \"Mitä?\", en: \"What?\"), talk: Neutral))",
    );
    let d = expect(&both, Kind::FreeTextRouting, "clarify: (text: (fi: \"Mitä?\"");
    assert!(d.message_in(Lang::En).contains("both"), "{}", d.message);
    let neither = broken("(when: Otherwise, next: \"pois\")", "(when: Otherwise)");
    assert!(
        load(&neither).iter().any(|d| d.kind == Kind::FreeTextRouting && d.message_in(Lang::En).contains("neither"))
    );
    let untranslated = broken(
        "(when: Otherwise, next: \"pois\")",
        "(when: Otherwise, clarify: (text: (fi: \"Mitä tarkoitat?\"), talk: Neutral))",
    );
    assert!(load(&untranslated).iter().any(|d| d.kind == Kind::MissingTranslation));
}

#[test]
fn option_ids_are_well_formed_and_unique_in_a_turn() {
    let text = broken("(text: (fi: \"Kyllä", "(id: \"a\", text: (fi: \"Kyllä").replacen(
        "(text: (fi: \"Koneet",
        "(id: \"a\", text: (fi: \"Koneet",
        1,
    );
    let d = expect(&text, Kind::DuplicateId, "(id: \"a\", text: (fi: \"Kyllä");
    assert!(d.message_in(Lang::En).contains("`a`"), "{}", d.message);
    let bad = broken("(text: (fi: \"Koneet", "(id: \"a b\", text: (fi: \"Koneet");
    expect(&bad, Kind::BadId, "id: \"a b\"");
}

#[test]
fn every_scenario_diagnostic_kind_is_in_finnish() {
    let fixtures = one_fixture_per_kind();
    // `TooFewConsistent` comes from `validate::min_consistent`, not from loading (tested on its own above).
    // `NotInCourse` comes from `validate::course_module` (tested on its own below).
    for kind in
        Kind::ALL.into_iter().filter(|k| !k.is_course() && !matches!(k, Kind::TooFewConsistent | Kind::NotInCourse))
    {
        let (_, text) = fixtures.iter().find(|(k, _)| *k == kind).unwrap_or_else(|| panic!("no fixture for {kind:?}"));
        let diags = load_scenario(text.as_bytes(), &ValidateOptions::default()).diagnostics;
        let d = diags.iter().find(|d| d.kind == kind).unwrap_or_else(|| panic!("no {kind:?} in {diags:#?}"));
        for d in &diags {
            assert!(d.is_translated(), "{:?} has no Finnish text: {d:#?}", d.kind);
        }
        assert!(!d.message_in(Lang::Fi).is_empty() && d.message_in(Lang::Fi) != d.message_in(Lang::En), "{d:#?}");
    }
}

#[test]
fn finnish_messages_read_naturally() {
    let d = expect(&broken("next: \"loppu\"", "next: \"lopu\""), Kind::UnknownNode, "next: \"lopu\"");
    assert_eq!(d.message_in(Lang::Fi), "`next` vie solmuun `lopu`, jota ei ole olemassa");
    assert_eq!(d.notes_in(Lang::Fi), ["tarkoititko `loppu`?"]);
    let d = expect(&broken("codes: [CR]", "codes: [XR]"), Kind::UnknownCode, "codes: [XR]");
    assert_eq!(d.message_in(Lang::Fi), "MI-koodia `XR` ei ole olemassa");
    assert!(d.notes_in(Lang::Fi)[0].starts_with("koodit ovat OQ, CQ"), "{:?}", d.notes_in(Lang::Fi));
    let text = broken("title: (fi: \"Pieni harjoitus\", en: \"A small exercise\")", "title: (fi: \"Pieni harjoitus\")");
    let d = expect(&text, Kind::MissingTranslation, "title:");
    assert_eq!(d.message_in(Lang::Fi), "otsikko (`title`) on vain yhdellä kielellä: `en` puuttuu");
    let d = expect(
        &broken("codes: [PER],", "codes: [PER], effect: (importance: 5, confidence: 5),"),
        Kind::InconsistentOutscores,
        "Kyllä sinun",
    );
    assert!(
        d.message_in(Lang::Fi).contains(" pistettä") && d.message_in(Lang::Fi).contains(','),
        "decimal comma: {}",
        d.message_in(Lang::Fi)
    );
    let d = expect(&broken("when: \"discord >= 5\"", "when: \"discord >= \""), Kind::BadCondition, "discord >= \"");
    assert_eq!(d.message_in(Lang::Fi), "ehto: tässä pitäisi olla luku");
}

/// RON's common errors have Finnish templates (not the fallback with RON's English text).
#[test]
fn ron_errors_have_finnish_templates() {
    let cases: Vec<(&str, String, &str)> = vec![
        ("unexpected end", MINIMAL[..MINIMAL.find("nodes:").unwrap()].to_owned(), "loppuu kesken"),
        ("unknown field", broken("version: 1,", "version: 1,\n    colour: \"red\","), "tuntematon kenttä `colour`"),
        ("missing field", broken("    version: 1,\n", ""), "pakollinen kenttä `version` puuttuu"),
        (
            "duplicate field",
            broken("version: 1,", "version: 1,\n    version: 2,"),
            "kenttä `version` on annettu kahdesti",
        ),
        ("unknown variant", broken("outcome: NextStep", "outcome: NextStpe"), "tuntematon vaihtoehto `NextStpe`"),
        ("wrong type", broken("version: 1,", "version: \"yksi\","), "tässä pitäisi olla"),
        ("trailing characters", format!("{MINIMAL})"), "skenaarion jälkeen"),
        ("invalid escape", broken("Pieni harjoitus", "Pieni \\q harjoitus"), "kenoviivamerkintä"),
        ("missing comma", broken("version: 1,", "version: 1"), "pilkku"),
        ("unclosed string", broken("\"Pieni harjoitus\"", "\"Pieni harjoitus"), ""),
        ("unexpected char", broken("version: 1,", "version: 1, ยง"), ""),
        ("bad identifier", broken("version: 1,", "version: 1,\n    1version: 2,"), "ei kelpaa nimeksi"),
    ];
    for (what, text, fi) in cases {
        let diags = load(&text);
        let d = diags.iter().find(|d| d.kind == Kind::Parse).unwrap_or_else(|| panic!("{what}: {diags:#?}"));
        assert!(d.message_in(Lang::Fi).contains(fi), "{what}: {}", d.message_in(Lang::Fi));
        assert!(
            !d.message_in(Lang::Fi).starts_with("tiedosto ei ole kelvollista RON-muotoa"),
            "{what}: fallback {}",
            d.message_in(Lang::Fi)
        );
        assert!(
            !d.message_in(Lang::Fi).contains("Expected") && !d.message_in(Lang::Fi).contains("Unexpected"),
            "{what}: {}",
            d.message_in(Lang::Fi)
        );
    }
    // A misspelt variant gets a suggestion.
    let d = &load(&broken("outcome: NextStep", "outcome: NextStpe"))[0];
    assert_eq!(d.notes_in(Lang::Fi), ["tarkoititko `NextStep`?"]);
}

#[test]
fn no_suggestion_for_a_stray_character() {
    let d = &load(&broken("version: 1,", "version: 1, §"))[0];
    assert!(d.notes.is_empty(), "{:?}", d.notes);
}

#[test]
fn an_arrow_in_a_condition_is_named_with_its_fix() {
    let text = broken("when: \"discord >= 5\"", "when: \"discord => 5\"");
    let d = expect(&text, Kind::BadCondition, "discord => 5");
    assert!(d.message_in(Lang::En).contains("did you mean `>=`"), "{}", d.message);
    assert!(d.message_in(Lang::Fi).contains("tarkoititko `>=`"), "{}", d.message_in(Lang::Fi));
}

/// The 1-based (line, column) of the first occurrence of `needle` in `text`, columns in characters.
fn line_col_of(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("no `{needle}`"));
    let line_start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    (text[..at].matches('\n').count() + 1, text[line_start..at].chars().count() + 1)
}

fn at(d: &Diagnostic) -> (usize, usize) {
    (d.location.line, d.location.column)
}

// ---- The course's modules (M037): `validate::course_module`, which `motivo check` runs with the course. ----

fn course_check(text: &str, modules: &[&str], strict: bool) -> Vec<Diagnostic> {
    let options = ValidateOptions { strict };
    let loaded = load_scenario(text.as_bytes(), &options);
    let scenario = loaded.value.expect("parses");
    let modules: Vec<String> = modules.iter().map(|m| (*m).to_owned()).collect();
    let diags = motivo_engine::validate::course_module(&scenario, text, "kurssi", &modules, &options);
    for d in &diags {
        assert!(d.is_translated(), "{d:#?}");
    }
    diags
}

const MODULES: [&str; 3] = ["e-services", "ethics", "counselling"];

#[test]
fn a_module_not_in_the_course_is_reported_at_its_string() {
    let text = broken("module: \"counselling\"", "module: \"challenges\"");
    let diags = course_check(&text, &MODULES, false);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!((d.kind, d.code, d.severity), (Kind::NotInCourse, "M037", Severity::Warning));
    assert_eq!(at(d), line_col_of(&text, "\"challenges\""));
    assert_eq!(&text[d.start..d.end], "\"challenges\"");
    assert_eq!(d.message_in(Lang::En), "`module: \"challenges\"` is not a module of the course `kurssi`");
    assert_eq!(d.message_in(Lang::Fi), "`module: \"challenges\"` ei ole kurssin `kurssi` moduuli");
    // Nothing close: the course's modules are listed.
    assert_eq!(d.notes_in(Lang::En)[0], "the course's modules: e-services, ethics, counselling");
    assert_eq!(d.notes_in(Lang::Fi)[0], "kurssin moduulit: e-services, ethics, counselling");
    // An error with --strict.
    assert_eq!(course_check(&text, &MODULES, true)[0].severity, Severity::Error);
}

#[test]
fn a_misspelt_module_gets_a_did_you_mean() {
    let text = broken("module: \"counselling\"", "module: \"counseling\"");
    let d = &course_check(&text, &MODULES, false)[0];
    assert_eq!(at(d), line_col_of(&text, "\"counseling\""));
    assert_eq!(d.notes_in(Lang::En)[0], "did you mean `counselling`?");
    assert_eq!(d.notes_in(Lang::Fi)[0], "tarkoititko `counselling`?");
}

#[test]
fn a_module_of_the_course_and_an_empty_module_pass() {
    assert_eq!(course_check(MINIMAL, &MODULES, true), vec![]);
    let text = broken("module: \"counselling\"", "module: \"\"");
    assert_eq!(course_check(&text, &MODULES, true), vec![]);
    // The string is found even when the same value is a text elsewhere.
    let text = broken("module: \"counselling\"", "module: \"Aune\"");
    let d = &course_check(&text, &MODULES, false)[0];
    assert_eq!(at(d), line_col_of(&text, "\"Aune\""));
}

// ---- Root causes before their consequences. ----

/// Both ways to the good ending misspelt: the good ending is unreachable (M009) and there is no good path (M018,
/// reported at `start:`, earlier in the file), both because of the typo (M008).
fn typo_in_next() -> String {
    MINIMAL.replacen("set: [\"heard\"], next: \"loppu\"", "set: [\"heard\"], next: \"lopu\"", 1).replacen(
        "Reflected(\"ei_osaa\"), next: \"loppu\"",
        "Reflected(\"ei_osaa\"), next: \"lopu\"",
        1,
    )
}

#[test]
fn an_unknown_next_is_listed_before_the_problems_it_causes() {
    let text = typo_in_next();
    let diags = load(&text);
    let kinds: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert_eq!(kinds, ["M008", "M008", "M018", "M009"], "{diags:#?}");
    let typo = line_col_of(&text, "\"lopu\"");
    assert_eq!(at(&diags[0]), typo);
    for d in &diags[2..] {
        let caused = d.caused_by.expect("a consequence");
        assert_eq!((caused.line, caused.column), typo, "{d:#?}");
        let (line, column) = typo;
        assert_eq!(
            d.notes_in(Lang::En)[0],
            format!(
                "this follows from `next: \"lopu\"` at {line}:{column}, which names no node (did you mean `loppu`?); fix that first"
            )
        );
        assert_eq!(
            d.notes_in(Lang::Fi)[0],
            format!(
                "tämä johtuu kohdan {line}:{column} viittauksesta `next: \"lopu\"`, jota vastaavaa solmua ei ole (tarkoititko `loppu`?); korjaa se ensin"
            )
        );
        assert_eq!(d.label_in(Lang::En).unwrap(), "because `next: \"lopu\"` names no node");
    }
    // The M018 is still at `start:`, the M009 at the ending's id.
    assert_eq!(diags[2].location.line, line_of(&text, "start: \"alku\""));
    assert_eq!(diags[3].location.line, line_of(&text, "id: \"loppu\""));
}

#[test]
fn a_consequence_of_an_unknown_next_without_a_close_id_says_perhaps() {
    let text = typo_in_next().replace("\"lopu\"", "\"xyzzy\"");
    let diags = load(&text);
    assert_eq!(diags[0].code, "M008", "{diags:#?}");
    let d = diags.iter().find(|d| d.kind == Kind::NoGoodPath).expect("M018");
    assert!(d.caused_by.is_some());
    assert!(
        d.notes_in(Lang::En)[0].starts_with("this may follow from `next: \"xyzzy\"`"),
        "{:?}",
        d.notes_in(Lang::En)
    );
    assert!(d.notes_in(Lang::Fi)[0].starts_with("tämä voi johtua kohdan"), "{:?}", d.notes_in(Lang::Fi));
}

#[test]
fn graph_problems_without_an_unknown_next_are_not_marked() {
    let d = expect(&broken("outcome: NextStep", "outcome: Postpones"), Kind::NoGoodPath, "start: \"alku\"");
    assert_eq!((d.caused_by, d.label.is_none()), (None, true));
    let unreachable = "        Ending(\n            id: \"orpo\",\n            outcome: Postpones,\n            lines: [(text: (fi: \"Hei.\", en: \"Bye.\"), talk: Neutral)],\n        ),\n    ],\n)";
    let d = expect(&broken("    ],\n)", unreachable), Kind::UnreachableNode, "id: \"orpo\"");
    assert_eq!(d.caused_by, None);
}

#[test]
fn a_loop_whose_exit_is_misspelt_follows_from_the_typo() {
    // `kehä` loops on itself; its way out is misspelt.
    let turn = "        Turn(\n            id: \"kehä\",\n            lines: [(text: (fi: \"No?\", en: \"Well?\"), talk: Neutral)],\n            options: [\n                (text: (fi: \"Niin.\", en: \"Yes.\"), codes: [NONE], feedback: (fi: \"Ok.\", en: \"Ok.\"), next: \"kehä\"),\n                (text: (fi: \"Loppu.\", en: \"End.\"), codes: [NONE], feedback: (fi: \"Ok.\", en: \"Ok.\"), next: \"poiss\"),\n            ],\n            free_text: [(when: Otherwise, next: \"kehä\")],\n        ),\n    ],\n)";
    let text = broken("    ],\n)", turn).replacen("next: \"pois\"", "next: \"kehä\"", 1);
    let diags = load(&text);
    let dead = diags.iter().find(|d| d.kind == Kind::DeadEnd).unwrap_or_else(|| panic!("{diags:#?}"));
    let caused = dead.caused_by.expect("caused by the typo");
    assert_eq!((caused.line, caused.column), line_col_of(&text, "\"poiss\""));
    assert!(dead.notes_in(Lang::En)[0].contains("did you mean `pois`?"), "{:?}", dead.notes_in(Lang::En));
    let first_consequence = diags.iter().position(|d| d.caused_by.is_some()).unwrap();
    assert!(diags[..first_consequence].iter().any(|d| d.kind == Kind::UnknownNode));
}

// ---- Unclosed strings. ----

#[test]
fn an_unclosed_string_in_the_middle_is_named_at_its_opening_quote() {
    let text = broken("name: \"Aune\",", "name: \"Aune,");
    let diags = load(&text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d.code, "M001");
    let (line, column) = line_col_of(&text, "\"Aune,");
    assert_eq!(at(d), (line, column));
    assert_eq!(&text[d.start..d.end], "\"");
    assert_eq!(
        d.message_in(Lang::En),
        format!("unclosed string: the string starting at {line}:{column} has no closing quote `\"`")
    );
    assert_eq!(
        d.message_in(Lang::Fi),
        format!(
            "merkkijono jää auki: kohdassa {line}:{column} alkavalta merkkijonolta puuttuu loppulainausmerkki `\"`"
        )
    );
    // The quote that was taken as its end: the opening quote of the next string (`situation: (fi: "…`).
    let (l2, c2) = line_col_of(&text, "\"Asuu yksin.");
    assert!(d.notes_in(Lang::En)[0].starts_with(&format!("the quote at {l2}:{c2} was read as its end")));
    assert!(!d.message_in(Lang::En).contains("comma"), "{}", d.message_in(Lang::En));
}

#[test]
fn an_unclosed_string_on_one_line_is_named_too() {
    let text = broken("(fi: \"Pieni harjoitus\", en:", "(fi: \"Pieni harjoitus, en:");
    let d = &load(&text)[0];
    assert_eq!(at(d), line_col_of(&text, "\"Pieni harjoitus,"));
    assert!(d.message_in(Lang::En).starts_with("unclosed string"), "{}", d.message_in(Lang::En));
}

#[test]
fn an_unclosed_string_at_the_end_of_the_file_is_named_at_its_opening_quote() {
    let text = broken("en: \"I can't be bothered.\"", "en: \"I can't be bothered.");
    let d = &load(&text)[0];
    let (line, column) = line_col_of(&text, "\"I can't be bothered.");
    assert_eq!((d.code, at(d)), ("M001", (line, column)));
    assert_eq!(
        d.message_in(Lang::En),
        format!("unclosed string: the string starting at {line}:{column} has no closing quote `\"`")
    );
    assert_eq!(d.notes_in(Lang::En), ["it runs to the end of the file; add `\"` where its text ends"]);
    assert_eq!(d.notes_in(Lang::Fi), ["se jatkuu tiedoston loppuun asti; lisää `\"` siihen, mihin sen teksti loppuu"]);
}

#[test]
fn other_parse_errors_after_a_string_are_not_called_unclosed_strings() {
    // A missing comma right after a string that is closed.
    let text = broken("name: \"Aune\",", "name: \"Aune\"");
    let d = &load(&text)[0];
    assert!(!d.message_in(Lang::En).contains("unclosed"), "{}", d.message_in(Lang::En));
    // A text with a colon, then a real error.
    let text = broken("(fi: \"Asuu yksin.\",", "(fi: \"Asuu: \" yksin,");
    let d = &load(&text)[0];
    assert!(!d.message_in(Lang::En).contains("unclosed"), "{}", d.message_in(Lang::En));
}

// ---- M012 and M015 at the offending text, with the fix. ----

/// MINIMAL with the option's feedback and the rules on lines of their own, Swedish in some texts.
fn deep_texts() -> String {
    MINIMAL
        .replacen(
            "codes: [CR],\n                 feedback: (fi: \"Hyvä heijastus.\", en: \"A good reflection.\"),",
            "codes: [CR],\n                 feedback: (\n                     fi: \"Hyvä heijastus.\",\n                     sv: \"En bra reflektion.\",\n                 ),",
            1,
        )
        .replacen(
            "(when: Otherwise, next: \"pois\"),",
            "(when: Otherwise, next: \"pois\",\n                 feedback: (fi: \"Kuuntele ensin.\")),",
            1,
        )
        .replacen(
            "outcome: Disengages,",
            "outcome: Disengages,\n            debrief: (fi: \"Aune jättäytyi pois.\"),",
            1,
        )
}

#[test]
fn a_missing_language_is_located_at_the_text_itself() {
    let text = deep_texts();
    let diags = load(&text);
    let m012: Vec<&Diagnostic> = diags.iter().filter(|d| d.kind == Kind::MissingTranslation).collect();
    let find = |what: &str, lang: &str| {
        *m012
            .iter()
            .find(|d| d.message_in(Lang::En).contains(what) && d.message_in(Lang::En).contains(&format!("`{lang}`")))
            .unwrap_or_else(|| panic!("no M012 for {what} {lang}: {m012:#?}"))
    };
    // The option's feedback, on lines of its own: at its `(`, not at the option's text.
    let d = find("the feedback of option 1", "en");
    let open = text.find("feedback: (\n").unwrap() + "feedback: ".len();
    assert_eq!(d.start, open);
    assert_eq!(at(d), line_col_of(&text, "(\n                     fi: \"Hyvä heijastus.\""));
    assert!(
        text[d.start..d.end].ends_with("\"En bra reflektion.\",\n                 )"),
        "{:?}",
        &text[d.start..d.end]
    );
    assert_eq!(d.label_in(Lang::En).unwrap(), "no `en` text here");
    assert_eq!(
        d.notes_in(Lang::En),
        ["add `en: \"…\"` to this text, translating the `fi` text “Hyvä heijastus.”; until then learners see that one"]
    );
    assert_eq!(
        d.notes_in(Lang::Fi),
        ["lisää tähän `en: \"…\"`, käännös `fi`-tekstistä ”Hyvä heijastus.”; siihen asti oppija näkee sen"]
    );
    // A free-text rule's feedback, deep in the turn: at its text, not at the node's id.
    let d = find("the feedback of free-text rule 2", "en");
    assert_eq!(at(d), line_col_of(&text, "(fi: \"Kuuntele ensin.\")"));
    // An ending's debrief.
    let d = find("debrief", "en");
    assert_eq!(at(d), line_col_of(&text, "(fi: \"Aune jättäytyi pois.\")"));
    // Texts without Swedish, located each at its own text.
    let d = find("the feedback of option 2", "sv");
    assert_eq!(at(d), line_col_of(&text, "(fi: \"Neuvoit ilman lupaa.\""));
    let d = find("the title", "sv");
    assert_eq!(at(d), line_col_of(&text, "(fi: \"Pieni harjoitus\""));
}

#[test]
fn identical_texts_are_located_each_at_its_own_place() {
    // Two options with the same feedback, without English: one warning at each.
    let text = broken("en: \"A good reflection.\"", "sv: \"Ok.\"").replacen(
        "(fi: \"Neuvoit ilman lupaa.\", en: \"Advice without permission.\")",
        "(fi: \"Hyvä heijastus.\", sv: \"Ok.\")",
        1,
    );
    let diags = load(&text);
    let lines: Vec<usize> = diags
        .iter()
        .filter(|d| d.kind == Kind::MissingTranslation && d.message_in(Lang::En).contains("feedback"))
        .filter(|d| d.message_in(Lang::En).contains("`en`"))
        .map(|d| d.location.line)
        .collect();
    let needle = "(fi: \"Hyvä heijastus.\", sv: \"Ok.\")";
    let first = line_of(&text, needle);
    let second = first + text[text.find(needle).unwrap() + 1..].split(needle).next().unwrap().matches('\n').count();
    assert!(second > first);
    assert_eq!(lines, [first, second], "{diags:#?}");
}

#[test]
fn an_unknown_meaning_is_located_at_the_rule_even_when_the_name_is_used_before() {
    // `heard` is a flag the first option sets, lines before the rule that asks for a meaning `heard`.
    let text = broken("Reflected(\"ei_osaa\")", "Reflected(\"heard\")");
    let d = expect(&text, Kind::UnknownMeaning, "Reflected(\"heard\")");
    assert_eq!(at(&d), line_col_of(&text, "\"heard\")"));
    assert_eq!(d.label_in(Lang::En).unwrap(), "no line of this turn has this meaning");
    assert_eq!(d.notes_in(Lang::En)[0], "this turn's meanings: ei_osaa");
    assert_eq!(
        d.notes_in(Lang::En)[1],
        "to use it here, add `(id: \"heard\", side: Change, fi: [\"…\"])` (or `side: Sustain`) to the `meanings` of one of this turn's lines"
    );
    assert_eq!(d.notes_in(Lang::Fi)[0], "tämän vuoron merkitykset: ei_osaa");
}

#[test]
fn a_misspelt_meaning_gets_a_did_you_mean() {
    let text = broken("Reflected(\"ei_osaa\")", "Reflected(\"ei_osa\")");
    let d = expect(&text, Kind::UnknownMeaning, "Reflected(\"ei_osa\")");
    assert_eq!(at(&d), line_col_of(&text, "\"ei_osa\")"));
    assert_eq!(d.notes_in(Lang::En), ["did you mean `ei_osaa`?"]);
    assert_eq!(d.notes_in(Lang::Fi), ["tarkoititko `ei_osaa`?"]);
}

#[test]
fn a_meaning_of_another_node_is_named_with_its_node() {
    let text = broken("Reflected(\"ei_osaa\")", "Reflected(\"kokeilu\")").replacen(
        "talk: Change(Commitment))",
        "talk: Change(Commitment),\n                     meanings: [(id: \"kokeilu\", side: Change, fi: [\"kokeil\"])])",
        1,
    );
    let d = expect(&text, Kind::UnknownMeaning, "Reflected(\"kokeilu\")");
    assert_eq!(
        d.notes_in(Lang::En)[0],
        "meaning `kokeilu` is on a line of node `loppu`; a rule can use only the meanings of its own turn's lines (and of its `clarify` lines)"
    );
}
