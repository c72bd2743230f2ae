//! Build script shared by the drivers: the hello line's `version` is the
//! locked version of the client crate this build links (from the workspace's
//! Cargo.lock, which `--locked` builds honour), and `runtime` is the rustc
//! that compiles it. Nothing typed by hand.

use std::path::Path;
use std::process::Command;

fn main() {
    let package = std::env::var("CARGO_PKG_NAME").expect("CARGO_PKG_NAME");
    let client = match package.as_str() {
        "stsconform-driver-rusoto" => "rusoto_sts",
        "stsconform-driver-aws-sdk" => "aws-sdk-sts",
        other => panic!("client-version.rs: no client crate known for {other}"),
    };
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let lock = Path::new(&manifest_dir).join("../Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let text =
        std::fs::read_to_string(&lock).unwrap_or_else(|e| panic!("read {}: {e}", lock.display()));
    let version = locked_version(&text, client)
        .unwrap_or_else(|| panic!("{client} is not in {}", lock.display()));
    println!("cargo:rustc-env=STSCONFORM_CLIENT={client}");
    println!("cargo:rustc-env=STSCONFORM_CLIENT_VERSION={version}");
    println!(
        "cargo:rustc-env=STSCONFORM_RUNTIME=rust {}",
        rustc_version()
    );
}

/// The version of the one `[[package]]` named `name` in a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == wanted {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.strip_suffix('"').map(str::to_string);
        }
    }
    None
}

fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(rustc)
        .arg("--version")
        .output()
        .expect("rustc --version");
    let text = String::from_utf8_lossy(&out.stdout);
    text.split_whitespace()
        .nth(1)
        .unwrap_or("unknown")
        .to_string()
}
