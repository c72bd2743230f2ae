//! stsconform-driver-aws-sdk: work in progress, not usable yet.

fn main() -> std::process::ExitCode {
    eprintln!("stsconform-driver-aws-sdk: not implemented yet");
    std::process::ExitCode::FAILURE
}
