package local

import (
	"errors"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/conformance/model"
)

// readParams returns the request's parameters: the query string, plus the
// body of a form-urlencoded POST (whose values win). Other bodies are not
// read. A body over maxBodyBytes is refused with 413; a string that is not
// valid percent-encoding with 400 (both answers UNVERIFIED for STS).
func readParams(w http.ResponseWriter, r *http.Request) (url.Values, error) {
	params, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, malformed()
	}
	if r.Method != http.MethodPost || !isForm(r.Header.Get("Content-Type")) {
		return params, nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	if err := r.ParseForm(); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, senderError(http.StatusRequestEntityTooLarge, "RequestEntityTooLarge",
				"Request body must be at most "+strconv.Itoa(maxBodyBytes)+" bytes.")
		}
		return nil, malformed()
	}
	for name, values := range r.PostForm {
		params[name] = values
	}
	return params, nil
}

func malformed() error {
	return senderError(http.StatusBadRequest, "MalformedQueryString", "The request parameters are not valid form-urlencoded text.")
}

// isForm reports whether a Content-Type is application/x-www-form-urlencoded,
// with or without parameters such as charset.
func isForm(contentType string) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	return err == nil && mediaType == "application/x-www-form-urlencoded"
}

// formMembers are the members in model order, each with how it is read
// from its wire text. Integers must be decimal and fit int32 (Go's strconv
// also accepts a sign and leading zeros, as Java's Integer.parseInt does).
var formMembers = []struct {
	name string
	set  func(in *sts.GetSessionTokenInput, text string) error
}{
	{"DurationSeconds", func(in *sts.GetSessionTokenInput, t string) error { return setInt(&in.DurationSeconds, t) }},
	{"SerialNumber", func(in *sts.GetSessionTokenInput, t string) error { in.SerialNumber = &t; return nil }},
	{"TokenCode", func(in *sts.GetSessionTokenInput, t string) error { in.TokenCode = &t; return nil }},
	{"MinimumSessionTokenSize", func(in *sts.GetSessionTokenInput, t string) error { return setInt(&in.MinimumSessionTokenSize, t) }},
}

func setInt(field **int32, text string) error {
	v, err := strconv.ParseInt(text, 10, 32)
	if err != nil {
		return err
	}
	n := int32(v)
	*field = &n
	return nil
}

// parseInput builds the SDK input from the parameters (the first value of
// each; unknown parameters are ignored). Members that are not int32
// decimals are reported together as one ValidationError. What AWS answers
// to such values is UNVERIFIED (facts §4.4); the message reuses the Coral
// clause grammar with a phrase of this library's own.
func parseInput(params url.Values) (*sts.GetSessionTokenInput, error) {
	in := &sts.GetSessionTokenInput{}
	var clauses []string
	for _, m := range formMembers {
		if !params.Has(m.name) {
			continue
		}
		text := params.Get(m.name)
		if m.set(in, text) != nil {
			path := model.Member{Name: m.name}.Path()
			clauses = append(clauses, clause(text, path, "be a decimal integer between -2147483648 and 2147483647"))
		}
	}
	if len(clauses) > 0 {
		return nil, validationError(validationMessage(clauses))
	}
	return in, nil
}
