//! `DRIVER --bench CALLS ROUNDS REQUEST_LINE`: the issue's speed comparison.
//! Each round times CALLS calls of the client in a loop inside Rust (the
//! driver's own translation, no JSON, no pipe), then CALLS request lines
//! through the protocol to a child copy of this driver (JSON both ways over
//! pipes, in lockstep as the gate sends them). Prints each round and the
//! median, min and max of both rates and of the protocol's overhead.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::Instant;

use crate::serve::call_guarded;
use crate::{Driver, Outcome, Request};

const USAGE: &str =
    "usage: DRIVER --bench CALLS ROUNDS REQUEST_LINE (or no arguments: serve stdin)";

pub(crate) fn main<D: Driver>(
    runtime: &tokio::runtime::Runtime,
    driver: Arc<D>,
    args: &[String],
) -> ExitCode {
    let (calls, rounds, line) = match args {
        [flag, calls, rounds, line] if flag == "--bench" => {
            match (calls.parse::<u32>(), rounds.parse::<u32>()) {
                (Ok(calls), Ok(rounds)) if calls > 0 && rounds > 0 => (calls, rounds, line),
                _ => return usage(),
            }
        }
        _ => return usage(),
    };
    match bench(runtime, &driver, calls, rounds, line) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn bench<D: Driver>(
    runtime: &tokio::runtime::Runtime,
    driver: &Arc<D>,
    calls: u32,
    rounds: u32,
    line: &str,
) -> Result<(), String> {
    let request = Request::parse(line).map_err(|u| format!("REQUEST_LINE: {}", u.detail))?;
    let first = runtime.block_on(call_guarded(driver, Request::parse(line).unwrap()));
    if !matches!(first, Outcome::Parsed(_)) {
        return Err(format!("the request does not succeed: {first:?}"));
    }
    let mut child = Child::start(line)?;
    child.round_trip()?; // warm-up, as the loop had its first call
    let (mut looped, mut piped, mut overhead) = (Vec::new(), Vec::new(), Vec::new());
    for round in 1..=rounds {
        let loop_secs = runtime.block_on(in_loop(driver, &request, calls))?;
        let started = Instant::now();
        for _ in 0..calls {
            child.round_trip()?;
        }
        let pipe_secs = started.elapsed().as_secs_f64();
        let (l, p) = (f64::from(calls) / loop_secs, f64::from(calls) / pipe_secs);
        println!("round {round}: loop {l:.0} calls/s, protocol {p:.0} calls/s, protocol overhead {:+.1} %", (pipe_secs / loop_secs - 1.0) * 100.0);
        looped.push(l);
        piped.push(p);
        overhead.push((pipe_secs / loop_secs - 1.0) * 100.0);
    }
    child.finish()?;
    println!("loop (in Rust)     calls/s {}", spread(&mut looped, 0));
    println!("protocol (piped)   calls/s {}", spread(&mut piped, 0));
    println!("protocol overhead  %       {}", spread(&mut overhead, 1));
    Ok(())
}

async fn in_loop<D: Driver>(driver: &Arc<D>, request: &Request, calls: u32) -> Result<f64, String> {
    let started = Instant::now();
    for _ in 0..calls {
        let outcome = driver.call(request).await;
        if !matches!(outcome, Outcome::Parsed(_)) {
            return Err(format!("a loop call did not succeed: {outcome:?}"));
        }
    }
    Ok(started.elapsed().as_secs_f64())
}

fn spread(values: &mut [f64], digits: usize) -> String {
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    let (min, max) = (values[0], values[values.len() - 1]);
    format!(
        "median {median:.digits$} (min {min:.digits$}, max {max:.digits$}, {} rounds)",
        values.len()
    )
}

/// A child copy of this driver spoken to through the protocol.
struct Child {
    process: std::process::Child,
    stdin: std::process::ChildStdin,
    stdout: BufReader<std::process::ChildStdout>,
    line: String,
    reply: String,
}

impl Child {
    fn start(line: &str) -> Result<Child, String> {
        let exe = std::env::current_exe().map_err(|e| format!("own path: {e}"))?;
        let mut process = Command::new(exe)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("start the driver: {e}"))?;
        let stdin = process.stdin.take().expect("piped stdin");
        let mut stdout = BufReader::new(process.stdout.take().expect("piped stdout"));
        let mut hello = String::new();
        stdout
            .read_line(&mut hello)
            .map_err(|e| format!("hello: {e}"))?;
        let line = format!("{}\n", line.trim_end());
        Ok(Child {
            process,
            stdin,
            stdout,
            line,
            reply: String::new(),
        })
    }

    fn round_trip(&mut self) -> Result<(), String> {
        self.stdin
            .write_all(self.line.as_bytes())
            .map_err(|e| format!("write: {e}"))?;
        self.stdin.flush().map_err(|e| format!("write: {e}"))?;
        self.reply.clear();
        self.stdout
            .read_line(&mut self.reply)
            .map_err(|e| format!("read: {e}"))?;
        if !self.reply.contains(r#""phase":"parsed""#) {
            return Err(format!(
                "a protocol call did not succeed: {}",
                self.reply.trim_end()
            ));
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(), String> {
        drop(self.stdin);
        let status = self.process.wait().map_err(|e| format!("wait: {e}"))?;
        if !status.success() {
            return Err(format!("the driver exited with {status}"));
        }
        Ok(())
    }
}
