//! `motivo graph`: the scenario as a graph, for a trainer to see: DOT (Graphviz), Mermaid, or one self-contained
//! HTML page (inline SVG laid out here in layers; no network, no script).

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use motivo_engine::model::{Node, Outcome, RouteWhen};
use motivo_engine::{Lang, Scenario, msg};

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// Graphviz DOT (`dot -Tsvg graph.dot > graph.svg`).
    #[default]
    Dot,
    /// Mermaid flowchart (renders in GitHub and GitLab Markdown).
    Mermaid,
    /// One self-contained HTML page with an SVG drawing and a table of every edge.
    Html,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A bundled scenario id (see `motivo list`) or a scenario file.
    #[arg(value_name = "ID-OR-FILE")]
    pub scenario: String,
    #[arg(long, value_enum, default_value_t = Format::Dot)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Language of the texts shown: any code or name (fi, en, sv…; default: MOTIVO_LANG, then the locale).
    #[arg(long, value_parser = crate::cli::app::parse_lang)]
    pub lang: Option<Lang>,
}

/// What kind of edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    Option,
    Typed,
    Clarify,
}

#[derive(Debug, Clone)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    pub label: String,
    pub ethics: bool,
    pub conditional: bool,
}

fn codes_text(codes: &[motivo_engine::Code]) -> String {
    codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("+")
}

fn when_text(w: &RouteWhen) -> String {
    match w {
        RouteWhen::Code(c) => c.as_str().to_owned(),
        RouteWhen::AnyCode(cs) => format!("any {}", codes_text(cs)),
        RouteWhen::Reflected(m) => format!("reflects {m}"),
        RouteWhen::ReflectedChange => "reflects change".into(),
        RouteWhen::ReflectedSustain => "reflects sustain".into(),
        RouteWhen::Ethics(k) => format!("ethics {}", k.name()),
        RouteWhen::AnyEthics => "any ethics".into(),
        RouteWhen::Otherwise => "otherwise".into(),
    }
}

/// Every edge of the scenario: options, typed routes, clarify self-loops and the turn limit.
pub fn edges(sc: &Scenario) -> Vec<Edge> {
    let mut out = Vec::new();
    for (i, n) in sc.nodes.iter().enumerate() {
        let Node::Turn(t) = n else { continue };
        for (k, o) in t.options.iter().enumerate() {
            let Some(to) = sc.node_index(&o.next) else { continue };
            let id = o.id.clone().unwrap_or_else(|| format!("#{}", k + 1));
            let mut label = format!("@{id} {}", codes_text(&o.codes));
            if let Some(e) = &o.ethics {
                let _ = write!(label, " ⚠{}", e.kind.name());
            }
            out.push(Edge {
                from: i,
                to,
                kind: EdgeKind::Option,
                label,
                ethics: o.ethics.is_some(),
                conditional: o.when.is_some(),
            });
        }
        for r in &t.free_text {
            let mut label = format!("✎ {}", when_text(&r.when));
            if r.cond.is_some() {
                label.push_str(" (if)");
            }
            let ethics = r.ethics.is_some() || matches!(r.when, RouteWhen::Ethics(_) | RouteWhen::AnyEthics);
            if r.clarify.is_some() {
                out.push(Edge {
                    from: i,
                    to: i,
                    kind: EdgeKind::Clarify,
                    label: format!("{label}: clarify"),
                    ethics,
                    conditional: r.cond.is_some(),
                });
            } else if let Some(to) = sc.node_index(&r.next) {
                out.push(Edge { from: i, to, kind: EdgeKind::Typed, label, ethics, conditional: r.cond.is_some() });
            }
        }
    }
    out
}

fn outcome_colour(o: Outcome) -> (&'static str, &'static str) {
    // (fill, border)
    match o {
        Outcome::NextStep => ("#c8f0c8", "#2e7d32"),
        Outcome::Referral => ("#cfe6fb", "#1565c0"),
        Outcome::Postpones => ("#ffe6bf", "#ef6c00"),
        Outcome::Disengages => ("#f6c9c9", "#b71c1c"),
    }
}

fn dot_str(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' | '\r' => o.push_str("\\n"),
            c if c.is_control() => {}
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn short(s: &str, n: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= n { s } else { format!("{}…", s.chars().take(n).collect::<String>()) }
}

fn first_line(n: &Node, lang: Lang) -> String {
    n.lines().first().map(|l| l.text.get(lang).to_owned()).unwrap_or_default()
}

pub fn dot(sc: &Scenario, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "digraph {} {{", dot_str(&sc.id));
    let _ = writeln!(
        o,
        "  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];"
    );
    let _ = writeln!(o, "  label={};\n  labelloc=t;", dot_str(sc.title.get(lang)));
    let _ = writeln!(o, "  \"__start\" [shape=point, width=0.15];");
    for (i, n) in sc.nodes.iter().enumerate() {
        let text = format!("{}\n{}", n.id(), short(&first_line(n, lang), 40));
        match n {
            Node::Turn(_) => {
                let _ = writeln!(o, "  n{i} [shape=box, style=rounded, label={}];", dot_str(&text));
            }
            Node::Ending(e) => {
                let (fill, border) = outcome_colour(e.outcome);
                let text = format!("{}\n{}", n.id(), e.outcome.name());
                let _ = writeln!(
                    o,
                    "  n{i} [shape=box, style=\"filled,bold\", fillcolor=\"{fill}\", color=\"{border}\", label={}];",
                    dot_str(&text)
                );
            }
        }
    }
    if let Some(s) = sc.node_index(&sc.start) {
        let _ = writeln!(o, "  \"__start\" -> n{s};");
    }
    for e in edges(sc) {
        let mut attrs = vec![format!("label={}", dot_str(&e.label))];
        if e.ethics {
            attrs.push("color=red, fontcolor=red, penwidth=1.6".into());
        }
        match e.kind {
            EdgeKind::Option if e.conditional => attrs.push("style=dashed".into()),
            EdgeKind::Typed => attrs.push("style=dotted".into()),
            EdgeKind::Clarify => attrs.push("style=dotted, dir=back, arrowtail=odot".into()),
            _ => {}
        }
        let _ = writeln!(o, "  n{} -> n{} [{}];", e.from, e.to, attrs.join(", "));
    }
    if let (Some(max), Some(lim)) = (sc.max_turns, sc.on_limit.as_deref().and_then(|l| sc.node_index(l))) {
        let _ = writeln!(o, "  \"__limit\" [shape=note, fontsize=8, label={}];", dot_str(&format!("max_turns {max}")));
        let _ = writeln!(o, "  \"__limit\" -> n{lim} [style=dashed, color=gray];");
    }
    o.push_str("}\n");
    o
}

fn mermaid_str(s: &str) -> String {
    // Mermaid labels in quotes take HTML entities for quotes.
    s.replace('"', "#quot;").replace(['\n', '\r'], " ")
}

pub fn mermaid(sc: &Scenario, lang: Lang) -> String {
    let mut o = String::from("flowchart LR\n");
    let _ = writeln!(o, "  start((start))");
    for (i, n) in sc.nodes.iter().enumerate() {
        match n {
            Node::Turn(_) => {
                let _ = writeln!(
                    o,
                    "  n{i}[\"{}<br/>{}\"]",
                    mermaid_str(n.id()),
                    mermaid_str(&short(&first_line(n, lang), 40))
                );
            }
            Node::Ending(e) => {
                let _ = writeln!(o, "  n{i}([\"{} ({})\"])", mermaid_str(n.id()), e.outcome.name());
                let (fill, border) = outcome_colour(e.outcome);
                let _ = writeln!(o, "  style n{i} fill:{fill},stroke:{border},stroke-width:2px");
            }
        }
    }
    if let Some(s) = sc.node_index(&sc.start) {
        let _ = writeln!(o, "  start --> n{s}");
    }
    for (k, e) in edges(sc).iter().enumerate() {
        let arrow = match e.kind {
            EdgeKind::Option => "-->",
            _ => "-.->",
        };
        let _ = writeln!(o, "  n{} {arrow}|\"{}\"| n{}", e.from, mermaid_str(&e.label), e.to);
        if e.ethics {
            let _ = writeln!(o, "  linkStyle {} stroke:#d00,color:#d00", k + 1);
        }
    }
    o
}

fn html_esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => o.push(c),
        }
    }
    o
}

/// Layers by breadth-first distance from the start (unreachable nodes in a last layer).
fn layers(sc: &Scenario, es: &[Edge]) -> Vec<Vec<usize>> {
    let n = sc.nodes.len();
    let mut depth = vec![usize::MAX; n];
    let mut q = VecDeque::new();
    if let Some(s) = sc.node_index(&sc.start) {
        depth[s] = 0;
        q.push_back(s);
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in es {
        if e.from != e.to {
            out[e.from].push(e.to);
        }
    }
    while let Some(i) = q.pop_front() {
        for &j in &out[i] {
            if depth[j] == usize::MAX {
                depth[j] = depth[i] + 1;
                q.push_back(j);
            }
        }
    }
    // Endings in the last layer, so outcomes line up on the right.
    let max_turn = (0..n)
        .filter(|&i| matches!(sc.nodes[i], Node::Turn(_)) && depth[i] != usize::MAX)
        .map(|i| depth[i])
        .max()
        .unwrap_or(0);
    let mut layers: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, (node, &depth)) in sc.nodes.iter().zip(&depth).enumerate() {
        let d = match (node, depth) {
            (Node::Ending(_), _) => max_turn + 1,
            (_, usize::MAX) => max_turn + 2,
            (_, d) => d,
        };
        layers.entry(d).or_default().push(i);
    }
    layers.into_values().collect()
}

pub fn html(sc: &Scenario, lang: Lang) -> String {
    let es = edges(sc);
    let ls = layers(sc, &es);
    let (nw, nh, gx, gy) = (150.0f32, 44.0f32, 120.0f32, 26.0f32);
    let mut pos = vec![(0.0f32, 0.0f32); sc.nodes.len()];
    let tallest = ls.iter().map(|l| l.len()).max().unwrap_or(1) as f32;
    let height = tallest * (nh + gy) + 60.0;
    for (li, l) in ls.iter().enumerate() {
        let col_h = l.len() as f32 * (nh + gy);
        let top = (height - col_h) / 2.0;
        for (k, &i) in l.iter().enumerate() {
            pos[i] = (20.0 + li as f32 * (nw + gx), top + k as f32 * (nh + gy));
        }
    }
    let width = 40.0 + ls.len() as f32 * (nw + gx);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" role=\"img\" aria-label=\"{}\">",
        html_esc(sc.title.get(lang))
    );
    svg.push_str("<defs><marker id=\"a\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker><marker id=\"r\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" fill=\"#d00\"/></marker></defs>");
    // Edges first, so nodes are drawn over them. Parallel edges between the same pair fan out.
    let mut seen: BTreeMap<(usize, usize), u32> = BTreeMap::new();
    for e in &es {
        let nth = {
            let c = seen.entry((e.from, e.to)).or_insert(0);
            *c += 1;
            *c - 1
        };
        let (colour, marker) = if e.ethics {
            ("#d00", "r")
        } else if e.kind == EdgeKind::Option {
            ("#555", "a")
        } else {
            ("#888", "a")
        };
        let dash = match e.kind {
            EdgeKind::Option if e.conditional => " stroke-dasharray=\"6 3\"",
            EdgeKind::Option => "",
            _ => " stroke-dasharray=\"2 3\"",
        };
        let (fx, fy) = pos[e.from];
        let title = format!("{} → {}: {}", sc.nodes[e.from].id(), sc.nodes[e.to].id(), e.label);
        if e.from == e.to {
            let r = 12.0 + nth as f32 * 6.0;
            let _ = write!(
                svg,
                "<path d=\"M{:.1},{:.1} a{r:.1},{r:.1} 0 1,1 {:.1},0\" fill=\"none\" stroke=\"{colour}\"{dash} marker-end=\"url(#{marker})\"><title>{}</title></path>",
                fx + nw - 40.0,
                fy,
                20.0,
                html_esc(&title)
            );
            continue;
        }
        let (tx, ty) = pos[e.to];
        let (x1, y1) = (fx + nw, fy + nh / 2.0);
        let (x2, y2) = if tx > fx { (tx, ty + nh / 2.0) } else { (tx + nw / 2.0, ty + if ty > fy { 0.0 } else { nh }) };
        let bend = (nth as f32 - 0.0) * 14.0;
        let (cx1, cy1) = (x1 + 50.0, y1 + bend);
        let (cx2, cy2) = (x2 - 50.0, y2 + bend);
        let _ = write!(
            svg,
            "<path d=\"M{x1:.1},{y1:.1} C{cx1:.1},{cy1:.1} {cx2:.1},{cy2:.1} {x2:.1},{y2:.1}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\"{dash} marker-end=\"url(#{marker})\"><title>{}</title></path>",
            if e.ethics { 1.8 } else { 1.0 },
            html_esc(&title)
        );
    }
    for (i, n) in sc.nodes.iter().enumerate() {
        let (x, y) = pos[i];
        let (fill, border) = match n {
            Node::Turn(_) => ("#ffffff", "#444"),
            Node::Ending(e) => outcome_colour(e.outcome),
        };
        let sub = match n {
            Node::Turn(t) => format!("{} / {}", t.options.len(), t.free_text.len()),
            Node::Ending(e) => e.outcome.name().to_owned(),
        };
        let start = if n.id() == sc.start { " stroke-width=\"3\"" } else { "" };
        let _ = write!(
            svg,
            "<g id=\"node-{}\"><title>{}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{nw}\" height=\"{nh}\" rx=\"8\" fill=\"{fill}\" stroke=\"{border}\"{start}/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\">{}</text><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">{}</text></g>",
            html_esc(n.id()),
            html_esc(&first_line(n, lang)),
            x + nw / 2.0,
            y + 18.0,
            html_esc(&short(n.id(), 22)),
            x + nw / 2.0,
            y + 34.0,
            html_esc(&sub)
        );
    }
    svg.push_str("</svg>");

    let mut rows = String::new();
    for e in &es {
        let kind = match e.kind {
            EdgeKind::Option => msg!("cli-graph-kind-option"),
            EdgeKind::Typed => msg!("cli-graph-kind-typed"),
            EdgeKind::Clarify => msg!("cli-graph-kind-clarify"),
        }
        .text(lang);
        let _ = write!(
            rows,
            "<tr{}><td><a href=\"#node-{}\">{}</a></td><td>{kind}</td><td>{}</td><td><a href=\"#node-{}\">{}</a></td></tr>",
            if e.ethics { " class=\"eth\"" } else { "" },
            html_esc(sc.nodes[e.from].id()),
            html_esc(sc.nodes[e.from].id()),
            html_esc(&e.label),
            html_esc(sc.nodes[e.to].id()),
            html_esc(sc.nodes[e.to].id())
        );
    }
    let esc_msg = |m: motivo_engine::i18n::Msg| html_esc(&m.text(lang));
    let (h_from, h_kind, h_label, h_to) = (
        esc_msg(msg!("cli-graph-from")),
        esc_msg(msg!("cli-graph-kind")),
        esc_msg(msg!("cli-graph-label")),
        esc_msg(msg!("cli-graph-to")),
    );
    let legend = msg!("cli-graph-legend").text(lang);
    let limit = match (sc.max_turns, &sc.on_limit) {
        (Some(m), Some(l)) => format!("<p>{}</p>", esc_msg(msg!("cli-graph-limit", m, ending = l))),
        _ => String::new(),
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>body{{font-family:system-ui,sans-serif;margin:1em}}.wrap{{overflow:auto;border:1px solid #ccc}}table{{border-collapse:collapse;margin-top:1em}}td,th{{border:1px solid #ccc;padding:2px 6px;font-size:13px;text-align:left}}tr.eth td{{color:#c00}}</style></head><body><h1>{}</h1><p>{}</p>{limit}<div class=\"wrap\">{svg}</div><table><thead><tr><th>{h_from}</th><th>{h_kind}</th><th>{h_label}</th><th>{h_to}</th></tr></thead><tbody>{rows}</tbody></table></body></html>\n",
        lang.code(),
        html_esc(sc.title.get(lang)),
        html_esc(sc.title.get(lang)),
        html_esc(&legend)
    )
}

pub fn run(args: Args) -> ExitCode {
    let lang = args.lang.unwrap_or_else(|| crate::cli::check::lang_from_env(|n| std::env::var(n).ok()));
    let sc = match crate::cli::play::resolve(&args.scenario, lang) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    crate::cli::play::notice_fallback("motivo graph", &sc, lang);
    let text = match args.format {
        Format::Dot => dot(&sc, lang),
        Format::Mermaid => mermaid(&sc, lang),
        Format::Html => html(&sc, lang),
    };
    match &args.out {
        Some(p) => {
            if let Err(e) = std::fs::write(p, text) {
                eprintln!("{}: {e}", p.display());
                return ExitCode::from(2);
            }
        }
        None => print!("{text}"),
    }
    ExitCode::SUCCESS
}
