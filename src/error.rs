//! One public error type for everything a user can get wrong: bad edits, bad imports, bad
//! dates. The message is written for the person at the keyboard, since the page shows it as is.

use std::fmt;

/// What went wrong, with a message fit to show a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

/// The broad kind of an [`Error`], for callers that react differently to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// An edit that cannot apply (empty span, out of bounds, overlap, unknown id or label).
    Edit,
    /// An import that cannot be read (not JSON, wrong format, newer version, bad offsets).
    Import,
    /// A date or other argument that does not parse.
    Input,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error { kind, message: message.into() }
    }
    pub(crate) fn edit(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Edit, message)
    }
    pub(crate) fn import(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Import, message)
    }
    pub(crate) fn input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Input, message)
    }
    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }
    /// The message, without a kind prefix.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
