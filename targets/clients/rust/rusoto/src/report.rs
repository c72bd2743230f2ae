//! rusoto's outputs and errors in the protocol's words, exactly as rusoto
//! exposes them: nothing is parsed here that rusoto did not parse.

use rusoto_core::RusotoError;
use rusoto_sts::{GetSessionTokenError, GetSessionTokenResponse};
use stsconform_driver_protocol::{Credentials, ErrorReport, Outcome, Output};

/// The output: rusoto keeps `Expiration` as the unparsed string.
pub(crate) fn output(response: GetSessionTokenResponse) -> Output {
    Output {
        credentials: response.credentials.map(|c| Credentials {
            access_key_id: Some(c.access_key_id),
            secret_access_key: Some(c.secret_access_key),
            session_token: Some(c.session_token),
            expiration: Some(c.expiration),
            expiration_kind: Some("string"),
        }),
    }
}

/// The error. rusoto recognises one error code of GetSessionToken,
/// RegionDisabledException (its only `Service` variant); every other error
/// response is `Unknown` with the raw response, reported as the status and
/// the raw body.
pub(crate) fn error(error: RusotoError<GetSessionTokenError>) -> Outcome {
    let report = |kind, class: &str, message: String| ErrorReport {
        kind,
        class: class.to_string(),
        message: Some(message),
        ..ErrorReport::default()
    };
    match error {
        RusotoError::Service(GetSessionTokenError::RegionDisabled(message)) => {
            Outcome::Error(ErrorReport {
                // The variant rusoto builds for exactly this code and no other.
                code: Some("RegionDisabledException".into()),
                ..report("service", "GetSessionTokenError::RegionDisabled", message)
            })
        }
        RusotoError::Unknown(response) => Outcome::Error(ErrorReport {
            http_status: Some(response.status.as_u16()),
            ..report(
                "service",
                "RusotoError::Unknown",
                String::from_utf8_lossy(&response.body).into_owned(),
            )
        }),
        RusotoError::HttpDispatch(e) => Outcome::Error(report(
            "transport",
            "RusotoError::HttpDispatch",
            e.to_string(),
        )),
        RusotoError::ParseError(message) => {
            Outcome::Error(report("parse", "RusotoError::ParseError", message))
        }
        RusotoError::Validation(message) => {
            Outcome::Rejected(report("validation", "RusotoError::Validation", message))
        }
        RusotoError::Credentials(e) => {
            Outcome::Error(report("other", "RusotoError::Credentials", e.to_string()))
        }
        RusotoError::Blocking => Outcome::Error(report(
            "other",
            "RusotoError::Blocking",
            RusotoError::<GetSessionTokenError>::Blocking.to_string(),
        )),
    }
}
