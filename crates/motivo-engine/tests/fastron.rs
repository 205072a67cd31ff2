//! The fast scenario parser (`fastron`) against the `ron` crate: whatever the fast parser accepts, `ron`
//! accepts too and parses to the same `Scenario`; the fast parser never panics; the loader still reports
//! `ron`'s located diagnostics.

use motivo_engine::load::{MAX_NESTING, parse_ron, parse_scenario};
use motivo_engine::{Kind, Scenario, ValidateOptions, bundled, fastron, load_scenario};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

include!("../benches/gen_scenario.rs");

const MINIMAL: &str = include_str!("../../../tests/fixtures/minimal.ron");
const FORMAT_DOC: &str = include_str!("../../../docs/scenario-format.md");

/// The annotated example in `docs/scenario-format.md`.
fn docs_example() -> &'static str {
    let start = FORMAT_DOC.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let len = FORMAT_DOC[start..].find("```").expect("the block ends");
    &FORMAT_DOC[start..start + len]
}

/// Parses `text` with both parsers. If the fast one accepts, `ron` must accept with an equal value. Returns
/// whether the fast parser accepted.
fn agree(text: &str) -> bool {
    let fast = fastron::from_str::<Scenario>(text);
    match fast {
        Ok(f) => match parse_ron::<Scenario>(text) {
            Ok(r) => {
                assert_eq!(f, r, "the parsers disagree on:\n{text}");
                true
            }
            Err(d) => panic!("fast parser accepted what ron rejects ({}):\n{text}", d.message),
        },
        Err(_) => false,
    }
}

#[test]
fn bundled_scenarios_take_the_fast_path_and_agree() {
    for (name, text) in bundled::SCENARIOS {
        if let Err(e) = fastron::from_str::<Scenario>(text) {
            panic!("{name}: the fast parser refused it: {e}");
        }
        assert!(agree(text), "{name}");
    }
}

#[test]
fn generated_scenario_agrees() {
    let text = generated_scenario(5000);
    assert!(agree(&text));
}

#[test]
fn docs_example_and_minimal_agree() {
    assert!(agree(docs_example()));
    assert!(agree(MINIMAL));
}

/// `MINIMAL` with the first `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "fixture has no `{from}`");
    MINIMAL.replacen(from, to, 1)
}

#[test]
fn syntax_the_fast_parser_accepts() {
    let accepted = [
        with("version: 1,", "version: 007,"),
        with("version: 1,", "version: 4294967295,"),
        with("discord: 1", "discord: -1.25e-1"),
        with("discord: 1", "discord: 1E3"),
        with("discord: 1", "discord: 0.30000001192092896"),
        with("discord: 1", "discord: 3.4e39"),
        with("\"discord >= 5\"", "r#\"discord >= 5 // \"x\"\"#"),
        with("\"discord >= 5\"", "r\"discord >= 5\""),
        with("\"Asuu yksin.\"", "\"Asuu \\\"yksin\\\".\\n\\t\\\\ \\' \\0 \\x41 \\u{e4}\\u{1F600}\""),
        with("\"Asuu yksin.\"", "\"Asuu \\\n      yksin.\""),
        with("\"Asuu yksin.\"", "\"Asuu \\\r\n  yksin.\""),
        with("\"Asuu yksin.\"", "\"Asuu\nyksin.\r\n\""),
        with("version: 1,", "version: 1 /* a /* nested */ comment */ ,// line\n"),
        with("version: 1,", "version\t:\r\n1,"),
        with("Scenario(", "Scenario  \n ("),
        with("persona: Persona(", "persona: ("),
        with("Sustain(Ability)", "Sustain( Ability , )"),
        with("Reflected(\"ei_osaa\")", "Reflected(\"ei_osaa\",)"),
        with("(when: Otherwise, next: \"pois\"),", "(when: Otherwise, next: \"pois\", if: \"not heard\"),"),
        with("talk: Discord,", "talk: Discord, weight: 3, meanings: [],"),
        with("codes: [PER],", "codes: [PER, CON,], focus: None, ethics: None,"),
        with("codes: [PER],", "codes: [PER], focus: Sustain, effect: Effect(discord: 2),"),
        with("codes: [PER],", "codes: [PER], effect: (importance: -1, momentum: 0.5),"),
        format!("{MINIMAL}// a comment at the very end, with no newline"),
        format!("\n\n  {}   \n", MINIMAL.trim()),
    ];
    for text in &accepted {
        assert!(agree(text), "the fast parser refused:\n{text}");
    }
}

#[test]
fn syntax_left_to_ron_still_loads() {
    // The fast parser refuses these; `ron` decides, and the loader gives the same result as before.
    let refused = [
        with("version: 1,", "version: +1,"),
        with("version: 1,", "version: 1_0,"),
        with("version: 1,", "version: 0x1,"),
        with("version: 1,", "version: 1u32,"),
        with("discord: 1", "discord: .5"),
        with("discord: 1", "discord: 5."),
        with("discord: 1", "discord: 1_0.5"),
        with("discord: 1", "discord: 1f32"),
        with("discord: 1", "discord: inf"),
        with("discord: 1", "discord: NaN"),
        with("discord: 1", "discord: +1"),
        with("\"discord >= 5\"", "Some(\"discord >= 5\")"),
        with("\"discord >= 5\"", "\"discord >= 5 \\xc3\\xa4\""),
        with("(when: Otherwise", "(r#when: Otherwise"),
        with("version: 1,", "version: 1,\u{0C}"),
        with("version: 1,", "version: 1,\u{2028}"),
        format!("#![enable(implicit_some)]\n{MINIMAL}"),
        format!("\u{FEFF}{MINIMAL}"),
    ];
    for text in &refused {
        assert!(!agree(text), "expected the fast parser to refuse:\n{text}");
        let via_loader = parse_scenario(text);
        let via_ron = parse_ron::<Scenario>(text);
        match (via_loader, via_ron) {
            // (Debug, not `==`: one case parses to NaN.)
            (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}")),
            (Err(a), Err(b)) => assert_eq!(a, b),
            (a, b) => panic!("loader and ron differ: {:?} vs {:?}", a.is_ok(), b.is_ok()),
        }
    }
}

#[test]
fn errors_are_ron_diagnostics() {
    for text in [
        with("codes: [PER]", "codes: [PERX]"),
        with("version: 1,", "version: 1,,"),
        with("id: \"alku\",", "id: \"alku\", colour: 3,"),
        MINIMAL[..MINIMAL.len() / 2].to_owned(),
        with("\"Asuu yksin.\"", "\"Asuu yksin.\\q\""),
    ] {
        let loaded = load_scenario(text.as_bytes(), &ValidateOptions::default());
        let ron = parse_ron::<Scenario>(&text).expect_err("ron rejects it");
        assert_eq!(loaded.diagnostics, vec![*ron]);
    }
}

#[test]
fn truncated_input_never_panics_and_agrees() {
    for text in [MINIMAL, docs_example()] {
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            agree(&text[..end]);
        }
    }
}

#[test]
fn deep_nesting_is_refused_without_panic() {
    let deep = |open: &str, n: usize| format!("{}{}", open.repeat(n), ")".repeat(n));
    for text in [
        deep("(", 100_000),
        deep("[", 100_000),
        deep("Scenario(", 50_000),
        MINIMAL.replacen("nodes: [", &format!("nodes: [{}", "Turn(".repeat(50_000)), 1),
        MINIMAL.replacen("outcome: NextStep", &format!("outcome: {}", "NextStep(".repeat(50_000)), 1),
        MINIMAL.replacen("flags: [", &format!("flags: {}", "[".repeat(50_000)), 1),
    ] {
        assert!(fastron::from_str::<Scenario>(&text).is_err());
    }
    // The loader's nesting check runs before either parser, with its own diagnostic.
    let text = MINIMAL.replacen("flags: [", &format!("flags: {}", "[".repeat(MAX_NESTING + 1)), 1);
    let loaded = load_scenario(text.as_bytes(), &ValidateOptions::default());
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].kind, Kind::TooDeep);
}

const TOKENS: &[&str] = &[
    ",", "(", ")", "[", "]", "\"", "\\", "//", "/*", "*/", "\n", " ", "\t", ":", "None", "Some(", "r#\"", "\"#", "0",
    "7", "-", ".", "e", "_", "1_0", "+", "#", "é", "\u{85}", "\\u{41}", "\\n", "\\x7f", "Turn(", "Ending(", "id",
    "text", "when", "if", "Change", "CR", "r#if", "'", "inf", "()", "{", "}", "\r\n", "\\\n",
];

/// One random edit of `text`: delete, insert a token, duplicate a slice, swap two bytes, or truncate.
fn mutate(rng: &mut StdRng, text: &str) -> String {
    let mut b = text.as_bytes().to_vec();
    let edits = rng.random_range(1..4);
    for _ in 0..edits {
        let len = b.len().max(1);
        let at = rng.random_range(0..len).min(b.len());
        match rng.random_range(0..6) {
            0 => {
                let n = rng.random_range(1..9).min(b.len() - at);
                b.drain(at..at + n);
            }
            1 | 2 => {
                let t = TOKENS[rng.random_range(0..TOKENS.len())];
                b.splice(at..at, t.bytes());
            }
            3 => {
                let n = rng.random_range(1..40).min(b.len() - at);
                let piece = b[at..at + n].to_vec();
                let to = rng.random_range(0..=b.len());
                b.splice(to..to, piece);
            }
            4 if b.len() > 1 => {
                let other = rng.random_range(0..b.len());
                let at = at.min(b.len() - 1);
                b.swap(at, other);
            }
            _ => b.truncate(at),
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

#[test]
fn random_mutations_agree() {
    let seed = std::env::var("FASTRON_FUZZ_SEED").ok().and_then(|r| r.parse().ok()).unwrap_or(0x5eed);
    let mut rng = StdRng::seed_from_u64(seed);
    let bases = [MINIMAL, docs_example()];
    let (mut accepted, mut total) = (0, 0);
    // `FASTRON_FUZZ_ROUNDS=300000 cargo test --release ...` for a longer run.
    let rounds = std::env::var("FASTRON_FUZZ_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(6000);
    for round in 0..rounds {
        let base = bases[round % bases.len()];
        let text = mutate(&mut rng, base);
        total += 1;
        if agree(&text) {
            accepted += 1;
        }
    }
    println!("{accepted} of {total} mutants parsed (fast parser and ron agree)");
    // Many mutants (edits inside strings and comments, whitespace) stay valid: the equality check really ran.
    assert!(accepted > total / 20, "only {accepted} of {total} mutants parsed");
}

#[test]
fn mutations_of_a_bundled_scenario_agree() {
    let mut rng = StdRng::seed_from_u64(42);
    let text = bundled::SCENARIOS[0].1;
    let mut accepted = 0;
    for _ in 0..150 {
        if agree(&mutate(&mut rng, text)) {
            accepted += 1;
        }
    }
    assert!(accepted > 0);
}

/// The byte-at-a-time `check_nesting` as it was before it learnt to skip ahead: where it stops, if it does.
fn reference_nesting(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let (mut depth, mut i) = (0usize, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut level = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        level += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        level -= 1;
                        i += 2;
                        if level == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(i);
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

#[test]
fn nesting_check_matches_the_byte_at_a_time_version() {
    let mut rng = StdRng::seed_from_u64(3);
    let alphabet = ["(", "(", "(", "[", "{", ")", "]", "}", "\"", "\\", "/", "*", "\n", "a", "ä", " "];
    let mut refused = 0;
    for _ in 0..20_000 {
        let len = rng.random_range(0..300);
        // Start most texts close to the limit, so that many cross it.
        let mut text = "([{".repeat(rng.random_range(0..17));
        text.extend((0..len).map(|_| alphabet[rng.random_range(0..alphabet.len())]));
        let ours = motivo_engine::load::check_nesting(&text).err().map(|d| d.start);
        assert_eq!(ours, reference_nesting(&text), "{text:?}");
        refused += usize::from(ours.is_some());
    }
    assert!(refused > 100, "only {refused} texts nested too deep");
    for text in [MINIMAL, docs_example(), &generated_scenario(20)] {
        assert_eq!(reference_nesting(text), None);
        assert!(motivo_engine::load::check_nesting(text).is_ok());
    }
}
