"""Deliberately broken botocore pipelines, for the client gate's proof that
it catches a broken client (driver.py --break=NAME).

Each break is a handler on botocore's own event system, registered on the
client's ``before-sign.sts.GetSessionToken`` event: it changes the request
botocore has serialized (the form parameters of the awsQuery body, before
they are url-encoded and signed), as a buggy botocore fork would. The
driver's translation of the input stays correct.
"""


def drop_token_code(request, **_):
    """Sends the request without its TokenCode parameter."""
    if isinstance(request.data, dict):
        request.data.pop("TokenCode", None)


def double_encode_plus(request, **_):
    """Percent-encodes '+' twice: the body carries %252B for '+', so the
    server reads the three characters %2B."""
    if isinstance(request.data, dict):
        for name, value in request.data.items():
            if isinstance(value, str):
                request.data[name] = value.replace("+", "%2B")


BREAKS = {
    "drop-token-code": drop_token_code,
    "double-encode-plus": double_encode_plus,
}


def install(client, name, operation):
    """Registers the break NAME on CLIENT's pipeline for OPERATION."""
    client.meta.events.register(f"before-sign.sts.{operation}", BREAKS[name])
