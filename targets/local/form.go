package local

import (
	"errors"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/stsconform/stsconform/call"
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

// notInt32 is the phrase for an integer member whose text is not an int32
// decimal (the library's own wording: AWS's is UNVERIFIED, facts §4.4).
var notInt32 = "be a decimal integer between " + strconv.Itoa(math.MinInt32) + " and " + strconv.Itoa(math.MaxInt32)

func malformed() error {
	return senderError(http.StatusBadRequest, "MalformedQueryString", "The request parameters are not valid form-urlencoded text.")
}

// isForm reports whether a Content-Type is application/x-www-form-urlencoded,
// with or without parameters such as charset.
func isForm(contentType string) bool {
	mediaType, _, err := mime.ParseMediaType(contentType)
	return err == nil && mediaType == "application/x-www-form-urlencoded"
}

// parseInput builds the SDK input from the parameters (the first value of
// each; unknown parameters are ignored). Members that are not int32
// decimals are reported together as one ValidationError. What AWS answers
// to such values is UNVERIFIED (facts §4.4); the message reuses the Coral
// clause grammar with a phrase of this library's own.
func parseInput(params url.Values) (*sts.GetSessionTokenInput, error) {
	var in call.Input
	var clauses []string
	for _, m := range call.Members() {
		if !params.Has(m.Name) {
			continue
		}
		text := params.Get(m.Name)
		if in.SetText(m.Name, text) != nil {
			clauses = append(clauses, clause(text, m.Path(), notInt32))
		}
	}
	if len(clauses) > 0 {
		return nil, validationError(validationMessage(clauses))
	}
	return in.SDK(), nil
}
