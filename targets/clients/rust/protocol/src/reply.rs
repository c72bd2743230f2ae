//! Reply lines: what a driver observed, in the protocol's words.

use serde::Serialize;
use serde_json::Value;

/// What one call came to, as a driver reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The input cannot be built in the client's types; nothing was sent.
    Inexpressible(String),
    /// The client refused the request before sending.
    Rejected(ErrorReport),
    /// The call returned an output.
    Parsed(Output),
    /// The call returned an error after (or while) sending.
    Error(ErrorReport),
}

/// The output members the protocol carries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Output {
    /// Absent when the client returns none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<Credentials>,
}

/// The four Credentials members exactly as the client returns them; absent
/// members omitted. `expiration_kind` says what the client holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Credentials {
    /// AccessKeyId.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_key_id: Option<String>,
    /// SecretAccessKey.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret_access_key: Option<String>,
    /// SessionToken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_token: Option<String>,
    /// Expiration, rendered as `expiration_kind` says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration: Option<String>,
    /// "time", "naive", "epoch" or "string"; set with `expiration`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expiration_kind: Option<&'static str>,
}

/// An error as the client exposes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorReport {
    /// "validation", "service", "parse", "transport" or "other".
    pub kind: &'static str,
    /// The client's error type.
    pub class: String,
    /// The error code, when the client exposes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The message, when the client exposes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The request id, when the client exposes one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The HTTP status, when the client exposes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// "Sender" or "Receiver", when the client exposes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
}

/// One reply line.
#[derive(Debug, Serialize)]
pub(crate) struct Reply {
    id: Value,
    phase: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    output: Option<Output>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl Reply {
    pub(crate) fn new(id: Value, outcome: Outcome) -> Reply {
        let reply = |phase| Reply {
            id,
            phase,
            output: None,
            error: None,
            detail: None,
        };
        match outcome {
            Outcome::Inexpressible(detail) => Reply {
                detail: Some(detail),
                ..reply("inexpressible")
            },
            Outcome::Rejected(error) => Reply {
                error: Some(error),
                ..reply("rejected")
            },
            Outcome::Parsed(output) => Reply {
                output: Some(output),
                ..reply("parsed")
            },
            Outcome::Error(error) => Reply {
                error: Some(error),
                ..reply("error")
            },
        }
    }

    pub(crate) fn driver_error(id: Value, detail: String) -> Reply {
        Reply {
            id,
            phase: "driver-error",
            output: None,
            error: None,
            detail: Some(detail),
        }
    }

    pub(crate) fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).expect("a reply always serialises");
        line.push('\n');
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        let parsed = Outcome::Parsed(Output {
            credentials: Some(Credentials {
                access_key_id: Some("ASIA".into()),
                expiration: Some("2026-12-03T12:00:00Z".into()),
                expiration_kind: Some("time"),
                ..Credentials::default()
            }),
        });
        let cases = [
            (
                Reply::new(Value::from(1), parsed),
                r#"{"id":1,"phase":"parsed","output":{"Credentials":{"AccessKeyId":"ASIA","Expiration":"2026-12-03T12:00:00Z","ExpirationKind":"time"}}}"#,
            ),
            (
                Reply::new(Value::from(2), Outcome::Parsed(Output::default())),
                r#"{"id":2,"phase":"parsed","output":{}}"#,
            ),
            (
                Reply::new(
                    Value::from(3),
                    Outcome::Error(ErrorReport {
                        kind: "service",
                        class: "Unknown".into(),
                        http_status: Some(400),
                        request_id: Some("r".into()),
                        ..ErrorReport::default()
                    }),
                ),
                r#"{"id":3,"phase":"error","error":{"kind":"service","class":"Unknown","requestId":"r","httpStatus":400}}"#,
            ),
            (
                Reply::new(Value::from(4), Outcome::Inexpressible("why".into())),
                r#"{"id":4,"phase":"inexpressible","detail":"why"}"#,
            ),
            (
                Reply::driver_error(Value::Null, "bad".into()),
                r#"{"id":null,"phase":"driver-error","detail":"bad"}"#,
            ),
        ];
        for (reply, want) in cases {
            assert_eq!(reply.to_line(), format!("{want}\n"));
        }
    }
}
