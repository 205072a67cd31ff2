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
//!          | "unheard" "(" REASON ")"      the client holds this sustain reason and no reflection captured it
//!          | "heard" "(" REASON ")"        a reflection captured this sustain reason
//!          | FLAG                          a flag declared in the scenario's `flags`
//! NUMVAR  := importance | confidence | discord | momentum | turn | change_talk | sustain_talk | trust | stage
//! NUMBER  := a number, or after `stage` a stage name (precontemplation 0, contemplation 1, preparation 2,
//!            action 3)
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
    /// The client's trust in the helper, 0–10.
    Trust,
    /// The stage of change, 0 precontemplation … 3 action.
    Stage,
}

impl NumVar {
    pub const ALL: [(&'static str, NumVar); 9] = [
        ("importance", NumVar::Importance),
        ("confidence", NumVar::Confidence),
        ("discord", NumVar::Discord),
        ("momentum", NumVar::Momentum),
        ("turn", NumVar::Turn),
        ("change_talk", NumVar::ChangeTalk),
        ("sustain_talk", NumVar::SustainTalk),
        ("trust", NumVar::Trust),
        ("stage", NumVar::Stage),
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
    /// The client holds this sustain reason, not yet heard.
    Unheard(String),
    /// A reflection captured this sustain reason.
    Heard(String),
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
    /// The client holds sustain reason `id` and no reflection has captured it yet.
    fn unheard(&self, _id: &str) -> bool {
        false
    }
    /// A reflection has captured sustain reason `id`.
    fn heard(&self, _id: &str) -> bool {
        false
    }
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
            Cond::Unheard(r) => env.unheard(r),
            Cond::Heard(r) => env.heard(r),
            Cond::Flag(f) => env.flag(f),
            Cond::Not(c) => !c.eval(env),
            Cond::And(cs) => cs.iter().all(|c| c.eval(env)),
            Cond::Or(cs) => cs.iter().any(|c| c.eval(env)),
        }
    }

    /// How many nodes the condition has.
    pub fn size(&self) -> usize {
        match self {
            Cond::Not(c) => 1 + c.size(),
            Cond::And(cs) | Cond::Or(cs) => 1 + cs.iter().map(Cond::size).sum::<usize>(),
            _ => 1,
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
            Cond::Const(_) | Cond::Cmp(..) | Cond::Used(_) | Cond::Unheard(_) | Cond::Heard(_) => {}
        }
    }

    /// Every sustain reason the condition names (`heard(…)`, `unheard(…)`), in order.
    pub fn reasons(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_reasons(&mut out, false);
        out
    }

    /// The sustain reasons the condition names in `unheard(…)`.
    pub fn unheard_reasons(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_reasons(&mut out, true);
        out
    }

    fn collect_reasons<'a>(&'a self, out: &mut Vec<&'a str>, only_unheard: bool) {
        match self {
            Cond::Unheard(r) => out.push(r),
            Cond::Heard(r) if !only_unheard => out.push(r),
            Cond::Not(c) => c.collect_reasons(out, only_unheard),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.collect_reasons(out, only_unheard)),
            _ => {}
        }
    }
}

/// What a static check found about a set of conditions (e.g. the `when` of every option of a turn): can they
/// all be false at once?
#[derive(Debug, Clone, PartialEq)]
pub enum Coverage {
    /// No condition can ever hold: they are all false in every state.
    Never,
    /// In every state at least one condition holds.
    Always,
    /// They can all be false at once, e.g. in the described state (`discord = 4, kuultu false`).
    Gap(String),
    /// Too many variables to check every combination.
    Unknown,
}

/// The most variable combinations [`coverage`] tries.
const MAX_COMBINATIONS: usize = 1 << 16;
/// The most condition nodes [`coverage`] evaluates in all (combinations × the size of the conditions), so a turn
/// with thousands of conditioned options cannot make the check take minutes.
const MAX_COVERAGE_WORK: usize = 4_000_000;

/// A boolean atom of a condition.
#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Flag(String),
    Visited(String),
    Used(Code),
    Unheard(String),
    Heard(String),
}

impl fmt::Display for Atom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Atom::Flag(x) => write!(f, "{x}"),
            Atom::Visited(x) => write!(f, "visited({x})"),
            Atom::Used(c) => write!(f, "used({})", c.as_str()),
            Atom::Unheard(x) => write!(f, "unheard({x})"),
            Atom::Heard(x) => write!(f, "heard({x})"),
        }
    }
}

impl Cond {
    fn collect_vars(&self, atoms: &mut Vec<Atom>, nums: &mut Vec<(NumVar, Vec<f32>)>, fixed: &[&str]) {
        let mut atom = |a: Atom| {
            if !atoms.contains(&a) {
                atoms.push(a);
            }
        };
        match self {
            Cond::Const(_) => {}
            Cond::Cmp(v, _, n) => match nums.iter_mut().find(|(w, _)| w == v) {
                Some((_, ts)) => ts.push(*n),
                None => nums.push((*v, vec![*n])),
            },
            Cond::Visited(n) if fixed.contains(&n.as_str()) => {}
            Cond::Visited(n) => atom(Atom::Visited(n.clone())),
            Cond::Used(c) => atom(Atom::Used(*c)),
            Cond::Unheard(r) => atom(Atom::Unheard(r.clone())),
            Cond::Heard(r) => atom(Atom::Heard(r.clone())),
            Cond::Flag(f) => atom(Atom::Flag(f.clone())),
            Cond::Not(c) => c.collect_vars(atoms, nums, fixed),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.collect_vars(atoms, nums, fixed)),
        }
    }
}

/// Values of `var` that represent every region its comparisons with `thresholds` distinguish.
fn sample_points(var: NumVar, thresholds: &[f32]) -> Vec<f32> {
    let integer = matches!(var, NumVar::Turn | NumVar::ChangeTalk | NumVar::SustainTalk | NumVar::Stage);
    let mut pts: Vec<f32> = if integer {
        let mut v = vec![0.0];
        for t in thresholds {
            let (lo, hi) = (t.floor(), t.ceil());
            v.extend([lo - 1.0, lo, hi, hi + 1.0].into_iter().filter(|x| *x >= 0.0));
        }
        v
    } else {
        let (lo, hi) = if var == NumVar::Momentum { (-5.0, 5.0) } else { (0.0, 10.0) };
        let mut v: Vec<f32> = vec![lo, hi];
        v.extend(thresholds.iter().map(|t| t.clamp(lo, hi)));
        v.sort_by(f32::total_cmp);
        v.dedup();
        let mids: Vec<f32> = v.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
        v.extend(mids);
        v
    };
    pts.sort_by(f32::total_cmp);
    pts.dedup();
    pts
}

/// A state for static checks: every atom and numeric variable set by hand.
struct Assignment<'a> {
    atoms: &'a [Atom],
    bits: u64,
    nums: Vec<(NumVar, f32)>,
    fixed: &'a [&'a str],
}

impl CondEnv for Assignment<'_> {
    fn num(&self, var: NumVar) -> f32 {
        self.nums.iter().find(|(v, _)| *v == var).map_or(0.0, |(_, x)| *x)
    }
    fn flag(&self, name: &str) -> bool {
        self.atom(|a| matches!(a, Atom::Flag(f) if f == name))
    }
    fn visited(&self, node: &str) -> bool {
        self.fixed.contains(&node) || self.atom(|a| matches!(a, Atom::Visited(n) if n == node))
    }
    fn used(&self, code: Code) -> bool {
        self.atom(|a| matches!(a, Atom::Used(c) if *c == code))
    }
    fn unheard(&self, id: &str) -> bool {
        self.atom(|a| matches!(a, Atom::Unheard(r) if r == id))
    }
    fn heard(&self, id: &str) -> bool {
        self.atom(|a| matches!(a, Atom::Heard(r) if r == id))
    }
}

impl Assignment<'_> {
    fn atom(&self, is: impl Fn(&Atom) -> bool) -> bool {
        self.atoms.iter().position(is).is_some_and(|i| self.bits >> i & 1 == 1)
    }

    fn describe(&self) -> String {
        let nums = self.nums.iter().map(|(v, x)| {
            let name = NumVar::ALL.iter().find(|(_, w)| w == v).map_or("?", |(n, _)| *n);
            format!("{name} = {x}")
        });
        let atoms = self.atoms.iter().enumerate().map(|(i, a)| {
            let on = self.bits >> i & 1 == 1;
            format!("{a} {}", if on { "true" } else { "false" })
        });
        nums.chain(atoms).collect::<Vec<_>>().join(", ")
    }
}

/// Checks whether `conds` can all be false at once, trying every combination of the variables they use: flags,
/// `visited` and `used` are independent true/false values (except nodes in `always_visited`, which are true),
/// numeric variables take a value from every region their comparisons distinguish (within their ranges; `turn`
/// and the talk counts are whole numbers). Ignoring how the variables depend on each other can only find gaps
/// that never happen, never miss one.
pub fn coverage(conds: &[Cond], always_visited: &[&str]) -> Coverage {
    let mut atoms = Vec::new();
    let mut nums = Vec::new();
    for c in conds {
        c.collect_vars(&mut atoms, &mut nums, always_visited);
        // (Checked as they are collected: collecting is quadratic in the atoms.)
        if atoms.len() >= 16 {
            return Coverage::Unknown;
        }
    }
    let points: Vec<(NumVar, Vec<f32>)> = nums.iter().map(|(v, ts)| (*v, sample_points(*v, ts))).collect();
    let mut total: usize = 1;
    if atoms.len() >= 16 {
        return Coverage::Unknown;
    }
    for n in std::iter::once(1usize << atoms.len()).chain(points.iter().map(|(_, p)| p.len())) {
        total = match total.checked_mul(n) {
            Some(t) if t <= MAX_COMBINATIONS => t,
            _ => return Coverage::Unknown,
        };
    }
    let size: usize = conds.iter().map(Cond::size).sum();
    if total.saturating_mul(size) > MAX_COVERAGE_WORK {
        return Coverage::Unknown;
    }
    let mut satisfiable = false;
    let mut gap = None;
    for combo in 0..total {
        let mut rest = combo;
        let mut values = Vec::with_capacity(points.len());
        for (v, p) in &points {
            values.push((*v, p[rest % p.len()]));
            rest /= p.len();
        }
        let env = Assignment { atoms: &atoms, bits: rest as u64, nums: values, fixed: always_visited };
        let any = conds.iter().any(|c| c.eval(&env));
        satisfiable |= any;
        if !any && gap.is_none() {
            gap = Some(env.describe());
        }
        if satisfiable && gap.is_some() {
            break;
        }
    }
    match (satisfiable, gap) {
        (false, _) => Coverage::Never,
        (true, Some(g)) => Coverage::Gap(g),
        (true, None) => Coverage::Always,
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
    pub message: crate::i18n::Msg,
    pub start: usize,
    pub end: usize,
}

impl CondError {
    fn new(message: crate::i18n::Msg, start: usize, end: usize) -> Self {
        CondError { message, start, end }
    }
}

impl fmt::Display for CondError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
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
            // `=>` and `=<` are common slips for `>=` and `<=`: name the fix.
            ('=', Some(o @ ('>' | '<'))) => {
                let (found, fix) = if o == '>' { ("=>", ">=") } else { ("=<", "<=") };
                return Err(CondError::new(crate::msg!("cond-arrow", found, fix), start, start + 2));
            }
            ('<', _) => (Tok::Op(CmpOp::Lt), 1),
            ('>', _) => (Tok::Op(CmpOp::Gt), 1),
            ('!', _) => (Tok::Not, 1),
            _ if c.is_ascii_digit() || (c == '-' && next.is_some_and(|n| n.is_ascii_digit())) => {
                let mut j = i + 1;
                while j < chars.len() && (chars[j].1.is_ascii_digit() || chars[j].1 == '.') {
                    j += 1;
                }
                let text = &src[start..end_of(j)];
                let n: f32 =
                    text.parse().map_err(|_| CondError::new(crate::msg!("cond-number", text), start, end_of(j)))?;
                if !n.is_finite() || n.abs() > MAX_NUMBER {
                    return Err(CondError::new(
                        crate::msg!("cond-too-large-numbers-conditions", text, MAX_NUMBER = MAX_NUMBER as i64),
                        start,
                        end_of(j),
                    ));
                }
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
                return Err(CondError::new(crate::msg!("cond-unexpected-character", c), start, start + c.len_utf8()));
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
    /// How many brackets and `not`s enclose the current position.
    depth: usize,
    /// The span of every flag and `visited` node, in source order (the order of [`Cond::names`]).
    names: Vec<(usize, usize)>,
}

/// Conditions may nest brackets and `not` at most this deep, so parsing, evaluating and dropping a condition
/// never runs out of stack.
pub const MAX_DEPTH: usize = 32;
/// Conditions may be at most this many bytes long.
pub const MAX_LEN: usize = 4096;
/// Numbers in conditions are at most this large (in absolute value): every variable lies within ±100.
pub const MAX_NUMBER: f32 = 1_000_000.0;

/// Parses a condition.
pub fn parse(src: &str) -> Result<Cond, CondError> {
    parse_spanned(src).map(|(c, _)| c)
}

/// Parses a condition and returns with it the byte span of every name [`Cond::names`] lists, in the same order.
pub fn parse_spanned(src: &str) -> Result<(Cond, Vec<(usize, usize)>), CondError> {
    if src.trim().is_empty() {
        return Err(CondError::new(crate::msg!("cond-condition-empty"), 0, src.len()));
    }
    if src.len() > MAX_LEN {
        return Err(CondError::new(
            crate::msg!("cond-condition-bytes-long-conditions", len = src.len(), MAX_LEN),
            0,
            0,
        ));
    }
    let toks = lex(src)?;
    let mut p = Parser { toks, pos: 0, src, depth: 0, names: Vec::new() };
    let c = p.or()?;
    if let Some((_, s, e)) = p.toks.get(p.pos) {
        return Err(CondError::new(crate::msg!("cond-expected-end-condition"), *s, *e));
    }
    Ok((c, p.names))
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _, _)| t)
    }

    fn here(&self) -> (usize, usize) {
        self.toks.get(self.pos).map_or((self.src.len(), self.src.len()), |(_, s, e)| (*s, *e))
    }

    fn err<T>(&self, message: crate::i18n::Msg) -> Result<T, CondError> {
        let (start, end) = self.here();
        Err(CondError::new(message, start, end))
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

    /// Enters one more level of brackets or `not`, refusing more than [`MAX_DEPTH`].
    fn deeper(&mut self) -> Result<(), CondError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.err(crate::msg!("cond-condition-nests-brackets-more", MAX_DEPTH));
        }
        Ok(())
    }

    fn unary(&mut self) -> Result<Cond, CondError> {
        if self.peek() == Some(&Tok::Not) {
            self.deeper()?;
            self.pos += 1;
            let c = Cond::Not(Box::new(self.unary()?));
            self.depth -= 1;
            return Ok(c);
        }
        self.primary()
    }

    /// `what` is a name or a bracket (`(`), the same in both languages.
    fn expect(&mut self, tok: Tok, what: &str) -> Result<(), CondError> {
        if self.peek() == Some(&tok) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(crate::msg!("cond-expected", what))
        }
    }

    /// `what` says what the argument is.
    fn ident_arg(&mut self, what: crate::i18n::Msg) -> Result<(String, usize, usize), CondError> {
        self.expect(Tok::LParen, "`(`")?;
        let Some((Tok::Ident(name), s, e)) = self.toks.get(self.pos).cloned() else {
            return self.err(crate::msg!("cond-expected-arg", what));
        };
        self.pos += 1;
        self.expect(Tok::RParen, "`)`")?;
        Ok((name, s, e))
    }

    fn primary(&mut self) -> Result<Cond, CondError> {
        let Some((tok, start, end)) = self.toks.get(self.pos).cloned() else {
            return self.err(crate::msg!("cond-condition-ends-too-early"));
        };
        match tok {
            Tok::LParen => {
                self.deeper()?;
                self.pos += 1;
                let c = self.or()?;
                self.expect(Tok::RParen, "`)`")?;
                self.depth -= 1;
                Ok(c)
            }
            Tok::Ident(word) => {
                self.pos += 1;
                match word.as_str() {
                    "true" => return Ok(Cond::Const(true)),
                    "false" => return Ok(Cond::Const(false)),
                    "visited" => {
                        let (node, s, e) = self.ident_arg(crate::msg!("cond-arg-node-id"))?;
                        self.names.push((s, e));
                        return Ok(Cond::Visited(node));
                    }
                    // Followed by `(`: a sustain reason; alone, a flag of that name.
                    "unheard" | "heard" if self.peek() == Some(&Tok::LParen) => {
                        let (reason, _, _) = self.ident_arg(crate::msg!("cond-arg-reason-id"))?;
                        return Ok(if word == "heard" { Cond::Heard(reason) } else { Cond::Unheard(reason) });
                    }
                    "used" => {
                        let (code, s, e) = self.ident_arg(crate::msg!("cond-arg-mi-code"))?;
                        return match Code::parse(&code) {
                            Some(c) => Ok(Cond::Used(c)),
                            None => Err(CondError::new(crate::msg!("cond-unknown-mi-code", code), s, e)),
                        };
                    }
                    _ => {}
                }
                if let Some(var) = NumVar::parse(&word) {
                    let Some(Tok::Op(op)) = self.peek().cloned() else {
                        return self.err(crate::msg!("cond-expected-comparison-after-e", word));
                    };
                    self.pos += 1;
                    let n = match self.peek().cloned() {
                        Some(Tok::Num(n)) => n,
                        Some(Tok::Ident(name)) if var == NumVar::Stage => match crate::stage::Stage::from_name(&name) {
                            Some(st) => f32::from(st.number()),
                            None => {
                                return self.err(crate::msg!("cond-unknown-stage", name));
                            }
                        },
                        _ => return self.err(crate::msg!("cond-expected-number")),
                    };
                    self.pos += 1;
                    return Ok(Cond::Cmp(var, op, n));
                }
                if matches!(self.peek(), Some(Tok::Op(_))) {
                    let names: Vec<&str> = NumVar::ALL.iter().map(|(n, _)| *n).collect();
                    let names = names.join(", ");
                    return Err(CondError::new(
                        crate::msg!("cond-unknown-variable-numeric-variables", word, names),
                        start,
                        end,
                    ));
                }
                self.names.push((start, end));
                Ok(Cond::Flag(word))
            }
            _ => Err(CondError::new(crate::msg!("cond-expected-variable-flag-visited"), start, end)),
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
        assert_eq!(e.message.to_string(), "expected a number");
        let e = parse("mood > 3").unwrap_err();
        assert!(e.message.to_string().contains("unknown variable `mood`"), "{}", e.message);
        assert_eq!((e.start, e.end), (0, 4));
        let e = parse("used(XX)").unwrap_err();
        assert_eq!((e.start, e.end), (5, 7));
        assert!(parse("").is_err());
        assert!(parse("discord $ 3").is_err());
        assert!(parse("a b").is_err());
        assert!(parse("(a").is_err());
    }

    fn cov(conds: &[&str], fixed: &[&str]) -> Coverage {
        let cs: Vec<Cond> = conds.iter().map(|c| parse(c).unwrap()).collect();
        coverage(&cs, fixed)
    }

    #[test]
    fn coverage_finds_gaps_tautologies_and_impossible_sets() {
        assert_eq!(cov(&["kuultu", "not kuultu"], &[]), Coverage::Always);
        assert_eq!(cov(&["discord >= 5", "discord < 5"], &[]), Coverage::Always);
        assert_eq!(cov(&["turn <= 3", "turn >= 4"], &[]), Coverage::Always, "turn is a whole number");
        assert_eq!(cov(&["visited(alku)"], &["alku"]), Coverage::Always);
        assert_eq!(cov(&["importance >= 0"], &[]), Coverage::Always, "0 is the lowest importance");
        let Coverage::Gap(g) = cov(&["discord >= 5", "discord < 3"], &[]) else { panic!("a gap at 3–5") };
        assert!(g.contains("discord = 3"), "{g}");
        let Coverage::Gap(g) = cov(&["not visited(puolesta)", "visited(puolesta) and used(CR)"], &[]) else {
            panic!("visited without CR")
        };
        assert!(g.contains("visited(puolesta) true") && g.contains("used(CR) false"), "{g}");
        assert_eq!(cov(&["false", "discord > 10", "kuultu and not kuultu"], &[]), Coverage::Never);
        assert_eq!(cov(&["turn < 0"], &[]), Coverage::Never);
        let many: Vec<String> = (0..20).map(|i| format!("f{i}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(cov(&many, &[]), Coverage::Unknown);
        // Regression (issue 16): 2,000 options over 15 flags took 10 s per turn; too much work is "unknown".
        let all = (0..15).map(|i| format!("f{i}")).collect::<Vec<_>>().join(" and ");
        let conds: Vec<Cond> = (0..2_000).map(|_| parse(&all).unwrap()).collect();
        let t = std::time::Instant::now();
        assert_eq!(coverage(&conds, &[]), Coverage::Unknown);
        assert!(t.elapsed() < std::time::Duration::from_secs(1));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        // Regressions (issue 16): 10,000 brackets or `!`s overflowed the stack in the parser and evaluators.
        // (Long inputs now stop at the length limit; these stay under it.)
        let parens = format!("{}true{}", "(".repeat(1_000), ")".repeat(1_000));
        let e = parse(&parens).unwrap_err();
        assert!(e.message.to_string().contains("more than 32 deep"), "{}", e.message);
        assert_eq!((e.start, e.end), (32, 33), "located at the bracket that goes too deep");
        let nots = format!("{}true", "!".repeat(4_000));
        assert!(parse(&nots).unwrap_err().message.to_string().contains("deep"));
        let nots = format!("{}true", "not ".repeat(1_000));
        assert!(parse(&nots).unwrap_err().message.to_string().contains("deep"));
        // At the limit it parses and evaluates.
        let ok = format!("{}true{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert!(ev(&ok));
        let ok = format!("{}true", "!".repeat(MAX_DEPTH));
        assert!(ev(&ok), "an even number of `!`");
        assert!(parse(&format!("{}true", "!".repeat(MAX_DEPTH + 1))).is_err());
        assert!(parse(&"a or ".repeat(2_000)).unwrap_err().message.to_string().contains("at most 4096 bytes"));
    }

    #[test]
    fn numbers_too_large_are_refused() {
        let e = parse("discord >= 9999999999999999999999999999999999999999999").unwrap_err();
        assert!(e.message.to_string().contains("too large"), "{}", e.message);
        assert_eq!(e.start, 11);
        assert!(parse("discord >= 2000000").is_err());
        assert!(ev("momentum > -1000000"));
    }

    #[test]
    fn an_arrow_is_named_with_its_fix() {
        let e = parse("discord => 5").unwrap_err();
        assert_eq!((e.start, e.end), (8, 10));
        assert!(e.message.to_string().contains("`>=`"), "{}", e.message);
        assert!(e.message.text(crate::lang::Lang::Fi).contains("`>=`"));
        assert!(parse("discord =< 5").unwrap_err().message.to_string().contains("`<=`"));
    }

    #[test]
    fn name_spans_follow_names() {
        let src = "visited(x) and (f or not g) and discord > 2 and f";
        let (c, spans) = parse_spanned(src).unwrap();
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &src[s..e]).collect();
        assert_eq!(texts, ["x", "f", "g", "f"]);
        assert_eq!(spans[3].0, src.len() - 1, "the second `f` is located on its own");
        assert_eq!(c.names().len(), spans.len());
    }

    #[test]
    fn names_lists_flags_and_nodes() {
        let c = parse("visited(x) and (f or not g)").unwrap();
        assert_eq!(c.names(), vec![NameRef::Node("x"), NameRef::Flag("f"), NameRef::Flag("g")]);
    }
}
