//! Conditions on client lines: a small expression language over the client's state and the conversation.
//!
//! ```text
//! expr    := or
//! or      := and (("||" | "or") and)*
//! and     := unary (("&&" | "and") unary)*
//! unary   := ("!" | "not") unary | primary
//! primary := "(" expr ")" | "true" | "false"
//!          | NUMVAR OP NUMBER              e.g. importance >= 6, discord < 2, turn > 3
//!          | "visited" "(" NODE-ID ")"     the conversation has been at that node
//!          | "used" "(" CODE ")"           the learner has used that MI code
//!          | FLAG                          a flag declared in the scenario's `flags`
//! NUMVAR  := importance | confidence | discord | momentum | turn | change_talk | sustain_talk
//! OP      := < | <= | > | >= | == | !=
//! ```

use std::fmt;

use crate::codes::Code;

/// A numeric variable a condition can compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumVar {
    Importance,
    Confidence,
    Discord,
    Momentum,
    /// Number of learner replies so far.
    Turn,
    /// Number of client change-talk lines so far.
    ChangeTalk,
    /// Number of client sustain-talk lines so far.
    SustainTalk,
}

impl NumVar {
    pub const ALL: [(&'static str, NumVar); 7] = [
        ("importance", NumVar::Importance),
        ("confidence", NumVar::Confidence),
        ("discord", NumVar::Discord),
        ("momentum", NumVar::Momentum),
        ("turn", NumVar::Turn),
        ("change_talk", NumVar::ChangeTalk),
        ("sustain_talk", NumVar::SustainTalk),
    ];

    fn parse(s: &str) -> Option<NumVar> {
        NumVar::ALL.iter().find(|(n, _)| *n == s).map(|(_, v)| *v)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Const(bool),
    Cmp(NumVar, CmpOp, f32),
    Visited(String),
    Used(Code),
    Flag(String),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
}

/// What a condition is evaluated against.
pub trait CondEnv {
    fn num(&self, var: NumVar) -> f32;
    fn flag(&self, name: &str) -> bool;
    fn visited(&self, node: &str) -> bool;
    fn used(&self, code: Code) -> bool;
}

impl Cond {
    pub fn eval(&self, env: &dyn CondEnv) -> bool {
        match self {
            Cond::Const(b) => *b,
            Cond::Cmp(v, op, n) => {
                let x = env.num(*v);
                match op {
                    CmpOp::Lt => x < *n,
                    CmpOp::Le => x <= *n,
                    CmpOp::Gt => x > *n,
                    CmpOp::Ge => x >= *n,
                    CmpOp::Eq => (x - *n).abs() < 1e-4,
                    CmpOp::Ne => (x - *n).abs() >= 1e-4,
                }
            }
            Cond::Visited(n) => env.visited(n),
            Cond::Used(c) => env.used(*c),
            Cond::Flag(f) => env.flag(f),
            Cond::Not(c) => !c.eval(env),
            Cond::And(cs) => cs.iter().all(|c| c.eval(env)),
            Cond::Or(cs) => cs.iter().any(|c| c.eval(env)),
        }
    }

    /// Every flag and visited node the condition names, in order.
    pub fn names(&self) -> Vec<NameRef<'_>> {
        let mut out = Vec::new();
        self.collect_names(&mut out);
        out
    }

    fn collect_names<'a>(&'a self, out: &mut Vec<NameRef<'a>>) {
        match self {
            Cond::Visited(n) => out.push(NameRef::Node(n)),
            Cond::Flag(f) => out.push(NameRef::Flag(f)),
            Cond::Not(c) => c.collect_names(out),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.collect_names(out)),
            Cond::Const(_) | Cond::Cmp(..) | Cond::Used(_) => {}
        }
    }
}

/// A name a condition refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRef<'a> {
    Flag(&'a str),
    Node(&'a str),
}

/// A condition that could not be parsed, with the byte range in the condition text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CondError {
    pub message: String,
    pub start: usize,
    pub end: usize,
}

impl fmt::Display for CondError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Num(f32),
    Op(CmpOp),
    And,
    Or,
    Not,
    LParen,
    RParen,
}

fn lex(src: &str) -> Result<Vec<(Tok, usize, usize)>, CondError> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = src.char_indices().collect();
    let mut i = 0;
    let end_of = |i: usize| chars.get(i).map_or(src.len(), |(o, _)| *o);
    while i < chars.len() {
        let (start, c) = chars[i];
        let next = chars.get(i + 1).map(|(_, c)| *c);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (tok, len) = match (c, next) {
            ('(', _) => (Tok::LParen, 1),
            (')', _) => (Tok::RParen, 1),
            ('&', Some('&')) => (Tok::And, 2),
            ('|', Some('|')) => (Tok::Or, 2),
            ('<', Some('=')) => (Tok::Op(CmpOp::Le), 2),
            ('>', Some('=')) => (Tok::Op(CmpOp::Ge), 2),
            ('=', Some('=')) => (Tok::Op(CmpOp::Eq), 2),
            ('!', Some('=')) => (Tok::Op(CmpOp::Ne), 2),
            ('<', _) => (Tok::Op(CmpOp::Lt), 1),
            ('>', _) => (Tok::Op(CmpOp::Gt), 1),
            ('!', _) => (Tok::Not, 1),
            _ if c.is_ascii_digit() || (c == '-' && next.is_some_and(|n| n.is_ascii_digit())) => {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.') {
                    j += 1;
                }
                let text = &src[start..end_of(j)];
                let n: f32 = text.parse().map_err(|_| CondError {
                    message: format!("`{text}` is not a number"),
                    start,
                    end: end_of(j),
                })?;
                out.push((Tok::Num(n), start, end_of(j)));
                i = j;
                continue;
            }
            _ if c.is_alphabetic() || c == '_' => {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].1.is_alphanumeric() || matches!(chars[j].1, '_' | '-')) {
                    j += 1;
                }
                let word = &src[start..end_of(j)];
                let tok = match word {
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    _ => Tok::Ident(word.to_owned()),
                };
                out.push((tok, start, end_of(j)));
                i = j;
                continue;
            }
            _ => {
                return Err(CondError {
                    message: format!("unexpected character `{c}`"),
                    start,
                    end: start + c.len_utf8(),
                });
            }
        };
        out.push((tok, start, end_of(i + len)));
        i += len;
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<(Tok, usize, usize)>,
    pos: usize,
    src: &'a str,
}

/// Parses a condition.
pub fn parse(src: &str) -> Result<Cond, CondError> {
    if src.trim().is_empty() {
        return Err(CondError { message: "the condition is empty".into(), start: 0, end: src.len() });
    }
    let toks = lex(src)?;
    let mut p = Parser { toks, pos: 0, src };
    let c = p.or()?;
    if let Some((_, s, e)) = p.toks.get(p.pos) {
        return Err(CondError {
            message: "expected `and`, `or` or the end of the condition".into(),
            start: *s,
            end: *e,
        });
    }
    Ok(c)
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _, _)| t)
    }

    fn here(&self) -> (usize, usize) {
        self.toks.get(self.pos).map_or((self.src.len(), self.src.len()), |(_, s, e)| (*s, *e))
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, CondError> {
        let (start, end) = self.here();
        Err(CondError { message: message.into(), start, end })
    }

    fn or(&mut self) -> Result<Cond, CondError> {
        let mut parts = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 { parts.pop().expect("one part") } else { Cond::Or(parts) })
    }

    fn and(&mut self) -> Result<Cond, CondError> {
        let mut parts = vec![self.unary()?];
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 { parts.pop().expect("one part") } else { Cond::And(parts) })
    }

    fn unary(&mut self) -> Result<Cond, CondError> {
        if self.peek() == Some(&Tok::Not) {
            self.pos += 1;
            return Ok(Cond::Not(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn expect(&mut self, tok: Tok, what: &str) -> Result<(), CondError> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(format!("expected {what}"))
        }
    }

    fn ident_arg(&mut self, what: &str) -> Result<(String, usize, usize), CondError> {
        self.expect(Tok::LParen, "`(`")?;
        let Some((Tok::Ident(name), s, e)) = self.toks.get(self.pos).cloned() else {
            return self.err(format!("expected {what}"));
        };
        self.pos += 1;
        self.expect(Tok::RParen, "`)`")?;
        Ok((name, s, e))
    }

    fn primary(&mut self) -> Result<Cond, CondError> {
        let Some((tok, start, end)) = self.toks.get(self.pos).cloned() else {
            return self.err("the condition ends too early");
        };
        match tok {
            Tok::LParen => {
                self.pos += 1;
                let c = self.or()?;
                self.expect(Tok::RParen, "`)`")?;
                Ok(c)
            }
            Tok::Ident(word) => {
                self.pos += 1;
                match word.as_str() {
                    "true" => return Ok(Cond::Const(true)),
                    "false" => return Ok(Cond::Const(false)),
                    "visited" => return Ok(Cond::Visited(self.ident_arg("a node id")?.0)),
                    "used" => {
                        let (code, s, e) = self.ident_arg("an MI code")?;
                        return match Code::parse(&code) {
                            Some(c) => Ok(Cond::Used(c)),
                            None => Err(CondError { message: format!("unknown MI code `{code}`"), start: s, end: e }),
                        };
                    }
                    _ => {}
                }
                if let Some(var) = NumVar::parse(&word) {
                    let Some(Tok::Op(op)) = self.peek().cloned() else {
                        return self.err(format!("expected a comparison after `{word}`, e.g. `{word} >= 5`"));
                    };
                    self.pos += 1;
                    let Some(Tok::Num(n)) = self.peek().cloned() else {
                        return self.err("expected a number");
                    };
                    self.pos += 1;
                    return Ok(Cond::Cmp(var, op, n));
                }
                if matches!(self.peek(), Some(Tok::Op(_))) {
                    let names: Vec<&str> = NumVar::ALL.iter().map(|(n, _)| *n).collect();
                    return Err(CondError {
                        message: format!("unknown variable `{word}`; numeric variables are {}", names.join(", ")),
                        start,
                        end,
                    });
                }
                Ok(Cond::Flag(word))
            }
            _ => Err(CondError {
                message: "expected a variable, flag, `visited(…)`, `used(…)` or `(`".into(),
                start,
                end,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Env;
    impl CondEnv for Env {
        fn num(&self, var: NumVar) -> f32 {
            match var {
                NumVar::Importance => 6.0,
                NumVar::Discord => 1.0,
                NumVar::Momentum => -2.0,
                _ => 0.0,
            }
        }
        fn flag(&self, name: &str) -> bool {
            name == "codes_offered"
        }
        fn visited(&self, node: &str) -> bool {
            node == "alku"
        }
        fn used(&self, code: Code) -> bool {
            code == Code::CR
        }
    }

    fn ev(s: &str) -> bool {
        parse(s).unwrap_or_else(|e| panic!("{s}: {e}")).eval(&Env)
    }

    #[test]
    fn evaluates_comparisons_and_logic() {
        assert!(ev("importance >= 6"));
        assert!(!ev("importance > 6"));
        assert!(ev("discord < 2 && importance == 6"));
        assert!(ev("momentum >= -2 and not codes_missing"));
        assert!(ev("visited(alku) || false"));
        assert!(ev("used(CR) and !used(PER)"));
        assert!(ev("(discord > 5 or codes_offered) and true"));
    }

    #[test]
    fn precedence_and_binds_tighter_than_or() {
        // true || (false && false) = true
        assert!(ev("true or false and false"));
        assert!(!ev("(true or false) and false"));
    }

    #[test]
    fn errors_are_located() {
        let e = parse("importance >= ").unwrap_err();
        assert_eq!(e.message, "expected a number");
        let e = parse("mood > 3").unwrap_err();
        assert!(e.message.contains("unknown variable `mood`"), "{}", e.message);
        assert_eq!((e.start, e.end), (0, 4));
        let e = parse("used(XX)").unwrap_err();
        assert_eq!((e.start, e.end), (5, 7));
        assert!(parse("").is_err());
        assert!(parse("discord $ 3").is_err());
        assert!(parse("a b").is_err());
        assert!(parse("(a").is_err());
    }

    #[test]
    fn names_lists_flags_and_nodes() {
        let c = parse("visited(x) and (f or not g)").unwrap();
        assert_eq!(c.names(), vec![NameRef::Node("x"), NameRef::Flag("f"), NameRef::Flag("g")]);
    }
}
