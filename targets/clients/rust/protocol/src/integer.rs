//! Integer members: a JSON number literal of any size or form, or one of the
//! strings "NaN", "Infinity", "-Infinity". Converted exactly or not at all.

use crate::Inexpressible;

/// The value of an integer member as the request wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Integer {
    /// A JSON number literal, verbatim (`9999999999`, `3.5`, `1e+21`, `-0`).
    Literal(String),
    /// The float NaN.
    NaN,
    /// Positive infinity.
    Infinity,
    /// Negative infinity.
    NegativeInfinity,
}

/// What a number literal is, exactly.
#[derive(Debug, PartialEq, Eq)]
enum Exact {
    Int(i128),
    Fraction,
    TooLarge,
}

impl Integer {
    /// The value as an `i64`, or why an `i64` cannot hold it.
    pub fn to_i64(&self, member: &str) -> Result<i64, Inexpressible> {
        self.to_int(member, "i64")
    }

    /// The value as an `i32`, or why an `i32` cannot hold it.
    pub fn to_i32(&self, member: &str) -> Result<i32, Inexpressible> {
        self.to_int(member, "i32")
    }

    fn to_int<T: TryFrom<i128>>(&self, member: &str, ty: &str) -> Result<T, Inexpressible> {
        let not = |what: &str| Inexpressible(format!("{member} {self} is {what}"));
        let literal = match self {
            Integer::Literal(literal) => literal,
            _ => return Err(not(&format!("not an {ty}"))),
        };
        match exact(literal) {
            Exact::Int(v) => T::try_from(v).map_err(|_| not(&format!("outside {ty}"))),
            Exact::Fraction => Err(not(&format!("not an integer, so not an {ty}"))),
            Exact::TooLarge => Err(not(&format!("outside {ty}"))),
        }
    }
}

impl std::fmt::Display for Integer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Integer::Literal(literal) => f.write_str(literal),
            Integer::NaN => f.write_str("NaN"),
            Integer::Infinity => f.write_str("Infinity"),
            Integer::NegativeInfinity => f.write_str("-Infinity"),
        }
    }
}

/// The exact value of a JSON number literal (already checked by the JSON
/// parser): `1e3` and `3.0` are integers, `3.5` and `1e-1` are not.
fn exact(literal: &str) -> Exact {
    let (negative, unsigned) = match literal.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], saturating_exponent(&unsigned[at + 1..])),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    let digits = digits.trim_start_matches('0');
    let significant = digits.trim_end_matches('0');
    if significant.is_empty() {
        return Exact::Int(0);
    }
    let trailing_zeros = (digits.len() - significant.len()) as i64;
    let scale = exponent - fraction.len() as i64 + trailing_zeros;
    if scale < 0 {
        return Exact::Fraction;
    }
    if significant.len() as i64 + scale > 38 {
        return Exact::TooLarge;
    }
    let zeros = "0".repeat(scale as usize);
    match format!("{significant}{zeros}").parse::<i128>() {
        Ok(v) if negative => Exact::Int(-v),
        Ok(v) => Exact::Int(v),
        Err(_) => Exact::TooLarge,
    }
}

/// An exponent's value, saturated far beyond any integer type's reach.
fn saturating_exponent(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits.bytes().fold(0i64, |acc, d| {
        (acc * 10 + i64::from(d - b'0')).min(1_000_000)
    });
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_values() {
        let cases = [
            ("0", Exact::Int(0)),
            ("-0", Exact::Int(0)),
            ("900", Exact::Int(900)),
            ("-5", Exact::Int(-5)),
            ("9999999999", Exact::Int(9_999_999_999)),
            ("3.0", Exact::Int(3)),
            ("1e3", Exact::Int(1000)),
            ("1.5E+1", Exact::Int(15)),
            ("1500e-2", Exact::Int(15)),
            ("0.0e99999999999999999999", Exact::Int(0)),
            ("1e+21", Exact::Int(1_000_000_000_000_000_000_000)),
            ("3.5", Exact::Fraction),
            ("1e-1", Exact::Fraction),
            ("1e-99999999999999999999", Exact::Fraction),
            ("1e99999999999999999999", Exact::TooLarge),
            (
                "123456789012345678901234567890123456789012",
                Exact::TooLarge,
            ),
        ];
        for (literal, want) in cases {
            assert_eq!(exact(literal), want, "{literal}");
        }
    }

    #[test]
    fn conversions() {
        let lit = |s: &str| Integer::Literal(s.to_string());
        assert_eq!(lit("9999999999").to_i64("D"), Ok(9_999_999_999));
        assert_eq!(lit("-5").to_i32("D"), Ok(-5));
        assert_eq!(lit("2147483647").to_i32("D"), Ok(i32::MAX));
        assert_eq!(
            lit("2147483648").to_i32("DurationSeconds"),
            Err(Inexpressible(
                "DurationSeconds 2147483648 is outside i32".into()
            ))
        );
        assert_eq!(
            lit("3.5").to_i64("DurationSeconds"),
            Err(Inexpressible(
                "DurationSeconds 3.5 is not an integer, so not an i64".into()
            ))
        );
        assert_eq!(
            Integer::NaN.to_i64("DurationSeconds"),
            Err(Inexpressible("DurationSeconds NaN is not an i64".into()))
        );
        assert!(Integer::NegativeInfinity.to_i32("D").is_err());
        assert!(lit("1e+21").to_i64("D").is_err());
    }
}
