"""The client-driver protocol's lines (targets/clients/PROTOCOL.md), on the
Python side: reading a request line into checked Python values, and
writing a reply line. Nothing here knows botocore.
"""

import decimal
import json
import math

REQUEST_FIELDS = {
    "id",
    "endpoint",
    "region",
    "credentials",
    "maxAttempts",
    "validate",
    "timeoutMs",
    "input",
}
CREDENTIAL_FIELDS = {"accessKeyId", "secretAccessKey", "sessionToken"}
FLOAT_WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class BadRequest(Exception):
    """The request line cannot be used: answered with phase driver-error."""


class Inexpressible(Exception):
    """An input value Python cannot hold: answered with phase inexpressible."""


class Unheld:
    """A JSON number literal that no Python float gives back: 1e400 (read
    as inf), 1e-400 (read as 0.0), 3.00000000000000000001 (read as 3.0).
    Passing the float on would round the value, which the protocol forbids."""

    def __init__(self, text, value):
        self.text, self.value = text, value


def parse_float(text):
    """A JSON number with a fraction or an exponent, as a Python float when
    the float's own text (its repr) denotes the same number as the literal."""
    value = float(text)
    if math.isinf(value) or decimal.Decimal(repr(value)) != decimal.Decimal(text):
        return Unheld(text, value)
    return value


def reject_constant(name):
    raise ValueError(f"{name} is not JSON (send the string {json.dumps(name)})")


def read_request(line):
    """The JSON object of a request line (bytes), or BadRequest."""
    try:
        request = json.loads(
            line.decode("utf-8"),
            parse_float=parse_float,
            parse_constant=reject_constant,
        )
    except UnicodeDecodeError as e:
        raise BadRequest(f"line is not UTF-8: {e}") from None
    except ValueError as e:
        raise BadRequest(f"bad JSON: {e}") from None
    if not isinstance(request, dict):
        raise BadRequest("a request is a JSON object")
    return request


def check_fields(request):
    unknown = sorted(set(request) - REQUEST_FIELDS)
    if unknown:
        raise BadRequest(f"unknown request fields {unknown}")
    missing = sorted(REQUEST_FIELDS - set(request))
    if missing:
        raise BadRequest(f"missing request fields {missing}")


def text(request, field):
    value = request[field]
    if not isinstance(value, str) or not value:
        raise BadRequest(f"{field} is a non-empty string")
    return value


def whole(request, field):
    value = request[field]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BadRequest(f"{field} is an integer >= 0")
    return value


def flag(request, field):
    if not isinstance(request[field], bool):
        raise BadRequest(f"{field} is true or false")
    return request[field]


def timeout_seconds(request):
    value = request["timeoutMs"]
    if not is_number(value) or value <= 0:
        raise BadRequest("timeoutMs is a number > 0")
    return value / 1000


def credentials(request):
    """(access key id, secret, session token or None)."""
    given = request["credentials"]
    if not isinstance(given, dict) or set(given) - CREDENTIAL_FIELDS:
        raise BadRequest(f"credentials has only the fields {sorted(CREDENTIAL_FIELDS)}")
    key, secret = given.get("accessKeyId"), given.get("secretAccessKey")
    token = given.get("sessionToken")
    if not isinstance(key, str) or not isinstance(secret, str):
        raise BadRequest("credentials.accessKeyId and .secretAccessKey are strings")
    if token is not None and not isinstance(token, str):
        raise BadRequest("credentials.sessionToken is a string or null")
    return key, secret, token


def members(request):
    """The input object's members; null (Go's empty map) is no member."""
    given = request["input"]
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise BadRequest("input is a JSON object or null")
    return given


def integer_value(name, value):
    """An integer member's value as Python holds it: an integer literal of
    any size as int; a literal with a fraction or an exponent (3.5, 1e+21,
    -0.0) and "NaN", "Infinity", "-Infinity" as float."""
    if isinstance(value, Unheld):
        raise Inexpressible(
            f"{name} {value.text} is no Python float (the nearest reads back "
            f"as {value.value!r})"
        )
    if isinstance(value, str) and value in FLOAT_WORDS:
        return FLOAT_WORDS[value]
    if is_number(value):
        return value
    raise BadRequest(f"input member {name} is a JSON number or NaN/Infinity")


def string_value(name, value):
    """A string member's value: the decoded string, lone surrogates kept."""
    if not isinstance(value, str):
        raise BadRequest(f"input member {name} is a JSON string")
    return value


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def driver_error(case_id, detail):
    return {"id": case_id, "phase": "driver-error", "detail": detail}


def encode(reply):
    """One reply line of strict JSON; a reply that cannot be written (an id
    that is not JSON, say) becomes a driver-error line instead."""
    try:
        return json.dumps(reply, allow_nan=False) + "\n"
    except (TypeError, ValueError) as e:
        failed = driver_error(reply.get("id"), f"reply not encodable: {e}")
    try:
        return json.dumps(failed, allow_nan=False) + "\n"
    except (TypeError, ValueError):  # the id itself (an Unheld number)
        return json.dumps(failed | {"id": None}) + "\n"
