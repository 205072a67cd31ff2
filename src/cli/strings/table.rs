//! The translator's files: CSV (one row per text, one column per language) and XLIFF 2.0 (Finnish source, one
//! target language per file), written from the scenario's texts and read back with the position of every cell.

use motivo_engine::Lang;

use super::{SOURCE, lang_code, lang_from_code, msg};

/// A 1-based line and column in a translation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

/// A value read from the file and where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub value: String,
    pub at: Pos,
}

/// One text as read back: its id, the read-only columns (when the file has them) and its language cells.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub id: Option<Cell>,
    pub speaker: Option<Cell>,
    pub notes: Option<Cell>,
    /// The CSV `check` column: a fingerprint of the source text when the file was exported.
    pub check: Option<Cell>,
    /// The XLIFF `<source>`: the source text when the file was exported.
    pub source: Option<Cell>,
    pub cells: Vec<(Lang, Cell)>,
}

/// A problem in a translation file, at a position, maybe about one id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub at: Pos,
    pub id: Option<String>,
    pub message: String,
}

/// One text to write out.
#[derive(Debug, Clone)]
pub struct OutRow {
    pub id: String,
    pub speaker: &'static str,
    pub context: String,
    pub notes: String,
    pub check: String,
    /// Per language of the header, in order.
    pub texts: Vec<Option<String>>,
}

/// The stable fingerprint of a source text (FNV-1a, 32 bits, as 8 hex digits): a text changed in the scenario
/// since the export no longer matches the row's `check`.
pub fn fingerprint(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

const FIXED: [&str; 5] = ["id", "speaker", "context", "notes", "check"];

// ---------------------------------------------------------------- CSV

pub fn write_csv(langs: &[Lang], rows: &[OutRow]) -> Result<String, String> {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let mut header: Vec<String> = vec!["id".into(), "speaker".into(), "context".into()];
    header.extend(langs.iter().map(|l| lang_code(*l)));
    header.extend(["notes".into(), "check".into()]);
    w.write_record(&header).map_err(|e| e.to_string())?;
    for r in rows {
        let mut rec: Vec<&str> = vec![&r.id, r.speaker, &r.context];
        rec.extend(r.texts.iter().map(|t| t.as_deref().unwrap_or("")));
        rec.extend([r.notes.as_str(), r.check.as_str()]);
        w.write_record(&rec).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Line starts of a text, to turn byte offsets into lines and columns.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    fn pos(&self, at: usize) -> Pos {
        let at = at.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= at).max(1);
        let start = self.starts[line - 1];
        let column = self.text.get(start..at).map_or(1, |s| s.chars().count() + 1);
        Pos { line, column }
    }

    /// The position of field `field` of the CSV record that starts at byte `record`.
    fn field(&self, record: usize, field: usize, delim: u8) -> Pos {
        let b = self.text.as_bytes();
        let (mut i, mut k, mut quoted) = (record, 0, false);
        // The reader may place a record after the `\r` of the line end before it.
        while matches!(b.get(i), Some(b'\r') | Some(b'\n')) {
            i += 1;
        }
        while k < field && i < b.len() {
            match b[i] {
                b'"' if quoted && b.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => quoted = !quoted,
                c if c == delim && !quoted => k += 1,
                _ => {}
            }
            i += 1;
        }
        while !self.text.is_char_boundary(i.min(b.len())) {
            i += 1;
        }
        self.pos(i)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Fixed(usize),
    Lang(Lang),
}

/// Reads a CSV file back. Commas or (as a spreadsheet in a Finnish locale saves) semicolons; a UTF-8 byte-order
/// mark is skipped.
pub fn read_csv(text: &str, lang: Lang) -> Result<Vec<Row>, Vec<Located>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines = Lines::new(text);
    let first = text.lines().next().unwrap_or("");
    let delim = if !first.contains(',') && first.contains(';') { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delim).has_headers(true).from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| {
        // The reader knows the record's line, not the column of the problem.
        let at = Pos { line: e.position().map_or(1, |p| p.line() as usize), column: 1 };
        Located { at, id: None, message: msg::csv_error(lang, &e.to_string()) }
    };
    let header = reader.headers().map_err(|e| vec![csv_error(e)])?.clone();
    let mut errors = Vec::new();
    let mut cols = Vec::new();
    for (k, h) in header.iter().enumerate() {
        let at = lines.field(0, k, delim);
        let name = h.trim().to_ascii_lowercase();
        let col = match FIXED.iter().position(|f| *f == name) {
            Some(f) => Some(Col::Fixed(f)),
            None => lang_from_code(&name).map(Col::Lang),
        };
        match col {
            Some(c) if cols.contains(&c) => {
                errors.push(Located { at, id: None, message: msg::duplicate_column(lang, h) });
            }
            Some(c) => cols.push(c),
            None => errors.push(Located { at, id: None, message: msg::unknown_column(lang, h) }),
        }
    }
    // `id` and `check` are required; speaker, context and notes are checked when present.
    for f in [0, 4] {
        if !cols.contains(&Col::Fixed(f)) {
            errors.push(Located {
                at: Pos { line: 1, column: 1 },
                id: None,
                message: msg::missing_column(lang, FIXED[f]),
            });
        }
    }
    if !cols.iter().any(|c| matches!(c, Col::Lang(_))) {
        errors.push(Located { at: Pos { line: 1, column: 1 }, id: None, message: msg::no_language_column(lang) });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(e));
                // A broken record (unequal lengths, bad UTF-8) is reported; the reader goes on with the next.
                continue;
            }
        };
        let start = rec.position().map_or(0, |p| p.byte() as usize);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut row = Row::default();
        for (k, value) in rec.iter().enumerate() {
            let cell = Cell { value: value.to_owned(), at: lines.field(start, k, delim) };
            match cols[k] {
                Col::Fixed(0) => row.id = Some(Cell { value: value.trim().to_owned(), ..cell }),
                Col::Fixed(1) => row.speaker = Some(Cell { value: value.trim().to_owned(), ..cell }),
                Col::Fixed(3) => row.notes = Some(cell),
                Col::Fixed(4) => row.check = Some(Cell { value: value.trim().to_owned(), ..cell }),
                Col::Fixed(_) => {}
                Col::Lang(l) => row.cells.push((l, cell)),
            }
        }
        rows.push(row);
    }
    if errors.is_empty() { Ok(rows) } else { Err(errors) }
}

// ---------------------------------------------------------------- XLIFF 2.0

/// Escapes text for XML content and attribute values; `None` when it has a character XML 1.0 cannot carry.
fn xml_escape(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// One XLIFF 2.0 file: source = Finnish, target = `target` (the column of `target` in `langs`). The stable id of
/// a text is the unit's `name` (XLIFF ids may not hold `/`), speaker, context and notes are `<note>`s.
pub fn write_xliff(
    scenario_id: &str,
    target: Lang,
    langs: &[Lang],
    rows: &[OutRow],
    lang: Lang,
) -> Result<String, String> {
    let src_col = langs.iter().position(|l| *l == SOURCE);
    let trg_col = langs.iter().position(|l| *l == target);
    let esc = |s: &str, id: &str| xml_escape(s).ok_or_else(|| msg::not_xml(lang, id));
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{XLIFF_NS}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        lang_code(SOURCE),
        lang_code(target)
    ));
    out.push_str(&format!("  <file id=\"f1\" original=\"{}\">\n", esc(scenario_id, scenario_id)?));
    for (k, r) in rows.iter().enumerate() {
        let id = &r.id;
        let get = |c: Option<usize>| c.and_then(|c| r.texts.get(c)).and_then(|t| t.clone()).unwrap_or_default();
        let (source, target) = (get(src_col), get(trg_col));
        out.push_str(&format!("    <unit id=\"u{}\" name=\"{}\">\n      <notes>\n", k + 1, esc(id, id)?));
        out.push_str(&format!("        <note category=\"speaker\">{}</note>\n", r.speaker));
        for (cat, v) in [("context", &r.context), ("notes", &r.notes)] {
            if !v.is_empty() {
                out.push_str(&format!("        <note category=\"{cat}\">{}</note>\n", esc(v, id)?));
            }
        }
        let state = if target.is_empty() { "initial" } else { "translated" };
        out.push_str(&format!("      </notes>\n      <segment state=\"{state}\">\n"));
        out.push_str(&format!("        <source xml:space=\"preserve\">{}</source>\n", esc(&source, id)?));
        out.push_str(&format!("        <target xml:space=\"preserve\">{}</target>\n", esc(&target, id)?));
        out.push_str("      </segment>\n    </unit>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    Ok(out)
}

/// What the reader is collecting the characters of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    None,
    Note(u8),
    Source,
    Target,
}

/// Reads an XLIFF 2.0 file written by [`write_xliff`] (or edited by a translation tool): the rows, and the
/// target language.
pub fn read_xliff(text: &str, lang: Lang) -> Result<(Lang, Vec<Row>), Vec<Located>> {
    use xml::common::Position;
    use xml::reader::{ParserConfig, XmlEvent};
    let config = ParserConfig::new()
        .trim_whitespace(false)
        .whitespace_to_characters(true)
        .cdata_to_characters(true)
        .ignore_comments(true);
    let mut reader = config.create_reader(text.as_bytes());
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let mut target: Option<Lang> = None;
    let mut row: Option<Row> = None;
    let mut segments = 0usize;
    let mut capture = Capture::None;
    let mut buf = String::new();
    let mut buf_at = Pos::default();
    let mut seen_root = false;
    loop {
        let ev = reader.next();
        let p = reader.position();
        let at = Pos { line: p.row as usize + 1, column: p.column as usize + 1 };
        let ev = match ev {
            Ok(ev) => ev,
            Err(e) => {
                let p = e.position();
                let at = Pos { line: p.row as usize + 1, column: p.column as usize + 1 };
                errors.push(Located { at, id: None, message: msg::xml_error(lang, e.msg()) });
                return Err(errors);
            }
        };
        let id_of = |row: &Option<Row>| row.as_ref().and_then(|r| r.id.as_ref()).map(|c| c.value.clone());
        match ev {
            XmlEvent::StartElement { name, attributes, .. } => {
                let attr = |n: &str| {
                    attributes
                        .iter()
                        .find(|a| a.name.local_name == n && a.name.prefix.is_none())
                        .map(|a| a.value.clone())
                };
                if capture == Capture::Source || capture == Capture::Target {
                    errors.push(Located { at, id: id_of(&row), message: msg::inline_markup(lang, &name.local_name) });
                    continue;
                }
                if name.namespace.as_deref() != Some(XLIFF_NS) {
                    continue;
                }
                match name.local_name.as_str() {
                    "xliff" => {
                        seen_root = true;
                        if attr("version").as_deref() != Some("2.0") {
                            errors.push(Located { at, id: None, message: msg::xliff_version(lang) });
                            return Err(errors);
                        }
                        if attr("srcLang").as_deref().and_then(lang_from_code) != Some(SOURCE) {
                            errors.push(Located { at, id: None, message: msg::xliff_source_lang(lang) });
                        }
                        match attr("trgLang").as_deref().map(|t| (t.to_owned(), lang_from_code(t))) {
                            Some((_, Some(t))) if t != SOURCE => target = Some(t),
                            Some((t, _)) => {
                                errors.push(Located { at, id: None, message: msg::unknown_column(lang, &t) })
                            }
                            None => errors.push(Located { at, id: None, message: msg::xliff_no_target(lang) }),
                        }
                        if !errors.is_empty() {
                            return Err(errors);
                        }
                    }
                    "unit" => {
                        segments = 0;
                        match attr("name") {
                            Some(n) => row = Some(Row { id: Some(Cell { value: n, at }), ..Row::default() }),
                            None => {
                                errors.push(Located { at, id: None, message: msg::unit_without_name(lang) });
                                row = None;
                            }
                        }
                    }
                    "note" if row.is_some() => {
                        capture = match attr("category").as_deref() {
                            Some("speaker") => Capture::Note(0),
                            Some("notes") => Capture::Note(1),
                            _ => Capture::None,
                        };
                        buf.clear();
                        buf_at = at;
                    }
                    "segment" if row.is_some() => {
                        segments += 1;
                        if segments == 2 {
                            errors.push(Located { at, id: id_of(&row), message: msg::several_segments(lang) });
                        }
                    }
                    "source" if row.is_some() => {
                        capture = Capture::Source;
                        buf.clear();
                        buf_at = at;
                    }
                    "target" if row.is_some() => {
                        capture = Capture::Target;
                        buf.clear();
                        buf_at = at;
                    }
                    _ => {}
                }
            }
            XmlEvent::Characters(s) if capture != Capture::None => buf.push_str(&s),
            XmlEvent::EndElement { name } => {
                if name.namespace.as_deref() != Some(XLIFF_NS) {
                    continue;
                }
                let cell = Cell { value: std::mem::take(&mut buf), at: buf_at };
                match (name.local_name.as_str(), row.as_mut()) {
                    ("note", Some(r)) => {
                        match capture {
                            Capture::Note(0) => r.speaker = Some(Cell { value: cell.value.trim().to_owned(), ..cell }),
                            Capture::Note(_) => r.notes = Some(cell),
                            _ => {}
                        }
                        capture = Capture::None;
                    }
                    ("source", Some(r)) => {
                        r.source = Some(cell);
                        capture = Capture::None;
                    }
                    ("target", Some(r)) => {
                        if let Some(t) = target {
                            r.cells.push((t, cell));
                        }
                        capture = Capture::None;
                    }
                    ("unit", _) => {
                        if let Some(r) = row.take() {
                            rows.push(r);
                        }
                    }
                    _ => {}
                }
            }
            XmlEvent::EndDocument => break,
            _ => {}
        }
    }
    if !seen_root {
        errors.push(Located { at: Pos { line: 1, column: 1 }, id: None, message: msg::xliff_version(lang) });
    }
    match target {
        Some(t) if errors.is_empty() => Ok((t, rows)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out_row(id: &str, fi: &str, en: Option<&str>) -> OutRow {
        OutRow {
            id: id.into(),
            speaker: "client",
            context: "a, \"b\"\nc".into(),
            notes: "codes: CR".into(),
            check: fingerprint(fi),
            texts: vec![Some(fi.into()), en.map(Into::into)],
        }
    }

    #[test]
    fn csv_round_trips_quotes_newlines_and_positions() {
        let langs = [Lang::Fi, Lang::En];
        let rows = [out_row("t/line/1", "Sano \"moi\", ja\nsitten <ei>", Some("Say hi")), out_row("x", "ä", None)];
        let text = write_csv(&langs, &rows).unwrap();
        let back = read_csv(&text, Lang::En).unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].id.as_ref().unwrap().value, "t/line/1");
        assert_eq!(
            back[0].cells[0],
            (Lang::Fi, Cell { value: rows[0].texts[0].clone().unwrap(), at: back[0].cells[0].1.at })
        );
        assert_eq!(back[1].cells[1].1.value, "");
        assert_eq!(back[0].check.as_ref().unwrap().value, fingerprint("Sano \"moi\", ja\nsitten <ei>"));
        // Row 2 starts after the header line and the two lines of row 1 (the context has a newline too).
        let id2 = back[1].id.as_ref().unwrap().at;
        assert_eq!(id2, Pos { line: 5, column: 1 });
        // The fi cell of row 2: after `x,client,"a, ""b""` + newline + `c",` on line 6.
        assert_eq!(back[1].cells[0].1.at, Pos { line: 6, column: 4 });
    }

    #[test]
    fn csv_with_semicolons_and_a_bom_reads_too() {
        let text = "\u{feff}id;check;fi;en\r\ntitle;abc;Otsikko;Title\r\n";
        let rows = read_csv(text, Lang::En).unwrap();
        assert_eq!(rows[0].cells[1], (Lang::En, Cell { value: "Title".into(), at: Pos { line: 2, column: 19 } }));
    }

    #[test]
    fn csv_header_problems_are_located() {
        let e = read_csv("id,fi,klingon\n", Lang::En).unwrap_err();
        assert!(e.iter().any(|l| l.at == Pos { line: 1, column: 7 } && l.message.contains("klingon")), "{e:?}");
        assert!(e.iter().any(|l| l.message.contains("`check`")), "{e:?}");
        let e = read_csv("id,check,fi\na,b\n", Lang::En).unwrap_err();
        assert_eq!(e[0].at.line, 2, "{e:?}");
    }

    #[test]
    fn xliff_round_trips_and_locates() {
        let langs = [Lang::Fi, Lang::En];
        let rows = [out_row("alku/option/#1/text", "A & <b> \"c\"\r\n", Some("")), out_row("b", "x", Some("y"))];
        let text = write_xliff("demo", Lang::En, &langs, &rows, Lang::En).unwrap();
        let (t, back) = read_xliff(&text, Lang::En).unwrap();
        assert_eq!(t, Lang::En);
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].id.as_ref().unwrap().value, "alku/option/#1/text");
        assert_eq!(back[0].source.as_ref().unwrap().value, "A & <b> \"c\"\r\n");
        assert_eq!(back[0].speaker.as_ref().unwrap().value, "client");
        assert_eq!(back[0].notes.as_ref().unwrap().value, "codes: CR");
        assert_eq!(back[0].cells, vec![(Lang::En, Cell { value: String::new(), at: back[0].cells[0].1.at })]);
        assert_eq!(back[1].cells[0].1.value, "y");
        let unit2 = text.lines().position(|l| l.contains("name=\"b\"")).unwrap() + 1;
        assert_eq!(back[1].id.as_ref().unwrap().at.line, unit2);

        let broken = text.replace("<target xml:space=\"preserve\">y", "<target xml:space=\"preserve\"><ph id=\"1\"/>y");
        let e = read_xliff(&broken, Lang::En).unwrap_err();
        assert!(e[0].message.contains("ph") && e[0].id.as_deref() == Some("b"), "{e:?}");
        let e = read_xliff("<xliff version=\"1.2\"/>", Lang::En).unwrap_err();
        assert!(e[0].message.contains("2.0"), "{e:?}");
        let e = read_xliff(&text[..text.len() - 20], Lang::En).unwrap_err();
        assert!(e[0].at.line > 1, "{e:?}");
    }
}
