//! Limits on input, in one place for the loader and its messages (`docs/limits.md` lists every limit).

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;
/// RON nesting deeper than this is refused.
pub const MAX_NESTING: usize = 48;
