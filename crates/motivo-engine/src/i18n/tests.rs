//! The catalogue's guarantee: every message id the code uses exists in every file, every file has the same ids
//! with the same variables, no file has a syntax error, and the code passes the variables the messages use.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

use super::*;

/// id → the variables its value uses (selectors and nested placeables included).
type Shape = BTreeMap<String, BTreeSet<String>>;

fn vars_of_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            vars_of_expression(expression, out);
        }
    }
}

fn vars_of_expression(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            vars_of_inline(selector, out);
            for v in variants {
                vars_of_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(i) => vars_of_inline(i, out),
    }
}

fn vars_of_inline(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => vars_of_expression(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                vars_of_inline(a, out);
            }
        }
        _ => {}
    }
}

fn shape(code: &str, src: &str) -> Shape {
    let res = fluent_syntax::parser::parse(src)
        .unwrap_or_else(|(_, errors)| panic!("{code}.ftl has syntax errors: {errors:?}"));
    let mut out = Shape::new();
    for entry in &res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m.value.as_ref().unwrap_or_else(|| panic!("{code}.ftl: `{}` has no value", m.id.name));
                vars_of_pattern(value, &mut vars);
                assert!(out.insert(m.id.name.to_owned(), vars).is_none(), "{code}.ftl: `{}` twice", m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{code}.ftl has a syntax error at: {content}"),
            _ => {}
        }
    }
    out
}

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let p = e.expect("a directory entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `msg!("id", a = …, b, …)` in `text`: (id, argument names, line). Argument expressions are skipped by
/// bracket depth and string literals.
fn uses(text: &str) -> Vec<(String, BTreeSet<String>, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    for (at, _) in text.match_indices("msg!(") {
        if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
            continue;
        }
        let line = text[..at].matches('\n').count() + 1;
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..at].trim_start().starts_with("//") {
            continue; // Documentation.
        }
        let mut i = at + "msg!(".len();
        while b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i] != b'"' {
            continue; // The macro's own definition.
        }
        let end = text[i + 1..].find('"').expect("closed id") + i + 1;
        let id = text[i + 1..end].to_owned();
        i = end + 1;
        let mut args = BTreeSet::new();
        // Each argument starts after a top-level comma: its name is the identifier there.
        let mut depth = 0i32;
        let mut expect_name = false;
        while i < b.len() {
            let c = b[i];
            if expect_name && !c.is_ascii_whitespace() {
                let name: String = text[i..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    args.insert(name.clone());
                    i += name.len();
                }
                expect_name = false;
                continue;
            }
            match c {
                b'"' => {
                    i += 1;
                    while b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth == 0 => break,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => expect_name = true,
                _ => {}
            }
            i += 1;
        }
        out.push((id, args, line));
    }
    out
}

fn shapes() -> BTreeMap<&'static str, Shape> {
    SOURCES.iter().map(|(code, src)| (*code, shape(code, src))).collect()
}

#[test]
fn the_three_languages_are_embedded() {
    let codes: Vec<&str> = SOURCES.iter().map(|(c, _)| *c).collect();
    for code in ["en", "fi", "sv"] {
        assert!(codes.contains(&code), "no {code}.ftl in {codes:?}");
    }
}

#[test]
fn every_file_has_the_same_ids_with_the_same_variables() {
    let shapes = shapes();
    let en = &shapes["en"];
    for (code, shape) in &shapes {
        for (id, vars) in en {
            let theirs = shape.get(id).unwrap_or_else(|| panic!("{code}.ftl has no `{id}`"));
            assert_eq!(theirs, vars, "{code}.ftl: `{id}` uses other variables than en.ftl");
        }
        for id in shape.keys() {
            assert!(en.contains_key(id), "{code}.ftl has `{id}`, which en.ftl has not");
        }
    }
}

#[test]
fn every_message_the_code_uses_exists_with_the_variables_it_passes() {
    let shapes = shapes();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    // The `motivo` program's and the other library crates' messages are in the same catalogue.
    for dir in ["../../src", "../motivo-course/src", "../motivo-store/src", "../motivo-report/src"] {
        let d = root.join(dir);
        if d.is_dir() {
            rust_files(&d, &mut files);
        }
    }
    let mut count = 0;
    for f in &files {
        if f.ends_with("i18n/tests.rs") {
            continue; // Its own made-up catalogues.
        }
        let text = std::fs::read_to_string(f).expect("a readable source file");
        for (id, args, line) in uses(&text) {
            count += 1;
            for (code, shape) in &shapes {
                let vars =
                    shape.get(&id).unwrap_or_else(|| panic!("{}:{line}: `{id}` is not in {code}.ftl", f.display()));
                assert_eq!(&args, vars, "{}:{line}: `{id}` is given other arguments than {code}.ftl uses", f.display());
            }
        }
    }
    assert!(count > 100, "only {count} uses of msg! found");
}

#[test]
fn the_checker_of_uses_reads_names_and_skips_expressions() {
    let text = "x(msg!(\"a-b\", n = f(1, 2), id, s = \"x, y)\"), msg!(\"c\")); no_msg!(\"d\")\n// msg!(\"e\")";
    let got = uses(text);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].0, "a-b");
    assert_eq!(got[0].1, BTreeSet::from(["n".to_owned(), "id".to_owned(), "s".to_owned()]));
    assert!(got[1].1.is_empty());
}

#[test]
fn a_broken_file_is_refused_by_the_shape_check() {
    let broken = std::panic::catch_unwind(|| shape("xx", "ok = fine\nbad = { $x\n"));
    assert!(broken.is_err(), "an unclosed placeable must be reported");
}

#[test]
fn rendering_falls_back_and_nests() {
    let mut c = Catalogue::empty();
    let en = "hello = hello { $who }\nonly-en = only English\nn = { $n ->\n    [one] one file\n   *[other] { $n } files\n}\n";
    c.add_source("en", en).unwrap();
    c.add_source("fi", "hello = hei { $who }\nonly-fi = vain suomeksi").unwrap();
    c.add_source("xx", "hello = xx { $who }").unwrap();
    let m = crate::msg!("hello", who = crate::msg!("only-en"));
    assert_eq!(c.render("xx", &m), "xx only English");
    assert_eq!(c.render("fi", &m), "hei only English");
    assert_eq!(c.render("zz", &crate::msg!("only-fi")), "vain suomeksi");
    assert_eq!(c.render("en", &crate::msg!("missing")), "missing");
    assert_eq!(c.render("en", &crate::msg!("n", n = 1)), "one file");
    assert_eq!(c.render("en", &crate::msg!("n", n = 3usize)), "3 files");
    assert!(c.add_source("en", "broken = { $").is_err());
}

#[test]
fn decimals_use_the_language_separator() {
    let m =
        crate::msg!("val-inconsistent-outscores", n = 1, id = "t", score = dec(2.25, 1), m = 2, good = dec(-0.5, 1));
    assert!(
        m.text(Lang::Fi).contains("2,3 pistettä") || m.text(Lang::Fi).contains("2,2 pistettä"),
        "{}",
        m.text(Lang::Fi)
    );
    assert!(m.text(Lang::En).contains("scores 2.") && m.text(Lang::En).contains("(-0.5)"), "{}", m.text(Lang::En));
    assert!(m.in_code("sv").contains(','), "{}", m.in_code("sv"));
}

#[test]
fn a_program_can_add_a_language_at_run_time() {
    add_source("qq", "diag-text-empty = QQ { $what }").unwrap();
    assert!(languages().contains(&"qq".to_owned()));
    let m = crate::msg!("diag-text-empty", what = crate::msg!("val-title"));
    assert_eq!(global().render("qq", &m), "QQ the title");
    // Other messages fall back to English.
    assert_eq!(global().render("qq", &crate::msg!("val-title")), "the title");
}

#[test]
fn no_isolation_marks() {
    let m = crate::msg!("val-node-id-used-twice", id = "x");
    for code in global().languages() {
        let s = global().render(code, &m);
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{code}: {s:?}");
    }
}
