//! String members: JSON strings that may hold escaped lone surrogates, which
//! a Rust `String` cannot hold.

use crate::Inexpressible;

/// The value of a string member as the request wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A string Rust can hold, decoded.
    Utf8(String),
    /// A string with a lone surrogate escape; the JSON literal, verbatim.
    LoneSurrogate(String),
}

impl Text {
    /// Reads a raw JSON value that must be a string.
    pub(crate) fn from_json(raw: &str) -> Result<Text, String> {
        match serde_json::from_str::<String>(raw) {
            Ok(s) => Ok(Text::Utf8(s)),
            Err(_) if raw.starts_with('"') && has_lone_surrogate(raw) => {
                Ok(Text::LoneSurrogate(raw.to_string()))
            }
            Err(e) => Err(format!("not a JSON string: {e}")),
        }
    }

    /// The string, or why a Rust `String` cannot hold it.
    pub fn as_str(&self, member: &str) -> Result<&str, Inexpressible> {
        match self {
            Text::Utf8(s) => Ok(s),
            Text::LoneSurrogate(literal) => Err(Inexpressible(format!(
                "{member} {literal} holds a lone surrogate, which a Rust String cannot hold"
            ))),
        }
    }
}

/// Whether a JSON string literal has a `\uXXXX` surrogate escape that is
/// not part of a high-low pair.
fn has_lone_surrogate(literal: &str) -> bool {
    let units = escaped_units(literal);
    let mut i = 0;
    while i < units.len() {
        match units[i] {
            Some(0xD800..=0xDBFF) => match units.get(i + 1) {
                Some(Some(0xDC00..=0xDFFF)) => i += 2,
                _ => return true,
            },
            Some(0xDC00..=0xDFFF) => return true,
            _ => i += 1,
        }
    }
    false
}

/// The literal as a sequence of items: `Some(unit)` for each `\uXXXX`
/// escape, `None` for anything else (a character or another escape).
fn escaped_units(literal: &str) -> Vec<Option<u16>> {
    let mut units = Vec::new();
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            units.push(None);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                units.push(u16::from_str_radix(&hex, 16).ok());
            }
            _ => units.push(None),
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        let utf8 = |s: &str| Ok(Text::Utf8(s.to_string()));
        let lone = |s: &str| Ok(Text::LoneSurrogate(s.to_string()));
        assert_eq!(Text::from_json(r#""123456""#), utf8("123456"));
        assert_eq!(Text::from_json(r#""a\u0000b""#), utf8("a\0b"));
        assert_eq!(Text::from_json(r#""\ud83d\ude00""#), utf8("😀"));
        assert_eq!(Text::from_json(r#""\\ud800""#), utf8("\\ud800"));
        assert_eq!(Text::from_json(r#""\ud800""#), lone(r#""\ud800""#));
        assert_eq!(Text::from_json(r#""x\udc00y""#), lone(r#""x\udc00y""#));
        assert_eq!(
            Text::from_json(r#""\ud800\ud800""#),
            lone(r#""\ud800\ud800""#)
        );
        assert_eq!(
            Text::from_json(r#""\ude00\ud83d""#),
            lone(r#""\ude00\ud83d""#)
        );
        assert!(Text::from_json("5").is_err());
        assert!(Text::from_json("null").is_err());
    }
}
