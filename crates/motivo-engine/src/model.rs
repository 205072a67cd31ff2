//! The scenario model: what a trainer writes in a `.ron` file.
//!
//! The types here are the file format. `docs/scenario-format.md` documents every field with an annotated
//! example; keep the two in step. Fields with `#[serde(default)]` may be left out of a file.

use serde::{Deserialize, Serialize};

use crate::codes::Code;
pub use crate::lang::Lang;

/// A text given per language: `(fi: "…", en: "…")`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn new(fi: &str, en: &str) -> Self {
        Text { fi: Some(fi.to_owned()), en: Some(en.to_owned()) }
    }

    pub fn get_exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Fi => self.fi.as_deref(),
            Lang::En => self.en.as_deref(),
            Lang::Sv => None,
        }
    }

    /// The text in `lang`, falling back to the other language (Finnish first) and then to "".
    pub fn get(&self, lang: Lang) -> &str {
        self.get_exact(lang)
            .filter(|s| !s.trim().is_empty())
            .or_else(|| Lang::ALL.iter().find_map(|l| self.get_exact(*l).filter(|s| !s.trim().is_empty())))
            .unwrap_or("")
    }

    pub fn is_blank(&self) -> bool {
        Lang::ALL.iter().all(|l| self.get_exact(*l).is_none_or(|s| s.trim().is_empty()))
    }
}

/// A whole scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable identifier, lowercase letters, digits and `-` (used on the command line and in progress files).
    pub id: String,
    /// Bumped by the trainer when the content changes in a way that matters to scores.
    pub version: u32,
    pub title: Text,
    pub summary: Text,
    /// Course module id this scenario belongs to (see `course.ron`).
    #[serde(default)]
    pub module: String,
    /// How hard the client is: 1 willing, 2 ambivalent, 3 discordant or in crisis. Shown to the learner; the
    /// course can ask for more than the easiest level.
    #[serde(default = "one_u8")]
    pub difficulty: u8,
    /// Learning outcomes the scenario trains, as free texts shown to the learner.
    #[serde(default)]
    pub outcomes: Vec<Text>,
    pub persona: Persona,
    /// The goal of the conversation, shown on the intro screen.
    pub goal: Text,
    /// The client's state when the conversation starts.
    #[serde(default)]
    pub start_state: ClientState,
    /// Default reply input for every turn (a turn may override it).
    #[serde(default)]
    pub input: InputMode,
    /// Boolean flags the scenario uses in conditions; options and routes set them.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Id of the first node.
    pub start: String,
    /// A safety net: after this many learner replies the conversation goes to the ending `on_limit` instead of
    /// another turn. Both or neither are given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_turns: Option<u32>,
    /// The ending the conversation goes to when `max_turns` is reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub on_limit: Option<String>,
    pub nodes: Vec<Node>,
    /// Node id → position in `nodes`; filled by [`Scenario::build_index`] (the loader does it).
    #[serde(skip)]
    pub index: std::collections::HashMap<String, usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub name: String,
    pub age: u32,
    pub situation: Text,
    /// The digital service the conversation is about.
    pub service: Text,
}

/// The client's state. Importance and confidence are the MI rulers (0–10); discord is friction with the helper
/// (0–10); momentum is change-talk momentum (−5 … 5, positive = moving toward change).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientState {
    pub importance: f32,
    pub confidence: f32,
    #[serde(default)]
    pub discord: f32,
    #[serde(default)]
    pub momentum: f32,
}

impl Default for ClientState {
    fn default() -> Self {
        ClientState { importance: 5.0, confidence: 5.0, discord: 0.0, momentum: 0.0 }
    }
}

impl ClientState {
    pub const SCALE_MAX: f32 = 10.0;
    pub const MOMENTUM_MAX: f32 = 5.0;

    /// Applies `effect` and clamps every value to its range.
    pub fn apply(&mut self, effect: &Effect) {
        self.importance = (self.importance + effect.importance).clamp(0.0, Self::SCALE_MAX);
        self.confidence = (self.confidence + effect.confidence).clamp(0.0, Self::SCALE_MAX);
        self.discord = (self.discord + effect.discord).clamp(0.0, Self::SCALE_MAX);
        self.momentum = (self.momentum + effect.momentum).clamp(-Self::MOMENTUM_MAX, Self::MOMENTUM_MAX);
    }
}

/// A change to the client's state. Every field defaults to 0.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Effect {
    #[serde(default)]
    pub importance: f32,
    #[serde(default)]
    pub confidence: f32,
    #[serde(default)]
    pub discord: f32,
    #[serde(default)]
    pub momentum: f32,
}

impl Effect {
    pub const fn new(importance: f32, confidence: f32, discord: f32, momentum: f32) -> Self {
        Effect { importance, confidence, discord, momentum }
    }

    /// One number for "how good is this for the client": used by the validator to compare options.
    pub fn value(&self) -> f32 {
        self.importance + self.confidence + self.momentum - self.discord
    }
}

/// How the learner replies at a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum InputMode {
    /// Pick one of the authored options.
    #[default]
    Choice,
    /// Type a reply; it is coded and routed by the turn's `free_text` rules.
    FreeText,
    /// Type a reply first, then pick the authored option closest to it.
    WriteThenPick,
}

/// One step of the conversation graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Node {
    /// The client speaks and the learner replies.
    Turn(Turn),
    /// The conversation ends.
    Ending(Ending),
}

impl Node {
    pub fn id(&self) -> &str {
        match self {
            Node::Turn(t) => &t.id,
            Node::Ending(e) => &e.id,
        }
    }

    pub fn lines(&self) -> &[ClientLine] {
        match self {
            Node::Turn(t) => &t.lines,
            Node::Ending(e) => &e.lines,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    pub id: String,
    /// Variants of what the client says; see [`ClientLine`] for how one is picked.
    pub lines: Vec<ClientLine>,
    /// Overrides the scenario's input mode for this turn.
    #[serde(default)]
    pub input: Option<InputMode>,
    /// Authored reply options.
    #[serde(default)]
    pub options: Vec<ReplyOption>,
    /// Where a typed reply goes, tried in order; the first matching rule wins.
    #[serde(default)]
    pub free_text: Vec<Route>,
}

/// Something the client says. When a node is entered, the lines whose `when` holds are candidates; lines with a
/// condition win over lines without one (the more specific line is used), and among the candidates one is picked
/// by the seeded random generator, weighted by `weight`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientLine {
    pub text: Text,
    pub talk: Talk,
    /// A condition over the client's state and the conversation so far (see `docs/scenario-format.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    #[serde(default = "one")]
    pub weight: u32,
    /// Key meanings in this line that a good reflection would capture (used to code free-text reflections).
    #[serde(default)]
    pub meanings: Vec<Meaning>,
}

fn one() -> u32 {
    1
}

fn one_u8() -> u8 {
    1
}

/// A key meaning of a client line, with cue words per language (lowercase word stems).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meaning {
    pub id: String,
    /// Which side of the ambivalence the meaning is on.
    pub side: Side,
    #[serde(default)]
    pub fi: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
}

/// Which side of the ambivalence something is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    Change,
    Sustain,
    Neutral,
}

/// The DARN-CAT types of change and sustain talk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Darn {
    Desire,
    Ability,
    Reasons,
    Need,
    Commitment,
    Activation,
    TakingSteps,
}

impl Darn {
    /// Commitment, activation and taking steps are mobilising talk; the rest is preparatory.
    pub fn is_mobilising(self) -> bool {
        matches!(self, Darn::Commitment | Darn::Activation | Darn::TakingSteps)
    }
}

/// The type of a client line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Talk {
    Change(Darn),
    Sustain(Darn),
    Neutral,
    /// Friction with the helper (defending, disengaging), not the same as sustain talk.
    Discord,
}

impl Talk {
    pub fn side(self) -> Side {
        match self {
            Talk::Change(_) => Side::Change,
            Talk::Sustain(_) | Talk::Discord => Side::Sustain,
            Talk::Neutral => Side::Neutral,
        }
    }
}

/// An authored reply the learner can pick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyOption {
    /// A name for the option, unique within its turn (lowercase letters, digits, `-`, `_`). Options are shown
    /// in a shuffled order, so test scripts and plans pick options by this id (`@id`), not by position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub text: Text,
    /// The option is shown only when this condition holds (see `docs/scenario-format.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// MI behaviour codes of this reply (MITI 4.2.1 plus OQ/CQ; see `docs/scoring.md`).
    pub codes: Vec<Code>,
    /// Which side of the client's ambivalence the reply attends to. Defaults to the side of the client's line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Side>,
    /// Replaces the default rule table's effect on the client.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// Shown to the learner after picking this reply (coach mode) and in the report.
    pub feedback: Text,
    /// A digital-support ethics problem with this reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethics: Option<EthicsMark>,
    /// Flags set when this reply is picked.
    #[serde(default)]
    pub set: Vec<String>,
    pub next: String,
}

/// A routing rule for typed replies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub when: RouteWhen,
    /// The rule is tried only when this condition holds (a condition like an option's `when`).
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub cond: Option<String>,
    /// Where the conversation goes. Leave it out when `clarify` is given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next: String,
    /// Instead of moving on, the client answers with this line and the turn stays open: for a reply the
    /// scenario cannot follow (an `Otherwise` rule), so the conversation never moves as if the learner had said
    /// something they did not. The client's line is picked like any other (`when`, talk type, meanings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clarify: Option<ClientLine>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<Text>,
    /// A digital-support ethics problem with replies routed here (e.g. a rule for typed replies that offer to
    /// type the client's codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethics: Option<EthicsMark>,
    #[serde(default)]
    pub set: Vec<String>,
}

/// When a routing rule matches a coded typed reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RouteWhen {
    /// The reply has this code.
    Code(Code),
    /// The reply has any of these codes.
    AnyCode(Vec<Code>),
    /// The reply is a reflection that captured this meaning of the client's line (a [`Meaning`] id).
    Reflected(String),
    /// The reply is a reflection of the client's change talk.
    ReflectedChange,
    /// The reply is a reflection of the client's sustain talk.
    ReflectedSustain,
    /// The coder found this digital-support ethics problem in the typed words (e.g. offering to type the
    /// client's codes). The finding counts whatever rule routes the reply; this rule lets the client react.
    Ethics(EthicsKind),
    /// The coder found any digital-support ethics problem in the typed words.
    AnyEthics,
    /// Always matches; put it last.
    Otherwise,
}

/// A digital-support ethics problem attached to a reply option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EthicsMark {
    pub kind: EthicsKind,
    /// Why this is a problem, shown to the learner.
    pub explain: Text,
}

/// Kinds of digital-support ethics problems (see `../shared/brief/digital-support.md` §2.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EthicsKind {
    /// Asks for, takes, types or keeps the client's bank codes, PINs or passwords.
    TakesCredentials,
    /// Logs in or identifies as the client.
    LogsInAsClient,
    /// Acts in the client's name without a legal authorisation (e.g. Suomi.fi-valtuudet).
    ActsWithoutAuthorisation,
    /// Does the task instead of letting the client press the keys.
    DoesItForClient,
    /// Leaves the client's data exposed (shared device not logged out, data shown to others).
    PrivacyBreach,
    /// Ignores a safety signal (scam in progress, abuse, self-harm talk).
    IgnoresSafetySignal,
    /// Goes beyond the helper's competence instead of referring.
    BeyondCompetence,
}

impl EthicsKind {
    pub const ALL: [EthicsKind; 7] = [
        EthicsKind::TakesCredentials,
        EthicsKind::LogsInAsClient,
        EthicsKind::ActsWithoutAuthorisation,
        EthicsKind::DoesItForClient,
        EthicsKind::PrivacyBreach,
        EthicsKind::IgnoresSafetySignal,
        EthicsKind::BeyondCompetence,
    ];

    /// What the problem is, in plain words for the learner.
    pub fn explain(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EthicsKind::TakesCredentials, Lang::Fi) => {
                "Pankkitunnukset ja tunnusluvut ovat vain asiakkaan omia: digituki ei pyydä, ota, näppäile eikä säilytä niitä. Asiakas näppäilee itse, sinä neuvot vieressä."
            }
            (EthicsKind::TakesCredentials, Lang::En | Lang::Sv) => {
                "Bank codes and PINs belong to the client alone: a digital helper never asks for, takes, types or keeps them. The client types; you guide from beside them."
            }
            (EthicsKind::LogsInAsClient, Lang::Fi) => {
                "Et kirjaudu asiakkaana. Vahva tunnistautuminen on asiakkaan oma tahdonilmaus."
            }
            (EthicsKind::LogsInAsClient, Lang::En | Lang::Sv) => {
                "You never log in as the client. Strong identification is the client's own act."
            }
            (EthicsKind::ActsWithoutAuthorisation, Lang::Fi) => {
                "Toisen puolesta asioidaan vain laillisella valtuutuksella (esimerkiksi Suomi.fi-valtuudet, apteekkivaltuutus tai edunvalvonta)."
            }
            (EthicsKind::ActsWithoutAuthorisation, Lang::En | Lang::Sv) => {
                "Acting for someone else needs a legal authorisation (e.g. Suomi.fi e-Authorizations, a pharmacy authorisation or a guardian)."
            }
            (EthicsKind::DoesItForClient, Lang::Fi) => {
                "Kun teet asian asiakkaan puolesta, hän ei opi eikä päätä itse. Anna asiakkaan painaa näppäimet."
            }
            (EthicsKind::DoesItForClient, Lang::En | Lang::Sv) => {
                "When you do it for the client, they neither learn nor decide. Let the client press the keys."
            }
            (EthicsKind::PrivacyBreach, Lang::Fi) => {
                "Asiakkaan tiedot eivät saa jäädä muiden nähtäville eikä yhteiselle laitteelle."
            }
            (EthicsKind::PrivacyBreach, Lang::En | Lang::Sv) => {
                "The client's data must not be left where others can see it, or on a shared device."
            }
            (EthicsKind::IgnoresSafetySignal, Lang::Fi) => {
                "Asiakas kertoi jotain, joka voi vaarantaa hänen turvallisuutensa. Pysähdy siihen ensin, ennen kuin jatkat asiaa."
            }
            (EthicsKind::IgnoresSafetySignal, Lang::En | Lang::Sv) => {
                "The client said something that may put their safety at risk. Stop for it first, before going on with the task."
            }
            (EthicsKind::BeyondCompetence, Lang::Fi) => {
                "Tämä on toisen ammattilaisen asia. Ohjaa asiakas sinne sen sijaan, että arvioisit tai neuvoisit itse."
            }
            (EthicsKind::BeyondCompetence, Lang::En | Lang::Sv) => {
                "This belongs to another professional. Refer the client there instead of judging or advising yourself."
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            EthicsKind::TakesCredentials => "TakesCredentials",
            EthicsKind::LogsInAsClient => "LogsInAsClient",
            EthicsKind::ActsWithoutAuthorisation => "ActsWithoutAuthorisation",
            EthicsKind::DoesItForClient => "DoesItForClient",
            EthicsKind::PrivacyBreach => "PrivacyBreach",
            EthicsKind::IgnoresSafetySignal => "IgnoresSafetySignal",
            EthicsKind::BeyondCompetence => "BeyondCompetence",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: String,
    pub outcome: Outcome,
    /// The client's last words (picked like a turn's lines).
    pub lines: Vec<ClientLine>,
    /// A short debrief shown with the report.
    #[serde(default)]
    pub debrief: Text,
}

/// How a conversation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// The client names their own next step.
    NextStep,
    /// The client is referred to a fitting service (a good ending when that is what the client needs).
    Referral,
    /// The client puts the decision off.
    Postpones,
    /// The client withdraws from the conversation.
    Disengages,
}

impl Outcome {
    pub fn is_good(self) -> bool {
        matches!(self, Outcome::NextStep | Outcome::Referral)
    }

    pub fn name(self) -> &'static str {
        match self {
            Outcome::NextStep => "NextStep",
            Outcome::Referral => "Referral",
            Outcome::Postpones => "Postpones",
            Outcome::Disengages => "Disengages",
        }
    }
}

impl Scenario {
    /// Rebuilds the id → node index. The first node with an id wins (duplicates are a validation error).
    pub fn build_index(&mut self) {
        self.index.clear();
        for (i, n) in self.nodes.iter().enumerate() {
            self.index.entry(n.id().to_owned()).or_insert(i);
        }
    }

    pub fn node_index(&self, id: &str) -> Option<usize> {
        if self.index.is_empty() && !self.nodes.is_empty() {
            return self.nodes.iter().position(|n| n.id() == id);
        }
        self.index.get(id).copied()
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_index(id).map(|i| &self.nodes[i])
    }
}

impl Turn {
    pub fn input_mode(&self, scenario: &Scenario) -> InputMode {
        self.input.unwrap_or(scenario.input)
    }
}

/// Whether an optional condition holds in `env`. No condition always holds; a condition that does not parse
/// never holds (the validator reports it, so a loaded scenario has none).
pub fn holds(when: Option<&str>, env: &dyn crate::cond::CondEnv) -> bool {
    when.is_none_or(|w| crate::cond::parse(w).is_ok_and(|c| c.eval(env)))
}

impl ReplyOption {
    /// Whether the option is shown in `env` (its `when` holds, or it has none).
    pub fn shown(&self, env: &dyn crate::cond::CondEnv) -> bool {
        holds(self.when.as_deref(), env)
    }
}
