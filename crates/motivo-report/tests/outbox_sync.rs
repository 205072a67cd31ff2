//! The outbox and sync against a tiny LRS on 127.0.0.1 (real HTTP through the real transport): nothing is lost
//! or duplicated when the LRS fails, is unreachable, or answers after storing.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use motivo_report::http::{Transport, Ureq};
use motivo_report::{LrsConfig, Outbox, sync};
use motivo_store::FileBackend;
use serde_json::{Value, json};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("motivo-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn statement(n: usize) -> Value {
    json!({
        "id": format!("00000000-0000-4000-8000-{n:012}"),
        "actor": { "objectType": "Agent", "account": { "homePage": "https://x.invalid", "name": "l" } },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/responded", "display": { "en-US": "responded" } },
        "object": { "objectType": "Activity", "id": format!("https://x.invalid/a/{n}") },
    })
}

/// How the fake LRS behaves for the next request.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Ok,
    Fail500,
    /// Store the statements, then close the connection without answering (a lost answer).
    StoreThenDrop,
    /// 409 for batches with more than one statement; single ones are handled normally.
    ConflictOnBatch,
    Unauthorized,
}

#[derive(Default)]
struct Lrs {
    stored: BTreeMap<String, Value>,
    /// Times each id was written (must never exceed 1).
    writes: BTreeMap<String, usize>,
    requests: usize,
    auth_headers: Vec<String>,
    version_headers: Vec<String>,
}

struct Server {
    port: u16,
    lrs: Arc<Mutex<Lrs>>,
    modes: Arc<Mutex<Vec<Mode>>>,
}

/// Request line, lower-cased headers, body.
type Request = (String, Vec<(String, String)>, String);

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let mut r = BufReader::new(stream.try_clone().ok()?);
    let mut line = String::new();
    r.read_line(&mut line).ok()?;
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        r.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
    }
    let len: usize = headers.iter().find(|(k, _)| k == "content-length").map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some((line, headers, String::from_utf8(body).ok()?))
}

fn respond(stream: &mut TcpStream, status: u16, body: &str) {
    let text = format!(
        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(text.as_bytes());
}

impl Server {
    /// Serves until the test ends; `modes` are used in order, then `Ok`.
    fn start(modes: Vec<Mode>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let lrs = Arc::new(Mutex::new(Lrs::default()));
        let modes = Arc::new(Mutex::new(modes));
        let (l2, m2) = (lrs.clone(), modes.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let Some((line, headers, body)) = read_request(&mut stream) else { continue };
                let mode = {
                    let mut m = m2.lock().unwrap();
                    if m.is_empty() { Mode::Ok } else { m.remove(0) }
                };
                let mut lrs = l2.lock().unwrap();
                lrs.requests += 1;
                let header = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
                lrs.auth_headers.push(header("authorization").unwrap_or_default());
                lrs.version_headers.push(header("x-experience-api-version").unwrap_or_default());
                assert!(line.starts_with("POST /xAPI/statements "), "{line}");
                let batch: Vec<Value> = serde_json::from_str(&body).unwrap();
                match mode {
                    Mode::Fail500 => respond(&mut stream, 500, "{\"detail\":\"fail\"}"),
                    Mode::Unauthorized => respond(&mut stream, 401, "{}"),
                    Mode::ConflictOnBatch if batch.len() > 1 => respond(&mut stream, 409, "{}"),
                    _ => {
                        let mut new = Vec::new();
                        for s in &batch {
                            let id = s["id"].as_str().unwrap().to_owned();
                            if !lrs.stored.contains_key(&id) {
                                lrs.stored.insert(id.clone(), s.clone());
                                *lrs.writes.entry(id.clone()).or_default() += 1;
                                new.push(id);
                            }
                        }
                        if mode == Mode::StoreThenDrop {
                            drop(stream);
                        } else if new.is_empty() {
                            respond(&mut stream, 204, "");
                        } else {
                            respond(&mut stream, 200, &serde_json::to_string(&new).unwrap());
                        }
                    }
                }
            }
        });
        Server { port, lrs, modes }
    }

    fn config(&self) -> LrsConfig {
        let mut c = LrsConfig::new(
            &format!("http://127.0.0.1:{}/xAPI/", self.port),
            Some("tester".into()),
            Some("pa55-word".into()),
        )
        .unwrap();
        c.timeout = std::time::Duration::from_secs(3);
        c
    }

    fn assert_exactly_once(&self, ids: &[String]) {
        let lrs = self.lrs.lock().unwrap();
        for id in ids {
            assert_eq!(lrs.writes.get(id), Some(&1), "{id} stored exactly once");
        }
        assert_eq!(lrs.stored.len(), ids.len());
    }
}

fn outbox(name: &str) -> Outbox {
    Outbox::new(FileBackend::new(temp_dir(name)))
}

fn ids(n: std::ops::Range<usize>) -> Vec<String> {
    n.map(|i| statement(i)["id"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn enqueue_is_idempotent_and_durable() {
    let o = outbox("enqueue");
    let batch: Vec<Value> = (0..5).map(statement).collect();
    assert_eq!(o.enqueue(&batch).unwrap().0, 5);
    assert_eq!(o.enqueue(&batch).unwrap().0, 0);
    assert_eq!(o.enqueue(&[statement(4), statement(5)]).unwrap().0, 1);
    let again = Outbox::new(FileBackend::new(o.backend.dir()));
    let loaded = again.load().unwrap();
    assert_eq!(loaded.len(), 6);
    assert_eq!(loaded[5], statement(5));
    // No temporary files are left behind.
    let names: Vec<String> =
        std::fs::read_dir(o.backend.dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn a_damaged_outbox_is_kept_aside_not_lost() {
    let o = outbox("damaged");
    std::fs::write(o.backend.dir().join("outbox.json"), b"{\"schema\":1,\"statements\":[{\"id\":").unwrap();
    assert!(o.load().unwrap_err().to_string().contains("damaged"));
    let (added, notice) = o.enqueue(&[statement(1)]).unwrap();
    assert_eq!(added, 1);
    assert!(notice.unwrap().contains("outbox.corrupt-"));
    let aside: Vec<_> = std::fs::read_dir(o.backend.dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("outbox.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    // A newer outbox is never written.
    std::fs::write(o.backend.dir().join("outbox.json"), b"{\"schema\":99,\"statements\":[]}").unwrap();
    assert!(o.enqueue(&[statement(2)]).is_err());
    assert_eq!(std::fs::read(o.backend.dir().join("outbox.json")).unwrap(), b"{\"schema\":99,\"statements\":[]}");
}

#[test]
fn failing_then_working_lrs_delivers_each_statement_once() {
    let server = Server::start(vec![Mode::Fail500]);
    let o = outbox("fail500");
    o.enqueue(&(0..120).map(statement).collect::<Vec<_>>()).unwrap();
    let first = sync(&o, &server.config(), &Ureq).unwrap();
    assert_eq!((first.sent, first.kept), (0, 120));
    assert!(first.error.as_deref().unwrap().contains("HTTP 500"));
    assert_eq!(o.load().unwrap().len(), 120);
    let second = sync(&o, &server.config(), &Ureq).unwrap();
    assert_eq!((second.sent, second.already_there, second.kept), (120, 0, 0), "{second:?}");
    assert!(second.ok());
    assert!(o.load().unwrap().is_empty());
    server.assert_exactly_once(&ids(0..120));
    let lrs = server.lrs.lock().unwrap();
    assert!(lrs.version_headers.iter().all(|v| v == "1.0.3"));
    assert!(lrs.auth_headers.iter().all(|a| a == "Basic dGVzdGVyOnBhNTUtd29yZA=="));
    // Three batches of at most 50 (plus the failed first try).
    assert_eq!(lrs.requests, 4);
}

#[test]
fn unreachable_lrs_keeps_everything() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let o = outbox("refused");
    o.enqueue(&(0..3).map(statement).collect::<Vec<_>>()).unwrap();
    let c =
        LrsConfig::new(&format!("http://127.0.0.1:{port}/xAPI"), Some("u".into()), Some("pa55-word".into())).unwrap();
    let out = sync(&o, &c, &Ureq).unwrap();
    assert_eq!((out.sent, out.kept), (0, 3));
    let e = out.error.unwrap();
    assert!(e.contains("cannot reach") && !e.contains("pa55-word"), "{e}");
    assert_eq!(o.load().unwrap(), (0..3).map(statement).collect::<Vec<_>>());
}

#[test]
fn a_lost_answer_is_resent_without_duplicates() {
    let server = Server::start(vec![Mode::StoreThenDrop]);
    let o = outbox("lost");
    o.enqueue(&(0..4).map(statement).collect::<Vec<_>>()).unwrap();
    let first = sync(&o, &server.config(), &Ureq).unwrap();
    assert_eq!(first.kept, 4, "{first:?}");
    o.enqueue(&[statement(4)]).unwrap();
    let second = sync(&o, &server.config(), &Ureq).unwrap();
    assert_eq!((second.sent, second.already_there, second.kept), (1, 4, 0), "{second:?}");
    server.assert_exactly_once(&ids(0..5));
}

#[test]
fn a_conflicting_batch_is_sent_one_by_one() {
    let server = Server::start(vec![Mode::ConflictOnBatch]);
    let o = outbox("conflict");
    o.enqueue(&(0..3).map(statement).collect::<Vec<_>>()).unwrap();
    let out = sync(&o, &server.config(), &Ureq).unwrap();
    assert_eq!((out.sent, out.kept), (3, 0), "{out:?}");
    server.assert_exactly_once(&ids(0..3));
}

#[test]
fn refused_credentials_keep_everything_and_are_not_shown() {
    let server = Server::start(vec![Mode::Unauthorized]);
    let o = outbox("unauth");
    o.enqueue(&[statement(0)]).unwrap();
    let out = sync(&o, &server.config(), &Ureq).unwrap();
    assert_eq!(out.kept, 1);
    let e = out.error.unwrap();
    assert!(e.contains("401") && !e.contains("pa55-word"), "{e}");
    drop(server.modes);
}

/// Statements queued while a sync is sending stay queued.
#[test]
fn statements_queued_during_a_sync_are_kept() {
    struct Queues<'a>(&'a Outbox);
    impl Transport for Queues<'_> {
        fn post_statements(&self, _: &LrsConfig, body: &str) -> Result<(u16, String), String> {
            self.0.enqueue(&[statement(99)]).unwrap();
            let batch: Vec<Value> = serde_json::from_str(body).unwrap();
            let ids: Vec<&str> = batch.iter().map(|s| s["id"].as_str().unwrap()).collect();
            Ok((200, serde_json::to_string(&ids).unwrap()))
        }
    }
    let o = outbox("during");
    o.enqueue(&[statement(0), statement(1)]).unwrap();
    let c = LrsConfig::new("http://127.0.0.1:9/xAPI", None, None).unwrap();
    let out = sync(&o, &c, &Queues(&o)).unwrap();
    assert_eq!((out.sent, out.kept), (2, 1));
    assert_eq!(o.load().unwrap(), vec![statement(99)]);
}
