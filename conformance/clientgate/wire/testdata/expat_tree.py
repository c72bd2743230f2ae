"""Second opinion on the reference reader: parse bodies with expat.

Reads JSON lines {"id": n, "body": base64} on stdin and writes, per line,
{"id": n, "ok": bool, "error": str, "tree": [ns, local, text, children]}:
the element tree an XML 1.0 namespace-aware parser (expat, via pyexpat)
builds, with each element's direct character data concatenated.
"""

import base64
import json
import sys
import xml.parsers.expat


def tree(body):
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")
    root = []
    stack = []

    def start(name, _attrs):
        ns, _, local = name.rpartition(" ")
        node = [ns, local, [], []]
        if stack:
            stack[-1][3].append(node)
        else:
            root.append(node)
        stack.append(node)

    def end(_name):
        node = stack.pop()
        node[2] = "".join(node[2])

    def text(data):
        if stack:
            stack[-1][2].append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.Parse(body, True)
    return root[0]


def main():
    for line in sys.stdin:
        req = json.loads(line)
        out = {"id": req["id"], "ok": True}
        try:
            out["tree"] = tree(base64.b64decode(req["body"]))
        except (xml.parsers.expat.ExpatError, LookupError, ValueError) as err:
            out["ok"], out["error"] = False, str(err)
        sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
