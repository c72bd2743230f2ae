package local

import (
	"fmt"
	"net/http"

	"github.com/aws/smithy-go"
)

// Error types of an awsQuery ErrorResponse.
const (
	Sender   = "Sender"
	Receiver = "Receiver"
)

// Messages AWS STS sends, verbatim (facts §4.2, §4.3). Note the two spaces
// after "code." in msgMFAUnknownSerial.
const (
	msgSessionCredentials = "Cannot call GetSessionToken with session credentials"
	msgMFAIncomplete      = "MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code."
	msgMFAUnknownSerial   = "MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user."
	msgMFAInvalidCode     = "MultiFactorAuthentication failed with invalid MFA one time pass code."
)

// APIError is an error response as STS sends it.
type APIError struct {
	HTTPStatus int
	Type       string // Sender or Receiver
	Code       string
	Message    string
}

var _ smithy.APIError = (*APIError)(nil)

// Error formats the error like the SDK does.
func (e *APIError) Error() string {
	return fmt.Sprintf("api error %s: %s", e.Code, e.Message)
}

// ErrorCode returns the error code, e.g. ValidationError.
func (e *APIError) ErrorCode() string { return e.Code }

// ErrorMessage returns the error message.
func (e *APIError) ErrorMessage() string { return e.Message }

// ErrorFault maps Sender to a client fault and Receiver to a server fault.
func (e *APIError) ErrorFault() smithy.ErrorFault {
	switch e.Type {
	case Sender:
		return smithy.FaultClient
	case Receiver:
		return smithy.FaultServer
	}
	return smithy.FaultUnknown
}

func senderError(status int, code, message string) *APIError {
	return &APIError{HTTPStatus: status, Type: Sender, Code: code, Message: message}
}

func accessDenied(message string) *APIError {
	return senderError(http.StatusForbidden, "AccessDenied", message)
}

func validationError(message string) *APIError {
	return senderError(http.StatusBadRequest, "ValidationError", message)
}
