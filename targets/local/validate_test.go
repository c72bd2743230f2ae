package local

import (
	"context"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/stsconform/stsconform/call"
	"github.com/stsconform/stsconform/model"
)

const (
	snPattern = `[\w+=/:,.@-]*`
	tcPattern = `[\d]*`
)

func clauseFor(value, path, must string) string {
	return "Value '" + value + "' at '" + path + "' failed to satisfy constraint: Member must " + must
}

func oneError(clause string) string { return "1 validation error detected: " + clause }

// validationOf calls the Service as the user and returns the ValidationError
// message, or "" when the input passed validation.
func validationOf(t *testing.T, svc *Service, in call.Input) string {
	t.Helper()
	_, err := svc.GetSessionToken(context.Background(), call.User, in.SDK())
	var apiErr *APIError
	if err == nil || !assert.ErrorAs(t, err, &apiErr) || apiErr.Code != "ValidationError" {
		return ""
	}
	assert.Equal(t, 400, apiErr.HTTPStatus)
	assert.Equal(t, Sender, apiErr.Type)
	return apiErr.Message
}

func TestValidationBoundaries(t *testing.T) {
	sn := func(n int) *string { return call.String(strings.Repeat("a", n)) }
	tc := func(n int) *string { return call.String(strings.Repeat("1", n)) }
	for _, tc := range []struct {
		name string
		in   call.Input
		want string // "" when valid
	}{
		{"duration 899", call.Input{DurationSeconds: call.Int32(899)},
			oneError(clauseFor("899", "durationSeconds", "have value greater than or equal to 900"))},
		{"duration 900", call.Input{DurationSeconds: call.Int32(900)}, ""},
		{"duration 901", call.Input{DurationSeconds: call.Int32(901)}, ""},
		{"duration 129599", call.Input{DurationSeconds: call.Int32(129599)}, ""},
		{"duration 129600", call.Input{DurationSeconds: call.Int32(129600)}, ""},
		{"duration 129601", call.Input{DurationSeconds: call.Int32(129601)},
			oneError(clauseFor("129601", "durationSeconds", "have value less than or equal to 129600"))},
		{"duration negative", call.Input{DurationSeconds: call.Int32(-2147483648)},
			oneError(clauseFor("-2147483648", "durationSeconds", "have value greater than or equal to 900"))},
		{"serial 8", call.Input{SerialNumber: sn(8), TokenCode: tc(6)},
			oneError(clauseFor(*sn(8), "serialNumber", "have length greater than or equal to 9"))},
		{"serial empty", call.Input{SerialNumber: call.String(""), TokenCode: tc(6)},
			oneError(clauseFor("", "serialNumber", "have length greater than or equal to 9"))},
		{"serial 257", call.Input{SerialNumber: sn(257), TokenCode: tc(6)},
			oneError(clauseFor(*sn(257), "serialNumber", "have length less than or equal to 256"))},
		{"token 5", call.Input{SerialNumber: sn(9), TokenCode: tc(5)},
			oneError(clauseFor("11111", "tokenCode", "have length greater than or equal to 6"))},
		{"token 7", call.Input{SerialNumber: sn(9), TokenCode: tc(7)},
			oneError(clauseFor("1111111", "tokenCode", "have length less than or equal to 6"))},
		{"token empty", call.Input{SerialNumber: sn(9), TokenCode: call.String("")},
			oneError(clauseFor("", "tokenCode", "have length greater than or equal to 6"))},
		{"min token size -1", call.Input{MinimumSessionTokenSize: call.Int32(-1)},
			oneError(clauseFor("-1", "minimumSessionTokenSize", "have value greater than or equal to 0"))},
		{"min token size 0", call.Input{MinimumSessionTokenSize: call.Int32(0)}, ""},
		{"min token size 4096", call.Input{MinimumSessionTokenSize: call.Int32(4096)}, ""},
		{"min token size 4097", call.Input{MinimumSessionTokenSize: call.Int32(4097)},
			oneError(clauseFor("4097", "minimumSessionTokenSize", "have value less than or equal to 4096"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, validationOf(t, New(), tc.in))
		})
	}
}

// Valid lengths 9 and 256 pass validation and reach the MFA check.
func TestValidSerialLengthsReachMFA(t *testing.T) {
	for _, n := range []int{9, 256} {
		in := call.Input{SerialNumber: call.String(strings.Repeat("a", n)), TokenCode: call.String("123456")}
		_, err := New().GetSessionToken(context.Background(), call.User, in.SDK())
		assert.Equal(t, msgMFAUnknownSerial, err.(*APIError).Message, "length %d", n)
	}
}

func TestPatternRejectsNonASCIILettersAndDigits(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     call.Input
		clause string
	}{
		{"é in serial", call.Input{SerialNumber: call.String("abcdefghé"), TokenCode: call.String("123456")},
			clauseFor("abcdefghé", "serialNumber", "satisfy regular expression pattern: "+snPattern)},
		{"space in serial", call.Input{SerialNumber: call.String("user name1"), TokenCode: call.String("123456")},
			clauseFor("user name1", "serialNumber", "satisfy regular expression pattern: "+snPattern)},
		{"Arabic-Indic digit", call.Input{SerialNumber: call.String("abcdefghi"), TokenCode: call.String("12345٣")},
			clauseFor("12345٣", "tokenCode", "satisfy regular expression pattern: "+tcPattern)},
		{"fullwidth digit", call.Input{SerialNumber: call.String("abcdefghi"), TokenCode: call.String("12345１")},
			clauseFor("12345１", "tokenCode", "satisfy regular expression pattern: "+tcPattern)},
		{"trailing newline", call.Input{SerialNumber: call.String("abcdefghi"), TokenCode: call.String("12345\n")},
			clauseFor("12345\n", "tokenCode", "satisfy regular expression pattern: "+tcPattern)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, oneError(tc.clause), validationOf(t, New(), tc.in))
		})
	}
}

func TestMultipleClausesInModelOrder(t *testing.T) {
	in := call.Input{
		DurationSeconds:         call.Int32(600),
		SerialNumber:            call.String("é"),
		TokenCode:               call.String("１２３４５６７"),
		MinimumSessionTokenSize: call.Int32(5000),
	}
	want := "6 validation errors detected: " + strings.Join([]string{
		clauseFor("600", "durationSeconds", "have value greater than or equal to 900"),
		clauseFor("é", "serialNumber", "have length greater than or equal to 9"),
		clauseFor("é", "serialNumber", "satisfy regular expression pattern: "+snPattern),
		clauseFor("１２３４５６７", "tokenCode", "have length less than or equal to 6"),
		clauseFor("１２３４５６７", "tokenCode", "satisfy regular expression pattern: "+tcPattern),
		clauseFor("5000", "minimumSessionTokenSize", "have value less than or equal to 4096"),
	}, "; ")
	assert.Equal(t, want, validationOf(t, New(), in))
}

func TestValidationPrecedesOtherChecks(t *testing.T) {
	in := call.Input{TokenCode: call.String("12345")}
	_, err := New().GetSessionToken(context.Background(), call.Session, in.SDK())
	require.Error(t, err)
	assert.Equal(t, "ValidationError", err.(*APIError).Code)
}

func TestContractDrivesValidation(t *testing.T) {
	contract := model.GetSessionToken()
	for i, m := range contract.Members {
		if m.Name == "DurationSeconds" {
			minimum := int64(901)
			contract.Members[i].Min = &minimum
		}
		if m.Name == "SerialNumber" {
			contract.Members[i].Required = true
		}
	}
	in := call.Input{DurationSeconds: call.Int32(900)}
	want := "2 validation errors detected: " +
		clauseFor("900", "durationSeconds", "have value greater than or equal to 901") + "; " +
		"Value null at 'serialNumber' failed to satisfy constraint: Member must not be null"
	assert.Equal(t, want, validationOf(t, New(WithContract(contract)), in))
}

func TestLengthCounterAndPatternMatcherOptions(t *testing.T) {
	utf16Units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	emoji := strings.Repeat("😀", 5) // 5 code points, 10 UTF-16 units
	in := call.Input{SerialNumber: call.String(emoji), TokenCode: call.String("123456")}
	patternOnly := oneError(clauseFor(emoji, "serialNumber", "satisfy regular expression pattern: "+snPattern))
	assert.Equal(t, patternOnly, validationOf(t, New(WithLengthCounter(utf16Units)), in))

	lengthOnly := oneError(clauseFor(emoji, "serialNumber", "have length greater than or equal to 9"))
	anything := func(string, string) bool { return true }
	assert.Equal(t, lengthOnly, validationOf(t, New(WithPatternMatcher(anything)), in))
}

func TestMatchWhole(t *testing.T) {
	assert.True(t, MatchWhole(snPattern, "arn:aws:iam::123456789012:mfa/user"))
	assert.True(t, MatchWhole(snPattern, ""))
	assert.False(t, MatchWhole(tcPattern, "12a"))
	assert.False(t, MatchWhole(`[`, "["), "a pattern Go cannot compile matches nothing")
}

func TestNilInputIsEmpty(t *testing.T) {
	out, err := New().GetSessionToken(context.Background(), call.User, (*sts.GetSessionTokenInput)(nil))
	require.NoError(t, err)
	assert.NotNil(t, out.Credentials)
}
