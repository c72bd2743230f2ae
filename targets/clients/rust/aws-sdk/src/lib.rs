//! The client-gate driver for aws-sdk-sts (AWS's Rust SDK): the protocol's
//! input → the `GetSessionToken` fluent builder → `send()` against the
//! request's endpoint → phase, error and output.
//!
//! Each case gets its own `Config` (behavior version latest, the endpoint
//! URL, static credentials, retries, timeouts) over one shared plain-HTTP
//! client; the SDK has no client-side validation switch, so `validate`
//! changes nothing.

mod report;

use aws_sdk_sts::config::interceptors::BeforeTransmitInterceptorContextRef;
use aws_sdk_sts::config::retry::RetryConfig;
use aws_sdk_sts::config::timeout::TimeoutConfig;
use aws_sdk_sts::config::{
    BehaviorVersion, ConfigBag, Credentials, Intercept, Region, RuntimeComponents, SharedHttpClient,
};
use aws_sdk_sts::error::BoxError;
use aws_sdk_sts::{Client, Config};
use stsconform_driver_protocol::{Driver, Handoff, Inexpressible, Input, Outcome, Request, Text};

/// The aws-sdk-sts driver: one HTTP client (connection pool) for the whole
/// run, one SDK client per case.
pub struct AwsSdk {
    http: SharedHttpClient,
}

impl AwsSdk {
    /// The driver, with the SDK's hyper client built without TLS: the gate
    /// only ever sends plain HTTP to loopback.
    pub fn new() -> AwsSdk {
        AwsSdk {
            http: aws_smithy_http_client::Builder::new().build_http(),
        }
    }

    fn client(&self, request: &Request, handoff: &Handoff) -> Client {
        let c = &request.credentials;
        let credentials = Credentials::new(
            c.access_key_id.clone(),
            c.secret_access_key.clone(),
            c.session_token.clone(),
            None,
            "stsconform-request",
        );
        let timeouts = TimeoutConfig::builder()
            .connect_timeout(request.timeout)
            .read_timeout(request.timeout)
            .build();
        let mut config = Config::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(request.region.clone()))
            .endpoint_url(request.endpoint.clone())
            .credentials_provider(credentials)
            .timeout_config(timeouts)
            .http_client(self.http.clone())
            .interceptor(ReleaseBeforeTransmit(handoff.clone()));
        if request.max_attempts > 0 {
            let retry = RetryConfig::standard().with_max_attempts(request.max_attempts);
            config = config.retry_config(retry);
        }
        Client::from_conf(config.build())
    }
}

impl Default for AwsSdk {
    fn default() -> Self {
        AwsSdk::new()
    }
}

/// Hands over the reply held for the case before, just before the SDK
/// transmits (the protocol crate's handoff module says why).
#[derive(Debug)]
struct ReleaseBeforeTransmit(Handoff);

impl Intercept for ReleaseBeforeTransmit {
    fn name(&self) -> &'static str {
        "ReleaseBeforeTransmit"
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        self.0.release();
        Ok(())
    }
}

/// The input members in the SDK's types: both integers are `Option<i32>`.
struct SdkInput<'a> {
    duration_seconds: Option<i32>,
    serial_number: Option<&'a str>,
    token_code: Option<&'a str>,
    minimum_session_token_size: Option<i32>,
}

fn text<'a>(value: &'a Option<Text>, member: &str) -> Result<Option<&'a str>, Inexpressible> {
    value.as_ref().map(|t| t.as_str(member)).transpose()
}

fn sdk_input(input: &Input) -> Result<SdkInput<'_>, Inexpressible> {
    Ok(SdkInput {
        duration_seconds: input
            .duration_seconds
            .as_ref()
            .map(|d| d.to_i32("DurationSeconds"))
            .transpose()?,
        serial_number: text(&input.serial_number, "SerialNumber")?,
        token_code: text(&input.token_code, "TokenCode")?,
        minimum_session_token_size: input
            .minimum_session_token_size
            .as_ref()
            .map(|m| m.to_i32("MinimumSessionTokenSize"))
            .transpose()?,
    })
}

impl Driver for AwsSdk {
    async fn call(&self, request: &Request, handoff: &Handoff) -> Outcome {
        let input = match sdk_input(&request.input) {
            Ok(input) => input,
            Err(Inexpressible(detail)) => return Outcome::Inexpressible(detail),
        };
        let sent = self
            .client(request, handoff)
            .get_session_token()
            .set_duration_seconds(input.duration_seconds)
            .set_serial_number(input.serial_number.map(str::to_string))
            .set_token_code(input.token_code.map(str::to_string))
            .set_minimum_session_token_size(input.minimum_session_token_size)
            .send()
            .await;
        match sent {
            Ok(output) => Outcome::Parsed(report::output(&output)),
            Err(error) => report::error(&error),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stsconform_driver_protocol::Integer;

    #[test]
    fn input_as_sdk_types() {
        let input = Input {
            duration_seconds: Some(Integer::Literal("-5".into())),
            serial_number: Some(Text::Utf8("GAHT12345678".into())),
            token_code: None,
            minimum_session_token_size: Some(Integer::Literal("2147483647".into())),
        };
        let sdk = sdk_input(&input).unwrap();
        assert_eq!(sdk.duration_seconds, Some(-5));
        assert_eq!(sdk.serial_number, Some("GAHT12345678"));
        assert_eq!(sdk.token_code, None);
        assert_eq!(sdk.minimum_session_token_size, Some(i32::MAX));
    }

    #[test]
    fn inexpressible_inputs() {
        for input in [
            Input {
                duration_seconds: Some(Integer::Literal("9999999999".into())),
                ..Input::default()
            },
            Input {
                minimum_session_token_size: Some(Integer::Literal("-2147483649".into())),
                ..Input::default()
            },
            Input {
                duration_seconds: Some(Integer::Infinity),
                ..Input::default()
            },
            Input {
                serial_number: Some(Text::LoneSurrogate(r#""\udfff""#.into())),
                ..Input::default()
            },
        ] {
            assert!(sdk_input(&input).is_err(), "{input:?}");
        }
    }
}
