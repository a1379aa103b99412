//! The one place where positions change unit. Inside Rust every span is a byte range of the
//! UTF-8 text; JavaScript counts UTF-16 code units; the export counts Unicode code points (what
//! Python's `str` and W3C TextPositionSelector count). Conversions go through tables built once
//! per text, never through rescans, and refuse positions that split a character.

use crate::error::{Error, Result};

/// A unit in which a position can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Byte,
    Utf16,
    CodePoint,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Byte => "byte",
            Unit::Utf16 => "UTF-16",
            Unit::CodePoint => "code point",
        }
    }
}

/// Position tables for one text.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// Byte offset of each code point, plus the text length at the end; empty for ASCII text,
    /// where all three units agree.
    cp_byte: Vec<u32>,
    /// UTF-16 offset of each code point, plus the UTF-16 length at the end; empty for ASCII.
    cp_utf16: Vec<u32>,
    len_bytes: usize,
}

impl OffsetMap {
    pub fn new(text: &str) -> OffsetMap {
        let len_bytes = text.len();
        if text.is_ascii() {
            return OffsetMap { cp_byte: Vec::new(), cp_utf16: Vec::new(), len_bytes };
        }
        let mut cp_byte = Vec::with_capacity(text.len() + 1);
        let mut cp_utf16 = Vec::with_capacity(text.len() + 1);
        let mut u16pos = 0u32;
        for (b, c) in text.char_indices() {
            cp_byte.push(b as u32);
            cp_utf16.push(u16pos);
            u16pos += c.len_utf16() as u32;
        }
        cp_byte.push(len_bytes as u32);
        cp_utf16.push(u16pos);
        OffsetMap { cp_byte, cp_utf16, len_bytes }
    }

    fn ascii(&self) -> bool {
        self.cp_byte.is_empty()
    }

    /// The text's length in `unit`.
    pub fn len(&self, unit: Unit) -> usize {
        if self.ascii() {
            return self.len_bytes;
        }
        match unit {
            Unit::Byte => self.len_bytes,
            Unit::CodePoint => self.cp_byte.len() - 1,
            Unit::Utf16 => *self.cp_utf16.last().unwrap() as usize,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len_bytes == 0
    }

    /// Converts a byte offset (on a character boundary) into `unit`.
    ///
    /// # Panics
    /// If `byte` is not a character boundary of the text: byte offsets come from Rust code, so
    /// a bad one is a bug, not a user error.
    pub fn from_byte(&self, byte: usize, unit: Unit) -> usize {
        if self.ascii() || unit == Unit::Byte {
            return byte;
        }
        let cp = self
            .cp_byte
            .binary_search(&(byte as u32))
            .unwrap_or_else(|_| panic!("byte offset {byte} is not a character boundary"));
        match unit {
            Unit::CodePoint => cp,
            Unit::Utf16 => self.cp_utf16[cp] as usize,
            Unit::Byte => unreachable!(),
        }
    }

    /// Converts an offset in `unit` into a byte offset.
    ///
    /// # Errors
    /// When the offset is past the end of the text or falls inside a character (between the two
    /// halves of a surrogate pair, or inside a UTF-8 sequence).
    pub fn to_byte(&self, pos: usize, unit: Unit) -> Result<usize> {
        let len = self.len(unit);
        if pos > len {
            return Err(Error::edit(format!(
                "offset {pos} is past the end of the text ({len} {}s long)",
                unit.name()
            )));
        }
        if self.ascii() {
            return Ok(pos);
        }
        match unit {
            Unit::Byte => {
                if self.cp_byte.binary_search(&(pos as u32)).is_ok() {
                    Ok(pos)
                } else {
                    Err(Error::edit(format!("byte offset {pos} splits a character")))
                }
            }
            Unit::CodePoint => Ok(self.cp_byte[pos] as usize),
            Unit::Utf16 => match self.cp_utf16.binary_search(&(pos as u32)) {
                Ok(cp) => Ok(self.cp_byte[cp] as usize),
                Err(_) => Err(Error::edit(format!(
                    "UTF-16 offset {pos} falls inside a surrogate pair (it splits a character)"
                ))),
            },
        }
    }

    /// Converts a position between any two units.
    pub fn convert(&self, pos: usize, from: Unit, to: Unit) -> Result<usize> {
        Ok(self.from_byte(self.to_byte(pos, from)?, to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, text, needle): the needle's byte range must round-trip through every unit and
    /// agree with what a code-point and a UTF-16 count give.
    const CASES: &[(&str, &str, &str)] = &[
        ("ascii", "Putin met Erdogan", "Erdogan"),
        ("emoji", "🎉🇸🇾 Damascus 👍🏽 today", "Damascus"),
        ("zwj_family", "👨‍👩‍👧 Sweida", "Sweida"),
        ("cjk", "大马士革 Damascus 叙利亚", "叙利亚"),
        ("combining", "Cafe\u{301} in Sochi", "Sochi"),
        ("arabic_rtl", "قال أردوغان \u{200F}Erdogan said", "Erdogan"),
        ("arabic_word", "في دمشق اليوم", "دمشق"),
        ("astral_math", "𝕏 posted 𝒜 note", "note"),
    ];

    #[test]
    fn round_trips_every_unit() {
        for &(name, text, needle) in CASES {
            let map = OffsetMap::new(text);
            let b = text.find(needle).unwrap();
            let cp = text[..b].chars().count();
            let u16 = text[..b].encode_utf16().count();
            assert_eq!(map.from_byte(b, Unit::CodePoint), cp, "{name}: code points");
            assert_eq!(map.from_byte(b, Unit::Utf16), u16, "{name}: utf16");
            assert_eq!(map.to_byte(cp, Unit::CodePoint).unwrap(), b, "{name}: back from cp");
            assert_eq!(map.to_byte(u16, Unit::Utf16).unwrap(), b, "{name}: back from utf16");
            assert_eq!(map.len(Unit::CodePoint), text.chars().count(), "{name}: cp len");
            assert_eq!(map.len(Unit::Utf16), text.encode_utf16().count(), "{name}: u16 len");
            assert_eq!(map.convert(u16, Unit::Utf16, Unit::CodePoint).unwrap(), cp, "{name}");
        }
    }

    #[test]
    fn refuses_split_characters() {
        let text = "a🎉b";
        let map = OffsetMap::new(text);
        // 🎉 is two UTF-16 units (1..3) and four bytes (1..5).
        assert!(map.to_byte(2, Unit::Utf16).unwrap_err().message().contains("surrogate"));
        assert!(map.to_byte(2, Unit::Byte).unwrap_err().message().contains("splits"));
        assert_eq!(map.to_byte(3, Unit::Utf16).unwrap(), 5);
        assert!(map.to_byte(9, Unit::CodePoint).unwrap_err().message().contains("past the end"));
    }

    #[test]
    fn every_boundary_round_trips() {
        let text = "x👨‍👩‍👧é\u{301}中ع";
        let map = OffsetMap::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            for unit in [Unit::Utf16, Unit::CodePoint] {
                let p = map.from_byte(b, unit);
                assert_eq!(map.to_byte(p, unit).unwrap(), b);
            }
        }
    }
}
