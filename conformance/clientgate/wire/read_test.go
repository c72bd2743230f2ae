package wire

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// success wraps Credentials content in a standard success body.
func success(credentials string) string {
	return `<GetSessionTokenResponse xmlns="` + Namespace + `"><GetSessionTokenResult>` + credentials +
		`</GetSessionTokenResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetSessionTokenResponse>`
}

// creds builds a Credentials element whose SessionToken is token markup.
func creds(token string) string {
	return `<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s</SecretAccessKey>` +
		`<SessionToken>` + token + `</SessionToken><Expiration>2026-12-03T12:00:00Z</Expiration></Credentials>`
}

func TestReadSessionTokenText(t *testing.T) {
	for _, tc := range []struct{ name, markup, want string }{
		{"comment inside text (issue 9)", `A<!--c-->B`, "AB"},
		{"references and CDATA (issue 9)", `A&#x1F600;B&amp;C<![CDATA[<D>]]>E`, "A\U0001F600B&C<D>E"},
		{"decimal astral reference", `&#128512;`, "\U0001F600"},
		{"predefined entities", `&amp;&lt;&gt;&quot;&apos;`, `&<>"'`},
		{"processing instruction inside text", `A<?pi x?>B`, "AB"},
		{"surrounding whitespace is kept", " \tA B\n", " \tA B\n"},
		{"CR LF reads as LF, &#13; as CR", "A\r\nB\rC&#13;", "A\nB\nC\r"},
		{"CDATA keeps markup and does not expand references", `<![CDATA[&amp;<!--x-->]]>`, "&amp;<!--x-->"},
		{"empty", ``, ""},
		{"comment only", `<!--c-->`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exp, err := Read(200, nil, []byte(success(creds(tc.markup))))
			if err != nil || exp.Kind != KindSuccess || exp.Credentials == nil || exp.Credentials.SessionToken == nil {
				t.Fatalf("Read: %v, %+v", err, exp)
			}
			if got := *exp.Credentials.SessionToken; got != tc.want {
				t.Errorf("SessionToken = %q, want %q", got, tc.want)
			}
			if !exp.Valid {
				t.Errorf("not valid: %+v", exp)
			}
		})
	}
}

func TestReadNamespaces(t *testing.T) {
	bound := `<sts:Credentials xmlns:sts="` + Namespace + `"><sts:AccessKeyId>K</sts:AccessKeyId></sts:Credentials>`
	other := `<sts:Credentials xmlns:sts="urn:other"><sts:AccessKeyId>K</sts:AccessKeyId></sts:Credentials>`
	for _, tc := range []struct {
		name, credentials string
		wantKey           *string // nil: no Credentials read
	}{
		{"prefix bound to STS is the same element", bound, ptr("K")},
		{"prefix bound to another namespace is foreign", other, nil},
		{"foreign decoy beside the real element", other + `<Credentials><AccessKeyId>real</AccessKeyId></Credentials>`, ptr("real")},
		{"default namespace redeclared to STS", `<Credentials xmlns="` + Namespace + `"><AccessKeyId>K</AccessKeyId></Credentials>`, ptr("K")},
		{"URI without the final slash is another namespace", `<Credentials xmlns="https://sts.amazonaws.com/doc/2011-06-15"><AccessKeyId>K</AccessKeyId></Credentials>`, nil},
		{"no namespace is accepted", `<Credentials xmlns=""><AccessKeyId>K</AccessKeyId></Credentials>`, ptr("K")},
		{"attribute is not the member", `<Credentials AccessKeyId="attr"><AccessKeyId>K</AccessKeyId></Credentials>`, ptr("K")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exp, err := Read(200, nil, []byte(success(tc.credentials)))
			if err != nil || exp.Kind != KindSuccess {
				t.Fatalf("Read: %v, %+v", err, exp)
			}
			switch {
			case tc.wantKey == nil && exp.Credentials != nil:
				t.Errorf("read Credentials %+v, want none", exp.Credentials)
			case tc.wantKey != nil && (exp.Credentials == nil || exp.Credentials.AccessKeyID == nil):
				t.Errorf("no AccessKeyId read, want %q", *tc.wantKey)
			case tc.wantKey != nil && *exp.Credentials.AccessKeyID != *tc.wantKey:
				t.Errorf("AccessKeyId = %q, want %q", *exp.Credentials.AccessKeyID, *tc.wantKey)
			}
		})
	}
}

func ptr(s string) *string { return &s }

func TestParseTimestamp(t *testing.T) {
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	for _, tc := range []struct {
		text   string
		form   TimeForm
		instat string
		digits int
	}{
		{"2011-07-11T19:55:29.611Z", FormDateTime, "2011-07-11T19:55:29.611Z", 3},
		{"2026-12-03T12:00:00Z", FormDateTime, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03T12:00:00.123456789Z", FormDateTime, "2026-12-03T12:00:00.123456789Z", 9},
		{"2026-12-03T12:00:00.1234567891Z", FormDateTime, "2026-12-03T12:00:00.123456789Z", 10},
		{"2026-12-03T12:00:00.000Z", FormDateTime, "2026-12-03T12:00:00Z", 3},
		{"2026-12-03T13:00:00+01:00", FormDateTime, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03T06:30:00-05:30", FormDateTime, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03T12:00:00-00:00", FormDateTime, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03t12:00:00z", FormDateTime, "2026-12-03T12:00:00Z", 0},
		{" 2026-12-03T12:00:00Z\n", FormDateTime, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03T12:00:00", FormNaive, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03T12:00:00.5", FormNaive, "2026-12-03T12:00:00.5Z", 1},
		{"1796299200", FormEpoch, "2026-12-03T12:00:00Z", 0},
		{"1796299200.25", FormEpoch, "2026-12-03T12:00:00.25Z", 2},
		{"Thu, 03 Dec 2026 12:00:00 GMT", FormHTTPDate, "2026-12-03T12:00:00Z", 0},
		{"2026-12-03 12:00:00Z", FormInvalid, "", 0},
		{"2026-02-30T12:00:00Z", FormInvalid, "", 0},
		{"2026-12-31T23:59:60Z", FormInvalid, "", 0},
		{"2026-12-03T24:00:00Z", FormInvalid, "", 0},
		{"2026-12-03T12:00:00+24:00", FormInvalid, "", 0},
		{"20261203T120000Z", FormInvalid, "", 0},
		{"", FormInvalid, "", 0},
	} {
		got := ParseTimestamp(tc.text)
		want := Timestamp{Text: tc.text, Form: tc.form, FracDigits: tc.digits}
		if tc.instat != "" {
			want.Instant = at(tc.instat)
		}
		if got != want {
			t.Errorf("ParseTimestamp(%q) = %+v, want %+v", tc.text, got, want)
		}
	}
}

func TestReadErrorBody(t *testing.T) {
	body := `<ErrorResponse xmlns="` + Namespace + `"><Error><Type>Sender</Type><Code>Throttling</Code>` +
		`<Message>Rate &lt;exceeded&gt; &amp; "more"</Message></Error><RequestId>body-id</RequestId></ErrorResponse>`
	h := http.Header{}
	h.Set(RequestIDHeader, "header-id")
	exp, err := Read(400, h, []byte(body))
	if err != nil || exp.Kind != KindError || !exp.Valid {
		t.Fatalf("Read: %v %+v", err, exp)
	}
	e := exp.Error
	if *e.Type != "Sender" || *e.Code != "Throttling" || *e.Message != `Rate <exceeded> & "more"` {
		t.Errorf("error = %q %q %q", *e.Type, *e.Code, *e.Message)
	}
	if *exp.BodyRequestID != "body-id" || *exp.HeaderRequestID != "header-id" {
		t.Errorf("request ids = %q %q", *exp.BodyRequestID, *exp.HeaderRequestID)
	}
	if ids := exp.RequestIDs(); len(ids) != 2 {
		t.Errorf("RequestIDs = %q", ids)
	}
	lower := http.Header{"x-amzn-requestid": {"lower"}}
	if exp, _ := Read(400, lower, []byte(body)); exp.HeaderRequestID == nil || *exp.HeaderRequestID != "lower" {
		t.Errorf("non-canonical header key not read: %+v", exp.HeaderRequestID)
	}
}

func TestReadRefuses(t *testing.T) {
	good := success(creds("T"))
	for _, tc := range []struct {
		name, body string
		status     int
		kind       Kind
		reason     string // a part of Expected.Reason
	}{
		{"empty body", "", 200, KindNotWellFormed, "no root"},
		{"truncated", good[:len(good)-5], 200, KindNotWellFormed, ""},
		{"mismatched tag", strings.Replace(good, "</SessionToken>", "</Token>", 1), 200, KindNotWellFormed, "does not match"},
		{"undefined entity", success(creds("&nbsp;")), 200, KindNotWellFormed, "entity"},
		{"reference to a surrogate", success(creds("&#xD800;")), 200, KindNotWellFormed, "not an XML character"},
		{"upper-case X in a reference", success(creds("&#X41;")), 200, KindNotWellFormed, "character entity"},
		{"NUL", success(creds("\x00")), 200, KindNotWellFormed, "illegal character"},
		{"invalid UTF-8", success(creds("\xff")), 200, KindNotWellFormed, "UTF-8"},
		{"duplicate attribute", strings.Replace(good, "<Credentials>", `<Credentials a="1" a="2">`, 1), 200, KindNotWellFormed, "duplicate attribute"},
		{"same expanded attribute twice", strings.Replace(good, "<Credentials>", `<Credentials xmlns:p="urn:x" xmlns:q="urn:x" p:a="1" q:a="2">`, 1), 200, KindNotWellFormed, "given twice"},
		{"undeclared prefix", strings.Replace(good, "<Credentials>", `<Credentials><u:X/>`, 1), 200, KindNotWellFormed, "not declared"},
		{"empty prefix declaration", strings.Replace(good, "<Credentials>", `<Credentials xmlns:p="">`, 1), 200, KindNotWellFormed, "empty namespace"},
		{"text after the root", good + "x", 200, KindNotWellFormed, "outside the root"},
		{"second root", good + "<Other/>", 200, KindNotWellFormed, "second root"},
		{"declaration not first", "\n<?xml version=\"1.0\"?>" + good, 200, KindNotWellFormed, "XML declaration"},
		{"reserved PI target", "<?XML version=\"1.0\"?>" + good, 200, KindNotWellFormed, "reserved"},
		{"]]> in text", success(creds("]]>")), 200, KindNotWellFormed, "]]>"},
		{"DOCTYPE", "<!DOCTYPE x>" + good, 200, KindUnjudged, "DTD"},
		{"non-UTF-8 encoding", `<?xml version="1.0" encoding="ISO-8859-1"?>` + good, 200, KindUnjudged, "ISO-8859-1"},
		{"duplicate SessionToken", success(strings.Replace(creds("T"), "</Credentials>", "<SessionToken>U</SessionToken></Credentials>", 1)), 200, KindUnjudged, "twice"},
		{"member with a child element", success(creds("A<b>x</b>B")), 200, KindUnjudged, "child elements"},
		{"success body with status 400", good, 400, KindUnjudged, "status 400"},
		{"foreign root", "<html><body>Internal Server Error</body></html>", 500, KindForeign, "not an awsQuery answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			exp, err := Read(tc.status, nil, []byte(tc.body))
			if exp.Kind != tc.kind || !strings.Contains(exp.Reason, tc.reason) {
				t.Errorf("Read = %s %q, want %s containing %q", exp.Kind, exp.Reason, tc.kind, tc.reason)
			}
			if wantErr := tc.kind == KindNotWellFormed || tc.kind == KindUnjudged; (err != nil) != wantErr {
				t.Errorf("error %v, want one: %v", err, wantErr)
			}
		})
	}
}
