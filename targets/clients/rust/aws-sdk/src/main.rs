//! stsconform-driver-aws-sdk: the client-gate driver for aws-sdk-sts
//! (protocol: targets/clients/PROTOCOL.md). Reads request lines on stdin,
//! writes reply lines on stdout, exits 0 at end of input.

use std::process::ExitCode;

use stsconform_driver_aws_sdk::AwsSdk;
use stsconform_driver_protocol::{run, Hello};

fn main() -> ExitCode {
    let hello = Hello {
        client: env!("STSCONFORM_CLIENT"),
        version: env!("STSCONFORM_CLIENT_VERSION"),
        runtime: env!("STSCONFORM_RUNTIME"),
    };
    run(hello, AwsSdk::new)
}
