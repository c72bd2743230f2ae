package record

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"

	"github.com/stsconform/stsconform/call"
)

// RawQuestion is an open question only a raw request can ask (the SDK
// cannot send a DurationSeconds that is not an int32).
type RawQuestion struct {
	Fact   string
	Ask    string
	Method string // POST (Query is the form body) or GET
	Query  string // awsQuery parameters, encoded as sent
}

// The open wire-level questions (sts-facts §4.4, §4.5, §9.3, §9.6).
const (
	factWireDuration = "wire-duration-seconds-text"
	factWireProtocol = "wire-action-version-method"
	gst              = "Action=GetSessionToken&Version=2011-06-15"
)

// RawQuestions are asked by -discover when the target can send raw requests.
var RawQuestions = []RawQuestion{
	{factWireDuration, "DurationSeconds=abc", http.MethodPost, gst + "&DurationSeconds=abc"},
	{factWireDuration, "DurationSeconds=9e2", http.MethodPost, gst + "&DurationSeconds=9e2"},
	{factWireDuration, "DurationSeconds=' 900' (padded)", http.MethodPost, gst + "&DurationSeconds=%20900"},
	{factWireDuration, "DurationSeconds=+900 (signed)", http.MethodPost, gst + "&DurationSeconds=%2B900"},
	{factWireDuration, "DurationSeconds=0900 (leading zero)", http.MethodPost, gst + "&DurationSeconds=0900"},
	{factWireDuration, "DurationSeconds in Arabic-Indic digits", http.MethodPost, gst + "&DurationSeconds=%D9%A9%D9%A0%D9%A0"},
	{factWireDuration, "DurationSeconds=2147483648 (beyond int32)", http.MethodPost, gst + "&DurationSeconds=2147483648"},
	{factWireProtocol, "Version missing", http.MethodPost, "Action=GetSessionToken"},
	{factWireProtocol, "Action unknown", http.MethodPost, "Action=GetSessionTokens&Version=2011-06-15"},
	{factWireProtocol, "GET instead of POST", http.MethodGet, gst + "&DurationSeconds=900"},
}

// rawSender is a target that sends raw requests (the aws target).
type rawSender interface {
	SendRaw(ctx context.Context, method, query string) (int, []byte, error)
}

// NormaliseRaw keeps what a raw answer says: its status and, for an
// awsQuery error, type, code and message; for a success, the credentials'
// shape. The body itself is never kept (a success holds secrets).
func NormaliseRaw(status int, body []byte, err error) Answer {
	if err != nil {
		return Normalise(call.Outcome{}, err)
	}
	var e struct {
		XMLName xml.Name `xml:"ErrorResponse"`
		Type    string   `xml:"Error>Type"`
		Code    string   `xml:"Error>Code"`
		Message string   `xml:"Error>Message"`
	}
	if xml.Unmarshal(body, &e) == nil && e.Code != "" {
		return Normalise(call.Outcome{Kind: call.ServiceError, HTTPStatus: status,
			Error: &call.ErrorDetails{Type: e.Type, Code: e.Code, Message: e.Message}}, nil)
	}
	var ok struct {
		XMLName xml.Name `xml:"GetSessionTokenResponse"`
		Key     string   `xml:"GetSessionTokenResult>Credentials>AccessKeyId"`
		Secret  string   `xml:"GetSessionTokenResult>Credentials>SecretAccessKey"`
		Token   string   `xml:"GetSessionTokenResult>Credentials>SessionToken"`
	}
	if xml.Unmarshal(body, &ok) == nil && ok.Key != "" {
		c := &call.Credentials{AccessKeyID: ok.Key, SecretAccessKey: ok.Secret, SessionToken: ok.Token}
		a := Normalise(call.Outcome{Kind: call.Success, HTTPStatus: status, Credentials: c}, nil)
		a.Credentials.ValidForSeconds = 0 // not read from a raw answer
		return a
	}
	return Answer{HTTPStatus: status, Failure: fmt.Sprintf("HTTP %d, %d bytes that are not an awsQuery answer (%s)",
		status, len(body), shapeOf(body))}
}

func shapeOf(body []byte) string {
	switch t := bytes.TrimSpace(body); {
	case len(t) == 0:
		return "empty"
	case t[0] == '<':
		return "XML or HTML"
	case t[0] == '{':
		return "JSON"
	}
	return "text"
}

// discoverRaw asks the raw questions (only those of fact only, when set).
func discoverRaw(ctx context.Context, s rawSender, kind call.CallerKind, p Provenance, only string) ([]Fact, error) {
	var facts []Fact
	for _, q := range RawQuestions {
		if only != "" && q.Fact != only {
			continue
		}
		status, body, err := s.SendRaw(ctx, q.Method, q.Query)
		var spent interface{ BudgetSpent() bool }
		if errors.As(err, &spent) || ctx.Err() != nil {
			return facts, err
		}
		a := NormaliseRaw(status, body, err)
		if a.Error != nil && AuthErrorCodes[a.Error.Code] {
			return facts, fmt.Errorf("setup error: the credentials were refused (%s): nothing recorded for %s", a.Error.Code, q.Fact)
		}
		facts = append(facts, Fact{Fact: q.Fact, Question: q.Ask + ": " + q.Method + " " + q.Query, Caller: kind, Answer: a, Provenance: p})
	}
	return facts, nil
}
