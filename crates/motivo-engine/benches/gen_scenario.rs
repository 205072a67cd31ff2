// The generated scenario shared by the engine bench and the load-time example.
use std::fmt::Write;

/// A valid scenario with `turns` turn nodes in a chain (each with line variants, a condition, meanings, three
/// options and free-text rules) and three endings.
pub fn generated_scenario(turns: usize) -> String {
    let mut s = String::with_capacity(turns * 1600);
    s.push_str(
        "Scenario(\n  id: \"generated\",\n  version: 1,\n  title: (fi: \"Generoitu\", en: \"Generated\"),\n  \
         summary: (fi: \"Suorituskykytesti.\", en: \"A performance test.\"),\n  module: \"counselling\",\n  \
         persona: Persona(name: \"Testi\", age: 50, situation: (fi: \"Testi.\", en: \"Test.\"), \
         service: (fi: \"OmaKanta\", en: \"OmaKanta\")),\n  goal: (fi: \"Loppuun.\", en: \"To the end.\"),\n  \
         start_state: (importance: 4, confidence: 4, discord: 1),\n  flags: [\"kuultu\"],\n  start: \"t0\",\n  nodes: [\n",
    );
    for i in 0..turns {
        let next = if i + 1 == turns { "hyva".to_owned() } else { format!("t{}", i + 1) };
        let _ = write!(
            s,
            "    Turn(\n      id: \"t{i}\",\n      lines: [\n        (text: (fi: \"Rivi {i} a\", en: \"Line {i} a\"), \
             talk: Sustain(Ability), meanings: [(id: \"m{i}\", side: Sustain, fi: [\"rivi\"], en: [\"line\"])]),\n        \
             (text: (fi: \"Rivi {i} b\", en: \"Line {i} b\"), talk: Change(Desire)),\n        \
             (text: (fi: \"Rivi {i} c\", en: \"Line {i} c\"), talk: Discord, when: \"discord >= 6 or (kuultu and turn > 3)\"),\n      ],\n      \
             options: [\n        (text: (fi: \"Heijastus {i}\", en: \"Reflection {i}\"), codes: [CR], feedback: (fi: \"Hyvä.\", en: \"Good.\"), set: [\"kuultu\"], next: \"{next}\"),\n        \
             (text: (fi: \"Kysymys {i}\", en: \"Question {i}\"), codes: [OQ], feedback: (fi: \"Hyvä.\", en: \"Good.\"), next: \"{next}\"),\n        \
             (text: (fi: \"Neuvo {i}\", en: \"Advice {i}\"), codes: [PER], feedback: (fi: \"Ei lupaa.\", en: \"No permission.\"), next: \"{}\"),\n      ],\n      \
             free_text: [(when: Reflected(\"m{i}\"), next: \"{next}\"), (when: AnyCode([PER, CON]), next: \"huono\"), (when: Otherwise, next: \"{next}\")],\n    ),\n",
            if i % 50 == 49 { "huono" } else { next.as_str() }
        );
    }
    for (id, outcome) in [("hyva", "NextStep"), ("huono", "Disengages"), ("kesken", "Postpones")] {
        let _ = writeln!(
            s,
            "    Ending(id: \"{id}\", outcome: {outcome}, lines: [(text: (fi: \"Loppu.\", en: \"The end.\"), talk: Neutral)]),"
        );
    }
    // `kesken` must be reachable: the first turn's question goes there.
    s = s.replacen("(text: (fi: \"Kysymys 0\", en: \"Question 0\"), codes: [OQ], feedback: (fi: \"Hyvä.\", en: \"Good.\"), next: \"t1\")", "(text: (fi: \"Kysymys 0\", en: \"Question 0\"), codes: [OQ], feedback: (fi: \"Hyvä.\", en: \"Good.\"), next: \"kesken\")", 1);
    s.push_str("  ],\n)\n");
    s
}
