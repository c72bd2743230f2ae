# The client gate's drivers (targets/clients/<name>/, protocol in
# targets/clients/PROTOCOL.md). Each driver's mk/clients-<lang>.mk defines
# clients-<lang>: it builds or installs that driver at its pinned versions
# into project-local places, and is a no-op when it is already there.
CLIENT_DRIVERS ?= rust python js

.PHONY: clients $(addprefix clients-,$(CLIENT_DRIVERS))

## clients: build every non-Go client driver (Rust, Python, JavaScript).
clients: $(addprefix clients-,$(CLIENT_DRIVERS))
