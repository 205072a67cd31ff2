//! Mapping a translation file's rows back onto the scenario: which texts change, the rewritten RON source (only
//! the string literals of changed texts; a new language is inserted as `sv: "…"` inside the text's
//! parentheses), and the proof that the result loads to exactly the intended scenario.

use std::collections::HashMap;

use motivo_engine::{Diagnostic, Lang, Scenario, ValidateOptions};

use super::ron_tree::{self, Val, ValKind};
use super::table::{Cell, Located, Row, fingerprint};
use super::walk::{Entry, Seg, entries, source_text, text_mut};
use super::{SOURCE, lang_code, lang_from_code, msg, text_get, text_set};

/// One changed text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub lang: Lang,
    pub old: Option<String>,
    pub new: String,
    /// The line of the text in the scenario file (before the change).
    pub line: usize,
}

/// An import that can be written.
#[derive(Debug, Clone)]
pub struct Planned {
    pub changes: Vec<Change>,
    /// The new scenario source.
    pub text: String,
    pub rows: usize,
    /// Scenario texts no row mentions (left as they are).
    pub not_in_file: usize,
}

#[derive(Debug)]
pub enum Refused {
    /// Problems in the translation file.
    File(Vec<Located>),
    /// The changed scenario would not load: its errors, located in the changed text.
    Scenario { diagnostics: Vec<Diagnostic> },
    /// The rewrite did not give the intended scenario (a bug; nothing is written).
    Internal(String),
}

/// A RON string literal for `s`.
pub fn ron_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn resolve<'t>(root: &'t Val, text: &str, path: &[Seg]) -> Option<&'t Val> {
    let mut v = root;
    for s in path {
        v = match s {
            Seg::Field(f) => &v.field(text, f)?.value,
            Seg::Index(i) => v.item(*i)?,
        };
    }
    Some(v.unwrapped())
}

/// The edits (byte range → replacement) that give `entry` the values of `changes` in the source.
fn edits_for(
    source: &str,
    root: &Val,
    entry: &Entry,
    changes: &[&Change],
) -> Result<Vec<(usize, usize, String)>, String> {
    let not_found = || format!("the text `{}` was not found in the source", entry.id);
    let t = resolve(root, source, &entry.path).ok_or_else(not_found)?;
    let ValKind::Struct { fields } = &t.kind else { return Err(not_found()) };
    let mut edits = Vec::new();
    let mut inserts = String::new();
    // The indentation of a new line: that of the last key's line, when the text spans lines.
    let multiline = fields.first().is_some_and(|f| source[t.start..f.key.0].contains('\n'));
    let newline = if source.contains("\r\n") { "\r\n" } else { "\n" };
    let indent = fields.last().map_or("", |f| {
        let line_start = source[..f.key.0].rfind('\n').map_or(0, |k| k + 1);
        let ws = source[line_start..].len() - source[line_start..].trim_start().len();
        &source[line_start..line_start + ws]
    });
    for c in changes {
        let field = fields.iter().find(|f| lang_from_code(&source[f.key.0..f.key.1]) == Some(c.lang));
        match field {
            Some(f) => {
                let v = f.value.unwrapped();
                let lit = &source[v.start..v.end];
                // The literal found must be the text the model has: else the tree and the model disagree.
                if v.kind != ValKind::Str || ron::from_str::<String>(lit).ok().as_deref() != c.old.as_deref() {
                    return Err(not_found());
                }
                edits.push((v.start, v.end, ron_string(&c.new)));
            }
            None => {
                let sep = if multiline { format!(",{newline}{indent}") } else { ", ".to_owned() };
                let sep = if fields.is_empty() { String::new() } else { sep };
                inserts.push_str(&format!("{sep}{}: {}", lang_code(c.lang), ron_string(&c.new)));
            }
        }
    }
    if !inserts.is_empty() {
        let at = fields.last().map_or(t.start + 1, |f| f.value.end);
        edits.push((at, at, inserts));
    }
    Ok(edits)
}

/// Plans an import of `rows` (from the file of `format`) into the scenario `source` (which loaded as
/// `scenario`). Nothing is written here.
pub fn plan(source: &str, scenario: &Scenario, rows: &[Row], lang: Lang) -> Result<Planned, Refused> {
    let all = entries(scenario);
    let by_id: HashMap<&str, usize> = all.iter().enumerate().map(|(k, e)| (e.id.as_str(), k)).collect();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut changes: Vec<(usize, Change)> = Vec::new();
    for row in rows {
        let Some(id) = row.id.as_ref().filter(|c| !c.value.is_empty()) else {
            let at = row.cells.first().map(|c| c.1.at).unwrap_or_default();
            errors.push(Located { at, id: None, message: msg::row_without_id(lang) });
            continue;
        };
        let err = |message: String, at| Located { at, id: Some(id.value.clone()), message };
        let Some(&k) = by_id.get(id.value.as_str()) else {
            errors.push(err(msg::unknown_id(lang, &id.value), id.at));
            continue;
        };
        if let Some(first) = seen.get(&id.value) {
            errors.push(err(msg::duplicate_id(lang, &id.value, *first), id.at));
            continue;
        }
        seen.insert(id.value.clone(), id.at.line);
        let e = &all[k];
        if let Some(s) = row.speaker.as_ref().filter(|s| s.value != e.speaker.name()) {
            errors.push(err(msg::speaker_changed(lang, &id.value, &s.value, e.speaker.name()), s.at));
            continue;
        }
        if let Some(n) = row.notes.as_ref().filter(|n| n.value != e.notes) {
            errors.push(err(msg::notes_changed(lang, &id.value, &n.value, &e.notes), n.at));
            continue;
        }
        let now = source_text(e.text);
        // Stale: the source text changed since the export, unless the row's own source cell already says what the
        // scenario says now (the same file imported again after a change of the Finnish).
        let source_cell = row.cells.iter().find(|(l, _)| *l == SOURCE).map(|(_, c)| c.value.as_str());
        let stale = |c: &&Cell| c.value != fingerprint(now) && source_cell != Some(now);
        if let Some(c) = row.check.as_ref().filter(stale) {
            errors.push(err(msg::stale_check(lang, &id.value), c.at));
            continue;
        }
        // The XLIFF source is the Finnish text exactly ("" when the text has none).
        if let Some(s) = row.source.as_ref().filter(|s| s.value != text_get(e.text, SOURCE).unwrap_or("")) {
            errors.push(err(msg::stale_source(lang, &id.value), s.at));
            continue;
        }
        for (l, cell) in &row.cells {
            let old = text_get(e.text, *l);
            // An empty cell leaves the text as it is (it never removes a translation).
            if cell.value.is_empty() || old == Some(cell.value.as_str()) {
                continue;
            }
            let change = Change {
                id: id.value.clone(),
                lang: *l,
                old: old.map(str::to_owned),
                new: cell.value.clone(),
                line: 0,
            };
            changes.push((k, change));
        }
    }
    if !errors.is_empty() {
        return Err(Refused::File(errors));
    }
    let not_in_file = all.len() - seen.len();
    // The source, rewritten: per text, its changes in the order of the languages.
    changes.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.lang.cmp(&b.1.lang)));
    let root = ron_tree::parse(source).ok_or_else(|| Refused::Internal(msg::source_not_parsed(lang)))?;
    let mut edits = Vec::new();
    let mut expected = scenario.clone();
    let mut i = 0;
    while i < changes.len() {
        let k = changes[i].0;
        let group: Vec<&Change> = changes[i..].iter().take_while(|c| c.0 == k).map(|c| &c.1).collect();
        let n = group.len();
        edits.extend(edits_for(source, &root, &all[k], &group).map_err(Refused::Internal)?);
        let Some(t) = text_mut(&mut expected, &all[k].path) else {
            return Err(Refused::Internal(format!("no text at the path of `{}`", all[k].id)));
        };
        for c in &group {
            text_set(t, c.lang, c.new.clone());
        }
        i += n;
    }
    // Each change's line, from the literal it replaces (or where the new language goes).
    let starts: Vec<usize> = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
    let line_of = |at: usize| starts.partition_point(|&s| s <= at).max(1);
    let lines: Vec<usize> = changes
        .iter()
        .map(|(k, c)| {
            resolve(&root, source, &all[*k].path)
                .and_then(|t| {
                    let f = t.fields().iter().find(|f| lang_from_code(&source[f.key.0..f.key.1]) == Some(c.lang));
                    f.map(|f| f.key.0).or(Some(t.start))
                })
                .map_or(0, line_of)
        })
        .collect();
    edits.sort_by_key(|e| (e.0, e.1));
    let mut text = String::with_capacity(source.len() + 64);
    let mut at = 0;
    for (s, e, r) in &edits {
        if *s < at {
            return Err(Refused::Internal("overlapping edits".into()));
        }
        text.push_str(&source[at..*s]);
        text.push_str(r);
        at = *e;
    }
    text.push_str(&source[at..]);
    // The result must load, and to exactly the scenario with these texts changed.
    let loaded = motivo_engine::load_scenario(text.as_bytes(), &ValidateOptions::default());
    if loaded.has_errors() {
        let diagnostics = loaded.diagnostics.into_iter().filter(Diagnostic::is_error).collect();
        return Err(Refused::Scenario { diagnostics });
    }
    if loaded.value.as_ref() != Some(&expected) {
        return Err(Refused::Internal(msg::not_equal(lang)));
    }
    let changes = changes.into_iter().zip(lines).map(|((_, c), line)| Change { line, ..c }).collect::<Vec<_>>();
    Ok(Planned { changes, text, rows: rows.len(), not_in_file })
}

/// Every language the scenario's texts are given in, the source language first.
pub fn scenario_langs(scenario: &Scenario) -> Vec<Lang> {
    let mut langs = vec![SOURCE];
    for e in entries(scenario) {
        for l in super::text_langs(e.text) {
            if !langs.contains(&l) {
                langs.push(l);
            }
        }
    }
    langs[1..].sort();
    langs
}
