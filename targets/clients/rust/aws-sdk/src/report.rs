//! aws-sdk-sts's outputs and errors in the protocol's words, exactly as the
//! SDK exposes them.

use std::error::Error;

use aws_sdk_sts::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_sts::operation::get_session_token::{GetSessionTokenError, GetSessionTokenOutput};
use aws_sdk_sts::operation::RequestId;
use stsconform_driver_protocol::{rfc3339_utc, Credentials, ErrorReport, Outcome, Output};

type GetSessionTokenSdkError =
    SdkError<GetSessionTokenError, aws_sdk_sts::config::http::HttpResponse>;

/// The output: the SDK holds `Expiration` as an instant (`DateTime`).
pub(crate) fn output(output: &GetSessionTokenOutput) -> Output {
    Output {
        credentials: output.credentials().map(|c| {
            let expiration = c.expiration();
            Credentials {
                access_key_id: Some(c.access_key_id().to_string()),
                secret_access_key: Some(c.secret_access_key().to_string()),
                session_token: Some(c.session_token().to_string()),
                expiration: Some(rfc3339_utc(expiration.secs(), expiration.subsec_nanos())),
                expiration_kind: Some("time"),
            }
        }),
    }
}

/// The error, by `SdkError` variant: a modelled or unhandled service error
/// (code, message and request id as the SDK exposes them), a response it
/// could not read, a dispatch failure or timeout, or a request it could not
/// build.
pub(crate) fn error(error: &GetSessionTokenSdkError) -> Outcome {
    let report = |kind, class: &str| ErrorReport {
        kind,
        class: class.to_string(),
        message: Some(chain(error)),
        ..ErrorReport::default()
    };
    match error {
        SdkError::ServiceError(service) => {
            let e = service.err();
            let class = if e.is_region_disabled_exception() {
                "GetSessionTokenError::RegionDisabledException"
            } else {
                "GetSessionTokenError::Unhandled"
            };
            Outcome::Error(ErrorReport {
                kind: "service",
                class: class.to_string(),
                code: e.code().map(str::to_string),
                // A response the SDK could not deserialize also comes as
                // Unhandled, without a message: then its Display chain.
                message: Some(e.message().map_or_else(|| chain(error), str::to_string)),
                request_id: e.request_id().map(str::to_string),
                http_status: Some(service.raw().status().as_u16()),
                fault: None,
            })
        }
        SdkError::ResponseError(response) => Outcome::Error(ErrorReport {
            http_status: Some(response.raw().status().as_u16()),
            ..report("parse", "SdkError::ResponseError")
        }),
        SdkError::DispatchFailure(_) => {
            Outcome::Error(report("transport", "SdkError::DispatchFailure"))
        }
        SdkError::TimeoutError(_) => Outcome::Error(report("transport", "SdkError::TimeoutError")),
        SdkError::ConstructionFailure(_) => {
            Outcome::Rejected(report("validation", "SdkError::ConstructionFailure"))
        }
        _ => Outcome::Error(report("other", "SdkError")),
    }
}

/// An error and its sources, as their `Display` texts joined by ": ".
fn chain(error: &dyn Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(e) = source {
        text.push_str(": ");
        text.push_str(&e.to_string());
        source = e.source();
    }
    text
}
