package wire

// awsDocExample is the example response of the STS API Reference page for
// GetSessionToken, as published (line breaks and indentation included).
const awsDocExample = `<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<GetSessionTokenResult>
<Credentials>
  <SessionToken>
   AQoEXAMPLEH4aoAH0gNCAPyJxz4BlCFFxWNE1OPTgk5TthT+FvwqnKwRcOIfrRh3c/L
   To6UDdyJwOOvEVPvLXCrrrUtdnniCEXAMPLE/IvU1dYUg2RVAJBanLiHb4IgRmpRV3z
   rkuWJOgQs8IZZaIv2BXIa2R4OlgkBN9bkUDNCJiBeb/AXlzBBko7b15fjrBs2+cTQtp
   Z3CYWFXG8C5zqx37wnOE49mRl/+OtkIKGO7fAE
  </SessionToken>
  <SecretAccessKey>
  wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY
  </SecretAccessKey>
  <Expiration>2011-07-11T19:55:29.611Z</Expiration>
  <AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId>
</Credentials>
</GetSessionTokenResult>
<ResponseMetadata>
<RequestId>58c5dbae-abef-11e0-8cfe-09039844ac7d</RequestId>
</ResponseMetadata>
</GetSessionTokenResponse>`

// vectorBody builds a pretty-printed success body, as real STS writes it,
// around the given Credentials members.
func vectorBody(members string) string {
	return `<GetSessionTokenResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetSessionTokenResult>
    <Credentials>
` + members + `
    </Credentials>
  </GetSessionTokenResult>
  <ResponseMetadata>
    <RequestId>c0ffee00-0000-4000-8000-000000000001</RequestId>
  </ResponseMetadata>
</GetSessionTokenResponse>
`
}

// vectorMembers writes the four members with token as SessionToken markup
// and expiration as Expiration markup.
func vectorMembers(token, expiration string) string {
	return `      <AccessKeyId>ASIAQNZGKIQY6EXAMPLE</AccessKeyId>
      <SecretAccessKey>Wf2vDFx8r0/3pY1oTEXAMPLESECRETKEYexample</SecretAccessKey>
      <SessionToken>` + token + `</SessionToken>
      <Expiration>` + expiration + `</Expiration>`
}

const (
	token    = "IQoJb3JpZ2luX2VjEXAMPLETOKEN+/="
	whole    = "2026-12-03T12:00:00Z"
	sameID   = "c0ffee00-0000-4000-8000-000000000001"
	otherID  = "beef0000-0000-4000-8000-000000000002"
	stsXMLNS = `xmlns="https://sts.amazonaws.com/doc/2011-06-15/"`
)

func tokenBody(markup string) string  { return vectorBody(vectorMembers(markup, whole)) }
func expiryBody(markup string) string { return vectorBody(vectorMembers(token, markup)) }
func withHeader(id string) map[string]string {
	return map[string]string{"Content-Type": "text/xml", RequestIDHeader: id}
}

// successVectors are the golden success bodies; facts are checked by hand
// against the reading, independently of the golden file.
var successVectors = []vectorCase{
	{name: "aws-doc-example", provenance: "AWS documentation example: STS API Reference, GetSessionToken, Example response " +
		"(docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html). The token and secret keep the example's line breaks and indentation, as an XML parser reads them",
		status: 200, body: awsDocExample, facts: map[string]string{
			"AccessKeyId": "AKIAIOSFODNN7EXAMPLE", "SecretAccessKey": "\n  wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\n  ",
			"Expiration": "2011-07-11T19:55:29.611Z", "BodyRequestId": "58c5dbae-abef-11e0-8cfe-09039844ac7d", "Valid": "true"}},
	{name: "real-sts-shape", provenance: "constructed: the shape real STS answers with (sts-facts.md 2.2, 2.3): ASIA key, whole seconds with Z, x-amzn-RequestId equal to the body's",
		status: 200, header: withHeader(sameID), body: tokenBody(token), facts: map[string]string{
			"SessionToken": token, "Expiration": whole, "HeaderRequestId": sameID, "BodyRequestId": sameID}},
	{name: "comment-in-text", provenance: "constructed: a comment inside text (issue 9: aws-sdk-go v1 v1.55.8 returns B, aws-sdk-go-v2 sts v1.52.0 refuses the body)",
		status: 200, body: tokenBody("A<!--c-->B"), facts: map[string]string{"SessionToken": "AB"}},
	{name: "references-and-cdata", provenance: "constructed: hex astral character reference, entity reference and CDATA in one text (issue 9: aws-sdk-go v1 returns E)",
		status: 200, body: tokenBody("A&#x1F600;B&amp;C<![CDATA[<D>]]>E"), facts: map[string]string{"SessionToken": "A\U0001F600B&C<D>E"}},
	{name: "decimal-astral-reference", provenance: "constructed: decimal character reference to an astral character",
		status: 200, body: tokenBody("x&#128512;y"), facts: map[string]string{"SessionToken": "x\U0001F600y"}},
	{name: "entity-references", provenance: "constructed: the five predefined entities",
		status: 200, body: tokenBody("&amp;&lt;&gt;&quot;&apos;"), facts: map[string]string{"SessionToken": `&<>"'`}},
	{name: "processing-instruction-in-text", provenance: "constructed: a processing instruction inside text",
		status: 200, body: tokenBody("A<?pi data?>B"), facts: map[string]string{"SessionToken": "AB"}},
	{name: "whitespace-in-value", provenance: "constructed: whitespace around and inside a value is part of it (no schema collapses xs:string)",
		status: 200, body: tokenBody(" A\tB \n"), facts: map[string]string{"SessionToken": " A\tB \n"}},
	{name: "line-ends", provenance: "constructed: CR LF and CR read as LF; &#13; reads as CR (XML 1.0 section 2.11)",
		status: 200, body: tokenBody("A\r\nB\rC&#13;D"), facts: map[string]string{"SessionToken": "A\nB\nC\rD"}},
	{name: "attribute-session-token", provenance: "constructed: a SessionToken attribute on <Credentials> (issue 9); attributes are not members",
		status: 200, body: replaceOnce(tokenBody(token), "<Credentials>", `<Credentials SessionToken="from-the-attribute">`),
		facts: map[string]string{"SessionToken": token}},
	{name: "prefix-bound-to-sts", provenance: "constructed: <sts:Credentials> with sts bound to the STS namespace is the Credentials element",
		status: 200, body: prefixedBody(), facts: map[string]string{"SessionToken": "prefixed", "AccessKeyId": "ASIAQNZGKIQY6EXAMPLE"}},
	{name: "prefix-bound-elsewhere", provenance: "constructed: <sts:Credentials> with sts bound to another namespace is a foreign element: no Credentials",
		status: 200, body: replaceAll(prefixedBody(), "https://sts.amazonaws.com/doc/2011-06-15/\"><sts:", "urn:example:other\"><sts:"),
		facts: map[string]string{"Credentials": "absent", "Valid": "true"}},
	{name: "foreign-decoy-beside-credentials", provenance: "constructed: a Credentials element in another namespace before the real one; a namespace-blind client reads the decoy",
		status: 200, body: replaceOnce(tokenBody(token), "    <Credentials>", `    <x:Credentials xmlns:x="https://sts.amazonaws.com/doc/2011-06-15"><x:SessionToken>decoy</x:SessionToken></x:Credentials>
    <Credentials>`), facts: map[string]string{"SessionToken": token}},
	{name: "foreign-default-namespace", provenance: "constructed: GetSessionTokenResult redeclares the default namespace to another URI, so nothing below it is STS",
		status: 200, body: replaceOnce(tokenBody(token), "<GetSessionTokenResult>", `<GetSessionTokenResult xmlns="urn:example:other">`),
		facts: map[string]string{"Credentials": "absent"}},
	{name: "no-namespace", provenance: "constructed: no xmlns at all (as some emulators and the Smithy awsQuery tests write); accepted, see the package doc",
		status: 200, body: replaceOnce(tokenBody(token), " "+stsXMLNS, ""), facts: map[string]string{"SessionToken": token}},
	{name: "unknown-elements-and-attributes", provenance: "constructed: unknown elements at every level and unknown attributes, to be ignored",
		status: 200, body: replaceAll(replaceOnce(replaceOnce(tokenBody(token), "<Credentials>", `<Credentials a="1" xml:lang="en"><Extra>x<Nested/></Extra>`),
			"</GetSessionTokenResult>", "<SessionTokenSize>400</SessionTokenSize></GetSessionTokenResult>"), "<ResponseMetadata>", `<ResponseMetadata note="n"><Unknown/>`),
		facts: map[string]string{"SessionToken": token}},
	{name: "element-order", provenance: "constructed: ResponseMetadata before the result and members in reverse order (order is not significant, sts-facts.md 2.2)",
		status: 200, body: `<GetSessionTokenResponse ` + stsXMLNS + `><ResponseMetadata><RequestId>` + sameID + `</RequestId></ResponseMetadata>` +
			`<GetSessionTokenResult><Credentials><Expiration>` + whole + `</Expiration><SessionToken>` + token + `</SessionToken>` +
			`<SecretAccessKey>s</SecretAccessKey><AccessKeyId>ASIAQNZGKIQY6EXAMPLE</AccessKeyId></Credentials></GetSessionTokenResult></GetSessionTokenResponse>`,
		facts: map[string]string{"SessionToken": token, "BodyRequestId": sameID}},
	{name: "xml-declaration-and-prolog", provenance: "constructed: byte order mark, XML declaration, comment and PI before the root, comment after it",
		status: 200, body: "\ufeff<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- prolog -->\n<?pi before?>\n" + tokenBody(token) + "<!-- after -->\n",
		facts: map[string]string{"SessionToken": token}},
	{name: "empty-session-token", provenance: "constructed: an empty SessionToken element is an empty string, not an absent member",
		status: 200, body: tokenBody(""), facts: map[string]string{"SessionToken": ""}},
	{name: "missing-credentials", provenance: "constructed: a success body without Credentials",
		status: 200, body: `<GetSessionTokenResponse ` + stsXMLNS + `><GetSessionTokenResult/><ResponseMetadata><RequestId>` + sameID + `</RequestId></ResponseMetadata></GetSessionTokenResponse>`,
		facts: map[string]string{"Credentials": "absent", "Valid": "true"}},
}

// expirationVectors cover the forms Expiration may be written in.
var expirationVectors = []vectorCase{
	{name: "expiration-milliseconds", provenance: "AWS documentation example form (…29.611Z, botocore examples-1.json)", status: 200,
		body: expiryBody("2011-07-11T19:55:29.611Z"), facts: map[string]string{"Expiration.Form": "date-time", "Expiration.Instant": "2011-07-11T19:55:29.611Z"}},
	{name: "expiration-microseconds", provenance: "constructed: the form moto writes (%Y-%m-%dT%H:%M:%S.%fZ, sts-facts.md 2.3)", status: 200,
		body: expiryBody("2026-12-03T12:00:00.123456Z"), facts: map[string]string{"Expiration.Instant": "2026-12-03T12:00:00.123456Z"}},
	{name: "expiration-nine-digits", provenance: "constructed: nine fractional digits", status: 200,
		body: expiryBody("2026-12-03T12:00:00.123456789Z"), facts: map[string]string{"Expiration.Instant": "2026-12-03T12:00:00.123456789Z"}},
	{name: "expiration-offset", provenance: "constructed: an RFC 3339 offset, which Smithy's date-time format says is parsed gracefully and read as UTC; the instant is 12:00Z", status: 200,
		body: expiryBody("2026-12-03T06:30:00-05:30"), facts: map[string]string{"Expiration.Form": "date-time", "Expiration.Instant": whole}},
	{name: "expiration-lowercase", provenance: "constructed: lower-case t and z, part of the RFC 3339 section 5.6 date-time production (its NOTE: ABNF literals are case-insensitive)", status: 200,
		body: expiryBody("2026-12-03t12:00:00z"), facts: map[string]string{"Expiration.Form": "date-time", "Expiration.Instant": whole}},
	{name: "expiration-without-zone", provenance: "constructed: no zone designator; not RFC 3339, so no instant (ISO 8601 local time)", status: 200,
		body: expiryBody("2026-12-03T12:00:00"), facts: map[string]string{"Expiration.Form": "naive", "Valid": "false"}},
	{name: "expiration-epoch", provenance: "constructed: epoch seconds, the awsJson form, not valid in awsQuery", status: 200,
		body: expiryBody("1796299200"), facts: map[string]string{"Expiration.Form": "epoch", "Valid": "false"}},
	{name: "expiration-http-date", provenance: "constructed: IMF-fixdate, the restXml header form, not valid in awsQuery", status: 200,
		body: expiryBody("Thu, 03 Dec 2026 12:00:00 GMT"), facts: map[string]string{"Expiration.Form": "http-date", "Valid": "false"}},
	{name: "expiration-whitespace", provenance: "constructed: pretty-printed Expiration; the instant is read with whitespace collapsed (as XML Schema does), the text keeps it; not exactly a date-time, so not valid", status: 200,
		body: expiryBody("\n        " + whole + "\n      "), facts: map[string]string{"Expiration": "\n        " + whole + "\n      ", "Expiration.Form": "date-time", "Valid": "false"}},
	{name: "expiration-comment-inside", provenance: "constructed: a comment inside the Expiration text", status: 200,
		body: expiryBody("2026-12-03T12:00<!--x-->:00Z"), facts: map[string]string{"Expiration": whole}},
}

// prefixedBody is a success body whose Credentials subtree uses the sts
// prefix bound to the STS namespace.
func prefixedBody() string {
	return `<GetSessionTokenResponse ` + stsXMLNS + `>
  <GetSessionTokenResult>
    <sts:Credentials xmlns:sts="https://sts.amazonaws.com/doc/2011-06-15/"><sts:AccessKeyId>ASIAQNZGKIQY6EXAMPLE</sts:AccessKeyId><sts:SecretAccessKey>s</sts:SecretAccessKey><sts:SessionToken>prefixed</sts:SessionToken><sts:Expiration>` + whole + `</sts:Expiration></sts:Credentials>
  </GetSessionTokenResult>
</GetSessionTokenResponse>
`
}
