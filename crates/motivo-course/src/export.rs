//! The CSV export of attempts and the printable course certificate (HTML), as pure string builders.

use super::load::KnownScenario;
use super::mastery::{Overview, scenario_passes};
use super::progress::Progress;
use super::time::Timestamp;
use super::{Course, PassRule};
use motivo_engine::model::Lang;
use motivo_engine::msg;

/// One CSV field's text, with a leading `'` on text that a spreadsheet would run as a formula (the `csv` crate
/// does the RFC 4180 quoting).
fn field(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn num(x: Option<f32>) -> String {
    x.map_or_else(String::new, |v| format!("{v:.2}"))
}

/// The CSV header.
pub const CSV_COLUMNS: &[&str] = &[
    "attempt",
    "started_utc",
    "duration_s",
    "scenario",
    "scenario_version",
    "title",
    "module",
    "lang",
    "seed",
    "replies",
    "finished",
    "outcome",
    "good_ending",
    "miti_level",
    "relational",
    "technical",
    "r_q",
    "pct_cr",
    "change_talk_pct",
    "ethics_problems",
    "passed",
];

/// Every attempt as CSV (comma-separated, UTF-8, CRLF line ends, a header row). `passed` applies the course's
/// current rules (the attempt's module's rule, or the course's).
pub fn csv(progress: &Progress, course: &Course, known: &[KnownScenario], lang: Lang) -> String {
    // Writing to memory cannot fail, and every field is UTF-8 text.
    const MEMORY: &str = "CSV is written to memory";
    let mut out = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    out.write_record(CSV_COLUMNS).expect(MEMORY);
    for a in &progress.attempts {
        let module = course.modules.iter().find(|m| m.all_scenarios().contains(&a.scenario));
        let default_rule = PassRule::default();
        let rule = module
            .map_or(if course.modules.is_empty() { &default_rule } else { &course.pass }, |m| m.pass_rule(course));
        let current = known.iter().find(|k| k.id == a.scenario).map(|k| k.version);
        let passed = scenario_passes(a, rule, current).is_empty();
        let s = &a.summary;
        let row = [
            a.id.to_string(),
            a.started.rfc3339(),
            format!("{:.1}", a.duration_ms as f64 / 1000.0),
            a.scenario.clone(),
            a.scenario_version.to_string(),
            a.title(lang),
            module.map_or_else(|| a.module.clone(), |m| m.id.clone()),
            a.lang.code().to_owned(),
            a.seed.to_string(),
            s.replies.to_string(),
            s.finished.to_string(),
            s.outcome.clone().unwrap_or_default(),
            s.good_ending.to_string(),
            format!("{:?}", s.level).to_lowercase().replace("belowfair", "below_fair"),
            num(s.relational),
            num(s.technical),
            num(s.r_q),
            num(s.pct_cr),
            num(s.change_talk_pct),
            s.ethics.join(" "),
            passed.to_string(),
        ];
        out.write_record(row.iter().map(|f| field(f))).expect(MEMORY);
    }
    String::from_utf8(out.into_inner().expect(MEMORY)).expect(MEMORY)
}

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A date as the language writes it: its catalogue's `date-style` is `dmy` (5.12.2026) or `iso` (2026-12-05).
fn date(t: Timestamp, lang: Lang) -> String {
    if msg!("date-style").text(lang) == "dmy" { t.date_fi() } else { t.date() }
}

/// There is no certificate: the course is not complete. The text says so to the learner, with the reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotComplete(pub String);

impl std::fmt::Display for NotComplete {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotComplete {}

/// The printable certificate of a complete course, as a self-contained HTML page. An error (for the learner)
/// when the course is not complete.
pub fn certificate_html(
    overview: &Overview,
    learner: Option<&str>,
    lang: Lang,
    issued: Timestamp,
) -> Result<String, NotComplete> {
    if !overview.complete {
        let why: Vec<String> = overview.why_not.iter().map(|r| r.text(lang)).collect();
        return Err(NotComplete(msg!("certificate-not-complete", why = why.join(" ")).text(lang)));
    }
    let e = |s: &str| html_escape(s);
    let title = e(overview.title.get(lang));
    let completed = overview.completed_at.map(|t| date(t, lang)).unwrap_or_default();
    let mut rows = String::new();
    for m in &overview.modules {
        let when = m.mastered_at.map(|t| date(t, lang)).unwrap_or_else(|| "–".into());
        let scenarios: Vec<String> = m
            .scenarios
            .iter()
            .filter(|s| s.passed)
            .map(|s| e(if s.title.is_blank() { &s.id } else { s.title.get(lang) }))
            .collect();
        rows.push_str(&format!(
            "<tr><td><strong>{}</strong><br>{}</td><td>{}</td><td class=\"date\">{}</td></tr>\n",
            e(m.title.get(lang)),
            e(m.outcome.get(lang)),
            scenarios.join("<br>"),
            e(&when)
        ));
    }
    let t = |m: motivo_engine::i18n::Msg| html_escape(&m.text(lang));
    let (h_cert, h_outcome, h_practised, h_date) = (
        t(msg!("certificate-title")),
        t(msg!("certificate-outcome")),
        t(msg!("certificate-practised")),
        t(msg!("certificate-date")),
    );
    let (completed_label, issued_label, name_line, footer) = (
        t(msg!("certificate-completed")),
        t(msg!("certificate-issued")),
        t(msg!("certificate-name-line")),
        t(msg!("certificate-footer")),
    );
    let who = learner.map(str::trim).filter(|n| !n.is_empty()).map(e);
    let who_html = match who {
        Some(n) => format!("<p class=\"name\">{n}</p>\n<p>{name_line}</p>"),
        None => format!("<p>{}</p>", t(msg!("certificate-anonymous"))),
    };
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{h_cert}: {title}</title>
<style>
  @page {{ size: A4; margin: 18mm; }}
  body {{ font-family: Georgia, "Times New Roman", serif; color: #222; max-width: 800px; margin: 2em auto; }}
  h1 {{ text-align: center; letter-spacing: 0.1em; text-transform: uppercase; font-size: 1.6em; }}
  h2 {{ text-align: center; font-size: 1.4em; }}
  p {{ text-align: center; }}
  .name {{ font-size: 1.5em; font-weight: bold; margin: 0.6em 0 0.2em; }}
  table {{ width: 100%; border-collapse: collapse; margin: 1.5em 0; font-size: 0.95em; }}
  th, td {{ border-bottom: 1px solid #999; padding: 0.5em; text-align: left; vertical-align: top; }}
  td.date {{ white-space: nowrap; }}
  .meta {{ margin-top: 1.5em; }}
  .footer {{ font-size: 0.8em; color: #555; margin-top: 2em; }}
</style>
</head>
<body>
<h1>{h_cert}</h1>
{who_html}
<h2>{title}</h2>
<table>
<thead><tr><th>{h_outcome}</th><th>{h_practised}</th><th>{h_date}</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
<p class="meta">{completed_label}: <strong>{completed}</strong> · {issued_label}: {issued} · {course} v{version}</p>
<p class="footer">{footer}</p>
</body>
</html>
"#,
        lang = lang.code(),
        issued = date(issued, lang),
        course = e(&overview.course),
        version = overview.course_version,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{KnownScenario, load_course};
    use crate::mastery::overview;
    use crate::progress::tests::attempt;
    use motivo_engine::scoring::Level;

    fn setup() -> (Course, Vec<KnownScenario>) {
        let known = vec![KnownScenario::new("a1", "one")];
        let text = "Course(id: \"c\", version: 2, title: (fi: \"Kurssi <b>\", en: \"Course\"), modules: [
            (id: \"one\", title: (fi: \"Etiikka\", en: \"Ethics\"), outcome: (fi: \"Osaat toimia\", en: \"You can act\")),
        ])";
        (load_course(text.as_bytes(), &known).ok().unwrap(), known)
    }

    #[test]
    fn csv_quotes_and_protects() {
        let (c, known) = setup();
        let mut p = Progress::default();
        let mut a = attempt("a1", 1_800_000_000, Level::Fair, true, 0);
        a.title = motivo_engine::model::Text::new("=HYPERLINK(\"x\"), ok", "t");
        p.add(a);
        p.add(attempt("a1", 1_800_000_100, Level::BelowFair, true, 0));
        let csv = csv(&p, &c, &known, Lang::Fi);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0].split(',').count(), CSV_COLUMNS.len());
        assert!(lines[1].contains("\"'=HYPERLINK(\"\"x\"\"), ok\""), "{}", lines[1]);
        assert!(lines[1].ends_with(",fair,4.00,3.50,1.50,50.00,,,true"), "{}", lines[1]);
        assert!(lines[2].ends_with(",false"), "{}", lines[2]);
        assert!(lines[2].contains(",below_fair,"));
        assert_eq!(lines.len(), 4);
    }

    #[test]
    fn certificate_only_when_complete() {
        let (c, known) = setup();
        let mut p = Progress::default();
        p.add(attempt("a1", 1_800_000_000, Level::BelowFair, true, 0));
        let o = overview(&c, &known, &p);
        let err = certificate_html(&o, Some("Maija"), Lang::Fi, Timestamp(1_800_000_500)).unwrap_err();
        assert!(err.0.contains("ei ole vielä suoritettu"), "{err}");
        p.add(attempt("a1", 1_800_086_400, Level::Good, true, 0));
        let o = overview(&c, &known, &p);
        let html = certificate_html(&o, Some("Maija <Meikäläinen>"), Lang::Fi, Timestamp(1_800_100_000)).unwrap();
        assert!(html.contains("Maija &lt;Meikäläinen&gt;"));
        assert!(html.contains("Kurssi &lt;b&gt;"));
        assert!(html.contains("Osaat toimia"));
        assert!(html.contains("16.1.2027"), "mastery date");
        let en = certificate_html(&o, None, Lang::En, Timestamp(1_800_100_000)).unwrap();
        assert!(en.contains("You can act") && en.contains("2027-01-16"));
    }
}
