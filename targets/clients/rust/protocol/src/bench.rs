//! `DRIVER --loop REQUEST_LINE`: the loop server of the drivers' benchmark
//! (make bench-drivers, targets/clients/benchdrivers). The client called in
//! a plain loop inside Rust, the baseline the protocol's overhead is
//! measured against: REQUEST_LINE is parsed once, as the driver parses a
//! line; then each stdin line is a count N, answered by one line with the
//! seconds N calls of the driver's own `call` took (each must return
//! credentials), or `error: …`. Exits 0 at end of stdin.

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use crate::{Driver, Handoff, Outcome, Request};

const USAGE: &str = "usage: DRIVER --loop REQUEST_LINE (or no arguments: serve stdin)";

pub(crate) fn main<D: Driver>(
    runtime: &tokio::runtime::Runtime,
    driver: Arc<D>,
    args: &[String],
) -> ExitCode {
    let [flag, line] = args else {
        return usage();
    };
    if flag != "--loop" {
        return usage();
    }
    let request = match Request::parse(line) {
        Ok(request) => request,
        Err(unusable) => {
            eprintln!("loop: REQUEST_LINE: {}", unusable.detail);
            return ExitCode::from(2);
        }
    };
    match serve(runtime, &driver, &request) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("loop: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn serve<D: Driver>(
    runtime: &tokio::runtime::Runtime,
    driver: &Arc<D>,
    request: &Request,
) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    for count in std::io::stdin().lock().lines() {
        let reply = match count?.trim().parse::<u32>() {
            Ok(calls) if calls > 0 => match runtime.block_on(in_loop(driver, request, calls)) {
                Ok(secs) => format!("{secs:.9}"),
                Err(e) => format!("error: {e}"),
            },
            _ => "error: a count is a positive integer".to_string(),
        };
        writeln!(stdout, "{reply}")?;
        stdout.flush()?;
    }
    Ok(())
}

async fn in_loop<D: Driver>(driver: &Arc<D>, request: &Request, calls: u32) -> Result<f64, String> {
    let handoff = Handoff::none(); // nothing is ever held in a loop
    let started = Instant::now();
    for _ in 0..calls {
        match driver.call(request, &handoff).await {
            Outcome::Parsed(out) if out.credentials.is_some() => {}
            outcome => return Err(format!("a call did not return credentials: {outcome:?}")),
        }
    }
    Ok(started.elapsed().as_secs_f64())
}
