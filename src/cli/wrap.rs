//! Text for the terminal: wrapped at word boundaries to the terminal's width (never mid-word), with control
//! characters from files shown escaped instead of reaching the terminal raw.

use unicode_width::UnicodeWidthStr;

/// The width to wrap to: the terminal's, else `COLUMNS`, else 100; at least 40, at most 160.
pub fn width() -> usize {
    let cols = terminal_size::terminal_size()
        .map(|(w, _)| w.0 as usize)
        .or_else(|| std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()));
    cols.unwrap_or(100).clamp(40, 160)
}

/// `text` with control characters (escape sequences, bells, carriage returns) shown as `\u{..}`.
pub fn safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\n' && c != '\t' {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Wraps `text` to `width` columns. The first line starts with `first`, the following ones with `rest`
/// (usually spaces as wide as `first`). Words are never broken; a word longer than a line gets a line of its own.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let text = safe(text);
    let mut out = String::new();
    for (p, paragraph) in text.split('\n').enumerate() {
        let mut line = String::from(if p == 0 { first } else { rest });
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let fits = line.width() + 1 + word.width() <= width;
            if !empty && !fits {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(rest);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_never_breaks_one() {
        let text = "Tyttärentyttö sano, että sen reseptin voi uusia tällä tabletilla, niin ei tarvis soitella.";
        for width in [40, 80, 120] {
            let w = wrap(text, width, "Aune: ", "      ");
            for line in w.lines() {
                assert!(line.width() <= width, "{line:?} is wider than {width}");
            }
            let words: Vec<&str> = w.split_whitespace().filter(|x| *x != "Aune:").collect();
            assert_eq!(words, text.split_whitespace().collect::<Vec<_>>(), "no word is broken or lost");
        }
        assert!(wrap(text, 40, "Aune: ", "      ").lines().nth(1).unwrap().starts_with("      "));
        let long = "a".repeat(60);
        assert_eq!(wrap(&long, 40, "", ""), long, "a long word keeps a line of its own");
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        assert_eq!(safe("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(safe("x\u{7}\u{9b}y"), "x\\u{7}\\u{9b}y");
        assert!(!wrap("\u{1b}]0;title\u{7}", 80, "", "").contains('\u{1b}'));
    }
}
