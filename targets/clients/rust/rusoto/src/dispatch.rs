//! The dispatcher handed to `StsClient`: rusoto's own `HttpClient` with the
//! case's timeout, since rusoto's generated calls pass none. It hands over
//! the reply held for the case before just before it sends (the protocol
//! crate's handoff module says why).

use std::sync::Arc;
use std::time::Duration;

use rusoto_core::request::{DispatchSignedRequest, DispatchSignedRequestFuture};
use rusoto_core::signature::SignedRequest;
use rusoto_core::HttpClient;
use stsconform_driver_protocol::Handoff;

pub(crate) struct Dispatcher {
    pub(crate) http: Arc<HttpClient<hyper::client::HttpConnector>>,
    pub(crate) timeout: Duration,
    pub(crate) handoff: Handoff,
    /// Set only in the broken build: the credentials to sign again with
    /// after TokenCode is removed.
    #[cfg(feature = "broken-drop-token-code")]
    pub(crate) resign_without_token_code: Option<rusoto_core::credential::AwsCredentials>,
}

impl DispatchSignedRequest for Dispatcher {
    fn dispatch(
        &self,
        #[allow(unused_mut)] mut request: SignedRequest,
        _timeout: Option<Duration>,
    ) -> DispatchSignedRequestFuture {
        #[cfg(feature = "broken-drop-token-code")]
        if let Some(credentials) = &self.resign_without_token_code {
            broken::drop_token_code(&mut request, credentials);
        }
        self.handoff.release();
        self.http.dispatch(request, Some(self.timeout))
    }
}

/// The deliberate defect of `stsconform-driver-rusoto-broken`.
#[cfg(feature = "broken-drop-token-code")]
mod broken {
    use rusoto_core::credential::AwsCredentials;
    use rusoto_core::signature::{SignedRequest, SignedRequestPayload};

    /// Removes every `TokenCode=…` pair from the form body rusoto
    /// serialized, then signs the request again so that only TokenCode is
    /// wrong on the wire.
    pub(super) fn drop_token_code(request: &mut SignedRequest, credentials: &AwsCredentials) {
        let Some(SignedRequestPayload::Buffer(body)) = &request.payload else {
            return;
        };
        let kept: Vec<&[u8]> = body
            .split(|b| *b == b'&')
            .filter(|pair| !pair.starts_with(b"TokenCode="))
            .collect();
        let body = kept.join(&b'&');
        request.set_payload(Some(body));
        request.sign(credentials);
    }
}
