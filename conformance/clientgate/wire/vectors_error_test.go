package wire

// errorBody builds a pretty-printed ErrorResponse as real STS writes it.
func errorBody(typ, code, message, requestID string) string {
	id := ""
	if requestID != "" {
		id = "\n  <RequestId>" + requestID + "</RequestId>"
	}
	return `<ErrorResponse ` + stsXMLNS + `>
  <Error>
    <Type>` + typ + `</Type>
    <Code>` + code + `</Code>
    <Message>` + message + `</Message>
  </Error>` + id + `
</ErrorResponse>
`
}

var errorVectors = []vectorCase{
	{name: "error-throttling", provenance: "real STS body shape for Throttling (sts-facts.md 2.4: AssumeRole XML in jlevers/selling-partner-api#278), 400",
		status: 400, header: withHeader(sameID), body: errorBody("Sender", "Throttling", "Rate exceeded", sameID),
		facts: map[string]string{"Error.Code": "Throttling", "Error.Type": "Sender", "Error.Message": "Rate exceeded"}},
	{name: "error-validation-metacharacters", provenance: "constructed: a ValidationError message (sts-facts.md 3.1 grammar) quoting a value full of XML metacharacters",
		status: 400, header: withHeader(sameID), body: errorBody("Sender", "ValidationError",
			"1 validation error detected: Value '&lt;a href=&quot;x&quot;&gt; &amp; &apos;&#x1F600;' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=/:,.@-]*", sameID),
		facts: map[string]string{"Error.Message": "1 validation error detected: Value '<a href=\"x\"> & '\U0001F600' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=/:,.@-]*"}},
	{name: "error-access-denied", provenance: "constructed: session credentials refused, 403 AccessDenied (sts-facts.md 2.4)",
		status: 403, header: withHeader(sameID), body: errorBody("Sender", "AccessDenied", "Cannot call GetSessionToken with session credentials", sameID),
		facts: map[string]string{"Error.Code": "AccessDenied"}},
	{name: "error-500-receiver", provenance: "constructed: a server fault, 500 InternalFailure with Type Receiver",
		status: 500, header: withHeader(sameID), body: errorBody("Receiver", "InternalFailure", "An internal error occurred", sameID),
		facts: map[string]string{"Error.Type": "Receiver"}},
	{name: "error-503-unavailable", provenance: "constructed: 503 ServiceUnavailable",
		status: 503, header: withHeader(sameID), body: errorBody("Receiver", "ServiceUnavailable", "Service is unavailable", sameID),
		facts: map[string]string{"Error.Code": "ServiceUnavailable"}},
	{name: "error-request-id-body-only", provenance: "constructed: RequestId in the body only (issue 9: aws-sdk-go-v2 sts v1.52.0 takes it from the header only)",
		status: 400, body: errorBody("Sender", "Throttling", "Rate exceeded", sameID),
		facts: map[string]string{"BodyRequestId": sameID, "HeaderRequestId": "absent"}},
	{name: "error-request-id-header-only", provenance: "constructed: RequestId in the x-amzn-RequestId header only",
		status: 400, header: withHeader(sameID), body: errorBody("Sender", "Throttling", "Rate exceeded", ""),
		facts: map[string]string{"BodyRequestId": "absent", "HeaderRequestId": sameID}},
	{name: "error-request-id-different", provenance: "constructed: header and body RequestId differ (MiniStack does this, README findings)",
		status: 400, header: withHeader(otherID), body: errorBody("Sender", "Throttling", "Rate exceeded", sameID),
		facts: map[string]string{"BodyRequestId": sameID, "HeaderRequestId": otherID}},
	{name: "error-no-namespace", provenance: "constructed after the Smithy awsQuery xml-errors protocol tests' body shape: no xmlns, an extra member in Error",
		status: 400, body: "<ErrorResponse>\n   <Error>\n      <Type>Sender</Type>\n      <Code>InvalidGreeting</Code>\n      <Message>Hi</Message>\n      <AnotherSetting>setting</AnotherSetting>\n   </Error>\n   <RequestId>foo-id</RequestId>\n</ErrorResponse>\n",
		facts: map[string]string{"Error.Code": "InvalidGreeting", "BodyRequestId": "foo-id"}},
	{name: "error-without-type", provenance: "constructed: an ErrorResponse without <Type>, as LocalStack answers malformed requests (README findings)",
		status: 500, body: "<ErrorResponse " + stsXMLNS + "><Error><Code>InternalError</Code><Message>exception while calling sts</Message></Error><RequestId>" + sameID + "</RequestId></ErrorResponse>",
		facts: map[string]string{"Error.Type": "absent", "Error.Code": "InternalError"}},
	{name: "error-code-comment-and-cdata", provenance: "constructed: a comment and a CDATA section inside Code",
		status: 400, body: errorBody("Sender", "Throt<!--x-->tl<![CDATA[ing]]>", "Rate exceeded", sameID),
		facts: map[string]string{"Error.Code": "Throttling"}},
}

var malformedVectors = []vectorCase{
	{name: "malformed-truncated", provenance: "constructed: a success body cut short", status: 200,
		body: tokenBody(token)[:200], facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-mismatched-tag", provenance: "constructed: </Token> closes <SessionToken>", status: 200,
		body: replaceOnce(tokenBody(token), "</SessionToken>", "</Token>"), facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-undefined-entity", provenance: "constructed: &nbsp; is not an XML entity without a DTD", status: 200,
		body: tokenBody("A&nbsp;B"), facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-surrogate-reference", provenance: "constructed: &#xD800; names no XML character (encoding/xml alone would read U+FFFD)", status: 200,
		body: tokenBody("A&#xD800;B"), facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-undeclared-prefix", provenance: "constructed: <sts:Credentials> without a declaration of sts", status: 200,
		body:  replaceOnce(replaceOnce(tokenBody(token), "<Credentials>", "<sts:Credentials>"), "</Credentials>", "</sts:Credentials>"),
		facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-text-after-root", provenance: "constructed: bytes after the root element", status: 400,
		body: errorBody("Sender", "Throttling", "Rate exceeded", sameID) + "trailing", facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-invalid-utf8", provenance: "constructed: a byte that is not UTF-8 in the token", status: 200,
		body: tokenBody("A\xffB"), facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-empty-body", provenance: "constructed: 500 with an empty body", status: 500,
		body: "", facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-html-page", provenance: "constructed after moto's answer to DurationSeconds=abc: Flask's 500 HTML page (README findings)", status: 500,
		body:  "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n",
		facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "malformed-json-body", provenance: "constructed after MiniStack's 500 JSON body (README findings)", status: 500,
		body: `{"__type":"InternalFailure","message":"boom"}`, facts: map[string]string{"Kind": "not-well-formed"}},
	{name: "foreign-xml-root", provenance: "constructed: well-formed XML that is not an awsQuery answer", status: 502,
		body: "<html><body>Bad Gateway</body></html>", facts: map[string]string{"Kind": "foreign"}},
	{name: "unjudged-doctype", provenance: "constructed: a DTD declaring an entity; the reference does not process DTDs (and clients should not)", status: 200,
		body: "<!DOCTYPE GetSessionTokenResponse [<!ENTITY t \"from-the-dtd\">]>\n" + tokenBody("&t;"), facts: map[string]string{"Kind": "unjudged"}},
}
