//! Replies on their way to stdout, and the hand-off of a reply held back
//! while the next request is already waiting.
//!
//! Writing a reply wakes the Go side; so does, a little later, the next
//! call's request reaching its server, which lives in the same Go process.
//! When the next request line is already waiting, the reply is held and
//! handed over just before the client transmits that next request
//! ([`Handoff::release`]), so that the Go side wakes once for both. On two
//! virtual cores that wake-up is most of what the protocol costs
//! (docs/clients-rust.md). A held reply is written at the latest when the
//! next call ends, when input ends, or by a watchdog thread within two
//! [`TICK`]s, so a client that never transmits, hangs or spins never
//! delays the reply to the case before it by more than that.

use std::io::{self, Write};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// The watchdog's period: a held reply is written within two of them.
pub(crate) const TICK: Duration = Duration::from_millis(5);

/// After this many ticks with nothing held, the watchdog sleeps until the
/// next hold instead of ticking.
const IDLE_TICKS: u32 = 20;

/// The hand-off of the replies held back for the call in progress. A
/// driver calls [`Handoff::release`] just before its client transmits.
#[derive(Clone, Default)]
pub struct Handoff(Option<Arc<Outbox>>);

impl std::fmt::Debug for Handoff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Handoff")
    }
}

impl Handoff {
    /// A hand-off that never holds anything (the loop server, tests).
    pub fn none() -> Handoff {
        Handoff(None)
    }

    /// Writes the replies held back, if any. A write error is kept and
    /// reported by the serving loop at its next write.
    pub fn release(&self) {
        if let Some(outbox) = &self.0 {
            outbox.release();
        }
    }
}

/// Where replies go: stdout in the driver, a buffer in tests. Every write
/// goes through one lock, so replies keep their order whoever writes them.
pub(crate) struct Outbox {
    state: Mutex<State>,
    wake: Condvar,
}

struct State {
    out: Box<dyn Write + Send>,
    held: Vec<u8>,
    /// Counts holds, so the watchdog can tell a reply held since its last
    /// tick from a newer one.
    holds: u64,
    watchdog_asleep: bool,
    closed: bool,
    failed: Option<io::Error>,
}

impl Outbox {
    /// An outbox writing to `out`, with its watchdog thread running.
    pub(crate) fn start(out: Box<dyn Write + Send>) -> io::Result<Arc<Outbox>> {
        let outbox = Arc::new(Outbox {
            state: Mutex::new(State {
                out,
                held: Vec::new(),
                holds: 0,
                watchdog_asleep: false,
                closed: false,
                failed: None,
            }),
            wake: Condvar::new(),
        });
        let watched = Arc::clone(&outbox);
        std::thread::Builder::new()
            .name("reply-watchdog".into())
            .spawn(move || watched.watch())?;
        Ok(outbox)
    }

    /// The hand-off that releases this outbox's held replies.
    pub(crate) fn handoff(self: &Arc<Self>) -> Handoff {
        Handoff(Some(Arc::clone(self)))
    }

    /// Queues one reply line: held when `next_waiting` (the next request
    /// line has arrived), written with any held before it otherwise.
    pub(crate) fn send(&self, line: &[u8], next_waiting: bool) -> io::Result<()> {
        let mut state = self.lock();
        if let Some(e) = state.failed.take() {
            return Err(e);
        }
        state.held.extend_from_slice(line);
        if !next_waiting {
            return state.write_held();
        }
        state.holds += 1;
        if state.watchdog_asleep {
            self.wake.notify_one();
        }
        Ok(())
    }

    fn release(&self) {
        let mut state = self.lock();
        if let Err(e) = state.write_held() {
            state.failed.get_or_insert(e);
        }
    }

    /// Writes what is held and stops the watchdog.
    pub(crate) fn close(&self) -> io::Result<()> {
        let mut state = self.lock();
        state.closed = true;
        self.wake.notify_one();
        match state.failed.take() {
            Some(e) => Err(e),
            None => state.write_held(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves only bytes: carry on.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The watchdog: each tick, writes a reply that was already held at
    /// the tick before; sleeps while nothing has been held for a while.
    fn watch(&self) {
        let mut state = self.lock();
        let (mut seen, mut idle) = (None, 0);
        while !state.closed {
            if state.held.is_empty() {
                seen = None;
                idle += 1;
            } else if seen == Some(state.holds) {
                self.release_locked(&mut state);
                (seen, idle) = (None, 0);
            } else {
                (seen, idle) = (Some(state.holds), 0);
            }
            if idle >= IDLE_TICKS {
                state.watchdog_asleep = true;
                state = self.wake.wait(state).unwrap_or_else(|p| p.into_inner());
                state.watchdog_asleep = false;
                idle = 0;
                continue;
            }
            state = match self.wake.wait_timeout(state, TICK) {
                Ok((state, _)) => state,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }

    fn release_locked(&self, state: &mut State) {
        if let Err(e) = state.write_held() {
            state.failed.get_or_insert(e);
        }
    }
}

impl State {
    fn write_held(&mut self) -> io::Result<()> {
        if self.held.is_empty() {
            return Ok(());
        }
        let result = self
            .out
            .write_all(&self.held)
            .and_then(|()| self.out.flush());
        self.held.clear();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// A writer the test can read back.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    fn outbox() -> (Arc<Outbox>, Shared) {
        let out = Shared::default();
        (Outbox::start(Box::new(out.clone())).unwrap(), out)
    }

    #[test]
    fn a_reply_is_written_at_once_when_no_request_waits() {
        let (outbox, out) = outbox();
        outbox.send(b"1\n", false).unwrap();
        assert_eq!(out.text(), "1\n");
    }

    #[test]
    fn a_held_reply_goes_out_at_release_then_in_order() {
        let (outbox, out) = outbox();
        outbox.send(b"1\n", true).unwrap();
        assert_eq!(out.text(), "", "held while the next request waits");
        outbox.handoff().release();
        assert_eq!(out.text(), "1\n");
        outbox.send(b"2\n", true).unwrap();
        outbox.send(b"3\n", false).unwrap();
        assert_eq!(
            out.text(),
            "1\n2\n3\n",
            "the next reply writes what is held first"
        );
        outbox.send(b"4\n", true).unwrap();
        outbox.close().unwrap();
        assert_eq!(
            out.text(),
            "1\n2\n3\n4\n",
            "end of input writes what is held"
        );
    }

    #[test]
    fn the_watchdog_writes_a_reply_nothing_released() {
        let (outbox, out) = outbox();
        for round in 1..=2 {
            // the second round starts with the watchdog idle
            let started = Instant::now();
            outbox.send(b"x\n", true).unwrap();
            while out.text().len() < 2 * round {
                assert!(started.elapsed() < Duration::from_secs(10), "never written");
                std::thread::sleep(Duration::from_millis(1));
            }
            std::thread::sleep((IDLE_TICKS + 2) * TICK);
        }
        outbox.close().unwrap();
    }

    #[test]
    fn a_release_needs_no_outbox() {
        Handoff::none().release();
        Handoff::default().release();
    }
}
