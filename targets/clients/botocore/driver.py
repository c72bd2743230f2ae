"""The botocore client driver of the stsconform client gate.

Speaks the JSON-lines protocol of targets/clients/PROTOCOL.md on stdin and
stdout: one request line in, one reply line out, in order. It only
translates: the request's input goes to botocore's GetSessionToken
unchanged, and what botocore returns or raises comes back as a reply. It
never judges an answer.

    .venv/botocore/bin/python targets/clients/botocore/driver.py [--break=NAME]

--break names a deliberately broken client pipeline (see breaks.py), for the
gate's proof that it catches a broken client.
"""

import argparse
import datetime
import functools
import json
import os
import platform
import sys

import botocore
import botocore.config
import botocore.exceptions
import botocore.parsers
import botocore.session

import breaks
import protocol
from protocol import BadRequest, Inexpressible, driver_error

OPERATION = "GetSessionToken"
CREDENTIAL_MEMBERS = ("AccessKeyId", "SecretAccessKey", "SessionToken")
TRANSPORT_ERRORS = (
    botocore.exceptions.ConnectionError,  # refused, connect timeout, proxy, TLS
    botocore.exceptions.HTTPClientError,  # closed, read timeout
)


def isolate_environment():
    """Keeps the user's AWS configuration and proxies out of the client: the
    gate's request says everything botocore needs."""
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[key]
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ["NO_PROXY"] = "*"


class Driver:
    """Translates protocol requests into botocore calls, one cached client
    per distinct client configuration."""

    def __init__(self, broken=None):
        self.session = botocore.session.Session()
        self.broken = broken
        self.members = (
            self.session.get_service_model("sts")
            .operation_model(OPERATION)
            .input_shape.members
        )
        self.client = functools.lru_cache(maxsize=64)(self._new_client)

    def hello(self):
        version = botocore.__version__
        if self.broken:
            version += "+break." + self.broken
        return {
            "hello": "stsconform-driver/1",
            "client": "botocore",
            "version": version,
            "runtime": "python " + platform.python_version(),
        }

    def _new_client(self, endpoint, region, creds, attempts, validate, timeout):
        retries = {"total_max_attempts": attempts, "mode": "standard"}
        config = botocore.config.Config(
            parameter_validation=validate,
            retries=retries if attempts else None,
            connect_timeout=timeout,
            read_timeout=timeout,
        )
        client = self.session.create_client(
            "sts",
            region_name=region,
            endpoint_url=endpoint,
            aws_access_key_id=creds[0],
            aws_secret_access_key=creds[1],
            aws_session_token=creds[2],
            config=config,
        )
        if self.broken:
            breaks.install(client, self.broken, OPERATION)
        return client

    def answer(self, line):
        """The reply to one request line (bytes); never raises."""
        case_id = None
        try:
            request = protocol.read_request(line)
            case_id = request.get("id")
            client, params = self.translate(request)
        except Inexpressible as e:
            return {"id": case_id, "phase": "inexpressible", "detail": str(e)}
        except BadRequest as e:
            return driver_error(case_id, str(e))
        except Exception as e:  # noqa: BLE001 - botocore refused the endpoint or region
            return driver_error(case_id, f"client setup: {type(e).__name__}: {e}")
        try:
            return {"id": case_id, **call(client, params)}
        except Exception as e:  # noqa: BLE001 - a driver bug must not end the run
            return driver_error(case_id, f"driver: {e!r}")

    def translate(self, request):
        """The cached client and the GetSessionToken parameters of a request."""
        protocol.check_fields(request)
        client = self.client(
            protocol.text(request, "endpoint"),
            protocol.text(request, "region"),
            protocol.credentials(request),
            protocol.whole(request, "maxAttempts"),
            protocol.flag(request, "validate"),
            protocol.timeout_seconds(request),
        )
        return client, self.params(protocol.members(request))

    def params(self, given):
        """The parameters, typed by botocore's own model of the input."""
        params = {}
        for name, value in given.items():
            shape = self.members.get(name)
            if shape is None:
                raise BadRequest(f"unknown input member {name!r}")
            if shape.type_name == "integer":
                params[name] = protocol.integer_value(name, value)
            else:
                params[name] = protocol.string_value(name, value)
        return params


def call(client, params):
    """Calls GetSessionToken: the phase, and the output or the error."""
    try:
        response = client.get_session_token(**params)
    except botocore.exceptions.ParamValidationError as e:
        return {"phase": "rejected", "error": failure("validation", e)}
    except botocore.exceptions.ClientError as e:
        return {"phase": "error", **service_failure(e)}
    except botocore.parsers.ResponseParserError as e:
        return {"phase": "error", "error": failure("parse", e)}
    except TRANSPORT_ERRORS as e:
        return {"phase": "error", "error": failure("transport", e)}
    except Exception as e:  # noqa: BLE001 - any other failure is reported, classed
        return {"phase": "error", "error": failure("other", e)}
    return {"phase": "parsed", **output(response)}


def failure(kind, e):
    return {"kind": kind, "class": type(e).__name__, "message": str(e)}


def service_failure(e):
    """The reply fields of a service error, with a detail naming any field
    botocore returned as something other than a string."""
    error = e.response.get("Error", {})
    meta = e.response.get("ResponseMetadata", {})
    fields = {
        "code": error.get("Code"),
        "message": error.get("Message"),
        "requestId": meta.get("RequestId"),
        "fault": error.get("Type"),
    }
    fields = {k: v for k, v in fields.items() if v is not None}
    odd = [k for k, v in fields.items() if not isinstance(v, str)]
    for k in odd:  # e.g. a dict, for a namespaced decoy element
        fields[k] = repr(fields[k])
    report = {"kind": "service", "class": type(e).__name__, **fields}
    status = meta.get("HTTPStatusCode")
    if status is not None:
        report["httpStatus"] = status
    detail = "; ".join(f"{k} is not a string, shown as its repr" for k in odd)
    return {"error": report} | ({"detail": detail} if odd else {})


def output(response):
    """The reply fields of an output: its Credentials, and a detail naming
    any member botocore returned as something other than a string."""
    creds = response.get("Credentials")
    if creds is None:
        return {"output": {}}
    out, odd = {}, []
    for member in CREDENTIAL_MEMBERS:
        value = creds.get(member)
        if value is not None and not isinstance(value, str):
            # e.g. a list of XML elements, for a member sent twice: the
            # protocol carries strings, so it goes as Python shows it.
            odd.append(f"{member} is a {type(value).__name__}, shown as its repr")
            value = repr(value)
        if value is not None:
            out[member] = value
    if creds.get("Expiration") is not None:
        out["Expiration"], out["ExpirationKind"] = expiration(creds["Expiration"])
    reply = {"output": {"Credentials": out}}
    return reply | ({"detail": "; ".join(odd)} if odd else {})


def expiration(value):
    """Renders what botocore holds: an aware datetime as UTC (kind time), a
    naive one as it is (kind naive), a number as epoch, a string as is."""
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            return rfc3339(value), "naive"
        try:
            return rfc3339(value.astimezone(datetime.timezone.utc)) + "Z", "time"
        except OverflowError:  # an instant at year 1 or 9999 that UTC cannot reach
            return value.isoformat(), "time"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value), "epoch"
    return str(value), "string"


def rfc3339(value):
    """YYYY-MM-DDTHH:MM:SS[.ffffff] of a datetime, without any offset."""
    spec = "seconds" if value.microsecond == 0 else "microseconds"
    return value.replace(tzinfo=None).isoformat(timespec=spec)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--break", dest="broken", choices=sorted(breaks.BREAKS))
    args = parser.parse_args()
    sys.set_int_max_str_digits(0)  # integer literals of any size
    isolate_environment()
    try:
        serve(Driver(args.broken), sys.stdin.buffer, sys.stdout)
    except KeyboardInterrupt:  # the gate's interrupt reaches its whole group
        sys.exit(130)
    except BrokenPipeError:  # the gate stopped reading: nobody to answer
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)


def serve(driver, lines, out):
    """The hello, then one reply per line, each flushed, until end of input."""
    out.write(protocol.encode(driver.hello()))
    out.flush()
    for line in lines:
        out.write(protocol.encode(driver.answer(line)))
        out.flush()


if __name__ == "__main__":
    main()
