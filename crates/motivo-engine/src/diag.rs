//! Diagnostics: what the loader and validator report, located in the source text.
//!
//! The engine only produces data (severity, kind, message, byte span, line and column); the program renders
//! it like rustc (with `codespan-reporting`) or as JSON.

use serde::Serialize;

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
}

impl Kind {
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
        }
    }
}

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub kind: Kind,
    pub code: &'static str,
    pub message: String,
    /// Byte range in the source.
    pub start: usize,
    pub end: usize,
    /// Where `start` is.
    pub location: LineCol,
    /// Short text shown under the snippet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// A source text with its line starts, for turning byte offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Source { text, line_starts }
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
        LineCol { line: line + 1, column: self.text[start..at].chars().count() + 1 }
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

    pub fn diagnostic(
        &self,
        severity: Severity,
        kind: Kind,
        message: impl Into<String>,
        start: usize,
        end: usize,
    ) -> Diagnostic {
        let start = start.min(self.text.len());
        Diagnostic {
            severity,
            kind,
            code: kind.code(),
            message: message.into(),
            start,
            end: end.clamp(start, self.text.len()),
            location: self.line_col(start),
            label: None,
            notes: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
