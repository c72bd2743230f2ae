"""Cases per second through the driver protocol: driver.py as a child
process, one request line written and its reply read before the next (as
the gate does), and again with one request kept ahead (the next line
written before the reply is read, which hides a process wake-up per case).
Rounds alternate with bench_loop.py's plain loop on the same endpoint, so
all see the same machine load. The protocol's overhead is printed as the
median of the per-round ratios, and as best round against best round (the
least disturbed ones, on a shared machine).

    .venv/botocore/bin/python targets/clients/botocore/bench_driver.py \
        --endpoint http://127.0.0.1:PORT [-n 500] [--rounds 5]
"""

import json
import pathlib
import statistics
import subprocess
import sys
import time

import bench_loop

DRIVER = pathlib.Path(__file__).with_name("driver.py")


class DriverProcess:
    """A running driver.py speaking the protocol over pipes."""

    def __init__(self):
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        json.loads(self.proc.stdout.readline())  # hello

    def seconds(self, endpoint, n, ahead=0):
        """Seconds for N cases, keeping AHEAD more requests written than
        replies read (0: each reply read before the next request is
        written). Every reply must be parsed."""
        lines = [json.dumps(bench_loop.request(endpoint, i)) + "\n" for i in range(n)]
        start = time.perf_counter()
        self.write(lines[:ahead])
        for i in range(n):
            self.write(lines[i + ahead : i + ahead + 1])
            reply = json.loads(self.proc.stdout.readline())
            if reply.get("phase") != "parsed":
                raise SystemExit(f"bench: driver answered {reply}")
        return time.perf_counter() - start

    def write(self, lines):
        if lines:
            self.proc.stdin.write("".join(lines))
            self.proc.stdin.flush()

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


def main():
    args = bench_loop.arguments(__doc__)
    client = bench_loop.new_client(args.endpoint)
    proc = DriverProcess()
    try:
        bench_loop.loop_seconds(client, 20)  # warm both connection pools
        proc.seconds(args.endpoint, 20)
        loop, through, ahead = [], [], []
        for _ in range(args.rounds):
            loop.append(bench_loop.loop_seconds(client, args.n))
            through.append(proc.seconds(args.endpoint, args.n))
            ahead.append(proc.seconds(args.endpoint, args.n, ahead=1))
    finally:
        proc.close()
    print(bench_loop.summary("loop", args.n, loop))
    print(bench_loop.summary("driver", args.n, through))
    print(bench_loop.summary("driver, one request ahead", args.n, ahead))
    print(overhead("driver", through, loop))
    print(overhead("driver, one request ahead", ahead, loop))


def overhead(name, through, loop):
    """The protocol's overhead: the median of the per-round ratios, and the
    best round against the best round."""
    ratios = [d / lp for d, lp in zip(through, loop, strict=True)]
    rounds = ", ".join(f"{100 * (r - 1):+.0f}" for r in ratios)
    best = 100 * (min(through) / min(loop) - 1)
    median = 100 * (statistics.median(ratios) - 1)
    return (
        f"overhead of {name}: {median:+.1f} % median of rounds ({rounds}); "
        f"best against best {best:+.1f} %"
    )


if __name__ == "__main__":
    main()
