//! Bounded line input for the interactive prompt: standard input may be anything (`< /dev/zero`, a pipe that
//! never sends a newline), so a line is read to at most a limit and reading stops there with an error.

use std::io::{self, BufRead};

/// Lines of at most `max` bytes; a longer line (or one that is not UTF-8) ends the input with an error.
pub struct BoundedLines<R: BufRead> {
    reader: R,
    max: usize,
    done: bool,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(reader: R, max: usize) -> Self {
        BoundedLines { reader, max, done: false }
    }
}

impl<R: BufRead> Iterator for BoundedLines<R> {
    type Item = io::Result<String>;

    fn next(&mut self) -> Option<io::Result<String>> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let read = io::Read::take(self.reader.by_ref(), self.max as u64 + 1).read_until(b'\n', &mut line);
        match read {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) if line.len() > self.max && line.last() != Some(&b'\n') => {
                self.done = true;
                let message = format!("an input line is over {} bytes; input stops here", self.max);
                eprintln!("motivo play: {message}");
                Some(Err(io::Error::new(io::ErrorKind::InvalidData, message)))
            }
            Ok(_) => {
                while matches!(line.last(), Some(b'\n' | b'\r')) {
                    line.pop();
                }
                match String::from_utf8(line) {
                    Ok(s) => Some(Ok(s)),
                    Err(_) => {
                        self.done = true;
                        Some(Err(io::Error::new(io::ErrorKind::InvalidData, "input is not UTF-8 text")))
                    }
                }
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn lines_are_bounded() {
        let mut l = BoundedLines::new(&b"ab\r\ncd\nxyz"[..], 5);
        assert_eq!(l.next().unwrap().unwrap(), "ab");
        assert_eq!(l.next().unwrap().unwrap(), "cd");
        assert_eq!(l.next().unwrap().unwrap(), "xyz");
        assert!(l.next().is_none());
        let zeros = io::repeat(0).take(1 << 30);
        let mut l = BoundedLines::new(io::BufReader::new(zeros), 100);
        assert!(l.next().unwrap().is_err(), "a gigabyte without a newline stops at the limit");
        assert!(l.next().is_none());
    }
}
