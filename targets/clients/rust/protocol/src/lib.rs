//! The client-driver protocol, version 1 (targets/clients/PROTOCOL.md), for
//! the Rust drivers: request lines in, reply lines out, one long-lived
//! process. A driver implements [`Driver`] (input → the client's request
//! type → call → [`Outcome`]) and hands it to [`run`]; it holds no
//! comparison logic.

mod bench;
mod handoff;
mod integer;
mod reply;
mod request;
mod serve;
mod text;
mod time;

pub use handoff::Handoff;
pub use integer::Integer;
pub use reply::{Credentials, ErrorReport, Outcome, Output};
pub use request::{Input, Request, StaticCredentials};
pub use serve::{run, Driver, Hello};
pub use text::Text;
pub use time::rfc3339_utc;

/// Why a value cannot be held by the client's type: the reply's `detail`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inexpressible(pub String);
