package wire

import (
	"fmt"
	"slices"

	"github.com/stsconform/stsconform/targets/clients/driver"
)

func compareError(want Expected, got driver.Reply) []Finding {
	if got.Phase == driver.PhaseParsed {
		return []Finding{{Field: "outcome", Kind: FindWrongOutcome, Grade: Divergence,
			Want: fmt.Sprintf("service error %s", show(errorField(want, "Code"), false)), Got: got.String()}}
	}
	e := got.Error
	if e.Kind != driver.KindService {
		return refusal(want, got, "a service error")
	}
	var fs []Finding
	for _, m := range []struct{ name, got string }{{"Code", e.Code}, {"Message", e.Message}} {
		w := errorField(want, m.name)
		fs = append(fs, compareString("Error."+m.name, w, exposed(w, m.got), false)...)
	}
	fs = append(fs, compareFault(errorField(want, "Type"), e.Fault)...)
	if e.HTTPStatus != 0 && e.HTTPStatus != want.Status {
		fs = append(fs, Finding{Field: "Error.HTTPStatus", Kind: FindValue, Grade: Divergence,
			Want: fmt.Sprint(want.Status), Got: fmt.Sprint(e.HTTPStatus)})
	}
	fs = append(fs, compareRequestID(want, e.RequestID)...)
	return markBlind(want, fs, map[string]*string{"Error.Code": &e.Code, "Error.Message": &e.Message,
		"Error.Type": &e.Fault, "Error.RequestId": &e.RequestID})
}

// errorField returns a member of the expected Error, nil when absent.
func errorField(want Expected, name string) *string {
	if want.Error == nil {
		return nil
	}
	switch name {
	case "Code":
		return want.Error.Code
	case "Message":
		return want.Error.Message
	}
	return want.Error.Type
}

// exposed maps the driver's "" (not exposed, or empty: the protocol does
// not tell them apart) to absent, unless the body's value is empty too.
func exposed(want *string, got string) *string {
	if got == "" && (want == nil || *want != "") {
		return nil
	}
	return &got
}

// compareFault checks the fault a client exposes, if any, against <Type>.
func compareFault(want *string, got string) []Finding {
	switch {
	case got == "":
		return nil
	case want == nil:
		return []Finding{{Field: "Error.Type", Kind: FindFaultInvented, Grade: Note, Want: "absent", Got: fmt.Sprintf("%q", got)}}
	case *want != got:
		return []Finding{{Field: "Error.Type", Kind: FindValue, Grade: Divergence, Want: show(want, false), Got: fmt.Sprintf("%q", got)}}
	}
	return nil
}

// compareRequestID: the client must expose a request id the response
// carries (body or header). When both are present and differ, either is
// right and a Note says which one the client took.
func compareRequestID(want Expected, got string) []Finding {
	ids := want.RequestIDs()
	f := Finding{Field: "Error.RequestId", Grade: Divergence, Want: requestIDWant(want), Got: fmt.Sprintf("%q", got)}
	switch {
	case len(ids) == 0 && got == "":
		return nil
	case len(ids) == 0:
		f.Kind = FindInvented
	case got == "":
		f.Kind, f.Got = FindAbsent, "absent"
	case !slices.Contains(ids, got):
		f.Kind = FindValue
	case len(ids) == 2:
		source := "body"
		if got == *want.HeaderRequestID {
			source = "header"
		}
		f.Kind, f.Grade, f.Detail = FindRequestIDChoice, Note, "took the "+source+" id"
	default:
		return nil
	}
	return []Finding{f}
}

func requestIDWant(want Expected) string {
	switch {
	case want.BodyRequestID != nil && want.HeaderRequestID != nil:
		return fmt.Sprintf("body %q or header %q", *want.BodyRequestID, *want.HeaderRequestID)
	case want.BodyRequestID != nil:
		return fmt.Sprintf("%q (body only)", *want.BodyRequestID)
	case want.HeaderRequestID != nil:
		return fmt.Sprintf("%q (header only)", *want.HeaderRequestID)
	}
	return "absent"
}
