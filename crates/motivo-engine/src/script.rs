//! Script lines: how a learner reply is written in a test script (`motivo play --script`, the app's capture
//! mode, the web harness). One parser for every player, so a script means the same everywhere.
//!
//! - `@id` picks the option with that authored id (stable whatever order the options are shown in);
//! - `N` picks the N-th option as displayed (1-based);
//! - `TEXT >> @id` or `TEXT >> N` writes a reply, then picks the closest option;
//! - anything else is a typed reply; blank lines and lines starting with `#` are skipped.

use crate::coding::ReplyCoder;
use crate::runtime::{RuntimeError, Session};

/// The longest script line read, in bytes; a longer line is refused, not truncated.
pub const MAX_LINE_BYTES: usize = 8 * 1024;

/// One learner reply in a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScriptLine {
    /// The N-th option as displayed, 1-based (`usize::MAX` for a number too large to parse: no such option).
    Pick(usize),
    /// The option with this authored id.
    PickId(String),
    /// A typed reply.
    Text(String),
    /// A typed reply, then a pick (`Pick` or `PickId`).
    TextThenPick(String, Box<ScriptLine>),
}

fn parse_pick(t: &str) -> Option<ScriptLine> {
    if let Some(id) = t.strip_prefix('@') {
        return Some(ScriptLine::PickId(id.trim().to_owned()));
    }
    // A number too large to be an option is still a pick (of no option), never a typed reply.
    (!t.is_empty() && t.chars().all(|c| c.is_ascii_digit())).then(|| ScriptLine::Pick(t.parse().unwrap_or(usize::MAX)))
}

/// Parses one line; `None` for a blank line or a comment.
pub fn parse_line(line: &str) -> Option<ScriptLine> {
    let t = line.trim();
    if t.is_empty() || t.starts_with('#') {
        return None;
    }
    if let Some(pick) = parse_pick(t) {
        return Some(pick);
    }
    if let Some((text, pick)) = t.rsplit_once(">>")
        && let Some(pick) = parse_pick(pick.trim())
        && !text.trim().is_empty()
    {
        return Some(ScriptLine::TextThenPick(text.trim().to_owned(), Box::new(pick)));
    }
    Some(ScriptLine::Text(t.to_owned()))
}

/// Why a script line could not be played.
#[derive(Debug, Clone, PartialEq)]
pub enum LineError {
    /// `0` was given: options are numbered from 1.
    Zero,
    Runtime(RuntimeError),
}

impl Session {
    /// The displayed position (0-based) a pick names now.
    pub fn pick_position(&self, pick: &ScriptLine) -> Result<usize, LineError> {
        match pick {
            ScriptLine::Pick(0) => Err(LineError::Zero),
            ScriptLine::Pick(n) => Ok(n - 1),
            ScriptLine::PickId(id) => self.position_of(id).ok_or_else(|| {
                LineError::Runtime(RuntimeError::NoSuchOptionId { id: id.clone(), count: self.view().options.len() })
            }),
            _ => Err(LineError::Runtime(RuntimeError::NoSuchOption { index: usize::MAX, count: 0 })),
        }
    }

    /// Plays one script line: a pick, a typed reply, or a typed reply then a pick.
    pub fn play_line(&mut self, coder: &dyn ReplyCoder, line: &ScriptLine) -> Result<(), LineError> {
        match line {
            ScriptLine::Pick(_) | ScriptLine::PickId(_) => {
                let pos = self.pick_position(line)?;
                self.choose(pos).map(|_| ()).map_err(LineError::Runtime)
            }
            ScriptLine::Text(text) => self.reply_text(coder, text).map(|_| ()).map_err(LineError::Runtime),
            ScriptLine::TextThenPick(text, pick) => {
                let pos = self.pick_position(pick)?;
                self.reply_text_then_choose(coder, text, pos).map(|_| ()).map_err(LineError::Runtime)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_parse() {
        assert_eq!(parse_line("  2 "), Some(ScriptLine::Pick(2)));
        assert_eq!(parse_line("# comment"), None);
        assert_eq!(parse_line("   "), None);
        assert_eq!(parse_line("@cr"), Some(ScriptLine::PickId("cr".into())));
        assert_eq!(parse_line("Kerro lisää"), Some(ScriptLine::Text("Kerro lisää".into())));
        assert_eq!(
            parse_line("Sinä haluaisit pärjätä itse >> @cr"),
            Some(ScriptLine::TextThenPick(
                "Sinä haluaisit pärjätä itse".into(),
                Box::new(ScriptLine::PickId("cr".into()))
            ))
        );
        assert_eq!(
            parse_line("Kerro lisää >> 2"),
            Some(ScriptLine::TextThenPick("Kerro lisää".into(), Box::new(ScriptLine::Pick(2))))
        );
        // A number too large to parse is a pick of no option, never a typed reply scored as MI.
        assert_eq!(parse_line("99999999999999999999999999"), Some(ScriptLine::Pick(usize::MAX)));
        assert_eq!(parse_line("a >> b"), Some(ScriptLine::Text("a >> b".into())));
    }
}
