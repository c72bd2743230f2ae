package rawwire

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// -0 is not unparsable: every integer parser reads 0, which is out of range.
func TestRejectReasonSaysWhatIsWrong(t *testing.T) {
	req := func(ps ...Param) Request {
		return Request{Params: append([]Param{{Key: "Action", Value: action}}, ps...)}
	}
	for value, want := range map[string]string{
		"-0":         "DurationSeconds=-0, the integer 0, outside the model's range 900..129600",
		"-1":         "DurationSeconds=-1, the integer -1, outside the model's range 900..129600",
		"2147483648": "DurationSeconds=2147483648, the integer 2147483648, outside the model's range 900..129600",
		"abc":        "a request no parser can accept",
		"1.5":        "a request no parser can accept",
	} {
		assert.Equal(t, want, rejectReason(req(Param{Key: "DurationSeconds", Value: value})), value)
	}
	assert.Equal(t, "a request no parser can accept", rejectReason(req()))
}
