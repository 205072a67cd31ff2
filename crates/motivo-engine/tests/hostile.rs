//! Hostile scenario files (issue 16): each test is the smallest input that showed a crash, a hang or a wrong
//! location, and checks it is now a located diagnostic, quickly.

use std::time::{Duration, Instant};

use motivo_engine::diag::{Diagnostic, Kind};
use motivo_engine::{ValidateOptions, load_scenario};

const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.ron");

fn load(text: &str) -> Vec<Diagnostic> {
    load_scenario(text.as_bytes(), &ValidateOptions::default()).diagnostics
}

/// Loads `text` within `limit` (generous: debug builds on a busy machine).
fn load_within(text: &str, limit: Duration) -> Vec<Diagnostic> {
    let t = Instant::now();
    let diags = load(text);
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
    diags
}

fn broken(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture has no `{from}`");
    MINIMAL.replacen(from, to, 1)
}

/// (line, column) of byte `at`, columns in characters.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |k| k + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

fn find(diags: &[Diagnostic], kind: Kind) -> &Diagnostic {
    diags.iter().find(|d| d.kind == kind).unwrap_or_else(|| panic!("no {kind:?} in {diags:#?}"))
}

#[test]
fn deeply_nested_conditions_are_located_errors() {
    // 10,000 brackets overflowed the stack (exit 134) in `check` and `play`.
    for when in [
        format!("{}true{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}true{}", "(".repeat(1_000), ")".repeat(1_000)),
        format!("{}true", "!".repeat(20_000)),
        format!("{}true", "not ".repeat(1_000)),
    ] {
        let text = broken("\"discord >= 5\"", &format!("\"{when}\""));
        let diags = load(&text);
        let d = find(&diags, Kind::BadCondition);
        let at = text.find("when: \"").unwrap() + 7;
        assert_eq!(d.location.line, line_col(&text, at).0);
        assert!(d.start >= at && d.start <= at + 1000, "{d:#?}");
    }
}

#[test]
fn a_multibyte_first_character_with_a_header_error_does_not_panic() {
    // U+200E / U+0085 first, `nodes` key written so it is not found, a header diagnostic: panicked in `Locator`.
    for first in ['\u{200e}', '\u{85}'] {
        let text = format!("{first}{}", broken("version: 1", "version: 0").replace("nodes:", "nodes/**/:"));
        let diags = load(&text);
        let d = find(&diags, Kind::OutOfRange);
        assert_eq!((d.location.line, d.location.column), line_col(&text, text.find("version").unwrap()));
    }
}

#[test]
fn escapes_in_conditions_are_located_inside_the_condition() {
    // `\u{61}b` is `ab`: the unknown variable is the escape and the `b`, on the condition's line.
    let text = broken("\"discord >= 5\"", r#""\u{61}b >= 5""#);
    let d = find(&load(&text), Kind::BadCondition).clone();
    assert_eq!(&text[d.start..d.end], r"\u{61}b");
    // `\"` is one character of the condition: the error is at the quote's escape, not one byte early.
    let text = broken("\"discord >= 5\"", r#""discord >= 5 and \"x\"""#);
    let d = find(&load(&text), Kind::BadCondition).clone();
    assert_eq!(&text[d.start..d.end], r#"\""#);
    // An unknown flag after an escape is located on the flag itself.
    let text = broken("\"discord >= 5\"", r#""\u{64}iscord >= 5 and zz""#);
    let d = find(&load(&text), Kind::UnknownVariable).clone();
    assert_eq!(&text[d.start..d.end], "zz");
    // The same flag twice: the second unknown one is its own span, not the first's.
    let text = broken("\"discord >= 5\"", r#""heard and zz or heard and zz""#);
    let spans: Vec<&str> =
        load(&text).iter().filter(|d| d.kind == Kind::UnknownVariable).map(|d| &text[d.start..d.end]).collect();
    assert_eq!(spans, ["zz", "zz"]);
    let starts: Vec<usize> = load(&text).iter().filter(|d| d.kind == Kind::UnknownVariable).map(|d| d.start).collect();
    assert_ne!(starts[0], starts[1]);
}

#[test]
fn two_nexts_to_the_same_missing_node_are_each_on_their_own_line() {
    let text = MINIMAL.replace("next: \"loppu\"),\n", "next: \"nope\"),\n").replacen(
        "next: \"pois\"),\n            ],",
        "next: \"nope\"),\n            ],",
        1,
    );
    let lines: Vec<usize> =
        load(&text).iter().filter(|d| d.kind == Kind::UnknownNode).map(|d| d.location.line).collect();
    assert!(lines.len() >= 2, "{lines:?}");
    assert_ne!(lines[0], lines[1]);
    let want: Vec<usize> = text.match_indices("\"nope\"").map(|(at, _)| line_col(&text, at).0).collect();
    assert_eq!(lines, want);
}

#[test]
fn non_finite_and_huge_effects_are_located_errors() {
    let text = broken("codes: [CR],", "codes: [CR], effect: (importance: NaN, discord: 1e308, confidence: 11),");
    let diags = load(&text);
    let bad: Vec<&str> = diags.iter().filter(|d| d.kind == Kind::OutOfRange).map(|d| &text[d.start..d.end]).collect();
    assert_eq!(bad, ["importance", "discord", "confidence"]);
    let text = broken("codes: [CR],", "codes: [CR], effect: (importance: -10, momentum: 2.5),");
    assert!(!load(&text).iter().any(|d| d.kind == Kind::OutOfRange));
}

fn options(n: usize, next: impl Fn(usize) -> String) -> String {
    let opts: String = (0..n)
        .map(|i| {
            format!(
                "(text: (fi: \"a\", en: \"a\"), codes: [CR], feedback: (fi: \"a\", en: \"a\"), next: \"{}\"),\n",
                next(i)
            )
        })
        .collect();
    MINIMAL.replacen("options: [", &format!("options: [\n{opts}"), 1)
}

#[test]
fn thousands_of_unknown_references_are_quick() {
    // 5,000 unknown references took 6 s; 55,000 (8 MB) over 900 s.
    let text = options(20_000, |i| format!("x{i}"));
    let diags = load_within(&text, Duration::from_secs(20));
    assert_eq!(diags.iter().filter(|d| d.kind == Kind::UnknownNode).count(), 20_000);
    // The same missing node everywhere: one suggestion computed, every diagnostic on its own line.
    let text = options(20_000, |_| "lopu".to_owned());
    let diags = load_within(&text, Duration::from_secs(20));
    let unknown: Vec<&Diagnostic> = diags.iter().filter(|d| d.kind == Kind::UnknownNode).collect();
    assert_eq!(unknown.len(), 20_000);
    assert!(unknown.windows(2).all(|w| w[0].location.line < w[1].location.line));
    assert!(unknown[0].notes.iter().any(|n| n.to_string().contains("`loppu`")), "{:?}", unknown[0].notes);
}

#[test]
fn a_very_long_unknown_id_is_quick() {
    // A 1,000,000-character id with an unknown `next`: "did you mean" was O(N²·L²).
    let long = "a".repeat(1_000_000);
    let text = MINIMAL.replacen("next: \"loppu\"", &format!("next: \"{long}\""), 1).replacen(
        "id: \"pois\"",
        &format!("id: \"{long}b\""),
        1,
    );
    let diags = load_within(&text, Duration::from_secs(20));
    assert!(diags.iter().any(|d| d.kind == Kind::UnknownNode));
}

#[test]
fn many_ids_written_with_escapes_are_quick() {
    // 90,000 ids written with escapes took 217 s: `Locator` searched the rest of the file for each.
    let endings: String = (0..40_000)
        .map(|i| {
            format!(
                "Ending(id: \"\\u{{65}}{i}\", outcome: NextStep, lines: [(text: (fi: \"a\", en: \"a\"), talk: Neutral)]),\n"
            )
        })
        .collect();
    let text = MINIMAL.replacen(
        "        Ending(\n            id: \"loppu\"",
        &format!("{endings}        Ending(\n            id: \"loppu\""),
        1,
    );
    let diags = load_within(&text, Duration::from_secs(30));
    // Each unreachable ending is located at its own id.
    let unreachable: Vec<&Diagnostic> = diags.iter().filter(|d| d.kind == Kind::UnreachableNode).collect();
    assert_eq!(unreachable.len(), 40_000);
    assert_eq!(&text[unreachable[7].start..unreachable[7].end], "\"\\u{65}7\"");
}

#[test]
fn a_long_single_line_file_with_many_errors_is_quick() {
    // Columns on one very long line were counted from the line start for every diagnostic.
    let text = options(20_000, |i| format!("x{i}"));
    // One line: drop the leading `//` comment, then every newline.
    let text = text[text.find('\n').unwrap() + 1..].replace('\n', " ");
    let diags = load_within(&text, Duration::from_secs(20));
    let last = diags.iter().rfind(|d| d.kind == Kind::UnknownNode).unwrap();
    assert_eq!((last.location.line, last.location.column), line_col(&text, last.start));
}

#[test]
fn a_turn_with_thousands_of_options_is_quick() {
    // Every option conditioned on 14 flags: the coverage check tried 2^15 states × every option (10 s per turn in a
    // debug build); MI-inconsistent options were each compared with every consistent one (options²).
    let flags: Vec<String> = (0..14).map(|i| format!("f{i}")).collect();
    let when = flags.join(" and ");
    let opts: String = (0..20_000)
        .map(|i| {
            let code = if i % 2 == 0 { "PER" } else { "CR" };
            format!(
                "(text: (fi: \"a{i}\", en: \"a{i}\"), codes: [{code}], feedback: (fi: \"a\", en: \"a\"), when: \"{when}\", next: \"loppu\"),\n"
            )
        })
        .collect();
    let declared: String = flags.iter().map(|f| format!(", \"{f}\"")).collect();
    let text = MINIMAL
        .replacen("options: [", &format!("options: [\n{opts}"), 1)
        .replacen("flags: [\"heard\"", &format!("flags: [\"heard\"{declared}"), 1)
        .replacen("codes: [CR],\n", "codes: [CR], when: \"heard\",\n", 1)
        .replacen("codes: [PER],\n", "codes: [PER], when: \"heard\",\n", 1);
    let diags = load_within(&text, Duration::from_secs(20));
    assert!(!diags.iter().any(|d| d.is_error()), "{:#?}", &diags[..diags.len().min(3)]);
}

#[test]
fn thousands_of_options_each_with_its_own_flag_are_quick() {
    // The coverage check collected every distinct flag (a quadratic search) before seeing there were too many.
    let opts: String = (0..40_000)
        .map(|i| {
            format!(
                "(text: (fi: \"a{i}\", en: \"a\"), codes: [CR], feedback: (fi: \"a\", en: \"a\"), when: \"zz{i}\", next: \"loppu\"),"
            )
        })
        .collect();
    let text = MINIMAL
        .replacen("options: [", &format!("options: [{opts}"), 1)
        .replacen("codes: [CR],\n", "codes: [CR], when: \"heard\",\n", 1)
        .replacen("codes: [PER],\n", "codes: [PER], when: \"heard\",\n", 1);
    let diags = load_within(&text, Duration::from_secs(60));
    assert_eq!(diags.iter().filter(|d| d.kind == Kind::UnknownVariable).count(), 40_000);
}

#[test]
fn thousands_of_identical_texts_missing_a_language_are_quick_and_each_located() {
    // Every option's text and feedback is the same `(fi: "a", en: "a")` and Swedish is asked for: 40,000 M012s,
    // each at its own text (the places of a text are found once, not once per diagnostic).
    let text =
        options(20_000, |_| "loppu".to_owned()).replacen("flags: [", "languages: [fi, en, sv],\n    flags: [", 1);
    let diags = load_within(&text, Duration::from_secs(20));
    let option_texts: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.kind == Kind::MissingTranslation && d.message_in(motivo_engine::Lang::En).starts_with("option "))
        .collect();
    assert_eq!(option_texts.len(), 20_002);
    let starts: std::collections::HashSet<usize> = option_texts.iter().map(|d| d.start).collect();
    assert_eq!(starts.len(), option_texts.len(), "each at its own text");
}

#[test]
fn thousands_of_rules_with_unknown_meanings_are_quick() {
    let rules: String = (0..20_000).map(|i| format!("(when: Reflected(\"m{i}\"), next: \"loppu\"),\n")).collect();
    let text = MINIMAL.replacen("free_text: [", &format!("free_text: [\n{rules}"), 1);
    let diags = load_within(&text, Duration::from_secs(20));
    let unknown: Vec<&Diagnostic> = diags.iter().filter(|d| d.kind == Kind::UnknownMeaning).collect();
    assert_eq!(unknown.len(), 20_000);
    assert_eq!(&text[unknown[7].start..unknown[7].end], "\"m7\"");
}
