//! Every translatable text of a scenario, in file order, with a stable id derived from the structure (node id,
//! field, option id or position), who says it, what it answers, and notes for the translator.

use motivo_engine::model::{ClientLine, EthicsMark, Node, ReplyOption, Route, RouteWhen, Scenario, Talk, Text};

use super::{SOURCE, text_get, text_langs};

/// Who a text belongs to in the conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// The simulated client says it.
    Client,
    /// The learner picks it as a reply.
    Learner,
    /// The program shows it about the scenario (title, persona, goal).
    Narrator,
    /// Feedback and explanations shown to the learner.
    Feedback,
}

impl Speaker {
    pub fn name(self) -> &'static str {
        match self {
            Speaker::Client => "client",
            Speaker::Learner => "learner",
            Speaker::Narrator => "narrator",
            Speaker::Feedback => "feedback",
        }
    }
}

/// One step from a scenario's top to a text, in the model and in the RON file alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    Field(&'static str),
    Index(usize),
}

/// One translatable text.
#[derive(Debug, Clone)]
pub struct Entry<'s> {
    pub id: String,
    pub path: Vec<Seg>,
    pub speaker: Speaker,
    /// What the text answers or belongs to, in the source language (informative; not checked on import).
    pub context: String,
    /// Structural facts (MI codes, talk type, ethics kind, outcome); checked on import.
    pub notes: String,
    pub text: &'s Text,
}

/// The text in the source language, or the first language it has.
pub fn source_text(t: &Text) -> &str {
    text_get(t, SOURCE).or_else(|| text_langs(t).into_iter().find_map(|l| text_get(t, l))).unwrap_or("")
}

fn has_text(t: &Text) -> bool {
    !text_langs(t).is_empty()
}

fn codes(o: &ReplyOption) -> String {
    o.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("+")
}

fn talk(t: Talk) -> String {
    match t {
        Talk::Change(d) => format!("Change({d:?})"),
        Talk::Sustain(d) => format!("Sustain({d:?})"),
        Talk::Neutral => "Neutral".into(),
        Talk::Discord => "Discord".into(),
    }
}

fn route_when(w: &RouteWhen) -> String {
    match w {
        RouteWhen::Code(c) => format!("Code({})", c.as_str()),
        RouteWhen::AnyCode(cs) => format!("AnyCode({})", cs.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("+")),
        RouteWhen::Reflected(m) => format!("Reflected({m})"),
        RouteWhen::ReflectedChange => "ReflectedChange".into(),
        RouteWhen::ReflectedSustain => "ReflectedSustain".into(),
        RouteWhen::Ethics(k) => format!("Ethics({})", k.name()),
        RouteWhen::AnyEthics => "AnyEthics".into(),
        RouteWhen::Otherwise => "Otherwise".into(),
    }
}

fn when(w: &Option<String>) -> String {
    w.as_deref().map(|w| format!(" [when {w}]")).unwrap_or_default()
}

/// The key of an option in ids: its own id, else `#N` (its position from 1).
pub fn option_key(o: &ReplyOption, k: usize) -> String {
    o.id.clone().unwrap_or_else(|| format!("#{}", k + 1))
}

struct Walk<'s> {
    out: Vec<Entry<'s>>,
}

impl<'s> Walk<'s> {
    fn push(&mut self, id: String, path: Vec<Seg>, speaker: Speaker, context: String, notes: String, text: &'s Text) {
        if has_text(text) {
            self.out.push(Entry { id, path, speaker, context, notes, text });
        }
    }

    fn line(&mut self, id: String, path: Vec<Seg>, l: &'s ClientLine, context: String, notes: String) {
        let notes = if notes.is_empty() { talk(l.talk) } else { format!("{notes}; {}", talk(l.talk)) };
        self.push(id, path, Speaker::Client, format!("{context}{}", when(&l.when)), notes, &l.text);
    }

    fn ethics(&mut self, id: String, path: Vec<Seg>, e: &'s Option<EthicsMark>, context: &str) {
        if let Some(e) = e {
            let mut path = path;
            path.extend([Seg::Field("ethics"), Seg::Field("explain")]);
            self.push(
                id,
                path,
                Speaker::Feedback,
                context.to_owned(),
                format!("ethics: {}", e.kind.name()),
                &e.explain,
            );
        }
    }

    fn option(&mut self, node: &str, n: usize, k: usize, o: &'s ReplyOption, answers: &str) {
        let key = option_key(o, k);
        let base = vec![Seg::Field("nodes"), Seg::Index(n), Seg::Field("options"), Seg::Index(k)];
        let with = |f: &'static str| {
            let mut p = base.clone();
            p.push(Seg::Field(f));
            p
        };
        let notes = format!("codes: {}", codes(o));
        let notes = match &o.ethics {
            Some(e) => format!("{notes}; ethics: {}", e.kind.name()),
            None => notes,
        };
        self.push(
            format!("{node}/option/{key}/text"),
            with("text"),
            Speaker::Learner,
            format!("{answers}{}", when(&o.when)),
            notes.clone(),
            &o.text,
        );
        let option_text = source_text(&o.text).to_owned();
        self.push(
            format!("{node}/option/{key}/feedback"),
            with("feedback"),
            Speaker::Feedback,
            option_text.clone(),
            notes,
            &o.feedback,
        );
        self.ethics(format!("{node}/option/{key}/ethics"), base, &o.ethics, &option_text);
    }

    fn route(&mut self, node: &str, n: usize, k: usize, r: &'s Route, answers: &str) {
        let base = vec![Seg::Field("nodes"), Seg::Index(n), Seg::Field("free_text"), Seg::Index(k)];
        let rule = format!("typed: {}", route_when(&r.when));
        let context = format!("{rule}{}", r.cond.as_deref().map(|c| format!(" [if {c}]")).unwrap_or_default());
        if let Some(c) = &r.clarify {
            let mut p = base.clone();
            p.extend([Seg::Field("clarify"), Seg::Field("text")]);
            self.line(format!("{node}/route/{}/clarify", k + 1), p, c, format!("{answers} → {context}"), rule.clone());
        }
        if let Some(f) = &r.feedback {
            let mut p = base.clone();
            p.push(Seg::Field("feedback"));
            self.push(
                format!("{node}/route/{}/feedback", k + 1),
                p,
                Speaker::Feedback,
                context.clone(),
                rule.clone(),
                f,
            );
        }
        self.ethics(format!("{node}/route/{}/ethics", k + 1), base, &r.ethics, &context);
    }
}

/// Every text of the scenario that is given in at least one language, in file order.
pub fn entries(sc: &Scenario) -> Vec<Entry<'_>> {
    let mut w = Walk { out: Vec::new() };
    let n = Speaker::Narrator;
    w.push("title".into(), vec![Seg::Field("title")], n, String::new(), String::new(), &sc.title);
    w.push("summary".into(), vec![Seg::Field("summary")], n, String::new(), String::new(), &sc.summary);
    for (i, o) in sc.outcomes.iter().enumerate() {
        let path = vec![Seg::Field("outcomes"), Seg::Index(i)];
        w.push(format!("outcome/{}", i + 1), path, n, "learning outcome".into(), String::new(), o);
    }
    let p = &sc.persona;
    let persona = format!("{}, {}", p.name, p.age);
    for (f, t) in [("situation", &p.situation), ("service", &p.service)] {
        let path = vec![Seg::Field("persona"), Seg::Field(f)];
        w.push(format!("persona/{f}"), path, n, persona.clone(), String::new(), t);
    }
    w.push("goal".into(), vec![Seg::Field("goal")], n, String::new(), String::new(), &sc.goal);
    for (i, node) in sc.nodes.iter().enumerate() {
        let id = node.id();
        let lines = node.lines();
        let first = lines.first().map(|l| source_text(&l.text).to_owned()).unwrap_or_default();
        let (context, notes) = match node {
            Node::Turn(_) => (String::new(), String::new()),
            Node::Ending(e) => ("ending".to_owned(), format!("outcome: {}", e.outcome.name())),
        };
        for (k, l) in lines.iter().enumerate() {
            let path = vec![Seg::Field("nodes"), Seg::Index(i), Seg::Field("lines"), Seg::Index(k)];
            let mut path = path;
            path.push(Seg::Field("text"));
            let context =
                format!("{context}{}variant {} of {}", if context.is_empty() { "" } else { ", " }, k + 1, lines.len());
            w.line(format!("{id}/line/{}", k + 1), path, l, context, notes.clone());
        }
        match node {
            Node::Turn(t) => {
                for (k, o) in t.options.iter().enumerate() {
                    w.option(id, i, k, o, &first);
                }
                for (k, r) in t.free_text.iter().enumerate() {
                    w.route(id, i, k, r, &first);
                }
            }
            Node::Ending(e) => {
                let path = vec![Seg::Field("nodes"), Seg::Index(i), Seg::Field("debrief")];
                w.push(format!("{id}/debrief"), path, Speaker::Feedback, first.clone(), notes, &e.debrief);
            }
        }
    }
    w.out
}

/// The text at `path` in the model, to change it.
pub fn text_mut<'s>(sc: &'s mut Scenario, path: &[Seg]) -> Option<&'s mut Text> {
    use Seg::{Field as F, Index as I};
    match path {
        [F("title")] => Some(&mut sc.title),
        [F("summary")] => Some(&mut sc.summary),
        [F("goal")] => Some(&mut sc.goal),
        [F("outcomes"), I(i)] => sc.outcomes.get_mut(*i),
        [F("persona"), F("situation")] => Some(&mut sc.persona.situation),
        [F("persona"), F("service")] => Some(&mut sc.persona.service),
        [F("nodes"), I(n), rest @ ..] => {
            let node = sc.nodes.get_mut(*n)?;
            match (node, rest) {
                (Node::Turn(t), [F("lines"), I(k), F("text")]) => Some(&mut t.lines.get_mut(*k)?.text),
                (Node::Ending(e), [F("lines"), I(k), F("text")]) => Some(&mut e.lines.get_mut(*k)?.text),
                (Node::Ending(e), [F("debrief")]) => Some(&mut e.debrief),
                (Node::Turn(t), [F("options"), I(k), field @ ..]) => {
                    let o = t.options.get_mut(*k)?;
                    match field {
                        [F("text")] => Some(&mut o.text),
                        [F("feedback")] => Some(&mut o.feedback),
                        [F("ethics"), F("explain")] => Some(&mut o.ethics.as_mut()?.explain),
                        _ => None,
                    }
                }
                (Node::Turn(t), [F("free_text"), I(k), field @ ..]) => {
                    let r = t.free_text.get_mut(*k)?;
                    match field {
                        [F("feedback")] => r.feedback.as_mut(),
                        [F("clarify"), F("text")] => Some(&mut r.clarify.as_mut()?.text),
                        [F("ethics"), F("explain")] => Some(&mut r.ethics.as_mut()?.explain),
                        _ => None,
                    }
                }
                _ => None,
            }
        }
        _ => None,
    }
}
