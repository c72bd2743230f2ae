"""Tests of driver.py through its protocol, against a canned awsQuery server
on loopback (make test-clients-python). They check the translation only:
what the driver sends botocore and how it renders what botocore does.

    .venv/botocore/bin/python -m unittest discover -s targets/clients/botocore
"""

import http.server
import json
import pathlib
import subprocess
import sys
import threading
import typing
import unittest
import urllib.parse

DRIVER = pathlib.Path(__file__).with_name("driver.py")
NS = "https://sts.amazonaws.com/doc/2011-06-15/"
FAULT = (
    "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
    "<Message>no</Message></Error><RequestId>r-2</RequestId></ErrorResponse>"
)


def answer(expiration=None, credentials=True, extra=""):
    """A GetSessionToken response body."""
    exp = "" if expiration is None else f"<Expiration>{expiration}</Expiration>"
    creds = (
        "<Credentials><AccessKeyId>ASIAX</AccessKeyId><SecretAccessKey>s"
        f"</SecretAccessKey><SessionToken> t\u00e9 </SessionToken>{exp}{extra}"
        "</Credentials>"
    )
    return (
        f'<GetSessionTokenResponse xmlns="{NS}"><GetSessionTokenResult>'
        f"{creds if credentials else ''}</GetSessionTokenResult><ResponseMetadata>"
        "<RequestId>r-1</RequestId></ResponseMetadata></GetSessionTokenResponse>"
    )


# TokenCode -> (status, body) of the canned answer.
ANSWERS = {
    "100000": (200, answer("2026-12-03T12:00:00Z")),
    "200000": (200, answer("2026-12-03T12:00:00.25")),
    "300000": (200, answer("1764763200")),
    "400000": (200, answer(credentials=False)),
    "500000": (403, FAULT),
    "600000": (200, "<garbage"),
    "800000": (200, answer(extra="<SessionToken>2nd</SessionToken>")),
}
# A namespaced RequestId decoy beside the real one: botocore returns a dict.
ANSWERS["900000"] = (
    400,
    FAULT.replace("<RequestId>", '<RequestId xmlns="urn:d">x</RequestId><RequestId>'),
)
DROP = "700000"


class Canned(http.server.BaseHTTPRequestHandler):
    """Answers by TokenCode and records every request body."""

    bodies: typing.ClassVar[list[str]] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.bodies.append(body)
        code = urllib.parse.parse_qs(body).get("TokenCode", ["100000"])[0]
        if code == DROP:
            self.close_connection = True  # no answer: the connection closes
            return
        status, answer = ANSWERS.get(code, ANSWERS["100000"])
        data = answer.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *_):
        pass


class DriverTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Canned)
        cls.endpoint = f"http://127.0.0.1:{cls.server.server_address[1]}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()

    def run_driver(self, lines, *flags):
        """The hello and the replies of a driver fed LINES (str or dict)."""
        text = "".join(
            (x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines
        )
        done = subprocess.run(
            [sys.executable, str(DRIVER), *flags],
            input=text.encode(),
            capture_output=True,
            timeout=60,
            check=True,
        )
        out = [json.loads(line) for line in done.stdout.decode().splitlines()]
        self.assertEqual(len(out), len(lines) + 1, done.stderr.decode())
        return out[0], out[1:]

    def request(self, case_id, members, validate=True, endpoint=None):
        return {
            "id": case_id,
            "endpoint": endpoint or self.endpoint,
            "region": "us-east-1",
            "credentials": {"accessKeyId": "AKIAX", "secretAccessKey": "s"},
            "maxAttempts": 1,
            "validate": validate,
            "timeoutMs": 5000,
            "input": members,
        }

    def test_hello_names_the_loaded_botocore(self):
        import botocore

        hello, _ = self.run_driver([])
        self.assertEqual(hello["hello"], "stsconform-driver/1")
        self.assertEqual(hello["client"], "botocore")
        self.assertEqual(hello["version"], botocore.__version__)
        self.assertTrue(hello["runtime"].startswith("python 3."))

    def test_outputs(self):
        _, replies = self.run_driver(
            [self.request(i, {"TokenCode": c}) for i, c in enumerate(ANSWERS)]
        )
        creds = [r.get("output", {}).get("Credentials") for r in replies]
        self.assertEqual(creds[0]["SessionToken"], " t\u00e9 ")
        expirations = [(c["Expiration"], c["ExpirationKind"]) for c in creds[:3]]
        self.assertEqual(
            expirations,
            [
                ("2026-12-03T12:00:00Z", "time"),
                ("2026-12-03T12:00:00.250000", "naive"),
                ("2025-12-03T12:00:00Z", "time"),
            ],
        )
        self.assertEqual(replies[3], {"id": 3, "phase": "parsed", "output": {}})
        self.assertEqual(
            replies[4]["error"],
            {
                "kind": "service",
                "class": "ClientError",
                "code": "AccessDenied",
                "message": "no",
                "requestId": "r-2",
                "httpStatus": 403,
                "fault": "Sender",
            },
        )
        self.assertEqual(replies[5]["error"]["kind"], "parse")
        # SessionToken twice: botocore returns a list of XML elements.
        self.assertTrue(creds[6]["SessionToken"].startswith("[<Element"), creds[6])
        self.assertIn("SessionToken is a list", replies[6]["detail"])
        # An error field botocore returns as a dict goes as its repr.
        self.assertEqual(replies[7]["error"]["requestId"], "{}")
        self.assertIn("requestId is not a string", replies[7]["detail"])

    def test_values_pass_as_python_holds_them(self):
        before = len(Canned.bodies)
        big, neg = {"DurationSeconds": 9999999999}, {"DurationSeconds": -5}
        _, replies = self.run_driver(
            [
                self.request(1, big, validate=False),
                self.request(2, neg, validate=False),
                self.request(3, {"DurationSeconds": 3.5}, validate=False),
                self.request(4, {"DurationSeconds": "NaN"}, validate=False),
                self.request(5, {"DurationSeconds": 3.5}),
                self.request(6, {"DurationSeconds": 1}),
                '{"id":7,"x":' + "1e400}",
            ]
        )
        sent = [urllib.parse.parse_qs(b) for b in Canned.bodies[before:]]
        self.assertEqual(
            [s["DurationSeconds"] for s in sent],
            [["9999999999"], ["-5"], ["3.5"], ["nan"]],
        )
        self.assertEqual([r["phase"] for r in replies[:4]], ["parsed"] * 4)
        self.assertEqual([r["phase"] for r in replies[4:6]], ["rejected"] * 2)
        self.assertEqual(replies[6]["phase"], "driver-error")

    def literal(self, case_id, text):
        """A request line whose DurationSeconds is the JSON literal TEXT."""
        line = json.dumps(self.request(case_id, {"DurationSeconds": 1}, False))
        return line.replace('"DurationSeconds": 1', f'"DurationSeconds": {text}')

    def test_floats_python_cannot_hold_are_inexpressible(self):
        before = len(Canned.bodies)
        literals = ["1e400", "1e-400", "3.00000000000000000001", "0.1", "-0.0"]
        _, replies = self.run_driver(
            [self.literal(i, t) for i, t in enumerate(literals)]
        )
        phases = [r["phase"] for r in replies]
        self.assertEqual(phases, ["inexpressible"] * 3 + ["parsed"] * 2)
        sent = [urllib.parse.parse_qs(b) for b in Canned.bodies[before:]]
        self.assertEqual([s["DurationSeconds"] for s in sent], [["0.1"], ["-0.0"]])

    def test_lone_surrogate_fails_in_botocore(self):
        before = len(Canned.bodies)
        _, replies = self.run_driver([self.request(1, {"TokenCode": "12345\ud800"})])
        # It passes validation (six code points), then botocore cannot
        # encode the body: its exception, reported as it is, nothing sent.
        self.assertEqual(replies[0]["phase"], "error")
        error = replies[0]["error"]
        self.assertEqual(
            (error["kind"], error["class"]), ("other", "UnicodeEncodeError")
        )
        self.assertEqual(len(Canned.bodies), before)

    def test_a_throw_before_sending_leaves_the_next_case_alone(self):
        before = len(Canned.bodies)
        _, replies = self.run_driver(
            [
                self.request(1, {"TokenCode": "12345\ud800"}),
                self.request(2, {"TokenCode": "123456"}),
            ]
        )
        self.assertEqual([r["phase"] for r in replies], ["error", "parsed"])
        sent = [urllib.parse.parse_qs(b) for b in Canned.bodies[before:]]
        self.assertEqual(
            sent,
            [
                {
                    "Action": ["GetSessionToken"],
                    "Version": ["2011-06-15"],
                    "TokenCode": ["123456"],
                }
            ],
        )

    def test_bad_lines_do_not_stop_the_driver(self):
        _, replies = self.run_driver(
            [
                "not json",
                "[]",
                "{}",
                self.request(4, {"Bogus": "x"}),
                self.request(5, {"TokenCode": 123456}),
                self.request(6, {}, endpoint="not a url"),
                self.request(7, None),
            ]
        )
        phases = [r["phase"] for r in replies]
        self.assertEqual(phases, ["driver-error"] * 6 + ["parsed"])

    def test_transport(self):
        _, replies = self.run_driver(
            [self.request(1, {}, endpoint="http://127.0.0.1:1")]
        )
        self.assertEqual(replies[0]["error"]["kind"], "transport")

    def test_max_attempts_reach_the_client(self):
        before = len(Canned.bodies)
        one, two = self.request(1, {"TokenCode": DROP}), self.request(2, {})
        two["input"], two["maxAttempts"] = {"TokenCode": DROP}, 2
        _, replies = self.run_driver([one, two])
        self.assertEqual(len(Canned.bodies) - before, 3)
        self.assertEqual([r["error"]["kind"] for r in replies], ["transport"] * 2)

    def test_breaks_change_the_wire_not_the_input(self):
        members = {"SerialNumber": "a+b", "TokenCode": "100000"}
        for flag, want in [
            ("--break=drop-token-code", "SerialNumber=a%2Bb"),
            ("--break=double-encode-plus", "SerialNumber=a%252Bb&TokenCode=100000"),
        ]:
            with self.subTest(flag):
                before = len(Canned.bodies)
                hello, replies = self.run_driver(
                    [self.request(1, members, validate=False)], flag
                )
                self.assertIn("+break.", hello["version"])
                self.assertEqual(replies[0]["phase"], "parsed")
                body = Canned.bodies[before]
                self.assertTrue(body.endswith(want), body)


if __name__ == "__main__":
    unittest.main()
