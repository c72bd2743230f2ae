//! The client-gate driver for rusoto_sts 0.48.0: the protocol's input →
//! `rusoto_sts::GetSessionTokenRequest` → `StsClient::get_session_token`
//! against the request's endpoint → phase, error and output.
//!
//! rusoto has no retries and no client-side validation, so `maxAttempts` and
//! `validate` change nothing; the per-call timeout is given to rusoto's own
//! `HttpClient`, which bounds each dispatch (connect and read) with it.

mod dispatch;
mod report;

use std::sync::Arc;

use rusoto_core::credential::StaticProvider;
use rusoto_core::{HttpClient, Region};
use rusoto_sts::{GetSessionTokenRequest, Sts, StsClient};
use stsconform_driver_protocol::{Driver, Handoff, Inexpressible, Input, Outcome, Request};

use dispatch::Dispatcher;

/// The rusoto driver: one HTTP client (connection pool) for the whole run,
/// one `StsClient` per case (each case has its own endpoint and credentials).
pub struct Rusoto {
    http: Arc<HttpClient<hyper::client::HttpConnector>>,
    #[cfg(feature = "broken-drop-token-code")]
    drop_token_code: bool,
}

impl Rusoto {
    /// The driver as rusoto is.
    pub fn new() -> Rusoto {
        Rusoto {
            http: Arc::new(HttpClient::from_connector(
                hyper::client::HttpConnector::new(),
            )),
            #[cfg(feature = "broken-drop-token-code")]
            drop_token_code: false,
        }
    }

    /// The deliberately broken build for the gate's proof: TokenCode is
    /// removed from the serialized request body (which is then signed
    /// again) just before rusoto's HTTP client sends it.
    #[cfg(feature = "broken-drop-token-code")]
    pub fn broken_drop_token_code() -> Rusoto {
        Rusoto {
            drop_token_code: true,
            ..Rusoto::new()
        }
    }

    fn client(&self, request: &Request, handoff: &Handoff) -> StsClient {
        let credentials = &request.credentials;
        let provider = StaticProvider::new(
            credentials.access_key_id.clone(),
            credentials.secret_access_key.clone(),
            credentials.session_token.clone(),
            None,
        );
        let dispatcher = Dispatcher {
            http: Arc::clone(&self.http),
            timeout: request.timeout,
            handoff: handoff.clone(),
            #[cfg(feature = "broken-drop-token-code")]
            resign_without_token_code: self.drop_token_code.then(|| {
                rusoto_core::credential::AwsCredentials::new(
                    credentials.access_key_id.clone(),
                    credentials.secret_access_key.clone(),
                    credentials.session_token.clone(),
                    None,
                )
            }),
        };
        let region = Region::Custom {
            name: request.region.clone(),
            endpoint: request.endpoint.clone(),
        };
        StsClient::new_with(dispatcher, provider, region)
    }
}

impl Default for Rusoto {
    fn default() -> Self {
        Rusoto::new()
    }
}

impl Driver for Rusoto {
    async fn call(&self, request: &Request, handoff: &Handoff) -> Outcome {
        let input = match rusoto_input(&request.input) {
            Ok(input) => input,
            Err(Inexpressible(detail)) => return Outcome::Inexpressible(detail),
        };
        match self.client(request, handoff).get_session_token(input).await {
            Ok(output) => Outcome::Parsed(report::output(output)),
            Err(error) => report::error(error),
        }
    }
}

/// The protocol's input as rusoto's request type: `DurationSeconds` is an
/// `i64` there, and the type has no `MinimumSessionTokenSize`.
fn rusoto_input(input: &Input) -> Result<GetSessionTokenRequest, Inexpressible> {
    if let Some(size) = &input.minimum_session_token_size {
        return Err(Inexpressible(format!(
            "MinimumSessionTokenSize {size}: rusoto_sts 0.48.0's GetSessionTokenRequest has no such member"
        )));
    }
    let text = |value: &Option<stsconform_driver_protocol::Text>, member| {
        value
            .as_ref()
            .map(|t| t.as_str(member).map(str::to_string))
            .transpose()
    };
    Ok(GetSessionTokenRequest {
        duration_seconds: input
            .duration_seconds
            .as_ref()
            .map(|d| d.to_i64("DurationSeconds"))
            .transpose()?,
        serial_number: text(&input.serial_number, "SerialNumber")?,
        token_code: text(&input.token_code, "TokenCode")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use stsconform_driver_protocol::{Integer, Text};

    #[test]
    fn input_as_rusoto_types() {
        let input = Input {
            duration_seconds: Some(Integer::Literal("-5".into())),
            serial_number: Some(Text::Utf8("GAHT12345678".into())),
            token_code: None,
            minimum_session_token_size: None,
        };
        let request = rusoto_input(&input).unwrap();
        assert_eq!(request.duration_seconds, Some(-5));
        assert_eq!(request.serial_number.as_deref(), Some("GAHT12345678"));
        assert_eq!(request.token_code, None);
        let big = Input {
            duration_seconds: Some(Integer::Literal("9999999999".into())),
            ..Input::default()
        };
        assert_eq!(
            rusoto_input(&big).unwrap().duration_seconds,
            Some(9_999_999_999)
        );
    }

    #[test]
    fn inexpressible_inputs() {
        for input in [
            Input {
                duration_seconds: Some(Integer::Literal("3.5".into())),
                ..Input::default()
            },
            Input {
                duration_seconds: Some(Integer::NaN),
                ..Input::default()
            },
            Input {
                token_code: Some(Text::LoneSurrogate(r#""\ud800""#.into())),
                ..Input::default()
            },
            Input {
                minimum_session_token_size: Some(Integer::Literal("64".into())),
                ..Input::default()
            },
        ] {
            assert!(rusoto_input(&input).is_err(), "{input:?}");
        }
    }
}
