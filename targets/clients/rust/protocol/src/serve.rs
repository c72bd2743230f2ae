//! The long-lived process: hello, then one reply per request line, in
//! order, until end of input.

use std::future::Future;
use std::io::{BufRead, BufReader, Write};
use std::process::ExitCode;
use std::sync::Arc;

use serde_json::Value;

use crate::handoff::{Handoff, Outbox};
use crate::reply::Reply;
use crate::{bench, Outcome, Request};

/// A client driver: turns one request into the client's call and reports
/// what came of it. It never judges the outcome.
pub trait Driver: Send + Sync + 'static {
    /// Builds the client's request from `request.input`, calls the client
    /// and reports the outcome. The client calls `handoff.release()` just
    /// before it transmits (an interceptor, a dispatcher): the reply to the
    /// case before may be held until then (see the handoff module).
    fn call(&self, request: &Request, handoff: &Handoff) -> impl Future<Output = Outcome> + Send;
}

/// The hello line's fields (the protocol name is fixed).
#[derive(Debug, Clone, Copy)]
pub struct Hello {
    /// The client's name.
    pub client: &'static str,
    /// The version of the client library linked in.
    pub version: &'static str,
    /// The language runtime.
    pub runtime: &'static str,
}

#[derive(serde::Serialize)]
struct HelloLine {
    hello: &'static str,
    client: &'static str,
    version: &'static str,
    runtime: &'static str,
}

impl Hello {
    fn to_line(self) -> String {
        let hello = HelloLine {
            hello: "stsconform-driver/1",
            client: self.client,
            version: self.version,
            runtime: self.runtime,
        };
        let line = serde_json::to_string(&hello).expect("a hello always serialises");
        format!("{line}\n")
    }
}

/// Runs a driver as the protocol says, on one tokio runtime, reading stdin
/// and writing stdout. With `--loop REQUEST_LINE` it is the benchmark's
/// loop server instead (see the bench module). `make_driver` runs inside the runtime.
pub fn run<D: Driver>(hello: Hello, make_driver: impl FnOnce() -> D) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("stsconform driver: cannot start a tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let driver = {
        let _entered = runtime.enter();
        Arc::new(make_driver())
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.is_empty() {
        return bench::main(&runtime, driver, &args);
    }
    match serve(&runtime, driver, hello) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stsconform driver: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve<D: Driver>(
    runtime: &tokio::runtime::Runtime,
    driver: Arc<D>,
    hello: Hello,
) -> std::io::Result<()> {
    let mut stdout = std::io::stdout();
    stdout.write_all(hello.to_line().as_bytes())?;
    stdout.flush()?;
    let outbox = Outbox::start(Box::new(stdout))?;
    let handoff = outbox.handoff();
    // Our own buffer, to see whether the next line has already been read.
    let mut stdin = BufReader::with_capacity(64 * 1024, std::io::stdin().lock());
    let mut line = Vec::new();
    loop {
        line.clear();
        if stdin.read_until(b'\n', &mut line)? == 0 {
            return outbox.close();
        }
        let Some(reply) = runtime.block_on(answer(&driver, &line, &handoff)) else {
            continue;
        };
        let next_waiting = !stdin.buffer().is_empty() || stdin_readable();
        outbox.send(reply.to_line().as_bytes(), next_waiting)?;
    }
}

/// Whether stdin has something to read now (a line, or its end).
fn stdin_readable() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, a zero timeout; poll only writes revents.
    unsafe { libc::poll(&mut fd, 1, 0) > 0 }
}

/// The reply to one line; none for a blank line.
async fn answer<D: Driver>(driver: &Arc<D>, line: &[u8], handoff: &Handoff) -> Option<Reply> {
    let line = match std::str::from_utf8(line) {
        Ok(line) => line.trim_end_matches(['\n', '\r']),
        Err(e) => {
            let detail = format!("request line is not UTF-8: {e}");
            return Some(Reply::driver_error(Value::Null, detail));
        }
    };
    if line.trim().is_empty() {
        return None;
    }
    let request = match Request::parse(line) {
        Ok(request) => request,
        Err(unusable) => return Some(Reply::driver_error(unusable.id, unusable.detail)),
    };
    let id = request.id.clone();
    Some(Reply::new(id, call_guarded(driver, request, handoff).await))
}

/// Calls the driver on its own task, so that a panic inside the client is
/// reported as that call's error instead of ending the process.
pub(crate) async fn call_guarded<D: Driver>(
    driver: &Arc<D>,
    request: Request,
    handoff: &Handoff,
) -> Outcome {
    let (driver, handoff) = (Arc::clone(driver), handoff.clone());
    let task = tokio::spawn(async move { driver.call(&request, &handoff).await });
    match task.await {
        Ok(outcome) => outcome,
        Err(e) => Outcome::Error(crate::ErrorReport {
            kind: "other",
            class: "panic".into(),
            message: Some(format!("the client panicked: {e}")),
            ..Default::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// Panics on its first call, answers every later one.
    struct PanicsOnce(AtomicU32);

    impl Driver for PanicsOnce {
        async fn call(&self, _request: &Request, _handoff: &Handoff) -> Outcome {
            if self.0.fetch_add(1, Ordering::SeqCst) == 0 {
                panic!("first call");
            }
            Outcome::Parsed(crate::Output::default())
        }
    }

    const LINE: &str = r#"{"id":1,"endpoint":"http://127.0.0.1:1","region":"us-east-1","credentials":{"accessKeyId":"AKIAX","secretAccessKey":"s","sessionToken":null},"maxAttempts":1,"validate":true,"timeoutMs":1000,"input":{}}"#;

    #[test]
    fn a_panic_is_that_case_only() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let driver = Arc::new(PanicsOnce(AtomicU32::new(0)));
        let replies: Vec<String> = (0..2)
            .map(|_| {
                let reply = runtime.block_on(answer(&driver, LINE.as_bytes(), &Handoff::none()));
                reply.expect("a reply").to_line()
            })
            .collect();
        assert!(
            replies[0].contains(r#""phase":"error""#) && replies[0].contains(r#""class":"panic""#),
            "{}",
            replies[0]
        );
        assert!(replies[1].contains(r#""phase":"parsed""#), "{}", replies[1]);
    }
}
