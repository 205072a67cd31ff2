//! Diagnostics: what the loader and validator report, located in the source text.
//!
//! The engine only produces data (severity, kind, message, byte span, line and column); the program renders
//! it like rustc (with `codespan-reporting`) or as JSON.
//!
//! Every text of a diagnostic (message, label, notes) is a [`Msg`] from the message catalogue (`crate::i18n`),
//! rendered on demand in any language the catalogue has: [`Diagnostic::message_in`], or [`Diagnostic::rendered`]
//! for JSON.

use serde::Serialize;

use crate::i18n::Msg;
use crate::lang::Lang;

mod ron_error;
pub use ron_error::ron_error;
pub(crate) use ron_error::{too_deep_message, too_deep_note};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// Every kind of problem the loader and validator report. The code (`M0xx`) is stable and documented in
/// `docs/scenario-format.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Kind {
    /// The file is not valid RON or does not match the scenario format.
    Parse,
    /// The file is not UTF-8 text or contains NUL bytes.
    NotText,
    /// The file is larger than the limit.
    TooLarge,
    /// The file nests deeper than the limit.
    TooDeep,
    /// An MI code that does not exist.
    UnknownCode,
    /// An id that is not well formed.
    BadId,
    DuplicateId,
    /// A reference to a node that does not exist.
    UnknownNode,
    UnreachableNode,
    /// A turn with no way on, or a node from which no ending can be reached.
    DeadEnd,
    /// A required text that is empty.
    EmptyText,
    /// A text missing in one language (an error with `--strict`).
    MissingTranslation,
    /// A condition that does not parse.
    BadCondition,
    /// A condition or `set` naming a flag that is not declared.
    UnknownVariable,
    /// A free-text rule naming a meaning the turn's lines do not have.
    UnknownMeaning,
    /// A node with no client lines, or whose lines are all conditional.
    NoLine,
    /// A turn that takes typed replies but has no `Otherwise` rule, or rules after one.
    FreeTextRouting,
    /// No path of MI-consistent replies leads from the start to a good ending.
    NoGoodPath,
    /// An MI-inconsistent option scores higher than a consistent one at the same turn.
    InconsistentOutscores,
    /// A value out of its range (client state, version).
    OutOfRange,
    /// A course module lists a scenario that does not exist.
    UnknownScenario,
    /// A course outcome (module) has no scenarios yet (a warning).
    NoScenarios,
    /// The course's unlock rules form a cycle, so some module can never open.
    UnlockCycle,
    /// A reference to a course module that does not exist.
    UnknownModule,
    /// A scenario's own `module` field names a different module than the course puts it in (a warning).
    ModuleMismatch,
    /// A turn where every option has a `when` and they can all be false at once, so the learner could have
    /// nothing to pick (an error when no option can ever be shown).
    HiddenOptions,
    /// A bad turn limit: `max_turns` without `on_limit` (or the other way round), `max_turns: 0`, an `on_limit`
    /// that is not an ending, or a limit shorter than every route to a good ending.
    TurnLimit,
    /// A turn with an ethics-marked option has no typed-reply rule for that problem (`Ethics(kind)` or
    /// `AnyEthics`), so the typed version of the mistake would not be caught by the scenario.
    EthicsRouteMissing,
    /// A fallback that assumes something: an `Otherwise` rule that sets flags, or one that reaches a good ending
    /// by a shorter way than the MI-consistent replies.
    FallbackAssumes,
    /// A typed-reply rule for a good repair (SEEK, AF, EMPH, permission, a reflection) leads only to bad endings.
    RepairPunished,
    /// A turn that accepts no typed reply (an error with `--strict`): learners answering in their own words
    /// cannot go on there.
    NoTypedReply,
    /// A bad `client_model`: trust outside 0–10, or a stage condition (`advance`, `back`) that does not parse or
    /// names something that does not exist.
    ClientModel,
    /// A sustain reason that is not a `Sustain` meaning of any line, or a `hears:` or `heard(…)`/`unheard(…)`
    /// that names no declared reason.
    UnknownReason,
    /// A sustain reason that never comes back: no line is conditioned on `unheard(…)` (an error with
    /// `--strict`).
    ReasonNeverReturns,
    /// An option that `hears` a sustain reason but is not a reflection.
    HearsWithoutReflection,
    /// A good ending is reached by fewer MI-consistent replies than `min_consistent` (an error with `--strict`).
    TooFewConsistent,
    /// A scenario's `module` names no module of the course it is checked with (a warning; an error with
    /// `--strict`). Only `motivo check` reports it, when it finds the course (`validate::course_module`).
    NotInCourse,
}

impl Kind {
    /// Every kind, in code order.
    pub const ALL: [Kind; 37] = [
        Kind::Parse,
        Kind::NotText,
        Kind::TooLarge,
        Kind::TooDeep,
        Kind::UnknownCode,
        Kind::BadId,
        Kind::DuplicateId,
        Kind::UnknownNode,
        Kind::UnreachableNode,
        Kind::DeadEnd,
        Kind::EmptyText,
        Kind::MissingTranslation,
        Kind::BadCondition,
        Kind::UnknownVariable,
        Kind::UnknownMeaning,
        Kind::NoLine,
        Kind::FreeTextRouting,
        Kind::NoGoodPath,
        Kind::InconsistentOutscores,
        Kind::OutOfRange,
        Kind::UnknownScenario,
        Kind::NoScenarios,
        Kind::UnlockCycle,
        Kind::UnknownModule,
        Kind::ModuleMismatch,
        Kind::HiddenOptions,
        Kind::TurnLimit,
        Kind::EthicsRouteMissing,
        Kind::FallbackAssumes,
        Kind::RepairPunished,
        Kind::NoTypedReply,
        Kind::ClientModel,
        Kind::UnknownReason,
        Kind::ReasonNeverReturns,
        Kind::HearsWithoutReflection,
        Kind::TooFewConsistent,
        Kind::NotInCourse,
    ];

    /// Whether the kind is about the course file (`M021`–`M025`), not scenarios.
    pub fn is_course(self) -> bool {
        matches!(
            self,
            Kind::UnknownScenario | Kind::NoScenarios | Kind::UnlockCycle | Kind::UnknownModule | Kind::ModuleMismatch
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            Kind::Parse => "M001",
            Kind::NotText => "M002",
            Kind::TooLarge => "M003",
            Kind::TooDeep => "M004",
            Kind::UnknownCode => "M005",
            Kind::BadId => "M006",
            Kind::DuplicateId => "M007",
            Kind::UnknownNode => "M008",
            Kind::UnreachableNode => "M009",
            Kind::DeadEnd => "M010",
            Kind::EmptyText => "M011",
            Kind::MissingTranslation => "M012",
            Kind::BadCondition => "M013",
            Kind::UnknownVariable => "M014",
            Kind::UnknownMeaning => "M015",
            Kind::NoLine => "M016",
            Kind::FreeTextRouting => "M017",
            Kind::NoGoodPath => "M018",
            Kind::InconsistentOutscores => "M019",
            Kind::OutOfRange => "M020",
            Kind::UnknownScenario => "M021",
            Kind::NoScenarios => "M022",
            Kind::UnlockCycle => "M023",
            Kind::UnknownModule => "M024",
            Kind::ModuleMismatch => "M025",
            Kind::HiddenOptions => "M026",
            Kind::TurnLimit => "M027",
            Kind::EthicsRouteMissing => "M028",
            Kind::FallbackAssumes => "M029",
            Kind::RepairPunished => "M030",
            Kind::NoTypedReply => "M031",
            Kind::ClientModel => "M032",
            Kind::UnknownReason => "M033",
            Kind::ReasonNeverReturns => "M034",
            Kind::HearsWithoutReflection => "M035",
            Kind::TooFewConsistent => "M036",
            Kind::NotInCourse => "M037",
        }
    }
}

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// A located problem. Its texts are messages of the catalogue, rendered with [`Diagnostic::message_in`],
/// [`Diagnostic::label_in`] and [`Diagnostic::notes_in`]. Use [`Diagnostic::note`] and [`Diagnostic::set_label`]
/// to add texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub code: &'static str,
    pub message: Msg,
    /// Byte range in the source.
    pub start: usize,
    pub end: usize,
    /// Where `start` is.
    pub location: LineCol,
    /// Short text shown under the snippet.
    pub label: Option<Msg>,
    /// Notes shown after the snippet.
    pub notes: Vec<Msg>,
    /// Where the problem this one follows from is (e.g. the unknown `next` that leaves a node unreachable):
    /// such a consequence is listed after the causes ([`sort`]).
    pub caused_by: Option<LineCol>,
}

/// A diagnostic with its texts rendered in one language, for JSON output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendered {
    pub severity: Severity,
    pub kind: Kind,
    pub code: &'static str,
    /// The language of the texts.
    pub lang: String,
    pub message: String,
    /// The catalogue id of the message.
    pub message_id: &'static str,
    pub start: usize,
    pub end: usize,
    pub location: LineCol,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Where the problem this one follows from is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caused_by: Option<LineCol>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Adds a note.
    pub fn note(&mut self, note: Msg) -> &mut Self {
        self.notes.push(note);
        self
    }

    /// Sets the label under the snippet.
    pub fn set_label(&mut self, label: Msg) -> &mut Self {
        self.label = Some(label);
        self
    }

    pub fn message_in(&self, lang: Lang) -> String {
        self.message.text(lang)
    }

    pub fn label_in(&self, lang: Lang) -> Option<String> {
        self.label.as_ref().map(|l| l.text(lang))
    }

    pub fn notes_in(&self, lang: Lang) -> Vec<String> {
        self.notes.iter().map(|n| n.text(lang)).collect()
    }

    /// Every message of the diagnostic (message, label, notes, and the messages nested in their arguments).
    pub fn messages(&self) -> Vec<&Msg> {
        let mut out = Vec::new();
        for m in std::iter::once(&self.message).chain(&self.label).chain(&self.notes) {
            out.push(m);
        }
        out
    }

    /// Whether every message of the diagnostic (nested ones too) exists in every language of the program's
    /// catalogue, without falling back (tests use this to make sure no diagnostic is left untranslated).
    pub fn is_translated(&self) -> bool {
        let cat = crate::i18n::global();
        let mut ok = true;
        for m in self.messages() {
            m.walk(&mut |m| ok &= cat.languages().iter().all(|code| cat.has(code, m.id)));
        }
        ok
    }

    /// The diagnostic with its texts in `lang`, for JSON.
    pub fn rendered(&self, lang: Lang) -> Rendered {
        Rendered {
            severity: self.severity,
            kind: self.kind,
            code: self.code,
            lang: lang.code().to_owned(),
            message: self.message_in(lang),
            message_id: self.message.id,
            start: self.start,
            end: self.end,
            location: self.location,
            label: self.label_in(lang),
            notes: self.notes_in(lang),
            caused_by: self.caused_by,
        }
    }
}

/// A source text with its line starts, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub text: &'a str,
    line_starts: Vec<usize>,
    /// Every [`CHECKPOINT`] bytes: (a char boundary at or before it, characters before that boundary), so a
    /// column on a very long line costs at most `CHECKPOINT` bytes of counting.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 4096;

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::with_capacity(text.len() / CHECKPOINT + 1);
        let (mut at, mut chars) = (0, 0);
        for block in 0..=text.len() / CHECKPOINT {
            let mut to = (block * CHECKPOINT).min(text.len());
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            chars += text[at..to].chars().count();
            at = to;
            checkpoints.push((at, chars));
        }
        Source { text, line_starts, checkpoints }
    }

    /// How many characters come before byte `at` (a char boundary).
    fn chars_before(&self, at: usize) -> usize {
        // The checkpoint of `at`'s block is a boundary at or before the block start, so at or before `at`.
        let (from, chars) = self.checkpoints[(at / CHECKPOINT).min(self.checkpoints.len() - 1)];
        chars + self.text[from.min(at)..at].chars().count()
    }

    /// The 1-based line and column of byte offset `at` (clamped to the text).
    pub fn line_col(&self, at: usize) -> LineCol {
        let at = at.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= at) - 1;
        let start = self.line_starts[line];
        let mut at = at;
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        LineCol { line: line + 1, column: self.chars_before(at) - self.chars_before(start) + 1 }
    }

    /// The byte offset of 1-based `line` and `column` (characters), clamped to the text.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        start + line_text.char_indices().nth(column.saturating_sub(1)).map_or(line_text.len(), |(i, _)| i)
    }

    pub fn diagnostic(&self, severity: Severity, kind: Kind, message: Msg, start: usize, end: usize) -> Diagnostic {
        let start = start.min(self.text.len());
        Diagnostic {
            severity,
            kind,
            code: kind.code(),
            message,
            start,
            end: end.clamp(start, self.text.len()),
            location: self.line_col(start),
            label: None,
            notes: Vec::new(),
            caused_by: None,
        }
    }
}

/// Puts diagnostics in the order a trainer should read them: root causes first, by position (errors before
/// warnings at the same place), then the consequences of those causes ([`Diagnostic::caused_by`]), by position.
/// A typo in a `next` (M008) is so listed before the unreachable node (M009) and the missing good path (M018)
/// it causes, even when those are earlier in the file.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| (d.caused_by.is_some(), d.start, std::cmp::Reverse(d.severity)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once_in_code_order() {
        for (i, k) in Kind::ALL.iter().enumerate() {
            assert_eq!(k.code(), format!("M{:03}", i + 1));
        }
    }

    #[test]
    fn line_col_counts_characters() {
        let s = Source::new("ab\nää x\n");
        assert_eq!(s.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(s.line_col(3), LineCol { line: 2, column: 1 });
        // "ää " is 5 bytes, 3 characters.
        assert_eq!(s.line_col(8), LineCol { line: 2, column: 4 });
        assert_eq!(s.offset(2, 4), 8);
        assert_eq!(s.line_col(999), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn columns_on_long_lines_are_counted_right() {
        let text = format!("x\n{}b{}", "ä".repeat(5000), "y".repeat(9000));
        let s = Source::new(&text);
        let b = text.find('b').unwrap();
        assert_eq!(s.line_col(b), LineCol { line: 2, column: 5001 });
        assert_eq!(s.line_col(b + 1 + 8000), LineCol { line: 2, column: 13002 });
        // Inside a multi-byte character: the character's column.
        assert_eq!(s.line_col(2 + 4097), LineCol { line: 2, column: 2049 });
    }
}
