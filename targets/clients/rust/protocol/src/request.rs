//! Request lines: parsed strictly (unknown fields are a driver error), with
//! the input members kept as written so that no value is rounded or replaced.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use crate::{Integer, Text};

/// One case: where to send, with what, and the GetSessionToken input.
#[derive(Debug)]
pub struct Request {
    /// Echoed in the reply.
    pub id: Value,
    /// The URL the client must send to (endpoint override).
    pub endpoint: String,
    /// The signing region.
    pub region: String,
    /// Static credentials to sign with.
    pub credentials: StaticCredentials,
    /// Total attempts including the first; 0 = the client's default policy.
    pub max_attempts: u32,
    /// Client-side validation on, where the client has a switch.
    pub validate: bool,
    /// Per-call bound (connect and read).
    pub timeout: Duration,
    /// The GetSessionToken members; `None` is a member not set.
    pub input: Input,
}

/// Static credentials. Its `Debug` never shows the secret or the token.
#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StaticCredentials {
    /// The access key id.
    pub access_key_id: String,
    /// The secret access key.
    pub secret_access_key: String,
    /// The session token, if any.
    pub session_token: Option<String>,
}

impl std::fmt::Debug for StaticCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StaticCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// The GetSessionToken members, as the request wrote them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Input {
    /// DurationSeconds.
    pub duration_seconds: Option<Integer>,
    /// SerialNumber.
    pub serial_number: Option<Text>,
    /// TokenCode.
    pub token_code: Option<Text>,
    /// MinimumSessionTokenSize.
    pub minimum_session_token_size: Option<Integer>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct WireRequest {
    id: Value,
    endpoint: String,
    region: String,
    credentials: StaticCredentials,
    max_attempts: u32,
    validate: bool,
    timeout_ms: u64,
    input: BTreeMap<String, Box<RawValue>>,
}

#[derive(Deserialize)]
struct IdOnly {
    id: Option<Value>,
}

/// A request line that cannot be used: the reply's `detail`, and the id if
/// one could be read.
#[derive(Debug)]
pub(crate) struct Unusable {
    pub id: Value,
    pub detail: String,
}

impl Request {
    /// Parses one request line.
    pub(crate) fn parse(line: &str) -> Result<Request, Unusable> {
        let unusable = |detail: String| Unusable {
            id: serde_json::from_str::<IdOnly>(line)
                .ok()
                .and_then(|r| r.id)
                .unwrap_or(Value::Null),
            detail,
        };
        let wire: WireRequest =
            serde_json::from_str(line).map_err(|e| unusable(format!("bad request line: {e}")))?;
        let input = parse_input(&wire.input).map_err(unusable)?;
        Ok(Request {
            id: wire.id,
            endpoint: wire.endpoint,
            region: wire.region,
            credentials: wire.credentials,
            max_attempts: wire.max_attempts,
            validate: wire.validate,
            timeout: Duration::from_millis(wire.timeout_ms),
            input,
        })
    }
}

fn parse_input(members: &BTreeMap<String, Box<RawValue>>) -> Result<Input, String> {
    let mut input = Input::default();
    for (name, raw) in members {
        let raw = raw.get();
        let bad = |e: String| format!("input.{name}: {e}");
        match name.as_str() {
            "DurationSeconds" => input.duration_seconds = Some(integer(raw).map_err(bad)?),
            "MinimumSessionTokenSize" => {
                input.minimum_session_token_size = Some(integer(raw).map_err(bad)?)
            }
            "SerialNumber" => input.serial_number = Some(Text::from_json(raw).map_err(bad)?),
            "TokenCode" => input.token_code = Some(Text::from_json(raw).map_err(bad)?),
            _ => return Err(format!("unknown input member {name:?}")),
        }
    }
    Ok(input)
}

/// An integer member: a number literal, verbatim, or a float's name.
fn integer(raw: &str) -> Result<Integer, String> {
    match serde_json::from_str::<Value>(raw) {
        Ok(Value::Number(_)) => Ok(Integer::Literal(raw.to_string())),
        Ok(Value::String(s)) if s == "NaN" => Ok(Integer::NaN),
        Ok(Value::String(s)) if s == "Infinity" => Ok(Integer::Infinity),
        Ok(Value::String(s)) if s == "-Infinity" => Ok(Integer::NegativeInfinity),
        _ => Err(format!(
            "{raw} is neither a number literal nor \"NaN\", \"Infinity\", \"-Infinity\""
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(input: &str) -> String {
        format!(
            r#"{{"id":17,"endpoint":"http://127.0.0.1:1","region":"us-east-1","credentials":{{"accessKeyId":"AKIA","secretAccessKey":"s","sessionToken":null}},"maxAttempts":1,"validate":true,"timeoutMs":10000,"input":{input}}}"#
        )
    }

    #[test]
    fn parses_members_as_written() {
        let r = Request::parse(&line(
            r#"{"DurationSeconds":1e+21,"MinimumSessionTokenSize":"NaN","SerialNumber":"\ud800","TokenCode":"12\u00003"}"#,
        ))
        .unwrap();
        assert_eq!(r.id, Value::from(17));
        assert_eq!(r.timeout, Duration::from_secs(10));
        assert_eq!(
            r.input.duration_seconds,
            Some(Integer::Literal("1e+21".into()))
        );
        assert_eq!(r.input.minimum_session_token_size, Some(Integer::NaN));
        assert_eq!(
            r.input.serial_number,
            Some(Text::LoneSurrogate(r#""\ud800""#.into()))
        );
        assert_eq!(r.input.token_code, Some(Text::Utf8("12\u{0}3".into())));
    }

    #[test]
    fn absent_members_are_unset() {
        let r = Request::parse(&line("{}")).unwrap();
        assert_eq!(r.input, Input::default());
    }

    #[test]
    fn unusable_lines_keep_the_id() {
        for (input, want) in [
            (r#"{"Policy":"x"}"#, "unknown input member"),
            (r#"{"DurationSeconds":null}"#, "neither a number"),
            (r#"{"DurationSeconds":"5"}"#, "neither a number"),
            (r#"{"TokenCode":5}"#, "not a JSON string"),
        ] {
            let e = Request::parse(&line(input)).unwrap_err();
            assert_eq!(e.id, Value::from(17), "{input}");
            assert!(e.detail.contains(want), "{input}: {}", e.detail);
        }
        let e = Request::parse(r#"{"id":3,"extra":1}"#).unwrap_err();
        assert_eq!(e.id, Value::from(3));
        let e = Request::parse("not json").unwrap_err();
        assert_eq!(e.id, Value::Null);
    }

    #[test]
    fn debug_hides_secrets() {
        let r = Request::parse(&line("{}")).unwrap();
        let shown = format!("{r:?}");
        assert!(!shown.contains("\"s\""), "{shown}");
    }
}
