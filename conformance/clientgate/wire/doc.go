// Package wire is the response side of the client gate: what an awsQuery
// GetSessionToken response body says, decided by a reference reader, and
// how a client's reading of it compares.
//
// It has three parts:
//
//   - Read decides, with encoding/xml plus the XML 1.0 well-formedness
//     checks encoding/xml leaves out, what an XML 1.0 parser reads from a
//     response (status, header, body): the four credential strings exactly,
//     Expiration as written and as an instant, the error's Code, Type and
//     Message, and the RequestId from the body and from the header.
//   - Responses (and its parts SuccessResponses, ErrorResponses,
//     MalformedResponses) are rapid generators of response bodies, each
//     carrying its status, headers, bytes, report label and the values it
//     was built to say (Response.Want).
//   - Compare lists how a client's Reply (the driver protocol's reply,
//     targets/clients/PROTOCOL.md) differs from the Expected reading, each
//     Finding graded: a silently wrong value is a Divergence, an error on a
//     valid body is a Refusal, and a lesser observation (an Expiration kept
//     as a string, precision dropped) is a Note. Faithful is the reply of a
//     client that reads exactly what Read reads, for the gate's own tests.
//   - LoadVectors reads the golden vectors (fixtures/wire/responses): each
//     a hand-chosen response with its provenance and its Expected reading,
//     kept in step with Read by this package's tests (-update rewrites).
//
// Read is checked against expat, an independent XML 1.0 parser
// (testdata/expat_tree.py): both agree on which bodies are well-formed and
// on the element tree of those that are.
//
// # Namespaces
//
// Elements are matched by local name and namespace. An element is an STS
// element when its namespace is the STS namespace
// (https://sts.amazonaws.com/doc/2011-06-15/, compared byte for byte as the
// Namespaces in XML recommendation requires), however it is spelled: the
// default namespace, or any prefix bound to that URI (<sts:Credentials> with
// xmlns:sts bound to it is the Credentials element). An element in no
// namespace is accepted as well, because awsQuery error bodies are
// specified without one (Smithy's awsQuery protocol tests) and servers send
// them so. An element bound to any other namespace URI is a foreign element:
// it is ignored like an unknown element, even when its local name is
// Credentials or SessionToken. A client that reads it anyway is
// namespace-blind, and when that changes a value Compare reports the value
// as a Divergence whose Detail says so (Expected.ForeignValues holds what
// such a reader takes).
// A prefix that is used but not declared, or a prefix declaration with an
// empty URI, makes the body not namespace-well-formed, which Read treats as
// not well-formed.
//
// Attributes never carry values: <Credentials SessionToken="x"> has no
// SessionToken member from its attribute.
//
// # Text
//
// A member's value is the concatenation of all character data directly
// inside its element: text, entity and character references, CDATA
// sections, in document order, with comments and processing instructions
// removed and line ends normalised as XML 1.0 requires (a literal CR LF
// reads as LF; &#13; reads as CR). Nothing is trimmed: surrounding
// whitespace is part of a string.
//
// # Expiration
//
// awsQuery writes timestamps in Smithy's date-time format: the RFC 3339
// section 5.6 date-time production (so t and z may be lower case, and any
// number of fractional digits), with Z; offsets, Smithy says, "are parsed
// gracefully" and read as UTC. Such a text is valid and names an instant,
// which a client must return exactly (to the precision it keeps). Read also
// finds the instant of a date-time with surrounding whitespace (collapsed
// as XML Schema does for dateTime), but such a body, like one with a
// zoneless, epoch or HTTP-date Expiration, is not Valid: a client may
// refuse it. Text always keeps what was written.
//
// Bodies the reference will not judge (a DOCTYPE, a non-UTF-8 encoding, a
// member element with child elements, a member given twice) are read as
// KindUnjudged, and Compare reports nothing for them but a Note.
package wire
