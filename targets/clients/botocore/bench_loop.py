"""Cases per second of botocore's GetSessionToken called in a plain Python
loop: the baseline the driver protocol's overhead is measured against
(bench_driver.py). The client is built exactly as driver.py builds it.

    .venv/botocore/bin/python targets/clients/botocore/bench_loop.py \
        --endpoint http://127.0.0.1:PORT [-n 500] [--rounds 5]
"""

import argparse
import statistics
import time

import driver

ACCESS_KEY_ID = "AKIASTSCONFORMUSERAA"  # the local server's default user
SECRET = "stsconformLocalOnlySecretNotForAWSxxxxxx"  # not a secret: see targets/local
INPUT = {"DurationSeconds": 900}


def request(endpoint, case_id):
    """The protocol request of the fixed valid case."""
    return {
        "id": case_id,
        "endpoint": endpoint,
        "region": "us-east-1",
        "credentials": {"accessKeyId": ACCESS_KEY_ID, "secretAccessKey": SECRET},
        "maxAttempts": 1,
        "validate": True,
        "timeoutMs": 10000,
        "input": INPUT,
    }


def loop_seconds(client, n):
    """Seconds for N calls; every call must return credentials."""
    start = time.perf_counter()
    for _ in range(n):
        if "Credentials" not in client.get_session_token(**INPUT):
            raise SystemExit("bench: a call returned no credentials")
    return time.perf_counter() - start


def new_client(endpoint):
    """The client driver.py would use for the fixed case, in the same
    environment."""
    driver.isolate_environment()
    client, _ = driver.Driver().translate(request(endpoint, 0))
    return client


def arguments(doc):
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="an STS endpoint URL")
    parser.add_argument("-n", type=int, default=500, help="calls per round")
    parser.add_argument("--rounds", type=int, default=5)
    return parser.parse_args()


def summary(name, n, seconds):
    """One line: median cases/s and the spread (min-max) over the rounds."""
    rates = [n / s for s in seconds]
    return (
        f"{name}: {statistics.median(rates):.0f} cases/s "
        f"(min {min(rates):.0f}, max {max(rates):.0f}, {len(rates)} rounds of {n})"
    )


def main():
    args = arguments(__doc__)
    client = new_client(args.endpoint)
    loop_seconds(client, 20)  # warm the connection pool
    seconds = [loop_seconds(client, args.n) for _ in range(args.rounds)]
    print(summary("loop", args.n, seconds))


if __name__ == "__main__":
    main()
