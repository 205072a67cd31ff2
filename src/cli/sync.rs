//! `motivo sync`: sends the queued xAPI statements to the configured learning record store, after queuing the
//! statements of recorded attempts that have none (`motivo_report::catch_up`). Plays queue their own statements
//! when they are recorded (`motivo_report::record_play`), never using the network. See `docs/xapi.md`.

use std::process::ExitCode;

use motivo_report::http::Ureq;
use motivo_report::outbox::OUTBOX;
use motivo_report::{Outbox, Settings, SyncOutcome};
use motivo_store::{Backend, FileBackend};
use serde_json::json;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Print what happened as JSON.
    #[arg(long)]
    pub json: bool,
    /// Put this name in statements queued from now on (by default statements carry only a random learner id).
    #[arg(long, value_name = "NAME", conflicts_with = "no_name")]
    pub name: Option<String>,
    /// Stop putting a name in statements queued from now on.
    #[arg(long)]
    pub no_name: bool,
}

fn backend() -> Result<FileBackend, String> {
    FileBackend::default_location().map_err(|e| e.to_string())
}

fn print_outcome(args: &Args, endpoint: &str, o: &SyncOutcome) {
    if args.json {
        let mut v = serde_json::to_value(o).expect("plain data");
        v["configured"] = json!(true);
        v["endpoint"] = json!(endpoint);
        println!("{}", serde_json::to_string_pretty(&v).expect("plain data"));
        return;
    }
    println!(
        "LRS {endpoint}: {} sent, {} already there, {} kept in the queue{}.",
        o.sent,
        o.already_there,
        o.kept,
        if o.rejected > 0 { format!(" ({} refused as invalid)", o.rejected) } else { String::new() }
    );
    if let Some(e) = &o.error {
        println!("Not everything was sent: {e}. Nothing was lost: run `motivo sync` again later.");
    }
}

pub fn run(args: Args) -> ExitCode {
    let fail = |e: String| {
        eprintln!("motivo sync: {e}");
        ExitCode::from(2)
    };
    let backend = match backend() {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    let mut settings = match Settings::ensure(&backend) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    if args.name.is_some() || args.no_name {
        settings.name = args.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_owned);
        let saved = backend.locked(|| {
            let mut on_disk = Settings::load(&backend)?;
            on_disk.name = settings.name.clone();
            on_disk.save(&backend)
        });
        match saved {
            Ok(Ok(())) => eprintln!(
                "{}",
                match &settings.name {
                    Some(_) => "The name is saved: statements queued from now on carry it.",
                    None => "Statements queued from now on carry only the random learner id.",
                }
            ),
            Ok(Err(e)) => return fail(e),
            Err(e) => return fail(e.to_string()),
        }
    }
    let outbox = Outbox::new(backend.clone());
    let lrs = match settings.lrs() {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let Some(lrs) = lrs else {
        // Not configured: no network use at all.
        let queued = match outbox.load() {
            Ok(q) => q.len(),
            Err(e) => return fail(e.to_string()),
        };
        if args.json {
            let v = json!({ "configured": false, "queued": queued });
            println!("{}", serde_json::to_string_pretty(&v).expect("plain data"));
        } else {
            println!(
                "No learning record store is configured (set MOTIVO_LRS_ENDPOINT, MOTIVO_LRS_USER and \
                 MOTIVO_LRS_PASSWORD); {queued} statements wait in {}.",
                backend.describe(OUTBOX)
            );
        }
        return ExitCode::SUCCESS;
    };
    // First make the queue whole from the progress: attempts recorded but never queued (a play killed between
    // recording and queuing, plays from before the LRS was configured) are rebuilt and queued.
    let progress = motivo_store::Store::new(backend.clone()).load().map(|l| l.progress).unwrap_or_default();
    match motivo_report::catch_up(&outbox, &settings, &progress) {
        Ok(c) if c.attempts > 0 || c.not_rebuilt > 0 => eprintln!(
            "{} earlier attempt(s) queued from the progress ({} statements){}.",
            c.attempts,
            c.added,
            if c.not_rebuilt > 0 { format!("; {} could not be rebuilt", c.not_rebuilt) } else { String::new() }
        ),
        Ok(_) => {}
        Err(e) => return fail(e.to_string()),
    }
    match motivo_report::sync(&outbox, &lrs, &Ureq) {
        Ok(o) => {
            print_outcome(&args, lrs.endpoint_for_display(), &o);
            if o.ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(e) => fail(lrs.redact(&e.to_string())),
    }
}
