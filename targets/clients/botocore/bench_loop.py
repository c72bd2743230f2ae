"""The loop server of the drivers' benchmark (make bench-drivers,
targets/clients/benchdrivers): botocore's GetSessionToken called in a plain
Python loop, the baseline the driver protocol's overhead is measured
against.

    .venv/botocore/bin/python targets/clients/botocore/bench_loop.py --serve LINE

LINE is one protocol request (targets/clients/PROTOCOL.md); the client and
the parameters are built from it exactly as driver.py builds them. Then each
stdin line is a count N: N calls in a loop, each of which must return
credentials, answered by one line with the elapsed seconds, or a line
"error: ..." when a call fails. Exits 0 at end of stdin.
"""

import argparse
import sys
import time

import driver
import protocol


def build(line):
    """The cached client driver.py would use for LINE, and the parameters."""
    driver.isolate_environment()
    return driver.Driver().translate(protocol.read_request(line.encode()))


def loop_seconds(client, params, n):
    """Seconds for N calls; a call that returns no credentials raises."""
    start = time.perf_counter()
    for _ in range(n):
        if "Credentials" not in client.get_session_token(**params):
            raise RuntimeError("a call returned no credentials")
    return time.perf_counter() - start


def answer(client, params, count):
    """The reply line to one count line."""
    try:
        n = int(count)
        if n < 1:
            raise ValueError(f"count {n} is not positive")
        return f"{loop_seconds(client, params, n):.9f}"
    except Exception as e:  # noqa: BLE001 - every failure is one reply line
        return f"error: {type(e).__name__}: {e}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--serve", required=True, metavar="LINE")
    args = parser.parse_args()
    try:
        client, params = build(args.serve)
    except Exception as e:  # noqa: BLE001 - a bad LINE is one clear message
        sys.exit(f"bench_loop: cannot build the client from LINE: {e!r}")
    for count in sys.stdin:
        print(answer(client, params, count), flush=True)


if __name__ == "__main__":
    main()
