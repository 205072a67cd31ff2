//! The scenario model: what a trainer writes in a `.ron` file.
//!
//! The types here are the file format. `docs/scenario-format.md` documents every field with an annotated
//! example; keep the two in step. Fields with `#[serde(default)]` may be left out of a file.

use serde::{Deserialize, Serialize};

use crate::codes::Code;
pub use crate::lang::Lang;

/// A text given per language: `(fi: "…", en: "…", sv: "…")`. Any language tag may be a key (see
/// [`Lang::from_tag`]); a key that is not one is a located error. Kept as a small list sorted by [`Lang`]'s order
/// (Finnish, English, Swedish, then the rest), so comparison and output do not depend on the order in the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<(Lang, String)>);

impl Text {
    /// A Finnish and English text (tests and generated files).
    pub fn new(fi: &str, en: &str) -> Self {
        Text::from_pairs([(Lang::Fi, fi), (Lang::En, en)])
    }

    /// A text from (language, text) pairs; a later pair for the same language replaces an earlier one.
    pub fn from_pairs<S: Into<String>>(pairs: impl IntoIterator<Item = (Lang, S)>) -> Self {
        let mut text = Text::default();
        for (lang, s) in pairs {
            text.set(lang, s.into());
        }
        text
    }

    /// The text written for `lang`, as written (possibly blank); `None` if there is no such key.
    pub fn get_exact(&self, lang: Lang) -> Option<&str> {
        self.0.binary_search_by(|(l, _)| l.cmp(&lang)).ok().map(|i| self.0[i].1.as_str())
    }

    /// Whether there is a non-blank text for `lang`.
    pub fn has(&self, lang: Lang) -> bool {
        self.get_exact(lang).is_some_and(|s| !s.trim().is_empty())
    }

    /// The language [`Text::get`] shows for `lang`: `lang` itself if written, else Finnish, else English, else the
    /// first language written; `None` for a blank text.
    pub fn shown_lang(&self, lang: Lang) -> Option<Lang> {
        [lang, Lang::Fi, Lang::En]
            .into_iter()
            .find(|l| self.has(*l))
            .or_else(|| self.0.iter().find(|(_, s)| !s.trim().is_empty()).map(|(l, _)| *l))
    }

    /// The text in `lang`, falling back to Finnish, then English, then any language written, and then to "".
    pub fn get(&self, lang: Lang) -> &str {
        self.shown_lang(lang).and_then(|l| self.get_exact(l)).unwrap_or("")
    }

    /// Sets the text for `lang`, replacing any text it had.
    pub fn set(&mut self, lang: Lang, text: String) {
        match self.0.binary_search_by(|(l, _)| l.cmp(&lang)) {
            Ok(i) => self.0[i].1 = text,
            Err(i) => self.0.insert(i, (lang, text)),
        }
    }

    /// Every (language, text) written, in [`Lang`]'s order.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> + '_ {
        self.0.iter().map(|(l, s)| (*l, s.as_str()))
    }

    /// The languages written (blank ones included), in [`Lang`]'s order.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.iter().map(|(l, _)| *l)
    }

    /// The first non-blank text in any language (for locating a text in the file).
    pub fn any(&self) -> Option<&str> {
        self.0.iter().map(|(_, s)| s.as_str()).find(|s| !s.trim().is_empty())
    }

    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|(_, s)| s.trim().is_empty())
    }
}

/// The field names serde errors list for a text: the shipped languages (any other tag is accepted too).
const TEXT_KEYS: &[&str] = &["fi", "en", "sv"];

/// Written as the struct-like `(fi: "…", en: "…")`, so scenario files read back the same.
impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("Text", self.0.len())?;
        for (lang, s) in &self.0 {
            st.serialize_field(lang.code(), s)?;
        }
        st.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Text", TEXT_KEYS, TextVisitor)
    }
}

struct TextVisitor;

impl<'de> serde::de::Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("struct Text")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        use serde::de::Error;
        let mut text = Text::default();
        while let Some(key) = map.next_key::<String>()? {
            let Some(lang) = Lang::from_tag(&key) else {
                // A language tag is two or three lowercase letters; `fin` or `Fi` is a typo for `fi`.
                return Err(A::Error::unknown_field(&key, TEXT_KEYS));
            };
            if text.get_exact(lang).is_some() {
                return Err(A::Error::duplicate_field(lang.code()));
            }
            text.set(lang, map.next_value()?);
        }
        Ok(text)
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
    /// The languages the scenario is written in, e.g. `[fi, en, sv]`: every text should have each of them (the
    /// validator says which do not). Optional: the default is every language its texts use
    /// ([`Scenario::languages`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Lang>,
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
    /// How the client resists: trust that gates disclosure, stages of change, sustain reasons that come back
    /// unless heard (`docs/client-model.md`). Every field has a default.
    #[serde(default)]
    pub client_model: ClientModel,
    /// The fewest MI-consistent replies a good ending may take: `motivo check` and `motivo paths` warn about a
    /// shorter MI-consistent path (an error with `--strict`). Default by difficulty
    /// ([`ClientModel::default_min_consistent`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_consistent: Option<u32>,
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

pub use crate::stage::Stage;

/// The conditions for entering each stage (the condition language of `when:`), checked after every reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advance {
    #[serde(default = "Advance::default_contemplation")]
    pub contemplation: String,
    #[serde(default = "Advance::default_preparation")]
    pub preparation: String,
    #[serde(default = "Advance::default_action")]
    pub action: String,
}

impl Advance {
    fn default_contemplation() -> String {
        "change_talk >= 1".into()
    }
    fn default_preparation() -> String {
        "change_talk >= 3 and trust >= 5".into()
    }
    fn default_action() -> String {
        "change_talk >= 5 and trust >= 6".into()
    }

    /// The condition for entering `stage` (none for the first stage).
    pub fn into_stage(&self, stage: Stage) -> Option<&str> {
        match stage {
            Stage::Precontemplation => None,
            Stage::Contemplation => Some(&self.contemplation),
            Stage::Preparation => Some(&self.preparation),
            Stage::Action => Some(&self.action),
        }
    }
}

impl Default for Advance {
    fn default() -> Self {
        Advance {
            contemplation: Advance::default_contemplation(),
            preparation: Advance::default_preparation(),
            action: Advance::default_action(),
        }
    }
}

/// How the client resists (`client_model:` in a scenario; see `docs/client-model.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientModel {
    /// Trust in the helper at the start, 0–10 (the alliance). Conditions read it as `trust`; lines, options
    /// and typed routes gated by `trust >= n` are what the client discloses only to a helper they trust.
    #[serde(default = "ClientModel::default_trust")]
    pub trust: f32,
    /// The stage of change at the start.
    #[serde(default)]
    pub stage: Stage,
    /// When the client moves to the next stage (at most one step per reply).
    #[serde(default)]
    pub advance: Advance,
    /// When the client falls back one stage (e.g. `discord >= 6`); checked before advancing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<String>,
    /// Sustain reasons the client holds: ids of `Sustain` meanings. Said in a line, a reason is held until a
    /// reflection captures it (a typed reflection of that meaning, or an option with `hears: ["id"]`); until
    /// then conditions see `unheard(id)`, so later lines bring it back ("kyllä, mutta…").
    #[serde(default)]
    pub reasons: Vec<String>,
}

impl ClientModel {
    fn default_trust() -> f32 {
        5.0
    }

    /// The default fewest MI-consistent replies to a good ending, by difficulty (1 → 3, 2 → 4, 3 → 5).
    pub fn default_min_consistent(difficulty: u8) -> u32 {
        u32::from(difficulty.clamp(1, 3)) + 2
    }
}

impl Default for ClientModel {
    fn default() -> Self {
        ClientModel {
            trust: ClientModel::default_trust(),
            stage: Stage::default(),
            advance: Advance::default(),
            back: None,
            reasons: Vec::new(),
        }
    }
}

impl Scenario {
    /// The fewest MI-consistent replies a good ending may take: `min_consistent`, else the default by
    /// difficulty.
    pub fn min_consistent(&self) -> u32 {
        self.min_consistent.unwrap_or_else(|| ClientModel::default_min_consistent(self.difficulty))
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

/// A key meaning of a client line, with cue words per language (lowercase word stems):
/// `(id: "ei_osaa", side: Sustain, fi: ["osaa"], en: ["can't"], sv: ["kan inte"])`. Any language tag may be a
/// key, as in a [`Text`].
#[derive(Debug, Clone, PartialEq)]
pub struct Meaning {
    pub id: String,
    /// Which side of the ambivalence the meaning is on.
    pub side: Side,
    /// Cue words per language, sorted by [`Lang`]'s order; use [`Meaning::cues`].
    pub cues: Vec<(Lang, Vec<String>)>,
}

impl Meaning {
    /// A meaning from its cue words per language (a later list for the same language replaces an earlier one).
    pub fn new(id: &str, side: Side, cues: impl IntoIterator<Item = (Lang, Vec<String>)>) -> Self {
        let mut m = Meaning { id: id.to_owned(), side, cues: Vec::new() };
        for (lang, words) in cues {
            match m.cues.binary_search_by(|(l, _)| l.cmp(&lang)) {
                Ok(i) => m.cues[i].1 = words,
                Err(i) => m.cues.insert(i, (lang, words)),
            }
        }
        m
    }

    /// The cue words in `lang` (none if the meaning has none in it: cues are never matched across languages).
    pub fn cues(&self, lang: Lang) -> &[String] {
        self.cues.binary_search_by(|(l, _)| l.cmp(&lang)).map_or(&[], |i| &self.cues[i].1)
    }

    /// Whether the meaning has a cue word in any language.
    pub fn has_cues(&self) -> bool {
        self.cues.iter().any(|(_, words)| !words.is_empty())
    }
}

const MEANING_FIELDS: &[&str] = &["id", "side", "fi", "en", "sv"];

impl Serialize for Meaning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = serializer.serialize_struct("Meaning", 2 + self.cues.len())?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("side", &self.side)?;
        for (lang, words) in &self.cues {
            st.serialize_field(lang.code(), words)?;
        }
        st.end()
    }
}

impl<'de> Deserialize<'de> for Meaning {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_struct("Meaning", MEANING_FIELDS, MeaningVisitor)
    }
}

struct MeaningVisitor;

impl<'de> serde::de::Visitor<'de> for MeaningVisitor {
    type Value = Meaning;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("struct Meaning")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Meaning, A::Error> {
        use serde::de::Error;
        let (mut id, mut side) = (None, None);
        let mut cues: Vec<(Lang, Vec<String>)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" if id.is_some() => return Err(A::Error::duplicate_field("id")),
                "id" => id = Some(map.next_value::<String>()?),
                "side" if side.is_some() => return Err(A::Error::duplicate_field("side")),
                "side" => side = Some(map.next_value::<Side>()?),
                other => {
                    let Some(lang) = Lang::from_tag(other) else {
                        return Err(A::Error::unknown_field(other, MEANING_FIELDS));
                    };
                    if cues.iter().any(|(l, _)| *l == lang) {
                        return Err(A::Error::duplicate_field(lang.code()));
                    }
                    cues.push((lang, map.next_value()?));
                }
            }
        }
        let id = id.ok_or_else(|| A::Error::missing_field("id"))?;
        let side = side.ok_or_else(|| A::Error::missing_field("side"))?;
        Ok(Meaning::new(&id, side, cues))
    }
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
    /// Sustain reasons (`client_model.reasons`) this reply reflects: picked, they count as heard. The reply
    /// must be a reflection (`SR` or `CR`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hears: Vec<String>,
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
            (EthicsKind::TakesCredentials, _) => {
                "Bank codes and PINs belong to the client alone: a digital helper never asks for, takes, types or keeps them. The client types; you guide from beside them."
            }
            (EthicsKind::LogsInAsClient, Lang::Fi) => {
                "Et kirjaudu asiakkaana. Vahva tunnistautuminen on asiakkaan oma tahdonilmaus."
            }
            (EthicsKind::LogsInAsClient, _) => {
                "You never log in as the client. Strong identification is the client's own act."
            }
            (EthicsKind::ActsWithoutAuthorisation, Lang::Fi) => {
                "Toisen puolesta asioidaan vain laillisella valtuutuksella (esimerkiksi Suomi.fi-valtuudet, apteekkivaltuutus tai edunvalvonta)."
            }
            (EthicsKind::ActsWithoutAuthorisation, _) => {
                "Acting for someone else needs a legal authorisation (e.g. Suomi.fi e-Authorizations, a pharmacy authorisation or a guardian)."
            }
            (EthicsKind::DoesItForClient, Lang::Fi) => {
                "Kun teet asian asiakkaan puolesta, hän ei opi eikä päätä itse. Anna asiakkaan painaa näppäimet."
            }
            (EthicsKind::DoesItForClient, _) => {
                "When you do it for the client, they neither learn nor decide. Let the client press the keys."
            }
            (EthicsKind::PrivacyBreach, Lang::Fi) => {
                "Asiakkaan tiedot eivät saa jäädä muiden nähtäville eikä yhteiselle laitteelle."
            }
            (EthicsKind::PrivacyBreach, _) => {
                "The client's data must not be left where others can see it, or on a shared device."
            }
            (EthicsKind::IgnoresSafetySignal, Lang::Fi) => {
                "Asiakas kertoi jotain, joka voi vaarantaa hänen turvallisuutensa. Pysähdy siihen ensin, ennen kuin jatkat asiaa."
            }
            (EthicsKind::IgnoresSafetySignal, _) => {
                "The client said something that may put their safety at risk. Stop for it first, before going on with the task."
            }
            (EthicsKind::BeyondCompetence, Lang::Fi) => {
                "Tämä on toisen ammattilaisen asia. Ohjaa asiakas sinne sen sijaan, että arvioisit tai neuvoisit itse."
            }
            (EthicsKind::BeyondCompetence, _) => {
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

    /// The languages the scenario is written in: `languages:` if given, else every language any of its texts is
    /// written in (in [`Lang`]'s order, Finnish first), else Finnish. So a text that lacks a language the others
    /// have is reported, whichever text it is.
    pub fn languages(&self) -> Vec<Lang> {
        if !self.languages.is_empty() {
            return self.languages.clone();
        }
        let mut langs: Vec<Lang> = Vec::new();
        self.each_text(&mut |t| {
            for (lang, s) in t.iter() {
                if !s.trim().is_empty() && !langs.contains(&lang) {
                    langs.push(lang);
                }
            }
        });
        langs.sort();
        if langs.is_empty() { vec![Lang::Fi] } else { langs }
    }

    /// Calls `f` with every text of the scenario (the learner-facing ones: titles, persona, lines, options,
    /// feedback, ethics explanations, debriefs).
    pub fn each_text(&self, f: &mut dyn FnMut(&Text)) {
        let line = |l: &ClientLine, f: &mut dyn FnMut(&Text)| f(&l.text);
        for t in [&self.title, &self.summary, &self.goal, &self.persona.situation, &self.persona.service] {
            f(t);
        }
        self.outcomes.iter().for_each(&mut *f);
        for node in &self.nodes {
            match node {
                Node::Turn(turn) => {
                    turn.lines.iter().for_each(|l| line(l, f));
                    for o in &turn.options {
                        f(&o.text);
                        f(&o.feedback);
                        if let Some(e) = &o.ethics {
                            f(&e.explain);
                        }
                    }
                    for r in &turn.free_text {
                        r.clarify.iter().for_each(|l| line(l, f));
                        r.feedback.iter().for_each(&mut *f);
                        if let Some(e) = &r.ethics {
                            f(&e.explain);
                        }
                    }
                }
                Node::Ending(end) => {
                    end.lines.iter().for_each(|l| line(l, f));
                    f(&end.debrief);
                }
            }
        }
    }

    /// The language a learner who asks for `lang` sees the scenario in: `lang` if the scenario is written in it,
    /// else Finnish if it is, else its first language.
    pub fn play_lang(&self, lang: Lang) -> Lang {
        let langs = self.languages();
        if langs.contains(&lang) {
            lang
        } else if langs.contains(&Lang::Fi) {
            Lang::Fi
        } else {
            langs.first().copied().unwrap_or(Lang::Fi)
        }
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
