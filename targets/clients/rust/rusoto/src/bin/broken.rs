//! stsconform-driver-rusoto-broken: the rusoto driver with a deliberate
//! defect for the gate's proof (TokenCode dropped from the outgoing request;
//! see `Rusoto::broken_drop_token_code`). Never use it for a real run.

use std::process::ExitCode;

use stsconform_driver_protocol::{run, Hello};
use stsconform_driver_rusoto::Rusoto;

fn main() -> ExitCode {
    let hello = Hello {
        client: env!("STSCONFORM_CLIENT"),
        version: concat!(env!("STSCONFORM_CLIENT_VERSION"), "+broken-drop-token-code"),
        runtime: env!("STSCONFORM_RUNTIME"),
    };
    run(hello, Rusoto::broken_drop_token_code)
}
