package local

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"strings"

	"github.com/stsconform/stsconform/call"
)

// maxBodyBytes bounds the request body the handler reads.
const maxBodyBytes = 1 << 20

// handler serves one Service over awsQuery.
type handler struct {
	svc *Service
}

// NewHandler serves the Service as an awsQuery endpoint: POST with a
// form-urlencoded body (what SDKs send) or GET with a query string. The
// caller is found from the access key id of the SigV4 Authorization header
// (or the X-Amz-Credential query parameter of a presigned request); the
// signature itself is NOT verified, so any secret works. Answers that AWS's
// own behaviour does not pin down (marked UNVERIFIED) are this library's
// choice. The handler never panics on a request and never answers 5xx
// unless the Service itself fails.
func NewHandler(svc *Service) http.Handler {
	return &handler{svc: svc}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	requestID := newRequestID()
	defer recoverAsInternalFailure(w, requestID)
	out, err := h.answer(w, r)
	if err != nil {
		writeError(w, requestID, asAPIError(err))
		return
	}
	writeSuccess(w, requestID, out)
}

// answer runs the protocol checks in order, then the Service.
func (h *handler) answer(w http.ResponseWriter, r *http.Request) (*successBody, error) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		// UNVERIFIED: what STS answers to other methods.
		return nil, senderError(http.StatusMethodNotAllowed, "MethodNotAllowed", "The requested method "+r.Method+" is not allowed.")
	}
	params, err := readParams(w, r)
	if err != nil {
		return nil, err
	}
	if err := checkAction(params); err != nil {
		return nil, err
	}
	id, err := h.authenticate(r)
	if err != nil {
		return nil, err
	}
	in, err := parseInput(params)
	if err != nil {
		return nil, err
	}
	out, err := h.svc.issue(r.Context(), id, in)
	if err != nil {
		return nil, err
	}
	return newSuccessBody(out), nil
}

// checkAction accepts only GetSessionToken of API version 2011-06-15.
// MissingAction and the answer to a missing or other Version are UNVERIFIED
// for STS; unknown actions follow other Coral awsQuery services.
func checkAction(params url.Values) error {
	action, version := params.Get("Action"), params.Get("Version")
	if !params.Has("Action") {
		return senderError(http.StatusBadRequest, "MissingAction", "The request must contain the parameter Action.")
	}
	if action != "GetSessionToken" || version != call.APIVersion {
		return senderError(http.StatusBadRequest, "InvalidAction",
			fmt.Sprintf("Could not find operation %s for version %s", action, version))
	}
	return nil
}

// authenticate finds the identity owning the request's access key id.
func (h *handler) authenticate(r *http.Request) (Identity, error) {
	keyID, ok := accessKeyIDOf(r)
	if !ok {
		return Identity{}, senderError(http.StatusForbidden, "MissingAuthenticationToken", "Request is missing Authentication Token")
	}
	id, ok := h.svc.Identity(keyID)
	if !ok {
		return Identity{}, senderError(http.StatusForbidden, "InvalidClientTokenId", "The security token included in the request is invalid.")
	}
	return id, nil
}

// accessKeyIDOf reads the access key id from "Credential=AKID/date/region/
// sts/aws4_request" in the Authorization header or, for a presigned request,
// the X-Amz-Credential query parameter.
func accessKeyIDOf(r *http.Request) (string, bool) {
	credential := r.URL.Query().Get("X-Amz-Credential")
	if auth := r.Header.Get("Authorization"); auth != "" {
		_, rest, _ := strings.Cut(auth, "Credential=")
		credential, _, _ = strings.Cut(rest, ",")
	}
	if credential == "" {
		return "", false
	}
	keyID, _, _ := strings.Cut(strings.TrimSpace(credential), "/")
	return keyID, true
}

// asAPIError turns a failure of the Service into a Receiver error.
func asAPIError(err error) *APIError {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr
	}
	log.Printf("local: GetSessionToken failed: %v", err)
	return &APIError{HTTPStatus: http.StatusInternalServerError, Type: Receiver, Code: "InternalFailure",
		Message: "The request processing has failed because of an unknown error, exception or failure."}
}

// recoverAsInternalFailure answers 500 if the handler panicked.
func recoverAsInternalFailure(w http.ResponseWriter, requestID string) {
	if p := recover(); p != nil {
		writeError(w, requestID, asAPIError(fmt.Errorf("panic: %v", p)))
	}
}
