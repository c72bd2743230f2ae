package call

// Wire is what an HTTP answer said beyond what the client read from it:
// headers and the body's root element. Only targets that see the HTTP
// response fill it (nil otherwise).
type Wire struct {
	ContentType string `json:"contentType"`
	// RequestIDHeader is the x-amzn-RequestId header; nil when absent.
	RequestIDHeader *string `json:"requestIdHeader,omitempty"`
	// BodyRequestID is the body's RequestId (ResponseMetadata/RequestId of
	// a success, the RequestId beside Error of an ErrorResponse).
	BodyRequestID string `json:"bodyRequestId,omitempty"`
	// Root and Namespace are the body's root element and its xmlns.
	Root      string `json:"root"`
	Namespace string `json:"namespace"`
}
