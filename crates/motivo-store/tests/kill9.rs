//! Kill -9 during saves: a child process saves progress in a tight loop and is killed with SIGKILL at random
//! moments, 1,000 times (`MOTIVO_KILL_ROUNDS` to change). After every kill the main progress file must read,
//! with no attempt lost that an earlier round had seen, and the store must carry on.
//!
//! The child is this same test binary, run again with `MOTIVO_KILL_CHILD_DIR` set (see `child_save_loop`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use motivo_course::progress::{self, Attempt, Progress, Reply};
use motivo_engine::model::Text;
use motivo_store::{FileBackend, MAIN, Store};

const CHILD_ENV: &str = "MOTIVO_KILL_CHILD_DIR";

fn attempt(uid: String) -> Attempt {
    let text = format!(
        "(id: 0, uid: \"{uid}\", scenario: \"etavastaanotto\", scenario_version: 1, seed: 42, \
         started: \"2026-11-22T22:00:00Z\", duration_ms: 123456, \
         summary: (finished: true, good_ending: true, level: fair, replies: 2, mi_consistent_replies: 2))"
    );
    let mut a: Attempt = ron::from_str(&text).expect("a valid attempt");
    // Replies and a report text make each attempt a realistic size.
    a.title = Text::new("Etävastaanotto", "Remote appointment");
    a.replies = vec![
        Reply {
            node: "alku".into(),
            option: Some(1),
            codes: vec!["CR".into()],
            mi_consistent: true,
            ..Default::default()
        },
        Reply {
            node: "kaksi".into(),
            text: Some("Kuulostaa siltä, että haluaisit kokeilla itse".into()),
            codes: vec!["CR".into(), "OQ".into()],
            mi_consistent: true,
            ..Default::default()
        },
    ];
    a.summary.relational = Some(4.0);
    a.summary.technical = Some(3.5);
    a.summary.outcome = Some("NextStep".into());
    a.report =
        Some("(scenario: \"etavastaanotto\", turns: [\"a report kept as text, a few hundred bytes\"])".repeat(3));
    a
}

/// One save as the child does it: load, keep the file bounded, add an attempt, save.
fn save_once(store: &Store<FileBackend>, uid: String) {
    let loaded = store.load().expect("load");
    assert!(loaded.problem.is_none(), "the child found a problem: {:?}", loaded.problem);
    let mut p = loaded.progress;
    if p.attempts.len() > 60 {
        let cut = p.attempts.len() - 40;
        p.attempts.drain(..cut);
    }
    p.add(attempt(uid));
    store.save(&p).expect("save");
}

/// The child: saves forever. Does nothing in a normal test run.
#[test]
fn child_save_loop() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else { return };
    let store = Store::new(FileBackend::new(PathBuf::from(dir)));
    let pid = std::process::id();
    println!("MOTIVO-READY");
    std::io::stdout().flush().unwrap();
    for n in 0u64.. {
        save_once(&store, format!("{pid}-{n}"));
    }
}

/// A small xorshift generator (no dependency; seeded from the clock, printed for reproduction).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn check(dir: &Path, last_id: &mut u64, round: usize) -> usize {
    let bytes = std::fs::read(dir.join(MAIN)).unwrap_or_else(|e| panic!("round {round}: no main file: {e}"));
    let text = std::str::from_utf8(&bytes).unwrap_or_else(|e| panic!("round {round}: not UTF-8: {e}"));
    let p: Progress = progress::decode(text).unwrap_or_else(|e| panic!("round {round}: unreadable: {e}"));
    let ids: Vec<u64> = p.attempts.iter().map(|a| a.id).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "round {round}: ids out of order");
    let newest = *ids.last().expect("attempts");
    assert!(newest >= *last_id, "round {round}: attempt {last_id} was lost (newest is {newest})");
    *last_id = newest;
    p.attempts.len()
}

#[test]
fn kill_9_during_saves_leaves_a_readable_file() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let rounds: usize = std::env::var("MOTIVO_KILL_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(1000);
    let dir = std::env::temp_dir().join(format!("motivo-kill9-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = Store::new(FileBackend::new(&dir));

    // Seed the file and measure how long one save takes, to spread the kills over whole saves.
    let t0 = Instant::now();
    for n in 0..50 {
        save_once(&store, format!("seed-{n}"));
    }
    let save_us = (t0.elapsed().as_micros() / 50).max(50) as u64;
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    println!("one save takes about {save_us} µs; kill delays up to {} µs; rng seed {seed}", 2 * save_us);
    let mut rng = Rng(seed);
    // The kill delay adapts: a fresh child's first save (lock, load, fsync) can take far longer than a warm one,
    // so the window grows after a round that saved nothing and shrinks after one that did. Kills then keep
    // landing both mid-save and between saves, whatever the machine's speed and load.
    let mut window_us = 2 * save_us;

    let exe = std::env::current_exe().unwrap();
    let mut last_id = 0;
    let (mut mid_write, mut progressed, mut previous_len) = (0, 0, 0);
    let started = Instant::now();
    for round in 0..rounds {
        let mut child = Command::new(&exe)
            .args(["--exact", "child_save_loop", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn the child");
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while out.read_line(&mut line).unwrap() > 0 && !line.contains("MOTIVO-READY") {
            line.clear();
        }
        assert!(line.contains("MOTIVO-READY"), "round {round}: the child did not start");
        std::thread::sleep(Duration::from_micros(rng.next() % window_us.max(1)));
        child.kill().expect("SIGKILL"); // std sends SIGKILL on Unix
        child.wait().unwrap();

        if dir.join(".progress.ron.tmp").exists() || dir.join(".progress.prev.ron.tmp").exists() {
            mid_write += 1;
        }
        let before = last_id;
        let len = check(&dir, &mut last_id, round);
        if last_id > before || len != previous_len {
            progressed += 1;
            window_us = (window_us * 9 / 10).max(save_us / 2);
        } else {
            window_us = (window_us * 6 / 5).min(200_000);
        }
        previous_len = len;
    }
    let elapsed = started.elapsed();
    println!(
        "{rounds} kills in {:.1} s: the file read every time; {progressed} rounds saved something, \
         {mid_write} kills left a temporary file (killed mid-save); newest attempt {last_id}",
        elapsed.as_secs_f64()
    );
    // The test only means something if kills landed during saves and saves went on between kills.
    assert!(progressed * 10 >= rounds, "too few rounds saved anything ({progressed})");
    assert!(mid_write >= 1 || rounds < 100, "no kill landed mid-save");
    // And the store still works normally afterwards (temporary leftovers are replaced).
    save_once(&store, "after".into());
    check(&dir, &mut last_id, rounds);
    std::fs::remove_dir_all(&dir).unwrap();
}
